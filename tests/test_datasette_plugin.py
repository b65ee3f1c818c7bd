"""The Datasette plugin, driven in-process with Datasette's own test client:
Arabic-aware search, SQL functions, canned queries, metadata, escaping."""

from __future__ import annotations

import asyncio
import json

import pytest
from datasette.app import Datasette

from claimtrack.cli import cli

HOSTILE = "وقال الوزير إن <script>alert(1)</script> الوضع <img src=x onerror=alert(2)> مستقر."


@pytest.fixture
def store(runner, tmp_path, seed_file, db_path):
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    for path in (seed_file, tmp_path / "hostile.txt"):
        assert (
            runner.invoke(
                cli, ["import", str(path), "--db", str(db_path), "--published", "2022-01-06"]
            ).exit_code
            == 0
        )
    assert runner.invoke(cli, ["link", "--db", str(db_path)]).exit_code == 0
    return db_path


def get(store, path):
    async def fetch():
        datasette = Datasette([str(store)])
        return await datasette.client.get(path)

    return asyncio.run(fetch())


def rows(store, path):
    response = get(store, path)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("query", ["ارسال اول دفعه", "إِرْسَالُ أَوَّلِ دُفْعَةٍ", "والإرسال دفعة", "٢٥٠٠"])
def test_search_is_arabic_aware(store, query):
    found = rows(store, f"/claims/claims.json?_search={query}&_shape=array")
    assert found, query
    assert all(("دفعة" in row["text"]) or ("2500" in row["text"]) for row in found)


def test_search_box_page_shows_results(store):
    response = get(store, "/claims/claims?_search=ارسال+اول+دفعه")
    assert response.status_code == 200
    assert "إرسال أول دفعة" in response.text


def test_sql_functions(store):
    sql = (
        "select claimtrack_normalize('إرسالُ أول دفعة ٢٥٠٠') as n, claimtrack_search('والإرسال') as s, "
        "claimtrack_similarity('الوضع مستقر', 'الوضعُ مستقرٌ تماما') as sim"
    )
    [row] = rows(store, f"/claims.json?sql={sql}&_shape=array")
    assert row == {"n": "ارسال اول دفعه 2500", "s": "ارسال", "sim": 100.0}


def test_canned_queries(store):
    for name in ("repeated_claims", "figure_conflicts"):
        assert get(store, f"/claims/{name}.json?_shape=array").status_code == 200
    speaker = rows(store, "/claims/speaker_claims.json?speaker=زاس&_shape=array")
    assert len(speaker) == 6 and speaker[0]["said_on"] == "2022-01-06"
    figures = rows(store, "/claims/figures_by_unit.json?unit=person&min=1000&max=5000&_shape=array")
    assert [f["value"] for f in figures] == [2500.0]


def test_metadata_labels_and_facets(store):
    table = get(store, "/claims/claims.json?_facet=kind&_labels=on&_shape=objects&_size=100").json()
    speakers = {row["speaker_id"]["label"] for row in table["rows"] if row["speaker_id"]}
    assert "ستانيسلاف زاس" in speakers
    assert {f["value"] for f in table["facet_results"]["kind"]["results"]} >= {
        "direct",
        "indirect",
        "reported",
    }
    metadata = get(store, "/-/metadata.json").json()
    assert metadata["databases"]["claims"]["tables"]["speakers"]["label_column"] == "name"


def test_arabic_cells_right_to_left_and_text_escaped(store):
    page = get(store, "/claims/documents").text
    assert 'dir="rtl"' in page and "/-/claimtrack.css" in page
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x onerror" not in page
    css = get(store, "/-/claimtrack.css")
    assert css.status_code == 200 and "direction: rtl" in css.text


def test_store_is_read_only_to_visitors(store):
    response = get(store, "/claims.json?sql=delete from claims")
    assert response.status_code == 400


def test_cluster_page_side_by_side_with_conflicting_figure(tmp_path, runner, db_path):
    articles = [
        (
            "https://a.test/1",
            "A",
            "وقال زاس إن قوات حفظ السلام التابعة للمنظمة ستصل إلى 2500 شخص في كازاخستان.",
        ),
        (
            "https://b.test/2",
            "B",
            "وأكد زاس أن قوات حفظ السلام التابعة للمنظمة ستصل الى ٢٥٠٠ شخص في كازاخستان.",
        ),
        (
            "javascript:alert(3)",
            "C",
            "وقال زاس إن قوات حفظ السلام التابعة للمنظمة ستصل إلى 3000 شخص في كازاخستان.",
        ),
    ]
    path = tmp_path / "a.jsonl"
    path.write_text(
        "".join(
            json.dumps({"text": t, "url": u, "outlet": o, "published": "2022-01-06"}, ensure_ascii=False)
            + "\n"
            for u, o, t in articles
        ),
        encoding="utf-8",
    )
    runner.invoke(cli, ["import", str(path), "--db", str(db_path)])
    runner.invoke(cli, ["link", "--db", str(db_path)])
    [cluster] = rows(db_path, "/claims/clusters.json?_shape=array")
    assert cluster["figure_conflict"] == 1 and cluster["outlets"] == 3
    page = get(db_path, f"/claims/-/cluster/{cluster['id']}").text
    for _url, outlet, _text in articles:
        assert f">{outlet}<" in page
    assert page.count('class="claimtrack-conflict"') >= 2  # the banner and the 3000 figure
    assert "3000 شخص</span>" in page and 'href="https://a.test/1"' in page
    assert "javascript:alert" not in page
    # the clusters table links to the page
    assert f"/claims/-/cluster/{cluster['id']}" in get(db_path, "/claims/clusters").text
    assert get(db_path, "/claims/-/cluster/0000000000000000").status_code == 404


def test_speaker_page_claims_over_time(store):
    [speaker] = rows(store, "/claims/speakers.json?name=ستانيسلاف زاس&_shape=array")
    page = get(store, f"/claims/-/speaker/{speaker['id']}").text
    assert "ستانيسلاف زاس" in page and "6 claims over time" in page and "الأمين العام للمنظمة" in page
    assert f"/claims/-/speaker/{speaker['id']}" in get(store, "/claims/speakers").text
