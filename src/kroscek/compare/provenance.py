"""Provenance within a story: copies, translations, stale republications and the first reporter.

- Copies (same language): MinHash LSH over word shingles finds candidate pairs; a pair is a
  copy when most shingles of one article are in the other. Shingles that recur across several
  pages of one outlet are boilerplate and do not count. The shared passages are the evidence.
- Translations (different languages): the articles' sentences are aligned by multilingual
  embeddings; a translation covers most sentences of the shorter article in the same order.
  In the default mode the static word vectors first set aside the pairs too unlike to be one
  (``might_translate``), so e5 reads only the sentences of pairs that might be.
  The cleaning stage's damage warnings on the translation are reported as supporting evidence.
- Stale republications: ``kroscek.analyse.dates.staleness`` decides (the article's own dates,
  its lead, the firm days of the rest of the story), says why and names the event date it
  republishes; nothing here recomputes it.
- Translations from outside the corpus: a wire credit translated word for word ("Reuters
  berkontribusi pada laporan ini") with machine-translation damage or a cut section tag.
- First reporter: the earliest page date among articles that are not stale, copies or
  translations, and whose page date is not before the events they report.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from kroscek.analyse.dates import firm_days, staleness
from kroscek.compare.claims import aligned_pairs
from kroscek.compare.records import Record
from kroscek.text import lexicon
from kroscek.text.fold import fold
from kroscek.model import Article

SHINGLE_WORDS = 5
NUM_PERM = 128
LSH_THRESHOLD = 0.2  # Jaccard at which LSH proposes a candidate pair
COPY_CONTAINMENT = 0.5  # share of one article's shingles found in the other to call it a copy
OUTLET_REPEAT = 3  # a shingle on this many pages of one outlet is boilerplate
MIN_PASSAGE_WORDS = 12
TRANSLATION_COVERAGE = 0.6  # share of the shorter article's sentences aligned
TRANSLATION_ORDER = 0.8  # share of aligned pairs in one monotonic sequence
STATIC_SLACK = 0.03  # calibrated static cosine this far under the alignment floor still counts as a possible match
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass
class Copy(Record):
    """A same-language near-duplicate: the later page (``copy``) and the one it copies."""

    copy: str
    original: str
    similarity: float = 0.0  # Jaccard of the two pages' shingles
    containment: float = 0.0  # share of the copy's shingles found in the original
    shared_passages: list[str] = field(default_factory=list)  # the longest first


@dataclass
class Translation(Record):
    """A cross-language page whose sentences align with the original's, in order."""

    translation: str
    original: str
    coverage: float = 0.0  # share of the shorter article's sentences aligned
    order: float = 0.0  # share of the aligned pairs in one monotonic sequence
    damage_warnings: int = 0  # the cleaning stage's damage warnings on the translation
    damage: list[str] = field(default_factory=list)  # "kind: span", the first ten


@dataclass
class StalePage(Record):
    """A page republished well after the events it or its story dates firmly, and why."""

    article: str
    page_date: str | None = None
    event_date: str | None = None
    reason: str = ""


@dataclass
class FirstReporter(Record):
    """The earliest original report (``article`` None when no original report is dated), the
    date it counts by and on what basis, and the pages left out for dating before their events."""

    article: str | None = None
    date: str | None = None
    basis: str = "no dated original report"
    notes: list[str] = field(default_factory=list)


@dataclass
class OutsideTranslation(Record):
    """A page that reads as a translation of an original outside the corpus, with the evidence."""

    article: str
    evidence: list[str] = field(default_factory=list)


@dataclass
class Provenance(Record):
    """Who reported a story first, which of its pages copy or translate which, which are stale."""

    first_reporter: FirstReporter = field(default_factory=FirstReporter)
    copies: list[Copy] = field(default_factory=list)
    translations: list[Translation] = field(default_factory=list)
    translated_from_outside: list[OutsideTranslation] = field(default_factory=list)
    stale: list[StalePage] = field(default_factory=list)

    @property
    def stale_ids(self) -> list[str]:
        return [s.article for s in self.stale]

    def derived(self) -> set[str]:
        """The pages that are not original reports: copies, translations and stale pages."""
        return {c.copy for c in self.copies} | {t.translation for t in self.translations} | set(self.stale_ids)

    def originals(self) -> dict[str, str]:
        """A copy or translation's id -> the id of the page it copies or translates."""
        return {c.copy: c.original for c in self.copies} | {t.translation: t.original for t in self.translations}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Provenance:
        return cls(first_reporter=FirstReporter.from_dict(data.get("first_reporter") or {}),
                   copies=[Copy.from_dict(c) for c in data.get("copies", [])],
                   translations=[Translation.from_dict(t) for t in data.get("translations", [])],
                   translated_from_outside=[OutsideTranslation.from_dict(t)
                                            for t in data.get("translated_from_outside", [])],
                   stale=[StalePage.from_dict(s) for s in data.get("stale", [])])



def words(article: Article) -> list[str]:
    return [fold(w) for w in _WORD.findall(article.text)]


def shingles(tokens: Sequence[str], size: int = SHINGLE_WORDS) -> list[str]:
    return [" ".join(tokens[i : i + size]) for i in range(max(len(tokens) - size + 1, 0))]


def boilerplate_shingles(articles: Sequence[Article]) -> frozenset[str]:
    """Shingles found on ``OUTLET_REPEAT`` or more pages of one outlet."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        counts[article.outlet or ""].update(set(shingles(words(article))))
    return frozenset(s for outlet, c in counts.items() if outlet for s, n in c.items() if n >= OUTLET_REPEAT)


def _minhash(items: set[str]) -> MinHash:
    signature = _empty_minhash().copy()  # a copy shares the permutations, drawn once
    signature.update_batch([item.encode("utf-8") for item in items])
    return signature


@cache
def _empty_minhash() -> MinHash:
    return MinHash(num_perm=NUM_PERM)


def shared_passages(copy: Sequence[str], original: set[str], size: int = SHINGLE_WORDS) -> list[str]:
    """Runs of the copy's words whose shingles are all in the original, longest first."""
    marks = [s in original for s in shingles(copy, size)]
    passages, start = [], None
    for i, hit in enumerate([*marks, False]):
        if hit and start is None:
            start = i
        elif not hit and start is not None:
            if i - start + size - 1 >= MIN_PASSAGE_WORDS:
                passages.append(" ".join(copy[start : i + size - 1]))
            start = None
    return sorted(passages, key=len, reverse=True)


def _page_day(article: Article) -> date | None:
    return date.fromisoformat(article.published[:10]) if article.published else None


def _later_first(a: Article, b: Article) -> tuple[Article, Article]:
    """(derived, original): the later page is the derived one; undated pages count as later."""
    da, db = _page_day(a), _page_day(b)
    if da and db and da != db:
        return (a, b) if da > db else (b, a)
    if bool(da) != bool(db):
        return (b, a) if da else (a, b)
    return (a, b) if len(a.warnings) >= len(b.warnings) else (b, a)


@cache
def _lsh_bands() -> tuple[int, int]:
    """LSH bands and rows for LSH_THRESHOLD (datasketch derives them by integration: do it once)."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def find_copies(articles: Sequence[Article], boilerplate: frozenset[str] = frozenset()) -> list[Copy]:
    """Same-language near-duplicates, with their similarity and shared passages."""
    tokens = {a.id: words(a) for a in articles}
    sets = {a.id: set(shingles(tokens[a.id])) - boilerplate for a in articles}
    lsh = MinHashLSH(num_perm=NUM_PERM, params=_lsh_bands())
    signatures = {a.id: _minhash(sets[a.id]) for a in articles if sets[a.id]}
    for key, signature in signatures.items():
        lsh.insert(key, signature)
    by_id = {a.id: a for a in articles}
    copies, seen = [], set()
    for key, signature in signatures.items():
        for other in lsh.query(signature):
            pair = frozenset((key, other))
            a, b = by_id[key], by_id[other]
            if other == key or pair in seen or a.language != b.language:
                continue
            seen.add(pair)
            common = sets[key] & sets[other]
            contained = max(len(common) / len(sets[key]), len(common) / len(sets[other]))
            if contained < COPY_CONTAINMENT:
                continue
            copy, original = _later_first(a, b)
            copies.append(Copy(
                copy=copy.id, original=original.id,
                similarity=round(len(common) / len(sets[key] | sets[other]), 3),
                containment=round(len(common) / len(sets[copy.id]), 3),
                shared_passages=shared_passages(tokens[copy.id], sets[original.id])[:5],
            ))
    return copies


def _sentence_vectors(article: Article, embedder: Any) -> np.ndarray:
    return embedder.embed_texts([s.text for s in article.sentences], languages=[article.language] * len(article.sentences))


def monotonic_share(pairs: Sequence[tuple[int, int]]) -> float:
    """Share of aligned pairs in the longest sequence increasing on both sides."""
    if not pairs:
        return 0.0
    ordered = [j for _, j in sorted(pairs)]
    best = [1] * len(ordered)
    for i in range(len(ordered)):
        for k in range(i):
            if ordered[k] < ordered[i]:
                best[i] = max(best[i], best[k] + 1)
    return max(best) / len(ordered)


def might_translate(a: Article, b: Article, vectors: Mapping[str, np.ndarray] | None = None) -> bool:
    """Whether two articles can be translations of each other by the static word vectors (the
    cheap step before e5): enough of the shorter one's sentences must have a sentence of the other
    within ``STATIC_SLACK`` of the alignment floor (calibrated static cosine) to reach
    ``TRANSLATION_COVERAGE``. ``vectors``: the articles' static sentence vectors by id, if known."""
    from kroscek.analyse.embed import StaticEmbedder
    from kroscek.compare.claims import ALIGN_FLOOR

    vectors = vectors or {x.id: _sentence_vectors(x, StaticEmbedder()) for x in (a, b)}
    cosines = vectors[a.id] @ vectors[b.id].T
    if cosines.size == 0:
        return False
    near = cosines >= ALIGN_FLOOR - STATIC_SLACK
    covered = min(int(near.any(axis=1).sum()), int(near.any(axis=0).sum()))
    return covered / min(len(a.sentences), len(b.sentences)) >= TRANSLATION_COVERAGE


def translation_candidates(pairs: Sequence[tuple[Article, Article]]) -> list[tuple[Article, Article]]:
    """The article pairs of ``pairs`` that ``might_translate`` (each article's static vectors once)."""
    from kroscek.analyse.embed import StaticEmbedder

    static = StaticEmbedder()
    vectors = {x.id: _sentence_vectors(x, static) for pair in pairs for x in pair}
    return [(a, b) for a, b in pairs if might_translate(a, b, vectors)]


def language_pairs(articles: Sequence[Article]) -> list[tuple[Article, Article]]:
    """The article pairs translation search compares: two languages, sentences on both sides."""
    return [(a, b) for i, a in enumerate(articles) for b in articles[i + 1 :]
            if a.language and b.language and a.language != b.language and a.sentences and b.sentences]


def find_translations(articles: Sequence[Article], embedder: Any = None) -> list[Translation]:
    """Cross-language pairs whose sentences align one to one, in order, over most of the text."""
    pairs = language_pairs(articles)
    if not pairs:
        return []
    if embedder is None:
        from kroscek.analyse.embed import get_embedder

        embedder = get_embedder()
    from kroscek.compare.claims import cascades

    if cascades(embedder):
        pairs = translation_candidates(pairs)
    translations = []
    for a, b in pairs:
        matched = [(i, j) for i, j, _ in aligned_pairs(_sentence_vectors(a, embedder) @ _sentence_vectors(b, embedder).T)]
        coverage = len(matched) / min(len(a.sentences), len(b.sentences))
        order = monotonic_share(matched)
        if coverage < TRANSLATION_COVERAGE or order < TRANSLATION_ORDER:
            continue
        translation, original = _later_first(a, b)
        translations.append(Translation(
            translation=translation.id, original=original.id, coverage=round(coverage, 3),
            order=round(order, 3), damage_warnings=len(translation.warnings),
            damage=[f"{w.kind}: {w.span}" for w in translation.warnings][:10],
        ))
    return translations


def find_stale(articles: Sequence[Article]) -> list[StalePage]:
    """Articles republished well after the events they or their story date firmly, with the reason."""
    stale = []
    for article in articles:
        page = _page_day(article)
        if page is None:
            continue
        others = firm_days([d for other in articles if other.id != article.id for d in other.event_dates])
        verdict = staleness(article.event_dates, page, others)
        if not (article.stale or verdict.stale):
            continue
        stale.append(StalePage(article=article.id, page_date=page.isoformat(), event_date=verdict.event_date,
                               reason=verdict.reason or "marked stale by its own dates when analysed"))
    return stale


def first_reporter(articles: Sequence[Article], derived: set[str]) -> FirstReporter:
    """The earliest original report: page dates, or the latest firm event date for undated pages,
    skipping republications, copies and translations and pages dated before their own events."""
    candidates, notes = [], []
    for article in articles:
        if article.id in derived:
            continue
        page, own = _page_day(article), firm_days(article.event_dates)
        past = [d for d in own if page is None or d <= page + timedelta(days=1)]
        if page is not None and own and not past:
            notes.append(f"{article.id}: page date {page} is before every event it dates")
            continue
        if page is not None:
            candidates.append((page, article.id, "page date"))
        elif past:
            candidates.append((max(past), article.id, "no page date; latest event date it reports"))
    if not candidates:
        return FirstReporter(notes=notes)
    day, article, basis = min(candidates)
    return FirstReporter(article=article, date=day.isoformat(), basis=basis, notes=notes)


@dataclass(frozen=True)
class OutsideSigns:
    """What marks a translation from outside the corpus in one language (``resources/provenance``)."""

    translated_credits: tuple[str, ...]  # wire credits translated word for word, lower-cased
    translation_damage: frozenset[str]  # damage warning kinds that machine translation leaves
    min_damage: int  # such warnings that count as a sign


@cache
def outside_signs(language: str) -> OutsideSigns:
    data = lexicon.load("provenance", language)
    return OutsideSigns(tuple(data["translated_credits"]), frozenset(data["translation_damage"]), int(data["min_damage"]))


def find_outside_translations(articles: Sequence[Article], translations: Sequence[Translation] = ()) -> list[OutsideTranslation]:
    """Articles that read as translations of an original outside the corpus, with the evidence:
    a wire credit translated word for word ("Reuters berkontribusi pada laporan ini"), together
    with machine-translation damage or a section tag cut from the headline."""
    inside = {t.translation for t in translations}
    found = []
    for article in articles:
        if article.id in inside:
            continue
        signs = outside_signs(article.language or "en")
        evidence = [f"translated credit line: {r.text}" for r in article.removed
                    if any(phrase in r.text.lower() for phrase in signs.translated_credits)]
        if not evidence:
            continue
        damage = [w for w in article.warnings if w.kind in signs.translation_damage]
        if len(damage) >= signs.min_damage:
            evidence.append(f"{len(damage)} machine-translation damage warnings ("
                            + ", ".join(sorted({w.kind for w in damage})) + ")")
        evidence += [f"section tag cut from the headline: {r.text}" for r in article.removed if r.reason == "section tag"]
        if len(evidence) >= 2:
            found.append(OutsideTranslation(article.id, evidence))
    return found


def find_provenance(articles: Sequence[Article], embedder: Any = None,
                    boilerplate: frozenset[str] | None = None) -> Provenance:
    """Who reported first, which articles copy or translate which, and which are stale.

    ``boilerplate`` defaults to the outlet-repeated shingles of ``articles`` themselves; pass
    ``boilerplate_shingles`` of the whole corpus when the story is a slice of it.
    """
    copies = find_copies(articles, boilerplate_shingles(articles) if boilerplate is None else boilerplate)
    translations = find_translations(articles, embedder)
    stale = find_stale(articles)
    found = Provenance(copies=copies, translations=translations, stale=stale,
                       translated_from_outside=find_outside_translations(articles, translations))
    found.first_reporter = first_reporter(articles, found.derived())
    return found
