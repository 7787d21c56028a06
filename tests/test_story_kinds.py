"""Story matching on the kinds of real news it got wrong: same-template reports of different
events kept apart, one incident told two ways kept together, stories bounded in time.

The articles are written for these tests in the shape of Indonesian outlets' reports (market
closes, dividend notices, an incident and its denial); no outlet's text is copied. Each case runs
with the static vectors alone (the fast mode) and, marked slow, with e5 as well.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from kroscek.analyse.embed import Embedder
from kroscek.match.stories import (
    MAX_SPAN_DAYS,
    SUPPORT_MARGIN,
    StoryResult,
    cluster_part,
    cluster_stories,
    plan_stories,
    title_subjects,
)
from kroscek.model import Article, Document
from kroscek.pipeline import analyse
from kroscek.settings import DEFAULT, FAST, Settings

MODES = [pytest.param(FAST, id="fast"), pytest.param(DEFAULT, id="default", marks=[pytest.mark.slow, pytest.mark.model])]


def article(key: str, outlet: str, published: str, title: str, text: str) -> Article:
    return Article(id=key, source=f"https://{outlet}/{key}", url=f"https://{outlet}/{key}", title=title, text=text,
                   outlet=outlet, language="id", published=published)


def keyed(prefix: str, rows: list[tuple[str, ...]], outlet: str | None = None) -> list[Article]:
    """Articles keyed ``prefix-0``, ``prefix-1``, ... from rows of (published, outlet, title, text), or
    of (published, title, text) when one ``outlet`` wrote them all."""
    if outlet is not None:
        rows = [(day, outlet, title, text) for day, title, text in rows]
    return [article(f"{prefix}-{n}", source, day, title, text) for n, (day, source, title, text) in enumerate(rows)]


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
     "Indeks Harga Saham Gabungan (IHSG) sore ini ditutup menguat 0,67% ke level 7.230,41 pada perdagangan Selasa "
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
     "Indeks Harga Saham Gabungan (IHSG) sore ini ditutup menguat tipis 0,21% ke level 7.164,33 pada perdagangan Kamis "
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
    articles = keyed("close", CLOSES)
    by_day: dict[str, set[str]] = {}
    for item in articles:
        by_day.setdefault(item.published[:10], set()).add(item.id)
    assert grouping(articles, settings, embedder) == {frozenset(ids) for ids in by_day.values()}


DIVIDENDS = [
    ("2025-06-11T10:05", "wartapasar.id", "Bank Sejahtera Nusantara Bagikan Dividen Rp 1,2 Triliun",
     "PT Bank Sejahtera Nusantara Tbk (BSNA) akan membagikan dividen tunai Rp 1,2 triliun dari laba bersih tahun "
     "buku 2024. Keputusan itu diambil dalam Rapat Tahunan Pemegang Saham (RUPST) di Jakarta, Rabu "
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
     "2024. Keputusan itu diambil dalam Rapat Tahunan Pemegang Saham (RUPST) di Surabaya, Rabu "
     "(11/6/2025). Dividen setara Rp 57 per saham atau 51% dari laba bersih Rp 667 miliar. Direktur Keuangan "
     "SKMI, Agustina Wulandari, mengatakan perseroan tetap menyiapkan belanja modal untuk pabrik baru di Tuban. "
     "Jadwal cum dividen di pasar reguler jatuh pada 20 Juni 2025 dan pembayaran pada 10 Juli 2025."),
]


@pytest.mark.parametrize("settings", MODES)
def test_two_companies_dividend_notices_are_two_stories(settings, embedder):
    articles = keyed("dividend", DIVIDENDS)
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
    articles = keyed("incident", INCIDENT)
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
            "Kurs rupiah atas dolar Amerika Serikat (AS) melemah pada pembukaan perdagangan pagi ini. "
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


RUPIAH = [
    # (published, title, text): one outlet's morning currency report on three days
    ("2025-07-07T09:10", "Dolar AS Tekan Rupiah ke Rp 16.216",
     "Kurs rupiah atas dolar Amerika Serikat (AS) melemah pada pembukaan perdagangan Senin (7/7/2025). "
     "Mengutip data Bloomberg, rupiah dibuka di level Rp 16.216 per dolar AS, turun 24 poin dari penutupan "
     "sebelumnya. Mata uang Asia lain juga tertekan: yen Jepang turun 0,2%, won Korea Selatan 0,3% dan dolar "
     "Singapura 0,1%. Terhadap franc Swiss (CHF) dan dolar Kanada, rupiah bergerak stagnan. Pelaku pasar menunggu "
     "data tenaga kerja AS yang dirilis pekan ini."),
    ("2025-07-08T09:05", "Dolar AS Tekan Rupiah ke Level Rp 16.262",
     "Kurs rupiah atas dolar Amerika Serikat (AS) kembali melemah pada pembukaan perdagangan Selasa "
     "(8/7/2025). Mengutip data Bloomberg, rupiah dibuka di level Rp 16.262 per dolar AS, turun 46 poin dari "
     "penutupan sebelumnya. Mata uang Asia lain bervariasi: yen Jepang naik 0,1%, won Korea Selatan turun 0,2% dan "
     "dolar Singapura stagnan. Terhadap franc Swiss (CHF) dan dolar Kanada, rupiah melemah tipis. Pelaku pasar "
     "mencermati rencana tarif impor AS."),
    ("2025-07-09T09:12", "Dolar AS Tekan Rupiah Pagi Ini",
     "Kurs rupiah atas dolar Amerika Serikat (AS) melemah pada pembukaan perdagangan pagi ini. Mengutip "
     "data Bloomberg, rupiah dibuka turun 12 poin dari penutupan sebelumnya. Mata uang Asia lain bervariasi: yen "
     "Jepang naik 0,1%, won Korea Selatan turun 0,1% dan dolar Singapura stagnan. Terhadap franc Swiss (CHF) dan "
     "dolar Kanada, rupiah bergerak stagnan. Pelaku pasar menunggu risalah rapat bank sentral AS."),
]


@pytest.mark.parametrize("settings", MODES)
def test_a_third_edition_does_not_bridge_two_editions_of_a_template(settings, embedder):
    """The third day's report reads like both earlier ones, but it never merges them: the two it
    links through are two days' figures of one template (other numbers, other days)."""
    articles = keyed("rupiah", RUPIAH, "wartapasar.id")
    stories = grouping(articles, settings, embedder)
    assert not any({"rupiah-0", "rupiah-1"} <= story for story in stories), stories


AID = [
    ("2025-10-18T10:20", "Tambahan Bansos Rp 250 Ribu untuk 32 Juta Keluarga Bakal Cair Bulan Ini",
     "Menteri Sosial Ahmad Fauzan atau Gus Fauzan memastikan tambahan bantuan langsung tunai Rp 250 ribu per bulan "
     "untuk Oktober, November dan Desember 2025 cair bulan ini. Bantuan itu diberikan kepada 32 juta Keluarga "
     "Penerima Manfaat (KPM) yang terdata di Data Tunggal Sosial Ekonomi Nasional (DTSEN). Tiap keluarga menerima "
     "Rp 750 ribu sekaligus untuk tiga bulan. \"Penyaluran lewat PT Pos Indonesia dan Himbara,\" kata Gus Fauzan di "
     "kantor Kementerian Sosial, Jakarta, Sabtu (18/10/2025). Anggaran bansos tambahan ini Rp 24 triliun dari hasil "
     "efisiensi belanja kementerian."),
    ("2025-10-20T08:45", "Bansos Rp 750 Ribu Cair Mulai Hari Ini, Begini Cara Cek Status Penerima!",
     "Bantuan langsung tunai tambahan Rp 750 ribu mulai cair hari ini, Senin (20/10/2025). Bansos itu diberikan "
     "kepada 32 juta KPM yang terdata di DTSEN, masing-masing Rp 250 ribu untuk Oktober, November dan Desember 2025. "
     "Menteri Sosial Ahmad Fauzan (Gus Fauzan) mengatakan penyaluran lewat PT Pos Indonesia dan Himbara. Warga "
     "bisa cek status penerima lewat situs Kementerian Sosial atau aplikasi Cek Bansos dengan memasukkan NIK. "
     "Anggaran bansos tambahan ini Rp 24 triliun dari hasil efisiensi belanja kementerian."),
]


def test_words_a_body_also_writes_in_lower_case_name_no_subject():
    title = frozenset({"bansos", "cair", "cek", "status", "penerima", "mulai", "hari", "ini"})
    text = ("Bansos tambahan cair hari ini. Warga bisa cek status lewat aplikasi Cek Bansos milik Kementerian Sosial, "
            "kata Menteri Sosial Saifullah Yusuf di Jakarta. Penyaluran bansos lewat PT Pos Indonesia.\n\n(abc/def) cek bansos penerima kemensos")
    assert title_subjects(title, text) == frozenset()
    # a name written only as a name is a subject, even when a tag line writes it in lower case
    assert title_subjects(frozenset({"mayora", "bagi", "dividen"}), "PT Mayora Indah Tbk membagikan dividen. Saham "
                          "Mayora naik.\n(abc/def) mayora dividen") == frozenset({"mayora"})


@pytest.mark.parametrize("settings", MODES)
def test_two_days_reports_of_one_aid_programme_are_one_story(settings, embedder):
    """Two days' reports of one programme, the amount in their titles a month's and the sum's:
    their titles' capitalised words ("Keluarga", "Cek", "Bansos") are common words the bodies also
    write in lower case, not two subjects, so the two are not two events of one template."""
    articles = keyed("aid", AID, "kabarnegeri.id")
    assert grouping(articles, settings, embedder) == {frozenset({"aid-0", "aid-1"})}


def test_in_the_fast_mode_two_members_backing_an_article_place_it():
    """No single static link reaches the fast mode's threshold, but two members of one story link
    to the article just below it: the story, not one member, decides (``SUPPORT_LINKS``). One such
    link alone does not, nor do two without story support (the default mode, whose e5 scores decide
    link by link)."""
    articles = keyed("incident", INCIDENT)
    day, outlet, title, text = INCIDENT[1]
    articles.append(article("incident-2", "kabarnegeri.id", day.replace("15:10", "18:30"), title, text))

    def placed(support: bool, links: int) -> StoryResult:
        plan = plan_stories(articles, settings=FAST)  # static vectors only; the scores are set below
        plan.support = plan.support if support else None
        below = plan.thresholds.link - SUPPORT_MARGIN / 2  # a link short of the threshold, within the margin
        plan.candidates = {0: [], 1: [0], 2: [0, 1][:links]}
        plan.scores = {0: np.zeros(0), 1: np.array([plan.thresholds.link + 0.1]), 2: np.array([below] * links)}
        return cluster_part(plan, [0, 1, 2])

    def stories(result: StoryResult) -> set[frozenset[str]]:
        return {frozenset(story.articles) for story in result.stories}

    backed = placed(support=True, links=2)
    assert stories(backed) == {frozenset({"incident-0", "incident-1", "incident-2"})}
    # the story page says so: the link shown is under the threshold, the story backed it
    assert backed.joins["incident-2"].signature == "support" and backed.joins["incident-1"].signature != "support"
    assert stories(placed(support=True, links=1)) == {frozenset({"incident-0", "incident-1"}), frozenset({"incident-2"})}
    assert stories(placed(support=False, links=2)) == {frozenset({"incident-0", "incident-1"}), frozenset({"incident-2"})}


AMNESTY = [
    ("2025-05-21T10:00", "Jatim Gelar Pemutihan Pajak Kendaraan Bermotor, Tunggakan Denda Dihapus",
     "Pemerintah Provinsi Jawa Timur menggelar pemutihan pajak kendaraan bermotor mulai 1 Juni hingga 31 Agustus "
     "2025. Kepala Bapenda Jatim, Bobby Soemiarsono, mengatakan denda dan tunggakan pajak kendaraan bermotor "
     "dihapus selama program berlangsung. Pemilik kendaraan cukup membayar pajak tahun berjalan di kantor Samsat "
     "di seluruh Jawa Timur. \"Kami ingin warga kembali tertib membayar pajak,\" kata Bobby di Surabaya, Rabu "
     "(21/5/2025). Program ini juga berlaku untuk balik nama kendaraan bekas dari luar Jatim."),
    ("2025-05-24T09:30", "Ikut Pemutihan Pajak Kendaraan Bermotor, Tunggakan Denda Dihapus Cukup Bayar Ini",
     "Pemerintah Provinsi Jawa Barat menggelar pemutihan pajak kendaraan bermotor hingga 30 Juni 2025. Gubernur "
     "Jawa Barat Dedi Mulyadi mengatakan tunggakan pajak kendaraan bermotor tahun-tahun sebelumnya dihapus, "
     "termasuk dendanya. Pemilik kendaraan cukup membayar pajak tahun berjalan di kantor Samsat di seluruh Jawa "
     "Barat. \"Yang penting warga kembali tertib membayar pajak,\" kata Dedi di Bandung, Sabtu (24/5/2025). Kepala "
     "Bapenda Jabar, Asep Supriatna, menyebut pembayaran juga bisa lewat aplikasi Sapawarga."),
]


@pytest.mark.parametrize("settings", MODES)
def test_two_provinces_same_programme_reports_are_two_stories(settings, embedder):
    """One province's vehicle-tax amnesty ("Jatim Gelar Pemutihan ...") and a report of another's
    whose title names no subject: the first title's place is a place the second article never
    names, so the two are other subjects' news of one template, however alike they read."""
    articles = []
    for n, (day, title, text) in enumerate(AMNESTY):
        item = analyse(Document(source=f"https://kabarnegeri.id/amnesty-{n}", title=title, text=text,
                                outlet="kabarnegeri.id", published=day, language="id"))
        item.id = f"amnesty-{n}"
        articles.append(item)
    assert grouping(articles, settings, embedder) == {frozenset({"amnesty-0"}), frozenset({"amnesty-1"})}
