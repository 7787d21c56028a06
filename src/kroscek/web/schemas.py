"""The JSON API's response models, as the OpenAPI document declares them.

They name the fields a client can count on; a story's brief and an article's analysis are kept
whole (their inner shape is the one ``report.json`` documents), and fields added later pass
through (``extra="allow"``), so the models describe the answers without trimming them.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ApiError(BaseModel):
    """Every error of the API: what went wrong, in one line, and the HTTP status."""

    error: str = Field(description="what went wrong, in one line")
    status: int = Field(description="the HTTP status code, as in the response")


class StorySummary(Open):
    id: str
    title: str
    articles: list[str]
    outlets: list[str] = []
    languages: list[str] = []
    first_published: str | None = None
    last_published: str | None = None
    stale: list[str] = []
    badges: list[str] = []


class StoryDetail(StorySummary):
    brief: dict[str, Any] = Field(description="summary, facts, disputes, quotes, entities, provenance (see report.json)")
    article_details: list[dict[str, Any]] = Field(description="each article of the story, analysis included")


class ArticleListItem(Open):
    id: str
    source: str
    url: str | None = None
    safe_url: str | None = Field(None, description="the URL when it may be a link (http/https), else null")
    title: str | None = None
    outlet: str | None = None
    language: str | None = None
    published: str | None = None
    stale: bool = False


class StoryRef(BaseModel):
    id: str
    title: str


class Relation(BaseModel):
    relation: str = Field(description="copy of, copied by, translation of, translated by")
    article: str
    title: str | None = None


class ArticleDetail(Open):
    article: dict[str, Any] = Field(description="the article and its analysis (sentences, entities, quotes, dates)")
    story: StoryRef | None = None
    relations: list[Relation] = []


class Entity(Open):
    id: str
    name: str
    type: str | None = None
    aliases: list[str] = []
    stories: list[str] = []
    mentions: int = 0


class EntityDetail(Open):
    entity: Entity
    stories: list[dict[str, Any]]
    quotes: list[dict[str, Any]]


class SearchHit(Open):
    id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    snippet: str = ""
    snippet_html: str = Field("", description="the snippet, HTML-escaped, matches in <mark>")


class Rejected(BaseModel):
    source: str
    reason: str


class JobProgress(BaseModel):
    stage: str | None = None
    done: int = 0
    total: int | None = None


class Job(Open):
    id: str
    state: str = Field(description="queued, ingesting, grouping, fetching, done or failed")
    files: int | None = None
    done: int | None = None
    added: int | None = None
    skipped: int | None = None
    rejected: list[Rejected] = []
    stories: int | None = None
    stage: str | None = None
    progress: JobProgress | None = None
    error: str | None = Field(None, description="why the job failed")


class Feed(Open):
    url: str
    added_at: str | None = None
    last_polled: str | None = None
    last_error: str | None = None


class FeedAdded(BaseModel):
    url: str
    polled_every_minutes: int


class Deleted(BaseModel):
    deleted: str


class ClaimCheck(Open):
    """What the store says of a claim (``kroscek.check.CheckResult``)."""

    claim: str
    language: str
    slots: dict[str, Any]
    covered: bool = Field(description="some story in the store covers the claim")
    stories: list[dict[str, Any]] = []
    supports: list[dict[str, Any]] = []
    contradicts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    related: list[dict[str, Any]] = []
    fact_checks: list[dict[str, Any]] = []
    close_fact_checks: list[dict[str, Any]] = Field(
        default=[], description="fact-checks of close claims: each verdict is of the claim it checked, not shown to be this one")
    unstated: list[dict[str, Any]] = []
    note: str = ""


class Page(BaseModel):
    total: int
    page: int
    size: int


class StoryPage(Page):
    items: list[StorySummary]


class ArticlePage(Page):
    items: list[ArticleListItem]


class EntityPage(Page):
    items: list[Entity]


class SearchPage(Page):
    items: list[SearchHit]


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ApiError, "description": description}
    for status, description in ((401, "a token is needed (or the one given is not valid)"),
                                (404, "no such item, or no such path"),
                                (422, "the request is not valid (a parameter, the body)"))
}


class OutletExample(Open):
    """One case an outlet figure counts, with the story page that shows it."""

    story: str
    story_title: str
    article: str | None
    note: str = ""
    other: str = ""
    date: str | None = None
    event_date: str | None = None
    href: str


class OutletSignal(Open):
    """One figure of one outlet: ``count`` cases out of ``out_of`` (``share``), with examples."""

    kind: str
    count: int
    out_of: int
    share: float | None
    examples: list[OutletExample]


class Outlet(Open):
    """What the store's own evidence says of one outlet (no outside rating)."""

    key: str
    name: str
    articles: int
    stories: int
    shared_stories: int
    first: OutletSignal
    copies: OutletSignal
    translates: OutletSignal
    stale: OutletSignal
    single_source: OutletSignal
    disputes: OutletSignal
    alone: int
    copied_by: int
