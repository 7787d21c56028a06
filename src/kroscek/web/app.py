"""The web app: server-rendered pages and a JSON API (``/api/v1``) over one store."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

from fastapi import Body, Depends, FastAPI, Form, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.routing import APIRoute
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from kroscek import __version__
from kroscek.i18n import LOCALES, pick_locale, with_locale
from kroscek.report.html import render_story, templates, with_link_filter
from kroscek.store import DEFAULT_DB, Store
from kroscek.web import schemas
from kroscek.web import routes_check, routes_outlets
from kroscek.web.export import download_name, story_csv, story_json
from kroscek.web.jobs import IngestJobs
from kroscek.web.uploads import MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES, receive_files
from kroscek.web.views import (
    StoryFilter, article_view, entity_view, filter_stories, search_spellings, story_view, with_safe_url,
)

MAX_UPLOAD_BYTES = MAX_FILE_BYTES
# The write token (and the read token under --read-token): ``Authorization: Bearer TOKEN``, or the
# ``X-Kroscek-Token`` header. Both declared in OpenAPI; a missing one is not an error here (the
# routes decide, and answer 401 in the API's error shape).
BEARER = HTTPBearer(auto_error=False, scheme_name="bearer", bearerFormat="kroscek token",
                    description="a token from `kroscek token create NAME`")
TOKEN_HEADER = APIKeyHeader(name="X-Kroscek-Token", auto_error=False, scheme_name="tokenHeader",
                            description="the same token, in a header of its own")
MAX_PAGE = 200
Page = Annotated[int, Query(ge=1, le=10_000, alias="page", description="1-based page number")]
Size = Annotated[int, Query(ge=1, le=MAX_PAGE, description="items per page")]


@dataclass
class Settings:
    db: str = DEFAULT_DB
    read_token_required: bool = False  # reading is open unless this is set
    max_upload_bytes: int = MAX_UPLOAD_BYTES  # a file
    max_request_bytes: int = MAX_TOTAL_BYTES  # all files of one upload
    max_files: int = MAX_FILES

    @classmethod
    def from_env(cls, db: str | None = None) -> Settings:
        return cls(
            db=db or os.environ.get("KROSCEK_DB", DEFAULT_DB),
            read_token_required=os.environ.get("KROSCEK_READ_TOKEN_REQUIRED", "") in {"1", "true", "yes"},
        )


@cache
def _pages(locale: str = "id") -> Environment:
    """Web templates first, then the report's (the story page is shared with the static report), in
    one of the interface's languages (one environment each: the translations are installed in it)."""
    loader = ChoiceLoader([PackageLoader("kroscek", "web/templates"), PackageLoader("kroscek", "report/templates")])
    environment = Environment(loader=loader, autoescape=select_autoescape(default=True), extensions=["jinja2.ext.i18n"])
    return with_link_filter(with_locale(environment, locale))


LANG_COOKIE = "kroscek-lang"  # the reader's choice of language (not a secret; the token is never a cookie)


def reader_locale(request: Request) -> str:
    """The page's language: ?lang=, else the reader's earlier choice, else Accept-Language, else Indonesian."""
    return pick_locale(request.query_params.get("lang"), request.cookies.get(LANG_COOKIE),
                       request.headers.get("accept-language"))


def remember_locale(request: Request, response: Response) -> Response:
    """A ?lang= choice is kept in a cookie, so links without it stay in that language."""
    chosen = (request.query_params.get("lang") or "").strip().lower()[:2]
    if chosen in LOCALES:
        response.set_cookie(LANG_COOKIE, chosen, max_age=365 * 86400, samesite="lax", httponly=True)
    return response


@cache
def _report_css() -> bytes:
    """The report's stylesheet (inline in the static report) as a file: the pages allow no inline style."""
    source = templates().loader.get_source(templates(), "style.html")[0]
    return source.replace("<style>", "").replace("</style>", "").encode()


# Pages run no inline script or style and load nothing from elsewhere; no page may be framed.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
# /docs (Swagger UI) and /redoc (ReDoc) run bundles the app serves itself from /static (shipped by
# the fastapi-offline package), so they work offline; still no inline script and nothing loaded from
# elsewhere. Both set style attributes and ReDoc writes <style> elements, hence 'unsafe-inline' for
# styles only; ReDoc's search runs in a worker it makes from a blob.
DOCS_PATHS = ("/docs", "/redoc")
DOCS_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; form-action 'self'; base-uri 'none'; "
            "frame-ancestors 'none'")
SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"no-referrer"), (b"cross-origin-opener-policy", b"same-origin")]


def _docs_page(head: str, root: str, scripts: tuple[str, ...]) -> str:
    """An API docs page: the viewer's bundle and its starter, both files under /static."""
    loads = "\n".join(f'<script src="/static/{script}"></script>' for script in scripts)
    return (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>kroscek API</title>\n'
            f'<link rel="icon" href="/static/favicon.png">{head}</head>\n<body><div id="{root}"></div>\n{loads}</body></html>')


DOCS_PAGE = _docs_page('<link rel="stylesheet" href="/static/swagger-ui.css">', "swagger-ui", ("swagger-ui-bundle.js", "docs.js"))
REDOC_PAGE = _docs_page('<meta name="viewport" content="width=device-width, initial-scale=1">', "redoc",
                        ("redoc.standalone.js", "redoc.js"))


class SecurityHeaders:
    """ASGI middleware: the security headers on every response (pure ASGI: it buffers nothing)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        policy = (DOCS_CSP if scope["path"] in DOCS_PATHS else CSP).encode()

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"content-security-policy", policy),
                                      *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


def _links() -> dict[str, Any]:
    return {"article_url": lambda i: f"/articles/{i}", "entity_url": lambda i: f"/entities/{i}"}


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    store = Store(settings.db)
    jobs = IngestJobs(store)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        jobs.start()
        yield
        jobs.stop()

    async def no_nul(request: Request) -> None:
        """A NUL character in a path or query is refused: PostgreSQL cannot take one as text."""
        if "\x00" in request.scope["path"] or any("\x00" in v for _, v in request.query_params.multi_items()):
            raise HTTPException(422, "bad request: NUL character in the request")

    # /docs and /openapi.json are routes below, so that --read-token guards them as every page.
    app = FastAPI(title="kroscek", version=__version__, lifespan=lifespan, dependencies=[Depends(no_nul)],
                  docs_url=None, redoc_url=None, openapi_url=None, responses=schemas.ERRORS,
                  description="Cross-checking the news: stories, sources, agreements and disputes.")
    app.add_middleware(SecurityHeaders)
    app.state.store, app.state.jobs, app.state.settings = store, jobs, settings

    def token_of(bearer: HTTPAuthorizationCredentials | None, x_token: str | None) -> str | None:
        return bearer.credentials.strip() if bearer is not None else x_token

    # The read paths are coroutines: their work is short (a cached page, one indexed query), and
    # running them on the event loop avoids a thread hop and GIL hand-offs per request, which
    # halved the tail latency under 20 concurrent readers (bench/bench_web.py).
    async def can_read(
        bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)] = None,
        x_kroscek_token: Annotated[str | None, Depends(TOKEN_HEADER)] = None,
        token: Annotated[str | None, Query(include_in_schema=False)] = None,
    ) -> None:
        if settings.read_token_required and not store.check_token(token_of(bearer, x_kroscek_token) or token):
            raise HTTPException(401, "a valid token is required to read (Authorization: Bearer TOKEN)",
                                headers={"WWW-Authenticate": "Bearer"})

    def can_write(
        bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)] = None,
        x_kroscek_token: Annotated[str | None, Depends(TOKEN_HEADER)] = None,
    ) -> None:
        if not store.check_token(token_of(bearer, x_kroscek_token)):
            raise HTTPException(401, "writing needs a valid token (Authorization: Bearer TOKEN; see `kroscek token create`)",
                                headers={"WWW-Authenticate": "Bearer"})

    def rendered(request: Request, template: str, **context: Any) -> str:
        return _pages(reader_locale(request)).get_template(template).render(request=request, home="/", **context)

    def page(request: Request, template: str, **context: Any) -> HTMLResponse:
        return remember_locale(request, HTMLResponse(rendered(request, template, **context)))

    # -- JSON API ---------------------------------------------------------------------------

    @app.get("/api/v1/stories", dependencies=[Depends(can_read)], response_model=schemas.StoryPage)
    async def api_stories(filters: Annotated[StoryFilter, Depends()], page_number: Page = 1, size: Size = 50) -> dict:
        """Stories, newest and biggest first, filtered; paginated with ``page`` and ``size``."""
        found = filter_stories(store, filters)
        start = (page_number - 1) * size
        return {"total": len(found), "page": page_number, "size": size, "items": found[start : start + size]}

    @app.get("/api/v1/stories/{story_id}", dependencies=[Depends(can_read)], response_model=schemas.StoryDetail)
    def api_story(story_id: str) -> dict:
        return story_view(store, story_id) or _missing("story", story_id)

    @app.get("/api/v1/articles", dependencies=[Depends(can_read)], response_model=schemas.ArticlePage)
    def api_articles(page_number: Page = 1, size: Size = 50) -> dict:
        total = store.count_articles()
        start = (page_number - 1) * size
        ids = store.article_ids(offset=start, limit=size)
        items = [with_safe_url({k: a.to_dict()[k] for k in ("id", "source", "url", "title", "outlet", "language", "published",
                                                            "stale")}) for a in store.articles(ids)]
        return {"total": total, "page": page_number, "size": size, "items": items}

    @app.get("/api/v1/articles/{article_id}", dependencies=[Depends(can_read)], response_model=schemas.ArticleDetail)
    def api_article(article_id: str) -> dict:
        return article_view(store, article_id) or _missing("article", article_id)

    @app.delete("/api/v1/articles/{article_id}", dependencies=[Depends(can_write)], response_model=schemas.Deleted)
    def api_delete_article(article_id: str) -> dict:
        if not store.delete_article(article_id):
            _missing("article", article_id)
        jobs.regroup()
        return {"deleted": article_id}

    @app.get("/api/v1/entities", dependencies=[Depends(can_read)], response_model=schemas.EntityPage)
    def api_entities(q: Annotated[str | None, Query(max_length=200)] = None, page_number: Page = 1, size: Size = 50) -> dict:
        found = [e for e in store.entities() if not q or q.casefold() in " ".join([e["name"], *e["aliases"]]).casefold()]
        start = (page_number - 1) * size
        return {"total": len(found), "page": page_number, "size": size, "items": found[start : start + size]}

    @app.get("/api/v1/entities/{entity_id:path}", dependencies=[Depends(can_read)], response_model=schemas.EntityDetail)
    def api_entity(entity_id: str) -> dict:
        return entity_view(store, entity_id) or _missing("entity", entity_id)

    @app.get("/api/v1/search", dependencies=[Depends(can_read)], response_model=schemas.SearchPage)
    def api_search(q: Annotated[str, Query(min_length=1, max_length=200)], page_number: Page = 1, size: Size = 20) -> dict:
        """Articles with every word of ``q``, or with any spelling of the entity ``q`` names."""
        total, hits = store.search(q, limit=size, offset=(page_number - 1) * size, also=search_spellings(store, q))
        return {"total": total, "page": page_number, "size": size, "items": hits}

    upload_body = {"required": True, "content": {"multipart/form-data": {"schema": {
        "type": "object",
        "properties": {
            "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
            "text": {"type": "string", "description": "pasted article text (instead of or beside files)"},
            "columns": {"type": "string", "example": "text=isi_berita,title=judul,published=tanggal",
                        "description": "CSV columns / JSON keys of the fields, as the CLI's --columns"},
            "title": {"type": "string", "description": "the pasted text's title"},
            "outlet": {"type": "string", "description": "outlet of the pasted text and plain-text files"},
            "published": {"type": "string", "format": "date", "description": "their publication date"},
        }}}}}

    @app.post("/api/v1/ingest", status_code=202, dependencies=[Depends(can_write)], response_model=schemas.Job,
              openapi_extra={"requestBody": upload_body}, responses={413: {"model": schemas.ApiError,
                                                                           "description": "a file or the upload too large"}})
    async def api_ingest(request: Request) -> dict:
        """Upload article files (multipart field ``files``) or pasted text (``text``), with an optional
        column mapping and the pasted text's title, outlet and date; they are ingested, grouped and
        cross-checked in the background. The token is checked before the body is read; the files
        stream to disk within a per-file, per-request and file-count limit (413 beyond)."""
        upload = await receive_files(request, settings.max_upload_bytes, settings.max_request_bytes, settings.max_files)
        return jobs.submit(upload.folder, upload.files, upload.fields)

    @app.get("/api/v1/jobs/{job_id}", dependencies=[Depends(can_read)], response_model=schemas.Job)
    def api_job(job_id: str) -> dict:
        return jobs.status(job_id) or _missing("job", job_id)

    @app.post("/api/v1/feeds", status_code=201, dependencies=[Depends(can_write)], response_model=schemas.FeedAdded)
    def api_add_feed(url: Annotated[str, Form(max_length=2000, pattern=r"^https?://\S+$")]) -> dict:
        store.add_feed(url)
        jobs.poll_soon(url)
        return {"url": url, "polled_every_minutes": jobs.feed_interval_minutes}

    @app.get("/api/v1/feeds", dependencies=[Depends(can_read)], response_model=list[schemas.Feed])
    def api_feeds() -> list[dict]:
        return store.feeds()

    @app.post("/api/v1/check", dependencies=[Depends(can_read)], response_model=schemas.ClaimCheck)
    def api_check(claim: Annotated[str, Body(embed=True, max_length=1000)]) -> dict:
        """Check a claim (JSON ``{"claim": ...}``): the stories that cover it, the sentences that
        support and contradict it (slot and both values), and earlier fact-checks; 422 for a claim
        that cannot be checked."""
        from kroscek.check import ClaimError, check_claim

        try:
            return check_claim(store, claim, index=routes_check.fact_check_index(store)).to_dict()
        except ClaimError as error:
            raise HTTPException(422, f"bad claim: {error}") from None

    # -- pages ------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, dependencies=[Depends(can_read)], include_in_schema=False)
    async def stories_page(request: Request, filters: Annotated[StoryFilter, Depends()], page_number: Page = 1) -> HTMLResponse:
        def render() -> str:
            found = filter_stories(store, filters)
            size = 50
            start = (page_number - 1) * size
            return rendered(request, "stories.html", stories=found[start : start + size], total=len(found), filters=filters,
                            page_number=page_number, pages=max(1, -(-len(found) // size)))

        return remember_locale(request, HTMLResponse(store.cached(f"page:{reader_locale(request)}:/?{request.url.query}",
                                                                  render)))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, dependencies=[Depends(can_read)], include_in_schema=False)
    async def story_page(request: Request, story_id: str) -> HTMLResponse:
        locale = reader_locale(request)

        def render() -> str:
            view = story_view(store, story_id) or _missing("story", story_id)
            view["fact_checks"] = routes_check.fact_checks_of_story(store, view)
            return render_story(view, view["article_details"], _pages(locale), home="/", here=f"/stories/{story_id}",
                                **_links())

        return remember_locale(request, HTMLResponse(store.cached(f"page:{locale}:/stories/{story_id}", render)))

    def download(story_id: str, suffix: str, media_type: str, body: str) -> Response:
        name = download_name(story_id, suffix)
        return Response(body, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.get("/stories/{story_id}/export.json", dependencies=[Depends(can_read)], include_in_schema=False)
    def story_export_json(story_id: str) -> Response:
        """The story as the API gives it, as a file."""
        return download(story_id, "json", "application/json", story_json(story_view(store, story_id) or _missing("story", story_id)))

    @app.get("/stories/{story_id}/export.csv", dependencies=[Depends(can_read)], include_in_schema=False)
    def story_export_csv(story_id: str) -> Response:
        """The story's facts, disputes and value changes, one claim a row with its citation (UTF-8
        with a byte-order mark, so spreadsheets read the accents)."""
        view = story_view(store, story_id) or _missing("story", story_id)
        return download(story_id, "csv", "text/csv; charset=utf-8", "\ufeff" + story_csv(view))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, dependencies=[Depends(can_read)], include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        return page(request, "article.html", view=article_view(store, article_id) or _missing("article", article_id))

    @app.get("/entities/{entity_id:path}", response_class=HTMLResponse, dependencies=[Depends(can_read)], include_in_schema=False)
    def entity_page(request: Request, entity_id: str) -> HTMLResponse:
        return page(request, "entity.html", view=entity_view(store, entity_id) or _missing("entity", entity_id))

    @app.get("/search", response_class=HTMLResponse, dependencies=[Depends(can_read)], include_in_schema=False)
    async def search_page(request: Request, q: Annotated[str, Query(max_length=200)] = "", page_number: Page = 1) -> HTMLResponse:
        total, hits = (store.search(q, limit=20, offset=(page_number - 1) * 20, also=search_spellings(store, q))
                       if q.strip() else (0, []))
        return page(request, "search.html", q=q, total=total, hits=hits, page_number=page_number)

    @app.get("/ingest", response_class=HTMLResponse, dependencies=[Depends(can_read)], include_in_schema=False)
    def ingest_page(request: Request) -> HTMLResponse:
        return page(request, "ingest.html", feeds=store.feeds(), max_mb=settings.max_upload_bytes // 2**20)

    app.include_router(routes_check.router, dependencies=[Depends(can_read)])
    app.include_router(routes_outlets.router, dependencies=[Depends(can_read)])

    @app.get("/openapi.json", dependencies=[Depends(can_read)], include_in_schema=False)
    async def openapi_document() -> JSONResponse:
        return JSONResponse(app.openapi())

    @app.get("/docs", response_class=HTMLResponse, dependencies=[Depends(can_read)], include_in_schema=False)
    async def docs_page() -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE)

    @app.get("/redoc", response_class=HTMLResponse, dependencies=[Depends(can_read)], include_in_schema=False)
    async def redoc_page() -> HTMLResponse:
        return HTMLResponse(REDOC_PAGE)

    @app.get("/static/report.css", include_in_schema=False)
    async def report_css() -> Response:
        return Response(_report_css(), media_type="text/css")

    # The app's own files, then Swagger UI's and ReDoc's (swagger-ui-bundle.js, swagger-ui.css,
    # redoc.standalone.js, favicon.png) from the fastapi-offline package.
    app.mount("/static", StaticFiles(packages=[("kroscek", "web/static"), ("fastapi_offline", "static")]), name="static")

    def error_response(request: Request, status: int, message: str,
                       headers: dict[str, str] | None = None) -> JSONResponse | HTMLResponse:
        """An error in the documented shape: JSON ``{"error", "status"}`` for the API (and for a
        client asking for JSON), the error page for pages."""
        if _wants_json(request):
            return JSONResponse(schemas.ApiError(error=message, status=status).model_dump(), status_code=status,
                                headers=headers)
        html = _pages(reader_locale(request)).get_template("error.html").render(
            request=request, home="/", status=status, message=message)
        return HTMLResponse(html, status_code=status, headers=headers)

    # Starlette's own errors (an unknown path, a method a path does not take) come here too.
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse | HTMLResponse:
        message = error.detail if isinstance(error.detail, str) else str(error.detail)
        if error.status_code == 404 and message == "Not Found":
            message = f"no such path: {request.url.path}"
        elif error.status_code == 405 and message == "Method Not Allowed":
            message = f"{request.method} is not allowed on {request.url.path}"
        return error_response(request, error.status_code, message, getattr(error, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, error: RequestValidationError) -> JSONResponse | HTMLResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors())
        return error_response(request, 422, f"bad request: {problems}")

    @app.exception_handler(Exception)
    async def server_error(request: Request, error: Exception) -> JSONResponse | HTMLResponse:
        logging.getLogger(__name__).error("%s %s", request.method, request.url.path, exc_info=error)
        response = error_response(request, 500, "internal server error (the server log has the details)")
        # this answer leaves from outside the middleware: it carries the security headers itself
        policy = DOCS_CSP if request.url.path in DOCS_PATHS else CSP
        response.headers.update({"content-security-policy": policy,
                                 **{name.decode(): value.decode() for name, value in SECURITY_HEADERS}})
        return response

    documented = app.openapi

    def openapi_document_with_open_reading() -> dict[str, Any]:
        """The OpenAPI document. Reading needs no token unless the server runs with --read-token:
        the read endpoints then list an empty alternative (``{}``) beside the token schemes."""
        if app.openapi_schema is None:
            document = documented()
            if not settings.read_token_required:
                for route in app.routes:
                    if isinstance(route, APIRoute) and any(d.dependency is can_read for d in route.dependencies):
                        for method in route.methods:
                            operation = document["paths"].get(route.path_format, {}).get(method.lower(), {})
                            if "security" in operation and {} not in operation["security"]:
                                operation["security"].append({})
        return app.openapi_schema or {}

    app.openapi = openapi_document_with_open_reading  # type: ignore[method-assign]
    return app


def create_app_from_env() -> FastAPI:
    """App factory for multi-process serving: settings come from KROSCEK_* variables."""
    return create_app(Settings.from_env())


def _missing(kind: str, identifier: str) -> Any:
    raise HTTPException(404, f"no {kind} with id {identifier!r}")


def _wants_json(request: Request) -> bool:
    """JSON errors for the API, the OpenAPI document and a client that asks for JSON rather than
    HTML; the error page (same status and message) for pages and browsers."""
    path = request.url.path
    accept = request.headers.get("accept", "")
    return path.startswith("/api/") or path == "/openapi.json" or ("application/json" in accept and "text/html" not in accept)
