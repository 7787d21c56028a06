"""Shared fixtures: the canonical seeds and evaluation data live in ../shared beside the repo; a
PostgreSQL server to test against is named by ``KROSCEK_TEST_POSTGRES_URL``.

The fast layer: a test that loads a model (e5, the Universal Sentence Encoder, the NER CRF,
spaCy, Ray, a browser) is marked ``model``, so ``pytest -m "not model"`` (``make test-fast``)
checks the rest in seconds; ``make test`` runs every test. A test is marked when it asks for a
fixture of ``MODEL_FIXTURES``, when its module is in ``MODEL_MODULES``, or by hand
(``@pytest.mark.model``). In a run that leaves the marked tests out, a test that loads one of
``MODEL_LOADERS`` anyway fails (at teardown, naming the model), so the marks cannot go stale.
"""

from __future__ import annotations

import importlib
import os
import uuid
from collections.abc import Callable, Iterator
from functools import wraps
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# Fixtures that load a model (or start Ray, or a browser) for the tests that ask for them: a
# fixture of this file by its name, one of a test module as ``module::fixture``.
MODEL_FIXTURES = frozenset({
    "seed_articles",
    "test_brief::seed_brief",
    "test_claims::seed_groups",
    "test_security_web::browser_page",
    "test_signals::store",
    "test_stories::corpus",
    "test_web_api_shape::store",
    "test_web_browser::browser",
    "test_check_browser::browser",
})
# Modules whose tests (nearly) all analyse Indonesian text with the NER CRF or embed with e5.
MODEL_MODULES = frozenset({"test_end_to_end", "test_engines", "test_entities", "test_progress", "test_python_api",
                           "test_web_product", "test_wordstates"})
# Single tests that do, as ``module::test`` (every parameter of it).
MODEL_TESTS = frozenset({
    "test_brief::test_every_brief_line_is_cited_with_a_real_sentence",
    "test_claims::test_corpus_planted_disputes_are_found_and_nothing_else",
    "test_cli::test_ingest_says_how_to_group",
    "test_cli_habits::test_a_repeat_inside_the_input_is_not_called_already_stored",
    "test_ner::test_events_are_reported_apart_on_nergrit",
    "test_ner::test_organisations_are_found",
    "test_ner::test_shipped_model_on_the_ner_ui_test_split",
    "test_facts::test_seed_cross_check_keeps_the_answer_key",
    "test_outlets::test_an_article_without_outlet_takes_its_sites_name",
    "test_pipeline::test_disabled_steps_leave_their_part_empty_and_the_rest_unchanged",
    "test_pipeline::test_every_step_fills_in_its_part_of_the_article",
    "test_provenance::test_corpus_translations_are_found_and_independent_reporting_is_not",
    "test_quotes::test_different_speakers_never_merge",
    "test_quotes::test_evaluation_reaches_the_speaker_goal",
    "test_quotes::test_seeds_pushilin_quote_in_both_articles_matched_into_one",
    "test_quotes::test_speaker_entity_and_its_name",
    "test_quotes::test_translation_of_one_statement_is_one_quote",
    "test_security_ingest::test_a_fixed_record_leaves_the_rejected_list_and_another_file_does_not_clear_it",
    "test_security_ingest::test_csv_row_over_the_record_limit_is_rejected_and_the_rows_around_it_are_stored",
    "test_security_ingest::test_exit_code_1_when_everything_is_rejected_and_2_for_a_missing_path",
    "test_security_ingest::test_new_counts_only_what_this_writer_stored",
    "test_security_ingest::test_the_work_of_each_analysis_step_grows_linearly_with_the_text",
    "test_signals::test_copies_and_stale_republications_count_for_the_later_outlet",
    "test_signals::test_translations_count_for_the_translating_outlet",
    "test_similarity::test_encoder_places_a_translation_closer_than_another_event",
    "test_similarity::test_similarity_evaluation_prints_every_system",
    "test_similarity::test_use_views_and_pair_similarity",
    "test_security_web::test_two_server_processes_share_one_queue",
    "test_static::test_calibrated_cosines_track_e5",
    "test_stories::test_e5_embeds_only_the_articles_that_might_link",
    "test_stories::test_seeds_are_one_story",
    "test_stories::test_three_days_of_market_closes_are_three_stories",
    "test_stories::test_two_companies_dividend_notices_are_two_stories",
    "test_stories::test_two_reports_of_one_incident_where_one_denies_the_other_are_one_story",
    "test_story_kinds::test_two_provinces_same_programme_reports_are_two_stories",
})
# What loads each model, wrapped in a fast run to find a test that loads one unmarked. A web job
# run in a process of its own analyses there, out of the wrappers' sight: starting one counts.
MODEL_LOADERS = {
    "e5": ("kroscek.analyse.embed", "_e5"),
    "e5's word states": ("kroscek.analyse.wordstates", "encoder"),
    "the NER CRF": ("kroscek.analyse.entities", "_crf"),
    "spaCy": ("kroscek.analyse.entities", "_spacy"),
    "the Universal Sentence Encoder": ("kroscek.match.pair_model", "_use"),
    "a web job's process": ("kroscek.web.jobs", "IngestJobs._run_in_child"),
}
_loaded: set[str] = set()  # the models loaded since the current test's setup began
_fixture_loads: dict[str, set[str]] = {}  # fixture (as in MODEL_FIXTURES) -> the models its setup loaded


def pytest_configure(config: pytest.Config) -> None:
    # registered here, not in pyproject.toml: a change there makes `make` reinstall the environment
    config.addinivalue_line("markers", "model: loads a model (e5, the Universal Sentence Encoder, the NER CRF, spaCy), "
                                       "Ray or a browser; make test-fast leaves it out")
    if "not model" in (config.option.markexpr or ""):
        for name, (module_name, attribute) in MODEL_LOADERS.items():
            owner: object = importlib.import_module(module_name)
            *path, last = attribute.split(".")
            for part in path:
                owner = getattr(owner, part, None)
            if not hasattr(owner, last):
                raise pytest.UsageError(f"MODEL_LOADERS in tests/conftest.py: {module_name} has no {attribute} "
                                        f"(where does {name} load now?)")
            setattr(owner, last, _noting(name, getattr(owner, last)))


def _noting(name: str, load: Callable) -> Callable:
    @wraps(load)
    def noted(*args, **kwargs):  # noqa: ANN202 - the loader's own signature
        _loaded.add(name)
        return load(*args, **kwargs)

    return noted


def _fixture_key(fixturedef: pytest.FixtureDef) -> str:
    """A fixture as ``MODEL_FIXTURES`` names it: ``module::name`` for a test module's own."""
    module = Path(fixturedef.baseid.partition("::")[0])
    return f"{module.stem}::{fixturedef.argname}" if module.suffix == ".py" else fixturedef.argname


def _fixtures(item: pytest.Item) -> set[str]:
    """The fixtures a test uses, each as ``_fixture_key`` names it."""
    definitions = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
    return {_fixture_key(defs[-1]) for defs in definitions.values() if defs}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = item.module.__name__.rpartition(".")[2]
        name = getattr(item, "originalname", item.name)
        if _fixtures(item) & MODEL_FIXTURES or module in MODEL_MODULES or f"{module}::{name}" in MODEL_TESTS:
            item.add_marker(pytest.mark.model)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    _loaded.clear()


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef, request: pytest.FixtureRequest) -> Iterator[None]:
    before = set(_loaded)
    _loaded.clear()
    yield
    if _loaded:
        _fixture_loads.setdefault(_fixture_key(fixturedef), set()).update(_loaded)
    _loaded.update(before)


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    if _loaded and item.get_closest_marker("model") is None:
        models = ", ".join(sorted(_loaded))
        _loaded.clear()
        fixtures = sorted(_fixtures(item) & set(_fixture_loads))
        where = f" (through its fixture {', '.join(fixtures)}: MODEL_FIXTURES)" if fixtures else " (MODEL_TESTS)"
        pytest.fail(f"loads {models} but is not marked model{where}", pytrace=False)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip(f"seed articles not found at {path}")
    return path


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip(f"evaluation data not found at {path}")
    return path


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return REPO / "examples" / "corpus"


@pytest.fixture(scope="session")
def seed_articles(seeds_dir: Path) -> list:
    """The two seed articles, read and analysed."""
    from kroscek.ingest import read_paths
    from kroscek.model import Document
    from kroscek.pipeline import analyse

    return [analyse(item) for item in read_paths([seeds_dir]) if isinstance(item, Document)]


@pytest.fixture
def postgres_url() -> Iterator[Callable[[], str]]:
    """Makes store URLs on the test server (``KROSCEK_TEST_POSTGRES_URL``), each in a fresh schema
    dropped after the test. Without a server the test is skipped, or fails in CI."""
    url = os.environ.get("KROSCEK_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("KROSCEK_TEST_POSTGRES_URL must be set in CI (.ci/run starts PostgreSQL)")
        pytest.skip("KROSCEK_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against")
    from sqlalchemy import create_engine, text

    admin = create_engine(url)
    schemas: list[str] = []

    def make() -> str:
        schema = f"t_{uuid.uuid4().hex[:10]}"
        with admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        schemas.append(schema)
        separator = "&" if "?" in url else "?"
        return f"{url}{separator}options=-csearch_path%3D{schema}"

    yield make
    with admin.begin() as conn:
        for schema in schemas:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()
