"""Sentence splitting: sentencex, with its false breaks merged back.

sentencex's abbreviation lists are compiled in, so the pieces it returns are re-joined where a
break cannot be a sentence end: inside a token ("KONTAN.CO.ID"), after a known abbreviation
(``resources/sentences/*.txt``), after a name initial ("M. Hatta") or before a lowercase word.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from sentencex import segment

from kroscek.model import Sentence

_TOKEN_BEFORE_STOP = re.compile(r"(?:^|[\s(\"“‘'])([^\s(\"“‘']+\.)$")
_INITIAL = re.compile(r"(?:^|[\s(\"“‘'])[A-Z]\.$")
_LOWERCASE_WORD = re.compile(r"[a-z]")
_NUMBER = re.compile(r"\d")
_SPACE = re.compile(r"\s+")


@cache
def abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """The known abbreviations (casefolded): those always kept, those kept before a number."""
    always: set[str] = set()
    before_number: set[str] = set()
    for path in files("kroscek.resources.sentences").iterdir():
        if not path.name.endswith(".txt"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            abbreviation, _, condition = line.partition("\t")
            (before_number if condition.strip() == "number" else always).add(abbreviation.strip().casefold())
    return frozenset(always), frozenset(before_number)


def _is_false_break(left: str, right: str) -> bool:
    """Whether the break between two sentencex pieces must be undone."""
    if not left[-1:].isspace():
        return True  # the break fell inside a token
    left = left.rstrip()
    if _LOWERCASE_WORD.match(right):
        return True  # a sentence never starts with a lowercase word
    token = _TOKEN_BEFORE_STOP.search(left)
    if token:
        always, before_number = abbreviations()
        word = token.group(1).casefold()
        if word in always or (word in before_number and _NUMBER.match(right)):
            return True
    return bool(_INITIAL.search(left))  # a name initial: "M. Hatta"


def split_paragraph(text: str, language: str) -> list[str]:
    """Split one paragraph into whitespace-normalised sentences."""
    pieces = [piece for piece in segment(language if language != "und" else "en", text) if piece.strip()]
    merged: list[str] = []
    for piece in pieces:
        if merged and _is_false_break(merged[-1], piece):
            merged[-1] += piece
        else:
            merged.append(piece)
    return [_SPACE.sub(" ", sentence).strip() for sentence in merged]


def split_sentences(paragraphs: list[str], language: str) -> list[Sentence]:
    """Number the sentences of an article, each with the index of its paragraph."""
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs):
        for text in split_paragraph(paragraph, language):
            sentences.append(Sentence(index=len(sentences), text=text, paragraph=number))
    return sentences
