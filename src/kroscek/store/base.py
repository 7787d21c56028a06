"""What every table group of the store shares: the engine (SQLite or PostgreSQL), transactions,
upserts, and the generation tokens with the per-process cache they keep fresh."""

from __future__ import annotations

import os
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from cachetools import LRUCache
from sqlalchemy import Connection, Engine, Table, create_engine, event, select
from sqlalchemy.dialects import postgresql, sqlite

from kroscek.store.schema import migrate
from kroscek.store.tables import meta_table, metadata

DEFAULT_DB = "kroscek.db"
CACHE_SIZE = 512  # values Store.cached keeps per process (story lists, rendered pages)
ROWS_PER_STATEMENT = 500  # rows (or keys) one statement writes or asks for
STORIES_GENERATION = "stories_generation"  # changes whenever stories, briefs, their articles or fact-checks change
MEMBERSHIP_GENERATION = "membership_generation"  # changes whenever story membership is written or an article deleted


class StoreMissing(Exception):
    """The SQLite store named does not exist (and was not to be created)."""


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL for ``db``: a URL as given, or a SQLite file path."""
    text = str(db)
    return text if "://" in text else f"sqlite:///{Path(text).expanduser()}"


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class StoreBase:
    """Access to one kroscek database (SQLite file or PostgreSQL URL); the table groups add their
    reads and writes (``kroscek.store.Store`` has them all)."""

    def __init__(self, db: str | Path = DEFAULT_DB, create: bool = True) -> None:
        """Open (or, with ``create``, create) the store; ``StoreMissing`` when a SQLite file is not there."""
        self.url = database_url(db)
        self.engine: Engine = create_engine(self.url)
        path = self.engine.url.database if self.engine.dialect.name == "sqlite" else None
        if not create and path and path != ":memory:" and not Path(path).is_file():
            self.engine.dispose()
            raise StoreMissing(f"no store at {path}")
        self._cache: LRUCache[str, Any] = LRUCache(maxsize=CACHE_SIZE)
        self._cache_generation: str | None = None
        self._cache_lock = threading.Lock()
        # SQLite: the generation tokens are read through one plain connection of this process
        # (``_meta_value``), not a pooled SQLAlchemy one: every cached page reads a token first.
        plain_file = path and path != ":memory:" and not path.startswith("file:") and not self.engine.url.query
        self._sqlite_file = path if plain_file else None  # a URI or URL options: the pooled query
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
    def _dialect(self) -> Any:
        """The dialect module whose ``insert`` has ON CONFLICT clauses: PostgreSQL's or SQLite's."""
        return postgresql if self.engine.dialect.name == "postgresql" else sqlite

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

    def _bump_generation(self, conn: Connection, key: str = STORIES_GENERATION) -> None:
        """Mark the stories as changed, so cached story lists and pages (in any process) are rebuilt."""
        value = str(secrets.randbits(63))
        statement = self._dialect.insert(meta_table)
        statement = statement.values(key=key, value=value)
        conn.execute(statement.on_conflict_do_update(index_elements=["key"], set_={"value": value}))

    def generation(self) -> str:
        """A token that changes whenever the stories, their briefs or their articles change."""
        return self._meta_value(STORIES_GENERATION)

    @property
    def cache_size(self) -> int:
        """How many values ``cached`` keeps (``CACHE_SIZE`` unless set; setting it empties the cache)."""
        return int(self._cache.maxsize)

    @cache_size.setter
    def cache_size(self, size: int) -> None:
        with self._cache_lock:
            self._cache = LRUCache(maxsize=size)

    def cached(self, key: str, build: Callable[[], Any]) -> Any:
        """``build()``, reused until the stories change (story lists, rendered pages). Per process;
        beyond ``cache_size`` values the least recently used go."""
        generation = self.generation()
        with self._cache_lock:
            if generation != self._cache_generation:
                self._cache.clear()
                self._cache_generation = generation
            if key in self._cache:
                return self._cache[key]  # a read makes it the most recently used
        value = build()
        with self._cache_lock:
            if generation == self._cache_generation:
                self._cache[key] = value
        return value

    def _upsert(self, conn: Connection, table: Table, rows: list[dict[str, Any]], update: bool) -> int:
        """Insert ``rows`` (or update them, with ``update``); returns how many rows were written."""
        if not rows:
            return 0
        keys = [c.name for c in table.primary_key.columns]
        # One global key order: concurrent writers of overlapping keys then wait for each other
        # instead of each holding a row the other needs (a PostgreSQL deadlock).
        rows = sorted(rows, key=lambda row: tuple(str(row[k]) for k in keys))
        statement = self._dialect.insert(table).values(rows)
        if update:
            changed = {c.name: statement.excluded[c.name] for c in table.columns if c.name not in keys}
            statement = statement.on_conflict_do_update(index_elements=keys, set_=changed)
        else:
            statement = statement.on_conflict_do_nothing(index_elements=keys)
        # the rows written, counted from what the database returns (PostgreSQL's rowcount is 0 here)
        return len(conn.execute(statement.returning(*(table.c[k] for k in keys))).all())

    @contextmanager
    def _connection(self, conn: Connection | None) -> Iterator[Connection]:
        if conn is not None:
            yield conn
        else:
            with self.engine.begin() as c:
                yield c
