"""The one header and menu of every page people see: the documentation site (static or under
``/docs/`` on a server) and the pages ``kg serve`` renders.  ``MENU`` is the table; ``header.html``
(kg/docs/templates) renders it and ``static/header.css`` styles it, for both."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

TEMPLATES = Path(__file__).resolve().parent / "templates"  # header.html among the site's templates
# label, the page of the documentation site (None: not in a static copy), the address on a server
# (None: not served); in menu order.
MENU = (
    ("Home", None, "/"),
    ("Overview", "index.html", "/docs/"),
    ("Entities", "entities/index.html", "/#browse"),
    ("Ontology", "ontology.html", "/docs/ontology.html"),
    ("Dataset", "dataset.html", "/docs/dataset.html"),
    ("Queries", "queries.html", "/docs/queries.html"),
    ("Discrepancies", "discrepancies.html", "/docs/discrepancies.html"),
    ("Query editor", None, "/query"),
    ("SPARQL endpoint", None, "/sparql"),
)
BRAND = "kg"
STYLESHEET = "header.css"  # in kg/docs/static; the site copies it, the server serves it at /static/


@dataclass(frozen=True)
class MenuItem:
    label: str
    href: str
    current: bool


def menu(served: bool, current: str | None = None, page_link: Callable[[str], str] | None = None) -> list[MenuItem]:
    """The menu for a served page (``current``: the address shown, or a docs page name) or a page of the
    static site (``page_link`` makes a site page's relative link, ``current`` its name)."""
    items = []
    for label, page, address in MENU:
        if served and address is not None:
            href = address
        elif not served and page is not None:
            href = page_link(page) if page_link else page
        else:
            continue
        items.append(MenuItem(label, href, current is not None and current in (page, address)))
    return items


def home(served: bool, page_link: Callable[[str], str] | None = None) -> str:
    """Where the brand links: the server's landing page, or the site's overview."""
    return "/" if served else (page_link("index.html") if page_link else "index.html")
