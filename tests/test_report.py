"""The report's story page helpers: the timeline chart and the marks of aligned claims."""

from __future__ import annotations

import pytest

from kroscek.compare.story import StoryBrief
from kroscek.report.html import claim_marks, timeline_chart


def test_the_timeline_chart_places_page_and_event_dates_on_one_axis():
    articles = [{"id": "a", "source": "a.txt", "outlet": "Warta Uji", "published": "2025-10-01",
                 "event_dates": ["2025-09-21", "2025"]},
                {"id": "b", "source": "b.txt", "outlet": "Kabar Uji", "published": None, "event_dates": ["2025-10-11"]}]
    chart = timeline_chart(articles)
    assert (chart.start, chart.end) == ("2025-09-21", "2025-10-11")
    assert [row.label for row in chart.rows] == ["Warta Uji", "Kabar Uji"]
    assert chart.rows[0].published == pytest.approx(0.5) and chart.rows[0].events == [0.0]  # a bare year has no place
    assert chart.rows[1].published is None and chart.rows[1].events == [1.0]
    assert timeline_chart([{"id": "c", "source": "c.txt", "event_dates": []}]).rows == []


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
