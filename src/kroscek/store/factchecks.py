"""Fact-checks read from fact-checking publishers, matched against the stories' facts."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import func, select

from kroscek.factchecks import FactCheck
from kroscek.store.base import ROWS_PER_STATEMENT, StoreBase, chunks, utc_now
from kroscek.store.tables import fact_checks_table


class FactCheckStore(StoreBase):
    """Stored fact-checks."""

    def add_fact_checks(self, checks: Sequence[FactCheck]) -> int:
        """Store fact-checks (each as its ``to_dict``); one already stored (same id) is left as it is.
        Returns how many were new."""
        rows = [{"id": c.id, "claim": c.claim, "verdict": c.verdict or "", "verdict_word": c.verdict_word or "",
                 "published": c.published, "url": c.url, "data": json.dumps(c.to_dict(), ensure_ascii=False),
                 "ingested_at": utc_now()} for c in checks]
        with self.engine.begin() as c:
            added = sum(self._upsert(c, fact_checks_table, chunk, update=False) for chunk in chunks(rows, ROWS_PER_STATEMENT))
            if added:
                self._bump_generation(c)  # story pages show the fact-checks their facts match
            return added

    def count_fact_checks(self) -> int:
        with self.engine.connect() as c:
            return int(c.execute(select(func.count()).select_from(fact_checks_table)).scalar() or 0)

    def fact_checks(self) -> list[FactCheck]:
        """Every stored fact-check, newest first."""
        with self.engine.connect() as c:
            query = select(fact_checks_table.c.data).order_by(fact_checks_table.c.published.desc().nulls_last(),
                                                              fact_checks_table.c.id)
            return [FactCheck.from_dict(json.loads(data)) for data in c.execute(query).scalars()]
