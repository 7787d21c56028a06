"""The one reader of ``resources/<kind>/<language>.json`` and its one fallback rule."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from kroscek.text import lexicon


def _file(kind: str, language: str) -> dict:
    return json.loads(files("kroscek.resources").joinpath(kind).joinpath(f"{language}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("kind", ["claims", "dates", "provenance", "quotes"])
def test_a_language_with_a_file_reads_its_own(kind: str) -> None:
    assert set(lexicon.languages(kind)) >= {"id", "en"}
    for language in ("id", "en"):
        assert lexicon.has(kind, language)
        assert lexicon.load(kind, language) == _file(kind, language)
    assert lexicon.load(kind, "en") != lexicon.load(kind, "id")


@pytest.mark.parametrize("language", ["ms", "und", "de", ""])
@pytest.mark.parametrize("kind", ["claims", "dates", "provenance", "quotes"])
def test_a_language_without_a_file_reads_indonesian(kind: str, language: str) -> None:
    assert not lexicon.has(kind, language)
    assert lexicon.source_language(kind, language) == lexicon.DEFAULT_LANGUAGE == "id"
    assert lexicon.load(kind, language) == _file(kind, "id")


def test_each_call_gives_a_fresh_object() -> None:
    first = lexicon.load("claims", "id")
    first["negations"].append("bukan-kata")
    assert "bukan-kata" not in lexicon.load("claims", "id")["negations"]


@pytest.mark.parametrize(("kind", "message"), [
    ("no-such-kind", "no resources of kind 'no-such-kind'"),
    ("../claims", "not a resource kind"),
    ("", "not a resource kind"),
])
def test_a_bad_kind_is_one_clear_error(kind: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        lexicon.load(kind, "id")


def test_a_kind_without_an_indonesian_file_says_so() -> None:
    # resources/similarity holds model weights with no language, so there is no Indonesian file to fall back on
    with pytest.raises(ValueError, match=r"no resources/similarity/id\.json to read for language 'fr'"):
        lexicon.load("similarity", "fr")


@pytest.mark.parametrize("language", ["ms", "und"])
def test_every_stage_reads_indonesian_for_a_language_without_a_file(language: str) -> None:
    from kroscek.analyse.quotes import lexicon as quote_lexicon
    from kroscek.compare.claims import lexicon as claim_lexicon
    from kroscek.compare.facts import fact_lexicon

    assert quote_lexicon(language) == quote_lexicon("id") != quote_lexicon("en")
    assert claim_lexicon(language) == claim_lexicon("id") != claim_lexicon("en")
    assert fact_lexicon(language) == fact_lexicon("id")
    assert "mengatakan" in quote_lexicon(language).speech_verbs  # Indonesian's "said" ...
    assert "said" not in quote_lexicon(language).speech_verbs  # ... and not the English one (lists are not merged)
