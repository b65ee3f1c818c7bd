"""Throughput of Arabic date finding (claimtrack_arabic.dates.find_dates).

    python bench/bench_arabic_dates.py [--articles 2000] [--seed 7]

Prints, for article-sized inputs (~3 KB each): articles/s, mentions/s,
chars/s and the p50/p95/p99 latency per article; for texts of growing size
(10 KB, 100 KB, 1 MB): time, chars/s, mentions/s, time per KB and its ratio
to the 10 KB figure (1.0 everywhere means linear time); the share of the time
spent folding the text (claimtrack.fold_with_offsets); and peak memory
(tracemalloc, measured in separate runs because tracing slows Python down).

The texts are generated from sentence patterns written for this benchmark:
news-style sentences, a quarter of them with a date reference (about the
density of the evaluation corpus), drawn with a fixed seed. When the
evaluation corpus (datasets/arabic/articles) is there, its articles are timed
too. One core; compare ratios within one run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from claimtrack_arabic.dates import find_dates  # noqa: E402

from claimtrack import fold_with_offsets  # noqa: E402

REFERENCE = dt.date(2022, 1, 6)

SUBJECTS = [
    "وزير الخارجية",
    "المتحدث باسم الحكومة",
    "رئيس الوزراء",
    "وزارة الصحة",
    "البنك المركزي",
    "مصدر أمني",
    "الأمين العام للمنظمة",
    "المكتب الإعلامي",
]
VERBS = ["قال", "أعلن", "أكد", "أوضح", "ذكر", "أفاد", "صرح", "أشار"]
DATES = [
    "اليوم",
    "أمس",
    "اليوم الخميس",
    "أمس الأربعاء",
    "صباح اليوم",
    "يوم الجمعة",
    "الأحد المقبل",
    "الثلاثاء الماضي",
    "بحلول يوم الجمعة",
    "قبل أيام",
    "قبل يومين",
    "منذ ثلاثة أسابيع",
    "خلال اليومين الأخيرين",
    "خلال الساعات الـ24 الماضية",
    "الأسبوع الماضي",
    "الشهر المقبل",
    "العام الماضي",
    "مطلع العام الجاري",
    "بحلول نهاية العام",
    "في 19 كانون الثاني/يناير",
    "في 6 يناير 2022",
    "الـ7 من أكتوبر",
    "في 7/1/2022",
    "في عام 2021",
    "منذ عام 2014",
    "في آذار/مارس الماضي",
    "في وقت سابق من اليوم",
    "في ١٥ شباط ٢٠٢١",
]
OBJECTS = [
    "أن المفاوضات تسير بوتيرة جيدة",
    "أن الوفد سيصل إلى العاصمة لبحث آليات التعاون",
    "أن عدد المصابين ارتفع إلى 120 شخصا",
    "أن الحكومة ستعيد النظر في قرار رفع الأسعار",
    "أن الاحتياطيات بلغت 12 مليار دولار",
    "أن القوات انتشرت في 15 محافظة",
    "أن الأسعار ارتفعت بنسبة 67.9 بالمئة",
    "أن الشحنة الأولى تضم ٢٥٠٠ طن من القمح",
]
FILLER = [
    "وتشهد المنطقة توترا متصاعدا على خلفية الخلافات السياسية بين الأطراف المعنية.",
    "ويعد القطاع الزراعي من أهم مصادر الدخل في البلاد، إذ يعمل فيه نحو ثلث السكان.",
    "وتسعى الحكومة إلى تنويع مصادر الطاقة وتقليل الاعتماد على الواردات.",
    "وأدت الأزمة إلى نزوح آلاف العائلات من القرى الحدودية نحو المدن الكبرى.",
    "ويطالب المحتجون بإصلاحات اقتصادية واسعة ومحاسبة المسؤولين عن الفساد.",
    "وتعاني المستشفيات نقصا حادا في الأدوية والمستلزمات الطبية الأساسية.",
]


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return f"و{rng.choice(VERBS)} {rng.choice(SUBJECTS)} {rng.choice(DATES)} {rng.choice(OBJECTS)}."
    if rng.random() < 0.5:
        return f"و{rng.choice(VERBS)} {rng.choice(SUBJECTS)} {rng.choice(OBJECTS)}."
    return rng.choice(FILLER)


def text_of_size(rng: random.Random, size: int) -> str:
    parts: list[str] = []
    length = 0
    while length < size:
        piece = sentence(rng)
        parts.append(piece)
        length += len(piece) + 1
        if rng.random() < 0.2:
            parts.append("\n")
    return " ".join(parts)[:size]


def corpus_articles() -> list[str]:
    folder = ROOT / "datasets" / "arabic" / "articles"
    texts = []
    for path in sorted(folder.glob("*.txt")) if folder.exists() else []:
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n") and "\n---\n" in text:
            text = text.split("\n---\n", 1)[1]
        texts.append(text)
    return texts


def percentile_line(latencies: list[float]) -> str:
    q = statistics.quantiles(latencies, n=100)
    return f"p50 {q[49] * 1e6:7.1f} µs   p95 {q[94] * 1e6:7.1f} µs   p99 {q[98] * 1e6:7.1f} µs"


def time_articles(label: str, articles: list[str]) -> None:
    for text in articles[:20]:  # warm up
        find_dates(text, REFERENCE)
    latencies = []
    mentions = 0
    start = time.perf_counter()
    for text in articles:
        t0 = time.perf_counter()
        mentions += len(find_dates(text, REFERENCE))
        latencies.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - start
    chars = sum(map(len, articles))
    print(
        f"{label}: {len(articles)} articles, mean {chars / len(articles):.0f} chars, "
        f"{mentions / len(articles):.1f} mentions each"
    )
    print(
        f"  {len(articles) / elapsed:8.0f} articles/s   {mentions / elapsed:8.0f} mentions/s   "
        f"{chars / elapsed / 1e6:6.2f} M chars/s"
    )
    print(f"  latency per article: {percentile_line(latencies)}")
    fold_start = time.perf_counter()
    for text in articles:
        fold_with_offsets(text)
    fold_share = (time.perf_counter() - fold_start) / elapsed
    print(f"  of which folding (claimtrack.fold_with_offsets): {fold_share:.0%}")


def best_of(text: str, runs: int) -> tuple[float, int]:
    best = float("inf")
    found = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        found = len(find_dates(text, REFERENCE))
        best = min(best, time.perf_counter() - t0)
    return best, found


def time_sizes(rng: random.Random) -> None:
    print("\ngrowing texts (best of 5; 3 for 1 MB):")
    print(f"  {'size':>8} {'time':>9} {'M chars/s':>10} {'mentions/s':>11} {'µs/KB':>8} {'vs 10 KB':>9}")
    base = None
    for size in (10_000, 100_000, 1_000_000):
        text = text_of_size(rng, size)
        elapsed, found = best_of(text, 3 if size >= 1_000_000 else 5)
        per_kb = elapsed / (size / 1000) * 1e6
        base = base or per_kb
        print(
            f"  {size // 1000:>5} KB {elapsed * 1000:7.1f} ms {size / elapsed / 1e6:10.2f} "
            f"{found / elapsed:11.0f} {per_kb:8.1f} {per_kb / base:8.2f}x"
        )


def peak_memory(rng: random.Random, articles: list[str]) -> None:
    print("\npeak memory (tracemalloc):")
    for label, texts in (
        ("one 3 KB article", articles[:1]),
        (f"{len(articles)} articles, one after another", articles),
        ("one 1 MB text", [text_of_size(rng, 1_000_000)]),
    ):
        tracemalloc.start()
        for text in texts:
            find_dates(text, REFERENCE)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        largest = max(map(len, texts))
        per_char = peak / largest
        print(f"  {label:40} {peak / 1024:9.0f} KiB   ({per_char:.1f} bytes per char of the longest text)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="article-sized texts to time")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    print(f"Python {sys.version.split()[0]}, reference date {REFERENCE}\n")
    articles = [text_of_size(rng, rng.randint(2500, 3500)) for _ in range(args.articles)]
    time_articles("generated ~3 KB articles", articles)
    real = corpus_articles()
    if real:
        print()
        time_articles("evaluation corpus (datasets/arabic/articles), x20", real * 20)
    time_sizes(rng)
    peak_memory(rng, articles[:200])


if __name__ == "__main__":
    main()
