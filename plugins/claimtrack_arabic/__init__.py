"""claimtrack_arabic: claims from Arabic news text.

A default plugin, written against claimtrack's public API only. It
implements:

* ``extract_claims``: who said what — direct quotes, indirect speech and the
  outlet's own reported facts — with speakers resolved within the document
  (see :mod:`claimtrack_arabic.extractor`);
* ``extract_dates``: dates resolved against the publication date (see
  :mod:`claimtrack_arabic.dates`);
* ``enrich_document``: the outlet named by a closing "المصدر: ..." line.
"""

from __future__ import annotations

from claimtrack import Claim, DateMention, Document, find_figures, hookimpl, parse_iso_date
from claimtrack_arabic.extractor import ArabicExtractor, source_outlet

LANGUAGES = ("ar",)


@hookimpl
def extract_claims(document: Document) -> list[Claim] | None:
    if document.language not in LANGUAGES:
        return None
    figures = find_figures(document.text, "ar")
    dates = find_arabic_dates(document.text, document.published)
    return ArabicExtractor(document, figures, dates).run()


@hookimpl
def extract_dates(text: str, language: str | None, reference: str | None) -> list[DateMention] | None:
    if language not in LANGUAGES:
        return None
    return find_arabic_dates(text, reference)


def find_arabic_dates(text: str, reference: str | None) -> list[DateMention]:
    from claimtrack_arabic.dates import find_dates

    return find_dates(text, parse_iso_date(reference))


@hookimpl
def enrich_document(document: Document) -> dict[str, str] | None:
    if document.language not in (None, *LANGUAGES):
        return None
    outlet = source_outlet(document.text)
    return {"outlet": outlet} if outlet else None
