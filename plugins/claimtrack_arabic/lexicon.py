"""The words Arabic attribution is built from: reporting verbs, complementizers,
titles, institutions and the adjuncts that sit between a verb and what was
said.

Everything is written in ordinary spelling and folded once, at import, with
:func:`claimtrack.fold_chars`, so the patterns match whatever alef, hamza, ya
or ta-marbuta form an outlet uses; matching runs on text folded the same way.
"""

from __future__ import annotations

import re

from claimtrack import fold_chars, word_start
from claimtrack_arabic.dates import MONTHS


def _fold_all(words: str) -> list[str]:
    return [fold_chars(w) for w in words.split()]


def _alternation(words: list[str]) -> str:
    # Longest first so that "أضافت" wins over "أضاف".
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# Reporting verbs: past masculine stem, with the feminine (-ت) and plural
# (-وا) forms generated; present forms listed as written.
_PAST = """
قال أكد أوضح أضاف تابع خلص أعرب أشار صرح لفت شدد نفى زعم كشف أعلن ذكر نقل
اعتبر رأى حذر دعا طالب أفاد أبلغ اعترف أقر تعهد توقع رجح استطرد استدرك ختم
أردف نوه ادعى جزم لاحظ كتب غرد أعلم أفصح علق أنكر أبدى حث أورد
"""
# "بيّن" only with its conjunction: bare "بين" is usually the preposition.
_PREFIXED_ONLY = """
وبين فبين وبينت فبينت
"""
_PRESENT = """
يقول تقول يؤكد تؤكد يوضح توضح يضيف تضيف يتابع تتابع يشير تشير يرى ترى يعتبر تعتبر
يحذر تحذر ينفي تنفي يزعم تزعم يكشف تكشف يعلن تعلن يذكر تذكر يفيد تفيد يعتقد تعتقد
يقولون يؤكدون
"""
# Participles that continue the same speaker inside a sentence: "مضيفا أن".
_PARTICIPLES = """
مضيفا مضيفة مشيرا مشيرة مؤكدا مؤكدة موضحا موضحة لافتا لافتة معتبرا معتبرة
محذرا محذرة مشددا مشددة متابعا متابعة قائلا قائلة منوها منوهة مبينا مبينة
معربا معربة داعيا داعية متسائلا مستدركا
"""


def _verb_forms() -> list[str]:
    """Each past stem with its feminine and plural forms; a final weak
    letter drops before the suffix (نفى → نفت، نفوا؛ دعا → دعت)."""
    forms: list[str] = []
    for verb in _fold_all(_PAST):
        stem = verb[:-1] if verb[-1] in "يا" else verb
        forms += [verb, stem + "ت", stem + "وا"]
    return forms + _fold_all(_PRESENT) + _fold_all(_PREFIXED_ONLY)


VERBS = _verb_forms()
PARTICIPLES = _fold_all(_PARTICIPLES)
_PREFIX = "(?:[وف]|ثم\\s+)?"
_WORD_CHAR = r"[\w\u064b-\u065f]"  # letters, digits and the diacritics inside words
_END = f"(?!{_WORD_CHAR})"
_START = f"(?<!{_WORD_CHAR})"

#: A reporting verb at a word start, optionally with و/ف: group "verb".
VERB_RE = re.compile(f"{_START}{_PREFIX}(?P<verb>{_alternation(VERBS)}){_END}")
#: A participle continuing the current speaker: "، مضيفا أن".
PARTICIPLE_RE = re.compile(f"{_START}[وف]?(?P<verb>{_alternation(PARTICIPLES)}){_END}")


def _with_conjunctions(words: list[str]) -> frozenset[str]:
    return frozenset(w for word in words for w in (word, "و" + word, "ف" + word))


#: Cue words for a one-pass word scan (with و/ف attached); the regexes above
#: and below then confirm and measure each hit.
VERB_WORDS = _with_conjunctions(VERBS)
PARTICIPLE_WORDS = _with_conjunctions(PARTICIPLES)
ACCORDING_WORDS = _with_conjunctions(_fold_all("بحسب حسب وفقا وفق نقلا طبقا حسبما وفقما"))
#: Words that can start the other cues: "، وأن" and "وجاء في".
OTHER_CUE_WORDS = _with_conjunctions(["ان", "انه", "انها", "انهم", "جاء", "ورد"])

#: "according to X" cues that come before or after the statement.
ACCORDING_RE = re.compile(
    fold_chars(
        f"{_START}[وف]?(?P<verb>بحسب|حسب|وفقا|وفق|نقلا|طبقا|حسبما|وفقما){_END}"
        r"(?:\s*(?:لـ|ل|عن)|\s+ما\s+(?:أفاد\s+به|أفادت\s+به|\w+)"
        r"|\s+(?:تصريحات|بيان)"
        r"|\s+(?:ما\s+)?(?:ذكر|ذكرت|أفاد|أفادت|أعلن|أعلنت|قال|قالت|أورد|أوردت|نقل|نقلت|أكد|أكدت)(?!\w))?"
    )
)
#: ", وأن ...": a further statement by the same speaker (the extractor checks
#: the comma before it).
AND_THAT_RE = re.compile(f"(?P<verb>وان(?:ه|ها|هم)?){_END}")
#: "وجاء في البيان:": the statement of the institution that issued it.
CAME_IN_RE = re.compile(fold_chars(f"{_START}[وف]?(?P<verb>جاء\\s+في|ورد\\s+في){_END}"))
#: Nouns of the occasion, not of the speaker: "الخبير في علم الزلازل" keeps
#: its "في", "الوزير في تصريحات" does not.
OCCASION_NOUNS = set(
    _fold_all("""
تصريح تصريحات تصريحه تصريحها مقابلة حديث بيان مؤتمر كلمة لقاء رسالة تغريدة منشور اتصال
ختام اجتماع جلسة ندوة خطاب إحاطة تقرير ردها رده معرض سياق وقت أعقاب ساعة
""")
)
#: "فيما/بينما/في حين" before a verb: a second speaker's statement begins.
CONTRAST_RE = re.compile(r"(?:^|[\s،,])(?:فيما|بينما|في\s+حين|وفي\s+حين)\s*$")
#: Present-tense passives that introduce the outlet's own background:
#: "ويذكر أن ...", "يشار إلى أن ...".
PASSIVE_CUES = frozenset(_fold_all("يذكر ويذكر يشار ويشار"))
#: Relative pronouns and "وهو/وهي": a clause describing the subject, never a name.
RELATIVES = frozenset(_fold_all("الذي التي الذين اللذان اللتان اللواتي وهو وهي وهم"))
#: A clause keeping the speaker anonymous: "طلب عدم ذكر اسمه".
ANONYMITY = frozenset(_fold_all("عدم اسمه اسمها هويته هويتها"))
#: "الخبير ذاته", "الوزير نفسه": the same one as before.
SAME_WORDS = frozenset(_fold_all("ذاته ذاتها نفسه نفسها عينه"))
_MONTH_NAMES = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
#: An Arabic dateline opening a story: "عدن – «عدن الغد» – خاص", "الكويت – 16
#: يوليو (كونا) –", "أنقرة 14 مايو 2024 (شينخوا)", "الدوحة في 08 مايو /قنا/".
#: Between the dashes there must be a date or a source («…», (…), /…/), and
#: the other form needs a month name: "رئيس الوزراء – في كلمة متلفزة – أعلن"
#: and "قتل 12 شخصا (بينهم أطفال)" open statements, not datelines.
DATELINE_RE = re.compile(
    # Both forms hold a dash, a bracket or a slash within their first 80
    # characters: looked for first, so a line without one fails at once.
    r"\s*(?=[^\n]{0,80}[(/–—-])"
    r"(?:[^\n.،]{1,40}?\s[–—-]\s(?=[^\n.–—]{0,40}?[\d«(/])[^\n.]{1,40}?\s[–—-](?:\s*خاص)?"
    rf"|[^\s\d.،]{{2,20}}(?:\s+في)?\s+\d{{1,2}}\s+(?:{_MONTH_NAMES})(?:\s+\d{{4}})?\s*"
    r"(?:\([^()\n]{2,25}\)|/[^/\n]{2,25}/))\s*[–—-]?\s*"
)
#: The marks DATELINE_RE looks ahead for: a sentence without any of them
#: opens with no dateline, which one search for them tells sooner (the
#: common case).
DATELINE_MARK_RE = re.compile("[(/–—-]")
#: Honorifics dropped from a subject ("سعادة السيدة مريم ...").
HONORIFICS = frozenset(_fold_all("سعادة معالي فخامة سمو السيد السيدة الآنسة حضرة"))
#: Pronoun-like references to the last speaker: "وقالت سعادتها".
PRONOUN_REFERENCES = frozenset(_fold_all("سعادته سعادتها معاليه معاليها فخامته سموه"))
#: Nouns of a speaker's output: "بيان الوزارة", "أرقام المفوضية" → the issuer.
OUTPUT_NOUNS = frozenset(
    _fold_all("بيان بيانات أرقام إحصاءات إحصائيات تقرير تقديرات معطيات دراسة رسالة تغريدة منشور")
)
_PRONOUN = "(?:ه|ها|هم|هما|هن|نا|ني)?"
#: Complementizers: إن/أن with a pronoun suffix, بأن, إلى أن ..., or a colon
#: (the whole match). One alternative per first letter, each checked for a
#: word start behind it (claimtrack.word_start: 2.6x faster than a leading
#: lookbehind).
COMPLEMENT_RE = re.compile(
    "|".join(
        word_start(first, _WORD_CHAR) + f"{rest}{_PRONOUN}{_END}"
        for first, rest in (
            ("ب", "ان"),
            ("ل", "ان"),
            ("ا", "(?:لي\\s+ان|ن)"),
            ("ع", "لي\\s+ان"),
            ("م", "ن\\s+ان"),
            ("ف", "ي\\s+ان"),
        )
    )
    + "|:"
)
#: "فإن" opening the statement after "بحسب X،".
FA_INNA_RE = re.compile(f"\\s*(?:ف|و)ان(?:ه|ها|هم)?{_END}\\s*")

#: Nouns that head a person's title or role.
TITLES = set(
    _fold_all(
        """
رئيس رئيسة وزير وزيرة أمين متحدث متحدثة ناطق ناطقة مدير مديرة قائد قائدة سفير سفيرة
مندوب مندوبة ممثل ممثلة نائب نائبة مستشار مستشارة عضو عضوة زعيم زعيمة محافظ محافظة حاكم
ملك ملكة أمير أميرة ولي مبعوث مبعوثة منسق منسقة مفوض مفوضة عمدة خبير خبيرة محلل محللة باحث
باحثة مسؤول مسؤولة جنرال عقيد لواء عميد فريق مقدم رائد نقيب دكتور بروفيسور شيخ سيد سيدة
مدرب مدربة لاعب لاعبة أستاذ أستاذة قاض قاضي قاضية مدعي مدعية بابا كاردينال مفتي إمام
مرشح مرشحة والي مهندس كاتب كاتبة صاحب صاحبة رئيس_الوزراء
مراسل مراسلة كبير كبيرة قائم زعيم مساعد مساعدة وكيل وكيلة
""".replace("_", " ")
    )
)
#: Nouns that make a subject an institution when no person title comes first.
INSTITUTIONS = set(
    _fold_all("""
وزارة حكومة جيش شرطة منظمة مجلس هيئة وكالة رئاسة كرملين خارجية داخلية دفاع بنتاغون
أمم اتحاد حلف لجنة مكتب بيان بنك صندوق شركة سفارة قيادة محكمة برلمان حزب حركة مفوضية
دائرة مديرية جهاز سلطة سلطات بلدية مستشفى جامعة مركز مرصد هلال صليب دول دولة حرس قوات
إدارة البيت نقابة جمعية معهد مؤسسة مصلحة ديوان مجموعة تحالف ائتلاف غرفة بورصة
""")
)
#: Nouns that can start an idafa chain inside a role or organization name:
#: the word after them belongs to the role even without the article.
CONSTRUCT_HEADS = TITLES | INSTITUTIONS | set(_fold_all("معاهدة عام عامة باسم لدى في شؤون منطقة مدينة"))
#: Words that join parts of a role ("المتحدث باسم", "السفير لدى").
CONNECTORS = set(_fold_all("باسم لدى في عن بين ضد"))
#: Anonymous sources: the phrase itself is the speaker.
ANONYMOUS = set(_fold_all("مصدر مصادر مسؤولون شهود شاهد مراقبون ناشطون سكان"))
#: Synonyms folded to one head word when comparing roles.
ROLE_SYNONYMS = {fold_chars("ناطق"): fold_chars("متحدث"), fold_chars("ناطقة"): fold_chars("متحدث")}
#: Words dropped when comparing roles.
ROLE_STOPWORDS = set(_fold_all("باسم لدى في عن ال"))

#: Words that open an adjunct between the verb and the complement: the
#: subject ends before them ("وقال زاس، في تصريحات لسبوتنيك، إنه").
ADJUNCT_WORDS = set(
    _fold_all("""
في خلال عبر أمام عن إلى الى مع حول من بشأن يوم اليوم أمس مساء صباح ظهر ليلة الليلة
لوسائل للصحفيين للصحافيين لوكالة لقناة لصحيفة لموقع لإذاعة لتلفزيون لمراسل لمراسلة عقب بعد قبل أثناء
الأسبوع الشهر مطلع نهاية منتصف أواخر أوائل قد
السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة
""")
)
#: Media and channel words for "to whom it was said".
_MEDIA = "وكاله|قناه|صحيفه|موقع|اذاعه|تلفزيون|شبكه|مجله|راديو|مراسل|مراسله"
RECIPIENT_RE = re.compile(
    r"(?:تصريحات?|تصريحاته|تصريحاتها|حديث|حديثه|حديثها|مقابلة|مقابله|لقاء|مؤتمر\s+صحفي\s+مع)"
    r"(?:\s+(?:خاصة|خاصه|صحفية|صحفيه|صحافية|صحافيه|اعلامية|اعلاميه|متلفزة|متلفزه))*\s*"
    r"(?:ل|لـ\s*|مع\s+|الى\s+)(?P<to>[^،,:\n]{2,60})"
    rf"|(?<!\w)ل(?P<media>(?:{_MEDIA})\s+[^،,:\n]{{2,50}})"
    rf"|نقلتها\s+(?P<via>(?:{_MEDIA})?\s*[^،,:.\n]{{2,50}})"
    r"|(?<!\w)ل\s*[«“\"](?P<quoted>[^»”\"\n]{2,60})[»”\"]"
)
#: "وكانت الخارجية الروسية قد": a subject before "قد" + verb.
SUBJECT_BEFORE_RE = re.compile(r"(?<!\w)[وف]?كان(?:ت)?\s+(?P<subject>[^،,.:\n]{2,80}?)(?:\s+قد)?\s*$")
#: "أما X، ... ف" + verb: a topic announced before the verb.
TOPIC_RE = re.compile(r"(?<!\w)[و]?اما\s+(?P<subject>[^:.\n]{2,200}?)[\s،,]+ف?$")
#: "بيان صادر عن X": X is the speaker.
STATEMENT_BY_RE = re.compile(r"\s*(?:في\s+)?بيان\s+(?:رسمي\s+)?(?:صادر|صدر)\s+(?:عن|من)\s+")
#: The closing source line of an article: "المصدر: سبوتنيك".
SOURCE_LINE_RE = re.compile(r"(?m)^\s*(?:المصدر|المصدر\s*/|المصادر)\s*[:：]\s*(?P<outlet>[^\n]{2,80}?)\s*$")

#: "X قوله/تأكيده" after نقل عن: dropped from the speaker phrase.
SAYING_NOUNS = set(_fold_all("قوله قولها تأكيده تأكيدها إشارته إشارتها تصريحه تصريحها"))

#: Every cue word (with و/ف attached) and the kind of cue it starts: one
#: dict lookup per word of the text.
CUE_KINDS: dict[str, str] = {
    **{w: "other" for w in OTHER_CUE_WORDS},
    **{w: "according" for w in ACCORDING_WORDS},
    **{w: "participle" for w in PARTICIPLE_WORDS},
    **{w: "verb" for w in VERB_WORDS},
}
CUE_PATTERNS = {"verb": VERB_RE, "participle": PARTICIPLE_RE, "according": ACCORDING_RE}
