"""Page dates: the date line of a page ("Desember 22, 2024", "10/21/2025 20:43") read by dateparser.

Cleaning reads the page date from a header line and from a document's ``published`` field; the
event dates an article mentions are read in ``kroscek.analyse.dates``.
"""

from __future__ import annotations

import dateparser

PAGE_DATE_LANGUAGES = ("id", "en")  # the languages a page-date line is read in, by default
_PAGE_DATE_SETTINGS = {"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}


def parse_page_date(text: str, languages: tuple[str, ...] = PAGE_DATE_LANGUAGES) -> str | None:
    """Parse a page-date line such as "Desember 22, 2024" or "10/21/2025 20:43" to an ISO date."""
    parsed = dateparser.parse(text.strip(), languages=list(languages), settings=_PAGE_DATE_SETTINGS)
    return parsed.date().isoformat() if parsed else None
