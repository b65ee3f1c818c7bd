"""Text normalization: the one place that decides when two spellings are "the
same text" for search, linking and extraction.

Arabic news text writes the same word many ways: with or without diacritics
(harakat) and tatweel, with any of the alef/hamza forms (أ إ آ ٱ ا), ya or
alef maqsura (ي ى), ta marbuta or ha (ة ه), Persian ya and kaf, and numbers in
Western, Arabic-Indic (٠-٩) or Persian (۰-۹) digits with Arabic separators.
:func:`normalize` folds all of these, plus case and Latin diacritics, so that
"إرسال أول دفعة" and "ارسال اول دفعه" compare equal, and "٢٥٠٠" equals
"2500" and "2,500".

The core registers :func:`normalize` as the default ``normalize_text`` hook
implementation; call :func:`claimtrack.normalize_text` to go through the hook.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet

#: One-to-one letter folds (length preserving). Quotation marks are left
#: alone: extractors need to tell an opening mark from a closing one.
_LETTER_FOLDS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ی": "ي",  # Persian yeh
    "ې": "ي",
    "ة": "ه",
    "ۀ": "ه",
    "ؤ": "و",
    "ئ": "ي",
    "ک": "ك",  # Persian kaf
    "٫": ".",  # Arabic decimal separator
    "٬": ",",  # Arabic thousands separator
    "،": ",",
    "؛": ";",
    "؟": "?",
}
# Every Unicode decimal digit (Arabic-Indic, Persian, Devanagari, ...) → ASCII.
_DIGIT_FOLDS = {
    cp: str(unicodedata.digit(chr(cp)))
    for cp in range(0x0660, 0x1100)
    if unicodedata.category(chr(cp)) == "Nd"
}
_FOLDS = {**_LETTER_FOLDS, **{chr(cp): digit for cp, digit in _DIGIT_FOLDS.items()}}
_LETTER_PAIRS = tuple(_LETTER_FOLDS.items())
_DIGITS = re.compile("[" + "".join(chr(cp) for cp in _DIGIT_FOLDS) + "]")


def _fold_match(match: re.Match[str]) -> str:
    return _FOLDS[match.group()]


def _fold(text: str) -> str:
    """Every character of :data:`_FOLDS` replaced by its fold.

    One ``str.replace`` per letter fold that occurs (each a C loop) and a
    regex only when a non-ASCII digit is present: twice as fast on Arabic
    text as one regex calling back per folded letter, and four times as
    fast as ``str.translate``, which boxes every character."""
    for letter, fold in _LETTER_PAIRS:
        if letter in text:
            text = text.replace(letter, fold)
    if _DIGITS.search(text):
        text = _DIGITS.sub(_fold_match, text)
    return text


#: Arabic diacritics (tanwin, harakat, shadda, sukun, superscript alef,
#: Quranic marks) and tatweel: removed.
_REMOVABLE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f]+")
# The separator first, the digit before it checked behind: a pattern that
# starts with a character class lets the regex engine skip ahead (3x faster).
_THOUSANDS = re.compile(r"[,\u066c'](?<=\d.)(?=\d{3}(?!\d))")
_ACCENTED = re.compile("[\u00c0-\u036f\u0370-\u04ff\u1e00-\u1fff]")
# Latin letters that carry their mark in the letter, which NFD leaves
# whole: "Diyarbakır", "Øresund", "Łódź" are written without them too.
_LATIN_LETTERS = str.maketrans(
    {
        **{"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "æ": "ae", "œ": "oe", "þ": "th"},
        **{"Ø": "O", "Ł": "L", "Đ": "D", "Ð": "D", "Ħ": "H", "Æ": "AE", "Œ": "OE", "Þ": "TH"},
    }
)
# Punctuation becomes a space; a dot only when it is not between digits
# ("3.5" stays), looked for only in texts that have one.
_PUNCT = re.compile(r"[^\w\s.%]|_")
_DOT = re.compile(r"\.(?<!\d\.)|\.(?!\d)")

ARABIC_LETTERS = re.compile("[\u0621-\u064a\u0671-\u06d3]")


def fold_chars(text: str) -> str:
    """Letter and digit folds that keep the length of the text, so offsets
    found in the result are offsets in the original."""
    return _fold(text)


class OffsetMap:
    """Maps positions in folded text back to the original, after diacritics
    and tatweel were dropped. Stores one entry per dropped run, not one per
    character, so a 1 MB text with diacritics costs kilobytes, not megabytes.
    """

    __slots__ = ("_shifts", "_starts")

    def __init__(self, starts: list[int], shifts: list[int]) -> None:
        self._starts = starts  # folded position where each kept run starts
        self._shifts = shifts  # characters dropped before that run

    def __getitem__(self, position: int) -> int:
        i = bisect.bisect_right(self._starts, position) - 1
        return position + (self._shifts[i] if i >= 0 else 0)


#: The last text folded and its result: the extractor and the date finder of
#: one document fold the same text object one after the other.
_last_folded: list = [None, None]


def fold_with_offsets(text: str) -> tuple[str, OffsetMap | None]:
    """Fold letters and digits and drop diacritics and tatweel.

    Returns the folded text and, when characters were dropped, an
    :class:`OffsetMap` from folded positions to original ones; None means
    positions are unchanged. Extractors match on the folded text and report
    spans in the original with :func:`original_offset`.
    """
    if text is _last_folded[0]:
        return _last_folded[1]
    result = _fold_with_offsets(text)
    _last_folded[:] = [text, result]
    return result


def _fold_with_offsets(text: str) -> tuple[str, OffsetMap | None]:
    folded = _fold(text)
    if not _REMOVABLE.search(folded):
        return folded, None
    pieces: list[str] = []
    starts: list[int] = []
    shifts: list[int] = []
    pos = 0  # in the translated text
    kept = 0  # length of the folded text so far
    for match in _REMOVABLE.finditer(folded):
        pieces.append(folded[pos : match.start()])
        kept += match.start() - pos
        pos = match.end()
        starts.append(kept)
        shifts.append(pos - kept)
    pieces.append(folded[pos:])
    return "".join(pieces), OffsetMap(starts, shifts)


def original_offset(offsets: OffsetMap | None, position: int) -> int:
    """The offset in the original text of ``position`` in folded text."""
    return position if offsets is None else offsets[position]


def fold_digits(text: str) -> str:
    """Arabic-Indic and Persian digits (and every other decimal digit) to
    ASCII, Arabic separators to Western ones, thousands separators removed."""
    return _THOUSANDS.sub("", _fold(text))


def normalize(text: str) -> str:
    """The search/linking form of ``text``: NFKC (Arabic presentation forms to
    letters), case folded, Arabic letters and digits folded, diacritics,
    tatweel, thousands separators and punctuation removed, spaces collapsed;
    Latin letters with a mark of their own too ("ı", "ø", "ł").

    Works for any script; language-specific plugins can refine it through the
    ``normalize_text`` hook.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _REMOVABLE.sub("", _fold(text)).casefold()
    if _ACCENTED.search(text):
        text = fold_accents(text)
    if "," in text or "'" in text:  # the only separators left after folding
        text = _THOUSANDS.sub("", text)
    text = _PUNCT.sub(" ", text)
    if "." in text:
        text = _DOT.sub(" ", text)
    return " ".join(text.split())


def fold_accents(text: str) -> str:
    """``text`` without the diacritics of Latin, Greek and Cyrillic letters
    ("Bogotá": "Bogota") and with the Latin letters that carry their mark
    in the letter written plain ("Diyarbakır", "Łódź": "Diyarbakir",
    "Lodz"), case kept: what :func:`normalize` does to accents, for a
    plugin that needs the case too (an English place name counts only
    where it is written with a capital)."""
    decomposed = unicodedata.normalize("NFD", text)
    text = unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))
    return text.translate(_LATIN_LETTERS)


def has_arabic(text: str) -> bool:
    return ARABIC_LETTERS.search(text) is not None


# Arabic clitics written as part of the next word: a conjunction (و، ف), a
# preposition (ب، ل، ك) and the article (ال). Longest first.
_CLITIC_FORMS = r"(?:وال|فال|بال|كال|ولل|فلل|لل|ال|و|ف|ب|ل|ك)(?=\w{3,})"
_CLITICS = re.compile("^" + _CLITIC_FORMS)


def word_trie(words: Iterable[str], space: str | None = None) -> str:
    """Regex source matching exactly ``words``, factored by common prefixes
    (``["by", "be"]`` gives ``"(?:b(?:e|y))"``): each step tests one character
    against a few literals, where a plain alternation would try every word
    in turn. A space in a word becomes ``space`` when given (a run of
    spaces, say), else a literal space. For the scans of date and cue
    words, which run over every word of a text."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [
            (space if space is not None and c == " " else re.escape(c)) + build(sub)
            for c, sub in sorted(node.items())
            if c
        ]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return build(tree)


def word_start(literal: str, letters: str = r"\w") -> str:
    """Regex source for ``literal`` (regex source of fixed width, such as
    ``re.escape(word)``) where a word starts: not right after a character
    of the class ``letters``.

    The literal comes first and the word start is checked behind it, so the
    regex engine searches for the literal (or, for alternatives that each
    start with one, for their first characters) instead of trying a
    pattern that opens with a lookbehind at every character of the text:
    2.6x faster for the Arabic complementizers, and the per-word scans of
    the extractors rely on it."""
    return f"{literal}(?<!{letters}{literal})"


def find_words(
    text: str,
    words: AbstractSet[str] | Mapping[str, object],
    letters: str = r"\w",
    key: Callable[[str], str] | None = None,
) -> list[tuple[int, str]]:
    """``(start, word as written)`` of every whole word of ``text`` (a run
    of ``letters``) that is in ``words`` (a set, or a mapping's keys; after
    ``key``, e.g. str.lower), in text order.

    For extractors that look for a few hundred cue words: the words of the
    text are listed by one regex and matched against ``words`` with set
    operations, and only the spellings present are then looked for (one
    :func:`word_start` regex each), rather than a Python step per word of
    the text (which was a sixth of the Arabic extractor's time)."""
    runs, patterns = _word_patterns(letters)
    written = runs.findall(text)
    if key is None and isinstance(words, Mapping):
        present = words.keys() & written  # one C-level pass
    else:
        pool = words.keys() if isinstance(words, Mapping) else words
        present = {w for w in set(written) if (key(w) if key else w) in pool}
    found = []
    for word in present:
        pattern = patterns.get(word)
        if pattern is None:
            if len(patterns) > 4096:
                patterns.clear()
            pattern = patterns[word] = re.compile(word_start(re.escape(word), letters) + f"(?!{letters})")
        found.extend((m.start(), word) for m in pattern.finditer(text))
    found.sort()
    return found


@functools.lru_cache(maxsize=16)
def _word_patterns(letters: str) -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]]:
    """The regex for runs of ``letters``, and the whole-word regexes made
    so far for words of those letters."""
    return re.compile(f"{letters}+"), {}


# The clitics at the start of every word of a text (after a space or at
# its start), one alternative per first letter (see word_start).
_WORD_CLITICS = re.compile(
    "|".join(
        word_start(first, r"\S") + f"(?:{rest})(?=\\w{{3,}})"
        for first, rest in (
            ("و", "ال|لل|"),
            ("ف", "ال|لل|"),
            ("ب", "ال|"),
            ("ك", "ال|"),
            ("ل", "ل|"),
            ("ا", "ل"),
        )
    )
)


def light_stem(word: str) -> str:
    """Strip the leading Arabic clitics from a normalized word:
    "والاستقرار" → "استقرار", "لزعزعه" → "زعزعه". At least three letters
    always remain. Words in other scripts are returned unchanged."""
    if not word or not ("\u0621" <= word[0] <= "\u064a"):
        return word
    return _CLITICS.sub("", word, count=1)


def search_form(normalized: str) -> str:
    """What the full-text index stores for a normalized text: each word in
    its clitic-free form. Queries are stemmed the same way
    (:func:`light_stem`), so "زعزعة استقرار" finds "لزعزعة الاستقرار" and
    the exact words still match; the index holds one form per word."""
    if not any("\u0621" <= c <= "\u064a" for c in normalized[:1] + normalized[-1:]) and normalized.isascii():
        return normalized
    # light_stem on every word, in one regex pass rather than one per word.
    return " ".join(_WORD_CLITICS.sub("", normalized).split())
