"""Finding the earlier fact-check of a claim (``data/check/claims.jsonl``).

Each label names a turnbackhoax fact-check by its ``ID`` (``../shared/data/turnbackhoax``), a
short paraphrase of its claim written for the labels, and whether the paraphrase is the claim
that fact-check checked (``match``: false for a claim with another place, number, person or
subject, whose verdict is not that fact-check's). Every fact-check of the CSV is indexed, so the
other 999 are the distractors.

Per claim a system shows one fact-check or none. Right: the labelled one shown for a ``match``
claim. Wrong: any other shown (a wrong verdict shown). Precision = right / shown, recall = right /
``match`` claims.

- **kroscek**: ``check.FactCheckIndex.match`` (TF-IDF over cheap stems and numbers, above
  ``FACTCHECK_SIM``; a fact-check giving another value in a slot, or another place, is not shown).
- **baseline**: plain word TF-IDF nearest neighbour over the fact-check titles, shown above a
  threshold chosen for F1 on the tune half.

Claims are split by a fixed hash (held back when sha1(id)'s first byte is odd).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table
from sklearn.feature_extraction.text import TfidfVectorizer

from kroscek.check import FACTCHECK_SIM, FactCheckIndex, claim_fact
from kroscek.eval import shared_data_dir
from kroscek.factchecks import fact_check_id, read_turnbackhoax_csv


def held_back(label_id: str) -> bool:
    return hashlib.sha1(label_id.encode("utf-8")).digest()[0] % 2 == 1


def score(labels: list[dict], shown: list[str | None]) -> dict[str, Any]:
    right = sum(1 for label, got in zip(labels, shown) if label["match"] and got == label["factcheck"])
    total_shown = sum(1 for got in shown if got is not None)
    positives = sum(1 for label in labels if label["match"])
    return {"claims": len(labels), "match": positives, "shown": total_shown, "right": right,
            "wrong": total_shown - right,
            "precision": right / total_shown if total_shown else 0.0, "recall": right / positives if positives else 0.0}


def _f1(result: dict[str, Any]) -> float:
    p, r = result["precision"], result["recall"]
    return 2 * p * r / (p + r) if p + r else 0.0


def main(path: Path, data: str | None = None, threshold: str | None = None) -> dict[str, Any]:
    labels = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    csv_path = shared_data_dir(Path(path), data) / "turnbackhoax" / "turnbackhoax.csv"
    checks = read_turnbackhoax_csv(csv_path)
    ids = _csv_ids(csv_path)
    assert len(ids) == len(checks)
    records = [c.to_dict() for c in checks]
    row_of = {r["id"]: n for n, r in enumerate(records)}

    index = FactCheckIndex(records)
    limit = float(threshold) if threshold else FACTCHECK_SIM
    system = []
    for label in labels:
        hits = index.match(claim_fact(label["claim"]), threshold=limit, limit=1)
        system.append(ids[row_of[fact_check_id(hits[0].url, hits[0].claim)]] if hits else None)

    vectorizer = TfidfVectorizer(sublinear_tf=True).fit([r["claim"] for r in records])
    matrix = vectorizer.transform([r["claim"] for r in records])
    queries = vectorizer.transform([label["claim"] for label in labels])
    cosines = (queries @ matrix.T).toarray()
    best = cosines.argmax(axis=1)
    best_score = cosines[np.arange(len(labels)), best]
    tune = [i for i, label in enumerate(labels) if not held_back(label["id"])]
    back = [i for i, label in enumerate(labels) if held_back(label["id"])]

    def baseline(at: float, rows: list[int]) -> list[str | None]:
        return [ids[best[i]] if best_score[i] >= at else None for i in rows]

    chosen = max(np.arange(0.05, 0.95, 0.05), key=lambda at: (_f1(score([labels[i] for i in tune], baseline(at, tune))), -at))
    results: dict[str, Any] = {"threshold": limit, "baseline_threshold": round(float(chosen), 2)}
    for part, rows in (("tune", tune), ("held-back", back), ("all", list(range(len(labels))))):
        subset = [labels[i] for i in rows]
        results[part] = {"kroscek": score(subset, [system[i] for i in rows]),
                         "baseline": score(subset, baseline(chosen, rows))}
    table = Table(title=f"earlier fact-check found ({len(labels)} claims, {len(records)} fact-checks indexed; "
                        f"threshold {limit}, baseline {results['baseline_threshold']})")
    for column in ("split", "system", "claims", "match", "shown", "right", "wrong", "precision", "recall"):
        table.add_column(column)
    for part in ("tune", "held-back", "all"):
        for name in ("kroscek", "baseline"):
            r = results[part][name]
            table.add_row(part, name, *(str(r[k]) for k in ("claims", "match", "shown", "right", "wrong")),
                          f"{r['precision']:.3f}", f"{r['recall']:.3f}")
    Console().print(table)
    misses = [(label, got) for label, got in zip(labels, system)
              if (label["match"] and got != label["factcheck"]) or (not label["match"] and got is not None)]
    for label, got in misses:
        part = "held-back" if held_back(label["id"]) else "tune"
        Console().print(f"  {part} {label['id']}: {label['claim']!r} -> {got or 'none'} (labelled {label['factcheck']}, "
                        f"match {label['match']})", highlight=False)
    return results


def _csv_ids(csv_path: Path) -> list[str]:
    """The CSV's ``ID`` of each fact-check, in the order ``read_turnbackhoax_csv`` reads them."""
    import csv
    import sys

    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        return [row["ID"] for row in csv.DictReader(handle) if " ".join((row.get("judul") or "").split())]
