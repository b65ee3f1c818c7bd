"""Generate a synthetic corpus of Arabic and English agency-style articles for
benchmarks: ``python datasets/generate_corpus.py 20000 > corpus.jsonl``.

Every article is assembled from a fixed set of phrases written for this
project (speakers with titles, attribution verbs, quotes, figures in digits
and words, relative dates), varied by a seeded random generator so the same
count always gives the same corpus. About four in five articles are Arabic.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator

AR_SPEAKERS = [
    ("الأمين العام لمنظمة معاهدة الأمن الجماعي", "ستانيسلاف زاس"),
    ("وزير الخارجية الروسي", "سيرغي لافروف"),
    ("المتحدث باسم وزارة الصحة الفلسطينية", "أشرف القدرة"),
    ("رئيسة المفوضية الأوروبية", "أورسولا فون دير لاين"),
    ("المتحدث باسم الأمم المتحدة", "ستيفان دوجاريك"),
    ("وزير المالية المصري", "محمد معيط"),
    ("مديرة صندوق النقد الدولي", "كريستالينا غورغييفا"),
]
AR_VERBS = ["قال", "أكد", "أوضح", "أعلن", "ذكر"]
AR_FEM_VERBS = ["قالت", "أكدت", "أوضحت", "أعلنت", "ذكرت"]
AR_FIGURES = [
    "2500 شخص",
    "٣ آلاف جندي",
    "ثمانية ملايين دولار",
    "نحو 40 في المئة",
    "أكثر من 120 قتيلا",
    "ساعتين إلى ثلاث ساعات",
    "15 يوما",
]
AR_TOPICS = [
    "عدد القوات المشاركة في المهمة سيصل إلى {fig}",
    "الحكومة خصصت {fig} لإعادة إعمار المناطق المتضررة",
    "الحصيلة ارتفعت إلى {fig} بحسب الأرقام الأولية",
    "المفاوضات ستستأنف {date} بمشاركة جميع الأطراف",
    "الوضع الأمني مستقر وأن القوات ستبقى {fig} على الأقل",
]
AR_DATES = ["يوم الجمعة", "غدا", "الأسبوع المقبل", "بحلول نهاية الشهر", "اليوم"]
AR_FILLER = [
    "وتشهد المنطقة توترا متصاعدا منذ أسابيع.",
    "وكانت الاحتجاجات قد اندلعت في عدة مدن.",
    "ويأتي ذلك في إطار جهود دولية لتهدئة الأوضاع.",
    "ولم تعلق الحكومة على هذه التصريحات حتى الآن.",
]
EN_SPEAKERS = [
    ("CSTO Secretary General", "Stanislav Zas"),
    ("UN spokesman", "Stephane Dujarric"),
    ("Russian Foreign Minister", "Sergei Lavrov"),
]
EN_TOPICS = [
    "the force would reach {fig}",
    "about {fig} had been sent to the region",
    "talks would resume on Friday",
]
EN_FIGURES = ["2,500 troops", "3,000 people", "$8 million", "two to three hours"]
OUTLETS = ["Sputnik Arabic", "RT Arabic", "Anadolu", "Al Mayadeen", "SANA", "TASS", "Reuters"]


def _arabic(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.randint(3, 6)):
        role, name = rng.choice(AR_SPEAKERS)
        feminine = role.startswith(("رئيسة", "مديرة", "المتحدثة"))
        verb = rng.choice(AR_FEM_VERBS if feminine else AR_VERBS)
        topic = rng.choice(AR_TOPICS).format(fig=rng.choice(AR_FIGURES), date=rng.choice(AR_DATES))
        if rng.random() < 0.5:
            paragraphs.append(f"{verb} {role}، {name}، أن {topic}.")
        else:
            surname = name.split()[-1]
            paragraphs.append(f"و{verb} {surname}، في تصريحات للصحفيين، إن “{topic}”.")
        paragraphs.append(
            f"وأضاف أن “{rng.choice(AR_TOPICS).format(fig=rng.choice(AR_FIGURES), date='اليوم')}”."
        )
        paragraphs.append(rng.choice(AR_FILLER))
    return "\n".join(paragraphs)


def _english(rng: random.Random) -> str:
    paragraphs = []
    for _ in range(rng.randint(3, 6)):
        role, name = rng.choice(EN_SPEAKERS)
        topic = rng.choice(EN_TOPICS).format(fig=rng.choice(EN_FIGURES))
        paragraphs.append(f"{role} {name} said that {topic}.")
        paragraphs.append(f'"We are ready to act," {name.split()[-1]} told reporters on Thursday.')
    return "\n".join(paragraphs)


def generate(count: int, seed: int = 2022) -> Iterator[dict[str, str]]:
    """``count`` article records (text, url, outlet, published, language)."""
    rng = random.Random(seed)
    for number in range(count):
        english = rng.random() < 0.2
        yield {
            "text": _english(rng) if english else _arabic(rng),
            "url": f"https://corpus.test/{number}",
            "outlet": rng.choice(OUTLETS),
            "published": f"2022-01-{rng.randint(1, 28):02d}",
            "language": "en" if english else "ar",
        }


if __name__ == "__main__":
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for record in generate(total):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
