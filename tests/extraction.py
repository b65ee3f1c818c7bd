"""Helpers shared by the extractor tests: run the whole pipeline on a text
and check every claim's span selects its text."""

from __future__ import annotations

from claimtrack import Claim, Document, extract


def claims_in(text: str, language: str, published: str | None = None) -> list[Claim]:
    extraction = extract(Document(text=text, language=language, published=published))
    assert extraction.problems == []
    for claim in extraction.claims:
        assert text[claim.start : claim.end] == claim.text
    return extraction.claims


def summarize(claims: list[Claim]) -> list[tuple]:
    """(kind, speaker name, text) of each claim."""
    return [(c.kind, c.speaker.name if c.speaker else None, c.text) for c in claims]
