"""Single-article summaries against detik-1000's reference summaries (ROUGE-1/2/L F1), LEAD-3 beside.

PATH is detik-1000's ``articles.csv``. Rows with ``index % 10 < 3`` are the development split the
summariser's weights and length were tuned on; the figures are on the other 70 % (``split=dev``
or ``split=all`` to score the others). Texts go through kroscek's cleaning and sentence
splitting (``pipeline.Pipeline`` up to the sentences, in Indonesian); ROUGE uses lower-cased
word tokens (no stemming), F1 averaged over articles.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kroscek.compare.summary import summarise_article
from kroscek.model import Article, Document
from kroscek.pipeline import Pipeline, language_is

DEV_SHARE = 3  # of every 10 rows
READ = Pipeline().replace("language", language_is("id"))  # detik-1000 is Indonesian
_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _f1(overlap: float, candidate: int, reference: int) -> float:
    if not overlap or not candidate or not reference:
        return 0.0
    precision, recall = overlap / candidate, overlap / reference
    return 2 * precision * recall / (precision + recall)


def rouge_n(candidate: Sequence[str], reference: Sequence[str], n: int) -> float:
    grams = lambda words: Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))  # noqa: E731
    cand, ref = grams(candidate), grams(reference)
    return _f1(sum((cand & ref).values()), sum(cand.values()), sum(ref.values()))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], previous + 1 if x == y else max(row[j], row[j - 1])
    return row[-1]


def rouge_l(candidate: Sequence[str], reference: Sequence[str]) -> float:
    return _f1(lcs_length(candidate, reference), len(candidate), len(reference))


def rouge(candidate: str, reference: str) -> dict[str, float]:
    cand, ref = tokens(candidate), tokens(reference)
    return {"rouge1": rouge_n(cand, ref, 1), "rouge2": rouge_n(cand, ref, 2), "rougeL": rouge_l(cand, ref)}


def load(path: Path, split: str = "test") -> list[tuple[Article, str]]:
    """(article, reference summary) pairs of a split: ``dev``, ``test`` or ``all``."""
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    pairs = []
    for i, row in enumerate(rows):
        if split != "all" and (i % 10 < DEV_SHARE) != (split == "dev"):
            continue
        doc = Document(source=row["id"], title=row["judul"], text=row["isi_berita"], published=row["tanggal"])
        article = replace(READ.run(doc, disable=["dates", "entities", "quotes"], budget=math.inf), id=row["id"])
        pairs.append((article, row["Summary"]))
    return pairs


def score(pairs: Sequence[tuple[Article, str]], summarise) -> dict[str, float]:  # noqa: ANN001 - article -> text
    totals: Counter[str] = Counter()
    for article, reference in pairs:
        totals.update(rouge(summarise(article), reference))
    return {key: round(value / max(len(pairs), 1), 4) for key, value in totals.items()}


def lead3(article: Article) -> str:
    return " ".join(s.text for s in article.sentences[:3])


def kroscek_summary(article: Article) -> str:
    return " ".join(s.text for s in summarise_article(article))


def main(path: Path, split: str = "test") -> dict:
    pairs = load(path, split)
    results = {"kroscek": score(pairs, kroscek_summary), "lead-3": score(pairs, lead3)}
    table = Table(title=f"Summaries vs detik-1000 references ({split} split, {len(pairs)} articles, ROUGE F1)")
    table.add_column("system")
    for key in ("rouge1", "rouge2", "rougeL"):
        table.add_column(key, justify="right")
    for system, figures in results.items():
        table.add_row(system, *(f"{figures[k]:.4f}" for k in ("rouge1", "rouge2", "rougeL")))
    Console().print(table)
    return {"split": split, "articles": len(pairs), **results}
