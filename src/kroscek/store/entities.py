"""The entity index: every entity the stories' briefs name, with its stories."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from kroscek.store.base import StoreBase
from kroscek.store.tables import entity_index_table


@dataclass(frozen=True)
class IndexedEntity:
    """An entity as the stories' briefs name it, merged over the stories: its spellings, the stories
    that name it and how many times they do."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]  # every other spelling, sorted
    stories: tuple[str, ...]  # the ids of the stories whose briefs name it
    mentions: int  # over all those stories

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type, "aliases": list(self.aliases),
                "stories": list(self.stories), "mentions": self.mentions}


class EntityStore(StoreBase):
    """The entities of all stories, merged by id (filled by ``StoryStore.save_brief``)."""

    def entities(self) -> list[IndexedEntity]:
        """Every indexed entity with its stories, most covered first (cached until stories change)."""
        return self.cached("entities", self._entities)

    def _entities(self) -> list[IndexedEntity]:
        first: dict[str, tuple[str, str]] = {}  # id -> (name, type) of the first story that names it
        aliases: dict[str, set[str]] = {}
        stories: dict[str, list[str]] = {}
        mentions: dict[str, int] = {}
        with self.engine.connect() as c:
            for r in c.execute(select(entity_index_table).order_by(entity_index_table.c.story_id)):
                first.setdefault(r.entity_id, (r.name, r.type))
                aliases.setdefault(r.entity_id, set()).update(json.loads(r.aliases))
                stories.setdefault(r.entity_id, []).append(r.story_id)
                mentions[r.entity_id] = mentions.get(r.entity_id, 0) + r.mentions
        merged = [IndexedEntity(id=i, name=name, type=type_, aliases=tuple(sorted(aliases[i])), stories=tuple(stories[i]),
                                mentions=mentions[i]) for i, (name, type_) in first.items()]
        return sorted(merged, key=lambda e: (-len(e.stories), -e.mentions, e.name))
