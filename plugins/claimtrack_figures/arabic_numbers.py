"""Arabic cardinal number words, with their case and gender forms.

Arabic numbers change form with gender ("ثلاث ساعات", "ثلاثة أيام"), case
("عشرون"/"عشرين", "اثنان"/"اثنين", "مئتان"/"مئتين"/"مئتي") and spelling
("مئة"/"مائة", "ثلاثمائة"/"ثلاث مئة"). Every form is listed here with its
kind and value (:class:`.number_words.NumberWord`); compounds ("ألفين
وخمسمائة", "خمسة وعشرون ألفا", "ثلاثة آلاف") are put together by the grammar.

The tables are keyed by folded spelling, so "مئة" is found as "ميه" and
"آلاف" as "الاف" in folded text. Clitics ("و", "ب", "ل") are split off
by :func:`.words.split_prefix` when a word is looked up.
"""

from __future__ import annotations

from .number_words import NumberWord
from .words import folded_table

_UNITS = {
    1: "واحد واحدة واحدا",
    2: "اثنان اثنين اثنتان اثنتين إثنان إثنين",
    3: "ثلاث ثلاثة",
    4: "أربع أربعة",
    5: "خمس خمسة",
    6: "ست ستة",
    7: "سبع سبعة",
    8: "ثمان ثماني ثمانية ثمانى",
    9: "تسع تسعة",
}
#: Forms of 1 and 2 that only occur before "عشر": "أحد عشر", "إحدى عشرة",
#: "اثنا عشر", "اثنتي عشرة". Alone, "أحد" is "one of" or Sunday.
_TEEN_UNITS = {1: "أحد إحدى", 2: "اثنا اثني اثنتا اثنتي"}
_TENS = {
    20: "عشرون عشرين",
    30: "ثلاثون ثلاثين",
    40: "أربعون أربعين",
    50: "خمسون خمسين",
    60: "ستون ستين",
    70: "سبعون سبعين",
    80: "ثمانون ثمانين",
    90: "تسعون تسعين",
}
_HUNDRED_STEMS = {
    3: ("ثلاث",),
    4: ("أربع",),
    5: ("خمس",),
    6: ("ست",),
    7: ("سبع",),
    8: ("ثمان", "ثماني"),
    9: ("تسع",),
}


def _entries() -> list[tuple[str, NumberWord]]:
    entries: list[tuple[str, NumberWord]] = []
    for value, words in _UNITS.items():
        entries.extend((w, NumberWord("unit", value)) for w in words.split())
    for value, words in _TEEN_UNITS.items():
        entries.extend((w, NumberWord("teen_unit", value)) for w in words.split())
    entries.extend((w, NumberWord("ten", 10)) for w in ("عشر", "عشرة"))
    for value, words in _TENS.items():
        entries.extend((w, NumberWord("tens", value)) for w in words.split())
    # مئة is the multiplier of "ثلاث مئة" and 100 on its own.
    entries.extend((w, NumberWord("hundred", 100)) for w in ("مئة", "مائة", "مية"))
    entries.extend(
        (w, NumberWord("hundreds", 200))
        for w in ("مئتان", "مئتين", "مئتا", "مئتي", "مائتان", "مائتين", "مائتا", "مائتي")
    )
    for unit, stems in _HUNDRED_STEMS.items():
        for stem in stems:
            entries.extend(
                (stem + hundred, NumberWord("hundreds", unit * 100)) for hundred in ("مئة", "مائة")
            )
    for value, singular, dual, plural in (
        (1e3, "ألف ألفا", "ألفان ألفين ألفي", "آلاف ألوف"),
        (1e6, "مليون مليونا", "مليونان مليونين مليوني", "ملايين"),
        (1e9, "مليار مليارا بليون", "ملياران مليارين ملياري", "مليارات بلايين"),
        (1e12, "تريليون ترليون", "تريليونان تريليونين", "تريليونات"),
    ):
        entries.extend((w, NumberWord("scale", value, 1)) for w in singular.split())
        entries.extend((w, NumberWord("scale", value, 2)) for w in dual.split())
        entries.extend((w, NumberWord("scale", value, 0)) for w in plural.split())
    entries.extend((w, NumberWord("vague", 10)) for w in ("عشرات",))
    entries.extend((w, NumberWord("vague", 100)) for w in ("مئات",))
    # بضع is three to nine (its classical definition); عدة is "several".
    entries.extend((w, NumberWord("few", 3, ceiling=3)) for w in ("بضع", "بضعة"))
    entries.extend((w, NumberWord("few", 1, ceiling=10)) for w in ("عدة",))
    entries.extend(
        [
            ("نصف", NumberWord("fraction", 0.5)),
            ("ربع", NumberWord("fraction", 0.25)),
            ("ثلث", NumberWord("fraction", 1 / 3)),
            ("ثلثي", NumberWord("fraction", 2 / 3)),
            ("ثلثا", NumberWord("fraction", 2 / 3)),
        ]
    )
    return entries


#: Arabic number words by folded spelling.
ARABIC_NUMBER_WORDS: dict[str, NumberWord] = folded_table(_entries())
