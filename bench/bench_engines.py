"""The engines side by side: the embedded engine vs Ray on this machine (a local Ray with 2 CPUs),
per stage, on the same generated corpus, with a projection to N Ray workers; written to
bench/results/engines.json and printed.

Corpus generator (fixed, no randomness): variant ``k`` (k = 0, 1, ...) of every file of the sample
corpus ``examples/corpus`` (original text written for kroscek) is the file with every year
(1900-2099) moved ``k`` years later and every other number of three or more digits raised by
``13 * k``. So a variant keeps the sample's formats (text, HTML, JSON Lines, RSS), lengths,
languages and story structure, every article gets its own content id, and variants of one story
fall in different years, so they stay separate stories (46 articles and about 21 stories per
variant). The files are written to a temporary folder, never to the repository.

Measured, each engine in a fresh process, over a SQLite store:
- embedded: ``read`` (parsing only, measured apart), ``analyse`` (``engine.local.ingest`` less
  the read: clean, language, sentences, entities, dates, quotes, store writes), ``embed``
  (e5 vectors of every article, which the embedded engine computes in its match step),
  ``match`` (``cluster_stories`` with the vectors stored) and ``compare`` (every brief);
- ray: the stages of ``engine.ray.run_ray`` (``read``, ``dedupe``, ``analyse`` including the
  embeddings and store writes, ``match`` on the driver, ``compare``) and the Ray start-up.

Ray runs twice, on the first half of the variants (``ray-half``) and on all of them, so that
each stage splits into a fixed part (start-up, loading the models into every actor) and a
marginal cost per article. Projection to W workers (``projection``): Time(N articles, W) =
fixed + N x (parallel / W + serial), where ``parallel`` is the marginal worker-seconds per
article of the stages that run on the workers (analyse, compare, and parsing as the embedded
run measured it) and ``serial`` the driver's marginal seconds per article (match). It assumes
matching stays linear per article (its candidates are windowed by time) and that the store
keeps up with the writes; see docs/scaling.md.

The issue asks for 100K articles. Cross-checking (compare) measured up to half a second per
article on this 2-core machine, so 100K would take about a day here: the default size is 184
documents (4 variants; 181 distinct articles), and the 100K and 50M figures are projections,
not measurements. Usage: ``python bench/bench_engines.py [--articles N]``.
"""

from __future__ import annotations

import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "examples" / "corpus"
RESULTS = REPO / "bench" / "results" / "engines.json"
ARTICLES = 184
RAY_CPUS = 2
WORKERS = (1, 2, 4, 8, 16, 32, 64, 128)
_NUMBER = re.compile(r"(?<![\d.,])\d{3,}(?![\d])")


def vary(text: str, k: int) -> str:
    """Variant ``k`` of a sample file's text (see the module doc)."""

    def replace(match: re.Match[str]) -> str:
        value = int(match.group())
        return str(value + k if 1900 <= value <= 2099 else value + 13 * k)

    return _NUMBER.sub(replace, text) if k else text


def generate(folder: Path, articles: int) -> list[Path]:
    """Write variants of the sample corpus into ``folder`` until there are ``articles`` articles."""
    from kroscek.ingest import list_inputs, read_file

    sources = list_inputs([CORPUS])
    per_file = [sum(1 for _ in read_file(path)) for path in sources]
    written: list[Path] = []
    total, k = 0, 0
    while total < articles:
        for path, count in zip(sources, per_file):
            target = folder / f"{k:04d}_{path.name}"
            target.write_text(vary(path.read_text(encoding="utf-8"), k), encoding="utf-8")
            written.append(target)
            total += count
        k += 1
    return written


def run_embedded(files: list[Path], db: Path) -> dict:
    from kroscek.analyse.embed import Embedder
    from kroscek.engine.local import compare, ingest, match
    from kroscek.ingest import read_paths
    from kroscek.store import Store

    store = Store(db)
    stages: dict[str, float] = {}
    started = time.perf_counter()
    documents = sum(1 for _ in read_paths(files))
    stages["read"] = time.perf_counter() - started
    mark = time.perf_counter()
    summary = ingest(files, store)
    stages["analyse"] = time.perf_counter() - mark - stages["read"]
    mark = time.perf_counter()
    embedder = Embedder()
    embedder.embed_articles(store.articles())
    store.put_embeddings(dict(embedder.cache))
    stages["embed"] = time.perf_counter() - mark
    mark = time.perf_counter()
    stories = len(match(store).stories)
    stages["match"] = time.perf_counter() - mark
    mark = time.perf_counter()
    briefs = compare(store)
    stages["compare"] = time.perf_counter() - mark
    return {"documents": documents, "articles": summary.added, "rejected": len(summary.rejected),
            "stories": stories, "briefs": briefs, "stage_seconds": stages, "workers": 1}


def run_ray_engine(files: list[Path], db: Path) -> dict:
    import logging

    import ray

    from kroscek.engine.ray import run_ray

    logging.getLogger("ray.data").setLevel(logging.WARNING)
    started = time.perf_counter()
    ray.init(num_cpus=RAY_CPUS, include_dashboard=False, log_to_driver=False)
    startup = time.perf_counter() - started
    try:
        result = run_ray(files, db)
    finally:
        ray.shutdown()
    return {"articles": result.ingest.added, "rejected": len(result.ingest.rejected), "stories": result.stories,
            "briefs": result.briefs, "stage_seconds": {"startup": startup, **result.stage_seconds},
            "workers": result.workers}


def run_case(engine: str, folder: Path) -> dict:
    """One engine over the corpus in ``folder`` (``ray-half``: its first half of the variants)."""
    files = sorted(folder.glob("*_*"))
    if engine == "ray-half":
        variants = sorted({f.name.split("_", 1)[0] for f in files})
        files = [f for f in files if f.name.split("_", 1)[0] in variants[: max(1, len(variants) // 2)]]
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        row = (run_embedded if engine == "embedded" else run_ray_engine)(files, Path(tmp) / "bench.db")
        total = time.perf_counter() - started
    row.update(engine=engine, seconds=total, articles_per_second=row["articles"] / total,
               peak_memory_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return row


def matching_seconds_per_article() -> float:
    """Default matching's seconds per article at the largest size ``bench_matching`` measured (0 if none)."""
    path = REPO / "bench" / "results" / "matching.json"
    if not path.exists():
        return 0.0
    largest = max(json.loads(path.read_text(encoding="utf-8"))["sizes"], key=lambda row: row["articles"])
    return largest["cluster_ms_per_article"] / 1000


def projection(rows: list[dict], sizes: tuple[int, ...] = (100_000, 50_000_000)) -> dict:
    """Hours for ``sizes`` articles on W Ray workers, from the measured per-article stage costs.

    The two Ray runs (half and all of the corpus) split each stage into a fixed part (start-up,
    loading the models into each actor) and a marginal cost per article: the difference of the
    two runs' stage seconds over the difference of their article counts. Parallel, per article:
    the marginal worker-seconds of ``analyse`` and ``compare`` (seconds x workers) plus the
    embedded run's parsing cost per article. Serial: the marginal cost of ``match`` (on the
    driver), or, when larger, matching's cost per article at the largest size of
    ``bench_matching`` (``bench/results/matching.json``): a few hundred articles are too few to
    measure the driver, whose time per article grows with the articles in a time window.
    Fixed: everything else the full Ray run spent.
    """
    embedded, half, full = rows
    workers, extra = full["workers"], full["articles"] - half["articles"]

    def marginal(stage: str) -> float:
        return max(0.0, (full["stage_seconds"][stage] - half["stage_seconds"][stage]) / extra)

    parallel = (marginal("analyse") + marginal("compare")) * workers
    parallel += embedded["stage_seconds"]["read"] / embedded["articles"]
    serial = max(marginal("match"), matching_seconds_per_article())
    fixed = sum(full["stage_seconds"].values()) - full["articles"] * (parallel / workers + serial)
    table = {
        str(w): {f"{n}": round((fixed + n * (parallel / w + serial)) / 3600, 2) for n in sizes}
        | {"articles_per_second": round(1 / (parallel / w + serial), 1)}
        for w in WORKERS
    }
    return {"parallel_worker_seconds_per_article": round(parallel, 4),
            "serial_driver_seconds_per_article": round(serial, 5), "fixed_seconds": round(fixed, 1),
            "hours_by_workers": table, "max_articles_per_second": round(1 / serial, 1) if serial else None}


def main() -> None:
    articles = int(sys.argv[sys.argv.index("--articles") + 1]) if "--articles" in sys.argv else ARTICLES
    try:
        import ray  # noqa: F401
    except ImportError:
        print("bench_engines: skipped (Ray is not installed: pip install 'kroscek[ray]')")
        return
    load_before = os.getloadavg()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generated = generate(folder, articles)
        for engine in ("embedded", "ray-half", "ray"):
            output = subprocess.run([sys.executable, __file__, "--case", engine, str(folder)], check=True,
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
                   "generator": "variants of examples/corpus (years +k, other 3+ digit numbers +13k)"},
        "load_average_before_after": [round(load_before[0], 2), round(load_after[0], 2)],
        "contended": contended,
        "note": ("measured while other jobs shared this machine's CPUs (load average above half the "
                 "CPU count): absolute times are inflated" if contended else "measured on an otherwise idle machine"),
        "results": rows,
        "projection": projection(rows),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(record, indent=2) + "\n")
    print_table(record)
    print(f"written {RESULTS}")


def print_table(record: dict) -> None:
    print(f"{record['corpus']['articles']} generated articles; {record['note']} "
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
    if len(sys.argv) == 4 and sys.argv[1] == "--case":
        print(json.dumps(run_case(sys.argv[2], Path(sys.argv[3]))))
    else:
        main()
