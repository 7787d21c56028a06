"""Ingest: files in many formats -> ``Document`` (or ``Rejected`` with a one-line reason).

Formats are chosen by suffix, and by sniffing the content when the suffix leaves it open
(``.xml``, or no suffix at all). Single-article files (text, Markdown, HTML, JSON) larger than
``MAX_DOCUMENT_BYTES`` are refused without being read; container files (JSON Lines, CSV/TSV,
feeds, WARC) are read record by record, and a bad record is rejected while the rest go on.
Reading never raises for bad input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from kroscek.ingest.decode import (
    MAX_ARTICLE_BYTES,
    MAX_DOCUMENT_BYTES,
    MAX_RECORD_BYTES,
    MIN_ARTICLE_WORDS,
    SNIFF_BYTES,
    InputError,
    check_article_text,
)
from kroscek.ingest.feed import read_feed
from kroscek.ingest.html import read_html
from kroscek.ingest.records import read_json, read_jsonl
from kroscek.ingest.tabular import read_table
from kroscek.ingest.text import read_text
from kroscek.ingest.warc import read_warc
from kroscek.model import Document, Rejected

__all__ = ["MAX_ARTICLE_BYTES", "MAX_DOCUMENT_BYTES", "MAX_RECORD_BYTES", "MIN_ARTICLE_WORDS", "list_inputs",
           "read_file", "read_paths"]

Item = Document | Rejected
Reader = Callable[[Path, Mapping[str, str] | None, str | None], Iterable[Item]]

_READERS: dict[str, Reader] = {
    "text": lambda path, columns, encoding: [read_text(path, encoding)],
    "html": lambda path, columns, encoding: [read_html(path, encoding)],
    "json": read_json,
    "jsonl": read_jsonl,
    "table": read_table,
    "feed": lambda path, columns, encoding: read_feed(path, encoding),
    "warc": lambda path, columns, encoding: read_warc(path, encoding),
}
_SUFFIXES = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "table", ".tsv": "table",
    ".rss": "feed", ".atom": "feed", ".xml": "sniff",
    ".warc": "warc", ".warc.gz": "warc",
}
_FEED_MARKS = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_MARKS = re.compile(rb"<(!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
# Folder notes and answer keys kept beside articles are not articles.
_NOT_ARTICLES = re.compile(r"^(readme|licen[cs]e|copying|changelog|labels)\b", re.IGNORECASE)


def list_inputs(paths: Sequence[str | Path]) -> list[Path]:
    """The files to read: folders expanded recursively (sorted), files and missing paths as given.

    In folders, hidden files and folders, files of unknown type, READMEs, licences and
    ``labels.*`` answer keys are skipped. Each file is listed once, in first-seen order.
    """
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and is_article_file(p.relative_to(path))))
        else:
            files.append(path)
    seen: set[Path] = set()
    unique = []
    for path in files:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def read_file(path: Path, columns: Mapping[str, str] | None = None, encoding: str | None = None) -> Iterator[Item]:
    """The documents in one file; whatever cannot be read comes out as ``Rejected`` with its reason.

    ``columns`` maps document fields to CSV columns or JSON keys (``{"text": "isi_berita"}``);
    ``encoding`` decodes text instead of UTF-8. Every document, whatever its input, has between
    ``MIN_ARTICLE_WORDS`` words and ``MAX_ARTICLE_BYTES`` of text, or is rejected.
    """
    path = Path(path)
    try:
        for item in _READERS[_kind(path)](path, columns, encoding):
            yield _within_limits(item, path)
    except InputError as error:
        yield Rejected(str(path), str(error))
    except OSError as error:
        yield Rejected(str(path), f"cannot read: {error.strerror or error}")
    except Exception as error:  # noqa: BLE001 - one unreadable file must not stop the batch
        yield Rejected(str(path), f"could not read: {type(error).__name__}: {' '.join(str(error).split())}")


def _within_limits(item: Item, path: Path) -> Item:
    """The document, or its rejection when its text is too short or too long to be an article
    (the readers check their own records; this catches every other kind, feed entries too)."""
    if isinstance(item, Rejected):
        return item
    try:
        check_article_text(item.text)
    except InputError as error:
        where = "" if item.source.startswith(str(path)) else f" (in {path})"
        return Rejected(item.source, f"{error}{where}")
    return item


def read_paths(
    paths: Sequence[str | Path], columns: Mapping[str, str] | None = None, encoding: str | None = None
) -> Iterator[Item]:
    """``read_file`` over every file ``list_inputs`` finds in ``paths``."""
    for path in list_inputs(paths):
        yield from read_file(path, columns=columns, encoding=encoding)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def is_article_file(relative: Path) -> bool:
    """Whether a file found in a folder (its path inside the folder) is read as articles: not
    hidden, of a known type, and not a README, licence or ``labels.*`` answer key."""
    hidden = any(part.startswith(".") for part in relative.parts)
    return not hidden and _suffix(relative) in _SUFFIXES and not _NOT_ARTICLES.match(relative.name)


def _kind(path: Path) -> str:
    if not path.exists():
        raise InputError("no such file")
    if path.is_dir():
        raise InputError("is a directory")
    suffix = _suffix(path)
    if suffix and suffix not in _SUFFIXES:
        raise InputError(f"unsupported file type {suffix}")
    kind = _SUFFIXES.get(suffix, "sniff")
    return _sniff(path, xml_only=bool(suffix)) if kind == "sniff" else kind


def _sniff(path: Path, xml_only: bool) -> str:
    """The format of a file from its first bytes (an ``.xml`` file is a feed or an XHTML page)."""
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _FEED_MARKS.search(head):
        return "feed"
    if _HTML_MARKS.search(head):
        return "html"
    if xml_only:
        return "feed"
    if start.startswith(b"WARC/") or start.startswith(b"\x1f\x8b"):
        return "warc"
    if start.startswith((b"{", b"[")):
        return "jsonl" if start.startswith(b"{") and b"}\n{" in head.replace(b"\r\n", b"\n") else "json"
    return "text"
