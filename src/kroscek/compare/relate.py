"""Two facts compared slot by slot: agree, dispute, update or related.

Precision comes first, since a reader acts on what the brief calls agreed or disputed:

- **dispute**: the same fact (the same subject and event: the claims were aligned with a high
  score, or share the names and words around the differing value) with values that cannot both
  be true in one slot (a number counting the same thing, a clock time of the same event, a day,
  a place, an identifier, a name in the same place of the sentence, the kind of one permit, the
  minute of one event of a match), or one source denying what another asserts. Only one value
  of a kind on each side: with two counts in a claim it cannot be told which is which (a count
  that is the whole another is part of, "20 dari 104 bus", is set aside first).
- **update**: the values differ but one of them is dated or provisional ("sementara",
  "hingga pukul 18.00", "bertambah menjadi") or the two articles were published on different
  days: the same quantity reported at two times.
- **agree**: aligned with a high score, every slot both facts fill matches, the same polarity.
- **related**: aligned, but not shown to be the same fact (different things counted, other
  subjects, a weaker alignment).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from difflib import SequenceMatcher
from typing import Any

from kroscek.compare.claims import (
    Context,
    DateKeys,
    Difference,
    Quantity,
    deictic_days,
    lexicon,
    names_match,
    negation_evidence,
    predicate_evidence,
    same_name,
    shared_names,
)
from kroscek.compare.facts import RELATIVE, SAID, Fact, fact_lexicon, roots, stem
from kroscek.text import lexicon as resources
from kroscek.text.names import NAME, same_entity_name, spelled_alike

AGREE_SCORE = 1.10  # alignment margin two claims need to be called the same fact
DISPUTE_SCORE = 1.05  # margin that makes two claims the same fact when no word around the value says so
SHARED_STEMS = 0.5  # share of the smaller claim's content stems the other must have (same fact by its words)
SAME_COUNT = 0.6  # share of stems two claims with differently named counts must share to count the same thing
SAME_EVENT_WORDS = 1  # lower-case words two dated claims must share to be about one event
SAME_EVENT_SHARE = 0.3  # and the share of the smaller claim's such words
DATE_EVENT_WORDS = 6  # words either side of a date read for what happened on it
STEM_INSIDE = 5  # letters of a cheap stem found inside another word that make the two one word ("tandat" in "penandatanganan")
MANY_VALUES = 3  # values in one claim from which on a disputed one must show by its words that it counts the same thing
SAME_COUNTED = 2  # stems around two numbers that, shared, say they count one thing
LIST_VALUES = 6  # amounts beyond which a claim is a list (a price table), not one fact
ARTICLE_VALUES = 6  # values of one unit an article states, from which it is a breakdown: none of them is disputed
SAME_PLACE = 0.6  # share of stems and of happened-words two claims need for two places to be a dispute
DENIAL_OBJECT = 0.6  # share of the denied words the asserting claim must state
SAME_GRANT = 0.5  # share of happened-words two claims without a shared name need for two permit kinds to be a dispute
_SPACES = re.compile(r"\W+")
_WORD = re.compile(r"\w+", re.UNICODE)
QUOTE_WORDS = 8  # words two direct quotes must share, in order, to be one utterance quoted twice
QUOTE_CHANGED = 3  # the most words of a run in which two such quotes differ
_QUOTED = re.compile(r"[\"“”]([^\"“”]+)[\"“”]")
_FIGURE = re.compile(r"(?<![\w/.,-])\d+(?:[.,]\d+)*(?![\w/-]|[.,]\d)")  # a written number, not part of a date


@dataclass(frozen=True)
class SlotContext(Context):
    """``Context``, the kinds of permit each article names anywhere, what each article's
    denials deny (per denial: its head and its denied stems), and the days each article names
    by words relative to its page ("hari ini", "besok")."""

    permits: tuple[frozenset[str], frozenset[str]] = field(
        default_factory=lambda: (frozenset(), frozenset()))
    denials: tuple[frozenset[tuple[str, frozenset[str]]], frozenset[tuple[str, frozenset[str]]]] = field(
        default_factory=lambda: (frozenset(), frozenset()))
    own_days: tuple[frozenset[tuple[int, int]], frozenset[tuple[int, int]]] = field(
        default_factory=lambda: (frozenset(), frozenset()))  # days each article tells of as its page's own time


@dataclass(frozen=True)
class Relation:
    kind: str  # agree | dispute | update | related
    differences: tuple[Difference, ...] = ()
    reason: str = ""

    @property
    def slot(self) -> str | None:
        return self.differences[0].slot if self.differences else None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "slot": self.slot, "differences": [d.to_dict() for d in self.differences],
                "reason": self.reason}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Relation:
        return cls(str(data.get("kind", "related")), tuple(Difference.from_dict(d) for d in data.get("differences", [])),
                   str(data.get("reason", "")))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def same_subject(a: Fact, b: Fact) -> bool:
    """The two claims are about the same thing: most of their content words are shared, or they
    share a name and half as many words."""
    shared_words = overlap(a.stems, b.stems)
    return shared_words >= SHARED_STEMS or (shared_words >= SHARED_STEMS / 2 and bool(shared_names(a.names, b.names)))


_RATE = re.compile(r"\s*(?:(?:per|setiap|tiap|a|an|each)\s+|/\s*)(\w+)", re.IGNORECASE)


def _rate(fact: Fact, quantity: Quantity) -> str | None:
    """The span of time a quantity is given per ("per bulan", "/tahun", "a year"): the word right
    after "per"; None when it is given per nothing."""
    at = fact.text.find(quantity.text)
    found = _RATE.match(fact.text, at + len(quantity.text)) if at >= 0 else None
    return found.group(1).casefold() if found else None


def _listed(unit: str, quantities: Sequence[Quantity]) -> bool:
    """Whether an article states ``ARTICLE_VALUES`` or more different values in ``unit``."""
    return len({(q.low, q.high) for q in quantities if q.unit == unit}) >= ARTICLE_VALUES


def _numbers(a: Fact, b: Fact, context: Context) -> list[Difference]:
    found = []
    for unit in sorted({q.unit for q in a.quantities} & {q.unit for q in b.quantities}):
        left = [q for q in a.quantities if q.unit == unit]
        right = [q for q in b.quantities if q.unit == unit]
        if len(left) != 1 or len(right) != 1 or unit in ("year", "month", "day"):
            continue  # two counts of one kind in a claim: which is which cannot be told
        x, y = left[0], right[0]
        if x.compatible(y):
            continue
        around = (a.counted[a.quantities.index(x)] if len(a.counted) == len(a.quantities) else frozenset(),
                  b.counted[b.quantities.index(y)] if len(b.counted) == len(b.quantities) else frozenset())
        if _count_word(a, x) != _count_word(b, y) and overlap(a.stems, b.stems) < SAME_COUNT:
            continue  # "1 orang" and "73 personel": people both, but not the same people
        if min(len(around[0]), len(around[1])) >= 2 and not around[0] & around[1]:
            continue  # "empat perusahaan yang IUP-nya dicabut" / "lima perusahaan yang menambang": other counts
        if max(len(a.quantities), len(b.quantities)) >= MANY_VALUES and len(around[0] & around[1]) < SAME_COUNTED:
            continue  # "tiga poin di bawah Israel yang meraih enam angka ... Norwegia dengan 12 poin" / "tertinggal 9 angka dari Norwegia": which value is whose cannot be told
        if any(x.compatible(q) for q in (*context.quantities[1], *b.wholes)) \
                or any(y.compatible(q) for q in (*context.quantities[0], *a.wholes)):
            continue  # the other article (or claim, as a whole) states this value too: each claim counts a different thing
        if _besides(a, x) or _besides(b, y):
            continue  # "tambahan di luar BLT reguler yang disalurkan kepada 20,88 juta KPM": the other set's count
        rates = (_rate(a, x), _rate(b, y))
        if rates[0] != rates[1] and None not in rates:
            continue  # "Rp 13 juta per bulan" / "Rp 40 juta per tahun": amounts over other spans of time
        if _listed(unit, context.quantities[0]) or _listed(unit, context.quantities[1]):
            continue  # an article giving this kind of value for many things (land by crop, pay by group): which is which cannot be told
        found.append(Difference("number", x.text, y.text, f"{x.text} vs {y.text} ({unit.removeprefix('word:')})",
                                same_thing=len(around[0] & around[1]) >= SAME_COUNTED))
    return found


def _besides(fact: Fact, quantity: Quantity) -> bool:
    """The count stands in a relative clause of what a word sets apart ("tambahan di luar BLT
    reguler yang disalurkan kepada 20,88 juta KPM"): it counts that other set, not the claim's
    own. Not after "selain itu" ("besides that": the claim goes on with its own)."""
    at = fact.text.find(quantity.text)
    before = f" {' '.join(_WORD.findall(fact.text[:at].lower()))} " if at > 0 else " "
    for phrase in fact_lexicon(fact.claim.language).besides:
        start = before.rfind(f" {phrase} ")
        if start < 0:
            continue
        rest = before[start + len(phrase) + 2:].split()
        if rest[:1] not in (["itu"], ["ini"], ["that"], ["this"]) and any(w in RELATIVE for w in rest[1:]):
            return True
    return False


def count_words(fact: Fact) -> tuple[str, ...]:
    """Per quantity, the word naming what it counts ("bus" for "sekitar 50 unit" of buses); the
    quantity's last word where the fact does not say."""
    if len(fact.count_words) == len(fact.quantities):
        return fact.count_words
    return tuple(q.text.split()[-1].lower() for q in fact.quantities)


def _count_word(fact: Fact, quantity: Quantity) -> str:
    return count_words(fact)[fact.quantities.index(quantity)]


def _clocks(a: Fact, b: Fact) -> list[Difference]:
    left = [c for c in a.clocks if not c.report_time]
    right = [c for c in b.clocks if not c.report_time]
    if len(left) != 1 or len(right) != 1:
        return []
    same = left[0].same_moment(right[0])
    if same is None or same or not left[0].event & right[0].event:
        return []  # comparable only when the same thing happened at both times ("padam pukul ...")
    x, y = left[0], right[0]
    if x.actors - b.capitals or y.actors - a.capitals:
        return []  # "massa dari BEM UI tiba pukul 15.11" / "massa ojol tiba pukul 13.55": another group arrived
    a_text = f"{x.text} {x.zone.upper() if x.zone and len(x.zone) <= 4 else x.zone or ''}".strip()
    b_text = f"{y.text} {y.zone.upper() if y.zone and len(y.zone) <= 4 else y.zone or ''}".strip()
    return [Difference("clock", a_text, b_text, f"different times: {a_text} vs {b_text}")]


def _dates(a: Fact, b: Fact, context: Context) -> list[Difference]:
    """Days that differ for one event: the claims must say the same thing happened (their
    lower-case words, names aside), not "announced on Wednesday" against "signed on Tuesday"."""
    ka, kb = a.dates, b.dates
    shared = a.happened & b.happened
    if len(shared) < SAME_EVENT_WORDS or overlap(a.happened, b.happened) < SAME_EVENT_SHARE:
        return []
    if not _one_happening(_date_event(a), _date_event(b), a.claim.language):
        return []  # "Trump mengumumkan tarif pada April lalu" / "Wall Street ditutup melesat pada Jumat (6/6)": each date is another event's
    a_text, b_text = "; ".join(ka.texts), "; ".join(kb.texts)
    if _plan_and_account(a, b) or _plan_and_account(b, a):
        return []  # "sidang akan digelar pada 11 Juni" / "gugatan dilayangkan pada 16 Mei": a plan and an account
    if _sites_apart(a, b):
        return []  # "pemutihan di Jawa Barat ... Juni" / "pemutihan di Jawa Tengah dimulai April": two places' programmes
    if _moments_apart(a, b):
        return []  # "berlangsung sejak 20 Maret" / "hingga pertengahan Mei, tercatat 1,7 juta": a start, a count so far, an end
    if ka.days and kb.days:
        if _own_day(a) and _own_day(b):
            return []  # each page reports its own day ("harga emas hari ini, Selasa (10/6)"): two reports, no dispute
        if _own_times(a, b, context):
            return []  # "prakiraan cuaca besok, Selasa, 21 Oktober" / "hari ini, Rabu 22 Oktober": two days' reports
        if ka.days & kb.days:
            if ka.weekdays and kb.weekdays and not ka.weekdays & kb.weekdays and len(ka.days) == len(kb.days) == 1:
                return [Difference("weekday", a_text, b_text, f"same day, different weekdays: {a_text} vs {b_text}")]
            return []
        if ka.days & context.days[1] or kb.days & context.days[0] or len(ka.days) > 1 or len(kb.days) > 1:
            return []
        return [Difference("date", a_text, b_text, f"different days: {a_text} vs {b_text}")]
    if ka.months and kb.months and not ka.months & kb.months and len(ka.months) == len(kb.months) == 1:
        return [Difference("date", a_text, b_text, f"different months: {a_text} vs {b_text}")]
    return []


def _date_event(fact: Fact) -> tuple[str, ...]:
    """What happened on the claim's dates: its happened-words within ``DATE_EVENT_WORDS`` words of
    a date as written ("... sempat memimpin pembicaraan di Jenewa" of "pada Mei 2025")."""
    spans = [m.span() for m in _WORD.finditer(fact.text)]
    near: list[str] = []
    for text in fact.dates.texts:
        at = fact.text.find(text) if text.strip() else -1
        if at < 0:
            near = [fact.text[s:e] for s, e in spans]  # a date not found as written: the whole claim tells of it
            break
        first = next((i for i, (s, e) in enumerate(spans) if e > at), len(spans))
        last = next((i for i, (s, e) in enumerate(spans) if s >= at + len(text)), len(spans))
        near += [fact.text[s:e] for s, e in spans[max(0, first - DATE_EVENT_WORDS): last + DATE_EVENT_WORDS]]
    return tuple(w.lower() for w in near if stem(w) in fact.happened)


def _one_happening(a: Sequence[str], b: Sequence[str], language: str) -> bool:
    """Some word of each tells of one thing: the same cheap stem or root, or the stem of one,
    its first letter aside for a prefix's nasal, inside the other ("ditandatangani" /
    "penandatanganan")."""
    if {stem(w) for w in a} & {stem(w) for w in b} or roots(" ".join(a), language) & roots(" ".join(b), language) - {SAID}:
        return True
    return any(_inside(x, y) or _inside(y, x) for x in a for y in b)


def _inside(word: str, other: str) -> bool:
    core = stem(word)[1:]
    return len(core) >= STEM_INSIDE and core in other


_START_BEFORE = re.compile(r"(?<!\w)(?:sejak|semenjak|mulai|dimulai|dibuka|since|from|starting)\s+(?:(?:pada|tanggal|hari|tahun|bulan|on|in)\s+)?$",
                           re.IGNORECASE)
_END_BEFORE = re.compile(r"(?<!\w)(?:hingga|sampai|sampai\s+dengan|s\.d\.|berakhir|batas|until|through)\s+"
                         r"(?:(?:pada|tanggal|hari|tahun|bulan|akhir|on|in)\s+)?$", re.IGNORECASE)
_AS_OF_BEFORE = re.compile(r"(?<!\w)(?:per|as\s+of)\s+(?:(?:tanggal|hari|on)\s+)?$", re.IGNORECASE)
_DATE_ROLE_CHARS = 30  # characters before a claim's first date read for the word that gives its role


def _date_role(fact: Fact) -> str:
    """What a claim's first date is to what it tells: "start" ("sejak 20 Maret"), "end" ("hingga 30
    Juni", "Hingga pertengahan Mei"), "as of" ("harga BBM per 1 Juni 2025": how things stood that
    day), else "at"."""
    text = fact.dates.texts[0] if fact.dates.texts else ""
    at = fact.text.find(text) if text.strip() else -1
    if at < 0:
        return "at"
    before, opening = fact.text[max(0, at - _DATE_ROLE_CHARS): at], text.split()[0] + " "  # "Hingga pertengahan Mei"
    if _START_BEFORE.search(before) or _START_BEFORE.search(opening):
        return "start"
    if _END_BEFORE.search(before) or _END_BEFORE.search(opening):
        return "end"
    if _AS_OF_BEFORE.search(before) or _AS_OF_BEFORE.search(opening):
        return "as of"
    return "at"


def _moments_apart(a: Fact, b: Fact) -> bool:
    """Two moments of one programme, not one moment told two ways: a start and an end (or another
    moment), or the end of a count so far ("hingga pertengahan Mei, tercatat 1,7 juta") and the end
    of the programme ("berlangsung hingga 30 Juni")."""
    roles = (_date_role(a), _date_role(b))
    if "as of" in roles:
        return True  # "harga BBM per 1 Mei 2025" / "... per 1 Juni 2025": how things stood on two days
    if "end" in roles and roles[0] != roles[1]:
        return True
    return roles == ("end", "end") and bool(a.quantities) != bool(b.quantities)


def _plan_and_account(plan: Fact, done: Fact) -> bool:
    """``plan`` tells of something still to happen on a day on or after its page's day, ``done`` of
    something that happened before its page's day: two moments, whatever words they share."""
    if not plan.scheduled or done.scheduled or len(plan.dates.days) != 1 or len(done.dates.days) != 1:
        return False
    plan_day, done_day = _page_day(plan), _page_day(done)
    if plan_day is None or done_day is None:
        return False
    return next(iter(plan.dates.days)) >= plan_day and next(iter(done.dates.days)) < done_day


def _page_day(fact: Fact) -> tuple[int, int] | None:
    """The (month, day) its page was published, if known."""
    try:
        return (int(fact.published[5:7]), int(fact.published[8:10])) if fact.published else None
    except ValueError:
        return None


def _own_times(a: Fact, b: Fact, context: Context) -> bool:
    """Two pages of different days, each claim's days among those its article tells of as its own
    page's time ("besok", "hari ini"): each reports its own day's news, not one event's day."""
    own = getattr(context, "own_days", (frozenset(), frozenset()))
    return bool(a.published and b.published and a.published[:10] != b.published[:10]
                and a.dates.days and a.dates.days <= own[0] and b.dates.days and b.dates.days <= own[1])


def _own_day(fact: Fact) -> bool:
    """The claim's only day is the day its page was published."""
    page = _page_day(fact)
    return page is not None and fact.dates.days == frozenset({page})


def _places_conflict(x: str, y: str, language: str) -> bool:
    if _named_apart(x, y):
        return False
    compass = fact_lexicon(language).compass
    wx, wy = x.split(), y.split()
    # "Jakarta Utara" vs "Jakarta Pusat": one city, two different parts of it
    return len(wx) >= 2 and len(wy) >= 2 and wx[:-1] == wy[:-1] and wx[-1] in compass and wy[-1] in compass


def _places(a: Fact, b: Fact, context: Context) -> list[Difference]:
    """One place on each side, for the same thing, once the places both name are set aside: two
    parts of one city ("Jakarta Utara" / "Jakarta Pusat"), or two names in the same place of two
    claims that say the same thing ("terbang ke Belitung" / "terbang ke Bitung"), neither article
    naming the other's place."""
    left, right = _own_places(a, b), _own_places(b, a)
    if len(left) != 1 or len(right) != 1:
        return []
    (x, x_words), (y, y_words) = left[0], right[0]
    if _names_in(x, context.places[1]) or _names_in(y, context.places[0]):
        return []  # each article names the other's place too: two places, each with its own fact
    if not _places_conflict(x, y, a.claim.language) and not (
            x_words == y_words and overlap(a.stems, b.stems) >= SAME_PLACE
            and overlap(a.happened, b.happened) >= SAME_PLACE and not _named_apart(x, y)):
        return []
    return [Difference("place", x.title(), y.title(), f"different places: {x.title()} vs {y.title()}")]


def _own_places(fact: Fact, other: Fact) -> list[tuple[str, str]]:
    """The places of ``fact`` (with the words before each) that ``other`` does not name too: the
    places both claims give ("konferensi pers di Mapolresta Denpasar") set aside."""
    words = fact.place_words if len(fact.place_words) == len(fact.places) else ("",) * len(fact.places)
    return [(place, before) for place, before in zip(fact.places, words)
            if not any(_named_apart(place, theirs) for theirs in other.places)]


def _places_apart(a: Fact, b: Fact) -> bool:
    """Once the places both name are set aside, each claim names one other place after the same
    words ("terbang ke Belitung" / "terbang ke Bitung"): not one fact told twice, even where an
    article names both places and so no dispute is called."""
    left, right = _own_places(a, b), _own_places(b, a)
    return len(left) == len(right) == 1 and left[0][1] == right[0][1] and not _named_apart(left[0][0], right[0][0])


_AGENT = re.compile(r"(?<![\w'’.-])((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+([a-z]{4,})\b")
_VERB_PREFIXES = ("me", "ber", "di", "ter")  # an Indonesian verb's prefixes ("mendukung", "ditangkap")


def _agents(fact: Fact) -> dict[str, str]:
    """The name right before each Indonesian verb that follows one (the verb -> the folded name,
    titles before it included): who does what ("Ketua Umum ASPEBINDO Anggawira mendukung"). Left
    out: a sentence's capitalised first word alone, one capitalised word after a lower-case one (a
    name inside a phrase, "tim Merah-Putih menembus"), a name ending in an acronym (it may stand for
    another name: "STY"), and verbs of saying (who tells a fact does not make it another). Other
    languages: none (an English noun after a name, "Weeds creator", reads like a verb here)."""
    if fact.claim.language not in ("id", "ms"):
        return {}
    lex = fact_lexicon(fact.claim.language)
    found: dict[str, str] = {}
    for match in _AGENT.finditer(fact.text):
        name, verb = match.groups()
        before = fact.text[:match.start()].split()
        alone = " " not in name and (not before or before[-1][:1].islower())
        if alone or name.split()[-1].isupper() or not verb.startswith(_VERB_PREFIXES) \
                or verb in lex.said_words or verb in lex.stopwords:
            continue
        found.setdefault(verb, name.casefold())
    return found


def _agents_apart(a: Fact, b: Fact) -> bool:
    """Both claims have a name right before the same verb, and neither name holds the last word of
    the other (the person's, where titles come first) nor is the other spelled another way
    ("Ketua Umum HIPMI Akbar Himawan Buchari mendukung ..." / "... Ketua Umum ASPEBINDO Anggawira
    mendukung ..."): two people each doing it, not one fact told twice."""
    theirs = _agents(b)
    for verb, name in _agents(a).items():
        other = theirs.get(verb)
        if other is None:
            continue
        words, other_words = _WORD.findall(name), _WORD.findall(other)
        if words[-1] not in other_words and other_words[-1] not in words and not names_match(name, other):
            return True
    return False


def _one_denies(a: Fact, b: Fact) -> bool:
    """One claim denies and the other neither denies nor negates: never one fact told twice
    ("kabar penculikan itu hoaks" / "beredar kabar penculikan")."""
    return bool(a.denial) != bool(b.denial) and not (a.negated and b.negated)


def _sites_apart(a: Fact, b: Fact) -> bool:
    """Both claims place what they tell, and no place of one is named by the other: two sites."""
    return bool(a.places and b.places) and len(_own_places(a, b)) == len(a.places) and len(_own_places(b, a)) == len(b.places)


def _named_apart(x: str, y: str) -> bool:
    """One name inside the other, its initials, or one name written two ways: not two places.
    Two spellings of a place are judged as the entities judge them ("Donbas" / "Donbass"), stricter
    than names of a claim: "Belitung" and "Bitung" are two places."""
    if x == y or x in y or y in x or same_entity_name(x, y) or _words_within(x, y) or _words_within(y, x):
        return True
    return names_match(x, y) and not spelled_alike(x, y, NAME)  # one the initials of the other


def _words_within(x: str, y: str) -> bool:
    """Every word of the shorter name ``x``, two or more, stands in the longer ``y`` in the same order:
    one name with a word left out ("Suita City Stadium" / "Suita City Football Stadium")."""
    short, long = x.split(), y.split()
    if len(short) < 2 or len(short) >= len(long):
        return False
    rest = iter(long)
    return short[0] == long[0] and short[-1] == long[-1] and all(w in rest for w in short)


def _names_in(place: str, elsewhere: frozenset[str]) -> bool:
    return any(_named_apart(place, other) for other in elsewhere)


def _identifiers(a: Fact, b: Fact) -> list[Difference]:
    found = []
    for kind in sorted({i.kind for i in a.identifiers} & {i.kind for i in b.identifiers}):
        left = {i.value: i.text for i in a.identifiers if i.kind == kind}
        right = {i.value: i.text for i in b.identifiers if i.kind == kind}
        if not set(left) & set(right) and len(left) == len(right) == 1:
            x, y = next(iter(left.values())), next(iter(right.values()))
            if kind in ("regulation", "agreement") and not set(re.findall(r"\d+", x)) & set(re.findall(r"\d+", y)):
                continue  # another number of another year: another regulation (one amending the other), not a typo
            found.append(Difference("identifier", x, y, f"different {kind} numbers: {x} vs {y}"))
    return found


def _permits(a: Fact, b: Fact, context: Context) -> list[Difference]:
    """One grant named as two kinds of permit ("izin eksplorasi" / "Izin Operasi Produksi", both in
    2017): one permit on each side, of kinds that exclude each other, the same year, the same holder or grant
    (a shared name, or most of what happened told alike), and neither article naming the other's
    kind anywhere (an article that names both tells of two permits)."""
    if len(a.permits) != 1 or len(b.permits) != 1 or a.permits[0].kind == b.permits[0].kind:
        return []
    if not a.dates.years & b.dates.years:
        return []
    if not shared_names(a.names, b.names) and overlap(a.happened, b.happened) < SAME_GRANT:
        return []
    x, y = a.permits[0], b.permits[0]
    elsewhere = getattr(context, "permits", (frozenset(), frozenset()))
    if x.kind in elsewhere[1] or y.kind in elsewhere[0]:
        return []
    return [Difference("permit", x.text, y.text, f"different permits: {x.text} vs {y.text}")]


def _minutes(a: Fact, b: Fact) -> list[Difference]:
    """One event of a match (the opening goal, a red card) timed at two minutes, in claims that name
    a side alike (a capitalised word both share, days and months aside). The event's name says
    both count one thing: a match has one opening goal."""
    calendar = {*lexicon(a.claim.language).months, *lexicon(a.claim.language).weekdays}
    if not a.minutes or not b.minutes or not (a.capitals & b.capitals) - calendar:
        return []
    found = []
    for event in sorted({e for _, e, _ in a.minutes} & {e for _, e, _ in b.minutes}):
        left = {(m, text) for m, e, text in a.minutes if e == event}
        right = {(m, text) for m, e, text in b.minutes if e == event}
        if len(left) == len(right) == 1 and next(iter(left))[0] != next(iter(right))[0]:
            x, y = next(iter(left))[1], next(iter(right))[1]
            found.append(Difference("minute", x, y, f"{event} at different minutes: {x} vs {y}", same_thing=True))
    return found


def denied_share(denier: Fact, other: Fact) -> float:
    """The share of what ``denier`` denies that ``other`` states, by the cheap stems or by the roots
    ("membantah adanya penembakan" / "polisi menembak warga": one root, "tembak")."""
    if not denier.denied:
        return 0.0
    by_stems = len(denier.denied & other.stems) / len(denier.denied)
    if not denier.denied_roots:
        return by_stems
    return max(by_stems, len(denier.denied_roots & roots(other.text, other.claim.language)) / len(denier.denied_roots))


def denies_the_words(denier: Fact, other: Fact) -> bool:
    """The denial says someone never said what the other claim, a viral clip's or a rumour's, has that
    person say ("Lestari tidak pernah mengucapkan pernyataan itu" / "video Lestari menyebut petani
    beban negara viral"): the clip is asserted, and denied, whatever talk spreads it."""
    return denier.denied_head_root == SAID and SAID in roots(other.text, other.claim.language) \
        and bool(shared_names(denier.names, other.names))


def _same_denied(denier: Fact, head: str, denied: frozenset[str]) -> bool:
    """Another denial denies what ``denier`` denies: the same head and two more words, or most of its words."""
    shared = len(denier.denied & denied)
    return (bool(head) and head == denier.denied_head and shared >= 2) or (
        bool(denied) and shared / min(len(denier.denied), len(denied)) >= DENIAL_OBJECT)


def _denial(a: Fact, b: Fact, context: Context = Context()) -> list[Difference]:
    """One side denies what the other asserts: most of the denied words are stated by the other claim,
    which neither negates them, says there were none, nor only tells of talk going round ("beredar
    kabar ..."), the two not placing it at other sites; and the denial is not one of "so far"."""
    if bool(a.denial) == bool(b.denial):
        return []
    denier, other = (a, b) if a.denial else (b, a)
    if other.negated or len(denier.denied) < 2 or denied_share(denier, other) < DENIAL_OBJECT:
        return []
    if denier.denied_qualifier and denier.denied_qualifier not in other.stems:
        return []  # "tidak ada mobil nasional yang sukses" / "mobil ini dimaksudkan sebagai mobil nasional": not the kind denied
    if denier.denied_head and denier.denied_head not in other.stems \
            and denier.denied_head_root not in roots(other.text, other.claim.language):
        return []  # "tidak ada monopoli dalam pengadaan laptop" / "pengadaan laptop didampingi jaksa": no monopoly asserted
    reported = getattr(context, "denials", (frozenset(), frozenset()))[1 if denier is a else 0]
    if any(_same_denied(denier, head, denied) for head, denied in reported) and not denies_the_words(denier, other):
        # the other article reports this denial too: it tells both sides, and asserts none against
        # it; but a clip that has someone say it asserts it, whoever reports the denial beside it
        return []
    if other.hearsay and not denies_the_words(denier, other):
        return []  # "beredar kabar penculikan anak di Bekasi": the other reports the rumour, it does not assert it
    if _sites_apart(denier, other):
        return []  # "korban jiwa dalam kebakaran di Tambora" / "... di Cengkareng": another fire
    none = fact_lexicon(other.claim.language).none_words
    if denier.provisional or any(w.lower() in none for w in _WORD.findall(other.text)):
        return []  # "hingga kini tidak ada tersangka": a denial so far; "korban jiwa nihil": no assertion
    x, y = (denier.denial, "asserted") if denier is a else ("asserted", denier.denial)
    return [Difference("denial", str(x), str(y), f"one source denies what the other reports ({denier.denial})")]


def _ages(a: Fact, b: Fact) -> list[Difference]:
    """One person given two ages ("Endang (45)" / "Endang, 46 tahun,"): the same name, one age for it
    on each side. The person is the thing counted, so nothing else need be shared."""
    for name, age, written in a.ages:
        theirs = {(other, text) for person, other, text in b.ages if same_name(name, person)}
        mine = {age2 for person, age2, _ in a.ages if same_name(name, person)}
        if len(theirs) == 1 and len(mine) == 1:
            (other_age, other_text), = theirs
            if other_age != age:
                return [Difference("number", written, other_text, f"different ages: {written} vs {other_text}",
                                   same_thing=True)]
    return []


def _in_slot(items: list[Difference], slot: str) -> list[Difference]:
    return [replace(e, slot=slot) for e in items]


def _event(a: Fact, b: Fact) -> list[Difference]:
    """The same subjects (two or more distinct names) at the same time, but different events
    stated about them ("mengakui" vs "menyatakan kemerdekaan")."""
    found = _in_slot(predicate_evidence(a.claim, b.claim), "event")
    if not found:
        return []
    subjects = sorted(shared_names(a.names, b.names), key=len)
    distinct = [n for i, n in enumerate(subjects) if not any(n in longer or longer in n for longer in subjects[i + 1:])]
    return found if len(distinct) >= 2 else []


def _negation(a: Fact, b: Fact) -> list[Difference]:
    """One claim negates a word the other states, and does not state it itself un-negated; never
    two denials in other words ("menyanggah" / "membantah": both deny)."""
    if a.denial and b.denial:
        return []
    found = negation_evidence(a.claim, b.claim)
    if not found:
        return []
    negator, other = (a, b) if a.negated else (b, a)
    word = found[0].a.split()[-1]  # "tidak X" on one side, "X" on the other
    if word in fact_lexicon(negator.claim.language).not_only:
        return []  # "bukan hanya saat ini": "not only", no negation
    negations = lexicon(negator.claim.language).negations
    words = [w.lower() for w in _WORD.findall(negator.text)]
    stated_plainly = any(w == word and (i == 0 or words[i - 1] not in negations) for i, w in enumerate(words))
    if stated_plainly:
        return []
    # the negation must stand where the other states the word: after the same word ("jalan tol itu
    # tidak ditutup" / "jalan tol itu ditutup"), not in another phrase ("tanpa harus bikin baru" /
    # "kalau bikin SIM baru harus di Satpas")
    theirs = [w.lower() for w in _WORD.findall(other.text)]
    at = words.index(word) - 1  # not stated plainly: every time it is written, a negation stands before it
    if at > 0 and not any(w == word and i > 0 and theirs[i - 1] == words[at - 1] for i, w in enumerate(theirs)):
        return []
    if any(not shared_names([n], other.names) for n in negator.names):
        return []  # "izin PT Gag Nikel tak dicabut" / "empat perusahaan yang izinnya dicabut": another subject
    return found


def _no_value_shared(a: Fact, b: Fact) -> bool:
    """Both claims give amounts, and none of one side's is the other's: not one fact told twice."""
    return bool(a.quantities and b.quantities) and not any(
        x.unit == y.unit and x.compatible(y) for x in a.quantities for y in b.quantities)


def _written_apart(a: Fact, b: Fact) -> bool:
    """Both claims write numbers (levels, amounts, counts; dates aside) and share none."""
    x, y = set(_FIGURE.findall(a.text)), set(_FIGURE.findall(b.text))
    return bool(x and y) and not x & y


def _when(fact: Fact) -> DateKeys:
    """The claim's own dates, else those of the sentence it points back to ("Realisasi itu ...")."""
    return fact.dates if (fact.dates.days or fact.dates.months) or fact.scope is None else fact.scope


def _other_moments(a: Fact, b: Fact) -> bool:
    """Both claims are dated, at different moments: days that share none, or months that share none
    ("harga ... pada Kamis (5/6)" / "... pada April lalu")."""
    ka, kb = _when(a), _when(b)
    if ka.days and kb.days:
        return not ka.days & kb.days
    return bool(ka.months and kb.months and not ka.months & kb.months)


def _moves(fact: Fact) -> set[str]:
    """The ways the claim says a value moved (``directions`` of the fact vocabulary: up, down, flat)."""
    ways = fact_lexicon(fact.claim.language).directions
    return {ways[w] for w in (x.lower() for x in _WORD.findall(fact.text)) if w in ways}


def _moved_apart(a: Fact, b: Fact) -> bool:
    """Each side says the value moved one way only, and not the same way ("dolar AS menguat
    0,05%" / "dolar AS melemah 0,20"; "stagnan" / "melemah 0,03%"): whatever else they share, not
    the same fact told alike."""
    moves_a, moves_b = _moves(a), _moves(b)
    return len(moves_a) == len(moves_b) == 1 and moves_a != moves_b


def _page_days_apart(a: Fact, b: Fact) -> bool:
    """Both claims tell of their own page's day in words relative to it, and the days differ ("kurs
    dolar menguat pada perdagangan hari ini" on pages of 21 July and 21 August): two days' reports,
    whatever their words share."""
    days_a, days_b = deictic_days(a.claim), deictic_days(b.claim)
    return bool(days_a and days_b and not days_a & days_b)


def quoted_apart(a: str, b: str) -> bool:
    """The two claims quote one utterance (a direct quote of ``QUOTE_WORDS`` or more words written
    alike in order) that differs in one short run of words or two ("... baru terbang ke Belitung"
    / "... baru terbang ke Bitung"): one speaker said one thing, so the two values cannot both be
    what was said, whatever else each article names."""
    for x in _QUOTED.findall(a):
        left = [w.lower() for w in _WORD.findall(x)]
        for y in _QUOTED.findall(b):
            right = [w.lower() for w in _WORD.findall(y)]
            ops = SequenceMatcher(None, left, right, autojunk=False).get_opcodes()
            runs = [op for op in ops if op[0] != "equal"]
            same = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
            if runs and len(runs) <= 2 and same >= QUOTE_WORDS and same >= 0.8 * max(len(left), len(right)) \
                    and all(max(i2 - i1, j2 - j1) <= QUOTE_CHANGED for _, i1, i2, j1, j2 in runs):
                return True
    return False


def written_year(text: str) -> int | None:
    """The year a date is written with ("Selasa (7/10/2024)": 2024), if any."""
    years = _YEAR_WRITTEN.findall(text)
    return int(years[-1]) if years else None


def weekday_day(day: str, weekday: int) -> str:
    """The day a weekday written beside ``day`` names: ``day`` when it fits, else the nearest day
    (three days either way) that has it ("Senin (14/10/2025)": Monday 13 October 2025)."""
    written = date.fromisoformat(day)
    return (written + timedelta(days=(weekday - written.weekday() + 3) % 7 - 3)).isoformat()


def weekdays_apart(a: Fact, b: Fact) -> list[Difference]:
    """One calendar day written with two weekday names ("Kamis (20/10/2025)" / "Senin (20/10/2025)"),
    or with one weekday and two years ("Selasa (7/10/2024)" / "Selasa (7/10/2025)", the weekday fitting
    the second): whatever each sentence tells of that day, the two sources disagree on which it was."""
    named_b = {day: (weekday, text) for day, weekday, text in b.dates.named}
    for day, weekday, text in sorted(a.dates.named):
        if day not in named_b:
            continue
        other_weekday, other = named_b[day]
        if other_weekday != weekday:
            return [Difference("weekday", text, other, f"one day, two weekdays: {text} vs {other}")]
        years = written_year(text), written_year(other)
        if None not in years and years[0] != years[1]:
            return [Difference("date", text, other, f"one day, two years: {text} vs {other}")]
    meant_b = {weekday_day(day, weekday): (day, text) for day, weekday, text in b.dates.named}
    for day, weekday, text in sorted(a.dates.named):
        meant = meant_b.get(weekday_day(day, weekday))
        if meant and meant[0] != day:  # "Senin (13/10/2025)" / "Senin (14/10/2025)": one Monday, written two ways
            return [Difference("date", text, meant[1], f"one weekday, two days: {text} vs {meant[1]}")]
    return []


def differences(a: Fact, b: Fact, context: Context = Context()) -> list[Difference]:
    """Every slot in which the two facts give incompatible values."""
    if _SPACES.sub("", a.text.casefold()) == _SPACES.sub("", b.text.casefold()):
        return []  # the same words, one copy glued where a link was cut
    if named := weekdays_apart(a, b):
        return named
    if quoted_apart(a.text, b.text):
        # one utterance quoted two ways: that each article names the other's value elsewhere
        # does not make them two facts
        context = replace(context, quantities=((), ()), days=(frozenset(), frozenset()), places=(frozenset(), frozenset()))
    if max(len(a.quantities), len(b.quantities)) > LIST_VALUES:
        return []  # a price list or a table, not one fact
    if _other_moments(a, b):
        # two days' or months' reports: only the day itself can be disputed, when what happened on
        # it is told alike (other values on other days are two facts: a price then and now)
        return [] if _numbers(a, b, context) or _no_value_shared(a, b) else _dates(a, b, context)
    found = [*_denial(a, b, context), *_identifiers(a, b), *_numbers(a, b, context), *_clocks(a, b), *_dates(a, b, context),
             *_places(a, b, context), *_permits(a, b, context), *_minutes(a, b), *_ages(a, b)]
    if not found:
        found += _negation(a, b)
    if not _no_value_shared(a, b) and not _written_apart(a, b):
        found += _event(a, b)  # "IHSG dibuka pada 7.136" / "IHSG ditutup pada 7.230": two moments, each with its value
    return found


_YEAR_WRITTEN = re.compile(r"(?:19|20)\d\d(?!\d)")


def _year_count(quantity: Quantity) -> bool:
    """A year read as a count of the word after it ("his entire 2019 haul"): no count at all."""
    return quantity.unit.startswith("word:") and bool(_YEAR_WRITTEN.match(quantity.text))


def _values_unmatched(a: Fact, b: Fact) -> bool:
    """A kind of value both claims state (a percentage, an amount of rupiah, a count of people, a
    day, a time of day) where a value of the side that gives fewer has no compatible value on the
    other side: "turun 0,1%" / "naik 0,5%, membawa kenaikan tahunan 7,2%" cannot be agreed, though
    with two values on one side which is which cannot be told for a dispute."""
    counted = ([q for q in a.quantities if not _year_count(q)], [q for q in b.quantities if not _year_count(q)])
    for unit in {q.unit for q in counted[0]} & {q.unit for q in counted[1]}:
        left = [q for q in counted[0] if q.unit == unit]
        right = [q for q in counted[1] if q.unit == unit]
        fewer, more = (left, right) if len(left) <= len(right) else (right, left)
        if any(not any(x.compatible(y) for y in more) for x in fewer):
            return True
    if a.dates.days and b.dates.days and not (a.dates.days <= b.dates.days or b.dates.days <= a.dates.days):
        return True  # "20 dan 21 Oktober" / "21 dan 22 Oktober"
    clocks = ([c for c in a.clocks if not c.report_time], [c for c in b.clocks if not c.report_time])
    if all(clocks):
        fewer, more = sorted(clocks, key=len)
        # a time that is not the same moment as any of the other's, or whose zone cannot be related
        # to theirs ("pukul 16.00 WIB" / "pukul 16.00 waktu setempat")
        return any(not any(x.same_moment(y) for y in more) for x in fewer)
    return False


def _published_day(fact: Fact) -> str | None:
    return fact.published[:10] if fact.published else None


def _is_update(a: Fact, b: Fact, found: list[Difference]) -> bool:
    """A changing value seen at two times: a count or a measure (never an identifier, a place or a
    denial) that one side calls provisional or dates with a report time, or that two days' pages give."""
    if not found or any(d.slot not in ("number", "clock") for d in found):
        return False
    if a.provisional or b.provisional:
        return True
    if any(c.report_time for c in a.clocks + b.clocks):
        return True
    days = {_published_day(a), _published_day(b)}
    return None not in days and len(days) == 2


READ_AS_INDONESIAN = frozenset({"ms"})  # Malay: read with the Indonesian words of negation, denial and counting, which it shares


def relate(a: Fact, b: Fact, score: float, context: Context = Context()) -> Relation:
    """What the brief says of two aligned facts of different articles (``score``: their alignment margin)."""
    found = differences(a, b, context)
    same = same_subject(a, b)
    read = all(resources.has("claims", f.claim.language) or f.claim.language in READ_AS_INDONESIAN for f in (a, b))
    if found and not read and not (found[0].slot in ("weekday", "date") and weekdays_apart(a, b)):
        # without the language's words of negation, time and counting, a denial ("nie wpłacił"), an
        # earlier time ("l'anno scorso") or a count of another moment cannot be told from a contradiction
        return Relation("related", tuple(found), "a language whose negations and slots are not read: not shown to contradict")
    if found:
        if found[0].slot in ("denial", "event", "negation"):
            return Relation("dispute", tuple(found), "one side states what the other denies or does not state")
        if found[0].slot in ("weekday", "date") and weekdays_apart(a, b):
            return Relation("dispute", tuple(found), "the sources give one calendar day two weekdays or two years")
        if a.conditional != b.conditional and found[0].slot != "identifier":
            return Relation("related", tuple(found), "one side tells what holds only under a condition")
        if _is_update(a, b, found):
            return Relation("update", tuple(found), "the value changed between reports")
        if ((same or found[0].same_thing) and score >= DISPUTE_SCORE) or any(d.slot == "minute" for d in found):
            return Relation("dispute", tuple(found), "the same fact with different values")
        return Relation("related", tuple(found), "different values, but not shown to be the same fact")
    if _other_moments(a, b) or _page_days_apart(a, b):
        return Relation("related", (), "told of two moments")  # "sampai 31 Agustus ..." / "sampai 30 September ..."
    if score >= AGREE_SCORE and same and _places_apart(a, b):
        return Relation("related", (), "the same words, but each names another place where the other names one")
    if score >= AGREE_SCORE and same and _agents_apart(a, b):
        return Relation("related", (), "the same words, but each names another who does it")
    if score >= AGREE_SCORE and same and _one_denies(a, b):
        return Relation("related", (), "the same words, but one side denies and the other does not")
    if score >= AGREE_SCORE and same and _moved_apart(a, b):
        return Relation("related", (), "one side says the value went one way, the other another")
    if score >= AGREE_SCORE and same and _values_unmatched(a, b):
        return Relation("related", (), "a value of one side has no match among the other's values of its kind")
    if score >= AGREE_SCORE and same and not read:
        # without the language's words of negation, denial and counting, "the same polarity, every
        # slot matching" cannot be checked ("Die Polizei hat den Verdacht nicht bestätigt")
        return Relation("related", (), "a language whose negations and slots are not read: not shown to agree")
    if score >= AGREE_SCORE and same:
        return Relation("agree", (), "the same fact; every slot both state matches")
    return Relation("related", (), "similar, not shown to be the same fact")
