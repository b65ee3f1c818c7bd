"""ClaimReview: read fact-checks published as schema.org ClaimReview, and
write claimtrack's reviews the same way.

Reads (``claimtrack import --format claimreview``, auto-detected for
``.jsonld`` and ``.json``): one JSON-LD object, a list of them, an ``@graph``,
JSON Lines of them, HTML pages with embedded ``application/ld+json``, and the
Google Fact Check Tools API response shape (``claims[]`` with
``claimReview[]``). Each review becomes a claim (with its speaker, date and
appearances) carrying the review.

Writes (``claimtrack export --format claimreview``): a JSON list of
ClaimReview objects, one per stored review, that this importer reads back
with every field kept.
"""

from __future__ import annotations

from claimtrack import Exporter, Importer, hookimpl
from claimtrack_claimreview.reader import read_claimreview
from claimtrack_claimreview.writer import write_claimreview


def looks_like_claimreview(head: bytes) -> bool:
    """JSON that names a ClaimReview (or the API's claimReview) early on: a
    URL or standard input with no telling suffix."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[") and (
        b"ClaimReview" in head or b'"claimReview"' in head
    )


IMPORTER = Importer(
    "claimreview",
    read_claimreview,
    (".jsonld", ".json"),
    "schema.org ClaimReview (JSON-LD, JSON Lines, HTML with ld+json) or a Fact Check Tools API response.",
    detect=looks_like_claimreview,
)
EXPORTER = Exporter(
    "claimreview", write_claimreview, ".json", "schema.org ClaimReview JSON-LD, one object per review."
)


@hookimpl
def register_importers(register) -> None:
    register(IMPORTER)


@hookimpl
def register_exporters(register) -> None:
    register(EXPORTER)
