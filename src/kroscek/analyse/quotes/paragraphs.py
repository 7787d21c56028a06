"""An article's text as the quote finder reads it: paragraphs of joined sentences, tokens, and the
spans between quotation marks (“…”, "…", ‘…’, «…»)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from kroscek.model import Sentence
from kroscek.text.tokens import Token

TOKEN = re.compile(r"\w+(?:['’\-.]\w+)*", re.UNICODE)
_QUOTE_PATTERNS = (
    re.compile(r"“([^“”]+)(?:”|$)"),
    re.compile(r"«([^«»]+)(?:»|$)"),
    re.compile(r"„([^„“”]+)[“”]"),
    re.compile(r'"([^"]+)(?:"|$)'),
    re.compile(r"(?<!\w)‘([^‘’]+?)’(?!\w)"),
    re.compile(r"(?<![\w'])'(\w[^']*?)'(?!\w)"),
)


@dataclass
class Paragraph:
    """The sentences of one paragraph joined with single spaces, with each sentence's offset."""

    text: str
    starts: list[int]
    indices: list[int]
    _positions: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    def _position_at(self, offset: int) -> int:
        """The position (in this paragraph) of the sentence holding ``offset`` (a binary search)."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def sentence_at(self, offset: int) -> int:
        return self.indices[self._position_at(offset)]

    def sentence_span(self, offset: int) -> tuple[int, int]:
        position = self._position_at(offset)
        end = self.starts[position + 1] - 1 if position + 1 < len(self.starts) else len(self.text)
        return self.starts[position], end

    def position_of(self, sentence: int) -> int:
        """The position in this paragraph of the sentence numbered ``sentence`` (ValueError if absent)."""
        if len(self._positions) != len(self.indices):
            self._positions = {index: position for position, index in enumerate(self.indices)}
        try:
            return self._positions[sentence]
        except KeyError:
            raise ValueError(f"sentence {sentence} is not in this paragraph") from None

    def start_of(self, sentence: int) -> int:
        return self.starts[self.position_of(sentence)]



def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, start, end)]


def paragraphs_of(sentences: list[Sentence]) -> list[Paragraph]:
    """Join each paragraph's sentences, remembering where each sentence starts."""
    paragraphs: list[Paragraph] = []
    current = None
    for sentence in sentences:
        if current is None or sentence.paragraph != current[0]:
            current = (sentence.paragraph, Paragraph("", [], []))
            paragraphs.append(current[1])
        paragraph = current[1]
        if paragraph.text:
            paragraph.text += " "
        paragraph.starts.append(len(paragraph.text))
        paragraph.indices.append(sentence.index)
        paragraph.text += sentence.text
    return paragraphs


def quote_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(outer start, outer end, inner start, inner end) of each outermost quoted span."""
    spans: list[tuple[int, int, int, int]] = []  # kept sorted; they never overlap
    starts: list[int] = []
    for pattern in _QUOTE_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            place = bisect.bisect_left(starts, start)
            if (place and spans[place - 1][1] > start) or (place < len(spans) and spans[place][0] < end):
                continue  # overlaps a span found before
            spans.insert(place, (start, end, match.start(1), match.end(1)))
            starts.insert(place, start)
    return spans


def covering(spans: list[tuple[int, ...]], starts: list[int], offset: int) -> bool:
    """Whether ``offset`` lies inside one of the sorted, non-overlapping ``spans`` (``starts`` their starts)."""
    place = bisect.bisect_right(starts, offset)
    return bool(place) and offset < spans[place - 1][1]

