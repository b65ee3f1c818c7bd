"""``claimtrack plugin new NAME``: a ready plugin package in a new folder.

The files come from ``claimtrack/plugin_template/`` (shipped in the wheel):
each ``*.tmpl`` file is filled in with :class:`string.Template` (``${name}``,
``${module}``, ``${distribution}``, ``${claimtrack_version}``) and written
without its suffix; a path part ``__module__`` becomes the module name. The
package is written to a temporary folder beside the target and renamed into
place, so a failure never leaves half a package behind.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template

import click

#: A plugin name: lowercase words joined by - or _ ("quotes", "le-monde").
NAME = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*")
PREFIX = "claimtrack-"


class TemplateError(Exception):
    """The plugin cannot be created as asked (bad name, folder in use)."""


@dataclass(frozen=True)
class PluginNames:
    """The names a plugin goes by, all derived from the one the user gave."""

    name: str  # entry-point name: what `claimtrack plugins` lists
    module: str  # the importable package
    distribution: str  # what pip installs

    @classmethod
    def parse(cls, raw: str) -> PluginNames:
        """Names for ``raw``; a leading ``claimtrack-`` is dropped, so
        ``claimtrack-quotes`` and ``quotes`` give the same package."""
        name = raw.strip().lower()
        for prefix in (PREFIX, PREFIX.replace("-", "_")):
            name = name.removeprefix(prefix)
        if not NAME.fullmatch(name):
            raise TemplateError(
                f"invalid plugin name {raw!r}: use lowercase letters, digits, - or _, starting with a letter"
            )
        return cls(name=name, module="claimtrack_" + name.replace("-", "_"), distribution=PREFIX + name)


def _version() -> str:
    from claimtrack import __version__

    return __version__


def render(names: PluginNames) -> dict[str, str]:
    """Every file of the package: relative path -> text."""
    values = {
        "name": names.name,
        "module": names.module,
        "distribution": names.distribution,
        "claimtrack_version": _version(),
    }
    files: dict[str, str] = {}
    root = resources.files("claimtrack") / "plugin_template"

    def walk(node, parts: tuple[str, ...]) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.is_dir():
                if child.name != "__pycache__":
                    walk(child, (*parts, child.name))
            elif child.name.endswith(".tmpl"):
                path = "/".join((*parts, child.name.removesuffix(".tmpl")))
                path = path.replace("__module__", names.module)
                files[path] = Template(child.read_text(encoding="utf-8")).substitute(values)

    walk(root, ())
    return files


def new_plugin(raw_name: str, directory: str | os.PathLike[str] | None = None) -> tuple[PluginNames, Path]:
    """Write the package for ``raw_name`` into ``directory`` (default
    ``./claimtrack-NAME``), which must not exist or be empty."""
    names = PluginNames.parse(raw_name)
    target = Path(directory if directory is not None else names.distribution)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise TemplateError(f"{target}: already exists and is not an empty folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".claimtrack-plugin-", dir=target.parent))
    try:
        for relative, text in render(names).items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        if target.exists():
            target.rmdir()
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return names, target


@click.group()
def plugin() -> None:
    """Write your own plugin: claimtrack plugin new NAME makes a ready package."""


@plugin.command(name="new")
@click.argument("name")
@click.option(
    "--directory",
    type=click.Path(file_okay=False),
    help="Folder to create (must not exist or be empty); default: claimtrack-NAME.",
)
def new_command(name: str, directory: str | None) -> None:
    """Create a plugin package NAME in a new folder.

    The package has a pyproject.toml declaring the claimtrack entry point, an
    extractor (extract_claims) to adapt, a passing test that uses claimtrack's
    pytest fixtures, and a README. Install it with pip install -e FOLDER and
    claimtrack plugins lists it.
    """
    try:
        names, target = new_plugin(name, directory)
    except (TemplateError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Created plugin {names.name!r} (package {names.module}) in {target}")
    click.echo(f"Next: pip install -e {target} && pytest {target} && claimtrack plugins")
