"""Arabic normalization: one place, used by search, linking and extraction."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import fold_accents, fold_chars, fold_digits, fold_with_offsets, normalize, original_offset


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("إرسال أول دفعة", "ارسال اول دفعه"),
        ("مُنَظَّمَةُ", "منظمه"),
        ("مـــنظمة", "منظمة"),
        ("آمال", "امال"),
        ("مستشفى", "مستشفي"),
        ("مسؤول", "مسوول"),
        ("رئيس", "رءيس".replace("ء", "ئ")),
        ("٢٥٠٠", "2500"),
        ("۲٬۵۰۰", "2500"),
        ("2,500", "2500"),
        ("٢٫٥", "2.5"),
        ("Café «Noir»!", "cafe noir"),
        ("ﻻ", "لا"),
        ("کتاب", "كتاب"),
    ],
)
def test_variants_normalize_alike(a, b):
    assert normalize(a) == normalize(b)


def test_decimals_and_separators():
    assert normalize("2.5 مليون") == "2.5 مليون"
    assert normalize("نهاية الجملة.") == "نهايه الجمله"
    assert fold_digits("٢٬٥٠٠ و١٢٫٥") == "2500 و12.5"


def test_fold_chars_keeps_length():
    text = "أكّد «إرسال» ٢٥٠٠"
    assert len(fold_chars(text)) == len(text)


@given(st.text())
def test_fold_with_offsets_maps_back(text):
    folded, offsets = fold_with_offsets(text)
    # Position 0 is the first character kept: what stands before it in the
    # text ("ۖ", a mark of Quranic recitation) is all dropped.
    assert fold_with_offsets(text[: original_offset(offsets, 0)])[0] == ""
    assert original_offset(offsets, len(folded)) <= len(text)
    for i, char in enumerate(folded):
        assert fold_chars(text[original_offset(offsets, i)]) == char


@given(st.text())
def test_normalize_never_raises_and_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


# normalize() is written for speed (str.replace per letter, regexes that let
# the engine skip ahead); these references spell each step out character by
# character, so a faster rewrite that changes the result fails here.
def _reference_fold(text: str) -> str:
    from claimtrack.normalize import _FOLDS

    return "".join(_FOLDS.get(c, c) for c in text)


def _reference_normalize(text: str) -> str:
    import re
    import unicodedata

    from claimtrack.normalize import _ACCENTED, _REMOVABLE

    text = _REMOVABLE.sub("", _reference_fold(unicodedata.normalize("NFKC", text))).casefold()
    if _ACCENTED.search(text):  # Latin, Greek or Cyrillic letters: their diacritics go
        decomposed = unicodedata.normalize("NFD", text)
        text = unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))
        letters = {"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h"}
        letters |= {"æ": "ae", "œ": "oe", "þ": "th"}
        text = "".join(letters.get(c, c) for c in text)
    kept = []
    for i, c in enumerate(text):
        before = text[i - 1] if i else ""
        after = text[i + 1 : i + 4]
        if (
            c in ",\u066c'"
            and before.isdecimal()
            and len(after) == 3
            and after.isdecimal()
            and not text[i + 4 : i + 5].isdecimal()
        ):
            continue  # a thousands separator
        if c == ".":
            kept.append(c if before.isdecimal() and after[:1].isdecimal() else " ")
        elif c == "_" or not (c.isspace() or c == "%" or re.match(r"\w", c)):
            kept.append(" ")
        else:
            kept.append(c)
    return " ".join("".join(kept).split())


_ARABIC_NEWS = st.text(
    alphabet=st.sampled_from(
        list("أإآٱٲٳىیېةۀؤئک٫٬،؛؟٠١٢٣٤٥٦٧٨٩۰۱۲۳٥ .,'_%-:;!?«»\t\n\u00a0\u064b\u0640")
        + list("ابتثجحخدذرزسشصضطظعغفقكلمنهويabcXYZéÉ0123456789")
    ),
    max_size=60,
)


@given(st.one_of(st.text(), _ARABIC_NEWS))
def test_fold_matches_a_character_by_character_reference(text):
    assert fold_chars(text) == _reference_fold(text)


@given(st.one_of(st.text(), _ARABIC_NEWS))
def test_normalize_matches_a_step_by_step_reference(text):
    assert normalize(text) == _reference_normalize(text)


def test_latin_letters_with_a_mark_of_their_own_are_folded():
    """NFD leaves "ı", "ø", "ł" whole: outlets write "Diyarbakir",
    "Oresund", "Lodz" too."""
    assert normalize("Diyarbakır, Øresund, Łódź, Æther, Guðni, Þingvellir") == (
        "diyarbakir oresund lodz aether gudni thingvellir"
    )
    assert fold_accents("Diyarbakır, Øresund, Łódź, Bogotá") == "Diyarbakir, Oresund, Lodz, Bogota"


_WORDISH = [
    *("said", "Said", "SAID", "told", "added.", "x-said", "saidx", "the", ",", "_said"),
    *("قال", "وقال", "قالت", "استقال", "قال،", "«قال»", "١٢قال"),
]


@given(st.lists(st.sampled_from(_WORDISH), max_size=25))
def test_find_words_finds_what_a_word_by_word_scan_finds(words):
    """find_words looks only for the spellings a text holds; the positions
    are those of a scan that visits every word, with and without a key."""
    import re

    from claimtrack import find_words

    text = " ".join(words)
    wanted = {"said", "told", "قال", "قالت"}
    scan = [(w.start(), w.group()) for w in re.finditer(r"\w+", text) if w.group() in wanted]
    assert find_words(text, wanted) == scan
    lower = [(w.start(), w.group()) for w in re.finditer("[A-Za-z]+", text) if w.group().lower() in wanted]
    assert find_words(text, wanted, "[A-Za-z]", str.lower) == lower


def test_word_trie_matches_exactly_its_words():
    import re

    from claimtrack import word_trie

    words = ["by", "before", "after", "a", "ago", "a few", "ذلك", "اليوم"]
    pattern = re.compile(f"(?:{word_trie(words)})\\Z")
    assert all(pattern.match(w) for w in words)
    assert not any(pattern.match(w) for w in ["b", "bef", "afterwards"[:6], "few", "اليو", "ag"])
    spaced = re.compile(f"(?:{word_trie(['a few'], space=' +')})\\Z")
    assert spaced.match("a   few") and not spaced.match("afew")
    assert word_trie([]) == ""
