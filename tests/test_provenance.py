"""Provenance: copies with shared passages, boilerplate, translations, stale pages, first reporter."""

from __future__ import annotations

import json

import pytest
from test_claims import read_articles

from kroscek.compare.provenance import (
    Provenance,
    boilerplate_shingles,
    find_copies,
    find_provenance,
    find_translations,
    monotonic_share,
)
from kroscek.model import Article, Sentence


def _article(key: str, outlet: str, text: str, published: str = "2025-10-01") -> Article:
    return Article(key, f"{key}.txt", key, text, outlet=outlet, language="id", published=published,
                   sentences=[Sentence(0, text, 0)])


FOOTER = ("Ikuti terus kabar terbaru dari redaksi kami setiap hari melalui kanal berita daerah dan nasional "
          "yang kami sajikan untuk pembaca setia di seluruh penjuru negeri")


def test_outlet_boilerplate_does_not_make_a_copy():
    bodies = ["Harga cabai rawit di Pasar Induk naik tajam pekan ini karena pasokan dari sentra produksi berkurang.",
              "Tim SAR gabungan menemukan dua nelayan yang hilang di perairan Teluk Bayur dalam keadaan selamat.",
              "Pemerintah kota membuka pendaftaran beasiswa bagi mahasiswa berprestasi dari keluarga kurang mampu."]
    articles = [_article(f"k{i}", "Kabar Kota", f"{body} {FOOTER}") for i, body in enumerate(bodies)]
    assert find_copies(articles)  # the shared footer alone looks like copying
    assert find_copies(articles, boilerplate_shingles(articles)) == []


def test_monotonic_share_measures_order():
    assert monotonic_share([(0, 0), (1, 1), (2, 2), (3, 3)]) == 1.0
    assert monotonic_share([(0, 3), (1, 2), (2, 1), (3, 0)]) == 0.25


def test_seeds_have_no_copy_and_the_semarak_page_is_stale(seeds_dir):
    semarak, kontan = read_articles(seeds_dir / "000_f7bc1c657a1d3bcf.txt", seeds_dir / "001_c0434308e74a6022.txt")
    provenance = find_provenance([semarak, kontan])
    assert provenance.copies == [] and provenance.translations == []
    assert provenance.stale_ids == [semarak.id]
    assert provenance.stale[0].event_date.startswith("2022-08")
    assert provenance.first_reporter.article == kontan.id
    assert Provenance.from_dict(json.loads(json.dumps(provenance.to_dict()))) == provenance  # read back as stored


@pytest.fixture(scope="module")
def labels(corpus_dir) -> dict:
    return json.loads((corpus_dir / "labels.json").read_text())


def test_corpus_copies_are_found_with_shared_passages(corpus_dir, labels):
    names = ["19_vonis-korupsi-alkes-warta-nusantara.txt", "20_hakim-vonis-suhartono-suara-jatim.txt",
             "21_eks-kadinkes-brantas-hilir-portal-kilat.txt", "32_ipo-tirta-samudra-kabarkini.txt",
             "33_tirta-samudra-ipo-business-times.html", "34_saham-tsen-melonjak-infoseputar.txt",
             "23_phk-lajukirim-warta-nusantara.txt", "24_lajukirim-phk-portal-kilat.txt",
             "25_lajukirim-pangkas-karyawan-kabarkini.txt"]
    articles = read_articles(*(corpus_dir / name for name in names))
    name_of = {a.id: name for a, name in zip(articles, names)}
    copies = find_copies(articles, boilerplate_shingles(articles))
    assert sorted((name_of[c.copy], name_of[c.original]) for c in copies) == sorted(
        (c["copy"], c["original"]) for c in labels["copies"])
    for copy in copies:
        assert copy.shared_passages and len(copy.shared_passages[0].split()) >= 20


def test_corpus_translations_are_found_and_independent_reporting_is_not(corpus_dir, labels):
    names = ["22_lajukirim-layoffs-jakarta-daily-post.txt", "23_phk-lajukirim-warta-nusantara.txt",
             "24_lajukirim-phk-portal-kilat.txt", "25_lajukirim-pangkas-karyawan-kabarkini.txt"]
    articles = read_articles(*(corpus_dir / name for name in names))
    name_of = {a.id: name for a, name in zip(articles, names)}
    found = {(name_of[t.translation], name_of[t.original]): t for t in find_translations(articles)}
    assert set(found) == {(t["translation"], t["original"]) for t in labels["translations"]}
    machine = next(t for t in labels["translations"] if t["machine"])
    assert found[(machine["translation"], machine["original"])].damage_warnings > 0
    assert all(t.order >= 0.8 for t in found.values())


def test_corpus_stale_republications(corpus_dir, labels):
    quake = read_articles(corpus_dir / "35_gempa-buru-raya-berita-pagi.txt",
                          corpus_dir / "36_gempa-guncang-buru-raya-portal-kilat.txt")
    assert find_provenance(quake).stale_ids == [quake[1].id]
    records = read_articles(corpus_dir / "41_berita-daerah-pilihan.jsonl")
    stale = {a.url for a in records for s in find_provenance([a]).stale}
    assert stale == {labels["record_urls"][key] for key in labels["stale"] if "#" in key}


def test_the_semarak_seed_is_a_translation_of_an_original_outside_the_pair(seed_articles):
    from kroscek.compare.provenance import find_outside_translations

    found = {f.article: f.evidence for f in find_outside_translations(seed_articles)}
    semarak = next(a for a in seed_articles if "Semarak" in (a.outlet or ""))
    assert list(found) == [semarak.id]  # KONTAN's own reporting shows no sign
    assert any("berkontribusi" in e for e in found[semarak.id])
    assert any("damage" in e for e in found[semarak.id])


def test_a_credit_line_alone_is_not_enough():
    from kroscek.compare.provenance import find_outside_translations
    from kroscek.model import Article, Removed

    article = Article("x", "x", "Judul", "Teks.", language="id",
                      removed=[Removed("AP berkontribusi pada laporan ini.", "credit")])
    assert find_outside_translations([article]) == []
