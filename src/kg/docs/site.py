"""The pages of the documentation, rendered from :class:`kg.docs.model.Docs` for one of two places.

:func:`render_site` gives every file of the site, **static** (``kg docs -o DIR``: relative links, a
page per entity, the dumps in ``dumps/``) or **served** (``kg serve``, under ``/docs/``: links to the
server's addresses); :class:`Links` says where a link goes in each.  Templates are Jinja with
autoescaping; the pages hold no inline script or style, the diagrams are SVG files shown as images.

See docs/LAYOUT.md, section "The documentation site (kg docs)".
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

from markupsafe import Markup

from kg import namespaces as ns
from kg.docs import diagrams, menu
from kg.docs.model import NEIGHBOURS, Docs, term_counts, term_counts_text

HERE = Path(__file__).resolve().parent
CORE = "diagrams/core"


class Links:
    """Where a page links to, in the static folder (relative to the page) or on the server."""

    def __init__(self, served: bool, depth: int = 0, entities=frozenset()):
        self.served = served
        self.root = "/docs/" if served else "../" * depth
        self.entities = entities

    def page(self, name: str) -> str:
        return self.root + name

    def term(self, iri: str) -> str:
        local = iri[len(ns.STC):]
        return f"/ontology#{local}" if self.served else f"{self.root}ontology.html#{local}"

    def entity(self, iri: str) -> str | None:
        rest = iri[len(ns.ID):]
        if self.served:
            return "/page/" + rest
        return f"{self.root}entities/{rest}.html" if iri in self.entities else None

    def diagram(self, name: str) -> str:
        return self.root + name

    def dump(self, name: str) -> str:
        return ("/dumps/" if self.served else self.root + "dumps/") + name

    def query(self, name: str) -> str | None:
        return "/query?" + urllib.parse.urlencode({"name": name, "run": "1"}) if self.served else None

    def iri(self, iri: str) -> str | None:
        """The link for any IRI: this site's (or server's) page for it, the IRI itself on the web, or None."""
        if iri.startswith(ns.STC):
            return self.term(iri)
        if iri == ns.ONTOLOGY_IRI:
            return "/ontology" if self.served else self.page("ontology.html")
        if iri.startswith(ns.ID):
            found = self.entity(iri)
            if found:
                return found
        if self.served and iri.startswith(ns.GRAPH):
            return "/graph/" + iri[len(ns.GRAPH):]
        if iri.lower().startswith(("http://", "https://")) and not iri.startswith(ns.BASE):
            return iri
        return None


def environment():
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(menu.TEMPLATES)),
                             autoescape=jinja2.select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.globals.update(ns=ns, shorten=ns.shorten, brand=menu.BRAND)
    env.filters["num"] = lambda n: f"{n:,}"
    return env


class Renderer:
    def __init__(self, docs: Docs, served: bool):
        self.docs = docs
        self.served = served
        self.env = environment()
        self.entity_set = frozenset() if served else frozenset(docs.entities)
        self.terms = {t.iri: t for t in docs.terms}

    def links(self, depth: int = 0) -> Links:
        return Links(self.served, depth, self.entity_set)

    def render(self, template: str, depth: int = 0, **ctx) -> str:
        from kg.docs.reference import pylode_version

        link = self.links(depth)
        current = ctx.pop("page", None)
        return self.env.get_template(template).render(
            d=self.docs, link=link, labels=self.docs.labels, served=self.served,
            menu_items=menu.menu(self.served, current, link.page), menu_home=menu.home(self.served, link.page),
            menu_search=self.served,
            label=lambda i: self.docs.labels.get(i) or ns.shorten(i), terms=self.terms,
            pylode=pylode_version(), **ctx)

    def reference(self) -> str:
        from kg.docs.reference import reference_html

        def rows(term):
            return self.render("term_rows.html", t=term)

        def others(terms):
            return self.render("other_terms.html", others=terms)

        return reference_html(self.docs, rows, others)


def _entity_diagram(kind: str, slug: str) -> str:
    return f"diagrams/entities/{kind}/{slug}"


def render_site(docs: Docs, served: bool = False) -> dict[str, bytes]:
    """Every file of the site by its path in the folder; the same Docs give the same bytes."""
    from kg.docs.reference import pylode_css

    r = Renderer(docs, served)
    files: dict[str, bytes] = {}
    core = diagrams.core_dot(docs.core_edges, docs.core_subclasses, docs.labels)
    dots = {CORE: core}
    for e in docs.entities.values():
        dots[_entity_diagram(e.kind, e.slug)] = diagrams.entity_dot(e, docs.labels, NEIGHBOURS)
    for name, svg in zip(dots, diagrams.render(list(dots.values()))):
        files[name + ".svg"] = svg
    files[CORE + ".dot"] = core.encode()
    counts = term_counts_text(term_counts(t.kind for t in docs.terms))
    pages = {
        "index.html": r.render("index.html", page="index.html", title="Overview", counts=counts, core=CORE),
        "ontology.html": r.render("ontology.html", page="ontology.html", title="Ontology", reference=Markup(r.reference())),
        "dataset.html": r.render("dataset.html", page="dataset.html", title="Dataset"),
        "queries.html": r.render("queries.html", page="queries.html", title="Saved queries"),
        "discrepancies.html": r.render("discrepancies.html", page="discrepancies.html", title="Discrepancies"),
    }
    if not served:
        by_kind: dict[str, list] = {}
        for e in docs.entities.values():
            by_kind.setdefault(e.kind, []).append(e)
            pages[f"entities/{e.kind}/{e.slug}.html"] = r.render(
                "entity.html", depth=2, e=e, title=e.label, diagram=_entity_diagram(e.kind, e.slug) + ".svg")
        pages["entities/index.html"] = r.render("entities.html", depth=1, page="entities/index.html", title="Entities",
                                               by_kind=by_kind)
    files.update({name: text.encode("utf-8") for name, text in pages.items()})
    for css in ("docs.css", menu.STYLESHEET):
        files["static/" + css] = (HERE / "static" / css).read_bytes()
    files["static/pylode.css"] = pylode_css()
    return files


def entity_diagram_path(iri: str) -> str | None:
    """Where an entity's neighbourhood diagram is in a site, if the IRI has the {kind}/{slug} form."""
    kind, _, slug = iri[len(ns.ID):].partition("/") if iri.startswith(ns.ID) else ("", "", "")
    return _entity_diagram(kind, slug) + ".svg" if slug and "/" not in slug else None
