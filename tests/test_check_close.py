"""Fact-checks of close claims (``FactCheckIndex.close``): listed apart from those of the same claim,
each with the verdict of the claim it checked. The encoder here is a bag of words hashed into a
vector, so that closeness is what the words share and no model is loaded; every text is invented."""

from __future__ import annotations

import functools
import re
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from kroscek.analyse.embed import Embedder
from kroscek.check import CLOSE_LEXICAL, CLOSE_MEANING, FactCheckIndex, check_claim, claim_fact
from kroscek.factchecks import FactCheck
from kroscek.store import Store

DIMENSION = 512


def bag_of_words(texts: list[str]) -> np.ndarray:
    rows = np.zeros((len(texts), DIMENSION), np.float32)
    for row, text in enumerate(texts):
        for word in re.findall(r"\w+", text.lower()):
            rows[row, zlib.crc32(word.encode()) % DIMENSION] += 1.0
    return rows


class CountingEncoder:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.texts.extend(texts)
        return bag_of_words(texts)


CHECKS = [
    ("u/loker", "Pendaftaran Lowongan Kerja Pemadam Kebakaran Kota Lestari Dibuka Lewat Tautan di Bio Akun", "false"),
    ("u/jembatan", "Jembatan Gantung Sungai Merah di Kabupaten Lestari Putus Diterjang Banjir Bandang", "false"),
    ("u/vaksin", "Vaksin Campak Gratis untuk Semua Anak Sekolah Dasar Dibagikan Puskesmas Sentosa", "true"),
]


def _index(encoder: CountingEncoder | None = None) -> FactCheckIndex:
    checks = [FactCheck(id=url, claim=claim, verdict=verdict, verdict_word="salah" if verdict == "false" else "benar",
                        published="2025-05-01", url=url) for url, claim, verdict in CHECKS]
    return FactCheckIndex(checks, embedder=Embedder(encode=encoder or CountingEncoder(), name="bag"))


def test_a_claim_that_changes_the_place_gets_the_fact_check_as_a_close_claims_not_its_own():
    index = _index()
    claim = claim_fact("Pendaftaran lowongan kerja pemadam kebakaran Jakarta dibuka lewat tautan di bio akun")
    assert not [h.url for h in index.match(claim)]  # another city: the verdict is not this claim's
    close = index.close(claim)
    assert [h.url for h in close] == ["u/loker"]
    assert close[0].same_claim is False and close[0].verdict == "false"
    assert close[0].meaning >= CLOSE_MEANING and close[0].similarity >= CLOSE_LEXICAL


def test_a_fact_check_of_the_same_claim_is_not_listed_again_among_the_close_ones():
    index = _index()
    claim = claim_fact("Pendaftaran lowongan kerja pemadam kebakaran Kota Lestari dibuka lewat tautan di bio akun")
    same = index.match(claim)
    assert [h.url for h in same] == ["u/loker"] and same[0].same_claim
    assert index.close(claim, shown=same) == []


@pytest.mark.parametrize("text", [
    "Harga cabai rawit di pasar induk naik dua kali lipat menjelang Lebaran",  # shares nothing
    "Puskesmas Sentosa membuka layanan cek gigi untuk warga lanjut usia",  # a name and a word or two only
])
def test_a_claim_far_from_every_fact_check_gets_none(text: str):
    assert _index().close(claim_fact(text)) == []


def test_the_checked_claims_are_embedded_once_on_the_first_close_and_not_without_one():
    encoder = CountingEncoder()
    index = _index(encoder)
    index.match(claim_fact("Jembatan gantung Sungai Merah putus diterjang banjir bandang"))
    assert encoder.texts == []  # matching the same claim needs no encoder
    index.close(claim_fact("Jembatan gantung Sungai Merah putus diterjang banjir bandang"))
    index.close(claim_fact("Vaksin campak gratis dibagikan untuk anak sekolah dasar"))
    assert sum(text in {c for _, c, _ in CHECKS} for text in encoder.texts) == len(CHECKS)


def test_without_an_encoder_no_close_claim_is_looked_for():
    index = FactCheckIndex([FactCheck(id=u, claim=c, verdict=v, verdict_word="", published=None, url=u)
                            for u, c, v in CHECKS])
    assert index.close(claim_fact("Jembatan gantung Sungai Merah di Kabupaten Sentosa putus diterjang banjir")) == []


@pytest.fixture
def encoder(monkeypatch: pytest.MonkeyPatch) -> CountingEncoder:
    """What a store's index embeds with in place of e5 (``FactCheckIndex.of_store`` makes its
    ``Embedder`` from ``kroscek.analyse.embed``)."""
    import kroscek.analyse.embed as embed

    counting = CountingEncoder()
    monkeypatch.setattr(embed, "Embedder", functools.partial(Embedder, encode=counting))
    return counting


def test_the_vectors_of_a_stores_fact_checks_are_kept_in_the_store(tmp_path: Path, encoder: CountingEncoder):
    store = Store(f"sqlite:///{tmp_path / 'k.db'}")
    store.add_fact_checks([FactCheck(id=u, claim=c, verdict=v, verdict_word="", published=None, url=u) for u, c, v in CHECKS])
    claim = claim_fact("Jembatan gantung Sungai Merah di Kabupaten Sentosa putus diterjang banjir bandang")
    first = FactCheckIndex.of_store(store).close(claim)
    embedded = len(encoder.texts)
    again = FactCheckIndex.of_store(store).close(claim)  # a new index on the same store: the vectors are read back
    assert [h.url for h in first] == [h.url for h in again] == ["u/jembatan"]
    assert len(encoder.texts) == embedded + 1  # only the claim itself


def test_a_store_opened_read_only_is_checked_with_the_vectors_kept_in_memory(tmp_path: Path, encoder: CountingEncoder):
    path = tmp_path / "k.db"
    writer = Store(f"sqlite:///{path}")
    writer.add_fact_checks([FactCheck(id=u, claim=c, verdict=v, verdict_word="", published=None, url=u)
                            for u, c, v in CHECKS])
    writer.engine.dispose()
    store = Store(f"sqlite:///file:{path}?mode=ro&uri=true")
    index = FactCheckIndex.of_store(store)
    claim = claim_fact("Jembatan gantung Sungai Merah di Kabupaten Sentosa putus diterjang banjir bandang")
    assert [h.url for h in index.close(claim)] == [h.url for h in index.close(claim)] == ["u/jembatan"]
    assert sum(text in {c for _, c, _ in CHECKS} for text in encoder.texts) == len(CHECKS)  # embedded once
    assert store.embeddings(list(index.embedder.cache)) == {}  # nothing written
    assert len(index.embedder.cache) == len(CHECKS)  # the checked claims only: not the claims asked about


def test_requests_sharing_one_index_embed_the_checked_claims_once():
    class SlowEncoder(CountingEncoder):
        def __call__(self, texts: list[str]) -> np.ndarray:
            time.sleep(0.05)
            return super().__call__(texts)

    encoder = SlowEncoder()
    index = _index(encoder)
    claim = claim_fact("Jembatan gantung Sungai Merah di Kabupaten Sentosa putus diterjang banjir bandang")
    with ThreadPoolExecutor(4) as pool:
        found = list(pool.map(lambda _: [h.url for h in index.close(claim)], range(4)))
    assert found == [["u/jembatan"]] * 4
    assert sum(text in {c for _, c, _ in CHECKS} for text in encoder.texts) == len(CHECKS)


@pytest.mark.model
def test_check_claim_lists_the_close_claims_fact_checks_apart(tmp_path: Path):
    store = Store(f"sqlite:///{tmp_path / 'k.db'}")
    store.add_fact_checks([FactCheck(id=u, claim=c, verdict=v, verdict_word="", published=None, url=u) for u, c, v in CHECKS])
    result = check_claim(store, "Pendaftaran lowongan kerja pemadam kebakaran Jakarta dibuka lewat tautan di bio akun",
                         index=FactCheckIndex(store.fact_checks(), embedder=Embedder(encode=CountingEncoder(), name="bag")))
    assert result.fact_checks == []
    assert [(h.url, h.same_claim) for h in result.close_fact_checks] == [("u/loker", False)]
    assert result.to_dict()["close_fact_checks"][0]["verdict"] == "false"
    # what tells it apart is said with it: the same thing of another owner (Jakarta's firemen, not Lestari's)
    assert result.close_fact_checks[0].differs == "the same thing of another kind or owner"


WRITTEN = FactCheck(id="u/krl", claim="Kartu Lansia untuk Naik Kereta Gratis", verdict="false", verdict_word="salah",
                    published=None, url="u/krl",
                    text="Unggahan menyebut kereta rel listrik gratis bagi lansia di Jawa Tengah, kata Kementerian Agama, "
                         "dengan tagar #IndonesiaGelap.")


@pytest.mark.parametrize(("claim", "unwritten"), [
    ("Lansia naik KRL gratis di Jateng kata Kemenag", []),  # initials, clipped starts of two words
    ("Kartu lansia gratis, kata aksi Indonesia Gelap", []),  # inside the hashtag
    ("Kartu lansia untuk naik kereta gratis di Bekasi", ["bekasi"]),  # a town the fact-check never writes
    ("Kartu lansia dari KAI untuk naik kereta gratis", ["kai"]),
    ("Kartu lansia gratis dibagikan LSM di Jateng", []),  # an acronym naming a kind names no one
    ("Kartu lansia gratis dibagikan usai Pilgub Jateng", ["pilgub"]),  # a kind the fact-check never writes
])
def test_a_claims_names_are_looked_for_in_every_form_the_fact_check_may_write_them(claim: str, unwritten: list[str]):
    from kroscek.check import unwritten_names

    assert unwritten_names(claim, WRITTEN) == unwritten


def test_a_fact_check_whose_text_never_names_the_claims_town_is_a_close_claims_not_the_same():
    from dataclasses import replace

    claim = claim_fact("Kartu lansia untuk naik kereta gratis dibagikan di Bekasi")
    without_text = FactCheckIndex([replace(WRITTEN, text="")], embedder=Embedder(encode=CountingEncoder(), name="bag"))
    assert [h.url for h in without_text.match(claim, threshold=0.3)] == ["u/krl"]  # nothing to look the name up in
    index = FactCheckIndex([WRITTEN], embedder=Embedder(encode=CountingEncoder(), name="bag"))
    assert index.match(claim, threshold=0.3) == []
    assert FactCheck.from_dict({k: v for k, v in WRITTEN.to_dict().items() if k != "text"}).text == ""  # stored before


def test_eval_check_scores_the_fact_checks_found_among_the_close_claims_apart():
    from kroscek.eval.check import ClaimLabel, Outcome, score

    same = ClaimLabel("c1", "factcheck", "7", "salah", "Jembatan ambruk tewaskan 40 orang", True, None, ())
    near = ClaimLabel("c2", "factcheck", "7", "salah", "Jembatan ambruk tewaskan 14 orang", False, None, ())
    news = ClaimLabel("c3", "news", None, None, "Jembatan di Lestari diperbaiki pekan depan", False, "s", ())
    figures = score([same, near, news], [Outcome([], [], [], ["7"]), Outcome([], [], [], ["7"]), Outcome(["s"], [], [], ["9"])],
                    {"s": {"s"}})
    assert (figures.fc_right, figures.fc_found, figures.match) == (0, 1, 1)  # found, but not as the same claim's
    assert (figures.near_found, figures.near, figures.news_close, figures.news) == (1, 1, 1, 1)
    assert figures.fc_wrong_claims == 0  # a close claim's fact-check is no wrong verdict shown
    missed = score([near], [Outcome([], [], [], ["8"])], {})
    assert (missed.near_found, missed.fc_wrong_claims) == (0, 0)


def test_a_kind_the_fact_check_writes_more_widely_is_written():
    from dataclasses import replace

    from kroscek.check import unwritten_names

    widely = replace(WRITTEN, text="Unggahan menyebut kereta gratis bagi lansia sebagai syukuran menang Pilkada Jawa Tengah.")
    assert unwritten_names("Kartu lansia gratis sebagai syukuran menang Pilgub Jateng", widely) == []
    assert unwritten_names("Kartu lansia gratis sebagai syukuran menang Pileg Jateng", widely) == ["pileg"]
