"""Uploaded files streamed from the request body to disk, within per-file, total and count limits.

The ingest endpoint reads its body only here, after the write token was checked: nothing of an
unauthenticated upload is read, and no upload is ever held whole in memory.

Beside the ``files`` parts, a form may carry pasted article text (``text``, streamed to a file of
its own like an uploaded one) and a few short fields: ``columns`` (the CSV/JSON field mapping, as
the command line's ``--columns``), and ``outlet`` and ``published`` for the pasted text and uploaded
plain-text files, ``title`` for the pasted text (CSV and JSON records keep their own fields).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING

from fastapi import HTTPException, Request
from python_multipart.multipart import MultipartParseError, MultipartParser, parse_options_header

from kroscek.ingest.decode import InputError
from kroscek.ingest.records import field_keys

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

MAX_FILE_BYTES = 20 * 2**20
MAX_TOTAL_BYTES = 200 * 2**20
MAX_FILES = 1000
FORM_OVERHEAD_BYTES = 1024  # multipart headers and boundaries a file brings beyond its content
MAX_FIELD_BYTES = 2000  # a short form field (title, outlet, published, columns)
FIELDS = ("columns", "title", "outlet", "published")  # the short fields a form may carry
PASTED_NAME = "pasted.txt"  # the file pasted text is kept in (its source is upload:pasted.txt)


@dataclass
class UploadFields:
    """What an upload form says beside its files: the field mapping for CSV/JSON files, and the
    title, outlet and publication date for pasted text and plain-text files (when they have none)."""

    columns: dict[str, str] | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date or date-time
    pasted: str | None = None  # the disk name of the pasted text's file, when text was pasted

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object] | None) -> UploadFields:
        return cls(**{k: v for k, v in (data or {}).items() if k in cls.__dataclass_fields__})  # type: ignore[arg-type]

    @classmethod
    def from_form(cls, values: dict[str, str], pasted: str | None = None) -> UploadFields:
        """The fields from their form values (422 with the reason for a bad mapping or date)."""
        clean = {k: " ".join(values.get(k, "").split()) or None for k in FIELDS}
        return cls(columns=parse_columns(clean["columns"]), title=clean["title"], outlet=clean["outlet"],
                   published=parse_published(clean["published"]), pasted=pasted)


def parse_columns(spec: str | None) -> dict[str, str] | None:
    """``text=isi_berita,title=judul`` -> ``{"text": "isi_berita", "title": "judul"}`` (the command
    line's ``--columns``); 422 for a malformed mapping or a field kroscek does not know."""
    if not spec:
        return None
    pairs = [item.split("=", 1) for item in spec.split(",") if item.strip()]
    if any(len(pair) != 2 or not pair[0].strip() or not pair[1].strip() for pair in pairs):
        raise HTTPException(422, f"bad request: columns: expected FIELD=COLUMN[,FIELD=COLUMN...], got {spec!r}")
    mapping = {field.strip(): column.strip() for field, column in pairs}
    try:
        field_keys(mapping)
    except InputError as error:
        raise HTTPException(422, f"bad request: columns: {error}") from None
    return mapping or None


def parse_published(value: str | None) -> str | None:
    """An ISO date (``2025-10-11``) or date-time, as given; 422 for anything else."""
    if not value:
        return None
    try:
        (date if len(value) == 10 else datetime).fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"bad request: published: expected a date as YYYY-MM-DD, got {value!r}") from None
    return value


@dataclass
class Upload:
    """A received upload: the folder its files were written to, how many, and the form's fields."""

    folder: Path
    files: int
    fields: UploadFields


def _disk_name(number: int, filename: str) -> str:
    """``NNN-name``: the upload's own base name, without path, control characters or odd length."""
    name = re.sub(r"[\x00-\x1f\x7f/\\]", "_", filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1])[:120].strip(". ")
    return f"{number:03d}-{name or 'upload'}"


class _Receiver:
    """python-multipart callbacks writing each ``files`` part to its own file in ``folder``."""

    def __init__(self, folder: Path, max_file_bytes: int, max_files: int) -> None:
        self.folder, self.max_file_bytes, self.max_files = folder, max_file_bytes, max_files
        self.files = 0
        self._header_field = self._header_value = b""
        self._headers: dict[bytes, bytes] = {}
        self._out: IO[bytes] | None = None
        self._path: Path | None = None
        self._name = ""
        self._size = 0
        self._field: str | None = None  # the short field being read
        self.values: dict[str, str] = {}
        self._value = b""
        self.pasted: str | None = None

    def callbacks(self) -> MultipartCallbacks:
        return {"on_part_begin": self.part_begin, "on_header_field": self.header_field,
                "on_header_value": self.header_value, "on_header_end": self.header_end,
                "on_headers_finished": self.headers_finished, "on_part_data": self.part_data,
                "on_part_end": self.part_end}

    def part_begin(self) -> None:
        self._headers, self._header_field, self._header_value = {}, b"", b""

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]

    def header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def header_end(self) -> None:
        self._headers[self._header_field.lower()] = self._header_value
        self._header_field, self._header_value = b"", b""

    def headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        name = options.get(b"name", b"").decode("utf-8", "replace")
        if name == "text" and b"filename" not in options:  # pasted text: a file like the others
            self._open(PASTED_NAME)
            self.pasted = self._path.name if self._path else None
        elif name == "files" and b"filename" in options:
            self._open(options[b"filename"].decode("utf-8", "replace") or "upload")
        elif name in FIELDS and b"filename" not in options:
            self._field, self._value = name, b""
        # any other form field is ignored

    def _open(self, name: str) -> None:
        if self.files >= self.max_files:
            raise HTTPException(413, f"too many files (limit {self.max_files} a request)")
        self._name = name
        self._path = self.folder / _disk_name(self.files, self._name)
        self._out = self._path.open("wb")
        self._size = 0
        self.files += 1

    def part_data(self, data: bytes, start: int, end: int) -> None:
        if self._field is not None:
            self._value += data[start:end]
            if len(self._value) > MAX_FIELD_BYTES:
                raise HTTPException(422, f"bad request: {self._field}: longer than {MAX_FIELD_BYTES} bytes")
            return
        if self._out is None:
            return
        self._size += end - start
        if self._size > self.max_file_bytes:
            raise HTTPException(413, f"{self._name}: file too large (limit {self.max_file_bytes // 2**20} MB)")
        self._out.write(data[start:end])

    def part_end(self) -> None:
        if self._field is not None:
            self.values[self._field] = self._value.decode("utf-8", "replace")
            self._field = None
            return
        empty_paste = self._path is not None and self._path.name == self.pasted and self._size == 0
        self.close()
        if empty_paste and self._path is not None:  # an empty text box is no article
            self._path.unlink()
            self.files -= 1
            self.pasted = None
        self._path = None

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None


async def receive_files(request: Request, max_file_bytes: int = MAX_FILE_BYTES, max_total_bytes: int = MAX_TOTAL_BYTES,
                        max_files: int = MAX_FILES) -> Upload:
    """The ``files`` parts (and pasted ``text``) of a multipart body written to a new folder, with
    the form's short fields.

    413 when a file, the body or the file count goes over its limit (a declared Content-Length
    over the total is refused before any byte is read); 422 for a body that is not multipart
    form data, holds no file or pasted text, or has a bad column mapping or date. The folder is
    removed on any error.
    """
    kind, options = parse_options_header(request.headers.get("content-type", ""))
    if kind != b"multipart/form-data" or not options.get(b"boundary"):
        raise HTTPException(422, "bad request: upload files (field 'files') or pasted text (field 'text') as multipart/form-data")
    limit = max_total_bytes + FORM_OVERHEAD_BYTES * max_files
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"upload too large (limit {max_total_bytes // 2**20} MB a request)")
    folder = Path(tempfile.mkdtemp(prefix="kroscek-upload-"))
    receiver = _Receiver(folder, max_file_bytes, max_files)
    try:
        parser = MultipartParser(options[b"boundary"], receiver.callbacks())
        received = 0
        async for chunk in request.stream():
            received += len(chunk)
            if received > limit:
                raise HTTPException(413, f"upload too large (limit {max_total_bytes // 2**20} MB a request)")
            parser.write(chunk)
        parser.finalize()
        if receiver.files == 0:
            raise HTTPException(422, "no files uploaded (and no text pasted)")
        return Upload(folder, receiver.files, UploadFields.from_form(receiver.values, receiver.pasted))
    except MultipartParseError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise HTTPException(422, f"bad request: malformed multipart body ({error})") from error
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        receiver.close()
