"""kroscek beside the pipeline a user would otherwise build, in one run on the same articles:
throughput, CPU time, peak memory and story clustering BCubed F1, written to
bench/results/peer.json and printed (part of `make bench`).

Systems, each in a fresh process (so its peak memory, max RSS, is its own) over the same JSON
Lines file:
- ``default``: `kroscek run` (the embedded engine: read, analyse, match, cross-check, report)
  over a new SQLite store;
- ``fast``: the same with ``--fast``;
- ``peer``: e5 (multilingual-e5-small, the same encoder kroscek uses) embeddings of title + lead
  (the raw text's first 400 characters, as kroscek's matching reads them) for every article, then
  HDBSCAN over cosine distances (``min_cluster_size=2``: a story has at least two articles;
  everything else a single), no analysis and no cross-checking. ``peer_best_f1`` is the best
  BCubed of a small HDBSCAN grid chosen on the gold labels themselves, untimed (an upper bound).
All three see the same articles (exact duplicates, by kroscek's content id, read once), and
their times include loading the models (a cold process, as a user starts it); ``cpu_seconds``
(user + system of the process) is less sensitive than the wall clock to other work on a shared
machine.

Datasets:
- ``indonews``: the labelled multi-outlet set (data/stories/indonews-stories.json: detik, Kompas
  and Republika, early June 2025), every labelled article;
- ``detik-1000``: every row of ../shared/data/detik-1000/articles.csv, scored against the labelled
  subset (data/stories/detik-stories.json).
The text is read from ../shared/data at run time and written only to a temporary folder.

Usage: ``python bench/bench_peer.py [--datasets indonews,detik-1000] [--systems default,fast,peer]
[--limit N]`` (``--limit``: the first N articles of each dataset only; the rows are named so).
"""

from __future__ import annotations

import csv
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results" / "peer.json"
SHARED = REPO.parent / "shared" / "data"
LABELS = {"indonews": REPO / "data" / "stories" / "indonews-stories.json",
          "detik-1000": REPO / "data" / "stories" / "detik-stories.json"}
DETIK = SHARED / "detik-1000" / "articles.csv"
DATASETS = ("indonews", "detik-1000")
SYSTEMS = ("default", "fast", "peer")
PEER_MIN_CLUSTER = 2
PEER_GRID = [(size, epsilon) for size in (2, 3) for epsilon in (0.0, 0.05, 0.1, 0.15)]


@dataclass
class Run:
    """One system on one dataset, as its process reports it."""

    dataset: str
    system: str
    articles: int
    seconds: float
    cpu_seconds: float
    peak_memory_mb: float
    stage_seconds: dict[str, float]
    clusters: dict[str, str]  # article id -> story (or cluster) id
    grid: dict[str, dict[str, str]] = field(default_factory=dict)  # peer: setting -> labels (untimed)


def write_records(dataset: str, path: Path, limit: int | None = None) -> dict[str, str]:
    """Write the dataset's articles (the first ``limit``) as JSON Lines at ``path``; returns gold story by URL."""
    from kroscek.eval.clustering import read_labelled

    labels = json.loads(LABELS[dataset].read_text(encoding="utf-8"))
    records: list[dict] = []
    if dataset == "detik-1000":
        csv.field_size_limit(sys.maxsize)
        with DETIK.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                published = datetime.strptime(row["tanggal"], "%m/%d/%Y %H:%M").isoformat(timespec="minutes")
                records.append({"title": row["judul"], "text": row["isi_berita"], "url": row["tautan"],
                                "outlet": "detik.com", "published": published, "language": "id"})
        gold = {row["url"]: story for story, row in _detik_gold(labels)}
    else:
        gold = {}
        for item in read_labelled(LABELS[dataset]):
            d = item.document
            records.append({"title": d.title, "text": d.text, "url": d.url, "outlet": d.outlet,
                            "published": d.published, "language": d.language})
            gold[d.url] = item.story
    with path.open("w", encoding="utf-8") as handle:
        for record in records[:limit]:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return gold


def _detik_gold(labels: dict) -> list[tuple[str, dict]]:
    csv.field_size_limit(sys.maxsize)
    with DETIK.open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    pairs = [(f"detik:{story}", rows[i]) for story, ids in labels["stories"].items() for i in ids]
    pairs += [(f"detik:{i}", rows[i]) for i in labels.get("singletons", [])]
    return [(story, {"url": row["tautan"]}) for story, row in pairs]


def documents(path: Path) -> list:
    """The file's documents as kroscek reads them, one per content id (the first of duplicates)."""
    from kroscek.ingest import read_file
    from kroscek.model import Document
    from kroscek.pipeline import article_id

    seen: dict[str, Document] = {}
    for item in read_file(path):
        if isinstance(item, Document):
            seen.setdefault(article_id(item), item)
    return list(seen.values())


def run_kroscek(dataset: str, path: Path, fast: bool) -> Run:
    from kroscek.engine import local
    from kroscek.progress import Progress
    from kroscek.report import build_report
    from kroscek.report.html import write_report
    from kroscek.settings import Settings
    from kroscek.store import Store

    class StageClock(Progress):
        def __init__(self) -> None:
            self.seconds: dict[str, float] = {}

        def _ended(self, seconds: float) -> None:
            self.seconds[self.name or ""] = self.seconds.get(self.name or "", 0.0) + seconds

    clock = StageClock()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        started = time.perf_counter()
        settings = Settings.from_options(fast=fast)
        summary = local.ingest([path], store, progress=clock, settings=settings)
        local.match(store, settings=settings, progress=clock)
        local.compare(store, settings=settings, progress=clock)
        mark = time.perf_counter()
        try:
            write_report(build_report(store), Path(tmp) / "report")
            clock.seconds["report"] = time.perf_counter() - mark
        except Exception as error:  # noqa: BLE001 - a broken report leaves the other stages' figures standing
            print(f"report failed: {type(error).__name__}: {error}", file=sys.stderr)
        seconds = time.perf_counter() - started
        clusters = {a: story.id for story in store.stories() for a in story.articles}
    return Run(dataset, "fast" if fast else "default", summary.added, seconds, _cpu(), _peak(), clock.seconds, clusters)


def run_peer(dataset: str, path: Path) -> Run:
    import numpy as np
    from sklearn.cluster import HDBSCAN

    from kroscek.analyse.embed import Embedder, passage
    from kroscek.pipeline import article_id
    from kroscek.model import Document

    stages: dict[str, float] = {}
    started = time.perf_counter()
    seen: dict[str, dict] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            key = article_id(Document(source=record["url"], text=record["text"], title=record["title"]))
            seen.setdefault(key, record)
    ids, records = list(seen), list(seen.values())
    stages["read"] = time.perf_counter() - started
    mark = time.perf_counter()
    vectors = Embedder().embed_texts([passage(r["title"] or "", r["text"]) for r in records])
    stages["embed"] = time.perf_counter() - mark
    mark = time.perf_counter()
    distances = np.clip(1.0 - vectors @ vectors.T, 0.0, 2.0).astype(np.float64)

    def cluster(size: int, epsilon: float) -> dict[str, str]:
        raw = HDBSCAN(min_cluster_size=size, metric="precomputed", cluster_selection_epsilon=epsilon, copy=True).fit_predict(distances)
        return {i: (f"c{x}" if x >= 0 else f"single-{i}") for i, x in zip(ids, raw)}

    clusters = cluster(PEER_MIN_CLUSTER, 0.0)
    stages["cluster"] = time.perf_counter() - mark
    seconds = time.perf_counter() - started
    cpu, peak = _cpu(), _peak()
    grid = {}
    for size, epsilon in PEER_GRID:
        try:
            grid[f"min size {size}, epsilon {epsilon}"] = cluster(size, epsilon)
        except TypeError:  # scikit-learn's epsilon search fails on some trees; that setting is skipped
            continue
    return Run(dataset, "peer", len(ids), seconds, cpu, peak, stages, clusters, grid)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def score(gold_by_url: dict[str, str], docs: list, clusters: dict[str, str]) -> dict:
    """BCubed over the labelled articles the system kept (by content id; a rejected one is left out)."""
    from kroscek.eval.clustering import bcubed
    from kroscek.pipeline import article_id

    gold, predicted = [], []
    for doc in docs:
        key = article_id(doc)
        if doc.source in gold_by_url and key in clusters:
            gold.append(gold_by_url[doc.source])
            predicted.append(clusters[key])
    if not gold:
        return {"labelled": 0}
    precision, recall, f1 = bcubed(gold, predicted)
    return {"labelled": len(gold), "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


def main(datasets: list[str], systems: list[str], limit: int | None = None) -> None:
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        for dataset in datasets:
            if not LABELS[dataset].exists() or not SHARED.exists():
                print(f"{dataset}: skipped (labels or ../shared/data missing)")
                continue
            path = Path(tmp) / f"{dataset}.jsonl"
            gold = write_records(dataset, path, limit)
            docs = documents(path)
            name = dataset if limit is None else f"{dataset} (first {limit})"
            print(f"{name}: {len(docs)} distinct articles, {sum(d.source in gold for d in docs)} labelled")
            by_system: dict[str, dict] = {}
            for system in systems:
                before = load_average()
                command = [sys.executable, __file__, "--case", dataset, system, str(path)]
                output = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
                run = Run(**json.loads(output.strip().splitlines()[-1]))
                row = {key: value for key, value in asdict(run).items() if key not in ("clusters", "grid")}
                row["dataset"] = name
                row["stage_seconds"] = {k: round(v, 2) for k, v in run.stage_seconds.items()}
                total = sum(run.stage_seconds.values())
                row["stage_share"] = {k: round(v / total, 3) for k, v in run.stage_seconds.items()} if total else {}
                row["seconds"], row["cpu_seconds"] = round(run.seconds, 2), round(run.cpu_seconds, 2)
                row["peak_memory_mb"] = round(run.peak_memory_mb, 1)
                row["articles_per_second"] = round(run.articles / run.seconds, 2)
                row["cpu_ms_per_article"] = round(1000 * run.cpu_seconds / max(1, run.articles), 1)
                row["stories"] = len(set(run.clusters.values()))
                row["bcubed"] = score(gold, docs, run.clusters)
                if run.grid:
                    best = max(run.grid.items(), key=lambda item: score(gold, docs, item[1]).get("f1", 0.0))
                    row["peer_best_f1"] = {"setting": best[0], **score(gold, docs, best[1])}
                row["load_average_before_after"] = [before, load_average()]
                rows.append(row)
                by_system[system] = row
                shares = "  ".join(f"{k} {100 * v:.0f}%" for k, v in row["stage_share"].items())
                print(f"  {system:8s} {run.articles:5d} articles  {row['articles_per_second']:8.2f} articles/s  "
                      f"{row['cpu_ms_per_article']:8.1f} CPU ms/article  peak {row['peak_memory_mb']:6.0f} MB  "
                      f"F1 {row['bcubed'].get('f1', float('nan')):.3f}  {row['stories']} stories  load {before}")
                print(f"           stages: {shares}")
                if "peer_best_f1" in row:
                    print(f"           best HDBSCAN setting on the labels: F1 {row['peer_best_f1']['f1']:.3f} "
                          f"({row['peer_best_f1']['setting']})")
            if "peer" in by_system:
                peer = by_system["peer"]
                for system in ("default", "fast"):
                    if system in by_system:
                        mine = by_system[system]
                        mine["vs_peer"] = {
                            "speed": round(mine["articles_per_second"] / peer["articles_per_second"], 2),
                            "cpu": round(mine["cpu_seconds"] / peer["cpu_seconds"], 2),
                            "memory": round(mine["peak_memory_mb"] / peer["peak_memory_mb"], 2),
                            "f1_difference": round(mine["bcubed"].get("f1", 0) - peer["bcubed"].get("f1", 0), 3),
                        }
                        print(f"  {system} / peer: speed x{mine['vs_peer']['speed']}, CPU x{mine['vs_peer']['cpu']}, "
                              f"memory x{mine['vs_peer']['memory']}, F1 {mine['vs_peer']['f1_difference']:+.3f}")
    record = {"machine": f"{platform.machine()} {platform.processor()} cpus={os.cpu_count()}",
              "python": platform.python_version(), "results": rows}
    if RESULTS.exists():  # a run of some datasets or systems keeps the others' rows
        kept = [r for r in json.loads(RESULTS.read_text()).get("results", [])
                if (r["dataset"], r["system"]) not in {(x["dataset"], x["system"]) for x in rows}]
        record["results"] = kept + rows
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(record, indent=2) + "\n")
    print(f"written {RESULTS}")


def case(dataset: str, system: str, path: Path) -> Run:
    if system == "peer":
        return run_peer(dataset, path)
    return run_kroscek(dataset, path, fast=system == "fast")


if __name__ == "__main__":
    if "--case" in sys.argv:
        at = sys.argv.index("--case")
        print(json.dumps(asdict(case(sys.argv[at + 1], sys.argv[at + 2], Path(sys.argv[at + 3])))))
    else:
        def option(name: str, default: tuple[str, ...]) -> list[str]:
            return sys.argv[sys.argv.index(name) + 1].split(",") if name in sys.argv else list(default)

        main(option("--datasets", DATASETS), option("--systems", SYSTEMS),
             int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else None)
