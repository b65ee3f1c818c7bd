"""Reviews: the rating scale and its label table, `claimtrack review` on
claims and clusters, claims marked as previously checked, and `claimtrack
check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import claimtrack
from claimtrack import hookimpl
from claimtrack.cli import cli
from claimtrack.plugins import get_plugin_manager
from claimtrack.ratings import SCALE, Ratings

FORMATS = Path(__file__).resolve().parent.parent / "datasets" / "formats"


@pytest.mark.parametrize(
    ("label", "scale"),
    [
        ("زائف", "false"),
        ("مضلل", "mostly false"),
        ("صحيح", "true"),
        ("غير دقيق", "mostly false"),
        ("خادع", "mostly false"),
        ("زائفٌ", "false"),  # diacritics
        ("مضللة", "mostly false"),  # feminine, ta marbuta
        ("صحيح جزئياً", "mixture"),
        ("غير صحيح", "false"),  # not "صحيح" inside it
        ("False.", "false"),
        ("Pants on Fire!", "false"),
        ("Mostly TRUE", "mostly true"),
        ("Half-True", "mixture"),
        ("Missing context", "mostly false"),
        ("Unproven", "other"),
        ("Satire", "other"),
        ("This claim is false", "false"),  # a known label inside a sentence
        ("True, but misleading", None),  # two scales: not guessed
        ("Cosmic nonsense", None),
        ("", None),
    ],
)
def test_rating_labels(label, scale):
    assert Ratings().scale_of(label) == scale


@pytest.mark.parametrize(
    ("value", "best", "worst", "scale"),
    [
        (1, 5, 1, "false"),
        (5, 5, 1, "true"),
        (3, 5, 1, "mixture"),
        (2, None, None, "mostly false"),
        (9, 10, 0, "true"),
        (0, 10, 0, "false"),
        (7, 5, 1, None),
        (1, 1, 1, None),
    ],
)
def test_numeric_ratings_placed_by_range(value, best, worst, scale):
    assert Ratings().from_value(value, best, worst) == scale


def test_label_table_only_maps_to_the_scale():
    assert set(Ratings()._table.values()) == set(SCALE)
    with pytest.raises(ValueError):
        Ratings({"x": "very true"})


def test_hook_register_rating_labels(runner):
    assert claimtrack.ratings.get_ratings().scale_of("flip flop") is None  # built (and cached) before

    class Desk:
        @hookimpl
        def register_rating_labels(self, register):
            register("Flip-flop", "other")
            register("مفبرك جزئيا", "mostly false")
            register("Misleading", "mixture")  # a desk's own reading overrides the table

    get_plugin_manager().register(Desk(), name="desk-ratings")
    ratings = claimtrack.ratings.get_ratings()
    assert ratings.scale_of("flip flop") == "other"
    assert ratings.scale_of("مفبرك جزئياً") == "mostly false"
    assert ratings.scale_of("misleading") == "mixture"
    assert ratings.scale_of("زائف") == "false"  # the built-in table still there


@pytest.fixture
def linked(runner):
    """The electricity story from two outlets, imported and linked."""
    result = runner.invoke(
        cli,
        ["import", str(FORMATS / "wafa-style-article.html"), str(FORMATS / "desk-ar.rss"), "--db", "x.db"],
    )
    assert result.exit_code == 0, result.output
    assert runner.invoke(cli, ["link", "--db", "x.db"]).exit_code == 0
    return claimtrack.open_store("x.db")


def claim_like(db, words: str) -> dict:
    [row] = db.query(
        "SELECT * FROM claims WHERE text LIKE ? ORDER BY length(text) DESC LIMIT 1", [f"%{words}%"]
    )
    return row


def test_review_a_claim(runner, linked):
    claim = claim_like(linked, "120 مليون دولار")
    result = runner.invoke(
        cli,
        [
            "review",
            claim["id"][:11],
            "--rating",
            "صحيح",
            "--reviewer",
            "منصة تحقق",
            "--date",
            "2024-03-20",
            "--explanation",
            "العقد منشور في الجريدة الرسمية.",
            "--url",
            "https://tahaqqaq.example/c/1",
            "--db",
            "x.db",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    stored = json.loads(result.output)
    assert (stored["claim_id"], stored["scope"], stored["rating"], stored["rating_normalized"]) == (
        claim["id"],
        "claim",
        "صحيح",
        "true",
    )
    assert (stored["rating_value"], stored["best_rating"], stored["worst_rating"]) == (5, 5, 1)
    assert linked["claims"].get(claim["id"])["checked_by"] == stored["id"]
    # the same reviewer again replaces the verdict
    again = runner.invoke(
        cli,
        [
            "review",
            claim["id"],
            "--rating",
            "مضلل",
            "--reviewer",
            "منصة تحقق",
            "--url",
            "https://tahaqqaq.example/c/1",
            "--db",
            "x.db",
        ],
    )
    assert again.exit_code == 0, again.output
    assert [r["rating"] for r in linked["reviews"].rows] == ["مضلل"]


def test_review_a_cluster_marks_every_member_and_survives_relinking(runner, linked):
    power = claim_like(linked, "4500 ميغاواط")
    members = {
        r["id"] for r in linked.query("SELECT id FROM claims WHERE cluster_id = ?", [power["cluster_id"]])
    }
    assert len(members) == 2
    result = runner.invoke(cli, ["review", power["cluster_id"], "--rating", "Misleading", "--db", "x.db"])
    assert result.exit_code == 0, result.output
    assert "(mostly false) on cluster" in result.output
    marked = {r["id"] for r in linked.query("SELECT id FROM claims WHERE checked_by IS NOT NULL")}
    assert marked == members
    assert runner.invoke(cli, ["link", "--rebuild", "--db", "x.db"]).exit_code == 0
    marked = {r["id"] for r in linked.query("SELECT id FROM claims WHERE checked_by IS NOT NULL")}
    assert marked == members
    [review] = linked["reviews"].rows
    assert review["scope"] == "cluster" and review["claim_id"] in members


def test_new_repeat_of_a_reviewed_claim_is_marked_when_linked(runner, tmp_path):
    runner.invoke(cli, ["import", str(FORMATS / "wafa-style-article.html"), "--db", "x.db"])
    db = claimtrack.open_store("x.db")
    power = claim_like(db, "4500 ميغاواط")
    assert runner.invoke(cli, ["review", power["id"], "--rating", "زائف", "--db", "x.db"]).exit_code == 0
    runner.invoke(cli, ["import", str(FORMATS / "desk-ar.rss"), "--db", "x.db"])
    result = runner.invoke(cli, ["link", "--db", "x.db"])
    assert "reviewed or repeating a reviewed claim" in result.output
    repeat = db.execute(
        "SELECT c.checked_by FROM claims c JOIN documents d ON d.id = c.document_id "
        "WHERE d.outlet = 'موقع الخبر اليومي' AND c.text LIKE '%4500%'"
    ).fetchone()
    assert repeat[0] is not None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ffffffffffffffff", "--rating", "False"], "no claim or cluster with id 'ffffffffffffffff'"),
        (["not-an-id", "--rating", "False"], "not a claim or cluster id"),
        (["{claim}", "--rating", "Cosmic nonsense"], "unknown rating 'Cosmic nonsense'"),
        (["{claim}", "--rating", "False", "--date", "yesterday"], "not an ISO date"),
    ],
)
def test_review_errors(runner, linked, args, message):
    claim = claim_like(linked, "120 مليون")
    result = runner.invoke(cli, ["review", *[a.format(claim=claim["id"]) for a in args], "--db", "x.db"])
    assert result.exit_code != 0
    assert message in result.output
    assert linked["reviews"].count == 0


def test_review_unknown_label_with_explicit_scale(runner, linked):
    claim = claim_like(linked, "120 مليون")
    result = runner.invoke(
        cli, ["review", claim["id"], "--rating", "Cosmic nonsense", "--scale", "other", "--db", "x.db"]
    )
    assert result.exit_code == 0, result.output
    [review] = linked["reviews"].rows
    assert (review["rating"], review["rating_normalized"], review["rating_value"]) == (
        "Cosmic nonsense",
        "other",
        None,
    )


def test_check_finds_previously_reviewed_claims(runner):
    files = [str(FORMATS / n) for n in ("reviews-ar.jsonld", "factcheck-page.html", "factcheck-api.json")]
    assert runner.invoke(cli, ["import", *files, "--db", "x.db"]).exit_code == 0
    cases = {
        # other words, hamza and ta marbuta forms, Arabic-Indic digits
        "وزير الطاقة: انتاج الكهرباء سيبلغ ٤٥٠٠ ميغاواط قبل الصيف": "مضلل",
        "Will fuel prices really go up by 25% this year?": "False",
        "cargo traffic at the port dropped 18 percent in April": "True",
        "هل ستؤجل الانتخابات البلدية الى الخريف؟": "زائف",
    }
    for text, rating in cases.items():
        result = runner.invoke(cli, ["check", text, "--db", "x.db", "--json", "--top", "3"])
        assert result.exit_code == 0, result.output
        matches = json.loads(result.output)
        assert matches[0]["rating"] == rating, (text, matches)
        # the right review first, clearly ahead of any other sharing words with the text
        assert len(matches) == 1 or matches[0]["score"] > matches[1]["score"]
    plain = runner.invoke(cli, ["check", "انتاج الكهرباء 4500 ميغاواط", "--db", "x.db", "--top", "1"])
    assert "مضلل (mostly false) by منصة تحقق" in plain.output


def test_check_with_nothing_reviewed(runner, linked):
    result = runner.invoke(cli, ["check", "any claim at all", "--db", "x.db"])
    assert result.exit_code == 0 and "No reviewed claim matches." in result.output


def test_check_reads_stdin(runner):
    runner.invoke(cli, ["import", str(FORMATS / "factcheck-api.json"), "--db", "x.db"])
    result = runner.invoke(cli, ["check", "-", "--db", "x.db", "--json"], input="fuel prices up 25 percent\n")
    assert json.loads(result.output)[0]["rating"] == "False"


def test_checked_claims_in_datasette(runner, linked, tmp_path):
    import asyncio

    from datasette.app import Datasette

    power = claim_like(linked, "4500 ميغاواط")
    runner.invoke(cli, ["review", power["cluster_id"], "--rating", "مضلل", "--db", "x.db"])

    async def fetch():
        datasette = Datasette([str(tmp_path / "x.db")])
        rows = await datasette.client.get("/x/checked_claims.json?_shape=array")
        reviews = await datasette.client.get("/x/reviews.json?_shape=array&_labels=on")
        return rows.json(), reviews.json()

    rows, reviews = asyncio.run(fetch())
    assert len(rows) == 2 and {r["rating"] for r in rows} == {"مضلل"}
    assert {r["outlet"] for r in rows} == {"وكالة المشرق للأنباء", "موقع الخبر اليومي"}
    assert reviews[0]["rating_normalized"] == "mostly false"
