"""`kroscek eval clustering PATH`: story clustering against gold story labels (BCubed).

PATH is one of
- a JSONL file, one article a line: ``id, outlet, url, published, title, text, story``;
- a directory of input files with a ``labels.json`` whose ``stories`` map a label to file names
  (records named through its ``record_urls``; the sample corpus, ``examples/corpus``), read
  with kroscek's own ingest;
- a labels file ``{"detik": "detik-1000/articles.csv", "stories": {label: [ids]}, "singletons": [ids]}``:
  the articles are materialised from ``../shared/data`` at evaluation time (only ids are stored);
- a labels file ``{"indonews": "indonews-early-june-2025", "files": [CSV names], "stories": {label: [urls]},
  "singletons": [urls]}``: articles of the early-June multi-outlet scrape, named by their URL without its
  query string, materialised from ``../shared/data`` the same way;
- a manifest ``{"include": [paths relative to it]}``: the union of the above, clustered together.

Prints BCubed precision / recall / F1 and the number of gold and predicted stories for kroscek's
``cluster_stories`` (and its ``--fast`` mode, static vectors without e5) and two baselines run on the same articles: TF-IDF + average-link
agglomerative clustering, and e5 embeddings + HDBSCAN. Each baseline's distance threshold /
cluster size is the best of a small grid on the data itself (an upper bound for them).
``split=held-out`` keeps only the stories whose sha1(label) first byte is odd (``split=tune``:
even), so thresholds can be tuned on one half and reported on the other.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from kroscek.analyse.embed import Embedder, FileCache, default_cache_dir
from kroscek.model import Article, Document
from kroscek.settings import DEFAULT, FAST, Settings

SHARED_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"


@dataclass
class Labelled:
    document: Document
    story: str


def bcubed(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 of a clustering (one label per item in each)."""
    pairs = Counter(zip(gold, predicted))
    gold_sizes, predicted_sizes = Counter(gold), Counter(predicted)
    precision = sum(pairs[(g, p)] / predicted_sizes[p] for g, p in zip(gold, predicted)) / len(gold)
    recall = sum(pairs[(g, p)] / gold_sizes[g] for g, p in zip(gold, predicted)) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def read_jsonl(path: Path) -> list[Labelled]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            document = Document(
                source=str(record["id"]),
                text=record["text"],
                title=record.get("title"),
                url=record.get("url"),
                outlet=record.get("outlet"),
                published=record.get("published"),
            )
            items.append(Labelled(document, str(record["story"])))
    return items


def read_corpus(directory: Path) -> list[Labelled]:
    """The sample corpus: its files read by kroscek's ingest, stories from its labels.json."""
    from kroscek.ingest import list_inputs, read_file

    labels = json.loads((directory / "labels.json").read_text(encoding="utf-8"))
    story_of = {name: story for story, names in labels["stories"].items() for name in names}
    name_of_url = {url: name for name, url in labels.get("record_urls", {}).items()}
    items = []
    for path in list_inputs([directory]):
        for document in read_file(path):
            if not isinstance(document, Document):
                continue
            name = name_of_url.get(document.source, Path(document.source).name)
            items.append(Labelled(document, "corpus:" + story_of.get(name, name)))
    return items


def read_detik(labels: dict, data: Path = SHARED_DATA) -> list[Labelled]:
    """Materialise labelled detik-1000 articles from the shared data (the labels hold only ids)."""
    csv.field_size_limit(sys.maxsize)
    with (data / labels["detik"]).open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    story_of = {i: f"detik:{story}" for story, ids in labels["stories"].items() for i in ids}
    story_of.update({i: f"detik:{i}" for i in labels.get("singletons", [])})
    items = []
    for article_id, story in sorted(story_of.items(), key=lambda item: int(item[0])):
        row = rows[article_id]
        published = datetime.strptime(row["tanggal"], "%m/%d/%Y %H:%M").isoformat(timespec="minutes")
        document = Document(
            source=f"detik-1000#{article_id}",
            text=row["isi_berita"],
            title=row["judul"],
            url=row["tautan"],
            outlet="detik.com",
            published=published,
            language="id",
        )
        items.append(Labelled(document, story))
    return items


MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6, "jul": 7, "agu": 8, "aug": 8,
          "sep": 9, "okt": 10, "oct": 10, "nov": 11, "des": 12, "dec": 12}


def indonews_published(date: str, time: str) -> str | None:
    """The scrape's outlet date formats ("10 Jun 2025" + time, "Kompas.com - 10/06/2025, 21:23 WIB")."""
    import re

    numeric = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4}),?\s*(\d{1,2}):(\d{2})", date)
    if numeric:
        day, month, year, hour, minute = (int(x) for x in numeric.groups())
        return datetime(year, month, day, hour, minute).isoformat(timespec="minutes")
    named = re.search(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})", date)
    if not named or named.group(2).lower() not in MONTHS:
        return None
    clock = re.search(r"(\d{1,2}):(\d{2})", time or "") or re.search(r"(\d{1,2}):(\d{2})", date)
    hour, minute = (int(clock.group(1)), int(clock.group(2))) if clock else (0, 0)
    stamp = datetime(int(named.group(3)), MONTHS[named.group(2).lower()], int(named.group(1)), hour, minute)
    return stamp.isoformat(timespec="minutes")


def read_indonews(labels: dict, data: Path = SHARED_DATA) -> list[Labelled]:
    """Materialise labelled early-June articles from the shared scrape (the labels hold only URLs)."""
    csv.field_size_limit(sys.maxsize)
    rows = {}
    for name in labels["files"]:
        outlet = name.removeprefix("berita_").removesuffix(".csv")
        with (data / labels["indonews"] / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                rows[row["url"].split("?")[0]] = (outlet, row)
    story_of = {url: f"indonews:{story}" for story, urls in labels["stories"].items() for url in urls}
    story_of.update({url: f"indonews:{url}" for url in labels.get("singletons", [])})
    items = []
    for url, story in story_of.items():
        outlet, row = rows[url]
        document = Document(
            source=url,
            text=row["content"],
            title=row["title"],
            url=url,
            outlet={"detik": "detik.com", "kompas": "kompas.com", "republika": "republika.co.id"}.get(outlet, outlet),
            published=indonews_published(row["date"], row.get("time", "")),
            language="id",
        )
        items.append(Labelled(document, story))
    return items


def read_labelled(path: Path) -> list[Labelled]:
    """Labelled documents from any of the forms in the module doc."""
    if path.is_dir():
        return read_corpus(path)
    if path.suffix == ".jsonl":
        return read_jsonl(path)
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if "include" in manifest:
        return [item for part in manifest["include"] for item in read_labelled((path.parent / part).resolve())]
    if "indonews" in manifest:
        return read_indonews(manifest)
    return read_detik(manifest)


def in_split(story: str, split: str) -> bool:
    odd = hashlib.sha1(story.encode("utf-8")).digest()[0] % 2 == 1
    return split == "all" or (split == "held-out") == odd


def analyse_all(items: Iterable[Labelled], settings: Settings = DEFAULT) -> list[tuple[Article, str]]:
    """Each labelled article analysed as a run in ``settings``' mode analyses it, with its story."""
    from kroscek.pipeline import analyse

    seen: dict[str, tuple[Article, str]] = {}
    for item in items:
        article = analyse(item.document, settings=settings)
        article.id = hashlib.sha256(item.document.source.encode("utf-8")).hexdigest()[:16]
        seen.setdefault(article.id, (article, item.story))
    return list(seen.values())


def kroscek_labels(articles: list[Article], embedder: Embedder, settings: Settings = DEFAULT) -> list[str]:
    from kroscek.match.stories import cluster_stories

    story_of = {}
    for story in cluster_stories(articles, embedder=embedder, settings=settings).stories:
        story_of.update({article_id: story.id for article_id in story.articles})
    return [story_of[a.id] for a in articles]


def tfidf_agglomerative(articles: list[Article], gold: list[str]) -> tuple[list[str], str]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True).fit_transform([f"{a.title}\n{a.text}" for a in articles]).toarray()
    best: tuple[float, list[str], str] = (-1.0, [], "")
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9):
        model = AgglomerativeClustering(n_clusters=None, distance_threshold=threshold, metric="cosine", linkage="average")
        labels = [str(x) for x in model.fit_predict(matrix)]
        score = bcubed(gold, labels)[2]
        if score > best[0]:
            best = (score, labels, f"cosine distance {threshold}")
    return best[1], best[2]


def e5_hdbscan(vectors: np.ndarray, gold: list[str]) -> tuple[list[str], str]:
    from sklearn.cluster import HDBSCAN

    distances = np.clip(1.0 - vectors @ vectors.T, 0.0, 2.0).astype(np.float64)
    best: tuple[float, list[str], str] = (-1.0, [], "")
    for min_size in (2, 3):
        for epsilon in (0.0, 0.05, 0.1):
            model = HDBSCAN(min_cluster_size=min_size, metric="precomputed", cluster_selection_epsilon=epsilon)
            try:
                raw = model.fit_predict(distances)
            except TypeError:  # scikit-learn 1.9's epsilon search fails on some trees; skip that setting
                continue
            labels = [f"c{x}" if x >= 0 else f"noise{i}" for i, x in enumerate(raw)]
            score = bcubed(gold, labels)[2]
            if score > best[0]:
                best = (score, labels, f"min size {min_size}, epsilon {epsilon}")
    return best[1], best[2]


def main(path: Path, split: str = "all", **_: str) -> dict:
    """Print and return BCubed figures for kroscek and both baselines."""
    items = [item for item in read_labelled(Path(path)) if in_split(item.story, split)]
    pairs = analyse_all(items)
    articles = [article for article, _ in pairs]
    gold = [story for _, story in pairs]
    cache = FileCache(default_cache_dir() / "e5.npz")
    embedder = Embedder(cache)
    vectors = embedder.embed_articles(articles)
    cache.save()
    runs = {
        "kroscek": (kroscek_labels(articles, embedder), "cluster_stories"),
        "kroscek --fast": (kroscek_labels([article for article, _ in analyse_all(items, FAST)], embedder, FAST),
                           "static vectors only, the CRF's names"),
        "TF-IDF + agglomerative": tfidf_agglomerative(articles, gold),
        "e5 + HDBSCAN": e5_hdbscan(vectors, gold),
    }
    results: dict = {"articles": len(articles), "gold_stories": len(set(gold)), "split": split, "systems": {}}
    table = Table(title=f"Story clustering, BCubed ({len(articles)} articles, {len(set(gold))} gold stories, split {split})")
    for column in ("system", "precision", "recall", "F1", "gold", "predicted", "setting"):
        table.add_column(column, justify="left" if column in ("system", "setting") else "right")
    for name, (labels, setting) in runs.items():
        precision, recall, f1 = bcubed(gold, labels)
        results["systems"][name] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "predicted_stories": len(set(labels)),
            "setting": setting,
        }
        table.add_row(name, f"{precision:.3f}", f"{recall:.3f}", f"{f1:.3f}", str(len(set(gold))), str(len(set(labels))), setting)
    Console().print(table)
    return results

