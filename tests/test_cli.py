"""Command-line habits: --version, tokens, the stories summary, the ingest hint, serve's log lines."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kroscek import __version__
from kroscek.cli import TOP_STORIES, app
from kroscek.compare.story import StoryBrief, StorySummary
from kroscek.model import Article, Sentence, Story
from kroscek.report import Report, ReportedStory, story_summary
from kroscek.store import Store

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"kroscek {__version__}"


def test_token_create_list_revoke(tmp_path):
    db = str(tmp_path / "t.db")
    missing = invoke("token", "create", "--db", db)
    assert missing.exit_code == 2 and "NAME" in missing.output  # the name is required, and named in the usage
    first = invoke("token", "create", "desk-politik", "--db", db).stdout.strip()
    second = invoke("token", "create", "desk-ekonomi", "--db", db).stdout.strip()
    store = Store(db)
    assert store.check_token(first) and store.check_token(second)
    listed = json.loads(invoke("token", "list", "--db", db, "--json").stdout)
    assert sorted(t["name"] for t in listed) == ["desk-ekonomi", "desk-politik"]  # oldest first
    assert all(list(t) == ["id", "name", "created_at"] for t in listed)  # the listed fields, and only those
    table = invoke("token", "list", "--db", db).stdout
    assert "desk-politik" in table and first not in table and second not in table  # never the token itself
    revoked = invoke("token", "revoke", "desk-politik", "--db", db)
    assert revoked.exit_code == 0 and "revoked 1 token" in revoked.output
    assert not store.check_token(first) and store.check_token(second)
    by_id = invoke("token", "revoke", next(t["id"] for t in listed if t["name"] == "desk-ekonomi"), "--db", db)
    assert by_id.exit_code == 0 and not store.check_token(second)
    nothing = invoke("token", "revoke", "desk-politik", "--db", db)
    assert nothing.exit_code == 1 and "no token named or with id desk-politik" in nothing.output
    assert invoke("token", "list", "--db", str(tmp_path / "typo.db")).exit_code == 2
    assert not (tmp_path / "typo.db").exists()


def _store_with_stories(path: Path, count: int) -> Store:
    store = Store(path)
    articles, stories = [], []
    for n in range(count):
        size = 1 + n % 3
        members = [Article(id=f"a{n:04d}{k}", source=f"f{n}-{k}.txt", title=f"Cerita {n}", text=f"Teks cerita nomor {n}.",
                           outlet="Warta Uji", language="id", published=f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}",
                           sentences=[Sentence(0, f"Teks cerita nomor {n}.", 0)]) for k in range(size)]
        articles += members
        stories.append(Story(f"s{n:04d}", f"Cerita {n}", [a.id for a in members]))
    store.add_articles(articles)
    store.save_stories(stories)
    by_id = {a.id: a for a in articles}
    for story in stories:
        store.save_brief(story.id, StoryBrief(), story_summary(story, [by_id[i] for i in story.articles]))
    return store


def test_stories_lists_the_top_ones_unless_all(tmp_path):
    db = tmp_path / "s.db"
    _store_with_stories(db, 30).close()
    result = invoke("stories", "--db", str(db))
    assert result.exit_code == 0
    rows = [line for line in result.stdout.splitlines() if "│ s0" in line]
    assert len(rows) == TOP_STORIES
    assert "30 stories" in result.stdout and "--all" in result.stdout
    # newest first, then biggest: story 11 and 23 are both published 2025-12-12 and 2025-12-24
    listed = json.loads(invoke("stories", "--db", str(db), "--json").stdout)
    assert len(listed) == 30
    latest = [s["last_published"] for s in listed]
    assert latest == sorted(latest, reverse=True)
    assert rows[0].split("│")[1].strip() == listed[0]["id"]
    every = invoke("stories", "--db", str(db), "--all")
    assert len([line for line in every.stdout.splitlines() if "│ s0" in line]) == 30 and "--all lists" not in every.stdout


def test_ingest_says_how_to_group(tmp_path):
    article = tmp_path / "banjir.txt"
    article.write_text("Banjir rendam Desa Sukamaju\n\nBanjir merendam 300 rumah di Desa Sukamaju pada Senin pagi, "
                       "kata kepala desa kepada wartawan.\n", encoding="utf-8")
    db = str(tmp_path / "i.db")
    result = invoke("ingest", str(article), "--db", db)
    assert result.exit_code == 0
    assert "ingested 1 new" in result.output
    assert f"kroscek run {article} --db {db}" in " ".join(result.output.split())
    again = invoke("ingest", str(article), "--db", db)  # nothing new: no hint
    assert again.exit_code == 0 and "kroscek run" not in again.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_logs_its_address_and_requests(tmp_path):
    db = tmp_path / "w.db"
    Store(db).close()
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen([sys.executable, "-m", "kroscek.cli", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/stories", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("the server did not start")
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert f"at http://127.0.0.1:{port}/" in output
    assert '"GET /api/v1/stories HTTP/1.1" 200' in output


def test_run_prints_a_summary_of_the_top_stories(monkeypatch):
    import io

    from rich.console import Console

    import kroscek.cli as cli

    out = io.StringIO()
    monkeypatch.setattr(cli, "console", Console(file=out, width=200))
    articles = [Article(id=f"a{n}-{k}", source=f"/data/f{n}.txt", title=f"Judul {n}-{k}", text="Teks.",
                        url="https://news.detik.com/x") for n in range(30) for k in range(8)]
    stories = [ReportedStory(StorySummary(f"s{n:02d}", f"Cerita {n}", [f"a{n}-{k}" for k in range(1 + n % 8)],
                                          last_published=f"2025-10-{1 + n % 28:02d}", badges=[])) for n in range(30)]
    cli._print_stories(Report(articles, stories))
    text = out.getvalue()
    assert "30 stories, 240 articles (the top 20" in " ".join(text.split())
    assert len({line for line in text.splitlines() if "│ Cerita" in line}) == cli.TOP_STORIES
    assert "Cerita 27" in text and "Cerita 0 " not in text  # 2025-10-28 is the newest, 2025-10-01 among the oldest
    assert "and 2 more" in text and "/data/" not in text and "detikcom: Judul" in text
