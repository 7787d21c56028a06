"""A story's exports: its facts and disputes as CSV, each claim with its citation, and the story as JSON.

One CSV row a claim: the fact it belongs to (``f1``, ``f2``... as on the page; value changes are
``u1``...), the fact's status, the claim's words, and where it stands (article, outlet, date,
sentence number, URL), how it relates to the fact's first claim, and what differs. A cell an
article brings that a spreadsheet would take for a formula is written with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import astuple, dataclass, fields
from typing import Any

from kroscek.compare.story import StoryBrief
from kroscek.report.html import source_labels
from kroscek.web.views import StoryView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class ClaimRow:
    """One claim of a story's facts, as a row of the CSV export."""

    fact: str
    status: str  # agreed | single-source | disputed | update
    claim: str
    article: str
    outlet: str
    published: str
    sentence: int | None  # the claim's sentence in its article (the page's §N)
    url: str
    relation: str  # agree | dispute | update, to the fact's first claim; empty for that one
    difference: str  # what the sources give differently ("slot: a ≠ b"), for disputes and updates


def claim_rows(view: StoryView) -> list[ClaimRow]:
    """The rows of a story view (``story_view``): its facts, then its value changes."""
    articles = {a.id: a for a in view.articles}
    labels = source_labels(view.articles)
    brief = view.brief or StoryBrief()
    groups = [(f"f{n}", fact.status, fact) for n, fact in enumerate(brief.facts, 1)]
    groups += [(f"u{n}", "update", update) for n, update in enumerate(brief.updates, 1)]
    rows = []
    for name, status, fact in groups:
        difference = "; ".join(f"{e.slot}: {e.a} ≠ {e.b}" for e in fact.evidence)
        for claim in fact.claims:
            article = articles.get(claim.article)
            rows.append(ClaimRow(
                fact=name, status=status, claim=claim.text, article=claim.article,
                outlet=labels.get(claim.article, ""), published=(article.published if article else None) or claim.published or "",
                sentence=claim.sentence, url=(article.safe_url if article else None) or "",
                relation=claim.relation.kind if claim.relation else "",
                difference=difference if status in ("disputed", "update") else "",
            ))
    return rows


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def story_csv(view: StoryView) -> str:
    """The CSV export of a story view: a header row, then one row a claim."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([f.name for f in fields(ClaimRow)])
    for row in claim_rows(view):
        writer.writerow([_cell(value) for value in astuple(row)])
    return out.getvalue()


def story_json(view: StoryView) -> str:
    """The JSON export of a story view: what ``/api/v1/stories/{id}`` answers, indented."""
    return json.dumps(view.to_dict(), ensure_ascii=False, indent=2)


def download_name(story_id: str, suffix: str) -> str:
    """``kroscek-<story id>.<suffix>``, with only safe characters in the story id."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in story_id)[:80]
    return f"kroscek-{safe}.{suffix}"
