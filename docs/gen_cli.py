"""Write docs/cli.md from the commands' own --help: ``python docs/gen_cli.py``.

tests/test_docs.py fails when docs/cli.md differs from what this prints, so
the reference can never drift from the code.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.testing import CliRunner

from claimtrack.cli import cli

HEADER = """# Command-line reference

Generated from each command's `--help` by `docs/gen_cli.py`; a test keeps it
in sync. Every command reads the store named by `--db` (default `claims.db`,
or the `CLAIMTRACK_DB` environment variable).
"""


def commands() -> list[tuple[str, click.Command]]:
    """Every command as (its words after "claimtrack", the command), groups
    followed by their subcommands, in the order --help lists them."""
    found: list[tuple[str, click.Command]] = []

    def walk(group: click.Group, prefix: str) -> None:
        ctx = click.Context(group, info_name="claimtrack", resilient_parsing=True)
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            found.append((f"{prefix}{name}", command))
            if isinstance(command, click.Group):
                walk(command, f"{prefix}{name} ")

    walk(cli, "")
    return found


def render() -> str:
    runner = CliRunner()
    parts = [
        HEADER,
        "## claimtrack\n",
        "```",
        runner.invoke(cli, ["--help"], terminal_width=80, prog_name="claimtrack").output.rstrip(),
        "```\n",
    ]
    for words, _command in commands():
        help_text = runner.invoke(
            cli, [*words.split(), "--help"], terminal_width=80, prog_name="claimtrack"
        ).output.rstrip()
        parts += [f"## claimtrack {words}\n", "```", help_text, "```\n"]
    return "\n".join(parts)


if __name__ == "__main__":
    target = Path(__file__).with_name("cli.md")
    target.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {target}\n")
