"""Score claimtrack's claim linker against labelled claim pairs.

Usage::

    python bench/eval_linking.py [--pairs datasets/linking/pairs.jsonl] [--threshold X] [--json] [--verbose]
                                 [--semantic [EMBEDDER]] [--cosine X]

The pairs file holds one labelled pair of claims per line (see
``datasets/linking/README.md``): ``same`` (one claim, reworded), ``conflict``
(one claim whose figures disagree: link it *and* flag it) and ``different``
(two claims, near-duplicate negations and changed facts included).

Every claim of every pair goes through one call of :func:`claimtrack.link_claims`,
so a claim can be merged with a claim of another pair, and such merges are
counted. The scores, per language and overall:

* recall on ``same`` and ``conflict`` pairs: both claims end up in one cluster;
* merge rate on ``different`` pairs: both claims in one cluster (the target is
  at most 2%), broken down into negations, changed facts and the rest;
* flag rate on ``conflict`` pairs: a link between the two claims whose
  ``conflict`` is ``"figure"``; and the false flag rate on ``same`` pairs;
* negation flags: ``different`` pairs noted ``negation`` whose claims are
  joined by a link with ``conflict == "negation"`` (informative only);
* precision of "merged" over the labelled pairs: merged ``same``/``conflict``
  pairs over all merged pairs; and the same precision once the cross-pair
  merges of claims of one language are counted as false merges too.

No claim of one pair states what a claim of another pair of the same
language states, so every such cross-pair merge is an error. Some claims have a
counterpart in the other language (the same story told in Arabic and English);
cross-language merges are reported apart and not counted as errors.

It is a report: it always exits 0, also when claimtrack has no linking API yet.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PAIRS = ROOT / "datasets" / "linking" / "pairs.jsonl"
LABELS = ("same", "conflict", "different")
HARD_NOTES = ("negation", "changed fact")
MAX_DIFFERENT_MERGED = 0.02
GROUPS = ("ar", "en", "overall")


# --------------------------------------------------------------------------- data


@dataclass
class Side:
    text: str
    speaker: str | None
    outlet: str | None
    published: str | None


@dataclass
class Pair:
    id: str
    language: str
    a: Side
    b: Side
    label: str
    note: str

    def claim_id(self, side: str) -> str:
        return f"{self.id}-{side}"


def load_pairs(path: Path, problems: list[str]) -> list[Pair]:
    """The pairs of ``path``; a malformed line is skipped and reported."""
    pairs: list[Pair] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            sides = []
            for key in ("a", "b"):
                side = row[key]
                if not str(side["text"]).strip():
                    raise ValueError(f"empty text on side {key}")
                sides.append(
                    Side(side["text"], side.get("speaker"), side.get("outlet"), side.get("published"))
                )
            pair = Pair(
                str(row["id"]), row["language"], sides[0], sides[1], row["label"], row.get("note") or ""
            )
        except (ValueError, KeyError, TypeError) as exc:
            problems.append(f"line {number}: skipped ({exc})")
            continue
        if pair.label not in LABELS:
            problems.append(f"line {number}: skipped (unknown label {pair.label!r})")
            continue
        if pair.id in seen:
            problems.append(f"line {number}: skipped (duplicate id {pair.id})")
            continue
        seen.add(pair.id)
        pairs.append(pair)
    return pairs


# --------------------------------------------------------------------------- the linker


def load_api() -> tuple[Any, Any]:
    """``(LinkClaim, link_claims)`` from claimtrack's public API; raises
    ImportError when this tree does not have them (yet)."""
    import claimtrack

    try:
        return claimtrack.LinkClaim, claimtrack.link_claims
    except AttributeError as exc:
        raise ImportError(str(exc)) from exc


def build_claims(pairs: list[Pair], link_claim: Any) -> list[Any]:
    claims = []
    for pair in pairs:
        for key, side in (("a", pair.a), ("b", pair.b)):
            claims.append(
                link_claim(
                    id=pair.claim_id(key),
                    text=side.text,
                    language=pair.language,
                    speaker=side.speaker,
                    outlet=side.outlet,
                    said_on=side.published,
                    figures=None,
                )
            )
    return claims


# --------------------------------------------------------------------------- scoring


@dataclass
class Rate:
    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += int(hit)
        self.total += 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "rate": self.hits / self.total if self.total else None,
            "hits": self.hits,
            "total": self.total,
        }


@dataclass
class GroupScores:
    recall: Rate = field(default_factory=Rate)  # same + conflict merged
    recall_same: Rate = field(default_factory=Rate)
    recall_conflict: Rate = field(default_factory=Rate)
    different_merged: Rate = field(default_factory=Rate)
    different_by_note: dict[str, Rate] = field(default_factory=lambda: defaultdict(Rate))
    conflict_flagged: Rate = field(default_factory=Rate)
    same_flagged: Rate = field(default_factory=Rate)
    negation_flagged: Rate = field(default_factory=Rate)
    merged_correct: int = 0
    merged_total: int = 0
    cross_pair_claim_pairs: int = 0

    def as_dict(self) -> dict[str, Any]:
        precision = self.merged_correct / self.merged_total if self.merged_total else None
        wider = self.merged_total + self.cross_pair_claim_pairs
        return {
            "recall": self.recall.as_dict(),
            "recall_same": self.recall_same.as_dict(),
            "recall_conflict": self.recall_conflict.as_dict(),
            "different_merged": self.different_merged.as_dict(),
            "different_merged_by_note": {
                note: rate.as_dict() for note, rate in self.different_by_note.items()
            },
            "different_merged_ok": (
                self.different_merged.total == 0
                or self.different_merged.hits / self.different_merged.total <= MAX_DIFFERENT_MERGED
            ),
            "conflict_flagged": self.conflict_flagged.as_dict(),
            "same_flagged": self.same_flagged.as_dict(),
            "negation_flagged": self.negation_flagged.as_dict(),
            "precision": {"rate": precision, "hits": self.merged_correct, "total": self.merged_total},
            "precision_with_cross_pair": {
                "rate": self.merged_correct / wider if wider else None,
                "hits": self.merged_correct,
                "total": wider,
            },
            "cross_pair_claim_pairs": self.cross_pair_claim_pairs,
        }


def _note_bucket(note: str) -> str:
    return note if note in HARD_NOTES else "other"


def _attr(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def evaluate(pairs: list[Pair], links: list[Any], clusters: list[list[str]]) -> dict[str, Any]:
    """Scores for one linker run: ``links`` have ``a``, ``b``, ``score`` and
    ``conflict``; ``clusters`` are lists of claim ids (a claim in none of
    them is a cluster of its own)."""
    cluster_of: dict[str, int] = {}
    for index, members in enumerate(clusters):
        for claim_id in members:
            cluster_of.setdefault(str(claim_id), index)

    def same_cluster(x: str, y: str) -> bool:
        return x in cluster_of and cluster_of.get(x) == cluster_of.get(y)

    conflicts: dict[frozenset[str], set[Any]] = defaultdict(set)
    scores: dict[frozenset[str], float] = {}
    for link in links:
        key = frozenset((str(_attr(link, "a")), str(_attr(link, "b"))))
        conflicts[key].add(_attr(link, "conflict"))
        score = _attr(link, "score")
        if isinstance(score, int | float):
            scores[key] = max(score, scores.get(key, float("-inf")))

    groups = {name: GroupScores() for name in GROUPS}
    errors: list[dict[str, Any]] = []
    for pair in pairs:
        a, b = pair.claim_id("a"), pair.claim_id("b")
        merged = same_cluster(a, b)
        flags = conflicts.get(frozenset((a, b)), set())
        score = scores.get(frozenset((a, b)))
        for group in (groups.get(pair.language), groups["overall"]):
            if group is None:
                continue
            if pair.label in ("same", "conflict"):
                group.recall.add(merged)
                (group.recall_same if pair.label == "same" else group.recall_conflict).add(merged)
            if pair.label == "same":
                group.same_flagged.add("figure" in flags)
            if pair.label == "conflict":
                group.conflict_flagged.add("figure" in flags)
            if pair.label == "different":
                group.different_merged.add(merged)
                group.different_by_note[_note_bucket(pair.note)].add(merged)
                if pair.note == "negation":
                    group.negation_flagged.add("negation" in flags)
            if merged:
                group.merged_total += 1
                group.merged_correct += int(pair.label != "different")

        problem = None
        if pair.label in ("same", "conflict") and not merged:
            problem = "not merged"
        elif pair.label == "different" and merged:
            problem = "merged"
        elif pair.label == "conflict" and "figure" not in flags:
            problem = "conflict not flagged"
        elif pair.label == "same" and "figure" in flags:
            problem = "flagged as a figure conflict"
        if problem:
            errors.append(
                {
                    "id": pair.id,
                    "label": pair.label,
                    "note": pair.note,
                    "problem": problem,
                    "score": score,
                    "conflicts": sorted(str(flag) for flag in flags),
                    "a": pair.a.text,
                    "b": pair.b.text,
                }
            )

    # Cross-pair merges: clusters holding claims of more than one pair.
    owner = {}
    for pair in pairs:
        for key in ("a", "b"):
            owner[pair.claim_id(key)] = pair
    cross: list[dict[str, Any]] = []
    cross_language_claim_pairs = 0
    for members in clusters:
        known = [str(m) for m in members if str(m) in owner]
        if len({owner[m].id for m in known}) < 2:
            continue
        same_language = 0
        for i, x in enumerate(known):
            for y in known[i + 1 :]:
                px, py = owner[x], owner[y]
                if px.id == py.id:
                    continue
                if px.language != py.language:
                    cross_language_claim_pairs += 1
                    continue
                same_language += 1
                for name in (px.language, "overall"):
                    if name in groups:
                        groups[name].cross_pair_claim_pairs += 1
        texts = {m: (owner[m].a.text if m.endswith("-a") else owner[m].b.text) for m in known}
        cross.append(
            {
                "pairs": sorted({owner[m].id for m in known}),
                "claim_pairs_same_language": same_language,
                "claims": [{"id": m, "text": texts[m]} for m in known],
            }
        )

    mixed_same_language = [c for c in cross if c["claim_pairs_same_language"]]
    return {
        "groups": {name: group.as_dict() for name, group in groups.items()},
        "cross_pair": {
            "clusters": len(mixed_same_language),
            "pairs_involved": len({pid for c in mixed_same_language for pid in c["pairs"]}),
            "claim_pairs": sum(c["claim_pairs_same_language"] for c in mixed_same_language),
            "cross_language_claim_pairs": cross_language_claim_pairs,
        },
        "details": {"errors": errors, "cross_pair_clusters": cross},
    }


# --------------------------------------------------------------------------- report


def _cell(rate: dict[str, Any]) -> str:
    if not rate["total"]:
        return "—"
    return f"{100 * rate['rate']:5.1f}% {rate['hits']:>3}/{rate['total']:<3}"


def print_report(report: dict[str, Any], verbose: bool) -> None:
    print(
        f"claim linking: {report['pairs']} pairs ({report['claims']} claims) from {report['source']}; "
        f"threshold: {report['threshold'] if report['threshold'] is not None else 'library default'}"
        + (f"; by meaning too ({report['embedder']})" if report.get("embedder") else "")
    )
    print(f"linked in {report['seconds']:.2f} s: {report['links']} links, {report['clusters']} clusters")
    print()
    groups = report["groups"]
    header = f"{'':<34}" + "".join(f"{name:>16}" for name in GROUPS)
    print(header)
    print("-" * len(header))

    def row(label: str, get) -> None:
        print(f"{label:<34}" + "".join(f"{_cell(get(groups[name])):>16}" for name in GROUPS))

    row("same+conflict merged (recall)", lambda g: g["recall"])
    row("  same", lambda g: g["recall_same"])
    row("  conflict", lambda g: g["recall_conflict"])
    row(f"different merged (<= {MAX_DIFFERENT_MERGED:.0%})", lambda g: g["different_merged"])
    for note in (*HARD_NOTES, "other"):
        row(f"  {note}", lambda g, note=note: g["different_merged_by_note"].get(note, {"total": 0}))
    row("conflict flagged 'figure'", lambda g: g["conflict_flagged"])
    row("same flagged 'figure' (false)", lambda g: g["same_flagged"])
    row("negation flagged 'negation'", lambda g: g["negation_flagged"])
    row("precision of merged (pairs)", lambda g: g["precision"])
    row("  counting cross-pair merges", lambda g: g["precision_with_cross_pair"])
    print("-" * len(header))
    verdicts = "  ".join(
        f"{name}: {'ok' if groups[name]['different_merged_ok'] else 'OVER'}" for name in GROUPS
    )
    print(f"different merged within target: {verdicts}")
    cross = report["cross_pair"]
    print(
        f"cross-pair merges: {cross['clusters']} cluster(s) mix claims of different pairs "
        f"({cross['pairs_involved']} pairs, {cross['claim_pairs']} claim pairs of one language); "
        f"cross-language claim pairs (not errors): {cross['cross_language_claim_pairs']}"
    )
    details = report["details"]
    if verbose:
        errors = details["errors"]
        print()
        print(f"{len(errors)} labelled pair(s) wrong:")
        for error in errors:
            score = f"{error['score']:.3f}" if isinstance(error["score"], int | float) else "no link"
            flags = ",".join(error["conflicts"]) or "-"
            what = f"[{error['label']}: {error['note']}] {error['problem']}"
            print(f"  {error['id']} {what} (score {score}; {flags})")
            print(f"      a: {error['a']}")
            print(f"      b: {error['b']}")
        mixed = [c for c in details["cross_pair_clusters"] if c["claim_pairs_same_language"]]
        if mixed:
            print()
            print(f"{len(mixed)} cluster(s) mixing claims of different pairs:")
            for cluster in mixed:
                print(f"  pairs {', '.join(cluster['pairs'])}:")
                for claim in cluster["claims"]:
                    print(f"      {claim['id']}: {claim['text']}")
    elif details["errors"]:
        counts = Counter(error["problem"] for error in details["errors"])
        summary = ", ".join(f"{n} {problem}" for problem, n in counts.most_common())
        print(f"errors: {summary} (--verbose lists them)")
    if report["problems"]:
        print()
        print(f"{len(report['problems'])} problem(s) in the pairs file:")
        for problem in report["problems"]:
            print(f"  {problem}")


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score claimtrack.link_claims against labelled claim pairs.")
    parser.add_argument("--pairs", type=Path, default=DEFAULT_PAIRS, help="pairs file (default: %(default)s)")
    parser.add_argument("--threshold", type=float, default=None, help="threshold passed to link_claims")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--verbose", action="store_true", help="list the pairs the linker got wrong")
    parser.add_argument(
        "--semantic",
        nargs="?",
        const="",
        metavar="EMBEDDER",
        help="link by meaning too, with the named (default: e5-small) embedder (claimtrack[semantic])",
    )
    parser.add_argument(
        "--cosine", type=float, default=None, help="with --semantic: try this same_claim cosine instead"
    )
    args = parser.parse_args(argv)

    if not args.pairs.is_file():
        print(f"no pairs file at {args.pairs}", file=sys.stderr)
        return 0
    problems: list[str] = []
    pairs = load_pairs(args.pairs, problems)

    try:
        link_claim, link_claims = load_api()
    except ImportError as exc:
        message = (
            "claimtrack has no claim linking API in this tree yet "
            f"(from claimtrack import LinkClaim, link_claims failed: {exc}); nothing to score."
        )
        if args.json:
            print(json.dumps({"source": str(args.pairs), "pairs": len(pairs), "error": message}, indent=2))
        else:
            print(message)
        return 0

    try:
        claims = build_claims(pairs, link_claim)
        embedder = None
        if args.semantic is not None:
            from claimtrack.semantic import get_embedder

            embedder = get_embedder(args.semantic or None)
            if args.cosine is not None:
                embedder = dataclasses.replace(embedder, same_claim=args.cosine)
        started = time.perf_counter()
        extra = {"embedder": embedder} if embedder is not None else {}
        result = link_claims(claims, threshold=args.threshold, **extra)
        seconds = time.perf_counter() - started
        links = list(_attr(result, "links") or [])
        clusters = [list(members) for members in (_attr(result, "clusters") or [])]
    except Exception as exc:  # a report, not a test: say what broke and stop
        message = f"link_claims failed: {type(exc).__name__}: {exc}"
        if args.json:
            print(json.dumps({"source": str(args.pairs), "pairs": len(pairs), "error": message}, indent=2))
        else:
            print(message)
        return 0

    report = {
        "source": str(args.pairs),
        "threshold": args.threshold,
        "embedder": embedder.name if embedder else None,
        "cosine": embedder.same_claim if embedder else None,
        "pairs": len(pairs),
        "claims": len(claims),
        "seconds": seconds,
        "links": len(links),
        "clusters": len(clusters),
        **evaluate(pairs, links, clusters),
        "problems": problems,
    }
    if args.json:
        if not args.verbose:
            report = {k: v for k, v in report.items() if k != "details"}
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print_report(report, args.verbose)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # piped into head and the like
        sys.stderr.close()
        sys.exit(0)
