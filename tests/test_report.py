"""The report (``kroscek.report``): one typed ``Report`` written as ``report.json`` and the HTML pages;
the story page helpers: the timeline chart and the marks of aligned claims."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from kroscek.compare.provenance import Copy, Provenance, StalePage
from kroscek.compare.story import StoryBrief, story_summary
from kroscek.match.stories import Join
from kroscek.model import Article, EventDate, Rejected, Sentence, Story, StoryEvent
from kroscek.report import Report, ReportedStory, build_report, read_report
from kroscek.report.html import claim_marks, render_story, source_labels, timeline_chart, write_report


def _article(article_id: str, outlet: str | None, published: str | None, *days: str, source: str = "") -> Article:
    text = f"Warga {article_id} melaporkan air naik di tepi sungai."
    return Article(id=article_id, source=source or f"/data/{article_id}.txt", title=f"Air naik ({article_id})", text=text,
                   outlet=outlet, language="id", published=published, sentences=[Sentence(0, text, 0)],
                   event_dates=[EventDate(day, "hari itu", 0) for day in days])


A = _article("a", "Warta Uji", "2025-10-01", "2025-09-21", "2025", "2025-09-21")
B = _article("b", "Kabar Uji", None, "2025-10-11")


def test_an_articles_event_days_are_its_json_event_dates_each_once_in_order():
    assert A.event_days == ["2025", "2025-09-21"]
    assert A.to_dict()["event_dates"] == A.event_days and len(A.to_dict()["event_date_mentions"]) == 3


def test_the_timeline_chart_places_page_and_event_dates_on_one_axis():
    chart = timeline_chart([A, B])
    assert (chart.start, chart.end) == ("2025-09-21", "2025-10-11")
    assert [row.label for row in chart.rows] == ["Warta Uji", "Kabar Uji"]
    assert chart.rows[0].published == pytest.approx(0.5) and chart.rows[0].events == [0.0]  # a bare year has no place
    assert chart.rows[1].published is None and chart.rows[1].events == [1.0]
    assert timeline_chart([_article("c", None, None)]).rows == []


def test_source_labels_number_an_outlets_articles_and_name_a_file_without_its_folder():
    labels = source_labels([A, replace(A, id="a2"), _article("c", None, None, source="/home/redaksi/c.txt")])
    assert labels == {"a": "Warta Uji", "a2": "Warta Uji (2)", "c": "c.txt"}


def test_claim_marks_name_each_shown_fact_but_single_source_ones():
    brief = StoryBrief.from_dict({"facts": [
        {"status": "disputed", "claims": [{"article": "a", "sentence": 1, "text": "300 rumah."},
                                          {"article": "b", "sentence": 2, "text": "350 rumah.", "relation": {"kind": "dispute"}}]},
        {"status": "single-source", "claims": [{"article": "a", "sentence": 0, "text": "Hujan deras."}]},
        {"status": "agreed", "claims": [{"article": "a", "sentence": 3, "text": "Banjir."},
                                        {"article": "b", "sentence": 0, "text": "Banjir.", "relation": {"kind": "agree"}}]},
    ]})
    assert claim_marks(brief) == {("a", 1): ("disputed", "f1"), ("b", 2): ("disputed", "f1"),
                                  ("a", 3): ("agreed", "f3"), ("b", 0): ("agreed", "f3")}


def _story(brief: StoryBrief | None = None, joins: list[Join] | None = None) -> ReportedStory:
    story = Story("s-air", A.title, [A.id, B.id])
    return ReportedStory(story_summary(story, [A, B], brief or StoryBrief()), brief, joins or [])


def test_an_agreed_fact_cites_its_first_claim_and_those_that_agree_only():
    brief = StoryBrief.from_dict({"facts": [{"status": "agreed", "sources": 2, "claims": [
        {"article": "a", "sentence": 0, "text": "Air naik di tepi sungai."},
        {"article": "b", "sentence": 0, "text": "Air naik.", "relation": {"kind": "agree"}},
        {"article": "b", "sentence": 4, "text": "Air naik lagi.", "relation": {"kind": "update"}}]}]})
    page = render_story(_story(brief), [A, B])
    fact = page.split('data-group="f1"')[1].split("</div>")[0]
    assert 'href="#s-a-0"' in fact and 'href="#s-b-0"' in fact and "s-b-4" not in fact


def test_a_dispute_told_by_several_pairs_shows_each_side_once_with_every_claim():
    from kroscek.compare.claims import Difference
    from kroscek.compare.crosscheck import CheckedFact, CitedClaim, one_per_contradiction
    from kroscek.compare.relate import Relation

    def disputed(anchor: tuple[str, int, str], member: tuple[str, int, str]) -> CheckedFact:
        difference = Difference("identifier", "Nomor 55 Tahun 2024", "Nomor 54 Tahun 2024", "55 vs 54")
        return CheckedFact("disputed", [CitedClaim(*anchor), CitedClaim(*member, relation=Relation("dispute", (difference,), ""))],
                           [difference], 1, ["Warta Uji"], ["Kabar Uji"])

    facts = one_per_contradiction([disputed(("a", 0, "Sesuai Permen Nomor 55 Tahun 2024."), ("b", 0, "Diatur Permen Nomor 54 Tahun 2024.")),
                                   disputed(("a", 2, "Satgas dibentuk sesuai Permen Nomor 55 Tahun 2024."),
                                            ("b", 0, "Diatur Permen Nomor 54 Tahun 2024."))])
    page = render_story(_story(StoryBrief(facts=facts)), [A, B])
    shown = page.split('class="fact disputed"')[1].split("</div>\n</div>")[0]
    assert len(page.split('class="fact disputed"')) == 2  # one line for the one contradiction
    assert shown.count("Nomor 54 Tahun 2024.") == 1 and "Sesuai Permen" in shown and "Satgas dibentuk" in shown


def test_the_story_page_names_a_copy_and_its_original_by_their_outlets():
    brief = StoryBrief(provenance=Provenance(copies=[Copy("b", "a", similarity=0.714)]))
    page = render_story(_story(brief), [A, B])
    assert "Kabar Uji copies Warta Uji (similarity 0.71)" in page


def test_a_story_not_briefed_has_no_brief_sections_and_no_badges():
    page = render_story(ReportedStory(replace(_story().summary, badges=None)), [A, B])
    assert "Provenance" not in page and "Why each article joined" not in page and 'class="badge' not in page
    assert "2 articles · Kabar Uji, Warta Uji" in page and 'id="a-b"' in page


class Source:
    """A store as the report reads it: two stories, one briefed."""

    def __init__(self) -> None:
        self.briefed = StoryBrief(story="s-air", title=A.title, provenance=Provenance(stale=[StalePage("b", "2025-10-20", "2025-10-11")]))

    def articles(self) -> list[Article]:
        return [A, B, _article("c", "Pos Uji", "2025-11-02", "2025-11-01")]

    def stories(self) -> list[Story]:
        return [Story("s-air", A.title, ["a", "b"]), Story("s-c", "Air (c)", ["c"])]

    def brief(self, story_id: str) -> StoryBrief | None:
        return self.briefed if story_id == "s-air" else None

    def story_joins(self, story_id: str) -> list[Join]:
        return [Join("a", story_id), Join("b", story_id, "a", 0.81234, 2.0, places=("tepi sungai",))] if story_id == "s-air" else []

    def rejected(self) -> list[Rejected]:
        return [Rejected("/data/kosong.txt", "no text")]

    def story_events(self) -> list[StoryEvent]:
        return [StoryEvent("merge", ("s-1", "s-2"), "s-air", "2025-10-02T00:00:00Z")]


def test_the_report_reads_the_store_typed_and_a_story_not_briefed_has_no_brief():
    report = read_report(Source())
    air, other = report.stories
    assert air.brief == Source().briefed
    assert air.summary.stale == ["b"] and air.summary.badges == ["stale"] and [j.article for j in air.joins] == ["a", "b"]
    assert other.brief is None and other.summary.badges == [] and other.to_dict()["brief"] == {}
    assert [r.source for r in report.rejected] == ["/data/kosong.txt"] and report.story_events[0].into == "s-air"
    assert build_report(Source()) == report.to_dict()


def test_report_json_is_the_typed_reports_one_json_form_and_reads_back_the_same(tmp_path):
    report = read_report(Source())
    data = report.to_dict()
    assert Report.from_dict(json.loads(json.dumps(data))).to_dict() == data
    index = write_report(report, tmp_path / "typed")
    assert json.loads((tmp_path / "typed" / "report.json").read_text(encoding="utf-8")) == data
    write_report(data, tmp_path / "read-back")  # its JSON form is read back into the same types
    for name in ["report.json", "index.html", "story-s-air.html", "story-s-c.html"]:
        assert (tmp_path / "typed" / name).read_bytes() == (tmp_path / "read-back" / name).read_bytes(), name
    page = (tmp_path / "typed" / "story-s-air.html").read_text(encoding="utf-8")
    assert "0.81" in page and "tepi sungai" in page and "is a stale republication" in page
    listed = index.read_text(encoding="utf-8")
    assert listed.index("story-s-c.html") < listed.index("story-s-air.html")  # newest first
    assert "/data/kosong.txt" in listed


def test_the_first_reporter_is_shown_with_the_date_it_counts_by_and_none_is_not_named():
    from kroscek.compare.provenance import FirstReporter
    from kroscek.report.html import templates

    brief = StoryBrief(provenance=Provenance(first_reporter=FirstReporter("a", "2025-10-01", "page date")))
    page = render_story(_story(brief), [A, B])
    assert f"First reported by Warta Uji ({templates().filters['day']('2025-10-01')})" in page
    # a page without a date counts by the events it reports, which is not when it was published
    by_events = FirstReporter("b", "2025-10-11", "no page date; latest event date it reports")
    assert "First reported by Kabar Uji (date unknown)" in render_story(_story(StoryBrief(provenance=Provenance(by_events))), [A, B])
    undated = render_story(_story(StoryBrief(provenance=Provenance())), [A, B])
    assert "First reported by" not in undated and "No copies, translations or stale republications found." in undated


def test_every_story_list_has_one_order_newest_then_biggest_then_id_the_undated_last(tmp_path):
    from kroscek.report.html import index_pages
    from kroscek.store import Store

    # (story, page date of each article): given in an order that is none of the expected ones
    given = [("s-d", [None]), ("s-b", ["2025-10-02"]), ("s-e", [None, None]), ("s-a", ["2025-10-02"]),
             ("s-c", ["2025-10-01", "2025-10-02"]), ("s-f", ["2025-10-03"]), ("s-g", [None])]
    articles = [_article(f"{story}-{n}", "Warta Uji", day) for story, days in given for n, day in enumerate(days)]
    stories = [Story(story, story, [f"{story}-{n}" for n in range(len(days))]) for story, days in given]
    expected = ["s-f", "s-c", "s-a", "s-b", "s-e", "s-d", "s-g"]  # s-c is as new as s-a and s-b, and bigger
    store = Store(str(tmp_path / "k.db"))
    try:
        store.add_articles(articles)
        store.save_stories(stories)
        for story in stories:
            store.save_brief(story.id, StoryBrief(), story_summary(story, store.articles(story.articles)))
        report = read_report(store)
        assert [s.id for s in report.stories] == [s for s, _ in given]  # report.json keeps the store's order
        assert [s.id for s in index_pages(report.stories)[0]] == expected  # the report's index pages
        assert [s.id for s in store.story_summaries()] == expected  # the web app's and the CLI's lists
    finally:
        store.close()


def test_a_reported_story_reads_its_summary_and_brief_through():
    story = _story(StoryBrief(provenance=Provenance()))
    assert (story.id, story.title, story.articles) == (story.summary.id, story.summary.title, story.summary.articles)
    assert story.facts == [] and story.disputes == [] and story.badges == story.summary.badges
    unbriefed = ReportedStory(replace(story.summary, badges=None))
    assert unbriefed.badges == [] and unbriefed.facts == [] and unbriefed.disputes == []
