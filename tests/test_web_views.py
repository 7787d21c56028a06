"""The web app's typed views (``kroscek.web.views``): what the templates read as attributes and what
the API and the exports give as their one JSON form, over a store filled by hand."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from kroscek.compare.story import StoryBrief
from kroscek.model import EventDate, Story
from kroscek.report import story_summary
from kroscek.report.html import source_labels
from kroscek.store import Store
from kroscek.store.entities import IndexedEntity
from kroscek.web.app import ServerSettings, create_app
from kroscek.web.jobs import IngestJobs, JobPayload
from kroscek.web.schemas import StoryRef
from kroscek.web.uploads import UploadFields
from kroscek.web.views import EntityView, ShownArticle, article_view, entity_view, story_view
from test_web_api import FLOOD

# The first article tells of two days, one of them twice, out of order; its URL may not be a link.
EVENTS = [EventDate("2025-09-30", "Selasa", 0, "day", True), EventDate("2025-09-28", "Minggu", 0, "day", True),
          EventDate("2025-09-30", "kemarin", 0, "day", True)]
FIRST = replace(FLOOD[0], event_dates=EVENTS, url="javascript:alert(1)", outlet=None)
SECOND = replace(FLOOD[1], url="https://daily.example/flood")


@pytest.fixture()
def store(tmp_path) -> Iterator[Store]:
    store = Store(tmp_path / "views.db")
    store.add_articles([FIRST, SECOND])
    story = Story("s-flood", FIRST.title, [FIRST.id, SECOND.id])
    store.save_stories([story])
    brief = {"quotes": [{"text": "Air naik cepat sekali", "speaker": "Desa Sukamaju", "speaker_entity": None, "sources": []},
                        {"text": "Someone else said this", "speaker": "Nobody", "speaker_entity": None, "sources": []}],
             "entities": [{"id": "geo:sukamaju", "name": "Sukamaju", "type": "LOC", "aliases": ["Desa Sukamaju"],
                           "mentions": []}],
             "provenance": {"translations": [{"translation": SECOND.id, "original": FIRST.id}]}}
    store.save_brief("s-flood", StoryBrief.from_dict(brief), replace(story_summary(story, [FIRST, SECOND]), badges=["translations"]))
    yield store
    store.close()


@pytest.fixture()
def client(store) -> Iterator[TestClient]:
    with TestClient(create_app(ServerSettings(db=store.url))) as client:
        yield client


def test_a_shown_article_has_one_outlet_spelling_a_safe_url_and_its_event_days_once_each(store):
    shown = ShownArticle.of(store.article(FIRST.id))
    assert shown.safe_url is None and shown.url == FIRST.url
    assert shown.event_days == store.article(FIRST.id).event_days == ["2025-09-28", "2025-09-30"]  # the article's rule
    data = shown.to_dict()
    assert data["event_dates"] == shown.event_days and len(data["event_date_mentions"]) == 3
    assert list(data)[-1] == "safe_url" and set(data) - {"safe_url"} == set(store.article(FIRST.id).to_dict())
    second = ShownArticle.of(store.article(SECOND.id))
    assert second.safe_url == SECOND.url and second.outlet == SECOND.outlet


def test_the_article_page_lists_each_event_day_once_in_order(client):
    page = client.get(f"/articles/{FIRST.id}").text
    events = page.split("\n<p class=\"muted\">", 1)[1].split("</p>")[0]  # the events line
    assert events.count("Sep 2025") == 2 and events.index("28 Sep") < events.index("30 Sep"), events


def test_the_api_and_the_json_export_give_the_views_one_json_form(client, store):
    view = story_view(store, "s-flood")
    assert view is not None and [a.id for a in view.articles] == [FIRST.id, SECOND.id]
    data = view.to_dict()
    assert client.get("/stories/s-flood/export.json").json() == data
    api = client.get("/api/v1/stories/s-flood").json()
    assert {k: api[k] for k in data} == data and api["badges"] == ["translations"]
    article = article_view(store, SECOND.id)
    assert client.get(f"/api/v1/articles/{SECOND.id}").json() == article.to_dict()
    assert article.to_dict()["relations"] == [{"relation": "translation of", "article": FIRST.id, "title": FIRST.title}]
    assert article.to_dict()["story"] == {"id": "s-flood", "title": FIRST.title}


def test_the_story_page_shows_the_typed_view_and_its_fact_checks(client, store, monkeypatch):
    from kroscek.check import StoryFactCheck
    from kroscek.web.routes import stories

    check = StoryFactCheck(claim="Air naik setinggi atap rumah", verdict="false", verdict_word="Salah", published="2025-09-01",
                           url="https://cek.example/1", publisher="Cek Uji", similarity=0.9, matched=FIRST.title)
    monkeypatch.setattr(stories, "fact_checks_of_story", lambda store, view: [check] if view.story.id == "s-flood" else [])
    page = client.get("/stories/s-flood").text
    fact_checks = page.split('<ul class="fact-checks">')[1].split("</ul>")[0]
    assert "Air naik setinggi atap rumah" in fact_checks and "Cek Uji" in fact_checks and 'href="https://cek.example/1"' in fact_checks
    labels = source_labels(story_view(store, "s-flood").articles)
    assert f"{labels[SECOND.id]} menerjemahkan {labels[FIRST.id]}" in page  # the translation, by outlet
    assert 'href="/entities/geo:sukamaju"' in page and f'href="/articles/{SECOND.id}"' in page
    assert 'class="badge translations"' in page


def test_the_page_of_a_story_not_briefed_shows_its_articles_only(tmp_path):
    store = Store(tmp_path / "bare.db")
    store.add_articles([FIRST, SECOND])
    store.save_stories([Story("s-bare", SECOND.title, [FIRST.id, SECOND.id])])
    view = story_view(store, "s-bare")
    assert view is not None and view.summary is None and view.brief is None
    assert (view.reported.summary.id, view.reported.summary.articles, view.reported.summary.badges) == ("s-bare", view.story.articles, None)
    with TestClient(create_app(ServerSettings(db=store.url))) as client:
        page = client.get("/stories/s-bare").text
    assert f'id="a-{FIRST.id}"' in page and f'id="a-{SECOND.id}"' in page and 'class="badge' not in page
    assert "Asal-usul" not in page and "Mengapa tiap artikel" not in page  # no provenance, no joins (Indonesian pages)
    store.close()


def test_an_entity_view_has_its_stories_and_only_its_own_quotes(client, store):
    view = entity_view(store, "geo:sukamaju")
    assert view is not None and [q.text for q in view.quotes] == ["Air naik cepat sekali"]
    assert [s.id for s in view.stories] == ["s-flood"]
    data = client.get("/api/v1/entities/geo:sukamaju").json()
    assert data["quotes"][0]["story"] == "s-flood" and data["quotes"][0]["speaker"] == "Desa Sukamaju"
    assert data["stories"][0]["badges"] == ["translations"]
    # a story the store holds no summary of is named by its id only
    entity = IndexedEntity("x", "X", "PER", (), ("s-gone",), 1)
    assert EntityView(entity, [StoryRef(id="s-gone", title="s-gone")], []).to_dict()["stories"] == [{"id": "s-gone", "title": "s-gone"}]


def test_a_submitted_job_is_a_typed_status_read_back_from_the_queue(store, tmp_path):
    jobs = IngestJobs(store)
    folder = tmp_path / "upload"
    folder.mkdir()
    job = jobs.submit(folder, 2)
    assert job.state == "queued" and job.files == 2 and job.rejected == [] and job.progress is None
    assert jobs.status(job.id) == job and jobs.status("no-such-job") is None


def test_the_outlet_list_trims_examples_without_trimming_the_outlet(client):
    listed = client.get("/api/v1/outlets", params={"examples": 0}).json()
    assert listed and all(not o[s]["examples"] for o in listed for s in ("first", "copies", "translates"))
    with_examples = [o for o in client.get("/api/v1/outlets").json() if o["translates"]["examples"]]
    assert with_examples, "the store's translation is an example of its outlet"
    one = client.get(f"/api/v1/outlets/{with_examples[0]['name']}").json()
    assert one["translates"]["examples"] == with_examples[0]["translates"]["examples"]


def test_a_job_payload_keeps_the_queue_json_of_its_kind():
    upload = JobPayload(folder="/tmp/upload-1", fields=UploadFields(title="Judul", outlet="Warta Uji"))
    assert json.loads(upload.to_json()) == {"folder": "/tmp/upload-1", "fields": upload.fields.to_dict()}
    assert JobPayload.from_json(upload.to_json()) == upload
    assert JobPayload.from_json('{"folder": "/tmp/upload-2"}') == JobPayload(folder="/tmp/upload-2")  # an older upload
    assert json.loads(JobPayload(url="https://feeds.example/rss").to_json()) == {"url": "https://feeds.example/rss"}
    assert JobPayload().to_json() == "{}" and JobPayload.from_json("{}") == JobPayload()
    with pytest.raises(ValueError, match="folder"):
        JobPayload().needed("folder")
