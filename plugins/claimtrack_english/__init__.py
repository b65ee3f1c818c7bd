"""claimtrack_english: claims from English news text.

A default plugin, written against claimtrack's public API only. It
implements ``extract_claims`` (who said what, see
:mod:`claimtrack_english.extractor`) and ``extract_dates`` (dates resolved
against the publication date, see :mod:`claimtrack_english.dates`) for
documents whose language is ``en``.
"""

from __future__ import annotations

from claimtrack import Claim, DateMention, Document, find_figures, hookimpl, parse_iso_date
from claimtrack_english.dates import find_dates
from claimtrack_english.extractor import EnglishExtractor

LANGUAGES = ("en",)


@hookimpl
def extract_claims(document: Document) -> list[Claim] | None:
    if document.language not in LANGUAGES:
        return None
    figures = find_figures(document.text, "en")
    dates = find_dates(document.text, document.published_date)
    return EnglishExtractor(document, figures, dates).run()


@hookimpl
def extract_dates(text: str, language: str | None, reference: str | None) -> list[DateMention] | None:
    if language not in LANGUAGES:
        return None
    return find_dates(text, parse_iso_date(reference))
