"""Story matching on the kinds of real news it got wrong: same-template reports of different
events kept apart, one incident told two ways kept together, stories bounded in time.

The articles are written for these tests in the shape of Indonesian outlets' reports (market
closes, dividend notices, an incident and its denial); no outlet's text is copied. Each case runs
with the static vectors alone (the fast mode) and, marked slow, with e5 as well.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kroscek.analyse.embed import Embedder
from kroscek.match.stories import MAX_SPAN_DAYS, cluster_stories
from kroscek.model import Article
from kroscek.settings import DEFAULT, FAST, Settings

MODES = [pytest.param(FAST, id="fast"), pytest.param(DEFAULT, id="default", marks=pytest.mark.slow)]


def article(key: str, outlet: str, published: str, title: str, text: str) -> Article:
    return Article(id=key, source=f"https://{outlet}/{key}", url=f"https://{outlet}/{key}", title=title, text=text,
                   outlet=outlet, language="id", published=published)


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder()


def grouping(articles: list[Article], settings: Settings, embedder: Embedder) -> set[frozenset[str]]:
    result = cluster_stories(articles, embedder=None if settings.fast else embedder, settings=settings)
    assert set(result.joins) == {a.id for a in articles}
    return {frozenset(story.articles) for story in result.stories}


CLOSES = [
    # (day, outlet, title, text): two outlets' closing reports of each of three trading days
    ("2025-06-10T16:20", "wartapasar.id", "IHSG Ditutup Menguat 0,67% ke Level 7.230",
     "Indeks Harga Saham Gabungan (IHSG) ditutup menguat 0,67% ke level 7.230,41 pada perdagangan Selasa "
     "(10/6/2025). Sepanjang sesi indeks bergerak di rentang 7.168 hingga 7.241. Data Bursa Efek Indonesia "
     "(BEI) mencatat nilai transaksi Rp 11,2 triliun dengan volume 19,8 miliar saham. Sebanyak 312 saham naik, "
     "245 turun dan 201 stagnan. Sektor energi memimpin penguatan dengan kenaikan 2,1%. Saham Tambang Arunika "
     "(TMBA) melonjak 8,4% dan menjadi penopang utama. Analis Sekuritas Cahaya Mulia, Rendra Wiratama, "
     "mengatakan penguatan ditopang dana asing yang masuk Rp 640 miliar."),
    ("2025-06-10T16:45", "kabarbursa.co.id", "IHSG Naik 0,67% di Akhir Sesi, Saham Energi Jadi Penopang",
     "IHSG menutup perdagangan Selasa (10/6/2025) di zona hijau. Indeks naik 48 poin atau 0,67% ke 7.230,41. "
     "Menurut data BEI, transaksi hari ini mencapai Rp 11,2 triliun. Saham Tambang Arunika (TMBA) naik 8,4% "
     "setelah perseroan mengumumkan kontrak baru. Sektor energi menguat 2,1%. Investor asing mencatat beli "
     "bersih Rp 640 miliar di seluruh pasar, kata Rendra Wiratama dari Sekuritas Cahaya Mulia."),
    ("2025-06-11T16:15", "wartapasar.id", "IHSG Ditutup Melemah 1,12% ke Level 7.149",
     "Indeks Harga Saham Gabungan (IHSG) ditutup melemah 1,12% ke level 7.149,02 pada perdagangan Rabu "
     "(11/6/2025). Indeks sempat jatuh ke 7.120 di sesi kedua. Data Bursa Efek Indonesia (BEI) mencatat nilai "
     "transaksi Rp 9,7 triliun dengan volume 17,1 miliar saham. Sebanyak 178 saham naik, 389 turun dan 191 "
     "stagnan. Sektor keuangan paling tertekan dengan koreksi 1,9%. Saham Bank Pesisir Raya (BPRA) anjlok 4,6%. "
     "Kepala riset Sekuritas Nusa Prima, Lestari Handayani, menyebut aksi jual asing Rp 1,1 triliun."),
    ("2025-06-11T17:02", "kabarbursa.co.id", "IHSG Turun 1,12% Sore Ini, Asing Lepas Saham Bank",
     "IHSG berakhir di zona merah pada Rabu (11/6/2025). Indeks turun 81 poin atau 1,12% ke 7.149,02. Menurut "
     "data BEI, transaksi hari ini Rp 9,7 triliun. Saham Bank Pesisir Raya (BPRA) turun 4,6% dan menjadi "
     "pemberat terbesar. Sektor keuangan melemah 1,9%. Investor asing mencatat jual bersih Rp 1,1 triliun, "
     "kata Lestari Handayani dari Sekuritas Nusa Prima."),
    ("2025-06-12T16:10", "wartapasar.id", "IHSG Ditutup Menguat Tipis 0,21% ke Level 7.164",
     "Indeks Harga Saham Gabungan (IHSG) ditutup menguat tipis 0,21% ke level 7.164,33 pada perdagangan Kamis "
     "(12/6/2025). Data Bursa Efek Indonesia (BEI) mencatat nilai transaksi Rp 10,4 triliun dengan volume 18,3 "
     "miliar saham. Sebanyak 276 saham naik, 263 turun dan 219 stagnan. Sektor kesehatan naik 1,4%. Saham "
     "Farmasi Sentosa Abadi (FSAB) menguat 6,2%. Analis Sekuritas Lintas Arta, Bayu Pranoto, mengatakan pasar "
     "menunggu rilis neraca perdagangan pekan depan."),
    ("2025-06-12T16:40", "kabarbursa.co.id", "IHSG Menguat Tipis 0,21% Jelang Rilis Neraca Dagang",
     "IHSG ditutup naik 15 poin atau 0,21% ke 7.164,33 pada Kamis (12/6/2025). Menurut data BEI, transaksi hari "
     "ini Rp 10,4 triliun. Saham Farmasi Sentosa Abadi (FSAB) naik 6,2% dan sektor kesehatan menguat 1,4%. "
     "Bayu Pranoto dari Sekuritas Lintas Arta menilai pelaku pasar menahan diri jelang rilis neraca "
     "perdagangan."),
]


@pytest.mark.parametrize("settings", MODES)
def test_three_days_of_market_closes_are_three_stories(settings, embedder):
    articles = [article(f"close-{n}", outlet, day, title, text) for n, (day, outlet, title, text) in enumerate(CLOSES)]
    by_day: dict[str, set[str]] = {}
    for item in articles:
        by_day.setdefault(item.published[:10], set()).add(item.id)
    assert grouping(articles, settings, embedder) == {frozenset(ids) for ids in by_day.values()}


DIVIDENDS = [
    ("2025-06-11T10:05", "wartapasar.id", "Bank Sejahtera Nusantara Bagikan Dividen Rp 1,2 Triliun",
     "PT Bank Sejahtera Nusantara Tbk (BSNA) akan membagikan dividen tunai Rp 1,2 triliun dari laba bersih tahun "
     "buku 2024. Keputusan itu diambil dalam Rapat Umum Pemegang Saham Tahunan (RUPST) di Jakarta, Rabu "
     "(11/6/2025). Dividen setara Rp 48 per saham atau 40% dari laba bersih Rp 3 triliun. Direktur Utama BSNA, "
     "Hendra Kusumawijaya, mengatakan sisa laba dipakai untuk memperkuat permodalan. Jadwal cum dividen di "
     "pasar reguler jatuh pada 19 Juni 2025 dan pembayaran pada 9 Juli 2025."),
    ("2025-06-11T11:30", "kabarbursa.co.id", "BSNA Tebar Dividen Rp 48 per Saham, Cek Jadwalnya",
     "Pemegang saham PT Bank Sejahtera Nusantara Tbk (BSNA) menyetujui pembagian dividen tunai Rp 1,2 triliun "
     "dalam RUPST, Rabu (11/6/2025). Nilainya Rp 48 per saham, 40% dari laba bersih 2024. Hendra Kusumawijaya, "
     "Direktur Utama BSNA, menyebut rasio itu sama dengan tahun lalu. Cum dividen di pasar reguler 19 Juni "
     "2025, pembayaran 9 Juli 2025."),
    ("2025-06-11T14:20", "wartapasar.id", "Semen Karya Mandiri Bagikan Dividen Rp 340 Miliar",
     "PT Semen Karya Mandiri Tbk (SKMI) akan membagikan dividen tunai Rp 340 miliar dari laba bersih tahun buku "
     "2024. Keputusan itu diambil dalam Rapat Umum Pemegang Saham Tahunan (RUPST) di Surabaya, Rabu "
     "(11/6/2025). Dividen setara Rp 57 per saham atau 51% dari laba bersih Rp 667 miliar. Direktur Keuangan "
     "SKMI, Agustina Wulandari, mengatakan perseroan tetap menyiapkan belanja modal untuk pabrik baru di Tuban. "
     "Jadwal cum dividen di pasar reguler jatuh pada 20 Juni 2025 dan pembayaran pada 10 Juli 2025."),
]


@pytest.mark.parametrize("settings", MODES)
def test_two_companies_dividend_notices_are_two_stories(settings, embedder):
    articles = [article(f"dividend-{n}", outlet, day, title, text) for n, (day, outlet, title, text) in enumerate(DIVIDENDS)]
    assert grouping(articles, settings, embedder) == {frozenset({"dividend-0", "dividend-1"}), frozenset({"dividend-2"})}


INCIDENT = [
    ("2025-06-10T09:40", "kabartimur.id", "Baku Tembak Pecah di Bandara Aminggaru Ilaga, Dua Warga Terluka",
     "Baku tembak antara aparat keamanan dan kelompok bersenjata terjadi di Bandara Aminggaru, Ilaga, Kabupaten "
     "Puncak, Papua Tengah, Selasa (10/6/2025) pagi. Kepala Distrik Ilaga, Yoram Murib, mengatakan dua warga "
     "terluka terkena serpihan peluru saat menunggu pesawat. \"Tembakan terdengar hampir setengah jam dari arah "
     "landasan,\" kata Yoram. Sebuah pesawat Susi Air yang hendak mendarat dari Timika memutar balik. Kapolres "
     "Puncak AKBP Dwi Santoso menyebut aparat gabungan masih menyisir sekitar bandara."),
    ("2025-06-10T15:10", "beritanusa.com", "TNI Bantah Ada Baku Tembak di Bandara Ilaga",
     "Kodam XVII/Cenderawasih membantah adanya baku tembak di Bandara Aminggaru, Ilaga, Kabupaten Puncak, "
     "Selasa (10/6/2025). Kapendam XVII/Cenderawasih Letkol Inf Candra Kurniawan mengatakan suara yang "
     "terdengar berasal dari tembakan peringatan prajurit yang berjaga. \"Tidak ada kontak tembak, situasi "
     "Ilaga aman,\" kata Candra. Ia menyebut pesawat Susi Air dari Timika menunda pendaratan karena cuaca. "
     "Kepala Distrik Ilaga Yoram Murib sebelumnya menyebut dua warga terluka; Candra mengatakan keduanya "
     "terjatuh saat warga panik. Kapolres Puncak AKBP Dwi Santoso belum memberi keterangan tambahan."),
]


@pytest.mark.parametrize("settings", MODES)
def test_a_report_and_its_denial_are_one_story(settings, embedder):
    articles = [article(f"incident-{n}", outlet, day, title, text) for n, (day, outlet, title, text) in enumerate(INCIDENT)]
    # beside them, a same-day report of another kind, which must stay apart
    day, outlet, title, text = DIVIDENDS[2]
    articles.append(article("dividend", outlet, day, title, text))
    assert grouping(articles, settings, embedder) == {frozenset({"incident-0", "incident-1"}), frozenset({"dividend"})}


def test_a_story_is_bounded_in_time_not_only_link_by_link():
    """Weekly reports that each read like the last (six weeks of one template, each a week after the
    one before) never become one story spanning more than ``MAX_SPAN_DAYS``."""
    start = date(2025, 7, 7)
    articles = []
    for week in range(6):
        day = (start + timedelta(days=7 * week)).isoformat()
        articles.append(article(
            f"week-{week}", "wartapasar.id", f"{day}T09:15", "Dolar AS Tekan Rupiah Pagi Ini",
            "Nilai tukar rupiah terhadap dolar Amerika Serikat (AS) melemah pada pembukaan perdagangan pagi ini. "
            "Mengutip data Bloomberg, rupiah bergerak di kisaran yang sama dengan pekan lalu. Mata uang Asia lain "
            "seperti yen Jepang dan won Korea Selatan juga tertekan. Analis pasar uang menilai pelaku pasar "
            "menunggu keputusan bank sentral AS, The Federal Reserve, soal suku bunga.",
        ))
    result = cluster_stories(articles, settings=FAST)
    by_id = {a.id: a for a in articles}
    for story in result.stories:
        days = [date.fromisoformat(by_id[i].published[:10]) for i in story.articles]
        assert (max(days) - min(days)).days <= MAX_SPAN_DAYS, story.articles
    for join in result.joins.values():
        if join.through:
            assert abs((date.fromisoformat(by_id[join.article].published[:10])
                        - date.fromisoformat(by_id[join.through].published[:10])).days) <= MAX_SPAN_DAYS
