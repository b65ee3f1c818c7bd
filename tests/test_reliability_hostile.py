"""Hostile input: deep nesting, huge attributes, mixed encodings, control
characters, lone surrogates, file names that are not UTF-8 and files too
big to hold: each bad entry is a one-line problem, the rest is imported,
and memory stays bounded."""

from __future__ import annotations

import io
import sys
import tracemalloc
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from reliability import import_hostile

import claimtrack.importers as importers
from claimtrack.cli import cli
from claimtrack.importing import ImportProblem, Source


@pytest.mark.timeout(240)
def test_hostile_files_are_reported_and_the_rest_imported(tmp_path):
    for row in import_hostile(tmp_path):
        assert row["traceback"] == 0 and row["corrupt"] == 0, row
        assert row["documents"] == row["expected"], row
        assert row["problems"] == row["expected_problems"], row
        assert row["exit"] == (1 if row["expected_problems"] else 0), row


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".txt"])
def test_overlong_lines_are_skipped_in_bounded_memory(suffix, monkeypatch):
    """A 24 MB line with a 1 MiB limit: reported, skipped without being
    held, and the lines around it read."""
    monkeypatch.setattr(importers, "_MAX_LINE", 1 << 20)
    long_line = b'{"text": "' + b"x" * (24 << 20) + b'"}\n'
    if suffix == ".jsonl":
        data = b'{"text": "a b"}\n' + long_line + b'{"text": "c d"}\n'
    elif suffix == ".csv":
        data = b"text\n" + b"a b\n" + b"x" * (24 << 20) + b"\nc d\n"
    else:
        data = long_line
    read = {".jsonl": importers.read_jsonl, ".csv": importers.read_csv, ".txt": importers.read_text}[suffix]
    stream = io.BytesIO(data)
    del data, long_line
    tracemalloc.start()
    items = list(read(Source(f"big{suffix}", path=Path(f"big{suffix}"), stream=stream)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 8 << 20, f"peak {peak >> 20} MiB"
    problems = [str(i) for i in items if isinstance(i, ImportProblem)]
    texts = [i.text for i in items if not isinstance(i, ImportProblem)]
    line = {".jsonl": 2, ".csv": 3, ".txt": 1}[suffix]
    assert problems == [
        f"big{suffix}:{line}: " + ("file" if suffix == ".txt" else "line") + " longer than 1 MiB"
    ]
    assert texts == ([] if suffix == ".txt" else ["a b", "c d"])


def test_a_file_name_that_is_not_utf8_is_imported(runner, tmp_path, db_path):
    directory = tmp_path / "d"
    directory.mkdir()
    (directory / "ok.txt").write_text("The minister said 2,500 troops arrived.", encoding="utf-8")
    with open(bytes(directory) + b"/bad\xff.txt", "wb") as file:
        file.write("قال الوزير إن 2500 جندي وصلوا.".encode())
    result = runner.invoke(cli, ["import", str(directory), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "Imported 2 documents" in result.output
