"""Name matching, in one place: the spelling test and the name rules each stage uses."""

from __future__ import annotations

import pytest

from kroscek.text import names


def test_the_spelling_test_is_rapidfuzz_ratio_against_a_named_threshold() -> None:
    # "pushlin" / "pushilin": ratio 93.3; "dedi" / "edi": 85.7; "abdul wahid" / "abdul gani": 66.7
    assert names.spelled_alike("pushlin", "pushilin", names.ENTITY_NAME)
    assert names.spelled_alike("dedi", "edi", names.NAME)
    assert not names.spelled_alike("dedi", "edi", names.ENTITY_NAME)
    assert not names.spelled_alike("abdul wahid", "abdul gani", names.SPEAKER)
    assert names.spelled_like_any("widodo", ["prabowo", "widodoo"], names.NAME)
    assert not names.spelled_like_any("widodo", ["prabowo", "wiranto"], names.NAME)
    assert not names.spelled_like_any("widodo", [], names.NAME)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("jakarta", "jakarta", True),
    ("jakarta", "jakarta utara", True),  # one inside the other
    ("kpk", "komisi pemberantasan korupsi", True),  # initials
    ("k.p.k", "komisi pemberantasan korupsi", True),
    ("medan", "madiun", False),
    ("ri", "rio", False),  # too short to be inside another name
    ("surabaya", "surabay", True),  # spelled alike
    ("bandung", "bogor", False),
])
def test_claim_names(a: str, b: str, same: bool) -> None:
    assert names.same_name(a, b) is same
    assert names.same_name(b, a) is same


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Dennis Pushlin", "Denis Pushilin", True),
    ("Pushilin", "Denis Pushilin", True),
    ("Abdul Wahid", "Abdul Gani", False),
    ("", "Denis Pushilin", False),
    ("JOKO WIDODO", "Joko Widodo", True),
])
def test_speaker_names(a: str, b: str, same: bool) -> None:
    assert names.same_speaker(a, b) is same


@pytest.mark.parametrize(("a", "b", "same"), [
    (("dennis", "pushlin"), ("denis", "pushilin"), True),
    (("pushilin",), ("denis", "pushilin"), True),  # a surname alone: the last word
    (("kim",), ("kim", "jong", "un"), True),  # ... or the first
    (("jong",), ("kim", "jong", "un"), False),  # not a middle word
    (("kim", "yo", "jong"), ("kim", "jong", "un"), False),  # every word a distinct word of the other
    (("dedi",), ("edi",), False),  # same first letter needed
    ((), ("kim",), False),
])
def test_person_names(a: tuple[str, ...], b: tuple[str, ...], same: bool) -> None:
    assert names.same_person(a, b) is same
    assert names.same_person(b, a) is same


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Tempo.co", "tempo co", True),  # same key
    ("KCN", "KCNA", True),  # an acronym cut short
    ("KCN", "KBNA", False),
    ("Kementerian Keuangan", "Kementrian Keuangan", True),  # ratio 97
    ("Polda Riau", "Polda Bali", False),
    ("Aceh", "Acex", False),  # keys under five letters are compared whole only
])
def test_entity_names(a: str, b: str, same: bool) -> None:
    assert names.same_entity_name(a, b) is same
