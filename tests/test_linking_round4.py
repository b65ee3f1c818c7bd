"""The linker's fourth round: changed facts that add a word (a qualifier
such as "partially", another actor joined by "and"), "غير" read as a
negation, and what a reworded claim still links through."""

from __future__ import annotations

import os
import subprocess
import sys

from claimtrack_linker import fuzzy
from claimtrack_linker.words import lexicon

from claimtrack import LinkClaim, link_claims, normalize_text


def claim(claim_id, text, language="en", **kw):
    return LinkClaim(claim_id, text, language, **kw)


def conflicts(result) -> list[str | None]:
    return [link.conflict for link in result.links]


def test_a_qualifier_added_is_a_changed_fact():
    result = link_claims(
        [
            claim("a", "The border crossing at Rafah was closed to trucks"),
            claim("b", "The border crossing at Rafah was partially closed to trucks"),
            claim("c", "أغلقت السلطات الميناء التجاري أمام سفن الشحن", "ar"),
            claim("d", "أغلقت السلطات الميناء التجاري مؤقتا أمام سفن الشحن", "ar"),
            claim("e", "Universities in Lahore will close for the winter break"),
            claim("f", "Universities in Lahore will close early for the winter break"),
        ]
    )
    assert result.clusters == []
    assert conflicts(result) == ["changed", "changed", "changed"]


def test_an_actor_added_with_and_is_a_changed_fact():
    result = link_claims(
        [
            claim("a", "Lufthansa suspended all flights to Tehran until Friday"),
            claim("b", "Austrian Airlines and Lufthansa suspended all flights to Tehran until Friday"),
            claim("c", "شركة أرامكو ستبني مصفاة جديدة في ينبع", "ar"),
            claim("d", "شركة أرامكو وتوتال ستبنيان مصفاة جديدة في ينبع", "ar"),
        ]
    )
    assert result.clusters == []
    assert sorted(conflicts(result)) == ["changed", "changed"]


def test_a_detail_added_without_and_is_still_the_same_claim():
    result = link_claims(
        [
            claim("a", "Lufthansa suspended all flights to Tehran until Friday"),
            claim("b", "Lufthansa suspended all scheduled flights to Tehran until Friday"),
        ]
    )
    assert result.clusters == [["a", "b"]]


def test_ghair_is_a_negation():
    assert fuzzy._form("غير") in fuzzy.NEGATIONS
    result = link_claims(
        [
            claim("a", "المدارس الحكومية ستفتح أبوابها يوم الأحد", "ar"),
            claim("b", "المدارس غير الحكومية ستفتح أبوابها يوم الأحد", "ar"),
        ]
    )
    assert result.clusters == []
    assert conflicts(result) == ["negation"]


def figure(raw, value, unit, counted=None):
    return fuzzy.Figure(raw, 0, 0, value, unit=unit, counted=counted)


def test_a_bare_number_is_a_figure_of_any_unit():
    deaths = figure("١٢٠ حالة", 120.0, "case")
    assert fuzzy._same_figure([figure("120", 120.0, fuzzy.BARE)], [deaths])
    assert fuzzy._figure_conflict([figure("120", 120.0, fuzzy.BARE)], [deaths]) == []
    assert fuzzy._figure_conflict([figure("3100", 3100.0, fuzzy.BARE)], [figure("2500 حالة", 2500.0, "case")])
    # A bare number another figure of the pair accounts for is no conflict.
    lines = [figure("6", 6.0, fuzzy.BARE), figure("176 كيلومترا", 176.0, "km")]
    assert fuzzy._figure_conflict(lines, [figure("١٧٦ كيلومترا", 176.0, "km")]) == []
    plane = [figure("737", 737.0, fuzzy.BARE), figure("9", 9.0, fuzzy.BARE)]
    assert fuzzy._figure_conflict([*plane, figure("177 people", 177.0, "person")], plane) == []
    # "#number" against "#case" is no changed fact.
    assert fuzzy._opposed(frozenset({"#case"}), frozenset({"#number"})) == (None, [])


def test_a_bare_number_keeps_its_scale():
    assert [
        f.value
        for f in fuzzy._numbers(
            "over 2 million teslas in 2023", frozenset(), "over 2 million Teslas in 2023"
        )[0]
    ] == [2e6]
    assert [f.value for f in fuzzy._numbers("3 مليارات دولار", frozenset(), "3 مليارات دولار")[0]] == [3e9]


def test_a_figure_both_give_counts_as_a_shared_word():
    """A headline keeps the figure and few of the words."""
    result = link_claims(
        [
            claim(
                "a",
                "Around 300 textile factories in Faisalabad were closed on Monday after gas "
                "supplies were cut, the owners said",
            ),
            claim("b", "300 textile factories closed over gas shortage"),
        ]
    )
    assert result.clusters == [["a", "b"]]
    # A small count is no such evidence ("9 jets" of the 737 MAX 9).
    jets = [figure("9 jets", 9.0, "aircraft")]
    assert fuzzy._same_figure(jets, jets) == 1
    tonnes = [figure("50,000 tonnes", 50000.0, "ton")]
    assert fuzzy._same_figure(tonnes, tonnes) == 2


def read(text: str, language: str = "en") -> list[str]:
    return lexicon().read(normalize_text(text, language).split())


def test_general_news_vocabulary():
    assert read("the reserve", "en") == read("stockpiles", "en")
    assert read("demanded") == read("seeking")
    assert read("completed") == read("finished")
    assert read("shortage") == read("scarcity")
    assert read("أنهى", "ar") == read("أكمل", "ar")
    assert read("منسوب", "ar") == read("مستوى", "ar")
    assert read("الطحين", "ar") == read("الدقيق", "ar")
    assert read("شح", "ar") == read("نقص", "ar")
    assert read("التيار الكهربائي", "ar") == read("الكهرباء", "ar")
    assert read("رصدت", "ar") == read("سجلت", "ar")


def test_arabic_forms_of_one_word_count_as_shared():
    """ "انقطاع"/"تنقطع": one word the light stemmer leaves apart."""
    result = link_claims(
        [
            claim("a", "انقطاع المياه في الزرقاء يستمر 6 ساعات", "ar"),
            claim("b", "المياه تنقطع 8 ساعات بالزرقاء", "ar"),
        ]
    )
    assert result.clusters == [["a", "b"]]
    assert conflicts(result) == ["figure"]
    assert fuzzy._paired_forms(frozenset({"انقطاع", "كهرباء"}), frozenset({"تنقطع"})) == 1
    # English forms are Snowball's to join; close spellings are other words.
    assert fuzzy._paired_forms(frozenset({"ground"}), frozenset({"found"})) == 0


def test_a_figure_conflict_links_claims_reworded_little():
    """One claim with another figure is reworded little; two claims of one
    story with their own figures differ in more words."""
    a, b = claim("a", "-"), claim("b", "-")
    read = fuzzy.Reading.of
    percent = [figure("41 percent", 41.0, "percent")]
    other = [figure("66.8 percent", 66.8, "percent")]
    same = ["turnout", "provincial", "council", "election", "iraq", "reach", "#percent"]
    close = ["turnout", "provincial", "council", "vote", "iraq", "stood", "#percent"]
    far = [*same[:5], "presidential", "vote", "egypt", "stood", "commission", "official", "told", "#percent"]
    found = fuzzy._check(a, b, read(same, percent), read(close, other), 90.0, 77.0)
    assert found is not None and found.conflict == "figure"
    assert fuzzy._reworded(frozenset(same) - frozenset(far), frozenset(far) - frozenset(same)) > 6
    assert fuzzy._check(a, b, read(same, percent), read(far, other), 90.0, 77.0) is None
    # Claims that share more words than they differ in stay linked, however
    # many words a dateline adds.
    story = ["quake", "magnitude", "struck", "malatya", "province", "eastern", "turkey", "dawn", "#person"]
    dateline = ["ankara", "may", "xinhua", "agency", "report", "morning", "tuesday", *story]
    dead = [figure("11 people", 11.0, "person")]
    found = fuzzy._check(
        a, b, read(dateline, dead), read(story, [figure("9 people", 9.0, "person")]), 90.0, 77.0
    )
    assert found is not None and found.conflict == "figure"
    # Without a figure conflict the wording is the score's to judge.
    assert fuzzy._check(a, b, read(same, percent), read(far, percent), 90.0, 77.0) is not None


def test_contrast_evidence_in_one_order_whatever_the_hash_seed():
    """Two contrasts in one pair are listed in a fixed order: the evidence
    stored must not change from one run to the next."""
    code = (
        "from claimtrack_linker import fuzzy\n"
        "print(fuzzy._opposed(frozenset({'rise', 'approv', 'won'}), frozenset({'fall', 'reject', 'lose'})))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in (1, 2, 3, 4)
    }
    assert outputs == {"('contrast', ['approv/reject', 'rise/fall', 'won/lose'])\n"}


def test_month_names_of_every_region_are_never_forms_of_one_word():
    """The Moroccan and Egyptian spellings too: "يوليوز" (July) is close in
    letters to "يونيو" (June), and two months are two facts."""
    from claimtrack_arabic.dates import MONTHS
    from claimtrack_linker import fuzzy

    names = [name for name in MONTHS if " " not in name]
    assert {fuzzy._form(name) for name in names} <= fuzzy.CALENDAR_WORDS
    assert not fuzzy._one_word("يوليوز", "يونيو")
