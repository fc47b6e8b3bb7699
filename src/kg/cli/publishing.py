"""The commands that publish the build: dumps, the documentation site, a store, a diff, the server."""

from __future__ import annotations

import os
import sys

import click

from kg.cli.app import (EXIT_NEGATIVE, endpoint_of, endpoint_options, format_option, main, no_build_option, progress,
                        project_options, quiet_option, size_text, working_copy, write_out)


# ------------------------------------------------------------------ export
@main.command()
@project_options
@click.option("--out", "-o", "out_dir", type=click.Path(), default=None,
              help="Folder to write the dumps to (default: dist/ in the build folder, whatever the current folder).")
@click.option("--gzip", "gz", is_flag=True, help="Gzip the dumps (deterministically).")
@click.option("--only", multiple=True, type=click.Choice(["ttl", "nt", "trig", "nq", "jsonld", "rdf"]),
              help="Only these dumps (repeatable; default all); other dumps in the folder are removed.")
@no_build_option
def export(home, build_dir, out_dir, gz, only, no_build):
    """Deterministic dumps (Turtle, N-Triples, TriG, N-Quads, JSON-LD, RDF/XML), VoID/DCAT and SHA256SUMS."""
    from kg.export import export as do_export

    project = working_copy(home, build_dir)
    written = do_export(project, out_dir, gzip=gz, only=only or None, build_if_stale=not no_build, reporter=progress())
    for path, size in written:
        click.echo(f"{size:>10}  {path}")


# ----------------------------------------------------------------- release
@main.command()
@click.argument("version")
@project_options
@click.option("--out", "-o", "out_dir", type=click.Path(), default=None,
              help="Folder of the releases; the release goes into OUT/VERSION (default: releases/ in the working "
                   "copy; in the build folder when the working copy cannot be written).")
@click.option("--previous", "previous_dir", type=click.Path(), metavar="DIR",
              help="The release to list the changes since (default: the highest version below VERSION in OUT).")
@click.option("--date", metavar="YYYY-MM-DD",
              help="The release date, dct:issued/dct:modified (default: SOURCE_DATE_EPOCH, else the date of the "
                   "working copy's latest git commit; never the clock).")
@click.option("--publisher", metavar="IRI|NAME",
              help="Who publishes the dataset (default: the data's dct:publisher, else the ontology's creator).")
@click.option("--sparql-endpoint", "endpoint", metavar="URL",
              help="The public SPARQL endpoint serving the dataset (void:sparqlEndpoint).")
@click.option("--replace", is_flag=True, help="Write a release that exists again (it is replaced whole).")
@quiet_option
def release(version, home, build_dir, out_dir, previous_dir, date, publisher, endpoint, replace, quiet):
    """A release: the dumps gzip'd under versioned names, their VoID/DCAT description, the changes since
    the previous release (Markdown and a SPARQL Update patch) and SHA256SUMS, in OUT/VERSION.  The
    same inputs, version and date give the same bytes.  Builds first when the inputs changed; the build
    must conform."""
    from kg.release import release as do_release

    r = do_release(working_copy(home, build_dir), version, out_dir, previous_dir=previous_dir, date=date,
                   publisher=publisher, endpoint=endpoint, replace=replace, reporter=progress(quiet))
    for path, size in r.written:
        click.echo(f"{size:>10}  {path}")
    since = f"the changes since {r.previous.version}" if r.previous else "the first release"
    progress(quiet).note(f"released {version} ({r.date}; {since}) in {r.folder}")


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

    written = generate(working_copy(home, build_dir), out_dir, build_if_stale=not no_build, reporter=progress(quiet))
    pages = sum(1 for path, _ in written if path.endswith(".html"))
    svgs = sum(1 for path, _ in written if path.endswith(".svg"))
    click.echo(f"wrote {pages} pages and {svgs} diagrams ({size_text(sum(size for _, size in written))}) and the "
               f"dumps to {out_dir}; open {os.path.join(out_dir, 'index.html')}")


# -------------------------------------------------------------------- load
@main.command()
@endpoint_options(required=True, writes=True)
@click.option("--asserted", is_flag=True, help="Leave the inferred graph out (and delete one an earlier load left).")
@click.option("--patch", type=click.Path(dir_okay=False, exists=True), metavar="FILE",
              help="Apply this SPARQL Update (kg diff writes patch.ru) to the store instead of loading the build.")
@click.option("--connections", type=click.IntRange(min=1), default=None, metavar="N",
              help="Requests in flight at once (default 4; 1 for a store that takes one write at a time).")
@no_build_option
@quiet_option
@project_options
def load(endpoint, user, password, auth, timeout, graph_store, update_url, asserted, patch, connections, no_build,
         quiet, home, build_dir):
    """Send the build to a SPARQL 1.1 store: each named graph (the ontology, every source, the inferred
    graph) replaces the store's graph of that name (Graph Store Protocol PUT; a graph of more than 8 MiB
    goes in pieces, a PUT and then POSTs), so loading twice changes nothing; then the store's triple counts
    are checked against what was sent. The build is sorted by graph in the temporary folder (TMPDIR), so
    the memory used does not grow with it.

    Which URLs each store needs, and its union-default-graph setting: docs/STORES.md."""
    from kg.remote import apply_patch
    from kg.remote import load as do_load

    target = endpoint_of(endpoint, user, password, auth, timeout, graph_store, update_url)
    if patch:
        from pathlib import Path

        apply_patch(target, Path(patch).read_text(encoding="utf-8"), name=patch)
        click.echo(f"applied {patch} to {target.update_url}")
        return
    from kg.answering import serving_build

    reporter = progress(quiet)
    built = serving_build(working_copy(home, build_dir), build_if_stale=not no_build, reporter=reporter)
    loaded = do_load(built, target, asserted_only=asserted, reporter=reporter, connections=connections)
    click.echo(f"loaded {len(loaded)} graphs, {sum(g.triples for g in loaded)} triples, into "
               f"{target.graph_store_url} (checked: the store holds exactly these)")


# ------------------------------------------------------------------ stores
@main.group()
def stores():
    """What other triple stores need to hold kg: a virtuoso.ini, Jena's class path, a TDB2 endpoint
    (the recipes of docs/STORES.md use them)."""


@stores.command("virtuoso-ini")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--http-port", default=8890, show_default=True, type=click.IntRange(1, 65535),
              help="Port of the SPARQL services (/sparql, /sparql-auth, /sparql-graph-crud-auth), on 127.0.0.1.")
@click.option("--sql-port", default=1111, show_default=True, type=click.IntRange(1, 65535),
              help="Port of the SQL service (isql-vt), on 127.0.0.1.")
@click.option("--allow", "allowed", multiple=True, type=click.Path(file_okay=False), metavar="DIR",
              help="Another folder the bulk loader (ld_dir) may read (repeatable; FOLDER always is).")
@click.option("--replace", is_flag=True, help="Write over a virtuoso.ini that says something else.")
def virtuoso_ini(folder, http_port, sql_port, allowed, replace):
    """Write FOLDER/virtuoso.ini: a private Virtuoso 7 with its database in FOLDER, on loopback.
    Then: virtuoso-t +configfile FOLDER/virtuoso.ini +foreground"""
    from kg.stores import write_virtuoso_ini

    click.echo(write_virtuoso_ini(folder, http_port, sql_port, allowed, replace=replace))


@stores.command("jena-classpath")
def jena_classpath():
    """Print the class path that runs Jena's commands from Debian's jars (KG_JAVA_DIR, default
    /usr/share/java): java -cp "$(kg stores jena-classpath)" tdb2.tdbloader …"""
    from kg.stores import jena_classpath as classpath

    click.echo(classpath())


@stores.command("jena-endpoint")
def jena_endpoint():
    """Print the path of kg's SPARQL endpoint over TDB2 (Java source, for users without Fuseki):
    java -cp "$(kg stores jena-classpath)" "$(kg stores jena-endpoint)" PORT NAME=TDB2DIR"""
    from kg.stores import JENA_ENDPOINT

    click.echo(JENA_ENDPOINT)


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
    write_out(summary(d, fmt))
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

    do_serve(working_copy(home, build_dir), host, port, **limits)
