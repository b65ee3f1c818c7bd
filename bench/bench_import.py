"""Import throughput: how many articles per second ``claimtrack import`` stores
with the default plugins, its per-article latency, its peak memory, and how
they grow with the corpus size.

    python bench/bench_import.py [--sizes 1000,5000,20000] [--repeat 3]

Each size runs in a fresh child process (so peak memory is its own) on one
core: the generated corpus (datasets/generate_corpus.py) is written as JSONL
and imported into a new store exactly as ``claimtrack import`` does. Compare
ratios within one run; this machine is noisy.

Loading the plugins and their first use (module imports, regular
expressions compiled on first call) is a one-off cost, timed apart as
"startup" so that articles/s and its growth with size are the import's own.
Each article's time is split into extract, store (its writes), commit
(the group's commit with its full-text indexing) and close (the last
checkpoint of the WAL into the file, shared by all); "read" is the rest
(reading and parsing the JSONL). "cpu" is the process's CPU time per
article, steadier than wall time when other work shares the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "datasets"))


def child(size: int) -> dict:
    from generate_corpus import generate

    from claimtrack import open_store
    from claimtrack.importing import STAGES, import_documents, read_documents
    from claimtrack.pipeline import extract

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for record in generate(size):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        db = open_store(Path(tmp) / "bench.db")
        started = time.perf_counter()
        _source, first = next(iter(read_documents([str(corpus)])))  # loads the plugins
        extract(first)  # and their lazily loaded parts; nothing is stored
        startup = time.perf_counter() - started
        latencies: list[float] = []
        last = [time.perf_counter()]

        def tick(_extraction) -> None:
            now = time.perf_counter()
            latencies.append(now - last[0])
            last[0] = now

        start = time.perf_counter()
        cpu = time.process_time()
        last[0] = start
        report = import_documents(db, read_documents([str(corpus)]), on_document=tick)
        closing = time.perf_counter()
        # Closing checkpoints the WAL into the file: part of what an import
        # costs (a small import never checkpoints before it), so it is timed.
        db.conn.close()
        elapsed = time.perf_counter() - start
        closed = time.perf_counter() - closing
        cpu = time.process_time() - cpu
        db_size = os.path.getsize(Path(tmp) / "bench.db")
    latencies.sort()
    q = statistics.quantiles(latencies, n=100)
    return {
        "size": size,
        "documents": report.documents,
        "claims": report.claims,
        "errors": len(report.problems) + report.plugin_problems,
        "seconds": elapsed,
        "startup": startup,
        "per_second": report.documents / elapsed,
        "cpu_ms": cpu / report.documents * 1000,
        "stage_ms": {
            **{stage: report.seconds[stage] / report.documents * 1000 for stage in STAGES},
            "close": closed / report.documents * 1000,
            "read": (elapsed - closed - sum(report.seconds.values())) / report.documents * 1000,
        },
        "p50_ms": q[49] * 1000,
        "p95_ms": q[94] * 1000,
        "p99_ms": q[98] * 1000,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "db_mb": db_size / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="runs per size, the sizes taken in turn; the fastest of each is shown "
        "(on a shared machine the slower ones measure the neighbours)",
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    runs: dict[int, list[dict]] = {size: [] for size in sizes}
    for _round in range(max(1, args.repeat)):
        for size in sizes:
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(size)], capture_output=True, text=True, check=True
            )
            runs[size].append(json.loads(out.stdout.strip().splitlines()[-1]))
    rows = [min(runs[size], key=lambda r: r["seconds"]) for size in sizes]
    base = rows[0]["seconds"] / rows[0]["size"]
    print(
        f"{'articles':>9} {'claims':>8} {'err':>4} {'startup':>7} {'secs':>7} {'art/s':>7} {'p50 ms':>7} "
        f"{'p95 ms':>7} {'p99 ms':>7} {'cpu ms':>7} {'peak MB':>8} {'db MB':>7} {'time/article vs first':>22}"
    )
    for r in rows:
        ratio = (r["seconds"] / r["size"]) / base
        print(
            f"{r['documents']:>9} {r['claims']:>8} {r['errors']:>4} {r['startup']:>7.2f} "
            f"{r['seconds']:>7.1f} {r['per_second']:>7.0f} "
            f"{r['p50_ms']:>7.2f} {r['p95_ms']:>7.2f} {r['p99_ms']:>7.2f} {r['cpu_ms']:>7.2f} "
            f"{r['peak_rss_mb']:>8.0f} {r['db_mb']:>7.1f} {ratio:>22.2f}"
        )
    print("(one process, one core; a time/article ratio near 1.0 means linear growth)")
    if args.repeat > 1:
        rates = {size: [r["per_second"] for r in runs[size]] for size in sizes}
        spread = ", ".join(f"{size}: {min(rates[size]):.0f}-{max(rates[size]):.0f}" for size in sizes)
        print(f"(fastest of {args.repeat} runs per size; art/s of all runs: {spread})")
    stages = list(rows[0]["stage_ms"])
    print(f"\nms per article by stage\n{'articles':>9} " + " ".join(f"{s:>8}" for s in stages))
    for r in rows:
        print(f"{r['documents']:>9} " + " ".join(f"{r['stage_ms'][s]:>8.3f}" for s in stages))


if __name__ == "__main__":
    main()
