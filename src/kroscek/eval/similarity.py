"""`kroscek eval similarity pairs.csv`: pair similarity against human ratings (SemEval-2022 task 8).

Prints Pearson of each similarity against -Overall (1 = very similar .. 4 = very dissimilar) for
all pairs, same-language and cross-language pairs: kroscek's combined similarity, a TF-IDF cosine
baseline and the raw e5 cosine. The combiner is trained on a fixed split: a pair is held out when
the first byte of sha1(pair_id) is below 86 (about a third); figures are given on the held-out
pairs and on all pairs. ``train=1`` refits the combiner on the other pairs and writes
``resources/similarity/combiner.json``. Embeddings are cached by content hash in
``$KROSCEK_CACHE`` (default ~/.cache/kroscek).
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from kroscek.analyse.embed import Embedder, FileCache, default_cache_dir, passage
from kroscek.match.similarity import FEATURES, Combiner, KeyWeights, pair_features, profile

COMBINER_PATH = Path(__file__).resolve().parents[1] / "resources" / "similarity" / "combiner.json"
HELD_OUT_BELOW = 86  # first byte of sha1(pair_id) below this: held-out pair
RIDGE_ALPHA = 1.0


@dataclass
class Pair:
    pair_id: str
    languages: tuple[str, str]
    texts: tuple[str, str]
    overall: float

    @property
    def held_out(self) -> bool:
        return hashlib.sha1(self.pair_id.encode()).digest()[0] < HELD_OUT_BELOW

    @property
    def cross_language(self) -> bool:
        return self.languages[0] != self.languages[1]


def read_pairs(path: Path) -> list[Pair]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Pair(row["pair_id"], (row["lang1"], row["lang2"]), (row["text1"], row["text2"]), float(row["Overall"]))
            for row in csv.DictReader(handle)
        ]


def title_and_body(text: str) -> tuple[str, str]:
    """The scraped texts put the title first, two spaces before the body (when there is one)."""
    title, separator, body = text.partition("  ")
    return (title.strip(), body) if separator else ("", text)


def encoder_cosines(pairs: list[Pair], embedder: Embedder) -> np.ndarray:
    left = embedder.embed_texts([passage(*title_and_body(p.texts[0])) for p in pairs])
    right = embedder.embed_texts([passage(*title_and_body(p.texts[1])) for p in pairs])
    return np.sum(left * right, axis=1)


def tfidf_cosines(pairs: list[Pair]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(sublinear_tf=True).fit([t for p in pairs for t in p.texts])
    left = vectorizer.transform([p.texts[0] for p in pairs])
    right = vectorizer.transform([p.texts[1] for p in pairs])
    return np.asarray(left.multiply(right).sum(axis=1)).ravel()


def feature_matrix(pairs: list[Pair], cosines: np.ndarray) -> np.ndarray:
    left = [profile(*title_and_body(p.texts[0])) for p in pairs]
    right = [profile(*title_and_body(p.texts[1])) for p in pairs]
    weights = KeyWeights(left + right)
    return np.array([pair_features(a, b, float(c), weights) for a, b, c in zip(left, right, cosines)])


def fit_combiner(features: np.ndarray, target: np.ndarray) -> Combiner:
    """Ridge regression of -Overall on the standardised features."""
    from sklearn.linear_model import Ridge

    mean, scale = features.mean(axis=0), features.std(axis=0) + 1e-9
    model = Ridge(alpha=RIDGE_ALPHA).fit((features - mean) / scale, target)
    return Combiner(tuple(mean.tolist()), tuple(scale.tolist()), tuple(model.coef_.tolist()), float(model.intercept_))


def pearson(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.corrcoef(x, y)[0, 1]) if len(x) > 2 else float("nan")


def main(path: Path, train: str = "0", **_: str) -> dict:
    """Print and return Pearson against -Overall for kroscek, TF-IDF and the raw encoder."""
    pairs = read_pairs(Path(path))
    cache = FileCache(default_cache_dir() / "e5.npz")
    cosines = encoder_cosines(pairs, Embedder(cache))
    cache.save()
    features = feature_matrix(pairs, cosines)
    target = -np.array([p.overall for p in pairs])
    held_out = np.array([p.held_out for p in pairs])
    if train not in ("0", "", "false"):
        combiner = fit_combiner(features[~held_out], target[~held_out])
        COMBINER_PATH.write_text(json.dumps(combiner.to_dict(), indent=1) + "\n", encoding="utf-8")
    from kroscek.match.similarity import combiner as shipped

    shipped.cache_clear()
    scores = {"kroscek": shipped().score(features), "TF-IDF cosine": tfidf_cosines(pairs), "e5 cosine": cosines}
    cross = np.array([p.cross_language for p in pairs])
    subsets = {
        "held-out all": held_out,
        "held-out same-lang": held_out & ~cross,
        "held-out cross-lang": held_out & cross,
        "all pairs": np.ones(len(pairs), dtype=bool),
        "all same-lang": ~cross,
        "all cross-lang": cross,
    }
    results: dict = {"pairs": len(pairs), "held_out": int(held_out.sum()), "features": list(FEATURES), "pearson": {}}
    table = Table(title=f"Pearson vs -Overall ({len(pairs)} pairs, {int(held_out.sum())} held out)")
    table.add_column("similarity")
    for name, mask in subsets.items():
        table.add_column(f"{name} (n={int(mask.sum())})", justify="right")
    for method, values in scores.items():
        row = {name: round(pearson(values[mask], target[mask]), 3) for name, mask in subsets.items()}
        results["pearson"][method] = row
        table.add_row(method, *(f"{v:.3f}" for v in row.values()))
    Console().print(table)
    return results
