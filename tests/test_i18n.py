"""The interface in Indonesian (the default) and English: catalogue, locale choice, dates, pages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient
from jinja2.ext import babel_extract

from kroscek.compare.story import StoryBrief
from kroscek.i18n import format_day, format_number, pick_locale
from kroscek.model import Article, Sentence, Story
from kroscek.report import story_summary
from kroscek.store import Store
from kroscek.web.app import ServerSettings, create_app
from kroscek.web.deps import LANG_COOKIE

SRC = Path(__file__).resolve().parents[1] / "src" / "kroscek"


def test_every_marked_string_has_an_indonesian_translation():
    with open(SRC / "resources" / "locale" / "id.po", "rb") as handle:
        catalog = read_po(handle)
    missing = []
    for template in [*(SRC / "web" / "templates").glob("*.html"), *(SRC / "report" / "templates").glob("*.html")]:
        with open(template, "rb") as handle:
            for _line, _function, message, _comments in babel_extract(handle, ("_", "gettext", "ngettext"), [], {}):
                key = message if isinstance(message, str) or message is None else message[0]
                if key is not None and not (catalog.get(key) and catalog.get(key).string):
                    missing.append(f"{template.name}: {key}")
    assert missing == []


@pytest.mark.parametrize(("lang", "cookie", "accept", "locale"), [
    (None, None, None, "id"),
    (None, None, "en-US,en;q=0.9", "en"),
    (None, None, "fr-FR, en;q=0.5, id;q=0.8", "id"),
    (None, None, "de, fr", "id"),
    ("en", None, "id", "en"),
    (None, "en", "id", "en"),
    ("xx", None, "en", "en"),
])
def test_locale_choice(lang, cookie, accept, locale):
    assert pick_locale(lang, cookie, accept) == locale


def test_dates_and_numbers_in_the_readers_locale():
    assert format_day("2022-08-15", "id") == "15 Agu 2022"
    assert format_day("2022-08-15T08:00:00+07:00", "en") == "Aug 15, 2022"
    assert format_day("2022-08-15", None) == "2022-08-15" and format_day("kemarin", "id") == "kemarin"
    assert format_number(12345, "id") == "12.345" and format_number(12345, "en") == "12,345"


@pytest.fixture()
def client(tmp_path):
    store = Store(tmp_path / "i18n.db")
    article = Article(id="b000000000000001", source="/data/banjir.txt", title="Banjir Rendam Desa Sukamaju",
                      text="Banjir merendam 300 rumah.", outlet="Warta Uji", language="id", published="2025-10-01",
                      sentences=[Sentence(0, "Banjir merendam 300 rumah.", 0)])
    store.add_articles([article])
    story = Story("s-banjir", article.title, [article.id])
    store.save_stories([story])
    store.save_brief(story.id, StoryBrief(), replace(story_summary(story, [article]), badges=["disputed"]))
    with TestClient(create_app(ServerSettings(db=store.url))) as client:
        yield client


def test_pages_speak_indonesian_by_default_and_english_on_request(client):
    page = client.get("/").text
    assert '<html lang="id">' in page and "1 berita" in page and "diperdebatkan" in page and "1 Okt 2025" in page
    english = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).text
    assert '<html lang="en">' in english and "1 story" in english and "Oct 1, 2025" in english
    chosen = client.get("/stories/s-banjir?lang=en")
    assert chosen.cookies.get(LANG_COOKIE) == "en" and "The articles side by side" in chosen.text
    assert "Artikel berdampingan" in client.get("/stories/s-banjir", cookies={LANG_COOKIE: "id"}).text
    assert "Tidak ada berita yang cocok" in client.get("/?outlet=nowhere", cookies={LANG_COOKIE: "id"}).text
    assert "Kembali ke daftar berita" in client.get("/articles/nope", cookies={LANG_COOKIE: "id"}).text


def test_every_reason_a_close_claim_differs_has_an_indonesian_translation():
    from kroscek.check import DIFFERS, SLOT_DIFFERS

    with open(SRC / "resources" / "locale" / "id.po", "rb") as handle:
        catalog = read_po(handle)
    reasons = [*DIFFERS.values(), *SLOT_DIFFERS.values()]
    assert [reason for reason in reasons if not (catalog.get(reason) and catalog.get(reason).string)] == []
