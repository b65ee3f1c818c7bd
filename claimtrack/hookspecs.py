"""Every hook a claimtrack plugin can implement.

This module is the contract between claimtrack and its plugins. Hooks are only
ever extended (a new hook, a new optional argument a plugin may ignore), never
changed or removed, so a plugin written today keeps working. A plugin
implements a hook by defining a function with the hook's name (and any subset
of its arguments) decorated with :data:`claimtrack.hookimpl`.

``docs/hooks.md`` documents each hook with an example; a test fails when a hook
here is missing from it or has no test.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    import click
    import sqlite_utils

    from claimtrack.model import Claim, DateMention, Document, Figure

hookspec = pluggy.HookspecMarker("claimtrack")
hookimpl = pluggy.HookimplMarker("claimtrack")


@hookspec
def extract_claims(document: Document) -> list[Claim] | None:
    """Find the claims in ``document``.

    Return a list of :class:`claimtrack.Claim` (or None). Each claim's
    ``text`` must equal ``document.text[claim.start:claim.end]``.

    The core calls each plugin's implementation on its own: every claim
    records which plugin found it, and a plugin that raises or returns
    malformed claims is reported by name while the other plugins' claims are
    still stored. Leave ``figures``/``dates`` as None to have them filled in
    through :func:`extract_figures` and :func:`extract_dates`.

    An implementation should check ``document.language`` and return None for
    languages it does not handle. It must never raise on any text, and must run
    in time linear in the length of the text.
    """


@hookspec
def extract_figures(text: str, language: str | None) -> list[Figure] | None:
    """Find the figures (numbers with units) in ``text``.

    Return :class:`claimtrack.Figure` objects with spans relative to ``text``.
    All implementations are called; where their figures overlap the core keeps
    the longest. Call :func:`claimtrack.find_figures` rather than this hook
    directly.
    """


@hookspec
def extract_dates(text: str, language: str | None, reference: str | None) -> list[DateMention] | None:
    """Find the dates ``text`` refers to, resolved against ``reference`` (the
    publication date, ISO 8601, or None when unknown).

    Return :class:`claimtrack.DateMention` objects with spans relative to
    ``text``. All implementations are called; overlapping mentions are merged
    keeping the longest. Call :func:`claimtrack.find_dates` rather than this
    hook directly.
    """


@hookspec(firstresult=True)
def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of ``text``'s language ("ar", "en"), or None.

    firstresult: the first plugin that answers wins. The core's default
    (registered last) decides by script.
    """


@hookspec(firstresult=True)
def normalize_text(text: str, language: str | None) -> str | None:
    """Return the form of ``text`` used for search and linking, or None to
    leave it to the next plugin.

    firstresult: the first plugin that answers wins. The core's default
    (:func:`claimtrack.normalize.normalize`) folds Arabic letter variants,
    diacritics, digit scripts, case and punctuation. Stored normalized text and
    search queries both go through this hook, so they always agree.
    """


@hookspec
def enrich_document(document: Document) -> dict[str, Any] | None:
    """Return metadata found in the document's own text, such as the outlet
    from a closing source line ("المصدر: سبوتنيك"), as a dict of
    :class:`claimtrack.Document` field names to values.

    Called before extraction. Values only fill fields that are still empty:
    what the user or the importer gave always wins.
    """


@hookspec
def register_importers(register: Callable[[Any], None]) -> None:
    """Register importers by calling ``register(importer)``.

    An importer is a :class:`claimtrack.Importer`: a ``name`` (what
    ``import --format NAME`` selects), the file ``suffixes`` it recognizes, and
    ``read(source)`` yielding :class:`claimtrack.Document` objects or
    :class:`claimtrack.ImportProblem` objects for entries it could not read.
    """


@hookspec
def register_exporters(register: Callable[[Any], None]) -> None:
    """Register export formats by calling ``register(exporter)`` with a
    :class:`claimtrack.Exporter`: a ``name`` (what ``claimtrack export
    --format NAME`` selects) and ``write(db, stream)``, which writes the
    store's content to the binary ``stream``.
    """


@hookspec
def register_rating_labels(register: Callable[[str, str], None]) -> None:
    """Teach claimtrack a fact-checker's rating labels by calling
    ``register(label, scale)``, where ``scale`` is one of
    :data:`claimtrack.ratings.SCALE` ("true", "mostly true", "mixture",
    "mostly false", "false", "other"). Labels are matched normalized (case,
    diacritics and punctuation ignored); a plugin's mapping overrides the
    built-in table.
    """


@hookspec
def register_linkers(register: Callable[[Any], None]) -> None:
    """Register ways of linking claims by calling ``register(linker)`` with a
    :class:`claimtrack.Linker`: a ``name`` (what ``claimtrack link --linker
    NAME`` selects) and ``link(claims, threshold, new)``, which compares
    :class:`claimtrack.LinkClaim` objects in batches (never one call per pair)
    and returns ``(links, comparisons)``.
    """


@hookspec
def register_embedders(register: Callable[[Any], None]) -> None:
    """Register ways of turning claims into vectors by calling
    ``register(embedder)`` with a :class:`claimtrack.Embedder`: a ``name``
    (what ``claimtrack link --semantic --embedder NAME`` selects),
    ``embed(texts)``, which returns one vector per text, and ``same_claim``,
    the cosine from which two claims may state the same thing. ``claimtrack
    link --semantic`` pairs the claims of one language that are close in
    meaning and lets the linker judge them (:mod:`claimtrack.semantic`).
    """


@hookspec
def register_commands(cli: click.Group) -> None:
    """Add commands to the ``claimtrack`` CLI: decorate functions with
    ``@cli.command()``."""


@hookspec
def claims_stored(db: sqlite_utils.Database, document: Document, claims: list[Claim]) -> None:
    """Called after a document and its claims have been committed to ``db``.

    An event: the return value is ignored, and an exception is reported
    without undoing the import.
    """
