"""The claim linking pairs (datasets/linking/pairs.jsonl) stay well-formed and
keep the proportions datasets/linking/README.md promises; and the scoring in
bench/eval_linking.py counts what it says it counts.

The dataset checks read the file only; they do not run the linker."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "datasets" / "linking" / "pairs.jsonl"
SCRIPT = ROOT / "bench" / "eval_linking.py"

LANGUAGES = {"ar", "en"}
LABELS = {"same", "conflict", "different"}
NOTES = {
    "same": {
        "paraphrase",
        "reorder",
        "shortened",
        "partial quote",
        "other outlet wording",
        "number words",
        "digit script",
        "spelling variant",
    },
    "conflict": {"different figure", "bound vs figure"},
    "different": {"negation", "changed fact", "same topic different claim", "same speaker different claim"},
}
HARD_NEGATIVES = {"negation", "changed fact"}
PAIR_FIELDS = {"id", "language", "a", "b", "label", "note"}
SIDE_FIELDS = {"text", "speaker", "outlet", "published"}
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
ARABIC_INDIC_DIGIT = re.compile(r"[\u0660-\u0669]")


def load() -> list[dict]:
    rows = []
    for number, line in enumerate(PAIRS.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"blank line {number}"
        rows.append(json.loads(line))
    return rows


ROWS = load()


def test_enough_pairs():
    assert len(ROWS) >= 300


@pytest.mark.parametrize("row", ROWS, ids=[row.get("id", "?") for row in ROWS])
def test_pair_fields(row):
    assert set(row) == PAIR_FIELDS
    assert re.fullmatch(rf"{row['language']}-\d{{3}}", row["id"]), row["id"]
    assert row["language"] in LANGUAGES
    assert row["label"] in LABELS
    assert row["note"] in NOTES[row["label"]], f"note {row['note']!r} is not one of the {row['label']} notes"
    for key in ("a", "b"):
        side = row[key]
        assert set(side) == SIDE_FIELDS, f"side {key}: {sorted(side)}"
        assert isinstance(side["text"], str)
        assert side["text"].strip(), f"side {key}: empty text"
        assert side["text"] == side["text"].strip(), f"side {key}: text has leading or trailing spaces"
        assert "\n" not in side["text"]
        assert side["speaker"] is None or (isinstance(side["speaker"], str) and side["speaker"].strip())
        assert isinstance(side["outlet"], str)
        assert side["outlet"].strip()
        dt.date.fromisoformat(side["published"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", side["published"])
    assert row["a"]["text"] != row["b"]["text"], "both sides have the same text"


@pytest.mark.parametrize("row", ROWS, ids=[row.get("id", "?") for row in ROWS])
def test_both_sides_in_the_pair_language(row):
    for key in ("a", "b"):
        text = row[key]["text"]
        arabic = len(ARABIC_LETTER.findall(text))
        latin = len(LATIN_LETTER.findall(text))
        if row["language"] == "ar":
            assert arabic > 3 * latin, f"side {key} does not read as Arabic: {text}"
        else:
            assert arabic == 0, f"side {key} has Arabic letters: {text}"
            assert latin, f"side {key} has no Latin letters: {text}"


def test_ids_unique_and_numbered_in_order():
    ids = [row["id"] for row in ROWS]
    assert len(ids) == len(set(ids))
    for language in LANGUAGES:
        numbers = [int(i.split("-")[1]) for i in ids if i.startswith(f"{language}-")]
        assert numbers == list(range(1, len(numbers) + 1)), (
            f"{language} ids are not 001, 002, ... in file order"
        )


def test_no_text_in_two_places():
    """Pairs are independent: a text shared by two pairs would make a cross-pair
    merge a correct one."""
    seen: dict[str, str] = {}
    for row in ROWS:
        for key in ("a", "b"):
            text = " ".join(row[key]["text"].split())
            assert text not in seen, f"{row['id']}-{key} repeats {seen[text]}"
            seen[text] = f"{row['id']}-{key}"


def test_language_shares():
    languages = Counter(row["language"] for row in ROWS)
    assert set(languages) == LANGUAGES
    assert 0.55 <= languages["ar"] / len(ROWS) <= 0.65, languages


@pytest.mark.parametrize("language", [*sorted(LANGUAGES), None])
def test_label_shares(language):
    rows = [row for row in ROWS if language is None or row["language"] == language]
    labels = Counter(row["label"] for row in rows)
    shares = {label: labels[label] / len(rows) for label in LABELS}
    assert 0.40 <= shares["same"] <= 0.50, shares
    assert 0.12 <= shares["conflict"] <= 0.18, shares
    assert 0.35 <= shares["different"] <= 0.45, shares


def test_hard_negatives():
    hard = [row for row in ROWS if row["note"] in HARD_NEGATIVES]
    assert all(row["label"] == "different" for row in hard)
    assert len(hard) >= 40
    for language in LANGUAGES:
        notes = Counter(row["note"] for row in hard if row["language"] == language)
        assert notes["negation"] >= 10, (language, notes)
        assert notes["changed fact"] >= 10, (language, notes)


def test_every_note_is_used():
    used = Counter((row["label"], row["note"]) for row in ROWS)
    for label, notes in NOTES.items():
        for note in notes:
            assert used[(label, note)] >= 3, f"only {used[(label, note)]} {label} pairs noted {note!r}"


def test_digit_script_pairs_mix_scripts():
    for row in ROWS:
        if row["note"] != "digit script":
            continue
        assert row["language"] == "ar"
        scripts = [bool(ARABIC_INDIC_DIGIT.search(row[key]["text"])) for key in ("a", "b")]
        assert scripts.count(True) == 1, f"{row['id']}: one side should use Arabic-Indic digits"


def test_readme_counts_match():
    readme = (PAIRS.parent / "README.md").read_text(encoding="utf-8")
    for language in sorted(LANGUAGES):
        rows = [row for row in ROWS if row["language"] == language]
        labels = Counter(row["label"] for row in rows)
        notes = Counter(row["note"] for row in rows)
        expected = (
            f"| {language} | {labels['same']} | {labels['conflict']} | {labels['different']} | {len(rows)} "
            f"| {notes['negation']} | {notes['changed fact']} |"
        )
        assert expected in readme, f"README counts table is stale; expected the row {expected!r}"


# --------------------------------------------------------------------------- the scoring script


def load_script():
    """bench/eval_linking.py as a module (registered, as its dataclasses need)."""
    if "eval_linking" in sys.modules:
        return sys.modules["eval_linking"]
    spec = importlib.util.spec_from_file_location("eval_linking", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_linking"] = module
    spec.loader.exec_module(module)
    return module


def make_pair(module, pid: str, label: str, note: str = "paraphrase", language: str = "en"):
    side = module.Side(f"text {pid}", None, "Outlet", "2024-01-01")
    return module.Pair(
        pid, language, side, module.Side(f"other {pid}", None, "Outlet", "2024-01-01"), label, note
    )


def test_evaluate_counts():
    module = load_script()
    pairs = [
        make_pair(module, "en-001", "same"),  # merged: right
        make_pair(module, "en-002", "same"),  # not merged: a miss
        make_pair(module, "en-003", "conflict", "different figure"),  # merged and flagged
        make_pair(module, "en-004", "different", "negation"),  # merged: wrong, flagged negation elsewhere
        make_pair(module, "en-005", "different", "changed fact"),  # kept apart
        make_pair(module, "ar-001", "same", language="ar"),  # merged with a claim of ar-002
        make_pair(module, "ar-002", "different", "negation", language="ar"),  # kept apart, flagged
    ]
    links = [
        {"a": "en-001-a", "b": "en-001-b", "score": 0.9, "conflict": None},
        {"a": "en-003-a", "b": "en-003-b", "score": 0.8, "conflict": "figure"},
        {"a": "en-004-a", "b": "en-004-b", "score": 0.95, "conflict": None},
        {"a": "ar-001-a", "b": "ar-001-b", "score": 0.9, "conflict": None},
        {"a": "ar-001-b", "b": "ar-002-a", "score": 0.7, "conflict": None},
        {"a": "ar-002-a", "b": "ar-002-b", "score": 0.9, "conflict": "negation"},
    ]
    clusters = [
        ["en-001-a", "en-001-b"],
        ["en-002-a"],
        ["en-003-a", "en-003-b"],
        ["en-004-a", "en-004-b"],
        ["ar-001-a", "ar-001-b", "ar-002-a"],
        ["ar-002-b"],
    ]
    report = module.evaluate(pairs, links, clusters)
    en, ar, overall = report["groups"]["en"], report["groups"]["ar"], report["groups"]["overall"]
    assert en["recall"] == {"rate": 2 / 3, "hits": 2, "total": 3}
    assert en["recall_same"]["hits"] == 1
    assert en["conflict_flagged"] == {"rate": 1.0, "hits": 1, "total": 1}
    assert en["different_merged"] == {"rate": 0.5, "hits": 1, "total": 2}
    assert en["different_merged_by_note"]["negation"]["hits"] == 1
    assert en["different_merged_by_note"]["changed fact"]["hits"] == 0
    assert not en["different_merged_ok"]
    assert en["precision"] == {"rate": 2 / 3, "hits": 2, "total": 3}
    assert ar["recall"]["hits"] == 1
    assert ar["different_merged"]["hits"] == 0
    assert ar["negation_flagged"] == {"rate": 1.0, "hits": 1, "total": 1}
    assert ar["cross_pair_claim_pairs"] == 2  # ar-002-a with ar-001-a and with ar-001-b
    assert ar["precision_with_cross_pair"] == {"rate": 1 / 3, "hits": 1, "total": 3}
    assert overall["recall"]["total"] == 4
    assert report["cross_pair"] == {
        "clusters": 1,
        "pairs_involved": 2,
        "claim_pairs": 2,
        "cross_language_claim_pairs": 0,
    }
    problems = {error["id"]: error["problem"] for error in report["details"]["errors"]}
    assert problems == {"en-002": "not merged", "en-004": "merged"}


def test_main_exits_zero_without_the_linking_api(monkeypatch, capsys):
    module = load_script()

    def missing():
        raise ImportError("cannot import name 'link_claims'")

    monkeypatch.setattr(module, "load_api", missing)
    assert module.main([]) == 0
    assert "no claim linking API" in capsys.readouterr().out
    assert module.main(["--json"]) == 0
    assert "error" in json.loads(capsys.readouterr().out)


def test_main_scores_a_stub_linker(monkeypatch, capsys):
    """End to end on the real pairs file with a linker that links nothing."""
    module = load_script()

    class Claim:
        def __init__(self, **fields):
            self.__dict__.update(fields)

    seen = {}

    def link_nothing(claims, threshold=None, linker=None):
        seen["claims"], seen["threshold"] = claims, threshold
        return {"links": [], "clusters": [[claim.id] for claim in claims]}

    monkeypatch.setattr(module, "load_api", lambda: (Claim, link_nothing))
    assert module.main(["--json", "--threshold", "0.5"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert seen["threshold"] == 0.5
    assert len(seen["claims"]) == 2 * len(ROWS)
    assert seen["claims"][0].id == f"{ROWS[0]['id']}-a"
    assert seen["claims"][0].figures is None
    assert report["groups"]["overall"]["recall"]["hits"] == 0
    assert report["groups"]["overall"]["different_merged"]["hits"] == 0
    assert report["groups"]["overall"]["different_merged_ok"]
    assert module.main(["--verbose"]) == 0
    assert "not merged" in capsys.readouterr().out


# --------------------------------------------------------------------------- the held-out sets


HELD_OUT = {
    "linking-heldout": "h",
    "linking-heldout2": "h2",
    "linking-heldout5": "h5",
    "linking-heldout6": "h6",
    "linking-heldout7": "h7",
}
#: Sets checked for form the same way: the tuning sets written with them.
FORM_CHECKED = {
    **HELD_OUT,
    "linking-dev4": "d4",
    "linking-dev5": "d5",
    "linking-dev6": "d6",
    "linking-dev7": "d7",
    "linking-dev8": "d8",
    "linking-dev9": "d9",
}


@pytest.mark.parametrize("name", sorted(FORM_CHECKED))
def test_held_out_sets_well_formed(name):
    """Checked for form only: the pairs are never looked at here, so the
    sets stay held out."""
    path = ROOT / "datasets" / name / "pairs.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    texts = [" ".join(row[key]["text"].split()) for row in rows for key in ("a", "b")]
    assert len(texts) == len(set(texts)), "a text appears twice"
    for language in LANGUAGES:
        ids = [row["id"] for row in rows if row["language"] == language]
        assert ids == [f"{FORM_CHECKED[name]}-{language}-{n:03d}" for n in range(1, len(ids) + 1)]
    readme = (path.parent / "README.md").read_text(encoding="utf-8")
    for row in rows:
        assert set(row) == PAIR_FIELDS and row["note"] in NOTES[row["label"]], row["id"]
        for key in ("a", "b"):
            assert set(row[key]) == SIDE_FIELDS
            dt.date.fromisoformat(row[key]["published"])
    for language in sorted(LANGUAGES):
        labels = Counter(row["label"] for row in rows if row["language"] == language)
        total = sum(labels.values())
        assert (
            f"| {language} | {labels['same']} | {labels['conflict']} | {labels['different']} | {total} |"
            in (readme)
        )
