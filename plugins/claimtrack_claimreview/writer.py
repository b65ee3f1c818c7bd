"""Reviews to schema.org ClaimReview JSON-LD.

One object per stored review. ``itemReviewed`` is the Claim: its author (the
speaker, with job title and affiliation), when it was made, and every place
it appeared; for a cluster review that is every outlet in the cluster, the
earliest being ``firstAppearance`` unless an imported review said otherwise.
Properties with no value are left out rather than written as null.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from claimtrack import Appearance, ReviewedItem, reviewed_items


def _compact(value: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in value.items() if v not in (None, [], {})}


def _number(value: float | None) -> int | float | None:
    return int(value) if value is not None and float(value).is_integer() else value


def _work(appearance: Appearance) -> dict[str, Any]:
    publisher = {"@type": "Organization", "name": appearance.outlet} if appearance.outlet else None
    return _compact(
        {
            "@type": "CreativeWork",
            "url": appearance.url,
            "datePublished": appearance.published,
            "publisher": publisher,
        }
    )


def _author(claim: dict[str, Any]) -> dict[str, Any] | None:
    if not claim.get("speaker"):
        return None
    kind = "Organization" if claim.get("speaker_kind") == "institution" else "Person"
    affiliation = claim.get("speaker_organization")
    return _compact(
        {
            "@type": kind,
            "name": claim["speaker"],
            "jobTitle": claim.get("speaker_role") if kind == "Person" else None,
            "affiliation": {"@type": "Organization", "name": affiliation} if affiliation else None,
        }
    )


def claim_review(item: ReviewedItem) -> dict[str, Any]:
    """The ClaimReview object for one reviewed item."""
    review, claim = item.review, item.claim
    rating = _compact(
        {
            "@type": "Rating",
            "ratingValue": _number(review["rating_value"]),
            "bestRating": _number(review["best_rating"]),
            "worstRating": _number(review["worst_rating"]),
            "alternateName": review["rating"],
            "ratingExplanation": review["explanation"],
        }
    )
    reviewer = (
        _compact({"@type": "Organization", "name": review["reviewer"], "url": review["reviewer_url"]})
        if review["reviewer"] or review["reviewer_url"]
        else None
    )
    first = next((a for a in item.appearances if a.first), None)
    said_on = claim["said_on"] or (claim["published"] or "")[:10] or None
    return _compact(
        {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": review["url"],
            "headline": review["headline"],
            "claimReviewed": review["claim_reviewed"] or claim["text"],
            "datePublished": review["reviewed_on"],
            "inLanguage": review["language"] or claim["language"],
            "author": reviewer,
            "reviewRating": rating,
            "itemReviewed": _compact(
                {
                    "@type": "Claim",
                    "author": _author(claim),
                    "datePublished": said_on,
                    "appearance": [_work(a) for a in item.appearances],
                    "firstAppearance": _work(first) if first else None,
                }
            ),
        }
    )


def write_claimreview(db, stream: BinaryIO) -> int:
    """A JSON list of ClaimReview objects, written one at a time."""
    count = 0
    stream.write(b"[")
    for item in reviewed_items(db):
        text = json.dumps(claim_review(item), ensure_ascii=False)
        stream.write(((",\n" if count else "\n") + text).encode("utf-8"))
        count += 1
    stream.write(b"\n]\n")
    return count
