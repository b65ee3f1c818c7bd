"""An import killed with SIGKILL leaves only whole documents, and running it
again completes the rest without duplicates."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "datasets"))

from generate_corpus import generate  # noqa: E402


def counts(db_path: Path) -> dict[str, int]:
    db = sqlite3.connect(db_path)
    try:
        return {
            t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "claims", "figures")
        }
    finally:
        db.close()


def run_import(corpus: Path, db_path: Path) -> subprocess.Popen:
    # Small commit groups: the import is killed after some have committed.
    command = ["import", str(corpus), "--commit-every", "20", "--db", str(db_path)]
    return subprocess.Popen(
        [sys.executable, "-m", "claimtrack", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.mark.timeout(120)
def test_sigkill_then_rerun(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in generate(400)), encoding="utf-8"
    )
    clean = tmp_path / "clean.db"
    assert run_import(corpus, clean).wait() == 0
    expected = counts(clean)

    killed = tmp_path / "killed.db"
    process = run_import(corpus, killed)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.02)
        if killed.exists():
            try:
                if counts(killed)["documents"] >= 40:
                    break
            except sqlite3.OperationalError:
                continue  # schema not created yet
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    db = sqlite3.connect(killed)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    partial = counts(killed)
    assert 0 < partial["documents"] < expected["documents"]
    # only whole documents: each stored document has exactly its clean claims
    db.execute("ATTACH ? AS clean", [str(clean)])
    mismatched = db.execute(
        "SELECT count(*) FROM documents d WHERE "
        "(SELECT count(*) FROM claims c WHERE c.document_id = d.id) != "
        "(SELECT count(*) FROM clean.claims c WHERE c.document_id = d.id)"
    ).fetchone()[0]
    assert mismatched == 0
    db.close()

    assert run_import(corpus, killed).wait() == 0
    assert counts(killed) == expected
