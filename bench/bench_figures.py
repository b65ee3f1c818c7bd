"""Figure recognizer throughput: characters and figures per second on Arabic
and English text of growing size, latency per typical article, peak memory,
and how time per KB changes with size (flat means linear).

    python bench/bench_figures.py [--sizes 10,100,1000] [--articles 300] [--repeat 3]

Texts are generated here, deterministically: news-like sentences with and
without figures (digits in Western and Arabic-Indic script, number words,
ranges, qualifiers, currencies, dates and article numbers that must be
skipped), cut to size. Everything goes through ``claimtrack.find_figures``,
the public API, as the pipeline calls it. The machine is shared and noisy:
compare ratios within one run, and take the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import claimtrack  # noqa: E402

ARABIC_FILLER = [
    "وأكد المتحدث باسم الوزارة أن الحكومة تتابع الوضع عن كثب وتنسق مع الشركاء الدوليين.",
    "وأضاف أن الاتصالات مستمرة مع جميع الأطراف من أجل التوصل إلى حل سياسي للأزمة.",
    "من جهته، دعا الأمين العام للأمم المتحدة إلى ضبط النفس وتغليب لغة الحوار.",
    "وأوضح المسؤول في تصريحات صحفية أن القرار جاء بعد مشاورات مكثفة مع الدول الأعضاء.",
    "وتشهد المنطقة توترا متصاعدا منذ أسابيع على خلفية الخلافات الحدودية بين البلدين.",
    "ولم يصدر أي تعليق رسمي حتى الآن من الجانب الآخر على هذه التصريحات.",
]
ARABIC_FIGURES = [
    "وقال إن {n} {person} وصلوا إلى المنطقة خلال {dur}.",
    "وأعلنت السلطات مقتل {n} أشخاص وإصابة {n2} آخرين في القصف.",
    "وبلغت قيمة المساعدات نحو {n} مليون دولار، بزيادة {p} بالمئة عن العام الماضي.",
    "وأشار إلى أن ما بين {n} و{n2} جندي سيشاركون في العملية وقد يزداد العدد.",
    "وتم إجلاء أكثر من {words} من السكان خلال اليومين الأخيرين.",
    "ووقع الاتفاق في 6 يناير 2022 استنادا إلى المادة 4 من القرار 2254.",
    "وستصل القوات في غضون ساعتين إلى ثلاث ساعات، حسب المتحدث.",
    "وتضررت عشرات المنازل وأكثر من {n} هكتار من الأراضي الزراعية.",
]
ARABIC_WORDS = ["ألفين وخمسمائة", "ثلاثة آلاف", "خمسة وعشرين ألفا", "مئتي", "نصف مليون"]
ARABIC_PERSONS = ["جندي", "شخص", "عسكري", "من قوات حفظ السلام", "متظاهر"]
ARABIC_DURATIONS = ["ساعتين", "ثلاثة أيام", "أسبوع واحد", "٤٨ ساعة", "عشرة أيام"]

ENGLISH_FILLER = [
    "The ministry said it was following the situation closely and coordinating with its partners.",
    "Talks with all parties continue in the hope of reaching a political settlement to the crisis.",
    "The Secretary-General called for restraint and urged both sides to return to dialogue.",
    "Officials said the decision followed weeks of consultations with member states.",
    "Tension has been rising in the region for weeks over the border dispute.",
    "There was no immediate comment from the other side on the remarks.",
]
ENGLISH_FIGURES = [
    "He said {n} troops had arrived in the area within {dur}.",
    "Authorities said {n} people were killed and {n2} wounded in the shelling.",
    "Aid worth about ${n} million was pledged, up {p} percent on last year.",
    "Between {n} and {n2} soldiers will take part, a number that may rise.",
    "More than {words} residents were evacuated over the past two days.",
    "The agreement was signed on January 6, 2022 under Article 4 of Resolution 2254.",
    "Forces will arrive within two to three hours, the spokesman said.",
    "Dozens of homes and more than {n} hectares of farmland were damaged.",
]
ENGLISH_WORDS = ["two thousand five hundred", "three thousand", "twenty-five thousand", "half a million"]
ENGLISH_DURATIONS = ["two hours", "three days", "a week", "48 hours", "ten days"]

HEADER = (
    f"{'size':>8} {'figures':>8} {'seconds':>8} {'chars/s':>11} {'figures/s':>10} {'ms/KB':>7} {'ratio':>6}"
)
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def arabic_sentence(rng: random.Random) -> str:
    if rng.random() < 0.55:
        return rng.choice(ARABIC_FILLER)
    n = f"{rng.randint(2, 9000):,}" if rng.random() < 0.5 else str(rng.randint(2, 9000))
    if rng.random() < 0.3:
        n = n.translate(INDIC)
    return rng.choice(ARABIC_FIGURES).format(
        n=n,
        n2=rng.randint(2, 500),
        p=rng.randint(1, 99),
        words=rng.choice(ARABIC_WORDS),
        person=rng.choice(ARABIC_PERSONS),
        dur=rng.choice(ARABIC_DURATIONS),
    )


def english_sentence(rng: random.Random) -> str:
    if rng.random() < 0.55:
        return rng.choice(ENGLISH_FILLER)
    return rng.choice(ENGLISH_FIGURES).format(
        n=f"{rng.randint(2, 9000):,}",
        n2=rng.randint(2, 500),
        p=rng.randint(1, 99),
        words=rng.choice(ENGLISH_WORDS),
        dur=rng.choice(ENGLISH_DURATIONS),
    )


def text_of(size: int, sentence: Callable[[random.Random], str], seed: int = 7) -> str:
    """About ``size`` characters of generated news, in paragraphs."""
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 5))) + "\n"
        parts.append(paragraph)
        length += len(paragraph)
    return "".join(parts)[:size]


def best_time(text: str, language: str, repeat: int) -> tuple[float, int]:
    best = float("inf")
    count = 0
    for _ in range(repeat):
        start = time.perf_counter()
        found = claimtrack.find_figures(text, language)
        best = min(best, time.perf_counter() - start)
        count = len(found)
    return best, count


def peak_memory(text: str, language: str) -> int:
    tracemalloc.start()
    claimtrack.find_figures(text, language)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000", help="text sizes in KB, comma-separated")
    parser.add_argument("--articles", type=int, default=300, help="articles of ~3 KB for the latency figures")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best one counts")
    args = parser.parse_args()
    sizes = [int(s) * 1024 for s in args.sizes.split(",")]
    claimtrack.find_figures("warm up: 2,500 troops / 2500 جندي", None)  # load the plugins first

    for language, sentence in (("ar", arabic_sentence), ("en", english_sentence)):
        print(f"== {language}")
        print(HEADER)
        first_per_kb = None
        for size in sizes:
            text = text_of(size, sentence)
            seconds, count = best_time(text, language, args.repeat)
            per_kb = seconds * 1000 / (size / 1024)
            first_per_kb = first_per_kb or per_kb
            print(
                f"{size // 1024:>6}KB {count:>8} {seconds:>8.3f} {size / seconds:>11,.0f} "
                f"{count / seconds:>10,.0f} {per_kb:>7.3f} {per_kb / first_per_kb:>6.2f}"
            )
        rng = random.Random(11)
        latencies = []
        for n in range(args.articles):
            article = text_of(3 * 1024, sentence, seed=rng.randint(0, 10**9) + n)
            start = time.perf_counter()
            claimtrack.find_figures(article, language)
            latencies.append((time.perf_counter() - start) * 1000)
        q = statistics.quantiles(latencies, n=100)
        print(f"3 KB article latency (ms): p50 {q[49]:.3f}  p95 {q[94]:.3f}  p99 {q[98]:.3f}")
        largest = text_of(sizes[-1], sentence)
        peak = peak_memory(largest, language) / 2**20
        print(f"peak memory for {sizes[-1] // 1024} KB: {peak:.1f} MiB (tracemalloc)")
        print()


if __name__ == "__main__":
    main()
