"""The commands that build and check the working copy, and reason over or validate any files."""

from __future__ import annotations

import sys

import click

from kg.cli.app import (EXIT_NEGATIVE, endpoint_of, endpoint_options, format_option, large_work, main, progress,
                        project_options, quiet_option, size_text, working_copy, write_out)


# -------------------------------------------------------------------- info
@main.command()
@project_options
@format_option(("text", "json"), "text")
def info(home, build_dir, fmt):
    """The working copy in use and how it was found, its build folder, the build's state, the engines."""
    from kg.info import info as gather
    from kg.info import render

    write_out(render(gather(working_copy(home, build_dir)), fmt))


# ------------------------------------------------------------------- build
@main.command()
@project_options
@click.option("--force", is_flag=True, help="Rebuild even when the inputs have not changed.")
@quiet_option
@click.option("--allow-invalid", is_flag=True,
              help="Publish the build for queries even when it does not conform (to look at a broken build).")
@click.option("--reference", is_flag=True,
              help="Reason with owlrl and validate with pyshacl, the reference engines (slow; same answer).")
@click.option("--store-last/--store-alongside", default=None,
              help="Bulk-load a new on-disk store after validation (less memory at the peak, more time; from "
                   "about a million statements the asserted ones beside reasoning) or alongside it; "
                   "default: alongside when that fits in half the memory available.")
def build(home, build_dir, force, quiet, allow_invalid, reference, store_last):
    """Load, reason (OWL RL), validate (SHACL and checks) and write the build.

    Exit 1 when the build does not conform: it is kept for kg validate, and
    queries go on answering from the last conforming build.

    Run as a program on Linux, it starts again with jemalloc preloaded where the system has it (less
    CPU at scale); KG_ALLOCATOR=system keeps the C library's malloc."""
    large_work()
    from kg.build import build as do_build

    project = working_copy(home, build_dir)
    engines = {"reasoner": "owlrl", "validator": "pyshacl"} if reference else {}
    reporter = progress(quiet)
    built = do_build(project, force=force, reporter=reporter, allow_invalid=allow_invalid, store_last=store_last,
                     **engines)
    try:
        _say_built(built, allow_invalid, reporter)
    except KeyboardInterrupt:
        raise KeyboardInterrupt(f"the build was finished and is in {built.path}") from None


def _say_built(built, allow_invalid: bool, reporter) -> None:
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
              help="kg: kg's own OWL RL engine (kg.owlrl), owlrl where it declines; reference: owlrl (same answer, slower).")
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

    reasoned = reason_files(list(files), "kg" if engine == "kg" else "owlrl")
    inference = reasoned.inference
    if inference.note:
        progress(quiet).note(inference.note)
    write_out(serialize_triples(reasoned.triples(everything), fmt))
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
    from kg.answering import ensure_built

    if endpoint:
        from kg.remote import validate_remote

        report = validate_remote(working_copy(home, build_dir), endpoint_of(endpoint, user, password, auth, timeout))
    else:
        report = ensure_built(working_copy(home, build_dir), reporter=progress(quiet)).report()
    write_out(report.render(fmt))
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

    path = write(working_copy(home, build_dir),
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

    project = working_copy(home, build_dir)
    ontology = kp.ontology_of(project)
    found = kp.properties(ontology)
    wanted = [kp.resolve(found, p) for p in properties] if properties else sorted(found)
    if shapes:
        write_out(kp.shapes_turtle(ontology, wanted if properties else None))
        return
    rows = {found[p].curie: kp.summary(found[p]) for p in wanted}
    if fmt == "json":
        write_out(json.dumps({p: [{"part": a, "says": b} for a, b in r] for p, r in rows.items()}, indent=1,
                        ensure_ascii=False) + "\n")
        return
    lines = []
    for p, r in rows.items():
        lines.append(f"{p} ({found[kp.resolve(found, p)].label})")
        lines += [f"  {part:<10} {says}" for part, says in r]
    write_out("\n".join(lines) + "\n")


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
        progress(quiet).note(report.note)
    write_out(report.serialize(fmt))
    sys.exit(0 if report.conforms else EXIT_NEGATIVE)


# ------------------------------------------------------------------- clean
@main.command()
@project_options
@click.option("--all", "everything", is_flag=True,
              help="Also every build kg keeps in the user cache (for the bundled copy and read-only working copies).")
def clean(home, build_dir, everything):
    """Remove the build folder of the working copy (and with --all the user cache); says how much was freed."""
    from kg.builds import clean as do_clean

    removed = do_clean(working_copy(home, build_dir), everything=everything)
    for path, size in removed:
        click.echo(f"removed {path} ({size_text(size)})")
    click.echo(f"freed {size_text(sum(size for _, size in removed))}" if removed else "nothing to remove")
