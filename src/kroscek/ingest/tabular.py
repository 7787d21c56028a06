"""CSV and TSV files: one article a row, streamed, with a mapping from fields to column names."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TextIO

from kroscek.ingest.decode import MAX_RECORD_BYTES, SNIFF_BYTES, InputError, check_start
from kroscek.ingest.records import document_from_record, field_keys
from kroscek.model import Document, Rejected

_DELIMITERS = (",", ";", "\t", "|")
_LIMIT = f"over the {MAX_RECORD_BYTES / 2**20:g} MB limit"


class _BoundedLines:
    """The lines of a text file for ``csv.reader``, none longer than ``MAX_RECORD_BYTES``
    characters held at once: a longer line is read in pieces and dropped, an empty line given
    in its place, and ``oversize`` set so that the reader of the rows rejects that row."""

    def __init__(self, handle: TextIO) -> None:
        self.handle = handle
        self.oversize = False

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self.handle.readline(MAX_RECORD_BYTES + 1)
        if not line:
            raise StopIteration
        if len(line) > MAX_RECORD_BYTES:
            while line and not line.endswith("\n"):
                line = self.handle.readline(2**20)
            self.oversize = True
            return "\n"
        return line


def read_table(
    path: Path, columns: Mapping[str, str] | None = None, encoding: str | None = None
) -> Iterator[Document | Rejected]:
    """One document a row (numbered from 1 after the header); a bad row is rejected, the rest continue."""
    csv.field_size_limit(MAX_RECORD_BYTES)  # a field over several lines, together
    with path.open("rb") as raw:
        head = raw.read(SNIFF_BYTES)
    codec = check_start(head, encoding)
    codec = "utf-8-sig" if codec == "utf-8" else codec
    with path.open(encoding=codec, newline="") as handle:
        header_line = handle.readline(2**16)
        delimiter = "\t" if path.suffix.lower() == ".tsv" else max(_DELIMITERS, key=header_line.count)
        handle.seek(0)
        lines = _BoundedLines(handle)
        reader = csv.reader(lines, delimiter=delimiter)
        try:
            header = next(reader, None)
        except csv.Error as error:
            raise InputError(f"malformed CSV header: {error}") from None
        if lines.oversize:
            raise InputError(f"header row too large: {_LIMIT}")
        if not header or not any(name.strip() for name in header):
            raise InputError("empty file (no header row)")
        keys = field_keys(columns)
        positions = column_positions([name.strip() for name in header], keys, columns or {})
        row_number = 0
        try:
            for row_number, row in enumerate(reader, start=1):
                source = f"{path}#{row_number}"
                if lines.oversize:
                    lines.oversize = False
                    yield Rejected(source, f"row {row_number}: record too large: {_LIMIT}")
                    continue
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) > len(header):
                    yield Rejected(source, f"row {row_number}: {len(row)} columns, the header has {len(header)}")
                    continue
                record = {field: row[index] for field, index in positions.items() if index < len(row)}
                try:
                    yield document_from_record(record, source)
                except InputError as error:
                    yield Rejected(source, f"row {row_number}: {error}")
        except UnicodeDecodeError as error:
            name = "UTF-8" if codec == "utf-8-sig" else codec
            yield Rejected(str(path), f"not valid {name} after row {row_number}: {error.reason}; "
                                      "re-run with --encoding and the file's encoding (e.g. cp1252)")
        except csv.Error as error:
            if "field larger than field limit" in str(error):
                yield Rejected(f"{path}#{row_number + 1}", f"row {row_number + 1}: record too large: {_LIMIT} "
                                                            "(the rows after it were not read)")
            else:
                yield Rejected(str(path), f"malformed CSV after row {row_number}: {error}")


def column_positions(header: list[str], keys: Mapping[str, str], mapped: Mapping[str, str]) -> dict[str, int]:
    """Field name -> column index; a mapped column must exist, and some column must hold the text."""
    found = ", ".join(header)
    by_name = {name.casefold(): index for index, name in enumerate(header)}
    for field, column in mapped.items():
        if column.casefold() not in by_name:
            raise InputError(f"no column {column!r} (mapped to {field}); columns found: {found}")
    positions = {field: by_name[key.casefold()] for field, key in keys.items() if key.casefold() in by_name}
    if "text" not in positions:
        raise InputError(
            f"no 'text' column; columns found: {found} — map them with --columns text=COLUMN,title=COLUMN,..."
        )
    return positions
