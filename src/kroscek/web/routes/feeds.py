"""Feeds: adding an RSS/Atom feed to poll (``POST /api/v1/feeds``, with the write token) and the
feeds polled (``GET /api/v1/feeds``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form

from kroscek.web import schemas
from kroscek.web.deps import READ, WRITE, JobsDep, StoreDep

router = APIRouter()


@router.post("/api/v1/feeds", status_code=201, dependencies=WRITE, response_model=schemas.FeedAdded)
def api_add_feed(store: StoreDep, jobs: JobsDep,
                 url: Annotated[str, Form(max_length=2000, pattern=r"^https?://\S+$")]) -> schemas.FeedAdded:
    store.add_feed(url)
    jobs.poll_soon(url)
    return schemas.FeedAdded(url=url, polled_every_minutes=jobs.feed_interval_minutes)


@router.get("/api/v1/feeds", dependencies=READ, response_model=list[schemas.Feed])
def api_feeds(store: StoreDep) -> list[schemas.Feed]:
    return [schemas.Feed.model_validate(feed, from_attributes=True) for feed in store.feeds()]
