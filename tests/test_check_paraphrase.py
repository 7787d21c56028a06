"""Matching a claim to a fact-check: a claim retold in other words is the checked claim; one that
keeps the words and changes the thing, the place, the month or the person is not (made-up text)."""

from __future__ import annotations

import pytest
from test_check import _index

from kroscek.check import _kin, _verb_like, _writes_amount, claim_fact
from kroscek.compare.facts import stems
from kroscek.text.synonyms import synonym_groups


def _stem(word: str) -> str:
    return next(iter(stems(word, "id")))


def test_words_of_one_meaning_are_kin_and_two_things_of_one_kind_are_not():
    assert _kin(_stem("sowan"), _stem("berkunjung"))
    assert _kin(_stem("kediaman"), _stem("rumah"))
    assert _kin(_stem("mengerahkan"), _stem("mengirim"))
    assert not _kin(_stem("mobil"), _stem("motor"))
    assert not _kin(_stem("kediaman"), _stem("kantor"))
    # no word stands in two groups: a group is one meaning
    words = [w for group in synonym_groups("id") for w in group]
    assert len(words) == len(set(words))
    assert synonym_groups("xx") == ()


def test_a_verb_is_told_by_its_prefix_and_a_known_root():
    assert _verb_like("menangkap") and _verb_like("dibuka") and _verb_like("kerahkan")
    assert not _verb_like("diabetes") and not _verb_like("gangguan") and not _verb_like("badai")


def test_a_claim_in_other_words_is_the_checked_claim():
    index = _index({"claim": "Bupati Sentosa dan Kapolres Berkunjung ke Rumah Kiai Lestari", "url": "u/1",
                    "conclusion": "Unggahan berisi narasi “Bupati Sentosa dan Kapolres berkunjung ke rumah Kiai "
                                  "Lestari” merupakan konten yang menyesatkan."})
    hits = index.match(claim_fact("Bupati Sentosa bersama Kapolres sowan ke kediaman Kiai Lestari"), threshold=0.3)
    assert [h.url for h in hits] == ["u/1"]


def test_the_same_words_about_another_thing_are_another_claim():
    index = _index({"claim": "Video Warung di Negeri Antah Menyajikan Daging Rusa", "url": "u/1",
                    "conclusion": "Unggahan video warung di Negeri Antah yang menyajikan daging rusa merupakan "
                                  "konten palsu."})
    assert index.match(claim_fact("Video warung di Negeri Antah yang menyajikan daging rusa"), threshold=0.3)
    # the word next to a word both say is another thing on each side: another claim
    assert not index.match(claim_fact("Video warung di Negeri Antah yang menyajikan tulang rusa"), threshold=0.3)


# (the checked claim, its fact-check's conclusion, the claim told again, the claim with one thing changed)
_NEAR_MISSES = [
    pytest.param("Pasukan Merpati Indonesia Tiba di Lembah Sunyi",
                 "Video pasukan Merpati Indonesia tiba di Lembah Sunyi merupakan konten keliru.",
                 "Pasukan Merpati Indonesia sudah tiba di Lembah Sunyi",
                 "Pasukan Merpati Malaysia sudah tiba di Lembah Sunyi", id="another country beside the same name"),
    pytest.param("Bakal Ada Pandemi Baru “KOSTA” Mulai April 2031 di Brasil", "",
                 "Pandemi baru bernama KOSTA akan muncul di Brasil April 2031",
                 "Pandemi baru bernama KOSTA akan muncul di Brasil Juni 2031", id="another month"),
    pytest.param("Tautan Pendaftaran Beasiswa Yayasan Lestari",
                 "Unggahan berisi tautan pendaftaran beasiswa Yayasan Lestari merupakan konten tiruan.",
                 "Pendaftaran beasiswa Yayasan Lestari dibuka lewat tautan ini",
                 "Pendaftaran beasiswa Yayasan Lestari ditutup lewat tautan ini",
                 id="a deed that undoes what the fact-check tells"),
    pytest.param("Prabowo Kunker ke Pulau Damai Imbas Kemelut Sentosa",
                 "Narasi Prabowo kunjungan kerja ke Pulau Damai karena kemelut Sentosa merupakan konten yang menyesatkan.",
                 "Prabowo kunker ke Pulau Damai karena kemelut Sentosa",
                 "Anies kunker ke Pulau Damai karena kemelut Sentosa",
                 id="another person before a known name run on with a headline word"),
]


@pytest.mark.parametrize(("checked", "conclusion", "same", "changed"), _NEAR_MISSES)
def test_the_claim_with_one_thing_changed_is_another_claim(checked, conclusion, same, changed):
    index = _index({"claim": checked, "url": "u/1", "conclusion": conclusion})
    assert index.match(claim_fact(same), threshold=0.3)
    assert not index.match(claim_fact(changed), threshold=0.3)


def test_an_amount_only_the_conclusion_states_is_compared():
    index = _index({"claim": "Bantuan Tunai dari Yayasan Lestari untuk Warga", "url": "u/1",
                    "conclusion": "Unggahan berisi klaim bantuan tunai Rp50 juta dari Yayasan Lestari untuk warga "
                                  "pada 2031 merupakan konten tiruan. (Ditulis oleh Sentosa)"})
    assert index.match(claim_fact("Yayasan Lestari bagikan bantuan tunai Rp50 juta untuk warga"), threshold=0.3)
    # another amount where the conclusion states one: another claim; the conclusion's year is no amount
    assert not index.match(claim_fact("Yayasan Lestari bagikan bantuan tunai Rp15 juta untuk warga"), threshold=0.3)
    dated = _index({"claim": "Bantuan Tunai dari Yayasan Lestari untuk Warga", "url": "u/2",
                    "conclusion": "Unggahan berisi klaim bantuan tunai dari Yayasan Lestari untuk warga yang beredar "
                                  "pada 2031 merupakan konten tiruan."})
    assert dated.match(claim_fact("Yayasan Lestari bagikan bantuan tunai Rp15 juta untuk warga"), threshold=0.3)


def test_the_event_the_fact_check_checked_must_be_told():
    index = _index({"claim": "Jajanan Gula Kapas Bikin Banyak Murid Meninggal", "url": "u/1",
                    "conclusion": "Unggahan berisi klaim banyak murid meninggal karena keracunan jajanan gula kapas "
                                  "merupakan konten yang menyesatkan."})
    assert index.match(claim_fact("Banyak murid tewas usai jajan gula kapas"), threshold=0.3)
    # poisoned is not died: the claim does not say what was checked
    assert not index.match(claim_fact("Banyak murid keracunan usai jajan gula kapas"), threshold=0.3)


def test_a_span_of_time_two_sizes_apart_is_another_moment():
    index = _index({"claim": "Belum Seminggu Dilantik, Wali Kota Sentosa Digugat Partai Lestari", "url": "u/1"})
    # "belum seminggu" tells a span, not a deed denied; "beberapa hari" may be that span
    assert index.match(claim_fact("Baru beberapa hari dilantik, Wali Kota Sentosa digugat Partai Lestari"),
                       threshold=0.3)
    assert not index.match(claim_fact("Setahun setelah dilantik, Wali Kota Sentosa digugat Partai Lestari"),
                           threshold=0.3)


def test_the_words_that_ask_the_reader_to_act_are_no_part_of_the_claim():
    index = _index({"claim": "Kontak WhatsApp Rekrutmen Pendamping Desa K3LAS", "url": "u/1",
                    "conclusion": "Unggahan tersebut merupakan konten palsu."})
    # "daftar lewat nomor ..., klik link di bio" asks the reader to act: not missed where the fact-check has it not
    assert index.match(claim_fact("Rekrutmen pendamping desa K3LAS gaji Rp7-15 juta per bulan, daftar lewat nomor "
                                  "WhatsApp, klik link di bio"), threshold=0.3)
    assert not index.match(claim_fact("Rekrutmen pendamping desa K3LAS gaji Rp7-15 juta per bulan untuk lulusan SMA "
                                      "di kota besar"), threshold=0.3)


def test_a_code_s_digits_are_no_amount():
    assert not _writes_amount("Kontak Rekrutmen P3TGAI") and not _writes_amount("vaksin covid19")
    assert _writes_amount("gaji Rp20 juta") and _writes_amount("harga 1.500.000,") and _writes_amount("tahun 2031.")


def test_a_shortening_counts_only_for_the_fact_check_that_writes_it():
    index = _index({"claim": "Zat Pewarna dalam Sabun Picu Gangguan Kulit dan Risiko Alergi", "url": "u/1",
                    "conclusion": "Narasi zat pewarna dalam sabun jadi pemicu gangguan kulit dan risiko alergi "
                                  "merupakan konten yang menyesatkan."},
                   {"claim": "Ganja Dijual Bebas di Kota Sentosa", "url": "u/2"})
    assert index.match(claim_fact("Zat pewarna dalam sabun memicu gangguan kulit dan alergi"), threshold=0.3)
    # "gangguan jantung" read as "ganja" (a word of another fact-check) drops the word that differs
    assert not index.match(claim_fact("Zat pewarna dalam sabun memicu gangguan jantung dan alergi"), threshold=0.3)


def test_a_verb_without_a_prefix_is_no_other_thing_at_the_head():
    index = _index({"claim": "Ada Hadiah untuk Peserta Uji Coba Obat Flu Sentosa", "url": "u/1",
                    "conclusion": "Unggahan berisi klaim ada hadiah untuk peserta uji coba obat flu Sentosa merupakan "
                                  "konten yang menyesatkan."})
    # "ikut" is a deed, not a thing before the words both say; "tes" and "uji" are one meaning
    assert index.match(claim_fact("Ikut tes obat flu Sentosa, peserta diberi hadiah Rp150 ribu"), threshold=0.3)
    assert _verb_like("ikut") and not _verb_like("obat")


def test_a_name_in_a_headline_s_capitals_is_no_word_of_what_happened():
    index = _index({"claim": "Program “Lapor Pak Bupati” Ditutup", "url": "u/1",
                    "conclusion": "Unggahan berisi klaim program Lapor Pak Bupati ditutup merupakan konten yang "
                                  "menyesatkan."})
    # the claim writes the programme's name as a name: on both sides it is no word of what happened
    assert index.match(claim_fact("Layanan Lapor Pak Bupati resmi dihentikan"), threshold=0.3)
    assert not index.match(claim_fact("Layanan Lapor Pak Bupati resmi diluncurkan"), threshold=0.3)


def test_two_words_of_one_root_are_found_with_a_dropped_first_letter():
    from kroscek.check import _one_root

    assert _one_root("menyajikan", "penyaji") and _one_root("mengirim", "kirim")
    assert not _one_root("bantuan", "bantal") and not _one_root("perang", "pernah")
    index = _index({"claim": "Video Warung Penyaji Daging Rusa di Negeri Antah", "url": "u/1",
                    "conclusion": "Unggahan video warung penyaji daging rusa di Negeri Antah merupakan konten palsu."})
    assert index.match(claim_fact("Video warung di Negeri Antah yang menyajikan daging rusa"), threshold=0.3)
    # the only thing that differs, beside a word both say: another claim
    assert not index.match(claim_fact("Video warung di Negeri Antah yang menyajikan tulang rusa"), threshold=0.3)


def test_the_platform_a_post_went_round_is_no_subject_but_another_platform_is_another_post():
    index = _index({"claim": "Akun Facebook “Program Undian Berhadiah Bank Lestari”", "url": "u/1",
                    "conclusion": "Akun Facebook Program Undian Berhadiah Bank Lestari merupakan konten tiruan."})
    # the claim does not say where the account is: the fact-check's "Facebook" is no other subject
    assert index.match(claim_fact("Akun Undian Berhadiah Bank Lestari bagikan mobil Sentosa X, klik daftar"),
                       threshold=0.3)
    other = _index({"claim": "Penyanyi Sentosa Bagi-Bagi Puluhan Ponsel Lewat TikTok", "url": "u/2"})
    assert other.match(claim_fact("Penyanyi Sentosa bagi-bagi hadiah puluhan ponsel lewat TikTok"), threshold=0.3)
    assert not other.match(claim_fact("Penyanyi Sentosa bagi-bagi hadiah puluhan ponsel lewat YouTube"),
                           threshold=0.3)


def test_words_of_one_meaning_are_kin_only_in_the_language_that_groups_them():
    from kroscek.check import _found_in

    # "duit" / "uang" are one meaning in Indonesian; an English claim's words are not read by Indonesian groups
    others = [("duit", "duit", False)]
    assert _found_in("uang", "uang", others, "id")
    assert not _found_in("uang", "uang", others, "en")
