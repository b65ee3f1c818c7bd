"""The Arabic extractor on constructions agency copy uses, and on text that
must not produce claims or exceptions."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack import Document, extract

from .extraction import claims_in, summarize


def claims_of(text: str, published: str = "2024-03-12"):
    return claims_in(text, "ar", published)


def summary(text: str):
    return summarize(claims_of(text))


def test_quote_then_attribution():
    text = "«لن نقبل بأي تسوية على حساب شعبنا»، قال وزير الخارجية الأردني أيمن الصفدي في مؤتمر صحفي."
    assert summary(text) == [("direct", "أيمن الصفدي", "لن نقبل بأي تسوية على حساب شعبنا")]
    assert claims_of(text)[0].speaker.role == "وزير الخارجية الأردني"


def test_colon_introduces_quote():
    text = "وقال رئيس الوزراء العراقي محمد شياع السوداني: ″الحكومة ماضية في تنفيذ برنامجها″."
    assert summary(text) == [("direct", "محمد شياع السوداني", "الحكومة ماضية في تنفيذ برنامجها")]


def test_feminine_verb_and_institution():
    text = "وقالت وزارة الصحة الفلسطينية في بيان إن عدد الإصابات ارتفع إلى 340 إصابة."
    [claim] = claims_of(text)
    assert claim.kind == "indirect"
    assert claim.speaker.name == "وزارة الصحة الفلسطينية"
    assert claim.speaker.kind == "institution"
    assert claim.text == "عدد الإصابات ارتفع إلى 340 إصابة"


def test_institution_short_form_resolves():
    text = (
        "أعلنت وزارة الدفاع الروسية أن قواتها أسقطت 12 طائرة مسيرة.\n"
        "وأضافت الوزارة أن الدفاعات الجوية تعمل بكفاءة عالية."
    )
    claims = claims_of(text)
    assert [c.speaker.name for c in claims] == ["وزارة الدفاع الروسية"] * 2
    assert "الوزارة" in claims[1].speaker.aliases


def test_according_to_before_and_after():
    before = "وبحسب وكالة الأنباء الرسمية، فإن المحادثات ستستأنف الأسبوع المقبل في جنيف."
    [claim] = claims_of(before)
    assert (claim.kind, claim.speaker.name) == ("indirect", "وكالة الأنباء الرسمية")
    assert claim.text == "المحادثات ستستأنف الأسبوع المقبل في جنيف"
    after = "وارتفعت أسعار الخبز بنسبة 20 في المئة خلال شهر واحد، وفقا لجهاز الإحصاء المركزي."
    [claim] = claims_of(after)
    assert claim.speaker.name == "جهاز الإحصاء المركزي"
    assert claim.text == "وارتفعت أسعار الخبز بنسبة 20 في المئة خلال شهر واحد"


def test_participle_continues_the_speaker():
    text = "وقال الرئيس الفرنسي إيمانويل ماكرون إن بلاده ستواصل دعمها، مضيفا أن الحل يجب أن يكون سياسيا."
    claims = claims_of(text)
    assert [(c.speaker.name, c.text) for c in claims] == [
        ("إيمانويل ماكرون", "بلاده ستواصل دعمها"),
        ("إيمانويل ماكرون", "الحل يجب أن يكون سياسيا"),
    ]


def test_continuation_without_subject_and_surname():
    text = (
        "وقال المتحدث باسم الكرملين، دميتري بيسكوف، إن موسكو لم تتلق أي طلب رسمي.\n"
        "وتابع: «سننظر في أي مبادرة جدية».\n"
        "وأشار بيسكوف إلى أن الاتصالات مستمرة على مستوى الخبراء."
    )
    claims = claims_of(text)
    assert [c.speaker.name for c in claims] == ["دميتري بيسكوف"] * 3
    assert [c.kind for c in claims] == ["indirect", "direct", "indirect"]


def test_name_inside_quote_is_not_the_speaker():
    text = "وقال وزير الخارجية الإيراني حسين أمير عبد اللهيان إن “ما قاله بلينكن أمس لا يعكس الواقع”."
    [claim] = claims_of(text)
    assert claim.speaker.name == "حسين أمير عبد اللهيان"
    assert claim.kind == "direct"


def test_nested_quotes_keep_the_outer_speaker():
    text = (
        "وأضافت المتحدثة باسم الخارجية الروسية، ماريا زاخاروفا، "
        "أن “عبارة «السلام العادل» لا معنى لها بلا أفعال”."
    )
    [claim] = claims_of(text)
    assert claim.speaker.name == "ماريا زاخاروفا"
    assert claim.text == "عبارة «السلام العادل» لا معنى لها بلا أفعال"


def test_recipient_interview_and_agency():
    text = (
        "وقال السفير الروسي لدى دمشق، ألكسندر يفيموف، في مقابلة مع قناة الإخبارية السورية، إن العلاقات متينة."
    )
    [claim] = claims_of(text)
    assert claim.recipient == "قناة الإخبارية السورية"
    assert claim.speaker.name == "ألكسندر يفيموف"
    text = "ونقلت وكالة تاس عن نائب وزير الخارجية قوله إن الاجتماع سيعقد في موعده."
    [claim] = claims_of(text)
    assert claim.speaker.name == "نائب وزير الخارجية"
    assert claim.recipient == "وكالة تاس"


def test_anonymous_source():
    text = "وقال مصدر أمني لوكالة الأنباء إن ثلاثة مسلحين قتلوا في الاشتباك."
    [claim] = claims_of(text)
    assert claim.speaker.name == "مصدر أمني"


def test_sentences_without_attribution_or_figures_are_not_claims():
    text = "ويأتي ذلك في إطار جهود دولية لتهدئة الأوضاع. وتشهد المنطقة توترا متصاعدا."
    assert claims_of(text) == []


def test_reported_fact_needs_a_figure_or_a_date():
    text = "وأدى الزلزال إلى مقتل 45 شخصا وإصابة العشرات. وتضررت مبان كثيرة في المدينة."
    [claim] = claims_of(text)
    assert claim.kind == "reported" and claim.speaker is None
    assert claim.figures and claim.figures[0].value == 45


def test_both_digit_scripts_give_the_same_figure():
    a = claims_of("وقال الوزير إن ٢٥٠٠ جندي وصلوا.")[0].figures
    b = claims_of("وقال الوزير إن 2500 جندي وصلوا.")[0].figures
    assert [(f.value, f.unit) for f in a] == [(f.value, f.unit) for f in b] == [(2500, "person")]


def test_text_with_diacritics():
    text = "وَقَالَ الْوَزِيرُ إِنَّ الْمُحَادَثَاتِ سَتُسْتَأْنَفُ غَدًا."
    [claim] = claims_of(text)
    assert claim.kind == "indirect" and claim.text.startswith("الْمُحَادَثَاتِ")


def test_unbalanced_quotes_never_raise():
    text = 'وقال الوزير: “هذا نص بلا نهاية. وأضاف أن « الوضع مستقر. “ ” « » " ″'
    claims_of(text)


def test_english_document_is_not_handled():
    extraction = extract(Document(text="The minister said that 2,500 troops arrived.", language="en"))
    assert all(c.extractor != "claimtrack_arabic" for c in extraction.claims)


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list('قال أكد إن أن “”«»"″،.:\n0123٠١٢ وزير الرئيس زاس')), max_size=400)
)
def test_arbitrary_arabic_like_text_never_raises(text):
    for claim in extract(Document(text=text, language="ar")).claims:
        assert text[claim.start : claim.end] == claim.text


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_raises(text):
    extract(Document(text=text, language="ar"))


@pytest.mark.timeout(30)
def test_megabyte_of_pathological_text_is_linear(seed_text):
    rng = random.Random(7)
    pieces = [
        "وقال",
        " “",
        "«",
        "”",
        "»",
        "،",
        " أن ",
        " إن ",
        ":",
        "\n",
        "الأمين العام ",
        "٢٥٠٠ ",
        seed_text[:300],
    ]
    text = "".join(rng.choice(pieces) for _ in range(60_000))[:1_000_000]
    extract(Document(text=text, language="ar", published="2022-01-06"))
    no_breaks = ("وقال الوزير، " * 80_000)[:1_000_000]  # one endless sentence
    extract(Document(text=no_breaks, language="ar"))
    quotes = "“" * 500_000 + "”" * 500_000
    extract(Document(text=quotes, language="ar"))
    # 37,000 reported facts, each with a figure: each claim's figures are
    # found by bisection, not by a scan of the document's (claims × figures).
    facts = ("قتل 12 شخصا (بينهم أطفال) \n" * 37_000)[:1_000_000]
    assert len(extract(Document(text=facts, language="ar", published="2024-01-01")).claims) > 30_000


def test_masculine_continuation_skips_back_over_a_woman():
    text = (
        "وقال وزير العمل جاسم الدوسري إن البرنامج سيتوسع.\n"
        "وقالت النائبة مريم الحايكي إن المبلغ غير كاف.\n"
        "وأضاف أن الوزارة تدرس زيادة الإعانة."
    )
    assert [c.speaker.name for c in claims_of(text)] == ["جاسم الدوسري", "مريم الحايكي", "جاسم الدوسري"]


def test_unnamed_official_is_an_anonymous_source():
    text = "وكشف مسؤول في جهاز حرس السواحل، طلب عدم ذكر اسمه، أن الدوريات ضبطت 11 ناقلة."
    [claim] = claims_of(text)
    assert (claim.speaker.name, claim.speaker.kind) == ("مسؤول في جهاز حرس السواحل", "source")


def test_name_then_role_between_commas():
    text = "قال المهندس حسام الدين رضوان، وزير النقل، إن الخط سيدخل الخدمة.\nوقال الوزير إن العمل مستمر."
    claims = claims_of(text)
    assert claims[0].speaker.name == "حسام الدين رضوان" and claims[0].speaker.role == "وزير النقل"
    assert claims[1].speaker is claims[0].speaker


def test_participle_after_a_verb_without_complement():
    text = "وطالبت النائبة مريم الحايكي بمراجعة الإعانة، مؤكدة أن المبلغ الحالي لا يكفي."
    [claim] = claims_of(text)
    assert (claim.speaker.name, claim.text) == ("مريم الحايكي", "المبلغ الحالي لا يكفي")


def test_trailing_according_relayed_by_a_newspaper():
    text = "وتدرس الوزارة استيراد 500 ميغاواط إضافية، حسب ما نقلت صحيفة القبس عن مصدر مسؤول في الوزارة."
    [claim] = claims_of(text)
    assert claim.speaker.kind == "source" and claim.speaker.name.startswith("مصدر مسؤول")
    assert claim.recipient == "صحيفة القبس"


def test_quotation_running_over_two_paragraphs():
    text = (
        "وقالت رئيسة الجمعية، المهندسة سوسن أبو خليل: «ما حصل كارثة بيئية.\n"
        'المشكلة أن البلديات لا تملك المعدات، وكما يقول الأهالي: "النار بتاكل"».'
    )
    [claim] = claims_of(text)
    assert claim.kind == "direct" and claim.text.startswith("ما حصل") and claim.text.endswith('"النار بتاكل"')


def test_datelines_are_not_part_of_a_reported_fact():
    text = "أنقرة 14 مايو 2024 (شينخوا) لقي 11 شخصا مصرعهم جراء زلزال ضرب ولاية ملاطيا."
    [claim] = claims_of(text)
    assert claim.kind == "reported" and claim.text.startswith("لقي 11 شخصا")


def test_datelines_are_not_part_of_an_attributed_statement():
    text = (
        "بكين 3 إبريل 2024 (شينخوا) ارتفعت صادرات السيارات الكهربائية بنسبة 30 في المئة، "
        "حسبما ذكرت الرابطة الصينية لمصنعي السيارات.\n"
        "الكويت – 16 يوليو (كونا) – قال وزير المالية إن العجز تراجع إلى 2 مليار دينار."
    )
    first, second = claims_of(text)
    assert first.text.startswith("ارتفعت صادرات") and first.speaker.name.startswith("الرابطة الصينية")
    assert second.text == "العجز تراجع إلى 2 مليار دينار" and second.speaker.role == "وزير المالية"


@pytest.mark.parametrize(
    "dateline",
    [
        "الكويت – 16 يوليو –",
        "الكويت — 16 يوليو —",
        "الكويت - 16 يوليو -",
        "الرياض 5 مايو /واس/",
        "أنقرة 14 مايو 2024 (شينخوا)",
    ],
)
def test_each_mark_a_dateline_may_hold_opens_one(dateline):
    """A sentence is read for a dateline only when it holds one of the
    marks the dateline pattern looks ahead for (lexicon.DATELINE_MARK_RE):
    each of them, alone, still opens one."""
    text = f"{dateline} قال وزير المالية إن العجز تراجع إلى 2 مليار دينار."
    [claim] = claims_of(text)
    assert claim.text == "العجز تراجع إلى 2 مليار دينار" and claim.speaker.role == "وزير المالية"
    text = f"{dateline} لقي 11 شخصا مصرعهم جراء زلزال ضرب ولاية ملاطيا."
    [claim] = claims_of(text)
    assert claim.kind == "reported" and claim.text.startswith("لقي 11 شخصا")


def test_a_dash_aside_after_the_verb_is_no_dateline():
    text = "قال وزير الخارجية – في تصريح للصحفيين – إن المفاوضات ستستأنف الأسبوع المقبل."
    [claim] = claims_of(text)
    assert claim.speaker.role == "وزير الخارجية" and claim.text.startswith("المفاوضات")
    assert "–" not in claim.speaker.name  # a dash is no word of a name


@pytest.mark.parametrize(
    ("text", "start", "speaker"),
    [
        # A figure with an aside in brackets opens the statement: no dateline.
        (
            "قتل 12 شخصا (بينهم أطفال) في غارة على المدينة، حسبما قالت وزارة الصحة.",
            "قتل 12 شخصا",
            "وزارة الصحة",
        ),
        (
            "أصيب 5 أشخاص (3 منهم في حالة خطيرة) في حادث سير، وفق الدفاع المدني.",
            "أصيب 5 أشخاص",
            "الدفاع المدني",
        ),
        # A subject with a dash aside before its verb: no dateline either.
        ("وزارة الصحة – في بيان رسمي – أعلنت أن 12 شخصا قتلوا في القصف.", "12 شخصا", "وزارة الصحة"),
    ],
)
def test_what_looks_like_a_dateline_but_holds_no_date_or_source_stays(text, start, speaker):
    [claim] = claims_of(text)
    assert claim.text.startswith(start) and claim.speaker.name == speaker
    assert claim.figures


def test_within_sorted_spans_looks_only_at_the_spans_that_start_inside():
    from claimtrack import Figure, SortedSpans, within

    looked = []

    class Watched(Figure):
        @property
        def end(self):
            looked.append(self.start)
            return self._end

        @end.setter
        def end(self, value):
            self._end = value

    spans = SortedSpans(Watched(str(i), i * 10, i * 10 + 5, i) for i in range(1000))
    looked.clear()  # sorting read them all once, for the whole document
    assert [f.start for f in within(spans, 500, 530)] == [500, 510, 520]
    assert len(looked) == 3  # not 1,000
    assert within(spans, 500, 530) == within(list(spans), 500, 530)
