"""A person's word on two claims (claimtrack link --same / --apart /
--forget): stored in link_decisions, applied by every later link run,
--rebuild included; bad ids store nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack import Link, linking, open_store
from claimtrack.cli import cli
from claimtrack.decisions import DecisionError, load_decisions, resolve
from claimtrack.linking import clusters_of, link_store

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = {
    "reach": "قوات حفظ السلام التابعة لمنظمة معاهدة الأمن الجماعي ستصل إلى 2500 شخص وقد يزداد العدد",
    "reach2": "قوات حفظ السلام التابعة لمنظمة معاهدة الامن الجماعي ستصل الى ٢٥٠٠ شخص",
    "not": "قوات حفظ السلام التابعة لمنظمة معاهدة الأمن الجماعي لن تصل إلى 2500 شخص",
    "english": "CSTO peacekeepers in Kazakhstan will number 2,500 and the force may grow",
    "other": "The first judicial elections will be held in June 2025",
}


@pytest.fixture
def ids(tmp_path, runner, db_path):
    """A store of the claims above (one outlet each), linked once; the
    claim id of each."""
    rows = [
        {
            "text": text,
            "outlet": name,
            "url": f"https://{name}.test/1",
            "language": "en" if text.isascii() else "ar",
        }
        for name, text in CLAIMS.items()
    ]
    import_claims(runner, db_path, tmp_path, rows)
    db = open_store(db_path)
    found = {row["text"]: row["id"] for row in db["claims"].rows}
    link_store(db)
    return {name: found[text] for name, text in CLAIMS.items()}


def import_claims(runner, db_path, tmp_path, rows) -> None:
    """Import ``rows`` as a claim list (``import --format claims``)."""
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    result = runner.invoke(cli, ["import", str(path), "--format", "claims", "--db", str(db_path)])
    assert result.exit_code == 0, result.output


def clusters(db_path) -> list[set[str]]:
    groups: dict[str, set[str]] = {}
    for claim_id, cluster_id in open_store(db_path).execute("SELECT id, cluster_id FROM claims"):
        if cluster_id:
            groups.setdefault(cluster_id, set()).add(claim_id)
    return sorted(groups.values(), key=sorted)


def link_row(db_path, a, b) -> dict:
    a, b = sorted((a, b))
    row = (
        open_store(db_path)
        .execute(
            "SELECT score, linker, evidence, cluster_id FROM links WHERE claim_a = ? AND claim_b = ?", [a, b]
        )
        .fetchone()
    )
    return {"score": row[0], "linker": row[1], "evidence": json.loads(row[2]), "cluster_id": row[3]}


def run(runner, db_path, *args):
    return runner.invoke(cli, ["link", "--db", str(db_path), *args])


def test_the_linker_alone(ids, db_path):
    """What the decisions below change: the two Arabic wordings are one
    cluster, the negation and the English translation are not in it."""
    assert clusters(db_path) == [{ids["reach"], ids["reach2"]}]
    assert link_row(db_path, ids["reach"], ids["not"])["evidence"]["conflict"] == "negation"


def test_same_joins_the_two_claims_clusters_and_is_kept(ids, runner, db_path):
    result = run(
        runner, db_path, "--same", ids["english"], ids["reach"][:6], "--by", "Hala", "--note", "wire copy"
    )
    assert result.exit_code == 0, result.output
    a, b = sorted((ids["english"], ids["reach"]))
    assert f"Decided: {a} and {b} state the same thing" in result.output
    # Across languages: the whole cluster of "reach" takes the translation in.
    assert clusters(db_path) == [{ids["reach"], ids["reach2"], ids["english"]}]
    row = link_row(db_path, ids["english"], ids["reach"])
    assert row["linker"] == "decision" and row["score"] == 100 and row["cluster_id"]
    assert row["evidence"] == {"conflict": None, "decided": "same", "decided_by": "Hala", "note": "wire copy"}
    [stored] = load_decisions(open_store(db_path))
    assert (stored.a, stored.b, stored.decision, stored.decided_by) == (a, b, "same", "Hala")
    # Kept by later runs, incremental and rebuilt.
    assert json.loads(run(runner, db_path, "--json").stdout)["new"] == 0
    assert clusters(db_path) == [{ids["reach"], ids["reach2"], ids["english"]}]
    report = json.loads(run(runner, db_path, "--rebuild", "--json").stdout)
    assert (report["decisions"], report["unapplied"]) == (1, [])
    assert clusters(db_path) == [{ids["reach"], ids["reach2"], ids["english"]}]
    assert link_row(db_path, ids["english"], ids["reach"])["linker"] == "decision"


def test_a_claim_compared_again_rejoins_a_cluster_a_decision_made(ids, runner, db_path):
    """The translation is linked to nothing but by the decision; when
    "reach2" is compared again (here: a decision on it), it rejoins its
    cluster through its link to "reach" alone, as without the decision."""
    assert run(runner, db_path, "--same", ids["english"], ids["reach"]).exit_code == 0
    assert run(runner, db_path, "--apart", ids["not"], ids["reach2"]).exit_code == 0
    assert clusters(db_path) == [{ids["reach"], ids["reach2"], ids["english"]}]
    assert run(runner, db_path, "--rebuild").exit_code == 0
    assert clusters(db_path) == [{ids["reach"], ids["reach2"], ids["english"]}]


def test_same_overrides_a_conflict_the_linker_found(ids, runner, db_path):
    assert run(runner, db_path, "--same", ids["reach"], ids["not"]).exit_code == 0
    assert clusters(db_path) == [{ids["reach"], ids["reach2"], ids["not"]}]
    row = link_row(db_path, ids["reach"], ids["not"])
    # The linker's score and evidence stay beside the decision.
    assert row["score"] > 80 and row["evidence"]["conflict"] is None
    assert row["evidence"]["linker_conflict"] == "negation" and row["evidence"]["decided"] == "same"
    # A later run that does not compare the pair leaves its row as it is.
    assert run(runner, db_path).exit_code == 0
    assert link_row(db_path, ids["reach"], ids["not"]) == row


def test_apart_splits_a_cluster_and_holds_through_chains_and_rebuilds(ids, runner, db_path, tmp_path):
    assert run(runner, db_path, "--apart", ids["reach"], ids["reach2"]).exit_code == 0
    assert clusters(db_path) == []
    row = link_row(db_path, ids["reach"], ids["reach2"])
    assert row["linker"] == "decision" and row["cluster_id"] is None
    assert row["evidence"]["conflict"] == "apart" and row["evidence"]["shared_words"] >= 3
    # A third wording close to both joins one of them, never both.
    third = {"text": CLAIMS["reach"].replace("وقد يزداد العدد", ""), "outlet": "third", "language": "ar"}
    import_claims(runner, db_path, tmp_path, [third])
    for args in ((), ("--rebuild",)):
        assert run(runner, db_path, *args).exit_code == 0
        [cluster] = clusters(db_path)
        assert len(cluster) == 2 and not {ids["reach"], ids["reach2"]} <= cluster


def test_apart_keeps_a_later_same_from_joining_and_the_run_warns(ids, runner, db_path):
    assert run(runner, db_path, "--apart", ids["english"], ids["reach"]).exit_code == 0
    result = run(runner, db_path, "--same", ids["english"], ids["reach2"])
    assert result.exit_code == 0
    a, b = sorted((ids["english"], ids["reach2"]))
    assert f"Warning: {a} and {b} were decided the same but stay apart" in result.stderr
    assert clusters(db_path) == [{ids["reach"], ids["reach2"]}]
    report = json.loads(run(runner, db_path, "--json").stdout)
    assert report["unapplied"] == [[a, b]]


def test_forget_gives_the_pair_back_to_the_linker(ids, runner, db_path):
    assert run(runner, db_path, "--apart", ids["reach"], ids["reach2"]).exit_code == 0
    result = run(runner, db_path, "--forget", ids["reach2"], ids["reach"])
    assert result.exit_code == 0 and "Forgot the decision on" in result.output
    assert load_decisions(open_store(db_path)) == []
    assert clusters(db_path) == [{ids["reach"], ids["reach2"]}]
    assert link_row(db_path, ids["reach"], ids["reach2"])["linker"] == "fuzzy"


def test_deciding_again_replaces_the_decision(ids, runner, db_path):
    assert run(runner, db_path, "--apart", ids["reach"], ids["reach2"]).exit_code == 0
    assert run(runner, db_path, "--same", ids["reach2"], ids["reach"]).exit_code == 0
    assert [d.decision for d in load_decisions(open_store(db_path))] == ["same"]
    assert clusters(db_path) == [{ids["reach"], ids["reach2"]}]


def test_a_cluster_id_stands_for_its_earliest_claim(ids, runner, db_path):
    [cluster_id] = [r[0] for r in open_store(db_path).execute("SELECT id FROM clusters")]
    assert run(runner, db_path, "--same", cluster_id, ids["english"]).exit_code == 0
    assert clusters(db_path) == [{ids["reach"], ids["reach2"], ids["english"]}]


@pytest.mark.parametrize(
    "pair, message",
    [
        (("reach", "0000000000"), "no claim or cluster with id '0000000000'"),
        (("reach", "nope"), "not a claim or cluster id: 'nope'"),
        (("reach", "reach"), "are one claim"),
    ],
)
def test_a_bad_id_stores_nothing(ids, runner, db_path, pair, message):
    before = clusters(db_path)
    first, second = (ids.get(name, name) for name in pair)
    # A good decision given with the bad one is not stored either.
    result = run(runner, db_path, "--same", ids["english"], ids["reach"], "--apart", first, second)
    assert result.exit_code == 1 and message in result.output
    db = open_store(db_path)
    assert load_decisions(db) == []
    assert db.execute("SELECT count(*) FROM claims WHERE linked_at IS NULL").fetchone()[0] == 0
    assert clusters(db_path) == before


def test_an_ambiguous_prefix_is_refused(runner, db_path):
    # The claims of one document share their first 8 digits.
    sample = str(ROOT / "datasets" / "samples" / "articles.jsonl")
    assert runner.invoke(cli, ["import", sample, "--db", str(db_path)]).exit_code == 0
    db = open_store(db_path)
    first, second = [r[0] for r in db.execute("SELECT id FROM claims ORDER BY id LIMIT 2")]
    assert first[:8] == second[:8]
    with pytest.raises(DecisionError, match="ambiguous"):
        resolve(db, [(first[:8], second, "same")])
    link_store(db, decide=resolve(db, [(first[:12], second, "same")]))
    assert [(d.a, d.b) for d in load_decisions(db)] == [(first, second)]


def test_one_pair_given_two_decisions_is_refused(ids, runner, db_path):
    result = run(
        runner, db_path, "--same", ids["reach"], ids["english"], "--apart", ids["english"], ids["reach"]
    )
    assert result.exit_code == 1 and "given two decisions" in result.output
    assert load_decisions(open_store(db_path)) == []


def test_a_failed_run_stores_no_decision(ids, runner, db_path, monkeypatch):
    """Decisions are stored in the link run's own transaction."""
    result = run(runner, db_path, "--same", ids["reach"], ids["english"], "--linker", "nope")
    assert result.exit_code == 2 and "unknown linker" in result.output

    def broken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(linking, "_cluster_row", broken)
    db = open_store(db_path)
    with pytest.raises(KeyboardInterrupt):
        link_store(db, decide=resolve(db, [(ids["reach"], ids["english"], "same")]))
    assert load_decisions(db) == []
    assert db.execute("SELECT count(*) FROM claims WHERE linked_at IS NULL").fetchone()[0] == 0


def test_a_decision_goes_with_its_claims_and_so_does_its_merge(ids, runner, db_path):
    assert run(runner, db_path, "--same", ids["english"], ids["reach"]).exit_code == 0
    db = open_store(db_path)
    with db.conn:
        db.execute("DELETE FROM claims WHERE id = ?", [ids["english"]])
    assert load_decisions(db) == []
    # What is left of the cluster is what the links give, as --rebuild says.
    assert run(runner, db_path).exit_code == 0
    assert clusters(db_path) == [{ids["reach"], ids["reach2"]}]


def test_forget_undoes_the_merge_a_same_decision_made(ids, runner, db_path, tmp_path):
    rows = [
        {"text": "CSTO peacekeepers began to leave Kazakhstan on Thursday", "outlet": "x", "language": "en"},
        {"text": "CSTO peacekeepers began leaving Kazakhstan on Thursday", "outlet": "y", "language": "en"},
    ]
    import_claims(runner, db_path, tmp_path, rows)
    assert run(runner, db_path).exit_code == 0
    before = clusters(db_path)
    assert len(before) == 2
    leave = next(iter(before[0] if ids["reach"] not in before[0] else before[1]))
    assert run(runner, db_path, "--same", leave, ids["reach"]).exit_code == 0
    assert len(clusters(db_path)) == 1
    result = run(runner, db_path, "--forget", leave, ids["reach"])
    assert "Forgot the decision on" in result.output
    assert clusters(db_path) == before
    assert "No decision on" in run(runner, db_path, "--forget", leave, ids["reach"]).output


@pytest.mark.parametrize("seed", range(12))
def test_incremental_runs_give_what_rebuild_gives_after_any_decisions(runner, db_path, tmp_path, seed):
    """A random run of decisions on the claims of a labelled linking set;
    after each, the incremental run's clusters are the ones --rebuild makes.
    (Before the clusters were made again from every link, 3 of these 12
    sequences ended otherwise.)"""
    import random
    import sqlite3

    rows = []
    for line in (ROOT / "datasets" / "linking-dev2" / "pairs.jsonl").read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        for side in "ab":
            rows.append(
                {"text": pair[side]["text"], "outlet": f"{pair['id']}-{side}", "language": pair["language"]}
            )
    import_claims(runner, db_path, tmp_path, rows)
    assert run(runner, db_path).exit_code == 0
    db = open_store(db_path)
    claim_ids = sorted(r[0] for r in db.execute("SELECT id FROM claims"))
    clustered = sorted(r[0] for r in db.execute("SELECT id FROM claims WHERE cluster_id IS NOT NULL"))
    rng = random.Random(seed)
    copy = tmp_path / "copy.db"
    for step in range(12):
        a = rng.choice(clustered)
        b = rng.choice(claim_ids if step % 3 else clustered)
        if a == b:
            continue
        option = rng.choice(["--same", "--same", "--apart", "--forget"])
        assert run(runner, db_path, option, a, b).exit_code == 0
        copy.unlink(missing_ok=True)
        with sqlite3.connect(db_path) as source, sqlite3.connect(copy) as target:
            source.backup(target)  # the write-ahead log too
        assert run(runner, copy, "--rebuild").exit_code == 0
        assert clusters(db_path) == clusters(copy), (step, option)
        assert run(runner, db_path).exit_code == 0  # and a run with nothing new keeps them
        assert clusters(db_path) == clusters(copy), (step, "again")


def test_clusters_of_applies_same_last_and_apart_always():
    links = [Link("a", "b", 90), Link("c", "d", 90), Link("a", "c", 80)]
    # One link does not join two pairs (JOIN_SHARE); a decision does.
    assert clusters_of("abcd", links) == [["a", "b"], ["c", "d"]]
    assert clusters_of("abcd", links, same=[("b", "d")]) == [["a", "b", "c", "d"]]
    # A decided apart pair keeps the groups apart, also from a same decision.
    apart = Link("a", "d", 0, "apart")
    assert clusters_of("abcd", [*links, apart], same=[("b", "c")]) == [["a", "b"], ["c", "d"]]
    # Ids that are not being linked are ignored.
    assert clusters_of("ab", [Link("a", "b", 90)], same=[("a", "x")]) == [["a", "b"]]
    # A decided pair's own cluster-mates stay: a decision is no strong link
    # that the join share would then measure others against.
    assert clusters_of("abw", [Link("a", "w", 82)], same=[("a", "b")]) == [["a", "b", "w"]]


def test_the_cluster_page_shows_claim_ids_and_the_decisions(ids, runner, db_path):
    import asyncio

    from datasette.app import Datasette

    note = "<b>wire</b> copy"
    assert (
        run(runner, db_path, "--same", ids["english"], ids["reach"], "--by", "Hala", "--note", note).exit_code
        == 0
    )
    assert run(runner, db_path, "--apart", ids["not"], ids["reach2"]).exit_code == 0
    [cluster_id] = [r[0] for r in open_store(db_path).execute("SELECT id FROM clusters")]

    datasette = Datasette([str(db_path)])

    async def fetch():
        return await datasette.client.get(f"/{db_path.stem}/-/cluster/{cluster_id}")

    page = asyncio.run(fetch()).text
    # Its threads gone now, not later in another test (the linker's test of
    # reference cycles counts what the collector finds while it links).
    datasette.executor.shutdown(wait=True)
    for name in ("reach", "reach2", "english"):
        assert f"/{db_path.stem}/claims/{ids[name]}" in page  # each claim's id, to decide with
    assert "Decided by people" in page and "Hala: &lt;b&gt;wire&lt;/b&gt; copy" in page
    assert page.count("(not in this cluster)") == 1  # the negation, kept apart


def test_claims_shows_ids_and_lists_a_cluster(ids, runner, db_path):
    """What a fact-checker needs to decide from the command line: each
    claim's id, and the claims of a cluster."""
    listed = runner.invoke(cli, ["claims", "--db", str(db_path), "--cluster", ids["reach2"][:8]])
    assert listed.exit_code == 0, listed.output
    cluster_id = open_store(db_path).execute("SELECT id FROM clusters").fetchone()[0]
    for name in ("reach", "reach2"):
        assert f"id {ids[name]} in cluster {cluster_id}" in listed.stdout
    assert ids["english"] not in listed.stdout and "2 claims" in listed.stderr
    by_cluster = runner.invoke(cli, ["claims", "--db", str(db_path), "--cluster", cluster_id, "--json"])
    assert {row["id"] for row in json.loads(by_cluster.stdout)} == {ids["reach"], ids["reach2"]}
    alone = runner.invoke(cli, ["claims", "--db", str(db_path), "--cluster", ids["english"]])
    assert alone.exit_code == 2 and f"claim {ids['english']} is in no cluster" in alone.output
    unknown = runner.invoke(cli, ["claims", "--db", str(db_path), "--cluster", "0000000000"])
    assert unknown.exit_code == 2 and "no claim or cluster with id" in unknown.output


def test_chained_decisions_apply_the_same_way_in_later_runs(ids, runner, db_path):
    """Of two chained same decisions that an apart one blocks, the one
    applied is the same in the deciding run, the next and --rebuild."""
    result = run(
        runner,
        db_path,
        *("--same", ids["english"], ids["other"]),
        *("--same", ids["other"], ids["not"]),
        *("--apart", ids["english"], ids["not"]),
    )
    assert result.exit_code == 0 and "Warning:" in result.stderr
    deciding = clusters(db_path)
    assert run(runner, db_path).exit_code == 0
    assert clusters(db_path) == deciding
    assert run(runner, db_path, "--rebuild").exit_code == 0
    assert clusters(db_path) == deciding


def test_a_clustered_claim_changed_in_place_makes_the_run_cluster_again(runner, db_path, tmp_path):
    """A claim re-imported with another text at the same place keeps its
    id and its cluster; what it held together must be made again from the
    links, as --rebuild does (a table linker, so the links are known)."""
    from claimtrack import Linker, hookimpl
    from claimtrack.plugins import get_plugin_manager

    table_texts = ["aaaa", "bbbb", "cccc", "dddd"]
    table = {("aaaa", "bbbb"): 95, ("cccc", "dddd"): 94, ("aaaa", "cccc"): 93, ("aaaa", "dddd"): 92}
    table[("bbbb", "cccc")] = 91

    def by_table(claims, threshold, new):
        links = []
        for x in claims:
            for y in claims:
                score = table.get((x.text, y.text))
                if score and (new is None or x.id in new or y.id in new):
                    links.append(Link(x.id, y.id, score))
        return links, len(claims) ** 2

    class Table:
        @hookimpl
        def register_linkers(self, register):
            register(Linker("table", by_table, default_threshold=0))

    get_plugin_manager().register(Table(), name="table-linker")
    try:
        rows = [
            {"text": t, "url": f"https://t.test/{i}", "outlet": str(i)} for i, t in enumerate(table_texts)
        ]
        import_claims(runner, db_path, tmp_path, rows)
        assert run(runner, db_path, "--linker", "table").exit_code == 0
        assert [len(c) for c in clusters(db_path)] == [4]
        # A re-import that changes a claim at the same place keeps its id and
        # cluster and clears linked_at (the store's upsert); done here by hand.
        db = open_store(db_path)
        with db.conn:
            db.execute(
                "UPDATE claims SET text = 'zzzz', normalized = 'zzzz', search = 'zzzz', linked_at = NULL "
                "WHERE text = 'cccc'"
            )
        assert run(runner, db_path, "--linker", "table").exit_code == 0
        texts = dict(open_store(db_path).execute("SELECT id, text FROM claims").fetchall())
        assert [sorted(texts[c] for c in cluster) for cluster in clusters(db_path)] == [["aaaa", "bbbb"]]
    finally:
        get_plugin_manager().unregister(name="table-linker")


def test_a_translation_decided_the_same_with_another_figure_flags_its_cluster(runner, db_path, tmp_path):
    """The linker never compares claims of two languages; decided one
    claim, they are compared for their figures (the linker's
    figures_differ), and the cluster is flagged when they disagree."""
    rows = [
        {"text": CLAIMS["reach"], "outlet": "A", "language": "ar"},
        {"text": CLAIMS["reach2"], "outlet": "B", "language": "ar"},
        {"text": "The CSTO force sent to Kazakhstan has 3,000 troops", "outlet": "C", "language": "en"},
        {"text": "The CSTO force sent to Kazakhstan has 2,500 troops", "outlet": "D", "language": "en"},
    ]
    import_claims(runner, db_path, tmp_path, rows)
    assert run(runner, db_path).exit_code == 0
    db = open_store(db_path)
    found = {row["text"]: row["id"] for row in db["claims"].rows}
    arabic, other, same = (found[CLAIMS["reach"]], found[rows[2]["text"]], found[rows[3]["text"]])
    assert (
        db.execute("SELECT count(*) FROM clusters WHERE figure_conflict").fetchone()[0] == 1
    )  # 2,500/3,000 en
    assert run(runner, db_path, "--same", same, arabic).exit_code == 0
    row = link_row(db_path, same, arabic)
    assert row["evidence"]["conflict"] is None and "figures" not in row["evidence"]  # 2500 = 2,500
    assert run(runner, db_path, "--rebuild").exit_code == 0
    # The Arabic pair and the English pair are one cluster now, flagged.
    [(claims, flagged)] = db.execute("SELECT claims, figure_conflict FROM clusters").fetchall()
    assert (claims, flagged) == (4, 1)
    # A translation that gives another figure is flagged on its own link.
    assert run(runner, db_path, "--forget", same, arabic, "--same", other, arabic).exit_code == 0
    row = link_row(db_path, other, arabic)
    assert row["linker"] == "decision" and row["evidence"]["conflict"] == "figure"
    assert row["evidence"]["figures"][0]["unit"] == "person"
