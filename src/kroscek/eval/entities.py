"""``kroscek eval entities data/entities/seeds.json``: entity resolution against an answer key.

The key lists real entities and the spellings the articles use for each; spellings that do not
occur in the articles' text are left out. The articles are run through the pipeline and
resolved; each spelling lands in the entities whose name or aliases hold it. Figures:
- found: key entities with at least one spelling in some entity;
- pairwise recall: pairs of spellings of one key entity that land in one entity (a spelling
  that lands nowhere misses all its pairs);
- pairwise precision: of the spelling pairs put in one entity, those of one key entity.
The baseline puts every distinct spelling (casefolded) in its own entity.
"""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kroscek.eval import shared_data_dir
from kroscek.ingest import read_paths
from kroscek.match.entities import resolve_entities
from kroscek.text.fold import name_key
from kroscek.model import Document
from kroscek.pipeline import analyse

Placement = dict[str, set[str]]  # spelling -> the ids of the entities holding it


def score(key: dict[str, list[str]], placement: Placement) -> dict[str, float]:
    """Found share, pairwise precision and recall of one placement of the key's spellings."""
    owner = {spelling: name for name, spellings in key.items() for spelling in spellings}
    placed = [s for s in owner if placement.get(s)]
    together = [(a, b) for a, b in combinations(placed, 2) if placement[a] & placement[b]]
    should = [(a, b) for a, b in combinations(owner, 2) if owner[a] == owner[b]]
    right = [pair for pair in together if owner[pair[0]] == owner[pair[1]]]
    return {
        "found": sum(any(placement.get(s) for s in spellings) for spellings in key.values()) / len(key),
        "pairwise_precision": len(right) / len(together) if together else 1.0,
        "pairwise_recall": len(right) / len(should) if should else 1.0,
        "pairs": len(should),
    }


def main(path: Path, data: str | None = None) -> dict:
    answer = json.loads(Path(path).read_text(encoding="utf-8"))
    folder = shared_data_dir(Path(path), data).parent / answer["source"]
    articles = [analyse(item) for item in read_paths([folder]) if isinstance(item, Document)]
    text = name_key(" ".join(a.title + " " + a.text for a in articles))
    key = {e["name"]: [s for s in e["spellings"] if f" {name_key(s)} " in f" {text} "] for e in answer["entities"]}
    key = {name: spellings for name, spellings in key.items() if spellings}
    mentioned = {name_key(m.text) for a in articles for m in a.mentions}
    system: Placement = {}
    for entity in resolve_entities(articles):
        for spelling in {name_key(n) for n in (entity.name, *entity.aliases)}:
            system.setdefault(spelling, set()).add(entity.id)
    baseline: Placement = {s: {s} for s in mentioned}
    by_spelling = {name: [name_key(s) for s in spellings] for name, spellings in key.items()}
    figures = {"kroscek": score(by_spelling, system), "baseline": score(by_spelling, baseline), "entities": len(key)}
    table = Table(title=f"Entity resolution on {folder.name} ({len(key)} key entities, {figures['kroscek']['pairs']} same-entity pairs)")
    for column in ("system", "found", "pairwise precision", "pairwise recall"):
        table.add_column(column)
    for name in ("kroscek", "baseline"):
        row = figures[name]
        table.add_row(name if name == "kroscek" else "baseline: one entity per spelling",
                      f"{row['found']:.3f}", f"{row['pairwise_precision']:.3f}", f"{row['pairwise_recall']:.3f}")
    Console().print(table)
    return figures
