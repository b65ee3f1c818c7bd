"""Crash safety, a few runs of bench/reliability.py's checks (it runs 50):
imports killed at random moments leave an intact store of whole documents
that a re-run completes; a killed link run leaves whole clusters. (The
single-kill case at a chosen point is tests/test_interrupted_import.py.)"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from reliability import crash_imports, crash_links


@pytest.mark.timeout(240)
def test_imports_killed_at_random_moments(tmp_path):
    result = crash_imports(tmp_path, runs=3, documents=700, seed=7)
    assert result["runs"] == 3 and result["mid_import"] >= 1  # killed while writing, not before or after
    assert result["corrupt"] == result["partial_documents"] == result["lost"] == result["duplicates"] == 0


@pytest.mark.timeout(240)
def test_link_killed_at_random_moments_keeps_whole_clusters(tmp_path):
    result = crash_links(tmp_path, runs=2, documents=100, seed=3)
    assert result["corrupt"] == result["mixed"] == 0
    assert result["previous_kept"] + result["new_whole"] == 2
