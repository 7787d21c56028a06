"""What the web pages and the API show, assembled from the store: a stored brief is read back
into its ``StoryBrief`` and shown in its one JSON form (``StoryBrief.to_dict``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator

from kroscek.compare.story import StorySummary
from kroscek.text.gazetteer import name_key as normalize
from kroscek.outlets import outlet_key, outlet_name
from kroscek.store import Store
from kroscek.store.entities import IndexedEntity
from kroscek.urls import safe_url
from kroscek.web.cache import entity_names

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


def story_view(store: Store, story_id: str) -> dict[str, Any] | None:
    story = store.story(story_id)
    if story is None:
        return None
    summary = store.story_summary(story_id)
    articles = store.articles(story.articles)
    brief = store.brief(story_id)
    return {**(summary.to_dict() if summary is not None else {}), "id": story.id, "title": story.title, "articles": story.articles,
            "brief": brief.to_dict() if brief is not None else {},
            "article_details": [with_safe_url(a.to_dict()) for a in articles], "joins": [j.to_dict() for j in store.story_joins(story_id)]}


def with_safe_url(article: dict[str, Any]) -> dict[str, Any]:
    """An article's dict with ``safe_url`` (its URL when that may be a link, http/https, else None) and
    its outlet in one spelling (the record's, else its URL's site: stores written before that kept both)."""
    return {**article, "outlet": outlet_name(article.get("outlet"), article.get("url")),
            "safe_url": safe_url(article.get("url"))}


def article_view(store: Store, article_id: str) -> dict[str, Any] | None:
    article = store.article(article_id)
    if article is None:
        return None
    story = store.story_of(article_id)
    brief = store.brief(story.id) if story else None
    pairs = ([("copy of", "copied by", c.copy, c.original) for c in brief.provenance.copies]
             + [("translation of", "translated by", t.translation, t.original) for t in brief.provenance.translations]
             if brief else [])
    relations = []
    for role, passive, derived, original in pairs:
        if derived == article_id:
            relations.append({"relation": role, "article": original})
        elif original == article_id:
            relations.append({"relation": passive, "article": derived})
    titles = {a.id: a.title for a in store.articles([r["article"] for r in relations])}
    for relation in relations:
        relation["title"] = titles.get(relation["article"], relation["article"])
    return {"article": with_safe_url(article.to_dict()), "story": {"id": story.id, "title": story.title} if story else None,
            "relations": relations}


def entity_view(store: Store, entity_id: str) -> dict[str, Any] | None:
    entity = next((e for e in store.entities() if e.id == entity_id), None)
    if entity is None:
        return None
    stories, quotes = [], []
    summaries = {s.id: s for s in store.story_summaries()}
    for story_id in entity.stories:
        summary = summaries.get(story_id)
        stories.append(summary.to_dict() if summary is not None else {"id": story_id, "title": story_id})
        brief = store.brief(story_id)
        for quote in brief.quotes if brief else []:
            if quote.speaker_entity == entity_id or quote.speaker in [entity.name, *entity.aliases]:
                quotes.append({**quote.to_dict(), "story": story_id})
    return {"entity": entity.to_dict(), "stories": stories, "quotes": quotes}

