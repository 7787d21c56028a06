"""Quotes and reported statements, each with its attribution not yet resolved to a person.

Direct quotes are the spans between quotation marks, found per paragraph so that a quote running
over several sentences stays whole. Each gets its attribution from the text after it (``"…,"
kata Menteri X``, ``"…," ujarnya``, ``"…," he said``), before it (``X mengatakan: "…"``,
``Menurut X, "…"``) or the next sentence (``Hal itu disampaikan X``). Reported speech is a
sentence with a speech verb and a speaker but no quotation marks (``X mengatakan bahwa …``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kroscek.analyse.quotes.attribution import (
    Attribution,
    SpeakerRef,
    attribution_after,
    attribution_before,
    attribution_next_sentence,
    match_phrase,
    pronoun_verb,
    residents_subject,
    source_after,
    speaker_after,
    speaker_before,
)
from kroscek.analyse.quotes.lexicon import QuoteLexicon
from kroscek.analyse.quotes.names import MINISTRY_PREFIXES, NOT_SPEAKER_HEADS, can_speak, is_person_like
from kroscek.analyse.quotes.paragraphs import Paragraph, quote_spans, tokens
from kroscek.text.tokens import Token

_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
MIN_UNATTRIBUTED_WORDS = 5  # shorter quoted spans without attribution are terms, titles or scare quotes
_MIN_REPORTED_WORDS = 3  # shorter reported clauses are not statements
_SCARE_WORDS = 3  # a quoted span this short inside a reported clause marks a word, it is not a quote
_TITLE_CASE_SHARE = 0.7  # share of capitalised words that makes a quoted span a headline or a title
_GROUP_WORDS = 5  # words of an unnamed group's subject ("sejumlah organisasi lingkungan")
_OPENING_WORDS = 4  # words an opening "menurut X," may come after ("Atas hal tersebut, menurutnya,")
_INSERTED_WORDS = 8  # words an inserted ", kata dia," may come after ("Adapun hingga saat ini, kata dia,")
_TITLE_DOT_CHARS = 12  # characters before a dot read for a title that dot closes ("ujar Plt. Direktur")
_COMPLEMENT_WORDS = 8  # words after a speech verb searched for the word opening its clause ("bahwa", "agar")
_SPEAKER_COMMA_CHARS = 40  # a comma this close after "menurut X" opens the clause; farther, it starts at X


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



def _clean_quote(text: str) -> str:
    return text.strip().strip(",;:").strip()



def direct_quotes(paragraph: Paragraph, number: int, following: str | None, lex: QuoteLexicon) -> list[Found]:
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
        if attribution is None and (len(content.split()) < MIN_UNATTRIBUTED_WORDS or is_title_case(content)):
            continue
        found.append(Found(content, paragraph.sentence_at(inner_start), outer_start, outer_end, "direct", attribution, number))
    return found


def _sentence_end(text: str, start: int, end: int, lex: QuoteLexicon) -> int:
    """The first sentence end in ``text[start:end]``, not counting a title's dot ("ujar Plt. Direktur")."""
    for match in _SENTENCE_END.finditer(text, start, end):
        before = tokens(text, max(start, match.start() - _TITLE_DOT_CHARS), match.start())
        if not before or before[-1].lower not in lex.titles:
            return match.start()
    return end


def is_title_case(text: str) -> bool:
    """A headline or a work's title ("Purbaya Ungkap Rahasia Soeharto"), not speech."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) >= _TITLE_CASE_SHARE * len(words)


def reported_speech(paragraph: Paragraph, number: int, lex: QuoteLexicon) -> list[Found]:
    """Sentences without quotation marks that report what a named speaker said."""
    found: list[Found] = []
    # the quotes that make a sentence a direct quote's, not a word set off ('Ia mendorong "emak-emak" untuk ...')
    spans = quote_spans(paragraph.text)
    quoted = [span for span in spans if len(paragraph.text[span[2] : span[3]].split()) >= _SCARE_WORDS]
    quote_ends = [e for _, e, _, _ in quoted]  # ascending, as the spans do not overlap
    for position, start in enumerate(paragraph.starts):
        end = paragraph.starts[position + 1] - 1 if position + 1 < len(paragraph.starts) else len(paragraph.text)
        first_after = bisect.bisect_right(quote_ends, start)  # the first span ending after ``start``
        if first_after < len(quoted) and quoted[first_after][0] < end:
            continue
        report = _reported_in(paragraph.text, start, end, lex)
        if report is not None:
            clause_start, clause_end, attribution = report
            if attribution.verb in lex.naming_verbs and any(start <= s < end for s, _, _, _ in spans):
                continue  # 'Warga menyebut kawasan itu "kampung biru"': a name given, not a statement
            clause = paragraph.text[clause_start:clause_end].strip(" ,:;.")
            if len(clause.split()) >= _MIN_REPORTED_WORDS:
                found.append(Found(clause, paragraph.indices[position], clause_start, clause_end, "reported", attribution, number))
    return found


def _reported_in(text: str, start: int, end: int, lex: QuoteLexicon) -> tuple[int, int, Attribution] | None:
    """(clause start, clause end, attribution) of a reported statement in one sentence."""
    toks = tokens(text, start, end)
    if not toks:
        return None
    stated = _subject_verb_clause(text, toks, end, lex)
    according = _according_clause(text, toks, end, lex)
    if stated is not None and according is not None and stated[2].speaker is not None and according[0] <= stated[2].speaker.start \
            and (according[2].verb in lex.after_verbs or "," not in text[according[2].speaker.end : stated[2].speaker.start]):
        # "Oleh sebab itu, lanjutnya, Koperasi X memastikan ...": the one speaking relays the body's word;
        # "menurut data X (XY) menyatakan ...": one subject written twice; not a source and then another
        # subject ("Menurut laporan Reuters, X mengatakan ..."), where X speaks
        return according
    return stated or according or _trailing_attribution(text, start, end, lex)


def _subject_verb_clause(text: str, toks: list[Token], end: int, lex: QuoteLexicon) -> tuple[int, int, Attribution] | None:
    """``X mengatakan (bahwa) CLAUSE`` / ``X said (that) CLAUSE``."""
    for position, token in enumerate(toks):
        if position == 0 or (token.lower not in lex.speech_verbs and not _speech_noun_phrase(toks, position, lex)
                             and not _admits(toks, position, lex)):
            continue
        request = token.lower in lex.needs_complement
        openers = lex.request_complementizers if request else lex.complementizers
        following = [t.lower for t in toks[position + 1 : position + 1 + _COMPLEMENT_WORDS]]
        comma_opens = text[token.end : token.end + 1] == ","  # "CNN melaporkan, ...": the comma opens the clause
        addressed = _after_addressee(text, toks, position, lex)  # "mengingatkan kepada seluruh mitra, CLAUSE"
        comma_opens = comma_opens or addressed is not None
        if request and not openers.intersection(following) and not comma_opens and not _asks_someone_to_act(text, toks, position, lex):
            continue
        speaker = speaker_before(text, toks, position, lex)
        if speaker is not None and speaker.kind == "role" and _group_subject(text, toks, position, lex):
            speaker = None  # "Para pejabat mengatakan": officials, no one of them
        if speaker is None and (_group_subject(text, toks, position, lex) or residents_subject(text, toks, position, lex)):
            pass  # "Namun, para ahli mengatakan ...": a statement of no one person, its speaker left open
        elif speaker is None or (speaker.kind == "name" and all(w.casefold() in lex.not_person for w in speaker.text.split())
                                 and not _speaking_body(speaker.text)):
            return None
        clause_start = token.end if addressed is None else addressed
        for later in toks[position + 1 : position + 1 + _COMPLEMENT_WORDS]:
            if later.lower in openers:
                clause_start = later.start if request and later.lower not in lex.complementizers else later.end
                break
        else:
            if token.lower in lex.object_verbs and not comma_opens and not _states_something(text, toks[position + 1 :], lex):
                return None  # "Kluivert memaparkan sejumlah kelebihan lawan": what was spoken about, not what was said
            if token.lower in lex.object_verbs and not comma_opens and position + 1 < len(toks) and toks[position + 1].lower in _FELT_OBJECTS:
                return None  # "menyampaikan belasungkawa kepada ...", "mengungkapkan kekecewaan atas ...": a feeling conveyed, no statement
            if not comma_opens and position + 1 < len(toks) and toks[position + 1].lower in _WHAT_MATTERS:
                return None  # "menekankan pentingnya evaluasi izin tambang": what was stressed, a noun, no statement
        return clause_start, end, Attribution(token.lower, speaker)
    return None


def _speaking_body(name: str) -> bool:
    """A body named by one word that speaks as itself ("KPK menduga ...", "Polri menyatakan ..."):
    an acronym or an institution's short name, not a day, a month, a place or a feature."""
    folded = name.casefold()
    return len(name.split()) == 1 and len(name) >= 2 and folded not in NOT_SPEAKER_HEADS and can_speak(name) \
        and (name.isupper() or folded.startswith(MINISTRY_PREFIXES) or folded in _BODY_NAMES)


_BODY_NAMES = frozenset({"polri", "kejaksaan", "kepolisian"})  # bodies not written in capitals nor named as a ministry


def _admits(toks: list[Token], position: int, lex: QuoteLexicon) -> bool:
    """``X tak menampik CLAUSE``: a denial verb after a negation admits what follows, as "mengakui" does."""
    return toks[position].lower in lex.negated_denials and toks[position - 1].lower in lex.negations


_REQUEST_OBJECT_WORDS = 8  # words of the one asked before what he is asked to do ("meminta seluruh Dirlantas dan jajaran melakukan ...")
_ASKING_VERBS = frozenset({"meminta", "memerintahkan", "mendesak", "mengimbau", "mendorong", "menginstruksikan"})  # a person asked to act
_PEOPLE = frozenset({"seluruh", "semua", "setiap", "pemerintah", "pihak", "jajaran", "petugas", "anggota", "orang", "publik",
                     "masyarakat", "warga", "penduduk", "rakyat", "pemda", "perusahaan", "para", "pengusaha", "pedagang"})
_ASKED_THINGS = frozenset({"maaf", "izin", "keterangan", "waktu", "klarifikasi", "tanggapan", "konfirmasi", "data", "uang", "bantuan"})


def _asks_someone_to_act(text: str, toks: list[Token], verb: int, lex: QuoteLexicon) -> bool:
    """``X meminta seluruh kapolres melakukan pendataan``: a request verb, the one asked (a noun
    phrase, no verb in it) and a verb of what he is to do, with no comma between; not asking for
    something ("meminta maaf", "meminta keterangan saksi")."""
    if toks[verb].lower not in _ASKING_VERBS or verb + 2 >= len(toks) or toks[verb + 1].lower in _ASKED_THINGS \
            or toks[verb + 1].lower in lex.question_words:
        return False
    asked = toks[verb + 1]
    if not (asked.capitalised or asked.lower in _PEOPLE or asked.lower in lex.titles or asked.lower in lex.groups
            or asked.lower in lex.collective_roles or asked.lower in lex.pronouns):
        return False  # "mendorong riset pangan berbasis ...": a thing pushed for, not someone asked to act
    for position in range(verb + 1, min(len(toks), verb + 1 + _REQUEST_OBJECT_WORDS)):
        word = toks[position].lower
        if "," in text[toks[position - 1].end : toks[position].start] or word in ("yang", "dan", "untuk") and position == verb + 1:
            return False
        if word == "yang":
            return False  # "meminta warga yang terdampak ...": a relative clause, not what is asked
        if len(word) >= _VERB_PREFIX_MIN_CHARS and word.startswith(lex.verb_prefixes) and word not in lex.not_verbs \
                and not word.startswith(("di", "ter")) and not toks[position].capitalised:
            return position > verb + 1  # the one asked, then the verb of what he is asked to do
    return False


# what a speech verb conveys when its object is a feeling or a courtesy, not a statement
_FELT_OBJECTS = frozenset({
    "belasungkawa", "duka", "dukacita", "terima", "apresiasi", "selamat", "ucapan", "permohonan", "permintaan", "maaf",
    "keresahan", "kekecewaan", "keprihatinan", "penghargaan", "salam", "rasa", "kebahagiaan", "kegembiraan", "kesedihan",
    "kekhawatiran", "kemarahan", "simpati", "empati", "komitmen", "dukungan",
})


# the importance of something, the noun a speech verb stresses ("menekankan pentingnya ..."): no statement
_WHAT_MATTERS = frozenset({"pentingnya", "perlunya"})


_ADDRESSEES = frozenset({"kepada", "pada", "bagi"})


def _after_addressee(text: str, toks: list[Token], verb: int, lex: QuoteLexicon) -> int | None:
    """Where the clause starts after a speech verb's addressee closed by a comma ("mengingatkan
    kepada seluruh mitra kios, pelanggaran ..."): the first word after that comma; None when the
    verb has no such addressee, or a complementizer or a verb comes first."""
    if verb + 1 >= len(toks) or toks[verb + 1].lower not in _ADDRESSEES:
        return None
    for position in range(verb + 2, min(len(toks), verb + 2 + _COMPLEMENT_WORDS)):
        if "," in text[toks[position - 1].end : toks[position].start]:
            return toks[position].start if position > verb + 2 else None
        if toks[position].lower in lex.request_complementizers or toks[position].lower in lex.complementizers:
            return None
    return None


_VERB_PREFIX_MIN_CHARS = 5  # a shorter word with a verb's prefix is not a verb ("beli", "dia")


def _states_something(text: str, toks: list[Token], lex: QuoteLexicon) -> bool:
    """Whether the words after a speech verb that also takes a noun phrase ("memaparkan"), without
    a complementizer, are a clause: not opened by
    a question word ("menjelaskan mengapa ..."), and holding a predicate, a word with a verb's
    prefix ("tim akan bertahan") or an auxiliary, a negation or a bare verb ("harga masih tinggi").
    A language without these word lists takes every clause."""
    if not lex.predicate_words:
        return True
    if toks and toks[0].lower in lex.question_words:
        return False
    relative = False  # inside "yang ...": its verbs are not the predicate ("dua petinju yang terlibat konflik")
    for position, token in enumerate(toks):
        word = token.lower
        if position and "," in text[toks[position - 1].end : token.start]:
            relative = False  # "apabila gugatan yang dilayangkan X terbukti, ...": the relative clause ended
        if word == "yang":
            relative = True
        elif word in lex.predicate_words:
            return True  # "pelaku yang ditangkap adalah warga": the copula after a relative clause
        elif not relative and word not in lex.not_verbs and len(word) >= _VERB_PREFIX_MIN_CHARS and word.startswith(lex.verb_prefixes):
            return True
    return False


_LIGHT_VERB_WORDS = 3  # words from a light verb to its speech noun ("memberikan penegasan", "memberi alasan utama")


def _speech_noun_phrase(toks: list[Token], verb: int, lex: QuoteLexicon) -> bool:
    """``Ia memberikan alasan utama bahwa ...``: a light verb with a speech noun after it, then a
    complementizer, reports like a speech verb."""
    if toks[verb].lower not in lex.light_verbs:
        return False
    following = toks[verb + 1 : verb + 1 + _LIGHT_VERB_WORDS]
    nouns = [i for i, t in enumerate(following, start=verb + 1) if t.lower in lex.speech_nouns]
    return bool(nouns) and any(t.lower in lex.complementizers for t in toks[nouns[0] + 1 : nouns[0] + 1 + _LIGHT_VERB_WORDS])


def _group_subject(text: str, toks: list[Token], verb: int, lex: QuoteLexicon) -> bool:
    """Whether the subject of ``toks[verb]`` is an unnamed group ("para ahli", "sejumlah
    organisasi lingkungan", "kelompok-kelompok masyarakat sipil"): the words after the last comma
    before the verb, opened by a group word, no longer than a noun phrase."""
    start = verb
    while start > 0 and not text[toks[start - 1].end : toks[start].start].strip(" \n") and verb - start < _GROUP_WORDS:
        start -= 1
    if start > 0 and not text[toks[start - 1].end : toks[start].start].strip(" \n"):
        return False  # longer than a noun phrase
    return start < verb and toks[start].lower in lex.groups and not any(t.capitalised for t in toks[start + 1 : verb])


def _according_clause(text: str, toks: list[Token], end: int, lex: QuoteLexicon) -> tuple[int, int, Attribution] | None:
    """``Menurut X, CLAUSE`` / ``Sebab menurutnya, CLAUSE`` / ``Bahkan, lanjut X, CLAUSE`` /
    ``According to X, CLAUSE`` near the start of a sentence; set off by commas anywhere in it
    ("Sementara itu, jika merujuk data Bank Dunia, menurut Wijayanto, CLAUSE"; "Lagipula,
    katanya, CLAUSE")."""
    single = {p[0] for p in lex.according if len(p) == 1}
    for at in range(len(toks)):
        inserted = at > 0 and text[toks[at - 1].end : toks[at].start].strip() == ","
        if at >= _OPENING_WORDS and not inserted:
            continue
        according = match_phrase(toks, at, lex.according)
        stem = pronoun_verb(toks[at], lex)
        if at >= _INSERTED_WORDS and not (according and according[0] in single) and stem not in single:
            continue
        if according in lex.citing:
            continue  # "Dikutip dari situs resmi Pemprov X, warga bisa ...": where it was read, not who said it
        if according is None and (opening := _opening_kata(text, toks, at, end, lex)) is not None:
            speaker, verb = opening, toks[at].lower
        elif according:
            speaker = speaker_after(text, toks, at + len(according), lex) or source_after(text, toks, at + len(according), lex)
            verb = " ".join(according)
            if at >= _OPENING_WORDS and (speaker is None or text[speaker.end : speaker.end + 1] != ","):
                continue
        elif stem in single:
            speaker, verb = SpeakerRef("pronoun", toks[at].lower, toks[at].start, toks[at].end), stem
        elif inserted and stem in lex.after_verbs and text[toks[at].end : toks[at].end + 1] == ",":
            speaker, verb = SpeakerRef("pronoun", toks[at].lower, toks[at].start, toks[at].end), stem  # ", katanya,"
        elif inserted and (toks[at].lower in lex.after_verbs or toks[at].lower in lex.inserted_passive):  # ", kata X," / ", disebut X,"
            speaker, verb = speaker_after(text, toks, at + 1, lex), toks[at].lower
            if speaker is None or text[speaker.end : speaker.end + 1] != ",":
                continue
            if verb in lex.inserted_passive and not (speaker.kind == "name" and is_person_like(speaker.text, lex)):
                continue  # "Pasar itu, disebut Pasar Baru, ramai": a name given, not a speaker
        else:
            continue
        if speaker is None:
            return None  # "Menurut kepala desa, ...": a role speaks too, resolved to the one the article names for it
        speaker = _holder_after_office(text, speaker, end, lex)
        comma = text.find(",", speaker.end, end)
        clause_start = comma + 1 if comma != -1 and comma - speaker.end < _SPEAKER_COMMA_CHARS else speaker.end
        return clause_start, end, Attribution(verb, speaker)
    return None



def _opening_kata(text: str, toks: list[Token], at: int, end: int, lex: QuoteLexicon) -> SpeakerRef | None:
    """``Kata Yannes, CLAUSE`` / ``Namun kata Sani, CLAUSE``: an after-verb opening its sentence (past
    connectives only) with a name and a comma after it says who speaks, as "menurut" does; not
    "mendengar kata X," (the word), nor "Katanya, ..." (talk going round)."""
    if toks[at].lower not in lex.after_verbs or any(t.lower not in lex.sentence_starters for t in toks[:at]):
        return None
    speaker = speaker_after(text, toks, at + 1, lex)
    if speaker is None or speaker.kind != "name" or text[speaker.end : speaker.end + 1] != "," \
            or not is_person_like(speaker.text, lex):
        return None
    return speaker


_OFFICE_RUN = re.compile(r"(?:\s+(?:[A-Z][\w&.-]*|of|for|and|&|di|dari|untuk))*\s*,\s*")  # the rest of an office, to its comma
_HOLDER_THEN_COMMA = re.compile(r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3})\s*,")


def _holder_after_office(text: str, speaker: SpeakerRef, end: int, lex: QuoteLexicon) -> SpeakerRef:
    """``Menurut Corporate Communications Strategic of Batik Air, Danang Mandala Prihantoro, CLAUSE``:
    a capitalised office the title words do not know, then the person holding it between commas;
    that person speaks."""
    office = _OFFICE_RUN.match(text, speaker.end, end)
    if speaker.kind != "name" or office is None:
        return speaker
    holder = _HOLDER_THEN_COMMA.match(text, office.end(), end)
    if holder is None or not is_person_like(holder.group(1), lex) or not can_speak(holder.group(1)) \
            or any(w.casefold() in lex.not_person for w in holder.group(1).split()):
        return speaker
    return SpeakerRef("name", holder.group(1), holder.start(1), holder.end(1))


def _trailing_attribution(text: str, start: int, end: int, lex: QuoteLexicon) -> tuple[int, int, Attribution] | None:
    """``CLAUSE, kata X.`` / ``CLAUSE, ujarnya.`` / ``CLAUSE, X said.``."""
    tail = re.search(r",\s*([^,]*)$", text[start:end])
    if not tail:
        return None
    clause_end = start + tail.start()
    tail_tokens = tokens(text, start + tail.start(1), end)
    according = match_phrase(tail_tokens, 0, lex.according)
    if according in lex.citing:
        return None
    if according:
        source = speaker_after(text, tail_tokens, len(according), lex) or source_after(text, tail_tokens, len(according), lex)
        return (start, clause_end, Attribution(" ".join(according), source)) if source else None
    attribution = attribution_after(text, start + tail.start(1), end, lex)
    if attribution is None or attribution.speaker is None or attribution.verb not in lex.after_verbs:
        return None
    return start, clause_end, attribution

