"""Linking: grouping the claims that state the same thing into clusters.

A *linker* (registered through the ``register_linkers`` hook; the default is
the ``claimtrack_linker`` plugin) receives every claim as a
:class:`LinkClaim` and returns :class:`Link` pairs, each with a score, its
evidence and, where the two disagree, a ``conflict``:

* ``"figure"``: the same claim with a different figure ("2,500" / "3,000
  troops"). The pair is linked, and its cluster is flagged;
* ``"negation"`` or ``"contrast"``: near-duplicates in characters that say
  the opposite ("سيصل الوفد غدا" / "لن يصل الوفد غدا", "talks continued" /
  "talks stopped"). The pair is recorded, so a reader sees why it was
  close, but its claims are never put in one cluster.

:func:`link_claims` runs a linker on claims in memory; :func:`link_store`
links the claims of a store: incrementally (only claims not linked before
are compared, against everything) or, with ``rebuild``, from scratch. All
its writes happen in one transaction: a link run that is interrupted leaves
the previous clusters as they were.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import sqlite_utils

from claimtrack.model import Figure, stable_id
from claimtrack.plugins import registered
from claimtrack.store import begin_immediate

if TYPE_CHECKING:
    from claimtrack.decisions import Decision
    from claimtrack.semantic import Embedder

#: Conflicts that keep two claims out of one cluster: the linker's, and a
#: person's ``apart`` decision (:mod:`claimtrack.decisions`).
SEPARATING = frozenset({"negation", "contrast", "changed", "apart"})
#: The ``linker`` of a link that a person's decision made.
DECISION_LINKER = "decision"
#: Share of the pairs of claims across two groups that must be linked for
#: the groups to be joined (:func:`clusters_of`): a claim joins a claim
#: through their link, a pair only when linked to both, a group of three
#: through two links; two pairs need three of their four cross pairs.
#: Chosen on datasets/linking and datasets/linking-dev2: against plain
#: connected components, claim pairs merged across labelled pairs fall from
#: 47 to 16 and from 10 to 4, for one pair of 190 no longer merged (0.5:
#: 29 and 10, no recall lost).
JOIN_SHARE = 0.6


@dataclass(slots=True)
class LinkClaim:
    """What a linker sees of a claim. ``normalized`` and ``figures`` are
    filled in when missing (through the ``normalize_text`` and
    ``extract_figures`` hooks)."""

    id: str
    text: str
    language: str | None = None
    speaker: str | None = None
    outlet: str | None = None
    said_on: str | None = None
    figures: list[Figure] | None = None
    normalized: str | None = None


@dataclass(slots=True)
class Link:
    """Two claims found to state the same thing, or nearly the same."""

    a: str
    b: str
    score: float
    conflict: str | None = None
    #: Why: shared words, same speaker, days apart, the conflict's details.
    #: Read-only: a linker may share one mapping among many links.
    evidence: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class LinkResult:
    links: list[Link]
    clusters: list[list[str]]
    comparisons: int = 0


@dataclass
class Linker:
    """A way of linking claims. ``link(claims, threshold, new)`` returns the
    links among ``claims``; when ``new`` is a set of ids, only pairs with at
    least one new claim need to be compared. ``threshold`` (0-100) is the
    score a pair needs, ``default_threshold`` when None. It must compare in
    batches (never one call per pair) and cost close to linearly in the
    number of claims."""

    name: str
    link: Callable[[Sequence[LinkClaim], float, set[str] | None], tuple[list[Link], int]]
    default_threshold: float = 85.0
    description: str = ""
    #: ``figures_differ(a, b)``: the figures two claims give that disagree,
    #: as a figure conflict's evidence lists them (``[]``: none), for a
    #: pair a person decided is one claim that the linker did not link (a
    #: claim and its translation): their cluster is flagged like any other.
    #: Optional.
    figures_differ: Callable[[LinkClaim, LinkClaim], list[dict[str, Any]]] | None = None
    #: ``check_similar(claims, pairs, threshold)``: the links among
    #: ``pairs`` (rows of two indexes into ``claims``, in index order) that
    #: an embedder found close in meaning (``claimtrack link --semantic``,
    #: :mod:`claimtrack.semantic`): judged on everything the linker knows
    #: but its word score (a negation or a changed fact keeps them apart, a
    #: different figure flags them), since a paraphrase in other words
    #: shares few of them. Optional: a linker without it cannot link by
    #: meaning. A ``check_similar`` that also takes the keyword ``near``
    #: (a boolean array, one per pair) is given the pairs whose cosine is
    #: only near the embedder's ``same_claim`` too
    #: (:attr:`claimtrack.Embedder.near`), marked True: it links
    #: those only on evidence beyond their meaning.
    check_similar: Callable[..., list[Link]] | None = None


def get_linkers() -> dict[str, Linker]:
    """Every registered linker, by name."""
    return registered("register_linkers")


def get_linker(name: str | None = None) -> Linker:
    """The named linker, or the default (``fuzzy``); ValueError names the
    known ones when there is no such linker."""
    linkers = get_linkers()
    if not linkers:
        raise ValueError("no linker is registered")
    if name is None:
        return linkers.get("fuzzy") or next(iter(linkers.values()))
    if name not in linkers:
        raise ValueError(f"unknown linker {name!r} (known: {', '.join(sorted(linkers))})")
    return linkers[name]


def clusters_of(
    ids: Iterable[str],
    links: Iterable[Link],
    groups: Iterable[Iterable[str]] = (),
    join_share: float | None = None,
    same: Iterable[tuple[str, str]] = (),
) -> list[list[str]]:
    """Groups of claims joined by the links that do not separate their
    claims, starting from existing ``groups``. Groups of one claim are left
    out.

    Links are taken strongest first. Two groups are joined only when at
    least ``join_share`` (:data:`JOIN_SHARE` by default) of the pairs of
    claims across them are linked: one link alone does not glue two groups
    whose other members do not match (a story's "death toll rose to 73"
    group and its "a 7.8 quake struck" group, joined by one claim close to
    both). A link that
    does not join its groups yet still counts when more links between them
    come. ``join_share=0`` gives plain connected components.

    A separating link (a negation, a contrast, a changed fact) also keeps
    the two claims' groups apart: without it, a chain of close claims
    ("will reach 2,500" — "will reach 2500 troops" — "will not reach 2,500")
    would put a claim and its negation in one cluster after all.

    Last, each pair of ``same`` (a person's decision) joins the two groups
    its claims are in, whole, whatever separates them, unless a link with
    conflict ``"apart"`` (a person's decision too) joins the two groups."""
    share = JOIN_SHARE if join_share is None else join_share
    parent: dict[str, str] = {i: i for i in ids}
    size: dict[str, int] = dict.fromkeys(parent, 1)
    apart: dict[str, set[str]] = defaultdict(set)  # root -> roots it must not join
    decided: dict[str, set[str]] = defaultdict(set)  # the same, by a person's "apart" only
    between: dict[str, dict[str, int]] = defaultdict(dict)  # root -> {root: links across}

    def find(x: str) -> str:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(ra: str, rb: str) -> str:
        """Join two roots (not kept apart); the root kept."""
        keep, gone = min(ra, rb), max(ra, rb)
        parent[gone] = keep
        size[keep] += size.pop(gone)
        for kept_apart in (apart, decided):
            for other in kept_apart.pop(gone, ()):
                kept_apart[other].discard(gone)
                kept_apart[other].add(keep)
                kept_apart[keep].add(other)
            kept_apart[keep].discard(keep)
        counts = between.pop(gone, {})
        kept = between[keep]
        kept.pop(gone, None)
        for other, count in counts.items():
            if other == keep:
                continue
            other_counts = between[other]
            other_counts.pop(gone, None)
            total = kept.get(other, 0) + count
            kept[other] = other_counts[keep] = total
        return keep

    for group in groups:
        members = [m for m in group if m in parent]
        for other in members[1:]:
            ra, rb = find(members[0]), find(other)
            if ra != rb:
                union(ra, rb)
    joining = []
    for link in links:
        if link.a not in parent or link.b not in parent:
            continue
        if link.conflict in SEPARATING:
            ra, rb = find(link.a), find(link.b)
            if ra != rb:
                for kept_apart in (apart, decided) if link.conflict == "apart" else (apart,):
                    kept_apart[ra].add(rb)
                    kept_apart[rb].add(ra)
        else:
            joining.append(link)
    # Strongest first; ties in the order of the claim ids, so that the
    # clusters do not depend on the order the links come in (a run that
    # clusters stored links again gives what --rebuild gives). Two stable
    # sorts: a tuple key took twice as long on 1.85 million links.
    joining.sort(key=lambda link: link.a + "\0" + link.b)
    joining.sort(key=lambda link: -link.score)
    for link in joining:
        ra, rb = find(link.a), find(link.b)
        if ra == rb or rb in apart.get(ra, ()):
            continue
        count = between[ra].get(rb, 0) + 1
        between[ra][rb] = between[rb][ra] = count
        # Joining two groups never makes the joined one linked enough to a
        # third that neither was (its share is a mean of theirs), so each
        # pair of groups is decided when a link between them comes.
        if between[ra][rb] >= share * size[ra] * size[rb]:
            union(ra, rb)
    for a, b in same:
        if a not in parent or b not in parent:
            continue
        ra, rb = find(a), find(b)
        if ra != rb and rb not in decided.get(ra, ()):
            union(ra, rb)
    components: dict[str, list[str]] = defaultdict(list)
    for claim_id in parent:
        components[find(claim_id)].append(claim_id)
    return sorted((sorted(c) for c in components.values() if len(c) > 1), key=lambda c: c[0])


def link_claims(
    claims: Sequence[LinkClaim],
    threshold: float | None = None,
    linker: str | None = None,
    embedder: Embedder | None = None,
) -> LinkResult:
    """Link ``claims`` in memory with the named (or default) linker, and by
    meaning too when given an ``embedder`` (:mod:`claimtrack.semantic`)."""
    chosen = get_linker(linker)
    threshold = chosen.default_threshold if threshold is None else threshold
    if embedder is not None:
        from claimtrack.semantic import require_judge

        require_judge(chosen)
    links, comparisons = chosen.link(claims, threshold, None)
    if embedder is not None:
        from claimtrack.semantic import embed_texts

        vectors = embed_texts(embedder, [c.text for c in claims])
        links, checked = links_by_meaning(chosen, claims, vectors, embedder, threshold, None, links)
        comparisons += checked
    return LinkResult(links, clusters_of((c.id for c in claims), links), comparisons)


def links_by_meaning(
    linker: Linker,
    claims: Sequence[LinkClaim],
    vectors: np.ndarray,
    embedder: Embedder,
    threshold: float,
    new: np.ndarray | None,
    found: Sequence[Link],
) -> tuple[list[Link], int]:
    """The links by words (``found``) that meaning does not contradict
    (:func:`claimtrack.semantic.doubtful`), then the links the linker makes
    of the pairs close in meaning (their vectors' cosine at least the
    embedder's ``same_claim``) that it had not linked by their words, and
    how many pairs it was asked to judge. The latter's evidence says so:
    ``cosine`` and ``embedder``."""
    from claimtrack.semantic import doubtful, require_judge, similar_pairs

    require_judge(linker)
    takes_near = _takes_near(linker.check_similar)
    floor = embedder.same_claim - (embedder.near if takes_near else 0.0)
    pairs, cosines = similar_pairs(vectors, [c.language for c in claims], floor, new)
    index = {c.id: i for i, c in enumerate(claims)}
    known = {(min(index[x.a], index[x.b]), max(index[x.a], index[x.b])) for x in found}
    fresh = [k for k, (a, b) in enumerate(pairs.tolist()) if (a, b) not in known]
    pairs, cosines = pairs[fresh], cosines[fresh]
    cosine_of = {
        frozenset((claims[a].id, claims[b].id)): round(float(c), 3)
        for (a, b), c in zip(pairs.tolist(), cosines.tolist(), strict=True)
    }
    made = [
        Link(
            x.a,
            x.b,
            x.score,
            x.conflict,
            {**x.evidence, "cosine": cosine_of[frozenset((x.a, x.b))], "embedder": embedder.name},
        )
        for x in (
            linker.check_similar(claims, pairs, threshold, near=cosines < embedder.same_claim)
            if takes_near
            else linker.check_similar(claims, pairs, threshold)
        )
    ]
    dropped = doubtful(found, index, vectors, embedder)
    kept = [x for position, x in enumerate(found) if position not in dropped]
    return kept + made, len(pairs)


def _takes_near(check_similar: Callable[..., list[Link]]) -> bool:
    """Does a linker's ``check_similar`` name a parameter ``near`` that can
    be passed by keyword? ``**kwargs`` is not enough: a wrapper that passes
    them on to a three-argument function would fail, and a function that
    takes options it does not know would link near pairs on meaning alone."""
    try:
        parameter = inspect.signature(check_similar).parameters.get("near")
    except (TypeError, ValueError):  # a builtin or a C function: no keywords known
        return False
    return parameter is not None and parameter.kind in (
        parameter.POSITIONAL_OR_KEYWORD,
        parameter.KEYWORD_ONLY,
    )


@dataclass
class LinkReport:
    claims: int
    new: int
    links: int
    clusters: int
    conflicts: int
    comparisons: int
    #: Decisions in force (:mod:`claimtrack.decisions`).
    decisions: int = 0
    #: What each decision given to this run did: ``(claim_a, claim_b,
    #: "same" | "apart" | "forgotten" | "no decision")``.
    decided: list[tuple[str, str, str]] = field(default_factory=list)
    #: The ``same`` decisions an ``apart`` one kept from joining their
    #: claims' clusters.
    unapplied: list[tuple[str, str]] = field(default_factory=list)
    #: With an embedder: the claims embedded this run (the others' vectors
    #: were stored), and the pairs close in meaning the linker judged.
    embedded: int = 0
    similar: int = 0


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def load_link_claims(db: sqlite_utils.Database) -> tuple[list[LinkClaim], set[str], dict[str, str]]:
    """Every claim of the store as a LinkClaim, the ids never linked, and
    each linked claim's cluster."""
    figures: dict[str, list[Figure]] = defaultdict(list)
    for row in db.execute(
        'SELECT claim_id, raw, start, "end", value, value_max, unit, unit_raw, qualifier, counted '
        "FROM figures"
    ):
        figures[row[0]].append(Figure(*row[1:]))
    claims, new, cluster_of = [], set(), {}
    for row in db.execute(
        "SELECT claims.id, claims.text, claims.normalized, claims.language, claims.speaker_id, "
        "documents.outlet, coalesce(claims.said_on, documents.published), claims.cluster_id, "
        "claims.linked_at "
        "FROM claims JOIN documents ON documents.id = claims.document_id"
    ):
        claim_id = row[0]
        claims.append(
            LinkClaim(
                id=claim_id,
                text=row[1],
                normalized=row[2],
                language=row[3],
                speaker=row[4],
                outlet=row[5],
                said_on=row[6],
                figures=figures.get(claim_id, []),
            )
        )
        if row[8] is None:
            new.add(claim_id)
        if row[7]:
            cluster_of[claim_id] = row[7]
    return claims, new, cluster_of


def link_store(
    db: sqlite_utils.Database,
    threshold: float | None = None,
    rebuild: bool = False,
    linker: str | None = None,
    decide: Sequence[Decision] = (),
    embedder: Embedder | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> LinkReport:
    """Link the store's claims and rewrite ``links``, ``clusters`` and each
    claim's ``cluster_id`` in one transaction, with the decisions people
    took (:mod:`claimtrack.decisions`); ``decide`` (from
    :func:`claimtrack.decisions.resolve`) are new ones, stored in the same
    transaction, their claims compared again. With an ``embedder``, the
    new claims are also paired with the claims close in meaning
    (:mod:`claimtrack.semantic`; the vectors are kept in ``claim_vectors``,
    committed as they are made, ``progress(done, total)`` after each
    batch)."""
    from claimtrack.decisions import NO_DECISION, load_decisions, merge, unapplied, write

    chosen = get_linker(linker)
    threshold = chosen.default_threshold if threshold is None else threshold
    if embedder is not None:
        from claimtrack.semantic import require_judge

        require_judge(chosen)
    version = db.execute("PRAGMA data_version").fetchone()[0]
    claims, new, cluster_of = load_link_claims(db)
    stamp = _now()
    stored = load_decisions(db)
    decisions, decided_now = merge(stored, decide, stamp)
    if rebuild:
        new = {c.id for c in claims}
    # A decided pair is compared again (its clusters made anew around it).
    new.update(c for a, b, what in decided_now if what != NO_DECISION for c in (a, b))
    # The clusters found before are kept, and new claims join them, unless
    # they are not what the links alone give: a person decided on some of
    # their claims (a "same" decision joined clusters whole; an "apart" one
    # split one), or forgot a decision, or a claim of one was deleted (its
    # links and decisions went with it) or changed. Then the clusters are
    # made again from every link, the stored ones as they are: what
    # --rebuild would make of the same links.
    remake = (
        rebuild
        or bool(stored or decisions)
        or not cluster_of.keys().isdisjoint(new)  # a clustered claim changed on re-import
        or _lost_members(db)
    )
    links, comparisons = chosen.link(claims, threshold, new) if new else ([], 0)
    embedded = similar = 0
    if embedder is not None and new:
        from claimtrack.semantic import store_vectors

        texts = [c.text for c in claims]
        vectors, embedded = store_vectors(db, [c.id for c in claims], texts, embedder, progress)
        is_new = np.fromiter((c.id in new for c in claims), bool, len(claims))
        links, similar = links_by_meaning(chosen, claims, vectors, embedder, threshold, is_new, links)
    written = links
    if remake and not rebuild:
        links = links + _stored_links(db, new)
    by_id = {c.id: c for c in claims}
    decided_links = _decision_links(links, decisions, by_id, chosen.figures_differ) if decisions else []
    if decided_links:
        decided_pairs = {(d.a, d.b) for d in decisions}
        written = [
            link for link in written if (min(link.a, link.b), max(link.a, link.b)) not in decided_pairs
        ]
        written += [link for link in decided_links if link.a in new or link.b in new]
    groups: dict[str, list[str]] = defaultdict(list)
    if not remake:
        for claim_id, cluster_id in cluster_of.items():
            if claim_id not in new:
                groups[cluster_id].append(claim_id)
    components = clusters_of(
        by_id,
        links + [link for link in decided_links if link.conflict == "apart"],
        groups.values(),
        same=[(d.a, d.b) for d in decisions if d.decision == "same"],
    )
    with db.conn:
        begin_immediate(db.conn)
        _still_there(db, by_id, version, {c for d in decide for c in (d.a, d.b)})
        write(db, decide, stamp)
        if rebuild:
            db.execute("DELETE FROM links")
        elif new:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS new_claims (id TEXT PRIMARY KEY)")
            db.execute("DELETE FROM new_claims")
            db.conn.executemany("INSERT INTO new_claims VALUES (?)", ((i,) for i in new))
            db.execute(
                "DELETE FROM links WHERE claim_a IN (SELECT id FROM new_claims) "
                "OR claim_b IN (SELECT id FROM new_claims)"
            )
        cluster_ids: dict[str, str] = {}
        cluster_rows = []
        for members in components:
            cluster_id = stable_id("cluster", members[0])
            for member in members:
                cluster_ids[member] = cluster_id
            cluster_rows.append(_cluster_row(cluster_id, [by_id[m] for m in members]))
        db.execute("UPDATE claims SET cluster_id = NULL WHERE cluster_id IS NOT NULL")
        db.execute("UPDATE links SET cluster_id = NULL WHERE cluster_id IS NOT NULL")  # not cascaded away
        db.execute("DELETE FROM clusters")
        db.conn.executemany(
            "INSERT INTO clusters (id, label, claims, outlets, first_seen, last_seen, figure_conflict) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            cluster_rows,
        )
        db.conn.executemany(
            "UPDATE claims SET cluster_id = ? WHERE id = ?", ((c, i) for i, c in cluster_ids.items())
        )
        db.conn.executemany(
            "INSERT OR REPLACE INTO links (id, claim_a, claim_b, cluster_id, score, linker, evidence, "
            "figure_conflict) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    stable_id("link", link.a, link.b),
                    link.a,
                    link.b,
                    cluster_ids.get(link.a) if cluster_ids.get(link.a) == cluster_ids.get(link.b) else None,
                    round(link.score, 2),
                    DECISION_LINKER if "decided" in link.evidence else chosen.name,
                    json.dumps({"conflict": link.conflict, **link.evidence}, ensure_ascii=False),
                    int(link.conflict == "figure"),
                )
                for link in written
            ),
        )
        # Not a claim an import changed meanwhile (same id, another text): it
        # stays new for the next run.
        db.conn.executemany(
            "UPDATE claims SET linked_at = ? WHERE id = ? AND normalized IS ?",
            ((stamp, i, by_id[i].normalized) for i in new if i in by_id),
        )
        # Links kept from earlier runs count too: a link belongs to the
        # cluster of its two claims, and a cluster with a figure conflict
        # among its links is flagged.
        db.execute(
            "UPDATE links SET cluster_id = (SELECT a.cluster_id FROM claims a JOIN claims b "
            "ON b.id = links.claim_b WHERE a.id = links.claim_a AND a.cluster_id = b.cluster_id)"
        )
        db.execute(
            "UPDATE clusters SET figure_conflict = EXISTS (SELECT 1 FROM links "
            "WHERE links.cluster_id = clusters.id AND links.figure_conflict = 1)"
        )
    return LinkReport(
        claims=len(claims),
        new=len(new),
        links=db.execute("SELECT count(*) FROM links").fetchone()[0],
        clusters=len(components),
        conflicts=db.execute("SELECT count(*) FROM clusters WHERE figure_conflict").fetchone()[0],
        comparisons=comparisons,
        decisions=len(decisions),
        decided=decided_now,
        unapplied=[(d.a, d.b) for d in unapplied(decisions, cluster_ids)],
        embedded=embedded,
        similar=similar,
    )


class StoreChanged(RuntimeError):
    """Claims were deleted while the run compared them (an import ran
    alongside): nothing of the run is written; link again."""


def _still_there(
    db: sqlite_utils.Database, by_id: Mapping[str, LinkClaim], version: int, decided: set[str]
) -> None:
    """Raise :class:`StoreChanged` when a claim the run read, or one a new
    decision names, is gone: an import that ran alongside deleted it
    (linking by meaning can take minutes), and a link or cluster naming it
    cannot be written. The run's claims are looked up only when another
    connection wrote since they were read (``version``: SQLite's
    ``data_version`` then); the decided ones, a handful, always."""
    if decided:
        marks = ", ".join("?" * len(decided))
        query = f"SELECT count(*) FROM claims WHERE id IN ({marks})"
        present = db.execute(query, sorted(decided)).fetchone()[0]
        if present != len(decided):
            raise StoreChanged(
                "a claim a decision names was deleted meanwhile (an import ran alongside); "
                "nothing was written: decide again"
            )
    if db.execute("PRAGMA data_version").fetchone()[0] == version:
        return
    db.execute("CREATE TEMP TABLE IF NOT EXISTS read_claims (id TEXT PRIMARY KEY)")
    db.execute("DELETE FROM read_claims")
    db.conn.executemany("INSERT INTO read_claims VALUES (?)", ((i,) for i in by_id))
    query = "SELECT count(*) FROM read_claims WHERE id NOT IN (SELECT id FROM claims)"
    gone = db.execute(query).fetchone()[0]
    if gone:
        raise StoreChanged(
            f"{gone} of the claims being linked were deleted meanwhile (an import ran alongside); "
            "nothing was written: run claimtrack link again"
        )


def _lost_members(db: sqlite_utils.Database) -> bool:
    """Has a cluster lost a claim since it was made (a re-import that
    dropped or changed the claim)? What remains of it is not what its
    links give."""
    counted = db.execute("SELECT coalesce(sum(claims), 0) FROM clusters").fetchone()[0]
    return counted != db.execute("SELECT count(*) FROM claims WHERE cluster_id IS NOT NULL").fetchone()[0]


def _stored_links(db: sqlite_utils.Database, new: set[str]) -> list[Link]:
    """Every stored link the linker made between two claims not compared
    this run (their links are made anew): what clusters are made of again.
    A decided pair's row is the linker's link again when the linker had
    found the pair (``found_by_linker``), as --rebuild would find it. Only
    score and conflict count here; the rows are not written again."""
    found = []
    for a, b, score, conflict, linker, evidence in db.execute(
        "SELECT claim_a, claim_b, score, json_extract(evidence, '$.conflict'), linker, "
        "CASE WHEN linker = ? THEN evidence END FROM links",
        [DECISION_LINKER],
    ):
        if a in new or b in new:
            continue
        if linker == DECISION_LINKER:
            said = json.loads(evidence)
            if not said.get("found_by_linker"):
                continue
            conflict = said.get("linker_conflict", None if conflict == "apart" else conflict)
        found.append(Link(a, b, score, conflict))
    return found


def _decision_links(
    links: list[Link],
    decisions: Sequence[Decision],
    by_id: Mapping[str, LinkClaim],
    figures_differ: Callable[[LinkClaim, LinkClaim], list[dict[str, Any]]] | None,
) -> list[Link]:
    """Each decided pair's link, as stored in ``links``: kept apart
    (conflict ``"apart"``) or, for ``same``, with no separating conflict (a
    figure conflict stays: one claim told with two figures). The linker's
    score and evidence are kept when it found the pair
    (``found_by_linker``; its ``conflict``, when the decision overrides it,
    as ``linker_conflict``); a pair it did not find gets 100 (same) or 0
    (apart). A ``same`` pair the linker did not link, or kept apart, is
    asked for its figures (the linker's ``figures_differ``): two claims
    decided one that give different figures are a figure conflict. These
    are the rows written; clustering applies a ``same``
    decision on its own, last (:func:`clusters_of`'s ``same``), and takes
    the linker's link for the pair like any other: a made-up strong link
    would join the decided pair first and leave out the claims linked to
    one of them."""
    decided = {(d.a, d.b): d for d in decisions}
    found: dict[tuple[str, str], Link] = {}
    for link in links:
        pair = (min(link.a, link.b), max(link.a, link.b))
        if pair in decided:
            found[pair] = link
    made = []
    for d in decisions:
        link = _decision_link(d, found.get((d.a, d.b)))
        if (
            d.decision == "same"
            and link.conflict is None
            and figures_differ is not None
            and d.a in by_id
            and d.b in by_id
        ):
            differing = figures_differ(by_id[d.a], by_id[d.b])
            if differing:
                link = Link(link.a, link.b, link.score, "figure", {**link.evidence, "figures": differing})
        made.append(link)
    return made


def _decision_link(decision: Decision, found: Link | None) -> Link:
    """One decided pair's link (:func:`_decision_links`); ``found`` is the
    linker's."""
    if decision.decision == "apart":
        conflict = "apart"
    else:
        conflict = "figure" if found and found.conflict == "figure" else None
    evidence: dict[str, Any] = dict(found.evidence) if found else {}
    if found:
        evidence["found_by_linker"] = True
        if found.conflict != conflict:
            evidence["linker_conflict"] = found.conflict
    evidence["decided"] = decision.decision
    for key, value in (("decided_by", decision.decided_by), ("note", decision.note)):
        if value:
            evidence[key] = value
    score = found.score if found else (100.0 if decision.decision == "same" else 0.0)
    return Link(decision.a, decision.b, score, conflict, evidence)


def _cluster_row(cluster_id: str, members: list[LinkClaim]) -> tuple:
    """id, label (the earliest claim's text), size, outlets, and the first
    and last date seen; figure_conflict is set from the links afterwards."""
    dated = sorted(members, key=lambda c: (c.said_on or "9999", c.id))
    dates = [c.said_on[:10] for c in members if c.said_on]
    return (
        cluster_id,
        dated[0].text[:300],
        len(members),
        len({c.outlet for c in members if c.outlet}),
        min(dates) if dates else None,
        max(dates) if dates else None,
        0,
    )
