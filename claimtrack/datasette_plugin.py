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
* Arabic text in right-to-left cells with an Arabic-capable font; article
  text is escaped, never run.
"""

from __future__ import annotations

import urllib.parse
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape
from rapidfuzz import fuzz

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


@hookimpl
def register_routes():
    async def css(request):
        return Response(CSS, content_type="text/css; charset=utf-8")

    return [(r"^/-/claimtrack\.css$", css)]


@hookimpl
def extra_css_urls():
    return [CSS_PATH]


@hookimpl
def render_cell(value, column, table):
    """Arabic text right to left, any other text in its own direction;
    always escaped."""
    if not isinstance(value, str) or not value:
        return None
    if column == "figure_conflict" and table in ("clusters", "links"):
        return None
    if has_arabic(value):
        return Markup('<span dir="rtl" lang="ar">{}</span>').format(escape(value))
    return None


TABLES: dict[str, dict[str, Any]] = {
    "claims": {
        "description": "Statements found in the articles: who said what, how (direct quote, indirect "
        "speech or the outlet's own reported fact), when, with their span in the article text.",
        "facets": ["kind", "language", "extractor", "speaker_id"],
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
    "reviews": {"description": "Fact-check verdicts on claims and clusters."},
    "import_errors": {"description": "What could not be imported, and why."},
}

QUERIES: dict[str, dict[str, Any]] = {
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
