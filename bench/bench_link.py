"""Linking at scale: time, comparisons and peak memory for N synthetic claims
with realistic repetition, and how much of all-pairs matching the blocked
linker finds.

    python bench/bench_link.py [--sizes 10000,100000,1000000] [--recall-sample 20000]

Claims are generated as agency copy is: a base statement (Arabic or English)
repeated by 1 to 8 outlets, each rewording it (dropped or reordered words,
spelling and digit-script variants, number words), sometimes with another
figure, among claims that are said once. Normalized text and figures are
given, as they come from the store. Each size runs in its own process (so
peak memory is its own). Compare ratios within one run; the machine is noisy.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time

import numpy as np
from claimtrack_linker import FUZZY
from claimtrack_linker.fuzzy import link
from rapidfuzz import fuzz, process

from claimtrack import Figure, LinkClaim, normalize

THRESHOLD = FUZZY.default_threshold

SUBJECTS_AR = ["قوات حفظ السلام", "الحكومة", "وزارة الصحة", "الجيش", "البنك المركزي", "المنظمة", "الشركة"]
VERBS_AR = ["ستصل إلى", "أعلنت عن", "سجلت", "خصصت", "نشرت", "تتوقع", "رصدت"]
OBJECTS_AR = ["مدينة", "محافظة", "منطقة", "ولاية", "قرية", "ميناء", "مطار", "جامعة", "مستشفى", "سوق"]
SUBJECTS_EN = ["The force", "The government", "The ministry", "The army", "The central bank", "The agency"]
VERBS_EN = ["will reach", "announced", "recorded", "allocated", "deployed", "expects", "reported"]
OBJECTS_EN = ["city", "province", "region", "state", "village", "port", "airport", "university", "market"]
UNITS_AR = [("شخص", "person"), ("دولار", "USD"), ("يوما", "day"), ("طن", "ton")]
UNITS_EN = [("troops", "person"), ("dollars", "USD"), ("days", "day"), ("tons", "ton")]
NAMES = [f"{a}{b}" for a in "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" for b in "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"]


def _base(rng: random.Random, arabic: bool) -> tuple[list[str], float, str, str]:
    subject = rng.choice(SUBJECTS_AR if arabic else SUBJECTS_EN)
    verb = rng.choice(VERBS_AR if arabic else VERBS_EN)
    place = f"{rng.choice(OBJECTS_AR if arabic else OBJECTS_EN)} {rng.choice(NAMES)}{rng.choice(NAMES)}"
    extra = [rng.choice(NAMES) + rng.choice(NAMES) for _ in range(rng.randint(2, 5))]
    word, unit = rng.choice(UNITS_AR if arabic else UNITS_EN)
    value = float(rng.choice([2500, 3000, 120, 45, 8, 6, 2000000]))
    return [subject, verb, place, *extra], value, word, unit


def _variant(
    rng: random.Random, parts: list[str], value: float, word: str, arabic: bool
) -> tuple[str, float]:
    parts = list(parts)
    if rng.random() < 0.3 and len(parts) > 4:
        parts.pop(rng.randrange(3, len(parts)))  # a shortened version
    if rng.random() < 0.3:
        i, j = rng.randrange(3, len(parts)) if len(parts) > 3 else 0, rng.randrange(len(parts))
        parts[i], parts[j] = parts[j], parts[i]
    if rng.random() < 0.1:
        value = value + rng.choice([500, 1000])  # another outlet's figure
    number = (
        f"{value:,.0f}"
        if not arabic or rng.random() < 0.5
        else f"{value:.0f}".translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    )
    text = " ".join(parts) + f" {number} {word}"
    return text, value


def generate(count: int, seed: int = 7) -> tuple[list[LinkClaim], int]:
    """``count`` claims and how many of them repeat an earlier base claim."""
    rng = random.Random(seed)
    claims: list[LinkClaim] = []
    repeats = 0
    while len(claims) < count:
        arabic = rng.random() < 0.7
        parts, value, word, unit = _base(rng, arabic)
        copies = 1 if rng.random() < 0.5 else rng.randint(2, 8)
        repeats += copies - 1
        for _ in range(copies):
            text, claimed = _variant(rng, parts, value, word, arabic)
            raw = text[text.rfind(" ", 0, len(text) - len(word) - 1) + 1 :]
            claims.append(
                LinkClaim(
                    id=f"c{len(claims)}",
                    text=text,
                    language="ar" if arabic else "en",
                    normalized=normalize(text),
                    figures=[Figure(raw, len(text) - len(raw), len(text), claimed, unit=unit)],
                    outlet=f"outlet{rng.randrange(40)}",
                )
            )
    return claims[:count], repeats


def run_size(size: int) -> dict:
    claims, repeats = generate(size)
    start = time.perf_counter()
    links, comparisons = link(claims, THRESHOLD, None)
    elapsed = time.perf_counter() - start
    return {
        "size": size,
        "seconds": elapsed,
        "links": len(links),
        "repeats": repeats,
        "comparisons": comparisons,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def recall(sample: int, threshold: float = THRESHOLD) -> dict:
    """Links the blocked linker makes against the links all-pairs matching
    makes: every pair scored with the same strings, scorer and threshold,
    and checked by the same rules; only the blocking differs."""
    from claimtrack_linker import fuzzy

    claims, _ = generate(sample, seed=11)
    sequences, figures = fuzzy.read_claims(claims)
    texts = [" ".join(seq) for seq in sequences]
    start = time.perf_counter()
    all_pairs = set()
    for row in range(0, sample, 1000):
        block = process.cdist(
            texts[row : row + 1000],
            texts,
            scorer=fuzz.token_set_ratio,
            score_cutoff=fuzzy.candidate_cutoff(threshold),
            dtype=np.uint8,
            workers=-1,
        )
        for i, j in zip(*np.nonzero(block), strict=True):
            a, b = row + int(i), int(j)
            if a < b and claims[a].language == claims[b].language:
                checked = fuzzy._check(
                    claims[a],
                    claims[b],
                    sequences[a],
                    sequences[b],
                    figures[a],
                    figures[b],
                    float(block[i, j]),
                    threshold,
                )
                if checked is not None:
                    all_pairs.add((a, b))
    all_pairs_seconds = time.perf_counter() - start
    links, _ = link(claims, threshold, None)
    blocked = {tuple(sorted((int(x.a[1:]), int(x.b[1:])))) for x in links}
    found = len(all_pairs & blocked)
    return {
        "sample": sample,
        "all_pairs": len(all_pairs),
        "blocked_found": found,
        "recall": found / len(all_pairs) if all_pairs else 1.0,
        "all_pairs_seconds": all_pairs_seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--recall-sample", type=int, default=20000)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--child-recall", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_size(args.child)))
        return
    if args.child_recall:
        print(json.dumps(recall(args.child_recall)))
        return
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(size)], capture_output=True, text=True, check=True
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(
        f"{'claims':>9} {'seconds':>8} {'claims/s':>9} {'comparisons':>12} {'links':>9} {'peak MB':>8} "
        f"{'time vs previous':>17}"
    )
    previous = None
    for r in rows:
        growth = (
            f"{r['seconds'] / previous['seconds']:.1f}x for {r['size'] / previous['size']:.0f}x"
            if previous
            else ""
        )
        print(
            f"{r['size']:>9} {r['seconds']:>8.1f} {r['size'] / r['seconds']:>9.0f} {r['comparisons']:>12} "
            f"{r['links']:>9} {r['peak_mb']:>8.0f} {growth:>17}"
        )
        previous = r
    if args.recall_sample:
        out = subprocess.run(
            [sys.executable, __file__, "--child-recall", str(args.recall_sample)],
            capture_output=True,
            text=True,
            check=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"recall on {r['sample']} claims: all-pairs finds {r['all_pairs']} pairs at the threshold "
            f"({r['all_pairs_seconds']:.0f} s); the blocked linker links {r['blocked_found']} of them "
            f"({r['recall']:.1%})"
        )


if __name__ == "__main__":
    main()
