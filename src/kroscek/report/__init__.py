"""The report: one JSON document (``report.json``) and an HTML site made from it."""

from __future__ import annotations

from typing import Any

from kroscek.model import Article, Story
from kroscek.outlets import merge_outlets, outlet_name
from kroscek.store import Store

# What an article contributes to report.json beyond its analysis (which is kept whole).
ARTICLE_FIELDS = ("id", "source", "url", "title", "outlet", "language", "published", "event_dates", "stale")


def story_summary(story: Story, articles: list[Article]) -> dict[str, Any]:
    """The facts about a story a list page shows: outlets, languages, dates, badges."""
    dates = sorted(a.published for a in articles if a.published)
    return {
        "id": story.id,
        "title": story.title,
        "articles": story.articles,
        "outlets": merge_outlets(outlet_name(a.outlet, a.url) for a in articles),
        "languages": sorted({a.language for a in articles if a.language}),
        "first_published": dates[0] if dates else None,
        "last_published": dates[-1] if dates else None,
        "stale": [a.id for a in articles if a.stale],
    }


def build_report(store: Store) -> dict[str, Any]:
    """Everything kroscek knows about the store's articles and stories, as plain JSON data."""
    articles = store.articles()
    by_id = {a.id: a for a in articles}
    stories = []
    for story in store.stories():
        members = [by_id[i] for i in story.articles if i in by_id]
        brief = store.brief(story.id) or {}
        summary = story_summary(story, members)
        summary["badges"] = badges(summary, brief)
        stories.append({**summary, "brief": brief})
    return {
        "articles": [article.to_dict() for article in articles],
        "stories": stories,
        "rejected": [{"source": r.source, "reason": r.reason} for r in store.rejected()],
        "story_events": store.story_events(),
    }


def badges(summary: dict[str, Any], brief: dict[str, Any]) -> list[str]:
    """Short labels for what a reader should notice about a story."""
    provenance = brief.get("provenance", {})
    marks = []
    if brief.get("disputes"):
        marks.append("disputed")
    if provenance.get("copies"):
        marks.append("copies")
    if provenance.get("translations"):
        marks.append("translations")
    if summary["stale"]:
        marks.append("stale")
    if len(summary["languages"]) > 1:
        marks.append("multilingual")
    return marks
