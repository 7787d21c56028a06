"""The API's contract: every error in the documented shape (``{"error": ..., "status": ...}``), and
an OpenAPI document that declares the token scheme and a response model for each v1 endpoint."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from kroscek.model import Article, Sentence, Story
from kroscek.report import story_summary
from kroscek.store import Store
from kroscek.web import schemas
from kroscek.web.app import Settings, create_app

ARTICLE = Article(id="a000000000000001", source="fixture-1.txt", title="Banjir Rendam Desa Sukamaju",
                  text="Banjir merendam 300 rumah di Desa Sukamaju pada Senin.", outlet="Warta Uji", language="id",
                  published="2025-10-01", sentences=[Sentence(0, "Banjir merendam 300 rumah di Desa Sukamaju pada Senin.", 0)])


@pytest.fixture()
def store(tmp_path) -> Iterator[Store]:
    store = Store(tmp_path / "shape.db")
    store.add_articles([ARTICLE])
    story = Story("s-flood", ARTICLE.title, [ARTICLE.id])
    store.save_stories([story])
    store.save_brief("s-flood", {"summary": []}, {**story_summary(story, [ARTICLE]), "badges": []})
    yield store
    store.close()


@pytest.fixture()
def client(store) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=store.url))) as client:
        yield client


def error_of(response, status: int) -> str:
    """The error message of a response in the documented shape (and nothing else in the body)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error", "status"} and body["status"] == status
    assert isinstance(body["error"], str) and body["error"].strip()
    return body["error"]


@pytest.mark.parametrize("path", ["/api/v1/nothing-here", "/api/v2/stories", "/no-such-page"])
def test_an_unknown_path_is_a_404_in_the_error_shape(client, path):
    assert path in error_of(client.get(path), 404)


def test_a_browser_gets_the_error_page_for_an_unknown_page(client):
    response = client.get("/no-such-page", headers={"accept": "text/html,application/xhtml+xml"})
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "/no-such-page" in response.text
    # the API answers JSON whatever the client accepts
    error_of(client.get("/api/v1/nothing-here", headers={"accept": "text/html"}), 404)


def test_a_wrong_method_is_a_405_in_the_error_shape(client):
    response = client.put("/api/v1/stories")
    assert "PUT" in error_of(response, 405)
    assert "GET" in response.headers["allow"]


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
    with TestClient(create_app(Settings(db=store.url, read_token_required=True))) as client:
        assert "token" in error_of(client.get("/api/v1/stories"), 401)
        assert "token" in error_of(client.get("/openapi.json"), 401)
        token = store.add_token("reader")
        assert client.get("/api/v1/stories", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_openapi_declares_the_bearer_scheme_and_which_endpoints_need_it(client):
    document = client.get("/openapi.json").json()
    schemes = document["components"]["securitySchemes"]
    assert schemes["bearer"]["type"] == "http" and schemes["bearer"]["scheme"] == "bearer"
    assert schemes["tokenHeader"] == {**schemes["tokenHeader"], "type": "apiKey", "in": "header", "name": "X-Kroscek-Token"}
    paths = document["paths"]
    for path, method in (("/api/v1/ingest", "post"), ("/api/v1/feeds", "post"), ("/api/v1/articles/{article_id}", "delete")):
        assert {"bearer": []} in paths[path][method]["security"], path
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
