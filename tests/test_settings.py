"""The one ``Settings`` a run is built with: read from options and the environment, and what each
mode changes in story matching."""

from __future__ import annotations

import pytest

from kroscek.model import Article
from kroscek.settings import DEFAULT, FAST, MODE_VARIABLE, Mode, Settings, Thresholds


def test_options_and_environment_name_the_same_modes():
    assert Settings.from_options() == DEFAULT and Settings.from_options(fast=True) == FAST
    assert Settings.from_env({}) == DEFAULT and Settings.from_env({MODE_VARIABLE: ""}) == DEFAULT
    assert Settings.from_env({MODE_VARIABLE: " Fast "}) == FAST
    for settings in (DEFAULT, FAST):
        assert Settings.from_env(settings.to_env()) == settings
    assert (DEFAULT.encoder, FAST.encoder) == ("e5", "static")
    assert FAST.fast and not DEFAULT.fast and FAST.mode is Mode.FAST


def test_an_unknown_mode_is_one_line_naming_the_variable():
    with pytest.raises(ValueError, match=r"^KROSCEK_MODE='precise': expected default or fast$"):
        Settings.from_env({MODE_VARIABLE: "precise"})


def test_settings_are_frozen_and_compare_by_value():
    with pytest.raises(AttributeError):
        FAST.mode = Mode.DEFAULT  # type: ignore[misc]
    assert Settings(Mode.FAST, Thresholds(0.8, 0.8)) != FAST
    assert Thresholds(link=0.7, merge=0.9).floor == 0.7


def _report(key: str, day: str, title: str) -> Article:
    text = (f"{title}. Gempa berkekuatan magnitudo 5,6 mengguncang Kabupaten Cianjur, Jawa Barat, pada Senin siang. "
            "Menurut Badan Meteorologi, Klimatologi, dan Geofisika (BMKG), pusat gempa berada di darat. "
            "Warga berhamburan keluar rumah dan sejumlah bangunan sekolah dilaporkan rusak.")
    return Article(id=key, source=key, url=f"https://{key}.example/", title=title, text=text, outlet=f"{key}.example",
                   language="id", published=f"{day}T10:00")


def test_the_thresholds_of_the_settings_decide_the_links():
    """The same two reports of one quake: one story at the fast mode's thresholds, two when the
    settings ask for a link no pair reaches."""
    from kroscek.match.stories import cluster_stories

    articles = [_report("satu", "2025-06-02", "Gempa M 5,6 Guncang Cianjur"),
                _report("dua", "2025-06-02", "Gempa Magnitudo 5,6 Guncang Cianjur Jawa Barat")]
    assert len(cluster_stories(articles, settings=FAST).stories) == 1
    unreachable = Settings(Mode.FAST, Thresholds(link=5.0, merge=5.0))
    assert len(cluster_stories(articles, settings=unreachable).stories) == 2


def test_the_web_job_runner_takes_its_mode_from_the_server_settings(tmp_path, monkeypatch):
    """The server's settings are read from the environment once, run settings included, and the
    app's job runner matches and cross-checks with them."""
    from kroscek.web.app import ServerSettings, create_app, create_app_from_env

    db = str(tmp_path / "k.db")
    monkeypatch.setenv("KROSCEK_DB", db)
    monkeypatch.setenv(MODE_VARIABLE, "fast")
    assert ServerSettings.from_env().run == FAST
    assert create_app_from_env().state.jobs.settings == FAST
    assert create_app(ServerSettings(db=db)).state.jobs.settings == DEFAULT
    monkeypatch.setenv(MODE_VARIABLE, "")
    assert create_app_from_env().state.jobs.settings == DEFAULT


def test_a_fast_web_job_groups_and_cross_checks_without_e5(tmp_path):
    """The job runner's settings reach matching and the cross-check: in the fast mode two reports
    of one quake become one briefed story and no e5 vector is stored (the default mode stores the
    vectors of the articles it scored with e5)."""
    from kroscek.store import Store
    from kroscek.text.sentences import split_sentences
    from kroscek.web.jobs import IngestJobs

    articles = [_report("satu", "2025-06-02", "Gempa M 5,6 Guncang Cianjur"),
                _report("dua", "2025-06-02", "Gempa Magnitudo 5,6 Guncang Cianjur Jawa Barat")]
    for article in articles:
        article.sentences = split_sentences(article.text.split("\n\n"), "id")
    store = Store(str(tmp_path / "k.db"))
    store.add_articles(articles)
    assert IngestJobs(store, settings=FAST)._match_and_compare() == 1
    [story] = store.stories()
    assert sorted(story.articles) == ["dua", "satu"] and store.brief(story.id) is not None
    assert store.embeddings(["dua", "satu"]) == {}
    store.close()


def test_serve_fast_hands_the_mode_to_the_server_processes(tmp_path, monkeypatch):
    """``serve`` starts its workers from the environment: ``--fast`` puts the mode there, so each
    worker's job runner builds the same settings."""
    import uvicorn
    from typer.testing import CliRunner

    from kroscek.cli import app

    started: list[str] = []
    for name in ("KROSCEK_DB", "KROSCEK_READ_TOKEN_REQUIRED", MODE_VARIABLE):  # put back after the test
        monkeypatch.setenv(name, "")
    monkeypatch.setattr(uvicorn, "run", lambda *args, **options: started.append(Settings.from_env().mode.value))
    db = str(tmp_path / "web.db")
    for options in (["--fast"], []):
        result = CliRunner().invoke(app, ["serve", "--db", db, *options])
        assert result.exit_code == 0, result.output
    assert started == ["fast", "default"]
