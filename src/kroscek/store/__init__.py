"""The store: articles, rejected inputs, embeddings, stories and briefs, entities, search, fact-checks,
tokens and feeds.

SQLite (the default, a single file in WAL mode) or PostgreSQL, through SQLAlchemy Core with
one schema for both (``tables``, versioned by ``schema``). Writes are upserts keyed by
content-derived ids, so re-running an ingest never duplicates anything and concurrent writers
cannot create twins. ``Store`` is one class made of one part per table group:

- ``base``: the engine, transactions, upserts, and the generation tokens with the per-process
  cache of what is built from the stories (lists, pages);
- ``articles``: articles, rejected inputs and embeddings;
- ``stories``: stories (membership written compare-and-set), briefs, summaries, joins, events;
- ``entities``: the entity index the briefs fill;
- ``search``: full-text search over the articles;
- ``factchecks``, ``tokens``, ``feeds``: fact-checks, access tokens, polled feeds.
"""

from __future__ import annotations

from kroscek.store.articles import ArticleStore
from kroscek.store.base import DEFAULT_DB, StoreMissing, database_url
from kroscek.store.entities import EntityStore
from kroscek.store.factchecks import FactCheckStore
from kroscek.store.feeds import FeedStore
from kroscek.store.schema import SCHEMA_VERSION
from kroscek.store.search import SearchStore
from kroscek.store.stories import StaleStories, StoryStore
from kroscek.store.tables import (
    articles_table,
    embeddings_table,
    entity_index_table,
    fact_checks_table,
    feeds_table,
    meta_table,
    metadata,
    rejected_table,
    stories_table,
    story_events_table,
    story_joins_table,
    tokens_table,
)
from kroscek.store.tokens import TokenStore


class Store(ArticleStore, StoryStore, EntityStore, SearchStore, FactCheckStore, TokenStore, FeedStore):
    """Access to one kroscek database (SQLite file or PostgreSQL URL): every table group's reads and writes."""


__all__ = [
    "DEFAULT_DB", "SCHEMA_VERSION", "StaleStories", "Store", "StoreMissing", "database_url",
    "articles_table", "embeddings_table", "entity_index_table", "fact_checks_table", "feeds_table", "meta_table",
    "metadata", "rejected_table", "stories_table", "story_events_table", "story_joins_table", "tokens_table",
]
