"""The seed article (a Sputnik Arabic report on CSTO peacekeepers sent to
Kazakhstan) must yield what issue #3 lists, through the whole pipeline."""

from __future__ import annotations

import pytest

from claimtrack import Document, extract, open_store
from claimtrack.cli import cli

ZAS = "ستانيسلاف زاس"
DUJARRIC = "ستيفان دوجاريك"
KHATIBZADEH = "سعيد خطيب زاده"


@pytest.fixture
def seed_claims(seed_text):
    extraction = extract(Document(text=seed_text, published="2022-01-06"))
    assert extraction.problems == []
    return extraction


def by_speaker(extraction, name):
    return [c for c in extraction.claims if c.speaker and c.speaker.name == name]


def test_every_span_is_its_statement(seed_claims, seed_text):
    for claim in seed_claims.claims:
        assert seed_text[claim.start : claim.end] == claim.text
        for figure in claim.figures:
            assert seed_text[figure.start : figure.end] == figure.raw
            assert claim.start <= figure.start < figure.end <= claim.end
        for date in claim.dates:
            assert seed_text[date.start : date.end] == date.raw


def test_zas_six_statements(seed_claims):
    zas = by_speaker(seed_claims, ZAS)
    assert len(zas) == 6
    assert zas[0].speaker.role == "الأمين العام لمنظمة معاهدة الأمن الجماعي"
    assert zas[0].speaker.organization == "منظمة معاهدة الأمن الجماعي"
    assert [c.kind for c in zas] == ["indirect", "direct", "indirect", "direct", "direct", "direct"]
    assert zas[0].text.startswith("قوات روسية") and zas[0].text.endswith("بدأ في تنفيذ المهام")
    # the quote given to Sputnik, spanning two sentences
    assert zas[1].recipient == "سبوتنيك"
    assert zas[1].text.startswith("بشكل روتيني") and "والفريق المتقدم" in zas[1].text
    # "وأضاف أنه تم “…”": a partial quotation, so indirect; the first
    # Belarusian batch within two to three hours
    assert zas[2].text.startswith("تم “إرسال أول دفعة")
    assert [(f.value, f.value_max, f.unit) for f in zas[2].figures] == [(2, 3, "hour")]
    # "وخلص الأمين العام للمنظمة": by Friday
    assert [(d.value, d.relation) for d in zas[3].dates] == [("2022-01-07", "by")]
    assert "مدة وجود قوات حفظ السلام" in zas[4].text
    # "وتابع أن": 2,500 people, may increase
    [figure] = zas[5].figures
    assert (figure.value, figure.unit, figure.qualifier) == (2500, "person", "may increase")


def test_references_resolve_to_the_full_name(seed_claims):
    [zas] = {id(c.speaker): c.speaker for c in by_speaker(seed_claims, ZAS)}.values()
    assert "زاس" in zas.aliases
    assert "الأمين العام للمنظمة" in zas.aliases
    assert "أمين عام منظمة معاهدة الأمن الجماعي" in zas.aliases


def test_un_spokesman(seed_claims):
    [claim] = by_speaker(seed_claims, DUJARRIC)
    assert claim.speaker.role == "المتحدث باسم الأمم المتحدة"
    assert claim.text.startswith("منظمة معاهدة الأمن الجماعي أبلغت الأمم المتحدة اليوم")
    assert [d.value for d in claim.dates] == ["2022-01-06"]


def test_iranian_spokesman_three_statements(seed_claims):
    claims = by_speaker(seed_claims, KHATIBZADEH)
    assert len(claims) == 3
    assert claims[0].speaker.role == "المتحدث باسم وزارة الخارجية الإيرانية"
    assert claims[2].text.startswith("الحكومة والشعب الكازاخستاني")
    assert "متحدث الخارجية الإيرانية" in claims[2].speaker.aliases


def test_reported_facts(seed_claims):
    reported = [c for c in seed_claims.claims if c.kind == "reported"]
    assert all(c.speaker is None for c in reported)
    texts = [c.text for c in reported]
    assert any(t.startswith("وقبل أيام اندلعت احتجاجات") for t in texts)
    clashes = next(c for c in reported if "اشتباكات عنيفة" in c.text)
    assert "إقالة الحكومة وإعلان حالة الطوارئ" in clashes.text
    assert (2, "day") in {(f.value, f.unit) for f in clashes.figures}
    assert ("2022-01-04", "2022-01-05") in {(d.value, d.value_end) for d in clashes.dates}
    days_ago = next(c for c in reported if c.text.startswith("وقبل أيام"))
    assert days_ago.dates and days_ago.dates[0].value_end is not None
    assert days_ago.dates[0].value_end < "2022-01-06"


def test_no_quote_inside_scare_quotes_is_a_claim(seed_claims):
    # “بالتهديد الإرهابي” is a scare quote inside a reported sentence
    assert not any(c.text == "بالتهديد الإرهابي" for c in seed_claims.claims)


def test_outlet_from_source_line(seed_claims):
    assert seed_claims.document.outlet == "سبوتنيك"
    assert seed_claims.document.language == "ar"


def test_import_seed_twice_same_rows(runner, seed_file, db_path):
    tables = ("documents", "speakers", "claims", "figures", "dates")

    def snapshot():
        db = open_store(db_path)
        return {t: [{k: v for k, v in r.items() if k != "imported_at"} for r in db[t].rows] for t in tables}

    assert runner.invoke(cli, ["import", str(seed_file), "--db", str(db_path)]).exit_code == 0
    once = snapshot()
    assert len(once["claims"]) >= 12
    assert runner.invoke(cli, ["import", str(seed_file), "--db", str(db_path)]).exit_code == 0
    assert snapshot() == once


@pytest.mark.parametrize(
    ("query", "expected"),
    [("ارسال اول دفعه", "إرسال أول دفعة"), ("٢٥٠٠", "2500"), ("زعزعه الاستقرار", "زعزعة")],
)
def test_search_the_seed(runner, seed_file, db_path, query, expected):
    runner.invoke(cli, ["import", str(seed_file), "--db", str(db_path)])
    result = runner.invoke(cli, ["claims", "--db", str(db_path), "--search", query, "--json"])
    assert result.exit_code == 0, result.output
    import json

    found = json.loads(result.stdout)
    assert found and all(expected in row["text"] for row in found)


def test_claims_by_surname(runner, seed_file, db_path):
    runner.invoke(cli, ["import", str(seed_file), "--db", str(db_path)])
    result = runner.invoke(cli, ["claims", "--db", str(db_path), "--speaker", "زاس"])
    assert result.stdout.count(ZAS) == 6
