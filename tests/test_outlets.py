"""Outlets: one name per outlet, from the record or else the URL's site, spellings merged."""

from __future__ import annotations

import pytest

from kroscek.model import Article, Document, Sentence, Story
from kroscek.outlets import canonical_outlet, host_outlet, merge_outlets, outlet_key, outlet_name, registrable_domain
from kroscek.pipeline import analyse
from kroscek.report import ReportedStory, story_summary
from kroscek.report.html import render_story, source_labels


@pytest.mark.parametrize(("url", "outlet"), [
    ("https://news.detik.com/berita/d-1/banjir", "detikcom"),
    ("https://nasional.kompas.com/read/2022/08/15/x", "Kompas.com"),
    ("https://www.tempo.co/x", "Tempo"),
    ("https://www.liputan6.com/news/read/1", "Liputan6"),
    ("https://www.cnnindonesia.com/nasional/1", "CNN Indonesia"),
    ("https://www.antaranews.com/berita/1", "Antara"),
    ("https://www.republika.co.id/berita/1", "Republika"),
    ("https://nasional.kontan.co.id/news/1", "Kontan"),
    ("https://www.kapanlagi.com/x", "KapanLagi"),
    ("https://jatim.tribunnews.com/2022/1", "Tribunnews"),
    ("https://www.harianmentari.co.id/a/b", "harianmentari.co.id"),  # unknown: the registrable domain
    ("https://berita.contoh.com/a", "contoh.com"),
    ("file:///home/me/berita.txt", None),
    ("https://10.0.0.1/a", None),
    (None, None),
])
def test_outlet_from_the_url_host(url, outlet):
    assert host_outlet(url) == outlet


def test_registrable_domain():
    assert registrable_domain("www.kontan.co.id") == "kontan.co.id"
    assert registrable_domain("a.b.detik.com") == "detik.com"
    assert registrable_domain("news.bbc.co.uk") == "bbc.co.uk"


def test_spellings_are_merged_case_and_punctuation_blind():
    assert canonical_outlet("HARIAN MENTARI") == canonical_outlet("Harian Mentari") == "Harian Mentari"
    assert outlet_key("HARIAN MENTARI") == outlet_key("harian-mentari") == outlet_key(" Harian  Mentari ")
    assert canonical_outlet("KONTAN.CO.ID") == canonical_outlet("kontan") == "Kontan"
    assert canonical_outlet("KOMPAS.com") == "Kompas.com" and canonical_outlet("detikNews") == "detikcom"
    assert canonical_outlet("BBC") == "BBC"  # an acronym stays in capitals
    assert canonical_outlet("KabarKini.id") == "KabarKini.id" and canonical_outlet("KABARKINI.ID") == "kabarkini.id"
    assert merge_outlets(["kabarkini.id", "KabarKini.id", "KABARKINI.ID"]) == ["KabarKini.id"]
    assert merge_outlets(["HARIAN MENTARI", "Harian Mentari", "KONTAN.CO.ID", "Kontan", None, " "]) == \
        ["Harian Mentari", "Kontan"]


def test_the_record_outlet_wins_over_the_url():
    assert outlet_name("Semarak News", "https://news.detik.com/a") == "Semarak News"
    assert outlet_name(None, "https://news.detik.com/a") == "detikcom"
    assert outlet_name("", None) is None


def test_an_article_without_outlet_takes_its_sites_name():
    doc = Document(source="detik.csv#3", title="Banjir rendam Desa Sukamaju",
                   text="Banjir merendam 300 rumah di Desa Sukamaju pada Senin pagi, kata kepala desa.",
                   url="https://news.detik.com/berita/d-6/banjir-rendam-desa-sukamaju")
    assert analyse(doc).outlet == "detikcom"


def _article(n: int, outlet: str | None, url: str | None, source: str) -> Article:
    return Article(id=f"o{n}", source=source, title=f"Judul {n}", text="Teks berita.", outlet=outlet, url=url,
                   language="id", published="2025-10-01", sentences=[Sentence(0, "Teks berita.", 0)])


def test_story_pages_name_each_outlet_once_and_show_no_file_path():
    articles = [_article(1, "HARIAN MENTARI", None, "/home/redaksi/data/mentari-1.txt"),
                _article(2, "Harian Mentari", None, "/home/redaksi/data/mentari-2.txt"),
                _article(3, "KONTAN.CO.ID", "https://nasional.kontan.co.id/news/3", "/home/redaksi/data/kontan.txt"),
                _article(4, None, "https://news.detik.com/berita/d-4/x", "/home/redaksi/detik.csv#4")]
    story = Story("s1", "Judul 1", [a.id for a in articles])
    summary = story_summary(story, articles)
    assert summary.outlets == ["detikcom", "Harian Mentari", "Kontan"]
    assert source_labels(articles) == {"o1": "Harian Mentari", "o2": "Harian Mentari (2)", "o3": "Kontan", "o4": "detikcom"}
    page = render_story(ReportedStory(summary), articles)
    assert "/home/redaksi" not in page
    assert "KONTAN.CO.ID" not in page and "Kontan · Kontan" not in page and "Harian Mentari · Harian Mentari" not in page
    assert "Kontan · id · 2025-10-01" in page


def test_the_api_names_the_outlet_of_an_article_stored_without_one(tmp_path):
    from fastapi.testclient import TestClient

    from kroscek.store import Store
    from kroscek.web.app import ServerSettings, create_app

    store = Store(tmp_path / "o.db")
    store.add_articles([_article(1, None, "https://news.detik.com/berita/d-1/x", "/data/detik.csv#1"),
                        _article(2, "HARIAN MENTARI", None, "/data/m.txt")])
    with TestClient(create_app(ServerSettings(db=store.url))) as client:
        items = client.get("/api/v1/articles").json()["items"]
        assert sorted(item["outlet"] for item in items) == ["Harian Mentari", "detikcom"]
        assert client.get("/api/v1/articles/o1").json()["article"]["outlet"] == "detikcom"
