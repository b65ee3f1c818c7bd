"""The published store in a real browser: headless Chromium (Debian's
package) driven by Playwright. Skipped where Chromium or Playwright is
missing, unless CLAIMTRACK_REQUIRE_BROWSER is set (CI sets it)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from claimtrack import open_store
from claimtrack.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PAYLOAD = (
    "وقال المتحدث إن <script>window.__pwned = 1</script> الوضع "
    '<img src=x onerror="window.__pwned = 2"> مستقر تماما.'
)

CLUSTER_PAYLOAD = (
    'قال الوزير أحمد <img src=x onerror="window.__pwned = 6"> السالم إن المعبر '
    "<script>window.__pwned = 11</script> سيفتح أمام الشاحنات يوم الأحد المقبل بعد أسبوعين من الإغلاق."
)

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the environment
    sync_playwright = None

if not (CHROMIUM and sync_playwright):
    if os.environ.get("CLAIMTRACK_REQUIRE_BROWSER"):
        raise RuntimeError("CLAIMTRACK_REQUIRE_BROWSER is set but Chromium or Playwright is missing")
    pytestmark = pytest.mark.skip(reason="needs Debian's chromium and the playwright package")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The demo data, linked, plus a hostile article, served by claimtrack."""
    from click.testing import CliRunner

    tmp = tmp_path_factory.mktemp("browser")
    db_path = tmp / "demo.db"
    (tmp / "hostile.txt").write_text(PAYLOAD, encoding="utf-8")
    for n in (1, 2):  # one hostile claim from two outlets: a cluster, for the custom pages
        (tmp / f"repeated-{n}.txt").write_text(
            f'---\noutlet: <img src=x onerror="window.__pwned = 3"> outlet {n}\n'
            f"title: <script>window.__pwned = 4</script>\nurl: javascript:window.__pwned = {n}\n---\n"
            f"{CLUSTER_PAYLOAD}\n",
            encoding="utf-8",
        )
    runner = CliRunner()
    paths = [
        str(ROOT / "datasets" / "arabic" / "articles"),
        str(ROOT / "datasets" / "samples"),
        str(tmp / "hostile.txt"),
        str(tmp / "repeated-1.txt"),
        str(tmp / "repeated-2.txt"),
    ]
    assert runner.invoke(cli, ["import", *paths, "--db", str(db_path)]).exit_code == 0
    assert runner.invoke(cli, ["link", "--db", str(db_path)]).exit_code == 0
    [cluster] = open_store(db_path).execute(
        "SELECT cluster_id FROM claims WHERE text LIKE '%__pwned = 11%' AND cluster_id IS NOT NULL LIMIT 1"
    )
    review = ["review", cluster[0], "--rating", '<b onmouseover="window.__pwned = 7">زائف</b>']
    review += ["--scale", "false", "--reviewer", "<script>window.__pwned = 8</script>"]
    review += ["--explanation", '<img src=x onerror="window.__pwned = 9">']
    review += ["--url", "javascript:window.__pwned = 10", "--db", str(db_path)]
    assert runner.invoke(cli, review).exit_code == 0
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "claimtrack", "serve", "--db", str(db_path), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base, timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.terminate()
                raise
            time.sleep(0.2)
    shots = Path(os.environ.get("CLAIMTRACK_SCREENSHOTS", tmp / "screenshots"))
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            yield {"page": page, "base": base, "db": db_path, "shots": shots}
        finally:
            browser.close()
            server.terminate()
            server.wait(timeout=10)


def test_home_page(site):
    page = site["page"]
    page.goto(site["base"] + "/")
    assert "claimtrack" in page.title() or page.locator("text=claimtrack").count()
    assert page.locator("a[href='/demo']").count() >= 1
    page.screenshot(path=str(site["shots"] / "home.png"))


def test_claims_table_with_a_facet_and_rtl_cells(site):
    page = site["page"]
    page.goto(site["base"] + "/demo/claims?kind=direct&_facet=kind")
    assert page.locator(".facet-info").count() >= 1
    cell = page.locator("td.col-text span[lang=ar]").first
    assert cell.is_visible()
    assert cell.evaluate("e => getComputedStyle(e).direction") == "rtl"
    page.screenshot(path=str(site["shots"] / "claims-facet.png"))


def test_arabic_search(site):
    page = site["page"]
    page.goto(site["base"] + "/demo/claims")
    page.fill("input[name=_search]", "ارسال اول دفعه")
    page.press("input[name=_search]", "Enter")
    page.wait_for_load_state()
    assert page.locator("td.col-text", has_text="إرسال أول دفعة").count() >= 1
    page.screenshot(path=str(site["shots"] / "search.png"))


def test_cluster_page_highlights_the_figure_conflict(site):
    db = open_store(site["db"])
    cluster = db.execute("SELECT id FROM clusters WHERE figure_conflict = 1 LIMIT 1").fetchone()
    assert cluster, "the demo data has a cluster whose outlets disagree on a figure"
    page = site["page"]
    page.goto(f"{site['base']}/demo/-/cluster/{cluster[0]}")
    assert page.locator("table.claimtrack-cluster tbody tr").count() >= 2
    highlighted = page.locator("td span.claimtrack-conflict")
    assert highlighted.count() >= 1 and highlighted.first.is_visible()
    assert highlighted.first.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.screenshot(path=str(site["shots"] / "cluster.png"))


def test_article_text_is_shown_never_run(site):
    page = site["page"]
    for path in ("/demo/documents", "/demo/claims?_search=المتحدث", "/demo/speakers"):
        page.goto(site["base"] + path)
        assert page.evaluate("window.__pwned") is None, path
    page.goto(site["base"] + "/demo/documents")
    assert page.locator("text=<script>window.__pwned = 1</script>").count() >= 1


def test_custom_pages_escape_what_they_show(site):
    """The cluster page (claims, outlets, titles, links, reviews) and the
    speaker page, with markup in every field, in Chromium: shown as text,
    never run, never linked to javascript:."""
    db = open_store(site["db"])
    [(cluster,)] = db.execute(
        "SELECT cluster_id FROM claims WHERE text LIKE '%__pwned = 11%' AND cluster_id IS NOT NULL LIMIT 1"
    ).fetchall()
    [(speaker,)] = db.execute("SELECT id FROM speakers WHERE name LIKE '%__pwned = 6%'").fetchall()
    page = site["page"]
    pages = {f"/demo/-/cluster/{cluster}": "__pwned = 11", f"/demo/-/speaker/{speaker}": "__pwned = 6"}
    for path, shown in pages.items():  # the claim on the cluster page, the name on the speaker page
        page.goto(site["base"] + path)
        page.wait_for_load_state()
        page.mouse.move(300, 300)
        page.hover("body")
        assert page.evaluate("window.__pwned") is None, path
        assert page.locator('a[href^="javascript:"]').count() == 0, path
        assert shown in page.inner_text("body"), path
    page.goto(f"{site['base']}/demo/-/cluster/{cluster}")
    body = page.inner_text("body")
    for shown in ("window.__pwned = 3", "window.__pwned = 7", "window.__pwned = 8", "window.__pwned = 9"):
        assert shown in body, shown  # outlet, rating, reviewer, explanation: visible text
    page.screenshot(path=str(site["shots"] / "hostile-cluster.png"))
