"""claimtrack serve: Datasette on the store, with its search working on
normalized claim text."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from claimtrack.cli import cli


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.timeout(60)
def test_serve_publishes_the_store(runner, seed_file, db_path):
    assert runner.invoke(cli, ["import", str(seed_file), "--db", str(db_path)]).exit_code == 0
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "claimtrack", "serve", "--db", str(db_path), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/{db_path.stem}"
        deadline = time.monotonic() + 30
        while True:
            try:
                tables = json.load(urllib.request.urlopen(f"{base}.json", timeout=2))
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        names = {t["name"] for t in tables["tables"]}
        assert {"claims", "documents", "speakers", "figures", "dates"} <= names
        query = urllib.parse.quote("دفعه")
        rows = json.load(
            urllib.request.urlopen(f"{base}/claims.json?_search={query}&_shape=array", timeout=5)
        )
        assert len(rows) == 1 and "دفعة" in rows[0]["text"]
    finally:
        server.terminate()
        server.wait(timeout=10)
    # Stopping "claimtrack serve" stops the server too: nothing answers.
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)


def test_serve_refuses_a_missing_store(runner, tmp_path):
    result = runner.invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such store" in result.output
