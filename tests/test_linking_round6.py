"""The linker's sixth round: what the light Arabic stemmer left apart (a و
written onto a word, a broken plural, a number word with the article, a
phrase behind a preposition), hedges of a figure read as no content."""

from __future__ import annotations

from claimtrack_linker import fuzzy
from claimtrack_linker.words import arabic_stem, arabic_variants, lexicon

from claimtrack import LinkClaim, link_claims, normalize_text


def claim(claim_id, text, language="ar", **kw):
    return LinkClaim(claim_id, text, language, **kw)


def form(word: str, language: str = "ar") -> str | None:
    return lexicon().form(normalize_text(word, language))


def compared(*texts: str, language: str = "ar") -> list[list[str]]:
    strings, _ = fuzzy.read_claims([claim(str(i), t, language) for i, t in enumerate(texts)])
    return [s.split() for s in strings]


def test_a_word_that_begins_with_waw_keeps_it():
    # و is the first letter of "وزارة": the ministry is one word with or
    # without the article (the stemmer took it off "وزارة" only).
    assert form("وزارة") == form("الوزارة") == form("والوزارة")
    assert arabic_stem(normalize_text("وزارة", "ar")).startswith("و")


def test_waw_written_onto_a_listed_word_is_read_off():
    assert form("وأعلن") == form("أعلن") == form("قال")
    assert form("وتوج") == form("توج")


def test_waw_written_onto_a_word_of_the_claims_is_read_off():
    a, b = compared("وأغلقت السلطات المعبر", "أغلقت السلطات المعبر الحدودي")
    assert a[0] == b[0]
    # Not before a word of three letters: "وزار" (the ministry's form) is not "زار" (visited).
    a, b = compared("وزارة الصحة تفتح مستشفى", "زار الوزير مستشفى الصحة")
    assert a[0] != b[0]


def test_a_broken_plural_is_joined_to_its_singular_when_both_are_there():
    a, b = compared("ارتفعت الأسعار في المصارف", "ارتفع السعر في المصرف")
    assert a == b
    # Alone, a plural is read as it is: nothing tells what it is a plural of.
    (alone,) = compared("ارتفعت الأسعار في المصارف")
    assert form("الأسعار") in alone


def test_arabic_variants_guesses_only():
    assert arabic_variants(normalize_text("أسعار", "ar")) == [normalize_text("سعر", "ar")]
    assert normalize_text("حريق", "ar") in arabic_variants(normalize_text("حرائق", "ar"))
    assert normalize_text("مصرف", "ar") in arabic_variants(normalize_text("مصارف", "ar"))
    assert arabic_variants("war") == []
    assert arabic_variants(normalize_text("سعر", "ar")) == []


def test_a_phrase_behind_a_preposition_is_still_the_phrase():
    a, b = compared("مانشستر سيتي يتوج بكأس العالم للأندية", "مانشستر سيتي يحرز كأس العالم للأندية")
    assert form("مونديال") in a and form("مونديال") in b


def test_number_words_with_the_article_or_a_preposition_are_numbers():
    assert form("الستة") is None and form("الثلاثة") is None
    assert form("بخمسمئة") is None and form("خمسمائة") is None
    assert form("الاثنين") is not None  # Monday
    assert form("ال16") is None  # "الـ16"


def test_hedges_of_a_figure_are_not_content():
    assert form("least", "en") is None and form("nearly", "en") is None
    assert form("لأكثر") is None and form("أكثر") is None and form("بنحو") is None
    assert form("أقل") == form("أدنى")  # "أقل مستوى" is "أدنى مستوى", not a hedge


def test_a_present_tense_of_a_verb_whose_past_begins_with_ta():
    assert form("يتصدر") == form("تصدر")


def test_same_claim_with_a_number_in_words_and_the_article_is_linked():
    result = link_claims(
        [
            claim("a", "المنتخب المغربي ودع البطولة من دور الستة عشر أمام جنوب إفريقيا"),
            claim("b", "المنتخب المغربى ودع البطولة من دور الـ16 امام جنوب افريقيا"),
        ]
    )
    assert result.clusters == [["a", "b"]]


def test_more_general_news_vocabulary():
    assert form("بنك") == form("مصرف") and form("البنوك") == form("المصارف")
    assert form("مشجع") == form("متفرج") == form("الجمهور")
    assert form("أرجأ") == form("تأجيل") and form("ألغى") == form("إلغاء")
    assert form("توفي") == form("قتل") == form("وفاة")
    assert form("fee", "en") == form("charge", "en") == form("toll", "en")
    assert form("truce", "en") == form("ceasefire", "en")
    assert form("suspension", "en") == form("suspended", "en")
    (a,), (b,) = compared("ستوفر 325 ألف فرصة عمل"), compared("ستوفر 325 ألف وظيفة")
    assert a == b
    (a,), (b,) = (
        compared("Organisers called off the concerts", language="en"),
        compared("Organisers cancelled the concerts", language="en"),
    )
    assert a == b


def test_the_future_of_a_listed_verb():
    assert form("سيستوعب") == form("يتسع") == form("استوعب")
    assert form("ستخطط") == form("تعتزم")


def test_allowing_and_banning_are_a_contrast():
    result = link_claims(
        [
            claim("a", "وزارة الزراعة تسمح باستيراد الدواجن من البرازيل"),
            claim("b", "وزارة الزراعة تحظر استيراد الدواجن من البرازيل"),
            claim("c", "The court allowed the deployment of police to Haiti", "en"),
            claim("d", "The court banned the deployment of police to Haiti", "en"),
        ]
    )
    assert result.clusters == []
    assert conflicts(result) == ["contrast", "contrast"]


def conflicts(result) -> list[str | None]:
    return sorted(link.conflict for link in result.links)


def test_more_contrasts_of_news_verbs():
    result = link_claims(
        [
            claim("a", "السائق يزيد الراجحي انسحب من رالي داكار بعد الحادث"),
            claim("b", "السائق يزيد الراجحي واصل رالي داكار بعد الحادث"),
            claim("c", "The authorities imposed a curfew in the northern districts", "en"),
            claim("d", "The authorities lifted a curfew in the northern districts", "en"),
            claim("e", "كريم بنزيمة شارك في مباراة الاتحاد الافتتاحية"),
            claim("f", "كريم بنزيمة غاب عن مباراة الاتحاد الافتتاحية"),
        ]
    )
    assert result.clusters == []
    assert conflicts(result) == ["contrast", "contrast", "contrast"]
