"""A plugin that raises, hangs or returns malformed claims is reported by
name and skipped; the other plugins' claims are stored (claimtrack/guard.py)."""

from __future__ import annotations

import re
import signal
import time

import pytest

from claimtrack import Claim, DateMention, Figure, Speaker, hookimpl, open_store
from claimtrack.cli import cli
from claimtrack.guard import (
    PluginTimeout,
    alarm_handler,
    call_extractor,
    plugin_timeout,
    set_plugin_timeout,
    time_limit,
)
from claimtrack.model import Document
from claimtrack.plugins import get_plugin_manager

TEXT = "Nothing here. The CHECKME figure was wrong.\n"


class Good:
    """Finds the sentence with CHECKME: the claim that must survive."""

    @hookimpl
    def extract_claims(self, document):
        i = document.text.find(" The CHECKME")
        if i < 0:
            return None
        end = document.text.index(".", i)
        return [Claim(text=document.text[i:end], start=i, end=end)]


def _plugin(function):
    """A plugin object whose extract_claims is ``function(document)``."""

    class Plugin:
        @hookimpl
        def extract_claims(self, document):
            return function(document)

    return Plugin()


def _spin(document):
    while True:  # a plugin stuck in pure Python
        pass


def _sleep(document):
    time.sleep(3600)


def _stubborn(document):
    """Swallows the first interruption and spins again: the alarm repeats.
    (A plugin that swallows every interruption in a loop cannot be stopped
    in-process; docs/reliability.md says so.)"""
    try:
        while True:
            pass
    except BaseException:  # the point of the test
        pass
    while True:
        pass


def _backtrack(document):
    """Catastrophic regex backtracking: stuck inside the C regex engine."""
    return re.findall(r"(a+)+b", "a" * 40)


def _generator(document):
    yield Claim(text=document.text[0:7], start=0, end=7)
    while True:
        time.sleep(0.01)


def _claim(**fields):
    base = {"text": TEXT[0:7], "start": 0, "end": 7}
    return Claim(**{**base, **fields})


MALFORMED = {
    "not_a_claim": ["a claim"],
    "not_a_list": 42,
    "end_before_start": [Claim(text="", start=7, end=3)],
    "outside": [Claim(text="x", start=len(TEXT), end=len(TEXT) + 5)],
    "negative": [Claim(text="x", start=-3, end=2)],
    "text_mismatch": [Claim(text="Something", start=0, end=7)],
    "float_span": [Claim(text=TEXT[0:7], start=0.0, end=7.0)],
    "bool_span": [Claim(text=TEXT[0:1], start=False, end=True)],
    "bad_kind": [_claim(kind=["direct"])],
    "bad_speaker": [_claim(speaker="Someone")],
    "speaker_without_name": [_claim(speaker=Speaker(name=None))],
    "bad_confidence": [_claim(confidence="high")],
    "bad_said_on": [_claim(said_on=20220101)],
    "figures_not_list": [_claim(figures="2,500")],
    "figure_not_figure": [_claim(figures=[{"raw": "2"}])],
    "figure_outside": [_claim(figures=[Figure(raw="9", start=500, end=501, value=9)])],
    "figure_value_text": [_claim(figures=[Figure(raw="N", start=0, end=1, value="nine")])],
    "date_outside": [_claim(dates=[DateMention(raw="d", start=-1, end=2, value=None)])],
    "date_value_not_text": [_claim(dates=[DateMention(raw="N", start=0, end=1, value=20220101)])],
}


def register(plugin: object, name: str) -> None:
    get_plugin_manager().register(plugin, name=name)


@pytest.fixture(autouse=True)
def default_limit():
    """No test leaves its limit behind (``--plugin-timeout`` sets it for the
    process)."""
    yield
    set_plugin_timeout(None)


@pytest.fixture
def short_limit():
    set_plugin_timeout(0.3)


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_claims_are_reported_by_name_and_the_rest_stored(name):
    returned = MALFORMED[name]
    register(Good(), "good")
    register(_plugin(lambda document: returned), name)
    extraction = claimtrack_extract()
    assert [c.extractor for c in extraction.claims] == ["good"]
    assert [p.plugin for p in extraction.problems] == [name]


def claimtrack_extract():
    from claimtrack import extract

    return extract(Document(text=TEXT, language="en"))


@pytest.mark.timeout(30)
@pytest.mark.parametrize("hang", [_spin, _sleep, _stubborn, _backtrack, _generator], ids=lambda f: f.__name__)
def test_a_hung_plugin_is_stopped_reported_and_skipped(hang, short_limit):
    register(Good(), "good")
    register(_plugin(hang), "hangs")
    handler, (alarm, _) = signal.getsignal(signal.SIGALRM), signal.getitimer(signal.ITIMER_REAL)
    started = time.monotonic()
    extraction = claimtrack_extract()
    assert time.monotonic() - started < 5
    assert [c.extractor for c in extraction.claims] == ["good"]
    assert [p.plugin for p in extraction.problems] == ["hangs"]
    assert "PluginTimeout: took longer than 0.3 s" in extraction.problems[0].message
    # the alarm is as it was (pytest-timeout's, if any) and so is its handler
    assert signal.getsignal(signal.SIGALRM) is handler
    remaining, interval = signal.getitimer(signal.ITIMER_REAL)
    assert interval == 0 and (remaining == 0 if alarm == 0 else 0 < remaining <= alarm)


@pytest.mark.timeout(60)
def test_import_reports_the_hung_and_raising_plugins_and_stores_the_rest(runner, tmp_path, db_path):
    register(Good(), "good")
    register(_plugin(_spin), "spins")
    register(_plugin(lambda document: 1 / 0), "divides")
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(f"Article {i}.{TEXT}", encoding="utf-8")
    args = ["import", *(f"a{i}.txt" for i in range(3)), "--db", str(db_path), "--plugin-timeout", "0.2"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert result.output.count("plugin 'spins' failed: PluginTimeout") == 3
    assert result.output.count("plugin 'divides' failed: ZeroDivisionError") == 3
    db = open_store(db_path)
    assert [r["extractor"] for r in db["claims"].rows] == ["good"] * 3
    plugins = [r["plugin"] for r in db.query("SELECT plugin FROM import_errors ORDER BY plugin")]
    assert plugins == ["divides"] * 3 + ["spins"] * 3


def test_time_limit_from_the_environment(monkeypatch, runner):
    monkeypatch.setenv("CLAIMTRACK_PLUGIN_TIMEOUT", "2.5")
    assert plugin_timeout() == 2.5
    monkeypatch.setenv("CLAIMTRACK_PLUGIN_TIMEOUT", "0")
    assert plugin_timeout() is None
    monkeypatch.setenv("CLAIMTRACK_PLUGIN_TIMEOUT", "soon")
    with pytest.raises(ValueError, match="CLAIMTRACK_PLUGIN_TIMEOUT"):
        plugin_timeout()
    result = runner.invoke(cli, ["extract", "-", "--lang", "en"], input=TEXT)
    assert result.exit_code == 2 and "--plugin-timeout" in result.output
    monkeypatch.delenv("CLAIMTRACK_PLUGIN_TIMEOUT")
    assert plugin_timeout() == 60


def test_a_fast_plugin_is_not_interrupted_and_an_outer_alarm_survives():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *args: fired.append(1))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.5)
        with time_limit(5):
            pass
        found, failure = call_extractor(lambda document: [1, 2], Document(text="x"))
        assert (found, failure) == ([1, 2], None)
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < remaining <= 0.5  # the caller's alarm is re-armed
        time.sleep(0.7)
        assert fired == [1]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.timeout(30)
def test_within_an_alarm_handler_each_limit_only_arms_the_timer(monkeypatch, short_limit):
    """An import installs the handler once (alarm_handler); each plugin call
    then only arms and disarms the timer, and a hang is still stopped."""
    before = signal.getsignal(signal.SIGALRM)
    installs = []
    with alarm_handler():
        real_signal = signal.signal
        monkeypatch.setattr(signal, "signal", lambda *args: installs.append(args) or real_signal(*args))
        register(Good(), "good")
        register(_plugin(_spin), "spins")
        extraction = claimtrack_extract()
        monkeypatch.undo()
    assert [p.plugin for p in extraction.problems] == ["spins"]
    assert "took longer than 0.3 s" in extraction.problems[0].message
    assert installs == []
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL)[1] == 0


def test_the_shorter_outer_alarm_wins():
    previous = signal.signal(signal.SIGALRM, signal.SIG_IGN)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        started = time.monotonic()
        with pytest.raises(PluginTimeout), time_limit(30):
            time.sleep(5)
        assert time.monotonic() - started < 2
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_enrich_and_language_plugins_that_fail_are_reported_and_skipped(short_limit):
    class BadEnrich:
        @hookimpl
        def enrich_document(self, document):
            raise RuntimeError("enrich broke")

    class WrongEnrich:
        @hookimpl
        def enrich_document(self, document):
            return ["outlet", "x"]

    class GoodEnrich:
        @hookimpl
        def enrich_document(self, document):
            return {"outlet": "Desk"}

    class HungLanguage:
        @hookimpl(tryfirst=True)
        def detect_language(self, text):
            _spin(None)

    register(Good(), "good")
    register(GoodEnrich(), "good_enrich")
    register(BadEnrich(), "bad_enrich")
    register(WrongEnrich(), "wrong_enrich")
    register(HungLanguage(), "hung_language")
    from claimtrack import extract

    extraction = extract(Document(text=TEXT))
    assert extraction.document.outlet == "Desk"
    assert extraction.document.language == "en"  # the default detector still answers
    assert [c.extractor for c in extraction.claims] == ["good"]
    problems = {p.plugin: p.message for p in extraction.problems}
    assert problems.keys() == {"bad_enrich", "wrong_enrich", "hung_language"}
    assert "RuntimeError: enrich broke" in problems["bad_enrich"]
    assert "not a dict" in problems["wrong_enrich"]
    assert "PluginTimeout" in problems["hung_language"]


def test_a_document_that_breaks_a_core_hook_is_reported_and_the_rest_imported(runner, tmp_path, db_path):
    class BreaksOnBoom:
        @hookimpl(tryfirst=True)
        def normalize_text(self, text, language):
            if "boom" in text:
                raise RuntimeError("normalizer broke")

    register(BreaksOnBoom(), "breaks_on_boom")
    lines = [
        "The minister said 2,500 troops arrived.",
        "The minister said the boom of 2,500 troops arrived.",
        "Officials said 3 people died.",
    ]
    (tmp_path / "b.jsonl").write_text("".join(f'{{"text": "{t}"}}\n' for t in lines), encoding="utf-8")
    result = runner.invoke(cli, ["import", "b.jsonl", "--db", str(db_path)])
    assert result.exit_code == 1
    assert "b.jsonl:2: not imported: RuntimeError: normalizer broke" in result.output
    db = open_store(db_path)
    assert db["documents"].count == 2
    assert [r["source"] for r in db["import_errors"].rows] == ["b.jsonl:2"]
