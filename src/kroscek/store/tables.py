"""The store's tables (one schema for SQLite and PostgreSQL, SQLAlchemy Core)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Integer, LargeBinary, MetaData, String, Table, Text

metadata = MetaData()

articles_table = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("title", Text, nullable=False),
    Column("outlet", Text),
    Column("language", String(8)),
    Column("published", String(32), index=True),
    Column("stale", Boolean, nullable=False, default=False),
    Column("text", Text, nullable=False),
    Column("data", Text, nullable=False),  # the full Article as JSON
    Column("ingested_at", String(32), nullable=False),
)


rejected_table = Table(
    "rejected",
    metadata,
    Column("source", Text, primary_key=True),
    Column("reason", Text, nullable=False),
    Column("at", String(32), nullable=False),
)


embeddings_table = Table(
    "embeddings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("vector", LargeBinary, nullable=False),
)


stories_table = Table(
    "stories",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("title", Text, nullable=False),
    Column("position", Integer, nullable=False),
    Column("articles", Text, nullable=False),  # JSON list of article ids, earliest first
    Column("brief", Text),  # JSON
    Column("summary", Text),  # JSON: outlets, languages, dates, badges (what list pages show)
    Column("last_published", String(32), index=True),
)


entity_index_table = Table(
    "entity_index",
    metadata,
    Column("entity_id", String(128), primary_key=True),
    Column("story_id", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("aliases", Text, nullable=False),  # JSON list
    Column("mentions", Integer, nullable=False),
)


tokens_table = Table(
    "tokens",
    metadata,
    Column("hash", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
)


feeds_table = Table(
    "feeds",
    metadata,
    Column("url", Text, primary_key=True),
    Column("added_at", String(32), nullable=False),
    Column("last_polled", String(32)),
    Column("last_error", Text),
)


story_events_table = Table(
    "story_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("data", Text, nullable=False),
    Column("at", String(32), nullable=False),
)


story_joins_table = Table(  # why each article is in its story (a new table: create_all adds it to older stores)
    "story_joins",
    metadata,
    Column("article_id", String(32), primary_key=True),
    Column("story_id", String(32), nullable=False, index=True),
    Column("data", Text, nullable=False),  # JSON: the article's Join (match.stories)
)


fact_checks_table = Table(
    "fact_checks",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("claim", Text, nullable=False),  # the claim checked, as it circulated
    Column("verdict", String(32), nullable=False),  # false | misleading | missing-context | true | satire | unproven | ""
    Column("verdict_word", Text, nullable=False),  # the publisher's own word
    Column("published", String(32)),
    Column("url", Text),
    Column("data", Text, nullable=False),  # the full FactCheck as JSON
    Column("ingested_at", String(32), nullable=False),
)


meta_table = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
