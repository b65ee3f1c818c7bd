"""claimtrack: track claims in the news.

This module is the public API. Plugins (first-party ones included) import
from here and nowhere else in the package:

* hook markers: :data:`hookimpl` (and :data:`hookspec`);
* the model: :class:`Document`, :class:`Claim`, :class:`Speaker`,
  :class:`Figure`, :class:`DateMention`, :func:`stable_id`;
* resolving speakers within a document: :class:`SpeakerRef`,
  :class:`SpeakerRegistry`;
* importers: :class:`Importer`, :class:`Source`, :class:`ImportProblem`,
  :func:`get_importers`, :func:`read_bounded`;
* exporters: :class:`Exporter`, :func:`claim_records`, :func:`reviewed_items`,
  :class:`ReviewedItem`, :func:`appearances_of`;
* reviews: :class:`Review`, :class:`Appearance`, :func:`build_review`,
  :class:`ReviewError`, and the rating scale in :mod:`claimtrack.ratings`;
* helpers that go through the hooks: :func:`find_figures`, :func:`find_dates`,
  :func:`normalize_text`, :func:`detect_language`, :func:`extract`;
* text folding that keeps offsets, for extractors: :func:`fold_with_offsets`,
  :func:`original_offset`, :func:`fold_chars`, :func:`normalize` and
  :func:`fold_accents`; and
  :func:`word_start`, :func:`find_words` and :func:`word_trie` for looking
  for words quickly;
* linking: :class:`LinkClaim`, :class:`Link`, :class:`Linker`,
  :func:`link_claims`; by meaning: :class:`Embedder`, :func:`get_embedders`
  (:mod:`claimtrack.semantic`);
* the store: :func:`open_store`;
* date arithmetic for date plugins: :mod:`claimtrack.calendar`;
* :func:`collector_paused`, for work that keeps many objects alive while
  it allocates (see :mod:`claimtrack.collector`).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from claimtrack import calendar, ratings
from claimtrack.collector import collector_paused
from claimtrack.exporting import Exporter, ReviewedItem, appearances_of, claim_records, reviewed_items
from claimtrack.hookspecs import hookimpl, hookspec
from claimtrack.importing import Importer, ImportProblem, Source, get_importers, read_bounded
from claimtrack.linking import Link, LinkClaim, Linker, LinkResult, link_claims
from claimtrack.model import (
    CLAIM_KINDS,
    Appearance,
    Claim,
    DateMention,
    Document,
    Figure,
    Review,
    SortedSpans,
    Speaker,
    attribution_confidence,
    parse_iso_date,
    safe_url,
    stable_id,
    within,
)
from claimtrack.normalize import (
    find_words,
    fold_accents,
    fold_chars,
    fold_digits,
    fold_with_offsets,
    light_stem,
    normalize,
    original_offset,
    search_form,
    word_start,
    word_trie,
)
from claimtrack.pipeline import (
    Extraction,
    detect_language,
    extract,
    find_dates,
    find_figures,
    keep_longest,
    normalize_text,
)
from claimtrack.reviews import ReviewError, build_review
from claimtrack.semantic import Embedder, get_embedders
from claimtrack.speakers import SpeakerRef, SpeakerRegistry
from claimtrack.store import open_store

try:
    __version__ = version("claimtrack")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "CLAIM_KINDS",
    "Appearance",
    "Claim",
    "DateMention",
    "Document",
    "Embedder",
    "Exporter",
    "Extraction",
    "Figure",
    "ImportProblem",
    "Importer",
    "Link",
    "LinkClaim",
    "LinkResult",
    "Linker",
    "Review",
    "ReviewError",
    "ReviewedItem",
    "SortedSpans",
    "Source",
    "Speaker",
    "SpeakerRef",
    "SpeakerRegistry",
    "__version__",
    "appearances_of",
    "attribution_confidence",
    "build_review",
    "calendar",
    "claim_records",
    "collector_paused",
    "detect_language",
    "extract",
    "find_dates",
    "find_figures",
    "find_words",
    "fold_accents",
    "fold_chars",
    "fold_digits",
    "fold_with_offsets",
    "get_embedders",
    "get_importers",
    "hookimpl",
    "hookspec",
    "keep_longest",
    "light_stem",
    "link_claims",
    "normalize",
    "normalize_text",
    "open_store",
    "original_offset",
    "parse_iso_date",
    "ratings",
    "read_bounded",
    "reviewed_items",
    "safe_url",
    "search_form",
    "stable_id",
    "within",
    "word_start",
    "word_trie",
]
