"""The built-in importers: plain text, JSON Lines and CSV batches of articles.

* ``text`` (``.txt``, ``.md``, no suffix, standard input): one file is one
  article. An optional front matter block of ``key: value`` lines between
  ``---`` lines gives url, outlet, title, published and language; the
  article text is what follows it.
* ``jsonl`` (``.jsonl``, ``.ndjson``): one JSON object per line, with a
  ``text`` field and optionally url, outlet, title, published, language.
* ``csv`` (``.csv``): a header row naming the same columns; ``text`` is
  required.
* ``claims`` (``--format claims``; JSONL or CSV by suffix): a claim list
  fact-checkers already keep, one claim per row with ``text`` and optionally
  speaker, outlet, published, url, language, kind. Each row is stored as
  one claim, with no extraction.

Files are read as UTF-8 (a byte-order mark is allowed); anything else is an
error naming the file and line.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from typing import BinaryIO

from claimtrack.hookspecs import hookimpl
from claimtrack.importing import Importer, ImportProblem, Source
from claimtrack.model import CLAIM_KINDS, Claim, Document, Speaker, parse_iso_date

Builder = Callable[[Source, dict, int], "Document | ImportProblem"]

#: Fields an article record may carry besides ``text``.
FIELDS = ("url", "outlet", "title", "published", "language")
_ALIASES = {"lang": "language", "date": "published", "source": "outlet", "content": "text", "body": "text"}
_MAX_LINE = 64 * 1024 * 1024


def _decode_error(source: Source, data: bytes, exc: UnicodeDecodeError, base_line: int = 1) -> ImportProblem:
    line = base_line + data.count(b"\n", 0, exc.start)
    return ImportProblem(
        source.name, f"not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be decoded)", line
    )


def _lone_surrogate(value: str | None) -> int | None:
    """The first unpaired UTF-16 surrogate in ``value`` (JSON's ``"\\ud800"``
    decodes to one), or None: such text cannot be stored as UTF-8."""
    if not value:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return ord(value[exc.start])
    return None


def _values(source: Source, record: dict, line: int, fields: tuple[str, ...]) -> dict | ImportProblem:
    """The text and ``fields`` of a record (keys folded, aliases applied),
    or the problem with it."""
    record = {_ALIASES.get(str(k).strip().lower(), str(k).strip().lower()): v for k, v in record.items()}
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return ImportProblem(source.name, "missing or empty 'text' field", line)
    values: dict[str, str | None] = {"text": text}
    for key in fields:
        value = record.get(key)
        if value is None or value == "":
            values[key] = None
        elif not isinstance(value, (str, int, float)):
            return ImportProblem(source.name, f"field {key!r} must be a string", line)
        else:
            values[key] = str(value).strip()
    for key, value in values.items():
        surrogate = _lone_surrogate(value)
        if surrogate is not None:
            return ImportProblem(
                source.name, f"field {key!r} has a lone surrogate (U+{surrogate:04X}), not Unicode text", line
            )
    if values.get("published") and parse_iso_date(values["published"]) is None:
        return ImportProblem(source.name, f"'published' is not an ISO date: {values['published']!r}", line)
    return values


def _article(source: Source, record: dict, line: int) -> Document | ImportProblem:
    """A Document from an article record, or the problem with it."""
    values = _values(source, record, line, FIELDS)
    if isinstance(values, ImportProblem):
        return values
    return Document(source=f"{source.name}:{line}", **values)


def _claim(source: Source, record: dict, line: int) -> Document | ImportProblem:
    """A claim list entry: a Document whose text is the claim, carrying the
    claim itself (its speaker as given, kind ``indirect`` when there is a
    speaker, else ``reported``)."""
    values = _values(source, record, line, (*FIELDS, "speaker", "kind"))
    if isinstance(values, ImportProblem):
        return values
    speaker, kind = values.pop("speaker"), values.pop("kind")
    kind = kind or ("indirect" if speaker else "reported")
    if kind not in CLAIM_KINDS:
        return ImportProblem(source.name, f"'kind' must be one of {', '.join(CLAIM_KINDS)}: {kind!r}", line)
    text = values["text"]
    document = Document(source=f"{source.name}:{line}", key=f"{values['url'] or ''}\n{text}", **values)
    document.claims = [
        Claim(text=text, start=0, end=len(text), kind=kind, speaker=Speaker(speaker) if speaker else None)
    ]
    return document


def read_text(source: Source) -> Iterator[Document | ImportProblem]:
    with source.open() as stream:
        data = stream.read(_MAX_LINE + 1)  # never more: a huge file is refused, not loaded
    if len(data) > _MAX_LINE:
        yield ImportProblem(source.name, f"file longer than {_MAX_LINE >> 20} MiB", 1)
        return
    if b"\x00" in data:
        yield ImportProblem(
            source.name, "binary file, not text", 1 + data.count(b"\n", 0, data.index(b"\x00"))
        )
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield _decode_error(source, data, exc)
        return
    meta, body = split_front_matter(text)
    if not body.strip():
        yield ImportProblem(source.name, "empty file", 1)
        return
    record = {**meta, "text": body}
    document = _article(source, record, 1)
    if isinstance(document, Document):
        document.source = source.name
    yield document


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The ``key: value`` lines of a leading ``---`` block (keys lower-cased)
    and the article text after it. Public: evaluation scripts read corpus
    files with it, so their offsets agree with what import stores."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 3)
    if end < 0:
        return {}, text
    meta = {}
    for line in text[4:end].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            meta[key.strip().lower()] = value.strip()
    return meta, text[end + 5 :]


def _bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Each line of ``stream``, or None for a line longer than ``limit``
    bytes, skipped in pieces: a 1 GB line is never held in memory."""
    while True:
        line = stream.readline(limit + 1)
        if len(line) <= limit:
            if not line:
                return
            yield line
            continue
        while line and not line.endswith(b"\n"):
            line = stream.readline(1 << 20)
        yield None


class _LineTooLong(csv.Error):
    """A CSV line longer than the limit (skipped, and reported)."""


class _BoundedText:
    """The lines of a text stream for :func:`csv.reader`, each at most
    ``limit`` characters: a longer one is skipped in pieces and reported by
    raising :class:`_LineTooLong`, after which reading goes on."""

    def __init__(self, stream: io.TextIOBase, limit: int) -> None:
        self.stream, self.limit = stream, limit
        self.skipped = 0  # lines the csv reader never saw (its line_num misses them)

    def __iter__(self) -> _BoundedText:
        return self

    def __next__(self) -> str:
        line = self.stream.readline(self.limit + 1)
        if not line:
            raise StopIteration
        if len(line) <= self.limit:
            return line
        while line and not line.endswith(("\n", "\r")):
            line = self.stream.readline(1 << 20)
        self.skipped += 1
        raise _LineTooLong(f"line longer than {self.limit >> 20} MiB")


def read_jsonl(source: Source, build: Builder = _article) -> Iterator[Document | ImportProblem]:
    with source.open() as stream:
        for number, raw in enumerate(_bounded_lines(stream, _MAX_LINE), start=1):
            if raw is None:
                yield ImportProblem(source.name, f"line longer than {_MAX_LINE >> 20} MiB", number)
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield _decode_error(source, raw, exc, number)
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                message = getattr(exc, "msg", "too deeply nested")
                yield ImportProblem(source.name, f"not valid JSON ({message})", number)
                continue
            if not isinstance(record, dict):
                yield ImportProblem(
                    source.name, f"expected a JSON object, got {type(record).__name__}", number
                )
                continue
            yield build(source, record, number)


def read_csv(source: Source, build: Builder = _article) -> Iterator[Document | ImportProblem]:
    csv.field_size_limit(_MAX_LINE)
    with source.open() as stream:
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        lines = _BoundedText(text, _MAX_LINE)
        reader = csv.reader(lines)
        try:
            header = next(reader, None)
        except UnicodeDecodeError:
            yield ImportProblem(source.name, "not UTF-8 text", 1)
            return
        except csv.Error as exc:
            yield ImportProblem(source.name, f"not valid CSV ({exc})", 1)
            return
        if header is None:
            yield ImportProblem(source.name, "empty file", 1)
            return
        columns = [_ALIASES.get(h.strip().lower(), h.strip().lower()) for h in header]
        if "text" not in columns:
            yield ImportProblem(source.name, f"no 'text' column in the header ({', '.join(header)})", 1)
            return
        line = 2
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError:
                yield ImportProblem(source.name, "not UTF-8 text", line)
                return
            except _LineTooLong as exc:
                yield ImportProblem(source.name, str(exc), line)
                line = reader.line_num + lines.skipped + 1
                continue
            except csv.Error as exc:
                yield ImportProblem(source.name, f"not valid CSV ({exc})", line)
                return
            start, line = line, reader.line_num + lines.skipped + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                yield ImportProblem(
                    source.name, f"row has {len(row)} fields, the header has {len(columns)}", start
                )
                continue
            yield build(source, dict(zip(columns, row, strict=True)), start)


def read_claims(source: Source) -> Iterator[Document | ImportProblem]:
    """A claim list: CSV (by suffix) or JSON Lines, one claim per row."""
    is_csv = source.path is not None and source.path.suffix.lower() == ".csv"
    return (read_csv if is_csv else read_jsonl)(source, build=_claim)


TEXT = Importer("text", read_text, (".txt", ".md", ".text", ""), "One article per file.")
JSONL = Importer("jsonl", read_jsonl, (".jsonl", ".ndjson"), "One article per line, as a JSON object.")
CSV = Importer("csv", read_csv, (".csv",), "One article per row, with a header row.")
CLAIMS = Importer(
    "claims",
    read_claims,
    (),
    "A claim list (JSONL or CSV): text, speaker, outlet, published, url, language, kind.",
)


@hookimpl
def register_importers(register) -> None:
    for importer in (TEXT, JSONL, CSV, CLAIMS):
        register(importer)
