"""One test per hook (test_hook_<name>), and the meta-tests that keep it so:
a hookspec with no test, or missing from docs/hooks.md, fails the suite."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import click

import claimtrack
from claimtrack import Claim, DateMention, Document, Figure, Importer, hookimpl, hookspecs
from claimtrack.cli import cli
from claimtrack.importing import get_importers
from claimtrack.plugins import get_plugin_manager

ROOT = Path(__file__).resolve().parent.parent
HOOK_NAMES = sorted(
    name
    for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
    if hasattr(function, "claimtrack_spec")
)


def register(plugin: object, name: str) -> None:
    get_plugin_manager().register(plugin, name=name)


def test_hookspecs_are_documented_in_code():
    for name in HOOK_NAMES:
        assert getattr(hookspecs, name).__doc__, f"hookspec {name} has no docstring"


def test_every_hook_has_a_test():
    names = set()
    for path in Path(__file__).parent.glob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_hook_"):
                names.add(node.name)
    missing = [h for h in HOOK_NAMES if not any(n.startswith(f"test_hook_{h}") for n in names)]
    assert not missing, f"hooks without a test_hook_<name> test: {missing}"


def test_every_hook_is_in_the_hook_reference():
    reference = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    missing = [h for h in HOOK_NAMES if f"## {h}(" not in reference]
    assert not missing, f"hooks missing from docs/hooks.md: {missing}"


def test_hook_extract_claims_one_plugin_at_a_time():
    class Good:
        @hookimpl
        def extract_claims(self, document):
            i = document.text.index("troops")
            return [Claim(text=document.text[: i + 6], start=0, end=i + 6, kind="reported")]

    class Broken:
        @hookimpl
        def extract_claims(self, document):
            raise ValueError("boom")

    register(Good(), "good")
    register(Broken(), "broken")
    extraction = claimtrack.extract(Document(text="More than 2,000 troops arrived.", language="en"))
    good = [c for c in extraction.claims if c.extractor == "good"]
    assert len(good) == 1
    assert [p.plugin for p in extraction.problems] == ["broken"]
    assert "boom" in extraction.problems[0].message
    # figures were filled in through extract_figures, in document offsets
    figure = good[0].figures[0]
    assert figure.value == 2000 and figure.unit == "person"
    assert extraction.document.text[figure.start : figure.end] == figure.raw


def test_hook_extract_figures_results_are_merged():
    class Flurb:
        @hookimpl
        def extract_figures(self, text, language):
            i = text.find("flurb")
            return [Figure(raw="flurb", start=i, end=i + 5, value=7)] if i >= 0 else []

    register(Flurb(), "flurb")
    figures = claimtrack.find_figures("We saw a flurb of ships and 40 tanks", "en")
    assert ("flurb", 7) in [(f.raw, f.value) for f in figures]
    # overlapping shorter results are dropped
    kept = claimtrack.keep_longest(
        [Figure("12 ships", 0, 8, 12), Figure("12", 0, 2, 12), Figure("ships", 3, 8, None)]
    )
    assert [f.raw for f in kept] == ["12 ships"]


def test_hook_extract_dates_resolves_against_reference():
    class Tomorrow:
        @hookimpl
        def extract_dates(self, text, language, reference):
            i = text.find("tomorrow")
            if i < 0 or not reference:
                return None
            import datetime as dt

            day = dt.date.fromisoformat(reference) + dt.timedelta(days=1)
            return [DateMention("tomorrow", i, i + 8, day.isoformat())]

    register(Tomorrow(), "tomorrow")
    dates = claimtrack.find_dates("They arrive tomorrow.", "en", "2022-01-06")
    assert [(d.raw, d.value) for d in dates] == [("tomorrow", "2022-01-07")]


def test_hook_detect_language_firstresult():
    assert claimtrack.detect_language("قال المتحدث إن الوضع مستقر") == "ar"
    assert claimtrack.detect_language("The spokesman said the situation was stable.") == "en"

    class Klingon:
        @hookimpl
        def detect_language(self, text):
            return "tlh" if "Qapla" in text else None

    register(Klingon(), "klingon")
    assert claimtrack.detect_language("Qapla'!") == "tlh"
    assert claimtrack.detect_language("The minister said so.") == "en"


def test_hook_normalize_text_default_and_override():
    assert claimtrack.normalize_text("إرسالُ أولِ دفعةٍ ٢٥٠٠", "ar") == "ارسال اول دفعه 2500"

    class Upper:
        @hookimpl(tryfirst=True)
        def normalize_text(self, text, language):
            return text.upper() if language == "tlh" else None

    register(Upper(), "upper")
    assert claimtrack.normalize_text("qapla", "tlh") == "QAPLA"
    assert claimtrack.normalize_text("Café", "en") == "cafe"


def test_hook_enrich_document_fills_only_empty_fields():
    class Byline:
        @hookimpl
        def enrich_document(self, document):
            return {"title": "From the text", "outlet": "Enriched", "bogus": "ignored"}

    register(Byline(), "byline")
    document = claimtrack.extract(Document(text="Nothing here.", outlet="Given")).document
    assert document.title == "From the text"
    assert document.outlet == "Given"
    assert not hasattr(document, "bogus")


def test_hook_register_importers(tmp_path, runner):
    def read_shout(source):
        for number, line in enumerate(source.open().read().decode().splitlines(), start=1):
            if line.strip():
                yield Document(text=line.strip() + " CHECKME.", source=f"{source.name}:{number}")

    class Shout:
        @hookimpl
        def register_importers(self, register):
            register(Importer("shout", read_shout, (".shout",), "One article per line."))

    register(Shout(), "shout")
    assert "shout" in get_importers()
    (tmp_path / "in.shout").write_text("first article\nsecond article\n")
    result = runner.invoke(cli, ["import", "in.shout", "--db", "x.db"])
    assert result.exit_code == 0, result.output
    db = claimtrack.open_store("x.db")
    assert db["documents"].count == 2
    assert {r["importer"] for r in db["documents"].rows} == {"shout"}


def test_hook_register_commands(runner):
    class Hello:
        @hookimpl
        def register_commands(self, cli):
            @cli.command()
            def hello():
                """Say hello."""
                click.echo("hello from a plugin")

    register(Hello(), "hello")
    result = runner.invoke(cli, ["hello"])
    assert result.output == "hello from a plugin\n"


def test_hook_claims_stored_event(tmp_path, runner, db_path):
    seen = []

    class Listener:
        @hookimpl
        def claims_stored(self, db, document, claims):
            # called after the commit: the rows are visible
            seen.append((db["documents"].count, document.title, len(claims)))

    register(Listener(), "listener")
    (tmp_path / "a.txt").write_text("---\ntitle: T\n---\nnothing to see\n", encoding="utf-8")
    result = runner.invoke(cli, ["import", "a.txt", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert seen == [(1, "T", 0)]


def test_claim_spanning_keeps_only_the_figures_and_dates_inside_it():
    text = "Before 3 ships. He said 2,500 troops left on Friday. After 40 tanks."
    figures = [
        Figure(raw="3 ships", start=7, end=14, value=3),
        Figure(raw="2,500 troops", start=24, end=36, value=2500),
        Figure(raw="40 tanks", start=59, end=67, value=40),
    ]
    dates = [DateMention(raw="Friday", start=45, end=51, value="2022-01-07")]
    claim = Claim.spanning(text, 15, 52, figures, dates, kind="reported")
    assert claim.text == text[15:52]
    assert (claim.start, claim.end, claim.kind) == (15, 52, "reported")
    assert [f.raw for f in claim.figures] == ["2,500 troops"]
    assert [d.raw for d in claim.dates] == ["Friday"]


def test_hook_normalize_text_wrapper_is_honoured():
    """normalize_text skips pluggy while only the core implements it; a
    wrapper (or any other implementation) puts pluggy back in the path."""

    class Marked:
        @hookimpl(wrapper=True)
        def normalize_text(self, text, language):
            result = yield
            return f"<{result}>"

    register(Marked(), "marked")
    assert claimtrack.normalize_text("Café", "en") == "<cafe>"
