"""Pair similarity of two articles: encoder cosine combined with language-neutral evidence.

Signals: the multilingual encoder cosine of title + lead, shared names (entity mentions and
capitalised tokens, accent-folded, weighted by rarity), shared numbers, title word overlap, and
time proximity (page dates and firm event dates). A small ridge combiner, trained on a fixed
part of the SemEval-2022 task 8 pairs (``kroscek.eval.similarity``) and shipped in
``resources/similarity/combiner.json``, maps the content signals to a score in [0, 1]
(1: the same event told twice); time is applied on top by the story clustering, since those
pairs carry no dates.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files

import numpy as np

from kroscek.model import Article

_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d[\d.,:/]*\d|\d")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”«»\n]\s*)$")
MIN_NAME_LENGTH = 3


@dataclass(frozen=True)
class Profile:
    """The language-neutral keys of one article, computed once and compared pairwise."""

    names: frozenset[str]  # entity words and capitalised tokens, casefolded and accent-folded
    numbers: frozenset[str]  # numbers with separators removed
    title: frozenset[str]  # title words, folded
    dates: tuple[date, ...]  # anchor dates: page date (unless stale) and firm event dates


def fold(text: str) -> str:
    """Casefold and strip accents, so 'Pushilin', 'PUSHILIN' and 'Puşilin' meet."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def capitalised_names(text: str) -> set[str]:
    """Capitalised words that do not open a sentence (names in most scripts that have case)."""
    names = set()
    for match in _WORD.finditer(text):
        word = match.group()
        if len(word) < MIN_NAME_LENGTH or not word[0].isupper() or word.isdigit():
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
    )


class KeyWeights:
    """Inverse document frequency of names and numbers over a collection (rare keys weigh more)."""

    def __init__(self, profiles: Sequence[Profile]):
        self.documents = len(profiles)
        self.frequency: Counter[str] = Counter()
        for item in profiles:
            self.frequency.update(item.names)
            self.frequency.update("#" + n for n in item.numbers)
        self._weights: dict[str, float] = {}

    def weight(self, key: str) -> float:
        if key not in self._weights:
            self._weights[key] = math.log((self.documents + 1) / (self.frequency.get(key, 0) + 1)) + 1.0
        return self._weights[key]

    def overlap(self, left: frozenset[str], right: frozenset[str], prefix: str = "") -> float:
        """Weighted cosine of two key sets (0 when either is empty)."""
        if not left or not right:
            return 0.0
        shared = left & right
        if not shared:
            return 0.0
        norm_left = math.sqrt(sum(self.weight(prefix + k) ** 2 for k in left))
        norm_right = math.sqrt(sum(self.weight(prefix + k) ** 2 for k in right))
        return sum(self.weight(prefix + k) ** 2 for k in shared) / (norm_left * norm_right)


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
