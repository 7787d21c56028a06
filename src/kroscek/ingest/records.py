"""JSON and JSON Lines records: ``text`` (required), ``title``, ``url``, ``outlet``, ``published``, ``language``.

A field mapping (``{"text": "isi_berita"}``) names the key (or CSV column) holding a field;
fields left out of it are read from keys of their own name.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from kroscek.ingest.decode import (
    MAX_RECORD_BYTES,
    SNIFF_BYTES,
    InputError,
    check_article_text,
    check_start,
    decode,
    normalise_newlines,
    read_document_bytes,
)
from kroscek.model import Document, Rejected

FIELDS = ("title", "text", "url", "outlet", "published", "language")


def field_keys(columns: Mapping[str, str] | None) -> dict[str, str]:
    """Field -> key of the records holding it; raises ``InputError`` for a field kroscek does not know."""
    unknown = sorted(set(columns or {}) - set(FIELDS))
    if unknown:
        raise InputError(f"unknown field {unknown[0]!r} in the column mapping; fields are {', '.join(FIELDS)}")
    return {field: (columns or {}).get(field, field) for field in FIELDS}


def document_from_record(record: Mapping[str, Any], source: str, keys: Mapping[str, str] | None = None) -> Document:
    """A document from one record's fields; its source is its url when it has one. Raises
    ``InputError`` for a record without text, or with too little or too much to be an article."""
    keys = keys or field_keys(None)
    values = {field: _as_text(record.get(keys[field])) for field in FIELDS}
    if not values["text"]:
        raise InputError("record has no text" if keys["text"] in record else f"record has no {keys['text']!r} field")
    check_article_text(values["text"])
    if values["language"]:
        values["language"] = values["language"].replace("_", "-").split("-")[0].lower()
    return Document(source=values["url"] or source, **values)  # type: ignore[arg-type]


def read_jsonl(
    path: Path, columns: Mapping[str, str] | None = None, encoding: str | None = None
) -> Iterator[Document | Rejected]:
    """One document per line, streamed; a bad line is rejected and the rest continue. A line
    longer than ``MAX_RECORD_BYTES`` is rejected without being held in memory."""
    keys = field_keys(columns)
    with path.open("rb") as handle:
        check_start(handle.read(SNIFF_BYTES), encoding)
        handle.seek(0)
        for number, raw in enumerate(iter(lambda: handle.readline(MAX_RECORD_BYTES + 1), b""), start=1):
            source = f"{path}#{number}"
            if len(raw) > MAX_RECORD_BYTES:
                while raw and not raw.endswith(b"\n"):  # the rest of the line, read and dropped
                    raw = handle.readline(2**20)
                yield Rejected(source, f"line {number}: record too large: over the {MAX_RECORD_BYTES / 2**20:g} MB limit")
                continue
            try:
                line = decode(raw, encoding).strip()
                if not line:
                    continue
                yield _record_document(json.loads(line), source, keys)
            except json.JSONDecodeError as error:
                yield Rejected(source, f"line {number}: invalid JSON: {error.msg} (column {error.colno})")
            except InputError as error:
                yield Rejected(source, f"line {number}: {error}")


def read_json(
    path: Path, columns: Mapping[str, str] | None = None, encoding: str | None = None
) -> Iterator[Document | Rejected]:
    """A JSON file holding one record, a list of records (numbered from 1), or an object with one such list."""
    keys = field_keys(columns)
    text = decode(read_document_bytes(path), encoding)
    if not text.strip():
        raise InputError("empty file (only whitespace)")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":
            yield from read_jsonl(path, columns, encoding)
            return
        raise InputError(f"invalid JSON: {error.msg} (line {error.lineno}, column {error.colno})") from None
    if isinstance(data, dict) and keys["text"] not in data:
        lists = [value for value in data.values() if isinstance(value, list) and value and isinstance(value[0], dict)]
        data = lists[0] if len(lists) == 1 else data
    if isinstance(data, dict):
        yield _record_document(data, str(path), keys)
        return
    if not isinstance(data, list):
        raise InputError(f"expected a JSON object or a list of objects, got {_json_type(data)}")
    for number, record in enumerate(data, start=1):
        source = f"{path}#{number}"
        try:
            yield _record_document(record, source, keys)
        except InputError as error:
            yield Rejected(source, f"record {number}: {error}")


def _record_document(record: Any, source: str, keys: Mapping[str, str]) -> Document:
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {_json_type(record)}")
    return document_from_record(record, source, keys)


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = normalise_newlines(str(value)).strip()
    return text or None


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
