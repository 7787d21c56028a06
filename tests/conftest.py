"""Shared fixtures: the canonical seeds and evaluation data live in ../shared beside the repo; a
PostgreSQL server to test against is named by ``KROSCEK_TEST_POSTGRES_URL``."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


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
