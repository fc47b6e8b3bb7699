"""The ontology reference: pyLODE's OntPub sections, with what pyLODE does not show added to each term.

:func:`reference_html` runs pyLODE on the build's ontology graph and adds kg's rows (characteristics,
inverses, chains, disjointness, equivalents, alignments, profile, shapes, counts, examples; from
:class:`kg.docs.model.Term`) to each term's table, and the individuals as a section of their own.
pyLODE's output is changed: only its body is used (its stylesheet is served as a file,
:func:`pylode_css`), every own term is anchored by its local name, literals reach it escaped, and
``owl:FunctionalProperty`` is kept from it.

See docs/LAYOUT.md, section "The ontology reference", for what pyLODE shows and why each change.
"""

from __future__ import annotations

import html
import re

from kg import namespaces as ns

# Markdown's backslash escapes: each such character in a literal is shown as itself
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")
_UNESCAPED = {ns.PREFIXES["rdfs"] + "label", ns.PREFIXES["skos"] + "prefLabel", ns.PREFIXES["dct"] + "title",
                "http://purl.org/dc/elements/1.1/title", "https://schema.org/name", "http://schema.org/name",
                # read by pyLODE as the namespace and prefix of the ontology's own terms, never shown as Markdown
                ns.PREFIXES["vann"] + "preferredNamespaceUri", ns.PREFIXES["vann"] + "preferredNamespacePrefix"}


def pylode_version() -> str:
    import importlib.metadata

    return importlib.metadata.version("pylode")


def pylode_css() -> bytes:
    """pyLODE's own stylesheet (shipped in its package), served as a file."""
    from importlib.resources import files

    return files("pylode").joinpath("pylode.css").read_bytes()


def _markdown_literal(text: str) -> str:
    return _MARKDOWN.sub(r"\\\1", html.escape(text, quote=False))


def _pylode_input(triples):
    """The ontology graph as pyLODE gets it (docs/LAYOUT.md, "The ontology reference")."""
    import pyoxigraph as ox
    import rdflib

    owl = ns.PREFIXES["owl"]
    kept = []
    for t in triples:
        if t.predicate.value == ns.PREFIXES["rdf"] + "type" and t.object == ox.NamedNode(owl + "FunctionalProperty"):
            continue
        o = t.object
        if isinstance(o, ox.Literal) and t.predicate.value not in _UNESCAPED:
            text = _markdown_literal(o.value)
            if o.language:
                o = ox.Literal(text, language=o.language)
            elif text != o.value:  # a number or date stays typed; text that needed escaping becomes a string
                o = ox.Literal(text)
        kept.append(ox.Triple(t.subject, t.predicate, o))
    g = rdflib.Graph()
    g.parse(data=ox.serialize(kept, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return g


def _walk(node):
    yield node
    for child in getattr(node, "children", []):
        yield from _walk(child)


def _text(node) -> str:
    return "".join(c if isinstance(c, str) else _text(c) for c in getattr(node, "children", [])).strip()


def _anchors(od, terms) -> dict[str, str]:
    """pyLODE's anchor of each IRI -> the anchor it gets here."""
    own = {t.iri: t.local for t in terms}
    taken = set(own.values())
    renamed = {}
    for iri, fid in sorted(od.fids.items(), key=lambda kv: (kv[1] or "", kv[0])):
        if fid is None:
            continue
        new = own.get(iri) or (f"ext-{fid}" if fid in taken else fid)
        taken.add(new)
        renamed[fid] = new
    return renamed


def _import_pylode():
    """pyLODE's OntPub.  Importing pyLODE calls ``logging.basicConfig(level=DEBUG)`` (in its supermodel
    loader), which would turn on DEBUG logging for the whole process (the server's too): a handler on the
    root logger while it imports makes that call do nothing, and is removed again."""
    import logging

    root = logging.getLogger()
    guard = logging.NullHandler()
    root.addHandler(guard)
    try:
        from pylode import OntPub
    finally:
        root.removeHandler(guard)
    return OntPub


def reference_html(docs, render_rows, render_others) -> str:
    """The reference as one HTML fragment: pyLODE's body with stable anchors, each own term's table extended
    by the rows ``render_rows(term)`` gives (HTML), and a section ``render_others(terms)`` (HTML) for the own
    terms pyLODE has no section for (the individuals, and any term of a kind it does not document)."""
    from dominate.util import raw

    od = _import_pylode()(_pylode_input(docs.ontology_triples), sort_subjects=True)
    od._make_metadata()
    od._make_main_sections()
    by_iri = {t.iri: t for t in docs.terms}
    documented = set()
    for el in _walk(od.content):
        attrs = getattr(el, "attributes", {})
        if "entity" not in str(attrs.get("class", "")):
            continue
        # pyLODE's section of a term starts with a table whose first row shows its IRI in a <code>
        table = next((c for c in el.children if type(c).__name__ == "table"), None)
        code = next((c for c in _walk(table) if type(c).__name__ == "code"), None) if table else None
        term = by_iri.get(_text(code)) if code is not None else None
        if term is not None and term.iri not in documented:
            table.add(raw(render_rows(term)))
            documented.add(term.iri)
    others = [t for t in docs.terms if t.iri not in documented]
    if others:
        od.content.add(raw(render_others(others)))
    od._make_namespaces()
    od._make_legend()
    od._make_toc()
    renamed = _anchors(od, docs.terms)
    for el in _walk(od.content):
        attrs = getattr(el, "attributes", None)
        if attrs is None:
            continue
        if attrs.get("id") in renamed:
            attrs["id"] = renamed[attrs["id"]]
        href = attrs.get("href")
        if isinstance(href, str) and href.startswith("#") and href[1:] in renamed:
            attrs["href"] = "#" + renamed[href[1:]]
    return od.content.render()
