"""The full-text index over claims (``claims_fts``), and how imports keep it
in step cheaply.

``claims_fts`` is an external-content FTS5 table over ``claims.search``,
kept in step by triggers for every writer (claimtrack, Datasette, the
sqlite3 shell). Indexing one row at a time is costly in an import, though:
FTS5 writes its pending terms out to a new segment at every savepoint, and an
import opens one savepoint per document, so the insert trigger cost 0.30 ms
per generated article against 0.04 ms for one ``INSERT … SELECT`` per commit
group (bench/bench_import.py, 20,000 articles).

So an import *defers* indexing: :func:`defer` puts a row in
``fts_deferred`` inside the import's transaction, and while it is there the
insert trigger records the new claim's rowid in ``fts_pending`` instead of
indexing it. :func:`flush` indexes every pending claim in one statement and
clears both tables; :class:`claimtrack.store.WriteBatch` calls it right
before each ``COMMIT``, in the same transaction, so search is consistent
after every commit, and a crash rolls back the claims and their pending rows
together. Other connections never see the uncommitted ``fts_deferred`` row,
so their writes are indexed at once, as before.

A pending claim is not in the index yet, so the delete and update triggers
leave the index alone for it (an FTS5 'delete' of terms that were never
indexed would corrupt it): a deleted pending claim just leaves
``fts_pending``, and an updated one is indexed with its new text at the
flush. The update trigger fires only when ``search`` changes, so linking's
updates of ``cluster_id`` and ``linked_at`` no longer re-index the claim.
"""

from __future__ import annotations

import sqlite_utils

#: Schema 5 (see :func:`claimtrack.store._migration_5`).
MIGRATION_5 = (
    "CREATE TABLE fts_deferred (id INTEGER PRIMARY KEY CHECK (id = 1))",
    "CREATE TABLE fts_pending (claim_rowid INTEGER PRIMARY KEY)",
    "DROP TRIGGER claims_ai",
    "DROP TRIGGER claims_ad",
    "DROP TRIGGER claims_au",
    """CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
  INSERT INTO claims_fts (rowid, search)
    SELECT new.rowid, new.search WHERE NOT EXISTS (SELECT 1 FROM fts_deferred);
  INSERT INTO fts_pending (claim_rowid)
    SELECT new.rowid WHERE EXISTS (SELECT 1 FROM fts_deferred);
END""",
    """CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, search)
    SELECT 'delete', old.rowid, old.search
    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE claim_rowid = old.rowid);
  DELETE FROM fts_pending WHERE claim_rowid = old.rowid;
END""",
    """CREATE TRIGGER claims_au AFTER UPDATE OF search ON claims
WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE claim_rowid = old.rowid) BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, search) VALUES ('delete', old.rowid, old.search);
  INSERT INTO claims_fts (rowid, search) VALUES (new.rowid, new.search);
END""",
)


def defer(db: sqlite_utils.Database) -> None:
    """Leave claims inserted from now on in this transaction to
    :func:`flush`. Call only inside a transaction that ends with a flush."""
    db.conn.execute("INSERT OR IGNORE INTO fts_deferred (id) VALUES (1)")


def flush(db: sqlite_utils.Database) -> None:
    """Index every pending claim and stop deferring: one statement for the
    whole group. Call inside the transaction, before it commits."""
    conn = db.conn
    conn.execute(
        "INSERT INTO claims_fts (rowid, search) SELECT claims.rowid, claims.search "
        "FROM fts_pending JOIN claims ON claims.rowid = fts_pending.claim_rowid"
    )
    conn.execute("DELETE FROM fts_pending")
    conn.execute("DELETE FROM fts_deferred")


def leftovers(db: sqlite_utils.Database) -> bool:
    """Whether a deferral was ever committed unflushed (only a writer that
    committed an import's transaction behind its back could do that); then
    other writers' claims would stay unindexed until the next flush."""
    row = db.execute(
        "SELECT EXISTS (SELECT 1 FROM fts_deferred) OR EXISTS (SELECT 1 FROM fts_pending)"
    ).fetchone()
    return bool(row[0])
