"""The countries a claim names, so that two claims naming different
countries are told apart however reworded the rest.

"The EU imposed sanctions on 12 Iranian officials" / "Twelve Belarusian
officials were hit with EU sanctions", "وقعت السعودية وإندونيسيا مذكرة
تفاهم" / "السعودية وماليزيا توقعان مذكرة تفاهم": each names a country the
other does not. The names and adjectives are ``countries.txt`` (one
country a line, in the same order in both languages).

Names are matched as written (normalized), not as stems: a stem would make
"البحر" (the sea) Bahrain and "بيروت" Peru. So each listed word brings the
forms running text writes it in: an Arabic one with a preposition or و
written on ("والبحرين"، "بالسودان"، "للسعودية"), with the article, and
without it unless it is listed with it ("الهند"; "هند" is a name), an
Arabic adjective also in the feminine and the plural ("إيرانية"،
"السوريين"), an English one also with -s ("Iranians") and only where the
text writes it with a capital ("a turkey farm"). A name of several words
("south_africa", "المملكة_العربية_السعودية") is matched word for word, the
longest first. Each country is kept with what stands next to it
(:func:`claimtrack_linker.words.neighbours`): the linker counts two
countries as a changed fact only in one place of the sentence.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from claimtrack import normalize_text
from claimtrack_linker.words import is_arabic, neighbours, read_lexicon

COUNTRIES = Path(__file__).with_name("countries.txt")

#: Prepositions and conjunctions written onto an Arabic word, alone or with
#: the article: "والبحرين"، "بالسودان"، "للسعودية" (ل + ال).
_ARABIC_PREFIXES = ("", "و", "ب", "ل", "ف", "ك", "وب", "ول")
#: The endings of an Arabic adjective of nationality besides its masculine
#: singular ("إيراني"): feminine, plurals and duals, as normalized ("ة" is
#: "ه").
_ARABIC_ENDINGS = ("ه", "ين", "ون", "ان", "تين", "تان")


def _arabic_forms(words: list[str], article: bool) -> set[tuple[str, ...]]:
    """The ways running text writes an Arabic name of ``words``: its first
    word with or without the article (``article``: the name is listed with
    it) and a prefix written on, its last an adjective's feminine and
    plurals too."""
    first, last = words[0], words[-1]
    bare = first[2:] if article else first
    # A name listed with its article is always written with it: "الهند",
    # never "هند" (a name), "الكاميرون", never "كاميرون" (Cameron).
    articles = ("ال",) if article else ("", "ال")
    starts = {prefix + the + bare for prefix in _ARABIC_PREFIXES for the in articles}
    starts |= {prefix + "ل" + bare for prefix in ("ل", "ول")}  # ل + ال is written "لل"
    endings = ("", *_ARABIC_ENDINGS) if last.endswith("ي") else ("",)
    if len(words) == 1:
        return {(start + ending,) for start in starts for ending in endings}
    return {(start, *words[1:-1], last + ending) for start in starts for ending in endings}


class Countries:
    """The country of each way a name is written, as normalized words."""

    def __init__(self, path: Path = COUNTRIES) -> None:
        sections = read_lexicon(path)
        lengths = {len(lines) for lines in sections.values()}
        if len(lengths) > 1:
            raise ValueError(f"{path}: the sections have different numbers of lines: {sorted(lengths)}")
        self.names: dict[tuple[str, ...], int] = {}
        #: Each country's first name in each language, for evidence.
        self.first: dict[str, dict[int, str]] = {}
        for (_, language), lines in sections.items():
            for number, line in enumerate(lines):
                self.first.setdefault(language, {})[number] = line[0].replace("_", " ")
                for name in line:
                    if name == "-":  # no safe word for this country here
                        continue
                    words = normalize_text(name.replace("_", " "), language).split()
                    if not words:
                        continue
                    if is_arabic(words[0]):
                        # "الجزائر" is listed with its article; "ألمانيا"
                        # begins with a hamza, so "ال" is the name's own.
                        forms = _arabic_forms(words, name.startswith("ال"))
                    else:
                        forms = {tuple(words), (*words[:-1], words[-1] + "s")}
                    for form in forms:
                        self.names.setdefault(form, number)
        #: Every word that begins a name: a claim with none names no country.
        self.starts = frozenset(form[0] for form in self.names)
        self.longest = max(len(form) for form in self.names)

    def named(self, words: list[str]) -> list[tuple[int, int, int]]:
        """Each country a claim's normalized words name, with where its name
        begins and ends, the longest name first ("south sudan" is not
        "sudan")."""
        if self.starts.isdisjoint(words):
            return []  # most claims: one pass in C
        found = []
        index = 0
        while index < len(words):
            if words[index] not in self.starts:
                index += 1
                continue
            for size in range(min(self.longest, len(words) - index), 0, -1):
                country = self.names.get(tuple(words[index : index + size]))
                if country is not None:
                    found.append((country, index, index + size))
                    index += size
                    break
            else:
                index += 1
        return found

    def called(self, numbers: frozenset[int], language: str | None) -> list[str]:
        """The countries ``numbers`` stand for, by their first name in
        ``language`` (English where it has none), sorted."""
        first = self.first.get(language or "en", self.first["en"])
        return sorted(first[number] for number in numbers)


@lru_cache(maxsize=1)
def countries() -> Countries:
    """The country table shipped with the plugin, loaded once."""
    return Countries()


def places(words: list[str], text: str) -> dict[int, frozenset[str]]:
    """The countries a claim's normalized words name, its figures' words
    included ("12 Iranian officials"), each with what stands on either side
    of it (:func:`neighbours`). An English name counts only where ``text``
    writes it with a capital: "a turkey farm" names no country."""
    found: dict[int, frozenset[str]] = {}
    for country, start, end in countries().named(words):
        first = words[start]
        if not is_arabic(first) and first.capitalize() not in text and first.upper() not in text:
            continue
        found[country] = found.get(country, frozenset()) | neighbours(words, start, end)
    return found
