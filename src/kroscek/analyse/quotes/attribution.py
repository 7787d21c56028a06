"""Attributions: the speech verb or "menurut"-like phrase of a quote or a statement and how it
names its speaker (a name, a pronoun or a role), read from the words around it before the
speaker is resolved to a person (``speakers``)."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from kroscek.analyse.quotes.lexicon import QuoteLexicon, common_words
from kroscek.analyse.quotes.names import can_speak, is_organisation_like, is_person_like, is_place_name, without_titles
from kroscek.analyse.quotes.paragraphs import TOKEN, tokens
from kroscek.text.sentences import abbreviations
from kroscek.text.tokens import Token

# where and when, set between a speaker and the verb: "X di Gedung Y, Jakarta, Selasa (10/6/2025), mengatakan"
_DATELINE = re.compile(
    r"(?:\s+(?i:saat|ketika|usai|seusai|setelah|sesudah)\s+\w+)?"
    r"(?:\s+(?i:di|dalam|kepada)\s+[^,()]{2,80})?"
    r"(?:\s*,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?"
    r"\s*,\s*(?i:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\b(?:\s*\([^()]{1,20}\))?\s*,?\s*$"
)
NAME_PARTICLES = frozenset({"bin", "binti", "van", "de", "der", "den", "al", "el", "da", "dos", "von", "la", "le", "bt", "bte"})
_AFTER_WINDOW = 6  # tokens after a closing quote searched for the attribution verb
_TITLE_WORDS = 4  # words a title may run before the name it gives ("pengamat ekonomi Faisal Basri")
_RELATIVE_WORDS = 8  # words a relative clause may run between a subject and its verb ("X yang mengawasi ekspor, mengatakan")
_DESCRIPTION_WORDS = 12  # words of a description between a name and its verb ("X, Direktur PT Y, mengatakan")
_INITIAL_CHARS = 2  # a token this short before a dot is an initial, part of the name ("M. Yusuf")
_NEXT_SENTENCE_TOKENS = 16  # tokens at the start of the sentence after a quote read for "Hal itu disampaikan X"
_SOURCE_WORDS = 3  # words after "menurut" (or after "data yang dirilis oleh") searched for a named source


@dataclass(frozen=True)
class SpeakerRef:
    """How an attribution names its speaker, before resolution."""

    kind: str  # name | pronoun | role
    text: str  # the name, pronoun or role word
    start: int  # offset in the paragraph text
    end: int


@dataclass(frozen=True)
class Attribution:
    verb: str | None
    speaker: SpeakerRef | None



def pronoun_verb(token: Token, lex: QuoteLexicon) -> str | None:
    """``ujarnya`` -> ``ujar`` when the suffix marks a pronoun speaker."""
    suffix = lex.pronoun_suffix
    if suffix and token.lower.endswith(suffix):
        stem = token.lower[: -len(suffix)]
        if stem in lex.after_verbs or stem in lex.speech_verbs or stem in {p[0] for p in lex.according if len(p) == 1}:
            return stem
    return None


def match_phrase(toks: list[Token], at: int, phrases: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    for phrase in phrases:
        if tuple(t.lower for t in toks[at : at + len(phrase)]) == phrase:
            return phrase
    return None


def _joined(text: str, left: Token, right: Token, lex: QuoteLexicon) -> bool:
    """Whether two tokens belong to one name: only spaces between them, or the dot of a title,
    an initial or an abbreviation the sentence splitter keeps ("Plt. Direktur", "Prof. Dr. Abdul",
    "Moch. Rizal")."""
    gap = text[left.end : right.start].strip()
    if gap == "&":
        return left.capitalised and right.capitalised  # "Network & Retail Funding", "Johnson & Johnson"
    return not gap or (gap == "." and (left.lower in lex.titles or len(left.text) <= _INITIAL_CHARS
                                       or (left.capitalised and f"{left.lower}." in abbreviations()[0])))


def name_run(text: str, toks: list[Token], at: int, lex: QuoteLexicon) -> list[Token]:
    """The capitalised run starting at ``toks[at]`` (name particles allowed inside, no punctuation);
    an office's "dan" too ("Deputi Penindakan dan Eksekusi KPK Asep Guntur")."""
    run: list[Token] = []
    named = False  # a word of the run so far is no title nor qualifier: a name has begun
    office = False  # the run so far holds only an office's or a body's words, opened by a title or an institution's word
    for index in range(at, len(toks)):  # not ``toks[at:]``: a copy of the rest of a long sentence per call
        token = toks[index]
        if run and not _joined(text, run[-1], token, lex):
            break
        if run and token.lower in RUN_PREPOSITIONS and named:
            break  # '"...," kata Ernest Pada November 2021': a name, then a sentence with no stop before it
        if token.capitalised or (run and token.lower in NAME_PARTICLES):
            pass
        elif token.lower in ("dan", "of") and run and index + 1 < len(toks) and toks[index + 1].capitalised and office:
            pass  # "President of GAC International Wei Haigang": an English office's "of" too
        else:
            break
        # both flags are kept as the run grows: a long run of capitals is read once, not once per word
        office = (office or not run) and _office_word(token, lex) and (bool(run) or _opens_office(token, lex))
        named = named or (token.lower not in lex.titles and token.lower not in lex.qualifiers)
        run.append(token)
    while run and run[-1].lower in NAME_PARTICLES:
        run.pop()
    return run


RUN_PREPOSITIONS = frozenset({"pada", "di", "dari", "dalam", "untuk", "dengan", "sejak", "hingga", "kepada", "saat", "usai", "sementara"})


def _opens_office(token: Token, lex: QuoteLexicon) -> bool:
    """Whether a run's first word opens an office or a body: a title or an institution's word."""
    return token.lower in lex.titles or token.lower in lex.not_person


def _office_word(token: Token, lex: QuoteLexicon) -> bool:
    """Whether a word of a run opened by a title or an institution's word belongs to an office or a
    body ("Deputi Penindakan", "Organisasi Kerja Sama"), not to a name ("Presiden Prabowo")."""
    word = token.lower
    return word in lex.titles or word in lex.qualifiers or word in lex.not_person or word in common_words("id")


def _name_run_before(text: str, toks: list[Token], end: int, lex: QuoteLexicon) -> list[Token]:
    """The capitalised run ending at ``toks[end - 1]``; a degree after a comma ("Abdul Mu'ti,
    M.Ed") belongs to the name before it."""
    run: list[Token] = []
    for index in range(end - 1, -1, -1):
        token = toks[index]
        if run and not _joined(text, token, run[0], lex):
            degrees_only = all(t.lower.replace(".", "") in lex.degrees or t.lower in lex.degrees for t in run)
            if degrees_only and text[token.end : run[0].start].strip() == "," and token.capitalised:
                run = [token]
                continue
            break
        if token.capitalised or (run and token.lower in NAME_PARTICLES):
            run.insert(0, token)
        else:
            break
    return run


def ref_from_run(run: list[Token], lex: QuoteLexicon) -> SpeakerRef | None:
    """A name, or a role when the run is only titles ("kata Presiden")."""
    while run and run[0].lower not in lex.pronouns and (run[0].lower in lex.sentence_starters or run[0].lower.endswith("nya")):
        run = run[1:]
    while len(run) > 1 and run[-1].lower.replace(".", "") in lex.degrees:
        run = run[:-1]
    if not run:
        return None
    if len(run) == 1 and run[0].lower in lex.pronouns:
        return SpeakerRef("pronoun", run[0].lower, run[0].start, run[0].end)
    names = [t for t in run if t.lower.rstrip(".") not in lex.titles]
    if not names and not (run[-1].lower in lex.name_titles and run[-1].capitalised and len(run) == 1):  # "ujar Sultan": a name
        return SpeakerRef("role", run[-1].lower, run[0].start, run[-1].end)
    return SpeakerRef("name", " ".join(t.text for t in run), run[0].start, run[-1].end)


_HANDLE = re.compile(r"(?=[\w.]*[_.\d])[a-z][\w.]*[a-z\d]")  # a social-media handle: lowercase, with "_", "." or a digit


_MASKED_HANDLE = re.compile(r"(?:\s+\w+)?\s+@?\w*\*{2,}")  # "akun @T****", "akun Instagram @blu******": a hidden handle


def _handle_after(text: str, toks: list[Token], at: int, lex: QuoteLexicon) -> SpeakerRef | None:
    """A handle after an account word and the words of posting ("video yang diunggah", "akun
    Instagram"): the account that speaks. Lowercase, with "_", "." or a digit, or written after "@"."""
    while at < len(toks) and (toks[at].lower in lex.posting_words or toks[at].lower in lex.platforms):
        at += 1
    if at >= len(toks) or toks[at].text.lower() != toks[at].text:
        return None
    token = toks[at]
    if _HANDLE.fullmatch(token.text) or text[token.start - 1 : token.start] == "@":
        return SpeakerRef("name", token.text, token.start, token.end)
    return None


def speaker_after(text: str, toks: list[Token], at: int, lex: QuoteLexicon) -> SpeakerRef | None:
    """The speaker named from ``toks[at]`` on: a pronoun, a name (after a lowercase title) or a role."""
    while at < len(toks) and toks[at].lower in {"oleh", "by", "sang", "the", "a", "an"}:
        at += 1
    if at + 1 < len(toks) and toks[at].lower in {"dalam", "di", "lewat", "melalui"} and toks[at + 1].lower in lex.accounts:
        at += 1  # "dijelaskan dalam akun Google X"
    if at < len(toks) and toks[at].lower in lex.accounts:  # "tulis akun Google Laura Kirana", "tulis pernyataan resmi BEM X"
        if _MASKED_HANDLE.match(text, toks[at].end):
            return None  # "tulis akun @T****": an account the article hides, no one named
        if (handle := _handle_after(text, toks, at + 1, lex)) is not None:
            return handle  # "tulis keterangan video yang diunggah pokdarkamtibmas_cakungbarat": the account posting it
        at += 1
        while at < len(toks) and toks[at].lower in lex.platforms:
            at += 1
    if at >= len(toks):
        return None
    token = toks[at]
    if token.lower in lex.pronouns:
        return SpeakerRef("pronoun", token.lower, token.start, token.end)
    if not token.capitalised and at + 1 < len(toks) and toks[at + 1].lower in lex.demonstratives \
            and (token.lower in lex.titles or any(role[0] == token.lower for role in lex.roles)) and token.lower not in lex.collective_roles:
        # "kata peneliti tersebut": the researcher named before, as a pronoun would
        return SpeakerRef("pronoun", toks[at + 1].lower, token.start, toks[at + 1].end)
    relational = _relational_after(text, toks, at, lex)
    if relational is not None:
        return relational
    if token.capitalised:
        run = name_run(text, toks, at, lex)
        after = at + len(run)
        while after < len(toks) and toks[after].text.isdigit() and not text[toks[after - 1].end : toks[after].start].strip():
            after += 1  # "Puteri Indonesia 1996 itu": a year in the description
        if run and after < len(toks) and toks[after].lower in lex.demonstratives and not text[toks[after - 1].end : toks[after].start].strip():
            # "jelas Puteri Indonesia 1996 itu": a description of the one named before, as a pronoun would
            return SpeakerRef("pronoun", toks[after].lower, token.start, toks[after].end)
        if run and run[0].lower in lex.titles and (past := _name_past_acronym(text, toks, at + len(run), lex)) is not None:
            return past
        if (holder := office_holder(text, toks, at, run, lex)) is not None:
            return holder
        if any(t.lower in lex.titles for t in run) and (holder := _holder_past_office(text, toks, at, lex)) is not None:
            return holder
        return ref_from_run(run, lex)
    titled = _name_after_title(text, toks, at, lex)
    if titled is not None and not (titled.kind == "name" and is_place_name(titled.text)):
        return titled
    closing = _closing_appositive(text, toks, at, lex)
    if closing is not None:
        return closing  # "kata profesor sastra Inggris dari Universitas Parma ..., Diego Saglia.": not the place in it
    if titled is not None:
        return titled
    role = match_phrase(toks, at, lex.roles)
    if role:
        return SpeakerRef("role", " ".join(role), token.start, toks[at + len(role) - 1].end)
    return _described_after(text, toks, at, lex)


_LONG_DESCRIPTION_WORDS = 20  # words of a long lowercase-led description a closing name may follow


def _closing_appositive(text: str, toks: list[Token], at: int, lex: QuoteLexicon) -> SpeakerRef | None:
    """A long description after a speech verb that ends in the person's name after a comma and
    closes the sentence ("kata profesor sastra Inggris dari Universitas Parma dan anggota tim
    ilmiah museum, Diego Saglia."): that person, however many places and bodies the description
    names. Only words and commas may stand between the verb and the name."""
    if at >= len(toks) or toks[at].capitalised or toks[at].lower in lex.complementizers or toks[at].lower in lex.pronouns:
        return None
    for position in range(at + 1, min(at + _LONG_DESCRIPTION_WORDS, len(toks))):
        gap = text[toks[position - 1].end : toks[position].start]
        if gap.strip() not in ("", ","):
            return None
        if gap.strip() != "," or not toks[position].capitalised:
            continue
        ref = _appositive(text, toks, position, lex)
        if ref is None or len(ref.text.split()) < 2 or not is_person_like(ref.text, lex) or is_place_name(ref.text):
            continue
        rest = text[ref.end : ref.end + 2].lstrip(" ")
        if not rest or rest[0] in ".\n":
            return ref
    return None


_DESCRIPTION_AFTER_WORDS = 8  # words of a description after a speech verb ("ujar seorang lansia, X", "ujar mantan Komisaris Utama Bank Nagari itu")


def _described_after(text: str, toks: list[Token], at: int, lex: QuoteLexicon) -> SpeakerRef | None:
    """A speaker described after the verb: a lowercase description and the person named after a
    comma ("ujar seorang lansia, Colleen Hoffman"), or a description closed by a demonstrative,
    which refers back like a pronoun ("ujar mantan Komisaris Utama Bank Nagari itu")."""
    if at >= len(toks) or toks[at].capitalised or toks[at].lower in _NOT_DESCRIPTION or toks[at].lower in lex.complementizers \
            or (toks[at].lower in lex.sentence_starters and toks[at].lower not in _DESCRIBING) \
            or toks[at].lower in lex.fillers or toks[at].lower in lex.predicate_words:
        return None  # "jelas bahwa hal itu ...": no one described
    for position in range(at, min(at + _DESCRIPTION_AFTER_WORDS, len(toks))):
        if position > at and text[toks[position - 1].end : toks[position].start].strip():
            return None
        token = toks[position]
        if token.lower in lex.demonstratives and position > at:
            described = toks[at:position]
            if not any(t.lower in lex.titles or t.lower in _DESCRIBING or match_phrase(toks, i, lex.roles)
                       for i, t in enumerate(described, start=at)):
                return None
            return SpeakerRef("pronoun", token.lower, toks[at].start, token.end)
        gap = text[token.end : toks[position + 1].start].strip() if position + 1 < len(toks) else ""
        if gap == ",":
            closing = _list_closed(text, toks, position + 1, lex)
            if closing is not None and any(t.lower in lex.titles or t.lower in _DESCRIBING for t in toks[at : position + 1]):
                # "ucap eks pemain Ajax, AC Milan, Barcelona, dan Newcastle tersebut": a description, back to the one named
                return SpeakerRef("pronoun", toks[closing].lower, toks[at].start, toks[closing].end)
            return _appositive(text, toks, position + 1, lex)
    return None


_LIST_WORDS = frozenset({"dan", "serta", "&"})
_LIST_NAMES = 12  # tokens of a list of names a description may run over before its demonstrative


def _list_closed(text: str, toks: list[Token], at: int, lex: QuoteLexicon) -> int | None:
    """Where a list of names from ``toks[at]`` on ("AC Milan, Barcelona, dan Newcastle") is closed
    by a demonstrative ("tersebut"): its index; None when anything else comes first."""
    for position in range(at, min(at + _LIST_NAMES, len(toks))):
        token = toks[position]
        if position > at and text[toks[position - 1].end : token.start].strip() not in ("", ","):
            return None
        if token.lower in lex.demonstratives and position > at:
            return position
        if not (token.capitalised or token.lower in _LIST_WORDS):
            return None
    return None


_NOT_DESCRIPTION = frozenset({"dalam", "di", "kepada", "pada", "saat", "usai", "seusai", "ketika", "melalui", "lewat", "dengan", "sambil"})
_DESCRIBING = frozenset({"mantan", "eks", "pria", "wanita", "perempuan", "sosok", "lelaki", "seorang", "sang", "salah", "politikus", "politisi", "pengusaha", "aktris", "aktor", "penyanyi", "artis"})


def office_holder(text: str, toks: list[Token], at: int, run: list[Token], lex: QuoteLexicon) -> SpeakerRef | None:
    """The person named after an office and a comma: "Juru Kampanye FWI, Anggi Putra Prayoga",
    "Kepala Ekonom China di Morgan Stanley, Robin Xing", "Kapolres Sumba Barat Daya, AKBP
    Harianto". ``run`` is the capitalised run at ``toks[at]``; it must open with a title and name
    an office (an acronym, an institution's or a place's word, or a word news writes in lowercase)
    rather than a person."""
    if not run or run[0].lower not in lex.titles:
        return None
    rest = [t for t in run if t.lower.rstrip(".") not in lex.titles]
    office = not rest or any(
        (len(t.text) > 1 and t.text.isupper()) or t.lower in lex.not_person or t.lower in lex.qualifiers or t.lower in common_words("id")
        for t in rest
    ) or is_place_name(" ".join(t.text for t in rest))
    if not office:
        return None
    after = at + len(run)
    if after + 1 < len(toks) and toks[after].lower in ("di", "dari", "pada") and toks[after + 1].capitalised:
        after += 1 + len(name_run(text, toks, after + 1, lex))
    if after >= len(toks):
        return None
    if toks[after].lower.rstrip(".") in lex.titles and text[toks[after - 1].end : toks[after].start].strip() == ",":
        titled = name_run(text, toks, after, lex)  # ", AKBP Harianto Rantesalu"
        ref = ref_from_run(titled, lex)
        if ref is not None and ref.kind == "name" and is_person_like(without_titles(ref.text, lex), lex) and can_speak(ref.text):
            return ref
    return _appositive(text, toks, after, lex)


_BRACKETED_ACRONYM = re.compile(r"\s*\(\s*[A-Za-z][\w.&-]{1,20}\s*\)\s*")


_OFFICE_TOKENS = 10  # tokens of an office broken by a bracket or a number ("General Manager (GM) Wilayah 2B Koperasi X")


def _holder_past_office(text: str, toks: list[Token], at: int, lex: QuoteLexicon) -> SpeakerRef | None:
    """The person named after a comma closing an office that a bracketed acronym or a number
    breaks into several runs: "General Manager (GM) Wilayah 2B Koperasi X, Hendra Kusuma"."""
    end = at
    while end < len(toks) and end - at < _OFFICE_TOKENS and (toks[end].capitalised or any(c.isdigit() for c in toks[end].text)):
        end += 1
        if end < len(toks) and text[toks[end - 1].end : toks[end].start].strip() == ",":
            break
    if end == at or end >= len(toks) or end - at >= _OFFICE_TOKENS:
        return None
    person = _appositive(text, toks, end, lex)
    if person is None or len(person.text.split()) < 2 or not is_person_like(person.text, lex):
        return None
    return person


def _name_past_acronym(text: str, toks: list[Token], at: int, lex: QuoteLexicon) -> SpeakerRef | None:
    """The person named after an office's bracketed acronym: "Direktur PT Prima Jaya (PJ) Rudi
    Hartono" -> "Rudi Hartono"; "Ketua Asosiasi X (AX) DIY, Deddy" -> "Deddy"."""
    if not at or at >= len(toks):
        return None
    bracket = _BRACKETED_ACRONYM.match(text, toks[at - 1].end)
    if bracket is None:
        return None
    after = bisect.bisect_left([t.start for t in toks], bracket.end())
    if text.startswith(",", bracket.end()):
        return _appositive(text, toks, after, lex)  # "Juru Kampanye Lingkar Hutan (LHL), Dimas Prakoso"
    if after >= len(toks) or toks[after].start != bracket.end() or not toks[after].capitalised:
        return None
    run = name_run(text, toks, after, lex)
    ref = ref_from_run(run, lex)
    if ref is None or ref.kind != "name":
        return None
    if run[0].lower in lex.not_person or ref.text.isupper() or is_place_name(ref.text):
        return _appositive(text, toks, after + len(run), lex)
    if len(run) == 1 and (person := _appositive(text, toks, after + 1, lex)) is not None and len(person.text.split()) == 1 \
            and is_person_like(person.text, lex):
        return person  # "Wali Kota (Walkot) Jaktim, Munjirin": the office's region, then the one who holds it
    return ref


# words that never describe the one who speaks before his name: to whom, where, with whom he speaks
_NOT_OCCUPATION = frozenset({
    "kepada", "dengan", "di", "dari", "untuk", "pada", "ke", "bersama", "oleh", "dan", "atau", "saat", "ketika", "usai",
    "seusai", "seperti", "tentang", "soal", "terkait", "bagi", "menurut", "melalui", "lewat", "sambil", "sebelum", "setelah",
    "yang", "itu", "ini", "tersebut", "pun", "juga", "lagi", "pula", "kala", "sejak", "hingga", "sampai", "antara", "atas",
    # a relation: "kata ibunda Rina" is Rina's mother speaking, not Rina
    "ibu", "ibunda", "ayah", "ayahanda", "bapak", "istri", "suami", "anak", "putra", "putri", "kakak", "adik", "keluarga",
    "kerabat", "teman", "sahabat", "rekan", "pacar", "kekasih", "tetangga", "paman", "bibi", "nenek", "kakek", "cucu",
    "orang", "tua", "mertua", "menantu", "saudara", "saudari", "sepupu", "penggemar", "fans", "sumber", "tim", "pihak",
})


def _occupation(words: list[Token], lex: QuoteLexicon) -> bool:
    """Whether lowercase words before a name say what the person is ("pedagang", "pengemudi
    ojek", "penyanyi"): nouns, no word of a phrase's frame (a preposition, a demonstrative) and no
    verb by its prefix ("menyapa", "berkata", "ditemui")."""
    return all(
        not w.capitalised and w.lower not in _NOT_OCCUPATION and w.lower not in lex.fillers and w.lower not in lex.complementizers
        and not w.lower.startswith(("me", "ber", "di", "ter")) and w.text.isalpha()
        for w in words
    )


_MISSPELT_FROM = 6  # letters a title must have for a word one letter off it to read as that title


def _misspelt_title(word: str, lex: QuoteLexicon) -> bool:
    """A lowercase word one letter off a long title ("anggot" for "anggota"): a scrape's typo, read as the title."""
    return len(word) >= _MISSPELT_FROM - 1 and word.isalpha() and bool(_titles_near(word, lex.titles))


@lru_cache(maxsize=4096)
def _titles_near(word: str, titles: frozenset[str]) -> tuple[str, ...]:
    return tuple(t for t in titles if len(t) >= _MISSPELT_FROM and t[:3] == word[:3] and Levenshtein.distance(word, t) == 1)


def _name_after_title(text: str, toks: list[Token], at: int, lex: QuoteLexicon) -> SpeakerRef | None:
    """``pengamat ekonomi Faisal Basri`` / ``opposition leader Mark Tully``: the name after a title."""
    for position in range(at, min(at + _TITLE_WORDS, len(toks))):
        token = toks[position]
        if position > at and text[toks[position - 1].end : token.start].strip(" ,"):
            return None
        if token.capitalised:
            described = toks[at:position]
            run = name_run(text, toks, position, lex)
            after = position + len(run)
            if described and position < after < len(toks) and toks[after].lower in lex.demonstratives \
                    and not text[toks[after - 1].end : toks[after].start].strip():
                # "pesan bintang sinetron Ketika Cinta Memanggilmu itu": a title inside a description of the one named before
                return SpeakerRef("pronoun", toks[after].lower, toks[at].start, toks[after].end)
            ref = ref_from_run(run, lex)
            if not any(t.lower in lex.titles or match_phrase(toks, i, lex.roles) or _misspelt_title(t.lower, lex)
                       for i, t in enumerate(described, start=at)):
                if described and _occupation(described, lex) and ref is not None and ref.kind == "name" \
                        and is_person_like(ref.text, lex) and can_speak(ref.text) and not ref.text.isupper():
                    return ref  # "kata pedagang Yanto", "ujar pengemudi ojek Rudi Hartono": what the person does, then the name
                return None
            if ref is not None and ref.kind == "name" and (run[0].lower in lex.not_person or ref.text.isupper() or is_place_name(ref.text)):
                return _appositive(text, toks, position + len(run), lex) or ref  # "pelatih Timnas Indonesia, Patrick Kluivert"
            return ref
    return None


def _match_relational(toks: list[Token], at: int, lex: QuoteLexicon) -> tuple[str, ...] | None:
    """A role that speaks for someone ("kuasa hukum", "juru bicara") at ``toks[at]``; its last
    word may carry the possessive ("kuasa hukumnya")."""
    for phrase in lex.relational:
        words = [t.lower for t in toks[at : at + len(phrase)]]
        possessive = phrase[-1] + "nya" if phrase != ("pihak",) else None  # "pihaknya" is "we", not a side's spokesperson
        if len(words) == len(phrase) and words[:-1] == list(phrase[:-1]) and words[-1] in (phrase[-1], possessive):
            return phrase
    return None


def _relational_after(text: str, toks: list[Token], at: int, lex: QuoteLexicon) -> SpeakerRef | None:
    """``kuasa hukum Lisa`` / ``juru bicara KPK`` / ``kuasa hukumnya, Calvin``: the named person
    after an appositive comma, else the role with whom it speaks for (a role, not that person)."""
    role = _match_relational(toks, at, lex)
    if role is None:
        return None
    last = at + len(role) - 1
    end = last + 1
    principal: list[str] = []
    if not toks[last].lower.endswith("nya") and end < len(toks) and not text[toks[last].end : toks[end].start].strip():
        if toks[end].capitalised:
            run = name_run(text, toks, end, lex)
            person = _person_after_organisation(run, lex)
            if person:  # "jubir KPK Budi Prasetyo": the spokesperson is named after whom he speaks for
                return SpeakerRef("name", " ".join(t.text for t in person), person[0].start, person[-1].end)
            principal = [t.text for t in run]
            end += len(run)
        elif toks[end].lower in lex.principals or toks[end].lower in lex.demonstratives:
            principal = [toks[end].text]  # "juru bicara tersebut": the one named before
            end += 1
    named = _appositive(text, toks, end, lex)
    if named is not None:
        return named
    return SpeakerRef("role", " ".join([*role, *principal]), toks[at].start, toks[end - 1].end)


def _person_after_organisation(run: list[Token], lex: QuoteLexicon) -> list[Token]:
    """The person's name closing a run opened by an organisation and its qualifiers ("KPK Budi
    Prasetyo", "Kementerian Luar Negeri Rolliansyah Soemirat"); empty when the run opens with a
    name ("Lisa Rachmat", the client)."""
    at = 0
    while at < len(run) and (
        (len(run[at].text) > 1 and run[at].text.isupper()) or run[at].lower in lex.not_person or run[at].lower in lex.qualifiers
        or is_place_name(run[at].text)
    ):
        at += 1
    person = run[at:]
    if not at or len(person) < 2 or not is_person_like(" ".join(t.text for t in person), lex) or not can_speak(" ".join(t.text for t in person)):
        return []
    return person


def organisation_member(text: str, toks: list[Token], at: int, lex: QuoteLexicon) -> SpeakerRef | None:
    """The person named after an organisation's name and a comma at ``toks[at]`` ("Fraksi PKS,
    Iip Makmur, ..."), or after an office ("Anggota DPRD Banten, Iip Makmur")."""
    run = name_run(text, toks, at, lex)
    if not run or len(run) > _OFFICE_WORDS:
        return None
    if (office := office_holder(text, toks, at, run, lex)) is not None:
        return office  # "Wakil Presiden Optimalisasi Aset PT KAI Pariwisata, Anton Poniman": an office may run longer
    if len(run) > _ORGANISATION_WORDS:
        return None
    if not any(len(t.text) > 1 and t.text.isupper() for t in run) and run[0].lower not in lex.not_person:
        return None  # not an organisation's name: no acronym, no institution's word
    person = _appositive(text, toks, at + len(run), lex)
    if person is None or len(person.text.split()) < 2 or any(_CAMEL_JOIN.search(word) for word in person.text.split()):
        return None  # "..., Ini AlasannyaPotret Liburan": headlines run together, not a person
    return person


_ORGANISATION_WORDS = 6  # words of an organisation's name opening a sentence
_OFFICE_WORDS = 9  # words of an office, its title first, opening a sentence before its holder's name
_CAMEL_JOIN = re.compile(r"[a-z][A-Z]")


def _appositive(text: str, toks: list[Token], at: int, lex: QuoteLexicon) -> SpeakerRef | None:
    """The person named after a comma at ``toks[at]`` (", Calvin Wijaya,"; "(LHL), Dimas Prakoso"
    after a bracketed acronym), if a person's name."""
    if at >= len(toks) or text[toks[at - 1].end : toks[at].start].replace(" ", "") not in (",", "),") or not toks[at].capitalised:
        return None
    ref = ref_from_run(name_run(text, toks, at, lex), lex)
    if ref is None or ref.kind != "name" or ref.text.split()[0].casefold() in lex.not_person or not can_speak(ref.text):
        return None
    return ref


_PUNCTUATION = re.compile(r"[^\w\s'’-]")  # a mark that breaks a phrase (an apostrophe or hyphen is part of a word)
_PUNCTUATION_BUT_AMPERSAND = re.compile(r"[^\w\s'’&-]")  # the same, "&" inside an office's name aside


def _punctuated(text: str, toks: list[Token], left: int, right: int, marks: re.Pattern[str] = _PUNCTUATION) -> bool:
    """Whether a mark stands between the end of ``toks[left]`` and the start of ``toks[right]``."""
    return marks.search(text, toks[left].end, toks[right].start) is not None


def _before_adverbs(toks: list[Token], end: int, lex: QuoteLexicon) -> int:
    """``end`` moved back over the fillers other than "yang" right before it ("memang selalu
    mengingatkan"): where the words before the verb end; ``end`` itself when all are fillers."""
    inner = end
    while inner > 1 and toks[inner - 1].lower in lex.fillers and toks[inner - 1].lower != "yang":
        inner -= 1
    return inner if inner > 1 else end


def speaker_before(text: str, toks: list[Token], end: int, lex: QuoteLexicon) -> SpeakerRef | None:
    """The subject ending just before ``toks[end]``, fillers ("juga", "yang") skipped; a noun with
    a demonstrative ("aktris itu") refers back like a pronoun; where and when between the subject
    and the verb are skipped ("X di Jakarta, Selasa (10/6/2025), mengatakan")."""
    if 0 < end < len(toks) and text[toks[end - 1].end : toks[end].start].strip() == "," and not toks[end - 1].capitalised:
        # "Seorang juru bicara X yang mengawasi ekspor, mengatakan": the subject before the relative clause
        for at in range(end - 1, max(0, end - _RELATIVE_WORDS) - 1, -1):
            if toks[at].lower == "yang":
                if at and (subject := speaker_before(text, toks, at, lex)) is not None:
                    return subject
                break
    elif 1 < (inner := _before_adverbs(toks, end, lex)) < len(toks) and not toks[inner - 1].capitalised \
            and toks[inner - 1].lower not in lex.fillers \
            and toks[inner - 1].lower not in lex.demonstratives:  # "Aktris yang tinggal di AS itu mengaku": refers back
        # "Ia yang sudah syuting sejak kecil menuturkan": a pronoun or a name, then a relative clause
        # with no punctuation in it, then the verb (adverbs before it aside: "... memang selalu mengingatkan")
        for at in range(inner - 2, max(0, inner - _RELATIVE_WORDS) - 1, -1):
            if _punctuated(text, toks, at, at + 1):
                break
            if toks[at].lower == "yang":
                if at and (toks[at - 1].lower in lex.pronouns or (toks[at - 1].capitalised and at > 1)) \
                        and (subject := speaker_before(text, toks, at, lex)) is not None and subject.kind != "role":
                    return subject
                break
    if (described := _name_before_description(text, toks, end, lex)) is not None:
        return described
    if 0 < end < len(toks) and (dateline := _DATELINE.search(text, toks[0].start, toks[end].start)):
        end = bisect.bisect_right([t.end for t in toks[:end]], dateline.start())
    while end > 0:
        if toks[end - 1].lower in lex.fillers and not toks[end - 1].capitalised:
            end -= 1
        elif end > 2 and toks[end - 2].lower in _MANNER and not toks[end - 1].capitalised and toks[end - 1].lower not in lex.demonstratives \
                and not _punctuated(text, toks, end - 3, end - 1):
            end -= 2  # "Ia pun dengan tenang menyebut", "Megan secara terbuka mengungkapkan": how, not who
        else:
            break
    if end > 1 and toks[end - 1].lower in lex.demonstratives:
        if toks[end - 2].lower in lex.things:
            return None  # "Unggahan tersebut menyebutkan": a post, a report or a video is not one who speaks
        return SpeakerRef("pronoun", toks[end - 1].lower, toks[end - 1].start, toks[end - 1].end)
    if end <= 0:
        return None
    token = toks[end - 1]
    if token.lower in lex.pronouns:
        return SpeakerRef("pronoun", token.lower, token.start, token.end)
    for role in lex.relational:
        start = end - len(role)
        if start >= 0 and _match_relational(toks, start, lex) == role and not token.capitalised:
            if role == ("pihak",):
                return None  # "kedua belah pihak menyatakan": sides, no one speaking for anyone named
            return SpeakerRef("role", " ".join(role), toks[start].start, token.end)
    for role in lex.roles:
        if tuple(t.lower for t in toks[max(0, end - len(role)) : end]) == role and not token.capitalised:
            return SpeakerRef("role", " ".join(role), toks[end - len(role)].start, token.end)
    if token.capitalised and token.lower in _LEGAL_FORMS and end > 1 and text[token.start - 1 : token.start] == "(" \
            and text[token.end : token.end + 1] == ")" and toks[end - 2].capitalised:
        return speaker_before(text, toks, end - 1, lex)  # "PT ASDP Indonesia Ferry (Persero) memprediksi": the company
    if token.capitalised:
        run = _name_run_before(text, toks, end, lex)
        first = end - len(run)
        if run and run[0].lower in lex.documents:
            return None  # "Laporan Bank Dunia menyebut", "Surat Edaran Menkes menyatakan": a document, not one who speaks
        body = toks[first - 1].lower if first else ""
        if body in dict(lex.body_offices) and not toks[first - 1].capitalised \
                and (len(run) == 1 or is_place_name(" ".join(t.text for t in run))):
            # "polisi Bavaria mengatakan": the police of a place, a body that speaks (not the place)
            return SpeakerRef("role", " ".join([body, *(t.text for t in run)]), toks[first - 1].start, token.end)
        if residents_subject(text, toks, end, lex):
            return None  # "banyak warga Gaza mengatakan": the people of a place, no one person
        if (joined := _body_joined_before(text, toks, first, run, lex)) is not None:
            return joined  # "Kementerian Pemuda dan Olahraga mengatakan": the ministry, not "Olahraga"
        if (named := _name_before_office(text, toks, end, lex)) is not None:
            return named  # "Yusak Billy sebagai Sales & Marketing Director PT Honda Prospect Motor membeberkan"
        for at in range(first - 1, max(0, first - _SETTING_WORDS) - 1, -1):
            # "Burhanudin Muhtadi dalam bukunya Kuasa Uang menyebutkan": the book is where, not who
            if toks[at].capitalised or _punctuated(text, toks, at, at + 1):
                break
            if toks[at].lower == "dalam" and at < first - 1 and at and toks[at - 1].capitalised:
                return speaker_before(text, toks, at, lex)
        if first > 1 and toks[first - 1].lower in _OBJECT_PREPOSITIONS:
            # "Abdul Mu'ti dalam rapat kerja dengan Komisi X memaparkan": X is met with, the subject comes before "dalam"
            for at in range(first - 2, max(0, first - _RELATIVE_WORDS) - 1, -1):
                if _punctuated(text, toks, at, at + 1):
                    break
                if toks[at].lower in _SETTING_PREPOSITIONS and at and toks[at - 1].capitalised:
                    return speaker_before(text, toks, at, lex)
            return None
        for role in lex.relational:  # "juru bicara Departemen Luar Negeri mengatakan": the spokesperson
            start = first - len(role)
            if start >= 0 and _match_relational(toks, start, lex) == role and toks[first - 1].lower == role[-1]:
                return SpeakerRef("role", " ".join([*role, *(t.text for t in run)]), toks[start].start, token.end)
        if len(run) > 1 and run[0].lower == "pihak" and ("pihak",) in lex.relational:  # "Pihak Yoni Dores menyatakan": his side speaks
            return SpeakerRef("role", " ".join(["pihak", *(t.text for t in run[1:])]), run[0].start, token.end)
        return _subject_before_affiliation(text, toks, first, run, lex) or _subject_before_apposition(text, toks, first, lex) \
            or ref_from_run(run, lex)
    return None


def _body_joined_before(text: str, toks: list[Token], first: int, run: list[Token], lex: QuoteLexicon) -> SpeakerRef | None:
    """A body's name joined by "dan" or "serta" that ends in ``run`` ("Kementerian Pemuda dan
    Olahraga", "Badan Pengawas Obat dan Makanan"): the whole name, opened by a capitalised word that
    is no acronym, where the whole reads as an organisation's."""
    if first < 2 or toks[first - 1].lower not in ("dan", "serta") or not toks[first - 2].capitalised \
            or _punctuated(text, toks, first - 2, first):
        return None
    before = _name_run_before(text, toks, first - 1, lex)
    if not before or before[0].text.isupper():
        return None
    whole = text[before[0].start : run[-1].end]
    return SpeakerRef("name", whole, before[0].start, run[-1].end) if is_organisation_like(whole, lex) else None


_LEGAL_FORMS = frozenset({"persero", "tbk", "perum", "perseroda"})  # a company's legal form in brackets after its name
_APPOSITION_WORDS = 5  # words describing an affiliation before the name set off by commas


def _subject_before_apposition(text: str, toks: list[Token], first: int, lex: QuoteLexicon) -> SpeakerRef | None:
    """The person before an affiliation whose name is set off by commas: "Jay Sorensen dari
    konsultan penerbangan AS, IdeaWorks, mengatakan" (Jay Sorensen, not IdeaWorks)."""
    if first < 3 or "," not in text[toks[first - 1].end : toks[first].start]:
        return None
    for at in range(first - 1, max(0, first - 1 - _APPOSITION_WORDS), -1):
        if at < first - 1 and _punctuated(text, toks, at, at + 1):
            return None
        if toks[at].lower == "dari" and at and not _punctuated(text, toks, at - 1, at):
            ref = ref_from_run(_name_run_before(text, toks, at, lex), lex)
            if ref is not None and ref.kind == "name" and can_speak(ref.text) and is_person_like(ref.text, lex):
                return ref
            return None
        if toks[at].capitalised and not toks[at].text.isupper():
            return None  # another name: not a description of the affiliation
    return None


RESIDENTS = frozenset({"warga", "penduduk", "masyarakat", "rakyat"})  # before a place: its people


_AS_OFFICE_WORDS = 14  # words of an office after "sebagai" before the verb


def _name_before_office(text: str, toks: list[Token], end: int, lex: QuoteLexicon) -> SpeakerRef | None:
    """The person named before "sebagai" and the office it gives him, right before the verb
    ("Yusak Billy sebagai Sales & Marketing and After Sales Director PT Honda Prospect Motor")."""
    for at in range(end - 1, max(0, end - _AS_OFFICE_WORDS) - 1, -1):
        if at + 1 < len(toks) and _punctuated(text, toks, at, at + 1, _PUNCTUATION_BUT_AMPERSAND):
            return None
        if toks[at].lower == "sebagai":
            if at == 0 or not all(t.capitalised or t.lower in ("and", "dan", "of") for t in toks[at + 1 : end]):
                return None
            run = _name_run_before(text, toks, at, lex)
            ref = ref_from_run(run, lex) if run else None
            if ref is None or ref.kind != "name" or not is_person_like(ref.text, lex) or len(ref.text.split()) < 2:
                return None
            return ref
        if not toks[at].capitalised and toks[at].lower not in ("and", "dan", "of"):
            return None
    return None


def residents_subject(text: str, toks: list[Token], end: int, lex: QuoteLexicon) -> bool:
    """Whether the subject ending before ``toks[end]`` is the people of a place ("warga Gaza")."""
    if not end or not toks[end - 1].capitalised:
        return False
    run = _name_run_before(text, toks, end, lex)
    first = end - len(run)
    return bool(run) and first > 0 and toks[first - 1].lower in RESIDENTS and is_place_name(" ".join(t.text for t in run))

_MANNER = frozenset({"secara", "dengan"})  # opening a manner adverb of one word between a subject and its verb


def _name_before_description(text: str, toks: list[Token], end: int, lex: QuoteLexicon) -> SpeakerRef | None:
    """"Kiki Zulkarnain, Chief Program Officer ANTV, berharap" / "Rina Kartika, Direktur PT
    Sumber Air, mengatakan": the person who opens the sentence, not the end of the description
    set off by commas between the name and the verb."""
    if not 0 < end < len(toks):
        return None
    if toks[end - 1].lower in lex.demonstratives and end > 1 and not text[toks[end - 1].end : toks[end].start].strip():
        end -= 1  # "Mezty Mez, Co-founder Artist Inc. ini menambahkan": the description closes with "ini"
    elif text[toks[end - 1].end : toks[end].start].strip() != ",":
        return None
    for at in range(end - 1, max(0, end - _DESCRIPTION_WORDS) - 1, -1):
        if at and text[toks[at - 1].end : toks[at].start].strip() == ",":
            run = _name_run_before(text, toks, at, lex)
            first = at - len(run)
            if not run or any(t.lower not in lex.sentence_starters for t in toks[:first]):
                return None
            if any(first >= len(c) and tuple(t.lower for t in toks[first - len(c) : first]) == c for c in lex.citing):
                return None  # "Dikutip dari Thenews.com, penyanyi berusia 43 tahun itu menjelaskan": where it was read
            ref = ref_from_run(run, lex)
            if ref is None or ref.kind != "name" or not is_person_like(ref.text, lex) or is_organisation_like(ref.text, lex) \
                    or not can_speak(ref.text) or any(t.lower in lex.titles or t.lower in lex.not_person for t in run):
                return None
            return ref
    return None


_OBJECT_PREPOSITIONS = frozenset({"dengan", "bersama", "kepada", "terhadap", "bagi", "untuk", "tentang", "mengenai"})  # a name after them is not the subject
_SETTING_WORDS = 4  # lowercase words from "dalam" to a name it sets the scene with ("dalam bukunya Kuasa Uang")
_SETTING_PREPOSITIONS = frozenset({"dalam", "di", "saat", "ketika", "usai", "seusai", "pada", "setelah"})  # open where and when
_ORG_CONNECTORS = frozenset({"of", "for", "and", "the", "&", "on", "in"})


def _subject_before_affiliation(text: str, toks: list[Token], first: int, run: list[Token], lex: QuoteLexicon) -> SpeakerRef | None:
    """The subject named before what only places it: "Raden dari WALHI Kalimantan Selatan
    menilai" (a person from an organisation: Raden), "Kamar Dagang AS di China mengatakan" (an
    organisation in a place: the chamber, not China). ``run`` ends just before the verb and starts
    at ``toks[first]``."""
    at = first
    while at > 1 and toks[at - 1].lower in _ORG_CONNECTORS and toks[at - 2].capitalised:  # "Green of Borneo"
        at -= 2
        while at > 0 and toks[at - 1].capitalised and _joined(text, toks[at - 1], toks[at], lex):
            at -= 1
    if at < 2 or toks[at - 1].lower not in ("dari", "di") or text[toks[at - 2].end : toks[at - 1].start].strip():
        return None
    if toks[at - 1].lower == "di":
        place = " ".join(t.text for t in toks[at:first + len(run)])
        if at != first or not (is_place_name(place) or all(t.lower in lex.not_person for t in run)):
            return None  # "di" before an organisation: not a where
    before = _name_run_before(text, toks, at - 1, lex)
    ref = ref_from_run(before, lex)
    if ref is None or ref.kind != "name" or not can_speak(ref.text):
        return None
    if toks[at - 1].lower == "dari" and not is_person_like(ref.text, lex):
        return None
    return ref


def attribution_after(text: str, start: int, end: int, lex: QuoteLexicon) -> Attribution | None:
    """``"…," kata X`` / ``"…," ujarnya`` / ``"…," X said`` in ``text[start:end]``."""
    toks = tokens(text, start, end)
    skip = 1 if toks and toks[0].lower in {"demikian", "begitu", "seperti", "sebagaimana"} else 0
    for position, token in enumerate(toks[skip : skip + _AFTER_WINDOW], start=skip):
        stem = pronoun_verb(token, lex)
        if stem and position == skip:
            return Attribution(stem, SpeakerRef("pronoun", token.lower, token.start, token.end))
        if position == skip and (token.lower in lex.passive or token.lower in lex.inserted_passive or token.lower == "ditulis"):
            # '"…," seperti ditulis akun Google X' / '"…," disampaikan oleh X': the speaker after it, or no one
            speaker = speaker_after(text, toks, position + 1, lex)
            return Attribution(token.lower, speaker if speaker is not None and speaker.kind == "name" else None)
        if token.lower not in lex.after_verbs and token.lower not in lex.speech_verbs:
            continue
        if position == skip:
            return Attribution(token.lower, speaker_after(text, toks, position + 1, lex))
        subject = speaker_before(text, toks, position, lex)
        if subject is not None and subject.start == toks[skip].start:
            return Attribution(token.lower, subject)
        return None
    return None


def attribution_before(text: str, start: int, end: int, lex: QuoteLexicon) -> Attribution | None:
    """``X mengatakan: "…"``, ``Menurut X, "…"``, ``Kata X, "…"`` in ``text[start:end]``."""
    toks = tokens(text, start, end)
    found: Attribution | None = None
    for position, token in enumerate(toks):
        according = match_phrase(toks, position, lex.according)
        if according:
            speaker = speaker_after(text, toks, position + len(according), lex)
            if speaker and (found is None or found.speaker is None):
                found = Attribution(" ".join(according), speaker)
            continue
        stem = pronoun_verb(token, lex)
        if stem in {p[0] for p in lex.according}:
            found = Attribution(stem, SpeakerRef("pronoun", token.lower, token.start, token.end))
        elif token.lower in lex.speech_verbs:
            speaker = speaker_before(text, toks, position, lex)
            if speaker is not None or found is None:
                found = Attribution(token.lower, speaker)
        elif token.lower in lex.after_verbs and (position == 0 or text[toks[position - 1].end : token.start].strip()):
            speaker = speaker_after(text, toks, position + 1, lex)
            if speaker is not None:
                found = Attribution(token.lower, speaker)
    return found


def attribution_next_sentence(text: str, lex: QuoteLexicon) -> Attribution | None:
    """``Hal itu disampaikan X …`` / ``Demikian kata X`` opening the sentence after a quote."""
    toks = [Token(m.group(), m.start(), m.end()) for m in itertools.islice(TOKEN.finditer(text), _NEXT_SENTENCE_TOKENS)]
    at = 0
    subject = match_phrase(toks, 0, lex.passive_subjects)
    if subject:
        at = len(subject)
        while at < len(toks) and toks[at].lower in lex.fillers:
            at += 1  # "Pendapat serupa juga disampaikan oleh X"
    if at < len(toks) and (toks[at].lower in lex.passive or (subject and toks[at].lower in lex.after_verbs)):
        verb = toks[at].lower
        speaker = speaker_after(text, toks, at + 1, lex)
        return Attribution(verb, speaker) if speaker else None
    return None



def source_after(text: str, toks: list[Token], at: int, lex: QuoteLexicon) -> SpeakerRef | None:
    """The named source after a common noun: ``menurut laporan FAO``, ``according to data from X``,
    ``menurut data yang dirilis oleh Administrasi Umum Bea Cukai China`` (its author: not "memo
    yang ditinjau oleh Reuters", which Reuters only read)."""
    words = [t.lower for t in toks[at + 1 : at + 4]]
    if len(words) == 3 and words[0] == "yang" and words[1] in _AUTHORED and words[2] == "oleh":
        at += 4
    for position in range(at, min(at + _SOURCE_WORDS, len(toks))):
        if toks[position].capitalised:
            return ref_from_run(name_run(text, toks, position, lex), lex)
    return None


_AUTHORED = frozenset({"dirilis", "diterbitkan", "dikeluarkan", "dipublikasikan", "disusun", "dibuat", "disampaikan"})

