"""The objects claimtrack passes between plugins and stores: documents, claims,
speakers, figures and date mentions.

Every claim and figure keeps character offsets into its document's text, so a
reader can always go back to the exact words it came from. Ids are derived from
content (never from insertion order), so importing the same article twice
yields the same rows.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any, TypeVar

SpanT = TypeVar("SpanT", "Figure", "DateMention")

#: The three ways a statement reaches the page.
CLAIM_KINDS = ("direct", "indirect", "reported")


def stable_id(*parts: object) -> str:
    """A short hex id that depends only on ``parts``: the same input always
    gives the same id, across runs and machines."""
    # Each part as an f-string would format it, each followed by \x1f.
    text = "\x1f".join(map(format, parts)) + "\x1f" if parts else ""
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).hexdigest()


#: How many leading characters of its parent's id a claim's id (and a
#: figure's or date's) starts with: see :func:`child_id`.
PARENT_PREFIX = 8
#: How many characters of its own hash follow them.
CHILD_SUFFIX = 12


def child_id(parent_id: str | None, *parts: object) -> str:
    """The id of a row that belongs to ``parent_id``: the parent's first
    :data:`PARENT_PREFIX` characters, then :data:`CHILD_SUFFIX` of
    ``stable_id(*parts)`` (20 hex digits; without a parent, the 16 of
    ``stable_id``).

    Why not a plain hash: the rows of one document then sit side by side in
    every index keyed by id, so a document's claims, figures and dates
    change a few index pages instead of one random page each. As a store
    grows, random pages are what made each imported article cost more (at
    20,000 articles, the store and commit stages took 0.09 ms less per
    article with these ids, bench/bench_import.py). The rows of one parent
    share its prefix, so they are told apart by the suffix alone: 48 bits,
    a clash among a parent's n rows about n²/2⁴⁹ (3 in a trillion for a
    document with 40 figures)."""
    if not parent_id:
        return stable_id(*parts)
    return parent_id[:PARENT_PREFIX] + stable_id(*parts)[:CHILD_SUFFIX]


@lru_cache(maxsize=1024, typed=True)
def _claim_id(document_id: str | None, start: int, end: int) -> str:
    """A claim's id (:func:`child_id` of its document), cached: the
    pipeline and the store ask for it several times per claim while the
    claims of one document pass through."""
    return child_id(document_id, "claim", document_id, start, end)


@lru_cache(maxsize=4096)
def _speaker_id(name: str) -> str:
    """A speaker's id, from the normalized name; cached, as a document names
    the same few people claim after claim."""
    from claimtrack.normalize import normalize

    return stable_id("speaker", normalize(name))


@dataclass(slots=True)
class Figure:
    """A number with its unit, as written in the text: "2,500 troops",
    "ساعتين إلى ثلاث ساعات", "more than $8 million".

    ``start``/``end`` are offsets into the text the figure was found in; the
    pipeline shifts them so that stored figures point into the document.
    """

    raw: str
    start: int
    end: int
    value: float | None
    value_max: float | None = None
    unit: str | None = None
    unit_raw: str | None = None
    qualifier: str | None = None
    counted: str | None = None

    def shifted(self, offset: int) -> Figure:
        """The same figure with its span moved by ``offset`` characters."""
        return Figure(**{**asdict(self), "start": self.start + offset, "end": self.end + offset})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DateMention:
    """A date the text refers to, resolved against the publication date:
    "يوم الجمعة" → 2022-01-07, "خلال اليومين الأخيرين" → 2022-01-04..2022-01-05.

    ``value`` is an ISO date (``YYYY-MM-DD``) or None when the text gives no
    anchor to resolve it; ``value_end`` closes a period; ``relation`` says how
    the statement relates to the date (``by``, ``before``, ``after``, ``since``)
    when the text says so.
    """

    raw: str
    start: int
    end: int
    value: str | None
    value_end: str | None = None
    relation: str | None = None

    def shifted(self, offset: int) -> DateMention:
        return DateMention(**{**asdict(self), "start": self.start + offset, "end": self.end + offset})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Speaker:
    """Who made a statement: a ``person``, an ``institution``, or an
    anonymous ``source`` ("مصادر دبلوماسية", "a security source").

    ``name`` is the fullest form found in the document ("ستانيسلاف زاس");
    ``aliases`` the other forms that pointed to it there ("زاس", "الأمين العام
    للمنظمة"). The id depends on the normalized name only, so the same person
    quoted by two outlets is one speaker.
    """

    name: str
    role: str | None = None
    organization: str | None = None
    kind: str = "person"
    aliases: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return _speaker_id(self.name)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, **asdict(self)}


@dataclass
class Document:
    """One article (or one imported claim list entry) and where it came from.

    ``published`` is an ISO 8601 date or datetime string. ``source`` says where
    the importer read it ("path/to/file.jsonl:12"), for error messages and
    provenance.
    """

    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    importer: str | None = None
    source: str | None = None
    #: What identifies the document when the URL alone does not (an
    #: imported claim list has many claims per article URL).
    key: str | None = None
    #: Claims given by the importer (a claim list): extractors are skipped.
    claims: list[Claim] | None = field(default=None, repr=False, compare=False)
    #: The text is an excerpt of the article (a feed entry's summary): it
    #: never replaces a longer text stored for the same article.
    summary: bool = False

    @property
    def id(self) -> str:
        """Stable: from ``key`` when set, else from the URL when there is one
        (a corrected article replaces the old version), else from the outlet
        and the text."""
        if self.key:
            return stable_id("key", self.key)
        if self.url:
            return stable_id("url", self.url.strip())
        return stable_id("text", self.outlet or "", self.text)

    @property
    def published_date(self) -> dt.date | None:
        """The publication date, the anchor for relative dates, or None."""
        return parse_iso_date(self.published)

    def to_dict(self) -> dict[str, Any]:
        data = {f: getattr(self, f) for f in ("text", "url", "outlet", "title", "published", "language")}
        return {"id": self.id, **data, "importer": self.importer, "source": self.source}


@dataclass
class Claim:
    """A statement found in a document.

    ``text`` is exactly ``document.text[start:end]``. ``kind`` is one of
    :data:`CLAIM_KINDS`. ``figures`` and ``dates`` left as None are filled in
    by the pipeline through the ``extract_figures`` and ``extract_dates``
    hooks; an extractor that sets them (even to ``[]``) keeps its own.
    ``extractor`` and ``document_id`` are set by the pipeline.
    """

    text: str
    start: int
    end: int
    kind: str = "reported"
    speaker: Speaker | None = None
    said_on: str | None = None
    language: str | None = None
    confidence: float = 1.0
    figures: list[Figure] | None = None
    dates: list[DateMention] | None = None
    recipient: str | None = None
    cue: str | None = None
    extractor: str | None = None
    document_id: str | None = None
    #: Where else the claim was seen (an imported ClaimReview's appearances).
    appearances: list[Appearance] | None = None
    #: Verdicts that came with the claim (an imported ClaimReview).
    reviews: list[Review] | None = None

    @property
    def id(self) -> str:
        return _claim_id(self.document_id, self.start, self.end)

    @classmethod
    def spanning(
        cls,
        text: str,
        start: int,
        end: int,
        figures: Iterable[Figure] = (),
        dates: Iterable[DateMention] = (),
        **fields: Any,
    ) -> Claim:
        """The claim at ``text[start:end]``, with those of a document's
        figures and dates that lie inside the span: how an extractor that
        found them once per document builds each claim."""
        return cls(
            text=text[start:end],
            start=start,
            end=end,
            figures=within(figures, start, end),
            dates=within(dates, start, end),
            **fields,
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["speaker"] = self.speaker.to_dict() if self.speaker else None
        return {"id": self.id, **data}


@dataclass
class Appearance:
    """A place a claim was published: an outlet's article, a post, a video.
    ``first`` marks the first appearance (ClaimReview's firstAppearance)."""

    url: str
    published: str | None = None
    outlet: str | None = None
    first: bool = False


@dataclass
class Review:
    """A fact-check verdict, in the ClaimReview vocabulary.

    ``rating`` is the label as the reviewer wrote it ("زائف", "Pants on
    Fire"); ``rating_normalized`` its place on claimtrack's scale (see
    :mod:`claimtrack.ratings`). ``scope`` is ``claim`` or ``cluster``: a
    cluster review judges every claim linked with the one it is stored on.
    ``rating_value``/``best_rating``/``worst_rating`` keep a numeric rating
    as published; ``claim_reviewed`` the claim in the reviewer's words when
    they differ from the claim's text.
    """

    rating: str
    rating_normalized: str
    scope: str = "claim"
    explanation: str | None = None
    url: str | None = None
    reviewer: str | None = None
    reviewer_url: str | None = None
    reviewed_on: str | None = None
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    headline: str | None = None
    language: str | None = None
    claim_reviewed: str | None = None

    def id_for(self, claim_id: str) -> str:
        """Stable: one verdict per claim, scope, reviewer and review URL, so
        importing the same review again (or a reviewer changing a rating)
        replaces it."""
        return stable_id("review", claim_id, self.scope, self.reviewer or "", self.url or "")


def attribution_confidence(explicit: bool, kind: str) -> float:
    """How sure an extractor is of an attributed claim: 0.9 when the
    sentence names its speaker (a name or a title), 0.75 when the speaker
    comes from context ("وأضاف", "he said"); a direct quote adds 0.05. One
    scale for every language's extractor."""
    return _CONFIDENCE[bool(explicit)][kind == "direct"]


#: :func:`attribution_confidence` by (explicit, direct), written out:
#: ``round()`` of the sum cost 0.4% of extraction's instructions.
_CONFIDENCE = {True: (0.9, 0.95), False: (0.75, 0.8)}


class SortedSpans(list):
    """A document's figures or date mentions in text order, indexed by
    start, so that :func:`within` finds a claim's in O(log n + k) instead of
    looking at them all: an extractor that attaches them to each of its
    claims stays linear in the length of the document (a scan per claim is
    claims × figures). Build it once per document and do not change it."""

    def __init__(self, spans: Iterable[SpanT] = ()) -> None:
        super().__init__(sorted(spans, key=lambda span: (span.start, span.end)))
        self.starts = [span.start for span in self]


def within(spans: Iterable[SpanT], start: int, end: int) -> list[SpanT]:
    """The figures or date mentions that lie inside ``[start, end)``: what
    an extractor attaches to a claim it found in a document whose figures
    and dates it already has (pass a :class:`SortedSpans` for many claims)."""
    if isinstance(spans, SortedSpans):
        starts = spans.starts
        first = bisect.bisect_left(starts, start)
        stop = bisect.bisect_left(starts, end, first)
        return [span for span in spans[first:stop] if span.end <= end]
    return [span for span in spans if start <= span.start and span.end <= end]


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) link, else None: importers keep
    ``javascript:`` and other schemes out of the store, and pages never link
    them."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def parse_iso_date(value: str | None) -> dt.date | None:
    """The date part of an ISO 8601 string, or None if it is not one."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
