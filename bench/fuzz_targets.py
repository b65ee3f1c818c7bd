"""What the reliability checks fuzz: every extractor, the figure grammar, the
date finders, the normalizer and every importer, each as a function of one
input. Shared by the property tests (tests/test_fuzz_*.py), the
coverage-guided fuzzer (bench/fuzz_atheris.py) and bench/reliability.py, so
adding a target (a new importer: one line in IMPORTERS) adds it everywhere.

Inputs are built from the words of the project's own corpora (so the
grammars get past their first token) mixed with arbitrary characters.
"""

from __future__ import annotations

import io
import random
import re
import statistics
import time
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

from claimtrack_claimreview.reader import read_claimreview
from claimtrack_feeds import _read_streamed, read_feed
from claimtrack_html import read_html

from claimtrack import (
    Document,
    LinkClaim,
    find_dates,
    find_figures,
    fold_with_offsets,
    light_stem,
    link_claims,
    normalize,
)
from claimtrack.importers import read_claims, read_csv, read_jsonl, read_text
from claimtrack.importing import ImportProblem, Source
from claimtrack.normalize import search_form
from claimtrack.pipeline import extract, normalize_text
from claimtrack.plugins import hook_implementations
from claimtrack.store import ImportErrorRecord, open_store, record_error, save_document

ROOT = Path(__file__).resolve().parent.parent
#: Publication dates the date finders resolve against: none, ordinary, a
#: leap day, and the ends of what a date can be.
REFERENCES = (None, "2022-01-07", "2024-02-29", "0001-01-01", "9999-12-31", "not a date")
#: Separators that matter to the grammars: spaces, quotes, Arabic and Latin
#: punctuation, line breaks, bidi marks, tatweel and a shadda.
SEPARATORS = (" ", "", "\n", "\n\n", "«", "»", '"', "'", ":", "،", ".", ",", "-", "(", ")", "\u200f", "ـ", "ّ")


@cache
def corpus_words() -> tuple[str, ...]:
    """The distinct words and punctuation of the bundled corpora."""
    words: set[str] = set()
    for path in sorted(ROOT.glob("datasets/*/articles/*"))[:600]:
        try:
            words.update(re.findall(r"\w+|[^\w\s]", path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            continue
    return tuple(sorted(words))


def random_text(rng: random.Random, tokens: int = 40) -> str:
    """Corpus words, numbers and arbitrary characters joined by separators."""
    words = corpus_words()
    out = []
    for _ in range(rng.randint(1, tokens)):
        r = rng.random()
        if r < 0.75:
            out.append(rng.choice(words))
        elif r < 0.85:
            out.append(chr(rng.randint(0x600, 0x6FF)) if r < 0.82 else chr(rng.randint(0, 0x10FFFF)))
        else:
            out.append(str(rng.randint(0, 10 ** rng.randint(1, 20))))
        out.append(rng.choice(SEPARATORS))
    return "".join(out)


def _extractor(plugin: str, language: str) -> Callable[[str], object]:
    """One ``extract_claims`` plugin, called directly (no guard around it:
    the fuzzer must see its exceptions), on each reference date in turn."""
    state = {"i": 0}

    def run(text: str) -> object:
        function = dict(hook_implementations("extract_claims"))[plugin].function
        state["i"] += 1
        reference = REFERENCES[state["i"] % len(REFERENCES)]
        return function(document=Document(text=text, language=language, published=reference))

    return run


def _dates(language: str) -> Callable[[str], object]:
    return lambda text: [find_dates(text, language, reference) for reference in REFERENCES]


def _normalizer(text: str) -> object:
    folded = normalize(text)
    return fold_with_offsets(text), search_form(folded), [light_stem(w) for w in folded.split()]


def _linker(text: str) -> object:
    """The default linker's reading and checks of two claims of ``text``,
    one with a figure more, after a label and its number, so that every
    regex the linker runs over a claim runs (the labels' only when one is
    there); then of two English claims of it, one saying a thing will be
    done and the other not, said on two days, with other periods and
    another percentage, so that the checks of a promise against a deed,
    of places named in English, of periods placed on the calendar and of
    figures that differ run too."""
    text = "Category Four " + text
    link_claims([LinkClaim(id="a", text=text), LinkClaim(id="b", text=text + " 5")])
    other = text.replace("opened", "open").replace("this", "next").replace("8%", "9%")
    return link_claims(
        [
            LinkClaim(id="a", text=text.replace("will ", ""), language="en", said_on="2025-06-10"),
            LinkClaim(
                id="b",
                text="Paris will open " + other,
                language="en",
                said_on="2025-06-12",
            ),
        ]
    )


#: Text in, anything out: must never raise, and must run in linear time.
TEXT_TARGETS: dict[str, Callable[[str], object]] = {
    "arabic extractor": _extractor("claimtrack_arabic", "ar"),
    "english extractor": _extractor("claimtrack_english", "en"),
    "figures (ar)": lambda text: find_figures(text, "ar"),
    "figures (en)": lambda text: find_figures(text, "en"),
    "figures (no language)": lambda text: find_figures(text, None),
    "dates (ar)": _dates("ar"),
    "dates (en)": _dates("en"),
    "normalizer": _normalizer,
    "linker": _linker,
}

#: Importer name -> (read function, file suffix). Adding an importer to the
#: fuzzing and hostile-input checks is one line here.
IMPORTERS: dict[str, tuple[Callable[[Source], object], str]] = {
    "text": (read_text, ".txt"),
    "jsonl": (read_jsonl, ".jsonl"),
    "csv": (read_csv, ".csv"),
    "claims (jsonl)": (read_claims, ".jsonl"),
    "claims (csv)": (read_claims, ".csv"),
    "html": (read_html, ".html"),
    "feed": (read_feed, ".rss"),
    "feed (streamed)": (_read_streamed, ".rss"),
    "claimreview": (read_claimreview, ".jsonld"),
}


class Store:
    """An in-memory store that imports what an importer yields exactly as
    ``claimtrack import`` does (extract, save, record problems), so a fuzzed
    input that cannot be stored is found too."""

    def __init__(self) -> None:
        self.db = open_store(":memory:")

    def import_bytes(self, importer: str, data: bytes) -> tuple[int, int]:
        """(documents stored, problems reported) for ``data`` read by ``importer``."""
        read, suffix = IMPORTERS[importer]
        name = f"fuzz{suffix}"
        source = Source(name, path=Path(name), stream=io.BytesIO(data))
        documents = problems = 0
        for item in read(source):
            if isinstance(item, ImportProblem):
                record_error(self.db, ImportErrorRecord(item.source, item.line, item.message))
                problems += 1
                continue
            item.source = item.source or name
            extraction = extract(item)
            save_document(self.db, item, extraction.claims, normalize_text)
            documents += 1
        return documents, problems


#: Byte pieces hostile import inputs are made of.
HOSTILE_PIECES = (
    b'{"text": "',
    b'"}',
    b"\\ud800",
    b"\\udc00",
    b"\\u0000",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\xef\xbb\xbf",
    b'"published": "',
    b"2022-01-01",
    b"9999-12-31",
    b'", ',
    b"\n",
    b"\r\n",
    b"\r",
    b",",
    b'"',
    b"text",
    b"url",
    b"speaker",
    b'"kind": "direct"',
    b"[",
    b"]",
    b"{",
    b"}",
    b"---\n",
    b"title: x\n",
    "قال الوزير «سنرسل 2500 جندي» يوم الجمعة".encode(),
    b'He said "we will send 3,000 troops" on Friday.',
    b'\\"',
    b"1e999",
    b"null",
    b"\x1b[31m",
    b"\x7f",
    "\u202e".encode(),
)


def hostile_bytes(rng: random.Random, pieces: int = 40) -> bytes:
    return b"".join(rng.choice(HOSTILE_PIECES) for _ in range(rng.randint(1, pieces)))


#: Inputs that stress a grammar's worst case: long runs of what it reads
#: one piece at a time (numbers, number words, quotes, attribution verbs,
#: date words), with and without spaces.
ADVERSARIAL = {
    "digits": "1 2,5 ٣ 4.5 ",
    "digit run": "١٢٣٤٥٦٧٨٩0",
    "arabic number words": "ثلاثة آلاف و مليون ونصف ",
    "english number words": "three hundred and twenty million ",
    "open quotes": '« قال "said ',
    "attribution": "قال الوزير إن وأضاف أن said he told ",
    "dates": "يوم الجمعة الماضي last Friday 2022-01-07 ",
    "figures": "2500 شخص more than $8 million ساعتين إلى ثلاث ساعات ",
    "no spaces": "ab٣ـ",
    # One word of letters: a regex that starts at each letter rescans it.
    "letter run": "a",
    "labels": "Category Four Resolution No. 2254 القرار رقم 7 -10C ",
    # A country named again and again with function words between: what
    # stands next to each is looked for a few words away only.
    "countries": "U.S. and the ",
    # Places with accents, and a promise against a deed, again and again:
    # a claim's capitals are read once, and each claim's words once.
    "places": "flights to Bogotá and Port Sudan, the port said ",
    "promises": "will open and opened, was extended ",
    # Periods and the dates they are, and figures of one unit, again and
    # again: each claim's months and figures are read once.
    "periods": "rose 8% this month in June, last year 2024, الشهر الجاري في يونيو ",
}


def adversarial_inputs(seed: int = 10) -> Iterator[tuple[str, str]]:
    """(name, a unit to repeat): the patterns above and random corpus text."""
    yield from ADVERSARIAL.items()
    rng = random.Random(seed)
    for i in range(3):
        yield f"random text {i}", random_text(rng, 30) + " "


def seconds(function: Callable[[str], object], text: str, repeats: int = 3) -> float:
    """The least of ``repeats`` timings, in CPU time of this process: time
    other processes take from it is not counted."""
    times = []
    for _ in range(repeats):
        started = time.process_time()
        function(text)
        times.append(time.process_time() - started)
    return min(times)


def growth(function: Callable[[str], object], unit: str, size: int, factor: int = 8) -> float:
    """How much longer ``function`` takes on ``factor`` times the input: the
    unit repeated to about ``size`` characters, then ``factor`` times that.
    Linear time gives about ``factor``; timed on the median of three ratios
    (each from least-of-three timings) to resist load from other processes."""
    small = unit * max(1, size // len(unit))
    large = small * factor
    function(small)  # warm caches and lazy imports
    ratios = []
    for _ in range(3):
        base = seconds(function, small)
        ratios.append(seconds(function, large) / max(base, 1e-6))
    return statistics.median(ratios)
