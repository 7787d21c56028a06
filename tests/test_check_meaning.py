"""The second reading of a claim against fact-checks, by meaning: the nearest fact-checks in e5's
space, shown only when they state every specific of the claim (made-up text)."""

from __future__ import annotations

import numpy as np
import pytest

from kroscek.analyse.embed import Embedder
from kroscek.check import FactCheckIndex, claim_fact, meaning_embedders, specifics_stated
from kroscek.factchecks import FactCheck

FLOOD = FactCheck(id="u/1", claim="Video Banjir Bandang Terjang Kota Pradipa Hari Ini", verdict="false",
                  verdict_word="salah", published=None, url="u/1",
                  title="[SALAH] Video Banjir Bandang Terjang Kota Pradipa Hari Ini",
                  conclusion="Video banjir bandang yang disebut terjadi di Kota Pradipa hari ini adalah video lama "
                             "dari tahun 2019 di negara lain.")
VISIT = FactCheck(id="u/2", claim="Bupati Handoko Suryawinata Bagikan Sembako Sambil Kampanye", verdict="false",
                  verdict_word="salah", published=None, url="u/2",
                  conclusion="Foto Bupati Handoko Suryawinata membagikan sembako itu diambil saat bencana, bukan kampanye.")
PARAPHRASE = "Warga panik mengungsi ke masjid, Kota Pradipa dilanda banjir bandang pagi tadi, ini rekamannya dari atas jembatan"


def _alike(texts: list[str]) -> np.ndarray:
    """Every text at one point: every fact-check is as near in meaning as can be, so what decides is
    the verification of the claim's specifics and the rules of another claim."""
    return np.ones((len(texts), 4), dtype=np.float32)


def _index(*checks: FactCheck, meaning: object = "alike") -> FactCheckIndex:
    if meaning == "alike":
        meaning = (Embedder(encode=_alike, dimension=4), Embedder(encode=_alike, name="p", dimension=4))
    return FactCheckIndex(list(checks), meaning=meaning)


def test_a_claim_in_other_words_is_matched_by_meaning_and_not_by_words_alone():
    fact = claim_fact(PARAPHRASE)
    assert not _index(FLOOD, meaning=None).match(fact)  # few words in common: the lexical match finds none
    hits = _index(FLOOD, VISIT).match(fact)
    assert [h.url for h in hits] == ["u/1"] and hits[0].verdict == "false"


def test_a_claim_of_another_place_or_person_is_not_matched_by_meaning():
    assert not _index(FLOOD).match(claim_fact("Warga panik mengungsi ke masjid, Kota Wiratama dilanda banjir bandang pagi tadi, ini rekamannya dari atas jembatan"))
    assert not _index(VISIT).match(claim_fact("Bupati Darmawan Kusumajaya membagi-bagikan paket sembako saat kampanye"))
    assert _index(VISIT).match(claim_fact("Bupati Handoko membagi-bagikan paket sembako saat kampanye"))


def test_the_specifics_of_a_claim_must_be_written_in_the_fact_check():
    common = _index(FLOOD).common
    assert specifics_stated(claim_fact(PARAPHRASE), FLOOD, common)
    assert not specifics_stated(claim_fact("Banjir bandang terjang Kota Wiratama hari ini"), FLOOD, common)
    assert not specifics_stated(claim_fact("Banjir bandang terjang Kota Pradipa tahun 2021"), FLOOD, common)


@pytest.mark.model
def test_e5_finds_the_fact_check_of_a_retold_claim_and_not_of_another_place():
    index = _index(FLOOD, VISIT, meaning=meaning_embedders())
    assert [h.url for h in index.match(claim_fact(PARAPHRASE))] == ["u/1"]
    assert not index.match(claim_fact(PARAPHRASE.replace("Pradipa", "Wiratama")))
