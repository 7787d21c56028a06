"""Cross-checking a story: which facts independent sources agree on, which one source alone
states, and where they disagree, with the slot and both values.

1. Every article's claims are read into facts (``compare.facts``); each fact's source is its
   outlet, with copies and translations folded into the source they copy, so that two pages of
   one outlet, or a copy and its original, never corroborate each other.
2. Candidate pairs come from the alignment of ``compare.claims`` (each claim's best matches by
   embedding and word overlap, one article pair at a time); for a claim that denies something,
   the claim of another source that states most of the denied words; and claims that give a
   value for the same slot (the same thing counted, an identifier, a time, day or place of what
   both say happened), blocked by that slot.
3. Each candidate pair is compared slot by slot (``compare.relate``).
4. Groups are stars, never chains: a group is one anchor claim and the claims compared with it
   directly. The anchor is the claim with the most candidate pairs, the most trusted source's
   first. A dispute between two claims neither of which anchors the other is a group of its own,
   so no contradiction found is left unshown. A group is **disputed** when a member disputes the
   anchor, **agreed** when a member of another source agrees with it, **update** when a member gives a later value; a claim no
   claim of another source comes near is **single-source**; the rest is **related** (compared,
   but not shown to be the same fact).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from kroscek import outlets
from kroscek.compare.claims import (
    Claim,
    Difference,
    ALIGN_FLOOR,
    ALIGN_MARGIN,
    claim_vectors,
    deictic_days,
    extract_claims,
    lexical_similarity,
    margin_scores,
    similarity,
    vocabulary,
)
from kroscek.compare.facts import Fact, read_fact
from kroscek.compare.provenance import Provenance
from kroscek.compare.records import known_fields
from kroscek.compare.relate import (
    DENIAL_OBJECT,
    DISPUTE_SCORE,
    Relation,
    SlotContext,
    count_words,
    denied_share,
    denies_the_words,
    overlap,
    relate,
    weekday_day,
    written_year,
)
from kroscek.model import Article

SINGLE_SOURCE_BELOW = 0.93  # a claim is single-source when no claim of another source scores this high
CANDIDATES = 2  # best matches of a claim in another article compared with it
DENIAL_CANDIDATE = 0.5  # share of a denial's words another claim must state to be compared with it
NLI_VETO = 0.8  # contradiction probability at which an agreement is withheld
SLOT_BLOCK = 60  # claims sharing one counted thing or identifier kind, beyond which the key is too common to pair
SLOT_SHARED = 2  # stems around the two numbers that must be the same
SLOT_OVERLAP = 0.3  # share of the smaller claim's stems the other must have
SLOT_EVENT = 0.5  # share of the smaller claim's happened-words the other must have, for a time, day or place
SLOT_SCORE = DISPUTE_SCORE  # what a slot pair counts as: the same fact if the subjects agree, never strong enough to agree


@dataclass
class Member:
    """A claim compared with its group's anchor, and how it relates to it."""

    fact: Fact
    relation: Relation
    score: float


@dataclass
class FactGroup:
    """One fact of a story: the anchor claim, the claims compared with it, and the verdict."""

    status: str  # agreed | disputed | update | single-source | related
    anchor: Fact
    members: list[Member] = field(default_factory=list)

    @property
    def claims(self) -> list[Claim]:
        return [self.anchor.claim, *(m.fact.claim for m in self.members)]

    @property
    def articles(self) -> list[str]:
        return sorted({c.article for c in self.claims})

    def stating(self) -> list[Fact]:
        """The anchor and the members that state the same fact (agree with it)."""
        return [self.anchor, *(m.fact for m in self.members if m.relation.kind == "agree")]

    @property
    def sources(self) -> list[str]:
        """Independent sources that state the fact."""
        return sorted({f.source for f in self.stating()})

    def disputes(self) -> list[Member]:
        return [m for m in self.members if m.relation.kind == "dispute"]

    def checked(self) -> CheckedFact:
        """The group as the brief shows it: its claims cited, what differs, its sources."""
        disputes = self.disputes()
        shown = disputes or [m for m in self.members if m.relation.kind == "update"]
        return CheckedFact(
            status=self.status,
            claims=[CitedClaim.of(self.anchor), *(CitedClaim.of(m.fact, m) for m in self.members)],
            evidence=[d for m in shown for d in m.relation.differences[:1]],
            sources=len(self.sources),
            outlets=self.sources,
            disputed_by=sorted({m.fact.source for m in disputes}),
        )


@dataclass
class CitedClaim:
    """A claim of a shown fact, where it stands, and (for a member) how it relates to the anchor."""

    article: str
    sentence: int
    text: str
    clause: int = 0
    source: str | None = None  # the independent source it counts as
    published: str | None = None
    relation: Relation | None = None  # None for the fact's first claim (the anchor)
    score: float | None = None  # the alignment score of the pair, for a member

    @classmethod
    def of(cls, fact: Fact, member: Member | None = None) -> CitedClaim:
        claim = fact.claim
        return cls(claim.article, claim.sentence, claim.text, claim.clause, fact.source, fact.published,
                   member.relation if member else None, round(member.score, 3) if member else None)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"article": self.article, "sentence": self.sentence, "clause": self.clause,
                                "text": self.text, "source": self.source, "published": self.published}
        if self.relation is not None:
            data["relation"] = self.relation.to_dict()
        if self.score is not None:
            data["score"] = self.score
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CitedClaim:
        relation = data.get("relation")
        return known_fields(cls, data, relation=Relation.from_dict(relation) if relation is not None else None)


@dataclass
class CheckedFact:
    """One fact of a story's brief: status, cited claims (the anchor first), the differing values
    of its disputes or updates, and the independent sources that state it."""

    status: str  # agreed | disputed | update | single-source
    claims: list[CitedClaim] = field(default_factory=list)
    evidence: list[Difference] = field(default_factory=list)
    sources: int = 0  # how many independent sources state it
    outlets: list[str] = field(default_factory=list)  # those sources
    disputed_by: list[str] = field(default_factory=list)  # the sources of the claims that dispute the anchor

    @property
    def slot(self) -> str | None:
        """The slot of the first difference (what is disputed or updated), else None."""
        return self.evidence[0].slot if self.evidence else None

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "claims": [c.to_dict() for c in self.claims],
                "evidence": [d.to_dict() for d in self.evidence], "slot": self.slot, "sources": self.sources,
                "outlets": list(self.outlets), "disputed_by": list(self.disputed_by)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CheckedFact:
        return known_fields(cls, data, claims=[CitedClaim.from_dict(c) for c in data.get("claims", [])],
                            evidence=[Difference.from_dict(d) for d in data.get("evidence", [])])


_VALUE_LEAD = re.compile(r"^(?:pada|on|di|in)\s+", re.IGNORECASE)
_OWN_VALUES = ("denial", "negation", "event")  # slots whose values say only that a side denies or states: no key


def _contradiction(fact: CheckedFact) -> tuple[str, frozenset[str]] | None:
    """The slot and the two values a disputed fact shows first ("Nomor 55 Tahun 2024" / "Nomor 54
    Tahun 2024"), as a key; None where the values do not name the contradiction (a denial)."""
    if fact.status != "disputed" or not fact.evidence or fact.evidence[0].slot in _OWN_VALUES:
        return None
    first = fact.evidence[0]
    return first.slot, frozenset(_VALUE_LEAD.sub("", v.strip()).casefold() for v in (first.a, first.b))


def one_per_contradiction(facts: Sequence[CheckedFact]) -> list[CheckedFact]:
    """The brief's facts with the disputed ones that show one contradiction (the same slot and the
    same two values, told by several pairs of claims) made one, its claims and sources together:
    one regulation numbered 55 in three articles and 54 in a fourth is one line, not four."""
    kept: list[CheckedFact] = []
    by_key: dict[tuple[str, frozenset[str]], CheckedFact] = {}
    for fact in facts:
        key = _contradiction(fact)
        if key is None or key not in by_key:
            kept.append(fact)
            if key is not None:
                by_key[key] = fact
            continue
        first = by_key[key]
        cited = {(c.article, c.sentence, c.clause) for c in first.claims}
        first.claims.extend(c for c in fact.claims if (c.article, c.sentence, c.clause) not in cited)
        first.evidence.extend(d for d in fact.evidence if d not in first.evidence)
        first.outlets = sorted(set(first.outlets) | set(fact.outlets))
        first.sources = max(first.sources, fact.sources)
        first.disputed_by = sorted(set(first.disputed_by) | set(fact.disputed_by))
    return kept


def outlet_key(article: Article) -> str:
    """The outlet an article comes from (every spelling of one outlet, or its site, one key), else the article itself."""
    return outlets.outlet_key(outlets.outlet_name(article.outlet, article.url)) or article.id


def independent_sources(articles: Sequence[Article], provenance: Provenance | None = None) -> dict[str, str]:
    """Article id -> the independent source it counts as: its outlet, or its original's when it is
    a copy or a translation."""
    sources = {a.id: outlet_key(a) for a in articles}
    if provenance is not None:
        derived = provenance.originals()
        for article in list(sources):
            seen, at = set(), article
            while at in derived and at not in seen:
                seen.add(at)
                at = derived[at]
            sources[article] = sources.get(at, sources[article])
    return sources


def _context(facts: Sequence[Fact]) -> tuple[tuple, frozenset, frozenset, frozenset, frozenset, frozenset]:
    """What an article states anywhere: its exact quantities, its days, its places and names, the
    kinds of permit it names, what its denials deny, the days it names relative to its page."""
    return (tuple(q for f in facts for q in (*f.quantities, *f.wholes) if q.exact),
            frozenset(d for f in facts for d in f.dates.days),
            frozenset(n for f in facts for n in (*f.places, *f.names)),
            frozenset(p.kind for f in facts for p in f.permits),
            frozenset((f.denied_head, f.denied) for f in facts if f.denial),
            frozenset(d for f in facts for d in deictic_days(f.claim)))


def _denial_links(facts: Sequence[Fact], linked: set[tuple[int, int]]) -> list[tuple[int, int, float]]:
    """A denying claim paired, in each article of another source, with the claim that states most
    of what it denies (the denied words, else the claim's words). Within one source, a denial is
    paired only where it says someone never said what another of its articles has that person say
    (a viral clip's words, then the denial of them): once per pair of articles, either way round,
    the first denying claim with the first claim it denies."""
    found = []
    said: dict[frozenset[str], tuple[int, int]] = {}
    for i, fact in enumerate(facts):
        if not fact.denial or len(fact.stems) < 3:
            continue
        best: dict[str, tuple[tuple[float, float], int]] = {}
        for j, other in enumerate(facts):
            if other.article == fact.article or other.denial or (min(i, j), max(i, j)) in linked:
                continue
            if other.source == fact.source:
                if denies_the_words(fact, other) and denied_share(fact, other) >= DENIAL_OBJECT:
                    said.setdefault(frozenset((fact.article, other.article)), (i, j))
                continue
            denied = denied_share(fact, other) if len(fact.denied) >= 2 else 0.0
            share = (denied if denied >= DENIAL_OBJECT else 0.0, overlap(fact.stems, other.stems))
            if (share[0] or share[1] > DENIAL_CANDIDATE) and share > best.get(other.article, ((0.0, 0.0), -1))[0]:
                best[other.article] = (share, j)
        found += [(min(i, j), max(i, j), 0.0) for _, j in best.values()]
    return found + [(min(i, j), max(i, j), 0.0) for i, j in said.values()]


def candidate_pairs(scores: np.ndarray) -> list[tuple[int, int, float]]:
    """Claim pairs of two articles worth comparing: each claim's ``CANDIDATES`` best matches in the
    other article (either way round; the mutual best matches among them) that clear the alignment
    margin and floor, so a fact told in two sentences of one article is compared with both."""
    if scores.size == 0:
        return []
    margins = margin_scores(scores)
    found: dict[tuple[int, int], float] = {}
    for rows, transposed in ((margins, False), (margins.T, True)):
        for row in range(rows.shape[0]):
            for col in np.argsort(-rows[row])[:CANDIDATES]:
                i, j = (int(col), row) if transposed else (row, int(col))
                if margins[i, j] >= ALIGN_MARGIN and scores[i, j] >= ALIGN_FLOOR:
                    found.setdefault((i, j), float(margins[i, j]))
    return [(i, j, score) for (i, j), score in found.items()]


def _valued(fact: Fact) -> tuple[str, ...]:
    """The kinds of value a claim states that a slot compares: a clock time, a day, one place."""
    kinds = []
    if any(not c.report_time for c in fact.clocks):
        kinds.append("clock")
    if fact.dates.days or fact.dates.months:
        kinds.append("date")
    if len(fact.places) == 1:
        kinds.append("place")
    return tuple(kinds)


def _slot_links(facts: Sequence[Fact], linked: set[tuple[int, int]]) -> list[tuple[int, int, float]]:
    """Claims of two sources that may state one fact in different words, compared even when their
    sentences are worded apart ("50 unit bus ludes dilalap api" / "20 bus terbakar"): two counts of
    the same thing with the same words around the number, identifiers of one kind, permits, the
    minute of one event of a match, one person's age, or a time, day or place given for what both
    say happened. Blocked by what is counted or what happened, so the
    work is bounded by the claims sharing a key, at most ``SLOT_BLOCK`` of them."""
    blocks: dict[tuple[str, ...], list[tuple[int, frozenset[str]]]] = defaultdict(list)
    for i, fact in enumerate(facts):
        for quantity, around, word in zip(fact.quantities, fact.counted, count_words(fact)):
            blocks[("count", quantity.unit, word)].append((i, around))
        for identifier in fact.identifiers:
            blocks[("identifier", identifier.kind)].append((i, fact.stems))
        if fact.permits:
            blocks[("permit",)].append((i, fact.stems))
        for event in {e for _, e, _ in fact.minutes}:
            blocks[("minute", event)].append((i, fact.stems))
        for name in {person.split()[-1] for person, _, _ in fact.ages}:
            blocks[("age", name)].append((i, fact.stems))
        for kind in _valued(fact):
            for happened in fact.happened:
                blocks[(kind, happened)].append((i, fact.happened))
    found = []
    for key, members in blocks.items():
        if len(members) > SLOT_BLOCK:
            continue
        for n, (i, around_i) in enumerate(members):
            for j, around_j in members[n + 1:]:
                a, b = min(i, j), max(i, j)
                if facts[a].article == facts[b].article or (a, b) in linked:
                    continue
                if len(around_i & around_j) < SLOT_SHARED or overlap(facts[a].stems, facts[b].stems) < SLOT_OVERLAP:
                    continue
                if key[0] in ("clock", "date", "place") and overlap(around_i, around_j) < SLOT_EVENT:
                    continue
                found.append((a, b, SLOT_SCORE))
                linked.add((a, b))
    return found


def _weekday_links(facts: Sequence[Fact], linked: set[tuple[int, int]]) -> list[tuple[int, int, float]]:
    """Claims of two articles that write one calendar day with two weekday names, one weekday and
    two years (one of them mended by the weekday), or one weekday and two days ("Senin (13/10/2025)"
    / "Senin (14/10/2025)", paired by the day the weekday names), whatever else they say, even two
    articles of one outlet (the calendar settles it, no source's word against another's): the first
    such claim of each article, for each pair of articles and day (indexed by the day, so linear in
    the claims that name one)."""
    by_day: dict[str, list[tuple[int, tuple[int, int | None, str]]]] = defaultdict(list)
    for i, fact in enumerate(facts):
        for day, weekday, text in fact.dates.named:
            written = (weekday, written_year(text), day)
            for key in dict.fromkeys((day, weekday_day(day, weekday))):  # the day, then the one its weekday names
                by_day[key].append((i, written))
    found = []
    for members in by_day.values():
        if len(members) > SLOT_BLOCK:
            continue
        first: dict[tuple[str, tuple[int, int | None, str]], int] = {}  # (article, as written) -> its first claim so
        for i, written in members:
            first.setdefault((facts[i].article, written), i)
        seen: set[tuple[str, str]] = set()
        for (article_i, written_i), i in first.items():
            for (article_j, written_j), j in first.items():
                a, b = min(i, j), max(i, j)
                years_apart = None not in (written_i[1], written_j[1]) and written_i[1] != written_j[1]
                apart = written_i[0] != written_j[0] or years_apart or written_i[2] != written_j[2]
                if not apart or article_i == article_j or (article_i, article_j) in seen or (a, b) in linked:
                    continue
                seen.update({(article_i, article_j), (article_j, article_i)})
                found.append((a, b, SLOT_SCORE))
                linked.add((a, b))
    return found


def _add_slot_links(links: dict[tuple[int, int], float], slot_links: Sequence[tuple[int, int, float]]) -> None:
    """Slot pairs added to the candidate pairs; an aligned pair that shares a slot's key (the same
    thing counted, the same kind of permit, one event of a match) counts at least as a slot pair
    does: what the slot says makes it the same fact even where the wording scored it lower."""
    for i, j, score in slot_links:
        links[(i, j)] = max(links.get((i, j), score), score)


def cross_check(articles: Sequence[Article], embedder: Any = None, sources: Mapping[str, str] | None = None,
                preferred: Sequence[str] = ()) -> list[FactGroup]:
    """The fact groups of a story. ``sources`` maps article ids to independent sources (default:
    their outlets); ``preferred`` orders articles from the most trusted wording (anchors come from it)."""
    sources = dict(sources or independent_sources(articles))
    per_article = [extract_claims(a) for a in articles]
    published = {a.id: a.published for a in articles}
    facts = [read_fact(c, sources.get(c.article, c.article), published.get(c.article)) for group in per_article for c in group]
    if not facts:
        return []
    if len({f.source for f in facts}) < 2 and len(per_article) < 2:
        return [FactGroup("single-source", fact) for fact in facts]
    claims = [f.claim for f in facts]
    vectors = claim_vectors(claims, embedder)
    lexical = lexical_similarity(claims)
    vocabularies = [vocabulary(a) for a in articles]
    offsets = np.cumsum([0] + [len(g) for g in per_article])
    links: dict[tuple[int, int], float] = {}
    best_other = np.zeros(len(facts))  # best plain similarity to a claim of another source
    for x in range(len(per_article)):
        for y in range(x + 1, len(per_article)):
            rows, cols = slice(offsets[x], offsets[x + 1]), slice(offsets[y], offsets[y + 1])
            if rows.start == rows.stop or cols.start == cols.stop:
                continue
            block = similarity(per_article[x], per_article[y], (vectors[rows], vectors[cols]), lexical[rows, cols],
                               (vocabularies[x], vocabularies[y]))
            if facts[rows.start].source != facts[cols.start].source:
                best_other[rows] = np.maximum(best_other[rows], block.max(axis=1))
                best_other[cols] = np.maximum(best_other[cols], block.max(axis=0))
            for i, j, score in candidate_pairs(block):
                links[(int(offsets[x] + i), int(offsets[y] + j))] = score
    aligned = set(links)
    for i, j, score in _denial_links(facts, set(links)):
        links.setdefault((i, j), score)
    _add_slot_links(links, _slot_links(facts, set()))
    _add_slot_links(links, _weekday_links(facts, set(links)))
    contexts = {a.id: _context([f for f in facts if f.article == a.id]) for a in articles}

    def compare(i: int, j: int) -> Relation:
        a, b = facts[i], facts[j]
        context = SlotContext(*zip(contexts[a.article], contexts[b.article]))
        return relate(a, b, links[(min(i, j), max(i, j))], context)

    relations = {pair: compare(*pair) for pair in links}
    for pair in [pair for pair, relation in relations.items() if pair not in aligned and relation.kind == "related"]:
        del relations[pair], links[pair]  # paired by a slot, found no different: not the same fact after all
    neighbours: dict[int, list[int]] = defaultdict(list)
    for i, j in links:
        neighbours[i].append(j)
        neighbours[j].append(i)
    rank = {article: n for n, article in enumerate(preferred)}
    order = sorted(range(len(facts)), key=lambda i: (-len(neighbours[i]), rank.get(facts[i].article, len(rank)),
                                                     facts[i].claim.sentence, i))
    placed: set[int] = set()
    stars: list[tuple[int, list[int]]] = []
    for i in order:
        if i in placed:
            continue
        placed.add(i)
        stars.append((i, sorted(neighbours[i], key=lambda j: -links[(min(i, j), max(i, j))])))
        placed.update(stars[-1][1])
    shown = {(min(i, j), max(i, j)) for i, members in stars for j in members}
    # the contradiction model reads only the pairs a group shows (anchor and member): linear in the claims
    _contradiction_veto(facts, relations, shown)
    groups = []
    for i, star in stars:
        members = [Member(facts[j], relations[(min(i, j), max(i, j))], links[(min(i, j), max(i, j))]) for j in star]
        groups.append(FactGroup(_status(facts[i], members, best_other[i]), facts[i], members))
    for (i, j), relation in relations.items():
        if relation.kind == "dispute" and (i, j) not in shown:
            groups.append(FactGroup("disputed", facts[i], [Member(facts[j], relation, links[(i, j)])]))
    return groups


def _contradiction_veto(facts: Sequence[Fact], relations: dict[tuple[int, int], Relation],
                        shown: set[tuple[int, int]]) -> None:
    """Pairs of ``shown`` the slots call agreed, but that the IndoNLI contradiction model reads as
    contradicting each other (either way round), are only related: a signal that withholds
    "agreed", never one that calls a dispute on its own. Indonesian pairs only (what the model was
    trained on)."""
    asked = [pair for pair, relation in relations.items() if pair in shown and relation.kind == "agree"
             and facts[pair[0]].claim.language == facts[pair[1]].claim.language == "id"]
    if not asked:
        return
    from kroscek.compare.nli import ContradictionModel

    model = ContradictionModel.load()
    texts = [(facts[i].text, facts[j].text) for i, j in asked]
    scores = np.maximum(model.predict_proba(texts)[:, 2], model.predict_proba([(b, a) for a, b in texts])[:, 2])
    for pair, score in zip(asked, scores):
        if score >= NLI_VETO:
            relations[pair] = Relation("related", (), f"the contradiction model reads them as contradicting ({score:.2f})")


def _status(anchor: Fact, members: Sequence[Member], best_other: float) -> str:
    kinds = {m.relation.kind for m in members}
    if "dispute" in kinds:
        return "disputed"
    if any(m.relation.kind == "agree" and m.fact.source != anchor.source for m in members):
        return "agreed"
    if "update" in kinds:
        return "update"
    if not any(m.fact.source != anchor.source for m in members) and best_other < SINGLE_SOURCE_BELOW:
        return "single-source"
    return "related"
