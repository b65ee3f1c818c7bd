"""A person's word on two claims: they state the same thing, or they do not.

The linker reads words, not meaning: it misses paraphrases that share few
words ("a bad update knocked out Windows machines" / "a faulty update
crashed Windows computers") and now and then merges two claims of one story
that say different things. A fact-checker who sees it says so once::

    claimtrack link --same 3f2a 9c41       # one claim: their clusters are one
    claimtrack link --apart 3f2a 77d0      # two claims: never in one cluster
    claimtrack link --forget 3f2a 77d0     # back to what the linker finds

Decisions are stored in ``link_decisions`` and applied by every later
``claimtrack link``, ``--rebuild`` included
(:func:`claimtrack.linking.link_store`, which also stores them, in the
transaction of the run that applies them first):

* ``same``: the two claims' clusters become one, whatever the linker found
  between them (also across languages: a claim and its translation);
* ``apart``: the two claims are never put in one cluster, as for a
  negation the linker finds; a ``same`` decision that would join them
  anyway is not applied, and the link run says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlite_utils

from claimtrack.model import stable_id
from claimtrack.reviews import resolve_target

SAME, APART = "same", "apart"
DECISIONS = (SAME, APART)
#: What ``link_store`` reports for a pair given with ``--forget``.
FORGOTTEN, NO_DECISION = "forgotten", "no decision"


class DecisionError(ValueError):
    """A decision that cannot be stored as asked (an unknown id, a claim
    paired with itself, one pair given two decisions)."""


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision; ``a`` < ``b``, as links keep their claims. ``decision``
    is None for a pair whose decision is to be forgotten."""

    a: str
    b: str
    decision: str | None
    decided_by: str | None = None
    note: str | None = None
    decided_at: str = ""

    @property
    def id(self) -> str:
        return stable_id("decision", self.a, self.b)


def resolve(
    db: sqlite_utils.Database,
    pairs: Sequence[tuple[str, str, str | None]],
    decided_by: str | None = None,
    note: str | None = None,
) -> list[Decision]:
    """The decisions ``(first, second, decision)`` asks for — ``decision``
    is ``"same"``, ``"apart"``, or None to forget the pair's — with each id
    checked and made whole: unique prefixes are accepted, and a cluster id
    stands for the claim ``claimtrack review`` picks for it. Raises
    :class:`DecisionError` for the first bad one; nothing is written."""
    resolved: dict[tuple[str, str], Decision] = {}
    for first, second, decision in pairs:
        if decision is not None and decision not in DECISIONS:
            raise DecisionError(f"not a decision: {decision!r} (same or apart)")
        try:
            a, b = sorted((resolve_target(db, first)[0], resolve_target(db, second)[0]))
        except ValueError as exc:
            raise DecisionError(str(exc)) from exc
        if a == b:
            raise DecisionError(f"{first} and {second} are one claim: pair a claim with another")
        if (a, b) in resolved and resolved[a, b].decision != decision:
            raise DecisionError(f"{first} and {second} are given two decisions: give one")
        resolved[a, b] = Decision(a, b, decision, decided_by, note)
    return list(resolved.values())


def load_decisions(db: sqlite_utils.Database) -> list[Decision]:
    """Every stored decision, oldest first."""
    return [
        Decision(*row)
        for row in db.execute(
            "SELECT claim_a, claim_b, decision, decided_by, note, decided_at FROM link_decisions "
            "ORDER BY decided_at, id"
        )
    ]


def merge(
    stored: Sequence[Decision], given: Sequence[Decision], stamp: str
) -> tuple[list[Decision], list[tuple[str, str, str]]]:
    """The decisions in force once ``given`` (stamped ``stamp``) replace or
    forget the ``stored`` ones of their pairs, and what each given one did:
    ``(a, b, "same" | "apart" | FORGOTTEN | NO_DECISION)``."""
    by_pair = {(d.a, d.b): d for d in stored}
    done = []
    for d in given:
        if d.decision is None:
            done.append((d.a, d.b, FORGOTTEN if by_pair.pop((d.a, d.b), None) else NO_DECISION))
        else:
            by_pair[d.a, d.b] = Decision(d.a, d.b, d.decision, d.decided_by, d.note, stamp)
            done.append((d.a, d.b, d.decision))
    # In the order load_decisions gives, so that later runs apply them as
    # this one does (which of two chained "same" decisions an "apart"
    # blocks depends on it).
    return sorted(by_pair.values(), key=lambda d: (d.decided_at, d.id)), done


def write(db: sqlite_utils.Database, given: Iterable[Decision], stamp: str) -> None:
    """Store (or, for a None decision, delete) the ``given`` decisions; the
    caller holds the transaction."""
    for d in given:
        if d.decision is None:
            db.execute("DELETE FROM link_decisions WHERE id = ?", [d.id])
        else:
            db.execute(
                "INSERT OR REPLACE INTO link_decisions (id, claim_a, claim_b, decision, decided_by, "
                "note, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [d.id, d.a, d.b, d.decision, d.decided_by, d.note, stamp],
            )


def unapplied(decisions: Iterable[Decision], cluster_of: dict[str, str]) -> list[Decision]:
    """The ``same`` decisions whose claims did not end in one cluster (an
    ``apart`` decision kept their clusters apart)."""
    return [
        d
        for d in decisions
        if d.decision == SAME and (cluster_of.get(d.a) is None or cluster_of.get(d.a) != cluster_of.get(d.b))
    ]
