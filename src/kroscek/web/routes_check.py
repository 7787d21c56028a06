"""The "check a claim" page: a form, and the answer to a claim (``check.check_claim``).

``GET /check?claim=...`` shows the stories that cover the claim, the sentences that support and
contradict it (outlet, date and the slot that differs), what no outlet states of it, and earlier
fact-checks with their verdicts. A claim that cannot be checked (empty, too short, too long)
gets the page with its message and status 422, as the API (``POST /api/v1/check``) does.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from kroscek.check import (
    MAX_CLAIM_CHARS, ClaimError, FactCheckIndex, StoryFactCheck, check_claim, story_fact_checks, story_texts,
)

router = APIRouter()
# A longer text is refused with the page's own message, not the query validator's.
CLAIM_FIELD_CHARS = 4 * MAX_CLAIM_CHARS


def fact_check_index(store: Any) -> FactCheckIndex:
    """The stored fact-checks, indexed once until the store changes (a new fact-check changes it)."""
    return store.cached("fact-check-index", lambda: FactCheckIndex(store.fact_checks()))


def fact_checks_of_story(store: Any, view: dict[str, Any]) -> list[StoryFactCheck]:
    """The earlier fact-checks of what a story (its page's view) states."""
    return story_fact_checks(story_texts(view.get("title") or "", view.get("brief")), fact_check_index(store))


def render_page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page of the web app's templates, in the reader's language."""
    from kroscek.web.app import _pages, reader_locale, remember_locale

    html = _pages(reader_locale(request)).get_template(template).render(request=request, home="/", **context)
    return remember_locale(request, HTMLResponse(html, status_code=status_code))


@router.get("/check", response_class=HTMLResponse, include_in_schema=False)
def check_page(request: Request, claim: Annotated[str | None, Query(max_length=CLAIM_FIELD_CHARS)] = None) -> HTMLResponse:
    if claim is None:
        return render_page(request, "check.html", claim="", result=None, error=None)
    store = request.app.state.store
    try:
        result = check_claim(store, claim, index=fact_check_index(store))
    except ClaimError as error:
        return render_page(request, "check.html", status_code=422, claim=claim, result=None, error=str(error))
    return render_page(request, "check.html", claim=claim, result=result, error=None)
