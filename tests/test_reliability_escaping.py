"""Article text, outlets, titles, speaker names and URLs carrying markup
are shown as text on every page of the published store, the custom cluster
and speaker pages included, and never become links to javascript: URLs.
(tests/test_browser.py runs a payload in Chromium on the table pages.)"""

from __future__ import annotations

import asyncio
import json

from datasette.app import Datasette

from claimtrack import open_store
from claimtrack.cli import cli

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "</td><svg onload=alert(4)>",
]
RAW = ["<script>alert", "<img src=x onerror", "<svg onload"]


def pages(db_path, paths):
    async def fetch():
        datasette = Datasette([str(db_path)])
        return [await datasette.client.get(path) for path in paths]

    return asyncio.run(fetch())


def test_every_page_escapes_markup_from_articles(runner, tmp_path, db_path):
    speaker = f"{PAYLOADS[0]} Zas"
    text = f"Peacekeepers {PAYLOADS[1]} will number 2,500 troops {PAYLOADS[2]} in Kazakhstan."
    rows = [
        {
            "text": text,
            "speaker": speaker,
            "outlet": f"Outlet {PAYLOADS[i % 3]}",
            "title": PAYLOADS[(i + 1) % 3],
            "url": url,
            "published": "2022-01-06",
            "language": "en",
        }
        for i, url in enumerate(["javascript:alert(3)", "https://a.test/1", "JaVaScRiPt:alert(5)"])
    ]
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert (
        runner.invoke(cli, ["import", "--format", "claims", str(path), "--db", str(db_path)]).exit_code == 0
    )
    assert runner.invoke(cli, ["link", "--db", str(db_path)]).exit_code == 0
    db = open_store(db_path)
    [cluster] = [r[0] for r in db.execute("SELECT id FROM clusters")]
    [speaker_id] = [r[0] for r in db.execute("SELECT id FROM speakers")]
    db.close()
    name = db_path.stem
    paths = [
        f"/{name}/-/cluster/{cluster}",
        f"/{name}/-/speaker/{speaker_id}",
        f"/{name}/documents",
        f"/{name}/claims",
        f"/{name}/speakers",
        f"/{name}/clusters",
        f"/{name}/claims?_search=peacekeepers",
    ]
    responses = pages(db_path, paths)
    for path, response in zip(paths, responses, strict=True):
        assert response.status_code == 200, path
        page = response.text
        for raw in RAW:
            assert raw not in page, (path, raw)
        assert 'href="javascript:' not in page.lower(), path
    cluster_page, speaker_page = responses[0].text, responses[1].text
    for page in (cluster_page, speaker_page):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown, as text
    assert 'href="https://a.test/1"' in cluster_page
