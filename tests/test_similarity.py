"""Pair similarity: language-neutral keys, the shipped combiner, the encoder, the evaluation."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from kroscek.analyse.embed import Embedder, FileCache, lead, passage
from kroscek.eval import similarity as similarity_eval
from kroscek.match.pair_model import (
    PAIR_FEATURES,
    TreeCombiner,
    UseViews,
    chunks,
    pair_combiner,
    pair_similarity,
    view_features,
)
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


def test_view_features_mark_cross_language_pairs_and_length_ratio():
    items = [profile(*FLOOD_ID, language="id"), profile(*FLOOD_EN, language="en"), profile(*RICE_ID)]
    weights = KeyWeights(items)
    features = dict(zip(PAIR_FEATURES, view_features(items[0], items[1], (0.9, 0.8, 0.7), weights)))
    assert (features["e5_cosine"], features["use_cosine"], features["use_body_cosine"]) == (0.9, 0.8, 0.7)
    assert features["cross_language"] == 1.0 and features["names"] > 0.0
    assert -1.0 < features["length_ratio"] <= 0.0
    unknown = dict(zip(PAIR_FEATURES, view_features(items[0], items[2], (0.9, 0.8, 0.7), weights)))
    assert unknown["cross_language"] == 0.0  # an unknown language is no evidence of a translation


def test_tree_combiner_reproduces_scikit_learn_and_round_trips():
    from sklearn.ensemble import GradientBoostingRegressor

    rng = np.random.default_rng(0)
    features = rng.random((200, len(PAIR_FEATURES)))
    target = -4.0 + 3.0 * features[:, 0] * features[:, 1] + 0.2 * rng.random(200)
    fitted = GradientBoostingRegressor(n_estimators=40, max_depth=2, subsample=0.8, random_state=0)
    fitted.fit(features, target)
    model = TreeCombiner.from_sklearn(fitted)
    assert np.allclose(model.predict(features), fitted.predict(features))
    again = TreeCombiner.from_dict(model.to_dict())
    assert np.allclose(again.predict(features), fitted.predict(features), atol=1e-5)
    assert 0.0 <= model.score(features).min() and model.score(features).max() <= 1.0


def test_shipped_pair_model_rewards_agreeing_views_and_shared_names():
    model = pair_combiner()
    assert model.feature.shape[0] >= 50 and model.feature.max() < len(PAIR_FEATURES)
    items = [profile(*FLOOD_ID, language="id"), profile(*FLOOD_EN, language="en"), profile(*RICE_ID, language="id")]
    weights = KeyWeights(items)
    same = model.score(np.array(view_features(items[0], items[1], (0.88, 0.75, 0.75), weights)))[0]
    weaker = model.score(np.array(view_features(items[0], items[1], (0.84, 0.45, 0.45), weights)))[0]
    other = model.score(np.array(view_features(items[0], items[2], (0.80, 0.15, 0.2), weights)))[0]
    assert 0.0 <= other < weaker < same <= 1.0


def test_chunks_cut_at_word_boundaries():
    assert chunks("kata " * 200) == [("kata " * 90).strip()] * 2 + [("kata " * 20).strip()]
    assert chunks("  ") == []
    assert chunks("x" * 1000, size=450) == ["x" * 450, "x" * 450, "x" * 100]


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


def test_use_views_and_pair_similarity(embedder):
    cache: dict = {}
    use = UseViews(cache)
    lead, body = use.views([FLOOD_ID[:2], FLOOD_EN[:2], RICE_ID[:2]])
    assert lead.shape == body.shape == (3, 512)
    assert np.allclose(np.linalg.norm(body, axis=1), 1.0, atol=1e-4)
    assert lead[0] @ lead[1] > lead[0] @ lead[2]
    assert cache and all(key.startswith("use:") for key in cache)
    size = len(cache)
    use.views([FLOOD_EN[:2]])
    assert len(cache) == size  # cached by content
    flood_id, flood_en, rice_id = (*FLOOD_ID, "id"), (*FLOOD_EN, "en"), (*RICE_ID, "id")
    scores = pair_similarity([flood_id, flood_id], [flood_en, rice_id], embedder=embedder, use=use)
    assert 0.0 <= scores[1] < scores[0] <= 1.0


def test_lead_cuts_at_a_word_boundary():
    text = "kata " * 200
    assert len(lead(text)) <= 400 and not lead(text).endswith(" ") and lead(text).endswith("kata")
    assert lead("  satu   dua ") == "satu dua"


def test_similarity_evaluation_prints_every_system(tmp_path, monkeypatch):
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
    assert set(results["pearson"]) == {
        "kroscek pair model",
        "kroscek link score",
        "TF-IDF cosine",
        "e5 cosine",
        "USE cosine",
    }
    assert results["pairs"] == 5 and "sha1(pair_id)" in results["split"]
    assert results["pearson"]["kroscek pair model"]["all pairs"] > 0.5
    assert results["pearson"]["kroscek link score"]["all pairs"] > 0.5
    assert len(FileCache(Path(tmp_path / "cache" / "e5.npz"))) == 5
    assert len(FileCache(Path(tmp_path / "cache" / "use.npz"))) > 5
