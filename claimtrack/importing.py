"""Reading sources into documents and storing them: the engine behind
``claimtrack import``.

An :class:`Importer` turns one :class:`Source` (a file, or standard input)
into :class:`~claimtrack.Document` objects and :class:`ImportProblem` objects
for entries it could not read. Importers come from the ``register_importers``
hook; the format is picked by ``--format`` or by file suffix.

Every document is stored atomically (commits are grouped by
:class:`~claimtrack.store.WriteBatch`), so an import that is interrupted can
simply be run again: what was stored is replaced by the same rows, and the
rest is added.
"""

from __future__ import annotations

import gc
import io
import os
import re
import sqlite3
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

import sqlite_utils

from claimtrack.collector import collector_paused
from claimtrack.guard import alarm_handler
from claimtrack.model import Document
from claimtrack.pipeline import Extraction, extract, normalize_text
from claimtrack.plugins import get_plugin_manager, registered
from claimtrack.store import COMMIT_EVERY, ImportErrorRecord, WriteBatch, record_error, save_document

#: The most a URL source may be (feeds and pages are far smaller).
MAX_DOWNLOAD = 64 * 1024 * 1024
_URL = re.compile(r"^https?://", re.IGNORECASE)


@dataclass
class Source:
    """Something to import: a file, standard input (``name`` "<stdin>") or
    an http(s) URL (``url``), fetched once on first use."""

    name: str
    path: Path | None = None
    stream: BinaryIO | None = None
    url: str | None = None

    def open(self) -> BinaryIO:
        if self.stream is None and self.url is not None:
            self.stream = io.BytesIO(_fetch(self.url))
        if self.stream is not None:
            if self.stream.seekable():
                self.stream.seek(0)  # after peek()
            return self.stream
        assert self.path is not None
        return self.path.open("rb")

    def peek(self, size: int = 4096) -> bytes:
        """The first bytes, for formats recognized by content, without
        consuming them."""
        if self.path is not None and self.stream is None:
            with self.path.open("rb") as file:
                return file.read(size)
        stream = self.open()
        if stream.seekable():
            head = stream.read(size)
            stream.seek(0)
            return head
        peek = getattr(stream, "peek", None)
        return peek(size)[:size] if peek else b""

    @property
    def suffix(self) -> str:
        """The file (or URL path) suffix, lower-cased; "" when none."""
        if self.path is not None:
            return self.path.suffix.lower()
        if self.url is not None:
            return PurePosixPath(urllib.parse.urlsplit(self.url).path).suffix.lower()
        return ""


def _fetch(url: str) -> bytes:
    """The body at ``url`` (at most :data:`MAX_DOWNLOAD` bytes)."""
    request = urllib.request.Request(url, headers={"User-Agent": "claimtrack"})
    with urllib.request.urlopen(request, timeout=30) as response:
        data = response.read(MAX_DOWNLOAD + 1)
    if len(data) > MAX_DOWNLOAD:
        raise OSError(f"larger than {MAX_DOWNLOAD // 1024 // 1024} MiB")
    return data


@dataclass
class ImportProblem:
    """An entry an importer could not turn into a document. ``line`` is the
    1-based line (or CSV row start line) where known."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


@dataclass
class Importer:
    """A format ``claimtrack import`` can read.

    ``read(source)`` yields Documents and ImportProblems; it should stream
    (never hold a whole large file in memory when it can avoid it) and must
    not raise for bad entries: yield an ImportProblem and go on.
    """

    name: str
    read: Callable[[Source], Iterable[Document | ImportProblem]]
    suffixes: tuple[str, ...] = ()
    description: str = ""
    #: Recognizes the format from a source's first bytes, for URLs, standard
    #: input and files whose suffix no importer claims.
    detect: Callable[[bytes], bool] | None = None


def get_importers() -> dict[str, Importer]:
    """Every registered importer, by name."""
    return registered("register_importers")


def read_bounded(source: Source, limit: int) -> bytes | ImportProblem:
    """The whole of a source that importers parse in one piece (a page, a
    feed, a JSON document), or the problem: larger than ``limit`` bytes
    (never read past it), or empty."""
    with source.open() as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        return ImportProblem(source.name, f"larger than {limit // 1024 // 1024} MiB; split it", 1)
    if not data.strip():
        return ImportProblem(source.name, "empty file", 1)
    return data


def importer_for(source: Source, importers: dict[str, Importer], default: str = "text") -> Importer | None:
    """The importer for ``source``: by suffix, else by content (each
    importer's ``detect``), else ``default``."""
    suffix = source.suffix
    for importer in importers.values():
        if suffix and suffix in importer.suffixes:
            return importer
    detecting = [i for i in importers.values() if i.detect is not None]
    if detecting:
        try:
            head = source.peek()
        except OSError:
            head = b""
        for importer in detecting:
            if head and importer.detect(head):
                return importer
    return importers.get(default)


def iter_sources(paths: Iterable[str]) -> Iterator[Source | ImportProblem]:
    """Files from ``paths``: "-" is standard input, directories are walked
    (sorted, hidden entries skipped)."""
    for raw in paths:
        if raw == "-":
            yield Source("<stdin>", stream=sys.stdin.buffer)
            continue
        if _URL.match(raw):
            yield Source(raw, url=raw)
            continue
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path, onerror=None):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        file = Path(root) / name
                        yield Source(display_name(str(file)), path=file)
        elif path.exists():
            yield Source(display_name(str(path)), path=path)
        else:
            yield ImportProblem(display_name(str(path)), "no such file or directory")


def display_name(path: str) -> str:
    """``path`` as text that can be printed and stored: bytes of a file
    name that are not UTF-8 (kept by Python as lone surrogates, which SQLite
    refuses) become U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


#: The stages :attr:`ImportReport.seconds` times.
STAGES = ("extract", "store", "commit")


@dataclass
class ImportReport:
    documents: int = 0
    claims: int = 0
    problems: list[ImportProblem] = field(default_factory=list)
    plugin_problems: int = 0
    skipped: list[str] = field(default_factory=list)
    #: Summaries (feed entries) not stored because a longer text was.
    kept_longer: list[str] = field(default_factory=list)
    #: Wall-clock seconds spent extracting, storing (each document's
    #: writes) and committing (the group's commit, full-text indexing and
    #: ``claims_stored`` listeners): where an import's time goes.
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))

    @property
    def failed(self) -> bool:
        return bool(self.problems or self.plugin_problems)


def read_documents(
    paths: Iterable[str],
    format: str | None = None,
    defaults: dict[str, str | None] | None = None,
    directory_suffixes_only: bool = True,
) -> Iterator[tuple[Source | None, Document | ImportProblem]]:
    """Every document (or problem) from ``paths``; raises ValueError at once
    for an unknown ``format``, with ``defaults`` filling
    the fields an importer left empty. In directories, files no importer
    recognizes by suffix are reported as skipped (a None document)."""
    importers = get_importers()
    if format and format not in importers:
        known = ", ".join(sorted(importers))
        raise ValueError(f"unknown format {format!r} (known: {known})")
    paths = list(paths)
    defaults = {k: v for k, v in (defaults or {}).items() if v}
    return _read(paths, importers, format, defaults, directory_suffixes_only)


def _read(paths, importers, format, defaults, directory_suffixes_only):
    given = {display_name(p) for p in paths}
    for source in iter_sources(paths):
        if isinstance(source, ImportProblem):
            yield None, source
            continue
        importer = importers[format] if format else importer_for(source, importers)
        in_directory = source.name not in given and source.name != "<stdin>"
        if importer is None or (
            not format
            and directory_suffixes_only
            and in_directory
            and source.path is not None
            and source.path.suffix.lower() not in importer.suffixes
        ):
            yield source, ImportProblem(source.name, "skipped: no importer for this file type")
            continue
        try:
            for item in importer.read(source):
                if isinstance(item, Document):
                    item.importer = item.importer or importer.name
                    item.source = item.source or source.name
                    for key, value in defaults.items():
                        if not getattr(item, key):
                            setattr(item, key, value)
                yield source, item
        except OSError as exc:
            yield source, ImportProblem(source.name, f"cannot read: {exc.strerror or exc}")
        except Exception as exc:  # an importer bug must not end the batch
            yield (
                source,
                ImportProblem(source.name, f"importer {importer.name!r} failed: {type(exc).__name__}: {exc}"),
            )


def _longer_stored(db: sqlite_utils.Database, document: Document) -> bool:
    """Whether the store already has a longer text for this article (a
    summary from a feed must not replace the page it summarizes)."""
    row = db.execute("SELECT length(text) FROM documents WHERE id = ?", [document.id]).fetchone()
    return row is not None and row[0] > len(document.text)


def import_documents(
    db: sqlite_utils.Database,
    items: Iterable[tuple[Source | None, Document | ImportProblem]],
    on_problem: Callable[[str], None] = lambda message: None,
    on_document: Callable[[Extraction], None] = lambda extraction: None,
    commit_every: int = COMMIT_EVERY,
) -> ImportReport:
    """Extract and store each document atomically, commits grouped (every
    ``commit_every`` documents or :class:`~claimtrack.store.WriteBatch`'s
    seconds); record every problem in ``import_errors`` and report it
    through ``on_problem``. ``claims_stored`` listeners hear of each
    document after its commit."""
    pm = get_plugin_manager()
    report = ImportReport()

    def stored(extractions: list[Extraction]) -> None:
        """After a commit: tell claims_stored listeners, in order; then
        free the group and collect what it left in cycles (a plugin's, an
        exception's traceback): they live one group at most."""
        for extraction in extractions:
            try:
                pm.hook.claims_stored(db=db, document=extraction.document, claims=extraction.claims)
            except Exception as exc:
                report.plugin_problems += 1
                on_problem(
                    f"{extraction.document.source}: claims_stored hook failed: {type(exc).__name__}: {exc}"
                )
        extractions.clear()
        if collect:
            gc.collect(1)

    # Cycle collection: off while importing, and run by stored() once per
    # commit group, when the group's documents have been let go (if it was
    # on). Automatic, it ran every few hundred allocations mid-extraction,
    # each time walking all the open group held. At 20,000 generated
    # articles: 488-490 -> 503 articles/s (bench_import, paired runs),
    # extraction 1.32 -> 1.27 ms.
    with (
        collector_paused() as collect,
        WriteBatch(db, on_commit=stored, size=commit_every) as batch,
        alarm_handler(),
    ):
        for _source, item in items:
            if isinstance(item, ImportProblem):
                if item.message.startswith("skipped:"):
                    report.skipped.append(item.source)
                    continue
                report.problems.append(item)
                batch.begin()
                record_error(db, ImportErrorRecord(item.source, item.line, item.message))
                on_problem(str(item))
                continue
            if item.summary and _longer_stored(db, item):
                report.kept_longer.append(item.source or "?")
                continue
            try:
                started = time.perf_counter()
                extraction = extract(item)
                extracted = time.perf_counter()
                batch.begin()
                save_document(db, item, extraction.claims, normalize_text, batch.speakers)  # all or nothing
            except sqlite3.Error:
                raise  # the store, not this document, is the problem
            except Exception as exc:  # a bug on one document must not end the import
                failed = ImportProblem(item.source or "?", f"not imported: {type(exc).__name__}: {exc}")
                report.problems.append(failed)
                batch.begin()
                record_error(db, ImportErrorRecord(failed.source, None, failed.message))
                on_problem(str(failed))
                continue
            report.seconds["extract"] += extracted - started
            report.seconds["store"] += time.perf_counter() - extracted
            report.documents += 1
            report.claims += len(extraction.claims)
            for problem in extraction.problems:
                report.plugin_problems += 1
                message = f"plugin {problem.plugin!r} failed: {problem.message}"
                record_error(db, ImportErrorRecord(item.source or "?", None, message, plugin=problem.plugin))
                on_problem(f"{item.source}: {message}")
            committing = time.perf_counter()
            batch.added(extraction)
            report.seconds["commit"] += time.perf_counter() - committing
            on_document(extraction)
    return report
