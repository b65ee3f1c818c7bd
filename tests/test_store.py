"""The store: schema and migrations, one transaction per document, speakers
merged across documents, Arabic-aware full-text search."""

from __future__ import annotations

import sqlite3

import pytest

from claimtrack import Claim, Document, Figure, Speaker, normalize, open_store
from claimtrack import store as store_module
from claimtrack.store import SCHEMA_VERSION, StoreError, save_document, schema_version, search_claims

TABLES = {
    "documents",
    "speakers",
    "claims",
    "figures",
    "dates",
    "clusters",
    "links",
    "reviews",
    "import_errors",
}


def norm(text, language=None):
    return normalize(text)


def make_document(text="قال المتحدث إن أول دفعة وصلت. وأضاف أن 2500 جندي سيصلون.", **kw):
    return Document(
        text=text, url=kw.pop("url", "https://x.test/a"), outlet="X", published="2022-01-06", **kw
    )


def claims_for(document):
    text = document.text
    first = text.index("أول")
    second = text.index("2500")
    speaker = Speaker("ستانيسلاف زاس", role="الأمين العام", aliases=["زاس"])
    return [
        Claim(text[first : first + 14], first, first + 14, "indirect", speaker, document_id=document.id),
        Claim(
            text[second : second + 9],
            second,
            second + 9,
            "indirect",
            speaker,
            figures=[Figure("2500 جندي", second, second + 9, 2500, unit="person", unit_raw="جندي")],
            dates=[],
            document_id=document.id,
        ),
    ]


def test_new_store_has_schema(db_path):
    db = open_store(db_path)
    assert set(db.table_names()) >= TABLES
    assert schema_version(db) == SCHEMA_VERSION
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    fks = {(fk.column, fk.other_table) for fk in db["claims"].foreign_keys}
    assert {("document_id", "documents"), ("speaker_id", "speakers"), ("cluster_id", "clusters")} <= fks
    assert db["claims"].detect_fts() == "claims_fts"


def test_migrations_run_once_and_in_order(db_path, monkeypatch):
    open_store(db_path).close()
    calls = []
    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, lambda db: calls.append(2)])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    db = store_module.open_store(db_path)
    assert calls == [2] and schema_version(db) == SCHEMA_VERSION + 1
    store_module.open_store(db_path)
    assert calls == [2]


def test_failed_migration_leaves_store_as_it_was(db_path, monkeypatch):
    open_store(db_path).close()

    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("disk on fire")

    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, broken])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(StoreError, match="disk on fire"):
        store_module.open_store(db_path)
    db = sqlite3.connect(db_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "half_done" not in {r[0] for r in db.execute("SELECT name FROM sqlite_master")}


def test_newer_store_is_refused(db_path):
    db = open_store(db_path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    with pytest.raises(StoreError, match="newer than this claimtrack"):
        open_store(db_path)


def test_other_database_is_refused(db_path):
    sqlite3.connect(db_path).execute("CREATE TABLE mine (x)")
    with pytest.raises(StoreError, match="not a claimtrack store"):
        open_store(db_path)


def test_save_is_idempotent_and_replaces(db_path):
    db = open_store(db_path)
    document = make_document()
    save_document(db, document, claims_for(document), norm)
    save_document(db, document, claims_for(document), norm)
    assert (db["documents"].count, db["claims"].count, db["figures"].count, db["speakers"].count) == (
        1,
        2,
        1,
        1,
    )
    # a second extraction that finds only one claim replaces the old set
    save_document(db, document, claims_for(document)[:1], norm)
    assert (db["claims"].count, db["figures"].count) == (1, 0)
    assert db.execute("SELECT count(*) FROM claims_fts").fetchone()[0] == 1


def test_failure_mid_document_writes_nothing(db_path):
    db = open_store(db_path)
    document = make_document()
    bad = claims_for(document)
    bad[1].figures[0].start = None  # NOT NULL violation on the second claim's figure
    with pytest.raises(sqlite3.IntegrityError):
        save_document(db, document, bad, norm)
    assert (db["documents"].count, db["claims"].count, db["speakers"].count) == (0, 0, 0)


def test_speakers_merge_across_documents(db_path):
    db = open_store(db_path)
    one = make_document()
    two = make_document(url="https://y.test/b")
    save_document(db, one, claims_for(one), norm)
    claims = claims_for(two)
    for claim in claims:
        claim.speaker = Speaker(
            "ستانيسلاف زاس", organization="منظمة معاهدة الأمن الجماعي", aliases=["الأمين العام للمنظمة"]
        )
    save_document(db, two, claims, norm)
    [speaker] = db["speakers"].rows
    assert speaker["role"] == "الأمين العام"
    assert speaker["organization"] == "منظمة معاهدة الأمن الجماعي"
    assert speaker["aliases"] == '["زاس", "الأمين العام للمنظمة"]'


@pytest.mark.parametrize(
    "query",
    ["أول دفعة", "اول دفعه", "أَوَّلُ دُفْعَةٍ", "٢٥٠٠ جندي", "2,500", "۲۵۰۰"],
)
def test_search_ignores_arabic_spelling_variants(db_path, query):
    db = open_store(db_path)
    document = make_document()
    save_document(db, document, claims_for(document), norm)
    found = search_claims(db, query=query)
    assert len(found) == 1, query


def test_search_by_speaker_alias_and_returns_figures(db_path):
    db = open_store(db_path)
    document = make_document()
    save_document(db, document, claims_for(document), norm)
    rows = search_claims(db, speaker="زاس")
    assert len(rows) == 2
    assert rows[1]["figures"][0]["value"] == 2500 and rows[1]["speaker"] == "ستانيسلاف زاس"
    assert search_claims(db, speaker="دوجاريك") == []


def test_search_ignores_attached_clitics(db_path):
    db = open_store(db_path)
    text = "وقال الوزير إن الاطراف تسعى لزعزعة الاستقرار والأمن في البلاد."
    document = Document(text=text, url="https://x.test/c")
    start = text.index("الاطراف")
    claim = Claim(text[start:-1], start, len(text) - 1, "indirect", document_id=document.id)
    save_document(db, document, [claim], norm)
    for query in ("زعزعة استقرار", "والاستقرار", "أمن", "بالبلاد", "لزعزعة الاستقرار"):
        assert len(search_claims(db, query=query)) == 1, query
    assert search_claims(db, query="زعزعة الحكومة") == []


def test_write_batch_keeps_whole_documents_and_reports_after_commit(db_path):
    from claimtrack.store import WriteBatch

    db = open_store(db_path)
    committed = []
    good, bad = make_document(), make_document(url="https://x.test/bad")
    broken = claims_for(bad)
    broken[1].figures[0].start = None
    with WriteBatch(db, on_commit=committed.extend, size=10) as batch:
        batch.begin()
        save_document(db, good, claims_for(good), norm)
        batch.added(good.url)
        assert committed == []  # not committed yet: listeners wait
        with pytest.raises(sqlite3.IntegrityError):
            save_document(db, bad, broken, norm)
    assert committed == [good.url]
    assert [d["url"] for d in db["documents"].rows] == [good.url]
    assert db["claims"].count == 2  # the bad document left nothing behind


def test_a_batch_keeps_savepoint_journals_in_memory_and_still_rolls_back(db_path):
    """A document's savepoint journal outgrows 64 KiB here (where SQLite
    would spill it to a temporary file); in a batch it stays in memory, and
    a failure at the document's last row still takes all of it back."""
    from claimtrack.store import WriteBatch

    db = open_store(db_path)
    before = db.execute("PRAGMA temp_store").fetchone()[0]
    good = make_document()
    save_document(db, good, claims_for(good), norm)  # pages the big one will change
    sentence = "وأضاف أن 2500 جندي سيصلون. "
    big = make_document(sentence * 400, url="https://x.test/big")
    claims = [
        Claim(
            sentence.strip(), i * len(sentence), (i + 1) * len(sentence) - 1, "indirect", document_id=big.id
        )
        for i in range(400)
    ]
    claims[-1].figures = [Figure("2500", 0, None, 2500)]  # NOT NULL fails last
    with WriteBatch(db, size=10) as batch:
        assert db.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
        batch.begin()
        with pytest.raises(sqlite3.IntegrityError):
            save_document(db, big, claims, norm)
        save_document(db, good, claims_for(good), norm)
        batch.added(good.url)
    assert db.execute("PRAGMA temp_store").fetchone()[0] == before
    assert [d["url"] for d in db["documents"].rows] == [good.url]
    assert db["claims"].count == 2
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_batch_never_drops_the_connections_temp_tables(db_path):
    """Changing temp_store drops TEMP tables, and SQLite refuses it inside a
    transaction: a batch leaves it alone then, with TEMP tables there before
    or made during it, or a transaction already open."""
    from claimtrack.store import WriteBatch

    db = open_store(db_path)
    db.execute("CREATE TEMP TABLE mine (x)")
    with WriteBatch(db):
        assert db.execute("PRAGMA temp_store").fetchone()[0] == 0
    db.execute("DROP TABLE mine")
    with WriteBatch(db):
        db.execute("CREATE TEMP TABLE made_during (x)")
    assert db.execute("SELECT name FROM sqlite_temp_master").fetchall() == [("made_during",)]
    db.execute("DROP TABLE made_during")
    db.execute("PRAGMA temp_store = 0")
    db.conn.execute("BEGIN")
    with WriteBatch(db):
        assert db.execute("PRAGMA temp_store").fetchone()[0] == 0
    assert not db.conn.in_transaction  # the batch committed what was open


def test_a_document_with_more_claims_than_sqlite_parameters(tmp_path):
    """Re-saving a document replaces its rows by id lists passed as one JSON
    parameter: SQLite allows at most 32,766 parameters per statement."""
    db = open_store(tmp_path / "many.db")
    text = "x" * 40_000
    document = Document(text=text, url="https://many.example/1")
    claims = [Claim(text="x", start=i, end=i + 1) for i in range(33_000)]
    for claim in claims:
        claim.document_id = document.id
    save_document(db, document, claims, lambda text, language: text)
    save_document(db, document, claims[:32_999], lambda text, language: text)  # again, one claim fewer
    assert db["claims"].count == 32_999


def test_claim_lookups_use_the_partial_indexes(db_path):
    """Schema 7: the cluster and checked_by indexes hold only claims that
    have one (nothing to write at import), and lookups still use them."""
    db = open_store(db_path)
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'")
    indexes = {name: sql for name, sql in rows}
    assert "claims_linked_at" not in indexes
    assert indexes["claims_cluster"].endswith("WHERE cluster_id IS NOT NULL")
    for query, index in (
        ("SELECT id FROM claims WHERE cluster_id = 'c1'", "claims_cluster"),
        ("SELECT count(*) FROM claims WHERE checked_by IS NOT NULL", "claims_checked_by"),
    ):
        plan = " ".join(row[-1] for row in db.execute("EXPLAIN QUERY PLAN " + query))
        assert index in plan, plan


def test_a_claim_with_the_same_figure_twice_stores_it_once(db_path):
    """Figures are plain inserts (cheaper than OR REPLACE): equal spans of
    one claim are collapsed before the write, and a second import replaces."""
    db = open_store(db_path)
    document = make_document()
    claims = claims_for(document)
    claims[1].figures = claims[1].figures * 2
    save_document(db, document, claims, norm)
    save_document(db, document, claims, norm)
    assert db["figures"].count == 1


def test_a_batch_remembers_its_speakers_but_not_a_rolled_back_document(db_path):
    """A write batch skips re-reading speakers it wrote in its transaction;
    a document whose writes are rolled back must not leave a speaker there
    that the next document would then fail to insert."""
    from claimtrack.store import WriteBatch

    db = open_store(db_path)

    def document(n, speaker, *, broken=False):
        doc = make_document(url=f"https://x.test/{n}")
        claims = claims_for(doc)
        for claim in claims:
            claim.speaker = speaker
        if broken:
            claims[1].figures[0].start = None  # NOT NULL violation: the document is rolled back
        return doc, claims

    zas = Speaker("ستانيسلاف زاس", aliases=["زاس"])
    with WriteBatch(db) as batch:
        for n, speaker, broken in (
            (1, zas, False),
            (2, Speaker("ستانيسلاف زاس", aliases=["الأمين العام"]), True),
            (3, Speaker("قاسم جومارت توكاييف"), True),
            (4, Speaker("قاسم جومارت توكاييف"), False),
            (5, Speaker("ستانيسلاف زاس", aliases=["ستانيسلاف"]), False),
        ):
            batch.begin()
            doc, claims = document(n, speaker, broken=broken)
            if broken:
                with pytest.raises(sqlite3.IntegrityError):
                    save_document(db, doc, claims, norm, batch.speakers)
            else:
                save_document(db, doc, claims, norm, batch.speakers)
    rows = {r["name"]: r for r in db["speakers"].rows}
    assert set(rows) == {"ستانيسلاف زاس", "قاسم جومارت توكاييف"}
    assert rows["ستانيسلاف زاس"]["aliases"] == '["زاس", "ستانيسلاف"]'
    assert db["documents"].count == 3


def test_ids_never_change_between_versions():
    """Ids are derived from content; a store written by an earlier version
    must get the same ids on re-import, or it would hold every row twice.
    These values were computed by the first implementation."""
    from claimtrack.model import stable_id

    assert stable_id("claim", "d1", 0, 10) == "f2a0a9bbb0c97d60"
    assert stable_id("speaker", "زاس") == "92a3544f1f0a9bae"
    assert stable_id(None, 1.5, True) == "b6f9445cb05d72c0"


def test_attribution_confidence_scale():
    from claimtrack import attribution_confidence

    assert [
        attribution_confidence(e, k) for e in (True, False) for k in ("direct", "indirect", "reported")
    ] == [
        0.95,
        0.9,
        0.9,
        0.8,
        0.75,
        0.75,
    ]


_ERROR_ROW = "INSERT INTO import_errors VALUES (hex(randomblob(8)), 'x', NULL, NULL, 'a row', 'now')"


def _hold_write_lock(path, stop, gap=0.001, hold=0.3):
    """Another writer, as an import behaves: holds the write lock, frees it
    for about a millisecond, takes it again."""
    import time

    conn = sqlite3.connect(path, isolation_level=None, timeout=10)
    while not stop.is_set():
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(_ERROR_ROW)
        time.sleep(hold)
        conn.execute("COMMIT")
        time.sleep(gap)
    conn.close()


@pytest.mark.timeout(60)
def test_a_writer_beside_an_import_gets_the_lock_at_its_first_gap(tmp_path):
    import threading
    import time

    from claimtrack.store import atomic

    path = str(tmp_path / "c.db")
    open_store(path).conn.close()
    stop = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(path, stop), daemon=True)
    holder.start()
    try:
        time.sleep(0.1)
        db = open_store(path)
        waits = []
        for _ in range(3):
            started = time.monotonic()
            with atomic(db):  # as review and link do
                db.execute(_ERROR_ROW)
            waits.append(time.monotonic() - started)
            time.sleep(0.05)
    finally:
        stop.set()
        holder.join()
    # The lock comes free every 0.3 s for about 1 ms: SQLite's own busy
    # handler, trying every 100 ms, mostly misses such gaps.
    assert max(waits) < 1.5, waits
