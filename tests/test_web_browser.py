"""The web app in a real browser: Playwright driving Debian's Chromium (/usr/bin/chromium)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from typer.testing import CliRunner

from kroscek.cli import app as cli
from kroscek.store import Store
from kroscek.web.app import ServerSettings, create_app

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("Chromium is missing in CI: .ci/run installs Debian's chromium package")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

UPLOAD = """Pasar Apung Baru Dibuka di Tepian Sungai Martapura

Pemerintah Kota Banjar Raya membuka pasar apung baru di tepian Sungai Martapura pada Sabtu (11/10/2025).
Wali Kota Rahmat Hidayat mengatakan pasar itu menampung 120 pedagang perahu.

"Pasar ini kami bangun agar pedagang perahu punya tempat yang layak," kata Rahmat.
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve_app(db: str) -> Iterator[str]:
    """The web app over the store ``db``, served in a thread on a free loopback port: its URL."""
    port = free_port()
    config = uvicorn.Config(create_app(ServerSettings(db=db)), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.1)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(seeds_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    db = str(folder / "k.db")
    result = CliRunner().invoke(cli, ["run", str(seeds_dir), "--db", db, "--out", str(folder / "report")])
    assert result.exit_code == 0, result.output
    token = Store(db).add_token("browser test")
    with serve_app(db) as url:
        yield {"url": url, "token": token, "folder": folder}


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):  # an English-speaking browser (the interface follows Accept-Language)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    yield context.new_page()
    context.close()


def test_seed_story_shows_both_articles_side_by_side_and_the_dispute(server, page):
    page.goto(server["url"] + "/")
    page.get_by_role("link", name="Korea Utara").first.click()
    page.wait_for_selector(".side article")
    columns = page.locator(".side article")
    assert columns.count() == 2
    outlets = " ".join(columns.all_inner_texts())
    assert "Semarak News" in outlets and "KONTAN" in outlets.upper()
    disputed = page.locator(".fact.disputed")
    assert disputed.count() >= 1
    assert "Juli" in disputed.first.inner_text()


def test_search_and_filters(server, page):
    page.goto(server["url"] + "/")
    page.get_by_role("searchbox", name="Search articles").fill("Donbas")
    page.keyboard.press("Enter")
    page.wait_for_selector("#hits li")
    assert page.locator("#hits li").count() == 2  # both seeds name the Donbas
    assert page.locator("#hits mark").first.inner_text().lower() == "donbas"
    page.goto(server["url"] + "/")
    page.fill("input[name=language]", "en")
    page.get_by_role("button", name="Filter").click()
    assert "No stories match" in page.locator("#stories").inner_text()
    page.fill("input[name=language]", "id")
    page.get_by_role("button", name="Filter").click()
    assert page.locator("#stories tbody tr").count() == 1
    page.fill("input[name=language]", "")
    page.fill("input[name=entity]", "Dennis Pushlin")  # one spelling finds the entity under any other
    page.get_by_role("button", name="Filter").click()
    assert page.locator("#stories tbody tr").count() == 1
    page.fill("input[name=entity]", "Sukamaju")
    page.get_by_role("button", name="Filter").click()
    assert "No stories match" in page.locator("#stories").inner_text()


def test_upload_is_refused_without_a_token(server, page, tmp_path):
    upload = tmp_path / "pasar.txt"
    upload.write_text(UPLOAD, encoding="utf-8")
    page.goto(server["url"] + "/ingest")
    page.set_input_files("#files", str(upload))
    page.get_by_role("button", name="Upload").click()
    playwright.expect(page.locator("#status")).to_have_text(re.compile("^Refused"))  # no eval: the CSP forbids it
    assert "token" in page.locator("#status").inner_text()


def test_upload_with_a_token_adds_a_story(server, page, tmp_path):
    upload = tmp_path / "pasar.txt"
    upload.write_text(UPLOAD, encoding="utf-8")
    page.goto(server["url"] + "/ingest")
    page.fill("#token", server["token"])
    page.dispatch_event("#token", "change")
    page.set_input_files("#files", str(upload))
    page.get_by_role("button", name="Upload").click()
    playwright.expect(page.locator("#status")).to_have_text(re.compile("^done"), timeout=120_000)
    assert "1 new articles" in page.locator("#status").inner_text()
    page.goto(server["url"] + "/")
    page.get_by_role("link", name="Pasar Apung Baru Dibuka di Tepian Sungai Martapura").click()
    assert "120 pedagang" in page.locator(".side").inner_text()


@pytest.mark.parametrize(("path", "ready"), [("/docs", ".swagger-ui .opblock"), ("/redoc", "[role=menuitem], .menu-content")])
def test_api_docs_render_with_the_network_blocked(server, browser, path, ready):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    elsewhere: list[str] = []

    def only_the_app(route):
        if route.request.url.startswith(server["url"]):
            return route.continue_()
        elsewhere.append(route.request.url)
        return route.abort()

    context.route("**/*", only_the_app)
    page = context.new_page()
    violations: list[str] = []
    # ReDoc's footer logo (an image on its maker's site) is refused by the CSP: nothing leaves the
    # machine, and the page does not need it; any other refusal (a script, a style) would be a fault.
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text and "Loading the image" not in message.text else None)
    try:
        page.goto(server["url"] + path)
        page.wait_for_selector(ready, timeout=30_000)
        assert "/api/v1/stories" in page.content()
        assert elsewhere == [] and violations == []
    finally:
        context.close()


def test_the_interface_is_indonesian_by_default_and_english_on_request(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    try:
        page.goto(server["url"] + "/")
        assert page.locator("html").get_attribute("lang") == "id"
        assert re.fullmatch(r"\d+ berita", page.locator("h1").inner_text())
        assert page.get_by_role("searchbox", name="Cari artikel").is_visible()
        headers = page.locator("#stories thead").inner_text()
        assert "Media" in headers and "Terbit" in headers
        assert re.search(r"\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4}", page.locator("#stories").inner_text())
        page.get_by_role("link", name="Korea Utara").first.click()
        page.wait_for_selector(".side article")
        assert "Artikel berdampingan" in page.content() and "Di mana sumber berbeda" in page.content()
        page.get_by_role("link", name="EN", exact=True).click()  # the reader's choice is kept on the next pages
        page.wait_for_selector("text=The articles side by side")
        assert page.locator("html").get_attribute("lang") == "en"
        page.goto(server["url"] + "/")
        assert re.fullmatch(r"\d+ stor(y|ies)", page.locator("h1").inner_text())
        assert re.search(r"[A-Z][a-z]{2} \d{1,2}, \d{4}", page.locator("#stories").inner_text())
        page.goto(server["url"] + "/?lang=id")
        assert page.get_by_role("button", name="Saring").is_visible()
        page.goto(server["url"] + "/ingest")  # the script's messages are in the page's language too
        page.get_by_role("button", name="Unggah").click()
        playwright.expect(page.locator("#status")).to_have_text(re.compile("^Ditolak: "))
    finally:
        context.close()


def test_an_alias_finds_the_seed_story(server, page):
    for term in ("Korut", "North Korea", "DPRK"):  # the seeds write Korea Utara
        page.goto(server["url"] + "/")
        page.fill("input[name=entity]", term)
        page.get_by_role("button", name="Filter").click()
        assert page.get_by_role("link", name=re.compile("Kim Jong Un")).count() == 1, term
    page.get_by_role("searchbox", name="Search articles").fill("Korut")
    page.keyboard.press("Enter")
    page.wait_for_selector("#hits li")
    assert page.locator("#hits li").count() == 2
