"""Speakers on multi-outlet news (analyse.quotes): who speaks when an article names an office, an
affiliation, a description or a group, and the quote evaluation's speaker match and split."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from kroscek.analyse.quotes import find_quotes
from kroscek.eval import quotes as quote_eval
from kroscek.model import Quote
from kroscek.text.sentences import split_sentences


def quotes_of(text: str) -> list[Quote]:
    paragraphs = [line.strip() for line in text.strip().split("\n") if line.strip()]
    return find_quotes(split_sentences(paragraphs, "id"), [], "id")


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.kind, q.speaker) for q in quotes_of(text)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a person from an organisation: the person, not the organisation or its province
        ("Dalam diskusi itu, Sutrisno dari LSM Hijau Kalimantan Timur menilai tata kelola hutan masih timpang.", "Sutrisno"),
        ("Marlina dari Friends of Meratus Kalimantan Utara menambahkan, tanpa kepastian izin sengketa kebun akan bertambah.", "Marlina"),
        # an organisation in a place: the organisation, not the place
        ("Kamar Dagang Jepang di China mengatakan, beberapa pemasok sudah menerima izin ekspor.", "Kamar Dagang Jepang"),
        # the affiliation named between commas: the person before it
        ("Jay Sorensen dari konsultan penerbangan AS, IdeaWorks, mengatakan maskapai dulu menawarkan bagasi gratis.",
         "Jay Sorensen"),
    ],
)
def test_the_subject_before_an_affiliation_or_a_place(text: str, speaker: str) -> None:
    [quote] = quotes_of(text)
    assert (quote.kind, quote.speaker) == ("reported", speaker)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Target emisi akan sulit dicapai tanpa revisi itu," ujar Juru Kampanye HPI, Gilang Permana Putra, dalam diskusi.', "Gilang Permana Putra"),
        ('"Pasokan logam itu menjadi alat tawar yang kuat," tulis Kepala Ekonom Asia di Bank Delta, Robin Tanaka, dikutip dari media asing.', "Robin Tanaka"),
    ],
)
def test_the_person_named_after_an_office_and_a_comma(text: str, speaker: str) -> None:
    [quote] = quotes_of(text)
    assert quote.speaker is not None and quote.speaker in speaker and quote.speaker.split()[-1] == speaker.split()[-1]


def test_an_office_before_its_holder_is_not_who_the_text_is_about() -> None:
    text = """
    Kapolres Tanah Merah Barat, AKBP Yohanes Dapa, membenarkan adanya laporan pelanggaran etik oleh anggotanya.
    Ia menyatakan bahwa anggota itu kini menjalani penahanan khusus selama 30 hari.
    """
    assert speakers(text) == [("reported", "Yohanes Dapa"), ("reported", "Yohanes Dapa")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Mantan menteri Hendra Kusuma memastikan, tidak ada monopoli dalam pengadaan laptop itu.", "Hendra Kusuma"),
        ("Namun, kantor berita Antara melaporkan, pengiriman bantuan tertunda karena cuaca buruk.", "Antara"),
        ("Komite Keselamatan turut merekomendasikan agar marka kejut tidak dipasang di jalan menurun.", "Komite Keselamatan"),
    ],
)
def test_more_reporting_verbs(text: str, speaker: str) -> None:
    [quote] = quotes_of(text)
    assert (quote.kind, quote.speaker) == ("reported", speaker)


def test_reporting_to_the_police_is_not_speech() -> None:
    assert quotes_of("Dokter Ratna melaporkan artis itu ke Polda Metro Jaya pada awal Desember atas dugaan pemerasan.") == []


def test_a_spokesperson_referred_back_to_is_not_one_named_later() -> None:
    text = """
    Seorang juru bicara Kementerian Niaga Vietnam yang mengurus perizinan dagang, mengatakan bahwa pihaknya sudah meloloskan beberapa permohonan.
    "Kami siap memperluas dialog dengan negara-negara mitra dagang," kata juru bicara tersebut.
    Sementara itu, Juru Bicara Bea Cukai Vietnam, Pham Thanh, menyebut ekspor naik tipis bulan lalu.
    """
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes[:2]] == ["juru bicara Kementerian Niaga Vietnam"] * 2
    assert quotes[2].speaker == "Pham Thanh"


def test_a_spokesperson_referred_back_to_is_the_one_named_before() -> None:
    text = """
    Juru bicara KPK, Dimas Pratama, menyebut penyidik sudah memeriksa tiga saksi hari ini.
    "Pemeriksaan akan dilanjutkan pekan depan oleh tim penyidik," kata juru bicara tersebut.
    """
    assert [q.speaker for q in quotes_of(text)] == ["Dimas Pratama", "Dimas Pratama"]


def test_statements_inserted_late_in_a_sentence() -> None:
    text = """
    Ekonom dari Universitas Nusantara Teguh Wiranata juga mengutarakan kecemasan yang sama.
    Dia menilai standar upah minimum itu terlalu rendah untuk keadaan sekarang.
    Sementara itu, jika hanya merujuk data lembaga internasional, menurut Teguh, standar itu justru terlalu tinggi.
    Pengusaha Andi Saputra juga memandang keputusan itu sudah tepat. Lagipula, katanya, tambang itu milik negara.
    """
    quotes = quotes_of(text)
    assert [(q.speaker, q.text.split()[0]) for q in quotes] == [
        ("Teguh Wiranata", "standar"), ("Teguh Wiranata", "standar"), ("Andi Saputra", "keputusan"), ("Andi Saputra", "tambang"),
    ]


def test_a_post_or_a_report_does_not_speak() -> None:
    assert quotes_of("Unggahan tersebut menyebutkan bahwa seorang perempuan menjadi korban pelecehan di kantor polisi.") == []


def test_an_unnamed_group_reports_with_no_speaker() -> None:
    text = """
    Namun, para ahli mengatakan negara itu tidak akan melepaskan kendalinya atas mineral langka.
    Sejumlah organisasi lingkungan menegaskan bahwa hutan tidak boleh lagi dipandang sebagai komoditas.
    """
    assert speakers(text) == [("reported", None), ("reported", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Wulan Sari, Chief Content Officer TVKita, berharap serial baru itu disukai pemirsa setia.",
        "Namun, Wulan Sari, warga Desa Sukamaju, mengatakan banjir datang sejak pukul 03.00 pagi.",
        "Wulan Sari, Direktur PT Sumber Air, mengatakan pasokan air bersih aman sampai akhir tahun.",
    ],
)
def test_the_name_before_a_description_set_off_by_commas(text: str) -> None:
    [quote] = quotes_of(text)
    assert quote.speaker == "Wulan Sari"


def test_a_source_is_its_author_not_its_reader() -> None:
    [released] = quotes_of("Menurut data yang dirilis oleh Badan Statistik Nasional, ekspor naik 4,8 persen pada Mei.")
    assert released.speaker == "Badan Statistik Nasional"
    read = quotes_of("Proyek itu bisa berjalan paling lambat pada bulan Maret, menurut dokumen internal yang ditinjau oleh Reuters.")
    assert all(q.speaker != "Reuters" for q in read)


# --- the evaluation -------------------------------------------------------------------------


def test_an_acronym_is_the_organisation_it_stands_for() -> None:
    assert quote_eval.same_speaker("NBS", "National Bureau of Statistics")
    assert quote_eval.same_speaker("National Bureau of Statistics", "NBS")
    assert not quote_eval.same_speaker("BPS", "National Bureau of Statistics")


def test_split_runs_one_half_only(tmp_path: Path) -> None:
    data = tmp_path / "shared" / "data"
    (data / "news").mkdir(parents=True)
    rows = [
        {"url": "u-tune", "title": "t", "content": "Budi Hartono mengatakan bahwa jembatan itu akan selesai tahun depan."},
        {"url": "u-held", "title": "t", "content": "Sari Dewi mengatakan bahwa pasar itu akan dibuka kembali pekan depan."},
    ]
    with (data / "news" / "a.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["url", "title", "content"])
        writer.writeheader()
        writer.writerows(rows)
    header = {"source": "news/", "sources": {"a": "news/a.csv"}, "id_column": "url", "text_column": "content", "title_column": "title"}
    records = [
        {"article": "u-tune", "outlet": "a", "held_back": False, "quotes": [{"start": 29, "end": 68, "speaker": "Budi Hartono", "kind": "reported"}]},
        {"article": "u-held", "outlet": "a", "held_back": True, "quotes": [{"start": 26, "end": 69, "speaker": "Sari", "kind": "reported"}]},
    ]
    path = tmp_path / "labels.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in [header, *records]) + "\n", encoding="utf-8")
    tune = quote_eval.main(path, data=str(data), split="tune", encoder="static")
    assert list(tune) == ["tune"] and tune["tune"]["spans"]["gold"] == 1
    held = quote_eval.main(path, data=str(data), split="held-back", encoder="static")
    assert list(held) == ["held back"] and held["held back"]["spans"]["gold"] == 1
    with pytest.raises(ValueError):
        quote_eval.main(path, data=str(data), split="all")


def _label_file(folder: Path, name: str, rows: list[tuple[str, str, bool, list[dict]]]) -> Path:
    """A label file over one made-up CSV: rows of (url, text, held back, quotes)."""
    data = folder / "shared" / "data"
    (data / "news").mkdir(parents=True, exist_ok=True)
    with (data / "news" / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["url", "title", "content"])
        writer.writeheader()
        writer.writerows({"url": url, "title": "t", "content": text} for url, text, _, _ in rows)
    header = {"source": "news/", "sources": {"a": f"news/{name}.csv"}, "id_column": "url", "text_column": "content", "title_column": "title"}
    records = [{"article": url, "outlet": "a", "held_back": held, "quotes": quotes} for url, _, held, quotes in rows]
    path = folder / "labels" / f"{name}.jsonl"
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(json.dumps(x) for x in [header, *records]) + "\n", encoding="utf-8")
    return path


def test_several_label_files_are_scored_per_file_and_together(tmp_path: Path) -> None:
    right = "Budi Hartono mengatakan bahwa jembatan itu akan selesai tahun depan."
    wrong_speaker = "Sari Dewi mengatakan bahwa pasar itu akan dibuka kembali pekan depan."
    first = _label_file(tmp_path, "round", [
        ("u1", right, False, [{"start": 29, "end": 68, "speaker": "Budi Hartono", "kind": "reported"}]),
        ("u2", wrong_speaker, True, [{"start": 26, "end": 69, "speaker": "Rina Lestari", "kind": "reported"}]),
    ])
    _label_file(tmp_path, "round-2", [
        ("u3", right.replace("jembatan", "terminal"), False, [{"start": 29, "end": 68, "speaker": "Budi Hartono", "kind": "reported"}]),
        ("u4", "Hari ini hujan turun sejak pagi di pasar.", False, [{"start": 0, "end": 20, "speaker": "Ani", "kind": "reported"}]),
    ])
    (tmp_path / "labels" / "unsplit.jsonl").write_text(first.read_text(encoding="utf-8").replace('"held_back": false, ', ""), encoding="utf-8")
    data = str(tmp_path / "shared" / "data")
    figures = quote_eval.main(tmp_path / "labels", data=data)  # the folder: the two files with a split, in round order
    assert list(figures["files"]) == ["round.jsonl", "round-2.jsonl"]
    tune = figures["combined"]["tune"]["spans"]
    assert (tune["articles"], tune["gold"], tune["recall"], tune["speaker_accuracy"]) == (3, 3, 2 / 3, 1.0)
    assert figures["files"]["round-2.jsonl"]["tune"]["spans"]["recall"] == 0.5
    assert figures["combined"]["held back"]["spans"]["speaker_accuracy"] == 0.0
    assert "held back" not in figures["files"]["round-2.jsonl"]
    only_tune = quote_eval.main(first, data=data, files="round-2.jsonl", split="tune")
    assert list(only_tune["combined"]) == ["tune"] and only_tune["combined"]["tune"]["spans"]["gold"] == 3
    with pytest.raises(FileNotFoundError):
        quote_eval.main(first, data=data, files="nothing-*.jsonl")


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Jakarta Barat", True), ("Sumba Barat Daya", True), ("Kalimantan Selatan", True), ("Kompleks Istana Kepresidenan", True),
        ("Polda Jawa Barat", False), ("Timur Pradopo", False), ("Dedi Mulyadi", False), ("Kementerian Luar Negeri Korea Utara", False),
    ],
)
def test_a_region_named_by_its_direction_is_a_place(name: str, place: bool) -> None:
    from kroscek.analyse.quotes import can_speak, is_place_name

    assert is_place_name(name) is place and can_speak(name) is not place


def test_an_office_before_the_commas_is_not_a_name_with_a_description() -> None:
    [quote] = quotes_of("Sosiolog Universitas Padjadjaran, Rahmat Hidayat, menyebutkan fenomena itu merupakan perilaku kolektif.")
    assert quote.speaker == "Rahmat Hidayat"


def test_the_focus_is_the_first_name_that_can_speak() -> None:
    text = """
    Kalimantan Selatan menjadi tujuan kunjungan Menteri Hasan Basri pekan ini.
    Dia berharap tidak ada kerusakan hutan adat di pulau itu.
    "Tambang itu sudah kami tutup sejak bulan Mei," kata Rudi Hartono, kepala dinas setempat.
    Rudi menambahkan pengawasan akan diperketat mulai pekan depan.
    "Kami akan terus memantau keadaan di lapangan," kata Hasan Basri.
    """
    assert quotes_of(text)[0].speaker == "Hasan Basri"


def test_a_country_stays_whole_and_does_not_speak() -> None:
    text = "Sejauh ini hanya Oman, Bahrain, dan Uni Emirat Arab yang telah memastikan bahwa mereka menembus putaran final."
    assert speakers(text) == [("reported", None)]  # not "Emirat Arab", and no place as the speaker


def test_securing_a_place_is_not_speech() -> None:
    assert quotes_of("Tim itu sudah memastikan tempat di babak keempat kualifikasi Piala Dunia sebelum laga terakhir.") == []


def test_a_word_set_off_inside_a_reported_clause_is_not_a_quote() -> None:
    text = "Kombes Heru Santoso memastikan, truk proyek yang ramai usai 'dibiarkan' petugas masuk jalur sepeda tetap akan ditilang."
    assert all(q.text != "dibiarkan" for q in quotes_of(text))


def test_a_pages_tag_line_does_not_make_a_name_a_common_word() -> None:
    text = """
    Rendra Kusnadi belakangan sibuk dengan bisnis perawatan kulit.
    Lewat produk itu, kakak Mira Kusnadi itu menegaskan pria tak masalah memakai skincare.
    "Gue juga memberikan edukasi kepada semua pria," ungkapnya saat ditemui.
    (abc/def)
    skincare
    rendra kusnadi
    bisnis perawatan kulit
    """
    assert [q.speaker for q in quotes_of(text)] == ["Rendra Kusnadi", "Rendra Kusnadi"]


def test_a_sides_words_go_to_the_one_who_speaks_for_it() -> None:
    text = """
    Menurut pengacaranya, Ilyas Santoso, niat awal Dimas hanya ingin menegur saja.
    Meski begitu, pihak Dimas bilang mereka masih membuka peluang damai.
    Pihak Dimas Prakoso menyatakan siap mengikuti mediasi, asal ada niat baik dari pihak lawan.
    """
    assert [q.speaker for q in quotes_of(text)] == ["Ilyas Santoso"] * 3


def test_a_side_with_no_one_named_stays_the_side() -> None:
    [quote] = quotes_of("Pihak Dimas Prakoso menyatakan siap mengikuti mediasi yang ditawarkan penyidik.")
    assert quote.speaker == "pihak Dimas Prakoso"


def test_pihaknya_is_not_a_side() -> None:
    text = "Rina Kartika mengatakan, pihaknya masih menunggu jawaban dari penyidik."
    assert [q.speaker for q in quotes_of(text)] == ["Rina Kartika"]


def test_a_description_closed_by_ini() -> None:
    text = """
    Rendra Kusnadi mengaku tidak pernah putus asa.
    Meztika Melati, Co-founder dan Formulator Jelita Inc. ini menambahkan, semua produknya sudah bersertifikasi BPOM.
    """
    assert [q.speaker for q in quotes_of(text)] == ["Rendra Kusnadi", "Meztika Melati"]


def test_a_lawyer_named_after_his_client_is_the_one_a_pronoun_then_means() -> None:
    """"Pengacara Rahmat, Yosef Jaya, turut menanggapi. Ia mengatakan ...": the lawyer speaks, not his client."""
    text = """
    "Surat panggilan sudah diterima," ujar Kombes Rizki Agung.
    Pengacara Rahmat Santika, Yosef Jaya Butar Butar, turut menanggapi status tersangka itu. Ia mengatakan, penyidik sudah bekerja sesuai prosedur.
    """
    assert [q.speaker for q in quotes_of(text)] == ["Rizki Agung", "Yosef Jaya Butar Butar"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Tindak pidana itu tidak tunggal," ujar Pelaksana Tugas Deputi Pencegahan dan Monitoring KPK Bayu Anggara Putra di Jakarta.',
         "Bayu Anggara Putra"),
        ('"Hari ini KPK menjadwalkan pemeriksaan saksi," kata jubir KPK Yudha Prasetya kepada wartawan.', "Yudha Prasetya"),
        ('"Klien kami kooperatif," kata kuasa hukum Lisa Rachmat kepada wartawan.', "kuasa hukum Lisa Rachmat"),
        ("Mendikdasmen Hasan Qur'ani dalam rapat kerja dengan Komisi VIII memaparkan bahwa ratusan ruang kelas rusak berat.", "Hasan Qur'ani"),
    ],
)
def test_offices_spokespeople_and_settings_around_a_name(text: str, speaker: str) -> None:
    """An office with "dan" in it before the name; a spokesperson named after the body he speaks
    for (a lawyer's client is not him); a body met with between the subject and its verb."""
    [quote] = quotes_of(text)
    assert quote.speaker == speaker


def test_a_party_and_its_member_open_the_sentence_a_pronoun_then_means_the_member() -> None:
    """"Fraksi PKB, Dadang Sumarna, menyoroti ... Menurutnya, ...": the member, not the party; "pihaknya" is him too."""
    text = """
    Fraksi PKB, Dadang Sumarna, menyoroti soal aturan yang belum dijalankan. Menurutnya, banyak madrasah perlu pendampingan dari pemerintah.
    Namun pihaknya memberikan catatan, bahwa pembinaan harus mematuhi aturan.
    """
    assert [q.speaker for q in quotes_of(text)] == ["Dadang Sumarna", "Dadang Sumarna"]


def test_an_admission_reports() -> None:
    [quote] = quotes_of("Gubernur Jambi, Hendri Saputra mengakui Jambi memiliki banyak sekolah rusak.")
    assert (quote.speaker, quote.verb) == ("Hendri Saputra", "mengakui")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Terkait hal ini, Ketua KPU Syamsuddin mengatakan aturan itu sudah berlaku sejak lima tahun lalu.", "Syamsuddin"),
        ("Sejalan dengan itu, anggota Komisi II DPR RI Ahmad Rizal Kurnia mengatakan data pemilih bukan hal yang harus disembunyikan.",
         "Ahmad Rizal Kurnia"),
        ("Menteri Liam Carter menyebut kerja sama itu besar. Pernyataan Gedung Putih menambahkan dananya akan diarahkan ke energi.",
         None),
    ],
)
def test_the_person_after_a_body_and_no_building_speaking(text: str, speaker: str | None) -> None:
    """The person named after a body's acronym; a building ("Gedung Putih") is no speaker, nor the
    last word of its name."""
    assert only_reported(quotes_of(text))[-1].speaker == speaker


def only_reported(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.kind == "reported"]


def test_a_book_named_between_the_author_and_the_verb_is_not_the_speaker() -> None:
    [quote] = quotes_of("Rahman Sidik dalam bukunya Jejak Suara menyebutkan bahwa pemilih makin rasional memilih partai.")
    assert quote.speaker == "Rahman Sidik"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Kami menyatakan sikap organisasi," tulis pernyataan resmi Himakom FISIP Unand lewat akun Instagram.', "Himakom FISIP Unand"),
        ("Polisi juga menyebut pria itu merupakan buronan kasus penipuan arisan.", "polisi"),
        ("Otoritas Provinsi Kandal menyatakan akan segera memulangkan ketiga nelayan itu ke kampungnya.", "Otoritas Provinsi Kandal"),
    ],
)
def test_bodies_statements_and_a_name_after_menurut(text: str, speaker: str) -> None:
    """A statement's author is the body that wrote it; "Polisi" opening a sentence is the police;
    an authority of a province is no place."""
    assert quotes_of(text)[-1].speaker == speaker


def test_a_name_after_menurut_is_never_taken_for_a_common_word() -> None:
    """"Menurut Mari,": Mari is named, though "mari" is a common word."""
    quote = quotes_of('"Kita ingin tumbuh tinggi," jelas Mari Elka Pangestu. Menurut Mari, aturan itu membuka pasar karbon.')[-1]
    assert quote.speaker in {"Mari", "Mari Elka Pangestu"}  # the name, short or whole; not a piece of it


def test_a_law_is_no_speaker() -> None:
    assert quotes_of("Undang-Undang Nomor 12 Tahun 2021 tentang Sekolah Aman menegaskan bahwa setiap murid harus terlindungi dari kekerasan.") == []


def test_an_office_alias_in_brackets_names_its_holder() -> None:
    text = """
    Menteri Agama (Menag) Yusuf Harahap membeberkan capaian kerja kementeriannya.
    "Program itu bukan sekadar janji kampanye, tapi arah kerja kami," kata Menag dalam refleksi satu tahun.
    """
    assert [q.speaker for q in quotes_of(text)] == ["Yusuf Harahap"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Komisioner Komnas HAM Rudolf P Simanjuntak menyebut pemantauan itu berjalan sejak tahun 2022.", "Rudolf P Simanjuntak"),
        ("Sampah plastik akan naik dua kali lipat pada 2050, menurut Lembaga Riset Pangan dan Lingkungan Hidup (LRPLH).",
         "Lembaga Riset Pangan dan Lingkungan Hidup"),
    ],
)
def test_initials_and_a_body_with_dan_in_its_name(text: str, speaker: str) -> None:
    [quote] = quotes_of(text)
    assert quote.speaker == speaker


def test_both_sides_name_no_speaker() -> None:
    assert quotes_of("Di akhir rapat itu, kedua belah pihak menyatakan sepakat memperluas kemitraan dagang.") == []


@pytest.mark.parametrize("name", ["Sari", "Ahmad", "Bimo"])
def test_a_given_name_that_is_also_another_name_of_a_town_speaks(name: str) -> None:
    """The gazetteer knows "Sari" as one of Surrey's names: after "kata" it is a person."""
    [quote] = quotes_of(f'"Kami siap membantu warga desa di sini," kata {name} kepada wartawan.')
    assert quote.speaker == name


def test_a_city_under_its_own_name_never_speaks() -> None:
    from kroscek.analyse.quotes import is_place_name

    assert is_place_name("Depok") and is_place_name("Kairo") and not is_place_name("Sari")


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ('Wakil Ketua Umum Partai Hanura Sigit Purnomo (Sipur) hadir. "Pembenahan partai harus dimulai dari kaderisasi," ujar Sipur.',
         ["Sigit Purnomo"]),
        ("Badan Pengelola Dana Abadi Nusantara (Dananusa) mengkaji utang itu. Dananusa sudah menyatakan ada dua opsi pelunasan.",
         ["Dananusa"]),
    ],
)
def test_a_short_name_in_brackets(text: str, speakers: list[str]) -> None:
    """A person's short name is the whole name before it, not its last four words; a body's short
    name stays as the article writes it."""
    assert [q.speaker for q in quotes_of(text)] == speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Kami masih menyelidiki kasus itu," kata Kabid Humas Polda Sumut Kombes Daniel Simatupang kepada wartawan.', "Daniel Simatupang"),
        ('"Iuran tidak naik tahun ini," kata Direktur Utama BPJS Kesehatan Prof Ghufron Mukti kepada wartawan.', "Ghufron Mukti"),
        ('"Kami siap membantu," kata Arief Rahman Hakim Saputra kepada wartawan.', "Arief Rahman Hakim Saputra"),
        ('"Kami siap membantu," kata Ketua DPRD Banten Fahmi Hakim kepada wartawan.', "Fahmi Hakim"),
        ('"Kami siap membantu warga," kata Papua kepada wartawan.', None),
    ],
)
def test_titles_inside_a_run_provinces_and_title_words_in_names(text: str, speaker: str | None) -> None:
    """A rank inside the run starts the name; a province is never a speaker nor a given name; a
    title word inside a name ("Hakim") stays in it."""
    speakers = [q.speaker for q in quotes_of(text)]
    assert speakers == ([speaker] if speaker else [])


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the person after the place of a body
        ('"Kami siap membantu," kata dosen Universitas Muhammadiyah Tangerang Ahmad Chumaedy kepada wartawan.', "Ahmad Chumaedy"),
        ('"Kami siap membantu," kata Kasi Penkum Kejati Sumsel Mega Ayu Eka Sari kepada wartawan.', "Mega Ayu Eka Sari"),
        ('"Kami siap membantu," kata Rektor Universitas Gadjah Mada Ova Emilia kepada wartawan.', "Ova Emilia"),
        # the name after a body's acronym and its field, or before the office the person holds
        ('"Kami siap," kata Menteri Koordinator Bidang Pangan Zulkifli Hasan kepada wartawan.', "Zulkifli Hasan"),
        ('"Kami siap," kata Ketua ISSC Budi Harta Winata kepada wartawan.', "Budi Harta Winata"),
        ('"Kami siap," kata Direktur BPJS Kesehatan Lily Kresnowati kepada wartawan.', "Lily Kresnowati"),
        ('"Kami siap," kata Yosef Ketua DPD Partai Golkar Provinsi Maluku kepada wartawan.', "Yosef"),
    ],
)
def test_a_name_around_an_office_or_the_place_of_a_body(text: str, speaker: str) -> None:
    [quote] = quotes_of(text)
    assert quote.speaker == speaker


def test_a_title_with_a_demonstrative_after_the_verb_refers_back() -> None:
    text = ('Ahli biologi Matthias Alfredsson mengatakan bahwa sampel itu sangat langka di dunia. '
            '"Semuanya dikumpulkan dari tali anggur," kata peneliti tersebut dalam sebuah email.')
    assert [q.speaker for q in quotes_of(text)] == ["Matthias Alfredsson", "Matthias Alfredsson"]


def test_an_acronym_speaker_is_not_expanded_into_a_run_that_holds_it() -> None:
    text = "Putusan MK Nomor 105 dibacakan kemarin. Dalam pertimbangannya, MK menyatakan UU ITE harus ditafsirkan secara ketat oleh aparat."
    [quote] = quotes_of(text)
    assert quote.speaker == "MK"


def test_an_office_as_subject_is_the_person_the_article_names_for_it() -> None:
    """"Ekonom Bank Mandiri menilai ...": the bank's economist, named in the next sentence; a body's
    name is never stretched over a person's ("Bank DBS"), nor its short name ("Unud")."""
    text = ("Ekonom Bank Mandiri menilai Bank Indonesia berpeluang menurunkan suku bunga acuannya bulan ini. "
            "Menurut Kepala Ekonom Bank Mandiri Galih Saputro, sekarang momentum yang pas.")
    assert [q.speaker for q in quotes_of(text)] == ["Galih Saputro", "Galih Saputro"]
    text = "Sejumlah Mahasiswa Universitas Udayana (Unud) diberi sanksi. Namun, Unud menegaskan hukuman itu masih bisa ditinjau ulang."
    assert [q.speaker for q in quotes_of(text)] == ["Unud"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Ribuan orang turun ke jalan. "Saya tidak pernah menyangka akan melihat ini," ujar seorang lansia, Margaret Doyle (72), kepada AFP.',
         "Margaret Doyle"),
        ('Banjir melanda kota. "Ini sudah hujan dari kemarin sore," kata salah satu pedagang sayur asal Tlogosari, Darto (41) kepada wartawan.',
         "Darto"),
        ('Menteri Agama Nasaruddin Umar hadir di pesantren itu. "Santri itu kan juga manusia," ujar Menag usai acara.', "Nasaruddin Umar"),
        ('Ketua DPD Sultan Bachtiar Najamudin memuji para gubernur. "Efisiensi harus dijalankan dengan cermat," ujar Sultan.',
         "Sultan Bachtiar Najamudin"),
        ('Majelis membacakan putusan. "Menyatakan merek itu terdaftar dengan iktikad tidak baik," ujar hakim.', "hakim"),
    ],
)
def test_speakers_described_after_the_verb(text: str, speaker: str) -> None:
    """A description and the name after its comma; a minister's short title and the person the
    article names for the office; a title that is also a name; a judge no one names."""
    assert quotes_of(text)[-1].speaker == speaker


def test_a_clause_after_jelas_bahwa_describes_no_one() -> None:
    assert quotes_of("Ketika negara itu berhadapan langsung dengan sanksi dagang, jelas bahwa hal itu akan memperberat beban industri.") == []


def test_a_sentence_opener_before_a_side_is_not_its_spokesperson() -> None:
    text = ("Indonesia mengajukan keberatan soal zona itu. Menanggapi keberatan tersebut, pihak Arab Saudi menjelaskan bahwa "
            "penataan itu merupakan akibat dari aturan baru.")
    assert [q.speaker for q in quotes_of(text)] == ["pihak Arab Saudi"]


def test_a_name_run_stops_at_a_capitalised_preposition_after_the_name() -> None:
    """'kata Bayu Pada Maret 2022': the page lost a full stop; the office "Menteri Dalam Negeri" keeps its "Dalam"."""
    text = ('Bayu Kresna sempat ramai dibicarakan. "Unggahan itu sudah saya hapus, saya minta maaf," kata Bayu '
            'Pada Maret 2022, Bayu Kresna kembali membuat heboh.')
    assert [q.speaker for q in quotes_of(text)] == ["Bayu Kresna"]
    assert [q.speaker for q in quotes_of('"Pemilu berjalan aman," kata Menteri Dalam Negeri Tito Karnavian kepada wartawan.')] == ["Tito Karnavian"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Bellamie Boulangerie ramai setiap pagi. "Seru banget karena tempatnya cozy dan makanannya enak," '
         'seperti dijelaskan dalam akun Google Yelsi Sriwahyuni.', "Yelsi Sriwahyuni"),
        ('Bellamie Boulangerie ramai setiap pagi. "Seru banget karena tempatnya cozy dan makanannya enak," '
         'seperti ditulis akun rista munikha.', None),
        ('Rapat digelar kemarin. "Kami akan mengawal kasus ini sampai selesai," disampaikan oleh Ketua Komisi III Habiburokhman.',
         "Habiburokhman"),
    ],
)
def test_a_passive_attribution_after_the_quote(text: str, speaker: str | None) -> None:
    """"seperti ditulis akun X": the account's name when written as one, else no one (not the café the text is about)."""
    assert [q.speaker for q in quotes_of(text)] == [speaker]


def test_a_pronoun_after_a_long_office_and_its_holder() -> None:
    """"Wakil Presiden Optimalisasi Aset PT X, Dimas Haryono, mengapresiasi ... Ia mengatakan": the
    holder the office names, however many words the office runs, not the one who spoke before."""
    text = ('"Udaranya sejuk dan tempatnya luas," ujar Hafizh, mahasiswa asal Semarang.\n'
            'Wakil Presiden Optimalisasi Aset PT Rel Wisata Nusantara, Dimas Haryono, mengapresiasi minat warga. '
            'Ia mengatakan, gedung itu sudah beberapa kali dipakai untuk kegiatan keagamaan.')
    assert [q.speaker for q in quotes_of(text)] == ["Hafizh", "Dimas Haryono"]


def test_a_pronoun_after_a_subject_opened_by_a_connective() -> None:
    """"Sementara itu, Sri Wahyuni (52), warga ..." is who the next sentences are about."""
    text = ('Keysa datang bersama keluarganya. "Tempatnya bersejarah dan bangunannya indah," ungkap Keysa.\n'
            'Sementara itu, Sri Wahyuni (52), warga asal Candisari, sengaja datang lagi tahun ini. '
            'Sebelumnya, ia sempat salat Idul Fitri di tempat yang sama.\n'
            '"Tahun lalu kami juga salat di sini, jadi ini kali kedua," tuturnya.')
    assert [q.speaker for q in quotes_of(text)] == ["Keysa", "Sri Wahyuni"]


def test_initials_quoted_by_name_keep_their_pronouns() -> None:
    """A person the article calls by initials ('ungkap HNW') keeps '"...," jelasnya' after another
    person is named in passing; only an organisation's pronoun goes to the last person."""
    text = ('"Dunia harus menolak penahanan itu," ungkap HNW.\n'
            'HNW sependapat dengan pemimpin partai oposisi Prancis Jean-Luc Melenchon, yang mendesak Uni Eropa mengecam penahanan itu.\n'
            'HNW mengungkapkan keterlibatan aktivis dari banyak negara menunjukkan warga dunia bergerak sendiri.\n'
            '"Negara-negara yang dilalui mestinya ikut bergerak lebih konkret," jelasnya.')
    said = {q.text[:8]: q.speaker for q in quotes_of(text) if q.kind == "direct"}
    assert set(said.values()) == {"HNW"}


def test_a_passive_attribution_names_the_holder_past_a_broken_office() -> None:
    """"Hal ini disampaikan General Manager (GM) Wilayah 2B Koperasi Tani Makmur, Hendra Kusuma": the
    person after the office's comma, though a bracket and a number break the office's run."""
    text = ('Hal ini disampaikan General Manager (GM) Wilayah 2B Koperasi Tani Makmur, Hendra Kusuma, usai rapat dengan petani.\n'
            '"Kios itu resmi ditutup mulai hari ini," ujarnya.')
    assert [q.speaker for q in quotes_of(text)] == ["Hendra Kusuma"]


def test_a_pronoun_after_a_short_description_and_its_name() -> None:
    """"Jemaah lainnya, Ahmad Fauzi, juga ... Dia berharap": the one the description names."""
    text = ('"Biayanya turun, lumayan sekali," ucap Fatmawati.\n'
            'Jemaah lainnya, Ahmad Fauzi, juga bersyukur atas ongkos haji yang turun. Dia berharap ongkos haji bisa tetap murah.\n'
            '"Kami tinggal ikuti saja hitungan pemerintah," ujarnya.')
    assert [q.speaker for q in quotes_of(text)] == ["Fatmawati", "Ahmad Fauzi", "Ahmad Fauzi"]


@pytest.mark.parametrize(
    ("text", "verb", "clause"),
    [
        ("Menteri Hasan menegaskan kecurangan itu tidak bisa dibiarkan. Ia memerintahkan agar izin pemasok yang curang segera dicabut.",
         "memerintahkan", "agar izin pemasok yang curang segera dicabut"),
        ("Hendra mengingatkan kepada seluruh pengelola kios, setiap kecurangan harga akan dikenai sanksi berat.",
         "mengingatkan", "setiap kecurangan harga akan dikenai sanksi berat"),
    ],
)
def test_an_order_and_a_warning_past_its_addressee_report_a_clause(text: str, verb: str, clause: str) -> None:
    """"memerintahkan agar ..." reports what is ordered; "mengingatkan kepada X, ..." what follows the addressee's comma."""
    reported = [q for q in quotes_of(text) if q.verb == verb]
    assert [q.text for q in reported] == [clause]


def test_an_addressee_without_a_comma_reports_nothing() -> None:
    assert not [q for q in quotes_of("Hendra mengingatkan kepada seluruh pengelola kios tentang sanksi itu.") if q.kind == "reported"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Budi Santoso dengan tegas mengatakan bahwa harga beras akan turun bulan depan.", "Budi Santoso"),
        ("Dalam siaran langsung pekan lalu, Megan secara terbuka mengungkapkan bahwa dirinya pernah sakit parah.", "Megan"),
    ],
)
def test_a_manner_adverb_between_subject_and_verb(text: str, speaker: str) -> None:
    """"dengan tegas", "secara terbuka" say how the subject spoke, not who."""
    assert [(q.kind, q.speaker) for q in quotes_of(text)] == [("reported", speaker)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Ajang ini penting bagi kami," ujar Pejabat Eksekutif Wealth & Retail Banking Bank Nusantara Rudy Hartanto Simbolon dalam rilis.',
         "Rudy Hartanto Simbolon"),
        ('"Indonesia pasar kunci bagi kami," ucap President of JLM International Zhang Wei.', "Zhang Wei"),
        ('Alya Rohali bercerita soal putrinya. "Saran psikolognya jangan takut gemuk," jelas Puteri Indonesia 1996 itu.', "Alya Rohali"),
    ],
)
def test_a_speech_tag_with_an_english_office_or_a_description(text: str, speaker: str) -> None:
    """An office joined by '&' or 'of' is one office before its holder; a capitalised description
    with a demonstrative ("Puteri Indonesia 1996 itu") refers back to the one named before."""
    assert [q.speaker for q in quotes_of(text) if q.kind == "direct"] == [speaker]


def test_a_group_of_officials_is_no_one_in_focus() -> None:
    """"Para pejabat mengatakan ...": officials as a group, not the president quoted after them."""
    text = ('Para pejabat mengatakan bahwa siswa itu ditangkap setelah menyerang gurunya.\n'
            '"Kami berduka atas kejadian ini," tulis Presiden Laurent Girard di media sosial.')
    assert [(q.kind, q.speaker) for q in quotes_of(text)] == [("reported", None), ("direct", "Laurent Girard")]


def test_a_pronoun_after_an_unnamed_speaker_is_no_one_named() -> None:
    """After '"...," ujar salah seorang staf penginapan', "menurut dia" and '"...," ujarnya' are that
    unnamed employee's, not the person the article names next; a description with a demonstrative
    ("pesan bintang sinetron itu") still refers back to the one named before."""
    text = ('"Hotel bintang lima tapi harganya turun," ujar salah seorang staf penginapan yang enggan disebut namanya. '
            'Namun menurut dia, ruang rapat pelan-pelan kembali terisi.\n'
            '"Anggaran yang dibuka masih sedikit," ujarnya.\n'
            'Sebelumnya Ketua PHRI Jakarta, Sutrisno Iwantono, mengatakan tingkat hunian hotel turun tajam.')
    assert [q.speaker for q in quotes_of(text)] == [None, None, None, "Sutrisno Iwantono"]
    text = ('Dylan Carr pernah koma setelah kecelakaan mobil. "Kalau capek jangan memaksa menyetir," pesan bintang sinetron itu. '
            'Soal trauma, dirinya mengaku sudah berani menyetir sendiri lagi.')
    assert [q.speaker for q in quotes_of(text)][-1:] == ["Dylan Carr"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Kami terus berpatroli di wilayah itu," kata Wali Kota (Walkot) Jaktim, Munjirin, Selasa (10/6/2025).', "Munjirin"),
        ('"Kami terus membantu warga," ujar Corporate Secretary ASDP, Rani Kusumawati dalam keterangan resmi.', "Rani Kusumawati"),
        ('General Manager Corporate Secretary KCIC Dewi Anggraini mengatakan KCIC memberi diskon selama libur sekolah.', "Dewi Anggraini"),
        ('Bantuan disalurkan di Jalur Gaza. Namun banyak warga Gaza mengatakan mereka terpaksa antre sejak subuh.', None),
    ],
)
def test_an_office_its_region_and_the_people_of_a_place(text: str, speaker: str | None) -> None:
    """The holder after an office's bracketed short title and its region; an English office; the
    people of a place ("warga Gaza") speak as a group with no speaker, never as the place."""
    assert [q.speaker for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"Jepang ranking 15 dunia," tutur Naufal.\n'
         'Pendapat serupa juga disampaikan oleh Salsa (24). Ia menilai kekompakan lini tengah kali ini kurang terlihat.',
         "Salsa"),
        ('Yusak Billy sebagai Sales & Marketing Director PT Honda Prospect Motor membeberkan bahwa mobil itu begitu dicintai.',
         "Yusak Billy"),
        pytest.param(
            'Corporate Secretary Sinar Adiperkasa Rina Kurniasih menjelaskan, perusahaan hanya mengambil alih stok dan aset pendukung.',
            "Rina Kurniasih",
            marks=pytest.mark.xfail(strict=True, reason="a company's name with no acronym nor institution's word "
                                    "(Sinar Adiperkasa) is read as the person's given names"),
        ),
    ],
)
def test_a_passive_opinion_a_name_before_its_office_and_an_english_secretary(text: str, speaker: str) -> None:
    """"Pendapat serupa juga disampaikan oleh X" makes X the one a pronoun after it refers to; "X
    sebagai <office> membeberkan" is X's; "Corporate Secretary <company> X" is X, not "Corporate"."""
    said = [q.speaker for q in quotes_of(text) if q.kind == "reported"][-1]
    assert said == speaker  # the person, not the office's first word nor the company before the name


@pytest.mark.parametrize(
    "unit",
    [
        "Deputi Penindakan dan Eksekusi of Wakil ",  # an office's run that goes on and on ("dan", "of")
        "Sementara itu, Budi Santoso, warga, ",  # many full names after commas in one sentence
    ],
)
def test_a_long_paragraph_with_no_stop_is_read_in_linear_time(unit: str) -> None:
    """A 40,000-character paragraph with no full stop (a page's text run together) is read in a
    second or two; a check that rereads the run or the sentence so far per word takes tens."""
    import time

    quotes_of("Ia mengatakan bahwa harga naik.")  # the lexicons loaded outside the timing
    text = (unit * (40_000 // len(unit) + 1))[:40_000]
    started = time.perf_counter()
    quotes_of(text)
    assert time.perf_counter() - started < 4.0


@pytest.mark.parametrize(
    "first",
    [
        "Kepala Ekonom Bank Mandiri Andi Prasetyo mengatakan bahwa inflasi masih terjaga bulan ini.",
        "Kepala Ekonom Bank Mandiri Andi Prasetyo hadir dalam rapat itu.",
        "Rapat itu dihadiri Kepala Ekonom Bank Mandiri Andi Prasetyo.",
    ],
)
def test_an_office_as_subject_is_the_holder_whatever_follows_the_name(first: str) -> None:
    """"Ekonom Bank Mandiri menilai" is the person the article names after the office, whether
    lowercase words or a full stop follow that name; the office's words match in any case."""
    said = quotes_of(first + "\nEkonom Bank Mandiri menilai bahwa harga beras akan turun bulan depan.")
    assert said[-1].speaker == "Andi Prasetyo"


def test_a_demonstrative_of_a_later_phrase_leaves_an_unnamed_speaker_unnamed() -> None:
    """'ujar salah seorang pegawai hotel saat ditemui di lobi gedung itu': "itu" is the building's,
    after the tag; the pronoun after it is the unnamed employee's, not the manager named before."""
    text = ('Manajer hotel Budi Santoso mengatakan bahwa kamar hotel sudah penuh sejak pekan lalu.\n'
            '"Kami tidak bisa menerima tamu lagi," ujar salah seorang pegawai hotel saat ditemui di lobi gedung itu.\n'
            'Ia menambahkan bahwa tamu baru diminta mencari penginapan lain.')
    assert [q.speaker for q in quotes_of(text)] == ["Budi Santoso", None, None]


@pytest.mark.parametrize(
    ("name", "short"),
    [("Moch. Rizal Fauzi", "Rizal"), ("Muh. Ali Akbar", "Ali"), ("H. Abdul Gani", "Abdul"), ("dr. Rina Lestari", "Rina")],
)
def test_an_abbreviated_first_name_or_title_neither_ends_the_sentence_nor_the_name(name: str, short: str) -> None:
    """"Moch." or "H." before a name is part of it: the sentence does not end there, the speaker
    is the whole name, and a later "kata <name>" or pronoun goes to the same person."""
    text = (f'Kepala Dinas Pekerjaan Umum {name} mengatakan bahwa jalan desa itu akan diperbaiki bulan depan.\n'
            f'"Anggarannya sudah kami siapkan sejak awal tahun," kata {short}.\n'
            'Ia menambahkan bahwa perbaikan akan dimulai dari jembatan yang rusak.')
    assert len(split_sentences([text.splitlines()[0]], "id")) == 1
    said = quotes_of(text)
    assert [q.kind for q in said] == ["reported", "direct", "reported"]
    assert said[0].text.startswith("jalan desa")
    whole = name.replace(".", "").split()[-2:]
    assert all(q.speaker is not None and q.speaker.split()[-2:] == whole for q in said), [q.speaker for q in said]


def test_a_name_the_article_writes_as_a_regency_district_or_village_never_speaks() -> None:
    """Towns the gazetteer does not know are places where the article puts them after "Desa",
    "Kecamatan" or "Kabupaten" (or a gazetteer town after "di" / "dari"): never a speaker, and
    their residents are no one named; a name after "Wali Kota" is the mayor's."""
    text = """
    Longsor menimpa tiga rumah di Dusun Karangsari, Desa Sidomukti, Kecamatan Kaliwungu, Kabupaten Temanggung.
    Kaliwungu menyebut jalan desa tertutup material tanah sejak pagi.
    Menurut Sidomukti, warga sudah mengungsi ke balai desa.
    Wali Kota Magelang Damar Prasetyono mengatakan pihaknya mengirim bantuan ke Temanggung.
    Warga Bantul yang datang membantu mengatakan bahwa akses jalan sudah dibuka sebagian.
    Relawan dari Bantul, Sugeng Riyadi, mengatakan bahwa relawan bergantian berjaga.
    Bantul menilai bahwa bantuan perlu ditambah.
    """
    said = speakers(text)
    assert said == [("reported", None), ("reported", None), ("reported", "Damar Prasetyono"), ("reported", None),
                    ("reported", "Sugeng Riyadi"), ("reported", None)]


def test_a_mayors_name_is_no_place_and_places_are_read_per_article() -> None:
    from kroscek.analyse.quotes import lexicon
    from kroscek.analyse.quotes.names import article_places, is_place_name, places_in_article

    places = article_places(["Wali Kota Sukamaju Raya Bima Santoso meninjau Kelurahan Sidorejo Lor dan kota Purwadadi, di Sleman."], lexicon("id"))
    assert {"sidorejo lor", "purwadadi", "sleman"} <= places
    assert not {key for key in places if "bima" in key or "santoso" in key}
    with places_in_article(places):
        assert is_place_name("Purwadadi") and is_place_name("Sidorejo Lor")
    assert not is_place_name("Purwadadi")  # another article: not known as a place


@pytest.mark.parametrize(("given", "whole"), [("Indah", True), ("Budi", True), ("indah", False)])
def test_a_given_name_that_is_a_common_word_after_an_offices_place(given: str, whole: bool) -> None:
    """"Bupati Lumajang Indah Amperawati": after the place of the office comes the holder's
    whole name, though "indah" is a common word, unless the article writes it in lowercase."""
    text = (f"Bupati Lumajang {given.capitalize()} Amperawati mengatakan bahwa tempat pengungsian sudah disiapkan.\n"
            + ("" if whole else f"Pemandangan di lereng gunung itu sangat {given} saat pagi.\n")
            + '"Kami minta warga tetap waspada," ujarnya.')
    expected = f"{given.capitalize()} Amperawati" if whole else "Amperawati"
    assert [q.speaker for q in quotes_of(text)] == [expected, expected]


def test_a_continuation_after_a_named_statement_goes_to_the_one_who_stated_it() -> None:
    """"Ia menambahkan" and "imbuhnya" go on with the one who spoke last, whether that was a
    direct quote or a statement "X mengatakan bahwa ..."; not the speaker of an earlier quote."""
    text = """
    "Kami mencatat 120 kasus dalam dua pekan terakhir," kata Kepala Dinas Kesehatan Rina Lestari.
    Sementara itu, Ketua DPRD Hendra Kusuma mengatakan bahwa anggaran penanganan masih kurang.
    Ia menambahkan bahwa DPRD siap menambah anggaran jika diperlukan.
    "Kami akan memanggil dinas terkait pekan depan," imbuhnya.
    """
    assert [q.speaker for q in quotes_of(text)] == ["Rina Lestari", "Hendra Kusuma", "Hendra Kusuma", "Hendra Kusuma"]


@pytest.mark.parametrize(("between", "speaker"), [
    ("Tersangka Budi Harsono juga ikut diamankan bersama istrinya.", "Dedi Irawan"),  # acted on: the officer goes on
    ("Tersangka Budi Harsono kini dirawat di rumah sakit.", "Dedi Irawan"),
    ("Warga setempat, Budi Harsono, melihat kejadian itu dari warungnya.", "Budi Harsono"),  # a new person in focus
])
def test_a_person_acted_on_after_someone_speaks_does_not_take_over_the_pronouns(between: str, speaker: str) -> None:
    text = f"""
    Kapolres Sukamaju AKBP Dedi Irawan mengatakan bahwa barang bukti sudah diamankan.
    {between}
    Menurutnya, penyidik masih mendalami peran tersangka lain.
    """
    assert [q.speaker for q in quotes_of(text)] == ["Dedi Irawan", speaker]


@pytest.mark.parametrize("later", [
    "Juru Kampanye LHL menyebut kerusakan hutan mencapai ratusan ribu hektare per tahun.",
    "Juru Kampanye Lingkar Hutan Lestari (LHL) menyebut kerusakan hutan mencapai ratusan ribu hektare per tahun.",
])
def test_an_office_by_its_bodys_short_name_is_the_holder_named_with_the_full_name(later: str) -> None:
    """The article names "Juru Kampanye Lingkar Hutan Lestari (LHL), Dimas Prakoso"; the office
    later as the subject, by the short name or with it in brackets, is that person."""
    text = f"""
    "Deforestasi masih terjadi di banyak provinsi," ujar Juru Kampanye Lingkar Hutan Lestari (LHL), Dimas Prakoso, dalam diskusi daring.
    Direktur Jenderal Planologi Kementerian Kehutanan, Ruslan Hakim, mengatakan bahwa data itu akan diperiksa.
    {later}
    """
    assert [q.speaker for q in quotes_of(text)] == ["Dimas Prakoso", "Ruslan Hakim", "Dimas Prakoso"]


def test_the_office_of_a_town_is_its_holder_or_the_office_never_the_town() -> None:
    """"Bupati Temanggung" with no one named for it is the office, as a role, never the town; a
    village head given as "Kades" or "kepala desa" is the one named "Kepala Desa X, Y"; the
    people of a town are no one named."""
    text = """
    Kepala Desa Sidomukti, Suparno, mengatakan bahwa warga sudah dievakuasi sejak pagi.
    Kapolres Temanggung AKBP Dedi Irawan memimpin langsung proses evakuasi di lokasi.
    "Kami menurunkan 80 personel untuk membantu warga," kata Kapolres.
    Menurut kepala desa, sebagian warga memilih tinggal di rumah kerabat.
    "Kami sudah mendata semua rumah yang rusak," ujar Kades.
    Bupati Temanggung juga meninjau lokasi itu.
    Bupati mengatakan bahwa pemkab akan menanggung biaya perbaikan rumah.
    Bupati Temanggung menjelaskan bahwa tim SAR masih bersiaga.
    Warga Temanggung mengatakan bahwa bantuan sudah datang.
    """
    assert speakers(text) == [
        ("reported", "Suparno"), ("direct", "Dedi Irawan"), ("reported", "Suparno"), ("direct", "Suparno"),
        ("reported", "bupati Temanggung"), ("reported", "bupati Temanggung"), ("reported", None),
    ]


@pytest.mark.parametrize(("tag", "speaker"), [
    ("kata penyanyi Rina Lestari", "Rina Lestari"),
    ("kata pedagang Yanto", "Yanto"),
    ("ujar pengemudi ojek Rudi Hartono", "Rudi Hartono"),
    ("kata ibunda Rina Lestari", None),  # Rina's mother speaks, not Rina
    ("kata dia kepada Rudi Hartono", None),  # the one spoken to
])
def test_what_the_speaker_does_before_the_name_in_the_tag(tag: str, speaker: str | None) -> None:
    text = f'"Harga cabai naik terus sejak pekan lalu, pembeli jadi berkurang," {tag}.'
    assert [q.speaker for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize(("sentence", "clause"), [
    ("Kapolda Jawa Tengah Irjen Agus Salim meminta seluruh kapolres melakukan pendataan kendaraan angkutan barang.",
     "seluruh kapolres melakukan pendataan kendaraan angkutan barang"),
    ("DPRD Sukamaju meminta Bupati Sukamaju Hendra Kusuma mengawasi penyaluran dana bantuan sekolah.",
     "Bupati Sukamaju Hendra Kusuma mengawasi penyaluran dana bantuan sekolah"),
    ("Agus Salim meminta maaf kepada warga yang terjebak macet sejak pagi.", None),  # asking pardon, nothing asked of anyone
    ("Megawati Lestari mendorong riset pangan berbasis keragaman hayati lokal.", None),  # a thing pushed for
    ("Polisi meminta keterangan saksi yang melihat kejadian itu.", None),
])
def test_a_request_of_someone_to_act_without_agar_is_a_statement(sentence: str, clause: str | None) -> None:
    """"meminta X melakukan ...": the one asked, then the verb of what he is to do; the clause
    starts right after the request verb."""
    said = quotes_of(sentence)
    assert [q.text for q in said] == ([clause] if clause else [])


@pytest.mark.parametrize(("sentence", "said"), [
    ("Koroner Isabel Dewi juga menyampaikan belasungkawa kepada ayah korban yang tidak hadir di sidang.", []),
    ("Dinas Pekerjaan Umum menyampaikan permohonan maaf atas penutupan jalan yang belum selesai itu.", []),
    ("Koperasi Tani Makmur memastikan penghentian kios itu tidak akan menghambat pasokan benih bagi petani.",
     [("Koperasi Tani Makmur", "penghentian kios itu tidak akan menghambat pasokan benih bagi petani")]),
    ("Koperasi Tani Makmur memastikan ketersediaan stok benih di seluruh kios resmi.", []),  # what is ensured, no statement
])
def test_a_feeling_or_a_thing_ensured_is_no_statement_a_clause_ensured_is(sentence: str, said: list[tuple[str, str]]) -> None:
    assert [(q.speaker, q.text) for q in quotes_of(sentence)] == said


def test_an_inserted_tag_before_a_subject_and_verb_keeps_the_one_speaking() -> None:
    """"Oleh sebab itu, lanjutnya, Koperasi Tani Makmur memastikan ...": the manager speaking
    relays the cooperative's word; the clause is his."""
    text = """
    Manajer Cabang Koperasi Tani Makmur, Hendra Kusuma, mengatakan bahwa kios itu menjual benih di atas harga yang ditetapkan.
    Oleh sebab itu, lanjutnya, Koperasi Tani Makmur memastikan sejak pekan ini kegiatan kios tersebut dihentikan.
    """
    said = quotes_of(text)
    assert [q.speaker for q in said] == ["Hendra Kusuma", "Hendra Kusuma"]
    assert said[1].text.startswith("Koperasi Tani Makmur memastikan")


@pytest.mark.parametrize("subject", ["Laporan Bank Dunia", "Putusan Mahkamah Konstitusi", "Undang-Undang Cipta Kerja", "Survei Lembaga Survei Nusantara"])
def test_a_document_is_no_speaker(subject: str) -> None:
    """A report, a ruling, a law or a survey as the subject of a speech verb: a text, not one
    who speaks; nothing is reported with it as the speaker."""
    said = quotes_of(f"{subject} menyebutkan bahwa pertumbuhan ekonomi tahun ini mencapai lima persen.")
    assert not said


def test_a_one_word_subject_that_is_a_common_word_is_the_person_named_so_before() -> None:
    """"Indah mengatakan" after "Bupati Lumajang Indah Amperawati": the bupati, though "indah" is
    a common word; a common noun opening the sentence with no one named so stays no one."""
    text = """
    Bupati Lumajang Indah Amperawati meninjau lokasi banjir pada Senin pagi.
    Indah mengatakan bahwa bantuan logistik sudah dikirim ke semua posko.
    Penonton berharap konser itu digelar lagi tahun depan.
    """
    assert [(q.speaker, q.text) for q in quotes_of(text)] == [("Indah Amperawati", "bantuan logistik sudah dikirim ke semua posko")]


@pytest.mark.parametrize("given", ["Ali", "Bambang", "Rizal"])
def test_a_given_name_after_dari_is_no_place_though_a_town_abroad_bears_it(given: str) -> None:
    """"laporan dari Ali": only an Indonesian town after "dari" / "di" is a place of the article;
    a small town elsewhere named like a person does not silence that person later."""
    text = (f"Polisi menerima laporan dari {given} pada Senin malam.\n"
            f"{given} mengatakan bahwa pasar itu akan dibuka kembali pekan depan.")
    assert [q.speaker for q in quotes_of(text)] == [given]


@pytest.mark.parametrize("office", ["Kepala Desa Suparno", "Kepala Desa Sidomukti Suparno", "Sekretaris Desa Suparno"])
def test_the_holder_named_after_a_village_office_without_a_comma_still_speaks(office: str) -> None:
    """"Kepala Desa Sidomukti Suparno": with no comma the village's name runs into the holder's,
    so the run after "Desa" is not taken as a place of the article and the holder speaks."""
    said = quotes_of(f"{office} mengatakan bahwa warga sudah dievakuasi sejak pagi.")
    assert [q.text for q in said] == ["warga sudah dievakuasi sejak pagi"]
    assert said[0].speaker is not None and said[0].speaker.split()[-1] == "Suparno"


@pytest.mark.parametrize(("opening", "speaker"), [
    ("Menurut laporan Kantor Berita Nusantara,", "Budi Santoso"),  # a source, then the one who speaks
    ("Menurut Andi Wijaya,", "Budi Santoso"),
    ("Karena itu, lanjutnya,", "Rina Lestari"),  # an inserted tag: the one speaking relays Budi's word
])
def test_only_an_inserted_tag_before_a_subject_and_verb_takes_the_statement(opening: str, speaker: str) -> None:
    text = ("Ketua Koperasi Rina Lestari mengatakan bahwa harga gabah turun sejak bulan lalu.\n"
            f"{opening} Budi Santoso mengatakan bahwa pasar itu akan dibuka kembali pekan depan.")
    said = quotes_of(text)
    assert [q.speaker for q in said] == ["Rina Lestari", speaker]
    assert said[1].text.endswith("pasar itu akan dibuka kembali pekan depan")


def test_an_offices_holders_are_read_once_per_article_and_the_nearest_earlier_one_speaks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long article naming the village head again and again: each "ujar Kades" is the holder
    named last before it, and the article is searched for the office's holders once, not once
    per quote (which grows with the square of the article's length)."""
    from kroscek.analyse.quotes.speakers import Resolver

    searched: list[str] = []
    office_hits = Resolver._office_hits

    def counted(self: Resolver, office: str) -> list[tuple[int, str]]:
        searched.append(office)
        return office_hits(self, office)

    monkeypatch.setattr(Resolver, "_office_hits", counted)
    holders = ["Suparno", "Slamet Riyadi"] * 20
    text = "\n".join(f"Kepala Desa Sidomukti, {holder}, meninjau tanggul yang jebol di tepi sungai.\n"
                     '"Perbaikan tanggul akan kami mulai pekan depan bersama warga," ujar Kades.' for holder in holders)
    assert [q.speaker for q in quotes_of(text)] == holders
    assert searched == ["kepala desa"]


@pytest.mark.parametrize("title", ["Bpk.", "Ust."])
def test_an_abbreviated_courtesy_title_the_splitter_keeps_is_no_part_of_the_name(title: str) -> None:
    """"Bpk." and "Ust." neither end the sentence nor stay in the speaker's name."""
    said = quotes_of(f"Menurut {title} Budi Santoso, kantor itu akan pindah tahun depan.")
    assert [(q.speaker, q.text) for q in said] == [("Budi Santoso", "kantor itu akan pindah tahun depan")]


def test_a_quote_a_page_prints_twice_counts_once_found_in_either_copy() -> None:
    paragraph = '"Jembatan itu kami tutup sampai diperiksa," kata Bupati Lestari, Ani Wulandari.'
    other = '"Warga diminta memakai jalur selatan," ujar Kapolres Lestari, Budi Santoso.'
    text = f"{paragraph}\n{other}\n{paragraph}"  # the page repeats its first paragraph
    second = text.rindex(paragraph)
    gold = [quote_eval.Span(1, 40, "Ani Wulandari", "direct"), quote_eval.Span(len(paragraph) + 2, len(paragraph) + 39,
                                                                                 "Budi Santoso", "direct"),
            quote_eval.Span(second + 1, second + 40, "Ani Wulandari", "direct")]
    article = quote_eval.LabelledArticle("a1", "", text, gold)
    first_copy_only = quote_eval.score({"a1": [gold[0], gold[1]]}, [article])
    assert (first_copy_only["recall"], first_copy_only["precision"], first_copy_only["gold"]) == (1.0, 1.0, 2)
    both_copies = quote_eval.score({"a1": gold}, [article])
    assert (both_copies["recall"], both_copies["precision"]) == (1.0, 1.0)
    wrong_speaker = quote_eval.score({"a1": [quote_eval.Span(second + 1, second + 40, "Budi Santoso", "direct")]}, [article])
    assert (wrong_speaker["recall"], wrong_speaker["speaker_accuracy"]) == (0.5, 0.0)
    one_right = quote_eval.score({"a1": [quote_eval.Span(1, 40, "Budi Santoso", "direct"), gold[2]]}, [article])
    assert (one_right["recall"], one_right["speaker_accuracy"], one_right["precision"]) == (0.5, 1.0, 1.0)


def test_a_name_opening_a_clause_after_a_role_does_not_hold_it() -> None:
    # "jawaban jaksa, Dimas pun menjawab": Dimas answers the prosecutor, he is not the prosecutor
    text = """Hakim bertanya soal barang bukti kepada jaksa.
"Di tahap penyidikan, Yang Mulia, kami belum menerapkan itu," jawab jaksa.
Setelah mendengar jawaban jaksa, Dimas pun menjawab pertanyaan hakim."""
    assert [q.speaker for q in quotes_of(text)][:1] == ["jaksa"]
    # a name set off after the role is its holder
    held = """Sidang dipimpin hakim.
"Kami sudah memeriksa semua saksi," kata jaksa, Budi Santoso, di pengadilan."""
    assert [q.speaker for q in quotes_of(held)] == ["Budi Santoso"]


def test_a_ministrys_short_name_is_not_read_into_a_persons_name() -> None:
    """"Kemenag menduga" where the article also writes "Dirjen PHU Kemenag Hilman Latief": the
    ministry (under the full name the article gives it), not a person named "Kemenag Hilman Latief"."""
    found = speakers("""Kementerian Agama ( Kemenag ) menegaskan tak ada pungutan dari petugas haji ke jemaah.
Kemenag menduga isu pungutan itu muncul karena ada jemaah yang menyewa kursi roda.
"Kita tidak memungut biaya apapun dari jemaah," kata Dirjen Penyelenggaraan Haji dan Umrah Kemenag Hilman Latief di Makkah.""")
    assert [speaker for _, speaker in found[:2]] == ["Kementerian Agama"] * 2 and found[2] == ("direct", "Hilman Latief")


def test_a_nickname_made_of_a_full_names_clipped_words_is_that_person() -> None:
    """"Zulhas" where the article names "Menteri Koordinator Bidang Pangan Zulkifli Hasan"."""
    found = speakers("""Hal ini disampaikan oleh Menteri Koordinator Bidang Pangan Zulkifli Hasan dalam acara itu.
Zulhas mengatakan, anggaran koperasi desa mencapai Rp 250 triliun.""")
    assert found == [("reported", "Zulkifli Hasan")]


def test_a_birth_name_is_no_new_person_to_refer_back_to() -> None:
    found = speakers("""Ria Ricis meminta otak sapi untuk anaknya. "Itu kesukaannya," kata Ria Ricis.
Soal pengolahannya, pemilik nama asli Ria Yunita itu menyerahkan sepenuhnya kepada orang dapur.
"Pokoknya aku sudah minta bagian otak," ujarnya.""")
    assert [speaker for _, speaker in found] == ["Ria Ricis", "Ria Ricis"]


def test_the_agent_of_a_passive_is_not_who_the_sentence_is_about() -> None:
    found = speakers(""""Aku belum bisa cerita," kata Billy Syahputra.
"Kamu sudah menikah, fitnah atau fakta?," tanya Feni Rose.
Ketika kembali ditegaskan oleh Feni Rose, Billy Syahputra tetap belum memberi jawaban pasti.
"Intinya masih bingung," ucapnya.""")
    assert [speaker for _, speaker in found] == ["Billy Syahputra", "Feni Rose", "Billy Syahputra"]


def test_a_description_opening_a_sentence_with_a_demonstrative_is_no_new_speaker() -> None:
    """"Legislator Gerindra ini mengatakan ...": a capitalised description closed by a demonstrative
    describes the one named before; the quote after it, tagged "katanya", is still theirs."""
    text = ('Wakil Ketua Komisi VII DPR Rahmat Hidayanto meminta pengawasan tambang diperketat.\n'
            '"Kawasan ini harus dilindungi sebagai kawasan konservasi," ujarnya. '
            'Legislator Gerindra ini mengatakan kawasan itu menyimpan sebagian besar terumbu karang dunia. '
            'Ia ingin kawasan itu dijaga.\n'
            '"Kita pun bisa memetik manfaat ekonomi dari wisata," katanya.')
    assert {q.speaker for q in quotes_of(text)} == {"Rahmat Hidayanto"}


def test_a_sentence_opening_with_a_description_keeps_the_one_it_describes_in_focus() -> None:
    """"Penyerang itu ... dilatih Probierz": the description refers back to the player, so the
    pronoun of the next sentence is still his, not the coach named later in that sentence."""
    text = ('Robert Lewandowski mundur dari tim nasional usai ban kaptennya dicopot pelatih Michal Probierz. '
            'Penyerang Barcelona itu mengumumkan keputusannya selama masih dilatih Probierz. '
            'Pada kesempatan yang sama ia pun mengaku "hilang kepercayaan terhadap sang pelatih."\n'
            '"Ia meminta saya membuat semuanya terdengar baik-baik saja," kata Michal Probierz.')
    assert [(q.kind, q.speaker) for q in quotes_of(text)] == [("direct", "Robert Lewandowski"), ("direct", "Michal Probierz")]


def test_adverbs_of_habit_between_the_subject_and_the_verb() -> None:
    """"X selalu mengatakan ...", and after a relative clause "X yang ada di sampingnya memang selalu
    mengingatkan Y agar ...": X, past the adverbs."""
    assert speakers("Tyas Mirasih bercerita soal rencana umrah. Tyas Mirasih selalu mengatakan santai bicara "
                    "kala ditanya soal momongan.") == [("reported", "Tyas Mirasih")]
    text = ('Tyas bercerita soal rencana umrah. Tengku Tezi yang ada di sampingnya memang selalu mengingatkan '
            'Tyas Mirasih agar tidak terlalu santai mengenai momongan.')
    assert speakers(text) == [("reported", "Tengku Tezi")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "menginstruksikan jajarannya agar ...": an instruction, like "memerintahkan", reports the request
        pytest.param("Presiden Prabowo Subianto memimpin rapat terbatas di Istana. Prabowo menginstruksikan jajaran "
                     "pemerintahannya agar mempercepat penanganan sampah dengan melibatkan pemerintah daerah.",
                     [("reported", "Prabowo Subianto")], id="instruction"),
        # "pesan bintang sinetron Ketika Cinta Memanggilmu itu": the series' title is no speaker; the
        # description refers back to the actor named before
        pytest.param('Dylan Carr bercerita soal kecelakaannya. "Penyesalan pasti ada, saya tak mau lagi memaksakan diri," '
                     'pesan bintang sinetron Ketika Cinta Memanggilmu itu.', [("direct", "Dylan Carr")], id="title-in-description"),
        # "memprediksi" states a forecast; a company's legal form in brackets is no speaker
        pytest.param("Menjelang tahun baru, PT ASDP Indonesia Ferry (Persero) memprediksi penyeberangan di lintasan "
                     "Merak-Bakauheni malam ini akan kembali meningkat.", [("reported", "PT ASDP Indonesia Ferry")],
                     id="forecast-legal-form"),
        # a body's name joined by "dan" speaks whole, not its last word
        pytest.param("Badan Pengawas Obat dan Makanan menyatakan bahwa produk kosmetik itu tidak memiliki izin edar.",
                     [("reported", "Badan Pengawas Obat dan Makanan")], id="body-name-with-dan"),
    ],
)
def test_speech_verbs_and_descriptions_of_later_rounds(text: str, expected: list) -> None:
    assert speakers(text) == expected


def test_a_hidden_handle_is_no_one_named() -> None:
    """"tulis akun @T****": the article hides the account, so no one is named (not "T"); a handle
    written in full still speaks."""
    assert speakers('"Kasihan toko tetangga nanti dagangannya nggak laku," tulis akun @T**** di media sosial.') \
        == [("direct", None)]
    assert speakers('"Harga murah itu sumber bahannya dari mana?" tulis akun Instagram @blu****** kemudian.') \
        == [("direct", None)]
    assert speakers('"Mantap sekali acaranya semalam," tulis akun @budi_santoso di kolom komentar.') \
        == [("direct", "budi_santoso")]


def test_a_bodys_statement_the_next_sentence_says_an_official_made_is_the_officials() -> None:
    """"Kementerian X memastikan ... . Hal ini disampaikan Wakil Menteri Y": the ministry spoke through Y."""
    text = ("Pemerintah melalui Kementerian Pertanian memastikan koperasi desa tidak mematikan usaha warung di desa. "
            "Hal ini disampaikan Wakil Menteri Pertanian Sudaryono melalui unggahan di akun Instagram miliknya.")
    assert speakers(text) == [("reported", "Sudaryono")]
    # a person's statement stays theirs
    person = ("Menteri Pertanian Andi Amran Sulaiman memastikan stok beras aman hingga akhir tahun. "
              "Hal ini disampaikan Wakil Menteri Pertanian Sudaryono dalam rapat di Jakarta.")
    kind, speaker = speakers(person)[0]
    assert kind == "reported" and speaker is not None and speaker.endswith("Amran Sulaiman")


def test_a_nickname_whose_last_part_skips_letters_is_the_person_named_in_full() -> None:
    """"Darsoeno" where the article names "Darmawan Soekirno": "Dar" of the first name, then letters
    of the last in order from its start; a name the letters do not follow stays as written."""
    text = ("Ketua Umum Ikatan Motor Nusantara Darmawan Soekirno mengapresiasi perakitan mobil itu di Purwakarta.\n"
            '"Komitmen ini menandakan sinergi positif antara investasi asing dan industri lokal," ujar Darsoeno dalam keterangannya.')
    assert speakers(text) == [("direct", "Darmawan Soekirno")]
    other = text.replace("ujar Darsoeno", "ujar Darsuno")
    assert speakers(other) == [("direct", "Darsuno")]


def test_one_word_of_a_full_name_opening_a_sentence_is_who_it_is_about() -> None:
    """After an interviewer's question, "Tanpa basa-basi, Kirana mengangguk, '...,' katanya":
    "Kirana" (of "Kirana Wulandari", named before) is who the sentence is about, so "katanya" is hers."""
    text = ('Kirana Wulandari ditanya soal kabar itu dalam sebuah acara. "Benarkah kamu pernah mengirim hadiah aneh '
            'ke mantan pacar temanmu?" tanya pewawancara. Tanpa basa-basi, Kirana mengangguk sambil tersenyum, '
            '"Iya, itu sudah lama sekali," katanya santai.')
    assert speakers(text)[1:] == [("direct", "Kirana Wulandari")]


def test_a_full_name_given_in_passing_is_the_person_its_first_word_opens_a_sentence_for() -> None:
    """"... bertemu penyanyi Kirana Wulandari" names her in passing, not as a subject; when "Kirana"
    alone later opens a sentence, the full name is the person it stands for, and her "katanya"."""
    text = ('Penggemar merasa beruntung bisa bertemu penyanyi Kirana Wulandari di Bandung. Penyanyi berusia 30 tahun '
            'itu baru merilis album kedua. Usai tampil, Kirana tersenyum, "Saya senang kembali ke kota ini," katanya.')
    assert speakers(text) == [("direct", "Kirana Wulandari")]


def test_a_nickname_in_quotation_marks_inside_a_name_is_that_person() -> None:
    """"Lorenzo 'Enzo' Marini" names one rider: "sebut Enzo" later is his full name."""
    text = ("Lorenzo 'Enzo' Marini belum menemukan ritmenya musim ini. Marini kesulitan dengan motornya.\n"
            '"Motornya masih bermasalah di bagian depan," kata Marini.\n'
            '"Kami sudah mencoba segalanya dan belum ada solusi," sebut Enzo.')
    assert speakers(text) == [("direct", "Marini"), ("direct", "Lorenzo Marini")]


@pytest.mark.parametrize(("text", "expected"), [
    # a denial after a negation admits what follows, and reports it
    ("Andi Wijaya tak memungkiri timnya masih kesulitan bermain di kandang.", [("reported", "Andi Wijaya")]),
    ("Rina Kusuma tidak menampik bahwa ia sempat dipanggil penyidik.", [("reported", "Rina Kusuma")]),
    # a denial alone states nothing reported
    ("Andi Wijaya menampik timnya kesulitan bermain di kandang.", []),
])
def test_a_denial_after_a_negation_is_an_admission(text: str, expected: list) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a body named by its acronym or short name speaks as itself
    ("KPK menduga tersangka memakai jabatannya untuk meminta uang kepada pengusaha.", [("reported", "KPK")]),
    ("Polri menyatakan penyelidikan kasus itu masih berjalan.", [("reported", "Polri")]),
    ("Kemenkes menyatakan stok vaksin di daerah masih mencukupi.", [("reported", "Kemenkes")]),
    # a day or a country opening a sentence is no speaker
    ("Senin mengatakan hal itu kepada wartawan.", []),
])
def test_a_body_named_by_one_word_speaks_as_itself(text: str, expected: list) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "speaker"), [
    # an office the title words do not know (written in English), then its holder between commas
    ("Menurut Corporate Communications Strategic of Nusa Air, Arief Prakoso Wijaya, rute ini membuka jalur baru bagi pelancong.",
     "Arief Prakoso Wijaya"),
    ("Menurut Head of Research Sinar Sekuritas, Rina Kusuma, pasar saham masih akan bergejolak.", "Rina Kusuma"),
    # places listed after a name and its comma are what is said, not who says it
    ("Menurut Budi Santoso, Jawa Barat, Jawa Tengah, dan Bali paling ramai dikunjungi.", "Budi Santoso"),
])
def test_according_to_an_office_then_its_holder_between_commas(text: str, speaker: str) -> None:
    assert speakers(text) == [("reported", speaker)]


@pytest.mark.parametrize(("text", "expected"), [
    # an after-verb opening its sentence with a name and a comma says who speaks
    ("Kata Yudha Pratama, harga mobil listrik bekas turun karena baterainya mahal.", [("reported", "Yudha Pratama")]),
    ("Namun kata Yudha Pratama, kebijakan ini membuat orang memilih kendaraan pribadi.", [("reported", "Yudha Pratama")]),
    # the word "kata" after a verb, and talk going round, name no speaker
    ("Kalau mendengar kata Tuk Tuk, kita pasti langsung teringat dengan Thailand.", []),
    ("Katanya sih, mereka membatalkan pertunangan diam-diam.", []),
    # "buka" after a quote is a speech tag: the one who opens his remarks
    ('"Penjualan turun sejak awal tahun," buka Yudha Pratama kepada wartawan.', [("direct", "Yudha Pratama")]),
])
def test_an_opening_kata_and_a_closing_buka_name_the_speaker(text: str, expected: list) -> None:
    assert speakers(text) == expected


def test_a_ministrys_short_name_is_the_full_name_the_article_gives_it() -> None:
    """"Kemenag" where the article writes "Kementerian Agama (Kemenag)": the ministry by its full
    name; a short name the article never spells out stays as written."""
    text = ("Kementerian Agama (Kemenag) menggelar rapat dengan petugas haji di Mekkah.\n"
            "Kemenag memastikan tidak ada pungutan dari petugas haji kepada jemaah.\n"
            "Kemenkeu menyatakan anggaran untuk petugas sudah dicairkan.")
    assert speakers(text) == [("reported", "Kementerian Agama"), ("reported", "Kemenkeu")]


@pytest.mark.parametrize(("text", "speaker"), [
    # another name given after a full name: the later quotes under it are the full name's
    ('Keluarga Ustaz Rahmat Hidayat atau yang akrab disapa Ustaz Amat merayakan Idul Adha.\n'
     '"Alhamdulillah tahun ini kami berkurban bersama," kata Amat.', "Rahmat Hidayat"),
    ('CEO Sinar Motor Listrik Wahyu Pamungkas alias Don Pepeng hadir di acara itu.\n"Kami siap," ujar Pepeng.',
     "Wahyu Pamungkas"),
])
def test_a_name_also_called_by_another_is_one_person(text: str, speaker: str) -> None:
    assert speakers(text) == [("direct", speaker)]


@pytest.mark.parametrize(("text", "expected"), [
    # "pentingnya ...": the importance of something stressed, a noun, no statement reported
    ("Andika Wasesa menekankan pentingnya menata ulang kebijakan pertambangan nasional.", []),
    # with a complementizer the clause is a statement again
    ("Andika Wasesa menekankan bahwa penataan ulang kebijakan pertambangan sudah mendesak.", [("reported", "Andika Wasesa")]),
])
def test_the_importance_of_something_stressed_is_no_statement(text: str, expected: list) -> None:
    assert speakers(text) == expected


def test_two_people_of_one_first_name_the_one_named_last_speaks() -> None:
    """"Agus" after the minister Agus Harimurti Yudhoyono and then the police chief Agus
    Suryonugroho is the police chief, named last, though the minister's name is longer; a
    sentence full of capitalised words that ends in a full stop is no headline, and names its subject."""
    text = """
Menteri Koordinator Bidang Infrastruktur, Agus Harimurti Yudhoyono (AHY), bahkan menyebut truk ODOL berbahaya.
Di lain pihak, Kakorlantas Polri Irjen Agus Suryonugroho membentuk Tim Penegakan Hukum Kelebihan Dimensi dan Muatan (KDM) Nasional.
Agus meminta seluruh Dirlantas melakukan pembaruan data.
"Data kendaraan akan dikirim ke Kementerian Perhubungan," urai Agus.
"""
    assert speakers(text)[1:] == [("reported", "Agus Suryonugroho"), ("direct", "Agus Suryonugroho")]


def test_an_office_then_its_holder_between_commas_opens_the_sentence() -> None:
    """"Walikota Mojokerto, Ika Puspitasari, menyampaikan ...": the mayor is the one the next
    sentence's "Ia" and the quote after it stand for, not the minister quoted before her."""
    text = """
Menteri Kebudayaan RI Fadli Zon meresmikan galeri itu.
"Masa kecil adalah masa pembentukan karakter," ungkap Fadli.
Walikota Mojokerto, Ika Puspitasari, menyampaikan apresiasinya atas perhatian Kemenbud. Ia berharap galeri ini dapat menjadi pusat edukasi.
"Galeri ini merupakan upaya bersama," katanya.
"""
    assert speakers(text) == [("direct", "Fadli Zon"), ("reported", "Ika Puspitasari"), ("direct", "Ika Puspitasari")]


def test_a_ministrys_short_name_with_more_words_is_the_one_ministry_the_article_names() -> None:
    """"Kemenkeu Malaysia" and "Kemenkeu Negeri Jiran" where the article names "Kementerian
    Keuangan Malaysia" and no other finance ministry: that ministry; "Kemenhub", whose letters
    do not open the name of a ministry the article gives, stays as written."""
    found = speakers("""Kementerian Keuangan Malaysia akan mengenakan pajak penjualan mulai 1 Juli 2025.
"Pajak antara 5-10% akan dikenakan pada barang mewah," kata Kemenkeu Malaysia dalam sebuah pernyataan.
"Untuk menghindari tekanan langsung pada biaya hidup," tambah Kemenkeu Negeri Jiran dalam pernyataan itu.
"Jalur mudik sudah siap," kata Kemenhub.""")
    assert [speaker for _, speaker in found] == ["Kementerian Keuangan Malaysia"] * 2 + ["Kemenhub"]


def test_a_misspelt_title_still_names_the_speaker_after_it() -> None:
    """A title one letter off ("anggot" for "anggota"): the scrape's typo, read as the title, so the
    name after it speaks as it does after the title spelt right; a short word is no misspelt title."""
    tag = '"Kondisi semrawut tidak hanya terjadi karena pemisahan hotel," ujar {} Komisi VIII DPR Dini Rahmania kepada wartawan.'
    spelt, misspelt = speakers(tag.format("anggota")), speakers(tag.format("anggot"))
    assert misspelt == spelt and "Dini Rahmania" in (misspelt[0][1] or "")
    assert speakers('"Kondisi semrawut tidak hanya terjadi karena pemisahan hotel," ujar ia kepada wartawan.') == [("direct", None)]


def test_a_long_description_closed_by_the_name_names_the_speaker() -> None:
    """"kata profesor sastra Inggris dari Universitas Parma dan anggota tim ilmiah museum, Diego
    Saglia.": the person whose name closes the tag, not the country in the description, nor the
    queen the article named before; his next quote is his too."""
    text = """
Raja Charles dan Ratu Camilla mengunjungi Ravenna pekan lalu.
"Itu momen yang sangat berkesan," kata profesor sastra Inggris dari Universitas Parma dan anggota tim ilmiah museum, Diego Saglia.
"Kami baru saja buka, lalu datang tamu yang luar biasa," ujarnya.
"""
    assert speakers(text) == [("direct", "Diego Saglia"), ("direct", "Diego Saglia")]


def test_a_role_qualified_and_left_unnamed_speaks_as_that_role() -> None:
    """"kata pejabat pendidikan.": an education official the article never names, not the
    president named before; "kata pejabat itu" still refers back."""
    text = """
Presiden Emmanuel Macron mengecam serangan itu.
Tersangka penyerang "tampaknya adalah seorang siswa di sekolah tersebut," kata pejabat pendidikan.
"""
    assert speakers(text) == [("direct", "pejabat pendidikan")]
    assert speakers(text.replace("pejabat pendidikan.", "pejabat itu.")) == [("direct", "Emmanuel Macron")]


def test_a_stage_name_on_its_first_lookup_and_a_person_named_like_a_month() -> None:
    """"Ustaz Soleh Mahmud atau yang akrab disapa Ustaz Solmed": "kata Solmed" is Soleh Mahmud from
    the first time the article's other names are read; "April Jasmin" is a person, not a month."""
    text = """
Momen Idul Adha tahun ini menjadi lebih istimewa bagi keluarga Ustaz Soleh Mahmud atau yang akrab disapa Ustaz Solmed, dan sang istri April Jasmin.
"Ngumpul keluarga pas Idul Adha," jawab April Jasmin singkat saat ditemui di Bekasi.
"Satenya tuh hobi tuh," kata Solmed.
"""
    assert speakers(text) == [("direct", "April Jasmin"), ("direct", "Soleh Mahmud")]


def test_the_source_cited_before_a_description_is_not_its_speaker() -> None:
    """"Dikutip dari Thenews.com, penyanyi ... itu menjelaskan": where it was read opens the
    sentence, the singer described (and named before) speaks."""
    text = ("Britney Spears kembali membuat keputusan yang mengejutkan dengan mengganti namanya.\n"
            "Dikutip dari Thenews.com, penyanyi berusia 43 tahun itu menjelaskan salah satu alasannya pindah ke "
            "Meksiko adalah untuk menghindari paparazzi.")
    assert speakers(text) == [("reported", "Britney Spears")]


@pytest.mark.parametrize("verb", ["dikonfirmasi oleh", "dibenarkan"])
def test_a_confirmation_in_the_passive_names_who_the_next_pronoun_is(verb: str) -> None:
    """"Hal ini juga telah dikonfirmasi oleh <office> X. Ia mengatakan ...": X confirmed it, and goes
    on speaking; not the one quoted before."""
    text = ('"Kami sudah menandatangani perjanjian pengalihan," kata Eva Andrianie.\n'
            f"Hal ini juga telah {verb} Ketua Himpunan Peritel Budihardjo Iduansjah. Ia mengatakan Food Hall telah "
            "mengambil alih sisa gerai supermarket itu.")
    assert speakers(text) == [("direct", "Eva Andrianie"), ("reported", "Budihardjo Iduansjah")]
