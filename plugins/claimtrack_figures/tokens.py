"""The tokenizer, and what the grammar needs to know about each word.

One compiled regex cuts the text into tokens: numbers (any script's digits,
with "," "." "٫" "٬" separators), times ("5:30"), slashed dates, Arabic words
(diacritics and tatweel kept inside the token), Latin words, line breaks,
single symbols, and words of other scripts. Spans are offsets into the text as
given, so nothing has to be mapped back.

Each distinct token text is looked up in the tables once (:class:`WordInfo`),
after folding it with :func:`claimtrack.fold_with_offsets`; a 1 MB article
has tens of thousands of distinct words but hundreds of thousands of tokens,
so the tables are consulted per distinct word, not per token.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import accumulate
from operator import attrgetter
from typing import TypeVar

from . import exclusions as ex
from .arabic_numbers import ARABIC_NUMBER_WORDS
from .english_numbers import ENGLISH_NUMBER_WORDS
from .number_words import NumberWord, digits_value
from .qualifiers import AFTER, BEFORE, QUALIFIER_PREFIXES
from .units import (
    ARABIC_UNITS,
    AUXILIARIES,
    COUNTED_AFTER,
    COUNTED_BEFORE,
    CURRENCY_ADJECTIVES,
    CURRENCY_CODES,
    ENGLISH_NOT_MODIFIERS,
    ENGLISH_UNITS,
    UNIT_PHRASES,
    UNIT_SYMBOLS,
    UnitNoun,
)
from .words import CUE_PREFIXES, NUMBER_PREFIXES, UNIT_PREFIXES, fold_word, split_prefix, split_words

_ARABIC_LETTER = "\u0621-\u063f\u0641-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff"
_ARABIC_INNER = "\u0621-\u065f\u0670\u066e-\u06d3\u06d5-\u06ed\u06fa-\u06ff\u0610-\u061a\u200c\u200d"
_DIGIT_SEPARATORS = ".,\u066b\u066c\u060c"

_NEWLINE_CHARS = "\n\r\u2028\u2029"

#: The tokens and what lies between them: ``TOKEN.split(text)`` alternates
#: gaps (runs of spaces; no token holds one) and tokens, ``[gap, token, gap,
#: ..., token, gap]``, so the spans come from the running sum of their
#: lengths without a Python step per match.
#:
#: A token's first character is anything but a space (line breaks are
#: tokens); one character class says so first, which lets the regex engine
#: skip the gaps without trying each alternative, and the character just
#: read then picks the alternative: an Arabic word (diacritics and tatweel
#: kept inside the token), a Latin word, a number (a time "5:30", else a
#: slashed date, else digits with separators), line breaks, a single
#: symbol, a word of another script. None nests an unbounded quantifier
#: inside another, so matching is linear.
TOKEN = re.compile(
    rf"([\S{_NEWLINE_CHARS}]"
    rf"(?:(?<=[{_ARABIC_LETTER}\u0640])[{_ARABIC_INNER}]*"
    r"|(?<=[A-Za-z])[A-Za-z]*"
    rf"|(?<=\d)(?:\d?:\d{{2}}(?::\d{{2}})?(?!\d)|\d*(?:/\d+)+|\d*(?:[{_DIGIT_SEPARATORS}]\d+)*)"
    rf"|(?<=[{_NEWLINE_CHARS}])[{_NEWLINE_CHARS}]*"
    r"|(?<=[²³])"
    r"|(?<=[^\w\s])"
    r"|\w*))"
)

# WordInfo.flags bits.
IDENTIFIER = 1 << 0  # "المادة", "Article": the number after it is a name
PHONE = 1 << 1
VERSION = 1 << 2
TIME_BEFORE = 1 << 3  # "الساعة 5"
YEAR_BEFORE = 1 << 4  # "عام 2022", "in 2022"
MONTH = 1 << 5
ABBREVIATION = 1 << 6  # "No." before a number
MAGNITUDE = 1 << 7  # "بقوة 5.9 درجات"
TIME_AFTER = 1 << 8  # "5 مساء", "5 pm"
ERA = 1 << 9  # "2022م", "2022 AD"
ORDINAL = 1 << 10  # "7th"
AUXILIARY = 1 << 11  # "were" in "10 people were killed"
DETERMINER = 1 << 12  # "the" in "thousands of the people"
MODIFIER = 1 << 13  # "Russian" in "2,500 Russian troops"
DIGIT_CLITIC = 1 << 14  # "و" in "و3000", "ال" in "الـ24"
WORD = 1 << 15  # an Arabic or Latin word
DEMONYM = 1 << 16  # "Egyptians", "Israelis": people, when no noun follows
NISBA_PLURAL = 1 << 17  # "فلسطينيين", "الإسرائيليين": people

#: Endings of capitalized plurals that name people by where they are from.
_DEMONYM_ENDINGS = ("ians", "ans", "is", "ese", "ks", "ds", "bs", "ons")

_DIGIT_CLITICS = frozenset(split_words("و ب ل ك ف ال وال بال فال كال لل وب ول"))
_DETERMINERS = frozenset(split_words("the its their his her our these those them"))
_MAGNITUDE = frozenset(["قوه", "بقوه", "قوته", "قوتها", "شده", "بشده", "شدته", "شدتها", "magnitude"])
#: The first words of unit phrases that are duals ("نقطتين مئويتين").
_DUAL_PHRASE_STARTS = frozenset(words[0] for words, unit in UNIT_PHRASES.items() if unit.count == 2)
#: Words that open a range: "من ... إلى", "بين ... و", "from ... to".
RANGE_OPENERS = frozenset(["من", "بين", "between", "from"])


class WordInfo:
    """What the tables say about one token text."""

    __slots__ = (
        "after_stems",
        "counted_after",
        "counted_before",
        "currency",
        "digits",
        "digits_value",
        "flags",
        "key",
        "kind",
        "may_start",
        "number",
        "qualifier",
        "role",
        "text",
        "unit",
        "word_key",
    )

    def __init__(self, kind: str, text: str) -> None:
        self.kind = kind
        self.text = text
        self.key = fold_word(text) if kind in ("ar", "lat", "num") else text
        self.number: tuple[str, NumberWord] | None = None
        self.unit: tuple[str, UnitNoun] | None = None
        self.qualifier: tuple[str, str] | None = None
        self.counted_before: str | None = None
        self.counted_after: str | None = None
        self.currency: str | None = None
        self.flags = 0
        #: What digits are worth (:func:`.number_words.digits_value`), and
        #: that as a number element for the grammar.
        self.digits_value: float | None = None
        self.digits: tuple[str, NumberWord] | None = None
        if kind == "ar":
            self._arabic()
        elif kind == "lat":
            self._latin()
        elif kind == "num":
            self.digits_value = digits_value(self.key)
            if self.digits_value is not None:
                self.digits = ("", NumberWord("digits", self.digits_value))
        self.may_start = (
            kind == "num"
            or (kind == "sym" and text in UNIT_SYMBOLS)
            or bool(
                self.number
                or self.unit
                or self.qualifier
                or self.key in RANGE_OPENERS
                or self.key == "ما"
                or (kind == "lat" and (text in CURRENCY_CODES or text == "US"))
            )
        )
        self.role = self._role()
        #: The key of an Arabic or Latin word, None for other tokens.
        self.word_key = self.key if self.flags & WORD else None
        #: The forms a qualifier after a figure may begin with here.
        self.after_stems = after_qualifier_stems(self.key) if self.flags & WORD else ()

    def _role(self) -> str:
        """One character for :attr:`Tokens.roles`: "n" digits, "p" one of
        "()-.", "+" (these begin neither a figure nor a measure); otherwise
        whether a figure may begin here and whether a measure may:

        ===  =====================================================
        "c"  a figure and a measure
        "w"  a figure and its measure, when a follower comes next
        "q"  "w", or a figure whose measure comes after a qualifier
             or range opener that begins here
        "s"  a figure whose measure comes after a qualifier or
             range opener that begins here
        "k"  a measure, not a figure
        "v"  a measure, not a figure, when a follower comes next
        "x"  neither
        ===  =====================================================

        A follower (a number word, "و", "الـ", "الثلاثة": what may come after
        a noun that carries its number) is written in capitals."""
        kind, text = self.kind, self.text
        if kind == "num":
            return "n"
        if kind == "sym" and text in _PHONE_PUNCTUATION:
            return "p"
        if text == "+":
            return "+"
        measure = self._measure_start()
        if not self.may_start:
            role = "kvx"[measure]
        elif self.qualifier or self.key in RANGE_OPENERS or self.key == "ما":
            role = "cqs"[measure]  # the figure's measure may begin a few words on
        else:
            role = "cwx"[measure]  # a figure begins here with its measure, or not at all
        return role.upper() if self._follower() else role

    def _measure_start(self) -> int:
        """0 where :meth:`grammar._Parser.measure` may find a measure, 2
        where it finds none, 1 where it may only when a follower comes next
        ("يوم واحد", "الساعات الـ24": a singular or a definite plural before
        its number; "عدة" or "few" before "آلاف", "thousand"; "a" before
        "million")."""
        kind, text = self.kind, self.text
        if (kind == "sym" and text in UNIT_SYMBOLS) or (
            kind == "lat" and (text in CURRENCY_CODES or text == "US")
        ):
            return 0
        found = 2
        if self.number:
            word = self.number[1]
            weak = word.kind == "article" or (word.kind == "few" and (kind == "lat" or word.value <= 1))
            if not weak:
                return 0
            found = 1
        if kind == "ar" and self.key in _DUAL_PHRASE_STARTS:
            return 0
        if kind == "ar" and self.unit:
            prefix, unit = self.unit
            definite = prefix.endswith(("ال", "لل"))
            if unit.count == 2:
                if not definite or unit.kind == "time":
                    return 0
            elif unit.count is not None or definite:
                found = 1
        return found

    def _follower(self) -> bool:
        """Whether this may complete a noun that carries its number, or a
        "few" before a scale (see :meth:`_measure_start`)."""
        key = self.key
        return bool(
            self.number
            or key == "و"
            or (self.flags & DIGIT_CLITIC and key.endswith("ال"))
            or (self.kind == "ar" and key.startswith("ال") and key[2:] in ARABIC_NUMBER_WORDS)
        )

    def _arabic(self) -> None:
        key = self.key
        self.flags |= WORD
        self.number = _split(key, ARABIC_NUMBER_WORDS, _NUMBER_PREFIXES)
        self.unit = _split(key, ARABIC_UNITS, _UNIT_PREFIXES)
        self.qualifier = _qualifier_prefix(key)
        # The cue words, behind a clitic: "للمادة", "ومقتل".
        for prefix in _CUE_PREFIXES.get(key[:1], _NO_PREFIX):
            if prefix and not key.startswith(prefix):
                continue
            stem = key[len(prefix) :]
            self.flags |= _ARABIC_CUES.get(stem, 0)
            if self.counted_before is None:
                self.counted_before = COUNTED_BEFORE.get(stem)
        self.flags |= _ARABIC_FLAGS.get(key, 0)
        stem = key[2:] if key.startswith("ال") else key
        if len(stem) >= 6 and stem.endswith(("يين", "يون")) and not self.number:
            self.flags |= NISBA_PLURAL  # the sound plural of a nisba adjective names people
        self.counted_after = COUNTED_AFTER.get(key)
        self.currency = CURRENCY_ADJECTIVES.get(key)

    def _latin(self) -> None:
        key, text = self.key, self.text
        self.flags |= WORD
        word = ENGLISH_NUMBER_WORDS.get(key)
        self.number = ("", word) if word else None
        unit = ENGLISH_UNITS.get(key) or CURRENCY_CODES.get(text)
        self.unit = ("", unit) if unit else None
        self.qualifier = ("", key) if key in BEFORE else None
        capitalized = text[:1].isupper()
        self.flags |= _LATIN_FLAGS.get(key, 0)
        if capitalized and key in ex.MONTHS_ENGLISH:
            self.flags |= MONTH
        if text.isupper() and key in ex.ERAS:
            self.flags |= ERA
        if key not in ENGLISH_NOT_MODIFIERS and not self.flags & MONTH and not word:
            self.flags |= MODIFIER
        if capitalized and len(key) > 3 and key.endswith(_DEMONYM_ENDINGS) and not self.flags & MONTH:
            self.flags |= DEMONYM
        self.counted_before = COUNTED_BEFORE.get(key)
        self.counted_after = COUNTED_AFTER.get(key)
        self.currency = CURRENCY_ADJECTIVES.get(key)


def _qualifier_prefix(key: str) -> tuple[str, str] | None:
    """``(clitic, stem)`` when ``key`` may begin a qualifier before a figure."""
    for prefix in _QUALIFIER_PREFIXES.get(key[:1], _NO_PREFIX):
        if prefix and not key.startswith(prefix):
            continue
        if key[len(prefix) :] in BEFORE:
            return prefix, key[len(prefix) :]
    return None


def _by_letter(prefixes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``prefixes`` by the letter a word begins with: those it may carry,
    in their order, the bare word ("") among them. A word whose first
    letter is not here may carry none (:data:`_NO_PREFIX`)."""
    if "" not in prefixes:
        raise ValueError("the bare word must be one of the prefixes")
    letters = {prefix[0] for prefix in prefixes if prefix}
    return {letter: tuple(p for p in prefixes if not p or p[0] == letter) for letter in letters}


T = TypeVar("T")
_NO_PREFIX = ("",)
_NUMBER_PREFIXES = _by_letter(NUMBER_PREFIXES)
_UNIT_PREFIXES = _by_letter(UNIT_PREFIXES)
_CUE_PREFIXES = _by_letter(CUE_PREFIXES)
_QUALIFIER_PREFIXES = _by_letter(QUALIFIER_PREFIXES)


def _split(key: str, table: Mapping[str, T], prefixes: dict[str, tuple[str, ...]]) -> tuple[str, T] | None:
    """:func:`.words.split_prefix` with the prefixes by letter (:func:`_by_letter`)."""
    return split_prefix(key, table, prefixes.get(key[:1], _NO_PREFIX))


def _flag_table(tables: list[tuple[frozenset[str], int]]) -> dict[str, int]:
    """One lookup for several word sets: each word's flags together."""
    flags: dict[str, int] = {}
    for words, flag in tables:
        for word in words:
            flags[word] = flags.get(word, 0) | flag
    return flags


#: Flags an Arabic word has behind any clitic (:data:`.words.CUE_PREFIXES`).
_ARABIC_CUES = _flag_table(
    [
        (ex.IDENTIFIER_BEFORE, IDENTIFIER),
        (ex.PHONE_BEFORE, PHONE),
        (ex.VERSION_BEFORE, VERSION),
        (ex.TIME_BEFORE, TIME_BEFORE),
        (ex.YEAR_BEFORE, YEAR_BEFORE),
        (ex.MONTHS_ARABIC, MONTH),
    ]
)
#: Flags an Arabic word has as it stands.
_ARABIC_FLAGS = _flag_table(
    [
        (ex.TIME_AFTER, TIME_AFTER),
        (ex.ERAS, ERA),
        (AUXILIARIES, AUXILIARY),
        (_MAGNITUDE, MAGNITUDE),
        (_DIGIT_CLITICS, DIGIT_CLITIC),
    ]
)
#: Flags a Latin word has, lowercased (months and eras are checked apart:
#: they depend on capitals).
_LATIN_FLAGS = _flag_table(
    [
        (ex.IDENTIFIER_BEFORE, IDENTIFIER),
        (ex.PHONE_BEFORE, PHONE),
        (ex.VERSION_BEFORE, VERSION),
        (ex.YEAR_BEFORE, YEAR_BEFORE),
        (ex.ABBREVIATIONS, ABBREVIATION),
        (ex.TIME_AFTER, TIME_AFTER),
        (ex.ORDINAL_SUFFIXES, ORDINAL),
        (AUXILIARIES, AUXILIARY),
        (_DETERMINERS, DETERMINER),
        (_MAGNITUDE, MAGNITUDE),
    ]
)


def after_qualifier_stems(key: str) -> tuple[str, ...]:
    """The forms of ``key`` that may begin a qualifier after a figure: the
    word, and the word without a leading "و"."""
    stems = [key] if key in AFTER else []
    if key.startswith("و") and key[1:] in AFTER:
        stems.append(key[1:])
    return tuple(stems)


#: What may stand between the digit groups of a phone number.
_PHONE_PUNCTUATION = frozenset("()-.")
#: Phone-like runs over :attr:`Tokens.roles`: digits, then digits and
#: punctuation ("p").
_PHONE_RUN = re.compile("n[np]*")
#: Three digit groups in one run: there is a phone-like run when this is
#: found or digits come right after "+".
_THREE_GROUPS = re.compile("np*np*n")
_ROLE = attrgetter("role")


_ARABIC_START = re.compile(f"[{_ARABIC_LETTER}\u0640]")
_WORD_CHAR = re.compile(r"\w")


def classify(token: str) -> str:
    """The kind of a token :data:`TOKEN` matched, from its first character:
    "time", "slash" and "num" for the three digit forms, then "ar", "lat",
    "nl", "sym" and "other" for the regex's other alternatives."""
    first = token[0]
    if first.isdecimal():
        if ":" in token:
            return "time"
        return "slash" if "/" in token else "num"
    if _ARABIC_START.match(first):
        return "ar"
    if first.isascii() and first.isalpha():
        return "lat"
    if first in _NEWLINE_CHARS:
        return "nl"
    if first in "²³" or not _WORD_CHAR.match(first):
        return "sym"
    return "other"


class Tokens:
    """The tokens of one text: parallel lists of :class:`WordInfo` (kind,
    folded key: Arabic and Latin words as the tables spell them, digits in
    ASCII) and spans."""

    def __init__(self, text: str, cache: dict[str, WordInfo]) -> None:
        parts = TOKEN.split(text)
        words = parts[1::2]
        try:
            infos = list(map(cache.__getitem__, words))
        except KeyError:
            for token in set(words).difference(cache):
                cache[token] = WordInfo(classify(token), token)
            infos = list(map(cache.__getitem__, words))
        # The pieces go before the offsets come: on a long text they are
        # most of the memory the pass needs.
        lengths = list(map(len, parts))
        del parts, words
        offsets = list(accumulate(lengths))
        del lengths
        self.text = text
        self.infos = infos
        self.starts = offsets[0:-1:2]
        self.ends = offsets[1::2]
        self.n = len(infos)
        #: One character per token, :attr:`WordInfo.role`, so that the pass
        #: finds what it looks for with regexes, not a Python step per token.
        self.roles = "".join(map(_ROLE, infos))
        self.blocked = self._phone_runs()

    def adjacent(self, i: int) -> bool:
        """Whether token ``i`` touches the token before it."""
        return 0 < i < self.n and self.starts[i] == self.ends[i - 1]

    def key(self, i: int) -> str:
        """Token ``i``'s folded form ("" outside the text; digits folded to
        ASCII)."""
        return self.infos[i].key if 0 <= i < self.n else ""

    def flags(self, i: int) -> int:
        return self.infos[i].flags if 0 <= i < self.n else 0

    def is_word(self, i: int) -> bool:
        return 0 <= i < self.n and bool(self.infos[i].flags & WORD)

    def _phone_runs(self) -> frozenset[int]:
        """Digits in phone-number-like runs: three or more digit groups in a
        row ("555 123 4567", "(202) 555-0100"), or any run after "+"."""
        roles = self.roles
        if "+n" not in roles and not _THREE_GROUPS.search(roles):
            return frozenset()  # the common case, found without a step per run
        blocked: set[int] = set()
        for run in _PHONE_RUN.finditer(roles):
            start, end = run.span()
            if run.group().count("n") >= 3 or (start > 0 and roles[start - 1] == "+"):
                blocked.update(k for k in range(start, end) if roles[k] == "n")
        return frozenset(blocked)
