"""The character folds are applied by a regex (normalize._fold), for speed;
they must fold exactly what a plain translation table of the same folds
would, for every character."""

from __future__ import annotations

from claimtrack.normalize import _DIGIT_FOLDS, _LETTER_FOLDS, _fold, fold_chars


def test_every_character_folds_as_the_translation_table_says():
    table = str.maketrans({**_LETTER_FOLDS, **_DIGIT_FOLDS})
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert _fold(every) == every.translate(table)


def test_folding_keeps_length_and_folds_letters_and_digits():
    assert fold_chars("إرسال أول دفعة ٢٥٠٠") == "ارسال اول دفعه 2500"
    assert len(fold_chars("مستشفى، ۱۲")) == len("مستشفى، ۱۲")
