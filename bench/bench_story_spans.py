"""Story spans on real streams: every story longer than ``LONGEST_DAYS`` days, with what holds it together.

Story matching runs (default mode, then ``--fast``) on two real collections from ../shared/data:
- ``detik-1000``: 1,000 detik articles, 21 Oct - 8 Dec 2025;
- ``indonews-early-june``: every file of the early-June 2025 multi-outlet scrape.

For each, printed and written to bench/results/story-spans.json: the number of stories, the span
of the longest, and every story whose published dates span more than ``LONGEST_DAYS`` days with
its reason: each article (date, title) and why it joined (the earlier article it joined through,
the link score, and the signature fields the two share), so a chain of unrelated reports shows
as a run of weak links with nothing shared.

The analysed articles are kept in the embedding cache folder (``$KROSCEK_CACHE``, by default
~/.cache/kroscek), keyed by the input's content; ``--fresh`` analyses again.
Usage: ``python bench/bench_story_spans.py [--fresh]``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
import time
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
DETIK = DATA / "detik-1000" / "articles.csv"
INDONEWS = DATA / "indonews-early-june-2025"
RESULTS = REPO / "bench" / "results" / "story-spans.json"
LONGEST_DAYS = 14


def detik_documents() -> list:
    from kroscek.model import Document

    csv.field_size_limit(sys.maxsize)
    with DETIK.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Document(
            source=f"detik-1000#{row['id']}",
            text=row["isi_berita"],
            title=row["judul"],
            url=row["tautan"],
            outlet="detik.com",
            published=datetime.strptime(row["tanggal"], "%m/%d/%Y %H:%M").isoformat(timespec="minutes"),
            language="id",
        )
        for row in rows
        if row["isi_berita"].strip()
    ]


def indonews_documents() -> list:
    from kroscek.eval.clustering import indonews_published
    from kroscek.model import Document

    csv.field_size_limit(sys.maxsize)
    documents = {}
    for path in sorted(INDONEWS.glob("berita_*.csv")):
        outlet = path.stem.removeprefix("berita_")
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                url = row["url"].split("?")[0]
                if not row["content"].strip() or url in documents:
                    continue
                documents[url] = Document(
                    source=url,
                    text=row["content"],
                    title=row["title"],
                    url=url,
                    outlet={"detik": "detik.com", "kompas": "kompas.com", "republika": "republika.co.id",
                            "kapanlagi": "kapanlagi.com"}.get(outlet, outlet),
                    published=indonews_published(row["date"], row.get("time", "")),
                    language="id",
                )
    return list(documents.values())


def analysed(name: str, documents: list, fresh: bool = False) -> list:
    """The documents analysed (from the cache when the same input was analysed before)."""
    from kroscek.analyse.embed import default_cache_dir
    from kroscek.model import Article
    from kroscek.pipeline import AnalysisTooLong, analyse

    digest = hashlib.sha1()
    for document in documents:
        digest.update(json.dumps([document.source, document.title, document.text, document.published]).encode())
    path = default_cache_dir() / f"spans-{name}-{digest.hexdigest()[:12]}.json"
    if path.exists() and not fresh:
        return [Article.from_dict(item) for item in json.loads(path.read_text(encoding="utf-8"))]
    articles = []
    for document in documents:
        try:
            article = analyse(document)
        except (AnalysisTooLong, ValueError) as error:
            print(f"{document.source}: skipped ({error})", file=sys.stderr)
            continue
        article.id = hashlib.sha256(document.source.encode("utf-8")).hexdigest()[:16]
        articles.append(article)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([a.to_dict() for a in articles], ensure_ascii=False), encoding="utf-8")
    return articles


def _day(article) -> date | None:  # noqa: ANN001 - an Article
    return date.fromisoformat(article.published[:10]) if article.published else None


def spans(name: str, articles: list, precise: bool = True) -> dict:
    """Story matching on ``articles`` (``precise=False``: ``--fast``); the stories longer than
    ``LONGEST_DAYS`` with their links."""
    from kroscek.analyse.embed import Embedder, FileCache, default_cache_dir
    from kroscek.match.stories import cluster_stories
    from kroscek.settings import DEFAULT, FAST

    cache = FileCache(default_cache_dir() / "e5.npz")
    started = time.perf_counter()
    result = cluster_stories(articles, embedder=Embedder(cache), settings=DEFAULT if precise else FAST)
    seconds = time.perf_counter() - started
    cache.save()
    by_id = {a.id: a for a in articles}
    rows = []
    for story in result.stories:
        days = [d for d in (_day(by_id[i]) for i in story.articles) if d]
        span = (max(days) - min(days)).days if days else 0
        rows.append((span, story))
    rows.sort(key=lambda row: (-row[0], row[1].id))
    long = []
    for span, story in rows:
        if span <= LONGEST_DAYS:
            break
        members = []
        for article_id in story.articles:
            article = by_id[article_id]
            join = result.joins.get(article_id)
            linked = join is not None and join.through is not None
            members.append({
                "article": article.source,
                "published": article.published,
                "through": by_id[join.through].source if linked else None,
                "through_published": by_id[join.through].published if linked else None,
                "score": round(join.score, 3) if linked else None,
                "signature": join.signature if linked else "",
                "shared": join.shared_fields() if linked else {},
            })
        long.append({"story": story.id, "days": span, "articles": members})
    return {
        "collection": name,
        "mode": "default" if precise else "fast",
        "articles": len(articles),
        "stories": len(result.stories),
        "longest_days": rows[0][0] if rows else 0,
        "over_days": LONGEST_DAYS,
        "longer_stories": long,
        "cluster_seconds": round(seconds, 2),
    }


def show(record: dict, titles: dict[str, str]) -> None:
    """Print a collection's figures and its long stories, titles read from the articles (the
    results file holds sources, dates and shared keys only, never article text)."""
    print(
        f"{record['collection']} ({record['mode']}): {record['articles']} articles, {record['stories']} stories, longest "
        f"{record['longest_days']} days; {len(record['longer_stories'])} longer than {record['over_days']} days"
    )
    for story in record["longer_stories"]:
        print(f"  {story['days']:3d} days  {len(story['articles'])} articles  {story['story']}")
        for member in story["articles"]:
            day = (member["published"] or "undated")[:10]
            if member["through"] is None:
                print(f"      {day}  {titles[member['article']]}  (founds the story)")
                continue
            shared = "; ".join(f"{k}: {', '.join(v) if isinstance(v, list) else v}" for k, v in member["shared"].items())
            print(
                f"      {day}  {titles[member['article']]}\n"
                f"          joined through {(member['through_published'] or 'undated')[:10]} "
                f"'{titles[member['through']]}' at {member['score']:.3f} {member['signature']}; "
                f"shares {shared or 'nothing'}"
            )


def main(fresh: bool = False) -> None:
    collections = {"detik-1000": (DETIK, detik_documents), "indonews-early-june": (INDONEWS, indonews_documents)}
    records = []
    for name, (path, read) in collections.items():
        if not path.exists():
            print(f"{name}: skipped ({path} missing)")
            continue
        articles = analysed(name, read(), fresh)
        for precise in (True, False):
            record = spans(name, articles, precise)
            show(record, {a.source: a.title for a in articles})
            records.append(record)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"results": records}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"written {RESULTS}")


if __name__ == "__main__":
    if "--analyse-only" in sys.argv[1:]:
        for name, read in (("detik-1000", detik_documents), ("indonews-early-june", indonews_documents)):
            print(name, len(analysed(name, read(), "--fresh" in sys.argv[1:])))
    else:
        main(fresh="--fresh" in sys.argv[1:])
