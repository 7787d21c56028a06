"""Claim alignment and disputes against labelled claim pairs (``data/claims/pairs.json``).

Each story of the file lists its articles and labelled sentence pairs (agree / differ /
unrelated). kroscek aligns the story's claims; a labelled pair is *aligned* when both sentences
end up in one group, and *disputed* when that group is disputed. Every ``differ`` pair of a
story is labelled, so any other disputed pair found there counts as a false alarm.

Articles are materialised at run time: ``repo`` paths from this repository, ``shared`` paths
from the shared data folder (option ``shared=DIR``, default ``../shared`` beside the repo),
``written`` articles from the file itself (``detik_id`` picks a row of detik-1000's CSV). The baseline aligns by mutual-best embedding
cosine above ``BASELINE_COSINE`` and calls any aligned pair whose numbers differ disputed.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table

from kroscek.analyse.dates import find_event_dates
from kroscek.analyse.language import detect_language
from kroscek.analyse.sentences import split_sentences
from kroscek.clean import clean
from kroscek.compare.claims import ClaimGroup, align_claims, claim_vectors, extract_claims
from kroscek.eval import encoder_for
from kroscek.ingest import read_paths
from kroscek.model import Article, Document, Sentence

BASELINE_COSINE = 0.9
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
Ref = tuple[str, int]


def _from_document(key: str, doc: Document) -> Article:
    cleaned = clean(doc)
    language = doc.language or detect_language(cleaned.title + "\n" + "\n".join(cleaned.paragraphs))
    sentences = split_sentences(cleaned.paragraphs, language)
    page = date.fromisoformat(cleaned.published[:10]) if cleaned.published else None
    return Article(key, doc.source, cleaned.title, "\n\n".join(cleaned.paragraphs), url=doc.url, outlet=cleaned.outlet,
                   language=language, published=cleaned.published, sentences=sentences,
                   event_dates=find_event_dates(sentences, page, language), warnings=cleaned.warnings)


def _written(key: str, data: dict[str, Any]) -> Article:
    sentences = [Sentence(i, text, 0) for i, text in enumerate(data["sentences"])]
    page = date.fromisoformat(data["published"])
    return Article(key, key, data["title"], " ".join(data["sentences"]), language=data["language"],
                   published=data["published"], sentences=sentences,
                   event_dates=find_event_dates(sentences, page, data["language"]))


def materialise(key: str, ref: dict[str, Any], repo: Path, shared: Path) -> Article:
    """One labelled-set article, read from where its reference points."""
    if "written" in ref:
        return _written(key, ref["written"])
    path = repo / ref["repo"] if "repo" in ref else shared / ref["shared"]
    if "detik_id" in ref:
        return _from_document(key, _detik_row(path, ref["detik_id"]))
    docs = [d for d in read_paths([path]) if isinstance(d, Document)]
    return _from_document(key, docs[0])


def _detik_row(path: Path, row_id: str) -> Document:
    with path.open(encoding="utf-8") as handle:
        row = next(r for r in csv.DictReader(handle) if r["id"] == row_id)
    return Document(source=row["id"], title=row["judul"], text=row["isi_berita"], published=row["tanggal"])


def _pairs_of(groups: Sequence[ClaimGroup], status: str | None = None) -> set[frozenset[Ref]]:
    """Cross-article sentence pairs sharing a group (of ``status``, when given)."""
    pairs = set()
    for group in groups:
        if status and group.status != status:
            continue
        refs = {(c.article, c.sentence) for c in group.claims}
        pairs |= {frozenset((a, b)) for a in refs for b in refs if a[0] != b[0]}
    return pairs


def baseline(articles: Sequence[Article]) -> tuple[set[frozenset[Ref]], set[frozenset[Ref]]]:
    """(aligned, disputed) sentence pairs by mutual-best cosine and any number mismatch."""
    claims = [extract_claims(a) for a in articles]
    vectors = [claim_vectors(c) if c else np.zeros((0, 384)) for c in claims]
    aligned, disputed = set(), set()
    for x in range(len(articles)):
        for y in range(x + 1, len(articles)):
            cosines = vectors[x] @ vectors[y].T
            for i in range(cosines.shape[0]):
                j = int(cosines[i].argmax()) if cosines.shape[1] else -1
                if j < 0 or int(cosines[:, j].argmax()) != i or cosines[i, j] < BASELINE_COSINE:
                    continue
                a, b = claims[x][i], claims[y][j]
                pair = frozenset(((a.article, a.sentence), (b.article, b.sentence)))
                aligned.add(pair)
                numbers_a, numbers_b = set(_DIGITS.findall(a.text)), set(_DIGITS.findall(b.text))
                if numbers_a and numbers_b and numbers_a != numbers_b:
                    disputed.add(pair)
    return aligned, disputed


def _ratio(hits: int, total: int) -> float:
    return round(hits / total, 3) if total else 0.0


def _figures(labelled: dict[frozenset[Ref], str], aligned: set, disputed: set) -> dict[str, float]:
    gold_aligned = {p for p, label in labelled.items() if label != "unrelated"}
    judged = {p for p in aligned if p in labelled}
    gold_differ = {p for p, label in labelled.items() if label == "differ"}
    return {
        "alignment_precision": _ratio(len(judged & gold_aligned), len(judged)),
        "alignment_recall": _ratio(len(aligned & gold_aligned), len(gold_aligned)),
        "disputed_precision": _ratio(len(disputed & gold_differ), len(disputed)),
        "disputed_recall": _ratio(len(disputed & gold_differ), len(gold_differ)),
        "disputed_found": len(disputed),
    }


def main(path: Path, shared: str | None = None, encoder: str = "e5") -> dict:
    """Print and return the figures; ``encoder=static`` aligns with the static vectors (``--fast``)."""
    embedder = encoder_for(encoder)
    data = json.loads(path.read_text(encoding="utf-8"))
    repo = path.resolve().parents[2]
    shared_dir = Path(shared) if shared else repo.parent / "shared"
    cache: dict[str, Article] = {}
    labelled: dict[frozenset[Ref], str] = {}
    systems = {"kroscek": (set(), set()), "baseline": (set(), set())}
    misses = []
    for story in data["stories"]:
        articles = [cache.setdefault(k, materialise(k, data["articles"][k], repo, shared_dir)) for k in story["articles"]]
        for pair in story["pairs"]:
            labelled[frozenset((tuple(pair["a"]), tuple(pair["b"])))] = pair["label"]
        groups = align_claims(articles, embedder)
        systems["kroscek"][0].update(_pairs_of(groups))
        systems["kroscek"][1].update(_pairs_of(groups, "disputed"))
        aligned, disputed = baseline(articles)
        systems["baseline"][0].update(aligned)
        systems["baseline"][1].update(disputed)
        misses += [f"{story['name']}: {pair['a']} {pair['b']} {pair['label']}" for pair in story["pairs"]
                   if (frozenset((tuple(pair["a"]), tuple(pair["b"]))) in _pairs_of(groups, "disputed"))
                   != (pair["label"] == "differ")]
    results = {name: _figures(labelled, *found) for name, found in systems.items()}
    table = Table(title=f"Claim alignment and disputes ({len(labelled)} labelled pairs, "
                        f"{sum(v == 'differ' for v in labelled.values())} differ; {encoder} vectors)")
    table.add_column("system")
    for key in ("alignment_precision", "alignment_recall", "disputed_precision", "disputed_recall", "disputed_found"):
        table.add_column(key.replace("_", " "), justify="right")
    for name, figures in results.items():
        table.add_row(name, *(str(v) for v in figures.values()))
    console = Console()
    console.print(table)
    for miss in misses:
        console.print(f"  dispute call wrong: {miss}")
    return {"pairs": len(labelled), **results}
