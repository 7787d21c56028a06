"""Damage warnings on professional news text: how many warnings per article (few is right).

PATH is detik-1000's ``articles.csv``. Articles with ``index % 10 < 7`` are the split that
``resources/clean/words-id.tsv`` is counted from; the figures are on the other 30 %. The baseline
flags every capitalised word between two lowercase words, the naive mid-sentence-capital rule.
Options: ``seeds=DIR`` also reports the warnings on each seed file; ``write_words=FILE`` first
recounts the word list from the training split into FILE.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kroscek.clean import clean, count_word_forms
from kroscek.model import Document

TRAIN_SHARE = 7  # of every 10 articles
_NAIVE_CAPITAL = re.compile(r"(?<=\b[a-z]{2}) [A-Z][a-z]+(?= [a-z])")
WORDS_HEADER = "# Indonesian word forms counted in news text (no sentences): word, total, lowercase, capitalised mid-sentence, opening a sentence.\n"


def _documents(path: Path, train: bool) -> list[Document]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Document(source=row["id"], title=row["judul"], text=row["isi_berita"], published=row["tanggal"])
        for i, row in enumerate(rows)
        if (i % 10 < TRAIN_SHARE) == train
    ]


def write_word_counts(path: Path, out: Path, min_count: int = 2) -> int:
    """Count word forms over the training split into ``out``; returns the number of words kept."""
    paragraphs = [p for doc in _documents(path, train=True) for p in clean(doc).paragraphs]
    counts = sorted(count_word_forms(paragraphs).items(), key=lambda item: (-item[1].total, item[0]))
    kept = [(word, c) for word, c in counts if c.total >= min_count]
    with out.open("w", encoding="utf-8") as handle:
        handle.write(WORDS_HEADER)
        for word, c in kept:
            handle.write(f"{word}\t{c.total}\t{c.lower}\t{c.capitalised_mid}\t{c.sentence_initial}\n")
    return len(kept)


def main(path: Path, seeds: str | None = None, write_words: str | None = None) -> dict:
    if write_words:
        write_word_counts(path, Path(write_words))
    documents = _documents(path, train=False)
    warnings_per_article = []
    naive_per_article = []
    kinds: Counter[str] = Counter()
    for doc in documents:
        cleaned = clean(doc)
        warnings_per_article.append(len(cleaned.warnings))
        kinds.update(w.kind for w in cleaned.warnings)
        naive_per_article.append(sum(len(_NAIVE_CAPITAL.findall(p)) for p in cleaned.paragraphs))
    count = len(documents)
    figures = {
        "articles": count,
        "warnings_per_article": sum(warnings_per_article) / count,
        "articles_with_warnings": sum(n > 0 for n in warnings_per_article) / count,
        "baseline_warnings_per_article": sum(naive_per_article) / count,
        "baseline_articles_with_warnings": sum(n > 0 for n in naive_per_article) / count,
        "by_kind": dict(kinds),
    }
    table = Table(title=f"Damage warnings on {count} held-out detik-1000 articles (fewer is better)")
    for column in ("", "kroscek", "baseline: naive capitals"):
        table.add_column(column)
    table.add_row("warnings per article", f"{figures['warnings_per_article']:.3f}", f"{figures['baseline_warnings_per_article']:.3f}")
    table.add_row(
        "articles with any", f"{figures['articles_with_warnings']:.1%}", f"{figures['baseline_articles_with_warnings']:.1%}"
    )
    for kind, number in sorted(kinds.items()):
        table.add_row(f"  {kind}", str(number), "")
    if seeds:
        figures["seeds"] = {}
        for seed in sorted(Path(seeds).glob("*.txt")):
            cleaned = clean(Document(source=str(seed), text=seed.read_text(encoding="utf-8")))
            figures["seeds"][seed.name] = len(cleaned.warnings)
            table.add_row(f"seed {seed.name}", str(len(cleaned.warnings)), "")
    Console().print(table)
    return figures
