"""``kroscek eval ner FILE``: entity-level precision / recall / F1 of the shipped Indonesian NER.

FILE is a CoNLL test split that the training never reads: IndoNLU's ``nergrit/test.txt`` or
``nerp/test.txt``, or IndoLEM NER-UI's ``indolem-nerui/test.txt`` (same format, tags PERSON,
LOCATION, ORGANIZATION). Gold labels are mapped to kroscek's types as in training (NERP's food and
beverage type has no counterpart and is left out); scores are CoNLL style (seqeval, exact spans).
Predicted types the corpus does not annotate (events on NERGrit and NER-UI) are counted apart and
not scored as errors of that corpus. ``-o model=PATH`` scores another model file with the same
features (the previous model, say).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table
from seqeval.metrics import classification_report

from kroscek.analyse.entities import crf_tags, spans_from_tags
from kroscek.train.ner import map_label, read_conll

PUBLISHED = {"nergrit": "IndoBERT-large 77.6, best published 79.9", "nerp": "IndoBERT-large 79.3, best published 85.1",
             "indolem-nerui": "IndoBERT 90.1 (5-fold mean), Bi-LSTM-CRF 82.2"}


def _tagger(model: str | Path | None):
    """The shipped tagger, or one opened from ``model``."""
    if model is None:
        return crf_tags
    import pycrfsuite

    from kroscek.analyse.entities import token_features

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return lambda words: list(tagger.tag(token_features(words))) if words else []


def without_types(tags: list[str], kinds: set[str]) -> list[str]:
    """The tags with every span of a type outside ``kinds`` turned to O."""
    kept = ["O"] * len(tags)
    for kind, start, end in spans_from_tags(tags):
        if kind in kinds:
            kept[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 1)
    return kept


def score(path: Path, model: str | Path | None = None) -> tuple[dict, Counter]:
    """seqeval's report on the corpus's own types, and the predicted spans of other types."""
    tag = _tagger(model)
    gold, predicted = [], []
    for words, labels in read_conll(Path(path)):
        gold.append([map_label(label) for label in labels])
        predicted.append(tag(words))
    kinds = {kind for tags in gold for kind, _, _ in spans_from_tags(tags)}
    foreign = Counter(kind for tags in predicted for kind, _, _ in spans_from_tags(tags) if kind not in kinds)
    predicted = [without_types(tags, kinds) for tags in predicted]
    report = classification_report(gold, predicted, output_dict=True, zero_division=0)
    report["sentences"] = len(gold)
    return report, foreign


def main(path: Path, model: str | None = None) -> dict:
    report, foreign = score(Path(path), model)
    sentences = report.pop("sentences")
    title = f"NER on {path} ({sentences} sentences), entity level" + (f", model {model}" if model else "")
    table = Table(title=title)
    for column in ("type", "precision", "recall", "F1", "gold entities"):
        table.add_column(column, justify="right" if column != "type" else "left")
    figures: dict = {"sentences": sentences, "types": {}, "other_types": dict(foreign)}
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
    captions = []
    dataset = Path(path).parent.name
    if dataset in PUBLISHED:
        captions.append(f"Published F1 on {dataset}: {PUBLISHED[dataset]}")
    if foreign:
        captions.append("Predicted types this corpus does not annotate (not scored): "
                        + ", ".join(f"{kind} {count}" for kind, count in sorted(foreign.items())))
    table.caption = "\n".join(captions) or None
    Console().print(table)
    return figures
