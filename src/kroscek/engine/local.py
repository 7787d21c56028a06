"""The embedded engine: runs every stage in this process over one store."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from kroscek.analyse.embed import Embedder, StaticEmbedder, StoreEmbeddingCache
from kroscek.compare.story import check_stories
from kroscek.ingest import read_file
from kroscek.match.stories import Linker, Runner, StoryResult, Work, cluster_stories, run_here
from kroscek.model import Article, Document, Rejected
from kroscek.pipeline import AnalysisTooLong, analyse, article_id
from kroscek.progress import NO_PROGRESS, NullProgress, Progress
from kroscek.settings import DEFAULT, Settings
from kroscek.store import StaleStories, Store

BATCH_SIZE = 64
MATCH_ATTEMPTS = 5  # groupings from a snapshot that another writer's stories made stale, before giving up


@dataclass
class IngestSummary:
    added: int = 0
    skipped: int = 0  # already stored (same content id) before this input was read
    rejected: list[Rejected] = field(default_factory=list)
    repeated: int = 0  # the same content id read again in this input (only its first reading counts)

    def add(self, other: IngestSummary) -> None:
        """Count ``other``'s documents in this summary too."""
        self.added += other.added
        self.skipped += other.skipped
        self.repeated += other.repeated
        self.rejected.extend(other.rejected)


def ingest(
    files: Iterable[Path],
    store: Store,
    columns: dict[str, str] | None = None,
    encoding: str | None = None,
    source_name: Callable[[str], str] | None = None,
    progress: Progress = NO_PROGRESS,
    settings: Settings = DEFAULT,
) -> IngestSummary:
    """Read, clean and analyse every document in ``files`` into ``store`` (in ``settings``' mode).

    Two stages, reported to ``progress``: ``ingest`` reads every file (one item a file) and keeps
    the documents not stored yet, ``analyse`` cleans and analyses them (one item a document).
    Articles are committed in batches, so an interrupted ingest keeps what it committed; a
    re-run skips stored articles by their content id and so duplicates nothing. A document whose
    content id came earlier in ``files`` counts as ``repeated``, not as already stored.
    ``source_name`` rewrites the recorded source (e.g. an upload's temporary path to its name).
    Reading a file again replaces what was recorded as rejected from it (a record fixed since is
    no longer listed); ``added`` counts the articles this call stored, not those another writer
    stored first.
    """
    files = list(files)
    summary = IngestSummary()
    pending: list[tuple[str, Document]] = []
    read: set[str] = set()
    progress.stage("ingest", len(files))
    for path in files:
        store.clear_rejected(source_name(str(path)) if source_name is not None else str(path))
        for item in read_file(path, columns=columns, encoding=encoding):
            if source_name is not None:
                item.source = source_name(item.source)
            if isinstance(item, Rejected):
                summary.rejected.append(item)
                store.add_rejected([item])
                continue
            doc_id = article_id(item)
            if doc_id in read:
                summary.repeated += 1
                continue
            read.add(doc_id)
            if store.known_ids([doc_id]):
                summary.skipped += 1
                continue
            pending.append((doc_id, item))
        progress.advance()
    progress.stage("analyse", len(pending))
    for start in range(0, len(pending), BATCH_SIZE):
        summary.add(store_documents(store, pending[start : start + BATCH_SIZE], advance=progress.advance, settings=settings))
    progress.end()
    return summary


def store_documents(
    store: Store,
    documents: Sequence[tuple[str, Document]],
    before_store: Callable[[list[Article]], None] | None = None,
    advance: Callable[[], None] | None = None,
    settings: Settings = DEFAULT,
) -> IngestSummary:
    """Analyse and store one batch of ``(content id, document)``: the ingest step both engines run.

    A document whose id is stored already is skipped, one whose id came earlier in the batch is
    counted as repeated (and not analysed again); one whose analysis fails is rejected (and
    recorded as rejected) without stopping the batch; the rest are stored together, after
    ``before_store`` (the Ray workers embed them there). Articles another writer stored first
    count as skipped. ``advance`` is called once a document."""
    summary = IngestSummary()
    stored = store.known_ids(doc_id for doc_id, _ in documents)
    articles: list[Article] = []
    seen: set[str] = set()
    for doc_id, doc in documents:
        if doc_id in seen:
            summary.repeated += 1
        elif doc_id in stored:
            summary.skipped += 1
        else:
            outcome = analysed(doc, settings)
            if isinstance(outcome, Rejected):
                summary.rejected.append(outcome)
            else:
                articles.append(outcome)
        seen.add(doc_id)
        if advance is not None:
            advance()
    if summary.rejected:
        store.add_rejected(summary.rejected)
    if articles:
        if before_store is not None:
            before_store(articles)
        summary.added = store.add_articles(articles)
        summary.skipped += len(articles) - summary.added
    return summary


def analysed(doc: Document, settings: Settings = DEFAULT) -> Article | Rejected:
    """The analysed article, or why its analysis failed (one bad document must not stop a batch)."""
    try:
        return analyse(doc, settings=settings)
    except AnalysisTooLong as error:
        return Rejected(doc.source, str(error))
    except Exception as error:  # noqa: BLE001 - any failure rejects this document alone
        return Rejected(doc.source, f"analysis failed: {type(error).__name__}: {error}")


def match(
    store: Store, embedder: Embedder | None = None, runner: Runner = run_here, settings: Settings = DEFAULT,
    progress: Progress = NO_PROGRESS,
) -> StoryResult:
    """Group every stored article into stories, growing the stories already stored.

    ``runner`` finds and scores the candidate pairs (the costly steps); the Ray engine spreads them
    over workers.
    Fast ``settings`` match with the static vectors alone (see ``match.stories``).

    The stories are written only if no other writer saved stories since this grouping read the
    store (a compare-and-set on the store's membership generation); otherwise the grouping is
    done again from the store as it is now, up to ``MATCH_ATTEMPTS`` times.

    ``progress`` hears of a ``match`` stage whose items are the articles whose candidates are
    found and scored, then (not fast) the articles embedded with e5 and those scored again."""
    for _attempt in range(MATCH_ATTEMPTS):
        generation = store.membership_generation()
        articles = store.articles()
        progress.stage("match", len(articles))
        cache = store.embeddings([a.id for a in articles])
        known = set(cache)
        embedder = embedder or _ReportingEmbedder(cache=cache)
        if embedder.cache is not cache:
            embedder.cache.update(cache)
        if isinstance(embedder, _ReportingEmbedder):
            embedder.progress = progress
        result = cluster_stories(articles, previous=store.stories(), embedder=embedder,
                                 runner=reporting_runner(runner, progress, len(articles)), settings=settings)
        store.put_embeddings({k: v for k, v in embedder.cache.items() if k not in known})
        try:
            store.save_stories(result.stories, result.events, expected_generation=generation,
                               joins=result.joins.values())
        except StaleStories:
            continue
        progress.end()
        return result
    progress.end()
    raise StaleStories(f"other writers changed the stories during each of {MATCH_ATTEMPTS} groupings; run it again")


REPORT_CHUNK = 64  # items between two progress reports inside one costly step of matching


def reporting_runner(runner: Runner, progress: Progress, expected: int) -> Runner:
    """``runner`` doing its items in chunks of ``REPORT_CHUNK``, reporting each chunk to
    ``progress``. The first call's items are the ``expected`` ones the stage counted on (the
    articles whose candidates are found); later calls' items are added to the stage's total.
    A runner with a true ``reports_progress`` attribute gets all the items and advances the stage
    itself."""
    if isinstance(progress, NullProgress):
        return runner
    calls = [0]

    def reporting(work: Work, linker: Linker, items: list[Any]) -> list[Any]:
        calls[0] += 1
        progress.grow(len(items) - expected if calls[0] == 1 else len(items))
        if getattr(runner, "reports_progress", False):  # it advances the stage itself (the Ray runner)
            return runner(work, linker, items)
        results: list[Any] = []
        for start in range(0, len(items), REPORT_CHUNK):
            chunk = items[start : start + REPORT_CHUNK]
            results.extend(runner(work, linker, chunk))
            progress.advance(len(chunk))
        return results

    return reporting


class _ReportingEmbedder(Embedder):
    """The e5 embedder, reporting the articles it encodes to a stage's progress (batch by batch,
    in the batches it would make anyway)."""

    progress: Progress = NO_PROGRESS

    def embed_articles(self, articles: Sequence[Article]) -> np.ndarray:
        progress = self.progress
        if isinstance(progress, NullProgress):
            return super().embed_articles(articles)
        progress.grow(len({a.id for a in articles if a.id not in self.cache}))
        encode = self.encode

        def reporting(texts: list[str]) -> np.ndarray:
            vectors = encode(texts)
            progress.advance(len(texts))
            return vectors

        self.encode = reporting
        try:
            return super().embed_articles(articles)
        finally:
            self.encode = encode


def compare(store: Store, story_ids: Sequence[str] | None = None, settings: Settings = DEFAULT,
            progress: Progress = NO_PROGRESS) -> int:
    """Write the brief of every story that has none yet (or of ``story_ids``); returns how many.

    Claim embeddings are kept in the store, so a story that grows re-embeds only its new text.
    Fast ``settings`` align claims, quotes and translations with the static word vectors
    instead of e5 (``kroscek run --fast``; its cost in accuracy is in the README).
    """
    cache = StoreEmbeddingCache(store)
    embedder = Embedder(cache=cache) if settings.encoder == "e5" else StaticEmbedder()
    stories = store.stories() if story_ids is None else [s for s in map(store.story, story_ids) if s]
    if story_ids is None:
        stories = [story for story in stories if not store.has_brief(story.id)]
    progress.stage("cross-check", len(stories))
    written = 0
    for checked in check_stories(((s, store.articles(s.articles)) for s in stories), settings, embedder):
        store.mark_stale(checked.stale)
        store.save_check(checked)
        cache.flush()
        written += 1
        progress.advance()
    progress.end()
    return written
