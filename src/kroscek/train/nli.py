"""Train the Indonesian contradiction model that ships in ``resources/nli/`` (``make train-nli``).

Training data: IndoNLI (CC BY-SA / Apache-2.0 premises). The regularisation ``C`` of the
logistic regression is chosen on ``val.jsonl`` (3-class accuracy) after fitting on
``train.jsonl``; the shipped model is then refitted with that ``C`` on train + val. The test
splits (``test_lay``, ``test_expert``) are never read here. Writes ``id.npz`` (coefficients and
the hashed columns kept; arrays only) and ``id.json`` (parameters, validation figures).

    python -m kroscek.train.nli [--data ../shared/data/indonli] [--out DIR] [--c 0.02,0.05]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from kroscek.compare.nli import LABEL_CODES, KeepColumns, make_pipeline, pair_features, save_pipeline

OUT = Path(__file__).resolve().parents[1] / "resources" / "nli"
C_GRID = (0.01, 0.02, 0.05, 0.1, 0.3)
MIN_COUNT = 2


def read_pairs(path: Path) -> tuple[list[tuple[str, str]], np.ndarray]:
    """(premise, hypothesis) pairs and their label columns (0 e, 1 n, 2 c) of an IndoNLI file."""
    pairs, labels = [], []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                pairs.append((row["premise"], row["hypothesis"]))
                labels.append(LABEL_CODES[row["label"]])
    return pairs, np.asarray(labels, dtype=np.int64)


def _contradiction_f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    tp = int(((gold == 2) & (predicted == 2)).sum())
    precision = tp / max(1, int((predicted == 2).sum()))
    recall = tp / max(1, int((gold == 2).sum()))
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def choose_c(train: tuple, val: tuple, grid: tuple[float, ...]) -> tuple[float, dict]:
    """The C with the best validation accuracy, and every C's validation figures."""
    x_train, x_val = pair_features(train[0]), pair_features(val[0])
    keep = KeepColumns(min_count=MIN_COUNT).fit(x_train)
    x_train, x_val = keep.transform(x_train), keep.transform(x_val)
    figures = {}
    for c in grid:
        model = LogisticRegression(C=c, solver="lbfgs", max_iter=3000, tol=1e-4).fit(x_train, train[1])
        predicted = model.predict(x_val)
        figures[c] = {"accuracy": float((predicted == val[1]).mean()),
                      "contradiction_f1": _contradiction_f1(val[1], predicted)}
        print(f"C={c:g}: val accuracy {figures[c]['accuracy']:.3f}, contradiction F1 {figures[c]['contradiction_f1']:.3f}")
    best = max(grid, key=lambda c: (figures[c]["accuracy"], -c))
    return best, figures


def train(data: Path, out: Path, grid: tuple[float, ...] = C_GRID) -> Path:
    start = time.perf_counter()
    train_set, val_set = read_pairs(data / "train.jsonl"), read_pairs(data / "val.jsonl")
    best, figures = choose_c(train_set, val_set, grid)
    pipeline = make_pipeline(C=best, min_count=MIN_COUNT)
    pipeline.fit(train_set[0] + val_set[0], np.concatenate([train_set[1], val_set[1]]))
    seconds = time.perf_counter() - start
    out.mkdir(parents=True, exist_ok=True)
    info = {
        "trained_on": "IndoNLI train + val (C chosen on val after fitting on train)",
        "pairs": len(train_set[0]) + len(val_set[0]),
        "c_grid": {f"{c:g}": figure for c, figure in figures.items()},
        "chosen_c": best,
        "training_seconds": round(seconds, 1),
    }
    model = out / "id.npz"
    save_pipeline(pipeline, model, out / "id.json", info)
    kept = len(pipeline.named_steps["keep"].columns_)
    print(f"C={best:g}; {kept} columns; trained in {seconds:.0f} s -> {model} ({model.stat().st_size // 1024} KiB)")
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/indonli"))
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--c", default=",".join(f"{c:g}" for c in C_GRID), help="comma-separated C values to try")
    args = parser.parse_args()
    train(args.data, args.out, tuple(float(c) for c in args.c.split(",")))


if __name__ == "__main__":
    main()
