"""The command-line habits a new user trips over (issue 19): a missing store or path is an error
with exit code 2 and one line naming it, nothing is created by a command that only reads, and the
help says what a flag is; ``token create`` and ``serve`` say when they create a store and refuse
one whose folder does not exist; an article repeated inside the input is not counted as already
stored; the static report lists its stories in pages, newest first; a story is titled after its
earliest dated article. (``--version``, tokens, ``serve``'s log, the top-stories summary and
``ingest``'s hint are in tests/test_cli.py.)"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kroscek.cli import app
from kroscek.model import Article, Story
from kroscek.store import Store

READERS = [["stories"], ["stories", "--json"], ["show", "s-0000"], ["token", "list"], ["token", "revoke", "desk"],
           ["check", "Banjir merendam 300 rumah di Desa Sukamaju pada Senin"]]


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize("command", READERS, ids=" ".join)
def test_a_reading_command_on_a_mistyped_store_is_an_error_and_creates_nothing(tmp_path, command):
    typo = tmp_path / "kroscke.db"
    result = invoke(*command, "--db", str(typo))
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and str(typo) in lines[0] and "--db" in lines[0]
    assert "kroscek run" in lines[0] or "kroscek ingest" in lines[0]  # what makes one
    assert list(tmp_path.iterdir()) == []  # no empty store left behind (nor its -wal, -shm)


def test_stories_without_db_where_no_default_store_is_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # as after `make demo`, whose store is demo.db
    (tmp_path / "demo.db").write_bytes(b"")
    result = invoke("stories")
    assert result.exit_code == 2 and "no store at kroscek.db" in result.output
    assert "0 stories" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db"]


@pytest.mark.parametrize("command", [["run"], ["ingest"], ["ingest-factchecks"], ["run", "--fast", "--json"]], ids=" ".join)
def test_a_path_that_does_not_exist_is_an_error_naming_it(tmp_path, command):
    missing = tmp_path / "no" / "such-folder"
    db = tmp_path / "k.db"
    result = invoke(*command, str(missing), "--db", str(db))
    assert result.exit_code == 2, result.output
    assert str(missing) in result.output and "no such file or folder" in result.output
    assert not db.exists() and not (tmp_path / "kroscek-report").exists()  # nothing written before the check


def test_one_missing_path_among_good_ones_stops_before_reading_any(tmp_path, corpus_dir):
    db = tmp_path / "k.db"
    good = sorted(corpus_dir.iterdir())[0]
    result = invoke("ingest", str(good), str(tmp_path / "typo.txt"), "--db", str(db))
    assert result.exit_code == 2 and "typo.txt" in result.output and str(good) not in result.output
    assert not db.exists()


def test_token_create_names_the_token(tmp_path):
    result = invoke("token", "create", "--db", str(tmp_path / "k.db"))
    assert result.exit_code == 2 and "NAME" in result.output  # the README's `token create NAME`
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "kroscek token create NAME" in readme


def test_help_names_the_commands_and_their_stores(tmp_path):
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("run", "ingest", "stories", "show", "serve", "token", "check"):
        assert re.search(rf"│ {command}\s", result.output), command
    stories = invoke("stories", "--help").output
    assert "--db" in stories and "--all" in stories


@pytest.mark.parametrize("command", [[], ["run"], ["ingest"], ["stories"], ["show"], ["check"], ["serve"], ["token"],
                                     ["token", "list"]], ids=lambda c: " ".join(c) or "kroscek")
def test_flags_show_no_type_in_help(command):
    """A flag takes no value, so the help writes none after it (Typer 0.29 wrote ``<bool>``); an
    option that takes one still shows its type."""
    help_text = invoke(*command, "--help").output
    rows = [line for line in help_text.splitlines() if re.match(r"│ --", line)]
    assert any(re.match(r"│ --help\s", row) for row in rows)
    assert "<bool>" not in help_text
    if command in (["stories"], ["run"], ["token", "list"]):
        assert re.search(r"│ --json\s+Print JSON", help_text)
        assert re.search(r"│ --db\s+<str>\s", help_text)


def test_json_is_a_flag_that_takes_no_value(tmp_path):
    db = tmp_path / "k.db"
    assert invoke("token", "create", "desk", "--db", str(db)).exit_code == 0
    result = invoke("token", "list", "--json", "--db", str(db))  # --json does not swallow --db
    assert result.exit_code == 0, result.output
    assert [t["name"] for t in json.loads(result.stdout)] == ["desk"]
    assert invoke("token", "list", "--json=true", "--db", str(db)).exit_code == 2


@pytest.mark.slow
def test_a_repeat_inside_the_input_is_not_called_already_stored(tmp_path, corpus_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    first, other = sorted(corpus_dir.glob("*.txt"))[:2]
    text = first.read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "fresh.db")
    result = invoke("ingest", str(folder), "--db", db, "--quiet")
    assert result.exit_code == 0, result.output
    assert "ingested 1 new, 1 repeated in the input, 0 already stored, 0 rejected" in result.output
    again = invoke("ingest", str(folder), str(other), "--db", db, "--quiet")
    assert again.exit_code == 0, again.output
    assert "ingested 1 new, 1 repeated in the input, 1 already stored, 0 rejected (2 articles" in again.output
    alone = invoke("ingest", str(other), "--db", db, "--quiet")
    assert "ingested 0 new, 1 already stored, 0 rejected" in alone.output and "repeated" not in alone.output


def stored_stories(db: Path, dated: int, undated: int) -> Store:
    """A store of ``dated`` one-article stories published a day apart and ``undated`` undated ones."""
    store = Store(db)
    articles = [Article(id=f"a{n:04d}", source=f"a{n:04d}.txt", title=f"Berita nomor {n}", text=f"Isi berita {n}.",
                        language="id", published=(date(2025, 1, 1) + timedelta(days=n)).isoformat() if n < dated else None)
                for n in range(dated + undated)]
    store.add_articles(articles)
    store.save_stories([Story(id=f"s-{n:04d}", title=a.title, articles=[a.id]) for n, a in enumerate(articles)])
    return store


def listed_ids(page: Path) -> list[str]:
    return re.findall(r'<td><a href="story-(s-\d+)\.html">', page.read_text(encoding="utf-8"))


def test_the_static_report_lists_its_stories_in_pages_newest_first(tmp_path):
    from kroscek.report import build_report
    from kroscek.report.html import STORIES_PER_PAGE, write_report

    assert STORIES_PER_PAGE == 50
    out = tmp_path / "report"
    out.mkdir()
    (out / "index-4.html").write_text("an earlier, longer report", encoding="utf-8")
    report = build_report(stored_stories(tmp_path / "k.db", dated=118, undated=3))
    assert write_report(report, out) == out / "index.html"
    pages = [out / "index.html", out / "index-2.html", out / "index-3.html"]
    assert sorted(p.name for p in out.glob("index*.html")) == sorted(p.name for p in pages)  # index-4 is gone
    listed = [listed_ids(page) for page in pages]
    assert [len(ids) for ids in listed] == [50, 50, 21]
    newest = [f"s-{n:04d}" for n in range(117, -1, -1)] + ["s-0118", "s-0119", "s-0120"]  # the undated last
    assert [i for ids in listed for i in ids] == newest
    second = pages[1].read_text(encoding="utf-8")
    assert "Page 2 of 3" in second
    assert 'href="index.html" rel="prev"' in second and 'href="index-3.html" rel="next"' in second
    assert all(f'href="{p.name}"' in second for p in pages if p.name != "index-2.html")
    assert 'rel="prev"' not in pages[0].read_text(encoding="utf-8")
    assert 'rel="next"' not in pages[2].read_text(encoding="utf-8")
    assert "121 stories from 121 articles" in second  # the heading counts the whole report
    assert '<a href="index-2.html">← all stories</a>' in (out / "story-s-0060.html").read_text(encoding="utf-8")
    assert '<a href="index-3.html">← all stories</a>' in (out / "story-s-0119.html").read_text(encoding="utf-8")


def test_a_static_report_of_one_page_has_no_page_links(tmp_path):
    from kroscek.report import build_report
    from kroscek.report.html import write_report

    write_report(build_report(stored_stories(tmp_path / "k.db", dated=50, undated=0)), tmp_path / "report")
    index = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert len(listed_ids(tmp_path / "report" / "index.html")) == 50 and "Page 1" not in index
    assert [p.name for p in (tmp_path / "report").glob("index*.html")] == ["index.html"]


@pytest.fixture()
def no_server(monkeypatch) -> list[dict]:
    """``serve`` records what it would run instead of starting a server."""
    import uvicorn

    started: list[dict] = []
    for name in ("KROSCEK_DB", "KROSCEK_READ_TOKEN_REQUIRED"):  # serve sets them; they are put back after the test
        monkeypatch.setenv(name, "")
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.append({"app": app, **options}))
    return started


@pytest.mark.parametrize("command", [["token", "create", "desk"], ["serve"], ["ingest", "README.md"]], ids=" ".join)
def test_a_store_in_a_folder_that_does_not_exist_is_refused_naming_the_folder(tmp_path, command, no_server):
    db = tmp_path / "no-such-folder" / "k.db"
    args = [str(Path(__file__).resolve().parents[1] / a) if a == "README.md" else a for a in command]
    result = invoke(*args, "--db", str(db))
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert lines == [f"no folder {db.parent} for the store {db} (check --db, or create the folder first)"]
    assert not db.parent.exists() and no_server == []


def test_token_create_on_a_new_store_says_it_created_it(tmp_path):
    db = tmp_path / "tokens.db"
    result = invoke("token", "create", "desk", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert f"created a new, empty store at {db}: the token is kept there" in result.stderr
    assert re.fullmatch(r"[\w-]{20,}\n", result.stdout)  # stdout holds the token alone
    again = invoke("token", "create", "desk-2", "--db", str(db))
    assert again.exit_code == 0 and again.stderr == ""  # an existing store: nothing said
    assert sorted(t.name for t in Store(db).tokens()) == ["desk", "desk-2"]


def test_serve_on_a_new_store_says_it_created_it_then_serves(tmp_path, no_server):
    db = tmp_path / "web.db"
    result = invoke("serve", "--db", str(db), "--port", "8123")
    assert result.exit_code == 0, result.output
    assert f"created a new, empty store at {db}: uploads fill it" in result.stderr
    assert "at http://127.0.0.1:8123/" in result.stderr and db.is_file()
    assert [s["port"] for s in no_server] == [8123]
    again = invoke("serve", "--db", str(db))
    assert "created" not in again.stderr and len(no_server) == 2
