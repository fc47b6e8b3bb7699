"""The ``kg`` command line: a thin click layer over the library.

Every command calls one library function; library errors (``KgError``)
become ``kg: error: <one line>`` on stderr and exit 1 (2 for usage).
Heavy modules are imported inside the commands, so ``kg query`` on a fresh
build never imports rdflib, owlrl or pyshacl.
"""

from __future__ import annotations

import os
import sys

import click

from kg import __version__
from kg.errors import KgError

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
        help="The working copy to use (env KG_HOME; default: this checkout, or the copy bundled with kg).",
    )(f)
    return f


def format_option(choices, default):
    return click.option(
        "--format", "-f", "fmt", type=click.Choice(list(choices)), default=default, show_default=True,
        help="Output format.",
    )


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
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception as exc:  # a bug: still one line, unless KG_DEBUG is set
            if os.environ.get("KG_DEBUG"):
                raise
            click.echo(f"kg: internal error: {type(exc).__name__}: {' '.join(str(exc).split())} "
                       "(set KG_DEBUG=1 for the traceback)", err=True)
            ctx.exit(1)


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main():
    """Knowledge graph of international science-and-technology cooperation parks."""


# ------------------------------------------------------------------- build
@main.command()
@project_options
@click.option("--force", is_flag=True, help="Rebuild even when the inputs have not changed.")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
@click.option("--allow-invalid", is_flag=True,
              help="Publish the build for queries even when it does not conform (to look at a broken build).")
@click.option("--reference", is_flag=True,
              help="Reason with owlrl and validate with pyshacl, the reference engines (slow; same answer).")
def build(home, build_dir, force, quiet, allow_invalid, reference):
    """Load, reason (OWL RL), validate (SHACL) and write the build artifacts.

    Exit 1 when the build does not conform: it is kept for kg validate, and
    queries go on answering from the last conforming build."""
    from kg.build import build as do_build

    project = _project(home, build_dir)
    engines = {"reasoner": "owlrl", "validator": "pyshacl"} if reference else {}
    built = do_build(project, force=force, reporter=_reporter(quiet), allow_invalid=allow_invalid, **engines)
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
    if built.rebuilt and not quiet:
        t = built.manifest["timings"]
        _reporter().note("timings: " + ", ".join(f"{k} {v:.2f} s" for k, v in t.items()) + f"; artifacts in {built.path}")
    if not built.conforms:
        sys.exit(1)


# ---------------------------------------------------------------- validate
@main.command()
@project_options
@format_option(("text", "turtle", "json"), "text")
def validate(home, build_dir, fmt):
    """SHACL report grouped by focus node, plus the saved checks; exit 1 when the data does not conform."""
    from kg.build import ensure_built

    project = _project(home, build_dir)
    built = ensure_built(project, reporter=_reporter())
    report = built.report()
    _out(report.render(fmt))
    sys.exit(0 if report.conforms else 1)


# ------------------------------------------------------------------- query
def _complete_query_names(ctx, param, incomplete):
    try:
        from kg.catalogue import Catalogue

        p = ctx.params
        cat = Catalogue.of(_project(p.get("home"), p.get("build_dir")))
        return [n for n in cat.names() if n.startswith(incomplete)]
    except Exception:  # completion never fails loudly
        return []


@main.command()
@click.argument("name_or_file", required=False, shell_complete=_complete_query_names)
@click.option("-e", "--expression", "text", metavar="SPARQL", help="Run this SPARQL text instead.")
@param_option
@format_option(("table", "csv", "tsv", "json", "xml", "md", "turtle", "nt", "jsonld", "rdfxml"), "table")
@click.option("--asserted", is_flag=True, help="Without the inferred triples.")
@click.option("--no-build", is_flag=True, help="Answer from the current build even when the inputs changed since.")
@project_options
def query(name_or_file, text, params, fmt, asserted, no_build, home, build_dir):
    """Run a saved query (by NAME), a .rq FILE, or inline SPARQL (-e) on the built graph.

    SELECT: table, csv, tsv, json, xml (the W3C formats) or md.  CONSTRUCT and
    DESCRIBE: Turtle (or nt, jsonld, rdfxml).  ASK prints true/false and
    exits 0 for true, 1 for false."""
    from kg.params import parse_assignments
    from kg.query import resolve, run

    project = _project(home, build_dir)
    q = resolve(project, name_or_file, text)
    result = run(project, q, parse_assignments(params), asserted_only=asserted, build=not no_build,
                 reporter=_reporter())
    from kg.results import render

    _out(render(result, fmt))
    if result.kind == "ask":
        sys.exit(0 if result.boolean else 1)


@main.command()
@click.argument("name", required=False, shell_complete=_complete_query_names)
@format_option(("table", "json", "md"), "table")
@project_options
def queries(name, fmt, home, build_dir):
    """The catalogue of saved queries; with NAME, one query with its text."""
    from kg.query import catalogue_listing, show_query

    project = _project(home, build_dir)
    _out(show_query(project, name, fmt) if name else catalogue_listing(project, fmt))


# ------------------------------------------------------------------ export
@main.command()
@project_options
@click.option("--out", "-o", "out_dir", type=click.Path(file_okay=False), default="dist", show_default=True,
              help="Folder to write the dumps to.")
@click.option("--gzip", "gz", is_flag=True, help="Gzip the dumps (deterministically).")
@click.option("--only", multiple=True, type=click.Choice(["ttl", "nt", "trig", "nq", "jsonld", "rdf"]),
              help="Only these dumps (repeatable; default all).")
def export(home, build_dir, out_dir, gz, only):
    """Deterministic dumps (Turtle, N-Triples, TriG, N-Quads, JSON-LD, RDF/XML), VoID/DCAT and SHA256SUMS."""
    from kg.export import export as do_export

    project = _project(home, build_dir)
    written = do_export(project, out_dir, gzip=gz, only=only or None, reporter=_reporter())
    for path, size in written:
        click.echo(f"{size:>10}  {path}")


# ------------------------------------------------------------------- stats
@main.command()
@project_options
@format_option(("table", "md", "csv", "json"), "table")
def stats(home, build_dir, fmt):
    """Counts per class and per property, asserted and inferred."""
    from kg.stats import render
    from kg.stats import stats as compute

    project = _project(home, build_dir)
    _out(render(compute(project, reporter=_reporter()), fmt))


# ---------------------------------------------------------------- describe
@main.command()
@click.argument("term")
@project_options
@format_option(("text", "json", "turtle"), "text")
def describe(term, home, build_dir, fmt):
    """Everything about one entity, found by IRI, CURIE or label, with its sources."""
    from kg.describe import describe as do_describe
    from kg.describe import render

    project = _project(home, build_dir)
    _out(render(do_describe(project, term, reporter=_reporter()), fmt))


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
