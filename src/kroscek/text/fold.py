"""The forms words and names are compared in."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ASCII_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1 << 17)  # names are folded once per article they are compared with
def fold(text: str) -> str:
    """Casefolded with accents dropped, so 'Pushilin', 'PUSHILIN' and 'Puşilin' meet; everything
    else (punctuation, spaces, letters without an ASCII form) is kept."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)  # entity resolution compares every mention with many others
def name_key(name: str) -> str:
    """The lookup key of a name: ASCII letters and digits only, lower case, one space between
    words ("Kim Jong-un" -> "kim jong un", "Tempo.co" -> "tempo co")."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").casefold()
    return " ".join(_ASCII_WORD.findall(text))
