"""The linker's fourth round: changed facts that add a word (a qualifier
such as "partially", another actor joined by "and"), "غير" read as a
negation, and what a reworded claim still links through."""

from __future__ import annotations

from claimtrack_linker import fuzzy

from claimtrack import LinkClaim, link_claims


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
        ]
    )
    assert result.clusters == []
    assert conflicts(result) == ["changed", "changed"]


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
