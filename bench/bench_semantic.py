"""Linking by meaning (``claimtrack link --semantic``) at scale: what
embedding costs per claim, and what finding the pairs close in meaning
costs as the store grows.

    python bench/bench_semantic.py [--embedder e5-small] [--sizes 10000,30000,100000] [--new 1000]

1. Embedding: the claims of the labelled pair sets in ``datasets/linking*``
   (real Arabic and English claims: every text of the sets), embedded in batches as
   ``claimtrack link`` does (claims a second), then one at a time (latency
   percentiles).
2. Pairs: ``claimtrack.semantic.similar_pairs`` over N vectors made from
   the embedded claims (:func:`corpus`), each of its claim's language, at
   the cosine linking searches from (the embedder's ``same_claim`` less
   its ``near``): a rebuild (every claim against all) and an incremental
   run (``--new`` claims against all). Each size runs in its own process, so its peak
   memory is its own.

The machine is noisy: compare ratios within one run.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from claimtrack.semantic import embed_texts, get_embedder, similar_pairs

ROOT = Path(__file__).resolve().parents[1]


def texts() -> list[str]:
    found = []
    for path in sorted(ROOT.glob("datasets/linking*/pairs.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            pair = json.loads(line)
            found += [pair["a"]["text"], pair["b"]["text"]]
    return found


def embedding(name: str | None) -> tuple[dict, np.ndarray]:
    embedder = get_embedder(name)
    claims = texts()
    embed_texts(embedder, claims[:8])  # the model loads
    started = time.perf_counter()
    vectors = np.concatenate([embed_texts(embedder, claims[i : i + 256]) for i in range(0, len(claims), 256)])
    batched = time.perf_counter() - started
    latencies = []
    for text in claims[:200]:
        started = time.perf_counter()
        embed_texts(embedder, [text])
        latencies.append(time.perf_counter() - started)
    p50, p95, p99 = np.percentile(latencies, [50, 95, 99]) * 1000
    return {
        "embedder": embedder.name,
        "same_claim": embedder.same_claim,
        "near": embedder.near,
        "claims": len(claims),
        "seconds": round(batched, 2),
        "claims_per_second": round(len(claims) / batched, 1),
        "ms_per_claim": round(batched / len(claims) * 1000, 2),
        "single_ms_p50": round(p50, 1),
        "single_ms_p95": round(p95, 1),
        "single_ms_p99": round(p99, 1),
        "hours_per_million": round(batched / len(claims) * 1e6 / 3600, 2),
    }, vectors


def corpus(base: np.ndarray, size: int, rng: np.random.Generator) -> np.ndarray:
    """``size`` unit vectors: the real claims' vectors again and again, each
    time turned by another random rotation. Within one turn the cosines are
    the real claims' (the labelled sets' pairs among them); across turns
    they are near 0, as between claims of unrelated stories."""
    turns = []
    for _ in range(-(-size // len(base))):
        rotation, _ = np.linalg.qr(rng.normal(size=(base.shape[1], base.shape[1])))
        turns.append(base @ rotation.astype(np.float32))
    vectors = np.concatenate(turns)[:size]
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def pairs_at(size: int, new: int, cosine: float, sample: Path) -> dict:
    rng = np.random.default_rng(size)
    vectors = corpus(np.load(sample), size, rng)
    kinds = ["en" if text.isascii() else "ar" for text in texts()]
    languages = [kinds[i % len(kinds)] for i in range(size)]
    started = time.perf_counter()
    everything, _ = similar_pairs(vectors, languages, cosine)
    rebuild = time.perf_counter() - started
    mask = np.zeros(size, dtype=bool)
    mask[rng.choice(size, min(new, size), replace=False)] = True
    started = time.perf_counter()
    incremental, _ = similar_pairs(vectors, languages, cosine, mask)
    step = time.perf_counter() - started
    return {
        "claims": size,
        "rebuild_seconds": round(rebuild, 2),
        "rebuild_pairs": len(everything),
        "new": int(mask.sum()),
        "incremental_seconds": round(step, 3),
        "incremental_pairs": len(incremental),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--embedder", default=None)
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--new", type=int, default=1000)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--sample", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cosine", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(pairs_at(args.child, args.new, args.cosine, args.sample)))
        return

    report, vectors = embedding(args.embedder)
    print(
        f"embedding ({report['embedder']}): {report['claims']} claims in {report['seconds']} s, "
        f"{report['claims_per_second']} claims/s ({report['ms_per_claim']} ms a claim, "
        f"{report['hours_per_million']} h a million); one at a time: p50 {report['single_ms_p50']} ms, "
        f"p95 {report['single_ms_p95']} ms, p99 {report['single_ms_p99']} ms"
    )
    sample = Path("/tmp") / f"bench_semantic_{report['embedder']}.npy"
    np.save(sample, vectors)
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                str(size),
                "--new",
                str(args.new),
                "--sample",
                str(sample),
                "--cosine",
                # The floor linking uses: near pairs are found too.
                str(report["same_claim"] - report["near"]),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(out.stdout)
        rows.append(row)
        growth = ""
        if len(rows) > 1:
            first = rows[0]
            growth = (
                f"; vs {first['claims']:,}: x{row['claims'] / first['claims']:.0f} claims, rebuild "
                f"x{row['rebuild_seconds'] / max(first['rebuild_seconds'], 1e-9):.1f}, incremental "
                f"x{row['incremental_seconds'] / max(first['incremental_seconds'], 1e-9):.1f}"
            )
        print(
            f"pairs, {row['claims']:,} claims: rebuild {row['rebuild_seconds']} s "
            f"({row['rebuild_pairs']:,} pairs), {row['new']:,} new against all "
            f"{row['incremental_seconds']} s ({row['incremental_pairs']:,} pairs), "
            f"peak {row['peak_mb']} MB{growth}"
        )
    sample.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
