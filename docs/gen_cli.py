"""Write docs/cli.md from the commands' own --help: ``python docs/gen_cli.py``.

tests/test_docs.py fails when docs/cli.md differs from what this prints, so
the reference can never drift from the code.
"""

from __future__ import annotations

import sys
from pathlib import Path

from click.testing import CliRunner

from claimtrack.cli import cli

HEADER = """# Command-line reference

Generated from each command's `--help` by `docs/gen_cli.py`; a test keeps it
in sync. Every command reads the store named by `--db` (default `claims.db`,
or the `CLAIMTRACK_DB` environment variable).
"""


def render() -> str:
    runner = CliRunner()
    parts = [
        HEADER,
        "## claimtrack\n",
        "```",
        runner.invoke(cli, ["--help"], terminal_width=80, prog_name="claimtrack").output.rstrip(),
        "```\n",
    ]
    ctx = cli.make_context("claimtrack", ["--help"], resilient_parsing=True)
    for name in cli.list_commands(ctx):
        help_text = runner.invoke(
            cli, [name, "--help"], terminal_width=80, prog_name="claimtrack"
        ).output.rstrip()
        parts += [f"## claimtrack {name}\n", "```", help_text, "```\n"]
    return "\n".join(parts)


if __name__ == "__main__":
    target = Path(__file__).with_name("cli.md")
    target.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {target}\n")
