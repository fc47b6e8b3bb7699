"""The ``kg`` command line: a thin click layer over the library.

Every command parses its arguments, calls one library function and formats
the result.  Library errors (``KgError``) become ``kg: error: <one line>`` on
stderr; exit codes mean one thing each (see ``EXIT_CODES``).  Heavy modules
are imported inside the commands, so ``kg query`` on a fresh build never
imports rdflib, owlrl or pyshacl.
"""

from __future__ import annotations

import os
import sys

import click

from kg import __version__
from kg.errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_NEGATIVE, KgError

EXIT_CODES = f"""\b
Exit codes:
  0    success
  {EXIT_NEGATIVE}    a negative answer: ASK is false, the data does not conform,
       a saved check returned rows
  {EXIT_INPUT}    a usage or input error: bad option, file, query, parameter, data
  {EXIT_INTERNAL}    an internal error (a bug in kg: please report it)
  {EXIT_INTERRUPTED}  interrupted (Ctrl-C)

\b
The working copy: --home, else KG_HOME, else the current directory or the
nearest parent holding ontology/ and data/, else the copy bundled with kg.
`kg info` says which one is used and where its build is."""

# ------------------------------------------------------------ shared options


def project_options(f):
    """``--home`` and ``--build-dir``, for every command that reads the working copy."""
    f = click.option(
        "--build-dir",
        envvar="KG_BUILD_DIR",
        type=click.Path(file_okay=False),
        help="Where the build goes (env KG_BUILD_DIR; default <home>/build, or a cache folder).",
    )(f)
    f = click.option(
        "--home",
        envvar="KG_HOME",
        type=click.Path(file_okay=False),
        help="The working copy (env KG_HOME; default: found from the current directory, else the bundled copy).",
    )(f)
    return f


def format_option(choices, default, what: str = ""):
    return click.option(
        "--format", "-f", "fmt", type=click.Choice(list(choices)), default=default, show_default=default is not None,
        help="Output format" + (f" ({what})" if what else "") + ".",
    )


def quiet_option(f):
    return click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")(f)


def no_build_option(f):
    return click.option("--no-build", is_flag=True,
                        help="Answer from the current build even when the inputs changed since (with a warning).")(f)


param_option = click.option(
    "--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
    help="Bind a query parameter to an RDF term: <iri>, CURIE, \"literal\"@en, \"5\"^^xsd:integer, or a bare value of the declared type.",
)


def endpoint_options(required: bool = False, writes: bool = False):
    """``--endpoint`` and how to reach it (credentials, auth scheme, timeout); with ``writes`` also
    ``--graph-store`` and ``--update``, the services a load or a patch writes to."""
    def decorate(f):
        if writes:
            f = click.option("--update", "update_url", metavar="URL",
                             help="The store's SPARQL Update service, for --patch (default: the endpoint).")(f)
            f = click.option("--graph-store", metavar="URL",
                             help="The store's Graph Store Protocol service (default: the endpoint).")(f)
        f = click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(min=0.1),
                         help="Seconds to wait for the store's answer to each request.")(f)
        f = click.option("--auth", type=click.Choice(["auto", "basic", "digest"]), default="auto", show_default=True,
                         help="HTTP authentication scheme (auto: the one the store asks for).")(f)
        f = click.option("--password", metavar="PASSWORD", envvar="KG_ENDPOINT_PASSWORD", show_envvar=True,
                         help="Password for --user (better from the environment: it is never printed).")(f)
        f = click.option("--user", metavar="NAME", envvar="KG_ENDPOINT_USER", show_envvar=True,
                         help="User name for the store (HTTP basic or digest).")(f)
        return click.option("--endpoint", metavar="URL", required=required,
                            help="A SPARQL 1.1 store's query service (SPARQL Protocol), e.g. "
                                 "http://127.0.0.1:7878/query.")(f)
    return decorate


def _endpoint(endpoint, user, password, auth, timeout, graph_store=None, update_url=None):
    from kg.remote import Endpoint

    return Endpoint.of(endpoint, graph_store=graph_store, update=update_url, user=user, password=password,
                       auth=auth, timeout=timeout)


def _project(home, build_dir):
    from kg.project import locate

    return locate(home, build_dir)


def _reporter(quiet: bool = False):
    from kg.progress import Reporter

    return Reporter(stream=click.get_text_stream("stderr"), quiet=quiet)


def _out(data: bytes | str) -> None:
    stream = click.get_binary_stream("stdout")
    stream.write(data.encode() if isinstance(data, str) else data)
    stream.flush()


class KgGroup(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as exc:
            click.echo(f"kg: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:  # pragma: no cover - `kg … | head`
            ctx.exit(0)
        except (KeyboardInterrupt, click.exceptions.Abort):
            click.echo("kg: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except (click.exceptions.Exit, click.ClickException):
            raise
        except Exception as exc:  # a bug: still one line, unless KG_DEBUG is set
            if os.environ.get("KG_DEBUG"):
                raise
            click.echo(f"kg: internal error: {type(exc).__name__}: {' '.join(str(exc).split())} "
                       "(set KG_DEBUG=1 for the traceback)", err=True)
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="kg")
def main():
    """Knowledge graph of international science-and-technology cooperation parks."""


# -------------------------------------------------------------------- info
@main.command()
@project_options
@format_option(("text", "json"), "text")
def info(home, build_dir, fmt):
    """The working copy in use and how it was found, its build folder, the build's state, the engines."""
    from kg.info import info as gather
    from kg.info import render

    _out(render(gather(_project(home, build_dir)), fmt))


# ------------------------------------------------------------------- build
@main.command()
@project_options
@click.option("--force", is_flag=True, help="Rebuild even when the inputs have not changed.")
@quiet_option
@click.option("--allow-invalid", is_flag=True,
              help="Publish the build for queries even when it does not conform (to look at a broken build).")
@click.option("--reference", is_flag=True,
              help="Reason with owlrl and validate with pyshacl, the reference engines (slow; same answer).")
def build(home, build_dir, force, quiet, allow_invalid, reference):
    """Load, reason (OWL RL), validate (SHACL and checks) and write the build.

    Exit 1 when the build does not conform: it is kept for kg validate, and
    queries go on answering from the last conforming build."""
    from kg.build import build as do_build

    project = _project(home, build_dir)
    engines = {"reasoner": "owlrl", "validator": "pyshacl"} if reference else {}
    reporter = _reporter(quiet)
    built = do_build(project, force=force, reporter=reporter, allow_invalid=allow_invalid, **engines)
    c = built.manifest["counts"]
    state = "built" if built.rebuilt else "up to date"
    conform = "conforms" if built.conforms else (
        f"does not conform ({built.manifest['issues']['Violation']} violations; see kg validate)"
        + ("; published anyway" if allow_invalid else "; queries answer from the last conforming build"))
    click.echo(
        f"{state}: {c['asserted_statements']} statements in {c['source_graphs']} source graphs and the ontology "
        f"({c['asserted_triples']} distinct triples), {c['inferred_triples']} triples inferred, "
        f"{c['closure_triples']} in the closure; {conform}"
    )
    if built.rebuilt:
        reporter.note(f"build in {built.path}")
    if not built.conforms:
        sys.exit(EXIT_NEGATIVE)


# ------------------------------------------------------------------ reason
@main.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--all", "everything", is_flag=True, help="Print the whole closure (the input too), not only "
                                                        "what reasoning adds.")
@click.option("--engine", type=click.Choice(["kg", "reference"]), default="kg", show_default=True,
              help="kg: kg's rules engine, owlrl where it declines; reference: owlrl (same answer, slower).")
@format_option(("turtle", "nt", "jsonld", "rdfxml"), "turtle")
@quiet_option
def reason(files, everything, engine, fmt, quiet):
    """Print the OWL 2 RL closure of any RDF files (not the working copy): the inferred triples, cleaned
    as the build cleans them (docs/ENGINES.md).

    Each FILE is read by its extension (.ttl, .nt, .nq, .trig, .jsonld, .rdf/.owl) with its own file URI
    as base IRI. An inconsistent input still prints its closure, lists each inconsistency on stderr
    ("kg: inconsistent: [rule] focus: message") and exits 1; unreadable input exits 2."""
    from kg.formats import serialize_triples
    from kg.reason import reason_files

    reasoned = reason_files(list(files), "rules" if engine == "kg" else "owlrl")
    inference = reasoned.inference
    if inference.note:
        _reporter(quiet).note(inference.note)
    _out(serialize_triples(reasoned.triples(everything), fmt))
    for problem in inference.inconsistencies:
        click.echo(f"kg: inconsistent: {problem}", err=True)
    if inference.inconsistencies:
        sys.exit(EXIT_NEGATIVE)


# ---------------------------------------------------------------- validate
@main.command()
@project_options
@format_option(("text", "turtle", "json"), "text")
@quiet_option
@endpoint_options()
def validate(home, build_dir, fmt, quiet, endpoint, user, password, auth, timeout):
    """SHACL report grouped by focus node, plus the saved checks; exit 1 when the data does not conform.

    With --endpoint, the saved checks run on that store instead (the SHACL
    shapes run at build time, on kg's own store)."""
    from kg.builds import ensure_built

    if endpoint:
        from kg.remote import validate_remote

        report = validate_remote(_project(home, build_dir), _endpoint(endpoint, user, password, auth, timeout))
    else:
        report = ensure_built(_project(home, build_dir), reporter=_reporter(quiet)).report()
    _out(report.render(fmt))
    sys.exit(0 if report.conforms else EXIT_NEGATIVE)


# ----------------------------------------------------------- new-source
@main.command("new-source")
@click.argument("file", metavar="FILE")
@click.option("--title", required=True, help="The article's title (its headline, else see --title-status).")
@click.option("--publisher", required=True, help="The publisher's name, or the CURIE/IRI of an organisation of the graph.")
@click.option("--date", "date_", metavar="DATE", help="The publication date the article states: YYYY-MM-DD, YYYY-MM or YYYY.")
@click.option("--estimated-date", metavar="DATE", help="For an undated article: the earliest plausible date (with --reason).")
@click.option("--reason", metavar="TEXT", help="Why the estimated date was chosen.")
@click.option("--author", help="The author's name, or the CURIE/IRI of a person of the graph.")
@click.option("--title-status", type=click.Choice(["stated", "from-text", "supplied"]), default="stated", show_default=True,
              help="Where the title comes from: the headline, a line of the text, or the curators.")
@click.option("--language", default="en", show_default=True, help="The language tag of the title.")
@click.option("--slug", help="Words for the source's IRI (default: from the title).")
@click.option("--number", type=click.IntRange(min=0), help="The source's number (default: the next free one).")
@project_options
def new_source(file, title, publisher, date_, estimated_date, reason, author, title_status, language, slug, number,
               home, build_dir):
    """Write the data file of a new source: data/NNN-slug.trig with the article's named graph (title,
    publisher, author, date) and its catalogue entry, ready for the article's facts (docs/CURATING.md).

    FILE is the article's file name in the sources folder. Prints the path written; never replaces a file."""
    from kg.curate import NewSource, new_source as write

    path = write(_project(home, build_dir),
                 NewSource(file=file, title=title, publisher=publisher, date=date_, estimated_date=estimated_date,
                           estimate_reason=reason, author=author, title_status=title_status, language=language,
                           slug=slug), number)
    click.echo(path)


# --------------------------------------------------------------- profile
@main.command()
@click.argument("properties", nargs=-1, metavar="[PROPERTY]...")
@click.option("--shapes", is_flag=True, help="Print the SHACL shapes compiled from the profiles (Turtle) instead.")
@format_option(("text", "json"), "text")
@project_options
def profile(properties, shapes, fmt, home, build_dir):
    """The constraint profile of each PROPERTY (CURIE or IRI; all when none is given): what its subjects and
    values may be, how many, bounds, companions, dates (ontology/profiles.ttl, docs/CURATING.md)."""
    import json

    from kg import profile as kp

    project = _project(home, build_dir)
    ontology = kp.ontology_of(project)
    found = kp.properties(ontology)
    wanted = [kp.resolve(found, p) for p in properties] if properties else sorted(found)
    if shapes:
        _out(kp.shapes_turtle(ontology, wanted if properties else None))
        return
    rows = {found[p].curie: kp.summary(found[p]) for p in wanted}
    if fmt == "json":
        _out(json.dumps({p: [{"part": a, "says": b} for a, b in r] for p, r in rows.items()}, indent=1,
                        ensure_ascii=False) + "\n")
        return
    lines = []
    for p, r in rows.items():
        lines.append(f"{p} ({found[kp.resolve(found, p)].label})")
        lines += [f"  {part:<10} {says}" for part, says in r]
    _out("\n".join(lines) + "\n")


# ------------------------------------------------------------------- shacl
@main.command()
@click.option("--data", "-d", "data", multiple=True, metavar="FILE", help="A data graph file (repeatable: their union).")
@click.option("--shapes", "-s", "shapes", multiple=True, metavar="FILE",
              help="A shapes graph file (repeatable: their union).")
@click.option("--engine", type=click.Choice(["kg", "reference"]), default="kg", show_default=True,
              help="kg: kg.shacl, pyshacl where the shapes need more than SHACL Core and SHACL-SPARQL; "
                   "reference: pyshacl.")
@format_option(("turtle", "jsonld", "json"), "turtle")
@quiet_option
def shacl(data, shapes, engine, fmt, quiet):
    """Validate any RDF files (not the working copy) against SHACL shapes and print the standard
    sh:ValidationReport; exit 0 when the data conforms, 1 when it does not.

    Each FILE is read by its extension (.ttl, .nt, .nq, .trig, .jsonld, .rdf/.owl) with its own file URI
    as base IRI; graph names are ignored.  Shapes that kg.shacl leaves to pyshacl are validated by
    pyshacl, and stderr says so in one line."""
    from kg.shacl import validate_files

    report = validate_files(list(data), list(shapes), engine)
    if report.note:
        _reporter(quiet).note(report.note)
    _out(report.serialize(fmt))
    sys.exit(0 if report.conforms else EXIT_NEGATIVE)


# ------------------------------------------------------------------- query
def _complete_query_names(ctx, param, incomplete):
    try:
        from kg.catalogue import Catalogue

        p = ctx.params
        cat = Catalogue.of(_project(p.get("home"), p.get("build_dir")))
        return [n for n in cat.names() if n.startswith(incomplete)]
    except Exception:  # completion never fails loudly
        return []


QUERY_FORMATS = ("table", "csv", "tsv", "json", "xml", "md", "turtle", "nt", "jsonld", "rdfxml")


@main.command()
@click.argument("name_or_file", required=False, shell_complete=_complete_query_names)
@click.option("-e", "--expression", "text", metavar="SPARQL", help="Run this SPARQL text instead (- reads stdin).")
@param_option
@format_option(QUERY_FORMATS, None, "SELECT and ASK: table (default), csv, tsv, json, xml, md; "
                                    "CONSTRUCT and DESCRIBE: turtle (default), nt, jsonld, rdfxml")
@click.option("--asserted", is_flag=True, help="Without the inferred triples.")
@no_build_option
@project_options
@endpoint_options()
def query(name_or_file, text, params, fmt, asserted, no_build, home, build_dir, endpoint, user, password, auth,
          timeout):
    """Run a saved query (by NAME), a .rq FILE, - (the query on stdin), or inline SPARQL (-e).

    The build answers (built first when the inputs changed, unless
    --no-build).  ASK prints true or false and exits 0 for true, 1 for false.
    The built store is read-only: SPARQL Update is refused.

    With --endpoint a SPARQL 1.1 store answers instead (SPARQL Protocol,
    POST), with the parameters bound in the query it is sent; the store's
    default graph must be the union of its graphs (docs/STORES.md)."""
    from kg.params import parse_assignments
    from kg.query import resolve, run
    from kg.results import check_format, render

    project = _project(home, build_dir)
    stdin = click.get_text_stream("stdin")
    q = resolve(project, name_or_file, text, stdin=stdin)
    fmt = check_format(q.text, fmt)  # before building: a format that cannot fit is a usage error at once
    store = None
    if endpoint:
        from kg.remote import RemoteStore

        store = RemoteStore(_endpoint(endpoint, user, password, auth, timeout))
    result = run(project, q, parse_assignments(params), asserted_only=asserted, build_if_stale=not no_build,
                 reporter=_reporter(), store=store)
    if store is not None and result.kind == "select" and not result.rows:
        problem = store.union_problem()  # an empty answer may only mean the store sees no data
        if problem:
            _reporter().note(f"warning: {problem}")
    _out(render(result, fmt))
    if result.kind == "ask" and not result.boolean:
        sys.exit(EXIT_NEGATIVE)


@main.command()
@click.argument("name", required=False, shell_complete=_complete_query_names)
@format_option(("table", "json", "md"), "table")
@click.option("--check", "check_syntax", is_flag=True,
              help="Parse every saved query and check; exit 2 naming FILE:LINE:COL of the first broken one.")
@project_options
def queries(name, fmt, check_syntax, home, build_dir):
    """The catalogue of saved queries; with NAME, one query with its text."""
    from kg.query import catalogue_listing, check_catalogue, show_query

    project = _project(home, build_dir)
    if check_syntax:
        click.echo(check_catalogue(project))
        return
    _out(show_query(project, name, fmt) if name else catalogue_listing(project, fmt))


# ------------------------------------------------------------------ export
@main.command()
@project_options
@click.option("--out", "-o", "out_dir", type=click.Path(file_okay=False), default="dist", show_default=True,
              help="Folder to write the dumps to.")
@click.option("--gzip", "gz", is_flag=True, help="Gzip the dumps (deterministically).")
@click.option("--only", multiple=True, type=click.Choice(["ttl", "nt", "trig", "nq", "jsonld", "rdf"]),
              help="Only these dumps (repeatable; default all); other dumps in the folder are removed.")
@no_build_option
def export(home, build_dir, out_dir, gz, only, no_build):
    """Deterministic dumps (Turtle, N-Triples, TriG, N-Quads, JSON-LD, RDF/XML), VoID/DCAT and SHA256SUMS."""
    from kg.export import export as do_export

    project = _project(home, build_dir)
    written = do_export(project, out_dir, gzip=gz, only=only or None, build_if_stale=not no_build, reporter=_reporter())
    for path, size in written:
        click.echo(f"{size:>10}  {path}")


# -------------------------------------------------------------------- docs
@main.command()
@project_options
@click.option("--out", "-o", "out_dir", type=click.Path(file_okay=False), default="site", show_default=True,
              help="Folder to write the site to: new, empty, or one kg docs wrote (replaced whole).")
@no_build_option
@quiet_option
def docs(home, build_dir, out_dir, no_build, quiet):
    """A static, offline documentation site: the ontology reference, diagrams, the dataset, the saved
    queries with example results, the discrepancies, a page per entity (open OUT/index.html)."""
    from kg.docs import generate

    written = generate(_project(home, build_dir), out_dir, build_if_stale=not no_build, reporter=_reporter(quiet))
    pages = sum(1 for path, _ in written if path.endswith(".html"))
    svgs = sum(1 for path, _ in written if path.endswith(".svg"))
    click.echo(f"wrote {pages} pages and {svgs} diagrams ({_size(sum(size for _, size in written))}) and the "
               f"dumps to {out_dir}; open {os.path.join(out_dir, 'index.html')}")


# ------------------------------------------------------------------- stats
@main.command()
@project_options
@format_option(("table", "md", "csv", "json"), "table")
@no_build_option
def stats(home, build_dir, fmt, no_build):
    """Counts of distinct triples per class and per property, asserted and inferred."""
    from kg.stats import render
    from kg.stats import stats as compute

    _out(render(compute(_project(home, build_dir), build_if_stale=not no_build, reporter=_reporter()), fmt))


# ---------------------------------------------------------------- describe
@main.command()
@click.argument("term")
@project_options
@format_option(("text", "json", "turtle"), "text")
@no_build_option
def describe(term, home, build_dir, fmt, no_build):
    """Everything about one entity, found by IRI, CURIE or label, with its sources."""
    from kg.describe import describe as do_describe
    from kg.describe import render

    project = _project(home, build_dir)
    _out(render(do_describe(project, term, build_if_stale=not no_build, reporter=_reporter()), fmt))


# ------------------------------------------------------------------- clean
@main.command()
@project_options
@click.option("--all", "everything", is_flag=True,
              help="Also every build kg keeps in the user cache (for the bundled copy and read-only working copies).")
def clean(home, build_dir, everything):
    """Remove the build folder of the working copy (and with --all the user cache); says how much was freed."""
    from kg.builds import clean as do_clean

    removed = do_clean(_project(home, build_dir), everything=everything)
    for path, size in removed:
        click.echo(f"removed {path} ({_size(size)})")
    click.echo(f"freed {_size(sum(size for _, size in removed))}" if removed else "nothing to remove")


def _size(n: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"  # pragma: no cover


# -------------------------------------------------------------------- load
@main.command()
@endpoint_options(required=True, writes=True)
@click.option("--asserted", is_flag=True, help="Leave the inferred graph out (and delete one an earlier load left).")
@click.option("--patch", type=click.Path(dir_okay=False, exists=True), metavar="FILE",
              help="Apply this SPARQL Update (kg diff writes patch.ru) to the store instead of loading the build.")
@no_build_option
@quiet_option
@project_options
def load(endpoint, user, password, auth, timeout, graph_store, update_url, asserted, patch, no_build, quiet, home,
         build_dir):
    """Send the build to a SPARQL 1.1 store: each named graph (the ontology, every source, the inferred
    graph) replaces the store's graph of that name (Graph Store Protocol PUT), so loading twice changes
    nothing; then the store's triple counts are checked against what was sent.

    Which URLs each store needs, and its union-default-graph setting: docs/STORES.md."""
    from kg.remote import apply_patch
    from kg.remote import load as do_load

    target = _endpoint(endpoint, user, password, auth, timeout, graph_store, update_url)
    if patch:
        from pathlib import Path

        apply_patch(target, Path(patch).read_text(encoding="utf-8"), name=patch)
        click.echo(f"applied {patch} to {target.update_url}")
        return
    from kg.builds import serving_build

    reporter = _reporter(quiet)
    built = serving_build(_project(home, build_dir), build_if_stale=not no_build, reporter=reporter)
    loaded = do_load(built, target, asserted_only=asserted, reporter=reporter)
    click.echo(f"loaded {len(loaded)} graphs, {sum(g.triples for g in loaded)} triples, into "
               f"{target.graph_store_url} (checked: the store holds exactly these)")


# -------------------------------------------------------------------- diff
@main.command()
@click.argument("old", type=click.Path(exists=True))
@click.argument("new", type=click.Path(exists=True))
@click.option("--out", "-o", "out_dir", type=click.Path(file_okay=False),
              help="Write removed.nq, added.nq and patch.ru (a SPARQL Update for kg load --patch) to this folder.")
@format_option(("text", "json"), "text", "the summary")
def diff(old, new, out_dir, fmt):
    """What changed from OLD to NEW, per named graph and per class: each is a build folder (or a build
    directory, for its current build) or an N-Quads / TriG dump.

    Exit 0 when they hold the same statements, 1 when they differ (as diff does)."""
    from kg.diff import diff as compute
    from kg.diff import summary, write_patches

    d = compute(old, new)
    _out(summary(d, fmt))
    if out_dir:
        for path, size in write_patches(d, out_dir):
            click.echo(f"{size:>10}  {path}", err=True)
    if d.changes:
        sys.exit(EXIT_NEGATIVE)


# ------------------------------------------------------------------- serve
@main.command()
@project_options
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", "-P", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--base-url", default=None,
              help="The public address clients use (sd:endpoint, the base of relative IRIs); never taken from the "
                   "Host header. Default: http://HOST:PORT.")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may run; then its worker is killed and the client gets 504.")
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(min=1),
              help="Rows (SELECT) or triples (CONSTRUCT/DESCRIBE) per answer; more are cut.")
@click.option("--max-bytes", default=16 * 1024 * 1024, show_default=True, type=click.IntRange(min=65536),
              help="Bytes per answer; more are cut at a row or triple.")
@click.option("--max-body", default=1_048_576, show_default=True, type=click.IntRange(min=1024),
              help="Largest request body or URL query string, in bytes.")
@click.option("--max-depth", default=64, show_default=True, type=click.IntRange(min=1),
              help="Deepest nesting of ( { [ in a query (400 beyond, before any engine sees it).")
@click.option("--max-operators", default=8192, show_default=True, type=click.IntRange(min=1),
              help="Most operators in a query (400 beyond, before any engine sees it).")
@click.option("--workers", default=0, show_default=True, type=click.IntRange(min=0),
              help="Query worker processes (0: one per CPU plus one, at least 3).")
@click.option("--long-workers", default=0, show_default=True, type=click.IntRange(min=0),
              help="Workers long queries may hold at once; the rest stay for cheap ones (0: a third, at least 1).")
@click.option("--long-after", "long_after", default=0.25, show_default=True, type=click.FloatRange(min=0.01),
              help="CPU seconds after which a running query counts as long.")
@click.option("--client-limit", default=4, show_default=True, type=click.IntRange(min=1),
              help="Requests one client may have running or waiting at once (429 beyond).")
@click.option("--queue", default=64, show_default=True, type=click.IntRange(min=1),
              help="Requests that may wait for a worker in all (503 beyond).")
@click.option("--memory-limit", default=2048, show_default=True, type=click.IntRange(min=0),
              help="MiB of address space per query worker (0: no limit).")
@click.option("--header-timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a client has to send a whole request head.")
@click.option("--body-timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a client has to send a whole request body.")
@click.option("--send-timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a client may leave an answer unread before it is disconnected.")
@click.option("--idle-timeout", default=5.0, show_default=True, type=click.FloatRange(min=1),
              help="Seconds a kept-alive connection may stay idle.")
@click.option("--max-connections", default=0, show_default=True, type=click.IntRange(min=0),
              help="Open connections; past it the longest-waiting idle one is closed (0: from the open-file limit).")
@click.option("--trusted-proxies", default="127.0.0.1,::1", show_default=True,
              help="Addresses whose X-Forwarded-For names the client (for per-client limits), comma-separated.")
def serve(home, build_dir, host, port, **limits):
    """Serve the built graph: SPARQL 1.1 endpoint at /sparql, linked-data pages, a query page (read-only)."""
    from kg.serve import serve as do_serve

    do_serve(_project(home, build_dir), host, port, **limits)


if __name__ == "__main__":  # pragma: no cover
    main()
