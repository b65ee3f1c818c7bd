"""Keeping one plugin's failure from becoming the import's.

An extractor plugin may raise, hang, or return something that is not a
claim. The pipeline runs each one through :func:`call_extractor`, which
turns an exception or an overrun of the time limit into a one-line reason,
and checks every claim it returns with :func:`claim_problem`; the
document is then stored with the other plugins' claims, and the reason is
recorded in ``import_errors`` under the plugin's name.

The time limit is per plugin per document: ``CLAIMTRACK_PLUGIN_TIMEOUT``
seconds (``--plugin-timeout`` on the command line; 0 turns it off), 60 by
default. It is enforced with ``SIGALRM`` (``signal.setitimer``) on the main
thread, so a plugin that hangs is interrupted where it runs, and no thread
is left spinning on its behalf. Off the main thread, or where there is no
``SIGALRM`` (Windows), no limit applies.
"""

from __future__ import annotations

import _signal
import contextlib
import functools
import math
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from claimtrack.model import CLAIM_KINDS, Claim, DateMention, Document, Figure, Speaker

TIMEOUT_ENV = "CLAIMTRACK_PLUGIN_TIMEOUT"
#: Seconds a plugin may spend on one document unless told otherwise: far
#: more than a linear-time extractor needs for the largest article (64 MiB).
DEFAULT_TIMEOUT = 60.0
#: After the limit, the alarm repeats this often, so a plugin that catches
#: the first interruption (``except BaseException``) is interrupted again.
_REPEAT = 0.5

_override: float | None = None


class PluginTimeout(BaseException):
    """A plugin ran past its time limit. A BaseException, so that a plugin's
    own ``except Exception`` does not swallow it."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than {seconds:g} s on this document ({TIMEOUT_ENV})")


def set_plugin_timeout(seconds: float | None) -> None:
    """Use ``seconds`` as the limit in this process (0: none); None goes back
    to ``CLAIMTRACK_PLUGIN_TIMEOUT`` or the default."""
    global _override
    _override = seconds


def plugin_timeout() -> float | None:
    """The limit now in force, in seconds, or None for no limit. Raises
    ValueError naming the variable when ``CLAIMTRACK_PLUGIN_TIMEOUT`` is not
    a number of seconds."""
    seconds = _override
    if seconds is None:
        seconds = _timeout_from(os.environ.get(TIMEOUT_ENV, ""))
    return seconds or None


@functools.lru_cache(maxsize=8)
def _timeout_from(raw: str) -> float:
    """The seconds ``CLAIMTRACK_PLUGIN_TIMEOUT`` says (read before every
    plugin call, parsed once per value)."""
    raw = raw.strip()
    try:
        seconds = float(raw) if raw else DEFAULT_TIMEOUT
    except ValueError:
        raise ValueError(f"{TIMEOUT_ENV} must be a number of seconds, not {raw!r}") from None
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"{TIMEOUT_ENV} must be a number of seconds, not {raw!r}")
    return seconds


_MAIN_THREAD = threading.main_thread().ident


def _can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.get_ident() == _MAIN_THREAD


#: The handler now set for a signal. signal.getsignal converts the answer
#: to an enum first, failing for a function, which cost 2 µs per plugin call;
#: the C function underneath answers the same without it.
_getsignal = getattr(_signal, "getsignal", signal.getsignal)

#: The limit being enforced now, for the message of the interruption.
_limit: list[float] = [DEFAULT_TIMEOUT]


def _on_alarm(signum: int, frame: object) -> None:
    raise PluginTimeout(_limit[0])


@contextlib.contextmanager
def alarm_handler() -> Iterator[None]:
    """Keep the time limit's ``SIGALRM`` handler installed for a whole
    batch (an import), so that each :func:`time_limit` inside only arms and
    disarms the timer: installing and restoring a handler for every plugin
    call was most of the cost of guarding it. The handler before is
    restored at the end."""
    if not _can_interrupt() or _getsignal(signal.SIGALRM) is _on_alarm:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        yield
    finally:
        signal.signal(signal.SIGALRM, previous)


class time_limit:
    """Raise :class:`PluginTimeout` in the block once it has run ``seconds``
    (None: never). An alarm already set by the caller is kept: the shorter
    of the two applies, and the caller's is re-armed with what it had left.

    A class rather than a generator context manager: it wraps every plugin
    call of an import, and within :func:`alarm_handler` all it costs is
    arming and disarming the timer."""

    __slots__ = ("enclosing", "installed", "outer", "previous", "seconds", "started")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds if seconds and _can_interrupt() else None

    def __enter__(self) -> None:
        seconds = self.seconds
        if seconds is None:
            return
        self.installed = _getsignal(signal.SIGALRM) is _on_alarm  # within alarm_handler()
        self.previous = None if self.installed else signal.signal(signal.SIGALRM, _on_alarm)
        self.enclosing, _limit[0] = _limit[0], seconds
        outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds, _REPEAT)
        if outer and outer < seconds:
            signal.setitimer(signal.ITIMER_REAL, outer, _REPEAT)
        self.outer = outer
        self.started = time.monotonic() if outer else 0.0

    def __exit__(self, *exc: object) -> None:
        if self.seconds is None:
            return
        while True:  # an alarm due right now must not skip the disarming
            try:
                signal.setitimer(signal.ITIMER_REAL, 0)
                if not self.installed:
                    signal.signal(signal.SIGALRM, self.previous)
                break
            except PluginTimeout:
                continue
        _limit[0] = self.enclosing
        if self.outer:
            left = self.outer - (time.monotonic() - self.started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))


def call_plugin(function: Callable[..., Any], **arguments: Any) -> tuple[Any, str | None]:
    """Call one hook implementation within the time limit: (what it
    returned, None), or (None, why it failed) if it raised or overran."""
    limit = plugin_timeout()
    try:
        with time_limit(limit):
            return function(**arguments), None
    except (Exception, PluginTimeout) as exc:
        return None, f"{type(exc).__name__}: {exc}"


def call_extractor(function: Callable[..., Any], document: Document) -> tuple[list[Any], str | None]:
    """Run one ``extract_claims`` implementation on ``document`` within the
    time limit: (what it returned, as a list; None) or ([], why it failed).
    A generator is consumed within the limit too."""
    found, failure = call_plugin(lambda: _as_list(function(document=document)))
    return (found or []), failure


def _as_list(found: Any) -> list[Any]:
    return list(found) if found is not None else []


def _is_int(value: object) -> bool:
    return type(value) is int or (isinstance(value, int) and not isinstance(value, bool))


def _optional_text(value: object) -> bool:
    return value is None or isinstance(value, str)


def _span_problem(what: str, span: Figure | DateMention, text: str) -> str | None:
    start, end = span.start, span.end
    if not (_is_int(start) and _is_int(end)):
        return f"{what} span is not a pair of integers"
    if not 0 <= start <= end <= len(text):
        return f"{what} span {start}-{end} is outside the document"
    if not isinstance(span.raw, str):
        return f"{what} raw text is {type(span.raw).__name__}, not str"
    return None


def _not_number(value: object) -> bool:
    return value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)))


# The checks run on every claim, figure and date of every import: written
# out rather than looped over attribute names (1% of extraction's
# instructions under callgrind).
def _figure_problem(figure: object, text: str) -> str | None:
    if not isinstance(figure, Figure):
        return f"a figure is {type(figure).__name__}, not a Figure"
    if _not_number(figure.value):
        return f"figure value is {type(figure.value).__name__}, not a number"
    if _not_number(figure.value_max):
        return f"figure value_max is {type(figure.value_max).__name__}, not a number"
    if not (
        _optional_text(figure.unit)
        and _optional_text(figure.unit_raw)
        and _optional_text(figure.qualifier)
        and _optional_text(figure.counted)
    ):
        return "figure unit, qualifier or counted is not text"
    return _span_problem("figure", figure, text)


def _date_problem(date: object, text: str) -> str | None:
    if not isinstance(date, DateMention):
        return f"a date is {type(date).__name__}, not a DateMention"
    if not (_optional_text(date.value) and _optional_text(date.value_end) and _optional_text(date.relation)):
        return "date value or relation is not text"
    return _span_problem("date", date, text)


def _speaker_problem(speaker: object) -> str | None:
    if speaker is None:
        return None
    if not isinstance(speaker, Speaker):
        return f"speaker is {type(speaker).__name__}, not a Speaker"
    if not isinstance(speaker.name, str) or not speaker.name.strip():
        return "speaker has no name"
    if not (_optional_text(speaker.role) and _optional_text(speaker.organization)):
        return "speaker role or organization is not text"
    if not isinstance(speaker.kind, str):
        return "speaker kind is not text"
    aliases = speaker.aliases
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        return "speaker aliases are not a list of text"
    return None


def claim_problem(claim: object, document: Document, speakers_ok: set[int] | None = None) -> str | None:
    """Why ``claim`` cannot be stored for ``document``, or None if it can:
    the checks that keep a plugin's mistake out of the store (and from
    failing the write of the whole document). ``speakers_ok`` holds the ids
    of speaker objects already found valid among a plugin's claims: the
    claims of one document share a few speakers."""
    if not isinstance(claim, Claim):
        return f"returned {type(claim).__name__}, not a Claim"
    text = document.text
    return _claim_fields_problem(claim, text) or _parts_problem(claim, text, speakers_ok)


def _claim_fields_problem(claim: Claim, text: str) -> str | None:
    if not (_is_int(claim.start) and _is_int(claim.end)):
        return "claim span is not a pair of integers"
    if not 0 <= claim.start < claim.end <= len(text):
        return f"claim span {claim.start}-{claim.end} is outside the document"
    if claim.text != text[claim.start : claim.end]:
        return f"claim text does not match the document at {claim.start}-{claim.end}"
    if not isinstance(claim.kind, str) or claim.kind not in CLAIM_KINDS:
        return f"claim kind {claim.kind!r} is not one of {', '.join(CLAIM_KINDS)}"
    if claim.confidence is None or _not_number(claim.confidence):
        return f"claim confidence is {type(claim.confidence).__name__}, not a number"
    if not (
        _optional_text(claim.said_on)
        and _optional_text(claim.language)
        and _optional_text(claim.recipient)
        and _optional_text(claim.cue)
    ):
        for name in ("said_on", "language", "recipient", "cue"):
            if not _optional_text(getattr(claim, name)):
                return f"claim {name} is {type(getattr(claim, name)).__name__}, not text"
    return None


def _parts_problem(claim: Claim, text: str, speakers_ok: set[int] | None) -> str | None:
    """What is wrong with the claim's speaker, figures or dates, if anything."""
    speaker = claim.speaker
    if speakers_ok is None or id(speaker) not in speakers_ok:
        reason = _speaker_problem(speaker)
        if reason:
            return reason
        if speakers_ok is not None:
            speakers_ok.add(id(speaker))
    for spans, check in ((claim.figures, _figure_problem), (claim.dates, _date_problem)):
        if spans is None:
            continue
        if not isinstance(spans, list):
            return f"claim figures or dates are {type(spans).__name__}, not a list"
        for span in spans:
            reason = check(span, text)
            if reason:
                return reason
    return None
