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
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)


def read_warc(path: Path, encoding: str | None = None) -> Iterator[Document | Rejected]:
    """One document per HTML page in the archive, streamed record by record."""
    _check_warc_start(path)
    number = 0
    pages = 0
    with path.open("rb") as handle:
        try:
            for number, record in enumerate(ArchiveIterator(handle), start=1):
                page = _html_page(record)
                if page is None:
                    continue
                pages += 1
                url = record.rec_headers.get_header("WARC-Target-URI") or None
                source = url or f"{path}#{number}"
                try:
                    yield _page_document(record, page, source, url, encoding)
                except InputError as error:
                    yield Rejected(source, f"record {number}: {error}")
        except (ArchiveLoadFailed, ValueError, AttributeError, EOFError, zlib.error) as error:
            reason = " ".join(str(error).split()) or type(error).__name__
            yield Rejected(str(path), f"invalid WARC record {number + 1}: {reason}")
            return
    if not pages:
        raise InputError(f"no HTML pages in the archive (records read: {number})")


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
