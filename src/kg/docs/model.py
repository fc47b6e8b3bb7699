"""What the documentation shows, read from one build: plain data, no HTML.

Everything comes from the build's store (the ontology graph, the closure,
the source graphs), the working copy's shapes and saved queries, and the
export of that build (dumps and checksums) at the time ``kg docs`` runs:
no term, class or count is written here by hand, so the pages follow
whatever the ontology, shapes and data hold.  Orders are total (by IRI,
then by value), so the same build gives the same pages byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg import namespaces as ns

RDF_TYPE = ns.PREFIXES["rdf"] + "type"
OWL, RDFS, SH = ns.PREFIXES["owl"], ns.PREFIXES["rdfs"], ns.PREFIXES["sh"]
TERM_KINDS = {OWL + "Class": "class", RDFS + "Class": "class", OWL + "ObjectProperty": "object property",
              OWL + "DatatypeProperty": "datatype property", OWL + "AnnotationProperty": "annotation property",
              ns.PREFIXES["rdf"] + "Property": "property"}
CHARACTERISTICS = ("Functional", "InverseFunctional", "Transitive", "Symmetric", "Asymmetric", "Reflexive",
                   "Irreflexive")
EXAMPLES = 2  # example instances per term
QUERY_ROWS = 10  # rows of a saved query's example run shown on the queries page
NEIGHBOURS = 24  # edges each way in an entity's neighbourhood diagram; the rest are counted


@dataclass
class Term:
    """A term of the ontology's namespace: a class, a property or an individual."""

    iri: str
    local: str
    kind: str  # "class", "object property", "datatype property", "annotation property", "property", "individual"
    label: str
    definition: str = ""
    types: list[str] = field(default_factory=list)  # for an individual: its classes
    supers: list[str] = field(default_factory=list)
    subs: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    ranges: list[str] = field(default_factory=list)
    inverses: list[str] = field(default_factory=list)
    characteristics: list[str] = field(default_factory=list)
    chains: list[list[str]] = field(default_factory=list)
    disjoint: list[str] = field(default_factory=list)
    equivalents: list[str] = field(default_factory=list)
    alignments: list[str] = field(default_factory=list)  # super/equivalent terms of the reused vocabularies
    shapes: list[tuple[str, str]] = field(default_factory=list)  # (shape label, shapes file)
    profile: list[tuple[str, str]] = field(default_factory=list)  # a property's (part, what it says): kg.profile
    count: int = 0  # instances of a class, statements of a property (closure)
    examples: list[tuple[str, str | None]] = field(default_factory=list)  # (entity, value or None)

    @property
    def is_property(self) -> bool:
        return self.kind.endswith("property")


@dataclass
class Fact:
    subject: str
    predicate: str
    value: str
    is_iri: bool
    datatype: str = ""
    lang: str = ""


@dataclass
class Entity:
    iri: str
    kind: str  # the IRI folder: park, place, …
    slug: str
    label: str
    types: list[str]
    facts: list[Fact]  # asserted statements about it, by predicate then value
    incoming: list[Fact]  # asserted statements whose value it is


@dataclass
class Source:
    graph: str
    label: str
    file: str
    triples: int
    entities: int
    details: list[Fact]  # its literal-valued statements (dates, publisher, …)


@dataclass
class QueryRun:
    name: str
    title: str
    description: str
    params: list  # kg.catalogue.Param
    examples: list[str]
    bindings: dict[str, str]
    variables: list[str] = field(default_factory=list)
    rows: list[list[dict | None]] = field(default_factory=list)  # shown rows: {"value", "iri"} or None
    total: int = 0
    kind: str = "select"
    error: str = ""


@dataclass
class Dump:
    name: str
    media: str
    size: int
    sha256: str


@dataclass
class Docs:
    title: str
    description: str | None
    version: str
    build_id: str
    license: str
    ontology_head: list[Fact]
    terms: list[Term]
    ontology_triples: list  # pyoxigraph Triples of the ontology graph, sorted
    labels: dict[str, str]
    entities: dict[str, Entity]
    sources: list[Source]
    class_counts: list[tuple[str, int]]
    triples: int
    inferred: int
    dumps: list[Dump]
    queries: list[QueryRun]
    discrepancies: list[str]  # entity IRIs
    core_edges: list[tuple[str, str, str]]  # (domain class, object property, range class)
    core_subclasses: list[tuple[str, str]]  # (class, superclass) among the diagram's classes


def _v(term) -> str:
    return "" if term is None else term.value


class _Reader:
    def __init__(self, store):
        self.store = store

    def rows(self, text: str) -> list[tuple]:
        return self.store.query(text, name="docs").rows


def _fact(s, p, o) -> Fact:
    if isinstance(o, ox.Literal):
        return Fact(s.value, p.value, o.value, False, o.datatype.value, o.language or "")
    return Fact(s.value, p.value, o.value if isinstance(o, ox.NamedNode) else f"_:{o.value}",
                isinstance(o, ox.NamedNode))


def _fact_key(f: Fact) -> tuple:
    return (f.subject, f.predicate, not f.is_iri, f.value, f.datatype, f.lang)


def _labels(reader: _Reader) -> dict[str, str]:
    """The best label (kg.namespaces.label_rank) of every IRI that has one."""
    props = " ".join(f"<{p}>" for p in ns.LABEL_PREDICATES)
    best: dict[str, tuple] = {}
    for x, p, lit in reader.rows(f"SELECT ?x ?p ?l WHERE {{ VALUES ?p {{ {props} }} ?x ?p ?l FILTER(isIRI(?x)) }}"):
        rank = ns.label_rank(p.value, getattr(lit, "language", None) or "", lit.value)
        if x.value not in best or rank < best[x.value][0]:
            best[x.value] = (rank, lit.value)
    return {k: v[1] for k, v in best.items()}


def _list_items(by_subject: dict, node) -> list:
    """The members of an RDF list (rdf:first / rdf:rest) starting at ``node``."""
    rdf = ns.PREFIXES["rdf"]
    out, seen = [], set()
    while node is not None and str(node) not in seen and node.value != rdf + "nil":
        seen.add(str(node))
        props = by_subject.get(str(node), {})
        out += props.get(rdf + "first", [])[:1]
        node = (props.get(rdf + "rest") or [None])[0]
    return out


def term_kind(types) -> str:
    """What a term of the ontology's namespace is, from its rdf:types: one kind per term, as every page
    that counts terms counts them (a class that is also declared a property is a class)."""
    kinds = [TERM_KINDS[t] for t in types if t in TERM_KINDS]
    return ("class" if "class" in kinds else next((k for k in kinds if k != "property"), None)
            or ("property" if kinds else "individual"))


def term_counts(kinds) -> dict[str, int]:
    """Terms per kind, in one order, from the kind of each term."""
    counts: dict[str, int] = {}
    for kind in kinds:
        counts[kind] = counts.get(kind, 0) + 1
    order = ("class", "object property", "datatype property", "annotation property", "property", "individual")
    return {kind: counts[kind] for kind in sorted(counts, key=lambda k: (order.index(k) if k in order else len(order), k))}


def term_counts_text(counts: dict[str, int]) -> str:
    """"85 classes, 90 object properties, …": the ontology in one line, the same on every page."""
    plural = lambda w: w[:-1] + "ies" if w.endswith("y") else w + ("es" if w.endswith("s") else "s")  # noqa: E731
    return ", ".join(f"{n} {kind if n == 1 else plural(kind)}" for kind, n in counts.items())


def _terms(triples: list, labels: dict[str, str]) -> list[Term]:
    """The terms of the ontology's namespace with what the ontology graph says of them."""
    by_subject: dict[str, dict[str, list]] = {}
    for t in triples:
        by_subject.setdefault(str(t.subject), {}).setdefault(t.predicate.value, []).append(t.object)
    iris = lambda node, p: sorted(o.value for o in node.get(p, []) if isinstance(o, ox.NamedNode))  # noqa: E731
    skos = ns.PREFIXES["skos"]
    terms: dict[str, Term] = {}
    for key in sorted(by_subject):
        if not key.startswith("<" + ns.STC):
            continue
        iri, node = key[1:-1], by_subject[key]
        types = iris(node, RDF_TYPE)
        kind = term_kind(types)
        definition = next((o.value for p in (skos + "definition", RDFS + "comment")
                           for o in node.get(p, []) if isinstance(o, ox.Literal) and o.language in ("en", None)), "")
        term = Term(iri, iri[len(ns.STC):], kind, labels.get(iri, iri[len(ns.STC):]), definition)
        term.types = [t for t in types if t not in TERM_KINDS and not t.startswith(OWL)] if kind == "individual" \
            else []
        term.supers = iris(node, RDFS + "subClassOf") + iris(node, RDFS + "subPropertyOf")
        term.domains, term.ranges = iris(node, RDFS + "domain"), iris(node, RDFS + "range")
        term.inverses = iris(node, OWL + "inverseOf")
        term.characteristics = [c for c in CHARACTERISTICS if OWL + c + "Property" in types]
        term.chains = [[m.value for m in _list_items(by_subject, chain) if isinstance(m, ox.NamedNode)]
                       for chain in node.get(OWL + "propertyChainAxiom", [])]
        term.disjoint = iris(node, OWL + "disjointWith")
        term.equivalents = iris(node, OWL + "equivalentClass") + iris(node, OWL + "equivalentProperty")
        terms[iri] = term
    # what the other direction and the other subjects say: sub-terms, inverses, disjointness stated elsewhere
    for key, node in by_subject.items():
        subject = key[1:-1] if key.startswith("<") else None
        for p in (RDFS + "subClassOf", RDFS + "subPropertyOf"):
            for sup in iris(node, p):
                if sup in terms and subject:
                    terms[sup].subs.append(subject)
        for other in iris(node, OWL + "inverseOf"):
            if other in terms and subject:
                terms[other].inverses.append(subject)
        for other in iris(node, OWL + "disjointWith"):
            if other in terms and subject:
                terms[other].disjoint.append(subject)
        if OWL + "AllDisjointClasses" in iris(node, RDF_TYPE):
            members = [m.value for lst in node.get(OWL + "members", []) for m in _list_items(by_subject, lst)
                       if isinstance(m, ox.NamedNode)]
            for m in members:
                if m in terms:
                    terms[m].disjoint += [x for x in members if x != m]
    for term in terms.values():
        for name in ("subs", "inverses", "disjoint"):
            setattr(term, name, sorted(set(getattr(term, name)) - {term.iri}))
        term.alignments = sorted({x for x in term.supers + term.equivalents if not x.startswith(ns.STC)})
    return list(terms.values())


def _shapes(project) -> dict[str, list[tuple[str, str]]]:
    """Which shapes name each IRI as a target class, a path, a class of values or a datatype; by shape label."""
    from kg.load import parse_file

    out: dict[str, set] = {}
    for path in project.data_shape_files() + project.ontology_shape_files():
        display = project.relpath(path)
        by_subject: dict[str, dict[str, list]] = {}
        for q in parse_file(path, display):
            by_subject.setdefault(str(q.subject), {}).setdefault(q.predicate.value, []).append(q.object)
        owner: dict[str, str] = {}  # property shape -> the node shape that holds it
        for key, node in by_subject.items():
            for ps in node.get(SH + "property", []):
                owner[str(ps)] = key

        def name(key: str) -> str:
            while key in owner and not key.startswith("<"):
                key = owner[key]
            node = by_subject.get(key, {})
            label = next((o.value for o in node.get(RDFS + "label", []) if isinstance(o, ox.Literal)), None)
            return label or (ns.shorten(key[1:-1]) if key.startswith("<") else "an unnamed shape")

        for key, node in by_subject.items():
            named = []
            for p in ("targetClass", "targetSubjectsOf", "targetObjectsOf", "path", "class", "datatype"):
                named += [o.value for o in node.get(SH + p, []) if isinstance(o, ox.NamedNode)]
            for path_node in node.get(SH + "path", []):  # a sequence or an inverse path: its IRIs
                if not isinstance(path_node, ox.NamedNode):
                    inner = by_subject.get(str(path_node), {})
                    named += [o.value for o in inner.get(SH + "inversePath", []) if isinstance(o, ox.NamedNode)]
                    named += [m.value for m in _list_items(by_subject, path_node) if isinstance(m, ox.NamedNode)]
            for iri in named:
                out.setdefault(iri, set()).add((name(key), display))
    return {k: sorted(v) for k, v in out.items()}


def _usage(reader: _Reader, terms: list[Term]) -> None:
    """Instances of each class and statements of each property in the closure, and two examples of each."""
    classes = {iri.value: int(n.value) for iri, n in reader.rows(
        f'SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a ?c FILTER(STRSTARTS(STR(?c), "{ns.STC}")) }} GROUP BY ?c')}
    props = {iri.value: int(n.value) for iri, n in reader.rows(
        f'SELECT ?p (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?p), "{ns.STC}")) }} GROUP BY ?p')}
    entity = "isIRI(?e)"  # entities first (their IRIs sort before the ontology's), then its own individuals
    for t in terms:
        node = ox.NamedNode(t.iri)
        if t.kind == "class":
            t.count = classes.get(t.iri, 0)
            if t.count:
                t.examples = [(e.value, None) for e, in reader.rows(
                    f"SELECT DISTINCT ?e WHERE {{ ?e a {node} FILTER({entity}) }} ORDER BY ?e LIMIT {EXAMPLES}")]
        elif t.is_property:
            t.count = props.get(t.iri, 0)
            if t.count:
                t.examples = [(e.value, _v(o) if not isinstance(o, ox.BlankNode) else None) for e, o in reader.rows(
                    f"SELECT ?e ?o WHERE {{ ?e {node} ?o FILTER({entity}) }} ORDER BY ?e ?o LIMIT {EXAMPLES}")]


def _entities(reader: _Reader, labels: dict[str, str]) -> dict[str, Entity]:
    """Every entity (an IRI of the entity namespace that is a subject), with its asserted statements."""
    inferred = f"<{ns.INFERRED_GRAPH}>"
    facts: dict[str, list[Fact]] = {}
    incoming: dict[str, list[Fact]] = {}
    for s, p, o in reader.rows(f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {inferred} "
                               f'&& isIRI(?s) && STRSTARTS(STR(?s), "{ns.ID}")) }}'):
        f = _fact(s, p, o)
        facts.setdefault(s.value, []).append(f)
        if f.is_iri and f.value.startswith(ns.ID):
            incoming.setdefault(f.value, []).append(f)
    types: dict[str, list[str]] = {}
    for s, t in reader.rows(f'SELECT ?s ?t WHERE {{ ?s a ?t FILTER(STRSTARTS(STR(?s), "{ns.ID}") '
                            f'&& STRSTARTS(STR(?t), "{ns.STC}")) }}'):
        types.setdefault(s.value, []).append(t.value)
    out = {}
    for iri in sorted(facts):
        kind, _, slug = iri[len(ns.ID):].partition("/")
        if not slug or "/" in slug:
            continue  # not {kind}/{slug}: no page address for it
        out[iri] = Entity(iri, kind, slug, labels.get(iri, ns.shorten(iri)), sorted(types.get(iri, [])),
                          sorted(facts[iri], key=_fact_key), sorted(incoming.get(iri, []), key=_fact_key))
    return out


def _sources(reader: _Reader, built, entities: dict[str, Entity], labels: dict[str, str]) -> list[Source]:
    """The source graphs of the build: size, entities typed in each, and what the data says of each source."""
    graphs = sorted(built.manifest.get("graph_files", {}))
    sizes = {g.value: int(n.value) for g, n in reader.rows(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
    typed = {g.value: int(n.value) for g, n in reader.rows(
        f'SELECT ?g (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?t }} FILTER(STRSTARTS(STR(?s), "{ns.ID}")) }}'
        " GROUP BY ?g")}
    out = []
    for g in graphs:
        e = entities.get(g)
        details = [f for f in (e.facts if e else []) if not f.is_iri and f.predicate not in ns.LABEL_PREDICATES]
        file = built.manifest["graph_files"][g]
        out.append(Source(g, labels.get(g, ns.shorten(g)), file if isinstance(file, str) else ", ".join(file),
                          sizes.get(g, 0), typed.get(g, 0), details))
    return out


def _dumps(dumps_dir: Path) -> list[Dump]:
    from kg.export import DUMP_MEDIA

    out = []
    for line in (dumps_dir / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        media = DUMP_MEDIA.get(name.removesuffix(".gz"), "")
        out.append(Dump(name, media, (dumps_dir / name).stat().st_size, digest))
    return out


def _cell(term) -> dict | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"value": term.value, "iri": True}
    return {"value": term.value if isinstance(term, ox.Literal) else f"_:{term.value}", "iri": False}


def _queries(project, store) -> list[QueryRun]:
    """Each saved query with its header, run once with its example parameters."""
    from kg.catalogue import Catalogue
    from kg.errors import KgError
    from kg.params import bind_params

    out = []
    for q in Catalogue.of(project).saved():
        run = QueryRun(q.name, q.title, q.description, q.params, q.examples, q.example_params())
        try:
            result = store.query(q.text, bind_params(q.text, run.bindings, declared=q.params, store=store),
                                 name=q.display)
            run.kind = result.kind
            if result.kind == "select":
                rows = result.rows
                run.variables, run.total = result.variables, len(rows)
                run.rows = [[_cell(t) for t in row] for row in rows[:QUERY_ROWS]]
            elif result.kind == "graph":
                triples = sorted(result.triples, key=str)
                run.variables, run.total = ["subject", "predicate", "object"], len(triples)
                run.rows = [[_cell(t.subject), _cell(t.predicate), _cell(t.object)] for t in triples[:QUERY_ROWS]]
            else:
                run.variables, run.total, run.rows = ["answer"], 1, [[{"value": str(result.boolean).lower(),
                                                                       "iri": False}]]
        except KgError as exc:  # shown on the page: one broken query spoils only itself
            run.error = str(exc)
        out.append(run)
    return out


def _core(terms: list[Term]) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """The core model: every object property the ontology gives a domain and a range, between those classes,
    and the subclass links among them and up to the reused vocabularies' classes they specialise."""
    by_iri = {t.iri: t for t in terms}
    edges = sorted((d, t.iri, r) for t in terms if t.kind == "object property"
                   for d in t.domains for r in t.ranges)
    classes = {c for d, _, r in edges for c in (d, r)}
    supers = sorted((c, s) for c in classes if c in by_iri for s in by_iri[c].supers
                    if s in classes or not s.startswith(ns.STC))
    return edges, supers


def _ontology_triples(built) -> list:
    """The ontology graph's triples, sorted, read from the build's asserted.nq: its blank nodes keep the
    labels the loader gave them (by file and order), where the store would name them anew in every build."""
    graph = ox.NamedNode(ns.ONTOLOGY_GRAPH)
    quads = ox.parse(path=str(built.path / "asserted.nq"), format=ox.RdfFormat.N_QUADS)
    return sorted((ox.Triple(q.subject, q.predicate, q.object) for q in quads if q.graph_name == graph), key=str)


def core_model(built) -> tuple[list, list, dict[str, str]]:
    """The core model's edges, subclass links and labels, read from the build's ontology graph alone."""
    from kg.store import OxigraphStore

    reader = _Reader(OxigraphStore.open(built.store_path))
    labels = _labels(reader)
    onto = _ontology_triples(built)
    return (*_core(_terms(onto, labels)), labels)


def collect(built, project, dumps_dir: Path) -> Docs:
    """Read everything the pages show from ``built`` (a kg.builds.Built), ``project`` and the dumps in ``dumps_dir``."""
    from kg import __version__
    from kg.export import LICENSE, dataset_title
    from kg.store import OxigraphStore

    store = OxigraphStore.open(built.store_path)
    reader = _Reader(store)
    labels = _labels(reader)
    onto = _ontology_triples(built)
    terms = _terms(onto, labels)
    shapes = _shapes(project)
    from kg import profile as kp

    profiles = kp.properties([ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(ns.ONTOLOGY_GRAPH))
                              for t in onto])
    for t in terms:
        t.shapes = shapes.get(t.iri, [])
        if t.iri in profiles:
            t.profile = kp.summary(profiles[t.iri])
    _usage(reader, terms)
    entities = _entities(reader, labels)
    described = [ox.Triple(s, p, o) for s, p, o in reader.rows(
        f"SELECT ?s ?p ?o WHERE {{ VALUES ?s {{ <{ns.DATASET_IRI}> <{ns.ONTOLOGY_IRI}> }} ?s ?p ?o }}")]
    title, description = dataset_title(described)
    head = sorted((_fact(t.subject, t.predicate, t.object) for t in onto if t.subject.value == ns.ONTOLOGY_IRI),
                  key=_fact_key)
    counts = built.manifest.get("counts", {})
    class_counts = sorted(((t.iri, t.count) for t in terms if t.kind == "class" and t.count),
                          key=lambda x: (-x[1], x[0]))
    edges, supers = _core(terms)
    return Docs(
        title=title, description=description, version=__version__, build_id=built.manifest.get("hash", "")[:16],
        license=LICENSE, ontology_head=head, terms=terms, ontology_triples=onto, labels=labels, entities=entities,
        sources=_sources(reader, built, entities, labels), class_counts=class_counts,
        triples=counts.get("closure_triples", 0), inferred=counts.get("inferred_triples", 0),
        dumps=_dumps(dumps_dir), queries=_queries(project, store),
        discrepancies=sorted(i for i, e in entities.items() if e.kind == "discrepancy"),
        core_edges=edges, core_subclasses=supers)
