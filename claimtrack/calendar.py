"""Date arithmetic that every language's date finder needs: the weekday a
text means relative to the publication date, and the day, week, month or
year periods around it.

Public API (``claimtrack.calendar``): a date plugin parses the words of its
language and calls these to resolve them, so "on Friday", "يوم الجمعة" and
"vendredi" all land on the same day by the same rule.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt

#: Direction a text leans: toward the past, the future, or the nearest day.
PAST, FUTURE, NEAREST = "past", "future", "nearest"
#: The weekday (Monday=0) a news week starts on: Sunday, as in the Arab
#: world (الأحد, "the first") and most newsrooms' calendars. "this week"
#: and "last week" are counted from it by every plugin that reads them.
WEEK_START = 6


def weekday_near(reference: dt.date, weekday: int, lean: str = NEAREST, strict: bool = False) -> dt.date:
    """The ``weekday`` (Monday=0) a text means, relative to ``reference``.

    ``lean`` FUTURE: the next such day on or after the reference ("by Friday",
    "will arrive on Friday"); PAST: the last on or before it ("said on
    Friday"); NEAREST: whichever is closer, ties to the past. ``strict``
    excludes the reference day itself ("next Friday", "last Friday").
    """
    ahead = (weekday - reference.weekday()) % 7
    behind = (reference.weekday() - weekday) % 7
    if strict:
        ahead = ahead or 7
        behind = behind or 7
    if lean == FUTURE:
        return reference + dt.timedelta(days=ahead)
    if lean == PAST:
        return reference - dt.timedelta(days=behind)
    return reference + dt.timedelta(days=ahead) if ahead < behind else reference - dt.timedelta(days=behind)


def week_of(day: dt.date, first_weekday: int = 0) -> tuple[dt.date, dt.date]:
    """The week containing ``day``, starting on ``first_weekday`` (Monday=0;
    6 for the Sunday-to-Saturday week of most Arab countries)."""
    start = day - dt.timedelta(days=(day.weekday() - first_weekday) % 7)
    return start, start + dt.timedelta(days=6)


def month_of(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, _calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, _calendar.monthrange(year, month + 1)[1]))


def period(reference: dt.date, unit: str, offset: int, first_weekday: int = 0) -> tuple[dt.date, dt.date]:
    """The day, week, month or year ``offset`` units from the one containing
    ``reference``: ("week", -1) is last week, ("month", 0) this month,
    ("year", 1) next year."""
    if unit == "day":
        day = reference + dt.timedelta(days=offset)
        return day, day
    if unit == "week":
        return week_of(reference + dt.timedelta(weeks=offset), first_weekday)
    if unit == "month":
        moved = add_months(reference.replace(day=1), offset)
        return month_of(moved.year, moved.month)
    if unit == "year":
        return dt.date(reference.year + offset, 1, 1), dt.date(reference.year + offset, 12, 31)
    raise ValueError(f"unknown calendar unit {unit!r}")


def month_year(reference: dt.date, month: int, lean: str = NEAREST, strict: bool = False) -> int:
    """The year of a month named without one ("in September"), counting in
    whole months from ``reference``'s: with ``lean`` FUTURE the first on or
    after the reference month, PAST the last on or before it, NEAREST the
    closer (a tie at six months goes to the past). ``strict`` excludes the
    reference month itself ("next March" said in March)."""
    here = reference.year * 12 + reference.month - 1
    options = [year * 12 + month - 1 for year in (reference.year - 1, reference.year, reference.year + 1)]
    if lean == FUTURE:
        chosen = min(o for o in options if o > here or (o == here and not strict))
    elif lean == PAST:
        chosen = max(o for o in options if o < here or (o == here and not strict))
    else:
        chosen = min(options, key=lambda o: (abs(o - here), o > here))
    return chosen // 12


def month_day(
    reference: dt.date, month: int, day: int, lean: str = NEAREST, strict: bool = False
) -> dt.date | None:
    """A day and month with no year ("by January 19"), within a year of
    ``reference``: with ``lean`` FUTURE the first on or after it, PAST the
    last on or before it, NEAREST the closer one (ties to the past).
    ``strict`` excludes the reference day itself ("next 19 January").

    None when no such date lies that way: February 29 said to be past on
    2023-01-10 has no occurrence in the year before, and a date in the
    wrong direction would be worse than none."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if lean == FUTURE:
        later = [c for c in candidates if c > reference or (c == reference and not strict)]
        return later[0] if later else None
    if lean == PAST:
        earlier = [c for c in candidates if c < reference or (c == reference and not strict)]
        return earlier[-1] if earlier else None
    if not candidates:
        return None
    return min(candidates, key=lambda c: (abs((c - reference).days), c > reference))
