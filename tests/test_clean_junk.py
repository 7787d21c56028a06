"""Junk inside the text: inline datelines, related-link headlines, promos, photo credits, tables of
contents and glued words must not reach the sentences that claims and summaries are built from.

The unit tests use pages written for them; the corpus test runs clean + sentence splitting over
real scraped Indonesian news in ``shared/data`` (skipped without it) and counts junk sentences.
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kroscek.text.sentences import split_sentences
from kroscek.clean import (
    Cleaned,
    assemble_paragraphs,
    clean,
    cut_split_datelines,
    drop_lead_ins,
    glued_split,
    split_glued_words,
    strip_inline,
)
from kroscek.model import Document

BODY = "Harga beras di pasar tradisional naik dua pekan terakhir."


def _clean(text: str, title: str = "Harga Beras Naik") -> Cleaned:
    return clean(Document(source="x", title=title, text=text, language="id"))


def _removed(cleaned: Cleaned) -> list[tuple[str, str]]:
    return [(item.reason, item.text) for item in cleaned.removed]


# --- inline pieces ---------------------------------------------------------------------------


def test_inline_datelines_are_cut_and_kept() -> None:
    for dateline in ("TEMPO.CO, Jakarta -", "Liputan6.com, Jakarta -", "REPUBLIKA.CO.ID, GRESIK --", "Kapanlagi.com -"):
        text, removed = strip_inline(f"Pedagang mengeluh. {dateline} {BODY}")
        assert text == f"Pedagang mengeluh. {BODY}"
        assert [(item.reason, item.text) for item in removed] == [("dateline", dateline)]


def test_dateline_glued_to_the_text_before_it() -> None:
    text, removed = strip_inline(f"Harga Beras NaikTEMPO.CO, Jakarta - {BODY}")
    assert text == f"Harga Beras Naik {BODY}"
    assert [item.text for item in removed] == ["TEMPO.CO, Jakarta -"]


def test_bare_capital_dateline_after_a_sentence() -> None:
    text, removed = strip_inline(f"Pedagang mengeluh. JAKARTA - {BODY}")
    assert text == f"Pedagang mengeluh. {BODY}"
    assert [item.text for item in removed] == ["JAKARTA -"]


def test_dashes_that_are_not_datelines_stay() -> None:
    for paragraph in (
        "Konsorsium IJM - CHEC menyelesaikan studi kelayakan.",
        "Layanan dibuka pukul 16.30 WIB - 19.30 WIB setiap Kamis.",
        "Rute Jakarta-Bandung ditempuh tiga jam.",
    ):
        assert strip_inline(paragraph) == (paragraph, [])


def test_related_link_headline_runs_to_the_end_of_the_paragraph() -> None:
    text, removed = strip_inline(f"{BODY} Simak selengkapnya!Baca Juga:Pedagang Pasar Minta Operasi Pasar")
    assert text == f"{BODY} Simak selengkapnya!"
    assert removed[0].reason == "related link"
    assert removed[0].text == "Baca Juga:Pedagang Pasar Minta Operasi Pasar"


def test_promo_and_photo_credits_inside_paragraphs() -> None:
    paragraph = (
        "Warga antre di depan kios (AP Photo/Budi Santoso) sejak pagi. Pedagang menambah stok "
        "(Foto: dok. Dinas Pasar). Kalau bukan sekarang, KapanLagi?"
    )
    text, removed = strip_inline(paragraph)
    assert text == "Warga antre di depan kios sejak pagi. Pedagang menambah stok."
    assert sorted(item.reason for item in removed) == ["photo credit", "photo credit", "promo"]


def test_english_calls_to_action_are_no_article_text() -> None:
    """Outlets' calls to action, closing a paragraph or on lines of their own, are neither facts nor
    summary lines: on two pages of different events they would read as one agreed claim."""
    body = "The council approved the new budget on Monday after a long debate."
    cut = (f"{body} To access the full text of the article, click here",
           f"{body} HAVE YOUR SAY Like the Example Gazette's Facebook page, follow us on Twitter")
    for paragraph in cut:
        text, removed = strip_inline(paragraph)
        assert text == body and [item.reason for item in removed] == ["promo"]
    assert strip_inline("Residents who like the park's Facebook page were invited to the opening.")[1] == []
    lines = [body, "Like the Example Gazette's Facebook page, follow us on Twitter and Instagram",
             "To receive our FREE email newsletter, click HERE", "The budget takes effect in July."]
    cleaned = clean(Document(source="x", title="Budget Approved", text="\n".join(lines), language="en"))
    assert cleaned.paragraphs == [body, "The budget takes effect in July."]


# --- whole lines -----------------------------------------------------------------------------


def test_promo_caption_and_editor_pick_lines() -> None:
    text = "\n".join([
        BODY,
        "Ikuti Whatsapp Channel Warta Pasar",
        "Pedagang menata beras di kios. Foto: dok. Dinas Pasar",
        "Kios beras di pasar induk (credit: instagram.com/wartapasar)",
        "ANTARA FOTO/Budi Santoso/foc.",
        "Pilihan editor: Harga Cabai Turun Menjelang Lebaran",
        "Pedagang berharap harga kembali turun bulan depan.",
    ])
    cleaned = _clean(text)
    assert cleaned.paragraphs == [BODY, "Pedagang berharap harga kembali turun bulan depan."]
    assert [reason for reason, _ in _removed(cleaned)] == ["promo", "photo caption", "photo caption", "credit", "related link"]


def test_lead_in_lines_take_their_headlines() -> None:
    lines = [
        "Daftar Isi",
        "Harga Beras di Pasar Induk",
        "Stok Beras Menjelang Lebaran",
        "Jakarta",
        "-",
        BODY,
        "Baca juga:",
        "Pedagang Pasar Minta Operasi Pasar, Ini Kata Wali Kota!",
        "Stok Beras Menjelang Lebaran",
        "Pedagang berharap harga turun.",
        "Baca Juga",
        "Operasi Pasar Digelar di Lima Kecamatan",
        "Harga Cabai Turun Menjelang Lebaran",
        "Adapun stok beras di gudang, kata dia, masih cukup untuk",
    ]
    kept, removed = drop_lead_ins(lines)
    assert [(item.reason, item.text) for item in removed] == [
        ("table of contents", "Daftar Isi"),
        ("table of contents", "Harga Beras di Pasar Induk"),
        ("table of contents", "Stok Beras Menjelang Lebaran"),
        ("related link", "Baca juga:"),
        ("related link", "Pedagang Pasar Minta Operasi Pasar, Ini Kata Wali Kota!"),
        ("related link", "Baca Juga"),
        ("related link", "Operasi Pasar Digelar di Lima Kecamatan"),
        ("related link", "Harga Cabai Turun Menjelang Lebaran"),
    ]
    assert kept[3:6] == ["Jakarta", "-", BODY]
    assert kept[8:10] == ["Stok Beras Menjelang Lebaran", "Pedagang berharap harga turun."]
    assert kept[-1] == lines[-1]


# --- datelines and lines cut around links ------------------------------------------------------


def test_datelines_cut_into_lines_anywhere() -> None:
    lines = ["Alamat", "Jakarta", "-", "Pasar induk", "dibuka setiap hari.", "JAKARTA, KOMPAS.com", "- Pedagang mengeluh."]
    kept, found = cut_split_datelines(lines)
    assert found == [("Jakarta -", None), ("JAKARTA, KOMPAS.com -", "KOMPAS.com")]
    assert [line for line in kept if line] == ["Alamat", "Pasar induk", "dibuka setiap hari.", "Pedagang mengeluh."]


def test_detik_dateline_form_names_no_text_as_title() -> None:
    cleaned = _clean("Jakarta\n-\nPedagang beras\nmengeluh harga naik.\nHarga naik dua pekan terakhir.")
    assert cleaned.paragraphs == ["Pedagang beras mengeluh harga naik.", "Harga naik dua pekan terakhir."]
    assert _removed(cleaned) == [("dateline", "Jakarta -")]


def test_lines_cut_around_links_join_and_headings_stay_apart() -> None:
    lines = [
        "Direktur lembaga itu,",
        "Siti Aminah",
        "mendesak agar anggota polisi",
        "Polsek Kota Hujan",
        ", diproses secara pidana.",
        "Syarat Pemutihan Pajak Kendaraan",
        "Warga wajib membawa KTP.",
    ]
    assert assemble_paragraphs(lines) == [
        "Direktur lembaga itu, Siti Aminah mendesak agar anggota polisi Polsek Kota Hujan , diproses secara pidana.",
        "Syarat Pemutihan Pajak Kendaraan",
        "Warga wajib membawa KTP.",
    ]


# --- glued words -------------------------------------------------------------------------------


def test_glued_words_split_only_when_sure() -> None:
    assert glued_split("beritabahwa", "id") == ("berita", "bahwa")
    assert glued_split("Kebakaranmelanda", "id") == ("Kebakaran", "melanda")
    assert glued_split("Unmenurut", "id", previous="Jong") == ("Un", "menurut")
    assert glued_split("eksekutifBudiman", "id") == ("eksekutif", "Budiman")
    for word in ("Widhiantara", "Sakata", "Pangaribuan", "Babaturan", "detikNews", "pemberitahuan", "Indonesia"):
        assert glued_split(word, "id", previous="Made") is None, word


def test_split_glued_words_records_each_split() -> None:
    paragraphs, warnings = split_glued_words(
        ["Kebakaranmelanda pasar itu pada Senin pagi, kata Kim Jong Unmenurut laporan humas@pasarkota.id."], "id"
    )
    assert paragraphs == ["Kebakaran melanda pasar itu pada Senin pagi, kata Kim Jong Un menurut laporan humas@pasarkota.id."]
    assert [(w.kind, w.span) for w in warnings] == [("glued-words", "Kebakaranmelanda"), ("glued-words", "Unmenurut")]


# --- real scraped news -------------------------------------------------------------------------

SAMPLE = 200
_OUTLET_DATELINE = re.compile(r"(?<![\w.@/])[A-Za-z][A-Za-z0-9]*\.(?:com|co\.id|CO\.ID|CO)\b(?:, ?[A-Z][A-Za-z]+)? ?[-–—]{1,2}\s")
_CITY_DATELINE = re.compile(r"^(?:[A-Z][a-z]+|[A-Z]{5,})(?: [A-Z][a-z]+| [A-Z]{5,})?,? [-–—]{1,2} ")
JUNK = {
    # a city dateline opens the sentence, and no list of "Name - value" items follows
    "dateline": lambda s: bool(_OUTLET_DATELINE.search(s) or (_CITY_DATELINE.match(s) and s.count(" - ") == 1 and len(s.split()) >= 8)),
    "baca juga": re.compile(r"(?i)\bbaca\s+juga\b").search,
    "photo credit": re.compile(
        r"(?i)\((?:ap|afp|antara|reuters)?\s*(?:photo|foto)\b|\bantara foto\b|(?<!\w)foto\s*:|\((?:credit|image by)\b"
    ).search,
    "pilihan editor": re.compile(r"(?i)\bpilihan\s+editor\b").search,
    "promo": re.compile(
        r"(?i)\bikuti\s+(?:saluran\s+)?(?:whatsapp|google\s+news)|\bwhatsapp\s+channel\b|kalau bukan sekarang, kapanlagi"
    ).search,
    "daftar isi": re.compile(r"(?i)^daftar isi\W*$").search,
    # the editors' initials that end a detik page, and the topic tags printed after them
    "sign-off": re.compile(r"\([a-z][a-z0-9]{1,4}(?:/[a-z][a-z0-9]{1,4})+\)[a-z0-9\s-]*$").search,
}
_RELATED_HEADLINE = re.compile(r"^\s*(?:yuk\s+)?baca\s+juga\s*:?\s*\n([^\n]+)", re.IGNORECASE | re.MULTILINE)


def _documents(shared_data: Path) -> Iterator[tuple[str, Document]]:
    for path in sorted((shared_data / "indonews-early-june-2025").glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                yield "indonews", Document(source=path.name, title=row["title"], text=row["content"], language="id")
    with (shared_data / "detik-1000" / "articles.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in random.Random(7).sample(rows, SAMPLE):
        yield "detik", Document(source=row["id"], title=row["judul"], text=row["isi_berita"], language="id")


def _glued(sentence: str) -> list[str]:
    tokens = sentence.split()
    return [
        core
        for previous, token in zip(["", *tokens], tokens)
        if len(core := token.strip("\"“”‘’'()[]{}.,;:!?…")) >= 6 and core.isalpha()
        and glued_split(core, "id", previous=previous.strip(",.;:"))
    ]


def _related_headlines(text: str) -> set[str]:
    """Headlines under a "Baca juga:" line, of four words or more, that the text does not also
    print as its own content (a digest of headlines repeats them as its sections)."""
    found = [match.group(1).strip() for match in _RELATED_HEADLINE.finditer(text)]
    return {headline for headline in found if len(headline.split()) >= 4 and text.count(headline) == found.count(headline)}


def junk_sentences(documents: Iterator[tuple[str, Document]]) -> dict[tuple[str, str], list[str]]:
    """Sentences that still carry junk, by (corpus, kind)."""
    found: dict[tuple[str, str], list[str]] = {}
    for corpus, doc in documents:
        cleaned = clean(doc)
        related = _related_headlines(doc.text)
        for sentence in split_sentences(cleaned.paragraphs, "id"):
            kinds = [kind for kind, detect in JUNK.items() if detect(sentence.text)]
            kinds += ["related headline"] if any(headline in sentence.text for headline in related) else []
            kinds += ["glued word"] if _glued(sentence.text) else []
            for kind in kinds:
                found.setdefault((corpus, kind), []).append(sentence.text)
    return found


def test_no_junk_sentences_in_scraped_news(shared_data: Path) -> None:
    found = junk_sentences(_documents(shared_data))
    assert {key: texts[:3] for key, texts in found.items()} == {}


@pytest.mark.slow  # claims and summary lines of every scraped article
def test_no_junk_in_facts_or_summary_lines_of_scraped_news(shared_data: Path) -> None:
    """What a brief shows is built from these: every claim (the facts compared across outlets)
    and every single-article summary line of the early-June scrape and the detik sample."""
    from kroscek.compare.summary import summarise_article
    from kroscek.compare.claims import extract_claims
    from kroscek.model import Article

    found: dict[tuple[str, str], list[str]] = {}
    for number, (corpus, doc) in enumerate(_documents(shared_data)):
        cleaned = clean(doc)
        related = _related_headlines(doc.text)
        sentences = split_sentences(cleaned.paragraphs, "id")
        article = Article(str(number), doc.source, cleaned.title, "\n\n".join(cleaned.paragraphs), language="id",
                          sentences=sentences)
        lines = [c.text for c in extract_claims(article)] + [s.text for s in summarise_article(article)]
        for line in lines:
            kinds = [kind for kind, detect in JUNK.items() if detect(line)]
            kinds += ["related headline"] if any(headline in line for headline in related) else []
            kinds += ["glued word"] if _glued(line) else []
            for kind in kinds:
                found.setdefault((corpus, kind), []).append(line)
    assert {key: texts[:3] for key, texts in found.items()} == {}
