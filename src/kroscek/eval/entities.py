"""``kroscek eval entities data/entities/seeds.json``: entity resolution against an answer key.

The key lists real entities and the spellings the articles use for each; spellings that do not
occur in the articles' text are left out. The articles are run through the pipeline and
resolved; each spelling lands in the entities whose name or aliases hold it. Figures:
- found: key entities with at least one spelling in some entity;
- pairwise recall: pairs of spellings of one key entity that land in one entity (a spelling
  that lands nowhere misses all its pairs);
- pairwise precision: of the spelling pairs put in one entity, those of one key entity;
- typed: key entities found with the key's type (PER, ORG, LOC), the type of the entities
  holding their spellings (a key entity split over entities of two types is typed wrong); the
  ones typed wrong are listed.
The baseline puts every distinct spelling (casefolded) in its own entity, typed by the tag its
mentions get most often (the tagger alone, without resolution).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
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


def typed(key: dict[str, list[str]], types: dict[str, str], placement: Placement,
          entity_types: dict[str, str]) -> tuple[float, list[str]]:
    """Share of key entities found whose every holding entity has the key's type, and the others
    as "name: got TYPES, key TYPE" (a key entity without a type is left out)."""
    wrong, judged = [], 0
    for name, spellings in key.items():
        held = {entity for s in spellings for entity in placement.get(s, ())}
        if name not in types or not held:
            continue
        judged += 1
        got = sorted({entity_types[e] for e in held})
        if got != [types[name]]:
            wrong.append(f"{name}: got {'/'.join(got)}, key {types[name]}")
    return (judged - len(wrong)) / judged if judged else 1.0, wrong


def main(path: Path, data: str | None = None) -> dict:
    answer = json.loads(Path(path).read_text(encoding="utf-8"))
    folder = shared_data_dir(Path(path), data).parent / answer["source"]
    articles = [analyse(item) for item in read_paths([folder]) if isinstance(item, Document)]
    text = name_key(" ".join(a.title + " " + a.text for a in articles))
    key = {e["name"]: [s for s in e["spellings"] if f" {name_key(s)} " in f" {text} "] for e in answer["entities"]}
    key = {name: spellings for name, spellings in key.items() if spellings}
    tags: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        for mention in article.mentions:
            tags[name_key(mention.text)][mention.type] += 1
    system: Placement = {}
    system_types: dict[str, str] = {}
    for entity in resolve_entities(articles):
        system_types[entity.id] = entity.type
        for spelling in {name_key(n) for n in (entity.name, *entity.aliases)}:
            system.setdefault(spelling, set()).add(entity.id)
    baseline: Placement = {s: {s} for s in tags}
    baseline_types = {s: counts.most_common(1)[0][0] for s, counts in tags.items()}
    by_spelling = {name: [name_key(s) for s in spellings] for name, spellings in key.items()}
    types = {e["name"]: e["type"] for e in answer["entities"] if e.get("type")}
    figures: dict = {"kroscek": score(by_spelling, system), "baseline": score(by_spelling, baseline), "entities": len(key)}
    for name, placement, entity_types in (("kroscek", system, system_types), ("baseline", baseline, baseline_types)):
        figures[name]["typed"], figures[name]["typed_wrong"] = typed(by_spelling, types, placement, entity_types)
    table = Table(title=f"Entity resolution on {folder.name} ({len(key)} key entities, {figures['kroscek']['pairs']} same-entity pairs)")
    for column in ("system", "found", "pairwise precision", "pairwise recall", "typed"):
        table.add_column(column)
    for name in ("kroscek", "baseline"):
        row = figures[name]
        table.add_row(name if name == "kroscek" else "baseline: one entity per spelling, its commonest tag",
                      f"{row['found']:.3f}", f"{row['pairwise_precision']:.3f}", f"{row['pairwise_recall']:.3f}",
                      f"{row['typed']:.3f}")
    console = Console()
    console.print(table)
    for name in ("kroscek", "baseline"):
        for line in figures[name]["typed_wrong"]:
            console.print(f"typed wrong ({name}): {line}", highlight=False)
    return figures
