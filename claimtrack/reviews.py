"""Fact-check verdicts: storing them, marking claims that repeat an already
reviewed claim, and answering "has this been checked already?".

A review is stored on a claim. A cluster review is stored on the claim it was
given through (the cluster's earliest claim when given a cluster id) with
``scope`` 'cluster', so it covers whatever cluster that claim is in after any
relinking.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import sqlite_utils
from rapidfuzz import fuzz, process

from claimtrack.model import Review
from claimtrack.normalize import search_form
from claimtrack.pipeline import detect_language, normalize_text
from claimtrack.ratings import BEST_RATING, RATING_VALUES, WORST_RATING, get_ratings
from claimtrack.store import atomic, save_review

_ID = re.compile(r"^[0-9a-f]{4,16}$")


class ReviewError(ValueError):
    """A review that cannot be stored as asked (unknown id or rating)."""


def resolve_target(db: sqlite_utils.Database, target: str) -> tuple[str, str]:
    """The claim a review of ``target`` is stored on, and the scope: a claim
    id gives that claim; a cluster id gives the cluster's earliest claim and
    scope 'cluster'. Unique id prefixes (at least 4 characters) are accepted."""
    target = target.strip().lower()
    if not _ID.match(target):
        raise ReviewError(f"not a claim or cluster id: {target!r}")
    claims = [
        r[0] for r in db.execute("SELECT id FROM claims WHERE id >= ? AND id < ? LIMIT 2", _range(target))
    ]
    clusters = [
        r[0] for r in db.execute("SELECT id FROM clusters WHERE id >= ? AND id < ? LIMIT 2", _range(target))
    ]
    found = [(c, "claim") for c in claims] + [(c, "cluster") for c in clusters]
    if not found:
        raise ReviewError(f"no claim or cluster with id {target!r}")
    if len(found) > 1:
        raise ReviewError(f"id prefix {target!r} is ambiguous; give more characters")
    found_id, scope = found[0]
    if scope == "claim":
        return found_id, "claim"
    anchor = db.execute(
        "SELECT claims.id FROM claims JOIN documents ON documents.id = claims.document_id "
        "WHERE claims.cluster_id = ? ORDER BY documents.published IS NULL, documents.published, claims.id "
        "LIMIT 1",
        [found_id],
    ).fetchone()
    if anchor is None:
        raise ReviewError(f"cluster {found_id} has no claims")
    return anchor[0], "cluster"


def _range(prefix: str) -> list[str]:
    return [prefix, prefix + "g"]  # every hex id starting with prefix sorts in [prefix, prefix+"g")


def build_review(
    rating: str,
    scale: str | None = None,
    rating_value: float | None = None,
    best_rating: float | None = None,
    worst_rating: float | None = None,
    **fields: str | None,
) -> Review:
    """A Review with its rating placed on the scale: ``scale`` when given,
    else the label table (:mod:`claimtrack.ratings`, with plugins' labels),
    else the numeric value within its range. Raises ReviewError when none
    of those places it."""
    ratings = get_ratings()
    normalized = scale or ratings.scale_of(rating)
    if normalized is None and rating_value is not None:
        normalized = ratings.from_value(rating_value, best_rating, worst_rating)
    if normalized is None:
        raise ReviewError(
            f"unknown rating {rating!r}: give its scale (--scale) or map it with register_rating_labels"
        )
    if rating_value is None and normalized in RATING_VALUES:
        rating_value, best_rating, worst_rating = RATING_VALUES[normalized], BEST_RATING, WORST_RATING
    return Review(
        rating=rating,
        rating_normalized=normalized,
        rating_value=rating_value,
        best_rating=best_rating,
        worst_rating=worst_rating,
        **fields,
    )


def add_review(db: sqlite_utils.Database, target: str, review: Review) -> str:
    """Store ``review`` on the claim or cluster ``target`` and mark the
    claims it covers. Returns the review id."""
    claim_id, scope = resolve_target(db, target)
    review.scope = scope
    with atomic(db):
        review_id = save_review(db, claim_id, review)
        mark_checked(db)
    return review_id


def mark_checked(db: sqlite_utils.Database) -> int:
    """Set ``claims.checked_by`` on every claim that is reviewed or linked
    with a reviewed claim (the newest review wins), clearing marks that no
    longer hold. Run after linking; returns how many claims are marked."""
    reviewed = db.execute(
        "SELECT reviews.id, claims.id, claims.cluster_id FROM reviews "
        "JOIN claims ON claims.id = reviews.claim_id "
        "ORDER BY coalesce(reviews.reviewed_on, ''), reviews.created_at, reviews.id"
    ).fetchall()
    marks: dict[str, str] = {}
    for review_id, claim_id, cluster_id in reviewed:  # oldest first: newer ones overwrite
        marks[claim_id] = review_id
        if cluster_id:
            for (member,) in db.execute("SELECT id FROM claims WHERE cluster_id = ?", [cluster_id]):
                marks[member] = review_id
    with atomic(db):
        db.execute("UPDATE claims SET checked_by = NULL WHERE checked_by IS NOT NULL")
        db.conn.executemany(
            "UPDATE claims SET checked_by = ? WHERE id = ?", [(r, c) for c, r in marks.items()]
        )
    return len(marks)


@dataclass
class Match:
    """A reviewed claim similar to the text asked about."""

    review_id: str
    score: float
    claim_id: str
    text: str
    rating: str
    rating_normalized: str
    reviewer: str | None
    url: str | None
    reviewed_on: str | None

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


_WORD = re.compile(r"\w+")
#: Words too common to say what a claim is about (after normalization).
_STOP = frozenset(
    """
    the a an of to in on at for and or but is are was were be been it its that this these those with as by
    from has have had will would said says say he she they we not no
    في من على الى عن ان انه انها او ثم قد لقد كان كانت هذا هذه ذلك تلك التي الذي الذين مع بين عند قال
    وقال قالت اضاف واضاف لا لم لن ما
    """.split()  # noqa: SIM905
)


def _terms(normalized: str) -> list[str]:
    """Index terms: clitic-free words, English plural -s dropped, function
    words left out."""
    terms = []
    for word in _WORD.findall(search_form(normalized)):
        if word in _STOP:
            continue
        if word.isascii() and len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        terms.append(word)
    return terms


def check(db: sqlite_utils.Database, text: str, top: int = 5, language: str | None = None) -> list[Match]:
    """The reviewed claims most like ``text``, best first, one per review.

    Candidates are every reviewed claim, every claim linked with one in a
    reviewed cluster, and the claim as the reviewer worded it. The score
    (0–100) blends TF-IDF cosine over index terms, which rewards the rare
    words two statements of one claim share, with rapidfuzz's token-set
    ratio, which forgives reordering and extra words around a short claim.
    """
    rows = db.execute(
        "SELECT r.id, c.id, c.text, c.normalized, r.claim_reviewed, r.rating, r.rating_normalized, "
        "r.reviewer, r.url, r.reviewed_on, r.scope, c.cluster_id, r.language "
        "FROM reviews r JOIN claims c ON c.id = r.claim_id"
    ).fetchall()
    if not rows or not text.strip():
        return []
    candidates: list[tuple[str, str]] = []  # (review id, normalized text)
    reviews: dict[str, tuple] = {}
    for row in rows:
        review_id, claim_id, claim_text, normalized, worded, *_ = row
        reviews[review_id] = row
        candidates.append((review_id, normalized))
        if worded and worded != claim_text:
            candidates.append((review_id, normalize_text(worded, row[12])))
        if row[10] == "cluster" and row[11]:
            for (member,) in db.execute(
                "SELECT normalized FROM claims WHERE cluster_id = ? AND id != ?", [row[11], claim_id]
            ):
                candidates.append((review_id, member))
    query = normalize_text(text, language or detect_language(text))
    scores = _scores(query, [normalized for _, normalized in candidates])
    best: dict[str, float] = {}
    for (review_id, _), score in zip(candidates, scores, strict=True):
        best[review_id] = max(best.get(review_id, 0.0), score)
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))[: max(top, 0)]
    matches = []
    for review_id, score in ranked:
        _, claim_id, claim_text, _, worded, rating, normalized, reviewer, url, reviewed_on, *_ = reviews[
            review_id
        ]
        matches.append(
            Match(
                review_id,
                round(score, 1),
                claim_id,
                claim_text,
                rating,
                normalized,
                reviewer,
                url,
                reviewed_on,
            )
        )
    return matches


def _scores(query: str, candidates: list[str]) -> list[float]:
    """Blend of TF-IDF cosine and token-set ratio of ``query`` with each
    candidate, 0–100."""
    documents = [Counter(_terms(c)) for c in candidates]
    frequency: Counter[str] = Counter()
    for terms in documents:
        frequency.update(terms.keys())
    total = len(documents) + 1

    def weights(terms: Counter[str]) -> dict[str, float]:
        vector = {
            t: (1 + math.log(n)) * math.log((total + 1) / (frequency.get(t, 0) + 1)) for t, n in terms.items()
        }
        length = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        return {t: w / length for t, w in vector.items()}

    query_vector = weights(Counter(_terms(query)))
    fuzzy = process.cdist([query], candidates, scorer=fuzz.token_set_ratio, workers=1)[0]
    blended = []
    for terms, ratio in zip(documents, fuzzy, strict=True):
        vector = weights(terms)
        cosine = sum(w * vector.get(t, 0.0) for t, w in query_vector.items())
        blended.append(100 * (0.6 * cosine) + 0.4 * float(ratio))
    return blended
