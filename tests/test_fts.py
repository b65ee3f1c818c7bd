"""The claims full-text index stays exactly in step with the claims table
when imports defer indexing to the commit (claimtrack.fts): after every
commit, through re-imports and rollbacks inside a group, across a crash, for
other writers, and for a store upgraded from schema 4."""

from __future__ import annotations

import random
import sqlite3

import pytest
import sqlite_utils

from claimtrack import Claim, Document, Figure, fts, normalize, open_store
from claimtrack.normalize import light_stem, search_form
from claimtrack.store import MIGRATIONS, WriteBatch, migrate, save_document, search_claims


def norm(text, language=None):
    return normalize(text)


def document(n: int, words: str = "إرسال أول دفعة من القوات") -> Document:
    return Document(text=f"قال المتحدث إن {words} رقم {n}. وأضاف أن الوضع مستقر.", url=f"https://x.test/{n}")


def claims_of(doc: Document, count: int = 2) -> list[Claim]:
    text = doc.text
    spans = [(0, text.index(".") + 1), (text.index(".") + 2, len(text))][:count]
    return [Claim(text[s:e], s, e, "indirect", document_id=doc.id) for s, e in spans]


def check_index(db) -> None:
    """The index holds exactly the claims' words: FTS5's own check for an
    external-content table, plus nothing left waiting."""
    db.execute("INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)")
    indexed = db.execute("SELECT count(*) FROM claims_fts_docsize").fetchone()[0]
    assert indexed == db["claims"].count
    assert not fts.leftovers(db)


def found(db, query: str) -> set[str]:
    return {row["text"] for row in search_claims(db, query, normalize=norm, limit=None)}


def test_a_batch_indexes_its_claims_at_the_commit(db_path):
    db = open_store(db_path)
    with WriteBatch(db, size=1000) as batch:
        for n in range(5):
            batch.begin()
            doc = document(n)
            save_document(db, doc, claims_of(doc), norm)
            batch.added(doc)
        assert db.execute("SELECT count(*) FROM fts_pending").fetchone()[0] == 10
        assert db.execute("SELECT count(*) FROM claims_fts_docsize").fetchone()[0] == 0
    check_index(db)
    assert len(found(db, "ارسال اول دفعه")) == 5


def test_a_commit_leaves_the_index_consistent_for_a_reader(db_path):
    db = open_store(db_path)
    reader = sqlite3.connect(db_path)
    with WriteBatch(db, size=2) as batch:
        for n in range(4):
            batch.begin()
            doc = document(n)
            save_document(db, doc, claims_of(doc), norm)
            batch.added(doc)
            claims = reader.execute("SELECT count(*) FROM claims").fetchone()[0]
            hits = reader.execute(
                "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'مستقر'"
            ).fetchone()[0]
            assert hits == claims // 2  # committed groups only, each fully indexed
    reader.close()


def test_a_document_saved_again_in_the_same_group_is_indexed_once(db_path):
    """Its first claims were still pending: deleting or updating them must
    not send FTS5 a 'delete' for words it never indexed."""
    db = open_store(db_path)
    with WriteBatch(db, size=1000) as batch:
        doc = document(1)
        batch.begin()
        save_document(db, doc, claims_of(doc), norm)
        batch.added(doc)
        changed = document(1, "انسحاب آخر دفعة من الجنود")
        batch.begin()
        save_document(db, changed, claims_of(changed, count=1), norm)  # one claim updated, one deleted
        batch.added(changed)
    check_index(db)
    assert found(db, "انسحاب") and not found(db, "ارسال") and not found(db, "مستقر")


def test_a_document_rolled_back_inside_a_group_leaves_nothing_pending(db_path):
    db = open_store(db_path)
    with WriteBatch(db, size=1000) as batch:
        batch.begin()
        good = document(1)
        save_document(db, good, claims_of(good), norm)
        batch.added(good)
        bad = document(2)
        broken = claims_of(bad)
        broken[1].figures = [Figure("x", 0, 1, value=object())]  # fails after the claims are written
        with pytest.raises(sqlite3.Error):
            save_document(db, bad, broken, norm)
        assert db.execute("SELECT count(*) FROM fts_pending").fetchone()[0] == 2
    check_index(db)
    assert db["claims"].count == 2


def test_an_interrupted_group_is_rolled_back_with_its_pending_rows(db_path):
    db = open_store(db_path)
    batch = WriteBatch(db, size=1000)
    batch.begin()
    doc = document(1)
    save_document(db, doc, claims_of(doc), norm)
    db.conn.close()  # a crash before the commit: SQLite rolls the group back
    db = open_store(db_path)
    assert db["claims"].count == 0
    check_index(db)


def test_updates_and_deletes_outside_an_import_keep_the_index(db_path):
    db = open_store(db_path)
    with WriteBatch(db) as batch:
        for n in range(3):
            batch.begin()
            doc = document(n)
            save_document(db, doc, claims_of(doc), norm)
            batch.added(doc)
    other = sqlite3.connect(db_path)
    with other:
        other.execute("UPDATE claims SET linked_at = '2024-01-01'")  # not the indexed column
        other.execute("UPDATE claims SET search = 'تحديث' WHERE rowid = 1")
        other.execute("DELETE FROM claims WHERE rowid = 2")
        other.execute(
            'INSERT INTO claims (id, document_id, text, normalized, search, kind, start, "end") '
            "SELECT 'new', document_id, 'تصريح', 'تصريح', 'تصريح', 'reported', 0, 1 FROM claims LIMIT 1"
        )
    other.close()
    check_index(db)
    assert found(db, "تحديث") and found(db, "تصريح")


def test_a_committed_deferral_is_flushed_when_the_store_opens(db_path):
    """Only a writer that commits an import's transaction behind its back
    could leave one; the next open indexes what was left."""
    db = open_store(db_path)
    db.conn.execute("BEGIN IMMEDIATE")
    fts.defer(db)
    doc = document(1)
    save_document(db, doc, claims_of(doc), norm)
    db.conn.execute("COMMIT")
    assert fts.leftovers(db)
    db.conn.close()
    db = open_store(db_path)
    check_index(db)
    assert found(db, "مستقر")


def test_a_schema_4_store_keeps_its_index_when_upgraded(db_path):
    db = sqlite_utils.Database(sqlite3.connect(db_path, isolation_level=None))
    for number, migration in enumerate(MIGRATIONS[:4], start=1):
        migration(db)
        db.execute(f"PRAGMA user_version = {number}")
    doc = document(1)
    save_document(db, doc, claims_of(doc), norm)  # indexed by the old triggers
    assert migrate(db) == len(MIGRATIONS)
    check_index(db)
    with WriteBatch(db) as batch:
        batch.begin()
        again = document(1, "انسحاب آخر دفعة")
        save_document(db, again, claims_of(again), norm)
        batch.added(again)
    check_index(db)
    assert found(db, "انسحاب") and not found(db, "ارسال")


def test_the_search_form_stems_each_word_as_light_stem_does():
    """search_form strips clitics from the whole text in one pass; word by
    word with light_stem (how queries are stemmed) gives the same."""
    rng = random.Random(5)
    alphabet = "والفبلكاتجحدرسعمنهي 0123\t\n.xy"
    texts = ["والاستقرار لزعزعه الامن", "وللمرة ال 3 بالف", " و ال  x\tولل "]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    for text in (t for t in texts if not t.isascii()):  # ASCII text is indexed as it is
        assert search_form(text) == " ".join(light_stem(word) for word in text.split()), text
