"""Facts: a claim read into typed slots, the form in which claims of a story are compared.

A fact is one claim (a sentence or clause of one article) with what it states split into
slots: quantities with their unit and the thing they count, clock times with their zone,
calendar days, places, identifiers (flights, regulations, plates), kinds of permit ("izin
eksplorasi"), minutes of a match's events ("memecah kebuntuan di menit ke-37"), names, the
event (predicate), negation and denial, and whether it gives a provisional or dated value
("sementara", "hingga pukul 18.00": a value that may change, an update rather than a dispute).
Each fact also knows its independent source: the outlet, with copies and translations folded
into the source they copy.

The words behind the slots live in the ``facts`` part of ``resources/claims/<lang>.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from kroscek.compare.claims import (
    Claim,
    DateKeys,
    Quantity,
    content_words,
    date_keys,
    lexicon,
    names,
    negated,
    predicates,
    quantities,
)
from kroscek.text import lexicon as resources
from kroscek.text.fold import fold
from kroscek.text.gazetteer import lookup

_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_CLOCK = re.compile(r"(?<![\w.,])(\d{1,2})[.:](\d{2})(?![\w.,]?\d)")
_CAPITAL_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")
_PIECE_END = re.compile(r"(?<=[.!?;])\s+")  # a sentence or a clause after ";" inside one claim
_SENTENCE_END = re.compile(r"(?<=[a-z]{4})\.\s")  # "Belitung. Kamar": a point after a word, not after "Jl" or "St"
STEM_PREFIX = 6  # words compared by their first letters once affixes are cut: a cheap stem
COUNT_CONTEXT = 3  # words each side of a number that say what it counts
PERMIT_KIND = 2  # words after a permit word that name its kind
DENIED_WORDS = 2  # content words after a denial that say what it denies; with fewer, the words before it do


@dataclass(frozen=True)
class FactLexicon:
    """One language's words for the slots of a fact (``facts`` in ``resources/claims/<lang>.json``)."""

    denials: tuple[str, ...]
    denial_talk: frozenset[str]  # words that name what is denied as talk ("kabar", "isu"), not what happened
    provisional: tuple[str, ...]
    report_time_before: frozenset[str]
    clock_before: frozenset[str]
    zones: dict[str, int | None]
    place_before: frozenset[str]
    compass: frozenset[str]
    identifiers: dict[str, re.Pattern[str]]
    flight_context: frozenset[str]
    same_event: tuple[tuple[str, ...], ...]  # words that say one thing happened ("terbakar", "ludes", "hangus")
    stopwords: frozenset[str]
    denial_particles: frozenset[str] = frozenset()  # words that may stand inside a denial ("kecil juga kemungkinan")
    none_words: frozenset[str] = frozenset()  # words that say there was none ("korban jiwa nihil"): no assertion to deny
    conditions: tuple[str, ...] = ()  # words that open a condition ("jika", "apabila"): what follows holds only if it does
    hearsay: tuple[str, ...] = ()  # words that tell of talk going round ("beredar kabar", "isu"): no assertion to deny
    denial_light: frozenset[str] = frozenset()  # words after a denial that do not name what it denies ("melakukan", "adanya")
    denial_subjects: frozenset[str] = frozenset()  # words after a denial naming who is cleared ("dirinya", "kliennya"), not what
    attribution: frozenset[str] = frozenset()  # words after a comma that open the speaker's tag (", kata Kapolres ...")
    speaker_denials: frozenset[str] = frozenset()  # denials whose words before them name who denies ("Budi membantah")
    passive_before: frozenset[str] = frozenset()  # words that make such a denial passive ("reports were denied")
    age_words: tuple[str, ...] = ()  # words before a person's age in years ("berusia 45 tahun")
    say_words: frozenset[str] = frozenset()  # verbs after which a speaker's words begin ("menegaskan", "mengatakan")
    said_words: frozenset[str] = frozenset()  # words of saying something, one root in a denial ("mengucapkan", "menyebut")
    not_person: frozenset[str] = frozenset()  # capitalised words before a number in brackets that name a part ("Ayat (1)")
    scheduled: tuple[str, ...] = ()  # words that tell of something still to happen ("akan", "dijadwalkan"): a plan, not an account
    not_only: frozenset[str] = frozenset()  # words a negation before them makes "not only" ("bukan hanya"): no negation
    whole_before: frozenset[str] = frozenset()  # words before a count that is the whole another is part of ("20 bus dari 104 bus")
    classifiers: frozenset[str] = frozenset()  # counting words that say nothing of what is counted ("50 unit")
    permit_words: frozenset[str] = frozenset()  # words naming a permit or licence, its kind after them ("izin eksplorasi")
    permit_kinds: tuple[tuple[str, str], ...] = ()  # (phrase, kind): kinds of permit that exclude each other, longest first
    minute_patterns: tuple[re.Pattern[str], ...] = ()  # the minute of a match ("menit ke-37"), its number the first group
    one_event: tuple[tuple[str, str], ...] = ()  # (phrase, event): phrases that name one event of a match, longest first
    directions: dict[str, str] = field(default_factory=dict)  # word -> the way it says a value moved: up | down | flat
    none_denials: frozenset[str] = frozenset()  # denials that say there is none of what follows ("tidak ada")
    agent_before: frozenset[str] = frozenset()  # the word before the agent of a passive ("dibantah oleh Polda"): who denies
    besides: tuple[str, ...] = ()  # words after which a count counts another set than the claim's ("di luar", "selain")
    kind_acronyms: frozenset[str] = frozenset()  # acronyms naming a kind, not someone ("lsm", "asn", "wni"), folded
    kind_of: dict[str, str] = field(default_factory=dict)  # a capitalised kind -> the wider kind it is one of ("pilgub": "pilkada")
    regulation_short: dict[str, str] = field(default_factory=dict)  # a kind of regulation written out -> its short form ("Undang-Undang": "UU")


@cache
def fact_lexicon(language: str) -> FactLexicon:
    """The fact vocabulary of ``language`` (``text.lexicon``'s rule: Indonesian when there is none for it)."""
    if not resources.has("claims", language):
        return fact_lexicon(resources.DEFAULT_LANGUAGE)
    data = resources.load("claims", language)["facts"]
    return FactLexicon(
        denials=tuple(sorted(data["denials"], key=len, reverse=True)),
        denial_talk=frozenset(data.get("denial_talk", ())),
        denial_particles=frozenset(data.get("denial_particles", ())),
        none_words=frozenset(data.get("none_words", ())),
        hearsay=tuple(data.get("hearsay", ())),
        conditions=tuple(data.get("conditions", ())),
        denial_light=frozenset(data.get("denial_light", ())),
        denial_subjects=frozenset(data.get("denial_subjects", ())),
        attribution=frozenset(data.get("attribution", ())),
        speaker_denials=frozenset(data.get("speaker_denials", ())),
        passive_before=frozenset(data.get("passive_before", ())),
        age_words=tuple(data.get("age_words", ())),
        not_person=frozenset(data.get("not_person", ())),
        say_words=frozenset(data.get("say_words", ())),
        said_words=frozenset(data.get("said_words", ())),
        scheduled=tuple(data.get("scheduled", ())),
        not_only=frozenset(data.get("not_only", ())),
        provisional=tuple(data["provisional"]),
        report_time_before=frozenset(data["report_time_before"]),
        clock_before=frozenset(data["clock_before"]),
        zones=dict(data["zones"]),
        place_before=frozenset(data["place_before"]),
        compass=frozenset(data["compass"]),
        identifiers={kind: re.compile(pattern) for kind, pattern in data["identifier_patterns"].items()},
        flight_context=frozenset(data["flight_context"]),
        same_event=tuple(tuple(group) for group in data["same_event"]),
        stopwords=frozenset(data["stopwords"]),
        whole_before=frozenset(data.get("whole_before", ())),
        classifiers=frozenset(data.get("classifiers", ())),
        permit_words=frozenset(data.get("permit_words", ())),
        permit_kinds=tuple(sorted(((phrase, kind) for kind, phrases in data.get("permit_kinds", {}).items()
                                   for phrase in phrases), key=lambda item: -len(item[0]))),
        minute_patterns=tuple(re.compile(p, re.IGNORECASE) for p in data.get("minute_patterns", ())),
        one_event=tuple(sorted(((phrase, event) for event, phrases in data.get("one_event", {}).items()
                                for phrase in phrases), key=lambda item: -len(item[0]))),
        directions={word: way for way, words in data.get("directions", {}).items() for word in words},
        none_denials=frozenset(data.get("none_denials", ())),
        agent_before=frozenset(data.get("agent_before", ())),
        besides=tuple(data.get("besides", ())),
        kind_acronyms=frozenset(w.lower() for w in data.get("kind_acronyms", ())),
        kind_of={narrow.lower(): wide.lower() for narrow, wide in data.get("kind_of", {}).items()},
        regulation_short={long.upper(): short.upper() for long, short in data.get("regulation_short", {}).items()},
    )


@dataclass(frozen=True)
class ClockTime:
    """A time of day a claim states: minutes after midnight, its zone, and whether it is the
    moment something happened or the moment a count was taken ("hingga pukul 18.00")."""

    minutes: int
    zone: str | None
    offset: int | None  # hours from UTC when the zone names one
    text: str
    report_time: bool = False
    event: frozenset[str] = frozenset()  # stems of the words before it: what happened at that time
    actors: frozenset[str] = frozenset()  # folded capitalised words among those: who it happened to ("massa dari BEM UI tiba")

    def same_moment(self, other: ClockTime) -> bool | None:
        """True / False when the two can be compared, None when their zones cannot be related
        ("waktu setempat" against WIB). A time without a zone is taken in the other's zone."""
        if self.offset is not None and other.offset is not None:
            return (self.minutes - 60 * self.offset) % 1440 == (other.minutes - 60 * other.offset) % 1440
        if self.zone and other.zone and self.zone != other.zone:
            return None
        return self.minutes == other.minutes


@dataclass(frozen=True)
class Identifier:
    """A flight, regulation or plate number, as written and normalised for comparison."""

    kind: str
    value: str
    text: str


@dataclass(frozen=True)
class Permit:
    """A permit or licence a claim names: its kind and how it is written."""

    kind: str
    text: str


@dataclass(frozen=True)
class Fact:
    """A claim and its slots."""

    claim: Claim
    source: str  # the independent source: an outlet, copies and translations folded into their original
    published: str | None
    quantities: tuple[Quantity, ...]
    clocks: tuple[ClockTime, ...]
    dates: DateKeys
    places: tuple[str, ...]  # folded place names the claim locates something in
    identifiers: tuple[Identifier, ...]
    names: frozenset[str]
    predicates: tuple[tuple[str, str], ...]  # (event class, phrase)
    negated: bool
    denial: str | None  # the phrase denying something ("membantah", "tidak benar")
    denied: frozenset[str]  # stems of what follows the denial: what is denied
    provisional: bool  # the value may change: "sementara", "hingga kini", "bertambah menjadi"
    conditional: bool = False  # it holds only under a condition it names ("jika hujan belum turun, ... hingga November")
    hearsay: bool = False  # it tells of talk going round ("beredar kabar ...", "isu ... viral"), asserting none of it
    denied_head: str = ""  # stem of the first word naming what a denial denies ("monopoli" of "tidak ada monopoli dalam ...")
    denied_roots: frozenset[str] = frozenset()  # roots of what a denial denies (Sastrawi's: "penembakan" is "tembak")
    denied_head_root: str = ""  # the root of its head
    denied_qualifier: str = ""  # stem of the first word of a relative clause in what is denied ("tidak ada mobil ... yang sukses")
    scheduled: bool = False  # it tells of something still to happen ("sidang akan digelar pada 11 Juni"): a plan
    stems: frozenset[str] = field(default_factory=frozenset)
    place_words: tuple[str, ...] = ()  # per place, the words before it: how the claim locates it ("terbang ke")
    counted: tuple[frozenset[str], ...] = ()  # per quantity, stems of the words around it: what happened to what it counts
    count_words: tuple[str, ...] = ()  # per quantity, the word naming what it counts ("bus" for "sekitar 50 unit" of buses)
    wholes: tuple[Quantity, ...] = ()  # counts that are the whole another count is part of ("dari 104 bus"), not compared
    happened: frozenset[str] = frozenset()  # stems of its lower-case content words, names and place words aside
    permits: tuple[Permit, ...] = ()  # the kind of each permit it names ("izin eksplorasi")
    scope: DateKeys | None = None  # the dates of the sentence a claim points back to ("Realisasi itu ..."): when it holds
    minutes: tuple[tuple[int, str, str], ...] = ()  # (minute, event, as written) of a match: "memecah kebuntuan di menit ke-37"
    capitals: frozenset[str] = frozenset()  # folded capitalised words, a sentence's first word too: who a match is about
    ages: tuple[tuple[str, int, str], ...] = ()  # (folded name, age, as written) of the people it gives an age: "Endang (45)"

    @property
    def text(self) -> str:
        return self.claim.text

    @property
    def article(self) -> str:
        return self.claim.article


def _phrases(lower_words: list[str], phrases: tuple[str, ...]) -> str | None:
    joined = f" {' '.join(lower_words)} "
    return next((p for p in phrases if f" {p} " in joined), None)


RELATIVE = ("yang", "who", "which")  # words opening a relative clause: a denial right after one describes ("wajib pajak yang tidak pernah menunggak")


def _denial_phrase(lower_words: list[str], lex: FactLexicon, language: str) -> str | None:
    """The first denial phrase of a claim that denies something: not one inside a relative clause,
    which describes who or what ("berlaku bagi wajib pajak yang tidak pernah menunggak"), nor one
    counted ("627 ribu usulan baru + 36 ribu sanggahan": objections filed, a number of them)."""
    joined = f" {' '.join(w for w in lower_words if w not in lex.denial_particles)} "
    counting = lexicon(language)
    for phrase in lex.denials:
        at = joined.find(f" {phrase} ")
        while at >= 0:
            before = joined[: at + 1]
            last = before.split()[-1:] or [""]
            counted = last[0].isdigit() or last[0] in counting.number_words or last[0] in counting.scales
            if not before.endswith(tuple(f" {word} " for word in RELATIVE)) and not counted:
                return phrase
            at = joined.find(f" {phrase} ", at + 1)
    return None


def _clock_times(text: str, lex: FactLexicon) -> tuple[ClockTime, ...]:
    found = []
    for match in _CLOCK.finditer(text):
        hours, minutes = int(match.group(1)), int(match.group(2))
        before = [w.lower() for w in _WORD.findall(text[: match.start()])[-3:]]
        if hours > 24 or minutes > 59 or not (set(before[-2:]) & lex.clock_before or _zone_after(text[match.end():], lex)):
            continue  # "1.50" is a number unless "pukul", "jam" or a zone says it is a time
        zone = _zone_after(text[match.end():], lex)
        report = bool(set(before[-3:-1] if before[-1:] and before[-1] in lex.clock_before else before[-2:]) & lex.report_time_before)
        lead = re.split(r"[,;:()]", text[: match.start()])[-1]
        content = [w for w in _WORD.findall(lead) if w.lower() not in lex.stopwords and w.lower() not in lex.clock_before
                   and not w.isdigit()]
        event = frozenset(stem(w) for w in content[-3:])
        actors = frozenset(fold(w) for w in content[-3:] if w[:1].isupper())
        found.append(ClockTime(60 * hours + minutes, zone, lex.zones.get(zone) if zone else None, match.group(), report,
                               event, actors))
    return tuple(found)


def _zone_after(rest: str, lex: FactLexicon) -> str | None:
    words = [w.lower() for w in _WORD.findall(rest[:40])][:3]
    for size in (3, 2, 1):
        phrase = " ".join(words[:size])
        if len(words) >= size and phrase in lex.zones:
            return phrase
    return None


def _places(text: str, lex: FactLexicon) -> tuple[tuple[str, str], ...]:
    """Capitalised names right after a place word ("di Jakarta Utara", "Kecamatan Benjeng"), each
    with the words before it ("terbang ke", "Kecamatan"). A name ends where a sentence inside the
    claim ends ("ke Belitung. Kamar korban ..."), an abbreviation's point aside ("Jl. Sudirman")."""
    found: dict[str, str] = {}
    for match in _CAPITAL_RUN.finditer(text):
        before = _WORD.findall(text[: match.start()])[-2:]
        if before and before[-1].lower() in lex.place_before and not before[-1][:1].isupper():
            name = _SENTENCE_END.split(match.group(), maxsplit=1)[0]
            found.setdefault(fold(name).strip(".-"), " ".join(w.lower() for w in before))
    return tuple(found.items())


def _identifiers(text: str, lex: FactLexicon) -> tuple[Identifier, ...]:
    lower = {w.lower() for w in _WORD.findall(text)}
    found = []
    for kind, pattern in lex.identifiers.items():
        if kind == "flight" and not lower & lex.flight_context:
            continue
        for match in pattern.finditer(text):
            written = match.group("value") if "value" in pattern.groupindex else match.group()
            value = re.sub(r"[\s.-]+", "", written.rstrip(".,")).upper()  # "value": the number alone, the words before it aside
            if kind == "regulation":
                written_kind = match.group().split()[0].upper()
                value = "-".join([lex.regulation_short.get(written_kind, written_kind), *re.findall(r"\d+", match.group())])
            if kind == "flight" and not any(c.isdigit() for c in value[:2]) and value[:2].lower() in lower and not value[2:].isdigit():
                continue
            found.append(Identifier(kind, value, match.group()))
    return tuple(found)


@cache
def _same_event_stems() -> dict[str, str]:
    """The stem of each word that says one thing happened -> the stem of its group's first word."""
    table: dict[str, str] = {}
    for language in ("id", "en"):
        for group in fact_lexicon(language).same_event:
            for word in group:
                table.setdefault(_cut(word), _cut(group[0]))
    return table


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A cheap stem: affixes cut and the first letters kept; words that say one thing happened
    ("ludes", "hangus", "terbakar") share one stem."""
    cut = _cut(word)
    return _same_event_stems().get(cut, cut)


def _cut(word: str) -> str:
    """Indonesian prefixes and suffixes cut, then the first letters."""
    word = word.lower()
    for prefix in ("memper", "diper", "meng", "meny", "mem", "men", "me", "ber", "ter", "di", "pe", "ke", "se"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            word = word[len(prefix):]
            break
    for suffix in ("kannya", "annya", "kan", "nya", "an", "lah"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:STEM_PREFIX]


def stems(text: str, language: str) -> frozenset[str]:
    """Stems of a claim's content words, function words left out."""
    stop = fact_lexicon(language).stopwords
    return frozenset(stem(w) for w in content_words(text, language) if w not in stop)


def _permits(text: str, lex: FactLexicon) -> tuple[Permit, ...]:
    """The permits a claim names whose kind excludes another's ("izin eksplorasi" / "Izin Operasi
    Produksi", "IUP Eksplorasi"): the words right after a permit word, up to ``PERMIT_KIND`` of them
    up to a function word or a number, read against the language's permit kinds. A generic name
    ("Izin Usaha Pertambangan") gives no kind. After a lower-case permit word only lower-case words
    name its kind: "izin Kementerian" names who grants it."""
    words = _WORD.findall(text)
    found: list[Permit] = []
    for i, word in enumerate(words):
        if word.lower() not in lex.permit_words:
            continue
        after: list[str] = []
        for nxt in words[i + 1:i + 1 + PERMIT_KIND]:
            if nxt.lower() in lex.stopwords or nxt.lower() in lex.permit_words or any(c.isdigit() for c in nxt) \
                    or (nxt[:1].isupper() and not word[:1].isupper()):
                break
            after.append(nxt)
        phrase = f" {' '.join(after).lower()} "
        kind = next((k for p, k in lex.permit_kinds if phrase.startswith(f" {p} ")), None)
        if kind and kind not in {p.kind for p in found}:
            found.append(Permit(kind, " ".join([word, *after])))
    return tuple(found)


def _minutes(text: str, lex: FactLexicon) -> tuple[tuple[int, str, str], ...]:
    """The minutes of a match a claim gives, each with the event its clause names ("memecah kebuntuan
    di menit ke-37", "membuka keunggulan pada menit ke-38": both the opening goal). A minute whose
    clause (before it, else after it) names no known event is left out: which goal or card it times cannot be told."""
    found = []
    for pattern in lex.minute_patterns:
        for match in pattern.finditer(text):
            before = re.split(r"[,;:()]", text[: match.start()])[-1]
            after = re.split(r"[,;:()]|[.!?](?:\s|$)", text[match.end():])[0]
            event = next((e for clause in (before, after) for phrase, e in lex.one_event
                          if f" {phrase} " in f" {' '.join(_WORD.findall(clause.lower()))} "), None)
            if event:
                found.append((int(match.group(1)), event, match.group()))
    return tuple(found)


def _denial_object(text: str, denial: str, language: str) -> tuple[str, str]:
    """What a denial denies, as its words and its head (the first of them that names something):
    the words after it in its sentence ("membantah adanya kontak tembak"),
    or, when it closes its sentence, the words before it, from the word that names it as talk on
    ("polisi menyebut kabar penembakan itu tidak benar": "penembakan itu"), unless they name who
    denies ("Kapolres Budi membantah tudingan itu": nothing said of what is denied); words that only name
    it as talk ("kabar", "isu") left out, and particles inside the denial ("kecil juga kemungkinan"),
    and the words naming who it clears ("membantah kliennya menodongkan senjata": what is denied
    is the threat, not the client)."""
    lex = fact_lexicon(language)
    talk = lex.denial_talk | lex.denial_subjects
    pieces = [" ".join(w.lower() for w in _WORD.findall(_untagged(piece, denial, lex)) if w.lower() not in lex.denial_particles)
              for piece in _PIECE_END.split(text)]
    lower = next((piece for piece in pieces if f" {denial} " in f" {piece} "), "")
    at = lower.find(denial)
    if at < 0:
        return "", ""

    def said(part: str) -> str:
        return " ".join(w for w in part.split() if w not in talk)

    rest = lower[at + len(denial):]
    if rest.split()[:1] and rest.split()[0] in lex.agent_before:
        rest = ""  # "hal itu dibantah oleh Polda Sumut": the words after it name who denies, not what
    if len(stems(said(rest), language)) >= DENIED_WORDS:
        # the head: the first word after the denial that names something ("tidak ada monopoli dalam
        # proses pengadaan": "monopoli"), words that only carry it ("melakukan", "adanya") skipped
        stop = lex.stopwords | lex.denial_light | talk
        return said(rest), next((w for w in rest.split() if w not in stop and not w[:1].isdigit()), "")
    if denial in lex.none_denials and _names_more(text, denial, lex):
        return said(rest), ""  # "setelahnya tidak ada ampun lagi": it denies what follows it, too little to compare
    before = lower[:at].split()
    if denial in lex.speaker_denials and not set(before[-1:]) & lex.passive_before:
        return "", ""  # "Kapolres Budi membantah tudingan itu": the words before name who denies, not what
    spoken = max((i for i, w in enumerate(before) if w in lex.say_words), default=-1)
    before = before[spoken + 1:]  # "Budi mengatakan potongan video itu tidak benar": what he says, not who says it
    # "polisi menyebut kabar penculikan itu hoaks": from the word naming it as talk on, never from a
    # pronoun inside what is denied ("penggusuran rumah mereka di bantaran kali itu tidak benar")
    named = next((i for i, w in enumerate(before) if w in lex.denial_talk), None)
    return said(" ".join(before[named + 1:] if named is not None and len(before) - named > DENIED_WORDS else before)), ""


def _qualifier(denied: str, lex: FactLexicon) -> str:
    """The stem of the first word naming something in a relative clause of what a denial denies
    ("tidak ada mobil nasional yang sukses": "sukses"): what it denies is only the qualified kind."""
    words = denied.split()
    at = next((i for i, w in enumerate(words) if w in RELATIVE), None)
    if at is None:
        return ""
    return next((stem(w) for w in words[at + 1:] if w not in lex.stopwords and w not in lex.denial_light
                 and not w[:1].isdigit()), "")


def _names_more(text: str, denial: str, lex: FactLexicon) -> bool:
    """Its clause goes on after the denial with a word that names something ("tidak ada ampun
    lagi"): the denial does not close its clause, so the words before it are not what it denies."""
    found = re.search(r"(?<!\w)" + re.escape(denial).replace(r"\ ", r"\s+") + r"(?!\w)([^,;:.!?]*)", text, re.IGNORECASE)
    if not found:
        return False
    ignored = lex.stopwords | lex.denial_light | lex.denial_talk | lex.denial_subjects | lex.denial_particles | lex.say_words
    return any(w.lower() not in ignored and not w[:1].isdigit() for w in _WORD.findall(found.group(1)))


SAID = "<said>"  # the root every verb of saying shares besides its own ("mengucapkan", "menyebut", "menyatakan")


def root(word: str, language: str) -> str:
    """A word's root by Sastrawi for Indonesian ("penembakan", "menembak", "ditembak": "tembak"),
    where the cheap stem cuts the nasal of a prefix apart; the cheap stem in other languages."""
    if language != "id":
        return stem(word)
    from kroscek.compare.nli import stem as sastrawi_root

    return sastrawi_root(word.lower())


def head_root(word: str, language: str) -> str:
    """The root a denial's head is matched by: ``SAID`` for a verb of saying ("tidak pernah
    mengucapkan" denies what a claim says someone "menyebut"), else its root."""
    return SAID if word.lower() in fact_lexicon(language).said_words else root(word, language)


@lru_cache(maxsize=1 << 14)
def roots(text: str, language: str) -> frozenset[str]:
    """Roots of a claim's content words, function words left out (``stems`` with Sastrawi's roots),
    and ``SAID`` where a verb of saying is one of them."""
    lex = fact_lexicon(language)
    words = content_words(text, language)
    said = {SAID} if words & lex.said_words else set()
    return frozenset({root(w, language) for w in words if w not in lex.stopwords} | said)


@cache
def _tag_pattern(attribution: frozenset[str]) -> re.Pattern[str]:
    """A comma and a word opening the speaker's tag (", kata", ", ujar"), built once per word list."""
    words = "|".join(map(re.escape, sorted(attribution)))
    return re.compile(rf",[\"”’']?\s+(?:{words})\b")


def _untagged(piece: str, denial: str, lex: FactLexicon) -> str:
    """``piece`` (a sentence of a claim) up to the speaker's tag that follows its denial ("membantah
    menerima suap, ujar kuasa hukumnya Andi": the tag names who speaks, not what is denied)."""
    lower = piece.lower()
    at = lower.find(denial)
    if at < 0 or not lex.attribution:
        return piece
    tag = _tag_pattern(lex.attribution).search(lower[at + len(denial):])
    return piece[: at + len(denial) + tag.start()] if tag else piece


def _around(text: str, piece: str, lex: FactLexicon, width: int = COUNT_CONTEXT) -> frozenset[str]:
    """Stems of the ``width`` content words just before and after ``piece`` in ``text`` (within its
    clause), function words and numbers skipped: "Bus yang terbakar kira-kira ada sekitar 50 unit"
    counts buses that burned."""
    at = text.find(piece)
    if at < 0:
        return frozenset()
    before = re.split(r"[,;:()]", text[:at])[-1]
    after = re.split(r"[,;:()]", text[at + len(piece):])[0]
    def content(part: str) -> list[str]:
        return [w for w in _WORD.findall(part) if w.lower() not in lex.stopwords and not w[:1].isdigit()]

    return frozenset(stem(w) for w in content(before)[-width:] + content(after)[:width])


def _counts(claim: Claim, clocks: tuple[ClockTime, ...], lex: FactLexicon
            ) -> tuple[tuple[Quantity, ...], tuple[str, ...], tuple[Quantity, ...]]:
    """The counts a claim compares, the word naming what each counts, and the wholes set aside.

    A count after "dari" that follows a count of the same kind is the whole the first is part of
    ("20 bus yang terbakar dari 104 bus"): the claim states one count of what happened. A count
    by a classifier ("sekitar 50 unit") counts the one thing of a known kind the claim names
    ("bus"), and takes that kind."""
    units = lexicon(claim.language).units
    kept: list[Quantity] = []
    wholes: list[Quantity] = []
    found = [q for q in quantities(claim) if not (q.unit in ("hour", "minute") and clocks)]
    for n, q in enumerate(found):
        at = claim.text.find(q.text)
        before = [w.lower() for w in _WORD.findall(claim.text[:at])][-2:] if at >= 0 else []
        if set(before) & lex.whole_before and (any(k.unit == q.unit for k in kept) or _whole_first(claim.text, q, found[n + 1:])):
            wholes.append(q)
            continue
        kept.append(q)
    words: list[str] = []
    for n, q in enumerate(kept):
        word = q.text.split()[-1].lower()
        if word in lex.classifiers:
            named = {w.lower() for w in _WORD.findall(claim.text) if w.lower() in units and units[w.lower()] != "rupiah"}
            if len({units[w] for w in named}) == 1:
                word = min(named)
                kept[n] = replace(q, unit=units[word])
        words.append(word)
    return tuple(kept), tuple(words), tuple(wholes)


def _whole_first(text: str, whole: Quantity, later: list[Quantity]) -> bool:
    """A count right after the "dari" that opens its clause, with a count of its kind after the next
    comma: the whole the later count is part of ("Dari 104 bus di terminal, 20 unit terbakar")."""
    at = text.find(whole.text)
    comma = text.find(",", at + len(whole.text))
    if at < 0 or comma < 0 or len(re.split(r"[,;:()]", text[:at])[-1].split()) != 1:
        return False
    return any(q.unit == whole.unit and text.find(q.text, comma) > comma for q in later)


_PERSON = r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"


def _may_be_person(name: str) -> bool:
    """A folded name that may be a person's: not a place the gazetteer knows by that very name
    ("anak Indonesia usia 6 tahun", "warga Bekasi berusia 45 tahun"); a place's other names
    ("Hasan" for Hassan) are people's names too."""
    known = lookup(name)
    return known is None or known.type != "LOC" or fold(known.name) != name


@cache
def _age_patterns(language: str) -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """The month and weekday names of ``language`` and the patterns ``_ages`` reads, built once."""
    calendar = frozenset({*lexicon(language).months, *lexicon(language).weekdays})
    words = "|".join(map(re.escape, fact_lexicon(language).age_words)) or "(?!)"
    return calendar, tuple(re.compile(p) for p in (
        rf"{_PERSON}\s*\((\d{{1,3}})(?:\s*tahun)?\)",
        rf"{_PERSON},?\s+(?:yang\s+)?(?:{words})\s+(\d{{1,3}})\s+tahun",
        rf"{_PERSON},\s+(\d{{1,3}})\s+tahun\s*,"))


def _ages(text: str, lex: FactLexicon, language: str) -> tuple[tuple[str, int, str], ...]:
    """The age a claim gives a named person: "Endang (45)", "Endang, 45 tahun, ...", "Endang yang berusia
    45 tahun" (``age_words``). A name that is a month or a weekday ("Jumat (17)"), a part of a text or
    a contest ("Ayat (1)", ``not_person``) or a place is none."""
    calendar, patterns = _age_patterns(language)
    found: dict[str, tuple[int, str]] = {}
    for pattern in patterns:
        for match in pattern.finditer(text):
            name = fold(match.group(1))
            opening = match.start() == 0 or text[: match.start()].rstrip().endswith((".", '"', "“", ":"))
            if opening and " " in name:
                name = name.split(" ", 1)[1]  # "Korban Endang (45)" opening a sentence: the name is "Endang"
            if name.split()[-1] in calendar or name.split()[-1] in lex.not_person or not 0 < int(match.group(2)) < 120:
                continue
            if not _may_be_person(name):
                continue
            found.setdefault(name, (int(match.group(2)), match.group()))
    return tuple((name, age, written) for name, (age, written) in found.items())


def read_fact(claim: Claim, source: str, published: str | None = None) -> Fact:
    """The slots of one claim."""
    lex = fact_lexicon(claim.language)
    lower_words = [w.lower() for w in _WORD.findall(claim.text)]
    clocks = _clock_times(claim.text, lex)
    counts, count_words, wholes = _counts(claim, clocks, lex)
    located = _places(claim.text, lex)
    return Fact(
        claim=claim,
        source=source,
        published=published,
        quantities=counts,
        clocks=clocks,
        dates=date_keys(claim),
        scope=date_keys(replace(claim, dates=claim.scope)) if claim.scope else None,
        places=tuple(place for place, _ in located),
        place_words=tuple(words for _, words in located),
        identifiers=_identifiers(claim.text, lex),
        names=names(claim.text),
        predicates=tuple(predicates(claim).items()),
        negated=negated(claim),
        denial=(denial := _denial_phrase(lower_words, lex, claim.language)),
        denied=stems((denied := _denial_object(claim.text, denial, claim.language) if denial else ("", ""))[0], claim.language),
        denied_head=stem(denied[1]) if denied[1] else "",
        denied_roots=roots(denied[0], claim.language) if denied[0] else frozenset(),
        denied_head_root=head_root(denied[1], claim.language) if denied[1] else "",
        denied_qualifier=_qualifier(denied[0], lex),
        scheduled=_phrases(lower_words, lex.scheduled) is not None,
        provisional=_phrases(lower_words, lex.provisional) is not None,
        hearsay=_phrases(lower_words, lex.hearsay) is not None,
        conditional=_phrases(lower_words, lex.conditions) is not None,
        stems=stems(claim.text, claim.language),
        counted=tuple(_around(claim.text, q.text, lex) for q in counts),
        count_words=count_words,
        wholes=wholes,
        happened=frozenset(stem(w) for w in _WORD.findall(claim.text)
                           if w[:1].islower() and w.lower() not in lex.stopwords and w.lower() not in lex.place_before
                           and not any(c.isdigit() for c in w)),
        permits=_permits(claim.text, lex),
        minutes=_minutes(claim.text, lex),
        capitals=frozenset(fold(w) for w in _WORD.findall(claim.text) if w[:1].isupper()),
        ages=_ages(claim.text, lex, claim.language),
    )
