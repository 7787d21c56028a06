"""Entity resolution: one entity per real person, organisation or place, however it is spelled.

Mentions are resolved in this order:
1. acronyms the story itself defines, "Republik Rakyat Donetsk (DPR)", so DPR is that name here;
2. the gazetteer (``text.gazetteer``): curated names, countries (``iso:KP``), cities (``geonames:…``);
3. spelling variants within the story: person names whose words match one to one up to small
   edits ("Dennis Pushlin" = "Denis Pushilin"), a surname alone ("Pushilin"), and acronyms cut
   short by scraping ("KCN" for "KCNA", also where the cleaner flagged "KCN Ini" as cut off).
Each entity keeps its aliases (every spelling seen) and its mentions (article, sentence, span).
A person introduced as "Presiden Rusia Vladimir Putin" is linked to the place (``links``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from kroscek.analyse.entities import titles
from kroscek.model import Article, Entity, EntityMention, Mention
from kroscek.text import names
from kroscek.text.fold import name_key
from kroscek.text.gazetteer import Known, lookup

RESOLVED_TYPES = ("PER", "ORG", "LOC", "EVT")
_CAPITALISED = r"[A-Z][\w'-]*"
_DEFINITION = re.compile(rf"((?:{_CAPITALISED}\s+(?:(?:dan|and|of|the|di|&)\s+)?)*{_CAPITALISED})\s*\(([A-Z][A-Za-z]{{1,9}})\)")


@dataclass
class _Group:
    """Mentions believed to name one entity."""

    type: str
    known: Known | None = None
    mentions: list[tuple[str, Mention]] = field(default_factory=list)

    def spellings(self) -> Counter[str]:
        return Counter(m.text for _, m in self.mentions)


def acronym_definitions(articles: Sequence[Article]) -> dict[str, str]:
    """Acronyms the articles define in parentheses, "Long Name (ACR)", with their long names."""
    found: dict[str, str] = {}
    for article in articles:
        for sentence in article.sentences:
            for long_name, acronym in _DEFINITION.findall(sentence.text):
                words = long_name.split()[-(len(acronym) + 1):]
                letters = {c for c in acronym if c.isupper()}
                initials = [w[0] for w in words]
                if 2 * len(letters & set(initials)) >= len(letters):  # word order differs by language: DPR, "Republik Rakyat Donetsk"
                    start = next(i for i, c in enumerate(initials) if c in letters)
                    found.setdefault(acronym, " ".join(words[start:]))
    return found


@lru_cache(maxsize=1 << 16)
def _words(name: str) -> tuple[str, ...]:
    return tuple(w for w in name_key(name).split() if w not in titles())


def same_person(a: str, b: str) -> bool:
    """Whether two person names can be one person (``text.names.same_person`` on their words, titles left out)."""
    return names.same_person(_words(a), _words(b))


def _known(mention: Mention, definitions: dict[str, str]) -> Known | None:
    text = mention.text.strip()
    if text in definitions:
        return lookup(definitions[text], places=mention.type != "PER") or Known("", definitions[text], mention.type)
    return lookup(text)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name_key(name)).strip("-")


def _display_name(group: _Group) -> str:
    """The spelling closest to all others, weighted by how often each is used; longer wins ties."""
    spellings = group.spellings()
    if group.known and group.known.id:
        named = [s for s in spellings if name_key(s) == name_key(group.known.name)]
        if named:
            return named[0]
    similar = same_person if group.type == "PER" else names.same_entity_name

    def support(spelling: str) -> tuple[bool, int, int, int, int]:
        agree = sum(count for other, count in spellings.items() if similar(spelling, other))
        return len(_words(spelling)) > 1, agree + spellings[spelling], spellings[spelling], len(_words(spelling)), len(spelling)

    return max(sorted(spellings), key=support)


def _group(mentions: list[tuple[str, Mention]], definitions: dict[str, str]) -> list[_Group]:
    by_id: dict[str, _Group] = {}
    pending: list[tuple[str, Mention]] = []
    for item in mentions:
        known = _known(item[1], definitions)
        if known and known.id:
            by_id.setdefault(known.id, _Group(known.type, known)).mentions.append(item)
        elif known:  # a story-defined acronym: group with its long name
            pending.append((item[0], Mention(known.name, item[1].type, *_position(item[1]))))
        else:
            pending.append(item)
    # Multi-word names first, so that a surname alone joins the full name it belongs to; then a
    # fixed order, so the result does not depend on the order of the articles.
    pending.sort(key=lambda item: (-len(_words(item[1].text)), item[1].text, item[0], _position(item[1])))
    variants: list[_Group] = []
    for article_id, mention in pending:
        similar = same_person if mention.type == "PER" else names.same_entity_name
        candidates = [g for g in variants if any(_joins(mention, m, similar) for _, m in g.mentions)]
        if candidates:
            words = set(_words(mention.text))
            best = max(candidates, key=lambda g: (any(words & set(_words(m.text)) for _, m in g.mentions), len(g.mentions)))
            best.mentions.append((article_id, mention))  # an exact word first: "Yohanis" is Yohanis Latuheru
        else:
            variants.append(_Group(mention.type, None, [(article_id, mention)]))
    return [*by_id.values(), *variants]


def _joins(mention: Mention, member: Mention, similar: Callable[[str, str], bool]) -> bool:
    """Whether a mention joins a group through one member: the same spelling, or a similar one of a
    compatible type. A single word only joins through a longer name, so "Haryono" cannot reach
    "Suhartono Wibisono" by way of "Hartono"."""
    if name_key(mention.text) == name_key(member.text):
        return True
    if len(_words(member.text)) < 2 and len(_words(mention.text)) < 2:
        return False
    return _compatible(member.type, mention.type) and similar(mention.text, member.text)


def _compatible(a: str, b: str) -> bool:
    """Taggers confuse organisations and places ("Korea Utara mengakui ..."), never people."""
    return a == b or "PER" not in (a, b)


def _position(mention: Mention) -> tuple[int, int, int]:
    return mention.sentence, mention.start, mention.end


def _entity(group: _Group, originals: dict[tuple[str, int, int], str]) -> Entity:
    if not group.known:
        group.type = Counter(m.type for _, m in group.mentions).most_common(1)[0][0]
    name = _display_name(group)
    entity_id = group.known.id if group.known and group.known.id else f"{group.type.lower()}:{_slug(name)}"
    mentions = sorted(
        (EntityMention(article, m.sentence, m.start, m.end, originals.get((article, m.sentence, m.start), m.text)) for article, m in group.mentions),
        key=lambda m: (m.article, m.sentence, m.start),
    )
    aliases = sorted({m.text for m in mentions} - {name})
    return Entity(id=entity_id, name=name, type=group.type, aliases=aliases, mentions=mentions)


def _truncated_names(articles: Sequence[Article], entities: list[Entity]) -> None:
    """Names the cleaner found cut short ("KCN Ini" where "KCNA" was meant) join the one entity they begin."""
    for article in articles:
        for warning in (w for w in article.warnings if w.kind == "truncated-name"):
            cut = warning.span.split()[0]
            owners = [e for e in entities if any(n.startswith(cut) and n != cut for n in (e.name, *e.aliases))]
            sentence = next((s for s in article.sentences if warning.span in s.text), None)
            if len(owners) != 1 or sentence is None:
                continue
            owner, start = owners[0], sentence.text.index(warning.span)
            owner.mentions.append(EntityMention(article.id, sentence.index, start, start + len(cut), cut))
            owner.mentions.sort(key=lambda m: (m.article, m.sentence, m.start))
            owner.aliases = sorted({*owner.aliases, cut} - {owner.name})


def _links(entities: list[Entity]) -> None:
    """Link each person to the place written right before the name ("Presiden Rusia Vladimir Putin")."""
    places = {(m.article, m.sentence, m.end): e.id for e in entities if e.type == "LOC" for m in e.mentions}
    for entity in entities:
        if entity.type == "PER":
            linked = {places[(m.article, m.sentence, m.start - 1)] for m in entity.mentions if (m.article, m.sentence, m.start - 1) in places}
            entity.links = sorted(linked)


def resolve_entities(articles: Sequence[Article]) -> list[Entity]:
    """The entities of a set of articles (usually one story), most mentioned first."""
    definitions = acronym_definitions(articles)
    mentions = [(a.id, m) for a in articles for m in a.mentions if m.type in RESOLVED_TYPES and m.text.strip()]
    originals = {(a, m.sentence, m.start): m.text for a, m in mentions}
    entities = [_entity(group, originals) for group in _group(mentions, definitions)]
    for entity in entities:  # "Republik Rakyat Donetsk (DPR)": DPR is an alias even where untagged
        entity.aliases = sorted({*entity.aliases, *(a for a, long in definitions.items() if long in (entity.name, *entity.aliases))} - {entity.name})
    _truncated_names(articles, entities)
    _links(entities)
    return sorted(entities, key=lambda e: (-len(e.mentions), e.name))
