"""Datasette answers while an import and a link write the same store: WAL,
short transactions and busy timeouts keep "database is locked" from any
reader or writer."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from reliability import serve_while_writing


@pytest.mark.timeout(240)
def test_serve_answers_during_import_and_link(tmp_path):
    result = serve_while_writing(tmp_path, documents=150, links=1)
    assert result["requests"] >= 5
    assert result == {**result, "errors": 0, "locked": 0, "writers_failed": 0}
