"""Progress of the main job: every stage reports on stderr, ``--json`` stdout stays parseable,
``--quiet`` shows none, and the engine reports item by item."""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from kroscek.cli import app
from kroscek.engine.local import ingest
from kroscek.progress import STAGES, ConsoleProgress, Progress
from kroscek.store import Store

ARTICLES = {
    "banjir-kabar-pagi.txt": (
        "Banjir Rendam Ratusan Rumah di Desa Sukamaju\n\n"
        "Banjir merendam 230 rumah di Desa Sukamaju, Kabupaten Lembah Hijau, pada Selasa (4/3/2025) dini hari "
        "setelah hujan deras mengguyur sejak sore. Kepala Desa Sukamaju, Darmawan, mengatakan air setinggi "
        "satu meter masuk ke rumah warga.\n\n\"Warga kami ungsikan ke balai desa,\" kata Darmawan.\n"
    ),
    "banjir-warta-desa.txt": (
        "Ratusan Rumah di Sukamaju Terendam Banjir\n\n"
        "Sebanyak 250 rumah di Desa Sukamaju, Lembah Hijau, terendam banjir pada Selasa (4/3/2025) setelah "
        "sungai meluap. Darmawan, kepala desa setempat, menyebut ketinggian air mencapai satu meter.\n\n"
        "Pengungsi ditampung di balai desa dan masjid, ujar Darmawan.\n"
    ),
    "pasar-kabar-pagi.txt": (
        "Harga Cabai di Pasar Kota Baru Naik Dua Kali Lipat\n\n"
        "Harga cabai rawit di Pasar Kota Baru naik menjadi Rp 80.000 per kilogram pada Senin (3/3/2025). "
        "Pedagang bernama Siti Aminah mengatakan pasokan dari petani berkurang karena cuaca buruk.\n"
    ),
    "sekolah-warta-desa.txt": (
        "Sekolah Baru Diresmikan di Kecamatan Tanjung Sari\n\n"
        "Bupati Lembah Hijau meresmikan gedung SD Negeri 7 Tanjung Sari pada Rabu (5/3/2025). Sekolah itu "
        "memiliki enam ruang kelas dan perpustakaan, kata kepala sekolah, Rahmat Hidayat.\n"
    ),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def invoke(*args: str):
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_run_reports_every_stage_on_stderr_and_json_stdout_parses(corpus, tmp_path):
    result = invoke("run", str(corpus), "--db", str(tmp_path / "k.db"), "--out", str(tmp_path / "report"),
                    "--fast", "--json")
    report = json.loads(result.stdout)  # nothing but the report on stdout
    assert len(report["articles"]) == len(ARTICLES)
    stderr = result.stderr
    for stage in STAGES:  # stderr is not a terminal here: one line when a stage starts, one when it ends
        assert re.search(rf"^{stage}: started \(", stderr, re.M), stderr
        assert re.search(rf"^{stage}: \d+ \w+ in \d+\.\d s", stderr, re.M), stderr
    assert f"ingest: {len(ARTICLES)} files in" in stderr
    assert f"analyse: {len(ARTICLES)} articles in" in stderr
    assert re.search(r"^cross-check: (\d+) stories in", stderr, re.M).group(1) == str(len(report["stories"]))
    order = [stderr.index(f"{stage}: started") for stage in STAGES]
    assert order == sorted(order)


def test_quiet_shows_no_progress(corpus, tmp_path):
    result = invoke("run", str(corpus), "--db", str(tmp_path / "k.db"), "--out", str(tmp_path / "report"),
                    "--fast", "--json", "--quiet")
    assert len(json.loads(result.stdout)["articles"]) == len(ARTICLES)
    for stage in STAGES:
        assert not re.search(rf"^{stage}: (started|\d+ \w+ in)", result.stderr, re.M), result.stderr
    assert "ingested 4 new" in result.stderr  # the summary stays


class Recorder(Progress):
    def __init__(self) -> None:
        self.events: list[tuple[str, str | None, int | None]] = []

    def _started(self) -> None:
        self.events.append(("stage", self.name, self.total))

    def _advanced(self) -> None:
        self.events.append(("advance", self.name, self.done))


def test_the_engine_reports_each_file_and_each_article(corpus, tmp_path):
    recorder = Recorder()
    summary = ingest(sorted(corpus.iterdir()), Store(tmp_path / "k.db"), progress=recorder)
    assert summary.added == len(ARTICLES)
    assert [e for e in recorder.events if e[0] == "stage"] == [("stage", "ingest", 4), ("stage", "analyse", 4)]
    advances = [e[1:] for e in recorder.events if e[0] == "advance"]
    assert advances == [("ingest", n) for n in range(1, 5)] + [("analyse", n) for n in range(1, 5)]


def test_on_a_terminal_each_stage_gets_a_bar_with_count_rate_and_time_left():
    out = io.StringIO()
    with ConsoleProgress(Console(file=out, force_terminal=True, width=120)) as progress:
        progress.stage("analyse", 3)
        progress.advance(1)
        time.sleep(0.1)  # a rate needs two samples apart in time
        progress.advance(2)
        progress.stage("cross-check", 2)
        progress.advance()
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.getvalue())
    assert re.search(r"analyse .*3/3 articles .*articles/s .*elapsed, .*left", text), text
    assert "cross-check" in text and "1/2" in text


def test_an_upload_job_records_each_stage_and_its_counts_in_its_status(corpus, tmp_path):
    from kroscek.web.jobs import IngestJobs

    class Recording(IngestJobs):
        seen: list[tuple[str, int, int | None]] = []

        def _update(self, job_id, **values):
            if values.get("progress"):
                self.seen.append(tuple(values["progress"][k] for k in ("stage", "done", "total")))
            super()._update(job_id, **values)

    folder = tmp_path / "upload"
    folder.mkdir()
    for number, name in enumerate(sorted(ARTICLES)):
        (folder / f"{number:03d}-{name}").write_text(ARTICLES[name], encoding="utf-8")
    jobs = Recording(Store(tmp_path / "k.db"))
    queued = jobs.submit(folder, len(ARTICLES))
    assert queued.stage is None and queued.progress is None
    jobs._run(*jobs._claim_next())  # what the runner thread does
    status = jobs.status(queued.id).model_dump()
    assert status["state"] == "done" and status["added"] == len(ARTICLES) and status["done"] == len(ARTICLES)
    assert list(dict.fromkeys(s[0] for s in Recording.seen)) == ["ingest", "analyse", "match", "cross-check"]
    assert ("ingest", 0, 4) in Recording.seen and ("analyse", 4, 4) in Recording.seen
    assert status["stage"] == "cross-check"
    assert status["progress"]["done"] == status["progress"]["total"] == status["stories"]
