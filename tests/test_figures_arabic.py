"""The figure grammar on Arabic text, through the public API
(``claimtrack.find_figures``, which calls the ``extract_figures`` hook).

One parametrized test per construction; each case is the text and the
fields the single figure in it must have. Then what must not be a figure, the
seed article, and properties that hold for any text: it never raises, spans
always match, and a megabyte of pathological text finishes (linear time).
"""

from __future__ import annotations

from functools import partial

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack

from .extraction import cases, check_figure, figures_in, only_figure

figures = partial(figures_in, language="ar")
only = partial(only_figure, language="ar")
check = partial(check_figure, language="ar")


DIGITS = cases(
    ("وصل 2500 جندي", {"value": 2500, "unit": "person", "raw": "2500 جندي", "unit_raw": "جندي"}),
    ("وصل ٢٥٠٠ جندي", {"value": 2500, "unit": "person", "raw": "٢٥٠٠ جندي"}),
    ("وصل ۲۵۰۰ جندي", {"value": 2500, "unit": "person", "raw": "۲۵۰۰ جندي"}),
    ("وصل 2,500 جندي", {"value": 2500, "raw": "2,500 جندي"}),
    ("وصل 2٬500 جندي", {"value": 2500, "raw": "2٬500 جندي"}),
    ("وصل ٢٬٥٠٠ جندي", {"value": 2500}),
    ("وصل 1,250,000 لاجئ", {"value": 1250000, "unit": "person"}),
    ("وصل 2.500 جندي", {"value": 2500}),  # a thousands dot when it counts people
    ("ارتفع ٢٫٥ بالمئة", {"value": 2.5, "unit": "percent"}),
    ("ارتفع 2.5 بالمئة", {"value": 2.5, "unit": "percent"}),
    ("ارتفع 2,5 بالمئة", {"value": 2.5, "unit": "percent"}),
)


@pytest.mark.parametrize(("text", "expected"), DIGITS)
def test_digits_in_every_script_with_separators(text, expected):
    check(text, expected)


NUMBER_WORDS = cases(
    ("يوم واحد", {"value": 1, "unit": "day"}),
    ("ساعة واحدة", {"value": 1, "unit": "hour"}),
    ("اثنان وعشرون يوما", {"value": 22, "unit": "day"}),
    ("ثلاث ساعات", {"value": 3, "unit": "hour"}),
    ("ثلاثة أيام", {"value": 3, "unit": "day"}),
    ("أربعة أشهر", {"value": 4, "unit": "month"}),
    ("خمس سنوات", {"value": 5, "unit": "year"}),
    ("ستة أسابيع", {"value": 6, "unit": "week"}),
    ("سبع دقائق", {"value": 7, "unit": "minute"}),
    ("ثمانية أطفال", {"value": 8, "unit": "person"}),
    ("ثماني سنوات", {"value": 8, "unit": "year"}),
    ("تسعة جنود", {"value": 9, "unit": "person"}),
    ("عشرة أيام", {"value": 10, "unit": "day"}),
    ("عشر سنوات", {"value": 10, "unit": "year"}),
    ("أحد عشر شخصا", {"value": 11, "unit": "person"}),
    ("إحدى عشرة ساعة", {"value": 11, "unit": "hour"}),
    ("اثنا عشر جنديا", {"value": 12, "unit": "person"}),
    ("اثنتي عشرة ساعة", {"value": 12, "unit": "hour"}),
    ("خمسة عشر يوما", {"value": 15, "unit": "day"}),
    ("تسع عشرة دقيقة", {"value": 19, "unit": "minute"}),
    ("عشرون يوما", {"value": 20, "unit": "day"}),
    ("عشرين يوما", {"value": 20, "unit": "day"}),
    ("ثلاثون جنديا", {"value": 30, "unit": "person"}),
    ("تسعين دقيقة", {"value": 90, "unit": "minute"}),
    ("خمسة وعشرون جنديا", {"value": 25, "unit": "person"}),
    ("واحد وثلاثون يوما", {"value": 31, "unit": "day"}),
    ("مئة شخص", {"value": 100, "unit": "person"}),
    ("مائة شخص", {"value": 100, "unit": "person"}),
    ("مئتا جندي", {"value": 200, "unit": "person"}),
    ("مئتي جندي", {"value": 200, "unit": "person"}),
    ("مائتين جندي", {"value": 200, "unit": "person"}),
    ("ثلاثمائة جندي", {"value": 300, "unit": "person"}),
    ("ثلاثمئة جندي", {"value": 300, "unit": "person"}),
    ("ثلاث مئة جندي", {"value": 300, "unit": "person"}),
    ("خمسمائة جندي", {"value": 500, "unit": "person"}),
    ("ثمانمائة جندي", {"value": 800, "unit": "person"}),
    ("ثلاثمائة وخمسون مقاتلا", {"value": 350, "unit": "person"}),
    ("مئة وخمسة وعشرون شخصا", {"value": 125, "unit": "person"}),
    ("ألف جندي", {"value": 1000, "unit": "person"}),
    ("ألفا جندي", {"value": 1000, "unit": "person"}),
    ("ألفي جندي", {"value": 2000, "unit": "person"}),
    ("ألفان من الجنود", {"value": 2000, "unit": "person"}),
    ("ألفين وخمسمائة جندي", {"value": 2500, "unit": "person"}),
    ("ثلاثة آلاف جندي", {"value": 3000, "unit": "person"}),
    ("عشرة آلاف جندي", {"value": 10000, "unit": "person"}),
    ("خمسة وعشرون ألفا من المتظاهرين", {"value": 25000, "unit": "person", "unit_raw": "المتظاهرين"}),
    ("مئة ألف لاجئ", {"value": 100000, "unit": "person"}),
    ("ثلاثة آلاف وخمسمائة وخمسة وعشرون جنديا", {"value": 3525, "unit": "person"}),
    ("مليون نازح", {"value": 1000000, "unit": "person", "counted": "displaced"}),
    ("مليونا لاجئ", {"value": 1000000, "unit": "person"}),
    ("مليوني طن", {"value": 2000000, "unit": "ton"}),
    ("ثلاثة ملايين طن", {"value": 3000000, "unit": "ton"}),
    ("مليار دولار", {"value": 1e9, "unit": "USD"}),
    ("مليارين دولار", {"value": 2e9, "unit": "USD"}),
    ("خمسة مليارات دولار", {"value": 5e9, "unit": "USD"}),
    ("مليون ومئتي ألف شخص", {"value": 1200000, "unit": "person"}),
)


@pytest.mark.parametrize(("text", "expected"), NUMBER_WORDS)
def test_number_words_with_case_gender_and_compounds(text, expected):
    check(text, expected)


FRACTIONS = cases(
    ("نصف ساعة", {"value": 0.5, "unit": "hour"}),
    ("ربع ساعة", {"value": 0.25, "unit": "hour"}),
    ("ساعة ونصف", {"value": 1.5, "unit": "hour"}),
    ("ساعتين ونصف", {"value": 2.5, "unit": "hour"}),
    ("ثلاث ساعات ونصف", {"value": 3.5, "unit": "hour"}),
    ("نصف مليون لاجئ", {"value": 500000, "unit": "person"}),
    ("ربع مليون شخص", {"value": 250000, "unit": "person"}),
    ("ثلث مليون شخص", {"value": pytest.approx(333333.333333), "unit": "person"}),
    ("مليون ونصف نازح", {"value": 1500000, "unit": "person"}),
    ("مليون ونصف المليون هكتار", {"value": 1500000, "unit": "hectare"}),
    ("مليونين ونصف دولار", {"value": 2500000, "unit": "USD"}),
)


@pytest.mark.parametrize(("text", "expected"), FRACTIONS)
def test_fractions(text, expected):
    check(text, expected)


def test_a_fraction_of_people_is_not_a_count():
    assert figures("نصف السكان غادروا") == []
    assert figures("نصف الأشخاص") == []


DIGITS_WITH_SCALES = cases(
    ("2.5 مليون شخص", {"value": 2500000, "unit": "person"}),
    ("٣ آلاف شخص", {"value": 3000, "unit": "person"}),
    ("3 آلاف شخص", {"value": 3000, "unit": "person"}),
    ("500 ألف شخص", {"value": 500000, "unit": "person"}),
    ("8 ملايين دولار", {"value": 8000000, "unit": "USD", "raw": "8 ملايين دولار"}),
    ("7.2 مليارات دولار", {"value": 7.2e9, "unit": "USD"}),
    ("3 ملايين و500 ألف دولار", {"value": 3500000, "unit": "USD"}),
    ("17 ألف شركة", {"value": 17000, "unit": "company"}),
)


@pytest.mark.parametrize(("text", "expected"), DIGITS_WITH_SCALES)
def test_digits_with_scale_words(text, expected):
    check(text, expected)


PREFIXES = cases(
    ("لثلاثة أيام", {"value": 3, "unit": "day", "raw": "ثلاثة أيام"}),
    ("بخمسة آلاف دولار", {"value": 5000, "unit": "USD", "raw": "خمسة آلاف دولار"}),
    ("وخمسة جنود", {"value": 5, "unit": "person", "raw": "خمسة جنود"}),
    ("كألف شخص", {"value": 1000, "unit": "person", "raw": "ألف شخص"}),
    ("وساعتين", {"value": 2, "unit": "hour", "raw": "ساعتين"}),
    ("بـ5 آلاف دولار", {"value": 5000, "unit": "USD", "raw": "5 آلاف دولار"}),
    ("خلال الـ24 ساعة", {"value": 24, "unit": "hour", "raw": "24 ساعة"}),
)


@pytest.mark.parametrize(("text", "expected"), PREFIXES)
def test_clitics_attached_to_numbers(text, expected):
    check(text, expected)


DUALS = cases(
    ("خلال ساعتين", {"value": 2, "unit": "hour", "unit_raw": "ساعتين", "raw": "ساعتين"}),
    ("منذ يومين", {"value": 2, "unit": "day"}),
    ("قبل يومان", {"value": 2, "unit": "day"}),
    ("خلال اليومين الأخيرين", {"value": 2, "unit": "day", "raw": "اليومين"}),
    ("أسبوعين", {"value": 2, "unit": "week"}),
    ("شهرين", {"value": 2, "unit": "month"}),
    ("عامين", {"value": 2, "unit": "year"}),
    ("سنتين", {"value": 2, "unit": "year"}),
    ("دقيقتين", {"value": 2, "unit": "minute"}),
    ("امرأتان", {"value": 2, "unit": "person", "unit_raw": "امرأتان"}),
    ("امرأتين", {"value": 2, "unit": "person"}),
    ("جنديين", {"value": 2, "unit": "person"}),
    ("جنديين اثنين", {"value": 2, "unit": "person", "raw": "جنديين اثنين"}),
    ("دولارين", {"value": 2, "unit": "USD"}),
    ("قريتين", {"value": 2, "unit": "village"}),
    ("قتيلين", {"value": 2, "unit": "person", "counted": "killed"}),
)


@pytest.mark.parametrize(("text", "expected"), DUALS)
def test_dual_nouns_are_the_number_two(text, expected):
    check(text, expected)


def test_sound_plurals_are_not_read_as_duals():
    # "مدنيين" is the plural of مدني (civilians), not "two civilians".
    assert figures("قتل مدنيين في القصف") == []
    assert figures("المتظاهرين") == []


def test_definite_duals_of_count_nouns_refer_back_rather_than_count():
    assert figures("العلاقات بين البلدين") == []
    assert figures("حل الدولتين") == []


NOUN_FIRST = cases(
    ("خلال الساعات الـ24 الماضية", {"value": 24, "unit": "hour", "raw": "الساعات الـ24"}),
    ("الأيام الثلاثة الماضية", {"value": 3, "unit": "day", "raw": "الأيام الثلاثة"}),
    ("في الأشهر الستة الأولى", {"value": 6, "unit": "month"}),
)


@pytest.mark.parametrize(("text", "expected"), NOUN_FIRST)
def test_definite_plural_with_its_number_after_it(text, expected):
    check(text, expected)


RANGES = cases(
    (
        "بين 2000 و3000 جندي",
        {"value": 2000, "value_max": 3000, "unit": "person", "raw": "بين 2000 و3000 جندي"},
    ),
    ("بين 2000 و 3000 جندي", {"value": 2000, "value_max": 3000, "unit": "person"}),
    ("ما بين 80 و100 حالة", {"value": 80, "value_max": 100, "unit": "case"}),
    ("من 2000 إلى 3000 جندي", {"value": 2000, "value_max": 3000, "unit": "person"}),
    ("من 5 حتى 7 أيام", {"value": 5, "value_max": 7, "unit": "day"}),
    ("2000-3000 جندي", {"value": 2000, "value_max": 3000, "unit": "person", "raw": "2000-3000 جندي"}),
    ("2000 – 3000 جندي", {"value": 2000, "value_max": 3000, "unit": "person"}),
    (
        "ساعتين إلى ثلاث ساعات",
        {"value": 2, "value_max": 3, "unit": "hour", "raw": "ساعتين إلى ثلاث ساعات"},
    ),
    ("في غضون ساعتين إلى ثلاث ساعات", {"value": 2, "value_max": 3, "unit": "hour"}),
    ("يومين أو ثلاثة", {"value": 2, "value_max": 3, "unit": "day"}),
    ("ثلاثة أو أربعة أيام", {"value": 3, "value_max": 4, "unit": "day"}),
    ("بين ألفين وثلاثة آلاف جندي", {"value": 2000, "value_max": 3000, "unit": "person"}),
    ("من 5 إلى 10 آلاف شخص", {"value": 5000, "value_max": 10000, "unit": "person"}),
    ("بين 5% و10%", {"value": 5, "value_max": 10, "unit": "percent"}),
)


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_ranges(text, expected):
    check(text, expected)


def test_a_range_needs_its_second_end_to_be_larger():
    found = figures("نقل 3000 جندي إلى 2000 موقع")
    assert [(f.value, f.value_max, f.unit) for f in found] == [(3000, None, "person"), (2000, None, "site")]


PERCENTAGES = cases(
    ("ارتفع 5%", {"value": 5, "unit": "percent", "unit_raw": "%"}),
    ("ارتفع 5 %", {"value": 5, "unit": "percent"}),
    ("ارتفع 5٪", {"value": 5, "unit": "percent", "unit_raw": "٪"}),
    ("ارتفع ٥٪", {"value": 5, "unit": "percent"}),
    ("ارتفع %5", {"value": 5, "unit": "percent", "raw": "%5"}),
    ("ارتفع 5 بالمئة", {"value": 5, "unit": "percent", "unit_raw": "بالمئة"}),
    ("ارتفع 5 بالمائة", {"value": 5, "unit": "percent"}),
    ("ارتفع 5 في المائة", {"value": 5, "unit": "percent", "unit_raw": "في المائة"}),
    ("ارتفع 5 في المئة", {"value": 5, "unit": "percent"}),
    ("ارتفع خمسة في المئة", {"value": 5, "unit": "percent"}),
    ("ارتفع نقطتين مئويتين", {"value": 2, "unit": "percentage point"}),
    ("ارتفع 3 نقاط مئوية", {"value": 3, "unit": "percentage point"}),
)


@pytest.mark.parametrize(("text", "expected"), PERCENTAGES)
def test_percentages(text, expected):
    check(text, expected)


CURRENCIES = cases(
    ("8 ملايين دولار", {"value": 8e6, "unit": "USD"}),
    ("100 دولار أمريكي", {"value": 100, "unit": "USD"}),
    ("500$", {"value": 500, "unit": "USD", "unit_raw": "$"}),
    ("$500", {"value": 500, "unit": "USD", "raw": "$500"}),
    ("100 مليون يورو", {"value": 1e8, "unit": "EUR"}),
    ("€5 مليون", {"value": 5e6, "unit": "EUR"}),
    ("500 روبل", {"value": 500, "unit": "RUB"}),
    ("ألف تنغي", {"value": 1000, "unit": "KZT"}),
    ("10 ليرات", {"value": 10, "unit": "lira"}),
    ("10 ليرات تركية", {"value": 10, "unit": "TRY", "unit_raw": "ليرات"}),
    ("5500 ليرة سورية", {"value": 5500, "unit": "SYP"}),
    ("مليون ليرة لبنانية", {"value": 1e6, "unit": "LBP"}),
    ("50 جنيها", {"value": 50, "unit": "EGP"}),
    ("مليون جنيه إسترليني", {"value": 1e6, "unit": "GBP"}),
    ("500 ريال سعودي", {"value": 500, "unit": "SAR"}),
    ("500 ريال قطري", {"value": 500, "unit": "QAR"}),
    ("مليار دينار عراقي", {"value": 1e9, "unit": "IQD"}),
    ("مليون دينار كويتي", {"value": 1e6, "unit": "KWD"}),
    ("ألف دينار أردني", {"value": 1000, "unit": "JOD"}),
    ("ألف درهم إماراتي", {"value": 1000, "unit": "AED"}),
    ("مليون ريال إيراني", {"value": 1e6, "unit": "IRR"}),
    ("ملايين الدولارات", {"value": 1e6, "value_max": 1e7, "unit": "USD", "qualifier": "approximately"}),
    ("3 ملايين شيقل", {"value": 3e6, "unit": "ILS"}),
)


@pytest.mark.parametrize(("text", "expected"), CURRENCIES)
def test_currencies(text, expected):
    check(text, expected)


def test_a_currency_settled_once_stays_settled_in_the_same_text():
    found = figures("حدد السعر بـ٥٥٠٠ ليرة سورية، ومكافأة قدرها ٣٠٠ ليرة")
    assert [(f.value, f.unit) for f in found] == [(5500, "SYP"), (300, "SYP")]


QUALIFIERS = cases(
    ("نحو 500 شخص", {"qualifier": "approximately", "raw": "نحو 500 شخص"}),
    ("بنحو 5%", {"qualifier": "approximately", "raw": "نحو 5%"}),
    ("حوالي 500 شخص", {"qualifier": "approximately"}),
    ("حوالى 500 شخص", {"qualifier": "approximately"}),
    ("زهاء 500 شخص", {"qualifier": "approximately"}),
    ("ما يقارب 500 شخص", {"qualifier": "approximately", "raw": "ما يقارب 500 شخص"}),
    ("يقارب 40%", {"qualifier": "approximately"}),
    ("في حدود 500 شخص", {"qualifier": "approximately"}),
    ("500 شخص تقريبا", {"qualifier": "approximately", "raw": "500 شخص تقريبا"}),
    ("قرابة 500 شخص", {"qualifier": "nearly"}),
    ("ما يقرب من 500 شخص", {"qualifier": "nearly"}),
    ("ما يناهز 500 شخص", {"qualifier": "nearly"}),
    ("أكثر من 500 شخص", {"qualifier": "more than", "raw": "أكثر من 500 شخص"}),
    ("بأكثر من 5%", {"qualifier": "more than"}),
    ("ما يزيد على 500 شخص", {"qualifier": "more than"}),
    ("ما يزيد عن 500 شخص", {"qualifier": "more than"}),
    ("أقل من 500 شخص", {"qualifier": "less than"}),
    ("ما دون 40 بالمئة", {"qualifier": "less than"}),
    ("ما يصل إلى 500 شخص", {"qualifier": "up to", "raw": "ما يصل إلى 500 شخص"}),
    ("حتى 5 سنوات", {"qualifier": "up to"}),
    ("10 أشخاص على الأقل", {"qualifier": "at least", "raw": "10 أشخاص على الأقل"}),
    ("على الأقل 10 أشخاص", {"qualifier": "at least"}),
    ("ما لا يقل عن 10 أشخاص", {"qualifier": "at least"}),
    ("5 سنوات كحد أقصى", {"qualifier": "at most"}),
    ("ما لا يزيد عن 5 سنوات", {"qualifier": "at most"}),
    ("2500 شخص وقد يزداد", {"value": 2500, "qualifier": "may increase", "raw": "2500 شخص وقد يزداد"}),
    ("2500 شخص وقد يرتفع", {"qualifier": "may increase"}),
    ("50 قتيلا والعدد قد يرتفع", {"qualifier": None}),  # not right after the figure
    ("2500 شخص قابل للزيادة", {"qualifier": "may increase"}),
)


@pytest.mark.parametrize(("text", "expected"), QUALIFIERS)
def test_qualifiers(text, expected):
    check(text, expected)


def test_a_qualifier_before_wins_over_one_after():
    assert only("نحو 2500 شخص وقد يزداد").qualifier == "approximately"


VAGUE = cases(
    ("عشرات القتلى", {"value": 10, "value_max": 100, "qualifier": "approximately", "counted": "killed"}),
    ("مئات الجرحى", {"value": 100, "value_max": 1000, "counted": "injured"}),
    ("آلاف المتظاهرين", {"value": 1000, "value_max": 10000, "unit": "person", "unit_raw": "المتظاهرين"}),
    ("عشرات الآلاف من النازحين", {"value": 10000, "value_max": 100000, "counted": "displaced"}),
    ("مئات الآلاف من اللاجئين", {"value": 100000, "value_max": 1000000, "unit": "person"}),
    ("بضعة آلاف جندي", {"value": 3000, "value_max": 9000, "unit": "person"}),
    ("عدة آلاف جندي", {"value": 1000, "value_max": 10000, "unit": "person"}),
    ("بضعة أيام", {"value": 3, "value_max": 9, "unit": "day", "qualifier": "approximately"}),
    ("عشرات مراكز العلاج", {"value": 10, "unit": "center"}),
    ("أكثر من عشرات القتلى", {"qualifier": "more than"}),
)


@pytest.mark.parametrize(("text", "expected"), VAGUE)
def test_vague_magnitudes(text, expected):
    check(text, expected)


def test_a_vague_magnitude_without_a_noun_is_not_a_figure():
    assert figures("قال إن العشرات تجمعوا") == []
    assert figures("وصل عشرات") == []


COUNTED = cases(
    ("سقوط 5 قتلى", {"value": 5, "unit": "person", "unit_raw": "قتلى", "counted": "killed"}),
    ("10 قتلى", {"counted": "killed"}),
    ("سجلت 120 وفاة بالكوليرا", {"value": 120, "unit": "person", "unit_raw": "وفاة", "counted": "killed"}),
    ("وفاتان", {"value": 2, "counted": "killed"}),
    ("20 جريحا", {"counted": "injured"}),
    ("124 مصابا", {"counted": "injured"}),
    ("30 مصابين", {"counted": "injured"}),
    ("50 معتقلا", {"counted": "arrested"}),
    ("ألف نازح", {"counted": "displaced"}),
    ("7 مفقودين", {"counted": "missing"}),
    ("3 شهداء", {"counted": "killed"}),
    ("مقتل 10 أشخاص", {"value": 10, "unit": "person", "counted": "killed", "raw": "10 أشخاص"}),
    ("ومقتل 10 أشخاص", {"counted": "killed"}),
    ("إصابة 20 آخرين", {"unit": "person", "unit_raw": "آخرين", "counted": "injured"}),
    ("وأصيب 124 آخرون", {"counted": "injured"}),
    ("اعتقال 50 شخصا", {"counted": "arrested"}),
    ("نزوح 1000 شخص", {"counted": "displaced"}),
    ("إجلاء ٢٥٠٠ شخص", {"counted": "evacuated"}),
    ("مقتل ما لا يقل عن 10 أشخاص", {"counted": "killed", "qualifier": "at least"}),
    ("لقي 11 شخصا مصرعهم", {"counted": "killed"}),
    ("10 أشخاص قتلوا", {"counted": "killed"}),
    ("مقتل 3", {"value": 3, "unit": None, "unit_raw": None, "counted": "killed"}),
    ("قتل 30 من عناصر الحركة", {"value": 30, "unit": "person", "counted": "killed"}),
    ("حصيلة القتلى ارتفعت إلى 50", {"value": 50, "counted": "killed"}),
    ("5 حالات وفاة", {"unit": "person", "counted": "killed"}),
    ("2500 شخص", {"counted": None}),
)


@pytest.mark.parametrize(("text", "expected"), COUNTED)
def test_what_was_counted(text, expected):
    check(text, expected)


def test_two_counts_in_one_sentence():
    found = figures("قتل 9 أشخاص وأصيب 124 آخرون")
    assert [(f.value, f.counted) for f in found] == [(9, "killed"), (124, "injured")]
    found = figures("10 قتلى و20 جريحا")
    assert [(f.value, f.counted) for f in found] == [(10, "killed"), (20, "injured")]


UNITS = cases(
    ("100 كم", {"unit": "km"}),
    ("7 كيلومترات", {"unit": "km"}),
    ("680 كيلومترا", {"unit": "km"}),
    ("500 كيلومتر مربع", {"unit": "km2", "unit_raw": "كيلومتر مربع"}),
    ("500 كم2", {"unit": "km2"}),
    ("300 متر مكعب", {"unit": "m3"}),
    ("16 كيلوغراما", {"unit": "kg"}),
    ("10 أطنان", {"unit": "ton"}),
    ("1000 برميل", {"unit": "barrel"}),
    ("12 ألف هكتار", {"unit": "hectare"}),
    ("100 دونم", {"unit": "dunam"}),
    ("150 آلية", {"unit": "vehicle"}),
    ("3 دبابات", {"unit": "tank"}),
    ("5 طائرات", {"unit": "aircraft"}),
    ("10 طائرات مسيرة", {"unit": "drone"}),
    ("20 صاروخا", {"unit": "missile"}),
    ("38 مبنى", {"unit": "building"}),
    ("26 منزلا", {"unit": "house"}),
    ("3000 أسرة", {"unit": "family"}),
    ("ثلاث دول", {"unit": "country"}),
    ("15 محافظة", {"unit": "province"}),
    ("1200 شكوى", {"unit": "complaint"}),
    ("450 خيمة", {"unit": "tent"}),
    ("27 بؤرة حريق", {"unit": "fire"}),
    ("43 هزة ارتدادية", {"unit": "aftershock"}),
    ("زلزال بقوة 5.9 درجات", {"value": 5.9, "unit": "magnitude"}),
    ("40 درجة مئوية", {"value": 40, "unit": "celsius"}),
    ("انخفضت الحرارة 5 درجات", {"value": 5, "unit": "degree"}),
    ("5 فلسطينيين", {"value": 5, "unit": "person", "unit_raw": "فلسطينيين"}),
    ("3 من المسؤولين", {"value": 3, "unit": "person"}),
    ("مليون نسمة", {"unit": "person"}),
    ("2500 من الجنود", {"unit": "person", "unit_raw": "الجنود"}),
)


@pytest.mark.parametrize(("text", "expected"), UNITS)
def test_unit_table(text, expected):
    check(text, expected)


NOT_FIGURES = [
    "عام 2022",
    "العام 2022",
    "في 2022",
    "منذ عام 2014",
    "منذ 2014",
    "في 6 يناير 2022",
    "يوم 7 أكتوبر",
    "في الـ7 من أكتوبر",
    "7 تشرين الأول",
    "في 15 آذار",
    "2022م",
    "1443 هـ",
    "المادة 4 من القانون",
    "القرار 2254",
    "قرار مجلس الأمن رقم 2254",
    "البند 3",
    "الفقرة 2",
    "الساعة 5 مساء",
    "الساعة الـ5",
    "عند 5 صباحا",
    "في 10:30",
    "اتصل على الرقم 0501234567",
    "هاتف 555 123 4567",
    "+7 701 123 4567",
    "الإصدار 2.1.3",
    "النسخة 3",
    "6/1/2022",
    "طائرة F-16",
    "كوفيد-19",
    "G20",
    "قال 3 منهم إن",
    "يوم الاثنين",
    "يوم الأحد",
    "الأمين العام",
    "قتلى ومصابين",
    "أحد الجنود",
    "خلال الساعة الماضية",
    "",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(text):
    assert figures(text) == []


def test_a_date_next_to_a_figure_leaves_the_figure():
    found = figures("في 6 يناير 2022 قتل 5 أشخاص")
    assert [(f.raw, f.value, f.counted) for f in found] == [("5 أشخاص", 5, "killed")]
    found = figures("منذ عام 2014 نزح 3 ملايين شخص")
    assert [(f.value, f.counted) for f in found] == [(3e6, "displaced")]


def test_a_year_number_is_a_quantity_when_nothing_says_year():
    assert only("وصل 2000 جندي").value == 2000


def test_diacritics_and_tatweel_do_not_matter_and_stay_in_the_span():
    text = "أرسلت ثلاثـــةَ آلافٍ جنديٍّ"
    figure = only(text)
    assert (figure.value, figure.unit) == (3000, "person")
    assert figure.raw == "ثلاثـــةَ آلافٍ جنديٍّ"


def test_spans_point_into_the_text_given():
    text = "قال المتحدث: وصل 2500 جندي، وقتل 10 أشخاص خلال ساعتين."
    found = figures(text)
    assert [(f.start, f.end) for f in found] == [
        (text.index("2500"), text.index("2500") + len("2500 جندي")),
        (text.index("10 "), text.index("10 ") + len("10 أشخاص")),
        (text.index("ساعتين"), text.index("ساعتين") + len("ساعتين")),
    ]


def test_language_none_reads_arabic_and_other_languages_are_left_to_other_plugins():
    assert [f.value for f in figures_in("وصل 2500 جندي", None)] == [2500]
    assert [f.value for f in figures_in("وصل 2500 جندي", "ar-EG")] == [2500]
    assert claimtrack.find_figures("вошли 2500 солдат", "ru") == []


# -- the seed article ---------------------------------------------------------------------------


def test_seed_article(seed_text):
    found = figures(seed_text)
    summary = [(f.raw, f.value, f.value_max, f.unit, f.qualifier) for f in found]
    assert ("ساعتين إلى ثلاث ساعات", 2, 3, "hour", None) in summary
    assert ("2500 شخص وقد يزداد", 2500, None, "person", "may increase") in summary
    assert ("اليومين", 2, None, "day", None) in summary
    assert len(found) == 3, summary


# -- properties: any text ------------------------------------------------------------------------

FRAGMENTS = [
    "2,500", "٢٬٥٠٠", "٢٫٥", "۲۵", "ألفين", "وخمسمائة", "مليون", "ونصف", "آلاف", "عشرات", "بين", "من", "إلى",
    "و", "-", "$", "%", "٪", "ساعتين", "ساعات", "ثلاث", "شخص", "اليومين", "الـ", "7", "أكتوبر", "المادة",
    "عام", "2022", "+", "(", ")", ":", "/", "ـ", "ً", "\u200c", "\n", " ", "0100", "1.2.3", "قد", "يزداد",
    "وقد", "على", "الأقل", "ما", "لا", "يقل", "عن", "بضعة", "الساعات", "ال", "24", "ليرة", "سورية", "نحو",
    "حتى", "أو", "كم", "2", "مربع", "في", "المئة", "قتلى", "مقتل", "9" * 40,
]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40), st.sampled_from(["", " "]))
def test_property_fragment_soup_never_raises_and_spans_match(parts, glue):
    text = glue.join(parts)
    for figure in claimtrack.find_figures(text, "ar"):
        assert text[figure.start : figure.end] == figure.raw
        assert figure.raw == figure.raw.strip() and figure.raw
        assert figure.unit_raw is None or figure.unit_raw in figure.raw
        assert figure.value_max is None or figure.value_max > figure.value
        assert figure.unit is not None or figure.counted is not None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_property_any_unicode_never_raises_and_spans_match(text):
    for figure in claimtrack.find_figures(text, None):
        assert text[figure.start : figure.end] == figure.raw


# -- linear time ----------------------------------------------------------------------------------

MEGABYTE = 1 << 20
PATHOLOGICAL = [
    "وخمسة ",
    "ثلاثة آلاف وخمسمائة وخمسة وعشرون ",
    "من 5 إلى 6 إلى 7 إلى ",
    "بين ألفين وثلاثة آلاف و",
    "1 2 3 4 5 ",
    "٢٫٥٢٫٥",
    "1,",
    "ساعتين ",
    "عشرات الآلاف من ",
    "ما لا يقل عن ",
    "ـــــ",
    "ً",
]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("fragment", PATHOLOGICAL)
def test_a_megabyte_of_pathological_text_finishes(fragment):
    text = (fragment * (MEGABYTE // len(fragment) + 1))[:MEGABYTE]
    found = claimtrack.find_figures(text, "ar")
    assert all(text[f.start : f.end] == f.raw for f in found[:1000])


@pytest.mark.timeout(60)
def test_a_megabyte_of_news_finishes(seed_text):
    text = (seed_text * (MEGABYTE // len(seed_text) + 1))[:MEGABYTE]
    found = claimtrack.find_figures(text, "ar")
    assert len(found) >= 3 * (MEGABYTE // len(seed_text))


def test_votes_are_counted():
    from .extraction import check_figure

    check_figure("حصل المرشح على 12 ألف صوت", {"value": 12000, "unit": "vote"}, "ar")
    check_figure("نال 5 أصوات فقط", {"value": 5, "unit": "vote"}, "ar")


def test_after_a_month_a_count_is_no_part_of_the_date():
    assert [f.raw for f in figures("قتل في 7 أكتوبر 1200 شخص في الهجوم")] == ["1200 شخص"]
    assert [f.raw for f in figures("في 6 يناير 2022 قتل 5 أشخاص")] == ["5 أشخاص"]
