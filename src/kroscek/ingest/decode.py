"""Turning a file's bytes into text, or a one-line reason why that is not possible."""

from __future__ import annotations

import codecs
from pathlib import Path

MAX_DOCUMENT_BYTES = 10 * 2**20  # a single-article file larger than this is not an article
SNIFF_BYTES = 8192
_MB = 2**20
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


def looks_binary(sample: bytes) -> bool:
    """Whether the start of a file is not text: NUL bytes or many control characters."""
    if bom_encoding(sample) in ("utf-16", "utf-32"):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls > len(sample) * 0.05


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode ``data`` as UTF-8 (or ``encoding``), with a BOM stripped and newlines made ``\\n``."""
    if encoding is None and looks_binary(data[:SNIFF_BYTES]):
        raise InputError("binary file (not text)")
    codec = encoding or bom_encoding(data) or "utf-8"
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
    codec = encoding or bom_encoding(sample) or "utf-8"
    try:
        codecs.getincrementaldecoder(codec)().decode(sample, final=False)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as error:
        raise InputError(_decode_failure(sample, codec, error)) from None
    return codec


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
