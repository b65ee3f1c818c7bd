"""ClaimReview JSON-LD and Fact Check Tools API responses to documents.

Every review found becomes one :class:`claimtrack.Document` whose text is
the claim as reviewed, holding one claim with its speaker (the claim's
author), date, appearances and the review. Items that cannot be used (no
``claimReviewed``, no rating, a rating that cannot be placed on the scale)
are reported one by one with the line their top-level JSON value starts on.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from claimtrack import (
    Appearance,
    Claim,
    Document,
    ImportProblem,
    ReviewError,
    Source,
    Speaker,
    build_review,
    parse_iso_date,
    read_bounded,
    safe_url,
)
from claimtrack_claimreview.jsonld import first, json_values, ld_json_blocks, name_of, text_of, types_of

_MAX_BYTES = 256 * 1024 * 1024


def read_claimreview(source: Source) -> Iterator[Document | ImportProblem]:
    data = read_bounded(source, _MAX_BYTES)
    if isinstance(data, ImportProblem):
        yield data
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = 1 + data.count(b"\n", 0, exc.start)
        yield ImportProblem(source.name, f"not UTF-8 text (byte 0x{data[exc.start]:02x})", line)
        return
    values = ld_json_blocks(text) if text.lstrip().startswith("<") else json_values(text)
    found = False
    for line, value in values:
        if isinstance(value, ImportProblem):
            found = True
            yield ImportProblem(source.name, value.message, line)
            continue
        for number, item in enumerate(_items(value), start=1):
            found = True
            where = f"item {number}: " if number > 1 or isinstance(value, list) else ""
            result = _document(item)
            if isinstance(result, str):
                yield ImportProblem(source.name, where + result, line)
            else:
                result.source = f"{source.name}:{line}" + (f"#{number}" if where else "")
                yield result
    if not found:
        yield ImportProblem(source.name, "no ClaimReview found", 1)


def _items(value: Any) -> Iterator[tuple[str, dict]]:
    """Each review in a JSON value, tagged ``ld`` (a ClaimReview object) or
    ``api`` (a Fact Check Tools claim with its claimReview list)."""
    if isinstance(value, list):
        for element in value:
            yield from _items(element)
    elif isinstance(value, dict):
        if "ClaimReview" in types_of(value):
            yield "ld", value
        elif isinstance(value.get("claimReview"), list) and "text" in value:
            for review in value["claimReview"]:
                yield "api", {**value, "claimReview": review}
        elif isinstance(value.get("@graph"), list):
            yield from _items(value["@graph"])
        elif isinstance(value.get("claims"), list):
            yield from _items(value["claims"])


def _document(tagged: tuple[str, dict]) -> Document | str:
    """The document for one review, or what is wrong with it."""
    shape, item = tagged
    return _from_api(item) if shape == "api" else _from_ld(item)


def _date(value: Any) -> str | None:
    date = parse_iso_date(value) if isinstance(value, str) else None
    return date.isoformat() if date else None


def _speaker(author: Any) -> Speaker | None:
    author = first(author)
    name = name_of(author)
    if not name:
        return None
    kind = "person"
    role = organization = None
    if isinstance(author, dict):
        if types_of(author) & {"Organization", "NewsMediaOrganization", "GovernmentOrganization"}:
            kind = "institution"
        role = text_of(author.get("jobTitle"))
        organization = name_of(first(author.get("affiliation") or author.get("worksFor")))
    return Speaker(name, role=role, organization=organization, kind=kind)


def _appearance(work: Any, is_first: bool = False) -> Appearance | None:
    work = first(work)
    url = safe_url(
        work if isinstance(work, str) else text_of(work.get("url")) if isinstance(work, dict) else None
    )
    if not url:
        return None
    published = outlet = None
    if isinstance(work, dict):
        published = work.get("datePublished") if _date(work.get("datePublished")) else None
        outlet = name_of(first(work.get("publisher") or work.get("author")))
    return Appearance(url, published, outlet, is_first)


def _claim_document(text: str, key: str, review_fields: dict, item: dict[str, Any]) -> Document | str:
    """Shared by both shapes: the rated review on a one-claim document."""
    try:
        review = build_review(**review_fields)
    except ReviewError as exc:
        return str(exc)
    review.claim_reviewed = None  # the claim's own text says it
    said_on = item.get("said_on")
    language = review.language
    document = Document(
        text=text,
        key=key,
        importer="claimreview",
        title=review.headline,
        published=said_on or review.reviewed_on,
        language=language,
    )
    document.claims = [
        Claim(
            text=text,
            start=0,
            end=len(text),
            kind="indirect" if item.get("speaker") else "reported",
            speaker=item.get("speaker"),
            said_on=said_on,
            language=language,
            appearances=item.get("appearances", []),
            reviews=[review],
        )
    ]
    return document


def _number(value: Any) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _from_ld(review: dict[str, Any]) -> Document | str:
    text = text_of(review.get("claimReviewed"))
    if not text:
        return "ClaimReview without claimReviewed"
    rating = first(review.get("reviewRating"))
    if not isinstance(rating, dict):
        return "ClaimReview without reviewRating"
    label = text_of(rating.get("alternateName")) or text_of(rating.get("name"))
    value = _number(rating.get("ratingValue"))
    if not label and value is None:
        return "reviewRating has neither alternateName nor ratingValue"
    author = first(review.get("author"))
    language = review.get("inLanguage")
    claim = first(review.get("itemReviewed")) or {}
    if not isinstance(claim, dict):
        claim = {}
    appearances = [a for a in map(_appearance, _list(claim.get("appearance"))) if a]
    first_seen = _appearance(claim.get("firstAppearance"), True)
    if first_seen:
        for appearance in appearances:
            appearance.first = appearance.url == first_seen.url
        if not any(a.first for a in appearances):
            appearances.insert(0, first_seen)
    fields = {
        "rating": label or f"{value:g}",
        "rating_value": value,
        "best_rating": _number(rating.get("bestRating")),
        "worst_rating": _number(rating.get("worstRating")),
        "explanation": text_of(rating.get("ratingExplanation")),
        "url": safe_url(text_of(review.get("url"))),
        "reviewer": name_of(author),
        "reviewer_url": safe_url(text_of(author.get("url"))) if isinstance(author, dict) else None,
        "reviewed_on": _date(review.get("datePublished")),
        "headline": text_of(review.get("headline")) or text_of(review.get("name")),
        "language": name_of(first(language)) if isinstance(first(language), dict) else text_of(language),
    }
    item = {
        "speaker": _speaker(claim.get("author")),
        "said_on": _date(claim.get("datePublished")),
        "appearances": appearances,
    }
    return _claim_document(text, f"claimreview\n{fields['url'] or ''}\n{text}", fields, item)


def _from_api(entry: dict[str, Any]) -> Document | str:
    text = text_of(entry.get("text"))
    review = entry.get("claimReview")
    if not text:
        return "claim without text"
    if not isinstance(review, dict):
        return "claimReview entry is not an object"
    label = text_of(review.get("textualRating"))
    if not label:
        return "claimReview without textualRating"
    publisher = review.get("publisher") if isinstance(review.get("publisher"), dict) else {}
    site = text_of(publisher.get("site"))
    if site and "://" not in site:
        site = f"https://{site}"
    fields = {
        "rating": label,
        "url": safe_url(text_of(review.get("url"))),
        "reviewer": text_of(publisher.get("name")),
        "reviewer_url": safe_url(site),
        "reviewed_on": _date(review.get("reviewDate")),
        "headline": text_of(review.get("title")),
        "language": text_of(review.get("languageCode")),
    }
    claimant = text_of(entry.get("claimant"))
    item = {"speaker": Speaker(claimant) if claimant else None, "said_on": _date(entry.get("claimDate"))}
    return _claim_document(text, f"claimreview\n{fields['url'] or ''}\n{text}", fields, item)


def _list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
