"""The app's files under ``/static``: its own (scripts, styles, icons), the report's stylesheet, and
Swagger UI's and ReDoc's bundles (swagger-ui-bundle.js, swagger-ui.css, redoc.standalone.js,
favicon.png) from the fastapi-offline package."""

from __future__ import annotations

from functools import cache

from fastapi import APIRouter
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from kroscek.report.html import templates

router = APIRouter()


@cache
def report_stylesheet() -> bytes:
    """The report's stylesheet (inline in the static report) as a file: the pages allow no inline style."""
    source = templates().loader.get_source(templates(), "style.html")[0]
    return source.replace("<style>", "").replace("</style>", "").encode()


# A route, so it answers before the files mounted at /static.
@router.get("/static/report.css", include_in_schema=False)
async def report_css() -> Response:
    return Response(report_stylesheet(), media_type="text/css")


def static_files() -> StaticFiles:
    """The files to mount at /static: the app's own first, then the docs viewers'."""
    return StaticFiles(packages=[("kroscek", "web/static"), ("fastapi_offline", "static")])
