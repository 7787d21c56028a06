"""What cross-checking costs in the default mode, and where: the e5 texts it encodes and the CPU
time of each part of checking a story, on a store whose stories are already matched.

The store is copied and the sentence embeddings an earlier run kept in it are dropped (the
articles' title-and-lead vectors of matching stay), so every story is cross-checked from cold, as
in a first ``kroscek run``. The e5 model loads before timing. ``--exact`` turns the e5 cascade
off (``KROSCEK_CASCADE=off``: e5 for every claim, every quote and every translation candidate's
sentences) to compare both on one store state.

Usage: ``python bench/bench_crosscheck.py STORE.db [--exact] [--stories N] [--all]``; prints one JSON
object (CPU seconds user + system of this process, the parts' shares, e5 texts encoded).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

PARTS = {  # part -> (module, function) wrapped with a CPU timer
    "entities": ("kroscek.compare.story", "resolve_entities"),
    "quotes": ("kroscek.compare.story", "match_quotes"),
    "provenance": ("kroscek.compare.story", "find_provenance"),
    "facts": ("kroscek.compare.story", "cross_check"),
}


def _cpu() -> float:
    times = os.times()
    return times.user + times.system


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("store")
    parser.add_argument("--exact", action="store_true", help="e5 for everything (the cascade off)")
    parser.add_argument("--stories", type=int, default=None, help="only the first N stories of two or more articles")
    parser.add_argument("--all", action="store_true", help="every story, one-article ones too (the whole stage)")
    options = parser.parse_args()
    if options.exact:
        from kroscek.settings import CASCADE_VARIABLE

        os.environ[CASCADE_VARIABLE] = "off"
    import importlib

    from kroscek.analyse import embed
    from kroscek.engine.local import compare
    from kroscek.store import Store

    encoded: Counter[str] = Counter()
    model = embed._e5()

    class Counting:  # the e5 model, counting the texts it encodes
        def query(self, texts: list[str]):  # noqa: ANN201
            encoded["query"] += len(texts)
            return model.query(texts)

        def passage(self, texts: list[str]):  # noqa: ANN201
            encoded["passage"] += len(texts)
            return model.passage(texts)

    embed._e5 = lambda: Counting()
    spent: Counter[str] = Counter()
    for part, (module_name, function) in PARTS.items():
        module = importlib.import_module(module_name)
        original = getattr(module, function)

        def timed(*args, _original=original, _part=part, **kwargs):  # noqa: ANN002, ANN003, ANN202
            start = _cpu()
            try:
                return _original(*args, **kwargs)
            finally:
                spent[_part] += _cpu() - start

        setattr(module, function, timed)
    model.query(["warm"])  # the model loads before timing
    embed.static_model()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store.db"
        shutil.copy(options.store, path)
        with sqlite3.connect(path) as db:
            db.execute("DELETE FROM embeddings WHERE key LIKE 'e5:%' OR key LIKE 'e5-passage:%'")
        store = Store(path)
        stories = [s for s in store.stories() if options.all or len(s.articles) > 1]
        if options.stories:
            stories = stories[: options.stories]
        articles = sum(len(s.articles) for s in stories)
        start, wall = _cpu(), time.perf_counter()
        compare(store, [s.id for s in stories])
        cpu, wall = _cpu() - start, time.perf_counter() - wall
        store.close() if hasattr(store, "close") else None
    print(json.dumps({
        "store": str(options.store), "cascade": not options.exact, "stories": len(stories), "articles": articles,
        "cpu_seconds": round(cpu, 2), "wall_seconds": round(wall, 2),
        "cpu_ms_per_article": round(1000 * cpu / max(articles, 1), 1),
        "parts_cpu_seconds": {k: round(v, 2) for k, v in spent.items()},
        "e5_texts": dict(encoded), "load_average": round(os.getloadavg()[0], 1),
    }))


if __name__ == "__main__":
    sys.exit(main())
