"""A story's cited summary and timeline, and the single-article summariser.

Every line carries citations (article id + sentence index) so a reader can check it. The story
summary is extractive: the agreed facts told by the most sources, earliest in the articles
first; a story with no agreed fact is summarised from its first original report.

``summarise_article`` is the single-article summariser (scored in ``kroscek eval summary``):
sentences ranked by TF-IDF centrality, title overlap and position, taken in text order until
the summary reaches the length of a typical reference summary.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from kroscek.compare.crosscheck import FactGroup
from kroscek.compare.records import Record, known_fields
from kroscek.model import Article, Sentence

SUMMARY_FACTS = 4
SUMMARY_WORDS = 40  # stop adding sentences once a summary has this many words (references: ~42)
MIN_SENTENCE_WORDS = 6
CENTRALITY_WEIGHT = 1.0
TITLE_WEIGHT = 1.0
POSITION_WEIGHT = 0.5
POSITION_DECAY = 1.0  # position prior: 1 / (1 + decay * index)
QUOTE_PENALTY = 0.3  # direct quotes are evidence, rarely summary material
SHORT_PENALTY = 10.0  # a sentence under MIN_SENTENCE_WORDS words is chosen only when nothing else is left
_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTE = re.compile(r"[\"“”]")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def sentence_scores(article: Article) -> np.ndarray:
    """How summary-worthy each sentence is: centrality + title overlap + position, less quotes."""
    texts = [s.text for s in article.sentences]
    if not texts:
        return np.zeros(0)
    try:
        vectorizer = TfidfVectorizer(sublinear_tf=True, token_pattern=r"(?u)\b\w\w+\b").fit(texts + [article.title])
    except ValueError:  # no word of two letters anywhere
        return np.zeros(len(texts))
    matrix = vectorizer.transform(texts)
    similarity = (matrix @ matrix.T).toarray()
    np.fill_diagonal(similarity, 0.0)
    centrality = similarity.sum(axis=1) / max(len(texts) - 1, 1)
    title = (matrix @ vectorizer.transform([article.title]).T).toarray().ravel()
    position = 1.0 / (1.0 + POSITION_DECAY * np.arange(len(texts)))
    quoted = np.array([1.0 if _QUOTE.search(t) else 0.0 for t in texts])
    short = np.array([1.0 if len(_words(t)) < MIN_SENTENCE_WORDS else 0.0 for t in texts])
    return (CENTRALITY_WEIGHT * centrality + TITLE_WEIGHT * title + POSITION_WEIGHT * position
            - QUOTE_PENALTY * quoted - SHORT_PENALTY * short)


def summarise_article(article: Article, max_sentences: int = 3, max_words: int = SUMMARY_WORDS) -> list[Sentence]:
    """The best sentences of one article, in text order, up to ``max_words`` words."""
    scores = sentence_scores(article)
    chosen: list[int] = []
    length = 0
    for index in np.argsort(-scores, kind="stable"):
        if len(chosen) == max_sentences or length >= max_words:
            break
        chosen.append(int(index))
        length += len(_words(article.sentences[index].text))
    return [article.sentences[i] for i in sorted(chosen)]


@dataclass
class Citation(Record):
    """A sentence of an article: where a line of the brief can be checked."""

    article: str
    sentence: int


@dataclass
class SummaryLine:
    """A line of a story's summary, the sentences that state it, and how many independent sources
    do (``outlets``: which; None for a line of the lead article's own summary)."""

    text: str
    sources: int
    citations: list[Citation] = field(default_factory=list)
    outlets: list[str] | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"text": self.text, "sources": self.sources}
        if self.outlets is not None:
            data["outlets"] = list(self.outlets)
        data["citations"] = [c.to_dict() for c in self.citations]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SummaryLine:
        return cls(str(data.get("text", "")), int(data.get("sources", len({c.get("article") for c in data.get("citations", [])}))),
                   [known_fields(Citation, c) for c in data.get("citations", [])], data.get("outlets"))


@dataclass
class TimelineSource(Record):
    """A sentence that dates a timeline event, and the date expression as written there."""

    article: str
    sentence: int
    expression: str


@dataclass
class TimelineEntry(Record):
    """A dated event of a story (ISO day or month), a sentence that tells it, and every source."""

    date: str
    text: str
    sources: list[TimelineSource] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TimelineEntry:
        return known_fields(cls, data, sources=[known_fields(TimelineSource, s) for s in data.get("sources", [])])


def _representative(group: FactGroup, preferred: Sequence[str]) -> str:
    """The wording of the group's fact told by the most preferred article that states it."""
    rank = {article: i for i, article in enumerate(preferred)}
    return min(group.stating(), key=lambda f: (rank.get(f.article, len(rank)), f.claim.sentence)).text


def summary_lines(groups: Sequence[FactGroup], articles: Sequence[Article], preferred: Sequence[str]) -> list[SummaryLine]:
    """The agreed facts told by the most independent sources; each line cites only the sentences
    that state it, and says how many independent sources do. Without an agreed fact: the summary
    of the most preferred article."""
    agreed = sorted((g for g in groups if g.status == "agreed"),
                    key=lambda g: (-len(g.sources), min(c.sentence for c in g.claims)))[:SUMMARY_FACTS]
    if agreed:
        ordered = sorted(agreed, key=lambda g: min(f.claim.sentence for f in g.stating()))
        return [SummaryLine(_representative(g, preferred), len(g.sources),
                            [Citation(f.article, f.claim.sentence) for f in g.stating()], g.sources) for g in ordered]
    lead = next((a for a in articles if a.id == preferred[0]), None) if preferred else None
    return [SummaryLine(s.text, 1, [Citation(lead.id, s.index)]) for s in summarise_article(lead)] if lead else []


def timeline(articles: Sequence[Article], stale: set[str]) -> list[TimelineEntry]:
    """Dated events with their sources; relative dates of stale pages are left out (their anchor is wrong)."""
    events: dict[str, TimelineEntry] = {}
    for article in articles:
        sentences = {s.index: s.text for s in article.sentences}
        for date in article.event_dates:
            if date.precision not in ("day", "month") or (article.id in stale and not date.firm):
                continue
            entry = events.setdefault(date.date, TimelineEntry(date.date, sentences.get(date.sentence, date.text)))
            source = TimelineSource(article.id, date.sentence, date.text)
            if source not in entry.sources:
                entry.sources.append(source)
    return sorted(events.values(), key=lambda e: e.date)
