"""claimtrack's Datasette plugin, loaded by Datasette itself (entry point
group ``datasette``), so ``claimtrack serve`` and a plain ``datasette
claims.db`` show a store the same way:

* search is Arabic-aware: ``_search`` queries are normalized and stemmed as
  the index is (diacritics, hamza and alef forms, ta marbuta, digit script,
  attached clitics), from the search box or the JSON API alike;
* SQL functions ``claimtrack_normalize(text)``, ``claimtrack_search(text)``
  (the index form) and ``claimtrack_similarity(a, b)`` (0-100);
* metadata: titles, descriptions, label columns (speakers by name, documents
  by title, clusters by label), default facets and sort;
* canned queries: claims repeated across outlets, clusters with a figure
  conflict, a speaker's claims over time, figures by unit and value;
* a page for each cluster (``/DB/-/cluster/ID``: the same claim as each
  outlet reported it, side by side, differing figures highlighted, with the
  fact-checks) and each speaker (``/DB/-/speaker/ID``: claims over time),
  linked from the tables;
* Arabic text in right-to-left cells with an Arabic-capable font; article
  text is escaped, never run, and only http(s) links are made from it.
"""

from __future__ import annotations

import json
import urllib.parse
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape
from rapidfuzz import fuzz

from claimtrack.model import safe_url
from claimtrack.normalize import has_arabic, light_stem, normalize

CSS_PATH = "/-/claimtrack.css"
CSS = """
td, th { unicode-bidi: plaintext; }
[dir="rtl"], [lang="ar"] {
  font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "Tahoma",
    "Arial", sans-serif;
  direction: rtl;
  text-align: right;
}
.claimtrack-conflict { background: #fff1c2; font-weight: bold; }
"""


def search_form_of_query(query: str) -> str:
    """A search box query in the form ``claims_fts`` indexes."""
    return " ".join(light_stem(word) for word in normalize(query).split())


def similarity(a: str | None, b: str | None) -> float | None:
    if a is None or b is None:
        return None
    return round(fuzz.token_set_ratio(normalize(a), normalize(b)), 2)


@hookimpl
def prepare_connection(conn) -> None:
    conn.create_function(
        "claimtrack_normalize", 1, lambda t: None if t is None else normalize(t), deterministic=True
    )
    conn.create_function(
        "claimtrack_search", 1, lambda t: None if t is None else search_form_of_query(t), deterministic=True
    )
    conn.create_function("claimtrack_similarity", 2, similarity, deterministic=True)


@hookimpl
def asgi_wrapper(datasette):
    """Rewrite ``_search`` parameters to the index form before Datasette's
    own full-text search sees them."""

    def wrap(app):
        async def normalized_search(scope, receive, send):
            if scope.get("type") == "http" and b"_search" in scope.get("query_string", b""):
                pairs = urllib.parse.parse_qsl(
                    scope["query_string"].decode("utf-8", "replace"), keep_blank_values=True
                )
                pairs = [(k, search_form_of_query(v) if k.startswith("_search") else v) for k, v in pairs]
                scope = dict(scope, query_string=urllib.parse.urlencode(pairs).encode("utf-8"))
            await app(scope, receive, send)

        return normalized_search

    return wrap


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:,.10g}"


async def cluster_page(datasette, request):
    """The same claim as each outlet reported it, side by side; figures that
    differ from the cluster's most common value are highlighted."""
    database, cluster_id = request.url_vars["database"], request.url_vars["id"]
    db = datasette.get_database(database)
    found = await db.execute("SELECT * FROM clusters WHERE id = ?", [cluster_id])
    cluster = found.first()
    if cluster is None:
        return Response.html("No such cluster", status=404)
    claims = [
        dict(row)
        for row in await db.execute(
            "SELECT claims.id, claims.text, claims.language, claims.said_on, claims.speaker_id, "
            "speakers.name AS speaker, documents.outlet, documents.url, documents.title "
            "FROM claims JOIN documents ON documents.id = claims.document_id "
            "LEFT JOIN speakers ON speakers.id = claims.speaker_id "
            "WHERE claims.cluster_id = ? ORDER BY claims.said_on, documents.outlet",
            [cluster_id],
        )
    ]
    figures = await db.execute(
        "SELECT claim_id, raw, value, value_max, unit FROM figures "
        "WHERE claim_id IN (SELECT id FROM claims WHERE cluster_id = ?) ORDER BY start",
        [cluster_id],
    )
    by_claim: dict[str, list[dict]] = {}
    counts: dict[tuple, int] = {}
    for row in figures:
        figure = dict(row)
        by_claim.setdefault(figure["claim_id"], []).append(figure)
        key = (figure["unit"], figure["value"], figure["value_max"])
        counts[key] = counts.get(key, 0) + 1
    usual: dict[str | None, tuple] = {}
    for key, _count in sorted(counts.items(), key=lambda item: -item[1]):
        usual.setdefault(key[0], key)
    for claim in claims:
        claim["url"] = safe_url(claim["url"])
        claim["figures"] = by_claim.get(claim["id"], [])
        for figure in claim["figures"]:
            key = (figure["unit"], figure["value"], figure["value_max"])
            figure["differs"] = bool(figure["unit"]) and usual.get(figure["unit"]) != key
            value = _number(figure["value"])
            figure["value_text"] = value + (f"–{_number(figure['value_max'])}" if figure["value_max"] else "")
    reviews = [
        dict(row, url=safe_url(row["url"]))
        for row in await db.execute(
            "SELECT * FROM reviews WHERE cluster_id = ? OR claim_id IN "
            "(SELECT id FROM claims WHERE cluster_id = ?) ORDER BY reviewed_on",
            [cluster_id, cluster_id],
        )
    ]
    return Response.html(
        await datasette.render_template(
            "claimtrack_cluster.html",
            {
                "cluster": dict(cluster),
                "claims": claims,
                "reviews": reviews,
                "decisions": await _decisions(db, cluster_id),
                "base": datasette.urls.database(database),
            },
            request=request,
        )
    )


async def _decisions(db, cluster_id: str) -> list[dict]:
    """The people's decisions (``claimtrack link --same/--apart``) on the
    cluster's claims, newest first, each with the other claim's text. A
    store older than schema version 9 (served by plain ``datasette``
    before claimtrack migrated it) has none."""
    if not await db.table_exists("link_decisions"):
        return []
    rows = await db.execute(
        "SELECT d.decision, d.decided_by, d.note, d.decided_at, a.id AS a, a.text AS a_text, "
        "a.cluster_id = ? AS a_here, b.id AS b, b.text AS b_text, b.cluster_id = ? AS b_here "
        "FROM link_decisions d JOIN claims a ON a.id = d.claim_a JOIN claims b ON b.id = d.claim_b "
        "WHERE a.cluster_id = ? OR b.cluster_id = ? ORDER BY d.decided_at DESC, d.id",
        [cluster_id] * 4,
    )
    return [dict(row) for row in rows]


async def speaker_page(datasette, request):
    """A speaker's claims over time."""
    database, speaker_id = request.url_vars["database"], request.url_vars["id"]
    db = datasette.get_database(database)
    speaker = (await db.execute("SELECT * FROM speakers WHERE id = ?", [speaker_id])).first()
    if speaker is None:
        return Response.html("No such speaker", status=404)
    claims = [
        dict(row, url=safe_url(row["url"]))
        for row in await db.execute(
            "SELECT claims.text, claims.kind, claims.language, claims.said_on, claims.cluster_id, "
            "documents.outlet, documents.url FROM claims JOIN documents ON documents.id = claims.document_id "
            "WHERE claims.speaker_id = ? ORDER BY claims.said_on, claims.start",
            [speaker_id],
        )
    ]
    return Response.html(
        await datasette.render_template(
            "claimtrack_speaker.html",
            {
                "speaker": dict(speaker),
                "aliases": json.loads(speaker["aliases"] or "[]"),
                "claims": claims,
                "base": datasette.urls.database(database),
            },
            request=request,
        )
    )


@hookimpl
def register_routes():
    async def css(request):
        return Response(CSS, content_type="text/css; charset=utf-8")

    return [
        (r"^/-/claimtrack\.css$", css),
        (r"^/(?P<database>[^/]+)/-/cluster/(?P<id>[0-9a-f]+)$", cluster_page),
        (r"^/(?P<database>[^/]+)/-/speaker/(?P<id>[0-9a-f]+)$", speaker_page),
    ]


@hookimpl
def extra_css_urls():
    return [CSS_PATH]


#: Cells that link to a claimtrack page: (table, column) → (page, id column).
_PAGES = {("clusters", "label"): ("cluster", "id"), ("speakers", "name"): ("speaker", "id")}


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Cluster labels and speaker names link to their pages; Arabic text
    right to left; everything escaped."""
    if not isinstance(value, str) or not value:
        return None
    page = _PAGES.get((table, column))
    if page and page[1] in row.keys():  # noqa: SIM118 (a sqlite3.Row: "in" looks at values)
        href = f"{datasette.urls.database(database)}/-/{page[0]}/{row[page[1]]}"
        direction = ' dir="rtl" lang="ar"' if has_arabic(value) else ""
        return Markup('<a href="{}"{}>{}</a>').format(href, Markup(direction), value)
    if has_arabic(value):
        return Markup('<span dir="rtl" lang="ar">{}</span>').format(escape(value))
    return None


TABLES: dict[str, dict[str, Any]] = {
    "claims": {
        "description": "Statements found in the articles: who said what, how (direct quote, indirect "
        "speech or the outlet's own reported fact), when, with their span in the article text.",
        "facets": ["kind", "language", "speaker_id"],
        "sort_desc": "said_on",
        "fts_table": "claims_fts",
        "fts_pk": "rowid",
        "searchmode": "escaped",
        "columns": {
            "text": "The statement, exactly the article text between start and end",
            "kind": "direct (a quotation), indirect (reported speech) or reported (the outlet's own fact)",
            "speaker_id": "Who made it (empty: the outlet)",
            "said_on": "When it was said",
            "cluster_id": "The group of claims stating the same thing, across outlets",
            "checked_by": "A review covering this claim: its own, or one of a claim it repeats",
            "recipient": "To whom it was said, where the text says so",
            "cue": "The attribution verb as written",
            "normalized": "The text normalized for comparison",
            "search": "What the full-text index holds",
        },
    },
    "documents": {
        "description": "Imported articles.",
        "label_column": "title",
        "facets": ["outlet", "language", "importer"],
        "sort_desc": "published",
    },
    "speakers": {
        "description": "People, institutions and anonymous sources quoted; aliases are the other forms "
        "that referred to them.",
        "label_column": "name",
        "facets": ["kind", "organization"],
    },
    "figures": {
        "description": "Numbers with units in the claims: value (and value_max for ranges), canonical unit, "
        "qualifier and what is counted.",
        "facets": ["unit", "qualifier", "counted"],
    },
    "dates": {"description": "Dates the claims refer to, resolved against the publication date."},
    "clusters": {
        "description": "Groups of claims that state the same thing; figure_conflict marks groups whose "
        "members disagree on a figure.",
        "label_column": "label",
        "facets": ["figure_conflict"],
        "sort_desc": "claims",
    },
    "links": {
        "description": "Pairs of claims found to state the same (or nearly the same) thing, with their "
        "score and evidence.",
        "facets": ["figure_conflict", "linker"],
    },
    "link_decisions": {
        "description": "A person's word on two claims (claimtrack link --same / --apart): same joins "
        "their clusters, apart keeps them out of one cluster, in every later link run.",
        "facets": ["decision", "decided_by"],
        "sort_desc": "decided_at",
    },
    "reviews": {
        "description": "Fact-check verdicts on claims and clusters (ClaimReview): the rating as written and "
        "its place on one scale; a cluster review covers every claim linked with its claim.",
        "label_column": "rating",
        "facets": ["rating_normalized", "reviewer", "scope"],
        "sort_desc": "reviewed_on",
        "columns": {
            "rating": "The verdict as the reviewer wrote it",
            "rating_normalized": "true, mostly true, mixture, mostly false, false or other",
            "scope": "claim, or cluster: every claim linked with this one",
        },
    },
    "appearances": {
        "description": "Where a claim was published, as an imported ClaimReview lists it.",
        "facets": ["outlet"],
    },
    "import_errors": {"description": "What could not be imported, and why."},
    # Bookkeeping of imports' deferred full-text indexing (claimtrack.fts).
    "fts_deferred": {"hidden": True},
    "fts_pending": {"hidden": True},
    # Claims' vectors for linking by meaning (claimtrack.semantic): bytes.
    "claim_vectors": {"hidden": True},
}

QUERIES: dict[str, dict[str, Any]] = {
    "checked_claims": {
        "title": "Claims already fact-checked (or repeating a checked claim)",
        "sql": "SELECT claims.id AS claim, claims.text, documents.outlet, documents.published, "
        "reviews.rating, reviews.rating_normalized, reviews.reviewer, reviews.url AS review "
        "FROM claims JOIN reviews ON reviews.id = claims.checked_by "
        "JOIN documents ON documents.id = claims.document_id ORDER BY documents.published DESC",
    },
    "repeated_claims": {
        "title": "Claims repeated across two or more outlets",
        "sql": "SELECT clusters.id AS cluster, clusters.label, clusters.claims, clusters.outlets, "
        "clusters.first_seen, clusters.last_seen, clusters.figure_conflict FROM clusters "
        "WHERE clusters.outlets >= 2 ORDER BY clusters.outlets DESC, clusters.claims DESC",
    },
    "figure_conflicts": {
        "title": "Clusters whose claims disagree on a figure",
        "sql": "SELECT clusters.id AS cluster, clusters.label, links.evidence, a.text AS claim_a, "
        "b.text AS claim_b FROM clusters JOIN links ON links.cluster_id = clusters.id "
        "JOIN claims a ON a.id = links.claim_a JOIN claims b ON b.id = links.claim_b "
        "WHERE links.figure_conflict = 1 ORDER BY clusters.claims DESC",
    },
    "links_by_meaning": {
        "title": "Links found by meaning (claimtrack link --semantic), least close first",
        "sql": "SELECT json_extract(links.evidence, '$.cosine') AS cosine, "
        "json_extract(links.evidence, '$.conflict') AS conflict, links.cluster_id AS cluster, "
        "a.text AS claim_a, b.text AS claim_b, links.claim_a AS id_a, links.claim_b AS id_b "
        "FROM links JOIN claims a ON a.id = links.claim_a JOIN claims b ON b.id = links.claim_b "
        "WHERE json_extract(links.evidence, '$.cosine') IS NOT NULL ORDER BY cosine, links.id",
    },
    "speaker_claims": {
        "title": "Every claim by one speaker, over time",
        "sql": "SELECT claims.said_on, claims.kind, claims.text, documents.outlet, documents.url "
        "FROM claims JOIN speakers ON speakers.id = claims.speaker_id "
        "JOIN documents ON documents.id = claims.document_id "
        "WHERE speakers.normalized LIKE '%' || claimtrack_normalize(:speaker) || '%' "
        "OR speakers.aliases LIKE '%' || :speaker || '%' ORDER BY claims.said_on",
    },
    "figures_by_unit": {
        "title": "Figures by unit and value range",
        "sql": "SELECT figures.raw, figures.value, figures.value_max, figures.unit, figures.qualifier, "
        "figures.counted, claims.text AS claim FROM figures JOIN claims ON claims.id = figures.claim_id "
        "WHERE figures.unit = :unit AND figures.value >= CAST(:min AS REAL) "
        "AND figures.value <= CAST(:max AS REAL) ORDER BY figures.value DESC",
    },
}


@hookimpl
def canned_queries(datasette, database):
    """The queries, for claimtrack stores only."""

    async def queries():
        db = datasette.databases.get(database)
        if db is None or "claims" not in await db.table_names():
            return {}
        return QUERIES

    return queries


@hookimpl
def get_metadata(datasette, key, database, table):
    databases = {name: {"tables": TABLES} for name in datasette.databases if name != "_internal"}
    return {
        "title": "claimtrack",
        "description": "Claims in the news: who said what, when, with which figures.",
        "databases": databases,
    }
