"""HTML pages: main text with trafilatura (recall first, tables kept, comments left out), title
and outlet from its metadata, page date with htmldate (through trafilatura), url from the
canonical link, else ``og:url``.

``Document.html`` is left ``None``: no later stage reads the page, and pages are large.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import lxml.html
import trafilatura
from trafilatura.utils import load_html
from lxml import etree

from kroscek.ingest.decode import InputError, SNIFF_BYTES, check_article_text, decode, looks_binary, read_document_bytes
from kroscek.model import Document

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_DATE_OPTIONS = {"original_date": True, "extensive_search": True}
_BLOCKS = ("p", "div", "li", "ul", "ol", "blockquote", "pre", "table", "tr", "section", "article",
           "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "dd", "dt")
_SPACE = re.compile(r"\s+")
TITLE_SEPARATOR = re.compile(r"\s+[-|–—·»]\s+")
_MAX_OUTLET_WORDS = 6


def read_html(path: Path, encoding: str | None = None) -> Document:
    """One document from an HTML file."""
    return document_from_html(decode_html(read_document_bytes(path), encoding), str(path))


def decode_html(data: bytes, encoding: str | None = None, declared: str | None = None) -> str:
    """The page's text: ``encoding`` if given, else UTF-8, else the charset the page (or server) declares."""
    if encoding is not None:
        return decode(data, encoding)
    if looks_binary(data[:SNIFF_BYTES]):
        raise InputError("binary file (not text)")
    try:
        return decode(data)
    except InputError:
        charset = declared or _declared_charset(data)
        if charset is None:
            raise
        return decode(data, charset)


def document_from_html(html: str, source: str, url: str | None = None, fallback_date: str | None = None) -> Document:
    """The article in a page; raises ``InputError`` when the page has no article text."""
    try:
        tree = load_html(html)
        if tree is None:  # a bare fragment, without <html>
            tree = load_html(f"<html><body>{html}</body></html>")
        if tree is None:
            raise InputError("no article text found")
        canonical = _canonical_url(tree)
        page_title = _clean_line(tree.findtext(".//title"))
        extracted = trafilatura.bare_extraction(
            tree, url=url, favor_recall=True, with_metadata=True, include_comments=False,
            include_tables=True, date_extraction_params=_DATE_OPTIONS,
        )
    except (ValueError, etree.LxmlError) as error:
        raise InputError(f"unreadable HTML: {error}") from None
    paragraphs = _page_blocks(extracted.text if extracted else None)
    if not paragraphs:
        raise InputError("no article text found")
    title = _clean_line(extracted.title)
    if title and _same_line(paragraphs[0], title):
        paragraphs = paragraphs[1:] or paragraphs
    text = "\n\n".join(paragraphs)
    check_article_text(text)
    return Document(
        source=source,
        text=text,
        title=title,
        url=canonical or extracted.url or url,
        outlet=_outlet(_clean_line(extracted.sitename), page_title, title),
        published=extracted.date or fallback_date,
    )


def fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), one blank line between blocks."""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, etree.LxmlError):
        return fragment.strip()
    for element in root.iter("script", "style", "noscript"):
        element.drop_tree()
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    for element in root.iter(*_BLOCKS):
        element.text = "\n\n" + (element.text or "")
        element.tail = "\n\n" + (element.tail or "")
    return "\n\n".join(_paragraphs(root.text_content(), separator=r"\n\s*\n"))


def _page_blocks(text: str | None) -> list[str]:
    """Paragraphs of extracted text; a table's rows stay together, one row a line, cells split by ``|``."""
    blocks: list[str] = []
    rows: list[str] = []
    for line in _paragraphs(text):
        if len(line) > 1 and line.startswith("|") and line.endswith("|"):
            cells = [cell.strip() for cell in line[1:-1].split("|")]
            if not all(set(cell) <= set("-: ") for cell in cells):
                rows.append(" | ".join(cells))
            continue
        if rows:
            blocks.append("\n".join(rows))
            rows = []
        blocks.append(line)
    if rows:
        blocks.append("\n".join(rows))
    return blocks


def _paragraphs(text: str | None, separator: str = r"\n") -> list[str]:
    if not text:
        return []
    lines = (" ".join(part.split()) for part in re.split(separator, text))
    return [line for line in lines if line]


def _outlet(sitename: str | None, page_title: str | None, title: str | None) -> str | None:
    """The site's name; a bare host name (trafilatura's last resort) yields to a ``<title>`` suffix."""
    named_in_title = _title_remainder(page_title, title)
    if sitename and not (named_in_title and " " not in sitename and "." in sitename):
        return sitename
    return named_in_title or sitename


def _title_remainder(page_title: str | None, title: str | None) -> str | None:
    """What ``<title>`` adds to the headline ("Judul - Kabar Pesisir" -> "Kabar Pesisir"), if short."""
    if not page_title or not title or _same_line(page_title, title):
        return None
    folded, headline = page_title.casefold(), title.casefold()
    if folded.startswith(headline):  # "Headline | Section | Outlet": the last part
        parts = TITLE_SEPARATOR.split(page_title[len(title):])
        name = parts[-1] if len(parts) > 1 and not parts[0].strip() else None
    elif folded.endswith(headline):  # "Outlet - Headline": the first part
        parts = TITLE_SEPARATOR.split(page_title[: -len(title)])
        name = parts[0] if len(parts) > 1 and not parts[-1].strip() else None
    else:
        return None
    name = _clean_line(name)
    return name if name and len(name.split()) <= _MAX_OUTLET_WORDS else None


def _canonical_url(tree: lxml.html.HtmlElement) -> str | None:
    for href in tree.xpath('//head/link[contains(concat(" ", normalize-space(@rel), " "), " canonical ")]/@href'):
        if href.strip().startswith(("http://", "https://")):
            return href.strip()
    return None


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:SNIFF_BYTES])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def _clean_line(value: str | None) -> str | None:
    text = _SPACE.sub(" ", value or "").strip()
    return text or None


def _same_line(first: str, second: str) -> bool:
    return _SPACE.sub(" ", first).strip().casefold() == _SPACE.sub(" ", second).strip().casefold()
