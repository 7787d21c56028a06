"""What the pages would otherwise work out on every request, made once per change of the stories
(``Store.cached``): the stored entities by the keys of their spellings, which the entity filter and
every search read (a search used to fold every spelling of every entity again)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from kroscek.store import Store
from kroscek.store.entities import IndexedEntity
from kroscek.text.gazetteer import lookup, name_key

logger = logging.getLogger(__name__)
NAMED_TYPES = ("PER", "LOC")  # whose names a single word of theirs may stand for in a search


@dataclass(frozen=True)
class EntityNames:
    """The stored entities (``Store.entities()``, in its order) looked up by id, by the key of any
    of their spellings, and (people and places) by each word of their name's key."""

    entities: list[IndexedEntity]
    spellings: list[list[tuple[str, str]]] = field(default_factory=list)  # per entity: (spelling, its key)
    by_id: dict[str, int] = field(default_factory=dict)
    by_key: dict[str, list[int]] = field(default_factory=dict)
    by_name_word: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, entities: list[IndexedEntity]) -> EntityNames:
        names = cls(entities)
        for position, entity in enumerate(entities):
            keyed = [(spelling, name_key(spelling)) for spelling in [entity.name, *entity.aliases]]
            names.spellings.append(keyed)
            names.by_id.setdefault(entity.id, position)
            for key in dict.fromkeys(key for _, key in keyed):
                names.by_key.setdefault(key, []).append(position)
            if entity.type in NAMED_TYPES:
                for word in dict.fromkeys(keyed[0][1].split()):
                    names.by_name_word.setdefault(word, []).append(position)
        return names

    def named(self, term: str) -> list[int]:
        """Positions of the entities ``term`` names: by id, by the gazetteer's id for it, or by the
        key of any of their spellings; in the entities' order."""
        known = lookup(term)
        found = set(self.by_key.get(name_key(term), ()))
        for identifier in (term, known.id if known is not None else None):
            if identifier is not None and identifier in self.by_id:
                found.add(self.by_id[identifier])
        return sorted(found)

    def with_name_word(self, word: str) -> list[int]:
        """Positions of the people and places whose name's key has the word (a key) ``word``."""
        return self.by_name_word.get(word, [])

    def other_spellings(self, positions: list[int], key: str) -> set[str]:
        """Every spelling of these entities whose key is not ``key``."""
        return {spelling for p in positions for spelling, spelling_key in self.spellings[p] if spelling_key != key}


def entity_names(store: Store) -> EntityNames:
    """The store's ``EntityNames``, built again when the stories change."""
    return store.cached("entity-names", lambda: EntityNames.of(store.entities()))


def warm(store: Store) -> None:
    """Build what the first pages would otherwise build (run once as the server starts); a store
    that cannot be read yet is left for the first request to report."""
    try:
        entity_names(store)
    except Exception:  # noqa: BLE001 - the request that needs it reports the same failure
        logger.warning("could not prepare the entity names of the store", exc_info=True)
