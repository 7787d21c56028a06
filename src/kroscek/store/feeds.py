"""The feeds the web app polls, with when each was last read and its last error."""

from __future__ import annotations

from sqlalchemy import select

from kroscek.store.base import StoreBase, utc_now
from kroscek.store.tables import feeds_table


class FeedStore(StoreBase):
    """Feeds to poll."""

    def add_feed(self, url: str) -> None:
        with self.engine.begin() as c:
            self._upsert(c, feeds_table, [{"url": url, "added_at": utc_now()}], update=False)

    def feeds(self) -> list[dict]:
        with self.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(select(feeds_table).order_by(feeds_table.c.url))]

    def record_feed_poll(self, url: str, error: str | None) -> None:
        with self.engine.begin() as c:
            query = feeds_table.update().where(feeds_table.c.url == url)
            c.execute(query.values(last_polled=utc_now(), last_error=error))
