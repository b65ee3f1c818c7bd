"""The figure grammar on English text, through the public API
(``claimtrack.find_figures``). One parametrized test per construction, then
what must not be a figure, and the properties every text keeps."""

from __future__ import annotations

from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack

from .extraction import cases, check_figure, figures_in, only_figure

figures = partial(figures_in, language="en")
only = partial(only_figure, language="en")
check = partial(check_figure, language="en")


DIGITS = cases(
    ("2500 troops arrived", {"value": 2500, "unit": "person", "unit_raw": "troops", "raw": "2500 troops"}),
    ("2,500 troops arrived", {"value": 2500, "raw": "2,500 troops"}),
    ("1,250,000 refugees", {"value": 1250000, "unit": "person"}),
    ("2.5 percent", {"value": 2.5, "unit": "percent"}),
    ("0.5 percent", {"value": 0.5, "unit": "percent"}),
    ("2,500.5 tonnes", {"value": 2500.5, "unit": "ton"}),
)


@pytest.mark.parametrize(("text", "expected"), DIGITS)
def test_digits_with_separators(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text", ["0،000.000.000 ", "0،000.000،0 ", "1,000.000.000 people", "2.500,000,000"])
def test_groups_after_two_separators_are_no_number(text):
    """Groups of three after "," and then "." are no number (the fuzzer
    found "0،000.000.000" raising): the grouping must keep one separator."""
    assert [f for f in figures(text) if f.value is not None and f.value >= 1e8] == []


NUMBER_WORDS = cases(
    ("one person", {"value": 1, "unit": "person"}),
    ("two soldiers", {"value": 2, "unit": "person"}),
    ("ten days", {"value": 10, "unit": "day"}),
    ("twelve hours", {"value": 12, "unit": "hour"}),
    ("nineteen minutes", {"value": 19, "unit": "minute"}),
    ("twenty-five soldiers", {"value": 25, "unit": "person", "raw": "twenty-five soldiers"}),
    ("twenty five soldiers", {"value": 25, "unit": "person"}),
    ("ninety-nine years", {"value": 99, "unit": "year"}),
    ("a hundred people", {"value": 100, "unit": "person"}),
    ("one hundred and twenty people", {"value": 120, "unit": "person"}),
    ("two hundred fifty people", {"value": 250, "unit": "person"}),
    ("a thousand people", {"value": 1000, "unit": "person"}),
    ("two thousand five hundred soldiers", {"value": 2500, "unit": "person"}),
    ("two thousand and five soldiers", {"value": 2005, "unit": "person"}),
    ("two hundred and fifty thousand people", {"value": 250000, "unit": "person"}),
    ("a million people", {"value": 1e6, "unit": "person"}),
    ("three million people", {"value": 3e6, "unit": "person"}),
    ("one million two hundred thousand people", {"value": 1.2e6, "unit": "person"}),
    ("a dozen people", {"value": 12, "unit": "person", "raw": "a dozen people"}),
    ("two dozen soldiers", {"value": 24, "unit": "person"}),
    ("2.5 million people", {"value": 2.5e6, "unit": "person"}),
    ("5 billion dollars", {"value": 5e9, "unit": "USD"}),
    ("5k runners", None),
    ("half an hour", {"value": 0.5, "unit": "hour", "raw": "half an hour"}),
    ("half a million refugees", {"value": 5e5, "unit": "person"}),
    ("a quarter of a million people", {"value": 2.5e5, "unit": "person"}),
    ("one and a half million people", {"value": 1.5e6, "unit": "person"}),
    ("two and a half hours", {"value": 2.5, "unit": "hour"}),
)


@pytest.mark.parametrize(("text", "expected"), [c for c in NUMBER_WORDS if c.values[1] is not None])
def test_number_words(text, expected):
    check(text, expected)


def test_scale_letters_after_digits():
    assert (only("5k people").value, only("5k people").unit) == (5000, "person")
    assert only("€5bn").value == 5e9
    assert only("$8m").value == 8e6
    assert only("5m people").value == 5e6
    assert (only("a 5m wall").value, only("a 5m wall").unit) == (5, "m")


RANGES = cases(
    ("two to three hours", {"value": 2, "value_max": 3, "unit": "hour", "raw": "two to three hours"}),
    (
        "between 2,000 and 3,000 troops",
        {"value": 2000, "value_max": 3000, "raw": "between 2,000 and 3,000 troops"},
    ),
    ("2,000-3,000 troops", {"value": 2000, "value_max": 3000, "unit": "person"}),
    ("2,000 to 3,000 troops", {"value": 2000, "value_max": 3000}),
    ("from 5 to 10 days", {"value": 5, "value_max": 10, "unit": "day"}),
    ("two or three days", {"value": 2, "value_max": 3, "unit": "day"}),
    ("between two and three million people", {"value": 2e6, "value_max": 3e6, "unit": "person"}),
    ("2 to 3 million dollars", {"value": 2e6, "value_max": 3e6, "unit": "USD"}),
    ("between two thousand and three thousand people", {"value": 2000, "value_max": 3000}),
    ("between two and three hundred people", {"value": 200, "value_max": 300}),
    ("5% to 10%", {"value": 5, "value_max": 10, "unit": "percent"}),
    ("$2m-$3m", {"value": 2e6, "value_max": 3e6, "unit": "USD"}),
)


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_ranges(text, expected):
    check(text, expected)


QUALIFIERS = cases(
    ("about 2,500 troops", {"qualifier": "approximately", "raw": "about 2,500 troops"}),
    ("About 2,500 troops", {"qualifier": "approximately"}),
    ("around 300 people", {"qualifier": "approximately"}),
    ("approximately 300 people", {"qualifier": "approximately"}),
    ("roughly 1,000 vehicles", {"qualifier": "approximately"}),
    ("some 300 soldiers", {"qualifier": "approximately"}),
    ("an estimated 10,000 people", {"qualifier": "approximately", "raw": "an estimated 10,000 people"}),
    ("300 people or so", {"qualifier": "approximately"}),
    ("nearly 40 percent", {"qualifier": "nearly"}),
    ("almost 60 percent", {"qualifier": "nearly"}),
    ("close to 500 people", {"qualifier": "nearly"}),
    ("more than 500 people", {"qualifier": "more than"}),
    ("over 100 people", {"qualifier": "more than"}),
    ("in excess of $5 million", {"qualifier": "more than"}),
    ("less than 20 people", {"qualifier": "less than"}),
    ("fewer than 20 people", {"qualifier": "less than"}),
    ("under 18 years", {"qualifier": "less than"}),
    ("at least 10 people", {"qualifier": "at least"}),
    ("10 people at least", {"qualifier": "at least", "raw": "10 people at least"}),
    ("no fewer than 10 people", {"qualifier": "at least"}),
    ("10 people or more", {"qualifier": "at least"}),
    ("at most 5 years", {"qualifier": "at most"}),
    ("no more than 5 years", {"qualifier": "at most"}),
    ("up to 500 peacekeepers", {"qualifier": "up to"}),
    ("as many as 500 peacekeepers", {"qualifier": "up to"}),
    ("2,500 people and may rise", {"qualifier": "may increase"}),
    ("50 dead and counting", {"qualifier": "may increase"}),
)


@pytest.mark.parametrize(("text", "expected"), QUALIFIERS)
def test_qualifiers(text, expected):
    check(text, expected)


CURRENCIES = cases(
    ("$8 million", {"value": 8e6, "unit": "USD", "unit_raw": "$", "raw": "$8 million"}),
    ("more than $8 million", {"value": 8e6, "unit": "USD", "qualifier": "more than"}),
    ("8 million dollars", {"value": 8e6, "unit": "USD", "unit_raw": "dollars"}),
    ("€5bn", {"value": 5e9, "unit": "EUR"}),
    ("€5 billion", {"value": 5e9, "unit": "EUR"}),
    ("£3.5 billion", {"value": 3.5e9, "unit": "GBP"}),
    ("US$5 million", {"value": 5e6, "unit": "USD"}),
    ("USD 5 million", {"value": 5e6, "unit": "USD"}),
    ("5 million USD", {"value": 5e6, "unit": "USD"}),
    ("100 roubles", {"value": 100, "unit": "RUB"}),
    ("100 rubles", {"value": 100, "unit": "RUB"}),
    ("1,000 tenge", {"value": 1000, "unit": "KZT"}),
    ("5 million Turkish lira", {"value": 5e6, "unit": "TRY"}),
    ("10 Egyptian pounds", {"value": 10, "unit": "EGP"}),
    ("100 pounds sterling", {"value": 100, "unit": "GBP"}),
    ("500 Saudi riyals", {"value": 500, "unit": "SAR"}),
    ("2 million Iraqi dinars", {"value": 2e6, "unit": "IQD"}),
    ("millions of dollars", {"value": 1e6, "value_max": 1e7, "unit": "USD"}),
    ("$8 million dollars", {"value": 8e6, "unit": "USD"}),
)


@pytest.mark.parametrize(("text", "expected"), CURRENCIES)
def test_currencies(text, expected):
    check(text, expected)


PERCENTAGES = cases(
    ("5%", {"value": 5, "unit": "percent"}),
    ("5 %", {"value": 5, "unit": "percent"}),
    ("5 percent", {"value": 5, "unit": "percent", "unit_raw": "percent"}),
    ("5 per cent", {"value": 5, "unit": "percent", "unit_raw": "per cent"}),
    ("five per cent", {"value": 5, "unit": "percent"}),
    ("twenty percent", {"value": 20, "unit": "percent"}),
    ("3 percentage points", {"value": 3, "unit": "percentage point"}),
)


@pytest.mark.parametrize(("text", "expected"), PERCENTAGES)
def test_percentages(text, expected):
    check(text, expected)


VAGUE = cases(
    ("dozens of people", {"value": 12, "value_max": 144, "unit": "person", "qualifier": "approximately"}),
    ("hundreds of people", {"value": 100, "value_max": 1000}),
    ("thousands of people", {"value": 1000, "value_max": 10000, "raw": "thousands of people"}),
    ("tens of thousands of protesters", {"value": 1e4, "value_max": 1e5}),
    ("hundreds of thousands of people", {"value": 1e5, "value_max": 1e6}),
    ("several thousand troops", {"value": 1000, "value_max": 10000}),
    ("a few hundred people", {"value": 100, "value_max": 1000}),
)


@pytest.mark.parametrize(("text", "expected"), VAGUE)
def test_vague_magnitudes(text, expected):
    check(text, expected)


COUNTED = cases(
    ("10 people were killed", {"value": 10, "unit": "person", "counted": "killed", "raw": "10 people"}),
    ("at least 10 people were killed", {"counted": "killed", "qualifier": "at least"}),
    ("10 people have been killed", {"counted": "killed"}),
    ("10 people killed", {"counted": "killed"}),
    ("10 killed", {"unit": "person", "unit_raw": "killed", "counted": "killed"}),
    ("10 dead", {"counted": "killed"}),
    ("20 wounded", {"counted": "injured"}),
    ("20 people were injured", {"counted": "injured"}),
    ("50 arrested", {"counted": "arrested"}),
    ("police arrested 50 people", {"counted": "arrested"}),
    ("The strike killed 12 people", {"counted": "killed"}),
    ("killing at least 12", {"value": 12, "unit": None, "counted": "killed", "raw": "at least 12"}),
    ("the death toll rose to 50", {"value": 50, "counted": "killed"}),
    ("1 million displaced", {"counted": "displaced"}),
    ("more than 100,000 people have been displaced", {"counted": "displaced", "qualifier": "more than"}),
    ("7 missing", {"counted": "missing"}),
    ("dozens of people were killed", {"counted": "killed"}),
)


@pytest.mark.parametrize(("text", "expected"), COUNTED)
def test_what_was_counted(text, expected):
    check(text, expected)


PARTS = cases(
    (
        "Five of the six crew members were killed",
        {"value": 5, "unit": "person", "raw": "Five of the six crew members", "counted": "killed"},
    ),
    ("Three of the 12 miners were rescued", {"value": 3, "unit": "person", "raw": "Three of the 12 miners"}),
    ("dozens of the 300 protesters were arrested", {"value": 12, "value_max": 144, "counted": "arrested"}),
    ("at least 20 of the 138 seats", {"value": 20, "unit": "seat", "qualifier": "at least"}),
    ("About 1.65 million of the 5.1 million registered voters", {"value": 1650000, "unit": "person"}),
    ("2 of 5 hospitals were damaged", {"value": 2, "unit": "hospital", "raw": "2 of 5 hospitals"}),
    # No part: a whole smaller than the part (or than a vague part's top), a
    # whole that is no count, a whole of one.
    ("12 of the 3 men", {"value": 3, "unit": "person", "raw": "3 men"}),
    ("thousands of the 3,000 protesters", {"value": 3000, "raw": "3,000 protesters"}),
    ("10 of the 100 km", {"value": 100, "unit": "km", "raw": "100 km"}),
    ("One of the 2 million residents of Gaza", {"value": 2000000, "raw": "2 million residents"}),
    # What is said after the whole is said of the part, not of the whole.
    ("one of the 2 million residents was killed", {"value": 2000000, "counted": None}),
    ("dozens of the 50 protesters were killed", {"value": 50, "counted": None}),
    ("one of the 2 million residents died", {"value": 2000000, "counted": None}),
    # "died" is never a participle: the five died, not the 40.
    ("Five of the 40 passengers died in the crash", {"value": 5, "counted": "killed"}),
    # A toll is the figure that matters; the part is what it holds.
    ("Two of the 12 killed were children", {"value": 12, "counted": "killed", "raw": "12 killed"}),
    ("two of the 11 dead were police officers", {"value": 11, "counted": "killed"}),
    (
        "Two of the 12 people killed in the strike were children",
        {"value": 12, "counted": "killed", "raw": "12 people"},
    ),
)


@pytest.mark.parametrize(("text", "expected"), PARTS)
def test_a_part_counts_what_its_whole_counts(text, expected):
    """ "Five of the six crew members" are five people: a fact-checker
    compares the five, not the six, with another outlet's "four"."""
    check(text, expected)


@pytest.mark.parametrize("text", ["Five of the six", "five of 6", "3 of the", "one of the men said"])
def test_a_part_with_no_whole_is_no_figure(text):
    assert figures(text) == []


def test_no_one_is_not_a_count():
    assert figures("no one was killed") == []


UNITS = cases(
    ("2,500 Russian troops", {"unit": "person", "unit_raw": "troops", "raw": "2,500 Russian troops"}),
    ("10 more soldiers", {"unit": "person"}),
    ("3 Russian tanks", {"unit": "tank"}),
    ("2,500 of its troops", {"unit": "person", "raw": "2,500 of its troops"}),
    ("a 10-day ceasefire", {"value": 10, "unit": "day", "raw": "10-day"}),
    ("a 25-year-old man", {"value": 25, "unit": "year"}),
    ("5 km", {"unit": "km"}),
    ("500 square kilometres", {"unit": "km2", "unit_raw": "square kilometres"}),
    ("500 km2", {"unit": "km2"}),
    ("500 km²", {"unit": "km2"}),
    ("10 barrels", {"unit": "barrel"}),
    ("in the past 24 hours", {"value": 24, "unit": "hour"}),
    ("40 aftershocks", {"unit": "aftershock"}),
    ("5 Palestinians", {"unit": "person", "unit_raw": "Palestinians"}),
    ("more than 60 million Egyptians rely on it", {"value": 6e7, "unit": "person", "unit_raw": "Egyptians"}),
    ("5 Palestinian children", {"unit": "person", "unit_raw": "children"}),
    ("706 rebel prisoners", {"unit": "person", "unit_raw": "prisoners"}),
    ("5 police officers", {"unit": "person", "unit_raw": "officers"}),
    ("40 additional vaccination centers", {"unit": "center", "raw": "40 additional vaccination centers"}),
    ("1,350 criminal cases", {"unit": "case"}),
    ("6.9 million U.S. dollars", {"value": 6.9e6, "unit": "USD", "unit_raw": "dollars"}),
    ("280 mm of rain", {"unit": "mm"}),
    ("254.8mm of rain", {"value": 254.8, "unit": "mm"}),
    ("51.8 degrees Celsius", {"unit": "celsius", "unit_raw": "degrees Celsius"}),
    ("a record 40.3C was set", {"value": 40.3, "unit": "celsius", "raw": "40.3C"}),
    ("it hit 104F in Phoenix", {"value": 104, "unit": "fahrenheit", "raw": "104F"}),
    ("temperatures of 49.9°C", {"value": 49.9, "unit": "celsius", "raw": "49.9°C"}),
    ("a high of 104 °F", {"value": 104, "unit": "fahrenheit", "raw": "104 °F"}),
    ("a 40° slope", {"value": 40, "unit": "degree", "raw": "40°"}),
    ("release 181 detainees", {"value": 181, "counted": "arrested"}),
    ("delegates from 200 nations", {"value": 200, "unit": "country", "unit_raw": "nations"}),
    ("a magnitude 5.9 earthquake", None),
)


@pytest.mark.parametrize(("text", "expected"), [c for c in UNITS if c.values[1] is not None])
def test_unit_table(text, expected):
    check(text, expected)


NOT_FIGURES = [
    "in 2022",
    "since 2014",
    "until 2030",
    "in the summer of 2014",
    "on January 6, 2022",
    "6 January 2022",
    "on 6 May",
    "the 7th of October",
    "the 1st battalion",
    "Article 4 of the treaty",
    "Resolution 2254",
    "No. 5",
    "He lives at number 10 Downing Street",
    "Room number 5 was closed",
    "#3",
    "Section 12",
    "at 5 pm",
    "at 5pm",
    "at 5 p.m.",
    "at 5:30 GMT",
    "at 0500 GMT",
    "five o'clock",
    "call +1 202 555 0100",
    "call (202) 555-0100",
    "phone 5551234",
    "version 2.1.3",
    "release 1.2.3",
    "v2",
    "COVID-19 patients",
    "F-16 jets",
    "the G20 summit",
    "5G networks",
    "5 C-130 planes",
    "regulators grounded the 737 MAX 9 jets",
    "sold 2 million Teslas last year",
    "9999999999999999999 people",
    "the 1990s",
    "in 2022 dollars",
    "2022 AD",
    "one of the men",
    "the two sides",
    "some people",
    "a third of the people",
    "the third day",
    "10 Downing Street",
    "not one resident complained",
    "",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(text):
    assert figures(text) == []


def test_number_the_verb_is_no_label():
    """ "number 10" is a label; "will number 3,000 troops" counts them."""
    for text in ("Peacekeepers in Kazakhstan will number 3,000 troops", "The troops number 3,000 soldiers"):
        assert [(f.value, f.unit) for f in figures(text)] == [(3000, "person")], text


def test_a_capitalized_word_before_a_number_is_a_model_only_after_another_number():
    assert [f.raw for f in figures("About 500 people fled. Nearly 300 homes burned.")] == [
        "About 500 people",
        "Nearly 300 homes",
    ]
    assert [f.unit for f in figures("a loan of USD 500 million")] == ["USD"]
    # What the number is given to, not a model's name.
    assert [(f.value, f.unit) for f in figures("Chelsea agreed to pay Brighton 115 million pounds")] == [
        (115e6, "GBP")
    ]
    assert [(f.value, f.unit) for f in figures("the US sent Ukraine 31 tanks")] == [(31, "tank")]
    # A time of day or a title-case headline word between two numbers is no model.
    assert [f.raw for f in figures("As of 0800 GMT 1,200 people had been evacuated")] == ["1,200 people"]
    assert [f.raw for f in figures("By 10 PM 40 people had been rescued")] == ["40 people"]
    assert [f.raw for f in figures("FTSE 100 Falls 2 Percent")] == ["2 Percent"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 7 October 1,200 people were killed", ["1,200 people"]),
        ("In May 300 people were evacuated", ["300 people"]),
        ("In October 3.5 percent of voters", ["3.5 percent"]),
        ("on October 7 militants attacked", []),
        ("in October 2023 the army said", []),
    ],
)
def test_after_a_month_only_a_day_or_a_year_is_part_of_the_date(text, expected):
    assert [f.raw for f in figures(text)] == expected


def test_a_date_next_to_a_figure_leaves_the_figure():
    found = figures("On January 6, 2022, 300 people died")
    assert [(f.raw, f.value, f.counted) for f in found] == [("300 people", 300, "killed")]
    found = figures("In 2019, police arrested 50 people")
    assert [(f.value, f.counted) for f in found] == [(50, "arrested")]


def test_many_figures_in_one_sentence_keep_their_spans():
    text = "About 2,500 troops arrived within two hours; 10 people were killed and $8m was lost."
    found = figures(text)
    assert [(f.raw, f.value, f.unit) for f in found] == [
        ("About 2,500 troops", 2500, "person"),
        ("two hours", 2, "hour"),
        ("10 people", 10, "person"),
        ("$8m", 8e6, "USD"),
    ]


def test_digits_after_and_start_a_new_figure():
    found = figures("$8 million and 10 people killed")
    assert [(f.raw, f.value) for f in found] == [("$8 million", 8e6), ("10 people", 10)]


def test_language_none_reads_english_too():
    assert [f.value for f in figures_in("2,500 troops", None)] == [2500]
    assert [f.value for f in figures_in("2,500 troops", "en-GB")] == [2500]


def test_mixed_arabic_and_english_text():
    found = figures_in("وصل 2500 جندي (2,500 troops) خلال ساعتين", None)
    assert [(f.value, f.unit) for f in found] == [(2500, "person"), (2500, "person"), (2, "hour")]


WORDS = [
    "two", "thousand", "five", "hundred", "and", "a", "half", "quarter", "of", "dozen", "dozens", "million",
    "2,500", "2.5", "bn", "m", "$", "€", "%", "-", "to", "or", "between", "from", "about", "more", "than",
    "at", "least", "people", "troops", "hours", "killed", "were", "January", "May", "Article", "in",
    "2022", "pm", ":", "+", "(", ")", "o", "'", "clock", "per", "cent", "tens", "thousands", "US", "USD",
    "Turkish", "lira", "F", "16", "0100", "1.2.3", "twenty", "an", "estimated", "\n",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from(["", " "]))
def test_property_word_soup_never_raises_and_spans_match(words, glue):
    text = glue.join(words)
    for figure in claimtrack.find_figures(text, "en"):
        assert text[figure.start : figure.end] == figure.raw
        assert figure.raw == figure.raw.strip()
        assert figure.unit_raw is None or figure.unit_raw in figure.raw
        assert figure.value_max is None or figure.value_max > figure.value
        assert figure.unit is not None or figure.counted is not None


MEGABYTE = 1 << 20
PATHOLOGICAL = [
    "two thousand and ",
    "twenty-five-",
    "between 1 and 2 and 3 and ",
    "a a a a ",
    "$$$$1",
    "1-2-3-",
    "hundreds of thousands of ",
    "at least at most up to ",
    "x" * 1000,
]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("fragment", PATHOLOGICAL)
def test_a_megabyte_of_pathological_text_finishes(fragment):
    text = (fragment * (MEGABYTE // len(fragment) + 1))[:MEGABYTE]
    found = claimtrack.find_figures(text, "en")
    assert all(text[f.start : f.end] == f.raw for f in found[:1000])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "m" before any unit is million: a unit after metres would be a second unit
        ("output reached 3m tonnes", {"raw": "3m tonnes", "value": 3e6, "unit": "ton"}),
        ("1.2m barrels of oil a day", {"raw": "1.2m barrels", "value": 1.2e6, "unit": "barrel"}),
        ("some 3m years ago", {"value": 3e6, "unit": "year"}),
        # capital M is never metres
        ("she won 2.5M votes", {"raw": "2.5M votes", "value": 2.5e6, "unit": "vote"}),
        ("30K votes were cast", {"raw": "30K votes", "value": 3e4, "unit": "vote"}),
        # "m" alone, or before a word that is no unit, is metres
        ("a 5m wall", {"raw": "5m", "value": 5, "unit": "m"}),
    ],
)
def test_scale_letters_before_units(text, expected):
    check_figure(text, expected, "en")
