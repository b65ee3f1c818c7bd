"""The linker's tenth round: two claims of one subject that each give a
figure of something else state two facts, whatever words they share."""

from __future__ import annotations

import pytest

from claimtrack import LinkClaim

from .test_linking_round9 import linked


def judged(a, b, language, conflict, merged):
    """Two claims are linked with ``conflict`` (None: a plain link) and end
    up in one cluster or not (``merged``)."""
    link, in_one = linked(a, b, language)
    assert link is not None and link.conflict == conflict, link
    assert in_one == merged


@pytest.mark.parametrize(
    ("a", "b", "language"),
    [
        # A share against an amount.
        (
            "Chile's copper exports rose 12% in the first quarter of 2026",
            "Chile's copper exports to China reached $9 billion in the first quarter of 2026",
            "en",
        ),
        (
            "ارتفعت الصادرات المغربية من الفوسفات بنسبة 15 بالمئة في النصف الأول من 2026",
            "بلغت قيمة الصادرات المغربية من الفوسفات 40 مليار درهم في النصف الأول من 2026",
            "ar",
        ),
        # A count of people against a count of things, of one value or not.
        (
            "About 40 workers at the poultry farm near the river were tested for the virus",
            "About 40 farms near the river were tested for the virus",
            "en",
        ),
        (
            "أعلن الجيش مقتل 3 جنود في الهجوم على القافلة قرب الحدود الشمالية",
            "أعلن الجيش تدمير 3 دبابات في الهجوم على القافلة قرب الحدود الشمالية",
            "ar",
        ),
        (
            "The museum welcomed more than 30,000 visitors in its first week after the reopening",
            "The museum welcomed delegations from 25 countries in its first week after the reopening",
            "en",
        ),
    ],
)
def test_figures_of_other_things_keep_a_pair_apart(a, b, language):
    link, merged = linked(a, b, language)
    assert link is None and not merged, link


@pytest.mark.parametrize(
    ("a", "b", "language"),
    [
        # One value, counted with another noun: one thing.
        (
            "Health officials recorded 120 new cholera cases in the camps on Monday",
            "Health officials recorded 120 people with cholera in the camps on Monday",
            "en",
        ),
        # One quantity in two units: a figure converted.
        (
            "Engineers expect the damaged gas pipeline near the border to be repaired "
            "within 48 hours, the energy ministry said",
            "The energy ministry said engineers expect to repair the damaged gas pipeline "
            "near the border in two days",
            "en",
        ),
        (
            "أعلنت الحكومة تخصيص 82 مليار ريال لمشروعات المياه في المنطقة الشرقية هذا العام",
            "الحكومة تخصص 21.9 مليار دولار لمشروعات المياه بالمنطقة الشرقية خلال العام الحالي",
            "ar",
        ),
        # The same unit with another value: one claim, two figures.
        (
            "The storm cut power to 40,000 homes across the island",
            "The storm cut power to 45,000 homes across the island",
            "en",
        ),
        # A number of unknown unit meets any unit.
        (
            "سجلت وزارة الصحة 120 وفاة بالكوليرا في المخيمات خلال أسبوع",
            "سجلت وزارة الصحة ١٢٠ حالة وفاة بالكوليرا في المخيمات خلال أسبوع",
            "ar",
        ),
    ],
)
def test_figures_of_one_thing_still_link(a, b, language):
    link, merged = linked(a, b, language)
    assert link is not None and merged, link


@pytest.mark.parametrize(
    ("a", "b", "language", "conflict"),
    [
        (
            "The ministry said the damaged pipeline would be repaired within 48 hours",
            "The ministry said the damaged pipeline would be repaired within two days",
            "en",
            None,
        ),
        (
            "The ministry said the damaged pipeline would be repaired within 48 hours",
            "The ministry said the damaged pipeline would be repaired within three days",
            "en",
            "changed",
        ),
        ("سيستمر حظر الصيد في البحيرة ستة أشهر", "سيستمر حظر الصيد في البحيرة 180 يوما", "ar", None),
        ("سيستمر حظر الصيد في البحيرة ستة أشهر", "سيستمر حظر الصيد في البحيرة ستة أسابيع", "ar", "changed"),
    ],
)
def test_one_length_of_time_in_two_units_is_one_figure(a, b, language, conflict):
    judged(a, b, language, conflict, conflict is None)


@pytest.mark.parametrize(
    ("a", "b", "language", "conflict", "merged"),
    [
        # A number a word labels is a name, not a count: no figure conflict
        # with the other claim's "24 hours".
        (
            "Hurricane Milton strengthened into a Category 5 storm in less than a day",
            "Hurricane Milton became a Category 5 hurricane within 24 hours",
            "en",
            None,
            True,
        ),
        # Another label is another name: a changed fact.
        (
            "Hurricane Milton strengthened into a Category 5 storm over the Gulf of Mexico on Monday",
            "Hurricane Milton strengthened into a Category 4 storm over the Gulf of Mexico on Monday",
            "en",
            "changed",
            False,
        ),
        (
            "دعا المبعوث الأممي إلى تطبيق القرار 2254 لإنهاء الأزمة في سوريا",
            "دعا المبعوث الأممي إلى تطبيق القرار 2231 لإنهاء الأزمة في سوريا",
            "ar",
            "changed",
            False,
        ),
    ],
)
def test_a_number_a_word_labels_is_a_name(a, b, language, conflict, merged):
    judged(a, b, language, conflict, merged)


@pytest.mark.parametrize(
    ("a", "b", "language", "conflict", "merged"),
    [
        # One figure in two units of a fixed rate: one claim.
        (
            "Fire crews said the blaze had burned 40 km of the coast road",
            "Fire crews said the blaze had burned 25 miles of the coast road",
            "en",
            None,
            True,
        ),
        (
            "The fire has burned 10,000 hectares of forest",
            "The fire has burned 24,700 acres of forest",
            "en",
            None,
            True,
        ),
        (
            "Temperatures in the city reached 45C on Friday",
            "Temperatures in the city reached 113F on Friday",
            "en",
            None,
            True,
        ),
        # Rounded as outlets round a conversion, and a rate in percent.
        (
            "The quake was felt 100 km from the epicentre",
            "The quake was felt 60 miles from the epicentre",
            "en",
            None,
            True,
        ),
        (
            "The central bank raised its key rate by 0.5% on Thursday",
            "The central bank raised its key rate by 50 basis points on Thursday",
            "en",
            None,
            True,
        ),
        (
            "The central bank raised its key rate by 50 basis points on Thursday",
            "The central bank raised its key rate by half a percentage point on Thursday",
            "en",
            None,
            True,
        ),
        (
            "رفع البنك المركزي سعر الفائدة الرئيسي 50 نقطة أساس يوم الخميس",
            "رفع البنك المركزي سعر الفائدة الرئيسي نصف نقطة مئوية يوم الخميس",
            "ar",
            None,
            True,
        ),
        # Converted, they differ: a changed fact.
        (
            "The central bank raised its key rate by 50 basis points on Thursday",
            "The central bank raised its key rate by one percentage point on Thursday",
            "en",
            "changed",
            False,
        ),
        (
            "Temperatures in the city reached 45C on Friday",
            "Temperatures in the city reached 45F on Friday",
            "en",
            "changed",
            False,
        ),
        # Each figure of those units must be one: "5 hours" is not two days.
        (
            "Engineers will restore power within 5 hours and reopen the road within 48 hours, "
            "the governor said",
            "Engineers will restore power within two days and reopen the road within two days, "
            "the governor said",
            "en",
            "changed",
            False,
        ),
        # Money has no fixed rate: another currency, all else equal, is a changed fact.
        (
            "أعلنت الحكومة تخصيص 82 مليار ريال لمشروعات المياه",
            "أعلنت الحكومة تخصيص 21.9 مليار دولار لمشروعات المياه",
            "ar",
            "changed",
            False,
        ),
    ],
)
def test_one_figure_in_two_units(a, b, language, conflict, merged):
    judged(a, b, language, conflict, merged)


@pytest.mark.parametrize(
    ("a", "b", "merged"),
    [
        # A number of unknown unit meets a figure of any unit.
        (
            "Rescuers said 120 died when the bridge collapsed 5 km from the town of Morbi",
            "Rescuers said 120 people died when the bridge collapsed near the town of Morbi",
            True,
        ),
        # Cases count people; farms do not.
        (
            "Officials confirmed 120 cases of bird flu in the northern province this week",
            "Officials confirmed bird flu at 120 farms in the northern province this week",
            False,
        ),
    ],
)
def test_which_figures_count_one_thing(a, b, merged):
    assert linked(a, b)[1] == merged


def test_every_unit_of_the_figures_table_has_its_quantity():
    """The linker's unit knowledge (claimtrack_linker.quantities) covers the
    figures plugin's table: a unit added there without a place here would
    be a quantity of its own, and a converted figure in it two things."""
    from claimtrack_figures import units
    from claimtrack_linker import quantities

    of_their_own = {"degree"}  # a temperature of no scale: never converted
    table = [*units.ARABIC_UNITS.values(), *units.ENGLISH_UNITS.values(), *units.UNIT_SYMBOLS.values()]
    table += list(units.UNIT_PHRASES.values())
    for noun in table:
        if noun.kind == "money":
            assert quantities.quantity(noun.unit) == "money", noun
        elif noun.kind in ("time", "measure", "percent"):
            assert noun.unit in quantities.CONVERSIONS or noun.unit in of_their_own, noun
        else:
            assert quantities.quantity(noun.unit) == noun.unit, noun


def test_a_phrase_matches_its_function_words_as_written():
    """ "call off" is "cancel"; "called the" is not: the phrase's "off" is
    no content word, and as a form it had matched any stop word."""
    from claimtrack_linker.words import lexicon

    from claimtrack import normalize_text

    def read(text):
        return lexicon().read(normalize_text(text, "en").split())

    assert read("the union called off the strike") == read("the union cancelled the strike")
    assert "call" in read("they called the move unfair")
    assert read("the plane touched down safely") != read("the plane touched the ground safely")


@pytest.mark.parametrize(
    ("a", "b", "language"),
    [
        (
            "Parliament rejected the government's budget bill on Tuesday",
            "Parliament turned down the government's budget bill on Tuesday",
            "en",
        ),
        (
            "Police in Lyon seized 2 tonnes of cocaine at the port",
            "Police in Lyon confiscated 2 tonnes of cocaine at the harbour",
            "en",
        ),
        (
            "افتتحت بلدية صفاقس حديقة عامة جديدة في وسط المدينة",
            "بلدية صفاقس تفتتح متنزها عاما جديدا في وسط المدينة",
            "ar",
        ),
        (
            "نشب حريق في مستودع للوقود بميناء طرابلس فجر الأحد",
            "اندلاع حريق في مخزن للمحروقات بميناء طرابلس فجر الأحد",
            "ar",
        ),
        ("استشهد 5 فلسطينيين في غارة على مخيم جنين", "مقتل 5 فلسطينيين في غارة على مخيم جنين", "ar"),
    ],
)
def test_words_agencies_use_for_one_another(a, b, language):
    link, merged = linked(a, b, language)
    assert merged and link.conflict is None, link


@pytest.mark.parametrize(
    ("a", "b", "language"),
    [
        # A verb of a label's stem is no label: the figures still conflict.
        (
            "The company terminated 300 contracts after the merger",
            "The company cancelled 450 contracts after the merger",
            "en",
        ),
        # An English label is a name only with its capital.
        ("Under the resolution 5,000 troops will be deployed", "The resolution deploys 6,000 troops", "en"),
        # "فيه" (in it) is written as "فئة" (a category) is: no label.
        ("فاز اللاعب بالسباق الذي شارك فيه 3 مرات", "فاز اللاعب بالسباق الذي شارك فيه 5 مرات", "ar"),
    ],
)
def test_what_looks_like_a_label_is_not_one(a, b, language):
    link, _ = linked(a, b, language)
    assert link is not None and link.conflict == "figure", link


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        # A count whose noun the figures plugin does not know is still a count.
        (
            "Gunmen opened fire at the airport. 12 died in the attack",
            "Gunmen opened fire at the airport. 15 died in the attack",
            "figure",
        ),
        (
            "Gunmen opened fire at the airport, killing at least 12",
            "Gunmen opened fire at the airport, killing at least 12 people",
            None,
        ),
        # Killed and injured are not one count.
        (
            "Gunmen opened fire at the airport. 12 died in the attack",
            "Gunmen opened fire at the airport. 15 were injured in the attack",
            "changed",
        ),
    ],
)
def test_a_count_of_unknown_noun_is_compared(a, b, conflict):
    link, _ = linked(a, b)
    assert link is not None and link.conflict == conflict, link


@pytest.mark.parametrize(
    ("a", "b", "language", "conflict", "merged"),
    [
        # A label written in lower case or in capitals, or with a preposition.
        (
            "Hurricane Milton strengthened to a category 5 storm",
            "Hurricane Milton strengthened to a Category 5 storm within 24 hours",
            "en",
            None,
            True,
        ),
        (
            "HURRICANE MILTON STRENGTHENS TO CATEGORY 5 STORM",
            "Hurricane Milton strengthened to a Category 5 storm within 24 hours",
            "en",
            None,
            True,
        ),
        (
            "دعا النواب الحكومة إلى العمل بالمادة 7 من الدستور",
            "دعا النواب الحكومة إلى العمل بالمادة 7 من الدستور خلال 30 يوما",
            "ar",
            None,
            True,
        ),
        # What happened to people is counted in people: "15 cars" are no count of the injured.
        (
            "Gunmen opened fire at the airport. 12 were injured in the attack",
            "Gunmen opened fire at the airport. 15 cars were damaged in the attack",
            "en",
            "changed",
            False,
        ),
        # Days and weeks convert exactly: 20 days are not three weeks.
        (
            "The assembly must approve the budget within 20 days",
            "The assembly must approve the budget within three weeks",
            "en",
            "changed",
            False,
        ),
    ],
)
def test_third_review(a, b, language, conflict, merged):
    judged(a, b, language, conflict, merged)


def test_new_synonyms_leave_words_of_another_sense_alone():
    """Words written like a synonym's word or its present tense, which the
    lexicon must not read as that synonym."""
    from claimtrack_linker.words import lexicon

    from claimtrack import normalize_text

    def form(word, language="ar"):
        return lexicon().form(normalize_text(word, language))

    assert form("تساقطت") != form("الأمطار")  # shells fall too
    assert form("يثمن") != form("أسعار")  # appreciates
    assert form("أضعاف") != form("أضعف")  # threefold
    assert form("الأنفاق") != form("أنفق")  # tunnels are no spending
    assert form("وزارة") != form("زيارة")
    assert form("تشاد") != form("إشادة")  # Chad
    assert form("waged", "en") != form("salary", "en")
    assert form("founded", "en") != form("discovered", "en")


def test_opening_fire_is_shooting_not_a_blaze():
    from claimtrack_linker.words import lexicon

    from claimtrack import normalize_text

    def read(text):
        return lexicon().read(normalize_text(text, "en").split())

    assert read("Gunmen opened fire at the airport") == read("Gunmen shot at the airport")
    assert "shoot" not in read("A fire broke out at the airport")


@pytest.mark.parametrize(
    ("a", "b", "language", "conflict", "merged"),
    [
        # A label's number with a thousands comma, or a dash before it.
        (
            "The Security Council adopted Resolution 2,254 on Syria",
            "The Security Council adopted Resolution 2,255 on Syria",
            "en",
            "changed",
            False,
        ),
        (
            "Milton strengthened to a Category-5 storm over the Gulf",
            "Milton strengthened to a Category-4 storm over the Gulf",
            "en",
            "changed",
            False,
        ),
        # In lower case, only the labels news writes so: the gate's 300 are a count.
        (
            "Outside the main gate 300 protesters gathered on Monday",
            "Outside the main gate 500 protesters gathered on Monday",
            "en",
            "figure",
            True,
        ),
        # A preposition only onto the article: "بقرار 5 دول" counts countries.
        (
            "رحبت السلطة بقرار 5 دول أوروبية الاعتراف بدولة فلسطين",
            "رحبت السلطة بقرار 7 دول أوروبية الاعتراف بدولة فلسطين",
            "ar",
            "figure",
            True,
        ),
    ],
)
def test_fourth_review(a, b, language, conflict, merged):
    judged(a, b, language, conflict, merged)


def test_a_figure_written_again_is_compared_once():
    """Two claims' figures are compared pair by pair: a text that repeats
    "5" thousands of times must not make millions of pairs."""
    from claimtrack_linker import fuzzy

    text = " ".join("the round 5 talks ended." for _ in range(300))
    _, figures = fuzzy.read_claims([LinkClaim("a", text, "en"), LinkClaim("b", text + " now", "en")])
    assert [len(found) for found in figures] == [1, 1]
