"""The Python API: ``kroscek.analyse`` and ``kroscek.run``, a light ``import kroscek``, and the
README's example, run as written."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import kroscek

ROOT = Path(__file__).resolve().parents[1]
BRIDGE = ("Jembatan Kali Putih Ditutup Sementara\n\nDinas Pekerjaan Umum Kabupaten Sukamaju menutup Jembatan Kali "
          "Putih pada Senin (6/10/2025) karena fondasinya tergerus banjir. Kepala dinas, Budi Santoso, mengatakan "
          "perbaikan butuh dua minggu.")


def readme_example() -> str:
    """The first Python block of the README's "Python API" section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python API\n", 1)[1].split("\n## ", 1)[0]
    found = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert found, "the Python API section has no ```python example"
    return found.group(1)


def loaded_after(code: str) -> list[str]:
    """The kroscek modules and heavy libraries loaded after running ``code`` in a fresh interpreter."""
    show = ("; import sys; print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('kroscek', 'numpy', 'torch', 'sklearn', 'sentence_transformers', 'sqlalchemy')))")
    out = subprocess.run([sys.executable, "-c", code + show], capture_output=True, text=True, check=True, cwd=ROOT)
    return eval(out.stdout)  # noqa: S307 - a list literal this test printed


def test_import_kroscek_loads_no_pipeline_and_no_model():
    assert loaded_after("import kroscek") == ["kroscek"]
    assert loaded_after("import kroscek; kroscek.analyse, kroscek.run") == ["kroscek"]  # nothing until called
    # the report's types, without the story stage
    assert loaded_after("import kroscek; kroscek.Report") == ["kroscek", "kroscek.api", "kroscek.model", "kroscek.report"]
    assert set(kroscek.__all__) <= set(dir(kroscek))
    with pytest.raises(AttributeError):
        kroscek.no_such_thing  # noqa: B018


def test_the_api_hands_out_the_reports_own_types():
    from kroscek import report
    from kroscek.model import Rejected

    assert kroscek.StoryReport is report.ReportedStory and issubclass(kroscek.Report, report.Report)
    found = kroscek.Report(rejected=[Rejected("/data/kosong.txt", "no text")], added=1, db="k.db")
    assert found.to_dict() == report.Report(rejected=found.rejected).to_dict()  # report.json's one JSON form


def test_the_analysis_stage_does_not_take_the_functions_name():
    from kroscek.analyse import dates  # the subpackage kroscek.analyse, imported as ever

    assert callable(kroscek.analyse) and kroscek.analyse.__module__ == "kroscek"
    assert sys.modules["kroscek.analyse"].dates is dates


def test_inputs_that_are_not_articles_are_refused_with_the_reason(tmp_path):
    with pytest.raises(kroscek.InputRejected, match="expected article text"):
        kroscek.analyse("   ")
    with pytest.raises(kroscek.InputRejected, match="no 'text' field"):
        kroscek.analyse({"title": "Judul saja"})
    with pytest.raises(ValueError, match="empty file"):
        empty = tmp_path / "kosong.txt"
        empty.write_text("\n", encoding="utf-8")
        kroscek.analyse(empty)
    with pytest.raises(FileNotFoundError, match="/no/such/folder"):
        kroscek.run(["/no/such/folder"])


@pytest.mark.slow
def test_analyse_takes_text_a_record_or_a_file_and_fills_the_given_fields(tmp_path):
    article = kroscek.analyse(BRIDGE, outlet="Warta Sukamaju", published="2025-10-07")
    assert isinstance(article, kroscek.Article)
    assert (article.title, article.outlet, article.published[:10]) == (
        "Jembatan Kali Putih Ditutup Sementara", "Warta Sukamaju", "2025-10-07")
    assert "2025-10-06" in [d.date for d in article.event_dates]
    assert ("Budi Santoso", "PER") in [(m.text, m.type) for m in article.mentions]
    record = kroscek.analyse({"text": BRIDGE.split("\n\n", 1)[1], "title": "Jembatan ditutup", "outlet": "Kabar Uji"})
    assert (record.title, record.outlet) == ("Jembatan ditutup", "Kabar Uji")
    path = tmp_path / "jembatan.txt"
    path.write_text(BRIDGE, encoding="utf-8")
    from_file = kroscek.analyse(str(path), outlet="Warta Sukamaju")
    assert from_file.id == kroscek.analyse(path, outlet="Warta Sukamaju").id and from_file.source == str(path)


@pytest.mark.slow
def test_run_groups_files_and_records_and_grows_the_given_store(tmp_path, corpus_dir):
    files = sorted(corpus_dir.glob("0[12]_*"))
    db = tmp_path / "api.db"
    report = kroscek.run([*map(str, files), {"text": "terlalu pendek"}], db=db, fast=True)
    assert isinstance(report, kroscek.Report) and report.db == str(db) and db.exists()
    assert report.added == 2 and len(report.articles) == 2
    assert [r.reason for r in report.rejected] and "records.jsonl" in report.rejected[0].source
    story = report.stories[0]
    assert isinstance(story, kroscek.StoryReport) and sorted(story.articles) == sorted(a.id for a in report.articles)
    assert story.facts and set(report.to_dict()) == {"articles", "stories", "rejected", "story_events"}
    assert story.brief is not None and story.badges == story.summary.badges
    again = kroscek.run(str(files[0]), db=db, fast=True)  # the store is grown, not read again
    assert again.added == 0 and again.skipped == 1 and len(again.articles) == 2


@pytest.mark.slow
def test_the_readme_example_runs_as_written(monkeypatch):
    monkeypatch.chdir(ROOT)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(readme_example(), "README.md", "exec"), {"__name__": "readme"})  # noqa: S102
    lines = printed.getvalue().splitlines()
    assert lines[0].startswith("Jembatan Kali Putih Ditutup Sementara | id |") and "2025-10-06" in lines[0]
    assert "Budi Santoso" in lines[1]
    assert re.match(r"3 articles, \d+ stor(y|ies), 0 rejected", lines[2])
    assert any("Banjir Bandang" in line for line in lines[3:])
    assert json.dumps(lines)  # printable, whatever the stories
    assert os.getcwd() == str(ROOT)


def test_the_analysis_stage_stays_importable_beside_the_function():
    import importlib

    import kroscek

    entities = importlib.import_module("kroscek.analyse.entities")
    assert callable(kroscek.analyse) and kroscek.analyse.entities is entities
    exec("import kroscek.analyse.dates as stage_dates", namespace := {})
    assert namespace["stage_dates"].__name__ == "kroscek.analyse.dates"
