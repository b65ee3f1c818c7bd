"""How the linker reads a claim's words: which words carry content, and the
one form each is compared in.

Outlets reword a claim: another form of a verb ("rose"/"rising",
"ارتفع"/"ارتفاعا"), an attached pronoun or plural ending ("المصرية"/"مصر"),
a synonym from the common stock of news copy ("cut"/"reduce",
"تراجع"/"انخفض", "موسكو"/"روسيا"). Character scores on the raw words count
each of these as a difference, so a reworded claim falls under the
threshold. Here every word is brought to one form first:

1. stemming: light Arabic stemming (the article and و in front, pronoun,
   plural, feminine and nisba endings behind), never below three letters,
   so names survive; English words by the Snowball stemmer (PyStemmer);
2. the synonym groups of ``lexicon.txt``: each word becomes its group's
   first word.

Number words, stop words and digits are not content (figures are compared
as figures). All of it is a dictionary lookup per distinct word, cached:
linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import Stemmer

from claimtrack import normalize_text

LEXICON = Path(__file__).with_name("lexicon.txt")

#: Arabic article forms stripped in front, longest first.
_ARABIC_PREFIXES = ("وال", "فال", "بال", "كال", "ولل", "لل", "ال")
#: Arabic present-tense prefixes, tried when a verb is not listed as written.
_IMPERFECT = frozenset("يتن")
#: Arabic one-letter prepositions written onto the next word ("لأكثر").
_CLITICS = frozenset("بلكف")


def _is_number(word: str) -> bool:
    """Digits ("2500", "3.5", "40%"): figures, compared as figures."""
    return word.replace(".", "").replace("%", "").isdigit()


#: Arabic endings stripped behind a word, longest first: attached pronouns,
#: dual and plural endings, the feminine and nisba endings (ة and ى already
#: folded to ه and ي by normalization), the past tense's ت ("بلغت").
_ARABIC_SUFFIXES = ("هما", "كما", "تين", "ها", "هم", "ان", "ات", "ون", "ين", "وا", "يه", "ه", "ي", "ا", "ت")
_SNOWBALL_EN = Stemmer.Stemmer("english")


def arabic_stem(word: str) -> str:
    """Prefixes off the front, endings off the back, while at least three
    letters remain: "والمصرية" → "مصر", "الكازاخستانية" and "كازاخستان" →
    "كازاخست". A one-letter prefix is not taken: a word may begin with و،
    ب، ل، ك or ف ("وزارة", "لبنان"), and only "ال" after them shows they
    are clitics ("بالعراق"). :meth:`Lexicon.form` reads a و written onto a
    word the lexicon knows ("وأعلن"), and the linker one written onto a
    word of the claims being linked."""
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix) :]
            break
    for round_ in range(2):
        # The past tense's ت ends a word; a ت left by another ending is the
        # word's own ("كازاخستان" → "كازاخست").
        for suffix in _ARABIC_SUFFIXES if round_ == 0 else _ARABIC_SUFFIXES[:-1]:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


def arabic_variants(form: str) -> list[str]:
    """Words an Arabic word's compared form may be another form of, most
    likely first, for the linker to try against the words of the claims
    it links (:func:`claimtrack_linker.fuzzy._join_forms`): forms the light
    stemmer leaves apart because they change the word's front or inside,
    not its ending.

    * a preposition or conjunction written on: "لمصر" → "مصر" (ب، ل، ك،
      ف، و);
    * a broken plural of the common patterns: "أسعار" → "سعر" (af'al),
      "مصارف" → "مصرف" (mafa'il), "حرائق" → "حريق" (fa'a'il).

    Each is only a guess from the letters; the linker takes one only when
    it is itself a word of the claims being linked. Verb forms were tried
    too (the future's س, the present tense's prefix, verbal nouns: "سيسمح"
    → "سمح", "إعلان" → "أعلن", "توقيع" → "وقع", "هبوط" → "هبط", "فوز" →
    "فاز") and left out: on the tuning sets they linked no pair more, and
    with a larger vocabulary (the Arabic extraction articles' words added)
    they linked fewer, and "تشغيل" → "شغل" merged two different claims."""
    n = len(form)
    if n < 4 or not is_arabic(form):
        return []
    found = []
    if form[0] in "بلكفو":
        found.append(form[1:])
    if n == 5 and form[0] == "ا" and form[3] == "ا":
        found.append(form[1:3] + form[4])  # أفعال
    if n == 5 and form[2] == "ا":
        if form[0] == "م":
            found.append(form[:2] + form[3:])  # مفاعل
        if form[3] == "ي":
            found.append(form[:2] + "ي" + form[4])  # فعائل
    return found


def english_stem(word: str) -> str:
    """The Snowball (Porter 2) stem of an English word, from PyStemmer:
    "deals" → "deal", "reached" → "reach", "continued", "continues" and
    "continuing" → "continu", "cities" → "citi". Short words and words with
    digits (names, acronyms: "us", "csto", "jet2") stay as they are.

    Measured against the light stemmer it replaces (plural, past and -ing
    endings only) on the three tuning sets: 3 more same-claim pairs linked,
    none more different pairs merged. Snowball's Arabic stemmer was measured
    too and not taken: it links fewer pairs than :func:`arabic_stem` alone
    and on top of it (it expects the ة that normalization folds to ه)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    return _SNOWBALL_EN.stemWord(word)


def is_arabic(word: str) -> bool:
    """Is ``word`` (normalized) written in Arabic letters? Its first letter
    tells: normalization leaves no word of two scripts."""
    return bool(word) and "\u0621" <= word[0] <= "\u064a"


def stem(word: str) -> str:
    """The stem of one normalized word, in whichever script it is written."""
    if is_arabic(word):
        return arabic_stem(word)
    return english_stem(word)


def read_lexicon(path: Path) -> dict[tuple[str, str], list[list[str]]]:
    """``lexicon.txt`` as {(kind, language): lines of words}."""
    sections: dict[tuple[str, str], list[list[str]]] = {}
    current: list[list[str]] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        header = re.fullmatch(r"\[(\w+) (\w+)\]", line)
        if header:
            current = sections.setdefault((header[1], header[2]), [])
        elif current is None:
            raise ValueError(f"{path}:{number}: words before any [section]")
        else:
            current.append(line.split())
    return sections


#: Marks a word of a phrase matched as written, not as a form.
_AS_WRITTEN = "="
#: Object pronouns that stand between a verb and its particle ("called it
#: off", "propped them up"), as matched: a phrase of a verb and a particle
#: written as such is read across one of them.
_OBJECTS = frozenset(_AS_WRITTEN + word for word in ("it", "them", "him", "her", "this", "that"))


def _between(matched: str | None, phrase: tuple[str, ...]) -> bool:
    """May ``matched`` stand between the two words of ``phrase``: an object
    pronoun before a particle ("called it off"), or a number, which is
    compared as a figure ("claimed 12 lives")?"""
    if matched is None or matched[0] != _AS_WRITTEN:
        return False
    if matched[1:2].isdigit():
        return True
    return phrase[1][0] == _AS_WRITTEN and matched in _OBJECTS


class Lexicon:
    """Stop words, number words and synonym groups, stemmed as claim words
    are; :meth:`form` gives the form a word is compared in."""

    def __init__(self, path: Path = LEXICON) -> None:
        self.sections = read_lexicon(path)
        listed = self.lines
        #: Words read as written, each as its line's first word: forms whose
        #: stem is another word's (``[written LANG]``).
        self.written: dict[str, str] = {}

        def forms(words: list[str], language: str) -> list[str]:
            return [stem(w) for text in words for w in normalize_text(text, language).split()]

        # Stop words and number words are matched as written (after a leading
        # و), not stemmed: "قبلت" (accepted) is not "قبل" (before), and
        # "الاثنين" (Monday) is not "اثنين" (two).
        self.stopwords: frozenset[str] = frozenset(
            w for line, lang in listed("stopwords") for w in normalize_text(" ".join(line), lang).split()
        )
        self.numbers: frozenset[str] = frozenset(
            w for line, lang in listed("numbers") for w in normalize_text(" ".join(line), lang).split()
        )
        #: Month names, normalized; a month named in two words ("كانون_الثاني")
        #: by its first.
        self.months: frozenset[str] = frozenset(
            w
            for line, lang in listed("calendar")
            for w in normalize_text(" ".join(name.split("_")[0] for name in line), lang).split()
        )
        #: Month and day names, normalized.
        self.calendar: frozenset[str] = self.months | frozenset(
            w for line, lang in listed("weekdays") for w in normalize_text(" ".join(line), lang).split()
        )
        # Words first, then phrases ("united_states"): a phrase is matched on
        # the forms of its words, which the word synonyms decide.
        self.synonyms: dict[str, str] = {}
        groups = [(line, lang) for line, lang in listed("synonyms")]
        for line, lang in groups:
            words = [w for w in line if "_" not in w]
            heads = forms(line[:1], lang) if "_" not in line[0] else []
            for member in forms(words, lang):
                self.synonyms.setdefault(member, heads[0] if heads else "")
        self._forms = _Forms(self._form)
        #: first word's form -> [(the phrase's forms, its group's form)], longest first.
        self.phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for line, lang in groups:
            head = None
            for member in line:
                # A word of a phrase that is no content ("off" of "call off")
                # is matched as written: as a form (None) it would match any
                # stop word ("they called the move unfair").
                member_forms = tuple(
                    self.form(w) or _AS_WRITTEN + w
                    for w in normalize_text(member.replace("_", " "), lang).split()
                )
                if head is None:
                    head = (
                        "_".join(f for f in member_forms if not f.startswith(_AS_WRITTEN))
                        if "_" in member
                        else member_forms[0]
                    )
                if "_" in member and member_forms and member_forms[0] and head:
                    self.phrases.setdefault(member_forms[0], []).append((member_forms, head))
            if head and "_" in line[0]:
                # A group headed by a phrase: its single words stand for it.
                for member in forms([w for w in line if "_" not in w], lang):
                    self.synonyms[member] = head
        for options in self.phrases.values():
            options.sort(key=lambda option: -len(option[0]))
        for line, lang in listed("written"):
            words = normalize_text(" ".join(line), lang).split()
            head = self.form(words[0]) or words[0]
            self.written.update((word, head) for word in words)
        # The phrases' words and the written ones were read before the
        # phrases were known: read them again.
        self._forms.clear()

    def lines(self, kind: str) -> list[tuple[list[str], str]]:
        """The lines of the ``[kind LANG]`` sections, each with its language."""
        return [(line, lang) for (k, lang), lines in self.sections.items() if k == kind for line in lines]

    def read(self, words: list[str]) -> list[str]:
        """The compared forms of a claim's normalized words, in order, with
        the lexicon's phrases ("united states", "نصف النهائي") each read as
        its group's one form and words that are not content left out."""
        known = self._forms
        return self.join_phrases([known[word] for word in words], words)

    def join_phrases(self, forms: list[str | None], words: list[str] | None = None) -> list[str]:
        """``forms`` (None for a word that is not content) with each of the
        lexicon's phrases read as its group's one form, Nones left out.
        ``words``, the normalized words the forms were read from, let a
        phrase match a word that is not content ("call off")."""
        phrases = self.phrases
        if not any(f in phrases for f in forms if f):
            return [f for f in forms if f is not None]
        matched = [
            form if form is not None else (_AS_WRITTEN + words[i] if words else None)
            for i, form in enumerate(forms)
        ]
        read: list[str] = []
        index = 0
        while index < len(forms):
            current = forms[index]
            for phrase, head in phrases.get(current, ()) if current else ():
                if tuple(matched[index : index + len(phrase)]) == phrase:
                    read.append(head)
                    index += len(phrase)
                    break
                if (
                    len(phrase) == 2
                    and tuple(matched[index + 2 : index + 3]) == phrase[1:]
                    and _between(matched[index + 1], phrase)
                ):
                    read.append(head)  # "called it off", "claimed 12 lives"
                    index += 3
                    break
            else:
                if current is not None:
                    read.append(current)
                index += 1
        return read

    def form(self, word: str) -> str | None:
        """The form a normalized word is compared in, or None when it is
        not content (a stop word, a number, a single letter)."""
        return self._forms[word]

    def _form(self, word: str) -> str | None:
        """:meth:`form`, worked out (each word once: :class:`_Forms`)."""
        bare = word[1:] if word.startswith("و") and len(word) > 3 else word
        result: str | None = self.written.get(word) or self.written.get(bare)
        if result is not None:
            return result
        # A number word with the article ("الستة عشر", "الثلاثة"), a hedge
        # with a preposition written on ("لأكثر من", "بنحو"): still a number
        # word, still a stop word. Day names are not numbers ("الاثنين").
        article = word[2:] if word.startswith("ال") and word not in self.calendar else ""
        clitic = word[1:] if word[0] in _CLITICS and len(word) > 3 else ""
        if (
            word in self.stopwords
            or bare in self.stopwords
            or word in self.numbers
            or bare in self.numbers
            or article in self.numbers
            or clitic in self.stopwords
            or clitic in self.numbers
            or _is_number(word)
        ):
            result = None
        else:
            stemmed = stem(word)
            if len(stemmed) < 2 or _is_number(stemmed):
                result = None
            else:
                result = self._listed(stemmed)
                if result is None and bare is not word:
                    # و written onto a word the lexicon lists: "وأعلن", "وتوج".
                    result = self._listed(stem(bare))
                if result is None:
                    result = stemmed
        return result

    def _listed(self, stemmed: str) -> str | None:
        """The group form of a stemmed word the synonyms list, or None."""
        result = self.synonyms.get(stemmed) or None
        if result is None and stemmed[0] == "س" and len(stemmed) > 3 and stemmed[1] in _IMPERFECT:
            return self._listed(stemmed[1:])  # the future: "سيستوعب" of "استوعب", "سيصل" of "يصل"
        if result is None and stemmed[0] in _IMPERFECT and len(stemmed) > 3:
            # "يسجل"/"تسجل": the present tense of a listed verb; "تعلن"
            # of "أعلن", whose past begins with a hamza (folded to ا);
            # "يتصدر" of "تصدر", whose past begins with ت.
            rest = stemmed[1:]
            result = self.synonyms.get(rest) or self.synonyms.get("ا" + rest) or None
            if result is None and rest[0] == "ت" and len(rest) > 3:
                result = self._listed(rest)
        return result


class _Forms(dict[str, str | None]):
    """Each word read so far and its form: a claim's words are looked up
    here in one pass, and a word not seen before is worked out once."""

    def __init__(self, work_out: Callable[[str], str | None]) -> None:
        super().__init__()
        self.work_out = work_out

    def __missing__(self, word: str) -> str | None:
        form = self[word] = self.work_out(word)
        return form


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon shipped with the plugin, loaded once."""
    return Lexicon()


def neighbours(words: list[str], start: int, end: int) -> frozenset[str]:
    """What stands on either side of ``words[start:end]`` (a name, a date):
    the nearest content word before and after it within :data:`_REACH`
    words, in its compared form, or a number as written; function words are
    passed over ("in June next year": "elections" and "year"). Two claims that put two names in one
    place ("sanctions on Iranian officials" / "on Belarusian officials")
    name two things; put elsewhere ("Israeli strike ..." / "..., Palestinian
    health ministry says") they may name two parties of one event."""
    before = next(
        (n for n in (_neighbour(words[i]) for i in range(start - 1, max(start - 1 - _REACH, -1), -1)) if n),
        None,
    )
    after = next(
        (n for n in (_neighbour(words[i]) for i in range(end, min(end + _REACH, len(words)))) if n), None
    )
    return frozenset(n for n in (before, after) if n)


#: How many words :func:`neighbours` looks past on each side: a name
#: written 4,000 times with function words between ("U.S. U.S. ...") is
#: read in linear time.
_REACH = 4


def _neighbour(word: str) -> str | None:
    """A word as a neighbour: its compared form, a number as written, or
    None for a function word."""
    if _is_number(word):
        return word
    return lexicon().form(word)


def in_one_place(named_a: dict, named_b: dict) -> list:
    """Two things (countries, dates), one that each claim names and the
    other does not, named in one place: sharing what stands next to them
    (``named_a``/``named_b``: each thing a claim names, with its
    :func:`neighbours`). "sanctions on Iranian officials" / "on Belarusian
    officials" name two countries in one place; "Israeli strike ..." /
    "..., Palestinian health ministry says" do not. The two, or an empty
    list."""
    for thing_a, around_a in named_a.items():
        if thing_a in named_b:
            continue
        for thing_b, around_b in named_b.items():
            if thing_b not in named_a and not around_a.isdisjoint(around_b):
                return [thing_a, thing_b]
    return []
