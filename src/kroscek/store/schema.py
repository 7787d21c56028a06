"""Versioned schema: version 1 creates the tables; each later version is one migration step.

The version lives in the ``meta`` table; ``migrate`` brings any older database up to
``SCHEMA_VERSION`` inside the caller's transaction, the same way on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, MetaData, Table, select, text

Migration = Callable[[Connection], None]


def _create_sqlite_search(conn: Connection) -> None:
    """Full-text search over article titles and text (SQLite FTS5, kept in sync by triggers)."""
    if conn.dialect.name != "sqlite":
        conn.execute(
            text(
                "CREATE INDEX IF NOT EXISTS articles_search ON articles USING GIN "
                "(to_tsvector('simple', title || ' ' || text))"
            )
        )
        return
    conn.execute(
        text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
            "title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')"
        )
    )
    conn.execute(
        text(
            "CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN "
            "INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END"
        )
    )
    conn.execute(
        text(
            "CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
            "VALUES ('delete', old.rowid, old.title, old.text); END"
        )
    )


# PostgreSQL's parser keeps "Kali-Putih" whole and reads "COVID-19" as "covid" and "-19"; with
# every run of non-word characters made a space first, it cuts words as SQLite's FTS5 does.
POSTGRES_SEARCH_DOCUMENT = "to_tsvector('simple', regexp_replace(title || ' ' || text, '\\W+', ' ', 'g'))"


def _search_words_alike(conn: Connection) -> None:
    """PostgreSQL's search index over the text cut into words as SQLite cuts them."""
    if conn.dialect.name == "sqlite":
        return
    conn.execute(text("DROP INDEX IF EXISTS articles_search"))
    conn.execute(text(f"CREATE INDEX IF NOT EXISTS articles_search_words ON articles USING GIN ({POSTGRES_SEARCH_DOCUMENT})"))


def _fact_checks_by_date(conn: Connection) -> None:
    """The fact_checks table (made by ``create_all``) gets an index by date, newest listed first."""
    conn.execute(text("CREATE INDEX IF NOT EXISTS fact_checks_published ON fact_checks (published)"))


# MIGRATIONS[n] brings a database from version n+1 to n+2 (version 1 is ``create_all``).
MIGRATIONS: list[Migration] = [_create_sqlite_search, _search_words_alike, _fact_checks_by_date]
SCHEMA_VERSION = 1 + len(MIGRATIONS)


def migrate(conn: Connection, metadata: MetaData, meta: Table) -> int:
    """Create or upgrade the schema; returns the version the database is now at."""
    metadata.create_all(conn)
    current = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    version = int(current) if current else 1
    for step in MIGRATIONS[version - 1 :]:
        step(conn)
        version += 1
    if current is None:
        conn.execute(meta.insert().values(key="schema_version", value=str(version)))
    elif int(current) != version:
        conn.execute(meta.update().where(meta.c.key == "schema_version").values(value=str(version)))
    return version
