"""A person's word on two claims: they state the same thing, or they do not.

The linker reads words, not meaning: it misses paraphrases that share few
words ("a bad update knocked out Windows machines" / "a faulty update
crashed Windows computers") and now and then merges two claims of one story
that say different things. A fact-checker who sees it says so once::

    claimtrack link --same 3f2a 9c41       # one claim: their clusters are one
    claimtrack link --apart 3f2a 77d0      # two claims: never in one cluster
    claimtrack link --forget 3f2a 77d0     # back to what the linker finds

Decisions are stored in ``link_decisions`` and applied by every later
``claimtrack link``, ``--rebuild`` included (:func:`claimtrack.linking.link_store`):

* ``same``: the two claims' clusters become one, whatever the linker found
  between them (also across languages: a claim and its translation);
* ``apart``: the two claims are never put in one cluster, as for a
  negation the linker finds; a ``same`` decision that would join them
  anyway is not applied, and the link run says so.

Deciding marks both claims as not linked yet, so the next link run
compares them again and rebuilds their clusters around the decision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlite_utils

from claimtrack.model import stable_id
from claimtrack.reviews import resolve_target
from claimtrack.store import begin_immediate

SAME, APART = "same", "apart"
DECISIONS = (SAME, APART)


class DecisionError(ValueError):
    """A decision that cannot be stored as asked (an unknown id, a claim
    paired with itself)."""


@dataclass(frozen=True, slots=True)
class Decision:
    """One stored decision; ``a`` < ``b``, as links keep their claims."""

    a: str
    b: str
    decision: str
    decided_by: str | None = None
    note: str | None = None
    decided_at: str = ""

    @property
    def id(self) -> str:
        return stable_id("decision", self.a, self.b)


def decide(
    db: sqlite_utils.Database,
    pairs: Sequence[tuple[str, str, str | None]],
    decided_by: str | None = None,
    note: str | None = None,
) -> list[Decision | tuple[str, str]]:
    """Store a decision on each pair ``(first, second, decision)`` —
    ``decision`` is ``"same"``, ``"apart"``, or None to forget the pair's
    decision — in one transaction, after every id has been checked: a bad
    id stores nothing. Ids may be unique prefixes, and a cluster id stands
    for the claim ``claimtrack review`` picks for it. Returns, for each
    pair, the stored :class:`Decision`, or the two claim ids forgotten."""
    resolved = []
    for first, second, decision in pairs:
        if decision is not None and decision not in DECISIONS:
            raise DecisionError(f"not a decision: {decision!r} (same or apart)")
        try:
            a, b = sorted((resolve_target(db, first)[0], resolve_target(db, second)[0]))
        except ValueError as exc:
            raise DecisionError(str(exc)) from exc
        if a == b:
            raise DecisionError(f"{first} and {second} are one claim: pair a claim with another")
        resolved.append((a, b, decision))
    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    done: list[Decision | tuple[str, str]] = []
    with db.conn:
        begin_immediate(db.conn)
        for a, b, decision in resolved:
            if decision is None:
                db.execute("DELETE FROM link_decisions WHERE id = ?", [stable_id("decision", a, b)])
                done.append((a, b))
            else:
                stored = Decision(a, b, decision, decided_by, note, stamp)
                db.execute(
                    "INSERT OR REPLACE INTO link_decisions (id, claim_a, claim_b, decision, decided_by, "
                    "note, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [stored.id, a, b, decision, decided_by, note, stamp],
                )
                done.append(stored)
            # Compared again by the next link run, their clusters rebuilt.
            db.execute("UPDATE claims SET linked_at = NULL WHERE id IN (?, ?)", [a, b])
    return done


def load_decisions(db: sqlite_utils.Database) -> list[Decision]:
    """Every stored decision, oldest first."""
    return [
        Decision(*row)
        for row in db.execute(
            "SELECT claim_a, claim_b, decision, decided_by, note, decided_at FROM link_decisions "
            "ORDER BY decided_at, id"
        )
    ]


def unapplied(decisions: Iterable[Decision], cluster_of: dict[str, str]) -> list[Decision]:
    """The ``same`` decisions whose claims did not end in one cluster (an
    ``apart`` decision kept their clusters apart)."""
    return [
        d
        for d in decisions
        if d.decision == SAME and (cluster_of.get(d.a) is None or cluster_of.get(d.a) != cluster_of.get(d.b))
    ]
