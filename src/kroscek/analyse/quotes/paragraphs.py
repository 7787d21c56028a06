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


_QUOTE_RUN_PARAGRAPHS = 3  # paragraphs after one a quote opens in that may hold its close ("Kejar. / Woi. / ...," teriak polisi)


def paragraphs_of(sentences: list[Sentence]) -> list[Paragraph]:
    """Join each paragraph's sentences, remembering where each sentence starts; a quote that
    opens in one paragraph and closes in a later one joins the paragraphs it runs over."""
    groups: list[list[Sentence]] = []
    for sentence in sentences:
        if not groups or sentence.paragraph != groups[-1][0].paragraph:
            groups.append([])
        groups[-1].append(sentence)
    paragraphs: list[Paragraph] = []
    at = 0
    while at < len(groups):
        run = at + _quote_closes_in(groups, at)
        paragraph = Paragraph("", [], [])
        for sentence in (s for group in groups[at : run + 1] for s in group):
            if paragraph.text:
                paragraph.text += " "
            paragraph.starts.append(len(paragraph.text))
            paragraph.indices.append(sentence.index)
            paragraph.text += sentence.text
        paragraphs.append(paragraph)
        at = run + 1
    return paragraphs


def _unclosed(text: str) -> bool:
    """Whether a quote opened in ``text`` is still open at its end (an odd count of straight
    double quotes, or more opening than closing curly ones)."""
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _quote_closes_in(groups: list[list[Sentence]], at: int) -> int:
    """How many paragraphs after ``groups[at]`` a quote opened there runs over before the one
    that closes it: that one opens with the quote's words, not a quotation mark, and the
    paragraphs between hold no mark; 0 when the quote closes in its own paragraph (or never)."""
    if not _unclosed(" ".join(s.text for s in groups[at])):
        return 0
    for step in range(1, _QUOTE_RUN_PARAGRAPHS + 1):
        if at + step >= len(groups):
            return 0
        text = " ".join(s.text for s in groups[at + step])
        marks = [i for i, char in enumerate(text) if char in '"“”']
        if not marks:
            continue
        if _unclosed(text.replace("“", '"').replace("”", '"')) and text[: marks[0]].strip() and text[marks[0]] != "“":
            return step
        return 0
    return 0


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

