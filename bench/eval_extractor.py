"""Score claimtrack's claim extraction against a hand-annotated corpus.

Usage::

    python bench/eval_extractor.py [--corpus datasets/arabic] [--json] [--verbose]

The corpus is a folder with ``articles/*.txt`` (a ``---`` front matter block,
then the article body) and ``expected.jsonl`` (one line per article: the
claims a careful reader finds in it; see ``datasets/arabic/README.md``).

Every article goes through :func:`claimtrack.extract` and the predicted claims
are compared with the expected ones:

* statement span: a predicted claim matches an expected one when their
  character spans overlap with a Jaccard index of at least 0.5; pairs are
  made one to one, greedily, best overlap first;
* speaker + statement: a matched pair whose speakers agree (normalized names
  equal or one contained in the other word for word, the predicted aliases
  included; an expected null speaker wants no predicted speaker);
* kind: on matched pairs;
* figures: micro precision/recall over (value, value_max, unit) on matched
  pairs;
* dates: micro precision/recall over resolved ISO values (``start/end`` for a
  period) on matched pairs.

It is a report: it always exits 0, whatever the scores.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimtrack.importers import split_front_matter

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / "datasets" / "arabic"
MIN_JACCARD = 0.5
FIELD_LABELS = {
    "statement": "statement span",
    "speaker": "speaker + statement",
    "kind": "kind (matched pairs)",
    "figures": "figures (matched pairs)",
    "dates": "dates (matched pairs)",
}


# --------------------------------------------------------------------------- corpus


@dataclass
class Expected:
    start: int
    end: int
    statement: str
    kind: str
    speaker: str | None
    role: str | None
    figures: list[tuple]
    dates: list[str]


@dataclass
class Article:
    name: str
    meta: dict[str, str]
    body: str
    expected: list[Expected] = field(default_factory=list)


def figure_key(value: Any, value_max: Any, unit: Any) -> tuple:
    def num(x: Any) -> float | None:
        return None if x is None else round(float(x), 4)

    return (num(value), num(value_max), unit)


def date_key(value: str | None, value_end: str | None) -> str | None:
    if not value:
        return None
    return value if not value_end or value_end == value else f"{value}/{value_end}"


def load_corpus(corpus: Path, problems: list[str]) -> list[Article]:
    articles_dir = corpus / "articles"
    expected_path = corpus / "expected.jsonl"
    expected_by_name: dict[str, list[dict]] = {}
    if expected_path.exists():
        for number, line in enumerate(expected_path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                expected_by_name[record["article"]] = record.get("claims") or []
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                problems.append(f"{expected_path.name}:{number}: unreadable line ({exc})")
    else:
        problems.append(f"{expected_path} is missing: every prediction will count as a false positive")

    articles: list[Article] = []
    for path in sorted(articles_dir.glob("*.txt")):
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))  # as import reads it
        article = Article(path.name, meta, body)
        if path.name not in expected_by_name:
            problems.append(f"{path.name}: no line in expected.jsonl")
        for claim in expected_by_name.pop(path.name, []):
            statement = claim.get("statement") or ""
            start = body.find(statement) if statement else -1
            if start < 0:
                problems.append(f"{path.name}: expected statement not in the body: {statement[:60]!r}")
                continue
            article.expected.append(
                Expected(
                    start=start,
                    end=start + len(statement),
                    statement=statement,
                    kind=claim.get("kind"),
                    speaker=claim.get("speaker"),
                    role=claim.get("role"),
                    figures=[
                        figure_key(f.get("value"), f.get("value_max"), f.get("unit"))
                        for f in claim.get("figures") or []
                    ],
                    dates=[d for d in claim.get("dates") or [] if d],
                )
            )
        articles.append(article)
    for name in expected_by_name:
        problems.append(f"expected.jsonl names {name}, which is not in {articles_dir}")
    return articles


# --------------------------------------------------------------------------- scoring


def jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union if union > 0 else 0.0


def match(expected: list[Expected], predicted: list[Any]) -> list[tuple[int, int]]:
    """One-to-one pairs (expected index, predicted index), best overlap first."""
    candidates = []
    for i, exp in enumerate(expected):
        for j, pred in enumerate(predicted):
            score = jaccard((exp.start, exp.end), (pred.start, pred.end))
            if score >= MIN_JACCARD:
                candidates.append((-score, i, j))
    candidates.sort()
    used_e: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_e and j not in used_p:
            used_e.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _words(text: str) -> str:
    from claimtrack import normalize

    return f" {normalize(text)} "


def speaker_agrees(expected: str | None, predicted: Any) -> bool:
    if expected is None:
        return predicted is None
    if predicted is None:
        return False
    want = _words(expected)
    names = [predicted.name, *(getattr(predicted, "aliases", None) or [])]
    for name in names:
        if not name:
            continue
        got = _words(name)
        if got.strip() and (got == want or got in want or want in got):
            return True
    return False


def speaker_label(speaker: Any) -> str:
    if speaker is None:
        return "—"
    return speaker.name + (f" ({speaker.role})" if getattr(speaker, "role", None) else "")


@dataclass
class Tally:
    tp: int = 0
    predicted: int = 0
    expected: int = 0

    def add(self, tp: int, predicted: int, expected: int) -> None:
        self.tp += tp
        self.predicted += predicted
        self.expected += expected

    def scores(self) -> dict[str, Any]:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.expected if self.expected else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "tp": self.tp,
            "predicted": self.predicted,
            "expected": self.expected,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f1, 4),
        }


def predicted_figures(claim: Any) -> list[tuple]:
    return [figure_key(f.value, f.value_max, f.unit) for f in claim.figures or []]


def predicted_dates(claim: Any) -> list[str]:
    keys = (date_key(d.value, d.value_end) for d in claim.dates or [])
    return [k for k in keys if k]


def evaluate(articles: list[Article], problems: list[str]) -> dict[str, Any]:
    import claimtrack

    tallies = {name: Tally() for name in FIELD_LABELS}
    by_kind = {kind: Tally() for kind in claimtrack.CLAIM_KINDS}
    details = []
    started = time.perf_counter()
    chars = 0
    for article in articles:
        meta = article.meta
        document = claimtrack.Document(
            text=article.body,
            url=meta.get("url"),
            outlet=meta.get("outlet"),
            title=meta.get("title"),
            published=meta.get("published"),
            language=meta.get("language"),
        )
        chars += len(article.body)
        try:
            result = claimtrack.extract(document)
            predicted = list(result.claims)
            for problem in result.problems:
                problems.append(f"{article.name}: plugin {problem.plugin}: {problem.message}")
        except Exception as exc:  # a report, not a test: note it and go on
            problems.append(f"{article.name}: extract() raised {type(exc).__name__}: {exc}")
            predicted = []
        expected = article.expected
        pairs = match(expected, predicted)
        matched_e = {i for i, _ in pairs}
        matched_p = {j for _, j in pairs}

        tallies["statement"].add(len(pairs), len(predicted), len(expected))
        for kind, tally in by_kind.items():
            tally.add(
                sum(1 for i, _ in pairs if expected[i].kind == kind),
                sum(1 for c in predicted if c.kind == kind),
                sum(1 for e in expected if e.kind == kind),
            )
        detail: dict[str, Any] = {"article": article.name, "missed": [], "false_positives": [], "wrong": []}
        speaker_ok = kind_ok = 0
        for i, j in pairs:
            exp, pred = expected[i], predicted[j]
            issues = []
            if speaker_agrees(exp.speaker, pred.speaker):
                speaker_ok += 1
            else:
                issues.append(f"speaker: expected {exp.speaker or '—'}, got {speaker_label(pred.speaker)}")
            if exp.kind == pred.kind:
                kind_ok += 1
            else:
                issues.append(f"kind: expected {exp.kind}, got {pred.kind}")
            for name, want, got in (
                ("figures", exp.figures, predicted_figures(pred)),
                ("dates", exp.dates, predicted_dates(pred)),
            ):
                common = Counter(want) & Counter(got)
                tallies[name].add(sum(common.values()), len(got), len(want))
                missing = list((Counter(want) - Counter(got)).elements())
                extra = list((Counter(got) - Counter(want)).elements())
                if missing or extra:
                    issues.append(f"{name}: missing {missing}, extra {extra}")
            if issues:
                detail["wrong"].append({"expected": exp.statement, "predicted": pred.text, "issues": issues})
        tallies["speaker"].add(speaker_ok, len(predicted), len(expected))
        tallies["kind"].add(kind_ok, len(pairs), len(pairs))
        for i, exp in enumerate(expected):
            if i not in matched_e:
                detail["missed"].append({"kind": exp.kind, "speaker": exp.speaker, "text": exp.statement})
        for j, pred in enumerate(predicted):
            if j not in matched_p:
                detail["false_positives"].append(
                    {"kind": pred.kind, "speaker": speaker_label(pred.speaker), "text": pred.text}
                )
        detail["scores"] = Tally(len(pairs), len(predicted), len(expected)).scores()
        details.append(detail)
    elapsed = time.perf_counter() - started

    fields = {name: tally.scores() for name, tally in tallies.items()}
    return {
        "articles": len(articles),
        "expected": tallies["statement"].expected,
        "predicted": tallies["statement"].predicted,
        "fields": fields,
        "overall": {"f1": round(sum(f["f1"] for f in fields.values()) / len(fields), 4)},
        "by_kind": {kind: tally.scores() for kind, tally in by_kind.items()},
        "seconds": round(elapsed, 3),
        "chars": chars,
        "details": details,
    }


# --------------------------------------------------------------------------- output


def _pct(x: float) -> str:
    return f"{100 * x:6.1f}%"


def print_report(report: dict[str, Any], corpus: Path, problems: list[str], verbose: bool) -> None:
    print(
        f"claimtrack extraction on {corpus}: {report['articles']} articles, "
        f"{report['expected']} expected claims, {report['predicted']} predicted "
        f"({report['seconds']:.2f} s for {report['chars']} characters)"
    )
    print()
    header = f"{'field':<26}{'tp':>6}{'pred':>7}{'exp':>7}{'precision':>11}{'recall':>9}{'F1':>9}"
    print(header)
    print("-" * len(header))
    for name, label in FIELD_LABELS.items():
        s = report["fields"][name]
        print(
            f"{label:<26}{s['tp']:>6}{s['predicted']:>7}{s['expected']:>7}"
            f"{_pct(s['precision']):>11}{_pct(s['recall']):>9}{_pct(s['f1']):>9}"
        )
    print("-" * len(header))
    print(f"{'overall (mean F1)':<26}{'':>6}{'':>7}{'':>7}{'':>11}{'':>9}{_pct(report['overall']['f1']):>9}")
    print()
    print("statement span by kind (a pair counts for the expected kind; predicted = claims of that kind):")
    for kind, s in report["by_kind"].items():
        print(
            f"  {kind:<10} expected {s['expected']:>4}  predicted {s['predicted']:>4}  "
            f"matched {s['tp']:>4}  recall {_pct(s['recall'])}"
        )
    if verbose:
        for detail in report["details"]:
            s = detail["scores"]
            print()
            print(
                f"== {detail['article']}  (expected {s['expected']}, predicted {s['predicted']}, "
                f"matched {s['tp']})"
            )
            for miss in detail["missed"]:
                print(f"  MISSED [{miss['kind']}] {miss['speaker'] or '—'}: {miss['text']}")
            for fp in detail["false_positives"]:
                print(f"  FALSE+ [{fp['kind']}] {fp['speaker']}: {fp['text']}")
            for wrong in detail["wrong"]:
                print(f"  WRONG  {wrong['expected']}")
                if wrong["predicted"] != wrong["expected"]:
                    print(f"         predicted span: {wrong['predicted']}")
                for issue in wrong["issues"]:
                    print(f"         {issue}")
    if problems:
        print()
        print(f"{len(problems)} problem(s):")
        for problem in problems if verbose else problems[:10]:
            print(f"  {problem}")
        if not verbose and len(problems) > 10:
            print(f"  ... and {len(problems) - 10} more (--verbose lists them all)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score claimtrack.extract against an annotated corpus.")
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder (default: %(default)s)"
    )
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--verbose", action="store_true", help="list misses and false positives per article")
    args = parser.parse_args(argv)

    problems: list[str] = []
    if not (args.corpus / "articles").is_dir():
        print(f"no articles/ folder in {args.corpus}", file=sys.stderr)
        return 0
    articles = load_corpus(args.corpus, problems)
    report = evaluate(articles, problems)
    if args.json:
        if not args.verbose:
            report = {k: v for k, v in report.items() if k != "details"}
        print(
            json.dumps(
                {"corpus": str(args.corpus), **report, "problems": problems}, ensure_ascii=False, indent=2
            )
        )
    else:
        print_report(report, args.corpus, problems, args.verbose)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # piped into head and the like
        sys.stderr.close()
        sys.exit(0)
