"""Checking a claim in the web app: the form on the front page and /check, both sides of a
disputed number, a claim nothing covers, a malformed claim (422 in the API, a message on the
page), and earlier fact-checks on the check page and on the story page. Every text here is
invented for the tests.
A test that compares a claim with articles is marked ``model``: the check reads the claim's
people with the NER CRF."""

from __future__ import annotations

from collections.abc import Iterator

import lxml.html
import pytest
from fastapi.testclient import TestClient

from kroscek.factchecks import read_turnbackhoax_csv
from kroscek.model import Article, Sentence, Story
from kroscek.settings import Mode, Settings
from kroscek.store import Store
from kroscek.web.app import ServerSettings, create_app

from test_check import write_csv

CLAIM = "Menara air di Desa Sukaraharja roboh dan melukai 9 warga"
FACT_CHECKS = [
    {"ID": "1", "judul": "Menara Air Desa Sukaraharja Roboh Tewaskan 30 Warga",
     "isi": "Unggahan beredar di media sosial.\nKesimpulan\nTidak ada korban tewas; narasi itu keliru.",
     "url": "https://cekfakta.example/2025/07/03/salah-menara-air-sukaraharja-tewaskan-30-warga/"},
    {"ID": "2", "judul": "Daun Sirsak Rebus Sembuhkan Kencing Manis dalam Tiga Hari",
     "isi": "Pesan berantai.\nKesimpulan\nTidak ada bukti ilmiah.",
     "url": "https://cekfakta.example/2025/07/05/belum-terbukti-daun-sirsak-kencing-manis/"},
]


def article(n: int, outlet: str, sentences: list[str], published: str = "2025-07-01") -> Article:
    return Article(id=f"w{n:015d}", source=f"invented-{n}.txt", title=sentences[0][:70], text=" ".join(sentences),
                   outlet=outlet, url=f"https://{outlet.lower().replace(' ', '')}.example/{n}", language="id",
                   published=published, sentences=[Sentence(i, s, 0) for i, s in enumerate(sentences)])


TOWER = [
    article(1, "Kabar Priangan", ["Menara air di Desa Sukaraharja roboh pada Senin sore dan melukai 9 warga.",
                                  "Warga diminta menjauhi lokasi reruntuhan."]),
    article(2, "Warta Sunda", ["Sebanyak 9 warga terluka setelah menara air di Desa Sukaraharja roboh.",
                               "Kepala desa meminta bantuan alat berat."]),
    article(3, "Pos Galuh", ["Menara air di Desa Sukaraharja roboh dan melukai 14 warga.",
                             "Polisi memasang garis pengaman di sekitar lokasi."]),
]
MARKET = [article(4, "Kabar Priangan", ["Harga bawang merah di Pasar Cikurubuk turun menjadi Rp28.000 per kilogram.",
                                        "Pedagang menyebut pasokan dari Brebes melimpah."])]


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    store = Store(tmp_path / "web-check.db")
    store.add_articles([*TOWER, *MARKET])
    store.save_stories([Story("s-tower", "Menara air Desa Sukaraharja roboh, warga terluka", [a.id for a in TOWER]),
                        Story("s-market", "Harga bawang merah turun", [MARKET[0].id])])
    store.add_fact_checks(read_turnbackhoax_csv(write_csv(tmp_path / "fc.csv", FACT_CHECKS)))
    yield store
    store.close()


@pytest.fixture
def client(store) -> Iterator[TestClient]:
    # --fast: the fact-checks of close claims are found with the static vectors, e5 is not loaded
    with TestClient(create_app(ServerSettings(db=store.url, run=Settings(Mode.FAST)))) as client:
        yield client


def html(response) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(response.text)


def text_of(page: lxml.html.HtmlElement, xpath: str) -> str:
    return " ".join(" ".join(e.text_content().split()) for e in page.xpath(xpath))


def has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def test_the_front_page_and_check_page_have_the_form(client):
    for path in ("/", "/check"):
        page = html(client.get(path))
        form = page.xpath("//form[@action='/check']")
        assert form, path
        assert form[0].xpath(".//textarea[@name='claim']") and "Periksa" in form[0].text_content()
    page = html(client.get("/check"))
    assert not page.xpath("//*[@id='check-result']") and not page.xpath("//*[@id='claim-error']")


@pytest.mark.model
def test_a_claim_one_outlet_contradicts_comes_back_with_both_sides(client):
    response = client.get("/check", params={"claim": CLAIM, "lang": "en"})
    assert response.status_code == 200
    page = html(response)
    assert page.xpath("//*[@id='check-stories']//a[@href='/stories/s-tower']")
    supports = text_of(page, f"//*[@id='check-supports']//*[{has_class('fact')}]")
    contradicts = text_of(page, f"//*[@id='check-contradicts']//*[{has_class('fact')}]")
    assert "Kabar Priangan" in supports and "Warta Sunda" in supports and "Pos Galuh" not in supports
    assert "Pos Galuh" in contradicts and "14 warga" in contradicts and "9 warga" in contradicts
    assert "number" in contradicts and "Jul 1, 2025" in contradicts  # the slot and the outlet's date
    assert page.xpath(f"//*[@id='check-contradicts']//a[@href='/articles/{TOWER[2].id}']")
    # the API gives the same two sides
    data = client.post("/api/v1/check", json={"claim": CLAIM}).json()
    assert {e["outlet"] for e in data["supports"]} >= {"Kabar Priangan", "Warta Sunda"}
    assert [(e["outlet"], e["slot"]) for e in data["contradicts"]] == [("Pos Galuh", "number")]


@pytest.mark.model
def test_what_no_outlet_states_is_listed(client):
    page = html(client.get("/check", params={"claim": "Menara air di Desa Sukaraharja roboh dan melukai 9 warga Garut",
                                             "lang": "en"}))
    unstated = text_of(page, "//*[@id='check-unstated']/li")
    assert "Garut" in unstated and "Sukaraharja" not in unstated and ": 9" not in unstated


def test_a_claim_nobody_covers_says_so(client):
    claim = "Gunung Tampomas meletus dan menyemburkan abu setinggi tiga kilometer"
    page = html(client.get("/check", params={"claim": claim}))
    assert "tidak ada berita" in text_of(page, "//*[@id='check-note']")  # Indonesian by default
    assert not page.xpath("//*[@id='check-stories']") and not page.xpath("//*[@id='check-supports']")
    english = html(client.get("/check", params={"claim": claim, "lang": "en"}))
    assert "no story in the store covers this claim" in text_of(english, "//*[@id='check-note']")
    assert "No earlier fact-check" in text_of(english, "//*[@id='check-factchecks']")
    assert not page.xpath("//*[@id='check-standard']")  # written in standard words already


def test_a_claim_in_chat_words_shows_the_words_it_was_compared_in(client):
    page = html(client.get("/check", params={"claim": "Katanya gunung Tampomas udah meletus nih, abunya 3 km"}))
    assert "“Katanya gunung Tampomas udah meletus nih, abunya 3 km”" in text_of(page, "//*[@id='check-result']/p[1]")
    assert "Gunung Tampomas sudah meletus, abunya 3 km" in text_of(page, "//*[@id='check-standard']")
    assert "kata baku" in text_of(page, "//*[@id='check-standard']")


@pytest.mark.model  # the claim's names are read with the NER CRF
def test_a_claim_that_changes_what_a_fact_check_checked_gets_it_apart_as_a_close_claims(client):
    claim = "Daun sirsak rebus sembuhkan darah tinggi dalam tiga hari"  # the fact-check: diabetes, not blood pressure
    page = html(client.get("/check", params={"claim": claim, "lang": "en"}))
    assert "No earlier fact-check" in text_of(page, "//*[@id='check-factchecks']")
    close = text_of(page, "//*[@id='check-close-factchecks']")
    assert "Daun Sirsak Rebus Sembuhkan Kencing Manis" in close and "unproven" in close
    assert page.xpath("//*[@id='check-close-factchecks']//*[@class='differs']")  # what tells the two claims apart
    answer = client.post("/api/v1/check", json={"claim": claim}).json()
    assert answer["fact_checks"] == []
    assert [(c["verdict"], c["same_claim"]) for c in answer["close_fact_checks"]] == [("unproven", False)]
    other = html(client.get("/check", params={"claim": "Harga bawang merah di Pasar Cikurubuk turun menjadi Rp28.000"}))
    assert not other.xpath("//*[@id='check-close-factchecks']")  # nothing close: no list at all


@pytest.mark.parametrize(("claim", "message"), [("", "klaimnya kosong"), ("   ", "klaimnya kosong"),
                                                ("hoaks besar", "sedikitnya 3 kata"),
                                                ("kata " * 300, "lebih dari 1000 karakter")])
def test_a_malformed_claim_gets_a_message_on_the_page_and_422_in_the_api(client, claim, message):
    response = client.get("/check", params={"claim": claim})
    assert response.status_code == 422
    page = html(response)
    assert message in text_of(page, "//*[@id='claim-error']")
    assert page.xpath("//form[@action='/check']//textarea[@name='claim']")  # the form is there to try again
    api = client.post("/api/v1/check", json={"claim": claim})
    assert api.status_code == 422 and "claim" in api.json()["error"]


@pytest.mark.model
def test_an_earlier_fact_check_is_shown_with_its_verdict(client):
    page = html(client.get("/check", params={"claim": "Menara air Desa Sukaraharja roboh, 30 warga tewas"}))
    checks = page.xpath("//*[@id='check-factchecks']/li")
    assert len(checks) == 1
    assert "salah" in checks[0].xpath(f".//*[{has_class('verdict')}]")[0].text_content()
    assert checks[0].xpath(".//a")[0].get("href") == FACT_CHECKS[0]["url"]
    other = html(client.get("/check", params={"claim": "Rebusan daun sirsak menyembuhkan kencing manis dalam tiga hari"}))
    assert "belum terbukti" in text_of(other, f"//*[@id='check-factchecks']//*[{has_class('verdict')}]")


FACT_CHECK_LIST = f"//ul[{has_class('fact-checks')}]"


def test_a_story_page_shows_the_fact_checks_its_facts_match(client, store, tmp_path):
    tower = html(client.get("/stories/s-tower"))
    assert not tower.xpath(FACT_CHECK_LIST)  # the fact-check says 30 dead: another number, another claim
    market = html(client.get("/stories/s-market"))
    assert not market.xpath(FACT_CHECK_LIST)
    # a fact-check of what the story states: the cached page shows it once it is stored
    row = {"ID": "3", "judul": "Menara Air di Desa Sukaraharja Roboh, Warga Terluka",
           "isi": "Video beredar.\nKesimpulan\nPeristiwa itu benar terjadi.",
           "url": "https://cekfakta.example/2025/07/04/benar-menara-air-sukaraharja-roboh/"}
    store.add_fact_checks(read_turnbackhoax_csv(write_csv(tmp_path / "more.csv", [row])))
    tower = html(client.get("/stories/s-tower"))
    shown = tower.xpath(FACT_CHECK_LIST + "/li")
    assert len(shown) == 1
    assert "benar" in shown[0].xpath(f".//*[{has_class('verdict')}]")[0].text_content()
    assert shown[0].xpath(".//a")[0].get("href") == row["url"] and "4 Jul 2025" in shown[0].text_content()
    assert not html(client.get("/stories/s-market")).xpath(FACT_CHECK_LIST)


def test_a_story_shows_a_fact_check_of_what_it_states_not_of_a_word_it_shares():
    from kroscek.check import FactCheckIndex, story_fact_checks

    from kroscek.factchecks import FactCheck

    url = "https://cekfakta.example/2025/10/22/benar-status-wae-lolo-siaga/"
    index = FactCheckIndex([FactCheck(id="wae-lolo", claim="Status Gunung Wae Lolo Naik Menjadi Siaga", verdict="true",
                                      verdict_word="benar", published=None, url=url)])
    # a headline in title case is read as a sentence, not as a run of names
    shown = story_fact_checks(["Status Gunung Wae Lolo Naik Jadi Siaga, Warga Dua Desa Diungsikan"], index)
    assert [c.verdict for c in shown] == ["true"]
    assert shown[0].matched.startswith("Status Gunung Wae Lolo")  # as the story writes it
    assert story_fact_checks(['"Untung airnya tidak dalam, jadi kami bisa naik sendiri," tuturnya.'], index) == []


@pytest.mark.model
def test_the_check_and_outlet_pages_need_the_read_token_when_reading_does(store):
    token = store.add_token("reader")
    with TestClient(create_app(ServerSettings(db=store.url, read_token_required=True))) as client:
        for path in ("/check", f"/check?claim={CLAIM}", "/outlets", "/outlets/Pos Galuh", "/api/v1/outlets"):
            assert client.get(path).status_code == 401, path
            assert client.get(path, headers={"Authorization": f"Bearer {token}"}).status_code == 200, path


def test_two_first_checks_at_once_share_one_fact_check_index(store, monkeypatch):
    import time
    from concurrent.futures import ThreadPoolExecutor

    from kroscek.check import FactCheckIndex
    from kroscek.web.routes.check import fact_check_index

    build = FactCheckIndex.of_store.__func__

    def slow(cls, *args, **kwargs):  # indexing takes a while: the requests overlap
        time.sleep(0.2)
        return build(cls, *args, **kwargs)

    monkeypatch.setattr(FactCheckIndex, "of_store", classmethod(slow))
    with ThreadPoolExecutor(4) as pool:
        indexes = list(pool.map(lambda _: fact_check_index(store, Settings(Mode.FAST)), range(8)))
    assert len({id(index) for index in indexes}) == 1 and len(indexes[0].checks) == len(FACT_CHECKS)
