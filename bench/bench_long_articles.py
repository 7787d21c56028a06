"""Long articles: analysis time from 50 KB to 2 MB, to show it grows linearly with the text.

The articles are made from the bundled sample corpus (``examples/corpus``, written for kroscek):
its Indonesian paragraphs, shuffled with a fixed seed and repeated until the size is reached,
under one headline. ``--one-line`` joins them into a single paragraph (the worst case for the
per-paragraph steps). Prints each size's seconds and the growth from one size to the next
(2.0 for a doubling is linear) and writes ``bench/results/long-articles.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "examples" / "corpus"
RESULTS = REPO / "bench" / "results"
SIZES_KB = (50, 100, 200, 500, 1000, 2000)
_INDONESIAN = {"yang", "dan", "di", "dari", "untuk", "dengan"}


def corpus_paragraphs() -> list[str]:
    """The Indonesian body paragraphs of the sample corpus's text files."""
    paragraphs = []
    for path in sorted(CORPUS.glob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            block = " ".join(block.split())
            words = block.casefold().split()
            if len(words) >= 15 and len(_INDONESIAN.intersection(words)) >= 2:
                paragraphs.append(block)
    return paragraphs


def synthetic_article(size: int, seed: int = 0, one_line: bool = False) -> str:
    """An Indonesian article of about ``size`` bytes of UTF-8 built from the corpus's paragraphs."""
    pool = corpus_paragraphs()
    rng = random.Random(seed)
    parts = ["Banjir dan Longsor Melanda Sejumlah Daerah, Warga Diminta Waspada"]
    total = len(parts[0])
    while total < size:
        paragraph = rng.choice(pool)
        parts.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 2
    head, body = parts[0], parts[1:]
    return head + "\n\n" + (" " if one_line else "\n\n").join(body)


def time_analysis(size: int, one_line: bool) -> dict:
    from kroscek.model import Document
    from kroscek.pipeline import analyse

    text = synthetic_article(size, one_line=one_line)
    started = time.perf_counter()
    article = analyse(Document(source=f"synthetic-{size}", text=text), budget=float("inf"))
    seconds = time.perf_counter() - started
    return {"kb": size // 1024, "seconds": round(seconds, 3), "sentences": len(article.sentences),
            "quotes": len(article.quotes), "mentions": len(article.mentions)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES_KB)), help="sizes in KB, comma-separated")
    parser.add_argument("--one-line", action="store_true", help="the whole article as one paragraph")
    args = parser.parse_args()
    sizes = [int(kb) * 1024 for kb in args.sizes.split(",")]
    time_analysis(10 * 1024, args.one_line)  # models and word lists loaded before the clock starts
    rows = []
    for size in sizes:
        row = time_analysis(size, args.one_line)
        if rows:
            previous = rows[-1]
            row["growth"] = round(row["seconds"] / max(previous["seconds"], 1e-6), 2)
            row["size_ratio"] = round(size / (previous["kb"] * 1024), 2)
        rows.append(row)
        growth = f"  x{row['growth']} for x{row['size_ratio']} the size" if "growth" in row else ""
        print(f"{row['kb']:>5} KB  {row['seconds']:8.2f} s  {row['sentences']:>6} sentences{growth}", flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = "long-articles-one-line.json" if args.one_line else "long-articles.json"
    (RESULTS / name).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
