"""Feeds too large to parse whole, read in bounded memory.

feedparser parses a whole document at once, so a feed of a million entries
would be held in memory several times over. Here lxml's ``iterparse`` walks
the file once; every ``batch`` entries are copied, with the feed's own
metadata (title, language, link) and root element, into a small feed that
feedparser parses as usual, and the originals are freed. feedparser still
decides what every field means; only the splitting is done here. Unlike
feedparser on a whole file, this needs well-formed XML: a syntax error ends
the feed with an error at its line, after the entries before it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import BinaryIO

_ENTRY_NAMES = frozenset({"item", "entry"})
_CONTAINER_NAMES = frozenset({"channel"})


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


class FeedSyntaxError(ValueError):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def entry_batches(stream: BinaryIO, batch: int = 200) -> Iterator[tuple[bytes, list[int]]]:
    """Small well-formed feeds of at most ``batch`` entries each, with the
    line each entry starts on in the original file. Raises FeedSyntaxError
    (after yielding what came before it) when the XML breaks."""
    from lxml import etree

    root = container = None
    head: list = []  # the feed's metadata elements, copied into every batch
    entries: list = []
    lines: list[int] = []
    seen_entry = False
    events = etree.iterparse(stream, events=("start", "end"), huge_tree=True, resolve_entities=False)
    try:
        for event, element in events:
            name = _local(element.tag)
            if event == "start":
                if root is None:
                    root = element
                elif name in _CONTAINER_NAMES and element.getparent() is root:
                    container = element
                continue
            parent = element.getparent()
            if name in _ENTRY_NAMES:
                seen_entry = True
                entries.append(copy.deepcopy(element))
                lines.append(element.sourceline or 1)
                _free(element)
                if len(entries) >= batch:
                    yield _wrap(root, container, head, entries), lines
                    entries, lines = [], []
            elif not seen_entry and parent is not None and parent in (root, container):
                head.append(copy.deepcopy(element))
    except etree.XMLSyntaxError as exc:
        if entries:
            yield _wrap(root, container, head, entries), lines
        raise FeedSyntaxError(str(exc.msg or exc), exc.lineno or 1) from exc
    if entries:
        yield _wrap(root, container, head, entries), lines


def _free(element) -> None:
    """Drop a handled entry and everything before it from the tree."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _wrap(root, container, head: list, entries: list) -> bytes:
    from lxml import etree

    shell = etree.Element(root.tag, attrib=dict(root.attrib), nsmap=root.nsmap)
    target = shell
    if container is not None:
        target = etree.SubElement(shell, container.tag, attrib=dict(container.attrib))
    for element in (*head, *entries):
        target.append(copy.deepcopy(element) if element in head else element)
    return etree.tostring(shell, xml_declaration=True, encoding="utf-8")
