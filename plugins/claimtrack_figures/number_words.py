"""What a number word is to the grammar, and how digits are read.

Both languages' number words (:mod:`.arabic_numbers`, :mod:`.english_numbers`)
are :class:`NumberWord` entries of a few kinds, and one accumulator in
:mod:`.grammar` combines them, so "two thousand five hundred" and "ألفين
وخمسمائة" go through the same rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The kinds of number word:
#:
#: ``unit`` 1-9; ``teen_unit`` a form of 1 or 2 only used before "عشر"
#: ("أحد عشر", "اثنا عشر"); ``ten`` 10 (in Arabic also the second word of
#: 11-19); ``teen`` 11-19; ``tens`` 20-90; ``hundreds`` a fixed hundreds value
#: ("ثلاثمائة", "مئتين"); ``hundred`` the multiplier word ("ثلاث مئة", "two
#: hundred"; alone it is 100); ``scale`` 10^3, 10^6, 10^9, 10^12 with ``count``
#: 1 (singular: "ألف", "million"), 2 (dual: "ألفين" is 2000 on its own) or 0
#: (plural: "ثلاثة آلاف"; alone it is vague); ``vague`` an order of magnitude
#: ("عشرات", "dozens"); ``few`` a small indefinite count before a scale or a
#: noun ("بضعة آلاف", "several thousand"); ``fraction`` ("نصف", "quarter");
#: ``dozen`` 12 as a multiplier; ``article`` "a"/"an" (one, before a scale).
KINDS = (
    "unit",
    "teen_unit",
    "ten",
    "teen",
    "tens",
    "hundreds",
    "hundred",
    "scale",
    "vague",
    "few",
    "fraction",
    "dozen",
    "article",
)


@dataclass(frozen=True)
class NumberWord:
    """One number word. ``value`` is its number (for ``vague`` the order of
    magnitude, for ``few`` the smallest count it means); ``count`` is the
    grammatical number of a ``scale`` word; ``ceiling`` the factor to the
    next order for ``vague`` and ``few`` words."""

    kind: str
    value: float
    count: int = 1
    ceiling: float = 10.0

    def __post_init__(self) -> None:
        if self.kind not in KINDS and self.kind != "digits":
            raise ValueError(f"unknown number word kind {self.kind!r}")


#: No quantity in the news has more digits than this; longer runs are ids.
MAX_DIGITS = 15

_PLAIN = re.compile(r"[0-9]+")
#: Groups of three digits, all after one separator: "2,500,000", "2.500.000";
#: not "0,000.000.000", which is no number.
_GROUPED = re.compile(r"[0-9]{1,3}([,.])[0-9]{3}(?:\1[0-9]{3})*")


def digits_value(text: str) -> float | None:
    """The value of a run of ASCII digits with separators, or None when it
    is not one number (a version "1.2.3", an odd grouping "1,23,4").

    "2,500" and "2.500.000" group thousands; "2.5" and "2,5" (one separator
    followed by other than three digits) are decimals; "2,500.75" and
    "2.500,75" both read as 2500.75. "2.500" is 2.5 here; the grammar reads it
    as 2500 when it counts people or things. More than
    :data:`MAX_DIGITS` digits is an identifier, not a quantity.
    """
    if len(text) > MAX_DIGITS * 2 or sum(c.isdigit() for c in text) > MAX_DIGITS:
        return None
    if _PLAIN.fullmatch(text):
        return float(text)
    grouped = _GROUPED.fullmatch(text)
    if grouped and (text.count(grouped.group(1)) > 1 or grouped.group(1) == ","):
        return float(text.replace(grouped.group(1), ""))
    for decimal, thousands in ((".", ","), (",", ".")):
        head, sep, tail = text.rpartition(decimal)
        if not sep or not tail.isdigit():
            continue
        if _PLAIN.fullmatch(head) or (
            (grouped_head := _GROUPED.fullmatch(head)) and grouped_head.group(1) == thousands
        ):
            return float(head.replace(thousands, "") + "." + tail)
    return None
