"""Facts compared slot by slot (no model loaded), the seeds' answer key through the cross-check,
and the fact labels of ``data/facts`` pointing at real sentences."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from kroscek.compare.claims import Claim
from kroscek.compare.crosscheck import (
    CheckedFact,
    CitedClaim,
    FactGroup,
    Member,
    _add_slot_links,
    _slot_links,
    independent_sources,
    one_per_contradiction,
    outlet_key,
)
from kroscek.compare.facts import read_fact, stem
from kroscek.compare.provenance import Copy, Provenance
from kroscek.compare.relate import AGREE_SCORE, DISPUTE_SCORE, Context, SlotContext, relate
from kroscek.model import Article, EventDate

REPO = Path(__file__).resolve().parents[1]
STRONG = AGREE_SCORE + 0.05  # an alignment score that makes two claims the same fact


def fact(text: str, source: str = "a", published: str | None = "2025-06-10", language: str = "id", article: str | None = None):
    return read_fact(Claim(article or source, 0, text, language, []), source, published)


def kind(a: str, b: str, score: float = STRONG, **kwargs) -> tuple[str, str | None]:
    relation = relate(fact(a, "a", **kwargs), fact(b, "b", **kwargs), score)
    return relation.kind, relation.slot


# --- slots --------------------------------------------------------------------------------------


def test_clock_times_of_the_same_event_dispute_and_of_different_events_do_not():
    assert kind("Api berhasil dipadamkan petugas pada pukul 04.30 WIB di lokasi kebakaran.",
                "Api berhasil dipadamkan petugas pada pukul 04.45 WIB di lokasi kebakaran.") == ("dispute", "clock")
    assert kind("Massa aksi mulai meninggalkan lokasi sekitar pukul 18.40 WIB di depan gedung.",
                "Massa aksi mahasiswa tiba di depan gedung sekitar pukul 15.10 WIB.")[0] != "dispute"


def test_zones_are_converted_before_times_are_compared():
    # 16.00 WIB is 12.00 in Saudi Arabia: a deadline given in both zones is one moment
    assert kind("Batas waktu pelunasan biaya jemaah ditutup pukul 16.00 WIB hari ini.",
                "Batas waktu pelunasan biaya jemaah ditutup pukul 12.00 waktu Arab Saudi hari ini.")[0] == "agree"
    assert kind("Batas waktu pelunasan biaya jemaah ditutup pukul 16.00 WIB hari ini.",
                "Batas waktu pelunasan biaya jemaah ditutup pukul 16.00 waktu Arab Saudi hari ini.") == ("dispute", "clock")


def test_a_count_at_two_times_is_an_update_not_a_dispute():
    assert kind("Hingga pukul 14.00 WIB ketinggian banjir di permukiman warga mencapai 40 cm.",
                "Hingga pukul 18.00 WIB ketinggian banjir di permukiman warga mencapai 30 cm.")[0] == "update"
    assert kind("Jumlah korban meninggal sementara tercatat 5 orang menurut petugas.",
                "Jumlah korban meninggal tercatat 8 orang menurut petugas.")[0] == "update"
    assert kind("Jumlah korban meninggal tercatat 5 orang menurut petugas.",
                "Jumlah korban meninggal tercatat 8 orang menurut petugas.") == ("dispute", "number")


def test_two_days_pages_give_updates():
    a = fact("Sebanyak 50 unit bus bekas terbakar di terminal itu.", "a", "2025-06-09")
    b = fact("Sebanyak 20 unit bus bekas terbakar di terminal itu.", "b", "2025-06-10")
    assert relate(a, b, STRONG).kind == "update"


def test_different_things_counted_are_not_disputed():
    assert kind("Satu orang korban tewas dalam kebakaran gudang di Cengkareng itu.",
                "Sebanyak 73 personel pemadam dikerahkan ke gudang di Cengkareng itu.")[0] != "dispute"


def test_identifiers_and_places():
    assert kind("Jemaah terbang dengan pesawat nomor penerbangan SV5276 dari Solo.",
                "Jemaah terbang dengan pesawat nomor penerbangan SI-576 dari Solo.") == ("dispute", "identifier")
    assert kind("Aturan itu tercantum dalam Perda No 3 Tahun 2023 tentang ketertiban umum.",
                "Aturan itu tercantum dalam Perda No 3 Tahun 2003 tentang ketertiban umum.") == ("dispute", "identifier")
    assert kind("Kebakaran terjadi di sebuah gudang di Jakarta Utara pada dini hari.",
                "Kebakaran terjadi di sebuah gudang di Jakarta Pusat pada dini hari.") == ("dispute", "place")
    assert kind("Kebakaran terjadi di sebuah gudang di Jakarta pada dini hari.",
                "Kebakaran terjadi di sebuah gudang di Jakarta Utara pada dini hari.")[0] == "agree"


def test_a_denial_disputes_the_report_it_denies():
    assert kind("TNI membantah adanya kontak tembak di sekitar Bandara Aminggaru.",
                "Kontak tembak terjadi di sekitar Bandara Aminggaru antara TNI dan kelompok bersenjata.", 0.0) == (
        "dispute", "denial")
    # "ditepis" of a goalkeeper is no denial
    assert kind("Sundulan itu masuk ke gawang meski sempat ditepis kiper.", "Ia menyodorkan bola yang masuk ke gawang.",
                1.04)[0] != "dispute"


def test_each_page_reporting_its_own_day_is_no_dispute():
    a = fact("Harga emas Antam hari ini, Selasa (12/8/2025), naik menjadi Rp 1.909.000 per gram.", "a", "2025-08-12")
    b = fact("Harga emas Antam hari ini, Senin (11/8/2025), naik menjadi Rp 1.909.000 per gram.", "b", "2025-08-11")
    assert relate(a, b, STRONG).kind != "dispute"


def test_two_days_reports_each_of_its_own_day_are_no_dispute():
    """A daily forecast of one page's "besok" and another page's "hari ini" (a wrong merge of two
    days' reports) tells of two days, not one event on two days; without the words relative to the
    page, the same two days are a date dispute."""
    from kroscek.compare.crosscheck import _context
    from kroscek.model import EventDate

    def dated(text: str, source: str, published: str, dates: list[EventDate]):
        return read_fact(Claim(source, 0, text, "id", dates), source, published)

    def relation(deictic: bool) -> str:
        a = dated("Berikut rincian prakiraan cuaca Sulsel besok, Selasa, 21 Oktober 2025 dari BMKG Makassar.", "a",
                  "2025-10-20", [EventDate("2025-10-21", "besok", 0)] * deictic
                  + [EventDate("2025-10-21", "Selasa, 21 Oktober 2025", 0, firm=True)])
        b = dated("Berikut rincian prakiraan cuaca Sulsel hari ini, Rabu 22 Oktober 2025 dari BMKG Makassar.", "b",
                  "2025-10-22", [EventDate("2025-10-22", "hari ini", 0)] * deictic
                  + [EventDate("2025-10-22", "Rabu 22 Oktober 2025", 0, firm=True)])
        return relate(a, b, STRONG, SlotContext(*zip(_context([a]), _context([b])))).kind

    assert relation(deictic=False) == "dispute"
    assert relation(deictic=True) != "dispute"


def test_a_value_with_no_match_among_the_others_values_is_never_agreed():
    """Two values of one kind on one side (which is which cannot be told for a dispute) and a third
    on the other that matches neither: not agreed; with a value that matches one of them, agreed."""
    two = "Indeks harga saham gabungan (IHSG) ditutup naik 0,5% pada perdagangan hari ini, membawa kenaikan tahunan 7,2%."
    assert kind("Indeks harga saham gabungan (IHSG) ditutup turun 0,1% pada perdagangan hari ini.", two)[0] == "related"
    assert kind("Indeks harga saham gabungan (IHSG) ditutup naik 0,5% pada perdagangan hari ini.", two)[0] == "agree"
    # a year before a noun ("his entire 2019 haul") counts nothing that could fail to match
    assert kind("Buttigieg raised a $24.7 million haul in the final quarter, his campaign said on Wednesday.",
                "Buttigieg raised $24.7 million in the final quarter, bringing his entire 2019 haul to $76 million, "
                "his campaign said on Wednesday.", language="en")[0] == "agree"


def test_a_day_with_no_match_among_the_others_days_is_never_agreed():
    """Two days against two others that share one of them (which is which cannot be told for a
    dispute, and they are not wholly other moments): not agreed."""
    from kroscek.model import EventDate

    def dated(text: str, source: str, days: list[str]):
        return read_fact(Claim(source, 0, text, "id", [EventDate(d, d, 0, firm=True) for d in days]), source, "2025-10-22")

    text = "Sidang perkara korupsi tol itu digelar di Pengadilan Tipikor Jakarta Pusat pada {}."
    one = dated(text.format("20 dan 21 Oktober 2025"), "a", ["2025-10-20", "2025-10-21"])
    two = dated(text.format("21 dan 22 Oktober 2025"), "b", ["2025-10-21", "2025-10-22"])
    assert relate(one, two, STRONG).kind == "related"
    assert relate(dated(text.format("21 Oktober 2025"), "a", ["2025-10-21"]), two, STRONG).kind == "agree"


def test_times_of_day_that_cannot_be_shown_the_same_moment_are_never_agreed():
    landed = "Pesawat itu mendarat di bandara pukul 16.00 {}setelah terbang dua jam."
    assert kind(landed.format("WIB "), landed.format("waktu setempat "))[0] == "related"  # zones that cannot be related
    assert kind(landed.format("WIB "), landed.format(""))[0] == "agree"
    two = "Pesawat itu mendarat pukul {} dan lepas landas lagi pukul 18.00 WIB."
    assert kind(two.format("16.00"), two.format("17.00"))[0] == "related"


def test_claims_in_a_language_whose_negations_are_not_read_are_never_agreed():
    """A German "nicht" is no negation the fact vocabulary knows: the two claims below would read
    alike, so agreement is not claimed where polarity and slots cannot be checked."""
    said = "Die Polizei hat den Verdacht gegen den Fahrer {}bestätigt, sagte ein Sprecher am Montag."
    assert kind(said.format(""), said.format("nicht "), language="de")[0] == "related"
    assert kind(said.format(""), said.format(""), language="de")[0] == "related"
    confirmed = "The police confirmed the suspicion against the driver, a spokesman said on Monday."
    assert kind(confirmed, confirmed, language="en")[0] == "agree"


def test_claims_in_a_language_whose_negations_and_times_are_not_read_are_never_disputed():
    """Polish "nie wpłacił" (did not pay) and Italian "L'anno scorso" (last year) are words the fact
    vocabulary does not hold: two amounts or two counts there may be a denial or another year's
    count, so no contradiction is claimed. Indonesian, English and Malay (read with the Indonesian
    words) still dispute."""
    paid = "Stonoga opuścił areszt po wpłaceniu poręczenia w kwocie {} tys. zł."
    assert kind(paid.format("200"), paid.format("500"), language="pl")[0] == "related"
    born = "Sebanyak {} bayi lahir di rumah sakit provinsi itu pada 1 Januari."
    assert kind(born.format(95), born.format(40), language="ms") == ("dispute", "number")
    assert kind(born.format(95), born.format(40)) == ("dispute", "number")
    english = "A total of {} babies were born in the province's hospitals on 1 January."
    assert kind(english.format(95), english.format(40), language="en") == ("dispute", "number")


def test_the_same_words_glued_are_the_same_claim():
    assert kind("DKPP menilai pemakaian private jet tidak pantas menurut kode etik.",
                "DKPP menilai pemakaianprivate jettidak pantas menurut kode etik.")[0] == "agree"


def test_a_weak_alignment_never_agrees():
    assert kind("Jumlah korban meninggal tercatat 5 orang menurut petugas.",
                "Jumlah korban meninggal tercatat 5 orang menurut petugas.", score=1.0)[0] == "related"


# --- sources --------------------------------------------------------------------------------------


def test_corroboration_counts_outlets_and_folds_copies():
    articles = [Article("x1", "x1", "t", "", outlet="KONTAN.CO.ID"), Article("x2", "x2", "t", "", url="https://news.detik.com/a/1"),
                Article("x3", "x3", "t", "", url="https://finance.detik.com/b/2"), Article("x4", "x4", "t", "", outlet="Kontan")]
    assert outlet_key(articles[1]) == outlet_key(articles[2]) != outlet_key(articles[0])
    assert outlet_key(articles[0]) == outlet_key(articles[3])
    sources = independent_sources(articles, Provenance(copies=[Copy("x2", "x1")]))
    assert sources["x2"] == sources["x1"] and sources["x3"] != sources["x1"]
    anchor = fact("Gempa bermagnitudo 5,1 mengguncang wilayah itu pada Senin pagi.", sources["x1"], article="x1")
    same_outlet = fact("Gempa bermagnitudo 5,1 mengguncang wilayah itu pada Senin pagi.", sources["x4"], article="x4")
    group = FactGroup("single-source", anchor, [Member(same_outlet, relate(anchor, same_outlet, STRONG), STRONG)])
    assert group.sources == [sources["x1"]]  # two pages of one outlet are one source


# --- the seeds, through the cross-check ---------------------------------------------------------------


@pytest.mark.slow
def test_seed_cross_check_keeps_the_answer_key(seeds_dir):
    from test_claims import read_articles

    from kroscek.compare.crosscheck import cross_check

    semarak, kontan = read_articles(seeds_dir / "000_f7bc1c657a1d3bcf.txt", seeds_dir / "001_c0434308e74a6022.txt")
    groups = cross_check([semarak, kontan])

    def status(article: Article, word: str) -> set[str]:
        return {g.status for g in groups for f in [g.anchor, *(m.fact for m in g.members)]
                if f.article == article.id and word in f.text}

    disputed = [g for g in groups if g.status == "disputed"]
    assert len(disputed) == 1 and disputed[0].disputes()[0].relation.slot == "event"
    assert {disputed[0].anchor.article, disputed[0].disputes()[0].fact.article} == {semarak.id, kontan.id}
    assert "agreed" in status(kontan, "KCNA") and "agreed" in status(kontan, "negara ketiga")
    for article, word in [(semarak, "Konferensi"), (semarak, "memutuskan hubungan"), (kontan, "semakin buruk"),
                          (kontan, "diskusi serupa")]:
        assert status(article, word) == {"single-source"}, word
    # Kim's reply (000 only) comes close to the other letter sentences: left unsaid, never agreed or disputed
    assert status(semarak, "balasan").isdisjoint({"agreed", "disputed"})
    agreed = [g for g in groups if g.status == "agreed"]
    assert all(len(g.sources) == 2 for g in agreed)


# --- the labels -------------------------------------------------------------------------------------


def test_fact_labels_point_at_real_sentences_and_split_by_story(shared_data):
    from kroscek.eval.claims import raw_article, read_label_files

    stories = read_label_files(REPO / "data" / "facts")
    labels = [label for s in stories for *_, label, _slot in s.pairs]
    assert len(labels) >= 300 and labels.count("dispute") >= 25
    for story in stories:
        keys = {ref["key"] for ref in story.articles}
        raws = {ref["key"]: raw_article(ref, shared_data)[1] for ref in story.articles}
        for a, b, label, _slot in story.pairs:
            assert a.article in keys and b.article in keys and label in ("agree", "dispute", "update", "related", "unrelated")
            for span in (a, b):
                assert 0 <= span.start < span.end <= len(raws[span.article]), (story.key, span)
        assert story.held_out == (hashlib.sha1(story.key.encode()).digest()[0] % 2 == 1)
    assert {s.held_out for s in stories} == {True, False}
    # each story knows its label file (``by=file`` reports each file alone)
    assert {s.file for s in stories} == {p.name for p in (REPO / "data" / "facts").glob("*.jsonl")}
    # no article text in the label files: notes are short, spans are offsets
    for path in (REPO / "data" / "facts").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert len(json.loads(line).get("note", "")) <= 160


def dated(text: str, source: str, published: str = "2025-10-16"):
    from datetime import date

    from kroscek.analyse.dates import find_event_dates
    from kroscek.model import Sentence

    dates = find_event_dates([Sentence(0, text, 0)], date.fromisoformat(published), "id")
    return read_fact(Claim(source, 0, text, "id", dates), source, published)


def test_days_differ_only_for_one_event():
    signed = "Surat keputusan penugasan impor itu ditandatangani Menteri Rudianto pada Selasa (14/10)."
    assert relate(dated("Rudianto mengatakan surat keputusan penugasan impor itu ia tandatangani pada Senin (13/10).", "a"),
                  dated(signed, "b"), STRONG).slot == "date"
    assert relate(dated("Keputusan itu diumumkan Menteri Rudianto dalam konferensi pers di kantornya, Jakarta, Rabu (15/10).", "a"),
                  dated(signed, "b"), STRONG).kind != "dispute"


def test_two_places_in_the_same_place_of_one_claim_dispute_unless_an_article_names_both():
    a = fact("Usai kejadian, tersangka sempat tidur seharian lalu terbang ke Belitung.", "a")
    b = fact("Usai kejadian, tersangka sempat tidur seharian lalu terbang ke Manado.", "b")
    assert relate(a, b, STRONG).slot == "place" and relate(a, b, STRONG).kind == "dispute"
    # the first article names Manado elsewhere: the places are two stops, not a contradiction
    told_both = Context(places=(frozenset({"belitung", "manado"}), frozenset({"manado"})))
    assert relate(a, b, STRONG, told_both).kind != "dispute"
    # two places named differently ("di", "menuju") are not one slot
    assert kind("Tersangka sempat tidur seharian lalu terbang ke Belitung bersama istrinya.",
                "Tersangka sempat tidur seharian di Manado bersama istrinya.")[0] != "dispute"


def test_counts_of_one_thing_in_other_words_dispute():
    # "ludes dilalap api" and "terbakar" say the same thing happened to the same used buses
    assert stem("ludes") == stem("terbakar") == stem("kebakaran") != stem("rumah")
    a = fact("Hendra menuturkan, kira-kira 50 unit bus bekas juga ludes dilalap api malam itu.", "a")
    b = fact("Kepala dinas menyebut ada sebanyak 20 bus bekas Transjakarta yang terbakar di halaman depo.", "b")
    assert relate(a, b, DISPUTE_SCORE).kind == "dispute"
    # the same numbers said of other things stay apart
    c = fact("Kepala dinas menyebut ada sebanyak 20 bus baru Transjakarta yang diparkir di halaman depo.", "b")
    assert relate(a, c, DISPUTE_SCORE).kind != "dispute"


def test_slot_links_pair_claims_worded_apart():
    facts = [fact("Hendra menuturkan, kira-kira 50 unit bus bekas juga ludes dilalap api malam itu.", "a"),
             fact("Kepala dinas menyebut ada sebanyak 20 bus bekas Transjakarta yang terbakar di halaman depo.", "b"),
             fact("Cuaca cerah sepanjang hari di kawasan itu menurut warga sekitar.", "b", article="b2")]
    assert [(a, b) for a, b, _ in _slot_links(facts, set())] == [(0, 1)]


def test_claims_dated_at_other_moments_only_dispute_their_day():
    # two days' price reports: the price moved, nobody contradicts anybody
    def dated_kind(a: str, b: str) -> tuple[str, str | None]:
        relation = relate(dated(a, "a"), dated(b, "b"), STRONG)
        return relation.kind, relation.slot

    assert dated_kind("Sebelumnya, harga emas sempat bertengger di angka Rp 1.871.000 per gram pada Kamis (7/8).",
                      "Sebelumnya, harga emas sempat bertengger di angka Rp 2.012.000 per gram pada April lalu.")[0] != "dispute"
    assert relate(dated("Harga emas Antam hari ini, Selasa (12/8/2025), naik tipis usai jatuh pada akhir pekan.", "a", "2025-08-12"),
                  dated("Harga emas Antam hari ini, Senin (11/8/2025), tidak berubah usai jatuh pada akhir pekan.", "b", "2025-08-11"),
                  STRONG).kind != "dispute"
    # undated, the two prices of one moment contradict each other; and a day itself still can
    assert kind("Sebelumnya, emas batangan sempat bertengger di angka Rp 1.871.000 per gram.",
                "Sebelumnya, emas batangan sempat bertengger di angka Rp 2.012.000 per gram.") == ("dispute", "number")
    assert dated_kind("Jasad korban baru ditemukan warga di kamar kosnya pada Senin (13/10/2025).",
                      "Jasad korban baru ditemukan warga di kamar kosnya pada Senin (14/10/2025).") == ("dispute", "date")


def test_two_regulations_of_other_numbers_and_years_are_not_one_misquoted():
    assert kind("Larangan itu diatur dalam Undang-Undang Nomor 31 Tahun 2009 tentang penataan pesisir.",
                "Larangan itu diatur dalam Undang-Undang Nomor 4 Tahun 2016 tentang penataan pesisir.")[0] != "dispute"
    assert kind("Larangan itu diatur dalam Undang-Undang Nomor 31 Tahun 2009 tentang penataan pesisir.",
                "Larangan itu diatur dalam Undang-Undang Nomor 31 Tahun 2019 tentang penataan pesisir.") == ("dispute", "identifier")


def test_counts_said_of_other_things_and_price_lists_do_not_dispute():
    assert kind("Empat perusahaan yang IUP-nya dicabut kementerian adalah PT Alfa, PT Beta, PT Gama dan PT Delta.",
                "Lima perusahaan yang menjalankan operasional tambang adalah PT Alfa, PT Beta, PT Gama, PT Delta dan PT Eka.")[0] != "dispute"
    table = ("Harga emas 0,5 gram: Rp1.011.000 Harga emas 1 gram: Rp1.922.000 Harga emas 2 gram Rp3.784.000 "
             "Harga emas 3 gram Rp5.651.000 Harga emas 5 gram: Rp9.385.000")
    assert kind("Harga emas 1 gram tercatat Rp 1.938.000 hari ini.", table)[0] != "dispute"


def test_a_place_word_is_not_what_happened():
    # two remarks made in one area on two days: "kawasan" is where, not what happened on the day
    said = dated('"Didoakan saja ya," kata Billy di kawasan Kuningan, Jakarta Selatan, Selasa (14/10/2025).', "a")
    met = dated("Ditemui di kawasan Kuningan, Jakarta Selatan, Senin (13/10/2025), Billy membeberkan alasan keputusannya.", "b")
    assert "kawas" not in said.happened and "kawas" not in met.happened
    assert relate(said, met, STRONG).kind != "dispute"
    # a day of one event told alike still disputes
    assert relate(dated("Jasad korban ditemukan warga di kawasan hutan pada Senin (13/10/2025).", "a"),
                  dated("Jasad korban ditemukan warga di kawasan hutan pada Selasa (14/10/2025).", "b"),
                  STRONG).slot == "date"


def test_a_place_ends_with_its_sentence_and_places_both_name_are_set_aside():
    quoted = ('"Pelaku sempat bersembunyi semalaman, lalu terbang ke {}. Pintu rumah korban digembok dari luar," '
              "ungkap Kapolsek dalam konferensi pers di Mapolresta Denpasar.")
    a, b = fact(quoted.format("Belitung"), "a"), fact(quoted.format("Manado"), "b")
    assert a.places == ("belitung", "mapolresta denpasar")
    assert fact("Ia tinggal di Jl. Sudirman Kota Bandung.").places == ("jl. sudirman kota bandung",)
    relation = relate(a, b, STRONG)
    assert (relation.kind, relation.slot) == ("dispute", "place")
    assert (relation.differences[0].a, relation.differences[0].b) == ("Belitung", "Manado")
    # the same two places on both sides: nothing differs
    assert relate(a, fact(quoted.format("Belitung"), "b"), STRONG).kind == "agree"
    # two places left on one side: which one is which cannot be told
    c = fact(quoted.format("Manado") + " Ia lalu pergi ke Kupang.", "b")
    assert relate(a, c, STRONG).kind != "dispute"


def test_denials_in_other_words():
    assert kind("Polisi membantahnya: tidak ada kontak tembak di sekitar Bandara Aminggaru.",
                "Kontak tembak terjadi di sekitar Bandara Aminggaru antara TNI dan kelompok bersenjata.", 0.0) == (
        "dispute", "denial")


def test_a_denial_closing_its_sentence_denies_what_comes_before_it():
    denial = fact("Kabar kontak tembak di sekitar Bandara Aminggaru itu tidak benar.", "a")
    assert {"kontak", "tembak"} <= denial.denied
    assert kind("Kabar kontak tembak di sekitar Bandara Aminggaru itu tidak benar.",
                "Kontak tembak terjadi di sekitar Bandara Aminggaru antara TNI dan kelompok bersenjata.", 0.0) == (
        "dispute", "denial")
    # a denial of something else the other claim does not state
    assert kind("Kabar kenaikan tarif tol Cipularang itu tidak benar.",
                "Kontak tembak terjadi di sekitar Bandara Aminggaru antara TNI dan kelompok bersenjata.", 0.0)[0] != "dispute"


def test_what_a_denial_denies_leaves_out_the_words_naming_it_as_talk():
    report = "Kontak tembak terjadi di sekitar Bandara Aminggaru antara TNI dan kelompok bersenjata."
    denial = fact("Kodam menepis isu beredar soal kontak tembak di Bandara Aminggaru.", "a")
    assert denial.denial == "menepis isu" and not {"isu", "edar", "soal"} & denial.denied
    assert kind("Kodam menepis isu beredar soal kontak tembak di Bandara Aminggaru.", report, 0.0) == ("dispute", "denial")
    assert kind("Kabar beredar soal kontak tembak di Bandara Aminggaru adalah berita bohong.", report, 0.0) == (
        "dispute", "denial")
    # a goalkeeper's parry denies nothing, nor does a denial of another matter
    assert fact("Sundulan itu sempat ditepis kiper lawan.").denial is None
    assert kind("Kodam menepis isu kenaikan tunjangan prajurit di Papua.", report, 0.0)[0] != "dispute"


def test_a_denial_denies_only_within_its_sentence():
    denial = fact('"Kami menyayangkan berita hoaks yang beredar bahwa perusahaan merusak terumbu karang. '
                  'Kami sudah melaksanakan reklamasi sesuai aturan," katanya.', "a")
    assert {"rusak", "karang"} <= denial.denied and not {"reklam", "aturan"} & denial.denied


def test_a_denial_is_compared_with_the_claim_stating_what_it_denies():
    from kroscek.compare.crosscheck import _denial_links

    facts = [fact("Kodam XVII membantah adanya kontak tembak di sekitar Bandara Aminggaru pada Senin pagi.", "a"),
             fact("Kodam XVII menyatakan situasi di Kabupaten Puncak aman terkendali.", "b"),
             fact("Kontak tembak terjadi di sekitar bandara antara aparat dan kelompok bersenjata.", "b")]
    assert [(a, b) for a, b, _ in _denial_links(facts, set())] == [(0, 2)]
    # a third outlet telling it too: the denial is compared with each outlet's claim
    facts.append(fact("Warga mendengar kontak tembak di sekitar bandara sejak Senin pagi.", "c"))
    assert sorted((a, b) for a, b, _ in _denial_links(facts, set())) == [(0, 2), (0, 3)]


def test_places_spelled_apart_are_two_places_and_never_agree():
    quoted = '"Pelaku sempat bersembunyi semalaman, lalu terbang ke {}. Pintu rumah korban digembok dari luar," ungkap Kapolsek.'
    a, b = fact(quoted.format("Belitung"), "a"), fact(quoted.format("Bitung"), "b")
    assert relate(a, b, STRONG).slot == "place"
    # one utterance quoted with another place: a dispute, even where an article names both places
    told_both = Context(places=(frozenset({"belitung"}), frozenset({"belitung", "bitung"})))
    assert relate(a, b, STRONG, told_both).kind == "dispute"
    # told in the outlets' own words, an article naming both places: no dispute, and no agreement either
    told = "Usai kejadian, tersangka sempat tidur seharian lalu terbang ke {} keesokan harinya."
    assert relate(fact(told.format("Belitung"), "a"), fact(told.format("Bitung"), "b"), STRONG, told_both).kind == "related"
    # one place in two spellings is one place
    c = fact(quoted.format("Donbass"), "b")
    assert relate(fact(quoted.format("Donbas"), "a"), c, STRONG).kind == "agree"


def test_one_quote_with_another_value_disputes_whatever_else_the_articles_name():
    from kroscek.compare.relate import quoted_apart

    said = '"Pelaku menusuk korban sebanyak {} kali di dalam kamar lalu kabur lewat jendela belakang," kata Kapolsek {}.'
    a, b = fact(said.format("tiga", "Budi"), "a"), fact(said.format("empat", "Budi Santoso"), "b")
    assert quoted_apart(a.text, b.text)
    # each article gives the other's count elsewhere (another stabbing, another witness)
    elsewhere = Context(quantities=(b.quantities, a.quantities))
    assert relate(a, b, STRONG, elsewhere).kind == "dispute"
    # told in the outlets' own words, the same counts elsewhere make them two facts
    own = "Pelaku menusuk korban sebanyak {} kali di dalam kamar sebelum kabur lewat jendela belakang."
    c, d = fact(own.format("tiga"), "a"), fact(own.format("empat"), "b")
    assert not quoted_apart(c.text, d.text) and relate(c, d, STRONG, elsewhere).kind != "dispute"
    # a short quote, or two quotes that differ in more than a value, are not one utterance
    assert not quoted_apart('"Sudah tiga kali," kata Budi.', '"Sudah empat kali," kata Budi.')
    assert not quoted_apart('"Kami sudah memeriksa tiga saksi dan dua ahli pidana dari universitas negeri," kata Budi.',
                            '"Polisi masih menunggu hasil autopsi dari rumah sakit sebelum menetapkan tersangka," kata Budi.')


EXPLORATION = "Pada 2017, kementerian menerbitkan keputusan yang memberi izin eksplorasi kepada PT Tambang Jaya."
PRODUCTION = "Sejak memperoleh Izin Operasi Produksi pada 2017, PT Tambang Jaya mulai menambang."


def dated_pair(a: str, b: str, score: float = STRONG) -> tuple[str, str | None]:
    relation = relate(dated(a, "a"), dated(b, "b"), score)
    return relation.kind, relation.slot


def test_one_grant_named_as_two_kinds_of_permit_is_a_dispute():
    assert dated_pair(EXPLORATION, PRODUCTION) == ("dispute", "permit")
    # a generic permit name gives no kind; other years are other grants; the same kind agrees
    assert dated_pair(EXPLORATION,
                "PT Tambang Jaya mengantongi Izin Usaha Pertambangan pada 2017 dari kementerian.")[1] != "permit"
    assert dated_pair("Pada 2015, kementerian menerbitkan keputusan yang memberi izin eksplorasi kepada PT Tambang Jaya.",
                PRODUCTION)[1] != "permit"
    assert dated_pair("Pada 2017, kementerian memberi izin produksi kepada PT Tambang Jaya.",
                PRODUCTION)[1] != "permit"


def test_an_article_naming_both_permit_kinds_tells_of_two_permits():
    a = dated(EXPLORATION, "a")
    b = dated(PRODUCTION, "b")
    assert relate(a, b, STRONG, SlotContext()).kind == "dispute"
    both = SlotContext(permits=(frozenset({"exploration", "production"}), frozenset({"production"})))
    assert relate(a, b, STRONG, both).slot != "permit"


def test_one_event_of_a_match_at_two_minutes_is_a_dispute_even_weakly_aligned():
    # "memecah kebuntuan" and "membuka keunggulan" both name the opening goal; a match has one
    assert kind("GOL! Persija memecah kebuntuan di menit ke-37.",
                "Persija membuka keunggulan pada menit ke-39 lewat sundulan kepala, sebelum digandakan pada menit ke-67.",
                score=1.0) == ("dispute", "minute")
    # the second goal is another event; a goal no phrase names cannot be told apart
    assert kind("GOL! Persija memecah kebuntuan di menit ke-37.",
                "Persija menggandakan keunggulan pada menit ke-67 lewat titik putih.")[1] != "minute"
    assert kind("Persija sempat menjebol gawang di menit ke-26 namun dianulir.",
                "Persija membuka keunggulan pada menit ke-39 lewat sundulan kepala.")[1] != "minute"
    # two matches' opening goals, no side in common
    assert kind("GOL! Persija memecah kebuntuan di menit ke-37.",
                "Arema membuka keunggulan pada menit ke-12 lewat gol sundulan.")[1] != "minute"


def test_an_aligned_pair_sharing_a_slot_counts_at_least_as_a_slot_pair():
    a = dated(EXPLORATION, "a")
    b = dated("Tahap operasi diberikan kementerian pada 2017, dan izin produksi ini diberikan kepada PT Tambang Jaya.", "b")
    links = {(0, 1): DISPUTE_SCORE - 0.02}
    _add_slot_links(links, _slot_links([a, b], set()))
    assert links == {(0, 1): DISPUTE_SCORE}
    assert relate(a, b, DISPUTE_SCORE - 0.02).kind != "dispute"  # below the slot score: not shown the same fact
    assert relate(a, b, DISPUTE_SCORE).kind == "dispute"


def test_a_labelled_span_does_not_stand_for_a_claim_with_a_number_it_lacks():
    from kroscek.eval.claims import claims_of

    claims = [Claim("a", 0, "GOL! Persija memecah kebuntuan di menit ke-37.", "id", []),
              Claim("a", 1, "Persija sempat menjebol gawang di menit ke-26 melalui sundulan.", "id", [])]
    # most words of the first claim are in the span, but not its minute
    assert claims_of("Persija sempat menjebol gawang di menit ke-26 melalui sundulan.", claims) == {("a", 1, 0)}
    assert claims_of("GOL! Persija memecah kebuntuan di menit ke-37.", claims) == {("a", 0, 0)}


def test_denials_in_more_words_and_what_they_deny():
    # "kecil (juga) kemungkinan" and "tidak ada" deny; a denial closing its sentence denies what
    # follows the word that names it as talk, not the speaker ("polisi memastikan kabar ... hoaks")
    assert kind("Kecil juga kemungkinan siswa itu menjadi korban perundungan teman-temannya.",
                "Siswa itu diduga menjadi korban perundungan teman-temannya.", score=1.06) == ("dispute", "denial")
    assert kind("Pihak maskapai memastikan tidak ada penumpang yang terluka dalam insiden itu.",
                "Dua penumpang terluka dalam insiden pesawat tergelincir itu.", score=1.06) == ("dispute", "denial")
    assert kind("Polisi memastikan kabar penculikan anak di Bekasi itu hoaks.",
                "Seorang anak diculik di Bekasi pada Selasa sore.", score=1.06) == ("dispute", "denial")


def test_an_absence_so_far_or_a_count_of_none_is_not_denied():
    assert kind("Hingga kini tidak ada tersangka yang ditetapkan polisi dalam kasus itu.",
                "Polisi menetapkan dua tersangka dalam kasus itu.")[0] != "dispute"
    assert kind("Polisi memastikan tidak ada korban jiwa dalam kebakaran itu.",
                "Beruntung, korban jiwa nihil dalam kebakaran itu.")[0] != "dispute"
    assert kind("Tidak ada korban jiwa dalam kebakaran itu.", "Kebakaran itu tidak menimbulkan korban jiwa.")[0] != "dispute"


def test_a_part_and_its_whole_give_one_count_and_a_classifier_counts_the_kind_named():
    whole = fact("Total sebanyak 18 bus yang terbakar dari sebanyak 96 bus yang diparkir di terminal itu.")
    assert [q.text for q in whole.quantities] == ["18 bus"] and [q.text for q in whole.wholes] == ["96 bus"]
    by_unit = fact("Bus yang terbakar diperkirakan ada sekitar 45 unit, ucapnya.")
    assert by_unit.quantities[0].unit == "vehicle" and by_unit.count_words == ("bus",)
    # about 45 buses burned against 18 of 96: the same buses counted, a dispute
    assert kind("Bus yang terbakar diperkirakan ada sekitar 45 unit, ucapnya.",
                "Total sebanyak 18 bus yang terbakar dari sebanyak 96 bus yang diparkir di terminal itu.",
                score=DISPUTE_SCORE) == ("dispute", "number")
    # the whole is not what burned: 96 parked buses against 18 burned ones are no dispute
    assert kind("Sebanyak 96 bus diparkir di terminal itu sejak tahun lalu.",
                "Total sebanyak 18 bus yang terbakar dari sebanyak 96 bus yang diparkir di terminal itu.")[0] != "dispute"
    # the whole first: "Dari 96 bus di terminal, 18 bus terbakar" states one count too
    opening = fact("Dari 96 bus yang diparkir di terminal, sebanyak 18 bus ludes terbakar.")
    assert [q.text for q in opening.quantities] == ["18 bus"] and [q.text for q in opening.wholes] == ["96 bus"]
    assert kind("Bus yang terbakar diperkirakan ada sekitar 45 unit, ucapnya.",
                "Dari 96 bus yang diparkir di terminal, sebanyak 18 bus ludes terbakar.",
                score=DISPUTE_SCORE) == ("dispute", "number")
    # a place after "dari", or two counts with no comma between them, gives no whole
    assert len(fact("Dari Jakarta, 5 orang berangkat bersama 3 orang dari Bandung.").quantities) == 2
    assert not fact("Dari 96 bus sebanyak 18 bus terbakar di terminal itu.").wholes


def test_a_time_of_what_happened_to_someone_the_other_claim_never_names_is_no_dispute():
    assert kind("Di lokasi, massa pengemudi ojek daring datang lebih awal sekitar pukul 13.40 WIB.",
                "Di lokasi, massa dari BEM Unpad tiba sekitar pukul 15.25 WIB.")[1] != "clock"
    assert kind("Di lokasi, massa dari BEM Unpad tiba sekitar pukul 13.40 WIB.",
                "Di lokasi, massa dari BEM Unpad tiba sekitar pukul 15.25 WIB.") == ("dispute", "clock")


def test_a_denial_disputes_no_claim_that_only_tells_of_the_rumour_or_of_another_site():
    denial = "Kabar penculikan anak di Bekasi itu hoaks."
    # the other side reports the talk going round, or a correction of it: nothing asserted, nothing agreed
    for other in ("Beredar kabar penculikan anak di Bekasi pada Selasa sore.",
                  "Video penculikan anak di Bekasi viral di media sosial.",
                  "Polisi meluruskan kabar penculikan anak di Bekasi."):
        for score in (0.0, STRONG):
            assert kind(denial, other, score)[0] == "related", other
    # the same words placed at two sites are two fires
    assert kind("Polisi membantah ada korban jiwa dalam kebakaran di Tambora.",
                "Dua korban jiwa dalam kebakaran di Cengkareng.", 0.0)[0] != "dispute"
    # a report of it, wherever the claims place it alike, is still denied
    assert kind(denial, "Seorang anak diculik di Bekasi pada Selasa sore.", 1.06) == ("dispute", "denial")


def test_menepis_and_menyanggah_deny():
    report = "Kontak tembak antara TNI dan OPM pecah di Intan Jaya pada Senin pagi."
    assert kind("TNI menepis adanya kontak tembak di Intan Jaya.", report, 0.0) == ("dispute", "denial")
    assert kind("Kodam menyanggah telah terjadi kontak tembak di Intan Jaya.", report, 0.0) == ("dispute", "denial")
    # two denials in other words are one denial told twice, no dispute
    assert kind("Kapolres menyanggah anggotanya memukul wartawan saat demo.",
                "Kapolres membantah anggotanya memukul wartawan saat demo.") == ("agree", None)
    assert fact("Sundulan itu sempat ditepis kiper lawan.").denial is None


def test_a_denial_disputes_only_a_claim_stating_what_it_denies_first():
    denial = fact("Mantan menteri itu memastikan tidak ada monopoli dalam proses pengadaan laptop di kementerian.", "a")
    assert denial.denied_head == stem("monopoli")
    # the other claim tells of the same procurement, but asserts no monopoly
    assert kind("Mantan menteri itu memastikan tidak ada monopoli dalam proses pengadaan laptop di kementerian.",
                "Mantan menteri itu mengatakan proses pengadaan laptop di kementerian didampingi kejaksaan.", 0.0
                )[0] != "dispute"
    # words that only carry what is denied are skipped: "melakukan praktik monopoli" denies a practice
    assert fact("Perusahaan itu membantah melakukan praktik monopoli di pasar daring.").denied_head == stem("praktik")
    assert kind("Perusahaan itu membantah melakukan praktik monopoli di pasar daring.",
                "Perusahaan itu melakukan praktik monopoli di pasar daring sejak tahun lalu.", 0.0) == ("dispute", "denial")


def test_a_denial_denies_what_was_done_not_who_it_clears():
    # "kliennya", "dirinya", "pihaknya" name who the denial clears; what it denies comes after
    cleared = fact("Kuasa hukum tersangka membantah kliennya menodongkan senjata api kepada korban.", "b")
    assert cleared.denied_head == stem("menodongkan") and stem("kliennya") not in cleared.denied
    assert kind("Polisi menyebut pelaku sempat menodongkan senjata api kepada korban di depan minimarket.",
                "Kuasa hukum tersangka membantah kliennya menodongkan senjata api kepada korban.", 0.0) == ("dispute", "denial")
    assert kind("Pihak sekolah disebut melarang siswi berjilbab mengikuti upacara bendera.",
                "Kepala sekolah menegaskan tidak benar pihaknya melarang siswi berjilbab mengikuti upacara.", 0.0
                ) == ("dispute", "denial")
    # the claim naming another deed is not what it denies
    assert kind("Pihak sekolah disebut mewajibkan siswi mengikuti upacara bendera setiap Senin.",
                "Kepala sekolah menegaskan tidak benar pihaknya melarang siswi berjilbab mengikuti upacara.", 0.0
                )[0] != "dispute"


def test_the_speakers_tag_after_a_denial_is_not_what_it_denies():
    tagged = fact("Tersangka membantah menerima suap dari pengusaha tambang, ujar kuasa hukumnya Andi Saputra kepada wartawan.")
    assert tagged.denied == fact("Tersangka membantah menerima suap dari pengusaha tambang.").denied
    quoted = fact('"Klien kami membantah menerima suap dari pengusaha tambang," kata kuasa hukumnya Andi Saputra.')
    assert stem("Andi") not in quoted.denied and stem("suap") in quoted.denied
    assert kind("Tersangka disebut menerima suap Rp 2 miliar dari pengusaha tambang di Kalimantan.",
                "Tersangka membantah menerima suap dari pengusaha tambang, ujar kuasa hukumnya Andi Saputra kepada wartawan.",
                0.0) == ("dispute", "denial")
    # a comma inside what is denied, with no speaking word after it, cuts nothing
    listed = fact("Warga membantah adanya pungutan liar, penarikan iuran, dan penjualan lahan di pasar.")
    assert {stem("penarikan"), stem("penjualan")} <= listed.denied


def test_a_pronoun_inside_what_a_closing_denial_denies_cuts_nothing_off():
    # "mereka" names whose houses, inside what is denied: the words before it are denied too
    denied = fact("Warga menyebut penggusuran rumah mereka di bantaran kali itu tidak benar.").denied
    assert {stem("penggusuran"), stem("rumah"), stem("bantaran")} <= denied and stem("mereka") not in denied


def test_a_denial_closing_its_sentence_after_its_speaker_denies_nothing_named():
    # "membantah tudingan tersebut": the words before name who denies, not what is denied
    said = "Kapolres AKBP Budi Santoso menyebut pelaku sudah ditangkap di rumahnya di Cibinong."
    for denial in ("Kapolres AKBP Budi Santoso membantah tudingan tersebut.", "Kapolres AKBP Budi Santoso membantahnya."):
        assert not fact(denial, "b").denied and kind(said, denial, 0.0)[0] != "dispute"
    # a passive denial closing its sentence still denies what comes before it
    assert kind("Seorang anak diculik di depan sekolah di Bekasi pada Senin pagi.",
                "Kabar penculikan anak di depan sekolah itu dibantah polisi.", 0.0) == ("dispute", "denial")


def test_a_passive_denial_closing_its_sentence_denies_what_comes_before_it_in_english():
    # "denied" is the active past and the passive alike: after "were" it names no one who denies
    passive = fact("Reports of a shooting at the airport were denied by police.", language="en")
    assert {stem("shooting"), stem("airport")} <= passive.denied
    assert not fact("Police chief John Smith denied the report.", language="en").denied


def test_a_denial_of_a_deed_named_by_its_noun_disputes_the_verb():
    # "penembakan" and "menembak" share the root "tembak", though the cheap stems cut them apart
    assert stem("penembakan") != stem("menembak")
    assert kind("Oknum polisi menembak seorang warga sipil di Kampung Titigi hingga tewas.",
                "Kapolres membantah adanya penembakan warga sipil di Kampung Titigi.", 0.0) == ("dispute", "denial")
    assert kind("Petugas menangkap lima pengemudi ojek di terminal Kampung Rambutan.",
                "Polisi membantah adanya penangkapan pengemudi ojek di terminal Kampung Rambutan.", 0.0) == ("dispute", "denial")
    # a deed of another root is still not what is denied
    assert kind("Petugas memeriksa lima pengemudi ojek di terminal Kampung Rambutan.",
                "Polisi membantah adanya penangkapan pengemudi ojek di terminal Kampung Rambutan.", 0.0)[0] != "dispute"


def test_never_having_done_it_denies_the_deed():
    took = "Kepala desa Budi menerima uang Rp 50 juta dari kontraktor proyek jalan."
    assert kind(took, "Kepala desa Budi menegaskan tidak pernah menerima uang dari kontraktor proyek jalan.", 0.0
                ) == ("dispute", "denial")
    assert kind(took, "Kepala desa Budi mengaku tidak menerima uang sepeser pun dari kontraktor proyek jalan.", 0.0
                ) == ("dispute", "denial")
    # another deed denied, or nothing named, is no dispute
    assert kind(took, "Kepala desa Budi mengaku tidak pernah bertemu kontraktor proyek jalan itu.", 0.0)[0] != "dispute"
    assert kind(took, "Kepala desa Budi mengaku tidak tahu.", 0.0)[0] != "dispute"


def test_one_person_given_two_ages_disputes():
    found = fact("Korban Endang (45) ditemukan tewas di kamar kosnya di Legian.", "a")
    assert found.ages == (("endang", 45, "Korban Endang (45)"),)
    assert fact("Pelaku Kamal Hasan yang berusia 32 tahun ditangkap di Bitung.").ages[0][:2] == ("kamal hasan", 32)
    assert kind("Korban Endang (45) ditemukan tewas di kamar kosnya di Legian.",
                "Jasad Endang, 46 tahun, ditemukan di kamar kos di Legian, Kuta.", DISPUTE_SCORE) == ("dispute", "number")
    # another person, the same age, or a number in brackets after a part of a text or a day: no dispute
    assert kind("Korban Endang (45) ditemukan tewas di kamar kosnya di Legian.",
                "Pelaku Kamal (46) ditemukan di kamar kos di Legian.", DISPUTE_SCORE)[0] != "dispute"
    assert kind("Korban Endang (45) ditemukan tewas di kamar kosnya di Legian.",
                "Jasad Endang (45) ditemukan di kamar kos di Legian.", DISPUTE_SCORE)[0] != "dispute"
    assert not fact("Ia dijerat Pasal 340 KUHP Ayat (1) tentang pembunuhan berencana pada Jumat (17).").ages


def test_a_place_given_an_age_is_no_person():
    # "anak Indonesia usia 6 tahun": an age group of a country's children, not Indonesia's age
    assert not fact("Vaksinasi untuk anak Indonesia usia 6 tahun dimulai pekan depan di sekolah.").ages
    assert kind("Vaksinasi untuk anak Indonesia usia 6 tahun dimulai pekan depan di sekolah.",
                "Anak Indonesia usia 12 tahun ke atas wajib mengikuti vaksinasi di sekolah.", DISPUTE_SCORE)[0] != "dispute"
    assert not fact("Seorang warga Bekasi berusia 45 tahun tewas tertabrak kereta.").ages
    # a person whose name a place also bears under another name is still a person
    assert fact("Pelaku Hasan (32) ditangkap di rumahnya.").ages[0][:2] == ("hasan", 32)


def test_two_claims_giving_one_person_an_age_are_compared():
    facts = [fact("Korban Endang (45) ditemukan tewas di kamar kosnya di Legian.", "a"),
             fact("Jasad Endang, 46 tahun, ditemukan tewas di kamar kos di Legian, Kuta.", "b")]
    assert [(a, b) for a, b, _ in _slot_links(facts, set())] == [(0, 1)]


def test_a_denial_that_someone_ever_said_it_disputes_the_clip_that_has_them_say_it():
    clip = "Beredar di TikTok sebuah potongan video Menteri Keuangan Lestari Wulandari yang disebut menyatakan petani sebagai beban negara."
    never = "Kepala Biro Komunikasi Kemenkeu Budi Hartono menegaskan Lestari Wulandari tidak pernah mengucapkan pernyataan itu."
    assert kind(clip, never, 0.0) == ("dispute", "denial")
    # a clip of someone else, or a denial naming no one, is still only the rumour told
    other = "Viral di media sosial potongan video Gubernur Andi Pratama yang disebut menyatakan petani sebagai beban negara."
    assert kind(other, never, 0.0)[0] != "dispute"
    assert kind(clip, "Kepala Biro Komunikasi Kemenkeu mengatakan potongan video tersebut tidak benar alias hoaks.", 0.0
                )[0] != "dispute"


def test_within_one_outlet_a_denial_is_paired_only_with_the_clip_it_says_was_never_said():
    from kroscek.compare.crosscheck import _denial_links

    def one_outlet(text: str, article: str):
        return fact(text, "detik.com", article=article)

    facts = [one_outlet("Beredar di TikTok sebuah potongan video Menteri Keuangan Lestari Wulandari yang disebut "
                        "menyatakan petani sebagai beban negara.", "x1"),
             one_outlet("Kepala Biro Komunikasi Kemenkeu Budi Hartono menegaskan Lestari Wulandari tidak pernah "
                        "mengucapkan pernyataan itu.", "x2"),
             one_outlet('"Faktanya, Menteri Keuangan Lestari Wulandari tidak pernah menyatakan hal tersebut," kata Budi.', "x2")]
    # one pair for the two articles, the first denial with the clip; not the second denial again
    assert [(a, b) for a, b, _ in _denial_links(facts, set())] == [(0, 1)]
    # another outlet's pages keep the rule of any two sources: each denial with its closest claim
    assert len(_denial_links([replace(f, source=f"o{i}") for i, f in enumerate(facts)], set())) == 2
    # within one outlet, a denial of anything but someone's words stays unpaired ("tidak pernah ada keluhan")
    facts = [one_outlet("Ketua SPPG Cigunung Hana Azmi menyampaikan permintaan maaf atas keluhan siswa soal menu.", "y1"),
             one_outlet('"Selama ini pelayanan dari SPPG Cigunung cukup baik dan tidak pernah ada keluhan siswa," kata Iis.', "y2")]
    assert _denial_links(facts, set()) == []


def test_a_denial_closing_its_sentence_denies_what_its_speaker_says_not_the_speaker():
    # "Kemendag memastikan rekaman tersebut adalah hoaks": the recording, not the ministry, is denied
    assert fact("Kementerian Perdagangan (Kemendag) memastikan rekaman tersebut adalah hoaks.").denied == frozenset({stem("rekaman")})
    assert kind("Kementerian Perdagangan (Kemendag) langsung turun tangan menanggapi kabar itu.",
                "Kementerian Perdagangan (Kemendag) memastikan rekaman tersebut adalah hoaks.", 0.0)[0] != "dispute"
    # "tidak benar alias hoaks": the second name of the denial is no object of it
    assert not {stem("alias"), stem("hoaks")} & fact("Budi mengatakan kabar penculikan itu tidak benar alias hoaks.").denied


def test_an_agreement_numbered_two_ways_disputes():
    a = fact("Kerja sama itu diatur dalam Nota Kesepahaman Nomor PK/12/III/2022/DISHUB tertanggal 3 Maret 2022.", "a")
    b = fact("Rudi menyebut ada juga nota kesepahaman Dishub dengan Kepolisian Nomor 9 Tahun 2022.", "b")
    assert [i.value for i in a.identifiers] == ["PK/12/III/2022/DISHUB"] and [i.value for i in b.identifiers] == ["9TAHUN2022"]
    assert relate(a, b, DISPUTE_SCORE).slot == "identifier"
    # the same number with other words before it is one agreement; another year's is another agreement
    same = fact("Kerja sama Dishub dan Kepolisian diatur dalam Nota Kesepahaman Nomor 9 Tahun 2022.", "a")
    assert same.identifiers[0].value == b.identifiers[0].value and relate(same, b, DISPUTE_SCORE).kind != "dispute"
    older = fact("Kerja sama Dishub dan Kepolisian diatur dalam Nota Kesepahaman Nomor 7 Tahun 2020.", "a")
    assert relate(older, b, DISPUTE_SCORE).kind != "dispute"


def test_a_denial_the_other_article_reports_too_is_no_dispute():
    denier = fact("Perusahaan itu membantah melakukan praktik monopoli di pasar daring.", "a")
    other = fact("Komisi menggelar sidang perkara praktik monopoli di pasar daring oleh perusahaan itu.", "b")
    assert relate(denier, other, 0.0).kind == "dispute"
    # the other article also says the company denies the practice: it tells both sides
    reported = fact("Dalam sidang, perusahaan itu membantah adanya praktik monopoli.", "b")
    context = SlotContext(denials=(frozenset({(denier.denied_head, denier.denied)}),
                                   frozenset({(reported.denied_head, reported.denied)})))
    assert relate(denier, other, 0.0, context).kind != "dispute"
    # a clip that has someone say it is asserted by the clip, though its article reports the denial too
    clip = fact("Beredar di TikTok potongan video Menteri Keuangan Lestari Wulandari yang disebut menyatakan petani "
                "sebagai beban negara.", "b")
    never = fact("Kepala Biro Komunikasi Kemenkeu Budi Hartono menegaskan Lestari Wulandari tidak pernah mengucapkan "
                 "pernyataan itu.", "a")
    context = SlotContext(denials=(frozenset({(never.denied_head, never.denied)}),
                                   frozenset({(never.denied_head, never.denied)})))
    assert relate(never, clip, 0.0, context).kind == "dispute"
    # a denial of another matter in the other article changes nothing
    unrelated = fact("Polisi membantah adanya penangkapan pengemudi ojek di terminal.", "b")
    context = SlotContext(denials=(frozenset(), frozenset({(unrelated.denied_head, unrelated.denied)})))
    assert relate(denier, other, 0.0, context).kind == "dispute"


def test_a_planned_day_and_a_day_something_happened_do_not_dispute():
    plan = dated("Sidang gugatan wanprestasi yang dilayangkan artis itu akan kembali digelar pada 11 Juni 2025.", "a",
                 "2025-06-07")
    done = dated("Pada 16 Mei 2025, artis itu melayangkan gugatan wanprestasi terhadap dokter tersebut.", "b",
                 "2025-06-08")
    assert plan.scheduled and not done.scheduled and plan.dates.days and done.dates.days
    assert relate(plan, done, STRONG).kind != "dispute"
    # two plans for one hearing on other days still dispute, and so do two accounts of one filing
    other_plan = dated("Sidang gugatan wanprestasi yang dilayangkan artis itu akan kembali digelar pada 12 Juni 2025.",
                       "b", "2025-06-07")
    assert relate(plan, other_plan, STRONG).slot == "date"
    other_done = dated("Pada 19 Mei 2025, artis itu melayangkan gugatan wanprestasi terhadap dokter tersebut.", "a",
                       "2025-06-08")
    assert relate(other_done, done, STRONG).slot == "date"


def test_a_negation_disputes_only_the_phrase_it_negates():
    assert kind("Polisi menyatakan jalan tol itu tidak ditutup untuk umum.",
                "Polisi menyatakan jalan tol itu ditutup untuk umum.") == ("dispute", "negation")
    # "tanpa harus bikin baru" and a "harus" said of making a new licence in another phrase
    assert kind("Perpanjangan SIM yang sudah habis masa berlakunya bisa diurus tanpa harus bikin baru.",
                "Kalau bikin SIM baru harus datang ke Satpas, perpanjangan SIM bisa diurus daring.")[0] != "dispute"
    # the negated claim names another subject: one company kept its permit, four lost theirs
    negated = "Ia menyinggung perusahaan tambang di pulau itu, yakni PT Sinar Jaya, yang izinnya tak dicabut."
    assert kind(negated, "Berikut daftar perusahaan tambang di pulau itu yang izinnya dicabut.")[0] != "dispute"
    assert kind(negated, "Ia menyinggung perusahaan tambang di pulau itu, yakni PT Sinar Jaya, yang izinnya dicabut.") == (
        "dispute", "negation")


def test_a_place_named_with_a_word_left_out_is_the_same_place():
    assert kind("Laga Thailand melawan Vietnam akan digelar di Chonburi City Stadium, Kamis (14/8/2025).",
                "Laga Thailand melawan Vietnam akan digelar di Chonburi City Football Stadium, Kamis (14/8/2025).")[0] == "agree"
    assert kind("Kebakaran terjadi di sebuah gudang di Jakarta Utara pada Selasa pagi.",
                "Kebakaran terjadi di sebuah gudang di Jakarta Pusat pada Selasa pagi.") == ("dispute", "place")


def test_a_page_sign_off_and_its_tags_are_no_claim():
    from kroscek.compare.claims import extract_claims
    from kroscek.text.sentences import split_sentences

    paragraphs = ["Perpanjangan SIM kini bisa dilakukan secara daring lewat aplikasi.",
                  "(abc/xyz) perpanjang sim sim mati syarat perpanjang sim biaya sim"]
    article = Article(id="x", source="x", title="SIM", text="\n\n".join(paragraphs),
                      sentences=split_sentences(paragraphs, "id"), language="id")
    assert len(article.sentences) == 2 and [c.sentence for c in extract_claims(article)] == [0]


def test_a_plan_disputes_a_day_only_when_it_is_still_to_come():
    # the page of 10 June says the match was scheduled for 6 June; another page says it is played that day
    plan = dated("Laga itu dijadwalkan Selasa (6/6/2025) petang di stadion kota.", "a", "2025-06-10")
    played = dated("Laga itu digelar Selasa (10/6/2025) petang di stadion kota.", "b", "2025-06-10")
    assert plan.scheduled and relate(plan, played, STRONG).kind == "dispute"


def test_a_number_naming_which_round_counts_nothing():
    assert kind("Tim itu menjalani laga pamungkas di ronde 2 kualifikasi Piala Asia Futsal.",
                "Tim itu melaju ke ronde 3 kualifikasi Piala Asia Futsal.")[0] != "dispute"


def test_not_only_is_no_negation_and_two_moments_with_two_values_are_no_other_event():
    assert kind("Bukan hanya wisatawan yang datang ke jalan itu saat ini.",
                "Saat ini wisatawan datang ke jalan itu hanya untuk berfoto.")[0] != "dispute"
    opened = "Dikutip dari data RTI, Kamis (14/8/2025), IHSG dibuka pada posisi 7.412,35."
    closed = "Berdasarkan data RTI, Kamis (14/8/2025) IHSG ditutup pada level 7.488,10 atau naik 75 poin (1,02%)."
    assert relate(dated(opened, "a", "2025-08-14"), dated(closed, "b", "2025-08-14"), STRONG).kind != "dispute"


def test_two_parts_of_a_region_each_article_names_are_two_programmes():
    a = fact("Program keringanan denda pajak kendaraan di Jawa Barat berlaku hingga 31 Agustus 2025.", "a")
    b = fact("Program keringanan denda pajak kendaraan di Jawa Tengah berlaku hingga 31 Agustus 2025.", "b")
    assert relate(a, b, STRONG).kind == "dispute"
    both = SlotContext(places=(frozenset({"jawa barat", "jawa tengah"}), frozenset({"jawa barat", "jawa tengah"})))
    assert relate(a, b, STRONG, both).kind != "dispute"


def test_two_moments_each_with_its_value_are_neither_agreed_nor_disputed():
    august = dated("Sampai 31 Agustus 2025, APBN defisit Rp 321,6 triliun atau setara dengan 1,35% terhadap PDB.", "a")
    september = dated("Sampai 30 September 2025, APBN defisit Rp 371,5 triliun atau setara dengan 1,56% terhadap PDB.", "b")
    assert relate(august, september, STRONG).kind == "related"


def test_a_claim_pointing_back_holds_when_the_sentence_before_says():
    """"Realisasi itu setara dengan 1,56%" after "sampai 30 September": September's share, not
    August's 1,35% told the same way after "sampai 31 Agustus"; the dates are not the claim's values."""
    from kroscek.compare.claims import extract_claims
    from kroscek.model import Article, EventDate, Sentence

    def article(name: str, lead: str, day: str, share: str) -> Article:
        sentences = [Sentence(0, lead, 0), Sentence(1, f"Realisasi itu setara dengan {share} terhadap Produk Domestik Bruto (PDB).", 0)]
        dates = [EventDate(day, lead.split(", ")[0].removeprefix("Sampai "), 0, "day", firm=True)]
        return Article(id=name, source=name, title="APBN", text=" ".join(s.text for s in sentences), language="id", outlet=name,
                       sentences=sentences, event_dates=dates)

    august = extract_claims(article("a", "Sampai 31 Agustus 2025, APBN mengalami defisit Rp 321,6 triliun.", "2025-08-31", "1,35%"))
    september = extract_claims(article("b", "Sampai 30 September 2025, APBN mengalami defisit Rp 371,5 triliun.", "2025-09-30", "1,56%"))
    share_a, share_b = (read_fact(claims[1], name, "2025-10-14") for claims, name in ((august, "a"), (september, "b")))
    assert share_a.dates.days == frozenset() and share_a.scope.days == {(8, 31)}
    assert relate(share_a, share_b, STRONG).kind == "related"
    assert relate(share_a, read_fact(replace(september[1], scope=[]), "b", "2025-10-14"), STRONG).kind == "dispute"


def test_a_value_under_a_condition_disputes_no_unconditional_one():
    a = dated("Cuaca panas diprediksi masih bisa terjadi di Jawa hingga akhir Oktober 2025.", "a")
    b = dated("Jika hujan belum juga turun merata di Jawa, cuaca panas ini bisa terjadi di Jawa hingga November.", "b")
    assert relate(a, b, STRONG).kind == "related"
    assert relate(a, dated("Cuaca panas diprediksi masih bisa terjadi di Jawa hingga November 2025.", "b"), STRONG).kind == "dispute"


def test_the_day_a_report_is_cited_is_not_the_day_it_tells_of():
    said = '"Dia agak kurus, kemarin aku lihat dia agak tirus," kata Venna saat ditemui di Jakarta Selatan, Jumat (12/9/2025).'
    cited = '"Dia agak kurus, kemarin aku lihat dia agak tirus," kata Venna dikutip detikHot, Sabtu (13/9/2025).'
    assert dated(cited, "b", "2025-09-13").dates.days == frozenset()
    assert relate(dated(said, "a", "2025-09-13"), dated(cited, "b", "2025-09-13"), STRONG).kind != "dispute"


def test_amounts_of_an_article_that_breaks_a_kind_of_value_down_do_not_dispute():
    """One article gives the land of many crops ("lahan seluas N hektare ... berupa gula"): the
    single figure of another article matches none of them in particular."""
    from kroscek.compare.claims import Quantity

    a = fact("Pengembangan produksi dilakukan pada lahan seluas 11 juta hektare di seluruh Indonesia.", "a")
    b = fact("Pengembangan produksi dilakukan pada lahan seluas 500 ribu hektare di seluruh Indonesia.", "b")
    assert relate(a, b, STRONG).kind == "dispute"
    crops = tuple(Quantity(v, v, b.quantities[0].unit, f"{v:g} hektare") for v in (100e3, 200e3, 300e3, 500e3, 2e6, 7e5))
    listed = SlotContext(quantities=((), crops))
    assert relate(a, b, STRONG, listed).kind != "dispute"


def test_amounts_given_per_other_spans_of_time_do_not_dispute():
    monthly = fact("Biaya sewa kendaraan dinas pejabat itu paling rendah Rp 13 juta per bulan.", "a")
    yearly = fact("Biaya sewa kendaraan dinas pejabat itu paling rendah Rp 40 juta per tahun.", "b")
    assert relate(monthly, yearly, STRONG).kind != "dispute"
    other_month = fact("Biaya sewa kendaraan dinas pejabat itu paling rendah Rp 15 juta per bulan.", "b")
    assert relate(monthly, other_month, STRONG).kind == "dispute"


def test_the_start_the_end_and_a_count_so_far_of_one_programme_do_not_dispute():
    start = dated("Program pemutihan pajak kendaraan di Jawa Barat sudah berlangsung sejak 20 Maret 2025.", "a")
    end = dated("Program pemutihan pajak kendaraan di Jawa Barat masih berlangsung hingga 30 Juni 2025.", "b")
    so_far = dated("Hingga pertengahan Mei 2025, sebanyak 1.701.288 kendaraan telah mengikuti program pemutihan pajak "
                   "kendaraan di Jawa Barat.", "b")
    assert relate(start, end, STRONG).kind != "dispute"
    assert relate(so_far, end, STRONG).kind != "dispute"
    # two ends of the one programme still dispute
    other_end = dated("Program pemutihan pajak kendaraan di Jawa Barat masih berlangsung hingga 31 Juli 2025.", "a")
    assert relate(other_end, end, STRONG).slot == "date"


def test_a_denial_inside_a_relative_clause_describes_and_denies_nothing():
    assert fact("Diskon itu hanya berlaku bagi wajib pajak yang tidak pernah menunggak pajak selama tiga tahun.").denial is None
    assert fact("Kepala Bapenda menegaskan wajib pajak tidak pernah menunggak pajak selama tiga tahun.").denial == "tidak pernah"


def dated_fact(text: str, source: str, page: str = "2025-10-20"):
    from datetime import date as day

    from kroscek.analyse.dates import find_event_dates
    from kroscek.model import Sentence

    dates = find_event_dates([Sentence(0, text, 0)], day.fromisoformat(page), "id")
    return read_fact(Claim(source, 0, text, "id", dates), source, page)


def test_one_day_written_with_two_weekdays_disputes_whatever_else_the_claims_tell():
    """20 October 2025 is a Monday: one article's "Kamis (20/10/2025)" against another's "Senin
    (20/10/2025)" is a disagreement on the day, though one sentence dates a protest and the other a
    quote; they are paired by the day alone, once per pair of articles."""
    from kroscek.compare.crosscheck import _weekday_links

    protest = dated_fact("Unjuk rasa itu dilakukan oleh BEM Semarang Raya pada Kamis (20/10/2025).", "a")
    quote = dated_fact('"Pemerintah lamban," kata Ketua BEM Undip, Senin (20/10/2025).', "b")
    again = dated_fact("Massa bertahan hingga sore, Senin (20/10/2025).", "b")
    same = dated_fact("Polisi berjaga di lokasi pada Senin (20/10/2025).", "c")
    assert (relate(protest, quote, 0.0).kind, relate(protest, quote, 0.0).slot) == ("dispute", "weekday")
    facts = [protest, quote, replace(again, claim=replace(again.claim, sentence=1)), same]
    assert _weekday_links(facts, set()) == [(0, 1, DISPUTE_SCORE), (0, 3, DISPUTE_SCORE)]
    assert relate(quote, same, 0.0).kind != "dispute"
    # two articles of one outlet: the calendar settles it all the same
    sibling = dated_fact('"Pemerintah lamban," kata Ketua BEM Undip, Senin (20/10/2025).', "a2")
    sibling = replace(sibling, source="a")
    assert _weekday_links([protest, sibling], set()) == [(0, 1, DISPUTE_SCORE)]


def test_one_day_written_with_two_years_disputes_like_two_weekdays():
    """7 October 2025 is a Tuesday: "Selasa (7/10/2024)" on a page of 7 October 2025 is read as that
    day, but the article writes another year than the one that says "Selasa (7/10/2025)"."""
    from kroscek.compare.crosscheck import _weekday_links

    slip = dated_fact("Hal ini diungkapkan Wali Kota Pekanbaru Agung Nugroho, Selasa (7/10/2024).", "a", "2025-10-07")
    right = dated_fact("Pasar murah digelar di halaman kantor wali kota, Selasa (7/10/2025).", "b", "2025-10-07")
    again = dated_fact("Harga cabai naik tajam menjelang akhir pekan, Selasa (7/10/2025).", "c", "2025-10-07")
    assert slip.dates.days == right.dates.days == {(10, 7)}
    assert (relate(slip, right, 0.0).kind, relate(slip, right, 0.0).slot) == ("dispute", "date")
    assert _weekday_links([slip, right, again], set()) == [(0, 1, DISPUTE_SCORE), (0, 2, DISPUTE_SCORE)]
    assert relate(right, again, 0.0).kind != "dispute"


def test_one_weekday_written_with_two_days_disputes_the_day():
    """13 October 2025 is a Monday: "Senin (14/10/2025)" names that Monday with a day that does not
    fit it, against another article's "Senin (13/10/2025)"; they are paired by the Monday the weekday
    names. A Tuesday written with its own day names another day."""
    from kroscek.compare.crosscheck import _weekday_links

    found = dated_fact("Jasad korban baru ditemukan pada Senin (13/10/2025) di kamar kosnya.", "a", "2025-10-17")
    slip = dated_fact("Namun jasad korban baru ditemukan dua hari kemudian, Senin (14/10/2025).", "b", "2025-10-17")
    tuesday = dated_fact("Pelaku ditangkap di Bitung pada Selasa (14/10/2025).", "c", "2025-10-17")
    assert (relate(found, slip, 0.0).kind, relate(found, slip, 0.0).slot) == ("dispute", "date")
    assert relate(found, tuesday, 0.0).kind != "dispute"
    assert _weekday_links([found, slip, tuesday], set()) == [(0, 1, DISPUTE_SCORE), (1, 2, DISPUTE_SCORE)]


def test_two_people_each_doing_it_are_not_one_fact_told_twice():
    """The same words and the same object, but each sentence names another who does it, right
    before the verb: related, not agreed. A name inside the object ("tim Merah-Putih") or an
    acronym that may stand for the same name ("STY") counts no one."""
    one = ("Ketua Umum HIPMI Akbar Himawan Buchari mendukung langkah Menteri ESDM Bahlil Lahadalia "
           "menyelesaikan polemik tambang nikel di Raja Ampat.")
    other = ("Sekretaris Jenderal HIPMI sekaligus Ketua Umum ASPEBINDO Anggawira mendukung langkah Menteri ESDM "
             "Bahlil Lahadalia menyelesaikan polemik tambang nikel di Raja Ampat.")
    assert relate(fact(one, "a"), fact(other, "b"), STRONG).kind == "related"
    assert relate(fact(one, "a"), fact(one.replace("Ketua Umum HIPMI Akbar", "Ketum HIPMI, Akbar"), "b"),
                  STRONG).kind == "agree"
    from kroscek.compare.relate import _agents_apart

    assert not _agents_apart(fact("Kendati demikian, Shin Tae-yong menegaskan belum menerima tawaran dari klub."),
                             fact("Kendati demikian, STY menegaskan belum menerima tawaran dari klub."))
    assert not _agents_apart(fact("Kegagalan tim Merah-Putih menembus Piala Dunia 2026 jadi penyebab pemecatan."),
                             fact("Kegagalan Skuad Garuda menembus Piala Dunia 2026 jadi penyebab pemecatan."))


def test_counts_written_to_the_last_one_allow_no_rounding():
    """"10.428" and "10.482" are two figures, not one rounded; "10.400" may round either."""
    assert kind("Sebanyak 10.428 siswa keracunan MBG menurut data BEM.",
                "Sebanyak 10.482 siswa keracunan MBG menurut data BEM.") == ("dispute", "number")
    assert kind("Sebanyak 10.400 siswa keracunan MBG menurut data BEM.",
                "Sebanyak 10.428 siswa keracunan MBG menurut data BEM.")[0] == "agree"


def test_a_value_said_to_move_two_ways_or_on_two_pages_days_is_not_agreed():
    """"menguat" against "melemah", or "stagnan" against either, is not one fact told alike; nor is
    a day's report of "hari ini" on pages of two days (two daily market reports)."""
    up = "Terhadap mata uang yen, dolar AS {} pada perdagangan pagi ini."
    assert kind(up.format("menguat"), up.format("melemah"))[0] == "related"
    assert kind(up.format("stagnan"), up.format("melemah 0,03%"))[0] == "related"
    assert kind(up.format("menguat"), up.format("menguat"))[0] == "agree"
    assert kind("The shares rose sharply after the report.", "The shares fell sharply after the report.", language="en")[0] == "related"
    daily = "Nilai tukar dolar AS menguat terhadap rupiah pada perdagangan hari ini."
    two_days = relate(read_fact(Claim("a", 0, daily, "id", [EventDate("2025-08-21", "hari ini", 0)]), "a", "2025-08-21"),
                      read_fact(Claim("b", 0, daily, "id", [EventDate("2025-07-21", "hari ini", 0)]), "b", "2025-07-21"), STRONG)
    assert two_days.kind == "related"
    one_day = relate(read_fact(Claim("a", 0, daily, "id", [EventDate("2025-08-21", "hari ini", 0)]), "a", "2025-08-21"),
                     read_fact(Claim("b", 0, daily, "id", [EventDate("2025-08-21", "hari ini", 0)]), "b", "2025-08-21"), STRONG)
    assert one_day.kind == "agree"


def test_a_date_disputes_only_what_happened_beside_it():
    # the month of an earlier round of talks, in a clause of its own, is not the day of this round
    this_round = dated("Putaran baru negosiasi perdagangan antara Amerika Serikat (AS) dan China digelar pada Senin (9/6) "
                       "di London.", "a", "2025-06-10")
    earlier = dated("Lutnick akan memimpin negosiasi di London bersama Menteri Keuangan AS Scott Bessent dan Jamieson Greer "
                    "yang pada Mei 2025 sempat memimpin pembicaraan perdagangan di Jenewa.", "b", "2025-06-09")
    assert relate(this_round, earlier, STRONG).kind != "dispute"
    # one signing told with another prefix ("ditandatangani" / "penandatanganan") still is one event
    signed = dated("Kontrak Karya untuk eksplorasi nikel di pulau itu telah resmi ditandatangani oleh Presiden Soeharto "
                   "pada 19 Januari 1998.", "a", "2025-06-10")
    signing = dated("Kemudian pada 19 Februari 1998 dilakukan penandatanganan Kontrak Karya untuk eksplorasi nikel.",
                    "b", "2025-06-10")
    assert relate(signed, signing, STRONG).slot == "date"


def test_how_things_stood_on_two_days_is_no_dispute_of_the_day():
    may = dated("Harga BBM di Indonesia per 1 Mei 2025 masih berada di kisaran berikut.", "a", "2025-05-30")
    june = dated("Harga BBM di Indonesia mengalami penyesuaian per 1 Juni 2025.", "b", "2025-06-01")
    assert relate(may, june, STRONG).kind != "dispute"


def test_a_law_written_out_and_abbreviated_is_one_identifier():
    assert kind("Kementerian Haji diatur dalam perubahan ketiga Undang-Undang Nomor 8 Tahun 2019.",
                "Kementerian Haji diatur dalam perubahan ketiga UU Nomor 8 Tahun 2019.")[0] != "dispute"
    assert kind("Kementerian Haji diatur dalam perubahan ketiga Undang-Undang Nomor 8 Tahun 2019.",
                "Kementerian Haji diatur dalam perubahan ketiga UU Nomor 9 Tahun 2019.") == ("dispute", "identifier")


def test_a_denial_counted_named_by_its_agent_or_qualified_denies_only_what_it_says():
    # objections filed, counted, deny nothing
    assert fact("Usulan via aplikasi Cek Bansos: 627 ribu usulan baru dan 36 ribu sanggahan.").denial is None
    # "dibantah oleh Polda Sumut": the words after it name who denies, not what
    assert kind("Namun, belakangan hal itu dibantah oleh Polda Sumut.",
                "OTT itu dilakukan oleh Bidpropam Polda Sumut.")[0] != "dispute"
    assert kind("Polda Sumut membantah adanya OTT terhadap dua polisi lalu lintas di Medan.",
                "OTT terhadap dua polisi lalu lintas di Medan dilakukan Bidpropam Polda Sumut.") == ("dispute", "denial")
    # a denial of a kind ("yang sukses") says nothing against a claim that does not say it
    assert kind("Sampai sekarang tidak ada mobil nasional Indonesia yang sukses di pasar.",
                "Mobil ini dimaksudkan sebagai mobil nasional Indonesia di pasar.")[0] != "dispute"
    assert kind("Polisi memastikan tidak ada warga yang tewas dalam kebakaran pasar itu.",
                "Dua warga tewas dalam kebakaran pasar itu.")[0] == "dispute"
    # a denial that goes on in its clause ("tidak ada ampun lagi") does not deny the words before it
    assert fact("Cuma berlaku sampai akhir bulan ini, setelahnya tidak ada ampun lagi!").denied == {stem("ampun")}


def test_one_contradiction_told_by_several_pairs_is_one_line_of_the_brief():
    from kroscek.compare.claims import Difference

    def disputed(claims: list[tuple[str, int]], a: str, b: str, slot: str = "identifier") -> CheckedFact:
        return CheckedFact("disputed", [CitedClaim(article, sentence, f"{article}:{sentence}") for article, sentence in claims],
                           [Difference(slot, a, b, f"{a} vs {b}")], 1, ["detikcom"], ["detikcom"])

    rule = disputed([("a1", 3), ("a4", 7)], "Permendikbudristek Nomor 55 Tahun 2024", "Permendikbudristek Nomor 54 Tahun 2024")
    again = disputed([("a2", 5), ("a4", 7)], "Permendikbudristek Nomor 54 Tahun 2024", "Permendikbudristek Nomor 55 Tahun 2024")
    other = disputed([("a1", 9), ("a3", 2)], "Permendikbudristek Nomor 55 Tahun 2024", "Permendikbudristek Nomor 30 Tahun 2021")
    day = disputed([("a1", 1), ("a2", 1)], "pada Senin (13/10)", "Senin (14/10)", "date")
    day_again = disputed([("a3", 1), ("a2", 1)], "Senin (13/10)", "pada Senin (14/10)", "date")
    denied = disputed([("a1", 4), ("a2", 4)], "membantah", "asserted", "denial")
    denied_other = disputed([("a3", 6), ("a4", 6)], "membantah", "asserted", "denial")
    agreed = CheckedFact("agreed", [CitedClaim("a1", 0, "x"), CitedClaim("a2", 0, "x")], [], 2, ["a", "b"])
    shown = one_per_contradiction([rule, agreed, again, other, day, day_again, denied, denied_other])
    assert shown == [rule, agreed, other, day, denied, denied_other]  # two denials are two facts, whatever their words
    assert [(c.article, c.sentence) for c in rule.claims] == [("a1", 3), ("a4", 7), ("a2", 5)]
    assert [(c.article, c.sentence) for c in day.claims] == [("a1", 1), ("a2", 1), ("a3", 1)]


def test_a_value_among_many_is_disputed_only_when_its_words_say_whose_it_is():
    table = fact("Italia berada di posisi ketiga dengan tiga poin di bawah Israel yang meraih enam angka di urutan kedua "
                 "dari Norwegia dengan 12 poin di puncak klasemen.", "a")
    assert relate(table, fact("Italia naik ke urutan ketiga dengan 3 poin, tertinggal 9 angka dari Norwegia di puncak "
                              "klasemen.", "b"), STRONG).kind != "dispute"
    # with few values, the same count told two ways still disputes
    assert kind("Israel meraih enam angka di urutan kedua klasemen grup.",
                "Israel meraih sembilan angka di urutan kedua klasemen grup.") == ("dispute", "number")


def test_a_count_of_what_a_claim_sets_apart_disputes_nothing():
    # the regular programme's 20.88 million, set apart by "di luar", is not the new one's 35.04 million
    assert kind("BLTS akan menjangkau 35,04 juta keluarga penerima manfaat (KPM).",
                "BLT Kesra merupakan tambahan bantuan di luar BLT reguler yang sudah disalurkan Kementerian Sosial "
                "kepada 20,88 juta keluarga penerima manfaat (KPM).")[0] != "dispute"
    # "selain itu" only goes on: the count is the claim's own
    assert kind("Selain itu, korban yang tewas dalam kebakaran pasar mencapai lima orang.",
                "Korban yang tewas dalam kebakaran pasar mencapai tujuh orang.") == ("dispute", "number")
