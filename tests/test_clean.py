"""The clean stage: header lines, boilerplate, datelines, repeats and damage warnings."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kroscek.clean import Cleaned, assemble_paragraphs, clean
from kroscek.model import Document

SEED_COPY = "000_f7bc1c657a1d3bcf.txt"
SEED_ORIGINAL = "001_c0434308e74a6022.txt"


def _seed(seeds_dir: Path, name: str) -> Cleaned:
    path = seeds_dir / name
    return clean(Document(source=str(path), text=path.read_text(encoding="utf-8")))


def _reasons(cleaned: Cleaned) -> dict[str, list[str]]:
    reasons: dict[str, list[str]] = {}
    for item in cleaned.removed:
        reasons.setdefault(item.reason, []).append(item.text)
    return reasons


def _body(cleaned: Cleaned) -> str:
    return "\n\n".join(cleaned.paragraphs)


# --- the seeds ---------------------------------------------------------------------------------


def test_seed_copy_header_lines_become_page_date_outlet_and_headline(seeds_dir: Path) -> None:
    cleaned = _seed(seeds_dir, SEED_COPY)
    assert cleaned.published == "2024-12-22"
    assert cleaned.outlet == "Semarak News"
    assert cleaned.title.startswith("Pemimpin Donetsk yang memproklamirkan diri")
    assert cleaned.title.endswith("dengan Korea Utara")
    reasons = _reasons(cleaned)
    assert reasons["page date"] == ["Desember 22, 2024"]
    assert reasons["outlet banner"] == ["Semarak News"]
    assert reasons["section tag"] == ["| Ukraina"]
    assert reasons["promo"][0].startswith("Temukan semua artikel terbaru")


def test_seed_copy_body_has_no_header_or_credit_lines(seeds_dir: Path) -> None:
    cleaned = _seed(seeds_dir, SEED_COPY)
    body = _body(cleaned)
    for noise in ("Semarak News", "Desember 22, 2024", "Temukan semua", "| Ukraina", "Reuters berkontribusi"):
        assert noise not in body
    assert cleaned.paragraphs[0].startswith("Korea Utara dan wilayah Donetsk")
    assert cleaned.paragraphs[-1].startswith("Sebagai tanggapan, Ukraina")
    assert _reasons(cleaned)["credit"] == ["Reuters berkontribusi pada laporan ini."]


def test_seed_copy_damage_is_reported(seeds_dir: Path) -> None:
    warnings = _seed(seeds_dir, SEED_COPY).warnings
    spans = {(w.kind, w.span) for w in warnings}
    assert ("glued-words", "Unmenurut") in spans
    assert any(kind == "glued-words" and "beritabahwa" in span for kind, span in spans)
    assert any(kind == "truncated-name" and span.startswith("KCN") for kind, span in spans)
    assert ("mid-sentence-capital", "Mengirim") in spans
    assert ("mid-sentence-capital", "Di") in spans
    assert ("dangling-fragment", "Korea Utara.") in spans
    assert any(kind == "dangling-fragment" and span.startswith("ilegal di masa lalu") for kind, span in spans)
    for warning in warnings:
        assert warning.span in warning.context and warning.message


def test_seed_original_outlet_comes_from_its_dateline(seeds_dir: Path) -> None:
    cleaned = _seed(seeds_dir, SEED_ORIGINAL)
    assert cleaned.title == "Surati Kim Jong Un, Pemimpin Separatis Donetsk Incar Kerja Sama dengan Korea Utara"
    assert cleaned.outlet == "KONTAN.CO.ID"
    assert cleaned.published is None
    assert _reasons(cleaned)["dateline"] == ["KONTAN.CO.ID - PYONGYANG."]
    assert cleaned.paragraphs[0].startswith("Pemimpin separatis Donetsk, Denis Pushilin,")


def test_seed_original_drops_related_links_and_one_repeated_sentence(seeds_dir: Path) -> None:
    cleaned = _seed(seeds_dir, SEED_ORIGINAL)
    reasons = _reasons(cleaned)
    assert len(reasons["related link"]) == 2
    assert all(text.startswith("Baca Juga:") for text in reasons["related link"])
    assert "Baca Juga" not in _body(cleaned)
    repeated = "Korea Utara dilaporkan juga sudah melakukan diskusi serupa dengan Luhansk."
    assert reasons["repeated sentence"] == [repeated]
    assert _body(cleaned).count(repeated) == 1
    assert cleaned.paragraphs[-1].endswith("di timur Ukraina.")


def test_seed_original_has_no_damage_warnings(seeds_dir: Path) -> None:
    assert _seed(seeds_dir, SEED_ORIGINAL).warnings == []


# --- self-written pages ------------------------------------------------------------------------


def test_known_title_keeps_document_fields_and_drops_its_section_tag() -> None:
    doc = Document(
        source="x",
        title="Gubernur Resmikan Jembatan Baru di Kota Hujan - Nasional",
        text="Gubernur Resmikan Jembatan Baru di Kota Hujan\nGubernur meresmikan jembatan itu pada Senin pagi.",
        outlet="Warta Kota Hujan",
        published="10/21/2025 20:43",
    )
    cleaned = clean(doc)
    assert cleaned.title == "Gubernur Resmikan Jembatan Baru di Kota Hujan"
    assert cleaned.outlet == "Warta Kota Hujan"
    assert cleaned.published == "2025-10-21"
    assert cleaned.paragraphs == ["Gubernur meresmikan jembatan itu pada Senin pagi."]
    assert {item.reason for item in cleaned.removed} == {"section tag", "repeated headline"}


def test_short_headline_followed_by_body_is_not_an_outlet_banner() -> None:
    text = "Gempa Guncang Kota Hujan\n\nGempa bermagnitudo 5,1 mengguncang kota itu pada Selasa malam. Warga berhamburan keluar rumah."
    cleaned = clean(Document(source="x", text=text))
    assert cleaned.title == "Gempa Guncang Kota Hujan"
    assert cleaned.outlet is None
    assert len(cleaned.paragraphs) == 1


def test_date_line_under_the_headline_is_the_page_date() -> None:
    text = "Gempa Guncang Kota Hujan\nSelasa, 21 Oktober 2025\n\nGempa mengguncang kota itu pada Selasa pagi."
    cleaned = clean(Document(source="x", text=text))
    assert cleaned.title == "Gempa Guncang Kota Hujan"
    assert cleaned.published == "2025-10-21"
    assert cleaned.paragraphs == ["Gempa mengguncang kota itu pada Selasa pagi."]


@pytest.mark.parametrize(
    ("opening", "dateline", "outlet"),
    [
        ("JAKARTA, KOMPAS.com - ", "JAKARTA, KOMPAS.com -", "KOMPAS.com"),
        ("JAKARTA (Reuters) - ", "JAKARTA (Reuters) -", "Reuters"),
        ("Jakarta (ANTARA) - ", "Jakarta (ANTARA) -", "ANTARA"),
        ("(ANTARA) - ", "(ANTARA) -", "ANTARA"),
        ("KONTAN.CO.ID - JAKARTA. ", "KONTAN.CO.ID - JAKARTA.", "KONTAN.CO.ID"),
        ("Jakarta - ", "Jakarta -", None),
    ],
)
def test_datelines_are_removed_and_name_the_outlet(opening: str, dateline: str, outlet: str | None) -> None:
    body = "Harga beras di pasar tradisional naik dua pekan terakhir."
    cleaned = clean(Document(source="x", title="Harga Beras Naik", text=opening + body))
    assert cleaned.paragraphs == [body]
    assert [(item.text, item.reason) for item in cleaned.removed] == [(dateline, "dateline")]
    assert cleaned.outlet == outlet


def test_single_newline_paragraphs_and_boilerplate_lines() -> None:
    text = (
        "Wali kota meninjau pasar pada Senin pagi. Ia didampingi kepala dinas.\n"
        "SCROLL TO CONTINUE WITH CONTENT\n"
        '"Kami pastikan stok aman," kata wali kota.\n'
        "Simak juga Video 'Wali Kota Tinjau Pasar Pagi Ini':\n"
        "ADVERTISEMENT\n"
        "Harga cabai turun\n"
        "menjadi Rp 40.000 per kilogram.\n"
        "Saksikan LiveDetikpagi:"
    )
    cleaned = clean(Document(source="x", title="Wali Kota Tinjau Pasar", text=text))
    assert cleaned.paragraphs == [
        "Wali kota meninjau pasar pada Senin pagi. Ia didampingi kepala dinas.",
        '"Kami pastikan stok aman," kata wali kota.',
        "Harga cabai turun menjadi Rp 40.000 per kilogram.",
    ]
    assert [item.reason for item in cleaned.removed] == ["advertisement", "related link", "advertisement", "related link"]


def test_hard_wrapped_lines_join_and_short_lines_end_paragraphs() -> None:
    lines = [
        "Pemerintah kota menyiapkan dua puluh titik pengungsian bagi warga",
        "yang rumahnya terendam banjir sejak Sabtu malam, kata kepala badan",
        "penanggulangan bencana daerah setempat kepada wartawan di Balai Kota.",
        "Bantuan mulai disalurkan.",
        "Sebagian warga memilih bertahan di lantai dua rumah mereka sambil",
        "menunggu air surut.",
    ]
    assert assemble_paragraphs(lines) == [
        " ".join(lines[:4]),
        " ".join(lines[4:]),
    ]


def test_glued_and_stray_capital_damage_in_written_text() -> None:
    text = (
        "Perdana menteri itu mengirim surat kepada Presiden Joko Widodomenurut kantor berita setempat.\n\n"
        "Pemerintah daerah sangat membutuhkan Menambah tenaga medis di wilayah itu.\n\n"
        "Rencana itu disampaikan direktur eksekutifBudiman dalam rapat pekan lalu."
    )
    spans = {(w.kind, w.span) for w in clean(Document(source="x", title="Surat", text=text)).warnings}
    assert ("glued-words", "Widodomenurut") in spans
    assert ("mid-sentence-capital", "Menambah") in spans
    assert ("glued-words", "eksekutifBudiman") in spans


def test_clean_written_text_has_no_warnings() -> None:
    text = (
        "Keterangan lengkap dapat dibaca di laman kemenkeu.go.id atau ditanyakan lewat humas@kemenkeu.go.id. "
        "Warga juga dapat mengirim surat ke redaksi.tempo@example.com pekan ini.\n\n"
        "Menteri Keuangan mengatakan penerimaan pajak naik 12 persen dibandingkan tahun lalu. "
        "Kenaikan itu didorong oleh konsumsi rumah tangga, kata dia di Jakarta, Senin (20/10).\n\n"
        '"Kami optimistis target tercapai," ujar Menteri Keuangan. Badan Pusat Statistik (BPS) mencatat '
        "inflasi tetap terkendali di angka 2,65 persen."
    )
    assert clean(Document(source="x", title="Penerimaan Pajak Naik", text=text)).warnings == []


# --- professional text: few warnings -----------------------------------------------------------


def test_few_warnings_on_professional_news_text(shared_data: Path) -> None:
    with (shared_data / "detik-1000" / "articles.csv").open(encoding="utf-8") as handle:
        rows = [row for i, row in enumerate(csv.DictReader(handle)) if i % 10 == 9]  # held out of words-id.tsv
    warnings = [
        len(clean(Document(source=row["id"], title=row["judul"], text=row["isi_berita"], published=row["tanggal"])).warnings)
        for row in rows
    ]
    assert sum(warnings) / len(warnings) < 0.2
    assert sum(count > 0 for count in warnings) <= 0.1 * len(warnings)


def test_list_items_stay_apart_and_cut_links_still_join() -> None:
    lines = [
        "Berikut ketentuan masuk taman kota gratis pekan ini.",
        "Periode gratis berlaku mulai 10 hingga 20 Juli",
        "Pendaftaran dibuka mulai 5 Juli 2025",
        "Setiap warga boleh mendaftar untuk dua orang",
        "Tiket tidak berlaku untuk parkir kendaraan.",
        "Taman yang dibuka:",
        "1. Taman Bunga Selatan",
        "Jam buka",
        "08.00-17.00 WIB",
        "- 1 buah",
        "sepeda lipat",
        "warna biru dengan harga limit Rp 500.000",
        "- 2 buah sepeda gunung",
        "Wali kota meminta anggota",
        "Satpol PP Kota",
        ", terutama petugas pos, berjaga hingga malam.",
        "Laga itu menjadi persiapan jelang laga",
        "Garuda vs Elang",
        "di stadion utama.",
    ]
    assert assemble_paragraphs(lines) == [
        "Berikut ketentuan masuk taman kota gratis pekan ini.",
        "Periode gratis berlaku mulai 10 hingga 20 Juli",
        "Pendaftaran dibuka mulai 5 Juli 2025",
        "Setiap warga boleh mendaftar untuk dua orang",
        "Tiket tidak berlaku untuk parkir kendaraan.",
        "Taman yang dibuka:",
        "1. Taman Bunga Selatan",
        "Jam buka 08.00-17.00 WIB",
        "- 1 buah sepeda lipat warna biru dengan harga limit Rp 500.000",
        "- 2 buah sepeda gunung",
        "Wali kota meminta anggota Satpol PP Kota , terutama petugas pos, berjaga hingga malam.",
        "Laga itu menjadi persiapan jelang laga Garuda vs Elang di stadion utama.",
    ]


def test_a_link_cut_out_of_its_brackets_closes_up() -> None:
    """A scrape cuts the linked short name out of its brackets; the brackets close up around it,
    so "Kementerian Agama (Kemenag)" reads as the name and its short form."""
    lines = ["Kementerian Agama (", "Kemenag", ") menegaskan tak ada pungutan dari petugas haji.",
             "Harga naik [", "lihat tabel", "] sejak Mei."]
    assert assemble_paragraphs(lines) == ["Kementerian Agama (Kemenag) menegaskan tak ada pungutan dari petugas haji.",
                                          "Harga naik [lihat tabel] sejak Mei."]


def test_an_open_quote_keeps_its_lines_together() -> None:
    lines = ['"Nanti kita pakai cara yang namanya', "Daur ulang sampah kota bersama", 'warga," katanya.']
    assert assemble_paragraphs(lines) == [" ".join(lines)]


def test_the_editors_sign_off_ends_the_body_and_the_topic_tags_after_it_are_removed() -> None:
    """A page that ends "(aid/ara)" and then its topic tags, one per line ("apbn 2026"): the tags
    are no paragraph of the article (a year among them would read as an event), and both are kept
    as removed with their reason."""
    text = "\n".join([
        "Kementerian menyusun pagu indikatif untuk tahun depan.",
        "Anggaran terbesar diberikan kepada badan yang mengurus program makan gratis.",
        "(aid/ara)",
        "badan gizi nasional",
        "apbn 2026",
    ])
    cleaned = clean(Document(source="page", text=text, title="Pagu indikatif disusun"))
    assert cleaned.paragraphs[-1].startswith("Anggaran terbesar")
    assert not any("2026" in p or "aid/ara" in p for p in cleaned.paragraphs)
    assert {(r.text, r.reason) for r in cleaned.removed} >= {("(aid/ara)", "sign-off"), ("apbn 2026", "topic tag")}
