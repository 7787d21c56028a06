"""The store: schema versioning, idempotent upserts, stories and briefs, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from kroscek.compare.story import StoryBrief, StoryCheck, StorySummary
from kroscek.compare.summary import SummaryLine
from kroscek.model import Article, Entity, EntityMention, Rejected, Sentence, Story, StoryEvent
from kroscek.store import SCHEMA_VERSION, Store, stories_table, story_events_table


def make_article(n: int, published: str = "2025-10-0{n}") -> Article:
    return Article(
        id=f"a{n:015d}",
        source=f"fixture-{n}.txt",
        title=f"Judul berita {n}",
        text=f"Isi berita nomor {n} tentang banjir di Kabupaten Sukamaju.",
        outlet="Warta Uji",
        language="id",
        published=published.format(n=n),
        sentences=[Sentence(0, f"Isi berita nomor {n} tentang banjir di Kabupaten Sukamaju.", 0)],
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path) -> Iterator[Store]:
    url = tmp_path / "k.db" if request.param == "sqlite" else request.getfixturevalue("postgres_url")()
    store = Store(url)
    yield store
    store.close()


def test_new_store_is_at_current_schema_version(store):
    assert store.schema_version == SCHEMA_VERSION


def test_articles_are_stored_once_and_round_trip(store):
    articles = [make_article(n) for n in (1, 2, 3)]
    store.add_articles(articles)
    store.add_articles(articles[:2])  # a re-run of part of the batch
    assert store.count_articles() == 3
    assert store.articles([articles[2].id, articles[0].id]) == [articles[2], articles[0]]
    assert [a.id for a in store.articles()] == [a.id for a in articles]  # earliest first
    assert store.known_ids([articles[0].id, "missing"]) == {articles[0].id}


def test_rejected_inputs_are_recorded_and_cleared_when_they_later_read(store):
    store.add_rejected([Rejected("fixture-1.txt", "not valid UTF-8 at byte 3")])
    store.add_rejected([Rejected("fixture-1.txt", "not valid UTF-8 at byte 3")])
    assert store.rejected() == [Rejected("fixture-1.txt", "not valid UTF-8 at byte 3")]
    store.add_articles([make_article(1)])
    assert store.rejected() == []


def test_stories_keep_briefs_only_while_their_articles_are_unchanged(store):
    store.add_articles([make_article(n) for n in (1, 2, 3)])
    first = Story("s1", "Banjir", ["a000000000000001", "a000000000000002"])
    other = Story("s3", "Lain", ["a000000000000003"])
    store.save_stories([first, other], [StoryEvent("merge", ("x", "y"), "s1")])
    store.save_brief("s1", StoryBrief(summary=[SummaryLine("Banjir", 1)]))
    store.save_brief("s3", StoryBrief())
    grown = Story("s3", "Lain", ["a000000000000003", "a000000000000001"])
    store.save_stories([first, grown])
    assert store.stories() == [first, grown]
    kept = store.brief("s1")
    assert kept is not None and [line.text for line in kept.summary] == ["Banjir"] and store.has_brief("s1")
    assert store.brief("s3") is None and not store.has_brief("s3")  # the story changed: its brief must be rebuilt
    assert [e.kind for e in store.story_events()] == ["merge"]


def test_a_checked_story_is_stored_in_its_json_form_with_its_entities_indexed(store):
    store.add_articles([make_article(1)])
    story = Story("s1", "Banjir", ["a000000000000001"])
    store.save_stories([story])
    mention = EntityMention("a000000000000001", 0, 26, 34, "Sukamaju")
    brief = StoryBrief(story="s1", title="Banjir", summary=[SummaryLine("Banjir", 1)],
                       entities=[Entity("geo:sukamaju", "Sukamaju", "LOC", ["Kab. Sukamaju"], [mention, mention])])
    summary = StorySummary("s1", "Banjir", list(story.articles), last_published="2025-10-01", badges=[])
    store.save_check(StoryCheck(story, brief, summary))
    with store.engine.connect() as c:
        row = c.execute(select(stories_table).where(stories_table.c.id == "s1")).one()
    assert json.loads(row.brief) == brief.to_dict() and json.loads(row.summary) == summary.to_dict()
    assert row.last_published == "2025-10-01"
    assert store.brief("s1") == brief and store.story_summary("s1") == summary
    [indexed] = store.entities()
    assert (indexed.id, indexed.aliases, indexed.stories, indexed.mentions) == ("geo:sukamaju", ("Kab. Sukamaju",), ("s1",), 2)


def test_story_events_read_back_typed_and_in_their_json_form(store):
    merge, split = StoryEvent("merge", ("x", "y"), "s1"), StoryEvent("split", ("s2",), ("s2", "s4"))
    store.save_stories([Story("s1", "Banjir", [])], [merge, split])
    with store.engine.connect() as c:  # the log's rows: the event's fields by name, without the time
        logged = [json.loads(r.data) for r in c.execute(select(story_events_table).order_by(story_events_table.c.id))]
    assert logged == [{"kind": "merge", "stories": ["x", "y"], "into": "s1"},
                      {"kind": "split", "stories": ["s2"], "into": ["s2", "s4"]}]
    events = store.story_events()
    assert [(e.kind, e.stories, e.into) for e in events] == [("merge", ("x", "y"), "s1"), ("split", ("s2",), ("s2", "s4"))]
    assert [{k: v for k, v in e.to_dict().items() if k != "at"} for e in events] == logged
    assert all(list(e.to_dict()) == ["into", "kind", "stories", "at"] and e.at for e in events)


def test_stale_verdicts_are_kept_on_the_article(store):
    store.add_articles([make_article(1), make_article(2)])
    store.mark_stale(["a000000000000002"])
    assert [a.stale for a in store.articles()] == [False, True]


def test_embeddings_round_trip(store):
    import numpy as np

    vectors = {"k1": np.array([0.5, -0.25], dtype=np.float32)}
    store.put_embeddings(vectors)
    store.put_embeddings(vectors)
    found = store.embeddings(["k1", "k2"])
    assert list(found) == ["k1"] and found["k1"].tolist() == [0.5, -0.25]


def test_search_cuts_words_alike_on_both_databases(store):
    hyphenated, spaced, other = (make_article(n) for n in (1, 2, 3))
    hyphenated.text = "Jembatan Kali-Putih ditutup setelah kasus COVID-19 baru."
    spaced.text = "Warga menyeberangi Kali Putih dengan perahu."
    other.text = "Harga beras naik di Pasar Minggu."
    store.add_articles([hyphenated, spaced, other])
    found = {query: sorted(hit["id"] for hit in store.search(query)[1]) for query in ("Kali-Putih", "kali putih", "COVID-19", "covid")}
    assert found["Kali-Putih"] == found["kali putih"] == sorted([hyphenated.id, spaced.id])
    assert found["COVID-19"] == found["covid"] == [hyphenated.id]
    assert store.search("Kali-Putih beras") == (0, [])
    assert store.search(" -- ") == (0, [])


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_add_articles_counts_only_the_new_ones(backend, tmp_path, request):
    url = request.getfixturevalue("postgres_url")() if backend == "postgresql" else str(tmp_path / "k.db")
    store = Store(url)
    assert store.add_articles([Article("a1", "s1", "t", "x"), Article("a2", "s2", "t", "y")]) == 2
    assert store.add_articles([Article("a1", "s1", "t", "x"), Article("a3", "s3", "t", "z")]) == 1


def test_a_write_by_another_store_changes_the_generations_and_drops_cached_values(store):
    other = Store(store.url)
    try:
        store.add_articles([make_article(1)])
        builds = []
        assert store.cached("page", lambda: builds.append(1) or "first") == "first"
        before, membership = store.generation(), store.membership_generation()
        other.save_stories([Story("s1", "Banjir", ["a000000000000001"])])
        assert store.generation() != before and store.membership_generation() != membership
        assert store.cached("page", lambda: builds.append(2) or "again") == "again" and builds == [1, 2]
        settled = store.generation()
        other.save_brief("s1", StoryBrief())
        assert store.generation() not in (settled, before)
    finally:
        other.close()

