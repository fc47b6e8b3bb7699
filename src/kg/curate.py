"""Adding a source: the data file of a new article, with its named graph and catalogue entry.

`new_source` writes data/NNN-slug.trig: the article's own graph (title, publisher, author, date, and
the publisher and author introduced as entities) and its catalogue entry in the curation graph (label,
file name, date and title status), in the conventions docs/CURATING.md describes, so that the file
builds clean as written and the curator adds the article's facts to its graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from kg import namespaces as ns
from kg.errors import DataError, ProjectError, UsageError
from kg.files import write_whole
from kg.project import Project

TITLE_STATUSES = {"stated": "TitleStated", "from-text": "TitleFromText", "supplied": "TitleSupplied"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass
class NewSource:
    """What the curator says about a new article."""

    file: str  # the article's file name in the sources folder
    title: str
    publisher: str  # the publisher's name, or the IRI / CURIE of an organisation of the graph
    date: str | None = None  # stated publication date: YYYY-MM-DD, YYYY-MM or YYYY
    estimated_date: str | None = None  # for an undated article: the earliest plausible date
    estimate_reason: str | None = None
    author: str | None = None
    title_status: str = "stated"
    language: str = "en"
    slug: str | None = None  # words for the IRI; from the title when not given


def slugify(text: str, words: int = 6) -> str:
    parts = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(parts[:words]) or "source"


def next_number(project: Project) -> int:
    """One more than the highest number that starts a data file's name."""
    numbers = [int(m.group(1)) for p in project.data_files() if (m := re.match(r"^(\d{3,})-", p.name))]
    return max(numbers, default=-1) + 1


def _literal_date(text: str, what: str) -> str:
    if not _DATE.match(text):
        raise UsageError(f"{what} {text!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")
    kind = {4: "gYear", 7: "gYearMonth", 10: "date"}[len(text)]
    if kind == "date":
        try:
            Date.fromisoformat(text)
        except ValueError:
            raise UsageError(f"{what} {text!r} is not a day of the calendar") from None
    return f'"{text}"^^xsd:{kind}'


def _text(value: str, language: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").strip()
    return f'"{escaped}"@{language}'


def _entity(value: str, kind: str) -> str:
    """The term to write for a publisher or author given by name (a new entity of ``kind``) or IRI/CURIE."""
    iri = _iri_of(value)
    if iri is None:
        return f"{kind}:{slugify(value, 8)}"
    return value if not value.startswith(("http://", "https://")) else f"<{value}>"


def known_entities(project: Project, iris: set[str]) -> dict[str, tuple[list[str], str | None]]:
    """For each of ``iris`` the data types: (its classes, its English preferred label)."""
    from kg.load import parse_file

    found: dict[str, tuple[list[str], str | None]] = {}
    if not iris:
        return found
    rdf_type, pref = ns.PREFIXES["rdf"] + "type", ns.PREFIXES["skos"] + "prefLabel"
    for path in project.data_files():
        for q in parse_file(path, project.relpath(path)):
            if q.subject.value not in iris:
                continue
            classes, label = found.get(q.subject.value, ([], None))
            if q.predicate.value == rdf_type and q.object.value not in classes:
                classes = classes + [q.object.value]
            elif q.predicate.value == pref and getattr(q.object, "language", None) == "en":
                label = q.object.value
            found[q.subject.value] = (classes, label)
    return found


def render(new: NewSource, number: int, known: dict | None = None) -> tuple[str, str]:
    """(file name under data/, its TriG text) for a new source; ``known``: the types and labels of the
    existing entities it names (known_entities), which its graph introduces again."""
    known = known or {}
    if (new.date is None) == (new.estimated_date is None):
        raise UsageError("give the publication date (--date) or, for an undated article, an estimate "
                         "(--estimated-date with --reason)")
    if new.estimated_date is not None and not new.estimate_reason:
        raise UsageError("an estimated date needs the reason it was chosen (--reason)")
    if new.title_status not in TITLE_STATUSES:
        raise UsageError(f"unknown title status {new.title_status!r} (one of {', '.join(TITLE_STATUSES)})")
    if not re.match(r"^[A-Za-z0-9][A-Za-z0-9._-]*$", new.file):
        raise UsageError(f"the file name {new.file!r} is not a plain file name (letters, digits, . _ -)")
    from kg.languages import is_valid

    if not re.fullmatch(r"[A-Za-z0-9-]+", new.language) or not is_valid(new.language):
        raise UsageError(f"--language {new.language!r} is not a valid BCP 47 language tag (en, de, zh-Hans …)")
    slug = f"{number:03d}-{slugify(new.slug or new.title)}"
    source = f"source:{slug}"
    when = _literal_date(new.date or new.estimated_date, "the date")
    publisher = _entity(new.publisher, "organisation")
    publisher_name = _name_of(new.publisher, known)
    lines = [PREFIXES, "",
             f"# Facts from {new.file} ({publisher_name}, "
             f"{new.date or 'no date stated, estimated ' + new.estimated_date}), written by kg new-source;",
             "# the article's facts go into its graph below (docs/CURATING.md).", "",
             f"{source} {{", "",
             f"    {source} a stc:NewsArticle ;",
             f"        dct:title {_text(new.title, new.language)} ;",
             f"        dct:publisher {publisher}" + (" ;" if new.author or new.date else " .")]
    author = _entity(new.author, "person") if new.author else None
    if author:
        lines[-1] = lines[-1].rstrip(" .;") + " ;"
        lines.append(f"        dct:creator {author}" + (" ;" if new.date else " ."))
    if new.date:
        lines.append(f"        stc:publicationDate {when} .")
    lines.append("")
    lines.append(_introduction(publisher, new.publisher, "stc:MediaOrganisation", known))
    if author:
        author_name = _name_of(new.author, known)
        lines.append(_introduction(author, new.author, "stc:Person", known))
        basis = "stc:PublicationDate" if new.date else "stc:EstimatedPublicationDate"
        local = lambda term: term.strip("<>").rsplit(":", 1)[-1].rsplit("/", 1)[-1]  # noqa: E731
        # a post holding is one source's report of a post: its own IRI, even for an author already in the graph
        post = f"post:{local(author)}-{local(publisher)}-author-{number:03d}"
        lines += [f"    {post} a stc:PostHolding ;",
                  f"        skos:prefLabel {_text(author_name + ': author, ' + publisher_name, 'en')} ;",
                  f"        org:member {author} ; org:role role:author ; org:organization {publisher} ;",
                  f"        stc:asOf {when} ; stc:asOfBasis {basis} ; stc:tenure stc:CurrentPost ."]
    lines += ["", "    # ---- the article's facts: places, parks, organisations, people, events, figures", "}", "",
              "# The catalogue entry (curators' metadata about the source)", "source:curation {",
              f"    {source} a stc:NewsArticle ;",
              f"        skos:prefLabel {_text(_catalogue_label(new, publisher_name), 'en')} ;",
              f'        stc:fileName "{new.file}" ;',
              f"        stc:titleStatus stc:{TITLE_STATUSES[new.title_status]} ;"]
    if new.date:
        lines.append("        stc:dateStatus stc:DateStated .")
    else:
        lines += ["        stc:dateStatus stc:DateNotStated ;",
                  f"        stc:estimatedPublicationDate {when} ;",
                  f"        stc:dateEstimateReason {_text(new.estimate_reason, 'en')} ."]
    lines += ["}", ""]
    return f"{slug}.trig", "\n".join(lines)


def _iri_of(value: str) -> str | None:
    if value.startswith(("http://", "https://")):
        return value
    return ns.expand_curie(value) if ":" in value else None


def _name_of(value: str, known: dict) -> str:
    """The name to write for a publisher or author given by name or by IRI."""
    iri = _iri_of(value)
    if iri is None:
        return value
    if iri not in known or known[iri][1] is None:
        raise DataError(f"{value} names no entity of the data with an English skos:prefLabel: give a name instead")
    return known[iri][1]


def _introduction(term: str, value: str, new_class: str, known: dict) -> str:
    """The statements that introduce an entity in the new graph: a new one with ``new_class`` and its name,
    an existing one with the classes and label it has elsewhere."""
    iri = _iri_of(value)
    if iri is None:
        return f"    {term} a {new_class} ; skos:prefLabel {_text(value, 'en')} ."
    classes, label = known[iri]
    return f"    {term} a {' , '.join(ns.shorten(c) for c in classes)} ; skos:prefLabel {_text(label, 'en')} ."


def _catalogue_label(new: NewSource, publisher: str) -> str:
    if new.date and len(new.date) == 10:
        d = Date.fromisoformat(new.date)
        when = f"{d.day} {d.strftime('%b')} {d.year}"
    else:
        when = new.date or "undated"
    return f"{publisher}, {when}: {new.title}"


def new_source(project: Project, new: NewSource, number: int | None = None) -> Path:
    """Write the data file of a new source into the working copy (never over an existing file)."""
    if project.origin == "bundle":
        raise ProjectError("kg new-source writes into a working copy, not the copy bundled with kg: run it in "
                           "a clone (or give --home)")
    number = next_number(project) if number is None else number
    named = {iri for v in (new.publisher, new.author) if v and (iri := _iri_of(v))}
    name, text = render(new, number, known_entities(project, named))
    path = project.home / "data" / name
    if any(p.name.startswith(f"{number:03d}-") for p in project.data_files()):
        raise DataError(f"data/ already holds a source numbered {number:03d}; choose another --number")
    _create(path, text.encode("utf-8"))
    return path


def _create(path: Path, data: bytes) -> None:
    """Write a new file whole, refusing to replace one."""
    try:
        write_whole(path, data, replace=False)
    except FileExistsError:
        raise DataError(f"{path} exists: kg new-source never replaces a file") from None
    except OSError as exc:
        raise DataError(f"cannot write {path}: {exc.strerror or exc}") from None


PREFIXES = ns.turtle_prologue(names=ns.DATA_PREFIXES).rstrip("\n")
