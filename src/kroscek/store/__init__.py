"""The store: articles, rejected inputs, embeddings, stories and briefs.

SQLite (the default, a single file in WAL mode) or PostgreSQL, through SQLAlchemy Core with
one schema for both. Writes are upserts keyed by content-derived ids, so re-running an
ingest never duplicates anything and concurrent writers cannot create twins.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import secrets
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Engine,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    func,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite

from kroscek.model import Article, Rejected, Story
from kroscek.store.schema import POSTGRES_SEARCH_DOCUMENT, SCHEMA_VERSION, migrate

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

DEFAULT_DB = "kroscek.db"
CACHE_SIZE = 512  # values Store.cached keeps per process (story lists, rendered pages)
_STORIES = "stories_generation"  # changes whenever stories, briefs, their articles or fact-checks change
_MEMBERSHIP = "membership_generation"  # changes whenever story membership is written or an article deleted


class StaleStories(Exception):
    """Stories computed from a snapshot that another writer has since made stale."""


class StoreMissing(Exception):
    """The SQLite store named does not exist (and was not to be created)."""


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL for ``db``: a URL as given, or a SQLite file path."""
    text = str(db)
    return text if "://" in text else f"sqlite:///{Path(text).expanduser()}"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class Store:
    """Access to one kroscek database (SQLite file or PostgreSQL URL)."""

    def __init__(self, db: str | Path = DEFAULT_DB, create: bool = True) -> None:
        """Open (or, with ``create``, create) the store; ``StoreMissing`` when a SQLite file is not there."""
        self.url = database_url(db)
        self.engine: Engine = create_engine(self.url)
        path = self.engine.url.database if self.engine.dialect.name == "sqlite" else None
        if not create and path and path != ":memory:" and not Path(path).is_file():
            self.engine.dispose()
            raise StoreMissing(f"no store at {path}")
        self._cache: OrderedDict[str, Any] = OrderedDict()
        self._cache_generation: str | None = None
        self._cache_lock = threading.Lock()
        self.cache_size = CACHE_SIZE
        # SQLite: the generation tokens are read through one plain connection of this process
        # (``_meta_value``), not a pooled SQLAlchemy one: every cached page reads a token first.
        self._sqlite_file = path if path and path != ":memory:" else None
        self._meta_reader: sqlite3.Connection | None = None
        self._meta_reader_pid = 0
        self._meta_reader_lock = threading.Lock()
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        with self.engine.begin() as conn:
            migrate(conn, metadata, meta_table)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            value = conn.execute(select(meta_table.c.value).where(meta_table.c.key == "schema_version")).scalar()
        return int(value or 0)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    def close(self) -> None:
        with self._meta_reader_lock:
            if self._meta_reader is not None and self._meta_reader_pid == os.getpid():
                self._meta_reader.close()
            self._meta_reader = None
        self.engine.dispose()

    def _meta_value(self, key: str) -> str:
        """One value of the meta table ("" when unset). On a SQLite file this is a plain query on a
        connection kept for it (microseconds, where a pooled SQLAlchemy query takes a quarter of a
        millisecond); it sees every commit, from any process, as a fresh connection would."""
        if self._sqlite_file is None:
            with self.engine.connect() as c:
                return c.execute(select(meta_table.c.value).where(meta_table.c.key == key)).scalar() or ""
        with self._meta_reader_lock:
            if self._meta_reader is None or self._meta_reader_pid != os.getpid():  # none yet, or a forked copy
                self._meta_reader = sqlite3.connect(self._sqlite_file, check_same_thread=False, isolation_level=None)
                self._meta_reader.execute("PRAGMA busy_timeout=30000")
                self._meta_reader_pid = os.getpid()
            # fetchall ends the statement, and with it the read transaction (none is held open)
            rows = self._meta_reader.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchall()
        return (rows[0][0] or "") if rows else ""

    def _bump_generation(self, conn: Connection, key: str = _STORIES) -> None:
        """Mark the stories as changed, so cached story lists and pages (in any process) are rebuilt."""
        value = str(secrets.randbits(63))
        statement = (postgresql if self.engine.dialect.name == "postgresql" else sqlite).insert(meta_table)
        statement = statement.values(key=key, value=value)
        conn.execute(statement.on_conflict_do_update(index_elements=["key"], set_={"value": value}))

    def membership_generation(self) -> str:
        """A token that changes whenever story membership is written or an article deleted: read it
        before grouping, and pass it to ``save_stories`` so that a stale grouping is refused."""
        return self._meta_value(_MEMBERSHIP)

    def _check_membership(self, conn: Connection, expected: str) -> None:
        """Within ``conn``'s transaction, hold the write lock and raise ``StaleStories`` unless the
        membership generation is still ``expected``."""
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        # A write first: SQLite then takes its write lock before reading (no other writer can slip
        # in between the check and the write), and PostgreSQL has a row to lock.
        conn.execute(dialect.insert(meta_table).values(key=_MEMBERSHIP, value="").on_conflict_do_nothing(index_elements=["key"]))
        query = select(meta_table.c.value).where(meta_table.c.key == _MEMBERSHIP)
        current = conn.execute(query if self.is_sqlite else query.with_for_update()).scalar() or ""
        if current != expected:
            raise StaleStories("the stories were saved by another writer after this grouping read the store")

    def generation(self) -> str:
        """A token that changes whenever the stories, their briefs or their articles change."""
        return self._meta_value(_STORIES)

    def cached(self, key: str, build: Callable[[], Any]) -> Any:
        """``build()``, reused until the stories change (story lists, rendered pages). Per process;
        beyond ``cache_size`` values the least recently used go."""
        generation = self.generation()
        with self._cache_lock:
            if generation != self._cache_generation:
                self._cache.clear()
                self._cache_generation = generation
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        value = build()
        with self._cache_lock:
            if generation == self._cache_generation:
                self._cache[key] = value
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return value

    # -- writes ------------------------------------------------------------------------------

    def _upsert(self, conn: Connection, table: Table, rows: list[dict[str, Any]], update: bool) -> int:
        """Insert ``rows`` (or update them, with ``update``); returns how many rows were written."""
        if not rows:
            return 0
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        keys = [c.name for c in table.primary_key.columns]
        # One global key order: concurrent writers of overlapping keys then wait for each other
        # instead of each holding a row the other needs (a PostgreSQL deadlock).
        rows = sorted(rows, key=lambda row: tuple(str(row[k]) for k in keys))
        statement = dialect.insert(table).values(rows)
        if update:
            changed = {c.name: statement.excluded[c.name] for c in table.columns if c.name not in keys}
            statement = statement.on_conflict_do_update(index_elements=keys, set_=changed)
        else:
            statement = statement.on_conflict_do_nothing(index_elements=keys)
        # the rows written, counted from what the database returns (PostgreSQL's rowcount is 0 here)
        return len(conn.execute(statement.returning(*(table.c[k] for k in keys))).all())

    def add_articles(self, articles: Sequence[Article], conn: Connection | None = None) -> int:
        """Store analysed articles; an article already stored (same content id) is left as it is.
        Returns how many were new."""
        rows = [_article_row(a) for a in articles]
        with self._connection(conn) as c:
            added = self._upsert(c, articles_table, rows, update=False)
            # a source that was rejected before and now reads fine is no longer rejected
            c.execute(rejected_table.delete().where(rejected_table.c.source.in_([a.source for a in articles])))
        return added

    def clear_rejected(self, source: str) -> None:
        """Forget what was rejected from one input: ``source`` itself and its records (``source#N``)."""
        records = source + "#"
        with self.engine.begin() as c:
            c.execute(rejected_table.delete().where(
                (rejected_table.c.source == source)
                | (func.substr(rejected_table.c.source, 1, len(records)) == records)
            ))

    def mark_stale(self, article_ids: Sequence[str]) -> None:
        """Flag articles as stale republications (decided per story, after matching)."""
        if article_ids:
            with self.engine.begin() as c:
                query = articles_table.update().where(articles_table.c.id.in_(list(article_ids)))
                c.execute(query.values(stale=True))

    def add_rejected(self, rejected: Sequence[Rejected], conn: Connection | None = None) -> None:
        rows = [{"source": r.source, "reason": r.reason, "at": _now()} for r in rejected]
        with self._connection(conn) as c:
            self._upsert(c, rejected_table, rows, update=True)

    def put_embeddings(self, vectors: dict[str, np.ndarray]) -> None:
        rows = [{"key": k, "vector": np.asarray(v, dtype=np.float32).tobytes()} for k, v in vectors.items()]
        with self.engine.begin() as c:
            for chunk in _chunks(rows, 500):
                self._upsert(c, embeddings_table, chunk, update=True)

    def save_stories(
        self, stories: Sequence[Story], events: Iterable[dict] = (), expected_generation: str | None = None,
        joins: Iterable[dict] = (),
    ) -> None:
        """Replace the stored stories and log merge/split events.

        ``joins`` (``Join.to_dict()`` of ``match.stories``: ``article``, ``story``, ...) say why each
        article is in its story; a stored one is dropped when its article leaves that story.

        A story whose articles did not change keeps its brief, summary and entity index;
        any other story gets them anew from ``save_brief``. With ``expected_generation`` (what
        ``membership_generation`` gave when the grouping read the store) the write is a
        compare-and-set: ``StaleStories`` is raised, and nothing written, if another writer has
        saved stories or deleted an article since.
        """
        with self.engine.begin() as c:
            if expected_generation is not None:
                self._check_membership(c, expected_generation)
            old = {row.id: row for row in c.execute(select(stories_table))}
            c.execute(stories_table.delete())
            rows = []
            for position, story in enumerate(stories):
                members = json.dumps(story.articles)
                kept = old.get(story.id)
                unchanged = kept is not None and kept.articles == members
                rows.append({
                    "id": story.id, "title": story.title, "position": position, "articles": members,
                    "brief": kept.brief if unchanged else None,
                    "summary": kept.summary if unchanged else None,
                    "last_published": kept.last_published if unchanged else None,
                })
            for chunk in _chunks(rows, 500):
                c.execute(stories_table.insert(), chunk)
            stale = [r["id"] for r in rows if r["brief"] is None] + [i for i in old if i not in {s.id for s in stories}]
            for chunk in _chunks(stale, 500):
                c.execute(entity_index_table.delete().where(entity_index_table.c.story_id.in_(chunk)))
            story_of = {article: story.id for story in stories for article in story.articles}
            held = c.execute(select(story_joins_table.c.article_id, story_joins_table.c.story_id)).all()
            for chunk in _chunks([r.article_id for r in held if story_of.get(r.article_id) != r.story_id], 500):
                c.execute(story_joins_table.delete().where(story_joins_table.c.article_id.in_(chunk)))
            reasons = [{"article_id": j["article"], "story_id": j["story"], "data": json.dumps(j, ensure_ascii=False)}
                       for j in joins if story_of.get(j["article"]) == j["story"]]
            for chunk in _chunks(reasons, 500):
                self._upsert(c, story_joins_table, chunk, update=True)
            logged = [{"data": json.dumps(e, sort_keys=True), "at": _now()} for e in events]
            if logged:
                c.execute(story_events_table.insert(), logged)
            self._bump_generation(c)
            self._bump_generation(c, _MEMBERSHIP)

    def save_brief(self, story_id: str, brief: dict, summary: dict | None = None) -> None:
        """Store a story's brief, its list-page summary, and index its entities."""
        with self.engine.begin() as c:
            values: dict[str, Any] = {"brief": json.dumps(brief, ensure_ascii=False)}
            if summary is not None:
                values["summary"] = json.dumps(summary, ensure_ascii=False)
                values["last_published"] = summary.get("last_published")
            c.execute(stories_table.update().where(stories_table.c.id == story_id).values(**values))
            c.execute(entity_index_table.delete().where(entity_index_table.c.story_id == story_id))
            rows = {}
            for entity in brief.get("entities", []):
                rows[entity["id"]] = {
                    "entity_id": entity["id"], "story_id": story_id, "name": entity["name"],
                    "type": entity["type"], "aliases": json.dumps(entity.get("aliases", []), ensure_ascii=False),
                    "mentions": len(entity.get("mentions", [])),
                }
            if rows:
                c.execute(entity_index_table.insert(), list(rows.values()))
            self._bump_generation(c)

    def delete_article(self, article_id: str) -> bool:
        """Remove an article (its stories are re-grouped by the next match); True if it existed."""
        with self.engine.begin() as c:
            deleted = c.execute(articles_table.delete().where(articles_table.c.id == article_id)).rowcount
            if deleted:  # its vector is keyed by its id exactly (no pattern: an id may hold % or _)
                c.execute(embeddings_table.delete().where(embeddings_table.c.key == article_id))
                self._bump_generation(c)  # story pages and lists no longer show it
                self._bump_generation(c, _MEMBERSHIP)  # a grouping that read it must not save it back
        return bool(deleted)

    def add_token(self, name: str) -> str:
        """Create an access token; only its hash is stored, the token is returned once."""
        token = secrets.token_urlsafe(32)
        with self.engine.begin() as c:
            c.execute(tokens_table.insert().values(hash=_token_hash(token), name=name, created_at=_now()))
        return token

    def tokens(self) -> list[dict]:
        """The tokens, oldest first: their name, creation time and an id (the start of their hash)."""
        with self.engine.connect() as c:
            rows = c.execute(select(tokens_table).order_by(tokens_table.c.created_at, tokens_table.c.hash))
            return [{"id": r.hash[:12], "name": r.name, "created_at": r.created_at} for r in rows]

    def revoke_tokens(self, name_or_id: str) -> int:
        """Remove the tokens with this name or whose id (hash prefix, 6+ characters) this is; how many."""
        with self.engine.begin() as c:
            doomed = [r.hash for r in c.execute(select(tokens_table.c.hash, tokens_table.c.name))
                      if r.name == name_or_id or (len(name_or_id) >= 6 and r.hash.startswith(name_or_id.lower()))]
            for hash_ in doomed:
                c.execute(tokens_table.delete().where(tokens_table.c.hash == hash_))
        return len(doomed)

    def check_token(self, token: str | None) -> bool:
        if not token:
            return False
        with self.engine.connect() as c:
            found = c.execute(select(tokens_table.c.name).where(tokens_table.c.hash == _token_hash(token))).first()
        return found is not None

    def add_feed(self, url: str) -> None:
        with self.engine.begin() as c:
            self._upsert(c, feeds_table, [{"url": url, "added_at": _now()}], update=False)

    def feeds(self) -> list[dict]:
        with self.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(select(feeds_table).order_by(feeds_table.c.url))]

    def record_feed_poll(self, url: str, error: str | None) -> None:
        with self.engine.begin() as c:
            query = feeds_table.update().where(feeds_table.c.url == url)
            c.execute(query.values(last_polled=_now(), last_error=error))

    @contextmanager
    def _connection(self, conn: Connection | None) -> Iterator[Connection]:
        if conn is not None:
            yield conn
        else:
            with self.engine.begin() as c:
                yield c

    # -- reads -------------------------------------------------------------------------------

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(ids)
        found: set[str] = set()
        with self.engine.connect() as c:
            for chunk in _chunks(wanted, 500):
                found.update(c.execute(select(articles_table.c.id).where(articles_table.c.id.in_(chunk))).scalars())
        return found

    def count_articles(self) -> int:
        with self.engine.connect() as c:
            return int(c.execute(select(func.count()).select_from(articles_table)).scalar() or 0)

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Articles (all, or those with ``ids`` in that order), earliest published first."""
        with self.engine.connect() as c:
            columns = select(articles_table.c.data, articles_table.c.stale)
            if ids is None:
                query = columns.order_by(articles_table.c.published.nulls_first(), articles_table.c.id)
                return [_article(row) for row in c.execute(query)]
            by_id: dict[str, Article] = {}
            for chunk in _chunks(list(ids), 500):
                for row in c.execute(columns.where(articles_table.c.id.in_(chunk))):
                    article = _article(row)
                    by_id[article.id] = article
        return [by_id[i] for i in ids if i in by_id]

    def article_ids(self, offset: int = 0, limit: int = 50) -> list[str]:
        """One page of article ids, newest first."""
        with self.engine.connect() as c:
            query = select(articles_table.c.id).order_by(articles_table.c.published.desc().nulls_last(), articles_table.c.id)
            return list(c.execute(query.offset(offset).limit(limit)).scalars())

    def story_of(self, article_id: str) -> Story | None:
        """The story an article belongs to, if it has been grouped."""
        with self.engine.connect() as c:
            query = select(stories_table).where(stories_table.c.articles.contains(f'"{article_id}"'))
            row = c.execute(query).first()
        return Story(id=row.id, title=row.title, articles=json.loads(row.articles)) if row else None

    def article(self, article_id: str) -> Article | None:
        found = self.articles([article_id])
        return found[0] if found else None

    def rejected(self) -> list[Rejected]:
        with self.engine.connect() as c:
            rows = c.execute(select(rejected_table).order_by(rejected_table.c.source))
            return [Rejected(source=r.source, reason=r.reason) for r in rows]

    def embeddings(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self.engine.connect() as c:
            for chunk in _chunks(list(keys), 500):
                for row in c.execute(select(embeddings_table).where(embeddings_table.c.key.in_(chunk))):
                    found[row.key] = np.frombuffer(row.vector, dtype=np.float32)
        return found

    def stories(self) -> list[Story]:
        with self.engine.connect() as c:
            rows = c.execute(select(stories_table).order_by(stories_table.c.position))
            return [Story(id=r.id, title=r.title, articles=json.loads(r.articles)) for r in rows]

    def story(self, story_id: str) -> Story | None:
        with self.engine.connect() as c:
            row = c.execute(select(stories_table).where(stories_table.c.id == story_id)).first()
        return Story(id=row.id, title=row.title, articles=json.loads(row.articles)) if row else None

    def brief(self, story_id: str) -> dict | None:
        with self.engine.connect() as c:
            data = c.execute(select(stories_table.c.brief).where(stories_table.c.id == story_id)).scalar()
        return json.loads(data) if data else None

    def story_joins(self, story_id: str) -> list[dict]:
        """Why each article of a story joined it (``Join.to_dict()`` of ``match.stories``), in the
        story's article order; articles matched before these were kept have none."""
        story = self.story(story_id)
        if story is None:
            return []
        with self.engine.connect() as c:
            rows = c.execute(select(story_joins_table.c.article_id, story_joins_table.c.data)
                             .where(story_joins_table.c.story_id == story_id))
            found = {r.article_id: json.loads(r.data) for r in rows}
        return [found[a] for a in story.articles if a in found]

    def story_summaries(self) -> list[dict]:
        """Every story's list-page summary, newest first, then biggest (cached until stories change)."""
        return self.cached("story_summaries", self._story_summaries)

    def story_summary(self, story_id: str) -> dict | None:
        with self.engine.connect() as c:
            row = c.execute(select(stories_table.c.summary).where(stories_table.c.id == story_id)).first()
        return json.loads(row.summary or "{}") if row else None

    def _story_summaries(self) -> list[dict]:
        with self.engine.connect() as c:
            rows = c.execute(select(stories_table.c.id, stories_table.c.title, stories_table.c.articles,
                                    stories_table.c.summary))
            listed = [
                {"id": r.id, "title": r.title, "articles": json.loads(r.articles), **json.loads(r.summary or "{}")}
                for r in rows
            ]
        listed.sort(key=lambda s: (s.get("last_published") or "", len(s["articles"]), s["id"]), reverse=True)
        return listed

    def search(self, query: str, limit: int = 20, offset: int = 0, also: Sequence[str] = ()) -> tuple[int, list[dict]]:
        """Full-text search over article titles and text: (total hits, one page of hits).

        The query is cut into words the same way on both databases ("Kali-Putih" finds "Kali Putih"
        and "kali-putih"), and every word must occur; ``also`` are other spellings of the same
        thing (an entity's aliases), any one of which may occur instead."""
        phrases: list[list[str]] = []
        for phrase in [query, *also]:
            words = re.findall(r"\w+", phrase)
            if words and words not in phrases:
                phrases.append(words)
        if not phrases:
            return 0, []
        terms = " OR ".join("(" + " ".join(f'"{t}"' for t in words) + ")" for words in phrases)
        with self.engine.connect() as c:
            if self.is_sqlite:
                where = "articles_fts MATCH :q"
                total = c.execute(text(f"SELECT COUNT(*) FROM articles_fts WHERE {where}"), {"q": terms}).scalar()
                rows = c.execute(text(
                    "SELECT a.id, a.title, a.outlet, a.published, "
                    "snippet(articles_fts, 1, char(2), char(3), ' … ', 16) AS snippet "
                    f"FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE {where} "
                    "ORDER BY rank LIMIT :limit OFFSET :offset"), {"q": terms, "limit": limit, "offset": offset})
            else:
                document = POSTGRES_SEARCH_DOCUMENT
                where = f"{document} @@ to_tsquery('simple', :q)"
                # words are \w+ runs, so nothing in them is tsquery syntax
                query = " | ".join("(" + " & ".join(words) + ")" for words in phrases)
                total = c.execute(text(f"SELECT COUNT(*) FROM articles WHERE {where}"), {"q": query}).scalar()
                rows = c.execute(text(
                    "SELECT id, title, outlet, published, ts_headline('simple', text, to_tsquery('simple', :q), "
                    "'StartSel=\x02,StopSel=\x03,MaxWords=24,MinWords=8') AS snippet "
                    f"FROM articles WHERE {where} ORDER BY ts_rank({document}, to_tsquery('simple', :q)) DESC, id "
                    "LIMIT :limit OFFSET :offset"), {"q": query, "limit": limit, "offset": offset})
            return int(total or 0), [_with_snippet_html(dict(r._mapping)) for r in rows]

    def entities(self) -> list[dict]:
        """Every indexed entity with its stories, most covered first (cached until stories change)."""
        return self.cached("entities", self._entities)

    def _entities(self) -> list[dict]:
        merged: dict[str, dict] = {}
        with self.engine.connect() as c:
            for r in c.execute(select(entity_index_table).order_by(entity_index_table.c.story_id)):
                entity = merged.setdefault(r.entity_id, {"id": r.entity_id, "name": r.name, "type": r.type,
                                                         "aliases": [], "stories": [], "mentions": 0})
                entity["stories"].append(r.story_id)
                entity["mentions"] += r.mentions
                entity["aliases"] = sorted(set(entity["aliases"]) | set(json.loads(r.aliases)))
        return sorted(merged.values(), key=lambda e: (-len(e["stories"]), -e["mentions"], e["name"]))

    def add_fact_checks(self, checks: Sequence[dict[str, Any]]) -> int:
        """Store fact-checks (``FactCheck.to_dict()``s); one already stored (same id) is left as it is.
        Returns how many were new."""
        rows = [{"id": c["id"], "claim": c["claim"], "verdict": c.get("verdict") or "",
                 "verdict_word": c.get("verdict_word") or "", "published": c.get("published"), "url": c.get("url"),
                 "data": json.dumps(c, ensure_ascii=False), "ingested_at": _now()} for c in checks]
        with self.engine.begin() as c:
            added = sum(self._upsert(c, fact_checks_table, chunk, update=False) for chunk in _chunks(rows, 500))
            if added:
                self._bump_generation(c)  # story pages show the fact-checks their facts match
            return added

    def count_fact_checks(self) -> int:
        with self.engine.connect() as c:
            return int(c.execute(select(func.count()).select_from(fact_checks_table)).scalar() or 0)

    def fact_checks(self) -> list[dict]:
        """Every stored fact-check (as ``FactCheck.to_dict()``), newest first."""
        with self.engine.connect() as c:
            query = select(fact_checks_table.c.data).order_by(fact_checks_table.c.published.desc().nulls_last(),
                                                              fact_checks_table.c.id)
            return [json.loads(data) for data in c.execute(query).scalars()]

    def story_events(self) -> list[dict]:
        with self.engine.connect() as c:
            rows = c.execute(select(story_events_table).order_by(story_events_table.c.id))
            return [{**json.loads(r.data), "at": r.at} for r in rows]


def _with_snippet_html(hit: dict[str, Any]) -> dict[str, Any]:
    """Split a search snippet's match markers into a plain snippet and an escaped HTML one."""
    marked = hit.get("snippet") or ""
    hit["snippet"] = marked.replace("\x02", "").replace("\x03", "")
    hit["snippet_html"] = html.escape(marked).replace("\x02", "<mark>").replace("\x03", "</mark>")
    return hit


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _article(row: Any) -> Article:
    article = Article.from_dict(json.loads(row.data))
    article.stale = bool(row.stale)  # the column holds the story-level verdict too
    return article


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "language": article.language,
        "published": article.published,
        "stale": article.stale,
        "text": article.text,
        "data": json.dumps(article.to_dict(), ensure_ascii=False),
        "ingested_at": _now(),
    }


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "StaleStories", "Store", "StoreMissing", "database_url"]
