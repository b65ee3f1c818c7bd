"""The built-in exporters: claims as JSON Lines and as CSV.

Each row is one claim with its speaker, document, cluster, figures and
dates (see :func:`claimtrack.exporting.claim_records`). The columns include
everything ``claimtrack import --format claims`` reads (text, speaker,
outlet, published, url, language, kind), so an export can be imported into
another store as a claim list.
"""

from __future__ import annotations

import csv
import io
from typing import BinaryIO

import sqlite_utils

from claimtrack.exporting import Exporter, claim_records, dumps
from claimtrack.hookspecs import hookimpl

#: CSV columns, in order; figures and dates are JSON lists in their cells.
CSV_COLUMNS = (
    "id",
    "text",
    "kind",
    "language",
    "said_on",
    "speaker",
    "speaker_role",
    "speaker_organization",
    "outlet",
    "url",
    "title",
    "published",
    "cluster_id",
    "cluster_label",
    "checked_by",
    "figures",
    "dates",
)


def write_jsonl(db: sqlite_utils.Database, stream: BinaryIO) -> int:
    count = 0
    for record in claim_records(db):
        stream.write((dumps(record) + "\n").encode("utf-8"))
        count += 1
    return count


def write_csv(db: sqlite_utils.Database, stream: BinaryIO) -> int:
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for record in claim_records(db):
        record["figures"] = dumps(record["figures"])
        record["dates"] = dumps(record["dates"])
        writer.writerow(["" if record[c] is None else record[c] for c in CSV_COLUMNS])
        count += 1
    text.detach()
    return count


JSONL = Exporter(
    "jsonl", write_jsonl, ".jsonl", "One claim per line with speaker, document, cluster, figures, dates."
)
CSV = Exporter("csv", write_csv, ".csv", "One claim per row; figures and dates as JSON cells.")


@hookimpl
def register_exporters(register) -> None:
    register(JSONL)
    register(CSV)
