"""Claims: extraction, number/date/entity/negation/predicate evidence, alignment on the seeds and corpus."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from kroscek.compare.claims import (
    Claim,
    Context,
    align_claims,
    dispute_evidence,
    extract_claims,
    parse_number,
    predicates,
    quantities,
)
from kroscek.ingest import read_paths
from kroscek.model import Article, Document, EventDate, Sentence
from kroscek.pipeline import Pipeline


def analysed(doc: Document) -> Article:
    """An article from a document through the pipeline up to its dates, named by its file."""
    article = Pipeline().run(doc, disable=["entities", "quotes"])
    return replace(article, id=Path(doc.source).name)


def read_articles(*paths: Path) -> list[Article]:
    return [analysed(doc) for doc in read_paths(list(paths)) if isinstance(doc, Document)]


def claim(text: str, language: str = "id", dates: list[EventDate] | None = None, article: str = "a") -> Claim:
    return Claim(article, 0, text, language, dates or [])


def kinds(a: Claim, b: Claim) -> set[str]:
    return {e.slot for e in dispute_evidence(a, b)}


# --- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "language", "value"), [
    ("1.500", "id", 1500), ("1,5", "id", 1.5), ("500.000", "id", 500_000), ("1,500", "en", 1500),
    ("1.5", "en", 1.5), ("500,000", "en", 500_000), ("12", "id", 12),
])
def test_numbers_follow_the_language_format(text, language, value):
    assert parse_number(text, "," if language == "id" else ".") == pytest.approx(value)


def test_quantities_carry_scale_unit_and_currency():
    found = quantities(claim("Harga naik menjadi Rp 1,5 juta per ton, sementara 12 orang ditahan."))
    assert [(q.unit, q.low <= value <= q.high) for q, value in zip(found, (1_500_000, 12))] == [
        ("rupiah", True), ("people", True)]
    english = quantities(claim("The ministry will import 1.5 million tonnes of rice.", "en"))
    assert [(q.unit, q.low <= 1_500_000 <= q.high) for q in english] == [("tonne", True)]


def test_ages_and_clock_times_are_not_quantities():
    assert all(q.high < 4 for q in quantities(claim("Ayu (56), warga desa, tiba pukul 16.30 WIB bersama 3 warga.")))



def test_an_acronym_is_what_a_number_counts_and_an_ordinal_counts_nothing():
    found = quantities(claim("Bantuan untuk 18,2 juta KPM disalurkan pada triwulan ke empat melalui BLTS."))
    assert [(q.text, q.unit) for q in found] == [("18,2 juta KPM", "word:kpm")]
    assert [q.unit for q in quantities(claim("Sebanyak 500 ASN pindah pada laga ke 4 dan kuartal ke 3 tahun ini."))] == [
        "word:asn"]
    assert [q.unit for q in quantities(claim("Suku bunga turun ke 5 persen, Rp 5 miliar APBD cair."))] == [
        "percent", "rupiah"]

def test_different_counts_of_the_same_thing_are_a_dispute():
    a = claim("Sebanyak 12 warga mengalami luka-luka dalam peristiwa tersebut.")
    b = claim("Akibat kejadian itu, 15 orang menderita luka-luka.")
    evidence = dispute_evidence(a, b)
    assert [e.slot for e in evidence] == ["number"]
    assert "12" in evidence[0].a and "15" in evidence[0].b


def test_compatible_numbers_are_not_a_dispute():
    assert not kinds(claim("Belasan warga terluka."), claim("Sebanyak 12 warga mengalami luka-luka."))
    assert not kinds(claim("Pemerintah mengimpor 500.000 ton beras."),
                     claim("Indonesia will import 500,000 tonnes of rice.", "en"))
    assert not kinds(claim("Stok sekitar 1,1 juta ton."), claim("Reserves stood at 1.12 million tonnes.", "en"))
    assert not kinds(claim("Lebih dari 200 karyawan terkena PHK."), claim("Sebanyak 230 karyawan terkena PHK."))


def test_a_number_only_one_claim_gives_is_detail():
    assert not kinds(claim("Jembatan itu putus saat dilintasi warga."), claim("Jembatan sepanjang 60 meter itu putus."))


def test_a_value_the_other_article_states_elsewhere_is_not_a_dispute():
    a, b = claim("Impor beras sebanyak 500.000 ton."), claim("Cadangan beras kini 1,1 juta ton.")
    assert kinds(a, b) == {"number"}
    elsewhere = Context((quantities(a), quantities(claim("Impor 500.000 ton disetujui."))))
    assert not dispute_evidence(a, b, elsewhere)


# --- dates, names, negation, predicates ------------------------------------------------------


def test_different_explicit_days_are_a_dispute_but_deictic_ones_are_not_compared():
    monday = [EventDate("2025-10-13", "pada Senin (13/10)", 0, "day", True)]
    tuesday = [EventDate("2025-10-14", "pada Selasa (14/10)", 0, "day", True)]
    a = claim("Surat keputusan itu ditandatangani pada Senin (13/10).", dates=monday)
    b = claim("Surat keputusan itu ditandatangani pada Selasa (14/10).", dates=tuesday)
    assert kinds(a, b) == {"date"}
    today = [EventDate("2024-12-22", "hari ini", 0, "day", False)]
    other_today = [EventDate("2022-08-17", "hari ini", 0, "day", False)]
    assert not kinds(claim("Warga berjuang hari ini.", dates=today), claim("Warga berjuang hari ini.", dates=other_today))


def test_a_different_name_in_the_same_place_is_a_dispute():
    a = claim("Surat keputusan itu ditandatangani Menteri Pangan Rudianto Hasibuan di Jakarta.")
    b = claim("Surat keputusan itu ditandatangani Menteri Pangan Bambang Sutrisno di Jakarta.")
    assert kinds(a, b) == {"entity"}
    assert not kinds(a, claim("Surat keputusan itu ditandatangani Menteri Pangan Rudianto di Jakarta."))


def test_a_negated_statement_is_a_dispute_only_when_the_same_word_is_negated():
    assert kinds(claim("Polisi menyatakan jalan tol itu ditutup untuk umum."),
                 claim("Polisi menyatakan jalan tol itu tidak ditutup untuk umum.")) == {"negation"}
    assert not kinds(claim("Kebakaran hutan di Kapuas terus meluas sejak pekan lalu."),
                     claim("Kebakaran hutan di Kapuas belum sepenuhnya padam sejak pekan lalu."))


def test_same_subjects_and_time_with_a_different_predicate_is_a_dispute():
    july = [EventDate("2022-07", "Pada bulan Juli", 0, "month", False)]
    a = claim("Pada bulan Juli, Korea Utara mengakui Republik Rakyat Donetsk dan Republik Rakyat Luhansk.", dates=july)
    b = claim("Republik Rakyat Donetsk dan Republik Rakyat Luhansk menyatakan kemerdekaannya pada bulan Juli.",
              dates=[EventDate("2022-07", "pada bulan Juli", 0, "month", False)])
    evidence = dispute_evidence(a, b)
    assert [e.slot for e in evidence] == ["predicate"]
    assert evidence[0].a == "mengakui" and "kemerdekaan" in evidence[0].b


def test_claims_keep_article_and_sentence_and_split_joined_statements():
    article = Article("x", "x.txt", "Judul", "", language="id", sentences=[
        Sentence(0, "Harga beras naik 5 persen di Jawa, sedangkan harga jagung turun 2 persen di Sumatera.", 0),
        Sentence(1, "Korea Utara.", 1),
    ])
    claims = extract_claims(article)
    assert [(c.article, c.sentence, c.clause) for c in claims] == [("x", 0, 0), ("x", 0, 1)]
    assert claims[1].text.startswith("Sedangkan harga jagung")


# --- whole stories ----------------------------------------------------------------------------


def _group_of(groups, article: Article, sentence: int):
    return next(g for g in groups if any(c.article == article.id and c.sentence == sentence for c in g.claims))


def _together(groups, a: Article, sa: int, b: Article, sb: int) -> str | None:
    group = _group_of(groups, a, sa)
    return group.status if any(c.article == b.id and c.sentence == sb for c in group.claims) else None


@pytest.fixture(scope="module")
def seed_groups(seeds_dir):
    semarak, kontan = read_articles(seeds_dir / "000_f7bc1c657a1d3bcf.txt", seeds_dir / "001_c0434308e74a6022.txt")
    return semarak, kontan, align_claims([semarak, kontan])


def test_seed_facts_follow_the_answer_key(seed_groups):
    semarak, kontan, groups = seed_groups
    text = {(a.id, s.index): s.text for a in (semarak, kontan) for s in a.sentences}
    # agreed: the letter on Liberation Day reported by KCNA, mutually beneficial cooperation, third state
    assert _together(groups, semarak, 1, kontan, 2) == "agreed"
    assert "bilateral" in text[(semarak.id, 4)] and _together(groups, semarak, 4, kontan, 5) == "agreed"
    assert "ketiga" in text[(semarak.id, 21)] and _together(groups, semarak, 21, kontan, 6) == "agreed"
    assert "sanksi" in text[(kontan.id, 12)] and _group_of(groups, kontan, 12).status == "agreed"
    # disputed: recognised in July vs declared independence in July
    july = _group_of(groups, semarak, 20)
    assert july.status == "disputed" and any(c.article == kontan.id and c.sentence == 7 for c in july.claims)
    assert [e.slot for e in july.evidence] == ["predicate"]
    assert "mengakui" in july.evidence[0].a + july.evidence[0].b
    # single-source: Putin's speech, Kim's reply, Ukraine cutting ties (000); Makeeva, the Donbas (001)
    for article, sentence, word in [(semarak, 15, "Konferensi"), (semarak, 16, "balasan"), (semarak, 23, "Ukraina"),
                                    (kontan, 8, "Makeeva"), (kontan, 14, "baja")]:
        assert word in text[(article.id, sentence)]
        assert _group_of(groups, article, sentence).status == "single-source", text[(article.id, sentence)]
    assert sum(g.status == "disputed" for g in groups) == 1


@pytest.fixture(scope="module")
def corpus_story(corpus_dir):
    def story(*names: str):
        articles = read_articles(*(corpus_dir / name for name in names))
        return articles, align_claims(articles)
    return story


def test_corpus_planted_disputes_are_found_and_nothing_else(corpus_dir, corpus_story):
    labels = json.loads((corpus_dir / "labels.json").read_text())
    for dispute in labels["disputes"]:
        articles, groups = corpus_story(*dispute["articles"])
        disputed = [g for g in groups if g.status == "disputed"]
        assert len(disputed) == 1, [[c.text for c in g.claims] for g in disputed]
        assert {c.text for c in disputed[0].claims} == {dispute["a"], dispute["b"]}
        assert disputed[0].evidence[0].slot == dispute["kind"]


def test_spelled_numbers_and_plain_noun_units():
    a = claim("Twenty-three people were killed in the storm.", "en")
    assert [(q.unit, q.low <= 23 <= q.high) for q in quantities(a)] == [("people", True)]
    assert kinds(claim("Sebanyak 120 kios hangus terbakar."), claim("Sebanyak 150 kios hangus terbakar.")) == {"number"}
    assert not kinds(claim("Sebanyak 120 kios hangus terbakar."), claim("Ratusan kios hangus terbakar."))


def test_static_vectors_align_the_seed_facts_and_find_the_planted_disputes(seeds_dir, corpus_dir):
    """``kroscek run --fast`` aligns claims with the static word vectors instead of e5."""
    from kroscek.analyse.embed import StaticEmbedder

    embedder = StaticEmbedder()
    semarak, kontan = read_articles(seeds_dir / "000_f7bc1c657a1d3bcf.txt", seeds_dir / "001_c0434308e74a6022.txt")
    groups = align_claims([semarak, kontan], embedder)
    assert [_together(groups, semarak, a, kontan, b) for a, b in [(1, 2), (4, 5), (21, 6)]] == ["agreed"] * 3
    assert [g.status for g in groups].count("disputed") == 1 and _group_of(groups, semarak, 20).status == "disputed"
    for dispute in json.loads((corpus_dir / "labels.json").read_text())["disputes"]:
        disputed = [g for g in align_claims(read_articles(*(corpus_dir / n for n in dispute["articles"])), embedder)
                    if g.status == "disputed"]
        assert [{c.text for c in g.claims} for g in disputed] == [{dispute["a"], dispute["b"]}]


def test_predicates_are_found_inside_hyphenated_words():
    assert predicates(claim("Three people were killed and dozens injured-badly.", "en")) == {"die": "killed", "injure": "injured"}
    assert predicates(claim("Mereka mencari win-win solution.", "en")) == {"win": "win"}


def test_numbers_in_either_convention_never_fail_to_parse():
    from kroscek.compare.claims import parse_number

    assert parse_number("1.501.007", ".") == parse_number("1.501.007", ",") == 1501007
    assert parse_number("1,5", ",") == parse_number("1.5", ".") == 1.5
    assert parse_number("12.5.2025", ",") == 12.5  # a date-like run reads as its first number, never raises


def test_lebih_after_a_number_and_its_scale_makes_it_a_lower_bound():
    """"20,88 juta lebih KPM" is more than 20.88 million recipients: a quantity, not exact, with no
    upper bound; "lebih" after a count of people with no scale ("20 orang lebih") likewise."""
    [found] = quantities(claim("Sebanyak 20,88 juta lebih KPM memperoleh bantuan penebalan."))
    assert (found.unit, found.low, found.high, found.exact) == ("word:kpm", 20_880_000, float("inf"), False)
    [people] = quantities(claim("Ada 20 lebih warga yang mengungsi."))
    assert (people.unit, people.low, people.exact) == ("people", 20, False)
