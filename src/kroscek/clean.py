"""Cleaning: from a raw document to headline, body paragraphs, removed noise and damage warnings.

Plain-text pages carry header lines (page date, outlet banner, promo) before the headline, and
every page carries boilerplate lines (related links, ads, credits) and datelines, some of them
inside paragraphs. The rules are data: ``resources/clean/lines-*.tsv`` (whole lines),
``lead-ins.tsv`` (a line and the headlines under it), ``inline.tsv`` (pieces of a paragraph),
``datelines.txt``, ``section-tags.txt``. Everything taken out is kept in ``Cleaned.removed`` with
its reason. Damage from scraping or machine translation (glued words, cut names, stray capitals,
dangling fragments) is reported; only glued words whose halves are both certain words are also
split. The word checks use ``words-<language>.tsv``, word counts derived from news text, and
PySastrawi's Indonesian root words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

from kroscek.model import Damage, Document, Removed
from kroscek.text.dates import parse_page_date
from kroscek.text.language import detect_language
from kroscek.text.sentences import split_paragraph
from kroscek.text.words import WordCount, word_counts, word_list
from kroscek.text.words import resource_lines as _resource_lines

MAX_HEADER_LINES = 6
MAX_BANNER_WORDS = 4
MAX_HEADLINE_WORDS = 30
MAX_DATE_LINE_WORDS = 8
FREQUENT_COUNT = 20  # a word seen this often is a safe half of a glued pair
SENTENCE_OPENER_COUNT = 10  # a word that opened this many sentences can open one ("Ini")
COMMON_LOWER_COUNT = 5  # ... and a common word is written lowercase at least this often
MAX_CAPITAL_SHARE = 0.05  # ... and capitalised mid-sentence at most this share of the time
CONTEXT_CHARS = 40
MIN_WRAP_WIDTH = 40

_TERMINAL = re.compile(r"[.!?…:]['\"”’)\]]*$")
_SENTENCE_END = re.compile(r"[.!?…]['\"”’)\]]*$")
_SPACE = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_LOWER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_PERIOD_GLUE = re.compile(r"(?<![\w.@/])([A-Za-z]{2,})\.([a-z]{3,})(?![\w.]*\.[a-z]|[\w.]*@)")
_LOWER_RUN = re.compile(r"(?<![A-Za-z])[a-z]{8,}")
_CAMEL_GLUE = re.compile(r"([a-z]{4,})([A-Z][a-z]+)")
_LETTERS = re.compile(r"[^\W\d_]+")
_DASH_LINE = re.compile(r"[-–—]{1,2}(?:\s|$)")
_CONTINUES_LINE = re.compile(r"[a-z,.;:)\]]")
_BRACKET_BREAK = re.compile(r"(?<=[(\[])\s*\n\s*|\s*\n\s*(?=[)\]])")  # a line break right inside a bracket
_OPENS_WORD = re.compile(r"[\"“'‘(]?[A-Z0-9]")
# a list item: a bullet, a dash, "1." or "1)" or "(1)", then a capitalised word or a number
_LIST_ITEM = re.compile(r"(?:[-–—•·*▪●■◦‣]|\d{1,2}[.)]|\(\d{1,2}\))\s+" + _OPENS_WORD.pattern)
# an unmarked item: a capitalised word, then a lowercase word, then more ("Pendaftaran dibuka mulai ...")
_UNMARKED_ITEM = re.compile(r"[A-Z][\w'’-]*,?\s+[a-z][\w-]*\s+\S")
_QUOTES = re.compile(r"[\"“”]")
MIN_ITEM_WORDS = 4  # an unmarked list item has at least this many words ("Garuda vs Elang" is a cut link)
MIN_ITEM_BEFORE_WORDS = 3  # ... and the line before it at least this many
_TOKEN = re.compile(r"\S+")
_ACRONYM_WORD = re.compile(r"\b[A-Z]{2,8}\b")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?])")
TOKEN_CACHE = 1024  # paragraphs whose tokens are kept (the glue and damage checks read each paragraph several times)
WORD_CACHE = 1 << 16  # words whose glue checks are kept, per language
MIN_NAME_SPLIT = 3  # the name half of a split glued word has at least this many letters
MIN_CLAUSE_SPLIT = 4  # ... and the clause opener at least this many
TITLE_CASE_SHARE = 0.6  # a headline capitalises at least this share of its longer words
_STRIP_PUNCTUATION = "\"“”‘’'()[]{}«».,;:!?…"
_DANGLING_LOWER = re.compile(r"[.!?][\"”’]\s+([a-z][^\"“”]*?[.!?][\"”’])")
_DANGLING_NAME = re.compile(r"[.!?][\"”’]\s+((?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*\.)(?=\s|$)")
_TOP_LEVEL_DOMAINS = frozenset(
    "com id net org co go ac or sch info io html htm php asp gov edu my sg uk tv news biz".split()
)


@dataclass
class Cleaned:
    """The article as the analyses see it, and what was taken out of it."""

    title: str
    paragraphs: list[str]
    outlet: str | None
    published: str | None  # ISO date of the page
    removed: list[Removed] = field(default_factory=list)
    warnings: list[Damage] = field(default_factory=list)
    language: str | None = None  # the language the cleaning read it in (the document's, else detected)


@dataclass(frozen=True)
class LineRule:
    reason: str
    pattern: re.Pattern[str]


def count_word_forms(paragraphs: list[str]) -> dict[str, WordCount]:
    """Count word forms the way the damage checks read them (for ``words-<language>.tsv``)."""
    tallies: dict[str, list[int]] = {}
    for paragraph in paragraphs:
        previous = ""
        for _, _, token in _tokens(paragraph):
            core = _core(token)
            if _WORD.fullmatch(core):
                tally = tallies.setdefault(core.lower(), [0, 0, 0, 0])
                capitalised = bool(_CAPITALISED.fullmatch(core))
                tally[0] += 1
                tally[1] += bool(_LOWER_WORD.fullmatch(core))
                tally[2] += capitalised and _continues_sentence(previous)
                tally[3] += capitalised and (not previous or bool(_SENTENCE_END.search(previous)))
            previous = token
    return {word: WordCount(*tally) for word, tally in tallies.items()}


@cache
def line_rules() -> tuple[LineRule, ...]:
    """Boilerplate line rules of every language: related links, promos, ads, credits."""
    rules = []
    for path in sorted(files("kroscek.resources.clean").iterdir(), key=lambda p: p.name):
        if path.name.startswith("lines-") and path.name.endswith(".tsv"):
            for line in _resource_lines(path.name):
                reason, pattern = line.split("\t", 1)
                rules.append(LineRule(reason, re.compile(pattern, re.IGNORECASE)))
    return tuple(rules)


@dataclass(frozen=True)
class LeadIn:
    """A line that introduces non-article lines: up to ``following`` headlines under it go too."""

    reason: str
    following: int
    pattern: re.Pattern[str]


@cache
def lead_in_rules() -> tuple[LeadIn, ...]:
    rules = []
    for line in _resource_lines("lead-ins.tsv"):
        reason, following, pattern = line.split("\t", 2)
        rules.append(LeadIn(reason, int(following), re.compile(pattern, re.IGNORECASE)))
    return tuple(rules)


@cache
def inline_rules() -> tuple[LineRule, ...]:
    """Rules for non-article pieces inside a paragraph (case-sensitive patterns)."""
    return tuple(
        LineRule(reason, re.compile(pattern))
        for reason, pattern in (line.split("\t", 1) for line in _resource_lines("inline.tsv"))
    )


@cache
def dateline_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(line) for line in _resource_lines("datelines.txt"))


@cache
def section_tag_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(line) for line in _resource_lines("section-tags.txt"))


@cache
def _indonesian_roots() -> tuple[frozenset[str], Any]:
    """PySastrawi's Indonesian root words and its stemmer."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    factory = StemmerFactory()
    return frozenset(word for word in factory.get_words() if word), factory.create_stemmer()


# --- text normalisation and line rules -------------------------------------------------------


def normalise_line(line: str) -> str:
    line = _INVISIBLE.sub("", unicodedata.normalize("NFC", line))
    return _SPACE.sub(" ", line).strip()


def match_line_rule(line: str) -> LineRule | None:
    """The boilerplate rule a whole line matches, if any."""
    return next((rule for rule in line_rules() if rule.pattern.match(line)), None)


def parse_date_line(line: str) -> str | None:
    """The ISO date of a line that is nothing but a date ("Desember 22, 2024")."""
    if not any(c.isdigit() for c in line) or len(line.split()) > MAX_DATE_LINE_WORDS:
        return None
    return parse_page_date(line)


def strip_section_tag(title: str) -> tuple[str, str | None]:
    """The headline without a trailing section tag ("... | Ukraina"), and the tag."""
    for pattern in section_tag_patterns():
        match = pattern.search(title)
        if match and match.start() > 0:
            return title[: match.start()].rstrip(), match.group(0).strip()
    return title, None


# --- header: page date, outlet banner, promo, headline -----------------------------------------


def _is_banner(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= MAX_BANNER_WORDS
        and not _TERMINAL.search(line)
        and all(word[0].isupper() or word[0].isdigit() for word in words)
    )


def _is_headline(line: str) -> bool:
    return len(line.split()) <= MAX_HEADLINE_WORDS and not _SENTENCE_END.search(line)


@dataclass
class _Header:
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    body_start: int = 0  # index of the first body line
    removed: list[Removed] = field(default_factory=list)


def _header_kind(line: str) -> tuple[str, str | None] | None:
    """("page date", iso) or (reason, None) for a non-headline header line."""
    date = parse_date_line(line)
    if date:
        return "page date", date
    rule = match_line_rule(line)
    return (rule.reason, None) if rule else None


def read_header(lines: list[str], title_known: str | None = None) -> _Header:
    """Consume the header lines around the headline: dates, boilerplate, outlet banner.

    With no known title, the first line that is neither a date, a boilerplate line nor an outlet
    banner is the headline. With a known title, a repeat of it is dropped. Date and boilerplate
    lines right after the headline belong to the header too.
    """
    header = _Header(title=title_known)
    content = [i for i, line in enumerate(lines) if line]
    headline_seen = False
    for position, index in enumerate(content[:MAX_HEADER_LINES]):
        line = lines[index]
        kind = _header_kind(line)
        if kind:
            reason, date = kind
            header.published = header.published or date
            header.removed.append(Removed(line, reason))
        elif headline_seen:
            break
        elif title_known is not None:
            if line.casefold() != title_known.casefold():
                break
            header.removed.append(Removed(line, "repeated headline"))
            headline_seen = True
        elif header.outlet is None and _is_banner(line) and _headline_follows(lines, content[position + 1 :]):
            header.outlet = line
            header.removed.append(Removed(line, "outlet banner"))
        elif _is_headline(line):
            header.title = line
            headline_seen = True
        else:
            break
        header.body_start = index + 1
    return header


def _headline_follows(lines: list[str], following: list[int]) -> bool:
    rest = [lines[i] for i in following if not _header_kind(lines[i])]
    return bool(rest) and _is_headline(rest[0])


# --- body lines: lead-ins, split datelines --------------------------------------------------------


def is_title_case(line: str) -> bool:
    """A headline-like line: short, no full stop at the end, its longer words mostly capitalised."""
    words = [word for word in _LETTERS.findall(line) if len(word) >= 3]
    end = line.rstrip("\"”’'")
    return (
        bool(words)
        and len(line.split()) <= MAX_HEADLINE_WORDS
        and (not end.endswith(".") or end.endswith(("...", "…")))
        and sum(word[0].isupper() for word in words) >= TITLE_CASE_SHARE * len(words)
    )


def match_lead_in(line: str) -> LeadIn | None:
    return next((rule for rule in lead_in_rules() if rule.pattern.fullmatch(line)), None)


def drop_lead_ins(lines: list[str]) -> tuple[list[str], list[Removed]]:
    """Blank out lead-in lines ("Baca juga:", "Daftar Isi") and the headlines listed under them.

    A listed headline is a title-case line; the run stops at the first other line, and before a
    line that a dash line follows (the split dateline "Jakarta" / "-" that opens the text).
    """
    kept = list(lines)
    removed: list[Removed] = []
    i = 0
    while i < len(kept):
        rule = match_lead_in(kept[i]) if kept[i] else None
        if rule is None:
            i += 1
            continue
        removed.append(Removed(kept[i], rule.reason))
        kept[i] = ""
        taken = 0
        j = i + 1
        while taken < rule.following and j < len(kept) and kept[j]:
            dash_follows = (
                len(kept[j].split()) <= MAX_BANNER_WORDS and j + 1 < len(kept) and bool(_DASH_LINE.match(kept[j + 1]))
            )
            if dash_follows or not is_title_case(kept[j]) or match_lead_in(kept[j]):
                break
            removed.append(Removed(kept[j], rule.reason))
            kept[j] = ""
            taken += 1
            j += 1
        i = j
    return kept, removed


def cut_split_datelines(lines: list[str]) -> tuple[list[str], list[tuple[str, str | None]]]:
    """Take out datelines the scrape cut into lines: "Jakarta" / "-" / "Luna Maya ...", or
    "JAKARTA, KOMPAS.com" / "- Direktur ...", wherever they stand; the datelines and their outlets.

    A short line followed by a line that starts with a dash is a dateline when the two, read as
    one, open with a dateline (``datelines.txt``); a bare dash line also takes the line after it.
    """
    kept = list(lines)
    found: list[tuple[str, str | None]] = []
    for i in range(1, len(kept)):
        previous, line = kept[i - 1], kept[i]
        if not (line and previous and _DASH_LINE.match(line)) or len(previous.split()) > MAX_BANNER_WORDS:
            continue
        bare = _DASH_LINE.fullmatch(line) is not None
        following = kept[i + 1] if bare and i + 1 < len(kept) else ""
        if bare and not following:
            continue
        place = previous[:1].upper() + previous[1:]  # a scrape that lost the capital: "nakhon Ratchasima" / "-"
        joined = f"{place} {line} {following}" if bare else f"{place} {line}"
        text, dateline, outlet = strip_dateline(joined)
        dash = _DASH_LINE.match(line).group(0).strip()  # type: ignore[union-attr]
        if dateline is None or len(dateline) < len(f"{previous} {dash}"):
            continue
        found.append((dateline, outlet))
        kept[i - 1] = ""
        kept[i] = text if not bare else ""
        if bare:
            kept[i + 1] = text
    return kept, found


# --- paragraphs ---------------------------------------------------------------------------------


def _is_hard_wrapped(block: list[str]) -> bool:
    """A block of long, even lines that mostly break mid-sentence (text wrapped at a fixed width)."""
    inner = block[:-1]
    longest = max(len(line) for line in block)
    return (
        len(block) >= 3
        and longest >= MIN_WRAP_WIDTH
        and sum(not _TERMINAL.search(line) for line in inner) >= 0.6 * len(inner)
        and sum(len(line) >= 0.6 * longest for line in inner) >= 0.6 * len(inner)
    )


def _join_block(block: list[str]) -> list[str]:
    """Paragraphs of one blank-line-free block of lines."""
    wrapped = _is_hard_wrapped(block)
    longest = max(len(line) for line in block)
    paragraphs = [block[0]]
    for line in block[1:]:
        previous = paragraphs[-1]
        ends_sentence = bool(_TERMINAL.search(previous))
        if wrapped:
            last_line_short = len(previous.rsplit("\n", 1)[-1]) < 0.75 * longest
            joins = not (ends_sentence and last_line_short and not line[0].islower())
        else:
            joins = _continues(previous, line, ends_sentence)
        if joins:
            paragraphs[-1] = previous + "\n" + line
        else:
            paragraphs.append(line)
    # a link cut out of its brackets ("Kementerian Agama (" / "Kemenag" / ") menegaskan") closes up again
    return [_BRACKET_BREAK.sub("", paragraph).replace("\n", " ") for paragraph in paragraphs]


def _continues(previous: str, line: str, ends_sentence: bool) -> bool:
    """Whether a line continues the paragraph before it (lines not wrapped at a fixed width).

    Scrapes cut lines around links: "... anggota polisi" / "Polsek Wewewa Selatan" / ", Sumba".
    A line continues an unfinished one, unless that one is a headline of its own (a title-case
    line that neither ends in a comma nor is continued by a lowercase word or punctuation).
    """
    if ends_sentence or _starts_item(previous.rsplit("\n", 1)[-1], line, previous):
        return False
    if _CONTINUES_LINE.match(line) or previous.endswith((",", ";", "-", "–", "—", "(", "[")):
        return True
    return "\n" in previous or not is_title_case(previous)


def _starts_item(last: str, line: str, paragraph: str) -> bool:
    """Whether a line opens a new list item after an unfinished line ``last`` of ``paragraph``.

    Lists lose their markup in scrapes and their items ("Pendaftaran dibuka mulai 5 Juli" /
    "Setiap warga boleh ...") would read as one sentence. A new item: a line with a list marker; a
    capitalised line after a marked item ("1. Taman Bunga" / "Jam buka"); or, outside an open
    quote, a line of four words or more that opens like a sentence (a capitalised word, then a
    lowercase one) after a line of three words or more that ends in a word, a number or a bracket.
    A link cut into its own line ("meminta anggota" / "Satpol PP Kota" / ", terutama") is all
    capitals, short or starts lowercase, so it still joins.
    """
    if _LIST_ITEM.match(line):
        return True
    if _LIST_ITEM.match(last):
        return bool(_OPENS_WORD.match(line))
    return (
        len(line.split()) >= MIN_ITEM_WORDS
        and len(last.split()) >= MIN_ITEM_BEFORE_WORDS
        and bool(_UNMARKED_ITEM.match(line))
        and (last[-1].isalnum() or last[-1] == ")")
        and len(_QUOTES.findall(paragraph)) % 2 == 0
    )


def assemble_paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs from lines; an empty line (blank or removed) always breaks a paragraph."""
    paragraphs: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line:
            block.append(line)
        elif block:
            paragraphs.extend(_join_block(block))
            block = []
    return paragraphs


def strip_dateline(paragraph: str) -> tuple[str, str | None, str | None]:
    """The paragraph without an opening dateline, the dateline, and the outlet it names."""
    for pattern in dateline_patterns():
        match = pattern.match(paragraph)
        if match and len(paragraph) > match.end():
            outlet = match.groupdict().get("outlet")
            return paragraph[match.end() :], match.group(0).strip(), outlet.strip() if outlet else None
    return paragraph, None, None


def strip_inline(paragraph: str) -> tuple[str, list[Removed]]:
    """The paragraph without the non-article pieces inside it (``inline.tsv``), and the pieces."""
    removed: list[Removed] = []
    for rule in inline_rules():
        pieces = [match.group(0).strip() for match in rule.pattern.finditer(paragraph)]
        if pieces:
            paragraph = rule.pattern.sub(" ", paragraph)
            removed.extend(Removed(piece, rule.reason) for piece in pieces if piece)
    paragraph = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", _SPACE.sub(" ", paragraph)) if removed else paragraph
    return paragraph.strip(), removed


def _same(a: str, b: str) -> bool:
    return a.casefold().strip() == b.casefold().strip()


def drop_repeats(paragraphs: list[str], language: str) -> tuple[list[str], list[Removed]]:
    """Remove sentences and paragraphs that repeat the one just before them."""
    removed: list[Removed] = []
    kept: list[str] = []
    for paragraph in paragraphs:
        if kept and _same(kept[-1], paragraph):
            removed.append(Removed(paragraph, "repeated paragraph"))
            continue
        sentences = split_paragraph(paragraph, language)
        unique = [s for i, s in enumerate(sentences) if i == 0 or not _same(s, sentences[i - 1])]
        for i, sentence in enumerate(sentences):
            if i and _same(sentence, sentences[i - 1]):
                removed.append(Removed(sentence, "repeated sentence"))
        kept.append(" ".join(unique) if len(unique) < len(sentences) else paragraph)
    return kept, removed


# --- damage -------------------------------------------------------------------------------------


def _context(text: str, start: int, end: int) -> str:
    left = max(0, start - CONTEXT_CHARS)
    right = min(len(text), end + CONTEXT_CHARS)
    left = text.find(" ", left) + 1 if left else 0
    right_space = text.rfind(" ", end, right)
    right = right_space if right < len(text) and right_space > 0 else right
    return ("…" if left else "") + text[left:right].strip() + ("…" if right < len(text) else "")


def _damage(kind: str, text: str, start: int, end: int, message: str) -> Damage:
    return Damage(kind=kind, span=text[start:end], context=_context(text, start, end), message=message)


@lru_cache(maxsize=TOKEN_CACHE)
def _tokens(paragraph: str) -> tuple[tuple[int, int, str], ...]:
    """The paragraph's whitespace-separated tokens: (start, end, token)."""
    return tuple((m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(paragraph))


def _core(token: str) -> str:
    return token.strip(_STRIP_PUNCTUATION)


@cache
def _stem_id(word: str) -> str:
    return _indonesian_roots()[1].stem(word)


@cache
def _vocabulary(language: str) -> _Vocabulary | None:
    counts = word_counts(language)
    return _Vocabulary(counts, language) if counts else None


class _Vocabulary:
    """Word knowledge for the damage checks of one language."""

    def __init__(self, counts: dict[str, WordCount], language: str) -> None:
        self.counts = counts
        self.roots, self.stemmer = _indonesian_roots() if language == "id" else (frozenset(), None)
        self.function_words = word_list(f"function-words-{language}.txt")
        self.bound_prefixes = word_list(f"bound-prefixes-{language}.txt")
        self.name_endings = word_list(f"glue-name-endings-{language}.txt")
        self.brand_prefixes = word_list(f"glue-brand-prefixes-{language}.txt")
        self.verb_prefixes = word_list(f"glue-verb-prefixes-{language}.txt")
        # The checks that depend on the word alone, remembered per word (the same words recur in
        # every article; an instance lives as long as the process, one per language).
        self.known = lru_cache(maxsize=WORD_CACHE)(self.known)  # type: ignore[method-assign]
        self.glued_words = lru_cache(maxsize=WORD_CACHE)(self.glued_words)  # type: ignore[method-assign]
        self.glued_to_name = lru_cache(maxsize=WORD_CACHE)(self.glued_to_name)  # type: ignore[method-assign]
        self.split_camel_glue = lru_cache(maxsize=WORD_CACHE)(self.split_camel_glue)  # type: ignore[method-assign]
        self._may_split_name = lru_cache(maxsize=WORD_CACHE)(self._may_split_name)  # type: ignore[method-assign]

    def _count(self, word: str) -> WordCount:
        return self.counts.get(word.lower(), WordCount(0, 0, 0, 0))

    def known(self, word: str) -> bool:
        word = word.lower()
        return word in self.counts or word in self.roots or self._stem(word) in self.roots

    def _stem(self, word: str) -> str:
        return _stem_id(word) if self.stemmer is not None else word

    def common_lowercase(self, word: str) -> bool:
        """A word written lowercase in running text, not part of names: "di", "mengirim"."""
        count = self._count(word)
        return count.lower >= COMMON_LOWER_COUNT and count.capitalised_mid <= MAX_CAPITAL_SHARE * (
            count.lower + count.capitalised_mid
        )

    def opens_clauses(self, word: str) -> bool:
        """A function word or a frequent affixed word: what a lost link leaves glued to a name."""
        if word in self.function_words:
            return True
        affixed = self._stem(word) != word
        return affixed and self.common_lowercase(word) and self._count(word).total >= FREQUENT_COUNT

    def opens_sentences(self, word: str) -> bool:
        return self.common_lowercase(word) and self._count(word).sentence_initial >= SENTENCE_OPENER_COUNT

    def glued_to_name(self, word: str) -> tuple[str, str] | None:
        """A capitalised word that is a name end plus a clause opener ("Unmenurut")."""
        if not any(word[cut:] in self.counts for cut in range(2, len(word) - 3)) or self.known(word):
            return None
        for cut in range(2, len(word) - 3):
            if self.opens_clauses(word[cut:]):
                return word[:cut], word[cut:]
        return None

    def _frequent_lowercase(self, word: str) -> bool:
        return self.common_lowercase(word) and self._count(word).total >= FREQUENT_COUNT

    def split_name_glue(self, word: str, standalone: frozenset[str], previous: str) -> tuple[str, str] | None:
        """A capitalised word that is surely a name end plus a clause opener: "Unmenurut".

        The opener is a function word or a frequent affixed word, not one that also ends names
        ("Widhiantara"); the name part is a word the article also writes on its own, a word of
        two or three letters after a capitalised word ("Kim Jong Un"), or a frequent word.
        """
        if not self._may_split_name(word):
            return None
        for cut in range(2, len(word) - MIN_CLAUSE_SPLIT + 1):
            left, right = word[:cut], word[cut:]
            if right in self.name_endings or not (self.opens_clauses(right) or self._opens_with_verb(right)):
                continue
            short_name_end = cut <= MIN_NAME_SPLIT and bool(_CAPITALISED.fullmatch(previous)) and right in self.function_words
            if left in standalone or short_name_end or (cut > MIN_NAME_SPLIT and self.common_lowercase(left)):
                return left, right
        return None

    def _may_split_name(self, word: str) -> bool:
        """Whether some end of the word is a known word and the word itself is not."""
        cuts = range(2, len(word) - MIN_CLAUSE_SPLIT + 1)
        return any(word[cut:] in self.counts for cut in cuts) and not self.known(word)

    def _opens_with_verb(self, word: str) -> bool:
        """A common lowercase affixed verb: "melanda", "dikenal"."""
        return (
            len(word) > MIN_CLAUSE_SPLIT
            and any(word.startswith(prefix) for prefix in self.verb_prefixes)
            and self.common_lowercase(word)
            and self._stem(word) != word
        )

    def split_camel_glue(self, word: str) -> tuple[str, str] | None:
        """A frequent lowercase word glued to a capitalised one: "eksekutifBudiman"."""
        camel = _CAMEL_GLUE.fullmatch(word)
        if not camel or camel.group(1) in self.brand_prefixes or self.known(word):
            return None
        return (camel.group(1), camel.group(2)) if self.common_lowercase(camel.group(1)) else None

    def split(self, word: str, standalone: frozenset[str], previous: str) -> tuple[str, str] | None:
        """Where a glued word surely splits into two words, or None."""
        if _CAPITALISED.fullmatch(word):
            return self.split_name_glue(word, standalone, previous)
        if _CAMEL_GLUE.fullmatch(word):
            return self.split_camel_glue(word)
        if _LOWER_RUN.fullmatch(word):
            return self.glued_words(word)
        return None

    def glued_words(self, word: str) -> tuple[str, str] | None:
        """A lowercase run of two frequent words ("beritabahwa"), when the run itself is unknown."""
        cuts = range(4, len(word) - 3)
        if not any(word[:cut] in self.counts and word[cut:] in self.counts for cut in cuts):
            return None
        if self.known(word) or any(word.startswith(prefix) for prefix in self.bound_prefixes):
            return None
        for cut in cuts:
            left, right = word[:cut], word[cut:]
            if all(self.common_lowercase(part) and self._count(part).total >= FREQUENT_COUNT for part in (left, right)):
                return left, right
        return None


def _period_glue(paragraph: str) -> Iterator[Damage]:
    for match in _PERIOD_GLUE.finditer(paragraph):
        if match.group(2) in _TOP_LEVEL_DOMAINS or "www" in match.group(1).lower():
            continue
        yield _damage(
            "glued-words", paragraph, match.start(), match.end(),
            f"no space after the full stop in '{match.group(0)}': text was joined where a link or break was removed",
        )


def _dangling(paragraph: str, vocabulary: _Vocabulary | None) -> Iterator[Damage]:
    odd_straight_quotes = paragraph.count('"') % 2 == 1
    for match in _DANGLING_LOWER.finditer(paragraph):
        fragment = match.group(1)
        if fragment.endswith("”") or fragment.endswith("’") or odd_straight_quotes:
            yield _damage(
                "dangling-fragment", paragraph, match.start(1), match.end(1),
                "a lowercase fragment closes a quote that was never opened",
            )
    for match in _DANGLING_NAME.finditer(paragraph):
        first = match.group(1).split()[0].rstrip(".")
        if vocabulary is not None and vocabulary.common_lowercase(first):
            continue
        yield _damage(
            "dangling-fragment", paragraph, match.start(1), match.end(1),
            f"'{match.group(1)}' stands alone after a quote: a leftover fragment",
        )


def _continues_sentence(token: str) -> bool:
    """A token after which a capital is not a sentence start: lowercase word, acronym, number."""
    return bool(_LOWER_WORD.fullmatch(token) or _ACRONYM.fullmatch(token) or token.isdigit())


def _in_name(token: str) -> bool:
    """Whether a token can be part of a name: capitalised word, acronym, number."""
    core = _core(token)
    return bool(_CAPITALISED.fullmatch(core) or _ACRONYM.fullmatch(core) or core.isdigit())


def _capitalised_mid_sentence(paragraph: str) -> Iterator[str]:
    tokens = [token for _, _, token in _tokens(paragraph)]
    for previous, token in zip(tokens, tokens[1:]):
        if _CAPITALISED.fullmatch(token) and _continues_sentence(previous):
            yield token


def _word_damage(
    paragraph: str, vocabulary: _Vocabulary, acronyms: frozenset[str], names_here: frozenset[str]
) -> Iterator[Damage]:
    """Glued words, cut names and stray capitals; ``names_here``: words this article capitalises repeatedly."""
    spans = _tokens(paragraph)
    tokens = [token for _, _, token in spans]
    offsets = [(start, end) for start, end, _ in spans]
    standalone = {_core(token) for token in tokens}
    for i, token in enumerate(tokens):
        start, end = offsets[i]
        before = tokens[i - 2] if i > 1 else ""
        previous = tokens[i - 1] if i else ""
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        after = tokens[i + 2] if i + 2 < len(tokens) else ""
        core = _core(token)
        core_start = start + token.find(core) if core else start
        if _CAPITALISED.fullmatch(core):
            split = vocabulary.glued_to_name(core)
            if split and (_CAPITALISED.fullmatch(previous) or split[0] in standalone):
                yield _damage(
                    "glued-words", paragraph, core_start, core_start + len(core),
                    f"'{core}' reads as '{split[0]} {split[1]}': words glued where a link was removed",
                )
                continue
        camel = _CAMEL_GLUE.fullmatch(core) if len(core) >= 6 else None  # four lowercase letters, then a capitalised word
        if camel and vocabulary.common_lowercase(camel.group(1)) and not vocabulary.known(core):
            yield _damage(
                "glued-words", paragraph, core_start, core_start + len(core),
                f"'{core}' reads as '{camel.group(1)} {camel.group(2)}': words glued where a link was removed",
            )
            continue
        for run in _LOWER_RUN.finditer(token) if len(token) >= 8 else ():  # a run has 8 letters or more
            split = vocabulary.glued_words(run.group(0))
            if split:
                yield _damage(
                    "glued-words", paragraph, start + run.start(), start + run.end(),
                    f"'{run.group(0)}' reads as '{split[0]} {split[1]}': words glued together",
                )
        if (
            _ACRONYM.fullmatch(token)
            and _CAPITALISED.fullmatch(following)
            and _LOWER_WORD.match(after)
            and vocabulary.opens_sentences(following)
        ):
            longer = sorted(a for a in acronyms if a != token and a.startswith(token))
            guess = f" (probably '{longer[0]}')" if longer else ""
            yield _damage(
                "truncated-name", paragraph, start, offsets[i + 1][1],
                f"'{token}' runs into '{following}' with no sentence break: the name looks cut off{guess}",
            )
        elif (
            _CAPITALISED.fullmatch(token)
            and _LOWER_WORD.fullmatch(previous)
            and not _in_name(before)
            and _LOWER_WORD.match(following)
            and not _in_name(after)
            and token not in names_here
            and vocabulary.common_lowercase(token)
        ):
            yield _damage(
                "mid-sentence-capital", paragraph, start, end,
                f"'{token}' is capitalised mid-sentence: a fragment joined to the wrong sentence",
            )


def glued_split(word: str, language: str, standalone: frozenset[str] = frozenset(), previous: str = "") -> tuple[str, str] | None:
    """The two words a glued word surely splits into ("beritabahwa" -> "berita", "bahwa"), or None.

    ``standalone``: words the article writes on their own; ``previous``: the word before it."""
    vocabulary = _vocabulary(language)
    return vocabulary.split(word, standalone, previous) if vocabulary is not None else None


def split_glued_words(paragraphs: list[str], language: str) -> tuple[list[str], list[Damage]]:
    """Paragraphs with surely glued words split ("Kebakaranmelanda" -> "Kebakaran melanda"), and a
    glued-words warning for each split. Words inside links, addresses and numbers are left alone."""
    vocabulary = _vocabulary(language)
    if vocabulary is None:
        return paragraphs, []
    standalone = frozenset(_core(token) for paragraph in paragraphs for _, _, token in _tokens(paragraph))
    split_paragraphs: list[str] = []
    warnings: list[Damage] = []
    for paragraph in paragraphs:
        tokens = _tokens(paragraph)
        pieces: list[str] = []
        done = 0
        for i, (start, _, token) in enumerate(tokens):
            core = _core(token)
            if len(core) < 6 or not core.isalpha() or "/" in token or "@" in token or "#" in token:
                continue
            split = vocabulary.split(core, standalone, _core(tokens[i - 1][2]) if i else "")
            if split:
                core_start = start + token.find(core)
                warnings.append(_damage(
                    "glued-words", paragraph, core_start, core_start + len(core),
                    f"'{core}' reads as '{split[0]} {split[1]}': words glued where a space or link was lost (split)",
                ))
                pieces.append(paragraph[done:core_start] + f"{split[0]} {split[1]}")
                done = core_start + len(core)
        split_paragraphs.append("".join(pieces) + paragraph[done:])
    return split_paragraphs, warnings


def _without_overlaps(warnings: list[Damage]) -> list[Damage]:
    """Keep the first warning about any stretch of text ("NK.beritabahwa", not also "beritabahwa")."""
    kept: list[Damage] = []
    for warning in warnings:
        if not any(warning.context == k.context and warning.span in k.span for k in kept):
            kept.append(warning)
    return kept


def find_damage(paragraphs: list[str], language: str) -> list[Damage]:
    """Scraping and translation damage in the body, as warnings."""
    vocabulary = _vocabulary(language)
    acronyms = frozenset(m.group(0) for p in paragraphs for m in _ACRONYM_WORD.finditer(p))
    capitalised = Counter(word for paragraph in paragraphs for word in _capitalised_mid_sentence(paragraph))
    names_here = frozenset(word for word, count in capitalised.items() if count > 1)
    warnings: list[Damage] = []
    for paragraph in paragraphs:
        warnings.extend(_period_glue(paragraph))
        warnings.extend(_dangling(paragraph, vocabulary))
        if vocabulary is not None:
            warnings.extend(_word_damage(paragraph, vocabulary, acronyms, names_here))
    return _without_overlaps(warnings)


# --- the stage ----------------------------------------------------------------------------------


def _strip_inline(paragraphs: list[str], removed: list[Removed]) -> list[str]:
    """Paragraphs without their inline non-article pieces; paragraphs left with no words go."""
    kept = []
    for paragraph in paragraphs:
        paragraph, pieces = strip_inline(paragraph)
        removed.extend(pieces)
        if _WORD.search(paragraph):
            kept.append(paragraph)
        elif paragraph:
            removed.append(Removed(paragraph, "leftover"))
    return kept


_SIGN_OFF = re.compile(r"\([a-z0-9]{2,5}(?:/[a-z0-9]{2,5})+\)")  # the editors' initials that end a page's body: "(aid/ara)"
SIGN_OFF_TAIL = 12  # non-empty lines after the sign-off at most: the page's topic tags and promos


def before_sign_off(lines: list[str], removed: list[Removed]) -> list[str]:
    """The lines before the editors' initials that end a page's body ("(aid/ara)"); those and the
    lines after them, the page's topic tags ("apbn 2026") and promos, are recorded as removed."""
    for at in range(len(lines) - 1, -1, -1):
        if _SIGN_OFF.fullmatch(lines[at]):
            tail = [line for line in lines[at + 1 :] if line]
            if len(tail) > SIGN_OFF_TAIL:
                return lines
            removed.append(Removed(lines[at], "sign-off"))
            removed.extend(Removed(line, "topic tag") for line in tail)
            return lines[:at]
    return lines


def clean(doc: Document) -> Cleaned:
    """Split a document into headline and paragraphs, removing and recording what is not article text."""
    lines = [normalise_line(line) for line in doc.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    removed: list[Removed] = []
    known_title = None
    if doc.title is not None:
        known_title, tag = strip_section_tag(normalise_line(doc.title))
        removed.extend([Removed(tag, "section tag")] if tag else [])
    lines, lead_ins = drop_lead_ins(lines)
    header = read_header(lines, known_title)
    removed.extend(header.removed)
    removed.extend(lead_ins)
    body: list[str] = []
    for line in before_sign_off(lines[header.body_start :], removed):
        rule = match_line_rule(line) if line else None
        if rule:
            removed.append(Removed(line, rule.reason))
        body.append("" if rule else line)
    body, split_datelines = cut_split_datelines(body)
    paragraphs = assemble_paragraphs(body)

    outlet = doc.outlet or header.outlet
    for dateline, dateline_outlet in split_datelines:
        removed.append(Removed(dateline, "dateline"))
        outlet = outlet or dateline_outlet
    if paragraphs:
        paragraphs[0], dateline, dateline_outlet = strip_dateline(paragraphs[0])
        if dateline:
            removed.append(Removed(dateline, "dateline"))
            outlet = outlet or dateline_outlet

    paragraphs = _strip_inline(paragraphs, removed)

    language = doc.language or detect_language((header.title or "") + "\n" + "\n".join(paragraphs))
    title = header.title
    if title is None:  # the text starts with its body: show its first sentence as the headline
        title = split_paragraph(paragraphs[0], language)[0] if paragraphs else ""
    elif known_title is None:
        title, tag = strip_section_tag(title)
        removed.extend([Removed(tag, "section tag")] if tag else [])
    paragraphs, repeats = drop_repeats(paragraphs, language)
    removed.extend(repeats)
    paragraphs, splits = split_glued_words(paragraphs, language)
    published = (parse_page_date(doc.published) if doc.published else None) or header.published
    return Cleaned(
        language=language,
        title=title,
        paragraphs=paragraphs,
        outlet=outlet,
        published=published,
        removed=removed,
        warnings=_without_overlaps(splits + find_damage(paragraphs, language)),
    )
