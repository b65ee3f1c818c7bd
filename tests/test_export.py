"""`claimtrack export`: claims as JSONL and CSV, reviews as ClaimReview
JSON-LD that validates against the schema.org shape and reads back with
every field kept."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

import claimtrack
from claimtrack import Exporter, hookimpl
from claimtrack.cli import cli
from claimtrack.exporting import get_exporters
from claimtrack.plugins import get_plugin_manager

FORMATS = Path(__file__).resolve().parent.parent / "datasets" / "formats"
SCHEMA = json.loads((Path(__file__).parent / "claimreview.schema.json").read_text(encoding="utf-8"))


@pytest.fixture
def store(runner):
    """Articles from two outlets, linked, a cluster review given with the
    CLI, and imported ClaimReview files."""
    files = [
        "wafa-style-article.html",
        "desk-ar.rss",
        "reviews-ar.jsonld",
        "factcheck-page.html",
        "factcheck-api.json",
    ]
    result = runner.invoke(cli, ["import", *[str(FORMATS / f) for f in files], "--db", "a.db"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(cli, ["link", "--db", "a.db"]).exit_code == 0
    db = claimtrack.open_store("a.db")
    [cluster] = db.query(
        "SELECT c.cluster_id FROM claims c JOIN documents d ON d.id = c.document_id "
        "WHERE c.text LIKE '%ساعات التقنين%' AND d.importer = 'html'"
    )
    result = runner.invoke(
        cli,
        [
            "review",
            cluster["cluster_id"],
            "--rating",
            "غير دقيق",
            "--reviewer",
            "منصة تحقق",
            "--reviewer-url",
            "https://tahaqqaq.example",
            "--url",
            "https://tahaqqaq.example/c/9",
            "--date",
            "2024-03-22",
            "--explanation",
            "التقنين ما زال ثماني ساعات في ثلاث محافظات.",
            "--db",
            "a.db",
        ],
    )
    assert result.exit_code == 0, result.output
    return db


def export(runner, fmt: str, db: str = "a.db"):
    result = runner.invoke(cli, ["export", "--format", fmt, "--db", db])
    assert result.exit_code == 0, result.output
    return result


def test_claimreview_export_validates(runner, store):
    reviews = json.loads(export(runner, "claimreview").stdout)
    assert len(reviews) == store["reviews"].count == 6
    for review in reviews:
        jsonschema.validate(review, SCHEMA)


def test_cluster_review_lists_every_outlet(runner, store):
    reviews = json.loads(export(runner, "claimreview").stdout)
    [cluster] = [r for r in reviews if r.get("url") == "https://tahaqqaq.example/c/9"]
    assert cluster["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "غير دقيق",
        "ratingExplanation": "التقنين ما زال ثماني ساعات في ثلاث محافظات.",
    }
    assert cluster["author"] == {
        "@type": "Organization",
        "name": "منصة تحقق",
        "url": "https://tahaqqaq.example",
    }
    item = cluster["itemReviewed"]
    assert item["author"] == {
        "@type": "Person",
        "name": "سليم الحداد",
        "jobTitle": "وزير الطاقة",
        # known from the imported ClaimReview about the same speaker
        "affiliation": {"@type": "Organization", "name": "وزارة الطاقة"},
    }
    assert {a["url"] for a in item["appearance"]} == {
        "https://mashreq-news.example/ar/economy/2024/03/12/power-output",
        "https://daily-khabar.example/news/8812",
    }
    assert {a["publisher"]["name"] for a in item["appearance"]} == {
        "وكالة المشرق للأنباء",
        "موقع الخبر اليومي",
    }
    assert item["firstAppearance"]["url"] == "https://mashreq-news.example/ar/economy/2024/03/12/power-output"
    assert item["datePublished"] == "2024-03-12"
    assert cluster["inLanguage"] == "ar"


def test_claimreview_round_trip_keeps_every_field(runner, store, tmp_path):
    first = export(runner, "claimreview").stdout
    (tmp_path / "out.jsonld").write_text(first, encoding="utf-8")
    result = runner.invoke(cli, ["import", "out.jsonld", "--db", "b.db"])
    assert result.exit_code == 0, result.output
    second = export(runner, "claimreview", "b.db").stdout

    def key(review):
        return review.get("url") or review["claimReviewed"]

    assert sorted(json.loads(first), key=key) == sorted(json.loads(second), key=key)


def test_jsonl_export_has_speakers_figures_clusters_and_reimports_as_claims(runner, store, tmp_path):
    lines = [json.loads(line) for line in export(runner, "jsonl").stdout.splitlines()]
    assert len(lines) == store["claims"].count
    power = next(r for r in lines if r["text"].startswith("إنتاج الكهرباء في البلاد"))
    assert (power["speaker"], power["speaker_role"], power["outlet"]) == (
        "سليم الحداد",
        "وزير الطاقة",
        "وكالة المشرق للأنباء",
    )
    assert power["figures"][0] == {
        "raw": "4500 ميغاواط",
        "value": 4500.0,
        "value_max": None,
        "unit": "MW",
        "qualifier": None,
        "counted": None,
    }
    assert power["cluster_id"] and power["cluster_label"]
    (tmp_path / "claims.jsonl").write_text(export(runner, "jsonl").stdout, encoding="utf-8")
    result = runner.invoke(cli, ["import", "--format", "claims", "claims.jsonl", "--db", "c.db"])
    assert result.exit_code == 0, result.output
    copy = claimtrack.open_store("c.db")
    assert copy["claims"].count == len(lines)
    assert {r["text"] for r in copy["claims"].rows} == {r["text"] for r in lines}


def test_csv_export(runner, store):
    rows = list(csv.DictReader(io.StringIO(export(runner, "csv").stdout)))
    assert len(rows) == store["claims"].count
    checked = [r for r in rows if r["checked_by"]]
    assert checked, "claims covered by a review carry its id"
    power = next(r for r in rows if r["text"].startswith("إنتاج الكهرباء في البلاد"))
    assert json.loads(power["figures"])[0]["unit"] == "MW"


def test_export_to_a_file_is_all_or_nothing(runner, store, tmp_path):
    class Broken:
        @hookimpl
        def register_exporters(self, register):
            def write(db, stream):
                stream.write(b"half")
                raise RuntimeError("disk on fire")

            register(Exporter("broken", write, ".txt"))

    get_plugin_manager().register(Broken(), name="broken-exporter")
    (tmp_path / "out.txt").write_text("previous export")
    result = runner.invoke(cli, ["export", "--format", "broken", "-o", "out.txt", "--db", "a.db"])
    assert result.exit_code != 0
    assert (tmp_path / "out.txt").read_text() == "previous export"
    assert not (tmp_path / "out.txt.partial").exists()


def test_hook_register_exporters(runner, store, tmp_path):
    class Speakers:
        @hookimpl
        def register_exporters(self, register):
            def write(db, stream):
                names = sorted(r[0] for r in db.execute("SELECT name FROM speakers"))
                stream.write("\n".join(names).encode("utf-8"))
                return len(names)

            register(Exporter("speakers", write, ".txt", "Speaker names"))

    get_plugin_manager().register(Speakers(), name="speakers-exporter")
    assert "speakers" in get_exporters()
    result = runner.invoke(cli, ["export", "--format", "speakers", "-o", "s.txt", "--db", "a.db"])
    assert result.exit_code == 0, result.output
    assert "سليم الحداد" in (tmp_path / "s.txt").read_text(encoding="utf-8").splitlines()


def test_export_unknown_format_and_missing_store(runner, store):
    result = runner.invoke(cli, ["export", "--format", "pdf", "--db", "a.db"])
    assert result.exit_code == 2 and "unknown format 'pdf'" in result.output
    result = runner.invoke(cli, ["export", "--db", "nothing.db"])
    assert result.exit_code == 1 and "no such store" in result.output
