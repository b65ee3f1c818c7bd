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

#: A minus sign written onto the number, at the start of the text or after a
#: space or an opening bracket or quote: not a range's dash ("5-10C") nor a
#: name's ("COVID-19").
_SIGN_BEFORE = re.compile(r"(?<![^\s(\[«\"“])[-−‑]$")
#: A minus word before the number: "minus 20", "سالب 5", "ناقص 5".
_WORD_BEFORE = re.compile(r"(?<![^\s(])(?:minus|سالب|ناقص)\s+$", re.IGNORECASE)
#: Words after the figure that put it below zero: "below zero", "below
#: freezing", "تحت الصفر".
_BELOW_AFTER = re.compile(r"\s+(?:below\s+(?:zero|freezing)|تحت\s+(?:ال)?صفر)\b", re.IGNORECASE)
#: A range's second number with its own sign: "-5 to -10C", "بين -3 و-5".
_INNER_SIGN = re.compile(r"(?:\s|\bو)[-−‑](?=\d)")
#: How far before the figure a minus word may begin.
_LOOK_BEFORE = 8


def below_zero(
    text: str, start: int, end: int, value: float, value_max: float | None
) -> tuple[int, int, float, float | None]:
    """The span and values of a temperature figure at ``text[start:end]``
    with its sign read: the span grows to take in the sign or the words that
    give it, so the figure's ``raw`` says it. A range below zero ("بين 3 و5
    درجات تحت الصفر") is -5 to -3: its smaller value first."""
    near = max(0, start - _LOOK_BEFORE)
    after = _BELOW_AFTER.match(text, end)
    sign = _SIGN_BEFORE.search(text, near, start) or _WORD_BEFORE.search(text, near, start)
    if after:
        end = after.end()
        value, value_max = -value, -value_max if value_max is not None else None
    elif sign:
        value = -value
        if value_max is not None and _INNER_SIGN.search(text, start, end):
            value_max = -value_max
    else:
        return start, end, value, value_max
    if sign:
        start -= len(sign.group())
    if value_max is not None and value_max < value:
        value, value_max = value_max, value
    return start, end, value, value_max
