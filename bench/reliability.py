"""Reliability under faults, load and hostile input (issue #10): prints, for
each check, what was tried and what survived.

    .venv/bin/python bench/reliability.py            # the full run (minutes)
    .venv/bin/python bench/reliability.py --quick    # a smoke run

1. crash safety: imports killed with SIGKILL at random moments; each leaves a
   store that passes PRAGMA integrity_check and holds only whole documents,
   and a re-run ends equal to a clean import. Link runs killed midway leave
   the previous clusters (or the new ones, whole);
2. concurrency: Datasette (claimtrack serve) answers while an import and a
   link write the same file;
3. fuzzing: random corpus-word text and hostile bytes through every target
   of bench/fuzz_targets.py, time growth on 8x input, and the atheris
   coverage-guided fuzzer (bench/fuzz_atheris.py) when it is installed;
4. hostile input: deep nesting, huge lines, mixed encodings, control
   characters, lone surrogates, and a 1 GB file imported with bounded memory;
5. plugins that raise, hang or return malformed claims;
6. the published store refuses writes from visitors.

The tests (tests/test_reliability_*.py) run the same functions, smaller.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "datasets"))
sys.path.insert(0, str(ROOT / "bench"))

from generate_corpus import generate  # noqa: E402

LOCKED = "database is locked"


def write_corpus(path: Path, count: int, seed: int = 2022) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in generate(count, seed)), encoding="utf-8"
    )
    return path


def claimtrack(*args: str, **popen: object) -> subprocess.Popen:
    """``claimtrack ARGS`` in a child process (stdout discarded, stderr kept)."""
    return subprocess.Popen(
        [sys.executable, "-m", "claimtrack", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        **popen,
    )


def snapshot(db_path: Path) -> dict[str, object]:
    """What a store holds, for comparing two: integrity, each document's
    claim ids, figures and dates per claim, dangling rows, clusters."""
    db = sqlite3.connect(db_path)
    try:
        claims: dict[str, set[str]] = {}
        for doc_id, claim_id in db.execute(
            "SELECT documents.id, claims.id FROM documents "
            "LEFT JOIN claims ON claims.document_id = documents.id"
        ):
            claims.setdefault(doc_id, set())
            if claim_id:
                claims[doc_id].add(claim_id)
        return {
            "integrity": db.execute("PRAGMA integrity_check").fetchone()[0],
            "claims": claims,
            "rows": {
                t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "claims", "figures", "dates")
            },
            "dangling": db.execute(
                "SELECT (SELECT count(*) FROM claims WHERE document_id NOT IN (SELECT id FROM documents))"
                " + (SELECT count(*) FROM figures WHERE claim_id NOT IN (SELECT id FROM claims))"
                " + (SELECT count(*) FROM dates WHERE claim_id NOT IN (SELECT id FROM claims))"
            ).fetchone()[0],
            "clusters": sorted(db.execute("SELECT id, claims, outlets, figure_conflict FROM clusters")),
            "cluster_of": dict(db.execute("SELECT id, cluster_id FROM claims WHERE cluster_id IS NOT NULL")),
            "unlinked": db.execute("SELECT count(*) FROM claims WHERE linked_at IS NULL").fetchone()[0],
            # clusters whose size disagrees with their members, and members of no cluster
            "cluster_mismatch": db.execute(
                "SELECT (SELECT count(*) FROM clusters WHERE claims != "
                "(SELECT count(*) FROM claims WHERE cluster_id = clusters.id)) + (SELECT count(*) "
                "FROM claims WHERE cluster_id IS NOT NULL AND cluster_id NOT IN (SELECT id FROM clusters))"
            ).fetchone()[0],
        }
    finally:
        db.close()


def kill_after(process: subprocess.Popen, delay: float) -> bool:
    """SIGKILL ``process`` after ``delay`` seconds; False if it ended first."""
    try:
        process.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        return True


def wait_for_documents(db: Path, process: subprocess.Popen, timeout: float = 120) -> float:
    """Wait until ``db`` holds a document (or ``process`` has ended); the
    monotonic time it did."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            try:
                with contextlib.closing(sqlite3.connect(db, timeout=0.1)) as conn:
                    if conn.execute("SELECT count(*) FROM documents").fetchone()[0]:
                        break
            except sqlite3.Error:
                pass  # the schema is not there yet
        time.sleep(0.01)
    return time.monotonic()


#: Commit groups of 25 documents: a kill then finds some committed and some
#: not, in corpora small enough for the test suite (the default, 1,024
#: documents or 2 s, would commit these only at the end).
SMALL_GROUPS = ("--commit-every", "25")


def crash_imports(work: Path, runs: int, documents: int = 150, seed: int = 1) -> dict[str, int]:
    """``runs`` imports killed at random moments; each is checked, then
    re-run and compared with a clean import of the same corpus."""
    corpus = write_corpus(work / "corpus.jsonl", documents)
    clean = work / "clean.db"
    started = time.monotonic()
    process = claimtrack("import", str(corpus), *SMALL_GROUPS, "--db", str(clean))
    writing = wait_for_documents(clean, process) - started
    assert process.wait() == 0
    duration = time.monotonic() - started
    expected = snapshot(clean)
    rng = random.Random(seed)
    result = dict(runs=0, killed=0, mid_import=0, corrupt=0, partial_documents=0, lost=0, duplicates=0)
    for i in range(runs):
        db = work / f"killed{i}.db"
        result["runs"] += 1
        process = claimtrack("import", str(corpus), *SMALL_GROUPS, "--db", str(db))
        if i % 4 == 3:  # any moment: starting up, creating the schema, writing
            delay = rng.uniform(0, duration)
        else:  # while writing: from the first document stored to the end
            started = wait_for_documents(db, process)
            delay = rng.uniform(0, max(duration - writing, 0.01)) - (time.monotonic() - started)
        result["killed"] += kill_after(process, max(delay, 0))
        if db.exists():
            state = snapshot(db)
            stored = state["claims"]
            result["mid_import"] += 0 < len(stored) < len(expected["claims"])
            result["corrupt"] += state["integrity"] != "ok"
            result["partial_documents"] += state["dangling"] + sum(
                claims != expected["claims"].get(doc) for doc, claims in stored.items()
            )
        assert claimtrack("import", str(corpus), *SMALL_GROUPS, "--db", str(db)).wait() == 0
        after = snapshot(db)
        result["corrupt"] += after["integrity"] != "ok"
        result["lost"] += len(set(expected["claims"]) - set(after["claims"]))
        result["duplicates"] += sum(after["rows"][t] - expected["rows"][t] for t in after["rows"])
        result["partial_documents"] += after["claims"] != expected["claims"]
        for path in work.glob(f"killed{i}.db*"):
            path.unlink()
    return result


def crash_links(work: Path, runs: int, documents: int = 300, seed: int = 2) -> dict[str, int]:
    """``runs`` link runs killed at random moments on a store already linked
    once that has gained documents since: the clusters after each kill are
    the previous ones or the complete new ones, never a mixture."""
    base = work / "linked.db"
    first, second = write_corpus(work / "first.jsonl", documents), work / "second.jsonl"
    second.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in generate(documents // 2, seed=77)),
        encoding="utf-8",
    )
    assert claimtrack("import", str(first), "--db", str(base)).wait() == 0
    assert claimtrack("link", "--db", str(base)).wait() == 0
    assert claimtrack("import", str(second), "--db", str(base)).wait() == 0
    before = snapshot(base)
    done = work / "done.db"
    shutil.copy(base, done)
    started = time.monotonic()
    assert claimtrack("link", "--db", str(done)).wait() == 0
    duration = time.monotonic() - started
    after = snapshot(done)
    rng = random.Random(seed)
    result = dict(runs=0, killed=0, corrupt=0, previous_kept=0, new_whole=0, same_as_reference=0, mixed=0)
    for i in range(runs):
        db = work / f"link{i}.db"
        shutil.copy(base, db)
        result["runs"] += 1
        # half at any moment, half near the end, where the one write happens
        delay = rng.uniform(0, duration) if i % 2 else rng.uniform(0.7 * duration, 1.05 * duration)
        result["killed"] += kill_after(claimtrack("link", "--db", str(db)), delay)
        state = snapshot(db)
        result["corrupt"] += state["integrity"] != "ok"
        key = (state["clusters"], state["cluster_of"])
        if key == (before["clusters"], before["cluster_of"]) and state["unlinked"] == before["unlinked"]:
            result["previous_kept"] += 1
        elif state["unlinked"] == 0 and state["cluster_mismatch"] == 0:
            # committed whole; the same clusters as the reference run unless
            # the linker's code changed in between (it is being worked on)
            result["new_whole"] += 1
            result["same_as_reference"] += key == (after["clusters"], after["cluster_of"])
        else:
            result["mixed"] += 1
        for path in work.glob(f"link{i}.db*"):
            path.unlink()
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def serve_while_writing(work: Path, documents: int = 400, links: int = 3) -> dict[str, int]:
    """Datasette on a store while an import and then ``links`` link runs
    write to it: every page request is counted, with any error status and
    any "database is locked" in a page or in the writers' output."""
    db = work / "served.db"
    seed_corpus = write_corpus(work / "seed.jsonl", 50, seed=5)
    assert claimtrack("import", str(seed_corpus), "--db", str(db)).wait() == 0
    port = free_port()
    server = claimtrack("serve", "--db", str(db), "--port", str(port))
    base = f"http://127.0.0.1:{port}/{db.stem}"
    result = dict(requests=0, errors=0, locked=0, writers_failed=0)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if _get(f"{base}.json")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("claimtrack serve did not start")
            time.sleep(0.2)
        corpus = write_corpus(work / "more.jsonl", documents, seed=6)
        pages = [
            f"{base}/claims.json?_shape=array&_size=50",
            f"{base}/claims?_search=" + urllib.parse.quote("قال"),
            f"{base}/documents.json?_shape=array&_size=20",
            f"{base}/clusters.json?_shape=array",
            f"{base}.json?sql=" + urllib.parse.quote("select count(*) from claims"),
        ]
        writers = [claimtrack("import", str(corpus), "--db", str(db))]
        outputs = []
        pending = links
        while writers:
            for url in pages:
                status, body = _get(url)
                result["requests"] += 1
                result["errors"] += status != 200
                result["locked"] += LOCKED in body
            for writer in list(writers):
                if writer.poll() is not None:
                    writers.remove(writer)
                    outputs.append(writer.stderr.read().decode("utf-8", "replace"))
                    result["writers_failed"] += writer.returncode != 0
                    if pending:
                        pending -= 1
                        writers.append(claimtrack("link", "--db", str(db)))
        result["locked"] += sum(LOCKED in out for out in outputs)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return result


def hostile_files(work: Path) -> Iterator[tuple[str, str, bytes, int, int]]:
    """(name, file suffix, content, good documents, bad entries): each file
    mixes hostile entries with good ones that must still be imported."""
    good = {"text": "قال الوزير إن 2500 جندي وصلوا يوم الجمعة.", "published": "2022-01-07"}
    line = json.dumps(good, ensure_ascii=False).encode()

    def other(i: int) -> bytes:
        return json.dumps({**good, "url": f"https://example.org/{i}"}, ensure_ascii=False).encode()

    deep = b'{"text": "x y", "nested": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    yield "deeply nested JSON", ".jsonl", b"\n".join([line, b"[" * 200_000, deep, other(1)]) + b"\n", 2, 2
    huge_attr = json.dumps({**good, "url": "https://e.org/" + "a" * 5_000_000, "title": "t" * 5_000_000})
    yield "huge attributes", ".jsonl", b"\n".join([huge_attr.encode(), other(2)]) + b"\n", 2, 0
    mixed = [line, "قال الوزير".encode("cp1256"), other(3), "é".encode("latin-1") + b'{"text": "a b"}']
    yield "mixed encodings", ".jsonl", b"\n".join(mixed) + b"\n", 2, 2
    controls = json.dumps({"text": "a\u0000b\u001b[31m c\u202e d\u0007 e قال", "url": "u"}).encode()
    yield "control characters", ".jsonl", b"\n".join([controls, other(4)]) + b"\n", 2, 0
    surrogates = [b'{"text": "lone \\ud800 surrogate"}', b'{"text": "x", "title": "\\udfff"}', other(5)]
    yield "lone surrogates", ".jsonl", b"\n".join(surrogates) + b"\n", 1, 2
    csv = "text,url\n" + '"قال الوزير إن 2500 جندي",u1\n' + "\x00bad,u2\n" + '"unclosed,u3\n'
    yield "CSV with NUL and an unclosed quote", ".csv", csv.encode(), 2, 1
    page = (
        '<html><head><script>alert(1)</script></head><body onload="alert(2)"><article>'
        f'<p style="{"x" * 5_000_000}">{good["text"]} وأضاف أن القوات ستبقى أسبوعا.</p>'
        '<p><a href="javascript:alert(3)">رابط</a></p><iframe src="javascript:alert(4)"></iframe>'
        "</article></body></html>"
    )
    yield "HTML with scripts, handlers, javascript: URLs, a 5 MB attribute", ".html", page.encode(), 1, 0
    review = {
        "@type": "ClaimReview",
        "url": "javascript:alert(5)",
        "claimReviewed": "<script>alert(6)</script> " + good["text"],
        "reviewRating": {"alternateName": "زائف"},
        "itemReviewed": {"appearance": [{"url": "javascript:alert(7)"}], "deep": [[[[[[[[[[]]]]]]]]]]},
    }
    reviews = [review, {"@type": "ClaimReview", "reviewRating": {"alternateName": "x"}}, {"x": "[" * 100}]
    yield "JSON-LD with scripts, javascript: URLs, a bad item", ".jsonld", json.dumps(reviews).encode(), 1, 1
    entries = [
        f"<item><title>t{i}</title><link>{link}</link><description>{text}</description></item>"
        for i, (link, text) in enumerate(
            [
                ("https://e.org/1", good["text"]),
                ("javascript:alert(8)", ""),
                ("", ""),
                ("https://e.org/2", "x"),
            ]
        )
    ]
    feed = '<rss version="2.0"><channel><title>T</title>' + "".join(entries) + "</channel></rss>"
    # the javascript: link is dropped, so that headline has nowhere to be read: reported
    yield "feed with broken entries and javascript: links", ".rss", feed.encode(), 2, 2


def import_hostile(work: Path) -> list[dict[str, object]]:
    """Each hostile file imported on its own store: exit status, problems
    reported, and documents kept."""
    results = []
    for name, suffix, data, good, bad in hostile_files(work):
        path = work / f"hostile{suffix}"
        path.write_bytes(data)
        db = work / f"hostile-{len(results)}.db"
        process = claimtrack("import", str(path), "--db", str(db))
        _out, err = process.communicate(timeout=300)
        state = snapshot(db)
        lines = err.decode("utf-8", "replace").strip().splitlines()
        results.append(
            dict(
                input=name,
                exit=process.returncode,
                problems=sum("error:" in line for line in lines),
                traceback=int("Traceback" in err.decode("utf-8", "replace")),
                documents=len(state["claims"]),
                expected=good,
                expected_problems=bad,
                corrupt=int(state["integrity"] != "ok"),
            )
        )
        path.unlink()
    return results


def big_file(path: Path, size: int, good: int = 200) -> int:
    """A JSONL file of about ``size`` bytes: lines too long to import (each
    over the 64 MiB limit) between ``good`` ordinary articles. Returns how
    many long lines it has."""
    chunk = b"x" * (1 << 20)
    record = json.dumps({"text": "The minister said 2,500 troops arrived on Friday."}).encode()
    long_lines = max(1, size // (65 << 20))
    with path.open("wb") as out:
        for i in range(long_lines):
            out.write(b'{"text": "')
            for _ in range(65):
                out.write(chunk)
            out.write(b'"}\n')
            for j in range(good // long_lines):
                out.write(record[:-1] + f', "url": "u{i}-{j}"}}\n'.encode())
    return long_lines


def stream_big_file(work: Path, size: int) -> dict[str, object]:
    """Import a file of ``size`` bytes; report the child's peak memory."""
    path = work / "big.jsonl"
    long_lines = big_file(path, size)
    db = work / "big.db"
    code = (
        "import resource, sys\n"
        "from claimtrack.cli import cli\n"
        "try:\n"
        "    cli(sys.argv[1:])\n"
        "finally:\n"
        "    print('maxrss_kib', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    )
    started = time.monotonic()
    process = subprocess.run(
        [sys.executable, "-c", code, "import", str(path), "--db", str(db)],
        capture_output=True,
        timeout=3600,
    )
    err = process.stderr.decode("utf-8", "replace")
    peak = int(err.rsplit("maxrss_kib", 1)[1].split()[0])
    state = snapshot(db)
    result = dict(
        bytes=path.stat().st_size,
        seconds=round(time.monotonic() - started, 1),
        long_lines=long_lines,
        reported=err.count("line longer than"),
        documents=len(state["claims"]),
        peak_memory_mib=round(peak / 1024),
        exit=process.returncode,
    )
    path.unlink()
    return result


def million_entry_feed(work: Path, entries: int) -> dict[str, object]:
    """Read a feed of ``entries`` entries (far past the size parsed whole)
    in a child process: documents read, problems, seconds and peak memory.
    Reading, not storing: extraction would take the run's hours, and the
    store's memory is bounded already (see big file)."""
    path = work / "million.rss"
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Wire</title>\n')
        for i in range(entries):
            out.write(
                f"<item><title>Entry {i}</title><link>https://wire.example/{i}</link>"
                f"<description>The minister said {i} troops arrived on Friday.</description></item>\n"
            )
        out.write("</channel></rss>\n")
    code = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "from claimtrack import Document, Source\n"
        "from claimtrack_feeds import read_feed\n"
        "documents = problems = 0\n"
        "for item in read_feed(Source(sys.argv[1], path=Path(sys.argv[1]))):\n"
        "    documents += isinstance(item, Document)\n"
        "    problems += not isinstance(item, Document)\n"
        "print(documents, problems, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    started = time.monotonic()
    process = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, timeout=3600)
    documents, problems, peak = (int(x) for x in process.stdout.split())
    result = dict(
        entries=entries,
        bytes=path.stat().st_size,
        documents=documents,
        problems=problems,
        seconds=round(time.monotonic() - started, 1),
        peak_memory_mib=round(peak / 1024),
        exit=process.returncode,
    )
    path.unlink()
    return result


def fuzz_random(seconds: float, seed: int = 3) -> dict[str, object]:
    """Random corpus-word text through every text target and hostile bytes
    through every importer, for about ``seconds``; counts what raised."""
    from fuzz_targets import IMPORTERS, TEXT_TARGETS, Store, hostile_bytes, random_text

    rng = random.Random(seed)
    store = Store()
    inputs = crashes = 0
    found: dict[str, str] = {}
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text, data = random_text(rng), hostile_bytes(rng)
        calls = [(name, lambda f=f, t=text: f(t)) for name, f in TEXT_TARGETS.items()]
        calls += [(name, lambda n=name, d=data: store.import_bytes(n, d)) for name in IMPORTERS]
        for name, call in calls:
            inputs += 1
            try:
                call()
            except Exception as exc:
                crashes += 1
                found.setdefault(f"{name}: {type(exc).__name__}", repr(exc)[:200])
    return dict(inputs=inputs, crashes=crashes, found=found)


def growth_table(size: int) -> tuple[list[tuple[str, str, float]], float]:
    from fuzz_targets import TEXT_TARGETS, adversarial_inputs, growth

    rows = [
        (target, name, growth(function, unit, size))
        for name, unit in adversarial_inputs()
        for target, function in TEXT_TARGETS.items()
    ]
    return rows, max(r[2] for r in rows)


def run_atheris(inputs: int) -> str:
    """The coverage-guided fuzzer in a child process; its summary line."""
    process = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "fuzz_atheris.py"), f"-runs={inputs}"],
        capture_output=True,
        timeout=7200,
    )
    out = process.stdout.decode("utf-8", "replace") + process.stderr.decode("utf-8", "replace")
    summary = [line for line in out.splitlines() if line.startswith("atheris:")]
    return "\n".join(summary) or f"atheris: exited {process.returncode}\n{out[-2000:]}"


def plugin_faults(work: Path, documents: int = 20) -> dict[str, int]:
    """An import with plugins that raise, hang and return malformed claims
    (tests/plugins, and a hanging one written here) next to a good one."""
    plugins = work / "fault_plugins"
    shutil.copytree(ROOT / "tests" / "plugins", plugins, dirs_exist_ok=True)
    (plugins / "hanging_extractor.py").write_text(
        "from claimtrack import hookimpl\n\n\n@hookimpl\ndef extract_claims(document):\n"
        "    while True:\n        pass\n",
        encoding="utf-8",
    )
    corpus = work / "checkme.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"text": f"Item {i}. The CHECKME figure was wrong.", "url": f"u{i}"}) + "\n"
            for i in range(documents)
        ),
        encoding="utf-8",
    )
    db = work / "faults.db"
    started = time.monotonic()
    process = claimtrack(
        "--plugins-dir", str(plugins), "import", str(corpus), "--db", str(db), "--plugin-timeout", "0.2"
    )
    _out, err = process.communicate(timeout=600)
    conn = sqlite3.connect(db)
    by_plugin = dict(conn.execute("SELECT plugin, count(*) FROM import_errors GROUP BY plugin"))
    stored = conn.execute("SELECT count(*) FROM claims WHERE extractor = 'keyword_extractor'").fetchone()[0]
    conn.close()
    return dict(
        documents=documents,
        seconds=round(time.monotonic() - started, 1),
        good_claims_stored=stored,
        raised_reported=by_plugin.get("raising_extractor", 0),
        hung_reported=by_plugin.get("hanging_extractor", 0),
        malformed_reported=by_plugin.get("malformed_extractor", 0),
        traceback=int(b"Traceback" in err),
    )


def visitor_writes(work: Path) -> dict[str, int]:
    """Write attempts against the published store: every one refused, and
    the store unchanged."""
    from datasette.app import Datasette

    db = work / "published.db"
    corpus = write_corpus(work / "pub.jsonl", 20, seed=9)
    assert claimtrack("import", str(corpus), "--db", str(db)).wait() == 0
    before = snapshot(db)
    attempts = [
        "delete from claims",
        "drop table documents",
        "update documents set text = 'x'",
        "insert into claims (id) values ('x')",
        "pragma writable_schema = 1",
        "attach database 'other.db' as other",
        "vacuum",
    ]

    async def run() -> list[int]:
        ds = Datasette([str(db)])
        statuses = []
        for sql in attempts:
            response = await ds.client.get(f"/{db.stem}.json?sql=" + urllib.parse.quote(sql))
            statuses.append(response.status_code)
        for path in ("/published/claims/-/insert", "/published/-/create", "/published/claims/-/drop"):
            response = await ds.client.post(path, json={})
            statuses.append(response.status_code)
        return statuses

    import asyncio

    statuses = asyncio.run(run())
    return dict(
        attempts=len(statuses),
        refused=sum(s >= 400 for s in statuses),
        store_changed=int(snapshot(db) != before),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run: few runs, small inputs")
    parser.add_argument("--big", type=int, default=1 << 30, help="size of the big file, bytes (1 GiB)")
    args = parser.parse_args()
    quick = args.quick
    with tempfile.TemporaryDirectory(prefix="claimtrack-reliability-") as tmp:
        work = Path(tmp)
        print("claimtrack reliability (issue #10); timings are CPU-load dependent, ratios within one run")
        print("\n1. crash safety")
        print("  (killed: still running at the kill; mid_import: some but not all documents stored then)")
        print(
            "  import killed with SIGKILL at random moments:",
            crash_imports(work, 5 if quick else 50, 700 if quick else 1000),
        )
        print("  link killed with SIGKILL at random moments:  ", crash_links(work, 3 if quick else 20))
        print("\n2. concurrency: serve + import + link on one file")
        print("  ", serve_while_writing(work, 100 if quick else 600, 1 if quick else 3))
        print("\n3. fuzzing")
        print("  random text and hostile bytes:", fuzz_random(10 if quick else 120))
        rows, worst = growth_table(1000 if quick else 4000)
        print(f"  CPU time on 8x input / on 1x, {len(rows)} target x pattern pairs, worst {worst:.1f}:")
        for target, name, ratio in sorted(rows, key=lambda r: -r[2])[:8]:
            print(f"    {ratio:5.1f}  {target} on {name}")
        print("  " + run_atheris(2_000 if quick else 100_000).replace("\n", "\n  "))
        print("\n4. hostile input")
        for row in import_hostile(work):
            print("  ", row)
        print("   big file:", stream_big_file(work, (80 << 20) if quick else args.big))
        print("   feed of many entries:", million_entry_feed(work, 20_000 if quick else 1_000_000))
        print("\n5. plugins that raise, hang, return malformed claims")
        print("  ", plugin_faults(work, 5 if quick else 20))
        print("\n6. the published store is read-only to visitors")
        print("  ", visitor_writes(work))


if __name__ == "__main__":
    main()
