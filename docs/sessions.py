"""Run the terminal sessions in documentation pages and check (or update)
their pasted output: ``python docs/sessions.py [--update] docs/quickstart.md``.

A page is run from top to bottom in a fresh folder that links to the
repository's ``datasets/``:

* a fenced block with a ``title="PATH"`` (```` ```python title="x/y.py" ````)
  is written to PATH, so a tutorial's files exist when its commands run;
* in a ```` ```console ```` block, each ``$ COMMAND`` line is run with bash
  (``claimtrack`` and ``python`` are this environment's) and the lines after
  it, up to the next ``$``, are its expected output, stdout and stderr
  together. A line ``...`` stands for any number of lines, and ``...`` inside
  a line for any text (a timing, a path);
* other blocks (```` ```shell ```` for commands shown but not run) are left
  alone.

tests/test_docs.py runs the pages so the output shown can never drift from
what claimtrack prints; ``--update`` rewrites the outputs in place (keeping a
block's ``...`` head/tail shape where it has one) after a deliberate change.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FENCE = re.compile(r"^```(\w*)([^\n]*)\n(.*?)^```$", re.M | re.S)
TITLE = re.compile(r'title="([^"]+)"')
ELLIPSIS = "..."
TIMEOUT_S = 120


@dataclass
class Command:
    """One ``$`` line of a console block and the output shown under it."""

    command: str
    expected: list[str]
    actual: list[str] = field(default_factory=list)

    def matches(self) -> bool:
        return output_matches(self.expected, self.actual)


def _line_matches(expected: str, actual: str) -> bool:
    if ELLIPSIS not in expected:
        return expected == actual
    pattern = ".*".join(re.escape(part) for part in expected.split(ELLIPSIS))
    return re.fullmatch(pattern, actual) is not None


def output_matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` is what ``expected`` shows, ``...`` lines standing
    for any lines (a linear scan per segment)."""
    segments: list[list[str]] = [[]]
    for line in expected:
        if line == ELLIPSIS:
            segments.append([])
        else:
            segments[-1].append(line)
    if len(segments) == 1:
        return len(expected) == len(actual) and all(map(_line_matches, expected, actual))
    head, *middle, tail = segments
    if len(head) + len(tail) > len(actual):
        return False
    if not all(map(_line_matches, head, actual[: len(head)])):
        return False
    if tail and not all(map(_line_matches, tail, actual[len(actual) - len(tail) :])):
        return False
    position, end = len(head), len(actual) - len(tail)
    for segment in middle:
        while position + len(segment) <= end and not all(
            map(_line_matches, segment, actual[position : position + len(segment)])
        ):
            position += 1
        if position + len(segment) > end:
            return False
        position += len(segment)
    return True


def parse_console(body: str) -> list[Command]:
    commands: list[Command] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            commands.append(Command(line[2:], []))
        elif commands:
            commands[-1].expected.append(line.rstrip())
    return commands


def environment() -> dict[str, str]:
    """This Python's scripts first on PATH, no claimtrack settings from the
    caller, unbuffered so stdout and stderr interleave as on a terminal."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMTRACK_")}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONUNBUFFERED"] = "1"
    env["COLUMNS"] = "80"
    env.pop("PYTEST_ADDOPTS", None)
    return env


def run_command(command: str, cwd: Path) -> list[str]:
    result = subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=TIMEOUT_S,
    )
    output = result.stdout.decode("utf-8", errors="replace")
    return [line.rstrip() for line in output.rstrip("\n").splitlines()]


def run_page(page: Path, workdir: Path) -> list[tuple[re.Match[str], list[Command]]]:
    """Run ``page`` in ``workdir``: every console block with its commands'
    actual output filled in."""
    link = workdir / "datasets"
    if not link.exists():
        link.symlink_to(ROOT / "datasets")
    blocks = []
    for block in FENCE.finditer(page.read_text(encoding="utf-8")):
        language, info, body = block.group(1), block.group(2), block.group(3)
        title = TITLE.search(info)
        if title:
            path = workdir / title.group(1)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
        elif language == "console":
            commands = parse_console(body)
            for command in commands:
                command.actual = run_command(command.command, workdir)
            blocks.append((block, commands))
    return blocks


def stale(blocks: list[tuple[re.Match[str], list[Command]]]) -> list[str]:
    """A readable report of every command whose output differs."""
    report = []
    for _block, commands in blocks:
        for command in commands:
            if not command.matches():
                shown = "\n".join(command.expected)
                actual = "\n".join(command.actual)
                report.append(f"$ {command.command}\n--- shown:\n{shown}\n--- printed:\n{actual}")
    return report


def _updated(command: Command) -> list[str]:
    if command.matches():
        return command.expected
    if command.expected.count(ELLIPSIS) == 1:
        cut = command.expected.index(ELLIPSIS)
        head, tail = cut, len(command.expected) - cut - 1
        if head + tail < len(command.actual):
            kept_tail = command.actual[len(command.actual) - tail :] if tail else []
            return [*command.actual[:head], ELLIPSIS, *kept_tail]
    return command.actual


def update(page: Path, blocks: list[tuple[re.Match[str], list[Command]]]) -> None:
    text = page.read_text(encoding="utf-8")
    for block, commands in reversed(blocks):
        lines = []
        for command in commands:
            lines += [f"$ {command.command}", *_updated(command)]
        body = "\n".join(lines) + "\n"
        start, end = block.span(3)
        text = text[:start] + body + text[end:]
    page.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    write = "--update" in argv
    pages = [Path(arg) for arg in argv if arg != "--update"]
    failed = 0
    for page in pages:
        with tempfile.TemporaryDirectory() as workdir:
            blocks = run_page(page, Path(workdir))
        problems = stale(blocks)
        if write and problems:
            update(page, blocks)
            print(f"updated {page} ({len(problems)} outputs)")
        elif problems:
            failed += 1
            print(f"{page}: output differs:\n" + "\n\n".join(problems))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
