"""Language identification: Indonesian vs Malay on news text, other news languages, "und"."""

from __future__ import annotations

from pathlib import Path

import pytest

from kroscek.text.language import detect_language

MALAY = [
    "Kerajaan akan memperkenalkan beberapa langkah baharu bagi membantu golongan berpendapatan rendah menghadapi kenaikan kos sara hidup, kata Menteri Kewangan dalam satu kenyataan semalam.",
    "Beliau berkata pihaknya sedang meneliti cadangan itu dan keputusan muktamad akan diumumkan dalam masa terdekat selepas mesyuarat Kabinet.",
    "Polis Diraja Malaysia menahan tiga lelaki berusia antara 25 hingga 40 tahun bagi membantu siasatan kes samun bersenjata di sebuah kedai emas di Johor Bahru.",
    "Harga minyak sawit mentah dijangka meningkat pada suku akan datang berikutan permintaan yang lebih tinggi daripada India dan China, menurut penganalisis.",
    "Pelajar yang terjejas akibat banjir boleh memohon bantuan kewangan daripada kerajaan negeri sebelum akhir bulan ini, kata Menteri Besar.",
    "Dewan Rakyat hari ini meluluskan rang undang-undang pindaan yang membolehkan pihak berkuasa tempatan mengenakan kompaun lebih tinggi ke atas peniaga yang ingkar.",
    "Jabatan Meteorologi mengeluarkan amaran hujan lebat di beberapa negeri termasuk Kelantan, Terengganu dan Pahang yang dijangka berterusan sehingga hujung minggu.",
    "Syarikat itu mencatatkan keuntungan bersih sebanyak RM120 juta bagi tahun kewangan berakhir Jun, meningkat 15 peratus berbanding tempoh sama tahun lalu.",
    "Menurut beliau, kerjasama antara kedua-dua negara perlu diperkukuh terutamanya dalam bidang pendidikan, pelancongan dan teknologi hijau.",
    "Kementerian Kesihatan melaporkan kes jangkitan denggi menurun pada minggu lalu, namun orang ramai dinasihatkan supaya terus memusnahkan tempat pembiakan nyamuk.",
    "Perdana Menteri berkata kerajaan tidak akan berkompromi dengan rasuah dan mana-mana penjawat awam yang didapati bersalah akan dikenakan tindakan tegas.",
    "Ramai penduduk kampung itu terpaksa berpindah ke pusat pemindahan sementara selepas paras air sungai naik dengan mendadak sejak awal pagi tadi.",
]
INDONESIAN = [
    "Pemerintah akan memperkenalkan sejumlah kebijakan baru untuk membantu masyarakat berpenghasilan rendah menghadapi kenaikan harga kebutuhan pokok, kata Menteri Keuangan dalam keterangannya kemarin.",
    "Dia mengatakan pihaknya masih mengkaji usulan tersebut dan keputusan final akan diumumkan dalam waktu dekat setelah rapat kabinet.",
    "Polisi menangkap tiga pria berusia 25 hingga 40 tahun yang diduga terlibat perampokan bersenjata di sebuah toko emas di Surabaya, Jawa Timur.",
    "Harga minyak sawit mentah diperkirakan naik pada kuartal mendatang seiring meningkatnya permintaan dari India dan China, menurut analis.",
    "Siswa yang terdampak banjir bisa mengajukan bantuan dana kepada pemerintah provinsi sebelum akhir bulan ini, ujar gubernur.",
    "DPR hari ini mengesahkan revisi undang-undang yang memungkinkan pemerintah daerah menjatuhkan denda lebih tinggi kepada pedagang yang melanggar aturan.",
    "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) mengeluarkan peringatan dini hujan lebat di sejumlah provinsi yang diprediksi berlangsung hingga akhir pekan.",
    "Perusahaan itu membukukan laba bersih Rp 1,2 triliun sepanjang semester pertama, naik 15 persen dari capaian semester yang sama tahun sebelumnya.",
    "Menurut dia, kerja sama kedua negara perlu diperkuat terutama di bidang pendidikan, pariwisata, dan teknologi ramah lingkungan.",
    "Kementerian Kesehatan melaporkan kasus demam berdarah menurun pekan lalu, tetapi warga diimbau tetap melakukan gerakan 3M untuk memberantas sarang nyamuk.",
    "Presiden menegaskan pemerintah tidak akan menoleransi korupsi dan setiap aparatur sipil negara yang terbukti bersalah akan ditindak tegas.",
    "Ratusan warga desa itu terpaksa mengungsi ke posko pengungsian setelah air sungai meluap sejak Senin (3/3) pagi.",
]
OTHERS = {
    "en": "The central bank kept interest rates unchanged on Tuesday, saying inflation was still above its target.",
    "de": "Die Regierung will die Steuern für kleine Unternehmen im kommenden Jahr deutlich senken.",
    "fr": "Le gouvernement a annoncé mardi de nouvelles mesures pour soutenir les agriculteurs touchés par la sécheresse.",
    "es": "El presidente anunció el martes un nuevo plan para reducir el precio de la electricidad en todo el país.",
    "ru": "Правительство объявило во вторник о новых мерах поддержки фермеров, пострадавших от засухи.",
    "tr": "Hükümet salı günü kuraklıktan etkilenen çiftçiler için yeni destek önlemleri açıkladı.",
    "zh": "政府周二宣布了支持受干旱影响农民的新措施，包括补贴和低息贷款。",
}


@pytest.mark.parametrize("paragraph", MALAY)
def test_malay_news_paragraphs(paragraph: str) -> None:
    assert detect_language(paragraph) == "ms"


@pytest.mark.parametrize("paragraph", INDONESIAN)
def test_indonesian_news_paragraphs(paragraph: str) -> None:
    assert detect_language(paragraph) == "id"


@pytest.mark.parametrize(("language", "paragraph"), OTHERS.items())
def test_other_news_languages(language: str, paragraph: str) -> None:
    assert detect_language(paragraph) == language


@pytest.mark.parametrize("text", ["", "   ", "OK", "Jakarta", "12.000 / 15.000"])
def test_short_or_empty_text_is_undetermined(text: str) -> None:
    assert detect_language(text) == "und"


def test_seeds_are_indonesian(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        assert detect_language(path.read_text(encoding="utf-8")) == "id"
