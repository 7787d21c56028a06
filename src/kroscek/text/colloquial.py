"""Informal Indonesian in standard words: a claim as a forwarded message writes it ("Mamah Dedeh
bagi2 35 jt buat yang follow") read as a news sentence or a fact-check would write it ("bagi-bagi
35 juta"), so that the words it shares with them count.

``standard(text)`` rewrites, word by word and only words written in lower case (a capitalised
word may be a name or an acronym; a sentence's first word is read in lower case): the chat
spellings of ``resources/colloquial/<language>.json`` ("gak", "udah", "jt"), a doubled word written with a 2 ("bagi2"), a number glued to its unit
("35jt"), the chat suffix -in on a verb the word counts do not know ("perhatiin": "perhatikan"),
and it drops the particles and hearsay words that say nothing of the claim ("nih", "katanya") and
the phrases that only vouch for the message where they stand as a clause of their own (", real
bukan hoaks,"; "video itu bukan hoaks" is a claim and stays). Links and site names are left as
they are. Only a language with its own file is read (Indonesian): another language's text, and
text that holds none of these, comes back unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kroscek.text import lexicon
from kroscek.text.words import word_counts

_TOKEN = re.compile(r"[^\W\d_]+2(?![\w])|\d+(?:[.,]\d+)*[^\W\d_]+|[^\W\d_]+(?:-[^\W\d_]+)*")
_GLUED_UNIT = re.compile(r"^(\d+(?:[.,]\d+)*)([^\W\d_]+)$")
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE = re.compile(r"\s+([,.;:!?)])")
_COMMAS = re.compile(r",(?:\s*,)+")  # commas left around a dropped word
_COMMA_AT_END = re.compile(r",\s*(?=[.!?]|$)")
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|id|org|net|co|go|ac|info|xyz|me|ly)\b\S*",
                      re.IGNORECASE)  # a link or a site: written as it is ("bansos.org", "fb.com")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|[A-Za-z])\.$")  # "Dr.", "Prof.", "H.": no sentence ends there
MIN_SUFFIXED = 6  # letters of a word read for the chat suffix -in ("bagiin"); shorter ones are plain words ("main")


@dataclass(frozen=True)
class Colloquial:
    words: dict[str, str]
    dropped: frozenset[str]
    phrases: re.Pattern[str] | None  # phrases that only vouch for the message ("bukan hoaks"), dropped
    suffixes: dict[str, tuple[str, ...]]  # chat suffix -> the standard suffixes tried in its place
    known: frozenset[str]  # word forms of news text: a word among them is standard already


@cache
def colloquial(language: str = "id") -> Colloquial:
    data = lexicon.load("colloquial", language)
    counts = word_counts(lexicon.source_language("colloquial", language)) or {}
    phrases = sorted(data.get("phrases", ()), key=len, reverse=True)
    return Colloquial(words={k.casefold(): v for k, v in data.get("words", {}).items()},
                      dropped=frozenset(w.casefold() for w in data.get("dropped", ())),
                      phrases=re.compile(r"(?:^|(?<=[,;]))\s*(?:" + "|".join(map(re.escape, phrases))
                                         + r")\s*(?=[,;.!?]|$)", re.IGNORECASE) if phrases else None,
                      suffixes={k: tuple(v) for k, v in data.get("suffix", {}).items()},
                      known=frozenset(counts))


def _suffixed(word: str, lex: Colloquial) -> str | None:
    """A verb with a chat suffix written with its standard one ("perhatiin": "perhatikan",
    "daftarin": "daftarkan"): the word not known as it is, its stem known or the standard form."""
    if len(word) < MIN_SUFFIXED or word in lex.known:
        return None
    for chat, standards in lex.suffixes.items():
        if not word.endswith(chat):
            continue
        stem = word[: -len(chat)]
        forms = [stem + end for end in standards]
        known = next((form for form in forms if form in lex.known), None)
        if known:
            return known
        if stem in lex.known:
            return forms[0]
    return None


def _word(token: str, lex: Colloquial) -> str | None:
    """The standard spelling of one lower-case token, "" to drop it, None to keep it."""
    if token in lex.dropped:
        return ""
    if token in lex.words:
        return lex.words[token]
    if token.endswith("2") and token[:-1].isalpha() and len(token) >= 4:
        return f"{token[:-1]}-{token[:-1]}"
    glued = _GLUED_UNIT.match(token)
    if glued and glued.group(2) in lex.words:
        return f"{glued.group(1)} {lex.words[glued.group(2)]}"
    return _suffixed(token, lex)


def _opening(before: str) -> bool:
    """A word after ``before`` opens a sentence: nothing before it, or a full stop (not one of an
    abbreviation, "Dr."), "!", "?" or ":"."""
    before = before.rstrip()
    if not before:
        return True
    if before[-1] in "!?:":
        return True
    return before[-1] == "." and not _ABBREVIATION.search(before)


def standard(text: str, language: str = "id") -> str:
    """``text`` with its informal words written in standard ones (see the module); unchanged when
    it has none, or when ``language`` has no file of its own (another language's words are not
    Indonesian chat: "spy" is no "supaya")."""
    if not lexicon.has("colloquial", language):
        return text
    lex = colloquial(language)
    source = text
    if lex.phrases is not None:
        text = lex.phrases.sub("", text)  # only a phrase that stands as a clause of its own
    addresses = [m.span() for m in _ADDRESS.finditer(text)]
    pieces: list[str] = []
    at = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if any(start <= match.start() < end for start, end in addresses):
            continue
        capitalised = token != token.lower()
        if capitalised and not (token[1:] == token[1:].lower() and _opening(text[:match.start()])):
            continue  # a name or an acronym: written as it is; a sentence's first word is read in lower case
        replacement = _word(token.lower(), lex)
        if replacement is None:
            continue
        if capitalised and replacement:
            replacement = replacement[:1].upper() + replacement[1:]
        pieces += [text[at:match.start()], replacement]
        at = match.end()
    if not pieces and text == source:
        return source
    pieces.append(text[at:])
    out = _SPACE_BEFORE.sub(r"\1", _SPACES.sub(" ", _COMMAS.sub(",", "".join(pieces))))
    out = re.sub(r"^[\s,]+|[\s,]+$", "", _COMMA_AT_END.sub("", out))
    if not out:
        return source
    return out[:1].upper() + out[1:] if source[:1].isupper() else out
