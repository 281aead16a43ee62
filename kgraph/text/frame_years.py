"""The year of a dateline that gives only a day and a month ("May 8th", "Monday evening,
9th February"), from the editor's frame: the heading, the introduction, running heads and
the narrative that leads into the letter."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
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
    dateline writes), else None: a frame whose years disagree gives no year."""
    for context in contexts:
        years = sorted({int(y) for y in YEAR.findall(context)} | _ranges(context))
        if not years:
            continue
        fitting = [y for y in years if _fits(y, month, day, weekday, year2)]
        return fitting[0] if len(fitting) == 1 else None
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
