"""The unit table: the one place that says which nouns are units, what each
one means, and what a count of people is a count of.

A figure's ``unit`` is a canonical English name from this table: ``person``,
``hour``, ``USD``, ``percent``, ``km2``... Its ``unit_raw`` is the noun as the
text wrote it ("جنود", "اليومين", "troops"), so nothing is lost by the
canonical name.

* People: every noun for a group of people ("soldiers", "troops",
  "peacekeepers", "أشخاص", "جنود", "عسكريين", "متظاهر") is ``person``.
* Counted: nouns that say what happened to the people ("قتلى", "جرحى",
  "مصابين", "معتقلين", "نازحين", "killed", "wounded", "dead") are ``person``
  too, and set the figure's ``counted`` (:data:`COUNTED`).
* Arabic nouns come in the singular ("ألف جندي", "عشرون جنديا" with the
  accusative alef), the dual ("جنديان", "ساعتين", "امرأتان": a figure of two on
  its own), and the plural, broken plurals and plurals of paucity included
  ("ثلاث ساعات", "أشهر", "أيام"). Duals and accusatives are generated from the
  singular. Nouns whose plural is the sound masculine plural ("مدنيين",
  "متظاهرين") get no "-ين" dual: that spelling is read as the plural.
* Currencies are ISO 4217 codes. Where the noun alone does not say which
  country's money it is, the unit is a lowercase family name (``lira``,
  ``riyal``, ``dinar``, ``dirham``) unless an adjective settles it ("ليرة
  تركية" → TRY, "Iraqi dinars" → IQD). "دولار"/"dollars" alone is USD,
  "جنيه" alone EGP, "pounds" alone GBP.
"""

from __future__ import annotations

from dataclasses import dataclass

from .words import fold_word, folded_table, split_words

#: What a count of people can be a count of (the figure's ``counted``).
COUNTED = ("killed", "injured", "arrested", "displaced", "missing", "kidnapped", "evacuated")


@dataclass(frozen=True)
class UnitNoun:
    """What a unit word means.

    ``kind`` groups units for the grammar's rules: ``count`` (people and
    things: never a fraction), ``time``, ``money``, ``percent``, ``measure``.
    ``count`` is 1 for a singular, 2 for a dual (the word alone is the number
    two), None for a plural.
    """

    unit: str
    kind: str
    count: int | None = None
    counted: str | None = None


def _arabic_forms(
    unit: str,
    kind: str,
    singular: tuple[str, ...] = (),
    plural: tuple[str, ...] = (),
    dual: tuple[str, ...] = (),
    counted: str | None = None,
    sound_plural: bool = False,
    auto_dual: bool = True,
) -> list[tuple[str, UnitNoun]]:
    """All the spellings of one Arabic noun: each singular with its accusative
    ("يوما") and dual ("يومان", "يومين"; "ساعتان", "ساعتين"), then the given
    duals and plurals. ``auto_dual=False`` for nouns whose dual is more often
    another word ("مسيرتين": two marches, not two drones)."""
    one = UnitNoun(unit, kind, 1, counted)
    two = UnitNoun(unit, kind, 2, counted)
    many = UnitNoun(unit, kind, None, counted)
    forms: list[tuple[str, UnitNoun]] = []
    for word in singular:
        forms.append((word, one))
        if not word.endswith(("ة", "ى", "ا", "ء")):
            forms.append((word + "ا", one))
        if word.endswith("ى") or not auto_dual:
            continue
        stem = word[:-1] + "ت" if word.endswith("ة") else word
        forms.append((stem + "ان", two))
        if not sound_plural:
            forms.append((stem + "ين", two))
    forms.extend((word, two) for word in dual)
    forms.extend((word, many) for word in plural)
    return forms


_P = "person"
#: Arabic unit nouns: (unit, kind, singulars, plurals, options).
_ARABIC: list[tuple[str, UnitNoun]] = [
    # People.
    *_arabic_forms(_P, "count", ("شخص",), ("أشخاص",)),
    *_arabic_forms(_P, "count", ("فرد",), ("أفراد",)),
    *_arabic_forms(_P, "count", ("جندي",), ("جنود",)),
    *_arabic_forms(_P, "count", ("عسكري",), ("عسكريين", "عسكريون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("مقاتل",), ("مقاتلين", "مقاتلون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("متظاهر",), ("متظاهرين", "متظاهرون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("محتج",), ("محتجين", "محتجون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("مدني",), ("مدنيين", "مدنيون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("طفل",), ("أطفال",)),
    *_arabic_forms(_P, "count", ("امرأة", "سيدة"), ("نساء", "سيدات")),
    *_arabic_forms(_P, "count", ("رجل",), ("رجال",)),
    *_arabic_forms(_P, "count", ("مواطن",), ("مواطنين", "مواطنون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("لاجئ",), ("لاجئين", "لاجئون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("مهاجر",), ("مهاجرين", "مهاجرون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("عامل",), ("عمال", "عاملين", "عاملون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("موظف",), ("موظفين", "موظفون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("شرطي",), ("شرطيين", "شرطيون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("ضابط",), ("ضباط",)),
    *_arabic_forms(_P, "count", ("عنصر",), ("عناصر",), auto_dual=False),
    *_arabic_forms(_P, "count", ("مسلح",), ("مسلحين", "مسلحون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("مستوطن",), ("مستوطنين", "مستوطنون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("طالب",), ("طلاب",)),
    *_arabic_forms(_P, "count", ("صحفي",), ("صحفيين", "صحفيون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("مسافر",), ("مسافرين", "مسافرون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("ناخب",), ("ناخبين", "ناخبون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("ناشط",), ("ناشطين", "ناشطون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("متطوع",), ("متطوعين", "متطوعون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("أسير",), ("أسرى",)),
    *_arabic_forms(_P, "count", ("رهينة",), ("رهائن",)),
    *_arabic_forms(_P, "count", ("مريض",), ("مرضى",)),
    *_arabic_forms(_P, "count", ("طبيب",), ("أطباء",)),
    *_arabic_forms(_P, "count", ("عضو",), ("أعضاء",)),
    *_arabic_forms(_P, "count", ("نائب",), ("نواب",)),
    *_arabic_forms(_P, "count", ("زائر",), ("زوار",)),
    *_arabic_forms(_P, "count", ("سائح",), ("سياح",)),
    *_arabic_forms(_P, "count", ("حاج",), ("حجاج",)),
    *_arabic_forms(_P, "count", ("مرتزق",), ("مرتزقة",)),
    *_arabic_forms(_P, "count", ("نسمة",)),
    *_arabic_forms(_P, "count", plural=("آخرين", "آخرون")),
    # People, and what happened to them.
    *_arabic_forms(_P, "count", ("قتيل",), ("قتلى",), counted="killed"),
    *_arabic_forms(_P, "count", ("شهيد",), ("شهداء",), counted="killed"),
    *_arabic_forms(_P, "count", ("جثة",), ("جثث",), counted="killed"),
    *_arabic_forms(_P, "count", ("وفاة",), ("وفيات",), counted="killed"),
    *_arabic_forms(_P, "count", ("جريح",), ("جرحى",), counted="injured"),
    *_arabic_forms(_P, "count", ("مصاب",), ("مصابين", "مصابون"), counted="injured", sound_plural=True),
    *_arabic_forms(_P, "count", ("معتقل",), ("معتقلين", "معتقلون"), counted="arrested", sound_plural=True),
    *_arabic_forms(_P, "count", ("موقوف",), ("موقوفين", "موقوفون"), counted="arrested", sound_plural=True),
    *_arabic_forms(_P, "count", ("محتجز",), ("محتجزين", "محتجزون"), counted="arrested", sound_plural=True),
    *_arabic_forms(_P, "count", ("نازح",), ("نازحين", "نازحون"), counted="displaced", sound_plural=True),
    *_arabic_forms(_P, "count", ("مهجر",), ("مهجرين", "مهجرون"), counted="displaced", sound_plural=True),
    *_arabic_forms(_P, "count", ("مشرد",), ("مشردين", "مشردون"), counted="displaced", sound_plural=True),
    *_arabic_forms(_P, "count", ("مفقود",), ("مفقودين", "مفقودون"), counted="missing", sound_plural=True),
    *_arabic_forms(
        _P, "count", ("مختطف", "مخطوف"), ("مختطفين", "مخطوفين"), counted="kidnapped", sound_plural=True
    ),
    # Groups and things.
    *_arabic_forms("family", "count", ("عائلة", "أسرة"), ("عائلات", "أسر")),
    *_arabic_forms(
        "vehicle",
        "count",
        ("مركبة", "آلية", "سيارة", "شاحنة", "عربة", "مدرعة"),
        ("مركبات", "آليات", "سيارات", "شاحنات", "عربات", "مدرعات"),
    ),
    *_arabic_forms("tank", "count", ("دبابة",), ("دبابات",)),
    *_arabic_forms("aircraft", "count", ("طائرة", "مروحية"), ("طائرات", "مروحيات")),
    *_arabic_forms("drone", "count", ("مسيرة",), ("مسيرات",), auto_dual=False),
    *_arabic_forms("missile", "count", ("صاروخ",), ("صواريخ",)),
    *_arabic_forms("shell", "count", ("قذيفة",), ("قذائف",)),
    *_arabic_forms("ship", "count", ("سفينة", "قارب", "زورق"), ("سفن", "قوارب", "زوارق")),
    *_arabic_forms("building", "count", ("بناية",), ("بنايات", "مباني", "مبان"), dual=("مبنيين", "مبنيان")),
    ("مبنى", UnitNoun("building", "count", 1)),
    *_arabic_forms("house", "count", ("منزل", "بيت"), ("منازل", "بيوت")),
    *_arabic_forms("village", "count", ("قرية",), ("قرى",)),
    *_arabic_forms("case", "count", ("حالة",), ("حالات",)),
    *_arabic_forms(_P, "count", ("لاعب",), ("لاعبين", "لاعبون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("مشجع",), ("مشجعين", "مشجعون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("مشارك",), ("مشاركين", "مشاركون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("مسؤول",), ("مسؤولين", "مسؤولون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("دبلوماسي",), ("دبلوماسيين", "دبلوماسيون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("مراقب",), ("مراقبين", "مراقبون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("خبير",), ("خبراء",)),
    *_arabic_forms(_P, "count", ("مهندس",), ("مهندسين", "مهندسون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("معلم",), ("معلمين", "معلمون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("مسعف",), ("مسعفين", "مسعفون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("ممرض",), ("ممرضين", "ممرضون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("سجين",), ("سجناء",)),
    *_arabic_forms(_P, "count", ("ضحية",), ("ضحايا",)),
    *_arabic_forms(_P, "count", ("عداء",), ("عدائين",)),
    *_arabic_forms("clinic", "count", ("عيادة",), ("عيادات",)),
    *_arabic_forms("call", "count", ("مكالمة", "اتصال"), ("مكالمات", "اتصالات")),
    *_arabic_forms("plant", "count", ("مصنع",), ("مصانع",)),
    *_arabic_forms("mm", "measure", ("مليمتر", "ملليمتر"), ("مليمترات",)),
    ("ملم", UnitNoun("mm", "measure")),
    *_arabic_forms("cm", "measure", ("سنتيمتر", "سنتيمترا"), ("سنتيمترات",)),
    *_arabic_forms(_P, "count", ("مزارع",), ("مزارعين", "مزارعون"), sound_plural=True),
    *_arabic_forms(_P, "count", ("مرشح",), ("مرشحين", "مرشحون"), sound_plural=True),
    *_arabic_forms("country", "count", ("دولة", "بلد"), ("دول", "بلدان")),
    *_arabic_forms("province", "count", ("محافظة", "ولاية", "إقليم"), ("محافظات", "ولايات", "أقاليم")),
    *_arabic_forms("district", "count", ("مقاطعة",), ("مقاطعات",)),
    *_arabic_forms("region", "count", ("منطقة",), ("مناطق",)),
    *_arabic_forms("city", "count", ("مدينة",), ("مدن",)),
    *_arabic_forms("town", "count", ("بلدة",), ("بلدات",)),
    *_arabic_forms("company", "count", ("شركة",), ("شركات",)),
    *_arabic_forms("flight", "count", ("رحلة",), ("رحلات",)),
    *_arabic_forms("match", "count", ("مباراة",), ("مباريات",)),
    *_arabic_forms("goal", "count", ("هدف",), ("أهداف",)),
    *_arabic_forms("point", "count", ("نقطة",), ("نقاط",)),
    *_arabic_forms("degree", "measure", ("درجة",), ("درجات",)),
    *_arabic_forms("tent", "count", ("خيمة",), ("خيام",)),
    *_arabic_forms("site", "count", ("موقع",), ("مواقع",)),
    *_arabic_forms("tremor", "count", ("هزة",), ("هزات",)),
    *_arabic_forms("fire", "count", ("حريق",), ("حرائق",)),
    *_arabic_forms("complaint", "count", ("شكوى",), ("شكاوى",), dual=("شكويين", "شكويان")),
    *_arabic_forms("center", "count", ("مركز",), ("مراكز",)),
    *_arabic_forms("school", "count", ("مدرسة",), ("مدارس",)),
    *_arabic_forms("hospital", "count", (), ("مستشفيات",), dual=("مستشفيين", "مستشفيان")),
    ("مستشفى", UnitNoun("hospital", "count", 1)),
    *_arabic_forms("mosque", "count", ("مسجد",), ("مساجد",)),
    *_arabic_forms("project", "count", ("مشروع",), ("مشاريع", "مشروعات")),
    *_arabic_forms("agreement", "count", ("اتفاقية",), ("اتفاقيات",)),
    *_arabic_forms("attack", "count", ("هجوم",), ("هجمات",)),
    *_arabic_forms("airstrike", "count", ("غارة",), ("غارات",)),
    *_arabic_forms("seat", "count", ("مقعد",), ("مقاعد",)),
    *_arabic_forms("vote", "count", ("صوت",), ("أصوات",)),
    *_arabic_forms("party", "count", ("حزب",), ("أحزاب",)),
    *_arabic_forms("station", "count", ("محطة",), ("محطات",)),
    *_arabic_forms("apartment", "count", ("شقة",), ("شقق",)),
    *_arabic_forms("unit", "count", ("وحدة",), ("وحدات",)),
    *_arabic_forms("shop", "count", ("محل",), ("محلات",)),
    *_arabic_forms("farm", "count", ("مزرعة",), ()),
    *_arabic_forms("tree", "count", ("شجرة",), ("أشجار",)),
    *_arabic_forms("container", "count", ("حاوية",), ("حاويات",)),
    *_arabic_forms("dose", "count", ("جرعة",), ("جرعات",)),
    # Time.
    *_arabic_forms("second", "time", ("ثانية",), ("ثوان", "ثواني")),
    *_arabic_forms("minute", "time", ("دقيقة",), ("دقائق",)),
    *_arabic_forms("hour", "time", ("ساعة",), ("ساعات",)),
    *_arabic_forms("day", "time", ("يوم",), ("أيام",)),
    *_arabic_forms("week", "time", ("أسبوع",), ("أسابيع",)),
    *_arabic_forms("month", "time", ("شهر",), ("أشهر", "شهور")),
    *_arabic_forms("year", "time", ("سنة", "عام"), ("سنوات", "سنين", "أعوام")),
    *_arabic_forms("decade", "time", (), ("عقود",), dual=("عقدين", "عقدان")),
    # Money.
    *_arabic_forms("USD", "money", ("دولار",), ("دولارات",)),
    ("يورو", UnitNoun("EUR", "money")),
    *_arabic_forms("RUB", "money", ("روبل",), ("روبلات",)),
    *((word, UnitNoun("KZT", "money")) for word in ("تنغي", "تينغي", "تنغه", "تينغ", "تنجي", "تنغ")),
    *_arabic_forms("EGP", "money", ("جنيه",), ("جنيهات",)),
    *_arabic_forms("lira", "money", ("ليرة",), ("ليرات",)),
    *_arabic_forms("riyal", "money", ("ريال",), ("ريالات",)),
    *_arabic_forms("dinar", "money", ("دينار",), ("دنانير",)),
    *_arabic_forms("dirham", "money", ("درهم",), ("دراهم",)),
    ("يوان", UnitNoun("CNY", "money")),
    *_arabic_forms("ILS", "money", ("شيقل", "شيكل"), ("شواقل", "شيكلات")),
    # Measures.
    *_arabic_forms("km", "measure", ("كيلومتر",), ("كيلومترات",)),
    ("كلم", UnitNoun("km", "measure")),
    ("كم", UnitNoun("km", "measure")),
    *_arabic_forms("m", "measure", ("متر",), ("أمتار",)),
    *_arabic_forms("kg", "measure", ("كيلوغرام", "كيلوجرام", "كيلو"), ("كيلوغرامات", "كيلوجرامات")),
    ("كغ", UnitNoun("kg", "measure")),
    ("كلغ", UnitNoun("kg", "measure")),
    *_arabic_forms("ton", "measure", ("طن",), ("أطنان",)),
    # Not "غرامات": that is also the plural of "غرامة", a fine.
    *_arabic_forms("g", "measure", ("غرام", "جرام"), ("جرامات",)),
    *_arabic_forms("barrel", "measure", ("برميل",), ("براميل",)),
    *_arabic_forms("liter", "measure", ("لتر", "ليتر"), ("لترات", "ليترات")),
    *_arabic_forms("mile", "measure", ("ميل",), ("أميال",)),
    *_arabic_forms("hectare", "measure", ("هكتار",), ("هكتارات",)),
    *_arabic_forms("dunam", "measure", ("دونم",), ("دونمات",)),
    *_arabic_forms("feddan", "measure", ("فدان",), ("فدادين",)),
    *((word, UnitNoun("MW", "measure")) for word in ("ميغاواط", "ميجاوات", "ميغاوات", "ميجاواط")),
    *((word, UnitNoun("GW", "measure")) for word in ("غيغاواط", "جيجاوات", "غيغاوات", "جيجاواط")),
    # Percent, written as one word.
    *((word, UnitNoun("percent", "percent")) for word in ("بالمئة", "بالمائة", "بالمية", "بالمئه")),
]

#: Arabic unit nouns by folded spelling.
ARABIC_UNITS: dict[str, UnitNoun] = folded_table(_ARABIC)


def _english_forms(
    unit: str, kind: str, words: str, counted: str | None = None
) -> list[tuple[str, UnitNoun]]:
    noun = UnitNoun(unit, kind, None, counted)
    return [(word, noun) for word in words.split()]


_ENGLISH: list[tuple[str, UnitNoun]] = [
    *_english_forms(
        _P,
        "count",
        "person persons people individual individuals soldier soldiers troop troops peacekeeper "
        "peacekeepers personnel servicemen serviceman civilian civilians child children kid kids woman "
        "women man men protester protesters protestor protestors demonstrator demonstrators refugee "
        "refugees migrant migrants worker workers officer officers policeman policemen fighter fighters "
        "militant militants rebel rebels insurgent insurgents resident residents citizen citizens member "
        "members staff employee employees student students patient patients prisoner prisoners hostage "
        "hostages journalist journalists voter voters pilgrim pilgrims tourist tourists passenger "
        "passengers volunteer volunteers mercenary mercenaries inhabitant inhabitants settler settlers "
        "others victim victims",
    ),
    *_english_forms(_P, "count", "dead killed deaths death fatalities bodies", counted="killed"),
    *_english_forms(_P, "count", "wounded injured injuries", counted="injured"),
    *_english_forms(_P, "count", "arrested arrests detainees detained", counted="arrested"),
    *_english_forms(_P, "count", "displaced", counted="displaced"),
    *_english_forms(_P, "count", "missing", counted="missing"),
    *_english_forms(_P, "count", "kidnapped abducted", counted="kidnapped"),
    *_english_forms(_P, "count", "evacuated evacuees", counted="evacuated"),
    *_english_forms("family", "count", "family families household households"),
    *_english_forms("vehicle", "count", "vehicle vehicles car cars truck trucks lorry lorries"),
    *_english_forms("tank", "count", "tank tanks"),
    *_english_forms(
        "aircraft",
        "count",
        "aircraft plane planes airplane airplanes jet jets warplane warplanes helicopter helicopters",
    ),
    *_english_forms("drone", "count", "drone drones"),
    *_english_forms("missile", "count", "missile missiles rocket rockets"),
    *_english_forms("shell", "count", "shell shells"),
    *_english_forms("ship", "count", "ship ships vessel vessels boat boats"),
    *_english_forms("building", "count", "building buildings"),
    *_english_forms("house", "count", "house houses home homes"),
    *_english_forms("village", "count", "village villages"),
    *_english_forms("case", "count", "case cases"),
    *_english_forms(_P, "count", "farmer farmers candidate candidates firefighters firefighter"),
    *_english_forms("country", "count", "country countries nation nations"),
    *_english_forms("province", "count", "province provinces"),
    *_english_forms("district", "count", "district districts"),
    *_english_forms("region", "count", "region regions"),
    *_english_forms("city", "count", "city cities"),
    *_english_forms("town", "count", "town towns"),
    *_english_forms("company", "count", "company companies firm firms"),
    *_english_forms("flight", "count", "flight flights"),
    *_english_forms("match", "count", "match matches"),
    *_english_forms("goal", "count", "goal goals"),
    *_english_forms("point", "count", "point points"),
    *_english_forms("degree", "measure", "degree degrees"),
    *_english_forms("tent", "count", "tent tents"),
    *_english_forms("site", "count", "site sites"),
    *_english_forms("aftershock", "count", "aftershock aftershocks"),
    *_english_forms("tremor", "count", "tremor tremors"),
    *_english_forms("fire", "count", "fire fires wildfire wildfires"),
    *_english_forms("complaint", "count", "complaint complaints"),
    *_english_forms("center", "count", "center centers centre centres"),
    *_english_forms("school", "count", "school schools"),
    *_english_forms("hospital", "count", "hospital hospitals"),
    *_english_forms("mosque", "count", "mosque mosques"),
    *_english_forms("project", "count", "project projects"),
    *_english_forms("agreement", "count", "agreement agreements"),
    *_english_forms("attack", "count", "attack attacks"),
    *_english_forms("airstrike", "count", "airstrike airstrikes"),
    *_english_forms("seat", "count", "seat seats"),
    *_english_forms("vote", "count", "vote votes ballot ballots"),
    *_english_forms("party", "count", "party parties"),
    *_english_forms("station", "count", "station stations"),
    *_english_forms("apartment", "count", "apartment apartments flat flats"),
    *_english_forms("unit", "count", "unit units"),
    *_english_forms("shop", "count", "shop shops"),
    *_english_forms("farm", "count", "farm farms"),
    *_english_forms("tree", "count", "tree trees"),
    *_english_forms("container", "count", "container containers"),
    *_english_forms(
        _P,
        "count",
        "runner runners athlete athletes player players fan fans spectator spectators delegate delegates "
        "participant participants visitor visitors worshippers worshipers nurse nurses doctor doctors "
        "teacher teachers pupil pupils lawmaker lawmakers official officials diplomat diplomats observer "
        "observers monitor monitors inspector inspectors expert experts scientist scientists engineer "
        "engineers crew sailor sailors pilot pilots guard guards guest guests customer customers user "
        "users immigrant immigrants national nationals foreigner foreigners traveller travellers "
        "traveler travelers driver drivers miner miners fishermen villager villagers survivor survivors "
        "suspect suspects inmate inmates recruit recruits reservist reservists marine marines rescuer "
        "rescuers medic medics paramedics policemen police",
    ),
    *_english_forms("clinic", "count", "clinic clinics"),
    *_english_forms("bed", "count", "bed beds"),
    *_english_forms("call", "count", "call calls"),
    *_english_forms("plant", "count", "plant plants factory factories"),
    *_english_forms("mm", "measure", "mm millimetre millimetres millimeter millimeters"),
    *_english_forms("cm", "measure", "cm centimetre centimetres centimeter centimeters"),
    *_english_forms("dose", "count", "dose doses"),
    *_english_forms("second", "time", "second seconds sec secs"),
    *_english_forms("minute", "time", "minute minutes min mins"),
    *_english_forms("hour", "time", "hour hours hr hrs"),
    *_english_forms("day", "time", "day days"),
    *_english_forms("week", "time", "week weeks"),
    *_english_forms("month", "time", "month months"),
    *_english_forms("year", "time", "year years yr yrs"),
    *_english_forms("decade", "time", "decade decades"),
    *_english_forms("USD", "money", "dollar dollars"),
    *_english_forms("EUR", "money", "euro euros"),
    *_english_forms("RUB", "money", "rouble roubles ruble rubles"),
    *_english_forms("KZT", "money", "tenge"),
    *_english_forms("GBP", "money", "pound pounds sterling quid"),
    *_english_forms("lira", "money", "lira liras lire"),
    *_english_forms("riyal", "money", "riyal riyals rial rials"),
    *_english_forms("dinar", "money", "dinar dinars"),
    *_english_forms("dirham", "money", "dirham dirhams"),
    *_english_forms("CNY", "money", "yuan renminbi"),
    *_english_forms("JPY", "money", "yen"),
    *_english_forms("UAH", "money", "hryvnia hryvnias"),
    *_english_forms("ILS", "money", "shekel shekels"),
    *_english_forms("percent", "percent", "percent pct pc"),
    *_english_forms("km", "measure", "km kms kilometre kilometres kilometer kilometers"),
    *_english_forms("km2", "measure", "km2"),
    *_english_forms("m", "measure", "metre metres meter meters"),
    *_english_forms("kg", "measure", "kg kgs kilogram kilograms kilogramme kilogrammes kilo kilos"),
    *_english_forms("ton", "measure", "ton tons tonne tonnes"),
    # Not "g": "5G" is a network.
    *_english_forms("g", "measure", "gram grams gramme grammes"),
    # "pounds" alone is money; "pounds of cocaine" is a weight (POUND_GOODS).
    *_english_forms("lb", "measure", "lb lbs"),
    *_english_forms("barrel", "measure", "barrel barrels bbl"),
    *_english_forms("liter", "measure", "litre litres liter liters"),
    *_english_forms("mile", "measure", "mile miles"),
    *_english_forms("hectare", "measure", "hectare hectares"),
    *_english_forms("acre", "measure", "acre acres"),
    *_english_forms("dunam", "measure", "dunam dunams dunum dunums"),
    *_english_forms("MW", "measure", "megawatt megawatts mw"),
    *_english_forms("GW", "measure", "gigawatt gigawatts gw"),
]

#: English unit nouns, lowercase.
ENGLISH_UNITS: dict[str, UnitNoun] = folded_table(_ENGLISH)

#: ISO 4217 codes written as words: matched only in capitals, so "try" the
#: verb is not Turkish lira.
CURRENCY_CODES: dict[str, UnitNoun] = {
    code: UnitNoun(code, "money")
    for code in split_words(
        "USD EUR GBP RUB KZT TRY EGP SAR IQD JOD KWD LBP SYP AED QAR IRR OMR BHD YER LYD TND DZD MAD "
        "SDG CNY JPY UAH CHF CAD AUD ILS"
    )
}

#: Units written as symbols, after the number ("5%", "500$") or before it
#: ("$8 million", "€5bn", "%5" as Arabic text sometimes has it).
UNIT_SYMBOLS: dict[str, UnitNoun] = {
    "%": UnitNoun("percent", "percent"),
    "٪": UnitNoun("percent", "percent"),
    "％": UnitNoun("percent", "percent"),
    "$": UnitNoun("USD", "money"),
    "€": UnitNoun("EUR", "money"),
    "£": UnitNoun("GBP", "money"),
    "₽": UnitNoun("RUB", "money"),
    "₺": UnitNoun("TRY", "money"),
    "₸": UnitNoun("KZT", "money"),
    "¥": UnitNoun("JPY", "money"),
    "﷼": UnitNoun("riyal", "money"),
}

#: Units of more than one word, as tuples of folded words. Looked up before
#: single words, longest first.
UNIT_PHRASES: dict[tuple[str, ...], UnitNoun] = {
    tuple(fold_word(w) for w in phrase.split()): noun
    for phrase, noun in [
        ("في المئة", UnitNoun("percent", "percent")),
        ("في المائة", UnitNoun("percent", "percent")),
        ("في المية", UnitNoun("percent", "percent")),
        ("per cent", UnitNoun("percent", "percent")),
        ("percentage point", UnitNoun("percentage point", "percent")),
        ("percentage points", UnitNoun("percentage point", "percent")),
        ("نقطة مئوية", UnitNoun("percentage point", "percent")),
        ("نقاط مئوية", UnitNoun("percentage point", "percent")),
        ("نقطتين مئويتين", UnitNoun("percentage point", "percent", 2)),
        ("basis point", UnitNoun("basis point", "percent")),
        ("basis points", UnitNoun("basis point", "percent")),
        ("نقطة أساس", UnitNoun("basis point", "percent")),
        ("نقاط أساس", UnitNoun("basis point", "percent")),
        ("نقطة أساسية", UnitNoun("basis point", "percent")),
        ("نقاط أساسية", UnitNoun("basis point", "percent")),
        ("كيلومتر مربع", UnitNoun("km2", "measure", 1)),
        ("كيلومترا مربعا", UnitNoun("km2", "measure", 1)),
        ("كيلومترات مربعة", UnitNoun("km2", "measure")),
        ("كم مربع", UnitNoun("km2", "measure")),
        ("كلم مربع", UnitNoun("km2", "measure")),
        ("متر مربع", UnitNoun("m2", "measure", 1)),
        ("مترا مربعا", UnitNoun("m2", "measure", 1)),
        ("أمتار مربعة", UnitNoun("m2", "measure")),
        ("متر مكعب", UnitNoun("m3", "measure", 1)),
        ("مترا مكعبا", UnitNoun("m3", "measure", 1)),
        ("أمتار مكعبة", UnitNoun("m3", "measure")),
        ("square kilometres", UnitNoun("km2", "measure")),
        ("square kilometers", UnitNoun("km2", "measure")),
        ("square kilometre", UnitNoun("km2", "measure")),
        ("square kilometer", UnitNoun("km2", "measure")),
        ("sq km", UnitNoun("km2", "measure")),
        ("square miles", UnitNoun("mile2", "measure")),
        ("nautical mile", UnitNoun("nautical mile", "measure")),
        ("nautical miles", UnitNoun("nautical mile", "measure")),
        ("ميل بحري", UnitNoun("nautical mile", "measure", 1)),
        ("ميلا بحريا", UnitNoun("nautical mile", "measure", 1)),
        ("أميال بحرية", UnitNoun("nautical mile", "measure")),
        ("ميلان بحريان", UnitNoun("nautical mile", "measure", 2)),
        ("ميلين بحريين", UnitNoun("nautical mile", "measure", 2)),
        ("square metres", UnitNoun("m2", "measure")),
        ("square meters", UnitNoun("m2", "measure")),
        ("cubic metres", UnitNoun("m3", "measure")),
        ("cubic meters", UnitNoun("m3", "measure")),
        ("طائرة مسيرة", UnitNoun("drone", "count", 1)),
        ("طائرات مسيرة", UnitNoun("drone", "count")),
        ("طائرة بدون طيار", UnitNoun("drone", "count", 1)),
        ("طائرات بدون طيار", UnitNoun("drone", "count")),
        ("حالة وفاة", UnitNoun(_P, "count", 1, "killed")),
        ("حالات وفاة", UnitNoun(_P, "count", None, "killed")),
        ("حالة اعتقال", UnitNoun(_P, "count", 1, "arrested")),
        ("حالات اعتقال", UnitNoun(_P, "count", None, "arrested")),
        ("درجة مئوية", UnitNoun("celsius", "measure", 1)),
        ("درجات مئوية", UnitNoun("celsius", "measure")),
        ("درجة مئوية", UnitNoun("celsius", "measure", 1)),
        ("degrees celsius", UnitNoun("celsius", "measure")),
        ("degree celsius", UnitNoun("celsius", "measure")),
        ("degrees fahrenheit", UnitNoun("fahrenheit", "measure")),
        ("درجة فهرنهايت", UnitNoun("fahrenheit", "measure", 1)),
        ("درجات فهرنهايت", UnitNoun("fahrenheit", "measure")),
        ("degrees centigrade", UnitNoun("celsius", "measure")),
        ("هزة ارتدادية", UnitNoun("aftershock", "count", 1)),
        ("هزات ارتدادية", UnitNoun("aftershock", "count")),
        ("بؤرة حريق", UnitNoun("fire", "count", 1)),
        ("بؤر حريق", UnitNoun("fire", "count")),
        ("بؤر حرائق", UnitNoun("fire", "count")),
        ("air strikes", UnitNoun("airstrike", "count")),
        ("air strike", UnitNoun("airstrike", "count")),
        ("asylum seekers", UnitNoun(_P, "count")),
    ]
}
#: The most words a unit phrase has, and the words a phrase may begin with.
LONGEST_UNIT_PHRASE = max(len(phrase) for phrase in UNIT_PHRASES)
UNIT_PHRASE_STARTS = frozenset(phrase[0] for phrase in UNIT_PHRASES)

_CURRENCY_ADJECTIVES = {
    "USD": "أمريكي أميركي american us u.s",
    "CAD": "كندي canadian",
    "AUD": "أسترالي australian",
    "TRY": "تركي turkish",
    "LBP": "لبناني lebanese",
    "SYP": "سوري syrian",
    "EGP": "مصري egyptian",
    "GBP": "إسترليني استرليني british sterling",
    "SAR": "سعودي saudi",
    "QAR": "قطري qatari",
    "IRR": "إيراني iranian",
    "OMR": "عماني omani",
    "YER": "يمني yemeni",
    "IQD": "عراقي iraqi",
    "JOD": "أردني jordanian",
    "KWD": "كويتي kuwaiti",
    "BHD": "بحريني bahraini",
    "LYD": "ليبي libyan",
    "TND": "تونسي tunisian",
    "DZD": "جزائري algerian",
    "AED": "إماراتي emirati uae",
    "MAD": "مغربي moroccan",
    "SDG": "سوداني sudanese",
    "RUB": "روسي russian",
    "KZT": "كازاخستاني كازاخي kazakh kazakhstani",
    "CNY": "صيني chinese",
    "JPY": "ياباني japanese",
    "UAH": "أوكراني ukrainian",
}


def _adjective_forms() -> list[tuple[str, str]]:
    forms = []
    for code, words in _CURRENCY_ADJECTIVES.items():
        for word in words.split():
            forms.append((word, code))
            if "\u0600" <= word[0] <= "\u06ff":
                # Feminine ("ليرة تركية", "دولارات أمريكية") and definite forms.
                for form in (word + "ة", word + "ين", word + "ون"):
                    forms.append((form, code))
                forms.extend(("ال" + form, code) for form in (word, word + "ة"))
    return forms


#: Nationality adjectives that say whose money a currency noun is: after the
#: noun in Arabic ("دينار كويتي"), before it in English ("Kuwaiti dinars").
CURRENCY_ADJECTIVES: dict[str, str] = folded_table(_adjective_forms())


def _by_word(table: dict[str, str]) -> dict[str, str]:
    """``{value: "word word ..."}`` turned around into ``{folded word: value}``."""
    return folded_table((word, value) for value, words in table.items() for word in split_words(words))


#: Words before a figure that say what its people were counted for:
#: "مقتل 10 أشخاص", "killed at least 10 people", "حصيلة القتلى إلى 50".
COUNTED_BEFORE: dict[str, str] = _by_word(
    {
        "killed": "مقتل قتل مصرع استشهاد وفاة قتلى القتلى الوفيات ضحايا toll killed killing kills kill",
        "injured": "إصابة أصيب جرح جرحى الجرحى المصابين wounded wounding injured injuring",
        "arrested": "اعتقال اعتقل توقيف أوقف احتجاز احتجز المعتقلين arrested arresting detained detaining",
        "displaced": "نزوح نزح تهجير تشريد النازحين displaced displacing",
        "missing": "فقدان المفقودين",
        "kidnapped": "اختطاف اختطف خطف kidnapped kidnapping abducted abducting",
        "evacuated": "إجلاء أجلي evacuated evacuating",
    }
)

#: Words after a figure that say what its people were counted for: "10
#: أشخاص قتلوا", "10 people were killed" (auxiliaries in :data:`AUXILIARIES`
#: may come between).
COUNTED_AFTER: dict[str, str] = _by_word(
    {
        "killed": "قتلوا لقوا مصرعهم حتفهم استشهدوا توفوا killed dead died perished",
        "injured": "أصيبوا جرحوا wounded injured hurt",
        "arrested": "اعتقلوا أوقفوا احتجزوا arrested detained",
        "displaced": "نزحوا هجروا displaced",
        "missing": "فقدوا missing",
        "kidnapped": "اختطفوا خطفوا kidnapped abducted",
        "evacuated": "أجلوا evacuated",
    }
)

#: Words that may stand between a figure and a COUNTED_AFTER word.
AUXILIARIES = frozenset(
    fold_word(w)
    for w in split_words(
        "were was have has had been are is being reportedly also all later allegedly who that قد وقد"
    )
)

#: English words that may not stand between a number and its unit noun:
#: any other word may, twice at most ("2,500 Russian troops", "40 additional
#: vaccination centers", "1,350 criminal cases"), but not these ("5 of
#: them", "10 were people").
ENGLISH_NOT_MODIFIERS = frozenset(
    split_words(
        "the a an of in on at to for from by with and or but nor so yet was were is are be been being am "
        "have has had do does did will would shall should can could may might must said says say told "
        "according that which who whom whose this these those it its they them their he him his she her "
        "we us our you your i me my as than then there here when where while after before since until "
        "during about over under into onto out up down off not no each every all some any another such "
        "only also just even still very per vs both either neither most least many much few several"
    )
)


#: Temperatures, whose figures can be below zero: "-10C", "minus 10
#: degrees", "10 درجات تحت الصفر" (:mod:`.signs`).
TEMPERATURES = frozenset({"celsius", "fahrenheit", "degree"})

#: What is weighed in pounds in the news: after "pounds of" one of these
#: (a modifier may come between: "pounds of pure cocaine"), "pounds" is a
#: weight, not money ("a fine of 3 million pounds", "pounds of aid").
POUND_GOODS = frozenset(
    split_words(
        "gold silver copper cocaine heroin cannabis marijuana weed methamphetamine meth fentanyl opium "
        "hashish hash drugs narcotics khat explosives explosive meat beef pork lamb chicken fish seafood "
        "food rice flour sugar wheat grain coffee tea cheese butter produce vegetables fruit potatoes "
        "waste trash garbage rubbish litter plastic debris ivory"
    )
)
