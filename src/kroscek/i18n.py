"""The interface's languages: Indonesian (the default) and English, for the web pages and the report.

Templates are written in English and marked for translation (Jinja's i18n extension, gettext
style); ``resources/locale/<locale>.po`` holds a language's translations, compiled with Babel when
first used. Dates and numbers are written in the reader's locale by Babel as well.
"""

from __future__ import annotations

import gettext
import re
from datetime import date, datetime
from functools import cache
from importlib.resources import files
from io import BytesIO
from typing import Any

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations
from jinja2 import Environment

LOCALES = ("id", "en")
DEFAULT_LOCALE = "id"
LOCALE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


@cache
def translations(locale: str) -> gettext.NullTranslations:
    """The compiled translations of ``locale`` (none for English: the templates' own words)."""
    source = files("kroscek") / "resources" / "locale" / f"{locale}.po"
    if locale == "en" or not source.is_file():
        return gettext.NullTranslations()
    with source.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


def pick_locale(lang: str | None = None, cookie: str | None = None, accept_language: str | None = None) -> str:
    """The reader's locale: ``?lang=``, else the remembered choice, else the browser's
    Accept-Language (by its q weights), else Indonesian."""
    for chosen in (lang, cookie):
        if chosen and chosen.strip().lower()[:2] in LOCALES:
            return chosen.strip().lower()[:2]
    wanted: list[tuple[float, int, str]] = []
    for position, item in enumerate((accept_language or "")[:1000].split(",")):
        tag, _, params = item.strip().partition(";")
        weight = 1.0
        if match := re.search(r"q=([0-9.]+)", params):
            try:
                weight = float(match.group(1))
            except ValueError:
                weight = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LOCALES and weight > 0:
            wanted.append((-weight, position, primary))
    return min(wanted)[2] if wanted else DEFAULT_LOCALE


def format_day(value: Any, locale: str | None = None, style: str = "medium") -> str:
    """An ISO date (or the date part of a timestamp) in the reader's locale: "15 Agu 2022",
    "Aug 15, 2022"; the value as given when it is not a date or no locale is given."""
    if value is None or value == "":
        return ""
    if locale is None:
        return str(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        if not _DAY.match(value):
            return value
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    if not isinstance(value, date):
        return str(value)
    return format_date(value, format=style, locale=locale)


def format_number(value: Any, locale: str | None = None) -> str:
    """A number in the reader's locale (1.234 in Indonesian, 1,234 in English)."""
    if locale is None or not isinstance(value, (int, float)):
        return str(value)
    return format_decimal(value, locale=locale)


def with_locale(environment: Environment, locale: str | None) -> Environment:
    """``environment`` (made with the ``jinja2.ext.i18n`` extension) speaking ``locale``: its
    gettext, ``day`` and ``number`` filters and a ``locale`` global. ``None``: English words and
    ISO dates (the static report)."""
    environment.install_gettext_translations(translations(locale or "en"), newstyle=True)  # type: ignore[attr-defined]
    environment.filters["day"] = lambda value, style="medium": format_day(value, locale, style)
    environment.filters["number"] = lambda value: format_number(value, locale)
    environment.globals["locale"] = locale or "en"
    environment.globals["locale_names"] = LOCALE_NAMES
    return environment
