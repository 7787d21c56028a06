"""`make bench`: throughput and peak memory of kroscek's jobs, printed and written to bench/results/.

Each case runs in a fresh process so its peak memory (max RSS) is its own. Cases:
- ``run-sample``: `kroscek run` on the bundled sample corpus (examples/corpus);
- ``run-detik``: `kroscek run` on ../shared/data/detik-1000/articles.csv (CSV import, 1,000 articles);
then every other ``bench/bench_*.py`` script, each writing its own results file
(``python bench/run.py --jobs-only`` runs the two cases alone):
- ``bench_peer.py``: kroscek default, ``--fast`` and e5 + HDBSCAN side by side on the labelled
  multi-outlet set and detik-1000 (articles/s, CPU, peak memory, BCubed F1, ratios);
- ``bench_story_spans.py``: every story longer than 14 days on detik-1000 and the early-June
  data, default and ``--fast``, with the links that hold it together;
- ``bench_scale.py``: ``--fast`` cost per article at 1K and 10K generated articles, and the cost
  of cross-checking one story of 1 to 30 articles;
- ``bench_profile.py``: each analysis step's cost per article and each stage's share;
- ``bench_web.py``: page latency at 20 clients over 10K articles, quiet and during an upload;
- ``bench_long_articles.py``, ``bench_matching.py``, ``bench_engines.py``: see their own docs.
"""

from __future__ import annotations

import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
DETIK = REPO.parent / "shared" / "data" / "detik-1000" / "articles.csv"
DETIK_COLUMNS = {"title": "judul", "text": "isi_berita", "published": "tanggal", "url": "tautan"}

CASES = {
    "run-sample": ([REPO / "examples" / "corpus"], None),
    "run-detik": ([DETIK], DETIK_COLUMNS),
}


def run_case(name: str) -> dict:
    """Run the main job for one case in this process and measure each stage."""
    from kroscek.engine.local import compare, ingest, match
    from kroscek.ingest import list_inputs
    from kroscek.report import build_report
    from kroscek.report.html import write_report
    from kroscek.store import Store

    paths, columns = CASES[name]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        stages: dict[str, float] = {}
        started = time.perf_counter()
        summary = ingest(list_inputs(paths), store, columns=columns)
        stages["ingest"] = time.perf_counter() - started
        mark = time.perf_counter()
        result = match(store)
        stages["match"] = time.perf_counter() - mark
        mark = time.perf_counter()
        compare(store)
        stages["compare"] = time.perf_counter() - mark
        mark = time.perf_counter()
        write_report(build_report(store), Path(tmp) / "report")
        stages["report"] = time.perf_counter() - mark
        total = time.perf_counter() - started
    return {
        "case": name,
        "articles": summary.added,
        "rejected": len(summary.rejected),
        "stories": len(result.stories),
        "seconds": round(total, 2),
        "articles_per_second": round(summary.added / total, 2) if total else None,
        "stage_seconds": {k: round(v, 2) for k, v in stages.items()},
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main(scripts: bool = True) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, (paths, _columns) in CASES.items():
        if not all(p.exists() for p in paths):
            print(f"{name}: skipped ({', '.join(str(p) for p in paths if not p.exists())} missing)")
            continue
        output = subprocess.run(
            [sys.executable, __file__, "--case", name], check=True, capture_output=True, text=True
        ).stdout
        row = json.loads(output.strip().splitlines()[-1])
        rows.append(row)
        print(
            f"{name:12s} {row['articles']:6d} articles  {row['articles_per_second']:8.2f} articles/s  "
            f"peak {row['peak_memory_mb']:7.1f} MB  stages {row['stage_seconds']}"
        )
    record = {"machine": f"{platform.machine()} {platform.processor()} cpus={__import__('os').cpu_count()}",
              "python": platform.python_version(), "results": rows}
    (RESULTS / "run.json").write_text(json.dumps(record, indent=2) + "\n")
    print(f"written {RESULTS / 'run.json'}")
    for script in sorted((REPO / "bench").glob("bench_*.py")) if scripts else ():
        print(f"--- {script.name}")
        subprocess.run([sys.executable, str(script)], check=True)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--case":
        print(json.dumps(run_case(sys.argv[2])))
    else:
        main(scripts="--jobs-only" not in sys.argv[1:])
