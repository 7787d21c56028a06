"""The web app: server-rendered pages and a JSON API (``/api/v1``) over one store."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Form, Header, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape

from kroscek.report.html import render_story
from kroscek.store import DEFAULT_DB, Store
from kroscek.web.jobs import IngestJobs
from kroscek.web.views import StoryFilter, article_view, entity_view, filter_stories, story_view

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_PAGE = 200
Page = Annotated[int, Query(ge=1, le=10_000, alias="page", description="1-based page number")]
Size = Annotated[int, Query(ge=1, le=MAX_PAGE, description="items per page")]


@dataclass
class Settings:
    db: str = DEFAULT_DB
    read_token_required: bool = False  # reading is open unless this is set
    max_upload_bytes: int = MAX_UPLOAD_BYTES

    @classmethod
    def from_env(cls, db: str | None = None) -> Settings:
        return cls(
            db=db or os.environ.get("KROSCEK_DB", DEFAULT_DB),
            read_token_required=os.environ.get("KROSCEK_READ_TOKEN_REQUIRED", "") in {"1", "true", "yes"},
        )


@cache
def _pages() -> Environment:
    """Web templates first, then the report's (the story page is shared with the static report)."""
    loader = ChoiceLoader([PackageLoader("kroscek", "web/templates"), PackageLoader("kroscek", "report/templates")])
    return Environment(loader=loader, autoescape=select_autoescape(default=True))


def _links() -> dict[str, Any]:
    return {"article_url": lambda i: f"/articles/{i}", "entity_url": lambda i: f"/entities/{i}"}


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    store = Store(settings.db)
    jobs = IngestJobs(store)
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        jobs.start_feed_polling()
        yield
        jobs.stop()

    async def no_nul(request: Request) -> None:
        """A NUL character in a path or query is refused: PostgreSQL cannot take one as text."""
        if "\x00" in request.scope["path"] or any("\x00" in v for _, v in request.query_params.multi_items()):
            raise HTTPException(422, "bad request: NUL character in the request")

    app = FastAPI(title="kroscek", version="0.1.0", lifespan=lifespan, dependencies=[Depends(no_nul)],
                  description="Cross-checking the news: stories, sources, agreements and disputes.")
    app.state.store, app.state.jobs, app.state.settings = store, jobs, settings

    def token_of(authorization: str | None, x_token: str | None) -> str | None:
        if authorization and authorization.lower().startswith("bearer "):
            return authorization[7:].strip()
        return x_token

    # The read paths are coroutines: their work is short (a cached page, one indexed query), and
    # running them on the event loop avoids a thread hop and GIL hand-offs per request, which
    # halved the tail latency under 20 concurrent readers (bench/bench_web.py).
    async def can_read(
        authorization: Annotated[str | None, Header()] = None,
        x_kroscek_token: Annotated[str | None, Header()] = None,
        token: Annotated[str | None, Query(include_in_schema=False)] = None,
    ) -> None:
        if settings.read_token_required and not store.check_token(token_of(authorization, x_kroscek_token) or token):
            raise HTTPException(401, "a valid token is required to read (Authorization: Bearer TOKEN)")

    def can_write(
        authorization: Annotated[str | None, Header()] = None,
        x_kroscek_token: Annotated[str | None, Header()] = None,
    ) -> None:
        if not store.check_token(token_of(authorization, x_kroscek_token)):
            raise HTTPException(401, "writing needs a valid token (Authorization: Bearer TOKEN; see `kroscek token create`)")

    def rendered(request: Request, template: str, **context: Any) -> str:
        return _pages().get_template(template).render(request=request, home="/", **context)

    def page(request: Request, template: str, **context: Any) -> HTMLResponse:
        return HTMLResponse(rendered(request, template, **context))

    # -- JSON API ---------------------------------------------------------------------------

    @app.get("/api/v1/stories", dependencies=[Depends(can_read)])
    async def api_stories(filters: Annotated[StoryFilter, Depends()], page_number: Page = 1, size: Size = 50) -> dict:
        """Stories, newest and biggest first, filtered; paginated with ``page`` and ``size``."""
        found = filter_stories(store, filters)
        start = (page_number - 1) * size
        return {"total": len(found), "page": page_number, "size": size, "items": found[start : start + size]}

    @app.get("/api/v1/stories/{story_id}", dependencies=[Depends(can_read)])
    def api_story(story_id: str) -> dict:
        return story_view(store, story_id) or _missing("story", story_id)

    @app.get("/api/v1/articles", dependencies=[Depends(can_read)])
    def api_articles(page_number: Page = 1, size: Size = 50) -> dict:
        total = store.count_articles()
        start = (page_number - 1) * size
        ids = store.article_ids(offset=start, limit=size)
        items = [{k: a.to_dict()[k] for k in ("id", "source", "url", "title", "outlet", "language", "published", "stale")}
                 for a in store.articles(ids)]
        return {"total": total, "page": page_number, "size": size, "items": items}

    @app.get("/api/v1/articles/{article_id}", dependencies=[Depends(can_read)])
    def api_article(article_id: str) -> dict:
        return article_view(store, article_id) or _missing("article", article_id)

    @app.delete("/api/v1/articles/{article_id}", dependencies=[Depends(can_write)])
    def api_delete_article(article_id: str) -> dict:
        if not store.delete_article(article_id):
            _missing("article", article_id)
        jobs.regroup()
        return {"deleted": article_id}

    @app.get("/api/v1/entities", dependencies=[Depends(can_read)])
    def api_entities(q: Annotated[str | None, Query(max_length=200)] = None, page_number: Page = 1, size: Size = 50) -> dict:
        found = [e for e in store.entities() if not q or q.casefold() in " ".join([e["name"], *e["aliases"]]).casefold()]
        start = (page_number - 1) * size
        return {"total": len(found), "page": page_number, "size": size, "items": found[start : start + size]}

    @app.get("/api/v1/entities/{entity_id:path}", dependencies=[Depends(can_read)])
    def api_entity(entity_id: str) -> dict:
        return entity_view(store, entity_id) or _missing("entity", entity_id)

    @app.get("/api/v1/search", dependencies=[Depends(can_read)])
    def api_search(q: Annotated[str, Query(min_length=1, max_length=200)], page_number: Page = 1, size: Size = 20) -> dict:
        total, hits = store.search(q, limit=size, offset=(page_number - 1) * size)
        return {"total": total, "page": page_number, "size": size, "items": hits}

    @app.post("/api/v1/ingest", status_code=202, dependencies=[Depends(can_write)])
    async def api_ingest(files: Annotated[list[UploadFile], File()]) -> dict:
        """Upload article files; they are ingested, grouped and cross-checked in the background."""
        received = []
        for upload in files:
            data = await upload.read(settings.max_upload_bytes + 1)
            if len(data) > settings.max_upload_bytes:
                raise HTTPException(413, f"{upload.filename}: file too large (limit {settings.max_upload_bytes // 2**20} MB)")
            received.append((upload.filename or "upload", data))
        if not received:
            raise HTTPException(422, "no files uploaded")
        return jobs.submit(received)

    @app.get("/api/v1/jobs/{job_id}", dependencies=[Depends(can_read)])
    def api_job(job_id: str) -> dict:
        return jobs.status(job_id) or _missing("job", job_id)

    @app.post("/api/v1/feeds", status_code=201, dependencies=[Depends(can_write)])
    def api_add_feed(url: Annotated[str, Form(max_length=2000, pattern=r"^https?://\S+$")]) -> dict:
        store.add_feed(url)
        jobs.poll_soon(url)
        return {"url": url, "polled_every_minutes": jobs.feed_interval_minutes}

    @app.get("/api/v1/feeds", dependencies=[Depends(can_read)])
    def api_feeds() -> list[dict]:
        return store.feeds()

    # -- pages ------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, dependencies=[Depends(can_read)], include_in_schema=False)
    async def stories_page(request: Request, filters: Annotated[StoryFilter, Depends()], page_number: Page = 1) -> HTMLResponse:
        def render() -> str:
            found = filter_stories(store, filters)
            size = 50
            start = (page_number - 1) * size
            return rendered(request, "stories.html", stories=found[start : start + size], total=len(found), filters=filters,
                            page_number=page_number, pages=max(1, -(-len(found) // size)))

        return HTMLResponse(store.cached(f"page:/?{request.url.query}", render))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, dependencies=[Depends(can_read)], include_in_schema=False)
    async def story_page(story_id: str) -> HTMLResponse:
        def render() -> str:
            view = story_view(store, story_id) or _missing("story", story_id)
            return render_story(view, view["article_details"], _pages(), home="/", **_links())

        return HTMLResponse(store.cached(f"page:/stories/{story_id}", render))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, dependencies=[Depends(can_read)], include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        return page(request, "article.html", view=article_view(store, article_id) or _missing("article", article_id))

    @app.get("/entities/{entity_id:path}", response_class=HTMLResponse, dependencies=[Depends(can_read)], include_in_schema=False)
    def entity_page(request: Request, entity_id: str) -> HTMLResponse:
        return page(request, "entity.html", view=entity_view(store, entity_id) or _missing("entity", entity_id))

    @app.get("/search", response_class=HTMLResponse, dependencies=[Depends(can_read)], include_in_schema=False)
    async def search_page(request: Request, q: Annotated[str, Query(max_length=200)] = "", page_number: Page = 1) -> HTMLResponse:
        total, hits = store.search(q, limit=20, offset=(page_number - 1) * 20) if q.strip() else (0, [])
        return page(request, "search.html", q=q, total=total, hits=hits, page_number=page_number)

    @app.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
    def ingest_page(request: Request) -> HTMLResponse:
        return page(request, "ingest.html", feeds=store.feeds(), max_mb=settings.max_upload_bytes // 2**20)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> JSONResponse | HTMLResponse:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": error.detail, "status": error.status_code}, status_code=error.status_code)
        html = _pages().get_template("error.html").render(request=request, home="/", status=error.status_code,
                                                          message=error.detail)
        return HTMLResponse(html, status_code=error.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, error: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors())
        return JSONResponse({"error": f"bad request: {problems}", "status": 422}, status_code=422)

    return app


def create_app_from_env() -> FastAPI:
    """App factory for multi-process serving: settings come from KROSCEK_* variables."""
    return create_app(Settings.from_env())


def _missing(kind: str, identifier: str) -> Any:
    raise HTTPException(404, f"no {kind} with id {identifier!r}")
