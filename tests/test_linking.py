"""Linking: repeated claims grouped, figure conflicts flagged, negations kept
apart, incremental runs, one transaction."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

import pytest
from claimtrack_linker import fuzzy

import claimtrack
from claimtrack import Link, LinkClaim, Linker, hookimpl, link_claims, open_store
from claimtrack.cli import cli
from claimtrack.linking import clusters_of, get_linkers, link_store
from claimtrack.plugins import get_plugin_manager

ZAS_AR = "قوات حفظ السلام التابعة لمنظمة معاهدة الأمن الجماعي ستصل إلى 2500 شخص وقد يزداد العدد"
ZAS_AR_2 = "قوات حفظ السلام التابعة لمنظمة معاهدة الامن الجماعي ستصل الى ٢٥٠٠ شخص"
ZAS_AR_3000 = "قوات حفظ السلام التابعة لمنظمة معاهدة الأمن الجماعي ستصل إلى 3000 شخص"
ZAS_AR_NOT = "قوات حفظ السلام التابعة لمنظمة معاهدة الأمن الجماعي لن تصل إلى 2500 شخص"


def claim(claim_id, text, language="ar", **kw):
    return LinkClaim(claim_id, text, language, **kw)


def test_same_claim_linked_figure_conflict_flagged_negation_apart():
    result = link_claims(
        [claim("a", ZAS_AR), claim("b", ZAS_AR_2), claim("c", ZAS_AR_3000), claim("d", ZAS_AR_NOT)]
    )
    assert result.clusters == [["a", "b", "c"]]
    conflicts = {(link.a, link.b): link.conflict for link in result.links}
    assert conflicts[("a", "b")] is None
    assert conflicts[("a", "c")] == "figure" and conflicts[("b", "c")] == "figure"
    assert {conflicts.get(("a", "d")), conflicts.get(("b", "d"))} == {"negation"}
    assert result.comparisons > 0


def test_linking_makes_no_reference_cycles_and_restores_the_collector():
    """The default linker pauses Python's cycle collector while it runs (its
    full passes over every claim and link found cost about a tenth of a
    large run), which is only sound while linking makes no reference cycles:
    everything it drops must be freed by reference counting."""
    claims = [claim("a", ZAS_AR), claim("b", ZAS_AR_2), claim("c", ZAS_AR_3000), claim("d", ZAS_AR_NOT)]
    fuzzy.link(claims, 77.0, None)  # loads the plugins and the lexicon once
    try:
        gc.enable()
        fuzzy.link(claims, 77.0, None)
        assert gc.isenabled()
        # Counted with the collector off from before the run to the count,
        # so no automatic pass can free a cycle the run made.
        gc.disable()
        gc.collect()
        links, _ = fuzzy.link(claims, 77.0, None)
        assert not gc.isenabled()
        assert {link.conflict for link in links} == {None, "figure", "negation"}
        del links
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_default_linker_registered_when_its_plugin_is_imported_first():
    """Importing the plugin loads its lexicon, which loads claimtrack's
    plugins, this one included, half imported: its hook must exist by then."""
    code = (
        "import claimtrack_linker\nfrom claimtrack.linking import get_linkers\nprint(sorted(get_linkers()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert "fuzzy" in out.stdout


def test_no_claims_no_links():
    result = link_claims([])
    assert (result.links, result.clusters, result.comparisons) == ([], [], 0)


def test_contrast_and_different_claims_stay_apart():
    result = link_claims(
        [
            claim("a", "The ceasefire talks continued on Friday in Geneva", "en"),
            claim("b", "The ceasefire talks stopped on Friday in Geneva", "en"),
            claim("c", "Wheat prices rose sharply in Egypt last month", "en"),
        ]
    )
    assert result.clusters == []
    assert [link.conflict for link in result.links] == ["contrast"]


def test_languages_never_mix_and_shortened_quotes_link():
    result = link_claims(
        [
            claim("en1", "The force will reach 2,500 troops and may be increased if necessary", "en"),
            claim("en2", "The force will reach 2,500 troops", "en"),
            claim("ar1", "The force will reach 2,500 troops", "ar"),
        ]
    )
    assert result.clusters == [["en1", "en2"]]


def test_clusters_of_keeps_groups_and_ignores_separating_links():
    links = [Link("a", "b", 90), Link("b", "c", 90, "negation"), Link("d", "e", 90, "figure")]
    assert clusters_of("abcdef", links, groups=[["e", "f"]], join_share=0) == [["a", "b"], ["d", "e", "f"]]
    # By default a claim joins an existing pair only when linked to both.
    assert clusters_of("abcdef", links, groups=[["e", "f"]]) == [["a", "b"], ["e", "f"]]
    both = [*links, Link("d", "f", 85)]
    assert clusters_of("abcdef", both, groups=[["e", "f"]]) == [["a", "b"], ["d", "e", "f"]]


def test_one_link_does_not_glue_two_groups():
    """Two groups of one story (a death toll, its conflicting figure; the
    quake's magnitude told twice) with one link across: they stay apart."""
    links = [
        Link("toll1", "toll2", 90, "figure"),
        Link("quake1", "quake2", 95),
        Link("toll2", "quake1", 80),
    ]
    ids = ["toll1", "toll2", "quake1", "quake2"]
    assert clusters_of(ids, links) == [["quake1", "quake2"], ["toll1", "toll2"]]
    assert clusters_of(ids, links, join_share=0) == [["quake1", "quake2", "toll1", "toll2"]]
    # Three of the four pairs across linked: one story, one cluster.
    more = [*links, Link("toll1", "quake1", 78), Link("toll2", "quake2", 79)]
    assert clusters_of(ids, more) == [["quake1", "quake2", "toll1", "toll2"]]


def test_a_link_that_did_not_join_counts_later():
    """Links are taken strongest first; a weak link that could not join a
    claim to a pair joins it once the pair has become a group it is linked
    to enough, whichever link comes last."""
    links = [Link("a", "b", 99), Link("c", "a", 90), Link("c", "b", 80)]
    assert clusters_of("abc", links) == [["a", "b", "c"]]
    # c-d first (a pair), then a-c: a joins {c, d} only with a second link.
    links = [Link("c", "d", 99), Link("a", "c", 90), Link("a", "d", 70)]
    assert clusters_of("abcd", links) == [["a", "c", "d"]]
    assert clusters_of("abcd", links[:2]) == [["c", "d"]]


def test_hook_register_linkers():
    seen = []

    def exact(claims, threshold, new):
        seen.append((len(claims), threshold, new))
        by_text = {}
        links = []
        for c in claims:
            if c.text in by_text:
                links.append(Link(by_text[c.text], c.id, 100.0))
            by_text.setdefault(c.text, c.id)
        return links, len(claims)

    class Exact:
        @hookimpl
        def register_linkers(self, register):
            register(Linker("exact", exact, default_threshold=100))

    get_plugin_manager().register(Exact(), name="exact")
    assert {"fuzzy", "exact"} <= set(get_linkers())
    result = link_claims([claim("1", "x y z"), claim("2", "x y z"), claim("3", "x y")], linker="exact")
    assert result.clusters == [["1", "2"]] and seen == [(3, 100, None)]
    with pytest.raises(ValueError, match="unknown linker"):
        link_claims([], linker="nope")


ARTICLES = [
    {"text": f"وقال زاس إن {ZAS_AR}.", "url": "https://a.test/1", "outlet": "A", "published": "2022-01-06"},
    {"text": f"وأكد زاس أن {ZAS_AR_2}.", "url": "https://b.test/2", "outlet": "B", "published": "2022-01-07"},
    {
        "text": f"وقال زاس إن {ZAS_AR_3000}.",
        "url": "https://c.test/3",
        "outlet": "C",
        "published": "2022-01-07",
    },
]


@pytest.fixture
def store(tmp_path, runner, db_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES[:2]), encoding="utf-8")
    assert runner.invoke(cli, ["import", str(path), "--db", str(db_path)]).exit_code == 0
    return tmp_path


def test_link_command_and_incremental_runs(store, runner, db_path):
    result = runner.invoke(cli, ["link", "--db", str(db_path), "--json"])
    report = json.loads(result.stdout)
    assert (report["new"], report["clusters"], report["conflicts"]) == (2, 1, 0)
    db = open_store(db_path)
    [cluster] = db["clusters"].rows
    assert (cluster["claims"], cluster["outlets"], cluster["first_seen"], cluster["last_seen"]) == (
        2,
        2,
        "2022-01-06",
        "2022-01-07",
    )
    [link] = db["links"].rows
    assert link["cluster_id"] == cluster["id"] and json.loads(link["evidence"])["same_speaker"] is True
    # nothing new: nothing compared, nothing lost
    report = json.loads(runner.invoke(cli, ["link", "--db", str(db_path), "--json"]).stdout)
    assert (report["new"], report["comparisons"], report["clusters"], report["links"]) == (0, 0, 1, 1)
    # a new outlet with another figure joins the cluster and flags it
    path = store / "more.jsonl"
    path.write_text(json.dumps(ARTICLES[2], ensure_ascii=False) + "\n", encoding="utf-8")
    runner.invoke(cli, ["import", str(path), "--db", str(db_path)])
    report = json.loads(runner.invoke(cli, ["link", "--db", str(db_path), "--json"]).stdout)
    assert (report["new"], report["clusters"], report["conflicts"]) == (1, 1, 1)
    [cluster] = open_store(db_path)["clusters"].rows
    assert (cluster["claims"], cluster["outlets"], cluster["figure_conflict"]) == (3, 3, 1)
    rebuilt = json.loads(runner.invoke(cli, ["link", "--db", str(db_path), "--rebuild", "--json"]).stdout)
    assert (rebuilt["new"], rebuilt["clusters"], rebuilt["conflicts"]) == (3, 1, 1)


def test_interrupted_link_leaves_previous_clusters(store, db_path, monkeypatch):
    db = open_store(db_path)
    link_store(db)
    before = list(db["clusters"].rows)
    db.execute("UPDATE claims SET linked_at = NULL")

    def broken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(claimtrack.linking, "_cluster_row", broken)
    with pytest.raises(KeyboardInterrupt):
        link_store(db, rebuild=True)
    assert list(db["clusters"].rows) == before
    assert db.execute("SELECT count(*) FROM claims WHERE cluster_id IS NOT NULL").fetchone()[0] == 2


def test_reimported_changed_claim_is_linked_again(store, runner, db_path):
    runner.invoke(cli, ["link", "--db", str(db_path)])
    db = open_store(db_path)
    assert db.execute("SELECT count(*) FROM claims WHERE linked_at IS NULL").fetchone()[0] == 0
    path = store / "articles.jsonl"
    changed = dict(ARTICLES[0], text=ARTICLES[0]["text"].replace("2500", "2600"))
    path.write_text(json.dumps(changed, ensure_ascii=False) + "\n", encoding="utf-8")
    runner.invoke(cli, ["import", str(path), "--db", str(db_path)])
    assert db.execute("SELECT count(*) FROM claims WHERE linked_at IS NULL").fetchone()[0] == 1


def test_claim_list_import(tmp_path, runner, db_path):
    rows = [
        {
            "text": ZAS_AR,
            "speaker": "ستانيسلاف زاس",
            "outlet": "RT",
            "url": "https://rt.test/1",
            "language": "ar",
        },
        {"text": ZAS_AR_2, "speaker": "زاس", "outlet": "TASS", "url": "https://rt.test/1", "language": "ar"},
        {"text": "", "speaker": "x"},
        {"text": "claim", "kind": "rumour"},
    ]
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    result = runner.invoke(cli, ["import", str(path), "--format", "claims", "--db", str(db_path)])
    assert result.exit_code == 1
    assert "claims.jsonl:3: missing or empty 'text' field" in result.output
    assert "claims.jsonl:4: 'kind' must be one of" in result.output
    db = open_store(db_path)
    claims = list(
        db.query(
            "SELECT claims.text, claims.kind, extractor, speakers.name FROM claims "
            "JOIN speakers ON speakers.id = speaker_id"
        )
    )
    assert {c["text"] for c in claims} == {ZAS_AR, ZAS_AR_2}
    assert {c["extractor"] for c in claims} == {"claims"} and {c["kind"] for c in claims} == {"indirect"}
    assert db["documents"].count == 2  # same URL, two claims: two documents
    csv_path = tmp_path / "claims.csv"
    csv_path.write_text("text,speaker,outlet\n" + ZAS_AR_3000 + ",زاس,C\n", encoding="utf-8")
    assert (
        runner.invoke(cli, ["import", str(csv_path), "--format", "claims", "--db", str(db_path)]).exit_code
        == 0
    )
    assert db["claims"].count == 3


def test_figure_conflict_evidence_sides_are_the_links_claims():
    # Given in either order, "a" in the evidence is the figure of claim_a.
    pair = [claim("m", ZAS_AR), claim("x", ZAS_AR_3000)]
    for claims in (pair, pair[::-1]):
        [found] = link_claims(claims).links
        assert (found.a, found.b, found.conflict) == ("m", "x", "figure")
        [figures] = found.evidence["figures"]
        assert "2500" in figures["a"] and "3000" in figures["b"], figures
