"""claimtrack import: formats, bad input, idempotence, one transaction per
document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack import open_store
from claimtrack.cli import cli

ARTICLE = "قال وزير الصحة، أحمد سالم، إن 120 شخصا أصيبوا في الحادث.\n"
ENGLISH = "The minister said that 40 people were injured. CHECKME: nothing else.\n"


def rows(db_path: Path, table: str) -> list[dict]:
    return list(open_store(db_path)[table].rows)


def invoke(runner, *args):
    return runner.invoke(cli, [*map(str, args)])


def test_import_text_file(runner, tmp_path, db_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke(
        runner, "import", "a.txt", "--db", db_path, "--outlet", "Test", "--published", "2024-03-01"
    )
    assert result.exit_code == 0, result.output
    assert "Imported 1 document" in result.output
    [document] = rows(db_path, "documents")
    assert document["outlet"] == "Test" and document["published"] == "2024-03-01"
    assert document["language"] == "ar" and document["source"] == "a.txt"


def test_front_matter_gives_metadata(runner, tmp_path, db_path):
    (tmp_path / "a.md").write_text(
        "---\nurl: https://x.test/1\noutlet: Front\npublished: 2024-02-02\ntitle: عنوان\n---\n" + ARTICLE,
        encoding="utf-8",
    )
    assert invoke(runner, "import", "a.md", "--db", db_path, "--outlet", "CLI").exit_code == 0
    [document] = rows(db_path, "documents")
    assert (document["url"], document["outlet"], document["title"]) == ("https://x.test/1", "Front", "عنوان")
    assert document["text"] == ARTICLE


def test_import_stdin(runner, db_path):
    result = runner.invoke(cli, ["import", "-", "--db", str(db_path)], input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert rows(db_path, "documents")[0]["source"] == "<stdin>"


def test_import_jsonl_and_csv(runner, tmp_path, db_path):
    records = [
        {"text": ARTICLE, "url": "https://a.test/1", "outlet": "A", "published": "2024-01-01"},
        {"text": ENGLISH, "url": "https://b.test/2", "outlet": "B", "language": "en"},
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records))
    (tmp_path / "batch.csv").write_text(
        'text,url,outlet,published\n"' + ENGLISH.strip() + '",https://c.test/3,C,2024-01-03\n',
        encoding="utf-8",
    )
    result = invoke(runner, "import", "batch.jsonl", "batch.csv", "--db", db_path)
    assert result.exit_code == 0, result.output
    documents = {d["url"]: d for d in rows(db_path, "documents")}
    assert set(documents) == {"https://a.test/1", "https://b.test/2", "https://c.test/3"}
    assert documents["https://b.test/2"]["language"] == "en"
    assert documents["https://c.test/3"]["source"] == "batch.csv:2"


def test_import_directory(runner, tmp_path, db_path):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "two.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n")
    (folder / ".hidden.txt").write_text("secret", encoding="utf-8")
    result = invoke(runner, "import", folder, "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "skipped 1 unrecognized files" in result.output
    assert len(rows(db_path, "documents")) == 2


BAD_INPUTS = {
    "latin1.txt": ("القوات وصلت".encode() + b"\n\xff\xfe broken\n", "latin1.txt:2: not UTF-8 text"),
    "empty.txt": (b"   \n", "empty.txt:1: empty file"),
    "nul.txt": (b"text\x00binary", "nul.txt:1: binary file, not text"),
    "bad.jsonl": (
        b'{"text": "ok article one"}\n{not json}\n{"title": "no text"}\n[1, 2]\n{"text": "ok two"}\n',
        "bad.jsonl:2: not valid JSON",
    ),
    "nocol.csv": (b"title,url\nA,https://x.test\n", "nocol.csv:1: no 'text' column"),
    "short.csv": (
        b'text,url\n"fine",https://x.test/1\nonly-one-field-row,a,b\n',
        "short.csv:3: row has 3 fields",
    ),
    "baddate.jsonl": (
        b'{"text": "x y z", "published": "yesterday"}\n',
        "baddate.jsonl:1: 'published' is not an ISO date",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_reported_with_file_and_line(name, runner, tmp_path, db_path):
    data, expected = BAD_INPUTS[name]
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke(runner, "import", name, "good.txt", "--db", db_path)
    assert result.exit_code == 1
    error_lines = [line for line in result.output.splitlines() if line.startswith("claimtrack: error:")]
    assert any(expected in line for line in error_lines), result.output
    # the good file (and the good records of a batch) are still imported
    sources = {d["source"] for d in rows(db_path, "documents")}
    assert "good.txt" in sources
    # and the problem is recorded
    assert any(e["source"] == name for e in rows(db_path, "import_errors"))


def test_jsonl_good_lines_survive_bad_ones(runner, tmp_path, db_path):
    data, _ = BAD_INPUTS["bad.jsonl"]
    (tmp_path / "bad.jsonl").write_bytes(data)
    result = invoke(runner, "import", "bad.jsonl", "--db", db_path)
    assert result.exit_code == 1
    assert sorted(d["source"] for d in rows(db_path, "documents")) == ["bad.jsonl:1", "bad.jsonl:5"]
    errors = sorted((e["line"], e["error"]) for e in rows(db_path, "import_errors"))
    assert [line for line, _ in errors] == [2, 3, 4]
    assert "missing or empty 'text' field" in errors[1][1]
    assert "expected a JSON object, got list" in errors[2][1]


def test_unreadable_file_in_directory(runner, tmp_path, db_path, monkeypatch):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "locked.txt").write_text(ENGLISH, encoding="utf-8")
    real_open = Path.open

    def guarded(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)
    result = invoke(runner, "import", folder, "--db", db_path)
    assert result.exit_code == 1
    assert "locked.txt: cannot read: Permission denied" in result.output
    assert len(rows(db_path, "documents")) == 1


def test_missing_path_and_unknown_format(runner, db_path):
    result = invoke(runner, "import", "nope.txt", "--db", db_path)
    assert result.exit_code == 1 and "nope.txt: no such file or directory" in result.output
    result = invoke(runner, "import", "-", "--format", "xml", "--db", db_path)
    assert result.exit_code == 2 and "unknown format 'xml'" in result.output


def test_bad_published_option(runner, tmp_path, db_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke(runner, "import", "a.txt", "--published", "last week", "--db", db_path)
    assert result.exit_code == 2 and "not an ISO date" in result.output


def test_reimport_is_idempotent(runner, tmp_path, db_path):
    (tmp_path / "a.txt").write_text(ARTICLE + ENGLISH, encoding="utf-8")
    invoke(runner, "import", "a.txt", "--db", db_path)
    first = {t: rows(db_path, t) for t in ("documents", "claims", "speakers", "figures", "dates")}
    invoke(runner, "import", "a.txt", "--db", db_path)
    second = {t: rows(db_path, t) for t in ("documents", "claims", "speakers", "figures", "dates")}
    for table in first:
        drop = {"imported_at"}
        strip = [{k: v for k, v in r.items() if k not in drop} for r in first[table]]
        again = [{k: v for k, v in r.items() if k not in drop} for r in second[table]]
        assert strip == again, table


def test_environment_names_the_store(runner, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.setenv("CLAIMTRACK_DB", str(tmp_path / "env.db"))
    assert invoke(runner, "import", "a.txt").exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_not_a_store(runner, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "junk.db").write_bytes(b"this is not sqlite at all" * 100)
    result = invoke(runner, "import", "a.txt", "--db", "junk.db")
    assert result.exit_code == 1
    assert "junk.db: cannot open as a claimtrack store" in result.output


def test_broken_link_in_directory_is_reported(runner, tmp_path, db_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    result = invoke(runner, "import", folder, "--db", db_path)
    assert result.exit_code == 1
    assert "gone.txt: cannot read: No such file or directory" in result.output
    assert len(rows(db_path, "documents")) == 1


def test_front_matter_with_crlf_and_bom(runner, tmp_path, db_path):
    (tmp_path / "a.txt").write_bytes(("\ufeff---\r\noutlet: CRLF\r\n---\r\n" + ARTICLE).encode("utf-8"))
    assert invoke(runner, "import", "a.txt", "--db", db_path).exit_code == 0
    [document] = rows(db_path, "documents")
    assert document["outlet"] == "CRLF" and document["text"] == ARTICLE


def test_cycles_are_collected_once_per_commit_group(tmp_path):
    """The import turns automatic cycle collection off and collects after
    each commit group: a plugin's reference cycles live one group at most,
    and the collector's state is as it was afterwards."""
    import gc
    import weakref

    from claimtrack import Document, hookimpl
    from claimtrack.importing import import_documents
    from claimtrack.plugins import get_plugin_manager

    class Cycle:
        def __init__(self) -> None:
            self.me = self

    alive_at: list[int] = []
    made: list[weakref.ref] = []

    class MakesCycles:
        @hookimpl
        def extract_claims(self, document):
            assert not gc.isenabled()
            alive_at.append(sum(ref() is not None for ref in made))
            made.append(weakref.ref(Cycle()))
            return []

    pm = get_plugin_manager()
    plugin = MakesCycles()
    pm.register(plugin, name="makes-cycles")
    try:
        db = open_store(tmp_path / "c.db")
        items = [(None, Document(text=f"نص رقم {i}", url=f"https://example.org/{i}")) for i in range(9)]
        assert gc.isenabled()
        import_documents(db, items, commit_every=3)
        assert gc.isenabled()
        gc.disable()
        try:
            import_documents(db, items[:2], commit_every=1)
            assert not gc.isenabled()
        finally:
            gc.enable()
    finally:
        pm.unregister(plugin)
    # Groups of three: at most the current group's cycles are alive.
    assert alive_at[:9] == [0, 1, 2, 0, 1, 2, 0, 1, 2]
