"""The entities by the keys of their spellings (web/cache.py): built once per change of the stories,
and finding what folding every spelling on every request found."""

from __future__ import annotations

from kroscek.compare.story import StoryBrief
from kroscek.model import Entity, Story
from kroscek.store import Store
from kroscek.store.entities import IndexedEntity
from kroscek.web.cache import EntityNames, entity_names
from kroscek.web.views import matching_entities, search_spellings

ENTITIES = [
    IndexedEntity("p:pushilin", "Denis Pushilin", "PER", ("Dennis Pushlin",), ("s1",), 3),
    IndexedEntity("iso:KP", "Korea Utara", "LOC", ("Korut",), ("s1",), 2),
    IndexedEntity("o:pushilin-fund", "Pushilin Fund", "ORG", (), ("s2",), 1),
    IndexedEntity("p:kim", "Kim Jong-un", "PER", ("KIM JONG UN", "Kim Jong Un"), ("s2",), 1),
]


def test_entities_are_found_by_id_spelling_key_and_gazetteer_name():
    names = EntityNames.of(ENTITIES)
    assert names.named("p:kim") == [3]
    assert names.named("kim jong un") == [3]  # case, punctuation and the hyphen aside
    assert names.named("North Korea") == [1]  # the gazetteer's name for iso:KP, spelled nowhere in the corpus
    assert names.named("Pyongyang Times") == []


def test_a_word_of_a_name_finds_people_and_places_only():
    names = EntityNames.of(ENTITIES)
    assert names.with_name_word("pushilin") == [0]  # not the organisation that has the word too
    assert names.other_spellings([0], "pushilin") == {"Denis Pushilin", "Dennis Pushlin"}
    assert names.other_spellings([3], "kim jong un") == set()  # every spelling folds to the query itself


def test_the_index_follows_the_stored_entities(tmp_path):
    store = Store(tmp_path / "k.db")
    store.save_stories([Story("s1", "Donetsk", [])])
    store.save_brief("s1", StoryBrief(entities=[Entity("p:pushilin", "Denis Pushilin", "PER")]))
    assert entity_names(store) is entity_names(store)  # built once while the stories stay as they are
    assert search_spellings(store, "Pushilin") == ["Denis Pushilin"]
    store.save_brief("s1", StoryBrief(entities=[Entity("p:pushilin", "Denis Pushilin", "PER", ["Dennis Pushlin"])]))
    assert search_spellings(store, "Pushilin") == ["Denis Pushilin", "Dennis Pushlin"]
    assert [e.id for e in matching_entities(store, "dennis pushlin")] == ["p:pushilin"]
    store.close()


def test_the_server_builds_the_index_as_it_starts_and_searches_reuse_it(tmp_path, monkeypatch):
    """The first search does not pay for the index: the app builds it once in the background as it
    starts, and the searches after it read that one."""
    import time

    from fastapi.testclient import TestClient

    from kroscek.web.app import ServerSettings, create_app

    db = tmp_path / "k.db"
    store = Store(db)
    store.save_stories([Story("s1", "Donetsk", [])])
    store.save_brief("s1", StoryBrief(entities=[Entity("p:pushilin", "Denis Pushilin", "PER")]))
    store.close()
    built: list[int] = []
    of = EntityNames.of.__func__

    def counted(cls, entities):
        names = of(cls, entities)
        built.append(len(entities))
        return names

    monkeypatch.setattr(EntityNames, "of", classmethod(counted))
    with TestClient(create_app(ServerSettings(db=str(db)))) as client:
        deadline = time.monotonic() + 10
        while not built and time.monotonic() < deadline:
            time.sleep(0.01)
        assert built == [1]  # built at start, before any request
        for _ in range(2):
            assert client.get("/api/v1/search", params={"q": "Pushilin"}).status_code == 200
    assert built == [1]
