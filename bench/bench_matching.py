"""Story matching at 1K / 10K / 100K articles: throughput and peak memory, written to bench/results/matching.json.

The corpora are generated from real Indonesian text (../shared/data/detik-1000) and kept in the
git-ignored bench/corpora/. Generator (fixed seed): a synthetic story takes two sentences at
random from each of four detik articles, with its numbers renumbered per story, so two stories
share at most a few sentences even at 100K (about 130 stories per source article there); it has
1 to 8 articles (half are single articles), each taking 60-90% of the story's sentences in order
plus one sentence from an unrelated article, a title of words from two of the story's source
titles (some dropped per article), one of 40 outlet names, and a page date within three days of
the story's day.
Story days are spread so that every day carries about 2,000 articles (a national stream).

Each size runs in a fresh process so its peak memory (max RSS) is its own. Measured:
- ``cluster``: ``cluster_stories`` over the whole corpus (the default, precise mode): static
  vectors for every article, candidate retrieval, profiling every article (names, numbers,
  dates), scoring, and e5 scoring of the pairs the static vectors put at ``PREFILTER`` or above.
  The e5 vectors come from a cache (the store keeps them): the synthetic article's vector is its
  sources' e5 vectors averaged, plus noise, so neighbourhoods are realistic. ``e5_fraction`` is
  the share of articles whose e5 vector the cascade asked for.
- ``fast``: ``cluster_stories(settings=FAST)``: the static vectors alone, no e5 at all.
- ``embed``: e5 embedding (title + lead) of 200 fresh articles, articles/s (1K only: it does not
  depend on corpus size).
- ``end_to_end``: per article, clustering plus e5 embedding of the ``e5_fraction`` that needs it
  (precise), or clustering alone (fast: the static vectors are part of its time).
Usage: ``python bench/bench_matching.py [1000 10000 100000]``.
"""

from __future__ import annotations

import csv
import json
import platform
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DETIK = REPO.parent / "shared" / "data" / "detik-1000" / "articles.csv"
CORPORA = REPO / "bench" / "corpora"
RESULTS = REPO / "bench" / "results" / "matching.json"
SIZES = (1_000, 10_000, 100_000)
ARTICLES_PER_DAY = 2_000
NOISE = 0.015  # per-dimension noise (384 dimensions): same-story cosines near 0.9, as e5 gives real same-story pairs
SEED = 20251022
SOURCES_PER_STORY = 4
OUTLETS = [f"outlet-{n:02d}" for n in range(40)]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def detik_articles() -> list[dict]:
    csv.field_size_limit(sys.maxsize)
    with DETIK.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        {"title": r["judul"], "sentences": [s for s in _SENTENCE_END.split(r["isi_berita"]) if len(s) > 20]}
        for r in rows
        if r["isi_berita"].strip()
    ]


def _renumber(text: str, mapping: dict[str, str], rng: random.Random) -> str:
    def replace(match: re.Match[str]) -> str:
        digits = match.group()
        if digits not in mapping:
            mapping[digits] = str(rng.randrange(10 ** (len(digits) - 1) if len(digits) > 1 else 0, 10 ** len(digits)))
        return mapping[digits]

    return re.sub(r"\d+", replace, text)


def generate(size: int, sources: list[dict]) -> list[dict]:
    """``size`` synthetic articles (see the module doc); each record names its story and sources."""
    rng = random.Random(SEED + size)
    records: list[dict] = []
    story = 0
    days = max(1, size // ARTICLES_PER_DAY)
    while len(records) < size:
        picked = rng.sample(range(len(sources)), SOURCES_PER_STORY)
        sentences = [s for i in picked for s in rng.sample(sources[i]["sentences"], min(2, len(sources[i]["sentences"])))]
        first, second = (sources[i]["title"].split() for i in picked[:2])
        story_title = first[: max(1, len(first) * 2 // 3)] + second[len(second) * 2 // 3 :]
        mapping: dict[str, str] = {}
        members = 1 if rng.random() < 0.5 else rng.randint(2, 8)
        day = rng.randrange(days)
        for member in range(min(members, size - len(records))):
            kept = [s for s in sentences if rng.random() < rng.uniform(0.6, 0.9)] or sentences[:1]
            filler = rng.choice(rng.choice(sources)["sentences"] or ["Berita lainnya."])
            kept.insert(rng.randrange(len(kept) + 1), filler)
            title = " ".join(w for w in story_title if rng.random() > 0.2) or story_title[0]
            hour = rng.randrange(72)
            records.append(
                {
                    "id": f"g{size}-{len(records):06d}",
                    "story": f"s{story}",
                    "sources": picked,
                    "outlet": rng.choice(OUTLETS),
                    "published": f"2025-{1 + (day + hour // 24) // 28:02d}-{1 + (day + hour // 24) % 28:02d}T{hour % 24:02d}:00",
                    "title": _renumber(title, mapping, rng),
                    "text": _renumber("\n\n".join(kept), mapping, rng),
                }
            )
        story += 1
    return records


def corpus(size: int) -> Path:
    path = CORPORA / f"synthetic-v2-{size}.jsonl"
    if not path.exists():
        CORPORA.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        with partial.open("w", encoding="utf-8") as handle:
            for record in generate(size, detik_articles()):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        partial.replace(path)  # a run cut short leaves no half-written corpus behind
    return path


def source_vectors() -> np.ndarray:
    """e5 vectors (title + lead) of the detik articles, cached on disk between runs."""
    from kroscek.analyse.embed import Embedder, FileCache, default_cache_dir, passage

    cache = FileCache(default_cache_dir() / "bench-detik.npz")
    vectors = Embedder(cache).embed_texts([passage(a["title"], " ".join(a["sentences"])) for a in detik_articles()])
    cache.save()
    return vectors


def articles_of(records: list[dict]) -> list:
    from kroscek.model import Article

    return [
        Article(id=r["id"], source=r["id"], title=r["title"], text=r["text"], outlet=r["outlet"], language="id", published=r["published"])
        for r in records
    ]


class AskedCache(dict):
    """A vector cache that records which keys were asked for."""

    def __init__(self, vectors: dict) -> None:
        super().__init__(vectors)
        self.asked: set[str] = set()

    def __contains__(self, key: object) -> bool:
        self.asked.add(str(key))
        return super().__contains__(key)


def bcubed_of(result, records: list[dict]) -> dict:  # noqa: ANN001 - a StoryResult
    from kroscek.eval.clustering import bcubed

    story_of = {a: s.id for s in result.stories for a in s.articles}
    precision, recall, f1 = bcubed([r["story"] for r in records], [story_of[r["id"]] for r in records])
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def run_size(size: int) -> dict:
    """One size, in this process: cluster (and, at the smallest size, embed) and measure."""
    from kroscek.analyse.embed import Embedder
    from kroscek.match.stories import cluster_stories
    from kroscek.settings import FAST

    records = [json.loads(line) for line in corpus(size).read_text(encoding="utf-8").split("\n") if line]  # not splitlines: text may hold U+2028
    articles = articles_of(records)
    base = source_vectors()
    rng = np.random.default_rng(SEED)
    cache = {}
    for record in records:
        vector = base[record["sources"]].mean(axis=0) + rng.normal(0.0, NOISE, base.shape[1])
        cache[record["id"]] = (vector / np.linalg.norm(vector)).astype(np.float32)
    asked = AskedCache(cache)
    started = time.perf_counter()
    result = cluster_stories(articles, embedder=Embedder(cache=asked))
    cluster_seconds = time.perf_counter() - started
    started = time.perf_counter()
    fast = cluster_stories(articles, settings=FAST)
    fast_seconds = time.perf_counter() - started
    gold = [r["story"] for r in records]
    figures = {
        "articles": size,
        "gold_stories": len(set(gold)),
        "predicted_stories": len(result.stories),
        "bcubed": bcubed_of(result, records),
        "cluster_seconds": round(cluster_seconds, 2),
        "cluster_articles_per_s": round(size / cluster_seconds, 1),
        "cluster_ms_per_article": round(1000 * cluster_seconds / size, 3),
        "e5_fraction": round(len(asked.asked) / size, 4),
        "fast": {
            "predicted_stories": len(fast.stories),
            "bcubed": bcubed_of(fast, records),
            "articles_per_s": round(size / fast_seconds, 1),
            "ms_per_article": round(1000 * fast_seconds / size, 3),
        },
    }
    if size == min(SIZES):
        fresh = articles_of(records[:200])
        for article in fresh:
            article.id += "-fresh"
        started = time.perf_counter()
        Embedder().embed_articles(fresh)
        figures["embed_articles_per_s"] = round(len(fresh) / (time.perf_counter() - started), 2)
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return figures


def main(sizes: list[int]) -> dict:
    source_vectors()  # fill the disk cache once, outside the timed runs
    rows = []
    for size in sizes:
        corpus(size)
        output = subprocess.run(
            [sys.executable, __file__, "--one", str(size)], check=True, capture_output=True, text=True
        ).stdout
        rows.append(json.loads(output.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    embed_rate = next((r["embed_articles_per_s"] for r in rows if "embed_articles_per_s" in r), None)
    for row in rows:
        if embed_rate:
            seconds = row["e5_fraction"] / embed_rate + row["cluster_ms_per_article"] / 1000
            row["end_to_end_articles_per_s"] = round(1 / seconds, 2)
    results = {"machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores", "sizes": rows}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"{'articles':>9} {'cluster/s':>10} {'e5 share':>8} {'peak MB':>8} {'B3 F1':>6} {'end-to-end/s':>12}"
          f" {'fast/s':>8} {'fast F1':>7}")
    for row in rows:
        print(
            f"{row['articles']:>9} {row['cluster_articles_per_s']:>10} {row['e5_fraction']:>8} "
            f"{row['peak_rss_mb']:>8} {row['bcubed']['f1']:>6} {row.get('end_to_end_articles_per_s', '-'):>12}"
            f" {row['fast']['articles_per_s']:>8} {row['fast']['bcubed']['f1']:>7}"
        )
    return results


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(run_size(int(sys.argv[2]))))
    else:
        main([int(a) for a in sys.argv[1:]] or list(SIZES))
