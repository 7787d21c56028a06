"""Cross-checking against fact labels written by reading real multi-outlet news (``data/facts``).

Each label file (``data/facts/*.jsonl``, format in its README) names stories (articles by
reference into ``../shared/data``), fact pairs labelled agree / dispute / update / related /
unrelated, and facts labelled single-source or multi-source, each a character span of the raw
article. Articles are read as the pipeline reads them (cleaning, sentences, dates); a labelled
span stands for the claims whose words it holds.

Both systems run on every story's articles in the same call:

- **kroscek**: ``compare.crosscheck`` (facts compared slot by slot, star groups, outlets counted).
- **earlier method**: ``compare.claims.align_claims`` (aligned claims chained into groups; a
  group with any evidence is disputed, any other multi-article group agreed).

Figures: agreed precision (labelled pairs the system calls agreed that are labelled agree),
dispute precision (every dispute the system shows in a story is judged: a labelled dispute is
right; a labelled non-dispute pair is wrong, and so is any unlabelled dispute in a story whose
disputes were all labelled or that is a deliberate wrong merge), dispute recall, update
precision, single-source precision (labelled facts the system calls single-source that are).
Stories are split by a fixed hash (held back when sha1(story)'s first byte is odd); figures are
given for the tune half, the held-back half and both. ``split=tune`` prints the tune half only;
``by=file`` adds the figures of each label file alone (each half), from the same run.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from kroscek.compare.claims import Claim, align_claims, extract_claims
from kroscek.compare.crosscheck import cross_check, independent_sources
from kroscek.eval import encoder_for, shared_data_dir
from kroscek.model import Article, Document
from kroscek.outlets import outlet_name
from kroscek.pipeline import Pipeline

_WORD = re.compile(r"\w+", re.UNICODE)
SPAN_COVER = 0.6  # share of a claim's words a labelled span must hold to stand for it
Ref = tuple[str, int, int]  # article, sentence, clause
SYSTEMS = ("kroscek", "earlier method")


# --- reading the labels ------------------------------------------------------------------------


@dataclass
class Span:
    article: str
    start: int
    end: int


@dataclass
class LabelledStory:
    key: str
    articles: list[dict[str, str]]
    mix: bool = False
    exhaustive: bool = False
    file: str = ""  # the label file it was read from
    pairs: list[tuple[Span, Span, str, str | None]] = field(default_factory=list)  # a, b, label, slot
    facts: list[tuple[Span, str]] = field(default_factory=list)

    @property
    def held_out(self) -> bool:
        return hashlib.sha1(self.key.encode("utf-8")).digest()[0] % 2 == 1


def read_label_files(path: Path) -> list[LabelledStory]:
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    stories: dict[str, LabelledStory] = {}
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if record["kind"] == "story":
                stories[record["story"]] = LabelledStory(record["story"], record["articles"], bool(record.get("mix")),
                                                         bool(record.get("disputes_exhaustive")), file.name)
            elif record["kind"] == "pair":
                stories[record["story"]].pairs.append((Span(**record["a"]), Span(**record["b"]), record["label"],
                                                       record.get("slot")))
            elif record["kind"] == "fact":
                stories[record["story"]].facts.append((Span(**record["fact"]), record["label"]))
            else:
                raise ValueError(f"{file.name}:{number}: unknown record kind {record['kind']!r}")
    return list(stories.values())


@cache
def csv_rows(path: Path, key: str) -> dict[str, dict[str, str]]:
    """The rows of a CSV by the value of their column ``key`` (each file read once)."""
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        return {row[key]: row for row in csv.DictReader(handle)}


def raw_article(ref: dict[str, str], data: Path) -> tuple[Document, str]:
    """The document a reference names and the raw text its label offsets point into."""
    path = data / ref["file"]
    if "pair_id" in ref:
        row = csv_rows(path, "pair_id")[ref["pair_id"]]
        side = str(ref["side"])
        text = row[f"text{side}"]
        return Document(source=ref["key"], text=text, title=text.split("\n", 1)[0][:200],
                        outlet=f"source {ref['pair_id']}-{side}", language=row[f"lang{side}"]), text
    if "url" in ref:
        row = csv_rows(path, "url")[ref["url"]]
        published = f"{row.get('date', '')} {row.get('time', '')}".strip()
        return Document(source=ref["key"], text=row["content"], title=row["title"], url=row["url"],
                        outlet=outlet_name(None, row["url"]), published=published or None), row["content"]
    row = csv_rows(path, "id")[ref["id"]]
    return Document(source=ref["key"], text=row["isi_berita"], title=row["judul"], url=row.get("tautan"),
                    outlet="detik.com", published=row["tanggal"]), row["isi_berita"]


def analysed(key: str, doc: Document) -> Article:
    """An article read as the pipeline reads it (cleaning, language, sentences, dates), named by its label key."""
    article = Pipeline().run(doc, disable=["entities", "quotes"], budget=math.inf)
    article.id = key
    return article


def _words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def claims_of(span_text: str, claims: Sequence[Claim]) -> set[Ref]:
    """The claims a labelled span stands for: those most of whose words it holds (else the best one);
    of those, the ones every number of which it holds, when there are any."""
    held = _words(span_text)
    scored = []
    for claim in claims:
        words = _words(claim.text)
        total = sum(words.values())
        if total:
            numbers = all(w in held for w in words if any(c.isdigit() for c in w))
            scored.append((sum((words & held).values()) / total, (claim.article, claim.sentence, claim.clause), numbers))
    chosen = {ref for share, ref, _ in scored if share >= SPAN_COVER}
    whole = {ref for share, ref, numbers in scored if share >= SPAN_COVER and numbers}
    if whole:
        chosen = whole  # a claim with a number the span lacks is another sentence ("menit ke-37" / "menit ke-23")
    if not chosen and scored:
        share, ref, _ = max(scored)
        chosen = {ref} if share >= SPAN_COVER / 2 else set()
    return chosen


# --- what each system says of a story ---------------------------------------------------------


@dataclass
class Said:
    """A system's verdicts on one story: pairs of claim refs by relation, and single-source claims."""

    pairs: dict[frozenset[Ref], str] = field(default_factory=dict)  # agree | dispute | update
    single: set[Ref] = field(default_factory=set)


def _ref(claim: Claim) -> Ref:
    return claim.article, claim.sentence, claim.clause


def said_by_kroscek(articles: Sequence[Article], embedder: Any) -> Said:
    said = Said()
    for group in cross_check(articles, embedder, independent_sources(articles)):
        anchor = _ref(group.anchor.claim)
        if group.status == "single-source":
            said.single.add(anchor)
        stating = [_ref(f.claim) for f in group.stating() if f.source != group.anchor.source or f is group.anchor]
        if group.status == "agreed":
            for a in stating:
                for b in stating:
                    if a[0] != b[0]:
                        said.pairs.setdefault(frozenset((a, b)), "agree")
        for member in group.members:
            if member.relation.kind in ("dispute", "update"):
                said.pairs[frozenset((anchor, _ref(member.fact.claim)))] = member.relation.kind
    return said


def said_by_earlier_method(articles: Sequence[Article], embedder: Any) -> Said:
    said = Said()
    for group in align_claims(articles, embedder):
        refs = [_ref(c) for c in group.claims]
        if group.status == "single-source":
            said.single.update(refs)
            continue
        verdict = "dispute" if group.status == "disputed" else "agree"
        for a in refs:
            for b in refs:
                if a[0] != b[0]:
                    said.pairs[frozenset((a, b))] = verdict
    return said


# --- scoring ------------------------------------------------------------------------------------


@dataclass
class Tally:
    agreed: Counter[str] = field(default_factory=Counter)  # gold label of pairs called agreed
    disputes_right: int = 0
    disputes_wrong: int = 0
    gold_disputes: Counter[str] = field(default_factory=Counter)  # by slot
    found_disputes: Counter[str] = field(default_factory=Counter)
    updates: Counter[str] = field(default_factory=Counter)
    single: Counter[str] = field(default_factory=Counter)
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    agreed_wrong: list[str] = field(default_factory=list)  # pairs called agreed that are labelled otherwise
    single_wrong: list[str] = field(default_factory=list)  # facts called single-source that are labelled otherwise

    def figures(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        called = self.disputes_right + self.disputes_wrong
        return {
            "agreed_precision": ratio(self.agreed["agree"], sum(self.agreed.values())),
            "agreed_called": sum(self.agreed.values()),
            "dispute_precision": ratio(self.disputes_right, called),
            "dispute_recall": ratio(sum(self.found_disputes.values()), sum(self.gold_disputes.values())),
            "disputes_called": called,
            "update_precision": ratio(self.updates["update"], sum(self.updates.values())),
            "single_source_precision": ratio(self.single["single-source"], sum(self.single.values())),
            "single_source_called": sum(self.single.values()),
            "recall_by_slot": {slot: f"{self.found_disputes[slot]}/{n}" for slot, n in sorted(self.gold_disputes.items())},
        }


def score_story(story: LabelledStory, spans: dict[tuple[str, int, int], set[Ref]], said: Said, tally: Tally) -> None:
    def refs(span: Span) -> set[Ref]:
        return spans[(span.article, span.start, span.end)]

    def verdict(a: set[Ref], b: set[Ref]) -> str | None:
        found = {said.pairs.get(frozenset((x, y))) for x in a for y in b if x[0] != y[0]} - {None}
        for kind in ("dispute", "update", "agree"):
            if kind in found:
                return kind
        return None

    judged: set[frozenset[Ref]] = set()
    for a_span, b_span, label, slot in story.pairs:
        a, b = refs(a_span), refs(b_span)
        judged |= {frozenset((x, y)) for x in a for y in b}
        called = verdict(a, b)
        if label == "dispute":
            tally.gold_disputes[slot or "other"] += 1
            if called == "dispute":
                tally.found_disputes[slot or "other"] += 1
            else:
                tally.missed.append(f"{story.key}: {slot or 'other'} dispute called {called or 'nothing'} "
                                    f"({a_span.article}:{a_span.start} / {b_span.article}:{b_span.start})")
        if called == "agree":
            tally.agreed[label] += 1
            if label != "agree":
                tally.agreed_wrong.append(f"{story.key}: {label} pair called agreed ({a_span.article}:{a_span.start}-"
                                          f"{a_span.end} / {b_span.article}:{b_span.start}-{b_span.end})")
        elif called == "update":
            tally.updates[label] += 1
        if called == "dispute":
            if label == "dispute":
                tally.disputes_right += 1
            else:
                tally.disputes_wrong += 1
                tally.wrong.append(f"{story.key}: {label} pair called disputed ({a_span.article}:{a_span.start} / "
                                   f"{b_span.article}:{b_span.start})")
    if story.exhaustive or story.mix:
        for pair, kind in said.pairs.items():
            if kind == "dispute" and pair not in judged:
                tally.disputes_wrong += 1
                tally.wrong.append(f"{story.key}: unlabelled dispute {sorted(pair)}")
    for span, label in story.facts:
        if refs(span) & said.single:
            tally.single[label] += 1
            if label != "single-source":
                tally.single_wrong.append(f"{story.key}: {label} fact called single-source "
                                          f"({span.article}:{span.start}-{span.end})")


def main(path: Path, data: str | None = None, encoder: str = "e5", split: str = "both", show: str = "",
         by: str = "") -> dict:
    """Print and return the figures. ``encoder=static`` aligns with the static vectors (``--fast``);
    ``split=tune`` runs the tune half only; ``show=wrong`` lists the wrong dispute calls of the tune half,
    ``show=missed`` its labelled disputes not called disputed (``show=wrong,missed`` both), ``show=agreed`` its pairs
    called agreed that are labelled otherwise, ``show=single`` its facts wrongly called single-source; ``by=file`` adds each label file's
    figures (returned as ``"<file>/<system>/<half>"``)."""
    embedder = encoder_for(encoder)
    data_dir = shared_data_dir(path, data)
    stories = read_label_files(path)
    if split == "tune":
        stories = [s for s in stories if not s.held_out]
    tallies = {(system, half): Tally() for system in SYSTEMS for half in ("tune", "held-out")}
    per_file: dict[tuple[str, str, str], Tally] = {(s.file, system, half): Tally() for s in stories for system in SYSTEMS
                                                   for half in ("tune", "held-out")}
    console = Console(stderr=True)
    for number, story in enumerate(stories, 1):
        console.print(f"[{number}/{len(stories)}] {story.key}", highlight=False)
        raws = {ref["key"]: raw_article(ref, data_dir) for ref in story.articles}
        articles = [analysed(key, doc) for key, (doc, _) in raws.items()]
        claims = {a.id: extract_claims(a) for a in articles}
        spans: dict[tuple[str, int, int], set[Ref]] = {}
        for a_span, b_span, *_ in story.pairs:
            for span in (a_span, b_span):
                spans[(span.article, span.start, span.end)] = claims_of(raws[span.article][1][span.start:span.end], claims[span.article])
        for span, _ in story.facts:
            spans[(span.article, span.start, span.end)] = claims_of(raws[span.article][1][span.start:span.end], claims[span.article])
        half = "held-out" if story.held_out else "tune"
        for system, said in (("kroscek", said_by_kroscek(articles, embedder)),
                             ("earlier method", said_by_earlier_method(articles, embedder))):
            for tally in (tallies[(system, half)], per_file[(story.file, system, half)]):
                score_story(story, spans, said, tally)
    halves = ("tune",) if split == "tune" else ("tune", "held-out", "both")
    results: dict[str, Any] = {}
    table = _table(f"Cross-checking on {len(stories)} labelled stories ({encoder} vectors)", "system")
    for system in SYSTEMS:
        for half in halves:
            results[f"{system}/{half}"] = _row(table, [tallies[(system, h)] for h in _halves(half)], system, half)
    Console(width=200).print(table)
    if by == "file":
        table = _table("Each label file alone (same run)", "file / system")
        for file in sorted({s.file for s in stories}):
            for system in SYSTEMS:
                for half in halves:
                    results[f"{file}/{system}/{half}"] = _row(
                        table, [per_file[(file, system, h)] for h in _halves(half)], f"{file} / {system}", half)
        Console(width=220).print(table)
    for kind in show.split(","):
        if kind in ("wrong", "missed", "agreed", "single"):
            Console().print(f"{kind} (tune half):", highlight=False)
            attribute = {"agreed": "agreed_wrong", "single": "single_wrong"}.get(kind, kind)
            for line in getattr(tallies[("kroscek", "tune")], attribute):
                Console().print("  " + line, highlight=False, soft_wrap=True)
    counts = Counter(label for s in stories for *_, label, _slot in s.pairs)
    Console().print(f"labels: {dict(counts)}; facts: {dict(Counter(l for s in stories for _, l in s.facts))}", highlight=False)
    return results


def _halves(half: str) -> tuple[str, ...]:
    return ("tune", "held-out") if half == "both" else (half,)


def _table(title: str, first: str) -> Table:
    table = Table(title=title)
    for column in (first, "half", "agreed P (n)", "dispute P (n)", "dispute R", "update P", "single-source P (n)",
                   "dispute recall by slot"):
        table.add_column(column)
    return table


def _row(table: Table, tallies: Sequence[Tally], name: str, half: str) -> dict[str, Any]:
    """One row of figures (the tallies merged) added to ``table``; the figures returned."""
    figures = _merged(tallies).figures()
    table.add_row(name, half, f"{figures['agreed_precision']} ({figures['agreed_called']})",
                  f"{figures['dispute_precision']} ({figures['disputes_called']})", str(figures["dispute_recall"]),
                  str(figures["update_precision"]),
                  f"{figures['single_source_precision']} ({figures['single_source_called']})",
                  " ".join(f"{k} {v}" for k, v in figures["recall_by_slot"].items()))
    return figures


def _merged(tallies: Iterable[Tally]) -> Tally:
    total = Tally()
    for tally in tallies:
        total.agreed += tally.agreed
        total.disputes_right += tally.disputes_right
        total.disputes_wrong += tally.disputes_wrong
        total.gold_disputes += tally.gold_disputes
        total.found_disputes += tally.found_disputes
        total.updates += tally.updates
        total.single += tally.single
        total.wrong += tally.wrong
        total.missed += tally.missed
        total.agreed_wrong += tally.agreed_wrong
        total.single_wrong += tally.single_wrong
    return total

