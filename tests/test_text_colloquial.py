"""Informal Indonesian read in standard words (``text.colloquial``): every text invented."""

from __future__ import annotations

from kroscek.text.colloquial import standard


def test_chat_spellings_numbers_and_doubled_words_are_written_out():
    assert standard("bupati bagi2 duit 50 jt buat warga yg udah daftar") == \
        "bupati bagi-bagi uang 50 juta buat warga yang sudah daftar"
    assert standard("hadiah 35jt gak perlu bayar") == "hadiah 35 juta tidak perlu bayar"


def test_particles_and_hearsay_words_are_dropped_and_the_first_word_read_in_lower_case():
    assert standard("Katanya jembatan ambruk nih, 40 org tewas") == "Jembatan ambruk, 40 orang tewas"
    assert standard("Abis dicabut, pagar dibangun lagi dong") == "Habis dicabut, pagar dibangun lagi"


def test_a_chat_suffix_becomes_the_standard_one_only_on_an_unknown_word():
    assert standard("perhatiin videonya, bagiin ke grup") == "perhatikan videonya, bagikan ke grup"
    # words of news text that end the same way are left alone
    assert standard("warga ingin main di taman yang dingin") == "warga ingin main di taman yang dingin"


def test_names_acronyms_and_standard_text_are_left_as_they_are():
    assert standard("Putin bilang GAK ada perang") == "Putin mengatakan GAK ada perang"
    text = "Presiden meresmikan jembatan baru di Kota Lestari, Senin (2/6/2025)."
    assert standard(text) is text
    assert standard("") == ""


def test_phrases_that_only_vouch_for_the_message_are_dropped():
    assert standard("Bupati bagi bantuan per anak, real bukan hoax, yg mau tinggal WA nomor ini") == \
        "Bupati bagi bantuan per anak, yang mau tinggal WA nomor ini"
    assert standard("Bupati bagi uang, bukan hoax!") == "Bupati bagi uang!"
    # where the phrase is the claim itself, it stays
    assert standard("Kominfo pastikan video banjir bukan hoaks") == "Kominfo pastikan video banjir bukan hoaks"
    assert standard("Video ini asli bukan editan!") == "Video ini asli bukan editan!"


def test_links_abbreviations_and_other_languages_are_left_as_they_are():
    assert standard("Prof. Dr. Zubairi bilang gak ada") == "Prof. Dr. Zubairi mengatakan tidak ada"
    assert standard("daftar di bansos.org atau fb.com/bansos, yg penting gratis") == \
        "daftar di bansos.org atau fb.com/bansos, yang penting gratis"
    assert standard("ambruk, nih, 40 org tewas") == "ambruk, 40 orang tewas"  # no comma left doubled
    assert standard("Russian spy arrested in Berlin", "en") == "Russian spy arrested in Berlin"
