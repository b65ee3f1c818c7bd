"""Linking at scale: time, comparisons and peak memory for N synthetic claims
with realistic repetition, and how much of all-pairs matching the blocked
linker finds.

    python bench/bench_link.py [--sizes 10000,100000,1000000] [--recall-sample 20000]

Claims are generated as agency copy is (see :class:`Generator`): a base
statement (Arabic or English, its words drawn with Zipf's law from a large
made-up vocabulary, so some words are everywhere and most are rare) repeated
by 1 to 8 outlets, each rewording it (a synonym from the linker's lexicon,
clitics, dropped, added and moved words, another digit script), sometimes
with another figure, a negation or one word changed, among claims that are
said once. Normalized text and figures are
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
from claimtrack_linker import FUZZY, fuzzy, words
from claimtrack_linker.fuzzy import link
from rapidfuzz import fuzz, process

from claimtrack import Figure, LinkClaim, normalize

THRESHOLD = FUZZY.default_threshold

UNITS_AR = [("شخص", "person"), ("دولار", "USD"), ("يوما", "day"), ("طن", "ton"), ("برميل", "barrel")]
UNITS_EN = [("troops", "person"), ("dollars", "USD"), ("days", "day"), ("tons", "ton"), ("barrels", "barrel")]
FUNCTION_AR = ["في", "من", "إلى", "على", "بعد", "خلال", "مع"]
FUNCTION_EN = ["in", "of", "to", "on", "after", "during", "with", "the", "a"]
NEGATION_AR, NEGATION_EN = "لن", "not"
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
SYLLABLES = [c + v for c in "bcdfghklmnprstvwz" for v in "aeiou"] + ["ar", "en", "or", "in", "ul"]
#: Distinct common words per language; drawn with Zipf's law (the rank-r
#: word about 1/r as often as the commonest), as words are in news copy.
VOCABULARY = 60_000
#: Besides them, each story has its own names (new words, so the vocabulary
#: grows with the claims, as a news archive's does); a share of stories
#: follow up a recent one and reuse one of its names.
FOLLOW_UP = 0.3
RECENT_NAMES = 2000


def _vocabulary(rng: random.Random, arabic: bool) -> list[str]:
    """Made-up words, so that nothing but their spread in the text (few
    common ones, a long tail of rare ones) resembles real copy."""
    words: set[str] = set()
    while len(words) < VOCABULARY:
        if arabic:
            words.add("".join(rng.choices(ARABIC_LETTERS, k=rng.randint(3, 7))))
        else:
            words.add("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))))
    return sorted(words)


def _synonym_groups(arabic: bool) -> list[list[str]]:
    """The lexicon's synonym groups of one language: the rewording outlets
    do is drawn from them."""
    groups = words.read_lexicon(words.LEXICON).get(("synonyms", "ar" if arabic else "en"), [])
    return [g for g in groups if len(g) > 1]


class Generator:
    """Claims as agency copy repeats them: a base statement (a verb of the
    lexicon, a subject and details drawn with Zipf's law, one or two names
    of the story, some function words, a figure), told by 1 to 8 outlets, each rewording it:
    a synonym for the verb, clitics on words, dropped, added and moved
    words, another digit script, sometimes another figure; now and then
    one outlet negates it or changes one word of it (a near-duplicate that
    must be kept apart)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.vocabulary = {lang: _vocabulary(self.rng, lang) for lang in (True, False)}
        cumulative, total = [], 0.0
        for rank in range(VOCABULARY):
            total += 1.0 / (rank + 20)
            cumulative.append(total)
        self.cumulative = cumulative
        self.groups = {lang: _synonym_groups(lang) for lang in (True, False)}
        self.recent: dict[bool, list[str]] = {True: [], False: []}

    def words(self, arabic: bool, count: int) -> list[str]:
        return self.rng.choices(self.vocabulary[arabic], cum_weights=self.cumulative, k=count)

    def entity(self, arabic: bool) -> str:
        """A name of the story (a person, a place, a company): a new word,
        or, for a follow-up story, a name of a recent one."""
        rng = self.rng
        recent = self.recent[arabic]
        if recent and rng.random() < FOLLOW_UP:
            return rng.choice(recent)
        if arabic:
            name = "".join(rng.choices(ARABIC_LETTERS, k=rng.randint(4, 8)))
        else:
            name = "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))).capitalize()
        if len(recent) < RECENT_NAMES:
            recent.append(name)
        else:
            recent[rng.randrange(RECENT_NAMES)] = name
        return name

    def base(self, arabic: bool) -> tuple[list[str], str, list[str], float, str, str]:
        rng = self.rng
        group = rng.choice(self.groups[arabic])
        function = FUNCTION_AR if arabic else FUNCTION_EN
        details = self.words(arabic, rng.randint(3, 7))
        for _ in range(rng.randint(1, 2)):
            details.insert(rng.randrange(len(details) + 1), self.entity(arabic))
        for _ in range(rng.randint(1, 3)):
            details.insert(rng.randrange(len(details) + 1), rng.choice(function))
        word, unit = rng.choice(UNITS_AR if arabic else UNITS_EN)
        value = float(rng.choice([2500, 3000, 120, 45, 8, 6, 2000000, rng.randint(10, 99999)]))
        return self.words(arabic, rng.randint(1, 2)), rng.choice(group), details, value, word, unit

    def variant(self, arabic: bool, base: tuple) -> tuple[str, float, str]:
        """One outlet's text, its figure's value, and what it is: "copy",
        "negation" or "changed"."""
        rng = self.rng
        subject, verb, details, value, word, _unit = base
        group = next(g for g in self.groups[arabic] if verb in g)
        verb = rng.choice(group) if rng.random() < 0.5 else verb
        details = list(details)
        kind = "copy"
        roll = rng.random()
        if roll < 0.03:
            kind = "negation"
        elif roll < 0.06:
            kind = "changed"
            details[rng.randrange(len(details))] = self.words(arabic, 1)[0]
        for _ in range(rng.choice([0, 0, 1, 2])):  # a shortened version
            if len(details) > 3:
                details.pop(rng.randrange(len(details)))
        if rng.random() < 0.3:  # the outlet's own words
            details.insert(rng.randrange(len(details) + 1), self.words(arabic, 1)[0])
        if arabic:
            details = [
                (rng.choice(["ال", "و", "وال", "بال"]) + w)
                if rng.random() < 0.15 and w not in FUNCTION_AR
                else w
                for w in details
            ]
        parts = [*subject, verb, *details]
        if kind == "negation":
            parts.insert(len(subject), NEGATION_AR if arabic else NEGATION_EN)
        if rng.random() < 0.3:  # a fronted phrase
            cut = rng.randrange(1, len(parts))
            parts = parts[cut:] + parts[:cut]
        if rng.random() < 0.1:
            value = value + rng.choice([500, 1000])  # another outlet's figure
        number = (
            f"{value:,.0f}"
            if not arabic or rng.random() < 0.5
            else f"{value:.0f}".translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
        )
        return " ".join(parts) + f" {number} {word}", value, kind


def generate(count: int, seed: int = 7) -> tuple[list[LinkClaim], int]:
    """``count`` claims and how many of them repeat an earlier base claim."""
    generator = Generator(seed)
    rng = generator.rng
    claims: list[LinkClaim] = []
    repeats = 0
    while len(claims) < count:
        arabic = rng.random() < 0.7
        base = generator.base(arabic)
        copies = 1 if rng.random() < 0.5 else rng.randint(2, 8)
        repeats += copies - 1
        for _ in range(copies):
            text, claimed, _kind = generator.variant(arabic, base)
            word, unit = base[4], base[5]
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
    start, cpu = time.perf_counter(), time.process_time()
    links, comparisons = link(claims, THRESHOLD, None)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "size": size,
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "links": len(links),
        "repeats": repeats,
        "comparisons": comparisons,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def possible_pairs(claims: list[LinkClaim], sequences: list[list[str]]) -> np.ndarray:
    """Every pair of claims of one language that shares at least
    ``min(MIN_SHARED, fewest content words of the two)`` content words, as
    rows ``(a, b)`` with ``a < b``. That is the first rule of the linker's
    check, so no other pair can be linked, whatever its score: scoring these
    pairs is all-pairs comparison, exactly. Found through an index of every
    word, no block skipped, no key limit (memory grows with the square of a
    word's claims: a sample-sized tool)."""
    ids: dict[tuple[str | None, str], int] = {}
    postings: list[list[int]] = []
    fewest = np.zeros(len(claims), dtype=np.int64)
    for index, (claim, sequence) in enumerate(zip(claims, sequences, strict=True)):
        content = {w for w in sequence if not w.startswith("#")}
        fewest[index] = len(content)
        for word in content:
            key = (claim.language, word)
            if key not in ids:
                ids[key] = len(postings)
                postings.append([])
            postings[ids[key]].append(index)
    codes = []
    for members in postings:
        if len(members) > 1:
            array = np.array(members, dtype=np.int64)
            upper_i, upper_j = np.triu_indices(len(array), 1)
            codes.append(array[upper_i] * len(claims) + array[upper_j])
    if not codes:
        return np.zeros((0, 2), dtype=np.int64)
    pairs, shared = np.unique(np.concatenate(codes), return_counts=True)
    a, b = pairs // len(claims), pairs % len(claims)
    keep = shared >= np.minimum(fuzzy.MIN_SHARED, np.minimum(fewest[a], fewest[b]))
    return np.stack([a[keep], b[keep]], axis=1)


def recall(sample: int, threshold: float = THRESHOLD) -> dict:
    """Links the blocked linker makes against the links all-pairs matching
    makes: every pair that could be linked (:func:`possible_pairs`) scored
    with the same strings, scorer and cutoff in one batch call, and checked
    by the same rules; only the blocking differs."""
    claims, _ = generate(sample, seed=11)
    texts, figures = fuzzy.read_claims(claims)
    flags = fuzzy.claim_flags(claims)
    sequences = [text.split() for text in texts]
    start = time.perf_counter()
    pairs = possible_pairs(claims, sequences)
    scores = process.cpdist(
        [texts[a] for a in pairs[:, 0]],
        [texts[b] for b in pairs[:, 1]],
        scorer=fuzz.token_set_ratio,
        score_cutoff=fuzzy.candidate_cutoff(threshold),
        dtype=np.uint8,
        workers=-1,
    )
    all_pairs = set()
    for row in np.nonzero(scores)[0]:
        a, b = int(pairs[row, 0]), int(pairs[row, 1])
        checked = fuzzy._check(
            claims[a],
            claims[b],
            fuzzy.Reading.of(sequences[a], figures[a], claims[a].said_on, flags[a]),
            fuzzy.Reading.of(sequences[b], figures[b], claims[b].said_on, flags[b]),
            float(scores[row]),
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
        "scored": len(pairs),
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
        f"{'claims':>9} {'seconds':>8} {'CPU s':>7} {'claims/s':>9} {'comparisons':>12} {'links':>9} "
        f"{'peak MB':>8} {'time vs previous':>26}"
    )
    previous = None
    for r in rows:
        growth = (
            f"{r['seconds'] / previous['seconds']:.1f}x "
            f"(CPU {r['cpu_seconds'] / previous['cpu_seconds']:.1f}x) for {r['size'] / previous['size']:.0f}x"
            if previous
            else ""
        )
        print(
            f"{r['size']:>9} {r['seconds']:>8.1f} {r['cpu_seconds']:>7.1f} {r['size'] / r['seconds']:>9.0f} "
            f"{r['comparisons']:>12} {r['links']:>9} {r['peak_mb']:>8.0f} {growth:>26}"
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
            f"({r['scored']} pairs share enough words to be scored; {r['all_pairs_seconds']:.0f} s); "
            f"the blocked linker links {r['blocked_found']} of them "
            f"({r['recall']:.1%})"
        )


if __name__ == "__main__":
    main()
