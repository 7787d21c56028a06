"""Words that say the same thing in other words: the paraphrases a claim retold in other words
uses ("sowan" for "berkunjung", "kediaman" for "rumah", "mengerahkan" for "mengirim").

Each group lists words of one meaning in their plain or most common form; a reader compares
words by their stems, so a group covers each member's affixed forms too ("mengunjungi",
"kunjungan"). Groups are of one sense only: a word with two senses is left out of the group of
the sense it seldom has ("temu": to meet, but "ditemukan": found). No group joins a word and its
opposite, nor a kind and its members ("kendaraan" / "mobil"), nor two things of one kind ("mobil"
/ "motor", "kanker" / "diabetes"): those are other claims.
"""

from __future__ import annotations

_GROUPS: dict[str, tuple[tuple[str, ...], ...]] = {
    "id": (
        ("kunjung", "berkunjung", "mengunjungi", "kunjungan", "sowan", "menyambangi", "sambang", "singgah", "bertandang", "kunker"),
        ("rumah", "kediaman", "hunian"),
        ("kirim", "mengerahkan", "kerahkan", "menerjunkan", "terjunkan", "utus"),
        ("bagi", "bagikan", "membagikan", "salurkan", "menyalurkan", "kasih", "beri", "memberi", "memberikan"),
        ("buat", "buatan", "cipta", "menciptakan", "ciptaan", "bikin", "produksi"),
        ("produsen", "perusahaan", "pabrikan", "korporasi"),
        ("sembuh", "sembuhkan", "obati", "mengobati", "atasi", "mengatasi", "menyembuhkan"),
        ("lawan", "perangi", "memerangi", "berantas", "memberantas", "basmi", "membasmi"),
        ("uang", "duit", "fulus", "dana"),
        ("tanda", "bentuk", "wujud"),
        ("pecat", "copot", "mencopot", "memberhentikan"),
        ("gaji", "upah", "honor", "honorarium"),
        ("lowongan", "loker", "rekrutmen", "perekrutan"),
        ("daftar", "pendaftaran", "registrasi", "lamar", "melamar", "lamaran"),
        ("tautan", "link"),
        ("sebut", "bilang", "ujar", "mengatakan", "menyatakan", "klaim", "mengklaim", "ungkap", "mengungkapkan"),
        ("marah", "murka", "geram", "berang"),
        ("separuh", "setengah"),
        ("tutup", "ditutup", "henti", "dihentikan", "hentikan", "menghentikan"),
        ("tes", "uji", "ujicoba"),
        ("ganti", "mengganti", "ubah", "mengubah"),
        ("tiba", "mendarat"),
        ("pamer", "pamerkan", "memamerkan", "memperlihatkan", "mempertontonkan"),
        ("bongkar", "membongkar", "usut", "mengusut"),
        ("sewaan", "bayaran"),
        ("foto", "gambar"),
        ("demo", "demonstrasi", "aksi", "unjuk"),
        ("video", "rekaman"),
        ("gratis", "percuma", "cuma-cuma"),
        ("palsu", "bodong", "abal"),
        ("suruh", "menyuruh", "perintah", "memerintahkan", "minta", "meminta"),
        ("tolak", "menolak", "menentang"),
        ("dukung", "mendukung", "sokong", "menyokong"),
        ("resmikan", "meresmikan", "luncurkan", "meluncurkan"),
        ("hadiah", "berhadiah", "doorprize"),
    ),
}


# verbs written without a prefix ("ikut demo", "naik kereta", "jual rumah"): read as deeds, not as things
_BARE_VERBS: dict[str, frozenset[str]] = {
    "id": frozenset({"ikut", "naik", "turun", "jual", "beli", "bagi", "minta", "mau", "ingin", "bisa", "harus", "tes",
                     "datang", "pergi", "masuk", "keluar", "tiba", "pulang", "punya", "kasih", "suruh", "pakai", "makan",
                     "minum", "bawa", "cari", "buat", "janji", "ajak", "tolak", "terima", "kirim", "pinjam", "tukar",
                     "tekan", "klik", "isi", "lapor", "tanya", "jawab", "bayar", "pilih", "tonton", "dukung", "lawan",
                     "tangkap", "bunuh", "curi", "ambil", "buka", "tutup", "mulai", "hapus", "ubah", "ganti", "tambah"}),
}


def bare_verbs(language: str = "id") -> frozenset[str]:
    """The verbs of a language written without a prefix (none for a language without them)."""
    return _BARE_VERBS.get(language, frozenset())


def synonym_groups(language: str = "id") -> tuple[tuple[str, ...], ...]:
    """The groups of words of one meaning of a language (none for a language without them)."""
    return _GROUPS.get(language, ())
