"""What the units of figures measure, for comparing two claims' figures.

The figures plugin names each figure's unit (docs/figures.md); two outlets
may give one figure in two units ("within 48 hours" / "within two days",
"40 km" / "25 miles", "82 مليار ريال" / "21.9 مليار دولار"). This module says
which units measure one quantity, converts the ones whose rate is fixed, and
which units count people. tests/test_linking_round10.py checks that every
unit of the figures plugin's table of time, measure or money has its place
here, so the two tables cannot drift apart.
"""

from __future__ import annotations

from claimtrack import Figure

#: The units of a measured quantity: each with its quantity and how many of
#: that quantity's first unit it is. A month and a year are as outlets round
#: them; a temperature is converted to Celsius by :func:`_celsius`.
CONVERSIONS: dict[str, tuple[str, float]] = {
    **{
        unit: ("time", seconds)
        for unit, seconds in {
            "second": 1,
            "minute": 60,
            "hour": 3600,
            "day": 86400,
            "week": 7 * 86400,
            "month": 30 * 86400,
            "year": 365 * 86400,
            "decade": 3650 * 86400,
        }.items()
    },
    **{
        unit: ("length", m)
        for unit, m in {
            "m": 1,
            "mm": 0.001,
            "cm": 0.01,
            "km": 1000,
            "mile": 1609.344,
            "nautical mile": 1852,
        }.items()
    },
    **{
        unit: ("area", m2)
        for unit, m2 in {
            "m2": 1,
            "km2": 1e6,
            "mile2": 2_589_988.11,
            "acre": 4046.856,
            "hectare": 1e4,
            "dunam": 1000,
            "feddan": 4200.83,
        }.items()
    },
    **{unit: ("volume", m3) for unit, m3 in {"m3": 1, "liter": 0.001, "barrel": 0.158987}.items()},
    **{unit: ("mass", kg) for unit, kg in {"g": 0.001, "kg": 1, "ton": 1000, "lb": 0.45359237}.items()},
    **{unit: ("power", mw) for unit, mw in {"MW": 1, "GW": 1000}.items()},
    "celsius": ("temperature", 1),
    "fahrenheit": ("temperature", 1),
    # "Raised rates by 0.5%" is what other outlets write as half a
    # percentage point or 50 basis points.
    "percent": ("rate", 1),
    "percentage point": ("rate", 1),
    "basis point": ("rate", 0.01),
}
#: Money whose country the text did not say (docs/figures.md); any ISO 4217
#: code, three capitals, is money too. No rate between two currencies is
#: fixed, so money is never converted.
CURRENCY_FAMILIES = frozenset({"lira", "riyal", "dinar", "dirham"})
#: How far apart (a share of the larger) two figures converted to one unit
#: may be and still be one figure: outlets round a metric conversion to two
#: figures ("100 km" is 62 miles, written "60 miles"; "20 km" "12 miles").
ROUNDING = 0.05
#: The same for times and rates, whose ratios are exact but for a month and
#: a year ("a year" is 365 days, "12 months" 360; "20 days" are not "three
#: weeks").
EXACT_ROUNDING = 0.02
#: The same for temperatures, in degrees Celsius: "2C" is 35.6F, written
#: "36F".
TEMPERATURE_ROUNDING = 0.6
#: The units whose counts are counts of people: "120 cholera cases" are 120
#: people. A count of people and a figure of any other unit with one value
#: count two things ("40 workers" / "40 farms", "3 soldiers" / "3 tanks",
#: "120 cases" / "120 farms"; "1,000 families" are not 1,000 people either).
PEOPLE_UNITS = frozenset({"person", "case"})


def quantity(unit: str | None) -> str | None:
    """What a unit measures: "hour" and "day" time, "USD" and "riyal"
    money; any other unit is a quantity of its own."""
    if unit in CONVERSIONS:
        return CONVERSIONS[unit][0]
    if unit in CURRENCY_FAMILIES or (unit and len(unit) == 3 and unit.isascii() and unit.isupper()):
        return "money"
    return unit


def may_count_one_thing(unit_a: str | None, unit_b: str | None) -> bool:
    """May figures of these two units with one value count one thing? Two
    counts may ("120 new cholera cases" / "120 people caught cholera"), but
    not a count of people and a figure of a unit that counts no people ("40
    workers" / "40 farms"). A measure (a time, a length, a power, money, a
    rate) is one thing only with a measure of its own quantity: "20 GW" /
    "20 projects", "5 hours" / "5 km" are two; "5 degrees below zero" /
    "-5C" is one."""
    measure_a, measure_b = _measured(unit_a), _measured(unit_b)
    if measure_a or measure_b:
        return measure_a == measure_b
    return (unit_a in PEOPLE_UNITS) == (unit_b in PEOPLE_UNITS)


def _measured(unit: str | None) -> str | None:
    """What ``unit`` measures when it is a measure (money included; a
    degree of no scale is a temperature), or None for a noun of things
    counted."""
    if unit == "degree":
        return "temperature"
    if unit == "point":
        return "rate"  # "fell 4 points" / "4 percentage points"; a score is no measure of another kind
    measured = quantity(unit)
    return measured if unit in CONVERSIONS or measured == "money" else None


def converted(a: list[Figure], b: list[Figure]) -> frozenset[str]:
    """The units ("hour", "day") that two claims give figures in, two
    units of one quantity, where each such figure of either claim is one
    figure of the other converted: "within 48 hours" / "within two days",
    "40 km" / "25 miles". Empty when any of them is not ("5 hours and 48
    hours" / "two days and two days")."""
    found = {
        (fa.unit, fb.unit)
        for fa in a
        for fb in b
        if fa.unit != fb.unit and fa.unit in CONVERSIONS and _one_figure(fa, fb)
    }
    if not found:
        return frozenset()
    units = {unit for pair in found for unit in pair}
    if all(any(_one_figure(f, g) for g in b) for f in a if f.unit in units) and all(
        any(_one_figure(g, f) for f in a) for g in b if g.unit in units
    ):
        return frozenset(units)
    return frozenset()


def _one_figure(fa: Figure, fb: Figure) -> bool:
    """Are two figures of one quantity one figure, in one unit or two:
    their low ends and their high ends each within rounding?"""
    ends_a, ends_b = _ends(fa), _ends(fb)
    if ends_a is None or ends_b is None or CONVERSIONS[fa.unit][0] != CONVERSIONS[fb.unit][0]:
        return False
    if CONVERSIONS[fa.unit][0] == "temperature":
        return all(abs(x - y) <= TEMPERATURE_ROUNDING for x, y in zip(ends_a, ends_b, strict=True))
    share = EXACT_ROUNDING if CONVERSIONS[fa.unit][0] in ("time", "rate") else ROUNDING
    return all(abs(x - y) <= share * max(abs(x), abs(y)) for x, y in zip(ends_a, ends_b, strict=True))


def _ends(figure: Figure) -> tuple[float, float] | None:
    """A figure's low and high ends in its quantity's first unit, or None
    for a figure with no value or of a unit that is not converted."""
    if figure.value is None or figure.unit not in CONVERSIONS:
        return None
    high = figure.value_max if figure.value_max is not None else figure.value
    if figure.unit == "fahrenheit":
        return _celsius(figure.value), _celsius(high)
    factor = CONVERSIONS[figure.unit][1]
    return figure.value * factor, high * factor


def _celsius(fahrenheit: float) -> float:
    return (fahrenheit - 32) * 5 / 9
