"""RSS and Atom feeds: one document an entry, its text from the entry's content or summary; and
fetching a feed from the web without reaching internal addresses (``fetch_feed``)."""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import feedparser

from kroscek.ingest.decode import SNIFF_BYTES, InputError, looks_binary
from kroscek.ingest.html import TITLE_SEPARATOR, fragment_to_text
from kroscek.model import Document, Rejected

log = logging.getLogger(__name__)

FEED_MAX_BYTES = 10 * 2**20  # a feed larger than this is refused, not read on
FEED_TIMEOUT_SECONDS = 20.0  # the whole fetch, redirects included
FEED_MAX_REDIRECTS = 5
NOT_PUBLIC = "refused: the feed's address is not a public internet address"
UNREACHABLE = "the feed could not be fetched"

Resolver = Callable[..., list]


class FeedError(Exception):
    """A feed that was not fetched; the message is safe to show readers (no network details)."""


def fetch_feed(
    url: str,
    *,
    max_bytes: int = FEED_MAX_BYTES,
    timeout: float = FEED_TIMEOUT_SECONDS,
    max_redirects: int = FEED_MAX_REDIRECTS,
    resolve: Resolver = socket.getaddrinfo,
    transport: Any = None,
) -> bytes:
    """The body of the feed at ``url`` (http or https only).

    The host is resolved first and refused unless every address is public (not private, loopback,
    link-local, reserved, multicast, shared or unspecified, also in IPv4-mapped or numeric forms
    such as ``0x7f000001``); the connection then goes to the checked address, so a second DNS
    answer cannot point elsewhere. Redirects are followed by hand, each one checked the same way,
    at most ``max_redirects``; the body is read up to ``max_bytes`` within ``timeout`` seconds.
    Raises ``FeedError`` with a reader-safe message; the details go to the log.
    """
    import httpx

    deadline = time.monotonic() + timeout
    with httpx.Client(transport=transport, follow_redirects=False, trust_env=False) as client:
        for _ in range(max_redirects + 1):
            target, headers, extensions = _pinned_request(url, resolve)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise FeedError(f"{UNREACHABLE} (took too long)")
            try:
                request = client.build_request("GET", target, headers=headers, extensions=extensions,
                                               timeout=httpx.Timeout(remaining))
                response = client.send(request, stream=True)
            except httpx.HTTPError as error:
                log.warning("feed %s: %s: %s", url, type(error).__name__, error)
                raise FeedError(UNREACHABLE) from error
            try:
                if response.is_redirect and "location" in response.headers:
                    url = urljoin(url, response.headers["location"])
                    continue
                if response.status_code != 200:
                    log.warning("feed %s: HTTP %s", url, response.status_code)
                    raise FeedError(UNREACHABLE)
                return _read_capped(response, url, max_bytes, deadline)
            finally:
                response.close()
    raise FeedError(f"{UNREACHABLE} (more than {max_redirects} redirects)")


def _read_capped(response: Any, url: str, max_bytes: int, deadline: float) -> bytes:
    import httpx

    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FeedError(f"refused: the feed is larger than {max_bytes // 2**20} MB")
    body = bytearray()
    try:
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > max_bytes:
                raise FeedError(f"refused: the feed is larger than {max_bytes // 2**20} MB")
            if time.monotonic() > deadline:
                raise FeedError(f"{UNREACHABLE} (took too long)")
    except httpx.HTTPError as error:
        log.warning("feed %s: %s: %s", url, type(error).__name__, error)
        raise FeedError(UNREACHABLE) from error
    return bytes(body)


def _pinned_request(url: str, resolve: Resolver) -> tuple[str, dict[str, str], dict[str, Any]]:
    """The URL to connect to (the host replaced by its checked address), its headers and extensions."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError as error:
        raise FeedError("refused: not a valid feed URL") from error
    if parts.scheme.lower() not in {"http", "https"} or not host:
        raise FeedError("refused: a feed URL must be http or https")
    address = public_address(host, port or (443 if parts.scheme.lower() == "https" else 80), resolve)
    shown = f"[{address}]" if address.version == 6 else str(address)
    netloc = shown + (f":{port}" if port else "")
    target = urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))
    host_header = (f"[{host}]" if ":" in host else host) + (f":{port}" if port else "")
    headers = {"Host": host_header, "User-Agent": "kroscek-feed-reader",
               "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"}
    extensions = {"sni_hostname": host} if parts.scheme.lower() == "https" else {}
    return target, headers, extensions


def public_address(host: str, port: int = 80, resolve: Resolver = socket.getaddrinfo) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """The first address of ``host``; ``FeedError`` unless every address it resolves to is public."""
    try:
        infos = resolve(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        log.warning("feed host %r: %s", host, error)
        raise FeedError(UNREACHABLE) from error
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    if not addresses or not all(is_public(a) for a in addresses):
        raise FeedError(NOT_PUBLIC)
    return addresses[0]


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether ``address`` is a public internet address (an IPv4 address inside IPv6 is judged as IPv4)."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo[1] if address.teredo else None)
        if embedded is not None and not is_public(embedded):
            return False
        if address in ipaddress.ip_network("64:ff9b::/96"):  # NAT64: the IPv4 address in its last 32 bits
            return is_public(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return address.is_global and not (
        address.is_private or address.is_loopback or address.is_link_local or address.is_reserved
        or address.is_multicast or address.is_unspecified
    )



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
