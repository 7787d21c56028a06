"""The newsroom product in a real browser (Playwright driving Debian's Chromium, as
tests/test_web_browser.py): the Indonesian interface, an alias filter, a CSV upload with its column
mapping, a citation landing on its sentence, exports, and the story page at phone width."""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.request

import pytest

# The seeded server and Chromium of the browser tests (one server for this module).
from test_web_browser import browser, playwright, server  # noqa: F401

pytestmark = pytest.mark.slow  # the seeds are run through the whole pipeline (NER, e5) for the server

PHONE = {"width": 390, "height": 844}
# An invented newsroom export: its own column names, so it needs a mapping.
MARKET = ("Pemerintah Kota Banjar Raya membuka pasar apung baru di tepian Sungai Martapura pada Sabtu (11/10/2025). "
          "Wali Kota Rahmat Hidayat mengatakan pasar itu menampung 120 pedagang perahu. \"Pasar ini kami bangun agar "
          "pedagang perahu punya tempat yang layak,\" kata Rahmat.")


def export_csv(title: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["judul", "isi_berita", "tanggal", "media"])
    writer.writerow([title, MARKET, "2025-10-11", "Warta Banjar"])
    return out.getvalue()


@pytest.fixture()
def indonesian(browser):  # noqa: F811 - a browser whose reader asks for Indonesian
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    yield context.new_page()
    context.close()


@pytest.fixture()
def english(browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    yield context.new_page()
    context.close()


@pytest.fixture()
def phone(browser):  # noqa: F811 - a phone-sized screen, as a newsroom reader on the move
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                  locale="id-ID")
    yield context.new_page()
    context.close()


def seed_story_id(server) -> str:  # noqa: F811
    with urllib.request.urlopen(server["url"] + "/api/v1/stories?entity=Korut") as response:
        items = json.load(response)["items"]
    assert len(items) == 1
    return items[0]["id"]


def test_the_interface_speaks_indonesian_to_a_reader_with_no_preference(server, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")  # neither id nor en
    page = context.new_page()
    try:
        page.goto(server["url"] + "/ingest")
        assert page.locator("html").get_attribute("lang") == "id"
        assert page.get_by_role("heading", name="Tambah artikel").is_visible()
        page.get_by_text("Pemetaan kolom (CSV, JSON, JSONL)").click()  # the upload form's controls, in Indonesian
        assert page.get_by_role("textbox", name="judul", exact=True).is_visible()
        assert page.get_by_role("textbox", name="Teks artikel").is_visible()
        assert page.get_by_role("button", name="Unggah").is_visible()
        page.goto(server["url"] + f"/stories/{seed_story_id(server)}")
        assert page.get_by_role("button", name="Cetak").is_visible()
        assert page.get_by_role("link", name="CSV (fakta dan rujukan)").is_visible()
        assert "Di mana sumber berbeda" in page.content()
    finally:
        context.close()


def test_the_alias_korut_finds_the_seed_story_in_the_indonesian_interface(server, indonesian):  # noqa: F811
    page = indonesian
    page.goto(server["url"] + "/")
    page.fill("input[name=entity]", "Korut")  # the seeds write "Korea Utara"
    page.get_by_role("button", name="Saring").click()
    rows = page.locator("#stories tbody tr")
    assert rows.count() == 1
    assert "Kim Jong Un" in rows.first.inner_text()
    page.get_by_role("link", name=re.compile("Kim Jong Un")).click()
    page.wait_for_selector(".side article")
    assert page.locator(".side article").count() == 2


def test_a_csv_upload_needs_its_mapping_and_is_read_with_it(server, english, tmp_path):  # noqa: F811
    page = english
    upload = tmp_path / "ekspor-redaksi.csv"
    upload.write_text(export_csv("Pasar Apung Baru Dibuka di Banjar Raya"), encoding="utf-8")
    page.goto(server["url"] + "/ingest")
    page.fill("#token", server["token"])
    page.set_input_files("#files", str(upload))
    page.get_by_role("button", name="Upload").click()  # without the mapping: refused, and the job says so
    playwright.expect(page.locator("#status")).to_have_text(re.compile("^failed"), timeout=120_000)
    reason = page.locator("#rejected li").first.inner_text()
    assert "ekspor-redaksi.csv" in reason and "isi_berita" in reason and "column mapping" in reason
    assert page.locator("#mapping").get_attribute("open") is not None  # the mapping opened for it
    page.get_by_role("textbox", name="text", exact=True).fill("isi_berita")
    page.get_by_role("textbox", name="title", exact=True).fill("judul")
    page.get_by_role("textbox", name="published", exact=True).fill("tanggal")
    page.get_by_role("textbox", name="outlet", exact=True).fill("media")
    page.set_input_files("#files", str(upload))
    page.get_by_role("button", name="Upload").click()
    playwright.expect(page.locator("#status")).to_have_text(re.compile("^done"), timeout=180_000)
    assert "1 new articles" in page.locator("#status").inner_text()
    assert page.locator("#rejected li").count() == 0
    page.goto(server["url"] + "/?outlet=Warta+Banjar")
    page.get_by_role("link", name="Pasar Apung Baru Dibuka di Banjar Raya").click()
    meta = page.locator(".side .meta").first.inner_text()
    assert "Warta Banjar" in meta and "Oct 11, 2025" in meta


def test_a_citation_click_lands_on_its_sentence(server, english):  # noqa: F811
    page = english
    page.goto(server["url"] + f"/stories/{seed_story_id(server)}")
    citation = page.locator(".fact.disputed .cite a").filter(has_text="§").last
    target = citation.get_attribute("href")
    article, sentence = re.fullmatch(r"#s-([0-9a-f]+)-(\d+)", target).groups()
    citation.click()
    page.wait_for_url(re.compile(re.escape(target) + "$"))
    landed = page.locator(":target")
    assert landed.get_attribute("id") == target[1:] and landed.get_attribute("title") == f"§{sentence}"
    assert landed.evaluate("e => e.closest('article').id") == f"a-{article}"
    box, viewport = landed.bounding_box(), page.viewport_size
    assert box is not None and 0 <= box["y"] and box["y"] + min(box["height"], 40) <= viewport["height"]  # in view
    assert landed.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 228, 156)"  # marked
    # the cited words are the sentence the dispute quotes
    quoted = citation.locator("xpath=ancestor::div[1]").inner_text()
    assert landed.inner_text().strip()[:40] in quoted


def test_the_story_exports_download(server, english):  # noqa: F811
    page = english
    page.goto(server["url"] + f"/stories/{seed_story_id(server)}")
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV (facts and citations)").click()
    rows = list(csv.DictReader(open(download.value.path(), encoding="utf-8-sig")))  # noqa: SIM115
    assert download.value.suggested_filename.endswith(".csv") and rows
    assert {r["status"] for r in rows} >= {"agreed", "disputed"}
    assert all(r["sentence"].isdigit() and r["article"] for r in rows)
    with page.expect_download() as download:
        page.get_by_role("link", name="JSON").click()
    story = json.loads(open(download.value.path(), encoding="utf-8").read())  # noqa: SIM115
    assert story["brief"]["disputes"] and len(story["article_details"]) == 2
    page.emulate_media(media="print")  # the print stylesheet leaves out the navigation and the exports
    assert not page.locator("header.top").is_visible() and not page.locator(".exports").is_visible()
    assert page.locator("svg.chart").is_visible()


def test_the_story_page_fits_a_phone_and_its_timeline_is_readable(server, phone):  # noqa: F811
    page = phone
    for path in (f"/stories/{seed_story_id(server)}", "/", "/ingest"):
        page.goto(server["url"] + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (path, width)
    page.goto(server["url"] + f"/stories/{seed_story_id(server)}")
    assert not page.locator("svg.chart").is_visible()  # its words would be a few pixels high
    timeline = page.locator("table.chart-narrow")
    assert timeline.is_visible() and timeline.locator("tr").count() == 3  # a header and one row an outlet
    font = timeline.locator("td").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert font >= 14
    assert re.search(r"\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4}", timeline.inner_text())
    for article in page.locator(".side article").all():  # the articles one under the other, within the screen
        box = article.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def test_pasted_text_takes_the_forms_title_outlet_and_date(server, english):  # noqa: F811
    page = english
    page.goto(server["url"] + "/ingest")
    page.fill("#token", server["token"])
    page.get_by_role("textbox", name="Article text").fill(
        "Dinas Perhubungan Kota Banjar Raya menambah dua perahu penyeberangan di Sungai Martapura pada Senin "
        "(13/10/2025). Kepala dinas, Sri Wahyuni, mengatakan tambahan itu untuk melayani pedagang pasar apung.")
    page.get_by_role("textbox", name="Title", exact=True).fill("Dua Perahu Penyeberangan Ditambah")
    page.get_by_role("textbox", name="Outlet", exact=True).fill("Kabar Sungai")
    page.fill("#published", "2025-10-14")
    page.get_by_role("button", name="Upload").click()
    playwright.expect(page.locator("#status")).to_have_text(re.compile("^done"), timeout=180_000)
    page.goto(server["url"] + "/search?q=penyeberangan")
    page.get_by_role("link", name="Dua Perahu Penyeberangan Ditambah").first.click()
    text = page.locator("main").inner_text()
    assert "Kabar Sungai" in text and "Oct 14, 2025" in text
