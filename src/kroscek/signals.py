"""Outlet signals from the store's own evidence: how each outlet's articles fare in the stories'
provenance and cross-checking. No outside rating is used; every figure is a count over the
store's stories with the examples it counts, each linking to a story page.

Per outlet (one name per outlet, ``outlets.outlet_name``):

- **first**: stories told by two or more outlets whose first original report is its article
  (provenance's ``first_reporter``), out of such stories it is in;
- **copies**: its articles that are a near-verbatim copy of another outlet's article in the store;
- **translates**: its articles that translate another outlet's, or read as a translation of an
  original outside the store;
- **stale**: its articles republished well after the events they tell;
- **single source**: facts of stories told by two or more outlets that only it states, out of
  the facts it states in such stories;
- **disputes**: facts on which it is on one side of a dispute (the other side another outlet),
  out of the same facts; ``alone`` counts those where its side has no other outlet and the
  other side has two or more.

Copies and translations count as the later article's outlet's; an outlet's own republication of
its own article is not counted as copying another source.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select

from kroscek.compare.crosscheck import CitedClaim
from kroscek.compare.story import StoryBrief
from kroscek.outlets import outlet_key, outlet_name

KINDS = ("first", "copies", "translates", "stale", "single-source", "disputes")
EXAMPLES = 50  # examples kept per figure


@dataclass
class Example:
    """One case a figure counts: a story, the article of the outlet in it, and what happened."""

    story: str
    story_title: str
    article: str | None
    note: str = ""  # the fact (single source), the values (dispute: "number: 12 warga ≠ 15 warga")
    other: str = ""  # the other outlet(s): the original copied, the other side of a dispute
    date: str | None = None  # the first report's or the stale page's date
    event_date: str | None = None  # the date of the events a stale page tells

    @property
    def href(self) -> str:
        return f"/stories/{self.story}" + (f"#a-{self.article}" if self.article else "")


@dataclass
class Signal:
    """One figure of one outlet: ``count`` cases out of ``out_of``, with examples."""

    kind: str
    count: int = 0
    out_of: int = 0
    examples: list[Example] = field(default_factory=list)

    @property
    def share(self) -> float | None:
        return round(self.count / self.out_of, 3) if self.out_of else None

    def add(self, example: Example) -> None:
        self.count += 1
        if len(self.examples) < EXAMPLES:
            self.examples.append(example)


@dataclass
class OutletSignals:
    """What the store's evidence says of one outlet."""

    key: str
    name: str
    articles: int = 0
    stories: int = 0
    shared_stories: int = 0  # its stories that two or more outlets tell
    first: Signal = field(default_factory=lambda: Signal("first"))
    copies: Signal = field(default_factory=lambda: Signal("copies"))
    translates: Signal = field(default_factory=lambda: Signal("translates"))
    stale: Signal = field(default_factory=lambda: Signal("stale"))
    single_source: Signal = field(default_factory=lambda: Signal("single-source"))
    disputes: Signal = field(default_factory=lambda: Signal("disputes"))
    alone: int = 0  # disputes where it stands alone against two or more outlets
    copied_by: int = 0  # its articles other outlets copy or translate

    @property
    def signals(self) -> list[Signal]:
        return [self.first, self.copies, self.translates, self.stale, self.single_source, self.disputes]

    def to_dict(self, examples: bool = True) -> dict[str, Any]:
        data = asdict(self)
        for signal in self.signals:
            entry = data[signal.kind.replace("-", "_")]
            entry["share"] = signal.share
            entry["examples"] = [{**asdict(e), "href": e.href} for e in signal.examples] if examples else []
        return data


@dataclass
class ArticleInfo:
    """What the signals need of an article (not its text)."""

    id: str
    outlet: str  # the outlet's name, "" when unknown
    title: str
    published: str | None


def article_infos(store: Any) -> dict[str, ArticleInfo]:
    """Every stored article's outlet, title and date (one query, no article text)."""
    from kroscek.store import articles_table

    columns = (articles_table.c.id, articles_table.c.outlet, articles_table.c.url, articles_table.c.title,
               articles_table.c.published)
    with store.engine.connect() as conn:
        return {r.id: ArticleInfo(r.id, outlet_name(r.outlet, r.url) or "", r.title, r.published)
                for r in conn.execute(select(*columns))}


@dataclass
class StoryEvidence:
    """One story as the signals read it: its members and its brief (provenance, facts)."""

    id: str
    title: str
    articles: list[str]
    brief: StoryBrief


def compute_signals(stories: Iterable[StoryEvidence], infos: dict[str, ArticleInfo]) -> list[OutletSignals]:
    """Every outlet's signals over ``stories``, most articles first."""
    found: dict[str, OutletSignals] = {}

    def outlet(article: str | None) -> OutletSignals | None:
        info = infos.get(article or "")
        if info is None or not info.outlet:
            return None
        key = outlet_key(info.outlet)
        if key not in found:
            found[key] = OutletSignals(key=key, name=info.outlet)
        return found[key]

    def name(article: str | None) -> str:
        info = infos.get(article or "")
        return info.outlet if info and info.outlet else (article or "")

    for story in stories:
        members = [a for a in story.articles if a in infos]
        keys = {outlet_key(infos[a].outlet) for a in members if infos[a].outlet}
        shared = len(keys) >= 2
        for key in keys:
            found.setdefault(key, OutletSignals(key=key, name=next(infos[a].outlet for a in members
                                                                     if outlet_key(infos[a].outlet) == key)))
            found[key].stories += 1
            found[key].shared_stories += shared
        for article in members:
            if (signals := outlet(article)) is not None:
                signals.articles += 1
                signals.copies.out_of += 1
                signals.translates.out_of += 1
                signals.stale.out_of += 1
        provenance = story.brief.provenance

        def example(article: str | None, note: str = "", other: str = "", date: str | None = None,
                    event_date: str | None = None) -> Example:
            return Example(story.id, story.title, article, note, other, date, event_date)

        if shared:
            for key in keys:
                found[key].first.out_of += 1
            first = provenance.first_reporter.article
            if (signals := outlet(first)) is not None:
                signals.first.add(example(first, date=provenance.first_reporter.date))
        pairs = ([("copies", c.copy, c.original) for c in provenance.copies]
                 + [("translations", t.translation, t.original) for t in provenance.translations])
        for kind, derived, source in pairs:
            later, original = outlet(derived), outlet(source)
            if later is None or later is original:
                continue  # an outlet republishing its own article copies no other source
            signal = later.copies if kind == "copies" else later.translates
            signal.add(example(derived, other=name(source)))
            if original is not None:
                original.copied_by += 1
        for outside in provenance.translated_from_outside:
            if (signals := outlet(outside.article)) is not None:
                signals.translates.add(example(outside.article))  # no other outlet: an original outside the store
        for page in provenance.stale:
            if (signals := outlet(page.article)) is not None:
                signals.stale.add(example(page.article, date=page.page_date, event_date=page.event_date))
        if shared:
            _facts(story, outlet, name, example)
    return sorted(found.values(), key=lambda s: (-s.articles, s.name.casefold()))


def _facts(story: StoryEvidence, outlet: Any, name: Any, example: Any) -> None:
    """Single-source facts and disputes of one story told by two or more outlets."""
    for fact in story.brief.facts:
        claims = fact.claims
        if not claims:
            continue
        sides: dict[str, list[CitedClaim]] = {"a": [], "b": []}
        for claim in claims:
            kind = claim.relation.kind if claim.relation is not None else None
            if kind is None or kind == "agree":
                sides["a"].append(claim)
            elif kind == "dispute":
                sides["b"].append(claim)
        stating: dict[str, Any] = {}
        for claim in [*sides["a"], *sides["b"]]:
            if (signals := outlet(claim.article)) is not None:
                stating.setdefault(signals.key, signals)
        for signals in stating.values():
            signals.single_source.out_of += 1
            signals.disputes.out_of += 1
        if fact.status == "single-source" and len(stating) == 1:
            (only,) = stating.values()
            only.single_source.add(example(claims[0].article, claims[0].text[:160]))
        if fact.status != "disputed" or not sides["b"]:
            continue
        evidence = fact.evidence[0] if fact.evidence else None
        values = {"a": (evidence.a if evidence else "") or "?", "b": (evidence.b if evidence else "") or "?"}
        by_side = {side: {s.key: s for c in group if (s := outlet(c.article)) is not None}
                   for side, group in sides.items()}
        for side, other in (("a", "b"), ("b", "a")):
            against = [s for k, s in by_side[other].items() if k not in by_side[side]]
            for key, signals in by_side[side].items():
                if not against:
                    continue
                article = next(c.article for c in sides[side] if outlet(c.article) is signals)
                difference = f"{evidence.slot if evidence else ''}: {values[side]} ≠ {values[other]}"  # its value first
                signals.disputes.add(example(article, difference, ", ".join(sorted(s.name for s in against))))
                signals.alone += len(by_side[side]) == 1 and len(against) >= 2


def store_stories(store: Any) -> list[StoryEvidence]:
    return [StoryEvidence(s.id, s.title, s.articles, store.brief(s.id) or StoryBrief()) for s in store.stories()]


def outlet_signals(store: Any) -> list[OutletSignals]:
    """Every outlet's signals over the whole store (cached until the stories change)."""
    return store.cached("outlet-signals", lambda: compute_signals(store_stories(store), article_infos(store)))


def find_outlet(signals: Sequence[OutletSignals], name: str) -> OutletSignals | None:
    """The outlet ``name`` names, in any spelling (its key, its name, its site)."""
    key = outlet_key(name)
    return next((s for s in signals if s.key == key or s.key == name), None)
