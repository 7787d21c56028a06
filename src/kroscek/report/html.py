"""Write the report as a static HTML site: ``index.html`` and one page per story."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, select_autoescape

from kroscek.compare.story import StoryBrief
from kroscek.i18n import with_locale
from kroscek.model import Article, newest_first
from kroscek.outlets import outlet_name
from kroscek.report import Report, ReportedStory
from kroscek.urls import safe_url

if TYPE_CHECKING:
    from kroscek.check import StoryFactCheck


@cache
def templates() -> Environment:
    """The report's Jinja environment (autoescaped: article text is never trusted; a URL becomes a
    link only through the ``safe_url`` filter)."""
    environment = Environment(loader=PackageLoader("kroscek", "report/templates"), autoescape=select_autoescape(),
                              extensions=["jinja2.ext.i18n"])
    return with_link_filter(with_locale(environment, None))  # English words, ISO dates


def with_link_filter(environment: Environment) -> Environment:
    """``environment`` with the ``safe_url`` filter the story page uses for article links."""
    environment.filters["safe_url"] = safe_url
    return environment


def source_labels(articles: Sequence[Article]) -> dict[str, str]:
    """Short citation labels for articles: the outlet (the record's, else its URL's site), numbered
    when an outlet has several; the file name (never its folder) when there is no outlet."""
    labels: dict[str, str] = {}
    counts: dict[str, int] = {}
    for article in articles:
        name = outlet_name(article.outlet, article.url) or Path(article.source).name
        counts[name] = counts.get(name, 0) + 1
        labels[article.id] = name if counts[name] == 1 else f"{name} ({counts[name]})"
    return labels


def claim_marks(brief: StoryBrief) -> dict[tuple[str, int], tuple[str, str]]:
    """(article, sentence) -> (fact status, fact group) for highlighting aligned claims."""
    marks: dict[tuple[str, int], tuple[str, str]] = {}
    for number, fact in enumerate(brief.facts, 1):
        if fact.status == "single-source":
            continue
        for claim in fact.claims:
            marks[(claim.article, claim.sentence)] = (fact.status, f"f{number}")
    return marks


@dataclass
class ChartRow:
    """One article on the timeline chart: its label, page date and their positions (0..1)."""

    label: str
    date: str | None  # the page date as given
    published: float | None  # None: undated
    events: list[float] = field(default_factory=list)


@dataclass
class TimelineChart:
    """Each article's page date and event dates on one shared time axis from ``start`` to ``end``."""

    start: str | None = None
    end: str | None = None
    rows: list[ChartRow] = field(default_factory=list)


def timeline_chart(articles: Sequence[Article]) -> TimelineChart:
    """Positions (0..1) of each article's page date and event days on one shared time axis (a month
    or a year alone has no place on it)."""
    labels = source_labels(articles)
    days = [d for a in articles for d in [a.published, *a.event_days] if d and len(d) >= 10]
    if not days:
        return TimelineChart()
    start, end = date.fromisoformat(min(days)[:10]), date.fromisoformat(max(days)[:10])
    span = max((end - start).days, 1)

    def position(day: str | None) -> float | None:
        return (date.fromisoformat(day[:10]) - start).days / span if day and len(day) >= 10 else None

    rows = [ChartRow(labels[a.id], a.published, position(a.published),
                     [p for p in map(position, a.event_days) if p is not None]) for a in articles]
    return TimelineChart(start.isoformat(), end.isoformat(), rows)


def render_story(
    story: ReportedStory,
    articles: Sequence[Article],
    environment: Environment | None = None,
    home: str = "index.html",
    here: str | None = None,
    fact_checks: Sequence[StoryFactCheck] = (),
    **links: Callable[[str], str],
) -> str:
    """The story page: brief, timeline chart, facts, quotes, entities, articles side by side.

    ``fact_checks`` are the earlier fact-checks of what it states and ``links`` may give
    ``article_url`` and ``entity_url`` (the web app has both); ``here`` is the page's own path
    there (its language links point to it).
    """
    return (environment or templates()).get_template("story.html").render(
        story=story,
        fact_checks=fact_checks,
        articles=articles,
        labels=source_labels(articles),
        marks=claim_marks(story.brief or StoryBrief()),
        chart=timeline_chart(articles),
        home=home,
        here=here,
        article_url=links.get("article_url"),
        entity_url=links.get("entity_url"),
    )


STORIES_PER_PAGE = 50  # rows of one index page of the static report
_INDEX_PAGE = re.compile(r"^index-(\d+)\.html$")


def index_page_name(number: int) -> str:
    """The file of index page ``number`` (from 1): ``index.html``, ``index-2.html``, ..."""
    return "index.html" if number == 1 else f"index-{number}.html"


def index_pages(stories: Sequence[ReportedStory], per_page: int = STORIES_PER_PAGE) -> list[list[ReportedStory]]:
    """The stories in pages of ``per_page``, newest first (``model.newest_first``: the undated last,
    then the biggest, then by id); one empty page when there are none."""
    ordered = newest_first(stories)
    return [ordered[start : start + per_page] for start in range(0, len(ordered), per_page)] or [[]]


def write_report(report: Report | Mapping[str, Any], out_dir: Path, per_page: int = STORIES_PER_PAGE) -> Path:
    """Write ``report.json`` (the report's ``to_dict``), the index (``index.html``, then
    ``index-2.html``... of ``per_page`` stories each, newest first, linked to each other) and
    ``story-<id>.html`` files, whose link back goes to the index page that lists them; returns the
    first index page's path. Index pages left by an earlier, longer report in ``out_dir`` are
    removed. A report given as its JSON form is read back first (``Report.from_dict``)."""
    if not isinstance(report, Report):
        report = Report.from_dict(report)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "report.json").write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    by_id = {a.id: a for a in report.articles}
    pages = index_pages(report.stories, per_page)
    names = [index_page_name(number) for number in range(1, len(pages) + 1)]
    for name, listed in zip(names, pages):
        for story in listed:
            members = [by_id[i] for i in story.summary.articles if i in by_id]
            page = render_story(story, members, home=name)
            (out_dir / f"story-{story.summary.id}.html").write_text(page, encoding="utf-8")
    template = templates().get_template("index.html")
    for number, (name, listed) in enumerate(zip(names, pages), 1):
        html = template.render(report=report, stories=[s.summary for s in listed], page_number=number,
                               pages=len(pages), page_names=names, home="index.html")
        (out_dir / name).write_text(html, encoding="utf-8")
    for old in out_dir.glob("index-*.html"):
        if _INDEX_PAGE.match(old.name) and old.name not in names:
            old.unlink()
    return out_dir / names[0]
