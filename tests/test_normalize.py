"""Arabic normalization: one place, used by search, linking and extraction."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import fold_chars, fold_digits, fold_with_offsets, normalize, original_offset


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
    assert original_offset(offsets, 0) == 0 or not text
    assert original_offset(offsets, len(folded)) <= len(text)
    for i, char in enumerate(folded):
        assert fold_chars(text[original_offset(offsets, i)]) == char


@given(st.text())
def test_normalize_never_raises_and_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once
