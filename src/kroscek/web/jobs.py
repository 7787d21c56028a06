"""Background work for the web app: uploaded files, regrouping, and feed polling.

One queue for the whole server, kept in the store (table ``web_jobs``), so a job submitted to one
server process (``serve --workers N``) can be followed from any other. Every process runs a
runner thread, but only the one holding the ``runner`` lease (table ``web_leases``, renewed while
the process lives, taken over when it lapses) takes jobs off the queue and polls the feeds: the
store keeps a single writer, each feed is polled once per interval, and readers keep serving
pages meanwhile (SQLite in WAL mode, or PostgreSQL).
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import shutil
import socket
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Float, MetaData, String, Table, Text, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from kroscek.ingest.feed import UNREACHABLE, FeedError, fetch_feed
from kroscek.ingest.records import field_keys
from kroscek.model import Document, Rejected
from kroscek.progress import Progress
from kroscek.settings import Settings
from kroscek.store import Store, articles_table, stories_table
from kroscek.web.schemas import Job
from kroscek.web.uploads import UploadFields

log = logging.getLogger(__name__)

FEED_INTERVAL_MINUTES = 30
LEASE_SECONDS = 30.0  # a runner that stops renewing for this long is replaced
IDLE_SECONDS = 0.5  # how often an idle runner looks for jobs submitted by other processes
PROGRESS_SECONDS = 0.5  # a job's stage counts are written to the store at most this often
KEEP_FINISHED_SECONDS = 24 * 3600
FINISHED = ("done", "failed")
JOB_NICENESS = 10  # uploads and regroups run in a child process this much nicer than the server

jobs_metadata = MetaData()
jobs_table = Table(
    "web_jobs",
    jobs_metadata,
    Column("id", String(32), primary_key=True),
    Column("kind", String(16), nullable=False),  # upload | regroup | feed
    Column("payload", Text, nullable=False),  # JSON: the upload folder, the feed URL
    Column("state", String(16), nullable=False, index=True),  # queued, ingesting, grouping, fetching, done, failed
    Column("status", Text, nullable=False),  # JSON: what /api/v1/jobs/{id} shows
    Column("created", Float, nullable=False, index=True),
)
leases_table = Table(
    "web_leases",
    jobs_metadata,
    Column("name", String(32), primary_key=True),  # "runner", or "feeds" (when the next poll is due)
    Column("holder", String(128), nullable=False),
    Column("until", Float, nullable=False),
)


@dataclass(frozen=True)
class JobPayload:
    """What a queued job works on: an upload's folder and form fields, or a feed's URL (a regroup:
    nothing). Kept in the queue as JSON with only the keys it has."""

    folder: str | None = None
    fields: UploadFields | None = None
    url: str | None = None

    def to_json(self) -> str:
        data = {"folder": self.folder, "fields": self.fields.to_dict() if self.fields is not None else None, "url": self.url}
        return json.dumps({k: v for k, v in data.items() if v is not None})

    def needed(self, name: str) -> str:
        """The folder or URL the job's kind works on (ValueError when the queue holds none)."""
        value = getattr(self, name)
        if not value:
            raise ValueError(f"the job names no {name}")
        return value

    @classmethod
    def from_json(cls, text: str) -> JobPayload:
        data = json.loads(text)
        fields = UploadFields.from_dict(data["fields"]) if data.get("fields") is not None else None
        return cls(folder=data.get("folder"), fields=fields, url=data.get("url"))


class IngestJobs:
    """Runs ingest → match → compare jobs from the shared queue and reports their progress.

    Jobs match and cross-check with ``settings``: the web app hands over its server settings'
    ``run`` (``KROSCEK_MODE``, which ``kroscek serve --fast`` sets); default, the default mode."""

    feed_interval_minutes = FEED_INTERVAL_MINUTES

    def __init__(self, store: Store, *, settings: Settings = Settings(), lease_seconds: float = LEASE_SECONDS,
                 idle_seconds: float = IDLE_SECONDS, fetch: Callable[[str], bytes] = fetch_feed) -> None:
        self.store = store
        self.settings = settings
        self.lease_seconds, self.idle_seconds, self.fetch = lease_seconds, idle_seconds, fetch
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.holding = False
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._threads: list[threading.Thread] = []
        jobs_metadata.create_all(store.engine)

    # -- the queue --------------------------------------------------------------------------

    def submit(self, folder: Path, files: int, fields: UploadFields | None = None) -> Job:
        """Queue the uploaded files in ``folder`` (deleted once ingested), read with the form's
        ``fields`` (column mapping; title, outlet and date of pasted text); returns the job's status
        (the one it was queued with, as ``status`` reads it back)."""
        status = {"state": "queued", "files": files, "done": 0, "added": 0, "skipped": 0, "rejected": [], "stories": None,
                  "stage": None, "progress": None, "error": None}
        job_id = self._enqueue("upload", JobPayload(folder=str(folder), fields=fields or UploadFields()), status)
        return Job.model_validate({"id": job_id, **status})

    def regroup(self) -> None:
        """Re-match and re-brief the store in the background (after a delete)."""
        with self.store.engine.connect() as conn:
            waiting = conn.execute(select(jobs_table.c.id).where(jobs_table.c.kind == "regroup",
                                                                 jobs_table.c.state == "queued")).first()
        if waiting is None:
            self._enqueue("regroup", JobPayload(), {"state": "queued"})

    def poll_soon(self, url: str) -> None:
        self._enqueue("feed", JobPayload(url=url), {"state": "queued", "url": url})

    def status(self, job_id: str) -> Job | None:
        """The job's status as ``/api/v1/jobs/{id}`` shows it; None for a job the queue does not hold."""
        with self.store.engine.connect() as conn:
            row = conn.execute(select(jobs_table.c.status).where(jobs_table.c.id == job_id)).first()
        return Job.model_validate({"id": job_id, **json.loads(row[0])}) if row else None

    def _enqueue(self, kind: str, payload: JobPayload, status: dict[str, Any]) -> str:
        """Queue a job; ``status`` is its first status (JSON, as ``/api/v1/jobs/{id}`` shows it)."""
        job_id = uuid.uuid4().hex[:12]
        now = time.time()
        with self.store.engine.begin() as conn:
            conn.execute(delete(jobs_table).where(jobs_table.c.state.in_(FINISHED),
                                                  jobs_table.c.created < now - KEEP_FINISHED_SECONDS))
            conn.execute(jobs_table.insert().values(id=job_id, kind=kind, payload=payload.to_json(),
                                                    state=status["state"], status=json.dumps(status), created=now))
        self._wake.set()
        return job_id

    def _update(self, job_id: str, **values: Any) -> None:
        """Merge ``values`` into a job's status (only the runner writes a job once it is queued)."""
        with self.store.engine.begin() as conn:
            row = conn.execute(select(jobs_table.c.status).where(jobs_table.c.id == job_id)).first()
            status = {**(json.loads(row[0]) if row else {}), **values}
            conn.execute(update(jobs_table).where(jobs_table.c.id == job_id)
                         .values(status=json.dumps(status), state=status.get("state", "queued")))

    def _claim_next(self) -> tuple[str, str, JobPayload] | None:
        with self.store.engine.begin() as conn:
            row = conn.execute(select(jobs_table.c.id, jobs_table.c.kind, jobs_table.c.payload)
                               .where(jobs_table.c.state == "queued").order_by(jobs_table.c.created).limit(1)).first()
            if row is None:
                return None
            state = {"upload": "ingesting", "regroup": "grouping", "feed": "fetching"}[row.kind]
            claimed = conn.execute(update(jobs_table).where(jobs_table.c.id == row.id, jobs_table.c.state == "queued")
                                   .values(state=state)).rowcount
        if not claimed:
            return None
        self._update(row.id, state=state)
        return row.id, row.kind, JobPayload.from_json(row.payload)

    # -- the runner -------------------------------------------------------------------------

    def start(self) -> None:
        """Start this process's runner (it works only while it holds the lease) and its heartbeat."""
        if not self._threads:
            self._threads = [threading.Thread(target=self._run_loop, name="kroscek-jobs", daemon=True),
                             threading.Thread(target=self._heartbeat, name="kroscek-lease", daemon=True)]
            for thread in self._threads:
                thread.start()

    start_feed_polling = start  # the name before the shared queue

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        child = self._child
        if child is not None and child.is_alive():  # the job it runs is reported interrupted by the next runner
            child.terminate()
        for thread in self._threads:
            thread.join(timeout=5)
        if self.holding:
            with self.store.engine.begin() as conn:
                conn.execute(delete(leases_table).where(leases_table.c.name == "runner",
                                                        leases_table.c.holder == self.holder))
            self.holding = False

    def _run_loop(self) -> None:
        while not self._stop.is_set():
            try:
                if self._hold_lease():
                    if self._feeds_due():
                        for feed in self.store.feeds():
                            self.poll_soon(feed.url)
                    job = self._claim_next()
                    if job is not None:
                        self._run_claimed(*job)
                        continue
            except Exception:  # noqa: BLE001 - a store hiccup must not end the runner
                log.exception("job runner")
            self._wake.wait(self.idle_seconds)
            self._wake.clear()

    def _heartbeat(self) -> None:
        """Renew the lease while a long job runs (the runner loop renews it when idle)."""
        while not self._stop.wait(self.lease_seconds / 3):
            if self.holding:
                try:
                    self._hold_lease(renew=True)
                except Exception:  # noqa: BLE001
                    log.exception("lease renewal")

    def _hold_lease(self, renew: bool = False) -> bool:
        """Whether this process holds the runner lease, taking it when free or lapsed."""
        now = time.time()
        with self.store.engine.connect() as conn:
            row = conn.execute(select(leases_table.c.holder, leases_table.c.until)
                               .where(leases_table.c.name == "runner")).first()
        mine = row is not None and row.holder == self.holder
        if row is not None and not mine and row.until > now:
            self.holding = False
            return False
        if mine and not renew and row.until - now > self.lease_seconds * 2 / 3:
            return True
        insert = (postgresql if self.store.engine.dialect.name == "postgresql" else sqlite).insert(leases_table)
        statement = insert.values(name="runner", holder=self.holder, until=now + self.lease_seconds).on_conflict_do_update(
            index_elements=["name"], set_={"holder": self.holder, "until": now + self.lease_seconds},
            where=(leases_table.c.holder == self.holder) | (leases_table.c.until < now),
        )
        with self.store.engine.begin() as conn:
            conn.execute(statement)
            holder = conn.execute(select(leases_table.c.holder).where(leases_table.c.name == "runner")).scalar()
        taken = holder == self.holder and not self.holding
        self.holding = holder == self.holder
        if taken:
            self._fail_interrupted()
        return self.holding

    def _fail_interrupted(self) -> None:
        """Jobs a runner was working on when it stopped are reported failed, not left running."""
        with self.store.engine.connect() as conn:
            ids = [r[0] for r in conn.execute(select(jobs_table.c.id).where(jobs_table.c.state.not_in(("queued", *FINISHED))))]
        for job_id in ids:
            self._update(job_id, state="failed", error="interrupted: the server process running it stopped")

    def _feeds_due(self) -> bool:
        """True once per feed interval, for one process only."""
        now = time.time()
        insert = (postgresql if self.store.engine.dialect.name == "postgresql" else sqlite).insert(leases_table)
        with self.store.engine.begin() as conn:
            conn.execute(insert.values(name="feeds", holder="", until=0.0).on_conflict_do_nothing())
            return bool(conn.execute(update(leases_table).where(leases_table.c.name == "feeds", leases_table.c.until <= now)
                                     .values(holder=self.holder, until=now + self.feed_interval_minutes * 60)).rowcount)

    separate_process = True  # the runner does uploads and regroups in a child process
    _child: multiprocessing.process.BaseProcess | None = None  # the child process running a job

    def _run_claimed(self, job_id: str, kind: str, payload: JobPayload) -> None:
        """A job the runner took: uploads and regroups in a child process (``_run_in_child``; not
        for an in-memory store, which another process cannot open), feed polls here."""
        if kind != "feed" and self.separate_process and self.store.engine.url.database not in (None, "", ":memory:"):
            self._run_in_child(job_id, kind, payload)
        else:
            self._run(job_id, kind, payload)

    def _run(self, job_id: str, kind: str, payload: JobPayload) -> None:
        try:
            if kind == "upload":
                self._run_upload(job_id, Path(payload.needed("folder")), payload.fields)
            elif kind == "feed":
                self.poll_feed(payload.needed("url"))
                self._update(job_id, state="done")
            else:
                self._update(job_id, state="done", stories=self._match_and_compare(JobProgress(self, job_id)))
        except Exception as error:  # noqa: BLE001 - the job reports its failure instead of dying silently
            log.exception("job %s", job_id)
            self._update(job_id, state="failed", error=f"{type(error).__name__}: {error}")
        finally:
            if kind == "upload" and payload.folder:
                shutil.rmtree(payload.folder, ignore_errors=True)

    def _run_in_child(self, job_id: str, kind: str, payload: JobPayload) -> None:
        """Run a job in a child process at a lower CPU priority (``JOB_NICENESS``). Analysis and
        matching hold Python's interpreter lock for long stretches: in the server's own process
        they would hold up the pages it serves, and at equal priority take the cores from them."""
        child = multiprocessing.get_context("spawn").Process(
            target=run_job_process, args=(self.store.url, job_id, kind, payload, self.settings),
            name=f"kroscek-job-{job_id}", daemon=True)
        self._child = child
        child.start()
        child.join()
        if child.exitcode:
            self._update(job_id, state="failed", error=f"the job's process stopped (exit code {child.exitcode})")
            if kind == "upload" and payload.folder:
                shutil.rmtree(payload.folder, ignore_errors=True)

    def _run_upload(self, job_id: str, folder: Path, fields: UploadFields | None = None) -> None:
        """Ingest the files, then group and cross-check. A job whose every file was rejected ends
        ``failed`` with the reasons (nothing is grouped); one with some rejected ends ``done`` with
        them listed and ``error`` saying how many."""
        from kroscek.engine.local import ingest

        fields = fields or UploadFields()
        progress = JobProgress(self, job_id)
        files = [with_fields(path, fields) for path in sorted(folder.iterdir())]
        summary = ingest(files, self.store, columns=fields.columns, source_name=upload_source, progress=progress,
                             settings=self.settings)
        rejected = [{"source": r.source, "reason": for_the_form(r.reason)} for r in summary.rejected]
        self._update(job_id, done=len(files), added=summary.added, skipped=summary.skipped, rejected=rejected)
        if rejected and not summary.added and not summary.skipped:
            reasons = "; ".join(f"{r['source']}: {r['reason']}" for r in rejected[:3])
            more = f" (and {len(rejected) - 3} more)" if len(rejected) > 3 else ""
            self._update(job_id, state="failed", error=f"nothing could be read: {reasons}{more}")
            return
        self._update(job_id, state="grouping")
        error = f"{len(rejected)} rejected (see rejected)" if rejected else None
        self._update(job_id, state="done", stories=self._match_and_compare(progress), error=error)

    def _match_and_compare(self, progress: Progress | None = None) -> int:
        from kroscek.engine.local import compare, match

        titles = story_titles(self.store)
        if progress is None:
            result = match(self.store, settings=self.settings)
            keep_titles(self.store, titles)
            compare(self.store, settings=self.settings)
        else:
            result = match(self.store, settings=self.settings, progress=progress)
            keep_titles(self.store, titles)
            compare(self.store, settings=self.settings, progress=progress)
        return len(result.stories)

    # -- feeds ------------------------------------------------------------------------------

    def poll_feed(self, url: str) -> None:
        """Fetch one feed (public addresses only) and ingest its entries; a failure is recorded on
        the feed in words safe to show readers, the details go to the server log."""
        from kroscek.engine.local import ingest

        try:
            data = self.fetch(url)
            with tempfile.TemporaryDirectory(prefix="kroscek-feed-") as folder:
                path = Path(folder) / "feed.xml"
                path.write_bytes(data)
                ingest([path], self.store, source_name=lambda s: s.replace(str(path), url), settings=self.settings)
            self._match_and_compare()
            self.store.record_feed_poll(url, None)
        except FeedError as error:
            self.store.record_feed_poll(url, str(error))
        except Exception:  # noqa: BLE001 - an unreadable feed is recorded, not fatal
            log.exception("feed %s", url)
            self.store.record_feed_poll(url, UNREACHABLE)


def run_job_process(url: str, job_id: str, kind: str, payload: JobPayload, settings: Settings) -> None:
    """One job in a process of its own, at a lower priority (see ``IngestJobs._run_in_child``)."""
    os.nice(JOB_NICENESS)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), name="kroscek-job-parent", daemon=True).start()
    IngestJobs(Store(url), settings=settings)._run(job_id, kind, payload)


def _exit_with_parent(parent: int, every: float = 1.0) -> None:
    """End the job's process once the server process that started it is gone (stopped or killed):
    no job outlives its server; the next runner reports it interrupted."""
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


class JobProgress(Progress):
    """A job's progress kept in its status: ``stage`` (ingest, analyse, match, cross-check) and
    ``progress`` ``{"stage", "done", "total"}`` (total null while not known), written when a stage
    starts or ends and at most every ``PROGRESS_SECONDS`` in between; while the files are read,
    ``done`` counts the files read too."""

    def __init__(self, jobs: IngestJobs, job_id: str, every: float = PROGRESS_SECONDS) -> None:
        self.jobs, self.job_id, self.every = jobs, job_id, every
        self._written = 0.0

    def _write(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._written < self.every:
            return
        self._written = now
        values: dict[str, Any] = {"stage": self.name, "progress": {"stage": self.name, "done": self.done, "total": self.total}}
        if self.name == "ingest":
            values["done"] = self.done
        self.jobs._update(self.job_id, **values)

    def _started(self) -> None:
        self._write(force=True)

    def _advanced(self) -> None:
        self._write(force=self.total is not None and self.done >= self.total)

    def _ended(self, seconds: float) -> None:
        if self.total is None or self.done < self.total:
            self.total = max(self.done, self.total or 0)
        self._write(force=True)


# -- uploads ------------------------------------------------------------------------------

FIELDS_SUFFIX = "+fields.json"  # a plain-text upload rewritten as a record carrying the form's fields
PLAIN_TEXT = (".txt", ".text", ".md", ".markdown")


def upload_source(source: str) -> str:
    """An uploaded file's recorded source: ``upload:`` and its own name (without the disk name's
    ``NNN-`` and the record suffix the form's fields added)."""
    name = source.split("/")[-1][4:]
    head, sep, tail = name.partition(FIELDS_SUFFIX)
    return "upload:" + head + (tail if sep and tail.startswith("#") else "")


def with_fields(path: Path, fields: UploadFields) -> Path:
    """The file to read for an upload: a plain-text file (pasted text too) rewritten as a JSON record
    carrying the form's outlet and date (and title, for pasted text) when the form gives any; the
    file itself otherwise. The text is read as it would be (headline, dateline and all)."""
    pasted = path.name == fields.pasted
    title = fields.title if pasted else None
    if not path.name.lower().endswith(PLAIN_TEXT) or not (title or fields.outlet or fields.published):
        return path
    from kroscek.ingest import read_file

    documents = list(read_file(path))
    if len(documents) != 1 or isinstance(documents[0], Rejected):
        return path  # read as it is, so the job reports why it was rejected
    document: Document = documents[0]
    keys = field_keys(fields.columns)  # the record is read with the form's mapping, as every record
    record = {keys["text"]: document.text, keys["title"]: document.title or title,
              keys["outlet"]: document.outlet or fields.outlet, keys["published"]: document.published or fields.published}
    target = path.with_name(path.name + FIELDS_SUFFIX)
    target.write_text(json.dumps({k: v for k, v in record.items() if v}, ensure_ascii=False), encoding="utf-8")
    path.unlink()
    return target


def for_the_form(reason: str) -> str:
    """A rejection reason in the upload form's words (the form's column mapping is ``--columns``)."""
    return reason.replace("map them with --columns", "map them with the form's column mapping, or the API's columns field:")


def story_titles(store: Store) -> dict[str, str]:
    """Each stored story's title, by id."""
    with store.engine.connect() as conn:
        return {row.id: row.title for row in conn.execute(select(stories_table.c.id, stories_table.c.title))}


def keep_titles(store: Store, before: dict[str, str]) -> int:
    """Give back its earlier title (``before``, read before the grouping) to every story the grouping
    titled after an undated article: undated articles sort first in a story, and a story is titled
    after its first article, so an undated upload would otherwise retitle the story it joins. A new
    title from a dated article stands. Returns how many stories kept their title."""
    with store.engine.begin() as conn:
        rows = conn.execute(select(stories_table.c.id, stories_table.c.title, stories_table.c.articles)).all()
        changed = {row.id: json.loads(row.articles)[0] for row in rows
                   if row.id in before and row.title != before[row.id] and row.articles != "[]"}
        if not changed:
            return 0
        undated = {r.id for r in conn.execute(select(articles_table.c.id).where(
            articles_table.c.id.in_(set(changed.values())), articles_table.c.published.is_(None)))}
        kept = [story_id for story_id, first in changed.items() if first in undated]
        for story_id in kept:
            conn.execute(update(stories_table).where(stories_table.c.id == story_id).values(title=before[story_id]))
        if kept:
            store._bump_generation(conn)  # story lists and pages show the kept titles
    return len(kept)
