"""Quotes and reported speech, each with its speaker.

Direct quotes are the spans between quotation marks (“…”, "…", ‘…’, «…»), found per paragraph so
that a quote running over several sentences stays whole. Each gets its attribution from the text
after it (``"…," kata Menteri X``, ``"…," ujarnya``, ``"…," he said``), before it (``X mengatakan:
"…"``, ``Menurut X, "…"``) or the next sentence (``Hal itu disampaikan X``). Reported speech is a
sentence with a speech verb and a speaker but no quotation marks (``X mengatakan bahwa …``).

Speakers named by a pronoun ("ia", "dia", "-nya", "he") resolve to the person the text is about
at that point; a role ("pemimpin yang memproklamirkan diri", "the minister") to the person that
role is given to in the article; a bare last name to the fullest form of the name in the article.
Person names come from the NER mentions when given and from capitalised words otherwise.
Attribution words are per language in ``resources/quotes/<language>.json``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import cache

from kroscek.text import lexicon as resources
from kroscek.text.words import word_counts
from kroscek.model import Mention, Quote, Sentence
from kroscek.text.tokens import Token

_TOKEN = re.compile(r"\w+(?:['’\-.]\w+)*", re.UNICODE)
_WORD_RUN = re.compile(r"\w+")
_QUOTE_PATTERNS = (
    re.compile(r"“([^“”]+)(?:”|$)"),
    re.compile(r"«([^«»]+)(?:»|$)"),
    re.compile(r"„([^„“”]+)[“”]"),
    re.compile(r'"([^"]+)(?:"|$)'),
    re.compile(r"(?<!\w)‘([^‘’]+?)’(?!\w)"),
    re.compile(r"(?<![\w'])'(\w[^']*?)'(?!\w)"),
)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
# where and when, set between a speaker and the verb: "X di Gedung Y, Jakarta, Selasa (10/6/2025), mengatakan"
_DATELINE = re.compile(
    r"(?:\s+(?i:saat|ketika|usai|seusai|setelah|sesudah)\s+\w+)?"
    r"(?:\s+(?i:di|dalam|kepada)\s+[^,()]{2,80})?"
    r"(?:\s*,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?"
    r"\s*,\s*(?i:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\b(?:\s*\([^()]{1,20}\))?\s*,?\s*$"
)
_NAME_PARTICLES = frozenset({"bin", "binti", "van", "de", "der", "den", "al", "el", "da", "dos", "von", "la", "le", "bt", "bte"})
_MIN_UNATTRIBUTED_WORDS = 5  # shorter quoted spans without attribution are terms, titles or scare quotes
_MIN_REPORTED_WORDS = 3
_SCARE_WORDS = 3  # a quoted span this short inside a reported clause marks a word, it is not a quote
_AFTER_WINDOW = 6  # tokens after a closing quote searched for the attribution verb
_CATAPHORA_WINDOW = 2
_TITLE_CASE_SHARE = 0.7
_TITLE_WORDS = 4
_RELATIVE_WORDS = 8  # words a relative clause may run between a subject and its verb ("X yang mengawasi ekspor, mengatakan")
_DESCRIPTION_WORDS = 12  # words of a description between a name and its verb ("X, Direktur PT Y, mengatakan")
_GROUP_WORDS = 5  # words of an unnamed group's subject ("sejumlah organisasi lingkungan")
_OPENING_WORDS = 4  # words an opening "menurut X," may come after ("Atas hal tersebut, menurutnya,")
_INSERTED_WORDS = 8  # words an inserted ", kata dia," may come after ("Adapun hingga saat ini, kata dia,")  # lowercase words a title may take before the name ("pengamat politik senior X")  # sentences ahead searched when nothing before names the speaker


@dataclass(frozen=True)
class Lexicon:
    """The attribution words of one language (see ``resources/quotes/id.json``)."""

    after_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    according: tuple[tuple[str, ...], ...]
    passive: frozenset[str]
    passive_subjects: tuple[tuple[str, ...], ...]
    pronouns: frozenset[str]
    pronoun_suffix: str
    titles: frozenset[str]
    qualifiers: frozenset[str]
    degrees: frozenset[str]
    roles: tuple[tuple[str, ...], ...]
    fillers: frozenset[str]
    complementizers: frozenset[str]
    request_complementizers: frozenset[str]
    needs_complement: frozenset[str]
    demonstratives: frozenset[str]
    not_person: frozenset[str]
    sentence_starters: frozenset[str]
    relational: tuple[tuple[str, ...], ...] = ()
    principals: frozenset[str] = frozenset()
    continuations: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    things: frozenset[str] = frozenset()


@cache
def lexicon(language: str) -> Lexicon:
    """The attribution words for ``language`` (``text.lexicon``'s rule: Indonesian's when it has no list)."""
    if not resources.has("quotes", language):
        return lexicon(resources.DEFAULT_LANGUAGE)
    data = resources.load("quotes", language)
    suffix = data.get("pronoun_suffix", "")

    def words(key: str) -> frozenset[str]:
        return frozenset(v.casefold() for v in data.get(key, ()))

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted({tuple(p.casefold().split()) for p in data.get(key, ())}, key=lambda p: (-len(p), p)))

    return Lexicon(
        after_verbs=words("after_verbs"),
        speech_verbs=words("speech_verbs"),
        according=phrases("according"),
        passive=words("passive"),
        passive_subjects=phrases("passive_subjects"),
        pronouns=words("pronouns"),
        pronoun_suffix=suffix,
        titles=words("titles"),
        qualifiers=words("qualifiers"),
        degrees=words("degrees"),
        roles=phrases("roles"),
        fillers=words("fillers"),
        complementizers=words("complementizers"),
        request_complementizers=words("request_complementizers"),
        needs_complement=words("needs_complement"),
        demonstratives=words("demonstratives"),
        not_person=words("not_person"),
        sentence_starters=words("sentence_starters"),
        relational=phrases("relational_roles"),
        principals=words("role_principals"),
        continuations=words("continuation_verbs"),
        groups=words("group_subjects"),
        things=words("things"),
    )


@cache
def common_words(language: str) -> frozenset[str]:
    """Words news text mostly writes in lowercase (the cleaner's word counts): not names."""
    counts = word_counts(language) or {}
    return frozenset(word for word, count in counts.items() if count.lower * 2 >= count.total)


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


@dataclass
class Paragraph:
    """The sentences of one paragraph joined with single spaces, with each sentence's offset."""

    text: str
    starts: list[int]
    indices: list[int]
    _positions: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    def _position_at(self, offset: int) -> int:
        """The position (in this paragraph) of the sentence holding ``offset`` (a binary search)."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def sentence_at(self, offset: int) -> int:
        return self.indices[self._position_at(offset)]

    def sentence_span(self, offset: int) -> tuple[int, int]:
        position = self._position_at(offset)
        end = self.starts[position + 1] - 1 if position + 1 < len(self.starts) else len(self.text)
        return self.starts[position], end

    def position_of(self, sentence: int) -> int:
        """The position in this paragraph of the sentence numbered ``sentence`` (ValueError if absent)."""
        if len(self._positions) != len(self.indices):
            self._positions = {index: position for position, index in enumerate(self.indices)}
        try:
            return self._positions[sentence]
        except KeyError:
            raise ValueError(f"sentence {sentence} is not in this paragraph") from None

    def start_of(self, sentence: int) -> int:
        return self.starts[self.position_of(sentence)]


@dataclass
class Found:
    """A quote found in a paragraph, its attribution not yet resolved to a person."""

    text: str
    sentence: int
    start: int  # offsets in the paragraph text (the quote marks included for direct quotes)
    end: int
    kind: str
    attribution: Attribution | None
    paragraph: int


@dataclass
class Context:
    """What the resolution of speakers knows about one article."""

    paragraphs: list[Paragraph]
    lex: Lexicon
    persons: list[tuple[int, int, str]] = field(default_factory=list)  # (sentence, offset, name)
    lowercase_words: frozenset[str] = frozenset()
    speaker_words: frozenset[str] = frozenset()
    # Indexes built once per article, so that each lookup costs about the same whatever its length.
    _sentences: list[tuple[int, str]] | None = field(default=None, repr=False)
    _located: dict[int, tuple[Paragraph, int]] | None = field(default=None, repr=False)
    _longer_names: tuple[int, dict[tuple[str, ...], list[str]], dict[str, tuple[int, list[int], dict[int, int]]]] | None = field(default=None, repr=False)
    _brackets: dict[str, list[tuple[list[str], frozenset[str], str]]] | None = field(default=None, repr=False)
    _aliases: dict[str, str | None] = field(default_factory=dict, repr=False)
    _word_runs: dict[str, list[tuple[int, int]]] | None = field(default=None, repr=False)
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


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def paragraphs_of(sentences: list[Sentence]) -> list[Paragraph]:
    """Join each paragraph's sentences, remembering where each sentence starts."""
    paragraphs: list[Paragraph] = []
    current = None
    for sentence in sentences:
        if current is None or sentence.paragraph != current[0]:
            current = (sentence.paragraph, Paragraph("", [], []))
            paragraphs.append(current[1])
        paragraph = current[1]
        if paragraph.text:
            paragraph.text += " "
        paragraph.starts.append(len(paragraph.text))
        paragraph.indices.append(sentence.index)
        paragraph.text += sentence.text
    return paragraphs


def quote_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(outer start, outer end, inner start, inner end) of each outermost quoted span."""
    spans: list[tuple[int, int, int, int]] = []  # kept sorted; they never overlap
    starts: list[int] = []
    for pattern in _QUOTE_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.start(), match.end()
            place = bisect.bisect_left(starts, start)
            if (place and spans[place - 1][1] > start) or (place < len(spans) and spans[place][0] < end):
                continue  # overlaps a span found before
            spans.insert(place, (start, end, match.start(1), match.end(1)))
            starts.insert(place, start)
    return spans


def _covering(spans: list[tuple[int, ...]], starts: list[int], offset: int) -> bool:
    """Whether ``offset`` lies inside one of the sorted, non-overlapping ``spans`` (``starts`` their starts)."""
    place = bisect.bisect_right(starts, offset)
    return bool(place) and offset < spans[place - 1][1]


def _clean_quote(text: str) -> str:
    return text.strip().strip(",;:").strip()


def _pronoun_verb(token: Token, lex: Lexicon) -> str | None:
    """``ujarnya`` -> ``ujar`` when the suffix marks a pronoun speaker."""
    suffix = lex.pronoun_suffix
    if suffix and token.lower.endswith(suffix):
        stem = token.lower[: -len(suffix)]
        if stem in lex.after_verbs or stem in lex.speech_verbs or stem in {p[0] for p in lex.according if len(p) == 1}:
            return stem
    return None


def _match_phrase(toks: list[Token], at: int, phrases: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    for phrase in phrases:
        if tuple(t.lower for t in toks[at : at + len(phrase)]) == phrase:
            return phrase
    return None


def _joined(text: str, left: Token, right: Token, lex: Lexicon) -> bool:
    """Whether two tokens belong to one name: only spaces between them, or the dot of a title
    or initial ("Plt. Direktur", "Prof. Dr. Abdul")."""
    gap = text[left.end : right.start].strip()
    return not gap or (gap == "." and (left.lower in lex.titles or len(left.text) <= 2))


def _name_run(text: str, toks: list[Token], at: int, lex: Lexicon) -> list[Token]:
    """The capitalised run starting at ``toks[at]`` (name particles allowed inside, no punctuation)."""
    run: list[Token] = []
    for index in range(at, len(toks)):  # not ``toks[at:]``: a copy of the rest of a long sentence per call
        token = toks[index]
        if run and not _joined(text, run[-1], token, lex):
            break
        if token.capitalised or (run and token.lower in _NAME_PARTICLES):
            run.append(token)
        else:
            break
    while run and run[-1].lower in _NAME_PARTICLES:
        run.pop()
    return run


def _name_run_before(text: str, toks: list[Token], end: int, lex: Lexicon) -> list[Token]:
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
        if token.capitalised or (run and token.lower in _NAME_PARTICLES):
            run.insert(0, token)
        else:
            break
    return run


def _ref_from_run(run: list[Token], lex: Lexicon) -> SpeakerRef | None:
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
    if not names:
        return SpeakerRef("role", run[-1].lower, run[0].start, run[-1].end)
    return SpeakerRef("name", " ".join(t.text for t in run), run[0].start, run[-1].end)


def speaker_after(text: str, toks: list[Token], at: int, lex: Lexicon) -> SpeakerRef | None:
    """The speaker named from ``toks[at]`` on: a pronoun, a name (after a lowercase title) or a role."""
    while at < len(toks) and toks[at].lower in {"oleh", "by", "sang", "the", "a", "an"}:
        at += 1
    if at >= len(toks):
        return None
    token = toks[at]
    if token.lower in lex.pronouns:
        return SpeakerRef("pronoun", token.lower, token.start, token.end)
    relational = _relational_after(text, toks, at, lex)
    if relational is not None:
        return relational
    if token.capitalised:
        run = _name_run(text, toks, at, lex)
        if run and run[0].lower in lex.titles and (past := _name_past_acronym(text, toks, at + len(run), lex)) is not None:
            return past
        if (holder := _office_holder(text, toks, at, run, lex)) is not None:
            return holder
        return _ref_from_run(run, lex)
    titled = _name_after_title(text, toks, at, lex)
    if titled is not None:
        return titled
    role = _match_phrase(toks, at, lex.roles)
    if role:
        return SpeakerRef("role", " ".join(role), token.start, toks[at + len(role) - 1].end)
    return None


def _office_holder(text: str, toks: list[Token], at: int, run: list[Token], lex: Lexicon) -> SpeakerRef | None:
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
        after += 1 + len(_name_run(text, toks, after + 1, lex))
    if after >= len(toks):
        return None
    if toks[after].lower.rstrip(".") in lex.titles and text[toks[after - 1].end : toks[after].start].strip() == ",":
        titled = _name_run(text, toks, after, lex)  # ", AKBP Harianto Rantesalu"
        ref = _ref_from_run(titled, lex)
        if ref is not None and ref.kind == "name" and _is_person_like(without_titles(ref.text, lex), lex) and can_speak(ref.text):
            return ref
    return _appositive(text, toks, after, lex)


_BRACKETED_ACRONYM = re.compile(r"\s*\(\s*[A-Za-z][\w.&-]{1,20}\s*\)\s*")


def _name_past_acronym(text: str, toks: list[Token], at: int, lex: Lexicon) -> SpeakerRef | None:
    """The person named after an office's bracketed acronym: "Direktur PT Prima Jaya (PJ) Rudi
    Hartono" -> "Rudi Hartono"; "Ketua Asosiasi X (AX) DIY, Deddy" -> "Deddy"."""
    if not at or at >= len(toks):
        return None
    bracket = _BRACKETED_ACRONYM.match(text, toks[at - 1].end)
    if bracket is None:
        return None
    after = bisect.bisect_left([t.start for t in toks], bracket.end())
    if after >= len(toks) or toks[after].start != bracket.end() or not toks[after].capitalised:
        return None
    run = _name_run(text, toks, after, lex)
    ref = _ref_from_run(run, lex)
    if ref is None or ref.kind != "name":
        return None
    if run[0].lower in lex.not_person or ref.text.isupper() or is_place_name(ref.text):
        return _appositive(text, toks, after + len(run), lex)
    return ref


def _name_after_title(text: str, toks: list[Token], at: int, lex: Lexicon) -> SpeakerRef | None:
    """``pengamat ekonomi Faisal Basri`` / ``opposition leader Mark Tully``: the name after a title."""
    for position in range(at, min(at + _TITLE_WORDS, len(toks))):
        token = toks[position]
        if position > at and text[toks[position - 1].end : token.start].strip(" ,"):
            return None
        if token.capitalised:
            if not any(t.lower in lex.titles or _match_phrase(toks, i, lex.roles) for i, t in enumerate(toks[at:position], start=at)):
                return None
            run = _name_run(text, toks, position, lex)
            ref = _ref_from_run(run, lex)
            if ref is not None and ref.kind == "name" and (run[0].lower in lex.not_person or ref.text.isupper() or is_place_name(ref.text)):
                return _appositive(text, toks, position + len(run), lex) or ref  # "pelatih Timnas Indonesia, Patrick Kluivert"
            return ref
    return None


def _match_relational(toks: list[Token], at: int, lex: Lexicon) -> tuple[str, ...] | None:
    """A role that speaks for someone ("kuasa hukum", "juru bicara") at ``toks[at]``; its last
    word may carry the possessive ("kuasa hukumnya")."""
    for phrase in lex.relational:
        words = [t.lower for t in toks[at : at + len(phrase)]]
        possessive = phrase[-1] + "nya" if phrase != ("pihak",) else None  # "pihaknya" is "we", not a side's spokesperson
        if len(words) == len(phrase) and words[:-1] == list(phrase[:-1]) and words[-1] in (phrase[-1], possessive):
            return phrase
    return None


def _relational_after(text: str, toks: list[Token], at: int, lex: Lexicon) -> SpeakerRef | None:
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
            run = _name_run(text, toks, end, lex)
            principal = [t.text for t in run]
            end += len(run)
        elif toks[end].lower in lex.principals or toks[end].lower in lex.demonstratives:
            principal = [toks[end].text]  # "juru bicara tersebut": the one named before
            end += 1
    named = _appositive(text, toks, end, lex)
    if named is not None:
        return named
    return SpeakerRef("role", " ".join([*role, *principal]), toks[at].start, toks[end - 1].end)


def _appositive(text: str, toks: list[Token], at: int, lex: Lexicon) -> SpeakerRef | None:
    """The person named after a comma at ``toks[at]`` (", Calvin Wijaya,"), if a person's name."""
    if at >= len(toks) or text[toks[at - 1].end : toks[at].start].strip() != "," or not toks[at].capitalised:
        return None
    ref = _ref_from_run(_name_run(text, toks, at, lex), lex)
    if ref is None or ref.kind != "name" or ref.text.split()[0].casefold() in lex.not_person or not can_speak(ref.text):
        return None
    return ref


def speaker_before(text: str, toks: list[Token], end: int, lex: Lexicon) -> SpeakerRef | None:
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
    if (described := _name_before_description(text, toks, end, lex)) is not None:
        return described
    if 0 < end < len(toks) and (dateline := _DATELINE.search(text, toks[0].start, toks[end].start)):
        end = bisect.bisect_right([t.end for t in toks[:end]], dateline.start())
    while end > 0 and toks[end - 1].lower in lex.fillers and not toks[end - 1].capitalised:
        end -= 1
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
            return SpeakerRef("role", " ".join(role), toks[start].start, token.end)
    for role in lex.roles:
        if tuple(t.lower for t in toks[max(0, end - len(role)) : end]) == role and not token.capitalised:
            return SpeakerRef("role", " ".join(role), toks[end - len(role)].start, token.end)
    if token.capitalised:
        run = _name_run_before(text, toks, end, lex)
        first = end - len(run)
        for role in lex.relational:  # "juru bicara Departemen Luar Negeri mengatakan": the spokesperson
            start = first - len(role)
            if start >= 0 and _match_relational(toks, start, lex) == role and toks[first - 1].lower == role[-1]:
                return SpeakerRef("role", " ".join([*role, *(t.text for t in run)]), toks[start].start, token.end)
        if len(run) > 1 and run[0].lower == "pihak" and ("pihak",) in lex.relational:  # "Pihak Yoni Dores menyatakan": his side speaks
            return SpeakerRef("role", " ".join(["pihak", *(t.text for t in run[1:])]), run[0].start, token.end)
        return _subject_before_affiliation(text, toks, first, run, lex) or _ref_from_run(run, lex)
    return None


def _name_before_description(text: str, toks: list[Token], end: int, lex: Lexicon) -> SpeakerRef | None:
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
            ref = _ref_from_run(run, lex)
            if ref is None or ref.kind != "name" or not _is_person_like(ref.text, lex) or _is_organisation_like(ref.text, lex) \
                    or not can_speak(ref.text) or any(t.lower in lex.titles or t.lower in lex.not_person for t in run):
                return None
            return ref
    return None


_ORG_CONNECTORS = frozenset({"of", "for", "and", "the", "&", "on", "in"})


def _subject_before_affiliation(text: str, toks: list[Token], first: int, run: list[Token], lex: Lexicon) -> SpeakerRef | None:
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
    ref = _ref_from_run(before, lex)
    if ref is None or ref.kind != "name" or not can_speak(ref.text):
        return None
    if toks[at - 1].lower == "dari" and not _is_person_like(ref.text, lex):
        return None
    return ref


def attribution_after(text: str, start: int, end: int, lex: Lexicon) -> Attribution | None:
    """``"…," kata X`` / ``"…," ujarnya`` / ``"…," X said`` in ``text[start:end]``."""
    toks = tokens(text, start, end)
    skip = 1 if toks and toks[0].lower in {"demikian", "begitu"} else 0
    for position, token in enumerate(toks[skip : skip + _AFTER_WINDOW], start=skip):
        stem = _pronoun_verb(token, lex)
        if stem and position == skip:
            return Attribution(stem, SpeakerRef("pronoun", token.lower, token.start, token.end))
        if token.lower not in lex.after_verbs and token.lower not in lex.speech_verbs:
            continue
        if position == skip:
            return Attribution(token.lower, speaker_after(text, toks, position + 1, lex))
        subject = speaker_before(text, toks, position, lex)
        if subject is not None and subject.start == toks[skip].start:
            return Attribution(token.lower, subject)
        return None
    return None


def attribution_before(text: str, start: int, end: int, lex: Lexicon) -> Attribution | None:
    """``X mengatakan: "…"``, ``Menurut X, "…"``, ``Kata X, "…"`` in ``text[start:end]``."""
    toks = tokens(text, start, end)
    found: Attribution | None = None
    for position, token in enumerate(toks):
        according = _match_phrase(toks, position, lex.according)
        if according:
            speaker = speaker_after(text, toks, position + len(according), lex)
            if speaker and (found is None or found.speaker is None):
                found = Attribution(" ".join(according), speaker)
            continue
        stem = _pronoun_verb(token, lex)
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


def attribution_next_sentence(text: str, lex: Lexicon) -> Attribution | None:
    """``Hal itu disampaikan X …`` / ``Demikian kata X`` opening the sentence after a quote."""
    toks = [Token(m.group(), m.start(), m.end()) for m in itertools.islice(_TOKEN.finditer(text), 12)]
    at = 0
    subject = _match_phrase(toks, 0, lex.passive_subjects)
    if subject:
        at = len(subject)
    if at < len(toks) and (toks[at].lower in lex.passive or (subject and toks[at].lower in lex.after_verbs)):
        verb = toks[at].lower
        speaker = speaker_after(text, toks, at + 1, lex)
        return Attribution(verb, speaker) if speaker else None
    return None


def direct_quotes(paragraph: Paragraph, number: int, following: str | None, lex: Lexicon) -> list[Found]:
    """The quoted spans of one paragraph with their attributions."""
    found: list[Found] = []
    text = paragraph.text
    spans = quote_spans(text)
    for k, (outer_start, outer_end, inner_start, inner_end) in enumerate(spans):
        content = _clean_quote(text[inner_start:inner_end])
        if not content:
            continue
        next_start = spans[k + 1][0] if k + 1 < len(spans) else len(text)
        tail = text[outer_end:next_start].lstrip(" .")
        ends_sentence = content.endswith((".", "!", "?")) and (not tail or tail[:1].isupper())
        after_end = outer_end if ends_sentence else _sentence_end(text, outer_end, next_start, lex)
        sentence_start = max(paragraph.sentence_span(outer_start)[0], spans[k - 1][1] if k else 0)
        attribution = attribution_after(text, outer_end, after_end, lex)
        if attribution is None:
            attribution = attribution_before(text, sentence_start, outer_start, lex)
            if attribution is not None and len(content.split()) < _SCARE_WORDS and text[outer_end:after_end].strip(" .,!?"):
                continue  # "memastikan, mobil yang 'dibiarkan' polisi tetap ditilang": a word set off, not a quote
        if attribution is None and k + 1 == len(spans) and not text[outer_end:after_end].strip(" .,"):
            attribution = attribution_next_sentence(tail or following or "", lex)
        if attribution is None and (len(content.split()) < _MIN_UNATTRIBUTED_WORDS or _is_title_case(content)):
            continue
        found.append(Found(content, paragraph.sentence_at(inner_start), outer_start, outer_end, "direct", attribution, number))
    return found


def _sentence_end(text: str, start: int, end: int, lex: Lexicon) -> int:
    """The first sentence end in ``text[start:end]``, not counting a title's dot ("ujar Plt. Direktur")."""
    for match in _SENTENCE_END.finditer(text, start, end):
        before = tokens(text, max(start, match.start() - 12), match.start())
        if not before or before[-1].lower not in lex.titles:
            return match.start()
    return end


def _is_title_case(text: str) -> bool:
    """A headline or a work's title ("Purbaya Ungkap Rahasia Soeharto"), not speech."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= _TITLE_CASE_SHARE * len(words)


def reported_speech(paragraph: Paragraph, number: int, lex: Lexicon) -> list[Found]:
    """Sentences without quotation marks that report what a named speaker said."""
    found: list[Found] = []
    quoted = quote_spans(paragraph.text)
    quote_ends = [e for _, e, _, _ in quoted]  # ascending, as the spans do not overlap
    for position, start in enumerate(paragraph.starts):
        end = paragraph.starts[position + 1] - 1 if position + 1 < len(paragraph.starts) else len(paragraph.text)
        first_after = bisect.bisect_right(quote_ends, start)  # the first span ending after ``start``
        if first_after < len(quoted) and quoted[first_after][0] < end:
            continue
        report = _reported_in(paragraph.text, start, end, lex)
        if report is not None:
            clause_start, clause_end, attribution = report
            clause = paragraph.text[clause_start:clause_end].strip(" ,:;.")
            if len(clause.split()) >= _MIN_REPORTED_WORDS:
                found.append(Found(clause, paragraph.indices[position], clause_start, clause_end, "reported", attribution, number))
    return found


def _reported_in(text: str, start: int, end: int, lex: Lexicon) -> tuple[int, int, Attribution] | None:
    """(clause start, clause end, attribution) of a reported statement in one sentence."""
    toks = tokens(text, start, end)
    if not toks:
        return None
    return _subject_verb_clause(text, toks, end, lex) or _according_clause(text, toks, end, lex) or _trailing_attribution(
        text, start, end, lex
    )


def _subject_verb_clause(text: str, toks: list[Token], end: int, lex: Lexicon) -> tuple[int, int, Attribution] | None:
    """``X mengatakan (bahwa) CLAUSE`` / ``X said (that) CLAUSE``."""
    for position, token in enumerate(toks):
        if token.lower not in lex.speech_verbs or position == 0:
            continue
        request = token.lower in lex.needs_complement
        openers = lex.request_complementizers if request else lex.complementizers
        following = [t.lower for t in toks[position + 1 : position + 9]]
        comma_opens = text[token.end : token.end + 1] == ","  # "CNN melaporkan, ...": the comma opens the clause
        if request and not openers.intersection(following) and not comma_opens:
            continue
        speaker = speaker_before(text, toks, position, lex)
        if speaker is None and _group_subject(text, toks, position, lex):
            pass  # "Namun, para ahli mengatakan ...": a statement of no one person, its speaker left open
        elif speaker is None or (speaker.kind == "name" and all(w.casefold() in lex.not_person for w in speaker.text.split())):
            return None
        clause_start = token.end
        for later in toks[position + 1 : position + 9]:
            if later.lower in openers:
                clause_start = later.start if request and later.lower not in lex.complementizers else later.end
                break
        return clause_start, end, Attribution(token.lower, speaker)
    return None


def _group_subject(text: str, toks: list[Token], verb: int, lex: Lexicon) -> bool:
    """Whether the subject of ``toks[verb]`` is an unnamed group ("para ahli", "sejumlah
    organisasi lingkungan", "kelompok-kelompok masyarakat sipil"): the words after the last comma
    before the verb, opened by a group word, no longer than a noun phrase."""
    start = verb
    while start > 0 and not text[toks[start - 1].end : toks[start].start].strip(" \n") and verb - start < _GROUP_WORDS:
        start -= 1
    if start > 0 and not text[toks[start - 1].end : toks[start].start].strip(" \n"):
        return False  # longer than a noun phrase
    return start < verb and toks[start].lower in lex.groups and not any(t.capitalised for t in toks[start + 1 : verb])


def _according_clause(text: str, toks: list[Token], end: int, lex: Lexicon) -> tuple[int, int, Attribution] | None:
    """``Menurut X, CLAUSE`` / ``Sebab menurutnya, CLAUSE`` / ``Bahkan, lanjut X, CLAUSE`` /
    ``According to X, CLAUSE`` near the start of a sentence; set off by commas anywhere in it
    ("Sementara itu, jika merujuk data Bank Dunia, menurut Wijayanto, CLAUSE"; "Lagipula,
    katanya, CLAUSE")."""
    single = {p[0] for p in lex.according if len(p) == 1}
    for at in range(len(toks)):
        inserted = at > 0 and text[toks[at - 1].end : toks[at].start].strip() == ","
        if at >= _OPENING_WORDS and not inserted:
            continue
        according = _match_phrase(toks, at, lex.according)
        stem = _pronoun_verb(toks[at], lex)
        if at >= _INSERTED_WORDS and not (according and according[0] in single) and stem not in single:
            continue
        if according:
            speaker = speaker_after(text, toks, at + len(according), lex) or _source_after(text, toks, at + len(according), lex)
            verb = " ".join(according)
            if at >= _OPENING_WORDS and (speaker is None or text[speaker.end : speaker.end + 1] != ","):
                continue
        elif stem in single:
            speaker, verb = SpeakerRef("pronoun", toks[at].lower, toks[at].start, toks[at].end), stem
        elif inserted and stem in lex.after_verbs and text[toks[at].end : toks[at].end + 1] == ",":
            speaker, verb = SpeakerRef("pronoun", toks[at].lower, toks[at].start, toks[at].end), stem  # ", katanya,"
        elif inserted and toks[at].lower in lex.after_verbs:
            speaker, verb = speaker_after(text, toks, at + 1, lex), toks[at].lower
            if speaker is None or text[speaker.end : speaker.end + 1] != ",":
                continue
        else:
            continue
        if speaker is None or speaker.kind == "role":
            return None
        comma = text.find(",", speaker.end, end)
        clause_start = comma + 1 if comma != -1 and comma - speaker.end < 40 else speaker.end
        return clause_start, end, Attribution(verb, speaker)
    return None


def _source_after(text: str, toks: list[Token], at: int, lex: Lexicon) -> SpeakerRef | None:
    """The named source after a common noun: ``menurut laporan FAO``, ``according to data from X``,
    ``menurut data yang dirilis oleh Administrasi Umum Bea Cukai China`` (its author: not "memo
    yang ditinjau oleh Reuters", which Reuters only read)."""
    words = [t.lower for t in toks[at + 1 : at + 4]]
    if len(words) == 3 and words[0] == "yang" and words[1] in _AUTHORED and words[2] == "oleh":
        at += 4
    for position in range(at, min(at + 3, len(toks))):
        if toks[position].capitalised:
            return _ref_from_run(_name_run(text, toks, position, lex), lex)
    return None


_AUTHORED = frozenset({"dirilis", "diterbitkan", "dikeluarkan", "dipublikasikan", "disusun", "dibuat", "disampaikan"})


def _trailing_attribution(text: str, start: int, end: int, lex: Lexicon) -> tuple[int, int, Attribution] | None:
    """``CLAUSE, kata X.`` / ``CLAUSE, ujarnya.`` / ``CLAUSE, X said.``."""
    tail = re.search(r",\s*([^,]*)$", text[start:end])
    if not tail:
        return None
    clause_end = start + tail.start()
    tail_tokens = tokens(text, start + tail.start(1), end)
    according = _match_phrase(tail_tokens, 0, lex.according)
    if according:
        source = speaker_after(text, tail_tokens, len(according), lex) or _source_after(text, tail_tokens, len(according), lex)
        return (start, clause_end, Attribution(" ".join(according), source)) if source else None
    attribution = attribution_after(text, start + tail.start(1), end, lex)
    if attribution is None or attribution.speaker is None or attribution.verb not in lex.after_verbs:
        return None
    return start, clause_end, attribution


def _is_person_like(name: str, lex: Lexicon) -> bool:
    first = name.split()[0].casefold()
    return first not in lex.not_person and not name.isupper()


def _is_organisation_like(name: str, lex: Lexicon) -> bool:
    """An acronym run ("PHRI DIY"), a name opened by an acronym ("APP Jatim") or by an
    institution's word ("Kementerian X")."""
    words = name.split()
    return bool(words) and (all(w.isupper() for w in words) or words[0].casefold() in lex.not_person
                            or (len(words) > 1 and len(words[0]) > 2 and words[0].isupper()))


# --- speaker types ---------------------------------------------------------------------------

_NOT_SPEAKER_HEADS = frozenset({
    # natural features, places and buildings: never the one who speaks, whatever follows them
    "gunung", "sungai", "pulau", "danau", "laut", "selat", "teluk", "pantai", "bukit", "lereng", "kawah", "hutan",
    "jalan", "jl", "desa", "kampung", "kelurahan", "kecamatan", "kabupaten", "kota", "provinsi", "kawasan", "wilayah",
    "gedung", "istana", "kompleks", "komplek", "rutan", "lapas", "bandara", "pelabuhan", "stasiun", "terminal", "masjid", "gereja", "pura",
    "mount", "river", "lake", "island", "street", "sea",
    # events and times
    "piala", "festival", "pemilu", "pilkada", "idul", "iduladha", "idulfitri", "hut", "hari", "tahun", "bulan", "minggu",
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "januari", "februari", "maret", "april", "mei", "juni", "juli",
    "agustus", "september", "oktober", "november", "desember",
})


_COMPASS = frozenset({"barat", "timur", "utara", "selatan", "tengah", "daya", "tenggara", "laut"})


def is_place_name(name: str) -> bool:
    """Whether ``name`` names a place, a natural feature, a building or an event rather than a
    person or an organisation: a country or city of the gazetteer ("Iran", "Depok"), or a name
    opened by a feature word ("Gunung Merapi", "Rutan Pondok Bambu"). Curated organisations win."""
    from kroscek.text.gazetteer import lookup

    words = name.split()
    if not words:
        return False
    if words[0].casefold().rstrip(".") in _NOT_SPEAKER_HEADS:
        return True
    if 1 < len(words) <= 4 and words[-1].casefold() in _COMPASS and all(w[:1].isupper() for w in words):
        first = words[0].casefold()
        if is_place_name(words[0]) or (first not in lexicon("id").not_person and first not in lexicon("id").titles):
            return True  # a region by its direction: "Jakarta Barat", "Sumba Barat Daya", "Kalimantan Selatan"
    known = lookup(name)
    return known is not None and known.type in ("LOC", "EVT", "GPE", "FAC")


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


# --- resolution ------------------------------------------------------------------------------


def without_titles(name: str, lex: Lexicon) -> str:
    """The name without the titles before it ("Menteri Keuangan Purbaya" keeps what is a name)."""
    words = name.split()
    while len(words) > 1 and words[0].casefold().rstrip(".") in lex.titles:
        words = words[1:]
    return " ".join(words)


def _trim_name(name: str, ctx: Context) -> str:
    """``_trimmed_name``, unless that leaves only the place of an institution ("Kamar Dagang AS"
    is the chamber, not "AS")."""
    trimmed = _trimmed_name(name, ctx)
    stripped = without_titles(name, ctx.lex)
    if trimmed != name and stripped.split()[0].casefold() not in _NOT_SPEAKER_HEADS and is_place_name(stripped):
        return stripped  # "Uni Emirat Arab" stays a country (that cannot speak), not "Emirat Arab"
    if trimmed != name and is_place_name(trimmed):
        stripped = without_titles(name, ctx.lex)
        if stripped != trimmed and not is_place_name(stripped) and stripped.split()[0].casefold() not in ctx.lex.titles:
            return stripped
    return trimmed


def _trimmed_name(name: str, ctx: Context) -> str:
    """The name in a run that starts with titles and what qualifies them ("Menteri Dalam Negeri
    Tito Karnavian" -> "Tito Karnavian", "Ketua Fraksi Golkar DPR RI Sarmuji" -> "Sarmuji"): from
    the first word the article uses as a speaker's name, else without the words the article also
    uses on their own."""
    stripped = without_titles(name, ctx.lex)
    words = stripped.split()
    if stripped == name and words[0].casefold() in ctx.lex.not_person:
        return name  # an organisation or a place: "Kementerian Luar Negeri Korea Utara"
    known = [i for i, word in enumerate(words) if word.casefold() in ctx.speaker_words]
    if known and len(words) > 1:
        start = known[0]
        if start == len(words) - 1 and start > 0 and _name_like(words[start - 1 :], ctx):
            start -= 1
        return " ".join(words[start:])
    if stripped == name:
        return name
    qualified = False  # the title is qualified by an organisation ("Kepala Dinas Pertanian X Y")
    while len(words) > 2 or (len(words) == 2 and words[0].casefold() in ctx.lowercase_words):
        first = words[0].casefold()
        qualified = qualified or first in ctx.lex.not_person
        if first in ctx.lowercase_words or first in ctx.lex.titles or first in ctx.lex.qualifiers or first in ctx.lex.not_person or _used_alone(words, ctx):
            words = words[1:]
        else:
            break
    if len(words) > 2 and not qualified and is_place_name(words[0]):
        words = words[1:]  # "Menteri Keuangan II Malaysia Amir Hamzah Azizan": the country of the office
    return " ".join(words[-2:] if qualified else words)


def _name_like(words: list[str], ctx: Context) -> bool:
    """Whether ``words[0]`` is a given name before ``words[1]`` rather than a qualifier of a title."""
    first = words[0]
    folded = first.casefold()
    return (
        len(first) > 2 and not first.isupper() and folded not in ctx.lowercase_words
        and folded not in ctx.lex.titles and folded not in ctx.lex.qualifiers and folded not in ctx.lex.not_person and not _used_alone(words, ctx)
    )


def _used_alone(words: list[str], ctx: Context) -> bool:
    """Whether the first word appears elsewhere in the article without the word after it.

    Looked up in an index of the article's word runs (built once), not by searching the whole
    text again for each name."""
    key = (words[0], words[1])
    if key not in ctx._alone:
        ctx._alone[key] = _first_word_alone(words[0], words[1], ctx)
    return ctx._alone[key]


def _first_word_alone(first: str, second: str, ctx: Context) -> bool:
    followed = re.compile(rf"\s+{re.escape(second)}\b")
    run = _WORD_RUN.match(first)
    if run is None or not _WORD_RUN.fullmatch(first[-1]):  # not word characters at both ends: search
        pattern = re.compile(rf"\b{re.escape(first)}\b(?!\s+{re.escape(second)}\b)")
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


def person_candidates(ctx: Context, sentence: int, spans: list[tuple[int, int]], mentions: list[Mention]) -> list[tuple[int, str]]:
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
            if mention.sentence == sentence and mention.type.startswith("PER") and not _covering(outside, outside_starts, start):
                found.append((start, mention.text))
        return sorted(found)
    end = paragraph.starts[position + 1] - 1 if position + 1 < len(paragraph.starts) else len(paragraph.text)
    for start, name in _heuristic_names(paragraph.text, offset, end, ctx):
        if not _covering(outside, outside_starts, start) and (_is_subject(name, start - offset, ctx) or set(name.casefold().split()) & ctx.speaker_words):
            found.append((start, name))
    return found


def _is_subject(name: str, offset_in_sentence: int, ctx: Context) -> bool:
    """A full name opening its sentence ("Arman Sulistyo menulis ..."): the person it is about."""
    words = name.casefold().split()
    return (
        offset_in_sentence == 0 and len(words) >= 2 and words[0] not in ctx.lowercase_words
        and not ctx.lex.not_person.intersection(words)
    )


def _sentences_of(ctx: Context) -> list[tuple[int, str]]:
    return ctx.sentences()


def _heuristic_names(text: str, start: int, end: int, ctx: Context) -> list[tuple[int, str]]:
    """Capitalised runs that can be person names, titles stripped."""
    if _is_title_case(text[start:end]) and len(text[start:end].split()) > 2:
        return []
    toks = tokens(text, start, end)
    names: list[tuple[int, str]] = []
    at = 0
    while at < len(toks):
        run = _name_run(text, toks, at, ctx.lex)
        if not run:
            at += 1
            continue
        ref = _ref_from_run(run, ctx.lex)
        if ref is not None and ref.kind == "name" and _is_person_like(ref.text, ctx.lex) \
                and _office_holder(text, toks, at, run, ctx.lex) is None:  # "Kapolres Sumba Barat Daya, Harianto": not a person
            names.append((ref.start, _trim_name(ref.text, ctx)))
        elif ref is not None and ref.kind == "name":  # "Ekonom dari Universitas Paramadina Wijayanto Samirin"
            known = [i for i, t in enumerate(run) if i and t.lower in ctx.speaker_words and t.lower not in ctx.lex.not_person]
            person = " ".join(t.text for t in run[known[0] :]) if known else ""
            if len(person.split()) >= 2 and _is_person_like(person, ctx.lex) and not _is_organisation_like(person, ctx.lex) \
                    and can_speak(person):
                names.append((run[known[0]].start, person))
        at += len(run)
    return names


def expand_name(name: str, ctx: Context, sentence: int) -> str:
    """The fullest form of ``name`` in the article, nearest to ``sentence`` first; a name given
    in brackets after another ("Joko Widodo (Jokowi)", "Saifullah Yusuf (Gus Ipul)") is that one."""
    aliased = _bracketed_alias(name, ctx)
    if aliased:
        return aliased
    words = tuple(name.casefold().split())
    if not words:
        return name
    containing, names = _longer_names(ctx)
    longest = max((names[c][0] for c in containing.get(words, ())), default=0)
    best: tuple[int, int, str] | None = None  # (distance, first position in ctx.persons, name)
    for candidate in containing.get(words, ()):
        size, at_sentences, first_seen = names[candidate]
        if size != longest:
            continue
        place = bisect.bisect_left(at_sentences, sentence)
        for at_sentence in at_sentences[max(0, place - 1) : place + 1]:
            key = (abs(at_sentence - sentence), first_seen[at_sentence], candidate)
            if best is None or key < best:
                best = key
    return best[2] if best else name


def _longer_names(ctx: Context) -> tuple[dict[tuple[str, ...], list[str]], dict[str, tuple[int, list[int], dict[int, int]]]]:
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


_BRACKETED = re.compile(r"((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*)\s*\(([^()]{2,40})\)")


def _bracketed_alias(name: str, ctx: Context) -> str | None:
    if name.isupper():
        return None  # an acronym stays as written ("MIIT")
    if name not in ctx._aliases:
        ctx._aliases[name] = _find_bracketed_alias(name, ctx)
    return ctx._aliases[name]


def _find_bracketed_alias(name: str, ctx: Context) -> str | None:
    words = name.casefold().split()
    if not words:
        return None
    if ctx._brackets is None:  # every distinct "Name (alias)" of the article, by each alias word
        ctx._brackets = {}
        seen: set[tuple[str, str]] = set()
        for paragraph in ctx.paragraphs:
            for match in _BRACKETED.finditer(paragraph.text):
                if (match.group(1), match.group(2)) in seen:
                    continue
                seen.add((match.group(1), match.group(2)))
                alias = match.group(2).casefold().split()
                entry = (alias, frozenset(match.group(1).casefold().split()), match.group(1))
                for word in dict.fromkeys(alias):
                    ctx._brackets.setdefault(word, []).append(entry)
    for alias, named, full in ctx._brackets.get(words[0], ()):
        if all(w in alias for w in words) and not set(words) & named:
            return _trim_name(full, ctx)
    return None


class Resolver:
    """Resolves speaker references in reading order, keeping track of who the text is about."""

    def __init__(self, ctx: Context, mentions: list[Mention], quoted: dict[int, list[tuple[int, int]]]):
        self.ctx = ctx
        self.mentions = mentions
        self.by_sentence: dict[int, list[Mention]] = {}
        for mention in mentions:
            self.by_sentence.setdefault(mention.sentence, []).append(mention)
        self.quoted = quoted
        self.focus: dict[int, str] = {}
        self.order = [index for index, _ in _sentences_of(ctx)]
        self.position = {}
        for position, index in enumerate(self.order):
            self.position.setdefault(index, position)
        self.focused: list[int] = []  # positions in ``order`` of the sentences in ``focus``, ascending
        self.roles: dict[str, tuple[list[int], list[tuple[int, str]]]] = {}
        self.candidates = {i: person_candidates(ctx, i, quoted.get(i, []), self.by_sentence.get(i, [])) for i in self.order}

    def name(self, ref: SpeakerRef, sentence: int, paragraph: Paragraph) -> str | None:
        if ref.kind == "name":
            trimmed = self._name_in_mentions(ref, sentence, paragraph) or _trim_name(ref.text, self.ctx)
            return expand_name(trimmed, self.ctx, sentence)
        if ref.kind == "role":
            if self._relational(ref.text):
                return self.spokesperson(ref.text, sentence)
            return self.role(ref.text, sentence) or self.pronoun(sentence, ref.start, paragraph)
        return self.pronoun(sentence, ref.start, paragraph)

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
            head = r"\s+".join(re.escape(w) for w in phrase) + r"(?:nya)?"
            of = r"\s+" + r"\s+".join(re.escape(w) for w in principal) if principal else r"(?:\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?"
            name = r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
            patterns = (re.compile(rf"\b{head}{of}\s*,\s*{name}", re.IGNORECASE), re.compile(rf"{name}\s*,\s*{head}{of}\b", re.IGNORECASE))
            hits: list[tuple[int, str]] = []
            for index, text in _sentences_of(self.ctx):
                if phrase[0] not in text.casefold():
                    continue
                for pattern in patterns:
                    for match in pattern.finditer(text):
                        found = _trim_name(match.group(1), self.ctx)
                        first = found.split()[0].casefold()
                        if found[:1].isupper() and can_speak(found) and first not in self.ctx.lex.not_person \
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
        head = "|".join(r"\s+".join(re.escape(w) for w in p) for p in heads)
        name = r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
        own = re.compile(rf"\b(?i:{head})\s+{re.escape(first)}\b[\w\s'’.-]*?,\s*{name}")  # "kuasa hukum Yoni Dores, X"
        theirs = re.compile(rf"\b(?i:{head})nya\s*,\s*{name}")  # "pengacaranya, X" in a sentence that names Yoni
        hits: list[tuple[int, str]] = []
        for index, text in _sentences_of(self.ctx):
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
        head = re.compile(r"\b(?i:" + r"\s+".join(re.escape(w) for w in phrase) + r")\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})")
        last = None
        for index, text in _sentences_of(self.ctx):
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
        chosen = persons[-1] if persons else (inside[-1] if inside and inside[-1].end - inside[-1].start > 2 else None)
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
            return self.focus[self.order[self.focused[earlier - 1]]]
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
            for index, text in _sentences_of(self.ctx):
                for match in pattern.finditer(text):
                    names = [name for start, name in self._candidates_after(index, match.end())]
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

    def _candidates_after(self, sentence: int, offset_in_sentence: int) -> list[tuple[int, str]]:
        located = self.ctx.locate(sentence)
        if located is None:
            return []
        paragraph, position = located
        base = paragraph.starts[position]
        return [(s, n) for s, n in self.candidates.get(sentence, []) if 0 <= s - base - offset_in_sentence <= 40]

    def settle(self, sentence: int, speakers: list[str], starts_with_pronoun: bool, paragraph: Paragraph) -> None:
        """Record who sentence ``sentence`` is about, for the pronouns after it."""
        if speakers:
            self._set_focus(sentence, speakers[-1])
            return
        if starts_with_pronoun:
            resolved = self.pronoun(sentence, paragraph.start_of(sentence), paragraph)
            if resolved:
                self._set_focus(sentence, resolved)
            return
        for _, name in self.candidates.get(sentence, []):  # the first that can speak: not "Papua Barat Daya" before "Fadli Zon"
            expanded = expand_name(name, self.ctx, sentence)
            if can_speak(expanded):
                self._set_focus(sentence, expanded)
                return

    def _set_focus(self, sentence: int, name: str) -> None:
        if not can_speak(name):
            return
        if sentence not in self.focus:
            bisect.insort(self.focused, self.position[sentence])
        self.focus[sentence] = name


def _passive_speaker(paragraph: Paragraph, position: int, lex: Lexicon) -> SpeakerRef | None:
    """The named speaker of a sentence that only says who spoke ("Hal senada disampaikan X")."""
    start = paragraph.starts[position]
    end = paragraph.starts[position + 1] - 1 if position + 1 < len(paragraph.starts) else len(paragraph.text)
    said = attribution_next_sentence(paragraph.text[start:end], lex)
    if said is None or said.speaker is None or said.speaker.kind != "name":
        return None
    return SpeakerRef("name", said.speaker.text, start + said.speaker.start, start + said.speaker.end)


def _context(sentences: list[Sentence], mentions: list[Mention], lex: Lexicon, found: list[Found], language: str) -> Context:
    paragraphs = paragraphs_of(sentences)
    # words the article writes in lowercase, not counting a page's tag lines ("(wes/pus) skincare
    # marcel chandrawinata bisnis perawatan kulit"): lines without a sentence's final mark
    prose = " ".join(s.text for s in sentences if s.text.rstrip()[-1:] in '.!?"”\'’)')
    lowercase_words = frozenset(t.text for t in tokens(prose) if t.text.islower()) | common_words(language)
    speaker_words: set[str] = set()
    for item in found:
        ref = item.attribution.speaker if item.attribution else None
        if ref is not None and ref.kind == "name":
            words = without_titles(ref.text, lex).casefold().split()
            speaker_words.update(words if len(words) <= 2 else words[-1:])
    ctx = Context(paragraphs, lex, lowercase_words=lowercase_words, speaker_words=frozenset(speaker_words - lowercase_words))
    if mentions:
        ctx.persons = [(m.sentence, m.start, m.text) for m in mentions if m.type.startswith("PER")]
    else:
        for paragraph in paragraphs:
            quoted = [(s, e) for s, e, _, _ in quote_spans(paragraph.text)]
            quote_starts = [s for s, _ in quoted]
            for position, index in enumerate(paragraph.indices):
                start = paragraph.starts[position]
                end = paragraph.starts[position + 1] - 1 if position + 1 < len(paragraph.starts) else len(paragraph.text)
                for offset, name in _heuristic_names(paragraph.text, start, end, ctx):
                    if not _covering(quoted, quote_starts, offset) and (
                        _is_subject(name, offset - start, ctx) or set(name.casefold().split()) & ctx.speaker_words
                    ):
                        ctx.persons.append((index, offset - start, name))
    return ctx


def find_quotes(sentences: list[Sentence], mentions: list[Mention], language: str) -> list[Quote]:
    """Every direct quote and reported statement of an article, with its speaker's best name."""
    lex = lexicon(language)
    paragraphs = paragraphs_of(sentences)
    found: list[Found] = []
    for number, paragraph in enumerate(paragraphs):
        following = paragraphs[number + 1].text if number + 1 < len(paragraphs) else None
        found.extend(direct_quotes(paragraph, number, following, lex))
        found.extend(reported_speech(paragraph, number, lex))
    ctx = _context(sentences, mentions, lex, found, language)
    quoted: dict[int, list[tuple[int, int]]] = {}
    for paragraph in ctx.paragraphs:
        for start, end, _, _ in quote_spans(paragraph.text):
            for index in {paragraph.sentence_at(start), paragraph.sentence_at(max(start, end - 1))}:
                quoted.setdefault(index, []).append((start, end))
    resolver = Resolver(ctx, mentions, quoted)
    typed = mention_types(mentions)
    by_sentence: dict[int, list[Found]] = {}
    for item in found:
        by_sentence.setdefault(item.sentence, []).append(item)
    quotes: list[Quote] = []
    last_direct: str | None = None  # the speaker of the last direct quote
    last_person: str | None = None  # the last speaker that is a person
    for paragraph in ctx.paragraphs:
        for position, index in enumerate(paragraph.indices):
            speakers: list[str] = []
            for item in sorted(by_sentence.get(index, []), key=lambda f: f.start):
                ref = item.attribution.speaker if item.attribution else None
                if ref is not None and ref.kind == "pronoun" and item.attribution.verb in lex.continuations and last_direct:
                    speaker = last_direct  # '"...," imbuhnya': the one who was speaking goes on
                elif ref is not None:
                    speaker = resolver.name(ref, index, paragraph)
                elif item.attribution is None:
                    speaker = resolver.pronoun(index, item.start, paragraph)
                else:
                    speaker = None
                if speaker and item.kind == "direct" and (ref is None or ref.kind == "pronoun") and last_person \
                        and _is_organisation_like(speaker, lex):
                    speaker = last_person  # '"Kami ...," ujarnya' after "PHRI DIY menekankan": a person speaks
                if speaker and not can_speak(speaker, typed):
                    # a place, a natural feature or an event cannot speak ("pelatih asal Belanda
                    # tersebut"): the person the text is about, else nobody
                    speaker = resolver.pronoun(index, item.start, paragraph)
                    speaker = speaker if speaker and can_speak(speaker, typed) else None
                if speaker:
                    speakers.append(speaker)
                    last_direct = speaker if item.kind == "direct" else last_direct
                    last_person = speaker if not _is_organisation_like(speaker, lex) and _is_person_like(speaker, lex) else last_person
                elif item.kind == "direct" and len(item.text.split()) < _MIN_UNATTRIBUTED_WORDS:
                    continue  # a term in quotation marks ("kampung biru"), not speech
                quotes.append(Quote(item.text, speaker, index, item.kind, item.attribution.verb if item.attribution else None))
            start = paragraph.starts[position]
            if not speakers and index not in by_sentence:  # "Hal senada disampaikan X.": X is who the text is about
                said = _passive_speaker(paragraph, position, lex)
                named = resolver.name(said, index, paragraph) if said is not None else None
                speakers = [named] if named and can_speak(named, typed) else []
            first = tokens(paragraph.text, start, start + 20)[:1]
            resolver.settle(index, speakers, bool(first) and first[0].lower in lex.pronouns, paragraph)
    return quotes
