"""Stories: the list (``GET /api/v1/stories``, the front page ``/``), one story (``GET
/api/v1/stories/{id}``, its page ``/stories/{id}``) and its exports (JSON, CSV)."""

from __future__ import annotations

import inspect
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from kroscek.report.html import render_story
from kroscek.web import schemas
from kroscek.web.deps import READ, Pagination, Paged, PagesDep, StoreDep, missing, pagination
from kroscek.web.export import download_name, story_csv, story_json
from kroscek.web.routes.check import fact_checks_of_story
from kroscek.web.views import StoryFilter, filter_stories, story_view

router = APIRouter()



async def story_filters(**fields: Any) -> StoryFilter:
    """The list's filters, read on the event loop (a class taken as a dependency runs in a worker
    thread, a hop that waits for the loop again under load)."""
    return StoryFilter(**fields)


story_filters.__signature__ = inspect.signature(StoryFilter, eval_str=True).replace(return_annotation=StoryFilter)  # type: ignore[attr-defined]
Filters = Annotated[StoryFilter, Depends(story_filters)]


@router.get("/api/v1/stories", dependencies=READ, response_model=schemas.StoryPage)
async def api_stories(store: StoreDep, paging: Paged, filters: Filters) -> schemas.StoryPage:
    """Stories, newest and biggest first, filtered; paginated with ``page`` and ``size``."""
    found = filter_stories(store, filters)
    return schemas.StoryPage(total=len(found), page=paging.page, size=paging.size, items=[s.to_dict() for s in paging.of(found)])


@router.get("/api/v1/stories/{story_id}", dependencies=READ, response_model=schemas.StoryDetail)
def api_story(store: StoreDep, story_id: str) -> schemas.StoryDetail:
    view = story_view(store, story_id) or missing("story", story_id)
    return schemas.StoryDetail.model_validate(view.to_dict())


@router.get("/", response_class=HTMLResponse, dependencies=READ, include_in_schema=False)
async def stories_page(request: Request, store: StoreDep, pages: PagesDep, filters: Filters,
                       paging: Annotated[Pagination, Depends(pagination(sized=False))]) -> HTMLResponse:
    def render() -> str:
        found = filter_stories(store, filters)
        return pages.render("stories.html", stories=paging.of(found), total=len(found), filters=filters,
                            page_number=paging.page, pages=paging.pages(len(found)))

    return pages.respond(store.cached(f"page:{pages.locale}:/?{request.url.query}", render))


# Where a story page links its articles and entities in the web app.
def article_url(article_id: str) -> str:
    return f"/articles/{article_id}"


def entity_url(entity_id: str) -> str:
    return f"/entities/{entity_id}"


@router.get("/stories/{story_id}", response_class=HTMLResponse, dependencies=READ, include_in_schema=False)
async def story_page(store: StoreDep, pages: PagesDep, story_id: str) -> HTMLResponse:
    def render() -> str:
        view = story_view(store, story_id) or missing("story", story_id)
        # the story page is the static report's (``render_story``), with the story's fact-checks
        return render_story(view.reported, view.articles, pages.templates, home="/", here=f"/stories/{story_id}",
                            fact_checks=fact_checks_of_story(store, view), article_url=article_url, entity_url=entity_url)

    return pages.respond(store.cached(f"page:{pages.locale}:/stories/{story_id}", render))


def download(story_id: str, suffix: str, media_type: str, body: str) -> Response:
    name = download_name(story_id, suffix)
    return Response(body, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/stories/{story_id}/export.json", dependencies=READ, include_in_schema=False)
def story_export_json(store: StoreDep, story_id: str) -> Response:
    """The story as the API gives it, as a file."""
    return download(story_id, "json", "application/json", story_json(story_view(store, story_id) or missing("story", story_id)))


@router.get("/stories/{story_id}/export.csv", dependencies=READ, include_in_schema=False)
def story_export_csv(store: StoreDep, story_id: str) -> Response:
    """The story's facts, disputes and value changes, one claim a row with its citation (UTF-8
    with a byte-order mark, so spreadsheets read the accents)."""
    view = story_view(store, story_id) or missing("story", story_id)
    return download(story_id, "csv", "text/csv; charset=utf-8", "\ufeff" + story_csv(view))
