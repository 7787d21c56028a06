"""Train the Indonesian NER model that ships in ``resources/ner/`` (``make train-ner``).

Training data: the train and valid splits of IndoNLU's NERGrit and NERP (Apache-2.0), their
labels mapped to kroscek's types; the test splits are never read here. When the ``nlp-id``
package's POS-tagged news corpus (MIT) is found, the proper-noun lexicon is rebuilt from it
first; otherwise the shipped lexicon is used as is.

    python -m kroscek.train.ner [--data ../shared/data/indonlu-ner] [--postag PATH] [--out DIR]
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pycrfsuite

from kroscek.analyse.entities import proper_noun_rates, token_features

DATASETS = ("nergrit", "nerp")
TRAIN_SPLITS = ("train", "valid")
LABELS = {"PERSON": "PER", "PPL": "PER", "ORGANISATION": "ORG", "ORGANIZATION": "ORG", "IND": "ORG", "PLACE": "LOC",
          "PLC": "LOC", "LOCATION": "LOC", "EVT": "EVT"}
CRF_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 200, "feature.possible_transitions": True}
OUT = Path(__file__).resolve().parents[1] / "resources" / "ner"


def map_label(label: str) -> str:
    """A dataset's BIO label in kroscek's types (PER, ORG, LOC, EVT); other types become O."""
    if label == "O" or "-" not in label:
        return "O"
    prefix, kind = label.split("-", 1)
    return f"{prefix}-{LABELS[kind]}" if kind in LABELS else "O"


def read_conll(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """(words, labels) of every sentence in a tab-separated CoNLL file."""
    words: list[str] = []
    labels: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            word, label = line.rsplit("\t", 1) if "\t" in line else line.rsplit(" ", 1)
            words.append(word)
            labels.append(label.strip())
        elif words:
            yield words, labels
            words, labels = [], []


def default_postag() -> Path | None:
    """The nlp-id POS corpus when that package is installed."""
    try:
        import nlp_id
    except ImportError:
        return None
    path = Path(nlp_id.__file__).parent / "data" / "dataset_postag.txt"
    return path if path.exists() else None


def proper_noun_lexicon(postag: Path, min_count: int = 2) -> dict[str, str]:
    """Each word's share of proper-noun tags in the POS corpus, in buckets ("hi", "mid", "lo")."""
    counts: dict[str, Counter[bool]] = defaultdict(Counter)
    for words, tags in read_conll(postag):
        for word, tag in zip(words, tags):
            counts[word.casefold()][tag == "NNP"] += 1
    lexicon = {}
    for word, count in counts.items():
        total = count[True] + count[False]
        if total >= min_count and not any(c.isspace() for c in word):
            share = count[True] / total
            lexicon[word] = "hi" if share >= 0.8 else "mid" if share >= 0.2 else "lo"
    return lexicon


def write_lexicon(lexicon: dict[str, str], path: Path) -> None:
    path.write_text("".join(f"{word}\t{bucket}\n" for word, bucket in sorted(lexicon.items())), encoding="utf-8")


def train(data: Path, out: Path) -> Path:
    """Train the CRF on every train/valid split and write ``id.crfsuite`` into ``out``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    sentences = 0
    for dataset in DATASETS:
        for split in TRAIN_SPLITS:
            for words, labels in read_conll(data / dataset / f"{split}.txt"):
                trainer.append(token_features(words), [map_label(label) for label in labels])
                sentences += 1
    trainer.set_params(CRF_PARAMS)
    model = out / "id.crfsuite"
    trainer.train(str(model))
    print(f"trained on {sentences} sentences -> {model} ({model.stat().st_size // 1024} KiB)")
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/indonlu-ner"))
    parser.add_argument("--postag", type=Path, default=None, help="nlp-id's dataset_postag.txt")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    postag = args.postag or default_postag()
    if postag:
        lexicon = proper_noun_lexicon(postag)
        write_lexicon(lexicon, args.out / "proper-nouns-id.tsv")
        proper_noun_rates.cache_clear()
        print(f"proper-noun lexicon: {len(lexicon)} words from {postag}")
    train(args.data, args.out)


if __name__ == "__main__":
    main()
