"""Sentence splitting: sentencex plus merges after abbreviations, initials and inside tokens."""

from __future__ import annotations

from pathlib import Path

import pytest

from kroscek.text.sentences import split_paragraph, split_sentences
from kroscek.clean import clean
from kroscek.model import Document


@pytest.mark.parametrize(
    "sentence",
    [
        "Menurut KONTAN.CO.ID harga emas naik lagi.",
        "Kantor itu berada di Jl. Merdeka Barat nomor 9.",
        "Penelitian oleh Sari dkk. menunjukkan hasil serupa.",
        "Hadir pula Prof. Budi Santoso dalam acara itu.",
        "Ia dirawat oleh Dr. Andi Wijaya di rumah sakit.",
        "Surat itu bernomor No. 12 tahun ini.",
        "Ekonomi tumbuh 3,5 persen pada kuartal ketiga.",
        "Harga gula Rp 1.500 lebih mahal dari pekan lalu.",
        "Kuasa hukumnya, Rina Putri S.H. Datang bersama keluarga.",
        "Bandara itu dinamai M. Hatta oleh pemerintah.",
        "Dana dikirim a.n. Yayasan Sehat Bersama pekan lalu.",
        "Pasar menjual beras, gula, minyak dll. Semua harganya naik.",
        "The U.S. Treasury said Mr. Brown would testify.",
    ],
)
def test_abbreviations_numbers_and_initials_never_split(sentence: str) -> None:
    assert split_paragraph(sentence, "id") == [sentence]


def test_real_sentence_ends_still_split() -> None:
    text = 'Banjir melanda kota itu. Warga mengungsi ke masjid! "Kami butuh selimut," kata Ani. Bantuan tiba Selasa.'
    assert split_paragraph(text, "id") == [
        "Banjir melanda kota itu.",
        "Warga mengungsi ke masjid!",
        '"Kami butuh selimut," kata Ani.',
        "Bantuan tiba Selasa.",
    ]


def test_sentences_are_numbered_across_paragraphs() -> None:
    sentences = split_sentences(["Satu kalimat. Dua kalimat.", "Tiga   kalimat\ndi sini."], "id")
    assert [(s.index, s.paragraph, s.text) for s in sentences] == [
        (0, 0, "Satu kalimat."),
        (1, 0, "Dua kalimat."),
        (2, 1, "Tiga kalimat di sini."),
    ]


def test_seed_sentences_keep_dates_and_quotes_whole(seeds_dir: Path) -> None:
    path = seeds_dir / "001_c0434308e74a6022.txt"
    cleaned = clean(Document(source=str(path), text=path.read_text(encoding="utf-8")))
    texts = [s.text for s in split_sentences(cleaned.paragraphs, "id")]
    assert any(t.startswith("Pemimpin separatis Donetsk") and t.endswith("(15/8) lalu.") for t in texts)
    assert any(t.startswith('"Orang-orang di Donbas') and t.endswith("seperti dikutip Reuters.") for t in texts)
    assert all(t[0].isupper() or t[0] in "\"“" for t in texts)
