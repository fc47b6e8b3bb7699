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


# ---------------------------------------------------------------- validate
@main.command()
@project_options
@format_option(("text", "turtle", "json"), "text")
@quiet_option
def validate(home, build_dir, fmt, quiet):
    """SHACL report grouped by focus node, plus the saved checks; exit 1 when the data does not conform."""
    from kg.build import ensure_built

    built = ensure_built(_project(home, build_dir), reporter=_reporter(quiet))
    report = built.report()
    _out(report.render(fmt))
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
def query(name_or_file, text, params, fmt, asserted, no_build, home, build_dir):
    """Run a saved query (by NAME), a .rq FILE, - (the query on stdin), or inline SPARQL (-e).

    The build answers (built first when the inputs changed, unless
    --no-build).  ASK prints true or false and exits 0 for true, 1 for false.
    The built store is read-only: SPARQL Update is refused."""
    from kg.params import parse_assignments
    from kg.query import resolve, run
    from kg.results import check_format, render

    project = _project(home, build_dir)
    stdin = click.get_text_stream("stdin")
    q = resolve(project, name_or_file, text, stdin=stdin)
    fmt = check_format(q.text, fmt)  # before building: a format that cannot fit is a usage error at once
    result = run(project, q, parse_assignments(params), asserted_only=asserted, build=not no_build,
                 reporter=_reporter())
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
    written = do_export(project, out_dir, gzip=gz, only=only or None, build=not no_build, reporter=_reporter())
    for path, size in written:
        click.echo(f"{size:>10}  {path}")


# ------------------------------------------------------------------- stats
@main.command()
@project_options
@format_option(("table", "md", "csv", "json"), "table")
@no_build_option
def stats(home, build_dir, fmt, no_build):
    """Counts of distinct triples per class and per property, asserted and inferred."""
    from kg.stats import render
    from kg.stats import stats as compute

    _out(render(compute(_project(home, build_dir), build=not no_build, reporter=_reporter()), fmt))


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
    _out(render(do_describe(project, term, build=not no_build, reporter=_reporter()), fmt))


# ------------------------------------------------------------------- clean
@main.command()
@project_options
@click.option("--all", "everything", is_flag=True,
              help="Also every build kg keeps in the user cache (for the bundled copy and read-only working copies).")
def clean(home, build_dir, everything):
    """Remove the build folder of the working copy (and with --all the user cache); says how much was freed."""
    from kg.build import clean as do_clean

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


# ------------------------------------------------------------------- serve
@main.command()
@project_options
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", "-P", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may run; then its worker is killed and the client gets 504.")
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(min=1),
              help="Rows (SELECT) or triples (CONSTRUCT/DESCRIBE) per answer; more are cut.")
@click.option("--max-body", default=1_048_576, show_default=True, type=click.IntRange(min=1024),
              help="Largest request body or URL query string, in bytes.")
@click.option("--workers", default=0, show_default=True, type=click.IntRange(min=0),
              help="Query worker processes (0: one per CPU plus one, at least 3).")
@click.option("--memory-limit", default=2048, show_default=True, type=click.IntRange(min=0),
              help="MiB of address space per query worker (0: no limit).")
def serve(home, build_dir, host, port, timeout, max_rows, max_body, workers, memory_limit):
    """Serve the built graph: SPARQL 1.1 endpoint at /sparql, linked-data pages, a query page (read-only)."""
    from kg.serve import serve as do_serve

    do_serve(_project(home, build_dir), host, port, timeout=timeout, max_rows=max_rows, max_body=max_body,
             workers=workers, memory_limit=memory_limit)


if __name__ == "__main__":  # pragma: no cover
    main()
