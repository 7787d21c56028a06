"""The API's own documentation: the OpenAPI document (``/openapi.json``), Swagger UI (``/docs``)
and ReDoc (``/redoc``), guarded as every page (a --read-token server asks for the token here too).
The viewers' bundles are files the app serves itself (``routes.static``): the docs work offline."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.routing import APIRoute

from kroscek.web.deps import READ, can_read

router = APIRouter()


def viewer_page(head: str, root: str, scripts: tuple[str, ...]) -> str:
    """An API docs page: the viewer's bundle and its starter, both files under /static."""
    loads = "\n".join(f'<script src="/static/{script}"></script>' for script in scripts)
    return (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>kroscek API</title>\n'
            f'<link rel="icon" href="/static/favicon.png">{head}</head>\n<body><div id="{root}"></div>\n{loads}</body></html>')


DOCS_PAGE = viewer_page('<link rel="stylesheet" href="/static/swagger-ui.css">', "swagger-ui", ("swagger-ui-bundle.js", "docs.js"))
REDOC_PAGE = viewer_page('<meta name="viewport" content="width=device-width, initial-scale=1">', "redoc",
                       ("redoc.standalone.js", "redoc.js"))


@router.get("/openapi.json", dependencies=READ, include_in_schema=False)
async def openapi_document(request: Request) -> JSONResponse:
    return JSONResponse(request.app.openapi())


@router.get("/docs", response_class=HTMLResponse, dependencies=READ, include_in_schema=False)
async def docs_page() -> HTMLResponse:
    return HTMLResponse(DOCS_PAGE)


@router.get("/redoc", response_class=HTMLResponse, dependencies=READ, include_in_schema=False)
async def redoc_page() -> HTMLResponse:
    return HTMLResponse(REDOC_PAGE)


def open_reading(app: FastAPI, routers: Sequence[APIRouter], read_token_required: bool) -> Callable[[], dict[str, Any]]:
    """The app's OpenAPI document, built once. Reading needs no token unless the server runs with
    --read-token: the read endpoints (the routes of ``routers`` guarded by ``can_read``) then list
    an empty alternative (``{}``) beside the token schemes."""
    documented = app.openapi
    readable = [(route.path_format, method.lower()) for router in routers for route in router.routes
                if isinstance(route, APIRoute) and any(d.dependency is can_read for d in route.dependencies)
                for method in route.methods]

    def document() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = documented()
            if not read_token_required:
                for path, method in readable:
                    operation = schema["paths"].get(path, {}).get(method, {})
                    if "security" in operation and {} not in operation["security"]:
                        operation["security"].append({})
        return app.openapi_schema or {}

    return document
