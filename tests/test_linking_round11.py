"""The linker's eleventh round: figures read right before they are
compared (a temperature's sign, a weight in pounds, a distance at sea), a
label's number written after "No." or "رقم" or as a word, phrases read
across a pronoun or a number, a level reached and a change to it, and what
two claims are told apart by however reworded the rest: two dates, two
countries, a denial, "may" against "will"."""

from __future__ import annotations

import pytest
from claimtrack_linker import fuzzy
from claimtrack_linker.places import COUNTRIES, gazetteer
from claimtrack_linker.words import neighbours, read_lexicon

from claimtrack import normalize_text

from .test_linking_round9 import linked
from .test_linking_round10 import judged


def test_a_temperature_below_zero_is_another_figure():
    judged(
        "Temperatures fell to -10C overnight in the capital Kyiv",
        "Temperatures fell to 10C overnight in the capital Kyiv",
        "en",
        "figure",
        True,
    )


@pytest.mark.parametrize(
    ("a", "b", "language"),
    [
        # One temperature below zero in two scales.
        (
            "Temperatures fell to -10C overnight in the capital Kyiv",
            "Temperatures fell to 14F overnight in the capital Kyiv",
            "en",
        ),
        # One weight in pounds and kilograms.
        (
            "Police seized 300 pounds of cocaine at the port of Antwerp",
            "Police seized 136 kilograms of cocaine at the port of Antwerp",
            "en",
        ),
        # One distance in nautical miles and kilometres.
        (
            "The tanker was seized 12 nautical miles off the coast of Oman",
            "The tanker was seized 22 kilometres off the coast of Oman",
            "en",
        ),
        (
            "احتجزت الناقلة على بعد 12 ميلا بحريا من سواحل عمان",
            "احتجزت الناقلة على بعد 22 كيلومترا من سواحل عمان",
            "ar",
        ),
        # Below zero written two ways.
        (
            "سجلت منطقة الجوف خمس درجات تحت الصفر صباح اليوم",
            "الجوف تسجل -5 درجات مئوية صباح اليوم",
            "ar",
        ),
        # A label's number after "No." or "رقم": no negation, one resolution.
        (
            "The Security Council unanimously adopted Resolution 2254 on a Syrian peace process",
            "The Security Council unanimously adopted Resolution No. 2254 on a Syrian peace process",
            "en",
        ),
        (
            "تبنى مجلس الأمن بالإجماع القرار 2254 بشأن عملية السلام في سوريا",
            "تبنى مجلس الأمن بالإجماع القرار رقم 2254 بشأن عملية السلام في سوريا",
            "ar",
        ),
        # A phrasal verb with a pronoun object.
        (
            "The union called it off at the last minute, ending the Rotterdam port strike",
            "The union cancelled it at the last minute, ending the Rotterdam port strike",
            "en",
        ),
    ],
)
def test_one_figure_or_name_written_two_ways(a, b, language):
    judged(a, b, language, None, True)


@pytest.mark.parametrize(
    ("a", "b", "language", "conflict"),
    [
        (
            "The Security Council unanimously adopted Resolution 2254 on a Syrian peace process",
            "The Security Council unanimously adopted Resolution No. 2255 on a Syrian peace process",
            "en",
            "changed",
        ),
        (
            "تبنى مجلس الأمن بالإجماع القرار 2254 بشأن عملية السلام في سوريا",
            "تبنى مجلس الأمن بالإجماع القرار رقم 2334 بشأن عملية السلام في سوريا",
            "ar",
            "changed",
        ),
        # "no" written as a word stays a negation.
        (
            "The minister said no 5 people were hurt in the blast",
            "The minister said 5 people were hurt in the blast",
            "en",
            "negation",
        ),
        # Only a pronoun may stand inside the phrase.
        (
            "The union called it unfair at the last minute, ending the Rotterdam port strike",
            "The union cancelled it at the last minute, ending the Rotterdam port strike",
            "en",
            "changed",
        ),
    ],
)
def test_kept_apart(a, b, language, conflict):
    judged(a, b, language, conflict, False)


@pytest.mark.parametrize(
    ("normalized", "text", "expected"),
    [
        ("resolution no 2254", "Resolution No. 2254", "resolution 2254"),
        ("resolution no 2254", "Resolution No 2254", "resolution 2254"),
        ("resolution number 2254", "Resolution number 2254", "resolution 2254"),
        ("القرار رقم 2254", "القرار رقم 2254", "القرار 2254"),
        # "no" as written: a negation, kept.
        ("no 5 people were hurt", "no 5 people were hurt", "no 5 people were hurt"),
        ("no 5g masts were set on fire", "No 5G masts were set on fire", "no 5g masts were set on fire"),
        # Each "no" on its own: the sign is dropped, the negation kept.
        (
            "resolution no 2254 with no 2 members abstaining",
            "Resolution No. 2254, with no 2 members abstaining",
            "resolution 2254 with no 2 members abstaining",
        ),
        ("resolution no 2254", "RESOLUTION NO. 2254", "resolution 2254"),
        # A sign only before a number.
        ("no deal on number of troops", "No deal on number of troops", "no deal on number of troops"),
    ],
)
def test_number_signs_left_out(normalized, text, expected):
    assert fuzzy._without_signs(normalized, text) == expected


@pytest.mark.parametrize(
    ("a", "b", "conflict", "merged"),
    [
        # A label's number as a word is its digits.
        (
            "Phase two of the Gaza ceasefire deal began on Sunday",
            "Phase 2 of the Gaza ceasefire deal began on Sunday",
            None,
            True,
        ),
        (
            "The storm was upgraded to Category Four before landfall in Florida",
            "The storm was upgraded to Category 4 before landfall in Florida",
            None,
            True,
        ),
        # Another label number is a changed fact, however written.
        (
            "Phase two of the Gaza ceasefire deal began on Sunday",
            "Phase three of the Gaza ceasefire deal began on Sunday",
            "changed",
            False,
        ),
        (
            "The storm was upgraded to Category Four before landfall in Florida",
            "The storm was upgraded to Category 5 before landfall in Florida",
            "changed",
            False,
        ),
        # A number word outside any figure is a count, as digits are...
        (
            "All three Detroit carmakers raised prices on Monday",
            "All four Detroit carmakers raised prices on Monday",
            "figure",
            True,
        ),
        (
            "All three Detroit carmakers raised prices on Monday",
            "All 3 Detroit carmakers raised prices on Monday",
            None,
            True,
        ),
        # ... compared with bare numbers only: "the two sides" is no count of days.
        (
            "The two sides agreed a ceasefire in Doha on Monday",
            "The sides agreed a 3-day ceasefire in Doha on Monday",
            None,
            True,
        ),
    ],
)
def test_number_words(a, b, conflict, merged):
    judged(a, b, "en", conflict, merged)


def test_a_number_word_in_a_longer_number_is_left_to_the_figures():
    numbers, _ = fuzzy._numbers("twenty five carmakers and three banks", frozenset(), "")
    assert [(f.raw, f.value) for f in numbers] == [("three", 3.0)]
    numbers, tokens = fuzzy._numbers("one of the largest", frozenset(), "")
    assert numbers == [] and tokens == []


@pytest.mark.parametrize(
    ("a", "b", "language", "conflict"),
    [
        # The sample articles' rationing claims: one figure more on one side.
        (
            "ساعات التقنين ستنخفض إلى 4 ساعات مقابل ساعتين وصل في معظم المحافظات اعتبارا من يوم الأحد",
            "ساعات التقنين ستنخفض إلى أربع ساعات يوميا في معظم المحافظات",
            "ar",
            None,
        ),
        # A figure no figure of the other claim gives still conflicts.
        (
            "قتل 9 أشخاص وأصيب 124 آخرون جراء زلزال ضرب ولاية ملاطيا",
            "لقي 11 شخصا مصرعهم وأصيب 124 آخرين جراء زلزال ضرب ولاية ملاطيا",
            "ar",
            "figure",
        ),
        (
            "The strike killed 9 people, 2 of them children, the ministry said",
            "The strike killed 11 people, 2 of them children, the ministry said",
            "en",
            "figure",
        ),
    ],
)
def test_a_figure_both_give_is_no_counterpart(a, b, language, conflict):
    judged(a, b, language, conflict, True)


@pytest.mark.parametrize(
    ("a", "b", "language"),
    [
        # A level reached and a change to it: one level.
        (
            "ارتفعت حصيلة ضحايا الزلزال في ولاية ملاطيا إلى 50 قتيلا",
            "بلغت حصيلة ضحايا الزلزال في ولاية ملاطيا 50 قتيلا",
            "ar",
        ),
        (
            "ارتفعت حصيلة ضحايا الزلزال في ولاية ملاطيا إلى 50 قتيلا",
            "وصلت حصيلة ضحايا الزلزال في ولاية ملاطيا إلى 50 قتيلا",
            "ar",
        ),
        (
            "تراجع التضخم في مصر إلى 24 بالمئة في أكتوبر",
            "سجل التضخم في مصر 24 بالمئة في أكتوبر",
            "ar",
        ),
        # The sample articles: "سيصل" is the future of "وصل".
        (
            "إنتاج الكهرباء سيصل إلى 4500 ميغاواط قبل الصيف",
            "إنتاج الكهرباء سيرتفع إلى 4500 ميغاواط قبل بداية الصيف",
            "ar",
        ),
        (
            "The death toll from the earthquake in Malatya rose to 50",
            "The death toll from the earthquake in Malatya reached 50",
            "en",
        ),
        ("Inflation in Egypt fell to 24% in October", "Inflation in Egypt reached 24% in October", "en"),
        ("Exports rose 5% to $2 billion in March", "Exports reached $2 billion in March", "en"),
    ],
)
def test_a_level_reached_and_a_change_to_it(a, b, language):
    judged(a, b, language, None, True)


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        # An amount of change is no level.
        ("Inflation in Egypt fell 24% in October", "Inflation in Egypt reached 24% in October", "changed"),
        # Rising and falling to one level are opposites still.
        (
            "Inflation in Egypt fell to 24% in October",
            "Inflation in Egypt rose to 24% in October",
            "contrast",
        ),
    ],
)
def test_not_one_level(a, b, conflict):
    judged(a, b, "en", conflict, False)


@pytest.mark.parametrize(
    ("b", "conflict"),
    [
        ("The strike claimed 12 lives in the northern city of Kharkiv, officials said", None),
        ("The strike claimed the lives of 12 people in the northern city of Kharkiv, officials said", None),
        ("The strike claimed 15 lives in the northern city of Kharkiv, officials said", "figure"),
    ],
)
def test_claimed_lives_is_a_death_toll(b, conflict):
    judged(
        "The strike killed 12 people in the northern city of Kharkiv, officials said", b, "en", conflict, True
    )


@pytest.mark.parametrize(
    ("a", "b", "conflict", "merged"),
    [
        # The values run on from line to line of [values en].
        (
            "All twenty Premier League clubs backed the new spending rules on Monday",
            "All 20 Premier League clubs backed the new spending rules on Monday",
            None,
            True,
        ),
        (
            "Amendment Seventeen was passed by the assembly on Monday",
            "Amendment One was passed by the assembly on Monday",
            "changed",
            False,
        ),
        (
            "Nineteen Democrats voted against the bill in the Senate on Monday",
            "Three Democrats voted against the bill in the Senate on Monday",
            "figure",
            True,
        ),
        # A number word against a count the figures plugin read: no figure.
        (
            "Police said the suspect fired three times at the crowd in Prague",
            "Police said the suspect fired at the crowd in Prague, killing 14",
            None,
            True,
        ),
        # A negation "No" before a number stays a negation.
        (
            "No 5G masts were set on fire in Birmingham last night, police said",
            "5G masts were set on fire in Birmingham last night, police said",
            "negation",
            False,
        ),
        # Counts of people with other nouns are not one figure for giving it.
        (
            "Hamas released three hostages in exchange for 90 Palestinian prisoners",
            "Hamas released hostages in exchange for 3 Palestinian prisoners",
            "figure",
            True,
        ),
    ],
)
def test_review_of_the_round(a, b, conflict, merged):
    judged(a, b, "en", conflict, merged)


@pytest.mark.parametrize(
    ("a", "b", "language", "conflict", "merged"),
    [
        # Two months, however reworded the rest.
        (
            "Sri Lanka will hold provincial council elections in June next year, "
            "the election commission said",
            "Provincial council elections in Sri Lanka will take place in September next year, "
            "according to the election commission",
            "en",
            "changed",
            False,
        ),
        (
            "ستبدأ الكويت تطبيق الضريبة الانتقائية على التبغ ومشروبات الطاقة "
            "اعتبارا من الأول من يناير المقبل",
            "من المقرر أن تبدأ الكويت تطبيق الضريبة الانتقائية على التبغ ومشروبات الطاقة "
            "في الأول من يوليو المقبل",
            "ar",
            "changed",
            False,
        ),
        (
            "The talks will resume in May, the ministry said",
            "The ministry said talks would resume in June",
            "en",
            "changed",
            False,
        ),
        # One month in two calendars.
        (
            "ستبدأ الكويت تطبيق الضريبة الانتقائية على التبغ اعتبارا من الأول من ديسمبر",
            "تبدأ الكويت تطبيق الضريبة الانتقائية على التبغ في الأول من كانون الأول",
            "ar",
            None,
            True,
        ),
        (
            "تجرى الانتخابات النيابية في حزيران المقبل وفق الهيئة",
            "قالت الهيئة إن الانتخابات النيابية ستجرى في يونيو المقبل",
            "ar",
            None,
            True,
        ),
        # A denial against a claim that negates nothing, however reworded.
        (
            "سجلت وزارة الصحة العامة اللبنانية إصابة جديدة بالكوليرا في قضاء عكار شمال البلاد",
            "نفت وزارة الصحة العامة اللبنانية تسجيل أي إصابة جديدة بالكوليرا في قضاء عكار",
            "ar",
            "negation",
            False,
        ),
        (
            "Kuwaiti authorities arrested three residents for smuggling drugs through Shuwaikh port",
            "Kuwait's interior ministry denied arresting three residents over drug smuggling "
            "through Shuwaikh port",
            "en",
            "negation",
            False,
        ),
    ],
)
def test_dates_and_denials_through_rewording(a, b, language, conflict, merged):
    judged(a, b, language, conflict, merged)


def test_months_by_number():
    assert fuzzy.MONTH_NUMBERS[("كانون", "الاول")] == 12
    assert (
        fuzzy.MONTH_NUMBERS[("جوان",)]
        == fuzzy.MONTH_NUMBERS[("حزيران",)]
        == fuzzy.MONTH_NUMBERS[("يونيو",)]
        == 6
    )
    assert ("كانون",) not in fuzzy.MONTH_NUMBERS  # December or January
    assert len(set(fuzzy.MONTH_NUMBERS.values())) == 12


@pytest.mark.parametrize(
    ("a", "b", "conflict", "merged"),
    [
        # "may" against "will", however reworded the rest.
        (
            "Germany may extend border checks with Poland beyond March, the interior ministry said",
            "Border checks on Germany's frontier with Poland will be extended beyond March, "
            "according to the interior ministry",
            "changed",
            False,
        ),
        # One sense on both sides is no change.
        (
            "Germany will extend border checks with Poland beyond March, the interior ministry said",
            "Border checks on Germany's frontier with Poland will be extended beyond March, "
            "according to the interior ministry",
            None,
            True,
        ),
    ],
)
def test_may_and_will_through_rewording(a, b, conflict, merged):
    judged(a, b, "en", conflict, merged)


@pytest.mark.parametrize(
    ("a", "b", "language", "conflict", "merged"),
    [
        # Two countries, however reworded, also inside a count.
        (
            "The EU imposed sanctions on 12 Iranian officials over human rights abuses",
            "Twelve Belarusian officials were hit with EU sanctions over human rights abuses",
            "en",
            "changed",
            False,
        ),
        (
            "وقعت السعودية وإندونيسيا مذكرة تفاهم للتعاون في مجال الهيدروجين الأخضر",
            "السعودية وماليزيا توقعان مذكرة تفاهم للتعاون في مجال الهيدروجين الأخضر",
            "ar",
            "changed",
            False,
        ),
        # One country in two names, or in another order.
        (
            "وقعت السعودية وإندونيسيا مذكرة تفاهم للتعاون في مجال الهيدروجين الأخضر",
            "المملكة العربية السعودية وإندونيسيا توقعان مذكرة تفاهم للتعاون في مجال الهيدروجين الأخضر",
            "ar",
            None,
            True,
        ),
        (
            "Saudi Arabia and Indonesia signed a memorandum on green hydrogen cooperation",
            "Indonesia and Saudi Arabia signed a green hydrogen cooperation memorandum",
            "en",
            None,
            True,
        ),
        # A country on one side only is no change.
        (
            "The EU imposed sanctions on 12 Iranian officials over human rights abuses",
            "The EU imposed sanctions on 12 officials over human rights abuses",
            "en",
            None,
            True,
        ),
    ],
)
def test_two_countries(a, b, language, conflict, merged):
    judged(a, b, language, conflict, merged)


def test_country_names_are_read_as_written_not_as_stems():
    table = gazetteer()

    def named(text, language):
        words = normalize_text(text, language).split()
        return {table.first[0]["en"][n] for kind, n, _, _ in table.named(words) if kind == 0}

    assert named("ارتفاع منسوب البحر في بيروت وبكين والغابات", "ar") == set()  # sea, Beirut, Beijing, forests
    assert named("والبحرين والسودانيين وللسعودية وبإندونيسيا", "ar") == {
        "bahrain",
        "sudan",
        "saudi arabia",
        "indonesia",
    }
    assert named("ألمانيا والألمانية", "ar") == {"germany"}
    # A name listed with its article is not read without it: "هند" is a name.
    assert named("الطفلة هند رجب وديفيد كاميرون", "ar") == set()
    assert named("South Sudan and Sudan, Côte d'Ivoire, the U.S.", "en") == {
        "south sudan",
        "sudan",
        "ivory coast",
        "united states",
    }
    # "us" is the pronoun: the United States is "US" only where more is written.
    assert named("told us", "en") == set()


def test_the_country_table_is_one_country_a_line_in_both_languages():
    sections = read_lexicon(COUNTRIES)
    assert set(sections) == {("countries", "ar"), ("countries", "en")}
    assert len(sections[("countries", "ar")]) == len(sections[("countries", "en")]) >= 190
    for lines in sections.values():
        words = [word for line in lines for word in line if word != "-"]
        assert len(words) == len(set(words))


def test_power_in_two_units_is_one_figure():
    judged(
        "The plant will add 2.5 GW of solar capacity to the grid next year",
        "The plant will add 2,500 MW of solar capacity to the grid next year",
        "en",
        None,
        True,
    )


@pytest.mark.parametrize(
    ("a", "b", "language"),
    [
        (
            "Japan's ruling coalition retained its upper house majority in Sunday's election",
            "The ruling coalition in Japan lost its majority in the upper house in Sunday's election",
            "en",
        ),
        (
            "احتفظ الائتلاف الحاكم في اليابان بأغلبيته في مجلس الشيوخ",
            "خسر الائتلاف الحاكم في اليابان أغلبيته في مجلس الشيوخ",
            "ar",
        ),
    ],
)
def test_kept_and_lost_are_opposites(a, b, language):
    judged(a, b, language, "contrast", False)


@pytest.mark.parametrize(
    ("a", "b", "language"),
    [
        # Countries in other places of the sentence: parties to one event.
        (
            "Israeli strike on Gaza school kills 20, health ministry says",
            "Strike on Gaza school kills 20, Palestinian health ministry says",
            "en",
        ),
        (
            "Russian missile strike on Kyiv apartment block kills 5",
            "Missile strike on Kyiv apartment block kills 5, Ukrainian officials say",
            "en",
        ),
        (
            "Iranian-backed Houthis attack cargo ship in the Red Sea",
            "Yemen's Houthi rebels attack cargo ship in the Red Sea",
            "en",
        ),
        # A turkey farm is no country.
        (
            "Bird flu outbreak confirmed at a turkey farm near Konin on Friday",
            "Poland confirms bird flu outbreak at a poultry farm near Konin on Friday",
            "en",
        ),
        # Words written like a country's: the right foot, a first name, a surname.
        (
            "سجل محمد صلاح هدف الفوز بقدمه اليمنى في الدقيقة 90",
            "سجل النجم المصري هدف الفوز في الدقيقة 90",
            "ar",
        ),
        (
            "قال تركي آل الشيخ إن موسم الرياض استقبل 12 مليون زائر",
            "قال رئيس هيئة الترفيه السعودية إن موسم الرياض استقبل 12 مليون زائر",
            "ar",
        ),
        (
            "يزور رئيس الوزراء العراقي طهران غدا لبحث ملف الطاقة",
            "السوداني يزور طهران غدا لبحث ملف الطاقة",
            "ar",
        ),
        # Two dates of one event in other places: since when, as of when.
        (
            "Gaza death toll since October 7 reaches 35,000, health ministry says",
            "Gaza death toll reaches 35,000 as of May 10, health ministry says",
            "en",
        ),
        (
            "استشهاد أب وأطفاله الثلاثة في قصف على خان يونس",
            "استشهاد رجل وأطفاله الثلاثة في قصف على خان يونس فجر 12 أكتوبر",
            "ar",
        ),
        # The month May is no "may"; "can" is no "may"; "قد" before a past verb is "had".
        (
            "Parliament will vote on the pension reform bill next month",
            "Parliament is set to vote on the pension reform bill in May",
            "en",
        ),
        (
            "The ministry said it would allow 500 aid trucks into Gaza daily",
            "500 aid trucks can now enter Gaza daily, the ministry said",
            "en",
        ),
        (
            "أعلنت الحكومة أنها سوف ترفع الحد الأدنى للأجور إلى 6 آلاف جنيه",
            "الحكومة ترفع الحد الأدنى للأجور إلى 6 آلاف جنيه وكان الرئيس قد وعد بذلك",
            "ar",
        ),
        # A passive "denied" is no denial.
        (
            "The former minister was denied bail by the court and will remain in custody until his trial",
            "The court ordered the former minister held in custody until his trial, rejecting a bail request",
            "en",
        ),
    ],
)
def test_second_review_of_the_round_same_claims(a, b, language):
    judged(a, b, language, None, True)


@pytest.mark.parametrize(
    ("a", "b", "language", "conflict"),
    [
        # A stale toll against the update: the figure after "to" is not the one reached.
        (
            "The death toll rose from 20 to 50 on Monday after the quake",
            "The death toll reached 20 on Monday after the quake",
            "en",
            "changed",
        ),
        (
            "ارتفعت حصيلة ضحايا الزلزال من 20 إلى 50 قتيلا",
            "بلغت حصيلة ضحايا الزلزال 20 قتيلا",
            "ar",
            "changed",
        ),
        # Months of two words.
        (
            "تجرى الانتخابات في تشرين الأول المقبل وفق الهيئة",
            "تجرى الانتخابات في تشرين الثاني المقبل وفق الهيئة",
            "ar",
            "changed",
        ),
        (
            "تجرى الانتخابات في كانون ثاني المقبل وفق الهيئة",
            "تجرى الانتخابات في كانون الأول المقبل وفق الهيئة",
            "ar",
            "changed",
        ),
        # "will" against "may", the words only reordered.
        (
            "The central bank will cut interest rates by 25 basis points, the governor said",
            "The governor said the central bank may cut interest rates by 25 basis points",
            "en",
            "changed",
        ),
    ],
)
def test_second_review_of_the_round_different_claims(a, b, language, conflict):
    judged(a, b, language, conflict, False)


@pytest.mark.parametrize(
    ("a", "b", "conflict", "detail"),
    [
        # The checks of one place of the sentence come before "may"/"will".
        (
            "Ukraine will ban poultry imports from Poland",
            "Ukraine may lift its ban on poultry imports from Poland",
            "negation",
            ["lift"],
        ),
        (
            "Spain will send 1,000 soldiers to the flooded towns in Valencia",
            "Spain may send 1,000 police officers to the flooded towns in Valencia",
            "changed",
            ["officers", "soldiers"],
        ),
    ],
)
def test_third_review_of_the_round(a, b, conflict, detail):
    link, merged = linked(a, b)
    assert not merged and link.conflict == conflict and link.evidence[conflict] == detail


def test_neighbours_are_looked_for_a_few_words_away():
    words = ["sanctions", "on", "the", "u", "s", "of", "the", "of", "the", "of", "the", "iran"]
    assert neighbours(words, 11, 12) == frozenset()  # only function words within reach
    assert neighbours(["sanctions", "on", "iran", "officials"], 2, 3) == {"sanction", "offici"}
