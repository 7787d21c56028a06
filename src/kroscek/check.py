"""Check a claim: what is circulating, against the coverage in the store and earlier fact-checks.

The claim is read like an article sentence (``compare.claims.Claim`` read into slots by
``compare.facts.read_fact``). Then:

1. **Candidates**: articles found by the store's full-text search for any of the claim's names,
   numbers and longer content words (ranked by the search), at most ``CANDIDATES``.
2. **Comparison**: every claim (sentence or clause) of those articles is scored against the
   claim with a cheap lexical similarity (TF-IDF cosine over cheap stems, names and numbers; no
   encoder), and the ones above ``COMPARE_SIM`` are compared slot by slot with
   ``compare.relate.relate``. The similarity stands for the alignment margin ``relate`` expects:
   ``AGREE_SIM`` and above counts as strongly aligned, ``DISPUTE_SIM`` and above as the same fact
   when the subjects agree. **supports** are the sentences that agree, **contradicts** the ones
   that dispute (with the slot and both values), **updates** the same quantity at another time.
   A sentence that agrees but does not state the claim's numbers and clock times is related, not
   supporting (every number it writes: a range, a day, an ordinal; a year where the sentence writes
   another); so is a page's tag line, and one naming another place where the claim's is unsaid. A number dispute whose two counts have no word around them in common (``Fact.counted``:
   "tiga warga yang hilang" against "90 orang tewas"), or whose two claims share no word of what
   happened beyond the numbers and the thing counted ("100 mobil" a company owns against "tiga
   mobil" burned), counts other things: related. Any dispute needs ``DISPUTE_SIM`` and the
   same subject (a denial or a negation of a loosely similar sentence is not one of the claim).
   A deed the claim tells as done ("sudah memutuskan") that a close sentence, or one of an article
   that covers the claim, tells as not done yet ("belum", "bakal" before the same deed, "masih
   mengkaji"), or one the claim tells as going on that the sentence tells as stopped ("tidak lagi"),
   is a dispute of its status. A kind of place ("Istana Kepresidenan") does not dispute a place of
   that kind ("Istana Bogor"), nor does a sentence that negates the condition of a claim of what
   would follow it ("jika ada laporan" / "belum ada laporan"), nor one that does not state the head
   of what a denial denies ("tidak ada korban jiwa ..." / "pohon tumbang ..."). A sentence that tells of talk or rumour ("kabar ... diperbincangkan"),
   of what would be ("jika ... berlaku"), negates what the claim does not, or does not name a
   person the claim names (who said it aside: "ia berhasil naik podium"), shares only names with
   it ("KRL atau Commuter Line"), lacks the thing the claim's verb acts on ("menjual ayam ..." /
   "donat dijual ..."), or counts a wider group ("dari Fadil dan Abe" for "dari Fadil"), does not
   support it; nor does one of suspicion ("publik curiga", "menjadi perbincangan").
3. **Stories**: the stories of the articles that state, dispute or echo the claim (a sentence at
   ``STORY_SIM``), those with a supporting or contradicting sentence first.
4. **Fact-checks**: stored fact-checks whose checked claim is lexically close to the claim
   (``FACTCHECK_SIM``; after the best, only those within ``FACTCHECK_TIE`` of it whose own claim is
   ``FACTCHECK_AGAIN`` close to the best one's: the same claim checked again), and in which
   no slot gives another value (another place, number, day or the negation), no number is written
   on one side that the other lacks while the other writes its own ("U-20" / "U-17", an age limit,
   "dua jari" / "3 Jari"), neither names someone the other lacks (a name is any word never written
   in lower case, a headline's first word too: "Xiaomi ..." / "Tesla ..."; "Menag" is "Menteri Agama"),
   no other subject is named (a name on each side the other lacks), and the checked claim has
   ``FACTCHECK_COVER`` of the claim's words, not only its names: else it is another claim, and its
   verdict is not this one's. Nor is it when the checked claim names someone the claim does not
   say at all (a known name, not a place, a month or a platform; not who said it, "Menteri X: ...",
   nor an office before a name the claim has), when the two share under ``FACTCHECK_HAPPENED`` of
   what happened (their words beyond the names, two at least on each side), when one is negated
   and the other not ("tidak resmi" is no negation), or when what comes before the first word they
   share or after the last is another plain noun on each side ("Motor ..." / "Mobil ..."). Of two checks of the claim, one naming someone the claim does not
   ("DPR dan Polri") yields to one that does not. A region of one kind named otherwise on each side
   ("Bupati Donggala" / "Bupati Parigi") is another claim, and so is one where each side tells its
   deed by a verb the other lacks and says something more ("membagikan uang" / "takut beasiswanya
   dicabut"). A checked claim's hashtag is read as its words ("#IndonesiaGelap"); names apart by a
   comma are two names; a name the news counts know is one even where a fact-check writes it in
   lower case, and two names of one known entity ("China" / "Tiongkok") are one. The claim is matched as written and with
   two or three of its words as a checked claim shortens them ("lowongan kerja" as "loker"). Words
   are compared in any form and, for what happened and the words around it, as words of one meaning
   (``text.synonyms``: "sowan" / "berkunjung", "kediaman" / "rumah"). A word both say next to another
   thing on each side ("daging manusia" / "tulang manusia", "Garuda Indonesia" / "Garuda Malaysia"),
   another month, another platform ("lewat YouTube" / "Lewat TikTok") or a span of time two sizes
   apart ("setahun" / "belum seminggu") on each side, an event of the checked claim the claim does not
   tell ("meninggal" / "keracunan"), an amount the fact-check's conclusion states otherwise, or a
   deed that ends or undoes something ("ditutup", "dihentikan") that the fact-check does not tell is
   another claim. The words that ask the reader to act ("daftar lewat link ini", "hubungi nomor ...")
   weigh nothing in the match and are not missed; nor are the amounts of a fact-check that writes
   none (a code's digits, "P3TGAI", are none), nor the platform a post went round where the claim
   names none. Last, a name of the claim (a capitalised word after its first, an
   acronym) that the fact-check's own text never writes in any form (``unwritten_names``: the word,
   the initials of words in a row, clipped starts, inside a hashtag) makes it another claim: it may
   still be listed among the fact-checks of close claims.
5. **Fact-checks of close claims** (``FactCheckIndex.close``, with an index that has an encoder):
   up to ``CLOSE_SHOWN`` others whose checked claim is close in words (``CLOSE_LEXICAL``) and in
   meaning (``CLOSE_MEANING``, the encoder's cosine), the two adding up to ``CLOSE_TOGETHER``;
   listed apart, each with the verdict of the claim it checked.
"""

from __future__ import annotations

import copy
import re
import threading
from functools import lru_cache
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from kroscek.analyse.embed import content_key
from kroscek.compare.claims import Claim, extract_claims, lexicon, names, shared_names
from kroscek.compare.crosscheck import outlet_key
from kroscek.compare.facts import Fact, read_fact, stem, stems
from kroscek.compare.relate import (AGREE_SCORE, DISPUTE_SCORE, Context, Difference, Relation, differences, relate,
                                 same_subject)
from kroscek.compare.story import StoryBrief
from kroscek.factchecks import FactCheck
from kroscek.model import Article, Sentence
from kroscek.outlets import outlet_name
from kroscek.settings import Settings
from kroscek.text.colloquial import standard
from kroscek.text.fold import fold
from kroscek.text.names import NAME, clipped, spelled_like_any
from kroscek.text.synonyms import bare_verbs, synonym_groups

MAX_CLAIM_CHARS = 1000
MIN_CLAIM_WORDS = 3
CANDIDATES = 60  # articles the search hands on
SEARCH_TERMS = 12  # words of the claim searched for (any one may occur)
COMPARE_SIM = 0.2  # lexical similarity a sentence needs to be compared with the claim at all
DISPUTE_SIM = 0.3  # ... to count as the same fact when the subjects agree (relate's DISPUTE_SCORE)
AGREE_SIM = 0.45  # ... to count as strongly aligned (relate's AGREE_SCORE)
NEAR_SIM = 0.1  # ... for a sentence of an article that covers the claim (``STORY_SIM``) to be read for a changed count or time
COVER_SIM = 0.35  # ... for a sentence to be listed as related without a slot relation
STORY_SIM = 0.3  # ... for its story to count as covering the claim (a story is listed on weaker evidence than a sentence)
FACTCHECK_SIM = 0.5  # similarity of the claim to a fact-check's claim for it to be shown
FACTCHECK_DETAIL = 0.5  # share of a claim's words a fact-check needs when the claim names more than it does
FACTCHECK_TIE = 0.05  # a fact-check after the best is shown only this close to it (the same claim checked again)
FACTCHECK_HAPPENED = 0.4  # share of what happened (words beyond the names) the claim and the checked claim must have in common, on one side at least
HAPPENED_WORDS = 2  # words beyond the names each side needs for ``FACTCHECK_HAPPENED`` to be asked
_WRAPPERS = frozenset({"video", "foto", "taut", "link", "dokume", "infogr", "info", "pesan", "akun", "unggah", "inform",
                       "klaim", "narasi", "edar"})  # stems of what a fact-check title wraps a claim in
FACTCHECK_AGAIN = 0.6  # similarity of a fact-check's claim to the best one's for both to be shown (one claim checked twice)
GAP_WORDS = 2  # plain words a claim needs between two words it shares with a checked claim for another thing there to tell another claim
SHORT_WORD = 4  # letters of a checked claim's word read as a shortening of the claim's words ("loker")
FACTCHECK_COVER = 0.45  # share of the claim's words (stems and numbers) the checked claim must have: not only its names
SHOWN = 10  # sentences and stories listed of each kind
STORY_FACTCHECK_WORDS = 0.6  # share of a fact-check's claim words a story's text needs to show it
CLOSE_LEXICAL = 0.3  # lexical similarity a fact-check of a close claim needs to be listed (``FactCheckIndex.close``)
CLOSE_MEANING = 0.87  # ... and the cosine of the encoder's vectors of the two claims (e5's scale)
CLOSE_TOGETHER = 1.2  # ... and the two added up: one barely over its floor needs the other well over
CLOSE_SHOWN = 3  # fact-checks of close claims listed
CLAUSE_WORDS = 4  # words a run of a claim's clauses needs to be compared as the claim checked (``same_in_clauses``)
CLAUSES = 8  # clauses of a claim beyond which its runs are not compared (at most 35 runs)
CLAUSE_COVER = 0.8  # share of such a run's words the checked claim must have (``FACTCHECK_COVER`` asks less of a whole claim)
ADDED_WORDS = frozenset({"cover", "happening", "end", "subject", "event"})  # tests a claim fails by the words it adds
DIFFERS = {  # what a test of another claim (``FactCheckIndex.mismatch``) finds, as a reader is told it
    "slot": "a number, day, place or name differs", "place": "another place", "number": "another number",
    "amount": "another amount", "organisation": "another organisation", "region": "another region",
    "office": "another office", "body": "another body in its conclusion", "recipient": "given to someone else",
    "kind": "the same thing of another kind or owner", "subject": "another subject", "name": "another name", "names": "names someone more",
    "happening": "something else happened", "deed": "another deed", "negation": "one of the two is negated",
    "end": "about another thing", "opposite": "the opposite deed", "month": "another month", "channel": "another channel",
    "event": "another event", "span": "another span of time", "undone": "told as not done", "neighbour": "another thing",
    "cover": "few of the same words", "unwritten": "a name the fact-check never writes"}
SLOT_DIFFERS = {"number": "another number", "date": "another day", "weekday": "another day", "clock": "another time",
                "place": "another place", "identifier": "another identifier", "person": "another name",
                "negation": "one of the two is negated", "denial": "one of the two denies it"}
_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_BRACKETS = re.compile(r"\([^()]*\)")
_TAG_LINE = re.compile(r"\W*\w{2,8}/\w{2,8}\)")  # "din/sfn) ...": detik's editors and tags


class ClaimError(ValueError):
    """The claim cannot be checked (empty, too short, too long)."""


@dataclass
class Evidence:
    """A sentence of one article compared with the claim."""

    relation: str  # agree | dispute | update | related
    text: str
    article: str
    outlet: str
    published: str | None
    url: str | None
    story: str | None
    similarity: float
    slot: str | None = None  # the slot that differs (dispute, update)
    claim_value: str | None = None  # the claim's value in that slot
    their_value: str | None = None  # the sentence's value in it
    explanation: str = ""


@dataclass
class StoryHit:
    """A story that covers the claim."""

    id: str
    title: str
    articles: int
    outlets: list[str]
    similarity: float  # its best sentence's
    supports: int = 0
    contradicts: int = 0


@dataclass
class FactCheckHit:
    """An earlier fact-check of the same claim, or (``same_claim`` false) of a close one: its verdict
    is of the claim it checked, which may differ from this one in a name, a place or a number."""

    claim: str
    verdict: str
    verdict_word: str
    published: str | None
    url: str | None
    publisher: str
    similarity: float  # lexical
    conclusion: str = ""
    same_claim: bool = True
    meaning: float | None = None  # cosine of the encoder's vectors of the two claims, where it was asked
    differs: str = ""  # for a close claim's: what tells it apart from this claim (``DIFFERS``), "" when only the wording does


@dataclass
class Unstated:
    """A name, place or number of the claim that no sentence of the coverage states."""

    slot: str  # number | place | name
    value: str


@dataclass
class CheckResult:
    """What the store says of a claim."""

    claim: str
    language: str
    slots: dict[str, Any]
    covered: bool  # some story in the store covers it
    stories: list[StoryHit] = field(default_factory=list)
    supports: list[Evidence] = field(default_factory=list)
    contradicts: list[Evidence] = field(default_factory=list)
    updates: list[Evidence] = field(default_factory=list)
    related: list[Evidence] = field(default_factory=list)  # close, not shown to be the same fact
    fact_checks: list[FactCheckHit] = field(default_factory=list)
    close_fact_checks: list[FactCheckHit] = field(default_factory=list)  # of close claims: read before trusting a verdict
    unstated: list[Unstated] = field(default_factory=list)  # of a covered claim: what no outlet states
    note: str = ""
    standard: str = ""  # the claim in standard words, as it was compared, when it is written informally ("gak", "35 jt")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def claim_fact(text: str, language: str = "id") -> Fact:
    """The claim read into slots, as an article sentence is (ClaimError when it cannot be)."""
    text = " ".join((text or "").split())
    if not text:
        raise ClaimError("the claim is empty")
    if len(text) > MAX_CLAIM_CHARS:
        raise ClaimError(f"the claim is longer than {MAX_CLAIM_CHARS} characters: give the one sentence to check")
    if len([w for w in _WORD.findall(text) if not w.isdigit()]) < MIN_CLAIM_WORDS:
        raise ClaimError(f"the claim needs at least {MIN_CLAIM_WORDS} words to be compared")
    from kroscek.analyse.dates import find_event_dates

    try:
        dates = find_event_dates([Sentence(0, text, 0)], None, language)
    except Exception:  # noqa: BLE001 - a date that cannot be read leaves the day slot empty
        dates = []
    return read_fact(Claim("claim", 0, text, language, dates), "claim")


def tokens(text: str, language: str = "id") -> list[str]:
    """What the lexical similarity compares: cheap stems of the content words, numbers, and the
    words of names (so "Jokowi" weighs as a name)."""
    numbers = [n.replace(",", ".").rstrip(".") for n in _NUMBER.findall(text)]
    return sorted(stems(text, language)) + [f"#{n}" for n in numbers]


def _vectorizer() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer=lambda t: t, sublinear_tf=True, norm="l2")


def lexical_scores(query: Sequence[str], documents: Sequence[Sequence[str]], vectorizer: Any = None) -> np.ndarray:
    """Cosine of the query's tokens to each document's (TF-IDF fitted on the documents and the query
    unless a fitted ``vectorizer`` is given)."""
    if not documents:
        return np.zeros(0)
    if vectorizer is None:
        vectorizer = _vectorizer().fit([*documents, query])
    matrix = vectorizer.transform(documents)
    return (matrix @ vectorizer.transform([query]).T).toarray().ravel()


def _alignment(similarity: float) -> float:
    """The lexical similarity on ``relate``'s margin scale."""
    if similarity >= AGREE_SIM:
        return AGREE_SCORE
    if similarity >= DISPUTE_SIM:
        return DISPUTE_SCORE
    return similarity


def search_terms(fact: Fact) -> list[str]:
    """Names, numbers, then the longest content words of the claim."""
    words = [w for w in _WORD.findall(fact.text)]
    named = [w for n in sorted(fact.names, key=len, reverse=True) for w in n.split() if len(w) >= 3]
    numbers = [w for w in words if w.isdigit() and len(w) >= 2]
    stop = set(_stopwords(fact.claim.language))
    content = sorted({fold(w) for w in words if len(w) >= 4 and not w.isdigit() and fold(w) not in stop}, key=len,
                     reverse=True)
    return list(dict.fromkeys([*named, *numbers, *content]))[:SEARCH_TERMS]


def _stopwords(language: str) -> frozenset[str]:
    from kroscek.compare.facts import fact_lexicon

    return fact_lexicon(language).stopwords


def _context(facts: Sequence[Fact]) -> tuple[tuple, frozenset]:
    return (tuple(q for f in facts for q in f.quantities if q.exact), frozenset(d for f in facts for d in f.dates.days))


def _evidence(relation_kind: str, fact: Fact, article: Article, story: str | None, similarity: float,
              found: Sequence[Any] = ()) -> Evidence:
    first = found[0] if found else None
    return Evidence(relation=relation_kind, text=fact.text, article=article.id,
                    outlet=outlet_name(article.outlet, article.url) or article.outlet or "", published=article.published,
                    url=article.url, story=story, similarity=round(float(similarity), 3),
                    slot=first.slot if first else None, claim_value=first.a if first else None,
                    their_value=first.b if first else None, explanation=first.explanation if first else "")


def _facts_of(article: Article) -> list[Fact]:
    """The facts of an article's claims; a claim whose slots cannot be read (a number written in
    another language's grouping) is left out rather than failing the whole check."""
    found = []
    for claim in extract_claims(article):
        try:
            found.append(read_fact(claim, outlet_key(article), article.published))
        except ValueError:
            continue
    return found


def states_values(claim: Fact, other: Fact) -> bool:
    """``other`` states every number and clock time of the claim (a number in words counts):
    what a sentence must say to support a claim, beyond agreeing in the slots both fill. Every
    number the claim writes counts, not only the amounts read as quantities (a range "30-40 km",
    a day "10-20 Juni", an ordinal "ke-498"); a year only where the sentence writes years, none
    of them the claim's ("September 2024" for "September 2031"; a sentence with no year may
    leave a fiscal year unsaid)."""
    if any(u.slot == "number" for u in unstated(claim, [other.text])):
        return False
    language = claim.claim.language
    mine, theirs = _numbers_and_words(claim.text, language), _numbers_and_words(other.text, language)
    years = {n for n in mine if _YEAR.match(n)}
    if mine - years - theirs or years and {n for n in theirs if _YEAR.match(n)} and not years & theirs:
        return False
    return all(any(c.same_moment(o) for o in other.clocks) for c in claim.clocks if not c.report_time)


_YEAR = re.compile(r"^(?:19|20)\d\d$")


def place_swapped(claim: Fact, other: Fact) -> bool:
    """A place of the claim the sentence does not name, and a place the sentence names that the
    claim does not ("Tambang di Makassar ..." / "... di Pulau Gag ..."): another place's fact."""
    missing = [p for p in claim.places if not shared_names([p], [*other.places, *other.names])]
    extra = [p for p in other.places if not shared_names([p], [*claim.places, *claim.names])]
    return bool(missing and extra)


def other_things_counted(a: Fact, b: Fact, difference: Difference) -> bool:
    """The two numbers of a number dispute count other things: the words around them
    (``Fact.counted``, as ``relate`` reads them) share nothing. ``relate`` asks two such words of
    each side, as article sentences have; a claim is short ("90 orang tewas"), so one is enough."""
    around = [_counted(a, difference.a), _counted(b, difference.b)]
    return all(around) and not around[0] & around[1]


@lru_cache(maxsize=1024)
def _mentions(text: str, language: str) -> tuple[Any, ...]:
    """The entity tagger's mentions of one sentence or claim, tagged once (the claim is asked for
    its subject and its people, a sentence for its bodies once per claim)."""
    from kroscek.analyse.entities import find_mentions

    return tuple(find_mentions([Sentence(0, text, 0)], language))


def claim_subject_organisation(fact: Fact) -> str | None:
    """The organisation the claim opens with, by the entity tagger ("BPS mencatat ..."): its subject."""
    for mention in _mentions(fact.text, fact.claim.language):
        return mention.text if mention.start == 0 and mention.type == "ORG" else None
    return None


def organisation_swapped(subject: str | None, claim: Fact, other: Fact) -> bool:
    """The sentence does not name the organisation the claim opens with and names one the claim
    does not ("Lembaga A mencatat ..." / "data Lembaga B yang menyebut ..."): another's figure."""
    if subject is None:
        return False
    vocabulary = {fold(w) for w in _WORD.findall(other.text)}
    if not _unnamed([subject.lower()], other.text) or any(w in vocabulary for w in _WORD.findall(fold(subject))):
        return False
    claimed = claim.text.casefold()
    return any(m.type == "ORG" and _unnamed([m.text.lower()], claimed)
               for m in _mentions(other.text, other.claim.language))


def claim_people(fact: Fact) -> list[list[str]]:
    """The words (folded, three letters or more) of each person the claim names, by the entity
    tagger; not who said it ("Yusril: ..."), whose words a sentence may state without naming him."""
    speaker = _SPEAKER_FIRST.match(fact.text)
    people = []
    for mention in _mentions(fact.text, fact.claim.language):
        if mention.type != "PER" or speaker and mention.start < speaker.end():
            continue
        words = [fold(w) for w in _WORD.findall(mention.text) if len(w) >= 3 and not w.isdigit()]
        if words:
            people.append(words)
    return people


_SPEAKER_FIRST = re.compile(r"^[^:.,;\"“”]{2,60}(?<!\d):(?!\d)")  # "Seskab Teddy: ...": who said what follows; not a clock time ("pukul 07:30")


def names_people(other: Fact, people: Sequence[Sequence[str]]) -> bool:
    """``other`` names each of the claim's people: a word of the name, in any close spelling
    ("Nikita" of "Nikita Mirzani"). A sentence that says someone did it ("ia", "sang juara")
    does not say the claim's person did."""
    vocabulary = {fold(w) for w in _WORD.findall(other.text)}
    return all(any(w in vocabulary or spelled_like_any(w, vocabulary, NAME) for w in words) for words in people)


def tells_what_happened(claim: Fact, other: Fact) -> bool:
    """``other`` has a word of what the claim says happened (its words beyond names and numbers,
    ``_content``, in any form of the same stem); a claim of names alone asks nothing."""
    mine = _content(claim.text, frozenset(), claim.claim.language) - _WRAPPERS
    if not mine:
        return True
    theirs = stems(other.text, other.claim.language)
    return any(_alike(a, b) for a in mine for b in theirs)


_VERB_PREFIX = r"^(?:me|di|ber|ter)"  # the prefixes that mark an Indonesian verb
_CLAIM_VERB = re.compile(_VERB_PREFIX + r"\w{3,}$|^\w{3,}kan$")  # "menjual", "dijual", "berkurban", "kerahkan"
_DEED = re.compile(_VERB_PREFIX + r"\w{4,}$")  # a verb by its prefix: "membagikan", "dicabut", "bertemu"
_VERB = re.compile(_DEED.pattern + r"|^\w{3,}(?:kan|i|an|nya)$")  # a verb or a derived word ("dibuka", "perangi", "bayaran")
_QUANTIFIERS = frozenset({"banyak", "semua", "seluruh", "para", "beberapa", "total", "sekitar", "lebih", "hampir"})
_CLASSIFIERS = frozenset({"ekor", "buah", "unit", "biji", "butir", "lembar", "batang", "seekor", "sebuah", "sebutir"})
_COUNTED_KINDS = frozenset({"people", "house", "vehicle", "village", "district", "school"})  # units that are things counted


def claim_object(claim: Fact) -> str | None:
    """The plain noun right after the claim's verb, a number and its measure word skipped, in the
    same clause: what the claim says was sold, bought or sent ("menjual *ayam* rica-rica",
    "membeli 90 *domba*", "berkurban 17 ekor *sapi*"). None when no plain noun follows the verb."""
    speaker = _SPEAKER_FIRST.match(claim.text)
    said = claim.text[speaker.end():] if speaker else claim.text
    words, pieces = _WORD.findall(said), re.split(r"[,;:.]", said)
    lex = lexicon(claim.claim.language)
    stop = _stopwords(claim.claim.language) | _GLUE
    skip = (_QUANTIFIERS | _CLASSIFIERS | set(lex.number_words) | set(lex.vague_numbers) | set(lex.scales)
            | set(lex.qualifiers) | {u for u, kind in lex.units.items() if kind not in _COUNTED_KINDS})
    for at, word in enumerate(words[1:], 1):
        if word[0].isupper() or fold(word) in stop or not _CLAIM_VERB.match(word.lower()):
            continue
        for after in words[at + 1:]:
            folded = fold(after)
            if any(c.isdigit() for c in after) or folded in skip:
                continue  # a number and its measure: the noun counted comes after
            if after[0].isupper() or folded in stop or len(folded) < 3 or not _plain(folded) or _CLAIM_VERB.match(folded):
                return None  # a name, a function word, another verb: no plain thing right after the verb
            if not _in_one_clause(pieces, word, after):
                return None
            return folded
        return None
    return None


def _in_one_clause(pieces: Sequence[str], first: str, second: str) -> bool:
    """``first`` and ``second`` (words of the text split at its punctuation, ``pieces``) stand in one clause."""
    return any(first in _WORD.findall(piece) and second in _WORD.findall(piece) for piece in pieces)


def states_object(claim: Fact, other: Fact) -> bool:
    """``other`` names the thing the claim's verb acts on (``claim_object``), in any form of its stem."""
    thing = claim_object(claim)
    if thing is None:
        return True
    wanted = stems(thing, claim.claim.language) or {thing}
    theirs = stems(other.text, other.claim.language) | {fold(w) for w in _WORD.findall(other.text)}
    return any(_alike(a, b) for a in wanted for b in theirs)


_AND = frozenset({"dan", "serta"})  # a word joining two names ("&" is no word: ``_WORD`` never yields it)


def wider_group(claim: Fact, other: Fact) -> bool:
    """The claim states a number, and the sentence joins one of the claim's names to someone the
    claim does not name ("Fadil Jaidi dan Abe"): its count is of more than the claim's."""
    if not claim.quantities:
        return False
    mine = {fold(w) for w in _WORD.findall(claim.text)}
    words = _WORD.findall(other.text)
    for at, word in enumerate(words[1:-1], 1):
        if fold(word) not in _AND:
            continue
        before, after = words[at - 1], words[at + 1]
        for one, two in ((before, after), (after, before)):
            if one[0].isupper() and fold(one) in mine and two[0].isupper() and not two.isupper() and fold(two) not in mine:
                return True
    return False


def changed_value(claim: Fact, other: Fact, context: Context = Context()) -> Relation | None:
    """The dispute of a sentence that says the claim's fact in other words with another count or
    time, in an article that covers the claim: the two numbers count the same thing (a word around
    them in common beyond the numbers' own, "dua orang tewas" / "satu orang tewas diduga ...") that
    the same thing happened to, or the two times are of the same event. None otherwise."""
    if _TAG_LINE.match(other.text):
        return None
    relation = relate(claim, other, DISPUTE_SCORE, context)
    if relation.kind not in ("dispute", "related") or relation.slot not in ("number", "clock"):
        return None  # an update (a provisional count, another day's page) or no changed value
    difference = relation.differences[0]
    if relation.slot == "number":
        # ``relate`` asks two words in common around the numbers, as article sentences have; a claim is short
        own = stems(f"{difference.a} {difference.b}", claim.claim.language)
        if not (_counted(claim, difference.a) & _counted(other, difference.b)) - own:
            return None
        if not one_count(claim, other, difference):
            return None
    return Relation("dispute", relation.differences, "the same count or time of the claim, with another value")


def same_happening(a: Fact, b: Fact, difference: Difference) -> bool:
    """The two numbers of a number dispute count what the same thing happened to: the two claims
    share a word of what they say happened beyond the numbers' own words ("tiga mobil dibakar" /
    "lima mobil yang dibakar"; not "100 mobil" a company owns)."""
    language = a.claim.language
    own = stems(f"{difference.a} {difference.b}", language) | _noun_after(a.text, difference.a, language) | _noun_after(
        b.text, difference.b, language)
    return bool((a.happened & b.happened) - own)


def one_count(a: Fact, b: Fact, difference: Difference) -> bool:
    """The two numbers of a number dispute are one count told with two values: not other things
    counted (``other_things_counted``), and what the same thing happened to (``same_happening``)."""
    return not other_things_counted(a, b, difference) and same_happening(a, b, difference)


def _noun_after(text: str, piece: str, language: str) -> frozenset[str]:
    """The stem of the lower-case word that goes on naming what a number counts ("tiga mobil
    *listrik* Taksi ..."; not a name or a function word): the thing counted, not what happened to
    it. One word: the next is as often what happened ("tujuh instansi pusat *terlibat*")."""
    at = text.find(piece)
    if at < 0:
        return frozenset()
    stop = _stopwords(language)
    taken = []
    for word in _WORD.findall(text[at + len(piece):])[:1]:
        if not word[0].islower() or word.isdigit() or fold(word) in stop:
            break
        taken.append(word)
    return stems(" ".join(taken), language) if taken else frozenset()


def _counted(fact: Fact, text: str) -> frozenset[str]:
    if len(fact.counted) != len(fact.quantities):
        return frozenset()
    return next((c for q, c in zip(fact.quantities, fact.counted) if q.text == text), frozenset())


def compare_with_articles(fact: Fact, articles: Sequence[Article], story_of: dict[str, str | None]) -> list[Evidence]:
    """Every claim of ``articles`` close enough to ``fact``, compared with it slot by slot, best first."""
    per_article = [(a, _facts_of(a)) for a in articles]
    facts = [(a, f) for a, group in per_article for f in group]
    if not facts:
        return []
    language = fact.claim.language
    scores = lexical_scores(tokens(fact.text, language), [tokens(f.text, f.claim.language) for _, f in facts])
    contexts = {a.id: _context(group) for a, group in per_article}
    own = _context([fact])
    covering = {a.id for (a, _f), similarity in zip(facts, scores) if similarity >= STORY_SIM}
    people = claim_people(fact)
    subject = claim_subject_organisation(fact)
    found = []
    for (article, other), similarity in zip(facts, scores):
        if similarity < NEAR_SIM:
            continue
        context = Context((own[0], contexts[article.id][0]), (own[1], contexts[article.id][1]))
        if similarity < COMPARE_SIM:
            changed = changed_value(fact, other, context) if article.id in covering else None
            if changed is not None:  # far in words, but the claim's count or time told with another value
                found.append(_evidence("dispute", other, article, story_of.get(article.id), similarity, changed.differences))
            continue
        relation = relate(fact, other, _alignment(float(similarity)), context)
        changed = changed_value(fact, other, context) if relation.kind == "related" and article.id in covering else None
        if changed is not None:
            relation = changed
        kind = relation.kind
        if kind == "dispute" and relation.slot == "number" and not one_count(fact, other, relation.differences[0]):
            kind = "related"  # "tiga warga yang hilang" is not a count of the "90 orang tewas"
        if kind == "dispute" and changed is None and (similarity < DISPUTE_SIM or not same_subject(fact, other)):
            kind = "related"  # a denial or a negation is a dispute only of the same fact: close in words, same subject
        if kind == "dispute" and relation.slot == "denial" and not states_denied(fact, other):
            kind = "related"  # "tidak ada korban jiwa" / "pohon tumbang": the fall told, not a death
        if kind == "dispute" and relation.slot == "negation" and in_condition(fact, relation.differences[0]):
            kind = "related"  # "siap mengusut jika ada laporan" / "belum ada laporan": the condition unmet, not the claim denied
        if kind == "dispute" and relation.slot == "place" and generic_place(relation.differences[0]):
            kind = "related"  # "Istana Kepresidenan" may be the "Istana Bogor": a kind of place, not another one
        if kind in ("agree", "related") and (similarity >= DISPUTE_SIM or article.id in covering):
            status = status_change(fact, other)
            if status is not None:
                kind, relation = "dispute", Relation("dispute", (status,), "the claim's deed told as not yet done")
        if kind in ("agree", "dispute") and _TAG_LINE.match(other.text):
            kind = "related"  # the editors' initials and the page's tags ("din/sfn) waymo mobil otonom"): no statement
        if kind == "agree" and _other_negation(fact, other):
            kind = "related"  # "belum mengambil keputusan" does not state "sudah memutuskan"
        if kind == "agree" and conditional(other) and not conditional(fact):
            kind = "related"  # "jika car free night ini berlaku": what would be, not what is
        if kind == "agree" and hearsay(other) and not hearsay(fact):
            kind = "related"  # "kabar soal kedekatan X dan Y sedang diperbincangkan": talk of it, not a statement of it
        if kind == "agree" and not names_people(other, people):
            kind = "related"  # "ia berhasil naik podium": someone did it; the claim says who
        if kind == "agree" and not tells_what_happened(fact, other):
            kind = "related"  # "KRL atau Commuter Line": the claim's names, nothing of what it says happened
        if kind == "agree" and not states_object(fact, other):
            kind = "related"  # "menjual ayam ... Rp130 ribu" / "donat dijual Rp 130 ribu": another thing
        if kind == "agree" and organisation_swapped(subject, fact, other):
            kind = "related"  # "BPS mencatat ..." / "data Bank Dunia ... menyebut": another body's figure
        if kind == "agree" and place_swapped(fact, other):
            kind = "related"  # the claim's place unsaid, another said
        if kind == "agree" and wider_group(fact, other):
            kind = "related"  # "90 domba dari Fadil" / "total 90 domba dari Fadil dan Abe": a count of more
        if kind == "agree" and not states_values(fact, other):
            kind = "related"  # it says the rest, not the claim's number or time: it does not state the claim
        found.append(_evidence(kind, other, article, story_of.get(article.id), similarity, relation.differences))
    found.sort(key=lambda e: (-e.similarity, e.article))
    return found


_DONE = frozenset({"sudah", "telah"})
_NOT_YET = frozenset({"belum"})
_TO_COME = frozenset({"akan", "bakal"})
_STILL = frozenset({"masih"})
_STUDIED = ("kaji", "bahas", "timbang", "rencana", "wacana", "godok", "matang", "tunggu")
_GOES_ON = frozenset({"hingga", "sampai", "kembali", "lagi", "terus", "tetap", "masih", "diperpanjang", "lanjut"})
_STOPPED = (("tidak", "lagi"), ("tak", "lagi"), ("sudah", "tidak"), ("sudah", "tak"), ("udah", "jarang"), ("sudah", "jarang"))
_AFTER = 3  # words after a status word read as what it is said of
_ADVERBS = frozenset({"juga", "sering", "pun", "lagi", "sempat", "segera", "terus", "pernah", "benar", "sedang", "tengah"})
_LIGHT = frozenset({"jadi", "laku", "ada", "beri", "dapat", "buat", "milik", "punya", "bisa", "kena"})  # stems of verbs that say little


def _after(words: Sequence[str], at: int, language: str) -> frozenset[str]:
    """Stems of the words after a status word: the deed it is said of, its first word (the verb)
    marked with a leading "=" so that two deeds must have the same verb."""
    stop = _stopwords(language) | _ADVERBS
    taken = [w for w in words[at + 1: at + 1 + _AFTER + 2] if w not in stop][:_AFTER]
    if not taken:
        return frozenset()
    verb = stems(taken[0], language)
    return stems(" ".join(taken), language) | {f"={v}" for v in verb}


def _names_with_first(fact: Fact) -> frozenset[str]:
    """A fact's names, and its first word when the word counts know it as a name ("Moldova duduk ...")."""
    words = _WORD.findall(fact.text)
    first = fold(words[0]) if words and words[0][:1].isupper() else ""
    return fact.names | ({first} if first and first in known_names(fact.claim.language) else set())


def _alike(a: str, b: str) -> bool:
    """Two cheap stems of one word: equal, or one the other less a verb's first letter ("impin" /
    "pimpin"), the two cut to a stem's length ("angkap" of "menangkap" / "tangka" of "ditangkap")."""
    if a == b or min(len(a), len(b)) >= 4 and (a.endswith(b) or b.endswith(a)):
        return True
    short, long_ = sorted((a, b), key=lambda x: x[:1] in "tpks")
    return (min(len(a), len(b)) >= 5 and short[:1] in "aiueo" and long_[:1] in "tpks"
            and long_[1:] == short[:len(long_) - 1])


@lru_cache(maxsize=4)
def _meaning_stems(language: str) -> tuple[tuple[str, int], ...]:
    """(stem, group) of each word of the language's groups of one meaning (``text.synonyms``)."""
    return tuple(dict.fromkeys((stem(word), group) for group, words in enumerate(synonym_groups(language))
                               for word in words))


@lru_cache(maxsize=1 << 14)
def _meaning(word_stem: str, language: str = "id") -> int | None:
    """The group of one meaning a stem belongs to (its own, or one of its group's spelled alike), None
    when it is in none."""
    for member, group in _meaning_stems(language):
        if word_stem == member or min(len(word_stem), len(member)) >= 4 and _alike(word_stem, member):
            return group
    return None


def _kin(a: str, b: str, language: str = "id") -> bool:
    """Two stems of one word (``_alike``) or of two words of one meaning ("kunjun" of "berkunjung"
    and "sowan")."""
    if _alike(a, b):
        return True
    group = _meaning(a, language)
    return group is not None and group == _meaning(b, language)


def _said_of(words: Sequence[str], markers: frozenset[str], language: str) -> list[tuple[int, str, frozenset[str]]]:
    """Each status word of ``words`` in ``markers``: where it stands, the word, and the deed it is said of."""
    return [(at, w, _after(words, at, language)) for at, w in enumerate(words) if w in markers]


def _told(words: Sequence[str], at: int) -> str:
    """The status word at ``at`` and the two words after it: what a status difference shows."""
    return " ".join(words[at: at + 3])


def status_change(claim: Fact, other: Fact) -> Difference | None:
    """The claim tells a deed as done ("sudah memutuskan", "telah menggelar") and the sentence as
    not done yet: "belum" or "akan" / "bakal" before the same deed ("belum mengambil keputusan",
    "bakal menggelar"), or "masih" before a word of study or plan ("masih mengkaji rencana ...");
    or the claim tells it as still going on ("masih sering berkomunikasi") and the sentence as
    stopped ("tidak lagi menjalin komunikasi"). None otherwise."""
    language = claim.claim.language
    mine = [w.lower() for w in _WORD.findall(claim.text)]
    theirs = [w.lower() for w in _WORD.findall(other.text)]

    named = [_names_with_first(claim), _names_with_first(other)]
    if named[0] and named[1] and not shared_names(*named):
        return None  # another subject ("Norwegia sudah meraih ..." / "Moldova belum meraih ...")

    def same_deed(a: frozenset[str], b: frozenset[str]) -> bool:  # its verb and another word: "menggelar ... pernikahan"
        verbs = [x for x in a if x.startswith("=")], [y for y in b if y.startswith("=")]
        if verbs[0] and verbs[1] and not any(_alike(x[1:], y[1:]) for x in verbs[0] for y in verbs[1]):
            return False
        words = {x for x in a if not x.startswith("=")} - _LIGHT
        return sum(any(_alike(x, y) for y in b if not y.startswith("=")) for x in words) >= 2

    for here, _marker, deed in _said_of(mine, _DONE, language):
        if not deed or mine[here + 1: here + 2] and mine[here + 1] in {"tidak", "tak", "belum"}:
            continue
        for at, word, theirs_deed in _said_of(theirs, _NOT_YET | _TO_COME, language):
            if word == "belum" and theirs[at + 1: at + 2] == ["lama"]:
                continue  # "belum lama ini": recently
            if word in _TO_COME and theirs[max(at - 1, 0)] in {"tidak", "tak"}:
                continue  # "tidak akan lagi bermain": a refusal, not a deed to come
            if word in _TO_COME and set(theirs) & _GOES_ON:
                continue  # "akan ditahan hingga 24 Juni", "akan kembali menggelar": the done deed goes on or comes again
            if same_deed(deed, theirs_deed):
                return Difference("status", _told(mine, here), _told(theirs, at), "done in the claim, not yet in the sentence")
        for at, _word, theirs_deed in _said_of(theirs, _STILL, language):
            if any(_alike(stem, study) for stem in theirs_deed for study in _STUDIED) and same_deed(
                    stems(" ".join(mine), language), stems(" ".join(theirs[at + 1:]), language)):
                return Difference("status", _told(mine, here), _told(theirs, at), "decided in the claim, still under study in the sentence")
    for here, _marker, deed in _said_of(mine, _STILL, language):
        for at in range(len(theirs) - 1):
            stopped = {x for x in _after(theirs, at + 1, language) if not x.startswith("=")} - _LIGHT
            if (theirs[at], theirs[at + 1]) in _STOPPED and any(_alike(x, y) for x in stopped for y in deed if y[:1] != "="):
                return Difference("status", _told(mine, here),
                                  " ".join(theirs[at: at + 4]), "going on in the claim, stopped in the sentence")
    return None


_HEARSAY = frozenset({"kabar", "dikabarkan", "rumor", "gosip", "digosipkan", "dirumorkan", "diperbincangkan",
                      "spekulasi", "berspekulasi", "santer", "desas", "rumors", "rumour", "rumoured", "rumored", "reportedly",
                      "curiga", "dicurigai", "kecurigaan", "seakan", "seolah"})
_TALKED_OF = (("menjadi", "perbincangan"), ("jadi", "perbincangan"))  # "ramai menjadi perbincangan" (not "dalam perbincangan")


_IF = frozenset({"jika", "apabila", "bila", "kalau", "seandainya", "andaikan", "andai", "jikalau", "if"})


def conditional(fact: Fact) -> bool:
    """The sentence tells what would be if something were ("jika ... berlaku")."""
    return any(w.lower() in _IF for w in _WORD.findall(fact.text))


def states_denied(a: Fact, b: Fact) -> bool:
    """Of a denial and an assertion, the assertion states the first word of what is denied, its head
    ("tidak ada *korban* jiwa akibat pohon tumbang" asks "korban", not only "pohon tumbang")."""
    denier, other = (a, b) if a.denial else (b, a)
    if not denier.denial:
        return True
    text = denier.text.lower()
    at = text.find(denier.denial.lower())
    if at < 0:
        return True
    stop = _stopwords(denier.claim.language)
    after = [w for w in _WORD.findall(text[at + len(denier.denial):]) if w not in stop and not w.isdigit()]
    if not after:
        return True
    head = stems(after[0], denier.claim.language) or {after[0]}
    theirs = stems(other.text, other.claim.language) | {fold(w) for w in _WORD.findall(other.text)}
    return any(_alike(x, y) for x in head for y in theirs)


def in_condition(fact: Fact, difference: Difference) -> bool:
    """The word a negation dispute turns on ("ada" of "belum ada") stands, in the claim, in what
    comes after "jika" (up to a comma): the claim says what would follow if it were so; a sentence
    saying it is not so does not deny the claim."""
    words = [w.lower() for w in _WORD.findall(difference.a)]
    if not words:
        return False
    word = words[-1]
    for clause in re.split(r"[,;:.]", fact.text):
        told = [w.lower() for w in _WORD.findall(clause)]
        starts = [at for at, w in enumerate(told) if w in _IF]
        if starts and word in told[starts[0] + 1:]:
            return True
    return False


def hearsay(fact: Fact) -> bool:
    """The sentence tells what is said or rumoured ("kabar ...", "dikabarkan"; not "isu", often a topic), not the fact itself."""
    words = [w.lower() for w in _WORD.findall(fact.text)]
    return any(w in _HEARSAY for w in words) or any(pair in _TALKED_OF for pair in zip(words, words[1:]))


def generic_place(difference: Difference) -> bool:
    """One of the two places of a place dispute is a kind of place, not one place: its words beyond
    those the other has are all nouns of an office or a domain ("Istana Kepresidenan" beside
    "Istana Bogor": ke-...-an), so it may be the other."""
    a, b = (set(_WORD.findall(fold(v))) for v in (difference.a, difference.b))
    return any(extra and all(w.startswith("ke") and w.endswith("an") and len(w) >= 8 for w in extra)
               for extra in (a - b, b - a)) and bool(a & b)


_HASHTAG = re.compile(r"#(\w+)")


def split_hashtags(text: str) -> str:
    """A hashtag as the words it joins ("#IndonesiaGelap" as "Indonesia Gelap"), so that a claim
    written in words matches a fact-check that wrote the hashtag."""
    return _HASHTAG.sub(lambda m: re.sub(r"(?<=[a-z])(?=[A-Z])", " ", m.group(1)), text)


# a clause ends at a comma (not one of a list of names, "PKH, BPNT dan BLT", nor of a number, "1,5"), a
# semicolon, a colon before a space (not "10:30", "https://"), "!" or "?", a dash between spaces, or a full
# stop before a space (not one of an abbreviation, "Dr. ", "H. ")
_CLAUSE_END = re.compile(r"\s*(?:(?:(?<!\d),|,(?!\d))(?!\s*[A-Z][A-Za-z]*(?:,|\s+dan\s))|;|:(?=\s)|[!?]+|\s-\s"
                         r"|(?<![A-Z][a-z])(?<![A-Z][a-z]{2})(?<![A-Z][a-z]{3})(?<!\b[A-Z])\.\s)\s*")


def clause_runs(text: str) -> list[str]:
    """The runs of consecutive clauses of ``text``, each of ``CLAUSE_WORDS`` words at least, the
    whole text left out; none for a text of one clause or of more than ``CLAUSES``. Longest first."""
    pieces = [p for p in _CLAUSE_END.split(text) if p.strip()]
    if not 2 <= len(pieces) <= CLAUSES:
        return []  # one clause, or a long message rather than a claim: its runs are not asked (bounded work)
    runs = [", ".join(pieces[i:j]) for i in range(len(pieces)) for j in range(i + 1, len(pieces) + 1)
            if j - i < len(pieces)]
    return sorted((r for r in runs if len(_WORD.findall(r)) >= CLAUSE_WORDS), key=len, reverse=True)


class FactCheckIndex:
    """Stored fact-checks, indexed for the lexical match of a claim (``match``: the same claim) and,
    with an ``embedder`` (e5, or the static vectors on e5's scale), for the fact-checks of close
    claims (``close``). The checked claims are embedded on the first ``close``, not before."""

    def __init__(self, checks: Sequence[FactCheck], language: str = "id", embedder: Any = None,
                 flush: Callable[[], None] | None = None) -> None:
        """``flush``: called after the checked claims are embedded (to keep new vectors in a store)."""
        self.checks = list(checks)
        self.language = language
        self.embedder = embedder
        self._flush = flush
        self._vectors: np.ndarray | None = None
        self._vectors_lock = threading.Lock()  # a web app's requests share one index: the claims are embedded once
        # what is matched: the checks with their hashtags in words ("#IndonesiaGelap": "Indonesia Gelap")
        self.matching = [replace(c, claim=split_hashtags(c.claim), conclusion=split_hashtags(c.conclusion or ""))
                         for c in self.checks]
        self.documents = [tokens(c.claim, language) for c in self.matching]
        self.common = common_words((f"{c.claim} {c.conclusion or ''}" for c in self.matching), language)
        self.named = known_names(language) - self.common
        self.vectorizer = _vectorizer().fit(self.documents) if self.checks else None
        self.matrix = self.vectorizer.transform(self.documents) if self.vectorizer is not None else None
        self.short: dict[str, set[str]] = {}  # the checked claims' words, by first letter, for ``spelled_short``
        for check in self.matching:
            for word in _WORD.findall(check.claim):
                if len(word) >= SHORT_WORD and word.isalpha():
                    self.short.setdefault(fold(word)[0], set()).add(fold(word))

    def scores(self, claim: str) -> np.ndarray:
        if not self.checks:
            return np.zeros(0)
        return self.scores_of([claim])[0]

    def claim_scores(self, claim: str) -> np.ndarray:
        """``scores``, or higher without the words that ask the reader to act ("daftar lewat link
        ini"): they weigh nothing against a fact-check that lacks them."""
        scores = self.scores(claim)
        asked = [t for t in tokens(claim, self.language) if t not in _call_stems(self.language)]
        if asked and self.matrix is not None:
            scores = np.maximum(scores, (self.vectorizer.transform([asked]) @ self.matrix.T).toarray()[0])
        return scores

    def scores_of(self, texts: Sequence[str]) -> np.ndarray:
        """Cosine of each text to each fact-check's claim (texts x fact-checks)."""
        if self.matrix is None or not texts:
            return np.zeros((len(texts), len(self.checks)))
        queries = self.vectorizer.transform([tokens(t, self.language) for t in texts])
        return (queries @ self.matrix.T).toarray()

    @classmethod
    def of_store(cls, store: Any, language: str = "id", settings: Settings | None = None) -> FactCheckIndex:
        """The store's fact-checks, with e5 vectors kept in the store (each checked claim is embedded
        once, by the first ``close`` on a store that lacks its vector; a store that cannot be written
        keeps none, they stay in memory), or the static vectors in ``--fast`` mode."""
        from sqlalchemy.exc import DBAPIError

        from kroscek.analyse.embed import Embedder, StaticEmbedder, StoreEmbeddingCache

        checks = store.fact_checks()
        if (settings or Settings()).encoder != "e5":
            return cls(checks, language, StaticEmbedder())
        cache = StoreEmbeddingCache(store)

        def flush() -> None:
            try:
                cache.flush()
            except DBAPIError:
                pass  # a store that cannot be written (opened read-only): the vectors stay in memory

        return cls(checks, language, Embedder(cache=cache), flush=flush)

    def meaning_vectors(self) -> np.ndarray:
        """The encoder's vector of each checked claim (as matched: hashtags in words), one row each;
        computed once, by one thread while any other waits."""
        if self._vectors is not None:
            return self._vectors
        if self.embedder is None:
            raise ValueError("this fact-check index has no encoder")
        with self._vectors_lock:
            if self._vectors is None:
                claims = [c.claim for c in self.matching]
                prefetch = getattr(getattr(self.embedder, "cache", None), "prefetch", None)
                if prefetch is not None:
                    prefetch([content_key(text, self.embedder.name) for text in claims])
                vectors = self.embedder.embed_texts(claims) if claims else np.zeros((0, 1), np.float32)
                if self._flush is not None:
                    self._flush()
                self._vectors = vectors  # after the flush: no claim is embedded into the cache while it is written
        return self._vectors

    def _claim_vector(self, text: str) -> np.ndarray:
        """The encoder's vector of the claim being checked, not kept in the index's cache (a web app
        checks claims for as long as it runs: the cache would grow with each)."""
        embedder = self.embedder
        if getattr(embedder, "cache", None) is not None:
            embedder = copy.copy(embedder)
            embedder.cache = {}
        return embedder.embed_texts([text])[0]

    def close(self, fact: Fact, shown: Iterable[FactCheckHit] = (), limit: int = CLOSE_SHOWN) -> list[FactCheckHit]:
        """Fact-checks of claims close to ``fact`` in words and in meaning (``CLOSE_LEXICAL`` and
        ``CLOSE_MEANING``, ``CLOSE_TOGETHER`` added up), best first (lexical similarity plus cosine), those in ``shown`` left out:
        the claim another wording of one of them, or one that changes a name, a place or a number of
        it. Each keeps the verdict of the claim it checked; nothing here says it is this claim's.
        Without an encoder, none."""
        if self.embedder is None or not self.checks:
            return []
        lexical = self.claim_scores(fact.text)
        meaning = self.meaning_vectors() @ self._claim_vector(fact.text)
        taken = {hit.url or hit.claim for hit in shown}
        found = []
        for at in np.argsort(-(lexical + meaning)):
            if lexical[at] + meaning[at] < max(CLOSE_TOGETHER, CLOSE_LEXICAL + CLOSE_MEANING):
                break  # and every one after
            if lexical[at] < CLOSE_LEXICAL or meaning[at] < CLOSE_MEANING:
                continue
            check = self.checks[int(at)]
            if (check.url or check.claim) in taken:
                continue
            hit = _hit(check, float(lexical[at]), same_claim=False, meaning=float(meaning[at]))
            found.append(replace(hit, differs=self.differs(fact, self.matching[int(at)])))
            if len(found) == limit:
                break
        return found

    def match(self, fact: Fact, threshold: float = FACTCHECK_SIM, limit: int = 3) -> list[FactCheckHit]:
        """Fact-checks of the same claim, best first: close in words, no slot with another value. The
        claim is matched as it is written and as the checked claims shorten its words ("lowongan
        kerja" as "loker", ``spelled_short``), the best of each fact-check kept; a shortening counts
        only for a fact-check that writes it ("ganja" of another check is no "gangguan jantung")."""
        found = {hit.url or hit.claim: hit for hit in self._match(fact, threshold, limit)}
        for text, short in self.shortenings(fact.text):
            try:
                other = claim_fact(text, fact.claim.language)
            except ClaimError:
                continue
            for hit in self._match(other, threshold, limit):
                if short not in {fold(w) for w in _WORD.findall(split_hashtags(hit.claim))}:
                    continue
                key = hit.url or hit.claim
                if key not in found or hit.similarity > found[key].similarity:
                    found[key] = hit
        ranked = sorted(found.values(), key=lambda h: -h.similarity)
        ranked = [hit for hit in ranked if hit.similarity >= ranked[0].similarity - FACTCHECK_TIE][:limit]
        exact = [hit for hit in ranked if not _adds_a_name(fact, split_hashtags(hit.claim))]
        return exact if exact else ranked

    def spelled_short(self, text: str) -> list[str]:
        """``text`` with two or three words in a row written as a word of the checked claims made of
        a clipped start of each ("lowongan kerja" as "loker", "menteri agama" as "menag"), one
        shortening at a time; names and function words are not shortened."""
        return [short_text for short_text, _short in self.shortenings(text)]

    def shortenings(self, text: str) -> list[tuple[str, str]]:
        """``spelled_short``, each text with the shortened word it writes."""
        words = list(_WORD.finditer(text))
        stop = _stopwords(self.language)
        named = known_names(self.language)  # "pram" is a name, not "prabowo marah" shortened
        found = []
        for size in (2, 3):
            for at in range(len(words) - size + 1):
                window = [fold(m.group()) for m in words[at: at + size]]
                if any(not w.isalpha() or w in stop for w in window) or any(
                        m.group()[:1].isupper() and m.start() > 0 for m in words[at: at + size]):
                    continue  # a name is not shortened (a sentence's first word may be capitalised)
                for short in sorted(self.short.get(window[0][0], ())):
                    if (short not in window and short not in named and clipped(short, window)
                            and not _numbers_and_words(short, self.language)):  # "satu" is no "saya tumbangkan"
                        found.append((f"{text[:words[at].start()]}{short}{text[words[at + size - 1].end():]}", short))
        return found

    def _match(self, fact: Fact, threshold: float, limit: int) -> list[FactCheckHit]:
        scores = self.claim_scores(fact.text)
        found = []
        for at in np.argsort(-scores)[: limit * 4]:
            if scores[at] < threshold:
                break
            if found and scores[at] < found[0].similarity - FACTCHECK_TIE:
                break  # clearly below the best: another claim
            check = self.checks[int(at)]
            if found and self.closeness(first, int(at)) < FACTCHECK_AGAIN:
                continue  # after the best, only the same claim checked again: not another claim close to this one
            if not self.same_claim(fact, self.matching[int(at)]) and not self.same_in_clauses(fact, self.matching[int(at)]):
                continue  # another place, number, day, person, subject or the negation: another claim, another verdict
            if unwritten_names(fact.text, self.matching[int(at)]):
                continue  # a name the fact-check never writes: likely another claim (it may still be listed as a close one)
            if not found:
                first = int(at)
            found.append(_hit(check, float(scores[at])))
            if len(found) == limit:
                break
        exact = [hit for hit in found if not _adds_a_name(fact, split_hashtags(hit.claim))]
        return exact if exact else found  # a check naming someone more ("DPR dan Polri") yields to one that does not

    def closeness(self, one: int, other: int) -> float:
        """Cosine of two stored fact-checks' claims."""
        return float((self.matrix[one] @ self.matrix[other].T).toarray()[0, 0]) if self.matrix is not None else 0.0

    def same_claim(self, fact: Fact, check: FactCheck) -> bool:
        """``check`` checked the claim ``fact`` states: they agree in the slots that decide it (no
        other number, place, day, person, subject or negation) and share most of its words, not
        only its names."""
        return not self.mismatch(fact, check)

    def mismatch(self, fact: Fact, check: FactCheck, every: bool = False) -> list[str]:
        """The tests that tell ``fact`` is another claim than the one ``check`` checked, by name (see
        ``same_claim``): the first that does, or with ``every`` all of them."""
        checked = _checked_fact(check, fact.claim.language)
        language, common, claim = fact.claim.language, self.common, fact.text
        tests: tuple[tuple[str, Callable[[], Any]], ...] = (
            ("slot", lambda: differences(fact, checked)), ("place", lambda: _other_place(fact, checked)),
            ("number", lambda: _other_numbers(claim, check.claim, language)),
            ("amount", lambda: _other_amount_concluded(claim, check, language)),
            ("organisation", lambda: _other_organisation(claim, check.claim)),
            ("region", lambda: _other_region(claim, check.claim, common)),
            ("office", lambda: _other_office(claim, check.claim, common)),
            ("body", lambda: _other_body_concluded(claim, check.conclusion or "", common)),
            ("recipient", lambda: _other_recipient(claim, check, language)),
            ("kind", lambda: _other_kind(claim, check, common, language)),
            ("subject", lambda: _substituted(fact, check)),
            ("name", lambda: _other_proper(fact, check, common)),
            ("names", lambda: _names_more(claim, check, common, self.named)),
            ("happening", lambda: _other_happening(claim, check.claim, common, language)),
            ("deed", lambda: _other_deed(claim, check.claim, common, language)),
            ("negation", lambda: _other_negation(fact, checked)),
            ("end", lambda: _other_end(claim, check.claim, common, language)),
            ("opposite", lambda: _opposite_deed(claim, check.claim, language)),
            ("month", lambda: _other_month(claim, check.claim, language)),
            ("channel", lambda: _other_channel(claim, check.claim)),
            ("event", lambda: _event_unsaid(claim, check.claim, language)),
            ("span", lambda: _other_span(claim, check.claim, language)),
            ("undone", lambda: _undone(claim, check, language)),
            ("neighbour", lambda: _other_neighbour(claim, check, common, language)),
            ("cover", lambda: _covered(fact, check.claim, check.conclusion or "") < FACTCHECK_COVER))
        found = []
        for name, test in tests:
            if test():
                found.append(name)
                if not every:
                    break
        return found

    def differs(self, fact: Fact, check: FactCheck) -> str:
        """What tells ``fact`` apart from the claim ``check`` checked, as ``DIFFERS`` words it: the
        first test of another claim it fails, else a name the fact-check never writes; "" when none
        does (only the wording is apart)."""
        found = self.mismatch(fact, check) or (["unwritten"] if unwritten_names(fact.text, check) else [])
        if found[:1] == ["slot"]:  # the slot itself, where it has words of its own: "another number"
            slots = [d.slot for d in differences(fact, _checked_fact(check, fact.claim.language))]
            return SLOT_DIFFERS.get(slots[0], DIFFERS["slot"]) if slots else DIFFERS["slot"]
        return DIFFERS[found[0]] if found else ""

    def same_in_clauses(self, fact: Fact, check: FactCheck) -> bool:
        """A claim that says more than the claim checked, in clauses of its own ("..., dukung genosida
        Gaza, boikot MNC!"): the only tests that tell it apart are of words it adds (``ADDED_WORDS``),
        no slot of it differs, and a run of its clauses, ``CLAUSE_WORDS`` words at least, is the
        claim checked (``same_claim``) with nearly all its words the checked claim's (``CLAUSE_COVER``),
        the clauses left out naming nothing the fact-check does not write."""
        runs = clause_runs(fact.text)
        if not runs or not set(self.mismatch(fact, check, every=True)) <= ADDED_WORDS:
            return False
        written = set(_written_words(check))
        names = _claim_names(fact.text)
        for run in runs:
            in_run = {fold(w).lower() for w in _WORD.findall(run)}
            if any(name not in in_run and name not in written for name in names):
                continue  # the clauses left out name what the fact-check never writes: not commentary
            try:
                part = claim_fact(run, fact.claim.language)
            except ClaimError:
                continue
            if self.same_claim(part, check) and _covered(part, check.claim, check.conclusion or "") >= CLAUSE_COVER:
                return True
        return False


def _checked_fact(check: FactCheck, language: str) -> Fact:
    """The claim a fact-check checked, read into slots as a claim is."""
    return read_fact(Claim("fact-check", 0, check.claim, language), "fact-check")


def _written_words(check: FactCheck) -> list[str]:
    """The words a fact-check writes (its claim, conclusion and text, hashtags in words), folded, in order."""
    return [fold(w).lower() for w in _WORD.findall(f"{check.claim} {check.conclusion or ''} {split_hashtags(check.text or '')}")]


def _hit(check: FactCheck, similarity: float, same_claim: bool = True, meaning: float | None = None) -> FactCheckHit:
    return FactCheckHit(claim=check.claim, verdict=check.verdict or "", verdict_word=check.verdict_word or "",
                        published=check.published, url=check.url, publisher=check.publisher or "",
                        similarity=round(similarity, 3), conclusion=check.conclusion or "", same_claim=same_claim,
                        meaning=None if meaning is None else round(meaning, 3))


def _claim_names(text: str) -> list[str]:
    """The names a claim writes: a capitalised word after its first, an acronym anywhere, folded;
    not a word with a digit (numbers are compared as numbers)."""
    words = list(_WORD.finditer(text))
    return [fold(m.group()).lower() for at, m in enumerate(words)
            if not any(c.isdigit() for c in m.group()) and len(m.group()) >= 2
            and ((at > 0 and m.group()[0].isupper()) or (m.group().isupper() and len(m.group()) >= 2))]


def unwritten_names(claim: str, check: FactCheck) -> list[str]:
    """The claim's names that the fact-check (its claim, conclusion and text) never writes in any
    form: not as the word, not as the initials of words in a row ("KRL": "kereta rel listrik"), not
    as the clipped starts of two or three words in a row ("Kemenag": "Kementerian Agama", "Jateng":
    "Jawa Tengah"), not inside a longer word ("#IndonesiaGelap" holds "gelap"), not as the wider
    kind it is one of ("Pilgub": "Pilkada"); an acronym naming a kind ("LSM") is none. None when the
    fact-check's text was not read (a fact-check stored without it, a ClaimReview)."""
    if not check.text:
        return []
    from kroscek.compare.facts import fact_lexicon

    words = _written_words(check)
    known = set(words)
    lex = fact_lexicon("id")
    # an acronym naming a kind ("LSM") names no one; a kind the fact-check writes more widely ("Pilgub" / "Pilkada") is written
    missing = [name for name in dict.fromkeys(_claim_names(claim)) if name not in known
               and name not in lex.kind_acronyms and lex.kind_of.get(name) not in known]
    if not missing:
        return []
    joined = " ".join(words)
    found = set()
    for name in missing:
        if len(name) >= 4 and name in joined:
            found.add(name)
            continue
        for size in (2, 3, 4, 5):
            if any(_initials(words[at: at + size], name) or (size <= 3 and clipped(name, words[at: at + size]))
                   for at in range(len(words) - size + 1)):
                found.add(name)
                break
    return [name for name in missing if name not in found]


def _initials(words: Sequence[str], acronym: str) -> bool:
    return len(words) == len(acronym) and all(w[:1] == c for w, c in zip(words, acronym))


_VERB_FORM = re.compile(r"^(?:di|me|ber|ter|ke|se|per)\w{3,}|\w{3,}(?:kan|i|an|nya)$")  # a verb or a derived word
_DEED_NOUN = re.compile(r"^pe(?:ng|ny|n|m|r)?\w{3,}an$")  # "pendaftaran", "penemuan": a noun of a deed, not a verb
_GLUE = frozenset({"soal", "terkait", "cuma", "hanya", "ini", "itu", "sebanyak", "bisa", "akan", "bakal", "sudah", "telah",
                   "ternyata", "sebenarnya", "lewat", "melalui", "bilang", "sebut", "kata", "ujar", "per", "tiap", "setiap"})


def _name_words(text: str, common: frozenset[str]) -> set[str]:
    """The words of ``text`` that name someone or something: ``proper_words``, and the words of its names."""
    return proper_words(text, common) | {w for n in names(_sentence_case(text)) for w in _WORD.findall(n)}


def _plain_words(text: str, common: frozenset[str], language: str) -> list[tuple[str, str, bool]]:
    """(word, stem, is a name) for each content word of ``text`` in order, function words left out."""
    proper = _name_words(text, common)
    stop = _stopwords(language) | _GLUE
    found = []
    for word in _WORD.findall(_sentence_case(text)):
        folded = fold(word)
        if folded in stop or word.isdigit() or len(folded) < 3:
            continue
        stem = next(iter(stems(folded, language)), folded)
        if stem in _WRAPPERS:
            continue
        found.append((folded, stem, folded in proper))
    return found


def _other_end(claim: str, checked: str, common: frozenset[str], language: str) -> bool:
    """Another thing at the head or the tail of the same words: the two claims' words aligned in
    order, what comes before the first word they share (the subject) or after the last (what it
    ends in) holds a plain noun on each side, no name ("Motor yang terbakar ..." / "Mobil
    Terbakar ...", "... jebol diterjang longsor" / "... Jebol Akibat Banjir"). A verb or a derived
    word there is left alone: it is often the same deed in other words ("diciduk" / "ditangkap"); a
    noun of a deed ("Pendaftaran ..." / "Peserta ...") is a noun all the same. Between two words
    they share, the claim's plain nouns where the checked claim has a name, none of them a word of
    the other side ("Ramuan daun sirih dan garam ampuh ..." / "Ramuan Teh Sentosa dan Madu
    Lestari Ampuh ..."), are another thing too; plain words on both sides there are often the same
    thing in other words ("stasiun televisi" / "semua TV")."""
    mine, theirs = _plain_words(claim, common, language), _plain_words(checked, common, language)
    pairs, start = [], 0
    for i, (word, stem, _name) in enumerate(mine):
        for j in range(start, len(theirs)):
            if word == theirs[j][0] or _kin(stem, theirs[j][1], language) or _affixed(word, theirs[j][0]):
                pairs.append((i, j))
                start = j + 1
                break
    if not pairs:
        return False
    for (i0, j0), (i1, j1) in (((-1, -1), pairs[0]), (pairs[-1], (len(mine), len(theirs)))):
        ours, others = mine[i0 + 1: i1], theirs[j0 + 1: j1]
        if any(name for _w, _s, name in ours + others):
            continue  # names are compared as names
        if [w for w, _s, _n in ours if _thing(w, language)] and [w for w, _s, _n in others if _thing(w, language)]:
            return True
    for (i0, j0), (i1, j1) in zip(pairs, pairs[1:]):
        ours = [w for w, s, _n in mine[i0 + 1: i1] if not _found_in(w, s, theirs, language)]
        others = [(w, n) for w, s, n in theirs[j0 + 1: j1] if not _found_in(w, s, mine, language)]
        if sum(map(_plain, ours)) >= GAP_WORDS and any(n for _w, n in others):
            return True  # between the same words, things on one side and a name on the other
    return False


def _found_in(word: str, stem: str, others: Sequence[tuple[str, str, bool]], language: str = "id") -> bool:
    """The word, in any form or another word of its meaning in ``language``, is one of ``others`` (``_plain_words``)."""
    return any(word == w or _kin(stem, s, language) or _affixed(word, w) or _one_root(word, w) for w, s, _n in others)


# a prefix that drops the first letter of the root it stands before: "menyajikan" / "penyaji" (saji), "memukul" (pukul)
_NASAL = (("meny", "s"), ("peny", "s"), ("meng", "k"), ("peng", "k"), ("mem", "p"), ("pem", "p"), ("men", "t"),
          ("pen", "t"))
_ROOT_PREFIXES = ("memper", "diper", "meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "pe", "ber",
                  "ter", "di", "ke", "se")
_ROOT_SUFFIXES = ("kannya", "annya", "kan", "nya", "an", "i")


@lru_cache(maxsize=1 << 14)
def _roots(word: str) -> frozenset[str]:
    """The roots ``word`` may have (folded), four letters at least: its prefix and suffix cut, a first
    letter a prefix drops put back ("menyajikan": "sajikan", "saji", "ajikan", "aji" ...)."""
    bodies = {word}
    for prefix in _ROOT_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            rest = word[len(prefix):]
            bodies.add(rest)
            bodies.update(f"{first}{rest}" for nasal, first in _NASAL if nasal == prefix)
    roots = set(bodies)
    for body in bodies:
        roots.update(body[: -len(end)] for end in _ROOT_SUFFIXES if body.endswith(end) and len(body) - len(end) >= 4)
    return frozenset(r for r in roots if len(r) >= 4)


def _one_root(one: str, other: str) -> bool:
    """Two words of one root with other affixes ("menyajikan" / "penyaji", "memukul" / "pukulan")."""
    return one != other and bool(_roots(one) & _roots(other)) and min(len(one), len(other)) >= 5


_TO = frozenset({"ke", "kepada", "untuk", "to", "for"})  # before whom or what a deed is for ("bagi" is also "bagi-bagi": to hand out)


def _phrases_after(text: str, heads: frozenset[str], language: str) -> list[list[str]]:
    """The words (folded) after each of ``heads`` in ``text``, up to a mark or a function word."""
    stop = _stopwords(language) | _GLUE
    found, current = [], None
    end = 0
    for match in _WORD.finditer(text):
        word, apart = fold(match.group()), bool(_MARKS.search(text[end:match.start()]))
        end = match.end()
        if current is not None and (apart or word in stop):
            if current:
                found.append(current)
            current = None
        if word in heads:
            current = []
        elif current is not None and not word.isdigit():
            current.append(word)
    if current:
        found.append(current)
    return found


def _other_recipient(claim: str, check: FactCheck, language: str) -> bool:
    """Both say to whom or for what the deed was done ("ke pedagang es teh" / "ke Masyarakat") and
    no word of one's is a word of the other's text (the fact-check's conclusion too): the same deed
    for someone else is another claim. A shared name in it ("ke kediaman Gus Miftah" / "ke Rumah
    Gus Miftah") is the same one; the claim may say elsewhere what the checked claim says there
    ("kepada polisi saat demo" / "kepada Peserta Demo")."""
    said = f"{check.claim} {_BRACKETS.sub(' ', check.conclusion or '')}"
    mine, theirs = _phrases_after(claim, _TO, language), _phrases_after(check.claim, _TO, language)
    if not mine or not theirs:
        return False
    claim_words, their_words = [fold(w) for w in _WORD.findall(claim)], [fold(w) for w in _WORD.findall(said)]

    def found(words: Sequence[str], other: Sequence[str]) -> bool:
        return any(w == o or _affixed(w, o) or _alike(w, o) for w in words if len(w) >= 3 for o in other)

    # the phrases share no word, and the claim's first word there is no word of the fact-check
    return all(not found(p, q) for p in mine for q in theirs) and all(not found(p[:1], their_words) for p in mine)


def _other_kind(claim: str, check: FactCheck, common: frozenset[str], language: str) -> bool:
    """A word both say, and the word after it, what kind or whose, is on each side a word the
    other side does not have ("daging anjing" / "Daging Manusia", "Blok Mahakam" / "Blok Medan",
    "Bank BNI" / "Bank BCA"): the same thing of another kind is another claim. The word both say
    is a common word the claim does not write as a name, the two words follow each other with
    nothing between, neither is a verb ("gratis untuk naik" / "Gratis Lewat Program"), and the
    fact-check's conclusion counts as its words."""
    from kroscek.analyse.entities import place_words

    places = place_words()
    mine = _plain_words(claim, common, language)
    theirs = _plain_words(check.claim, common, language)
    said = _plain_words(f"{check.claim} {_BRACKETS.sub(' ', check.conclusion or '')}", common, language)

    def kind(word: str, name: bool) -> bool:  # a name, a place, or a plain word ("sekolah"); not a verb ("perangi")
        return name or word in places or not _VERB.match(word)

    for i, (word, stem, name) in enumerate(mine[:-1]):
        for j, (other, other_stem, other_name) in enumerate(theirs[:-1]):
            if name or word not in common or _DEED.match(word) or not (
                    word == other or _alike(stem, other_stem) or _affixed(word, other)):
                continue  # the word both say is a common word ("bank", "blok", "daging"), not a name or a deed
            (next_word, next_stem, next_name), (their_next, their_stem, their_name) = mine[i + 1], theirs[j + 1]
            if (kind(next_word, next_name) and kind(their_next, their_name)
                    and not _found_in(next_word, next_stem, said, language) and not _found_in(their_next, their_stem, mine, language)
                    and _adjacent(claim, word, next_word) and _adjacent(check.claim, other, their_next)):
                return True
    return False


def _neighbours(text: str, common: frozenset[str], language: str) -> list[list[tuple[str, str, bool]]]:
    """The runs of content words of ``text`` that stand next to each other, (word, stem, is a name)
    each: a mark (a comma, a colon, brackets), a function word, a number or a wrapper ("video")
    between two words ends a run."""
    proper = _name_words(text, common)
    stop = _stopwords(language) | _GLUE
    runs: list[list[tuple[str, str, bool]]] = []
    for piece in _MARKS.split(_sentence_case(text)):
        current: list[tuple[str, str, bool]] = []
        for word in _WORD.findall(piece):
            folded = fold(word)
            stem_ = next(iter(stems(folded, language)), folded)
            if folded in stop or word.isdigit() or len(folded) < 3 or stem_ in _WRAPPERS:
                runs.append(current)
                current = []
                continue
            current.append((folded, stem_, folded in proper))
        runs.append(current)
    return [run for run in runs if run]


def _other_neighbour(claim: str, check: FactCheck, common: frozenset[str], language: str) -> bool:
    """A word both say (in any form or another word of its meaning), and the word right next to it,
    before or after it (``_neighbours``), is on each side another thing, neither a word of the
    other side (the fact-check's conclusion counts as its words) nor of one meaning with it: both
    names of entities the gazetteer knows ("Pasukan Garuda Indonesia" / "Pasukan Garuda Malaysia";
    not a company's "Indah" / "Group"), or both plain words beside a plain word where they are the
    only words that differ ("daging manusia" / "tulang manusia": a near miss changes one thing and
    keeps the rest; a claim retold in other words differs in more, "ikut demo" / "Peserta Demo").
    The same words about another thing are another claim. A verb or a derived word there is left
    alone: the same deed is often told by other words."""
    from kroscek.text.gazetteer import lookup

    mine = _neighbours(claim, common, language)
    theirs = _neighbours(check.claim, common, language)
    said = [w for piece in _neighbours(f"{check.claim} {_BRACKETS.sub(' ', check.conclusion or '')}", common, language)
            for w in piece]
    own = [w for piece in mine for w in piece]
    # the claim's things the fact-check does not say, and the checked claim's the claim does not: one each in a near
    # miss (a verb may differ: "buka lowongan" / "Lowongan")
    calls = _call_stems(language)  # "daftar lewat link ini": no part of the claim, no word that differs
    unsaid = {w for w, s, _n in own if not _found_in(w, s, said, language) and s not in calls and not _verb_like(w)} - _CONNECTIVES
    unheard = {w for piece in theirs for w, s, _n in piece
               if not _found_in(w, s, own, language) and s not in calls and not _verb_like(w)} - _CONNECTIVES

    def kind(word: str, name: bool) -> str | None:
        if word in _CONNECTIVES:
            return None
        if lookup(word) is not None:
            return "name"
        if name:  # a name no text writes in lower case ("Mahfud"); not a company's "Group" or "Indah"
            return "name" if word not in common and not _verb_like(word) else None
        return None if _verb_like(word) else "thing"

    for ours in mine:
        for others in theirs:
            for i, (word, stem_, _name) in enumerate(ours):
                for j, (other, other_stem, _other_name) in enumerate(others):
                    if not (word == other or _kin(stem_, other_stem, language) or _affixed(word, other)):
                        continue
                    for step in (-1, 1):
                        if not (0 <= i + step < len(ours) and 0 <= j + step < len(others)):
                            continue
                        (x, x_stem, x_name), (y, y_stem, y_name) = ours[i + step], others[j + step]
                        if kind(x, x_name) == "thing" and (kind(word, _name) != "thing" or len(unsaid) != 1 or len(unheard) != 1):
                            continue  # a thing beside a name or a deed, or where more words differ, is often the same told otherwise
                        if (kind(x, x_name) is not None and kind(x, x_name) == kind(y, y_name)
                                and not _kin(x_stem, y_stem, language) and not _one_entity(x, y)
                                and not _found_in(x, x_stem, said, language)
                                and not _found_in(y, y_stem, own, language)):
                            return True
    return False


def _one_entity(one: str, other: str) -> bool:
    """Two names of one entity the gazetteer knows ("Tiongkok" / "China")."""
    from kroscek.text.gazetteer import lookup

    a, b = lookup(one), lookup(other)
    return a is not None and b is not None and a.id == b.id


_VERB_PREFIXES = re.compile(r"^(?:memper|diper|meng|meny|mem|men|me|ber|ter|di)(\w{3,})$")


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """The words the shipped static word vectors and word counts know (roots of verbs among them)."""
    from kroscek.analyse.embed import STATIC_PATH
    from kroscek.text.words import word_counts

    known = set(word_counts("id") or {})
    if STATIC_PATH.is_file():
        known |= set(np.load(STATIC_PATH)["words"].tolist())
    return frozenset(known)


@lru_cache(maxsize=1 << 14)
def _verb_like(word: str) -> bool:
    """A verb: a word in "-kan", or a verb's prefix before a root the vocabulary knows, four letters
    at least, with its suffix cut and a first letter the prefix drops put back ("dilanda",
    "memicu", "menangkap"); not a noun that starts like one ("diabetes", "diare", "dialog")."""
    if word.endswith("kan") and len(word) > 6 or word in bare_verbs("id"):
        return True
    match = _VERB_PREFIXES.match(word)
    if not match:
        return False
    known = _vocabulary()
    root = match.group(1)
    cut = [root] + [root[: -len(end)] for end in ("kan", "nya", "i") if root.endswith(end)]
    return any(len(w) >= 4 and w in known for r in cut for w in (r, *(f"{first}{r}" for first in "ktps")))


@lru_cache(maxsize=4)
def _event_stems(language: str) -> frozenset[str]:
    """The stems of the words that say one thing happened ("tewas", "meninggal"; "terbakar", "hangus"):
    one stem a group (``compare.facts.stem``)."""
    from kroscek.compare.facts import fact_lexicon

    return frozenset(stem(word) for group in fact_lexicon(language).same_event for word in group)


def _event_unsaid(claim: str, checked: str, language: str) -> bool:
    """The checked claim tells what happened by a word of an event ("meninggal", "terbakar",
    "ditangkap", "banjir") that no word of the claim tells, in any form or another word of that
    event ("Permen X Bikin Anak Meninggal" / "anak keracunan usai jajan permen X"): the claim does
    not say what was checked."""
    events = {stem(fold(w)) for w in _WORD.findall(checked)} & _event_stems(language)
    mine = {stem(fold(w)) for w in _WORD.findall(claim)}
    return any(not any(_alike(event, own) for own in mine) for event in events)


_SPAN_UNITS = {"hari": 0, "minggu": 1, "pekan": 1, "bulan": 2, "tahun": 3}
_FEW = frozenset({"beberapa", "sekian", "dua", "tiga", "empat", "lima"})


def _spans(text: str) -> set[int]:
    """The units of the spans of time ``text`` tells ("seminggu", "setahun", "beberapa hari", "3 bulan"),
    by size (a day 0, a week 1, a month 2, a year 3)."""
    words = [fold(w) for w in _WORD.findall(text)]
    found = set()
    for at, word in enumerate(words):
        if word.startswith("se") and word[2:] in _SPAN_UNITS:
            found.add(_SPAN_UNITS[word[2:]])
        elif word in _SPAN_UNITS and at and (words[at - 1] in _FEW or words[at - 1].isdigit()):
            found.add(_SPAN_UNITS[word])
    return found


def _other_span(claim: str, checked: str, language: str) -> bool:
    """Both tell how long after or before, by spans of time two sizes apart or more ("Belum Seminggu
    Dilantik" / "Setahun setelah dilantik"; "beberapa hari" and "seminggu" may be one span): another
    moment, another claim."""
    mine, theirs = _spans(claim), _spans(checked)
    return bool(mine and theirs) and min(abs(a - b) for a in mine for b in theirs) >= 2


# words beside a noun that tell no other thing: links ("akibat") and the rest of a whole ("lainnya", "sisanya")
_CONNECTIVES = frozenset({"akibat", "imbas", "lantaran", "usai", "pasca", "jelang", "sambil", "via", "demi", "sebab",
                          "lainnya", "sisanya", "lain", "sisa", "semua", "seluruh", "para", "berbagai"})


def _other_channel(claim: str, checked: str) -> bool:
    """Each side names a platform the other does not ("lewat YouTube" / "Lewat TikTok"): where a
    post went round is no subject of the claim, but another platform is another post."""
    mine = {fold(w) for w in _WORD.findall(claim)} & _CHANNELS
    theirs = {fold(w) for w in _WORD.findall(checked)} & _CHANNELS
    return bool(mine - theirs and theirs - mine)


def _other_month(claim: str, checked: str, language: str) -> bool:
    """Each side names a month the other does not ("April 2025" / "Juni 2025"): another date."""
    months = lexicon(language).months
    mine = {months[fold(w)] for w in _WORD.findall(claim) if fold(w) in months}
    theirs = {months[fold(w)] for w in _WORD.findall(checked) if fold(w) in months}
    return bool(mine and theirs and not mine & theirs)


# deeds that end, undo or destroy something: told by the claim and by no word of a fact-check, another claim
_UNDOING = ("tutup", "henti", "hapus", "cabut", "roboh", "bakar", "curi", "musnah", "bubar", "blokir", "larang")


def _undone(claim: str, check: FactCheck, language: str) -> bool:
    """The claim tells a deed that ends, undoes or destroys something ("ditutup", "dihentikan",
    "dirobohkan", "dicuri") that neither the checked claim nor its conclusion tells
    (the link of a registration is no news of its closing): another claim."""
    mine = _deed_words(claim, language)
    theirs = _deed_words(f"{check.claim} {_BRACKETS.sub(' ', check.conclusion or '')}", language)
    told = {stem(w) for w in theirs}
    return any(_says_deed(mine, root, language) and not _says_deed(theirs, root, language)
               and not any(_kin(stem(root), other, language) for other in told) for root in _UNDOING)


def _adjacent(text: str, first: str, second: str) -> bool:
    """``second`` is the word right after ``first`` in ``text`` (folded words), no mark between."""
    words = [(fold(m.group()), m) for m in _WORD.finditer(text)]
    for at, (word, match) in enumerate(words):
        if word != first:
            continue
        if at + 1 < len(words) and words[at + 1][0] == second:
            return not _MARKS.search(text[match.end():words[at + 1][1].start()])
    return False


def _holds_root(one: str, other: str) -> bool:
    """One stem is the other cut otherwise ("ebus" / "nebus"): the shorter, four letters at least,
    inside the longer. For whole words, ``_affixed``."""
    short, long_ = sorted((one, other), key=len)
    return len(short) >= 4 and short in long_


# what may stand before and after a root in a word ("pen-daftar-an", "kediaman-nya", "me-nebus")
_PREFIXES = frozenset({"", "di", "ke", "se", "me", "mem", "men", "meng", "meny", "ber", "be", "bel", "ter", "pe", "pem",
                       "pen", "peng", "peny", "per", "pel", "memper", "diper", "keber", "keter", "kese"})
_SUFFIXES = frozenset({"", "an", "kan", "i", "nya", "lah", "kah", "pun", "annya", "kannya", "inya", "ku", "mu"})


def _affixed(one: str, other: str) -> bool:
    """One word is the other with affixes ("pendaftaran" / "daftar", "kediamannya" / "kediaman",
    "menebus" / "Nebus"): the shorter, four letters at least, inside the longer with only a prefix
    before it and a suffix after it, not any word that holds its letters ("ikan" / "memberikan",
    "lama" / "ulama", "emas" / "kemasan")."""
    short, long_ = sorted((one, other), key=len)
    if len(short) < 4:
        return False
    at = long_.find(short)
    while at >= 0:
        if long_[:at] in _PREFIXES and long_[at + len(short):] in _SUFFIXES:
            return True
        at = long_.find(short, at + 1)
    return False


def _thing(word: str, language: str = "id") -> bool:
    """``_plain``, and no verb written without a prefix ("ikut", "naik": ``text.synonyms.bare_verbs``)."""
    return _plain(word) and word not in bare_verbs(language)


def _plain(word: str) -> bool:
    """A plain noun or a noun of a deed ("pendaftaran"), not a verb or another derived word."""
    return not _VERB_FORM.match(word) or bool(_DEED_NOUN.match(word))


def _other_negation(a: Fact, b: Fact) -> bool:
    """One side is negated and the other not ("tidak pernah menaikkan harga" / "menaikkan
    harga"); a negation that makes an adjective ("tautan tidak resmi": unofficial) aside, and one
    that negates the same word on both sides, whatever clause holds it ("kepala daerah yang tidak
    ikut retret" / "mundur bila tidak ikut retret": which ones, told as a relative clause or a
    condition)."""
    return _negated(a) != _negated(b) and not _negated_words(a) & _negated_words(b)


def _negated_words(fact: Fact) -> set[str]:
    """The stems of the words right after a negation, in any clause ("tidak ikut": "ikut")."""
    negations = lexicon(fact.claim.language).negations
    words = [w.lower() for w in _WORD.findall(fact.text)]
    return {stem for at, word in enumerate(words[:-1]) if word in negations and words[at + 1] not in negations
            for stem in {fold(words[at + 1]), *stems(fold(words[at + 1]), fact.claim.language)}}


# "tidak resmi", "tak dikenal": adjectives; "belum seminggu", "belum lama": a span of time, not a deed denied
_NOT_NEGATING = frozenset({"resmi", "sah", "jelas", "dikenal", "bertanggung", "sehari", "seminggu", "sebulan", "setahun",
                           "lama", "genap"})


# deeds that undo each other: one claimed where the fact-check checked the other is another claim
_OPPOSITES = (("buka", "tutup"), ("naik", "turun"), ("menang", "kalah"), ("hidup", "mati"), ("angkat", "pecat"),
              ("angkat", "copot"), ("terima", "tolak"), ("izin", "larang"), ("beli", "jual"), ("mulai", "henti"),
              ("tambah", "kurang"), ("setuju", "tolak"), ("tangkap", "bebas"), ("tangkap", "lepas"), ("sah", "tolak"),
              ("dukung", "tolak"), ("masuk", "keluar"), ("datang", "pergi"), ("lantik", "copot"), ("lantik", "pecat"),
              ("kirim", "tarik"), ("bangun", "roboh"), ("bangun", "hancur"), ("temu", "hilang"), ("aktif", "nonaktif"))


def _deed_words(text: str, language: str) -> list[str]:
    """The words of ``text`` (folded) a deed may be told by: no function word, no number."""
    stop = _stopwords(language) | _GLUE
    return [w for w in (fold(x) for x in _WORD.findall(text)) if w not in stop and not w.isdigit()]


def _says_deed(words: Sequence[str], root: str, language: str) -> bool:
    """One of ``words`` (folded, function words out) is ``root`` with its affixes ("ditutup",
    "menutup", "pembukaan")."""
    return any(root == w or _affixed(root, w) or any(_alike(s, root) for s in stems(w, language))
               for w in words)


def _opposite_deed(claim: str, checked: str, language: str) -> bool:
    """The claim tells one deed and the checked claim its opposite ("PT X ditutup" / "PT X Dibuka",
    "gaji naik" / "Gaji Turun"), each without the other's."""
    mine, theirs = _deed_words(claim, language), _deed_words(checked, language)
    for one, other in _OPPOSITES:
        for a, b in ((one, other), (other, one)):
            if (_says_deed(mine, a, language) and not _says_deed(mine, b, language)
                    and _says_deed(theirs, b, language) and not _says_deed(theirs, a, language)):
                return True
    return False


_CALLED_OFF = frozenset({"batal", "urung", "membatalkan", "dibatalkan", "cancel", "cancelled", "canceled"})  # a deed called off


# the verbs of refusing among the negations, in the forms a claim or a headline writes them ("Tolak", "menolak");
# not "bertolak" (to depart), "Tolak Angin" (a brand) nor "tolak ukur" (a yardstick)
_REFUSING = frozenset({"tolak", "menolak", "ditolak", "tertolak", "bantah", "membantah", "dibantah"})
_NOT_REFUSING_AFTER = frozenset({"angin", "ukur"})
# words that open a clause of a condition or a purpose: a negation inside it ("kalau tidak mau ...", "agar
# ginjalnya tidak diambil") does not negate what the claim states
_SUBORDINATE = _IF | frozenset({"agar", "supaya", "biar", "asalkan", "sehingga", "unless"})
_NO_NEED = frozenset({"perlu", "usah"})  # "tidak perlu ke lab", "tak usah daftar": no need, a detail of how, not the claim denied
_CLAUSE_PUNCTUATION = re.compile(r"[,;:!?()]|\.(?=\s|$)")


def _negated(fact: Fact) -> bool:
    """The claim negates what it says: a negation before a word (not one making an adjective, "tidak
    resmi"), or ending it; a verb of refusing ("menolak", a headline's "Tolak"), unless itself
    negated ("tidak menolak": both cancel). Not a negation inside a clause of a condition or a
    purpose ("kalau tidak mau ...", "agar ... tidak diambil"; one that opens the claim counts only
    where a comma ends it), nor "tidak perlu", "tak usah" (no need)."""
    negations = lexicon(fact.claim.language).negations | _CALLED_OFF
    clauses = [c for c in _CLAUSE_PUNCTUATION.split(fact.text) if c.strip()]
    for number, clause in enumerate(clauses):
        words = [w.lower() for w in _WORD.findall(clause)]
        refusing = [w in _REFUSING and not set(words[at + 1: at + 2]) & _NOT_REFUSING_AFTER for at, w in enumerate(words)]
        for at, word in enumerate(words):
            if word in _SUBORDINATE and (at > 0 or number > 0 or len(clauses) > 1):
                break  # the rest of the clause is the condition or the purpose
            if refusing[at] and at > 0 and words[at - 1] in negations:
                continue  # "tidak menolak": the negation before it is read with it
            if word in negations and at + 1 < len(words) and (refusing[at + 1] or words[at + 1] in _NO_NEED):
                continue
            if (word in negations or refusing[at]) and (at == len(words) - 1 or words[at + 1] not in _NOT_NEGATING):
                return True
    return False


def common_words(texts: Iterable[str], language: str = "id") -> frozenset[str]:
    """The words (folded) that are not names: written in lower case somewhere in ``texts``, more
    often in lower case than capitalised mid-sentence in the news counts the language ships
    (``text.words.word_counts``), or mostly not a proper noun by the entity tagger's rates. A headline in title case or a sentence's first word hides whether
    a word is a name; a word that is neither is one ("Tesla", "Menag", "Bahlil")."""
    from kroscek.text.words import word_counts

    counted = word_counts(language) or {}
    rates = _proper_noun_rates(language)
    return frozenset({fold(w) for text in texts for w in _WORD.findall(text) if w[0].islower()}
                     | {w for w, count in counted.items() if count.lower > count.capitalised_mid}
                     | {w for w, rate in rates.items() if rate == "lo"})


@lru_cache(maxsize=4)
def known_names(language: str = "id") -> frozenset[str]:
    """The words (folded) the language's counts know as names: more often capitalised mid-sentence
    than in lower case in the news counts, or mostly proper nouns by the entity tagger's rates."""
    from kroscek.text.words import word_counts

    counted = word_counts(language) or {}
    return frozenset({w for w, count in counted.items() if count.capitalised_mid > count.lower}
                     | {w for w, rate in _proper_noun_rates(language).items() if rate == "hi"})


def _proper_noun_rates(language: str) -> dict[str, str]:
    if language != "id":
        return {}
    from kroscek.analyse.entities import proper_noun_rates

    return proper_noun_rates()


def proper_words(text: str, common: frozenset[str]) -> set[str]:
    """The words of ``text`` that name someone or something, wherever they stand (a headline's
    first word too): capitalised and never written in lower case in ``common``'s texts, or an
    acronym; numbers and one-letter words aside."""
    return {fold(w) for w in _WORD.findall(text)
            if len(w) >= 2 and w[0].isupper() and not w.isdigit() and (fold(w) not in common or w.isupper() and len(w) > 2)}


def _name_runs(text: str, proper: set[str] | frozenset[str]) -> list[list[str]]:
    """The runs of consecutive words of ``text`` (folded) that are in ``proper``: one name each."""
    return [run for _start, run in _placed_runs(text, proper)]


_MARKS = re.compile(r"[,;:.()\[\]/|]")


def _placed_runs(text: str, proper: set[str] | frozenset[str]) -> list[tuple[int, list[str]]]:
    """``_name_runs`` with the index of each run's first word. A run ends at a mark between two
    words ("Prabowo, Gerindra, dan PDIP": three names)."""
    runs: list[tuple[int, list[str]]] = []
    previous, end = -2, 0
    for at, match in enumerate(_WORD.finditer(text)):
        word, apart = fold(match.group()), bool(_MARKS.search(text[end:match.start()]))
        end = match.end()
        if word in proper:
            if previous == at - 1 and runs and not apart:
                runs[-1][1].append(word)
            else:
                runs.append((at, [word]))
            previous = at
    return runs


def _unsaid(run: Sequence[str], words: Sequence[str]) -> bool:
    """No word of a name ``run`` is one of ``words``, spelled alike or abbreviated by them."""
    return not any(w in words or spelled_like_any(w, words, NAME) or abbreviates(w, words) for w in run)


def _checked_names(check: FactCheck, common: frozenset[str]) -> set[str]:
    """The words of a checked claim that name someone or something: ``proper_words``, less those
    its conclusion, which restates the claim in sentence case, writes in lower case."""
    lower = {fold(w) for w in _WORD.findall(check.conclusion or "") if w[0].islower()}
    return proper_words(check.claim, common) - lower


def _other_proper(fact: Fact, check: FactCheck, common: frozenset[str]) -> bool:
    """Another subject named in the same words: the claim names someone or something (any word of
    it, its first too, that is a name by ``proper_words``) of which the checked claim has no word,
    and the checked claim names someone or something of which the claim has no word ("Xiaomi
    memamerkan robot ..." / "Tesla Pamerkan Robot ..."). The claim's names written capitalised
    mid-sentence count too ("Menteri Keuangan": "keuangan" is a common word elsewhere). Not the
    conclusion's words: it often names what is true, the subject a changed claim puts in. A word
    the news counts know as a name ("China") is one in the checked claim even where a fact-check
    wrote it in lower case."""
    claim = fact.text
    named = {w for name in names(_sentence_case(claim)) for w in _WORD.findall(name) if len(w) >= 3 and not w.isdigit()}
    said, written = [fold(w) for w in _WORD.findall(check.claim)], [fold(w) for w in _WORD.findall(claim)]
    if not any(_unsaid_known(run, said) for run in _name_runs(claim, proper_words(claim, common) | named)):
        return False
    known = known_names(fact.claim.language)
    theirs = _checked_names(check, common) | {fold(w) for w in _WORD.findall(check.claim) if w[0].isupper() and fold(w) in known}
    # a headline's capitalised words run on after a known name ("Prabowo Kunker ..."): the name is its known words
    runs = [[w for w in run if w in known] or run for run in _name_runs(check.claim, theirs - _CHANNELS)]
    return any(_unsaid_known(run, written) for run in runs)


def _unsaid_known(run: Sequence[str], words: Sequence[str]) -> bool:
    """``_unsaid``, and the name is not another name of a known entity one to three words in a row of
    ``words`` name ("China" / "Tiongkok", "AS" / "Amerika Serikat": one country)."""
    if not _unsaid(run, words):
        return False
    from kroscek.text.gazetteer import lookup

    known = lookup(" ".join(run))
    if known is None:
        return True
    return not any((other := lookup(" ".join(words[at: at + size]))) is not None and other.id == known.id
                   for size in (1, 2, 3) for at in range(len(words) - size + 1))


def _names_more(claim: str, check: FactCheck, common: frozenset[str], named: frozenset[str]) -> bool:
    """The checked claim names someone or something (a run of words that are names by
    ``proper_words``, one at least a known name or an acronym; not a place) of which the claim has
    no word: a claim that does not say who ("Pelatih timnas ..." / "Shin Tae-yong Pimpin Latihan
    Timnas ...") is not the checked claim."""
    from kroscek.analyse.entities import place_words

    sure = named | {fold(w) for w in _WORD.findall(check.claim) if w.isupper() and len(w) > 1}
    written = [fold(w) for w in _WORD.findall(claim)]
    words = [fold(w) for w in _WORD.findall(check.claim)]
    places = place_words()
    calendar = {*lexicon("id").weekdays, *lexicon("id").months, *lexicon("en").weekdays, *lexicon("en").months}
    runs = _placed_runs(check.claim, _checked_names(check, common))
    for number, (start, run) in enumerate(runs):
        if not set(run) & sure or all(w in places and len(w) > 3 or w in calendar or w in _CHANNELS for w in run) or not _unsaid(run, written):
            continue
        end = start + len(run)
        if any(0 <= later - end <= 1 and not set(words[end:later]) & _JOINS and not _unsaid(other, written)
               for later, other in runs[number + 1:]):
            continue  # a title or an office before a name the claim has ("Menko Pangan Zulkifli Hasan")
        if _SPEAKER.match(check.claim, _end_of_word(check.claim, end)) or words[end:end + 1] and words[end] in _SPEECH:
            continue  # who said it ("Menteri X: ...", "X Sebut ..."): the claim is what was said
        return True
    return False


_JOINS = frozenset({"dan", "atau", "hingga", "serta", "dengan", "vs", "versus", "and", "or"})
_SPEECH = frozenset({"bilang", "sebut", "kata", "ujar", "ungkap", "klaim", "mengatakan", "menyebut", "menyatakan"})
_CHANNELS = frozenset({"whatsapp", "facebook", "tiktok", "instagram", "youtube", "twitter", "telegram", "threads"})
_SPEAKER = re.compile(r"\s*:")


def _end_of_word(text: str, count: int) -> int:
    """The character offset just after the ``count``-th word of ``text``."""
    ends = [m.end() for m in _WORD.finditer(text)]
    return ends[count - 1] if 0 < count <= len(ends) else 0


def _content(text: str, common: frozenset[str], language: str) -> frozenset[str]:
    """Stems of what a text says happened: its words that are not names, numbers or function words."""
    proper = _name_words(text, common)
    words = [w for w in _WORD.findall(_sentence_case(text)) if fold(w) not in proper and not w.isdigit()]
    return stems(" ".join(words), language)


def _other_happening(claim: str, checked: str, common: frozenset[str], language: str) -> bool:
    """The two share their names and little of what happened: under ``FACTCHECK_HAPPENED`` of the
    claim's words beyond its names, and of the checked claim's ("Kluivert menyebut timnas sudah
    berusaha" / "Kluivert Umumkan Pengunduran Diri dari Timnas"). A word either side writes as a
    name is a name on both ("Lapor Mas Wapres" in a headline's capitals), and the words that ask the
    reader to act ("syarat", "daftar lewat link") count only where both have them."""
    mine, theirs = (_content(t, common, language) - _WRAPPERS for t in (claim, checked))
    named = {s for t in (claim, checked) for w in _name_words(t, common) for s in stems(w, language)}
    calls = _call_stems(language)
    mine, theirs = mine - named - (calls - theirs), theirs - named - (calls - mine)
    if min(len(mine), len(theirs)) < HAPPENED_WORDS:
        return False  # too few words beyond the names to tell: a verb in other words ("mengolok-olok" / "mengejek")
    shared_mine = sum(any(_kin(a, b, language) for b in theirs) for a in mine)
    shared_theirs = sum(any(_kin(b, a, language) for a in mine) for b in theirs)
    return max(shared_mine / len(mine), shared_theirs / len(theirs)) < FACTCHECK_HAPPENED


def _deeds(text: str, common: frozenset[str], language: str) -> tuple[set[str], set[str], frozenset[str]]:
    """Of ``text``: the stems of its verbs (a prefixed word that is not a name), of its other words
    beyond names and wrappers, and of all its words."""
    proper = _name_words(text, common)
    stop = _stopwords(language) | _GLUE
    words = [fold(w) for w in _WORD.findall(_sentence_case(text))]
    plain = [w for w in words if w not in proper and w not in stop and not w.isdigit()]
    verbs = {stem for w in plain if _DEED.match(w) for stem in stems(w, language)} - _WRAPPERS
    others = {stem for w in plain if not _DEED.match(w) for stem in stems(w, language)} - _WRAPPERS - verbs
    return verbs, others, stems(" ".join(words), language)


def _other_deed(claim: str, checked: str, common: frozenset[str], language: str) -> bool:
    """Each side tells a deed by a verb that is no word of the other, and each says something the
    other does not beyond it ("mahasiswa *membagikan* *uang* ... demo" / "Mahasiswi Peserta Demo
    *Takut* *Beasiswanya* *Dicabut*"): the same people and place, another thing done. A verb in
    other words with the rest the same ("disembuhkan" / "diatasi") is the same claim."""
    (mine, my_rest, my_words), (theirs, their_rest, their_words) = (_deeds(claim, common, language),
                                                                     _deeds(checked, common, language))
    if not mine or not theirs or any(_kin(v, w, language) for v in mine for w in their_words) or any(
            _kin(v, w, language) for v in theirs for w in my_words):
        return False
    return any(not any(_kin(x, w, language) for w in their_words) for x in my_rest) and any(
        not any(_kin(x, w, language) for w in my_words) for x in their_rest)


def abbreviates(short: str, words: Sequence[str]) -> bool:
    """``short`` is made of the first letters of two or more words in a row of ``words`` (folded):
    "menag" of "menteri agama", "kemendikbud" of "kementerian pendidikan dan kebudayaan", "menkeu"
    of "menteri keuangan"; function words may be skipped, "dan" is."""
    if len(short) < 4:
        return False

    def rest(at: int, word: int, used: int) -> bool:
        if at == len(short):
            return used >= 2
        if word >= len(words):
            return False
        current = words[word]
        for size in range(min(len(current), len(short) - at), 0, -1):
            if current[:size] == short[at:at + size] and rest(at + size, word + 1, used + 1):
                return True
        return used > 0 and len(current) <= 3 and rest(at, word + 1, used)  # "dan", "di" left out

    return any(words[start][:1] == short[:1] and rest(0, start, 0) for start in range(len(words)))


def _other_numbers(claim: str, checked: str, language: str = "id") -> bool:
    """Each side writes a number the other does not ("U-20" / "U-17", "usia maksimal 35 tahun" /
    "50 tahun", "dua jari" / "3 Jari"): another claim, whatever the unit (a year or an age too,
    which the slot comparison leaves alone between articles). A number in words counts as its digits."""
    mine, theirs = _numbers_and_words(claim, language), _numbers_and_words(checked, language)
    return bool(mine - theirs and theirs - mine)


def _other_amount_concluded(claim: str, check: FactCheck, language: str = "id") -> bool:
    """``_other_numbers`` with the fact-check's conclusion read as its words too (a headline often
    leaves the amount to the text: "Bantuan Tunai dari Yayasan X" / "... bantuan Rp50 juta ..."), its
    years aside (the year a post went round is no amount of the claim)."""
    said = _numbers_and_words(_BRACKETS.sub(" ", check.conclusion or ""), language)
    theirs = _numbers_and_words(check.claim, language) | {n for n in said if not _YEAR.match(n)}
    mine = _numbers_and_words(claim, language)
    return bool(mine - theirs and theirs - mine)


def _other_organisation(claim: str, checked: str) -> bool:
    """Both name an organisation opened by the same word ("PT", "Kementerian", "Universitas"), and
    what follows it on each side is not named on the other ("PT Nissin ..." / "PT Pupuk ..."): a
    headline in title case hides which of its words are names, the word after such a head is one."""
    from kroscek.analyse.entities import organisation_openers

    written = _WORD.findall(claim)
    mine, theirs = [fold(w) for w in written], [fold(w) for w in _WORD.findall(checked)]
    for head in organisation_openers() & set(mine) & set(theirs):
        # the claim is in sentence case: a name follows the head only when capitalised ("PT Nissin", not "Pemerintah bagikan")
        named = {mine[at + 1] for at in range(len(mine) - 1) if mine[at] == head and written[at + 1][0].isupper()}
        other = {theirs[at + 1] for at in range(len(theirs) - 1) if theirs[at] == head}
        if named and other and not named & set(theirs) and not other & set(mine):
            return True
    return False


def _other_body_concluded(claim: str, conclusion: str, common: frozenset[str]) -> bool:
    """The fact-check's conclusion (in sentence case) names the organisation or the office holder
    the claim names by the same opening word or title, another one ("Badan Pangan Nasional" /
    "Badan Gizi Nasional", "Menko Zulkifli" / "Menko Airlangga"), where its headline names none."""
    text = _BRACKETS.sub(" ", conclusion)
    return bool(text.strip()) and (_other_organisation(claim, text) or _other_office(claim, text, common))


def _other_office(claim: str, checked: str, common: frozenset[str]) -> bool:
    """Both name the holder of an office by the same title ("Dirut", "Ketua", "Presiden") and what
    follows the title, its body or its holder, is another name on each side, neither named on the
    other ("Dirut Citilink ..." / "Dirut Garuda Indonesia ..."): the same office elsewhere is
    another claim. A title after a title ("Ketua Umum") is read as one title."""
    from kroscek.analyse.entities import titles

    heads = titles()
    written, others = _WORD.findall(claim), _WORD.findall(checked)
    mine, theirs = [fold(w) for w in written], [fold(w) for w in others]
    for head in heads & set(mine) & set(theirs):
        named = {mine[at + 1] for at in range(len(mine) - 1)
                 if mine[at] == head and written[at + 1][0].isupper() and mine[at + 1] not in heads
                 and mine[at + 1] not in common}
        other = {theirs[at + 1] for at in range(len(theirs) - 1)
                 if theirs[at] == head and theirs[at + 1] not in heads and theirs[at + 1] not in common
                 and not others[at + 1].isdigit()}
        if named and other and all(_unsaid_known([w], theirs) for w in named) and all(
                _unsaid_known([w], mine) for w in other):
            return True
    return False


# words that open the name of a region, or of its head, by kind: "Bupati Donggala" and "Kabupaten Parigi" are two regencies
_REGION_HEADS: dict[str, str] = {
    **dict.fromkeys(("bupati", "kabupaten", "pemkab", "kab"), "regency"),
    **dict.fromkeys(("kota", "walikota", "pemkot"), "city"),
    **dict.fromkeys(("gubernur", "provinsi", "pemprov", "prov"), "province"),
    **dict.fromkeys(("kecamatan", "camat"), "district"),
    **dict.fromkeys(("desa", "kades", "kelurahan", "lurah"), "village"),
}


def _region_names(words: Sequence[str], folded: Sequence[str], named: Any) -> dict[str, set[str]]:
    """The word after each region head of ``words`` that ``named`` takes for a name, by kind of region."""
    found: dict[str, set[str]] = {}
    for at in range(len(folded) - 1):
        kind = _REGION_HEADS.get(folded[at])
        if kind and folded[at + 1] not in _REGION_HEADS and named(words[at + 1], folded[at + 1]):
            found.setdefault(kind, set()).add(folded[at + 1])
    return found


def _other_region(claim: str, checked: str, common: frozenset[str]) -> bool:
    """Both name a region of one kind (a regency, a city, a province, a district, a village, or
    its head: "Bupati", "Wali Kota", "Gubernur"), by another name on each side, and neither names
    the other's ("Pj Bupati Donggala ..." / "Pj Bupati Parigi Moutong ..."): the same deed in
    another place is another claim. The claim is in sentence case, a name there is capitalised;
    the checked claim is often in title case, a name there is a word not in ``common``."""
    from kroscek.analyse.entities import place_words

    written, others = _WORD.findall(claim), _WORD.findall(checked)
    mine, theirs = [fold(w) for w in written], [fold(w) for w in others]
    places = place_words()
    ours = _region_names(written, mine, lambda w, f: w[0].isupper() and not w.isdigit())
    other = _region_names(others, theirs, lambda w, f: not w.isdigit() and (f not in common or f in places))
    return any(kind in other and not ours[kind] & set(theirs) and not other[kind] & set(mine) for kind in ours)


def _covered(fact: Fact, checked: str, conclusion: str | None = None) -> float:
    """The share of the claim's words (stems and numbers) the checked claim has. Given the
    fact-check's ``conclusion``, a check that writes no number in either leaves the claim's amounts
    out of the count ("Rp2,4 juta" a detail of "Bantuan Subsidi Upah"). A stem the checked claim
    writes with other affixes counts as its ("menebus" / "Nebus")."""
    language = fact.claim.language
    theirs = set(tokens(checked, language))
    if conclusion:  # the conclusion restates the claim checked, often with the words a headline leaves out
        theirs |= set(tokens(_BRACKETS.sub(" ", conclusion), language))
    own = set(tokens(fact.text, language))
    if conclusion is not None and not _writes_amount(f"{checked} {_BRACKETS.sub(' ', conclusion)}"):
        # no amount in the fact-check (a code's digits, "P3TGAI", are none): the claim's amounts are details
        scales = {s for w in lexicon(language).scales for s in stems(w, language)}
        own = {t for t in own if not any(c.isdigit() for c in t) and t not in scales}
    # a word the checked claim writes with other affixes counts ("menebus" / "Nebus")
    shared = [t for t in own if t in theirs or not t.isdigit() and any(
        _kin(t, s, language) or _holds_root(t, s) for s in theirs)]
    # the words that ask the reader to act ("daftar lewat link ini", "hubungi nomor ...") are no part of
    # the claim a fact-check states: they count when it has them, and are not missed when it has not
    calls = _call_stems(language)
    own = {t for t in own if t in shared or t not in calls}
    return len(shared) / len(own) if own else 0.0


_AMOUNT = re.compile(r"(?:rp|usd?|idr)?\d+(?:[.,]\d+)*(?:an|rb|jt|k|m)?")  # "Rp20", "2024", "90-an"; not "P3TGAI"


def _writes_amount(text: str) -> bool:
    """``text`` writes a number as a number ("Rp20 juta", "7-15", "2024"), not only a code's digits ("P3TGAI", "covid19")."""
    return any(_AMOUNT.fullmatch(fold(w).strip(".,")) for w in re.findall(r"[\w.,]+", text) if any(c.isdigit() for c in w))


_CALLS = ("lewat", "melalui", "via", "klaim", "daftar", "klik", "link", "tautan", "hubungi", "isi", "data", "nomor", "sini", "bio", "cara", "syarat",
          "melamar", "cek", "akses", "segera", "buruan", "ikuti", "kontak")


@lru_cache(maxsize=4)
def _call_stems(language: str) -> frozenset[str]:
    """The stems of the words that ask the reader to act on a post (``_CALLS``)."""
    return frozenset(s for word in _CALLS for s in stems(word, language))


def _adds_a_name(fact: Fact, checked: str) -> bool:
    """The checked claim names someone or something the claim does not: a capitalised word (an
    acronym too, "DPR") after its first, or an acronym first, read from the headline in sentence case."""
    words = _WORD.findall(_sentence_case(checked))
    named = [w for at, w in enumerate(words) if w.isupper() and len(w) > 1 or at and w[0].isupper()]
    return _unnamed([fold(w) for w in named], fact.text)


def _other_place(a: Fact, b: Fact) -> bool:
    """Both claims locate what they state, and no place of one is named in the other."""
    if not a.places or not b.places:
        return False
    if _place_within(a.places, b.places) or _place_within(b.places, a.places):
        return False  # "Aceh" / "Banda Aceh": the place named with its words, more or fewer
    return not shared_names(a.places, [*b.places, *b.names]) and not shared_names(b.places, [*a.places, *a.names])


def _place_within(places: Iterable[str], others: Iterable[str]) -> bool:
    """Every word of one of ``places`` is a word of one of ``others`` ("aceh" of "banda aceh")."""
    return any(set(_WORD.findall(fold(p))) and set(_WORD.findall(fold(p))) <= set(_WORD.findall(fold(o)))
               for p in places for o in others)


def _unnamed(named: Iterable[str], other: str) -> bool:
    """One of the names (the claim's: capitalised, folded) has no word the other text has, in any
    close spelling: another subject ("timnas Malaysia", "Menteri Sosial"). The other
    text is a fact-check's claim and its conclusion (which restates the claim, names spelled out
    that a headline shortens); titles are often in title case, so it is read as words, not names."""
    vocabulary = {fold(w) for w in _WORD.findall(other)}
    for name in named:
        # a word with a digit is an amount or a code ("Rp5-8"): numbers are compared as numbers
        words = [w for w in _WORD.findall(name) if len(w) >= 3 and not any(c.isdigit() for c in w)]
        if words and not any(w in vocabulary or spelled_like_any(w, vocabulary, NAME)
                             for w in words):
            return True
    return False


def _substituted(fact: Fact, check: FactCheck) -> bool:
    """Another subject in the same words: the claim names someone or something the fact-check
    does not (its claim or conclusion, ``_unnamed``), and the fact-check names someone or something
    the claim does not ("Menteri Sosial" for "Wapres Gibran"), or most of the claim's words are not
    the fact-check's. A name the claim adds to a checked claim that has most of its words ("naik
    KRL" to a commuter-line hoax) is a detail, not another subject."""
    said = f"{check.claim} {check.conclusion or ''}"
    if not _unnamed(fact.names, said):
        return False
    conclusion = _BRACKETS.sub(" ", check.conclusion or "")  # not "(Ditulis oleh NAME)", "(impostor content)"
    named = {n for n in names(_sentence_case(check.claim)) | names(conclusion) if n not in _CHANNELS}
    if _unnamed(named, fact.text):  # where it went round ("Akun Facebook ...") is no subject
        return True
    return _covered(fact, check.claim) < FACTCHECK_DETAIL


def check_claim(store: Any, text: str, language: str = "id", index: FactCheckIndex | None = None) -> CheckResult:
    """What the store says of a claim: the stories that cover it, the sentences that support and
    contradict it, earlier fact-checks of it and, where ``index`` has an encoder
    (``FactCheckIndex.of_store``), those of close claims (none with the default index, which has
    none). ``ClaimError`` for a claim that cannot be checked. A claim written informally, as a
    forwarded message would ("udah", "bagi2", "35 jt"), is compared in standard words
    (``text.colloquial``), the claim as written kept beside them."""
    fact = claim_fact(text, language)
    written = fact.text
    if (plain := standard(written, language)) != written:
        try:
            fact = claim_fact(plain, language)
        except ClaimError:
            pass  # too little left in standard words ("katanya gempa nih"): compared as written
    terms = search_terms(fact)
    ids: list[str] = []
    if terms:
        _total, hits = store.search(terms[0], limit=CANDIDATES, also=terms[1:])
        ids = list(dict.fromkeys(h["id"] for h in hits))
    articles = [a for a in store.articles(ids) if not a.stale] if ids else []
    story_ids: dict[str, str | None] = {}
    stories = {}
    for article in articles:
        story = store.story_of(article.id)
        story_ids[article.id] = story.id if story else None
        if story:
            stories[story.id] = story
    evidence = compare_with_articles(fact, articles, story_ids)
    by_kind: dict[str, list[Evidence]] = {"agree": [], "dispute": [], "update": [], "related": []}
    for item in evidence:
        by_kind[item.relation].append(item)
    hits: dict[str, StoryHit] = {}
    for item in evidence:
        if item.story is None or (item.relation == "related" and item.similarity < STORY_SIM):
            continue
        story = stories[item.story]
        hit = hits.get(story.id)
        if hit is None:
            outlets = sorted({outlet_name(a.outlet, a.url) or "" for a in store.articles(story.articles)} - {""})
            hit = hits[story.id] = StoryHit(story.id, story.title, len(story.articles), outlets, item.similarity)
        hit.supports += item.relation == "agree"
        hit.contradicts += item.relation == "dispute"
    if index is None:
        index = FactCheckIndex(store.fact_checks(), language)
    checks = index.match(fact)
    close = index.close(fact, shown=checks)
    ranked = sorted(hits.values(), key=lambda h: (-(h.supports + h.contradicts > 0), -h.similarity, h.id))
    result = CheckResult(
        claim=written, language=language, slots=_slots(fact), covered=bool(ranked), stories=ranked[:SHOWN],
        supports=by_kind["agree"][:SHOWN], contradicts=by_kind["dispute"][:SHOWN], updates=by_kind["update"][:SHOWN],
        related=[e for e in by_kind["related"] if e.similarity >= COVER_SIM][:SHOWN], fact_checks=checks,
        close_fact_checks=close, standard=fact.text if fact.text != written else "")
    if result.covered:
        result.unstated = unstated(fact, [e.text for e in evidence])
    if not result.covered:
        result.note = "no story in the store covers this claim"
    elif not result.supports and not result.contradicts:
        result.note = "stories cover this claim, but no sentence states it or contradicts it"
    return result


def _slots(fact: Fact) -> dict[str, Any]:
    """The claim's filled slots, for the reader to see how it was read."""
    calendar = {*lexicon(fact.claim.language).weekdays, *lexicon(fact.claim.language).months}
    slots: dict[str, Any] = {
        "numbers": [q.text for q in fact.quantities],
        "times": [c.text for c in fact.clocks],
        "dates": list(fact.dates.texts),
        "places": [p.title() for p in fact.places],
        "identifiers": [i.text for i in fact.identifiers],
        # as the claim spells them; a place is listed as a place, a weekday or month is a date
        "names": sorted(_spelling(fact.text, n) for n in fact.names if n not in fact.places and n not in calendar),
        "events": [phrase for _kind, phrase in fact.predicates],
        "negated": fact.negated,
        "denial": fact.denial,
    }
    return {k: v for k, v in slots.items() if v}


def _numbers_and_words(text: str, language: str) -> set[str]:
    """``_numbers``, and the numbers written as a word ("dua", "sepuluh"), as digits."""
    words = lexicon(language).number_words
    spelled = {fold(w) for w in _WORD.findall(text)} & set(words)
    return _numbers(text) | {f"{words[w]:g}" for w in spelled}


def _numbers(text: str) -> set[str]:
    return {n.replace(",", ".").rstrip(".").lstrip("0") or "0" for n in _NUMBER.findall(text)}


def unstated(fact: Fact, texts: Sequence[str]) -> list[Unstated]:
    """The claim's numbers, places and names that none of ``texts`` (the compared sentences)
    states: the part of the claim nothing in the coverage says (a contradicting sentence states
    its own value, not the claim's). Weekday and month names are dates, not names."""
    folded = [fold(t) for t in texts]
    words = [{fold(w) for w in _WORD.findall(t)} for t in texts]
    numbers = [_numbers(t) for t in texts]
    calendar = {*lexicon(fact.claim.language).weekdays, *lexicon(fact.claim.language).months}
    found: list[Unstated] = []
    read: dict[int, Fact] = {}

    def quantities(at: int) -> tuple:
        if at not in read:
            read[at] = read_fact(Claim("stated", 0, texts[at], fact.claim.language), "stated")
        return read[at].quantities

    for quantity in fact.quantities:
        wanted = _numbers(quantity.text)
        if wanted and any(wanted <= n for n in numbers):
            continue  # written the same way
        if not any(q.exact and q.low == quantity.low and q.high == quantity.high and q.unit == quantity.unit
                   for at in range(len(texts)) for q in quantities(at)):  # or as words ("sembilan orang")
            found.append(Unstated("number", quantity.text))
    places = [p for p in fact.places]
    names = [n for n in sorted(fact.names) if n not in calendar and not shared_names([n], places)]
    for slot, values in (("place", places), ("name", names)):
        for value in values:
            parts = [w for w in _WORD.findall(fold(value)) if not w.isdigit()]
            if parts and not any(fold(value) in text or all(w in vocabulary for w in parts)
                                 for text, vocabulary in zip(folded, words)):
                found.append(Unstated(slot, _spelling(fact.text, value)))
    return found


def _spelling(text: str, folded: str) -> str:
    """``folded`` as the claim spells it (names are compared folded)."""
    at = text.casefold().find(folded)
    return text[at : at + len(folded)] if at >= 0 else folded.title()


@dataclass
class StoryFactCheck(FactCheckHit):
    """An earlier fact-check of a claim a story states: shown on the story page."""

    matched: str = ""  # the story's words that match it (a title, a fact)


def story_texts(title: str, brief: StoryBrief | None) -> list[str]:
    """What a story states, for matching fact-checks: its title, its facts and its summary."""
    texts = [title]
    if brief is not None:
        texts += [f.claims[0].text for f in brief.facts if f.claims]
        texts += [line.text for line in brief.summary]
    return list(dict.fromkeys(t for t in texts if t))


def _sentence_case(title: str) -> str:
    """A headline in title case ("Status Gunung Wae Lolo Naik Jadi Siaga") as a sentence, so that
    its every word is not read as a name; a headline in sentence case is left as it is."""
    words = [w for w in _WORD.findall(title) if w[0].isalpha()]
    if len(words) < 3 or sum(w[0].isupper() for w in words) < 0.7 * len(words):
        return title
    return title[:1] + " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in title[1:].split(" "))


def story_fact_checks(texts: Sequence[str], index: FactCheckIndex, limit: int = 5) -> list[StoryFactCheck]:
    """Fact-checks of a claim one of ``texts`` states, best first, one line per fact-check: the
    same match as ``check_claim`` (close in words, no slot with another value), the story's text
    states every number and place of the checked claim (a story of a collapse that injured people
    does not state the "collapse killed 30" a fact-check found false), and it has at least
    ``STORY_FACTCHECK_WORDS`` of the checked claim's words."""
    best: dict[str, StoryFactCheck] = {}
    if not index.checks:
        return []
    texts = list(texts)
    close = index.scores_of([_sentence_case(t) for t in texts]).max(axis=1, initial=0.0) >= FACTCHECK_SIM
    for text in (t for t, near in zip(texts, close) if near):  # only these can match: read them
        try:
            fact = claim_fact(_sentence_case(text), index.language)
        except ClaimError:
            continue
        for hit in index.match(fact):
            try:
                checked = claim_fact(hit.claim, index.language)
            except ClaimError:
                continue
            if any(u.slot in ("number", "place") for u in unstated(checked, [text])):
                continue
            wanted = set(tokens(hit.claim, index.language))
            if not wanted or len(wanted & set(tokens(text, index.language))) / len(wanted) < STORY_FACTCHECK_WORDS:
                continue  # the index knows only the fact-checks' words: one shared word is not the claim
            key = hit.url or hit.claim
            if key not in best or hit.similarity > best[key].similarity:
                best[key] = StoryFactCheck(**asdict(hit), matched=text)
    return sorted(best.values(), key=lambda c: (-c.similarity, c.url or ""))[:limit]
