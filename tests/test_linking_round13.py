"""The linker's thirteenth round: periods relative to the day a claim was
said ("last year" / "this year"), figures ten times apart, a request
against the thing done, "قبلت" against "رفضت", and "قد" before the
present of a hollow verb or after "كان" in a relative clause."""

from __future__ import annotations

import pytest
from claimtrack_linker.fuzzy import _asked_to
from claimtrack_linker.periods import Periods, names_period, periods, relative

from claimtrack import LinkClaim, link_claims, normalize_text

from .test_linking_round9 import linked
from .test_linking_round12 import one_claim, two_facts


def linked_on(a, said_a, b, said_b, language):
    """The one link between two claims said on the given days (None when
    none) and whether they end up in one cluster."""
    result = link_claims(
        [LinkClaim("a", a, language, said_on=said_a), LinkClaim("b", b, language, said_on=said_b)]
    )
    assert len(result.links) <= 1
    return (result.links[0] if result.links else None), bool(result.clusters)


@pytest.mark.parametrize(
    ("a", "b", "language", "words"),
    [
        (
            "Turkey's tourism revenue reached 54 billion dollars last year",
            "Turkey's tourism revenue reached 54 billion dollars this year",
            "en",
            ["#2024", "#2025"],
        ),
        (
            "تتوقع الحكومة المغربية أن يبلغ النمو 3.2 بالمئة العام الجاري",
            "الحكومة المغربية تتوقع أن يبلغ النمو الاقتصادي 3.2 بالمئة في العام المقبل",
            "ar",
            ["#2025", "#2026"],
        ),
        (
            "ستبدأ الوزارة صرف المنح الدراسية لطلاب الجامعات خلال العام الدراسي الحالي",
            # Not in one place: the one period a claim names is the fact's.
            "صرف المنح الدراسية لطلاب الجامعات سيبدأ خلال العام الدراسي المقبل بحسب الوزارة",
            "ar",
            ["#2025", "#2026"],
        ),
        (
            "The deficit will narrow to 4% of GDP in the current fiscal year, the ministry said",
            "The ministry said the budget deficit will narrow to 4% of GDP in the next fiscal year",
            "en",
            ["#2025", "#2026"],
        ),
        (
            "استقبل مطار القاهرة 30 مليون مسافر هذا العام",
            "استقبل مطار القاهرة 30 مليون مسافر العام الماضي",
            "ar",
            ["#2024", "#2025"],
        ),
        (
            "The new tariffs on steel imports take effect next month",
            "The new tariffs on steel imports take effect this month",
            "en",
            ["month 6", "month 7"],
        ),
        (
            "Peace talks between the two sides in Doha resume next week",
            "Peace talks between the two sides in Doha resume this week",
            "en",
            ["week +0", "week +1"],
        ),
        (
            "يتوقع الاتحاد أن يرتفع عدد المشجعين في الملاعب الموسم المقبل",
            "يتوقع الاتحاد أن يرتفع عدد المشجعين في الملاعب هذا الموسم",
            "ar",
            ["season +0", "season +1"],
        ),
    ],
)
def test_two_periods_relative_to_the_day_said_are_two_facts(a, b, language, words):
    link, merged = linked_on(a, "2025-06-10", b, "2025-06-11", language)
    assert link is not None and link.conflict == "changed" and not merged, link
    assert sorted(link.evidence["changed"]) == words


@pytest.mark.parametrize(
    ("a", "said_a", "b", "said_b", "language"),
    [
        # One year, said on either side of New Year.
        (
            "The central bank expects growth to pick up next year",
            "2025-12-30",
            "The central bank expects growth to pick up this year",
            "2026-01-02",
            "en",
        ),
        # A period and the date it is.
        (
            "Parliamentary elections will be held next year, the electoral commission said",
            "2025-03-01",
            "Parliamentary elections will be held in 2026, the electoral commission said",
            "2025-03-02",
            "en",
        ),
        (
            "ستجرى الانتخابات البرلمانية العام المقبل بحسب المفوضية",
            "2025-03-01",
            "ستجرى الانتخابات البرلمانية عام 2026 بحسب المفوضية",
            "2025-03-01",
            "ar",
        ),
        (
            "The new tariffs on steel imports take effect this month",
            "2025-06-10",
            "The new tariffs on steel imports take effect in June",
            "2025-06-10",
            "en",
        ),
        # Not read: a period of several years.
        (
            "Food prices doubled over the past five years, the statistics office said",
            "2025-06-10",
            "Food prices doubled over the past five years, according to the statistics office",
            "2025-06-10",
            "en",
        ),
    ],
)
def test_one_period_told_two_ways_is_one_claim(a, said_a, b, said_b, language):
    link, merged = linked_on(a, said_a, b, said_b, language)
    assert link is not None and link.conflict is None and merged, link


def test_without_the_days_said_a_period_is_not_compared_with_a_date():
    """ "next year" may be 2026: unknown without the day said."""
    one_claim(
        "Parliamentary elections will be held next year, the electoral commission said",
        "Parliamentary elections will be held in 2026, the electoral commission said",
        "en",
    )
    two_facts(
        "Parliamentary elections will be held next year, the electoral commission said",
        "Parliamentary elections will be held this year, the electoral commission said",
        "en",
        ["year +0", "year +1"],
    )


def test_a_period_elsewhere_in_the_sentence_is_no_changed_fact():
    """A baseline ("up from last year") stands in another place than the
    period the fact is in ("this year")."""
    link, merged = linked_on(
        "Egypt's wheat imports rose 8% this year, the ministry said",
        "2025-06-10",
        "Egypt's wheat imports rose 8% compared with last year",
        "2025-06-10",
        "en",
    )
    assert link is not None and link.conflict is None and merged, link


def test_periods_of_two_kinds_are_no_two_periods():
    """ "this season" / "this year": each the one period of its kind, but
    not of one kind (the check by meaning reads them so, whatever else the
    words say)."""
    from claimtrack_linker.fuzzy import _dates_and_periods
    from claimtrack_linker.words import in_one_place

    from claimtrack import LinkClaim

    a = LinkClaim("a", "A record 1.8 million pilgrims came to Mecca this season", "en", said_on="2025-06-10")
    b = LinkClaim("b", "About 1.8 million pilgrims performed the rites this year", "en", said_on="2025-06-10")
    dates_a, dates_b = _dates_and_periods(a, b, set(), set(), 1)
    assert set(dates_a) == {"season +0"} and set(dates_b) == {"#2025"}
    assert in_one_place(dates_a, dates_b) == []


def test_periods_as_read():
    words = normalize_text(
        "وللعام الحالي وهذه السنة وفي السنة المالية المقبلة والشهر الماضي والأسبوع القادم", "ar"
    ).split()
    assert set(periods(words, "2025-05-01")) == {"#2025", "#2026", "month 4", "week +1"}
    words = normalize_text("this year, after last year's 3%, and the next fiscal year", "en").split()
    assert set(periods(words, None)) == {"year +0", "year -1", "year +1"}
    assert periods(normalize_text("the next five years and a year ago", "en").split(), "2025-01-01") == {}
    baseline = normalize_text("up 8% compared with last year, since last month, from next year", "en").split()
    assert set(periods(baseline, None)) == {"year +1"}
    assert set(periods(normalize_text("ارتفعت 8 بالمئة مقارنة بالعام الماضي", "ar").split(), None)) == set()
    assert not names_period(["the", "talks", "resumed", "on", "Monday"])
    assert relative("year +1") == "year" and relative("#2026") is None and relative("month 4") is None


def test_the_period_lists_have_their_lines():
    table = Periods()
    assert set(table.nouns.values()) == {"year", "month", "week", "season", "quarter"}
    assert sorted(set(table.offsets.values())) == [-1, 0, 1]


@pytest.mark.parametrize(
    ("a", "b", "language"),
    [
        # Ten times apart: two quantities.
        (
            "Nigeria's oil exports rose to 1.8 million barrels a day in May",
            "Nigeria's oil refining rose to 120,000 barrels a day in May",
            "en",
        ),
        (
            "رفعت الجزائر صادراتها من الغاز إلى 50 مليار متر مكعب هذا العام",
            "رفعت الجزائر استهلاكها من الغاز إلى 4 مليارات متر مكعب هذا العام",
            "ar",
        ),
        # A rate against a bare count.
        (
            "South Africa's unemployment rate rose to 31.9% in the third quarter",
            "The number of unemployed South Africans rose to 7.8 million in the third quarter",
            "en",
        ),
    ],
)
def test_figures_ten_times_apart_are_two_facts_shown_together(a, b, language):
    link, merged = linked(a, b, language)
    assert link is not None and link.conflict == "changed" and not merged, link
    assert len(link.evidence["changed"]) == 2


@pytest.mark.parametrize(
    ("a", "b", "language"),
    [
        ("The earthquake killed 1,200 people, officials said", "The earthquake killed 3,000 people", "en"),
        ("قتل 40 شخصا في الفيضانات", "قتل 150 شخصا في الفيضانات", "ar"),
        # A figure both give, and another ten times apart: one claim.
        (
            "Exports reached 1.2 billion dollars in May, up 3%",
            "Exports reached 1.2 billion dollars in May, up 30%",
            "en",
        ),
    ],
)
def test_figures_less_than_ten_times_apart_still_conflict(a, b, language):
    link, merged = linked(a, b, language)
    assert link is not None and link.conflict == "figure" and merged, link


def test_a_percentage_meets_a_small_bare_number():
    one_claim(
        "Unemployment rose to 31.9% in the third quarter",
        "Unemployment rose to 31.9 in the third quarter",
        "en",
    )


@pytest.mark.parametrize(
    ("a", "b", "words"),
    [
        (
            "The opposition urged the electoral commission to recount the votes in Lagos",
            "The electoral commission recounted the votes in Lagos",
            ["urged the electoral commission to recount", "recounted"],
        ),
        (
            "The WHO called on the warring parties to open a humanitarian corridor to El Fasher",
            "The warring parties opened a humanitarian corridor to El Fasher",
            ["called on the warring parties to open", "opened"],
        ),
        (
            "Sicily's regional government asked Rome to declare a state of emergency over the drought",
            "Sicily's regional government declared a state of emergency over the drought",
            ["asked rome to declare", "declared"],
        ),
    ],
)
def test_a_request_and_the_thing_done_are_two_facts(a, b, words):
    two_facts(a, b, "en", words, ordered=True)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Unions urged the government to raise the minimum wage",
            "Unions called on the government to raise the minimum wage",
        ),
        (
            "Rescuers asked residents to leave their homes, and thousands left",
            "Thousands left their homes after rescuers asked residents to leave",
        ),
    ],
)
def test_two_requests_are_one_claim(a, b):
    one_claim(a, b, "en")


def test_called_asks_only_on_someone():
    assert _asked_to(["the", "union", "called", "off", "the", "strike", "planned", "to", "start"], 2) == []
    assert _asked_to(["the", "who", "called", "on", "israel", "to", "allow", "aid"], 2) == [6]
    assert _asked_to(["appealed", "to", "the", "court", "to", "halt"], 0) == [2, 5]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "وقبلت محكمة النقض طعن الدفاع في الحكم الصادر بحق الصحفي",
            "ورفضت محكمة النقض طعن الدفاع في الحكم الصادر بحق الصحفي",
        ),
        ("قبلوا العرض الذي قدمته الشركة لتسوية النزاع", "رفضوا العرض الذي قدمته الشركة لتسوية النزاع"),
    ],
)
def test_accepted_as_written_against_rejected(a, b):
    link, merged = linked(a, b, "ar")
    assert link is not None and link.conflict in ("contrast", "changed") and not merged, link
    assert "قبول" in str(link.evidence)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The present of a hollow verb after "قد" is a present.
        (
            "قالت الوزارة إن الحكومة قد تصوت على مشروع القانون الأسبوع المقبل",
            "قالت الوزارة إن الحكومة ستصوت على مشروع القانون الأسبوع المقبل",
        ),
        # "كان" of a relative clause before "قد" and a present.
        (
            "قال المدير إن المصنع الذي كان متوقفا منذ أشهر قد يستأنف الإنتاج",
            "قال المدير إن المصنع الذي كان متوقفا منذ أشهر سيستأنف الإنتاج",
        ),
    ],
)
def test_qad_before_a_present_is_may(a, b):
    two_facts(a, b, "ar", ["may", "will"])


def test_qad_after_kan_before_a_masculine_past_is_the_past_perfect():
    one_claim(
        "وكان الجيش قد تقدم نحو أطراف المدينة صباح الأحد",
        "وكان الجيش تقدم نحو أطراف المدينة صباح الأحد",
        "ar",
    )
