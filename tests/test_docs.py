"""The docs say what the code does: the site builds, every page is in its
navigation, the CLI reference is generated from --help, the quickstart's and
tutorial's output is what the commands print, every table and column and
every hook is documented, and every command has help text."""

from __future__ import annotations

import doctest
import importlib.util
import inspect
import re
import subprocess
import sys
import types
from pathlib import Path

import click
import pytest
import yaml

from claimtrack import hookspecs
from claimtrack.plugins import DEFAULT_PLUGINS, get_plugin_manager, new_plugin_manager
from claimtrack.store import open_store

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
#: Pages whose terminal sessions are run and compared (docs/sessions.py).
SESSION_PAGES = ["quickstart.md", "tutorial.md", "testing.md"]
HOOK_NAMES = sorted(
    name
    for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
    if hasattr(function, "claimtrack_spec")
)


def load_docs_module(name: str) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, DOCS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def sections(page: str, level: str = "## ") -> dict[str, str]:
    """Heading text -> the section's body, for one heading level."""
    text = (DOCS / page).read_text(encoding="utf-8")
    parts = re.split(rf"^{re.escape(level)}(.+)$", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


# --- the site ---------------------------------------------------------------


def nav_pages(nav: list) -> list[str]:
    pages = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        pages += nav_pages(value) if isinstance(value, list) else [value]
    return pages


def test_every_page_is_in_the_nav():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    listed = nav_pages(config["nav"])
    pages = sorted(str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md"))
    missing = [p for p in pages if p not in listed]
    assert not missing, f"pages missing from mkdocs.yml nav: {missing}"
    assert len(listed) == len(set(listed)), "a page is listed twice in the nav"


def test_site_builds_strict(tmp_path):
    """mkdocs build --strict: no broken link, no missing page, no warning."""
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    result = subprocess.run(
        [*build, "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "quickstart" / "index.html").exists()
    # offline: the theme's web fonts are off
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in index


# --- pages checked against the code -----------------------------------------


@pytest.mark.parametrize("page", SESSION_PAGES)
def test_terminal_sessions_print_what_the_page_shows(page, tmp_path):
    sessions = load_docs_module("sessions")
    blocks = sessions.run_page(DOCS / page, tmp_path)
    assert blocks, f"{page} has no console session"
    problems = sessions.stale(blocks)
    assert not problems, (
        f"docs/{page} is stale (python docs/sessions.py --update docs/{page}):\n\n" + "\n\n".join(problems)
    )


def test_session_output_matching():
    matches = load_docs_module("sessions").output_matches
    assert matches(["a", "b"], ["a", "b"])
    assert not matches(["a", "b"], ["a", "c"])
    assert not matches(["a"], ["a", "b"])
    assert matches(["a", "...", "z"], ["a", "b", "c", "z"])
    assert matches(["a", "...", "z"], ["a", "z"])
    assert not matches(["a", "...", "z"], ["a", "b"])
    assert matches(["4 passed in ..."], ["4 passed in 0.31s"])
    assert not matches(["4 passed in ..."], ["3 passed in 0.31s"])
    assert matches(["...", "m", "..."], ["x", "m", "y"])
    assert not matches(["...", "m", "..."], ["x", "y"])


def test_quickstart_python_session():
    failures, tried = doctest.testfile(
        str(DOCS / "quickstart.md"), module_relative=False, optionflags=doctest.ELLIPSIS
    )
    assert tried > 3 and failures == 0


def test_data_model_documents_every_table_and_column(tmp_path):
    """Every table and column of a new store has a row in docs/data-model.md
    under its table's heading, and every documented column exists."""
    db = open_store(tmp_path / "claims.db")
    documented = sections("data-model.md")
    problems = []
    for table in db.table_names():
        if table.startswith("claims_fts_"):  # FTS5's shadow tables
            continue
        if table not in documented:
            problems.append(f"table {table} has no section")
            continue
        rows = re.findall(r"^\| ([^|]+?) \|", documented[table], flags=re.M)
        names = {name.strip() for row in rows for name in row.split(",")} - {"column", "---"}
        actual = {column.name for column in db[table].columns}
        problems += [f"{table}.{c} is not documented" for c in sorted(actual - names)]
        problems += [f"{table}.{c} is documented but does not exist" for c in sorted(names - actual)]
    db.close()
    assert not problems, problems


# --- the CLI reference ------------------------------------------------------


def test_cli_reference_is_up_to_date():
    expected = load_docs_module("gen_cli").render()
    actual = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is stale: run python docs/gen_cli.py"


def test_every_command_has_help_and_is_documented():
    reference = (DOCS / "cli.md").read_text(encoding="utf-8")
    commands = load_docs_module("gen_cli").commands()
    assert {"import", "extract", "plugin", "plugin new"} <= {words for words, _ in commands}
    for words, command in commands:
        assert command.help and len(command.help) > 20, f"claimtrack {words} has no help text"
        assert f"## claimtrack {words}\n" in reference, f"claimtrack {words} is not in docs/cli.md"
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert param.help, f"claimtrack {words} {param.opts} has no help"


# --- the hook reference -----------------------------------------------------


def hook_sections() -> dict[str, tuple[str, str]]:
    """Hook name -> (its heading's argument list, its section)."""
    found = {}
    for heading, body in sections("hooks.md").items():
        match = re.fullmatch(r"(\w+)\(([\w, ]*)\)", heading)
        if match:
            found[match.group(1)] = (match.group(2), body)
    return found


def field(body: str, label: str) -> str:
    match = re.search(rf"^- \*\*{label}\*\*: (.+?)(?=^- \*\*|^```|\Z)", body, flags=re.M | re.S)
    assert match, f"no '{label}' line"
    return match.group(1)


def test_hook_reference_covers_exactly_the_hookspecs():
    documented = hook_sections()
    assert sorted(documented) == HOOK_NAMES, "docs/hooks.md and claimtrack/hookspecs.py disagree"


@pytest.mark.parametrize("hook", HOOK_NAMES)
def test_hook_reference_entry(hook):
    """Signature, when called, return, firstresult, default implementers and
    a working example, each checked against the code."""
    documented = hook_sections()
    assert hook in documented, f"docs/hooks.md has no '## {hook}(...)' section"
    arguments, body = documented[hook]
    caller = getattr(get_plugin_manager().hook, hook)
    assert arguments == ", ".join(caller.spec.argnames), f"{hook}: signature differs from the hookspec"
    assert field(body, "Called").strip() and field(body, "Returns").strip()

    firstresult = field(body, "firstresult")
    expected = "yes" if caller.spec.opts.get("firstresult") else "no"
    assert firstresult.startswith(expected), f"{hook}: firstresult should say {expected}"

    defaults = field(body, "Default implementation")
    named = {name for name in re.findall(r"`([\w.]+)`", defaults) if name in DEFAULT_PLUGINS}
    actual = {impl.plugin_name for impl in caller.get_hookimpls() if impl.plugin_name in DEFAULT_PLUGINS}
    assert named == actual, f"{hook}: documented default implementations {named}, actual {actual}"
    if not actual:
        assert defaults.strip().startswith("none"), f"{hook}: say 'none' when nothing implements it"

    examples = re.findall(r"^```python\n(.*?)^```", body, flags=re.M | re.S)
    assert examples, f"{hook}: no example"
    module = types.ModuleType(f"example_{hook}")
    exec(compile(examples[0], f"docs/hooks.md ({hook} example)", "exec"), module.__dict__)
    pm = new_plugin_manager()
    pm.register(module, name=module.__name__)
    pm.check_pending()  # every function it implements is a real hook with real arguments
    implemented = [c.name for c in pm.get_hookcallers(module) or []]
    assert implemented == [hook], f"{hook}: the example implements {implemented}"
