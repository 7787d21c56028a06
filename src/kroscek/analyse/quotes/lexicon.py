"""The attribution words of each language (``resources/quotes/<language>.json``): speech verbs,
"menurut"-like phrases, pronouns, titles, roles and the words that mark a subject as an office, a
thing or a group; the words that show a clause has a predicate; and the words news text mostly writes in lowercase (not names)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kroscek.text import lexicon as resources
from kroscek.text.words import word_counts


@dataclass(frozen=True)
class QuoteLexicon:
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
    documents: frozenset[str] = frozenset()
    verb_prefixes: tuple[str, ...] = ()
    not_verbs: frozenset[str] = frozenset()
    predicate_words: frozenset[str] = frozenset()
    object_verbs: frozenset[str] = frozenset()
    collective_roles: frozenset[str] = frozenset()
    body_offices: tuple[tuple[str, tuple[str, ...]], ...] = ()  # a collective role and its offices
    light_verbs: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()
    inserted_passive: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    citing: tuple[tuple[str, ...], ...] = ()
    accounts: frozenset[str] = frozenset()
    platforms: frozenset[str] = frozenset()
    alias_before: tuple[tuple[str, ...], ...] = ()  # "nama asli" before a name: another name of one already named
    posting_words: frozenset[str] = frozenset()  # between an account word and a handle ("keterangan video yang diunggah")
    name_titles: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    title_forms: tuple[tuple[str, str], ...] = ()
    question_words: frozenset[str] = frozenset()
    negated_denials: frozenset[str] = frozenset()  # denials that admit after a negation ("tak menampik")
    negations: frozenset[str] = frozenset()


@cache
def lexicon(language: str) -> QuoteLexicon:
    """The attribution words for ``language`` (``text.lexicon``'s rule: Indonesian's when it has no list)."""
    if not resources.has("quotes", language):
        return lexicon(resources.DEFAULT_LANGUAGE)
    data = resources.load("quotes", language)
    suffix = data.get("pronoun_suffix", "")

    def words(key: str) -> frozenset[str]:
        return frozenset(v.casefold() for v in data.get(key, ()))

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted({tuple(p.casefold().split()) for p in data.get(key, ())}, key=lambda p: (-len(p), p)))

    return QuoteLexicon(
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
        documents=words("documents"),
        verb_prefixes=tuple(sorted(words("verb_prefixes"))),
        not_verbs=words("not_verbs"),
        predicate_words=words("predicate_words"),
        object_verbs=words("object_verbs"),
        collective_roles=words("collective_roles"),
        body_offices=tuple(sorted((k.casefold(), tuple(v)) for k, v in data.get("body_offices", {}).items())),
        light_verbs=words("light_verbs"),
        speech_nouns=words("speech_nouns"),
        inserted_passive=words("inserted_passive"),
        naming_verbs=words("naming_verbs"),
        citing=phrases("citing"),
        accounts=words("accounts"),
        platforms=words("platforms"),
        posting_words=words("posting_words"),
        alias_before=phrases("alias_before"),
        name_titles=words("name_titles"),
        places=words("places"),
        title_forms=tuple(sorted((k.casefold(), v) for k, v in data.get("title_forms", {}).items())),
        question_words=words("question_words"),
        negated_denials=words("negated_denials"),
        negations=words("negations"),
    )


@cache
def common_words(language: str) -> frozenset[str]:
    """Words news text mostly writes in lowercase (the cleaner's word counts): not names."""
    counts = word_counts(language) or {}
    return frozenset(word for word, count in counts.items() if count.lower * 2 >= count.total)
