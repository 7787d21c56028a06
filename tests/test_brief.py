"""The story brief on the seeds (typed, and read back from its stored form), and the single-article summariser."""

from __future__ import annotations

import json

import pytest
from test_claims import read_articles

from kroscek.compare.story import StoryBrief, StorySummary, build_brief, check_story, story_summary
from kroscek.compare.summary import summarise_article
from kroscek.eval.summary import rouge
from kroscek.model import Article, Sentence, Story


@pytest.fixture(scope="module")
def seed_brief(seeds_dir):
    semarak, kontan = read_articles(seeds_dir / "000_f7bc1c657a1d3bcf.txt", seeds_dir / "001_c0434308e74a6022.txt")
    story = Story("s1", kontan.title, [kontan.id, semarak.id])
    return semarak, kontan, build_brief(story, [semarak, kontan])


def test_every_brief_line_is_cited_with_a_real_sentence(seed_brief):
    semarak, kontan, brief = seed_brief
    sentences = {(a.id, s.index): s.text for a in (semarak, kontan) for s in a.sentences}
    assert brief.summary
    for line in brief.summary:
        assert len({c.article for c in line.citations}) == 2 == line.sources  # agreed facts: both sources
        assert all((c.article, c.sentence) in sentences for c in line.citations)
    for event in brief.timeline:
        assert event.sources and all((s.article, s.sentence) in sentences for s in event.sources)


def test_seed_brief_shows_the_dispute_provenance_and_timeline(seed_brief):
    semarak, kontan, brief = seed_brief
    assert len(brief.disputes) == 1
    dispute = brief.disputes[0]
    assert {c.article for c in dispute.claims} == {semarak.id, kontan.id}
    assert dispute.slot == "event" and dispute.evidence[0].slot == "event"
    assert {"mengakui", "menyatakan kemerdekaan"} == {dispute.evidence[0].a, dispute.evidence[0].b}
    assert dispute.claims[0].relation is None and dispute.claims[1].relation.kind == "dispute"
    assert brief.provenance.stale_ids == [semarak.id]
    assert brief.provenance.copies == []
    days = {e.date: e for e in brief.timeline}
    assert {s.article for s in days["2022-08-15"].sources} == {kontan.id, semarak.id}  # both tell of that 15 August
    assert not any(d.startswith("2024") for d in days)  # the stale page's relative dates are not events
    statuses = {f.status for f in brief.facts}
    assert statuses == {"agreed", "disputed", "single-source"}


def test_the_stored_brief_reads_back_to_the_same_brief_and_keeps_its_json_shape(seed_brief):
    _, _, brief = seed_brief
    stored = json.loads(json.dumps(brief.to_dict()))  # as the store and report.json hold it
    assert set(stored) == {"story", "title", "summary", "timeline", "facts", "disputes", "updates", "quotes",
                           "entities", "provenance"}
    assert set(stored["provenance"]) == {"first_reporter", "copies", "translations", "translated_from_outside", "stale"}
    dispute = stored["disputes"][0]
    assert dispute == next(f for f in stored["facts"] if f["status"] == "disputed")
    assert {"status", "claims", "evidence", "slot", "sources", "outlets", "disputed_by"} == set(dispute)
    assert dispute["claims"][1]["relation"]["kind"] == "dispute" and "relation" not in dispute["claims"][0]
    assert set(dispute["evidence"][0]) == {"kind", "slot", "a", "b", "explanation"}
    assert {"text", "sources", "outlets", "citations"} == set(stored["summary"][0])
    again = StoryBrief.from_dict(stored)
    assert again.to_dict() == stored
    assert again.disputes[0].evidence == brief.disputes[0].evidence and again.provenance == brief.provenance


def test_a_brief_stored_before_some_fields_were_written_reads_back():
    older = {"summary": [{"text": "Banjir merendam desa.", "citations": [{"article": "a", "sentence": 0},
                                                                         {"article": "b", "sentence": 0}]}],
             "facts": [{"status": "disputed", "claims": [{"article": "a", "sentence": 1, "text": "300 rumah."},
                                                         {"article": "b", "sentence": 1, "text": "350 rumah.",
                                                          "relation": {"kind": "dispute"}}],
                        "evidence": [{"kind": "number", "a": "300", "b": "350"}]}],
             "provenance": {"translations": [{"translation": "b", "original": "a"}]}}
    brief = StoryBrief.from_dict(older)
    assert brief.summary[0].sources == 2 and brief.summary[0].outlets is None
    assert brief.disputes[0].slot == "number" and brief.disputes[0].claims[1].relation.kind == "dispute"
    assert brief.provenance.translations[0].original == "a" and brief.provenance.first_reporter.article is None
    assert brief.to_dict()["disputes"][0]["evidence"][0] == {"kind": "number", "slot": "number", "a": "300", "b": "350",
                                                              "explanation": ""}
    with pytest.raises(TypeError, match="JSON object"):
        StoryBrief.from_dict(["not", "a", "brief"])


def test_check_story_gives_the_brief_the_summary_and_the_stale_pages(seed_brief):
    semarak, kontan, brief = seed_brief
    story = Story("s1", kontan.title, [kontan.id, semarak.id])
    checked = check_story(story, [semarak, kontan])
    assert checked.brief.to_dict() == brief.to_dict()  # these articles were read without entities and quotes
    assert checked.stale == [semarak.id] and checked.summary.stale == [semarak.id]
    assert checked.summary.badges == ["disputed", "stale"]
    assert StorySummary.from_dict(json.loads(json.dumps(checked.summary.to_dict()))) == checked.summary
    unbriefed = story_summary(story, [semarak, kontan]).to_dict()
    assert "badges" not in unbriefed and unbriefed["outlets"] and unbriefed["first_published"] <= unbriefed["last_published"]


def test_summarise_article_keeps_text_order_and_skips_fragments():
    texts = ["Banjir bandang melanda Desa Seruni di Kabupaten Tanjung pada Senin pagi setelah hujan deras.",
             "Korea Utara.",
             "Sebanyak 40 rumah warga Desa Seruni rusak berat akibat banjir bandang tersebut.",
             "Camat Tanjung menyebut warga mulai membersihkan rumah mereka pada sore harinya.",
             "Cuaca cerah diperkirakan berlangsung hingga akhir pekan di wilayah pesisir."]
    article = Article("a", "a.txt", "Banjir Bandang Rusak 40 Rumah di Desa Seruni", " ".join(texts), language="id",
                      sentences=[Sentence(i, t, i) for i, t in enumerate(texts)])
    chosen = summarise_article(article, max_sentences=2)
    assert [s.index for s in chosen] == sorted(s.index for s in chosen)
    assert 1 not in [s.index for s in chosen]
    assert 2 in [s.index for s in chosen]  # the sentence that repeats the headline


def test_rouge_counts_overlapping_words():
    assert rouge("banjir melanda desa", "banjir melanda desa")["rougeL"] == pytest.approx(1.0)
    scores = rouge("banjir melanda desa seruni", "banjir bandang melanda desa")
    assert scores["rouge1"] == pytest.approx(0.75) and scores["rouge2"] == pytest.approx(1 / 3)
    assert scores["rougeL"] == pytest.approx(0.75)
