"""The per-article analysis as a pipeline of named steps, and the content id of an article.

ingest -> clean -> analyse -> match -> compare -> brief. ``Pipeline`` runs the per-article part:
``clean``, ``language``, ``sentences``, ``dates``, ``entities``, ``quotes``, in that order, each
a function that fills in its part of the ``Article`` being built (``Analysis``). A caller can
leave steps out (``run(doc, disable=["entities", "quotes"])``) or put its own function in a
step's place (``Pipeline().replace("quotes", quotes_step(ner_languages=("id",)))``); the
engines, the CLI and the web app run every step (``analyse``).
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from kroscek.analyse.dates import find_event_dates, is_stale
from kroscek.analyse.entities import find_mentions
from kroscek.analyse.quotes import find_quotes
from kroscek.clean import clean
from kroscek.model import Article, Document
from kroscek.outlets import outlet_name
from kroscek.settings import DEFAULT, Settings
from kroscek.text.language import detect_language
from kroscek.text.sentences import split_sentences

_SPACE = re.compile(r"\s+")
# Languages whose quote speakers come from the NER mentions. In Indonesian the quote finder's own
# name heuristics measured better (held-out speaker accuracy 1.000 vs 0.885 with CRF mentions).
QUOTE_NER_LANGUAGES = ("en",)
# The time one article's analysis may take. Analysis grows linearly with the text (2 MB at most,
# see ``ingest.MAX_ARTICLE_BYTES``; about 25 s on one core), so this is reached only by input that
# defeats the analysis: it is rejected rather than left to hold up every article after it.
ANALYSIS_SECONDS = 120.0


class AnalysisTooLong(Exception):
    """An article's analysis ran past its time budget; the message is the reason shown."""


def article_id(doc: Document) -> str:
    """A content-derived id: the same article text gives the same id on every machine."""
    content = _SPACE.sub(" ", f"{doc.title or ''}\n{doc.text}").strip().casefold()
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]


@dataclass
class Analysis:
    """One document on its way through the steps: the article so far, and what the cleaner gave
    the later steps (the paragraphs, the page's date)."""

    document: Document
    article: Article
    paragraphs: list[str] = field(default_factory=list)
    page_date: date | None = None
    language: str | None = None  # the language the cleaning read the text in


Step = Callable[[Analysis], None]


def clean_step(state: Analysis) -> None:
    """Headline, paragraphs, outlet, page date; what was taken out and the damage found."""
    doc, article = state.document, state.article
    cleaned = clean(doc)
    state.paragraphs = cleaned.paragraphs
    article.title, article.text = cleaned.title, "\n\n".join(cleaned.paragraphs)
    article.outlet = outlet_name(cleaned.outlet, doc.url)  # the record's or the URL's site, one spelling
    article.published = cleaned.published
    article.warnings, article.removed = cleaned.warnings, cleaned.removed
    state.page_date = date.fromisoformat(cleaned.published[:10]) if cleaned.published else None
    state.language = cleaned.language


def language_step(state: Analysis) -> None:
    """The language the document states, else the one the cleaning read it in, else the one
    detected in the text (detection runs once an article)."""
    state.article.language = state.document.language or state.language or detect_language(
        state.article.title + "\n" + "\n".join(state.paragraphs)
    )


def language_is(code: str) -> Step:
    """A language step for text known to be in one language: ``code``, without detection."""

    def language(state: Analysis) -> None:
        state.article.language = code

    return language


def sentences_step(state: Analysis) -> None:
    state.article.sentences = split_sentences(state.paragraphs, state.article.language or "und")


def dates_step(state: Analysis) -> None:
    """The events' dates, and whether the article is stale (its events well before its page date)."""
    article = state.article
    article.event_dates = find_event_dates(article.sentences, state.page_date, article.language or "und")
    article.stale = is_stale(article.event_dates, state.page_date)


def entities_step(encoder: bool = False) -> Step:
    """The entities step; with ``encoder``, the sentences the CRF is unsure of are tagged again
    with e5's word states (``analyse.entities``)."""

    def entities(state: Analysis) -> None:
        state.article.mentions = find_mentions(state.article.sentences, state.article.language or "und", encoder=encoder)

    return entities


def quotes_step(ner_languages: Sequence[str] = QUOTE_NER_LANGUAGES) -> Step:
    """The quotes step; speakers come from the NER mentions in ``ner_languages``, elsewhere from
    the quote finder's own name reading."""

    def quotes(state: Analysis) -> None:
        article = state.article
        mentions = article.mentions if article.language in ner_languages else []
        article.quotes = find_quotes(article.sentences, mentions, article.language or "und")

    return quotes


STEPS: tuple[tuple[str, Step], ...] = (
    ("clean", clean_step),
    ("language", language_step),
    ("sentences", sentences_step),
    ("dates", dates_step),
    ("entities", entities_step()),
    ("quotes", quotes_step()),
)


@dataclass(frozen=True)
class Pipeline:
    """Named steps run in order over one document (``STEPS`` by default)."""

    steps: tuple[tuple[str, Step], ...] = STEPS

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.steps]

    def replace(self, name: str, step: Step) -> Pipeline:
        """This pipeline with ``step`` in the place of the step called ``name``."""
        self._check([name])
        return Pipeline(tuple((n, step if n == name else s) for n, s in self.steps))

    def run(self, doc: Document, disable: Iterable[str] = (), budget: float | None = None) -> Article:
        """The article the steps make of ``doc``, without the ``disable``d steps.

        ``budget`` is the time the analysis may take in seconds (default ``ANALYSIS_SECONDS``;
        ``inf`` for no limit); past it, ``AnalysisTooLong`` is raised at the end of the step that
        overran. Without ``clean`` the paragraphs are the document's blank-line-separated blocks."""
        skipped = set(disable)
        self._check(skipped)
        budget = ANALYSIS_SECONDS if budget is None else budget
        started = time.monotonic()
        paragraphs = [_SPACE.sub(" ", p).strip() for p in doc.text.split("\n\n") if p.strip()]
        state = Analysis(doc, Article(id=article_id(doc), source=doc.source, url=doc.url, title=doc.title or "",
                                      text="\n\n".join(paragraphs), outlet=doc.outlet, language=doc.language,
                                      published=doc.published), paragraphs)
        for name, step in self.steps:
            if name in skipped:
                continue
            step(state)
            if time.monotonic() - started > budget:
                raise AnalysisTooLong(f"analysis took too long (over the {budget:g} s limit, at {name})")
        return state.article

    def _check(self, names: Iterable[str]) -> None:
        unknown = sorted(set(names) - set(self.names))
        if unknown:
            raise ValueError(f"no pipeline step {', '.join(unknown)} (the steps: {', '.join(self.names)})")


def pipeline_for(settings: Settings = DEFAULT) -> Pipeline:
    """The steps a run in ``settings``' mode analyses with: the default mode's entity tagger reads
    e5's word states where the CRF is unsure; ``--fast`` keeps the CRF alone."""
    return Pipeline() if settings.fast else Pipeline().replace("entities", entities_step(encoder=True))


def analyse(doc: Document, budget: float | None = None, settings: Settings = DEFAULT) -> Article:
    """Clean one document and run every per-article analysis of ``settings``' mode on it."""
    return pipeline_for(settings).run(doc, budget=budget)
