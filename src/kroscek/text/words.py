"""The word lists and word counts that ship under ``resources/clean``.

``words-<language>.tsv`` holds word counts derived from news text (how the damage checks and the
quote reader judge a word); ``function-words-<language>.txt`` and the other ``.txt`` files are
plain word lists. A language without a file gets none: ``word_counts`` gives None and
``word_list`` an empty set.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

_FOLDER = "kroscek.resources.clean"


@dataclass(frozen=True)
class WordCount:
    """How often a word form was seen: in all, lowercase, capitalised mid-sentence, opening a sentence."""

    total: int
    lower: int
    capitalised_mid: int
    sentence_initial: int


def resource_lines(name: str) -> Iterator[str]:
    """The lines of a file in ``resources/clean``, without blank lines and ``#`` comments."""
    for line in files(_FOLDER).joinpath(name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line


@cache
def word_counts(language: str) -> dict[str, WordCount] | None:
    """Word counts for a language (lowercased forms), or None when none ship."""
    name = f"words-{language}.tsv"
    if not files(_FOLDER).joinpath(name).is_file():
        return None
    counts = {}
    for line in resource_lines(name):
        word, *numbers = line.split("\t")
        counts[word] = WordCount(*map(int, numbers))
    return counts


@cache
def word_list(name: str) -> frozenset[str]:
    """A word list from ``resources/clean`` (empty when none ships for that language)."""
    return frozenset(resource_lines(name)) if files(_FOLDER).joinpath(name).is_file() else frozenset()
