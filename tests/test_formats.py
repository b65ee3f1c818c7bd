"""The HTML, feed and ClaimReview importers on the sample files in
datasets/formats, and on broken input: per-item errors, the rest imported."""

from __future__ import annotations

import http.server
import json
import shutil
import threading
from pathlib import Path

import claimtrack_claimreview
import pytest

import claimtrack
from claimtrack.cli import cli

FORMATS = Path(__file__).resolve().parent.parent / "datasets" / "formats"


def imported(runner, *args: str):
    result = runner.invoke(cli, ["import", *args, "--db", "x.db"])
    return result, claimtrack.open_store("x.db")


def errors(result) -> list[str]:
    """The per-item error lines of an import, without the program prefix."""
    prefix = "claimtrack: error: "
    return [line.removeprefix(prefix) for line in result.output.splitlines() if line.startswith(prefix)]


def test_html_page_main_text_and_metadata(runner):
    result, db = imported(runner, str(FORMATS / "wafa-style-article.html"))
    assert result.exit_code == 0, result.output
    [doc] = db["documents"].rows
    assert doc["importer"] == "html"
    assert doc["url"] == "https://mashreq-news.example/ar/economy/2024/03/12/power-output"
    assert doc["outlet"] == "وكالة المشرق للأنباء"
    assert doc["published"] == "2024-03-12"
    assert doc["title"] == "وزير الطاقة: إنتاج الكهرباء سيرتفع إلى 4500 ميغاواط قبل الصيف"
    assert doc["language"] == "ar"
    # the article, not the page around it
    assert doc["text"].startswith("قال وزير الطاقة سليم الحداد")
    for boilerplate in ("الرئيسية", "شارك", "جميع الحقوق", "الأكثر قراءة"):
        assert boilerplate not in doc["text"]
    claims = {c["text"] for c in db["claims"].rows}
    assert any("4500 ميغاواط" in c for c in claims)
    # "اليوم الثلاثاء" resolves against the page's date
    assert {r[0] for r in db.execute("SELECT said_on FROM claims")} == {"2024-03-12"}


def test_html_page_english_metadata_from_meta_tags(runner):
    result, db = imported(runner, str(FORMATS / "wire-article.html"))
    assert result.exit_code == 0, result.output
    [doc] = db["documents"].rows
    assert (doc["url"], doc["outlet"], doc["published"], doc["language"]) == (
        "https://harbour-wire.example/2024/05/02/port-traffic",
        "Harbour Wire",
        "2024-05-02",
        "en",
    )
    assert "Reader comment" not in doc["text"]
    assert db.execute("SELECT count(*) FROM claims").fetchone()[0] >= 2


def test_rss_feed_one_document_per_entry(runner):
    result, db = imported(runner, str(FORMATS / "desk-ar.rss"))
    assert result.exit_code == 0, result.output
    docs = list(db.query("SELECT * FROM documents ORDER BY published"))
    assert [d["url"] for d in docs] == [
        "https://daily-khabar.example/news/8812",
        "https://daily-khabar.example/news/8815",
        "https://daily-khabar.example/news/8819",
    ]
    assert {d["outlet"] for d in docs} == {"موقع الخبر اليومي"}
    assert docs[0]["published"].startswith("2024-03-12T11:00")
    # full content (content:encoded) rather than the summary, as text
    assert "وقال الحداد إن ساعات التقنين" in docs[0]["text"] and "<p>" not in docs[0]["text"]
    assert docs[2]["text"] == "نقابة المهندسين تحذر من انهيار الشبكة"  # a headline alone
    assert docs[1]["source"].endswith("desk-ar.rss:15")


def test_atom_feed_and_summary_never_replaces_full_page(runner):
    page, feed = str(FORMATS / "wire-article.html"), str(FORMATS / "wire-en.atom")
    result, db = imported(runner, page, feed)
    assert result.exit_code == 0, result.output
    assert "kept the full text of 1 articles" in result.output
    text = db.execute(
        "SELECT text FROM documents WHERE url = 'https://harbour-wire.example/2024/05/02/port-traffic'"
    ).fetchone()[0]
    assert "Lindqvist added" in text
    fuel = db.execute("SELECT outlet, text FROM documents WHERE url LIKE '%fuel'").fetchone()
    assert fuel[0] == "Harbour Wire" and "no plan to raise fuel prices" in fuel[1]


def test_feed_from_a_url(runner, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(FORMATS / "wire-en.atom", site / "feed")  # no suffix: recognized by content

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(site), **kwargs)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/feed"
        result, db = imported(runner, url, f"http://127.0.0.1:{server.server_port}/missing.rss")
    finally:
        server.shutdown()
    assert result.exit_code == 1
    assert db["documents"].count == 2
    assert {d["importer"] for d in db["documents"].rows} == {"feed"}
    assert [e for e in errors(result) if e.startswith(f"{url[:-5]}/missing.rss: cannot read")]


def test_claimreview_jsonld_list(runner):
    result, db = imported(runner, str(FORMATS / "reviews-ar.jsonld"))
    assert result.exit_code == 0, result.output
    reviews = list(db.query("SELECT * FROM reviews ORDER BY reviewed_on"))
    assert [(r["rating"], r["rating_normalized"]) for r in reviews] == [
        ("زائف", "false"),
        ("مضلل", "mostly false"),
    ]
    power = reviews[1]
    assert power["rating_value"] == 2 and (power["best_rating"], power["worst_rating"]) == (5, 1)
    assert power["reviewer"] == "منصة تحقق" and power["reviewer_url"] == "https://tahaqqaq.example"
    assert power["explanation"].startswith("المحطتان الجديدتان")
    claim = db["claims"].get(power["claim_id"])
    assert claim["text"] == "إنتاج الكهرباء سيرتفع إلى 4500 ميغاواط قبل بداية الصيف"
    assert claim["said_on"] == "2024-03-12"
    speaker = db["speakers"].get(claim["speaker_id"])
    assert (speaker["name"], speaker["role"], speaker["organization"]) == (
        "سليم الحداد",
        "وزير الطاقة",
        "وزارة الطاقة",
    )
    appearances = list(db.query("SELECT * FROM appearances WHERE claim_id = ? ORDER BY url", [claim["id"]]))
    assert [(a["url"], a["first"]) for a in appearances] == [
        ("https://daily-khabar.example/news/8812", 0),
        ("https://mashreq-news.example/ar/economy/2024/03/12/power-output", 1),
    ]
    # figures are found in imported claims too
    assert db.execute("SELECT value FROM figures WHERE claim_id = ?", [claim["id"]]).fetchone()[0] == 4500
    # an institution as the claim's author
    other = db["claims"].get(reviews[0]["claim_id"])
    assert db["speakers"].get(other["speaker_id"])["kind"] == "institution"


def test_claimreview_embedded_in_html_and_api_shape(runner):
    result, db = imported(runner, str(FORMATS / "factcheck-page.html"), str(FORMATS / "factcheck-api.json"))
    assert result.exit_code == 0, result.output
    rows = {r["rating"]: r for r in db.query("SELECT * FROM reviews")}
    assert set(rows) == {"True", "False", "غير دقيق"}
    assert rows["True"]["rating_normalized"] == "true"
    assert db["documents"].get(db["claims"].get(rows["True"]["claim_id"])["document_id"])["importer"] == (
        "claimreview"
    )
    api = rows["False"]
    assert (api["reviewer"], api["reviewer_url"], api["reviewed_on"]) == (
        "Tide Check",
        "https://tidecheck.example",
        "2024-05-04",
    )
    assert rows["غير دقيق"]["rating_normalized"] == "mostly false"
    assert rows["غير دقيق"]["language"] == "ar"


def test_import_is_idempotent_for_reviews(runner):
    imported(runner, str(FORMATS / "reviews-ar.jsonld"))
    result, db = imported(runner, str(FORMATS / "reviews-ar.jsonld"))
    assert result.exit_code == 0
    assert (db["reviews"].count, db["appearances"].count, db["claims"].count) == (2, 3, 2)


BROKEN_CLAIMREVIEWS = """[
  {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "ok one",
   "reviewRating": {"@type": "Rating", "alternateName": "False"}},
  {"@context": "https://schema.org", "@type": "ClaimReview",
   "reviewRating": {"@type": "Rating", "alternateName": "False"}},
  {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "odd verdict",
   "reviewRating": {"@type": "Rating", "alternateName": "Cosmic nonsense"}},
  {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "numbers only",
   "reviewRating": {"@type": "Rating", "ratingValue": 4, "bestRating": 5, "worstRating": 1}},
  {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "no rating"}
]
"""


def test_broken_claimreviews_are_reported_per_item(runner, tmp_path):
    (tmp_path / "mixed.jsonld").write_text(BROKEN_CLAIMREVIEWS, encoding="utf-8")
    result, db = imported(runner, "mixed.jsonld")
    assert result.exit_code == 1
    assert errors(result) == [
        "mixed.jsonld:4: ClaimReview without claimReviewed",
        "mixed.jsonld:6: unknown rating 'Cosmic nonsense': give its scale (--scale) or map it "
        "with register_rating_labels",
        "mixed.jsonld:10: ClaimReview without reviewRating",
    ]
    assert sorted(r["rating_normalized"] for r in db["reviews"].rows) == ["false", "mostly true"]
    assert db["import_errors"].count == 3


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bad.jsonld", '{"@type": "ClaimReview",\n "claimReviewed": }', "bad.jsonld:2: not valid JSON"),
        ("deep.jsonld", "[" * 100_000 + "]" * 100_000, "deep.jsonld:1: not valid JSON (too deeply nested)"),
        ("none.json", '{"hello": "world"}', "none.json:1: no ClaimReview found"),
        ("empty.rss", "", "empty.rss:1: empty file"),
        ("notfeed.rss", "<rss><channel><title>x", "notfeed.rss:1: not a feed or no entries"),
        (
            "blank.html",
            "<html><body><script>var x = 1;</script></body></html>",
            "blank.html:1: no article text found",
        ),
        ("latin1.jsonld", "caf\xe9".encode("latin-1"), "latin1.jsonld:1: not UTF-8 text"),
    ],
)
def test_bad_files_get_one_line_errors(runner, tmp_path, name, content, expected):
    data = content.encode() if isinstance(content, str) else content
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text("The minister said the plan would cost 40 million dollars.")
    result, db = imported(runner, name, "good.txt")
    assert result.exit_code == 1
    assert [e for e in errors(result) if e.startswith(expected)], result.output
    assert db["documents"].count == 1  # the rest is imported
    assert db["import_errors"].count == 1


def test_feed_with_broken_entries(runner, tmp_path):
    feed = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Desk</title>
<item><title>Minister says talks will resume</title><link>https://desk.example/1</link>
<description>The minister said talks would resume on Monday.</description></item>
<item><description></description></item>
<item><title>Headline only, nowhere to read it</title></item>
</channel></rss>
"""
    (tmp_path / "desk.rss").write_text(feed, encoding="utf-8")
    result, db = imported(runner, "desk.rss")
    assert result.exit_code == 1
    assert errors(result) == [
        "desk.rss:5: entry 2 has no text and no title",
        "desk.rss:6: entry 3 has only a title and no link",
    ]
    assert db["documents"].count == 1


def test_html_with_scripts_keeps_only_text(runner, tmp_path):
    page = (
        "<html><head><title>T</title><script>alert(1)</script></head><body><article>"
        '<p onclick="alert(2)">The minister said the bridge would open in June, at a cost of '
        "80 million dollars, according to the ministry's statement on its website.</p>"
        '<p><a href="javascript:alert(3)">link</a> More text here about the bridge and its cost to '
        "taxpayers over the next ten years.</p></article></body></html>"
    )
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    result, db = imported(runner, "p.html")
    assert result.exit_code == 0, result.output
    [doc] = db["documents"].rows
    assert "alert" not in doc["text"] and "javascript" not in doc["text"]


def test_jsonl_claimreview_lines(runner, tmp_path):
    lines = [
        {"@type": "ClaimReview", "claimReviewed": f"claim {n}", "reviewRating": {"alternateName": "False"}}
        for n in range(3)
    ]
    text = "\n".join(json.dumps(x) for x in lines[:2]) + "\n{broken\n" + json.dumps(lines[2]) + "\n"
    (tmp_path / "reviews.json").write_text(text, encoding="utf-8")
    result, db = imported(runner, "reviews.json")
    assert result.exit_code == 1
    assert errors(result) == [
        "reviews.json:3: not valid JSON (Expecting property name enclosed in double quotes)"
    ]
    assert db["reviews"].count == 3


def test_large_feeds_stream_with_the_same_result(runner, tmp_path, monkeypatch):
    """Past WHOLE_LIMIT a feed is streamed in batches: the same documents,
    lines and sources as parsing it whole."""
    import claimtrack_feeds

    for name in ("desk-ar.rss", "wire-en.atom"):
        _, db_whole = imported(runner, str(FORMATS / name))
        rows = sorted(
            (d["url"], d["text"], d["outlet"], d["published"], d["language"], d["source"])
            for d in db_whole["documents"].rows
        )
        with monkeypatch.context() as patch:
            patch.setattr(claimtrack_feeds, "WHOLE_LIMIT", 10)
            result = runner.invoke(cli, ["import", str(FORMATS / name), "--db", "streamed.db"])
        assert result.exit_code == 0, result.output
        streamed = claimtrack.open_store("streamed.db")
        assert (
            sorted(
                (d["url"], d["text"], d["outlet"], d["published"], d["language"], d["source"])
                for d in streamed["documents"].rows
            )
            == rows
        )
        (tmp_path / "streamed.db").unlink()
        (tmp_path / "x.db").unlink()


def test_streamed_feed_memory_is_bounded_and_breaks_cleanly(tmp_path):
    import tracemalloc

    from claimtrack_feeds.stream import FeedSyntaxError, entry_batches

    def feed(entries: int, broken: bool = False) -> Path:
        path = tmp_path / f"feed-{entries}.rss"
        with path.open("w", encoding="utf-8") as out:
            out.write('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Big</title>\n')
            for n in range(entries):
                out.write(
                    f"<item><title>Entry {n}</title><link>https://big.example/{n}</link>"
                    f"<description>The minister said {n} things.</description></item>\n"
                )
            out.write("<item><title>broken</broken>\n" if broken else "</channel></rss>\n")
        return path

    peaks = {}
    for entries in (2_000, 20_000):
        tracemalloc.start()
        count = 0
        with feed(entries).open("rb") as stream:
            for _data, lines in entry_batches(stream):
                count += len(lines)
        peaks[entries] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert count == entries
    assert peaks[20_000] < 2 * peaks[2_000], peaks  # 10x the entries, not 10x the memory

    seen = []
    with pytest.raises(FeedSyntaxError) as broken, feed(450, broken=True).open("rb") as stream:
        for _data, lines in entry_batches(stream):
            seen.extend(lines)
    assert len(seen) == 450 and seen[:2] == [3, 4]
    assert broken.value.line == 453


def test_hostile_claimreview_and_feed_urls_stay_out(runner, tmp_path):
    """Script payloads stay text; javascript: and other non-http(s) URLs
    never reach the store; a huge attribute is only text."""
    review = {
        "@type": "ClaimReview",
        "url": "javascript:alert(1)",
        "claimReviewed": "<script>alert(2)</script> the dam will open",
        "author": {
            "@type": "Organization",
            "name": "<img src=x onerror=alert(3)>",
            "url": "data:text/html,x",
        },
        "reviewRating": {"alternateName": "False", "ratingExplanation": "x" * 2_000_000},
        "itemReviewed": {"appearance": [{"url": "javascript:alert(4)"}, {"url": "https://ok.example/a"}]},
    }
    (tmp_path / "bad.jsonld").write_text(json.dumps(review), encoding="utf-8")
    feed = (
        '<rss version="2.0"><channel><title>T</title><item><title>x</title>'
        "<link>javascript:alert(5)</link><description>The minister said the dam will open.</description>"
        "</item></channel></rss>"
    )
    (tmp_path / "bad.rss").write_text(feed, encoding="utf-8")
    result, db = imported(runner, "bad.jsonld", "bad.rss")
    assert result.exit_code == 0, result.output
    [stored] = db["reviews"].rows
    assert stored["url"] is None and stored["reviewer_url"] is None
    assert stored["reviewer"] == "<img src=x onerror=alert(3)>"  # text, escaped where shown
    assert [a["url"] for a in db["appearances"].rows] == ["https://ok.example/a"]
    assert db.execute("SELECT count(*) FROM documents WHERE url LIKE 'javascript:%'").fetchone()[0] == 0
    exported = json.loads(runner.invoke(cli, ["export", "--format", "claimreview", "--db", "x.db"]).stdout)
    assert "javascript" not in json.dumps(exported)


def test_feeds_read_in_linear_time():
    """8x the entries, at most 13x the time (entry lines were once counted
    from the start of the file for every entry: quadratic)."""
    import io
    import time

    from claimtrack_feeds import read_feed

    from claimtrack import Source

    def seconds(entries: int) -> float:
        data = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>\n'
            + "".join(
                f"<item><title>E{i}</title><link>https://w.example/{i}</link>"
                f"<description>The minister said {i} troops arrived.</description></item>\n"
                for i in range(entries)
            )
            + "</channel></rss>\n"
        ).encode()
        best = float("inf")
        for _ in range(2):
            started = time.process_time()
            count = sum(1 for _ in read_feed(Source("w.rss", stream=io.BytesIO(data))))
            best = min(best, time.process_time() - started)
        assert count == entries
        return best

    small, large = seconds(2_000), seconds(16_000)
    assert large < 13 * small, (small, large)  # measured: 9.6x; counting from the start: 15x and growing


def test_claimreview_and_articles_on_stdin_are_told_apart(runner):
    """Standard input has no suffix: ClaimReview is recognized by content,
    anything else stays a text article."""
    review = (FORMATS / "factcheck-api.json").read_text(encoding="utf-8")
    result = runner.invoke(cli, ["import", "-", "--db", "x.db"], input=review)
    assert result.exit_code == 0, result.output
    assert claimtrack.open_store("x.db")["reviews"].count == 2
    result = runner.invoke(
        cli, ["import", "-", "--db", "y.db"], input="The minister said talks would resume."
    )
    assert result.exit_code == 0, result.output
    assert [d["importer"] for d in claimtrack.open_store("y.db")["documents"].rows] == ["text"]
    article = b'{"text": "The minister said the claimReview of the bridge would take two years."}'
    assert not claimtrack_claimreview.looks_like_claimreview(article)
