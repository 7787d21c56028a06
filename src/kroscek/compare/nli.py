"""A cheap lexical contradiction model for Indonesian sentence pairs, trained on IndoNLI.

``ContradictionModel.load().contradiction(a, b)`` is the probability that sentence ``b``
contradicts sentence ``a`` (premise ``a``, hypothesis ``b``). It is one signal beside the slot
comparison of :mod:`kroscek.compare.claims`, never proof: it sees words, not meaning.

Features (:func:`pair_features`), all computed from the two strings in well under a millisecond:

- dense cues: word and stem overlap both ways (all words and content words), how many words are
  only in one side, lengths and their ratio, difflib's ratio over the word sequences, negation
  words (``resources/claims/id.json`` plus a few here) in one side only, numbers in one side only
  or differing, antonym pairs split across the sides, quantifier and time words in one side only,
  capitalised names only in the hypothesis;
- hashed binary features (murmurhash3, as sklearn's ``FeatureHasher``) of the words only in the
  hypothesis, the words only in the premise, every hypothesis word and bigram, and the pairs
  (premise-only word, hypothesis-only word) when both sets are small.

The model is one scikit-learn ``Pipeline``: :class:`PairFeaturizer` (stateless) ->
:class:`KeepColumns` (hashed columns seen in at least two training pairs) ->
``LogisticRegression`` (multinomial). It ships as ``resources/nli/id.npz`` (arrays only, read
with ``allow_pickle=False``, so loading runs no stored code) plus ``resources/nli/id.json``
(parameters and figures); ``python -m kroscek.train.nli`` writes both.

Probability columns are in :data:`LABELS` order: entailment, neutral, contradiction.
"""

from __future__ import annotations

import io
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from kroscek.text import lexicon as resources
from kroscek.text.words import word_list

LABELS = ("entailment", "neutral", "contradiction")
LABEL_CODES = {"e": 0, "n": 1, "c": 2}  # IndoNLI's label letters -> column
N_HASHED = 2**20
MAX_CROSS = 6  # pair premise-only with hypothesis-only words when each side has at most this many

# Negation and denial words beyond the claims lexicon's (which has tidak, tak, bukan, belum, ...).
_MORE_NEGATIONS = ("tidaklah", "bukanlah", "belumlah", "takkan", "nggak", "gak", "ga", "tanpa",
                   "membantah", "dibantah", "menyangkal", "disangkal", "menepis", "ditepis",
                   "urung", "batal", "dibatalkan", "melarang", "dilarang", "mustahil", "kecuali")
# Words whose presence on one side only often flips or narrows the meaning.
_QUANTIFIERS = frozenset(("semua", "seluruh", "segala", "setiap", "tiap", "hanya", "cuma", "satu-satunya",
                          "sebagian", "beberapa", "banyak", "sedikit", "sering", "jarang", "selalu",
                          "pernah", "sama", "berbeda", "lebih", "kurang", "paling", "terbesar",
                          "terkecil", "pertama", "terakhir", "mayoritas", "minoritas"))
_TIME_WORDS = frozenset(("sebelum", "sesudah", "setelah", "sejak", "hingga", "sampai", "akan", "sudah",
                         "telah", "sedang", "masih", "lagi", "kemarin", "besok", "lalu", "dulu",
                         "kini", "sekarang", "nanti", "awal", "akhir", "abad", "tahun", "bulan"))
# Antonym-ish pairs (either direction); the stem of each side is compared too.
_ANTONYMS = (
    ("naik", "turun"), ("meningkat", "menurun"), ("kenaikan", "penurunan"), ("besar", "kecil"),
    ("tinggi", "rendah"), ("banyak", "sedikit"), ("panjang", "pendek"), ("lama", "baru"),
    ("tua", "muda"), ("awal", "akhir"), ("pertama", "terakhir"), ("sebelum", "sesudah"),
    ("sebelum", "setelah"), ("masuk", "keluar"), ("menang", "kalah"), ("hidup", "mati"),
    ("benar", "salah"), ("setuju", "menolak"), ("menerima", "menolak"), ("buka", "tutup"),
    ("dibuka", "ditutup"), ("membuka", "menutup"), ("pria", "wanita"), ("laki-laki", "perempuan"),
    ("utara", "selatan"), ("timur", "barat"), ("siang", "malam"), ("pagi", "malam"),
    ("dalam", "luar"), ("atas", "bawah"), ("kaya", "miskin"), ("mudah", "sulit"), ("cepat", "lambat"),
    ("murah", "mahal"), ("lebih", "kurang"), ("maksimal", "minimal"), ("tertinggi", "terendah"),
    ("terbesar", "terkecil"), ("positif", "negatif"), ("untung", "rugi"), ("ada", "tiada"),
    ("selalu", "jarang"), ("sering", "jarang"), ("semua", "sebagian"), ("seluruh", "sebagian"),
    ("mulai", "berhenti"), ("datang", "pergi"), ("lahir", "meninggal"), ("baik", "buruk"),
    ("berhasil", "gagal"), ("sukses", "gagal"), ("lulus", "gagal"), ("asli", "palsu"),
    ("resmi", "ilegal"), ("legal", "ilegal"), ("aman", "bahaya"), ("sehat", "sakit"),
    ("ditangkap", "dibebaskan"), ("membeli", "menjual"), ("dibeli", "dijual"), ("memberi", "menerima"),
    ("meninggalkan", "mendatangi"), ("bertambah", "berkurang"), ("menambah", "mengurangi"),
    ("mendukung", "menentang"), ("sama", "berbeda"), ("sendiri", "bersama"), ("pernah", "belum"),
)
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:-[^\W\d_]+)*")

DENSE_FEATURES = (
    "stem_h_in_p", "stem_p_in_h", "word_h_in_p", "word_p_in_h", "content_h_in_p", "content_p_in_h",
    "stem_jaccard", "log_h_only", "log_p_only", "no_h_only", "log_len_h", "log_len_p", "len_ratio",
    "sequence_ratio", "neg_h", "neg_p", "neg_h_only", "neg_p_only", "neg_parity_differs",
    "neg_differs_and_overlap", "num_h", "num_p", "num_h_only", "num_p_only", "num_conflict",
    "antonym_split", "antonym_h_only", "quantifier_h_only", "quantifier_p_only", "time_h_only",
    "time_p_only", "names_h_only", "overlap_no_neg",
)


@cache
def _claims_lexicon() -> dict[str, Any]:
    return resources.load("claims", "id")


@cache
def negation_words() -> frozenset[str]:
    """Indonesian negation and denial words: the claims lexicon's and a few more."""
    return frozenset(_claims_lexicon()["negations"]) | frozenset(_MORE_NEGATIONS)


@cache
def _function_words() -> frozenset[str]:
    return word_list("function-words-id.txt") | {"yang", "dan", "di", "ke", "dari", "pada", "untuk", "itu", "ini", "adalah",
                                                 "tersebut", "sebuah", "seorang", "para", "akan", "telah", "sudah", "juga",
                                                 "dengan", "oleh", "dalam", "atau", "bahwa", "ia", "dia", "mereka", "nya"}


@cache
def _antonyms() -> dict[str, frozenset[str]]:
    pairs: dict[str, set[str]] = {}
    for a, b in _ANTONYMS:
        pairs.setdefault(a, set()).add(b)
        pairs.setdefault(b, set()).add(a)
    return {word: frozenset(others) for word, others in pairs.items()}


@cache
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Sastrawi's root of an Indonesian word (the word itself for numbers and short words)."""
    if len(word) <= 3 or word[0].isdigit():
        return word
    return _stemmer().stem(word) or word


def _number(token: str) -> float | None:
    """The value of a digit token in Indonesian notation ("1.500" = 1500, "2,5" = 2.5)."""
    if not token[0].isdigit():
        return None
    text = token
    if "," in text:
        text = text.replace(".", "").replace(",", ".", 1).replace(",", "")
    elif text.count(".") >= 1 and all(len(part) == 3 for part in text.split(".")[1:]):
        text = text.replace(".", "")
    try:
        return float(text)
    except ValueError:
        return None


@dataclass(frozen=True)
class _Side:
    words: tuple[str, ...]
    word_set: frozenset[str]
    stems: frozenset[str]
    content: frozenset[str]
    numbers: frozenset[float]
    negations: tuple[str, ...]
    names: frozenset[str]


def _side(sentence: str) -> _Side:
    raw = _TOKEN.findall(sentence)
    words = tuple(token.casefold() for token in raw)
    scales = _claims_lexicon()["scales"]
    number_words = _claims_lexicon()["number_words"]
    numbers = set()
    for i, word in enumerate(words):
        value = _number(word)
        if value is None and word in number_words:
            value = float(number_words[word])
        if value is not None:
            if i + 1 < len(words) and words[i + 1] in scales:
                value *= scales[words[i + 1]]
            numbers.add(round(value, 6))
    negations = negation_words()
    function = _function_words()
    stems = frozenset(stem(word) for word in words)
    names = frozenset(token.casefold() for i, token in enumerate(raw) if i > 0 and token[:1].isupper())
    return _Side(
        words=words,
        word_set=frozenset(words),
        stems=stems,
        content=frozenset(stem(w) for w in words if w not in function and not w[0].isdigit()),
        numbers=frozenset(numbers),
        negations=tuple(word for word in words if word in negations),
        names=names,
    )


def _share(part: frozenset, whole: frozenset) -> float:
    return len(part & whole) / len(part) if part else 1.0


def _dense(p: _Side, h: _Side) -> list[float]:
    h_only = h.stems - p.stems
    p_only = p.stems - h.stems
    neg_h, neg_p = len(h.negations), len(p.negations)
    neg_h_only = bool(set(h.negations) - set(p.negations)) or neg_h > neg_p
    neg_p_only = bool(set(p.negations) - set(h.negations)) or neg_p > neg_h
    parity = (neg_h % 2) != (neg_p % 2)
    stem_h_in_p = _share(h.stems, p.stems)
    antonyms = _antonyms()
    h_only_words = h.word_set - p.word_set
    p_only_words = p.word_set - h.word_set
    split = any(antonyms.get(w, frozenset()) & p_only_words for w in h_only_words) or any(
        antonyms.get(stem(w), frozenset()) & {stem(v) for v in p_only_words} for w in h_only_words)
    num_h_only = bool(h.numbers - p.numbers)
    return [
        stem_h_in_p,
        _share(p.stems, h.stems),
        _share(h.word_set, p.word_set),
        _share(p.word_set, h.word_set),
        _share(h.content, p.content),
        _share(p.content, h.content),
        len(h.stems & p.stems) / max(1, len(h.stems | p.stems)),
        math.log1p(len(h_only)),
        math.log1p(len(p_only)),
        float(not h_only),
        math.log1p(len(h.words)) / 4,
        math.log1p(len(p.words)) / 4,
        len(h.words) / max(1, len(p.words)),
        SequenceMatcher(None, p.words, h.words, autojunk=False).ratio(),
        float(neg_h > 0),
        float(neg_p > 0),
        float(neg_h_only),
        float(neg_p_only),
        float(parity),
        float(parity) * stem_h_in_p,
        float(bool(h.numbers)),
        float(bool(p.numbers)),
        float(num_h_only),
        float(bool(p.numbers - h.numbers)),
        float(num_h_only and bool(p.numbers)),
        float(split),
        float(any(w in antonyms for w in h_only_words)),
        float(bool(h_only_words & _QUANTIFIERS)),
        float(bool(p_only_words & _QUANTIFIERS)),
        float(bool(h_only_words & _TIME_WORDS)),
        float(bool(p_only_words & _TIME_WORDS)),
        math.log1p(len(h.names - p.word_set)),
        stem_h_in_p * float(not parity and not num_h_only),
    ]


def _hashed_tokens(p: _Side, h: _Side) -> list[str]:
    h_only = sorted(h.word_set - p.word_set)
    p_only = sorted(p.word_set - h.word_set)
    tokens = [f"h={w}" for w in h_only] + [f"p={w}" for w in p_only]
    tokens += [f"hs={s}" for s in sorted(h.stems - p.stems)]
    tokens += [f"a={w}" for w in sorted(h.word_set)]
    tokens += [f"b={a}_{b}" for a, b in sorted(set(zip(h.words, h.words[1:])))]
    if h_only and p_only and len(h_only) <= MAX_CROSS and len(p_only) <= MAX_CROSS:
        tokens += [f"x={v}|{w}" for v in p_only for w in h_only]
    for word in sorted(set(h.negations) ^ set(p.negations)):
        tokens.append(f"n{'h' if word in h.negations else 'p'}={word}")
    return tokens


def pair_features(pairs: Iterable[tuple[str, str]]) -> sp.csr_matrix:
    """The feature matrix of (premise, hypothesis) pairs: dense cues, then hashed words."""
    dense = []
    tokens = []
    for premise, hypothesis in pairs:
        p, h = _side(premise), _side(hypothesis)
        dense.append(_dense(p, h))
        tokens.append(_hashed_tokens(p, h))
    hasher = FeatureHasher(n_features=N_HASHED, input_type="string", alternate_sign=False)
    hashed = hasher.transform(tokens) if tokens else sp.csr_matrix((0, N_HASHED))
    hashed.data[:] = 1.0
    return sp.hstack([sp.csr_matrix(np.asarray(dense, dtype=np.float64).reshape(-1, len(DENSE_FEATURES))), hashed],
                     format="csr")


class PairFeaturizer(BaseEstimator, TransformerMixin):
    """Stateless: a sequence of (premise, hypothesis) pairs -> :func:`pair_features`."""

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        return pair_features(X)


class KeepColumns(BaseEstimator, TransformerMixin):
    """Keeps the dense columns and the hashed columns present in at least ``min_count`` rows."""

    def __init__(self, min_count: int = 2):
        self.min_count = min_count

    def fit(self, X, y=None):
        counts = np.asarray((X[:, len(DENSE_FEATURES):] != 0).sum(axis=0)).ravel()
        hashed = np.flatnonzero(counts >= self.min_count) + len(DENSE_FEATURES)
        self.columns_ = np.concatenate([np.arange(len(DENSE_FEATURES)), hashed]).astype(np.int64)
        return self

    def transform(self, X):
        # A lookup table instead of X[:, columns_], which costs milliseconds per call on 2**20 columns.
        positions = getattr(self, "_positions", None)
        if positions is None or len(positions) != X.shape[1]:
            positions = np.full(X.shape[1], -1, dtype=np.int64)
            positions[self.columns_] = np.arange(len(self.columns_))
            self._positions = positions
        X = sp.csr_matrix(X)
        mapped = positions[X.indices]
        kept = mapped >= 0
        rows = np.repeat(np.arange(X.shape[0]), np.diff(X.indptr))
        return sp.csr_matrix((X.data[kept], (rows[kept], mapped[kept])), shape=(X.shape[0], len(self.columns_)))


def make_pipeline(C: float = 1.0, min_count: int = 2) -> Pipeline:
    """The untrained pipeline, parameters explicit."""
    return Pipeline([
        ("features", PairFeaturizer()),
        ("keep", KeepColumns(min_count=min_count)),
        ("model", LogisticRegression(C=C, solver="lbfgs", max_iter=3000, tol=1e-4, class_weight=None)),
    ])


def save_pipeline(pipeline: Pipeline, npz_path, json_path, info: dict) -> None:
    """Write a fitted pipeline as arrays (float32 coefficients) and a JSON description."""
    keep: KeepColumns = pipeline.named_steps["keep"]
    model: LogisticRegression = pipeline.named_steps["model"]
    buffer = io.BytesIO()
    np.savez_compressed(buffer, columns=keep.columns_.astype(np.int32), coef=model.coef_.astype(np.float32),
                        intercept=model.intercept_.astype(np.float64), classes=model.classes_.astype(np.int64))
    npz_path.write_bytes(buffer.getvalue())
    description = {
        "format": 1,
        "labels": list(LABELS),
        "n_hashed": N_HASHED,
        "dense_features": list(DENSE_FEATURES),
        "min_count": keep.min_count,
        "logistic_regression": {k: v for k, v in model.get_params().items() if isinstance(v, (int, float, str, type(None)))},
        **info,
    }
    json_path.write_text(json.dumps(description, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def load_pipeline(npz_bytes: bytes, description: dict) -> Pipeline:
    """Rebuild the fitted pipeline from the shipped arrays (no pickle)."""
    if description.get("n_hashed") != N_HASHED or description.get("dense_features") != list(DENSE_FEATURES):
        raise ValueError("the shipped NLI model was trained with other features; run `make train-nli`")
    with np.load(io.BytesIO(npz_bytes), allow_pickle=False) as arrays:
        columns, coef = arrays["columns"].astype(np.int64), arrays["coef"].astype(np.float64)
        intercept, classes = arrays["intercept"], arrays["classes"]
    pipeline = make_pipeline(C=description["logistic_regression"].get("C", 1.0), min_count=description["min_count"])
    pipeline.named_steps["keep"].columns_ = columns
    model = pipeline.named_steps["model"]
    model.coef_, model.intercept_, model.classes_ = coef, intercept, classes
    model.n_features_in_ = len(columns)
    return pipeline


class ContradictionModel:
    """The shipped IndoNLI model: ``predict_proba`` columns are entailment, neutral, contradiction."""

    def __init__(self, pipeline: Pipeline, description: dict | None = None):
        self.pipeline = pipeline
        self.description = description or {}

    @classmethod
    def load(cls) -> ContradictionModel:
        """The model in ``resources/nli/`` (read once, then cached)."""
        return _load_shipped()

    def predict_proba(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Probabilities, one row per (premise, hypothesis) pair, columns in :data:`LABELS` order."""
        pairs = list(pairs)
        if not pairs:
            return np.zeros((0, len(LABELS)))
        proba = self.pipeline.predict_proba(pairs)
        out = np.zeros((len(pairs), len(LABELS)))
        out[:, self.pipeline.named_steps["model"].classes_] = proba
        return out

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[str]:
        """The most probable label of each pair ("entailment", "neutral" or "contradiction")."""
        return [LABELS[i] for i in self.predict_proba(pairs).argmax(axis=1)]

    def contradiction(self, a: str, b: str) -> float:
        """Probability that ``b`` contradicts ``a`` (premise ``a``, hypothesis ``b``)."""
        return float(self.predict_proba([(a, b)])[0, 2])


@cache
def _load_shipped() -> ContradictionModel:
    root = files("kroscek.resources") / "nli"
    description = json.loads((root / "id.json").read_text(encoding="utf-8"))
    return ContradictionModel(load_pipeline((root / "id.npz").read_bytes(), description), description)
