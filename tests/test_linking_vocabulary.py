"""The linker's third round of vocabulary and rules: phrases read as one
word, a country with its adjective and short names, the present tense of
Form IV verbs, title words that name someone else; and the second
development and third held-out sets keep their form (the held-out pairs are
never read for their content here)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
from claimtrack_linker import fuzzy
from claimtrack_linker.words import Lexicon, lexicon

from claimtrack import LinkClaim, link_claims, normalize_text

from .test_linking_dataset import NOTES

ROOT = Path(__file__).resolve().parents[1]


def read(text: str, language: str = "en") -> list[str]:
    return lexicon().read(normalize_text(text, language).split())


def claim(claim_id, text, language="en", **kw):
    return LinkClaim(claim_id, text, language, **kw)


def test_phrases_are_read_as_one_word():
    assert read("the United States") == read("the US") == read("America") == ["us"]
    assert read("the United Kingdom") == read("Britain") == read("British") == read("UK")
    assert read("بلغ المربع الذهبي", "ar") == read("بلغ نصف النهائي", "ar")
    assert read("بهدف دون رد", "ar") == read("بهدف نظيف", "ar")
    # Words of a phrase met apart are read as themselves.
    assert read("united front") == ["unit", "front"]
    assert read("states agreed") == ["state", "agre"]


def test_a_phrase_may_head_its_group(tmp_path):
    path = tmp_path / "lexicon.txt"
    path.write_text(
        "[synonyms en]\nprime_minister premier\nsay said\n[stopwords en]\nthe\n", encoding="utf-8"
    )
    words = Lexicon(path)
    assert words.read(["the", "prime", "minister", "said"]) == words.read(["the", "premier", "said"])
    assert words.read(["the", "premier"]) == ["prime_minist"]
    assert words.read(["minister"]) == ["minist"]


def test_countries_and_their_adjectives():
    for pair in [("Chile", "Chilean"), ("Japan", "Japanese"), ("Canada", "Canadian"), ("Germany", "German")]:
        assert read(pair[0]) == read(pair[1]), pair
    assert read("Russia") != read("Moscow")  # a capital is not its country
    assert read("السعودية", "ar") == read("المملكة العربية السعودية", "ar")
    assert read("السعودية", "ar") != read("الرياض", "ar")


def test_present_tense_of_form_iv_verbs():
    # "تعلن" is the present tense of "أعلن" (a verb of saying).
    assert read("تعلن", "ar") == read("أعلنت", "ar") == read("قال", "ar")


def test_a_negated_form_iv_verb_is_a_negation():
    result = link_claims(
        [
            claim("a", "الحكومة العمانية أعلنت عطلة رسمية لمدة يومين بسبب الإعصار", "ar"),
            claim("b", "الحكومة العمانية لم تعلن عطلة رسمية بسبب الإعصار", "ar"),
        ]
    )
    assert result.clusters == []
    assert [link.conflict for link in result.links] == ["negation"]


@pytest.mark.parametrize(
    ("a", "b", "language"),
    [
        (
            "الرئيس المصري يفتتح مصنعا للأسمدة في محافظة دمياط",
            "رئيس الوزراء المصري يفتتح مصنعا للأسمدة في محافظة دمياط",
            "ar",
        ),
        ("وزير النقل الأردني يتفقد ميناء العقبة", "وكيل وزير النقل الأردني يتفقد ميناء العقبة", "ar"),
        (
            "The finance minister will visit Nairobi on Monday",
            "The deputy finance minister will visit Nairobi on Monday",
            "en",
        ),
    ],
)
def test_a_title_word_added_names_someone_else(a, b, language):
    result = link_claims([claim("a", a, language), claim("b", b, language)])
    assert result.clusters == []
    assert [link.conflict for link in result.links] == ["changed"]


def test_a_detail_added_is_still_the_same_claim():
    """Only title words make an added word a changed fact: outlets add
    details ("oil", "annual") to a claim they repeat."""
    result = link_claims(
        [
            claim("a", "OPEC+ agreed to cut output by 2 million barrels a day"),
            claim("b", "OPEC+ agreed to cut oil output by 2 million barrels a day"),
        ]
    )
    assert result.clusters == [["a", "b"]]


def test_country_names_link_a_reworded_claim():
    result = link_claims(
        [
            claim("a", "Chile produced 44,000 tonnes of copper cathodes last year"),
            claim("b", "Chilean copper cathode production reached 44,000 tonnes last year"),
        ]
    )
    assert result.clusters == [["a", "b"]]


def test_roles_are_compared_in_their_form():
    assert {lexicon().form(normalize_text("الوزراء", "ar")), lexicon().form("deputy")} <= fuzzy.ROLE_WORDS


# --------------------------------------------------------------------------- new sets


SETS = {"linking-dev2": "d2", "linking-dev3": "d3", "linking-heldout3": "h3", "linking-heldout4": "h4"}


@pytest.mark.parametrize("name", sorted(SETS))
def test_new_sets_well_formed(name):
    """Form only: ids, fields, labels and the README's counts."""
    path = ROOT / "datasets" / name / "pairs.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    texts = [" ".join(row[key]["text"].split()) for row in rows for key in ("a", "b")]
    assert len(texts) == len(set(texts)), "a text appears twice"
    readme = (path.parent / "README.md").read_text(encoding="utf-8")
    for language in ("ar", "en"):
        ids = [row["id"] for row in rows if row["language"] == language]
        assert ids == [f"{SETS[name]}-{language}-{n:03d}" for n in range(1, len(ids) + 1)]
        labels = Counter(row["label"] for row in rows if row["language"] == language)
        hard = Counter(row["note"] for row in rows if row["language"] == language)
        assert (
            f"| {language} | {labels['same']} | {labels['conflict']} | {labels['different']} | "
            f"{sum(labels.values())} | {hard['negation']} | {hard['changed fact']} |" in readme
        )
    for row in rows:
        assert set(row) == {"id", "language", "a", "b", "label", "note"}
        assert row["note"] in NOTES[row["label"]], row["id"]
        for key in ("a", "b"):
            assert set(row[key]) == {"text", "speaker", "outlet", "published"}
            dt.date.fromisoformat(row[key]["published"])


def test_the_checks_vocabulary_is_listed_in_the_lexicon():
    """Negations, contrasts, qualifiers, title words and calendar names are
    listed once, in lexicon.txt, in both languages; a contrast is a pair."""
    for kind, words in (
        ("negations", fuzzy.NEGATIONS),
        ("qualifiers", fuzzy.QUALIFIERS),
        ("roles", fuzzy.ROLE_WORDS),
        ("calendar", fuzzy.CALENDAR_WORDS),
    ):
        lines = lexicon().lines(kind)
        assert {language for _, language in lines} == {"ar", "en"}, kind
        # A month named in two words ("كانون_الثاني") is listed by its first.
        assert {fuzzy._form(word.split("_")[0]) for line, _ in lines for word in line} <= words, kind
    # An Arabic negation also counts with و or ف written on.
    assert {fuzzy._form("ولم"), fuzzy._form("فلن")} <= fuzzy.NEGATIONS
    # Conjunctions are matched as normalized, not stemmed ("أو" is "او").
    assert {"and", "or", "و", normalize_text("أو", "ar")} == fuzzy._CONJUNCTIONS
    contrasts = lexicon().lines("contrasts")
    assert {language for _, language in contrasts} == {"ar", "en"}
    for line, _ in contrasts:
        assert len(line) == 2, line
        a, b = (fuzzy._form(word) for word in line)
        assert b in fuzzy.CONTRASTS[a] and a in fuzzy.CONTRASTS[b]
