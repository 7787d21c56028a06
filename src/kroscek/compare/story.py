"""The story stage end to end: ``check_story(story, articles, settings) -> StoryCheck``.

A story's articles are cross-checked into one typed result: its brief (cited summary, timeline,
facts and disputes, quotes, entities, provenance) and its list-page summary (outlets, languages,
dates, stale pages, badges). ``to_dict`` is the one JSON form the store, ``report.json``, the web
pages and the API hold; ``from_dict`` reads a stored one back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kroscek.compare import claims as claims_module
from kroscek.compare.claims import extract_claims, needs_e5
from kroscek.compare.crosscheck import CheckedFact, cross_check, independent_sources, one_per_contradiction
from kroscek.compare.provenance import Provenance, find_provenance, language_pairs, translation_candidates
from kroscek.compare.quotes import MatchedQuote, match_quotes, quotes_needing_e5
from kroscek.compare.records import Record, known_fields
from kroscek.compare.summary import SummaryLine, TimelineEntry, summary_lines, timeline
from kroscek.match.entities import resolve_entities
from kroscek.model import Article, Entity, EntityMention, Story
from kroscek.outlets import merge_outlets, outlet_name
from kroscek.settings import DEFAULT, Settings, cascade_enabled

SHOWN_ORDER = {"disputed": 0, "agreed": 1, "update": 2, "single-source": 3, "related": 4}  # facts, first to last


def _entity(data: Mapping[str, Any]) -> Entity:
    return known_fields(Entity, data, mentions=[known_fields(EntityMention, m) for m in data.get("mentions", [])])


@dataclass
class StoryBrief:
    """The brief of one story, every line cited by article id and sentence index."""

    story: str | None = None
    title: str | None = None
    summary: list[SummaryLine] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    facts: list[CheckedFact] = field(default_factory=list)  # disputed, agreed, update, single-source
    quotes: list[MatchedQuote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    provenance: Provenance = field(default_factory=Provenance)

    @property
    def disputes(self) -> list[CheckedFact]:
        return [f for f in self.facts if f.status == "disputed"]

    @property
    def updates(self) -> list[CheckedFact]:
        return [f for f in self.facts if f.status == "update"]

    def to_dict(self) -> dict[str, Any]:
        facts = [f.to_dict() for f in self.facts]
        return {
            "story": self.story,
            "title": self.title,
            "summary": [line.to_dict() for line in self.summary],
            "timeline": [entry.to_dict() for entry in self.timeline],
            "facts": facts,
            "disputes": [f for f in facts if f["status"] == "disputed"],
            "updates": [f for f in facts if f["status"] == "update"],
            "quotes": [q.to_dict() for q in self.quotes],
            "entities": [e.to_dict() for e in self.entities],
            "provenance": self.provenance.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StoryBrief:
        """A stored brief; its disputes and updates are its facts of that status."""
        if not isinstance(data, Mapping):
            raise TypeError(f"a story brief is a JSON object, not {type(data).__name__}")
        return cls(
            story=data.get("story"),
            title=data.get("title"),
            summary=[SummaryLine.from_dict(line) for line in data.get("summary", [])],
            timeline=[TimelineEntry.from_dict(entry) for entry in data.get("timeline", [])],
            facts=[CheckedFact.from_dict(f) for f in data.get("facts", [])],
            quotes=[MatchedQuote.from_dict(q) for q in data.get("quotes", [])],
            entities=[_entity(e) for e in data.get("entities", [])],
            provenance=Provenance.from_dict(data.get("provenance") or {}),
        )


@dataclass
class StorySummary(Record):
    """What a list page shows of a story: outlets, languages, dates, stale pages and (once the
    story is briefed) its badges."""

    id: str
    title: str
    articles: list[str]
    outlets: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    first_published: str | None = None
    last_published: str | None = None
    stale: list[str] = field(default_factory=list)  # articles that republish an old event
    badges: list[str] | None = None  # None: not briefed yet

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "title": self.title, "articles": list(self.articles),
                                "outlets": list(self.outlets), "languages": list(self.languages),
                                "first_published": self.first_published, "last_published": self.last_published,
                                "stale": list(self.stale)}
        if self.badges is not None:
            data["badges"] = list(self.badges)
        return data


@dataclass
class StoryCheck:
    """A story cross-checked: its brief and its list-page summary."""

    story: Story
    brief: StoryBrief
    summary: StorySummary

    @property
    def stale(self) -> list[str]:
        """The story's pages that republish an old event (provenance's verdict)."""
        return self.brief.provenance.stale_ids


def preferred_order(articles: Sequence[Article], provenance: Provenance) -> list[str]:
    """Article ids from the most to the least trustworthy source of wording: the first reporter,
    then originals by fewest damage warnings, then copies, translations and stale pages."""
    derived, first = provenance.derived(), provenance.first_reporter.article
    return [a.id for a in sorted(articles, key=lambda a: (a.id != first, a.id in derived, len(a.warnings), a.published or ""))]


def build_brief(story: Story, articles: Sequence[Article], entities: Sequence[Entity] = (),
                quotes: Sequence[MatchedQuote] = (), embedder: Any = None) -> StoryBrief:
    """The brief of one story, every line cited by article id and sentence index.

    ``embedder`` (default: the process-wide one) embeds claims; give one with a persistent cache
    to keep sentence embeddings between runs.
    """
    members = [a for a in articles if a.id in set(story.articles)] or list(articles)
    provenance = find_provenance(members, embedder)
    preferred = preferred_order(members, provenance)
    groups = cross_check(members, embedder, independent_sources(members, provenance), preferred)
    ids = {a.id for a in members}
    shown = sorted((g for g in groups if g.status != "related"),
                   key=lambda g: (SHOWN_ORDER[g.status], -len(g.sources), g.anchor.claim.sentence))
    return StoryBrief(
        story=story.id,
        title=story.title,
        summary=summary_lines(groups, members, preferred),
        timeline=timeline(members, set(provenance.stale_ids)),
        facts=one_per_contradiction([g.checked() for g in shown]),
        quotes=list(quotes),
        entities=[e for e in entities if not e.mentions or any(m.article in ids for m in e.mentions)],
        provenance=provenance,
    )


def story_summary(story: Story, articles: Sequence[Article], brief: StoryBrief | None = None) -> StorySummary:
    """The facts about a story a list page shows: outlets, languages, dates, stale articles (marked
    so, or found stale by the ``brief``'s provenance), and with its ``brief`` the badges."""
    dates = sorted(a.published for a in articles if a.published)
    stale = set(brief.provenance.stale_ids) if brief is not None else set()
    summary = StorySummary(
        id=story.id,
        title=story.title,
        articles=list(story.articles),
        outlets=merge_outlets(outlet_name(a.outlet, a.url) for a in articles),
        languages=sorted({a.language for a in articles if a.language}),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        stale=[a.id for a in articles if a.stale or a.id in stale],
    )
    if brief is not None:
        summary.badges = badges(summary, brief)
    return summary


def badges(summary: StorySummary, brief: StoryBrief) -> list[str]:
    """Short labels for what a reader should notice about a story."""
    marks = []
    if brief.disputes:
        marks.append("disputed")
    if brief.provenance.copies:
        marks.append("copies")
    if brief.provenance.translations:
        marks.append("translations")
    if summary.stale:
        marks.append("stale")
    if len(summary.languages) > 1:
        marks.append("multilingual")
    return marks


def check_story(story: Story, articles: Sequence[Article], settings: Settings = DEFAULT, embedder: Any = None,
                entities: Sequence[Entity] | None = None) -> StoryCheck:
    """Cross-check one story: entities resolved, quotes matched, provenance, facts and disputes,
    the cited summary and timeline, and the list-page summary with its badges.

    ``embedder`` aligns claims and translations (default: the static word vectors in fast
    ``settings``, else the process-wide e5 one; give one with a persistent cache to keep sentence
    embeddings between runs); quotes are aligned with it in fast ``settings``, else with e5
    passage embeddings, on which their thresholds were set, kept in the same cache.
    ``entities``: the story's resolved entities, when the caller has them already.
    """
    from kroscek.analyse.embed import StaticEmbedder, passage_embedder

    if embedder is None and settings.fast:
        embedder = StaticEmbedder()
    entities = resolve_entities(articles) if entities is None else entities
    quotes = match_quotes(articles, entities, embedder if settings.fast else passage_embedder(embedder))
    brief = build_brief(story, articles, entities, quotes, embedder)
    return StoryCheck(story, brief, story_summary(story, articles, brief))


PREFETCH_TEXTS = 512  # e5 texts gathered from the next stories before they are checked


def check_stories(stories: Iterable[tuple[Story, Sequence[Article]]], settings: Settings = DEFAULT,
                  embedder: Any = None, prefetch: int = PREFETCH_TEXTS) -> Iterator[StoryCheck]:
    """``check_story`` of each ``(story, articles)``, in order, with the same results.

    In the default mode the texts the next stories will ask e5 for (the claims the cascade keeps,
    the quotes only a cosine decides, the sentences of possible translations) are gathered until
    there are ``prefetch`` of them and encoded together, in the embedder's full batches, before
    those stories are checked: e5 costs several times less a text in a batch of a hundred than in
    the few a single story asks for, and gives a text the same vector in any batch."""
    from kroscek.analyse.embed import Embedder, passage_embedder

    if settings.fast or embedder is None:
        from kroscek.analyse.embed import get_embedder

        embedder = embedder if settings.fast else get_embedder()
    if settings.fast or not isinstance(embedder, Embedder) or embedder.name != "e5":
        for story, articles in stories:
            yield check_story(story, articles, settings, embedder)
        return
    passages = passage_embedder(embedder)
    waiting: list[tuple[Story, Sequence[Article], list[Entity]]] = []
    queries: dict[str, str | None] = {}
    quoted: dict[str, str | None] = {}

    def flush() -> Iterator[StoryCheck]:
        for texts, into in ((queries, embedder), (quoted, passages)):
            if texts:
                into.embed_texts(list(texts), languages=list(texts.values()))
                texts.clear()
        for story, articles, entities in waiting:
            yield check_story(story, articles, settings, embedder, entities)
        waiting.clear()

    for story, articles in stories:
        entities = resolve_entities(articles)
        waiting.append((story, articles, entities))
        ids = set(story.articles)
        members = [a for a in articles if a.id in ids] or list(articles)
        queries.update(e5_texts(members))
        quoted.update(quotes_needing_e5(articles, entities))
        if len(queries) + len(quoted) >= prefetch:
            yield from flush()
    yield from flush()


def e5_texts(members: Sequence[Article]) -> dict[str, str | None]:
    """The texts (with their language) that cross-checking ``members`` asks e5 for with the
    ``query:`` convention: the claims (those ``claims.needs_e5`` keeps when the claim cascade is
    on), the sentences of article pairs that ``provenance.translation_candidates`` keeps."""
    texts: dict[str, str | None] = {}
    if len(members) < 2:
        return texts
    claims = [c for article in members for c in extract_claims(article)]
    if cascade_enabled() and claims_module.CLAIM_CASCADE:
        claims = [c for c, needed in zip(claims, needs_e5(claims)) if needed]
    pairs = language_pairs(members)
    if cascade_enabled():
        pairs = translation_candidates(pairs)
    texts.update((c.text, c.language) for c in claims)
    for pair in pairs:
        texts.update((s.text, article.language) for article in pair for s in article.sentences)
    return texts
