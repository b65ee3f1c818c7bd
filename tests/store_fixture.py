"""Build a store with every kind of row whose id derives from a claim's:
documents with claims, figures and dates; links and clusters; imported
ClaimReviews with appearances; cluster and claim reviews given from the
command line.

Written against the command line and plain SQL only, so that an older
claimtrack can run it too: ``tests/data/schema7.db.gz`` is this store as
claimtrack wrote it at schema version 7, before claim ids started with
their document's (made with ``python tests/store_fixture.py OUT.db`` and
``PYTHONPATH`` pointing at commit 9d315be). tests/test_ids.py migrates
that file and compares it with a store this module builds now.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "datasets"


def build(db: Path, run: Callable[[Sequence[str]], None]) -> None:
    """Fill the store at ``db``; ``run`` runs one claimtrack command line."""
    formats = DATA / "formats"
    run(["import", str(DATA / "samples" / "articles.jsonl"), *map(str, sorted(formats.glob("*.html")))])
    run(["import", *map(str, sorted(formats.glob("*.rss"))), *map(str, sorted(formats.glob("*.atom")))])
    run(["import", "--format", "claimreview", str(formats / "reviews-ar.jsonld")])
    run(["import", "--format", "claimreview", str(DATA / "checked-claims" / "reviews.jsonld")])
    run(["link"])
    # Targets picked by what migrating leaves alone (documents' ids and
    # claims' spans), never by claim or cluster ids, which change.
    conn = sqlite3.connect(db)
    clusters = [
        row[0]
        for row in conn.execute(
            "SELECT cluster_id FROM claims WHERE cluster_id IS NOT NULL GROUP BY cluster_id "
            "ORDER BY min(document_id || printf(':%09d', start))"
        )
    ]
    [claim] = conn.execute(
        "SELECT id FROM claims WHERE cluster_id IS NULL ORDER BY document_id, start LIMIT 1"
    ).fetchone()
    conn.close()
    for number, cluster in enumerate(clusters):
        run(
            [
                "review",
                cluster,
                "--rating",
                "False",
                "--reviewer",
                "Desk",
                "--url",
                f"https://desk.example/{number}",
            ]
        )
    run(["review", claim, "--rating", "True", "--reviewer", "Desk"])


def main(argv: list[str]) -> None:
    from click.testing import CliRunner

    from claimtrack.cli import cli

    db = Path(argv[0])

    def run(arguments: Sequence[str]) -> None:
        result = CliRunner().invoke(cli, [*arguments, "--db", str(db)])
        assert result.exit_code == 0, result.output

    build(db, run)


if __name__ == "__main__":
    main(sys.argv[1:])
