"""The engines: the embedded engine and Ray (a local Ray with 2 CPUs) give the same stories, article
ids and briefs, on SQLite and on a real PostgreSQL server; concurrent Ray writers duplicate nothing."""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from kroscek.cli import app
from kroscek.engine.local import IngestSummary, compare, ingest, match
from kroscek.ingest import list_inputs
from kroscek.model import Article, Document, Rejected, Story
from kroscek.pipeline import article_id
from kroscek.report import build_report
from kroscek.settings import FAST
from kroscek.store import Store

if not os.environ.get("CI"):
    pytest.importorskip("ray", reason="Ray is not installed (pip install 'kroscek[ray]')")
import pyarrow as pa  # noqa: E402 - after the skip (Ray brings it)
import ray  # noqa: E402

from kroscek.engine.ray import (  # noqa: E402
    AnalyseWorker,
    compare_cost,
    cost_balanced_groups,
    document_rows,
    list_sources,
    run_ray,
    summary_from_row,
)

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "engines"
CORPUS = REPO / "examples" / "corpus"
# The engine fixtures (a story told in Indonesian and in English, an exact copy of one article in
# another file, a malformed JSON line) and one story of the sample corpus (text, HTML, English).
INPUTS = [
    str(FIXTURES),
    str(CORPUS / "16_ka-banyu-biru-tabrak-truk-berita-pagi.txt"),
    str(CORPUS / "17_kecelakaan-kereta-karangjati-harian-mentari.html"),
    str(CORPUS / "18_train-hits-truck-jakarta-daily-post.txt"),
]

runner = CliRunner()


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    """One local Ray (2 CPUs) for the module; the engine uses it instead of starting its own."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def comparable(report: dict) -> dict:
    """A report without the times at which story events were logged."""
    events = [{k: v for k, v in event.items() if k != "at"} for event in report["story_events"]]
    return {**report, "story_events": events}


def across_stores(report: dict) -> dict:
    """``comparable``, with the articles keyed by id: SQLite lists undated articles first and
    PostgreSQL last (``ORDER BY published`` puts NULL first in one and last in the other)."""
    return {**comparable(report), "articles": {a["id"]: a for a in report["articles"]}}


def run_cli(*args: str) -> dict:
    result = runner.invoke(app, ["run", *args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def run_local(db: str) -> dict:
    store = Store(db)
    ingest(list_inputs(INPUTS), store)
    match(store)
    compare(store)
    return comparable(build_report(store))


@pytest.fixture(scope="module")
def embedded_report(tmp_path_factory) -> dict:
    """The embedded engine on SQLite, through the command line: the reference result."""
    folder = tmp_path_factory.mktemp("embedded")
    report = comparable(run_cli(*INPUTS, "--db", str(folder / "k.db"), "--out", str(folder / "report")))
    # the reference is not trivially empty: it holds the case the engines must agree on
    ids = [a["id"] for a in report["articles"]]
    assert len(ids) == len(set(ids)) == 6  # 3 fixture articles (the copy stored once) + 3 corpus articles
    assert [r["source"] for r in report["rejected"]] == [str(FIXTURES / "a-pesisir.jsonl") + "#3"]
    port = next(s for s in report["stories"] if "Teluk Sendang" in s["title"])
    assert len(port["articles"]) == 2 and port["languages"] == ["en", "id"]
    train = {a["id"] for a in report["articles"] if a["source"].startswith(str(CORPUS))}
    assert [set(s["articles"]) & train for s in report["stories"] if set(s["articles"]) & train] == [train]
    assert all(s["brief"].get("summary") for s in report["stories"])
    return report


def test_ray_engine_on_sqlite_gives_the_embedded_result(local_ray, embedded_report, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a relative --db names the same file for the workers
    report = run_cli(*INPUTS, "--engine", "ray", "--db", "k.db", "--out", "report")
    assert (tmp_path / "k.db").exists() and (tmp_path / "report" / "index.html").exists()
    assert comparable(report) == embedded_report
    copy_source = str(FIXTURES / "c-salinan.jsonl")
    assert not any(a["source"].startswith(copy_source) for a in report["articles"])  # the first reading is kept


def test_fast_matching_is_the_same_on_both_engines_and_embeds_no_article(local_ray, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    embedded = comparable(run_cli(*INPUTS, "--fast", "--db", "e.db", "--out", "e"))
    report = run_cli(*INPUTS, "--fast", "--engine", "ray", "--db", "r.db", "--out", "r")
    assert comparable(report) == embedded
    assert Store("r.db").embeddings([a["id"] for a in report["articles"]]) == {}


def test_both_engines_on_postgresql_give_the_sqlite_result(local_ray, embedded_report, postgres_url):
    embedded = run_local(postgres_url())
    assert across_stores(embedded) == across_stores(embedded_report)

    url = postgres_url()
    first = run_ray(INPUTS, url)
    assert (first.ingest.added, first.ingest.skipped, len(first.ingest.rejected)) == (6, 0, 1)
    assert first.ingest.repeated == 1  # the exact copy in c-salinan.jsonl, on a fresh store
    assert first.workers == 2 and first.briefs == len(embedded_report["stories"])
    assert set(first.stage_seconds) == {"read", "dedupe", "analyse", "match", "compare"}
    assert comparable(build_report(Store(url))) == embedded

    again = run_ray(INPUTS, url)  # a re-run reads everything again and stores nothing new
    assert (again.ingest.added, again.ingest.skipped, again.ingest.repeated, again.briefs) == (0, 6, 1, 0)
    assert comparable(build_report(Store(url))) == embedded


def test_ray_reading_an_input_again_replaces_what_was_rejected_from_it(local_ray, tmp_path):
    """As in the embedded engine: a record fixed since the last run is no longer listed as rejected."""
    news, db = tmp_path / "kabar.jsonl", str(tmp_path / "k.db")
    document = the_documents(1)[0]
    record = json.dumps({"title": document.title, "text": document.text, "published": document.published})
    news.write_text(record + "\n{broken\n", encoding="utf-8")
    first = run_ray([str(news)], db, settings=FAST, brief=False)
    assert (first.ingest.added, [r.source for r in first.ingest.rejected]) == (1, [f"{news}#2"])
    assert [r.source for r in Store(db).rejected()] == [f"{news}#2"]
    news.write_text(record + "\n", encoding="utf-8")
    again = run_ray([str(news)], db, settings=FAST, brief=False)
    assert (again.ingest.skipped, again.ingest.rejected, Store(db).rejected()) == (1, [], [])


def local_urls(report: dict) -> dict:
    """``report`` as read from ``local://`` URLs: a source read from a file is that file's URL."""

    def url(source: str) -> str:
        return f"local://{source}" if source.startswith(str(REPO)) else source  # not an article's own url

    return {**report, "articles": [{**a, "source": url(a["source"])} for a in report["articles"]],
            "rejected": [{**r, "source": url(r["source"])} for r in report["rejected"]]}


def test_ray_engine_reads_fsspec_urls_and_records_them_as_sources(local_ray, embedded_report, tmp_path):
    """Inputs given as fsspec URLs (``local://``, which every worker process can open) are copied to a
    worker's disk and read there: the stories, ids and briefs are the embedded engine's, and what was
    read from a file has the file's URL as its source. A missing remote file is a rejected input, as
    a missing local path is, and does not stop the run."""
    missing = f"local://{tmp_path / 'missing.txt'}"
    result = run_ray([*(f"local://{path}" for path in INPUTS), missing], tmp_path / "k.db")
    assert (result.ingest.added, result.ingest.skipped, result.ingest.repeated, len(result.ingest.rejected)) == (6, 0, 1, 2)
    report = comparable(build_report(Store(tmp_path / "k.db")))
    expected = local_urls(embedded_report)
    assert sum(a["source"].startswith("local://") for a in expected["articles"]) == 4  # the files' articles
    rejected = {r["source"]: r["reason"] for r in report.pop("rejected")}
    assert rejected == {missing: "no such file", **{r["source"]: r["reason"] for r in expected.pop("rejected")}}
    assert f"local://{FIXTURES / 'a-pesisir.jsonl'}#3" in rejected
    assert report == expected


def test_list_sources_expands_a_folder_url_as_a_local_folder_is_expanded(tmp_path):
    """A folder URL lists its article files in the order a local folder lists them, skipping what a
    local folder skips (hidden, unknown types, READMEs, answer keys), each file once; a ``file://``
    URL is the local path it names."""
    for name in ["b.txt", "a/z.html", "a-b/c.jsonl", ".hidden/d.txt", "README.md", "labels.jsonl", "notes.pdf"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    locally = list_inputs([tmp_path])
    assert [path.relative_to(tmp_path).as_posix() for path in locally] == ["a/z.html", "a-b/c.jsonl", "b.txt"]
    folder = f"local://{tmp_path}"
    urls = [f"local://{path}" for path in locally]
    assert list_sources([folder, f"{folder}/b.txt", f"{folder}/"]) == [(url, url) for url in urls]
    assert list_sources([f"file://{tmp_path}"]) == [(str(path), str(path)) for path in locally]


def test_compare_groups_give_a_large_story_its_own_group_and_share_the_rest_evenly():
    """Cross-checking a story costs about the square of its size: the two large stories get groups
    of their own and the small ones fill the other groups to within one story's cost."""
    rng = random.Random(7)
    sizes = [60, 45] + [rng.randint(1, 6) for _ in range(300)]
    stories = [Story(id=f"s{n:03d}", title="", articles=[f"a{n}-{k}" for k in range(size)]) for n, size in enumerate(sizes)]
    groups = cost_balanced_groups(stories, 6)
    assert sorted(i for group in groups for i in group) == sorted(s.id for s in stories)
    assert groups[:2] == [["s000"], ["s001"]]
    cost = {s.id: compare_cost(s) for s in stories}
    costs = [sum(cost[i] for i in group) for group in groups[2:]]
    assert max(costs) - min(costs) <= max(cost[i] for group in groups[2:] for i in group)
    assert costs == sorted(costs, reverse=True)


def the_documents(count: int) -> list[Document]:
    """Short generated flood reports, each with its own village, numbers and date."""
    villages = ["Sukamaju", "Tanjung Sari", "Batu Putih", "Karang Anyar", "Air Dingin", "Rawa Bening"]
    documents = []
    for n in range(count):
        village = f"{villages[n % len(villages)]} {n // len(villages) + 1}"
        day = 1 + n % 28
        documents.append(Document(
            source=f"generated-{n:03d}.txt",
            title=f"Banjir Rendam {40 + n * 3} Rumah di Desa {village}",
            text=(f"Banjir merendam {40 + n * 3} rumah di Desa {village}, Kabupaten Lamaru Barat, pada Senin "
                  f"({day}/4/2025). Kepala desa mengatakan {n + 2} keluarga mengungsi ke balai desa.\n\n"
                  f"\"Air naik setinggi {50 + n} sentimeter dalam dua jam,\" kata petugas posko."),
            outlet="Warta Uji",
            published=f"2025-04-{day:02d}",
        ))
    return documents


def test_four_ray_workers_writing_overlapping_batches_store_every_article_once(local_ray, postgres_url):
    url = postgres_url()
    Store(url).close()  # the schema exists before the workers open it, as the engine does
    documents = the_documents(36)
    private, shared = documents[:4], documents[4:]
    writer = ray.remote(num_cpus=0.5)(AnalyseWorker)  # four workers on the two CPUs at once
    workers = [writer.remote(url) for _ in range(4)]
    # each worker first stores an article of its own, which also loads its models...
    ray.get([w.process.remote(document_rows([doc], start=n)) for n, (w, doc) in enumerate(zip(workers, private))])
    # ...then all four write 24 of the 32 shared articles at the same time (each article by three
    # workers), in batches of 8, each worker in its own order
    calls = []
    for number, worker in enumerate(workers):
        mine = [shared[(8 * number + k) % len(shared)] for k in range(24)]
        random.Random(number).shuffle(mine)
        calls += [worker.process.remote(document_rows(mine[k : k + 8], start=100 * number + k)) for k in (0, 8, 16)]
    summaries = ray.get(calls)

    assert not [r for summary in summaries for r in summary.rejected]
    assert sum(summary.added for summary in summaries) >= len(shared)
    store = Store(url)
    expected = {article_id(doc) for doc in documents}
    assert len(expected) == 36
    assert {a.id for a in store.articles()} == expected
    with store.engine.connect() as conn:
        rows, distinct = conn.execute(text("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles")).one()
    assert rows == distinct == 36
    assert set(store.embeddings(sorted(expected))) == expected


def test_concurrent_writers_of_the_same_new_articles_do_not_deadlock(local_ray, postgres_url):
    """Four workers upsert the same new articles and vectors at once, each in its own order.

    In PostgreSQL two transactions inserting the same new keys in opposite orders deadlock and one
    is aborted; the store writes in key order, so every round completes."""
    url = postgres_url()
    Store(url).close()
    writer = ray.remote(num_cpus=0.5)(Store)
    workers = [writer.remote(url) for _ in range(4)]
    ray.get([w.count_articles.remote() for w in workers])  # connected and ready
    body = " ".join(f"Kalimat ke-{n} tentang banjir di pesisir Lamaru Barat." for n in range(60))
    expected: set[str] = set()
    for round_number in range(6):
        articles = [
            Article(id=f"r{round_number}a{n:03d}", source=f"round-{round_number}-{n}.txt", title=f"Banjir {n}",
                    text=body, outlet="Warta Uji", language="id", published="2025-04-01")
            for n in range(40)
        ]
        expected |= {a.id for a in articles}
        calls = []
        for number, worker in enumerate(workers):
            mine = articles[:]
            random.Random(10 * round_number + number).shuffle(mine)
            vectors = {a.id: np.full(384, number, dtype=np.float32) for a in mine}
            calls += [worker.put_embeddings.remote(vectors), worker.add_articles.remote(mine)]
        ray.get(calls)
    store = Store(url)
    assert {a.id for a in store.articles()} == expected
    assert set(store.embeddings(sorted(expected))) == expected


def test_the_shared_ingest_step_skips_stored_and_repeated_documents_and_rejects_a_failing_one(tmp_path, monkeypatch):
    from kroscek.engine import local
    from kroscek.ingest import read_file

    docs = [d for d in read_file(FIXTURES / "a-pesisir.jsonl") if isinstance(d, Document)]
    first, second, broken = docs[0], docs[1], Document(source="broken.txt", text=docs[0].text + " Lagi.")
    real_analyse = local.analyse

    def analyse(doc: Document, **options) -> Article:
        if doc.source == "broken.txt":
            raise RuntimeError("parser gave up")
        return real_analyse(doc, **options)

    monkeypatch.setattr(local, "analyse", analyse)
    store = Store(tmp_path / "k.db")
    assert local.store_documents(store, [(article_id(first), first)]).added == 1
    embedded: list[str] = []
    advanced: list[int] = []
    batch = [(article_id(d), d) for d in (first, second, second, broken)]
    done = local.store_documents(store, batch, before_store=lambda articles: embedded.extend(a.id for a in articles),
                                 advance=lambda: advanced.append(1))
    assert (done.added, done.skipped, done.repeated) == (1, 1, 1)  # the stored one; the repeat
    assert [(r.source, r.reason) for r in done.rejected] == [("broken.txt", "analysis failed: RuntimeError: parser gave up")]
    assert [r.source for r in store.rejected()] == ["broken.txt"]
    assert embedded == [article_id(second)] and len(advanced) == 4
    assert sorted(a.id for a in store.articles()) == sorted([article_id(first), article_id(second)])


def test_an_analyse_worker_counts_a_later_reading_as_repeated_not_as_stored(tmp_path):
    """Of a content id read twice, the later reading is a repeat inside the input, whether the
    engine found it (``firsts``) or the batch did; only what the store held before is skipped."""
    first, second = the_documents(2)
    rows = document_rows([first, second, first])
    worker = AnalyseWorker(str(tmp_path / "k.db"), firsts={article_id(first): 0}, settings=FAST)

    def counts(summary: IngestSummary) -> dict[str, int]:
        return {"added": summary.added, "repeated": summary.repeated, "skipped": summary.skipped}

    assert counts(worker.process(rows)) == {"added": 2, "repeated": 1, "skipped": 0}
    assert counts(worker.process(rows)) == {"added": 0, "repeated": 1, "skipped": 2}
    unfound = AnalyseWorker(str(tmp_path / "k.db"), settings=FAST)  # no firsts: the batch finds the repeat
    assert counts(unfound.process(document_rows([second, second]))) == {"added": 0, "repeated": 1, "skipped": 1}
    assert len(Store(tmp_path / "k.db").articles()) == 2


def test_a_worker_hands_back_what_became_of_its_batch_as_one_row(tmp_path):
    """An input that could not be read and an article stored, through the row a worker returns
    to the engine: the same summary on the other side, and the unread input recorded as rejected."""
    rows = document_rows([*the_documents(1), Rejected("kabar.jsonl#2", "invalid JSON")])
    worker = AnalyseWorker(str(tmp_path / "k.db"), settings=FAST)
    row = worker(pa.Table.from_pylist(rows))
    assert {name: len(values) for name, values in row.items()} == dict.fromkeys(row, 1)
    summary = summary_from_row({name: values[0] for name, values in row.items()})
    assert (row["documents"][0], summary.added, summary.skipped, summary.repeated) == (2, 1, 0, 0)
    assert [(r.source, r.reason) for r in summary.rejected] == [("kabar.jsonl#2", "invalid JSON")]
    assert [r.source for r in Store(tmp_path / "k.db").rejected()] == ["kabar.jsonl#2"]
