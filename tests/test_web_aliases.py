"""The entity filter and search match every spelling of the entity a term names: the corpus's
spellings and the gazetteer's ("Korut", "North Korea", "DPRK" are Korea Utara), on both stores."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from kroscek.compare.story import StoryBrief
from kroscek.model import Article, Sentence, Story
from kroscek.report import story_summary
from kroscek.store import Store
from kroscek.web.app import ServerSettings, create_app


def article(n: int, title: str, text: str) -> Article:
    return Article(id=f"k{n:015d}", source=f"k{n}.txt", title=title, text=text, outlet="Warta Uji", language="id",
                   published=f"2025-10-0{n}", sentences=[Sentence(0, text, 0)])


KOREA = article(1, "Kim Jong Un surati pemimpin Donetsk", "Pemimpin Korea Utara menyurati Denis Pushilin di Donetsk.")
DONETSK = article(2, "Pushlin balas surat", "Dennis Pushlin membalas surat dari Pyongyang.")
OTHER = article(3, "Banjir di Sukamaju", "Banjir merendam 300 rumah di Sukamaju.")


@pytest.fixture(params=["sqlite", "postgresql"])
def client(request, tmp_path) -> Iterator[TestClient]:
    store = Store(tmp_path / "aliases.db" if request.param == "sqlite" else request.getfixturevalue("postgres_url")())
    store.add_articles([KOREA, DONETSK, OTHER])
    korea, flood = Story("s-korea", KOREA.title, [KOREA.id, DONETSK.id]), Story("s-flood", OTHER.title, [OTHER.id])
    store.save_stories([korea, flood])
    entities = [{"id": "iso:KP", "name": "Korea Utara", "type": "LOC", "aliases": [], "mentions": []},
                {"id": "per:denis-pushilin", "name": "Denis Pushilin", "type": "PER", "aliases": ["Dennis Pushlin"],
                 "mentions": []}]
    store.save_brief("s-korea", StoryBrief.from_dict({"entities": entities}), story_summary(korea, [KOREA, DONETSK]))
    store.save_brief("s-flood", StoryBrief(), story_summary(flood, [OTHER]))
    with TestClient(create_app(ServerSettings(db=store.url))) as client:
        yield client
    store.close()


@pytest.mark.parametrize("term", ["Korut", "North Korea", "DPRK", "korea utara", "iso:KP", "Dennis Pushlin"])
def test_the_entity_filter_knows_every_spelling(client, term):
    found = client.get("/api/v1/stories", params={"entity": term}).json()
    assert [s["id"] for s in found["items"]] == ["s-korea"]
    assert "Kim Jong Un surati pemimpin Donetsk" in client.get("/", params={"entity": term}).text


def test_an_unknown_name_filters_everything_out(client):
    assert client.get("/api/v1/stories", params={"entity": "Moscow"}).json()["total"] == 0
    assert client.get("/api/v1/stories", params={"entity": "Sukamaju"}).json()["total"] == 0


@pytest.mark.parametrize(("query", "ids"), [
    ("Korut", [KOREA.id]),  # the article writes Korea Utara
    ("DPRK", [KOREA.id]),
    ("Pushilin", [KOREA.id, DONETSK.id]),  # one article writes Pushlin
    ("Dennis Pushlin", [KOREA.id, DONETSK.id]),
    ("banjir", [OTHER.id]),
    ("Pyongyang", [DONETSK.id]),
])
def test_search_finds_every_spelling(client, query, ids):
    body = client.get("/api/v1/search", params={"q": query}).json()
    assert sorted(hit["id"] for hit in body["items"]) == sorted(ids) and body["total"] == len(ids)
    page = client.get("/search", params={"q": query}, headers={"Accept-Language": "en"}).text
    assert f"{len(ids)} article" in page
