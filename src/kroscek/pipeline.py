"""The stage order: the one place that wires the stages together.

ingest -> clean -> analyse -> match -> compare -> brief. The CLI, the web app and the
engines all call these functions; each stage is a plain function over the data model.
"""

from __future__ import annotations

import hashlib
import re
import time
from datetime import date

from kroscek.analyse.dates import find_event_dates, is_stale
from kroscek.analyse.entities import find_mentions
from kroscek.analyse.quotes import find_quotes
from kroscek.clean import clean
from kroscek.model import Article, Document
from kroscek.outlets import outlet_name
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


def analyse(doc: Document, budget: float | None = None) -> Article:
    """Clean one document and run every per-article analysis on it.

    ``budget`` is the time the analysis may take in seconds (default ``ANALYSIS_SECONDS``; ``inf``
    for no limit); past it, ``AnalysisTooLong`` is raised at the end of the step that overran."""
    budget = ANALYSIS_SECONDS if budget is None else budget
    started = time.monotonic()

    def on_time(step: str) -> None:
        if time.monotonic() - started > budget:
            raise AnalysisTooLong(f"analysis took too long (over the {budget:g} s limit, at {step})")

    cleaned = clean(doc)
    on_time("cleaning")
    language = doc.language or detect_language(cleaned.title + "\n" + "\n".join(cleaned.paragraphs))
    sentences = split_sentences(cleaned.paragraphs, language)
    on_time("sentences")
    page_date = date.fromisoformat(cleaned.published[:10]) if cleaned.published else None
    event_dates = find_event_dates(sentences, page_date, language)
    on_time("dates")
    mentions = find_mentions(sentences, language)
    on_time("entities")
    quotes = find_quotes(sentences, mentions if language in QUOTE_NER_LANGUAGES else [], language)
    on_time("quotes")
    return Article(
        id=article_id(doc),
        source=doc.source,
        url=doc.url,
        title=cleaned.title,
        text="\n\n".join(cleaned.paragraphs),
        outlet=outlet_name(cleaned.outlet, doc.url),  # the record's or the URL's site, one spelling
        language=language,
        published=cleaned.published,
        sentences=sentences,
        event_dates=event_dates,
        stale=is_stale(event_dates, page_date),
        warnings=cleaned.warnings,
        removed=cleaned.removed,
        mentions=mentions,
        quotes=quotes,
    )
