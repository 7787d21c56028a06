"""Evaluations: one module per analysis, each with a ``main(path, **options) -> dict``
that prints its figures (with a baseline beside them) and returns them."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any


def shared_data_dir(path: Path, data: str | None = None) -> Path:
    """``data`` when given, else the ``shared/data`` folder found above ``path``."""
    if data:
        return Path(data)
    for folder in path.resolve().parents:
        if (folder / "shared" / "data").is_dir():
            return folder / "shared" / "data"
    raise FileNotFoundError("shared/data not found above the label file; pass -o data=DIR")


def read_labels(path: Path, data: str | None = None) -> tuple[dict[str, Any], dict[str, dict[str, str]], list[dict[str, Any]]]:
    """A JSONL label file whose first line names a CSV in the shared data: (header, CSV rows by id, records)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    with (shared_data_dir(path, data) / header["source"]).open(encoding="utf-8") as handle:
        rows = {row[header["id_column"]]: row for row in csv.DictReader(handle)}
    return header, rows, [json.loads(line) for line in lines[1:]]


def labelled_rows(path: Path, data: str | None = None) -> tuple[dict[str, Any], list[tuple[dict[str, str], dict[str, Any]]]]:
    """The header and (CSV row, record) pairs of a label file whose header names one CSV
    (``source``) or one per outlet (``sources``, with an ``outlet`` on each record)."""
    header = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    if "sources" not in header:
        header, rows, records = read_labels(path, data)
        return header, [(rows[r["article"]], r) for r in records]
    folder = shared_data_dir(path, data)
    by_outlet: dict[str, dict[str, dict[str, str]]] = {}
    for key, source in header["sources"].items():
        with (folder / source).open(encoding="utf-8") as handle:
            by_outlet[key] = {row[header["id_column"]]: row for row in csv.DictReader(handle)}
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    return header, [(by_outlet[r["outlet"]][r["article"]], r) for r in records]


def encoder_for(name: str) -> Any:
    """The embedder an ``encoder`` option names: ``e5`` (None, each stage's default) or ``static``
    (the static word vectors, as ``kroscek run --fast`` uses them)."""
    if name not in ("e5", "static"):
        raise ValueError(f"encoder must be e5 or static, not {name!r}")
    from kroscek.analyse.embed import StaticEmbedder

    return StaticEmbedder() if name == "static" else None
