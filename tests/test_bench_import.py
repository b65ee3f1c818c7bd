"""The import benchmark still runs and prints what the issue asks of it:
articles per second, latency percentiles, peak memory and growth by size
(a smoke test on tiny sizes; the figures themselves come from real runs)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_import_prints_throughput_memory_and_growth():
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_import.py"), "--sizes", "20,40", "--repeat", "2"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    lines = out.splitlines()
    header = lines[0].split()
    for column in ("art/s", "p50", "p99", "peak", "vs"):
        assert column in header
    rows = [line.split() for line in lines[1:3]]
    assert [row[0] for row in rows] == ["20", "40"]
    assert all(float(row[header.index("art/s")]) > 0 for row in rows)
    assert "fastest of 2 runs per size" in out
    assert "ms per article by stage" in out
