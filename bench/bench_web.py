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
- ``quiet``: ``REQUESTS`` requests per route, one route at a time (no upload);
- ``during upload``: the three reader routes mixed, 20 clients for ``DURATION`` seconds.
An error is a response that is not 2xx or a request that fails (timeout 30 s).
Results are printed and written to bench/results/web.json, with the machine's load average.
Usage: ``python bench/bench_web.py [--duration SECONDS] [--no-upload]``.
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
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
DETIK = REPO.parent / "shared" / "data" / "detik-1000" / "articles.csv"
ARTICLES = 10_000
CLIENTS = 20
REQUESTS = 400  # per endpoint, quiet phase
DURATION = 60.0  # seconds of reading while the upload runs
UPLOAD = 1_000  # articles uploaded
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
        store.save_brief(story.id, brief, {**summary, "badges": []})
    return [s.id for s, m in stories if len(m) > 3][:50]


def summary(latencies: list[float], errors: int, elapsed: float) -> dict:
    ordered = sorted(latencies)
    if not ordered:
        return {"requests": 0, "errors": errors}
    return {"requests": len(ordered), "errors": errors, "p50_ms": round(statistics.median(ordered) * 1000, 1),
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1),
            "max_ms": round(ordered[-1] * 1000, 1), "requests_per_second": round(len(ordered) / elapsed, 1)}


async def load(url: str, paths: list[str]) -> dict:
    """``paths`` fetched by ``CLIENTS`` clients until none is left."""
    latencies: list[float] = []
    errors = [0]
    queue = list(paths)

    async def client(session: httpx.AsyncClient) -> None:
        while queue:
            path = queue.pop()
            started = time.perf_counter()
            try:
                response = await session.get(url + path)
                errors[0] += not response.is_success
            except httpx.HTTPError:
                errors[0] += 1
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=30) as session:
        await asyncio.gather(*(client(session) for _ in range(CLIENTS)))
    return summary(latencies, errors[0], time.perf_counter() - started)


async def load_for(url: str, routes: dict[str, list[str]], seconds: float) -> dict:
    """``CLIENTS`` clients taking the routes in turn for ``seconds``; figures per route."""
    latencies: dict[str, list[float]] = {name: [] for name in routes}
    errors = dict.fromkeys(routes, 0)
    kinds: Counter[str] = Counter()  # what the errors were: an HTTP status, or the exception's name
    names = list(routes)
    deadline = time.perf_counter() + seconds

    async def client(number: int, session: httpx.AsyncClient) -> None:
        turn = number
        while time.perf_counter() < deadline:
            name = names[turn % len(names)]
            path = routes[name][(turn // len(names)) % len(routes[name])]
            turn += 1
            started = time.perf_counter()
            try:
                response = await session.get(url + path)
                if not response.is_success:
                    errors[name] += 1
                    kinds[f"HTTP {response.status_code}"] += 1
            except httpx.HTTPError as error:
                errors[name] += 1
                kinds[type(error).__name__] += 1
            latencies[name].append(time.perf_counter() - started)

    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=CLIENTS)) as session:
        await asyncio.gather(*(client(n, session) for n in range(CLIENTS)))
    elapsed = time.perf_counter() - started
    return {**{name: summary(latencies[name], errors[name], elapsed) for name in routes}, "error_kinds": dict(kinds)}


def show(name: str, r: dict) -> None:
    print(f"  {name:16s} p50 {r.get('p50_ms', 0):7.1f} ms  p95 {r.get('p95_ms', 0):7.1f} ms  "
          f"{r.get('requests_per_second', 0):7.1f} req/s  {r['requests']:6d} requests  {r['errors']} errors")


def main(duration: float = DURATION, upload: bool = True) -> None:
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
        server = subprocess.Popen([sys.executable, "-m", "kroscek.cli", "serve", "--db", str(db), "--port", str(port), "--workers", "2"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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
            results: dict = {"quiet": {}}
            print("quiet server:")
            for name, paths in cases.items():
                results["quiet"][name] = asyncio.run(load(url, paths))
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
                routes = {name: cases[name] for name in ("story list (/)", "story page", "search")}
                load_during = os.getloadavg()[0]
                results["during upload"] = asyncio.run(load_for(url, routes, duration))
                job = httpx.get(f"{url}/api/v1/jobs/{job_id}", timeout=30).json()
                progress = job.get("progress") or {}
                print(f"during a {UPLOAD}-article upload ({duration:.0f} s; job then: {job.get('state')}, "
                      f"{progress.get('stage')} {progress.get('done')}/{progress.get('total')}):")
                for name in routes:
                    show(name, results["during upload"][name])
                if results["during upload"]["error_kinds"]:
                    print(f"  errors: {results['during upload']['error_kinds']}")
                results["upload_job_after_readers"] = {k: job.get(k) for k in ("state", "stage", "progress", "added")}
                results["load_average_at_upload"] = round(load_during, 2)
        finally:
            server.terminate()
            server.wait()
    out = REPO / "bench" / "results" / "web.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    record = {"articles": ARTICLES, "clients": CLIENTS, "upload_articles": UPLOAD if upload else 0,
              "duration_seconds": duration, "cpus": os.cpu_count(),
              "load_average_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)], "results": results}
    out.write_text(json.dumps(record, indent=2) + "\n")
    print(f"written {out}")


if __name__ == "__main__":
    main(float(sys.argv[sys.argv.index("--duration") + 1]) if "--duration" in sys.argv else DURATION,
         upload="--no-upload" not in sys.argv)
