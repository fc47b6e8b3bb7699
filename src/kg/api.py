"""The Python API: ``kg.open()`` gives a :class:`Graph`, whose methods run what the ``kg`` commands run::

    graph = kg.open()                                   # the working copy, found as `kg` finds it
    rows = graph.query("park-locations", park="park:sinoswiss-technopark")
    rows[0]["placeLabel"], rows.to_pandas()             # a dict of Python values; a DataFrame (extra)

A query goes the way ``kg query`` goes (kg.query.resolve, kg.params.bind_params, kg.query.run); SELECT
gives :class:`Rows`, ASK a bool, CONSTRUCT and DESCRIBE :class:`Triples`; errors are kg.errors.KgError
subclasses with the command line's messages.  Nothing heavy is imported until a method runs.
docs/PYTHON.md shows it at work (tests/api/test_python_doc.py runs it).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.namespaces import PREFIXES, XSD_INTEGER_TYPES

if TYPE_CHECKING:  # pragma: no cover - for type checkers only: `import kg` imports this module, and stays cheap
    import pyoxigraph as ox

    from kg.builds import Built
    from kg.catalogue import SavedQuery
    from kg.describe import Description
    from kg.search import Hit
    from kg.project import Project
    from kg.remote import GraphLoad
    from kg.report import Report
    from kg.store import OxigraphStore, Result

__all__ = ["Graph", "Rows", "Triples", "open_graph", "python_value"]

XSD = PREFIXES["xsd"]
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}


@functools.cache
def _parsers() -> dict:
    """Datatype IRI -> the function from lexical form to Python value (made on first use)."""
    import datetime
    from decimal import Decimal

    return {XSD + "decimal": Decimal, XSD + "double": float, XSD + "float": float, XSD + "boolean": _BOOLEANS.__getitem__,
            XSD + "date": datetime.date.fromisoformat, XSD + "dateTime": datetime.datetime.fromisoformat,
            XSD + "time": datetime.time.fromisoformat, **{XSD + t: int for t in XSD_INTEGER_TYPES}}


def python_value(term: Any) -> Any:
    """A pyoxigraph term as a Python value.

    IRIs give the IRI as ``str``, blank nodes ``"_:id"``, unbound (None) gives None.  Literals by datatype:
    the xsd integer types give ``int``, xsd:decimal ``decimal.Decimal``, xsd:double and xsd:float
    ``float``, xsd:boolean ``bool``, xsd:date ``datetime.date``, xsd:dateTime ``datetime.datetime``,
    xsd:time ``datetime.time``; every other literal (strings with or without a language tag, xsd:gYear,
    durations, …) gives its lexical form as ``str``, and so does a literal that does not fit its Python
    type (an ill-formed one, or an xsd:date with a time zone, which ``datetime.date`` cannot hold)."""
    if term is None:
        return None
    kind = type(term).__name__
    if kind == "NamedNode":
        return term.value
    if kind == "BlankNode":
        return f"_:{term.value}"
    if kind != "Literal":  # a quoted triple (RDF-star): its N-Triples text
        return str(term)
    from decimal import InvalidOperation

    parse = _parsers().get(term.datatype.value) if not term.language else None
    if parse is None:
        return term.value
    try:
        return parse(term.value)
    except (ValueError, KeyError, InvalidOperation):
        return term.value


def _lexical(term: Any) -> str | None:
    """A term as text, for a column that mixes kinds of value: the lexical form, the IRI, ``_:id``."""
    value = python_value(term)
    return value if value is None or isinstance(value, str) else term.value


class Rows(Sequence[dict[str, Any]]):
    """The answer to a SELECT query: a sequence of dicts ``{variable: Python value}`` (see
    :func:`python_value`; None where a variable is unbound), in the query's order.

    ``variables`` are the query's variables, in its order; ``terms()`` gives the same rows as dicts of
    pyoxigraph terms, for what a Python value loses (a language tag, a datatype, IRI versus string);
    ``to_pandas()``, ``to_polars()`` and ``to_arrow()`` give a table with one column per variable."""

    def __init__(self, result: Result):
        self._result = result
        self.variables: list[str] = list(result.variables)
        self._terms: list[tuple] = list(result.rows)  # read now: an evaluation error surfaces at the query
        self._values: list[dict[str, Any]] | None = None

    def _dicts(self) -> list[dict[str, Any]]:
        if self._values is None:
            self._values = [dict(zip(self.variables, map(python_value, row))) for row in self._terms]
        return self._values

    def __len__(self) -> int:
        return len(self._terms)

    def __getitem__(self, index):  # an int gives one dict, a slice a list of them
        return self._dicts()[index]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self._dicts())

    def __repr__(self) -> str:
        return f"<kg.Rows {len(self)} rows: {', '.join(self.variables)}>"

    def terms(self) -> list[dict[str, ox.NamedNode | ox.BlankNode | ox.Literal | None]]:
        """The rows as dicts of pyoxigraph terms (None where unbound)."""
        return [dict(zip(self.variables, row)) for row in self._terms]

    def serialize(self, fmt: str = "json") -> bytes:
        """The rows as W3C SPARQL results: ``json``, ``xml``, ``csv`` or ``tsv`` (as ``kg query --format``)."""
        return self._result.serialize(fmt)

    def columns(self) -> dict[str, list]:
        """One list of Python values per variable, each of one kind: a column mixing integers, decimals and
        doubles is widened (to Decimal, or float when it holds a double); a column mixing other kinds (an
        IRI in one row, a number in another) holds the text of every value (its lexical form, or the IRI)."""
        from decimal import Decimal

        out = {}
        for i, name in enumerate(self.variables):
            values = [row[name] for row in self._dicts()]
            kinds = {type(v) for v in values if v is not None}
            if len(kinds) > 1 and kinds <= {int, Decimal, float}:
                wider = float if float in kinds else Decimal
                values = [None if v is None else wider(v) for v in values]
            elif len(kinds) > 1:
                values = [_lexical(row[i]) for row in self._terms]
            out[name] = values
        return out

    def to_pandas(self):
        """A ``pandas.DataFrame``, one column per variable (see ``columns``); needs ``stcoop-kg[pandas]``."""
        pd = _extra("pandas", "pandas", "to_pandas")
        return pd.DataFrame(self.columns(), columns=self.variables)

    def to_polars(self):
        """A ``polars.DataFrame``, one column per variable (see ``columns``); needs ``stcoop-kg[polars]``."""
        pl = _extra("polars", "polars", "to_polars")
        return pl.DataFrame([self._column(pl.Series, name, values) for name, values in self.columns().items()])

    def to_arrow(self):
        """A ``pyarrow.Table``, one column per variable (see ``columns``); needs ``stcoop-kg[arrow]``."""
        pa = _extra("pyarrow", "arrow", "to_arrow")
        return pa.table({name: self._column(lambda _, v: pa.array(v), name, values)
                         for name, values in self.columns().items()})

    def _column(self, make, name: str, values: list):
        """``make(name, values)``, or a column of text when the library cannot hold the values (an integer
        beyond 64 bits, datetimes with and without a time zone)."""
        try:
            return make(name, values)
        except Exception:  # each library has its own overflow and type errors
            i = self.variables.index(name)
            return make(name, [_lexical(row[i]) for row in self._terms])


class Triples(Sequence["ox.Triple"]):
    """The answer to a CONSTRUCT or DESCRIBE query: a sequence of pyoxigraph triples, with ``serialize``."""

    def __init__(self, result: Result):
        self._result = result
        self._triples: list = result.triples

    def __len__(self) -> int:
        return len(self._triples)

    def __getitem__(self, index):
        return self._triples[index]

    def __iter__(self) -> Iterator[ox.Triple]:
        return iter(self._triples)

    def __repr__(self) -> str:
        return f"<kg.Triples {len(self)} triples>"

    def serialize(self, fmt: str = "turtle") -> bytes:
        """The triples as ``turtle``, ``nt``, ``jsonld`` or ``rdfxml`` (as ``kg query --format``)."""
        return self._result.serialize(fmt)


def _extra(module: str, extra: str, method: str):
    import importlib

    from kg import DISTRIBUTION
    from kg.errors import MissingExtraError

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(f"Rows.{method}() needs {module}, which is not installed: "
                                f"pip install '{DISTRIBUTION}[{extra}]'") from None


def _logged():
    """A reporter that sends the library's notes (a stale build, an answer from an older build) to the
    ``kg`` logger, as warnings or information; no progress."""
    import logging

    from kg.progress import Reporter

    class Logged(Reporter):
        def note(self, message: str) -> None:
            level = logging.WARNING if message.startswith("warning:") else logging.INFO
            logging.getLogger("kg").log(level, message)

    return Logged(quiet=True)


class Graph:
    """A working copy and the build its queries answer from; made by ``kg.open()``.

    With ``build_if_stale`` (the default) every call first checks the inputs (cheaply) and builds them
    when they changed, as the commands do; without, the existing build answers (``kg … --no-build``).
    Notes such as "answering from the last conforming build" go to the ``kg`` logger."""

    def __init__(self, project: Project, *, build_if_stale: bool = True):
        self.project = project
        self.build_if_stale = build_if_stale
        self._reporter = _logged()
        self._store: OxigraphStore | None = None
        self._store_path = None

    def __repr__(self) -> str:
        return f"<kg.Graph home={str(self.home)!r} build_dir={str(self.build_dir)!r}>"

    @property
    def home(self) -> Path:
        """The working copy: the folder holding ontology/ and data/."""
        return self.project.home

    @property
    def build_dir(self) -> Path:
        """Where the builds go (``--build-dir``)."""
        return self.project.build_dir

    def _answering(self) -> OxigraphStore:
        """The store of the build queries answer from, opened again only when that build changed."""
        from kg.answering import open_built, serving_build

        built = serving_build(self.project, build_if_stale=self.build_if_stale, reporter=self._reporter)
        if self._store is None or self._store_path != built.path:
            self._store, self._store_path = open_built(built), built.path
        return self._store

    def query(self, name_or_text: str | os.PathLike, /, **params: Any) -> Rows | Triples | bool:
        """Run a saved query by name, a .rq file (a path), or SPARQL text, with its parameters.

        A parameter's value is text, parsed as ``kg query --param`` parses it (``"park:sinoswiss-technopark"``,
        ``"2018"``, ``'"Chongqing"@en'``), or a Python value (int, float, bool, Decimal, date, datetime) or
        a pyoxigraph NamedNode or Literal, which must fit the type the saved query declares.  SELECT gives
        :class:`Rows`, ASK a bool, CONSTRUCT and DESCRIBE :class:`Triples`.  Raises UnknownQueryError for
        a name no saved query has, ParamError for a parameter that is unknown, missing or malformed,
        QueryError for a broken query."""
        from kg.query import run, spec_of

        result = run(self.project, spec_of(self.project, name_or_text), params, opener=self._answering,
                     reporter=self._reporter)  # warnings (a term the graph never uses) go to the kg logger
        if result.kind == "ask":
            return bool(result.boolean)
        return Triples(result) if result.kind == "graph" else Rows(result)

    def queries(self) -> list[SavedQuery]:
        """The catalogue: the saved queries, then the checks (``is_check``), each with its ``name``,
        ``title``, ``description``, ``params`` (``name``, ``type``, ``required``, ``description``) and
        ``examples``; as ``kg queries`` lists them."""
        from kg.catalogue import Catalogue

        catalogue = Catalogue.of(self.project)
        return catalogue.saved() + catalogue.checks()

    def describe(self, term: str) -> Description:
        """Everything about one entity, found by IRI, CURIE or label (``kg describe``): its ``iri``,
        ``label``, ``statements`` (predicate, object, graphs), ``incoming`` (subject, predicate, graphs)
        and ``sources`` (source IRI, files).  NotFoundError when nothing has that name."""
        from kg.describe import describe

        return describe(self.project, term, store=self._answering(), build_if_stale=self.build_if_stale,
                        reporter=self._reporter)

    def search(self, text: str, limit: int | None = 20) -> list[Hit]:
        """The entities one of whose names or Wikidata QIDs matches ``text``, best first (``kg search``):
        each a ``Hit`` with ``iri``, ``label``, ``matched``, ``how`` (exact, starts, words, contains),
        ``classes`` and ``sources``."""
        from kg.search import search

        return search(self._answering(), text, limit)

    def stats(self) -> dict:
        """Counts of distinct triples per class and per property, asserted and inferred (``kg stats``)."""
        from kg.stats import stats

        return stats(self.project, build_if_stale=self.build_if_stale, reporter=self._reporter)

    def validate(self) -> Report:
        """The validation report of the inputs as they are (``kg validate``): built first when they
        changed, whatever ``build_if_stale`` says.  ``report.conforms``, ``report.counts()``,
        ``report.issues``, ``report.render("text" | "json" | "turtle")``."""
        from kg.answering import ensure_built

        return ensure_built(self.project, reporter=self._reporter).report()

    def build(self, force: bool = False, *, allow_invalid: bool = False, store_last: bool | None = None) -> Built:
        """Build unless the build is fresh, or ``force`` (``kg build``); the newest build, with ``path``,
        ``conforms``, ``rebuilt`` and ``manifest``.  A build that does not conform is kept (queries answer
        from the last conforming one) unless ``allow_invalid`` publishes it anyway.  ``store_last``: load a
        new on-disk store after validation (less memory, more time; None: when memory is short)."""
        from kg.build import build

        return build(self.project, force=force, reporter=self._reporter, allow_invalid=allow_invalid,
                     store_last=store_last)

    def export(self, out_dir: str | os.PathLike, *, gzip: bool = False,
               only: Sequence[str] | None = None) -> list[tuple[str, int]]:
        """Write the deterministic dumps, void.ttl and SHA256SUMS to ``out_dir`` (``kg export``); ``only``
        some dumps (``ttl``, ``nt``, ``trig``, ``nq``, ``jsonld``, ``rdf``).  [(path, size in bytes)]."""
        from kg.export import export

        return export(self.project, out_dir, gzip=gzip, only=list(only) if only else None,
                      build_if_stale=self.build_if_stale, reporter=self._reporter)

    def load(self, endpoint: str, *, graph_store: str | None = None, user: str | None = None,
             password: str | None = None, auth: str = "auto", asserted: bool = False,
             connections: int | None = None, timeout: float | None = None) -> list[GraphLoad]:
        """Send the build to a SPARQL 1.1 store (``kg load``): each named graph replaces the store's graph of
        that name through the Graph Store Protocol at ``graph_store`` (default ``endpoint``), ``connections``
        requests at a time, then the store's counts are checked.  ``user`` and ``password`` default to
        KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD, ``auth`` is basic, digest or auto (the scheme the store asks
        for); ``asserted`` leaves the inferred graph out; ``timeout``: seconds to wait for each answer.  Each graph
        sent, with ``graph`` and ``triples``; RemoteError when the store refuses or holds something else."""
        from kg.answering import serving_build
        from kg.remote import DEFAULT_TIMEOUT, Endpoint, load

        target = Endpoint.of(endpoint, graph_store=graph_store, user=user, password=password, auth=auth,
                             timeout=DEFAULT_TIMEOUT if timeout is None else timeout)
        built = serving_build(self.project, build_if_stale=self.build_if_stale, reporter=self._reporter)
        return load(built, target, asserted_only=asserted, reporter=self._reporter, connections=connections)


def open_graph(home: str | os.PathLike | None = None, build_dir: str | os.PathLike | None = None, *,
               build_if_stale: bool = True) -> Graph:
    """The :class:`Graph` of a working copy, found as the ``kg`` command finds it (kg.project.locate):
    ``home``, else KG_HOME, else the current folder or the nearest parent holding ontology/ and data/, else
    the copy bundled with kg; its builds in ``build_dir``, else KG_BUILD_DIR, else ``<home>/build`` (or a
    cache folder).  ProjectError when there is none.  Nothing is built until a method needs the build."""
    from kg.project import locate

    return Graph(locate(home, build_dir), build_if_stale=build_if_stale)
