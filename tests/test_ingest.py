"""Ingest: every input format to Document, and every kind of bad input to one clear Rejected."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kroscek.eval import extraction
from kroscek.eval.extraction import token_scores
from kroscek.ingest import MAX_DOCUMENT_BYTES, list_inputs, read_file, read_paths
from kroscek.model import Document, Rejected

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
DETIK_COLUMNS = {"title": "judul", "text": "isi_berita", "published": "tanggal", "url": "tautan"}


def read(path: Path, **options) -> list[Document | Rejected]:
    return list(read_file(path, **options))


def only_document(path: Path, **options) -> Document:
    items = read(path, **options)
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def only_rejection(path: Path, **options) -> str:
    items = read(path, **options)
    assert len(items) == 1 and isinstance(items[0], Rejected), items
    assert items[0].source == str(path)
    return items[0].reason


# --- plain text ---------------------------------------------------------------------------------


def test_markdown_file_is_the_whole_text_without_bom_carriage_returns_or_markup():
    doc = only_document(FIXTURES / "artikel.md")
    assert doc.source == str(FIXTURES / "artikel.md")
    assert doc.title is None
    assert doc.text.startswith("Panen Raya di Desa Sumber Rejeki\n\nPetani Desa Sumber Rejeki")
    assert "\r" not in doc.text and "\ufeff" not in doc.text
    assert "ketua kelompok tani." in doc.text
    assert doc.text.rstrip().endswith("Simak juga laporan lengkapnya di situs kami.")
    assert "sawah" not in doc.text.lower() and "https://" not in doc.text


def test_seed_folder_gives_its_two_articles_and_not_its_answer_key(seeds_dir):
    items = list(read_paths([seeds_dir]))
    assert [Path(item.source).name[:3] for item in items] == ["000", "001"]
    for item in items:
        assert isinstance(item, Document)
        assert item.text == Path(item.source).read_text(encoding="utf-8").replace("\r\n", "\n")


# --- HTML ----------------------------------------------------------------------------------------


def test_html_page_gives_article_text_title_outlet_date_and_canonical_url():
    doc = only_document(FIXTURES / "page.html")
    assert doc.title == "Warga Kampung Cempaka Gotong Royong Bersihkan Saluran Air"
    assert doc.outlet == "Kabar Pesisir"
    assert doc.published == "2025-03-10"
    assert doc.url == "https://kabarpesisir.example/daerah/2025/03/10/cempaka-gotong-royong"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].startswith("Ratusan warga Kampung Cempaka")
    assert paragraphs[-1].endswith("tidak membuang sampah ke saluran air.")
    assert any(p.startswith("Ketua RW 04 Supriyadi") for p in paragraphs)
    for boilerplate in ("Beranda", "Baca Juga", "Pasar Malam", "Hak cipta", "kuki", "Pedoman Media Siber"):
        assert boilerplate not in doc.text


def test_truncated_html_keeps_the_text_that_is_there():
    doc = only_document(FIXTURES / "truncated.html")
    assert doc.title == "Ferry Service to Pulau Seribu Resumes After Storm"
    assert doc.outlet == "Harbour Times"  # from the <title> suffix: the page names no site
    assert doc.text.startswith("Ferry services between the mainland port")
    assert doc.text.endswith("for the rest of the w")
    assert "Sport" not in doc.text


def test_html_without_article_text_is_rejected(tmp_path):
    page = tmp_path / "cut.html"
    page.write_text("<html><head><title>Judul</title></head><body><div><p>", encoding="utf-8")
    assert only_rejection(page) == "no article text found"


def test_html_fragment_without_page_markup_is_read(tmp_path):
    fragment = tmp_path / "potongan.html"
    fragment.write_text("<h2>Gempa Guncang Buru Raya</h2><p>Gempa bermagnitudo 5,1 mengguncang Buru Raya pada "
                        "Rabu pagi. Tidak ada laporan korban jiwa.</p>", encoding="utf-8")
    doc = only_document(fragment)
    assert doc.title == "Gempa Guncang Buru Raya"
    assert doc.text.endswith("Gempa bermagnitudo 5,1 mengguncang Buru Raya pada Rabu pagi. Tidak ada laporan korban jiwa.")


def test_html_table_rows_stay_together_in_one_paragraph(tmp_path):
    page = tmp_path / "hasil.html"
    lead = "<p>Panitia mengumumkan hasil pemilihan kepala desa Sukamaju setelah penghitungan suara selesai.</p>"
    page.write_text(f"<html><body><article><h1>Hasil Pilkades</h1>{lead * 3}<table><tr><th>Calon</th><th>Suara</th>"
                    "</tr><tr><td>Budi</td><td>1.204</td></tr><tr><td>Sari</td><td>987</td></tr></table>"
                    "<p>Pelantikan dijadwalkan bulan depan.</p></article></body></html>", encoding="utf-8")
    paragraphs = only_document(page).text.split("\n\n")
    assert paragraphs[-2:] == ["Calon | Suara\nBudi | 1.204\nSari | 987", "Pelantikan dijadwalkan bulan depan."]


def test_html_in_its_declared_legacy_charset_is_decoded(tmp_path):
    page = tmp_path / "lama.html"
    body = "<p>Harga cabai naik \u2013 pedagang menyebutnya \u201cmahal sekali\u201d di pasar induk kota.</p>" * 3
    page.write_bytes(f'<html><head><meta charset="windows-1252"><title>Cabai</title></head>'
                     f"<body><article>{body}</article></body></html>".encode("cp1252"))
    assert "naik \u2013 pedagang menyebutnya \u201cmahal sekali\u201d" in only_document(page).text


# --- feeds ---------------------------------------------------------------------------------------


def test_rss_entries_become_documents_with_link_date_and_outlet():
    first, second = read(FIXTURES / "feed.rss")
    assert first.title == "Bendungan Sukamaju Mulai Diisi Air"
    assert first.source == first.url == "https://wartalembah.example/2025/04/02/bendungan-sukamaju-diisi"
    assert first.published == "2025-04-02T06:30:00+07:00"
    assert first.outlet == second.outlet == "Warta Lembah"
    assert first.text.split("\n\n") == [
        "Balai Wilayah Sungai mulai mengisi Bendungan Sukamaju, Rabu (2/4/2025). "
        "Pengisian awal dijadwalkan berlangsung selama enam bulan.",
        "\u201cKami pantau setiap hari ketinggian airnya,\u201d kata kepala balai, Yohanes Sitompul.",
    ]
    assert second.published == "2025-04-01T23:45:00+07:00"
    assert second.text.split("\n\n")[1] == "Dinas Pertanian menyebut kenaikan dipicu permintaan penggilingan."


def test_atom_entry_without_text_is_rejected_and_the_rest_is_read():
    doc, rejected = read(FIXTURES / "feed.atom")
    assert doc.title == "New pier opens at Sunda Kelapa"
    assert doc.published == "2025-05-06T07:30:00+07:00"
    assert doc.outlet == "Harbour Times"
    assert doc.text == ("A new passenger pier opened at Sunda Kelapa harbour on Tuesday, the port operator said."
                        "\n\nThe pier can berth three ferries at once.")
    assert isinstance(rejected, Rejected)
    assert rejected.source == "https://harbourtimes.example/gallery/harbour-dawn"
    assert rejected.reason.startswith("entry 2: no text")


def test_malformed_feed_is_rejected_with_the_parser_message(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text("<rss><channel><item><title>Tanpa penutup", encoding="utf-8")
    assert only_rejection(feed).startswith("malformed feed: ")


def test_feed_and_pages_are_recognised_by_content_when_the_suffix_does_not_say(tmp_path):
    feed = tmp_path / "feed"
    shutil.copy(FIXTURES / "feed.rss", feed)
    xhtml = tmp_path / "page.xml"
    shutil.copy(FIXTURES / "page.html", xhtml)
    lines = tmp_path / "upload"
    shutil.copy(FIXTURES / "records.jsonl", lines)
    assert [item.title for item in read(feed)] == [item.title for item in read(FIXTURES / "feed.rss")]
    assert only_document(xhtml).outlet == "Kabar Pesisir"
    assert [type(item) for item in read(lines)] == [type(item) for item in read(FIXTURES / "records.jsonl")]


# --- JSON records ------------------------------------------------------------------------------


def test_jsonl_bad_lines_are_rejected_one_by_one():
    first, broken, textless, last = read(FIXTURES / "records.jsonl")
    assert first.source == first.url == "https://contoh.example/sekolah-rakyat"
    assert (first.title, first.outlet, first.published, first.language) == (
        "Sekolah Rakyat Dibuka di Batu Merah", "Kabar Batu Merah", "2025-07-14", "id")
    assert first.text.split("\n\n")[1] == "Sebanyak 120 siswa mengikuti hari pertama."
    assert broken.source == f"{FIXTURES / 'records.jsonl'}#2"
    assert broken.reason.startswith("line 2: invalid JSON: Unterminated string")
    assert textless.reason == "line 3: record has no 'text' field"
    assert last.source == f"{FIXTURES / 'records.jsonl'}#5"
    assert last.language == "en"


def test_json_list_numbers_its_records_and_a_single_object_is_the_file(tmp_path):
    first, wrong, third = read(FIXTURES / "records.json")
    assert first.source == f"{FIXTURES / 'records.json'}#1" and first.published == "2025-08-01"
    assert wrong.reason == "record 2: expected a JSON object, got a string"
    assert third.outlet == "Suara Dusun"
    single = tmp_path / "satu.json"
    single.write_text('{"title": "Satu", "text": "Isi satu berita."}', encoding="utf-8")
    assert only_document(single).source == str(single)


def test_json_keys_follow_the_mapping_and_a_wrapped_list_is_found(tmp_path):
    export = tmp_path / "ekspor.json"
    export.write_text('{"status": "ok", "articles": [{"judul": "Satu", "isi": "Isi berita satu.", "tautan": '
                      '"https://contoh.example/1"}, {"judul": "Dua", "ringkasan": "Tanpa isi."}]}', encoding="utf-8")
    first, second = read(export, columns={"title": "judul", "text": "isi", "url": "tautan"})
    assert (first.source, first.title, first.text) == ("https://contoh.example/1", "Satu", "Isi berita satu.")
    assert second.reason == "record 2: record has no 'isi' field"
    assert only_rejection(export, columns={"body": "isi"}).startswith("unknown field 'body'")


# --- CSV -----------------------------------------------------------------------------------------


def test_csv_with_indonesian_columns_reads_through_the_mapping():
    path = FIXTURES / "berita.csv"
    festival, empty, fishers = read(path, columns=DETIK_COLUMNS)
    assert festival.title == "Festival Layang-Layang Digelar di Pantai Pasir Putih"
    assert festival.source == festival.url == "https://contoh.example/festival-layang"
    assert festival.text.split("\n\n") == [
        "Festival layang-layang tahunan digelar di Pantai Pasir Putih, Sabtu (6/9/2025).",
        '"Angin sedang bagus," kata panitia, Made Sudarma.',
    ]
    assert festival.published == "9/6/2025 10:30"
    assert (empty.source, empty.reason) == (f"{path}#2", "row 2: record has no text")
    assert fishers.source == f"{path}#3" and fishers.url is None


def test_csv_without_mapping_or_known_columns_names_the_columns_found():
    reason = only_rejection(FIXTURES / "berita.csv")
    assert reason.startswith("no 'text' column; columns found: judul, isi_berita, tanggal, tautan, penulis")
    reason = only_rejection(FIXTURES / "berita.csv", columns={"text": "isi"})
    assert reason.startswith("no column 'isi' (mapped to text)")
    reason = only_rejection(FIXTURES / "berita.csv", columns={"body": "isi_berita"})
    assert reason.startswith("unknown field 'body'")


def test_csv_with_standard_names_semicolons_and_tsv(tmp_path):
    semicolons = tmp_path / "export.csv"
    semicolons.write_text('Title;Text;Outlet\nBanjir Surut;"Air mulai surut; warga pulang.";Kabar Kota\n',
                          encoding="utf-8")
    doc = only_document(semicolons)
    assert (doc.title, doc.text, doc.outlet) == ("Banjir Surut", "Air mulai surut; warga pulang.", "Kabar Kota")
    tabs = tmp_path / "export.tsv"
    tabs.write_text("title\ttext\turl\nJembatan Baru\tJembatan baru dibuka.\thttps://contoh.example/j\n",
                    encoding="utf-8")
    assert only_document(tabs).source == "https://contoh.example/j"


def test_detik_csv_reads_every_article(shared_data):
    path = shared_data / "detik-1000" / "articles.csv"
    if not path.exists():
        pytest.skip(f"{path} not found")
    items = read(path, columns=DETIK_COLUMNS)
    assert len(items) == 1000
    assert all(isinstance(item, Document) for item in items)
    assert all(item.source == item.url and item.url.startswith("https://") for item in items)
    assert all(item.title and item.published for item in items)
    text_by_source = {item.source: item.text for item in items}
    assert all(text_by_source[item.source] == item.text for item in items)  # repeated rows repeat exactly
    assert sum("\n\n" in item.text for item in items) > 800  # multi-line quoted fields kept whole
    assert not any("\r" in item.text for item in items)


# --- WARC ----------------------------------------------------------------------------------------


def write_warc(path: Path) -> None:
    """A small crawl: a request, two pages, a 404, an image and a redirect."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")

        def response(url: str, status: str, content_type: str, body: bytes, date: str) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": date})
            writer.write_record(record)

        writer.write_record(writer.create_warc_record("https://kabarpesisir.example/cempaka", "request",
                                                      payload=io.BytesIO(b"GET /cempaka HTTP/1.1\r\n\r\n")))
        response("https://kabarpesisir.example/cempaka", "200 OK", "text/html; charset=utf-8",
                 (FIXTURES / "page.html").read_bytes(), "2025-03-11T02:00:00Z")
        response("https://kabarpesisir.example/hilang", "404 Not Found", "text/html", b"<p>Tidak ada</p>",
                 "2025-03-11T02:00:01Z")
        response("https://kabarpesisir.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n", "2025-03-11T02:00:02Z")
        response("https://harbourtimes.example/ferry", "200 OK", "text/html",
                 (FIXTURES / "truncated.html").read_bytes(), "2025-05-07T10:00:00Z")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_become_documents(tmp_path, name):
    path = tmp_path / name
    write_warc(path)
    cempaka, ferry = read(path)
    assert cempaka.source == "https://kabarpesisir.example/cempaka"
    assert cempaka.url == "https://kabarpesisir.example/daerah/2025/03/10/cempaka-gotong-royong"
    assert cempaka.title == only_document(FIXTURES / "page.html").title
    assert cempaka.published == "2025-03-10"
    assert ferry.source == ferry.url == "https://harbourtimes.example/ferry"
    assert ferry.published == "2025-05-07"
    assert ferry.text.startswith("Ferry services between the mainland port")


def test_corrupt_or_foreign_warc_is_rejected(tmp_path):
    broken = tmp_path / "broken.warc"
    broken.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\n<html>")
    assert only_rejection(broken).startswith("invalid WARC record 1: ")
    foreign = tmp_path / "notes.warc"
    foreign.write_text("just some notes\n", encoding="utf-8")
    assert only_rejection(foreign) == "not a WARC file (it does not start with a WARC/ header)"
    requests_only = tmp_path / "requests.warc"
    with requests_only.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        writer.write_record(writer.create_warc_record("https://contoh.example/", "request",
                                                      payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    assert only_rejection(requests_only) == "no HTML pages in the archive (records read: 1)"


# --- bad input -----------------------------------------------------------------------------------


def test_empty_binary_unknown_and_missing_files_are_rejected(tmp_path):
    (tmp_path / "kosong.txt").write_bytes(b"")
    (tmp_path / "spasi.txt").write_text(" \n\n \n", encoding="utf-8")
    (tmp_path / "tabel.xlsx").write_bytes(b"PK\x03\x04")
    assert only_rejection(tmp_path / "kosong.txt") == "empty file"
    assert only_rejection(tmp_path / "spasi.txt") == "empty file (only whitespace)"
    assert only_rejection(FIXTURES / "scan.txt") == "binary file (not text)"
    assert only_rejection(tmp_path / "tabel.xlsx") == "unsupported file type .xlsx"
    assert only_rejection(tmp_path / "tidak-ada.txt") == "no such file"
    assert only_rejection(tmp_path) == "is a directory"
    for suffix in (".csv", ".jsonl", ".rss", ".warc"):
        (tmp_path / f"kosong{suffix}").write_bytes(b"")
        assert only_rejection(tmp_path / f"kosong{suffix}") == "empty file"


def test_windows_1252_file_is_rejected_with_a_hint_and_read_with_the_encoding_given():
    path = FIXTURES / "legacy-cp1252.txt"
    assert only_rejection(path) == (
        "not valid UTF-8 at byte 17; looks like Windows-1252 \u2014 re-run with --encoding cp1252")
    doc = only_document(path, encoding="cp1252")
    assert doc.text.startswith("Harga Cabai Naik \u2013 Pedagang Mengeluh\n\n\u201cHarganya mahal sekali,\u201d")
    assert only_rejection(path, encoding="no-such-codec") == "unknown encoding 'no-such-codec'"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".json"])
def test_too_large_single_article_file_is_rejected_unread(tmp_path, monkeypatch, suffix):
    path = tmp_path / f"besar{suffix}"
    with path.open("wb") as handle:
        handle.truncate(50 * 2**20)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("a too-large file was read"))
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: pytest.fail("a too-large file was opened"))
    assert only_rejection(path) == f"file too large: 50.0 MB > {MAX_DOCUMENT_BYTES // 2**20} MB limit"


def test_one_bad_file_does_not_stop_the_batch(tmp_path):
    shutil.copy(FIXTURES / "scan.txt", tmp_path / "a-scan.txt")
    shutil.copy(FIXTURES / "artikel.md", tmp_path / "b-artikel.md")
    (tmp_path / "c-kosong.html").write_bytes(b"")
    shutil.copy(FIXTURES / "records.jsonl", tmp_path / "d-records.jsonl")
    kinds = [(Path(item.source.split("#")[0]).name, type(item).__name__) for item in read_paths([tmp_path])]
    assert kinds == [("a-scan.txt", "Rejected"), ("b-artikel.md", "Document"), ("c-kosong.html", "Rejected"),
                     ("sekolah-rakyat", "Document"), ("d-records.jsonl", "Rejected"),
                     ("d-records.jsonl", "Rejected"), ("d-records.jsonl", "Document")]


# --- listing inputs ------------------------------------------------------------------------------


def test_list_inputs_expands_folders_in_order_and_skips_what_is_not_an_article(tmp_path):
    for name in ("b.txt", "a/z.html", "a/c.jsonl", ".hidden.txt", ".git/x.txt", "README.md", "labels.json",
                 "notes.docx", "Makefile"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    given = tmp_path / "notes.docx"
    listed = list_inputs([tmp_path, given, tmp_path / "b.txt", "missing.txt"])
    assert [p.relative_to(tmp_path).as_posix() if p.is_absolute() else str(p) for p in listed] == [
        "a/c.jsonl", "a/z.html", "b.txt", "notes.docx", "missing.txt"]


# --- extraction evaluation ------------------------------------------------------------------------


def test_token_scores_count_shared_words():
    assert token_scores("Banjir besar di kota", "banjir besar melanda kota kami") == (0.75, 0.6)
    assert token_scores("", "apa saja") == (0.0, 0.0)


def test_extraction_evaluation_scores_pages_against_their_bodies(shared_data):
    folder = shared_data / "extraction-benchmark"
    if not (folder / "ground-truth.json").exists():
        pytest.skip(f"{folder} not found")
    figures = extraction.main(folder, limit=5)
    assert figures["pages"] == 5
    assert figures["kroscek"]["f1"] > 0.8 and figures["kroscek"]["empty"] == 0
