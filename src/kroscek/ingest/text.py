"""Plain-text and Markdown articles: the whole file is the document, header lines included.

Markdown keeps its words and loses its markup where it would reach the article text: heading
marks (``# ``), images, and link targets (``[text](url)`` -> ``text``).
"""

from __future__ import annotations

import re
from pathlib import Path

from kroscek.ingest.decode import InputError, check_article_text, decode, read_document_bytes
from kroscek.model import Document

MARKDOWN_SUFFIXES = (".md", ".markdown")
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")


def read_text(path: Path, encoding: str | None = None) -> Document:
    """One document from a text file; the cleaner later picks its headline, outlet and date lines."""
    text = decode(read_document_bytes(path), encoding)
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        text = markdown_to_text(text)
    if not text.strip():
        raise InputError("empty file (only whitespace)")
    check_article_text(text)
    return Document(source=str(path), text=text)


def markdown_to_text(text: str) -> str:
    """Markdown without heading marks, images and link targets; everything else as written."""
    return _LINK.sub(r"\1", _IMAGE.sub("", _HEADING.sub(r"\1", text)))
