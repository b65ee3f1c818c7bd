"""Property tests over every importer (bench/fuzz_targets.py IMPORTERS):
whatever bytes a file holds, reading and storing it never raises; bad
entries become problems and the rest is stored."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from fuzz_targets import HOSTILE_PIECES, IMPORTERS, Store

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
pieces = st.lists(st.sampled_from(HOSTILE_PIECES), max_size=40).map(b"".join)
records = st.lists(
    st.dictionaries(
        st.sampled_from(["text", "url", "outlet", "published", "title", "language", "speaker", "kind", "x"]),
        st.one_of(st.text(max_size=40), st.integers(), st.none(), st.lists(st.integers(), max_size=2)),
        max_size=6,
    ),
    max_size=5,
)


@pytest.mark.parametrize("importer", sorted(IMPORTERS))
@FUZZ
@given(data=st.one_of(pieces, st.binary(max_size=300)))
def test_any_bytes_import_without_raising(importer, data):
    Store().import_bytes(importer, data)


@pytest.mark.parametrize("importer", sorted(i for i in IMPORTERS if IMPORTERS[i][1] == ".jsonl"))
@FUZZ
@given(rows=records)
def test_every_jsonl_record_is_stored_or_reported(importer, rows):
    data = "".join(json.dumps(r) + "\n" for r in rows).encode("utf-8")
    documents, problems = Store().import_bytes(importer, data)
    assert documents + problems == len(rows)
