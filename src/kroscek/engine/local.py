"""The embedded engine: runs every stage in this process over one store."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kroscek.analyse.embed import Embedder, StaticEmbedder
from kroscek.brief import build_brief
from kroscek.compare.quotes import match_quotes
from kroscek.ingest import read_file
from kroscek.match.entities import resolve_entities
from kroscek.match.stories import Runner, StoryResult, cluster_stories, run_here
from kroscek.model import Article, Rejected
from kroscek.pipeline import AnalysisTooLong, analyse, article_id
from kroscek.report import badges, story_summary
from kroscek.store import StaleStories, Store

BATCH_SIZE = 64
MATCH_ATTEMPTS = 5  # groupings from a snapshot that another writer's stories made stale, before giving up


@dataclass
class IngestSummary:
    added: int = 0
    skipped: int = 0  # already stored (same content id)
    rejected: list[Rejected] = field(default_factory=list)


def ingest(
    files: Iterable[Path],
    store: Store,
    columns: dict[str, str] | None = None,
    encoding: str | None = None,
    source_name: Callable[[str], str] | None = None,
) -> IngestSummary:
    """Read, clean and analyse every document in ``files`` into ``store``.

    Articles are committed in batches, so an interrupted ingest keeps what it committed; a
    re-run skips stored articles by their content id and so duplicates nothing.
    ``source_name`` rewrites the recorded source (e.g. an upload's temporary path to its name).
    Reading a file again replaces what was recorded as rejected from it (a record fixed since is
    no longer listed); ``added`` counts the articles this call stored, not those another writer
    stored first.
    """
    summary = IngestSummary()
    batch: list[Article] = []
    seen: set[str] = set()
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
            if doc_id in seen or store.known_ids([doc_id]):
                summary.skipped += 1
                continue
            try:
                batch.append(analyse(item))
            except AnalysisTooLong as error:
                rejected = Rejected(item.source, str(error))
                summary.rejected.append(rejected)
                store.add_rejected([rejected])
                continue
            except Exception as error:  # noqa: BLE001 - one bad document must not stop the batch
                rejected = Rejected(item.source, f"analysis failed: {type(error).__name__}: {error}")
                summary.rejected.append(rejected)
                store.add_rejected([rejected])
                continue
            seen.add(doc_id)
            if len(batch) >= BATCH_SIZE:
                summary.added += _flush(store, batch, summary)
    summary.added += _flush(store, batch, summary)
    return summary


def _flush(store: Store, batch: list[Article], summary: IngestSummary) -> int:
    """Store the batch; how many of its articles were new (another writer may have stored some first)."""
    count = len(batch)
    if not batch:
        return 0
    added = store.add_articles(batch)
    summary.skipped += count - added
    batch.clear()
    return added


def match(
    store: Store, embedder: Embedder | None = None, runner: Runner = run_here, precise: bool = True
) -> StoryResult:
    """Group every stored article into stories, growing the stories already stored.

    ``runner`` finds and scores the candidate pairs (the costly steps); the Ray engine spreads them
    over workers.
    ``precise=False`` matches with the static vectors alone (see ``match.stories``).

    The stories are written only if no other writer saved stories since this grouping read the
    store (a compare-and-set on the store's membership generation); otherwise the grouping is
    done again from the store as it is now, up to ``MATCH_ATTEMPTS`` times."""
    for _attempt in range(MATCH_ATTEMPTS):
        generation = store.membership_generation()
        articles = store.articles()
        cache = store.embeddings([a.id for a in articles])
        known = set(cache)
        embedder = embedder or Embedder(cache=cache)
        if embedder.cache is not cache:
            embedder.cache.update(cache)
        result = cluster_stories(articles, previous=store.stories(), embedder=embedder, runner=runner, precise=precise)
        store.put_embeddings({k: v for k, v in embedder.cache.items() if k not in known})
        try:
            store.save_stories(result.stories, result.events, expected_generation=generation)
        except StaleStories:
            continue
        return result
    raise StaleStories(f"other writers changed the stories during each of {MATCH_ATTEMPTS} groupings; run it again")


class StoreEmbeddingCache(MutableMapping[str, np.ndarray]):
    """An embedding cache that reads through to the store and writes new vectors back on ``flush``."""

    def __init__(self, store: Store) -> None:
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

    def flush(self) -> None:
        self.store.put_embeddings(self.fresh)
        self.known.update(self.fresh)
        self.fresh = {}


def compare(store: Store, story_ids: Sequence[str] | None = None, precise: bool = True) -> int:
    """Write the brief of every story that has none yet (or of ``story_ids``); returns how many.

    Claim embeddings are kept in the store, so a story that grows re-embeds only its new text.
    ``precise=False`` aligns claims, quotes and translations with the static word vectors
    instead of e5 (``kroscek run --fast``; its cost in accuracy is in the README).
    """
    cache = StoreEmbeddingCache(store)
    embedder = Embedder(cache=cache) if precise else StaticEmbedder()
    stories = store.stories() if story_ids is None else [s for s in map(store.story, story_ids) if s]
    written = 0
    for story in stories:
        if story_ids is None and store.brief(story.id) is not None:
            continue
        articles = store.articles(story.articles)
        entities = resolve_entities(articles)
        quotes = match_quotes(articles, entities, None if precise else embedder)
        brief = build_brief(story, articles, entities, quotes, embedder)
        stale = [s["article"] for s in brief.get("provenance", {}).get("stale", [])]
        store.mark_stale(stale)
        for article in articles:
            article.stale = article.stale or article.id in stale
        summary = story_summary(story, articles)
        store.save_brief(story.id, brief, {**summary, "badges": badges(summary, brief)})
        cache.flush()
        written += 1
    return written
