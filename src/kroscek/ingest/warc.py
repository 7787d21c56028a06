"""Web archives (WARC, optionally gzipped): each HTML response record goes through the HTML path.

Records that are not pages (requests, metadata, images, scripts) and responses that are not
2xx (redirects, errors) are not articles and are passed over without a rejection.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from kroscek.ingest.decode import MAX_DOCUMENT_BYTES, InputError
from kroscek.ingest.html import decode_html, document_from_html
from kroscek.model import Document, Rejected

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_REQUIRED = ("WARC-Type", "Content-Length")  # a header cut short lacks them
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)


def read_warc(path: Path, encoding: str | None = None) -> Iterator[Document | Rejected]:
    """One document per HTML page in the archive, streamed record by record. A record cut short
    (in its header or its content: a truncated download) is rejected, never stored cut."""
    _check_warc_start(path)
    number = 0
    pages = 0
    end = 0  # where the last whole record ends in the file
    with path.open("rb") as handle:
        try:
            records = ArchiveIterator(handle)
            for number, record in enumerate(records, start=1):
                missing = [name for name in _REQUIRED if not record.rec_headers.get_header(name)]
                if missing:
                    yield Rejected(f"{path}#{number}", f"record {number}: truncated or incomplete WARC header "
                                                       f"(no {missing[0]})")
                    return
                page = _html_page(record)
                url = record.rec_headers.get_header("WARC-Target-URI") or None
                # a page is stored under its url; a rejection under its place in this archive, so
                # that reading the archive again replaces it (and another file's page does not)
                where = f"{path}#{number}"
                label = f"record {number} ({url})" if url else f"record {number}"
                item: Document | Rejected | None = None
                if page is not None:
                    pages += 1
                    try:
                        item = _page_document(record, page, url or where, url, encoding)
                    except InputError as error:
                        item = Rejected(where, f"{label}: {error}")
                cut = _missing_bytes(record)
                if cut:
                    declared = record.rec_headers.get_header("Content-Length")
                    yield Rejected(where, f"{label}: truncated: {cut} of its {declared} bytes missing")
                    return
                end = records.get_record_offset() + records.get_record_length()
                if item is not None:
                    yield item
        except (ArchiveLoadFailed, ValueError, AttributeError, EOFError, zlib.error) as error:
            reason = " ".join(str(error).split()) or type(error).__name__
            yield Rejected(str(path), f"invalid WARC record {number + 1}: {reason}")
            return
        handle.seek(end)
        if handle.read(64).strip():  # a record the reader stopped at: its header is cut short
            yield Rejected(f"{path}#{number + 1}", f"record {number + 1}: truncated WARC header "
                                                   f"(the file ends {path.stat().st_size - end} bytes into it)")
            return
    if not pages:
        raise InputError(f"no HTML pages in the archive (records read: {number})")


def _missing_bytes(record: ArcWarcRecord) -> int:
    """How many of the bytes the record's Content-Length announces the file does not hold."""
    stream = record.raw_stream
    while stream.read(2**16):  # what the reading of the page left, so that the count is complete
        pass
    return max(0, getattr(stream, "limit", 0))


def _check_warc_start(path: Path) -> None:
    with path.open("rb") as handle:
        start = handle.read(5)
    if not start:
        raise InputError("empty file")
    if start.startswith(b"\x1f\x8b"):
        try:
            with gzip.open(path, "rb") as handle:
                start = handle.read(5)
        except (OSError, EOFError, zlib.error) as error:
            raise InputError(f"invalid gzip data: {error}") from None
    if start != b"WARC/":
        raise InputError("not a WARC file (it does not start with a WARC/ header)")


def _html_page(record: ArcWarcRecord) -> str | None:
    """The page's content type when the record is a successful HTML response, else None."""
    if record.rec_type not in ("response", "resource"):
        return None
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    return content_type if content_type.split(";")[0].strip().lower() in _HTML_TYPES else None


def _page_document(
    record: ArcWarcRecord, content_type: str, source: str, url: str | None, encoding: str | None
) -> Document:
    body = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
    if len(body) > MAX_DOCUMENT_BYTES:
        raise InputError(f"page too large: over the {MAX_DOCUMENT_BYTES / 2**20:g} MB limit")
    if not body:
        raise InputError("empty page")
    declared = _CHARSET.search(content_type)
    html = decode_html(body, encoding, declared.group(1) if declared else None)
    warc_date = record.rec_headers.get_header("WARC-Date") or None
    return document_from_html(html, source, url=url, fallback_date=warc_date[:10] if warc_date else None)
