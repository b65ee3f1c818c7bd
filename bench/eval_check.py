"""Measure `claimtrack check` ("has this been checked already?") on
``datasets/checked-claims``.

Usage::

    python bench/eval_check.py [--set dev] [--set heldout] [--scale 1,10,100] [--json]

The reviews file is imported into a temporary store through claimtrack's
own importer (the ``claimreview`` plugin, as ``claimtrack import`` does),
then :func:`claimtrack.reviews.check` is asked each query of a set. Per set
and per language it prints:

* MAP@5: mean over queries of average precision in the top 5 (the measure of
  the CheckThat! "previously fact-checked claims" task);
* MRR: mean reciprocal rank of the first relevant review in the top 10;
* recall@1 and recall@5: the share of relevant reviews found in the top 1/5;
* query latency, p50 and p95, in milliseconds.

``--scale`` then grows the store: each review is replicated N times with
varied text (its figures shifted, a place and a time added, a new URL), and
the dev queries are asked again. Latency at each size is reported with its
ratio to the 1x store, measured in the same run (absolute times are noisy on
a shared machine; compare the ratios). MAP@5 at each size shows how ranking
holds up against many near-duplicate distractors.

The held-out set is for the final measurement only: the dev set is the one
to tune on (``--set dev``, the default).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from claimtrack import open_store
from claimtrack.importing import import_documents, read_documents
from claimtrack.reviews import check, mark_checked

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "datasets" / "checked-claims"
TOP = 10  # asked of check; MAP and recall look at the first 5, MRR at all 10
CUTOFF = 5
METRICS = ("map@5", "mrr", "recall@1", "recall@5")


@dataclass
class Query:
    text: str
    language: str
    relevant: set[str]  # review URLs or claimReviewed texts


def load_queries(path: Path) -> list[Query]:
    """The queries of one JSONL set; a bad line stops the run with its
    file and line number."""
    queries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            queries.append(Query(str(item["text"]), str(item["language"]), set(item["relevant"])))
        except (ValueError, KeyError, TypeError) as exc:
            raise SystemExit(
                f"eval_check: {path}:{number}: not a query ({type(exc).__name__}: {exc})"
            ) from None
    return queries


def build_store(db_path: Path, reviews: Path, copies: int = 1) -> int:
    """Import ``reviews`` (replicated ``copies`` times with varied text) into
    a new store at ``db_path``; returns how many reviews it holds."""
    source = reviews
    if copies > 1:
        source = db_path.with_suffix(".jsonld")
        items = json.loads(reviews.read_text(encoding="utf-8"))
        source.write_text(json.dumps(list(_replicas(items, copies)), ensure_ascii=False), encoding="utf-8")
    db = open_store(db_path)
    report = import_documents(db, read_documents([str(source)]))
    if report.problems:
        raise SystemExit(f"eval_check: {report.problems[0]}")
    mark_checked(db)
    return db.execute("SELECT count(*) FROM reviews").fetchone()[0]


_PLACES = {
    "ar": "حمص حماة الزرقاء السلط طنطا المنصورة البصرة كركوك صفاقس سوسة وهران عنابة مراكش فاس نابلس الخليل".split(),  # noqa: SIM905, E501
    "en": "Oakdale Fairview Brookfield Clayton Greenville Madison Franklin Georgetown Salem Bristol Dover".split(),  # noqa: SIM905, E501
}
_TIMES = {
    "ar": ["في الربع الأول", "خلال الشتاء", "منذ بداية العام", "في العام الماضي", "هذا الأسبوع"],
    "en": ["in the first quarter", "during the winter", "since January", "last year", "this week"],
}
_NUMBER = re.compile(r"\d+(?:,\d{3})*")


def _replicas(items: list[dict], copies: int) -> Iterable[dict]:
    """The original reviews, then ``copies - 1`` varied copies of each: the
    same story elsewhere, at another time, with other figures."""
    yield from items
    for copy in range(1, copies):
        for n, item in enumerate(items):
            language = item.get("inLanguage", "en")
            places, times = _PLACES[language], _TIMES[language]
            place = places[(copy * 7 + n) % len(places)]
            when = times[(copy + n * 3) % len(times)]
            text = _NUMBER.sub(
                lambda m, k=copy: f"{int(m.group().replace(',', '')) + k:,}", item["claimReviewed"]
            )
            link = " في " if language == "ar" else " in "
            yield {
                **item,
                "url": f"{item['url']}-copy-{copy}",
                "claimReviewed": f"{text}{link}{place} {when}",
            }


def average_precision(ranked: list[str], relevant: set[str], cutoff: int = CUTOFF) -> float:
    """AP@cutoff: precision at each rank holding a relevant item, summed,
    over min(|relevant|, cutoff)."""
    hits, total = 0, 0.0
    for rank, item in enumerate(ranked[:cutoff], start=1):
        if item in relevant:
            hits += 1
            total += hits / rank
    return total / min(len(relevant), cutoff) if relevant else 0.0


def reciprocal_rank(ranked: list[str], relevant: set[str]) -> float:
    return next((1 / rank for rank, item in enumerate(ranked, start=1) if item in relevant), 0.0)


def recall_at(ranked: list[str], relevant: set[str], k: int) -> float:
    return len(relevant & set(ranked[:k])) / len(relevant) if relevant else 0.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def evaluate(db_path: Path, queries: list[Query]) -> dict[str, dict[str, float]]:
    """Scores per language and overall, with latency, for ``queries``."""
    db = open_store(db_path)
    rows: dict[str, list[dict[str, float]]] = {}
    for query in queries:
        started = time.perf_counter()
        matches = check(db, query.text, top=TOP, language=query.language)
        elapsed = (time.perf_counter() - started) * 1000
        # A match counts when its review URL or its claim text is listed as relevant.
        ranked = [m.url if m.url in query.relevant else m.text for m in matches]
        row = {
            "map@5": average_precision(ranked, query.relevant),
            "mrr": reciprocal_rank(ranked, query.relevant),
            "recall@1": recall_at(ranked, query.relevant, 1),
            "recall@5": recall_at(ranked, query.relevant, CUTOFF),
            "ms": elapsed,
        }
        for group in (query.language, "all"):
            rows.setdefault(group, []).append(row)
    summary = {}
    for group, found in rows.items():
        summary[group] = {
            "queries": len(found),
            **{key: statistics.fmean(r[key] for r in found) for key in METRICS},
            "p50_ms": percentile([r["ms"] for r in found], 0.5),
            "p95_ms": percentile([r["ms"] for r in found], 0.95),
        }
    return summary


def _print_summary(name: str, summary: dict[str, dict[str, float]]) -> None:
    print(f"{name}:")
    print(f"  {'lang':<5} {'n':>3} {'MAP@5':>6} {'MRR':>6} {'R@1':>6} {'R@5':>6} {'p50 ms':>7} {'p95 ms':>7}")
    for group in sorted(summary, key=lambda g: (g == "all", g)):
        s = summary[group]
        print(
            f"  {group:<5} {s['queries']:>3} {s['map@5']:6.3f} {s['mrr']:6.3f} {s['recall@1']:6.3f} "
            f"{s['recall@5']:6.3f} {s['p50_ms']:7.1f} {s['p95_ms']:7.1f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="reviews.jsonld and query sets folder")
    parser.add_argument("--set", dest="sets", action="append", help="query set name (default: dev)")
    parser.add_argument("--scale", default="", help="store sizes for the growth run, e.g. 1,10,100")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    sets = args.sets or ["dev"]
    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "x1.db"
        build_store(base, args.data / "reviews.jsonld")
        for name in sets:
            result[name] = evaluate(base, load_queries(args.data / f"{name}.jsonl"))
            if not args.json:
                _print_summary(name, result[name])
        if args.scale:
            growth = _growth(Path(tmp), args.data, [int(s) for s in args.scale.split(",")])
            result["growth"] = growth
            if not args.json:
                _print_growth(growth)
    if args.json:
        print(json.dumps(result, indent=2))
    return 0


def _growth(tmp: Path, data: Path, sizes: list[int]) -> list[dict[str, float]]:
    """Dev-set latency and MAP@5 at each store size, with ratios to the first."""
    queries = load_queries(data / "dev.jsonl")
    growth = []
    for copies in sizes:
        db_path = tmp / f"grow{copies}.db"
        started = time.perf_counter()
        reviews = build_store(db_path, data / "reviews.jsonld", copies)
        import_s = time.perf_counter() - started
        overall = evaluate(db_path, queries)["all"]
        growth.append(
            {
                "copies": copies,
                "reviews": reviews,
                "import_s": import_s,
                "map@5": overall["map@5"],
                "p50_ms": overall["p50_ms"],
                "p95_ms": overall["p95_ms"],
            }
        )
    first = growth[0]
    for step in growth:
        step["p50_ratio"] = step["p50_ms"] / first["p50_ms"] if first["p50_ms"] else 0.0
        step["p95_ratio"] = step["p95_ms"] / first["p95_ms"] if first["p95_ms"] else 0.0
    return growth


def _print_growth(growth: list[dict[str, float]]) -> None:
    print("growth (dev queries; ratios to the smallest store, same run):")
    print(f"  {'reviews':>8} {'MAP@5':>6} {'p50 ms':>7} {'x':>6} {'p95 ms':>7} {'x':>6} {'import s':>8}")
    for s in growth:
        print(
            f"  {s['reviews']:>8} {s['map@5']:6.3f} {s['p50_ms']:7.1f} {s['p50_ratio']:6.1f} "
            f"{s['p95_ms']:7.1f} {s['p95_ratio']:6.1f} {s['import_s']:8.1f}"
        )


if __name__ == "__main__":
    sys.exit(main())
