"""Which URLs may become links: a bottom-layer helper shared by the web app and the static report.

Articles bring their own URLs (a JSON ``url`` field, an RSS ``<link>``), so a URL is data, never
trusted: only an absolute ``http``/``https`` URL with a host becomes a link. Anything else
(``javascript:``, ``data:``, ``vbscript:``, a relative path, a scheme hidden behind control
characters or whitespace that browsers would drop) is shown as text only.
"""

from __future__ import annotations

from urllib.parse import urlsplit

LINK_SCHEMES = frozenset({"http", "https"})
MAX_URL_CHARS = 4096


def safe_url(url: object) -> str | None:
    """``url`` if it is safe as a link's ``href`` (absolute http or https), else None.

    Browsers drop ASCII whitespace and control characters around a URL and tabs and newlines
    inside it ("java\\tscript:" is "javascript:"); a URL holding any of them is refused rather
    than cleaned, so what is shown is exactly what is followed.
    """
    if not isinstance(url, str) or not url or len(url) > MAX_URL_CHARS:
        return None
    if any(ord(c) <= 0x20 or 0x7F <= ord(c) <= 0x9F for c in url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # a malformed [IPv6] host or port
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not host or "\\" in url:
        return None
    return url
