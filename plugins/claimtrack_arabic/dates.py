"""Date references in Arabic news text, resolved against the publication date.

:func:`find_dates` finds weekdays ("بحلول يوم الجمعة"), relative days and
periods ("أمس", "قبل يومين", "خلال اليومين الأخيرين", "الشهر الماضي"),
explicit dates in Gregorian, Levantine and Maghrebi month names or digits
("6 كانون الثاني/يناير 2022", "الـ7 من أكتوبر", "7/1/2022") and years
("عام 2021"), with the relation word in front of them (بحلول، حتى، قبل، بعد،
منذ، اعتبارا من).

How it works: the text is folded once (letter variants, digits, diacritics,
tatweel: :func:`claimtrack.fold_with_offsets`), then one precompiled regular
expression scans the folded text. Every quantifier in it is bounded (runs of
spaces count at most three), so a match attempt costs a bounded amount of work
and the scan is linear in the length of the text. Each hit is resolved by
plain date arithmetic; a second small expression re-reads only the matched
span to pick out its parts. Spans are mapped back to the original text, so
``text[m.start:m.end] == m.raw``.

dateparser is not used here: it needs about a millisecond a call, does not
know the Levantine or Maghrebi month names, and resolves bare Arabic weekdays
to the past only; explicit dates are simple enough to read directly. The rules
(which day a bare weekday means, what "قبل أيام" spans) are documented in
``docs/dates.md``.
"""

from __future__ import annotations

import datetime as dt
import re

from claimtrack import DateMention, calendar, fold_with_offsets, original_offset, word_trie

__all__ = ["find_dates"]

# ---------------------------------------------------------------------------
# Vocabulary, in folded spelling (أ/إ/آ → ا, ة → ه, ى/ئ → ي, ؤ → و, no
# diacritics or tatweel, ASCII digits, "،" → ",").
# ---------------------------------------------------------------------------

#: Horizontal white space between words; runs are bounded so that no pattern
#: can backtrack over an unbounded stretch of blanks.
_H = "[\\x20\\t\\u00a0\\u2009\\u202f]"
_SP = _H + "{1,3}"
_OSP = _H + "{0,3}"

WEEKDAYS = {
    "الاثنين": 0,
    "الاتنين": 0,
    "الثلاثاء": 1,
    "الثلاثا": 1,
    "الثلثاء": 1,
    "الاربعاء": 2,
    "الاربعا": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}

MONTHS = {
    # Gregorian names as written in Egypt and the Gulf.
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "ابريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يونيه": 6,
    "يوليو": 7,
    "يوليه": 7,
    "اغسطس": 8,
    "سبتمبر": 9,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
    # Levantine and Iraqi (Syriac) names.
    "كانون الثاني": 1,
    "كانون ثاني": 1,
    "شباط": 2,
    "اذار": 3,
    "نيسان": 4,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "اب": 8,
    "ايلول": 9,
    "تشرين الاول": 10,
    "تشرين اول": 10,
    "تشرين الثاني": 11,
    "تشرين ثاني": 11,
    "كانون الاول": 12,
    "كانون اول": 12,
    # Algeria and Tunisia (French-derived), Morocco.
    "جانفي": 1,
    "فيفري": 2,
    "افريل": 4,
    "ماي": 5,
    "جوان": 6,
    "جويليه": 7,
    "اوت": 8,
    "يوليوز": 7,
    "غشت": 8,
    "شتنبر": 9,
    "نونبر": 11,
    "دجنبر": 12,
}

#: Month names that are also ordinary words once folded: آب/أب "father",
#: ماي, جوان (names). Without a day they need a year, a modifier, a period
#: part or the word شهر. Other month names alone need at least a cue in front
#: (في، خلال، a relation word): مارس is also "he practised".
AMBIGUOUS_MONTHS = frozenset({"اب", "ماي", "جوان"})

#: Modifiers after a weekday, month, week, month or year word.
FUTURE_MODS = ("المقبل", "المقبله", "القادم", "القادمه", "الاتي", "الاتيه")
PAST_MODS = (
    "الماضي",
    "الماضيه",
    "المنصرم",
    "المنصرمه",
    "الفايت",
    "الفايته",
    "السابق",
    "السابقه",
    "الاخير",
    "الاخيره",
)
CURRENT_MODS = ("الجاري", "الجاريه", "الحالي", "الحاليه", "هذا", "هذه")
BEFORE_LAST_MODS = ("قبل الماضي", "قبل الماضيه")

#: Relation words in front of a date, and the relation they give.
RELATIONS = {
    "بحلول": "by",
    "مع حلول": "by",
    "عند حلول": "by",
    "في موعد اقصاه": "by",
    "في موعد لا يتجاوز": "by",
    "حتي": "until",
    "لغايه": "until",
    "الي غايه": "until",
    "الي حين": "until",
    "قبل": "before",
    "قبيل": "before",
    "بعد": "after",
    "بعيد": "after",
    "منذ": "since",
    "اعتبارا من": "since",
    "ابتداء من": "since",
    "ابتداءا من": "since",
    "بدءا من": "since",
    "بدايه من": "since",
    "انطلاقا من": "since",
}

#: Relation words that say which way a date without a year (or a bare
#: weekday) lies: "بحلول" (by) looks forward, "منذ" (since) back. "حتى",
#: "قبل", "بعد" and "اعتبارا من" can go either way.
LEANS = {
    "بحلول": "from",
    "مع حلول": "from",
    "عند حلول": "from",
    "في موعد اقصاه": "from",
    "في موعد لا يتجاوز": "from",
    "منذ": "upto",
}

#: Parts of a period. The beginning and the end are days (مطلع العام → 1
#: January, نهاية الشهر → its last day); early, middle and late are thirds
#: of the period (أوائل الشهر → days 1-10, أواخر 2021 → September-December).
PARTS = {
    "مطلع": "start",
    "مستهل": "start",
    "بدايه": "start",
    "بدء": "start",
    "اول": "start",
    "نهايه": "end",
    "اخر": "end",
    "ختام": "end",
    "اوايل": "early",
    "منتصف": "middle",
    "اواسط": "middle",
    "وسط": "middle",
    "اواخر": "late",
}

#: Times of day in front of a day: صباح اليوم, مساء أمس, ليلة الجمعة.
TIMES_OF_DAY = (
    "صباح",
    "صبيحه",
    "مساء",
    "ليله",
    "فجر",
    "ظهر",
    "ظهيره",
    "عصر",
    "نهار",
    "منتصف ليله",
    "منتصف ليل",
)

#: Days relative to the reference.
DAY_WORDS = {
    "اليوم": 0,
    "الليله": 0,
    "يومنا هذا": 0,
    "امس": -1,
    "الامس": -1,
    "يوم امس": -1,
    "البارحه": -1,
    "الليله الماضيه": -1,
    "الليله البارحه": -1,
    "الليله الفايته": -1,
    "غدا": 1,
    "الغد": 1,
    "يوم غد": 1,
    "يوم الغد": 1,
}
#: Days two away, tried before relation words so that "بعد الغد" is not
#: "after tomorrow".
TWO_DAY_WORDS = {
    "اول امس": -2,
    "اول من امس": -2,
    "امس الاول": -2,
    "قبل امس": -2,
    "قبل الامس": -2,
    "بعد غد": 2,
    "بعد الغد": 2,
}

#: Units of time: word → (unit, count the word itself carries or None).
UNITS = {
    "يوم": ("day", 1),
    "يوما": ("day", 1),
    "ايام": ("day", None),
    "يومين": ("day", 2),
    "يومان": ("day", 2),
    "اسبوع": ("week", 1),
    "اسبوعا": ("week", 1),
    "اسابيع": ("week", None),
    "اسبوعين": ("week", 2),
    "اسبوعان": ("week", 2),
    "شهر": ("month", 1),
    "شهرا": ("month", 1),
    "اشهر": ("month", None),
    "شهور": ("month", None),
    "شهرين": ("month", 2),
    "شهران": ("month", 2),
    "عام": ("year", 1),
    "عاما": ("year", 1),
    "اعوام": ("year", None),
    "عامين": ("year", 2),
    "عامان": ("year", 2),
    "سنه": ("year", 1),
    "سنوات": ("year", None),
    "سنين": ("year", None),
    "سنتين": ("year", 2),
    "سنتان": ("year", 2),
    "ساعه": ("hour", 1),
    "ساعات": ("hour", None),
    "ساعتين": ("hour", 2),
    "ساعتان": ("hour", 2),
    "دقيقه": ("minute", 1),
    "دقايق": ("minute", None),
    "دقيقتين": ("minute", 2),
}
_SINGULAR_UNITS = [w for w, (_, n) in UNITS.items() if n == 1]
_PLURAL_UNITS = [w for w, (_, n) in UNITS.items() if n is None]
_DUAL_UNITS = [w for w, (_, n) in UNITS.items() if n == 2]

#: How many units an unnumbered plural means: "قبل أيام" reaches back seven
#: days and "قبل ساعات" stays on the reference day. Vague weeks, months and
#: years ("قبل سنوات", "الأشهر المقبلة") are too loose to resolve: they are
#: reported with no value.
VAGUE_COUNTS = {"day": 7, "hour": 0, "minute": 0}

_UNIT_DIGITS = {
    "واحد": 1,
    "واحده": 1,
    "اثنين": 2,
    "اثنان": 2,
    "اثنتين": 2,
    "اثنتان": 2,
}
_ONES = ["ثلاث", "اربع", "خمس", "ست", "سبع", "ثماني", "تسع"]


def _number_words() -> dict[str, int]:
    words = dict(_UNIT_DIGITS)
    for i, stem in enumerate(_ONES, start=3):
        words[stem] = i
        words[stem + "ه"] = i
        for ten in ("عشر", "عشره"):
            words[f"{stem} {ten}"] = 10 + i
            words[f"{stem}ه {ten}"] = 10 + i
    words["ثمان"] = 8
    words["عشر"] = words["عشره"] = 10
    for form in ("احد عشر", "احدي عشره", "احدي عشر"):
        words[form] = 11
    for form in ("اثني عشر", "اثنا عشر", "اثنتي عشره", "اثنتا عشره"):
        words[form] = 12
    tens = {"عشر": 20, "ثلاث": 30, "اربع": 40, "خمس": 50, "ست": 60, "سبع": 70, "ثمان": 80, "تسع": 90}
    for stem, value in tens.items():
        words[stem + "ين"] = value
        words[stem + "ون"] = value
    return words


NUMBER_WORDS = _number_words()


def _ordinal_words() -> dict[str, int]:
    units = ["الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
    words = {"الاول": 1, "العاشر": 10, "العشرين": 20, "الثلاثين": 30}
    for i, word in enumerate(units, start=1):
        if i > 1:
            words[word] = i
        words[f"{word} عشر"] = 10 + i
        words[f"{word} والعشرين"] = 20 + i
    words["الحادي والثلاثين"] = 31
    return words


ORDINAL_DAYS = _ordinal_words()


def _alt(words) -> str:
    """A non-capturing alternation of folded words, longest first; a space
    inside a phrase matches a short run of blanks."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace("\\ ", " ") for w in ordered) + ")"


def _p(template: str) -> str:
    """Expand a pattern template: a space is a run of 1-3 blanks, a backquote
    an optional one."""
    return template.replace(" ", _SP).replace("`", _OSP)


_WD = _alt(WEEKDAYS)
_MON = _alt(MONTHS)
_MOD = _alt(FUTURE_MODS + PAST_MODS + CURRENT_MODS + BEFORE_LAST_MODS)
_REL = _alt(RELATIONS)
_PART = _alt(PARTS)
_TOD = _alt(TIMES_OF_DAY)
_NUM = "(?:[0-9]{1,4}|" + _alt(NUMBER_WORDS)[3:]
_HIJRI = "(?:رمضان|شوال|محرم|رجب|شعبان|ذي|ذو|صفر|ربيع|جمادي)"
_LETTER = "[^\\W\\d_]"
_END = f"(?!{_LETTER})"
_CAL = "(?:الاسبوع|الشهر|العام|السنه)"
_YEARWORD = "(?:عام|العام|سنه|السنه|عامي|سنتي|العامين)"
_RANGE = "(?:-|–|و|الي|حتي)"

# Pieces shared by several alternatives.
_MONX = f"(?P<mon>{_MON})(?:`(?:/|\\(|-|–|او)`(?P<mon2>{_MON})(?:`\\))?)?"
_YEAR_TAIL = f"(?:`,)? (?:من )?(?:(?:عام|العام|سنه|السنه) )?(?P<year>[0-9]{{4}})(?!\\d)(?:{_H}?م{_END})?"
# "من العام الجاري", "الماضي", and "من هذا العام" (the demonstrative before the
# year word: the span takes the word, the modifier places the date).
_MOD_TAIL = f" (?:من )?(?:(?P<yword>العام|السنه) )?(?P<ymod>{_MOD})(?:(?<=هذا|هذه) (?:العام|السنه){_END})?"
_WD_LEAD = f"(?:(?:يوم )?{_WD}(?:`,)? (?:الموافق )?)?"

#: The alternatives, each a template with named groups. The scanner uses
#: them with the names stripped; the resolvers re-read a hit with the named
#: version.
_ALTS_FIRST = {
    # "قبل أمس", "بعد الغد": two days away, not a relation plus a day.
    "twoday": f"(?:(?P<tod>{_TOD}) )?(?P<word>{_alt(TWO_DAY_WORDS)})",
    # "في وقت سابق من اليوم", "في وقت لاحق من هذا الشهر".
    "earlier": (
        f"(?:في )?(?:وقت|موعد) (?P<dir>سابق|لاحق|مبكر|متاخر)(?: (?:من|في))? (?:{_TOD} )?"
        f"(?:(?P<today>اليوم|الليله)|(?P<this>هذا|هذه) (?P<cal>{_CAL})|(?P<cal2>{_CAL}) (?P<mod>{_MOD}))"
    ),
    # "منذ 2014", "حتى 2030": a bare year only after a relation word.
    "relyear": f"(?P<rel>{_REL}) (?P<year>(?:19|20)[0-9]{{2}})(?!\\d)(?:{_H}?م{_END})?"
    f"(?! {_alt(UNITS)}{_END})",
}
_ALTS_REL = {
    "numeric": (
        "(?:(?P<d>[0-9]{1,2})(?P<s1>[-/.])(?P<m>[0-9]{1,2})(?P<s2>[-/.])(?P<y>[0-9]{4})"
        "|(?P<iy>[0-9]{4})(?P<is1>[-/.])(?P<im>[0-9]{1,2})(?P<is2>[-/.])(?P<id>[0-9]{1,2}))"
        "(?![0-9])(?![-/.][0-9])"
    ),
    "explicit": (
        f"{_WD_LEAD}(?:يوم )?"
        f"(?:(?:ال`)?(?P<day>[0-9]{{1,2}})(?:`{_RANGE}`(?:ال`)?(?P<day2>[0-9]{{1,2}}))?"
        f"|(?P<ord>{_alt(ORDINAL_DAYS)}))(?![0-9]) (?:من )?(?:شهر )?{_MONX}(?:{_YEAR_TAIL}|{_MOD_TAIL})?"
    ),
    "month": f"(?:(?P<part>{_PART}) )?(?:(?P<shahr>شهر|الشهر) )?{_MONX}(?:{_YEAR_TAIL}|{_MOD_TAIL})?",
    "year": (
        f"(?:(?P<part>{_PART}) (?:{_YEARWORD} )?|{_YEARWORD} )(?P<y1>[0-9]{{4}})(?!\\d)"
        f"(?:`{_RANGE}`(?P<y2>[0-9]{{4}})(?!\\d))?(?:{_H}?م{_END})?"
    ),
    # "خلال اليومين الأخيرين", "الساعات الـ24 الماضية", "الأيام الثلاثة المقبلة".
    "lastn": (
        f"(?:(?:خلال|طيله|طوال|علي مدي|علي مدار|عبر) )?"
        f"(?:اخر (?P<n3>{_NUM}) (?P<unit3>{_alt(UNITS)})(?! (?:من|علي){_END})"
        f"|(?:ال(?P<dual>{_alt(_DUAL_UNITS)})"
        f"|ال(?P<plural>{_alt(_PLURAL_UNITS)})(?: ال?`(?P<n1>{_NUM}))?(?: القليله)?"
        f"|(?:ال`|اخر )(?P<n2>{_NUM}) (?P<unit>{_alt(UNITS)}))"
        f" (?P<dir>{_alt(('الماضي', 'الماضيه', 'الماضيين', 'الماضيتين', 'الاخير', 'الاخيره', 'الاخيرين'))}"
        f"|{_alt(('الاخيرتين', 'المنصرمه', 'المنصرمين', 'الفايته', 'السابقه', 'السابقين', 'المقبل'))}"
        f"|{_alt(('المقبله', 'المقبلين', 'المقبلتين', 'القادم', 'القادمه', 'القادمين', 'القادمتين'))}))"
    ),
    # "الأسبوع الماضي", "هذا العام", "مطلع الشهر المقبل", "نهاية الشهر".
    "calendar": (
        f"(?:(?P<part>{_PART}) (?:(?P<this>هذا|هذه) )?(?P<cal>{_CAL})(?: (?P<mod>{_MOD}))?"
        f"|(?P<this2>هذا|هذه) (?P<cal2>{_CAL})|(?P<cal3>{_CAL}) (?P<mod3>{_MOD}))"
    ),
    # "اليوم", "أمس الأحد", "صباح الغد", "الليلة".
    "dayword": (
        f"(?:(?P<tod>{_TOD}) )?(?P<word>{_alt(set(DAY_WORDS) - {'اليوم'})}"
        "|اليوم(?! (?:ال(?:اول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|اخير|تالي|سابق|موالي"
        "|عالمي|وطني|دولي|اممي|نفسه|ذاته|مشهود|موعود)|نفسه|ذاته|[0-9])))"
        f"(?:(?:(?:`,)? |`\\(`)(?P<wd>{_WD})(?! عشر)(?:`\\))?)?"
    ),
    # "يوم الجمعة", "الجمعة المقبلة", "مساء الأحد".
    "weekday": f"(?:(?P<tod>{_TOD}) )?(?:يوم )?(?P<wd>{_WD})(?! عشر)(?: (?P<mod>{_MOD}))?",
}
_ALTS_LAST = {
    # "قبل يومين", "منذ ثلاثة أشهر", "قبل أيام", "بعد أسبوع", "في غضون ساعات".
    "duration": (
        "(?P<lead>منذ|قبل|بعد|في غضون|غضون) (?:(?:نحو|حوالي|قرابه|زهاء|اكثر من|اقل من|ما يقرب من) )?"
        f"(?:(?P<num>{_NUM}) (?P<unit>{_alt(UNITS)})"
        f"|(?:بضعه|بضع|عده|بعض) (?P<funit>{_alt(_PLURAL_UNITS)})"
        f"|(?P<dual>{_alt(_DUAL_UNITS)})"
        f"|(?P<plural>{_alt(_PLURAL_UNITS)})(?: (?:قليله|معدوده|عديده|طويله))?"
        f"|(?P<single>{_alt(_SINGULAR_UNITS)})(?: واحده?)?(?! (?:ال|{_HIJRI}|{_MON}{_END})))"
        f"(?!`[0-9])(?! (?:من|علي){_END})"
    ),
}

#: The words a hit can start with (phrases where the first word is a common
#: function word). The scanner checks them first, through a character trie,
#: so that the full alternation only runs where a date can begin.
_LEAD_WORDS = {
    *TIMES_OF_DAY,
    *TWO_DAY_WORDS,
    *RELATIONS,
    *WEEKDAYS,
    *ORDINAL_DAYS,
    *PARTS,
    *MONTHS,
    *DAY_WORDS,
    *("ال" + u for u in _DUAL_UNITS + _PLURAL_UNITS),
    *("هذا " + c for c in ("الاسبوع", "الشهر", "العام")),
    *("هذه " + c for c in ("السنه", "الاسبوع", "الشهر", "العام")),
    *(
        "في وقت",
        "في موعد",
        "في غضون",
        "وقت",
        "موعد",
        "غضون",
        "يوم",
        "شهر",
        "الشهر",
        "الاسبوع",
        "عام",
        "العام",
        "سنه",
        "السنه",
        "عامي",
        "سنتي",
        "العامين",
        "خلال",
        "طيله",
        "طوال",
        "علي مدي",
        "علي مدار",
        "عبر",
        "اخر",
        "منذ",
        "قبل",
        "بعد",
    ),
}


def _trie(words) -> str:
    """A regex matching exactly ``words`` (a space: 1 to 3 spaces)."""
    return word_trie(words, space=_SP)


_GATE = f"(?=[0-9]|ال{_OSP}[0-9]|{_trie(_LEAD_WORDS)}{_END})"

_NAME = re.compile(r"\(\?P<[a-z0-9_]+>")


def _strip_names(template: str) -> str:
    return _NAME.sub("(?:", template)


def _scanner() -> re.Pattern[str]:
    first = "|".join(f"(?P<{k}>{_strip_names(v)})" for k, v in _ALTS_FIRST.items())
    rel = "|".join(f"(?P<{k}>{_strip_names(v)})" for k, v in _ALTS_REL.items())
    last = "|".join(f"(?P<{k}>{_strip_names(v)})" for k, v in _ALTS_LAST.items())
    # The alternative's group closes last, so Match.lastgroup names it.
    body = f"(?:{first}|(?:(?P<rel>{_REL}) )?(?:{rel})|{last}){_END}"
    # Clitics in front of a word (و، ف; ب، ل، ك before ال) are not part of the span.
    return re.compile(_p(f"(?<!\\w)(?:[وف]|[وف]?[بلك](?=ال))?{_GATE}{body}"))


_SCAN = _scanner()
_DETAIL = {k: re.compile(_p(v)) for d in (_ALTS_FIRST, _ALTS_REL, _ALTS_LAST) for k, v in d.items()}

# Context for bare weekdays: the nearest cue word before (else after) decides.
_FUTURE_CUES = _trie(
    (
        "سوف",
        "لن",
        "المقرر",
        "المتوقع",
        "المرتقب",
        "المزمع",
        "المنتظر",
        "يعتزم",
        "تعتزم",
        "ينوي",
        "تنوي",
        "يتوقع",
        "يتوقع ان",
        "بحلول",
        "غدا",
        "يجب",
        "ينبغي",
        "يتعين",
        *FUTURE_MODS,
    )
)
#: Common past-tense verbs of news copy (and أمس, الماضي, سابقا).
_PAST_CUE_WORDS = """قال قالت قالوا اعلن اعلنت اعلنوا اكد اكدت افاد افادت ذكر ذكرت صرح صرحت اضاف اضافت
    اوضح اوضحت
    اشار اشارت كشف كشفت نفي نفت شهد شهدت وقع وقعت جري جرت عقد عقدت وصل وصلت وصلوا بدا بدات اندلع
    اندلعت قتل قتلت قتلوا اصيب اصيبت اعتقل اعتقلت التقي التقت استقبل استقبلت زار زارت غادر غادرت توفي
    اجري اجرت اصدر اصدرت نشر نشرت تم كان كانت اطلق اطلقت نفذ نفذت شن شنت دعا دعت طالب طالبت حذر حذرت
    اتهم اتهمت رفض رفضت وافق وافقت صوت صوتت فاز فازت خسر خسرت انتهي انتهت تظاهر تظاهروا خرج خرجت
    خرجوا سقط سقطت انفجر عثر ابلغ ابلغت اتصل بحث ناقش تراس اجتمع اجتمعت سجل سجلت ارتفع ارتفعت انخفض
    انخفضت بلغ بلغت تلقي تلقت وجه وجهت ادان ادانت اعرب اعربت امس الماضي الماضيه سابقا"""
_PAST_CUES = _trie(_PAST_CUE_WORDS.split())
#: Words starting with س + a person prefix that are not future verbs.
_NOT_FUTURE = "(?:ياس|يار|يطر|يد|يول|يف|ينا|ير|يئ|تار|تين|ته|تون|تر|توك|نه|نو|نين|نتين|نت|نغ|نا)"
_CUE = re.compile(
    f"(?<!\\w)[وف]?(?:(?P<fut>{_FUTURE_CUES}|س[يتن](?!{_NOT_FUTURE}){_LETTER}{{2,}})|(?P<past>{_PAST_CUES}))"
    f"{_END}"
)
_CLAUSE_END = ".!?;\n"
_MONTH_CUE_BEFORE = re.compile(f"(?<!\\w)[وف]?(?:في|خلال|طوال|طيله){_H}{{1,3}}\\Z")
_NOT_TODAY_BEFORE = re.compile(f"(?<!\\w)[وف]?(?:ذلك|نفس|ذات|مثل|تلك){_H}{{1,3}}\\Z")
_NOT_MONDAY_BEFORE = re.compile(f"(?<!\\w)[وف]?(?:كلا|بين|هذين|لهذين|الي){_H}{{1,3}}\\Z")
_SPACES = re.compile(_H + "+")

# ---------------------------------------------------------------------------
# Date arithmetic.
# ---------------------------------------------------------------------------


def _month_end(year: int, month: int) -> dt.date:
    return calendar.month_of(year, month)[1]


def _shift(day: dt.date, unit: str, count: int) -> dt.date:
    if unit == "day":
        return day + dt.timedelta(days=count)
    if unit == "week":
        return day + dt.timedelta(weeks=count)
    if unit == "month":
        return calendar.add_months(day, count)
    if unit == "year":
        return calendar.add_months(day, 12 * count)
    # Hours and minutes: whole days only.
    hours = count if unit == "hour" else count / 60
    return day + dt.timedelta(days=int(hours / 24))


REF0 = dt.date(2000, 1, 1)


def _period(ref: dt.date, cal: str, offset: int) -> tuple[dt.date, dt.date]:
    """The calendar week, month or year ``offset`` periods from ``ref``'s."""
    return calendar.period(ref, cal, offset, first_weekday=calendar.WEEK_START)


def _part_of(start: dt.date, end: dt.date, cal: str, part: str | None) -> tuple[dt.date, dt.date | None]:
    """A part of the period ``start``..``end``: its first or last day, or its
    early, middle or late third (see :data:`PARTS`)."""
    if part is None:
        return start, end
    if part == "start":
        return start, None
    if part == "end":
        return end, None
    if cal == "week":
        first = {"early": 0, "middle": 2, "late": 4}[part]
        return start + dt.timedelta(days=first), start + dt.timedelta(days=first + 2)
    if cal == "month":
        if part == "early":
            return start, start.replace(day=10)
        if part == "middle":
            return start.replace(day=11), start.replace(day=20)
        return start.replace(day=21), end
    if part == "early":
        return start, dt.date(start.year, 4, 30)
    if part == "middle":
        return dt.date(start.year, 5, 1), dt.date(start.year, 8, 31)
    return dt.date(start.year, 9, 1), end


def _mod_kind(mod: str | None) -> str | None:
    if not mod:
        return None
    mod = _SPACES.sub(" ", mod)
    if mod in FUTURE_MODS:
        return "next"
    if mod in PAST_MODS:
        return "prev"
    if mod in BEFORE_LAST_MODS:
        return "prev2"
    return "this"


_CAL_UNITS = {"الاسبوع": "week", "الشهر": "month", "العام": "year", "السنه": "year"}
_OFFSETS = {"next": 1, "prev": -1, "prev2": -2, "this": 0, None: 0}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _key(words: str) -> str:
    return _SPACES.sub(" ", words)


def _number(words: str | None) -> int | None:
    if words is None:
        return None
    if words.isdigit():
        return int(words)
    return NUMBER_WORDS.get(_key(words))


# ---------------------------------------------------------------------------
# Resolvers: one per alternative. Each gets the detail match, the folded text,
# the reference and the relation, and returns (value, value_end, relation)
# or None to drop the hit.
# ---------------------------------------------------------------------------

Resolved = tuple[dt.date | None, dt.date | None, str | None]


def _weekday_mode(folded: str, start: int, end: int, lean: str | None) -> str:
    """Which way a weekday without modifier points: 'future' (on or after
    the reference), 'past' (on or before) or 'nearest'."""
    if lean == "from":
        return "future"
    if lean == "upto":
        return "past"
    lo = max(0, start - 100)
    before = folded[lo:start]
    cut = max(before.rfind(c) for c in _CLAUSE_END) + 1
    last = None
    for cue in _CUE.finditer(before, cut):
        last = cue
    if last is not None:
        return "future" if last.group("fut") else "past"
    after = folded[end : end + 60]
    stops = [i for i in (after.find(c) for c in _CLAUSE_END) if i >= 0]
    cue = _CUE.search(after, 0, min(stops) if stops else len(after))
    if cue is not None:
        return "future" if cue.group("fut") else "past"
    return "nearest"


def _weekday_value(ref: dt.date, weekday: int, mode: str) -> dt.date:
    if mode == "prev2":  # "الجمعة قبل الماضية"
        return calendar.weekday_near(ref, weekday, calendar.PAST, strict=True) - dt.timedelta(days=7)
    lean, strict = {
        "future": (calendar.FUTURE, False),
        "next": (calendar.FUTURE, True),
        "past": (calendar.PAST, False),
        "prev": (calendar.PAST, True),
    }.get(mode, (calendar.NEAREST, False))
    return calendar.weekday_near(ref, weekday, lean, strict)


def _direction(kind: str | None, lean: str | None) -> str | None:
    """A date without a year: its modifier places it, else the relation word
    does (:data:`LEANS`), else it is the nearest one."""
    return kind if kind is not None else lean


# Modifiers of a date without a year ("الماضي", "المقبل", relation words) as
# calendar directions: (lean, strict).
_YEARLESS_LEANS = {
    "prev": (calendar.PAST, True),
    "prev2": (calendar.PAST, True),
    "next": (calendar.FUTURE, True),
    "upto": (calendar.PAST, False),
    "from": (calendar.FUTURE, False),
}


def _nearest_date(ref: dt.date, month: int, day: int, kind: str | None) -> dt.date | None:
    """The occurrence of day/month nearest to ``ref``; or the latest before it
    (kind 'prev'), on or before it ('upto'), the earliest after it ('next'),
    on or after it ('from'), a year before the latest ('prev2'), in its year
    ('this')."""
    if kind == "this":
        try:
            return dt.date(ref.year, month, day)
        except ValueError:
            return None
    lean, strict = _YEARLESS_LEANS.get(kind, (calendar.NEAREST, False))
    found = calendar.month_day(ref, month, day, lean, strict)
    if kind == "prev2" and found is not None:
        return calendar.add_months(found, -12)
    return found


def _nearest_month(ref: dt.date, month: int, kind: str | None) -> int:
    """The year of the month named, relative to ``ref``'s month, by the same
    modifiers as :func:`_nearest_date`."""
    if kind == "this":
        return ref.year
    lean, strict = _YEARLESS_LEANS.get(kind, (calendar.NEAREST, False))
    year = calendar.month_year(ref, month, lean, strict)
    return year - 1 if kind == "prev2" else year


def _year_of(match: re.Match[str], ref: dt.date | None) -> tuple[int | None, str | None]:
    """The year of a date when the text gives it ("2021", "من العام الماضي"),
    else None and the modifier that places the date ("الماضي" → 'prev')."""
    if match.group("year"):
        return int(match.group("year")), None
    kind = _mod_kind(match.group("ymod"))
    if match.group("yword") and ref is not None:
        return ref.year + _OFFSETS[kind], None
    return None, kind


def _plausible_year(year: int) -> bool:
    return 1000 <= year <= 2999


def _resolve_twoday(
    m: re.Match[str], folded: str, ref: dt.date | None, rel: str | None, lean: str | None
) -> Resolved:
    offset = TWO_DAY_WORDS[_key(m.group("word"))]
    return (ref + dt.timedelta(days=offset) if ref else None), None, None


def _resolve_earlier(
    m: re.Match[str], folded: str, ref: dt.date | None, rel: str | None, lean: str | None
) -> Resolved:
    if ref is None:
        return None, None, rel
    if m.group("today"):
        return ref, None, rel
    cal = _CAL_UNITS[m.group("cal") or m.group("cal2")]
    kind = _mod_kind(m.group("mod")) if m.group("cal2") else "this"
    start, end = _period(ref, cal, _OFFSETS[kind])
    if kind == "this":
        if m.group("dir") in ("سابق", "مبكر"):
            end = ref
        else:
            start = ref
    return start, end, rel


def _resolve_relyear(
    m: re.Match[str], folded: str, ref: dt.date | None, rel: str | None, lean: str | None
) -> Resolved:
    year = int(m.group("year"))
    relation = RELATIONS[_key(m.group("rel"))]
    return dt.date(year, 1, 1), dt.date(year, 12, 31), relation


def _resolve_numeric(
    m: re.Match[str], folded: str, ref: dt.date | None, rel: str | None, lean: str | None
) -> Resolved | None:
    if m.group("y"):
        if m.group("s1") != m.group("s2"):
            return None
        year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    else:
        if m.group("is1") != m.group("is2"):
            return None
        year, month, day = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    if not _plausible_year(year):
        return None
    try:
        return dt.date(year, month, day), None, rel
    except ValueError:
        return None


def _resolve_explicit(
    m: re.Match[str], folded: str, ref: dt.date | None, rel: str | None, lean: str | None
) -> Resolved | None:
    month = MONTHS[_key(m.group("mon"))]
    if m.group("ord"):
        day, day2 = ORDINAL_DAYS[_key(m.group("ord"))], None
    else:
        day = int(m.group("day"))
        day2 = int(m.group("day2")) if m.group("day2") else None
    if not 1 <= day <= 31 or (day2 is not None and not day < day2 <= 31):
        return None
    year, kind = _year_of(m, ref)
    if year is not None:
        if not _plausible_year(year):
            return None
        try:
            first = dt.date(year, month, day)
            last = dt.date(year, month, day2) if day2 else None
        except ValueError:
            return None
        return first, last, rel
    if ref is None:
        return (None, None, rel) if day <= calendar.month_of(2000, month)[1].day else None
    first = _nearest_date(ref, month, day, _direction(kind, lean))
    if first is None:
        return None
    try:
        last = first.replace(day=day2) if day2 else None
    except ValueError:
        return None
    return first, last, rel


def _resolve_month(
    m: re.Match[str], folded: str, ref: dt.date | None, rel: str | None, lean: str | None
) -> Resolved | None:
    name = _key(m.group("mon"))
    year, kind = _year_of(m, ref)
    strong = year is not None or kind is not None or m.group("shahr") or m.group("mon2") or m.group("part")
    if not strong:
        if name in AMBIGUOUS_MONTHS:
            return None
        if not (rel or _MONTH_CUE_BEFORE.search(folded, max(0, m.start() - 12), m.start())):
            return None
    month = MONTHS[name]
    if year is None:
        if ref is None:
            return None, None, rel
        year = _nearest_month(ref, month, _direction(kind, lean))
    if not _plausible_year(year):
        return None
    part = PARTS.get(_key(m.group("part") or ""))
    start, end = _part_of(dt.date(year, month, 1), _month_end(year, month), "month", part)
    return start, end, rel


def _resolve_year(
    m: re.Match[str], folded: str, ref: dt.date | None, rel: str | None, lean: str | None
) -> Resolved | None:
    first = int(m.group("y1"))
    last = int(m.group("y2")) if m.group("y2") else first
    if not (_plausible_year(first) and _plausible_year(last)) or last < first:
        return None
    part = PARTS.get(_key(m.group("part") or ""))
    if last == first:
        start, end = _part_of(dt.date(first, 1, 1), dt.date(first, 12, 31), "year", part)
    else:
        start, end = dt.date(first, 1, 1), dt.date(last, 12, 31)
    return start, end, rel


_FUTURE_DIRS = ("المقبل", "المقبله", "المقبلين", "المقبلتين", "القادم", "القادمه", "القادمين", "القادمتين")


def _resolve_lastn(
    m: re.Match[str], folded: str, ref: dt.date | None, rel: str | None, lean: str | None
) -> Resolved | None:
    if m.group("unit3"):
        unit, count = UNITS[m.group("unit3")][0], _number(m.group("n3"))
    elif m.group("dual"):
        unit, count = UNITS[m.group("dual")][0], 2
    elif m.group("plural"):
        unit = UNITS[m.group("plural")][0]
        count = _number(m.group("n1"))
        if count is None:
            count = VAGUE_COUNTS.get(unit)
            if count is None:
                return None, None, rel
    else:
        unit = UNITS[m.group("unit")][0]
        count = _number(m.group("n2"))
    if count is None:
        return None
    if ref is None:
        return None, None, rel
    future = m.group("dir") in _FUTURE_DIRS
    if unit in ("hour", "minute"):
        days = -(-count // 24) if unit == "hour" else -(-count // 1440)
        if future:
            return ref, ref + dt.timedelta(days=days), rel
        return ref - dt.timedelta(days=days), ref, rel
    if future:
        return ref + dt.timedelta(days=1), _shift(ref, unit, count), rel
    return _shift(ref, unit, -count), ref - dt.timedelta(days=1), rel


def _resolve_calendar(
    m: re.Match[str], folded: str, ref: dt.date | None, rel: str | None, lean: str | None
) -> Resolved:
    cal = _CAL_UNITS[m.group("cal") or m.group("cal2") or m.group("cal3")]
    kind = _mod_kind(m.group("mod") or m.group("mod3"))
    part = PARTS.get(_key(m.group("part") or ""))
    if ref is None:
        return None, None, rel
    start, end = _period(ref, cal, _OFFSETS[kind])
    start, end = _part_of(start, end, cal, part)
    return start, end, rel


def _resolve_dayword(
    m: re.Match[str], folded: str, ref: dt.date | None, rel: str | None, lean: str | None
) -> Resolved | None:
    word = _key(m.group("word"))
    if (
        word in ("اليوم", "الليله")
        and not m.group("tod")
        and _NOT_TODAY_BEFORE.search(folded, max(0, m.start() - 8), m.start())
    ):
        return None
    rel = _time_of_day_relation(m, rel)
    offset = DAY_WORDS[word]
    return (ref + dt.timedelta(days=offset) if ref else None), None, rel


def _time_of_day_relation(m: re.Match[str], rel: str | None) -> str | None:
    """ "بعد ظهر اليوم" is "this afternoon", not "after today"."""
    tod = m.group("tod")
    if rel in ("before", "after") and tod and (tod.startswith("ظهر") or tod.startswith("منتصف")):
        return None
    return rel


def _resolve_weekday(
    m: re.Match[str], folded: str, ref: dt.date | None, rel: str | None, lean: str | None
) -> Resolved | None:
    name = m.group("wd")
    weekday = WEEKDAYS[name]
    if (
        weekday == 0
        and not m.group("mod")
        and not m.group("tod")
        and not folded.startswith("يوم", m.start())
        and _NOT_MONDAY_BEFORE.search(folded, max(0, m.start() - 10), m.start())
    ):
        return None  # "بين الاثنين" is "between the two"
    rel = _time_of_day_relation(m, rel)
    if ref is None:
        return None, None, rel
    mode = _mod_kind(m.group("mod"))
    if mode == "this":
        mode = "future"
    if mode is None:
        mode = _weekday_mode(folded, m.start(), m.end(), lean)
    return _weekday_value(ref, weekday, mode), None, rel


def _resolve_duration(
    m: re.Match[str], folded: str, ref: dt.date | None, rel: str | None, lean: str | None
) -> Resolved | None:
    lead = m.group("lead")
    vague = False
    if m.group("num"):
        unit = UNITS[m.group("unit")][0]
        count = _number(m.group("num"))
    elif m.group("funit"):
        unit, count, vague = UNITS[m.group("funit")][0], None, True
    elif m.group("dual"):
        unit, count = UNITS[m.group("dual")][0], 2
    elif m.group("plural"):
        unit, count, vague = UNITS[m.group("plural")][0], None, True
    else:
        unit, count = UNITS[m.group("single")][0], 1
    if count is None and not vague:
        return None
    if (
        lead not in ("منذ", "قبل")
        and unit in ("hour", "minute")
        and (vague or _shift(REF0, unit, count) == REF0)
    ):
        # "في غضون ساعتين", "بعد دقائق": later the same day, a time, not a date.
        return None
    relation = "since" if lead == "منذ" else None
    if ref is None:
        return None, None, relation
    if vague and unit not in VAGUE_COUNTS:
        return None, None, relation
    if lead in ("منذ", "قبل"):
        if vague:
            reach = VAGUE_COUNTS[unit]
            if reach == 0:
                return ref, None, relation
            return _shift(ref, unit, -reach), _shift(ref, unit, -1), relation
        return _shift(ref, unit, -count), None, relation
    if lead == "بعد":
        if vague:
            reach = VAGUE_COUNTS[unit]
            if reach == 0:
                return ref, None, relation
            return _shift(ref, unit, 1), _shift(ref, unit, reach), relation
        return _shift(ref, unit, count), None, relation
    # في غضون: within, from the reference on.
    reach = VAGUE_COUNTS[unit] if vague else count
    end = _shift(ref, unit, reach)
    return ref, (end if end != ref else None), relation


_RESOLVERS = {
    "twoday": _resolve_twoday,
    "earlier": _resolve_earlier,
    "relyear": _resolve_relyear,
    "numeric": _resolve_numeric,
    "explicit": _resolve_explicit,
    "month": _resolve_month,
    "year": _resolve_year,
    "lastn": _resolve_lastn,
    "calendar": _resolve_calendar,
    "dayword": _resolve_dayword,
    "weekday": _resolve_weekday,
    "duration": _resolve_duration,
}

# ---------------------------------------------------------------------------
# Entry point.
# ---------------------------------------------------------------------------


def _as_date(reference: object) -> dt.date | None:
    if isinstance(reference, dt.datetime):
        return reference.date()
    if isinstance(reference, dt.date):
        return reference
    if isinstance(reference, str):
        try:
            return dt.date.fromisoformat(reference.strip()[:10])
        except ValueError:
            return None
    return None


def find_dates(text: str, reference: dt.date | None = None) -> list[DateMention]:
    """Every date reference in ``text``, resolved against ``reference`` (the
    publication date; a ``datetime`` or an ISO string also do).

    Spans are offsets into ``text``. Without a reference, relative
    expressions are still found but their ``value`` is None; explicit full
    dates resolve anyway. Never raises on a string; anything else gives [].
    """
    if not isinstance(text, str) or not text:
        return []
    ref = _as_date(reference)
    folded, offsets = fold_with_offsets(text)
    mentions: list[DateMention] = []
    for hit in _SCAN.finditer(folded):
        name = hit.lastgroup
        start, end = hit.span(name)
        detail = _DETAIL[name].fullmatch(folded, start, end)
        if detail is None:  # cannot happen: the scanner matched the same pattern
            continue
        rel_words = hit.group("rel")
        relation = lean = None
        if rel_words:
            relation = RELATIONS[_key(rel_words)]
            lean = LEANS.get(_key(rel_words))
        try:
            resolved = _RESOLVERS[name](detail, folded, ref, relation, lean)
        except (ValueError, OverflowError):  # dates beyond year 1..9999
            resolved = (None, None, relation)
        if resolved is None:
            continue
        value, value_end, relation = resolved
        span_start = original_offset(offsets, hit.start("rel") if rel_words else start)
        span_end = original_offset(offsets, end)
        mentions.append(
            DateMention(
                raw=text[span_start:span_end],
                start=span_start,
                end=span_end,
                value=_iso(value),
                value_end=_iso(value_end),
                relation=relation,
            )
        )
    return mentions
