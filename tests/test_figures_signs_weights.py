"""Temperatures below zero, weights in pounds and grams, and nautical
miles, through the public API (``claimtrack.find_figures``), in both
languages."""

from __future__ import annotations

import pytest

from .extraction import cases, check_figure, figures_in

BELOW_ZERO = cases(
    ("Temperatures fell to -10C overnight", {"value": -10, "unit": "celsius", "raw": "-10C"}),
    ("lows of -5°C in the hills", {"value": -5, "unit": "celsius", "raw": "-5°C"}),
    ("a wind chill of −30 °F", {"value": -30, "unit": "fahrenheit", "raw": "−30 °F"}),
    ("at dawn (-4C) the roads froze", {"value": -4, "raw": "-4C"}),
    ("It was minus 10 degrees Celsius", {"value": -10, "unit": "celsius", "raw": "minus 10 degrees Celsius"}),
    ("it reached 12 degrees below zero", {"value": -12, "unit": "degree", "raw": "12 degrees below zero"}),
    ("15C below freezing", {"value": -15, "raw": "15C below freezing"}),
    ("سجلت منطقة الجوف خمس درجات تحت الصفر", {"value": -5, "unit": "degree", "raw": "خمس درجات تحت الصفر"}),
    ("بلغت الحرارة -7 درجات مئوية", {"value": -7, "unit": "celsius", "raw": "-7 درجات مئوية"}),
    ("سجلت الحرارة سالب 5 درجات مئوية", {"value": -5, "raw": "سالب 5 درجات مئوية"}),
    # A range below zero: its smaller value first.
    ("تتراوح بين 3 و5 درجات تحت الصفر", {"value": -5, "value_max": -3}),
    ("سجلت 7 درجات دون الصفر", {"value": -7, "raw": "7 درجات دون الصفر"}),
    # An en dash as publishing software writes a hyphen, a quoted forecast.
    ("Temperatures fell to –10C overnight", {"value": -10, "raw": "–10C"}),
    ("the forecast says '-10C' for Leeds", {"value": -10}),
    ("the forecast says ‘-10C’ for Leeds", {"value": -10}),
    # Below freezing is 32 in Fahrenheit.
    ("15 degrees Fahrenheit below freezing", {"value": 17, "unit": "fahrenheit"}),
    ("0 degrees below zero", {"value": 0}),
)


def test_two_temperatures_below_zero_side_by_side():
    assert [f.value for f in figures_in("temps of -10C/-15C, then -3C, -5C", "en")] == [-10, -15, -3, -5]


@pytest.mark.parametrize(("text", "expected"), BELOW_ZERO)
def test_temperatures_below_zero(text, expected):
    check_figure(text, expected, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    cases(
        # A dash in a range or a name is no sign.
        ("it was 5-10C warmer than usual", {"value": 5, "value_max": 10, "raw": "5-10C"}),
        ("COVID-19 killed 20 people", {"value": 20, "unit": "person"}),
        ("the x-4C prototype", None),
        # A sign is read next to a temperature only.
        ("growth of -2% in the quarter", {"value": 2, "unit": "percent"}),
        ("a loss of -5 million dollars", {"value": 5_000_000, "unit": "USD"}),
        ("a rise of 10 degrees", {"value": 10, "unit": "degree"}),
        # A margin, and degrees below freezing of no scale said.
        ("within plus or minus 2 degrees", {"value": 2}),
        ("20 degrees below freezing in Chicago", {"value": 20, "raw": "20 degrees"}),
        ("-0C at dawn", {"value": 0}),
    ),
)
def test_no_sign_where_none_is_written(text, expected):
    if expected is None:
        assert figures_in(text, "en") == []
    else:
        check_figure(text, expected, None)


WEIGHTS = cases(
    ("Police seized 300 pounds of cocaine", {"value": 300, "unit": "lb", "raw": "300 pounds"}),
    ("smuggled 200 pounds of pure heroin", {"value": 200, "unit": "lb"}),
    ("they found 3 pounds of gold", {"value": 3, "unit": "lb"}),
    ("seized 40 lbs of meth", {"value": 40, "unit": "lb", "raw": "40 lbs"}),
    ("seized 500 grams of heroin", {"value": 500, "unit": "g"}),
    ("ضبط 500 غرام من الهيروين", {"value": 500, "unit": "g", "raw": "500 غرام"}),
    # Money stays money.
    ("a fine of 3 million pounds", {"value": 3_000_000, "unit": "GBP"}),
    ("3 million pounds of aid", {"value": 3_000_000, "unit": "GBP"}),
    ("worth 5 million pounds of gold", {"value": 5_000_000, "unit": "GBP"}),
    ("the company recalled 2 million pounds of beef", {"value": 2_000_000, "unit": "lb"}),
    ("a 5 pound note", {"value": 5, "unit": "GBP"}),
    # Lengths at sea.
    ("the tanker was 12 nautical miles off the coast", {"value": 12, "unit": "nautical mile"}),
    ("على بعد 12 ميلا بحريا من الساحل", {"value": 12, "unit": "nautical mile", "raw": "12 ميلا بحريا"}),
    ("على بعد ثلاثة أميال بحرية", {"value": 3, "unit": "nautical mile"}),
    ("12 miles off the coast", {"value": 12, "unit": "mile"}),
    # Power.
    ("ستضيف المملكة 20 غيغاواط من الطاقة الشمسية", {"value": 20, "unit": "GW"}),
    ("adding 2.5 GW of solar capacity", {"value": 2.5, "unit": "GW"}),
)


@pytest.mark.parametrize(("text", "expected"), WEIGHTS)
def test_weights_and_nautical_miles(text, expected):
    check_figure(text, expected, None)


@pytest.mark.parametrize(
    "text",
    [
        "فرضت 5 غرامات على الشركة",  # fines, also the plural of a gram
        "the first 5G network in the region",  # no "g" for grams
    ],
)
def test_not_grams(text):
    assert [f.unit for f in figures_in(text, None)] in ([], [None])
