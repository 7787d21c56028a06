"""The report: one JSON document (``report.json``) and an HTML site made from it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from kroscek.compare.story import StoryBrief, story_summary
from kroscek.model import Article, Rejected, Story, StoryEvent

if TYPE_CHECKING:
    from kroscek.match.stories import Join

__all__ = ["ReportSource", "build_report", "story_summary"]


class ReportSource(Protocol):
    """What the report reads (``kroscek.store.Store`` is one): the report sits below the store."""

    def articles(self) -> list[Article]: ...

    def stories(self) -> list[Story]: ...

    def brief(self, story_id: str) -> StoryBrief | None: ...

    def story_joins(self, story_id: str) -> list[Join]: ...

    def rejected(self) -> Sequence[Rejected]: ...

    def story_events(self) -> list[StoryEvent]: ...


def build_report(store: ReportSource) -> dict[str, Any]:
    """Everything kroscek knows about the store's articles and stories, as plain JSON data."""
    articles = store.articles()
    by_id = {a.id: a for a in articles}
    stories = []
    for story in store.stories():
        members = [by_id[i] for i in story.articles if i in by_id]
        brief = store.brief(story.id)
        summary = story_summary(story, members, brief or StoryBrief()).to_dict()
        stories.append({**summary, "brief": brief.to_dict() if brief is not None else {},
                        "joins": [j.to_dict() for j in store.story_joins(story.id)]})
    return {
        "articles": [article.to_dict() for article in articles],
        "stories": stories,
        "rejected": [{"source": r.source, "reason": r.reason} for r in store.rejected()],
        "story_events": [event.to_dict() for event in store.story_events()],
    }
