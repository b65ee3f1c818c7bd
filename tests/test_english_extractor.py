"""The English extractor on agency constructions, and on text that must not
produce claims or exceptions."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack import Document, extract

from .extraction import claims_in, summarize


def claims_of(text: str, published: str = "2022-01-06"):
    return claims_in(text, "en", published)


def summary(text: str):
    return summarize(claims_of(text))


def test_title_name_said_that():
    text = "CSTO Secretary General Stanislav Zas said on Thursday that the force would reach 2,500 troops."
    [claim] = claims_of(text)
    assert (claim.kind, claim.speaker.name, claim.speaker.role) == (
        "indirect",
        "Stanislav Zas",
        "CSTO Secretary General",
    )
    assert claim.text == "the force would reach 2,500 troops"
    assert [(f.value, f.unit) for f in claim.figures] == [(2500, "person")]


def test_quote_then_attribution_both_orders():
    assert summary('"We are ready to act," Zas told reporters.') == [("direct", "Zas", "We are ready to act")]
    assert summary("“We are following the situation,” said UN spokesman Stephane Dujarric.") == [
        ("direct", "Stephane Dujarric", "We are following the situation")
    ]


def test_colon_introduces_quote_and_recipient():
    [claim] = claims_of('Zas told TASS: "The transfer of troops has already begun."')
    assert (claim.kind, claim.text, claim.recipient) == (
        "direct",
        "The transfer of troops has already begun",
        "TASS",
    )


def test_broken_quote_gives_two_claims_by_one_speaker():
    text = '"All member states are ready," Zas said. "The transfer has begun."'
    assert summary(text) == [
        ("direct", "Zas", "All member states are ready"),
        ("direct", "Zas", "The transfer has begun"),
    ]


def test_pronoun_and_surname_resolve():
    text = (
        "Russian Foreign Minister Sergei Lavrov said Moscow had received no formal request.\n"
        "He added that contacts were continuing at the expert level.\n"
        "Lavrov also said the talks would resume next week."
    )
    assert [c.speaker.name for c in claims_of(text)] == ["Sergei Lavrov"] * 3


def test_trailing_attribution_without_quotes():
    text = "The deployment should be completed by Friday, Zas said in a statement."
    [claim] = claims_of(text)
    assert (claim.kind, claim.speaker.name, claim.text) == (
        "indirect",
        "Zas",
        "The deployment should be completed by Friday",
    )
    assert [(d.value, d.relation) for d in claim.dates] == [("2022-01-07", "by")]


def test_according_to_and_institution():
    [claim] = claims_of(
        "According to Kazakhstan's Interior Ministry, more than 2,000 people have been detained."
    )
    assert (claim.speaker.name, claim.speaker.kind) == ("Kazakhstan's Interior Ministry", "institution")
    assert claim.figures[0].qualifier == "more than"
    [claim] = claims_of("Prices rose 20 percent in a month, according to the statistics office.")
    assert claim.text == "Prices rose 20 percent in a month" and claim.speaker.kind == "institution"


def test_appositive_role_after_name():
    text = "Dmitry Peskov, the Kremlin spokesman, said Moscow was ready for talks."
    [claim] = claims_of(text)
    assert (claim.speaker.name, claim.speaker.role) == ("Dmitry Peskov", "Kremlin spokesman")


def test_adding_that_continues_the_speaker():
    text = "Saeed Khatibzadeh said stability mattered, adding that outsiders were exploiting the unrest."
    assert [(c.speaker.name, c.text) for c in claims_of(text)] == [
        ("Saeed Khatibzadeh", "stability mattered"),
        ("Saeed Khatibzadeh", "outsiders were exploiting the unrest"),
    ]


def test_reported_fact_needs_figure_or_date():
    claims = claims_of("Protests erupted on Sunday over fuel prices. The city was calm.")
    assert [(c.kind, c.text) for c in claims] == [("reported", "Protests erupted on Sunday over fuel prices")]


def test_unattributed_quote_and_plain_text_are_not_claims():
    assert claims_of('The protesters chanted slogans. A banner read "go home now".') == []
    # a characterization in quotation marks is the speaker's claim
    [claim] = claims_of('Officials called it a "terrorist threat".')
    assert (claim.kind, claim.text, claim.speaker.kind) == ("direct", "terrorist threat", "source")


def test_abbreviations_do_not_split_sentences():
    [claim] = claims_of("Mr. Zas said the contingent would arrive on Jan. 7 in Almaty.")
    assert claim.text == "the contingent would arrive on Jan. 7 in Almaty"


def test_arabic_document_is_not_handled():
    extraction = extract(Document(text="قال الوزير إن القوات وصلت.", language="ar"))
    assert all(c.extractor != "claimtrack_english" for c in extraction.claims)


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list('said told He Zas "“”,.:\n 2,500 according to that the minister')),
        max_size=400,
    )
)
def test_arbitrary_english_like_text_never_raises(text):
    for claim in extract(Document(text=text, language="en")).claims:
        assert text[claim.start : claim.end] == claim.text


@pytest.mark.timeout(30)
def test_megabyte_of_pathological_text():
    rng = random.Random(3)
    pieces = [
        " said",
        ' "',
        "“",
        "”",
        ",",
        " that ",
        " Zas",
        " the minister",
        ".",
        "\n",
        " according to",
        " 2,500 troops",
    ]
    extract(Document(text="".join(rng.choice(pieces) for _ in range(120_000))[:1_000_000], language="en"))
    extract(Document(text=("Zas said, " * 100_000)[:1_000_000], language="en"))
    extract(Document(text='"' * 1_000_000, language="en"))


def test_anonymous_source_phrases():
    [claim] = claims_of("A source familiar with the talks said the delegations had not met since Wednesday.")
    assert (claim.speaker.name, claim.speaker.kind) == ("source familiar with the talks", "source")
    [claim] = claims_of(
        "Two officials who spoke on condition of anonymity told AFP that the army had pressed for talks."
    )
    assert claim.speaker.kind == "source" and claim.recipient == "AFP"


def test_perfect_tense_and_and_that():
    text = (
        "The IMF, which reached a deal in April, has argued that reform is vital, and that delays are costly."
    )
    claims = claims_of(text)
    assert [c.text for c in claims] == ["reform is vital", "delays are costly"]
    assert claims[0].speaker is claims[1].speaker and claims[0].speaker.name == "IMF"


def test_attribution_followed_by_a_clause_and_titles_with_commas():
    text = (
        "Kuwait plans to raise output by 2027, Oil Minister Fahad al-Sabti said on Tuesday, as prices fell."
    )
    [claim] = claims_of(text)
    assert (claim.speaker.name, claim.text) == ("Fahad al-Sabti", "Kuwait plans to raise output by 2027")
    text = "Türkiye has built 75,000 homes, Environment, Urbanisation and Climate Minister Murat Kurum said."
    [claim] = claims_of(text)
    assert claim.speaker.name == "Murat Kurum" and claim.text == "Türkiye has built 75,000 homes"


def test_coordinated_subject_and_footer():
    text = (
        "Saudi Arabia and the United States said in a joint statement that the truce would start on Monday.\n"
        "(Reporting by Nadia Keller; Editing by Tom Ashby)"
    )
    [claim] = claims_of(text)
    assert claim.speaker.name == "Saudi Arabia and the United States"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Lower-case words between "the" and an institution noun are its name.
        ("Firefighters were still battling the blaze, the fire service said.", "fire service"),
        (
            "Prices rose 3% in October, the national statistics office said on Monday.",
            "national statistics office",
        ),
        ("The coastal road was closed, the civil defence authority said.", "civil defence authority"),
        ("The coastal road was closed, said the civil defence authority.", "civil defence authority"),
        # An institution named after what it is for is not a title and a name.
        ("The station will stay shut until Friday, the Ministry of Transport said.", "Ministry of Transport"),
        ("Rates will stay at 5% for now, the Bank of England said.", "Bank of England"),
        # A title between the institution and a name still splits them.
        ("Rates will stay at 5% for now, Bank of England Governor Andrew Bailey said.", "Andrew Bailey"),
    ],
)
def test_institution_speakers_keep_their_whole_name(text, speaker):
    [claim] = claims_of(text)
    assert claim.speaker.name == speaker


def test_institution_modifiers_need_the_definite_article():
    # "a port authority": no "the" within reach, the noun alone as before.
    [claim] = claims_of("Exports fell in the quarter, a port authority said.")
    assert claim.speaker.name == "authority"
    [claim] = claims_of("The plant will close in March, the company said.")
    assert claim.speaker.name == "company"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A possessive institution before a name: the person speaks.
        ("Rates will fall later this year, the Bank of England's Andrew Bailey said.", "Andrew Bailey"),
        # "the" already read: the words before it are another phrase.
        ("After the strike the union said talks would resume on Monday.", "union"),
        ("Throughout the crisis the ministry said supplies were sufficient.", "ministry"),
        # Ministries named by a portfolio that is also a title word.
        (
            "The talks will resume next week, the Ministry of Foreign Affairs said.",
            "Ministry of Foreign Affairs",
        ),
        (
            "Cases rose again in July, the Ministry of Health and Population said.",
            "Ministry of Health and Population",
        ),
    ],
)
def test_institution_names_stop_where_they_end(text, speaker):
    [claim] = claims_of(text)
    assert claim.speaker.name == speaker


def test_lower_case_words_after_said_the_stop_at_another_the():
    # "the men guarding the police station" names no institution.
    [claim] = claims_of("Talks will resume on Monday, said the men guarding the police station.")
    assert claim.speaker is None or "police station" not in claim.speaker.name
    [claim] = claims_of("The Ministry of Foreign Affairs' Maria Zakharova said the talks would resume.")
    assert claim.speaker.name == "Maria Zakharova"
