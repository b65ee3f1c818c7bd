"""RSS and Atom feeds (a file or a URL), read with feedparser: one document
per entry, with its link, date, title and the feed's title as the outlet.

The entry's full content is used when the feed has it, else its summary,
else its title alone (a headline is often a claim). HTML in entries is
reduced to its text (a paragraph per block). Entries with neither text nor a link
are reported one by one, with the line the entry starts on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from claimtrack import Document, Importer, ImportProblem, Source, hookimpl, read_bounded, safe_url

_MAX_BYTES = 256 * 1024 * 1024
_FEED_START = re.compile(rb"<(?:rss|feed|rdf:RDF)\b")
_ENTRY_START = re.compile(rb"<(?:\w+:)?(?:item|entry)[\s>/]")
_TAG = re.compile(r"<[a-zA-Z/!]")
_LANGUAGE = re.compile(r"^[a-z]{2,3}\b", re.IGNORECASE)


def looks_like_feed(head: bytes) -> bool:
    return _FEED_START.search(head) is not None


_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


def _text(html: str) -> str:
    """The text of an entry's HTML, one paragraph per block element
    (plain text is returned as it is). feedparser has already removed
    scripts and event handlers."""
    if not _TAG.search(html):
        return html.strip()
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    return _BLANK_LINES.sub("\n\n", root.text_content()).strip()


def _published(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return dt.datetime(*parsed[:6], tzinfo=dt.timezone.utc).isoformat()
    return None


#: Feeds up to this size are parsed whole by feedparser (lenient with
#: broken XML); larger ones are streamed in batches (see :mod:`.stream`).
WHOLE_LIMIT = 4 * 1024 * 1024


def read_feed(source: Source) -> Iterator[Document | ImportProblem]:
    size = source.path.stat().st_size if source.path is not None and source.stream is None else None
    if size is not None and size > WHOLE_LIMIT:
        yield from _read_streamed(source)
        return
    data = read_bounded(source, _MAX_BYTES)
    if isinstance(data, ImportProblem):
        yield data
        return
    parsed = _parse(data)
    if not parsed.entries:
        reason = parsed.get("bozo_exception")
        line = min(getattr(reason, "getLineNumber", lambda: 1)() or 1, data.count(b"\n") + 1)
        yield ImportProblem(source.name, f"not a feed or no entries ({reason or 'nothing found'})", line)
        return
    starts = _lines_of(data, (m.start() for m in _ENTRY_START.finditer(data)))
    lines = starts if len(starts) == len(parsed.entries) else [None] * len(parsed.entries)
    yield from _documents(source.name, parsed, lines, 1)


def _lines_of(data: bytes, offsets: Iterator[int]) -> list[int]:
    """The line of each offset (ascending), counting newlines once: linear,
    where counting from the start for every entry was quadratic."""
    lines, line, previous = [], 1, 0
    for offset in offsets:
        line += data.count(b"\n", previous, offset)
        previous = offset
        lines.append(line)
    return lines


def _parse(data: bytes):  # -> feedparser.FeedParserDict
    import feedparser

    return feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)


def _read_streamed(source: Source) -> Iterator[Document | ImportProblem]:
    from claimtrack_feeds.stream import FeedSyntaxError, entry_batches

    number = 1
    with source.open() as stream:
        try:
            for data, lines in entry_batches(stream):
                parsed = _parse(data)
                if len(parsed.entries) != len(lines):
                    lines = [None] * len(parsed.entries)
                yield from _documents(source.name, parsed, lines, number)
                number += len(parsed.entries)
        except FeedSyntaxError as exc:
            yield ImportProblem(
                source.name, f"not well-formed XML ({exc}); entries after it not read", exc.line
            )
            return
    if number == 1:
        yield ImportProblem(source.name, "not a feed or no entries", 1)


def _documents(name: str, parsed, lines: list[int | None], first: int) -> Iterator[Document | ImportProblem]:
    """Documents (or per-entry problems) for parsed entries numbered from
    ``first``, each with the line it starts on when known."""
    outlet = parsed.feed.get("title") or None
    feed_language = parsed.feed.get("language")
    for number, (entry, line) in enumerate(zip(parsed.entries, lines, strict=True), start=first):
        content = entry.get("content") or []
        body = _text(content[0].get("value", "")) if content else _text(entry.get("summary", ""))
        title = _text(entry.get("title", "")) or None
        link = safe_url(entry.get("link"))
        if not (body or title):
            yield ImportProblem(name, f"entry {number} has no text and no title", line)
            continue
        if not link and not body:
            yield ImportProblem(name, f"entry {number} has only a title and no link", line)
            continue
        language = (content[0].get("language") if content else None) or feed_language
        match = _LANGUAGE.match(language or "")
        yield Document(
            text=body or title or "",
            url=link,
            outlet=outlet,
            title=title,
            published=_published(entry),
            language=match.group(0).lower() if match else None,
            source=f"{name}:{line}" if line else f"{name}#{number}",
            summary=not content,
        )


IMPORTER = Importer(
    "feed",
    read_feed,
    (".rss", ".atom", ".xml"),
    "An RSS or Atom feed (file or URL): one document per entry, by feedparser.",
    detect=looks_like_feed,
)


@hookimpl
def register_importers(register) -> None:
    register(IMPORTER)
