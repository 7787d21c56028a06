"""Outlet signals (``signals.py``) as JSON (``GET /api/v1/outlets``, ``GET /api/v1/outlets/{name}``)
and pages (``/outlets``, ``/outlets/{name}``): each figure with the story pages of its examples."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import HTMLResponse

from kroscek.signals import EXAMPLES, OutletSignals, find_outlet, outlet_signals
from kroscek.store import Store
from kroscek.web.deps import READ, PagesDep, StoreDep
from kroscek.web.schemas import ApiError, Outlet

router = APIRouter()


def named_outlet(store: Store, name: str) -> OutletSignals:
    """The outlet any spelling of ``name`` names, or 404."""
    found = find_outlet(outlet_signals(store), name)
    if found is None:
        raise HTTPException(404, f"no outlet named {name!r} in the store")
    return found


@router.get("/api/v1/outlets", dependencies=READ, response_model=list[Outlet])
def api_outlets(store: StoreDep, examples: Annotated[int, Query(ge=0, le=EXAMPLES)] = 5) -> list[Outlet]:
    """Every outlet's signals from the store's own evidence (first to report, copies, translations,
    stale republications, single-source facts, disputes): count, base and share, with up to
    ``examples`` examples per figure (story links)."""
    return [Outlet.model_validate(with_examples(outlet, examples).to_dict()) for outlet in outlet_signals(store)]


def with_examples(outlet: OutletSignals, examples: int) -> OutletSignals:
    """The outlet with the first ``examples`` examples of each figure."""
    return replace(outlet, **{signal.kind.replace("-", "_"): replace(signal, examples=signal.examples[:examples])
                              for signal in outlet.signals})


@router.get("/api/v1/outlets/{name}", dependencies=READ, response_model=Outlet, responses={404: {"model": ApiError}})
def api_outlet(store: StoreDep, name: str) -> Outlet:
    """One outlet's signals (any spelling of its name), every example kept."""
    return Outlet.model_validate(named_outlet(store, name).to_dict())


@router.get("/outlets", response_class=HTMLResponse, dependencies=READ, include_in_schema=False)
def outlets_page(store: StoreDep, pages: PagesDep) -> HTMLResponse:
    return pages.page("outlets.html", outlets=outlet_signals(store))


@router.get("/outlets/{name}", response_class=HTMLResponse, dependencies=READ, include_in_schema=False)
def outlet_page(store: StoreDep, pages: PagesDep, name: str) -> HTMLResponse:
    return pages.page("outlet.html", outlet=named_outlet(store, name))
