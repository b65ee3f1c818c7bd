"""The evaluation corpora under datasets/ stay well-formed: articles parse the
way ``claimtrack import`` reads them, every expected statement is found where
bench/eval_extractor.py looks for it, and the annotation fields follow the
span conventions in each corpus README.

These checks read files only; they do not run the extractor."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from claimtrack.importers import split_front_matter

DATASETS = Path(__file__).resolve().parents[1] / "datasets"
SAMPLES = DATASETS / "samples" / "articles.jsonl"
# folder -> (language, minimum number of articles)
CORPORA = {
    "arabic": ("ar", 15),
    "arabic-heldout": ("ar", 15),
    "arabic-heldout2": ("ar", 15),
    "arabic-dev3": ("ar", 15),
    "english": ("en", 14),
    "english-dev2": ("en", 14),
    "english-heldout": ("en", 10),
}

FRONT_MATTER_FIELDS = ("url", "outlet", "title", "published", "language")
KINDS = {"direct", "indirect", "reported"}
CLAIM_FIELDS = {"statement", "kind", "speaker", "role", "figures", "dates"}
FIGURE_FIELDS = {"value", "value_max", "unit"}
NAME = re.compile(r"^\d{2}-[a-z0-9-]+\.txt$")
UNIT = re.compile(r"^(?:[a-z][a-z0-9/]*|[A-Z]{3})$")  # English singular noun or ISO 4217 code
OPENING_MARKS = '"“'
CLOSING_MARKS = '"”'
DOUBLE_MARKS = '"“”'


def read_article(path: Path) -> tuple[dict[str, str], str]:
    """Front matter and body as the text importer splits them, with the
    block required: an article without one would import with no date."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), "no front matter block"
    meta, body = split_front_matter(text)
    assert body != text, "front matter block is not closed"
    return meta, body


def iso_date(value: str) -> dt.date:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), f"not an ISO date: {value!r}"
    return dt.date.fromisoformat(value)


def article_paths(corpus: str) -> list[Path]:
    return sorted((DATASETS / corpus / "articles").glob("*.txt"))


def expected_lines(corpus: str) -> list[dict]:
    lines = (DATASETS / corpus / "expected.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def body_of(corpus: str, name: str) -> tuple[dict[str, str], str]:
    return read_article(DATASETS / corpus / "articles" / name)


ALL_ARTICLES = [(corpus, path) for corpus in CORPORA for path in article_paths(corpus)]
ALL_LINES = [(corpus, line) for corpus in CORPORA for line in expected_lines(corpus)]


@pytest.mark.parametrize("corpus", CORPORA)
def test_corpus_size_and_readme(corpus: str):
    assert len(article_paths(corpus)) >= CORPORA[corpus][1]
    readme = (DATASETS / corpus / "README.md").read_text(encoding="utf-8")
    assert "synthetic" in readme.lower()
    if "heldout" in corpus:
        assert "never" in readme.lower() and "tun" in readme, "the held-out README says it is not for tuning"


@pytest.mark.parametrize(("corpus", "path"), ALL_ARTICLES, ids=[f"{c}/{p.name}" for c, p in ALL_ARTICLES])
def test_article_parses(corpus: str, path: Path):
    assert NAME.match(path.name), "articles are named NN-slug.txt"
    meta, body = read_article(path)
    for key in FRONT_MATTER_FIELDS:
        assert meta.get(key), f"front matter lacks {key}"
    iso_date(meta["published"])
    assert meta["language"] == CORPORA[corpus][0]
    assert re.match(r"^https://[a-z0-9.-]+\.test/", meta["url"]), "URLs use .test domains"
    assert body.strip(), "empty body"
    assert "\r" not in body and "\t" not in body
    words = len(body.split())
    assert 150 <= words <= 450, f"{words} words; articles have 150-450"


def test_urls_and_bodies_are_unique_across_corpora():
    """No article is shared between a tuning and a held-out corpus."""
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


def check_english_span(body: str, start: int, end: int, kind: str) -> None:
    """English spans: a direct statement is the text inside the marks (an
    opening mark right before it; after it a closing mark, the comma or full
    stop English puts inside the closing mark, or a full stop ending a
    paragraph whose quote goes on in the next); other statements drop the
    final full stop and keep their marks balanced."""
    statement = body[start:end]
    if kind == "direct":
        assert start > 0 and body[start - 1] in OPENING_MARKS, f"no opening mark before {statement[:40]!r}"
        after = body[end : end + 2]
        ok = (
            after[:1] in CLOSING_MARKS
            or (after[:1] in ",." and after[1:2] in CLOSING_MARKS)
            or after in {".\n", "."}
        )
        assert after and ok, f"direct statement {statement[:40]!r} is followed by {after!r}"
        assert not any(mark in statement for mark in DOUBLE_MARKS), f"marks inside {statement[:40]!r}"
    else:
        assert not statement.endswith("."), f"final full stop kept: {statement[-30:]!r}"
        assert statement.count('"') % 2 == 0, f"unbalanced marks in {statement[:40]!r}"
        assert statement.count("“") == statement.count("”"), f"unbalanced marks in {statement[:40]!r}"


def check_figure(figure: dict, language: str) -> None:
    assert set(figure) == FIGURE_FIELDS
    value, value_max = figure["value"], figure["value_max"]
    assert value is None or (isinstance(value, (int, float)) and not isinstance(value, bool))
    assert value_max is None or (value is not None and value_max > value)
    assert isinstance(figure["unit"], str) and figure["unit"], f"unit {figure['unit']!r}"
    if language == "en":
        assert UNIT.match(figure["unit"]), f"unit {figure['unit']!r}"


def check_date(date: str, published: dt.date) -> None:
    parts = date.split("/")
    assert len(parts) in (1, 2), f"bad date {date!r}"
    days = [iso_date(part) for part in parts]
    assert days == sorted(days) and len(set(days)) == len(days), f"bad period {date!r}"
    assert abs(days[0].year - published.year) < 30, f"{date} far from {published}"


@pytest.mark.parametrize(
    ("corpus", "line"), ALL_LINES, ids=[f"{c}/{line['article']}" for c, line in ALL_LINES]
)
def test_expected_claims(corpus: str, line: dict):
    language = CORPORA[corpus][0]
    meta, body = body_of(corpus, line["article"])
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
        if language == "en":  # an Arabic quotation may run over two paragraphs (arabic-heldout/06)
            assert "\n" not in statement, f"a statement stays within its paragraph: {statement[:40]!r}"
            assert statement[-1] not in ",;:", f"statement keeps a trailing separator: {statement[-30:]!r}"
            check_english_span(body, start, start + len(statement), claim["kind"])
        if claim["kind"] == "reported":
            assert claim["speaker"] is None and claim["role"] is None, "reported facts have no speaker"
            assert claim["figures"] or claim["dates"], "a reported fact carries a figure or a date"
        else:
            assert claim["speaker"], f"{claim['kind']} claim without a speaker: {statement[:40]!r}"
        for key in ("speaker", "role"):
            value = claim[key]
            assert value is None or (isinstance(value, str) and value in body), f"{key} {value!r} not in body"
        for figure in claim["figures"]:
            check_figure(figure, language)
        for date in claim["dates"]:
            check_date(date, published)


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_kind_is_represented(corpus: str):
    kinds = [c["kind"] for line in expected_lines(corpus) for c in line["claims"]]
    for kind in KINDS:
        assert kinds.count(kind) >= 10, f"fewer than 10 {kind} claims in {corpus}"


def claims_by_speaker(corpus: str, article: str) -> tuple[list[dict], dict[str | None, list[dict]]]:
    (line,) = [line for line in expected_lines(corpus) if line["article"] == article]
    by_speaker: dict[str | None, list[dict]] = {}
    for claim in line["claims"]:
        by_speaker.setdefault(claim["speaker"], []).append(claim)
    return line["claims"], by_speaker


def test_seed_article_annotations():
    """The seed's expected claims are fixed by the project brief."""
    claims, by_speaker = claims_by_speaker("arabic", "00-sputnik-csto-kazakhstan.txt")
    assert len(by_speaker["ستانيسلاف زاس"]) == 6
    assert len(by_speaker["ستيفان دوجاريك"]) == 1
    assert len(by_speaker["سعيد خطيب زاده"]) == 3
    assert len(by_speaker[None]) == 2
    figures = [f for c in claims for f in c["figures"]]
    assert {"value": 2500, "value_max": None, "unit": "person"} in figures
    assert {"value": 2, "value_max": 3, "unit": "hour"} in figures
    dates = {d for c in claims for d in c["dates"]}
    assert {"2022-01-07", "2022-01-06", "2022-01-04/2022-01-05"} <= dates


def test_csto_article_annotations():
    """The CSTO deployment story, told in English: Zas, Dujarric, Khatibzadeh."""
    claims, by_speaker = claims_by_speaker("english", "00-tass-csto-kazakhstan.txt")
    assert len(by_speaker["Stanislav Zas"]) == 7
    assert {c["role"] for c in by_speaker["Stanislav Zas"]} == {"CSTO Secretary General"}
    assert len(by_speaker["Stephane Dujarric"]) == 2
    assert len(by_speaker["Saeed Khatibzadeh"]) == 3
    assert len(by_speaker[None]) == 1
    assert {c["kind"] for c in by_speaker["Stanislav Zas"]} == {"direct", "indirect"}
    figures = [f for c in claims for f in c["figures"]]
    assert {"value": 2500, "value_max": None, "unit": "person"} in figures
    assert {"value": 2, "value_max": 3, "unit": "hour"} in figures
    dates = {d for c in claims for d in c["dates"]}
    assert {"2022-01-07", "2022-01-06", "2022-01-02"} <= dates


def test_linked_story_differs_in_one_figure():
    """Arabic articles 10-12 tell one story; one outlet gives another death toll."""
    tolls = {}
    for line in expected_lines("arabic"):
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
