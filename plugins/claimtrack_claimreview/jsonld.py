"""Reading JSON-LD as publishers write it: values found with the line they
start on, blocks embedded in HTML, and the loose shapes schema.org allows
(a property may be a string, an object or a list of either)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from claimtrack import ImportProblem

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"\s*")


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _problem(exc: Exception) -> ImportProblem:
    message = getattr(exc, "msg", None) or "too deeply nested"
    return ImportProblem("", f"not valid JSON ({message})")


def json_values(text: str) -> Iterator[tuple[int, Any]]:
    """The JSON values in ``text`` with the line each starts on: the
    elements of a top-level array one by one, a single object, or JSON
    Lines. A syntax error is yielded as an ImportProblem at its line."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        lines = text.splitlines()
        if len(lines) > 1 and _parses(lines[0]):
            yield from _json_lines(lines)
        else:
            yield exc.lineno, _problem(exc)
        return
    except RecursionError as exc:
        yield 1, _problem(exc)
        return
    if isinstance(value, list):
        yield from _elements(text, value)
    else:
        yield _line(text, _SPACE.match(text).end()), value


def _parses(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (json.JSONDecodeError, RecursionError):
        return False


def _json_lines(lines: list[str]) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            yield number, _problem(exc)


def _elements(text: str, parsed: list) -> Iterator[tuple[int, Any]]:
    """The elements of the top-level array in ``text`` with their lines
    (``parsed`` is the already-decoded array, used when scanning fails)."""
    position = _SPACE.match(text).end() + 1  # after "["
    line, counted = 1, 0  # newlines counted once, up to ``counted``: linear
    for value in parsed:
        position = _SPACE.match(text, position).end()
        try:
            _, end = _DECODER.raw_decode(text, position)
        except (json.JSONDecodeError, RecursionError):
            yield 1, value
            continue
        line += text.count("\n", counted, position)
        counted = position
        yield line, value
        position = _SPACE.match(text, end).end() + 1  # past the ","


def ld_json_blocks(html: str) -> Iterator[tuple[int, Any]]:
    """The ``application/ld+json`` script blocks of an HTML page, decoded,
    with the line each starts on (lxml parses the page)."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        yield 1, ImportProblem("", f"not valid HTML ({exc})")
        return
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        line = script.sourceline or 1
        try:
            yield line, json.loads(script.text or "")
        except (json.JSONDecodeError, RecursionError) as exc:
            yield line + (getattr(exc, "lineno", 1) - 1), _problem(exc)


def first(value: Any) -> Any:
    """A property's first value (schema.org allows one or a list)."""
    if isinstance(value, list):
        return value[0] if value else None
    return value


def types_of(value: Any) -> set[str]:
    """The ``@type`` names of an object, without a schema.org prefix."""
    if not isinstance(value, dict):
        return set()
    kinds = value.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds if isinstance(k, str)}


def text_of(value: Any) -> str | None:
    """A text property as a stripped string (a number as written), or None."""
    value = first(value)
    if isinstance(value, dict):
        value = value.get("@value")
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return f"{value:g}"
    return value.strip() or None if isinstance(value, str) else None


def name_of(value: Any) -> str | None:
    """The name of a Person/Organization given as an object or a string."""
    value = first(value)
    if isinstance(value, dict):
        return text_of(value.get("name")) or text_of(value.get("alternateName"))
    return text_of(value)
