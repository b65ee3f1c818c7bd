"""Dates in English news text, resolved against the publication date with
:mod:`claimtrack.calendar`: "on Friday", "today", "yesterday", "by January
19", "on Jan. 7, 2022", "last week", "next month", "earlier this year",
"two days ago", "in the past 24 hours", "7 January 2022", "2022-01-07".

A bare weekday leans to the future after "by", "until", "will", "next" and
"from", to the past after "last", "since" and past-tense context ("said on
Friday"), and is otherwise the nearest such day. One compiled pattern scans
the text once: linear time, and it never raises.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from claimtrack import DateMention, calendar, word_trie

WEEKDAYS = {
    d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
MONTHS = {
    **{
        m: i
        for i, m in enumerate(
            (
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ),
            start=1,
        )
    },
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_NUMBERS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "several": None,
    "a few": None,
    "few": None,
}
_RELATIONS = {
    "by": "by",
    "before": "before",
    "after": "after",
    "since": "since",
    "until": "until",
    "till": "until",
}
_FUTURE_CUES = re.compile(
    r"\b(?:will|would|shall|going\s+to|expected|plans?|scheduled|due|next|from|by|until)\b", re.I
)
_PAST_CUES = re.compile(r"\b(?:said|told|was|were|had|did|last|since|ago|earlier|\w+ed)\b", re.I)
# The two without IGNORECASE, for lowercased ASCII text, where they find the
# same (case-blind matching compares every character through its lowercase).
_FUTURE_CUES_LOWER = re.compile(_FUTURE_CUES.pattern)
_PAST_CUES_LOWER = re.compile(_PAST_CUES.pattern)

_WD = "|".join(WEEKDAYS)
_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
# Escaped, a space as any run of spaces: the pattern is VERBOSE, where a
# bare space is no character at all ("a few" would match only "afew").
_NUM = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(_NUMBERS, key=len, reverse=True) if k)


#: The words the other alternatives of _PATTERN open with.
_OPENERS = (
    "on in from during through over last next this early late mid coming past"
    " today tonight yesterday tomorrow the earlier later"
)
#: What every alternative of _PATTERN starts with: a digit or one of these
#: words (of a number word of two, its first: "a few").
_FIRST = word_trie(
    {*_RELATIONS, *WEEKDAYS, *MONTHS, *(k.split()[0] for k in _NUMBERS if k), *_OPENERS.split()}
)
# "(?=\d|{_FIRST})" turns away the word ends "\b" also stops at, and the
# words no date starts with, before any alternative is tried: the scan is
# the bulk of English date finding, and this takes half of its time off.
_PATTERN = re.compile(
    rf"""\b(?=\d|{_FIRST})(?:(?P<rel>by|before|after|since|until|till)\s+)?(?:
        (?P<iso>(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))
      | (?:(?:on\s+)?(?:(?P<wd1>{_WD}),?\s+))?
        (?P<mon1>{_MON})\.?\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year1>\d{{4}}))?
      | (?:(?:on\s+)?(?:(?P<wd2>{_WD}),?\s+))?
        (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_MON})\.?(?:,?\s+(?P<year2>\d{{4}}))?
      | (?P<mon3>{_MON})\s+(?P<year3>\d{{4}})
      | (?:in|since|until|by|before|after|from)\s+(?P<yonly>(?:19|20)\d{{2}})(?![\d,])
      | (?:(?:in|since|until|by|during|from|through)\s+|(?P<mmod>last|next|this|early|late|mid-?)\s*)
        (?P<mon4>January|February|March|April|May|June|July|August|September|October|November|December)
        (?!\s*\d)
      | (?:(?P<mod>last|next|this|coming|past)\s+)?(?:on\s+)?
        (?P<wd>{_WD})(?:\s+(?:morning|afternoon|evening|night))?
      | (?P<word>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)
      | (?:(?P<cmod>last|next|this|past|coming|earlier\s+this|later\s+this)\s+)(?P<cal>week|month|year)
      | (?P<count>\d{{1,3}}|{_NUM})\s+(?P<unit>days?|weeks?|months?|years?)
        \s+(?P<dir>ago|earlier|later|from\s+now)
      | (?:in|over|during)\s+the\s+(?:past|last|previous)\s+
        (?P<pcount>\d{{1,3}}|{_NUM})\s+(?P<punit>hours|days|weeks|months|years)
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)


# The same pattern without IGNORECASE, for lowercased text: a case-blind
# comparison of every character made the scan twice as slow. Used where the
# two agree: text whose only cased letters are ASCII (a non-ASCII letter such
# as "ſ" or the Kelvin sign matches an ASCII one case-blind).
_LOWER_PATTERN = re.compile(_PATTERN.pattern.lower().replace("(?p<", "(?P<"), re.VERBOSE)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _matches(text: str) -> Iterator[re.Match[str]]:
    """``_PATTERN.finditer(text)``, found on the lowercased text where that
    gives the same matches."""
    if not all(c.lower() == c.upper() for c in set(_NON_ASCII.findall(text))):
        yield from _PATTERN.finditer(text)
        return
    lowered = text.lower()  # same length: only ASCII letters change
    position = 0
    while (hit := _LOWER_PATTERN.search(lowered, position)) is not None:
        match = _PATTERN.match(text, hit.start())  # the same span, groups as written
        if match is None:  # cannot happen: the two patterns agree here
            position = hit.start() + 1
            continue
        yield match
        position = max(match.end(), match.start() + 1)


# The non-ASCII letters that IGNORECASE matches to an ASCII one and that
# lower() leaves apart from it ("ſept" is matched as "sept"): the key of a
# matched word in this module's tables.
_ASCII_FOLDS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})


def _key(word: str) -> str:
    """A matched word as the tables (months, weekdays, number words) spell it."""
    return " ".join(word.translate(_ASCII_FOLDS).lower().split())


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(_key(word))


# "last March", "next March": the one before or after the reference month,
# never that month itself.
_MONTH_MODS = {"last": (calendar.PAST, True), "next": (calendar.FUTURE, True)}


def _lean(text: str, start: int, rel: str | None) -> str:
    """Past, future or nearest for a date written without a year, from the
    word before it (``rel``, matched in any case: "By Friday", "till
    Friday") or else from the tense cues in the words before."""
    rel = _RELATIONS.get(rel or "")
    if rel in ("by", "until", "after"):
        return calendar.FUTURE
    if rel in ("since", "before"):
        return calendar.PAST
    context = text[max(0, start - 60) : start]
    future_cues, past_cues = _FUTURE_CUES, _PAST_CUES
    if context.isascii():
        context = context.lower()
        future_cues, past_cues = _FUTURE_CUES_LOWER, _PAST_CUES_LOWER
    future = list(future_cues.finditer(context))
    past = list(past_cues.finditer(context))
    if future and (not past or future[-1].start() > past[-1].start()):
        return calendar.FUTURE
    if past:
        return calendar.PAST
    return calendar.NEAREST


def _resolve(
    m: re.Match[str], text: str, ref: dt.date | None
) -> tuple[dt.date | None, dt.date | None] | None:
    """(value, value_end) for a match, (None, None) when it needs a reference
    we do not have, or None when the match is not a date after all."""
    # Every group as the tables spell it (lowercase, one space), once.
    g = {name: _key(value) if value else value for name, value in m.groupdict().items()}
    try:
        if g["iso"]:
            return dt.date(int(g["iy"]), int(g["im"]), int(g["id"])), None
        for mon, day, year in (("mon1", "day1", "year1"), ("mon2", "day2", "year2")):
            if g[mon]:
                month, number = MONTHS[g[mon]], int(g[day])
                if g[year]:
                    return dt.date(int(g[year]), month, number), None
                if ref is None:
                    return (None, None) if 1 <= number <= 31 else None
                found = calendar.month_day(ref, month, number, _lean(text, m.start(), g["rel"]))
                return (found, None) if found else None
        if g["mon3"]:
            return calendar.month_of(int(g["year3"]), MONTHS[g["mon3"]])
        if g["mon4"]:
            if ref is None:
                return None, None
            month, mod = MONTHS[g["mon4"]], g["mmod"] or ""
            if mod == "this":
                return calendar.month_of(ref.year, month)
            lean, strict = _MONTH_MODS.get(mod) or (_lean(text, m.start(), g["rel"]), False)
            return calendar.month_of(calendar.month_year(ref, month, lean, strict), month)
        if g["yonly"]:
            year = int(g["yonly"])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None
    if ref is None:
        return None, None
    if g["wd"]:
        weekday = WEEKDAYS[g["wd"]]
        mod = g["mod"] or ""
        if mod in ("next", "coming"):
            return calendar.weekday_near(ref, weekday, calendar.FUTURE, strict=True), None
        if mod in ("last", "past"):
            return calendar.weekday_near(ref, weekday, calendar.PAST, strict=True), None
        if mod == "this":
            return calendar.weekday_near(ref, weekday, calendar.NEAREST), None
        return calendar.weekday_near(ref, weekday, _lean(text, m.start(), g["rel"])), None
    if g["word"]:
        word = g["word"]
        offset = {
            "today": 0,
            "tonight": 0,
            "yesterday": -1,
            "tomorrow": 1,
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
        }[word]
        return ref + dt.timedelta(days=offset), None
    if g["cal"]:
        mod = g["cmod"]
        offset = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(mod, 0)
        start, end = calendar.period(ref, g["cal"], offset, first_weekday=calendar.WEEK_START)
        if mod == "earlier this":
            end = ref
        elif mod == "later this":
            start = ref
        return start, end
    if g["count"]:
        count = _number(g["count"])
        if count is None:
            return None, None
        unit = g["unit"].rstrip("s")
        sign = 1 if g["dir"] in ("later", "from now") else -1
        day = ref + dt.timedelta(days=sign * count) if unit == "day" else None
        if unit == "week":
            day = ref + dt.timedelta(weeks=sign * count)
        elif unit in ("month", "year"):
            day = calendar.add_months(ref, sign * count * (12 if unit == "year" else 1))
        return day, None
    if g["pcount"]:
        count = _number(g["pcount"])
        unit = g["punit"]
        if count is None:
            return None, None
        days = {"hours": max(1, count // 24), "days": count, "weeks": 7 * count}.get(unit)
        if days is None:
            start = calendar.add_months(ref, -count * (12 if unit == "years" else 1))
            return start, ref - dt.timedelta(days=1)
        return ref - dt.timedelta(days=days), ref - dt.timedelta(days=1) if unit != "hours" else ref
    return None


def find_dates(text: str, reference: dt.date | None) -> list[DateMention]:
    """Every date reference in ``text``, resolved against ``reference``."""
    mentions: list[DateMention] = []
    for m in _matches(text):
        g = m.groupdict()
        month = g["mon1"] or g["mon2"] or g["mon3"]
        if month and month.lower() == "may" and not month[0].isupper():
            continue  # the verb "may", not the month
        try:
            resolved = _resolve(m, text, reference)
        except (ValueError, OverflowError):  # dates beyond year 1..9999: no value
            resolved = None, None
        if resolved is None:
            continue
        value, value_end = resolved
        relation = _RELATIONS.get(_key(g["rel"] or ""))
        mentions.append(
            DateMention(
                raw=m.group(),
                start=m.start(),
                end=m.end(),
                value=value.isoformat() if value else None,
                value_end=value_end.isoformat() if value_end and value_end != value else None,
                relation=relation,
            )
        )
    return mentions
