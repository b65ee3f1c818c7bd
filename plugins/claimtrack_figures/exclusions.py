"""Numbers that are not quantities: the words around a number that say it is a
date, a time of day, a year, an article or resolution number, a phone
number or a version.

The grammar skips a number when:

* a word of :data:`IDENTIFIER_BEFORE` stands right before it ("المادة 4",
  "القرار 2254", "Article 4", "Resolution 2254", "No. 5", "#3"; not
  "number" the verb, "will number 3,000 troops"), or a word of
  :data:`PHONE_BEFORE` or :data:`VERSION_BEFORE` does;
* it is a time of day: written "5:30", after "الساعة" ("الساعة 5 مساء"), or
  before a word of :data:`TIME_AFTER` ("5 مساء", "5 pm", "0500 GMT", "5
  o'clock");
* it is a day or a year of a date: next to a month name (:data:`MONTHS`: "6
  يناير 2022", "الـ7 من أكتوبر", "January 6", "6 May"; after the month only
  a day or a year, not "7 October 1,200 people"), written with slashes
  ("6/1/2022"), followed by an era ("2022م", "1443هـ", "2022 AD"), or a year
  (1900-2100, four plain digits) after a word of :data:`YEAR_BEFORE` ("عام
  2022", "في 2022", "in 2022", "since 2014");
* it is part of a name or code: letters or "letter-" right before it
  ("F-16", "COVID-19", "G20"), unknown letters right after it ("5G",
  "1990s"), an ordinal suffix ("7th", "1st"), or an English word in capitals
  between it and another number ("737 MAX 9 jets", but not "0800 GMT");
* it looks like a phone number: after "+", three or more digit groups in a
  row ("+7 701 123 4567", "(202) 555-0100"), or a leading zero ("0100");
* it is a version: two or more dots ("1.2.3") or after "version", "v",
  "الإصدار".
"""

from __future__ import annotations

from .words import fold_word


def _words(text: str) -> frozenset[str]:
    return frozenset(fold_word(w) for w in text.split())


IDENTIFIER_BEFORE = _words(
    "المادة مادة المواد القرار قرار رقم الرقم البند بند الفقرة فقرة الفصل القانون قانون المرسوم مرسوم "
    "العدد الصفحة صفحة الجزء جزء الحلقة حلقة الرحلة رحلة الطريق الغرفة الباب المقطع الآية سورة الدورة "
    "الجلسة الموسم الكيلو "
    "article articles art resolution resolutions section sections chapter paragraph para clause law decree "
    "no nos number page pages p pp rule amendment flight route room item annex protocol act bill order "
    "directive regulation verse season episode volume vol issue highway road platform gate session"
)
#: Abbreviations that may be followed by a full stop before the number ("No. 5").
ABBREVIATIONS = _words("no nos art p pp vol para v ver")

YEAR_BEFORE = _words(
    "عام العام سنة السنة منذ في حتى بحلول خلال مطلع أواخر أوائل منتصف ربيع صيف خريف شتاء قبل بعد موسم "
    "in since until till year early late mid during before after spring summer autumn fall winter"
)
PHONE_BEFORE = _words(
    "هاتف الهاتف هاتفه واتساب فاكس جوال الجوال الموبايل phone telephone tel fax mobile call whatsapp hotline"
)
VERSION_BEFORE = _words("الإصدار إصدار النسخة نسخة تحديث version v ver")
TIME_BEFORE = _words("الساعة")
TIME_AFTER = _words(
    "صباحا صباح مساء مساءا ظهرا ظهر فجرا عصرا ليلا بتوقيت ص am pm gmt utc est edt bst cet cest msk"
)
#: Eras after a year: "2022م", "1443 هـ", "2022 AD".
ERAS = _words("م ه ق ميلادي ميلادية للميلاد هجري هجرية ad bc bce ce")
ORDINAL_SUFFIXES = _words("st nd rd th")

_MONTHS_ARABIC = (
    "يناير فبراير مارس أبريل إبريل ابريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر أكتوبر "
    "نوفمبر ديسمبر جانفي فيفري أفريل ماي جوان جويلية أوت كانون شباط آذار نيسان أيار حزيران تموز آب "
    "أيلول تشرين محرم صفر ربيع جمادى رجب شعبان رمضان شوال"
)
_MONTHS_ENGLISH = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
#: Month names, folded. English ones count only when capitalized, so "may"
#: the verb and "march" the noun are not months.
MONTHS_ARABIC = _words(_MONTHS_ARABIC)
MONTHS_ENGLISH = _words(_MONTHS_ENGLISH)
