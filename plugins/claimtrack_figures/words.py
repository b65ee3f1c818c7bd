"""How a word of the text is looked up in the figure tables.

The tables (units, number words, qualifiers, cues) are written the way a reader
spells the words: "ألف", "مئة", "ساعة". The recognizer matches on text folded by
:func:`claimtrack.fold_with_offsets` (hamza and alef forms, ta marbuta, alef
maqsura, diacritics), so every table key goes through :func:`fold_word` once,
when the table is built, and both sides agree.

Arabic attaches conjunctions, prepositions and the article to the next word:
"وخمسمائة", "بالمئة", "اليومين", "لثلاثة". :func:`split_prefix` finds a table
word behind such a prefix.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

from claimtrack import fold_with_offsets

T = TypeVar("T")

#: Clitics that may stand before a number word: "وخمسة", "بخمسة", "لثلاثة".
#: Never the article: "الاثنين" is Monday and "الأحد" Sunday, not numbers.
NUMBER_PREFIXES = ("", "و", "ب", "ل", "ف", "ك", "وب", "ول", "فب", "فل")
#: Clitics that may stand before a unit noun: the article too ("اليومين").
UNIT_PREFIXES = ("", "ال", "و", "ب", "ل", "ف", "ك", "وال", "بال", "فال", "كال", "لل", "وب", "ول", "وبال")
#: Clitics before a cue word ("ومقتل", "بنحو", "للمادة").
CUE_PREFIXES = ("", "و", "ب", "ل", "ف", "وب", "ول", "فب", "ال", "وال", "بال", "لل")
#: The only clitics a unit noun may carry right after its number ("2500 الجنود"
#: never happens, but "عشرات القتلى" and "آلاف الأشخاص" do).
AFTER_NUMBER_PREFIXES = ("", "ال")


def fold_word(word: str) -> str:
    """The form a table word is matched in: Arabic letters folded, diacritics
    dropped, Latin lowercased."""
    return fold_with_offsets(word)[0].lower()


def split_words(text: str) -> list[str]:
    """The words of a table written as one string: tables of many short
    words read better that way than as lists of quoted strings."""
    return text.split()


def folded_table(entries: Iterable[tuple[str, T]]) -> dict[str, T]:
    """A lookup table keyed by folded words. A later entry for the same folded
    form does not replace an earlier one, so put the preferred reading first."""
    table: dict[str, T] = {}
    for word, value in entries:
        table.setdefault(fold_word(word), value)
    return table


def split_prefix(word: str, table: Mapping[str, T], prefixes: tuple[str, ...]) -> tuple[str, T] | None:
    """``(prefix, entry)`` for the first prefix in ``prefixes`` behind which
    ``word`` is a key of ``table``, or None. The bare word is tried first."""
    for prefix in prefixes:
        if prefix and not word.startswith(prefix):
            continue
        entry = table.get(word[len(prefix) :])
        if entry is not None:
            return prefix, entry
    return None


def clitic_length(prefix: str) -> int:
    """How many leading characters of ``prefix`` are a conjunction or a
    preposition rather than the article: the part a figure's span leaves out
    ("وساعتين" → "ساعتين", "واليومين" → "اليومين"). "لل" is "ل" fused with
    the article and cannot be split, so "لليومين" stays whole."""
    if prefix.endswith("ال"):
        return len(prefix) - 2
    if prefix.endswith("لل"):
        return len(prefix) - 2
    return len(prefix)
