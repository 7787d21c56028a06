"""Whether two strings are spellings of one name: every stage's name matching, in one place.

The spelling test is one call, ``spelled_alike`` (rapidfuzz's ratio, 0-100), and its thresholds
are named here by the use each serves. The name rules built on it differ in what they compare,
so each is written once, here, by the stage that needs it:

- ``same_name``: two names as claims carry them (folded): equal, one inside the other, one the
  initials of the other, or spelled alike (``NAME``). The cross-check and fact-check use it.
- ``same_speaker``: two speakers of quotes: every word of the shorter name spelled like a word
  of the longer, or the whole names spelled alike (``SPEAKER``).
- ``same_person``: the words of two person names (entity resolution): a surname alone the last
  or first word of the other (``PERSON_ALONE``), else every word a distinct word of the other
  (``PERSON_WORD``), each with the same first letter.
- ``same_entity_name``: two organisation, place or event names: the same key, an acronym cut
  short, or long keys spelled alike (``ENTITY_NAME``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process

from kroscek.text.fold import name_key

NAME = 85  # a name of a claim in two spellings, or one of its words in another text (cross-check, fact-check)
SPEAKER = 80  # two spellings of a speaker's name or of one of its words ("Pushlin" / "Pushilin")
PERSON_WORD = 80  # one word of a person's name in two spellings ("Denis" / "Dennis")
PERSON_ALONE = 85  # a person's name word standing alone, stricter ("Pushlin" for "Denis Pushilin")
ENTITY_NAME = 90  # a whole organisation, place or event name in two spellings (only keys of 5+ letters)
CONTAINED = 4  # the shortest claim name found inside another that makes them one ("Jakarta" in "Jakarta Utara")
ENTITY_KEY = 5  # the shortest organisation, place or event key compared by spelling
ACRONYM = 3  # the shortest all-capital name that may be a cut acronym ("KCN" of "KCNA")
_WORD = re.compile(r"\w+")


def clipped(short: str, words: Sequence[str]) -> bool:
    """``short`` is a clipped start of each of ``words`` in turn, two letters at least and none
    whole ("loker": "lo" of "lowongan", "ker" of "kerja"; "zulhas": "zul" of "zulkifli", "has" of
    "hasan"; not "bersama" of "bersih sama", nor "menu" of "menyembunyikan utang")."""
    if not words:
        return not short
    word = words[0]
    return any(short[:size] == word[:size] and clipped(short[size:], words[1:])
               for size in range(2, min(len(word) - 1, len(short)) + 1))


def spelled_alike(a: str, b: str, similarity: int) -> bool:
    """Whether rapidfuzz's ratio of the two strings reaches ``similarity`` (0-100)."""
    return fuzz.ratio(a, b) >= similarity


def spelled_like_any(word: str, candidates: Iterable[str], similarity: int) -> bool:
    """Whether some candidate is spelled like ``word`` (``spelled_alike``)."""
    return process.extractOne(word, list(candidates), scorer=fuzz.ratio, score_cutoff=similarity) is not None


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word)


def same_name(a: str, b: str, similarity: int = NAME) -> bool:
    """Two names of claims (folded) for one: equal, one inside the other (both ``CONTAINED``
    letters or more), one the initials of the other ("k.p.k." / "komisi pemberantasan korupsi"),
    or spelled alike."""
    if a == b or (len(a) >= CONTAINED and len(b) >= CONTAINED and (a in b or b in a)):
        return True
    if a.replace(".", "") == _initials(b) or b.replace(".", "") == _initials(a):
        return True
    return spelled_alike(a, b, similarity)


def same_speaker(a: str, b: str, similarity: int = SPEAKER) -> bool:
    """Two spellings of one speaker's name: one inside the other ("Pushilin" / "Denis Pushilin"),
    or close word by word ("Dennis Pushlin" / "Denis Pushilin"), or as a whole."""
    words_a, words_b = _WORD.findall(a.casefold()), _WORD.findall(b.casefold())
    if not words_a or not words_b:
        return False
    short, long = sorted((words_a, words_b), key=len)
    if all(any(spelled_alike(w, v, similarity) for v in long) for w in short):
        return True
    return spelled_alike(" ".join(words_a), " ".join(words_b), similarity)


def same_name_word(a: str, b: str, similarity: int = PERSON_WORD) -> bool:
    """Two spellings of one name word: same first letter, few edits ("Denis"/"Dennis", not "Dedi"/"Edi")."""
    return a[:1] == b[:1] and spelled_alike(a, b, similarity)


def same_person(words_a: Sequence[str], words_b: Sequence[str]) -> bool:
    """Whether two person names, given as their words (titles left out), can be one person:
    every word of the shorter matches a distinct word of the other."""
    short, long = sorted((words_a, words_b), key=len)
    if not short:
        return False
    if len(short) == 1:  # a surname alone matches the last word; "Kim" the first of "Kim Jong Un"
        return any(same_name_word(short[0], w, PERSON_ALONE) for w in (long[-1], long[0]))
    used: set[int] = set()
    for word in short:
        match = next((i for i, w in enumerate(long) if i not in used and same_name_word(word, w, PERSON_WORD)), None)
        if match is None:
            return False
        used.add(match)
    return True


def same_entity_name(a: str, b: str) -> bool:
    """Whether two organisation, place or event names are spellings of one name."""
    x, y = name_key(a), name_key(b)
    if x == y:
        return True
    if a.isupper() and b.isupper() and min(len(a), len(b)) >= ACRONYM:  # "KCN" cut from "KCNA"
        return a.startswith(b) or b.startswith(a)
    return min(len(x), len(y)) >= ENTITY_KEY and spelled_alike(x, y, ENTITY_NAME)
