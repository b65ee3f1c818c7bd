"""Pytest fixtures for claimtrack plugin authors.

Installing claimtrack registers this module as a pytest plugin (the
``pytest11`` entry point), so a plugin's own test suite gets these fixtures
without importing anything:

* ``claimtrack_env``: no ``CLAIMTRACK_*`` settings leak in from the shell, and
  plugins are loaded afresh for the test (and forgotten after it);
* ``claimtrack_store``: an empty claim store in the test's temporary folder;
* ``claimtrack_pipeline``: ``claimtrack_pipeline(my_plugin, "claimtrack_figures")``
  loads only those plugins (plus the core's language detection, normalization
  and importers) and returns a :class:`Pipeline` that extracts claims from a
  text, stores a text, or runs a ``claimtrack`` command with exactly them.

Loading only chosen plugins matters for a plugin author: a test of an English
quote extractor should not change when the Arabic extractor installed beside
it learns something new, and two extractors' claims should not be confused.

claimtrack's heavier modules are imported inside the fixtures, so a pytest run
that uses none of them does not pay for importing claimtrack.
"""

from __future__ import annotations

import importlib
import importlib.metadata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    import pluggy
    import sqlite_utils
    from click.testing import Result

    from claimtrack.importing import ImportReport
    from claimtrack.model import Claim
    from claimtrack.pipeline import Extraction

#: Settings read from the environment that would make a test depend on the
#: shell it runs in.
ENVIRONMENT = ("CLAIMTRACK_DB", "CLAIMTRACK_LOAD_PLUGINS", "CLAIMTRACK_PLUGINS_DIR")


def core_plugins() -> list[str]:
    """The default plugins that are part of claimtrack's core (language
    detection, normalization, importers): always loaded, because the pipeline
    and the store rely on them."""
    from claimtrack.plugins import DEFAULT_PLUGINS

    return [name for name in DEFAULT_PLUGINS if name.startswith("claimtrack.")]


def resolve_plugin(plugin: str | ModuleType | object) -> tuple[str, object]:
    """(name, plugin object) for what a test asked for: a module or object is
    registered as it is (named after the module or class); a string names a
    default plugin, then an installed ``claimtrack`` entry point, then any
    importable module."""
    from claimtrack.plugins import DEFAULT_PLUGINS, ENTRY_POINT_GROUP

    if not isinstance(plugin, str):
        name = getattr(plugin, "__name__", None) or type(plugin).__name__
        return name, plugin
    if plugin not in DEFAULT_PLUGINS:
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            if ep.name == plugin:
                return plugin, ep.load()
    return plugin, importlib.import_module(plugin)


def load_only(*chosen: str | ModuleType | object) -> pluggy.PluginManager:
    """A plugin manager holding the core plugins and ``chosen``, each checked
    as claimtrack checks an installed plugin (a misspelled hook name raises
    here instead of being skipped with a warning, so the test fails)."""
    from claimtrack.plugins import new_plugin_manager

    pm = new_plugin_manager()
    for wanted in [*core_plugins(), *chosen]:
        name, plugin = resolve_plugin(wanted)
        pm.register(plugin, name=name)
    pm.check_pending()
    return pm


@dataclass
class Pipeline:
    """claimtrack running with one plugin manager: what ``claimtrack_pipeline``
    returns."""

    plugin_manager: pluggy.PluginManager

    @property
    def plugin_names(self) -> list[str]:
        """The names of the loaded plugins, core ones included."""
        return sorted(self.plugin_manager.get_name(p) or "" for p in self.plugin_manager.get_plugins())

    def extract(self, text: str, **fields: Any) -> Extraction:
        """Run the pipeline on ``text``; ``fields`` are other
        :class:`claimtrack.Document` fields (``language``, ``published``,
        ``outlet``...). Plugin failures are in the result's ``problems``."""
        from claimtrack.model import Document
        from claimtrack.pipeline import extract

        return extract(Document(text=text, **fields))

    def claims(self, text: str, **fields: Any) -> list[Claim]:
        """The claims found in ``text``, failing the test if any plugin raised
        or returned a malformed claim."""
        extraction = self.extract(text, **fields)
        problems = [f"{p.plugin}: {p.message}" for p in extraction.problems]
        assert not problems, f"plugins failed: {problems}"
        return extraction.claims

    def store(self, db: sqlite_utils.Database, text: str, **fields: Any) -> ImportReport:
        """Import ``text`` into ``db`` as ``claimtrack import`` would: stored
        atomically, ``claims_stored`` listeners told."""
        from claimtrack.importing import import_documents
        from claimtrack.model import Document

        fields.setdefault("source", "<test>")
        return import_documents(db, [(None, Document(text=text, **fields))])

    def cli(self, *args: str, input: str | None = None) -> Result:
        """Run ``claimtrack ARGS`` in-process with these plugins; exceptions
        propagate so a failing test shows the traceback."""
        from click.testing import CliRunner

        from claimtrack.cli import cli

        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def claimtrack_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Isolate claimtrack from the shell's settings; plugins load afresh."""
    from claimtrack import plugins

    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    plugins.reset()
    yield
    plugins.reset()


@pytest.fixture
def claimtrack_store(tmp_path: Path, claimtrack_env: None) -> Iterator[sqlite_utils.Database]:
    """An empty claim store (``claims.db`` in the test's temporary folder),
    migrated to the current schema."""
    from claimtrack.store import open_store

    db = open_store(tmp_path / "claims.db")
    yield db
    db.close()


@pytest.fixture
def claimtrack_pipeline(monkeypatch: pytest.MonkeyPatch, claimtrack_env: None):
    """A function: ``claimtrack_pipeline(*plugins) -> Pipeline`` with only the
    core plugins and ``plugins`` loaded, for the rest of the test (calling it
    again replaces them). Everything that goes through claimtrack's plugin
    manager in the test, the CLI included, sees exactly those plugins."""
    from claimtrack import plugins

    def load(*chosen: str | ModuleType | object) -> Pipeline:
        pm = load_only(*chosen)
        # The process-wide manager is private to claimtrack.plugins; this
        # module is part of claimtrack, and monkeypatch puts it back.
        monkeypatch.setattr(plugins, "_pm", pm)
        return Pipeline(pm)

    return load
