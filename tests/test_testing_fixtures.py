"""claimtrack.testing, the fixtures plugin authors get: a temporary store and
the pipeline with only chosen plugins loaded."""

from __future__ import annotations

import re

import pluggy
import pytest

from claimtrack import Claim, Document, hookimpl
from claimtrack.store import SCHEMA_VERSION, schema_version
from claimtrack.testing import core_plugins

pytest_plugins = ["pytester"]

ARABIC = "وقال الوزير إن 2500 جندي وصلوا إلى المدينة يوم الأحد الماضي، مضيفا أن الوضع مستقر."


class Shouts:
    """Every run of capitals is a reported claim: language-blind on purpose,
    so a test can tell its claims from any other extractor's."""

    @hookimpl
    def extract_claims(self, document: Document) -> list[Claim]:
        return [
            Claim(text=m.group(), start=m.start(), end=m.end(), kind="reported")
            for m in re.finditer(r"[A-Z][A-Z0-9 ]{8,}[A-Z0-9]", document.text)
        ]


def test_store_is_empty_and_current(claimtrack_store, tmp_path):
    assert schema_version(claimtrack_store) == SCHEMA_VERSION
    assert {"documents", "claims", "speakers", "figures", "dates"} <= set(claimtrack_store.table_names())
    assert claimtrack_store["claims"].count == 0
    assert (tmp_path / "claims.db").exists()


def test_only_chosen_plugins_are_loaded(claimtrack_pipeline):
    pipeline = claimtrack_pipeline(Shouts())
    assert pipeline.plugin_names == sorted([*core_plugins(), "Shouts"])
    # The Arabic extractor is installed but not chosen: no claims from it.
    assert pipeline.claims(ARABIC, language="ar") == []
    claims = pipeline.claims("He wrote 2500 SOLDIERS ARRIVED 2500 in capitals.", language="en")
    assert [(c.text, c.extractor) for c in claims] == [("SOLDIERS ARRIVED 2500", "Shouts")]
    # No figures plugin chosen: the core finds no figures.
    assert claims[0].figures == []


def test_chosen_default_plugins_by_name(claimtrack_pipeline):
    pipeline = claimtrack_pipeline("claimtrack_arabic", "claimtrack_figures")
    claims = pipeline.claims(ARABIC, language="ar", published="2022-01-06")
    assert {c.extractor for c in claims} == {"claimtrack_arabic"}
    assert [(f.value, f.unit) for c in claims for f in c.figures] == [(2500, "person")]
    assert [d.value for c in claims for d in c.dates] == ["2022-01-02"]
    assert "claimtrack_english" not in pipeline.plugin_names
    # Without the figures plugin the same claims come with no figures.
    alone = claimtrack_pipeline("claimtrack_arabic").claims(ARABIC, language="ar", published="2022-01-06")
    assert [c.text for c in alone] == [c.text for c in claims]
    assert [f for c in alone for f in c.figures] == []


def test_claims_fails_the_test_when_a_plugin_fails(claimtrack_pipeline):
    class Broken:
        @hookimpl
        def extract_claims(self, document):
            raise ValueError("boom")

    pipeline = claimtrack_pipeline(Broken(), Shouts())
    extraction = pipeline.extract("NOTHING BUT CAPITALS HERE")
    assert [p.plugin for p in extraction.problems] == ["Broken"]
    assert [c.extractor for c in extraction.claims] == ["Shouts"]
    with pytest.raises(AssertionError, match="Broken: ValueError: boom"):
        pipeline.claims("NOTHING BUT CAPITALS HERE")


def test_misspelled_hook_fails_loudly(claimtrack_pipeline):
    class Typo:
        @hookimpl
        def extract_claim(self, document):
            return []

    with pytest.raises(pluggy.PluginValidationError, match="extract_claim"):
        claimtrack_pipeline(Typo())


def test_store_imports_through_the_chosen_plugins(claimtrack_pipeline, claimtrack_store):
    heard = []

    class Listener:
        @hookimpl
        def claims_stored(self, db, document, claims):
            heard.append([c.text for c in claims])

    pipeline = claimtrack_pipeline(Shouts(), Listener())
    report = pipeline.store(claimtrack_store, "Then: TROOPS WILL LEAVE SOON, he said.", language="en")
    assert (report.documents, report.claims, report.failed) == (1, 1, False)
    rows = list(claimtrack_store.query("select text, extractor from claims"))
    assert rows == [{"text": "TROOPS WILL LEAVE SOON", "extractor": "Shouts"}]
    assert heard == [["TROOPS WILL LEAVE SOON"]]


def test_cli_sees_only_the_chosen_plugins(claimtrack_pipeline, tmp_path):
    import click

    class Hello:
        @hookimpl
        def register_commands(self, cli):
            @cli.command()
            def hello():
                """Say hello to the test."""
                click.echo("hello")

    pipeline = claimtrack_pipeline(Hello(), Shouts())
    assert pipeline.cli("hello").output == "hello\n"
    listed = pipeline.cli("plugins", "--all").output
    assert '"Shouts"' in listed and '"Hello"' in listed and "claimtrack_arabic" not in listed
    article = tmp_path / "a.txt"
    article.write_text("The sign said STOP THE WAR NOW in red.", encoding="utf-8")
    result = pipeline.cli("extract", "--json", "--lang", "en", str(article))
    assert '"text": "STOP THE WAR NOW"' in result.output


def test_plugin_authors_get_the_fixtures_without_conftest(pytester, monkeypatch):
    """What a plugin's own suite sees: no conftest, no import of
    claimtrack.testing, settings from the shell ignored."""
    monkeypatch.setenv("CLAIMTRACK_LOAD_PLUGINS", "nothing")
    monkeypatch.setenv("CLAIMTRACK_DB", "/nonexistent/claims.db")
    pytester.makepyfile(
        """
        import os
        from claimtrack import Claim, hookimpl

        @hookimpl
        def extract_claims(document):
            return [Claim(text=document.text[:4], start=0, end=4)]

        def test_env(claimtrack_env):
            assert "CLAIMTRACK_DB" not in os.environ
            assert "CLAIMTRACK_LOAD_PLUGINS" not in os.environ

        def test_pipeline(claimtrack_pipeline):
            import sys
            claims = claimtrack_pipeline(sys.modules[__name__]).claims("abcdefg")
            assert [c.text for c in claims] == ["abcd"]

        def test_store(claimtrack_store):
            assert claimtrack_store["claims"].count == 0
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3)
