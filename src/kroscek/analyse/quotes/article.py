"""Every quote of one article: the quotes and statements found (``spans``), their speakers
resolved in reading order (``speakers``)."""

from __future__ import annotations

import re

from kroscek.analyse.quotes.attribution import RUN_PREPOSITIONS
from kroscek.analyse.quotes.lexicon import QuoteLexicon, lexicon
from kroscek.analyse.quotes.names import article_places, can_speak, is_organisation_like, is_person_like, mention_types, places_in_article
from kroscek.analyse.quotes.paragraphs import Paragraph, paragraphs_of, quote_spans, tokens
from kroscek.analyse.quotes.spans import MIN_UNATTRIBUTED_WORDS, Found, direct_quotes, reported_speech
from kroscek.analyse.quotes.speakers import Resolver, passive_speaker, speaker_context
from kroscek.model import Mention, Quote, Sentence

# verbs of a statement an account often relays ("pemilik kios mengakui ...", told by an officer): its
# subject does not take over the continuation verbs after it
_RELAYED_VERBS = frozenset({"mengaku", "mengakui"})
_FIRST_WORD_CHARS = 20  # characters at the start of a sentence read for its first word (a pronoun opening it)


def find_quotes(sentences: list[Sentence], mentions: list[Mention], language: str) -> list[Quote]:
    """Every direct quote and reported statement of an article, with its speaker's best name; a
    name the article writes as a place ("Kecamatan Pasirian") never speaks in it."""
    lex = lexicon(language)
    paragraphs = paragraphs_of(sentences)
    with places_in_article(article_places((p.text for p in paragraphs), lex)):
        return _find_quotes(paragraphs, sentences, mentions, lex, language)


def _find_quotes(paragraphs: list[Paragraph], sentences: list[Sentence], mentions: list[Mention], lex: QuoteLexicon,
                 language: str) -> list[Quote]:
    found: list[Found] = []
    for number, paragraph in enumerate(paragraphs):
        following = paragraphs[number + 1].text if number + 1 < len(paragraphs) else None
        found.extend(direct_quotes(paragraph, number, following, lex))
        found.extend(reported_speech(paragraph, number, lex))
    ctx = speaker_context(sentences, paragraphs, mentions, lex, found, language)
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
    last_direct: str | None = None  # the one speaking last: a direct quote's speaker, or one named saying a statement
    last_person: str | None = None  # the last speaker that is a person
    quoting: set[str] = set()  # the speakers a direct quote names ('"...," ungkap HNW')
    previous: int | None = None  # the sentence before, in reading order
    for paragraph in ctx.paragraphs:
        for position, index in enumerate(paragraph.indices):
            speakers: list[str] = []
            for item in sorted(by_sentence.get(index, []), key=lambda f: f.start):
                ref = item.attribution.speaker if item.attribution else None
                if ref is not None and ref.kind == "pronoun" and item.attribution.verb in lex.continuations and last_direct:
                    speaker = last_direct  # '"...," imbuhnya': the one who was speaking goes on
                elif ref is not None:
                    speaker = resolver.name(ref, index, paragraph)
                    if ref.kind == "name" and speaker and " " not in speaker and not speaker.isupper() \
                            and speaker.casefold() in ctx.lowercase_words and _opens_sentence(paragraph, ref.start, lex):
                        # "Penonton berharap", "Cerita menekankan": a common noun opening the sentence, no one named;
                        # "Polisi menyebut": a body that speaks, as its role
                        speaker = (resolver.body(speaker.casefold()) if speaker.casefold() in lex.collective_roles
                                   else None)
                        if speaker is None and item.kind == "reported":
                            continue  # "Cerita menekankan pentingnya ...": a story or an audience, no statement of anyone's
                elif item.attribution is None:
                    speaker = resolver.pronoun(index, item.start, paragraph)
                else:
                    speaker = None
                    if item.kind == "direct" and not _described_back(paragraph, item, lex):
                        # '"...," ujar salah seorang pegawai hotel': no one named speaks (not "pesan bintang
                        # sinetron X itu", the one named before), and no one named goes on speaking after it
                        resolver.unnamed(index)
                        last_direct = None
                if speaker and item.kind == "direct" and (ref is None or ref.kind == "pronoun") and last_person \
                        and is_organisation_like(speaker, lex) and speaker not in quoting:
                    # '"Kami ...," ujarnya' after "PHRI DIY menekankan": a person speaks; not after initials
                    # the article gives a direct quote to by name ('ungkap HNW'), a person by the short name
                    speaker = last_person
                if speaker and not can_speak(speaker, typed):
                    # a place, a natural feature or an event cannot speak ("pelatih asal Belanda
                    # tersebut"): the person the text is about, else nobody
                    speaker = resolver.pronoun(index, item.start, paragraph)
                    speaker = speaker if speaker and can_speak(speaker, typed) else None
                if speaker and item.kind == "direct" and ref is not None and ref.kind == "name":
                    quoting.add(speaker)
                if speaker:
                    speakers.append(speaker)
                    if item.kind == "direct" or (ref is not None and ref.kind == "name" and item.attribution.verb not in _RELAYED_VERBS):
                        last_direct = speaker  # "X mengatakan bahwa ...": X goes on speaking in "Ia menambahkan"
                    last_person = speaker if not is_organisation_like(speaker, lex) and is_person_like(speaker, lex) else last_person
                elif item.kind == "direct" and len(item.text.split()) < MIN_UNATTRIBUTED_WORDS:
                    continue  # a term in quotation marks ("kampung biru"), not speech
                quotes.append(Quote(item.text, speaker, index, item.kind, item.attribution.verb if item.attribution else None))
            start = paragraph.starts[position]
            if not speakers and index not in by_sentence:  # "Hal senada disampaikan X.": X is who the text is about
                said = passive_speaker(paragraph, position, lex)
                named = resolver.name(said, index, paragraph) if said is not None else None
                speakers = [named] if named and can_speak(named, typed) else []
                if speakers and _BACK_REFERENCE.match(paragraph.text, start):
                    # "Kementerian Pertanian memastikan ... . Hal ini disampaikan Wamentan Sudaryono": the body's
                    # statement of the sentence before was the official's
                    for quote in reversed(quotes):
                        if quote.sentence != previous or not quote.speaker or not is_organisation_like(quote.speaker, lex) \
                                or is_person_like(quote.speaker, lex):
                            break
                        quote.speaker = speakers[0]
            previous = index
            first = tokens(paragraph.text, start, start + _FIRST_WORD_CHARS)[:1]
            refers_back = (bool(first) and first[0].lower in lex.pronouns) or _opens_described(paragraph, start, lex)
            resolver.settle(index, speakers, refers_back, paragraph)
    return quotes


_BACK_REFERENCE = re.compile(r"\W*(?:hal|pernyataan|keterangan|penjelasan)\s+(?:ini|itu|tersebut)\b", re.IGNORECASE)
_DESCRIPTION_CHARS = 60  # characters at the start of a sentence read for a description closed by a demonstrative
_DESCRIPTION_RUN = 4  # capitalised words such a description may have


def _opens_described(paragraph: Paragraph, start: int, lex: QuoteLexicon) -> bool:
    """Whether the sentence at ``start`` opens with a capitalised description closed by a
    demonstrative ("Penyerang Barcelona itu mengumumkan ..."): it is about the one named before, as a
    sentence opening with a pronoun is, not about a name later in it."""
    toks = tokens(paragraph.text, start, start + _DESCRIPTION_CHARS)
    at = 0
    while at < len(toks) and toks[at].lower in lex.sentence_starters:
        at += 1
    run = at
    while run < len(toks) and run - at < _DESCRIPTION_RUN and toks[run].capitalised:
        run += 1
    return at < run < len(toks) and toks[run].lower in lex.demonstratives


def _opens_sentence(paragraph: Paragraph, offset: int, lex: QuoteLexicon) -> bool:
    """Whether only sentence openers ("Namun,") stand before ``offset`` in its sentence: a word
    there is capitalised as the sentence's first, whatever it is."""
    start = paragraph.sentence_span(offset)[0]
    before = tokens(paragraph.text, start, offset)
    according = {phrase[0] for phrase in lex.according}  # "Menurut Mari,": a name after it, not the sentence's first word
    return all(t.lower in lex.sentence_starters and t.lower not in according for t in before)


_TAG_WORDS = 12  # words after a direct quote read for its speech tag ("ujar salah seorang pegawai hotel itu")


def _described_back(paragraph: Paragraph, item: Found, lex: QuoteLexicon) -> bool:
    """Whether the speech tag after a direct quote describes with a demonstrative the one named
    before ("pesan bintang sinetron X itu"): a demonstrative within its first words, before a
    preposition, the sentence's end or another quote; not one of a later phrase or a later quote."""
    end = paragraph.sentence_span(max(item.start, item.end - 1))[1]
    marks = [at for at in (paragraph.text.find(mark, item.end, end) for mark in '"“”') if at >= 0]
    for token in tokens(paragraph.text, item.end, min(marks, default=end))[:_TAG_WORDS]:
        if token.lower in RUN_PREPOSITIONS or token.lower in lex.complementizers:
            return False  # "... saat ditemui di lobi gedung itu": the place's demonstrative, past the tag
        if token.lower in lex.demonstratives:
            return True
    return False
