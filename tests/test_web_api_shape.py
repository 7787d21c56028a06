"""The API's contract: every error in the documented shape (``{"error": ..., "status": ...}``), and
an OpenAPI document that declares the token scheme and a response model for each v1 endpoint."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from kroscek.compare.story import StoryBrief
from kroscek.model import Article, Sentence, Story
from kroscek.report import story_summary
from kroscek.store import Store
from kroscek.web import schemas
from kroscek.web.app import ServerSettings, create_app

ARTICLE = Article(id="a000000000000001", source="fixture-1.txt", title="Banjir Rendam Desa Sukamaju",
                  text="Banjir merendam 300 rumah di Desa Sukamaju pada Senin.", outlet="Warta Uji", language="id",
                  published="2025-10-01", sentences=[Sentence(0, "Banjir merendam 300 rumah di Desa Sukamaju pada Senin.", 0)])


@pytest.fixture()
def store(tmp_path) -> Iterator[Store]:
    store = Store(tmp_path / "shape.db")
    store.add_articles([ARTICLE])
    story = Story("s-flood", ARTICLE.title, [ARTICLE.id])
    store.save_stories([story])
    store.save_brief("s-flood", StoryBrief(), replace(story_summary(story, [ARTICLE]), badges=[]))
    yield store
    store.close()


@pytest.fixture()
def client(store) -> Iterator[TestClient]:
    with TestClient(create_app(ServerSettings(db=store.url))) as client:
        yield client


def error_of(response, status: int) -> str:
    """The error message of a response in the documented shape (and nothing else in the body)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error", "status"} and body["status"] == status
    assert isinstance(body["error"], str) and body["error"].strip()
    return body["error"]


@pytest.mark.parametrize("path", ["/api/v1/nothing-here", "/api/v2/stories", "/api/v1/stories/nope/more"])
def test_an_unknown_api_path_is_a_404_in_the_error_shape(client, path):
    assert path in error_of(client.get(path), 404)


def test_an_unknown_page_is_the_error_page_unless_json_is_asked_for(client):
    for accept in ("*/*", "text/html,application/xhtml+xml"):
        response = client.get("/no-such-page", headers={"accept": accept})
        assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
        assert "/no-such-page" in response.text
    assert "/no-such-page" in error_of(client.get("/no-such-page", headers={"accept": "application/json"}), 404)
    # the API answers JSON whatever the client accepts
    error_of(client.get("/api/v1/nothing-here", headers={"accept": "text/html"}), 404)


def test_a_wrong_method_is_a_405_in_the_error_shape(client):
    response = client.put("/api/v1/stories")
    assert "PUT" in error_of(response, 405)
    assert "GET" in response.headers["allow"]


def test_a_server_fault_is_a_500_in_the_error_shape_with_the_security_headers(store, caplog):
    app = create_app(ServerSettings(db=store.url))

    @app.get("/api/v1/fault")
    def fault() -> None:
        raise RuntimeError("secret detail")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/v1/fault")
        message = error_of(response, 500)
    assert "secret detail" not in message and "server log" in message
    assert "secret detail" in caplog.text  # the details go to the log
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


@pytest.mark.parametrize(("method", "path", "kwargs"), [
    ("get", "/api/v1/stories", {"params": {"size": 0}}),
    ("get", "/api/v1/stories", {"params": {"date_from": "yesterday"}}),
    ("get", "/api/v1/search", {}),
])
def test_a_bad_request_is_a_422_in_the_error_shape(client, method, path, kwargs):
    assert error_of(getattr(client, method)(path, **kwargs), 422).startswith("bad request:")


def test_a_missing_or_wrong_token_is_a_401_in_the_error_shape(client, store):
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"X-Kroscek-Token": "wrong"}, {"Authorization": "Basic eDp5"}):
        response = client.post("/api/v1/feeds", data={"url": "https://news.example/rss"}, headers=headers)
        assert "token" in error_of(response, 401)
        assert response.headers["www-authenticate"] == "Bearer"
    token = store.add_token("shape test")
    for headers in ({"Authorization": f"Bearer {token}"}, {"X-Kroscek-Token": token}):
        assert client.delete("/api/v1/articles/nope", headers=headers).status_code == 404


def test_reading_under_read_token_is_a_401_in_the_error_shape(store):
    with TestClient(create_app(ServerSettings(db=store.url, read_token_required=True))) as client:
        assert "token" in error_of(client.get("/api/v1/stories"), 401)
        assert "token" in error_of(client.get("/openapi.json"), 401)
        token = store.add_token("reader")
        assert client.get("/api/v1/stories", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        document = client.get("/openapi.json", headers={"X-Kroscek-Token": token}).json()
        assert {} not in document["paths"]["/api/v1/stories"]["get"]["security"]  # reading needs the token here


def test_openapi_declares_the_bearer_scheme_and_which_endpoints_need_it(client):
    document = client.get("/openapi.json").json()
    schemes = document["components"]["securitySchemes"]
    assert schemes["bearer"]["type"] == "http" and schemes["bearer"]["scheme"] == "bearer"
    assert schemes["tokenHeader"] == {**schemes["tokenHeader"], "type": "apiKey", "in": "header", "name": "X-Kroscek-Token"}
    paths = document["paths"]
    for path, method in (("/api/v1/ingest", "post"), ("/api/v1/feeds", "post"), ("/api/v1/articles/{article_id}", "delete")):
        assert {"bearer": []} in paths[path][method]["security"], path
    for path, method in (("/api/v1/stories", "get"), ("/api/v1/search", "get"), ("/api/v1/jobs/{job_id}", "get")):
        assert paths[path][method]["security"] == [{"bearer": []}, {"tokenHeader": []}, {}], path  # {}: open
    for path, method in (("/api/v1/ingest", "post"), ("/api/v1/feeds", "post")):
        assert {} not in paths[path][method]["security"], path  # writing always needs a token
    # the Authorization header is the scheme, not a loose parameter
    parameters = [p["name"].lower() for p in paths["/api/v1/feeds"]["post"].get("parameters", [])]
    assert "authorization" not in parameters


V1 = [("/api/v1/stories", "get"), ("/api/v1/stories/{story_id}", "get"), ("/api/v1/articles", "get"),
      ("/api/v1/articles/{article_id}", "get"), ("/api/v1/articles/{article_id}", "delete"), ("/api/v1/entities", "get"),
      ("/api/v1/entities/{entity_id}", "get"), ("/api/v1/search", "get"), ("/api/v1/ingest", "post"),
      ("/api/v1/jobs/{job_id}", "get"), ("/api/v1/feeds", "get"), ("/api/v1/feeds", "post"), ("/api/v1/check", "post")]


def test_openapi_declares_a_response_model_and_the_error_shape_for_every_v1_endpoint(client):
    document = client.get("/openapi.json").json()
    models = document["components"]["schemas"]
    assert models["ApiError"]["required"] == ["error", "status"]
    paths = document["paths"]
    for path, method in V1:
        operation = paths[path][method]
        ok = next(code for code in operation["responses"] if code.startswith("2"))
        schema = operation["responses"][ok]["content"]["application/json"]["schema"]
        assert schema.get("$ref") or schema.get("items", {}).get("$ref"), (path, method, schema)
        for status in ("401", "404", "422"):
            error = operation["responses"][status]["content"]["application/json"]["schema"]
            assert error == {"$ref": "#/components/schemas/ApiError"}, (path, method, status)
    story_page = models["StoryPage"]["properties"]["items"]["items"]["$ref"]
    assert story_page == "#/components/schemas/StorySummary"
    assert {"id", "title", "articles"} <= set(models["StorySummary"]["required"])


def test_the_answers_match_their_declared_models(client, store):
    # the models check the answers (and keep every field: nothing is trimmed by them)
    stories = schemas.StoryPage.model_validate(client.get("/api/v1/stories").json())
    assert [s.id for s in stories.items] == ["s-flood"] and stories.items[0].outlets == ["Warta Uji"]
    story = client.get("/api/v1/stories/s-flood").json()
    assert schemas.StoryDetail.model_validate(story).article_details[0]["id"] == ARTICLE.id
    assert story["article_details"][0]["sentences"][0]["text"] == ARTICLE.text  # the analysis, whole
    articles = schemas.ArticlePage.model_validate(client.get("/api/v1/articles").json())
    assert articles.items[0].safe_url is None and articles.items[0].outlet == "Warta Uji"
    detail = schemas.ArticleDetail.model_validate(client.get(f"/api/v1/articles/{ARTICLE.id}").json())
    assert detail.story is not None and detail.story.id == "s-flood"
    schemas.SearchPage.model_validate(client.get("/api/v1/search", params={"q": "banjir"}).json())
    schemas.EntityPage.model_validate(client.get("/api/v1/entities").json())
    assert client.get("/api/v1/feeds").json() == []


# -- uploads: the form's column mapping, pasted text with its fields, a job that reads nothing fails

MARKET = ("Pemerintah Kota Banjar Raya membuka pasar apung baru di tepian Sungai Martapura pada Sabtu (11/10/2025). "
          "Wali Kota Rahmat Hidayat mengatakan pasar itu menampung 120 pedagang perahu. \"Pasar ini kami bangun agar "
          "pedagang perahu punya tempat yang layak,\" kata Rahmat.")
MARKET_CSV = ("judul,isi_berita,tanggal,media\n"
              "Pasar Apung Baru Dibuka di Martapura,\"" + MARKET.replace('"', '""') + "\",2025-10-11,Warta Banjar\n").encode()


def form(fields: dict[str, str]) -> dict[str, tuple[None, str]]:
    """Form fields sent as multipart/form-data (as the upload page's FormData is)."""
    return {name: (None, value) for name, value in fields.items()}


def test_the_feeds_are_listed_with_their_four_fields(client, store):
    store.add_feed("https://news.example/rss")
    listed = client.get("/api/v1/feeds").json()
    assert [list(feed) for feed in listed] == [["url", "added_at", "last_polled", "last_error"]]
    assert listed[0]["url"] == "https://news.example/rss" and listed[0]["added_at"] == store.feeds()[0].added_at


def finished(client: TestClient, job: dict, seconds: float = 240) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status = client.get(f"/api/v1/jobs/{job['id']}").json()
        if status["state"] in ("done", "failed"):
            return status
        time.sleep(0.2)
    raise AssertionError(f"job still running: {status}")


@pytest.fixture()
def writer(client, store) -> dict[str, str]:
    return {"Authorization": f"Bearer {store.add_token('upload test')}"}


def test_a_csv_without_its_mapping_fails_and_says_to_map_the_columns(client, writer, store):
    response = client.post("/api/v1/ingest", files={"files": ("export.csv", MARKET_CSV)}, headers=writer)
    assert response.status_code == 202
    status = finished(client, response.json())
    assert status["state"] == "failed" and status["added"] == 0
    assert [r["source"] for r in status["rejected"]] == ["upload:export.csv"]
    assert "isi_berita" in status["rejected"][0]["reason"] and "column mapping" in status["rejected"][0]["reason"]
    assert "--columns" not in status["error"] and "upload:export.csv" in status["error"]
    assert store.count_articles() == 1  # nothing stored, nothing regrouped


@pytest.mark.slow  # the job analyses and groups (NER, e5)
def test_a_csv_with_a_column_mapping_is_read_with_it(client, writer, store):
    mapping = "text=isi_berita,title=judul,published=tanggal,outlet=media"
    response = client.post("/api/v1/ingest", files={"files": ("export.csv", MARKET_CSV)}, data={"columns": mapping},
                           headers=writer)
    status = finished(client, response.json())
    assert status["state"] == "done" and status["added"] == 1 and status["rejected"] == [] and status["error"] is None
    added = next(a for a in client.get("/api/v1/articles").json()["items"] if a["id"] != ARTICLE.id)
    assert (added["title"], added["outlet"], added["published"][:10]) == (
        "Pasar Apung Baru Dibuka di Martapura", "Warta Banjar", "2025-10-11")
    assert added["source"] == "upload:export.csv#1"


@pytest.mark.slow  # the job analyses and groups (NER, e5)
def test_pasted_text_takes_the_forms_title_outlet_and_date(client, writer):
    fields = {"text": MARKET, "title": "Pasar apung dibuka", "outlet": "Kabar Sungai", "published": "2025-10-12"}
    status = finished(client, client.post("/api/v1/ingest", files=form(fields), headers=writer).json())
    assert status["state"] == "done" and status["added"] == 1, status
    added = next(a for a in client.get("/api/v1/articles").json()["items"] if a["id"] != ARTICLE.id)
    assert (added["title"], added["outlet"], added["published"][:10], added["source"]) == (
        "Pasar apung dibuka", "Kabar Sungai", "2025-10-12", "upload:pasted.txt")


@pytest.mark.parametrize(("fields", "problem"), [
    ({"columns": "text"}, "columns: expected FIELD=COLUMN"),
    ({"columns": "body=isi"}, "unknown field 'body'"),
    ({"published": "kemarin"}, "published: expected a date"),
    ({"text": ""}, "no files uploaded"),
])
def test_a_bad_upload_form_is_a_422_naming_the_field(client, writer, fields, problem):
    response = client.post("/api/v1/ingest", files=form({"text": MARKET, **fields}), headers=writer)
    assert problem in error_of(response, 422)


def test_an_undated_upload_never_retitles_the_story_it_joins(tmp_path):
    from kroscek.web.jobs import keep_titles, story_titles

    store = Store(tmp_path / "titles.db")
    dated = Article(id="a000000000000002", source="a.txt", title="Pasar Apung Dibuka", text=MARKET, published="2025-10-11")
    earlier = Article(id="a000000000000003", source="b.txt", title="Pasar Apung Segera Dibuka", text=MARKET,
                      published="2025-10-09")
    undated = Article(id="a000000000000001", source="upload:c.txt", title="Judul Unggahan Tanpa Tanggal", text=MARKET)
    store.add_articles([dated, earlier, undated])
    store.save_stories([Story("s-1", dated.title, [dated.id]), Story("s-2", "Berita Lain", [earlier.id])])
    before = story_titles(store)
    # stories titled after an undated first article (as a grouping did before it took the earliest
    # dated article's title; undated articles still come first in a story)
    store.save_stories([Story("s-1", undated.title, [undated.id, dated.id]), Story("s-2", earlier.title, [earlier.id])])
    generation = store.generation()
    assert keep_titles(store, before) == 1
    assert story_titles(store) == {"s-1": "Pasar Apung Dibuka", "s-2": "Pasar Apung Segera Dibuka"}  # a dated one stands
    assert store.generation() != generation  # pages showing the other title are rendered again
    assert keep_titles(store, story_titles(store)) == 0


# -- a story's exports and its citation anchors

PAIR = [
    Article(id="b000000000000001", source="a.txt", title="Banjir Rendam Sukamaju", outlet="Warta Uji", language="id",
            published="2025-10-01", url="https://warta.example/banjir",
            text="Banjir merendam desa. Sebanyak 300 rumah terendam.",
            sentences=[Sentence(0, "Banjir merendam desa.", 0), Sentence(1, "Sebanyak 300 rumah terendam.", 0)]),
    Article(id="b000000000000002", source="b.txt", title="=HYPERLINK(\"http://x\") Banjir", outlet="Kabar Uji",
            language="id", published="2025-10-02", text="Banjir merendam desa. Sebanyak 350 rumah terendam.",
            sentences=[Sentence(0, "Banjir merendam desa.", 0), Sentence(1, "=350 rumah terendam.", 0)]),
]
PAIR_BRIEF = {
    "summary": [{"text": "Banjir merendam desa.", "citations": [{"article": PAIR[0].id, "sentence": 0},
                                                               {"article": PAIR[1].id, "sentence": 0}]}],
    "facts": [
        {"status": "agreed", "sources": 2, "claims": [
            {"article": PAIR[0].id, "sentence": 0, "text": "Banjir merendam desa."},
            {"article": PAIR[1].id, "sentence": 0, "text": "Banjir merendam desa.", "relation": {"kind": "agree"}}]},
        {"status": "disputed", "sources": 1, "evidence": [{"kind": "number", "slot": "count", "a": "300", "b": "350"}],
         "claims": [{"article": PAIR[0].id, "sentence": 1, "text": "Sebanyak 300 rumah terendam."},
                    {"article": PAIR[1].id, "sentence": 1, "text": "=350 rumah terendam.", "relation": {"kind": "dispute"}}]},
    ],
    "disputes": [{"evidence": [{"kind": "number", "slot": "count", "a": "300", "b": "350"}],
                  "claims": [{"article": PAIR[0].id, "sentence": 1, "text": "Sebanyak 300 rumah terendam."},
                             {"article": PAIR[1].id, "sentence": 1, "text": "=350 rumah terendam.",
                              "relation": {"kind": "dispute"}}]}],
}


@pytest.fixture()
def pair_client(tmp_path) -> Iterator[TestClient]:
    store = Store(tmp_path / "pair.db")
    store.add_articles(PAIR)
    story = Story("s-pair", PAIR[0].title, [a.id for a in PAIR])
    store.save_stories([story])
    store.save_brief("s-pair", StoryBrief.from_dict(PAIR_BRIEF), replace(story_summary(story, PAIR), badges=["disputed"]))
    with TestClient(create_app(ServerSettings(db=store.url))) as client:
        yield client
    store.close()


def test_every_citation_links_to_its_sentence(pair_client):
    import re

    page = pair_client.get("/stories/s-pair", headers={"accept": "text/html"}).text
    targets = re.findall(r'href="#(s-[^"]+)"', page)
    anchors = set(re.findall(r'<span class="s[^"]*" id="(s-[^"]+)"', page))
    assert {f"s-{PAIR[0].id}-1", f"s-{PAIR[1].id}-0"} <= set(targets)
    assert set(targets) <= anchors and len(anchors) == 4  # every sentence has its anchor
    assert 'href="/stories/s-pair/export.csv"' in page and 'href="/stories/s-pair/export.json"' in page
    assert "data-print" in page


def test_the_csv_export_holds_each_claim_with_its_citation(pair_client):
    import csv

    response = pair_client.get("/stories/s-pair/export.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == 'attachment; filename="kroscek-s-pair.csv"'
    rows = list(csv.DictReader(response.content.decode("utf-8-sig").splitlines()))
    claims = [(c["article"], c["sentence"]) for f in PAIR_BRIEF["facts"] for c in f["claims"]]
    assert [(r["article"], int(r["sentence"])) for r in rows] == claims
    assert [r["fact"] for r in rows] == ["f1", "f1", "f2", "f2"]
    disputed = [r for r in rows if r["status"] == "disputed"]
    assert {r["difference"] for r in disputed} == {"count: 300 ≠ 350"} and disputed[1]["relation"] == "dispute"
    assert rows[0]["outlet"] == "Warta Uji" and rows[0]["url"] == "https://warta.example/banjir"
    assert rows[0]["published"] == "2025-10-01" and rows[1]["outlet"] == "Kabar Uji"
    assert disputed[1]["claim"] == "'=350 rumah terendam."  # never a spreadsheet formula


def test_the_json_export_is_the_story_as_the_api_gives_it(pair_client):
    response = pair_client.get("/stories/s-pair/export.json")
    assert response.headers["content-disposition"] == 'attachment; filename="kroscek-s-pair.json"'
    assert response.json() == pair_client.get("/api/v1/stories/s-pair").json()
    assert pair_client.get("/stories/nope/export.csv", headers={"accept": "application/json"}).json() == {
        "error": "no story with id 'nope'", "status": 404}


def test_the_static_report_anchors_its_citations_and_prints_without_export_links():
    from kroscek.report import ReportedStory
    from kroscek.report.html import render_story

    summary = replace(story_summary(Story("s-pair", PAIR[0].title, [a.id for a in PAIR]), PAIR), badges=["disputed"])
    page = render_story(ReportedStory(summary, StoryBrief.from_dict(PAIR_BRIEF)), PAIR)
    assert f'href="#s-{PAIR[1].id}-1"' in page and f'id="s-{PAIR[1].id}-1"' in page
    assert "export.csv" not in page and "data-print" in page and "@media print" in page


def test_the_static_report_lists_the_newest_stories_first_and_the_undated_last(tmp_path):
    import re

    from kroscek.report.html import write_report

    def story(story_id: str, last: str | None) -> dict:
        return {"id": story_id, "title": f"Berita {story_id}", "articles": [], "outlets": [], "languages": [],
                "first_published": last, "last_published": last, "badges": [], "brief": {}}

    report = {"articles": [], "rejected": [], "stories": [story("lama", "2020-01-02"), story("tanpa", None),
                                                          story("baru", "2024-05-01"), story("tengah", "2022-03-04")]}
    index = write_report(report, tmp_path).read_text(encoding="utf-8")
    assert re.findall(r'href="story-(\w+)\.html"', index) == ["baru", "tengah", "lama", "tanpa"]


def test_the_outlet_endpoints_declare_their_response_models(tmp_path):
    from fastapi.testclient import TestClient

    from kroscek.store import Store
    from kroscek.web.app import ServerSettings, create_app

    with TestClient(create_app(ServerSettings(db=str(Store(tmp_path / "o.db").url)))) as client:
        paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/v1/outlets", "/api/v1/outlets/{name}"):
        schema = paths[path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert "Outlet" in str(schema), (path, schema)
