"""HTML article pages saved to disk (or fetched from a URL): the main text,
title, publication date, site name and canonical URL, extracted with
trafilatura, so menus, footers and comments never reach the extractors.

A page that embeds a schema.org ClaimReview (``application/ld+json``) is a
published fact-check: it is read by the ``claimreview`` importer instead,
when that importer is installed.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Iterator

from claimtrack import (
    Document,
    Importer,
    ImportProblem,
    Source,
    get_importers,
    hookimpl,
    parse_iso_date,
    read_bounded,
    safe_url,
)

_MAX_BYTES = 64 * 1024 * 1024
_CLAIMREVIEW = re.compile(rb"application/ld\+json[\s\S]{0,200000}?ClaimReview", re.IGNORECASE)
_HTML_START = re.compile(
    rb"^\s*(?:\xef\xbb\xbf)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head)\b", re.I
)
_LANGUAGE = re.compile(r"^[a-z]{2,3}\b", re.IGNORECASE)

# trafilatura logs (and lxml warns about) what it could not parse; the
# importer reports that itself, once per page.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def looks_like_html(head: bytes) -> bool:
    return _HTML_START.match(head) is not None


def read_html(source: Source) -> Iterator[Document | ImportProblem]:
    data = read_bounded(source, _MAX_BYTES)
    if isinstance(data, ImportProblem):
        yield data
        return
    if b"\x00" in data[:4096]:
        yield ImportProblem(source.name, "binary file, not HTML", 1)
        return
    claimreview = get_importers().get("claimreview")
    if claimreview is not None and _CLAIMREVIEW.search(data):
        yield from claimreview.read(Source(source.name, stream=io.BytesIO(data)))
        return
    yield _article(source, data)


def _article(source: Source, data: bytes) -> Document | ImportProblem:
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = trafilatura.bare_extraction(
                data, url=source.url, with_metadata=True, include_comments=False, include_tables=True
            )
        except Exception as exc:  # trafilatura can fail on pathological markup
            return ImportProblem(source.name, f"cannot parse the page ({type(exc).__name__}: {exc})", 1)
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if not text:
        return ImportProblem(source.name, "no article text found in the page", 1)
    title = getattr(found, "title", None) or None
    if title and text.startswith(title):
        text = text[len(title) :].lstrip("\n")  # the headline is the title, not a paragraph
    published = getattr(found, "date", None)
    language = getattr(found, "language", None)
    match = _LANGUAGE.match(language or "")
    return Document(
        text=text or title or "",
        url=safe_url(getattr(found, "url", None)) or source.url,
        outlet=getattr(found, "sitename", None) or None,
        title=title,
        published=published if parse_iso_date(published) else None,
        language=match.group(0).lower() if match else None,
        source=source.name,
    )


IMPORTER = Importer(
    "html",
    read_html,
    (".html", ".htm", ".xhtml"),
    "An article page: main text and metadata by trafilatura (ClaimReview pages go to claimreview).",
    detect=looks_like_html,
)


@hookimpl
def register_importers(register) -> None:
    register(IMPORTER)
