"""Temperatures below zero.

A minus sign is not part of any number the grammar reads ("COVID-19",
"5-10C" are a name and a range), so a temperature's sign is read here, from
the few characters around the figure the grammar found: "-10C", "−30 °F",
"minus 20 degrees", "سالب 5 درجات", "5 درجات تحت الصفر", "10 degrees below
zero". A sign is read only next to a temperature (:data:`.units.TEMPERATURES`).
Without it "-10C" and "10C" were one figure to the linker.
"""

from __future__ import annotations

import re

#: A minus sign written onto the number (a hyphen, "−", a non-breaking
#: hyphen, or an en dash as publishing software makes of a hyphen), at the
#: start of the text or after a space, a bracket, a quote, "/" or ",":
#: not a range's dash ("5-10C") nor a name's ("COVID-19").
_SIGN_BEFORE = re.compile(r"(?<![^\s(\[«\"“”„'‘’/,])[-−‑–]$")
#: A minus word before the number: "minus 20", "سالب 5", "ناقص 5"; not
#: "plus or minus 2 degrees", a margin.
_WORD_BEFORE = re.compile(r"(?<![^\s(])(?<!or )(?:minus|سالب|ناقص)\s+$", re.IGNORECASE)
#: Words after the figure that put it below zero: "below zero", "تحت
#: الصفر", "دون الصفر" (group 1), or below freezing (group 2): zero in
#: Celsius, but 32 in Fahrenheit ("15 degrees Fahrenheit below freezing"
#: is 17F), and for degrees of no scale said, no telling which.
_BELOW_AFTER = re.compile(
    r"\s+(?:(below\s+zero|(?:تحت|دون)\s+(?:ال)?صفر)|(below\s+freezing))\b",
    re.IGNORECASE,
)
#: Fahrenheit's freezing point.
_FREEZING_F = 32.0
#: A range's second number with its own sign: "-5 to -10C", "بين -3 و-5".
_INNER_SIGN = re.compile(r"(?:\s|\bو)[-−‑](?=\d)")
#: How far before the figure a minus word may begin.
_LOOK_BEFORE = 8


def below_zero(
    text: str, start: int, end: int, value: float, value_max: float | None, unit: str
) -> tuple[int, int, float, float | None]:
    """The span and values of a temperature figure of ``unit`` at
    ``text[start:end]`` with its sign read: the span grows to take in the
    sign or the words that give it, so the figure's ``raw`` says it. A range
    below zero ("بين 3 و5 درجات تحت الصفر") is -5 to -3: its smaller value
    first."""
    near = max(0, start - _LOOK_BEFORE)
    after = _BELOW_AFTER.match(text, end)
    sign = _SIGN_BEFORE.search(text, near, start) or _WORD_BEFORE.search(text, near, start)
    if after and after.group(2) and unit != "celsius":
        if unit != "fahrenheit":
            return start, end, value, value_max  # "20 degrees below freezing": which scale?
        end = after.end()
        value, value_max = _FREEZING_F - value, _FREEZING_F - value_max if value_max is not None else None
    elif after:
        end = after.end()
        value, value_max = -value, -value_max if value_max is not None else None
    elif sign and value:
        value = -value
        if value_max is not None and _INNER_SIGN.search(text, start, end):
            value_max = -value_max
    else:
        return start, end, value, value_max
    if sign and not after:
        start -= len(sign.group())
    if value_max is not None and value_max < value:
        value, value_max = value_max, value
    # "0 degrees below zero" is 0, not -0.
    return start, end, value + 0.0, value_max + 0.0 if value_max is not None else None
