"""Contradiction detection on IndoNLI: the shipped lexical model beside two baselines.

PATH is the IndoNLI folder (``test_lay.jsonl``, ``test_expert.jsonl``, and ``train.jsonl`` /
``val.jsonl`` for the baselines) or one JSONL file of pairs (fields ``premise``, ``hypothesis``,
``label`` in ``e`` / ``n`` / ``c``). For each test file: 3-class accuracy and contradiction
precision / recall / F1 (``c`` against the rest) of

- kroscek: :class:`kroscek.compare.nli.ContradictionModel`, the most probable label;
- majority class: the most frequent label of ``train.jsonl`` (of ``val.jsonl`` without it);
- word overlap: a negation word in one side only -> contradiction, else the share of hypothesis
  words found in the premise at or above a threshold -> entailment, else neutral; the threshold
  is the one with the best accuracy on ``val.jsonl`` (0.8 without it).

Options: ``splits`` (comma-separated file stems, default ``test_lay,test_expert``).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from kroscek.compare.nli import LABEL_CODES, ContradictionModel, negation_words
from kroscek.train.nli import read_pairs

_WORD = re.compile(r"\w+(?:-\w+)*")
DEFAULT_THRESHOLD = 0.8
THRESHOLDS = tuple(round(0.3 + 0.05 * i, 2) for i in range(15))  # 0.3 .. 1.0


def _overlap_cues(pairs: list[tuple[str, str]]) -> tuple[np.ndarray, np.ndarray]:
    """Share of hypothesis words in the premise, and whether a negation is on one side only."""
    negations = negation_words()
    overlap, negated = [], []
    for premise, hypothesis in pairs:
        p = set(_WORD.findall(premise.casefold()))
        h = set(_WORD.findall(hypothesis.casefold()))
        overlap.append(len(h & p) / len(h) if h else 1.0)
        negated.append(bool(p & negations) != bool(h & negations))
    return np.asarray(overlap), np.asarray(negated)


def overlap_baseline(pairs: list[tuple[str, str]], threshold: float) -> np.ndarray:
    overlap, negated = _overlap_cues(pairs)
    return np.where(negated, 2, np.where(overlap >= threshold, 0, 1))


def choose_threshold(pairs: list[tuple[str, str]], labels: np.ndarray) -> float:
    overlap, negated = _overlap_cues(pairs)
    scores = {t: float((np.where(negated, 2, np.where(overlap >= t, 0, 1)) == labels).mean()) for t in THRESHOLDS}
    return max(THRESHOLDS, key=lambda t: (scores[t], -t))


def scores(gold: np.ndarray, predicted: np.ndarray) -> dict:
    """Accuracy and contradiction precision / recall / F1."""
    tp = int(((gold == 2) & (predicted == 2)).sum())
    precision = tp / max(1, int((predicted == 2).sum()))
    recall = tp / max(1, int((gold == 2).sum()))
    return {
        "accuracy": float((gold == predicted).mean()) if len(gold) else 0.0,
        "contradiction_precision": precision,
        "contradiction_recall": recall,
        "contradiction_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
    }


def main(path: Path, splits: str = "test_lay,test_expert") -> dict:
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    files = [folder / f"{name}.jsonl" for name in splits.split(",")] if path.is_dir() else [path]
    files = [file for file in files if file.is_file()]
    source = next((folder / f"{name}.jsonl" for name in ("train", "val") if (folder / f"{name}.jsonl").is_file()), None)
    majority = Counter(read_pairs(source)[1].tolist()).most_common(1)[0][0] if source else LABEL_CODES["e"]
    val = folder / "val.jsonl"
    threshold = choose_threshold(*read_pairs(val)) if val.is_file() else DEFAULT_THRESHOLD
    model = ContradictionModel.load()
    figures: dict = {"majority_label": "enc"[majority], "overlap_threshold": threshold, "splits": {}}
    table = Table(title=f"IndoNLI: 3-class accuracy and contradiction P / R / F1 (overlap threshold {threshold:g}, chosen on val)")
    for column in ("test set", "pairs", "system", "accuracy", "contr. P", "contr. R", "contr. F1"):
        table.add_column(column)
    for file in files:
        pairs, gold = read_pairs(file)
        systems = {
            "kroscek": model.predict_proba(pairs).argmax(axis=1) if pairs else np.zeros(0, dtype=np.int64),
            "majority class": np.full(len(gold), majority),
            "word overlap": overlap_baseline(pairs, threshold) if pairs else np.zeros(0, dtype=np.int64),
        }
        split = {"pairs": len(gold)}
        for name, predicted in systems.items():
            split[name] = result = scores(gold, predicted)
            table.add_row(file.stem, str(len(gold)), name, f"{result['accuracy']:.3f}",
                          f"{result['contradiction_precision']:.3f}", f"{result['contradiction_recall']:.3f}",
                          f"{result['contradiction_f1']:.3f}")
        figures["splits"][file.stem] = split
    Console().print(table)
    return figures
