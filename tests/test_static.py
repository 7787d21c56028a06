"""The shipped static word vectors: loading, language centroids, calibration, and a round trip."""

from __future__ import annotations

import numpy as np
import pytest

from kroscek.analyse.embed import STATIC_PATH, Embedder, StaticEmbedder, StaticModel, passage, static_model
from test_similarity import FLOOD_EN, FLOOD_ID, RICE_ID

RICE_EN = (
    "Government orders Bulog to import 500,000 tonnes of rice",
    "National Food Minister Rudianto Hasibuan signed the assignment letter for Bulog to import rice. "
    "The imported rice will arrive in stages from November to keep the government's reserve stock.",
)


@pytest.fixture(scope="module")
def model() -> StaticModel:
    return static_model()


def embed(model: StaticModel, *items: tuple[str, str, str]) -> np.ndarray:
    return model.embed_texts([passage(title, text) for title, text, _ in items], [lang for _, _, lang in items])


def test_shipped_model_loads_with_both_news_languages(model):
    assert STATIC_PATH.is_file()
    assert len(model.words) > 30_000 and model.vectors.dtype == np.int8
    assert {"id", "en"} <= set(model.centroids)
    assert {"banjir", "flood", "beras", "rice"} <= set(model.words)


def test_a_story_lies_closer_to_itself_than_to_another_story_in_either_language(model):
    flood_id, flood_en, rice_id, rice_en = embed(
        model, (*FLOOD_ID, "id"), (*FLOOD_EN, "en"), (*RICE_ID, "id"), (*RICE_EN, "en")
    )
    assert np.allclose([np.linalg.norm(v) for v in (flood_id, flood_en)], 1.0, atol=1e-5)
    assert flood_id @ flood_en > max(flood_id @ rice_en, flood_en @ rice_id) + 0.1
    assert rice_id @ rice_en > max(rice_id @ flood_en, rice_en @ flood_id) + 0.1


def test_projecting_out_the_language_brings_a_translation_closer(model):
    projected = embed(model, (*FLOOD_ID, "id"), (*FLOOD_EN, "en"))
    raw = embed(model, (*FLOOD_ID, None), (*FLOOD_EN, None))
    assert projected[0] @ projected[1] > raw[0] @ raw[1] + 0.1


def test_calibrated_cosines_track_e5(model):
    texts = [passage(*FLOOD_ID), passage(*FLOOD_EN), passage(*RICE_ID)]
    static = model.embed_texts(texts, ["id", "en", "id"])
    e5 = Embedder().embed_texts(texts)
    same, other = model.calibration(np.array([static[0] @ static[1], static[0] @ static[2]]))
    assert same > other
    assert abs(same - e5[0] @ e5[1]) < 0.1 and abs(other - e5[0] @ e5[2]) < 0.1


def test_text_without_a_known_word_gets_a_zero_vector(model):
    vectors = model.embed_texts(["", "zzqx 12345"], ["id", "id"])
    assert not vectors.any()


def test_save_and_load_round_trip(model, tmp_path):
    path = tmp_path / "static.npz"
    model.save(path)
    again = StaticModel.load(path)
    assert again.words == model.words and (again.intercept, again.slope) == (model.intercept, model.slope)
    texts = [passage(*FLOOD_ID), passage(*RICE_ID)]
    assert np.array_equal(again.embed_texts(texts, ["id", "id"]), model.embed_texts(texts, ["id", "id"]))


def test_static_embedder_rows_give_calibrated_cosines_and_unknown_text_matches_nothing(model):
    texts = [passage(*FLOOD_ID), passage(*FLOOD_EN), "zzqx qqzv"]
    rows = StaticEmbedder(model).embed_texts(texts, languages=["id", "en", "id"])
    unit = model.embed_texts(texts, ["id", "en", "id"])
    assert rows[0] @ rows[1] == pytest.approx(float(model.calibration(unit[0] @ unit[1])), abs=1e-5)
    assert rows[0] @ rows[0] == pytest.approx(model.intercept + model.slope, abs=1e-5)
    assert not rows[2].any()
