"""``kg release VERSION``: a release of the dataset, byte-identical when made again, with what changed since
the previous release.

:func:`release` writes the folder ``<root>/<VERSION>/`` (root: ``--out``, default ``releases/`` beside the
working copy, :func:`default_root`) from a conforming build of the inputs as they are:

* ``kg-VERSION.{ttl,nt,jsonld,rdf,trig,nq}.gz``: the dumps ``kg export`` writes, gzip'd without a time
  stamp or a file name; the released ontology states the version (``owl:versionIRI``
  ``<…/ontology/VERSION>``, ``owl:versionInfo``, ``owl:priorVersion`` ``<…/ontology/PREVIOUS>``);
* ``kg-VERSION.void.ttl``: their VoID/DCAT description (kg.export) with ``dct:issued``/``dct:modified``,
  the publisher and, when given, the public SPARQL endpoint;
* ``kg-VERSION.changes.md``: the changelog (:func:`changelog`): per class and per graph, the entities
  added, removed and changed since the previous release (kg.diff);
* ``kg-VERSION.patch.ru``: the SPARQL Update that turns a store holding the previous release into one
  holding this one (``kg load --patch``); none for a first release;
* ``SHA256SUMS``.

The date is ``--date``, else SOURCE_DATE_EPOCH, else the date of the working copy's latest git commit:
never the clock, so that a release made twice is the same to the byte.  The previous release is
``--previous DIR``, else the highest version below VERSION among the root's release folders.

See docs/LAYOUT.md, section "Releases (kg release)".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg import namespaces as ns
from kg.diff import DEFAULT, Diff, entities, entities_per_graph, ignoring, sparql_update
from kg.errors import BuildError, ExportError, UsageError
from kg.export import Description, dump_files, make_folder, sha256sums
from kg.progress import SILENT, Reporter

ROOT_NAME = "releases"
# SemVer 2.0 without build metadata: what a version IRI and a file name can both hold
_VERSION = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?")
OWL = ns.PREFIXES["owl"]
# the statements a release writes into the ontology: never a change in the changelog
VERSION_PREDICATES = tuple(OWL + p for p in ("versionIRI", "versionInfo", "priorVersion"))


def default_root(project) -> Path:
    """Where releases go without --out: ``releases/`` beside the working copy, kept (the next release lists
    its changes since the last); in the build folder when the working copy cannot be written (the copy
    bundled in the wheel)."""
    from kg.project import writable

    beside = project.home / ROOT_NAME
    return beside if project.origin != "bundle" and writable(beside) else project.build_dir / ROOT_NAME


def version_key(text: str) -> tuple:
    """SemVer's order: numbers as numbers, a pre-release (1.0.0-rc.1) before its release."""
    m = _VERSION.fullmatch(text)
    if m is None:
        raise UsageError(f"{text!r} is not a version: MAJOR.MINOR.PATCH, optionally with a pre-release "
                         "(1.2.0, 1.2.0-rc.1)")
    core = tuple(int(m.group(i)) for i in (1, 2, 3))
    if m.group(4) is None:
        return core, (1,)
    parts = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in m.group(4).split("."))
    return core, (0, parts)


def file_names(version: str) -> dict[str, str]:
    stem = f"kg-{version}"
    return {"stem": stem, "void": f"{stem}.void.ttl", "changes": f"{stem}.changes.md", "patch": f"{stem}.patch.ru",
            "nq": f"{stem}.nq.gz"}


@dataclass(frozen=True)
class Previous:
    """An earlier release: its folder, version and the dates its description gives."""

    folder: Path
    version: str
    issued: str | None
    modified: str | None

    @classmethod
    def read(cls, folder: Path) -> Previous:
        voids = sorted(folder.glob("kg-*.void.ttl")) if folder.is_dir() else []
        if len(voids) != 1:
            raise UsageError(f"{folder}: not a release folder (one kg-VERSION.void.ttl, written by kg release)")
        found = {}
        try:
            for t in ox.parse(path=str(voids[0]), format=ox.RdfFormat.TURTLE, base_iri=voids[0].resolve().as_uri()):
                if t.subject == ox.NamedNode(ns.DATASET_IRI) and isinstance(t.object, ox.Literal):
                    found.setdefault(t.predicate.value, t.object.value)
        except (OSError, SyntaxError) as exc:
            raise UsageError(f"{voids[0]}: cannot read: {exc}") from None
        version = found.get(ns.PREFIXES["dcat"] + "version")
        if version is None or not (folder / file_names(version)["nq"]).is_file():
            raise UsageError(f"{folder}: not a release folder (no dcat:version in {voids[0].name}, or no "
                             f"kg-VERSION.nq.gz beside it)")
        dct = ns.PREFIXES["dct"]
        return cls(folder, version, found.get(dct + "issued"), found.get(dct + "modified"))


def find_previous(root: Path, version: str) -> Previous | None:
    """The release in ``root`` with the highest version below ``version``."""
    key = version_key(version)
    candidates = []
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        if folder.is_dir() and _VERSION.fullmatch(folder.name) and version_key(folder.name) < key:
            candidates.append(folder)
    for folder in sorted(candidates, key=lambda f: version_key(f.name), reverse=True):
        if (folder / file_names(folder.name)["void"]).is_file():
            return Previous.read(folder)
    return None


def release_date(project, given: str | None = None) -> str:
    """The release's date (``YYYY-MM-DD``): ``given``, else SOURCE_DATE_EPOCH, else the date (UTC) of the
    latest commit of the git repository holding the working copy.  Never the clock."""
    if given:
        try:
            return dt.date.fromisoformat(given).isoformat()
        except ValueError:
            raise UsageError(f"--date {given!r}: not a date (YYYY-MM-DD)") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
        except (ValueError, OverflowError):
            raise UsageError(f"SOURCE_DATE_EPOCH={epoch!r}: not a number of seconds") from None
    try:
        proc = subprocess.run(["git", "-C", str(project.home), "log", "-1", "--format=%ct"], capture_output=True,
                              text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        proc = None
    if proc is not None and proc.returncode == 0 and proc.stdout.strip().isdigit():
        return dt.datetime.fromtimestamp(int(proc.stdout.strip()), dt.timezone.utc).date().isoformat()
    raise UsageError(f"no release date: give --date YYYY-MM-DD or set SOURCE_DATE_EPOCH ({project.home} is not "
                     "in a git repository whose latest commit could give it)")


def version_statements(version: str, previous: str | None) -> bytes:
    """The ontology's version, as N-Quads in the ontology graph (kg.export restates them)."""
    o, g = f"<{ns.ONTOLOGY_IRI}>", f"<{ns.ONTOLOGY_GRAPH}>"
    lines = [f"{o} <{OWL}versionIRI> <{ns.ONTOLOGY_IRI}/{version}> {g} .",
             f"{o} <{OWL}versionInfo> \"{version}\" {g} ."]
    if previous:
        lines.append(f"{o} <{OWL}priorVersion> <{ns.ONTOLOGY_IRI}/{previous}> {g} .")
    return "".join(line + "\n" for line in lines).encode()


@dataclass
class Release:
    folder: Path
    version: str
    date: str
    previous: Previous | None
    written: list[tuple[str, int]]
    diff: Diff | None  # the changes the changelog lists (the version statements left out)


def release(project, version: str, out_dir=None, *, previous_dir=None, date: str | None = None,
            publisher: str | None = None, endpoint: str | None = None, replace: bool = False,
            reporter: Reporter = SILENT) -> Release:
    """Write the release ``version`` of the working copy (see the module's docstring); returns what it wrote."""
    from kg.answering import ensure_built
    from kg.files import replacing_folder

    version_key(version)
    root = Path(out_dir) if out_dir is not None else default_root(project)
    folder = root / version
    if folder.exists() and not replace:
        raise UsageError(f"{folder}: release {version} exists (--replace writes it again)")
    previous = Previous.read(Path(previous_dir)) if previous_dir else find_previous(root, version)
    if previous is not None and version_key(previous.version) >= version_key(version):
        raise UsageError(f"the previous release {previous.version} ({previous.folder}) is not below {version}")
    _check_iri("--sparql-endpoint", endpoint)
    if publisher and "://" in publisher:
        _check_iri("--publisher", publisher)
    day = release_date(project, date)
    if previous is not None and previous.modified and day < previous.modified:
        raise UsageError(f"the release date {day} is before the previous release's ({previous.modified})")
    built = ensure_built(project, reporter)
    if not built.conforms:
        raise BuildError("the build of the inputs does not conform: a release is made only of a conforming build "
                         "(kg validate shows why)")
    names = file_names(version)
    description = Description(version=version, issued=(previous.issued if previous and previous.issued else day),
                              modified=day, publisher=publisher, endpoint=endpoint)
    make_folder(root)
    # each file's size and SHA-256, not its bytes: the dumps of a large graph are written one at a time
    files: dict[str, tuple[int, str]] = {}

    def write(name: str, data: bytes) -> None:
        (tmp / name).write_bytes(data)
        files[name] = (len(data), hashlib.sha256(data).hexdigest())

    try:
        with replacing_folder(folder) as tmp:
            with reporter.step(f"release {version}: dumps") as step:
                for name, size, digest in dump_files(built, tmp, gzip=True, stem=names["stem"],
                                                     void_name=names["void"], description=description,
                                                     restate=version_statements(version,
                                                                                previous and previous.version),
                                                     step=step):
                    files[name] = (size, digest)
                step.summary = f"{len(files)} files"
            d, extra = None, {}
            if previous is not None:
                with reporter.step(f"release {version}: changes since {previous.version}"):
                    d, extra[names["patch"]] = _changes(previous, tmp / names["nq"], version)
            extra[names["changes"]] = changelog(version, day, previous and previous.version, d).encode("utf-8")
            for name, data in extra.items():
                write(name, data)
            write("SHA256SUMS", sha256sums({n: digest for n, (_, digest) in files.items()}))
    except OSError as exc:
        raise ExportError(f"cannot write the release into {root}: {exc.strerror or exc}") from None
    written = [(str(folder / name), size) for name, (size, _) in files.items()]
    return Release(folder, version, day, previous, written, d)


def _check_iri(option: str, value: str | None) -> None:
    if value is None:
        return
    try:
        ox.NamedNode(value)
    except ValueError:
        raise UsageError(f"{option} {value!r}: not an absolute IRI") from None


def _changes(previous: Previous, new_nq: Path, version: str) -> tuple[Diff, bytes]:
    from kg.diff import diff

    d = diff(previous.folder / file_names(previous.version)["nq"], new_nq)
    d.old.name, d.new.name = f"release {previous.version}", f"release {version}"
    patch = sparql_update(d).encode("utf-8")  # everything, the ontology's version too
    ontology = f"<{ns.ONTOLOGY_IRI}> ".encode()
    versioning = tuple(ontology + f"<{p}> ".encode() for p in VERSION_PREDICATES)
    return ignoring(d, lambda line: line.startswith(versioning)), patch


# ------------------------------------------------------------------ the changelog
def changelog(version: str, day: str, previous: str | None, d: Diff | None) -> str:
    """The changes since the previous release, in Markdown: in all, per class, per graph."""
    lines = [f"# Release {version}", ""]
    if previous is None or d is None:
        return "\n".join(lines + [f"Issued {day}. The first release: there is no earlier one to compare with.", ""])
    changed = entities(d)
    counts = {c: sum(1 for e in changed if e.change == c) for c in ("added", "removed", "changed")}
    lines += [f"Issued {day}. Changes since release {previous}; `{file_names(version)['patch']}` turns a store "
              f"holding {previous} into one holding {version} (`kg load --patch`).", ""]
    if not d.changes:
        return "\n".join(lines + ["No statement changed.", ""])
    lines += [f"{_entities_text(counts)}; {d.removed} statements removed and {d.added} added in "
              f"{len(d.changes)} graphs (the inferred graph's included).", "", "## Per class", "",
              "| class | added | removed | changed |", "|---|---:|---:|---:|"]
    by_class: dict[str, list] = {}
    for e in changed:
        for cls in e.classes or ["(untyped)"]:
            by_class.setdefault(cls, []).append(e)
    for cls, members in sorted(by_class.items()):
        n = {c: sum(1 for e in members if e.change == c) for c in ("added", "removed", "changed")}
        lines.append(f"| {_md(cls)} | {n['added']} | {n['removed']} | {n['changed']} |")
    for cls, members in sorted(by_class.items()):
        lines += ["", f"### {_md(cls)}", ""] + [_entity_line(e) for e in members]
    lines += ["", "## Per graph", "",
              "| graph | statements | removed | added | entities added | removed | changed |",
              "|---|---|---:|---:|---:|---:|---:|"]
    per_graph = entities_per_graph(d)
    for c in d.changes:
        es = per_graph.get(c.graph)
        n = ["–"] * 3 if es is None else [sum(1 for e in es if e.change == k) for k in ("added", "removed", "changed")]
        lines.append(f"| {_md(_graph(c.graph))} | {c.old} → {c.new} | {len(c.removed)} | {len(c.added)} | "
                     f"{n[0]} | {n[1]} | {n[2]} |")
    for graph, es in per_graph.items():
        if es:
            lines += ["", f"### {_md(_graph(graph))}", ""] + [_entity_line(e) for e in es]
    return "\n".join(lines) + "\n"


def _entities_text(counts: dict[str, int]) -> str:
    return (f"{counts['added']} {'entity' if counts['added'] == 1 else 'entities'} added, "
            f"{counts['removed']} removed, {counts['changed']} changed")


def _entity_line(e) -> str:
    label = f" {_md(e.label)}" if e.label else ""
    what = f" ({', '.join(_md(p) for p in e.properties)})" if e.change == "changed" else ""
    return f"* {e.change}: `{ns.shorten(e.entity)}`{label}{what}"


def _graph(graph: str) -> str:
    return "(default graph)" if graph == DEFAULT else ns.shorten(graph)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _md(text: str) -> str:
    """Text as Markdown shows it: one line, its special characters escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))
