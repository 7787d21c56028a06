"""Background work for the web app: uploaded files, regrouping, and feed polling.

One worker thread runs jobs one after another, so the store has a single writer; readers
keep serving pages meanwhile (SQLite in WAL mode, or PostgreSQL).
"""

from __future__ import annotations

import tempfile
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from kroscek.store import Store

FEED_INTERVAL_MINUTES = 30


class IngestJobs:
    """Runs ingest → match → compare jobs in the background and reports their progress."""

    feed_interval_minutes = FEED_INTERVAL_MINUTES

    def __init__(self, store: Store) -> None:
        self.store = store
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kroscek-job")
        self._jobs: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._poller: threading.Thread | None = None

    def submit(self, files: list[tuple[str, bytes]]) -> dict[str, Any]:
        """Queue uploaded files (name, content) for ingestion; returns the job's status."""
        job_id = uuid.uuid4().hex[:12]
        self._update(job_id, state="queued", files=len(files), done=0, added=0, skipped=0, rejected=[], stories=None)
        self._worker.submit(self._run_upload, job_id, files)
        return self.status(job_id) or {}

    def regroup(self) -> None:
        """Re-match and re-brief the store in the background (after a delete)."""
        self._worker.submit(self._match_and_compare)

    def status(self, job_id: str) -> dict[str, Any] | None:
        with self._lock:
            job = self._jobs.get(job_id)
            return {"id": job_id, **job} if job else None

    def _update(self, job_id: str, **values: Any) -> None:
        with self._lock:
            self._jobs.setdefault(job_id, {}).update(values)

    def _run_upload(self, job_id: str, files: list[tuple[str, bytes]]) -> None:
        from kroscek.engine.local import ingest

        self._update(job_id, state="ingesting")
        try:
            with tempfile.TemporaryDirectory(prefix="kroscek-upload-") as folder:
                paths = []
                for number, (name, data) in enumerate(files):
                    path = Path(folder) / f"{number:03d}-{Path(name).name or 'upload'}"
                    path.write_bytes(data)
                    paths.append(path)
                for path in paths:
                    summary = ingest([path], self.store, source_name=lambda s: "upload:" + s.split("/")[-1][4:])
                    job = self.status(job_id) or {}
                    self._update(
                        job_id, done=job["done"] + 1, added=job["added"] + summary.added,
                        skipped=job["skipped"] + summary.skipped,
                        rejected=job["rejected"] + [{"source": r.source, "reason": r.reason}
                                                    for r in summary.rejected],
                    )
            self._update(job_id, state="grouping")
            stories = self._match_and_compare()
            self._update(job_id, state="done", stories=stories)
        except Exception as error:  # noqa: BLE001 - the job reports its failure instead of dying silently
            self._update(job_id, state="failed", error=f"{type(error).__name__}: {error}")

    def _match_and_compare(self) -> int:
        from kroscek.engine.local import compare, match

        result = match(self.store)
        compare(self.store)
        return len(result.stories)

    # -- feeds ------------------------------------------------------------------------------

    def start_feed_polling(self) -> None:
        """Poll the registered feeds now and then every ``feed_interval_minutes``."""
        if self._poller is None:
            self._poller = threading.Thread(target=self._poll_loop, name="kroscek-feeds", daemon=True)
            self._poller.start()

    def stop(self) -> None:
        self._stop.set()
        self._worker.shutdown(wait=False, cancel_futures=True)

    def poll_soon(self, url: str) -> None:
        self._worker.submit(self.poll_feed, url)

    def _poll_loop(self) -> None:
        while not self._stop.is_set():
            for feed in self.store.feeds():
                self.poll_soon(feed["url"])
            self._stop.wait(self.feed_interval_minutes * 60)

    def poll_feed(self, url: str) -> None:
        """Fetch one feed and ingest its entries; a failure is recorded on the feed."""
        from kroscek.engine.local import ingest

        try:
            response = httpx.get(url, timeout=15, follow_redirects=True)
            response.raise_for_status()
            with tempfile.TemporaryDirectory(prefix="kroscek-feed-") as folder:
                path = Path(folder) / "feed.xml"
                path.write_bytes(response.content)
                ingest([path], self.store, source_name=lambda s: s.replace(str(path), url))
            self._match_and_compare()
            self.store.record_feed_poll(url, None)
        except Exception as error:  # noqa: BLE001 - an unreachable feed is recorded, not fatal
            self.store.record_feed_poll(url, f"{type(error).__name__}: {error}")
