"""The story brief on the seeds, and the single-article summariser."""

from __future__ import annotations

import pytest
from test_claims import read_articles

from kroscek.brief import build_brief, summarise_article
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
    assert brief["summary"]
    for item in brief["summary"]:
        assert len({c["article"] for c in item["citations"]}) == 2  # agreed facts: both sources
        assert all((c["article"], c["sentence"]) in sentences for c in item["citations"])
    for event in brief["timeline"]:
        assert event["sources"] and all((s["article"], s["sentence"]) in sentences for s in event["sources"])


def test_seed_brief_shows_the_dispute_provenance_and_timeline(seed_brief):
    semarak, kontan, brief = seed_brief
    assert len(brief["disputes"]) == 1
    dispute = brief["disputes"][0]
    assert {c["article"] for c in dispute["claims"]} == {semarak.id, kontan.id}
    assert dispute["slot"] == "event" and dispute["evidence"][0]["slot"] == "event"
    assert {"mengakui", "menyatakan kemerdekaan"} == {dispute["evidence"][0]["a"], dispute["evidence"][0]["b"]}
    assert [s["article"] for s in brief["provenance"]["stale"]] == [semarak.id]
    assert brief["provenance"]["copies"] == []
    days = {e["date"]: e for e in brief["timeline"]}
    assert {s["article"] for s in days["2022-08-15"]["sources"]} == {kontan.id, semarak.id}  # both tell of that 15 August
    assert not any(d.startswith("2024") for d in days)  # the stale page's relative dates are not events
    statuses = {f["status"] for f in brief["facts"]}
    assert statuses == {"agreed", "disputed", "single-source"}


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
