"""Periods a claim names relative to the day it was said: "last year",
"this month", "next week", "العام المقبل", "هذا الموسم", "the next fiscal
year".

Outlets date a figure by the period it falls in, and write it relative to
the day they publish: "استقبل مطار دبي 87 مليون مسافر العام الماضي" / "يتوقع
استقبال 91.8 مليون مسافر هذا العام", "rehabilitate 400 schools in the
current school year" / "in the next school year". Two claims that place
one fact in two periods of one kind state two facts, however close their
other words (the linker compares them in ``fuzzy._periods_apart``).

A year, a month, a week or a quarter is placed on the calendar from the
day the claim was said (the first three by
:func:`claimtrack.calendar.period`, weeks from
:data:`claimtrack.calendar.WEEK_START` as the date plugins count them),
so "next year" said in 2025 is 2026, as a claim that writes "2026" says,
and "this year" said in January 2026 is "next year" said in December
2025. A season, a fiscal, school or Hijri year ("السنة المالية المقبلة")
has no fixed place on the calendar: it is kept as written ("+1") and
compared only with one of its kind said within a week
(``fuzzy.SAME_PERIOD_DAYS``). Without the days said, periods are compared
as written.

Not read: a past period after a word of comparison ("up 8% compared with
the same period last year", "مقارنة بالعام الماضي", "since last month": a
baseline, not when the fact is); "the previous year" and "the following
year", relative to another date of the story; "the past year" (the last
twelve months), "a year ago", "the last week of the campaign", plurals
("the next five years"); "العام" after a noun with the article, where it
means "general" ("المدير العام الحالي", "الإضراب العام المقبل").

The words are the lexicon's ``[periods LANG]`` (the period nouns, one
kind a line, in :data:`KINDS` order in both languages), ``[relative
LANG]`` (three lines: before, this one, after), ``[fiscal LANG]`` (what
may stand between the noun and its relative word, and makes the year one
of its own kind: "the next fiscal year", "العام الدراسي المقبل") and
``[baselines LANG]``.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import NamedTuple

from claimtrack import calendar, light_stem, normalize_text
from claimtrack_linker.words import is_arabic, lexicon

#: The kinds of period, in the order of the ``[periods LANG]`` lines.
KINDS = ("year", "month", "week", "season", "quarter")
#: The kinds :func:`claimtrack.calendar.period` places.
_PLACED = frozenset({"year", "month", "week"})
#: The forms of the verbs of saying (the groups of "said" and "قال" in the
#: lexicon's ``[synonyms LANG]``, and "announced", "stated", "reported"): a
#: period within a few words after one is when it was said, not when the
#: fact is ("the ministry said this week that ...", "قالت وزارة الصحة هذا
#: الأسبوع إن ...").
SAYING = frozenset(lexicon().form(word) for word in ("said", "قال", "announced", "stated", "reported"))
#: How far back before a past period a word of comparison is looked for:
#: "compared with the same period last year", "مقارنة بالفترة نفسها من
#: العام الماضي".
_BASELINE_REACH = 5


class Period(NamedTuple):
    """A period a claim names: its kind ("year"; "fiscal year" for one of
    no fixed place), where it is on the calendar ("2026", "2025-06",
    "2025-06-15" for the week that begins that Sunday, "2025-Q2") or, not
    placed, its offset as written ("+1"), and where it stands in the
    claim's normalized words (``start``, ``end``)."""

    kind: str
    key: str
    start: int
    end: int

    @property
    def placed(self) -> bool:
        """Is the period placed on the calendar, not kept as written?"""
        return self.key[0] not in "+-"


class Periods:
    """The lexicon's period words, normalized: each noun with its kind,
    each relative word with its offset (-1, 0, +1)."""

    def __init__(self) -> None:
        lines = lexicon().lines

        def words(kind: str) -> list[tuple[list[str], str]]:
            return [
                (normalize_text(" ".join(line), language).split(), language) for line, language in lines(kind)
            ]

        self.nouns: dict[str, str] = {}
        counts: dict[str, int] = {}
        for line, language in words("periods"):
            number = counts[language] = counts.get(language, 0) + 1
            if number > len(KINDS):
                raise ValueError(f"lexicon.txt: [periods {language}] has more lines than {KINDS}")
            self.nouns.update(dict.fromkeys(line, KINDS[number - 1]))
        self.offsets: dict[str, int] = {}
        counts = {}
        for line, language in words("relative"):
            number = counts[language] = counts.get(language, 0) + 1
            self.offsets.update(dict.fromkeys(line, number - 2))
        if any(count != 3 for count in counts.values()):
            raise ValueError(f"lexicon.txt: [relative LANG] needs three lines, before/this/after: {counts}")
        self.between = frozenset(word for line, _ in words("fiscal") for word in line)
        self.baselines = frozenset(word for line, _ in words("baselines") for word in line)
        #: Arabic relative words without the article are demonstratives,
        #: before their noun ("هذا العام"); the others follow it ("العام الحالي").
        self.this = frozenset(w for w in self.offsets if is_arabic(w) and not w.startswith("ال"))
        #: Words that place a period relative to the day said: a claim with
        #: none names no period (one set operation a claim).
        self.marks = frozenset(self.offsets) | {clitic + w for w in self.this for clitic in "وف"}

    def _after_baseline(self, words: list[str], start: int) -> bool:
        """Does a word of comparison stand within :data:`_BASELINE_REACH`
        words before ``start``, with only function words and fillers
        between ("compared with the same period last year"; not "imports
        from China rose 8% last year")?"""
        form = lexicon().form
        for word in reversed(words[max(0, start - _BASELINE_REACH) : start]):
            bare = _bare(word)
            if bare in self.baselines:
                return True
            if form(word) is not None and bare not in _FILLERS and word not in _FILLERS:
                return False
        return False

    def noun(self, word: str) -> str | None:
        """The kind of period a normalized word names ("للعام": year), or None."""
        kind = self.nouns.get(word)
        if kind is None and is_arabic(word):
            kind = self.nouns.get(light_stem(word))
        return kind

    def named(self, words: list[str]) -> list[tuple[str, int, int, int]]:
        """Each period ``words`` (a claim's normalized words) names: its
        kind ("fiscal year" with a word of ``between``), its offset,
        and where it stands (start, end). Not a past period after a word of
        comparison (``baselines``), nor an Arabic "العام" that follows a
        noun with the article ("المدير العام"), nor an English period
        followed by "of" ("the last week of the campaign")."""
        found = []
        for index, written in enumerate(words):
            word = written if written in self.offsets or not is_arabic(written) else light_stem(written)
            offset = self.offsets.get(word)  # "وهذه السنة": "هذه"
            if offset is None:
                continue
            if word in self.this:  # Arabic "هذا العام": the noun after, with its article
                after = words[index + 1] if index + 1 < len(words) else ""
                kind = self.noun(after) if light_stem(after) != after else None
                span = (index, index + 2)
            elif not is_arabic(word):  # English: "next (fiscal) year", not "... of"
                after = index + 1 + (index + 1 < len(words) and words[index + 1] in self.between)
                kind = self.noun(words[after]) if after < len(words) else None
                if words[after + 1 : after + 2] == ["of"]:
                    kind = None
                span = (index, after + 1)
            else:  # Arabic: "السنة (المالية) المقبلة"
                before = index - 1 - (index >= 2 and words[index - 1] in self.between)
                kind = self.noun(words[before]) if before >= 0 else None
                if kind is not None and before > 0 and _adjective(words[before], words[before - 1]):
                    kind = None
                span = (before, index + 1)
            if kind is None:
                continue
            start, end = span
            if end - start == 3:  # a word between: "fiscal", "الدراسي"
                kind = "fiscal " + kind
            if offset < 0 and self._after_baseline(words, start):
                continue
            if offset < 0 and not is_arabic(word) and words[start - 1 : start] == ["the"]:
                continue  # "the last year": the last twelve months
            found.append((kind, offset, start, end))
        return found


def _adjective(word: str, before: str) -> bool:
    """Is the Arabic ``word`` "العام" an adjective of the noun ``before`` it,
    a masculine one with the article ("المدير العام", "والأمين العام",
    "الإضراب العام"; not after a preposition, "بالمئة العام الجاري", nor
    after a feminine or a plural, which "العام" does not qualify: "الانتخابات
    البرلمانية العام المقبل")? Then it means "general", not "year"."""
    masculine = not before.endswith(("ه", "ات"))  # "الانتخابات البرلمانية العام المقبل": next year
    return word == _GENERAL and before.startswith(("ال", "وال", "فال")) and masculine


#: Words that may stand between a word of comparison and its period:
#: "compared with the same period last year", "مقارنة بالفترة نفسها من
#: العام الماضي" (function words are passed over too).
_FILLERS = frozenset(
    normalize_text("same period time level month quarter فترة الفترة نفسها ذاتها مثل الوقت", None).split()
)
#: "العام": the year, and also "general" after a noun with the article.
_GENERAL = normalize_text("العام", "ar")


def _bare(word: str) -> str:
    """An Arabic word without a conjunction or preposition written on it
    ("ومقارنة", "بالمقارنة"): baselines are listed bare."""
    return light_stem(word) if is_arabic(word) else word


@lru_cache(maxsize=1)
def table() -> Periods:
    """The lexicon's period words, read once."""
    return Periods()


def names_period(words: list[str]) -> bool:
    """Does a claim (its normalized words) name a period relative to the
    day it was said? Cheap for the claims that name none."""
    periods = table()
    return not periods.marks.isdisjoint(words) and bool(periods.named(words))


def periods(words: list[str], day: int | None) -> list[Period]:
    """The periods a claim (its normalized words) names, placed on the
    calendar from ``day`` (the day it was said, as an ordinal) where their
    kind has a fixed place."""
    said = dt.date.fromordinal(day) if day is not None else None
    found = []
    for kind, offset, start, end in table().named(words):
        key = f"{offset:+d}"
        if said is not None and kind in _PLACED:
            try:
                first, _ = calendar.period(said, kind, offset, first_weekday=calendar.WEEK_START)
            except (ValueError, OverflowError):  # "next year" said on 9999-12-31, a placeholder
                pass
            else:
                key = {"year": f"{first.year}", "month": f"{first:%Y-%m}", "week": first.isoformat()}[kind]
        elif said is not None and kind == "quarter":
            quarter = said.year * 4 + (said.month - 1) // 3 + offset
            key = f"{quarter // 4}-Q{quarter % 4 + 1}"
        found.append(Period(kind, key, start, end))
    return found
