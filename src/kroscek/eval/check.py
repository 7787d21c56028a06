"""Checking a claim (``data/check/claims.jsonl``): the story, the sentences, the earlier fact-check.

Each label is a claim as it might circulate (a paraphrase written for the labels), from a
turnbackhoax fact-check (``source: factcheck``) or from a fact of the early-June news (``news``),
with what a check should find (see ``data/check/README.md``).

The store checked against is built once per run, in a temporary folder, from what the labels
reference: the four early-June CSVs (``shared/data/indonews-early-june-2025``, ingested and
grouped into stories as ``kroscek run --fast`` does: static word vectors, no e5; no briefs, the
check does not read them) and every turnbackhoax fact-check. ``-o store=PATH`` keeps the store at
PATH and reuses it when it is there (for repeated runs while tuning).

Per claim, ``check.check_claim`` on that store is scored on:

- **story in top 3** (news claims with a labelled story): one of the first three stories listed
  holds an article of the labelled story (``data/facts/indonews*.jsonl``).
- **supports / contradicts precision**: each sentence called supporting (``agree``) or
  contradicting (``dispute``) is placed in its article's CSV text; right when it overlaps a
  labelled sentence of that claim with that relation. *Judged* precision counts only calls on a
  labelled sentence (the labels list the sentences a search should find, not every sentence of
  the data); *strict* precision counts every call on a news claim (an unlabelled one is wrong).
  Recall: the labelled sentences of that relation called so.
- **fact-check**: one shown for a ``match`` claim is right when it is the labelled one; any other
  shown, or any shown for a claim that is not ``match`` (news claims included), is a wrong verdict
  shown. Matched = claims with the labelled one shown / ``match`` claims (a fact-check the label
  lists in ``also``, of the same claim, counts as the labelled one).
- **fact-check found (same or close)**: ``match`` claims whose fact-check is shown as the same
  claim's or among the fact-checks of close claims (shown apart, each with its own verdict, not
  as this claim's); beside it the near misses shown the fact-check they were written from as a
  close claim's, and the news claims (no fact-check covers them) shown any close claim's.
- **uncovered**: news claims the data does not cover (no story, no sentence) for which a story
  is listed anyway.

The baseline, computed in the same run on the same store: plain word TF-IDF over every sentence
of the store, the nearest sentences' stories in order (top 3 distinct); the nearest sentence above
0.3 called supporting when it states every number of the claim, else contradicting; and the
nearest fact-check title above a threshold chosen for F1 on the tune half (the next two above it as
its close claims' fact-checks).

Claims are split by a fixed hash (held back when sha1(id)'s first byte is odd).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table
from sklearn.feature_extraction.text import TfidfVectorizer

from kroscek.eval import shared_data_dir
from kroscek.model import Article

NEWS_FOLDER = "indonews-early-june-2025"
FACT_CHECKS = "turnbackhoax/turnbackhoax.csv"
BASELINE_SENTENCE_SIM = 0.3
TOP = 3
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"\w+", re.UNICODE)


def held_back(label_id: str) -> bool:
    return hashlib.sha1(label_id.encode("utf-8")).digest()[0] % 2 == 1


@dataclass(frozen=True)
class NewsEvidence:
    """A labelled sentence: character offsets into one early-June article's ``content``."""

    article: str
    file: str
    url: str
    start: int
    end: int
    relation: str  # supports | contradicts | related


@dataclass(frozen=True)
class ClaimLabel:
    id: str
    source: str  # factcheck | news
    factcheck: str | None
    verdict: str | None
    claim: str
    match: bool
    story: str | None
    news: tuple[NewsEvidence, ...]
    also: tuple[str, ...] = ()  # other fact-checks of the same claim: showing one is right, not a wrong verdict

    @property
    def held_back(self) -> bool:
        return held_back(self.id)


@dataclass(frozen=True)
class Call:
    """A sentence a system called supporting or contradicting, placed in its article's CSV text."""

    relation: str  # supports | contradicts
    url: str | None
    start: int | None  # None: not found in the CSV text
    end: int | None


@dataclass
class Outcome:
    """What one system showed for one claim."""

    stories: list[str] = field(default_factory=list)  # store story ids, best first
    calls: list[Call] = field(default_factory=list)
    fact_checks: list[str] = field(default_factory=list)  # CSV IDs, best first
    close: list[str] = field(default_factory=list)  # CSV IDs of the fact-checks of close claims


@dataclass
class SentenceCalls:
    """The sentences a system called supporting (or contradicting) a claim, against the labels."""

    called: int = 0
    judged: int = 0  # calls on a sentence the labels mark, whatever its relation
    right: int = 0
    labelled: int = 0
    found: int = 0  # labelled sentences called

    def ratios(self, ratio: Any) -> dict[str, float | None]:
        return {"p_judged": ratio(self.right, self.judged), "p_strict": ratio(self.right, self.called),
                "r": ratio(self.found, self.labelled)}


@dataclass
class Figures:
    """One system's figures on one half."""

    claims: int = 0
    covered: int = 0  # news claims with a labelled story
    uncovered: int = 0  # news claims the data does not cover (no story, no sentence)
    uncovered_said_covered: int = 0
    story_top3: int = 0
    supports: SentenceCalls = field(default_factory=SentenceCalls)
    contradicts: SentenceCalls = field(default_factory=SentenceCalls)
    match: int = 0  # fact-check claims that are the checked claim
    fc_right: int = 0
    fc_wrong_claims: int = 0  # claims shown a fact-check that is not theirs
    fc_shown_claims: int = 0
    fc_found: int = 0  # matching claims whose fact-check is shown, as the same claim's or a close claim's
    near_found: int = 0  # near misses shown the fact-check they were written from, as a close claim's
    near: int = 0  # fact-check claims that are not the checked claim (near misses)
    news_close: int = 0  # news claims (no fact-check covers them) shown a close claim's fact-check
    news: int = 0
    misses: list[str] = field(default_factory=list)

    def ratios(self) -> dict[str, float | None]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        sentences = {f"{name}_{k}": v for name in ("supports", "contradicts")
                     for k, v in getattr(self, name).ratios(ratio).items()}
        return {"story_top3": ratio(self.story_top3, self.covered), **sentences,
                "factcheck_matched": ratio(self.fc_right, self.match), "factcheck_found": ratio(self.fc_found, self.match)}

    def to_dict(self) -> dict[str, Any]:
        counts = {k: v for k, v in self.__dict__.items() if k not in ("misses", "supports", "contradicts")}
        calls = {f"{name}_{k}": v for name in ("supports", "contradicts") for k, v in asdict(getattr(self, name)).items()}
        return {**counts, **calls, **self.ratios()}


def read_labels(path: Path) -> list[ClaimLabel]:
    labels = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            labels.append(ClaimLabel(raw["id"], raw["source"], raw.get("factcheck"), raw.get("verdict"), raw["claim"],
                                     bool(raw["match"]), raw.get("story"),
                                     tuple(NewsEvidence(**n) for n in raw.get("news") or []),
                                     tuple(str(i) for i in raw.get("also") or ())))
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"{path}:{number}: not a claim label ({error})") from None
    return labels


def story_urls(facts_dir: Path) -> dict[str, set[str]]:
    """The article URLs of each labelled story of the early-June facts labels."""
    from kroscek.eval.claims import read_label_files

    stories: dict[str, set[str]] = {}
    for file in sorted(facts_dir.glob("indonews*.jsonl")):
        for story in read_label_files(file):
            stories.setdefault(story.key, set()).update(a["url"] for a in story.articles if a.get("url"))
    return stories


def contents(data: Path) -> dict[str, str]:
    """The raw ``content`` of every early-June article, by URL (what the label offsets point into)."""
    from kroscek.eval.claims import csv_rows

    found: dict[str, str] = {}
    for file in sorted((data / NEWS_FOLDER).glob("*.csv")):
        found.update((url, row["content"]) for url, row in csv_rows(file, "url").items())
    return found


def place(text: str, content: str | None) -> tuple[int, int] | None:
    """Where ``text`` (a sentence as the store holds it, cleaned) lies in ``content``: its words in
    order, any spacing or punctuation between them; else its first words, else its last (the
    cleaner drops a dateline's outlet tag: "TANGERANG SELATAN, KOMPAS.com - Sebuah ...")."""
    if not content:
        return None
    words = _WORD.findall(text)
    for take in (len(words), 8, 5):
        if len(words) < min(take, 3):
            continue
        pattern = r"\W+".join(re.escape(w) for w in words[:take])
        found = re.search(pattern, content)
        if found:
            if take == len(words):
                return found.start(), found.end()
            return found.start(), found.start() + len(text)
    for take in (8, 5):
        if len(words) > take:
            found = re.search(r"\W+".join(re.escape(w) for w in words[-take:]), content)
            if found:
                return max(0, found.end() - len(text)), found.end()
    return None


def build_store(folder: Path, data: Path) -> Any:
    """The store the check runs against: the early-June articles grouped into stories (``--fast``),
    every turnbackhoax fact-check."""
    from kroscek.engine.local import ingest, match
    from kroscek.factchecks import read_fact_checks
    from kroscek.ingest import list_inputs
    from kroscek.settings import FAST
    from kroscek.store import Store

    db = folder / "check-eval.db"
    existing = db.exists()
    store = Store(f"sqlite:///{db}")
    if not existing or not store.count_articles():
        ingest(list_inputs([data / NEWS_FOLDER]), store, columns={"text": "content"})
        match(store, settings=FAST)
    if not store.count_fact_checks():
        checks, _rejected = read_fact_checks([data / FACT_CHECKS])
        store.add_fact_checks(checks)
    return store


def fact_check_ids(data: Path) -> dict[str, str]:
    """The CSV ``ID`` of each fact-check by the id the store gives it."""
    from kroscek.factchecks import fact_check_id

    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with (data / FACT_CHECKS).open(encoding="utf-8-sig", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if " ".join((row.get("judul") or "").split())]
    return {fact_check_id(row.get("url"), " ".join(row["judul"].split())): row["ID"] for row in rows}


def kroscek_outcomes(store: Any, labels: Sequence[ClaimLabel], texts: dict[str, str], ids: dict[str, str]) -> list[Outcome]:
    from kroscek.check import FactCheckIndex, check_claim
    from kroscek.factchecks import fact_check_id

    index = FactCheckIndex.of_store(store)  # e5, as ``kroscek check`` runs by default
    outcomes = []
    for label in labels:
        result = check_claim(store, label.claim, index=index)
        calls = [Call(kind, e.url, *(place(e.text, texts.get(e.url or "")) or (None, None)))
                 for kind, items in (("supports", result.supports), ("contradicts", result.contradicts)) for e in items]
        shown = [ids.get(fact_check_id(c.url, c.claim), "?") for c in result.fact_checks]
        close = [ids.get(fact_check_id(c.url, c.claim), "?") for c in result.close_fact_checks]
        outcomes.append(Outcome([s.id for s in result.stories], calls, shown, close))
    return outcomes


class Baseline:
    """Plain word TF-IDF nearest neighbours: over the store's sentences and the fact-check titles."""

    def __init__(self, store: Any, articles: Sequence[Article], story_of: dict[str, str], texts: dict[str, str]) -> None:
        """``articles``: the store's current (not stale) articles; ``story_of``: their stories' ids."""
        self.sentences: list[tuple[str, str | None, str]] = [  # text, url, story
            (sentence.text, article.url, story_of.get(article.id, ""))
            for article in articles for sentence in article.sentences]
        self.texts = texts
        self.vectorizer = TfidfVectorizer(sublinear_tf=True).fit([s for s, _, _ in self.sentences])
        self.matrix = self.vectorizer.transform([s for s, _, _ in self.sentences])
        self.checks = store.fact_checks()
        self.check_vectorizer = TfidfVectorizer(sublinear_tf=True).fit([c.claim for c in self.checks])
        self.check_matrix = self.check_vectorizer.transform([c.claim for c in self.checks])

    def outcome(self, claim: str, ids: dict[str, str], threshold: float) -> Outcome:
        cosines = (self.matrix @ self.vectorizer.transform([claim]).T).toarray().ravel()
        order = np.argsort(-cosines)
        stories: list[str] = []
        for at in order[:200]:
            story = self.sentences[at][2]
            if story and story not in stories:
                stories.append(story)
            if len(stories) == TOP:
                break
        calls = []
        best = int(order[0]) if len(order) else None
        if best is not None and cosines[best] >= BASELINE_SENTENCE_SIM:
            text, url, _ = self.sentences[best]
            wanted = set(_NUMBER.findall(claim))
            kind = "supports" if wanted <= set(_NUMBER.findall(text)) else "contradicts"
            calls.append(Call(kind, url, *(place(text, self.texts.get(url or "")) or (None, None))))
        shown = self.fact_check(claim, ids, threshold, limit=TOP)
        return Outcome(stories, calls, shown[:1], shown[1:])

    def fact_check_scores(self, claim: str) -> np.ndarray:
        return (self.check_matrix @ self.check_vectorizer.transform([claim]).T).toarray().ravel()

    def fact_check(self, claim: str, ids: dict[str, str], threshold: float, limit: int = 1) -> list[str]:
        """The IDs of the ``limit`` fact-checks closest to ``claim``, at ``threshold`` and above."""
        from kroscek.factchecks import fact_check_id

        scores = self.fact_check_scores(claim)
        best = [int(at) for at in np.argsort(-scores)[:limit] if scores[at] >= threshold]
        return [ids.get(fact_check_id(self.checks[at].url, self.checks[at].claim), "?") for at in best]


def score(labels: Sequence[ClaimLabel], outcomes: Sequence[Outcome], story_articles: dict[str, set[str]]) -> Figures:
    """``story_articles``: the store's story ids by labelled story key (the stories holding its articles)."""
    figures = Figures()
    for label, got in zip(labels, outcomes):
        figures.claims += 1
        if label.source == "news" and not label.story and not label.news:
            figures.uncovered += 1
            if got.stories:
                figures.uncovered_said_covered += 1
                figures.misses.append(f"{label.id} said covered (the data does not cover it): {label.claim!r}")
        if label.source == "news" and label.story:
            figures.covered += 1
            if set(got.stories[:TOP]) & story_articles.get(label.story, set()):
                figures.story_top3 += 1
            else:
                figures.misses.append(f"{label.id} story not in top {TOP}: {label.claim!r}")
        for relation in ("supports", "contradicts"):
            spans = [n for n in label.news if n.relation == relation]
            other = [n for n in label.news if n.relation != relation]
            calls: SentenceCalls = getattr(figures, relation)
            calls.labelled += len(spans)
            found = set()
            for call in (c for c in got.calls if c.relation == relation):
                if label.source != "news":
                    continue  # the news labels judge the calls of news claims only
                calls.called += 1
                hit = [n for n in spans if _overlaps(call, n)]
                if hit or any(_overlaps(call, n) for n in other):
                    calls.judged += 1
                if hit:
                    calls.right += 1
                    found.update(hit)
                else:
                    judged = [n.relation for n in other if _overlaps(call, n)]
                    figures.misses.append(f"{label.id} called {relation} ({judged[0] if judged else 'unlabelled'}) "
                                          f"{call.url} {call.start}-{call.end}: {label.claim!r}")
            calls.found += len(found)
        # fact-checks
        ours = {label.factcheck, *label.also} if label.match else set()  # the fact-checks of this very claim
        matched = bool(ours & set(got.fact_checks))
        if label.match:
            figures.match += 1
            figures.fc_right += matched
            figures.fc_found += bool(ours & set(got.fact_checks + got.close))
        elif label.source == "factcheck":
            figures.near += 1
            figures.near_found += label.factcheck in got.close
        else:
            figures.news += 1
            figures.news_close += bool(got.close)
        wrong = [i for i in got.fact_checks if i not in ours]
        figures.fc_shown_claims += bool(got.fact_checks)
        if wrong:
            figures.fc_wrong_claims += 1
            figures.misses.append(f"{label.id} wrong fact-check shown {wrong} (labelled {label.factcheck}, "
                                  f"match {label.match}): {label.claim!r}")
        elif label.match and not matched:
            figures.misses.append(f"{label.id} fact-check {label.factcheck} not matched: {label.claim!r}")
    return figures


def _overlaps(call: Call, span: NewsEvidence) -> bool:
    return (call.url == span.url and call.start is not None and call.end is not None
            and call.start < span.end and span.start < call.end)


def _f1_fact_checks(figures: Figures) -> float:
    shown_right = figures.fc_right
    precision = shown_right / figures.fc_shown_claims if figures.fc_shown_claims else 0.0
    recall = shown_right / figures.match if figures.match else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def id_range(ids: str | None) -> tuple[int, int] | None:
    """``"c342-c421"`` as the numbers of its first and last id (both kept), None for none."""
    if not ids:
        return None
    match = re.fullmatch(r"c(\d+)-c(\d+)", ids.strip())
    if not match:
        raise ValueError(f"ids must read like c342-c421, not {ids!r}")
    return int(match.group(1)), int(match.group(2))


def in_range(label_id: str, bounds: tuple[int, int]) -> bool:
    number = re.fullmatch(r"c(\d+)", label_id)
    return bool(number) and bounds[0] <= int(number.group(1)) <= bounds[1]


def main(path: Path, data: str | None = None, store: str | None = None, show: str = "misses",
         split: str = "both", ids: str | None = None) -> dict[str, Any]:
    """``split``: ``tune`` checks, scores and lists the tune half only (while tuning), ``both`` the two halves.
    ``ids`` (``c342-c421``): one labelling round scored on its own too, a row per half beside the halves
    (its misses are listed with its half's, not twice)."""
    if split not in ("tune", "both"):
        raise ValueError(f"split must be tune or both, not {split!r}")
    bounds, round_name = id_range(ids), ids  # ``ids`` is taken below for the fact-checks' ids
    console = Console(width=280)
    shown_parts = {"tune"} if show == "misses" else set(show.split(","))  # the held-back misses only when asked
    labels = read_labels(Path(path))
    if split == "tune":
        labels = [label for label in labels if not label.held_back]  # the held-back claims are not even checked
    shared = shared_data_dir(Path(path), data)
    stories = story_urls(Path(path).resolve().parent.parent / "facts")
    texts = contents(shared)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kroscek-eval-check-") as temporary:
        folder = Path(store) if store else Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        built = build_store(folder, shared)
        build_seconds = time.perf_counter() - started
        ids = fact_check_ids(shared)
        articles = [a for a in built.articles() if not a.stale]
        stored_stories = built.stories()
        story_of = {article_id: story.id for story in stored_stories for article_id in story.articles}
        story_of_url = {a.url: story_of[a.id] for a in articles if a.url and a.id in story_of}
        story_articles = {key: {story_of_url[u] for u in urls if u in story_of_url} for key, urls in stories.items()}
        started = time.perf_counter()
        system = kroscek_outcomes(built, labels, texts, ids)
        check_seconds = time.perf_counter() - started
        baseline = Baseline(built, articles, story_of, texts)
        tune = [i for i, label in enumerate(labels) if not label.held_back]
        back = [i for i, label in enumerate(labels) if label.held_back]
        tune_labels = [labels[i] for i in tune]

        def baseline_at(at: float, rows: Sequence[int]) -> list[Outcome]:
            return [Outcome(fact_checks=baseline.fact_check(labels[i].claim, ids, at)) for i in rows]

        chosen = max((round(float(t), 2) for t in np.arange(0.05, 0.95, 0.05)),
                     key=lambda at: (_f1_fact_checks(score(tune_labels, baseline_at(at, tune), {})), -at))
        base = [baseline.outcome(label.claim, ids, chosen) for label in labels]
        counts = (len(articles), len(stored_stories), built.count_fact_checks())
        built.close()
    results: dict[str, Any] = {"store": {"articles": counts[0], "stories": counts[1], "fact_checks": counts[2],
                                         "embeddings": "--fast (static word vectors)",
                                         "build_seconds": round(build_seconds, 1)},
                               "check_seconds": round(check_seconds, 1), "baseline_fact_check_threshold": chosen}
    table = Table(title=f"check a claim: {len(labels)} claims against {counts[0]} early-June articles "
                        f"({counts[1]} stories, --fast) and {counts[2]} fact-checks")
    columns = ("split", "system", "claims", "story top3", "supports P judged (strict)", "supports R",
               "contradicts P judged (strict)", "contradicts R", "fact-check matched", "wrong fact-check shown",
               "fact-check found (same or close)", "near miss: its close fact-check", "news: close fact-check shown",
               "uncovered said covered")
    for column in columns:
        table.add_column(column)
    parts = (("tune", tune),) if split == "tune" else (("tune", tune), ("held-back", back), ("all", list(range(len(labels)))))
    if bounds is not None:
        parts += tuple((f"{part} {round_name}", [i for i in rows if in_range(labels[i].id, bounds)])
                       for part, rows in parts if part != "all")
    for part, rows in parts:
        subset = [labels[i] for i in rows]
        results[part] = {}
        for name, outcomes in (("kroscek", system), ("baseline", base)):
            figures = score(subset, [outcomes[i] for i in rows], story_articles)
            results[part][name] = figures.to_dict()
            r = figures.ratios()
            table.add_row(part, name, str(figures.claims), f"{_fmt(r['story_top3'])} ({figures.story_top3}/{figures.covered})",
                          f"{_fmt(r['supports_p_judged'])} ({_fmt(r['supports_p_strict'])}; {figures.supports.right}/"
                          f"{figures.supports.judged}/{figures.supports.called})",
                          f"{_fmt(r['supports_r'])} ({figures.supports.found}/{figures.supports.labelled})",
                          f"{_fmt(r['contradicts_p_judged'])} ({_fmt(r['contradicts_p_strict'])}; "
                          f"{figures.contradicts.right}/{figures.contradicts.judged}/{figures.contradicts.called})",
                          f"{_fmt(r['contradicts_r'])} ({figures.contradicts.found}/{figures.contradicts.labelled})",
                          f"{_fmt(r['factcheck_matched'])} ({figures.fc_right}/{figures.match})",
                          str(figures.fc_wrong_claims), f"{_fmt(r['factcheck_found'])} ({figures.fc_found}/{figures.match})",
                          f"{figures.near_found}/{figures.near}", f"{figures.news_close}/{figures.news}",
                          f"{figures.uncovered_said_covered}/{figures.uncovered}")
            if name == "kroscek" and part in shown_parts:
                for miss in figures.misses:
                    console.print(f"  {part} {miss}", highlight=False, soft_wrap=True)
    console.print(table)
    console.print(f"store built in {build_seconds:.0f}s (--fast), {len(labels)} claims checked in {check_seconds:.0f}s; "
                  f"baseline fact-check threshold {chosen} (best F1 on the tune half)", highlight=False)
    return results


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
