"""Speakers resolved to persons, in reading order.

A pronoun ("ia", "dia", "-nya", "he") resolves to the person the text is about at that point; a
role ("pemimpin yang memproklamirkan diri", "the minister") to the person that role is given to
in the article; a bare last name to the fullest form of the name in the article. Person names
come from the NER mentions when given and from capitalised words otherwise.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from kroscek.analyse.quotes.attribution import (
    NAME_PARTICLES,
    RESIDENTS,
    SpeakerRef,
    attribution_next_sentence,
    name_run,
    office_holder,
    organisation_member,
    ref_from_run,
    speaker_after,
)
from kroscek.analyse.quotes.lexicon import QuoteLexicon, common_words
from kroscek.analyse.quotes.names import (
    MINISTRY_PREFIXES,
    NOT_SPEAKER_HEADS,
    can_speak,
    indonesian_towns,
    is_named_place,
    is_organisation_like,
    is_person_like,
    is_place_name,
    without_titles,
)
from kroscek.analyse.quotes.paragraphs import TOKEN, Paragraph, covering, quote_spans, tokens
from kroscek.analyse.quotes.spans import Found, is_title_case
from kroscek.model import Mention, Sentence
from kroscek.text.fold import name_key
from kroscek.text.names import clipped

_WORD_RUN = re.compile(r"\w+")
_CATAPHORA_WINDOW = 2  # sentences ahead searched for a pronoun's person when none is named before it
_ROLE_HOLDER_CHARS = 40  # characters after a role word within which the person named holds it ("Menteri Keuangan Purbaya")
_DESCRIPTION_OPENER_WORDS = 3  # words of a description opening a sentence before the name it gives ("Jemaah lainnya, Agus Salim")
_SHORT_MENTION_CHARS = 2  # a tagged mention of another type no longer than this names no speaker


@dataclass
class SpeakerContext:
    """What the resolution of speakers knows about one article."""

    paragraphs: list[Paragraph]
    lex: QuoteLexicon
    persons: list[tuple[int, int, str]] = field(default_factory=list)  # (sentence, offset, name)
    lowercase_words: frozenset[str] = frozenset()  # the article's lowercase words and the language's common words
    written_lowercase: frozenset[str] = frozenset()  # the words the article itself writes in lowercase
    speaker_words: frozenset[str] = frozenset()
    # Indexes built once per article, so that each lookup costs about the same whatever its length.
    _sentences: list[tuple[int, str]] | None = field(default=None, repr=False)
    _located: dict[int, tuple[Paragraph, int]] | None = field(default=None, repr=False)
    _longer_names: tuple[int, dict[tuple[str, ...], list[str]], dict[str, tuple[int, list[int], dict[int, int]]]] | None = field(default=None, repr=False)
    _brackets: dict[str, list[tuple[list[str], frozenset[str], str, bool]]] | None = field(default=None, repr=False)
    _aliases: dict[str, str | None] = field(default_factory=dict, repr=False)
    _ministries: list[str] | None = field(default=None, repr=False)  # the "Kementerian ..." runs of the article
    _word_runs: dict[str, list[tuple[int, int]]] | None = field(default=None, repr=False)
    _name_windows: dict[str, set[tuple[str, ...]]] | None = field(default=None, repr=False)  # by their first two letters
    _nicknames: dict[str, str | None] = field(default_factory=dict, repr=False)  # nickname -> the full name it clips
    _alone: dict[tuple[str, str], bool] = field(default_factory=dict, repr=False)

    def sentences(self) -> list[tuple[int, str]]:
        """(index, text) of every sentence, in reading order."""
        if self._sentences is None:
            self._sentences = []
            for paragraph in self.paragraphs:
                for position, index in enumerate(paragraph.indices):
                    end = paragraph.starts[position + 1] - 1 if position + 1 < len(paragraph.starts) else len(paragraph.text)
                    self._sentences.append((index, paragraph.text[paragraph.starts[position] : end]))
        return self._sentences

    def locate(self, sentence: int) -> tuple[Paragraph, int] | None:
        """The paragraph holding sentence number ``sentence`` and its position there."""
        if self._located is None:
            self._located = {}
            for paragraph in self.paragraphs:
                for position, index in enumerate(paragraph.indices):
                    self._located.setdefault(index, (paragraph, position))
        return self._located.get(sentence)



def _opens_clause(text: str, name: str, after: int) -> bool:
    """``name``, found after a role in ``text``, opens a clause of its own rather than naming the
    role's holder: "pun" follows it ("Setelah mendengar jawaban jaksa, Fitra pun menjawab")."""
    at = text.find(name, after)
    return at >= 0 and text[at + len(name):].lstrip().casefold().startswith("pun ")


def _trim_name(name: str, ctx: SpeakerContext) -> str:
    """``_trimmed_name``, unless that leaves only the place of an institution ("Kamar Dagang AS"
    is the chamber, not "AS")."""
    trimmed = _trimmed_name(name, ctx)
    stripped = without_titles(name, ctx.lex)
    words, kept = name.split(), trimmed.split()
    head = len(words) - len(kept) - 1  # the word before what was kept
    if kept and head >= 0 and words[head + 1 :] == kept and words[head].casefold() in NOT_SPEAKER_HEADS \
            and (head == 0 or words[head - 1].casefold().rstrip(".") not in ctx.lex.titles):  # not "Wali Kota Agus"
        return " ".join(words[head:])  # "Pernyataan Gedung Putih": a building, not "Putih"
    if trimmed != name and stripped.split()[0].casefold() not in NOT_SPEAKER_HEADS and is_place_name(stripped):
        return stripped  # "Uni Emirat Arab" stays a country (that cannot speak), not "Emirat Arab"
    if trimmed != name and is_place_name(trimmed):
        if stripped != trimmed and not is_place_name(stripped) and stripped.split()[0].casefold() not in ctx.lex.titles:
            return stripped
    return trimmed


def _trimmed_name(name: str, ctx: SpeakerContext) -> str:
    """The name in a run that starts with titles and what qualifies them ("Menteri Dalam Negeri
    Tito Karnavian" -> "Tito Karnavian", "Ketua Fraksi Golkar DPR RI Sarmuji" -> "Sarmuji"): from
    the first word the article uses as a speaker's name, else without the words the article also
    uses on their own."""
    stripped = without_titles(name, ctx.lex)
    words = stripped.split()
    lex = ctx.lex
    inner = [i for i, word in enumerate(words[:-1]) if i and word.casefold().rstrip(".") in lex.titles and word.casefold() not in lex.name_titles]
    if inner:  # "Polda Sumut Kombes Doni Sembiring", "BPJS Kesehatan Prof Ghufron": the name after the title inside the run
        rest = without_titles(" ".join(words[inner[-1] :]), lex).split()
        while len(rest) > 1 and rest[0].casefold() in lex.qualifiers:  # "Menteri Sosial Saifullah Yusuf"
            rest = rest[1:]
        if rest and _person_words(rest, ctx):
            return " ".join(rest)
        leading = words[: inner[-1]]
        acronyms = [i for i, word in enumerate(words[:-1]) if i > inner[-1] and len(word) > 1 and word.isupper()]
        named_after = bool(acronyms) and _person_words(words[acronyms[-1] + 1 :], ctx)  # "Corporate Secretary GOTO RA Koesoemohadiani"
        if _person_words(leading, ctx) and len(leading) < len(words) - 1 and not named_after:
            return " ".join(leading)  # "Melki Ketua DPD Partai Golkar": the name before the office it holds
    places = [i for i in range(len(words) - 2) if is_named_place(words[i]) or (i and is_place_name(" ".join(words[i - 1 : i + 1])))]
    if places:  # "Universitas Muhammadiyah Tangerang Ahmad Chumaedy", "Kasi Penkum Kejati Sumsel Vanny Yulia": the person after the place
        rest = words[places[-1] + 1 :]
        if (_given_name(rest[0], ctx) or _common_word_name(rest[0], ctx)) and all(_name_word(word, ctx) for word in rest) \
                and sum(len(w) > 2 for w in rest) >= 2 \
                and not is_place_name(" ".join(rest)):
            return " ".join(rest)
    acronyms = [i for i, word in enumerate(words[:-1])
                if len(word) > 1 and (word.isupper() or word.casefold().startswith(MINISTRY_PREFIXES))]
    if acronyms:  # "Ketua KPU Afifudin", "... Haji dan Umrah Kemenag Hilman Latief" (a ministry's short name as an acronym), "anggota Komisi II DPR RI Ahmad Doli Kurnia": the person after the body's acronym
        rest = words[acronyms[-1] + 1 :]
        while len(rest) > 1 and (is_named_place(rest[0]) or rest[0].casefold() in lex.qualifiers):
            rest = rest[1:]  # "Ketua DPRD Banten Fahmi Hakim", "BPJS Kesehatan Lily Kresnowati": the body's region or field
        named = len(rest) > 1 or stripped != name  # "APP Jatim" is a body and its region; "Ketua KPU Afifudin" a person
        if named and _person_words(rest, ctx):
            return " ".join(rest)
        if stripped == name:
            return name  # a body by its acronym, no title before it: "Himapol FISIP Unud", "APP Jatim"
    if stripped == name and (words[0].casefold() in ctx.lex.not_person or (len(words) > 1 and words[-1].casefold() in ctx.lex.not_person)):
        return name  # an organisation or a place: "Kementerian Luar Negeri Korea Utara", "New York Post"
    # a speaker's word that is a place ("AS" of "Kamar Dagang AS") does not start a person's name ("Presiden AS Donald Trump")
    known = [i for i, word in enumerate(words) if word.casefold() in ctx.speaker_words and not (i + 1 < len(words) and is_named_place(word))
             and word.casefold() not in lex.not_person]  # "Bank" of "Ekonom Bank Mandiri menilai" opens no person's name
    if known and len(words) > 1:
        start = known[0]
        particles = start
        while particles > 1 and words[particles - 1].casefold() in NAME_PARTICLES:  # "Rudi van der Zalm"
            particles -= 1
        if particles < start and words[particles - 1][:1].isupper():
            start = particles - 1
        elif start == len(words) - 1 and start > 0 and _name_like(words[start - 1 :], ctx):
            start -= 1
            # the given names before it too ("Sekretaris Otorita IKN, Bimo Adi Nursanthyasto"), up to
            # the office, the body or the place before them ("Bupati Bogor Rudy Susmanto")
            while stripped == name and start > 0 and _given_name(words[start - 1], ctx) and len(words[start - 1]) > 2 \
                    and not is_named_place(words[start - 1]):  # a run with no title is a name, given names and all
                start -= 1
        return " ".join(words[start:])
    if stripped == name:
        return name
    qualified = False  # the title is qualified by an organisation ("Kepala Dinas Pertanian X Y")
    acronym = False  # the last word dropped is an organisation's acronym: what follows is the whole name
    while len(words) > 2 or (len(words) == 2 and words[0].casefold() in ctx.lowercase_words):
        first = words[0].casefold()
        qualified = qualified or first in ctx.lex.not_person
        if first in ctx.lowercase_words or first in ctx.lex.titles or first in ctx.lex.qualifiers or first in ctx.lex.not_person or _used_alone(words, ctx):
            acronym = len(words[0]) > 1 and words[0].isupper()
            words = words[1:]
        else:
            break
    if len(words) > 2 and not qualified and is_place_name(words[0]):
        words = words[1:]  # "Menteri Keuangan II Malaysia Amir Hamzah Azizan": the country of the office
    return " ".join(words[-2:] if qualified and not acronym else words)  # "... Eksekusi KPK Asep Guntur Rahayu": all three


_NICKNAME_LETTERS = 5  # a one-word name this long may be a full name's words clipped and joined ("Zulhas")


def _person_words(words: list[str], ctx: SpeakerContext) -> bool:
    """Whether ``words`` read as a person's name: a given name first, then words that can follow
    one ("Budi Harta Winata"), not only initials, and not a place."""
    return bool(words) and _given_name(words[0], ctx) and all(_name_word(word, ctx) for word in words[1:]) \
        and any(len(word) > 2 for word in words) and not is_place_name(" ".join(words))


def _name_word(word: str, ctx: SpeakerContext) -> bool:
    """A word that can follow a given name in a person's name: capitalised, no title, office,
    institution's word or acronym ("Eka Sari" though "sari" is a common word)."""
    folded = word.casefold()
    return word[:1].isupper() and not (len(word) > 1 and word.isupper()) and folded not in ctx.lex.not_person \
        and folded not in ctx.lex.qualifiers and (folded not in ctx.lex.titles or folded in ctx.lex.name_titles)


def _given_name(word: str, ctx: SpeakerContext) -> bool:
    """A word that can be part of a person's name: not an acronym, a word the article writes in
    lowercase, a title, an office's word or an institution's."""
    if len(word.rstrip(".")) == 1 and word[:1].isupper():
        return True  # an initial: "Saurlin P Siagian"
    if _title_in_name(word, ctx):
        return True  # "Fahmi Hakim"
    return word[:1].isupper() and not word.casefold().startswith(MINISTRY_PREFIXES) and _name_shaped(word, ctx)


def _common_word_name(word: str, ctx: SpeakerContext) -> bool:
    """A given name that is also a common word ("Indah", "Mulia", "Bintang"), where the article
    itself never writes it in lowercase: read so only after the place of an office, where a name
    is due ("Bupati Lumajang Indah Amperawati")."""
    folded = word.casefold()
    return len(word) > 2 and word[:1].isupper() and not word.isupper() and folded not in ctx.written_lowercase \
        and (folded not in ctx.lex.titles or folded in ctx.lex.name_titles) and folded not in ctx.lex.qualifiers \
        and folded not in ctx.lex.not_person


def _name_like(words: list[str], ctx: SpeakerContext) -> bool:
    """Whether ``words[0]`` is a given name before ``words[1]`` rather than a qualifier of a title."""
    if _title_in_name(words[0], ctx):
        return True  # "Arief Rahman Hakim Saputra": a title word inside a name
    return _name_shaped(words[0], ctx) and not _used_alone(words, ctx)


def _title_in_name(word: str, ctx: SpeakerContext) -> bool:
    """A capitalised title that is also often part of a person's name ("Hakim", "Raja")."""
    return word.casefold() in ctx.lex.name_titles and word[:1].isupper()


def _name_shaped(word: str, ctx: SpeakerContext) -> bool:
    """What a given name and a word before a last name share: longer than two letters, no acronym,
    no word the article writes in lowercase, no title (but one often part of a name), no office's
    or institution's word."""
    folded = word.casefold()
    return (
        len(word) > 2 and not word.isupper() and folded not in ctx.lowercase_words
        and (folded not in ctx.lex.titles or folded in ctx.lex.name_titles) and folded not in ctx.lex.qualifiers and folded not in ctx.lex.not_person
    )


def _used_alone(words: list[str], ctx: SpeakerContext) -> bool:
    """Whether the first word appears elsewhere in the article without the word after it.

    Looked up in an index of the article's word runs (built once), not by searching the whole
    text again for each name."""
    key = (words[0], words[1])
    if key not in ctx._alone:
        ctx._alone[key] = _first_word_alone(words[0], words[1], ctx)
    return ctx._alone[key]


def _first_word_alone(first: str, second: str, ctx: SpeakerContext) -> bool:
    followed = re.compile(rf"\.?\s+{re.escape(second)}\b")  # "Moch. Rizal": the abbreviation's dot too
    run = _WORD_RUN.match(first)
    if run is None or not _WORD_RUN.fullmatch(first[-1]):  # not word characters at both ends: search
        pattern = re.compile(rf"\b{re.escape(first)}\b(?!\.?\s+{re.escape(second)}\b)")
        return any(pattern.search(p.text) for p in ctx.paragraphs)
    if ctx._word_runs is None:
        ctx._word_runs = {}
        for number, paragraph in enumerate(ctx.paragraphs):
            for match in _WORD_RUN.finditer(paragraph.text):
                ctx._word_runs.setdefault(match.group(), []).append((number, match.start()))
    # ``\bfirst\b`` can only begin where a maximal run of word characters equal to its first run begins
    for number, start in ctx._word_runs.get(run.group(), ()):
        text = ctx.paragraphs[number].text
        end = start + len(first)
        if text.startswith(first, start) and not _WORD_RUN.match(text, end) and not followed.match(text, end):
            return True
    return False


def person_candidates(ctx: SpeakerContext, sentence: int, spans: list[tuple[int, int]], mentions: list[Mention]) -> list[tuple[int, str]]:
    """(paragraph offset, name) of the persons named in one sentence outside quoted spans."""
    located = ctx.locate(sentence)
    if located is None:
        return []
    paragraph, position = located
    offset = paragraph.starts[position]
    outside = sorted(spans)  # the quoted spans of a paragraph never overlap
    outside_starts = [s for s, _ in outside]
    found: list[tuple[int, str]] = []
    if mentions:
        for mention in mentions:
            start = offset + mention.start
            if mention.sentence == sentence and mention.type.startswith("PER") and not covering(outside, outside_starts, start) \
                    and not _an_alias(paragraph.text[offset:start], ctx):
                found.append((start, mention.text))
        return sorted(found)
    end = paragraph.starts[position + 1] - 1 if position + 1 < len(paragraph.starts) else len(paragraph.text)
    for start, name in _heuristic_names(paragraph.text, offset, end, ctx):
        if _an_alias(paragraph.text[offset:start], ctx):
            continue  # "pemilik nama asli Ria Yunita itu": the birth name of one named before, no one new
        if _demonstrative_follows(paragraph.text[start + len(name):end], ctx):
            continue  # "Penyerang Barcelona itu mengumumkan": a description of one named before, no one new
        if not covering(outside, outside_starts, start) and (_is_subject(name, paragraph.text[offset:start], ctx)
                                                               or set(name.casefold().split()) & ctx.speaker_words
                                                               or _short_subject(name, paragraph.text[offset:start], ctx)):
            found.append((start, name))
    return found


def _short_subject(name: str, before: str, ctx: SpeakerContext) -> bool:
    """One word of a person's full name the article gives, opening its sentence ("Tanpa basa-basi,
    Dakota mengangguk" after "Dakota Johnson"): the person it is about, as the full name would be."""
    words = name.casefold().split()
    if len(words) != 1 or words[0] in ctx.lowercase_words or not _longer_names(ctx)[0].get(tuple(words)):
        return False
    return not before.strip() or (before.rstrip().endswith(",") and _opener_before_comma(before, ctx))


_NEXT_WORD = re.compile(r"\s*(?:\d+\s+)?(\w+)")  # the word after a name, past a year ("Puteri Indonesia 1996 itu")


def _demonstrative_follows(after: str, ctx: SpeakerContext) -> bool:
    """A demonstrative right after a capitalised run ("Legislator NasDem ini", "Puteri Indonesia 1996
    itu"): the run describes someone the article named before, as a pronoun would refer to them."""
    found = _NEXT_WORD.match(after)
    return found is not None and found.group(1).casefold() in ctx.lex.demonstratives


def _an_alias(before: str, ctx: SpeakerContext) -> bool:
    """The words before a name say it is another name of someone ("nama asli", "bernama asli")."""
    words = tuple(w.casefold() for w in _WORD_RUN.findall(before[-40:]))
    return any(words[-len(phrase):] == phrase for phrase in ctx.lex.alias_before)


def _is_subject(name: str, before: str, ctx: SpeakerContext) -> bool:
    """A full name opening its sentence ("Arman Sulistyo menulis ...", after an opener and its
    comma: "Sementara itu, Tri Agustina (45), warga ..."): the person it is about. ``before`` is
    the sentence's text before the name."""
    words = name.casefold().split()
    if not (len(words) >= 2 and words[0] not in ctx.lowercase_words and not ctx.lex.not_person.intersection(words)):
        return False
    return not before.strip() or (before.rstrip().endswith(",") and (_opener_before_comma(before, ctx)
                                                                     or _office_before_comma(before, ctx)))


_OFFICE_BEFORE_WORDS = 6  # "Wakil Wali Kota Mojokerto," at most this many words: an office, not a clause


def _office_before_comma(before: str, ctx: SpeakerContext) -> bool:
    """Whether the words before a name and its comma are only its office, capitalised ("Walikota
    Mojokerto, Ika Puspitasari, menyampaikan ..."): the name between the commas opens the sentence."""
    words = before.rstrip()[:-1].split()
    if not words or len(words) > _OFFICE_BEFORE_WORDS or not all(w[:1].isupper() for w in words):
        return False
    folded = tuple(w.casefold() for w in words)
    return folded[0] in ctx.lex.titles or any(folded[: len(role)] == role for role in ctx.lex.roles)


def _opener_before_comma(before: str, ctx: SpeakerContext) -> bool:
    """Whether the words before a name and its comma only open the sentence ("Sementara itu,") or
    give a short description ("Jemaah lainnya,"), with no "menurut" among them. Read word by word
    and left as soon as the answer is known: a long sentence names many people after commas."""
    according = {phrase[0] for phrase in ctx.lex.according}
    starters = True  # every word so far opens a sentence
    described = True  # a short description so far: lowercase words after the first
    for count, match in enumerate(TOKEN.finditer(before), start=1):
        word = match.group()
        folded = word.casefold()
        if folded in according:
            return False
        starters = starters and folded in ctx.lex.sentence_starters
        described = described and count <= _DESCRIPTION_OPENER_WORDS and (count == 1 or word.islower())
        if not starters and not described:
            return False
    return starters or (described and "," not in before.rstrip()[:-1])


_FULL_STOP_END = re.compile(r"(?<![.…])\.[\"”’']?\s*$")  # a sentence's full stop, not an ellipsis


def _heuristic_names(text: str, start: int, end: int, ctx: SpeakerContext) -> list[tuple[int, str]]:
    """Capitalised runs that can be person names, titles stripped."""
    segment = text[start:end]
    if is_title_case(segment) and len(segment.split()) > 2 and not _FULL_STOP_END.search(segment):
        return []  # a headline ("Purbaya Ungkap Rahasia Soeharto"); a sentence full of names ends in a full stop
    toks = tokens(text, start, end)
    names: list[tuple[int, str]] = []
    at = 0
    while at < len(toks):
        run = name_run(text, toks, at, ctx.lex)
        if not run:
            at += 1
            continue
        ref = ref_from_run(run, ctx.lex)
        if ref is not None and ref.kind == "name" and is_person_like(ref.text, ctx.lex) \
                and office_holder(text, toks, at, run, ctx.lex) is None:  # "Kapolres Sumba Barat Daya, Harianto": not a person
            names.append((ref.start, _trim_name(ref.text, ctx)))
        elif ref is not None and ref.kind == "name":  # "Ekonom dari Universitas Paramadina Wijayanto Samirin"
            known = [i for i, t in enumerate(run) if i and t.lower in ctx.speaker_words and t.lower not in ctx.lex.not_person]
            person = " ".join(t.text for t in run[known[0] :]) if known else ""
            if len(person.split()) >= 2 and is_person_like(person, ctx.lex) and not is_organisation_like(person, ctx.lex) \
                    and can_speak(person):
                names.append((run[known[0]].start, person))
        at += len(run)
    return names


def expand_name(name: str, ctx: SpeakerContext, sentence: int) -> str:
    """The fullest form of ``name`` in the article, nearest to ``sentence`` first (of two people
    named "Agus", the one named nearest, however long the other's name); a name given in brackets
    after another ("Joko Widodo (Jokowi)", "Saifullah Yusuf (Gus Ipul)") is that one."""
    aliased = _bracketed_alias(name, ctx)
    if aliased:
        return aliased
    if name.isupper() or is_organisation_like(name, ctx.lex) or name.casefold().startswith(MINISTRY_PREFIXES):
        return name  # a body's name ("MK", "Bank DBS") is whole, not a part of a longer run that holds it ("Putusan MK Nomor")
    words = tuple(name.casefold().split())
    if not words:
        return name
    containing, names = _longer_names(ctx)
    if not containing.get(words) and len(words) == 1 and len(words[0]) >= _NICKNAME_LETTERS \
            and (full := _unclipped(words[0], ctx)) is not None:
        return full  # "Zulhas" where the article names "Zulkifli Hasan": his name clipped and joined
    best: tuple[int, int, str] | None = None  # (distance, first position in ctx.persons, name)
    for candidate in containing.get(words, ()):
        if containing.get(tuple(candidate.casefold().split())):
            continue  # a part of a longer name ("Agus Harimurti" of "Agus Harimurti Yudhoyono"): that one stands for it
        _, at_sentences, first_seen = names[candidate]
        place = bisect.bisect_left(at_sentences, sentence)
        for at_sentence in at_sentences[max(0, place - 1) : place + 1]:
            key = (abs(at_sentence - sentence), first_seen[at_sentence], candidate)
            if best is None or key < best:
                best = key
    return best[2] if best else name


def _nicknamed(nickname: str, words: list[str]) -> bool:
    """``nickname`` is made of ``words`` clipped and joined ("zulhas": "Zulkifli Hasan"), its last
    part perhaps letters of the last word in order ("bamsoet": "bam" of "Bambang", "soet" from
    "Soesatyo", its first two letters first)."""
    if clipped(nickname, words):
        return True
    last = words[-1]
    for size in range(2, len(nickname) - 1):
        rest = iter(last)
        if clipped(nickname[:size], words[:-1]) and nickname[size:size + 2] == last[:2] \
                and all(letter in rest for letter in nickname[size:]):
            return True
    return False


def _unclipped(nickname: str, ctx: SpeakerContext) -> str | None:
    """The one person's name of two or three words the article writes whose words, clipped and
    joined, make ``nickname`` ("zulhas": "Zulkifli Hasan"), else None."""
    if nickname not in ctx._nicknames:
        if ctx._name_windows is None:  # every run of two or three capitalised words, read once per article
            ctx._name_windows = {}
            for _, text in ctx.sentences():
                for run in re.finditer(_CAPITALISED_RUN, text):
                    words = tuple(run.group().split())
                    for size in (2, 3):
                        for at in range(len(words) - size + 1):
                            ctx._name_windows.setdefault(words[at][:2].casefold(), set()).add(words[at : at + size])
        found = {" ".join(part) for part in ctx._name_windows.get(nickname[:2], ())
                 if _nicknamed(nickname, [w.casefold() for w in part]) and _person_words(list(part), ctx)}
        ctx._nicknames[nickname] = found.pop() if len(found) == 1 else None
    return ctx._nicknames[nickname]


def _longer_names(ctx: SpeakerContext) -> tuple[dict[tuple[str, ...], list[str]], dict[str, tuple[int, list[int], dict[int, int]]]]:
    """The persons' names indexed by every shorter run of their words (for ``expand_name``):
    words -> names holding them; name -> (its length in words, the sentences it is in, and the
    first position in ``ctx.persons`` at each)."""
    if ctx._longer_names is None or ctx._longer_names[0] != len(ctx.persons):
        containing: dict[tuple[str, ...], list[str]] = {}
        names: dict[str, tuple[int, list[int], dict[int, int]]] = {}
        for position, (at_sentence, _, candidate) in enumerate(ctx.persons):
            if candidate not in names:
                words = candidate.casefold().split()
                names[candidate] = (len(words), [], {})
                runs = {tuple(words[i : i + size]) for size in range(1, len(words)) for i in range(len(words) - size + 1)}
                for run in runs:
                    containing.setdefault(run, []).append(candidate)
            names[candidate][2].setdefault(at_sentence, position)
        for _, at_sentences, first_seen in names.values():
            at_sentences.extend(sorted(first_seen))
        ctx._longer_names = (len(ctx.persons), containing, names)
    return ctx._longer_names[1], ctx._longer_names[2]


_NOT_QUALIFIERS = frozenset({"lagi", "kemarin", "tadi", "pula", "juga", "saja", "lalu", "kembali"})
_QUALIFIER_AFTER = re.compile(r"\s+([a-z]+)\s*(?:\.|$)")  # one lowercase word closing a speech tag after a role


_CAPITALISED_RUN = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"  # one to four capitalised words: a name


def _words_pattern(words: list[str] | tuple[str, ...]) -> str:
    """A regex matching ``words`` in order, any spaces between them."""
    return r"\s+".join(re.escape(w) for w in words)


_RUN_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*)\s+$")
_HOLDER_AFTER = re.compile(r"\s*(" + _CAPITALISED_RUN + ")")
_HOLDER_AFTER_COMMA = re.compile(r"\s*,\s*(" + _CAPITALISED_RUN + ")")
_BRACKETED = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*)\s*\(([^()]{2,40})\)")
# another name given after a name: "Soleh Mahmud atau yang akrab disapa Ustaz Solmed", "Thomas Lembong alias Tom Lembong"
_ALSO_CALLED = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,4}[A-Z][\w'’.-]*)\s*,?\s+(?:atau\s+)?(?:yang\s+)?"
                          r"(?:(?:akrab|biasa|lebih)\s+(?:disapa|dipanggil|dikenal(?:\s+(?:dengan|sebagai))?)|alias)\s+"
                          r"((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*)")
# a nickname in quotation marks inside a name: "Francesco 'Pecco' Bagnaia", 'Dewi "Dee" Lestari'
_QUOTED_NICKNAME = re.compile(r"(?<![\w'’])([A-Z][\w.-]+)\s+['‘\"“]([A-Z][\w-]+)['’\"”]\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")


def _bracketed_alias(name: str, ctx: SpeakerContext) -> str | None:
    folded = name.casefold()
    ministry = folded.startswith(MINISTRY_PREFIXES)  # "Kemenag" of "Kementerian Agama (Kemenag)", "Kemenkeu Malaysia"
    if not ministry and (name.isupper() or folded.split()[0] in ctx.lex.not_person):
        return None  # a body's short name stays as written ("MIIT", "Polri")
    if name not in ctx._aliases:
        ctx._aliases[name] = _ministry_named(name, ctx) if ministry else _find_bracketed_alias(name, ctx)
    return ctx._aliases[name]


_MINISTRY_RUN = re.compile(r"(Kementerian(?:\s+(?:[A-Z][\w-]*|dan))+)\s*$")  # "Kementerian Energi dan Sumber Daya Mineral"


_MINISTRIES = re.compile(r"Kementerian(?:\s+(?:[A-Z][\w-]*|dan)(?=\W|$))+")  # every ministry the article names
_MINISTRY_CLIP = 2  # letters of the field a ministry's short name keeps at least ("Kemenag": "ag" of "Agama")


def _ministry_named(short: str, ctx: SpeakerContext) -> str | None:
    """The ministry's full name the article gives for ``short``: before it in brackets ("Kementerian
    Agama (Kemenag)"), else the one ministry it names whose first word the short name clips
    ("Kemenkeu Malaysia" / "Kemenkeu Negeri Jiran" of "Kementerian Keuangan Malaysia"); else None,
    the short name then staying as written."""
    head, _, rest = short.partition(" ")
    if rest:
        full = _ministry_named(head, ctx)
        named = [run for run in _ministries(ctx) if full and run.startswith(full)]
        if full and len(set(named)) == 1:
            return named[0]  # the one ministry of that name the article gives, the words after it its own
        return f"{full} {rest}" if full else None
    bracket = f"({short})"
    for paragraph in ctx.paragraphs:
        at = paragraph.text.find(bracket)
        while at >= 0:
            run = _MINISTRY_RUN.search(paragraph.text[max(0, at - 80) : at])
            if run and not run.group(1).endswith(" dan"):
                return run.group(1)
            at = paragraph.text.find(bracket, at + 1)
    clip = short.casefold().removeprefix(next(p for p in MINISTRY_PREFIXES if short.casefold().startswith(p)))
    if len(clip) < _MINISTRY_CLIP:
        return None
    clipping = {" ".join(run.split()[:2]) for run in _ministries(ctx) if run.split()[1].casefold().startswith(clip)}
    return clipping.pop() if len(clipping) == 1 else None


def _ministries(ctx: SpeakerContext) -> list[str]:
    """Every "Kementerian ..." run of two or more words the article writes, read once."""
    if ctx._ministries is None:
        ctx._ministries = [m.group() for p in ctx.paragraphs for m in _MINISTRIES.finditer(p.text)
                           if len(m.group().split()) >= 2 and not m.group().endswith(" dan")]
    return ctx._ministries


def _find_bracketed_alias(name: str, ctx: SpeakerContext) -> str | None:
    words = name.casefold().split()
    if not words:
        return None
    if ctx._brackets is None:  # every distinct "Name (alias)" and "Given 'Alias' Family" of the article, by each alias word
        ctx._brackets = {}
        seen: set[tuple[str, str]] = set()
        for paragraph in ctx.paragraphs:
            for match in _BRACKETED.finditer(paragraph.text):
                if (match.group(1), match.group(2)) in seen:
                    continue
                seen.add((match.group(1), match.group(2)))
                alias = match.group(2).casefold().split()
                # the whole capitalised run before the bracket, not only its last four words
                # ("Wakil Ketua Umum Partai Golkar Bambang Soesatyo (Bamsoet)")
                run = _RUN_BEFORE.search(paragraph.text[: match.start(1)])
                full = (run.group(1) + " " if run else "") + match.group(1)
                if full.split()[0].casefold() in ctx.lex.not_person:
                    continue  # a body's name: its short form names it ("Danantara"), not a person
                if all(w.casefold() in ctx.lex.titles or w.casefold() in ctx.lex.qualifiers for w in full.split()):
                    # "Menteri Agama (Menag) Nasaruddin Umar": the alias names the office, its holder follows
                    holder = _HOLDER_AFTER.match(paragraph.text, match.end())
                    if holder is None:
                        continue
                    full = holder.group(1)
                entry = (alias, frozenset(full.casefold().split()), full, False)
                for word in dict.fromkeys(alias):
                    ctx._brackets.setdefault(word, []).append(entry)
            for match in _ALSO_CALLED.finditer(paragraph.text):
                full, alias = match.group(1), match.group(2).casefold().split()
                if full.split()[0].casefold() in ctx.lex.not_person or alias[-1] in full.casefold().split():
                    continue  # a body's other name, or the same name again ("Tom Lembong" after "Thomas Lembong" stays his)
                run_words = full.split()
                person = next((" ".join(run_words[-size:]) for size in (3, 2) if len(run_words) >= size
                               and _person_words(run_words[-size:], ctx)), None)  # "... CEO Tangkas Motor Agung Pamungkas"
                if person is None:
                    continue
                entry = (alias, frozenset(person.casefold().split()), person, True)
                for word in dict.fromkeys(alias):
                    ctx._brackets.setdefault(word, []).append(entry)
            for match in _QUOTED_NICKNAME.finditer(paragraph.text):
                full = f"{match.group(1)} {match.group(3)}"
                entry = ([match.group(2).casefold()], frozenset(full.casefold().split()), full, True)
                ctx._brackets.setdefault(match.group(2).casefold(), []).append(entry)
    for alias, named, full, whole in ctx._brackets.get(words[0], ()):
        if all(w in alias for w in words) and not set(words) & named:
            # the given and family names around a quoted nickname are the whole name: no titles to trim,
            # and the given name, cut from the family name by the nickname, is not "used alone"
            person = full if whole else _trim_name(full, ctx)
            if len(person.split()) < 2 or any(w.casefold() in ctx.lex.not_person for w in person.split()):
                return None  # "Universitas Udayana (Unud)", "... dan Multimoda (Ditjen Intram)": a body's short name stays
            return person
    return None


class Resolver:
    """Resolves speaker references in reading order, keeping track of who the text is about."""

    def __init__(self, ctx: SpeakerContext, mentions: list[Mention], quoted: dict[int, list[tuple[int, int]]]):
        self.ctx = ctx
        self.mentions = mentions
        self.by_sentence: dict[int, list[Mention]] = {}
        for mention in mentions:
            self.by_sentence.setdefault(mention.sentence, []).append(mention)
        self.quoted = quoted
        self.focus: dict[int, str] = {}
        self.order = [index for index, _ in ctx.sentences()]
        self.position = {}
        for position, index in enumerate(self.order):
            self.position.setdefault(index, position)
        self.spoke: list[int] = []  # positions in ``order`` of the sentences where someone named speaks, ascending
        self.focused: list[int] = []  # positions in ``order`` of the sentences in ``focus``, ascending
        self.roles: dict[str, tuple[list[int], list[tuple[int, str]]]] = {}
        # per article, an office's holders named in it (their positions, then (sentence, name)) and an office's place
        self._holders: dict[str, tuple[list[int], list[tuple[int, str]]]] = {}
        self._places_of_office: dict[str, str | None] = {}
        self._bodies: dict[str, str | None] = {}  # a body that speaks -> the one officer the article names for it
        self.candidates = {i: person_candidates(ctx, i, quoted.get(i, []), self.by_sentence.get(i, [])) for i in self.order}

    def name(self, ref: SpeakerRef, sentence: int, paragraph: Paragraph) -> str | None:
        if ref.kind == "name":
            first, _, rest = ref.text.partition(" ")
            if first.casefold() in RESIDENTS and rest and (is_place_name(rest) or name_key(rest) in indonesian_towns()):
                return None  # "Warga Bantul mengatakan": the people of a place, no one named
            trimmed = self._name_in_mentions(ref, sentence, paragraph) or _trim_name(ref.text, self.ctx)
            if is_place_name(trimmed):
                stripped = without_titles(ref.text, self.ctx.lex)
                if stripped != ref.text and stripped == trimmed and ref.text.split()[0].casefold() not in RESIDENTS:
                    # "Bupati Temanggung menjelaskan": the office of a place (not "Warga Bantul", its people)
                    holder = self._office_holder(ref.text, sentence)
                    return holder or ref.text[:1].lower() + ref.text[1:]  # no one named for it: the office, as a role
                return trimmed  # "warga Gaza mengatakan": a place, left for the caller to refuse, not a longer run holding it
            if (office := self._office_before_acronym(ref, paragraph)) is not None and (holder := self._office_holder(office, sentence)):
                return holder  # "Juru Kampanye Lingkar Hutan (LHL) menilai": the campaigner the article names
            if without_titles(ref.text, self.ctx.lex) != ref.text and is_organisation_like(trimmed, self.ctx.lex):
                # "Ekonom Bank Mandiri menilai": an office, the person the article names for it
                holder = self._office_holder(ref.text, sentence)
                if holder is not None:
                    return holder
            return expand_name(trimmed, self.ctx, sentence)
        if ref.kind == "role":
            if (aliased := _bracketed_alias(ref.text, self.ctx)) is not None:
                return aliased  # "kata Menag" after "Menteri Agama (Menag) Nasaruddin Umar"
            if self._relational(ref.text):
                return self.spokesperson(ref.text, sentence)
            office = dict(self.ctx.lex.title_forms).get(ref.text, ref.text)  # "Menag": the Menteri Agama the article names
            holder = self.role(ref.text, sentence) or self._office_holder(office, sentence)
            if ref.text in self.ctx.lex.collective_roles:  # "teriak polisi": the police, unless the article names one officer
                return holder or self.body(ref.text)
            if ref.text.split()[0] in dict(self.ctx.lex.body_offices) and " " in ref.text:
                return ref.text  # "polisi Bavaria": the police of a place, as the article names it
            return holder or self._office_of_place(ref.text) or self._qualified_role(ref, paragraph) \
                or self.pronoun(sentence, ref.start, paragraph)
        return self.pronoun(sentence, ref.start, paragraph)

    def _qualified_role(self, ref: SpeakerRef, paragraph: Paragraph) -> str | None:
        """A role the tag qualifies with a lowercase word of its own and then ends ("kata pejabat
        pendidikan."), none of its holders named: someone new the article leaves unnamed, who
        speaks as that role, not the one named last."""
        after = _QUALIFIER_AFTER.match(paragraph.text, ref.end)
        if after is None:
            return None
        word = after.group(1)
        lex = self.ctx.lex
        if word in lex.demonstratives or word in lex.fillers or word in lex.complementizers or word in lex.pronouns \
                or word in _NOT_QUALIFIERS:
            return None
        return f"{ref.text} {word}"

    def _relational(self, role: str) -> tuple[str, ...] | None:
        words = role.casefold().split()
        for phrase in self.ctx.lex.relational:
            if tuple(words[: len(phrase)]) == phrase:
                return phrase
        return None

    def spokesperson(self, role: str, sentence: int) -> str:
        """The person the article names for a role that speaks for someone ("kuasa hukum Iwan,
        Calvin Wijaya" / "Jajang, kuasa hukum Rayen Pono"), nearest before ``sentence`` first; else
        the role itself ("kuasa hukum Lisa Rachmat"), never the one it speaks for."""
        phrase = self._relational(role) or ()
        principal = role.split()[len(phrase) :]
        if len(principal) == 1 and principal[0].casefold() in self.ctx.lex.demonstratives:
            return self._spokesperson_before(phrase, sentence) or " ".join(phrase)
        key = "\0".join(["spokesperson", *phrase, *principal])
        if key not in self.roles:
            head = _words_pattern(phrase) + r"(?:nya)?"
            of = r"\s+" + _words_pattern(principal) if principal else rf"(?:\s+{_CAPITALISED_RUN})?"
            name = f"({_CAPITALISED_RUN})"
            patterns = (re.compile(rf"\b{head}{of}\s*,\s*{name}", re.IGNORECASE), re.compile(rf"{name}\s*,\s*{head}{of}\b", re.IGNORECASE))
            hits: list[tuple[int, str]] = []
            for index, text in self.ctx.sentences():
                if phrase[0] not in text.casefold():
                    continue
                for pattern in patterns:
                    for match in pattern.finditer(text):
                        found = _trim_name(match.group(1), self.ctx)
                        first = found.split()[0].casefold()
                        if all(w[:1].isupper() for w in found.split()) and can_speak(found) and first not in self.ctx.lex.not_person \
                                and first not in self.ctx.lex.titles and first not in self.ctx.lex.sentence_starters:  # not "Namun, tim hukum X"
                            hits.append((index, found))
            hits.sort(key=lambda hit: hit[0])
            self.roles[key] = ([index for index, _ in hits], hits)
        indices, hits = self.roles[key]
        if not hits:
            return self._principal_spokesperson(principal, sentence) or role
        before = bisect.bisect_right(indices, sentence)
        index, name = hits[before - 1] if before else hits[0]
        return expand_name(name, self.ctx, index)

    def _principal_spokesperson(self, principal: list[str], sentence: int) -> str | None:
        """Who the article names as speaking for ``principal`` under any such role: "pihak Yoni"
        is the one given as "pengacaranya, Ilham Suardi" in a sentence about Yoni, or as
        "kuasa hukum Yoni, X"; the nearest before ``sentence`` first."""
        if not principal or not principal[0][:1].isupper():
            return None
        first = principal[0]
        heads = [p for p in self.ctx.lex.relational if p != ("pihak",)]
        head = "|".join(_words_pattern(p) for p in heads)
        name = f"({_CAPITALISED_RUN})"
        own = re.compile(rf"\b(?i:{head})\s+{re.escape(first)}\b[\w\s'’.-]*?,\s*{name}")  # "kuasa hukum Yoni Dores, X"
        theirs = re.compile(rf"\b(?i:{head})nya\s*,\s*{name}")  # "pengacaranya, X" in a sentence that names Yoni
        hits: list[tuple[int, str]] = []
        for index, text in self.ctx.sentences():
            matches = list(own.finditer(text))
            if re.search(rf"\b{re.escape(first)}\b", text):
                matches += list(theirs.finditer(text))
            for match in matches:
                found = _trim_name(match.group(1), self.ctx)
                if can_speak(found) and found.split()[0].casefold() not in self.ctx.lex.not_person and found.split()[0] != first:
                    hits.append((index, found))
        if not hits:
            return None
        hits.sort(key=lambda hit: hit[0])
        earlier = [hit for hit in hits if hit[0] <= sentence]
        index, found = earlier[-1] if earlier else hits[0]
        return expand_name(found, self.ctx, index)

    def _spokesperson_before(self, phrase: tuple[str, ...], sentence: int) -> str | None:
        """What "juru bicara tersebut" refers back to: the nearest spokesperson named at or before
        ``sentence`` ("Juru bicara KPK, Budi"), else that role with whom it speaks for as the
        article last gave it ("juru bicara Kementerian Perdagangan China"); never one named later."""
        named = self.spokesperson(" ".join(phrase), sentence)
        indices, hits = self.roles["\0".join(["spokesperson", *phrase])]
        if hits and indices[0] <= sentence:
            return named
        head = re.compile(r"\b(?i:" + _words_pattern(phrase) + r")\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})")
        last = None
        for index, text in self.ctx.sentences():
            if self.position.get(index, 0) > self.position.get(sentence, 0):
                break
            for match in head.finditer(text):
                if match.group(1)[:1].isupper():
                    last = " ".join([*phrase, match.group(1)])
        return last

    def _name_in_mentions(self, ref: SpeakerRef, sentence: int, paragraph: Paragraph) -> str | None:
        try:
            offset = paragraph.start_of(sentence)
        except ValueError:
            offset = 0
        inside = [m for m in self.by_sentence.get(sentence, []) if ref.start <= offset + m.start < ref.end + 1]
        persons = [m for m in inside if m.type.startswith("PER")]
        chosen = persons[-1] if persons else (inside[-1] if inside and inside[-1].end - inside[-1].start > _SHORT_MENTION_CHARS else None)
        return chosen.text if chosen else None

    def pronoun(self, sentence: int, offset: int, paragraph: Paragraph) -> str | None:
        """The person a pronoun at ``offset`` of ``sentence`` refers to."""
        sentence_start = paragraph.sentence_span(offset)[0]
        before = [name for start, name in self.candidates.get(sentence, []) if sentence_start <= start < offset]
        if before:
            return expand_name(before[0], self.ctx, sentence)
        position = self.position[sentence]
        earlier = bisect.bisect_left(self.focused, position)
        if earlier:
            return self.focus[self.order[self.focused[earlier - 1]]] or None  # "": someone the article does not name
        for later in self.order[position + 1 : position + 1 + _CATAPHORA_WINDOW]:
            names = [name for _, name in self.candidates.get(later, [])]
            if names:
                return expand_name(names[0], self.ctx, later)
        return None

    def role(self, role: str, sentence: int) -> str | None:
        """The person the article gives ``role`` to ("Menteri Keuangan Purbaya", "pemimpin X, Y")."""
        if role not in self.roles:  # where the article names the holder of ``role``, found once
            pattern = re.compile(rf"\b{re.escape(role)}\b", re.IGNORECASE)
            hits: list[tuple[int, str]] = []
            for index, text in self.ctx.sentences():
                for match in pattern.finditer(text):
                    names = [name for start, name in self._candidates_after(index, match.end())
                             if not _opens_clause(text, name, match.end())]
                    if names:
                        hits.append((index, names[0]))
            hits.sort(key=lambda hit: hit[0])  # stable: hits of one sentence stay in text order
            self.roles[role] = ([index for index, _ in hits], hits)
        indices, hits = self.roles[role]
        if not hits:
            return None
        # the nearest hit at or before ``sentence``, else the nearest after it (the first of its sentence)
        before = bisect.bisect_right(indices, sentence)
        nearest = indices[before - 1] if before else indices[0]
        index, name = hits[bisect.bisect_left(indices, nearest)]
        return expand_name(name, self.ctx, index)

    def body(self, role: str) -> str:
        """Who speaks for a body ("Polisi mengungkapkan"): the one person the article names in an
        office of it ("Kapolsek Pasar Rebo AKP I Wayan Wijaya"); the body itself, as a role, when it
        names none or several."""
        offices = dict(self.ctx.lex.body_offices).get(role.casefold(), ())
        if not offices:
            return role
        if role.casefold() not in self._bodies:  # found once per article, however often the body speaks
            self._bodies[role.casefold()] = self._one_officer(offices)
        return self._bodies[role.casefold()] or role

    def _one_officer(self, offices: tuple[str, ...]) -> str | None:
        """The one person the article names in one of ``offices``, else None."""
        pattern = re.compile("|".join(rf"\b{_words_pattern(o.split())}\b" for o in offices), re.IGNORECASE)
        named = set()
        for index, text in self.ctx.sentences():
            for match in pattern.finditer(text):
                # the name after the office, or a run that opens with it ("Kapolsek ... AKP I Wayan Wijaya")
                after = [name for _, name in self._candidates_after(index, match.start())
                         if not _opens_clause(text, name, match.end())]
                if after:
                    named.add(expand_name(after[0], self.ctx, index))
        return named.pop() if len(named) == 1 else None

    def _office_of_place(self, role: str) -> str | None:
        """The office of a place the article gives a role and no one for it ("bupati" where it
        writes only "Bupati Temanggung"): "bupati Temanggung", the office as a role; not the
        people of a place ("warga Bantul"), who are no one named."""
        if role.casefold() in RESIDENTS:
            return None
        if role not in self._places_of_office:
            self._places_of_office[role] = self._first_office_of_place(role)
        return self._places_of_office[role]

    def _first_office_of_place(self, role: str) -> str | None:
        pattern = re.compile(rf"\b{_words_pattern(role.split())}\s+(?-i:([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}}))", re.IGNORECASE)
        for _, text in self.ctx.sentences():
            for match in pattern.finditer(text):
                if is_place_name(match.group(1)):
                    return f"{role.casefold()} {match.group(1)}"
        return None

    def _office_before_acronym(self, ref: SpeakerRef, paragraph: Paragraph) -> str | None:
        """The office before a bracketed acronym that is the subject ("Juru Kampanye Lingkar
        Hutan Lestari (LHL) menilai": "Juru Kampanye Lingkar Hutan Lestari"), when a title opens it."""
        text = paragraph.text
        if not ref.text.isupper() or " " in ref.text or text[ref.end : ref.end + 1] != ")" or not text[: ref.start].endswith("("):
            return None
        run = _RUN_BEFORE.search(text, 0, ref.start - 1)
        if run is None:
            return None
        words = run.group(1).split()
        return run.group(1) if words[0].casefold().rstrip(".") in self.ctx.lex.titles and len(words) > 1 else None

    def _office_holder(self, office: str, sentence: int) -> str | None:
        """The person the article names right after ``office`` ("Kepala Ekonom Bank Mandiri Andry
        Asmoro" for "Ekonom Bank Mandiri"), the nearest at or before ``sentence`` first."""
        if office not in self._holders:
            hits = self._office_hits(office)
            self._holders[office] = ([self.position.get(index, 0) for index, _ in hits], hits)
        positions, hits = self._holders[office]
        if not hits:
            return None
        earlier = bisect.bisect_right(positions, self.position.get(sentence, 0))
        index, name = hits[earlier - 1] if earlier else hits[0]
        return expand_name(name, self.ctx, index)

    def _office_hits(self, office: str) -> list[tuple[int, str]]:
        """(sentence, name) of each holder the article names right after ``office``, in reading order."""
        words = office.split()
        office_pattern = _words_pattern(words)
        if len(words) > 1 and len(words[-1]) > 1 and words[-1].isupper():
            # "Juru Kampanye LHL" where the article writes "Juru Kampanye Lingkar Hutan Lestari (LHL), Dimas Prakoso"
            acronym = re.escape(words[-1])
            office_pattern = rf"{_words_pattern(words[:-1])}\s+(?:(?-i:{acronym})|(?-i:(?:[A-Z][\w'’.&-]*\s+){{1,6}})\(\s*(?-i:{acronym})\s*\))"
        # an office, its bracketed short name if any, a comma if any, then the holder's name
        pattern = re.compile(rf"\b{office_pattern}(?:\s*\([^()]{{1,30}}\))?\s*,?\s*(?-i:({_CAPITALISED_RUN}))", re.IGNORECASE)
        hits: list[tuple[int, str]] = []
        for index, text in self.ctx.sentences():
            for match in pattern.finditer(text):
                found = _trim_name(match.group(1).rstrip("."), self.ctx)  # the office's words in any case, the name capitalised
                if found and is_place_name(match.group(1).rstrip(".")) and (after := _HOLDER_AFTER_COMMA.match(text, match.end(1))):
                    found = _trim_name(after.group(1).rstrip("."), self.ctx)  # "Kepala Desa Sidomukti, Suparno": past the place
                if found and _person_words(found.split(), self.ctx) and can_speak(found) \
                        and not _opens_clause(text, found, match.start(1)):
                    hits.append((index, found))
        return hits

    def _candidates_after(self, sentence: int, offset_in_sentence: int) -> list[tuple[int, str]]:
        located = self.ctx.locate(sentence)
        if located is None:
            return []
        paragraph, position = located
        base = paragraph.starts[position]
        return [(s, n) for s, n in self.candidates.get(sentence, []) if 0 <= s - base - offset_in_sentence <= _ROLE_HOLDER_CHARS]

    def settle(self, sentence: int, speakers: list[str], starts_with_pronoun: bool, paragraph: Paragraph) -> None:
        """Record who sentence ``sentence`` is about, for the pronouns after it."""
        if speakers:
            self._set_focus(sentence, speakers[-1])
            self.spoke.append(self.position[sentence])
            return
        if starts_with_pronoun:
            resolved = self.pronoun(sentence, paragraph.start_of(sentence), paragraph)
            if resolved:
                self._set_focus(sentence, resolved)
            return
        spokesperson = self._opening_spokesperson(paragraph, paragraph.start_of(sentence))
        if spokesperson is not None:  # "Pengacara Ridwan Kamil, Muslim Jaya, turut berkomentar": the lawyer, not his client
            self._set_focus(sentence, expand_name(_trim_name(spokesperson, self.ctx), self.ctx, sentence))
            return
        held = bool(self.spoke) and self.position[sentence] - self.spoke[-1] <= _FOCUS_HOLD
        located = self.ctx.locate(sentence)
        candidates = self.candidates.get(sentence, [])
        for number, (offset, name) in enumerate(candidates):  # the first that can speak: not "Papua Barat Daya" before "Fadli Zon"
            at = located[0].text.find(name, offset) if held and located is not None else -1
            if at >= 0 and _undergoes(located[0].text, at + len(name), self.ctx.lex):
                continue  # "Tersangka X juga diamankan": X is acted on; the one speaking stays the one pronouns refer to
            if number + 1 < len(candidates) and located is not None \
                    and _AGENT_BEFORE.search(located[0].text[max(0, offset - _AGENT_CHARS) : offset]):
                continue  # "Ketika ditegaskan oleh Feni Rose, Billy tetap ...": the agent of a passive, then the subject
            expanded = expand_name(name, self.ctx, sentence)
            if can_speak(expanded):
                self._set_focus(sentence, expanded)
                return

    def _opening_spokesperson(self, paragraph: Paragraph, start: int) -> str | None:
        """The person named after a role that speaks for someone or an office opening the sentence
        or an organisation at ``start`` ("Pengacara Ridwan Kamil, Muslim Jaya, ...", "Anggota DPRD
        Fraksi PKS, Iip Makmur, ...", "Fraksi PKS, Iip Makmur, ..."), sentence openers skipped."""
        lex = self.ctx.lex
        end = paragraph.sentence_span(start)[1]
        toks = tokens(paragraph.text, start, end)
        at = 0
        while at < len(toks) and toks[at].lower in lex.sentence_starters:
            at += 1
        if at >= len(toks):
            return None
        if not any(tuple(t.lower for t in toks[at : at + len(p)]) == p for p in lex.relational if p != ("pihak",)):
            # "Anggota DPRD Banten Fraksi PKS, Iip Makmur, menyoroti ...": the person holding the office
            ref = organisation_member(paragraph.text, toks, at, lex)
            return ref.text if ref is not None and ref.kind == "name" and can_speak(ref.text) else None
        ref = speaker_after(paragraph.text, toks, at, lex)
        return ref.text if ref is not None and ref.kind == "name" and can_speak(ref.text) else None

    def unnamed(self, sentence: int) -> None:
        """Record that sentence ``sentence`` quotes someone the article does not name ('"...," ujar
        salah seorang pegawai hotel'): a pronoun after it is that person, not one named before or after."""
        if sentence not in self.focus:
            bisect.insort(self.focused, self.position[sentence])
        self.focus[sentence] = ""

    def _set_focus(self, sentence: int, name: str) -> None:
        if not can_speak(name):
            return
        if sentence not in self.focus:
            bisect.insort(self.focused, self.position[sentence])
        self.focus[sentence] = name


_AGENT_BEFORE = re.compile(r"(?<!\w)oleh\s+$", re.IGNORECASE)  # "oleh" right before a name: who does what a passive tells
_AGENT_CHARS = 12  # characters before a name searched for it
_FOCUS_HOLD = 3  # sentences after one where someone speaks in which a person acted on does not take the pronouns over
_BEFORE_PASSIVE = frozenset({"ikut", "kini", "masih", "akhirnya", "segera", "langsung", "lalu", "kemudian", "juga", "pun", "sudah",
                             "telah", "sempat", "turut", "tengah", "sedang", "baru"})
_PASSIVE_VERB = re.compile(r"di[a-z]{4,}")


def _undergoes(text: str, end: int, lex: QuoteLexicon) -> bool:
    """Whether the name ending at ``end`` of ``text`` is the subject of a passive verb right after
    it ("Budi Harsono juga ikut diamankan", "Andi kini dirawat"): one acted on, not one speaking."""
    for token in tokens(text, end, min(len(text), end + 60)):
        if token.lower in _BEFORE_PASSIVE:
            continue
        return token.text.islower() and _PASSIVE_VERB.fullmatch(token.text) is not None and token.lower not in lex.not_verbs \
            and token.lower not in lex.passive
    return False


def passive_speaker(paragraph: Paragraph, position: int, lex: QuoteLexicon) -> SpeakerRef | None:
    """The named speaker of a sentence that only says who spoke ("Hal senada disampaikan X")."""
    start = paragraph.starts[position]
    end = paragraph.starts[position + 1] - 1 if position + 1 < len(paragraph.starts) else len(paragraph.text)
    said = attribution_next_sentence(paragraph.text[start:end], lex)
    if said is None or said.speaker is None or said.speaker.kind != "name":
        return None
    return SpeakerRef("name", said.speaker.text, start + said.speaker.start, start + said.speaker.end)


def speaker_context(sentences: list[Sentence], paragraphs: list[Paragraph], mentions: list[Mention], lex: QuoteLexicon, found: list[Found],
                    language: str) -> SpeakerContext:
    """What the speaker resolution knows about one article (``paragraphs``, its sentences as
    ``paragraphs_of`` joins them): the words it writes in lowercase, the words its attributions
    name speakers with, and its persons (the NER mentions, else the full names that open a
    sentence or names holding such a word, outside quotes)."""
    # words the article writes in lowercase, not counting a page's tag lines ("(wes/pus) skincare
    # marcel chandrawinata bisnis perawatan kulit"): lines without a sentence's final mark
    prose = " ".join(s.text for s in sentences if s.text.rstrip()[-1:] in '.!?"”\'’)')
    written_lowercase = frozenset(t.text for t in tokens(prose) if t.text.islower())
    lowercase_words = written_lowercase | common_words(language)
    speaker_words: set[str] = set()
    alone: set[str] = set()  # one-word names of speakers ("Indah mengatakan"): a name even if a common word, unless written in lowercase
    for item in found:
        ref = item.attribution.speaker if item.attribution else None
        if ref is not None and ref.kind == "name":
            words = without_titles(ref.text, lex).casefold().split()
            speaker_words.update(words if len(words) <= 2 else words[-1:])
            if len(ref.text.split()) == 1 and not ref.text.isupper():
                alone.add(words[0])
    speaker_words = (speaker_words - lowercase_words) | (alone - written_lowercase - lex.not_person - lex.titles)
    ctx = SpeakerContext(paragraphs, lex, lowercase_words=lowercase_words, written_lowercase=written_lowercase, speaker_words=frozenset(speaker_words))
    if mentions:
        ctx.persons = [(m.sentence, m.start, m.text) for m in mentions if m.type.startswith("PER")]
    else:
        others: list[tuple[int, int, str]] = []  # full names neither opening a sentence nor a speaker's
        openers: set[str] = set()  # one-word runs opening a sentence, alone or after an opener and its comma
        for paragraph in paragraphs:
            quoted = [(s, e) for s, e, _, _ in quote_spans(paragraph.text)]
            quote_starts = [s for s, _ in quoted]
            for position, index in enumerate(paragraph.indices):
                start = paragraph.starts[position]
                end = paragraph.starts[position + 1] - 1 if position + 1 < len(paragraph.starts) else len(paragraph.text)
                for offset, name in _heuristic_names(paragraph.text, start, end, ctx):
                    if covering(quoted, quote_starts, offset):
                        continue
                    before = paragraph.text[start:offset]
                    if _is_subject(name, before, ctx) or set(name.casefold().split()) & ctx.speaker_words:
                        ctx.persons.append((index, offset - start, name))
                    elif len(name.split()) > 1:
                        others.append((index, offset - start, name))
                    elif not before.strip() or (before.rstrip().endswith(",") and _opener_before_comma(before, ctx)):
                        openers.add(name.casefold())
        # a full name given in passing ("teman setia kayak Dakota Johnson") whose first word alone
        # later opens a sentence ("Tanpa basa-basi, Dakota mengangguk"): a person the article is about
        ctx.persons += [other for other in others if other[2].split()[0].casefold() in openers
                        and _person_words(other[2].split(), ctx)]
        ctx.persons.sort()
    return ctx
