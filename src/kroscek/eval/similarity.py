"""`kroscek eval similarity pairs.csv`: pair similarity against human ratings (SemEval-2022 task 8).

Prints Pearson of each similarity against -Overall (1 = very similar .. 4 = very dissimilar) for
all pairs, same-language and cross-language pairs: kroscek's pair model (``pair_similarity``),
kroscek's link score (the ridge model story clustering uses), a TF-IDF cosine baseline and the
raw e5 and USE cosines. The split is fixed: a pair is held out when the first byte of
sha1(pair_id) is below 86 (400 of the 1,283 pairs), and the models are trained on the other
pairs; figures are given on the held-out pairs and on all pairs (the latter include the
training pairs). ``train=pair`` refits the
pair model on the other pairs (trees with a fixed seed) and writes
``resources/similarity/pair_combiner.json``; ``train=link`` refits the link score
(``combiner.json``, which changes story clustering); ``train=1`` both. Embeddings are cached by
content hash in ``$KROSCEK_CACHE`` (default ~/.cache/kroscek).
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

from kroscek.analyse.embed import Embedder, FileCache, default_cache_dir
from kroscek.match.pair_model import PAIR_FEATURES, TreeCombiner, UseViews, pair_matrix
from kroscek.match.similarity import FEATURES, Combiner, KeyWeights, pair_features, profile

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "similarity"
COMBINER_PATH = RESOURCES / "combiner.json"
PAIR_COMBINER_PATH = RESOURCES / "pair_combiner.json"
HELD_OUT_BELOW = 86  # first byte of sha1(pair_id) below this: held-out pair
RIDGE_ALPHA = 1.0
TREES = {"n_estimators": 300, "max_depth": 2, "learning_rate": 0.03, "subsample": 0.8, "random_state": 0}


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


def tfidf_cosines(pairs: list[Pair]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(sublinear_tf=True).fit([t for p in pairs for t in p.texts])
    left = vectorizer.transform([p.texts[0] for p in pairs])
    right = vectorizer.transform([p.texts[1] for p in pairs])
    return np.asarray(left.multiply(right).sum(axis=1)).ravel()


def sides(pairs: list[Pair]) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(title, text, language) of the left and the right article of each pair."""
    return tuple([(*title_and_body(p.texts[side]), p.languages[side]) for p in pairs] for side in (0, 1))


def feature_matrix(pairs: list[Pair], cosines: np.ndarray) -> np.ndarray:
    """The link score's features (``FEATURES``), given the e5 cosine of each pair."""
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


def fit_pair_combiner(features: np.ndarray, target: np.ndarray) -> TreeCombiner:
    """Gradient-boosted regression trees of -Overall on the pair features (fixed seed)."""
    from sklearn.ensemble import GradientBoostingRegressor

    return TreeCombiner.from_sklearn(GradientBoostingRegressor(**TREES).fit(features, target))


def pearson(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.corrcoef(x, y)[0, 1]) if len(x) > 2 else float("nan")


def main(path: Path, train: str = "0", **_: str) -> dict:
    """Print and return Pearson against -Overall for kroscek, TF-IDF and the raw encoder."""
    pairs = read_pairs(Path(path))
    cache, use_cache = FileCache(default_cache_dir() / "e5.npz"), FileCache(default_cache_dir() / "use.npz")
    embedder = Embedder(cache)
    pair_rows = pair_matrix(*sides(pairs), embedder, UseViews(use_cache))
    cache.save()
    use_cache.save()
    cosines = pair_rows[:, PAIR_FEATURES.index("e5_cosine")]
    features = feature_matrix(pairs, cosines)
    target = -np.array([p.overall for p in pairs])
    held_out = np.array([p.held_out for p in pairs])
    if train in ("1", "true", "both", "link"):
        combiner = fit_combiner(features[~held_out], target[~held_out])
        COMBINER_PATH.write_text(json.dumps(combiner.to_dict(), indent=1) + "\n", encoding="utf-8")
    if train in ("1", "true", "both", "pair"):
        trees = fit_pair_combiner(pair_rows[~held_out], target[~held_out])
        PAIR_COMBINER_PATH.write_text(json.dumps(trees.to_dict(), separators=(",", ":")) + "\n", encoding="utf-8")
    from kroscek.match.similarity import combiner as shipped
    from kroscek.match.pair_model import pair_combiner as shipped_pairs

    shipped.cache_clear()
    shipped_pairs.cache_clear()
    scores = {
        "kroscek pair model": shipped_pairs().score(pair_rows),
        "kroscek link score": shipped().score(features),
        "TF-IDF cosine": tfidf_cosines(pairs),
        "e5 cosine": cosines,
        "USE cosine": pair_rows[:, PAIR_FEATURES.index("use_cosine")],
    }
    cross = np.array([p.cross_language for p in pairs])
    subsets = {
        "held-out all": held_out,
        "held-out same-lang": held_out & ~cross,
        "held-out cross-lang": held_out & cross,
        "all pairs": np.ones(len(pairs), dtype=bool),
        "all same-lang": ~cross,
        "all cross-lang": cross,
    }
    split = f"held out: sha1(pair_id)[0] < {HELD_OUT_BELOW}; kroscek's models are trained on the other pairs"
    results: dict = {
        "pairs": len(pairs),
        "held_out": int(held_out.sum()),
        "split": split,
        "features": {"pair model": list(PAIR_FEATURES), "link score": list(FEATURES)},
        "pearson": {},
    }
    table = Table(title=f"Pearson vs -Overall ({len(pairs)} pairs, {int(held_out.sum())} held out)", caption=split)
    table.add_column("similarity")
    for name, mask in subsets.items():
        table.add_column(f"{name} (n={int(mask.sum())})", justify="right")
    for method, values in scores.items():
        row = {name: round(pearson(values[mask], target[mask]), 3) for name, mask in subsets.items()}
        results["pearson"][method] = row
        table.add_row(method, *(f"{v:.3f}" for v in row.values()))
    Console().print(table)
    return results
