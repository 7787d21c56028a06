"""``kroscek eval ner FILE``: entity-level precision / recall / F1 of the shipped Indonesian NER.

The default mode's tagger (the CRF, and the encoder CRF on the sentences the CRF is unsure of:
``analyse.entities.tag_sentences``) is scored, with ``--fast``'s tagger (the CRF alone) beside it
as the baseline.

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

from kroscek.analyse.entities import spans_from_tags, tag_sentences
from kroscek.train.ner import map_label, read_conll

PUBLISHED = {"nergrit": "IndoBERT-large 77.6, best published 79.9", "nerp": "IndoBERT-large 79.3, best published 85.1",
             "indolem-nerui": "IndoBERT 90.1 (5-fold mean), Bi-LSTM-CRF 82.2"}


def _tagger(model: str | Path | None, encoder: bool = True):
    """The shipped tagger of a mode (``encoder``: the default mode's) over a list of sentences, or
    the CRF opened from ``model``."""
    if model is None:
        return lambda sentences: tag_sentences(sentences, encoder=encoder)
    import pycrfsuite

    from kroscek.analyse.entities import token_features

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return lambda sentences: [list(tagger.tag(token_features(words))) if words else [] for words in sentences]


def without_types(tags: list[str], kinds: set[str]) -> list[str]:
    """The tags with every span of a type outside ``kinds`` turned to O."""
    kept = ["O"] * len(tags)
    for kind, start, end in spans_from_tags(tags):
        if kind in kinds:
            kept[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 1)
    return kept


def score(path: Path, model: str | Path | None = None, encoder: bool = True) -> tuple[dict, Counter]:
    """seqeval's report on the corpus's own types, and the predicted spans of other types."""
    sentences = list(read_conll(Path(path)))
    gold = [[map_label(label) for label in labels] for _, labels in sentences]
    predicted = _tagger(model, encoder)([words for words, _ in sentences])
    kinds = {kind for tags in gold for kind, _, _ in spans_from_tags(tags)}
    foreign = Counter(kind for tags in predicted for kind, _, _ in spans_from_tags(tags) if kind not in kinds)
    predicted = [without_types(tags, kinds) for tags in predicted]
    report = classification_report(gold, predicted, output_dict=True, zero_division=0)
    report["sentences"] = len(gold)
    return report, foreign


def _figures(report: dict) -> dict:
    figures: dict = {"types": {}}
    for kind, scores in report.items():
        if kind in ("macro avg", "weighted avg", "sentences"):
            continue
        row = {"precision": scores["precision"], "recall": scores["recall"], "f1": scores["f1-score"], "support": int(scores["support"])}
        if kind == "micro avg":
            figures["overall"] = row
        else:
            figures["types"][kind] = row
    return figures


def main(path: Path, model: str | None = None) -> dict:
    """The default mode's tagger (or ``model``) and, beside it, ``--fast``'s CRF alone."""
    report, foreign = score(Path(path), model)
    baseline = _figures(score(Path(path), encoder=False)[0])
    sentences = report.pop("sentences")
    title = (f"NER on {path} ({sentences} sentences), entity level: " + (f"model {model}" if model else "the default mode's tagger")
             + " | --fast's CRF alone")
    table = Table(title=title)
    for column in ("type", "precision", "recall", "F1", "gold entities", "F1 (--fast)"):
        table.add_column(column, justify="right" if column != "type" else "left")
    figures = {"sentences": sentences, **_figures(report), "other_types": dict(foreign), "fast": baseline}
    for kind, row in [*figures["types"].items(), ("overall", figures["overall"])]:
        fast = baseline["overall"] if kind == "overall" else baseline["types"].get(kind, {"f1": 0.0})
        table.add_row(kind, f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}", str(row["support"]), f"{fast['f1']:.3f}")
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
