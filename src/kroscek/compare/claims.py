"""Claims: split a story's articles into claims, read their parts, and align them across articles.

A claim is a sentence, or a clause where a sentence joins two statements ("..., sedangkan ...").
Claims of different articles are aligned by a margin score over multilingual sentence
embeddings (multilingual-e5-small, or the static vectors with ``--fast``): a pair counts when
each is the other's best match and their cosine stands out from how similar each is to the rest
of the other article. ``compare.facts`` reads the parts defined here (quantities, dates,
predicates, names) into typed slots and ``compare.crosscheck`` compares the aligned pairs.

``align_claims`` is the earlier method, kept as the baseline of ``kroscek eval claims``:
aligned claims chained into groups, a group with any of the evidence below disputed.

Evidence is structural, never a bare score, and precision comes first:

- number: both claims count the same kind of thing (people, tonnes, rupiah...) and no value
  of one is compatible with a value of the other ("12 warga" vs "15 warga"; "sekitar",
  "belasan", "lebih dari" widen a value to a range). A number only one claim has is detail.
- date: both name explicit days (or months, or firm years) and none is shared.
- entity: same-language claims that read the same except one name in the same place.
- negation: same-language claims with the same content words, one negated.
- predicate: the same subjects (two or more shared names) at the same time, but different
  events from the predicate lexicon ("mengakui" vs "menyatakan kemerdekaan").

Word lists (negations, number words, units, predicates) live in ``resources/claims/<lang>.json``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, lru_cache
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from kroscek.analyse.embed import DIMENSION
from kroscek.model import Article, EventDate
from kroscek.text import lexicon as resources
from kroscek.text.fold import fold
from kroscek.text.graphs import components
from kroscek.text.names import NAME, same_name, spelled_like_any
from kroscek.text.names import same_name as names_match  # the cross-check's relate reads it here

MIN_WORDS = 4  # shorter sentences ("Korea Utara.") are fragments, not claims
MARGIN_K = 4  # neighbours averaged for the margin score
ALIGN_MARGIN = 1.03  # margin score two claims need to be aligned
ALIGN_FLOOR = 0.90  # and the plain similarity floor
# The claim cascade: in a story whose claims are all Indonesian or Malay, the static word vectors
# stand in for e5 (as in ``--fast``); every claim of a story that mixes languages, or of another
# language (English included: there the static vectors aligned fewer agreed pairs on the tune
# half), is embedded with e5. The README's Speed section has both settings' figures and costs.
CLAIM_CASCADE = True
STATIC_CLAIM_LANGUAGES = frozenset({"id", "ms"})
LEXICAL_WEIGHT = 0.3  # weight of the TF-IDF word overlap added to the embedding cosine
NAME_CONFLICT_PENALTY = 0.1  # taken off when each claim names someone the other does not
SAME_TEXT_OVERLAP = 0.6  # content-word overlap for the same-language negation and entity checks
EXACT_TOLERANCE = 0.02  # relative slack for rounding ("1,1 juta" vs "1.12 million")
PRECISE_FROM = 100  # a whole number from here up, not a multiple of ten, written in full ("10.428") is no rounded figure
ABOUT_TOLERANCE = 0.15  # relative slack of "sekitar" / "about"
_DEFAULT_LANGUAGE = resources.DEFAULT_LANGUAGE
_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_RUN = re.compile(r"\w+")
_NAME = re.compile(r"(?:[A-Z][\w'’.-]*|[A-Z]{2,})(?:\s+(?:[A-Z][\w'’.-]*|[A-Z]{2,}|dan|de|van|bin|binti)(?=\s+[A-Z]))*"
                   r"(?:\s+[A-Z][\w'’.-]*)*")
_NUMBER = re.compile(r"(?<![\w/.,-])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)(?![\w/-]|[.,]\d)")
_CLOCK = re.compile(r"\b\d{1,2}[.:]\d{2}\b(?:\s*(?:WIB|WITA|WIT|a\.m\.|p\.m\.|am|pm))?", re.IGNORECASE)
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_ORDINAL_UNITS = frozenset(("percent", "rupiah", "usd", "kg", "km", "metre", "centimetre", "hectare", "tonne"))
_SCORE = re.compile(r"\b\d+\s*[-–]\s*\d+\b")
_QUOTES = re.compile(r"[\"“”]")
# an editor's initials in brackets open a page's sign-off, followed by its tags ("(abc/xyz) tiket pesawat
# harga tiket"): a list of keywords, no statement
_SIGN_OFF = re.compile(r"\s*\(\s*[a-z]{2,6}(?:\s*/\s*[a-z0-9]{2,6})+\s*\)")
CLASSIFIERS = frozenset({"unit", "buah", "ekor", "lembar", "batang", "biji", "pucuk"})


# --- the data ------------------------------------------------------------------------------


@dataclass
class Claim:
    """A sentence (or clause) of one article: what a source says, with where it says it."""

    article: str
    sentence: int
    text: str
    language: str = _DEFAULT_LANGUAGE
    dates: list[EventDate] = field(default_factory=list)
    clause: int = 0
    scope: list[EventDate] = field(default_factory=list)  # the dates of the sentence before, for a claim that opens
    # by pointing back to it ("Realisasi itu setara dengan 1,56%"): when it holds; never a value it states

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "sentence": self.sentence, "clause": self.clause, "text": self.text}


@dataclass
class ClaimGroup:
    """Claims of different articles that state the same fact, and whether they agree."""

    status: str  # agreed | single-source | disputed
    claims: list[Claim]
    evidence: list[Difference] = field(default_factory=list)
    score: float = 0.0  # lowest pair score of the alignment that joined the group

    @property
    def articles(self) -> list[str]:
        return sorted({c.article for c in self.claims})

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "claims": [c.to_dict() for c in self.claims],
            "evidence": [e.to_dict() for e in self.evidence],
            "sources": len(self.articles),
        }


@dataclass(frozen=True)
class ClaimLexicon:
    """One language's claim vocabulary (``resources/claims/<lang>.json``)."""

    decimal: str
    negations: frozenset[str]
    clause_breaks: tuple[str, ...]
    number_words: dict[str, float]
    vague_numbers: dict[str, tuple[float, float]]
    scales: dict[str, float]
    qualifiers: dict[str, str]  # phrase -> about | above | below
    qualifiers_after: dict[str, str]  # a word after a number and its scale that widens it ("20 juta lebih": above)
    skip_before: frozenset[str]
    ordinal_before: frozenset[str]  # a number written right after one is an ordinal ("triwulan ke empat")
    not_units: frozenset[str]
    units: dict[str, str]  # alias -> unit class
    currency_before: dict[str, str]
    predicates: dict[str, str]  # phrase -> predicate class
    months: dict[str, int]
    weekdays: dict[str, int]
    anaphors: frozenset[str] = frozenset()  # "itu", "tersebut": a subject naming what the sentence before told
    citing: re.Pattern[str] = re.compile(r"(?!)")  # "dikutip detikHot, Sabtu (13/9)": the day of the citing, not the event


@cache
def lexicon(language: str) -> ClaimLexicon:
    """The claim vocabulary of ``language`` (``text.lexicon``'s rule: Indonesian when there is no file for it)."""
    if not resources.has("claims", language):
        return lexicon(resources.DEFAULT_LANGUAGE)
    data = resources.load("claims", language)
    dates = resources.load("dates", language)
    return ClaimLexicon(
        decimal=data["decimal_separator"],
        negations=frozenset(data["negations"]),
        clause_breaks=tuple(data["clause_breaks"]),
        number_words=data["number_words"],
        vague_numbers={k: (float(v[0]), float(v[1])) for k, v in data["vague_numbers"].items()},
        scales=data["scales"],
        qualifiers={phrase: kind for kind, phrases in data["qualifiers"].items() for phrase in phrases},
        qualifiers_after={word: kind for kind, words in data.get("qualifiers_after", {}).items() for word in words},
        skip_before=frozenset(data["skip_before"]),
        ordinal_before=frozenset(data.get("ordinal_before", ())),
        not_units=frozenset(data["not_units"]),
        units={alias: unit for unit, aliases in data["units"].items() for alias in aliases},
        currency_before=data["currency_before"],
        predicates={phrase: kind for kind, phrases in data["predicates"].items() for phrase in phrases},
        months=dates["months"],
        weekdays=dates["weekdays"],
        anaphors=frozenset(data.get("anaphors", ())),
        citing=re.compile(r"(?i:" + "|".join(map(re.escape, data.get("citing", ()))) + r")[\w.]*(?:\s+[\w.]+){0,3},?\s*$")
        if data.get("citing") else re.compile(r"(?!)"),
    )


# --- claims ----------------------------------------------------------------------------------


def _outside_quotes(text: str, at: int) -> bool:
    return len(_QUOTES.findall(text[:at])) % 2 == 0


def split_clauses(text: str, language: str) -> list[str]:
    """A sentence cut at the conjunctions that join two statements, never inside a quote."""
    lower = text.lower()
    cuts = sorted(
        at for phrase in lexicon(language).clause_breaks
        for at in (m.start() for m in re.finditer(re.escape(phrase), lower)) if _outside_quotes(text, at)
    )
    pieces, start = [], 0
    for at in cuts:
        pieces.append(text[start:at].strip(" ,;"))
        start = at + 1
    pieces.append(text[start:].strip(" ,;"))
    return [p[:1].upper() + p[1:] for p in pieces if len(_WORD.findall(p)) >= MIN_WORDS] or [text]


def extract_claims(article: Article) -> list[Claim]:
    """The claims of an article: its sentences, split into clauses where they join statements."""
    language = article.language or _DEFAULT_LANGUAGE
    claims = []
    anaphors = lexicon(language).anaphors
    previous: list[EventDate] = []  # the dates of the sentence before
    for sentence in article.sentences:
        dates = [d for d in article.event_dates if d.sentence == sentence.index]
        if len(_WORD.findall(sentence.text)) >= MIN_WORDS and not _SIGN_OFF.match(sentence.text):
            for number, clause in enumerate(split_clauses(sentence.text, language)):
                own = [d for d in dates if d.text in clause]
                scope = previous if not own and number == 0 and _points_back(clause, anaphors) else []
                claims.append(Claim(article.id, sentence.index, clause, language, own, number, scope))
        previous = dates
    return claims


def _points_back(clause: str, anaphors: frozenset[str]) -> bool:
    """The clause opens with a common noun and a word pointing back ("Realisasi itu", "Angka tersebut")."""
    words = _WORD.findall(clause)[:3]
    at = next((n for n, w in enumerate(words) if n and w.lower() in anaphors), None)
    return at is not None and words[0][1:].islower() and all(w.islower() for w in words[1:at])


# --- comparable parts of a claim --------------------------------------------------------------


@lru_cache(maxsize=1 << 16)  # a claim's names are asked for once per article it is compared with
def names(text: str) -> frozenset[str]:
    """Capitalised names in a claim (folded), the sentence-initial word only when it is a name run."""
    found = set()
    for match in _NAME.finditer(text):
        words = match.group().split()
        if match.start() == 0 or text[: match.start()].rstrip().endswith((".", "“", '"', ":")):
            words = words[1:] if len(words) > 1 else []
        if words:
            found.add(fold(" ".join(words)).strip(".-"))
    return frozenset(n for n in found if n)


def shared_names(a: Iterable[str], b: Iterable[str]) -> list[str]:
    """Names of ``a`` that ``b`` also has, whatever the spelling variant."""
    b = list(b)
    return [x for x in a if any(same_name(x, y) for y in b)]


def content_words(text: str, language: str) -> set[str]:
    """Lower-cased words of three letters or more, negations and numbers left out."""
    negations = lexicon(language).negations
    return {w for w in (t.lower() for t in _WORD.findall(text)) if len(w) >= 3 and w not in negations and not w.isdigit()}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _phrase_at(words: list[str], at: int, phrases: dict[str, Any]) -> tuple[str, int] | None:
    """The longest phrase of ``phrases`` starting at word ``at`` (and its length in words)."""
    for size in (3, 2, 1):
        phrase = " ".join(words[at : at + size])
        if len(words) - at >= size and phrase in phrases:
            return phrase, size
    return None


def _phrase_before(words: list[str], at: int, phrases: dict[str, Any]) -> str | None:
    for size in (3, 2, 1):
        if at - size >= 0 and (phrase := " ".join(words[at - size : at])) in phrases:
            return phrase
    return None


@dataclass(frozen=True)
class Quantity:
    """A number in a claim: its value range, what it counts, and how it was written."""

    low: float
    high: float
    unit: str
    text: str
    exact: bool = True  # written as one value, not "sekitar", "lebih dari" or "ratusan"

    def compatible(self, other: Quantity) -> bool:
        return self.low <= other.high and other.low <= self.high


def parse_number(text: str, decimal: str) -> float:
    """A written number in the language's format: "1.500" / "1,5" (Indonesian), "1,500" / "1.5" (English)."""
    group = "." if decimal == "," else ","
    if text.count(decimal) > 1 and all(len(part) == 3 for part in text.split(decimal)[1:]):
        group, decimal = decimal, group  # "1.501.007" in an English claim: written the other way round
    if group in text and all(len(part) == 3 for part in text.split(group)[1:]):
        text = text.replace(group, "")
    text = text.replace(group, ".").replace(decimal, ".")
    if text.count(".") > 1:  # "1.2.3": no number a reader would write; its first part is what it says
        text = ".".join(text.split(".")[:2])
    return float(text)


def _masked(claim: Claim) -> str:
    """The claim with dates, clock times and scores blanked, so their digits are not quantities."""
    text = claim.text
    for event in claim.dates:
        text = text.replace(event.text, " " * len(event.text))
    for pattern in (_CLOCK, _SCORE):
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


def _range(value: float, qualifier: str | None) -> tuple[float, float]:
    if qualifier == "above":
        return value, math.inf
    if qualifier == "below":
        return 0.0, value
    slack = ABOUT_TOLERANCE if qualifier == "about" else EXACT_TOLERANCE
    return value * (1 - slack), value * (1 + slack)


def _unit_after(tokens: list[str], at: int, lex: ClaimLexicon) -> tuple[str | None, int]:
    """The unit class after a number ("warga" -> people), or the plain noun itself ("kios")."""
    words = [t.lower() for t in tokens]
    if at + 1 < len(words) and words[at] in CLASSIFIERS and _is_noun_like(tokens[at + 1], lex):
        unit, size = _unit_after(tokens, at + 1, lex)
        return unit, size + 1  # "50 unit bus", "3 buah rumah": the noun after the classifier
    found = _phrase_at(words, at, lex.units)
    if found:
        return lex.units[found[0]], found[1]
    if at < len(tokens) and (_is_noun_like(tokens[at], lex) or _ACRONYM.fullmatch(tokens[at])):
        return f"word:{words[at]}", 1  # "12 kios"; an acronym is what is counted too ("18,2 juta KPM", "500 ASN")
    return None, 0


def _is_noun_like(token: str, lex: ClaimLexicon) -> bool:
    word = token.lower()
    return (token.isalpha() and token.islower() and len(token) >= 3 and word not in lex.not_units
            and word not in lex.negations and word not in lex.number_words and word not in lex.scales
            and word not in lex.qualifiers and word not in lex.months and word not in lex.weekdays)


def _spelled_number(token: str, lex: ClaimLexicon) -> float | None:
    """A hyphenated number word ("twenty-three", "dua-tiga" is not one)."""
    parts = token.lower().split("-")
    if len(parts) == 2 and all(p in lex.number_words for p in parts) and lex.number_words[parts[0]] >= 20:
        return float(lex.number_words[parts[0]] + lex.number_words[parts[1]])
    return None


def quantities(claim: Claim) -> list[Quantity]:
    """The counted and measured amounts of a claim, with their units ("12 warga", "Rp 1,5 juta")."""
    return list(_quantities(_masked(claim), claim.language))


@lru_cache(maxsize=1 << 16)  # a claim is compared with several others: read its numbers once
def _quantities(masked: str, language: str) -> tuple[Quantity, ...]:
    lex = lexicon(language)
    tokens = re.findall(r"\d+(?:[.,]\d+)*|\w+(?:[-'’]\w+)*|US\$|[^\w\s]", masked)
    words = [t.lower() for t in tokens]
    found: list[Quantity] = []
    at = 0
    while at < len(words):
        value: tuple[float, float] | None = None
        start, size, exact = at, 1, True
        bracketed = 0 < at < len(words) - 1 and words[at - 1] == "(" and words[at + 1] == ")"
        if _NUMBER.fullmatch(tokens[at]) and not bracketed and not (at and words[at - 1] in lex.skip_before):
            number = parse_number(tokens[at], lex.decimal)
            if at + 1 < len(words) and words[at + 1] in lex.scales:
                number, size = number * lex.scales[words[at + 1]], 2
            qualifier = _phrase_before(words, at, lex.qualifiers)
            widened = lex.qualifiers.get(qualifier) if qualifier else None
            if widened is None and at + size < len(words) and words[at + size] in lex.qualifiers_after:
                widened, size = lex.qualifiers_after[words[at + size]], size + 1  # "20,88 juta lebih KPM"
            value = _range(number, widened)
            exact = widened is None
            if exact and size == 1 and number >= PRECISE_FROM and number == int(number) and number % 10:
                value = (number, number)  # "10.428 siswa" written to the last one: no rounding to allow for
        elif vague := _phrase_at(words, at, lex.vague_numbers):
            value, size, exact = lex.vague_numbers[vague[0]], vague[1], False
        elif spelled := _phrase_at(words, at, lex.number_words):
            value, size = _range(float(lex.number_words[spelled[0]]), None), spelled[1]
        elif (hyphenated := _spelled_number(tokens[at], lex)) is not None:
            value = _range(hyphenated, None)
        if value is None:
            at += 1
            continue
        unit, unit_size = _unit_after(tokens, at + size, lex)
        if start and words[start - 1] in lex.ordinal_before and unit not in _ORDINAL_UNITS:
            unit = None  # "triwulan ke empat", "laga ke 4": which one, not how many ("naik ke 5 persen" stays)
        elif start and words[start - 1] in lex.currency_before and (unit is None or _ACRONYM.fullmatch(tokens[at + size])):
            unit, unit_size = lex.currency_before[words[start - 1]], 0  # "Rp 5 miliar APBD": rupiah, of the budget
        if unit is None and start and words[start - 1] in lex.units and lex.units[words[start - 1]] == "rupiah":
            unit = "rupiah"
        if unit:
            text = " ".join(tokens[max(start - (1 if unit in ("rupiah", "usd") and not unit_size else 0), 0) : at + size + unit_size])
            found.append(Quantity(value[0], value[1], unit, text, exact))
        at += size + unit_size
    return tuple(found)


@dataclass(frozen=True)
class DateKeys:
    """The explicitly written calendar parts of a claim's dates, for comparison."""

    days: frozenset[tuple[int, int]]
    weekdays: frozenset[int]
    months: frozenset[int]
    years: frozenset[int]
    texts: tuple[str, ...]
    # days written with a weekday name, and that name as written ("Kamis (20/10/2025)": 20 October
    # 2025, Thursday), whether or not the calendar agrees
    named: frozenset[tuple[str, int, str]] = frozenset()


def _explicit(date: EventDate, lex: ClaimLexicon) -> bool:
    """A date written out (a day number, a month name, a weekday), not a deictic "kemarin"."""
    words = {w.lower() for w in _WORD.findall(date.text)}
    return date.firm or any(c.isdigit() for c in date.text) or bool(words & (set(lex.months) | set(lex.weekdays)))


def _cited_on(text: str, date_text: str, lex: ClaimLexicon) -> bool:
    """The date is the day a report was cited ("kata Venna dikutip detikHot, Sabtu (13/9/2025)"), not the event's."""
    at = text.find(date_text)
    return at > 0 and bool(lex.citing.search(text[max(0, at - 60) : at]))


def date_keys(claim: Claim) -> DateKeys:
    lex = lexicon(claim.language)
    explicit = [d for d in claim.dates if _explicit(d, lex) and not _cited_on(claim.text, d.text, lex)]
    days, weekdays, months, years, named = set(), set(), set(), set(), set()
    for d in explicit:
        parts = d.date.split("-")
        written = d.firm or any(c.isdigit() for c in d.text) or any(w.lower() in lex.months for w in _WORD.findall(d.text))
        named_weekday = any(w.lower() in lex.weekdays for w in _WORD.findall(d.text))
        if d.precision == "day" and len(parts) == 3:
            if d.firm or named_weekday:
                weekdays.add(date.fromisoformat(d.date).weekday())
            if written:
                days.add((int(parts[1]), int(parts[2])))
        if written and d.precision in ("day", "month") and len(parts) >= 2:
            months.add(int(parts[1]))
        if d.firm and d.precision != "week":
            years.add(int(parts[0]))
    for d in claim.dates:  # a day given a weekday, the day a report was cited on included ("dikutip ..., Rabu (22/10/2025)")
        names = [w for w in _WORD.findall(d.text) if w.lower() in lex.weekdays]
        if d.precision == "day" and d.date.count("-") == 2 and d.firm and len(names) == 1:
            named.add((d.date, lex.weekdays[names[0].lower()], d.text))
    return DateKeys(*(frozenset(s) for s in (days, weekdays, months, years)), tuple(d.text for d in explicit), frozenset(named))


def deictic_days(claim: Claim) -> frozenset[tuple[int, int]]:
    """The (month, day) pairs a claim's words relative to its page resolve to ("hari ini", "besok",
    "kemarin"): the days the claim tells of as its own page's time."""
    lex = lexicon(claim.language)
    return frozenset((int(d.date[5:7]), int(d.date[8:10])) for d in claim.dates
                     if d.precision == "day" and d.date.count("-") == 2 and not _explicit(d, lex))


def predicates(claim: Claim) -> dict[str, str]:
    """Predicate classes a claim states, each with the phrase that states it."""
    return dict(_predicates(claim.text, claim.language))


@cache
def _predicate_patterns(language: str) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """``(phrase, its first run of word characters, pattern)`` of every predicate phrase, longest first."""
    return tuple((phrase, _RUN.findall(phrase)[0], re.compile(rf"(?<!\w){re.escape(phrase)}(?:nya)?(?!\w)"))
                 for phrase in sorted(lexicon(language).predicates, key=len, reverse=True))


@lru_cache(maxsize=1 << 16)
def _predicates(text: str, language: str) -> tuple[tuple[str, str], ...]:
    lex = lexicon(language)
    lower = " ".join(t.lower() for t in _WORD.findall(text))
    runs = set(_RUN.findall(lower))
    found: dict[str, str] = {}
    for phrase, first, pattern in _predicate_patterns(language):
        if first not in runs and f"{first}nya" not in runs:  # a match starts with one of these runs
            continue
        if pattern.search(lower) and lex.predicates[phrase] not in found:
            if not any(phrase in longer for longer in found.values()):
                found[lex.predicates[phrase]] = phrase
    return tuple(found.items())


def negated(claim: Claim) -> bool:
    return any(w.lower() in lexicon(claim.language).negations for w in _WORD.findall(claim.text))


# --- evidence of a contradiction -------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """One slot in which two claims give incompatible values: the evidence of a contradiction."""

    slot: str  # number | clock | date | weekday | place | identifier | person | event | negation | denial | entity | predicate
    a: str
    b: str
    explanation: str
    same_thing: bool = False  # the words around both values say they are of one thing ("bus bekas ... terbakar")

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.slot, "slot": self.slot, "a": self.a, "b": self.b, "explanation": self.explanation}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Difference:
        """A stored difference (its ``slot``; briefs written before slots were named kept ``kind``)."""
        return cls(str(data.get("slot") or data.get("kind") or ""), str(data.get("a", "")), str(data.get("b", "")),
                   str(data.get("explanation", "")))


@dataclass(frozen=True)
class Context:
    """What the rest of each claim's article states (its exact quantities, days, places and
    names): a value one claim lacks but its article gives elsewhere is a different focus, not a
    contradiction."""

    quantities: tuple[Sequence[Quantity], Sequence[Quantity]] = ((), ())
    days: tuple[frozenset[tuple[int, int]], frozenset[tuple[int, int]]] = (frozenset(), frozenset())
    places: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())


def article_context(claims: Sequence[Claim]) -> tuple[list[Quantity], frozenset[tuple[int, int]]]:
    """Every exactly written quantity and explicit day an article's claims state."""
    return [q for c in claims for q in quantities(c) if q.exact], frozenset(d for c in claims for d in date_keys(c).days)


def number_evidence(a: Claim, b: Claim, context: Context = Context()) -> list[Difference]:
    qa, qb = quantities(a), quantities(b)
    evidence = []
    for unit in sorted({q.unit for q in qa} & {q.unit for q in qb}):
        left, right = [q for q in qa if q.unit == unit], [q for q in qb if q.unit == unit]
        elsewhere = any(x.compatible(y) for x in left for y in context.quantities[1]) or any(
            y.compatible(x) for y in right for x in context.quantities[0])
        if not elsewhere and not any(x.compatible(y) for x in left for y in right):
            a_text, b_text = ", ".join(q.text for q in left), ", ".join(q.text for q in right)
            evidence.append(Difference("number", a_text, b_text, f"{a_text} vs {b_text} ({unit})"))
    return evidence


def date_evidence(a: Claim, b: Claim, context: Context = Context()) -> list[Difference]:
    ka, kb = date_keys(a), date_keys(b)
    a_text, b_text = "; ".join(ka.texts), "; ".join(kb.texts)
    if ka.days and kb.days:
        elsewhere = ka.days & context.days[1] or kb.days & context.days[0]
        return [] if ka.days & kb.days or elsewhere else [Difference("date", a_text, b_text, f"different days: {a_text} vs {b_text}")]
    if ka.weekdays and kb.weekdays and not ka.weekdays & kb.weekdays:
        return [Difference("date", a_text, b_text, f"different weekdays: {a_text} vs {b_text}")]
    if ka.months and kb.months and not ka.months & kb.months:
        return [Difference("date", a_text, b_text, f"different months: {a_text} vs {b_text}")]
    if ka.years and kb.years and not ka.years & kb.years:
        return [Difference("date", a_text, b_text, f"different years: {a_text} vs {b_text}")]
    return []


def negation_evidence(a: Claim, b: Claim) -> list[Difference]:
    """Same-language claims with the same content words where one negates a word the other states."""
    if a.language != b.language or negated(a) == negated(b):
        return []
    if _overlap(content_words(a.text, a.language), content_words(b.text, b.language)) < SAME_TEXT_OVERLAP:
        return []
    which, other = (a, b) if negated(a) else (b, a)
    words = [w.lower() for w in _WORD.findall(which.text)]
    stated = {w.lower() for w in _WORD.findall(other.text)}
    negations = lexicon(which.language).negations
    for at, word in enumerate(words[:-1]):
        if word in negations and words[at + 1] in stated and words[at + 1] not in negations:
            phrase = f"{word} {words[at + 1]}"
            return [Difference("negation", phrase if which is a else words[at + 1], phrase if which is b else words[at + 1],
                               f"'{words[at + 1]}' is stated by one claim and negated by the other ('{phrase}')")]
    return []


def entity_evidence(a: Claim, b: Claim) -> list[Difference]:
    """One name swapped for another in otherwise matching same-language claims."""
    if a.language != b.language:
        return []
    ta, tb = _WORD.findall(a.text), _WORD.findall(b.text)
    matcher = SequenceMatcher(a=[t.lower() for t in ta], b=[t.lower() for t in tb], autojunk=False)
    if matcher.ratio() < SAME_TEXT_OVERLAP:
        return []
    names_a, names_b = names(a.text), names(b.text)
    evidence = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        left, right = " ".join(ta[i1:i2]), " ".join(tb[j1:j2])
        if op != "replace" or not (left[:1].isupper() and right[:1].isupper()) or i1 == 0 or j1 == 0:
            continue
        if not all(w[:1].isupper() for w in ta[i1:i2] + tb[j1:j2]):
            continue
        if same_name(fold(left), fold(right)) or shared_names([fold(left)], names_b) or shared_names([fold(right)], names_a):
            continue
        evidence.append(Difference("entity", left, right, f"{left} vs {right} in the same place of the claim"))
    return evidence


def predicate_evidence(a: Claim, b: Claim) -> list[Difference]:
    """The same subjects at the same time, but different events stated about them."""
    pa, pb = predicates(a), predicates(b)
    if not pa or not pb or set(pa) & set(pb):
        return []
    calendar = {*lexicon(a.language).months, *lexicon(a.language).weekdays}
    subjects = [n for n in shared_names(names(a.text), names(b.text)) if n not in calendar]
    ka, kb = date_keys(a), date_keys(b)
    same_time = bool(ka.days & kb.days or ka.months & kb.months)
    if len(subjects) < 2 or not same_time:
        return []
    a_text, b_text = ", ".join(pa.values()), ", ".join(pb.values())
    return [Difference("predicate", a_text, b_text,
                       f"same subjects ({', '.join(subjects)}) and time, different claims: "
                       f"{a_text} ({', '.join(pa)}) vs {b_text} ({', '.join(pb)})")]


def dispute_evidence(a: Claim, b: Claim, context: Context = Context()) -> list[Difference]:
    """Every concrete difference between two aligned claims (empty when they are compatible)."""
    return [*number_evidence(a, b, context), *date_evidence(a, b, context), *entity_evidence(a, b), *negation_evidence(a, b),
            *predicate_evidence(a, b)]


# --- alignment -------------------------------------------------------------------------------


class CascadeVectors(np.ndarray):
    """Claim vectors of the e5 cascade, one row per claim: the claim's e5 vector (zeros where e5
    was not needed), its calibrated static vector, and a flag that says whether it has the e5 one.
    The three sit side by side in one row, so a slice of the rows (one article's claims) keeps them
    together; ``similarity`` reads e5 cosines where both claims have e5 vectors, else static ones."""

    split: int = 0  # columns of the e5 part

    def __new__(cls, e5: np.ndarray, static: np.ndarray, resolved: np.ndarray) -> CascadeVectors:
        rows = np.hstack([e5, static, resolved.astype(np.float32)[:, None]]).astype(np.float32)
        vectors = rows.view(cls)
        vectors.split = e5.shape[1]
        return vectors

    def __array_finalize__(self, obj: Any) -> None:
        self.split = getattr(obj, "split", 0)

    @property
    def e5(self) -> np.ndarray:
        return np.asarray(self)[:, : self.split]

    @property
    def static(self) -> np.ndarray:
        return np.asarray(self)[:, self.split : -1]

    @property
    def resolved(self) -> np.ndarray:
        return np.asarray(self)[:, -1] > 0

    def cosines(self, other: CascadeVectors) -> np.ndarray:
        """e5 cosines where both claims have e5 vectors, calibrated static cosines elsewhere."""
        both = self.resolved[:, None] & other.resolved[None, :]
        return np.where(both, self.e5 @ other.e5.T, self.static @ other.static.T)


def cascades(embedder: Any) -> bool:
    """Whether ``embedder`` is an e5 one the cascade stands in front of (``settings.cascade_enabled``)."""
    from kroscek.settings import cascade_enabled

    return str(getattr(embedder, "name", "")).startswith("e5") and cascade_enabled()


def claim_vectors(claims: Sequence[Claim], embedder: Any = None) -> np.ndarray:
    """L2-normalised sentence embeddings of the claims (cached by text).

    With an e5 embedder and ``CLAIM_CASCADE`` this is a cascade (:class:`CascadeVectors`): only
    the claims ``needs_e5`` picks are embedded with e5, the others keep their static vectors."""
    if embedder is None:
        from kroscek.analyse.embed import get_embedder

        embedder = get_embedder()
    texts, languages = [c.text for c in claims], [c.language for c in claims]
    if not CLAIM_CASCADE or not cascades(embedder) or not claims:
        return embedder.embed_texts(texts, languages=languages)
    from kroscek.analyse.embed import StaticEmbedder

    resolved = needs_e5(claims)
    static = StaticEmbedder().embed_texts(texts, languages=languages)
    e5 = np.zeros((len(claims), getattr(embedder, "dimension", DIMENSION)), dtype=np.float32)
    if resolved.any():
        chosen = np.flatnonzero(resolved)
        e5[chosen] = embedder.embed_texts([texts[i] for i in chosen], languages=[languages[i] for i in chosen])
    return CascadeVectors(e5, static, resolved)


def needs_e5(claims: Sequence[Claim]) -> np.ndarray:
    """Which claims the cascade embeds with e5: those of a language the static word vectors do
    not read, and every claim where the claims (one story's) are of more than one language: the
    static vectors align words within a language well, across languages far less well than e5."""
    if len({c.language for c in claims}) > 1:
        return np.ones(len(claims), dtype=bool)
    return np.array([c.language not in STATIC_CLAIM_LANGUAGES for c in claims], dtype=bool)


def margin_scores(cosines: np.ndarray, k: int = MARGIN_K) -> np.ndarray:
    """Cosines divided by the mean similarity of each side to its ``k`` nearest neighbours."""
    if cosines.size == 0:
        return cosines
    kr, kc = min(k, cosines.shape[1]), min(k, cosines.shape[0])
    rows = np.sort(cosines, axis=1)[:, -kr:].mean(axis=1)
    cols = np.sort(cosines, axis=0)[-kc:, :].mean(axis=0)
    scale = (rows[:, None] + cols[None, :]) / 2
    return np.divide(cosines, scale, out=np.zeros_like(cosines), where=scale != 0)  # a claim like nothing: 0


def vocabulary(article: Article) -> frozenset[str]:
    """The folded words of an article, title included."""
    return frozenset(fold(w) for w in _WORD.findall(f"{article.title}\n{article.text}"))


def foreign_names(claim: Claim, other: frozenset[str]) -> set[str]:
    """Multi-word names of a claim none of whose longer words occurs in the other article."""
    return {n for n in names(claim.text) if " " in n and not any(_occurs(w, other) for w in n.split() if len(w) >= 4)}


def _occurs(word: str, vocabulary: frozenset[str]) -> bool:
    """``word`` or a close spelling of it (``text.names.NAME``, length within 2) is in ``vocabulary``."""
    if word in vocabulary:
        return True
    by_length = _by_length(vocabulary)
    near = [w for size in range(len(word) - 2, len(word) + 3) for w in by_length.get(size, ())]
    return spelled_like_any(word, near, NAME)


@lru_cache(maxsize=256)
def _by_length(vocabulary: frozenset[str]) -> dict[int, list[str]]:
    by_length: dict[int, list[str]] = {}
    for word in vocabulary:
        by_length.setdefault(len(word), []).append(word)
    return by_length


def similarity(left: Sequence[Claim], right: Sequence[Claim], vectors: tuple[np.ndarray, np.ndarray],
               lexical: np.ndarray, vocabularies: tuple[frozenset[str], frozenset[str]]) -> np.ndarray:
    """Embedding cosine plus weighted word overlap, less a penalty when each claim names people
    the other article never mentions (two different ambassadors are two facts)."""
    left_vectors, right_vectors = vectors
    if isinstance(left_vectors, CascadeVectors) and isinstance(right_vectors, CascadeVectors):
        cosines = left_vectors.cosines(right_vectors)
    else:
        cosines = np.asarray(left_vectors) @ np.asarray(right_vectors).T
    scores = cosines + LEXICAL_WEIGHT * lexical
    foreign_left = [bool(foreign_names(c, vocabularies[1])) for c in left]
    foreign_right = [bool(foreign_names(c, vocabularies[0])) for c in right]
    scores -= NAME_CONFLICT_PENALTY * np.outer(foreign_left, foreign_right)
    return scores


def aligned_pairs(scores: np.ndarray) -> list[tuple[int, int, float]]:
    """Mutual best matches between two claim lists that clear the margin and the floor."""
    if scores.size == 0:
        return []
    margins = margin_scores(scores)
    pairs = []
    for i in range(scores.shape[0]):
        j = int(margins[i].argmax())
        if int(margins[:, j].argmax()) == i and margins[i, j] >= ALIGN_MARGIN and scores[i, j] >= ALIGN_FLOOR:
            pairs.append((i, j, float(margins[i, j])))
    return pairs


def lexical_similarity(claims: Sequence[Claim]) -> np.ndarray:
    """TF-IDF cosine between the claims (names and numbers carry it across languages)."""
    matrix = TfidfVectorizer(sublinear_tf=True, token_pattern=r"(?u)\b\w\w+\b").fit_transform([c.text for c in claims])
    return (matrix @ matrix.T).toarray()


def align_claims(articles: Sequence[Article], embedder: Any = None) -> list[ClaimGroup]:
    """The earlier method, kept as the baseline ``kroscek eval claims`` runs beside the cross-check
    (``compare.crosscheck``): aligned claims chained into groups; a group with any evidence is
    disputed, any other multi-article group agreed, a lone claim single-source."""
    per_article = [extract_claims(a) for a in articles]
    claims = [c for group in per_article for c in group]
    if not claims:
        return []
    if len(per_article) < 2:  # nothing to align with: every claim stands alone
        return [ClaimGroup("single-source", [claim], [], 0.0) for claim in claims]
    vectors = claim_vectors(claims, embedder)
    lexical = lexical_similarity(claims)
    vocabularies = [vocabulary(a) for a in articles]
    offsets = np.cumsum([0] + [len(g) for g in per_article])
    links: list[tuple[int, int]] = []
    scores: dict[tuple[int, int], float] = {}
    for x in range(len(per_article)):
        for y in range(x + 1, len(per_article)):
            rows, cols = slice(offsets[x], offsets[x + 1]), slice(offsets[y], offsets[y + 1])
            block = similarity(per_article[x], per_article[y], (vectors[rows], vectors[cols]), lexical[rows, cols],
                               (vocabularies[x], vocabularies[y]))
            for i, j, score in aligned_pairs(block):
                pair = (int(offsets[x] + i), int(offsets[y] + j))
                links.append(pair)
                scores[pair] = score
    contexts = {article.id: article_context(own) for article, own in zip(articles, per_article)}
    groups = []
    grouped = components(range(len(claims)), links)  # the earlier method's chained groups
    group_of = {i: number for number, members in enumerate(grouped) for i in members}
    pairs_of: list[list[tuple[int, int]]] = [[] for _ in grouped]
    for pair in scores:  # a link never leaves its group
        pairs_of[group_of[pair[0]]].append(pair)
    for members, pairs in zip(grouped, pairs_of):
        members.sort()
        group_claims = [claims[i] for i in members]
        evidence = [e for a, b in pairs
                    for e in dispute_evidence(claims[a], claims[b], Context(
                        (contexts[claims[a].article][0], contexts[claims[b].article][0]),
                        (contexts[claims[a].article][1], contexts[claims[b].article][1])))]
        if len({c.article for c in group_claims}) < 2:
            status = "single-source"
        else:
            status = "disputed" if evidence else "agreed"
        pair_scores = [scores[pair] for pair in pairs]
        groups.append(ClaimGroup(status, group_claims, _unique(evidence), min(pair_scores, default=0.0)))
    return groups


def _unique(evidence: list[Difference]) -> list[Difference]:
    return list(dict.fromkeys(evidence))
