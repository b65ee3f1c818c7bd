"""English date mentions through the public API (``claimtrack.find_dates``),
resolved against Thursday 2022-01-06 unless a case says otherwise: each
form docs/english.md lists, and the direction rules it shares with Arabic
through ``claimtrack.calendar``."""

from __future__ import annotations

import functools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack

THURSDAY = "2022-01-06"


def resolved(text: str, published: str = THURSDAY) -> list[tuple]:
    found = claimtrack.find_dates(text, "en", published)
    for mention in found:
        assert text[mention.start : mention.end] == mention.raw
    return [(m.raw, m.value, m.value_end, m.relation) for m in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said on Friday that", ("on Friday", "2021-12-31", None, None)),
        ("The summit will open on Friday", ("on Friday", "2022-01-07", None, None)),
        ("troops will arrive by Friday", ("by Friday", "2022-01-07", None, "by")),
        ("He arrived last Friday", ("last Friday", "2021-12-31", None, None)),
        ("He said today", ("today", THURSDAY, None, None)),
        ("He said yesterday", ("yesterday", "2022-01-05", None, None)),
        ("Clashes erupted last week", ("last week", "2021-12-26", "2022-01-01", None)),
        ("Talks resume next month", ("next month", "2022-02-01", "2022-02-28", None)),
        ("earlier this year the ministry", ("earlier this year", "2022-01-01", THURSDAY, None)),
        ("two days ago", ("two days ago", "2022-01-04", None, None)),
        ("in the past 24 hours", ("in the past 24 hours", "2022-01-05", THURSDAY, None)),
        ("on Jan. 7", ("Jan. 7", "2022-01-07", None, None)),
        ("on 7 January 2022", ("7 January 2022", "2022-01-07", None, None)),
        ("on 2022-01-07", ("2022-01-07", "2022-01-07", None, None)),
        ("in 2013", ("in 2013", "2013-01-01", "2013-12-31", None)),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_documented_forms(text, expected):
    assert resolved(text) == [expected]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a day and month with no year: the nearest, or the way the text leans
        ("on January 19", THURSDAY, ("January 19", "2022-01-19", None, None)),
        ("on December 28", THURSDAY, ("December 28", "2021-12-28", None, None)),
        # a month with no year, counted in whole months (calendar.month_year)
        ("It happened in October", THURSDAY, ("in October", "2021-10-01", "2021-10-31", None)),
        ("The talks were held in July", THURSDAY, ("in July", "2021-07-01", "2021-07-31", None)),
        ("He will visit in July", THURSDAY, ("in July", "2022-07-01", "2022-07-31", None)),
        ("He will travel in January", THURSDAY, ("in January", "2022-01-01", "2022-01-31", None)),
        ("They met last January", "2022-01-20", ("last January", "2021-01-01", "2021-01-31", None)),
        ("Talks resume next March", "2022-03-10", ("next March", "2023-03-01", "2023-03-31", None)),
        ("The deal was signed this March", THURSDAY, ("this March", "2022-03-01", "2022-03-31", None)),
    ],
    ids=lambda value: value if isinstance(value, str) and " " in value else None,
)
def test_dates_without_a_year(text, published, expected):
    assert resolved(text, published) == [expected]


def test_impossible_days_are_not_dates():
    assert resolved("on February 30") == []
    assert resolved("He spoke on February 29") == []  # no 29 February in the year before


_DATE_TEXT = (
    "on by since until last next this coming past early mid- Monday monday MAY May may June Sept. 5 5th "
    "2024 2024-05-06 days ago weeks earlier later the day before yesterday tomorrow today in over of "
    "three from now ſince \u212a İn é , . — “ ”"
)
_DATE_WORDS = _DATE_TEXT.split()


@given(st.lists(st.sampled_from(_DATE_WORDS), max_size=30), st.randoms())
def test_the_lowercase_scan_finds_what_the_case_blind_pattern_finds(words, rng):
    """Dates are scanned on lowercased text where that is equivalent (it is
    twice as fast); any casing, and non-ASCII letters that match ASCII ones
    case-blind, give the same matches as the case-blind pattern."""
    from claimtrack_english.dates import _PATTERN, _matches

    text = " ".join(w.upper() if rng.random() < 0.3 else w for w in words)
    expected = [(m.span(), m.groupdict()) for m in _PATTERN.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in _matches(text)] == expected


_MORE_DATE_TEXT = (
    "a few afew several one two ten 3 12 of the day after week month year hours in through during "
    "Sunday Tuesday Wednesday Thursday Friday Saturday Jan February Mar Apr Jul Aug Oct Nov Dec "
    "late early earlier tonight yesterday said going to will X-ray ago"
)
#: One or more phrases that each alternative of the pattern matches.
_DATE_PHRASES = [
    "the day before yesterday",
    "the day after tomorrow",
    "in the past 3 days",
    "over the last two weeks",
    "during the previous 10 months",
    "few days ago",  # not "a few": the verbose pattern reads it as "afew"
    "several weeks from now",
    "three years earlier",
    "earlier this week",
    "later this month",
    "last year",
    "next Monday morning",
    "on Friday, June 3, 2024",
    "Monday, 3rd of June",
    "5 May 2024",
    "mid-March",
    "early June",
    "in 2019",
    "since 2020",
    "until March",
    "2024-05-06",
]
_GATED_WORDS = _DATE_WORDS + _MORE_DATE_TEXT.split() + _DATE_PHRASES


def _tried_at_every_word():
    import re

    from claimtrack_english.dates import _FIRST, _PATTERN

    gate = f"(?=\\d|{_FIRST})"
    assert gate in _PATTERN.pattern
    return _PATTERN, re.compile(_PATTERN.pattern.replace(gate, "(?=\\w)"), _PATTERN.flags)


def test_each_form_passes_the_look_ahead_before_the_alternatives():
    """Each phrase is a date, for the pattern as it is and tried at every word."""
    pattern, everywhere = _tried_at_every_word()
    for phrase in (*_DATE_PHRASES, *map(str.upper, _DATE_PHRASES)):
        assert everywhere.fullmatch(phrase), phrase
        assert pattern.fullmatch(phrase), phrase


@given(st.lists(st.sampled_from(_GATED_WORDS), max_size=30), st.randoms())
def test_the_look_ahead_before_the_alternatives_turns_away_no_date(words, rng):
    """The scan tries the alternatives only where a digit or a word one of
    them opens with starts (_FIRST): it finds what it finds trying them at
    every word."""
    pattern, everywhere = _tried_at_every_word()
    text = " ".join(w.upper() if rng.random() < 0.3 else w for w in words)
    expected = [(m.span(), m.groupdict()) for m in everywhere.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == expected


@given(st.lists(st.sampled_from(_GATED_WORDS), max_size=20), st.randoms())
def test_the_cues_of_a_date_are_found_alike_in_lowercased_ascii(words, rng):
    """Past and future cues before a date are looked for without
    IGNORECASE in the lowercased context when it is ASCII: the same as
    case-blind in the context as written."""
    from claimtrack_english import dates

    context = " ".join(w.upper() if rng.random() < 0.3 else w for w in words)
    if not context.isascii():
        return
    for blind, lower in (
        (dates._FUTURE_CUES, dates._FUTURE_CUES_LOWER),
        (dates._PAST_CUES, dates._PAST_CUES_LOWER),
    ):
        expected = [m.span() for m in blind.finditer(context)]
        assert [m.span() for m in lower.finditer(context.lower())] == expected


# The non-ASCII letters Python's IGNORECASE matches to an ASCII letter:
# "ſept" is matched as "sept", so the tables must be read the same way.
@functools.cache
def twins() -> dict[str, str]:
    """Each non-ASCII letter IGNORECASE matches to an ASCII one, with it (a
    scan of all of Unicode: made once, when a test asks)."""
    ascii_letter = re.compile("(?i)[a-z]")
    return {
        ch: next(x for x in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(f"(?i){x}", ch))
        for ch in map(chr, range(0x80, 0x110000))
        if ascii_letter.fullmatch(ch)
    }


def test_case_twins_of_ascii_letters_are_read_as_those_letters():
    from claimtrack_english import dates

    assert set(twins()) == {"İ", "ı", "ſ", "\u212a"}  # a new Python may find more: add them to _ASCII_FOLDS
    for ch, letter in twins().items():
        assert dates._key(ch) == letter
    [(_, value, _, _)] = resolved("The talks open on Sept. 5")
    assert resolved("The talks open on ſept. 5") == [("ſept. 5", value, None, None)]


@pytest.mark.parametrize("word", ["september", "sunday", "days", "three", "yesterday", "weeks", "last"])
def test_words_spelled_with_case_twins_never_raise(word):
    texts = {
        "september": "It opens on {} 5, 2024.",
        "sunday": "It opened on {}.",
        "days": "It ended 3 {} ago.",
        "three": "It ended {} days ago.",
        "yesterday": "It ended {}.",
        "weeks": "in the past 2 {}",
        "last": "It ended {} week.",
    }
    for ch, letter in twins().items():
        if letter in word:
            variant = word.replace(letter, ch)
            found = resolved(texts[word].format(variant))
            assert found and found[0][1] is not None, variant


def test_number_words_of_two_words_count():
    # The pattern is VERBOSE: a space in a number word must stand for spaces.
    assert resolved("Officials left a few days ago") == [("a few days ago", None, None, None)]
    assert resolved("It closed a  few weeks ago")[0][0] == "a  few weeks ago"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # The word before a date decides its direction in any case, and
        # "till" as "until" (published Tuesday 2024-05-14).
        ("By Friday the talks must end", "2024-05-17"),
        ("Until friday, he said", "2024-05-17"),
        ("talks run till Friday", "2024-05-17"),
        ("Before FRIDAY he had said", "2024-05-10"),
        ("By 24 May the troops will leave", "2024-05-24"),
        ("It ends a month from  now", "2024-06-14"),
    ],
)
def test_direction_words_in_any_case(text, value):
    assert resolved(text, "2024-05-14")[0][1] == value
