"""Main-text extraction from HTML pages: token precision / recall / F1 against the article body.

PATH is the extraction benchmark folder (``html/*.html.gz`` and ``ground-truth.json``). Each page
goes through the HTML path of ingest (bytes -> text -> Document); the baseline is
``trafilatura.extract`` with its default settings on the same decoded page. P and R are averaged
over pages, F1 is computed from the averages (the benchmark's convention); a page with no
extracted text counts P = R = 0. Option: ``limit=N`` reads only the first N pages.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura
from rich.console import Console
from rich.table import Table

from kroscek.ingest.decode import InputError
from kroscek.ingest.html import decode_html, document_from_html

_TOKEN = re.compile(r"\w+")


def token_scores(predicted: str, expected: str) -> tuple[float, float]:
    """Precision and recall of the predicted tokens (a bag of words) against the expected ones."""
    got, want = Counter(_TOKEN.findall(predicted.casefold())), Counter(_TOKEN.findall(expected.casefold()))
    common = sum((got & want).values())
    precision = common / sum(got.values()) if got else 0.0
    recall = common / sum(want.values()) if want else 0.0
    return precision, recall


def _kroscek_text(html: str, url: str) -> str:
    try:
        return document_from_html(html, url, url=url).text
    except InputError:
        return ""


def _baseline_text(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def _summary(scores: list[tuple[float, float]]) -> dict[str, float]:
    precision = sum(p for p, _ in scores) / len(scores)
    recall = sum(r for _, r in scores) / len(scores)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "empty": sum(p == r == 0 for p, r in scores)}


def main(path: Path, limit: int | None = None) -> dict:
    truth = json.loads((Path(path) / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted(truth)[: int(limit)] if limit else sorted(truth)
    extractors: dict[str, Callable[[str, str], str]] = {"kroscek": _kroscek_text, "baseline": _baseline_text}
    scores: dict[str, list[tuple[float, float]]] = {name: [] for name in extractors}
    for page in pages:
        data = gzip.decompress((Path(path) / "html" / f"{page}.html.gz").read_bytes())
        url, expected = truth[page]["url"], truth[page]["articleBody"]
        try:
            html = decode_html(data)
        except InputError:
            html = data.decode("utf-8", errors="replace")
        for name, extract in extractors.items():
            scores[name].append(token_scores(extract(html, url), expected))
    figures = {"pages": len(pages), **{name: _summary(values) for name, values in scores.items()}}
    table = Table(title=f"Main-text extraction on {len(pages)} pages (token P / R / F1)")
    for column in ("", "kroscek ingest", "baseline: trafilatura.extract defaults"):
        table.add_column(column)
    for measure in ("precision", "recall", "f1"):
        table.add_row(measure, f"{figures['kroscek'][measure]:.3f}", f"{figures['baseline'][measure]:.3f}")
    table.add_row("pages with no text", str(figures["kroscek"]["empty"]), str(figures["baseline"]["empty"]))
    Console().print(table)
    return figures
