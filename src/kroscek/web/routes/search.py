"""Search (``GET /api/v1/search``, the page ``/search``): articles with every word of the query, or
with any spelling of the entity it names."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse

from kroscek.web import schemas
from kroscek.web.deps import READ, SEARCH_PAGE_SIZE, Pagination, PagesDep, SearchPaged, StoreDep, pagination
from kroscek.web.views import search_spellings

router = APIRouter()


@router.get("/api/v1/search", dependencies=READ, response_model=schemas.SearchPage)
def api_search(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=200)], paging: SearchPaged) -> schemas.SearchPage:
    """Articles with every word of ``q``, or with any spelling of the entity ``q`` names."""
    total, hits = store.search(q, limit=paging.size, offset=paging.offset, also=search_spellings(store, q))
    return schemas.SearchPage(total=total, page=paging.page, size=paging.size, items=hits)


@router.get("/search", response_class=HTMLResponse, dependencies=READ, include_in_schema=False)
async def search_page(store: StoreDep, pages: PagesDep, q: Annotated[str, Query(max_length=200)] = "", *,
                      paging: Annotated[Pagination, Depends(pagination(SEARCH_PAGE_SIZE, sized=False))]) -> HTMLResponse:
    total, hits = (store.search(q, limit=paging.size, offset=paging.offset, also=search_spellings(store, q))
                   if q.strip() else (0, []))
    return pages.page("search.html", q=q, total=total, hits=hits, page_number=paging.page)
