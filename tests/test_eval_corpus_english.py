"""The English evaluation corpora (datasets/english, the tuning corpus, and
datasets/english-heldout, never used for tuning) stay well-formed: articles
parse, every expected statement is found where the evaluation looks for it,
and the annotation fields follow the span conventions in their READMEs.

These checks read files only; they do not run the extractor."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

DATASETS = Path(__file__).resolve().parents[1] / "datasets"
CORPORA = {"english": 14, "english-heldout": 10}  # folder -> minimum number of articles

FRONT_MATTER_FIELDS = ("url", "outlet", "title", "published", "language")
KINDS = {"direct", "indirect", "reported"}
CLAIM_FIELDS = {"statement", "kind", "speaker", "role", "figures", "dates"}
FIGURE_FIELDS = {"value", "value_max", "unit"}
NAME = re.compile(r"^\d{2}-[a-z0-9-]+\.txt$")
UNIT = re.compile(r"^(?:[a-z][a-z0-9/]*|[A-Z]{3})$")  # English singular noun or ISO 4217 code
OPENING_MARKS = '"“'
CLOSING_MARKS = '"”'
DOUBLE_MARKS = '"“”'


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Same split as claimtrack's text importer and bench/eval_extractor.py."""
    assert text.startswith("---\n"), "no front matter block"
    end = text.find("\n---\n", 3)
    assert end > 0, "front matter block is not closed"
    meta = {}
    for line in text[4:end].splitlines():
        key, sep, value = line.partition(":")
        assert sep, f"front matter line without a colon: {line!r}"
        meta[key.strip().lower()] = value.strip()
    return meta, text[end + 5 :]


def iso_date(value: str) -> dt.date:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), f"not an ISO date: {value!r}"
    return dt.date.fromisoformat(value)


def article_paths(corpus: str) -> list[Path]:
    return sorted((DATASETS / corpus / "articles").glob("*.txt"))


def expected_lines(corpus: str) -> list[dict]:
    lines = (DATASETS / corpus / "expected.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def body_of(corpus: str, name: str) -> tuple[dict[str, str], str]:
    return split_front_matter((DATASETS / corpus / "articles" / name).read_text(encoding="utf-8"))


ALL_ARTICLES = [(corpus, path) for corpus in CORPORA for path in article_paths(corpus)]
ALL_LINES = [(corpus, line) for corpus in CORPORA for line in expected_lines(corpus)]


@pytest.mark.parametrize("corpus", CORPORA)
def test_corpus_size_and_readme(corpus: str):
    assert len(article_paths(corpus)) >= CORPORA[corpus]
    readme = (DATASETS / corpus / "README.md").read_text(encoding="utf-8")
    assert "synthetic" in readme.lower()
    if corpus.endswith("heldout"):
        assert "never" in readme and "tuning" in readme, "the held-out README says it is not for tuning"


@pytest.mark.parametrize(("corpus", "path"), ALL_ARTICLES, ids=[f"{c}/{p.name}" for c, p in ALL_ARTICLES])
def test_article_parses(corpus: str, path: Path):
    assert NAME.match(path.name), "articles are named NN-slug.txt"
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    for key in FRONT_MATTER_FIELDS:
        assert meta.get(key), f"front matter lacks {key}"
    iso_date(meta["published"])
    assert meta["language"] == "en"
    assert re.match(r"^https://[a-z0-9.-]+\.test/", meta["url"]), "URLs use .test domains"
    assert body.strip(), "empty body"
    assert "\r" not in body and "\t" not in body
    words = len(body.split())
    assert 150 <= words <= 450, f"{words} words; articles have 150-450"


def test_urls_and_bodies_are_unique_across_corpora():
    """No article is shared between the tuning and the held-out corpus."""
    urls, bodies = [], []
    for corpus, path in ALL_ARTICLES:
        meta, body = body_of(corpus, path.name)
        urls.append(meta["url"])
        bodies.append(body)
    assert len(urls) == len(set(urls))
    assert len(bodies) == len(set(bodies))


@pytest.mark.parametrize("corpus", CORPORA)
def test_expected_and_articles_correspond(corpus: str):
    names = [line["article"] for line in expected_lines(corpus)]
    assert len(names) == len(set(names)), "an article has two lines in expected.jsonl"
    on_disk = [p.name for p in article_paths(corpus)]
    assert set(names) - set(on_disk) == set(), "expected.jsonl names articles that do not exist"
    assert set(on_disk) - set(names) == set(), "articles without a line in expected.jsonl"
    assert names == on_disk, "expected.jsonl lists the articles in file order"


def check_direct_span(body: str, start: int, end: int, statement: str) -> None:
    """A direct statement is the text inside the marks: an opening mark right
    before it; after it a closing mark, or the comma or full stop that English
    puts inside the closing mark, or a full stop ending a paragraph whose quote
    continues in the next paragraph."""
    assert start > 0 and body[start - 1] in OPENING_MARKS, f"no opening mark before {statement[:40]!r}"
    after = body[end : end + 2]
    ok = (
        after[:1] in CLOSING_MARKS
        or (after[:1] in ",." and after[1:2] in CLOSING_MARKS)
        or after in {".\n", "."}
    )
    assert after and ok, f"direct statement {statement[:40]!r} is followed by {after!r}"
    assert not any(mark in statement for mark in DOUBLE_MARKS), f"marks inside {statement[:40]!r}"


@pytest.mark.parametrize(
    ("corpus", "line"), ALL_LINES, ids=[f"{c}/{line['article']}" for c, line in ALL_LINES]
)
def test_expected_claims(corpus: str, line: dict):
    meta, body = body_of(corpus, line["article"])
    published = iso_date(meta["published"])
    claims = line["claims"]
    assert claims, "every article has claims"
    previous = -1
    for claim in claims:
        statement = claim["statement"]
        assert set(claim) == CLAIM_FIELDS, f"fields {sorted(claim)}"
        assert statement and statement == statement.strip(), f"statement with edge spaces: {statement!r}"
        assert "\n" not in statement, f"a statement stays within its paragraph: {statement[:40]!r}"
        assert body.count(statement) == 1, f"statement not found exactly once in the body: {statement!r}"
        start = body.find(statement)
        end = start + len(statement)
        assert start > previous, f"claims are not in text order at {statement[:40]!r}"
        previous = start
        assert claim["kind"] in KINDS
        assert statement[-1] not in ",;:", f"statement keeps a trailing separator: {statement[-30:]!r}"
        if claim["kind"] == "direct":
            check_direct_span(body, start, end, statement)
        else:
            assert not statement.endswith("."), f"final full stop kept: {statement[-30:]!r}"
            assert statement.count('"') % 2 == 0, f"unbalanced marks in {statement[:40]!r}"
            assert statement.count("“") == statement.count("”"), f"unbalanced marks in {statement[:40]!r}"
        if claim["kind"] == "reported":
            assert claim["speaker"] is None and claim["role"] is None, "reported facts have no speaker"
            assert claim["figures"] or claim["dates"], "a reported fact carries a figure or a date"
        else:
            assert claim["speaker"], f"{claim['kind']} claim without a speaker: {statement[:40]!r}"
        for key in ("speaker", "role"):
            value = claim[key]
            assert value is None or (isinstance(value, str) and value in body), f"{key} {value!r} not in body"
        for figure in claim["figures"]:
            assert set(figure) == FIGURE_FIELDS
            value, value_max = figure["value"], figure["value_max"]
            assert value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))
            assert value_max is None or (value is not None and value_max > value)
            assert isinstance(figure["unit"], str) and UNIT.match(figure["unit"]), f"unit {figure['unit']!r}"
        for date in claim["dates"]:
            parts = date.split("/")
            assert len(parts) in (1, 2), f"bad date {date!r}"
            days = [iso_date(part) for part in parts]
            assert days == sorted(days) and len(set(days)) == len(days), f"bad period {date!r}"
            assert abs(days[0].year - published.year) < 30, f"{date} far from {published}"


def test_csto_article_annotations():
    """The CSTO deployment story, told in English: Zas, Dujarric, Khatibzadeh."""
    (line,) = [line for line in expected_lines("english") if line["article"] == "00-tass-csto-kazakhstan.txt"]
    claims = line["claims"]
    by_speaker: dict[str | None, list[dict]] = {}
    for claim in claims:
        by_speaker.setdefault(claim["speaker"], []).append(claim)
    assert len(by_speaker["Stanislav Zas"]) == 7
    assert {c["role"] for c in by_speaker["Stanislav Zas"]} == {"CSTO Secretary General"}
    assert len(by_speaker["Stephane Dujarric"]) == 2
    assert len(by_speaker["Saeed Khatibzadeh"]) == 3
    assert len(by_speaker[None]) == 1
    kinds = {c["kind"] for c in by_speaker["Stanislav Zas"]}
    assert kinds == {"direct", "indirect"}
    figures = [f for c in claims for f in c["figures"]]
    assert {"value": 2500, "value_max": None, "unit": "person"} in figures
    assert {"value": 2, "value_max": 3, "unit": "hour"} in figures
    dates = {d for c in claims for d in c["dates"]}
    assert {"2022-01-07", "2022-01-06", "2022-01-02"} <= dates


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_kind_is_represented(corpus: str):
    kinds = [c["kind"] for line in expected_lines(corpus) for c in line["claims"]]
    for kind in KINDS:
        assert kinds.count(kind) >= 10, f"fewer than 10 {kind} claims in {corpus}"
