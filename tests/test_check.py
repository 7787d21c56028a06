"""Checking a claim: fact-checks read (CSV, ClaimReview JSON-LD), verdicts normalised and stored,
and a claim compared with a small store of invented articles (CLI and API). Every text here is
invented for the tests.
A test that compares a claim with articles is marked ``model``: the check reads the claim's
people with the NER CRF."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from kroscek.check import CheckResult, ClaimError, FactCheckIndex, check_claim, claim_fact, clause_runs
from kroscek.cli import app
from kroscek.factchecks import (
    normalise_verdict,
    read_claim_review_html,
    read_fact_checks,
    read_turnbackhoax_csv,
    verdict_from_url,
)
from kroscek.model import Article, Sentence, Story
from kroscek.store import Store
from kroscek.text.colloquial import standard

FACT_CHECKS = [
    {"ID": "1", "judul": "Jembatan Kali Merah di Kota Lestari Ambruk Tewaskan 40 Orang",
     "isi": "Akun X mengunggah narasi bahwa jembatan ambruk.\nPemeriksaan Fakta\nTidak ada kejadian itu.\n"
            "Kesimpulan\nNarasi jembatan ambruk di Kota Lestari adalah hoaks.",
     "url": "https://cekfakta.example/2025/05/02/salah-jembatan-kali-merah-ambruk/"},
    {"ID": "2", "judul": "Minum Air Kelapa Hijau Sembuhkan Demam Berdarah dalam Sehari",
     "isi": "Pesan berantai beredar.\nKesimpulan\nBelum ada bukti ilmiah.",
     "url": "https://cekfakta.example/2025/05/09/belum-terbukti-air-kelapa-sembuhkan-demam-berdarah/"},
    {"ID": "3", "judul": "Foto Gubernur Naik Kuda ke Kantor",
     "isi": "Foto suntingan.\nKesimpulan\nFoto itu parodi.",
     "url": "https://cekfakta.example/2025/05/10/satire-foto-gubernur-naik-kuda/"},
]

CLAIM_REVIEW_PAGE = """<!doctype html><html><head><title>Cek fakta</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebPage", "name": "halaman"},
 {"@type": "ClaimReview", "claimReviewed": "Pemerintah Kota Lestari membagikan sepeda motor gratis kepada warga",
  "datePublished": "2025-06-01T08:00:00+07:00", "url": "https://periksa.example/motor-gratis",
  "author": {"@type": "Organization", "name": "Periksa Contoh"},
  "reviewRating": {"@type": "Rating", "alternateName": "Keliru", "ratingValue": 1}}]}</script>
<script type="application/ld+json">{not json</script>
</head><body><p>Isi.</p></body></html>"""


def write_csv(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["ID", "judul", "isi", "url"])
        writer.writeheader()
        writer.writerows(rows)
    return path


def article(n: int, outlet: str, sentences: list[str], published: str = "2025-05-01") -> Article:
    text = " ".join(sentences)
    return Article(id=f"c{n:015d}", source=f"invented-{n}.txt", title=sentences[0][:60], text=text, outlet=outlet,
                   url=f"https://{outlet.lower().replace(' ', '')}.example/{n}", language="id", published=published,
                   sentences=[Sentence(i, s, 0) for i, s in enumerate(sentences)])


def checked(tmp_path: Path, claim: str, stories: dict[str, tuple[str, list[Article]]]) -> CheckResult:
    """The claim checked against a store of these stories (id: (title, articles)) and no fact-checks."""
    store = Store(tmp_path / "stories.db")
    store.add_articles([a for _, members in stories.values() for a in members])
    store.save_stories([Story(key, title, [a.id for a in members]) for key, (title, members) in stories.items()])
    result = check_claim(store, claim)
    store.close()
    return result


BRIDGE = [
    article(1, "Warta Uji", ["Jembatan Kali Merah di Kota Lestari ambruk pada Kamis pagi dan menewaskan 12 orang.",
                             "Petugas masih mencari korban di bawah reruntuhan."]),
    article(2, "Kabar Contoh", ["Sebanyak 12 orang tewas setelah jembatan Kali Merah di Kota Lestari ambruk.",
                                "Wali kota meminta warga menjauhi sungai."]),
    article(3, "Pos Rekaan", ["Jembatan Kali Merah di Kota Lestari ambruk dan menewaskan 15 orang.",
                              "Polisi menutup jalan menuju jembatan."]),
]
MARKET = [article(4, "Warta Uji", ["Harga cabai rawit di Pasar Sentosa naik menjadi Rp90.000 per kilogram.",
                                   "Pedagang mengeluhkan sepinya pembeli."])]


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    store = Store(tmp_path / "check.db")
    store.add_articles([*BRIDGE, *MARKET])
    store.save_stories([Story("s-bridge", "Jembatan Kali Merah ambruk", [a.id for a in BRIDGE]),
                        Story("s-market", "Harga cabai naik", [MARKET[0].id])])
    store.add_fact_checks(read_turnbackhoax_csv(write_csv(tmp_path / "fc.csv", FACT_CHECKS)))
    yield store
    store.close()


# --- reading fact-checks -----------------------------------------------------------------------


def test_verdicts_are_normalised():
    assert normalise_verdict("SALAH") == "false"
    assert normalise_verdict("Hoaks") == "false"
    assert normalise_verdict("Belum Terbukti") == "unproven"
    assert normalise_verdict("Partly false") == "misleading"
    assert normalise_verdict("Missing context") == "missing-context"
    assert normalise_verdict("Benar") == "true"
    assert normalise_verdict("parodi") == "satire"
    assert normalise_verdict("kebenaran") == ""  # a whole word only
    assert normalise_verdict("") == ""
    assert verdict_from_url("https://x.example/2025/01/02/misleading-foo-bar/") == ("misleading", "misleading")
    assert verdict_from_url("https://x.example/2025/01/02/belum-terbukti-foo/") == ("unproven", "belum terbukti")


def test_turnbackhoax_csv_is_read(tmp_path):
    checks = read_turnbackhoax_csv(write_csv(tmp_path / "fc.csv", FACT_CHECKS))
    assert [c.verdict for c in checks] == ["false", "unproven", "satire"]
    first = checks[0]
    assert first.claim == FACT_CHECKS[0]["judul"]
    assert first.published == "2025-05-02"
    assert first.url == FACT_CHECKS[0]["url"]
    assert first.conclusion.startswith("Narasi jembatan ambruk")
    assert first.verdict_word == "salah"


def test_a_csv_without_the_columns_is_rejected(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("title,body\na,b\n", encoding="utf-8")
    checks, rejected = read_fact_checks([path])
    assert not checks and rejected and "judul" in rejected[0][1]


def test_claim_review_json_ld_is_read(tmp_path):
    checks = read_claim_review_html(CLAIM_REVIEW_PAGE)
    assert len(checks) == 1  # the malformed block is skipped
    check = checks[0]
    assert check.claim.startswith("Pemerintah Kota Lestari membagikan")
    assert (check.verdict, check.verdict_word) == ("false", "Keliru")
    assert check.published == "2025-06-01"
    assert check.url == "https://periksa.example/motor-gratis"
    assert check.publisher == "Periksa Contoh"
    page = tmp_path / "review.html"
    page.write_text(CLAIM_REVIEW_PAGE, encoding="utf-8")
    (tmp_path / "plain.html").write_text("<html><body>nothing</body></html>", encoding="utf-8")
    found, rejected = read_fact_checks([tmp_path])
    assert [c.url for c in found] == [check.url] and [Path(p).name for p, _ in rejected] == ["plain.html"]


def test_ingest_factchecks_is_idempotent(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "fc.db")
    csv_path = write_csv(tmp_path / "fc.csv", FACT_CHECKS)
    (tmp_path / "review.html").write_text(CLAIM_REVIEW_PAGE, encoding="utf-8")
    first = runner.invoke(app, ["ingest-factchecks", str(csv_path), str(tmp_path / "review.html"), "--db", db, "--fast"])
    assert first.exit_code == 0, first.output
    assert "embedded" not in first.output  # --fast: the first check embeds them
    again = runner.invoke(app, ["ingest-factchecks", str(csv_path), "--db", db, "--fast"])
    assert again.exit_code == 0
    store = Store(db)
    assert store.count_fact_checks() == 4
    assert {c.verdict for c in store.fact_checks()} == {"false", "unproven", "satire"}
    store.close()


@pytest.mark.model
def test_ingest_factchecks_embeds_the_new_ones_for_the_close_claims(tmp_path):
    from kroscek.analyse.embed import content_key
    from kroscek.check import split_hashtags

    db = str(tmp_path / "fc.db")
    first = CliRunner().invoke(app, ["ingest-factchecks", str(write_csv(tmp_path / "fc.csv", FACT_CHECKS)), "--db", db])
    assert first.exit_code == 0 and "embedded for the close claims of check (e5): 3" in first.output
    again = CliRunner().invoke(app, ["ingest-factchecks", str(tmp_path / "fc.csv"), "--db", db])
    assert "embedded" not in again.output  # nothing new
    store = Store(db)
    keys = [content_key(split_hashtags(c.claim), "e5") for c in store.fact_checks()]
    assert len(store.embeddings(keys)) == 3
    store.close()


# --- checking a claim ----------------------------------------------------------------------------


@pytest.mark.model
def test_a_claim_with_a_number_one_outlet_contradicts(store):
    result = check_claim(store, "Jembatan Kali Merah di Kota Lestari ambruk, 12 orang tewas")
    assert result.covered and result.stories[0].id == "s-bridge"
    assert {e.outlet for e in result.supports} >= {"Warta Uji", "Kabar Contoh"}
    disputes = [e for e in result.contradicts if e.outlet == "Pos Rekaan"]
    assert disputes and disputes[0].slot == "number"
    assert "12" in disputes[0].claim_value and "15" in disputes[0].their_value
    assert disputes[0].published == "2025-05-01" and disputes[0].story == "s-bridge"
    assert not any(e.outlet == "Pos Rekaan" for e in result.supports)


@pytest.mark.model
def test_earlier_fact_check_is_found_with_its_verdict(store):
    result = check_claim(store, "Jembatan Kali Merah Kota Lestari ambruk, 40 orang tewas")
    assert [(c.verdict, c.url) for c in result.fact_checks] == [("false", FACT_CHECKS[0]["url"])]
    other = check_claim(store, "Air kelapa hijau menyembuhkan demam berdarah dalam sehari")
    assert other.fact_checks and other.fact_checks[0].verdict == "unproven"


@pytest.mark.model
def test_a_claim_written_as_a_forwarded_message_finds_the_fact_check(store):
    written = "Katanya jembatan Kali Merah Kota Lestari ambruk nih, 40 org tewas"
    result = check_claim(store, written)
    assert [c.url for c in result.fact_checks] == [FACT_CHECKS[0]["url"]]
    assert result.claim == written  # shown as written, compared in standard words
    assert result.standard == "Jembatan Kali Merah Kota Lestari ambruk, 40 orang tewas"
    assert check_claim(store, "Jembatan Kali Merah Kota Lestari ambruk, 40 orang tewas").standard == ""
    # too little left in standard words: compared as written, not refused
    assert check_claim(store, "katanya gempa nih dong").standard == ""


def test_chat_words_in_standard_words_match_the_checked_claim():
    index = _index({"url": "u/1", "claim": "Bupati Lestari Bagi-Bagi Uang Rp50 Juta untuk Warga yang Ikut Kuis di Facebook"},
                   {"url": "u/2", "claim": "Bupati Lestari Resmikan Jembatan Baru"})
    written = "Katanya bupati Lestari bagiin duit 50jt buat warga yg ikut kuis di fb"
    assert not index.match(claim_fact(written))
    assert [h.url for h in index.match(claim_fact(standard(written)))] == ["u/1"]


def test_a_fact_check_of_another_value_is_not_shown(store):
    index = FactCheckIndex(store.fact_checks())
    # the same words, but another town: another claim, whose verdict is not this one's
    assert not index.match(claim_fact("Jembatan Kali Merah di Kota Sentosa ambruk tewaskan 40 orang"))


def test_a_claim_no_outlet_covers_says_so(store):
    result = check_claim(store, "Gunung Salak meletus dan mengeluarkan abu setinggi lima kilometer")
    assert not result.covered and not result.stories and not result.supports and not result.contradicts
    assert "no story" in result.note


@pytest.mark.parametrize("claim", ["", "   ", "hoaks", "a" * 2000])
def test_a_malformed_claim_is_refused(store, claim):
    with pytest.raises(ClaimError):
        check_claim(store, claim)


@pytest.mark.model
def test_check_command(store):
    runner = CliRunner()
    result = runner.invoke(app, ["check", "Jembatan Kali Merah di Kota Lestari ambruk, 12 orang tewas",
                                 "--db", store.url.removeprefix("sqlite:///"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["covered"] and data["stories"][0]["id"] == "s-bridge"
    assert any(e["slot"] == "number" and e["outlet"] == "Pos Rekaan" for e in data["contradicts"])
    text = runner.invoke(app, ["check", "Jembatan Kali Merah di Kota Lestari ambruk, 12 orang tewas",
                               "--db", store.url.removeprefix("sqlite:///")])
    assert text.exit_code == 0 and "Pos Rekaan" in text.stdout
    informal = runner.invoke(app, ["check", "katanya jembatan Kali Merah di Kota Lestari ambruk nih, 12 org tewas",
                                   "--db", store.url.removeprefix("sqlite:///")])
    assert informal.exit_code == 0
    assert "compared in standard words: jembatan Kali Merah di Kota Lestari ambruk, 12 orang tewas" in " ".join(informal.stdout.split())
    empty = runner.invoke(app, ["check", " ", "--db", store.url.removeprefix("sqlite:///")])
    assert empty.exit_code == 2


@pytest.mark.model
def test_check_api(store):
    from kroscek.web.app import ServerSettings, create_app

    with TestClient(create_app(ServerSettings(db=store.url))) as client:
        response = client.post("/api/v1/check", json={"claim": "Jembatan Kali Merah di Kota Lestari ambruk, 12 orang tewas"})
        assert response.status_code == 200
        data = response.json()
        assert data["covered"] and any(e["slot"] == "number" for e in data["contradicts"])
        assert client.post("/api/v1/check", json={"claim": "  "}).status_code == 422
        assert client.post("/api/v1/check", json={}).status_code == 422
    with TestClient(create_app(ServerSettings(db=store.url, read_token_required=True))) as client:
        assert client.post("/api/v1/check", json={"claim": "Jembatan Kali Merah ambruk tewaskan warga"}).status_code == 401


@pytest.mark.model
def test_check_api_reuses_the_cached_fact_check_index(store, monkeypatch):
    from kroscek.web.app import ServerSettings, create_app

    built = []
    original = FactCheckIndex.__init__

    def counting(self, *args, **kwargs):
        built.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(FactCheckIndex, "__init__", counting)
    with TestClient(create_app(ServerSettings(db=store.url))) as client:
        for _ in range(3):
            response = client.post("/api/v1/check", json={"claim": "Jembatan Kali Merah Kota Lestari ambruk, 40 orang tewas"})
            assert response.status_code == 200
            assert [c["url"] for c in response.json()["fact_checks"]] == [FACT_CHECKS[0]["url"]]
        assert client.get("/check", params={"claim": "Jembatan Kali Merah Kota Lestari ambruk, 40 orang tewas"}).status_code == 200
    assert len(built) == 1  # built once for the store, shared by the API and the page


FLOOD = [
    article(11, "Warta Uji", ["Banjir bandang di Kota Lestari menewaskan 12 orang pada Senin malam.",
                              "Tim SAR masih mencari tiga warga yang hilang akibat banjir bandang di Kota Lestari."]),
    article(12, "Kabar Contoh", ["Sebanyak 12 orang tewas dalam banjir bandang di Kota Lestari.",
                                 "Sekolah di tepi sungai diliburkan."]),
]


@pytest.mark.model
def test_a_count_of_other_things_does_not_contradict(tmp_path):
    result = checked(tmp_path, "Banjir bandang di Kota Lestari, 90 orang tewas",
                     {"s-flood": ("Banjir bandang Kota Lestari", FLOOD)})
    contradicting = {e.text for e in result.contradicts}
    # the dead are disputed by both outlets; the missing are other people counted
    assert {e.outlet for e in result.contradicts} == {"Warta Uji", "Kabar Contoh"}
    assert all("12 orang" in e.their_value for e in result.contradicts)
    assert not any("hilang" in text for text in contradicting)


def _index(*checks: dict) -> FactCheckIndex:
    from kroscek.factchecks import FactCheck

    return FactCheckIndex([FactCheck(id=c["url"], claim=c["claim"], verdict="false", verdict_word="salah", published=None,
                                     url=c["url"], conclusion=c.get("conclusion", "")) for c in checks])


def test_a_fact_check_far_below_the_best_is_not_shown():
    index = _index({"claim": "Penemuan Makam Raja Kuno di Bukit Kapur Lestari", "url": "u/1"},
                   {"claim": "Bukit Kapur Lestari Dibuat untuk Menahan Banjir", "url": "u/2"})
    hits = index.match(claim_fact("Makam seorang raja kuno ditemukan di Bukit Kapur Lestari"), threshold=0.2)
    assert [h.url for h in hits] == ["u/1"]


def test_a_name_the_claim_adds_is_a_detail_another_name_is_another_claim():
    check = {"claim": "Kereta Lestari Kasih Tiket Gratis Lewat Program Kartu Pelajar", "url": "u/1",
             "conclusion": "Informasi tentang “Kereta Lestari berikan tiket gratis melalui Program Kartu Pelajar” "
                           "merupakan konten palsu. (Ditulis oleh Rahmah)"}
    index = _index(check)
    # one more name (the line), most words the fact-check's: the same claim
    assert index.match(claim_fact("Kereta Lestari bagi kartu pelajar gratis untuk naik KRL Sentosa"), threshold=0.3)
    other = _index({"claim": "Rakyat Desak Presiden Audit Bantuan Wapres Gibran", "url": "u/2",
                    "conclusion": "Narasi rakyat desak Presiden audit bantuan Wapres Gibran adalah hoaks."})
    # the fact-check names someone the claim does not, and the claim someone it does not: another subject
    assert not other.match(claim_fact("Rakyat mendesak Presiden mengaudit bantuan Menteri Sosial"), threshold=0.3)
    assert other.match(claim_fact("Rakyat mendesak Presiden mengaudit bantuan Wapres Gibran"), threshold=0.3)


def test_eval_check_scores_story_sentences_and_fact_checks():
    from kroscek.eval.check import Call, ClaimLabel, NewsEvidence, Outcome, place, score

    content = "Jakarta -\nBanjir bandang di Kota Lestari menewaskan 12 orang.  Sekolah diliburkan."
    start, end = place("Banjir bandang di Kota Lestari menewaskan 12 orang.", content)
    assert content[start:end].startswith("Banjir") and content[start:end].endswith("orang")
    assert place("Tidak ada kalimat seperti ini di sana", content) is None
    # the cleaner dropped the dateline's outlet tag: the sentence is found by its last words
    dated = "KOTA LESTARI, WARTA.com - Sebuah papan reklame setinggi 8 meter roboh di Jalan Kenari pada Selasa sore."
    start, end = place("KOTA LESTARI, Sebuah papan reklame setinggi 8 meter roboh di Jalan Kenari pada Selasa sore.", dated)
    assert dated[start:end].endswith("Selasa sore") and "reklame" in dated[start:end]
    url = "https://warta.example/1"
    news = ClaimLabel("c1", "news", None, None, "Banjir di Kota Lestari, 90 orang tewas", False, "s-flood",
                      (NewsEvidence("a1", "f.csv", url, start, end, "contradicts"),))
    checked = ClaimLabel("c2", "factcheck", "7", "salah", "Jembatan ambruk tewaskan 40 orang", True, None, ())
    other = ClaimLabel("c3", "factcheck", "8", "salah", "Jembatan lain ambruk", False, None, ())
    got = [Outcome(["s-x", "s-y", "s-flood"], [Call("contradicts", url, start + 3, end), Call("supports", url, 0, 5)], ["9"]),
           Outcome([], [], ["7", "9"]), Outcome([], [], [])]
    figures = score([news, checked, other], got, {"s-flood": {"s-flood"}})
    assert (figures.covered, figures.story_top3) == (1, 1)
    assert (figures.contradicts.called, figures.contradicts.right) == (1, 1)
    assert (figures.supports.called, figures.supports.judged, figures.supports.right) == (1, 0, 0)  # unlabelled
    assert (figures.match, figures.fc_right) == (1, 1)
    assert figures.fc_wrong_claims == 2  # a fact-check shown for a news claim, another beside the right one
    assert score([news], [Outcome(["a", "b", "c", "s-flood"])], {"s-flood": {"s-flood"}}).story_top3 == 0
    # another fact-check of the same claim, labelled as such: right when shown alone, no wrong verdict beside the labelled one
    twice = ClaimLabel("c4", "factcheck", "7", "salah", "Jembatan ambruk tewaskan 40 orang", True, None, (), ("9",))
    alone = score([twice], [Outcome([], [], ["9"])], {})
    assert (alone.fc_right, alone.fc_wrong_claims) == (1, 0)
    beside = score([twice], [Outcome([], [], ["7", "9", "8"])], {})
    assert (beside.fc_right, beside.fc_wrong_claims) == (1, 1)  # "8" is another claim's


@pytest.mark.model
def test_a_sentence_without_the_claims_number_or_a_tag_line_does_not_support(tmp_path):
    articles = [*FLOOD, article(13, "Pos Rekaan", ["Banjir bandang di Kota Lestari menewaskan warga pada Senin malam.",
                                                   "abc/def) banjir bandang kota lestari tewas 12 orang"])]
    result = checked(tmp_path, "Banjir bandang di Kota Lestari menewaskan 12 orang",
                     {"s-flood": ("Banjir bandang Kota Lestari", articles)})
    assert {e.outlet for e in result.supports} == {"Warta Uji", "Kabar Contoh"}
    assert all("12" in e.text for e in result.supports)
    assert not any(e.outlet == "Pos Rekaan" for e in result.supports + result.contradicts)


def test_a_near_miss_fact_check_is_not_shown_with_its_verdict():
    index = _index({"claim": "Tautan Lowongan Kerja di Susu Lestari, Usia Maksimal 50 Tahun", "url": "u/age"},
                   {"claim": "Federasi Diskualifikasi Kota Damai dari Piala Nusantara U-17 2025", "url": "u/cup"},
                   {"claim": "Jembatan Kali Merah di Kota Lestari Ambruk Tewaskan 40 Orang", "url": "u/bridge"})
    # the checked claims themselves, in other words
    assert [h.url for h in index.match(claim_fact("Lowongan kerja Susu Lestari untuk pelamar usia maksimal 50 tahun"),
                                       threshold=0.3)] == ["u/age"]
    assert [h.url for h in index.match(claim_fact("Federasi mendiskualifikasi Kota Damai dari Piala Nusantara U-17 2025"),
                                       threshold=0.3)] == ["u/cup"]
    # another age limit, another age group, another town: a similar claim, whose verdict is not this one's
    assert not index.match(claim_fact("Lowongan kerja Susu Lestari untuk pelamar usia maksimal 35 tahun"), threshold=0.3)
    assert not index.match(claim_fact("Federasi mendiskualifikasi Kota Damai dari Piala Nusantara U-20 2025"),
                           threshold=0.3)
    assert not index.match(claim_fact("Jembatan Kali Merah di Kota Sentosa ambruk tewaskan 40 orang"), threshold=0.3)


def test_a_fact_check_sharing_only_the_names_is_another_claim():
    index = _index({"claim": "Presiden Bisa Copot Gubernur Pramana dari Jabatannya di Kota Lestari", "url": "u/1"})
    claim = claim_fact("Gubernur Pramana sudah memutuskan malam bebas kendaraan berlaku di Kota Lestari")
    assert index.scores(claim.text)[0] >= 0.3  # close in words: the governor and the town
    assert not index.match(claim, threshold=0.3)  # but nothing of what happened is the same


def test_of_two_checks_of_a_claim_the_one_naming_someone_more_yields():
    index = _index({"claim": "DPR dan Polisi Lestari Resmikan SIM Berlaku Seumur Hidup", "url": "u/dpr"},
                   {"claim": "Polisi Lestari Resmikan SIM Berlaku Seumur Hidup", "url": "u/police"})
    assert [h.url for h in index.match(claim_fact("Polisi Lestari resmi memberlakukan SIM seumur hidup"),
                                       threshold=0.3)] == ["u/police"]
    assert [h.url for h in index.match(claim_fact("DPR dan Polisi Lestari meresmikan SIM berlaku seumur hidup"),
                                       threshold=0.3)] == ["u/dpr"]


@pytest.mark.model
def test_a_number_of_something_else_that_happened_does_not_contradict(tmp_path):
    articles = [article(21, "Warta Uji", ["Massa membakar lima mobil listrik Taksi Lestari di Kota Damai pada Minggu malam.",
                                          "Taksi Lestari disebut memiliki 100 unit mobil listrik di Kota Damai."])]
    result = checked(tmp_path, "Massa membakar tiga mobil listrik Taksi Lestari di Kota Damai",
                     {"s-riot": ("Kerusuhan Kota Damai", articles)})
    # the cars burned are disputed; the cars the company owns are other cars counted
    assert [e.text for e in result.contradicts] == [articles[0].sentences[0].text]
    assert result.contradicts[0].slot == "number"


def test_a_fact_check_of_another_organisation_is_another_claim():
    index = _index({"claim": "Tautan Lowongan Kerja PT Pupuk Lestari Dibuka", "url": "u/pupuk"},
                   {"claim": "Tautan Lowongan Kerja PT Susu Lestari Dibuka", "url": "u/susu"})
    # the headline is in title case; the word after "PT" names the company all the same
    assert [h.url for h in index.match(claim_fact("Lowongan kerja PT Susu Lestari dibuka lewat tautan ini"),
                                       threshold=0.3)] == ["u/susu"]
    assert not index.match(claim_fact("Lowongan kerja PT Kopi Lestari dibuka lewat tautan ini"), threshold=0.3)


@pytest.mark.model
def test_a_count_told_in_other_words_with_another_value_contradicts(tmp_path):
    fire = article(31, "Warta Uji", ["Kebakaran gudang kertas di Kota Lestari pada Senin pagi menghanguskan seluruh isi gudang.",
                                     "Petugas pemadam mengerahkan delapan mobil untuk memadamkan api.",
                                     "Dalam kejadian itu, satu orang tewas diduga karena terhimpit rak saat kebakaran terjadi."])
    crash = article(32, "Kabar Contoh", ["Tiga orang tewas dalam kecelakaan bus di jalan tol Kota Damai.",
                                         "Sopir bus diduga mengantuk."])
    result = checked(tmp_path, "Dua orang tewas dalam kebakaran gudang kertas di Kota Lestari",
                     {"s-fire": ("Kebakaran gudang Kota Lestari", [fire]), "s-crash": ("Kecelakaan bus Kota Damai", [crash])})
    # few words in common, but the same dead counted in an article about the fire: both sides shown
    assert [(e.text, e.claim_value, e.their_value) for e in result.contradicts] == [
        (fire.sentences[2].text, "Dua orang", "satu orang")]
    assert not any("mobil" in e.text for e in result.contradicts)  # the fire engines are other things counted


def test_a_fact_check_naming_another_subject_first_is_another_claim():
    index = _index({"claim": "Zentravo Pamerkan Robot Optimo Pengganti Buruh Pabrik", "url": "u/robot"},
                   {"claim": "Menag Sebut Uang Zakat dan Infak Dipakai untuk Masjid di Kota Lestari", "url": "u/zakat"})
    # the same claim: the maker named first, a minister by the short form of the office
    assert index.match(claim_fact("Zentravo memamerkan robot Optimo yang menggantikan buruh pabrik"), threshold=0.3)
    assert index.match(claim_fact("Menteri Agama bilang dana zakat dan infak dipakai membangun masjid Kota Lestari"),
                       threshold=0.3)
    # another maker in the first word, another minister: the check names someone the claim does not
    assert not index.match(claim_fact("Kovalindo memamerkan robot Optimo yang menggantikan buruh pabrik"), threshold=0.3)
    assert not index.match(claim_fact("Menteri Keuangan bilang dana zakat dan infak dipakai membangun masjid Kota Lestari"),
                           threshold=0.3)


def test_a_number_in_words_is_compared_with_the_checked_number():
    index = _index({"claim": "Salam 3 Jari dari Pak Lestari Bentuk Dukungan ke Pasangan Damai", "url": "u/3"})
    assert index.match(claim_fact("Salam tiga jari Pak Lestari tanda dukungan untuk pasangan Damai"), threshold=0.3)
    assert not index.match(claim_fact("Salam dua jari Pak Lestari tanda dukungan untuk pasangan Damai"), threshold=0.3)


def test_a_fact_check_saying_who_or_what_happened_otherwise_is_another_claim():
    index = _index({"claim": "Pelatih Patrick Kluivert Pimpin Latihan Timnas Nusantara", "url": "u/coach"},
                   {"claim": "Pelatih Pramana Umumkan Pengunduran Diri dari Timnas Lestari", "url": "u/quit"},
                   {"claim": "Pemerintah Lestari Tidak Pernah Menaikkan Harga Beras", "url": "u/rice"})
    # the claim says nobody: the fact-check is of someone's deed
    assert index.match(claim_fact("Pelatih Patrick Kluivert memimpin latihan timnas Nusantara"), threshold=0.3)
    assert not index.match(claim_fact("Pelatih baru memimpin latihan timnas Nusantara"), threshold=0.3)
    # the same person, nothing of what happened in common
    assert index.match(claim_fact("Pelatih Pramana mengumumkan pengunduran diri dari timnas Lestari"), threshold=0.3)
    assert not index.match(claim_fact("Pelatih Pramana menyebut timnas Lestari sudah berusaha sebaik mungkin"),
                           threshold=0.3)
    # the negation of the checked claim
    assert index.match(claim_fact("Pemerintah Lestari tidak pernah menaikkan harga beras"), threshold=0.3)
    assert not index.match(claim_fact("Pemerintah Lestari menaikkan harga beras bulan ini"), threshold=0.3)


def test_a_claim_naming_whom_the_conclusion_names_is_not_the_checked_claim():
    index = _index({"claim": "Video Pasukan Zentravo Serbu Perbatasan Nusantara", "url": "u/army",
                    "conclusion": "Faktanya, video itu menunjukkan pasukan Kovalindo dalam latihan di negaranya."})
    assert index.match(claim_fact("Video pasukan Zentravo menyerbu perbatasan Nusantara"), threshold=0.3)
    # the conclusion's subject put in the claim: not the claim that was checked
    assert not index.match(claim_fact("Video pasukan Kovalindo menyerbu perbatasan Nusantara"), threshold=0.3)


@pytest.mark.model
def test_a_deed_told_as_not_done_yet_contradicts_a_claim_that_it_is_done(tmp_path):
    plan = article(41, "Warta Uji", ["Pemkot Lestari masih mengkaji rencana malam bebas kendaraan di Kota Lestari.",
                                     "Wali Kota Pramana mengaku belum mengambil keputusan soal malam bebas kendaraan.",
                                     "Malam bebas kendaraan diusulkan warga sejak tahun lalu.",
                                     "Wali Kota Pramana belum menggelar rapat soal malam bebas kendaraan."])
    wed = article(42, "Kabar Contoh", ["Pasangan Dimas dan Sekar belum menggelar resepsi pernikahan resmi di Kota Lestari.",
                                       "Dimas mengaku bakal menggelar resepsi pernikahan tahun depan."])
    result = checked(tmp_path, "Wali Kota Pramana sudah memutuskan malam bebas kendaraan berlaku di Kota Lestari",
                     {"s-plan": ("Malam bebas kendaraan Kota Lestari", [plan])})
    assert plan.sentences[0].text in [e.text for e in result.contradicts]  # still under study
    assert all(e.slot == "status" for e in result.contradicts)
    assert plan.sentences[3].text not in [e.text for e in result.contradicts]  # another deed not done: no status of this one
    assert not result.supports
    (tmp_path / "wed").mkdir()
    result = checked(tmp_path / "wed", "Dimas dan Sekar sudah menggelar resepsi pernikahan resmi di Kota Lestari",
                     {"s-wed": ("Pernikahan Dimas dan Sekar", [wed])})
    assert {e.text for e in result.contradicts} == {s.text for s in wed.sentences}  # not yet, and to come
    assert not result.supports


@pytest.mark.model
def test_a_kind_of_place_does_not_contradict_a_place_of_that_kind(tmp_path):
    kinds = article(51, "Warta Uji", ["Presiden Pramana memimpin rapat terbatas soal tanggul laut di Istana Kepresidenan, Selasa."])
    other = article(52, "Kabar Contoh", ["Presiden Pramana memimpin rapat terbatas soal tanggul laut di Istana Merdeka, Selasa."])
    result = checked(tmp_path, "Presiden Pramana memimpin rapat terbatas soal tanggul laut di Istana Bogor",
                     {"s-wall": ("Tanggul laut", [kinds, other])})
    assert [e.text for e in result.contradicts] == [other.sentences[0].text]
    assert result.contradicts[0].slot == "place"


@pytest.mark.model
def test_talk_of_a_claim_does_not_support_it(tmp_path):
    gossip = article(61, "Warta Uji", ["Kabar penyanyi Sekar sedang pendekatan dengan pemain band Dimas hangat diperbincangkan.",
                                       "Penyanyi Sekar mengaku sedang pendekatan dengan pemain band Dimas."])
    result = checked(tmp_path, "Penyanyi Sekar mengaku sedang pendekatan dengan pemain band Dimas",
                     {"s-gossip": ("Sekar dan Dimas", [gossip])})
    assert [e.text for e in result.supports] == [gossip.sentences[1].text]


def test_another_thing_at_the_head_or_the_tail_is_another_claim():
    index = _index({"claim": "Mobil Terbakar Jalan Sendiri Dikemudikan Arwah di Kota Lestari", "url": "u/car"},
                   {"claim": "Video Jembatan di Kota Damai Jebol Akibat Banjir", "url": "u/bridge"})
    # the same claim, a deed in other words
    assert index.match(claim_fact("Mobil yang terbakar berjalan sendiri karena dikendarai arwah di Kota Lestari"),
                       threshold=0.3)
    assert index.match(claim_fact("Jembatan di Kota Damai jebol diterjang banjir"), threshold=0.3)
    # another thing burning, another cause
    assert not index.match(claim_fact("Motor yang terbakar berjalan sendiri karena dikendarai arwah di Kota Lestari"),
                           threshold=0.3)
    assert not index.match(claim_fact("Jembatan di Kota Damai jebol diterjang longsor"), threshold=0.3)


def test_a_fact_check_naming_who_said_it_or_an_office_is_still_the_claim():
    index = _index({"claim": "Menteri Suharjo: Kas Daerah Kosong, Warga Diminta Urunan", "url": "u/said"},
                   {"claim": "Menko Pangan Zulkifli Hasan Ditangkap karena Kasus Impor Gula", "url": "u/office"},
                   {"claim": "Penawaran Pinjaman Bank Lestari dari Tautan Tidak Resmi", "url": "u/loan"})
    assert index.match(claim_fact("Kas daerah kosong, warga diminta segera urunan"), threshold=0.3)
    assert index.match(claim_fact("Zulkifli Hasan ditangkap karena kasus impor gula"), threshold=0.3)
    assert index.match(claim_fact("Penawaran pinjaman Bank Lestari lewat tautan"), threshold=0.3)
    assert not index.match(claim_fact("Harga gula naik karena kasus impor gula"), threshold=0.3)


def test_a_done_deed_that_goes_on_is_not_told_as_not_done():
    claim = claim_fact("Penyanyi Sekar sudah ditahan di rutan Kota Lestari sejak 5 Juni")
    from kroscek.compare.facts import read_fact
    from kroscek.compare.claims import Claim
    from kroscek.check import status_change

    later = read_fact(Claim("a", 0, "Sekar akan ditahan di rutan Kota Lestari hingga 24 Juni.", "id"), "a")
    before = read_fact(Claim("b", 0, "Sekar akan ditahan di rutan Kota Lestari pekan depan.", "id"), "b")
    assert status_change(claim, later) is None  # held until a later day: it goes on
    assert status_change(claim, before) is not None  # to be held: not done yet


def test_after_the_best_fact_check_only_the_same_claim_checked_again_is_shown():
    index = _index({"claim": "Pejabat Lestari Bagikan Uang Korupsi ke Warga", "url": "u/handout"},
                   {"claim": "Uang Korupsi Pejabat Lestari Disita Kejaksaan", "url": "u/seized"})
    claim = claim_fact("Pejabat Lestari bagikan uang korupsi yang disita kejaksaan ke warga")
    scores = index.scores(claim.text)
    assert abs(scores[0] - scores[1]) <= 0.05  # both as close as the best
    assert len(index.match(claim, threshold=0.3)) == 1  # two claims sharing the words: one verdict shown, not both
    twice = _index({"claim": "Pejabat Lestari Bagikan Uang Korupsi ke Warga", "url": "u/handout"},
                   {"claim": "Pejabat Lestari Bagikan Uang Korupsi ke Warga", "url": "u/again"})
    assert {h.url for h in twice.match(claim, threshold=0.3)} == {"u/handout", "u/again"}  # one claim checked twice


@pytest.mark.model
def test_what_would_be_does_not_support_a_claim(tmp_path):
    night = article(71, "Warta Uji", ["Pemkot Lestari memberlakukan malam bebas kendaraan di Kota Lestari mulai pekan ini.",
                                      "Lampu jalan ditambah jika Pemkot Lestari memberlakukan malam bebas kendaraan di Kota Lestari."])
    result = checked(tmp_path, "Pemkot Lestari memberlakukan malam bebas kendaraan di Kota Lestari",
                     {"s-night": ("Malam bebas kendaraan", [night])})
    assert [e.text for e in result.supports] == [night.sentences[0].text]


def test_a_fact_check_of_another_region_of_the_same_kind_is_another_claim():
    index = _index({"claim": "Pj Bupati Sumberlor Minta Uang untuk Proses Mutasi Pegawai", "url": "u/sumberlor"})
    # another regency, named after its head ("Bupati") or the region's word ("Kabupaten"): another claim
    assert not index.match(claim_fact("Pj Bupati Karangwetan minta uang untuk proses mutasi pegawai"), threshold=0.3)
    assert not index.match(claim_fact("Kabupaten Karangwetan minta uang untuk proses mutasi pegawai"), threshold=0.3)
    assert index.match(claim_fact("Pj Bupati Sumberlor minta uang pegawai untuk proses mutasi"), threshold=0.3)
    # a city is another kind of region: a claim naming one is compared on its other words
    city = _index({"claim": "Wali Kota Sumberlor Larang Warga Mudik", "url": "u/kota"})
    assert city.match(claim_fact("Wali Kota Sumberlor melarang warga mudik"), threshold=0.3)
    assert not city.match(claim_fact("Wali Kota Karangwetan melarang warga mudik"), threshold=0.3)


def test_an_amount_in_a_claim_is_not_a_name_the_fact_check_lacks():
    index = _index({"claim": "Rekrutmen Relawan Lumbung Amal Ramadan 2025", "url": "u/relawan",
                    "conclusion": "Unggahan berisi tautan rekrutmen relawan Lumbung Amal adalah konten palsu."})
    # "Rp5-8 juta" is an amount, not someone the fact-check does not name
    claim = claim_fact("Lumbung Amal buka rekrutmen relawan Ramadan 2025 dengan gaji Rp5-8 juta sebulan")
    assert index.match(claim, threshold=0.3)


def test_a_noun_of_a_deed_at_the_head_is_another_thing_than_a_plain_noun():
    index = _index({"claim": "Tautan “Pendaftaran Perawat Rumah Sehat Lestari”", "url": "u/daftar",
                    "conclusion": "Unggahan berisi tautan pendaftaran perawat Rumah Sehat Lestari adalah konten palsu."})
    # the registration itself, opened through the link: the checked claim
    assert index.match(claim_fact("Pendaftaran perawat Rumah Sehat Lestari dibuka lewat tautan ini"), threshold=0.3)
    # the ones taking part, charged a fee: "peserta" against "pendaftaran" at the head, another claim
    assert not index.match(claim_fact("Peserta seleksi perawat Rumah Sehat Lestari dipungut biaya pendaftaran"),
                           threshold=0.3)


def test_a_fact_check_shortening_the_claims_words_is_the_same_claim():
    from kroscek.text.names import clipped

    index = _index({"claim": "Pendaftaran Loker Mayindo Group Lewat WhatsApp", "url": "u/loker"},
                   {"claim": "Pram Sebut Harga Beras Turun", "url": "u/pram"})
    # "loker" is "lowongan kerja" shortened: the claim is the checked one, at the threshold the check uses
    hits = index.match(claim_fact("Lowongan kerja PT Mayindo dibuka, daftar lewat WhatsApp"))
    assert [h.url for h in hits] == ["u/loker"]
    assert clipped("loker", ["lowongan", "kerja"]) and clipped("menag", ["menteri", "agama"])
    assert not clipped("bersama", ["bersih", "sama"])  # a word taken whole is no shortening
    assert not clipped("menu", ["menyembunyikan", "utang"])  # one letter of a word is too little to tell
    # names are not shortened, and a known name is no shortening ("Prabowo marah" is not "Pram")
    assert not any("pram" in text.casefold() for text in index.spelled_short("Presiden Prabowo marah soal harga beras"))


@pytest.mark.model
def test_a_deed_told_as_stopped_contradicts_a_claim_that_it_goes_on(tmp_path):
    talk = article(71, "Warta Uji", ["Penyanyi Sekar mengaku tidak lagi menjalin komunikasi dengan pemain band Dimas.",
                                     "Penyanyi Sekar tidak lagi tampil di panggung Kota Lestari."])
    result = checked(tmp_path, "Penyanyi Sekar masih sering berkomunikasi dengan pemain band Dimas",
                     {"s-talk": ("Sekar dan Dimas", [talk])})
    # the talk stopped; another deed stopped is no status of this one
    assert [(e.text, e.slot) for e in result.contradicts] == [(talk.sentences[0].text, "status")]
    assert not result.supports


def test_a_status_word_is_read_where_it_stands_not_at_its_first_use():
    from kroscek.compare.claims import Claim
    from kroscek.compare.facts import read_fact
    from kroscek.check import status_change

    claim = claim_fact("Pemkot Lestari sudah menutup jalan Merdeka di Kota Lestari")
    # "belum lama ini" first (recently), then "belum menutup": the second is the deed not yet done
    later = read_fact(Claim("a", 0, "Belum lama ini warga protes, tetapi Pemkot Lestari belum menutup jalan Merdeka.", "id"), "a")
    found = status_change(claim, later)
    assert found is not None and found.b == "belum menutup jalan"
    # "tidak akan" first (a refusal of another deed), then "akan menutup": the deed to come
    coming = read_fact(Claim("b", 0, "Pemkot Lestari tidak akan memungut biaya, dan akan menutup jalan Merdeka pekan depan.",
                             "id"), "b")
    found = status_change(claim, coming)
    assert found is not None and found.b == "akan menutup jalan"


@pytest.mark.model
def test_a_condition_not_met_does_not_contradict_what_would_follow_it(tmp_path):
    probe = article(81, "Warta Uji", ["Kejaksaan Lestari siap mengusut pelanggaran tambang di Kota Lestari jika ada laporan warga.",
                                      "Hingga kini belum ada laporan warga ke Kejaksaan Lestari soal pelanggaran tambang di Kota Lestari."])
    result = checked(tmp_path, "Kejaksaan Lestari siap mengusut pelanggaran tambang di Kota Lestari jika ada laporan warga",
                     {"s-probe": ("Tambang Kota Lestari", [probe])})
    assert not result.contradicts  # no report yet: the condition unmet, the readiness not denied
    # a denial of the deed itself still contradicts
    refused = article(82, "Kabar Contoh", ["Kejaksaan Lestari tidak siap mengusut pelanggaran tambang di Kota Lestari."])
    (tmp_path / "b").mkdir()
    result = checked(tmp_path / "b", "Kejaksaan Lestari siap mengusut pelanggaran tambang di Kota Lestari jika ada laporan warga",
                     {"s-refused": ("Tambang Kota Lestari", [refused])})
    assert [e.text for e in result.contradicts] == [refused.sentences[0].text]


@pytest.mark.model
def test_a_sentence_that_does_not_name_the_claims_person_does_not_support_it(tmp_path):
    race = article(91, "Warta Uji", ["Sebagai pendatang baru, ia berhasil naik podium di balapan Sirkuit Lestari.",
                                     "Pembalap Rudi Hartono berhasil naik podium di balapan Sirkuit Lestari.",
                                     "Berikut hasil balapan Sirkuit Lestari hari ini."])
    result = checked(tmp_path, "Pembalap Rudi Hartono naik podium di balapan Sirkuit Lestari",
                     {"s-race": ("Balapan Sirkuit Lestari", [race])})
    assert [e.text for e in result.supports] == [race.sentences[1].text]
    # who said it need not be named: the sentence states what was said
    said = article(92, "Kabar Contoh", ["Jembatan Kali Merah di Kota Lestari akan dibuka kembali pekan depan."])
    (tmp_path / "b").mkdir()
    result = checked(tmp_path / "b", "Wali Kota Budi Santoso: jembatan Kali Merah di Kota Lestari dibuka kembali pekan depan",
                     {"s-said": ("Jembatan Kali Merah", [said])})
    assert [e.text for e in result.supports] == [said.sentences[0].text]


def test_a_clock_time_is_no_speaker_before_a_colon():
    from kroscek.check import claim_object

    # "pukul 07:30" is a time: what is sold is still read after the verb
    assert claim_object(claim_fact("Pedagang menjual ayam pukul 07:30 di Pasar Lestari")) == "ayam"
    assert claim_object(claim_fact("Seskab Rudi: pedagang menjual ayam di Pasar Lestari")) == "ayam"


@pytest.mark.model
def test_a_supporting_sentence_states_what_happened_and_the_thing_it_happened_to(tmp_path):
    train = article(101, "Warta Uji", ["Kereta Lestari Ekspres atau KLE",
                                       "Kereta Lestari Ekspres digratiskan untuk semua pelajar mulai Juli."])
    result = checked(tmp_path, "Kereta Lestari Ekspres digratiskan untuk semua pelajar mulai Juli",
                     {"s-train": ("Kereta gratis", [train])})
    assert [e.text for e in result.supports] == [train.sentences[1].text]  # the names alone state nothing
    cake = article(102, "Kabar Contoh", ["Donat buatan penyanyi Sekar dijual dengan harga Rp 50 ribu per kotak.",
                                         "Penyanyi Sekar menjual kue lapis seharga Rp 50 ribu per kotak."])
    (tmp_path / "b").mkdir()
    result = checked(tmp_path / "b", "Penyanyi Sekar menjual kue lapis seharga Rp50 ribu per kotak",
                     {"s-cake": ("Dagangan Sekar", [cake])})
    assert [e.text for e in result.supports] == [cake.sentences[1].text]  # the same price of another thing sold


@pytest.mark.model
def test_a_count_of_more_than_the_claims_does_not_support_it(tmp_path):
    goats = article(103, "Warta Uji", ["Penyanyi Sekar membeli total 40 kambing dari peternak Joko Susilo dan Bambang.",
                                       "Penyanyi Sekar membeli 40 kambing dari peternak Joko Susilo untuk kurban."])
    result = checked(tmp_path, "Penyanyi Sekar membeli 40 kambing dari peternak Joko Susilo",
                     {"s-goats": ("Kurban Sekar", [goats])})
    assert [e.text for e in result.supports] == [goats.sentences[1].text]


@pytest.mark.model
def test_talk_and_suspicion_do_not_support_a_claim(tmp_path):
    talk = article(104, "Warta Uji", ["Isu penyanyi Sekar hamil ramai menjadi perbincangan warganet.",
                                      "Unggahan Dimas membuat publik curiga bahwa penyanyi Sekar sedang hamil.",
                                      "Dimas membenarkan penyanyi Sekar sedang hamil anak pertama."])
    result = checked(tmp_path, "Dimas membenarkan penyanyi Sekar sedang hamil",
                     {"s-talk": ("Kabar Sekar", [talk])})
    assert [e.text for e in result.supports] == [talk.sentences[2].text]


@pytest.mark.model
def test_a_denial_is_contradicted_only_by_a_sentence_stating_what_it_denies(tmp_path):
    fall = article(105, "Warta Uji", ["Jembatan Kali Merah di Kota Lestari ambruk akibat banjir pada Kamis pagi.",
                                      "Dua korban jiwa tewas akibat jembatan Kali Merah di Kota Lestari ambruk."])
    result = checked(tmp_path, "Tidak ada korban jiwa akibat jembatan Kali Merah di Kota Lestari ambruk",
                     {"s-fall": ("Jembatan ambruk", [fall])})
    assert [e.text for e in result.contradicts] == [fall.sentences[1].text]  # the fall told is not a death told


def test_a_fact_check_writing_a_hashtag_matches_the_claim_in_words():
    index = _index({"claim": "140 Mahasiswa Sewaan Aksi #LestariGelap Ditangkap Polisi", "url": "u/tag",
                    "conclusion": "Unggahan berisi klaim “140 mahasiswa sewaan aksi #LestariGelap ditangkap polisi” "
                                  "merupakan konten yang menyesatkan."})
    hits = index.match(claim_fact("Polisi menangkap 140 mahasiswa sewaan aksi Lestari Gelap"), threshold=0.3)
    assert [h.claim for h in hits] == ["140 Mahasiswa Sewaan Aksi #LestariGelap Ditangkap Polisi"]  # shown as written


def test_names_apart_by_a_comma_are_two_names_and_one_swapped_is_another_claim():
    index = _index({"claim": "Darmawan, Nusantara, dan PKR Bersatu Tolak UU Pangan Lestari", "url": "u/three",
                    "conclusion": "Unggahan berisi narasi “Darmawan, Nusantara, dan PKR bersatu tolak UU Pangan "
                                  "Lestari” merupakan konten yang menyesatkan."})
    assert index.match(claim_fact("Darmawan, Nusantara dan PKR bersatu tolak UU Pangan Lestari"), threshold=0.3)
    assert not index.match(claim_fact("Rudi Hartono, Nusantara dan PKR bersatu tolak UU Pangan Lestari"), threshold=0.3)


def test_a_country_named_otherwise_is_the_same_country_another_is_another_claim():
    index = _index({"claim": "China Ganti Nama Sungai di Kota Lestari", "url": "u/road",
                    "conclusion": "Unggahan berisi narasi “china ganti nama sungai di Kota Lestari” merupakan konten "
                                  "yang menyesatkan."})
    assert index.match(claim_fact("Tiongkok mengganti nama sungai di Kota Lestari"), threshold=0.3)
    assert not index.match(claim_fact("Makassar mengganti nama sungai di Kota Lestari"), threshold=0.3)


def test_the_same_people_doing_another_thing_is_another_claim():
    index = _index({"claim": "Video Mahasiswi Peserta Demo Lestari Takut Beasiswanya Dicabut", "url": "u/fear"},
                   {"claim": "Virus Cacar Air Bisa Diatasi Pakai Jahe Merah", "url": "u/pox"})
    assert not index.match(claim_fact("Mahasiswa membagikan uang kepada peserta demo Lestari"), threshold=0.3)
    # the same claim with its verb in other words
    assert index.match(claim_fact("Cacar air bisa disembuhkan dengan jahe merah"), threshold=0.3)


def test_a_verb_with_its_first_letter_dropped_is_the_same_verb():
    index = _index({"claim": "140 Mahasiswa Sewaan Aksi Lestari Gelap Ditangkap Polisi", "url": "u/caught"})
    # "menangkap" / "ditangkap": one verb, its "t" dropped after "men-"
    assert index.match(claim_fact("Polisi menangkap 140 mahasiswa bayaran peserta demo Lestari Gelap"), threshold=0.3)


def test_an_amount_is_a_detail_of_a_fact_check_that_writes_no_number():
    index = _index({"claim": "Tautan “Bantuan Upah Pekerja", "url": "u/wage",
                    "conclusion": "Unggahan berisi tautan “bantuan upah pekerja” merupakan konten tiruan."},
                   {"claim": "Tautan Bantuan Modal Usaha Damai Rp5 Juta", "url": "u/capital",
                    "conclusion": "Unggahan berisi tautan bantuan modal usaha Damai Rp5 juta adalah konten palsu."})
    # the check names no amount: the claim's amount is a detail of the same link
    assert index.match(claim_fact("Daftar bantuan upah pekerja Rp2,4 juta lewat tautan resmi ini"), threshold=0.3)
    # a check that names its amount: another amount is another claim
    assert not index.match(claim_fact("Daftar bantuan modal usaha Damai Rp9 juta lewat tautan ini"), threshold=0.3)


@pytest.mark.model
def test_a_supporting_sentence_states_every_number_the_claim_writes(tmp_path):
    fair = article(111, "Warta Uji", ["Pameran buku Kota Lestari digelar gratis pada 10 sampai 20 Juni untuk HUT Kota Lestari ke-498.",
                                      "Data Dinas Lestari per September 2024 mencatat pengunjung pameran buku naik 8,5 persen.",
                                      "Tambang pasir di Pulau Gading berjarak sekitar 30-40 km dari Pulau Merak."])
    stories = {"s-fair": ("Pameran buku Kota Lestari", [fair])}
    # a range, a day and an ordinal: another value is not stated
    assert not checked(tmp_path, "Pameran buku Kota Lestari gratis 17-20 Juni untuk HUT Kota Lestari ke-498",
                       stories).supports
    for folder, claim in (("b", "Pameran buku Kota Lestari gratis 10-20 Juni untuk HUT Kota Lestari ke-505"),
                          ("c", "Data Dinas Lestari per September 2031 mencatat pengunjung pameran buku naik 8,5 persen"),
                          ("d", "Tambang pasir di Pulau Gading berjarak sekitar 37-40 km dari Pulau Merak"),
                          ("e", "Tambang pasir di Kota Damai berjarak sekitar 30-40 km dari Pulau Merak")):
        (tmp_path / folder).mkdir()
        assert not checked(tmp_path / folder, claim, stories).supports, claim
    (tmp_path / "f").mkdir()
    result = checked(tmp_path / "f", "Tambang pasir di Pulau Gading berjarak sekitar 30-40 km dari Pulau Merak", stories)
    assert [e.text for e in result.supports] == [fair.sentences[2].text]


@pytest.mark.model
def test_another_bodys_figure_does_not_support_a_claim_of_one_body(tmp_path):
    poor = article(121, "Warta Uji", ["Data Bank Dunia menyebut tingkat kemiskinan nasional per September 2024 sebesar 8,5 persen.",
                                      "BPS Lestari mencatat tingkat kemiskinan nasional per September 2024 sebesar 8,5 persen."])
    result = checked(tmp_path, "BPS Lestari mencatat tingkat kemiskinan nasional 8,5 persen per September 2024",
                     {"s-poor": ("Kemiskinan Lestari", [poor])})
    assert [e.text for e in result.supports] == [poor.sentences[1].text]


# (the checked claim, its fact-check's conclusion, the claim told again, the claim with one thing changed)
_NEAR_MISSES = [
    pytest.param("Dirut Garudaya Nusa Dipecat Presiden karena Tolak Turunkan Harga Tiket", "",
                 "Presiden pecat Dirut Garudaya Nusa karena tolak turunkan harga tiket",
                 "Presiden pecat Dirut Citralindo karena tolak turunkan harga tiket",
                 id="the same title over another body"),
    pytest.param("Pak Lestari Berbagi Beras, Tanda Terima Kasih ke Warga",
                 "Video Pak Lestari berbagi beras sebagai tanda terima kasih kepada warga adalah konten tiruan.",
                 "Pak Lestari berbagi beras sebagai tanda terima kasih kepada warga",
                 "Pak Lestari bagi-bagi beras ke pedagang es teh sebagai tanda terima kasih",
                 id="the same deed for other people"),
    pytest.param("Presiden Kunker ke Luar Negeri Imbas Kemelut Lestari di Dalam Negeri", "",
                 "Presiden kunker ke luar negeri karena kemelut Lestari di dalam negeri",
                 "Presiden batal kunker ke luar negeri karena kemelut Lestari di dalam negeri",
                 id="the deed called off"),
    pytest.param("Tautan Pendaftaran Mitra Makan Bergizi",
                 "Tautan pendaftaran mitra makan bergizi atas nama Badan Gizi Lestari adalah konten tiruan.",
                 "Badan Gizi Lestari buka pendaftaran mitra makan bergizi lewat tautan",
                 "Badan Pangan Lestari buka pendaftaran mitra makan bergizi lewat tautan",
                 id="another body than the conclusion names"),
    pytest.param("Gerbang Tol Lestari Ditutup Mulai Senin", "", "Gerbang tol Lestari ditutup mulai Senin",
                 "Gerbang tol Lestari dibuka mulai Senin", id="the opposite deed"),
]


@pytest.mark.parametrize(("checked", "conclusion", "same", "changed"), _NEAR_MISSES)
def test_a_fact_check_of_the_claim_with_one_thing_changed_is_another_claim(checked, conclusion, same, changed):
    index = _index({"claim": checked, "url": "u/1", "conclusion": conclusion})
    assert index.match(claim_fact(same), threshold=0.3)
    assert not index.match(claim_fact(changed), threshold=0.3)


def test_a_deeds_noun_and_its_root_are_the_same_claim():
    index = _index({"claim": "Tautan Daftar Bansos PKH dan BLT Miskin Ekstrem Lestari", "url": "u/bansos"})
    # "pendaftaran" is "daftar" with its affixes, not another thing at the head of the claim
    assert index.match(claim_fact("Pendaftaran bansos PKH dan BLT miskin ekstrem Lestari dibuka lewat tautan ini"),
                       threshold=0.3)


def test_a_fact_check_naming_another_thing_between_the_same_words_is_another_claim():
    index = _index({"claim": "Campuran Zentrakola dan Bawang Bombay Ampuh Obati Diabetes", "url": "u/obat"})
    assert index.match(claim_fact("Campuran Zentrakola dan bawang bombay ampuh mengobati diabetes"), threshold=0.3)
    # the same cure of other things mixed: the checked claim names what the claim does not
    assert not index.match(claim_fact("Campuran buah daun kelor dan soda ampuh mengobati diabetes"), threshold=0.3)


def test_a_fact_check_of_the_same_thing_of_another_kind_is_another_claim():
    index = _index({"claim": "Restoran Penyaji Daging Manusia di Kota Lestari", "url": "u/daging"},
                   {"claim": "Presiden Resmikan Pinjaman Online Bank BZA", "url": "u/bank"})
    assert index.match(claim_fact("Restoran di Kota Lestari menyajikan daging manusia"), threshold=0.3)
    assert index.match(claim_fact("Presiden meresmikan layanan pinjaman online Bank BZA"), threshold=0.3)
    # the word after the same thing is another on each side: another meat, another bank
    assert not index.match(claim_fact("Restoran di Kota Lestari menyajikan daging anjing"), threshold=0.3)
    assert not index.match(claim_fact("Presiden meresmikan layanan pinjaman online Bank BXI"), threshold=0.3)


def test_a_word_holding_anothers_letters_is_not_that_word_with_affixes():
    from kroscek.check import _affixed

    index = _index({"claim": "Restoran Penyaji Daging Manusia di Kota Lestari Diberikan Izin", "url": "u/daging"})
    assert index.match(claim_fact("Restoran penyaji daging manusia di Kota Lestari diberikan izin"), threshold=0.3)
    # "ikan" is no root of "diberikan": another meat, another claim
    assert not index.match(claim_fact("Restoran penyaji daging ikan di Kota Lestari diberikan izin"), threshold=0.3)
    assert _affixed("pendaftaran", "daftar") and _affixed("menebus", "nebus") and _affixed("kediamannya", "kediaman")
    assert not _affixed("ikan", "memberikan") and not _affixed("emas", "kemasan") and not _affixed("hari", "harimau")


def test_a_fact_check_of_the_same_title_before_another_name_is_another_claim():
    index = _index({"claim": "Pendaftaran Kartu Sembako dari Menko Zentrawan Dibuka", "url": "u/menko"},
                   {"claim": "700 Kepala Desa Ditangkap Komisi Lestari", "url": "u/kades"},
                   {"claim": "Mahasiswa Bagi-Bagi Uang ke Demonstran Kota Lestari", "url": "u/uang"})
    assert index.match(claim_fact("Pendaftaran kartu sembako dari Menko Zentrawan dibuka lewat tautan"), threshold=0.3)
    # another minister under the same title, the head of a school for a village's, money for the police
    assert not index.match(claim_fact("Pendaftaran kartu sembako dari Menko Kovalindo dibuka lewat tautan"),
                           threshold=0.3)
    assert index.match(claim_fact("Sebanyak 700 kepala desa ditangkap Komisi Lestari"), threshold=0.3)
    assert not index.match(claim_fact("Sebanyak 700 kepala sekolah ditangkap Komisi Lestari"), threshold=0.3)
    assert index.match(claim_fact("Mahasiswa membagikan uang kepada demonstran Kota Lestari"), threshold=0.3)
    assert not index.match(claim_fact("Mahasiswa membagikan uang kepada polisi saat demo Kota Lestari"), threshold=0.3)


def test_a_word_with_other_affixes_is_a_word_the_fact_check_has():
    from kroscek.check import _covered

    # "menebus" is "nebus" written in full: every word of the claim is the checked claim's
    assert _covered(claim_fact("Motor sitaan Lestari sulit menebus"), "Motor Sitaan Lestari Sulit Nebus") == 1.0
    index = _index({"claim": "Video Ribuan Tumpukan Motor Sitaan Lestari Akibat Tidak Bisa Nebus", "url": "u/motor"})
    assert index.match(claim_fact("Video ribuan motor sitaan Lestari menumpuk karena pemiliknya tak mampu menebus"),
                       threshold=0.3)


def test_a_claims_words_are_not_shortened_into_a_number():
    index = _index({"claim": "Cawali Lestari Nomor Urut 1 Sebut Gunung pun Saya Pindahkan", "url": "u/cawali"},
                   {"claim": "Satu Keluarga Terseret Banjir", "url": "u/satu"})
    assert index.match(claim_fact("Calon wali kota Lestari nomor urut 1 berkata gunung pun saya pindahkan"), threshold=0.3)
    # "saya pindahkan" is not "satu": the claim's number 2 is not the checked 1
    assert not index.match(claim_fact("Calon wali kota Lestari nomor urut 2 berkata gunung pun saya pindahkan"),
                           threshold=0.3)


def test_a_claims_clauses_are_split_where_a_list_of_names_is_not():
    assert clause_runs("Pemerintah menghentikan bansos PKH, BPNT dan BLT miskin ekstrem") == []
    runs = clause_runs("Waduh, bupati Lestari bagi-bagi uang, mantap banget, sebarkan ke semua grup")
    assert runs[0] == "bupati Lestari bagi-bagi uang, mantap banget, sebarkan ke semua grup"  # longest first
    assert "bupati Lestari bagi-bagi uang" in runs and "Waduh" not in runs  # four words at least
    assert "Waduh, bupati Lestari bagi-bagi uang, mantap banget, sebarkan ke semua grup" not in runs  # not the whole


def test_a_claim_that_says_more_in_clauses_of_its_own_is_the_claim_checked():
    index = _index({"url": "u/1", "claim": "Wali Kota Lestari Luncurkan Layanan Tambal Ban Gratis untuk Pemudik"},
                   {"url": "u/2", "claim": "Bupati Sentosa Bagi-Bagi Uang Rp50 Juta untuk Warga"})
    told = ("Wali Kota Lestari luncurkan layanan tambal ban gratis untuk pemudik, tinggal telepon petugas, ada enam "
            "motor siaga di sepanjang jalur mudik, sebarkan ke grup keluarga kalian")
    assert index.mismatch(claim_fact(told), index.matching[0]) == ["cover"]  # the whole says too much more
    assert [h.url for h in index.match(claim_fact(told))] == ["u/1"]  # its first clause is the claim checked
    # a clause left out that names what the fact-check does not write is no comment on it
    assert not index.match(claim_fact(told.replace("telepon petugas", "telepon petugas Bank Sentosa")))
    # a slot that differs is never left out with a clause
    assert not index.match(claim_fact("Bupati Sentosa bagi-bagi uang Rp20 juta untuk warga, tinggal isi formulir, "
                                      "ada ratusan pemenang setiap hari, sebarkan ke grup keluarga kalian"))


def test_a_verb_of_refusing_is_one_negation_in_any_form():
    index = _index({"url": "u/1", "claim": "Gubernur Sentosa Bakal Penjarakan Pejabat yang Tolak Aturan Pajak"})
    assert index.match(claim_fact("Gubernur Sentosa bakal penjarakan pejabat yang menolak aturan pajak"))
    assert not index.match(claim_fact("Gubernur Sentosa bakal penjarakan pejabat yang tidak menolak aturan pajak"))


def test_a_negation_in_a_condition_a_purpose_or_a_no_need_does_not_negate_the_claim():
    index = _index({"url": "u/1", "claim": "Gubernur Sentosa Bakal Pecat Pegawai yang Malas Bekerja"},
                   {"url": "u/2", "claim": "Cek Gula Darah Lewat Genggaman Telapak Tangan"})
    assert index.match(claim_fact("Gubernur Sentosa bakal pecat pegawai yang malas bekerja kalau tidak mau berubah"))
    assert index.match(claim_fact("Cek gula darah lewat genggaman telapak tangan, tidak perlu ke laboratorium"))
    # a negation of what the claim states is still another claim
    assert not index.match(claim_fact("Gubernur Sentosa tidak akan pecat pegawai yang malas bekerja"))


def test_a_long_message_of_many_clauses_is_not_cut_into_runs():
    assert clause_runs(", ".join(["warga desa ramai berkumpul"] * 9)) == []
    assert len(clause_runs(", ".join(["warga desa ramai berkumpul"] * 8))) == 35


@pytest.mark.parametrize(("claim", "negated"), [
    ("DPR menolak RUU penyiaran itu", True), ("DPR tidak menolak RUU penyiaran itu", False),
    ("Presiden bertolak ke Jepang hari ini", False), ("Warga minum Tolak Angin tiap pagi", False),
    ("Vaksin asal China tidak halal", True), ("Jika terpilih Prabowo tidak akan naikkan pajak", True),
    ("Jika terpilih, Prabowo akan naikkan pajak kalau tidak ada dana", False), ("Cek gula darah, tak usah ke lab", False),
])
def test_what_negates_a_claim(claim, negated):
    from kroscek.check import _negated

    assert _negated(claim_fact(claim)) is negated


def test_a_clause_does_not_end_inside_a_number_a_time_a_link_or_an_abbreviation():
    assert clause_runs("bantuan 1,5 juta cair pukul 10:30 di https://bansos.example sekarang") == []
    assert clause_runs("Prof. Dr. Zubairi bilang vaksin berbahaya. Sebarkan ke semua grup keluarga") == [
        "Prof. Dr. Zubairi bilang vaksin berbahaya", "Sebarkan ke semua grup keluarga"]
    assert "daftar lewat WA" not in clause_runs("daftar lewat WA, sebarkan ke semua grup keluarga")  # three words
    assert clause_runs("daftar lewat WA, sebarkan ke semua grup keluarga") == ["sebarkan ke semua grup keluarga"]


def test_a_close_claims_fact_check_names_the_slot_that_differs():
    index = _index({"url": "u/1", "claim": "Banjir Bandang di Kota Lestari Tewaskan 90 Orang"})
    assert index.differs(claim_fact("Banjir bandang di Kota Lestari tewaskan 19 orang"), index.matching[0]) == "another number"
    assert index.differs(claim_fact("Banjir bandang di Kota Lestari tewaskan 90 orang"), index.matching[0]) == ""


def test_the_same_word_negated_in_a_relative_clause_and_in_a_condition_is_one_polarity():
    """"yang tidak ikut retret" and "bila tidak ikut retret" say which ones two ways; negating
    another word, or only one side negating, is still another claim."""
    index = _index({"url": "u/1", "claim": "Gubernur Sentosa Minta Bupati Mundur Bila Tidak Ikut Rapat Kerja"})
    assert index.match(claim_fact("Gubernur Sentosa minta bupati yang tidak ikut rapat kerja mundur"))
    assert not index.match(claim_fact("Gubernur Sentosa tidak minta bupati mundur bila ikut rapat kerja"))
