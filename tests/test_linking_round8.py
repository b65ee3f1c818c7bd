"""The linker's eighth round, by words: who did what to whom, swapped, is a
changed fact (compared as sets, the two claims are one), and every link
says how many words each claim adds (``differing``)."""

from __future__ import annotations

import pytest
from claimtrack_linker import fuzzy

from claimtrack import LinkClaim, link_claims


def claim(claim_id, text, language="en"):
    return LinkClaim(claim_id, text, language)


@pytest.mark.parametrize(
    ("a", "b", "language", "runs"),
    [
        (
            "The supermarket chain bought the bakery group",
            "The bakery group bought the supermarket chain",
            "en",
            ["supermarket chain", "bakery group"],
        ),
        (
            "The veteran champion beat the young challenger in straight sets",
            "The young challenger beat the veteran champion in straight sets",
            "en",
            ["veteran champion", "young challenger"],
        ),
        (
            "تغلب فريق الشرطة على فريق الجيش في نهائي الكأس",
            "تغلب فريق الجيش على فريق الشرطة في نهائي الكأس",
            "ar",
            ["الشرطه", "الجيش"],
        ),
        (
            "نقلت الوزارة صلاحيات منح التراخيص من البلديات إلى المحافظات",
            "نقلت الوزارة صلاحيات منح التراخيص من المحافظات إلى البلديات",
            "ar",
            ["البلديات", "المحافظات"],
        ),
    ],
)
def test_roles_swapped_are_a_changed_fact(a, b, language, runs):
    result = link_claims([claim("a", a, language), claim("b", b, language)])
    assert result.clusters == []
    assert [(link.conflict, link.evidence["changed"]) for link in result.links] == [("changed", runs)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Two names joined by "and", in either order.
        ("Egypt and Jordan signed a water agreement", "Jordan and Egypt signed a water agreement"),
        # A clause moved whole.
        (
            "Hotels in the south were emptied as the fire spread",
            "As the fire spread hotels in the south were emptied",
        ),
        (
            "تقلصت مساحة البحيرة إلى النصف خلال عقد واحد بسبب الجفاف",
            "بسبب الجفاف، تقلصت مساحة البحيرة خلال عقد واحد إلى النصف",
        ),
    ],
)
def test_reorderings_that_keep_the_roles_stay_linked(a, b):
    language = "en" if a.isascii() else "ar"
    result = link_claims([claim("a", a, language), claim("b", b, language)])
    assert result.clusters == [["a", "b"]]


def test_roles_swapped_needs_the_very_same_words():
    def swap(a: str, b: str) -> list[str]:
        return fuzzy._roles_swapped(a.split(), b.split())

    assert swap("a b c d", "c b a d") == ["a", "c"]
    assert swap("a b c", "a b c") == []  # the same order
    assert swap("a b c", "c a b") == []  # a run moved, nothing between
    assert swap("a b c", "c b a x") == []  # another word
    assert swap("a and c", "c and a") == []  # joined by "and"


def test_every_link_says_how_many_words_each_claim_adds():
    result = link_claims(
        [
            claim("a", "The council approved the new riverside park and the cycle path plan on Tuesday"),
            claim(
                "b", "The council approved the new riverside park and the cycle path plan on Tuesday evening"
            ),
        ]
    )
    (link,) = result.links
    assert link.evidence["differing"] == (0, 1)
