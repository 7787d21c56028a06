"""The main job end to end: the seeds, the sample corpus, bad input, interrupted ingests."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kroscek.cli import app

runner = CliRunner()


def kroscek(*args: str) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def seed_report(seeds_dir, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("seeds")
    stdout = kroscek("run", str(seeds_dir), "--db", str(out / "k.db"), "--out", str(out / "report"), "--json")
    report = json.loads(stdout)
    assert json.loads((out / "report" / "report.json").read_text()) == report
    assert (out / "report" / "index.html").exists()
    return report


def by_file(report: dict) -> dict[str, dict]:
    return {Path(a["source"]).name[:3]: a for a in report["articles"]}


def test_seeds_form_one_story_with_both_articles(seed_report):
    assert len(seed_report["articles"]) == 2
    assert len(seed_report["stories"]) == 1
    assert sorted(seed_report["stories"][0]["articles"]) == sorted(a["id"] for a in seed_report["articles"])


def test_seed_cleaning_follows_the_answer_key(seed_report):
    semarak, kontan = by_file(seed_report)["000"], by_file(seed_report)["001"]
    assert semarak["outlet"] == "Semarak News"
    assert semarak["published"].startswith("2024-12-22")
    assert semarak["title"].startswith("Pemimpin Donetsk yang memproklamirkan diri")
    assert not semarak["title"].rstrip().endswith("Ukraina")
    removed = " ".join(r["text"] for r in semarak["removed"])
    assert "Semarak News" in removed and "Temukan semua artikel terbaru" in removed
    assert "Semarak News" not in semarak["text"] and "Temukan semua artikel" not in semarak["text"]

    assert kontan["outlet"].upper().startswith("KONTAN")
    assert "Baca Juga" not in kontan["text"] and "KONTAN.CO.ID - PYONGYANG" not in kontan["text"]
    kontan_removed = [r["text"] for r in kontan["removed"]]
    assert sum("Baca Juga" in r for r in kontan_removed) == 2
    assert any("PYONGYANG" in r for r in kontan_removed)
    repeated = "Korea Utara dilaporkan juga sudah melakukan diskusi serupa dengan Luhansk."
    assert kontan["text"].count(repeated) == 1


def test_seed_dates_and_staleness(seed_report):
    semarak, kontan = by_file(seed_report)["000"], by_file(seed_report)["001"]
    assert {"2022-08-15", "2022-08-17"} <= set(kontan["event_dates"])
    assert semarak["stale"] is True
    assert kontan["stale"] is False


def test_seed_damage_warnings_are_on_the_semarak_article(seed_report):
    semarak, kontan = by_file(seed_report)["000"], by_file(seed_report)["001"]
    spans = " ".join(w["span"] for w in semarak["warnings"])
    assert "Unmenurut" in spans
    assert len(semarak["warnings"]) >= 3
    assert len(kontan["warnings"]) <= 1


def test_report_has_the_promised_shape(seed_report):
    for article in seed_report["articles"]:
        assert {"id", "source", "title", "outlet", "language", "published", "event_dates", "stale",
                "warnings", "removed"} <= set(article)
        assert article["language"] == "id"
        assert all(set(r) == {"text", "reason"} for r in article["removed"])
    for story in seed_report["stories"]:
        assert {"id", "title", "articles"} <= set(story)


def test_same_input_in_another_order_gives_the_same_stories_and_ids(seeds_dir, seed_report, tmp_path):
    folder = tmp_path / "reordered"
    folder.mkdir()
    for name in sorted(p.name for p in seeds_dir.glob("*.txt")):
        (folder / f"z{9 - int(name[:3])}_{name}").write_bytes((seeds_dir / name).read_bytes())
    report = json.loads(kroscek("run", str(folder), "--db", str(tmp_path / "k.db"), "--out", str(tmp_path / "r"), "--json"))
    assert [s["id"] for s in report["stories"]] == [s["id"] for s in seed_report["stories"]]
    assert sorted(a["id"] for a in report["articles"]) == sorted(a["id"] for a in seed_report["articles"])


def corpus_name(source: str) -> str:
    """``.../examples/corpus/41_x.jsonl#2`` -> ``41_x.jsonl#2`` (how labels.json names articles)."""
    path, _, record = source.partition("#")
    return Path(path).name + (f"#{record}" if record else "")


def test_sample_corpus_stories_equal_its_labels(corpus_dir, tmp_path):
    labels = json.loads((corpus_dir / "labels.json").read_text())
    report = json.loads(kroscek("run", str(corpus_dir), "--db", str(tmp_path / "k.db"), "--out", str(tmp_path / "r"), "--json"))
    by_url = {url: name for name, url in labels.get("record_urls", {}).items()}
    name_of = {a["id"]: by_url.get(a["source"]) or corpus_name(a["source"]) for a in report["articles"]}
    predicted = {frozenset(name_of[i] for i in s["articles"]) for s in report["stories"]}
    expected = {frozenset(members) for members in labels["stories"].values()}
    assert predicted == expected


def test_fast_run_groups_and_cross_checks_a_story_without_e5(corpus_dir, tmp_path, monkeypatch):
    from kroscek.analyse import embed
    from kroscek.store import Store

    def no_e5():  # noqa: ANN202
        raise AssertionError("--fast must not load e5")

    monkeypatch.setattr(embed, "_e5", no_e5)  # claims, translations and quotes all embed through it
    names = ["07_impor-beras-kabarkini.txt", "08_impor-beras-harian-mentari.txt", "10_karhutla-kapuas-berita-pagi.txt"]
    (tmp_path / "in").mkdir()
    for name in names:
        (tmp_path / "in" / name).write_bytes((corpus_dir / name).read_bytes())
    db = str(tmp_path / "k.db")
    report = json.loads(kroscek("run", str(tmp_path / "in"), "--db", db, "--out", str(tmp_path / "r"), "--json", "--fast"))
    name_of = {a["id"]: Path(a["source"]).name for a in report["articles"]}
    assert {frozenset(name_of[i] for i in s["articles"]) for s in report["stories"]} == {frozenset(names[:2]), frozenset(names[2:])}
    assert Store(db).embeddings(list(name_of)) == {}
    rice = next(s for s in report["stories"] if len(s["articles"]) == 2)["brief"]
    assert any(f["status"] == "agreed" and len({c["article"] for c in f["claims"]}) == 2 for f in rice["facts"])
    assert [f["status"] for f in rice["facts"]].count("disputed") == 1


def test_ingest_is_idempotent(seeds_dir, tmp_path):
    db = str(tmp_path / "k.db")
    kroscek("ingest", str(seeds_dir), "--db", db)
    kroscek("ingest", str(seeds_dir), str(seeds_dir / "001_c0434308e74a6022.txt"), "--db", db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles").fetchone() == (2, 2)


def write_bad_inputs(folder: Path) -> dict[str, str]:
    """Each kind of bad input beside two good articles; returns file name -> expected reason word."""
    folder.mkdir()
    (folder / "good-1.txt").write_text(
        "Warga Desa Sukamaju Mengungsi akibat Banjir\n\nBanjir merendam 300 rumah di Desa Sukamaju, "
        "Kabupaten Lembah Hijau, pada Senin (6/10/2025). Kepala desa Sutrisno mengatakan warga "
        "mengungsi ke balai desa.\n", encoding="utf-8")
    (folder / "good-2.txt").write_text(
        "Jembatan Kali Putih Ditutup Sementara\n\nDinas Pekerjaan Umum menutup Jembatan Kali Putih "
        "sejak Selasa (7/10/2025) karena retak pada tiang penyangga.\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "legacy.txt").write_bytes("Harga cabai naik \u2013 kata pedagang \u201cmahal\u201d\n\nIsi berita.".encode("cp1252"))
    (folder / "truncated.html").write_text("<html><head><title>Judul</title></head><body><div><p>", encoding="utf-8")
    (folder / "feed.xml").write_text("<rss><channel><item><title>Tanpa penutup", encoding="utf-8")
    (folder / "records.jsonl").write_text(
        '{"title": "Pasar Terapung Dibuka", "text": "Pemerintah kota membuka pasar terapung baru di tepi sungai."}\n'
        '{"title": "rusak", "text": \n', encoding="utf-8")
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    return {"empty.txt": "empty", "binary.txt": "binary", "legacy.txt": "UTF-8", "truncated.html": "",
            "feed.xml": "", "records.jsonl#2": "JSON", "huge.txt": "large"}


def test_bad_input_is_rejected_with_a_reason_and_the_rest_is_ingested(tmp_path):
    expected = write_bad_inputs(tmp_path / "in")
    db = str(tmp_path / "k.db")
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db], catch_exceptions=False)
    assert result.exit_code == 0
    with sqlite3.connect(db) as conn:
        titles = {row[0] for row in conn.execute("SELECT title FROM articles")}
        rejected = dict(conn.execute("SELECT source, reason FROM rejected").fetchall())
    assert {"Warga Desa Sukamaju Mengungsi akibat Banjir", "Jembatan Kali Putih Ditutup Sementara",
            "Pasar Terapung Dibuka"} <= titles
    rejected_by_name = {Path(source).name: reason for source, reason in rejected.items()}
    for name, word in expected.items():
        assert name in rejected_by_name, f"{name} was not rejected"
        assert word.lower() in rejected_by_name[name].lower()
        line = next(l for l in result.output.splitlines() if name in l)
        assert "rejected" in line and rejected_by_name[name] in " ".join(result.output.split())


def write_many_articles(folder: Path, count: int) -> None:
    folder.mkdir()
    places = ["Sukamaju", "Lembah Hijau", "Tanjung Biru", "Batu Merah", "Kali Putih"]
    for n in range(count):
        place = places[n % len(places)]
        (folder / f"{n:04d}.txt").write_text(
            f"Rapat Warga {place} ke-{n}\n\nWarga {place} menggelar rapat ke-{n} pada Senin (6/10/2025) "
            f"untuk membahas saluran air nomor {n}. Ketua RT {n % 17} mengatakan rapat berjalan lancar.\n\n"
            f"Rapat berikutnya dijadwalkan pekan depan, kata panitia.\n", encoding="utf-8")


def test_killed_ingest_loses_and_duplicates_nothing_when_run_again(tmp_path):
    write_many_articles(tmp_path / "in", 400)
    db = tmp_path / "k.db"
    command = [sys.executable, "-m", "kroscek.cli", "ingest", str(tmp_path / "in"), "--db", str(db)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=5) as conn:
                    stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if stored > 0:
                break
    assert process.poll() is None, "ingest finished before it could be interrupted"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert 0 < stored < 400
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles").fetchone() == (400, 400)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
