"""Row ids: a claim's, figure's and date's start with their document's, and
schema 8 rewrites a store written with the earlier plain-hash ids into
exactly what an import with today's ids gives."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import claimtrack
from claimtrack import Claim, Document, stable_id
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
    assert child_id("0123456789abcdef", "claim", "0123456789abcdef", 0, 10) == "01234567a69b273e"
    assert child_id("0123456789abcdef", "x") == "01234567" + stable_id("x")[:8]
    assert child_id(None, "x") == stable_id("x")
    assert len(child_id("ab", "x")) == 16 and child_id("ab", "x").startswith("ab")


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
    assert all(i.startswith(prefix) and len(i) == 16 for rows in ids.values() for i in rows)
    assert len({i for rows in ids.values() for i in rows}) == sum(map(len, ids.values()))
    claim = Claim(text="x", start=0, end=1, document_id=document.id)
    assert claim.id.startswith(prefix)


def _dump(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    dump = {}
    for table in TABLES:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        skip = {"imported_at", "created_at", "linked_at"}  # times of writing
        chosen = ", ".join(f'"{c}"' for c in columns if c not in skip)
        dump[table] = sorted(conn.execute(f"SELECT {chosen} FROM {table}").fetchall(), key=repr)
    conn.close()
    return dump


def _downgrade_to_7(path: Path) -> None:
    """Rewrite a store's ids the way claimtrack before schema 8 derived them
    (plain hashes), and mark it schema 7."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("BEGIN")
    old = {
        new: stable_id("claim", doc, start, end)
        for new, doc, start, end in conn.execute('SELECT id, document_id, start, "end" FROM claims')
    }
    clusters = {}
    for new_claim, cluster in conn.execute("SELECT id, cluster_id FROM claims WHERE cluster_id IS NOT NULL"):
        if stable_id("cluster", new_claim) == cluster:
            clusters[cluster] = stable_id("cluster", old[new_claim])
    assert clusters, "the store needs clusters for this test to mean anything"
    reviews = {}
    for rid, claim, scope, reviewer, url in conn.execute(
        "SELECT id, claim_id, scope, reviewer, url FROM reviews"
    ):
        reviews[rid] = stable_id("review", old[claim], scope, reviewer or "", url or "")
    for new, former in old.items():
        conn.execute("UPDATE claims SET id = ? WHERE id = ?", [former, new])
    for new, former in clusters.items():
        for table, column in (("claims", "cluster_id"), ("links", "cluster_id"), ("reviews", "cluster_id")):
            conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", [former, new])
        conn.execute("UPDATE clusters SET id = ? WHERE id = ?", [former, new])
    for new, former in reviews.items():
        conn.execute("UPDATE reviews SET id = ? WHERE id = ?", [former, new])
        conn.execute("UPDATE claims SET checked_by = ? WHERE checked_by = ?", [former, new])
    for kind, table in (("figure", "figures"), ("date", "dates")):
        rows = conn.execute(f'SELECT id, claim_id, start, "end" FROM {table}').fetchall()
        for rid, claim, start, end in rows:
            conn.execute(
                f"UPDATE {table} SET id = ?, claim_id = ? WHERE id = ?",
                [stable_id(kind, old[claim], start, end), old[claim], rid],
            )
    for rid, claim, url in conn.execute("SELECT id, claim_id, url FROM appearances").fetchall():
        conn.execute(
            "UPDATE appearances SET id = ?, claim_id = ? WHERE id = ?",
            [stable_id("appearance", old[claim], url), old[claim], rid],
        )
    for new, former in old.items():
        conn.execute("UPDATE reviews SET claim_id = ? WHERE claim_id = ?", [former, new])
    for rid, a, b in conn.execute("SELECT id, claim_a, claim_b FROM links").fetchall():
        a, b = sorted((old[a], old[b]))
        conn.execute(
            "UPDATE links SET id = ?, claim_a = ?, claim_b = ? WHERE id = ?",
            [stable_id("link", a, b), a, b, rid],
        )
    conn.execute("PRAGMA user_version = 7")
    conn.execute("COMMIT")
    assert not conn.execute("PRAGMA foreign_key_check").fetchall()
    conn.close()


@pytest.fixture
def reviewed_store(runner, tmp_path):
    """A store with every kind of row derived from a claim id: documents and
    their claims, figures and dates; links and clusters; a claim review, a
    cluster review and imported ClaimReviews with appearances."""
    db = str(tmp_path / "c.db")
    samples = ROOT / "datasets" / "samples" / "articles.jsonl"
    reviews = ROOT / "datasets" / "checked-claims" / "reviews.jsonld"
    formats = ROOT / "datasets" / "formats"
    for arguments in (
        ["import", str(samples), str(formats / "wafa-style-article.html"), str(formats / "desk-ar.rss")],
        ["import", "--format", "claimreview", str(reviews), str(formats / "reviews-ar.jsonld")],
        ["link"],
    ):
        result = runner.invoke(cli, [*arguments, "--db", db])
        assert result.exit_code == 0, result.output
    store = claimtrack.open_store(db)
    cluster = store.execute("SELECT id FROM clusters ORDER BY claims DESC LIMIT 1").fetchone()[0]
    claim = store.execute("SELECT id FROM claims WHERE cluster_id IS NULL ORDER BY id LIMIT 1").fetchone()[0]
    store.conn.close()
    for target in (cluster, claim):
        result = runner.invoke(cli, ["review", target, "--rating", "False", "--reviewer", "Desk", "--db", db])
        assert result.exit_code == 0, result.output
    return Path(db)


def test_migration_8_gives_the_ids_of_a_fresh_import(reviewed_store):
    expected = _dump(reviewed_store)
    counts = {table: len(rows) for table, rows in expected.items()}
    assert all(counts[t] for t in ("claims", "figures", "dates", "appearances", "links", "clusters"))
    assert counts["reviews"] >= 2
    _downgrade_to_7(reviewed_store)
    downgraded = _dump(reviewed_store)
    assert downgraded["claims"] != expected["claims"]  # the old ids really differ
    db = claimtrack.open_store(reviewed_store)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert not db.execute("PRAGMA foreign_key_check").fetchall()
    assert not db.execute("SELECT name FROM sqlite_temp_master").fetchall()
    db.conn.close()
    assert _dump(reviewed_store) == expected


def test_migrated_store_takes_the_same_articles_again(runner, reviewed_store):
    before = _dump(reviewed_store)
    _downgrade_to_7(reviewed_store)
    samples = ROOT / "datasets" / "samples" / "articles.jsonl"
    result = runner.invoke(cli, ["import", str(samples), "--db", str(reviewed_store)])
    assert result.exit_code == 0, result.output
    after = _dump(reviewed_store)
    assert {t: len(r) for t, r in after.items()} == {t: len(r) for t, r in before.items()}


def test_ids_not_derived_from_a_claim_are_kept(tmp_path):
    path = tmp_path / "c.db"
    db = claimtrack.open_store(path)
    db.conn.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA user_version = 7")
    conn.execute("INSERT INTO documents (id, text, imported_at) VALUES ('doc-by-hand', 'نص', '2024-01-01')")
    conn.execute(
        'INSERT INTO claims (id, document_id, text, normalized, search, kind, start, "end") '
        "VALUES ('claim-by-hand', 'doc-by-hand', 'نص', 'نص', 'نص', 'reported', 0, 2)"
    )
    conn.close()
    db = claimtrack.open_store(path)
    assert [r[0] for r in db.execute("SELECT id FROM claims")] == ["claim-by-hand"]
