"""The shipped IndoNLI contradiction model: loads from the package, scores real cues, evaluates."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from kroscek.compare.nli import DENSE_FEATURES, LABELS, ContradictionModel, pair_features
from kroscek.eval import nli as eval_nli

# Made-up sentences, written for these tests.
PREMISE = "Dinas Perhubungan menaikkan tarif angkutan kota menjadi enam ribu rupiah mulai pekan depan."
PARAPHRASE = "Tarif angkutan kota akan naik menjadi enam ribu rupiah pekan depan."
NEGATED = "Dinas Perhubungan tidak menaikkan tarif angkutan kota pekan depan."
OTHER_NUMBER = "Tarif angkutan kota turun menjadi empat ribu rupiah pekan depan."
PAIRS = [(PREMISE, PARAPHRASE), (PREMISE, NEGATED), (PREMISE, OTHER_NUMBER)]


def test_labels_are_documented_order() -> None:
    assert LABELS == ("entailment", "neutral", "contradiction")


def test_shipped_model_loads_once_and_is_small() -> None:
    model = ContradictionModel.load()
    assert ContradictionModel.load() is model
    assert model.description["labels"] == list(LABELS)
    shipped = Path(__file__).resolve().parents[1] / "src" / "kroscek" / "resources" / "nli"
    assert sum(path.stat().st_size for path in shipped.iterdir()) < 2_000_000


def test_negation_is_more_contradictory_than_paraphrase() -> None:
    model = ContradictionModel.load()
    assert model.contradiction(PREMISE, NEGATED) > model.contradiction(PREMISE, PARAPHRASE)
    assert model.contradiction(PREMISE, NEGATED) > 0.5
    assert model.predict([(PREMISE, NEGATED)]) == ["contradiction"]
    assert model.contradiction(PREMISE, OTHER_NUMBER) > model.contradiction(PREMISE, PARAPHRASE)


def test_probabilities_sum_to_one() -> None:
    proba = ContradictionModel.load().predict_proba(PAIRS)
    assert proba.shape == (3, 3)
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert (proba >= 0).all()
    assert ContradictionModel.load().predict_proba([]).shape == (0, 3)


def test_features_are_deterministic() -> None:
    first, second = pair_features(PAIRS), pair_features(list(reversed(PAIRS)))[::-1]
    assert (first != second).nnz == 0
    dense = dict(zip(DENSE_FEATURES, pair_features([(PREMISE, NEGATED)]).toarray()[0]))
    assert dense["neg_h_only"] == 1.0 and dense["neg_p_only"] == 0.0
    numbers = dict(zip(DENSE_FEATURES, pair_features([(PREMISE, OTHER_NUMBER)]).toarray()[0]))
    assert numbers["num_h_only"] == 1.0 and numbers["num_conflict"] == 1.0
    assert numbers["antonym_split"] == 1.0  # turun vs menaikkan (stem naik)


def test_eval_runs_on_tiny_files(tmp_path: Path) -> None:
    rows = [
        {"premise": PREMISE, "hypothesis": PARAPHRASE, "label": "e"},
        {"premise": PREMISE, "hypothesis": NEGATED, "label": "c"},
        {"premise": PREMISE, "hypothesis": OTHER_NUMBER, "label": "c"},
        {"premise": PREMISE, "hypothesis": "Gubernur baru meresmikan terminal bus di pinggir kota.", "label": "n"},
    ]
    for name in ("train", "val", "test_lay", "test_expert"):
        (tmp_path / f"{name}.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    figures = eval_nli.main(tmp_path)
    assert set(figures["splits"]) == {"test_lay", "test_expert"}
    lay = figures["splits"]["test_lay"]
    assert lay["pairs"] == 4
    assert set(lay) == {"pairs", "kroscek", "majority class", "word overlap"}
    assert lay["majority class"]["contradiction_recall"] == 1.0  # "c" is this train file's majority
    assert lay["kroscek"]["contradiction_recall"] == 1.0
    assert 0.0 <= lay["word overlap"]["accuracy"] <= 1.0
    single = eval_nli.main(tmp_path / "test_lay.jsonl")
    assert list(single["splits"]) == ["test_lay"]
