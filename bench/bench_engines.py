"""The engines side by side: the embedded engine vs Ray on this machine (a local Ray with 2 CPUs),
per stage, on the same generated corpus, with a projection to N Ray workers; written to
bench/results/engines.json and printed.

Corpus: the story-matching benchmark's generated corpus (``bench_matching.corpus``: synthetic
stories of real Indonesian sentences from ../shared/data/detik-1000, 1 to 8 articles each, about
2,000 articles a day), cut into shards of ``SHARD`` articles (JSON Lines; at least 10 shards) in a temporary folder,
so that reading is spread over tasks as an archive of shards would be. Nothing generated is
committed.

Mode: ``--fast`` by default (``kroscek run --fast``: static word vectors for matching and
cross-checking, no e5), since e5 costs about 65 ms per article on two cores and would turn
100K articles into days here; ``--precise`` runs the default mode.

Measured, each engine in a fresh process, over a SQLite store:
- embedded: ``read`` (parsing only, measured apart), ``analyse`` (``engine.local.ingest`` less
  the read: clean, language, sentences, entities, dates, quotes, store writes), ``embed``
  (precise mode only: e5 vectors of every article, which the embedded engine computes in its
  match step), ``match`` and ``compare`` (every brief);
- ray: the stages of ``engine.ray.run_ray`` (``read``, ``dedupe``, ``analyse`` including any
  embeddings and the store writes, ``match`` on the driver, ``compare``) and the Ray start-up.

Ray runs twice, on the first tenth of the shards (``ray-tenth``) and on all of them, so that each
stage splits into a fixed part (start-up, loading the models into every actor) and a marginal
cost per article. Projection to W workers (``projection``): Time(N articles, W) = fixed + N x
(parallel / W + serial), where ``parallel`` is the marginal worker-seconds per article of the
stages that run on the workers (analyse, compare, and parsing as the embedded run measured it)
and ``serial`` the driver's marginal seconds per article (match). It assumes matching stays
linear per article (its candidates are windowed by time) and that the store keeps up with the
writes; see docs/scaling.md.

Usage: ``python bench/bench_engines.py [--articles N] [--precise] [--no-compare]`` (default
10,000 articles, every stage; results of other settings go to ``engines-N-MODE-STAGES.json``).
``--no-compare`` stops both engines after matching: the stages whose cost depends on the
corpus size (reading, deduplication, the driver's matching) measured at 100,000 articles
(``--articles 100000 --no-compare``, about 50 minutes on two cores), cross-checking (per story: its
cost follows the stories' sizes) at the default size. A full run at 100K (``--articles 100000``)
takes about 90 minutes here (``engines-100000-fast-all.json``; docs/scaling.md).
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results" / "engines.json"
ARTICLES = 10_000
SHARD = 1_000
RAY_CPUS = 2
WORKERS = (1, 2, 4, 8, 16, 32, 64, 128)


def generate(folder: Path, articles: int) -> list[Path]:
    """Write the generated corpus of ``articles`` articles into ``folder`` in shards."""
    sys.path.insert(0, str(REPO / "bench"))
    from bench_matching import corpus

    lines = [line for line in corpus(articles).read_text(encoding="utf-8").split("\n") if line]  # text may hold U+2028
    size = min(SHARD, max(1, len(lines) // 10))  # at least 10 shards, so that a tenth of them is a tenth of the corpus
    written = []
    for number, start in enumerate(range(0, len(lines), size)):
        shard = folder / f"{number:04d}_shard.jsonl"
        shard.write_text("\n".join(lines[start : start + size]) + "\n", encoding="utf-8")
        written.append(shard)
    return written


def run_embedded(files: list[Path], db: Path, precise: bool, brief: bool) -> dict:
    from kroscek.analyse.embed import Embedder
    from kroscek.engine.local import compare, ingest, match
    from kroscek.ingest import read_paths
    from kroscek.settings import Settings
    from kroscek.store import Store

    settings = Settings.from_options(fast=not precise)
    store = Store(db)
    stages: dict[str, float] = {}
    started = time.perf_counter()
    documents = sum(1 for _ in read_paths(files))
    stages["read"] = time.perf_counter() - started
    mark = time.perf_counter()
    summary = ingest(files, store)
    stages["analyse"] = time.perf_counter() - mark - stages["read"]
    if precise:
        mark = time.perf_counter()
        embedder = Embedder()
        embedder.embed_articles(store.articles())
        store.put_embeddings(dict(embedder.cache))
        stages["embed"] = time.perf_counter() - mark
    mark = time.perf_counter()
    stories = len(match(store, settings=settings).stories)
    stages["match"] = time.perf_counter() - mark
    briefs = 0
    if brief:
        mark = time.perf_counter()
        briefs = compare(store, settings=settings)
        stages["compare"] = time.perf_counter() - mark
    return {"documents": documents, "articles": summary.added, "rejected": len(summary.rejected),
            "stories": stories, "briefs": briefs, "stage_seconds": stages, "workers": 1}


def run_ray_engine(files: list[Path], db: Path, precise: bool, brief: bool) -> dict:
    import logging

    import ray

    from kroscek.engine.ray import run_ray
    from kroscek.settings import Settings

    logging.getLogger("ray.data").setLevel(logging.WARNING)
    started = time.perf_counter()
    ray.init(num_cpus=RAY_CPUS, include_dashboard=False, log_to_driver=False)
    startup = time.perf_counter() - started
    try:
        result = run_ray(files, db, settings=Settings.from_options(fast=not precise), brief=brief)
    finally:
        ray.shutdown()
    return {"articles": result.ingest.added, "rejected": len(result.ingest.rejected), "stories": result.stories,
            "briefs": result.briefs, "stage_seconds": {"startup": startup, **result.stage_seconds},
            "workers": result.workers}


def run_case(engine: str, folder: Path, precise: bool, brief: bool) -> dict:
    """One engine over the shards in ``folder`` (``ray-tenth``: their first tenth)."""
    files = sorted(folder.glob("*_shard.jsonl"))
    if engine == "ray-tenth":
        files = files[: max(1, len(files) // 10)]
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        row = (run_embedded if engine == "embedded" else run_ray_engine)(files, Path(tmp) / "bench.db", precise, brief)
        row["stories_digest"] = stories_digest(Path(tmp) / "bench.db")
        total = time.perf_counter() - started
    row.update(engine=engine, seconds=total, articles_per_second=row["articles"] / total,
               peak_memory_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return row


def matching_seconds_per_article(precise: bool, articles: int) -> float:
    """Matching's seconds per article at the largest size ``bench_matching`` measured, if that is
    larger than ``articles`` (else 0: a run that large measured its own driver)."""
    path = REPO / "bench" / "results" / "matching.json"
    if not path.exists():
        return 0.0
    largest = max(json.loads(path.read_text(encoding="utf-8"))["sizes"], key=lambda row: row["articles"])
    if largest["articles"] <= articles:
        return 0.0
    return (largest["cluster_ms_per_article"] if precise else largest["fast"]["ms_per_article"]) / 1000


def compare_cost_of_full_run() -> float:
    """Compare's worker-seconds per article in the default run's results (0 if there are none)."""
    if not RESULTS.exists():
        return 0.0
    return json.loads(RESULTS.read_text(encoding="utf-8"))["projection"].get("compare_worker_seconds_per_article", 0.0)


def projection(rows: list[dict], precise: bool, sizes: tuple[int, ...] = (100_000, 50_000_000)) -> dict:
    """Hours for ``sizes`` articles on W Ray workers, from the measured per-article stage costs.

    The two Ray runs (a tenth and all of the corpus) split each stage into a fixed part (start-up,
    loading the models into each actor) and a marginal cost per article: the difference of the
    two runs' stage seconds over the difference of their article counts. Parallel, per article:
    the marginal worker-seconds of ``analyse`` and ``compare`` (seconds x workers) plus the
    embedded run's parsing cost per article. Serial: the marginal cost of ``match`` (on the
    driver), or, when larger, matching's cost per article at the largest size of
    ``bench_matching`` (``bench/results/matching.json``) if that size is larger than the run: a
    small run is too small to measure the driver, whose time per article grows with the articles
    in a time window. Fixed: everything else the full Ray run spent, or 0 where the marginal costs
    account for more than that (cross-checking costs more per article in a larger corpus, whose
    stories are larger). A run without compare (``--no-compare``) takes
    compare's worker-seconds per article from the default run's results (``engines.json``).
    """
    embedded, small, full = rows
    workers, extra = full["workers"], full["articles"] - small["articles"]

    def marginal(stage: str) -> float:
        return max(0.0, (full["stage_seconds"].get(stage, 0.0) - small["stage_seconds"].get(stage, 0.0)) / extra)

    measured = (marginal("analyse") + marginal("compare")) * workers
    measured += embedded["stage_seconds"]["read"] / embedded["articles"]
    serial = max(marginal("match"), matching_seconds_per_article(precise, full["articles"]))
    fixed = max(0.0, sum(full["stage_seconds"].values()) - full["articles"] * (measured / workers + serial))
    compare = marginal("compare") * workers if "compare" in full["stage_seconds"] else compare_cost_of_full_run()
    parallel = measured + (0.0 if "compare" in full["stage_seconds"] else compare)
    table = {
        str(w): {f"{n}": round((fixed + n * (parallel / w + serial)) / 3600, 2) for n in sizes}
        | {"articles_per_second": round(1 / (parallel / w + serial), 1)}
        for w in WORKERS
    }
    return {"parallel_worker_seconds_per_article": round(parallel, 4), "compare_worker_seconds_per_article": round(compare, 4),
            "serial_driver_seconds_per_article": round(serial, 5), "fixed_seconds": round(fixed, 1),
            "hours_by_workers": table, "max_articles_per_second": round(1 / serial, 1) if serial else None}


def settled_load(limit_s: float = 180.0) -> tuple[float, float, float]:
    """The load average once its 1-minute figure is below half the CPUs, waiting up to ``limit_s``:
    a run started right after another would otherwise count that run's tail as contention."""
    deadline = time.monotonic() + limit_s
    while os.getloadavg()[0] > 0.5 * (os.cpu_count() or 1) and time.monotonic() < deadline:
        time.sleep(5)
    return os.getloadavg()


def stories_digest(db: Path) -> str:
    """A hash of the stored stories (their ids and article ids): equal digests, equal stories."""
    from kroscek.store import Store

    store = Store(db)
    try:
        stories = sorted((story.id, sorted(story.articles)) for story in store.stories())
    finally:
        store.close()
    return hashlib.sha256(json.dumps(stories).encode()).hexdigest()[:16]


def main() -> None:
    articles = int(sys.argv[sys.argv.index("--articles") + 1]) if "--articles" in sys.argv else ARTICLES
    mode = "precise" if "--precise" in sys.argv else "fast"
    stages = "no-compare" if "--no-compare" in sys.argv else "all"
    try:
        import ray  # noqa: F401
    except ImportError:
        print("bench_engines: skipped (Ray is not installed: pip install 'kroscek[ray]')")
        return
    load_before = settled_load()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generated = generate(folder, articles)
        for engine in ("embedded", "ray-tenth", "ray"):
            output = subprocess.run([sys.executable, __file__, "--case", engine, str(folder), mode, stages], check=True,
                                    capture_output=True, text=True).stdout
            rows.append(json.loads(output.strip().splitlines()[-1]))
    load_after = os.getloadavg()
    cpus = os.cpu_count() or 1
    contended = load_before[0] > 0.5 * cpus  # after the runs the load average is mostly their own
    for row in rows:
        row["stage_seconds"] = {k: round(v, 2) for k, v in row["stage_seconds"].items()}
        row["seconds"] = round(row["seconds"], 1)
        row["articles_per_second"] = round(row["articles_per_second"], 2)
        row["peak_memory_mb"] = round(row["peak_memory_mb"], 1)
        row["ms_per_article"] = {k: round(1000 * v / row["articles"], 1) for k, v in row["stage_seconds"].items()}
    record = {
        "machine": f"{platform.machine()} cpus={cpus}", "python": platform.python_version(),
        "corpus": {"files": len(generated), "articles": rows[0]["articles"],
                   "generator": "bench_matching.corpus (synthetic stories of detik-1000 sentences)"},
        "mode": mode,
        "stages": stages,
        "same_stories_on_both_engines": rows[0]["stories_digest"] == rows[2]["stories_digest"],
        "load_average_before_after": [round(load_before[0], 2), round(load_after[0], 2)],
        "contended": contended,
        "note": ("measured while other jobs shared this machine's CPUs (load average above half the "
                 "CPU count): absolute times are inflated" if contended else "measured on an otherwise idle machine"),
        "results": rows,
        "projection": projection(rows, mode == "precise"),
    }
    path = RESULTS if (articles, mode, stages) == (ARTICLES, "fast", "all") else RESULTS.with_name(
        f"engines-{articles}-{mode}-{stages}.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, indent=2) + "\n")
    print_table(record)
    print(f"written {path}")


def print_table(record: dict) -> None:
    print(f"{record['corpus']['articles']} generated articles, {record['mode']} mode, same stories on both engines: "
          f"{record['same_stories_on_both_engines']}; {record['note']} "
          f"(load average {record['load_average_before_after']})")
    names = ["startup", "read", "dedupe", "analyse", "embed", "match", "compare"]
    print(f"{'engine':9s} {'articles/s':>10s} {'total s':>8s} " + " ".join(f"{n:>8s}" for n in names))
    for row in record["results"]:
        cells = " ".join(f"{row['stage_seconds'].get(n, float('nan')):8.1f}" for n in names)
        print(f"{row['engine']:9s} {row['articles_per_second']:10.2f} {row['seconds']:8.1f} {cells}")
    projected = record["projection"]
    print(f"projection: {projected['parallel_worker_seconds_per_article']} worker-s/article in parallel stages, "
          f"{projected['serial_driver_seconds_per_article']} s/article on the driver (match), "
          f"{projected['fixed_seconds']} s fixed")
    print(f"{'workers':>8s} {'articles/s':>11s} {'100K hours':>11s} {'50M hours':>11s}")
    for workers, cells in projected["hours_by_workers"].items():
        print(f"{workers:>8s} {cells['articles_per_second']:11.1f} {cells['100000']:11.2f} {cells['50000000']:11.1f}")


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "--case":
        print(json.dumps(run_case(sys.argv[2], Path(sys.argv[3]), sys.argv[4] == "precise", sys.argv[5] == "all")))
    else:
        main()
