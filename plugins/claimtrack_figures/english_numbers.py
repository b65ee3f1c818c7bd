"""English number words: "two thousand five hundred", "twenty-five", "a
dozen", "dozens", "2.5 million", "5bn", "half", "a quarter".

Each word is a :class:`.number_words.NumberWord`; the grammar combines them
("two hundred and fifty thousand", "one and a half million", "half a
million"). Scale abbreviations ("bn", "mln", "k") follow digits ("€5bn",
"5k"); "m" and "b" are scales only next to money ("$8m") or before a noun
that is not a length, and otherwise "m" is metres.
"""

from __future__ import annotations

from .number_words import NumberWord
from .words import split_words

_WORDS = split_words("one two three four five six seven eight nine")
_TEENS = split_words("eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
_TENS = split_words("twenty thirty forty fifty sixty seventy eighty ninety")


def _entries() -> dict[str, NumberWord]:
    table: dict[str, NumberWord] = {}
    for value, word in enumerate(_WORDS, start=1):
        table[word] = NumberWord("unit", value)
    table["ten"] = NumberWord("ten", 10)
    for value, word in enumerate(_TEENS, start=11):
        table[word] = NumberWord("teen", value)
    for value, word in zip(range(20, 100, 10), _TENS, strict=True):
        table[word] = NumberWord("tens", value)
    table["hundred"] = NumberWord("hundred", 100)
    for value, words in (
        (1e3, "thousand k"),
        (1e6, "million mn mln"),
        (1e9, "billion bn"),
        (1e12, "trillion tn trn"),
    ):
        for word in words.split():
            table[word] = NumberWord("scale", value, 1)
    for value, word in (
        (10, "tens"),
        (100, "hundreds"),
        (1e3, "thousands"),
        (1e6, "millions"),
        (1e9, "billions"),
    ):
        table[word] = NumberWord("vague", value)
    # "dozens": a dozen up to a dozen dozen; "scores": a score up to a hundred.
    table["dozens"] = NumberWord("vague", 12, ceiling=12)
    table["scores"] = NumberWord("vague", 20, ceiling=5)
    table["several"] = NumberWord("few", 1)
    table["few"] = NumberWord("few", 1)
    table["many"] = NumberWord("few", 1)
    table["dozen"] = NumberWord("dozen", 12)
    table["half"] = NumberWord("fraction", 0.5)
    table["quarter"] = NumberWord("fraction", 0.25)
    table["third"] = NumberWord("fraction", 1 / 3)
    table["a"] = NumberWord("article", 1)
    table["an"] = NumberWord("article", 1)
    return table


#: English number words, lowercase.
ENGLISH_NUMBER_WORDS: dict[str, NumberWord] = _entries()

#: Scale letters that follow digits only next to money or a counted noun:
#: "$8m", "$5b", "5m people" (but "5m" alone is five metres).
MONEY_SCALES: dict[str, NumberWord] = {
    "m": NumberWord("scale", 1e6, 1),
    "b": NumberWord("scale", 1e9, 1),
}
