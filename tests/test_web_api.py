"""The JSON API and the server-rendered pages, over a store filled by hand: a SQLite file and a
PostgreSQL schema (``KROSCEK_TEST_POSTGRES_URL``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from kroscek.compare.story import StoryBrief
from kroscek.model import Article, Sentence, Story
from kroscek.report import story_summary
from kroscek.store import Store
from kroscek.web.app import ServerSettings, create_app


def article(n: int, title: str, text: str, outlet: str, language: str = "id") -> Article:
    return Article(id=f"a{n:015d}", source=f"fixture-{n}.txt", title=title, text=text, outlet=outlet,
                   language=language, published=f"2025-10-0{n}", sentences=[Sentence(0, text, 0)])


FLOOD = [
    article(1, "Banjir Rendam Desa Sukamaju", "Banjir merendam 300 rumah di Desa Sukamaju pada Senin.", "Warta Uji"),
    article(2, "Flood hits Sukamaju village", "A flood submerged 300 homes in Sukamaju on Monday.", "Daily Test", "en"),
]
XSS = article(3, "<script>alert('x')</script> Jembatan", "Jembatan <b>Kali Putih</b> ditutup.", "Pos <i>Uji</i>")


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path) -> Iterator[Store]:
    store = Store(tmp_path / "web.db" if request.param == "sqlite" else request.getfixturevalue("postgres_url")())
    store.add_articles([*FLOOD, XSS])
    flood = Story("s-flood", FLOOD[0].title, [a.id for a in FLOOD])
    bridge = Story("s-bridge", XSS.title, [XSS.id])
    store.save_stories([flood, bridge])
    dispute = {"status": "disputed", "claims": [{"article": FLOOD[0].id, "sentence": 0, "text": FLOOD[0].text},
                                                 {"article": FLOOD[1].id, "sentence": 0, "text": FLOOD[1].text}],
               "evidence": [{"kind": "number", "a": "300 rumah", "b": "350 homes", "explanation": "count"}]}
    brief = {
        "summary": [{"text": FLOOD[0].text, "citations": [{"article": FLOOD[0].id, "sentence": 0}]}],
        "facts": [dispute],
        "disputes": [dispute],
        "entities": [{"id": "geo:sukamaju", "name": "Sukamaju", "type": "LOC", "aliases": ["Desa Sukamaju"],
                      "mentions": [{"article": FLOOD[0].id, "sentence": 0, "start": 0, "end": 8, "text": "Sukamaju"}]}],
        "quotes": [], "provenance": {"translations": [{"translation": FLOOD[1].id, "original": FLOOD[0].id}]},
    }
    summary = story_summary(flood, FLOOD)
    store.save_brief("s-flood", StoryBrief.from_dict(brief), replace(summary, badges=["disputed", "translations"]))
    bridge_summary = story_summary(bridge, [XSS])
    store.save_brief("s-bridge", StoryBrief(), replace(bridge_summary, badges=[]))
    yield store
    store.close()


@pytest.fixture()
def client(store) -> TestClient:
    with TestClient(create_app(ServerSettings(db=store.url))) as client:
        yield client


def test_story_list_is_paginated_and_filtered(client):
    body = client.get("/api/v1/stories").json()
    assert body["total"] == 2 and [s["id"] for s in body["items"]] == ["s-bridge", "s-flood"]
    assert client.get("/api/v1/stories", params={"size": 1, "page": 2}).json()["items"][0]["id"] == "s-flood"
    assert [s["id"] for s in client.get("/api/v1/stories", params={"disputed": "true"}).json()["items"]] == ["s-flood"]
    assert [s["id"] for s in client.get("/api/v1/stories", params={"language": "en"}).json()["items"]] == ["s-flood"]
    assert [s["id"] for s in client.get("/api/v1/stories", params={"entity": "desa sukamaju"}).json()["items"]] == ["s-flood"]
    assert client.get("/api/v1/stories", params={"date_from": "2025-10-03"}).json()["total"] == 1
    assert client.get("/api/v1/stories", params={"date_from": "", "date_to": ""}).json()["total"] == 2  # an empty form field
    assert [s["id"] for s in client.get("/api/v1/stories", params={"outlet": "WARTA UJI"}).json()["items"]] == ["s-flood"]


def test_story_article_entity_and_search_endpoints(client):
    story = client.get("/api/v1/stories/s-flood").json()
    assert story["brief"]["disputes"][0]["evidence"][0]["kind"] == "number"
    assert [a["id"] for a in story["article_details"]] == [a.id for a in FLOOD]
    article = client.get(f"/api/v1/articles/{FLOOD[1].id}").json()
    assert article["story"]["id"] == "s-flood"
    assert article["relations"] == [{"relation": "translation of", "article": FLOOD[0].id, "title": FLOOD[0].title}]
    assert client.get("/api/v1/articles", params={"size": 2}).json()["total"] == 3
    entity = client.get("/api/v1/entities/geo:sukamaju").json()
    assert [s["id"] for s in entity["stories"]] == ["s-flood"]
    fields = ["id", "name", "type", "aliases", "stories", "mentions"]
    assert list(entity["entity"]) == fields and entity["entity"]["stories"] == ["s-flood"]
    listed = client.get("/api/v1/entities", params={"q": "sukamaju"}).json()["items"]
    assert "geo:sukamaju" in [e["id"] for e in listed] and all(list(e) == fields for e in listed)
    hits = client.get("/api/v1/search", params={"q": "rumah"}).json()
    assert hits["total"] == 1 and hits["items"][0]["id"] == FLOOD[0].id and "<mark>rumah</mark>" in hits["items"][0]["snippet_html"]


@pytest.mark.parametrize("path", ["/api/v1/stories/nope", "/api/v1/articles/nope", "/api/v1/entities/nope", "/api/v1/jobs/nope"])
def test_unknown_ids_are_clear_404s(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "nope" in response.json()["error"]


@pytest.mark.parametrize("params", [{"page": 0}, {"size": 1000}, {"date_from": "yesterday"}, {"page": "x"}])
def test_bad_parameters_are_clear_422s(client, params):
    response = client.get("/api/v1/stories", params=params)
    assert response.status_code == 422
    assert response.json()["error"].startswith("bad request:")


@pytest.mark.parametrize("path", ["/api/v1/search?q=rumah%00", "/search?q=rumah%00", "/api/v1/stories/s-flood%00",
                                  "/articles/a%00"])
def test_a_nul_character_in_a_request_is_a_clear_422(client, path):
    """PostgreSQL text cannot hold a NUL character: a query or id with one is a bad request on any store."""
    response = client.get(path)
    assert response.status_code == 422
    assert "NUL character" in (response.json()["error"] if path.startswith("/api/") else response.text)


def test_writing_needs_a_token_and_writes_nothing_without_one(client, store):
    files = {"files": ("x.txt", b"Judul\n\nIsi berita yang cukup panjang untuk dibaca.", "text/plain")}
    assert client.post("/api/v1/ingest", files=files).status_code == 401
    assert client.post("/api/v1/ingest", files=files, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.delete(f"/api/v1/articles/{FLOOD[0].id}").status_code == 401
    assert client.post("/api/v1/feeds", data={"url": "http://127.0.0.1:9/feed"}).status_code == 401
    assert store.count_articles() == 3 and store.feeds() == []


def test_oversized_upload_is_refused_with_413(store):
    token = store.add_token("newsroom")
    settings = ServerSettings(db=store.url, max_upload_bytes=1024)
    with TestClient(create_app(settings)) as client:
        files = {"files": ("big.txt", b"x" * 2048, "text/plain")}
        response = client.post("/api/v1/ingest", files=files, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 413 and "big.txt" in response.json()["error"]
    assert store.count_articles() == 3


def test_tokens_are_stored_hashed_and_can_protect_reading(store):
    token = store.add_token("desk")
    with store.engine.connect() as conn:
        stored = [row[0] for row in conn.exec_driver_sql("SELECT hash FROM tokens")]
    assert token not in stored and len(stored) == 1
    with TestClient(create_app(ServerSettings(db=store.url, read_token_required=True))) as client:
        assert client.get("/api/v1/stories").status_code == 401
        assert client.get("/").status_code == 401
        assert client.get("/api/v1/stories", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_pages_render_and_escape_article_content(client):
    listing = client.get("/")
    assert listing.status_code == 200 and "Banjir Rendam Desa Sukamaju" in listing.text
    assert "<script>alert" not in listing.text and "&lt;script&gt;alert" in listing.text
    story = client.get("/stories/s-bridge").text
    assert "<script>alert" not in story and "<b>Kali Putih</b>" not in story and "<i>Uji</i>" not in story
    flood = client.get("/stories/s-flood").text
    assert "300 rumah" in flood and "350 homes" in flood and 'class="fact disputed"' in flood
    assert client.get(f"/articles/{XSS.id}").status_code == 200
    assert "Desa Sukamaju" in client.get("/entities/geo:sukamaju").text
    assert "<mark>rumah</mark>" in client.get("/search", params={"q": "rumah"}).text
    assert client.get("/stories/nope").status_code == 404


def test_openapi_document_lists_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/v1/stories", "/api/v1/stories/{story_id}", "/api/v1/articles", "/api/v1/search",
            "/api/v1/ingest", "/api/v1/entities"} <= set(paths)


def test_pages_are_rendered_once_until_the_store_changes(store):
    store.cache_size = 2
    renders = []

    def render(name: str):
        return lambda: renders.append(name) or f"<p>{name} {len(renders)}</p>"

    first = store.cached("/stories/s-flood", render("flood"))
    assert store.cached("/stories/s-flood", render("flood")) == first and renders == ["flood"]
    store.cached("/?page=1", render("list"))
    store.cached("/?page=2", render("list2"))  # over the size: the least recently used page goes
    store.cached("/stories/s-flood", render("flood"))
    assert renders == ["flood", "list", "list2", "flood"]
    store.delete_article("a000000000000001")  # the store changed: every page is rendered again
    store.cached("/?page=2", render("list2"))
    assert renders[-1] == "list2" and len(renders) == 5


def test_a_deleted_article_leaves_the_cached_story_page(client, store):
    before = client.get("/stories/s-flood").text
    assert client.get("/stories/s-flood").text == before
    store.delete_article("a000000000000001")
    after = client.get("/stories/s-flood").text
    assert after != before and after.count("Warta Uji") < before.count("Warta Uji")
