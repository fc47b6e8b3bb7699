"""SPARQL-based constraints (SHACL 1.0, 5) and SPARQL-based targets (SHACL-AF), and the SELECT runner.

A query's prefixes are those declared at ``sh:prefixes/owl:imports*/sh:declare`` (5.2.1); $this,
$currentShape and $shapesGraph are pre-bound everywhere in it by kg.sparql.Prebinding (5.6), and the
restrictions pre-binding imposes (no MINUS, VALUES or SERVICE, no ``AS`` onto a pre-bound variable,
sub-selects that return $this) are checked when the shapes are compiled, as is the syntax: a query that
cannot run is a DataError naming its shape.  $shapesGraph names the shapes graph, which is then a named
graph of a dataset built for the run.  Solutions become results as 5.3.2 maps them."""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg.errors import DataError, KgError
from kg.shacl.graph import OWL, SH, is_true, name, sh
from kg.shacl.registry import Component
from kg.shacl.run import ValidationResult, Run
from kg.sparql import Prebinding, QueryScan, query_variables

SHAPES_GRAPH = ox.NamedNode("urn:x-kg:shapes-graph")  # the name of the shapes graph for $shapesGraph
PREBOUND = ("this", "currentShape", "shapesGraph")
_PATH = re.compile(r"([\s{}()/|^])[$?]PATH(?![\w])")


# ---------------------------------------------------------------- prefixes and checks
def prefixes(sg, node, what: str) -> dict:
    """prefix -> namespace from ``sh:prefixes/owl:imports*/sh:declare`` of the constraint or target; two
    namespaces for one prefix make the shapes graph ill-formed."""
    found: dict = {}
    seen, todo = set(), list(sg.objects(node, sh("prefixes")))
    imports = ox.NamedNode(OWL + "imports")
    while todo:
        holder = todo.pop()
        if holder in seen:
            continue
        seen.add(holder)
        todo += sg.objects(holder, imports)
        for dec in sg.objects(holder, sh("declare")):
            prefix, namespace = sg.objects(dec, sh("prefix")), sg.objects(dec, sh("namespace"))
            if len(prefix) != 1 or len(namespace) != 1 or not isinstance(prefix[0], ox.Literal) or not isinstance(
                    namespace[0], ox.Literal):
                raise DataError(f"{what}: the prefix declaration {name(dec)} needs one sh:prefix and one "
                                "sh:namespace literal")
            p, ns = prefix[0].value, namespace[0].value
            if found.setdefault(p, ns) != ns:
                raise DataError(f"{what}: the prefix {p}: is declared for two namespaces ({found[p]} and {ns})")
    return found


def prologue(declared: dict) -> str:
    return "".join(f"PREFIX {p}: <{n}>\n" for p, n in declared.items())


def check_syntax(query: str, what: str) -> None:
    """A DataError naming the shape when the query does not parse (an empty store answers at once)."""
    from kg.sparql import syntax_error

    try:
        ox.Store().query(query)
    except SyntaxError as exc:
        raise DataError(f"{what}: {syntax_error(exc, query, 'the query')}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise DataError(f"{what}: the query cannot run: {exc}") from None


def check_prebinding(scan: QueryScan, what: str) -> None:
    """The restrictions SHACL 1.0 (5.6) puts on queries with pre-bound variables."""
    for word in ("MINUS", "VALUES", "SERVICE"):
        if word in scan.keywords:
            raise DataError(f"{what}: a SPARQL constraint must not use {word} (SHACL 5.6: pre-bound variables)")
    for var in scan.as_variables:
        if var in PREBOUND:
            raise DataError(f"{what}: a SPARQL constraint cannot bind ${var} with AS (SHACL 5.6: it is pre-bound)")
    for sub in scan.subselects:
        returned = scan.in_scope(sub.where) if sub.star and sub.where is not None else sub.projected
        if "this" not in returned:
            raise DataError(f"{what}: a sub-select of a SPARQL constraint must return $this "
                            "(SHACL 5.6: sub-selects return every pre-bound variable)")


# ---------------------------------------------------------------- running queries
def select_runner(store: ox.Store, **query_options):
    """A ``run_select`` over a pyoxigraph Store: SELECT text + variables to pre-bind -> rows (dicts of the
    bound variables).  ``query_options`` go to ``Store.query`` (e.g. ``use_default_graph_as_union``).
    The variables are pre-bound as SHACL defines it (kg.sparql.Prebinding); each text is scanned once."""
    plans: dict = {}

    def run(text: str, bindings: dict) -> list[dict]:
        if bindings:
            key = (text, tuple(bindings))
            plan = plans.get(key)
            if plan is None:
                plan = plans[key] = Prebinding(text, list(bindings))
            text = plan.bind(bindings)
        result = store.query(text, **query_options)
        names = [v.value for v in result.variables]
        return [{n: t for n, t in zip(names, row) if t is not None} for row in result]

    return run


def select(run: Run, query: str, bindings: dict, what: str) -> list[dict]:
    """The rows of a query, or a DataError naming the shape."""
    try:
        return run.run_select(query, bindings)
    except KgError as exc:
        raise DataError(f"{what}: {exc}") from None
    except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
        raise DataError(f"{what}: the SPARQL query failed: {' '.join(str(exc).split())}") from None


def target_query(run: Run, target, text: str, what: str) -> str:
    query = prologue(prefixes(run.sg, target, what)) + text
    check_syntax(query, f"{what}: SPARQL target")
    return query


# ---------------------------------------------------------------- the component
def compile_sparql(ctx) -> None:
    for constraint in ctx.objs("sparql"):
        check = _constraint(ctx, constraint)
        if check is not None:
            ctx.add(check)


def _constraint(ctx, constraint):
    run, sg, shape = ctx.run, ctx.sg, ctx.shape
    what = f"{ctx.what}: SPARQL constraint {name(constraint)}"
    if any(is_true(d) for d in sg.objects(constraint, sh("deactivated"))):
        return None
    selects = sg.objects(constraint, sh("select"))
    if len(selects) != 1 or not isinstance(selects[0], ox.Literal):
        raise DataError(f"{what}: needs exactly one sh:select string")
    declared = prefixes(sg, constraint, what)
    text = selects[0].value
    if shape.is_property:
        from kg.shacl import paths

        path = paths.sparql(sg, shape.path_node, declared)
        text = _PATH.sub(lambda m: m.group(1) + path, text)
    elif _PATH.search(text):
        raise DataError(f"{what}: $PATH is used, but the shape has no sh:path")
    query = prologue(declared) + text
    check_syntax(query, what)
    check_prebinding(QueryScan(query), what)
    used = query_variables(query)
    names = ["this"] + [n for n in PREBOUND[1:] if n in used]
    if "shapesGraph" in names:  # the run's queries go to a dataset holding the shapes graph too
        run.shapes_graph_iri, run._run_select = SHAPES_GRAPH, None
    own_messages = sg.objects(constraint, sh("message"))
    comp = SH + "SPARQLConstraintComponent"

    def check(f, vals, out):
        values = {"this": run.term(f), "currentShape": shape.node, "shapesGraph": SHAPES_GRAPH}
        seen, found = set(), []
        for row in select(run, query, {n: values[n] for n in names}, what):
            failure = row.pop("failure", None)
            if isinstance(failure, ox.Literal) and failure.value in ("true", "1"):
                raise DataError(f"{what}: the query reports a failure (?failure true) for {name(run.term(f))}")
            key = tuple(sorted(row.items(), key=lambda kv: kv[0]))
            if key not in seen:  # equal solutions are one result
                seen.add(key)
                found.append(row)
        if found and out is not None:
            for row in found:
                out.append(_result(run, shape, f, row, constraint, own_messages, comp))
        return bool(found)

    return check


def _result(run: Run, shape, f: int, row: dict, constraint, own_messages, comp: str) -> ValidationResult:
    """A solution as a result (SHACL 5.3.2): $this (else the focus node), ?path if an IRI (else the
    shape's path), ?value (else, for a node shape, the focus node), ?message (else sh:message of the
    constraint and of the shape, with {?var} / {$var} replaced by the solution's values)."""
    t, p, v, m = row.get("this"), row.get("path"), row.get("value"), row.get("message")
    focus = run.tid(t) if t is not None else f
    value = run.tid(v) if v is not None else (None if shape.is_property else f)
    path = p if isinstance(p, ox.NamedNode) else None
    names = dict(row)
    if value is not None:
        names["value"] = run.term(value)
    if isinstance(m, ox.Literal):
        messages = [m]
    else:
        messages = [_fill(x, names) for x in own_messages if x not in shape.messages]
        messages += [_fill(x, names) for x in shape.messages]
    return ValidationResult(shape, focus, value, comp, path=path, messages=messages, constraint=constraint)


def _fill(message, names: dict) -> ox.Literal:
    text = message.value
    for n, term in names.items():
        text = re.sub("{[?$]%s}" % re.escape(n), lambda _m, s=term.value: s, text)
    if isinstance(message, ox.Literal) and message.language:
        return ox.Literal(text, language=message.language)
    return ox.Literal(text)


COMPONENTS = (Component("SPARQL", ("sparql",), compile_sparql, None),)
