"""The claim store: one SQLite file, opened with sqlite-utils.

The schema is created and upgraded by numbered migrations (``PRAGMA
user_version`` records how far a file has come), so a store written by an
older claimtrack opens in a newer one. Each document is written atomically
together with its claims, figures and dates: an interrupted import never
leaves half a document, and writing the same document again
replaces its rows instead of adding new ones.

Commits can be grouped with :class:`WriteBatch` (each document still in its
own savepoint), which is how imports run.

Full-text search runs over each claim's normalized text plus the clitic-free
form of its Arabic words (:func:`claimtrack.normalize.search_form`), and
queries are normalized and stemmed the same way, so a search ignores Arabic
diacritics, hamza and alef forms, ya/alef maqsura, ta marbuta, digit script
and attached و/ف/ب/ل/ك/ال.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from claimtrack import fts
from claimtrack.model import Claim, Document, Review, Speaker, child_id, stable_id
from claimtrack.normalize import light_stem, search_form

DEFAULT_DB = "claims.db"
BUSY_TIMEOUT_MS = 10_000

_SCHEMA_1 = """
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,
    language TEXT,
    text TEXT NOT NULL,
    importer TEXT,
    source TEXT,
    imported_at TEXT NOT NULL
);
CREATE INDEX documents_outlet ON documents(outlet);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE speakers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    normalized TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    role TEXT,
    organization TEXT,
    kind TEXT NOT NULL DEFAULT 'person'
);
CREATE INDEX speakers_normalized ON speakers(normalized);

CREATE TABLE clusters (
    id TEXT PRIMARY KEY,
    label TEXT,
    claims INTEGER NOT NULL DEFAULT 0,
    outlets INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT,
    last_seen TEXT,
    figure_conflict INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    speaker_id TEXT REFERENCES speakers(id),
    text TEXT NOT NULL,
    normalized TEXT NOT NULL,
    search TEXT NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    said_on TEXT,
    language TEXT,
    extractor TEXT,
    confidence REAL,
    recipient TEXT,
    cue TEXT,
    cluster_id TEXT REFERENCES clusters(id) ON DELETE SET NULL
);
CREATE INDEX claims_document ON claims(document_id);
CREATE INDEX claims_speaker ON claims(speaker_id);
CREATE INDEX claims_cluster ON claims(cluster_id);
CREATE INDEX claims_said_on ON claims(said_on);

CREATE TABLE figures (
    id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    raw TEXT NOT NULL,
    value REAL,
    value_max REAL,
    unit TEXT,
    unit_raw TEXT,
    qualifier TEXT,
    counted TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX figures_claim ON figures(claim_id);
CREATE INDEX figures_unit_value ON figures(unit, value);

CREATE TABLE dates (
    id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    raw TEXT NOT NULL,
    value TEXT,
    value_end TEXT,
    relation TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX dates_claim ON dates(claim_id);
CREATE INDEX dates_value ON dates(value);

CREATE TABLE links (
    id TEXT PRIMARY KEY,
    claim_a TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    claim_b TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    cluster_id TEXT REFERENCES clusters(id) ON DELETE CASCADE,
    score REAL NOT NULL,
    linker TEXT,
    evidence TEXT,
    figure_conflict INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX links_a ON links(claim_a);
CREATE INDEX links_b ON links(claim_b);

CREATE TABLE reviews (
    id TEXT PRIMARY KEY,
    claim_id TEXT REFERENCES claims(id) ON DELETE SET NULL,
    cluster_id TEXT REFERENCES clusters(id) ON DELETE SET NULL,
    rating TEXT NOT NULL,
    rating_normalized TEXT,
    explanation TEXT,
    url TEXT,
    reviewer TEXT,
    reviewed_on TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE import_errors (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    line INTEGER,
    plugin TEXT,
    error TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""


# External-content FTS5 index over the normalized claim text, kept in step
# with the claims table by triggers (the layout sqlite-utils and Datasette use).
_FTS_1 = """
CREATE VIRTUAL TABLE claims_fts USING fts5(search, content=[claims], tokenize='unicode61');
CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
  INSERT INTO claims_fts (rowid, search) VALUES (new.rowid, new.search);
END;
CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, search) VALUES ('delete', old.rowid, old.search);
END;
CREATE TRIGGER claims_au AFTER UPDATE ON claims BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, search) VALUES ('delete', old.rowid, old.search);
  INSERT INTO claims_fts (rowid, search) VALUES (new.rowid, new.search);
END;
"""


def _statements(script: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies whole. (Not
    ``executescript``, which would commit the migration's transaction.)"""
    statements, current = [], ""
    for line in script.strip().splitlines(keepends=True):
        current += line
        if current.rstrip().endswith(";") and (
            "CREATE TRIGGER" not in current or current.rstrip().endswith("END;")
        ):
            statements.append(current.strip())
            current = ""
    return statements


def _migration_1(db: sqlite_utils.Database) -> None:
    for statement in _statements(_SCHEMA_1 + _FTS_1):
        db.execute(statement)


def _migration_2(db: sqlite_utils.Database) -> None:
    """claims.linked_at: when linking last compared the claim (NULL: never),
    so ``claimtrack link`` compares only what is new."""
    db.execute("ALTER TABLE claims ADD COLUMN linked_at TEXT")
    db.execute("CREATE INDEX claims_linked_at ON claims(linked_at)")


def _migration_3(db: sqlite_utils.Database) -> None:
    """Indexes for Datasette's default facets on claims (kind, language): a
    million-claim table page went from 2.1 s to 0.8 s."""
    db.execute("CREATE INDEX claims_kind ON claims(kind)")
    db.execute("CREATE INDEX claims_language ON claims(language)")


def _migration_4(db: sqlite_utils.Database) -> None:
    """Fact-check reviews in the ClaimReview vocabulary, and where a claim
    appeared.

    A review is anchored on a claim (``claim_id``) even when it judges the
    whole cluster (``scope`` 'cluster'): clusters are recomputed by
    ``link --rebuild``, claims are not, so the verdict follows its claim into
    whatever cluster it lands in. ``claims.checked_by`` marks a claim that
    linking found to repeat an already reviewed one.
    """
    for column, kind in (
        ("scope", "TEXT NOT NULL DEFAULT 'claim'"),
        ("claim_reviewed", "TEXT"),
        ("rating_value", "REAL"),
        ("best_rating", "REAL"),
        ("worst_rating", "REAL"),
        ("reviewer_url", "TEXT"),
        ("headline", "TEXT"),
        ("language", "TEXT"),
    ):
        db.execute(f"ALTER TABLE reviews ADD COLUMN {column} {kind}")
    db.execute("CREATE INDEX reviews_claim ON reviews(claim_id)")
    db.execute("CREATE INDEX reviews_cluster ON reviews(cluster_id)")
    db.execute(
        "CREATE TABLE appearances (id TEXT PRIMARY KEY, "
        "claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE, "
        "url TEXT NOT NULL, published TEXT, outlet TEXT, first INTEGER NOT NULL DEFAULT 0)"
    )
    db.execute("CREATE INDEX appearances_claim ON appearances(claim_id)")
    db.execute("ALTER TABLE claims ADD COLUMN checked_by TEXT REFERENCES reviews(id) ON DELETE SET NULL")
    db.execute("CREATE INDEX claims_checked_by ON claims(checked_by)")


def _migration_5(db: sqlite_utils.Database) -> None:
    """Imports index new claims once per commit group instead of row by row
    (``fts_deferred``, ``fts_pending``; see :mod:`claimtrack.fts`): 0.30 →
    0.04 ms per article. The update trigger fires only when ``search``
    changes."""
    for statement in fts.MIGRATION_5:
        db.execute(statement)


def _migration_6(db: sqlite_utils.Database) -> None:
    """An index on import_errors.source: every stored document clears its
    source's earlier errors, which scanned the whole table."""
    db.execute("CREATE INDEX import_errors_source ON import_errors(source)")


def _migration_7(db: sqlite_utils.Database) -> None:
    """Fewer index writes per imported claim (0.05 of ~2.4 ms per generated
    article, bench/bench_import.py): ``claims_linked_at`` is dropped (linking
    reads every claim and never looks a claim up by it), and the indexes on
    ``cluster_id`` and ``checked_by``, NULL until linking fills them, hold
    only the claims that have one. Lookups by value (``cluster_id = ?``,
    ``checked_by IS NOT NULL``) still use them."""
    db.execute("DROP INDEX claims_linked_at")
    db.execute("DROP INDEX claims_cluster")
    db.execute("DROP INDEX claims_checked_by")
    db.execute("CREATE INDEX claims_cluster ON claims(cluster_id) WHERE cluster_id IS NOT NULL")
    db.execute("CREATE INDEX claims_checked_by ON claims(checked_by) WHERE checked_by IS NOT NULL")


def _migration_8(db: sqlite_utils.Database) -> None:
    """Claim, figure and date ids start with their parent's
    (:func:`claimtrack.model.child_id`), so that a document's rows sit
    together in the indexes. Every id derived from a claim's is rewritten
    with it, by the same functions the code uses, to what a fresh import
    and ``link`` would give:

    * claims, figures, dates, appearances, links (their two claims in id
      order) and reviews (and ``claims.checked_by``);
    * clusters, named after their lowest claim id, and labelled with their
      earliest claim's text (ties broken by id);
    * a cluster review that was on its cluster's earliest claim moves to
      the claim ``claimtrack review`` now picks for that cluster, so that
      reviewing the cluster again replaces it.

    Ids that were not derived that way are kept. Foreign keys are checked
    at the commit, once every reference is rewritten. Also adds the index
    on ``links.cluster_id``: without it, each cluster renamed here (and
    each cluster ``link`` deletes) scanned every link."""
    conn = db.conn
    conn.create_function("ct_stable_id", -1, stable_id, deterministic=True)
    conn.create_function("ct_child_id", -1, child_id, deterministic=True)
    db.execute("PRAGMA defer_foreign_keys = ON")
    db.execute("CREATE INDEX links_cluster ON links(cluster_id) WHERE cluster_id IS NOT NULL")
    for table in ("m8_claims", "m8_clusters", "m8_reviews"):
        db.execute(f"CREATE TEMP TABLE {table} (old TEXT PRIMARY KEY, new TEXT, claim TEXT)")
    db.execute(
        "INSERT INTO m8_claims (old, new) "
        "SELECT id, ct_child_id(document_id, 'claim', document_id, start, \"end\") "
        "FROM claims WHERE id = ct_stable_id('claim', document_id, start, \"end\")"
    )

    def mapped(table: str, column: str) -> str:
        return f"coalesce((SELECT new FROM {table} WHERE old = {column}), {column})"

    def review_id(claim: str) -> str:  # Review.id_for, for the review r
        return f"ct_stable_id('review', {claim}, r.scope, coalesce(r.reviewer, ''), coalesce(r.url, ''))"

    # Each clustered claim with its new id and its rank in its cluster, by
    # id (the cluster's name) and by date (its review anchor), old and new.
    db.execute(
        "CREATE TEMP TABLE m8_members AS SELECT claims.id AS old, "
        f"{mapped('m8_claims', 'claims.id')} AS new, claims.cluster_id AS cluster, "
        "row_number() OVER (PARTITION BY claims.cluster_id ORDER BY claims.id) AS by_old_id, "
        f"row_number() OVER (PARTITION BY claims.cluster_id ORDER BY {mapped('m8_claims', 'claims.id')}) "
        "AS by_new_id, "
        "row_number() OVER (PARTITION BY claims.cluster_id ORDER BY documents.published IS NULL, "
        "documents.published, claims.id) AS anchor_old, "
        "row_number() OVER (PARTITION BY claims.cluster_id ORDER BY documents.published IS NULL, "
        f"documents.published, {mapped('m8_claims', 'claims.id')}) AS anchor_new "
        "FROM claims JOIN documents ON documents.id = claims.document_id WHERE claims.cluster_id IS NOT NULL"
    )
    db.execute("CREATE INDEX temp.m8_members_old ON m8_members(old)")
    db.execute("CREATE INDEX temp.m8_members_rank ON m8_members(cluster, by_new_id, anchor_new)")
    db.execute(
        "INSERT INTO m8_clusters (old, new) SELECT o.cluster, ct_stable_id('cluster', n.new) "
        "FROM m8_members o JOIN m8_members n ON n.cluster = o.cluster AND n.by_new_id = 1 "
        "WHERE o.by_old_id = 1 AND o.cluster = ct_stable_id('cluster', o.old)"
    )
    # Reviews with derived ids: on the mapped claim, or (a cluster review
    # on the old anchor) on the new anchor.
    db.execute(
        "INSERT INTO m8_reviews (old, claim) SELECT r.id, coalesce(("
        "SELECT n.new FROM m8_members o JOIN m8_members n ON n.cluster = o.cluster AND n.anchor_new = 1 "
        "WHERE r.scope = 'cluster' AND o.old = r.claim_id AND o.anchor_old = 1), "
        f"{mapped('m8_claims', 'r.claim_id')}) FROM reviews r WHERE r.id = {review_id('r.claim_id')}"
    )
    new_review_id = f"(SELECT {review_id('m8_reviews.claim')} FROM reviews r WHERE r.id = m8_reviews.old)"
    db.execute(f"UPDATE m8_reviews SET new = {new_review_id}")
    # Two verdicts that would land on one id (the same reviewer's on two
    # claims of a cluster) both stay, on their own claims.
    db.execute(
        f"UPDATE m8_reviews SET claim = (SELECT {mapped('m8_claims', 'r.claim_id')} FROM reviews r "
        "WHERE r.id = m8_reviews.old) "
        "WHERE new IN (SELECT new FROM m8_reviews GROUP BY new HAVING count(*) > 1)"
    )
    db.execute(f"UPDATE m8_reviews SET new = {new_review_id}")

    db.execute(
        f"UPDATE claims SET id = {mapped('m8_claims', 'id')}, "
        f"cluster_id = {mapped('m8_clusters', 'cluster_id')}, "
        f"checked_by = {mapped('m8_reviews', 'checked_by')}"
    )
    claim = mapped("m8_claims", "claim_id")
    for kind, table in (("figure", "figures"), ("date", "dates")):
        db.execute(
            f"UPDATE {table} SET claim_id = {claim}, id = CASE "
            f"WHEN id = ct_stable_id('{kind}', claim_id, start, \"end\") "
            f"THEN ct_child_id({claim}, '{kind}', {claim}, start, \"end\") ELSE id END"
        )
    db.execute(
        f"UPDATE appearances SET claim_id = {claim}, id = CASE "
        f"WHEN id = ct_stable_id('appearance', claim_id, url) THEN ct_stable_id('appearance', {claim}, url) "
        "ELSE id END"
    )
    db.execute(
        "UPDATE reviews SET claim_id = coalesce((SELECT claim FROM m8_reviews WHERE old = reviews.id), "
        f"{claim}), id = {mapped('m8_reviews', 'id')}, cluster_id = {mapped('m8_clusters', 'cluster_id')}"
    )
    # Links: their claims in id order, as the linker writes them.
    db.execute("CREATE TEMP TABLE m8_links (id TEXT PRIMARY KEY)")
    db.execute("INSERT INTO m8_links SELECT id FROM links WHERE id = ct_stable_id('link', claim_a, claim_b)")
    db.execute(
        f"UPDATE links SET claim_a = {mapped('m8_claims', 'claim_a')}, "
        f"claim_b = {mapped('m8_claims', 'claim_b')}, cluster_id = {mapped('m8_clusters', 'cluster_id')}"
    )
    db.execute("UPDATE links SET claim_a = claim_b, claim_b = claim_a WHERE claim_a > claim_b")
    db.execute(
        "UPDATE links SET id = ct_stable_id('link', claim_a, claim_b) WHERE id IN (SELECT id FROM m8_links)"
    )
    db.execute(f"UPDATE clusters SET id = {mapped('m8_clusters', 'id')}")
    # The label is the earliest claim's text, ties broken by id (as
    # claimtrack.linking writes it).
    db.execute(
        "UPDATE clusters SET label = coalesce((SELECT substr(claims.text, 1, 300) FROM claims "
        "JOIN documents ON documents.id = claims.document_id WHERE claims.cluster_id = clusters.id "
        "ORDER BY coalesce(nullif(coalesce(claims.said_on, documents.published), ''), '9999'), claims.id "
        "LIMIT 1), label)"
    )
    for table in ("m8_claims", "m8_clusters", "m8_reviews", "m8_members", "m8_links"):
        db.execute(f"DROP TABLE temp.{table}")


def _migration_9(db: sqlite_utils.Database) -> None:
    """``link_decisions``: a person's word on whether two claims state the
    same thing (:mod:`claimtrack.decisions`). The linker is wrong now and
    then; a decision outlives every later ``claimtrack link``, ``--rebuild``
    included, and goes with its claims when they are deleted."""
    db.execute(
        "CREATE TABLE link_decisions ("
        "id TEXT PRIMARY KEY, "
        "claim_a TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE, "
        "claim_b TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE, "
        "decision TEXT NOT NULL CHECK (decision IN ('same', 'apart')), "
        "decided_by TEXT, "
        "note TEXT, "
        "decided_at TEXT NOT NULL, "
        "CHECK (claim_a < claim_b))"
    )
    db.execute("CREATE INDEX link_decisions_a ON link_decisions(claim_a)")
    db.execute("CREATE INDEX link_decisions_b ON link_decisions(claim_b)")


def _migration_10(db: sqlite_utils.Database) -> None:
    """``claim_vectors``: each claim's vector from an embedder, for
    ``claimtrack link --semantic`` (:mod:`claimtrack.semantic`), with a
    digest of the embedder and the text it was made from. Embedding costs
    a thousand times what comparing words does, so a claim is embedded
    once; the vector goes with its claim."""
    db.execute(
        "CREATE TABLE claim_vectors ("
        "claim_id TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE, "
        "embedder TEXT NOT NULL, "
        "digest TEXT NOT NULL, "
        "vector BLOB NOT NULL)"
    )


#: Migration n brings a store from schema version n-1 to n. Append, never edit.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _migration_1,
    _migration_2,
    _migration_3,
    _migration_4,
    _migration_5,
    _migration_6,
    _migration_7,
    _migration_8,
    _migration_9,
    _migration_10,
]
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """The file is not a claimtrack store this version can use."""


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database) -> int:
    """Apply the migrations ``db`` has not had yet, each in its own
    transaction. Returns the resulting schema version."""
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{db_path(db)}: schema version {version} is newer than this claimtrack "
            f"understands ({SCHEMA_VERSION}); upgrade claimtrack"
        )
    if version == 0 and db.table_names() and "claims" not in db.table_names():
        raise StoreError(f"{db_path(db)}: not a claimtrack store (it has other tables)")
    for number in range(version + 1, SCHEMA_VERSION + 1):
        with db.conn:
            begin_immediate(db.conn)
            MIGRATIONS[number - 1](db)
            db.execute(f"PRAGMA user_version = {number}")
    return SCHEMA_VERSION


def db_path(db: sqlite_utils.Database) -> str:
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] or ":memory:"


def open_store(path: str | Path = DEFAULT_DB) -> sqlite_utils.Database:
    """Open (creating if needed) the store at ``path``, migrated to the
    current schema, in WAL mode with foreign keys on."""
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        db = sqlite_utils.Database(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        if str(path) != ":memory:":
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            # Checkpoint (and fsync) every ~40 MB of WAL rather than 4 MB:
            # imports commit once per document, and this cuts their cost ~15%.
            db.execute("PRAGMA wal_autocheckpoint = 10000")
        migrate(db)
        if fts.leftovers(db):
            with atomic(db):
                fts.flush(db)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open as a claimtrack store: {exc}") from exc
    return db


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


_CLAIM_COLUMNS = (
    "id",
    "document_id",
    "speaker_id",
    "text",
    "normalized",
    "search",
    "kind",
    "start",
    "end",
    "said_on",
    "language",
    "extractor",
    "confidence",
    "recipient",
    "cue",
)
_INSERT_CLAIM = (
    f"INSERT INTO claims ({', '.join(map(repr, _CLAIM_COLUMNS))}) "
    f"VALUES ({', '.join('?' * len(_CLAIM_COLUMNS))}) "
    "ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f'"{c}" = excluded."{c}"' for c in _CLAIM_COLUMNS if c != "id")
    # A claim whose text changed must be compared again by linking.
    + ", linked_at = CASE WHEN claims.normalized = excluded.normalized THEN claims.linked_at END"
).replace("'", '"')


#: How often a writer waiting for the write lock tries again (seconds).
LOCK_POLL_SECONDS = 0.001


def begin_immediate(conn: sqlite3.Connection) -> None:
    """``BEGIN IMMEDIATE``: take the write lock, waiting for it as long as
    the connection's busy timeout says (:data:`BUSY_TIMEOUT_MS` for a
    store :func:`open_store` opened) by trying again every millisecond.

    Why not SQLite's busy timeout alone: its handler sleeps up to 100 ms
    between tries, while an import frees the lock only for the millisecond
    or two between a commit and its next document, once per commit group.
    A ``review`` or ``link`` run beside a long import could miss every gap
    and fail with "database is locked"; trying every millisecond takes the
    first gap. Every writer of claimtrack's begins this way."""
    busy = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    deadline = time.monotonic() + busy / 1000
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() >= deadline:
                    raise
            time.sleep(LOCK_POLL_SECONDS)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(busy)}")


@contextlib.contextmanager
def atomic(db: sqlite_utils.Database) -> Iterator[None]:
    """All or nothing: its own transaction (``BEGIN IMMEDIATE`` … ``COMMIT``),
    or a savepoint inside the caller's transaction, so a document is never
    half-written whichever way it is stored."""
    conn = db.conn
    if conn.in_transaction:
        conn.execute("SAVEPOINT claimtrack_atomic")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK TO claimtrack_atomic")
            conn.execute("RELEASE claimtrack_atomic")
            raise
        conn.execute("RELEASE claimtrack_atomic")
        return
    begin_immediate(conn)
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


#: A :class:`WriteBatch` commits every this many documents, or every
#: :data:`COMMIT_SECONDS`, whichever comes first (``import --commit-every``).
COMMIT_EVERY = 1024
COMMIT_SECONDS = 2.0


class WriteBatch:
    """Groups the commits of many documents: each is still written
    atomically (a savepoint), but the commit, and the WAL and full-text
    index work that comes with it, happens once per ``size`` documents or
    ``seconds``. An interruption loses at most the uncommitted group, never
    part of a document; importing again completes it.

    ``on_commit`` receives the items added since the last commit, after it.

    Why these sizes: every document inserts into indexes whose keys are
    spread over the whole store (document ids, speakers, dates, figures'
    units), so as a store grows each insert lands on a different page.
    (Claim, figure and date ids start with their document's since schema 8,
    so a document's own rows share pages: see
    :func:`claimtrack.model.child_id`.) When all ids were random, with
    SQLite's default 2 MB page cache and a commit every 64 documents, the
    store's CPU time per article grew about 30% from the first to the last
    5,000 of 20,000 generated articles (1.19 -> 1.60 ms); with
    :data:`BATCH_CACHE_KIB` of cache while the batch is open and groups of
    256 documents (or a second) it stayed flat (1.29 -> 1.23 ms), and the
    commits rewrite fewer pages. With the clustered ids, groups of 1,024
    documents (or 2 s) cut the commit stage at 20,000 articles from 0.137
    to 0.092 ms per article (three paired runs, store stage unchanged); the
    price is up to 2 s of write lock at a time (other writers wait, within
    :data:`BUSY_TIMEOUT_MS`), new claims showing in Datasette up to 2 s
    later, and about 11 MB more peak memory.

    Each document's savepoint keeps the pages it changes in a statement
    journal, which SQLite spills to a temporary file past 64 KiB: about 230
    small writes per generated article. While the batch is open, temporary
    storage is in memory (``temp_store = MEMORY``): the store stage took
    0.04-0.05 ms less per article at 1,000, 5,000 and 20,000 articles
    (bench_import, fastest of three). Changing ``temp_store`` drops the
    connection's TEMP tables, so it is changed only while there are none
    (see :func:`_set_temp_store`).
    """

    def __init__(
        self,
        db: sqlite_utils.Database,
        on_commit: Callable[[list[Any]], None] = lambda items: None,
        size: int = COMMIT_EVERY,
        seconds: float = COMMIT_SECONDS,
    ) -> None:
        self.db, self.on_commit, self.size, self.seconds = db, on_commit, size, seconds
        self.pending: list[Any] = []
        #: Speakers written in the open transaction (see :data:`SpeakerRows`);
        #: pass it to :func:`save_document`.
        self.speakers: SpeakerRows = {}
        self.started = 0.0
        self._cache_size: int | None = None
        self._temp_store: int | None = None

    def __enter__(self) -> WriteBatch:
        self._cache_size = self.db.execute("PRAGMA cache_size").fetchone()[0]
        before = self.db.execute("PRAGMA temp_store").fetchone()[0]
        if _set_temp_store(self.db, TEMP_STORE_MEMORY):
            self._temp_store = before
        self.db.execute(f"PRAGMA cache_size = -{BATCH_CACHE_KIB}")
        return self

    def begin(self) -> None:
        """Make sure a transaction is open for the next document."""
        if not self.db.conn.in_transaction:
            self.speakers.clear()  # others may have written between our transactions
            begin_immediate(self.db.conn)
            fts.defer(self.db)  # new claims are indexed at the commit
            self.started = time.monotonic()

    def added(self, item: Any) -> None:
        """Record a document written; commit when the group is full."""
        self.pending.append(item)
        if len(self.pending) >= self.size or time.monotonic() - self.started >= self.seconds:
            self.commit()

    def commit(self) -> None:
        if self.db.conn.in_transaction:
            fts.flush(self.db)
            self.db.conn.execute("COMMIT")
        items, self.pending = self.pending, []
        if items:
            self.on_commit(items)

    def __exit__(self, *exc: object) -> None:
        # Whatever was written is whole (savepoints): keep it, even on Ctrl-C.
        try:
            self.commit()
        finally:
            if self._cache_size is not None:
                self.db.execute(f"PRAGMA cache_size = {int(self._cache_size)}")
            if self._temp_store is not None:
                _set_temp_store(self.db, self._temp_store)  # left as it is if a TEMP table appeared


#: Page cache (KiB) of a connection while a :class:`WriteBatch` is open.
BATCH_CACHE_KIB = 64 * 1024
#: ``PRAGMA temp_store`` value for memory.
TEMP_STORE_MEMORY = 2


def _set_temp_store(db: sqlite_utils.Database, value: int) -> bool:
    """Set ``PRAGMA temp_store`` when that loses nothing: SQLite drops every
    TEMP table, view and trigger of the connection when it changes, and
    refuses inside a transaction. Returns whether it was set."""
    if db.conn.in_transaction or db.execute("SELECT 1 FROM sqlite_temp_master LIMIT 1").fetchone():
        return False
    db.execute(f"PRAGMA temp_store = {int(value)}")
    return True


#: What a write batch knows of the speakers rows written in its open
#: transaction: id → (aliases, role, organization) as stored. Nobody else
#: can write while the transaction is open, so a speaker named again needs
#: no SELECT; the batch clears it when a new transaction starts, and
#: :func:`save_document` when a document's writes are rolled back.
SpeakerRows = dict[str, tuple[list[str], str | None, str | None]]


def _merge_speaker(
    db: sqlite_utils.Database,
    speaker: Speaker,
    normalized: Callable[[], str],
    written: SpeakerRows | None = None,
) -> str:
    """Insert the speaker or add what is new about it (aliases, role,
    organization) to the stored row. Returns its id. ``normalized`` gives
    the name's search form, needed only for a new row."""
    speaker_id = speaker.id
    if written is not None and speaker_id in written:
        row: tuple | None = written[speaker_id]
    else:
        found = db.execute(
            "SELECT aliases, role, organization FROM speakers WHERE id = ?", [speaker_id]
        ).fetchone()
        row = None if found is None else (json.loads(found[0] or "[]"), found[1], found[2])
    aliases = [a for a in dict.fromkeys(speaker.aliases) if a != speaker.name]
    if row is None:
        db.execute(
            "INSERT INTO speakers (id, name, normalized, aliases, role, organization, kind) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                speaker_id,
                speaker.name,
                normalized(),
                json.dumps(aliases, ensure_ascii=False),
                speaker.role,
                speaker.organization,
                speaker.kind,
            ],
        )
        row = (aliases, speaker.role, speaker.organization)
    else:
        known, role, organization = row
        merged = known + [a for a in aliases if a not in known]
        if merged != known or (speaker.role and not role) or (speaker.organization and not organization):
            db.execute(
                "UPDATE speakers SET aliases = ?, role = coalesce(role, ?), "
                "organization = coalesce(organization, ?) WHERE id = ?",
                [json.dumps(merged, ensure_ascii=False), speaker.role, speaker.organization, speaker_id],
            )
            row = (merged, role or speaker.role, organization or speaker.organization)
    if written is not None:
        written[speaker_id] = row
    return speaker_id


def save_document(
    db: sqlite_utils.Database,
    document: Document,
    claims: Iterable[Claim],
    normalize: Callable[[str, str | None], str],
    speakers: SpeakerRows | None = None,
) -> None:
    """Write ``document`` and its claims (with speakers, figures and dates) in
    one atomic step (its own transaction, or a savepoint in the caller's),
    replacing what an earlier import of the same document
    stored. ``normalize`` gives the stored search form of each text;
    ``speakers`` is a :class:`WriteBatch`'s record of the speakers written
    in its transaction."""
    try:
        _save_document(db, document, list(claims), normalize, speakers)
    except BaseException:
        if speakers is not None:
            speakers.clear()  # what this document wrote was rolled back
        raise


def _save_document(
    db: sqlite_utils.Database,
    document: Document,
    claims: list[Claim],
    normalize: Callable[[str, str | None], str],
    speakers: SpeakerRows | None,
) -> None:
    doc_id = document.id
    with atomic(db):
        # A document stored for the first time has no rows to replace: its
        # deletes are skipped (0.08 of ~1 ms stored per generated article).
        again = db.conn.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None
        db.execute(
            "INSERT INTO documents (id, url, outlet, title, published, language, text, importer, "
            "source, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET url = excluded.url, outlet = excluded.outlet, "
            "title = excluded.title, published = excluded.published, language = excluded.language, "
            "text = excluded.text, importer = excluded.importer, source = excluded.source, "
            "imported_at = excluded.imported_at",
            [
                doc_id,
                document.url,
                document.outlet,
                document.title,
                document.published,
                document.language,
                document.text,
                document.importer,
                document.source,
                _now(),
            ],
        )
        claim_ids = [claim.id for claim in claims]
        if again:
            # The ids as one JSON parameter: SQLite allows at most 32,766
            # parameters, and a hostile document may hold more claims.
            ids = json.dumps(claim_ids)
            db.execute(
                "DELETE FROM claims WHERE document_id = ? AND id NOT IN (SELECT value FROM json_each(?))",
                [doc_id, ids],
            )
            if claim_ids:
                db.execute("DELETE FROM figures WHERE claim_id IN (SELECT value FROM json_each(?))", [ids])
                db.execute("DELETE FROM dates WHERE claim_id IN (SELECT value FROM json_each(?))", [ids])
        speaker_ids: dict[int, str] = {}  # by object: Speaker.id normalizes the name
        claim_rows = []
        # By id: two equal spans of one claim are one row (the last wins).
        figure_rows: dict[str, tuple] = {}
        date_rows: dict[str, tuple] = {}
        for claim, claim_id in zip(claims, claim_ids, strict=True):
            speaker_id = None
            if claim.speaker is not None:
                key = id(claim.speaker)
                if key not in speaker_ids:
                    name_form = functools.partial(normalize, claim.speaker.name, claim.language)
                    speaker_ids[key] = _merge_speaker(db, claim.speaker, name_form, speakers)
                speaker_id = speaker_ids[key]
            normalized = normalize(claim.text, claim.language)
            claim_rows.append(
                (
                    claim_id,
                    doc_id,
                    speaker_id,
                    claim.text,
                    normalized,
                    search_form(normalized),
                    claim.kind,
                    claim.start,
                    claim.end,
                    claim.said_on,
                    claim.language,
                    claim.extractor,
                    claim.confidence,
                    claim.recipient,
                    claim.cue,
                )
            )
            for f in claim.figures or ():
                figure_id = child_id(claim_id, "figure", claim_id, f.start, f.end)
                figure_rows[figure_id] = (
                    figure_id,
                    claim_id,
                    f.raw,
                    f.value,
                    f.value_max,
                    f.unit,
                    f.unit_raw,
                    f.qualifier,
                    f.counted,
                    f.start,
                    f.end,
                )
            for d in claim.dates or ():
                date_id = child_id(claim_id, "date", claim_id, d.start, d.end)
                date_rows[date_id] = (
                    date_id,
                    claim_id,
                    d.raw,
                    d.value,
                    d.value_end,
                    d.relation,
                    d.start,
                    d.end,
                )
        db.conn.executemany(_INSERT_CLAIM, claim_rows)
        for claim, claim_id in zip(claims, claim_ids, strict=True):
            if claim.appearances is not None or claim.reviews:
                _save_provenance(db, claim_id, claim)
        # Plain inserts: the rows these claims had are deleted above (a new
        # document has none), and OR REPLACE cost 1.7x as much per row with
        # foreign keys on.
        db.conn.executemany(
            "INSERT INTO figures (id, claim_id, raw, value, value_max, unit, unit_raw, "
            'qualifier, counted, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            figure_rows.values(),
        )
        db.conn.executemany(
            "INSERT INTO dates (id, claim_id, raw, value, value_end, relation, start, "
            '"end") VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            date_rows.values(),
        )
        if document.source:
            # The document now imports cleanly: forget earlier failures there.
            db.execute(
                "DELETE FROM import_errors WHERE source = ? AND plugin IS NULL",
                [document.source],
            )


def _save_provenance(db: sqlite_utils.Database, claim_id: str, claim: Claim) -> None:
    """A claim's appearances (replacing earlier ones) and the reviews that
    came with it."""
    db.execute("DELETE FROM appearances WHERE claim_id = ?", [claim_id])
    db.conn.executemany(
        "INSERT OR REPLACE INTO appearances (id, claim_id, url, published, outlet, first) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (stable_id("appearance", claim_id, a.url), claim_id, a.url, a.published, a.outlet, int(a.first))
            for a in claim.appearances or ()
        ],
    )
    for review in claim.reviews or ():
        save_review(db, claim_id, review)


_REVIEW_COLUMNS = (
    "claim_id",
    "cluster_id",
    "scope",
    "rating",
    "rating_normalized",
    "rating_value",
    "best_rating",
    "worst_rating",
    "explanation",
    "url",
    "reviewer",
    "reviewer_url",
    "reviewed_on",
    "headline",
    "language",
    "claim_reviewed",
)


def save_review(db: sqlite_utils.Database, claim_id: str, review: Review) -> str:
    """Store ``review`` on the claim ``claim_id`` (for a cluster review: on
    the claim it was given through, remembering its cluster), replacing the
    same reviewer's earlier verdict there. Returns the review's id."""
    review_id = review.id_for(claim_id)
    cluster_id = None
    if review.scope == "cluster":
        row = db.execute("SELECT cluster_id FROM claims WHERE id = ?", [claim_id]).fetchone()
        cluster_id = row[0] if row else None
    values = {name: getattr(review, name, None) for name in _REVIEW_COLUMNS}
    values.update(claim_id=claim_id, cluster_id=cluster_id)
    columns = ", ".join(_REVIEW_COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in _REVIEW_COLUMNS)
    with atomic(db):
        db.execute(
            f"INSERT INTO reviews (id, {columns}, created_at) "
            f"VALUES (?, {', '.join('?' * len(_REVIEW_COLUMNS))}, ?) "
            f"ON CONFLICT(id) DO UPDATE SET {updates}",
            [review_id, *values.values(), _now()],
        )
    return review_id


@dataclass
class ImportErrorRecord:
    source: str
    line: int | None
    error: str
    plugin: str | None = None


def record_error(db: sqlite_utils.Database, problem: ImportErrorRecord) -> None:
    """Remember what could not be imported, once per source, line and message."""
    with atomic(db):
        db.execute(
            "INSERT OR REPLACE INTO import_errors (id, source, line, plugin, error, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                stable_id("error", problem.source, problem.line, problem.plugin, problem.error),
                problem.source,
                problem.line,
                problem.plugin,
                problem.error,
                _now(),
            ],
        )


def search_claims(
    db: sqlite_utils.Database,
    query: str | None = None,
    speaker: str | None = None,
    normalize: Callable[[str, str | None], str] | None = None,
    limit: int | None = 100,
    cluster: str | None = None,
) -> list[dict[str, Any]]:
    """Claims matching a full-text ``query`` and/or a ``speaker`` (matched
    against the speaker's normalized name and aliases) and/or in a
    ``cluster`` (an id), newest first, each with its speaker, document and
    figures."""
    from claimtrack.normalize import normalize as default_normalize

    def norm(text: str) -> str:
        return normalize(text, None) if normalize else default_normalize(text)

    where, params = [], []
    if query:
        terms = [light_stem(term) for term in norm(query).split()]
        if terms:
            where.append("claims.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
            params.append(" ".join('"' + t.replace('"', "") + '"' for t in terms))
    if speaker:
        where.append(
            "claims.speaker_id IN (SELECT id FROM speakers WHERE normalized LIKE ? "
            "OR aliases LIKE ? OR normalized = ?)"
        )
        nspeaker = norm(speaker)
        params.extend([f"%{nspeaker}%", f"%{speaker}%", nspeaker])
    if cluster:
        where.append("claims.cluster_id = ?")
        params.append(cluster)
    sql = (
        "SELECT claims.*, speakers.name AS speaker, speakers.role AS speaker_role, "
        "documents.outlet, documents.url, documents.title, documents.published "
        "FROM claims JOIN documents ON documents.id = claims.document_id "
        "LEFT JOIN speakers ON speakers.id = claims.speaker_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY documents.published DESC, claims.document_id, claims.start"
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = [dict(row) for row in db.query(sql, params)]
    for row in rows:
        row["figures"] = list(
            db.query(
                'SELECT raw, value, value_max, unit, unit_raw, qualifier, counted, start, "end" '
                "FROM figures WHERE claim_id = ? ORDER BY start",
                [row["id"]],
            )
        )
        row["dates"] = list(
            db.query(
                'SELECT raw, value, value_end, relation, start, "end" FROM dates '
                "WHERE claim_id = ? ORDER BY start",
                [row["id"]],
            )
        )
    return rows
