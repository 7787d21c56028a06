"""Pair similarity: language-neutral keys, the shipped combiner, the encoder, the evaluation."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from kroscek.analyse.embed import Embedder, FileCache, lead, passage
from kroscek.eval import similarity as similarity_eval
from kroscek.match.similarity import (
    FEATURES,
    KeyWeights,
    capitalised_names,
    combiner,
    days_apart,
    fold,
    numbers,
    pair_features,
    profile,
)

FLOOD_ID = (
    "Banjir Bandang Landa Desa Ratulemba, Sembilan Warga Meninggal",
    "Banjir bandang menerjang Desa Ratulemba di Kabupaten Tanjung Seruni pada Senin dini hari. "
    "Kepala BPBD Yusran Pakaya mengatakan 1.240 warga mengungsi dan tiga orang masih dicari.",
)
FLOOD_EN = (
    "Flash flood hits Ratulemba village, nine dead",
    "A flash flood swept through Ratulemba village in Tanjung Seruni regency early on Monday. "
    "Disaster agency head Yusran Pakaya said 1,240 residents were evacuated and three are missing.",
)
RICE_ID = (
    "Pemerintah Tugaskan Bulog Impor 500 Ribu Ton Beras",
    "Menteri Pangan Nasional Rudianto Hasibuan menandatangani surat penugasan impor beras kepada Bulog. "
    "Beras impor akan tiba bertahap mulai November untuk menjaga stok cadangan pemerintah.",
)


def test_keys_are_language_neutral():
    assert fold("Puşilin") == fold("PUSILIN") == "pusilin"
    assert {"ratulemba", "yusran", "pakaya", "bpbd"} <= capitalised_names(FLOOD_ID[1])
    assert "banjir" not in capitalised_names(FLOOD_ID[1])  # sentence-initial word, not a name
    assert numbers(FLOOD_ID[1]) == numbers(FLOOD_EN[1]) == {"1240"}


def test_profile_keeps_page_date_unless_stale():
    fresh = profile(*FLOOD_ID, published="2025-10-06", event_dates=["2025-10-05"])
    stale = profile(*FLOOD_ID, published="2025-10-06", event_dates=["2022-03-03"], stale=True)
    assert [d.isoformat() for d in fresh.dates] == ["2025-10-05", "2025-10-06"]
    assert [d.isoformat() for d in stale.dates] == ["2022-03-03"]
    assert days_apart(fresh, profile(*FLOOD_EN, published="2025-10-08")) == 2
    assert days_apart(fresh, profile(*FLOOD_EN)) is None


def test_combiner_rewards_encoder_agreement_and_shared_names():
    items = [profile(*FLOOD_ID), profile(*FLOOD_EN), profile(*RICE_ID)]
    weights = KeyWeights(items)
    model = combiner()
    same = model.score(np.array(pair_features(items[0], items[1], 0.88, weights)))[0]
    lower_cosine = model.score(np.array(pair_features(items[0], items[1], 0.80, weights)))[0]
    other = model.score(np.array(pair_features(items[0], items[2], 0.80, weights)))[0]
    assert 0.0 <= other < lower_cosine < same <= 1.0
    assert len(pair_features(items[0], items[1], 0.88, weights)) == len(FEATURES)


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder()


def test_encoder_places_a_translation_closer_than_another_event(embedder):
    vectors = embedder.embed_texts([passage(*FLOOD_ID), passage(*FLOOD_EN), passage(*RICE_ID)])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.03
    assert len(embedder.cache) == 3
    again = embedder.embed_texts([passage(*FLOOD_EN)])
    assert np.array_equal(again[0], vectors[1])


def test_lead_cuts_at_a_word_boundary():
    text = "kata " * 200
    assert len(lead(text)) <= 400 and not lead(text).endswith(" ") and lead(text).endswith("kata")
    assert lead("  satu   dua ") == "satu dua"


def test_similarity_evaluation_prints_all_three_systems(tmp_path, monkeypatch):
    monkeypatch.setenv("KROSCEK_CACHE", str(tmp_path / "cache"))
    rows = [
        ("p1", "id", "en", FLOOD_ID, FLOOD_EN, 1.0),
        ("p2", "id", "id", FLOOD_ID, RICE_ID, 4.0),
        ("p3", "en", "id", FLOOD_EN, RICE_ID, 4.0),
        ("p4", "id", "id", RICE_ID, (RICE_ID[0], RICE_ID[1][:120]), 1.0),
        ("p5", "en", "en", FLOOD_EN, (FLOOD_EN[0], FLOOD_EN[1][:100]), 1.5),
    ]
    path = tmp_path / "pairs.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["pair_id", "lang1", "lang2", "text1", "text2", "Overall"])
        for pair_id, lang1, lang2, left, right, overall in rows:
            writer.writerow([pair_id, lang1, lang2, "  ".join(left), "  ".join(right), overall])
    results = similarity_eval.main(path)
    assert set(results["pearson"]) == {"kroscek", "TF-IDF cosine", "e5 cosine"}
    assert results["pairs"] == 5
    assert results["pearson"]["kroscek"]["all pairs"] > 0.5
    assert len(FileCache(Path(tmp_path / "cache" / "e5.npz"))) == 5
