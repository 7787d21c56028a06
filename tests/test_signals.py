"""Outlet signals from the store's own evidence, on the sample corpus (examples/corpus, whose
labels.json is the answer key: copies, translations, stale republications, disputes), and the
outlet pages and API over it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from kroscek.cli import app as cli
from kroscek.compare.story import StoryBrief
from kroscek.outlets import outlet_key
from kroscek.signals import ArticleInfo, OutletSignals, StoryEvidence, compute_signals, find_outlet, outlet_signals
from kroscek.store import Store
from kroscek.web.app import ServerSettings, create_app


def run_corpus(corpus_dir: Path, folder: Path, *options: str) -> Store:
    db = str(folder / "k.db")
    result = CliRunner().invoke(cli, ["run", str(corpus_dir), "--db", db, "--out", str(folder / "report"), "--quiet",
                                      *options])
    assert result.exit_code == 0, result.output
    return Store(db)


@pytest.fixture(scope="module")
def labels(corpus_dir) -> dict:
    return json.loads((corpus_dir / "labels.json").read_text())


@pytest.fixture(scope="module")
def store(corpus_dir, tmp_path_factory) -> Iterator[Store]:
    store = run_corpus(corpus_dir, tmp_path_factory.mktemp("signals"), "--fast")
    yield store
    store.close()


def names_to_articles(store: Store, labels: dict) -> dict[str, str]:
    """labels.json's file names (and file#n records) -> article ids of the store."""
    by_url = {url: name for name, url in labels["record_urls"].items()}
    return {by_url.get(a.source) or Path(a.source).name: a.id for a in store.articles()}


def by_key(signals: list[OutletSignals]) -> dict[str, OutletSignals]:
    return {s.key: s for s in signals}


def outlet_of(store: Store, article: str) -> str:
    found = store.article(article)
    assert found is not None
    from kroscek.outlets import outlet_name

    return outlet_name(found.outlet, found.url)


def test_copies_and_stale_republications_count_for_the_later_outlet(store, labels):
    ids = names_to_articles(store, labels)
    signals = by_key(outlet_signals(store))
    for pair in labels["copies"]:
        copy, original = ids[pair["copy"]], ids[pair["original"]]
        copier = signals[outlet_key(outlet_of(store, copy))]
        examples = [e for e in copier.copies.examples if e.article == copy]
        assert examples and examples[0].other == outlet_of(store, original), pair
        assert examples[0].story == store.story_of(copy).id and examples[0].href.startswith(f"/stories/{examples[0].story}")
        assert signals[outlet_key(outlet_of(store, original))].copied_by >= 1
    for name in labels["stale"]:
        article = ids[name]
        stale = signals[outlet_key(outlet_of(store, article))].stale
        assert article in [e.article for e in stale.examples], name
    copies = {ids[p["copy"]] for p in labels["copies"]}
    stale = {ids[n] for n in labels["stale"]}
    # nothing else is counted: every example is a labelled case
    assert {e.article for s in signals.values() for e in s.copies.examples} == copies
    assert {e.article for s in signals.values() for e in s.stale.examples} == stale
    for outlet in signals.values():
        assert outlet.copies.out_of == outlet.stale.out_of == outlet.articles
        assert outlet.copies.count == len(outlet.copies.examples) <= outlet.articles


def test_both_sides_of_each_labelled_dispute(store, labels):
    ids = names_to_articles(store, labels)
    signals = by_key(outlet_signals(store))
    for dispute in labels["disputes"]:
        a, b = (ids[name] for name in dispute["articles"])
        story = store.story_of(a).id
        for one, other in ((a, b), (b, a)):
            examples = [e for e in signals[outlet_key(outlet_of(store, one))].disputes.examples if e.story == story]
            assert examples, (dispute["differs"], outlet_of(store, one))
            assert examples[0].other == outlet_of(store, other) and examples[0].note.startswith(dispute["kind"])
    number = next(d for d in labels["disputes"] if d["kind"] == "number")
    side = signals[outlet_key(outlet_of(store, ids[number["articles"][1]]))]
    note = next(e.note for e in side.disputes.examples if e.story == store.story_of(ids[number["articles"][1]]).id)
    assert note.index("15") < note.index("12")  # its own value first


def test_first_reports_and_single_sources_are_counted_per_story(store):
    signals = outlet_signals(store)
    shared = [s for s in store.stories() if len({outlet_of(store, a) for a in s.articles}) >= 2]
    assert sum(s.first.out_of for s in signals) == sum(len({outlet_of(store, a) for a in s.articles}) for s in shared)
    firsts = [e for s in signals for e in s.first.examples]
    assert len(firsts) == len({e.story for e in firsts}) <= len(shared)  # one first report a story at most
    for story in shared:
        brief = store.brief(story.id)
        first = brief.provenance.first_reporter.article if brief is not None else None
        if first:
            reporter = by_key(signals)[outlet_key(outlet_of(store, first))]
            assert story.id in [e.story for e in reporter.first.examples]
    for outlet in signals:
        for example in outlet.single_source.examples:
            assert outlet_key(outlet_of(store, example.article)) == outlet.key
            assert example.story in {s.id for s in shared}  # a one-outlet story makes no single-source figure
        assert outlet.single_source.count <= outlet.single_source.out_of


def test_an_outlets_own_republication_and_a_lone_side():
    infos = {i: ArticleInfo(i, outlet, i, "2025-01-01") for i, outlet in
             [("a1", "Warta A"), ("a2", "Warta A"), ("b1", "Kabar B"), ("c1", "Pos C"), ("d1", "Suara D")]}
    claim = {"article": "a1", "sentence": 0, "text": "Sebanyak 12 orang terluka."}

    def member(article: str, kind: str) -> dict:
        return {"article": article, "sentence": 0, "text": "...", "relation": {"kind": kind}}

    brief = {"provenance": {"first_reporter": {"article": "b1", "date": "2025-01-01"},
                            "copies": [{"copy": "a2", "original": "a1"}, {"copy": "c1", "original": "b1"}],
                            "translations": [], "stale": []},
             "facts": [{"status": "disputed", "claims": [claim, member("b1", "dispute"), member("c1", "dispute")],
                        "evidence": [{"slot": "number", "a": "12 orang", "b": "15 orang"}]}]}
    signals = {s.key: s for s in compute_signals([StoryEvidence("s1", "Cerita", list(infos), StoryBrief.from_dict(brief))], infos)}
    assert signals["wartaa"].copies.count == 0  # its own article again is no other source
    assert signals["posc"].copies.count == 1 and signals["posc"].copies.examples[0].other == "Kabar B"
    assert signals["kabarb"].first.count == 1 and signals["kabarb"].first.out_of == 1
    assert signals["wartaa"].disputes.count == 1 and signals["wartaa"].alone == 1
    assert signals["wartaa"].disputes.examples[0].note == "number: 12 orang ≠ 15 orang"
    assert signals["kabarb"].disputes.examples[0].note == "number: 15 orang ≠ 12 orang" and signals["kabarb"].alone == 0
    assert signals["suarad"].disputes.count == 0 and signals["suarad"].disputes.out_of == 0


def test_outlet_pages_and_api(store, labels):
    ids = names_to_articles(store, labels)
    copier = outlet_of(store, ids[labels["copies"][0]["copy"]])
    with TestClient(create_app(ServerSettings(db=store.url))) as client:
        listing = client.get("/outlets")
        assert listing.status_code == 200
        key = outlet_key(copier)
        assert f'href="/outlets/{quote(key)}#copies"' in listing.text
        for spelling in (copier, copier.upper(), key):
            page = client.get(f"/outlets/{quote(spelling)}", params={"lang": "en"})
            assert page.status_code == 200 and "Copies another source" in page.text
        story = store.story_of(ids[labels["copies"][0]["copy"]]).id
        assert f'href="/stories/{story}#a-{ids[labels["copies"][0]["copy"]]}"' in page.text
        assert client.get(f"/stories/{story}").status_code == 200
        assert client.get("/outlets/no-such-outlet").status_code == 404
        data = client.get("/api/v1/outlets").json()
        assert {o["key"] for o in data} == {s.key for s in outlet_signals(store)}
        one = next(o for o in data if o["key"] == key)
        assert one["copies"]["count"] >= 1 and one["copies"]["examples"][0]["href"].startswith("/stories/")
        assert all(len(o[k]["examples"]) <= 5 for o in data for k in ("first", "single_source"))
        assert client.get("/api/v1/outlets", params={"examples": 0}).json()[0]["single_source"]["examples"] == []
        detail = client.get(f"/api/v1/outlets/{quote(copier)}").json()
        assert detail["name"] == copier and find_outlet(outlet_signals(store), copier).copies.count == detail["copies"]["count"]
        assert client.get("/api/v1/outlets/no-such-outlet").status_code == 404


@pytest.mark.slow
def test_translations_count_for_the_translating_outlet(corpus_dir, labels, tmp_path):
    store = run_corpus(corpus_dir, tmp_path)  # the default run: translations need the e5 encoder
    ids = names_to_articles(store, labels)
    signals = by_key(outlet_signals(store))
    for pair in labels["translations"]:
        article = ids[pair["translation"]]
        translates = signals[outlet_key(outlet_of(store, article))].translates
        example = next(e for e in translates.examples if e.article == article)
        assert example.other in ("", outlet_of(store, ids[pair["original"]]))  # in the store, or outside it
    store.close()
