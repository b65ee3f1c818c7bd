"""From a document to its claims: enrich, detect the language, run every
extractor one plugin at a time, then fill in figures and dates.

These functions are the public way to use the hooks; plugins call
:func:`find_figures`, :func:`find_dates` and :func:`normalize_text` rather
than the raw hooks, so overlapping results are merged the same way
everywhere.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from claimtrack.guard import (
    PluginTimeout,
    call_extractor,
    call_plugin,
    claim_problem,
    plugin_timeout,
    time_limit,
)
from claimtrack.model import Claim, DateMention, Document, Figure
from claimtrack.plugins import get_plugin_manager, hook_implementations

Span = TypeVar("Span", Figure, DateMention)
_DOCUMENT_FIELDS = {f.name for f in dataclasses.fields(Document)} - {"text", "claims", "key"}


def keep_longest(spans: Sequence[Span]) -> list[Span]:
    """Drop spans that overlap a longer one (the earlier wins a tie); the
    rest in text order. O(n log n)."""
    kept_starts: list[int] = []
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        i = bisect.bisect_left(kept_starts, span.start)
        if i > 0 and kept[i - 1].end > span.start:
            continue
        if i < len(kept) and kept[i].start < span.end:
            continue
        kept_starts.insert(i, span.start)
        kept.insert(i, span)
    return kept


def find_figures(text: str, language: str | None = None) -> list[Figure]:
    """The figures in ``text`` from every ``extract_figures`` plugin, without
    overlaps, in text order."""
    results = get_plugin_manager().hook.extract_figures(text=text, language=language)
    return keep_longest([f for found in results if found for f in found])


def find_dates(text: str, language: str | None = None, reference: str | None = None) -> list[DateMention]:
    """The dates ``text`` refers to, resolved against ``reference`` (an ISO
    date), from every ``extract_dates`` plugin, without overlaps."""
    results = get_plugin_manager().hook.extract_dates(text=text, language=language, reference=reference)
    return keep_longest([d for found in results if found for d in found])


def normalize_text(text: str, language: str | None = None) -> str:
    """The search and linking form of ``text`` (``normalize_text`` hook).

    With only the core's implementation registered it is called directly:
    the store normalizes every claim, and a hook call (about 4 µs) costs
    nearly as much as normalizing one (about 6 µs). Any plugin implementing the hook
    (or wrapping it) goes through pluggy as usual."""
    caller = get_plugin_manager().hook.normalize_text
    impls = caller.get_hookimpls()
    if len(impls) == 1 and not impls[0].hookwrapper and not impls[0].wrapper:
        return impls[0].function(text=text, language=language)
    return caller(text=text, language=language)


def detect_language(text: str) -> str | None:
    """The language of ``text`` (``detect_language`` hook), or None."""
    return get_plugin_manager().hook.detect_language(text=text)


@dataclass
class PluginProblem:
    """A plugin failed on a document: it raised, or returned something that is
    not a valid claim. The document is still stored with the other plugins'
    claims."""

    plugin: str
    message: str


@dataclass
class Extraction:
    document: Document
    claims: list[Claim] = field(default_factory=list)
    problems: list[PluginProblem] = field(default_factory=list)


def enrich(document: Document, problems: list[PluginProblem] | None = None) -> Document:
    """Fill empty document fields from ``enrich_document`` plugins, then
    the language (``detect_language``). Each plugin runs on its own
    (guard.py): one that raises, overruns or returns something other than
    a dict is skipped and added to ``problems``."""
    for name, impl in hook_implementations("enrich_document"):
        found, failure = call_plugin(impl.function, document=document)
        if failure is None and found is not None and not isinstance(found, dict):
            failure = f"returned {type(found).__name__}, not a dict"
        if failure:
            if problems is not None:
                problems.append(PluginProblem(name, failure))
            continue
        for key, value in (found or {}).items():
            if key in _DOCUMENT_FIELDS and value and not getattr(document, key):
                setattr(document, key, value)
    if not document.language:
        for name, impl in hook_implementations("detect_language"):  # firstresult, one at a time
            language, failure = call_plugin(impl.function, text=document.text)
            if failure and problems is not None:
                problems.append(PluginProblem(name, failure))
            if isinstance(language, str) and language:
                document.language = language
                break
    return document


def _fill_spans(claim: Claim, reference: str | None, problems: list[PluginProblem]) -> None:
    """Fill the figures and dates an extractor left as None from the
    ``extract_figures``/``extract_dates`` hooks, within the plugin time
    limit. Called only for claims that need it: arming the limit costs about
    10 µs, and the default extractors attach figures and dates themselves."""
    try:
        with time_limit(plugin_timeout()):
            if claim.figures is None:
                claim.figures = [f.shifted(claim.start) for f in find_figures(claim.text, claim.language)]
            if claim.dates is None:
                claim.dates = [
                    d.shifted(claim.start) for d in find_dates(claim.text, claim.language, reference)
                ]
    except (Exception, PluginTimeout) as exc:
        problems.append(PluginProblem("figures/dates", f"{type(exc).__name__}: {exc}"))
        claim.figures = claim.figures or []
        claim.dates = claim.dates or []


def extract(document: Document) -> Extraction:
    """Run every extractor on ``document`` (enriched first) and return the
    claims with figures and dates filled in, plus what went wrong, by plugin."""
    problems: list[PluginProblem] = []
    enrich(document, problems)
    result = Extraction(document, problems=problems)
    doc_id = document.id
    published = document.published_date
    seen: set[str] = set()
    if document.claims is not None:
        # A claim list: the importer already says what the claims are.
        sources = [(document.importer or "import", lambda document: document.claims)]
    else:
        sources = [(name, impl.function) for name, impl in hook_implementations("extract_claims")]
    for name, function in sources:
        # A broken, hung or malformed plugin must not stop the others (guard.py).
        found, failure = call_extractor(function, document)
        if failure:
            result.problems.append(PluginProblem(name, failure))
            continue
        speakers_ok: set[int] = set()  # ids of this plugin's speakers checked (found is kept alive)
        for claim in found:
            reason = claim_problem(claim, document, speakers_ok)
            if reason:
                result.problems.append(PluginProblem(name, reason))
                continue
            claim.extractor = name
            claim.document_id = doc_id
            claim.language = claim.language or document.language
            if claim.said_on is None and published:
                claim.said_on = published.isoformat()
            if claim.figures is None or claim.dates is None:
                _fill_spans(claim, document.published, result.problems)
            if claim.id not in seen:
                seen.add(claim.id)
                result.claims.append(claim)
    result.claims.sort(key=lambda c: (c.start, c.end))
    return result
