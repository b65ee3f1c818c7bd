"""The linker's twelfth round: a measure and a count of things are two
facts, kinds of workers are kinds of people, the Arabic future written on
the verb, a thing promised against a thing done, and two cities or two
regions named in one place of the sentence."""

from __future__ import annotations

import pytest
from claimtrack_linker import quantities

from .test_linking_round9 import linked
from .test_linking_round10 import judged


@pytest.mark.parametrize(
    ("a", "b", "language"),
    [
        # A power against a count of things, of one value.
        (
            "ستضيف الأردن 3 غيغاواط من محطات الطاقة الشمسية إلى الشبكة بحلول 2030",
            "ستطرح الأردن 3 مشاريع لمحطات الطاقة الشمسية على المستثمرين بحلول 2030",
            "ar",
        ),
        (
            "Chile will add 12 GW of solar farms to its grid by 2030",
            "Chile will tender 12 solar farms to private investors by 2030",
            "en",
        ),
        # Two measures of other quantities, of one value.
        (
            "The storm cut power to the island for 40 hours on Tuesday",
            "The storm cut a 40 km power line on the island on Tuesday",
            "en",
        ),
    ],
)
def test_a_measure_and_a_count_of_one_value_are_two_facts(a, b, language):
    assert not linked(a, b, language)[1]


def test_measures_count_one_thing_only_with_their_own_quantity():
    assert not quantities.may_count_one_thing("GW", "project")
    assert not quantities.may_count_one_thing("hour", "km")
    assert not quantities.may_count_one_thing("USD", "person")
    assert quantities.may_count_one_thing("degree", "celsius")
    assert quantities.may_count_one_thing("MW", "GW")
    assert quantities.may_count_one_thing("case", "person")
    assert quantities.may_count_one_thing("project", "farm")
    assert not quantities.may_count_one_thing("person", "farm")


@pytest.mark.parametrize(
    ("a", "b", "language", "words"),
    [
        (
            "Portugal will hire 2,000 more nurses for its public hospitals next year",
            "Portugal will hire 2,000 additional doctors for public hospitals next year",
            "en",
            ["doctors", "nurses"],
        ),
        (
            "عينت وزارة التربية 500 معلم جديد في مدارس الجنوب هذا العام",
            "عينت وزارة التربية 500 مهندس جديد في مدارس الجنوب هذا العام",
            "ar",
            ["مهندس", "معلم"],
        ),
    ],
)
def test_workers_of_other_trades_are_other_people(a, b, language, words):
    link, merged = linked(a, b, language)
    assert link is not None and link.conflict == "changed" and not merged
    assert sorted(link.evidence["changed"]) == sorted(words)


def test_one_trade_reworded_is_one_count():
    judged(
        "Portugal will hire 2,000 more nurses for its public hospitals next year",
        "Portugal will hire 2,000 extra nurses for public hospitals next year",
        "en",
        None,
        True,
    )


def test_accepted_against_rejected_in_arabic():
    link, merged = linked(
        "قبلت المحكمة الإدارية طعن النقابة في قرار رفع رسوم التسجيل",
        "رفضت المحكمة الإدارية طعن النقابة في قرار رفع رسوم التسجيل",
        "ar",
    )
    assert link.conflict == "contrast" and not merged


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "قد ترفع الحكومة أسعار الوقود مطلع الشهر المقبل بعد مراجعة التكاليف",
            "سترفع الحكومة أسعار الوقود مطلع الشهر المقبل بعد مراجعة التكاليف",
        ),
        (
            "وسيرتفع سعر رغيف الخبز في المخابز الخاصة الأسبوع المقبل",
            "قد يرتفع سعر رغيف الخبز في المخابز الخاصة الأسبوع المقبل",
        ),
    ],
)
def test_the_arabic_future_on_the_verb_is_will_against_may(a, b):
    link, merged = linked(a, b, "ar")
    assert link.conflict == "changed" and not merged
    assert sorted(link.evidence["changed"]) == ["may", "will"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A word that begins as the future does is no future: a car.
        (
            "قد ترتفع أسعار السيارات المستوردة مطلع العام المقبل",
            "ترتفع أسعار السيارات المستوردة مطلع العام المقبل",
        ),
        # The future on another verb than the one "may" governs.
        (
            "قد تلجأ الحكومة إلى الاقتراض وسيناقش البرلمان الخطة",
            "قد تلجأ الحكومة إلى الاقتراض ويناقش البرلمان الخطة",
        ),
    ],
)
def test_no_future_read_where_none_is_said(a, b):
    link, merged = linked(a, b, "ar")
    assert link is not None and link.conflict is None and merged


@pytest.mark.parametrize(
    ("a", "b", "words"),
    [
        (
            "Work on the new metro line will begin in March, the city said",
            "Work on the new metro line began in March, the city said",
            ["will begin", "began"],
        ),
        (
            "The port expansion will open to ships in May",
            "The port expansion opened to ships in May",
            ["will open", "opened"],
        ),
        (
            "Border checks with Austria will be extended by six months",
            "Border checks with Austria were extended by six months",
            ["will be extended", "extended"],
        ),
        # A plan against its outcome.
        (
            "The utility plans to connect 40,000 rural homes to the grid by December",
            "The utility has connected 40,000 rural homes to the grid by December",
            ["plans to connect", "connected"],
        ),
        # Told in reported speech.
        (
            "The ministry said it would also build 300 new classrooms",
            "The ministry said it built 300 new classrooms",
            ["would build", "built"],
        ),
    ],
)
def test_a_thing_promised_and_a_thing_done_are_two_facts(a, b, words):
    link, merged = linked(a, b, "en")
    assert link.conflict == "changed" and not merged
    assert link.evidence["changed"] == words


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The present tense of a scheduled event is its future.
        (
            "The prime minister will visit Cairo on Monday",
            "The prime minister visits Cairo on Monday",
        ),
        # A plan and "will": both to come.
        (
            "The utility plans to connect 40,000 rural homes to the grid by December",
            "The utility will connect 40,000 rural homes to the grid by December",
        ),
        # Both to come.
        (
            "The new metro line will open in March",
            "The new metro line will be opened in March",
        ),
        # A past word that is not the verb "will" governs.
        (
            "The renovated museum will open in March",
            "The museum, renovated, will open in March",
        ),
    ],
)
def test_no_promise_against_a_deed_where_none_is_said(a, b):
    link, merged = linked(a, b, "en")
    assert link is not None and link.conflict is None and merged
