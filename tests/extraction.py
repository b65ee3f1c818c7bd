"""Helpers shared by the extractor and figure tests: run the pipeline (or
the figure grammar) on a text and check every span selects its text."""

from __future__ import annotations

import pytest

from claimtrack import Claim, Document, Figure, extract, find_figures


def claims_in(text: str, language: str, published: str | None = None) -> list[Claim]:
    extraction = extract(Document(text=text, language=language, published=published))
    assert extraction.problems == []
    for claim in extraction.claims:
        assert text[claim.start : claim.end] == claim.text
    return extraction.claims


def summarize(claims: list[Claim]) -> list[tuple]:
    """(kind, speaker name, text) of each claim."""
    return [(c.kind, c.speaker.name if c.speaker else None, c.text) for c in claims]


def figures_in(text: str, language: str | None) -> list[Figure]:
    found = find_figures(text, language)
    for figure in found:
        assert text[figure.start : figure.end] == figure.raw
    return found


def only_figure(text: str, language: str | None) -> Figure:
    found = figures_in(text, language)
    assert len(found) == 1, [f.raw for f in found]
    return found[0]


def check_figure(text: str, expected: dict, language: str | None) -> None:
    """The one figure in ``text`` has the ``expected`` fields."""
    figure = only_figure(text, language)
    actual = {key: getattr(figure, key) for key in expected}
    assert actual == expected, figure


def cases(*rows: tuple) -> list:
    """(text, expected) rows as pytest params named by their text."""
    return [pytest.param(text, expected, id=text) for text, expected in rows]
