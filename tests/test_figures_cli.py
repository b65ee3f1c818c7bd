"""``claimtrack figures``: the command the figures plugin adds through the
``register_commands`` hook."""

from __future__ import annotations

import json

from claimtrack.cli import cli

FIELDS = {"raw", "start", "end", "value", "value_max", "unit", "unit_raw", "qualifier", "counted"}


def test_figures_prints_one_readable_line_per_figure(runner):
    text = "ستصل إلى 2500 شخص وقد يزداد، في غضون ساعتين إلى ثلاث ساعات"
    result = runner.invoke(cli, ["figures", text])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines == [
        "2500 person (may increase) «2500 شخص وقد يزداد» [9-27]",
        f"2–3 hour «ساعتين إلى ثلاث ساعات» [{text.index('ساعتين')}-{len(text)}]",
    ]


def test_figures_json_is_a_list_of_figure_dicts(runner):
    result = runner.invoke(
        cli, ["figures", "--json", "--lang", "en", "more than $8 million and 10 people killed"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [set(item) for item in data] == [FIELDS, FIELDS]
    money, people = data
    assert (money["value"], money["unit"], money["qualifier"], money["raw"]) == (
        8e6,
        "USD",
        "more than",
        "more than $8 million",
    )
    assert (people["value"], people["unit"], people["counted"]) == (10, "person", "killed")


def test_figures_json_keeps_arabic_readable(runner):
    result = runner.invoke(cli, ["figures", "--json", "خلال اليومين الأخيرين"])
    assert result.exit_code == 0
    assert "اليومين" in result.output
    assert json.loads(result.output)[0]["unit"] == "day"


def test_figures_reads_standard_input(runner):
    result = runner.invoke(cli, ["figures", "-"], input="About 2,500 troops arrived.\n")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("2500 person (approximately) «About 2,500 troops»")
    result = runner.invoke(cli, ["figures", "--json"], input="2,500 troops")
    assert json.loads(result.output)[0]["value"] == 2500


def test_figures_says_so_when_there_are_none(runner):
    result = runner.invoke(cli, ["figures", "في عام 2022 وفق المادة 4"])
    assert result.exit_code == 0
    assert result.output.strip() == "no figures found"
    result = runner.invoke(cli, ["figures", "--json", "nothing here"])
    assert json.loads(result.output) == []


def test_figures_rejects_an_unknown_language(runner):
    result = runner.invoke(cli, ["figures", "--lang", "xx", "2,500 troops"])
    assert result.exit_code == 2
    assert "xx" in result.output


def test_figures_is_listed_with_help(runner):
    result = runner.invoke(cli, ["--help"])
    assert "figures" in result.output
    result = runner.invoke(cli, ["figures", "--help"])
    assert result.exit_code == 0
    assert "--json" in result.output and "--lang" in result.output
