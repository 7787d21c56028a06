"""Hostile input on the ingest path and the store (issue 16, rows 2, 5, 7, 8, 10, 11, 12, 13): bounded
work per article, story membership under two writers, exact deletes, truncated archives, junk
too short to be an article, malformed CSV and names, the rejected list, and exit codes."""

from __future__ import annotations

import importlib.util
import io
import re
import sys
import threading
import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import kroscek
from kroscek.cli import app
from kroscek.engine import local
from kroscek.ingest import MAX_ARTICLE_BYTES, MAX_RECORD_BYTES, read_file
from kroscek.match.stories import StoryResult
from kroscek.model import Article, Document, Rejected, Story
from kroscek.store import StaleStories, Store

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()
LEAD = "Warga Desa Sukamaju mengungsi ke balai desa setelah banjir merendam rumah mereka pada Senin pagi."


def _bench_module():
    spec = importlib.util.spec_from_file_location("bench_long_articles", REPO / "bench" / "bench_long_articles.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_long_articles", module)
    spec.loader.exec_module(module)
    return module


def items(path: Path, **options) -> list[Document | Rejected]:
    return list(read_file(path, **options))


def rejections(path: Path, **options) -> dict[str, str]:
    return {item.source: item.reason for item in items(path, **options) if isinstance(item, Rejected)}


# --- row 2: bounded work -------------------------------------------------------------------------


def test_csv_row_over_the_record_limit_is_rejected_and_the_rows_around_it_are_stored(tmp_path):
    path = tmp_path / "ekspor.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("title,text\n")
        handle.write(f"Banjir di Sukamaju,{LEAD}\n")
        handle.write("Raksasa," + "kata " * (MAX_RECORD_BYTES // 5 + 10) + "\n")
        handle.write(f"Jembatan Kali Putih,Jembatan Kali Putih ditutup sementara karena retak.\n")
    store = Store(tmp_path / "k.db")
    summary = local.ingest([path], store)
    assert summary.added == 2
    assert [(r.source, r.reason) for r in summary.rejected] == [
        (f"{path}#2", f"row 2: record too large: over the {MAX_RECORD_BYTES / 2**20:g} MB limit")]
    assert {a.title for a in store.articles()} == {"Banjir di Sukamaju", "Jembatan Kali Putih"}


def test_a_huge_csv_field_is_not_held_in_memory(tmp_path):
    path = tmp_path / "besar.csv"
    field = 5 * MAX_RECORD_BYTES
    with path.open("w", encoding="utf-8") as handle:
        handle.write(f"title,text\nSatu,{LEAD}\nDua,")
        for _ in range(field // 2**20):
            handle.write("a" * 2**20)
        handle.write(f"\nTiga,{LEAD}\n")
    tracemalloc.start()
    try:
        found = items(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [type(item).__name__ for item in found] == ["Document", "Rejected", "Document"]
    assert peak < field / 2, f"{peak / 2**20:.0f} MB held for a {field / 2**20:.0f} MB field"


def test_a_multi_line_csv_field_over_the_limit_is_rejected(tmp_path):
    path = tmp_path / "baris.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(f'title,text\nSatu,{LEAD}\nDua,"')
        for _ in range(MAX_RECORD_BYTES // 2**16 + 2):
            handle.write("b" * (2**16 - 1) + "\n")
        handle.write('"\n')
    found = items(path)
    assert isinstance(found[0], Document)
    assert found[1].source == f"{path}#2" and found[1].reason.startswith("row 2: record too large")


def test_every_record_kind_has_an_article_size_limit(tmp_path):
    big = "kata " * (MAX_ARTICLE_BYTES // 5 + 10)
    jsonl = tmp_path / "baris.jsonl"
    jsonl.write_text(f'{{"title": "Satu", "text": "{LEAD}"}}\n{{"title": "Dua", "text": "{big}"}}\n', encoding="utf-8")
    assert rejections(jsonl) == {f"{jsonl}#2": "line 2: article too large: 2.0 MB of text > 2 MB limit"}
    line = tmp_path / "satu-baris.jsonl"
    line.write_text(f'{{"title": "Satu", "text": "{LEAD}"}}\n{{"text": "{"x" * (MAX_RECORD_BYTES + 10)}"}}\n'
                    f'{{"title": "Tiga", "text": "{LEAD}"}}\n', encoding="utf-8")
    assert rejections(line) == {f"{line}#2": f"line 2: record too large: over the {MAX_RECORD_BYTES / 2**20:g} MB limit"}
    assert len([i for i in items(line) if isinstance(i, Document)]) == 2
    records = tmp_path / "daftar.json"
    records.write_text(f'[{{"title": "Dua", "text": "{big}"}}, {{"title": "Satu", "text": "{LEAD}"}}]', encoding="utf-8")
    assert rejections(records)[f"{records}#1"].startswith("record 1: article too large")
    text = tmp_path / "panjang.txt"
    text.write_text("Judul Panjang\n\n" + big, encoding="utf-8")
    assert rejections(text)[str(text)].startswith("article too large")
    feed = tmp_path / "umpan.rss"
    feed.write_text(f"<rss><channel><title>Kabar</title><item><title>Satu</title><link>https://contoh.example/1</link>"
                    f"<description>{LEAD}</description></item><item><title>Dua</title>"
                    f"<link>https://contoh.example/2</link><description>{big}</description></item></channel></rss>",
                    encoding="utf-8")
    reason = rejections(feed)["https://contoh.example/2"]
    assert reason.startswith("article too large") and str(feed) in reason


def _work(step, *args) -> int:
    """Lines of kroscek code run (and calls made anywhere) by ``step(*args)``: a count of its work."""
    count = [0]
    root = str(Path(kroscek.__file__).parent)

    def local_trace(frame, event, arg):
        count[0] += 1
        return local_trace

    def global_trace(frame, event, arg):
        count[0] += 1
        return local_trace if frame.f_code.co_filename.startswith(root) else None

    sys.settrace(global_trace)
    try:
        step(*args)
    finally:
        sys.settrace(None)
    return count[0]


@pytest.mark.parametrize("shape", ["paragraphs", "one sentence"])
def test_the_work_of_each_analysis_step_grows_linearly_with_the_text(shape):
    from kroscek.analyse.dates import find_event_dates
    from kroscek.analyse.entities import find_mentions
    from kroscek.analyse.quotes import find_quotes
    from kroscek.text.sentences import split_sentences
    from kroscek.clean import clean

    synthetic_article = _bench_module().synthetic_article

    def work(size: int) -> dict[str, int]:
        text = synthetic_article(size)
        if shape == "one sentence":  # no sentence ends at all: the per-sentence steps see one long sentence
            text = "Judul Berita Panjang\n\n" + re.sub(r"[.!?\n]", " ", text)
        doc = Document(source="panjang", text=text)
        cleaned = clean(doc)
        sentences = split_sentences(cleaned.paragraphs, "id")
        mentions = find_mentions(sentences, "id")
        return {
            "clean": _work(clean, doc),
            "sentences": _work(split_sentences, cleaned.paragraphs, "id"),
            "dates": _work(find_event_dates, sentences, None, "id"),
            "entities": _work(find_mentions, sentences, "id"),
            "entities with e5's word states": _work(find_mentions, sentences, "id", True),
            "quotes": _work(find_quotes, sentences, [], "id"),
            "quotes with mentions": _work(find_quotes, sentences, mentions, "id"),
        }

    size = 16 * 1024
    work(size)  # word lists and models loaded before counting
    small, large = work(size), work(4 * size)
    growth = {step: round(large[step] / small[step], 2) for step in small}
    # linear work grows 4 times for 4 times the text; a quadratic step 16 times (one long sentence
    # of repeated paragraphs holds a little more than 4 times the date expressions, hence 5)
    limit = 4.5 if shape == "paragraphs" else 5.0
    assert all(value < limit for value in growth.values()), growth


def test_analysis_over_its_time_budget_is_rejected(tmp_path, monkeypatch):
    import kroscek.pipeline

    path = tmp_path / "berita.txt"
    path.write_text(f"Banjir di Sukamaju\n\n{LEAD}\n", encoding="utf-8")
    monkeypatch.setattr(kroscek.pipeline, "ANALYSIS_SECONDS", 0.0)
    summary = local.ingest([path], Store(tmp_path / "k.db"))
    assert summary.added == 0
    assert summary.rejected[0].reason.startswith("analysis took too long")


# --- row 5: story membership under two writers ---------------------------------------------------


def _article(number: int) -> Article:
    return Article(id=f"a{number:015d}", source=f"berita-{number}.txt", title=f"Berita {number}", text=LEAD,
                   published=f"2025-10-0{number}")


class _NoEmbedder:
    cache: dict = {}


def _one_story(articles, previous=None, **_options) -> StoryResult:
    ids = [a.id for a in articles]
    return StoryResult([Story(id=f"s-{ids[0]}", title="Banjir", articles=ids)])


def _stores(tmp_path, postgres_url, kind):
    db = tmp_path / "k.db" if kind == "sqlite" else postgres_url()
    return Store(db), Store(db)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_grouping_from_an_old_snapshot_is_done_again_and_loses_no_article(tmp_path, request, kind, monkeypatch):
    postgres_url = request.getfixturevalue("postgres_url") if kind == "postgresql" else None
    server, cli = _stores(tmp_path, postgres_url, kind)
    server.add_articles([_article(1), _article(2)])
    calls = []

    def grouping(articles, previous=None, **options):
        calls.append(len(articles))
        if len(calls) == 1:  # meanwhile the other writer stores an article and saves its stories
            cli.add_articles([_article(3)])
            cli.save_stories(_one_story(cli.articles()).stories, expected_generation=cli.membership_generation())
        return _one_story(articles)

    monkeypatch.setattr(local, "cluster_stories", grouping)
    local.match(server, embedder=_NoEmbedder())
    assert calls == [2, 3]
    grouped = {i for story in Store(server.url).stories() for i in story.articles}
    assert grouped == {_article(n).id for n in (1, 2, 3)}


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_two_writers_saving_from_one_snapshot_cannot_both_win(tmp_path, request, kind):
    postgres_url = request.getfixturevalue("postgres_url") if kind == "postgresql" else None
    first, second = _stores(tmp_path, postgres_url, kind)
    first.add_articles([_article(1), _article(2)])
    generation = first.membership_generation()
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def save(store: Store, number: int) -> None:
        start.wait()
        try:
            store.save_stories([Story(id=f"s-{number}", title="Banjir", articles=[_article(number).id])],
                               expected_generation=generation)
            outcomes.append("saved")
        except StaleStories:
            outcomes.append("stale")

    threads = [threading.Thread(target=save, args=(store, n)) for n, store in ((1, first), (2, second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["saved", "stale"]
    assert len(first.stories()) == 1


# --- row 7: deletes by exact id ------------------------------------------------------------------


def test_delete_with_a_pattern_character_deletes_nothing_else(tmp_path):
    import numpy as np

    store = Store(tmp_path / "k.db")
    store.add_articles([_article(1)])
    vector = np.ones(4, dtype=np.float32)
    store.put_embeddings({_article(1).id: vector, _article(1).id + "0": vector, "e5:abc": vector})
    assert store.delete_article("%") is False
    assert store.delete_article("a%") is False
    assert set(store.embeddings([_article(1).id, _article(1).id + "0", "e5:abc"])) == {
        _article(1).id, _article(1).id + "0", "e5:abc"}
    assert store.delete_article(_article(1).id) is True
    assert set(store.embeddings([_article(1).id, _article(1).id + "0", "e5:abc"])) == {_article(1).id + "0", "e5:abc"}


# --- row 8: truncated WARC records ---------------------------------------------------------------


def _two_page_warc() -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for number in (1, 2):
        body = (f"<html><head><title>Berita {number}</title></head><body><article><h1>Berita {number}</h1>"
                + f"<p>{LEAD}</p>" * 4 + "</article></body></html>").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://contoh.example/{number}", "response",
                                                      payload=io.BytesIO(body), http_headers=headers))
    return buffer.getvalue()


@pytest.mark.parametrize("where", ["content", "header end", "header middle"])
def test_a_truncated_warc_record_is_rejected_with_a_reason(tmp_path, where):
    data = _two_page_warc()
    second = data.index(b"WARC/1.0", 10)
    header_end = data.index(b"\r\n\r\n", second)
    cut = {"content": len(data) - 100, "header end": header_end, "header middle": second + 200}[where]
    path = tmp_path / "potong.warc"
    path.write_bytes(data[:cut])
    first, rejected = items(path)
    assert isinstance(first, Document) and first.source == "https://contoh.example/1"
    assert isinstance(rejected, Rejected) and rejected.source == f"{path}#2"
    assert rejected.reason.startswith("record 2") and "truncated" in rejected.reason


# --- row 10: too short to be an article ----------------------------------------------------------


def test_one_byte_files_two_byte_uploads_and_entity_bombs_are_not_articles(tmp_path):
    (tmp_path / "satu.txt").write_bytes(b"x")
    (tmp_path / "dua.txt").write_bytes(b"ab")
    (tmp_path / "kecil.json").write_text('{"title": "Judul", "text": "ok"}', encoding="utf-8")
    bomb = tmp_path / "lol.rss"
    entities = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    bomb.write_text(f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">{entities}]><rss><channel><title>Lol'
                    "</title><item><title>Lol</title><description>&lol9;</description></item></channel></rss>",
                    encoding="utf-8")
    for name in ("satu.txt", "dua.txt", "kecil.json", "lol.rss"):
        found = items(tmp_path / name)
        assert [type(item).__name__ for item in found] == ["Rejected"], name
        assert "too short to be an article" in found[0].reason or "malformed" in found[0].reason, found[0].reason
    assert "too short to be an article: 1 word" in items(tmp_path / "dua.txt")[0].reason


# --- row 11: malformed CSV, encodings, names -----------------------------------------------------


def test_a_csv_row_with_too_many_columns_is_rejected(tmp_path):
    path = tmp_path / "kolom.csv"
    path.write_text(f"title,text,url\nSatu,{LEAD},https://contoh.example/1\nDua,Warga,pulang,ke,rumah\n",
                    encoding="utf-8")
    found = items(path)
    assert isinstance(found[0], Document)
    assert (found[1].source, found[1].reason) == (f"{path}#2", "row 2: 5 columns, the header has 3")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path, codec):
    path = tmp_path / "utf16.txt"
    path.write_bytes(f"Banjir di Sukamaju\n\n{LEAD}\n".encode(codec))
    (document,) = items(path)
    assert isinstance(document, Document) and document.text.strip().endswith("Senin pagi.")
    table = tmp_path / "utf16.csv"
    table.write_bytes(f"title,text\nBanjir,{LEAD}\n".encode(codec))
    (row,) = items(table)
    assert isinstance(row, Document) and row.title == "Banjir"


def test_file_names_with_newlines_or_bidi_controls_stay_on_one_escaped_line(tmp_path):
    folder = tmp_path / "masuk"
    folder.mkdir()
    (folder / "baris\nbaru.txt").write_bytes(b"x")
    (folder / "gnp\u202etxt.exe.txt").write_bytes(b"y")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "k.db")])
    lines = [line for line in result.output.splitlines() if line.startswith("rejected")]
    assert len(lines) == 2, result.output
    assert any("baris\\nbaru.txt" in line for line in lines)
    assert any("gnp\\u202etxt.exe.txt" in line for line in lines)
    assert "\u202e" not in result.output


# --- row 12: the rejected list in step -----------------------------------------------------------


def test_a_fixed_record_leaves_the_rejected_list_and_another_file_does_not_clear_it(tmp_path):
    store = Store(tmp_path / "k.db")
    export = tmp_path / "ekspor.jsonl"
    export.write_text('{"url": "https://contoh.example/1", "title": "Satu", "text": "rusak"}\n', encoding="utf-8")
    local.ingest([export], store)
    assert [r.source for r in store.rejected()] == [f"{export}#1"]
    export.write_text(f'{{"url": "https://contoh.example/1", "title": "Satu", "text": "{LEAD}"}}\n', encoding="utf-8")
    assert local.ingest([export], store).added == 1
    assert store.rejected() == []

    crawl = tmp_path / "crawl.warc"
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://contoh.example/2", "response",
                                                  payload=io.BytesIO(b"<html><body></body></html>"), http_headers=headers))
    crawl.write_bytes(buffer.getvalue())
    local.ingest([crawl], store)
    other = tmp_path / "lain.jsonl"
    other.write_text(f'{{"url": "https://contoh.example/2", "title": "Dua", "text": "{LEAD} Lagi."}}\n', encoding="utf-8")
    assert local.ingest([other], store).added == 1
    assert [r.source for r in store.rejected()] == [f"{crawl}#1"]  # the archive's page is still bad


def test_new_counts_only_what_this_writer_stored(tmp_path, monkeypatch):
    path = tmp_path / "berita.jsonl"
    path.write_text("".join(f'{{"title": "Berita {n}", "text": "{LEAD} Nomor {n}."}}\n' for n in range(3)),
                    encoding="utf-8")
    first = Store(tmp_path / "k.db")
    assert local.ingest([path], first).added == 3
    second = Store(tmp_path / "k.db")
    monkeypatch.setattr(second, "known_ids", lambda ids: set())  # the other writer stores them after this check
    summary = local.ingest([path], second)
    assert (summary.added, summary.skipped) == (0, 3)


# --- row 13: exit codes and bad stores -----------------------------------------------------------


def test_exit_code_1_when_everything_is_rejected_and_2_for_a_missing_path(tmp_path):
    (tmp_path / "satu.txt").write_bytes(b"x")
    db = str(tmp_path / "k.db")
    assert runner.invoke(app, ["ingest", str(tmp_path / "satu.txt"), "--db", db]).exit_code == 1
    missing = runner.invoke(app, ["ingest", str(tmp_path / "tidak-ada.txt"), "--db", db])
    assert missing.exit_code == 2 and "no such file or folder" in missing.output
    (tmp_path / "baik.txt").write_text(f"Banjir di Sukamaju\n\n{LEAD}\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(tmp_path), "--db", db]).exit_code == 0


def test_a_missing_or_bad_store_is_one_line_and_exit_code_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    typo = runner.invoke(app, ["stories", "--db", "typo.db"])
    assert typo.exit_code == 2 and not (tmp_path / "typo.db").exists()
    assert len(typo.output.strip().splitlines()) == 1 and "no store at typo.db" in typo.output
    (tmp_path / "bukan.db").write_text("bukan basis data", encoding="utf-8")
    for db in ("bukan.db", str(tmp_path), "postgresql+psycopg://nobody:rahasia@127.0.0.1:1/x"):
        for command in (["stories", "--db", db], ["ingest", str(tmp_path / "bukan.db"), "--db", db]):
            result = runner.invoke(app, command)
            assert result.exit_code == 2, (command, result.output)
            assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1, result.output
            assert "rahasia" not in result.output
