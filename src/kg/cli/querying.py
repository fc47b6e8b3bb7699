"""The commands that query the build: saved and ad-hoc queries, the catalogue, counts, one entity."""

from __future__ import annotations

import sys

import click

from kg.cli.app import (EXIT_NEGATIVE, endpoint_of, endpoint_options, format_option, main, no_build_option,
                        param_option, progress, project_options, terminal_width, working_copy, write_out)


# ------------------------------------------------------------------- query
def _complete_query_names(ctx, param, incomplete):
    try:
        from kg.catalogue import Catalogue

        p = ctx.params
        cat = Catalogue.of(working_copy(p.get("home"), p.get("build_dir")))
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
@click.option("--terms", is_flag=True, help="table and md: literals as terms, with their language tag or datatype "
                                            "(\"12\"^^xsd:integer), not their value alone.")
@no_build_option
@project_options
@endpoint_options()
def query(name_or_file, text, params, fmt, asserted, terms, no_build, home, build_dir, endpoint, user, password,
          auth, timeout):
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

    project = working_copy(home, build_dir)
    q = resolve(project, name_or_file, text, stdin=sys.stdin)
    fmt = check_format(q.text, fmt)  # before building: a format that cannot fit is a usage error at once
    store = None
    if endpoint:
        from kg.remote import RemoteStore

        store = RemoteStore(endpoint_of(endpoint, user, password, auth, timeout))
    result = run(project, q, parse_assignments(params), asserted_only=asserted, build_if_stale=not no_build,
                 reporter=progress(), store=store)
    if store is not None and result.kind == "select" and not result.rows:
        problem = store.union_problem()  # an empty answer may only mean the store sees no data
        if problem:
            progress().note(f"warning: {problem}")
    write_out(render(result, fmt, width=terminal_width(), terms=terms))
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

    project = working_copy(home, build_dir)
    if check_syntax:
        click.echo(check_catalogue(project))
        return
    write_out(show_query(project, name, fmt) if name else catalogue_listing(project, fmt))


# ------------------------------------------------------------------- stats
@main.command()
@project_options
@format_option(("table", "md", "csv", "json"), "table")
@no_build_option
def stats(home, build_dir, fmt, no_build):
    """Counts of distinct triples per class and per property, asserted and inferred."""
    from kg.stats import render
    from kg.stats import stats as compute

    write_out(render(compute(working_copy(home, build_dir), build_if_stale=not no_build, reporter=progress()), fmt))


# ------------------------------------------------------------------ search
@main.command()
@click.argument("text")
@project_options
@format_option(("table", "md", "csv", "tsv", "json"), "table")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1), help="Most entities to list.")
@no_build_option
def search(text, home, build_dir, fmt, limit, no_build):
    """Entities by any of their names (labels, alternative and hidden labels) or Wikidata QIDs, best first:
    their IRIs, classes and the sources that give the name. Case, accents and punctuation are ignored."""
    from kg.answering import open_store
    from kg.search import render
    from kg.search import search as find

    store = open_store(working_copy(home, build_dir), build_if_stale=not no_build, reporter=progress())
    write_out(render(find(store, text, limit=limit), fmt))


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

    project = working_copy(home, build_dir)
    write_out(render(do_describe(project, term, build_if_stale=not no_build, reporter=progress()), fmt))
