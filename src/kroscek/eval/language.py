"""Language identification accuracy on labelled news text.

PATH is the shared data folder: SemEval-2022 task 8 texts carry their language (10 languages),
detik-1000 articles are all Indonesian. Texts are cut to their first ``chars`` characters (the
size of a headline and lead) and at most ``per_language`` are read per language. The baseline
is lingua's low-accuracy mode over the same languages.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

from lingua import LanguageDetectorBuilder
from rich.console import Console
from rich.table import Table

from kroscek.text.language import detect_language, lingua_languages


def _samples(path: Path, per_language: int) -> list[tuple[str, str]]:
    """(language, text) pairs, at most ``per_language`` of each language."""
    csv.field_size_limit(sys.maxsize)
    samples: dict[str, list[str]] = defaultdict(list)
    with (path / "semeval2022-t8" / "pairs.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for side in ("1", "2"):
                samples[row[f"lang{side}"]].append(row[f"text{side}"])
    with (path / "detik-1000" / "articles.csv").open(encoding="utf-8") as handle:
        samples["id"] = [row["judul"] + "\n" + row["isi_berita"] for row in csv.DictReader(handle)]
    return [(language, text) for language, texts in sorted(samples.items()) for text in texts[:per_language]]


def main(path: Path, per_language: str = "100", chars: str = "300") -> dict:
    samples = [(language, text[: int(chars)]) for language, text in _samples(path, int(per_language))]
    baseline_detector = LanguageDetectorBuilder.from_languages(*lingua_languages()).with_low_accuracy_mode().build()
    right: Counter[str] = Counter()
    baseline_right: Counter[str] = Counter()
    undetermined: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for language, text in samples:
        totals[language] += 1
        found = detect_language(text)
        right[language] += found == language
        undetermined[language] += found == "und"
        baseline = baseline_detector.detect_language_of(text)
        baseline_right[language] += baseline is not None and baseline.iso_code_639_1.name.lower() == language
    figures = {
        "texts": sum(totals.values()),
        "accuracy": sum(right.values()) / sum(totals.values()),
        "baseline_accuracy": sum(baseline_right.values()) / sum(totals.values()),
        "undetermined": sum(undetermined.values()) / sum(totals.values()),
        "by_language": {language: right[language] / totals[language] for language in totals},
    }
    table = Table(title=f"Language identification, first {chars} characters of each text")
    for column in ("language", "texts", "kroscek", "baseline: lingua low-accuracy", "undetermined"):
        table.add_column(column)
    for language in sorted(totals):
        n = totals[language]
        table.add_row(language, str(n), f"{right[language] / n:.1%}", f"{baseline_right[language] / n:.1%}", str(undetermined[language]))
    table.add_row("all", str(figures["texts"]), f"{figures['accuracy']:.1%}", f"{figures['baseline_accuracy']:.1%}", "")
    Console().print(table)
    return figures
