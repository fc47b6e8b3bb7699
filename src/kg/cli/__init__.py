"""The ``kg`` command line: a thin click layer over the library.

    app         the command group, errors as one ``kg: error:`` line, exit codes, shared options
    building    info, build, reason, validate, new-source, profile, shacl, clean
    querying    query, queries, stats, search, describe
    publishing  export, docs, load, diff, serve

Every command parses its arguments, calls one library function and formats the result.  Heavy modules
are imported inside the commands, so ``kg query`` on a fresh build never imports rdflib, owlrl or pyshacl.
"""

from kg.cli import building, publishing, querying  # noqa: F401  (they add their commands to main)
from kg.cli.app import main, run

__all__ = ["main", "run"]
