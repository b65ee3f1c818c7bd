"""Figures: numbers with their units in Arabic and English text.

The default ``extract_figures`` plugin. It finds "2500 شخص", "ساعتين إلى ثلاث
ساعات", "more than $8 million", "عشرات القتلى" and reports each as a
:class:`claimtrack.Figure` (see ``docs/figures.md``). It also adds the command
``claimtrack figures TEXT`` to try the grammar on a sentence.

Like a third-party plugin, it uses only the public ``claimtrack`` API.
"""

from __future__ import annotations

import json
import sys

import click

import claimtrack
from claimtrack import Figure, hookimpl

from .grammar import find_figures

#: Languages this grammar reads; for others the hook returns None.
LANGUAGES = ("ar", "en")

__all__ = ["LANGUAGES", "extract_figures", "find_figures", "format_figure", "register_commands"]


def _handles(language: str | None) -> bool:
    if not language:
        return True
    return language.replace("_", "-").split("-")[0].lower() in LANGUAGES


@hookimpl
def extract_figures(text: str, language: str | None) -> list[Figure] | None:
    """Figures in Arabic or English ``text``. With ``language`` None the
    grammar reads both: Arabic and English words are told apart by script."""
    if not _handles(language):
        return None
    return find_figures(text, language)


def format_figure(figure: Figure) -> str:
    """One readable line: ``2500 person "2500 شخص" [1234-1242]``."""
    value = _plain(figure.value)
    if figure.value_max is not None:
        value += "–" + _plain(figure.value_max)
    parts = [value]
    if figure.unit:
        parts.append(figure.unit)
    if figure.counted:
        parts.append(figure.counted)
    if figure.qualifier:
        parts.append(f"({figure.qualifier})")
    parts.append(f"«{figure.raw}»")
    parts.append(f"[{figure.start}-{figure.end}]")
    return " ".join(parts)


def _plain(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


@hookimpl
def register_commands(cli: click.Group) -> None:
    @cli.command(name="figures")
    @click.argument("text", required=False)
    @click.option(
        "--lang", "language", type=click.Choice(["ar", "en"]), default=None, help="The text's language."
    )
    @click.option("--json", "as_json", is_flag=True, help="Print a JSON list of figures.")
    def figures_command(text: str | None, language: str | None, as_json: bool) -> None:
        """Show the figures (numbers with units) found in TEXT, or in standard
        input when TEXT is "-" or left out.

        \b
        claimtrack figures "ستصل إلى 2500 شخص وقد يزداد"
        claimtrack figures --json "more than $8 million"
        """
        if text is None or text == "-":
            text = sys.stdin.read()
        found = claimtrack.find_figures(text, language)
        if as_json:
            click.echo(json.dumps([f.to_dict() for f in found], ensure_ascii=False, indent=2))
            return
        if not found:
            click.echo("no figures found")
            return
        for figure in found:
            click.echo(format_figure(figure))
