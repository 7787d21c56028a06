"""The link score of two articles: the e5 cosine combined with language-neutral evidence.

A :class:`Profile` holds an article's language-neutral keys: shared names (entity mentions and
capitalised tokens, accent-folded, weighted by rarity), shared numbers, title overlap, and time
proximity (page dates and firm event dates). The **link score** (:func:`combiner`,
``resources/similarity/combiner.json``) is a ridge model over the e5 cosine of title + lead and
those keys; story clustering (``match.stories``) links articles with it, less a penalty for the
days between them. It needs one e5 vector an article, and it clusters Indonesian stories better
than the graded pair model of ``match.pair_model`` (see the clustering evaluation), so it stays
the clustering's score.

It is trained on a fixed part of the SemEval-2022 task 8 pairs (``kroscek.eval.similarity``)
and maps to [0, 1] (1: the same event told twice).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files

import numpy as np

from kroscek.model import Article
from kroscek.text.fold import fold

_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d[\d.,:/]*\d|\d")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”«»\n]\s*)$")
MIN_NAME_LENGTH = 3
# Whole words of MIN_NAME_LENGTH or more characters that do not start with a lower-case ASCII
# letter, a digit or "_": the words that may be capitalised, found without visiting the others.
_NAME_CANDIDATE = re.compile(r"(?<!\w)(?![a-z0-9_])\w{%d,}" % MIN_NAME_LENGTH)


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


def cross_language(left: Profile, right: Profile) -> float:
    """1 when both languages are known and differ."""
    return float(bool(left.language) and bool(right.language) and left.language != right.language)
