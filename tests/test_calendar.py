"""claimtrack.calendar: the date arithmetic date plugins share."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack import calendar

THURSDAY = dt.date(2022, 1, 6)
FRIDAY = 4


@pytest.mark.parametrize(
    ("lean", "strict", "expected"),
    [
        (calendar.FUTURE, False, dt.date(2022, 1, 7)),
        (calendar.PAST, False, dt.date(2021, 12, 31)),
        (calendar.NEAREST, False, dt.date(2022, 1, 7)),
    ],
)
def test_weekday_near(lean, strict, expected):
    assert calendar.weekday_near(THURSDAY, FRIDAY, lean, strict) == expected


def test_weekday_same_day_and_strict():
    assert calendar.weekday_near(THURSDAY, 3, calendar.FUTURE) == THURSDAY
    assert calendar.weekday_near(THURSDAY, 3, calendar.FUTURE, strict=True) == dt.date(2022, 1, 13)
    assert calendar.weekday_near(THURSDAY, 3, calendar.PAST, strict=True) == dt.date(2021, 12, 30)
    # nearest: Monday is 3 days back, 4 ahead
    assert calendar.weekday_near(THURSDAY, 0) == dt.date(2022, 1, 3)


def test_periods():
    assert calendar.period(THURSDAY, "week", -1) == (dt.date(2021, 12, 27), dt.date(2022, 1, 2))
    assert calendar.period(THURSDAY, "week", 0, first_weekday=6) == (dt.date(2022, 1, 2), dt.date(2022, 1, 8))
    assert calendar.period(THURSDAY, "month", -1) == (dt.date(2021, 12, 1), dt.date(2021, 12, 31))
    assert calendar.period(dt.date(2024, 1, 31), "month", 1) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert calendar.period(THURSDAY, "year", 1) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert calendar.period(THURSDAY, "day", -1) == (dt.date(2022, 1, 5),) * 2
    with pytest.raises(ValueError):
        calendar.period(THURSDAY, "fortnight", 1)


def test_add_months_clamps():
    assert calendar.add_months(dt.date(2024, 3, 31), -1) == dt.date(2024, 2, 29)
    assert calendar.add_months(dt.date(2024, 12, 15), 1) == dt.date(2025, 1, 15)


def test_month_day_year_inference():
    assert calendar.month_day(THURSDAY, 1, 19) == dt.date(2022, 1, 19)
    assert calendar.month_day(THURSDAY, 12, 28) == dt.date(2021, 12, 28)
    assert calendar.month_day(THURSDAY, 12, 28, calendar.FUTURE) == dt.date(2022, 12, 28)
    assert calendar.month_day(THURSDAY, 2, 1, calendar.PAST) == dt.date(2021, 2, 1)
    assert calendar.month_day(dt.date(2023, 3, 1), 2, 29) == dt.date(2024, 2, 29)
    assert calendar.month_day(THURSDAY, 2, 30) is None


@pytest.mark.parametrize(
    ("lean", "strict", "expected"),
    [
        (calendar.FUTURE, False, THURSDAY),
        (calendar.FUTURE, True, dt.date(2023, 1, 6)),
        (calendar.PAST, False, THURSDAY),
        (calendar.PAST, True, dt.date(2021, 1, 6)),
        (calendar.NEAREST, False, THURSDAY),
    ],
)
def test_month_day_on_the_reference_day(lean, strict, expected):
    """A "6 January" said on 6 January is that day, unless the text excludes
    it ("next 6 January")."""
    assert calendar.month_day(THURSDAY, 1, 6, lean, strict) == expected


def test_month_day_in_a_direction_with_no_occurrence_is_none():
    """February 29 said to be past on 2023-01-10: none in the year before,
    and 2024-02-29 would be in the wrong direction."""
    said = dt.date(2023, 1, 10)
    assert calendar.month_day(said, 2, 29, calendar.PAST) is None
    assert calendar.month_day(said, 2, 29, calendar.FUTURE) == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    ("reference", "month", "lean", "strict", "year"),
    [
        (THURSDAY, 7, calendar.NEAREST, False, 2021),  # six months either way: the past
        (THURSDAY, 6, calendar.NEAREST, False, 2022),
        (THURSDAY, 10, calendar.NEAREST, False, 2021),
        (THURSDAY, 1, calendar.FUTURE, False, 2022),  # the reference month itself
        (THURSDAY, 1, calendar.FUTURE, True, 2023),
        (THURSDAY, 1, calendar.PAST, True, 2021),
        (THURSDAY, 12, calendar.PAST, False, 2021),
        (THURSDAY, 2, calendar.PAST, False, 2021),
        (dt.date(2022, 12, 31), 1, calendar.FUTURE, False, 2023),
    ],
)
def test_month_year(reference, month, lean, strict, year):
    assert calendar.month_year(reference, month, lean, strict) == year
