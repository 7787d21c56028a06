"""Dates: the event dates an article mentions, resolved to the calendar, and staleness.

Event dates come from a rule layer driven by ``resources/dates/<language>.json`` (month and
weekday names, relative expressions, context words). Languages without a rule file fall back
to ``dateparser.search``; page dates are parsed by ``dateparser`` in ``kroscek.text.dates``.

How an expression is resolved:

- Explicit dates ("15 Agustus 2022", "Selasa (21/10/2025)", "21/10/2025", "Agustus 2022",
  "pada 2019", "akhir 2019") are *firm*: the text alone fixes them.
- A weekday with a day/month and no year ("hari Senin (15/8) lalu") takes the latest year in
  which that day falls on that weekday, on or before the page date (or up to six months after
  it, unless the phrase says "lalu" / "last"); with no page date, on or before today. The
  weekday check makes it firm too.
- A day and month followed by a range end with a year ("31 Juli hingga 3 Agustus 2025") take
  that year; the days of one range ("10-20 Juni") share one year.
- Everything else ("15 Agustus", "Juli lalu", "pada hari Senin", "kemarin", "bulan lalu",
  "77 tahun yang lalu") is resolved against an *anchor*: the article's own time (below), or
  when there is no page date the latest firm day in the article itself; with neither it is left out.
  These are never firm. A day/month without a year takes the nearest occurrence on or before
  the anchor (a week of slack), or after it when a future cue ("akan", "will") precedes it or
  when the coming one is at most three months ahead and nearer than the last ("tutup tanggal 30
  Agustus" on a June page).

Not dates: habits ("setiap Senin", "setiap hari Senin dan Jumat"), spans of time ("puluhan tahun
lalu", "3 bulan ini"), document numbers ("Nomor 8 Tahun 2019", "Nomor KP 1001 Tahun 2022") and a
regulation's or a treaty's year ("Perda tahun 2022", "Konvensi Wina tahun 1968"), a used or assembled model's year ("tahun 2003 dijual",
"bekas keluaran 2022"), names ("Jumat Sehat"), decades ("1990-an"), and
numbers that only look like dates (percentages, money, clock times, a bare "(15/8)").

Precision is day | week | month | year. A week ("pekan lalu", "awal pekan ini") is written as
one representative day: the anchor moved by whole weeks, or with a modifier (awal /
pertengahan / akhir, early / mid / late) the Monday / Wednesday / Saturday of that week.

The article's own time: relative expressions count from the page date, unless the text shows
it was written at another time. Every day it dates with a weekday ("Senin (15/8/2022)", the way
news dates its own days) lies more than six months before the page and no firm date is recent:
its latest such day is the anchor. Or "N tahun yang lalu" / "N tahun silam" counts from a year
the text names, written earlier in the sentence ("merdeka pada 1945 ... 77 tahun yang lalu") or
the origin of an anniversary it names ("Hari Pembebasan Korea", 1945): that year plus N, when two
or more years before the page, is the text's year, and a day and month without a year ("15
Agustus") falls in it. Such dates are firm (the text fixes them), and a day or week counted from a
text year without a day ("kemarin") is left unresolved.

Staleness is decided here and only here (``staleness``, with its reason; provenance calls it):
``is_stale`` looks at one article's firm dates, ``stale_lead`` at a weekday-dated lead, and
``stale_against_story`` brings in the firm days of the other articles of its story (collected
with ``firm_days``), which exposes a republication whose own text only carries relative dates.
The cut-off is ``STALE_MONTHS`` calendar months before the page date (``stale_cutoff``), and a
lag is counted in whole calendar months (``months_between``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from dateparser.search import search_dates

from kroscek.model import EventDate, Sentence
from kroscek.text import lexicon as resources

_FUTURE_WINDOW = timedelta(days=183)  # how far after the page date an unmarked weekday date may fall
_SLACK = timedelta(days=7)  # a day/month this close after the anchor still counts as "on or before"
_YEAR_RANGE = 50  # "2021-2023" is two years; "1800-2000" more likely a count
_TREATY_NAME_WORDS = 5  # capitalised words of a treaty's name between its kind and its year ("Konvensi Wina tahun 1968")
_MONTHS_AHEAD = 3  # an unmarked month name this close ahead of the anchor is the coming one
_DAYS_AHEAD = timedelta(days=92)  # an unmarked day and month this close ahead, and nearer than the last one, is the coming one
_CUE_WINDOW = 60  # characters before an expression searched for a future cue
_BLOCK_WINDOW = 1000  # characters before an expression searched for the words that make it no date
_SPACES = re.compile(r"\s+")


def _key(words: str) -> str:
    """A matched phrase as the resources write it: lower case, one space between words ("musim  panas")."""
    return _SPACES.sub(" ", words.lower())


_START = r"(?<!\w)"
_END = r"(?!\w)"
_FIRM_KINDS = ("weekday_numeric", "weekday_named", "numeric_date", "iso_date", "named_date", "month_day",
               "month_year", "year", "year_range", "previous_year", "years_later", "season")
_Dates = tuple[tuple[str, str, bool], ...]  # resolved (iso, precision, firm) triples
_DAY_MONTH_KINDS = ("weekday_numeric", "weekday_named", "named_date", "month_day")
_WRITTEN_YEAR = re.compile(r"(?<![\d/.,])((?:18|19|20)\d{2})(?![\d/])")
_FAR = timedelta(days=120)  # a day and month this far from every full date of its sentence is suspect
_BESIDE = 40  # characters between a bare weekday and the explicit date it names
_LIST_WINDOW = 160  # characters after a month name searched for the year of a list it opens ("Juni, Juli, Agustus 2024")
_WEEKDAY_SLIP = timedelta(days=31)  # a weekday + day/month this near the page is read in the page's year, weekday or not
_NARRATIVE_YEARS = 2  # "N tahun yang lalu" read from a named year moves the article's time only this far back
STALE_MONTHS = 6  # an article whose events all lie this far before its page is a late republication
LEAD_SENTENCES = 2  # sentences that make an article's lead


# --- rule data -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rules:
    """One language's date vocabulary and the patterns compiled from it."""

    data: dict[str, Any]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    directions: tuple[tuple[str, re.Pattern[str]], ...]  # past / future / this words
    future_cue: re.Pattern[str]
    recurring: re.Pattern[str]  # "setiap Senin": a habit, not a date
    quantity: re.Pattern[str]  # "puluhan tahun lalu", "3 bulan ini": a span of time, not a date
    product: re.Pattern[str]  # "keluaran tahun" before a year: a product's age, not an event
    regulation: re.Pattern[str]  # "Perda" before "tahun 2022": a regulation's name, not an event
    treaty: re.Pattern[str]  # "Konvensi Wina" before "tahun 1968": a treaty's name, not an event
    product_after: re.Pattern[str]  # "dijual" after "tahun 2003": a used model's year, not an event
    document: re.Pattern[str]  # "Nomor 731 Tahun 2025": a document number, not a date
    since: re.Pattern[str]  # "sejak Juli": a start in the past
    range_end: re.Pattern[str]  # "hingga 3 Agustus 2025" after "31 Juli": the year the range ends in
    years_ago: re.Pattern[str]  # "77 tahun yang lalu", "enam tahun silam"
    meal: re.Pattern[str]  # "makan" before "pagi ini": a meal ("makan pagi", breakfast), not a day
    remaining: re.Pattern[str]  # "tersisa" before "setahun lagi": a duration left, not a date
    simile: re.Pattern[str]  # "Ibaratnya, kalau direm hari Senin berhentinya hari Sabtu": days of a figure of speech
    label: re.Pattern[str]  # "Matchday" before "9 pekan lalu": the 9 labels a match, it counts no weeks
    labelled: re.Pattern[str]  # "Matchday 9" before "pekan lalu": a label's number, no count of weeks
    earlier_one: re.Pattern[str]  # "yang" before "kemarin": the earlier one ("kemenangan 4-0 yang kemarin"), not yesterday
    month_after: re.Pattern[str]  # a month named later in the clause: "kemarin dilaunchingnya sih awal Juni" is "the other day"
    month_before: re.Pattern[str]  # a month (and year) right before: "pada Januari 2025 kemarin" is last January, not yesterday
    list_year: re.Pattern[str]  # after a month name, in the same clause: the next month with a written year
    anniversaries: tuple[tuple[re.Pattern[str], date], ...]  # "Hari Pembebasan Korea": 1945-08-15

    def month(self, name: str) -> int:
        key = name.lower().rstrip(".")
        return self.data["months"].get(key) or self.data["month_abbreviations"][key]

    def weekday(self, name: str) -> int:
        return self.data["weekdays"][name.lower()]


def _words(words: Any, capitalised: bool = False) -> str:
    """A regex alternation of words (longest first); case-insensitive unless ``capitalised``."""
    escaped = [re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)]
    if not escaped:
        return "(?!)"
    if capitalised:
        return "(?:" + "|".join(e[:1].upper() + e[1:] for e in escaped) + ")"
    return "(?i:" + "|".join(escaped) + ")"


def _month_names(data: dict[str, Any]) -> str:
    full = sorted(data["months"], key=len, reverse=True)
    short = sorted(data["month_abbreviations"], key=len, reverse=True)
    return "(?i:" + "|".join([*map(re.escape, full), *(re.escape(s) + r"\.?" for s in short)]) + ")"


def _patterns(data: dict[str, Any]) -> list[tuple[str, str]]:
    """The expression patterns of one language, most specific first (the order breaks ties)."""
    month = _month_names(data)
    month_cap = _words(data["months"], capitalised=True)
    plain_weekdays = [w for w in data["weekdays"] if w not in data["ambiguous_weekdays"]]
    weekday = _words(data["weekdays"])
    prefixes = rf"(?:{_words(data['weekday_prefixes'])}\s+)*"
    times = rf"(?:\s+{_words(data['times_of_day'])})?"
    after = _words(w for ws in data["direction_after"].values() for w in ws)
    before = _words(w for ws in data["direction_before"].values() for w in ws)
    past_after = rf"(?:\s+{_words(data['direction_after'].get('past', []))})?"
    dir_after = rf"(?:\s+{after})?"
    span = rf"\s*{_words(data['range_words'])}\s*"
    year = r"(?P<y>\d{4})"
    number = rf"(?P<n>\d{{1,3}}|{_words(data['numbers'])})"
    counted = _words([*data["count_past"], *data["count_future"]])
    modifier = rf"(?:(?P<mod>{_words(data['period_modifiers'])})\s+)?"
    day_number = r"(?<![\w.,/])(?P<d>\d{1,2})"
    date_word = rf"(?:\s+{_words(data.get('date_words', []))})?"
    counted_noun = rf"\s+{_words(data.get('count_nouns', []))}{_END}"  # "sepanjang 2000 meter": a count
    year_word = rf"(?:{_words(data.get('year_words', []))}\s+)?"  # "Januari tahun 2024"
    not_a_span = rf"(?!\s*[-–]\s*{weekday})"  # "Senin-Jumat": a span of weekdays, a habit
    patterns = [
        ("weekday_numeric", rf"{_START}{prefixes}(?P<wd>{weekday}){times}\s*,?\s*\(?\s*(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})"
                            rf"(?:/(?P<y>\d{{4}}|\d{{2}}))?(?![\d/])\s*\)?{times}{past_after}{_END}"),
        ("weekday_named", rf"{_START}{prefixes}(?P<wd>{weekday}){times},?{date_word}\s*\(?\s*(?P<d>\d{{1,2}})\s+(?P<m>{month})"
                          rf"(?:,?\s+{year})?(?!\d)\s*\)?{times}{past_after}{_END}"),
        ("weekday_named", rf"{_START}{prefixes}(?P<wd>{weekday}){times},?\s*\(?\s*(?P<m>{month})\s+(?P<d>\d{{1,2}})"
                          rf"(?:st|nd|rd|th)?(?:,?\s+{year})?(?!\d)\s*\)?{times}{past_after}{_END}"),
        ("numeric_date", r"(?<![\d/.,])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})(?![\d/])"),
        ("iso_date", r"(?<![\d/.,-])(?P<y>\d{4})-(?P<b>\d{2})-(?P<a>\d{2})(?![\d-])"),
        ("named_date", rf"{day_number}(?:{span}(?P<dd>\d{{1,2}}))?\s+(?P<m>{month})(?:,?\s+{year})?(?!\d)"
                       rf"{dir_after}{_END}"),
        ("named_date", rf"{day_number}(?P<more>(?:\s*,\s*\d{{1,2}})+(?:\s*,?\s*{_words(data['list_joiners'])}\s+\d{{1,2}})?"
                     rf"|\s*,?\s*{_words(data['list_joiners'])}\s+\d{{1,2}})\s+(?P<m>{month})(?:,?\s+{year})?(?!\d){_END}"),
        ("month_day", rf"{_START}(?P<m>{month})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:{span}(?P<dd>\d{{1,2}}))?"
                      rf",?\s+{year}(?!\d){_END}"),
        ("month_year", rf"{_START}(?:{_words(data['month_context'])}\s+)*(?P<m>{month})(?:(?:{span}|\s+{_words(data.get('alternative_words', ['-']))}\s+)(?:{_words(data['month_context'])}\s+)*(?P<m2>{month}))?\s+{year_word}{year}(?!\d|-?an{_END}|s{_END})"
                       rf"(?:\s+{_words(data.get('year_past_words', []))}{_END})?"),
        ("year", rf"{_START}(?:{_words(data['year_context'])}\s+)+(?P<y>(?:18|19|20)\d{{2}})"
                 rf"(?:{span}(?P<y2>(?:18|19|20)\d{{2}}))?(?!\d|/\d|-?an{_END}|s{_END}|'s{_END}|{counted_noun}){dir_after}"),
        ("year", rf"{_START}(?P<y>(?:18|19|20)\d{{2}})\s+(?:{_words(data.get('year_past_words', []))}|lalu(?!\s+lintas)){_END}"),
        ("season", rf"{_START}{_words(data.get('season_words', []))}\s+(?P<y>(?:19|20)\d{{2}})\s*[-–/]\s*(?P<y2>(?:19|20)?\d{{2}})(?![\d/-])"),
        ("year_range", rf"(?<![\w.,/-])(?P<y>(?:18|19|20)\d{{2}})(?:\s*[-–]\s*|\s+{_words(data.get('year_range_words', []))}\s+)"
                       r"(?P<y2>(?:18|19|20)\d{2})(?![\w-])"),
        ("year", r"(?<![\d]\s\()(?<=\()(?P<y>(?:19|20)\d{2})(?=\))"),
        ("previous_year", rf"{_START}{_words(data.get('previous_year_words', []))}{_END}"),
        ("years_later", rf"{_START}(?:{number}\s+{_words(u for u, unit in data['units'].items() if unit == 'year')}|(?P<one>{_words(w for w, unit in data['one_unit_words'].items() if unit == 'year')}))"
                        rf"\s+{_words(data.get('later_words', []))}{_END}"),
        ("count", rf"{_START}{number}\s+(?P<u>{_words(data['units'])})\s+{counted}{_END}"),
        ("count", rf"{_START}(?P<one>{_words(data['one_unit_words'])})\s+{counted}{_END}"),
        ("period", rf"{_START}{modifier}(?P<u>{_words(data['period_units'])})\s+(?P<dir>{after}){_END}"),
        ("period", rf"{_START}{modifier}(?P<dir>{before})\s+(?P<u>{_words(data['period_units'])}){_END}"),
        ("day_word", rf"{_START}(?P<w>{_words(data['day_words'])}){_END}"),
        ("month", rf"{_START}(?:{_words(data['month_context'])}\s+)+(?P<m>{month_cap}){dir_after}{_END}"),
        ("month_of_year", rf"{_START}(?:{_words(data['month_context'])}\s+)*(?P<m>{month_cap})\s+"
                          rf"(?P<u>{_words(u for u, unit in data['period_units'].items() if unit == 'year')})\s+(?P<dir>{after}){_END}"),
        ("month", rf"{_START}(?P<m>{month_cap})\s+{after}{_END}"),
        ("month", rf"{_START}(?P<m>{month_cap})(?:\s*(?:,|{_words(data['range_words'])})\s*{month_cap})+{dir_after}{_END}"),
        ("weekday", rf"{_START}(?:{_words(data['weekday_prefixes'])}\s+)+(?P<wd>{_words(plain_weekdays)})"
                    rf"{times}{dir_after}{_END}{not_a_span}"),
        ("weekday", rf"{_START}(?<![-–])(?P<wd>{_words(plain_weekdays, capitalised=True)}){times}{dir_after}{_END}"
                    rf"(?!\s+[A-Z]){not_a_span}"),
    ]
    if data["month_first"]:
        patterns.append(("month_day", rf"{_START}(?P<m>{month_cap})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d){_END}"))
    if data["ambiguous_weekdays"]:
        patterns.append(("weekday", rf"{_START}{prefixes}{_words(data['day_prefix'])}\s+"
                                    rf"(?P<wd>{_words(data['ambiguous_weekdays'])}){times}{dir_after}{_END}{not_a_span}"))
    return patterns


@cache
def _rules(language: str) -> _Rules | None:
    """The rule layer for a language, or None when no rule file ships for it (dateparser reads
    those: the one place a stage does not take ``text.lexicon``'s Indonesian for a language without a file)."""
    if not resources.has("dates", language):
        return None
    data = resources.load("dates", language)
    words = {
        "past": [*data["direction_before"].get("past", []), *data["direction_after"].get("past", []), *data["count_past"]],
        "future": [*data["direction_before"].get("future", []), *data["direction_after"].get("future", []),
                   *data["count_future"]],
        "this": [*data["direction_before"].get("this", []), *data["direction_after"].get("this", [])],
    }
    joiners = _words(data.get("list_joiners", ()))
    return _Rules(
        data=data,
        patterns=tuple((kind, re.compile(pattern)) for kind, pattern in _patterns(data)),
        directions=tuple((d, re.compile(rf"{_START}{_words(ws)}{_END}")) for d, ws in words.items()),
        future_cue=re.compile(rf"{_START}{_words(data['future_cues'])}{_END}"),
        recurring=re.compile(rf"{_START}{_words(data['recurring'])}(?:\s+\S+){{0,2}}"  # "setiap hari Senin dan Jumat": a list of a habit's days
                             rf"(?:\s*(?:,|{joiners})\s*(?:{_words(data['day_prefix'])}\s+)?{_words(data['weekdays'])})*"
                             rf"(?:\s*(?:,|{joiners}))?\s*$"),
        since=re.compile(rf"^{_words(data['since'])}{_END}"),
        range_end=re.compile(rf"\s*{_words(data['range_words'])}\s*\d{{1,2}}\s+(?P<m>{_month_names(data)})\s+(?P<y>\d{{4}})(?!\d)"),
        years_ago=re.compile(rf"{_START}(?P<n>\d{{1,3}}|{_words(data['numbers'])})\s+"
                             rf"{_words(u for u, unit in data['units'].items() if unit == 'year')}\s+{_words(data['count_past'])}{_END}"),
        list_year=re.compile(rf"[^.;:!?()\"“”]*?{_START}(?P<m>{_month_names(data)})\s+(?P<y>\d{{4}})(?!\d)"),
        meal=re.compile(rf"{_START}{_words(data.get('meal_words', []))}\s+$"),
        remaining=re.compile(rf"{_START}{_words(data.get('remaining_words', []))}\s+$"),
        simile=re.compile(rf"{_START}{_words(data.get('simile_words', []))}{_END}[^.;!?\"“”]*$"),
        label=re.compile(rf"{_START}{_words(data.get('label_words', []))}\s+$"),
        labelled=re.compile(rf"{_START}{_words(data.get('label_words', []))}\s+\d+\s*$"),
        earlier_one=re.compile(rf"{_START}{_words(data.get('earlier_one', []))}\s+$"),
        month_before=re.compile(rf"{_START}(?:{_month_names(data)})(?:\s+\d{{4}})?\s*$", re.IGNORECASE),
        month_after=re.compile(rf"[^.,;:!?()\"“”]{{0,{_MONTH_AFTER_CHARS}}}?{_START}(?:{_month_names(data)}){_END}"),
        anniversaries=tuple((re.compile(rf"{_START}{_words([name])}{_END}"), date.fromisoformat(day))
                            for name, day in data.get("anniversaries", {}).items()),
        # "3 bulan ini" is a span; "Piala Dunia Antarklub 2025 bulan ini" is not: a year counts nothing
        quantity=re.compile(rf"(?:(?<!\d)(?!(?:18|19|20)\d\d(?!\d))\d+|{_START}{_words([*data['numbers'], *data['vague_quantities']])})\s*$|\w-$"),
        product=re.compile(rf"{_START}{_words(data.get('product_year_words', []))}\s+(?:{_words(data.get('year_words', []))}\s+)?$"),
        document=re.compile(rf"{_START}{_words(data['document_numbers'])}\s*(?:[^\W\d_]{{1,4}}[-.\s]?)?\d[\w/.-]*\s*$"),
        # "Perda tahun 2022": the year names a regulation; "Tahun 2003 dijual Rp 45 juta": a model's year
        regulation=re.compile(rf"{_START}{_words(data.get('regulations', []))}\w*(?:\s+(?:nomor|no\.?)?\s*\d+[\w/.-]*)?\s+$", re.IGNORECASE),
        product_after=re.compile(rf"\s+{_words(data.get('product_year_after', []))}{_END}"),
        # "Konvensi Wina tahun 1968", "Geneva Convention On Road Traffic tahun 1949": the name a treaty is known by
        treaty=re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, data.get('treaties', []))) or '(?!)'})"
                          rf"(?:\s+[A-Z][\w-]*){{0,{_TREATY_NAME_WORDS}}}\s+(?:{_words(data.get('year_words', []))}\s+)?$"),
    )


def _rule_languages() -> tuple[str, ...]:
    return resources.languages("dates")


# --- calendar arithmetic -----------------------------------------------------------------------


def _shift_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _months_before(day: date, months: int) -> date:
    year, month = _shift_months(day, -months)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, last)
        except ValueError:
            continue
    raise ValueError(day)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday_year(day: int, month: int, weekday: int, limit: date) -> date | None:
    """The latest date ``day``/``month`` on or before ``limit`` that falls on ``weekday``."""
    for year in range(limit.year, limit.year - 60, -1):
        candidate = _safe_date(year, month, day)
        if candidate and candidate <= limit and candidate.weekday() == weekday:
            return candidate
    return None


def _day_month_near(day: int, month: int, anchor: date, future: bool) -> date | None:
    """The occurrence of ``day``/``month`` nearest the anchor: before it, or after it when ``future``."""
    years = range(anchor.year - 1, anchor.year + 2) if future else range(anchor.year + 1, anchor.year - 2, -1)
    for year in years:
        candidate = _safe_date(year, month, day)
        if candidate and (candidate >= anchor - _SLACK if future else candidate <= anchor + _SLACK):
            return candidate
    return None


def _month_near(month: int, anchor: date, direction: str | None, future: bool) -> tuple[int, int]:
    """A month name relative to the anchor. Unmarked, it is the latest such month on or before
    the anchor, unless a future cue precedes it or it is at most ``_MONTHS_AHEAD`` months ahead
    (news names the coming month by its name); after "sejak" / "since" it is always behind."""
    year = anchor.year
    if direction == "past":
        return (year if month < anchor.month else year - 1), month
    if direction == "this":  # the nearest such month: "bulan Januari ini" on 30 December is the coming one
        return min(((y, month) for y in (year - 1, year, year + 1)),
                   key=lambda ym: abs((ym[0] - year) * 12 + ym[1] - anchor.month))
    if direction == "future":
        return (year if month > anchor.month else year + 1), month
    if direction != "since" and (future or 0 < (month - anchor.month) % 12 <= _MONTHS_AHEAD):
        return (year if month >= anchor.month else year + 1), month
    return (year if month <= anchor.month else year - 1), month


def _weekday_near(weekday: int, anchor: date, direction: str | None, future: bool) -> date:
    """A weekday relative to the anchor: the latest on or before it unless told otherwise."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "past":
        return anchor - timedelta(days=back or 7)
    if direction == "future":
        return anchor + timedelta(days=ahead or 7)
    if direction == "this":
        return anchor + timedelta(days=weekday - anchor.weekday())
    return anchor + timedelta(days=ahead) if future else anchor - timedelta(days=back)


# --- matching and resolution -----------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    """One resolved expression inside a sentence."""

    start: int
    end: int
    rank: int  # pattern order: lower wins a tie
    dates: _Dates
    kind: str = ""


@dataclass(frozen=True)
class _Context:
    page_date: date | None
    anchor: date | None  # page date, else the article's latest firm day
    limit: date  # latest allowed date of a weekday + day/month without a year
    past_limit: date  # the same when the phrase says "lalu" / "last"
    future: bool  # a future cue precedes the expression
    from_text: bool = False  # the anchor is the article's own time, read from its text (not the page date)
    year_only: bool = False  # only the anchor's year is known: days and weeks relative to it stay unresolved


def _direction(text: str, rules: _Rules) -> str | None:
    for name, pattern in rules.directions:
        if pattern.search(text):
            return name
    return None


def _has_future_cue(sentence: str, start: int, rules: _Rules) -> bool:
    before = re.split(r"[,;:\"“”()]", sentence[max(0, start - _CUE_WINDOW):start])[-1]
    return bool(rules.future_cue.search(before))


def _numeric_parts(match: re.Match[str], rules: _Rules) -> tuple[int, int]:
    first, second = int(match["a"]), int(match["b"])
    return (first, second) if rules.data["numeric_order"] == "dmy" else (second, first)


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _written_year(day: int, month: int, year: int, weekday: int, page_date: date | None) -> _Dates:
    """A weekday date with its year written out. When the weekday disagrees with the date, the
    slip may be the year's ("Selasa (7/10/2024)" on a page of 7 October 2025, "Minggu (8/6/2027)"
    on one of 9 June 2025), the month's ("Selasa (10/5/2025)" on a page of 10 June 2025) or the
    weekday's: the date with one part changed (a neighbouring year, the page's year, the page's
    month) that falls on the weekday is taken only when it is nearer the page date."""
    written = _safe_date(year, month, day)
    if written is None or written.weekday() == weekday or page_date is None:
        return _day(written, True)
    changed = (*(_safe_date(y, month, day) for y in (year - 1, year + 1, page_date.year)),
               _safe_date(year, page_date.month, day))
    fitting = [c for c in changed if c and c.weekday() == weekday]
    return _day(min([written, *fitting], key=lambda c: abs(c - page_date)), True)


def _day(value: date | None, firm: bool) -> _Dates:
    return ((value.isoformat(), "day", firm),) if value else ()


def _weekday_date(match: re.Match[str], rules: _Rules, ctx: _Context, direction: str | None) -> _Dates:
    """"Senin (15/8)", "Selasa (21/10/2025)", "Monday, August 15": the weekday fixes a missing year."""
    groups = match.groupdict()
    day, month = _numeric_parts(match, rules) if groups.get("a") else (int(match["d"]), rules.month(match["m"]))
    weekday = rules.weekday(match["wd"])
    if groups.get("y"):
        return _written_year(day, month, _year(match["y"]), weekday, ctx.page_date)
    near = _day_month_near(day, month, ctx.page_date, ctx.future) if ctx.page_date and not ctx.from_text else None
    if near and near.weekday() != weekday and abs(near - ctx.page_date) <= _WEEKDAY_SLIP:
        return _day(near, False)  # "Minggu (4/6)" on a page of 10 June 2025: the weekday is the slip, not the year
    found = _weekday_year(day, month, weekday, ctx.past_limit if direction == "past" else ctx.limit)
    if found:
        return _day(found, True)
    return _day(_day_month_near(day, month, ctx.anchor, ctx.future), False) if ctx.anchor else ()


def _numeric_date(match: re.Match[str], rules: _Rules, ctx: _Context, direction: str | None) -> _Dates:
    """"21/10/2025" (in the language's order) and ISO "2025-10-21"."""
    day, month = _numeric_parts(match, rules) if "/" in match.group(0) else (int(match["a"]), int(match["b"]))
    return _day(_safe_date(int(match["y"]), month, day), True)


def _named_date(match: re.Match[str], rules: _Rules, ctx: _Context, direction: str | None) -> _Dates:
    """"15 Agustus 2022", "15 Agustus", "1-22 Agustus 2025", "August 15, 2022"; the days listed before
    one month ("6, 7, 27 dan 28 Juni 2025") each."""
    groups = match.groupdict()
    month = rules.month(match["m"])
    days = [int(match["d"])] + ([int(groups["dd"])] if groups.get("dd") else []) \
        + [int(d) for d in re.findall(r"\d{1,2}", groups.get("more") or "")]
    if groups.get("y"):
        return tuple(r for d in days for r in _day(_safe_date(int(match["y"]), month, d), True))
    ending = rules.range_end.match(match.string, match.end())
    if ending:  # "31 Juli hingga 3 Agustus 2025": the range's written year, a year earlier when it wraps
        year = int(ending["y"]) - (1 if month > rules.month(ending["m"]) else 0)
        return tuple(r for d in days for r in _day(_safe_date(year, month, d), True))
    if not ctx.anchor:
        return ()
    future = direction == "future" or (direction != "past" and ctx.future)
    first = _day_month_near(days[0], month, ctx.anchor, future)
    if not future and direction is None and first is not None:
        coming = _day_month_near(days[0], month, ctx.anchor, True)
        if coming is not None and coming - ctx.anchor <= _DAYS_AHEAD and coming - ctx.anchor < ctx.anchor - first:
            first = coming  # "tutup tanggal 30 Agustus" on a June page: the coming one, nearer than last year's
    if first is None:
        return ()
    # the days of one range ("10-20 Juni") share the year of the first
    return tuple(r for d in days for r in _day(_safe_date(first.year, month, d), ctx.from_text))


def _month_year(match: re.Match[str], rules: _Rules, ctx: _Context, direction: str | None) -> _Dates:
    """"Agustus 2025", "Januari-Agustus 2025"."""
    months = [match["m"]] + ([match["m2"]] if match["m2"] else [])
    return tuple((f"{int(match['y']):04d}-{rules.month(m):02d}", "month", True) for m in months)


def _year_date(match: re.Match[str], rules: _Rules, ctx: _Context, direction: str | None) -> _Dates:
    """"pada 2019", "akhir 2019", "tahun 2029 dan 2031"."""
    return tuple((year, "year", True) for year in (match["y"], match.groupdict().get("y2")) if year)


def _year_range(match: re.Match[str], rules: _Rules, ctx: _Context, direction: str | None) -> _Dates:
    """"2021-2023" with no context word: two years only when it reads as a range of years."""
    first, last = int(match["y"]), int(match["y2"])
    return ((match["y"], "year", True), (match["y2"], "year", True)) if 0 < last - first <= _YEAR_RANGE else ()


def _years_later(match: re.Match[str], rules: _Rules, ctx: _Context, direction: str | None) -> _Dates:
    """"dua tahun kemudian": that many years after the last year written before it in the sentence."""
    years = _WRITTEN_YEAR.findall(match.string, 0, match.start())
    if not years:
        return ()
    count = 1 if match.groupdict().get("one") else int(match["n"]) if match["n"].isdigit() else rules.data["numbers"][match["n"].lower()]
    return ((f"{int(years[-1]) + count:04d}", "year", True),)


def _season(match: re.Match[str], rules: _Rules, ctx: _Context, direction: str | None) -> _Dates:
    """"musim 2024-25", "musim 2024/2025": a season's two years."""
    first = int(match["y"])
    second = int(match["y2"]) if len(match["y2"]) == 4 else first // 100 * 100 + int(match["y2"])  # "2024/2025", "2024-25"
    return ((f"{first:04d}", "year", True), (f"{second:04d}", "year", True)) if second == first + 1 else ()


def _previous_year(match: re.Match[str], rules: _Rules, ctx: _Context, direction: str | None) -> _Dates:
    """"tahun sebelumnya": the year before the last year written before it in the sentence."""
    years = _WRITTEN_YEAR.findall(match.string, 0, match.start())
    return ((f"{int(years[-1]) - 1:04d}", "year", True),) if years else ()


def _day_word(match: re.Match[str], rules: _Rules, ctx: _Context, direction: str | None) -> _Dates:
    """"kemarin", "hari ini", "besok", "yesterday"."""
    offset = rules.data["day_words"][_key(match["w"])]
    return _day(ctx.anchor + timedelta(days=offset), False)


def _count(match: re.Match[str], rules: _Rules, ctx: _Context, direction: str | None) -> _Dates:
    """"3 hari yang lalu", "77 tahun yang lalu", "sebulan lalu", "two days ago"."""
    if match.groupdict().get("one"):
        unit, count = rules.data["one_unit_words"][match["one"].lower()], 1
    else:
        unit = rules.data["units"][match["u"].lower()]
        count = int(match["n"]) if match["n"].isdigit() else rules.data["numbers"][match["n"].lower()]
    return _shifted(ctx.anchor, unit, -count if direction == "past" else count)


def _period(match: re.Match[str], rules: _Rules, ctx: _Context, direction: str | None) -> _Dates:
    """"pekan lalu", "bulan ini", "tahun depan", "awal pekan ini", "last month"."""
    unit = rules.data["period_units"][_key(match["u"])]
    step = {"past": -1, "this": 0, "future": 1}[direction or "this"]
    if unit == "week" and match["mod"]:
        monday = ctx.anchor - timedelta(days=ctx.anchor.weekday()) + timedelta(weeks=step)
        offset = rules.data["period_modifiers"][match["mod"].lower()]
        return (((monday + timedelta(days=offset)).isoformat(), "week", False),)
    return _shifted(ctx.anchor, unit, step)


def _month(match: re.Match[str], rules: _Rules, ctx: _Context, direction: str | None) -> _Dates:
    """"Juli lalu", "pada bulan Juli", "sejak Januari", "Oktober, November, Desember"."""
    if direction is None and rules.since.match(match.group(0)):
        direction = "since"
    names = [word for word in re.findall(r"[^\W\d_]+", match.group(0)) if word.lower() in rules.data["months"]]
    listed = rules.list_year.match(match.string[match.end():match.end() + _LIST_WINDOW]) if direction is None else None
    if listed:  # "tujuh kasus pada Juni, 12 pada Juli, dan 16 pada Agustus 2024": the list's written year
        last = rules.month(listed["m"])
        return tuple((f"{int(listed['y']) - (rules.month(n) > last):04d}-{rules.month(n):02d}", "month", True) for n in names)
    months: list[tuple[int, int]] = []
    for name in names:
        month = rules.month(name)
        if months and month > months[-1][1]:  # "Juli, Agustus, September": a list in order keeps the year of its first
            months.append((months[-1][0], month))
        else:
            months.append(_month_near(month, ctx.anchor, direction, ctx.future))
    return tuple((f"{year:04d}-{month:02d}", "month", False) for year, month in months)


def _month_of_year(match: re.Match[str], rules: _Rules, ctx: _Context, direction: str | None) -> _Dates:
    """"Maret tahun lalu", "Juni tahun depan": the month of the year the words name."""
    step = {"past": -1, "this": 0, "future": 1}[_direction(match["dir"], rules) or "this"]
    return ((f"{ctx.anchor.year + step:04d}-{rules.month(match['m']):02d}", "month", False),)


def _weekday(match: re.Match[str], rules: _Rules, ctx: _Context, direction: str | None) -> _Dates:
    """"pada hari Senin", "Selasa sore", "on Monday", "last Friday"."""
    return _day(_weekday_near(rules.weekday(match["wd"]), ctx.anchor, direction, ctx.future), False)


_RESOLVERS = {
    "weekday_numeric": _weekday_date, "weekday_named": _weekday_date, "numeric_date": _numeric_date,
    "iso_date": _numeric_date, "named_date": _named_date, "month_day": _named_date, "month_year": _month_year,
    "year": _year_date, "year_range": _year_range, "previous_year": _previous_year, "years_later": _years_later, "season": _season, "month_of_year": _month_of_year, "day_word": _day_word, "count": _count, "period": _period, "month": _month, "weekday": _weekday,
}


def _resolve(kind: str, match: re.Match[str], rules: _Rules, ctx: _Context) -> _Dates:
    """Resolve one matched expression; empty when it cannot be (an invalid day, or no anchor for a relative one)."""
    if kind not in _FIRM_KINDS and ctx.anchor is None:
        return ()
    if ctx.year_only and kind in _DEICTIC_KINDS and _deictic_unit(kind, match, rules) in ("day", "week"):
        return ()
    return _RESOLVERS[kind](match, rules, ctx, _direction(match.group(0), rules))


_DEICTIC_KINDS = ("day_word", "count", "period", "weekday", "month_of_year")


def _deictic_unit(kind: str, match: re.Match[str], rules: _Rules) -> str:
    """The unit a relative expression counts in ("kemarin" and "pada hari Senin": days)."""
    if kind in ("day_word", "weekday"):
        return "day"
    if match.groupdict().get("one"):
        return rules.data["one_unit_words"][match["one"].lower()]
    table = rules.data["period_units"] if kind in ("period", "month_of_year") else rules.data["units"]
    return table[_key(match["u"])]


def _shifted(anchor: date, unit: str, count: int) -> _Dates:
    """The anchor moved by ``count`` units, at that unit's precision."""
    if unit == "day":
        return ((anchor + timedelta(days=count)).isoformat(), "day", False),
    if unit == "week":
        return ((anchor + timedelta(weeks=count)).isoformat(), "week", False),
    if unit == "month":
        year, month = _shift_months(anchor, count)
        return (f"{year:04d}-{month:02d}", "month", False),
    if unit == "decade":
        return (f"{anchor.year + 10 * count:04d}", "year", False),
    return (f"{anchor.year + count:04d}", "year", False),


def _reduplicated(match: re.Match[str]) -> bool:
    """Whether the match's first word is doubled with a hyphen ("kemarin-kemarin", "tahun-tahun
    sebelumnya"): a plural, or "in the past", not one day or year."""
    text, first = match.string, match.group(0).split()[0].casefold()
    return (text[match.start() - len(first) - 1: match.start()].casefold() == f"{first}-"
            or text[match.start() + len(first): match.start() + 2 * len(first) + 1].casefold() == f"-{first}")


_NAMED_YEAR_LALU = re.compile(r"\d{4}\s+lalu", re.IGNORECASE)  # a bare year and "lalu", no "yang"
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+$")  # a name's word right before
_MONTH_AFTER_CHARS = 30  # characters after "kemarin" searched for a month that tells when it was
_TWO_NAME_WORDS = r"[A-Z][\w'’-]*\s+[A-Z][\w'’-]*\s+"
_NAME_BEFORE = re.compile(_TWO_NAME_WORDS + "$")  # before "Tahun ...": "... Waisai Tahun 2022-2042" names a plan
_NAMED_TAHUN = re.compile(_TWO_NAME_WORDS + r"Tahun\s+$")  # the same, "Tahun" read apart from its years


def _blocked(kind: str, match: re.Match[str], rules: _Rules) -> bool:
    """Whether the words before a match show it is not a date: a habit ("setiap Senin", "setiap 5
    Juni"), a span of time, a document number, a meal ("makan pagi ini"). The rules read the last
    words before it, so only the ``_BLOCK_WINDOW`` characters before it are searched (not the
    whole sentence again for each match)."""
    text, start = match.string, match.start()
    window = (max(0, start - _BLOCK_WINDOW), start)
    if kind in ("named_date", "month_day") and not match.groupdict().get("y"):
        return bool(rules.recurring.search(text, *window))
    if kind in ("day_word", "previous_year") and _reduplicated(match):
        return True  # "yang kemarin-kemarin sempat menunggak": in the past; "tahun-tahun sebelumnya": earlier years, not one
    if kind == "day_word" and (rules.meal.search(text, *window)
                               or (rules.data["day_words"].get(match["w"].lower(), 0) < 0
                                   and (rules.earlier_one.search(text, *window) or rules.month_after.match(text, match.end())
                                        or rules.month_before.search(text, *window)))):
        return True  # "makan pagi ini"; "yang kemarin" (a day before: the earlier one); "kemarin ... awal Juni"
    if kind == "year" and _NAMED_YEAR_LALU.fullmatch(match.group(0)) and _CAPITALISED_BEFORE.search(text, *window):
        return True  # "Ia menang Pilpres 2024 lalu": the year names the election ("UNESCO 2023 yang lalu" is a year)
    if kind == "year_range" and _NAME_BEFORE.search(text, *window):
        return True  # "SEA Games 2025-2029", "Tahun Sidang 2024-2025": the years of a name, no event's
    if kind in ("year", "year_range"):
        return bool(rules.document.search(text, *window) or rules.product.search(text, *window)
                    or (_NAME_BEFORE if match.group(0).startswith("Tahun") else _NAMED_TAHUN).search(text, *window)
                    or rules.product_after.match(text, match.end())
                    or (match.group(0).split()[0].lower() in rules.data.get("year_words", ()) and rules.regulation.search(text, *window))
                    or bool(rules.treaty.search(text, *window)))
    if kind == "period":
        return bool((rules.quantity.search(text, *window) and not rules.labelled.search(text, *window))
                    or rules.recurring.search(text, *window))
    if kind == "count" and rules.remaining.search(text, *window) and _direction(match.group(0), rules) == "future":
        return True  # "kontraknya tersisa setahun lagi": what is left, a duration, not a day it ends
    if kind == "count" and rules.label.search(text, *window):
        return True  # "Matchday 9 pekan lalu": the 9 labels a match ("pekan lalu" is read on its own)
    if kind in ("weekday", "day_word") and rules.simile.search(text, *window):
        return True  # "Ibarat ngerem Senin, berhentinya Sabtu": the days of a comparison, no event's
    return kind not in _FIRM_KINDS and bool(rules.recurring.search(text, *window))


def _find_in_sentence(text: str, rules: _Rules, time: _Time, page_date: date | None, today: date,
                      kinds: tuple[str, ...] | None = None) -> list[_Found]:
    """Every resolvable expression of a sentence, overlaps settled longest first."""
    found: list[_Found] = []
    base = _Context(page_date=page_date, anchor=time.anchor, limit=page_date + _FUTURE_WINDOW if page_date else today,
                    past_limit=page_date or today, future=False, from_text=time.from_text, year_only=time.year_only)
    for rank, (kind, pattern) in enumerate(rules.patterns):
        if kinds is not None and kind not in kinds:
            continue
        for match in pattern.finditer(text):
            if _blocked(kind, match, rules):
                continue
            ctx = replace(base, future=_has_future_cue(text, match.start(), rules))
            dates = _resolve(kind, match, rules, ctx)
            if dates:
                found.append(_Found(match.start(), match.end(), rank, dates, kind))
    chosen: list[_Found] = []  # kept sorted by start; they never overlap, so only neighbours can
    starts: list[int] = []
    for item in sorted(found, key=lambda f: (f.start - f.end, f.rank, f.start)):
        place = bisect.bisect_left(starts, item.start)
        if (place and chosen[place - 1].end > item.start) or (place < len(chosen) and chosen[place].start < item.end):
            continue
        chosen.insert(place, item)
        starts.insert(place, item.start)
    written = sorted(_middle(iso, precision) for f in chosen for iso, precision, firm in f.dates
                     if firm and precision in ("day", "month"))
    return _in_year_frame([_near_written(_beside(n, chosen, text), written, text, rules) for n in range(len(chosen))],
                          text, rules)


_FRAME_OPENING = 15  # characters before a year that opens a sentence as its time frame ("Pada 2024 Susenas ...")


def _in_year_frame(chosen: list[_Found], text: str, rules: _Rules) -> list[_Found]:
    """A sentence opened by a year ("Pada 2024 Susenas dilaksanakan pada Maret ... dan pada September")
    sets the year of the months and days it names after without one, and without a word of their own
    direction ("Maret lalu", "Juni ini")."""
    if not chosen or chosen[0].kind != "year" or chosen[0].start > _FRAME_OPENING or len(chosen[0].dates) != 1 \
            or re.search(r"[.;!?]", text[:chosen[0].start]):
        return chosen
    year = chosen[0].dates[0][0][:4]
    framed = [chosen[0]]
    for item in chosen[1:]:
        if item.kind in ("month", "named_date") and not any(firm for _, _, firm in item.dates) \
                and _direction(text[item.start:item.end], rules) is None:
            item = replace(item, dates=tuple((year + iso[4:], precision, True) for iso, precision, _ in item.dates))
        framed.append(item)
    return framed


def _in_narrative(found: list[list[_Found]], texts: list[str], rules: _Rules, page_date: date | None) -> list[list[_Found]]:
    """A day and month or a month named without a year, and without a word of its own direction,
    falls in the time the article is telling of when that is past: the latest firm date written
    before it (``_narrative_start``), when it lies more than ``STALE_MONTHS`` months before the
    page ("Mereka mengunjungi tebing itu pada 23 Juli 2024. ... Lima hari kemudian, pada 28 Juli"
    is July 2024; a witness asked "Di 2015, ...?" answers of "bulan Mei" of 2015). It takes the
    first such day on or after that date (a week of slack), never one after the page. A firm date
    of the page's own time ("Selasa (10/6/2025)") ends the narrative; a date moved into it sets none.

    Likewise ahead of the page: such a date that would fall before the page, written after one the
    article places after it, falls in the coming months when its first occurrence on or after that
    one is at most ``_MONTHS_AHEAD`` months later ("... Oktober nanti. ... Pada bulan Oktober,
    pertandingan sudah menunggu"; "Juli, Agustus, September. Itu masuk tahap pertama ... Oktober,
    November, Desember itu masuk tahap kedua" on a May page). A day and month the article has
    already named is the day it named."""
    if page_date is None:
        return found
    cutoff = _months_before(page_date, STALE_MONTHS)
    narrative: tuple[date, str] | None = None  # where the latest firm date starts, and its precision
    ahead: date | None = None  # the latest date the article places after the page, so far
    days_told: dict[str, str] = {}  # "MM-DD" -> the day the article last resolved it to
    told: list[list[_Found]] = []
    for text, items in zip(texts, found):
        kept = []
        for item in items:
            unmarked = item.kind in ("named_date", "month_day", "month") and bool(item.dates) \
                and not any(firm for _, _, firm in item.dates) and _direction(text[item.start:item.end], rules) is None
            if unmarked and all(precision == "day" and iso[5:] in days_told for iso, precision, _ in item.dates):
                # the same day named again is the same day ("di 3 Rakor tadi, di 12 Mei" after "12 Mei, kemudian 7 Desember")
                item = replace(item, dates=tuple((days_told[iso[5:]], precision, firm) for iso, precision, firm in item.dates))
            elif narrative is not None and narrative[0] < cutoff and unmarked:
                item = _into_narrative(item, *narrative, page_date)
            elif any(firm for _, _, firm in item.dates):
                narrative = _narrative_start(item, text)
            elif ahead is not None and unmarked:
                item = _into_coming(item, ahead, page_date)
            later = [day for day in (_middle(iso, precision) for iso, precision, _ in item.dates if precision in ("day", "month"))
                     if day > page_date]
            if later:
                ahead = max(later)
            days_told.update((iso[5:10], iso[:10]) for iso, precision, _ in item.dates if precision == "day")
            kept.append(item)
        told.append(kept)
    return told


def _into_coming(item: _Found, ahead: date, page_date: date) -> _Found:
    """The item's dates, each before the page, moved to their first occurrence on or after the
    month of ``ahead`` when that is at most ``_MONTHS_AHEAD`` months on; else left as they were."""
    floor = ahead.replace(day=1)
    moved = []
    for iso, precision, firm in item.dates:
        day = _middle(iso, precision)
        if day > page_date:
            return item
        coming = next((c for c in (_safe_date(floor.year + k, day.month, day.day) for k in (0, 1)) if c and c >= floor), None)
        if coming is None or (coming.year - floor.year) * 12 + coming.month - floor.month > _MONTHS_AHEAD:
            return item
        moved.append((coming.isoformat() if precision == "day" else coming.isoformat()[:7], precision, firm))
    return replace(item, dates=tuple(moved))


_YEAR_FRAME = re.compile(r"(?:di|pada|in)\s+(?:tahun\s+)?\d", re.IGNORECASE)  # "Di 2015", "Pada tahun 2014"


def _last_words(text: str, end: int) -> str:
    """The word before ``end`` and its space ("pada " of "pada 2015" when the match is the year alone)."""
    found = re.search(r"\w+\s+$", text[max(0, end - 20):end])
    return found.group(0) if found else ""


def _narrative_start(item: _Found, text: str) -> tuple[date, str] | None:
    """Where a firm expression sets the article's narrative: its latest day, month, or a single
    year framed as the time of what follows ("Di 2015, ..."); a span of years, a start ("sejak
    2022") or a part of a year ("awal 2024") sets none, and ends the one before."""
    days = [(iso, precision) for iso, precision, firm in item.dates if firm]
    if all(precision == "year" for _, precision in days):
        if item.kind != "year" or len(days) != 1 \
                or not _YEAR_FRAME.match(_last_words(text, item.start) + text[item.start:item.end]):
            return None
        return date(int(days[0][0][:4]), 1, 1), "year"
    iso, precision = max(days)
    return date.fromisoformat(iso[:10] if precision == "day" else iso[:7] + "-01"), precision


def _into_narrative(item: _Found, since: date, precision: str, page_date: date) -> _Found:
    """The item's dates moved into the narrative that starts at ``since``: the same year for a year
    ("Di 2015"), else the first occurrence on or after it. Left as it was when one would fall
    after the page."""
    moved = []
    for iso, own_precision, _ in item.dates:
        month, day = int(iso[5:7]), int(iso[8:10]) if own_precision == "day" else 1
        if precision == "year":
            options = [_safe_date(since.year, month, day)]
        else:
            floor = since - _SLACK if own_precision == "day" else since.replace(day=1)
            options = [c for c in (_safe_date(since.year + k, month, day) for k in (0, 1)) if c and c >= floor][:1]
        chosen = next((c for c in options if c and c <= page_date), None)
        if chosen is None:
            return item
        moved.append((chosen.isoformat() if own_precision == "day" else chosen.isoformat()[:7], own_precision, True))
    return replace(item, dates=tuple(moved))


def _middle(iso: str, precision: str) -> date:
    return date.fromisoformat(iso) if precision == "day" else date.fromisoformat(iso + "-15")


def _near_written(item: _Found, written: list[date], text: str, rules: _Rules) -> _Found:
    """A day and month without a year far (``_FAR``) from every date the sentence writes out in full
    takes the neighbouring year that brings it near them ("1-13 Juli" between "1-30 Juni 2025" and
    "14-27 Juli 2025" is July 2025, not the July before the page); a month named alone, with no word
    of its own direction, likewise takes the year of the written date it follows ("setelah 20 Oktober
    2014, mungkin bulan November atau bulan Desember" is November 2014)."""
    month = item.kind == "month" and _direction(text[item.start:item.end], rules) is None
    if (item.kind not in ("named_date", "month_day") and not month) or not written \
            or any(firm for _, _, firm in item.dates):
        return item

    def distance(day: date) -> int:  # to the nearest written date (``written`` is sorted)
        at = bisect.bisect_left(written, day)
        return min(abs((day - w).days) for w in written[max(0, at - 1):at + 1])

    moved = []
    for iso, precision, firm in item.dates:
        day = _middle(iso, precision)
        years = {day.year - 1, day.year, day.year + 1} | ({w.year for w in written if w < day} if month else set())
        options = [c for c in (_safe_date(year, day.month, day.day) for year in sorted(years)) if c]
        if month:  # after the written date it follows, not before it
            options = [c for c in options if any(w <= c for w in written)] or options
        best = min(options, key=distance)
        if distance(day) <= _FAR.days or distance(best) >= distance(day) or (month and distance(best) > _FAR.days):
            return item
        moved.append((best.isoformat() if precision == "day" else best.isoformat()[:7], precision, True))
    return replace(item, dates=tuple(moved))


def _beside(n: int, chosen: list[_Found], text: str) -> _Found:
    """A bare weekday right after or before an explicit date that falls on it ("14 Juli 2025 yang
    bertepatan dengan hari Senin") is that date. ``chosen`` is in text order: only the expressions
    next to it can be beside it."""
    item = chosen[n]
    if item.kind != "weekday" or len(item.dates) != 1:
        return item
    weekday = date.fromisoformat(item.dates[0][0]).weekday()  # the weekday it names, at whatever week
    for other in chosen[max(0, n - 1):n + 2]:
        gap = item.start - other.end if other.end <= item.start else other.start - item.end
        if other is item or other.kind not in _FIRM_KINDS or not 0 <= gap <= _BESIDE or len(other.dates) != 1:
            continue
        iso, precision, firm = other.dates[0]
        if precision == "day" and firm and re.search(r"[.;!?]", text[min(item.end, other.end):max(item.start, other.start)]) is None:
            if date.fromisoformat(iso).weekday() == weekday:
                return replace(item, dates=((iso, "day", True),))
    return item


def _fallback_dates(sentence: Sentence, anchor: date | None, language: str) -> list[EventDate]:
    """dateparser's search for languages without a rule file: only spans that carry a year are kept."""
    settings = {"RELATIVE_BASE": datetime.combine(anchor or date.today(), datetime.min.time()),
                "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        results = search_dates(sentence.text, languages=[language], settings=settings) or []
    except (ValueError, KeyError):
        return []
    return [EventDate(date=value.date().isoformat(), text=span, sentence=sentence.index, firm=True)
            for span, value in results if re.search(r"(?<!\d)(?:18|19|20)\d{2}(?!\d)", span) and re.search(r"[^\W\d]", span)]


@dataclass(frozen=True)
class _Time:
    """The article's own time, which its relative dates count from, and how it was read."""

    anchor: date | None
    from_text: bool = False  # read from the article's text, not its page date
    year_only: bool = False  # only the year is known (days and weeks relative to it stay unresolved)


def _years_ago_time(sentences: list[Sentence], found: list[list[_Found]], rules: _Rules,
                    page_date: date | None) -> _Time | None:
    """"77 tahun yang lalu" counted from the year it refers to: a year written before it in the
    same sentence ("merdeka pada 1945, 77 tahun yang lalu"), else the origin of an anniversary the
    article names ("Hari Pembebasan Korea": 1945). The text was then written that many years after
    it; when that lies ``_NARRATIVE_YEARS`` years or more before the page (or there is no page
    date), it is the article's own time. With an anniversary, its day in that year is the anchor."""
    whole = " ".join(s.text for s in sentences)
    named = [(pattern.search(whole), origin) for pattern, origin in rules.anniversaries]
    anniversaries = sorted((m.start(), origin) for m, origin in named if m)
    for sentence, items in zip(sentences, found):
        ends = [f.end for f in items]  # the items are in text order
        for match in rules.years_ago.finditer(sentence.text):
            n = match["n"]
            count = int(n) if n.isdigit() else rules.data["numbers"][_key(n)]
            before = items[:bisect.bisect_right(ends, match.start())]
            # the firm years of the last expression before it that gives one
            written = next(([int(iso[:4]) for iso, _, firm in f.dates if firm] for f in reversed(before)
                            if any(firm for _, _, firm in f.dates)), [])
            if written:
                base, origin = written[-1], None
            elif anniversaries:
                origin = anniversaries[0][1]
                base = origin.year
            else:
                continue
            year = base + count
            if page_date is not None and page_date.year - year < _NARRATIVE_YEARS:
                continue
            if origin is not None:
                return _Time(_safe_date(year, origin.month, origin.day), from_text=True)
            return _Time(date(year, 12, 31), from_text=True, year_only=True)
    return None


def _article_time(sentences: list[Sentence], rules: _Rules, page_date: date | None, today: date) -> _Time:
    """The anchor of an article's relative dates. The page date, unless the text shows it was
    written at another time: every day it dates with a weekday ("Senin (15/8/2022)", the way news
    dates its own days) lies more than ``STALE_MONTHS`` months before the page and no firm date
    reaches that far, or the latest such day is the eve of the page (a text put up the next
    morning), or "N tahun yang lalu" counts from a year it names (``_years_ago_time``).
    Without a page date, the latest firm day the text gives."""
    base = _Time(page_date)
    found = [_find_in_sentence(s.text, rules, base, page_date, today, _FIRM_KINDS) for s in sentences]
    firm = [(f.kind, iso, precision) for items in found for f in items for iso, precision, is_firm in f.dates if is_firm]
    if page_date is None:
        days = [date.fromisoformat(iso) for _, iso, precision in firm if precision == "day"]
        if days:
            return _Time(max(days))
        return _years_ago_time(sentences, found, rules, None) or base
    cutoff = _months_before(page_date, STALE_MONTHS)
    news_days = [date.fromisoformat(iso) for kind, iso, _ in firm if kind in ("weekday_numeric", "weekday_named")]
    recent = any(_last_day(EventDate(iso, "", 0, precision)) >= cutoff for _, iso, precision in firm)
    if news_days and not recent:
        return _Time(max(news_days), from_text=True)
    if news_days and max(news_days) == page_date - timedelta(days=1):
        # the latest day the text dates as news is the eve of its page ("salat Idul Adha pada Jumat
        # (6/6) pagi" on a page of Saturday morning): written that day, its "hari ini" is that day
        # (the page still bounds its other dates, as it does a fresh text's)
        return _Time(max(news_days))
    if not recent:
        return _years_ago_time(sentences, found, rules, page_date) or base
    return base


def find_event_dates(sentences: list[Sentence], page_date: date | None, language: str,
                     today: date | None = None) -> list[EventDate]:
    """The dates the sentences mention, resolved as the module docstring describes.

    ``today`` (default: the current date) bounds weekday + day/month dates when there is no page date.
    """
    rules = _rules(language)
    if rules is None:
        return [d for s in sentences for d in _fallback_dates(s, page_date, language)]
    today = today or date.today()
    time = _article_time(sentences, rules, page_date, today)
    found = _in_narrative([_find_in_sentence(s.text, rules, time, page_date, today) for s in sentences],
                          [s.text for s in sentences], rules, page_date)
    return [
        EventDate(date=iso, text=s.text[f.start:f.end], sentence=s.index, precision=precision, firm=firm)
        for s, items in zip(sentences, found)
        for f in items
        for iso, precision, firm in f.dates
    ]


# --- staleness -------------------------------------------------------------------------------


def _last_day(event: EventDate) -> date:
    """The last calendar day an event date can stand for."""
    if event.precision == "year":
        return date(int(event.date[:4]), 12, 31)
    if event.precision == "month":
        year, month = (int(p) for p in event.date.split("-")[:2])
        next_year, next_month = _shift_months(date(year, month, 1), 1)
        return date(next_year, next_month, 1) - timedelta(days=1)
    return date.fromisoformat(event.date[:10])


def firm_days(event_dates: list[EventDate]) -> list[date]:
    """The firm day-precision dates (explicit, or weekday-verified): what a story can be dated by."""
    return [date.fromisoformat(d.date) for d in event_dates if d.firm and d.precision == "day"]


def _firm_since(event_dates: list[EventDate], cutoff: date) -> bool:
    """Whether any firm date (of any precision) reaches the cut-off or later."""
    return any(d.firm and _last_day(d) >= cutoff for d in event_dates)


def stale_cutoff(page_date: date, months: int = STALE_MONTHS) -> date:
    """The day ``months`` calendar months before the page date: events before it are old news."""
    return _months_before(page_date, months)


def is_stale(event_dates: list[EventDate], page_date: date | None, months: int = STALE_MONTHS) -> bool:
    """True when the article reads as news of its moment, but that moment lies more than
    ``months`` months before its page date.

    Three conditions: it has firm day, week or month dates; no firm date of any precision
    (years and future dates included) reaches the cut-off; and it leaves some days or weeks to
    its page date to fix ("kemarin", "pada hari Senin", "pekan lalu", "15 Agustus"), the mark of
    a text written next to its events. A feature on history ("Pada 1969 ...", "28-29 Desember
    1954") has the first two but not the third. Relative dates count from the article's own time
    (``_article_time``): the page date, unless the text shows another ("Senin (15/8/2022)" days
    only, or "77 tahun yang lalu" after a named year), so a republication is found on its own;
    ``stale_against_story`` adds the story's firm dates for one whose text carries no such sign.
    """
    if page_date is None:
        return False
    firm = [d for d in event_dates if d.firm]
    deictic = any(not d.firm and d.precision in ("day", "week") for d in event_dates)
    return deictic and any(d.precision != "year" for d in firm) and not _firm_since(firm, stale_cutoff(page_date, months))


def _names_day_month(text: str) -> bool:
    """Whether an expression spells out a day and a month ("15 Agustus", "Senin (15/8)")."""
    return any(pattern.search(text) for language in _rule_languages() if (rules := _rules(language))
               for kind, pattern in rules.patterns if kind in _DAY_MONTH_KINDS)


def _names_weekday(text: str) -> bool:
    """Whether an expression names a weekday ("Rabu (14/6/2023)")."""
    words = {w.lower() for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text)}
    return any(words & set(rules.data["weekdays"]) for language in _rule_languages() if (rules := _rules(language)))


def stale_lead(event_dates: list[EventDate], page_date: date | None, months: int = STALE_MONTHS,
               lead_sentences: int = LEAD_SENTENCES) -> bool:
    """The lead dates its event the way news of the day does ("pada Rabu (14/6/2023)": weekday and
    full date), that day lies more than ``months`` months before the page, and no firm day of
    the article comes later."""
    if page_date is None:
        return False
    cutoff = stale_cutoff(page_date, months)
    lead = [d for d in event_dates if d.sentence < lead_sentences and d.firm and d.precision == "day" and _names_weekday(d.text)]
    return bool(lead) and not any(d >= cutoff for d in firm_days(event_dates)) and all(_last_day(d) < cutoff for d in lead)


def stale_against_story(article_dates: list[EventDate], page_date: date | None, story_event_dates: list[date],
                        months: int = STALE_MONTHS) -> bool:
    """True when the story's firmly dated events show this article's page is a late republication.

    ``story_event_dates`` are the firm days of every article of the story (``firm_days``). The
    article is stale when the latest of them not after its page date is more than ``months``
    months before that page date, none of its own firm dates is recent, and at least one of its
    own day/month expressions ("15 Agustus") names the same day and month as a story date: a
    republication repeats the original's calendar, a genuine follow-up names new days.
    """
    if page_date is None:
        return False
    cutoff = stale_cutoff(page_date, months)
    earlier = [d for d in story_event_dates if d <= page_date + timedelta(days=1)]
    if not earlier or max(earlier) >= cutoff or _firm_since(article_dates, cutoff):
        return False
    story_days = {(d.month, d.day) for d in story_event_dates}
    return any(
        d.precision == "day" and (_last_day(d).month, _last_day(d).day) in story_days and _names_day_month(d.text)
        for d in article_dates
    )


@dataclass(frozen=True)
class Staleness:
    """Whether an article is a late republication of the events it reports, and why."""

    stale: bool
    reason: str = ""  # in words: which dates, how far before the page
    event_date: str | None = None  # the latest firm date of its events not after the page (ISO, at its precision)


def months_between(earlier: date, later: date) -> int:
    """Whole calendar months from ``earlier`` to ``later`` (15 Jan -> 14 Jul is 5, -> 15 Jul 6): the
    one month count of staleness, with ``stale_cutoff``."""
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


def staleness(event_dates: list[EventDate], page_date: date | None, story_event_dates: Sequence[date] = (),
              months: int = STALE_MONTHS) -> Staleness:
    """The one staleness verdict: the article's own dates (``is_stale``), its lead (``stale_lead``),
    then the firm days of the rest of its story (``stale_against_story``), with the reason."""
    if page_date is None:
        return Staleness(False, "no page date")
    own = [d for d in event_dates if d.firm and _last_day(d) <= page_date + timedelta(days=1)]
    latest = max(own, key=_last_day, default=None)
    own_stale = is_stale(event_dates, page_date, months)
    if latest is not None and (own_stale or stale_lead(event_dates, page_date, months)):
        lag = months_between(_last_day(latest), page_date)
        how = "it reports its events as news of the day" if own_stale else "its lead dates its event with a weekday"
        return Staleness(True, f"{how}, but its latest firm date, {latest.date} (\"{latest.text}\"), is {lag} months "
                               f"before its page date {page_date.isoformat()}", latest.date)
    if stale_against_story(event_dates, page_date, list(story_event_dates), months):
        story = max(d for d in story_event_dates if d <= page_date + timedelta(days=1))
        return Staleness(True, f"it repeats the days of its story, whose latest firmly dated event, {story.isoformat()}, is "
                               f"{months_between(story, page_date)} months before its page date {page_date.isoformat()}",
                         story.isoformat())
    return Staleness(False)
