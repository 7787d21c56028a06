"""Turning a file's bytes into text, or a one-line reason why that is not possible."""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

MAX_DOCUMENT_BYTES = 10 * 2**20  # a single-article file larger than this is not an article
MAX_RECORD_BYTES = 8 * 2**20  # one record of a JSON Lines or CSV file (a line, a row): refused unread beyond this
MAX_ARTICLE_BYTES = 2 * 2**20  # the text of one article, whatever its input (UTF-8 bytes)
MIN_ARTICLE_WORDS = 3  # fewer words (runs of letters) than this is not an article
SNIFF_BYTES = 8192
_MB = 2**20
_WORD = re.compile(r"[^\W\d_]+")
# Characters that would break a one-line message or reorder it on screen: controls (newlines
# included), line and paragraph separators, and the bidirectional formatting characters.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
_UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = {9, 10, 12, 13, 27}


class InputError(Exception):
    """Bad input; the message is the one-line reason shown to the reader."""


def read_document_bytes(path: Path, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The bytes of a single-article file, refusing (before reading) a file larger than ``limit``."""
    size = path.stat().st_size
    if size > limit:
        raise InputError(f"file too large: {size / _MB:.1f} MB > {limit / _MB:g} MB limit")
    data = path.read_bytes()
    if not data:
        raise InputError("empty file")
    return data


def bom_encoding(data: bytes) -> str | None:
    """The Unicode encoding a byte-order mark at the start of ``data`` announces."""
    return next((name for bom, name in _UNICODE_BOMS if data.startswith(bom)), None)


def utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``sample`` looks like UTF-16 text without a byte-order
    mark: mostly NUL bytes in the odd (or even) places, as Latin-script text has, and nowhere else."""
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high.count(0) >= 0.9 * len(high) and low.count(0) == 0:
            try:
                sample.decode(codec)
            except UnicodeDecodeError:
                continue
            return codec
    return None


def sniff_encoding(sample: bytes) -> str | None:
    """The encoding a file's first bytes announce (a byte-order mark) or show (UTF-16 without one)."""
    return bom_encoding(sample) or utf16_without_bom(sample)


def looks_binary(sample: bytes) -> bool:
    """Whether the start of a file is not text: NUL bytes or many control characters."""
    if sniff_encoding(sample) not in (None, "utf-8-sig"):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls > len(sample) * 0.05


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode ``data`` as UTF-8 (or ``encoding``), with a BOM stripped and newlines made ``\\n``."""
    if encoding is None and looks_binary(data[:SNIFF_BYTES]):
        raise InputError("binary file (not text)")
    codec = encoding or sniff_encoding(data[:SNIFF_BYTES]) or "utf-8"
    try:
        text = data.decode(codec)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as error:
        raise InputError(_decode_failure(data, codec, error)) from None
    return normalise_newlines(text.removeprefix("\ufeff"))


def check_start(sample: bytes, encoding: str | None = None) -> str:
    """The codec for a file read as a stream, after checking its first bytes are text in it."""
    if not sample:
        raise InputError("empty file")
    if encoding is None and looks_binary(sample):
        raise InputError("binary file (not text)")
    codec = encoding or sniff_encoding(sample) or "utf-8"
    try:
        codecs.getincrementaldecoder(codec)().decode(sample, final=False)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as error:
        raise InputError(_decode_failure(sample, codec, error)) from None
    return codec


def check_article_text(text: str) -> None:
    """Raise ``InputError`` for a text too short or too long to be one article."""
    if len(text) > MAX_ARTICLE_BYTES or (len(text) * 4 > MAX_ARTICLE_BYTES and len(text.encode("utf-8")) > MAX_ARTICLE_BYTES):
        size = len(text.encode("utf-8", "surrogatepass"))
        raise InputError(f"article too large: {size / _MB:.1f} MB of text > {MAX_ARTICLE_BYTES / _MB:g} MB limit")
    words = sum(1 for _ in zip(range(MIN_ARTICLE_WORDS), _WORD.finditer(text)))
    if words < MIN_ARTICLE_WORDS:
        raise InputError(f"too short to be an article: {words} word{'' if words == 1 else 's'} "
                         f"(at least {MIN_ARTICLE_WORDS})")


def printable(text: str) -> str:
    """``text`` fit for a one-line message: controls, line separators and bidirectional
    formatting characters written as escapes (a file name with a newline stays on one line)."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_failure(data: bytes, codec: str, error: UnicodeDecodeError) -> str:
    name = "UTF-8" if codecs.lookup(codec).name in ("utf-8", "utf-8-sig") else codec
    reason = f"not valid {name} at byte {error.start}"
    if name != "UTF-8":
        return reason
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return f"{reason}; re-run with --encoding and the file's encoding (e.g. --encoding latin-1)"
    return f"{reason}; looks like Windows-1252 — re-run with --encoding cp1252"
