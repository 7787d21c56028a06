"""The feeds the web app polls, with when each was last read and its last error."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from kroscek.store.base import StoreBase, utc_now
from kroscek.store.tables import feeds_table


@dataclass(frozen=True)
class Feed:
    """A feed to poll: its URL, when it was added, last polled (None before the first poll) and the
    error of its last poll (None when it was read)."""

    url: str
    added_at: str
    last_polled: str | None
    last_error: str | None


class FeedStore(StoreBase):
    """Feeds to poll."""

    def add_feed(self, url: str) -> None:
        with self.engine.begin() as c:
            self._upsert(c, feeds_table, [{"url": url, "added_at": utc_now()}], update=False)

    def feeds(self) -> list[Feed]:
        """The feeds, by URL."""
        with self.engine.connect() as c:
            rows = c.execute(select(feeds_table).order_by(feeds_table.c.url))
            return [Feed(url=r.url, added_at=r.added_at, last_polled=r.last_polled, last_error=r.last_error) for r in rows]

    def record_feed_poll(self, url: str, error: str | None) -> None:
        with self.engine.begin() as c:
            query = feeds_table.update().where(feeds_table.c.url == url)
            c.execute(query.values(last_polled=utc_now(), last_error=error))
