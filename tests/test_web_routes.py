"""The web app's routes, one module a resource (``kroscek.web.routes``): every route of every module
is served and guarded (reading by ``can_read``, writing by ``can_write``), the OpenAPI document
says which, and a list is paged by the one ``Pagination`` dependency."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

import kroscek.web.routes
from kroscek.store import Store
from kroscek.web.app import ServerSettings, create_app
from kroscek.web.deps import MAX_PAGE, Pagination, can_read, can_write

PUBLIC = {"/static/report.css"}  # the pages' stylesheet: no token, as the other files under /static


def routes() -> list[APIRoute]:
    """Every route the resource modules declare."""
    found = []
    for module in pkgutil.iter_modules(kroscek.web.routes.__path__):
        router = importlib.import_module(f"kroscek.web.routes.{module.name}").router
        found.extend(route for route in router.routes if isinstance(route, APIRoute))
    return found


def guards(route: APIRoute) -> set[str]:
    return {d.dependency.__name__ for d in route.dependencies if d.dependency in (can_read, can_write)}


def url(route: APIRoute) -> str:
    return re.sub(r"\{[^}]+\}", "x", route.path_format)


def test_every_route_has_one_guard_but_the_stylesheet():
    declared = routes()
    assert len(declared) >= 30  # every resource module is found
    for route in declared:
        expected = set() if route.path_format in PUBLIC else {"can_write"} if route.methods & {"DELETE", "PUT", "PATCH"} else None
        if expected is None:
            assert len(guards(route)) == 1, route.path_format
        else:
            assert guards(route) == expected, route.path_format


@pytest.mark.parametrize("read_token_required", [False, True])
def test_every_guarded_route_is_served_and_answers_401_without_a_token(tmp_path, read_token_required):
    with TestClient(create_app(ServerSettings(db=Store(tmp_path / "empty.db").url,
                                        read_token_required=read_token_required))) as client:
        for route in routes():
            for method in route.methods:
                response = client.request(method, url(route), headers={"Accept": "application/json"})
                if route.path_format in PUBLIC or ("can_read" in guards(route) and not read_token_required):
                    assert response.status_code != 401, (method, route.path_format)
                else:
                    assert response.status_code == 401, (method, route.path_format)  # not 404: the route is served
                    assert "token" in response.json()["error"] and response.headers["www-authenticate"] == "Bearer"


def test_openapi_lists_open_reading_on_every_read_endpoint_and_on_no_write(tmp_path):
    with TestClient(create_app(ServerSettings(db=Store(tmp_path / "empty.db").url))) as client:
        paths = client.get("/openapi.json").json()["paths"]
    documented = [route for route in routes() if route.include_in_schema]
    assert {route.path_format for route in documented} == set(paths)
    for route in documented:
        for method in route.methods:
            security = paths[route.path_format][method.lower()]["security"]
            assert security[:2] == [{"bearer": []}, {"tokenHeader": []}], route.path_format
            assert ({} in security) == ("can_read" in guards(route)), (method, route.path_format)


def test_a_page_of_a_list():
    items = list(range(7))
    assert Pagination(page=1, size=3).of(items) == [0, 1, 2]
    assert Pagination(page=3, size=3).of(items) == [6]
    assert Pagination(page=4, size=3).of(items) == []
    assert Pagination(page=3, size=3).offset == 6
    assert [Pagination(size=3).pages(total) for total in (0, 1, 3, 4, 7)] == [1, 1, 1, 2, 3]


def test_the_api_lists_take_page_and_size_within_bounds_and_the_pages_a_page_number(tmp_path):
    with TestClient(create_app(ServerSettings(db=Store(tmp_path / "empty.db").url))) as client:
        for path in ("/api/v1/stories", "/api/v1/articles", "/api/v1/entities", "/api/v1/search?q=banjir"):
            joiner = "&" if "?" in path else "?"
            answer = client.get(f"{path}{joiner}page=2&size=7").json()
            assert (answer["page"], answer["size"], answer["items"]) == (2, 7, []), path
            assert client.get(f"{path}{joiner}size={MAX_PAGE + 1}").status_code == 422, path
            assert client.get(f"{path}{joiner}page=0").status_code == 422, path
        assert client.get("/api/v1/search?q=banjir").json()["size"] == 20
        assert client.get("/api/v1/stories").json()["size"] == 50
        # the pages hold a fixed number of items: a size there is no parameter of theirs
        for path in ("/?size=100000", "/search?q=banjir&size=100000"):
            assert client.get(path).status_code == 200, path
        assert client.get("/search?q=banjir&page=0").status_code == 422
