"""Dates: precision / recall of resolved event dates on labelled news paragraphs.

PATH is a labelled date file (``data/dates/detik.jsonl``), or a folder of them: a header line naming the source CSV
(relative to the shared data folder), its id / text / page-date columns and the page-date
format (or ``sources``, one CSV per outlet key, with an ``outlet`` on each record and the
page-date format ``indonews``: the early-June scrape's own formats, read as the clustering
evaluation reads them), then one line per paragraph (the article id and the paragraph's index among the text's
lines) with every date expression in it as character offsets, the expression as written (a
check that the text read back is the one labelled), the calendar date it means and its
precision. A paragraph with no dates is labelled too: it counts against false positives. No
article text is stored: it is read from the CSV at evaluation time. A record with ``held_back``
belongs to a split (the file's header says how it was drawn); such a file is reported per half,
tune first, and ``half=tune`` shows the tune half alone.

A predicted date is right when its span overlaps a labelled one and it names the same date: at
the label's precision (a prediction more precise than the label is cut down to it, one less
precise is wrong); a week matches any day of the same ISO week. Each label is matched once.
The baseline is ``dateparser.search.search_dates`` with the page date as the relative base
(Indonesian, dates preferred from the past), scored the same way.

A folder is reported file by file (each split file per half), then all together.

Options: ``data=DIR`` the shared data folder (default: the nearest ``shared/data`` above PATH);
``half=tune`` leaves the held-back halves out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from dateparser.search import search_dates
from rich.console import Console
from rich.table import Table

from kroscek.analyse.dates import find_event_dates
from kroscek.clean import before_sign_off
from kroscek.eval import labelled_rows
from kroscek.eval.clustering import indonews_published
from kroscek.model import Sentence


@dataclass(frozen=True)
class Labelled:
    start: int
    end: int
    date: str
    precision: str


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    date: str


@dataclass
class Paragraph:
    article: str
    index: int
    page_date: date | None  # None: the page prints none ("Tidak Ditemukan")
    text: str
    gold: list[Labelled]
    held_back: bool | None = None  # None: the file has no split
    collected: date | None = None  # the latest page date of the file: when the collection was read
    lines: tuple[str, ...] = ()  # the whole article, one paragraph a line: the context its dates are read in


def _today(paragraph: Paragraph) -> date | None:
    """The day an undated page is read against: the collection's, as an ingest records its fetch day."""
    return paragraph.page_date or paragraph.collected


def _page_date(row: dict[str, str], header: dict[str, Any]) -> date | None:
    if header["date_format"] == "indonews":
        stamp = indonews_published(row[header["date_column"]], row.get(header.get("time_column", ""), ""))
        return date.fromisoformat(stamp[:10]) if stamp else None
    return datetime.strptime(row[header["date_column"]], header["date_format"]).date()


def load(path: Path, data: str | None = None) -> list[Paragraph]:
    """The labelled paragraphs, their text and page date read from the source CSV (or CSVs)."""
    header, pairs = labelled_rows(Path(path), data)
    paragraphs = []
    for row, record in pairs:
        lines = tuple(row[header["text_column"]].split("\n"))
        text = lines[record["paragraph"]]
        gold = []
        for item in record["dates"]:
            if text[item["start"]:item["end"]] != item["text"]:
                raise ValueError(f"article {record['article']}: label {item['text']!r} does not match the source text")
            gold.append(Labelled(item["start"], item["end"], item["date"], item["precision"]))
        paragraphs.append(Paragraph(record["article"], record["paragraph"], _page_date(row, header), text, gold,
                                    record.get("held_back"), lines=lines))
    collected = max((p.page_date for p in paragraphs if p.page_date), default=None)
    for paragraph in paragraphs:
        paragraph.collected = collected
    return paragraphs


def _locate(text: str, spans: list[tuple[str, str]]) -> list[Predicted]:
    """Place (expression, date) pairs, given in reading order, in the text: each after the one
    before it ("Selasa" after "Selasa (10/6/2025)" is the later one), except the second date of
    one range ("10-20 Juni" twice, two dates), which stays where the first is."""
    predicted: list[Predicted] = []
    cursor = 0
    for expression, iso in spans:
        last = predicted[-1] if predicted else None
        if last and text[last.start:last.end] == expression and last.date != iso:
            predicted.append(Predicted(last.start, last.end, iso))
            continue
        start = text.find(expression, cursor)
        if start < 0:
            start = text.find(expression)
        if start < 0:
            continue
        cursor = start + len(expression)
        predicted.append(Predicted(start, cursor, iso))
    return predicted


def kroscek_dates(paragraph: Paragraph) -> list[Predicted]:
    """The dates kroscek finds in the paragraph, read with its whole article around it as the
    pipeline reads an article (one sentence a line here), so a date another paragraph gives can
    count; only those of this paragraph are returned. Like the pipeline, it reads nothing after
    the editors' initials that end a page ("(mib/lir)": topic tags, promos)."""
    lines = _body(paragraph)
    index = paragraph.index if paragraph.lines else 0
    if index >= len(lines):
        return []
    found = _article_dates(lines, paragraph.page_date, _today(paragraph))
    return _locate(paragraph.text, [(d.text, d.date) for d in found if d.sentence == index])


@lru_cache(maxsize=64)  # an article's paragraphs are scored one after another: read it once
def _article_dates(lines: tuple[str, ...], page_date: date | None, today: date | None) -> tuple:
    return tuple(find_event_dates([Sentence(i, line, i) for i, line in enumerate(lines) if line.strip()], page_date, "id",
                                  today=today))


def _body(paragraph: Paragraph) -> tuple[str, ...]:
    """The article's lines that cleaning keeps at its end: none after the editors' initials (the
    page's topic tags and promos), which neither system is given to read."""
    return tuple(before_sign_off(list(paragraph.lines), [])) if paragraph.lines else (paragraph.text,)


def baseline_dates(paragraph: Paragraph) -> list[Predicted]:
    if paragraph.lines and paragraph.index >= len(_body(paragraph)):
        return []
    settings = {"RELATIVE_BASE": datetime.combine(_today(paragraph) or date.today(), datetime.min.time()),
                "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    found = search_dates(paragraph.text, languages=["id"], settings=settings) or []
    return _locate(paragraph.text, [(span, value.date().isoformat()) for span, value in found])


def _same_date(predicted: str, gold: Labelled) -> bool:
    if len(predicted) < len(gold.date):
        return False
    if gold.precision == "week":
        return date.fromisoformat(predicted).isocalendar()[:2] == date.fromisoformat(gold.date).isocalendar()[:2]
    return predicted[:len(gold.date)] == gold.date


def score(paragraphs: list[Paragraph], system) -> dict[str, float | int]:
    """Precision / recall of resolved dates, and of spans found regardless of their date."""
    predicted_total = gold_total = correct = found_spans = predicted_on_gold = 0
    recalled: Counter[str] = Counter()
    for paragraph in paragraphs:
        predictions = system(paragraph)
        predicted_total += len(predictions)
        gold_total += len(paragraph.gold)
        unused = list(predictions)
        for gold in paragraph.gold:
            overlapping = [p for p in unused if p.start < gold.end and gold.start < p.end]
            found_spans += bool(overlapping)
            right = next((p for p in overlapping if _same_date(p.date, gold)), None)
            if right:
                unused.remove(right)
                correct += 1
                recalled[gold.precision] += 1
        predicted_on_gold += sum(1 for p in predictions if any(p.start < g.end and g.start < p.end for g in paragraph.gold))
    by_precision = Counter(g.precision for p in paragraphs for g in p.gold)
    precision = correct / predicted_total if predicted_total else 0.0
    recall = correct / gold_total if gold_total else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0,
        "span_precision": round(predicted_on_gold / predicted_total, 3) if predicted_total else 0.0,
        "span_recall": round(found_spans / gold_total, 3) if gold_total else 0.0,
        **{f"recall_{kind}": round(recalled[kind] / n, 3) for kind, n in sorted(by_precision.items())},
        "predicted": predicted_total,
        "labelled": gold_total,
    }


def _halves(name: str, paragraphs: list[Paragraph], half: str) -> list[tuple[str, list[Paragraph]]]:
    """A file's paragraphs, per half when it has a split (tune first)."""
    if all(p.held_back is None for p in paragraphs):
        return [(name, paragraphs)]
    parts = [(f"{name} tune", [p for p in paragraphs if not p.held_back])]
    if half != "tune":
        parts.append((f"{name} held back", [p for p in paragraphs if p.held_back]))
    return [(label, part) for label, part in parts if part]


def main(path: Path, **options) -> dict:
    """Score PATH, a label file or a folder of them (``data/dates``: file by file, then together)."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    half = options.get("half", "both")
    if half not in ("both", "tune"):
        raise ValueError(f"half must be both or tune, not {half!r}")
    parts = [part for file in files for part in _halves(file.stem, load(file, options.get("data")), half)]
    if len(parts) > 1:
        parts.append(("all", [p for _, paragraphs in parts for p in paragraphs]))
    results: dict[str, dict[str, dict[str, float | int]]] = {}
    table = Table(title="Event dates: precision / recall of resolved dates (span overlap and same date)")
    for column in ("labels", "paragraphs", "dates", "kroscek P", "kroscek R", "kroscek F1",
                   "dateparser P", "dateparser R", "dateparser F1"):
        table.add_column(column, justify="left" if column == "labels" else "right")
    for name, paragraphs in parts:
        ours, baseline = score(paragraphs, kroscek_dates), score(paragraphs, baseline_dates)
        results[name] = {"kroscek": ours, "dateparser": baseline}
        table.add_row(name, str(len(paragraphs)), str(ours["labelled"]),
                      *(str(r[m]) for r in (ours, baseline) for m in ("precision", "recall", "f1")))
    Console().print(table)
    return results
