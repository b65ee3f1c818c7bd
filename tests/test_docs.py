"""The docs say what the code does: the CLI reference is generated from
--help and every command has help text."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from claimtrack.cli import cli

DOCS = Path(__file__).resolve().parent.parent / "docs"


def load_generator():
    spec = importlib.util.spec_from_file_location("gen_cli", DOCS / "gen_cli.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_up_to_date():
    expected = load_generator().render()
    actual = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is stale: run python docs/gen_cli.py"


def test_every_command_has_help_and_is_documented():
    reference = (DOCS / "cli.md").read_text(encoding="utf-8")
    ctx = cli.make_context("claimtrack", ["--help"], resilient_parsing=True)
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        assert command.help and len(command.help) > 20, f"{name} has no help text"
        assert f"## claimtrack {name}\n" in reference
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.opts} has no help"
