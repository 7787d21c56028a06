"""Tokens: a piece of text with its character offsets, as every stage that reads words sees them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Token:
    """A word, number or mark and where it stands in its text (``text[start:end]``)."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.casefold()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()
