"""Where a run's time goes: the cost per article of each analysis step and each stage's share of
the main job, written to bench/results/profile.json and printed (part of `make bench`).

Cases, each in a fresh process over a new SQLite store, in the default mode and with ``--fast``:
- ``sample``: the bundled sample corpus (examples/corpus);
- ``detik-300``: the first 300 rows of ../shared/data/detik-1000/articles.csv, read as
  ``--columns title=judul,text=isi_berita,published=tanggal,url=tautan``.

Analysis steps are timed by wrapping the functions ``kroscek.pipeline.analyse`` calls (the
analysis code itself is unchanged): cleaning, language, sentences, dates (event dates and the
stale check), NER (entity mentions) and quotes; ``other`` is the rest of ``analyse`` (article id,
building the article). The models load on a warm-up article before timing (``model_load_seconds``),
so the steps' costs are those of a loaded process. The stages are the ones ``kroscek run`` reports
(ingest = reading the files, analyse = the steps above plus the store writes, match, cross-check,
report), timed through the engine's progress reports.

Usage: ``python bench/bench_profile.py [--articles N]`` (detik rows, default 300).
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
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results" / "profile.json"
SAMPLE = REPO / "examples" / "corpus"
DETIK = REPO.parent / "shared" / "data" / "detik-1000" / "articles.csv"
DETIK_COLUMNS = {"title": "judul", "text": "isi_berita", "published": "tanggal", "url": "tautan"}
ARTICLES = 300
STEPS = {  # step -> the names kroscek.pipeline looks up
    "cleaning": ("clean",),
    "language": ("detect_language",),
    "sentences": ("split_sentences",),
    "dates": ("find_event_dates", "is_stale"),
    "NER": ("find_mentions",),
    "quotes": ("find_quotes",),
}
WARM_UP = ("Banjir Rendam Desa Sukamaju\n\nBanjir merendam 230 rumah di Desa Sukamaju pada Selasa (4/3/2025). "
           "Kepala desa, Darmawan, mengatakan warga mengungsi ke balai desa. \"Kami butuh perahu,\" kata Darmawan.")


def _timed(seconds: dict[str, float], step: str, function):
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[step] += time.perf_counter() - started

    return timed


def run_case(name: str, fast: bool, articles: int) -> dict:
    from kroscek import pipeline
    from kroscek.engine import local
    from kroscek.ingest import list_inputs
    from kroscek.model import Document
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

    with tempfile.TemporaryDirectory() as tmp:
        if name == "sample":
            paths, columns = [SAMPLE], None
        else:
            paths, columns = [Path(tmp) / "detik.csv"], DETIK_COLUMNS
            with DETIK.open(encoding="utf-8", newline="") as source, paths[0].open("w", encoding="utf-8", newline="") as cut:
                reader = csv.reader(source)
                writer = csv.writer(cut)
                writer.writerow(next(reader))
                for number, row in enumerate(reader):
                    if number >= articles:
                        break
                    writer.writerow(row)
        settings = Settings.from_options(fast=fast)
        started = time.perf_counter()
        pipeline.analyse(Document(source="warm-up", text=WARM_UP), settings=settings)  # loads the mode's analysis models
        model_load = time.perf_counter() - started

        steps = dict.fromkeys([*STEPS, "other"], 0.0)
        original = {n: getattr(pipeline, n) for names in STEPS.values() for n in names}
        for step, names in STEPS.items():
            for n in names:
                setattr(pipeline, n, _timed(steps, step, original[n]))
        whole = {"analyse": 0.0}
        local.analyse = _timed(whole, "analyse", pipeline.analyse)  # what engine.local.ingest calls

        clock = StageClock()
        store = Store(Path(tmp) / "bench.db")
        started = time.perf_counter()
        summary = local.ingest(list_inputs(paths), store, columns=columns, progress=clock, settings=settings)
        result = local.match(store, settings=settings, progress=clock)
        local.compare(store, settings=settings, progress=clock)
        mark = time.perf_counter()
        write_report(build_report(store), Path(tmp) / "report")
        clock.seconds["report"] = time.perf_counter() - mark
        total = time.perf_counter() - started
    steps["other"] = max(0.0, whole["analyse"] - sum(v for k, v in steps.items() if k != "other"))
    analysed = max(1, summary.added + len(summary.rejected))
    stage_total = sum(clock.seconds.values())
    return {
        "case": name,
        "mode": "fast" if fast else "default",
        "articles": summary.added,
        "stories": len(result.stories),
        "seconds": round(total, 2),
        "articles_per_second": round(summary.added / total, 2) if total else None,
        "model_load_seconds": round(model_load, 2),
        "analysis_ms_per_article": {k: round(1000 * v / analysed, 2) for k, v in steps.items()},
        "analysis_share": {k: round(v / whole["analyse"], 3) for k, v in steps.items()} if whole["analyse"] else {},
        "stage_seconds": {k: round(v, 2) for k, v in clock.seconds.items()},
        "stage_share": {k: round(v / stage_total, 3) for k, v in clock.seconds.items()} if stage_total else {},
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main(articles: int) -> None:
    rows = []
    for name in ("sample", "detik-300"):
        if name != "sample" and not DETIK.exists():
            print(f"{name}: skipped ({DETIK} missing)")
            continue
        for fast in (False, True):
            command = [sys.executable, __file__, "--case", name, "--articles", str(articles)] + (["--fast"] if fast else [])
            row = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
            rows.append(row)
            steps = "  ".join(f"{k} {v:.1f}" for k, v in row["analysis_ms_per_article"].items())
            shares = "  ".join(f"{k} {100 * v:.0f}%" for k, v in row["stage_share"].items())
            print(f"{name:10s} {row['mode']:8s} {row['articles']:4d} articles  {row['articles_per_second']:7.2f} articles/s  "
                  f"peak {row['peak_memory_mb']:.0f} MB")
            print(f"    analysis ms/article: {steps}")
            print(f"    stage shares: {shares}")
    record = {"machine": f"{platform.machine()} {platform.processor()} cpus={os.cpu_count()}",
              "python": platform.python_version(), "results": rows}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(record, indent=2) + "\n")
    print(f"written {RESULTS}")


if __name__ == "__main__":
    count = int(sys.argv[sys.argv.index("--articles") + 1]) if "--articles" in sys.argv else ARTICLES
    if "--case" in sys.argv:
        print(json.dumps(run_case(sys.argv[sys.argv.index("--case") + 1], "--fast" in sys.argv, count)))
    else:
        main(count)
