"""Cost against size, written to bench/results/scale.json and printed (part of `make bench`):

1. **Corpus size**: `kroscek run --fast` end to end (the embedded engine: read, analyse, match,
   cross-check, report over a new SQLite store) on the generated corpora of the story-matching
   benchmark (``bench_matching.corpus``: synthetic stories of real detik-1000 sentences, 1 to 8
   articles each, about 2,000 articles a day) at 1K and 10K articles (``--sizes 1000,10000,100000``
   adds 100K: about an hour on two idle cores). Each size runs in a fresh process; per size the
   milliseconds per article of each stage, wall and CPU (user + system), and the peak memory.
   Cost per article must not grow with the corpus.
2. **Story size**: the cost of cross-checking one story (``engine.local.compare`` on that story
   alone: entities, quotes, claims and their alignment, the brief) of 1, 2, 4, 8, 16 and 30
   articles, in both modes, CPU seconds, ``REPEATS`` different stories per size. A story is
   generated as the corpora's are (three sentences from each of four detik-1000 articles, numbers
   renumbered per story; each article keeps 60-90% of them in order, each with one word left out,
   plus one unrelated sentence), so its articles tell the same facts in different selections and
   wordings, as outlets do. The articles are analysed and
   stored first (not timed), the models are loaded on a warm-up story, and the e5 vectors of each
   story are computed in its own timing (the default mode pays for them). A story of 30 articles
   must cost at most 30 times a story of one; as a story of one article has nothing to cross-check
   (its cost is the brief alone), ``per_article_vs_two_article_story`` also compares the cost per
   article with that of a two-article story (1.0: linear in the articles).

Usage: ``python bench/bench_scale.py [--sizes 1000,10000] [--stories-only | --corpus-only]``.
"""

from __future__ import annotations

import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results" / "scale.json"
SIZES = (1_000, 10_000)
STORY_SIZES = (1, 2, 4, 8, 16, 30)
REPEATS = 3
SEED = 20251201


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_corpus(size: int) -> dict:
    """`kroscek run --fast` on the generated corpus of ``size`` articles, in this process."""
    from bench_matching import corpus

    from kroscek.engine import local
    from kroscek.progress import Progress
    from kroscek.report import build_report
    from kroscek.report.html import write_report
    from kroscek.settings import FAST
    from kroscek.store import Store

    class StageClock(Progress):
        def __init__(self) -> None:
            self.seconds: dict[str, float] = {}
            self.cpu: dict[str, float] = {}
            self._cpu_started = 0.0

        def _started(self) -> None:
            self._cpu_started = _cpu()

        def _ended(self, seconds: float) -> None:
            name = self.name or ""
            self.seconds[name] = self.seconds.get(name, 0.0) + seconds
            self.cpu[name] = self.cpu.get(name, 0.0) + _cpu() - self._cpu_started

    path = corpus(size)
    clock = StageClock()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        cpu_started, started = _cpu(), time.perf_counter()
        summary = local.ingest([path], store, progress=clock, settings=FAST)
        result = local.match(store, settings=FAST, progress=clock)
        local.compare(store, settings=FAST, progress=clock)
        mark, cpu_mark = time.perf_counter(), _cpu()
        try:
            write_report(build_report(store), Path(tmp) / "report")
            clock.seconds["report"], clock.cpu["report"] = time.perf_counter() - mark, _cpu() - cpu_mark
        except Exception as error:  # noqa: BLE001 - a broken report leaves the other stages' figures standing
            print(f"report failed: {type(error).__name__}: {error}", file=sys.stderr)
        seconds, cpu = time.perf_counter() - started, _cpu() - cpu_started
    n = max(1, summary.added)
    return {
        "articles": summary.added,
        "stories": len(result.stories),
        "seconds": round(seconds, 1),
        "articles_per_second": round(summary.added / seconds, 2),
        "ms_per_article": round(1000 * seconds / n, 2),
        "cpu_ms_per_article": round(1000 * cpu / n, 2),
        "stage_ms_per_article": {k: round(1000 * v / n, 2) for k, v in clock.seconds.items()},
        "stage_cpu_ms_per_article": {k: round(1000 * v / n, 2) for k, v in clock.cpu.items()},
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _reworded(sentence: str, rng: random.Random) -> str:
    """The sentence with one of its words (not the first) left out: each outlet words a fact its
    own way, so no two articles' sentences are the same text (the e5 cache, keyed by content, would
    otherwise embed a shared sentence once per story)."""
    words = sentence.split()
    if len(words) < 4:
        return sentence
    del words[rng.randrange(1, len(words))]
    return " ".join(words)


def story_documents(size: int, rng: random.Random, sources: list[dict]) -> list:
    """One generated story of ``size`` articles (see the module doc)."""
    from bench_matching import OUTLETS, _renumber

    from kroscek.model import Document

    picked = rng.sample(range(len(sources)), 4)
    sentences = [s for i in picked for s in rng.sample(sources[i]["sentences"], min(3, len(sources[i]["sentences"])))]
    title = sources[picked[0]]["title"]
    mapping: dict[str, str] = {}
    day = rng.randrange(1, 28)
    documents = []
    for member in range(size):
        kept = [_reworded(s, rng) for s in sentences if rng.random() < rng.uniform(0.6, 0.9)] or sentences[:1]
        filler = rng.choice(rng.choice(sources)["sentences"] or ["Berita lainnya."])
        kept.insert(rng.randrange(len(kept) + 1), filler)
        words = [w for w in title.split() if rng.random() > 0.2] or title.split()[:1]
        documents.append(Document(
            source=f"story-{size}-{member}", title=_renumber(" ".join(words), mapping, rng),
            text=_renumber("\n\n".join(kept), mapping, rng), outlet=OUTLETS[member % len(OUTLETS)],
            published=f"2025-03-{day:02d}T{8 + member % 12:02d}:00", language="id",
        ))
    return documents


def run_stories(mode: str) -> dict:
    """Cross-checking cost per story size in one mode (default or fast), in this process."""
    from bench_matching import detik_articles

    from kroscek.engine import local
    from kroscek.model import Story
    from kroscek.pipeline import analyse
    from kroscek.settings import Mode, Settings
    from kroscek.store import Store

    settings = Settings(Mode(mode))
    rng = random.Random(SEED)
    sources = [a for a in detik_articles() if len(a["sentences"]) >= 3]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        stories: dict[int, list[str]] = {}
        for size in ("warm-up", *STORY_SIZES):
            for repeat in range(1 if size == "warm-up" else REPEATS):
                articles = [analyse(d) for d in story_documents(3 if size == "warm-up" else size, rng, sources)]
                for article in articles:  # every story its own articles, even where generated text repeats
                    article.id = f"{size}-{repeat}-{article.id}"
                store.add_articles(articles)
                story = Story(f"s-{size}-{repeat}", articles[0].title, [a.id for a in articles])
                store.save_stories([*store.stories(), story])
                stories.setdefault(size, []).append(story.id)  # type: ignore[arg-type]
        local.compare(store, stories.pop("warm-up"), settings=settings)  # type: ignore[call-overload]
        cpu: dict[int, list[float]] = {}
        for size in STORY_SIZES:
            for story_id in stories[size]:
                started = _cpu()
                local.compare(store, [story_id], settings=settings)
                cpu.setdefault(size, []).append(_cpu() - started)
    one, two = (sum(cpu[n]) / len(cpu[n]) for n in (1, 2))
    rows = {}
    for size in STORY_SIZES:
        mean = sum(cpu[size]) / len(cpu[size])
        rows[str(size)] = {"cpu_seconds": round(mean, 3), "per_article_ms": round(1000 * mean / size, 1),
                           "times_one_article_story": round(mean / one, 1),
                           "per_article_vs_two_article_story": round((mean / size) / (two / 2), 2)}
    return {"mode": settings.mode.value, "repeats": REPEATS, "story_sizes": rows}


def main(sizes: list[int], corpora: bool, stories: bool) -> None:
    record: dict = {"machine": f"{platform.machine()} {platform.processor()} cpus={os.cpu_count()}",
                    "python": platform.python_version()}
    if corpora:
        rows: dict[int, dict] = {}
        print("`kroscek run --fast` by corpus size (ms per article, wall / CPU):")
        for size in sizes:
            load = os.getloadavg()[0]
            output = subprocess.run([sys.executable, __file__, "--corpus", str(size)], check=True,
                                    stdout=subprocess.PIPE, text=True).stdout
            row = {"articles_requested": size, **json.loads(output.strip().splitlines()[-1]),
                   "load_average_before_after": [round(load, 2), round(os.getloadavg()[0], 2)]}
            rows[size] = row
            stages = "  ".join(f"{k} {v:.1f}/{row['stage_cpu_ms_per_article'][k]:.1f}"
                               for k, v in row["stage_ms_per_article"].items())
            print(f"  {size:7d} articles  {row['articles_per_second']:7.1f} articles/s  {row['ms_per_article']:6.1f} ms  "
                  f"CPU {row['cpu_ms_per_article']:6.1f} ms  peak {row['peak_memory_mb']:6.0f} MB  load {load:.1f}")
            print(f"           {stages}")
        record["corpus_sizes"] = rows  # merged with the sizes already written when written
    if stories:
        print("cross-checking one story, CPU seconds by its size (times a one-article story):")
        record["story_sizes"] = []
        for mode in ("fast", "default"):
            output = subprocess.run([sys.executable, __file__, "--stories", mode], check=True,
                                    stdout=subprocess.PIPE, text=True).stdout
            row = json.loads(output.strip().splitlines()[-1])
            row["load_average_after"] = round(os.getloadavg()[0], 2)
            record["story_sizes"].append(row)
            print(f"  {mode:8s} " + "  ".join(f"{n}: {r['cpu_seconds']:.2f} s (x{r['times_one_article_story']}, "
                                              f"{r['per_article_vs_two_article_story']})" for n, r in row["story_sizes"].items()))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    kept = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}  # the part this run did not measure stays
    if corpora:  # and the sizes it did not run, read now (another run may have written some meanwhile)
        sizes = {int(r["articles_requested"]): r for r in kept.get("corpus_sizes", [])} | record["corpus_sizes"]
        record["corpus_sizes"] = [sizes[k] for k in sorted(sizes)]
    RESULTS.write_text(json.dumps({**kept, **record}, indent=2) + "\n")
    print(f"written {RESULTS}")


if __name__ == "__main__":
    if "--corpus" in sys.argv:
        print(json.dumps(run_corpus(int(sys.argv[sys.argv.index("--corpus") + 1]))))
    elif "--stories" in sys.argv:
        print(json.dumps(run_stories(sys.argv[sys.argv.index("--stories") + 1])))
    else:
        chosen = [int(s) for s in sys.argv[sys.argv.index("--sizes") + 1].split(",")] if "--sizes" in sys.argv else list(SIZES)
        main(chosen, corpora="--stories-only" not in sys.argv, stories="--corpus-only" not in sys.argv)
