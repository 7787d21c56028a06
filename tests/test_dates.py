"""Dates: page dates, event-date resolution (Indonesian and English), staleness."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kroscek.analyse.dates import (
    find_event_dates,
    firm_days,
    is_stale,
    stale_against_story,
    stale_cutoff,
    staleness,
)
from kroscek.compare.provenance import find_stale
from kroscek.model import Article, EventDate, Sentence
from kroscek.text.dates import parse_page_date

PAGE = date(2024, 12, 22)  # a Sunday
TODAY = date(2026, 11, 22)


def resolve(text: str, page_date: date | None = PAGE, language: str = "id") -> list[tuple[str, str]]:
    """(date, precision) of every expression in one sentence."""
    return [(d.date, d.precision) for d in find_event_dates([Sentence(0, text, 0)], page_date, language, today=TODAY)]


def seed(seeds_dir: Path, prefix: str) -> tuple[list[EventDate], date | None]:
    """A seed's event dates, each non-empty line a sentence; a leading page-date line is the page date."""
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    page = parse_page_date(lines[0])
    page_date = date.fromisoformat(page) if page else None
    body = lines[1:] if page_date else lines
    sentences = [Sentence(i, line, i) for i, line in enumerate(body)]
    return find_event_dates(sentences, page_date, "id", today=TODAY), page_date


def test_page_dates():
    assert parse_page_date("Desember 22, 2024") == "2024-12-22"
    assert parse_page_date("10/21/2025 20:43", languages=("en",)) == "2025-10-21"
    assert parse_page_date("Semarak News") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("dikirim pada hari Senin (15/8) lalu.", ("2022-08-15", "day")),
    ("KCNA, pada hari Rabu (17/8) menyampaikan", ("2022-08-17", "day")),
    ("kata dia, Selasa (21/10/2025).", ("2025-10-21", "day")),
    ("Senin (15/8/2022)", ("2022-08-15", "day")),
    ("ujarnya, Rabu, (27/8/2025).", ("2025-08-27", "day")),
    ("disampaikan Selasa malam (23/9/2025).", ("2025-09-23", "day")),
    ("pada 15 Agustus Hari Pembebasan Korea", ("2024-08-15", "day")),
    ("pada 15 Agustus 2022", ("2022-08-15", "day")),
    ("perjanjian yang ditandatangani pada 2019", ("2019", "year")),
    ("dipulangkan pada akhir 2019", ("2019", "year")),
    ("Ia tiba kemarin.", ("2024-12-21", "day")),
    ("Rapat digelar hari ini.", ("2024-12-22", "day")),
    ("Sidang dilanjutkan besok.", ("2024-12-23", "day")),
    ("Ia ditangkap pekan lalu.", ("2024-12-15", "week")),
    ("Ia ditangkap minggu lalu.", ("2024-12-15", "week")),
    ("Bulan lalu, duta besar itu berkata", ("2024-11", "month")),
    ("mereka bertemu bulan lalu", ("2024-11", "month")),
    ("merdeka pada bulan Juli lalu", ("2024-07", "month")),
    ("Juli lalu harga naik", ("2024-07", "month")),
    ("Pada bulan Juli, Korea Utara mengakui", ("2024-07", "month")),
    ("Angkanya naik tahun lalu.", ("2023", "year")),
    ("seperti orang Korea 77 tahun yang lalu", ("1947", "year")),
    ("dua hari lalu", ("2024-12-20", "day")),
    ("3 hari yang lalu", ("2024-12-19", "day")),
    ("Awal pekan ini, Putin berkata", ("2024-12-16", "week")),
    ("dibawa pada hari Senin.", ("2024-12-16", "day")),
    ("Pidato pada hari Selasa, Putin berkata", ("2024-12-17", "day")),
    ("sejak September 2022", ("2022-09", "month")),
    ("Desember 22, 2024", ("2024-12-22", "day")),
    ("pasca kerusuhan Mei 2024 silam", ("2024-05", "month")),
    ("kawasan yang ditetapkan UNESCO 2019 yang lalu", ("2019", "year")),
    ("dimulai pada musim panas 2015", ("2015", "year")),
    ("laba bersih tahun buku 2023", ("2023", "year")),
])
def test_indonesian_expressions(text, expected):
    assert resolve(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("the minister said on Monday", ("2024-12-16", "day")),
    ("talks collapsed last week", ("2024-12-15", "week")),
    ("prices rose last month", ("2024-11", "month")),
    ("North Korea recognised them in July", ("2024-07", "month")),
    ("on August 15 he wrote", ("2024-08-15", "day")),
    ("on 15 August 2022 he wrote", ("2022-08-15", "day")),
    ("two days ago", ("2024-12-20", "day")),
    ("He arrived yesterday.", ("2024-12-21", "day")),
    ("Monday, August 15, 2022", ("2022-08-15", "day")),
])
def test_english_expressions(text, expected):
    assert resolve(text, language="en") == [expected]


@pytest.mark.parametrize("text", [
    "inflasi di sekitar 2 persen",
    "harga Rp 1.500 per kilogram",
    "tumbuh 3,5 persen",
    "tiba pukul 10.00 WIB",
    "diunggah 20:43",
    "skor (15/8) di babak pertama",
    "sebanyak 2019 orang hadir",
    "era 1990-an",
    "Layanan berjalan setiap Senin hingga Jumat.",
    "kegiatan Jumat Sehat di balai kota",
    "Hari Lingkungan Hidup yang diperingati setiap 5 Juni",
    "menjelaskan bahwa makan pagi ini adalah bantuan",
    "Kalender Pendidikan Tahun 2024/2025",
])
def test_no_false_dates(text):
    assert resolve(text) == []


def test_english_modal_is_not_a_month():
    assert resolve("it may rain in the afternoon", language="en") == []


def test_weekday_fixes_the_year_without_page_date():
    """15 August is a Monday in 2016, 2022 and 2033: the latest not after today wins."""
    assert resolve("hari Senin (15/8) lalu", page_date=None) == [("2022-08-15", "day")]
    assert resolve("Presiden berangkat pada hari Senin", page_date=None) == []


def test_weekday_allows_a_coming_date_after_the_page():
    assert resolve("Sidang digelar Selasa (28/10).", page_date=date(2025, 10, 21)) == [("2025-10-28", "day")]


def test_year_slip_corrected_by_weekday_near_the_page():
    """7 October is a Tuesday in 2025, not 2024: on a page of that day the year is the slip."""
    assert resolve("kata dia, Selasa (7/10/2024).", page_date=date(2025, 10, 7)) == [("2025-10-07", "day")]
    assert resolve("kata dia, Selasa (22/10/2025).", page_date=date(2025, 10, 22)) == [("2025-10-22", "day")]


def test_month_or_far_year_slip_corrected_by_weekday_near_the_page():
    """10 May 2025 is a Saturday and 8 June 2027 a Tuesday; the page's own month and year fit the
    weekday. A weekday that fits the date as written is left alone."""
    assert resolve("kata Bamsoet, Selasa (10/5/2025).", page_date=date(2025, 6, 10)) == [("2025-06-10", "day")]
    assert resolve("tutur Oki, Minggu (8/6/2027).", page_date=date(2025, 6, 9)) == [("2025-06-08", "day")]
    assert resolve("kata dia, Sabtu (10/5/2025).", page_date=date(2025, 6, 10)) == [("2025-05-10", "day")]


def test_weekday_slip_of_a_day_near_the_page():
    """4 June 2025 is a Wednesday: six days before the page, "Minggu (4/6)" is that day with a wrong
    weekday, not 4 June 2023; a day and month months away still take the year of their weekday."""
    assert resolve("ditemukan pada hari Minggu (4/6), sekitar", page_date=date(2025, 6, 10)) == [("2025-06-04", "day")]
    assert resolve("hari Senin (15/8) lalu", page_date=date(2024, 12, 16)) == [("2022-08-15", "day")]


def test_upcoming_month_and_future_cue():
    page = date(2025, 10, 21)
    assert resolve("musim hujan pada November", page_date=page) == [("2025-11", "month")]
    assert resolve("turun sejak Januari", page_date=page) == [("2025-01", "month")]
    assert resolve("pameran akan dibuka 5 Januari", page_date=page) == [("2026-01-05", "day")]
    assert resolve("ia ditangkap 29 Agustus", page_date=page) == [("2025-08-29", "day")]


def test_firmness():
    dates = find_event_dates([Sentence(0, "Rabu (18/12), sehari setelah 17 Desember 2024, dan kemarin", 0)], PAGE, "id",
                             today=TODAY)
    assert [(d.date, d.firm) for d in dates] == [("2024-12-18", True), ("2024-12-17", True), ("2024-12-21", False)]
    assert firm_days(dates) == [date(2024, 12, 18), date(2024, 12, 17)]


def test_relative_dates_count_from_the_texts_own_days_when_all_are_old():
    """Its only weekday-dated day is two years before the page: "kemarin" is the day before it."""
    dates = find_event_dates([Sentence(0, "Rabu (17/8), sehari setelah 16 Agustus 2022, dan kemarin", 0)], PAGE, "id",
                             today=TODAY)
    assert [(d.date, d.firm) for d in dates] == [("2022-08-17", True), ("2022-08-16", True), ("2022-08-16", False)]


def test_firm_days_anchor_relative_dates_without_page_date():
    sentences = [Sentence(0, "Surat dikirim hari Senin (15/8) lalu.", 0), Sentence(1, "Mereka bertemu bulan lalu.", 1)]
    dates = find_event_dates(sentences, None, "id", today=TODAY)
    assert [(d.date, d.sentence) for d in dates] == [("2022-08-15", 0), ("2022-07", 1)]


def test_seed_001_weekday_dates(seeds_dir):
    dates, page_date = seed(seeds_dir, "001")
    assert page_date is None
    firm = {d.date for d in dates if d.firm}
    assert {"2022-08-15", "2022-08-17"} <= firm
    assert is_stale(dates, page_date) is False


def test_seed_000_dates_from_its_own_time(seeds_dir):
    """Its page says December 2024, its text "77 tahun yang lalu" after Korea's Liberation Day (1945):
    the text was written in 2022, and its day and month without a year fall in 2022, not 2024."""
    dates, page_date = seed(seeds_dir, "000")
    assert page_date == date(2024, 12, 22)
    found = {(d.text, d.date, d.firm) for d in dates}
    assert ("15 Agustus", "2022-08-15", True) in found
    assert ("77 tahun yang lalu", "1945", False) in found
    assert {"2019", "2022-07", "2022-08-15"} <= {d.date for d in dates}
    assert not any(d.date.startswith("2024") for d in dates)


def test_seed_000_is_stale_against_its_story(seeds_dir):
    old, old_page = seed(seeds_dir, "001")
    republished, page_date = seed(seeds_dir, "000")
    story = firm_days(old) + firm_days(republished)
    assert stale_against_story(republished, page_date, story) is True
    assert stale_against_story(old, old_page, story) is False


def test_follow_up_with_new_days_is_not_stale_against_story():
    page = date(2024, 12, 22)
    follow_up = find_event_dates([Sentence(0, "Ia mengirim surat lagi pada 3 Desember.", 0)], page, "id")
    assert stale_against_story(follow_up, page, [date(2022, 8, 15)]) is False
    recent = find_event_dates([Sentence(0, "Pada 15 Agustus dan Jumat (20/12/2024) ia menulis.", 0)], page, "id")
    assert stale_against_story(recent, page, [date(2022, 8, 15)]) is False


def test_is_stale_on_a_late_news_page():
    page = date(2024, 12, 22)
    dates = find_event_dates([Sentence(0, "Kemarin, Senin (15/8/2022), ia bertemu menteri.", 0)], page, "id")
    assert is_stale(dates, page) is True
    history = find_event_dates([Sentence(0, "Konferensi digelar 28-29 Desember 1954.", 0)], page, "id")
    assert is_stale(history, page) is False
    fresh = find_event_dates([Sentence(0, "Kemarin, Jumat (20/12/2024), ia bertemu menteri.", 0)], page, "id")
    assert is_stale(fresh, page) is False


WEEKDAY_PAGE = date(2025, 6, 10)  # a Tuesday


@pytest.mark.parametrize(("text", "expected"), [
    ("dilarikan ke puskesmas pada Senin malam.", ("2025-06-09", "day")),
    ("Rabu malam koordinasi dengan Seskab", ("2025-06-04", "day")),
    ("ujarnya dalam keterangan tertulis, Selasa.", ("2025-06-10", "day")),
    ("penerbangan pengganti pada Kamis pagi.", ("2025-06-05", "day")),
    ("workshop di hari Minggu tanggal 8 Juni 2025.", ("2025-06-08", "day")),
    ("diperiksa penyidik pada Senin (2/6/2025).", ("2025-06-02", "day")),
])
def test_weekdays_resolve_against_the_page_date_or_the_date_beside_them(text, expected):
    """The latest such weekday on or before the page date, or the explicit date written beside it."""
    assert resolve(text, page_date=WEEKDAY_PAGE) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kecelakaan motor enam tahun lalu hampir merenggut nyawanya.", [("2019", "year")]),
    ("Saya bertemu dengannya dua tahun lalu di Bali.", [("2023", "year")]),
    ("kawasan yang ditetapkan UNESCO 2023 yang lalu", [("2023", "year")]),
    ("Indonesia merdeka pada 1945, 80 tahun silam.", [("1945", "year"), ("1945", "year")]),
    ("Ia menang Pilpres 2024 lalu.", []),
    ("turun dibandingkan beberapa tahun lalu", []),
    ("sejak melantai satu dekade silam, mobil itu terjual 250 ribu unit", [("2015", "year")]),
])
def test_years_ago_count_from_the_page(text, expected):
    assert resolve(text, page_date=WEEKDAY_PAGE) == expected


def test_years_ago_after_a_named_year_give_the_texts_own_year():
    """ "77 tahun yang lalu" after 1945 is 2022: the text's year, two years before its page, so a day
    and month without a year fall in 2022 and are fixed by the text."""
    sentences = [Sentence(0, "Korea merdeka pada 1945, dan rakyatnya berjuang seperti 77 tahun yang lalu.", 0),
                 Sentence(1, "Surat itu dikirim pada 15 Agustus.", 1), Sentence(2, "Ia tiba kemarin.", 2)]
    dates = find_event_dates(sentences, PAGE, "id", today=TODAY)
    assert [(d.text, d.date, d.firm) for d in dates] == [
        ("pada 1945", "1945", True), ("77 tahun yang lalu", "1945", False), ("15 Agustus", "2022-08-15", True)]
    assert is_stale(dates, PAGE) is False  # nothing is left to a day or week of its time
    same_year = find_event_dates([Sentence(0, "Merdeka pada 1945, 79 tahun silam. Kemarin ia tiba.", 0)], PAGE, "id")
    assert ("Kemarin", "2024-12-21") in {(d.text, d.date) for d in same_year}


@pytest.mark.parametrize(("text", "expected"), [
    ("melanggar gencatan senjata 27 November itu", [("2024-11-27", "day")]),
    ("Sejak menjabat pada 20 Januari, ia menindak imigrasi", [("2025-01-20", "day")]),
    ("berlangsung dari 30 Juli hingga 2 Agustus 2025 di Surabaya", [("2025-07-30", "day"), ("2025-08-02", "day")]),
    ("libur pada tanggal 28 Juni sampai 13 Juli 2025.", [("2025-06-28", "day"), ("2025-07-13", "day")]),
    ("Masuk gratis periode 10-20 Juni.", [("2025-06-10", "day"), ("2025-06-20", "day")]),
    ("festival pada 29 Desember hingga 2 Januari 2026", [("2025-12-29", "day"), ("2026-01-02", "day")]),
    ("putaran ke-19 pada 2--6 Juli 2024 di Bandung", [("2024-07-02", "day"), ("2024-07-06", "day")]),
])
def test_day_and_month_without_a_year(text, expected):
    """Never after the page unless the text says so; a range's written year holds for both ends."""
    assert resolve(text, page_date=WEEKDAY_PAGE) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("lima kasus pada Juni, 9 kasus pada Juli, dan 14 kasus pada Agustus 2024.",
     [("2024-06", "month"), ("2024-07", "month"), ("2024-08", "month")]),
    ("lima insiden dari November hingga awal Desember 2024.", [("2024-11", "month"), ("2024-12", "month")]),
    ("Pada 2024, ekspor naik 4 persen dari tahun sebelumnya.", [("2024", "year"), ("2023", "year")]),
    ("produksi mulai dari 2024 hingga 2026.", [("2024", "year"), ("2026", "year")]),
    ("setelah sukses besar BARBIE (2023), ia", [("2023", "year")]),
    ("musim libur Sabtu-Minggu membuat jalan penuh", []),
    ("insiden serupa pada Januari tahun 2024 lalu", [("2024-01", "month")]),
    ("rutin berkuda sejak Maret tahun lalu", [("2024-03", "month")]),
    ("sekolah dibuka pada 15 September 2025 yang bertepatan dengan hari Senin", [("2025-09-15", "day"), ("2025-09-15", "day")]),
    ("norma baru setelah 1965", [("1965", "year")]),
    ("laba bersih Rp 5 triliun sepanjang 2024", [("2024", "year")]),
    ("jalan sepanjang 2000 meter", []),
    ("Keputusan Nomor e-0131 Tahun 2023 tentang Kalender", []),
    ("Undang-Undang Darurat Sipil Tahun 2549 (2006)", []),
    ("disiarkan pada Senin-Jumat, pukul 15.30", []),
    ("sosialisasi pada 1-30 Juni 2025, peringatan pada 1-13 Juli, penindakan pada 14-27 Juli 2025.",
     [("2025-06-01", "day"), ("2025-06-30", "day"), ("2025-07-01", "day"), ("2025-07-13", "day"), ("2025-07-14", "day"),
      ("2025-07-27", "day")]),
    ("drama itu diperkirakan tayang sekitar 25 Juli", [("2025-07-25", "day")]),
])
def test_years_written_once_for_a_list(text, expected):
    """A month list, a range or "tahun sebelumnya" takes the year the text writes beside it."""
    assert resolve(text, page_date=WEEKDAY_PAGE) == expected


def test_staleness_is_one_verdict_with_its_reason():
    page = date(2024, 12, 22)
    dates = find_event_dates([Sentence(0, "Kemarin, Senin (15/8/2022), ia bertemu menteri.", 0)], page, "id")
    verdict = staleness(dates, page)
    assert verdict.stale and verdict.event_date == "2022-08-15"
    assert "2022-08-15" in verdict.reason and "28 months" in verdict.reason
    assert stale_cutoff(page) == date(2024, 6, 22)  # calendar months, not 30-day blocks
    assert stale_cutoff(date(2025, 8, 31)) == date(2025, 2, 28)
    lead = [EventDate("2023-06-14", "pada Rabu (14/6/2023)", 0, "day", True)]
    assert staleness(lead, page).stale and "lead" in staleness(lead, page).reason
    fresh = find_event_dates([Sentence(0, "Kemarin, Sabtu (21/12/2024), ia bertemu menteri.", 0)], page, "id")
    assert staleness(fresh, page).stale is False


def test_provenance_uses_the_dates_verdict():
    """The story's stale list is the dates module's verdict, reason included."""
    page = date(2024, 12, 22)
    dates = find_event_dates([Sentence(0, "Kemarin, Senin (15/8/2022), ia bertemu menteri.", 0)], page, "id")
    article = Article("a", "a.txt", "Judul", "Teks", published=page.isoformat(), event_dates=dates)
    fresh = Article("b", "b.txt", "Judul", "Teks", published=page.isoformat(),
                    event_dates=find_event_dates([Sentence(0, "Jumat (20/12/2024) ia tiba.", 0)], page, "id"))
    stale = find_stale([article, fresh])
    assert [s.article for s in stale] == ["a"]
    assert stale[0].reason == staleness(dates, page).reason


def test_other_languages_fall_back_to_dateparser():
    dates = find_event_dates([Sentence(0, "Das Treffen fand am 15. August 2022 statt.", 0)], PAGE, "de")
    assert [(d.date, d.firm) for d in dates] == [("2022-08-15", True)]


def test_evaluation_on_labelled_detik_paragraphs(shared_data):
    """The rule layer must beat dateparser's search on every labelled set, at high precision."""
    from kroscek.eval.dates import baseline_dates, kroscek_dates, load, score

    repo = Path(__file__).resolve().parents[1]
    for name in ("detik.jsonl", "detik-heldout.jsonl", "detik-relative.jsonl"):
        paragraphs = load(repo / "data" / "dates" / name, str(shared_data))
        ours, baseline = score(paragraphs, kroscek_dates), score(paragraphs, baseline_dates)
        assert ours["precision"] >= 0.9 and ours["recall"] >= 0.85
        assert ours["f1"] > baseline["f1"]


def test_evaluation_on_labelled_multi_outlet_paragraphs(shared_data):
    """Early-June detik, Kompas, Republika and KapanLagi paragraphs, each half: the issue's targets."""
    from kroscek.eval.dates import baseline_dates, kroscek_dates, load, score

    paragraphs = load(Path(__file__).resolve().parents[1] / "data" / "dates" / "indonews.jsonl", str(shared_data))
    for held_back in (False, True):
        half = [p for p in paragraphs if p.held_back is held_back]
        ours, baseline = score(half, kroscek_dates), score(half, baseline_dates)
        assert ours["precision"] >= 0.95 and ours["recall"] >= 0.9
        assert ours["f1"] > baseline["f1"]


def test_evaluation_reads_an_undated_page_against_the_collection_day(shared_data):
    """A page that prints no date ("Tidak Ditemukan") is read against the latest page date of its
    file, the day the collection was read, as an ingest would use its fetch day; the set still
    beats dateparser."""
    from kroscek.eval.dates import _today, baseline_dates, kroscek_dates, load, score

    paragraphs = load(Path(__file__).resolve().parents[1] / "data" / "dates" / "indonews-fifth.jsonl", str(shared_data))
    undated = [p for p in paragraphs if p.page_date is None]
    assert undated and all(_today(p) == max(q.page_date for q in paragraphs if q.page_date) for p in undated)
    assert score(paragraphs, kroscek_dates)["f1"] > score(paragraphs, baseline_dates)["f1"]


@pytest.mark.parametrize(("text", "expected"), [
    # "nanti" after a month or weekday: the coming one
    pytest.param("Tim bertekad bangkit di ronde keempat pada Oktober nanti.", [("2025-10", "month")], id="month-nanti"),
    pytest.param("Tim kalah pada Oktober dan bangkit.", [("2024-10", "month")], id="month-plain"),
    pytest.param("Jangan sampai ketinggalan obrolan hari Senin nanti di sekolah.", [("2025-06-16", "day")], id="weekday-nanti"),
    # a used or assembled model's year, a regulation's year and a document number are no events
    pytest.param("Segini harga mobil bekas keluaran tahun 2022 di diler", [], id="used-model"),
    pytest.param("Album keluaran tahun 2015 itu laris", [("2015", "year")], id="release"),
    pytest.param("Aerio tahun 2003 dijual Rp 40 - 50 juta, tahun 2004 dibanderol Rp 50 - 60 juta.", [], id="sold-model"),
    pytest.param("Gubernur akan membahas implementasi Perda tahun 2022 itu.", [], id="regulation"),
    pytest.param("Keputusan Menteri Perhubungan Nomor KP 1001 Tahun 2022 mengatur potongan aplikasi.", [], id="document"),
    # the days listed after a habit; a budget's year, quarters and "selama" before a year
    pytest.param("Penerbangan dua kali dalam sepekan, setiap hari Senin dan Jumat.", [], id="habit-days"),
    pytest.param("Layanan buka setiap Senin, Rabu, dan Jumat.", [], id="habit-list"),
    pytest.param("Arah kebijakan fiskal dibahas dalam kerangka RAPBN 2026.", [("2026", "year")], id="budget"),
    pytest.param("Pagu itu lebih rendah dari anggaran 2025 yang senilai Rp 12 triliun.", [("2025", "year")], id="budget-word"),
    # "sampai dengan" joins a range as "hingga" does: both ends, the written month and year
    pytest.param("Pencairan antara 6 sampai dengan 20 Juni 2025 mencapai Rp 1 triliun.",
                 [("2025-06-06", "day"), ("2025-06-20", "day")], id="range-sampai-dengan"),
    # a season with "ini", "depan" or "lalu" is this, next or last year, as "tahun ini" is
    pytest.param("Ia bakal pindah ke tim lain musim depan.", [("2026", "year")], id="season-next"),
    pytest.param("Gelar itu gagal diraih di akhir musim ini.", [("2025", "year")], id="season-this"),
    # the rainy season runs across two years: no one year (a temperate summer does not)
    pytest.param("Petani berharap panen musim hujan ini melimpah.", [], id="season-of-weather"),
    # a month named alone after a fully written date in its sentence takes that date's year
    pytest.param("Ia dilantik, jadi setelah 20 Oktober 2014, mungkin bulan November atau bulan Desember.",
                 [("2014-10-20", "day"), ("2014-11", "month"), ("2014-12", "month")], id="month-after-written-date"),
    pytest.param("Ia dilantik pada 20 Oktober 2014, dan pada Maret lalu ia pensiun.",
                 [("2014-10-20", "day"), ("2025-03", "month")], id="month-with-own-direction"),
    # "hari ini sampai dengan hari Kamis": from today on, so the coming Thursday
    pytest.param("Hari ini sampai dengan hari Kamis ganjil genap masih berlaku.",
                 [("2025-06-10", "day"), ("2025-06-12", "day")], id="until-weekday-from-today"),
    # a range of years right after a name's two capitalised words is the name's, no event's
    pytest.param("Ia akan tampil di SEA Games 2025-2029 bersama tim nasional.", [], id="named-year-range"),
    pytest.param("Produksi naik pada 2024-2025.", [("2024", "year"), ("2025", "year")], id="year-range"),
    # a year after a holiday's name is when that holiday fell
    pytest.param("Penumpang saat Lebaran 2024 lebih banyak dari tahun ini.", [("2024", "year"), ("2025", "year")],
                 id="holiday-year"),
    # days listed before one month: each of them
    pytest.param("Diskon berlaku pada tanggal 6, 7, 27 dan 28 Juni 2025.",
                 [("2025-06-06", "day"), ("2025-06-07", "day"), ("2025-06-27", "day"), ("2025-06-28", "day")], id="day-list"),
    # a sentence opened by a year: the months it names after take that year, unless they say their own
    pytest.param("Pada 2024 survei dilaksanakan pada Maret dan pada September di seluruh provinsi.",
                 [("2024", "year"), ("2024-03", "month"), ("2024-09", "month")], id="year-frame"),
    pytest.param("Pada 2024 lalu ia pindah, dan pada Maret ini kembali.",
                 [("2024", "year"), ("2025-03", "month")], id="year-frame-own-direction"),
    pytest.param("Pengunjung di Q4 2024 naik dibandingkan Q1 2024.", [("2024", "year"), ("2024", "year")], id="quarters"),
    pytest.param("Pembelian secara kredit naik 10% selama 2024.", [("2024", "year")], id="selama"),
    # a day and month a few weeks ahead is the coming one, not last year's
    pytest.param("Perubahan skuad boleh dilakukan pada periode 27 Juni sampai 3 Juli.",
                 [("2025-06-27", "day"), ("2025-07-03", "day")], id="coming-range"),
    pytest.param("Pendaftaran berikutnya tutup tanggal 30 Agustus.", [("2025-08-30", "day")], id="coming-day"),
    pytest.param("Pendaftaran pertama tutup pada 2 Juni.", [("2025-06-02", "day")], id="past-day"),
    pytest.param("Kejadian itu berlangsung pada 20 Desember.", [("2024-12-20", "day")], id="far-day"),
    # ranges, seasons, this month after a year, years later
    pytest.param("Lalu, pada 2006 hingga ke 2008 dilakukan perpanjangan eksplorasi.", [("2006", "year"), ("2008", "year")],
                 id="hingga-ke"),
    pytest.param("Kiper itu dipinjamkan ke Strasbourg selama musim 2024-25.", [("2024", "year"), ("2025", "year")], id="season"),
    pytest.param("Ia akan tampil di Piala Dunia Antarklub 2025 bulan ini.", [("2025-06", "month")], id="year-bulan-ini"),
    pytest.param("Ia menikah pada 2010 dan setahun kemudian bercerai.", [("2010", "year"), ("2011", "year")], id="years-later"),
    pytest.param("Dua tahun kemudian ia pulang ke kampung.", [], id="later-no-year"),
    # day words: "nanti malam" is tonight, "yang kemarin" the earlier one, not yesterday
    pytest.param("Sprint Race digelar nanti malam.", [("2025-06-10", "day")], id="nanti-malam"),
    pytest.param("Kami harus melupakan kemenangan 4-0 yang kemarin.", [], id="yang-kemarin"),
    pytest.param("Rapat digelar kemarin di Jakarta.", [("2025-06-09", "day")], id="kemarin"),
    pytest.param("Kecelakaan itu terjadi dini hari tadi sekira pukul 03.15 WIB.", [("2025-06-10", "day")], id="dini-hari-tadi"),
    # "kemarin" with a month later in its clause is "the other day": the month tells when
    pytest.param("Ya kemarin peluncurannya sih awal Juni.", [("2025-06", "month")], id="kemarin-month"),
    # doubled with a hyphen: "in the past", earlier years; not one day or year
    pytest.param("Pemutihan ini untuk kamu yang kemarin-kemarin sempat menunggak pajak.", [], id="kemarin-kemarin"),
    pytest.param("Pada tahun 2025 pemilik membayar pajak, sedangkan denda tahun-tahun sebelumnya dibebaskan.",
                 [("2025", "year")], id="tahun-tahun"),
    # "kemarin" right after a month is "last", not yesterday; an ordinal is no count ("kuartal keempat tahun ini")
    pytest.param("Program itu diumumkan pada Januari 2025 kemarin.", [("2025-01", "month")], id="month-kemarin"),
    pytest.param("Pusat itu akan selesai pada awal kuartal keempat tahun ini.", [("2025", "year")], id="ordinal-tahun-ini"),
    pytest.param("Sudah tiga tahun ini ia bekerja di sana.", [], id="count-tahun-ini"),
    pytest.param("Pendapatan di kuartal pertama 2025 naik.", [("2025", "year")], id="quarter-words"),
    # a bare year with "lalu" after it is that year; a model's year before "varian" is no event
    pytest.param("Padahal saat diperkenalkan 2013 lalu, versi ini dijual jauh lebih mahal.", [("2013", "year")], id="year-lalu"),
    pytest.param("Ada mobil listrik bekas tahun 2023 varian Long Range yang ditawarkan pelapak.", [], id="model-variant"),
    # a season written with two full years; a year after "untuk"; a numbered regulation's year
    pytest.param("Pada musim 2024/2025, ia hanya lima kali jadi starter.", [("2024", "year"), ("2025", "year")],
                 id="season-full-years"),
    pytest.param("Laba bersih ditargetkan untuk 2025.", [("2025", "year")], id="untuk-year"),
    pytest.param("Larangan itu berlaku melalui Kepmenperindag 527 tahun 2004 dan sudah dicabut.", [], id="numbered-regulation"),
    # a month after "sebelum" / "setelah" is a month of its own
    pytest.param("Akses ke mineral itu kini lebih dibatasi daripada sebelum April.", [("2025-04", "month")], id="sebelum-month"),
    # a list of months in order keeps the year of its first
    pytest.param("Tahap kedua biasanya bulan Agustus, September, Oktober.",
                 [("2025-08", "month"), ("2025-09", "month"), ("2025-10", "month")], id="month-list"),
    # a year in a capitalised name (a plan, an event's title) is no event
    pytest.param("Perda itu mengatur Rencana Detail Tata Ruang Kawasan Perkotaan Waisai Tahun 2022-2042.", [],
                 id="named-plan"),
    pytest.param("Rencana itu disusun pada tahun 2022 oleh pemkab.", [("2022", "year")], id="plain-tahun"),
    # a label's number counts no weeks
    pytest.param("Kemenangan 1-0 atas China di Matchday 9 pekan lalu di SUGBK.", [("2025-06-03", "week")], id="matchday"),
    pytest.param("Ia datang 3 pekan lalu.", [("2025-05-20", "week")], id="weeks-ago"),
])
def test_readings_on_an_early_june_page(text, expected):
    assert resolve(text, page_date=WEEKDAY_PAGE) == expected


def test_days_of_a_comparison_are_no_dates():
    """"Ibaratnya, kalau direm hari Senin berhentinya hari Sabtu": a truck's braking told as a
    figure of speech; a day named after the comparison's sentence ends is a date again."""
    page = date(2025, 6, 3)
    assert resolve("Ibaratnya, kalau direm hari Senin berhentinya hari Sabtu,\" katanya.", page_date=page) == []
    assert resolve("Ibarat Ngerem Senin, Berhentinya Sabtu", page_date=page) == []
    assert resolve("Ibaratnya begitu. Ia datang hari Senin.", page_date=page) == [("2025-06-02", "day")]


def test_what_is_left_is_a_duration_and_a_season_of_this_year_a_year():
    """"masih tersisa setahun lagi": a contract's time left, no day it ends; "musim panas ini" is
    this year's summer; a year after "memasuki" or "masa pajak" is a year of events."""
    page = date(2025, 6, 9)
    assert resolve("Kontrak De Jong masih tersisa setahun lagi.", page_date=page) == []
    assert resolve("Pameran itu digelar setahun lagi.", page_date=page) == [("2026", "year")]
    assert resolve("Tudor diperkirakan akan diganti musim panas ini.", page_date=page) == [("2025", "year")]
    assert resolve("Memasuki 2025, perusahaan itu menargetkan 270 toko baru.", page_date=page) == [("2025", "year")]
    assert resolve("diskon PKB untuk masa pajak 2025, bebas denda", page_date=page) == [("2025", "year")]


def test_the_evaluation_reads_a_paragraph_with_its_whole_article():
    """An old article republished: its weekday-dated day (Wednesday 17 August 2022) is in another
    paragraph, and the "kemarin" of this one counts from it, as the pipeline reads the article."""
    from kroscek.eval.dates import Labelled, Paragraph, kroscek_dates

    lines = ("Upacara digelar Rabu (17/8/2022) di halaman kantor.", "Warga sudah berkumpul sejak kemarin.")
    paragraph = Paragraph("a", 1, date(2024, 12, 16), lines[1], [Labelled(27, 34, "2022-08-16", "day")], lines=lines)
    assert [p.date for p in kroscek_dates(paragraph)] == ["2022-08-16"]
    alone = Paragraph("a", 1, date(2024, 12, 16), lines[1], [])
    assert [p.date for p in kroscek_dates(alone)] == ["2024-12-15"]


def test_a_text_put_up_the_morning_after_its_day_counts_today_from_that_day():
    """The salat it reports is dated Friday 6 June; the page is of Saturday 7 June: the text was
    written on the Friday, so its "pagi ini" is the Friday. A text that dates the page's own day
    as well counts from the page."""
    lines = ["Lawang Sewu menggelar ibadah salat Idul Adha pada Jumat (6/6) pagi.",
             "Lawang Sewu pagi ini telah menjadi tempat ibadah yang penuh khidmat."]
    found = find_event_dates([Sentence(i, t, i) for i, t in enumerate(lines)], date(2025, 6, 7), "id", today=TODAY)
    assert [(d.text, d.date) for d in found] == [("pada Jumat (6/6) pagi", "2025-06-06"), ("pagi ini", "2025-06-06")]
    lines.append("Polisi masih berjaga pada Sabtu (7/6).")
    found = find_event_dates([Sentence(i, t, i) for i, t in enumerate(lines)], date(2025, 6, 7), "id", today=TODAY)
    assert ("pagi ini", "2025-06-07") in [(d.text, d.date) for d in found]


def _article(lines: list[str], page: date) -> list[tuple[str, str]]:
    return [(d.text, d.date) for d in find_event_dates([Sentence(i, t, i) for i, t in enumerate(lines)], page, "id",
                                                        today=TODAY)]


def test_a_day_without_a_year_falls_in_the_past_the_article_is_telling_of():
    """A visit on 23 July 2024 told on a June 2025 page: "28 Juli" five days later is July 2024,
    not the coming July. A firm date of the page's own time ends that narrative."""
    page = date(2025, 6, 8)
    lines = ["Mereka mengunjungi tebing itu pada 23 Juli 2024.", "Keluarga melapor ke polisi.",
             "Lima hari kemudian, pada 28 Juli, seorang nelayan menemukan tubuhnya."]
    assert ("28 Juli", "2024-07-28") in _article(lines, page)
    lines.insert(2, "Sidang digelar di Kilrush, Jumat (6/6/2025).")
    assert ("28 Juli", "2024-07-28") not in _article(lines, page)


def test_a_year_framing_a_question_dates_the_months_of_its_answer():
    """"Di 2015, ...?" asked in a 2025 trial: the "bulan Mei" of the answer is May 2015. A span of
    years or a start ("sejak 2022") frames nothing."""
    page = date(2025, 6, 10)
    answer = "\"Iya betul, karena pada bulan Mei itu kita membahas ketersediaan bahan pokok,\" jawab saksi."
    framed = ["Saksi dihadirkan di Pengadilan Tipikor Jakarta, Selasa (10/6/2025).",
              "\"Di 2015, apakah stok gula masih cukup?\" tanya jaksa.", answer]
    assert ("pada bulan Mei", "2015-05") in _article(framed, page)
    for opening in ("\"Sejak 2015, apakah stok gula masih cukup?\" tanya jaksa.",
                    "\"Pada 2015-2016, apakah stok gula masih cukup?\" tanya jaksa."):
        assert ("pada bulan Mei", "2025-05") in _article([framed[0], opening, answer], page)


def test_the_evaluation_reads_no_topic_tag_after_the_editors_initials():
    """A detik page's topic tags ("apbn 2026") follow its editors' initials; cleaning cuts them, so
    neither system is scored on them, while the body's own years still are."""
    from kroscek.eval.dates import Paragraph, baseline_dates, kroscek_dates

    lines = ("Anggaran itu disusun untuk APBN 2026 pada Mei 2025.", "(mib/lir)", "apbn 2026")
    tag = Paragraph("a", 2, date(2025, 6, 10), lines[2], [], lines=lines)
    assert kroscek_dates(tag) == [] and baseline_dates(tag) == []
    body = Paragraph("a", 0, date(2025, 6, 10), lines[0], [], lines=lines)
    assert "2025-05" in [p.date for p in kroscek_dates(body)]
    assert [p.date for p in kroscek_dates(Paragraph("a", 0, date(2025, 6, 10), "apbn 2026", []))] == ["2026"]


def test_months_that_go_on_from_a_coming_one_are_coming_too():
    """On a May page, "Juli, Agustus, September ... nanti" is this year's; the "Oktober, November,
    Desember" of the next stage go on from them, not back to last year. A month far from the
    coming one (March, after October) stays in the past."""
    page = date(2025, 5, 21)
    lines = ["Pemutihan pertama nanti saat kemerdekaan, biasanya bulan Juli, Agustus, September.",
             "Kemudian, dalam rangka hari jadi provinsi, yakni Oktober, November, Desember itu masuk tahap kedua."]
    found = _article(lines, page)
    assert [d for t, d in found if t.startswith("Oktober")] == ["2025-10", "2025-11", "2025-12"]
    assert [d for t, d in _article(lines[1:], page) if t.startswith("Oktober")] == ["2024-10", "2024-11", "2024-12"]
    march = _article([lines[0], "Pada Maret, panitia sudah menyiapkan data wajib pajak."], page)
    assert ("Pada Maret", "2025-03") in march


def test_a_month_called_this_one_is_the_nearest():
    # "bulan Januari ini" written on 30 December is the January about to begin
    assert resolve("Pada bulan Januari ini intensitas curah hujan diperkirakan tinggi.", date(2015, 12, 30)) == [("2016-01", "month")]
    assert resolve("Pada bulan Maret ini curah hujan tinggi.", date(2025, 6, 10)) == [("2025-03", "month")]


def test_a_day_named_again_is_the_day_named_before():
    """A trial's witness is asked of meetings on 12 May, 7 and 20 December 2015; "di 12 Mei" asked
    again after a 2016 date is the same 12 May, not the next one."""
    page = date(2025, 6, 10)
    lines = ["Saksi dihadirkan di Pengadilan Tipikor Jakarta, Selasa (10/6/2025).",
             "\"Di 2015, apakah stok gula masih cukup?\" tanya jaksa.",
             "\"Dari runtutan 12 Mei, kemudian 7 Desember, ada tiga rakor,\" kata jaksa.",
             "Jaksa kemudian menyinggung rakortas pada April 2016.",
             "\"Di rakor tadi, di 12 Mei, tidak ada kesimpulan soal impor,\" kata jaksa."]
    assert [d for t, d in _article(lines, page) if "12 Mei" in t] == ["2015-05-12", "2015-05-12"]


def test_a_year_in_a_treatys_name_is_no_date():
    assert resolve("SIM internasional mengacu pada Geneva Convention On Road Traffic tahun 1949.", date(2025, 6, 3)) == []
    assert resolve("Indonesia meratifikasi Konvensi Wina tahun 1968 pada 2020.", date(2025, 6, 3)) == [("2020", "year")]
    # a year after a lower-case word is still a year
    assert resolve("Konvensi itu digelar tahun 1968 di Wina.", date(2025, 6, 3)) == [("1968", "year")]
