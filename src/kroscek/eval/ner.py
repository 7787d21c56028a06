"""``kroscek eval ner FILE``: entity-level precision / recall / F1 of the shipped Indonesian NER.

FILE is a CoNLL test split of IndoNLU (``nergrit/test.txt`` or ``nerp/test.txt``), which the
training never reads. Gold labels are mapped to kroscek's types as in training (NERP's food and
beverage type has no counterpart and is left out); scores are CoNLL style (seqeval, exact spans).
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table
from seqeval.metrics import classification_report

from kroscek.analyse.entities import crf_tags
from kroscek.train.ner import map_label, read_conll

PUBLISHED = {"nergrit": "IndoBERT-large 77.6, best published 79.9", "nerp": "IndoBERT-large 79.3, best published 85.1"}


def main(path: Path) -> dict:
    gold, predicted = [], []
    for words, labels in read_conll(Path(path)):
        gold.append([map_label(label) for label in labels])
        predicted.append(crf_tags(words))
    report = classification_report(gold, predicted, output_dict=True, zero_division=0)
    table = Table(title=f"NER on {path} ({len(gold)} sentences), entity level")
    for column in ("type", "precision", "recall", "F1", "gold entities"):
        table.add_column(column, justify="right" if column != "type" else "left")
    figures: dict = {"sentences": len(gold), "types": {}}
    for kind, scores in report.items():
        if kind in ("macro avg", "weighted avg"):
            continue
        row = {"precision": scores["precision"], "recall": scores["recall"], "f1": scores["f1-score"], "support": int(scores["support"])}
        if kind == "micro avg":
            figures["overall"] = row
            kind = "overall"
        else:
            figures["types"][kind] = row
        table.add_row(kind, f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}", str(row["support"]))
    dataset = Path(path).parent.name
    if dataset in PUBLISHED:
        table.caption = f"Published F1 on {dataset}: {PUBLISHED[dataset]}"
    Console().print(table)
    return figures
