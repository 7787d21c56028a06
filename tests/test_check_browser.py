"""Checking a claim in a real browser (Playwright driving Debian's Chromium, /usr/bin/chromium):
the front page's form over the sample corpus with its invented fact-checks (examples/)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kroscek.cli import app as cli

from test_web_browser import browser, playwright, serve_app  # noqa: F401  (skipped with it without Chromium)

FACT_CHECKS = Path(__file__).resolve().parents[1] / "examples" / "factchecks"
# The sample corpus says nine died in the Tanjung Seruni flood (examples/corpus/02); the claim
# says 90, and an invented fact-check (examples/factchecks) found it false.
CLAIM = "Banjir bandang di Tanjung Seruni menewaskan 90 orang"


@pytest.fixture(scope="module")
def server(corpus_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("check-web")
    db = str(folder / "k.db")
    runner = CliRunner()
    result = runner.invoke(cli, ["run", str(corpus_dir), "--db", db, "--out", str(folder / "report"), "--fast", "--quiet"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["ingest-factchecks", str(FACT_CHECKS), "--db", db])
    assert result.exit_code == 0, result.output
    with serve_app(db) as url:
        yield url


def test_a_claim_checked_from_the_front_page(server, browser, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    try:
        page.goto(server + "/")
        page.get_by_role("textbox", name="Periksa klaim").fill(CLAIM)
        page.get_by_role("button", name="Periksa", exact=True).click()
        page.wait_for_selector("#check-result")
        assert page.url.startswith(server + "/check?claim=")
        contradicts = page.locator("#check-contradicts").inner_text()
        assert "Harian Mentari" in contradicts and "sembilan orang" in contradicts and "90 orang" in contradicts
        assert "angka" in contradicts  # the slot, in Indonesian
        assert page.locator("#check-stories a").first.inner_text().startswith("Banjir Bandang Terjang Tanjung Seruni")
        assert "90 orang" in page.locator("#check-unstated").inner_text()  # no outlet says 90
        verdict = page.locator("#check-factchecks .verdict").first
        assert verdict.inner_text() == "salah"
        assert page.locator("#check-factchecks a").first.get_attribute("href").startswith("https://cekfakta-contoh.example/")
        shot = tmp_path / "check.png"
        page.screenshot(path=str(shot), full_page=True)
        assert 0 < shot.stat().st_size < 300_000
        # the story page links from the answer; a story whose facts a fact-check matches shows it
        page.locator("#check-stories a").first.click()
        page.wait_for_selector(".side article")
        assert page.locator(".fact-checks").count() == 0  # the story says nine, not the 90 found false
        page.goto(server + "/outlets")
        page.get_by_role("link", name="Portal Kilat").click()
        playwright.expect(page.locator("#copies")).to_contain_text("Warta Nusantara")
        page.locator("#stale a").first.click()
        page.wait_for_selector(".side article")
        assert "Buru Raya" in page.locator("h1").inner_text()
        # a claim with another count: the fact-check is not its own, it is listed apart as a close claim's
        page.goto(server + "/")
        page.get_by_role("textbox", name="Periksa klaim").fill("Banjir bandang di Tanjung Seruni menewaskan 19 orang")
        page.get_by_role("button", name="Periksa", exact=True).click()
        page.wait_for_selector("#check-result")
        assert page.locator("#check-factchecks .verdict").count() == 0
        close = page.locator("#check-close-factchecks").inner_text()
        assert "Tanjung Seruni Tewaskan 90 Orang" in close and "salah" in close
        playwright.expect(page.get_by_role("heading", name="Cek fakta atas klaim yang mirip")).to_be_visible()
        # an empty claim gets a message on the page, and the form stays to try again
        page.goto(server + "/")
        page.get_by_role("textbox", name="Periksa klaim").fill("   ")
        page.get_by_role("button", name="Periksa", exact=True).click()
        playwright.expect(page.locator("#claim-error")).to_contain_text(re.compile("klaimnya kosong"))
        assert page.get_by_role("textbox", name="Periksa klaim").is_visible()
        assert refused == []
    finally:
        context.close()


def test_the_check_and_outlet_pages_fit_a_phone(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 800}, locale="id-ID")
    page = context.new_page()
    try:
        for path in (f"/check?claim={CLAIM}", "/outlets", "/outlets/Portal Kilat"):
            page.goto(server + path)
            assert page.evaluate("document.scrollingElement.scrollWidth") <= 390, path
        page.goto(server + "/outlets")
        table = page.locator("#outlets")
        assert table.bounding_box()["width"] > 390  # the table scrolls in its own box
    finally:
        context.close()
