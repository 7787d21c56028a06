"""Checking a claim (``check.check_claim``): ``POST /api/v1/check`` and the page ``/check``.

``GET /check?claim=...`` shows the stories that cover the claim, the sentences that support and
contradict it (outlet, date and the slot that differs), what no outlet states of it, earlier
fact-checks of it with their verdicts, and apart from them the fact-checks of close claims. A claim that cannot be checked (empty, too short, too long)
gets the page with its message and status 422, as the API does.
"""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import APIRouter, Body, HTTPException, Query
from fastapi.responses import HTMLResponse

from kroscek.check import (
    MAX_CLAIM_CHARS, ClaimError, FactCheckIndex, StoryFactCheck, check_claim, story_fact_checks, story_texts,
)
from kroscek.settings import Settings
from kroscek.store import Store
from kroscek.web import schemas
from kroscek.web.deps import READ, PagesDep, SettingsDep, StoreDep
from kroscek.web.views import StoryView

router = APIRouter()
# A longer text is refused with the page's own message, not the query validator's.
CLAIM_FIELD_CHARS = 4 * MAX_CLAIM_CHARS


_INDEXING = threading.Lock()  # two first requests at once build one index, not two


def fact_check_index(store: Store, settings: Settings | None = None) -> FactCheckIndex:
    """The stored fact-checks, indexed once until the store changes (a new fact-check changes it),
    with the encoder of the app's mode for the fact-checks of close claims (e5 by default)."""
    with _INDEXING:
        return store.cached("fact-check-index", lambda: FactCheckIndex.of_store(store, settings=settings))


def fact_checks_of_story(store: Store, view: StoryView) -> list[StoryFactCheck]:
    """The earlier fact-checks of what a story (its page's view) states."""
    return story_fact_checks(story_texts(view.story.title or "", view.brief), fact_check_index(store))


@router.post("/api/v1/check", dependencies=READ, response_model=schemas.ClaimCheck)
def api_check(store: StoreDep, settings: SettingsDep,
              claim: Annotated[str, Body(embed=True, max_length=1000)]) -> schemas.ClaimCheck:
    """Check a claim (JSON ``{"claim": ...}``): the stories that cover it, the sentences that
    support and contradict it (slot and both values), earlier fact-checks of it and of close claims
    (``same_claim`` false: their verdict is of the claim they checked); 422 for a claim that cannot
    be checked."""
    try:
        result = check_claim(store, claim, index=fact_check_index(store, settings.run))
        return schemas.ClaimCheck.model_validate(result.to_dict())
    except ClaimError as error:
        raise HTTPException(422, f"bad claim: {error}") from None


@router.get("/check", response_class=HTMLResponse, dependencies=READ, include_in_schema=False)
def check_page(store: StoreDep, pages: PagesDep, settings: SettingsDep,
               claim: Annotated[str | None, Query(max_length=CLAIM_FIELD_CHARS)] = None) -> HTMLResponse:
    if claim is None:
        return pages.page("check.html", claim="", result=None, error=None)
    try:
        result = check_claim(store, claim, index=fact_check_index(store, settings.run))
    except ClaimError as error:
        return pages.page("check.html", status_code=422, claim=claim, result=None, error=str(error))
    return pages.page("check.html", claim=claim, result=result, error=None)
