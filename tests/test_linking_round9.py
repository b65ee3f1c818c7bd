"""The linker's ninth round: a count of people says which people it counts.
"1,000 soldiers" and "1,000 police officers" are two facts with one value,
"2,500 troops" and "3,000 civilians" two figures that cannot disagree;
"troops" and "soldiers", or any kind and "people", are one figure."""

from __future__ import annotations

import pytest
from claimtrack_linker import fuzzy

from claimtrack import Figure, LinkClaim, link_claims


def claim(claim_id, text, language="en"):
    return LinkClaim(claim_id, text, language)


def linked(a, b, language="en"):
    """The one link between two claims (None when none) and whether they
    end up in one cluster."""
    result = link_claims([claim("a", a, language), claim("b", b, language)])
    assert len(result.links) <= 1
    return (result.links[0] if result.links else None), bool(result.clusters)


@pytest.mark.parametrize(
    ("a", "b", "language", "words"),
    [
        # --- Counts of people of other kinds.
        (
            "Spain sent 1,000 more soldiers to the flooded towns",
            "Spain sent 1,000 more police officers to the flooded towns",
            "en",
            ["officers", "soldiers"],
        ),
        (
            "The strike killed 20 civilians",
            "The strike killed 20 militants",
            "en",
            ["civilians", "militants"],
        ),
        (
            "أرسلت إسبانيا 1000 جندي إضافي إلى البلدات المنكوبة",
            "أرسلت إسبانيا 1000 شرطي إضافي إلى البلدات المنكوبة",
            "ar",
            ["جندي", "شرطي"],
        ),
        (
            "قتل 12 مدنيا في القصف على أطراف المدينة",
            "قتل 12 مسلحا في القصف على أطراف المدينة",
            "ar",
            ["مدنيا", "مسلحا"],
        ),
        # --- One thing said, then a fact of its own joined on by each claim.
        (
            "The regional government approved the new cycle lanes but postponed the bus station",
            "The regional government approved the new cycle lanes and a car-free zone downtown",
            "en",
            ["but", "and"],
        ),
        (
            "منعت البلدية استخدام الأكياس البلاستيكية في الأسواق وفرضت غرامات على المخالفين",
            "منعت البلدية استخدام الأكياس البلاستيكية في الأسواق ووزعت أكياسا قماشية مجانا على المتسوقين",
            "ar",
            ["وفرضت", "ووزعت"],
        ),
        # --- Another sense of sureness, obligation or quantity.
        (
            "The factory may cut several hundred jobs next year",
            "The factory will cut several hundred jobs next year",
            "en",
            ["may", "will"],
        ),
        (
            "Visitors must book tickets online before entering",
            "Visitors can book tickets online before entering",
            "en",
            ["must", "can"],
        ),
        (
            "قد ترفع الحكومة سن التقاعد في السنوات المقبلة",
            "سوف ترفع الحكومة سن التقاعد في السنوات المقبلة",
            "ar",
            ["قد", "سوف"],
        ),
        ("يفضل معظم الطلاب الدراسة عن بعد", "يفضل بعض الطلاب الدراسة عن بعد", "ar", ["معظم", "بعض"]),
    ],
)
def test_changed_facts_are_kept_apart(a, b, language, words):
    link, merged = linked(a, b, language)
    assert not merged
    assert link is not None and link.conflict == "changed"
    assert link.evidence["changed"] == words


@pytest.mark.parametrize(
    ("a", "b", "language"),
    [
        # --- Counts of one kind of people, in other words.
        # Words outlets use for one another.
        (
            "Spain sent 1,000 more soldiers to the flooded towns",
            "Spain sent 1,000 more troops to the flooded towns",
            "en",
        ),
        (
            "أرسلت إسبانيا 1000 جندي إلى البلدات المنكوبة",
            "أرسلت إسبانيا ألف عسكري إلى البلدات المنكوبة",
            "ar",
        ),
        ("The storm forced 5,000 residents to leave", "The storm forced 5,000 civilians to leave", "en"),
        # "people", "أشخاص": people of any kind.
        (
            "Spain sent 1,000 more soldiers to the flooded towns",
            "Spain sent 1,000 more people to the flooded towns",
            "en",
        ),
        ("قتل 12 مدنيا في القصف", "قتل 12 شخصا في القصف", "ar"),
        # Words for people of several kinds count any kind: a school's
        # children are its students, a pilgrims' bus carries passengers.
        (
            "Gunmen abducted 287 students from a school in Kaduna",
            "Gunmen abducted 287 children from a school in Kaduna",
            "en",
        ),
        (
            "A bus carrying 45 pilgrims crashed near Medina",
            "A bus carrying 45 passengers crashed near Medina",
            "en",
        ),
        ("The fire in Mangaf killed 49 migrant workers", "The fire in Mangaf killed 49 migrants", "en"),
        # Arabic outlets call captives أسرى and رهائن alike.
        (
            "أفرجت حركة حماس عن 3 رهائن إسرائيليين في خان يونس",
            "أفرجت حركة حماس عن 3 أسرى إسرائيليين في خان يونس",
            "ar",
        ),
        # One count of a kind both give is enough.
        (
            "The strike killed 10 soldiers and 4 civilians near the border",
            "The strike killed 10 soldiers near the border",
            "en",
        ),
        # --- A clause dropped, or barely reworded.
        # A shortened quote: the clause is dropped on one side only.
        (
            "The regional government approved the new cycle lanes and a car-free zone downtown",
            "The regional government approved the new cycle lanes",
            "en",
        ),
        # Added runs that share most of their words: one fact, reworded a little.
        (
            "منعت البلدية استخدام الأكياس البلاستيكية في الأسواق وفرضت غرامات على المخالفين",
            "منعت البلدية استخدام الأكياس البلاستيكية في الأسواق وفرضت غرامات مالية على المخالفين",
            "ar",
        ),
        # --- One sense of modality in other words.
        # One sense, two words.
        (
            "The factory could cut several hundred jobs next year",
            "The factory may cut several hundred jobs next year",
            "en",
        ),
        # A word on one side only: "وقد" before a past verb is no modality.
        ("وقد أعلنت الوزارة تعطيل الدراسة يوم الأحد", "أعلنت الوزارة تعطيل الدراسة يوم الأحد", "ar"),
        # --- What outlets write for one claim, found split by review.
        # Prisoners are often soldiers; "police troops" names two kinds.
        (
            "Russia and Ukraine exchanged 95 prisoners on Friday",
            "Russia and Ukraine exchanged 95 servicemen on Friday",
            "en",
        ),
        (
            "The government deployed 2,000 federal police troops",
            "The government deployed 2,000 federal police",
            "en",
        ),
        # A day range: both days are dates.
        (
            "The summit will be held on 15-16 March in Cairo",
            "The summit will be held on 15 March in Cairo",
            "en",
        ),
        # Nouns that begin with و are no conjunction: one fact, two sources.
        (
            "ارتفعت أسعار الذهب في السوق المصرية اليوم بحسب وزارة التموين",
            "ارتفعت أسعار الذهب في السوق المصرية اليوم بحسب وكالة أنباء الشرق الأوسط",
            "ar",
        ),
        # "can"/"could" in reported speech, "can"/"may" of permission: one sense.
        (
            "Egypt can supply 2 million tonnes of wheat to Lebanon, the minister said",
            "Egypt could supply 2 million tonnes of wheat to Lebanon, the minister said",
            "en",
        ),
        (
            "Residents can return to their homes from Monday",
            "Residents may return to their homes from Monday",
            "en",
        ),
        # Two spellings of one name.
        (
            "Libya's Gaddafi ordered troops into Benghazi",
            "Libya's Kadhafi ordered troops into Benghazi",
            "en",
        ),
        # Both say the measure was undone, in other words.
        (
            "The EU lifted economic sanctions on Syria on Tuesday",
            "Economic sanctions on Syria were removed by the EU on Tuesday",
            "en",
        ),
        (
            "Ukraine lifted its ban on poultry imports from Poland",
            "Ukraine's ban on poultry imports from Poland has ended",
            "en",
        ),
    ],
)
def test_one_claim_in_other_words_stays_one(a, b, language):
    link, merged = linked(a, b, language)
    assert merged, link
    assert link.conflict is None


def test_figures_of_other_people_never_conflict():
    """ "2,500 troops" against "3,000 civilians": two facts, no disagreement
    to flag; against "3,000 soldiers" it is one."""
    troops = [Figure("2,500 troops", 0, 12, 2500.0, unit="person", unit_raw="troops")]
    civilians = [Figure("3,000 civilians", 0, 15, 3000.0, unit="person", unit_raw="civilians")]
    soldiers = [Figure("3,000 soldiers", 0, 14, 3000.0, unit="person", unit_raw="soldiers")]
    people = [Figure("3,000 people", 0, 12, 3000.0, unit="person", unit_raw="people")]
    assert fuzzy._figure_conflict(troops, civilians) == []
    assert fuzzy._figure_conflict(troops, soldiers) == [
        {"unit": "person", "a": "2,500 troops", "b": "3,000 soldiers"}
    ]
    assert fuzzy._figure_conflict(troops, people) == [
        {"unit": "person", "a": "2,500 troops", "b": "3,000 people"}
    ]
    same_value = [Figure("2,500 civilians", 0, 15, 2500.0, unit="person", unit_raw="civilians")]
    assert fuzzy._same_figure(troops, same_value) == fuzzy.NO_FIGURE
    assert fuzzy._same_figure(
        troops, [Figure("2,500 soldiers", 0, 14, 2500.0, unit="person", unit_raw="soldiers")]
    )


def test_every_kind_of_people_is_read_from_its_own_line():
    """No noun of the [people] lists stands for two kinds: a word listed
    twice would make its kind depend on the order of the lines."""
    from claimtrack_linker.words import lexicon

    kinds: dict[str, set[str]] = {}
    for line, _ in lexicon().lines("people"):
        for word in line:
            kinds.setdefault(fuzzy._form(word), set()).add(fuzzy._form(line[0]))
    assert {form: found for form, found in kinds.items() if len(found) > 1} == {}
    assert fuzzy._people_of("troops") == fuzzy._people_of("soldiers") == fuzzy._people_of("peacekeepers")
    assert fuzzy._people_of("people") == fuzzy._people_of("أشخاص") == frozenset()
    assert fuzzy._people_of("20 rebel soldiers") == {"fighter", "soldier"}


def test_a_cause_swapped_with_the_verb_is_still_a_changed_fact():
    """ "بفضل" (thanks to) is a function word, as "بسبب" (because of) is:
    with both left out, "تحسن"/"تضرر" is a verb swapped in place."""
    link, merged = linked(
        "تحسن محصول الحمضيات هذا الموسم بفضل الأمطار", "تضرر محصول الحمضيات هذا الموسم بسبب الأمطار", "ar"
    )
    assert not merged
    assert link.conflict == "changed" and link.evidence["changed"] == ["تحسن", "تضرر"]
    link, merged = linked("ارتفعت الصادرات بفضل الطلب الصيني", "ارتفعت الصادرات بسبب الطلب الصيني", "ar")
    assert merged and link.conflict is None


def test_facts_added_needs_words_in_common_first_and_a_conjunction_on_both_sides():
    def added(a, b):
        return fuzzy._facts_added(a.split(), b.split())

    assert added(
        "council approved cycle lanes but postponed bus station",
        "council approved cycle lanes and car free zone",
    )
    # Too little in common before the runs.
    assert not added("council approved but postponed bus station", "council approved and car free zone")
    # No conjunction where the second claim's run begins.
    assert not added(
        "council approved cycle lanes but postponed bus station",
        "council approved cycle lanes downtown car free zone",
    )
    # One word added on one side: a detail, not a fact.
    assert not added(
        "council approved cycle lanes but postponed bus station", "council approved cycle lanes and tram"
    )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("northern", "southern", False),
        ("import", "export", False),
        ("upgrad", "downgrad", False),
        # Spellings of one name, forms of one word.
        ("kyiv", "kiev", True),
        ("gaddafi", "qaddafi", True),
        ("rais", "raised", True),
    ],
)
def test_latin_words_with_another_beginning_are_other_words(a, b, expected):
    assert fuzzy._one_word(a, b) is expected


def test_a_place_told_by_another_direction_is_a_changed_fact():
    link, merged = linked(
        "The first snow of the season fell in the northern mountains on Tuesday night",
        "The first snow of the season fell in the southern mountains on Tuesday night",
    )
    assert not merged and link.conflict == "changed"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Ukraine has banned imports of poultry from the Greater Poland region",
            "Ukraine has lifted its ban on imports of poultry from the Greater Poland region",
        ),
        (
            "Officials ordered residents of Tampa Bay's coastal zones to evacuate",
            "Officials lifted the evacuation order for residents of Tampa Bay's coastal zones",
        ),
    ],
)
def test_a_measure_undone_is_a_negation(a, b):
    link, merged = linked(a, b)
    assert not merged
    assert link.conflict == "negation" and link.evidence["negation"] == ["lift"]


def test_undoing_needs_a_measure_both_name():
    # "lifted the trophy": no measure, no undoing.
    link, merged = linked(
        "Spain lifted the trophy after beating England", "Spain won the trophy after beating England"
    )
    assert link is None or link.conflict != "negation"
    # Both say the measure was undone.
    link, merged = linked(
        "The US lifted sanctions on Syrian banks", "The US has lifted sanctions on Syria's banks"
    )
    assert merged and link.conflict is None


def test_facts_added_after_a_conjunction_both_share():
    """ "... and postponed the bus station" / "... and added a car-free
    zone": the conjunction both write is where the two facts begin."""
    from claimtrack import normalize_text

    def words(text):
        return normalize_text(text, "en").split()

    assert fuzzy._facts_added(
        words("the council approved the cycle lanes and postponed the bus station"),
        words("the council approved the cycle lanes and added a car-free zone downtown"),
    ) == ["and", "and"]


def test_a_day_of_the_month_is_a_date_not_a_count():
    """ "On March 15" shares a day, not a figure: no evidence for a link;
    another day with all else equal is a changed fact, as another year is."""
    link, merged = linked(
        "On March 15 the president met European leaders in Paris",
        "The president asked Europe for air defence on March 15",
    )
    assert link is None
    link, merged = linked("وصل الوفد إلى القاهرة في 15 مارس", "وصل الوفد إلى القاهرة في 16 مارس", "ar")
    assert not merged and link.conflict == "changed" and link.evidence["changed"] == ["#15", "#16"]


def test_a_near_pair_needs_a_figure_that_is_a_count():
    def figure(value, unit):
        return Figure(str(value), 0, 1, float(value), unit=unit)

    assert fuzzy._corroborated([figure(379, "person")], [figure(379, "person")])
    assert fuzzy._corroborated([figure(28e6, fuzzy.BARE)], [figure(28e6, fuzzy.BARE)])  # "28 million reais"
    assert not fuzzy._corroborated([figure(737, fuzzy.BARE)], [figure(737, fuzzy.BARE)])  # a model
    assert not fuzzy._corroborated([figure(5, "person")], [figure(5, "person")])  # too small to tell
    # One figure in common, another that disagrees: not corroborated.
    assert not fuzzy._corroborated(
        [figure(379, "person"), figure(20, "hour")], [figure(379, "person"), figure(30, "hour")]
    )


def test_a_modal_word_in_another_run_of_the_sentence_still_counts():
    """The same senses in both claims, one of them also elsewhere: "... all
    will stay" / "... all may stay" differ by one run all the same."""
    link, merged = linked(
        "The minister will say some may leave but all will stay",
        "The minister will say some may leave but all may stay",
    )
    assert not merged and link.conflict == "changed"


def test_digits_float_cannot_read_are_skipped():
    """ "❶" passes str.isdigit; the linker must not raise on any text."""
    result = link_claims(
        [
            claim("a", "❶ رفع أسعار الوقود بنسبة 10% اعتبارا من الشهر المقبل", "ar"),
            claim("b", "رفع أسعار الوقود بنسبة 10% اعتبارا من الشهر المقبل ፩", "ar"),
        ]
    )
    assert result.clusters == [["a", "b"]]


@pytest.mark.parametrize(
    ("a", "b", "language", "conflict", "merged"),
    [
        # A weekday is no month: "الاثنين، 12 إصابة" is a count.
        (
            "سجلت وزارة الصحة، الاثنين، 12 إصابة جديدة بفيروس كورونا",
            "سجلت وزارة الصحة، الاثنين، 45 إصابة جديدة بفيروس كورونا",
            "ar",
            "figure",
            True,
        ),
        (
            "The health ministry reported on Monday 12 new infections in the capital",
            "The health ministry reported on Monday 45 new infections in the capital",
            "en",
            "figure",
            True,
        ),
        # "may" is a verb unless the text writes "May".
        (
            "Up to 20 may have been killed in the landslide, officials said",
            "Up to 200 may have been killed in the landslide, officials said",
            "en",
            "figure",
            True,
        ),
        # A day, a comma, a count: no range.
        (
            "By March 31, 14 of the 27 member states had ratified the treaty",
            "By March 31, 19 of the 27 member states had ratified the treaty",
            "en",
            "figure",
            True,
        ),
        (
            "On March 15, 12 new infections were recorded in the capital",
            "On March 15, 45 new infections were recorded in the capital",
            "en",
            "figure",
            True,
        ),
        # An Arabic day comes before its month: the number after it counts.
        (
            "سجلت وزارة الصحة في 15 مارس، 12 إصابة جديدة بفيروس كورونا",
            "سجلت وزارة الصحة في 15 مارس، 45 إصابة جديدة بفيروس كورونا",
            "ar",
            "figure",
            True,
        ),
        # A dateline in capitals.
        (
            "LONDON, MAY 20 (Reuters) - The central bank raised its key rate by a quarter point",
            "LONDON, MAY 21 (Reuters) - The central bank raised its key rate by a quarter point",
            "en",
            "changed",
            False,
        ),
        # "many" / "a few", "very few" / "many": another quantity.
        (
            "Many people were injured in the blast",
            "A few people were injured in the blast",
            "en",
            "changed",
            False,
        ),
        (
            "Very few residents have returned to the town since the ceasefire",
            "Many residents have returned to the town since the ceasefire",
            "en",
            "changed",
            False,
        ),
        # One quantity in other words.
        (
            "Many people were injured in the blast",
            "Numerous people were injured in the blast",
            "en",
            None,
            True,
        ),
        (
            "A few people were injured in the blast",
            "Several people were injured in the blast",
            "en",
            None,
            True,
        ),
        # The verb of an all-capitals headline is no month.
        (
            "UP TO 20 MAY HAVE DIED IN BLAST, OFFICIALS SAY",
            "UP TO 25 MAY HAVE DIED IN BLAST, OFFICIALS SAY",
            "en",
            "figure",
            True,
        ),
        # A range with an em dash; a day before its month, then a count.
        (
            "The summit will be held on 15—16 March in Cairo",
            "The summit will be held on 15 March in Cairo",
            "en",
            None,
            True,
        ),
        (
            "By 31 March, 14 of the 27 member states had ratified the treaty",
            "By 31 March, 19 of the 27 member states had ratified the treaty",
            "en",
            "figure",
            True,
        ),
        # Two kinds named, none in common with the other count.
        (
            "The army said it killed 20 rebel soldiers in the village",
            "The army said it killed 20 civilians in the village",
            "en",
            "changed",
            False,
        ),
    ],
)
def test_dates_quantities_and_kinds_of_people(a, b, language, conflict, merged):
    link, joined = linked(a, b, language)
    assert link is not None and link.conflict == conflict
    assert joined is merged


def test_a_digit_int_cannot_read_next_to_a_day_is_skipped():
    result = link_claims(
        [claim("a", "Police said 12 ❶ people were hurt"), claim("b", "Police said 12 people were hurt")]
    )
    assert result.clusters == [["a", "b"]]


def test_a_claims_text_is_scanned_once_for_its_dates(monkeypatch):
    """The text's dashes are read once per claim, not once per number (a
    claim of 8,000 day pairs took 28 s when each number scanned the text)."""
    scans = []
    pattern = fuzzy._Written._RANGE

    class Counting:
        def findall(self, text):
            scans.append(len(text))
            return pattern.findall(text)

    monkeypatch.setattr(fuzzy._Written, "_RANGE", Counting())
    text = " ".join("3 4" for _ in range(8000))
    numbers, dates = fuzzy._numbers(text, frozenset(), text)
    assert len(scans) == 1
    assert len(numbers) == 16000 and dates == []  # no month: all counts
