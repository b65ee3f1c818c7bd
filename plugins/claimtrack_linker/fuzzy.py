"""The default linker: blocked fuzzy matching of claims' content words,
with speaker, figures and negation as evidence.

1. Each claim becomes a sequence of content words in the form they are
   compared in (stemmed, synonyms joined, stop and number words dropped:
   :mod:`claimtrack_linker.words`), then a token per figure's unit.
2. Blocking: each claim is filed under its rarest words (those shared with
   another claim, within a budget of block partners). Claims that state the
   same thing share their rare words; claims that do not, rarely do. Cost
   grows with the number of claims, not with its square.
3. The pairs of all blocks are made with numpy, each pair once, and scored
   in batches with ``rapidfuzz.process.cpdist`` (``token_set_ratio``, so a
   shortened version or a partial quote of a claim still scores high), with
   ``score_cutoff`` so only candidates come back.
4. Each candidate pair is checked: it must share enough content words and
   reach the threshold, lowered by the same speaker or the same figure and
   raised by different speakers. A pair whose words differ by a negation
   ("لن", "not"), by a contrast ("continued"/"stopped", "ارتفع"/"انخفض"),
   by words replaced in place, by a qualifier ("partially", "مؤقتا") or by
   another actor joined with "and" (changed facts) is kept apart; figures
   of one unit with different values make a ``figure`` conflict, linked
   and flagged when the two are otherwise reworded little.
5. Pairs an embedder found close in meaning (``claimtrack link --semantic``)
   are judged by the same checks, less the word score and the shared words
   (:func:`check_similar`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from types import MappingProxyType
from typing import Any, NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from claimtrack import Figure, Link, LinkClaim, collector_paused, find_figures, normalize_text
from claimtrack_linker.periods import SAYING, Period, names_period, periods
from claimtrack_linker.places import gazetteer, places
from claimtrack_linker.quantities import PEOPLE_UNITS, converted, may_count_one_thing, quantity
from claimtrack_linker.words import arabic_variants, in_one_place, is_arabic, lexicon, neighbours

#: Rare words a claim is filed under: four find 99.97% of the links that
#: all-pairs matching finds on bench/bench_link.py's 20,000-claim sample
#: (eight: 100%, with twelve times the comparisons; three: 99.7%).
KEYS_PER_CLAIM = 4
#: A claim is filed under its rarest word, and under the next rarest ones
#: while their blocks hold no more than this many other claims together:
#: a claim with a rare name is found through it, one with only common
#: words through more of them. Without the budget, a word's block grows
#: with the archive (Zipf's law) and so does the cost per claim.
PARTNERS_PER_CLAIM = 32
#: Candidate pairs made and scored per batch (bounds memory).
PAIRS_PER_BATCH = 1 << 19
#: Claims whose :class:`Reading` is kept while their pairs are checked. A
#: claim's candidates come block by block, and a story's claims sit in the
#: same few blocks, so the claims of the last blocks are the ones asked
#: again: on bench_link's 100,000 claims each claim is read 1.02 times with
#: 1,024 kept (0.94 with 16,384, which cost 33 MB more at the peak).
READINGS_KEPT = 1 << 10
#: Blocks larger than this are words too common to tell claims apart
#: (100, 200 and 400 find the same share of all-pairs links on the 20,000
#: sample; at a million claims the cap is what keeps the cost linear).
MAX_BLOCK = 200
#: Extra score two claims by different named speakers need (outlets name
#: the same person differently, so this is evidence, not a veto).
DIFFERENT_SPEAKER_MARGIN = 5.0
#: rapidfuzz ratio above which two differing words are forms of one word.
MORPHOLOGY_RATIO = 70
#: How alike (fuzz.ratio) the beginnings of two Latin words that end alike
#: must be for them to be spellings of one word (:func:`_other_beginning`).
OTHER_BEGINNING = 40
#: Points off the threshold for each piece of evidence beyond the words:
#: the same named speaker, and a figure (value and unit) both claims give.
#: Outlets that reword a claim keep who said it and its numbers.
SAME_SPEAKER_BONUS = 5.0
SHARED_FIGURE_BONUS = 5.0
#: Fewest content words shared by a linked pair.
MIN_SHARED = 3
#: Most words (forms of one word aside) in which two claims whose figures
#: conflict may differ, unless they share more: one claim with another
#: figure is reworded little; two claims of one story with their own
#: figures ("turnout in the provincial elections was 41%" / "turnout in the
#: presidential election was 66.8%") differ in more words than they share.
#: On the tuning sets 5 and 6 keep every labelled conflict pair and drop 6
#: of the 24 cross-pair merges; 4 loses pairs. The "unless they share
#: more" keeps agency copy with a dateline ("أنقرة 14 مايو 2024 (شينخوا)
#: لقي 11 شخصا ... زلزال" / "قتل 9 أشخاص ... زلزال": 9 words shared, 9
#: differing) linked and flagged.
FIGURE_WORDING = 6
#: The unit of a number read outside any figure ("120 وفاة", "200 nations":
#: the figures plugin does not know the noun). Its unit is unknown, not
#: another: its value is compared with figures of any unit. Its token
#: stays in the compared text (a claim with a count is not one without).
BARE = "number"
#: The unit of a count of people (the figures plugin's unit table).
PERSON = "person"
BARE_TOKEN = "#" + BARE
#: The smallest value of a figure that, given by both claims, counts as a
#: shared word: small counts recur across the claims of one story ("9 jets"
#: of the 737 MAX 9, "two ministers").
TELLING_VALUE = 10
#: A number of unknown unit at least this large is a count, not a model or a
#: route ("737"), when it corroborates a near pair (:func:`_corroborated`).
LARGE_BARE = 1000


def _form(word: str) -> str:
    """A listed word in the form claim words are compared in."""
    normalized = normalize_text(word, "ar" if is_arabic(word) else "en")
    return lexicon().form(normalized) or normalized


def _listed(kind: str) -> frozenset[str]:
    """The words of the lexicon's ``[kind LANG]`` sections, in their
    compared forms (``lexicon.txt`` says what each list is for)."""
    return frozenset(_form(word) for line, _ in lexicon().lines(kind) for word in line)


#: Negations ("لن", "not", "failed"), an Arabic one also with و or ف
#: written on ("ولم"). Only when a negation is (nearly) all that differs is
#: a pair told apart by it (:func:`_opposed`).
NEGATIONS = _listed("negations") | frozenset(
    _form(clitic + word)
    for line, language in lexicon().lines("negations")
    if language == "ar"
    for word in line
    for clitic in ("و", "ف")
)
#: Negations that are verbs of denial ("نفت", "denied"): see :func:`_opposed`.
DENIALS = _listed("denials")
#: Words that, added before or after a title, name someone else: "رئيس
#: الوزراء" is not "الرئيس", "وكيل وزير" is not "وزير", "deputy minister"
#: is not "minister". A pair that differs by one of them alone is a
#: changed fact (the actor), however close its characters.
ROLE_WORDS = _listed("roles")
#: Words that narrow what the same sentence states: "closed" is not
#: "partially closed", "توقف" is not "توقف جزئيا". A pair that differs by
#: one of them (nearly) alone is a changed fact.
QUALIFIERS = _listed("qualifiers")
#: Month and day names: spelled alike ("يونيو"/"يوليو", "June"/"July"),
#: never the same date.
CALENDAR_WORDS = frozenset(_form(word) for word in lexicon().calendar)
#: Month names as normalized words (a name of two words by its first, "كانون"),
#: next to which a number is a day of the month (:func:`_dated`); a weekday
#: is none ("الاثنين، 12 إصابة" counts).
MONTHS = lexicon().months
#: Each month's names as normalized words, and its number: "حزيران",
#: "جوان" and "يونيو" are all 6, "كانون الاول" 12 ("كانون" alone is
#: December or January, so no month).
MONTH_NUMBERS: dict[tuple[str, ...], int] = {
    tuple(normalize_text(name, language).split()): number
    for (kind, language), lines in lexicon().sections.items()
    if kind == "calendar"
    for number, line in enumerate(lines, 1)
    for name in line
}
#: Each word of a known contrast and the words opposed to it
#: ("continued": {"stopped", "halted", "suspended"}).
CONTRASTS: dict[str, set[str]] = defaultdict(set)
for _line, _ in lexicon().lines("contrasts"):
    _a, _b = (_form(w) for w in _line)
    CONTRASTS[_a].add(_b)
    CONTRASTS[_b].add(_a)
#: Words that join a further clause to a claim ("and", "but", "لكن"); an
#: Arabic clause is also joined by و written onto its first word.
_CLAUSE_WORDS = frozenset(
    word
    for kind in ("conjunctions", "clauses")
    for line, language in lexicon().lines(kind)
    for word in normalize_text(" ".join(line), language).split()
)
#: Words whose number is a name, not a count: "Category 5", "Article 50",
#: "Level 3", "المادة 7", "القرار 2254". Matched as written (normalized, not
#: stemmed: "terminated 300 contracts" is no "Terminal 5"), content words
#: only ("فئة" is written as "فيه", "in it").
LABELS = frozenset(
    word
    for line, language in lexicon().lines("labels")
    for word in normalize_text(" ".join(line), language).split()
    if lexicon().form(word) is not None
)
#: A word of :data:`LABELS`' [signs] before a number ("No. 2254", "رقم
#: 2254"), in normalized text: see :func:`_without_signs`.
_SIGN_WORDS = [
    re.escape(word)
    for line, language in lexicon().lines("signs")
    for word in normalize_text(" ".join(line), language).split()
]
_SIGNED = re.compile(rf"(?<!\S)({'|'.join(_SIGN_WORDS)}) (?=\d)")
#: Number words a label's number may be written in, with their values
#: ("Category Four" is "Category 4"): [values LANG], one to twenty in order.
_LABEL_VALUES: dict[str, str] = {
    word: str(value)
    for (kind, language), lines in lexicon().sections.items()
    if kind == "values"
    # Counted over the whole section: its words run on from line to line.
    for value, word in enumerate(
        normalize_text(" ".join(w for line in lines for w in line), language).split(), 1
    )
}
#: Verbs that state a level ("reached", "بلغ") and verbs of change that
#: state one with "to" ("rose to", "ارتفع إلى"): see :func:`_one_level`.
_LEVELS = [lines for (kind, _), lines in lexicon().sections.items() if kind == "levels"]
LEVEL_VERBS = frozenset(_form(word) for lines in _LEVELS for word in lines[0])
CHANGE_VERBS = frozenset(_form(word) for lines in _LEVELS for word in lines[1])
#: "to" or "إلى" before a number, a hedge of up to two words between ("rose
#: to more than 50", "ارتفعت إلى نحو 50", "to $2 billion"): a level, not an
#: amount of change.
_TO_NUMBER = re.compile(r"(?:\bto|(?<!\S)[إا]لى)\s+(?:\S+\s+){0,2}?[$€£]?([\d٠-٩][\d٠-٩,.٬٫]*)")
#: Every number word of the lexicon, normalized ("twenty", "million").
_NUMBER_WORDS = frozenset(
    word
    for line, language in lexicon().lines("numbers")
    for word in normalize_text(" ".join(line), language).split()
)
#: "no" before a number in the text as written, each time: read as a number
#: sign with a dot ("No. 2254", "NO. 5", "nos. 3") or after a word of
#: :data:`LABELS` ("Resolution No 2254"), as a negation otherwise ("No 5G
#: masts were set on fire", "said no 5 people were hurt").
_NO_BEFORE_NUMBER = re.compile(r"\b(?:([A-Za-z]+)\s+)?(no|nos)(\.?)\s*(?=\d)", re.IGNORECASE)
#: Verbs that undo a measure ("lifted", "ألغت") and the measures they undo
#: ("ban", "حظر"): see :func:`_undone`.
REVERSALS = _listed("reversals")
MEASURES = _listed("measures")
#: Each word of sureness, obligation or quantity and the number of its line
#: ("may" and "might" one, "will" another): see :func:`_modality_changed`.
MODALITY: dict[str, int] = {
    word: number
    for number, (line, language) in enumerate(lexicon().lines("modality"))
    for word in normalize_text(" ".join(line), language).split()
}
#: How many content words each of two claims must add after the words they
#: share for :func:`_facts_added` to read them as two facts.
ADDED_FACT_WORDS = 2
#: The kind of people each noun of a count of people counts, by its compared
#: form: "troops" and "soldiers" count soldiers, "police officers" police
#: (lexicon.txt's [people LANG] lines, each named by its first word).
PEOPLE: dict[str, str] = {}
for _line, _ in lexicon().lines("people"):
    for _word in _line:
        PEOPLE.setdefault(_form(_word), _form(_line[0]))
#: Words that join a second actor or object to the first: "TUI and Jet2
#: cancelled" is not "Jet2 cancelled"; "ألبا وسابك" is not "ألبا". Matched
#: on the normalized words as written (they are stop words, never compared).
_CONJUNCTIONS = frozenset(
    word
    for line, language in lexicon().lines("conjunctions")
    for word in normalize_text(" ".join(line), language).split()
)
_WEAK_LETTERS = str.maketrans("", "", "اوي")


def _figure_words(claim: LinkClaim, figures: list[Figure]) -> frozenset[str]:
    """The words a claim's figures are written with ("ستة أشهر"): compared
    as figures, not as words."""
    if not figures:
        return frozenset()
    if len(figures) == 1:
        return _words_of(figures[0].raw, claim.language)
    return frozenset(w for f in figures for w in _words_of(f.raw, claim.language))


@lru_cache(maxsize=1 << 16)
def _words_of(raw: str, language: str | None) -> frozenset[str]:
    """The normalized words of a figure as written: figures repeat ("2,500
    troops"), and normalizing goes through the plugin hooks."""
    return frozenset(normalize_text(raw, language).split())


def _content_words(normalized: str, skip: frozenset[str] = frozenset()) -> list[str]:
    """The words that carry a claim's content, each in the form it is
    compared in (stemmed, synonyms joined: see :mod:`claimtrack_linker.words`),
    in order; numbers are left to the figures ("6 أشهر" and "ستة أشهر"
    differ in words, not in figures)."""
    words = normalized.split()
    return lexicon().read([w for w in words if w not in skip] if skip else words)


def _join_forms(compared: list[str], vocabulary: set[str]) -> None:
    """Arabic words whose forms the light stemmer leaves apart, read as one
    when the claims being linked hold both. ب، ل، ك، ف and و are
    prepositions and conjunctions written onto the next word ("لمصر"), but
    also a word's first letter ("لبنان"); a broken plural changes the
    word's inside ("أسعار"/"سعر", "مصارف"/"مصرف"). The claims tell:
    a word is read as another form (:func:`arabic_variants`) only when that
    form is itself a word of these claims ("لمصر" next to "مصر"), never
    otherwise ("لبنان" stays). A و is taken off only before a word of four
    letters or more ("وسحب" may be a word; "وزارة" is one). Rewrites
    ``compared`` in place; ``vocabulary`` is the words of all of them."""
    form, phrases = lexicon().form, lexicon().phrases
    joined = {}
    for word in vocabulary:
        if word[0] == "#" or not is_arabic(word):
            continue
        for variant in arabic_variants(word):
            other = form(variant)
            # A phrase's first word is a word too ("بكأس العالم" / "كأس العالم").
            if (
                other is not None
                and other != word
                and (other in vocabulary or other in phrases)
                and (word[0] != "و" or variant != word[1:] or len(other) >= 4)
            ):
                joined[word] = other
                break
    if not joined:
        return
    for word in list(joined):  # "لأسعار" → "أسعار" → "سعر"
        target, steps = joined[word], 0
        while target in joined and steps < 3 and joined[target] != word:
            target, steps = joined[target], steps + 1
        joined[word] = target
    join_phrases = lexicon().join_phrases
    for index, text in enumerate(compared):
        words = text.split()
        if any(word in joined for word in words):
            # A phrase may begin with the word read anew ("بكأس العالم").
            compared[index] = " ".join(join_phrases([joined.get(word, word) for word in words]))


def _figure_tokens(figures: list[Figure]) -> list[str]:
    """A figure as one comparable word: its unit, "#month" for "6 أشهر",
    "ستة أشهر" and "٦ أشهر" alike. The value is left to
    :func:`_figure_conflict`: two outlets giving one claim with different
    figures still read alike, and "six months"/"six weeks" do not."""
    return [_token(f.unit) for f in figures if f.value is not None and f.unit]


def _token(unit: str) -> str:
    """A unit as one comparable word: "#month", "#percentage_point"."""
    return "#" + unit.replace(" ", "_")


#: Scale words after a bare number ("2 million Teslas", "3 مليارات").
_SCALES = {
    **dict.fromkeys(("thousand", "الف", "الاف"), 1e3),
    **dict.fromkeys(("million", "millions", "مليون", "ملايين"), 1e6),
    **dict.fromkeys(("billion", "billions", "مليار", "مليارات"), 1e9),
}


def _numbers(normalized: str, skip: frozenset[str], text: str) -> tuple[list[Figure], list[str]]:
    """The numbers outside any figure: counts ("added 336,000 jobs",
    "risen to 73", "2 million Teslas"), as figures of unknown unit
    (:data:`BARE`), so that two outlets' different counts are seen; and
    years, as tokens ("#2025"). A year is a date, not a count: it is not
    compared as a figure, but "held in June 2025" and "held in June 2027"
    are two facts, so a year that is all that differs is a changed fact
    (:func:`_opposed`). Like figure tokens, years are not shared words:
    two claims of one year are not one claim for that. A year is a number
    from 1900 to 2100 written as four digits in the claim's ``text``:
    normalizing reads "2,050" as "2050", a count. A day of the month, next
    to a month's name ("On March 15", "في 15 مارس"), is a date too, and a
    token the same way: one story's claims share their day, not a count.
    So is a number that names what the word before it labels ("Category
    5", "Article 50", "القرار 2254": :data:`LABELS`), "#categori5": a
    Category 4 storm is not a Category 5 one, and neither counts anything."""
    numbers, years = [], []
    words = normalized.split()
    written = _Written(text)
    for index, word in enumerate(words):
        if word in skip:
            continue
        if word in _LABEL_VALUES:
            # "Category Four", "Phase two": the number word is no content
            # word; after a label it is the label's number.
            label = _label(words[index - 1]) if index else None
            if label and written.labels(label, word):
                years.append(f"#{_form(label)}{_LABEL_VALUES[word]}")
            elif word != "one" and not _in_compound(words, index):
                # "All three Detroit carmakers" / "all four": a count, as
                # "all 3" is. Not "one" ("one of the", "the one who").
                numbers.append(Figure(word, 0, 0, float(_LABEL_VALUES[word]), unit=BARE))
            continue
        if not word.replace(".", "", 1).isdigit():
            continue
        try:
            value = float(word)
        except ValueError:  # digits float() does not read ("❶", Ethiopic "፩")
            continue
        label = _label(words[index - 1]) if index else None
        if label and written.labels(label, word):
            years.append(f"#{_form(label)}{word}")
            continue
        scale = _SCALES.get(words[index + 1], 1.0) if index + 1 < len(words) else 1.0
        if scale == 1.0 and _dated(words, index, value, written):
            years.append("#" + word)
        else:
            numbers.append(Figure(word, 0, 0, value * scale, unit=BARE))
    return numbers, years


def _in_compound(words: list[str], index: int) -> bool:
    """Is the number word ``words[index]`` part of a longer number ("twenty
    five", "three hundred", "two million"), which the figures plugin reads
    when it counts something, and this linker does not?"""
    return (index > 0 and words[index - 1] in _NUMBER_WORDS) or (
        index + 1 < len(words) and words[index + 1] in _NUMBER_WORDS
    )


class _Written:
    """What a claim's text says of its dates that its normalized words do
    not keep (the dashes and commas, the capitals), each read once for the
    whole text and only when asked: a claim can be long."""

    _RANGE = re.compile(r"(?<!\d)(\d{1,2})\s*[-–—‑‐]\s*(\d{1,2})(?!\d)")
    _MONTH_THEN_DAY = re.compile(r"([^\W\d_]+)[ \t\u00a0]+(\d{1,2})(?!\d)")
    # Each begins at a word's start (\b) and takes its letters whole (++):
    # a run of 20,000 letters is scanned once, not from each of its letters.
    _WORD_THEN_NUMBER_WORD = re.compile(
        rf"\b([A-Za-z]++)[\s\-\u2010-\u2014]+(?=((?i:{'|'.join(_LABEL_VALUES)}))\b)"
    )
    _WORD_THEN_NUMBER = re.compile(
        r"\b([A-Za-z]++)(?:\s+(?i:no|nos|number)\.?)?[\s\-\u2010-\u2014]+(\d[\d,\u066c\u00a0\u202f]*\d|\d)"
    )
    _SEPARATORS = re.compile(r"[,\u066c\u00a0\u202f]")

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def digits(self) -> str:
        return self.text.translate(_DIGITS)

    @cached_property
    def ranges(self) -> frozenset[tuple[str, str]]:
        """The day ranges written with a dash: "15-16", "15–16", "15—16"."""
        return frozenset(self._RANGE.findall(self.digits))

    @cached_property
    def month_days(self) -> frozenset[tuple[str, str]]:
        """A word and the number right after it, nothing between ("March
        15"; not "31 March, 14", whose 14 is a count): normalized word."""
        return frozenset(
            (normalize_text(word, "en"), day) for word, day in self._MONTH_THEN_DAY.findall(self.digits)
        )

    def labels(self, word: str, number: str) -> bool:
        """Does ``word`` (normalized, of :data:`LABELS`) name what ``number``
        labels here? An Arabic one always; an English one written right
        before the number, a space or a dash between ("Category 5",
        "Category-5", "Resolution 2,254"), with a capital, as a name, or in
        lower case for the few labels news writes so ("category 5", "phase
        2": :data:`_LOWERCASE_LABELS`; not "the main gate 300 protesters")."""
        if is_arabic(word):
            return True
        capital = self._labelled.get((word, number))
        return capital is not None and (capital or word in _LOWERCASE_LABELS)

    @cached_property
    def _labelled(self) -> dict[tuple[str, str], bool]:
        """Each word and the number right after it ("Category 5": its
        separators dropped), and whether the word has a capital: one pass
        over the text, whatever the numbers asked about."""
        found: dict[tuple[str, str], bool] = {}
        for word, number in self._WORD_THEN_NUMBER.findall(self.digits):
            key = (word.lower(), self._SEPARATORS.sub("", number))
            found[key] = found.get(key, False) or word[0].isupper()
        for word, number in self._WORD_THEN_NUMBER_WORD.findall(self.text):
            key = (word.lower(), number.lower())
            found[key] = found.get(key, False) or word[0].isupper()
        return found

    @cached_property
    def may(self) -> bool:
        """Is "may" a month here: "May", or "MAY" before a day ("LONDON,
        MAY 20"), not the verb of an all-capitals headline ("UP TO 20 MAY
        HAVE DIED")."""
        return re.search(r"\bMay\b|\bMAY\s+\d{1,2}\b", self.text) is not None


#: English label words that news writes in lower case too ("a category 5
#: storm", "phase 2 of the deal", "a level 4 alert"); the others are labels
#: only with a capital, as names ("Article 50"; not "the main gate 300
#: protesters", "under the resolution 5,000 troops").
_LOWERCASE_LABELS = frozenset({"category", "phase", "level", "terminal"})


def _label(word: str) -> str | None:
    """The label of :data:`LABELS` a normalized word is, a preposition
    written on it or not ("بالمادة", "للقرار"), or None."""
    if word in LABELS:
        return word
    if is_arabic(word) and word[:1] in "بلوف":
        # Only onto the article: "بالمادة", "للقرار" (ل + القرار), not "بقرار
        # 5 دول" ("by a decision of 5 countries").
        bare = "ال" + word[2:] if word.startswith("لل") else word[1:]
        if bare.startswith("ال") and bare in LABELS:
            return bare
    return None


def _dated(words: list[str], index: int, value: float, written: _Written) -> bool:
    """Is the number ``words[index]`` a date: a year written as one, or a
    day of the month next to a month's name ("15 March", "March 15", "15
    مارس"; an Arabic day comes before its month: "مارس، 12 إصابة" counts,
    and an English one after a month only with nothing between: "31 March,
    14" counts), or a day joined by a dash to such a day ("15-16 March")? A
    weekday is no month ("الاثنين، 12 إصابة" counts), nor is "may" unless
    the text writes "May" (or "MAY" next to a day)."""
    if not value.is_integer():
        return False
    word = words[index]
    if 1900 <= value <= 2100 and _written_as_year(word, written.digits):
        return True
    if not 1 <= value <= 31:
        return False
    for step in (1, -1):
        at = index + step
        if 0 <= at < len(words) and _day_number(words[at]):
            pair = (word, words[at]) if step == 1 else (words[at], word)
            if pair in written.ranges:
                at += step  # "15-16 march": the 15 of a range
        if not 0 <= at < len(words) or not _month(words[at], written):
            continue
        if step == 1:
            return True
        day = words[at + 1] if at + 1 < len(words) else word
        if not is_arabic(words[at]) and (words[at], day) in written.month_days:
            return True  # "March 15", "March 15-16"
    return False


def _day_number(word: str) -> bool:
    """Is ``word`` a whole number, in ASCII digits, that can be a day of
    the month?"""
    return word.isascii() and word.isdigit() and len(word) <= 2 and 1 <= int(word) <= 31


def _month(word: str, written: _Written) -> bool:
    """Is ``word`` (normalized) a month's name? "may" only where the text
    writes it as one (:attr:`_Written.may`): otherwise it is the verb ("20
    may have died")."""
    if word not in MONTHS:
        return False
    return word != "may" or written.may


#: Arabic-Indic and extended (Persian) digits, as ASCII.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)


def _written_as_year(number: str, digits: str) -> bool:
    """Is ``number`` (four digits) written in the claim's text (``digits``:
    its digits of any script as ASCII) as a year, not a part of a number
    written with a thousands or decimal separator ("2,050", "2٬050",
    "1.950")?"""
    return re.search(rf"(?<![\d.,٬٫]){number}(?![\d]|[.,٬٫]\d)", digits) is not None


def _normalized(claim: LinkClaim) -> str:
    """The claim's normalized text: as the store keeps it, or made now."""
    return claim.normalized or normalize_text(claim.text, claim.language)


def read_claims(claims: Sequence[LinkClaim]) -> tuple[list[str], list[list[Figure]]]:
    """Each claim's compared text (its content words, then a token per
    figure and per year, space-separated) and its figures (bare numbers
    included)."""
    compared, all_figures, texts = [], [], []
    hyphenated = False
    for claim in claims:
        figures = claim.figures if claim.figures is not None else find_figures(claim.text, claim.language)
        if any(f.unit is None and f.value is not None for f in figures):
            # A count whose noun the figures plugin does not know ("12 died",
            # "killing at least 12") is a number of unknown unit, compared as
            # the linker's own bare numbers are: "12 died" / "15 died" differ.
            figures = [
                replace(f, unit=BARE) if f.unit is None and f.value is not None else f for f in figures
            ]
        figures = _once(figures)
        normalized = _normalized(claim)
        bare, text = _read(claim, normalized, figures)
        if bare:
            figures = _once([*figures, *bare])
        compared.append(text)
        all_figures.append(figures)
        texts.append(normalized)
        hyphenated = hyphenated or "-" in claim.text
    vocabulary = {word for text in compared for word in text.split()}
    if hyphenated:
        _join_compounds(claims, texts, compared, all_figures, vocabulary)
    del texts
    _join_forms(compared, vocabulary)
    return compared, all_figures


def _once(figures: list[Figure]) -> list[Figure]:
    """A claim's figures, each written again left out: two claims' figures
    are compared pair by pair, and a text that repeats "5" 4,000 times made
    16 million pairs."""
    if len(figures) < 2:
        return figures
    once: dict[tuple, Figure] = {}
    for figure in figures:
        once.setdefault((figure.raw, figure.unit, figure.value, figure.value_max, figure.counted), figure)
    return list(once.values())


def _read(claim: LinkClaim, normalized: str, figures: list[Figure]) -> tuple[list[Figure], str]:
    """One claim's bare numbers (:func:`_numbers`) and compared text."""
    skip = _figure_words(claim, figures)
    normalized = _without_signs(normalized, claim.text)
    bare, years = _numbers(normalized, skip, claim.text)
    return bare, " ".join(_content_words(normalized, skip) + _figure_tokens(figures + bare) + years)


def _without_signs(normalized: str, text: str) -> str:
    """``normalized`` without the words that say the number after them is a
    name's ("Resolution No. 2254", "القرار رقم 2254"): the label then meets
    its number ("#resolut2254", as "Resolution 2254" reads), and "No." is
    not the negation "no". English "no" only where ``text`` writes it as a
    sign (:data:`_NO_BEFORE_NUMBER`), each time on its own: "No 5G masts"
    keeps its negation. The text's "no"s before a number are matched with
    the normalized text's in order; where they do not pair up, every "no"
    is kept."""
    if _SIGNED.search(normalized) is None:
        return normalized
    signs = None  # for each "no" before a number, in order: a sign?
    if " no " in f" {normalized} " or " nos " in f" {normalized} ":
        signs = [
            bool(dot) or (word is not None and normalize_text(word, "en") in LABELS)
            for word, _, dot in _NO_BEFORE_NUMBER.findall(text)
        ]
    nos = iter(signs or ())
    count = sum(1 for m in _SIGNED.finditer(normalized) if m.group(1) in ("no", "nos"))

    def drop(match: re.Match) -> str:
        if match.group(1) not in ("no", "nos"):
            return ""
        sign = next(nos, False)
        return "" if sign and signs is not None and len(signs) == count else match.group()

    return _SIGNED.sub(drop, normalized)


#: A word of Latin letters written with a hyphen: "peace-keeping", "cease-fire".
_COMPOUND = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")


def _join_compounds(
    claims: Sequence[LinkClaim],
    normalized: list[str],
    compared: list[str],
    figures: list[list[Figure]],
    vocabulary: set[str],
) -> None:
    """English compounds written with a hyphen by some claim
    ("peace-keeping", "cease-fire", "co-operation") and whole by another
    ("peacekeeping"), read as one word wherever their parts stand side by
    side ("cease-fire", "cease fire"): otherwise the parts are two words,
    each with its own meaning ("keeping" is "held", "fire" a wildfire), and
    the claims differ by a changed fact. Names written with hyphens by
    every outlet ("Port-au-Prince") and compounds nobody writes whole
    ("Haiti-based") stay as they are. Rewrites ``compared`` (and
    ``vocabulary``) in place for the claims that change."""
    form = lexicon().form
    known: dict[tuple[str, ...], str] = {}  # ("cease", "fire") -> "ceasefire"
    seen: set[tuple[str, str | None]] = set()  # compounds repeat ("al-Sisi"): normalized once
    for claim in claims:
        if "-" not in claim.text:
            continue
        for compound in _COMPOUND.findall(claim.text):
            if (compound, claim.language) in seen:
                continue
            seen.add((compound, claim.language))
            parts = tuple(normalize_text(compound, claim.language).split())
            whole = "".join(parts)
            if len(parts) >= 2 and form(whole) in vocabulary:
                known[parts] = whole
    if not known:
        return
    # By first part: a claim is looked at only when a first part is one of
    # its words (one set operation), then word by word.
    by_head: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for parts in sorted(known, key=len, reverse=True):  # the longest first
        by_head[parts[0]].append(parts)
    for index, claim in enumerate(claims):
        words = normalized[index].split()
        if by_head.keys().isdisjoint(words):
            continue
        joined, at = [], 0
        while at < len(words):
            match = next((p for p in by_head.get(words[at], ()) if tuple(words[at : at + len(p)]) == p), None)
            joined.append(known[match] if match else words[at])
            at += len(match) if match else 1
        if len(joined) < len(words):
            own = [f for f in figures[index] if f.unit != BARE]
            compared[index] = _read(claim, " ".join(joined), own)[1]
            vocabulary.update(compared[index].split())


def _meets(fa: Figure, fb: Figure) -> bool:
    """Do the two figures' values (or ranges) meet?"""
    return (
        fa.value is not None
        and fb.value is not None
        and fa.value <= (fb.value_max if fb.value_max is not None else fb.value)
        and fb.value <= (fa.value_max if fa.value_max is not None else fa.value)
    )


def _same_unit(fa: Figure, fb: Figure) -> bool:
    """Figures of one unit; a bare number is of any unit, but one written
    in words is compared with bare numbers only: outside any figure a
    number word is as often a determiner ("the two sides agreed a
    ceasefire" / "the sides agreed a 3-day ceasefire" give no two figures),
    and it differs only from another number word (:func:`_figure_conflict`:
    "fired three times" / "killing 14")."""
    if _in_words(fa) or _in_words(fb):
        return fa.unit == fb.unit
    return fa.unit == fb.unit or fa.unit == BARE or fb.unit == BARE


def _outside(figure: Figure) -> bool:
    """Is ``figure`` a number this linker read outside any figure of the
    figures plugin (:func:`_numbers`: no span)?"""
    return figure.unit == BARE and figure.start == figure.end == 0


def _in_words(figure: Figure) -> bool:
    """Is ``figure`` a bare number this linker read as a number word
    (:func:`_numbers`)? The figures plugin's own figures of unknown unit
    ("twelve died") are counts, and count as digits do."""
    return _outside(figure) and not figure.raw[:1].isdigit()


@lru_cache(maxsize=1 << 12)
def _people_of(noun: str) -> frozenset[str]:
    """The kinds of people ``noun`` (a figure as written) names: none for
    people of any kind ("people", "أشخاص", "pilgrims"), two for "rebel
    soldiers" or "federal police troops"."""
    words = normalize_text(noun, "ar" if is_arabic(noun) else "en").split()
    return frozenset(kind for word in words if (kind := PEOPLE.get(lexicon().form(word) or word)) is not None)


def _people(figure: Figure) -> frozenset[str]:
    """The kinds of people a count of people names (:data:`PEOPLE`), read
    from the figure as written ("1,000 police officers": police)."""
    return _people_of(figure.raw) if figure.unit == PERSON and figure.raw else frozenset()


def _other_people(fa: Figure, fb: Figure) -> bool:
    """Are the two figures counts of other kinds of people, none in common
    ("1,000 soldiers" / "1,000 police officers")? Then they are two facts:
    never one figure, never a figure conflict. "Federal police troops" and
    "federal police" have a kind in common."""
    kinds_a = _people(fa)
    return bool(kinds_a) and bool(kinds_b := _people(fb)) and kinds_a.isdisjoint(kinds_b)


def _people_changed(a: list[Figure], b: list[Figure]) -> list[str]:
    """The nouns of two claims' counts of people when no kind of people one
    names is a kind the other names: "Spain sent 1,000 soldiers" / "Spain
    sent 1,000 police officers" is a changed fact (both read "#person"). An
    empty list when either names no known kind or they share one."""
    if not any(f.unit == PERSON for f in a) or not any(f.unit == PERSON for f in b):
        return []
    kinds_a = frozenset().union(*(_people(f) for f in a))
    kinds_b = frozenset().union(*(_people(f) for f in b))
    if not kinds_a or not kinds_b or not kinds_a.isdisjoint(kinds_b):
        return []
    return sorted({f.unit_raw or f.raw for f in a + b if _people(f)})


#: What :func:`_same_figure` finds: no figure that both claims give; one
#: that both give (evidence: the threshold is lowered); one that both give
#: and that also counts as a shared word (a known unit and a value of at
#: least ``TELLING_VALUE``).
NO_FIGURE, SAME_FIGURE, TELLING_FIGURE = 0, 1, 2


def _same_figure(a: list[Figure], b: list[Figure]) -> int:
    """Do the two claims give one figure: the same unit, values that meet?
    ``TELLING_FIGURE`` when one of them is of a known unit on both sides and
    at least ``TELLING_VALUE`` ("600 garment factories" / "About 600
    garment factories"), ``SAME_FIGURE`` when only bare numbers or small
    values meet ("737 MAX 9", "9 jets": a model, not a count), ``NO_FIGURE``
    when none."""
    found = NO_FIGURE
    for fa in a:
        for fb in b:
            if fa.unit and _same_unit(fa, fb) and _meets(fa, fb) and not _other_people(fa, fb):
                if BARE not in (fa.unit, fb.unit) and fa.value >= TELLING_VALUE:
                    return TELLING_FIGURE
                found = SAME_FIGURE
    return found


def _figure_conflict(a: list[Figure], b: list[Figure]) -> list[dict]:
    """Figures of the same unit (and thing counted) whose values differ. A
    bare number's unit is unknown: it conflicts only with a figure of the
    other claim that nothing in this one gives ("120 وفاة" / "١٢٠ حالة" is
    one figure; "737 MAX 9 ... 177 people" / "737 MAX 9" has none that
    differs)."""
    conflicts = []
    loose: list[Figure] | None = None
    given_by_a: list[Figure] | None = None  # b's figures a also gives, found once
    for fa in a:
        if fa.value is None or fa.unit is None:
            continue
        same_kind = [
            fb
            for fb in b
            if fb.value is not None
            and fb.unit == fa.unit
            and fb.counted == fa.counted
            and fa.unit != BARE
            and not _other_people(fa, fb)
        ]
        if same_kind:
            if any(_meets(fa, fb) for fb in same_kind):
                continue
            # A figure the other claim gives too is no counterpart of
            # another: "ستنخفض إلى 4 ساعات مقابل ساعتين" / "ستنخفض إلى أربع
            # ساعات" agree on the 4 hours, and the 2 hours are one more
            # figure. Counts of people given with other nouns are not one
            # figure for that: "three hostages ... 90 prisoners" / "3
            # prisoners" still differ on the prisoners.
            if given_by_a is None:
                given_by_a = [fb for fb in b if any(_gives(x, fb) for x in a)]
            same_kind = [fb for fb in same_kind if not any(fb is given for given in given_by_a)]
        else:
            if fa.unit == BARE and any(_meets(fa, fb) and _same_unit(fa, fb) for fb in b):
                continue
            if loose is None:  # b's figures that no figure of a gives
                given = [fb for fb in b if any(_same_unit(x, fb) and _meets(x, fb) for x in a)]
                loose = [fb for fb in b if fb.unit and fb not in given]
            same_kind = [
                fb
                for fb in loose
                if BARE in (fa.unit, fb.unit)
                and _same_unit(fa, fb)
                and _may_count_alike(fa, fb)
                # A number word differs only from a number word: "All three
                # carmakers" / "All four"; not "two airlines" / "737 MAX 9".
                and _in_words(fa) == _in_words(fb)
            ]
        if not same_kind:
            continue
        conflicts.append({"unit": fa.unit, "a": fa.raw, "b": same_kind[0].raw})
    return conflicts


def _gives(fa: Figure, fb: Figure) -> bool:
    """Does ``fa`` give the figure ``fb``: one unit, values that meet, and
    for counts of people the same noun ("3 prisoners" / "three prisoners",
    not "three hostages")?"""
    if fa.unit != fb.unit or not _meets(fa, fb):
        return False
    return fa.unit != PERSON or _noun(fa) == _noun(fb)


def _noun(figure: Figure) -> str | None:
    """The compared form of a figure's noun ("prisoners": "prison")."""
    raw = figure.unit_raw
    if not raw:
        return None
    words = normalize_text(raw, "ar" if is_arabic(raw) else "en").split()
    return lexicon().form(words[-1]) if words else None


def _may_count_alike(fa: Figure, fb: Figure) -> bool:
    """May two figures count the same: not "12 killed" and "15 injured",
    nor "12 were injured" and "15 cars" (what happened to people is
    counted in people)."""
    if fa.counted is None and fb.counted is None:
        return True
    if fa.counted is not None and fb.counted is not None:
        return fa.counted == fb.counted
    other = fb if fa.counted is not None else fa
    return other.unit == BARE or other.unit in PEOPLE_UNITS


def figures_differ(a: LinkClaim, b: LinkClaim) -> list[dict]:
    """The figures of ``a`` and ``b`` that disagree, as a figure conflict
    lists them (:func:`_figure_conflict`; ``a`` first), bare numbers
    included: asked by ``claimtrack link`` of two claims a person decided
    are one that this linker did not link, whatever their languages."""
    _, (figures_a, figures_b) = read_claims([a, b])
    return _figure_conflict(figures_a, figures_b)


def candidate_cutoff(threshold: float) -> float:
    """The lowest score a pair can be linked at: the threshold less all the
    evidence that can lower it (:func:`_check` decides)."""
    return max(0.0, threshold - SAME_SPEAKER_BONUS - SHARED_FIGURE_BONUS)


def link(claims: Sequence[LinkClaim], threshold: float, new: set[str] | None) -> tuple[list[Link], int]:
    """The links among ``claims`` (only pairs with a claim of ``new``, when
    given) and the number of pairs scored: the ``fuzzy`` linker."""
    # Linking makes no reference cycles, but keeps a link per linked pair
    # and a Reading per recent claim, and each of the collector's full
    # passes walked every claim and link found so far: 8.6% of the time at
    # 100,000 claims and 9.4% at 300,000 in bench_link, for nothing freed.
    with collector_paused():
        return _link(claims, threshold, new)


def _link(claims: Sequence[LinkClaim], threshold: float, new: set[str] | None) -> tuple[list[Link], int]:
    # What rapidfuzz compares, one string per claim: the content words, with
    # figures as canonical tokens. Only these strings are kept (memory).
    compared, figures = read_claims(claims)
    flags = claim_flags(claims)
    is_new = None if new is None else np.fromiter((c.id in new for c in claims), bool, len(claims))
    links = []
    comparisons = 0
    cutoff = candidate_cutoff(threshold)

    @lru_cache(maxsize=READINGS_KEPT)
    def reading(index: int) -> Reading:
        return Reading.of(compared[index].split(), figures[index], claims[index].said_on, flags[index])

    for pairs in candidate_pairs(claims, compared, is_new):
        comparisons += len(pairs)
        scores = process.cpdist(
            [compared[a] for a in pairs[:, 0].tolist()],
            [compared[b] for b in pairs[:, 1].tolist()],
            scorer=fuzz.token_set_ratio,
            score_cutoff=cutoff,
            dtype=np.uint8,
            workers=-1 if len(pairs) > 5000 else 1,
        )
        rows = np.flatnonzero(scores)
        for a, b, score in zip(
            pairs[rows, 0].tolist(), pairs[rows, 1].tolist(), scores[rows].tolist(), strict=True
        ):
            found = _check(claims[a], claims[b], reading(a), reading(b), float(score), threshold)
            if found is not None:
                links.append(found)
    return links, comparisons


def check_similar(
    claims: Sequence[LinkClaim], pairs: np.ndarray, threshold: float, near: np.ndarray | None = None
) -> list[Link]:
    """The links among ``pairs`` (rows of two indexes into ``claims``) that
    an embedder found close in meaning: each pair is checked as a candidate
    of :func:`link` is, but neither the word score nor the shared words are
    asked of it (a paraphrase in other words has few), and a reworded pair
    with another figure is one claim told with two figures. Two claims
    whose figures count different things ("18 million hectares burned" /
    "1,000 wildfires burning": :func:`_count_other_things`) are kept apart
    by both routes; a sentence encoder scores one story's claims close.
    The claims are read together as :func:`link` reads them, so a pair is
    read the same way by both routes.

    A pair marked ``near`` (its cosine only near the embedder's
    ``same_claim``) is linked only when the two give one figure that is a
    count (:func:`_corroborated`) and no figure that disagrees ("بلغ عدد
    الحجاج 1.67 مليون حاج" / "نحو ١٫٦٧ مليون حاج أدوا الفريضة"): a figure
    repeated is what outlets keep when they reword the rest."""
    if not len(pairs):
        return []
    with collector_paused():
        compared, figures = read_claims(claims)
        flags = claim_flags(claims)
        if near is not None and near.any():
            kept = [
                not is_near or _corroborated(figures[a], figures[b])
                for (a, b), is_near in zip(pairs.tolist(), near.tolist(), strict=True)
            ]
            pairs = pairs[np.asarray(kept, dtype=bool)]
            if not len(pairs):
                return []
        scores = process.cpdist(
            [compared[a] for a in pairs[:, 0].tolist()],
            [compared[b] for b in pairs[:, 1].tolist()],
            scorer=fuzz.token_set_ratio,
            dtype=np.uint8,
            workers=-1 if len(pairs) > 5000 else 1,
        )
        links = []
        for a, b, score in zip(pairs[:, 0].tolist(), pairs[:, 1].tolist(), scores.tolist(), strict=True):
            read_a = Reading.of(compared[a].split(), figures[a], claims[a].said_on, flags[a])
            read_b = Reading.of(compared[b].split(), figures[b], claims[b].said_on, flags[b])
            found = _check(claims[a], claims[b], read_a, read_b, float(score), threshold, by_meaning=True)
            if found is not None:
                links.append(found)
    return links


def _corroborated(a: list[Figure], b: list[Figure]) -> bool:
    """Do two claims give one figure (values that meet, of one known unit
    and at least :data:`TELLING_VALUE`, or of at least :data:`LARGE_BARE`
    when a side's unit is unknown: "28 million reais") and none that
    disagree? A small bare number is no evidence: "737", "COVID-19"."""
    return any(
        fa.unit
        and fa.value is not None
        and fa.value >= (TELLING_VALUE if BARE not in (fa.unit, fb.unit) else LARGE_BARE)
        and _same_unit(fa, fb)
        and _meets(fa, fb)
        and not _other_people(fa, fb)
        for fa in a
        for fb in b
    ) and not _figure_conflict(a, b)


def _count_other_things(a: list[Figure], b: list[Figure]) -> bool:
    """Do two claims both give figures of known units, none of one quantity
    and none of one value? "18,000 hectares burned" / "300 wildfires
    burning" count different things. "Within 48 hours" / "within two days"
    give one time (:func:`quantities.quantity`), and "120 new cholera cases"
    / "120 people caught cholera" count one thing with other nouns, but a
    count of people and a figure of a unit that counts no people are two
    things whatever their values: "40 workers" / "40 farms"
    (:data:`quantities.PEOPLE_UNITS`). A number of unknown unit meets a
    figure of any unit: "120 died" / "120 people died"."""
    known_a = [f for f in a if f.unit and f.unit != BARE]
    known_b = [f for f in b if f.unit and f.unit != BARE]
    if not known_a or not known_b:
        return False
    # read_claims made every figure of unknown unit ("120 died") a BARE one.
    if any(_meets(fa, fb) and _same_unit(fa, fb) for fa in a for fb in b if BARE in (fa.unit, fb.unit)):
        return False
    return not any(
        quantity(fa.unit) == quantity(fb.unit) or (_meets(fa, fb) and may_count_one_thing(fa.unit, fb.unit))
        for fa in known_a
        for fb in known_b
    )


#: How many times one value may be another and the two still be one figure
#: that outlets give differently: the labelled conflicts differ by up to four
#: times ("3,800" / "11,300" dead, "about 800,000" / "250,000" passengers);
#: ten times is another quantity ("3.8 million barrels a day" exported /
#: "280,000" refined, "up 3%" / "96% of its seats").
ORDERS_APART = 10


def _orders_apart(a: LinkClaim, b: LinkClaim, figures_a: list[Figure], figures_b: list[Figure]) -> list[str]:
    """Do two claims give figures of one known unit, every pair of them
    :data:`ORDERS_APART` times apart or more, and no figure that meets one
    of the other claim? Then they measure two things, and are told apart
    as a changed fact: linked, so that a reader sees the two figures, but
    never merged (a figure misreported tenfold shows there too). A
    percentage against a bare number of :data:`LARGE_COUNT` or more is two
    things as well: "the unemployment rate rose to 33.2%" / "the number of
    unemployed rose to 8.4 million" ("flight 1282" is no count). A level
    ("to 5.25%", "إلى 5.25 بالمئة") and a figure that may be a change of it
    ("by 0.25%") are not compared, and a value written with a dot before
    three digits may be thousands (:func:`_values`: "2.500 دولار" / "2500
    دولار"). The two figures, as the figures plugin wrote them or as the
    linker read a number, or an empty list."""
    found: list[str] = []
    for fa in figures_a:
        for fb in figures_b:
            if not (fa.unit and fb.unit and fa.value and fb.value and fa.value > 0 and fb.value > 0):
                continue
            if _same_unit(fa, fb) and _meets(fa, fb):
                return []
            if not (fa.unit == fb.unit != BARE or {fa.unit, fb.unit} == {"percent", BARE}):
                continue
            if {_level(a.text, fa), _level(b.text, fb)} == {True, False}:
                continue  # "raised it to 5.25%" / "raised it by 0.25%"
            if fa.unit == fb.unit != BARE:
                if any(max(x, y) < min(x, y) * ORDERS_APART for x in _values(fa) for y in _values(fb)):
                    return []
            elif {fa.unit, fb.unit} == {"percent", BARE}:
                if (fa if fa.unit == BARE else fb).value < LARGE_COUNT:
                    return []
            else:
                continue
            found = found or [fa.raw, fb.raw]
    return found


#: A bare number at least this large is a count, not a name ("flight
#: 1282", "resolution 2728"), against a percentage (:func:`_orders_apart`):
#: higher than :data:`LARGE_BARE`, which asks only that a number both
#: claims give be no model or route, since here a name would keep one
#: claim's two tellings apart.
LARGE_COUNT = 10_000
#: A value written with a dot before three digits: "2.500", thousands to
#: some outlets, two and a half to the figures plugin.
_DOT_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}\.\d{3}(?![\d.,])")


def _level(text: str, figure: Figure) -> bool | None:
    """Is ``figure`` a level, "to" or "إلى" before it in ``text`` (two words
    between at most, as :data:`_TO_NUMBER` reads it: "to a record 5.25%",
    "إلى مستوى 5.25 بالمئة")? None for a number the linker read outside any
    figure (no span): not known."""
    if figure.end <= figure.start:
        return None
    return any(
        figure.start <= match.start(1) < figure.end
        for match in _TO_NUMBER.finditer(text, max(0, figure.start - 40), figure.end)
    )


def _values(figure: Figure) -> tuple[float, ...]:
    """The values a figure may have: its value and the top of its range,
    and a thousand times that where it is written with a dot before three
    digits ("2.500 دولار", "about €2.500": thousands to some outlets, two
    and a half to the figures plugin)."""
    values = (figure.value, _top(figure))
    if _DOT_THOUSANDS.search(figure.raw):
        values += tuple(value * 1000 for value in values)
    return values


def _top(figure: Figure) -> float:
    """A figure's value, or the top of its range."""
    return figure.value_max if figure.value_max is not None else figure.value


def candidate_pairs(
    claims: Sequence[LinkClaim], compared: list[str], is_new: np.ndarray | None
) -> Iterator[np.ndarray]:
    """The pairs worth scoring, in batches of rows ``(a, b)``, each pair
    once: two claims of one language filed under one of their rare words
    (and, when ``is_new`` is given, one of them new).

    Each claim is filed under its ``KEYS_PER_CLAIM`` rarest words that
    another claim shares; blocks of more than ``MAX_BLOCK`` claims are words
    too common to tell claims apart and are skipped, so the pairs grow with
    the number of claims, not with its square. The pairs are made with
    numpy, a batch of blocks at a time (memory stays bounded); two claims
    that share several rare words are paired only in the block of the first
    of them, so no pair is scored twice."""
    if not compared:
        return
    frequency: Counter[str] = Counter()
    for text in compared:
        frequency.update(set(text.split()))
    block_ids: dict[tuple[str | None, str], int] = {}
    keys = np.full((len(compared), KEYS_PER_CLAIM), -1, dtype=np.int32)
    for index, text in enumerate(compared):
        language = claims[index].language
        rare = sorted((frequency[w], w) for w in set(text.split()) if 1 < frequency[w] <= MAX_BLOCK)
        partners = 0
        for slot, (count, word) in enumerate(rare[:KEYS_PER_CLAIM]):
            if slot and partners + count - 1 > PARTNERS_PER_CLAIM:
                break
            partners += count - 1
            keys[index, slot] = block_ids.setdefault((language, word), len(block_ids))
    del frequency, block_ids
    # Every claim's keys, sorted by block: each block's members together.
    members = np.repeat(np.arange(len(compared), dtype=np.int32), KEYS_PER_CLAIM)
    blocks = keys.ravel()
    order = np.argsort(blocks, kind="stable")
    blocks, members = blocks[order], members[order]
    del order
    block_of, starts, sizes = np.unique(blocks, return_index=True, return_counts=True)
    keep = (block_of >= 0) & (sizes >= 2) & (sizes <= MAX_BLOCK)
    block_of, starts, sizes = block_of[keep], starts[keep], sizes[keep]
    del blocks
    # Keys of skipped blocks are no keys: a pair is made in the first block
    # the two share among those kept.
    kept = np.zeros(int(keys.max()) + 2, dtype=bool)
    kept[block_of] = True
    keys[~kept[keys]] = -1
    pair_counts = sizes * (sizes - 1) // 2
    batch_ends = np.searchsorted(
        np.cumsum(pair_counts), np.arange(1, 1 + pair_counts.sum() // PAIRS_PER_BATCH) * PAIRS_PER_BATCH
    )
    for lo, hi in zip(
        np.concatenate([[0], batch_ends]), np.concatenate([batch_ends, [len(sizes)]]), strict=True
    ):
        if hi <= lo:
            continue
        pairs = _block_pairs(members, keys, block_of[lo:hi], starts[lo:hi], sizes[lo:hi], is_new)
        if len(pairs):
            yield pairs


def _block_pairs(
    members: np.ndarray,
    keys: np.ndarray,
    block_of: np.ndarray,
    starts: np.ndarray,
    sizes: np.ndarray,
    is_new: np.ndarray | None,
) -> np.ndarray:
    """All pairs of members within each of the given blocks, kept only in
    the first block the two claims share."""
    # Entry p of a block [s, s + m) is paired with p + 1 ... s + m - 1.
    position = np.repeat(starts, sizes) + _ranges(sizes)
    after = np.repeat(starts + sizes, sizes) - position - 1
    first = np.repeat(position, after)
    second = first + 1 + _ranges(after)
    block = np.repeat(np.repeat(block_of, sizes), after)
    a, b = members[first], members[second]
    del first, second, position, after
    if is_new is not None:
        wanted = is_new[a] | is_new[b]
        a, b, block = a[wanted], b[wanted], block[wanted]
    keys_a, keys_b = keys[a], keys[b]
    shared = (keys_a[:, :, None] == keys_b[:, None, :]).any(axis=2) & (keys_a >= 0)
    first_shared = np.where(shared, keys_a, np.iinfo(keys.dtype).max).min(axis=1)
    once = first_shared == block
    a, b = a[once], b[once]
    return np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1)


def _ranges(sizes: np.ndarray) -> np.ndarray:
    """0, 1, ..., n - 1 for each n of ``sizes``, one after the other."""
    total = int(sizes.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    return np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(sizes) - sizes, sizes)


@dataclass(slots=True, frozen=True)
class Reading:
    """One claim as the checks of its pairs read it, worked out once for
    the claim rather than once for each of its pairs."""

    #: The compared words in order, figure tokens last (:func:`read_claims`).
    sequence: list[str]
    figures: list[Figure]
    words: frozenset[str]
    #: The figure tokens among the words ("#month"): a count of people is
    #: "#person" in every claim that gives one, so they are not shared words.
    tokens: frozenset[str]
    #: The date said (``said_on``) as a day number, when it is one.
    day: int | None = None
    #: What the claim holds for :func:`_told_apart` (:func:`claim_flags`).
    flags: int = 0

    @classmethod
    def of(
        cls,
        sequence: list[str],
        figures: list[Figure],
        said_on: str | None = None,
        flags: int = 0,
    ) -> Reading:
        words = frozenset(sequence)
        tokens = frozenset(w for w in words if w[0] == "#")
        return cls(sequence, figures, words, tokens, _day(said_on) if said_on else None, flags)

    @property
    def content(self) -> int:
        """How many distinct words the claim has, figure tokens aside."""
        return len(self.words) - len(self.tokens)


def _check(
    a: LinkClaim,
    b: LinkClaim,
    read_a: Reading,
    read_b: Reading,
    score: float,
    threshold: float,
    by_meaning: bool = False,
) -> Link | None:
    """The link between two candidates, with its evidence, or None. The
    score and the shared words come first (set operations on what each
    claim's reading holds; not asked of a pair found ``by_meaning``, see
    :func:`check_similar`); the changed-fact checks, which compare the
    differing words, only for pairs that pass them.

    The pair is put in id order first, as the link stores it, so that the
    "a" and "b" of the evidence (a figure conflict's two figures) are the
    link's ``claim_a`` and ``claim_b``."""
    if b.id < a.id:
        a, b, read_a, read_b = b, a, read_b, read_a
    words_a, words_b = read_a.words, read_b.words
    figures_a, figures_b = read_a.figures, read_b.figures
    shared = words_a & words_b
    shared_words = len(shared) - len(read_a.tokens & read_b.tokens)
    same_figure = _same_figure(figures_a, figures_b)
    # A figure of a known unit both give counts as a shared word: a headline
    # keeps the figure and few of the words ("600 garment factories shut").
    needed = min(MIN_SHARED, read_a.content, read_b.content) - (same_figure == TELLING_FIGURE)
    evidence: dict = {"shared_words": shared_words}
    required = threshold
    if a.speaker and b.speaker:
        evidence["same_speaker"] = a.speaker == b.speaker
        required += -SAME_SPEAKER_BONUS if a.speaker == b.speaker else DIFFERENT_SPEAKER_MARGIN
    if same_figure:
        evidence["same_figure"] = True
        required -= SHARED_FIGURE_BONUS
    if score < required and not by_meaning:
        return None
    only_a, only_b = words_a - words_b, words_b - words_a
    if (read_a.flags | read_b.flags) & _PERIOD and only_a and only_b:
        only_a, only_b = _one_period(a, b, read_a, read_b, only_a, only_b)
    if only_a & read_a.tokens and only_b & read_b.tokens:
        # One figure in two units differs by no token: "within 48 hours" /
        # "within two days", "40 km" / "25 miles".
        units = {_token(unit) for unit in converted(figures_a, figures_b)}
        only_a, only_b = only_a - units, only_b - units
    # How many words each says that the other does not (figure tokens
    # aside): with vectors, a pair whose two sides each add several is
    # asked to be close in meaning too (claimtrack.semantic).
    evidence["differing"] = (len(only_a - read_a.tokens), len(only_b - read_b.tokens))
    # Arabic forms of one word that the stemmer left apart count as shared
    # too; asked last, only of the pairs that reach the score.
    if not by_meaning and shared_words < needed and shared_words + _paired_forms(only_a, only_b) < needed:
        return None
    # Figures of other things: two facts of one subject, however alike in
    # words or meaning ("exports rose 14%" / "exports reached $70 billion").
    # (A figure of a known unit both give is one quantity: no need to ask.)
    if same_figure != TELLING_FIGURE and _count_other_things(figures_a, figures_b):
        return None
    differing = _figure_conflict(figures_a, figures_b)
    if only_a or only_b:
        conflict, detail = _opposed(only_a, only_b, bool(differing), (read_a.sequence, read_b.sequence))
    else:
        conflict, detail = None, []  # the same words: only the figures can differ
    if conflict is None and figures_a and figures_b and same_figure != TELLING_FIGURE:
        # A figure of a known unit both give, ten or more: they measure one
        # thing (and most pairs do). Not one of value 0: "0%" is no value
        # :func:`_orders_apart` compares.
        apart = _orders_apart(a, b, figures_a, figures_b)
        if apart:
            conflict, detail = "changed", apart
    if conflict == "changed" and same_figure and _one_level(only_a, only_b, a, b, (figures_a, figures_b)):
        # "rose to 50" / "reached 50": one level, whatever verb gives it.
        level = LEVEL_VERBS | CHANGE_VERBS
        conflict, detail = _opposed(only_a - level, only_b - level, False, (read_a.sequence, read_b.sequence))
    if conflict is None:
        conflict, detail = _told_apart(a, b, only_a, only_b, read_a, read_b)
    if conflict is None and figures_a and figures_b:
        people = _people_changed(figures_a, figures_b)
        if people:
            conflict, detail = "changed", people
    if conflict is None and (only_a or only_b) and not shared.isdisjoint(MEASURES):
        undone = _undone(only_a, only_b, shared)
        if undone:
            conflict, detail = "negation", undone
    if conflict is None and len(only_a) + len(only_b) <= 2:
        normalized_a, normalized_b = _normalized(a), _normalized(b)
        if _senses(normalized_a) != _senses(normalized_b):
            modality = _modality_changed(normalized_a.split(), normalized_b.split())
            if modality:
                conflict, detail = "changed", modality
    if conflict is None and (read_a.flags | read_b.flags) & (_POSSIBLY | _SURELY | _PLANNED | _WILL_AR):
        sure = _sure_or_possible(read_a, read_b, a, b) or _done_or_to_come(read_a, read_b, a, b)
        if sure:
            conflict, detail = "changed", sure
    if conflict is None and min(evidence["differing"]) >= ADDED_FACT_WORDS:
        added = _facts_added(_normalized(a).split(), _normalized(b).split())
        if added:
            conflict, detail = "changed", added
    if conflict is None and not only_a and not only_b:
        swapped = _roles_swapped(_normalized(a).split(), _normalized(b).split())
        if swapped:
            conflict, detail = "changed", swapped
    if conflict is None and not differing and bool(only_a) != bool(only_b) and len(only_a | only_b) <= 2:
        conflict, detail = _added_partner(a if only_a else b, only_a or only_b)
    if conflict:
        evidence[conflict] = detail
    elif differing:
        reworded = _reworded(only_a, only_b)
        # Close in meaning is the evidence that a reworded pair with
        # another figure is one claim told twice, not two of one story.
        if reworded > FIGURE_WORDING and reworded > shared_words and not by_meaning:
            return None
        conflict = "figure"
        evidence["figures"] = differing
    if a.said_on and b.said_on:
        evidence["days_apart"] = (
            abs(read_a.day - read_b.day) if read_a.day is not None and read_b.day is not None else None
        )
    return Link(a.id, b.id, score, conflict, _shared(evidence) if conflict is None else evidence)


#: One read-only evidence mapping per distinct content: most links say the
#: same few things ("7 shared words, same figure"), and a million links
#: with a dict each would hold most of a large run's memory.
_EVIDENCE: dict[tuple, Mapping[str, Any]] = {}


def _shared(evidence: dict[str, Any]) -> Mapping[str, Any]:
    """``evidence`` (of plain values) as a shared read-only mapping."""
    key = tuple(evidence.items())
    found = _EVIDENCE.get(key)
    if found is None:
        found = _EVIDENCE[key] = MappingProxyType(evidence)
    return found


def _opposed(
    only_a: frozenset[str],
    only_b: frozenset[str],
    figures_differ: bool = False,
    sequences: tuple[list[str], list[str]] | None = None,
) -> tuple[str | None, list[str]]:
    """Do two near-duplicates say different things? Their differing words
    (``only_a``, ``only_b``) tell, in this order: a negation on one side
    only ("will not reach", "failed to dock"); a qualifier that narrows the
    fact ("partially closed"); a title word that names someone else
    ("deputy minister"); a known contrast (continued/stopped); and, unless
    the figures differ (then they decide), another unit ("6 months"/"6
    weeks") or a few words swapped with everything else equal — the place,
    the day, the actor or the verb of a changed fact ("ألماتي"/"نور سلطان",
    "Monday"/"Thursday", "تؤكد"/"تنفي"). The conflict and its words, or
    ``(None, [])``."""
    tokens_a = {w for w in only_a if w.startswith("#")}
    tokens_b = {w for w in only_b if w.startswith("#")}
    # Forms of one word ("ارتفع"/"يرتفع", "raised"/"raise") are not a change.
    words_a = _unpaired(only_a - tokens_a, only_b)
    words_b = _unpaired(only_b - tokens_b, only_a)
    neg_a, neg_b = words_a & NEGATIONS, words_b & NEGATIONS
    # A shortened quote may drop the clause that held a negation: only when
    # the negation is (nearly) all that differs is it one.
    if neg_a != neg_b and len((words_a | words_b) - NEGATIONS) <= 2:
        return "negation", sorted(neg_a | neg_b)
    qualifiers = (words_a ^ words_b) & QUALIFIERS
    if qualifiers and len((words_a | words_b) - QUALIFIERS) <= 1:
        return "changed", sorted(qualifiers)  # "closed"/"partially closed"
    roles = (words_a | words_b) & ROLE_WORDS
    if roles and (not words_a or not words_b) and len((words_a | words_b) - ROLE_WORDS) == 0:
        return "changed", sorted(roles)  # "الرئيس"/"رئيس الوزراء", "minister"/"deputy minister"
    # In a fixed order: a set's order changes from one run to the next.
    contrast = [
        f"{w}/{o}" for w in sorted(words_a & CONTRASTS.keys()) for o in sorted(CONTRASTS[w] & words_b)
    ]
    if contrast:
        return "contrast", contrast
    if figures_differ:
        return None, []  # the figures decide; a swapped verb is just wording ("تجاوزت"/"بلغت")
    # A bare number's unit is unknown: "#number" against "#case" is no change.
    tokens_a.discard(BARE_TOKEN)
    tokens_b.discard(BARE_TOKEN)
    if tokens_a and tokens_b and not words_a and not words_b:
        return "changed", sorted(tokens_a | tokens_b)  # "ستة أشهر"/"ستة أسابيع"
    if (
        1 <= len(words_a) <= 3
        and 1 <= len(words_b) <= 3
        and sequences is not None
        and _swapped_in_place(*sequences)
    ):
        return "changed", sorted(words_a) + sorted(words_b)
    return None, []


def _told_apart(
    a: LinkClaim,
    b: LinkClaim,
    only_a: frozenset[str],
    only_b: frozenset[str],
    read_a: Reading,
    read_b: Reading,
) -> tuple[str | None, list[str]]:
    """What tells two claims apart however reworded the rest: a denial
    (:func:`_denied`), two dates (:func:`_dates`), two countries, two
    cities or two regions (:mod:`claimtrack_linker.places`). Asked of every
    pair the other checks passed, so what each claim holds for them is
    noted once a claim (:func:`claim_flags`, a byte a claim): the dates and
    the places are read for the pairs whose claims both hold some. The
    conflict and its words, or ``(None, [])``."""
    flags_a, flags_b = read_a.flags, read_b.flags
    if only_a or only_b:
        if not (only_a.isdisjoint(DENIALS) and only_b.isdisjoint(DENIALS)):
            denial = _denied(only_a, only_b, a, b)
            if denial:
                return "negation", denial
        days_a = {w[1:] for w in only_a & read_a.tokens if w[1:].isdigit()}
        days_b = {w[1:] for w in only_b & read_b.tokens if w[1:].isdigit()}
        if (days_a and days_b) or (
            (flags_a | flags_b) & _MONTH_HIDDEN
            or not (only_a.isdisjoint(CALENDAR_WORDS) and only_b.isdisjoint(CALENDAR_WORDS))
        ):
            dates = in_one_place(_dates(a, days_a), _dates(b, days_b))
            if dates:
                return "changed", dates
        if (flags_a | flags_b) & _PERIOD:
            apart = _periods_apart(a, b, read_a, read_b)
            if apart:
                return "changed", apart
    if flags_a & flags_b & _PLACE:
        # Named in one place: "sanctions on 12 Iranian officials" / "Twelve
        # Belarusian officials"; not "Israeli strike ..." / "..., Palestinian
        # health ministry says", two parties to one event. A place only
        # against one of its kind: "in Riyadh" / "in Saudi Arabia" is one.
        places_a, places_b = _places(_normalized(a), a.text), _places(_normalized(b), b.text)
        for kind, (named_a, named_b) in enumerate(zip(places_a, places_b, strict=True)):
            other = in_one_place(named_a, named_b)
            if other:
                return "changed", gazetteer().called(kind, frozenset(other), a.language)
    return None, []


def _sure_or_possible(read_a: Reading, read_b: Reading, a: LinkClaim, b: LinkClaim) -> list[str]:
    """Does one claim say a thing may happen and the other that it will
    (:func:`_certainty`), however reworded the rest or only reordered
    ("Germany may extend border checks" / "Border checks will be
    extended")? The Arabic future is mostly written on the verb, "ستلجأ":
    against "قد تلجأ" it is read as "will" where the other claim says that
    verb (:func:`_future_of`). The two senses, or an empty list."""
    certain_a = read_a.flags & (_POSSIBLY | _SURELY)
    certain_b = read_b.flags & (_POSSIBLY | _SURELY)
    if certain_a == _POSSIBLY and (
        certain_b == _SURELY or (not certain_b and _future_of(_normalized(a), _normalized(b)))
    ):
        return ["may", "will"]
    if certain_b == _POSSIBLY and (
        certain_a == _SURELY or (not certain_a and _future_of(_normalized(b), _normalized(a)))
    ):
        return ["will", "may"]
    return []


def _done_or_to_come(read_a: Reading, read_b: Reading, a: LinkClaim, b: LinkClaim) -> list[str]:
    """Does one claim say a thing will be done and the other that it was
    ("Construction will begin in the spring" / "Construction began in the
    spring", "will be extended" / "was extended", "plans to connect" /
    "has connected")? A promise and its keeping are two facts to check.
    In English the verb "will", a verb of intent or a request ("urged the
    commission to recount") governs and its past tense in the other claim
    (:func:`_told_done`); in Arabic the future written on the verb against
    its past ("ستفتتح" / "افتتحت", :func:`_arabic_done`). The two verbs, the
    first claim's first, or an empty list."""
    if a.language == b.language == "ar":
        words_a, words_b = _normalized(a).split(), _normalized(b).split()
        found = _arabic_done(words_a, words_b) if read_a.flags & _WILL_AR else []
        if not found and read_b.flags & _WILL_AR:
            found = _arabic_done(words_b, words_a)[::-1]
        return found
    future_a, future_b = bool(read_a.flags & (_SURELY | _PLANNED)), bool(read_b.flags & (_SURELY | _PLANNED))
    if not (future_a or future_b) or a.language != "en" or b.language != "en":
        return []
    # Both may say a thing is to be done, and still one that it was: "will
    # reopen the crossing" / "urged by Washington to ease deliveries,
    # reopened the crossing". A past both say is no deed (:func:`_told_done`).
    words_a, words_b = _normalized(a).split(), _normalized(b).split()
    found = _told_done(words_a, words_b) if future_a else []
    if not found and future_b:
        found = _told_done(words_b, words_a)[::-1]
    return found


def _told_done(future: list[str], other: list[str]) -> list[str]:
    """The verb ``future`` says will be done ("will begin", "plans to
    connect", "will be extended") and the past tense of it that only
    ``other`` says ("began", "connected"; "were extended"), or an empty
    list. A past word both claims say is no deed ("will hold talks on the
    hostages held in Gaza" / "are to hold talks on the hostages held in
    Gaza"), nor a participle after "be" or "to" or before "by" ("G7
    leaders to be hosted by the president"); a passive is the participle
    after "was", "were" or "been", which may be a word both say ("will be
    extended" / "were extended"). Each claim's words are read once (linear
    in their length)."""
    said_here = set(future)
    done: dict[str, str] = {}  # the form of a verb the other claim puts in the past: that past
    for index, word in enumerate(other):
        if word in said_here:
            continue
        # Not a participle that tells no deed: "to be hosted", "compensation
        # paid by"; but "was opened by" is a passive, "increased by 10%" an
        # amount.
        before = other[index - 1] if index else ""
        if before in _NOT_DONE_AFTER or (
            other[index + 1 : index + 2] == ["by"]
            and before not in _PASSIVE_PAST
            and not _amount(other[index + 2 : index + 4])
        ):
            continue
        base = _IRREGULAR_PAST.get(word) or (word if word.endswith("ed") and len(word) > 4 else None)
        form = lexicon().form(base) if base else None
        if form is not None:
            done.setdefault(form, word)
    # "were extended": a participle after a past of "be".
    passive = {other[i + 1] for i in range(len(other) - 1) if other[i] in _PASSIVE_PAST}
    if not done and not passive:
        return []
    # A future the other claim says too is no promise against its deed:
    # "will reopen Kerem Shalom after it reopened Erez" / "will reopen
    # Kerem Shalom".
    promised_there = {lexicon().form(verbs[0]) for _, verbs in _to_be_done(other)}
    for said, verbs in _to_be_done(future):
        if verbs[0] == "be":
            if len(verbs) > 1 and verbs[1] in passive and _past_tense(verbs[1]):
                return [f"{said} be {verbs[1]}", verbs[1]]
            continue
        form = lexicon().form(verbs[0])
        if form is not None and form in done and form not in promised_there:
            return [f"{said} {verbs[0]}", done[form]]
    return []


def _to_be_done(words: list[str]) -> Iterator[tuple[str, list[str]]]:
    """Each thing an English claim (its normalized words) says is to be
    done: the words that say so ("will", "plans to", "urged the commission
    to") and the verb's first two words after them, adverbs aside ("will
    also begin": "begin")."""
    for index, word in enumerate(words):
        if word in _WILL:
            starts = [index + 1]
        elif (
            word in _PLANS
            and words[index + 1 : index + 2] == ["to"]
            and (not index or words[index - 1] not in _AS)
            and (word not in _PLANS_AFTER_BE or (index and words[index - 1] in _BE))
        ):
            starts = [index + 2]  # "plans to connect", "is expected to open"
        elif word in _ASKS:
            starts = _asked_to(words, index)  # "asked Rome to declare"
        else:
            continue
        for start in starts:
            verbs = [w for w in words[start : start + 3] if w not in _ADVERBS][:2]
            if verbs and verbs[0] != "not":
                yield " ".join(words[index:start]), verbs


def _asked_to(words: list[str], index: int) -> list[int]:
    """Where the verb may begin after a verb of asking at ``index``
    (:data:`_ASKS`): after each "to" within :data:`_ASKED_WORDS` words of
    who is asked ("asked Rome to declare", "appealed to the court to
    halt"). "Called" asks only "on" someone; a request that opens the
    claim, follows "when", "amid" … (:data:`_ASK_CLAUSE`) or is made "by"
    someone is the circumstance of the claim, not its fact."""
    if words[index] in _CALLS and words[index + 1 : index + 2] not in (["on"], ["upon"]):
        return []  # "called on Israel to allow"; not "called off the strike planned to start"
    if (
        not index
        or words[index - 1] in _ASK_CLAUSE
        or "by" in words[index + 1 : index + 3]
        or (
            words[index + 1 : index + 2] == ["to"]
            and words[index - 1] not in _BE
            and not words[index].startswith("appeal")  # "appealed to the court to halt"
        )
        or (words[index - 1] == "in" and words[index] == "order")
    ):
        # "Asked to confirm the toll, the ministry said", "When asked to
        # comment", "The army, asked by residents to leave, withdrew", "the
        # ministry, asked to confirm the toll, said" (but "was asked to
        # resign" is a request): the circumstance of what the claim says
        # was done. And "in order to" asks nothing.
        return []
    end = min(index + 2 + _ASKED_WORDS, len(words) - 1)
    return [at + 1 for at in range(index + 1, end) if words[at] == "to"]


def _arabic_done(future: list[str], other: list[str]) -> list[str]:
    """The verb ``future`` (an Arabic claim's normalized words) says will
    be done ("ستفتتح", "سيصل", "سوف توقع", "من المقرر أن يزور") and its past
    that only ``other`` says ("افتتحت", "وصل", "وقعت", "زار"), or an empty
    list. The past is read from the present's stem (:func:`_pasts_of`), and
    only where it is written as a verb: with the past's ending ("افتتحت",
    "وقعوا"), or first in the claim or after a conjunction, and then spelled
    otherwise than a verbal noun of the stem would be ("وصل وفد أمريكي"),
    or followed by its subject with the article ("رفع البنك المركزي"): not
    "رفع أسعار الوقود" nor "قررت الحكومة رفع الأسعار". Not a past of the
    story's background ("بعد أن افتتحت الأول"), nor a verb of saying that
    reports a future ("أعلنت الهيئة أن النتائج ستصدر"), nor "كان". A claim
    that writes the future too ("ستفتتح ... بعد أن افتتحت") says no deed
    against it."""
    verbs = _arabic_futures(future)
    if not verbs:
        return []
    said_here = set(future) | {_unprefixed(w, "وف", 3) for w in future}
    futures_there = _arabic_futures(other)
    stems_there = {stem for _, stem, _ in futures_there}
    done: dict[str, tuple[str, int]] = {}  # a past as the stem it is read from: that past, where
    for index, word in enumerate(other):
        if word in said_here or _background(other, index):
            continue
        if any(w in _THAT for w in other[index + 1 : index + 7]) and any(
            index < at <= index + 12 for _, _, at in futures_there
        ):
            continue  # "أعلنت ... أن النتائج ستصدر": the saying of a future
        first = index == 0 or other[index - 1] in _SENTENCE_STARTS
        subject = other[index + 1 : index + 2] != [] and other[index + 1].startswith("ال")
        # With و or ف written on, or a verb that begins with و: "ووصل", "وقعت".
        for form in {word, _unprefixed(word, "وف", 3)}:
            for ending in _PAST_ENDINGS:
                if form.endswith(ending) and len(form) - len(ending) >= 2:
                    done.setdefault(form[: len(form) - len(ending)], (word, index))
            if first:
                done.setdefault("=" + form, (word, index))  # "=": bare, first
                if subject:
                    done.setdefault("+" + form, (word, index))  # "+": bare, first, before its subject
    for written, stem, at in verbs:
        if stem in stems_there or stem in _COPULA:
            continue
        # A bare first word spelled as a stem of three letters may be its
        # verbal noun, "رفع أسعار الوقود" (not before its subject, "رفع
        # البنك"); one of four that begins with ت, a present ("تواصل فرق
        # الإنقاذ"). Other stems' verbal nouns are spelled otherwise:
        # "ناقش" / "مناقشة".
        bare_first = "+" if len(stem) < 4 or stem[0] == "ت" else "="
        for past in _pasts_of(stem):
            found = done.get(past) or done.get((bare_first if past == stem else "=") + past)
            if found is None:
                continue
            if stem == _TAMMA and future[at + 1 : at + 2] != other[found[1] + 1 : found[1] + 2]:
                continue  # "سيتم تنفيذ" / "تمت الموافقة": two things done
            return [written, found[0]]
    return []


def _background(words: list[str], index: int) -> bool:
    """Is the Arabic past at ``index`` the story's background: after "بعد
    أن", "منذ أن", "قبل أن" ("بعد أن افتتحت الأول العام الماضي")?"""
    return index >= 2 and words[index - 1] == "ان" and words[index - 2] in _BEFORE_THAT


def _arabic_futures(words: list[str]) -> list[tuple[str, str, int]]:
    """The words an Arabic claim reads as verbs in the future, each as
    written, as its present stem and with where it stands: "ستفتتح"
    (فتتح), "وسيصل" (صل), "سيفتتحون" (فتتح), "سوف توقع" (وقع), "من المقرر
    أن يزور" (زور)."""
    found = []
    for index, word in enumerate(words):
        bare = _unprefixed(word, "وف", 3)
        if bare[:1] == "س" and bare[1:2] in _PRESENT_PREFIXES and len(bare) >= 4:
            if bare[:4] not in _NOT_FUTURE and bare not in _NOT_FUTURE_WORDS:
                found.append((word, _present_stem(bare[2:]), index))
        elif bare in _FUTURE_WORDS and index + 1 < len(words):
            at = index + 1
            if words[at] == "ان" and at + 1 < len(words):  # "من المقرر أن يزور"
                at += 1
            after = words[at]
            if after[:1] in _PRESENT_PREFIXES and len(after) >= 3:
                found.append((f"{word} {after}", _present_stem(after[1:]), at))
    return found


def _present_stem(stem: str) -> str:
    """A present's stem without the plural's or the dual's ending:
    "سيفتتحون", "ستفتتحان": فتتح."""
    for ending in ("ون", "ان"):
        if stem.endswith(ending) and len(stem) - len(ending) >= 3:
            return stem[: -len(ending)]
    return stem


def _pasts_of(stem: str) -> tuple[str, ...]:
    """The pasts an Arabic present's stem may have: the stem itself ("يرفع":
    رفع, "يتقدم": تقدم), with ا before it ("يفتتح": افتتح, "يعلن": اعلن),
    with و before two letters ("يصل": وصل), a hollow one with ا in the
    middle ("يزور": زار, "يزيد": زاد, "يعيد": أعاد), a defective one
    without its last letter, as its feminine and plural are written
    ("يلتقي": التقت، التقوا, "يجري": أجرت), or with ا for و ("ينمو": نما)."""
    pasts = [stem, "ا" + stem]
    if len(stem) == 2:
        pasts.append("و" + stem)
    if len(stem) == 3 and stem[1] in "وي":
        pasts += [stem[0] + "ا" + stem[2], "ا" + stem[0] + "ا" + stem[2]]
    if len(stem) >= 3 and stem[-1] in "وي":
        pasts += [stem[:-1], "ا" + stem[:-1]]
        if stem[-1] == "و":
            pasts.append(stem[:-1] + "ا")
    return tuple(pasts)


#: What a present begins with after the future's س: "سيصل", "ستفتتح",
#: "سنعمل" (not "سأزور", I will visit, rare in news copy and the start of
#: "سابق", "سالم", "ساحل").
_PRESENT_PREFIXES = frozenset("يتن")
#: Words that begin as a future and are none, by their first four letters
#: as normalized, where no verb of news copy does: "سيارة" (a car),
#: "سياسة" (politics), "سيول" (floods), "ستين" (sixty) and their forms.
_NOT_FUTURE = frozenset(
    normalize_text("سيار سياس سياح سياق سيول سيده سيرة ستين ستار ستود سنوي سناء", "ar").split()
)
#: Such words whole, where a verb begins the same way ("سيطرح", "سيناقش",
#: "سنواصل").
_NOT_FUTURE_WORDS = frozenset(
    normalize_text("سيطرة سنوات سيناء سيناريو سيناريوهات ستاد سيما سيدي سيتي وسيلة سيلة", "ar").split()
)
#: Words after which a present tells the future: "سوف توقع", "المقرر أن
#: يزور", "المنتظر أن", "المزمع أن".
_FUTURE_WORDS = frozenset(normalize_text("سوف المقرر المنتظر المزمع", "ar").split())
#: The endings of an Arabic past ("وصلت", "وقعوا", "وقعتا"); not the
#: dual's ا, which ends nouns as often ("عملا بقرار").
_PAST_ENDINGS = ("تا", "وا", "ت")
#: Words after which a sentence begins with its verb: a conjunction, "قد".
_SENTENCE_STARTS = frozenset(normalize_text("و ف ثم قد لقد وقد", "ar").split())
#: Words before "أن" that make the past after them background.
_BEFORE_THAT = frozenset(normalize_text("بعد منذ قبل وبعد", "ar").split())
#: "أن", "إن" and their forms with a pronoun, after a verb of saying.
_THAT = frozenset(normalize_text("أن إن أنه أنها إنه إنها أنهم إنهم", "ar").split())
#: "يكون" and "تم": a copula and a helper, told only with what follows.
_COPULA = frozenset(normalize_text("كون", "ar").split())
_TAMMA = normalize_text("تم", "ar")
#: What begins the Arabic future: a verb with س, "سوف", "من المقرر" …; a
#: pattern that begins with a letter, which the regex engine skips to.
_ARABIC_FUTURE = re.compile(r"س[يتن]\S\S|سوف\s|المقرر\s|المنتظر\s|المزمع\s")


def _writes_arabic_future(normalized: str) -> bool:
    """Does a claim (its normalized text) write the Arabic future at the
    start of a word, or after و or ف written on it ("ستفتتح", "وسيصل")?"""
    for match in _ARABIC_FUTURE.finditer(normalized):
        at = match.start()
        before = normalized[at - 1] if at else " "
        if before == " " or (before in "وف" and (at == 1 or normalized[at - 2] == " ")):
            return True
    return False


def _plans_to(words: list[str]) -> bool:
    """Do a claim's normalized words say someone plans to do a thing ("plans
    to connect"; not "as planned, to traffic", whose comma normalizing
    drops) or asks someone to ("urged the government to lift"): a thing to
    be done (:func:`_to_be_done`) other than by "will"?"""
    return any(said not in _WILL for said, _ in _to_be_done(words))


def _amount(words: list[str]) -> bool:
    """Do ``words`` (the two after "by") begin an amount: "by 10 percent",
    "by a fifth", "by half"? Not a year ("halved by 2030", a deadline) nor
    an agent ("hosted by a Gulf state")."""
    if not words:
        return False
    first = words[0]
    if first[:1].isdigit():
        return not (len(first) == 4 and first.isdigit() and first[:2] in ("19", "20"))
    if first in ("a", "an"):
        return words[1:2] in (["fifth"], ["third"], ["quarter"], ["half"], ["tenth"])
    return first in _AMOUNT_STARTS


_AS = frozenset({"as", "than"})
_AMOUNT_STARTS = frozenset({"half", "about", "around", "nearly", "almost"})


def _past_tense(word: str) -> bool:
    """Is an English word a verb's past tense (or participle)?"""
    return (word.endswith("ed") and len(word) > 4) or word in _IRREGULAR_PAST


#: Verbs of intent that, with "to", say a thing is to be done: "plans to
#: connect" against "has connected" is a plan against its outcome.
_PLANS = frozenset(
    {"plan", "plans", "planned", "intend", "intends", "aim", "aims", "seek", "seeks"}
) | frozenset({"expect", "expects", "expected", "set"})
#: Those that say so only after a form of "be": "is expected to open",
#: "is set to reopen"; not "more than expected to reach", "a set of ... to".
_PLANS_AFTER_BE = frozenset({"expected", "set"})
#: Verbs of asking someone to do a thing ("asked Rome to declare", "urged
#: the government to lift", "called on Israel to allow"): a request and the
#: thing done are two facts, as a plan and its keeping are.
_ASKS = frozenset(
    {
        *("ask", "asks", "asked", "urge", "urges", "urged", "call", "calls", "called"),
        *("pressed", "presses", "request", "requests", "requested"),
        *("appeal", "appeals", "appealed", "order", "orders", "ordered"),
        *("asking", "urging", "pressing", "ordering", "calling"),
    }
)
#: The English future: "will begin" (:func:`_to_be_done`).
_WILL = frozenset({"will", "shall", "would"})
#: How many words may name who is asked: "called on the UN Human Rights
#: Council to".
_ASKED_WORDS = 6
#: Words after which a verb of asking opens a clause of circumstance, not
#: the claim's fact: "When asked to comment, the ministry confirmed ...",
#: "Amid calls on him to resign, the prime minister stepped down".
_ASK_CLAUSE = frozenset({"when", "if", "after", "once", "while", "as", "amid", "despite", "following"})
_INTENT = _PLANS | _ASKS
_CALLS = frozenset({"call", "called", "calls", "calling"})

_BE = frozenset({"is", "are", "was", "were", "be", "been"})
#: Words between "will" and its verb: "will also begin", "will soon be".
_ADVERBS = frozenset(
    {"also", "soon", "now", "then", "likely", "probably", "still", "first", "again", "only", "finally"}
)
_PASSIVE_PAST = frozenset({"was", "were", "been"})
_NOT_DONE_AFTER = frozenset({"be", "being", "to"})
#: The past tenses and participles of irregular verbs ("began", "held"),
#: each with its verb, matched as written: ``[past en]`` in lexicon.txt.
_IRREGULAR_PAST = {
    past: verb
    for line, _ in lexicon().lines("past")
    for verb, *pasts in [normalize_text(" ".join(line), "en").split()]
    for past in pasts
}


def _future_of(possible: str, other: str) -> bool:
    """Does ``other`` (normalized words) write in the future, with س on the
    verb, the verb that "may" governs in ``possible`` ("قد تلجا" /
    "ستلجا", "ربما يرتفع" / "وسيرتفع")? Only the verb both write tells:
    "سيارة" (a car) and "سياسة" (politics) begin the same way, and a future
    on another verb of the claim is another statement."""
    verbs = {
        w[1:] if w[0] == "و" else w
        for w in other.split()
        if w[:2] in _FUTURE_STARTS or w[:3] in _FUTURE_STARTS
    }
    return bool(verbs) and any("س" + verb in verbs for verb in _maybe_done(possible.split()))


def _maybe_done(words: list[str]) -> list[str]:
    """The Arabic verbs that "قد" or a word of possibility governs in a
    claim's normalized words: the word after it, or after "أن" ("يحتمل أن
    تلجا"), when it begins as a verb in the present does; "قد" only where
    :func:`_may` reads it as "may", as :func:`_certainty` does."""
    verbs = []
    for index, word in enumerate(words):
        bare = _unprefixed(word)
        if bare == "قد" and not _may(words, index):
            continue  # "قد تم", "وكانت ... قد تعهدت": no "may"
        if bare != "قد" and bare not in _POSSIBLE:
            continue
        after = words[index + 1 : index + 3]
        if after and after[0] in ("ان", "بان"):
            after = after[1:]
        if after and len(after[0]) > 2 and after[0][0] in "يتن":
            verbs.append(after[0])
    return verbs


#: What :func:`claim_flags` notes of a claim, a bit each: a month no
#: compared word shows ("May", read as the verb; a month of two words,
#: "تشرين الأول" / "تشرين الثاني" differ by "الأول"), that it says a thing
#: may happen, that it says it will, that it names a place (a country, a
#: city, a region), that it says someone plans or asks to do a thing
#: ("plans to connect", "urged the commission to recount": :func:`_told_done`),
#: that it names a period relative to the day said ("next year":
#: :mod:`claimtrack_linker.periods`), that it writes the Arabic future
#: ("ستفتتح", "سوف تفتح", "من المقرر أن يزور": :func:`_arabic_done`).
_MONTH_HIDDEN, _POSSIBLY, _SURELY, _PLACE, _PLANNED, _PERIOD, _WILL_AR = 1, 2, 4, 8, 16, 32, 64


def claim_flags(claims: Sequence[LinkClaim]) -> bytearray:
    """What each claim holds for :func:`_told_apart` and
    :func:`_sure_or_possible`, a byte a claim (a million claims, a
    megabyte; what the places stand next to is read again, cached, for
    the pairs that need it)."""
    return bytearray(_claim_flags(_normalized(claim), claim.text) for claim in claims)


def _claim_flags(normalized: str, text: str) -> int:
    """:func:`claim_flags` of one claim (its normalized words, its text)."""
    words = normalized.split()
    possible, future = _certainty(words, text)
    flags = (_POSSIBLY if possible else 0) | (_SURELY if future else 0)
    if "May" in text or "MAY" in text or any(first in normalized for first in _TWO_WORD_MONTHS):
        flags |= _MONTH_HIDDEN
    if any(places(words, text)):
        flags |= _PLACE
    if "to" in words and not _INTENT.isdisjoint(words) and _plans_to(words):
        flags |= _PLANNED
    if names_period(words):
        flags |= _PERIOD
    if _writes_arabic_future(normalized):
        flags |= _WILL_AR
    return flags


@lru_cache(maxsize=1 << 12)
def _places(normalized: str, text: str) -> tuple[dict[int, frozenset[str]], ...]:
    """:func:`claimtrack_linker.places.places` of one claim, cached for the
    claims of the last few blocks (a claim meets its members in turn)."""
    return places(normalized.split(), text)


def _denied(only_a: frozenset[str], only_b: frozenset[str], a: LinkClaim, b: LinkClaim) -> list[str]:
    """Does one claim deny what the other states, however reworded the
    rest: a verb of denial ("نفت", "denied": :data:`DENIALS`) on its side
    only, against a claim that negates nothing ("نفت الوزارة تسجيل إصابة" /
    "سجلت الوزارة إصابة"; "أكدت عدم تسجيل إصابة" denies it too)? Not a
    passive "denied" ("was denied bail": refused, not a denial). The
    denial, or an empty list."""
    for denying, other, claim in ((only_a, only_b, a), (only_b, only_a, b)):
        denial = denying & DENIALS
        if denial and other.isdisjoint(NEGATIONS) and not _PASSIVE_DENIAL.search(claim.text):
            return sorted(denial)
    return []


#: "denied" as the passive of "deny" someone something: "was denied bail".
_PASSIVE_DENIAL = re.compile(r"\b(?:was|were|been|being|be|is|are|get|got|gets)\s+denied\b", re.IGNORECASE)


#: The first words of the months named in two words ("كانون", "تشرين").
_TWO_WORD_MONTHS = frozenset(name[0] for name in MONTH_NUMBERS if len(name) > 1)


class _SaidPeriods(NamedTuple):
    """Two claims' normalized words, the periods each names, and whether
    the two were said close enough in time to compare periods kept as
    written (:func:`_said_periods`)."""

    words_a: list[str]
    words_b: list[str]
    named_a: list[Period]
    named_b: list[Period]
    close: bool


def _said_periods(a: LinkClaim, b: LinkClaim, read_a: Reading, read_b: Reading) -> _SaidPeriods:
    """The periods two claims name (:func:`claimtrack_linker.periods.periods`),
    placed on the calendar when both days said are known, and whether the
    two were said within :data:`SAME_PERIOD_DAYS` days (or on days not
    known): only then are periods kept as written compared ("next season"
    said in June is "this season" said in September)."""
    days = (read_a.day, read_b.day) if read_a.day is not None and read_b.day is not None else (None, None)
    close = days[0] is None or abs(days[0] - days[1]) <= SAME_PERIOD_DAYS
    words_a, named_a = _periods_of(_normalized(a), days[0])
    words_b, named_b = _periods_of(_normalized(b), days[1])
    return _SaidPeriods(words_a, words_b, named_a, named_b, close)


@lru_cache(maxsize=1 << 10)
def _periods_of(normalized: str, day: int | None) -> tuple[list[str], list[Period]]:
    """A claim's words and the periods it names, placed from ``day``: read
    once for the pair, which asks for them twice (:func:`_one_period`,
    :func:`_periods_apart`)."""
    words = normalized.split()
    return words, periods(words, day)


#: How many days apart two claims may be said and a period of no fixed
#: place (a season, a fiscal or school year) be the same period to both.
SAME_PERIOD_DAYS = 7


def _periods_apart(a: LinkClaim, b: LinkClaim, read_a: Reading, read_b: Reading) -> list[str]:
    """Two periods of one kind, one that each claim names and the other
    does not, in one place (:func:`in_one_place`): "استقبل 87 مليون مسافر
    العام الماضي" / "يتوقع استقبال 91.8 مليون مسافر هذا العام", "in the
    current fiscal year" / "in the next fiscal year". A year placed on the
    calendar meets a year the other claim writes ("next year" said in 2025
    / "in 2026"); a period of one kind is no counterpart of another ("this
    week" / "on June 12", "this season" / "this year"). The two as
    written, or an empty list."""
    words_a, words_b, named_a, named_b, close = _said_periods(a, b, read_a, read_b)
    for kind in sorted({p.kind for p in named_a} | {p.kind for p in named_b}):
        of_a = [p for p in named_a if p.kind == kind]
        of_b = [p for p in named_b if p.kind == kind]
        placed = all(p.placed for p in of_a + of_b)
        if not placed and not close:
            continue  # "next season" said months apart: not comparable
        with_years = kind == "year" and placed
        found_a, shown_a = _period_places(of_a, words_a, _years(read_a) if with_years else frozenset())
        found_b, shown_b = _period_places(of_b, words_b, _years(read_b) if with_years else frozenset())
        other = in_one_place(found_a, found_b)
        if other:
            return [shown_a[other[0]], shown_b[other[1]]]
    return []


def _period_places(
    named: list[Period], words: list[str], years: frozenset[str]
) -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """Each period of one kind a claim names, keyed by its place on the
    calendar ("2026") or offset, with what stands next to it
    (:func:`neighbours`), and as written; and the ``years`` the claim
    writes ("in 2026"), where they stand."""
    found: dict[str, frozenset[str]] = {}
    shown: dict[str, str] = {}
    for period in named:
        around = neighbours(words, period.start, period.end)
        said = {lexicon().form(w) for w in words[max(0, period.start - 3) : period.start]}
        if len(named) == 1 and around.isdisjoint(SAYING) and said.isdisjoint(SAYING):
            # The one period of its kind a claim names is when its fact
            # is, wherever it is written: two claims that each name one are
            # in one place ("خلال العام الدراسي الحالي" / "سيبدأ بحسب الوزارة
            # خلال العام الدراسي المقبل"). Not the day of the saying, next to
            # a verb of saying or three words after one: "the ministry said
            # this week that 40 died" / "40 died last week", "قالت وزارة
            # الصحة هذا الأسبوع إن".
            around |= {"@" + period.kind}
        found[period.key] = found.get(period.key, frozenset()) | around
        shown.setdefault(period.key, " ".join(words[period.start : period.end]))
    if years:
        for index, word in enumerate(words):  # a year written: "in 2026"
            if word in years:
                found[word] = found.get(word, frozenset()) | neighbours(words, index, index + 1)
                shown.setdefault(word, word)
    return found, shown


def _years(read: Reading) -> frozenset[str]:
    """The years a claim writes, as :func:`_numbers` read them (its year
    tokens, "#2026"; not a count of "2,500")."""
    return frozenset(token[1:] for token in read.tokens if len(token) == 5 and token[1:].isdigit())


def _one_period(
    a: LinkClaim,
    b: LinkClaim,
    read_a: Reading,
    read_b: Reading,
    only_a: frozenset[str],
    only_b: frozenset[str],
) -> tuple[frozenset[str], frozenset[str]]:
    """The differing words of two claims less a period one names and the
    date the other writes for it, or the period of the same place the
    other names in other words, as placed on the calendar from the days
    they were said: "this month" / "in June" said in June, "العام المقبل" /
    "عام 2026" said in 2025, "العام المقبل" said in December 2025 / "العام
    الجاري" said in January 2026 are one date written two ways, no word
    swapped. A month is only dropped where the other claim writes no other
    year ("this month" / "in June 2024")."""
    words_a, words_b, named_a, named_b, _ = _said_periods(a, b, read_a, read_b)
    if not any(p.placed for p in named_a + named_b):
        return only_a, only_b
    dropped_a, dropped_b = _same_period(named_a, words_a, named_b, words_b, _years(read_b), only_b)
    back_b, back_a = _same_period(named_b, words_b, named_a, words_a, _years(read_a), only_a)
    return only_a - dropped_a - back_a, only_b - dropped_b - back_b


def _same_period(
    named: list[Period],
    words: list[str],
    other_named: list[Period],
    other: list[str],
    other_years: frozenset[str],
    only_other: frozenset[str],
) -> tuple[set[str], set[str]]:
    """The forms of a claim's periods (``named``, in ``words``) that the
    other claim names too, and the forms the other writes them in: the
    year as a token, the month's name, a period of the same place
    (:func:`_one_period`). Each claim's words are read once."""
    form = lexicon().form
    # The years the other claim writes ("2024", not a count of "2,500") or
    # names as a period ("next year"): a month is one only within them.
    years = other_years | {p.key for p in other_named if p.kind == "year" and p.placed}
    months: dict[int, set[str]] = {}  # each month the other names: its words' forms
    for index, word in enumerate(other):
        if word in MONTHS:
            size, number = 2, MONTH_NUMBERS.get(tuple(other[index : index + 2]))
            if number is None:
                size, number = 1, MONTH_NUMBERS.get((word,))
            if number is not None:
                months.setdefault(number, set()).update(form(w) or w for w in other[index : index + size])
    placed = {(p.kind, p.key): p for p in other_named if p.placed}
    mine: set[str] = set()
    theirs: set[str] = set()
    for period in named:
        if not period.placed:
            continue
        said_too: set[str] = set()
        if (period.kind, period.key) in placed:
            match = placed[(period.kind, period.key)]
            said_too = {form(w) or w for w in other[match.start : match.end]}
        elif period.kind == "year" and "#" + period.key in only_other:
            said_too = {"#" + period.key}
        elif period.kind == "month" and years <= {period.key[:4]}:
            said_too = months.get(int(period.key[5:]), set())
        if said_too:
            mine |= {form(w) or w for w in words[period.start : period.end]}
            theirs |= said_too
    return mine, theirs


def _dates(claim: LinkClaim, days: set[str]) -> dict[str, frozenset[str]]:
    """The months a claim names (by number, :data:`MONTH_NUMBERS`: one
    month in two calendars is one month, "ديسمبر"/"كانون الأول"; "may" only
    where the text writes it as a month) and its ``days`` (years and days
    of the month, as written), each with what stands next to it. Two claims
    that each name one the other does not, in one place (:func:`in_one_place`),
    tell of two dates however reworded the rest ("elections in June next
    year" / "take place in September next year"); in other places they are
    two dates of one event ("the toll since October 7" / "as of May 10")."""
    words = _normalized(claim).split()
    found: dict[str, frozenset[str]] = {}
    for index, word in enumerate(words):
        if word in days:
            found["#" + word] = found.get("#" + word, frozenset()) | neighbours(words, index, index + 1)
            continue
        if word not in MONTHS:
            continue
        size, number = 2, MONTH_NUMBERS.get((word, words[index + 1]) if index + 1 < len(words) else ())
        if number is None:
            size, number = 1, MONTH_NUMBERS.get((word,))
        if number is not None and (word != "may" or _Written(claim.text).may):
            label = f"month {number}"
            found[label] = found.get(label, frozenset()) | neighbours(words, index, index + size)
    return found


def _one_level(
    only_a: frozenset[str], only_b: frozenset[str], a: LinkClaim, b: LinkClaim, figures: tuple[list, list]
) -> bool:
    """Does one claim state a level ("reached 50", "بلغت الحصيلة 50") where
    the other says it changed to it ("rose to 50", "ارتفعت الحصيلة إلى
    50"), each verb in its claim only, the level's figure the one after
    "to"? Then the two verbs say one thing. "rose 5%" / "reached 5%" do not
    (no "to"), nor "rose from 20 to 50" / "reached 20" (a stale toll)."""
    if only_a & LEVEL_VERBS and only_b & CHANGE_VERBS:
        changed, level = b, figures[0]
    elif only_b & LEVEL_VERBS and only_a & CHANGE_VERBS:
        changed, level = a, figures[1]
    else:
        return False
    targets = {_value(match) for match in _TO_NUMBER.findall(changed.text)}
    return any(
        figure.value in targets or (figure.value_max is not None and figure.value_max in targets)
        for figure in level
        if figure.value is not None
    ) or any(target is not None and _scaled_in(target, level) for target in targets)


def _value(digits: str) -> float | None:
    """The number a run of digits after "to" writes ("35,000", "٣٥٫٥")."""
    digits = digits.translate(_DIGITS).replace("٬", ",").replace("٫", ".").rstrip(".,")
    try:
        return float(digits.replace(",", ""))
    except ValueError:
        return None


def _scaled_in(target: float, figures: list) -> bool:
    """Is ``target`` ("2" of "to $2 billion") a figure's value before its
    scale word: 2e9 written "2 billion"?"""
    return any(
        figure.value is not None
        and figure.value != target
        and target
        and figure.value / target in _SCALES.values()
        for figure in figures
    )


def _unpaired(words: frozenset[str], others: frozenset[str]) -> set[str]:
    """The ``words`` that are no form of one word with any of ``others``."""
    if not others:
        return set(words)
    unpaired = set()
    for word in words:
        for other in others:
            if _forms_of_one(word, other):
                break
        else:
            unpaired.add(word)
    return unpaired


def _added_partner(claim: LinkClaim, added: frozenset[str]) -> tuple[str | None, list[str]]:
    """Is ``claim`` the other claim of its pair with a name of one or two
    words (``added``) added, joined by "and"/"و" to what both say: another
    actor or object ("Austrian Airlines and Lufthansa suspended" /
    "Lufthansa suspended", "أرامكو وتوتال ستبنيان" / "أرامكو ستبني")? That
    is a changed fact. Other added words are details outlets add ("cut oil
    output" / "cut output"). Only pairs that reach the score, and of them
    only those where one claim adds one or two words, come here."""
    extra = {w for w in added if w[0] != "#"}
    normalized = _normalized(claim)
    if not extra & _joined_forms(normalized):
        return None, []  # most added words are details, next to no conjunction
    form = lexicon().form
    words = normalized.split()
    run = [index for index, word in enumerate(words) if form(word) in extra]
    if not run or run[-1] - run[0] != len(run) - 1:
        return None, []  # the added words are not one name
    first, last = run[0], run[-1]
    before = words[first - 1] if first else ""
    after = words[last + 1] if last + 1 < len(words) else ""
    joined = (
        before in _CONJUNCTIONS
        or after in _CONJUNCTIONS
        # و written on: the stem keeps it ("وسابك"), the lexicon may not ("وتوتال").
        or (first and words[first][0] == "و" and (len(words[first]) > 4 or form(words[first][1:]) in extra))
    )
    return ("changed", sorted(extra)) if joined else (None, [])


@lru_cache(maxsize=1 << 14)
def _joined_forms(normalized: str) -> frozenset[str]:
    """The forms of a claim's words that stand next to a conjunction or are
    written onto و: where an added actor would be. Cached for the claims of
    the last few blocks (a claim meets its block's members in turn)."""
    form = lexicon().form
    words = normalized.split()
    last = len(words) - 1
    return frozenset(
        form(word) or ""
        for index, word in enumerate(words)
        if word[0] == "و"
        or (index and words[index - 1] in _CONJUNCTIONS)
        or (index < last and words[index + 1] in _CONJUNCTIONS)
    )


def _facts_added(words_a: list[str], words_b: list[str]) -> list[str]:
    """Do two claims (their normalized words) say one thing, word for word,
    and then each join on a fact of its own: "approved the cycle lanes but
    postponed the bus station" / "approved the cycle lanes and a car-free
    zone", "منعت الأكياس البلاستيكية وفرضت غرامات" / "منعت الأكياس
    البلاستيكية ووزعت أكياسا قماشية"? Each states a fact the other lacks, so
    they are two claims. Both added runs must start with a conjunction
    ("and", "but", و written on), hold :data:`ADDED_FACT_WORDS` content
    words or more and share at most a quarter of them, after at least
    :data:`MIN_SHARED` content words in common: a shortened quote adds on
    one side only, and a reworded one rewords throughout. The two runs'
    first words, or an empty list."""
    form = lexicon().form
    common = 0
    index = 0
    while index < min(len(words_a), len(words_b)):
        word_a, word_b = words_a[index], words_b[index]
        if word_a != word_b and (form(word_a) is None or form(word_a) != form(word_b)):
            break
        if (
            word_a in _CLAUSE_WORDS
            and index + 1 < min(len(words_a), len(words_b))
            and words_a[index + 1] != words_b[index + 1]
        ):
            break  # "... and postponed" / "... and added": the clauses begin here
        common += form(word_a) is not None
        index += 1
    rest_a, rest_b = words_a[index:], words_b[index:]
    if common < MIN_SHARED or not rest_a or not rest_b:
        return []
    if not (_joins_clause(rest_a[0]) and _joins_clause(rest_b[0])):
        return []
    added_a, added_b = set(lexicon().read(rest_a)), set(lexicon().read(rest_b))
    shared_share = len(added_a & added_b) / len(added_a | added_b) if added_a or added_b else 0.0
    if min(len(added_a), len(added_b)) < ADDED_FACT_WORDS or shared_share > 0.25:
        return []
    return [rest_a[0], rest_b[0]]


def _undone(only_a: frozenset[str], only_b: frozenset[str], shared: frozenset[str]) -> list[str]:
    """Does one claim say that a measure both name was undone, with
    nothing else differing: "Ukraine has banned poultry imports" /
    "Ukraine has lifted its ban on poultry imports", "ordered residents to
    evacuate" / "lifted the evacuation order"? The undoing verb, or an
    empty list."""
    if not shared & MEASURES:
        return []
    undo_a, undo_b = only_a & REVERSALS, only_b & REVERSALS
    if bool(undo_a) == bool(undo_b):
        return []
    # Nothing else may differ: another word there may undo it too ("removed",
    # "ended", "أبطلته").
    rest = {w for w in (only_a | only_b) - REVERSALS if w[0] != "#"} - MEASURES
    return sorted(undo_a | undo_b) if not rest else []


def _modality_changed(words_a: list[str], words_b: list[str]) -> list[str]:
    """Do two claims (their normalized words) differ only in one run of
    words of sureness, obligation or quantity, of other senses on the two
    sides: "The factory may cut jobs" / "The factory will cut jobs", "قد
    ترفع الحكومة" / "سوف ترفع الحكومة", "يفضل معظم الطلاب" / "يفضل بعض
    الطلاب"? Those are stop words, never compared, yet the two say two
    things. The two runs, or an empty list. A run on one side only ("وقد
    أعلن" / "أعلن") is no change."""
    words_a, words_b = _modal_reading(words_a), _modal_reading(words_b)
    start = 0
    while start < min(len(words_a), len(words_b)) and words_a[start] == words_b[start]:
        start += 1
    end = 0
    while end < min(len(words_a), len(words_b)) - start and words_a[-1 - end] == words_b[-1 - end]:
        end += 1
    run_a, run_b = words_a[start : len(words_a) - end], words_b[start : len(words_b) - end]
    if not run_a or not run_b or len(run_a) > 2 or len(run_b) > 2:
        return []
    senses_a = {_sense(w) for w in run_a}
    senses_b = {_sense(w) for w in run_b}
    if None in senses_a or None in senses_b or senses_a & senses_b:
        return []
    return run_a + run_b


#: Every word of :data:`MODALITY`, also with و written on.
_MODAL_WORDS = frozenset(MODALITY) | frozenset("و" + word for word in MODALITY)


@lru_cache(maxsize=1 << 12)
def _senses(normalized: str) -> tuple[int, ...]:
    """The :data:`MODALITY` lines of a claim's words, as many times as
    they occur: two claims with the same (most: none) cannot differ by one
    run of such words, and are not read word by word (cached: a claim
    meets its block's members in turn)."""
    words = normalized.split()
    if _MODAL_WORDS.isdisjoint(words):
        return ()
    return tuple(sorted(sense for word in _modal_reading(words) if (sense := _sense(word)) is not None))


#: Words a run of quantity words may hold that say no quantity of their own
#: ("a few", "very few", "only a few").
_NEUTRAL = frozenset({"a", "an", "very", "only", "just"})


#: Words that say a thing may happen, and that it will: "may" against
#: "will" is a changed fact however reworded the rest (:func:`_certainty`).
#: Not "can" (ability: "500 trucks can now enter" / "said it would allow
#: 500 trucks"); "قد" only before a verb in the present ("قد تلجأ": may;
#: "وكان الرئيس قد وعد": had promised).
_POSSIBLE = frozenset(normalize_text("may might possibly perhaps ربما يحتمل لعل", None).split())
_FUTURE = frozenset(normalize_text("will shall would سوف", None).split())


#: Every word :func:`_certainty` reads.
_CERTAINTY = _POSSIBLE | _FUTURE | frozenset({"قد"}) | {"و" + word for word in _POSSIBLE | _FUTURE | {"قد"}}


#: How a verb with the Arabic future prefix begins: س then the prefix of
#: the present tense, و written on or not.
_FUTURE_STARTS = frozenset({"سي", "ست", "سن", "وسي", "وست", "وسن"})


def _certainty(words: list[str], text: str) -> tuple[bool, bool]:
    """Does a claim (its normalized words, its text) say a thing may happen,
    and does it say it will? ("may" against "will" however reworded:
    "Germany may extend border checks" / "Border checks will be
    extended".)"""
    if _CERTAINTY.isdisjoint(words):
        return False, False
    may_is_a_month = "may" in words and _Written(text).may
    possible = future = False
    for index, word in enumerate(words):
        bare = _unprefixed(word)
        if bare in _FUTURE:
            future = True
        elif bare == "قد":
            possible = possible or _may(words, index)
        elif bare in _POSSIBLE:
            possible = possible or not (bare == "may" and may_is_a_month)
    return possible, future


def _may(words: list[str], index: int) -> bool:
    """Does the "قد" at ``index`` say "may": before a verb in the present
    ("قد ترفع", "قد تصوت"), not a past ("قد تم", "قد تراجعت", "قد نشرت"),
    and, before a verb that may be a past ("تقدم"), not after "كان" within
    a few words, the past perfect ("وكان الجيش قد تقدم", had advanced)?"""
    after = words[index + 1] if index + 1 < len(words) else ""
    if after[:1] not in ("ي", "ت", "ن") or after in _PAST_AFTER_QAD:
        return False
    if after[0] == "ي":
        return True  # never a past, even after "كان": "الذي كان متوقفا قد يستأنف"
    if after[-1] == "ت" and len(after) > 3 and not (len(after) == 4 and after[2] in "وي"):
        # A feminine past: "قد تراجعت"; not a present whose third letter
        # is و or ي, "قد تموت" (a hollow verb), "قد تصوت".
        return False
    # "كان الجيش قد تقدم": a masculine past of a verb that begins with ت.
    return all(_unprefixed(w, "وف", 3) not in _KAN for w in words[max(0, index - 4) : index])


def _unprefixed(word: str, letters: str = "و", shortest: int = 2) -> str:
    """An Arabic word without one of ``letters`` written on it ("وقد",
    "فكانت"), where more than ``shortest`` letters stand with it."""
    return word[1:] if word[:1] in letters and len(word) > shortest else word


#: "كان" in the forms that open a past perfect with "قد".
_KAN = frozenset(normalize_text("كان كانت كانوا كنا", "ar").split())
#: Past verbs after "قد" that begin as a present does.
_PAST_AFTER_QAD = frozenset(normalize_text("تم تمت تمكن تمكنت توصل توصلت تعهد تعهدت", "ar").split())


def _modal_reading(words: list[str]) -> list[str]:
    """``words`` as :func:`_modality_changed` compares them: "a few" read
    as "several" (a small number; "few" alone is hardly any), and "a",
    "very", "only" left out."""
    read = []
    for index, word in enumerate(words):
        if word == "few" and index and words[index - 1] == "a":
            read.append("several")
        elif word not in _NEUTRAL:
            read.append(word)
    return read


def _sense(word: str) -> int | None:
    """The :data:`MODALITY` line of a normalized word, و written on or not."""
    sense = MODALITY.get(word)
    if sense is None and word[:1] == "و" and len(word) > 2:
        sense = MODALITY.get(word[1:])
    return sense


def _joins_clause(word: str) -> bool:
    """Does ``word`` (normalized) begin a joined clause: a conjunction, or
    a verb with و written on ("وفرضت", "ووزعت")? A word of three letters
    or fewer after و, or one ending in ه (ة, normalized), is more likely a
    noun that begins with و ("وزارة", "وكالة")."""
    return word in _CLAUSE_WORDS or (word[0] == "و" and len(word) > 4 and not word.endswith("ه"))


def _roles_swapped(words_a: list[str], words_b: list[str]) -> list[str]:
    """Who did what to whom, swapped: the same words, every one, with two
    runs of them traded across a run both keep between them ("the
    supermarket chain bought the bakery group" / "the bakery group bought
    the supermarket chain", "من البلديات إلى المحافظات" / "من المحافظات إلى
    البلديات"). Compared as sets the two are one claim. A clause moved
    whole trades places with no run between (a dateline, "because of the
    drought"), and a run of "and"/"و" alone joins two names in either order
    ("Egypt and Jordan"), so neither counts. The two runs, or ``[]``."""
    if len(words_a) != len(words_b) or words_a == words_b or Counter(words_a) != Counter(words_b):
        return []
    size = len(words_a)
    start = next(i for i in range(size) if words_a[i] != words_b[i])
    end = size - next(i for i in range(size) if words_a[size - 1 - i] != words_b[size - 1 - i])
    mid_a, mid_b = words_a[start:end], words_b[start:end]
    m = len(mid_a)
    for x in range(1, m - 1):
        if mid_a[:x] != mid_b[m - x :]:
            continue
        for y in range(1, m - x):
            between = mid_a[x : m - y]
            if (
                mid_a[m - y :] == mid_b[:y]
                and between == mid_b[y : m - x]
                and not all(w in _CONJUNCTIONS for w in between)
            ):
                return [" ".join(mid_a[:x]), " ".join(mid_a[m - y :])]
    return []


def _swapped_in_place(sequence_a: list[str], sequence_b: list[str]) -> bool:
    """Is the one sentence the other with a few words replaced where they
    stand (at one or two places), and nothing added, dropped or moved? That
    is a changed fact ("landed at Almaty"/"at Nur-Sultan airport"); outlets
    rewording a claim move, add and drop words too ("تراجع معدل
    التضخم"/"انخفض التضخم خلال شهر", "the NHS in England"/"England's
    National Health Service")."""
    a = [w for w in sequence_a if w[0] != "#"]
    b = [w for w in sequence_b if w[0] != "#"]
    in_a = set(a)
    only_a = in_a.difference(b)
    # Forms of one word ("ارتفع"/"يرتفع") count as the same word.
    b = [w if w in in_a else next((x for x in only_a if _forms_of_one(x, w)), w) for w in b]
    frame_a, places_a = _frame(a, set(b))
    frame_b, places_b = _frame(b, in_a)
    return frame_a == frame_b and places_a == places_b and 1 <= len(places_a) <= 2


def _frame(words: list[str], other: set[str]) -> tuple[list[str], set[int]]:
    """The words also in the other sentence, in order, and the places
    (positions in that frame) where the others stand."""
    frame: list[str] = []
    places = set()
    for word in words:
        if word in other:
            frame.append(word)
        else:
            places.add(len(frame))
    return frame, places


def _reworded(only_a: frozenset[str], only_b: frozenset[str]) -> int:
    """How many words differ between two claims, forms of one word aside
    (uncached: asked only for pairs whose figures conflict)."""
    words_a = [w for w in only_a if w[0] != "#"]
    words_b = [w for w in only_b if w[0] != "#"]
    return sum(1 for w in words_a if not any(_one_word(w, o) for o in words_b)) + sum(
        1 for w in words_b if not any(_one_word(w, o) for o in words_a)
    )


def _paired_forms(only_a: frozenset[str], only_b: frozenset[str]) -> int:
    """How many Arabic words of ``only_a`` are forms of a word of ``only_b``
    ("انقطاع"/"تنقطع"): shared words that the light Arabic stemming missed.
    English words are not paired: Snowball already joins their forms, and
    close spellings there are other words ("ground"/"found"). Not cached
    (only pairs short of shared words ask)."""
    words_b = [w for w in only_b if is_arabic(w)]
    if not words_b:
        return 0
    return sum(1 for w in only_a if is_arabic(w) and any(_one_word(w, o) for o in words_b))


@lru_cache(maxsize=1 << 18)
def _forms_of_one(a: str, b: str) -> bool:
    """ "ارتفع"/"يرتفع", "raised"/"raise": close spellings of one word. Two
    month or day names never are ("يونيو"/"يوليو", "June"/"July")."""
    return _one_word(a, b)


def _one_word(a: str, b: str) -> bool:
    """:func:`_forms_of_one`, uncached."""
    if a in CALENDAR_WORDS and b in CALENDAR_WORDS:
        return False
    if not is_arabic(a) and _other_beginning(a, b):
        return False
    if fuzz.ratio(a, b) >= MORPHOLOGY_RATIO:
        return True
    # Arabic forms of one root differ in their long vowels: "عاد"/"يعود".
    skeleton_a, skeleton_b = _skeleton(a), _skeleton(b)
    return len(skeleton_a) >= 2 and skeleton_a == skeleton_b


def _other_beginning(a: str, b: str) -> bool:
    """Do two Latin-script words end alike (three letters or more) after
    beginnings of two letters or more that start otherwise? Those are other
    words made with another prefix or first part: "northern"/"southern",
    "import"/"export", "increase"/"decrease", "upgrade"/"downgrade". Two
    spellings of one name differ in a letter or in the middle:
    "Gaddafi"/"Kadhafi" (beginnings "gadd"/"kadh", alike in half their
    letters: at least :data:`OTHER_BEGINNING`), "Kyiv"/"Kiev"."""
    common = 0
    while common < min(len(a), len(b)) and a[-1 - common] == b[-1 - common]:
        common += 1
    if common < 3 or min(len(a), len(b)) - common < 2:
        return False
    return fuzz.ratio(a[: len(a) - common], b[: len(b) - common]) < OTHER_BEGINNING


def _skeleton(word: str) -> str:
    """An Arabic word without its long vowels and weak letters (ا، و، ي);
    other scripts are returned as they are."""
    if not is_arabic(word):
        return word
    return word.translate(_WEAK_LETTERS)


def _day(said_on: str) -> int | None:
    """The day number of a date said ("2024-05-14..."), None when it is none."""
    try:
        return dt.date.fromisoformat(said_on[:10]).toordinal()
    except ValueError:
        return None
