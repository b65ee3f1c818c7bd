"""The plugin manager: default plugins, entry points loaded one at a time,
the allow-list, --plugins-dir, and misspelled hooks."""

from __future__ import annotations

import importlib.metadata
import json
import sys
from pathlib import Path

import pytest

from claimtrack import plugins
from claimtrack.cli import cli

from .conftest import TEST_PLUGINS


def test_plugins_lists_defaults_only_with_all(runner):
    everything = json.loads(runner.invoke(cli, ["plugins", "--all"]).output)
    names = [p["name"] for p in everything]
    for name in plugins.DEFAULT_PLUGINS:
        assert name in names
    by_name = {p["name"]: p for p in everything}
    assert "extract_claims" in by_name["claimtrack_arabic"]["hooks"]
    assert "extract_figures" in by_name["claimtrack_figures"]["hooks"]
    assert "register_importers" in by_name["claimtrack.importers"]["hooks"]
    assert all(p["version"] for p in everything)
    shown = json.loads(runner.invoke(cli, ["plugins"]).output)
    assert not any(p["default"] for p in shown)


def test_plugins_dir_adds_claims(runner, tmp_path, db_path):
    (tmp_path / "a.txt").write_text("Nothing here. The CHECKME figure was wrong.\n", encoding="utf-8")
    result = runner.invoke(cli, ["--plugins-dir", str(TEST_PLUGINS), "import", "a.txt", "--db", str(db_path)])
    # the raising and malformed plugins in that directory fail: exit 1 ...
    assert result.exit_code == 1
    assert "plugin 'raising_extractor' failed: RuntimeError: this extractor is broken" in result.output
    assert "plugin 'malformed_extractor' failed" in result.output
    assert "misspelled_hook" in result.output and "extract_claim" in result.output
    # ... but the good plugin's claim is stored, with its extractor's name
    from claimtrack import open_store

    db = open_store(db_path)
    rows = list(db["claims"].rows)
    assert [(r["text"], r["extractor"]) for r in rows] == [
        (" The CHECKME figure was wrong", "keyword_extractor")
    ]
    errors = {r["plugin"] for r in db["import_errors"].rows}
    assert errors == {"raising_extractor", "malformed_extractor"}


def test_plugins_dir_command_and_listing(runner):
    result = runner.invoke(cli, ["--plugins-dir", str(TEST_PLUGINS), "hello", "world"])
    assert "hello world\n" in result.output
    listing = json.loads(runner.invoke(cli, ["--plugins-dir", str(TEST_PLUGINS), "plugins"]).stdout)
    names = {p["name"]: p["hooks"] for p in listing}
    assert names["hello_command"] == ["register_commands"]
    assert "misspelled_hook" not in names


def test_plugins_dir_from_environment(runner, monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_PLUGINS_DIR", str(TEST_PLUGINS))
    assert "hello env\n" in runner.invoke(cli, ["hello", "env"]).output


def test_missing_plugins_dir_warns(runner, tmp_path):
    result = runner.invoke(cli, ["--plugins-dir", str(tmp_path / "nope"), "plugins"])
    assert "does not exist" in result.output


@pytest.fixture
def fake_entry_points(monkeypatch, tmp_path):
    """Three installed plugins: one good, one that fails to import, one with a
    misspelled hook."""
    package = tmp_path / "eps"
    package.mkdir()
    (package / "good_ep.py").write_text(
        "from claimtrack import hookimpl\n"
        "@hookimpl\n"
        "def detect_language(text):\n"
        "    return 'tlh' if 'Qapla' in text else None\n"
    )
    (package / "broken_ep.py").write_text("raise ImportError('missing dependency frobnicate')\n")
    (package / "typo_ep.py").write_text(
        "from claimtrack import hookimpl\n@hookimpl\ndef extract_claimz(document):\n    return []\n"
    )
    monkeypatch.syspath_prepend(str(package))
    eps = [
        importlib.metadata.EntryPoint(name, f"{name}_ep", "claimtrack") for name in ("good", "broken", "typo")
    ]
    monkeypatch.setattr(plugins.importlib.metadata, "entry_points", lambda group: eps)
    yield
    for name in ("good_ep", "broken_ep", "typo_ep"):
        sys.modules.pop(name, None)


def test_broken_entry_point_warns_and_others_load(fake_entry_points, capsys):
    pm = plugins.get_plugin_manager()
    err = capsys.readouterr().err
    assert "plugin 'broken' failed to load: ImportError: missing dependency frobnicate" in err
    assert "plugin 'typo' not loaded" in err and "extract_claimz" in err
    assert pm.get_plugin("good") is not None
    assert pm.get_plugin("typo") is None
    assert pm.hook.detect_language(text="Qapla'") == "tlh"


def test_load_plugins_allow_list(fake_entry_points, monkeypatch, capsys):
    monkeypatch.setenv("CLAIMTRACK_LOAD_PLUGINS", "good")
    pm = plugins.get_plugin_manager()
    assert pm.get_plugin("good") is not None
    assert capsys.readouterr().err == ""  # broken and typo were never imported
    plugins.reset()
    monkeypatch.setenv("CLAIMTRACK_LOAD_PLUGINS", "")
    pm = plugins.get_plugin_manager()
    assert pm.get_plugin("good") is None
    # default plugins always load
    assert pm.get_plugin("claimtrack_arabic") is not None


def test_plugin_manager_loads_once():
    assert plugins.get_plugin_manager() is plugins.get_plugin_manager()


def test_first_party_plugins_use_only_the_public_api():
    """plugins/ must import claimtrack, never claimtrack.<submodule>."""
    root = Path(__file__).resolve().parent.parent / "plugins"
    offenders = []
    for path in root.rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            stripped = line.strip()
            if stripped.startswith(("from claimtrack.", "import claimtrack.")):
                offenders.append(f"{path.relative_to(root)}:{number}: {stripped}")
    assert not offenders, offenders
