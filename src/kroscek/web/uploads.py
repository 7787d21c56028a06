"""Uploaded files streamed from the request body to disk, within per-file, total and count limits.

The ingest endpoint reads its body only here, after the write token was checked: nothing of an
unauthenticated upload is read, and no upload is ever held whole in memory.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import IO, Any

from fastapi import HTTPException, Request
from python_multipart.multipart import MultipartParseError, MultipartParser, parse_options_header

MAX_FILE_BYTES = 20 * 2**20
MAX_TOTAL_BYTES = 200 * 2**20
MAX_FILES = 1000
FORM_OVERHEAD_BYTES = 1024  # multipart headers and boundaries a file brings beyond its content


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
        self._name = ""
        self._size = 0

    def callbacks(self) -> dict[str, Any]:
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
        if options.get(b"name") != b"files" or b"filename" not in options:
            return  # another form field: ignored
        if self.files >= self.max_files:
            raise HTTPException(413, f"too many files (limit {self.max_files} a request)")
        self._name = options[b"filename"].decode("utf-8", "replace") or "upload"
        self._out = (self.folder / _disk_name(self.files, self._name)).open("wb")
        self._size = 0
        self.files += 1

    def part_data(self, data: bytes, start: int, end: int) -> None:
        if self._out is None:
            return
        self._size += end - start
        if self._size > self.max_file_bytes:
            raise HTTPException(413, f"{self._name}: file too large (limit {self.max_file_bytes // 2**20} MB)")
        self._out.write(data[start:end])

    def part_end(self) -> None:
        self.close()

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None


async def receive_files(request: Request, max_file_bytes: int = MAX_FILE_BYTES, max_total_bytes: int = MAX_TOTAL_BYTES,
                        max_files: int = MAX_FILES) -> tuple[Path, int]:
    """The ``files`` parts of a multipart body written to a new folder; (folder, number of files).

    413 when a file, the body or the file count goes over its limit (a declared Content-Length
    over the total is refused before any byte is read); 422 for a body that is not multipart
    form data or holds no file. The folder is removed on any error.
    """
    kind, options = parse_options_header(request.headers.get("content-type", ""))
    if kind != b"multipart/form-data" or not options.get(b"boundary"):
        raise HTTPException(422, "bad request: upload files as multipart/form-data in the field 'files'")
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
            raise HTTPException(422, "no files uploaded")
        return folder, receiver.files
    except MultipartParseError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise HTTPException(422, f"bad request: malformed multipart body ({error})") from error
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        receiver.close()
