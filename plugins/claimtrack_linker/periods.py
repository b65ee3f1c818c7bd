"""Periods a claim names relative to the day it was said: "last year",
"this month", "next season", "العام المقبل", "السنة المالية الحالية",
"هذا الموسم".

Outlets date a figure by the period it falls in, and write it relative to
the day they publish: "استقبل مطار دبي 87 مليون مسافر العام الماضي" / "يتوقع
استقبال 91.8 مليون مسافر هذا العام", "rehabilitate 400 schools in the
current school year" / "in the next school year". Two claims that place one
fact in two periods state two facts, however close their other words; the
linker reads these as it reads two dates (``fuzzy._dates``).

A year or a month is resolved against the day the claim was said
(``said_on``), so "next year" said in 2025 is 2026, as a claim that writes
"2026" says, and "this year" said in January 2026 is "next year" said in
December 2025. A week, a season or a quarter has no number the linker
reads, and is compared only with another such period: "next week" /
"this week". Without both days said, periods are compared as written
("year +1") and only with one another.

Not read: "the previous year" and "the following year", which are
relative to another date of the story, not to the day it was said; "a
year ago"; plurals ("the past five years").

The words are the lexicon's ``[periods LANG]`` (the period nouns, one
kind a line, the same lines in the same order in both languages),
``[relative LANG]`` (three lines: before, this one, after), ``[fiscal
LANG]`` (what may stand between the noun and its relative word: "the next
fiscal year", "السنة المالية المقبلة") and ``[baselines LANG]`` (words
after which a past period is what a figure is compared with: "up 8%
compared with last year" places the rise in no period).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from claimtrack import normalize_text
from claimtrack_linker.words import lexicon, neighbours

#: The kinds of period, in the order of the ``[periods LANG]`` lines.
KINDS = ("year", "month", "week", "season", "quarter")
#: What an Arabic noun may have written on it: a conjunction, a
#: preposition, the article ("والعام", "للعام", "بالسنة").
_ARABIC_STARTS = ("وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "و", "ف", "ب", "ل")
#: Demonstratives before an Arabic noun: "هذا العام", "هذه السنة".
_ARABIC_THIS = frozenset(("هذا", "هذه", "وهذا", "وهذه", "بهذا", "بهذه", "لهذا", "لهذه"))


class Periods:
    """The lexicon's period words, normalized, each with its kind or its
    offset (-1, 0, +1)."""

    def __init__(self) -> None:
        lines = lexicon().lines
        self.nouns: dict[str, str] = {}
        by_language: dict[str, int] = {}
        for line, language in lines("periods"):
            number = by_language.get(language, 0)
            by_language[language] = number + 1
            if number >= len(KINDS):
                raise ValueError(f"lexicon.txt: [periods {language}] has more lines than {KINDS}")
            for word in normalize_text(" ".join(line), language).split():
                self.nouns[word] = KINDS[number]
        self.offsets: dict[str, int] = {}
        counts: dict[str, int] = {}
        for line, language in lines("relative"):
            number = counts.get(language, 0)
            counts[language] = number + 1
            for word in normalize_text(" ".join(line), language).split():
                self.offsets[word] = number - 1
        if any(count != 3 for count in counts.values()):
            raise ValueError(f"lexicon.txt: [relative LANG] needs three lines, before/this/after: {counts}")
        self.between = frozenset(
            word
            for line, language in lines("fiscal")
            for word in normalize_text(" ".join(line), language).split()
        )
        self.baselines = frozenset(
            word
            for line, language in lines("baselines")
            for word in normalize_text(" ".join(line), language).split()
        )
        #: Words that place a period relative to the day said: a claim with
        #: none names no period (one set operation a claim).
        self.marks = frozenset(self.offsets) | _ARABIC_THIS

    def noun(self, word: str) -> str | None:
        """The kind of period a normalized word names ("للعام": year), or None."""
        kind = self.nouns.get(word)
        if kind is not None or word[:1].isascii():
            return kind
        for start in _ARABIC_STARTS:  # the longest first
            if word.startswith(start) and (kind := self.nouns.get(word[len(start) :])) is not None:
                return kind
        return None

    def named(self, words: list[str]) -> list[tuple[str, int, int, int]]:
        """Each period ``words`` (a claim's normalized words) names: its
        kind, its offset, and where it stands (start, end). A past period
        within two words after a baseline word is what a figure is compared
        with: "up 8% compared with last year" names no period."""
        found = [
            (kind, offset, start, end)
            for kind, offset, start, end in self._named(words)
            if offset >= 0 or self.baselines.isdisjoint(words[max(0, start - 2) : start])
        ]
        return found

    def _named(self, words: list[str]) -> list[tuple[str, int, int, int]]:
        """:meth:`named`, baselines included."""
        found = []
        offsets, between = self.offsets, self.between
        for index, word in enumerate(words):
            if word in _ARABIC_THIS:
                if index + 1 < len(words) and (kind := self.noun(words[index + 1])) is not None:
                    found.append((kind, 0, index, index + 2))
                continue
            offset = offsets.get(word)
            if offset is None:
                continue
            if word[:1].isascii():  # English: "next (fiscal) year"
                after = index + 1 + (index + 1 < len(words) and words[index + 1] in between)
                kind = self.noun(words[after]) if after < len(words) else None
                if kind is not None:
                    found.append((kind, offset, index, after + 1))
            else:  # Arabic: "السنة (المالية) المقبلة"
                before = index - 1 - (index >= 2 and words[index - 1] in between)
                kind = self.noun(words[before]) if before >= 0 else None
                if kind is not None:
                    found.append((kind, offset, before, index + 1))
        return found


@lru_cache(maxsize=1)
def table() -> Periods:
    """The lexicon's period words, read once."""
    return Periods()


def names_period(words: list[str]) -> bool:
    """Does a claim (its normalized words) name a period relative to the
    day it was said? Cheap for the claims that name none."""
    periods = table()
    return not periods.marks.isdisjoint(words) and bool(periods.named(words))


def periods(words: list[str], said_on: str | None) -> dict[str, frozenset[str]]:
    """The periods a claim names, each with what stands next to it
    (:func:`claimtrack_linker.words.neighbours`), keyed as the linker keys
    dates (:func:`spans`)."""
    found: dict[str, frozenset[str]] = {}
    for label, start, end in spans(words, said_on):
        found[label] = found.get(label, frozenset()) | neighbours(words, start, end)
    return found


def spans(words: list[str], said_on: str | None) -> list[tuple[str, int, int]]:
    """Each period a claim (its normalized words) names and where it stands
    (start, end): a year keyed as its token ("#2026"), a month by its number
    ("month 4"), when ``said_on`` (an ISO date) places them; else by kind
    and offset ("year +1", "week -1")."""
    day = _date(said_on)
    found = []
    for kind, offset, start, end in table().named(words):
        if day is not None and kind == "year":
            label = f"#{day.year + offset}"
        elif day is not None and kind == "month":
            label = f"month {(day.month - 1 + offset) % 12 + 1}"
        else:
            label = f"{kind} {offset:+d}"
        found.append((label, start, end))
    return found


def relative(label: str) -> str | None:
    """The kind of a period kept as written ("year +1": year), or None for
    one resolved to a date ("#2026", "month 4") or for no period."""
    kind, _, offset = label.partition(" ")
    return kind if kind in KINDS and offset[:1] in "+-" and offset else None


def _date(said_on: str | None) -> dt.date | None:
    """The day an ISO date (or timestamp) names, or None."""
    if not said_on:
        return None
    try:
        return dt.date.fromisoformat(said_on[:10])
    except ValueError:
        return None
