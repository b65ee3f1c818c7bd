"""Date references in Arabic news text: claimtrack_arabic.dates.find_dates.

Unless a test says otherwise the reference (publication date) is the seed
article's, 2022-01-06, a Thursday. Around it:

    Sun 2021-12-26  Mon 27  Tue 28  Wed 29  Thu 30  Fri 31  Sat 2022-01-01
    Sun 2022-01-02  Mon 03  Tue 04  Wed 05  Thu 06  Fri 07  Sat 08
    Sun 2022-01-09  Mon 10  Tue 11  ...
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from claimtrack_arabic.dates import MONTHS, find_dates
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack import DateMention

REF = dt.date(2022, 1, 6)


def only(text: str, ref: dt.date | None = REF) -> DateMention:
    found = find_dates(text, ref)
    assert len(found) == 1, found
    return found[0]


def check(text, raw, value, value_end=None, relation=None, ref=REF, start=None):
    """Exactly one mention: ``raw`` at ``start`` (default: where ``raw``
    first occurs in ``text``), with the value, end and relation given."""
    mention = only(text, ref)
    start = text.index(raw) if start is None else start
    assert (mention.raw, mention.start, mention.end) == (raw, start, start + len(raw))
    assert text[mention.start : mention.end] == mention.raw
    assert (mention.value, mention.value_end, mention.relation) == (value, value_end, relation)


def cases(*rows):
    """Parametrize rows (text, raw, value, value_end, relation[, ref]) with
    the text as test id."""
    return pytest.mark.parametrize(
        "text, raw, value, value_end, relation, ref",
        [row if len(row) == 6 else (*row, REF) for row in rows],
        ids=[row[0] for row in rows],
    )


# ---------------------------------------------------------------------------
# The seed article (Sputnik Arabic, 2022-01-06).
# ---------------------------------------------------------------------------


def test_seed_article(seed_text):
    found = find_dates(seed_text, REF)
    today = seed_text.index("المتحدة اليوم") + len("المتحدة ")
    expected = [
        ("بحلول يوم الجمعة", seed_text.index("بحلول يوم الجمعة"), "2022-01-07", None, "by"),
        ("اليوم", today, "2022-01-06", None, None),
        ("قبل أيام", seed_text.index("وقبل أيام") + 1, "2021-12-30", "2022-01-05", None),
        ("خلال اليومين الأخيرين", seed_text.index("خلال اليومين"), "2022-01-04", "2022-01-05", None),
    ]
    got = [(m.raw, m.start, m.value, m.value_end, m.relation) for m in found]
    assert got == expected
    for mention in found:
        assert seed_text[mention.start : mention.end] == mention.raw


@cases(
    (
        "وخلص الأمين العام للمنظمة إلى أن “نقل جميع قوات حفظ السلام إلى الجمهورية يجب أن يكتمل"
        " بحلول يوم الجمعة”.",
        "بحلول يوم الجمعة",
        "2022-01-07",
        None,
        "by",
    ),
    (
        "وقبل أيام اندلعت احتجاجات في المناطق الغربية من كازاخستان على خلفية قرار حكومي برفع أسعار الغاز",
        "قبل أيام",
        "2021-12-30",
        "2022-01-05",
        None,
    ),
    (
        "وتحولت الاحتجاجات في كازاخستان خلال اليومين الأخيرين لاشتباكات عنيفة بين المتظاهرين وقوات الأمن",
        "خلال اليومين الأخيرين",
        "2022-01-04",
        "2022-01-05",
        None,
    ),
    (
        "أن “منظمة معاهدة الأمن الجماعي أبلغت الأمم المتحدة اليوم إرسال قوات إلى كازاخستان”.",
        "اليوم",
        "2022-01-06",
        None,
        None,
    ),
)
def test_seed_sentences(text, raw, value, value_end, relation, ref):
    check(text, raw, value, value_end, relation, ref)


def test_seed_figure_is_not_a_date():
    # "في غضون ساعتين إلى ثلاث ساعات" is a time span within the day: a figure.
    assert find_dates("وستصل إلى الجمهورية في غضون ساعتين إلى ثلاث ساعات", REF) == []
    assert find_dates("ستصل إلى 2500 شخص وقد يزداد إذا لزم الأمر", REF) == []


# ---------------------------------------------------------------------------
# Weekdays.
# ---------------------------------------------------------------------------


@cases(
    # Future context: the next such day on or after the reference.
    ("بحلول يوم الجمعة", "بحلول يوم الجمعة", "2022-01-07", None, "by"),
    ("يجب أن يكتمل بحلول يوم الخميس", "بحلول يوم الخميس", "2022-01-06", None, "by"),
    ("سيزور الرئيس القاهرة يوم الاثنين", "يوم الاثنين", "2022-01-10", None, None),
    ("ستعقد القمة يوم السبت", "يوم السبت", "2022-01-08", None, None),
    ("سوف يصل الوفد الثلاثاء", "الثلاثاء", "2022-01-11", None, None),
    ("من المقرر أن يجتمع المجلس الأربعاء", "الأربعاء", "2022-01-12", None, None),
    # Past-tense verb: the most recent such day, on or before the reference.
    ("وقال الرئيس الجمعة إن الوضع مستقر", "الجمعة", "2021-12-31", None, None),
    ("أعلنت الوزارة يوم الأحد عن خطة", "يوم الأحد", "2022-01-02", None, None),
    ("وصل الوفد يوم الخميس", "يوم الخميس", "2022-01-06", None, None),
    ("وقال الوزير الخميس إن", "الخميس", "2024-03-07", None, None, dt.date(2024, 3, 11)),
    # The cue may follow when nothing precedes it in the clause.
    ("يوم الاثنين، قال الرئيس إن", "يوم الاثنين", "2022-01-03", None, None),
    # Modifiers: strictly after / strictly before the reference.
    ("الجمعة المقبلة", "الجمعة المقبلة", "2022-01-07", None, None),
    ("الخميس المقبل", "الخميس المقبل", "2022-01-13", None, None),
    ("يوم الأحد القادم", "يوم الأحد القادم", "2022-01-09", None, None),
    ("الجمعة القادمة", "الجمعة القادمة", "2022-01-07", None, None),
    ("الجمعة الماضية", "الجمعة الماضية", "2021-12-31", None, None),
    ("الجمعة الماضي", "الجمعة الماضي", "2021-12-31", None, None),
    ("الخميس الماضي", "الخميس الماضي", "2021-12-30", None, None),
    ("الأربعاء الفائت", "الأربعاء الفائت", "2022-01-05", None, None),
    ("السبت المنصرم", "السبت المنصرم", "2022-01-01", None, None),
    ("الأحد قبل الماضي", "الأحد قبل الماضي", "2021-12-26", None, None),
    # No cue: the nearest such day (three days either way at most).
    ("اجتماع الأحد", "الأحد", "2022-01-09", None, None),
    ("الاجتماع يوم الاثنين", "يوم الاثنين", "2022-01-03", None, None),
    ("صلاة الجمعة", "الجمعة", "2024-08-02", None, None, dt.date(2024, 8, 2)),
    # A clause boundary stops the context: "وصل" belongs to another sentence.
    ("وصل الوفد. ويجتمع المجلس الأحد", "الأحد", "2022-01-09", None, None),
    # Relations.
    ("منذ يوم الأحد", "منذ يوم الأحد", "2022-01-02", None, "since"),
    ("قبل يوم الجمعة", "قبل يوم الجمعة", "2022-01-07", None, "before"),
    ("حتى الأحد المقبل", "حتى الأحد المقبل", "2022-01-09", None, "until"),
    # Time of day in front.
    ("مساء الأحد", "مساء الأحد", "2022-01-09", None, None),
    ("بدأت العملية فجر الخميس", "فجر الخميس", "2024-08-01", None, None, dt.date(2024, 8, 2)),
    # Spellings.
    ("يوم الإثنين المقبل", "يوم الإثنين المقبل", "2022-01-10", None, None),
    ("الاربعاء الماضي", "الاربعاء الماضي", "2022-01-05", None, None),
    ("الثلثاء الماضي", "الثلثاء الماضي", "2022-01-04", None, None),
    ("الجمعه المقبله", "الجمعه المقبله", "2022-01-07", None, None),
)
def test_weekdays(text, raw, value, value_end, relation, ref):
    check(text, raw, value, value_end, relation, ref)


@pytest.mark.parametrize(
    "text",
    ["الأحد عشر لاعبا", "بين الاثنين", "كلا الاثنين", "الجمعية العامة", "السبتي"],
)
def test_weekday_lookalikes(text):
    assert find_dates(text, REF) == []


# ---------------------------------------------------------------------------
# Days relative to the reference.
# ---------------------------------------------------------------------------


@cases(
    ("اليوم", "اليوم", "2022-01-06", None, None),
    ("واليوم تبدأ المفاوضات", "اليوم", "2022-01-06", None, None),
    ("فاليوم", "اليوم", "2022-01-06", None, None),
    ("اليوم الخميس", "اليوم الخميس", "2022-01-06", None, None),
    ("قال الوزير اليوم (الخميس) إن", "اليوم (الخميس)", "2022-01-06", None, None),
    ("اليوم، الخميس،", "اليوم، الخميس", "2022-01-06", None, None),
    ("صباح اليوم", "صباح اليوم", "2022-01-06", None, None),
    ("فجر اليوم", "فجر اليوم", "2022-01-06", None, None),
    ("بعد ظهر اليوم", "بعد ظهر اليوم", "2022-01-06", None, None),
    ("حتى اليوم", "حتى اليوم", "2022-01-06", None, "until"),
    ("حتى يومنا هذا", "حتى يومنا هذا", "2022-01-06", None, "until"),
    ("الليلة", "الليلة", "2022-01-06", None, None),
    ("الليلة الماضية", "الليلة الماضية", "2022-01-05", None, None),
    ("أمس", "أمس", "2022-01-05", None, None),
    ("امس", "امس", "2022-01-05", None, None),
    ("وأمس", "أمس", "2022-01-05", None, None),
    ("بالأمس", "الأمس", "2022-01-05", None, None),
    ("يوم أمس", "يوم أمس", "2022-01-05", None, None),
    ("أمس الأربعاء", "أمس الأربعاء", "2022-01-05", None, None),
    ("مساء أمس", "مساء أمس", "2022-01-05", None, None),
    ("البارحة", "البارحة", "2022-01-05", None, None),
    ("منذ أمس", "منذ أمس", "2022-01-05", None, "since"),
    ("أول أمس", "أول أمس", "2022-01-04", None, None),
    ("أول من أمس", "أول من أمس", "2022-01-04", None, None),
    ("أمس الأول", "أمس الأول", "2022-01-04", None, None),
    ("قبل أمس", "قبل أمس", "2022-01-04", None, None),
    ("غدا", "غدا", "2022-01-07", None, None),
    ("غداً", "غداً", "2022-01-07", None, None),
    ("غدًا", "غدًا", "2022-01-07", None, None),
    ("الغد", "الغد", "2022-01-07", None, None),
    ("بحلول مساء الغد", "بحلول مساء الغد", "2022-01-07", None, "by"),
    ("بعد غد", "بعد غد", "2022-01-08", None, None),
    ("بعد الغد", "بعد الغد", "2022-01-08", None, None),
)
def test_day_words(text, raw, value, value_end, relation, ref):
    check(text, raw, value, value_end, relation, ref)


@pytest.mark.parametrize(
    "text",
    [
        "اليومين",
        "يومي",
        "يوميا",
        "اليومية",
        "الصحف اليومية",
        "يوميات",
        "في اليوم التالي",
        "اليوم الأول من المؤتمر",
        "اليوم العالمي للمرأة",
        "في ذلك اليوم",
        "في نفس اليوم",
        "يوم",
        "أيام",
        "لامس السقف",
        "يلامس",
    ],
)
def test_not_day_words(text):
    assert find_dates(text, REF) == []


# ---------------------------------------------------------------------------
# Calendar weeks (Sunday to Saturday), months and years.
# ---------------------------------------------------------------------------


@cases(
    ("هذا الأسبوع", "هذا الأسبوع", "2022-01-02", "2022-01-08", None),
    ("الأسبوع الجاري", "الأسبوع الجاري", "2022-01-02", "2022-01-08", None),
    ("الأسبوع الماضي", "الأسبوع الماضي", "2021-12-26", "2022-01-01", None),
    ("والأسبوع المنصرم", "الأسبوع المنصرم", "2021-12-26", "2022-01-01", None),
    ("الأسبوع المقبل", "الأسبوع المقبل", "2022-01-09", "2022-01-15", None),
    ("الأسبوع القادم", "الأسبوع القادم", "2022-01-09", "2022-01-15", None),
    ("الأسبوع قبل الماضي", "الأسبوع قبل الماضي", "2021-12-19", "2021-12-25", None),
    ("الشهر الماضي", "الشهر الماضي", "2021-12-01", "2021-12-31", None),
    ("الشهر المقبل", "الشهر المقبل", "2022-02-01", "2022-02-28", None),
    ("الشهر الجاري", "الشهر الجاري", "2022-01-01", "2022-01-31", None),
    ("هذا الشهر", "هذا الشهر", "2022-01-01", "2022-01-31", None),
    ("الشهر الحالي", "الشهر الحالي", "2022-01-01", "2022-01-31", None),
    ("العام الماضي", "العام الماضي", "2021-01-01", "2021-12-31", None),
    ("فالعام الماضي", "العام الماضي", "2021-01-01", "2021-12-31", None),
    ("العام المقبل", "العام المقبل", "2023-01-01", "2023-12-31", None),
    ("العام الجاري", "العام الجاري", "2022-01-01", "2022-12-31", None),
    ("هذا العام", "هذا العام", "2022-01-01", "2022-12-31", None),
    ("السنة الماضية", "السنة الماضية", "2021-01-01", "2021-12-31", None),
    ("السنة الحالية", "السنة الحالية", "2022-01-01", "2022-12-31", None),
    ("هذه السنة", "هذه السنة", "2022-01-01", "2022-12-31", None),
    # Beginning and end: a day.
    ("مطلع الأسبوع", "مطلع الأسبوع", "2022-01-02", None, None),
    ("نهاية الأسبوع", "نهاية الأسبوع", "2022-01-08", None, None),
    ("نهاية الشهر", "نهاية الشهر", "2022-01-31", None, None),
    ("بداية الشهر المقبل", "بداية الشهر المقبل", "2022-02-01", None, None),
    ("مطلع العام المقبل", "مطلع العام المقبل", "2023-01-01", None, None),
    ("منذ مطلع العام", "منذ مطلع العام", "2022-01-01", None, "since"),
    ("منذ مطلع العام الجاري", "منذ مطلع العام الجاري", "2022-01-01", None, "since"),
    ("بحلول نهاية العام", "بحلول نهاية العام", "2022-12-31", None, "by"),
    ("حتى نهاية العام الماضي", "حتى نهاية العام الماضي", "2021-12-31", None, "until"),
    ("قبل نهاية هذا العام", "قبل نهاية هذا العام", "2022-12-31", None, "before"),
    # Early, middle, late: a third of the period.
    ("أوائل الشهر المقبل", "أوائل الشهر المقبل", "2022-02-01", "2022-02-10", None),
    ("منتصف الشهر", "منتصف الشهر", "2022-01-11", "2022-01-20", None),
    ("أواخر الشهر الماضي", "أواخر الشهر الماضي", "2021-12-21", "2021-12-31", None),
    ("أواخر العام الماضي", "أواخر العام الماضي", "2021-09-01", "2021-12-31", None),
    ("منتصف العام", "منتصف العام", "2022-05-01", "2022-08-31", None),
)
def test_calendar_periods(text, raw, value, value_end, relation, ref):
    check(text, raw, value, value_end, relation, ref)


@pytest.mark.parametrize(
    "text",
    ["الأمين العام", "الرأي العام", "العام المالي الماضي", "الشهر", "الأسبوع", "شهر العسل", "الموسم الماضي"],
)
def test_not_calendar_periods(text):
    assert find_dates(text, REF) == []


# ---------------------------------------------------------------------------
# Durations from the reference: ago, since, later, within.
# ---------------------------------------------------------------------------


@cases(
    ("قبل يومين", "قبل يومين", "2022-01-04", None, None),
    ("منذ يومين", "منذ يومين", "2022-01-04", None, "since"),
    ("قبل 3 أيام", "قبل 3 أيام", "2022-01-03", None, None),
    ("قبل ٣ أيام", "قبل ٣ أيام", "2022-01-03", None, None),
    ("منذ ثلاثة أيام", "منذ ثلاثة أيام", "2022-01-03", None, "since"),
    ("قبل خمسة أيام", "قبل خمسة أيام", "2022-01-01", None, None),
    ("قبل 15 يوما", "قبل 15 يوما", "2021-12-22", None, None),
    ("قبل أحد عشر يوما", "قبل أحد عشر يوما", "2021-12-26", None, None),
    ("قبل يوم واحد", "قبل يوم واحد", "2022-01-05", None, None),
    ("قبل أسبوع", "قبل أسبوع", "2021-12-30", None, None),
    ("قبل أسبوعين", "قبل أسبوعين", "2021-12-23", None, None),
    ("منذ ثلاثة أسابيع", "منذ ثلاثة أسابيع", "2021-12-16", None, "since"),
    ("قبل شهر", "قبل شهر", "2021-12-06", None, None),
    ("منذ شهرين", "منذ شهرين", "2021-11-06", None, "since"),
    ("قبل ستة أشهر", "قبل ستة أشهر", "2021-07-06", None, None),
    ("قبل عام", "قبل عام", "2021-01-06", None, None),
    ("قبل عامين", "قبل عامين", "2020-01-06", None, None),
    ("منذ نحو عامين", "منذ نحو عامين", "2020-01-06", None, "since"),
    ("قبل خمس سنوات", "قبل خمس سنوات", "2017-01-06", None, None),
    ("قبل 10 سنوات", "قبل 10 سنوات", "2012-01-06", None, None),
    ("قبل 48 ساعة", "قبل 48 ساعة", "2022-01-04", None, None),
    ("قبل ساعات", "قبل ساعات", "2022-01-06", None, None),
    # A vague few days: the seven days before the reference.
    ("قبل أيام", "قبل أيام", "2021-12-30", "2022-01-05", None),
    ("منذ أيام", "منذ أيام", "2021-12-30", "2022-01-05", "since"),
    ("قبل بضعة أيام", "قبل بضعة أيام", "2021-12-30", "2022-01-05", None),
    ("قبل أيام قليلة", "قبل أيام قليلة", "2021-12-30", "2022-01-05", None),
    ("قبل عدة أيام", "قبل عدة أيام", "2021-12-30", "2022-01-05", None),
    # Vague weeks, months, years: found, not resolved.
    ("قبل سنوات", "قبل سنوات", None, None, None),
    ("منذ أشهر", "منذ أشهر", None, None, "since"),
    ("قبل أسابيع", "قبل أسابيع", None, None, None),
    # Later, within.
    ("بعد يومين", "بعد يومين", "2022-01-08", None, None),
    ("بعد أسبوع", "بعد أسبوع", "2022-01-13", None, None),
    ("بعد ثلاثة أشهر", "بعد ثلاثة أشهر", "2022-04-06", None, None),
    ("بعد أيام", "بعد أيام", "2022-01-07", "2022-01-13", None),
    ("في غضون أسبوعين", "في غضون أسبوعين", "2022-01-06", "2022-01-20", None),
    ("في غضون أيام", "في غضون أيام", "2022-01-06", "2022-01-13", None),
)
def test_durations(text, raw, value, value_end, relation, ref):
    check(text, raw, value, value_end, relation, ref)


@pytest.mark.parametrize(
    "text",
    [
        "في غضون ساعتين",  # later today: a time, not a date
        "بعد دقائق",
        "قبل يومين من الانتخابات",  # counted from an event, not from the reference
        "بعد أسبوع على الحادث",
        "بعد شهر رمضان",
        "قبل عام الانتخابات",
        "خلال يومين",  # a bare duration is a figure
        "لمدة ستة أيام",
        "يومين",
    ],
)
def test_not_durations(text):
    assert find_dates(text, REF) == []


# ---------------------------------------------------------------------------
# The last / next N days, weeks, hours.
# ---------------------------------------------------------------------------


@cases(
    ("خلال اليومين الأخيرين", "خلال اليومين الأخيرين", "2022-01-04", "2022-01-05", None),
    ("خلال اليومين الماضيين", "خلال اليومين الماضيين", "2022-01-04", "2022-01-05", None),
    ("اليومين المقبلين", "اليومين المقبلين", "2022-01-07", "2022-01-08", None),
    ("خلال الساعات الـ24 الماضية", "خلال الساعات الـ24 الماضية", "2022-01-05", "2022-01-06", None),
    ("خلال الـ48 ساعة الماضية", "خلال الـ48 ساعة الماضية", "2022-01-04", "2022-01-06", None),
    ("خلال آخر 24 ساعة", "خلال آخر 24 ساعة", "2022-01-05", "2022-01-06", None),
    ("آخر 3 أيام", "آخر 3 أيام", "2022-01-03", "2022-01-05", None),
    ("الأيام الثلاثة الماضية", "الأيام الثلاثة الماضية", "2022-01-03", "2022-01-05", None),
    ("الأيام الثلاثة المقبلة", "الأيام الثلاثة المقبلة", "2022-01-07", "2022-01-09", None),
    ("في الأيام الأخيرة", "الأيام الأخيرة", "2021-12-30", "2022-01-05", None),
    ("خلال الأيام القليلة الماضية", "خلال الأيام القليلة الماضية", "2021-12-30", "2022-01-05", None),
    ("الأيام المقبلة", "الأيام المقبلة", "2022-01-07", "2022-01-13", None),
    ("الأسبوعين الماضيين", "الأسبوعين الماضيين", "2021-12-23", "2022-01-05", None),
    ("خلال الأشهر الستة الماضية", "خلال الأشهر الستة الماضية", "2021-07-06", "2022-01-05", None),
    ("العامين الماضيين", "العامين الماضيين", "2020-01-06", "2022-01-05", None),
    ("خلال الأشهر المقبلة", "خلال الأشهر المقبلة", None, None, None),
)
def test_last_and_next_periods(text, raw, value, value_end, relation, ref):
    check(text, raw, value, value_end, relation, ref)


@cases(
    ("في وقت سابق من اليوم", "في وقت سابق من اليوم", "2022-01-06", None, None),
    ("وفي وقت سابق اليوم", "في وقت سابق اليوم", "2022-01-06", None, None),
    ("في وقت لاحق من اليوم", "في وقت لاحق من اليوم", "2022-01-06", None, None),
    ("في وقت سابق من هذا الأسبوع", "في وقت سابق من هذا الأسبوع", "2022-01-02", "2022-01-06", None),
    ("في وقت لاحق من هذا الشهر", "في وقت لاحق من هذا الشهر", "2022-01-06", "2022-01-31", None),
    ("في وقت سابق من العام الماضي", "في وقت سابق من العام الماضي", "2021-01-01", "2021-12-31", None),
)
def test_earlier_and_later(text, raw, value, value_end, relation, ref):
    check(text, raw, value, value_end, relation, ref)


# ---------------------------------------------------------------------------
# Explicit dates.
# ---------------------------------------------------------------------------


@cases(
    ("6 يناير 2022", "6 يناير 2022", "2022-01-06", None, None),
    ("في 6 كانون الثاني/يناير 2022", "6 كانون الثاني/يناير 2022", "2022-01-06", None, None),
    ("6 كانون الثاني / يناير 2022", "6 كانون الثاني / يناير 2022", "2022-01-06", None, None),
    ("19 كانون الثاني (يناير)", "19 كانون الثاني (يناير)", "2022-01-19", None, None),
    ("15 نيسان/أبريل 2023،", "15 نيسان/أبريل 2023", "2023-04-15", None, None),
    ("في 19 يناير", "19 يناير", "2022-01-19", None, None),
    ("الـ7 من أكتوبر", "الـ7 من أكتوبر", "2021-10-07", None, None),
    ("7 من أكتوبر", "7 من أكتوبر", "2021-10-07", None, None),
    ("السابع من أكتوبر", "السابع من أكتوبر", "2021-10-07", None, None),
    ("اعتبارا من الأول من فبراير", "اعتبارا من الأول من فبراير", "2022-02-01", None, "since"),
    ("الحادي والثلاثين من ديسمبر", "الحادي والثلاثين من ديسمبر", "2021-12-31", None, None),
    ("الثاني عشر من يناير", "الثاني عشر من يناير", "2022-01-12", None, None),
    ("يوم 5 يناير", "يوم 5 يناير", "2022-01-05", None, None),
    ("الجمعة 7 يناير 2022", "الجمعة 7 يناير 2022", "2022-01-07", None, None),
    ("يوم الجمعة الموافق 7 يناير 2022", "يوم الجمعة الموافق 7 يناير 2022", "2022-01-07", None, None),
    ("الاثنين، 3 يناير", "الاثنين، 3 يناير", "2022-01-03", None, None),
    ("31 ديسمبر 2021م", "31 ديسمبر 2021م", "2021-12-31", None, None),
    ("7 أكتوبر من عام 2023", "7 أكتوبر من عام 2023", "2023-10-07", None, None),
    # Year from the reference: the nearest occurrence...
    ("20 ديسمبر", "20 ديسمبر", "2021-12-20", None, None),
    ("20 يونيو", "20 يونيو", "2022-06-20", None, None),
    ("10 يوليو", "10 يوليو", "2021-07-10", None, None),
    # ... or the latest before, the first after, in the same year.
    ("7 يناير الماضي", "7 يناير الماضي", "2021-01-07", None, None),
    ("5 يناير الماضي", "5 يناير الماضي", "2022-01-05", None, None),
    ("20 يونيو الماضي", "20 يونيو الماضي", "2021-06-20", None, None),
    ("3 يناير المقبل", "3 يناير المقبل", "2023-01-03", None, None),
    ("5 يناير الجاري", "5 يناير الجاري", "2022-01-05", None, None),
    ("5 يناير من العام الماضي", "5 يناير من العام الماضي", "2021-01-05", None, None),
    ("في 28 فبراير من هذا العام", "28 فبراير من هذا العام", "2022-02-28", None, None),
    ("25 أيار/مايو الماضي", "25 أيار/مايو الماضي", "2021-05-25", None, None),
    # Ranges of days.
    ("5-7 يناير", "5-7 يناير", "2022-01-05", "2022-01-07", None),
    ("من 5 إلى 7 يناير 2022", "5 إلى 7 يناير 2022", "2022-01-05", "2022-01-07", None),
    ("يومي 5 و6 يناير", "5 و6 يناير", "2022-01-05", "2022-01-06", None),
    # Relations.
    ("بحلول 15 يناير", "بحلول 15 يناير", "2022-01-15", None, "by"),
    ("في موعد أقصاه 15 يناير", "في موعد أقصاه 15 يناير", "2022-01-15", None, "by"),
    ("حتى 31 مارس", "حتى 31 مارس", "2022-03-31", None, "until"),
    ("قبل 20 يناير", "قبل 20 يناير", "2022-01-20", None, "before"),
    ("بعد 1 فبراير", "بعد 1 فبراير", "2022-02-01", None, "after"),
    ("منذ 1 ديسمبر", "منذ 1 ديسمبر", "2021-12-01", None, "since"),
    ("اعتباراً من 1 فبراير", "اعتباراً من 1 فبراير", "2022-02-01", None, "since"),
    ("ابتداءً من 1 فبراير", "ابتداءً من 1 فبراير", "2022-02-01", None, "since"),
)
def test_explicit_dates(text, raw, value, value_end, relation, ref):
    check(text, raw, value, value_end, relation, ref)


@cases(
    ("7/1/2022", "7/1/2022", "2022-01-07", None, None),
    ("07-01-2022", "07-01-2022", "2022-01-07", None, None),
    ("7.1.2022", "7.1.2022", "2022-01-07", None, None),
    ("٧/١/٢٠٢٢", "٧/١/٢٠٢٢", "2022-01-07", None, None),
    ("2022-01-07", "2022-01-07", "2022-01-07", None, None),
    ("2022/1/7", "2022/1/7", "2022-01-07", None, None),
    ("رام الله 28-10-2024 وفا", "28-10-2024", "2024-10-28", None, None),
    ("حتى 31/12/2022", "حتى 31/12/2022", "2022-12-31", None, "until"),
)
def test_numeric_dates(text, raw, value, value_end, relation, ref):
    check(text, raw, value, value_end, relation, ref)


@pytest.mark.parametrize("text", ["31/2/2022", "7/13/2022", "7/1-2022", "1/2", "3.5", "12/2022", "7/1/20221"])
def test_not_numeric_dates(text):
    assert find_dates(text, REF) == []


#: Every month name, as written (hamza and all), with its month.
MONTH_SPELLINGS = [
    *[
        (name, i)
        for i, names in enumerate(
            [
                "يناير كانون·الثاني جانفي",
                "فبراير شباط فيفري",
                "مارس آذار",
                "أبريل إبريل ابريل نيسان أفريل",
                "مايو أيار ماي",
                "يونيو يونيه حزيران جوان",
                "يوليو يوليه تموز جويلية يوليوز",
                "أغسطس آب أوت غشت",
                "سبتمبر أيلول شتنبر",
                "أكتوبر تشرين·الأول",
                "نوفمبر تشرين·الثاني نونبر",
                "ديسمبر كانون·الأول دجنبر",
            ],
            start=1,
        )
        for name in names.replace("·", "\x00").split()
    ]
]
MONTH_SPELLINGS = [(name.replace("\x00", " "), month) for name, month in MONTH_SPELLINGS]


@pytest.mark.parametrize("name, month", MONTH_SPELLINGS, ids=[n for n, _ in MONTH_SPELLINGS])
def test_every_month_name(name, month):
    text = f"وقع ذلك في 15 {name} 2021، حسب البيان"
    check(text, f"15 {name} 2021", f"2021-{month:02d}-15")


def test_month_table_is_complete():
    assert sorted(set(MONTHS.values())) == list(range(1, 13))


@cases(
    ("في يناير الماضي", "يناير الماضي", "2021-01-01", "2021-01-31", None),
    ("في آذار/مارس الماضي", "آذار/مارس الماضي", "2021-03-01", "2021-03-31", None),
    ("تشرين الأول/أكتوبر الماضي", "تشرين الأول/أكتوبر الماضي", "2021-10-01", "2021-10-31", None),
    ("في يناير", "يناير", "2022-01-01", "2022-01-31", None),
    ("في أبريل", "أبريل", "2022-04-01", "2022-04-30", None),
    ("في سبتمبر", "سبتمبر", "2021-09-01", "2021-09-30", None),
    ("في مارس", "مارس", "2022-03-01", "2022-03-31", None),
    ("خلال شهر مارس", "شهر مارس", "2022-03-01", "2022-03-31", None),
    ("في شباط/فبراير", "شباط/فبراير", "2022-02-01", "2022-02-28", None),
    ("أيار/مايو 2021", "أيار/مايو 2021", "2021-05-01", "2021-05-31", None),
    ("أيلول 2020", "أيلول 2020", "2020-09-01", "2020-09-30", None),
    ("حزيران المقبل", "حزيران المقبل", "2022-06-01", "2022-06-30", None),
    ("يونيو من العام المقبل", "يونيو من العام المقبل", "2023-06-01", "2023-06-30", None),
    ("في يونيو من هذه السنة", "يونيو من هذه السنة", "2022-06-01", "2022-06-30", None),
    ("منذ كانون الثاني/يناير", "منذ كانون الثاني/يناير", "2022-01-01", "2022-01-31", "since"),
    ("نهاية أيار/مايو", "نهاية أيار/مايو", "2022-05-31", None, None),
    ("بحلول نهاية تشرين الثاني/نوفمبر", "بحلول نهاية تشرين الثاني/نوفمبر", "2022-11-30", None, "by"),
    ("أوائل يناير", "أوائل يناير", "2022-01-01", "2022-01-10", None),
    ("15 آب 2021", "15 آب 2021", "2021-08-15", None, None),
    ("آب 2021", "آب 2021", "2021-08-01", "2021-08-31", None),
    ("ماي 2021", "ماي 2021", "2021-05-01", "2021-05-31", None),
)
def test_months(text, raw, value, value_end, relation, ref):
    check(text, raw, value, value_end, relation, ref)


@pytest.mark.parametrize(
    "text",
    ["مارس ضغوطا كبيرة", "مارس الرياضة", "أب وأم", "آب", "ماي", "يناير", "سيارة نيسان"],
)
def test_not_months(text):
    assert find_dates(text, REF) == []


@cases(
    ("عام 2021", "عام 2021", "2021-01-01", "2021-12-31", None),
    ("في عام 2023.", "عام 2023", "2023-01-01", "2023-12-31", None),
    ("العام 2021", "العام 2021", "2021-01-01", "2021-12-31", None),
    ("سنة 2019", "سنة 2019", "2019-01-01", "2019-12-31", None),
    ("عام 2021م", "عام 2021م", "2021-01-01", "2021-12-31", None),
    ("عامي 2020 و2021", "عامي 2020 و2021", "2020-01-01", "2021-12-31", None),
    ("بين عامي 2024 و2027", "عامي 2024 و2027", "2024-01-01", "2027-12-31", None),
    ("منذ 2014", "منذ 2014", "2014-01-01", "2014-12-31", "since"),
    ("منذ عام 2013", "منذ عام 2013", "2013-01-01", "2013-12-31", "since"),
    ("حتى 2030", "حتى 2030", "2030-01-01", "2030-12-31", "until"),
    ("بحلول عام 2030", "بحلول عام 2030", "2030-01-01", "2030-12-31", "by"),
    ("بعد عام 2000", "بعد عام 2000", "2000-01-01", "2000-12-31", "after"),
    ("قبل عام 2020", "قبل عام 2020", "2020-01-01", "2020-12-31", "before"),
    ("نهاية 2021", "نهاية 2021", "2021-12-31", None, None),
    ("مطلع عام 2022", "مطلع عام 2022", "2022-01-01", None, None),
    ("أواخر 2021", "أواخر 2021", "2021-09-01", "2021-12-31", None),
)
def test_years(text, raw, value, value_end, relation, ref):
    check(text, raw, value, value_end, relation, ref)


@pytest.mark.parametrize(
    "text",
    ["2021", "في 2500 موقع", "2500 شخص", "عام 5000", "منذ 2000 عام", "قبل 1500 سنة", "العام"],
)
def test_not_years(text):
    found = find_dates(text, REF)
    # "منذ 2000 عام" is a duration (2000 years ago), not the year 2000.
    assert all(not (m.value or "").startswith("2000-01-01") for m in found)
    if text not in ("منذ 2000 عام", "قبل 1500 سنة"):
        assert found == []


# ---------------------------------------------------------------------------
# Spellings: diacritics, tatweel, hamza, ta marbuta, digits, prefixes.
# ---------------------------------------------------------------------------


def test_diacritics_are_kept_in_the_span():
    text = "وَصَلَ الوَفْدُ الجُمُعَةَ المُقْبِلَةَ"
    mention = only(text)
    assert mention.raw == "الجُمُعَةَ المُقْبِلَةَ"
    assert (mention.start, mention.end) == (16, 39)
    assert mention.value == "2022-01-07"


def test_tatweel():
    check("الجمعـــة المقبلـة", "الجمعـــة المقبلـة", "2022-01-07")


def test_trailing_tanwin_is_in_the_span():
    text = "سيصل الوفد غداً."
    mention = only(text)
    assert (mention.raw, mention.start, mention.end) == ("غداً", 11, 15)


@pytest.mark.parametrize(
    "text, value",
    [
        ("٦ يناير ٢٠٢٢", "2022-01-06"),
        ("۶ يناير ۲۰۲۲", "2022-01-06"),
        ("6 يناير 2022", "2022-01-06"),
        ("قبل ٣ أيام", "2022-01-03"),
        ("الساعات الـ٢٤ الماضية", "2022-01-05"),
    ],
)
def test_digit_scripts(text, value):
    check(text, text, value, only(text).value_end)


@pytest.mark.parametrize(
    "text, value",
    [
        ("أمس", "2022-01-05"),
        ("إمس", "2022-01-05"),
        ("حتى اليوم", "2022-01-06"),
        ("حتي اليوم", "2022-01-06"),
        ("السنة الماضية", "2021-01-01"),
        ("السنه الماضيه", "2021-01-01"),
        ("الليلة", "2022-01-06"),
        ("الليله", "2022-01-06"),
        ("آذار 2021", "2021-03-01"),
        ("اذار 2021", "2021-03-01"),
        ("أغسطس 2021", "2021-08-01"),
        ("اغسطس 2021", "2021-08-01"),
        ("إبريل 2021", "2021-04-01"),
    ],
)
def test_letter_variants(text, value):
    assert only(text).value == value


@pytest.mark.parametrize(
    "text, raw, start",
    [
        ("وبحلول يوم الجمعة", "بحلول يوم الجمعة", 1),
        ("وقبل أيام", "قبل أيام", 1),
        ("فالعام الماضي", "العام الماضي", 1),
        ("بالأمس", "الأمس", 1),
        ("والأسبوع الماضي", "الأسبوع الماضي", 1),
        ("وفي 19 يناير", "19 يناير", 4),
        ("وأمس", "أمس", 1),
    ],
)
def test_clitics_are_not_in_the_span(text, raw, start):
    mention = only(text)
    assert (mention.raw, mention.start, mention.end) == (raw, start, start + len(raw))


# ---------------------------------------------------------------------------
# Several mentions, no reference, odd input.
# ---------------------------------------------------------------------------


def test_several_mentions_in_order():
    text = "قال الوزير أمس إن الشحنة وصلت في 3 يناير، وستصل أخرى الأسبوع المقبل، بعد وصول دفعة قبل يومين."
    found = find_dates(text, REF)
    assert [(m.raw, m.value, m.value_end) for m in found] == [
        ("أمس", "2022-01-05", None),
        ("3 يناير", "2022-01-03", None),
        ("الأسبوع المقبل", "2022-01-09", "2022-01-15"),
        ("قبل يومين", "2022-01-04", None),
    ]
    assert [m.start for m in found] == sorted(m.start for m in found)


@cases(
    ("بحلول يوم الجمعة", "بحلول يوم الجمعة", None, None, "by", None),
    ("قبل يومين", "قبل يومين", None, None, None, None),
    ("الأسبوع الماضي", "الأسبوع الماضي", None, None, None, None),
    ("في 19 يناير", "19 يناير", None, None, None, None),
    ("6 يناير 2022", "6 يناير 2022", "2022-01-06", None, None, None),
    ("7/1/2022", "7/1/2022", "2022-01-07", None, None, None),
    ("عام 2021", "عام 2021", "2021-01-01", "2021-12-31", None, None),
    ("منذ 2014", "منذ 2014", "2014-01-01", "2014-12-31", "since", None),
)
def test_without_reference(text, raw, value, value_end, relation, ref):
    check(text, raw, value, value_end, relation, ref)


@pytest.mark.parametrize(
    "reference", [dt.datetime(2022, 1, 6, 14, 30), "2022-01-06", "2022-01-06T14:30:00+03:00"]
)
def test_reference_forms(reference):
    assert only("أمس", reference).value == "2022-01-05"


@pytest.mark.parametrize("text", ["", None, 42, b"\xd8\xa7\xd9\x84\xd9\x8a\xd9\x88\xd9\x85"])
def test_not_text(text):
    assert find_dates(text, REF) == []


def test_bad_reference_is_no_reference():
    assert only("أمس", "not a date").value is None


@pytest.mark.parametrize("reference", [dt.date.min, dt.date.max, dt.date(1, 1, 2), dt.date(9999, 12, 30)])
def test_extreme_references(reference):
    text = (
        "قبل عامين وبعد أيام وفي 19 يناير وفي يناير الماضي وغدا والعام المقبل ويوم الجمعة"
        " وخلال اليومين المقبلين وعام 2021 و7/1/2022"
    )
    for mention in find_dates(text, reference):
        assert text[mention.start : mention.end] == mention.raw


# ---------------------------------------------------------------------------
# Explicit Gregorian dates agree with dateparser (which knows only the
# Egyptian/Gulf month names; it is not used at run time).
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "6 يناير 2022",
        "29 فبراير 2020",
        "1 مارس 2021",
        "15 أبريل 2019",
        "15 إبريل 2019",
        "31 مايو 2024",
        "30 يونيو 2023",
        "4 يوليو 1990",
        "20 أغسطس 2021",
        "11 سبتمبر 2001",
        "7 أكتوبر 2023",
        "9 نوفمبر 1989",
        "25 ديسمبر 2000",
    ],
)
def test_agrees_with_dateparser(text):
    dateparser = pytest.importorskip("dateparser")
    expected = dateparser.parse(text, languages=["ar"], settings={"DATE_ORDER": "DMY"})
    assert expected is not None
    assert only(text).value == expected.date().isoformat()


# ---------------------------------------------------------------------------
# Properties: never raises, spans are exact, output is well formed.
# ---------------------------------------------------------------------------

#: Pieces that make up date expressions, and things that look like them.
WORDS = """اليوم أمس الأمس غدا غداً الغد الليلة يوم أول من بعد قبل منذ حتى بحلول اعتبارا خلال في غضون
    الجمعة الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس السبت المقبل المقبلة الماضي الماضية القادم
    الجاري هذا هذه الأسبوع الشهر العام السنة عام سنة مطلع نهاية أواخر منتصف يناير كانون الثاني الأول
    تشرين آب أب مارس شهر أيام يومين اليومين أسبوعين الأخيرين الماضيين الساعات ساعة ساعات الـ ال
    الـ24 24 7 19 2022 ٢٠٢٢ ٧ 31 / - ( ) ، . و ف ب وقت سابق لاحق بضعة ثلاثة السابع الحادي عشر
    والعشرين صباح مساء فجر ظهر اليومية يومي الموافق م"""
VOCABULARY = [
    *WORDS.split(),
    " ",
    "  ",
    "\n",
    "\u064e",  # fatha
    "\u064b",  # tanwin
    "\u0640",  # tatweel
    "\u200f",  # RLM
]

text_from_vocabulary = st.lists(st.sampled_from(VOCABULARY), max_size=40).map(
    lambda words: "".join(w if w.strip() == "" or w in "\u064e\u064b\u0640\u200f" else w + " " for w in words)
)
any_text = st.one_of(st.text(max_size=300), text_from_vocabulary)
references = st.one_of(st.none(), st.dates())
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def assert_well_formed(text: str, found: list[DateMention]) -> None:
    previous_end = 0
    for mention in found:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.raw
        assert mention.start >= previous_end, "mentions overlap or are out of order"
        previous_end = mention.end
        assert mention.value is None or ISO.fullmatch(mention.value)
        assert mention.value_end is None or (mention.value is not None and ISO.fullmatch(mention.value_end))
        if mention.value_end is not None:
            assert mention.value_end >= mention.value
        assert mention.relation in (None, "by", "before", "after", "since", "until")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, references)
def test_property_never_raises_and_spans_match(text, reference):
    assert_well_formed(text, find_dates(text, reference))


@settings(max_examples=200, deadline=None)
@given(text_from_vocabulary, st.data())
def test_property_diacritics_and_digit_scripts_do_not_change_values(text, data):
    """Adding harakat or tatweel after letters, or writing digits in
    Arabic-Indic, changes spans but never what is found."""
    marks = data.draw(
        st.lists(st.sampled_from(["\u064e", "\u0650", "\u0651", "\u0640", ""]), min_size=len(text))
    )
    arabic_letter = re.compile("[\u0621-\u063a\u0641-\u064a]")
    decorated = "".join(
        c + (m if arabic_letter.match(c) else "") for c, m in zip(text, marks[: len(text)], strict=True)
    )
    decorated = decorated.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    plain = find_dates(text, REF)
    fancy = find_dates(decorated, REF)
    assert_well_formed(decorated, fancy)
    assert [(m.value, m.value_end, m.relation) for m in fancy] == [
        (m.value, m.value_end, m.relation) for m in plain
    ]


# ---------------------------------------------------------------------------
# Pathological input: linear time, bounded by the timeout, not by asserting
# on elapsed time.
# ---------------------------------------------------------------------------

MEGABYTE = 1_000_000

PATHOLOGICAL = {
    "spaces": " " * MEGABYTE,
    "one letter": "ا" * MEGABYTE,
    "digits": "7" * MEGABYTE,
    "digits and spaces": "7 " * (MEGABYTE // 2),
    "slashes": "7/" * (MEGABYTE // 2),
    "relation words": "قبل " * (MEGABYTE // 4),
    "relation then blanks": ("قبل" + " " * 50) * (MEGABYTE // 53),
    "harakat": "\u064e" * MEGABYTE,
    "tatweel in words": "الجمعـ" * (MEGABYTE // 6),
    "dates back to back": "7 يناير 2022 " * (MEGABYTE // 13),
    "unfinished months": "7 كانون الثاني/ " * (MEGABYTE // 16),
    "weekdays": "الجمعة، " * (MEGABYTE // 8),
    "one line, no spaces": ("اليوم" + "أمس") * (MEGABYTE // 8),
    "random code points": "".join(chr(0x600 + (i * 7919) % 0x400) for i in range(MEGABYTE)),
}


@pytest.mark.timeout(40)
@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_megabyte(name):
    text = PATHOLOGICAL[name]
    found = find_dates(text, REF)
    assert_well_formed(text, found[:1000])
