"""The Ray engine: the same stage functions as ``engine.local``, spread over a Ray cluster.

Stages, each finished before the next starts (so its cost can be measured):

1. read: a dataset of input files (local paths or fsspec URLs such as ``s3://bucket/news/``)
   is flat-mapped into one row per document (or rejected input), each with its content id and
   its input order ``(file number << 32) | record number``; what was recorded as rejected from an
   input before is forgotten first, as the embedded engine does;
2. dedupe: a group-by on the content id finds the ids read more than once and keeps the first
   reading in input order, which is the one the embedded engine keeps;
3. analyse: an actor pool (one actor per CPU; the models load once per actor) cleans, analyses
   and embeds each batch with ``engine.local.store_documents`` (the embedded engine's ingest
   step), writes it to the store from the worker and hands back the batch's ``IngestSummary``.
   Every worker opens its own store connection; writes are upserts keyed by content ids, made
   in key order so that concurrent PostgreSQL writers cannot deadlock or duplicate a row;
4. match: ``engine.local.match`` over every stored article, reusing the embeddings the workers
   stored. Ray tasks find each article's candidates (time window, rare shared names and
   numbers) and score them, in chunks, then score again with e5 the pairs that need it; the
   driver splits the articles into the independent parts those scores leave and clusters them
   (``match.stories.StoryPlan``), so the stories are those of the embedded engine;
5. compare: the stories without a brief are split into groups of about equal cost
   (``compare_cost``: pairs of articles) among an actor pool running ``engine.local.compare``;
   a brief depends only on its own story's articles, so the split cannot change a brief.

Stories, article ids and briefs are those of the embedded engine on the same inputs. Workers on
other machines need kroscek installed, the inputs on shared storage, and a PostgreSQL store.
"""

from __future__ import annotations

import heapq
import json
import math
import os
import shutil
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path, PurePosixPath
from typing import Any

import numpy as np
import pyarrow as pa
import ray
import ray.data
from ray.data import ActorPoolStrategy, Dataset
from ray.data.aggregate import Count, Min
from ray.data.expressions import col
from sqlalchemy import make_url

from kroscek.analyse.embed import Embedder
from kroscek.engine.local import IngestSummary, compare, match, store_documents
from kroscek.ingest import is_article_file, list_inputs, read_file
from kroscek.match.stories import Linker, Runner, Work
from kroscek.model import Article, Document, Rejected, Story
from kroscek.pipeline import article_id
from kroscek.progress import NO_PROGRESS, Progress
from kroscek.settings import DEFAULT, Settings
from kroscek.store import Store, database_url

BATCH_SIZE = 64  # documents per analysis batch (and per store write)
# Documents per block handed to the analysis pool. An actor takes a block at a time, so large
# blocks leave one actor working through a long tail while the others idle (at 100K documents
# in 8 blocks, one of two actors ran alone for most of the stage).
ANALYSE_BLOCK_ROWS = 4 * BATCH_SIZE
_DOCUMENT_FIELDS = [f.name for f in fields(Document)]
_RECORD_BITS = 32  # input order = (file number << 32) | record number inside the file


@dataclass
class RayRun:
    """What a Ray run did, with the wall-clock seconds of each stage."""

    ingest: IngestSummary
    stories: int = 0
    briefs: int = 0
    workers: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)


def run_ray(
    paths: Sequence[str | Path],
    store_url: str | Path,
    address: str | None = None,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    num_cpus: int | None = None,
    settings: Settings = DEFAULT,
    brief: bool = True,
    progress: Progress = NO_PROGRESS,
) -> RayRun:
    """Ingest ``paths`` into the store, group every stored article into stories and brief them
    (``brief=False``: leave the briefs to a later run).

    ``address`` is a Ray cluster (``auto``, ``ray://host:port``); without one a local Ray with
    ``num_cpus`` CPUs (default: all of this machine's) is started for the run and stopped after
    it. A process already connected to Ray keeps its connection. Fast ``settings`` match and
    cross-check with the static vectors alone, and the workers embed nothing with e5.

    ``progress`` hears of the embedded engine's stages: ``ingest`` (read and dedupe; one item a
    file, reported when the stage ends), ``analyse`` (one item a document, reported per finished
    batch), ``match`` (per finished chunk of Ray tasks) and ``cross-check`` (per finished group of
    stories).
    """
    url = _absolute_url(store_url)
    with _ray_session(address, num_cpus):
        result = _ingest(paths, url, columns, encoding, settings, progress)
        store = Store(url)
        try:
            started = time.perf_counter()
            stories = match(store, runner=_ray_runner(result.workers, progress), settings=settings,
                            progress=progress).stories
            result.stage_seconds["match"] = time.perf_counter() - started
            result.stories = len(stories)
            if brief:
                started = time.perf_counter()
                result.briefs = _compare(stories, url, result.workers, settings, progress)
                result.stage_seconds["compare"] = time.perf_counter() - started
        finally:
            store.close()
    return result


@contextmanager
def _ray_session(address: str | None, num_cpus: int | None) -> Iterator[None]:
    """Use the Ray this process is connected to, or connect (or start a local one) for the run."""
    started = not ray.is_initialized()
    if started and address is None:
        ray.init(num_cpus=num_cpus or os.cpu_count(), include_dashboard=False, log_to_driver=False)
    elif started:
        ray.init(address=address, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    try:
        yield
    finally:
        if started:
            ray.shutdown()


def _absolute_url(store_url: str | Path) -> str:
    """The store's URL, with a SQLite path made absolute (workers may run in other folders)."""
    url = make_url(database_url(store_url))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return url.render_as_string(hide_password=False)
    return url.set(database=str(Path(url.database).expanduser().resolve())).render_as_string(hide_password=False)


def _worker_count() -> int:
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def _ingest(
    paths: Sequence[str | Path], url: str, columns: Mapping[str, str] | None, encoding: str | None,
    settings: Settings = DEFAULT, progress: Progress = NO_PROGRESS,
) -> RayRun:
    inputs = list_sources(paths)
    store = Store(url)  # creates or migrates the schema once, before any worker opens it
    try:
        for name, _ in inputs:  # reading an input again replaces what was recorded as rejected from it
            store.clear_rejected(name)
    finally:
        store.close()
    workers = _worker_count()
    result = RayRun(IngestSummary(), workers=workers)
    progress.stage("ingest", len(inputs))
    if not inputs:
        progress.end()
        return result

    started = time.perf_counter()
    listed = [{"number": n, "name": name, "location": location} for n, (name, location) in enumerate(inputs)]
    documents = (
        ray.data.from_items(listed, override_num_blocks=min(len(listed), 4 * workers))
        .flat_map(_read_input, fn_kwargs={"columns": dict(columns or {}), "encoding": encoding})
        .repartition(target_num_rows_per_block=ANALYSE_BLOCK_ROWS)
        .materialize()
    )
    result.stage_seconds["read"] = time.perf_counter() - started

    started = time.perf_counter()
    firsts = first_readings(documents)
    result.stage_seconds["dedupe"] = time.perf_counter() - started
    progress.advance(len(inputs))
    progress.stage("analyse", documents.count())

    # No operator may run between the materialized input and the pool: the pool's actors hold
    # every CPU, so a task scheduled beside them (a repartition, an aggregate) would wait forever.
    started = time.perf_counter()
    for row in documents.map_batches(
        AnalyseWorker,
        fn_constructor_kwargs={"store_url": url, "firsts": firsts, "settings": settings},
        batch_size=BATCH_SIZE,
        batch_format="pyarrow",
        compute=ActorPoolStrategy(size=workers),
        num_cpus=1,
    ).iter_rows():  # one row a finished batch
        result.ingest.add(summary_from_row(row))
        progress.advance(row["documents"])
    result.stage_seconds["analyse"] = time.perf_counter() - started
    progress.end()
    result.ingest.rejected.sort(key=lambda r: r.source)
    return result


# -- read --------------------------------------------------------------------------------------


def _is_url(text: str) -> bool:
    return "://" in text and not text.startswith("file://")


def list_sources(paths: Sequence[str | Path]) -> list[tuple[str, str]]:
    """``(name, location)`` of every input file: the name recorded as its source (as the
    embedded engine records it) and where a worker opens it (an absolute path or a URL)."""
    found: list[tuple[str, str]] = []
    for given in paths:
        text = str(given)
        if _is_url(text):
            found.extend((url, url) for url in _list_remote(text))
        else:
            found.extend((str(path), str(path.resolve())) for path in list_inputs([text.removeprefix("file://")]))
    seen: set[str] = set()
    return [(name, location) for name, location in found if not (location in seen or seen.add(location))]


def _list_remote(url: str) -> list[str]:
    """The article files under an fsspec URL (a folder is expanded like a local one)."""
    import fsspec

    filesystem, root = fsspec.core.url_to_fs(url)
    if not filesystem.isdir(root):
        return [url]
    protocol = url.split("://", 1)[0]
    files = sorted(filesystem.find(root), key=PurePosixPath)  # by path parts, the order list_inputs gives
    return [
        f"{protocol}://{file}" for file in files if is_article_file(Path(file).relative_to(root.rstrip("/")))
    ]


def _read_input(row: dict[str, Any], columns: dict[str, str], encoding: str | None) -> Iterator[dict[str, Any]]:
    """One row per document (or rejected input) of one input file."""
    with _local_copy(row["location"]) as path:
        opened = str(path)
        for number, item in enumerate(read_file(path, columns=columns or None, encoding=encoding)):
            if item.source.startswith(opened):
                item.source = row["name"] + item.source[len(opened) :]
            order = (row["number"] << _RECORD_BITS) | number
            yield _document_row(item, order)


@contextmanager
def _local_copy(location: str) -> Iterator[Path]:
    """A local path to read ``location`` from: itself, or a temporary copy of a remote file (a
    missing remote file gives a missing path, so it is rejected as a missing local file is)."""
    if not _is_url(location):
        yield Path(location)
        return
    import fsspec

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / location.rstrip("/").rsplit("/", 1)[-1]
        try:
            with fsspec.open(location, "rb") as remote, path.open("wb") as local:
                shutil.copyfileobj(remote, local)
        except FileNotFoundError:
            path.unlink(missing_ok=True)
        yield path


def _document_row(item: Document | Rejected, order: int) -> dict[str, Any]:
    if isinstance(item, Rejected):
        return {"order": order, "id": None, "reason": item.reason, **dict.fromkeys(_DOCUMENT_FIELDS), "source": item.source}
    return {"order": order, "id": article_id(item), "reason": None, **asdict(item)}


def document_rows(items: Sequence[Document | Rejected], start: int = 0) -> list[dict[str, Any]]:
    """Rows for ``AnalyseWorker.process`` from documents (or rejected inputs) already read, in
    input order from ``start``."""
    return [_document_row(item, start + n) for n, item in enumerate(items)]


def _document(row: Mapping[str, Any]) -> Document:
    return Document(**{name: row[name] for name in _DOCUMENT_FIELDS})


# -- dedupe ------------------------------------------------------------------------------------


def first_readings(documents: Dataset, rows_per_partition: int = 500_000) -> dict[str, int]:
    """For every content id read more than once, the input order of its first reading."""
    partitions = max(_worker_count(), documents.count() // rows_per_partition)
    grouped = (
        documents.select_columns(["id", "order"])
        .filter(expr=col("id").is_not_null())
        .groupby("id", num_partitions=partitions)
        .aggregate(Count(alias_name="count"), Min("order", alias_name="first"))
        .filter(expr=col("count") > 1)
    )
    return {row["id"]: int(row["first"]) for row in grouped.take_all()}


# -- analyse -----------------------------------------------------------------------------------


def summary_row(summary: IngestSummary, documents: int) -> dict[str, list]:
    """One batch's ingest summary as the one-row column batch a worker hands back (a fixed schema,
    so every batch's row has the same columns)."""
    rejected = [[r.source, r.reason] for r in summary.rejected]
    return {"documents": [documents], "added": [summary.added], "skipped": [summary.skipped],
            "repeated": [summary.repeated], "rejected": [json.dumps(rejected, ensure_ascii=False)]}


def summary_from_row(row: Mapping[str, Any]) -> IngestSummary:
    """The ingest summary a worker's row carries (``summary_row``)."""
    rejected = [Rejected(source, reason) for source, reason in json.loads(row["rejected"])]
    return IngestSummary(added=int(row["added"]), skipped=int(row["skipped"]), rejected=rejected,
                         repeated=int(row["repeated"]))


class AnalyseWorker:
    """One worker of the analysis pool: analyses, embeds with e5 (unless the settings are fast) and
    stores batches of documents.

    The models load on the worker's first batch and stay loaded (they are cached per process),
    so each worker loads them once. Of a content id read more than once (``firsts``) only the
    first reading is analysed; ids already in the store are skipped. Embedding every article here
    spreads e5, the costliest model, over the workers, so matching on the driver finds the
    vectors it needs stored.
    """

    def __init__(self, store_url: str, firsts: Mapping[str, int] | None = None, settings: Settings = DEFAULT):
        self.store = Store(store_url)
        self.firsts = dict(firsts or {})
        self.settings = settings

    def __call__(self, batch: pa.Table) -> dict[str, list]:
        return summary_row(self.process(batch.to_pylist()), batch.num_rows)

    def process(self, rows: Sequence[Mapping[str, Any]]) -> IngestSummary:
        """Analyse and store one batch of document rows with ``engine.local.store_documents`` (the
        embedded engine's ingest step), on the first reading of each content id; a later reading
        counts as repeated, an input that could not be read as rejected."""
        unread = [Rejected(r["source"], r["reason"]) for r in rows if r["id"] is None]
        if unread:
            self.store.add_rejected(unread)
        read = [r for r in rows if r["id"] is not None]
        wanted = [(r["id"], _document(r)) for r in read if self.firsts.get(r["id"], r["order"]) == r["order"]]
        done = store_documents(self.store, wanted, before_store=self._embed if self.settings.encoder == "e5" else None,
                               settings=self.settings)
        done.repeated += len(read) - len(wanted)
        done.rejected[:0] = unread
        return done

    def _embed(self, articles: list[Article]) -> None:
        """Store the articles' e5 vectors before the articles, so matching finds them."""
        embedder = Embedder()
        embedder.embed_articles(articles)
        self.store.put_embeddings(dict(embedder.cache))


# -- compare -----------------------------------------------------------------------------------


class CompareWorker:
    """One worker of the compare pool: writes the briefs of the stories it is given that lack one."""

    def __init__(self, store_url: str, settings: Settings = DEFAULT):
        self.store = Store(store_url)
        self.settings = settings

    def __call__(self, batch: pa.Table) -> dict[str, list]:
        ids = [i for group in batch.column("stories").to_pylist() for i in group]
        pending = [i for i in ids if not self.store.has_brief(i)]
        return {"written": [compare(self.store, pending, self.settings) if pending else 0], "stories": [len(ids)]}


def compare_cost(story: Story) -> int:
    """A story's cross-checking cost, in article pairs: its claims and quotes are aligned pairwise
    (on the 100K generated run about 0.24 ms a pair, which is most of a large story's cost)."""
    return len(story.articles) ** 2


def cost_balanced_groups(stories: Sequence[Story], count: int) -> list[list[str]]:
    """The stories' ids in at most ``count`` groups of about equal cross-checking cost, costliest
    group first: taking the stories largest first, each joins the cheapest group so far, so a few
    large stories get groups of their own."""
    groups: list[list[str]] = [[] for _ in range(count)]
    cheapest = [(0, number) for number in range(count)]
    for story in sorted(stories, key=lambda s: (-len(s.articles), s.id)):
        cost, number = heapq.heappop(cheapest)
        groups[number].append(story.id)
        heapq.heappush(cheapest, (cost + compare_cost(story), number))
    return [groups[number] for _, number in sorted(cheapest, reverse=True) if groups[number]]


@ray.remote
def _work_chunk(work: Work, linker: Linker, chunk: list[Any]) -> list[Any]:
    return work(linker, chunk)


def _ray_runner(workers: int, progress: Progress = NO_PROGRESS) -> Runner:
    """A story-matching runner that finds and scores candidates in Ray tasks, a few chunks per
    worker, advancing ``progress`` by each chunk's items as its task finishes."""

    def runner(work: Work, linker: Linker, items: list[Any]) -> list[Any]:
        if not items:
            return []
        size = max(1, math.ceil(len(items) / (4 * workers)))
        shared = ray.put(linker)
        chunks = [items[start : start + size] for start in range(0, len(items), size)]
        numbers = {_work_chunk.remote(work, shared, chunk): n for n, chunk in enumerate(chunks)}
        parts: list[list[Any]] = [[] for _ in chunks]
        waiting = list(numbers)
        while waiting:
            ready, waiting = ray.wait(waiting, num_returns=1)
            for ref in ready:
                parts[numbers[ref]] = ray.get(ref)
                progress.advance(len(chunks[numbers[ref]]))
        return [result for part in parts for result in part]

    runner.reports_progress = True  # type: ignore[attr-defined]
    return runner


def _compare(stories: Sequence[Story], url: str, workers: int, settings: Settings = DEFAULT,
             progress: Progress = NO_PROGRESS) -> int:
    """Brief every story in ``stories`` that has no brief yet; returns how many were written."""
    progress.stage("cross-check", len(stories))
    if not stories:
        progress.end()
        return 0
    # groups of equal cost, a few per worker: one large story in a batch of ordinary ones would
    # leave the other workers idle while its worker finishes
    groups = cost_balanced_groups(stories, 4 * workers)
    rows = (
        ray.data.from_items([{"stories": group} for group in groups], override_num_blocks=len(groups))
        .map_batches(
            CompareWorker,
            fn_constructor_kwargs={"store_url": url, "settings": settings},
            batch_size=1,
            batch_format="pyarrow",
            compute=ActorPoolStrategy(size=workers),
            num_cpus=1,
        )
        .iter_rows()
    )
    written = 0
    for row in rows:  # one row per finished group
        written += int(row["written"])
        progress.advance(int(row["stories"]))
    progress.end()
    return written
