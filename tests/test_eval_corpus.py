"""The Arabic evaluation corpus (datasets/arabic) stays well-formed: articles
parse, every expected statement is found where the evaluation looks for it,
and the annotation fields follow datasets/arabic/README.md.

These checks read files only; they do not run the extractor."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "datasets" / "arabic"
ARTICLES = CORPUS / "articles"
EXPECTED = CORPUS / "expected.jsonl"
SAMPLES = Path(__file__).resolve().parents[1] / "datasets" / "samples" / "articles.jsonl"

FRONT_MATTER_FIELDS = ("url", "outlet", "title", "published", "language")
KINDS = {"direct", "indirect", "reported"}
CLAIM_FIELDS = {"statement", "kind", "speaker", "role", "figures", "dates"}
FIGURE_FIELDS = {"value", "value_max", "unit"}
NAME = re.compile(r"^\d{2}-[a-z0-9-]+\.txt$")


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


def article_paths() -> list[Path]:
    return sorted(ARTICLES.glob("*.txt"))


def expected_lines() -> list[dict]:
    lines = EXPECTED.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def body_of(name: str) -> tuple[dict[str, str], str]:
    return split_front_matter((ARTICLES / name).read_text(encoding="utf-8"))


def test_corpus_size():
    assert len(article_paths()) >= 15, "the seed and at least 14 written articles"


@pytest.mark.parametrize("path", article_paths(), ids=lambda p: p.name)
def test_article_parses(path: Path):
    assert NAME.match(path.name), "articles are named NN-slug.txt"
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    for key in FRONT_MATTER_FIELDS:
        assert meta.get(key), f"front matter lacks {key}"
    iso_date(meta["published"])
    assert meta["language"] == "ar"
    assert re.match(r"^https://[a-z0-9.-]+\.test/", meta["url"]), "URLs use .test domains"
    assert body.strip(), "empty body"
    words = len(body.split())
    assert 150 <= words <= 450, f"{words} words; articles have 150-450"


def test_urls_are_unique():
    urls = [body_of(p.name)[0]["url"] for p in article_paths()]
    assert len(urls) == len(set(urls))


def test_expected_and_articles_correspond():
    names = [line["article"] for line in expected_lines()]
    assert len(names) == len(set(names)), "an article has two lines in expected.jsonl"
    on_disk = {p.name for p in article_paths()}
    assert set(names) - on_disk == set(), "expected.jsonl names articles that do not exist"
    assert on_disk - set(names) == set(), "articles without a line in expected.jsonl"


@pytest.mark.parametrize("line", expected_lines(), ids=lambda line: line["article"])
def test_expected_claims(line: dict):
    meta, body = body_of(line["article"])
    published = iso_date(meta["published"])
    claims = line["claims"]
    assert claims, "every article has claims"
    previous = -1
    for claim in claims:
        statement = claim["statement"]
        assert set(claim) == CLAIM_FIELDS, f"fields {sorted(claim)}"
        assert statement and statement == statement.strip(), f"statement with edge spaces: {statement!r}"
        assert body.count(statement) == 1, f"statement not found exactly once in the body: {statement!r}"
        start = body.find(statement)
        assert start > previous, f"claims are not in text order at {statement[:40]!r}"
        previous = start
        assert claim["kind"] in KINDS
        if claim["kind"] == "reported":
            assert claim["speaker"] is None and claim["role"] is None, "reported facts have no speaker"
        else:
            assert claim["speaker"], f"{claim['kind']} claim without a speaker: {statement[:40]!r}"
        for key in ("speaker", "role"):
            value = claim[key]
            assert value is None or (isinstance(value, str) and value in body), f"{key} {value!r} not in body"
        for figure in claim["figures"]:
            assert set(figure) == FIGURE_FIELDS
            assert figure["value"] is None or isinstance(figure["value"], (int, float))
            assert figure["value_max"] is None or figure["value_max"] > figure["value"]
            assert isinstance(figure["unit"], str) and figure["unit"]
        for date in claim["dates"]:
            parts = date.split("/")
            assert len(parts) in (1, 2), f"bad date {date!r}"
            days = [iso_date(part) for part in parts]
            assert days == sorted(days) and len(set(days)) == len(days), f"bad period {date!r}"
            assert abs(days[0].year - published.year) < 30, f"{date} far from {published}"


def test_seed_article_annotations():
    """The seed's expected claims are fixed by the project brief."""
    (line,) = [line for line in expected_lines() if line["article"] == "00-sputnik-csto-kazakhstan.txt"]
    claims = line["claims"]
    by_speaker: dict[str | None, list[dict]] = {}
    for claim in claims:
        by_speaker.setdefault(claim["speaker"], []).append(claim)
    assert len(by_speaker["ستانيسلاف زاس"]) == 6
    assert len(by_speaker["ستيفان دوجاريك"]) == 1
    assert len(by_speaker["سعيد خطيب زاده"]) == 3
    assert len(by_speaker[None]) == 2
    figures = [f for c in claims for f in c["figures"]]
    assert {"value": 2500, "value_max": None, "unit": "person"} in figures
    assert {"value": 2, "value_max": 3, "unit": "hour"} in figures
    dates = {d for c in claims for d in c["dates"]}
    assert {"2022-01-07", "2022-01-06", "2022-01-04/2022-01-05"} <= dates


def test_linked_story_differs_in_one_figure():
    """Articles 10-12 tell one story; one outlet gives another death toll."""
    tolls = {}
    for line in expected_lines():
        if line["article"][:2] in {"10", "11", "12"}:
            people = [f["value"] for c in line["claims"] for f in c["figures"] if f["unit"] == "person"]
            tolls[line["article"][:2]] = people[0]
    assert tolls["10"] == tolls["11"] == 9
    assert tolls["12"] == 11


def test_samples_file():
    records = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert 8 <= len(records) <= 12
    for record in records:
        assert set(record) >= {"text", "url", "outlet", "published", "title", "language"}
        assert record["text"].strip() and record["language"] in {"ar", "en"}
        iso_date(record["published"])
    assert sum(r["language"] == "en" for r in records) in (2, 3)
    assert len({r["url"] for r in records}) == len(records)
