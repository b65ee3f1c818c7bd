"""Row ids: a claim's, figure's and date's start with their document's, and
schema 8 rewrites a store written with the earlier plain-hash ids (a real
one, tests/data/schema7.db.gz) into the ids claimtrack derives now, losing
nothing the store said."""

from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import claimtrack
from claimtrack import Claim, Document, Review, stable_id
from claimtrack.cli import cli
from claimtrack.importing import import_documents
from claimtrack.model import PARENT_PREFIX, child_id
from claimtrack.store import MIGRATIONS

ROOT = Path(__file__).resolve().parents[1]
TABLES = (
    "documents",
    "claims",
    "figures",
    "dates",
    "appearances",
    "reviews",
    "links",
    "clusters",
    "speakers",
)


def test_child_id_starts_with_its_parent():
    # Pinned: an id must never change between versions without a migration.
    assert child_id("0123456789abcdef", "claim", "0123456789abcdef", 0, 10) == "01234567a69b273e2c44"
    assert child_id("0123456789abcdef", "x") == "01234567" + stable_id("x")[:12]
    assert child_id(None, "x") == stable_id("x")
    assert child_id("ab", "x") == "ab" + stable_id("x")[:12]


def test_rows_of_a_document_share_its_prefix(tmp_path):
    db = claimtrack.open_store(tmp_path / "c.db")
    document = Document(
        text="قال الوزير إن 2500 جندي سيصلون الأحد. وأضاف أن 300 آلية وصلت أمس.",
        url="https://example.org/a",
        published="2024-05-14",
        language="ar",
    )
    report = import_documents(db, [(None, document)])
    assert report.documents == 1
    prefix = document.id[:PARENT_PREFIX]
    ids = {
        table: [r[0] for r in db.execute(f"SELECT id FROM {table}")]
        for table in ("claims", "figures", "dates")
    }
    assert len(ids["claims"]) == 2 and ids["figures"] and ids["dates"]
    assert all(i.startswith(prefix) and len(i) == 20 for rows in ids.values() for i in rows)
    assert len({i for rows in ids.values() for i in rows}) == sum(map(len, ids.values()))
    claim = Claim(text="x", start=0, end=1, document_id=document.id)
    assert claim.id.startswith(prefix)


@pytest.fixture
def migrated(tmp_path) -> tuple[sqlite3.Connection, sqlite3.Connection]:
    """The schema-7 store of tests/data (written by claimtrack before claim
    ids started with their document's; see tests/store_fixture.py) as it
    was, and migrated by today's claimtrack."""
    path = tmp_path / "c.db"
    path.write_bytes(gzip.decompress((ROOT / "tests" / "data" / "schema7.db.gz").read_bytes()))
    before = sqlite3.connect(":memory:")
    sqlite3.connect(path).backup(before)
    assert before.execute("PRAGMA user_version").fetchone()[0] == 7
    claimtrack.open_store(path).conn.close()
    return before, sqlite3.connect(path)


def _spans(conn: sqlite3.Connection) -> dict[str, tuple]:
    """Claim id -> what the claim is, whatever its id: document and span."""
    return {
        row[0]: tuple(row[1:]) for row in conn.execute('SELECT id, document_id, start, "end" FROM claims')
    }


def _content(conn: sqlite3.Connection) -> dict[str, object]:
    """Everything the store says, with each claim id replaced by its span."""
    span = _spans(conn)
    groups: dict[str, set] = {}
    for claim, cluster in conn.execute("SELECT id, cluster_id FROM claims WHERE cluster_id IS NOT NULL"):
        groups.setdefault(cluster, set()).add(span[claim])
    reviews = {
        r[0]: r[1:] for r in conn.execute("SELECT id, claim_id, scope, rating, reviewer, url FROM reviews")
    }
    return {
        "claims": sorted(span.values()),
        "figures": sorted(
            (span[c], s, e, raw)
            for c, s, e, raw in conn.execute('SELECT claim_id, start, "end", raw FROM figures')
        ),
        "dates": sorted(
            (span[c], s, e, v)
            for c, s, e, v in conn.execute('SELECT claim_id, start, "end", value FROM dates')
        ),
        "appearances": sorted((span[c], u) for c, u in conn.execute("SELECT claim_id, url FROM appearances")),
        "links": sorted(
            (*sorted((span[a], span[b])), score, conflict)
            for a, b, score, conflict in conn.execute(
                "SELECT claim_a, claim_b, score, figure_conflict FROM links"
            )
        ),
        "clusters": sorted(map(sorted, groups.values())),
        "cluster reviews": sorted(
            (sorted(groups[cluster]), rating, reviewer, url)
            for claim, cluster, rating, reviewer, url in conn.execute(
                "SELECT r.claim_id, c.cluster_id, r.rating, r.reviewer, r.url FROM reviews r "
                "JOIN claims c ON c.id = r.claim_id WHERE r.scope = 'cluster'"
            )
        ),
        "claim reviews": sorted(
            (span[claim], rating, reviewer, str(url))
            for claim, scope, rating, reviewer, url in reviews.values()
            if scope == "claim"
        ),
        "checked_by": sorted(
            (span[claim], reviews[review][1:])  # the verdict, wherever it is anchored
            for claim, review in conn.execute(
                "SELECT id, checked_by FROM claims WHERE checked_by IS NOT NULL"
            )
        ),
    }


def test_migration_8_keeps_what_the_store_says(migrated):
    before, after = migrated
    assert after.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert _content(after) == _content(before)
    assert all(
        _content(before)[key] for key in ("figures", "dates", "appearances", "links", "cluster reviews")
    )
    assert not after.execute("PRAGMA foreign_key_check").fetchall()
    assert after.execute("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'كهرباء'").fetchone()[0] > 0


def test_migration_8_gives_the_ids_claimtrack_derives_now(migrated):
    _, after = migrated
    for claim, document, start, end in after.execute('SELECT id, document_id, start, "end" FROM claims'):
        assert claim == Claim(text="", start=start, end=end, document_id=document).id
    for kind, table in (("figure", "figures"), ("date", "dates")):
        for row_id, claim, start, end in after.execute(f'SELECT id, claim_id, start, "end" FROM {table}'):
            assert row_id == child_id(claim, kind, claim, start, end)
    for row_id, claim, url in after.execute("SELECT id, claim_id, url FROM appearances"):
        assert row_id == stable_id("appearance", claim, url)
    for row_id, a, b in after.execute("SELECT id, claim_a, claim_b FROM links"):
        assert a < b and row_id == stable_id("link", a, b)
    for row_id, claim, scope, reviewer, url in after.execute(
        "SELECT id, claim_id, scope, reviewer, url FROM reviews"
    ):
        assert row_id == Review("x", "false", scope=scope, reviewer=reviewer, url=url).id_for(claim)


def test_migrated_clusters_are_what_link_names_them(migrated, tmp_path):
    # Named after their lowest claim id, labelled with their earliest claim:
    # linking again (nothing new to compare) renames and relabels nothing.
    _, after = migrated
    clusters = after.execute("SELECT id, label, claims FROM clusters ORDER BY id").fetchall()
    result = CliRunner().invoke(cli, ["link", "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 0, result.output
    assert after.execute("SELECT id, label, claims FROM clusters ORDER BY id").fetchall() == clusters
    assert after.execute("SELECT count(*) FROM claims WHERE cluster_id IS NOT NULL").fetchone()[0] == sum(
        size for _, _, size in clusters
    )


def test_reviewing_a_migrated_cluster_again_replaces_the_verdict(migrated, tmp_path):
    _, after = migrated
    reviews = after.execute("SELECT count(*) FROM reviews").fetchone()[0]
    reviewed = after.execute(
        "SELECT c.cluster_id, r.url FROM reviews r JOIN claims c ON c.id = r.claim_id "
        "WHERE r.scope = 'cluster'"
    ).fetchall()
    assert len(reviewed) >= 4
    db = str(tmp_path / "c.db")
    for cluster, url in reviewed:
        command = ["review", cluster, "--rating", "True", "--reviewer", "Desk", "--url", url, "--db", db]
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 0, result.output
    assert after.execute("SELECT count(*) FROM reviews").fetchone()[0] == reviews
    assert {r[0] for r in after.execute("SELECT rating FROM reviews WHERE scope = 'cluster'")} == {"True"}


def test_migrated_store_takes_the_same_articles_again(migrated, tmp_path):
    _, after = migrated
    counts = [
        after.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("claims", "figures", "dates")
    ]
    samples = ROOT / "datasets" / "samples" / "articles.jsonl"
    result = CliRunner().invoke(cli, ["import", str(samples), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 0, result.output
    assert [
        after.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("claims", "figures", "dates")
    ] == counts


def test_ids_not_derived_from_a_claim_are_kept(tmp_path):
    path = tmp_path / "c.db"
    path.write_bytes(gzip.decompress((ROOT / "tests" / "data" / "schema7.db.gz").read_bytes()))
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("INSERT INTO documents (id, text, imported_at) VALUES ('doc-by-hand', 'نص', '2024-01-01')")
    conn.execute(
        'INSERT INTO claims (id, document_id, text, normalized, search, kind, start, "end") '
        "VALUES ('claim-by-hand', 'doc-by-hand', 'نص', 'نص', 'نص', 'reported', 0, 2)"
    )
    conn.close()
    db = claimtrack.open_store(path)
    assert [r[0] for r in db.execute("SELECT id FROM claims WHERE document_id = 'doc-by-hand'")] == [
        "claim-by-hand"
    ]
