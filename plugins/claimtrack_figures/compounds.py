"""How number words combine into one number, in both languages.

:class:`NumberBuilder` takes number words one at a time, each with the word
that joins it to the previous one ("و", "and", a hyphen, "of", or nothing),
and says whether the number is still well formed. It knows:

* Arabic order: units before tens ("خمسة وعشرون"), "و" between every part
  ("ألفين وخمسمائة"), teens as unit + "عشر" ("خمسة عشر", "اثنا عشر"), hundreds
  as one word or two ("ثلاثمائة", "ثلاث مئة"), scale words in the singular,
  dual and plural ("ألف"، "ألفين"، "ثلاثة آلاف"), a count before a scale
  ("خمسة وعشرون ألفا", "3 ملايين"), a fraction after a scale ("مليون ونصف");
* English order: tens before units ("twenty-five", "twenty five"), "and"
  after hundreds and scales ("two hundred and fifty"), "a"/"an" before a
  scale ("a million", "a dozen"), fractions ("half a million", "one and a
  half million", "a quarter of a million");
* digits with scale words in either language ("2.5 million", "٣ آلاف").

Scales must fall ("ألفين وثلاثة آلاف" is two numbers, not 5000), which is how
"بين ألفين وثلاثة آلاف" and "between two thousand and three thousand" split
into the two ends of a range.
"""

from __future__ import annotations

from .number_words import NumberWord

#: Kinds that multiply what comes before them.
MULTIPLIERS = frozenset(["hundred", "scale", "dozen", "ten"])


class NumberBuilder:
    """The accumulator that puts number words together, for both languages.

    ``total`` holds what scale words have closed ("ثلاثة آلاف" → 3000),
    ``small`` the part below the last scale; ``h``/``t``/``u`` say whether it
    has hundreds, tens, units; ``closed`` that nothing more can be added to
    it (a teen, digits, a fraction).
    """

    __slots__ = (
        "base",
        "closed",
        "done",
        "elements",
        "h",
        "last_scale",
        "mult",
        "pending",
        "small",
        "t",
        "total",
        "u",
    )

    def __init__(self) -> None:
        self.total = 0.0
        self.last_scale = float("inf")
        self.small = 0.0
        self.h = self.t = self.u = self.closed = self.done = False
        self.pending: str | None = None
        self.elements = 0
        self.base = 0.0
        self.mult = 1.0

    def snapshot(self) -> tuple[float, float, float]:
        """``(value, base, multiplier)`` as the number stands: base times
        multiplier is the value when the number ends in a multiplier ("3
        million": 3, 10^6), else the multiplier is 1."""
        return self.value, self.base, self.mult

    @property
    def value(self) -> float:
        return self.total + self.small

    def complete(self) -> bool:
        return self.elements > 0 and self.pending is None and self.value > 0

    def _empty(self) -> bool:
        return not (self.h or self.t or self.u or self.closed) and self.small == 0

    def _scaled(self, scale: float, count: float) -> None:
        self.total += count * scale
        self.base, self.mult = count, scale
        self.last_scale = scale
        self.small = 0.0
        self.h = self.t = self.u = self.closed = False

    def accept(self, word: NumberWord, conn: str, english: bool) -> bool:
        """Add ``word`` (joined by ``conn``: "", "و", "and", "-", "of") if
        the number stays well formed; return whether it did."""
        kind, value = word.kind, word.value
        if self.done:
            return False
        ok = self._accept(kind, value, word.count, conn, english)
        if ok:
            self.elements += 1
            if kind not in ("hundred", "scale", "dozen", "article") and self.pending is None:
                self.base, self.mult = self.value, 1.0
        return ok

    def _accept(self, kind: str, value: float, count: int, conn: str, english: bool) -> bool:
        if self.pending == "article":
            if conn:
                return False
            self.pending = None
            if kind == "hundred":
                self.small, self.h, self.u = 100.0, True, False
                self.base, self.mult = 1.0, 100.0
                return True
            if kind == "scale" and count == 1 and value < self.last_scale:
                self.small = 0.0
                self.u = False
                self._scaled(value, 1.0)
                return True
            if kind == "dozen":
                self.small, self.closed, self.u = 12.0, True, False
                self.base, self.mult = 1.0, 12.0
                return True
            if kind == "fraction":
                self.small, self.closed, self.u = value, True, False
                return True
            self.pending = "article"
            return False
        if self.pending == "teen_unit":
            if kind == "ten" and not conn:
                self.small += 10
                self.closed, self.pending = True, None
                return True
            return False
        if conn == "and" and not (self.h or self.total > 0 or kind == "fraction"):
            return False
        if conn == "-" and not (self.t and kind == "unit" and english):
            return False
        if conn == "of" and not (kind == "scale" and self.closed and self.small < 1 and self.total == 0):
            return False
        if kind == "digits":
            # Digits join a number only in Arabic: "3 ملايين و500 ألف", never
            # "$8 million and 10 people".
            if not self._empty() or (self.elements and conn != "و"):
                return False
            self.small, self.closed = value, True
            return True
        if kind == "article":
            if self.elements:
                # "half a million": the article between a fraction and a scale.
                return self.closed and self.small < 1 and not conn
            self.small, self.u, self.pending = 1.0, True, "article"
            return True
        if kind == "unit":
            if self.closed or self.u or (english and self.t is False and self.h and conn == ""):
                return self._unit_after_hundred(value, conn, english)
            if not english and self.elements and not conn:
                return False
            if english and self.u:
                return False
            self.small += value
            self.u = True
            return True
        if kind == "teen_unit":
            if english or self.closed or self.u or self.t or (self.elements and not conn):
                return False
            self.small += value
            self.u, self.pending = True, "teen_unit"
            return True
        if kind == "ten":
            if self.closed or self.t:
                return False
            if self.u:
                if conn or english:
                    return False
                self.small += 10  # "خمسة عشر"
                self.closed = True
                return True
            if not english and self.elements and not conn:
                return False
            self.small += 10
            self.closed = True
            return True
        if kind == "teen":
            if self.closed or self.t or self.u:
                return False
            self.small += value
            self.closed = True
            return True
        if kind == "tens":
            if self.closed or self.t:
                return False
            if self.u and (english or not conn):
                return False
            if not english and not self.u and self.elements and not conn:
                return False
            self.small += value
            self.t = True
            return True
        if kind == "hundreds":
            if not self._empty() or (self.elements and not conn):
                return False
            self.small, self.h = value, True
            return True
        if kind == "hundred":
            if self.h or self.t or self.closed:
                return False
            if self.u and not conn:
                self.base, self.mult = self.small, 100.0
                self.small *= 100
                self.u, self.h = False, True
                return True
            if self._empty() and (conn or not self.elements):
                self.small, self.h = 100.0, True
                return True
            return False
        if kind == "scale":
            if value >= self.last_scale:
                return False
            if count == 2:
                if not self._empty() or (self.elements and not conn):
                    return False
                self._scaled(value, 2.0)
                return True
            if count == 0:
                if conn or self.small <= 0 or (self.small < 1 and not self.closed):
                    return False
                self._scaled(value, self.small)
                return True
            if conn and conn != "of":
                if not self._empty():
                    return False
                self._scaled(value, 1.0)
                return True
            if self.small > 0:
                self._scaled(value, self.small)
                return True
            if self.elements:
                return False
            self._scaled(value, 1.0)
            return True
        if kind == "dozen":
            if conn or not self.u or self.t or self.h or self.closed:
                return False
            self.base, self.mult = self.small, 12.0
            self.small *= 12
            self.closed, self.u = True, False
            return True
        if kind == "fraction":
            if not self.elements:
                self.small, self.closed = value, True
                return True
            if conn and self._empty() and self.total > 0:
                self.total += value * self.last_scale  # "مليون ونصف"
                self.done = True
                return True
            if conn == "and" and self.total == 0 and self.small >= 1 and not self.closed:
                self.small += value  # "one and a half"
                self.closed = True
                return True
            return False
        return False

    def _unit_after_hundred(self, value: float, conn: str, english: bool) -> bool:
        """English "two hundred five" and "hundred and five": a unit after
        hundreds, joined by "and" or nothing."""
        if not english or self.closed or self.u or self.t or not self.h:
            return False
        self.small += value
        self.u = True
        return True
