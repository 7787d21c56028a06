"""The web app: server-rendered pages and a JSON API (``/api/v1``) over one store.

``create_app`` puts it together: the settings, the store and the ingest jobs (on ``app.state``,
where ``kroscek.web.deps`` finds them), the security headers, the error handlers, the routes of
each resource (``kroscek.web.routes``) and the static files.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from kroscek import __version__
from kroscek.store import Store
from kroscek.web import errors, schemas
from kroscek.web.cache import warm
from kroscek.web.config import ServerSettings
from kroscek.web.deps import no_nul
from kroscek.web.headers import SecurityHeaders
from kroscek.web.jobs import IngestJobs
from kroscek.web.routes import articles, check, docs, entities, feeds, ingest, outlets, search, static, stories

__all__ = ["ServerSettings", "create_app", "create_app_from_env"]


def create_app(settings: ServerSettings | None = None) -> FastAPI:
    settings = settings or ServerSettings.from_env()
    store = Store(settings.db)
    jobs = IngestJobs(store, settings=settings.run)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        jobs.start()
        # What every search and entity filter reads is built once in the background, so the first
        # reader does not wait for it (about 1-2 s at 10K articles).
        warming = asyncio.create_task(asyncio.to_thread(warm, store))
        yield
        jobs.stop()
        await warming

    # /docs and /openapi.json are routes (routes.docs), so that --read-token guards them as every page.
    app = FastAPI(title="kroscek", version=__version__, lifespan=lifespan, dependencies=[Depends(no_nul)],
                  docs_url=None, redoc_url=None, openapi_url=None, responses=schemas.ERRORS,
                  description="Cross-checking the news: stories, sources, agreements and disputes.")
    app.add_middleware(SecurityHeaders)
    app.state.store, app.state.jobs, app.state.settings = store, jobs, settings

    # Starlette's own errors (an unknown path, a method a path does not take) come to http_error too.
    app.add_exception_handler(StarletteHTTPException, errors.http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, errors.bad_request)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, errors.server_error)

    routers = [resource.router for resource in (stories, articles, entities, search, ingest, feeds, check, outlets, docs,
                                                static)]
    for router in routers:
        app.include_router(router)
    # The app's own files, then Swagger UI's and ReDoc's, after /static/report.css (routes.static).
    app.mount("/static", static.static_files(), name="static")

    app.openapi = docs.open_reading(app, routers, settings.read_token_required)  # type: ignore[method-assign]
    return app


def create_app_from_env() -> FastAPI:
    """App factory for multi-process serving: settings come from KROSCEK_* variables."""
    return create_app(ServerSettings.from_env())
