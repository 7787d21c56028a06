"""Articles, the inputs rejected on the way, and the embeddings kept for them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from sqlalchemy import Connection, func, select

from kroscek.model import Article, Rejected
from kroscek.store.base import MEMBERSHIP_GENERATION, ROWS_PER_STATEMENT, StoreBase, chunks, utc_now
from kroscek.store.tables import articles_table, embeddings_table, rejected_table


class ArticleStore(StoreBase):
    """Articles (their text and analysis), rejected inputs and stored vectors."""

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
        rows = [{"source": r.source, "reason": r.reason, "at": utc_now()} for r in rejected]
        with self._connection(conn) as c:
            self._upsert(c, rejected_table, rows, update=True)

    def delete_article(self, article_id: str) -> bool:
        """Remove an article (its stories are re-grouped by the next match); True if it existed."""
        with self.engine.begin() as c:
            deleted = c.execute(articles_table.delete().where(articles_table.c.id == article_id)).rowcount
            if deleted:  # its vector is keyed by its id exactly (no pattern: an id may hold % or _)
                c.execute(embeddings_table.delete().where(embeddings_table.c.key == article_id))
                self._bump_generation(c)  # story pages and lists no longer show it
                self._bump_generation(c, MEMBERSHIP_GENERATION)  # a grouping that read it must not save it back
        return bool(deleted)

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(ids)
        found: set[str] = set()
        with self.engine.connect() as c:
            for chunk in chunks(wanted, ROWS_PER_STATEMENT):
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
            for chunk in chunks(list(ids), ROWS_PER_STATEMENT):
                for row in c.execute(columns.where(articles_table.c.id.in_(chunk))):
                    article = _article(row)
                    by_id[article.id] = article
        return [by_id[i] for i in ids if i in by_id]

    def article_ids(self, offset: int = 0, limit: int = 50) -> list[str]:
        """One page of article ids, newest first."""
        with self.engine.connect() as c:
            query = select(articles_table.c.id).order_by(articles_table.c.published.desc().nulls_last(), articles_table.c.id)
            return list(c.execute(query.offset(offset).limit(limit)).scalars())

    def article(self, article_id: str) -> Article | None:
        found = self.articles([article_id])
        return found[0] if found else None

    def rejected(self) -> list[Rejected]:
        with self.engine.connect() as c:
            rows = c.execute(select(rejected_table).order_by(rejected_table.c.source))
            return [Rejected(source=r.source, reason=r.reason) for r in rows]

    def put_embeddings(self, vectors: dict[str, np.ndarray]) -> None:
        rows = [{"key": k, "vector": np.asarray(v, dtype=np.float32).tobytes()} for k, v in vectors.items()]
        with self.engine.begin() as c:
            for chunk in chunks(rows, ROWS_PER_STATEMENT):
                self._upsert(c, embeddings_table, chunk, update=True)

    def embeddings(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self.engine.connect() as c:
            for chunk in chunks(list(keys), ROWS_PER_STATEMENT):
                for row in c.execute(select(embeddings_table).where(embeddings_table.c.key.in_(chunk))):
                    found[row.key] = np.frombuffer(row.vector, dtype=np.float32)
        return found


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
        "ingested_at": utc_now(),
    }
