"""The per-article pipeline: named steps that a caller can leave out or replace."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from kroscek.ingest import read_file
from kroscek.model import Document
from kroscek.pipeline import STEPS, Analysis, AnalysisTooLong, Pipeline, analyse, article_id, language_is

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


@pytest.fixture(scope="module")
def doc() -> Document:
    """An Indonesian plain-text article of the sample corpus (header lines, quotes, dates)."""
    return next(d for d in read_file(CORPUS / "16_ka-banyu-biru-tabrak-truk-berita-pagi.txt") if isinstance(d, Document))


def test_the_steps_are_named_in_the_order_they_run():
    assert [name for name, _ in STEPS] == ["clean", "language", "sentences", "dates", "entities", "quotes"]


def test_every_step_fills_in_its_part_of_the_article(doc):
    article = analyse(doc, budget=math.inf)
    assert article.id == article_id(doc) and article.language == "id"
    assert article.title and "\n\n" in article.text and article.sentences and article.event_dates
    assert article.mentions and article.quotes


def test_disabled_steps_leave_their_part_empty_and_the_rest_unchanged(doc):
    full = analyse(doc, budget=math.inf)
    part = Pipeline().run(doc, disable=["entities", "quotes"], budget=math.inf)
    assert part.mentions == [] and part.quotes == []
    assert (part.title, part.text, part.sentences, part.event_dates, part.stale) == (
        full.title, full.text, full.sentences, full.event_dates, full.stale)


def test_a_replaced_step_runs_in_its_place(doc):
    def english(state: Analysis) -> None:
        state.article.language = "en"

    article = Pipeline().replace("language", english).run(doc, disable=["dates", "entities", "quotes"])
    assert article.language == "en"
    assert article.sentences  # the later steps read the replaced step's answer
    fixed = Pipeline().replace("language", language_is("ms")).run(doc, disable=["dates", "entities", "quotes"])
    assert fixed.language == "ms" and fixed.sentences


def test_an_unknown_step_is_named_in_the_error(doc):
    with pytest.raises(ValueError, match="no pipeline step entity .*the steps: clean, language"):
        Pipeline().run(doc, disable=["entity"])
    with pytest.raises(ValueError, match="no pipeline step embed"):
        Pipeline().replace("embed", lambda state: None)


def test_the_time_budget_names_the_step_that_overran(doc):
    with pytest.raises(AnalysisTooLong, match=r"over the 0 s limit, at clean\)"):
        Pipeline().run(doc, budget=0.0)


def test_the_language_is_detected_once_an_article(monkeypatch):
    import kroscek.clean
    import kroscek.pipeline
    from kroscek.model import Document
    from kroscek.pipeline import Pipeline

    calls = []
    detect = kroscek.clean.detect_language

    def counted(text: str) -> str:
        calls.append(text)
        return detect(text)

    monkeypatch.setattr(kroscek.clean, "detect_language", counted)
    monkeypatch.setattr(kroscek.pipeline, "detect_language", counted)
    text = ("Banjir Rendam Ratusan Rumah\n\nBanjir merendam ratusan rumah warga di Kecamatan Seruni sejak Senin "
            "pagi setelah hujan deras mengguyur wilayah itu semalaman.")
    article = Pipeline().run(Document(source="banjir", text=text), disable=["dates", "entities", "quotes"])
    assert article.language == "id" and len(calls) == 1
    # without the cleaning step the language step still detects it
    article = Pipeline().run(Document(source="banjir", text=text), disable=["clean", "dates", "entities", "quotes"])
    assert article.language == "id" and len(calls) == 2
