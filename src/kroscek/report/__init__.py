"""The report: what the store knows, typed (``Report``), written as one JSON document
(``report.json``, its ``to_dict``) and an HTML site made from the same types.

The types load light (the Python API hands them out without the story stage): the story stage
loads when a report is read or built."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from kroscek.model import Article, Rejected, Story, StoryEvent

if TYPE_CHECKING:
    from kroscek.compare.crosscheck import CheckedFact
    from kroscek.compare.story import StoryBrief, StorySummary
    from kroscek.match.stories import Join

__all__ = ["Report", "ReportSource", "ReportedStory", "build_report", "read_report", "story_summary"]


def __getattr__(name: str) -> Any:
    """``story_summary`` (the story stage's), loaded when first asked for."""
    if name == "story_summary":
        from kroscek.compare.story import story_summary

        return story_summary
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class ReportSource(Protocol):
    """What the report reads (``kroscek.store.Store`` is one): the report sits below the store."""

    def articles(self) -> list[Article]: ...

    def stories(self) -> list[Story]: ...

    def brief(self, story_id: str) -> StoryBrief | None: ...

    def story_joins(self, story_id: str) -> list[Join]: ...

    def rejected(self) -> Sequence[Rejected]: ...

    def story_events(self) -> list[StoryEvent]: ...


@dataclass
class ReportedStory:
    """A story as the report holds it: its list-page summary, its brief (None while not briefed)
    and why each of its articles joined."""

    summary: StorySummary
    brief: StoryBrief | None = None
    joins: list[Join] = field(default_factory=list)

    # The summary's fields, read through (what the story lists show and sort by).
    @property
    def id(self) -> str:
        return self.summary.id

    @property
    def title(self) -> str:
        return self.summary.title

    @property
    def articles(self) -> list[str]:
        """Its article ids, earliest first."""
        return self.summary.articles

    @property
    def outlets(self) -> list[str]:
        return self.summary.outlets

    @property
    def languages(self) -> list[str]:
        return self.summary.languages

    @property
    def first_published(self) -> str | None:
        return self.summary.first_published

    @property
    def last_published(self) -> str | None:
        return self.summary.last_published

    @property
    def stale(self) -> list[str]:
        """Its articles that republish an old event."""
        return self.summary.stale

    @property
    def badges(self) -> list[str]:
        """What a reader should notice (disputed, copies, translations, stale, multilingual); none
        while the story is not briefed."""
        return list(self.summary.badges or [])

    @property
    def facts(self) -> list[CheckedFact]:
        """Every fact of the brief: ``status`` agreed, disputed, update or single-source, with its cited claims."""
        return list(self.brief.facts) if self.brief is not None else []

    @property
    def disputes(self) -> list[CheckedFact]:
        """Where the sources disagree: each with its claims and the differing values (``evidence``: slot, a, b)."""
        return self.brief.disputes if self.brief is not None else []

    def to_dict(self) -> dict[str, Any]:
        """The story in ``report.json``: the summary's fields, the brief (``{}`` while none), the joins."""
        return {**self.summary.to_dict(), "brief": self.brief.to_dict() if self.brief is not None else {},
                "joins": [j.to_dict() for j in self.joins]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReportedStory:
        """A story of ``report.json`` read back."""
        from kroscek.compare.story import StoryBrief, StorySummary
        from kroscek.match.stories import Join

        brief = data.get("brief")
        return cls(StorySummary.from_dict(data), StoryBrief.from_dict(brief) if brief else None,
                   [Join.from_dict(j) for j in data.get("joins") or []])


@dataclass
class Report:
    """Everything kroscek knows about a store's articles and stories: what ``report.json`` holds
    (``to_dict``) and the HTML report shows."""

    articles: list[Article] = field(default_factory=list)
    stories: list[ReportedStory] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    story_events: list[StoryEvent] = field(default_factory=list)

    def story(self, story_id: str) -> ReportedStory:
        """The story ``story_id`` (``StopIteration`` when there is none)."""
        return next(s for s in self.stories if s.summary.id == story_id)

    def article(self, article_id: str) -> Article:
        """The article ``article_id`` (``StopIteration`` when there is none)."""
        return next(a for a in self.articles if a.id == article_id)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON data (``report.json``)."""
        return {
            "articles": [article.to_dict() for article in self.articles],
            "stories": [story.to_dict() for story in self.stories],
            "rejected": [{"source": r.source, "reason": r.reason} for r in self.rejected],
            "story_events": [event.to_dict() for event in self.story_events],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        """A ``report.json`` read back (a missing list is empty)."""
        return cls(
            articles=[Article.from_dict(a) for a in data.get("articles") or []],
            stories=[ReportedStory.from_dict(s) for s in data.get("stories") or []],
            rejected=[Rejected(r["source"], r["reason"]) for r in data.get("rejected") or []],
            story_events=[StoryEvent.from_logged(e, e.get("at", "")) for e in data.get("story_events") or []],
        )


def read_report(store: ReportSource) -> Report:
    """Everything kroscek knows about the store's articles and stories. A story not briefed yet has
    no brief, and the badges of an empty one."""
    from kroscek.compare.story import StoryBrief, story_summary

    articles = store.articles()
    by_id = {a.id: a for a in articles}
    stories = []
    for story in store.stories():
        members = [by_id[i] for i in story.articles if i in by_id]
        brief = store.brief(story.id)
        stories.append(ReportedStory(story_summary(story, members, brief or StoryBrief()), brief,
                                     store.story_joins(story.id)))
    return Report(articles, stories, list(store.rejected()), store.story_events())


def build_report(store: ReportSource) -> dict[str, Any]:
    """The store's report as plain JSON data (``read_report(store).to_dict()``: what ``report.json`` holds)."""
    return read_report(store).to_dict()
