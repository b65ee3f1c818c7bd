"""The places a claim names, so that two claims naming different places
in one place of the sentence are told apart however reworded the rest.

"The EU imposed sanctions on 12 Iranian officials" / "Twelve Belarusian
officials were hit with EU sanctions", "وقعت السعودية وإندونيسيا مذكرة
تفاهم" / "السعودية وماليزيا توقعان مذكرة تفاهم", "the highway between Ankara
and Istanbul" / "the motorway linking Ankara and Izmir", "أمطار على منطقة
عسير" / "على منطقة جازان": each names a place the other does not.

Three tables, one kind of place each, in one format (one place a line, in
the same order in both languages): ``countries.txt`` (names and
nationality adjectives), ``cities.txt`` and ``regions.txt`` (provinces,
governorates, states, territories). A place is told apart only from a place
of its own kind: "talks in Riyadh" / "talks in Saudi Arabia" and "a strike
on Rafah" / "a strike on Gaza" are one claim told with a place named more
or less closely. A fourth, ``areas.txt`` (world regions and waters), is
read only so that no place is read inside an area's name: "Latin
America" names no America, "the Indian Ocean" no India.

Names are matched as written (normalized), not as stems: a stem would make
"البحر" (the sea) Bahrain and "بيروت" Peru. So each listed word brings the
forms running text writes it in: an Arabic one with a preposition or و
written on ("والبحرين"، "بالسودان"، "للسعودية"), with the article, and
without it unless it is listed with it ("الهند"; "هند" is a name), an
Arabic adjective also in the feminine and the plural ("إيرانية"،
"السوريين"), an English one also with -s ("Iranians") and only where the
text writes it with a capital ("a turkey farm"). A name of several words
("south_africa", "المملكة_العربية_السعودية") is matched word for word, the
longest first. Each place is kept with what stands next to it
(:func:`claimtrack_linker.words.neighbours`): the linker counts two
places as a changed fact only in one place of the sentence.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path

from claimtrack import fold_accents, normalize_text
from claimtrack_linker.words import is_arabic, neighbours, read_lexicon

COUNTRIES = Path(__file__).with_name("countries.txt")
CITIES = Path(__file__).with_name("cities.txt")
REGIONS = Path(__file__).with_name("regions.txt")
AREAS = Path(__file__).with_name("areas.txt")
#: The tables, one kind of place each: a place is told apart only from
#: another of its kind.
KINDS = (COUNTRIES, CITIES, REGIONS)
#: Tables whose names are read only so that no shorter name is read inside
#: them: world regions and waters ("Latin America" names no America, "the
#: Indian Ocean" no India). Areas are never told apart: they hold one
#: another ("East Africa" / "Africa", "the Aegean" / "the Mediterranean").
MASKS = (AREAS,)

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


class Gazetteer:
    """The place of each way a name is written, as normalized words, over
    several tables: a place is its table's number in :data:`KINDS` and its
    line there. One lookup for all of them, so that a claim's words are
    read once and the longest name wins whatever its kind ("New Mexico" is
    a state, not Mexico; "Port of Spain" a city, not Spain)."""

    def __init__(self, paths: tuple[Path, ...] = KINDS + MASKS) -> None:
        self.names: dict[tuple[str, ...], tuple[int, int]] = {}
        derived_forms: list[tuple[tuple[str, ...], tuple[int, int]]] = []
        #: Each place's first name in each language, a table of them a kind,
        #: for evidence.
        self.first: list[dict[str, dict[int, str]]] = []
        for kind, path in enumerate(paths):
            sections = read_lexicon(path)
            lengths = {len(lines) for lines in sections.values()}
            if len(lengths) > 1:
                raise ValueError(f"{path}: the sections have different numbers of lines: {sorted(lengths)}")
            first: dict[str, dict[int, str]] = {}
            self.first.append(first)
            for (_, language), lines in sections.items():
                for number, line in enumerate(lines):
                    first.setdefault(language, {})[number] = line[0].replace("_", " ")
                    for name in line:
                        if name == "-":  # no safe word for this place here
                            continue
                        written, *derived = _forms(name, language)
                        self.names[written] = (kind, number)
                        derived_forms.extend((form, (kind, number)) for form in derived)
        # A name as listed comes before a form derived from another: "the
        # Americas" (areas.txt) is not the plural of "America".
        for form, place in derived_forms:
            self.names.setdefault(form, place)
        #: Every word that begins a name: a claim with none names no place.
        self.starts = frozenset(form[0] for form in self.names)
        self.longest = max(len(form) for form in self.names)
        #: A region named as a part of another, and that other: "North
        #: Darfur" names Darfur too, "شمال سيناء" سيناء. Not countries
        #: ("South Sudan" is not Sudan) nor cities ("Khartoum North").
        self.within: dict[tuple[int, int], int] = {}
        for form, (kind, number) in self.names.items():
            if kind != 2 or len(form) < 2:
                continue  # regions only: "Khartoum North" is a city of its own
            for inner in (form[1:], form[:-1]):
                side = form[0] if inner == form[1:] else form[-1]
                found = self.names.get(inner)
                if side in _PARTS and found is not None and found[0] == kind and found[1] != number:
                    self.within.setdefault((kind, number), found[1])
        # A region divided into parts names two or more: "North Darfur",
        # "South Darfur". One alone is a region of its own: West Virginia.
        wholes = Counter(self.within.values())
        self.within = {part: whole for part, whole in self.within.items() if wholes[whole] > 1}

    def named(
        self, words: list[str], accept: Callable[[int, list[str]], bool] | None = None
    ) -> list[tuple[int, int, int, int]]:
        """Each place a claim's normalized words name (its kind, its line),
        with where its name begins and ends, the longest name first ("south
        sudan" is not "sudan"). A name that ``accept`` (given its kind and
        its words) refuses gives way to a shorter one: "the port said" is
        no Port Said."""
        if self.starts.isdisjoint(words):
            return []  # most claims: one pass in C
        found = []
        index = 0
        while index < len(words):
            if words[index] not in self.starts:
                index += 1
                continue
            for size in range(min(self.longest, len(words) - index), 0, -1):
                name = words[index : index + size]
                place = self.names.get(tuple(name))
                if place is not None and (accept is None or accept(place[0], name)):
                    found.append((*place, index, index + size))
                    index += size
                    break
            else:
                index += 1
        return found

    def called(self, kind: int, numbers: frozenset[int], language: str | None) -> list[str]:
        """The places of ``kind`` that ``numbers`` stand for, by their first
        name in ``language`` (English where it has none, or none safe:
        "-"), sorted."""
        english = self.first[kind]["en"]
        first = self.first[kind].get(language or "en", english)
        return sorted(first[n] if first[n] != "-" else english[n] for n in numbers)


def _forms(name: str, language: str) -> list[tuple[str, ...]]:
    """The ways running text writes a listed name, as normalized words: the
    name as listed first, then the forms derived from it."""
    words = normalize_text(name.replace("_", " "), language).split()
    if not words:
        return []
    if is_arabic(words[0]):
        # "الجزائر" is listed with its article; "ألمانيا" begins with a
        # hamza, so "ال" is the name's own.
        derived = _arabic_forms(words, name.startswith("ال")) - {tuple(words)}
    else:
        derived = {(*words[:-1], words[-1] + "s")}
    return [tuple(words), *sorted(derived)]


@cache
def gazetteer() -> Gazetteer:
    """The tables shipped with the plugin, loaded once."""
    return Gazetteer()


def places(words: list[str], text: str) -> tuple[dict[int, frozenset[str]], ...]:
    """The places of each kind (one mapping a table, in the order of
    :data:`KINDS`) that a claim's normalized words name, its figures' words
    included ("12 Iranian officials"), each with what stands on either
    side of it (:func:`neighbours`). An English name counts only where
    ``text`` writes its first word, and each other word of four letters or
    more, with a capital, as a word of its own (:func:`_capitals`): "a
    turkey farm" names no country, and "the port said" no Port Said, though
    "Portugal" or "Port Sudan" give the letters; "Sana'a", "Dar es Salaam",
    "Gaza city" and "New York state" are read. A region's part named after
    it names the region too (:attr:`Gazetteer.within`)."""
    table = gazetteer()
    if table.starts.isdisjoint(words):
        return _NONE  # most claims: one pass in C
    found: list[dict[int, set[str]]] = [{} for _ in KINDS]
    capitals: frozenset[str] | None = None  # read at the first English name

    def written_as_name(kind: int, name: list[str]) -> bool:
        nonlocal capitals
        if is_arabic(name[0]) or kind >= len(KINDS):
            return True  # an area masks what is inside it however written: "the Indian ocean"
        if capitals is None:
            capitals = _capitals(text)
        return name[0] in capitals and all(
            word in capitals
            for word in name[1:]
            if len(word) > 3 and word not in _LOWER_IN_NAMES and word not in _KIND_WORDS
        )

    for kind, place, start, end in table.named(words, written_as_name):
        if kind >= len(KINDS):
            continue  # an area: read only so that no place is read inside it
        around = found[kind].setdefault(place, set())
        around.update(neighbours(words, start, end))
        # "منطقة عسير" and "منطقة جازان", "Idlib province": the word that
        # says what kind of place it is is read both as part of the name
        # (the table lists "منطقة_عسير", "جازان" alone) and as a neighbour
        # ("في منطقة كسلا" / "في منطقة القضارف").
        if start and (words[start - 1] in _KIND_WORDS or _bare(words[start - 1]) in _KIND_WORDS):
            around.update(neighbours(words, start - 1, end))
        if end < len(words) and words[end] in _KIND_WORDS:
            around.update(neighbours(words, start, end + 1))
        whole = table.within.get((kind, place))
        if whole is not None:
            # "North Darfur" names Darfur too: against "Darfur" it is no
            # other place; against "South Darfur" it is.
            found[kind].setdefault(whole, set()).update(around)
    return tuple({place: frozenset(around) for place, around in named.items()} for named in found)


#: What :func:`places` gives for a claim that names none (read only).
_NONE: tuple[dict[int, frozenset[str]], ...] = tuple({} for _ in KINDS)
#: Words that name a part of a region, before or after its name: "North
#: Darfur", "شمال سيناء", "دارفور الغربية". Not "lower", "upper": Lower
#: Saxony is no part of Saxony.
_ARABIC_PARTS = "شمال جنوب شرق غرب وسط الشمالية الجنوبية الشرقية الغربية الوسطى"
_PARTS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
    }
) | frozenset(normalize_text(_ARABIC_PARTS, "ar").split())
#: Words of an English name that news writes in lower case: "Port of
#: Spain", "Strait of Hormuz".
_LOWER_IN_NAMES = frozenset(
    {"of", "the", "de", "d", "del", "da", "do", "du", "la", "le", "el", "al", "and", "on", "upon"}
)


def _capitals(text: str) -> frozenset[str]:
    """The words ``text`` writes with a capital (or in capitals), lower
    cased and with accents dropped as normalized words are ("Côte",
    "Bogotá", "Diyarbakır": :func:`claimtrack.fold_accents`): read once a
    claim, so a name written 4,000 times costs 4,000 look-ups, not 4,000
    readings of the text."""
    if not text.isascii():
        text = fold_accents(unicodedata.normalize("NFKC", text))  # "Soﬁa": a ligature
    return frozenset(word.lower() for word in _WORD.findall(text) if word[0].isupper())


_WORD = re.compile(r"[A-Za-z]+")


#: Words that say what kind of place a name is, as normalized: before an
#: Arabic name ("مدينة", "محافظة"), after an English one ("province").
_KIND_WORDS = frozenset(normalize_text("مدينة منطقة محافظة ولاية إقليم جزيرة مخيم ميناء", "ar").split()) | {
    "city",
    "province",
    "region",
    "governorate",
    "state",
    "district",
    "county",
    "oblast",
}


def _bare(word: str) -> str:
    """An Arabic word without a preposition or و written on ("بمنطقة")."""
    return word[1:] if len(word) > 4 and word[0] in "وبلفك" else word
