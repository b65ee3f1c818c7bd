"""The figure recognizer: one left-to-right pass over the tokens.

:func:`find_figures` cuts the text into tokens (:mod:`.tokens`) and walks them
once. At each token that may begin a figure it tries, in order:

1. a qualifier before the figure (:mod:`.qualifiers`: "أكثر من", "about");
2. "بين"/"من"/"between"/"from" opening a range;
3. a measure: a currency sign ("$", "€") and a number, a number (digits with
   separators and scale words, Arabic or English number words put together
   by :mod:`.compounds`, a vague magnitude such as "عشرات" or "thousands
   of"), a dual noun that is a number by itself ("ساعتين"), or a definite
   plural with its number after it ("الساعات الـ24"); then the unit
   (:mod:`.units`);
4. a second measure after "إلى"/"أو"/"و"/"to"/"or"/"and"/"-": a range;
5. a qualifier after the figure ("على الأقل", "وقد يزداد").

Numbers that are dates, times, years, article numbers, phone numbers or
versions are skipped (:mod:`.exclusions`).

A figure is reported when it has a unit (a noun, a currency, a percent sign)
or when the words around it say what was counted ("مقتل 10", "10 were
killed"; its unit is then None). A bare number ("صوّت 3 من أعضاء المجلس" has
no unit noun this grammar knows) is not reported, and neither is a vague
magnitude without a noun.

Every step looks at a bounded number of tokens (a number has at most
:data:`MAX_NUMBER_WORDS` words), the pass looks back at most three tokens,
and word lookups happen once per distinct word, so time is linear in the
length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from operator import attrgetter

from claimtrack import Figure

from . import tokens as tk
from .arabic_numbers import ARABIC_NUMBER_WORDS
from .compounds import MULTIPLIERS, NumberBuilder
from .english_numbers import MONEY_SCALES
from .number_words import NumberWord
from .qualifiers import AFTER, BEFORE, VAGUE
from .signs import below_zero
from .units import (
    CURRENCY_CODES,
    LONGEST_UNIT_PHRASE,
    POUND_GOODS,
    TEMPERATURES,
    UNIT_PHRASE_STARTS,
    UNIT_PHRASES,
    UNIT_SYMBOLS,
    UnitNoun,
)
from .words import AFTER_NUMBER_PREFIXES, UNIT_PREFIXES, clitic_length, split_prefix

#: The most words one number may have ("ثلاثة آلاف وخمسمائة وخمسة وعشرون" has
#: seven): the bound that keeps the pass linear on endless "وخمسة وخمسة ...".
MAX_NUMBER_WORDS = 12

_RANGE_DASHES = frozenset("-–—")
_ARABIC_RANGE_TO = frozenset(["الي", "حتي", "او"])
_ENGLISH_RANGE_TO = frozenset(["to", "or", "until", "till"])
_JOINERS = frozenset(["و", "and", "-", "of"])
_THOUSANDS_DOT = re.compile(r"[0-9]{1,3}\.[0-9]{3}")
#: How far after the token where a figure begins its first measure may
#: begin: a qualifier before it, "ما بين", and "few" after "a".
_REACH = max(len(words) for entries in BEFORE.values() for words, _ in entries) + 3
#: Tokens (over :attr:`.tokens.Tokens.roles`) where a figure may begin: a
#: token that may begin a measure, or a qualifier or range opener with one
#: near enough after it. Elsewhere :meth:`_Parser.figure` finds nothing, and
#: so it is not called.
_STARTS = re.compile(rf"[ncC]|[wqWQ](?=[CKQSVWX])|[sqSQ](?=.{{0,{_REACH}}}(?:[nckCK]|[vwqVWQ][CKQSVWX]))")
#: Tokens (over the roles) where a measure may begin.
_MEASURE_AT = re.compile("[nckCK]|[vwqVWQ][CKQSVWX]")
#: Flags of a word that makes the number before it a time or a year.
_NOT_A_NUMBER_AFTER = tk.TIME_AFTER | tk.ERA
_WORD_KEY = attrgetter("word_key")


@dataclass(slots=True)
class _Num:
    """A number as read: ``start`` is a text offset, ``end_tok`` the token
    after its last word. ``excluded`` is None until checked."""

    start: int
    first_tok: int
    end_tok: int
    value: float
    value_max: float | None = None
    base: float = 0.0
    mult: float = 1.0
    vague: bool = False
    prefix: str = ""
    digits: str | None = None
    excluded: bool | None = None


@dataclass(slots=True)
class _Measure:
    """A number with what it measures."""

    start: int
    first_tok: int
    end_tok: int
    value: float
    value_max: float | None
    unit: UnitNoun | None
    unit_span: tuple[int, int] | None
    vague: bool = False
    prefix: str = ""
    base: float = 0.0
    mult: float = 1.0
    num: _Num | None = None


@dataclass(slots=True)
class _Found:
    """A figure before it becomes a :class:`claimtrack.Figure`."""

    start: int
    end: int
    value: float
    value_max: float | None
    unit: UnitNoun | None
    unit_span: tuple[int, int] | None
    qualifier: str | None
    counted: str | None


#: Verbs of what happened to people that are never participles: after the
#: whole of a part ("five of the 40 passengers died"), they tell of the part.
_FINITE_ONLY = frozenset({"died", "perished"})
#: Temperature scales written as one letter after the digits or after "°".
_TEMPERATURE_LETTERS = {"c": UnitNoun("celsius", "measure"), "f": UnitNoun("fahrenheit", "measure")}
#: Words before a time noun that make it a date ("last year", "this week").
_TIME_DETERMINERS = frozenset(("last", "next", "this", "that", "every", "each", "same", "previous", "coming"))


#: Words before "number" that make it the verb ("will number 3,000").
_BEFORE_THE_VERB = frozenset({"will", "would", "could", "may", "might", "to", "now", "already", "currently"})


class _Parser:
    """The pass over one text's tokens."""

    def __init__(self, text: str, cache: dict[str, tk.WordInfo]) -> None:
        self.t = tk.Tokens(text, cache)
        self.n = self.t.n
        self.infos = self.t.infos
        self.starts = self.t.starts
        self.ends = self.t.ends
        #: Measures already read, by token: a range's second half is read
        #: again as the next figure's start, never a third time.
        self._measures: dict[int, _Measure | _Num | None] = {}
        #: Currencies an adjective settled earlier in the text: after "ليرة
        #: سورية", a bare "ليرة" is SYP too.
        self.currencies: dict[str, str] = {}

    # -- lookups -------------------------------------------------------------------

    def kind(self, i: int) -> str:
        return self.infos[i].kind if 0 <= i < self.n else ""

    def key(self, i: int) -> str:
        return self.infos[i].key if 0 <= i < self.n else ""

    def number_word(self, i: int) -> tuple[str, NumberWord] | None:
        return self.infos[i].number if 0 <= i < self.n else None

    def unit_word(
        self, i: int, prefixes: tuple[str, ...] = AFTER_NUMBER_PREFIXES
    ) -> tuple[str, UnitNoun] | None:
        if not 0 <= i < self.n:
            return None
        found = self.infos[i].unit
        return found if found is not None and found[0] in prefixes else None

    def words_match(self, i: int, words: tuple[str, ...]) -> bool:
        """Whether tokens ``i``, ``i+1``... are the words ``words``."""
        if i < 0:
            return not words
        return tuple(map(_WORD_KEY, self.infos[i : i + len(words)])) == words

    # -- qualifiers ----------------------------------------------------------------

    def qualifier_before(self, i: int) -> tuple[str, int, int] | None:
        """``(qualifier, start offset, next token)`` for a qualifier at ``i``."""
        found = self.infos[i].qualifier
        if not found:
            return None
        prefix, stem = found
        for words, qualifier in BEFORE[stem]:
            if self.words_match(i + 1, words[1:]):
                return qualifier, self.starts[i] + len(prefix), i + len(words)
        return None

    def qualifier_after(self, i: int) -> tuple[str, int] | None:
        """``(qualifier, next token)`` for a qualifier right after a figure."""
        if not 0 <= i < self.n:
            return None
        for stem in self.infos[i].after_stems:
            for words, qualifier in AFTER[stem]:
                if self.words_match(i + 1, words[1:]):
                    return qualifier, i + len(words)
        return None

    # -- exclusions ------------------------------------------------------------------

    def excluded(self, num: _Num) -> bool:
        """Whether ``num`` is a date, a time, a year, an article number, a
        phone number or a version rather than a quantity (checked once)."""
        if num.excluded is None:
            num.excluded = self._excluded_before(num) or self._excluded_after(num.end_tok)
        return num.excluded

    def _excluded_before(self, num: _Num) -> bool:
        i = num.first_tok
        prev = i - 1
        if self.infos[i].kind == "num" and self.t.adjacent(i) and self.t.flags(prev) & tk.DIGIT_CLITIC:
            prev -= 1  # "الـ7", "بـ5"
        if prev < 0:
            return False
        flags = self.t.flags(prev)
        if flags & (tk.IDENTIFIER | tk.PHONE | tk.VERSION | tk.TIME_BEFORE):
            return not self._number_the_verb(prev, num)
        if flags & tk.MONTH and self._date_part(num):
            return True  # "October 7", "أكتوبر 2023"; not "7 October 1,200 people"
        text = self.infos[prev].text
        if text == "#" or (text == "." and self.t.flags(prev - 1) & tk.ABBREVIATION):
            return True
        if self._designation(prev):
            return True
        return bool(flags & tk.YEAR_BEFORE) and self._plain_year(num)

    @staticmethod
    def _plain_digits(num: _Num) -> bool:
        """One token of digits alone: no separator, decimal or scale word."""
        return num.digits is not None and num.end_tok == num.first_tok + 1 and num.digits.isdigit()

    def _plain_year(self, num: _Num) -> bool:
        """Four plain digits of a year, 1800-2100."""
        return self._plain_digits(num) and len(num.digits) == 4 and 1800 <= num.value <= 2100

    def _date_part(self, num: _Num) -> bool:
        """Whether ``num``, right after a month name, can be the day or the
        year of a date: plain digits, 1-31 or a year. Anything else after a
        month is a count ("On 7 October 1,200 people were killed", "In May
        300 people")."""
        return self._plain_year(num) or (self._plain_digits(num) and 1 <= num.value <= 31)

    def _number_the_verb(self, i: int, num: _Num) -> bool:
        """Whether "number" at ``i`` is the verb ("peacekeepers will number
        3,000 troops"), not the label ("number 10"): a unit follows the
        number, or a modal or "to" comes before the word."""
        if self.infos[i].key != "number":
            return False
        return self.unit_word(num.end_tok) is not None or self.key(i - 1) in _BEFORE_THE_VERB

    def _designation(self, i: int) -> bool:
        """Whether the Latin word at ``i``, right before a number, makes it
        part of a model's name: a word in capitals between two numbers is a
        model and its variant ("737 MAX 9 jets": 9 is no count of jets).
        Only there: a capitalized word elsewhere before a number is as often
        what the number is given to ("pay Brighton 115 million pounds") as a
        name, a title-case headline capitalizes every word ("FTSE 100 Falls 2
        Percent"), and a word the tables know is no name: a time of day or a
        month ("0800 GMT 1,200 people"), an era, a unit, a currency, a number
        or scale word."""
        info = self.infos[i]
        if info.kind != "lat" or len(info.text) < 2 or not info.text.isupper() or i == 0:
            return False
        if self.infos[i - 1].kind != "num" or info.flags & (tk.TIME_AFTER | tk.MONTH | tk.ERA | tk.ORDINAL):
            return False
        return not (info.unit or info.currency or info.number or info.qualifier or info.key in MONEY_SCALES)

    def _excluded_after(self, j: int) -> bool:
        if j >= self.n:
            return False
        flags = self.t.flags(j)
        if flags & tk.MONTH or (self.key(j) in ("من", "of") and self.t.flags(j + 1) & tk.MONTH):
            return True
        if flags & _NOT_A_NUMBER_AFTER:
            return True
        if self.infos[j].kind == "lat":
            key = self.infos[j].key
            if key in ("a", "p") and self.key(j + 1) == "." and self.key(j + 2) == "m":
                return True  # "5 p.m."
            if key == "o" and self.key(j + 1) in ("'", "’") and self.key(j + 2) == "clock":
                return True
            if flags & tk.ORDINAL and self.t.adjacent(j):
                return True  # "7th"
        return False

    def _identifier(self, i: int) -> bool:
        """Digits that are part of a name or code: "F-16", "G20", "5G",
        "1990s", "0100"."""
        text = self.infos[i].key
        if len(text) > 1 and text[0] == "0" and text[1].isdigit():
            return True
        if self.t.adjacent(i):
            prev_kind = self.infos[i - 1].kind
            if prev_kind in ("lat", "other") or (
                prev_kind == "ar" and not self.t.flags(i - 1) & tk.DIGIT_CLITIC
            ):
                return True
            if (
                self.infos[i - 1].text in _RANGE_DASHES
                and self.t.adjacent(i - 1)
                and self.kind(i - 2) in ("lat", "ar", "other")
            ):
                return True
        nxt = i + 1
        if nxt < self.n and self.t.adjacent(nxt):
            kind = self.infos[nxt].kind
            if kind == "other":
                return True
            if kind == "lat":
                info = self.infos[nxt]
                known = (
                    info.number
                    or info.unit
                    or info.key in MONEY_SCALES
                    or info.flags & (tk.TIME_AFTER | tk.ORDINAL | tk.ERA)
                    or info.key in ("a", "p")
                    or info.key in _TEMPERATURE_LETTERS
                )
                return not known
        return False

    # -- numbers ------------------------------------------------------------------------

    def _element(self, i: int, money: bool, after_digits: bool) -> tuple[str, NumberWord] | None:
        """The number word (or digits) at token ``i``, or None."""
        kind = self.infos[i].kind
        if kind == "num":
            if i in self.t.blocked:
                return None
            return self.infos[i].digits
        if kind == "lat" and after_digits and self.infos[i].key in MONEY_SCALES:
            # "M"/"B" are always scales ("2.5M votes": metres are "m"); "m"/"b"
            # are next to money, before "of", or before any unit ("3m tonnes",
            # "1.2m barrels", "5m people": a unit after metres would be a
            # second unit); otherwise "m" is metres ("a 5m wall").
            if money or self.infos[i].text.isupper() or self.unit_word(i + 1) or self.key(i + 1) == "of":
                return "", MONEY_SCALES[self.infos[i].key]
            return None
        return self.infos[i].number

    def number(self, i: int, money: bool = False) -> _Num | None:
        """The number that begins at token ``i`` (after a clitic such as
        "و" or "ب"), or None. Digits that are not a number ("1.2.3", a
        phone number, "F-16") come back excluded."""
        first = self._element(i, money, False)
        is_digits = self.infos[i].kind == "num"
        if first is None or (is_digits and self._identifier(i)):
            if is_digits:
                return _Num(self.starts[i], i, i + 1, 0.0, excluded=True)
            return None
        prefix, word = first
        if is_digits and not self._continues(i + 1):
            # The common case, "2500 شخص": digits with nothing to combine with.
            return _Num(self.starts[i], i, i + 1, word.value, base=word.value, digits=self.infos[i].key)
        english = self.infos[i].kind == "lat"
        if word.kind in ("vague", "few") or (word.kind == "fraction" and english and word.value != 0.5):
            return None  # "third" alone is an ordinal; "a third" is read through the article
        builder = NumberBuilder()
        if not builder.accept(word, "", english):
            return None
        best = (*builder.snapshot(), i + 1) if builder.complete() else None
        group_best = best
        j = i + 1
        after_digits = is_digits
        while j < self.n and builder.elements < MAX_NUMBER_WORDS:
            conn, k = self._connector(j)
            if k >= self.n:
                break
            element = self._element(k, money, after_digits)
            if element is None:
                break
            eprefix, eword = element
            if eprefix == "و" and not conn:
                conn = "و"
            elif eprefix:
                break
            if self.infos[k].kind == "num" and (not conn or self._identifier(k)):
                break
            if conn:
                group_best = best
            if not builder.accept(eword, conn, self.infos[k].kind == "lat"):
                if eword.kind in MULTIPLIERS and not conn:
                    best = group_best  # "ألفين وثلاثة آلاف": the last group belongs to the next number
                break
            j = k + 1
            after_digits = self.infos[k].kind == "num"
            if eword.kind == "fraction" and builder.done and j < self.n and self.infos[j].kind == "ar":
                # "مليون ونصف المليون": the scale repeated with the article.
                again = split_prefix(self.infos[j].key, ARABIC_NUMBER_WORDS, ("ال",))
                if (
                    again
                    and again[0] == "ال"
                    and again[1].kind == "scale"
                    and again[1].value == builder.last_scale
                ):
                    j += 1
            if builder.complete():
                best = (*builder.snapshot(), j)
        if best is None:
            return None
        value, base, mult, end = best
        digits = self.infos[i].key if is_digits else None
        start = self.starts[i] + clitic_length(prefix)
        return _Num(start, i, end, value, base=base, mult=mult, prefix=prefix, digits=digits)

    def _continues(self, j: int) -> bool:
        """Whether token ``j`` may carry on the number before it: a number
        word, a scale letter, or a joining word."""
        if j >= self.n:
            return False
        info = self.infos[j]
        return (
            bool(info.number)
            or info.key in _JOINERS
            or (self.infos[j].kind == "lat" and info.key in MONEY_SCALES)
        )

    def _connector(self, j: int) -> tuple[str, int]:
        """The word joining the next number word at ``j``: ``(conn, index of
        the word)``; conn is "" when nothing stands between them."""
        key = self.infos[j].key if self.infos[j].kind in ("ar", "lat", "sym") else ""
        if key == "و" and self.infos[j].kind == "ar":
            return "و", j + 1
        if key == "and":
            nxt = self.number_word(j + 2)
            if self.key(j + 1) in ("a", "an") and nxt and nxt[1].kind == "fraction":
                return "and", j + 2  # "one and a half"
            return "and", j + 1
        if key == "-" and self.t.adjacent(j) and self.t.adjacent(j + 1) and self.kind(j + 1) == "lat":
            return "-", j + 1  # "twenty-five"
        if key == "of" and self.key(j + 1) in ("a", "an"):
            return "of", j + 2  # "a quarter of a million"
        return "", j

    def vague(self, i: int) -> _Num | None:
        """An order of magnitude at ``i``: "عشرات"، "مئات الآلاف"، "بضعة آلاف",
        "dozens", "tens of thousands", "several hundred"."""
        j = i
        if self.key(j) in ("a", "an") and self.key(j + 1) == "few":
            j += 1
        found = self.number_word(j)
        if not found:
            return None
        prefix, word = found
        if prefix not in ("", "و", "ب", "ل"):
            return None
        english = self.infos[j].kind == "lat"
        k = j + 1
        if word.kind == "vague" or (word.kind == "scale" and word.count == 0 and not english):
            magnitude, ceiling = word.value, word.ceiling
        elif word.kind == "few":
            scale = self.number_word(k)
            if (
                scale
                and scale[0] == ""
                and scale[1].kind in ("scale", "hundred", "vague")
                and scale[1].count != 2
            ):
                magnitude, ceiling = word.value * scale[1].value, word.ceiling
                k += 1
            elif not english and word.value > 1:
                magnitude, ceiling = word.value, word.ceiling  # "بضعة أيام": three to nine
            else:
                return None
        else:
            return None
        # "عشرات الآلاف", "tens of thousands".
        if self.kind(k) == "ar":
            again = split_prefix(self.infos[k].key, ARABIC_NUMBER_WORDS, ("ال",))
            if again and again[0] == "ال" and again[1].kind == "scale" and again[1].count == 0:
                magnitude *= again[1].value
                k += 1
        elif english and self.key(k) == "of":
            again = self.number_word(k + 1)
            if again and again[1].kind == "vague" and again[1].value >= 1000:
                magnitude *= again[1].value
                k += 2
        start = self.starts[i] + clitic_length(prefix if j == i else "")
        num = _Num(start, i, k, magnitude, value_max=magnitude * ceiling, vague=True, prefix=prefix)
        num.excluded = self._excluded_after(k)
        return None if num.excluded else num

    # -- units -------------------------------------------------------------------------

    def unit_after(self, k: int, num: _Num) -> tuple[UnitNoun, tuple[int, int], int] | None:
        """The unit after a number that ends before token ``k``: ``(unit,
        text span of the unit words, next token)``."""
        if k >= self.n:
            return None
        kind = self.infos[k].kind
        info = self.infos[k]
        if kind == "sym":
            text = self.infos[k].text
            if text in UNIT_SYMBOLS:
                return UNIT_SYMBOLS[text], (self.starts[k], self.ends[k]), k + 1
            if text == "°":  # "40°C", "104 °F", "40°"
                scale = _TEMPERATURE_LETTERS.get(self.key(k + 1)) if self.t.adjacent(k + 1) else None
                if scale:
                    return scale, (self.starts[k], self.ends[k + 1]), k + 2
                return UnitNoun("degree", "measure"), (self.starts[k], self.ends[k]), k + 1
            if text == "-" and self.t.adjacent(k) and self.t.adjacent(k + 1) and self.kind(k + 1) == "lat":
                found = self.unit_word(k + 1)  # "25-year-old", "a 10-day truce"
                if found:
                    return found[1], (self.starts[k + 1], self.ends[k + 1]), k + 2
            return None
        if kind not in ("ar", "lat"):
            return None
        if kind == "lat":
            if info.key == "m" and num.digits is not None:
                return self._squared(UnitNoun("m", "measure"), k)
            if info.key in _TEMPERATURE_LETTERS and num.digits is not None and self.t.adjacent(k):
                # "40.3C", "104F": a letter written onto the digits; apart
                # ("5 C-130 planes") it is not a temperature.
                return _TEMPERATURE_LETTERS[info.key], (self.starts[k], self.ends[k]), k + 1
            return self._english_unit(k, num)
        phrase = self._unit_phrase(k)
        if phrase:
            return phrase
        found = self.unit_word(k)
        if found:
            return self._with_adjective(found[1], k)
        if info.flags & tk.NISBA_PLURAL:
            return UnitNoun("person", "count"), (self.starts[k], self.ends[k]), k + 1  # "5 فلسطينيين"
        if kind == "ar" and info.key == "من":
            # "2500 من الجنود", "1800 من عناصر البحث".
            found = self.unit_word(k + 1, ("", "ال", "لل"))
            if found and found[1].kind == "count":
                return self._with_adjective(found[1], k + 1)
            return None
        return None

    def _unit_phrase(self, k: int) -> tuple[UnitNoun, tuple[int, int], int] | None:
        if self.infos[k].key not in UNIT_PHRASE_STARTS:
            return None
        for size in range(LONGEST_UNIT_PHRASE, 1, -1):
            if k + size > self.n:
                continue
            words = tuple(self.infos[k + m].key for m in range(size))
            unit = UNIT_PHRASES.get(words)
            if unit and all(self.infos[k + m].word_key is not None for m in range(size)):
                return unit, (self.starts[k], self.ends[k + size - 1]), k + size
        return None

    def _squared(self, unit: UnitNoun, k: int) -> tuple[UnitNoun, tuple[int, int], int]:
        """A length with a power sign: "km2", "km²", "كم2"."""
        nxt = k + 1
        if unit.unit in ("km", "m") and nxt < self.n and self.t.adjacent(nxt):
            power = {"2": "2", "²": "2", "3": "3", "³": "3"}.get(self.infos[nxt].text)
            if power:
                return (
                    UnitNoun(unit.unit + power, "measure", unit.count),
                    (self.starts[k], self.ends[nxt]),
                    nxt + 1,
                )
        return unit, (self.starts[k], self.ends[k]), k + 1

    def _with_adjective(self, unit: UnitNoun, k: int) -> tuple[UnitNoun, tuple[int, int], int]:
        """A unit noun and what may follow it: the nationality of money
        ("دينار كويتي", "pounds sterling"), a power ("كم2")."""
        span = (self.starts[k], self.ends[k])
        if unit.kind == "money":
            code = self.infos[k + 1].currency if k + 1 < self.n else None
            if code and (self.infos[k + 1].kind == "ar" or self.infos[k + 1].key == "sterling"):
                self.currencies[unit.unit] = code
                return replace(unit, unit=code), span, k + 2
            if unit.unit in self.currencies:
                unit = replace(unit, unit=self.currencies[unit.unit])
        if unit.kind == "measure":
            return self._squared(unit, k)
        return unit, span, k + 1

    def _english_unit(self, k: int, num: _Num | None = None) -> tuple[UnitNoun, tuple[int, int], int] | None:
        """An English noun after a number (``num``; None for a whole, which
        takes no "of"), after "of" and a determiner or up to two modifiers:
        "2,500 Russian troops", "thousands of people", "5 million Turkish
        lira", "706 rebel prisoners", "60 million Egyptians". A number that
        is part of a whole counts what the whole counts: "five of the six
        crew members" are five people (:meth:`_whole`)."""
        j = k
        if self.infos[j].key == "of":
            if num is None:
                return None
            j += 1
            if self.t.flags(j) & tk.DETERMINER:
                j += 1
            whole = self._whole(j, num)
            if whole is not None:
                return whole
            if not (num.vague or num.value >= 2):
                return None  # "one of the men" is not a count of men
        currency: str | None = None
        for _ in range(3):
            if self.kind(j) != "lat":
                return None
            if self._us_dollars(j):
                currency, j = "USD", j + 4  # "U.S. dollars"
                continue
            phrase = self._unit_phrase(j)
            if phrase:
                return phrase
            found = self.unit_word(j)
            info = self.infos[j]
            if found and j > k and found[1].kind == "time" and self.key(j - 1) in _TIME_DETERMINERS:
                return None  # "2 million Teslas last year": a date, not what was counted
            if found:
                unit = found[1]
                later = self.unit_word(j + 1) if self.kind(j + 1) == "lat" else None
                if later and unit.kind == "count" and later[1].kind == "count" and not later[1].counted:
                    j, unit = j + 1, later[1]  # "rebel prisoners", "police officers"
                if currency and unit.kind == "money":
                    self.currencies[unit.unit] = currency
                    return replace(unit, unit=currency), (self.starts[j], self.ends[j]), j + 1
                if unit.unit == "GBP" and self._weighed(j, num):
                    return UnitNoun("lb", "measure"), (self.starts[j], self.ends[j]), j + 1
                return self._with_adjective(unit, j)
            if info.currency:
                currency = info.currency
            elif info.flags & tk.DEMONYM and not (self.unit_word(j + 1) or self.unit_word(j + 2)):
                return UnitNoun("person", "count"), (self.starts[j], self.ends[j]), j + 1
            elif not info.flags & tk.MODIFIER:
                return None
            j += 1
        return None

    def _weighed(self, j: int, num: _Num | None) -> bool:
        """Are the "pounds" at token ``j`` a weight: "of" and what is weighed
        after them (:data:`.units.POUND_GOODS`, a modifier may come between:
        "300 pounds of (pure) cocaine"), and no "worth" before the number
        ("worth 5 million pounds of gold" is money)?"""
        if self.key(j + 1) != "of" or not POUND_GOODS.intersection((self.key(j + 2), self.key(j + 3))):
            return False
        return num is None or self.key(num.first_tok - 1) != "worth"

    def _whole(self, j: int, part: _Num) -> tuple[UnitNoun, tuple[int, int], int] | None:
        """The count at token ``j`` that the number ``part`` is part of: "(five
        of the) six crew members", "(3 of) 12 miners". None where the whole
        is the figure that matters: a toll ("two of the 12 killed", "two of
        the 12 people killed in the strike": the part is what the toll
        holds), a part of one ("one of the 2 million residents" is about
        one person), a whole smaller than the part, or no count."""
        if self.kind(j) not in ("num", "lat") or part.value < 2:
            return None
        whole = self.number(j)
        if whole is None or whole.excluded or whole.vague or whole.end_tok >= self.n:
            return None
        if max(part.value, part.value_max or 0.0) > whole.value:
            return None
        found = self._english_unit(whole.end_tok)
        if found is None or found[0].kind != "count" or found[0].counted:
            return None
        if self._participle(found[2]):
            return None  # "12 people killed in the strike": a toll
        return found

    def _participle(self, k: int) -> bool:
        """Is token ``k`` a participle that says what happened to the people
        counted just before it ("12 people killed in the strike")? Not a
        verb that is only ever finite ("five of the 40 passengers died")."""
        return k < self.n and bool(self.infos[k].counted_after) and self.key(k) not in _FINITE_ONLY

    def _whole_of_part(self, j: int) -> bool:
        """Is the number at token ``j`` a whole that a number before it is a
        part of ("one of the 2 million", "dozens of the 50")?"""
        k = j - 1
        if k >= 0 and self.t.flags(k) & tk.DETERMINER:
            k -= 1
        return k >= 1 and self.key(k) == "of" and self._element(k - 1, False, False) is not None

    def _us_dollars(self, j: int) -> bool:
        """ "U.S." written with full stops, before "dollars"."""
        return (
            self.infos[j].text == "U"
            and self.key(j + 1) == "."
            and self.key(j + 2) == "s"
            and self.key(j + 3) == "."
            and self.t.adjacent(j + 3)
        )

    # -- measures -------------------------------------------------------------------------

    def measure(self, i: int) -> _Measure | _Num | None:
        """A number and its unit at token ``i``. A number that is not a
        quantity comes back as an excluded :class:`_Num`, so the pass can
        step over it."""
        if i >= self.n:
            return None
        if i in self._measures:
            return self._measures[i]
        found = self._measure(i)
        self._measures[i] = found
        return found

    def _measure(self, i: int) -> _Measure | _Num | None:
        kind = self.infos[i].kind
        text = self.infos[i].text
        money: UnitNoun | None = None
        j = i
        if kind == "sym" and text in UNIT_SYMBOLS:
            symbol = UNIT_SYMBOLS[text]
            nxt_kind = self.kind(i + 1)
            if not (nxt_kind == "num" or self.number_word(i + 1)):
                return None
            # "%5" as Arabic text sometimes writes it, but not the "%" of "5% 6".
            if symbol.kind == "percent" and (
                nxt_kind != "num"
                or not self.t.adjacent(i + 1)
                or (self.kind(i - 1) == "num" and self.t.adjacent(i))
            ):
                return None
            money, j = symbol, i + 1
        elif kind == "lat" and text == "US" and self.key(i + 1) == "$" and self.t.adjacent(i + 1):
            money, j = UNIT_SYMBOLS["$"], i + 2
        elif kind == "lat" and text in CURRENCY_CODES and self.kind(i + 1) == "num":
            money, j = CURRENCY_CODES[text], i + 1
        if j >= self.n:
            return None
        if money is None and kind == "ar":
            noun_first = self._noun_first(i)
            if noun_first:
                return noun_first
        num = self.vague(j) or self.number(j, money=money is not None and money.kind == "money")
        if num is None or num.excluded:
            return num
        k = num.end_tok
        if money is not None:
            unit: UnitNoun | None = money
            span: tuple[int, int] | None = (self.starts[i], self.ends[j - 1])
            start = self.starts[i]
            after = self.unit_word(k)
            if after and after[1].kind == "money" and money.kind == "money":
                k += 1  # "$8 million dollars"
        else:
            start = num.start
            found = self.unit_after(k, num)
            unit, span, k = found if found else (None, None, k)
        if unit is not None and self.excluded(num):
            return num
        value = num.value
        if unit is not None and unit.kind == "count" and num.digits and _THOUSANDS_DOT.fullmatch(num.digits):
            value *= 1000  # "2.500 جندي": a thousands dot, not a decimal one
        value, k = self._fraction_after(unit, value, k)
        if unit is not None and unit.kind == "count" and value < 1:
            unit, span, k = None, None, num.end_tok  # "نصف السكان" is not half a person
        return _Measure(
            start, i, k, value, num.value_max, unit, span, num.vague, num.prefix, num.base, num.mult, num
        )

    def _fraction_after(self, unit: UnitNoun | None, value: float, k: int) -> tuple[float, int]:
        """A fraction after a time unit: "ساعة ونصف", "ثلاث ساعات ونصف"."""
        if unit is None or unit.kind != "time" or k >= self.n or self.infos[k].kind != "ar":
            return value, k
        if self.infos[k].key == "و":
            found, step = self.number_word(k + 1), 2
            if found and found[0]:
                return value, k
        else:
            found, step = self.number_word(k), 1
            if found and found[0] != "و":
                return value, k
        if found and found[1].kind == "fraction":
            return value + found[1].value, k + step
        return value, k

    def _noun_first(self, i: int) -> _Measure | None:
        """Arabic nouns that carry their number: a dual ("ساعتين",
        "اليومين", "امرأتان"), a singular with "واحد" or "ونصف" ("يوم واحد",
        "ساعة ونصف"), a definite plural with its number after it ("الساعات
        الـ24", "الأيام الثلاثة")."""
        phrase = self._unit_phrase(i)
        if phrase and phrase[0].count == 2:
            unit, span, end = phrase  # "نقطتين مئويتين"
            return _Measure(self.starts[i], i, end, 2.0, None, unit, span, base=2.0)
        found = self.unit_word(i, UNIT_PREFIXES)
        if not found:
            return None
        prefix, unit = found
        start = self.starts[i] + clitic_length(prefix)
        span = (start, self.ends[i])
        definite = prefix.endswith(("ال", "لل"))
        if unit.count is None:
            return self._number_after_noun(i, unit, start) if definite else None
        if unit.count == 2:
            if definite and unit.kind != "time":
                return None  # "البلدين", "الدولتين": "the two countries" refers back, it does not count
            k = i + 1
            two = self.number_word(k)
            if two and two[0] == "" and two[1].kind == "unit" and two[1].value == 2:
                k += 1  # "جنديين اثنين"
            value, k = self._fraction_after(unit, 2.0, k)
            return _Measure(start, i, k, value, None, unit, span, prefix=prefix, base=value)
        one = self.number_word(i + 1)
        if one and one[0] == "" and one[1].kind == "unit" and one[1].value == 1:
            return _Measure(start, i, i + 2, 1.0, None, unit, span, prefix=prefix, base=1.0)
        value, k = self._fraction_after(unit, 1.0, i + 1)
        if k > i + 1:
            return _Measure(start, i, k, value, None, unit, span, prefix=prefix, base=value)
        return None

    def _number_after_noun(self, i: int, unit: UnitNoun, start: int) -> _Measure | None:
        """The number after a definite plural, with the article too: "الـ24",
        "الثلاثة". The figure's value comes from it, its unit from the noun."""
        k = i + 1
        if self.kind(k) != "ar":
            return None
        value: float | None = None
        end = k + 1
        if (
            self.t.flags(k) & tk.DIGIT_CLITIC
            and self.infos[k].key.endswith("ال")
            and self.kind(k + 1) == "num"
        ):
            if not self.t.adjacent(k + 1) or k + 1 in self.t.blocked:
                return None
            value = self.infos[k + 1].digits_value
            end = k + 2
        else:
            word = split_prefix(self.infos[k].key, ARABIC_NUMBER_WORDS, ("ال",))
            if word and word[0] == "ال" and word[1].kind in ("unit", "ten", "tens", "hundreds", "hundred"):
                value = word[1].value
        if value is None or value < 2:
            return None
        return _Measure(start, i, end, value, None, unit, (start, self.ends[i]), base=value)

    # -- figures ----------------------------------------------------------------------------

    def range_end(self, m1: _Measure, k: int, opener: str | None) -> _Measure | None:
        """The second half of a range after ``m1`` ("إلى ثلاث ساعات", "and
        3,000", "-3,000"), or None."""
        if k >= self.n or m1.vague:
            return None
        key = self.key(k)
        joined = False  # "و" written on the second number
        if opener in ("بين", "between"):
            if key in ("و", "and"):
                k += 1
            elif self.infos[k].kind == "ar" and key.startswith("و"):
                joined = True
            else:
                return None
        elif key in _RANGE_DASHES or key in _ARABIC_RANGE_TO or key in _ENGLISH_RANGE_TO:
            if opener in ("من", "from") and key in ("او", "or"):
                return None
            k += 1
        else:
            return None
        m2 = self.measure(k)
        if not isinstance(m2, _Measure) or m2.vague:
            return None
        if m2.prefix not in ("", "و") or (m2.prefix == "و") != joined:
            return None
        if m2.unit is None and m2.num is not None and self.excluded(m2.num):
            return None
        return m2

    def figure(self, i: int) -> tuple[_Found | None, int]:
        """The figure that begins at token ``i`` and the token after it, or
        None and the next token to try."""
        qualifier: str | None = None
        start: int | None = None
        j = i
        found_qualifier = self.qualifier_before(i)
        if found_qualifier:
            qualifier, start, j = found_qualifier
        opener: str | None = None
        opener_start: int | None = None
        key = self.key(j)
        if key == "ما" and self.key(j + 1) == "بين":
            opener, opener_start, j = "بين", self.starts[j], j + 2
        elif key in tk.RANGE_OPENERS:
            opener, opener_start, j = key, self.starts[j], j + 1
        if not _MEASURE_AT.match(self.t.roles, j):
            return None, i + 1  # what self.measure(j) would say, sooner
        m1 = self.measure(j)
        if m1 is None:
            return None, i + 1
        if isinstance(m1, _Num):
            return None, max(m1.end_tok, i + 1)
        end_tok = m1.end_tok
        value, value_max = m1.value, m1.value_max
        unit, span = m1.unit, m1.unit_span
        m2 = self.range_end(m1, m1.end_tok, opener)
        if m2 is not None:
            low = m1.value
            if m1.unit is None and m1.mult == 1 and m2.mult > 1 and low < m2.base:
                low *= m2.mult  # "2 to 3 million", "between two and three hundred"
            same_unit = m1.unit is None or m2.unit is None or m1.unit.unit == m2.unit.unit
            if same_unit and m2.value > low:
                value, value_max = low, m2.value
                unit = m1.unit or m2.unit
                span = m2.unit_span if m2.unit is not None else m1.unit_span
                end_tok = m2.end_tok
                if start is None and opener_start is not None:
                    start = opener_start
        if start is None:
            start = m1.start
        after = self.qualifier_after(end_tok)
        if after and qualifier is None:
            qualifier, end_tok = after
        if qualifier is None and m1.vague:
            qualifier = VAGUE
        if unit is not None and unit.unit == "degree" and self.t.flags(j - 1) & tk.MAGNITUDE:
            unit = replace(unit, unit="magnitude")  # "زلزال بقوة 5.9 درجات"
        counted = unit.counted if unit is not None else None
        if counted is None and (unit is None or unit.unit == "person"):
            # The words after a whole that a part was taken of tell of the
            # part ("one of the 2 million residents was killed"), except a
            # participle right after it ("two of the 12 people killed").
            after_whole = not self._whole_of_part(m1.first_tok) or self._participle(end_tok)
            counted = self._counted_before(i) or (self._counted_after(end_tok) if after_whole else None)
        skip = max(m1.end_tok, i + 1)
        if m1.num is not None and m1.num.digits is None and value == 1 and self.key(j - 1) in ("not", "no"):
            return None, skip  # "not one resident", "no one was killed"
        if unit is None:
            bare = m1.num
            if counted is None or bare is None or bare.vague or self.excluded(bare):
                return None, skip
            if bare.digits is None and value < 2:
                return None, skip  # "no one was killed" counts nobody
        return _Found(
            start, self.ends[end_tok - 1], value, value_max, unit, span, qualifier, counted
        ), end_tok

    def _counted_before(self, i: int) -> str | None:
        """What was counted, from up to three words back: "مقتل 10", "killed at least 10"."""
        infos = self.infos
        for k in range(i - 1, max(i - 4, -1), -1):
            if infos[k].word_key is None:
                return None
            found = infos[k].counted_before
            if found:
                return found
        return None

    def _counted_after(self, k: int) -> str | None:
        """What was counted, from the words after: "10 people were killed", "10 أشخاص قتلوا"."""
        for _ in range(4):
            if not 0 <= k < self.n:
                return None
            info = self.infos[k]
            if info.word_key is None:
                return None
            if info.counted_after:
                return info.counted_after
            if not info.flags & tk.AUXILIARY:
                return None
            k += 1
        return None

    def figures(self) -> Iterator[_Found]:
        search, roles = _STARTS.search, self.t.roles
        start = search(roles)
        while start is not None:
            i = start.start()
            found, nxt = self.figure(i)
            if found is not None:
                yield found
            start = search(roles, max(nxt, i + 1))


#: Word analyses shared by every call: they depend only on the word.
#: Bounded so that a stream of random text cannot grow it without end.
_CACHE: dict[str, tk.WordInfo] = {}
_CACHE_LIMIT = 100_000


def _number(value: float) -> float:
    return float(round(value, 6))


def find_figures(text: str, language: str | None = None) -> list[Figure]:
    """The figures in ``text``, in text order, with spans into ``text``.

    ``language`` ("ar", "en" or None) does not change the grammar: Arabic and
    English words are told apart by their script, so mixed text works and
    None is fine.
    """
    if not isinstance(text, str) or not text:
        return []
    if len(_CACHE) > _CACHE_LIMIT:
        _CACHE.clear()
    parser = _Parser(text, _CACHE)
    result: list[Figure] = []
    for found in parser.figures():
        unit_raw = text[found.unit_span[0] : found.unit_span[1]] if found.unit_span else None
        start, end, value, value_max = found.start, found.end, found.value, found.value_max
        if found.unit is not None and found.unit.unit in TEMPERATURES:
            start, end, value, value_max = below_zero(text, start, end, value, value_max, found.unit.unit)
        result.append(
            Figure(
                raw=text[start:end],
                start=start,
                end=end,
                value=_number(value),
                value_max=_number(value_max) if value_max is not None else None,
                unit=found.unit.unit if found.unit is not None else None,
                unit_raw=unit_raw,
                qualifier=found.qualifier,
                counted=found.counted,
            )
        )
    return result
