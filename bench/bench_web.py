"""Web server latency: p50 / p95 and requests per second for the story list, a story page and
search, at 20 concurrent clients on loopback, over a store of 10,000 articles.

The store is generated: article text recombines sentences of ../shared/data/detik-1000 (read at
run time, never copied into the repo), grouped into stories of 1–12 articles with briefs of
realistic size. Results are printed and written to bench/results/web.json.
"""

from __future__ import annotations

import asyncio
import csv
import json
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
DETIK = REPO.parent / "shared" / "data" / "detik-1000" / "articles.csv"
ARTICLES = 10_000
CLIENTS = 20
REQUESTS = 400  # per endpoint


def sentences() -> list[str]:
    if not DETIK.exists():
        return [f"Warga desa ke-{n} menggelar rapat tentang saluran air pada Senin pagi." for n in range(2000)]
    csv.field_size_limit(10**8)
    with DETIK.open(encoding="utf-8") as handle:
        texts = [row["isi_berita"] for row in csv.DictReader(handle)]
    return [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if 40 < len(s) < 300]


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
                 "facts": [{"status": "agreed" if len(claims) > 1 else "single-source", "claims": claims}],
                 "entities": [{"id": f"e{hash(story.id) % 300}", "name": "Tokoh", "type": "PER", "aliases": [],
                               "mentions": []}], "quotes": [], "provenance": {}}
        summary = story_summary(story, members)
        store.save_brief(story.id, brief, {**summary, "badges": []})
    return [s.id for s, m in stories if len(m) > 3][:50]


async def load(url: str, paths: list[str]) -> dict:
    latencies: list[float] = []
    queue = list(paths)

    async def client(session: httpx.AsyncClient) -> None:
        while queue:
            path = queue.pop()
            started = time.perf_counter()
            response = await session.get(url + path)
            latencies.append(time.perf_counter() - started)
            response.raise_for_status()

    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=30) as session:
        await asyncio.gather(*(client(session) for _ in range(CLIENTS)))
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {"requests": len(ordered), "p50_ms": round(statistics.median(ordered) * 1000, 1),
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1),
            "requests_per_second": round(len(ordered) / elapsed, 1)}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "web.db"
        started = time.perf_counter()
        story_ids = build_store(db)
        print(f"store of {ARTICLES} articles built in {time.perf_counter() - started:.1f}s")
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "kroscek.cli", "serve", "--db", str(db), "--port", str(port), "--workers", "2"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    httpx.get(url + "/api/v1/stories", timeout=2)
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            words = ["presiden", "banjir", "menteri", "jakarta", "polisi", "harga", "sekolah", "bandara"]
            cases = {
                "story list (/)": [f"/?page={1 + i % 5}" for i in range(REQUESTS)],
                "story page": [f"/stories/{story_ids[i % len(story_ids)]}" for i in range(REQUESTS)],
                "search": [f"/search?q={words[i % len(words)]}" for i in range(REQUESTS)],
                "API story list": [f"/api/v1/stories?page={1 + i % 5}" for i in range(REQUESTS)],
            }
            results = {}
            for name, paths in cases.items():
                results[name] = asyncio.run(load(url, paths))
                r = results[name]
                print(f"{name:16s} p50 {r['p50_ms']:7.1f} ms  p95 {r['p95_ms']:7.1f} ms  {r['requests_per_second']:7.1f} req/s")
        finally:
            server.terminate()
            server.wait()
    out = REPO / "bench" / "results" / "web.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"articles": ARTICLES, "clients": CLIENTS, "results": results}, indent=2) + "\n")
    print(f"written {out}")


if __name__ == "__main__":
    main()
