"""Entities: the list, filtered by a name or alias (``GET /api/v1/entities``), and one entity with
its stories and quotes (``GET /api/v1/entities/{id}``, its page ``/entities/{id}``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from kroscek.web import schemas
from kroscek.web.deps import READ, Paged, PagesDep, StoreDep, missing
from kroscek.web.views import entity_view

router = APIRouter()


@router.get("/api/v1/entities", dependencies=READ, response_model=schemas.EntityPage)
def api_entities(store: StoreDep, q: Annotated[str | None, Query(max_length=200)] = None, *,
                 paging: Paged) -> schemas.EntityPage:
    found = [e for e in store.entities() if not q or q.casefold() in " ".join([e.name, *e.aliases]).casefold()]
    items = [schemas.Entity.model_validate(e, from_attributes=True) for e in paging.of(found)]
    return schemas.EntityPage(total=len(found), page=paging.page, size=paging.size, items=items)


@router.get("/api/v1/entities/{entity_id:path}", dependencies=READ, response_model=schemas.EntityDetail)
def api_entity(store: StoreDep, entity_id: str) -> schemas.EntityDetail:
    view = entity_view(store, entity_id) or missing("entity", entity_id)
    return schemas.EntityDetail.model_validate(view.to_dict())


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse, dependencies=READ, include_in_schema=False)
def entity_page(store: StoreDep, pages: PagesDep, entity_id: str) -> HTMLResponse:
    return pages.page("entity.html", view=entity_view(store, entity_id) or missing("entity", entity_id))
