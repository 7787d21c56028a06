"""The story brief: a cited summary of agreed facts, a timeline, disputes, quotes, entities, provenance.

Every line carries citations (article id + sentence index) so a reader can check it. The
summary is extractive: the agreed facts told by the most sources, earliest in the articles
first; a story with no agreed fact is summarised from its first original report.

``summarise_article`` is the single-article summariser (scored in ``kroscek eval summary``):
sentences ranked by TF-IDF centrality, title overlap and position, taken in text order until
the summary reaches the length of a typical reference summary.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, is_dataclass
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from kroscek.compare.crosscheck import FactGroup, cross_check, independent_sources
from kroscek.compare.provenance import find_provenance
from kroscek.model import Article, Entity, Sentence, Story
from kroscek.outlets import merge_outlets, outlet_name

SUMMARY_FACTS = 4
SUMMARY_WORDS = 40  # stop adding sentences once a summary has this many words (references: ~42)
MIN_SENTENCE_WORDS = 6
CENTRALITY_WEIGHT = 1.0
TITLE_WEIGHT = 1.0
POSITION_WEIGHT = 0.5
POSITION_DECAY = 1.0  # position prior: 1 / (1 + decay * index)
QUOTE_PENALTY = 0.3  # direct quotes are evidence, rarely summary material
_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTE = re.compile(r"[\"“”]")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def sentence_scores(article: Article) -> np.ndarray:
    """How summary-worthy each sentence is: centrality + title overlap + position, less quotes."""
    texts = [s.text for s in article.sentences]
    if not texts:
        return np.zeros(0)
    try:
        vectorizer = TfidfVectorizer(sublinear_tf=True, token_pattern=r"(?u)\b\w\w+\b").fit(texts + [article.title])
    except ValueError:  # no word of two letters anywhere
        return np.zeros(len(texts))
    matrix = vectorizer.transform(texts)
    similarity = (matrix @ matrix.T).toarray()
    np.fill_diagonal(similarity, 0.0)
    centrality = similarity.sum(axis=1) / max(len(texts) - 1, 1)
    title = (matrix @ vectorizer.transform([article.title]).T).toarray().ravel()
    position = 1.0 / (1.0 + POSITION_DECAY * np.arange(len(texts)))
    quoted = np.array([1.0 if _QUOTE.search(t) else 0.0 for t in texts])
    short = np.array([1.0 if len(_words(t)) < MIN_SENTENCE_WORDS else 0.0 for t in texts])
    return (CENTRALITY_WEIGHT * centrality + TITLE_WEIGHT * title + POSITION_WEIGHT * position
            - QUOTE_PENALTY * quoted - 10.0 * short)


def summarise_article(article: Article, max_sentences: int = 3, max_words: int = SUMMARY_WORDS) -> list[Sentence]:
    """The best sentences of one article, in text order, up to ``max_words`` words."""
    scores = sentence_scores(article)
    chosen: list[int] = []
    length = 0
    for index in np.argsort(-scores, kind="stable"):
        if len(chosen) == max_sentences or length >= max_words:
            break
        chosen.append(int(index))
        length += len(_words(article.sentences[index].text))
    return [article.sentences[i] for i in sorted(chosen)]


def _cite(article: str, sentence: int) -> dict[str, Any]:
    return {"article": article, "sentence": sentence}


def _representative(group: FactGroup, preferred: Sequence[str]) -> str:
    """The wording of the group's fact told by the most preferred article that states it."""
    rank = {article: i for i, article in enumerate(preferred)}
    return min(group.stating(), key=lambda f: (rank.get(f.article, len(rank)), f.claim.sentence)).text


def _summary(groups: Sequence[FactGroup], articles: Sequence[Article], preferred: Sequence[str]) -> list[dict[str, Any]]:
    """The agreed facts told by the most independent sources; each line cites only the sentences
    that state it, and says how many independent sources do."""
    agreed = sorted((g for g in groups if g.status == "agreed"),
                    key=lambda g: (-len(g.sources), min(c.sentence for c in g.claims)))[:SUMMARY_FACTS]
    if agreed:
        ordered = sorted(agreed, key=lambda g: min(f.claim.sentence for f in g.stating()))
        return [{"text": _representative(g, preferred), "sources": len(g.sources), "outlets": g.sources,
                 "citations": [_cite(f.article, f.claim.sentence) for f in g.stating()]} for g in ordered]
    lead = next((a for a in articles if a.id == preferred[0]), None) if preferred else None
    return [{"text": s.text, "sources": 1, "citations": [_cite(lead.id, s.index)]} for s in summarise_article(lead)] if lead else []


def _timeline(articles: Sequence[Article], stale: set[str]) -> list[dict[str, Any]]:
    """Dated events with their sources; relative dates of stale pages are left out (their anchor is wrong)."""
    events: dict[str, dict[str, Any]] = {}
    for article in articles:
        sentences = {s.index: s.text for s in article.sentences}
        for date in article.event_dates:
            if date.precision not in ("day", "month") or (article.id in stale and not date.firm):
                continue
            entry = events.setdefault(date.date, {"date": date.date, "text": sentences.get(date.sentence, date.text),
                                                  "sources": []})
            source = {**_cite(article.id, date.sentence), "expression": date.text}
            if source not in entry["sources"]:
                entry["sources"].append(source)
    return sorted(events.values(), key=lambda e: e["date"])


def _as_dict(item: Any) -> dict[str, Any]:
    if hasattr(item, "to_dict"):
        return item.to_dict()
    if is_dataclass(item) and not isinstance(item, type):
        return asdict(item)
    return dict(item)


def _preferred(articles: Sequence[Article], provenance: dict[str, Any]) -> list[str]:
    """Article ids from the most to the least trustworthy source of wording: the first reporter,
    then originals by fewest damage warnings, then copies, translations and stale pages."""
    derived = ({c["copy"] for c in provenance["copies"]} | {t["translation"] for t in provenance["translations"]}
               | {s["article"] for s in provenance["stale"]})
    first = provenance["first_reporter"].get("article")
    return [a.id for a in sorted(articles, key=lambda a: (a.id != first, a.id in derived, len(a.warnings), a.published or ""))]


def build_brief(story: Story, articles: Sequence[Article], entities: Sequence[Entity] = (),
                quotes: Sequence[Any] = (), embedder: Any = None) -> dict[str, Any]:
    """The brief of one story, every line cited by article id and sentence index.

    ``embedder`` (default: the process-wide one) embeds claims; give one with a persistent cache
    to keep sentence embeddings between runs.
    """
    members = [a for a in articles if a.id in set(story.articles)] or list(articles)
    provenance = find_provenance(members, embedder)
    preferred = _preferred(members, provenance)
    groups = cross_check(members, embedder, independent_sources(members, provenance), preferred)
    ids = {a.id for a in members}
    order = {"disputed": 0, "agreed": 1, "update": 2, "single-source": 3, "related": 4}
    facts = [g.to_dict() for g in sorted(groups, key=lambda g: (order[g.status], -len(g.sources), g.anchor.claim.sentence))
             if g.status != "related"]
    return {
        "story": story.id,
        "title": story.title,
        "summary": _summary(groups, members, preferred),
        "timeline": _timeline(members, {s["article"] for s in provenance["stale"]}),
        "facts": facts,
        "disputes": [f for f in facts if f["status"] == "disputed"],
        "updates": [f for f in facts if f["status"] == "update"],
        "quotes": [_as_dict(q) for q in quotes],
        "entities": [e.to_dict() for e in entities if not e.mentions or any(m.article in ids for m in e.mentions)],
        "provenance": provenance,
    }


def story_summary(story: Story, articles: list[Article], brief: dict[str, Any] | None = None) -> dict[str, Any]:
    """The facts about a story a list page shows: outlets, languages, dates, stale articles, and
    with its ``brief`` the badges."""
    dates = sorted(a.published for a in articles if a.published)
    summary: dict[str, Any] = {
        "id": story.id,
        "title": story.title,
        "articles": story.articles,
        "outlets": merge_outlets(outlet_name(a.outlet, a.url) for a in articles),
        "languages": sorted({a.language for a in articles if a.language}),
        "first_published": dates[0] if dates else None,
        "last_published": dates[-1] if dates else None,
        "stale": [a.id for a in articles if a.stale],
    }
    if brief is not None:
        summary["badges"] = badges(summary, brief)
    return summary


def badges(summary: dict[str, Any], brief: dict[str, Any]) -> list[str]:
    """Short labels for what a reader should notice about a story."""
    provenance = brief.get("provenance", {})
    marks = []
    if brief.get("disputes"):
        marks.append("disputed")
    if provenance.get("copies"):
        marks.append("copies")
    if provenance.get("translations"):
        marks.append("translations")
    if summary["stale"]:
        marks.append("stale")
    if len(summary["languages"]) > 1:
        marks.append("multilingual")
    return marks
