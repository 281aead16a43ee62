"""The year of a dateline that gives only a day and a month ("May 8th", "Monday evening,
9th February"), from the editor's frame: the heading, the introduction, running heads and
the narrative that leads into the letter: ``partial_date`` reads the day and month
("May 12th", "le 2 juin", "Oct. 4, 87"), ``complete_date`` adds the year that fits."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kgraph.text.dates import DAY_SUFFIX, MONTHS, ROMAN_MONTHS, WEEKDAYS, find_date, unmark

YEAR = re.compile(r"(?<![\d-])(1[5-9]\d\d)(?![\d-])")
RANGE = re.compile(r"(?<![\d-])(1[5-9]\d\d)[-–](\d{1,2})(?!\d)")


def year_from(
    contexts: Sequence[str],
    month: int,
    day: int | None,
    weekday: str | None = None,
    year2: int | None = None,
) -> int | None:
    """The first context (nearest first) that names years decides: the one year of it that
    fits (a valid date, on the weekday the dateline names, ending in the two digits the
    dateline writes), else None: a frame whose years disagree gives no year. When several of
    its years fit, a farther context may choose among them, never outside them ("Sunday, 2nd
    July." under a paragraph of 1905 and 1916, both Sundays, and "1 July 1916" before it)."""
    among: set[int] | None = None
    for context in contexts:
        years = {int(y) for y in YEAR.findall(context)} | _ranges(context)
        fitting = sorted(y for y in years if _fits(y, month, day, weekday, year2))
        if not years or (among is not None and not set(fitting) & among):
            continue
        if among is None and not fitting:
            if year2 is not None:
                continue  # "1882–1911" says nothing of "Dec. 3rd, 83.": a farther frame may
            return None
        if among is not None:
            fitting = sorted(among.intersection(fitting))
        if len(fitting) == 1:
            return fitting[0]
        among = set(fitting)
    return None


def _ranges(context: str) -> set[int]:
    """Both years of a range written "1897-98" or "1851–2"."""
    found = set()
    for m in RANGE.finditer(context):
        first, last = int(m.group(1)), m.group(2)
        second = int(str(first)[: 4 - len(last)] + last)
        if first < second <= first + 9:
            found |= {first, second}
    return found


def _fits(year: int, month: int, day: int | None, weekday: str | None, year2: int | None) -> bool:
    if year2 is not None and year % 100 != year2:
        return False
    try:
        date = datetime.date(year, month, day or 1)
    except ValueError:
        return False
    return weekday is None or day is None or WEEKDAYS[date.weekday()] == weekday


def weekday_in(text: str) -> str | None:
    """The weekday a dateline names ("Monday evening, 9th February"), lower-case."""
    m = re.search(r"(?i)\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", text)
    return f"{m.group(1).lower()}day" if m else None


@dataclass(frozen=True)
class PartialDate:
    start: int
    end: int
    month: int
    day: int | None
    year2: int | None  # a two-digit year as written ("Oct. 4, 87")


_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_DAY = rf"(?P<day>\d{{1,2}}){DAY_SUFFIX}?\.?"
_ROMAN = r"(?P<roman>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
_PARTIAL = [
    re.compile(rf"\b{_MONTH},?\s+{_DAY}(?:,?\s+['’]?(?P<y2>\d\d))?(?![\d\w])"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+|de\s+)?{_MONTH}(?:,?\s+['’]?(?P<y2>\d\d))?(?![\d\w])"),
    # "Wien, 12. 12. 97.": day, month and a two-digit year in figures, as Europe writes them
    re.compile(r"\b(?P<day>\d{1,2})\.\s?(?P<mnum>\d{1,2})\.\s?['’]?(?P<y2>\d\d)(?![\d\w])"),
    # "14. V. 16.": the month in Roman numerals and the year in two digits
    re.compile(rf"\b(?P<day>\d{{1,2}})\.\s?{_ROMAN}\.\s?['’]?(?P<y2>\d\d)(?![\d\w])"),
]


_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th|er|e)?\.?\s+$")


def partial_date(line: str) -> PartialDate | None:
    """A day and month without a four-digit year ("May 8th", "le 2 juin", "Oct. 4, 87")."""
    if len(line) > 70:
        return None
    line = line.replace("_", " ")  # "_Dec. 3._"
    for pattern in _PARTIAL:
        for m in pattern.finditer(line):
            if pattern is _PARTIAL[0] and _DAY_BEFORE.search(line, 0, m.start()):
                continue  # "26 sept. 14.": the day, the month and the year, not "sept. 14"
            groups = m.groupdict()
            month = (
                ROMAN_MONTHS.index(groups["roman"]) + 1
                if groups.get("roman")
                else int(groups["mnum"])
                if groups.get("mnum")
                else MONTHS.get(m["month"].lower().rstrip("."))
            )
            if month is not None and not 1 <= month <= 12:
                continue
            day = int(m["day"])
            if month is None or not 1 <= day <= 31:
                continue
            year2 = int(m["y2"]) if m["y2"] else None
            return PartialDate(m.start(), m.end(), month, day, year2)
    return None


def complete_date(partial: PartialDate, contexts: list[str], line: str = "") -> str | None:
    """The ISO date of ``partial`` with the year its frame gives: the first of ``contexts``
    (the heading, the introduction, running heads, the narrative before the letter) that
    names years, when exactly one of them fits (a valid date, on the weekday ``line``
    names, agreeing with a two-digit year as written); None otherwise."""
    year = year_from(
        [c for c in contexts if c],
        partial.month,
        partial.day,
        weekday_in(line),
        partial.year2,
    )
    if year is None or partial.day is None:
        return None
    return f"{year:04d}-{partial.month:02d}-{partial.day:02d}"


def same_day(partial: PartialDate, *texts: str) -> str | None:
    """The full date of a heading or introduction that names the day and month of a
    dateline without a year ("29 August [1769?]" over "Bath, Augt. 29th.")."""
    for text in texts:
        found = find_date(unmark(text))
        if (
            found is not None
            and found.precision == "day"
            and partial.day is not None
            and found.iso[5:] == f"{partial.month:02d}-{partial.day:02d}"
        ):
            return found.iso
    return None
