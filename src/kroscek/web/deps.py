"""What the routes share, as FastAPI dependencies: the settings, store and ingest jobs of the app,
the read and write token checks, one page of a list, the reader's language and the page renderer.

A route names what it needs (``store: StoreDep``, ``paging: Paged``, ``pages: PagesDep``) and the
guard it runs under (``dependencies=READ`` or ``WRITE``). The guard runs before the route; a body
the route declares (a form field, JSON) is read before it, so the upload route declares none and
reads its body itself, once the guard has passed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, NoReturn, TypeVar

from fastapi import Depends, HTTPException, Query, Request
from fastapi.params import Depends as DependsParam
from fastapi.responses import HTMLResponse, Response
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape

from kroscek.i18n import LOCALES, pick_locale, with_locale
from kroscek.report.html import with_link_filter
from kroscek.store import Store
from kroscek.web.config import ServerSettings
from kroscek.web.jobs import IngestJobs

T = TypeVar("T")

# -- the app's settings, store and jobs -----------------------------------------------------------


# The dependencies that do no I/O are coroutines: FastAPI runs a plain function in a worker thread,
# and the read paths stay on the event loop (see ``can_read``).
async def get_settings(request: Request) -> ServerSettings:
    return request.app.state.settings


async def get_store(request: Request) -> Store:
    return request.app.state.store


async def get_jobs(request: Request) -> IngestJobs:
    return request.app.state.jobs


SettingsDep = Annotated[ServerSettings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
JobsDep = Annotated[IngestJobs, Depends(get_jobs)]


async def no_nul(request: Request) -> None:
    """A NUL character in a path or query is refused: PostgreSQL cannot take one as text."""
    if "\x00" in request.scope["path"] or any("\x00" in v for _, v in request.query_params.multi_items()):
        raise HTTPException(422, "bad request: NUL character in the request")


def missing(kind: str, identifier: str) -> NoReturn:
    """404 for an id the store does not hold."""
    raise HTTPException(404, f"no {kind} with id {identifier!r}")


# -- tokens ---------------------------------------------------------------------------------------

# The write token (and the read token under --read-token): ``Authorization: Bearer TOKEN``, or the
# ``X-Kroscek-Token`` header. Both declared in OpenAPI; a missing one is not an error here (the
# guards decide, and answer 401 in the API's error shape).
BEARER = HTTPBearer(auto_error=False, scheme_name="bearer", bearerFormat="kroscek token",
                    description="a token from `kroscek token create NAME`")
TOKEN_HEADER = APIKeyHeader(name="X-Kroscek-Token", auto_error=False, scheme_name="tokenHeader",
                            description="the same token, in a header of its own")


def token_of(bearer: HTTPAuthorizationCredentials | None, x_token: str | None) -> str | None:
    return bearer.credentials.strip() if bearer is not None else x_token


# The read guard is a coroutine, as are the read paths: their work is short (a cached page, one
# indexed query), and running them on the event loop avoids a thread hop and GIL hand-offs per
# request, which halved the tail latency under 20 concurrent readers (bench/bench_web.py).
async def can_read(
    settings: SettingsDep,
    store: StoreDep,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)] = None,
    x_kroscek_token: Annotated[str | None, Depends(TOKEN_HEADER)] = None,
    token: Annotated[str | None, Query(include_in_schema=False)] = None,
) -> None:
    """Reading is open, unless the server runs with --read-token: then any valid token (also as
    ``?token=``, for links) or 401."""
    if settings.read_token_required and not store.check_token(token_of(bearer, x_kroscek_token) or token):
        raise HTTPException(401, "a valid token is required to read (Authorization: Bearer TOKEN)",
                            headers={"WWW-Authenticate": "Bearer"})


def can_write(
    store: StoreDep,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)] = None,
    x_kroscek_token: Annotated[str | None, Depends(TOKEN_HEADER)] = None,
) -> None:
    """Writing always needs a valid token, in a header (never in the URL), or 401."""
    if not store.check_token(token_of(bearer, x_kroscek_token)):
        raise HTTPException(401, "writing needs a valid token (Authorization: Bearer TOKEN; see `kroscek token create`)",
                            headers={"WWW-Authenticate": "Bearer"})


# A route's guard: ``@router.get(..., dependencies=READ)``.
READ: Sequence[DependsParam] = (Depends(can_read),)
WRITE: Sequence[DependsParam] = (Depends(can_write),)


# -- pagination -----------------------------------------------------------------------------------

MAX_PAGE = 200  # items a page may hold
MAX_PAGE_NUMBER = 10_000
PAGE_SIZE = 50  # items a page holds unless asked otherwise
SEARCH_PAGE_SIZE = 20  # search hits a page holds unless asked otherwise

PageNumber = Annotated[int, Query(ge=1, le=MAX_PAGE_NUMBER, description="1-based page number")]


@dataclass(frozen=True)
class Pagination:
    """One page of a list: the ``page``-th (1-based) run of ``size`` items."""

    page: int = 1
    size: int = PAGE_SIZE

    @property
    def offset(self) -> int:
        """How many items come before this page."""
        return (self.page - 1) * self.size

    def of(self, items: Sequence[T]) -> list[T]:
        """This page's items of the whole list."""
        return list(items[self.offset : self.offset + self.size])

    def pages(self, total: int) -> int:
        """How many pages ``total`` items fill (at least one, empty)."""
        return max(1, -(-total // self.size))


def pagination(size: int = PAGE_SIZE, *, sized: bool = True) -> Callable[..., Pagination]:
    """The dependency giving a route its page: the ``page`` and ``size`` query parameters (``size``
    defaulting to ``size``), or the ``page`` parameter alone for a page whose size is fixed
    (``sized=False``: the HTML pages)."""
    if not sized:
        async def numbered(page: PageNumber = 1) -> Pagination:
            return Pagination(page, size)

        return numbered

    async def paginated(page: PageNumber = 1,
                        size: Annotated[int, Query(ge=1, le=MAX_PAGE, description="items per page")] = size) -> Pagination:
        return Pagination(page, size)

    return paginated


Paged = Annotated[Pagination, Depends(pagination())]
SearchPaged = Annotated[Pagination, Depends(pagination(SEARCH_PAGE_SIZE))]


# -- the reader's language and the pages ----------------------------------------------------------

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
def page_templates(locale: str = "id") -> Environment:
    """Web templates first, then the report's (the story page is shared with the static report), in
    one of the interface's languages (one environment each: the translations are installed in it)."""
    loader = ChoiceLoader([PackageLoader("kroscek", "web/templates"), PackageLoader("kroscek", "report/templates")])
    environment = Environment(loader=loader, autoescape=select_autoescape(default=True), extensions=["jinja2.ext.i18n"])
    return with_link_filter(with_locale(environment, locale))


@dataclass
class Pages:
    """The web app's pages for one request, in the reader's language."""

    request: Request
    locale: str

    @classmethod
    def of(cls, request: Request) -> Pages:
        return cls(request, reader_locale(request))

    @property
    def templates(self) -> Environment:
        return page_templates(self.locale)

    def render(self, template: str, **context: Any) -> str:
        return self.templates.get_template(template).render(request=self.request, home="/", **context)

    def respond(self, html: str, status_code: int = 200) -> HTMLResponse:
        """Rendered HTML as the response, the reader's ?lang= choice remembered."""
        response = HTMLResponse(html, status_code=status_code)
        remember_locale(self.request, response)
        return response

    def page(self, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        return self.respond(self.render(template, **context), status_code)


async def reader_pages(request: Request) -> Pages:
    return Pages.of(request)


PagesDep = Annotated[Pages, Depends(reader_pages)]
