"""RSS and Atom feeds: one document an entry, its text from the entry's content or summary."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import feedparser

from kroscek.ingest.decode import SNIFF_BYTES, InputError, looks_binary
from kroscek.ingest.html import TITLE_SEPARATOR, fragment_to_text
from kroscek.model import Document, Rejected



def read_feed(path: Path, encoding: str | None = None) -> Iterator[Document | Rejected]:
    """The entries of a feed; an entry without text is rejected, a feed without entries too."""
    data = path.read_bytes()
    if not data:
        raise InputError("empty file")
    if encoding is None and looks_binary(data[:SNIFF_BYTES]):
        raise InputError("binary file (not text)")
    headers = {"content-type": f"application/xml; charset={encoding}"} if encoding else None
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=True, resolve_relative_uris=False)
    documents = [_entry_item(entry, number, parsed.feed, path) for number, entry in enumerate(parsed.entries, 1)]
    if parsed.bozo and not any(isinstance(item, Document) for item in documents):
        raise InputError(f"malformed feed: {_bozo_reason(parsed)}")
    if not documents:
        raise InputError("feed has no entries")
    yield from documents


def _entry_item(entry: Any, number: int, feed: Any, path: Path) -> Document | Rejected:
    url = (entry.get("link") or "").strip() or None
    source = url or f"{path}#{number}"
    text = _entry_text(entry)
    if not text:
        return Rejected(source, f"entry {number}: no text (neither content nor summary)")
    return Document(
        source=source,
        text=text,
        title=_plain(entry, "title") or None,
        url=url,
        outlet=_outlet_name(_plain(feed, "title")),
        published=_entry_date(entry),
    )


def _outlet_name(feed_title: str) -> str | None:
    """The outlet in a feed title, without its tagline ("Warta Lembah - Berita Terkini" -> "Warta Lembah")."""
    return TITLE_SEPARATOR.split(feed_title, maxsplit=1)[0].strip() or None


def _entry_text(entry: Any) -> str:
    """The longest of the entry's full contents, else its summary, as plain text."""
    candidates = [(item.get("value", ""), item.get("type", "")) for item in entry.get("content", [])]
    candidates.append((entry.get("summary", ""), entry.get("summary_detail", {}).get("type", "text/html")))
    return max((_as_text(value, kind) for value, kind in candidates), key=len, default="")


def _plain(item: Any, key: str) -> str:
    """A feed or entry field as plain text, whether the feed gave it as text or as HTML."""
    return _as_text(item.get(key, ""), item.get(f"{key}_detail", {}).get("type", "text/html"))


def _as_text(value: str, kind: str) -> str:
    return value.strip() if kind == "text/plain" else fragment_to_text(value)


def _entry_date(entry: Any) -> str | None:
    """The entry's publication (else update) time in ISO form, keeping the feed's own UTC offset."""
    for key in ("published", "updated"):
        raw = (entry.get(key) or "").strip()
        if not raw:
            continue
        for parse in (parsedate_to_datetime, _parse_iso):
            try:
                return parse(raw).isoformat()
            except (TypeError, ValueError, IndexError):
                continue
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat()
    return None


def _parse_iso(raw: str) -> datetime:
    return datetime.fromisoformat(raw.replace("Z", "+00:00"))


def _bozo_reason(parsed: Any) -> str:
    error = parsed.get("bozo_exception")
    message = getattr(error, "getMessage", lambda: str(error))()
    return " ".join(str(message).split()) or type(error).__name__
