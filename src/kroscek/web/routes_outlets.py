"""Outlet signals (``signals.py``) as pages (``/outlets``, ``/outlets/{name}``) and JSON
(``GET /api/v1/outlets``, ``GET /api/v1/outlets/{name}``): each figure with the story pages of
its examples."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from kroscek.signals import EXAMPLES, OutletSignals, find_outlet, outlet_signals
from kroscek.web.routes_check import render_page
from kroscek.web.schemas import ApiError, Outlet

router = APIRouter()


def _outlet(request: Request, name: str) -> OutletSignals:
    found = find_outlet(outlet_signals(request.app.state.store), name)
    if found is None:
        raise HTTPException(404, f"no outlet named {name!r} in the store")
    return found


@router.get("/api/v1/outlets", response_model=list[Outlet])
def api_outlets(request: Request, examples: Annotated[int, Query(ge=0, le=EXAMPLES)] = 5) -> list[dict]:
    """Every outlet's signals from the store's own evidence (first to report, copies, translations,
    stale republications, single-source facts, disputes): count, base and share, with up to
    ``examples`` examples per figure (story links)."""
    listed = []
    for outlet in outlet_signals(request.app.state.store):
        data = outlet.to_dict()
        for signal in outlet.signals:
            entry = data[signal.kind.replace("-", "_")]
            entry["examples"] = entry["examples"][:examples]
        listed.append(data)
    return listed


@router.get("/api/v1/outlets/{name}", response_model=Outlet, responses={404: {"model": ApiError}})
def api_outlet(request: Request, name: str) -> dict:
    """One outlet's signals (any spelling of its name), every example kept."""
    return _outlet(request, name).to_dict()


@router.get("/outlets", response_class=HTMLResponse, include_in_schema=False)
def outlets_page(request: Request) -> HTMLResponse:
    return render_page(request, "outlets.html", outlets=outlet_signals(request.app.state.store))


@router.get("/outlets/{name}", response_class=HTMLResponse, include_in_schema=False)
def outlet_page(request: Request, name: str) -> HTMLResponse:
    return render_page(request, "outlet.html", outlet=_outlet(request, name))
