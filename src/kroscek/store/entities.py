"""The entity index: every entity the stories' briefs name, with its stories."""

from __future__ import annotations

import json

from sqlalchemy import select

from kroscek.store.base import StoreBase
from kroscek.store.tables import entity_index_table


class EntityStore(StoreBase):
    """The entities of all stories, merged by id (filled by ``StoryStore.save_brief``)."""

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
