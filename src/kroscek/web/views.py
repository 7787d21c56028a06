"""What the web pages and the API show, assembled from the store's typed results: a story
(``StoryView``), an article (``ArticleView``) and an entity (``EntityView``). The templates read
their attributes; the API and the JSON export give their one JSON form (``to_dict``), in which a
stored brief is its ``StoryBrief.to_dict``."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BeforeValidator

from kroscek.compare.quotes import MatchedQuote
from kroscek.compare.story import StoryBrief, StorySummary
from kroscek.model import Article, Story
from kroscek.text.gazetteer import name_key as normalize
from kroscek.outlets import outlet_key, outlet_name
from kroscek.report import ReportedStory
from kroscek.store import Store
from kroscek.store.entities import IndexedEntity
from kroscek.urls import safe_url
from kroscek.web.cache import entity_names
from kroscek.web.schemas import Relation, StoryRef

if TYPE_CHECKING:
    from kroscek.match.stories import Join

# An empty form field ("date_from=") means no filter, not a bad date.
OptionalDate = Annotated[date | None, BeforeValidator(lambda value: value or None)]


@dataclass
class StoryFilter:
    """Story-list filters (all optional; query parameters of the list page and API)."""

    date_from: OptionalDate = None
    date_to: OptionalDate = None
    outlet: str | None = None
    language: str | None = None
    entity: str | None = None  # an entity id or a name/alias
    disputed: bool = False  # only stories with disputes

    def matches(self, story: StorySummary, entity_stories: set[str] | None) -> bool:
        first, last = story.first_published or "", story.last_published or ""
        return (
            (self.date_from is None or last[:10] >= self.date_from.isoformat())
            and (self.date_to is None or bool(first and first[:10] <= self.date_to.isoformat()))
            and (not self.outlet or outlet_key(self.outlet) in {outlet_key(o) for o in story.outlets})
            and (not self.language or self.language in story.languages)
            and (not self.disputed or "disputed" in (story.badges or []))
            and (entity_stories is None or story.id in entity_stories)
        )


MAX_SPELLINGS = 30  # other spellings a search adds for the entities its words name


def matching_entities(store: Store, term: str) -> list[IndexedEntity]:
    """The stored entities ``term`` names: by id, by any spelling seen in the corpus (case, accents
    and punctuation aside), or by any name the gazetteer knows for it ("Korut", "North Korea" and
    "DPRK" all name iso:KP, whatever spelling the articles used)."""
    term = term.strip()
    if not term:
        return []
    names = entity_names(store)
    return [names.entities[p] for p in names.named(term)]


def search_spellings(store: Store, query: str) -> list[str]:
    """Other spellings of what a search names: every spelling of the entities the whole query names,
    or, for one word of five letters or more, of the people and places it is a word of the name of
    ("Pushilin" also finds "Dennis Pushlin")."""
    names = entity_names(store)
    positions = names.named(query.strip()) if query.strip() else []
    word = normalize(query)
    if not positions and len(word) >= 5 and " " not in word:
        positions = names.with_name_word(word)
    return sorted(names.other_spellings(positions, word))[:MAX_SPELLINGS]


def filter_stories(store: Store, filters: StoryFilter) -> list[StorySummary]:
    entity_stories = None
    if filters.entity:
        entity_stories = {s for e in matching_entities(store, filters.entity) for s in e.stories}
    return [s for s in store.story_summaries() if filters.matches(s, entity_stories)]


@dataclass
class ShownArticle(Article):
    """A stored article as the pages and the API show it: its outlet in one spelling (the record's,
    else its URL's site: stores written before that kept both) and ``safe_url``, its URL when that
    may be a link (http/https), else None."""

    safe_url: str | None = None

    @classmethod
    def of(cls, article: Article) -> ShownArticle:
        stored = {f.name: getattr(article, f.name) for f in fields(Article)}
        return cls(**{**stored, "outlet": outlet_name(article.outlet, article.url)}, safe_url=safe_url(article.url))

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["safe_url"] = data.pop("safe_url")  # after the article's own fields
        return data


@dataclass
class StoryView:
    """A story as its page and the API show it: its list-page summary (None while not briefed), its
    brief (None while not briefed), its articles and why each joined."""

    story: Story
    summary: StorySummary | None
    brief: StoryBrief | None
    articles: list[ShownArticle]
    joins: list[Join]

    @property
    def reported(self) -> ReportedStory:
        """The story as the static report holds it, which its page (``render_story``) shows: the
        summary (while none, only the story's id, title and articles), the brief and the joins."""
        summary = self.summary or StorySummary(self.story.id, self.story.title, list(self.story.articles))
        return ReportedStory(summary, self.brief, self.joins)

    def to_dict(self) -> dict[str, Any]:
        """What ``/api/v1/stories/{id}`` answers and the JSON export holds: the summary's fields, the
        brief (``{}`` while none), each article (``article_details``) and the joins."""
        summary = self.summary.to_dict() if self.summary is not None else {}
        return {**summary, "id": self.story.id, "title": self.story.title, "articles": self.story.articles,
                "brief": self.brief.to_dict() if self.brief is not None else {},
                "article_details": [a.to_dict() for a in self.articles], "joins": [j.to_dict() for j in self.joins]}


def story_view(store: Store, story_id: str) -> StoryView | None:
    story = store.story(story_id)
    if story is None:
        return None
    return StoryView(story, store.story_summary(story_id), store.brief(story_id),
                     [ShownArticle.of(a) for a in store.articles(story.articles)], store.story_joins(story_id))


@dataclass
class ArticleView:
    """An article's page: the article, its story, and the articles it copies or translates or that
    copy or translate it."""

    article: ShownArticle
    story: Story | None
    relations: list[Relation]

    def to_dict(self) -> dict[str, Any]:
        """What ``/api/v1/articles/{id}`` answers (the story by its id and title only)."""
        story = {"id": self.story.id, "title": self.story.title} if self.story is not None else None
        return {"article": self.article.to_dict(), "story": story, "relations": [r.model_dump() for r in self.relations]}


def article_view(store: Store, article_id: str) -> ArticleView | None:
    article = store.article(article_id)
    if article is None:
        return None
    story = store.story_of(article_id)
    brief = store.brief(story.id) if story else None
    pairs = ([("copy of", "copied by", c.copy, c.original) for c in brief.provenance.copies]
             + [("translation of", "translated by", t.translation, t.original) for t in brief.provenance.translations]
             if brief else [])
    related = []  # (relation, the other article)
    for role, passive, derived, original in pairs:
        if derived == article_id:
            related.append((role, original))
        elif original == article_id:
            related.append((passive, derived))
    titles = {a.id: a.title for a in store.articles([other for _, other in related])}
    relations = [Relation(relation=role, article=other, title=titles.get(other, other)) for role, other in related]
    return ArticleView(ShownArticle.of(article), story, relations)


@dataclass
class EntityQuote:
    """A quote of an entity, with the story it is in."""

    quote: MatchedQuote
    story: str

    @property
    def text(self) -> str:
        return self.quote.text

    def to_dict(self) -> dict[str, Any]:
        return {**self.quote.to_dict(), "story": self.story}


@dataclass
class EntityView:
    """An entity's page: the entity, the stories that name it (by id and title only when the store
    lists no summary of one) and its quotes in them."""

    entity: IndexedEntity
    stories: list[StorySummary | StoryRef]
    quotes: list[EntityQuote]

    def to_dict(self) -> dict[str, Any]:
        """What ``/api/v1/entities/{id}`` answers."""
        stories = [s.to_dict() if isinstance(s, StorySummary) else s.model_dump() for s in self.stories]
        return {"entity": self.entity.to_dict(), "stories": stories, "quotes": [q.to_dict() for q in self.quotes]}


def entity_view(store: Store, entity_id: str) -> EntityView | None:
    entity = next((e for e in store.entities() if e.id == entity_id), None)
    if entity is None:
        return None
    stories: list[StorySummary | StoryRef] = []
    quotes = []
    summaries = {s.id: s for s in store.story_summaries()}
    for story_id in entity.stories:
        stories.append(summaries.get(story_id) or StoryRef(id=story_id, title=story_id))
        brief = store.brief(story_id)
        for quote in brief.quotes if brief else []:
            if quote.speaker_entity == entity_id or quote.speaker in [entity.name, *entity.aliases]:
                quotes.append(EntityQuote(quote, story_id))
    return EntityView(entity, stories, quotes)
