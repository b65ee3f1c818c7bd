"""Shared fixtures: an isolated environment per test, a temporary store, a CLI
runner, and the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "datasets" / "arabic" / "articles" / "00-sputnik-csto-kazakhstan.txt"
SHARED_SEED = ROOT.parent / "shared" / "seed" / "sputnik-ar-csto-kazakhstan.txt"
TEST_PLUGINS = Path(__file__).parent / "plugins"


@pytest.fixture(autouse=True)
def isolated(claimtrack_env, monkeypatch, tmp_path):
    """No user settings leak in, every test starts from freshly loaded plugins
    (claimtrack.testing's claimtrack_env, the fixture plugin authors get), and
    runs in its own temporary folder."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "claims.db"


@pytest.fixture
def seed_text() -> str:
    """The seed article's text (the shared copy when present, so the test
    also proves the bundled copy has not drifted)."""
    path = SHARED_SEED if SHARED_SEED.exists() else None
    if path is None:
        text = SEED.read_text(encoding="utf-8")
        return text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    return path.read_text(encoding="utf-8")


@pytest.fixture
def seed_file(tmp_path, seed_text) -> Path:
    path = tmp_path / "sputnik-ar-csto-kazakhstan.txt"
    path.write_text(seed_text, encoding="utf-8")
    return path
