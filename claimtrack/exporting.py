"""Writing the store out: the :class:`Exporter` protocol behind ``claimtrack
export``, and the record readers exporters share.

Exporters come from the ``register_exporters`` hook. They read the store
through :func:`claim_records` and :func:`reviewed_items` rather than raw SQL,
so every format describes a claim, its speaker, figures, cluster and
appearances the same way.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

import sqlite_utils

from claimtrack.model import Appearance
from claimtrack.plugins import registered


@dataclass
class Exporter:
    """A format ``claimtrack export --format NAME`` can write.

    ``write(db, stream)`` writes the store's content to the binary
    ``stream`` and returns how many records it wrote. ``suffix`` is the file
    suffix the format usually has.
    """

    name: str
    write: Callable[[sqlite_utils.Database, BinaryIO], int]
    suffix: str = ""
    description: str = ""


def get_exporters() -> dict[str, Exporter]:
    """Every registered exporter, by name."""
    return registered("register_exporters")


_CLAIMS_SQL = """
SELECT claims.id, claims.text, claims.kind, claims.language, claims.said_on, claims.start,
       claims."end", claims.extractor, claims.confidence, claims.checked_by,
       speakers.name AS speaker, speakers.role AS speaker_role,
       speakers.organization AS speaker_organization, speakers.kind AS speaker_kind,
       documents.id AS document_id, documents.url, documents.outlet, documents.title,
       documents.published, clusters.id AS cluster_id, clusters.label AS cluster_label,
       clusters.figure_conflict AS cluster_figure_conflict
FROM claims
JOIN documents ON documents.id = claims.document_id
LEFT JOIN speakers ON speakers.id = claims.speaker_id
LEFT JOIN clusters ON clusters.id = claims.cluster_id
{where}
ORDER BY documents.published, documents.id, claims.start
"""


def claim_records(db: sqlite_utils.Database, claim_ids: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """Every claim (or those in ``claim_ids``) as a flat dict of its own
    columns, its speaker, document and cluster, plus ``figures`` and
    ``dates`` lists, in publication order. Streams: figures and dates are
    fetched per claim."""
    where, params = "", []
    if claim_ids is not None:
        where = f"WHERE claims.id IN ({', '.join('?' * len(claim_ids))})"
        params = claim_ids
    cursor = db.execute(_CLAIMS_SQL.format(where=where), params)
    columns = [d[0] for d in cursor.description]
    for row in cursor:
        record = dict(zip(columns, row, strict=True))
        record["figures"] = [
            dict(zip(("raw", "value", "value_max", "unit", "qualifier", "counted"), f, strict=True))
            for f in db.execute(
                "SELECT raw, value, value_max, unit, qualifier, counted FROM figures "
                "WHERE claim_id = ? ORDER BY start",
                [record["id"]],
            )
        ]
        record["dates"] = [
            dict(zip(("raw", "value", "value_end", "relation"), d, strict=True))
            for d in db.execute(
                "SELECT raw, value, value_end, relation FROM dates WHERE claim_id = ? ORDER BY start",
                [record["id"]],
            )
        ]
        yield record


@dataclass
class ReviewedItem:
    """A review with the claim it is anchored on and every place the
    reviewed claim appeared (for a cluster review, every member's)."""

    review: dict[str, Any]
    claim: dict[str, Any]
    appearances: list[Appearance]


def appearances_of(db: sqlite_utils.Database, claim_ids: list[str]) -> list[Appearance]:
    """Where the claims ``claim_ids`` appeared: each one's own article and
    its recorded appearances, one per URL, dated ones first by date. The
    first appearance is the one marked so when imported, else the earliest."""
    marks = ", ".join("?" * len(claim_ids))
    rows = db.execute(
        f"SELECT url, published, outlet, first FROM appearances WHERE claim_id IN ({marks}) "
        "UNION ALL "
        f"SELECT d.url, d.published, d.outlet, 0 FROM claims c JOIN documents d ON d.id = c.document_id "
        f"WHERE c.id IN ({marks}) AND d.url IS NOT NULL",
        [*claim_ids, *claim_ids],
    ).fetchall()
    by_url: dict[str, Appearance] = {}
    for url, published, outlet, first in rows:
        known = by_url.get(url)
        if known is None:
            by_url[url] = Appearance(url, published, outlet, bool(first))
        else:
            known.published = known.published or published
            known.outlet = known.outlet or outlet
            known.first = known.first or bool(first)
    found = sorted(by_url.values(), key=lambda a: (a.published is None, a.published or "", a.url))
    if found and not any(a.first for a in found):
        found[0].first = True
    return found


def reviewed_items(db: sqlite_utils.Database) -> Iterator[ReviewedItem]:
    """Every review whose claim is still in the store, oldest first. A
    cluster review covers the cluster its claim is in now."""
    cursor = db.execute("SELECT * FROM reviews WHERE claim_id IS NOT NULL ORDER BY created_at, id")
    columns = [d[0] for d in cursor.description]
    for row in cursor.fetchall():
        review = dict(zip(columns, row, strict=True))
        claim = next(claim_records(db, [review["claim_id"]]), None)
        if claim is None:
            continue
        members = [claim["id"]]
        if review["scope"] == "cluster" and claim["cluster_id"]:
            members = [
                r[0] for r in db.execute("SELECT id FROM claims WHERE cluster_id = ?", [claim["cluster_id"]])
            ]
        yield ReviewedItem(review, claim, appearances_of(db, members))


def dumps(value: Any) -> str:
    """JSON as exporters write it: UTF-8 text, not escapes, for Arabic."""
    return json.dumps(value, ensure_ascii=False, sort_keys=False)
