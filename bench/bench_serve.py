"""Datasette latency on a large store: p50/p95 of the claims table page with
three facets, an Arabic full-text search, and a cluster page.

    python bench/bench_serve.py [--claims 1000000] [--runs 20] [--db PATH]

The store is built with claimtrack's schema (migrations, full-text triggers,
indexes) and synthetic rows written straight to SQLite — a million claims
through the extractors would take most of an hour — then served in-process
by Datasette with the claimtrack plugin, as ``claimtrack serve`` does. An
existing store at ``--db`` is reused.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import time
from pathlib import Path

from datasette.app import Datasette

from claimtrack import normalize, open_store, search_form, stable_id
from claimtrack.cli import DATASETTE_SETTINGS
from claimtrack.model import child_id

PLACES = ["كازاخستان", "ألماتي", "دمشق", "بغداد", "القاهرة", "عمان", "الرباط", "تونس", "الخرطوم", "صنعاء"]
SUBJECTS = ["قوات حفظ السلام", "الحكومة", "وزارة الصحة", "الجيش", "البنك المركزي", "المنظمة", "الشركة"]
VERBS = ["ستصل إلى", "أعلنت عن", "سجلت", "خصصت", "نشرت", "تتوقع", "رصدت"]
KINDS = ["direct", "indirect", "reported"]
#: What claimtrack serve passes to Datasette (claimtrack.cli.DATASETTE_SETTINGS).
SETTINGS = {name: {"off": False}.get(value, value) for name, value in DATASETTE_SETTINGS.items()}
SETTINGS["facet_time_limit_ms"] = int(SETTINGS["facet_time_limit_ms"])


def build(path: Path, claims: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    db = open_store(path)
    speakers = [(stable_id("speaker", i), f"متحدث رقم {i}") for i in range(2000)]
    documents = max(1, claims // 10)
    clusters = claims // 5
    with db.conn:
        db.execute("BEGIN")
        db.conn.executemany(
            "INSERT INTO speakers (id, name, normalized, aliases, kind) VALUES (?, ?, ?, '[]', 'person')",
            [(sid, name, normalize(name)) for sid, name in speakers],
        )
        db.conn.executemany(
            "INSERT INTO documents (id, url, outlet, title, published, language, text, imported_at) "
            "VALUES (?, ?, ?, ?, ?, 'ar', '', '2026-01-01')",
            [
                (
                    stable_id("doc", d),
                    f"https://bench.test/{d}",
                    f"outlet {d % 40}",
                    f"عنوان {d}",
                    f"2022-01-{1 + d % 28:02d}",
                )
                for d in range(documents)
            ],
        )
        db.conn.executemany(
            "INSERT INTO clusters (id, label, claims, outlets, first_seen, last_seen, figure_conflict) "
            "VALUES (?, ?, 5, 3, '2022-01-01', '2022-01-09', ?)",
            [(stable_id("cluster", c), f"مجموعة {c}", int(c % 10 == 0)) for c in range(clusters)],
        )
        rows, figures = [], []
        for c in range(claims):
            text = (
                f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.randint(10, 5000)} شخص في "
                f"{rng.choice(PLACES)} خلال {rng.randint(2, 9)} أيام رقم {c}"
            )
            normalized = normalize(text)
            document_id = stable_id("doc", c % documents)
            claim_id = child_id(document_id, "claim", c)  # ids laid out as the store's
            rows.append(
                (
                    claim_id,
                    document_id,
                    rng.choice(speakers)[0],
                    text,
                    normalized,
                    search_form(normalized),
                    rng.choice(KINDS),
                    0,
                    len(text),
                    f"2022-01-{1 + c % 28:02d}",
                    "ar",
                    "bench",
                    0.9,
                    stable_id("cluster", c % clusters),
                )
            )
            value = float(rng.randint(10, 5000))
            figures.append((child_id(claim_id, "figure", c), claim_id, "شخص", value, "person"))
            if len(rows) == 50_000:
                _flush(db, rows, figures)
        _flush(db, rows, figures)
    db.execute("ANALYZE")
    db.conn.close()


def _flush(db, rows: list, figures: list) -> None:
    db.conn.executemany(
        "INSERT INTO claims (id, document_id, speaker_id, text, normalized, search, kind, start, "
        '"end", said_on, language, extractor, confidence, cluster_id) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    db.conn.executemany(
        'INSERT INTO figures (id, claim_id, raw, value, unit, start, "end") VALUES (?, ?, ?, ?, ?, 0, 1)',
        figures,
    )
    rows.clear()
    figures.clear()


async def measure(path: Path, runs: int) -> dict[str, dict[str, float]]:
    datasette = Datasette([str(path)], settings=SETTINGS)
    name = path.stem
    cluster = stable_id("cluster", 10)
    pages = {
        "claims table, 3 facets": f"/{name}/claims",  # kind, language, speaker_id by default
        "Arabic search": f"/{name}/claims?_search=" + "قوات حفظ السلام الماتي",
        "cluster page": f"/{name}/-/cluster/{cluster}",
    }
    results = {}
    for label, url in pages.items():
        response = await datasette.client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            response = await datasette.client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        results[label] = {
            "p50_ms": statistics.median(times),
            "p95_ms": times[max(0, int(len(times) * 0.95) - 1)],
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--db", type=Path, default=Path("bench/out/serve-bench.db"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    if not args.db.exists():
        start = time.perf_counter()
        build(args.db, args.claims)
        print(f"built {args.claims} claims in {time.perf_counter() - start:.0f} s: {args.db}")
    results = asyncio.run(measure(args.db, args.runs))
    if args.json:
        print(json.dumps(results))
        return
    print(f"{'page':<24} {'p50 ms':>8} {'p95 ms':>8}   (target p95 < 300 ms)")
    for label, r in results.items():
        print(f"{label:<24} {r['p50_ms']:>8.0f} {r['p95_ms']:>8.0f}")


if __name__ == "__main__":
    main()
