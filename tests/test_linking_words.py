"""The default linker's reading of words (stems, the shipped lexicon), its
changed-fact and figure rules, its blocking, and clustering that never joins
a claim with its negation."""

from __future__ import annotations

import numpy as np
import pytest
from claimtrack_linker import fuzzy
from claimtrack_linker.words import Lexicon, arabic_stem, english_stem, lexicon

from claimtrack import Link, LinkClaim, link_claims, normalize_text
from claimtrack.linking import clusters_of


@pytest.mark.parametrize(
    ("words", "stem"),
    [
        (["deals", "deal"], "deal"),
        (["reached", "reaching", "reaches"], "reach"),
        (["increased", "increase", "increases"], "increas"),
        (["agreed", "agree"], "agre"),
        (["cities", "city"], "citi"),
        (["running"], "run"),
        # Snowball takes off derivational endings the light stemmer kept.
        (["ready", "readiness"], "readi"),
        (["arrangement", "arranged", "arrange"], "arrang"),
        (["nationalise", "nationalisation"], "nationalis"),
        (["CSTO".lower(), "us"], None),  # short words stay as they are
    ],
)
def test_english_stem(words, stem):
    stems = {english_stem(w) for w in words}
    assert len(stems) == 1 if stem else stems == set(words)
    if stem:
        assert stems == {stem}


@pytest.mark.parametrize(
    ("words", "stem"),
    [
        (["المصرية", "والمصري", "مصر"], "مصر"),
        (["الكازاخستانية", "كازاخستان"], "كازاخست"),
        (["بلغت", "بلغ"], "بلغ"),
        (["للعودة"], "عود"),
    ],
)
def test_arabic_stem(words, stem):
    assert {arabic_stem(normalize_text(w, "ar")) for w in words} == {stem}


def test_arabic_stem_keeps_first_letters_that_may_be_part_of_the_word():
    # ل and ك begin these words; only "ال" after them shows a clitic.
    assert arabic_stem(normalize_text("لبنان", "ar")).startswith("لبن")
    assert arabic_stem(normalize_text("كازاخستان", "ar")).startswith("ك")


def form(word: str, language: str) -> str | None:
    return lexicon().form(normalize_text(word, language))


def test_synonyms_stop_words_and_numbers():
    assert form("cut", "en") == form("eliminating", "en") == form("reduce", "en")
    assert form("تراجع", "ar") == form("انخفض", "ar") == form("انخفاض", "ar")
    assert form("يسجل", "ar") == form("سجل", "ar")  # present tense of a listed verb
    assert form("the", "en") is None and form("three", "en") is None and form("2500", "en") is None
    assert form("ثلاثة", "ar") is None
    # Stop and number words match as written, not stemmed.
    assert form("قبلت", "ar") is not None  # accepted, not "قبل" (before)
    assert form("الاثنين", "ar") is not None  # Monday, not "اثنين" (two)
    assert form("not", "en") == "not"  # "noted" is no longer a synonym of "said"


def test_lexicon_errors_name_file_and_line(tmp_path):
    path = tmp_path / "lexicon.txt"
    path.write_text("# comment\nword before section\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"lexicon.txt:2: words before any \[section\]"):
        Lexicon(path)


def claim(claim_id, text, language="en", **kw):
    return LinkClaim(claim_id, text, language, **kw)


def test_reworded_claims_link():
    result = link_claims(
        [
            claim("a", "Alphabet will cut 12,000 jobs at Google"),
            claim("b", "Alphabet is eliminating 12,000 positions at Google"),
            claim("c", "تراجع معدل التضخم السنوي في تركيا إلى 61.8 بالمئة في أكتوبر", "ar"),
            claim("d", "انخفض التضخم السنوي في تركيا خلال شهر أكتوبر إلى 61.8%", "ar"),
        ]
    )
    assert result.clusters == [["a", "b"], ["c", "d"]]


def test_changed_fact_only_when_words_are_replaced_in_place():
    a = "The first Belarusian peacekeepers have landed at Almaty airport"
    b = "The first Belarusian peacekeepers have landed at Nur-Sultan airport"
    result = link_claims([claim("a", a), claim("b", b)])
    assert result.clusters == [] and [link.conflict for link in result.links] == ["changed"]
    # The same words moved and reworded are no changed fact.
    assert fuzzy._swapped_in_place(["x", "y", "z", "w"], ["x", "q", "z", "w"])
    assert not fuzzy._swapped_in_place(["x", "y", "z", "w"], ["y", "x", "z", "q"])
    assert not fuzzy._swapped_in_place(["x", "y", "z", "w"], ["x", "z", "w", "q"])


def test_bare_numbers_are_compared_and_flagged():
    result = link_claims(
        [
            claim("a", "The US economy added 336,000 jobs in September"),
            claim("b", "The US economy added 297,000 jobs in September"),
        ]
    )
    assert result.clusters == [["a", "b"]]
    assert [link.conflict for link in result.links] == ["figure"]
    # Years are dates, not counts: they are tokens of their own.
    assert fuzzy._numbers("in 2024 some 12 people", frozenset(), "In 2024, some 12 people") == (
        [fuzzy.Figure("12", 0, 0, 12.0, unit="number")],
        ["#2024"],
    )


def test_clusters_never_join_a_claim_and_its_negation_through_a_chain():
    links = [
        Link("a", "b", 95),  # "will reach 2,500" / "will reach 2500 troops"
        Link("b", "c", 90),  # "will reach 2500 troops" / "will not reach 2,500 troops": missed
        Link("a", "c", 92, "negation"),
    ]
    clusters = clusters_of("abc", links)
    assert clusters == [["a", "b"]]
    # Existing groups keep their members; the negation still separates.
    assert clusters_of("abcd", [Link("c", "d", 90), Link("a", "d", 90, "negation")], [["a", "b"]]) == [
        ["a", "b"],
        ["c", "d"],
    ]


def test_candidate_pairs_each_pair_once_and_only_with_new_claims():
    texts = ["alpha beta gamma delta", "alpha beta gamma delta", "alpha beta gamma epsilon", "zeta eta"]
    claims = [claim(str(i), t) for i, t in enumerate(texts)]
    pairs = np.concatenate(list(fuzzy.candidate_pairs(claims, texts, None)))
    assert sorted(map(tuple, pairs.tolist())) == [(0, 1), (0, 2), (1, 2)]
    only_new = np.concatenate(list(fuzzy.candidate_pairs(claims, texts, np.array([0, 0, 1, 0], bool))))
    assert sorted(map(tuple, only_new.tolist())) == [(0, 2), (1, 2)]


def test_candidate_pairs_never_cross_languages():
    claims = [claim("a", "alpha beta gamma", "en"), claim("b", "alpha beta gamma", "ar")]
    assert list(fuzzy.candidate_pairs(claims, ["alpha beta gamma"] * 2, None)) == []
