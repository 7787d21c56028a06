"""Train the Indonesian NER model that ships in ``resources/ner/`` (``make train-ner``).

Training data: the train and valid splits of IndoNLU's NERGrit and NERP (Apache-2.0) and the
train split of IndoLEM's NER-UI (CC BY 4.0; its dev split is kept for tuning), their labels
mapped to kroscek's types; the test splits are never read here. When the ``nlp-id`` package's
POS-tagged news corpus (MIT) is found, the proper-noun lexicon is rebuilt from it first;
otherwise the shipped lexicon is used as is.

The gazetteer (``gazetteer-id.tsv``: institutions, ministries, parties, companies, clubs, places
and people named in the training data, each kept only where the words are that entity at least
half the times they occur) is rebuilt from the same sentences. The CRF sees it as a feature; so
that it does not learn to trust a list that holds every training name, each fifth of the
training sentences is tagged with the gazetteer built from the other four fifths. NERP is all
lower case and leaves parties, ministries and police untagged, where NERGrit and NER-UI tag them
as organisations: its names are listed apart, the cased corpora's winning (``corpus_gazetteer``),
and its sentences give their word features a second time under their own names
(``UNCASED_COPIES`` in ``analyse.entities``).

    python -m kroscek.train.ner [--data ../shared/data/indonlu-ner] [--nerui ../shared/data/indolem-nerui]
                                [--postag PATH] [--out DIR]
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pycrfsuite

from kroscek.analyse.entities import (ENCODER_HEAD, ENCODER_MODEL, GAZETTEER_SPAN, clear_feature_caches, curated_gazetteer, gazetteer,
                                      is_cased, proper_noun_rates, spans_from_tags, token_features, with_encoder)

DATASETS = ("nergrit", "nerp")
TRAIN_SPLITS = ("train", "valid")
NERUI_SPLITS = ("train",)
FOLDS = 5
GAZETTEER_HEADER = ("# Names the training data of kroscek's Indonesian NER tags as entities (casefolded, TAB, type):\n"
                    "# IndoNLU NERGrit and NERP (Apache-2.0), IndoLEM NER-UI (CC BY 4.0). Rebuilt by make train-ner.\n")
LABELS = {"PERSON": "PER", "PPL": "PER", "ORGANISATION": "ORG", "ORGANIZATION": "ORG", "IND": "ORG", "PLACE": "LOC",
          "PLC": "LOC", "LOCATION": "LOC", "EVT": "EVT"}
CRF_PARAMS = {"c1": 0.2, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}
HEAD_PARAMS = {"C": 0.1, "max_iter": 300}  # the logistic regression over e5 word states
STATES_CHUNK = 500  # sentences whose e5 states are computed at once
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


def training_sentences(data: Path, nerui: Path | None = None) -> list[tuple[list[str], list[str]]]:
    """(words, kroscek labels) of every training sentence."""
    paths = [data / dataset / f"{split}.txt" for dataset in DATASETS for split in TRAIN_SPLITS]
    if nerui is not None and nerui.is_dir():
        paths += [nerui / f"{split}.txt" for split in NERUI_SPLITS]
    return [(words, [map_label(label) for label in labels]) for path in paths for words, labels in read_conll(path)]


def build_gazetteer(sentences: list[tuple[list[str], list[str]]], min_share: float = 0.5) -> dict[tuple[str, ...], str]:
    """Every name tagged in the sentences, with its most frequent type, kept where the words are
    tagged as that entity in at least ``min_share`` of the times they occur."""
    kinds: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for words, labels in sentences:
        lowers = [w.casefold() for w in words]
        for kind, start, end in spans_from_tags(labels):
            if end - start <= GAZETTEER_SPAN and any(c.isalpha() for w in lowers[start:end] for c in w):
                kinds[tuple(lowers[start:end])][kind] += 1
    seen: Counter[tuple[str, ...]] = Counter()
    for words, _ in sentences:
        lowers = [w.casefold() for w in words]
        for i in range(len(lowers)):
            for n in range(1, min(GAZETTEER_SPAN, len(lowers) - i) + 1):
                if (key := tuple(lowers[i:i + n])) in kinds:
                    seen[key] += 1
    names = {}
    for key, count in kinds.items():
        kind, tagged = count.most_common(1)[0]
        if tagged >= min_share * seen[key]:
            names[key] = kind
    return names


def corpus_gazetteer(sentences: list[tuple[list[str], list[str]]]) -> dict[tuple[str, ...], str]:
    """The gazetteer of cased and all-lower-case sentences built apart, the cased names winning:
    NERP (lower case) leaves parties, ministries and police untagged ("golkar" tagged in 14 of
    its 150 times), which would keep them out of a list built from all the sentences at once."""
    cased = [s for s in sentences if is_cased(s[0])]
    return {**build_gazetteer([s for s in sentences if not is_cased(s[0])]), **build_gazetteer(cased)}


def write_gazetteer(names: dict[tuple[str, ...], str], path: Path) -> None:
    path.write_text(GAZETTEER_HEADER + "".join(f"{' '.join(key)}\t{kind}\n" for key, kind in sorted(names.items())), encoding="utf-8")


def write_clusters(out: Path, k: int = 256, iterations: int = 20) -> None:
    """Cluster the static word vectors (``resources/embeddings/static-e5.npz``) with k-means
    (seed 0) and write each word's cluster to ``clusters-id.tsv`` (``--clusters``)."""
    import numpy as np

    from kroscek.analyse.entities import word_clusters

    store = np.load(Path(__file__).resolve().parents[1] / "resources" / "embeddings" / "static-e5.npz")
    vectors = store["vectors"].astype(np.float32) * store["scales"][:, None]
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    centres = vectors[np.random.default_rng(0).choice(len(vectors), k, replace=False)]
    for _ in range(iterations):
        nearest = (vectors @ centres.T).argmax(1)
        for j in range(k):
            if (members := nearest == j).any():
                mean = vectors[members].mean(0)
                centres[j] = mean / (np.linalg.norm(mean) + 1e-9)
    nearest = (vectors @ centres.T).argmax(1)
    lines = "".join(f"{word}\t{j}\n" for word, j in zip(store["words"], nearest))
    (out / "clusters-id.tsv").write_text(f"# k-means clusters (k={k}) of the static word vectors in resources/embeddings/static-e5.npz\n{lines}", encoding="utf-8")
    word_clusters.cache_clear()


def _append_folds(trainer: pycrfsuite.Trainer, sentences: list[tuple[list[str], list[str]]],
                  probabilities: list[np.ndarray] | None = None, classes: tuple[str, ...] = ()) -> None:
    """Each sentence's features for the trainer, its gazetteer names from the other folds; with
    ``probabilities`` (out of fold too), the e5 head's class probabilities added."""
    curated = curated_gazetteer()
    for fold in range(FOLDS):
        others = corpus_gazetteer([s for i, s in enumerate(sentences) if i % FOLDS != fold])
        for i in range(fold, len(sentences), FOLDS):
            words, labels = sentences[i]
            features = token_features(words, {**curated, **others})
            trainer.append(with_encoder(features, probabilities[i], classes) if probabilities is not None else features, labels)


def sentence_states(sentences: list[tuple[list[str], list[str]]]) -> list[np.ndarray]:
    """The e5 word states (``wordstates.LAYERS``) of every sentence's words."""
    from kroscek.analyse.wordstates import encoder

    states: list[np.ndarray] = []
    for start in range(0, len(sentences), STATES_CHUNK):
        states += encoder().word_states([words for words, _ in sentences[start:start + STATES_CHUNK]])
        print(f"e5 word states: {len(states)} of {len(sentences)} sentences", flush=True)
    return states


def fit_head(states: list[np.ndarray], labels: list[list[str]]):
    """The logistic regression from a word's e5 states to its BIO class."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(**HEAD_PARAMS).fit(np.concatenate(states), np.concatenate(labels))


def out_of_fold(states: list[np.ndarray], labels: list[list[str]]) -> tuple[list[np.ndarray], tuple[str, ...]]:
    """Each sentence's class probabilities from a head fitted on the other folds (as the CRF will
    meet them on text the head never saw), and the classes in order."""
    probabilities: list[np.ndarray] = [np.empty(0)] * len(states)
    classes: tuple[str, ...] = ()
    for fold in range(FOLDS):
        fitted = [i for i in range(len(states)) if i % FOLDS != fold]
        head = fit_head([states[i] for i in fitted], [labels[i] for i in fitted])
        classes = tuple(head.classes_)
        for i in range(fold, len(states), FOLDS):
            probabilities[i] = head.predict_proba(states[i])
        print(f"e5 head, fold {fold + 1} of {FOLDS}", flush=True)
    return probabilities, classes


def train_encoder(sentences: list[tuple[list[str], list[str]]], out: Path, states: list[np.ndarray] | None = None,
                  params: dict | None = None) -> Path:
    """Train the encoder CRF (``id-e5.crfsuite``: the CRF's features and the e5 head's class
    probabilities of each word and its neighbours) and the head (``e5-head.npz``) into ``out``."""
    states = states if states is not None else sentence_states(sentences)
    labels = [labels for _, labels in sentences]
    probabilities, classes = out_of_fold(states, labels)
    trainer = pycrfsuite.Trainer(verbose=False)
    _append_folds(trainer, sentences, probabilities, classes)
    trainer.set_params(params or CRF_PARAMS)
    model = out / ENCODER_MODEL
    trainer.train(str(model))
    head = fit_head(states, labels)
    np.savez(out / ENCODER_HEAD, weights=head.coef_.astype(np.float32), bias=head.intercept_.astype(np.float32),
             classes=np.array(head.classes_, dtype=str))
    print(f"trained the encoder CRF on {len(sentences)} sentences -> {model} ({model.stat().st_size // 1024} KiB)")
    return model


def train(data: Path, out: Path, nerui: Path | None = None, params: dict | None = None) -> Path:
    """Train the CRF on every training split, write ``gazetteer-id.tsv`` and ``id.crfsuite`` into ``out``."""
    clear_feature_caches()  # the lexicon and clusters may have been rebuilt since a word was last seen
    sentences = training_sentences(data, nerui)
    names = corpus_gazetteer(sentences)
    trainer = pycrfsuite.Trainer(verbose=False)
    _append_folds(trainer, sentences)
    trainer.set_params(params or CRF_PARAMS)
    model = out / "id.crfsuite"
    trainer.train(str(model))
    write_gazetteer(names, out / "gazetteer-id.tsv")
    print(f"trained on {len(sentences)} sentences -> {model} ({model.stat().st_size // 1024} KiB), "
          f"gazetteer {len(names)} names")
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/indonlu-ner"))
    parser.add_argument("--nerui", type=Path, default=Path("../shared/data/indolem-nerui"))
    parser.add_argument("--clusters", action="store_true", help="recompute the word clusters first")
    parser.add_argument("--postag", type=Path, default=None, help="nlp-id's dataset_postag.txt")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--no-encoder", action="store_true", help="leave the encoder CRF (id-e5.crfsuite) as it is")
    args = parser.parse_args()
    postag = args.postag or default_postag()
    if postag:
        lexicon = proper_noun_lexicon(postag)
        write_lexicon(lexicon, args.out / "proper-nouns-id.tsv")
        proper_noun_rates.cache_clear()
        print(f"proper-noun lexicon: {len(lexicon)} words from {postag}")
    if args.clusters:
        write_clusters(args.out)
    gazetteer.cache_clear()
    train(args.data, args.out, args.nerui)
    if not args.no_encoder:
        train_encoder(training_sentences(args.data, args.nerui), args.out)


if __name__ == "__main__":
    main()
