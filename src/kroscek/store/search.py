"""Full-text search over the articles (SQLite FTS5, PostgreSQL tsvector), cutting words alike on both."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TypedDict

from sqlalchemy import Row, text

from kroscek.store.base import StoreBase
from kroscek.store.schema import POSTGRES_SEARCH_DOCUMENT


class SearchHit(TypedDict):
    """One article a search found: what a results page lists of it."""

    id: str
    title: str
    outlet: str | None
    published: str | None
    snippet: str  # the text around the match, plain
    snippet_html: str  # the same, escaped, with the matched words in <mark>


class SearchStore(StoreBase):
    """Search over article titles and text."""

    def search(self, query: str, limit: int = 20, offset: int = 0, also: Sequence[str] = ()) -> tuple[int, list[SearchHit]]:
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
            return int(total or 0), [_hit(r) for r in rows]


def _hit(row: Row) -> SearchHit:
    """A found row, its snippet's match markers split into a plain snippet and an escaped HTML one."""
    marked = row.snippet or ""
    return SearchHit(id=row.id, title=row.title, outlet=row.outlet, published=row.published,
                     snippet=marked.replace("\x02", "").replace("\x03", ""),
                     snippet_html=html.escape(marked).replace("\x02", "<mark>").replace("\x03", "</mark>"))
