"""Shared fixtures: the canonical seeds and evaluation data live in ../shared beside the repo."""

from __future__ import annotations

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
