"""Web server latency: p50 / p95, errors and requests per second for the story list, a story
page and search, at 20 concurrent clients on loopback, over a store of 10,000 articles; first
on a quiet server, then for 60 s while a 1,000-article upload runs through the web app's ingest.

The store is generated: article text recombines sentences of ../shared/data/detik-1000 (read at
run time, never copied into the repo), grouped into stories of 1–12 articles with briefs of
realistic size. The upload is one JSON Lines file of 1,000 more such articles, sent to
``POST /api/v1/ingest`` with a write token; the readers start once the job has analysed its first
article (``job_start_seconds`` after the upload: the job's process starts, reads the file and
loads the models first), so the job (analyse, then match and cross-check) runs in the server
while they read. The job's stage
and count when the readers stop are recorded too.

Phases:
- ``first requests``: one request per route on the fresh server, then every path the phases ask
  for twice, one at a time (each server process builds its cached lists and pages once; the first
  request's time is recorded, as what a reader meets right after a start);
- ``quiet``: ``REQUESTS`` requests per route, one route at a time (no upload);
- ``during upload``: the three reader routes mixed, 20 clients for ``DURATION`` seconds.
An error is a response that is not 2xx or a request that fails (timeout 30 s). Each phase records
the machine's load average at its start and end, the share of the CPU that other processes took
meanwhile (the machine may be shared), and the CPU the load generator itself spent per request
(it shares the machine with the server). The server's log is kept: a worker restart and
the upload job's error (if it fails) are printed.
Results are printed and written to bench/results/web.json.
Usage: ``python bench/bench_web.py [--duration SECONDS] [--no-upload] [--articles N] [--client lean|httpx]``.
"""

from __future__ import annotations

import asyncio
import csv
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
DETIK = REPO.parent / "shared" / "data" / "detik-1000" / "articles.csv"
ARTICLES = 10_000
CLIENTS = 20
REQUESTS = 400  # per endpoint, quiet phase
DURATION = 60.0  # seconds of reading while the upload runs
UPLOAD = 1_000  # articles uploaded
TIMEOUT = 30.0  # seconds a request may take before it counts as an error
START_WAIT = 300.0  # at most this long for the job to start analysing before the readers start
FINISHED = ("done", "failed")
WORDS = ["presiden", "banjir", "menteri", "jakarta", "polisi", "harga", "sekolah", "bandara"]


def sentences() -> list[str]:
    if not DETIK.exists():
        return [f"Warga desa ke-{n} menggelar rapat tentang saluran air pada Senin pagi." for n in range(2000)]
    csv.field_size_limit(10**8)
    with DETIK.open(encoding="utf-8") as handle:
        texts = [row["isi_berita"] for row in csv.DictReader(handle)]
    return [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if 40 < len(s) < 300]


def upload_file(path: Path) -> None:
    """``UPLOAD`` generated articles (not in the store) as one JSON Lines file."""
    rng = random.Random(11)
    pool = sentences()
    outlets = ["Warta Nusantara", "KabarKini.id", "Harian Mentari", "Jakarta Daily Post", "Suara Borneo"]
    with path.open("w", encoding="utf-8") as handle:
        for n in range(UPLOAD):
            body = rng.sample(pool, 8)
            record = {"title": body[0][:90], "text": "\n\n".join(body), "outlet": rng.choice(outlets),
                      "url": f"https://example.com/upload/{n}", "published": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def build_store(db: Path) -> list[str]:
    """Fill a store with ARTICLES generated articles in stories; returns some story ids."""
    from kroscek.compare.story import StoryBrief
    from kroscek.model import Article, Sentence, Story
    from kroscek.report import story_summary
    from kroscek.store import Store

    rng = random.Random(7)
    pool = sentences()
    outlets = ["Warta Nusantara", "KabarKini.id", "Harian Mentari", "Jakarta Daily Post", "Suara Borneo"]
    store = Store(db)
    articles, stories = [], []
    n = 0
    while n < ARTICLES:
        size = min(rng.choice([1, 1, 2, 3, 4, 6, 12]), ARTICLES - n)
        members = []
        for _ in range(size):
            body = rng.sample(pool, 8)
            day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            members.append(Article(
                id=f"{n:016x}", source=f"gen-{n}.txt", title=body[0][:90], text="\n\n".join(body),
                outlet=rng.choice(outlets), language="id", published=day,
                sentences=[Sentence(i, s, i) for i, s in enumerate(body)],
            ))
            n += 1
        articles.extend(members)
        stories.append((Story(f"s{len(stories):06d}", members[0].title, [a.id for a in members]), members))
    for start in range(0, len(articles), 500):
        store.add_articles(articles[start : start + 500])
    store.save_stories([s for s, _ in stories])
    for story, members in stories:
        claims = [{"article": a.id, "sentence": 0, "text": a.sentences[0].text} for a in members]
        brief = {"summary": [{"text": members[0].sentences[0].text, "citations": claims[:1]}],
                 "facts": [{"status": "agreed" if len(claims) > 1 else "single-source", "claims": claims, "evidence": [],
                            "sources": len(claims)}],
                 "entities": [{"id": f"e{hash(story.id) % 300}", "name": "Tokoh", "type": "PER", "aliases": [],
                               "mentions": []}], "quotes": [], "provenance": {}}
        summary = story_summary(story, members)
        store.save_brief(story.id, StoryBrief.from_dict(brief), replace(summary, badges=[]))
    return [s.id for s, m in stories if len(m) > 3][:50]


def first_requests(url: str, cases: dict[str, list[str]]) -> dict[str, float]:
    """The first request of each route on a fresh server (ms), then every path twice, one at a time."""
    first: dict[str, float] = {}
    with httpx.Client(timeout=120) as session:
        for name, paths in cases.items():
            started = time.perf_counter()
            session.get(url + paths[0])
            first[name] = round((time.perf_counter() - started) * 1000, 1)
        for _ in range(2):
            for paths in cases.values():
                for path in dict.fromkeys(paths):
                    session.get(url + path)
    return first


def machine_ticks() -> tuple[int, int]:
    """(busy, all) CPU ticks of the machine so far (/proc/stat; zeros where there is none)."""
    try:
        fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return 0, 0
    idle = fields[3] + fields[4]  # idle, iowait
    return sum(fields[:8]) - idle, sum(fields[:8])


def own_ticks(root: int) -> int:
    """CPU ticks used so far by this process and by ``root`` (the server) with its live descendants
    (its workers, the job's process)."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        parents[pid], ticks[pid] = int(fields[1]), int(fields[11]) + int(fields[12])  # ppid, utime + stime
    ours = {os.getpid(), root}
    grown = True
    while grown:
        more = {pid for pid, parent in parents.items() if parent in ours} - ours
        ours |= more
        grown = bool(more)
    return sum(ticks.get(pid, 0) for pid in ours)


def measured(phase: Callable[[], dict], server: int) -> dict:
    """``phase()``'s figures (one route's, or a dict of routes'), with the load average at its start
    and end, the CPU the load generator spent per request, and the share of the machine's CPU that
    other processes (not this bench, its server and the server's job) took meanwhile."""
    load_before, cpu_before = os.getloadavg()[0], time.process_time()
    (busy_before, all_before), ours_before = machine_ticks(), own_ticks(server)
    results = phase()
    (busy_after, all_after), ours_after = machine_ticks(), own_ticks(server)
    routes = [results] if "requests" in results else [r for r in results.values() if isinstance(r, dict) and "requests" in r]
    requests = sum(r["requests"] for r in routes)
    others = (busy_after - busy_before - (ours_after - ours_before)) / max(1, all_after - all_before)
    return {**results, "load_average_start_end": [round(load_before, 2), round(os.getloadavg()[0], 2)],
            "client_cpu_ms_per_request": round((time.process_time() - cpu_before) * 1000 / max(1, requests), 2),
            "other_processes_cpu_share": round(max(0.0, others), 2)}


def summary(latencies: list[float], errors: int, elapsed: float) -> dict:
    ordered = sorted(latencies)
    if not ordered:
        return {"requests": 0, "errors": errors}
    return {"requests": len(ordered), "errors": errors, "p50_ms": round(statistics.median(ordered) * 1000, 1),
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1),
            "max_ms": round(ordered[-1] * 1000, 1), "requests_per_second": round(len(ordered) / elapsed, 1)}


class LeanConnection:
    """One reader's keep-alive HTTP/1.1 connection, read with asyncio streams: the load generator
    shares the machine with the server, and httpx spends several CPU milliseconds a request there
    (more than the server spends on a cached page), so the readers use this unless ``--client
    httpx`` is asked for. A response is read whole (Content-Length, chunked, or to the close)."""

    def __init__(self, url: str) -> None:
        self.host, _, port = url.removeprefix("http://").partition(":")
        self.port = int(port or 80)
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, path: str) -> int:
        """The response's status; the connection is dropped (and made again) after a failure."""
        try:
            return await asyncio.wait_for(self._get(path), TIMEOUT)
        except BaseException:
            self.close()
            raise

    async def _get(self, path: str) -> int:
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode())
        head = (await reader.readuntil(b"\r\n\r\n")).lower()
        status = int(head.split(maxsplit=2)[1])
        if length := re.search(rb"\r\ncontent-length: *(\d+)", head):
            await reader.readexactly(int(length.group(1)))
        elif re.search(rb"\r\ntransfer-encoding: *chunked", head):
            while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
                await reader.readexactly(size + 2)
            await reader.readuntil(b"\r\n")
        else:
            await reader.read()
            self.close()
        if re.search(rb"\r\nconnection: *close", head):
            self.close()
        return status

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


async def readers(url: str, kind: str, count: int, read: Callable[[Callable[[str], Awaitable[int]]], Awaitable[None]]) -> None:
    """``count`` readers, each running ``read(get)`` with its own ``get(path) -> status``: a
    connection of its own (lean), or one pool of ``count`` connections (httpx)."""
    if kind == "httpx":
        async with httpx.AsyncClient(timeout=TIMEOUT, limits=httpx.Limits(max_connections=count)) as session:
            async def get(path: str) -> int:
                return (await session.get(url + path)).status_code

            await asyncio.gather(*(read(get) for _ in range(count)))
        return
    connections = [LeanConnection(url) for _ in range(count)]
    try:
        await asyncio.gather(*(read(connection.get) for connection in connections))
    finally:
        for connection in connections:
            connection.close()


def failure(error: BaseException) -> str:
    """What a failed request counts as (the exception's name), or raise it again if it is not one."""
    if isinstance(error, (httpx.HTTPError, OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                          asyncio.TimeoutError, ValueError)):
        return type(error).__name__
    raise error


async def load(url: str, paths: list[str], kind: str) -> dict:
    """``paths`` fetched by ``CLIENTS`` readers until none is left."""
    latencies: list[float] = []
    errors = [0]
    queue = list(paths)

    async def read(get: Callable[[str], Awaitable[int]]) -> None:
        while queue:
            path = queue.pop()
            started = time.perf_counter()
            try:
                errors[0] += not 200 <= await get(path) < 300
            except Exception as error:  # noqa: BLE001 - counted (failure re-raises what is not a request's failure)
                failure(error)
                errors[0] += 1
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await readers(url, kind, CLIENTS, read)
    return summary(latencies, errors[0], time.perf_counter() - started)


async def load_for(url: str, routes: dict[str, list[str]], seconds: float, kind: str) -> dict:
    """``CLIENTS`` readers taking the routes in turn for ``seconds``; figures per route."""
    latencies: dict[str, list[float]] = {name: [] for name in routes}
    errors = dict.fromkeys(routes, 0)
    kinds: Counter[str] = Counter()  # what the errors were: an HTTP status, or the exception's name
    names = list(routes)
    deadline = time.perf_counter() + seconds
    numbers = iter(range(CLIENTS))

    async def read(get: Callable[[str], Awaitable[int]]) -> None:
        turn = next(numbers)
        while time.perf_counter() < deadline:
            name = names[turn % len(names)]
            path = routes[name][(turn // len(names)) % len(routes[name])]
            turn += 1
            started = time.perf_counter()
            try:
                status = await get(path)
                if not 200 <= status < 300:
                    errors[name] += 1
                    kinds[f"HTTP {status}"] += 1
            except Exception as error:  # noqa: BLE001 - counted (failure re-raises what is not a request's failure)
                errors[name] += 1
                kinds[failure(error)] += 1
            latencies[name].append(time.perf_counter() - started)

    started = time.perf_counter()
    await readers(url, kind, CLIENTS, read)
    elapsed = time.perf_counter() - started
    return {**{name: summary(latencies[name], errors[name], elapsed) for name in routes}, "error_kinds": dict(kinds)}


def show(name: str, r: dict) -> None:
    print(f"  {name:16s} p50 {r.get('p50_ms', 0):7.1f} ms  p95 {r.get('p95_ms', 0):7.1f} ms  "
          f"{r.get('requests_per_second', 0):7.1f} req/s  {r['requests']:6d} requests  {r['errors']} errors"
          + (f"  (load {r['load_average_start_end'][0]}-{r['load_average_start_end'][1]}, other processes "
             f"{r['other_processes_cpu_share']:.0%} of the CPU, client CPU {r['client_cpu_ms_per_request']} ms a request)"
             if "load_average_start_end" in r else ""))


def progress_text(job: dict) -> str:
    progress = job.get("progress") or {}
    return f"{job.get('state')}, {progress.get('stage')} {progress.get('done')}/{progress.get('total')}"


def main(duration: float = DURATION, upload: bool = True, client: str = "lean") -> None:
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "web.db"
        started = time.perf_counter()
        story_ids = build_store(db)
        from kroscek.store import Store

        token = Store(db).add_token("bench")
        print(f"store of {ARTICLES} articles built in {time.perf_counter() - started:.1f}s")
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server_log = Path(tmp) / "server.log"
        log_handle = server_log.open("w")
        server = subprocess.Popen([sys.executable, "-m", "kroscek.cli", "serve", "--db", str(db), "--port", str(port), "--workers", "2"],
                                  stdout=log_handle, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        job: dict = {}
        try:
            for _ in range(100):
                try:
                    httpx.get(url + "/api/v1/stories", timeout=2)
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            cases = {
                "story list (/)": [f"/?page={1 + i % 5}" for i in range(REQUESTS)],
                "story page": [f"/stories/{story_ids[i % len(story_ids)]}" for i in range(REQUESTS)],
                "search": [f"/search?q={WORDS[i % len(WORDS)]}" for i in range(REQUESTS)],
                "API story list": [f"/api/v1/stories?page={1 + i % 5}" for i in range(REQUESTS)],
            }
            results: dict = {"first_request_ms": first_requests(url, cases), "quiet": {}}
            print(f"first request on the fresh server (ms): {results['first_request_ms']}")
            print(f"quiet server ({CLIENTS} {client} readers):")
            for name, paths in cases.items():
                results["quiet"][name] = measured(lambda paths=paths: asyncio.run(load(url, paths, client)), server.pid)
                show(name, results["quiet"][name])
            if upload:
                upload_path = Path(tmp) / "upload.jsonl"
                upload_file(upload_path)
                with upload_path.open("rb") as handle:
                    response = httpx.post(url + "/api/v1/ingest", headers={"Authorization": f"Bearer {token}"},
                                          files={"files": ("upload.jsonl", handle, "application/x-ndjson")}, timeout=60)
                response.raise_for_status()
                job_id = response.json()["id"]
                waited = time.perf_counter()
                while time.perf_counter() - waited < START_WAIT:  # the readers start once the job analyses
                    job = httpx.get(f"{url}/api/v1/jobs/{job_id}", timeout=30).json()
                    progress = job.get("progress") or {}
                    if (progress.get("stage") not in (None, "ingest", "analyse") or progress.get("done")
                            or job.get("state") in FINISHED):
                        break
                    time.sleep(0.5)
                results["job_start_seconds"] = round(time.perf_counter() - waited, 1)
                results["upload_job_before_readers"] = {k: job.get(k) for k in ("state", "stage", "progress")}
                routes = {name: cases[name] for name in ("story list (/)", "story page", "search")}
                load_during = os.getloadavg()[0]
                results["during upload"] = measured(lambda: asyncio.run(load_for(url, routes, duration, client)), server.pid)
                job = httpx.get(f"{url}/api/v1/jobs/{job_id}", timeout=30).json()
                progress = job.get("progress") or {}
                during = results["during upload"]
                print(f"during a {UPLOAD}-article upload ({duration:.0f} s, load average {during['load_average_start_end'][0]}"
                      f" to {during['load_average_start_end'][1]}; job {progress_text(results['upload_job_before_readers'])}"
                      f" when the readers started, {progress_text(job)} when they stopped):")
                for name in routes:
                    show(name, during[name])
                print(f"  (other processes took {during['other_processes_cpu_share']:.0%} of the CPU; client CPU "
                      f"{during['client_cpu_ms_per_request']} ms a request)")
                if during["error_kinds"]:
                    print(f"  errors: {during['error_kinds']}")
                if job.get("error"):
                    print(f"  the job's error: {job['error']}")
                results["upload_job_after_readers"] = {k: job.get(k) for k in ("state", "stage", "progress", "added", "error")}
                results["load_average_at_upload"] = round(load_during, 2)
        finally:
            log_handle.flush()
            lines = server_log.read_text(errors="replace").splitlines()  # before the stop: what happened while it served
            server.terminate()
            server.wait()
            log_handle.close()
        problems = [n for n, line in enumerate(lines) if re.search(r"died|timed out|Traceback|Error", line)]
        results["server_log_problems"] = [lines[n].strip() for n in problems[:20]]
        if problems:  # the first problem with what follows it (a traceback), and the count
            print(f"server log: {len(problems)} problem lines; the first:\n  " + "\n  ".join(lines[problems[0] : problems[0] + 30]))
    out = REPO / "bench" / "results" / ("web.json" if client == "lean" else f"web-{client}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    record = {"articles": ARTICLES, "clients": CLIENTS, "client": client, "upload_articles": UPLOAD if upload else 0,
              "duration_seconds": duration, "cpus": os.cpu_count(),
              "load_average_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)], "results": results}
    out.write_text(json.dumps(record, indent=2) + "\n")
    print(f"written {out}")


if __name__ == "__main__":
    if "--articles" in sys.argv:  # a smaller store, to try the bench out
        ARTICLES = int(sys.argv[sys.argv.index("--articles") + 1])
    main(float(sys.argv[sys.argv.index("--duration") + 1]) if "--duration" in sys.argv else DURATION,
         upload="--no-upload" not in sys.argv, client=sys.argv[sys.argv.index("--client") + 1] if "--client" in sys.argv else "lean")
