"""Run third-party RDF/OWL tools as independent consumers of our files.

This is a helper module imported by tests; it is not itself a test file.

Tools (installed by ``.ci/run`` from ``.ci/apt-packages.txt`` and ``pip``):

* Apache Jena ``riotcmd.riot`` (Debian ``libapache-jena-java``, run with
  ``java``): :func:`riot_validate`, :func:`riot_count`.
* Apache Jena SHACL, ``shacl.shacl validate`` (same package):
  :func:`jena_shacl_validate`; and :func:`jena_shacl_batch`, which validates
  many (shapes, data) pairs in one JVM with ``tests/helpers/jena/ShaclBatch.java``
  (run from source by Java's launcher, so it needs a JDK: Debian
  ``default-jdk-headless``).
* ``rapper`` (Debian ``raptor2-utils``): :func:`rapper_count`.
* HermiT, run through ``owlready2`` (PyPI, needs ``java``):
  :func:`hermit_check`.

Skipping versus failing when a tool is missing
-----------------------------------------------
Mark a test with ``@requires_riot``, ``@requires_rapper``, ``@requires_hermit``,
``@requires_jena_shacl`` or ``@requires_jena_shacl_batch``.  On a developer
machine without the tool the test is *skipped*.  When the environment variable
``CI`` is ``"true"`` the markers never skip: the test runs, and the first call
of a helper above raises :class:`ToolMissing` (a hard failure naming the
package to install), so CI can never go green by skipping.  Tests that call a
tool some other way can call :func:`need_tool` (``"riot"``, ``"rapper"``,
``"hermit"``, ``"jena-shacl"``, ``"jena-shacl-batch"`` ...) first, which skips
or raises with the same rule.

Jena work-around
----------------
Debian's Jena 4.5 jars need an explicit class path and a small jar fixing where the relocated xerces
classes look for their message bundles (else every command dies at start-up with
``ExceptionInInitializerError ... XSSimpleTypeDecl``).  kg ships both, for the users of docs/STORES.md
as for these helpers: :func:`jena_classpath` is ``kg.stores.jena_classpath`` (``kg stores
jena-classpath``), which caches the fix jar in kg's cache folder.

Network
-------
None of these helpers reaches the network: ``rapper`` is given only existing
local files with ``--feature noNet`` (given a path that does not exist, rapper
would treat it as a URL and try to resolve it as a host name), and
:func:`hermit_check` refuses (or with ``ignore_imports=True`` strips)
``owl:imports`` before owlready2 sees the file, because owlready2's ``load()``
always follows imports, over HTTP if need be, and has no switch to stop it.
The Jena SHACL helpers hand Jena only existing local files (it would take a
missing path for a URL), and Jena parses the shapes from a graph, which does
not load their ``owl:imports`` (``Shapes.parse(filename)`` would).
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from kg.stores import JENA_JARS, java_dir
from kg.stores import jena_classpath as kg_jena_classpath

__all__ = [
    "ToolMissing",
    "ToolError",
    "IN_CI",
    "tool_available",
    "need_tool",
    "requires_riot",
    "requires_rapper",
    "requires_hermit",
    "requires_jena_shacl",
    "requires_jena_shacl_batch",
    "riot_validate",
    "riot_count",
    "rapper_count",
    "hermit_check",
    "jena_shacl_validate",
    "jena_shacl_batch",
]

IN_CI = os.environ.get("CI") == "true"

JAVA_DIR = java_dir()  # KG_JAVA_DIR, else /usr/share/java
JENA_CLASSPATH_JARS = JENA_JARS  # the class path kg ships (kg.stores), one list

# Where each tool comes from, for error messages.
_INSTALL_HINT = {
    "riot": "apt-get install libapache-jena-java default-jre-headless "
            "(see .ci/apt-packages.txt)",
    "jena-shacl": "apt-get install libapache-jena-java default-jre-headless "
                  "(see .ci/apt-packages.txt)",
    "jena-shacl-batch": "apt-get install libapache-jena-java default-jdk-headless "
                        "(see .ci/apt-packages.txt): Java's source launcher runs tests/helpers/jena/ShaclBatch.java",
    "rapper": "apt-get install raptor2-utils (see .ci/apt-packages.txt)",
    "hermit": "pip install owlready2 and apt-get install default-jre-headless",
    "spark": "pip install pyspark and apt-get install default-jre-headless",
    "graphviz": "apt-get install graphviz (see .ci/apt-packages.txt): kg docs draws its diagrams with dot",
    "jemalloc": "apt-get install libjemalloc2 (see .ci/apt-packages.txt): the allocator kg build preloads",
    "mimalloc": "apt-get install libmimalloc2.0 (see .ci/apt-packages.txt): an allocator a caller preloads",
    "chromium": "apt-get install chromium (see .ci/apt-packages.txt) and pip install playwright "
                "(never `playwright install`: the tests drive /usr/bin/chromium)",
}

TOOL_TIMEOUT = 300  # seconds; a JVM start is about 1 s, so this is generous


class ToolMissing(RuntimeError):
    """A third-party tool needed by a test is not installed."""


class ToolError(RuntimeError):
    """A third-party tool ran and reported failure (message from the tool)."""

    def __init__(self, message: str, proc: subprocess.CompletedProcess | None = None):
        super().__init__(message)
        self.proc = proc


# --------------------------------------------------------------------------
# availability, skip-or-fail
# --------------------------------------------------------------------------

_ON_JAVA = {"hermit": "owlready2", "spark": "pyspark"}  # tool -> the package that drives its JVM


def _missing(name: str) -> str | None:
    """Why tool NAME is unusable, or None when it looks usable (cheap: no JVM)."""
    if name in ("riot", "jena-shacl"):  # one package, one class path (jena-shacl.jar is on it)
        if shutil.which("java") is None:
            return "java is not on PATH"
        absent = [j for j in JENA_CLASSPATH_JARS if not (JAVA_DIR / f"{j}.jar").is_file()]
        if absent:
            return f"jars missing from {JAVA_DIR}: {', '.join(absent)}"
        return None
    if name == "jena-shacl-batch":  # a Java source file: the launcher compiles it, which takes a JDK
        return _missing("jena-shacl") or (None if shutil.which("javac") else "javac (a JDK) is not on PATH")
    if name == "rapper":
        return None if shutil.which("rapper") else "rapper is not on PATH"
    if name in _ON_JAVA:  # a Python package that runs a JVM: HermiT through owlready2, Spark SQL (kg.owlrl.sql)
        if shutil.which("java") is None:
            return "java is not on PATH"
        try:
            importlib.import_module(_ON_JAVA[name])
        except ImportError as exc:
            return f"{_ON_JAVA[name]} is not importable ({exc})"
        return None
    if name == "graphviz":  # Graphviz's dot, which kg docs draws the diagrams with (tests/publish/test_docs*.py)
        return None if shutil.which("dot") else "dot is not on PATH"
    if name in ("jemalloc", "mimalloc"):  # what kg build preloads, and what a caller may have (kg.memory)
        import ctypes.util

        return None if ctypes.util.find_library(name) else f"lib{name} is not on the library path"
    if name == "chromium":  # headless Chromium driven by Playwright (tests/serve/test_serve_clients.py)
        if not (shutil.which("chromium") or Path("/usr/bin/chromium").is_file()):
            return "chromium is not on PATH"
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError as exc:
            return f"playwright is not importable ({exc})"
        return None
    raise ValueError(f"unknown tool {name!r}")


@functools.lru_cache(maxsize=None)
def _missing_cached(name: str) -> str | None:
    return _missing(name)


def tool_available(name: str) -> bool:
    return _missing_cached(name) is None


def _require(name: str) -> None:
    """Raise ToolMissing if tool NAME is unusable (called by every helper)."""
    why = _missing_cached(name)
    if why is not None:
        raise ToolMissing(f"{name} unavailable: {why}; install: {_INSTALL_HINT[name]}")


def need_tool(name: str) -> None:
    """Skip the calling test if tool NAME is missing; fail instead when CI=true."""
    why = _missing_cached(name)
    if why is None:
        return
    if IN_CI:
        pytest.fail(f"CI=true and {name} is unavailable: {why}; "
                    f"install: {_INSTALL_HINT[name]}", pytrace=False)
    pytest.skip(f"{name} unavailable: {why}")


def _requires(name: str):
    why = _missing_cached(name)
    return pytest.mark.skipif(
        why is not None and not IN_CI,
        reason=f"{name} unavailable: {why} (never skipped when CI=true)",
    )


requires_riot = _requires("riot")
requires_rapper = _requires("rapper")
requires_hermit = _requires("hermit")
requires_jena_shacl = _requires("jena-shacl")
requires_jena_shacl_batch = _requires("jena-shacl-batch")


# --------------------------------------------------------------------------
# Jena riot
# --------------------------------------------------------------------------

def jena_classpath() -> str:
    """Jena's class path as kg ships it (``kg stores jena-classpath``), the xerces fix jar first."""
    _require("riot")  # the same conditions as "jena-shacl"
    return kg_jena_classpath(JAVA_DIR)


def _riot(args: list[str]) -> subprocess.CompletedProcess:
    cmd = ["java", "-cp", jena_classpath(), "riotcmd.riot", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=TOOL_TIMEOUT,
                          stdin=subprocess.DEVNULL)


def _syntax_args(syntax: str | None) -> list[str]:
    return [f"--syntax={syntax}"] if syntax else []


def riot_validate(path, syntax: str | None = None) -> subprocess.CompletedProcess:
    """``riotcmd.riot --validate PATH``; returncode 1 on syntax errors and on
    ill-typed literals (e.g. ``"abc"^^xsd:integer``).  Does not raise on a
    non-zero exit: look at ``.returncode`` and ``.stderr``.  The syntax is
    guessed from the file extension unless SYNTAX (e.g. ``"turtle"``) is given.
    """
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(p)
    return _riot(["--validate", *_syntax_args(syntax), str(p)])


_RIOT_COUNT_RE = re.compile(r":\s*(?:Triples|Quads)\s*=\s*(\d+)")


def riot_count(path, syntax: str | None = None) -> int:
    """Number of triples (or quads) per ``riotcmd.riot --count``.

    Raises ToolError when riot exits non-zero, which it also does for a file
    that parses but holds an ill-typed literal (the count is still printed).
    """
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(p)
    proc = _riot(["--count", *_syntax_args(syntax), str(p)])
    if proc.returncode != 0:
        raise ToolError(f"riot --count {p} exited {proc.returncode}:\n{proc.stderr.strip()}", proc)
    # riot prints "file:///...: Triples = N" on stderr.
    m = _RIOT_COUNT_RE.search(proc.stderr) or _RIOT_COUNT_RE.search(proc.stdout)
    if not m:
        raise ToolError(f"could not read a count from riot's output:\n{proc.stderr}{proc.stdout}", proc)
    return int(m.group(1))


# --------------------------------------------------------------------------
# Jena SHACL
# --------------------------------------------------------------------------

SHACL_BATCH_SOURCE = Path(__file__).resolve().parent / "jena" / "ShaclBatch.java"


def _existing(path) -> Path:
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(p)
    return p


def _rdflib_from_ntriples(data: bytes):
    """An rdflib Graph of N-Triples that keeps the blank node labels (rdflib's own parser renames them)."""
    import pyoxigraph as ox
    import rdflib

    def term(t):
        if isinstance(t, ox.NamedNode):
            return rdflib.URIRef(t.value)
        if isinstance(t, ox.BlankNode):
            return rdflib.BNode(t.value)
        if t.language:
            return rdflib.Literal(t.value, lang=t.language, normalize=False)
        if t.datatype.value == "http://www.w3.org/2001/XMLSchema#string":  # RDF 1.1: a simple literal
            return rdflib.Literal(t.value, normalize=False)
        return rdflib.Literal(t.value, datatype=rdflib.URIRef(t.datatype.value), normalize=False)

    g = rdflib.Graph()
    for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
        g.add((term(q.subject), term(q.predicate), term(q.object)))
    return g


def jena_shacl_validate(data_path, shapes_path):
    """``shacl.shacl validate --shapes SHAPES --data DATA``: Jena's validation report as an rdflib Graph.

    The command exits 0 whether or not the data conforms (the report's ``sh:conforms`` says which);
    a non-zero exit (an unreadable file, shapes Jena refuses) raises ToolError.  Files are read by
    their extension (``.ttl``, ``.nt`` ...).  The command relabels blank nodes, so a blank node in
    the report cannot be matched with one of the data: :func:`jena_shacl_batch` keeps the labels.
    """
    import rdflib

    _require("jena-shacl")
    data, shapes = _existing(data_path), _existing(shapes_path)
    cmd = ["java", "-cp", jena_classpath(), "shacl.shacl", "validate", "--shapes", str(shapes), "--data", str(data)]
    proc = subprocess.run(cmd, capture_output=True, timeout=TOOL_TIMEOUT, stdin=subprocess.DEVNULL)
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode != 0:
        raise ToolError(f"shacl validate --shapes {shapes} --data {data} exited {proc.returncode}:\n{stderr}", proc)
    g = rdflib.Graph()
    try:  # Jena writes the report in UTF-8 whatever the locale
        g.parse(data=proc.stdout.decode("utf-8"), format="turtle")
    except Exception as exc:  # noqa: BLE001 (any parser error is the tool's)
        raise ToolError(f"shacl validate printed no Turtle report ({exc}):\n{stderr}", proc) from None
    return g


class JenaShaclBatch:
    """Validations running in one JVM (see :func:`jena_shacl_batch`); :meth:`reports` waits for them."""

    def __init__(self, jobs: list[tuple[Path, Path, Path]], process: subprocess.Popen, log: Path, timeout: float):
        self.jobs, self.process, self.log, self.timeout = jobs, process, log, timeout

    def reports(self) -> list:
        """One entry per pair, in order: the report as an rdflib Graph (blank nodes labelled as in the
        data), or a ToolError when Jena could not use the shapes or the data of that pair."""
        try:
            out, _ = self.process.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            raise ToolError(f"the Jena SHACL batch took over {self.timeout} s") from None
        log = self.log.read_text(encoding="utf-8", errors="replace").strip()
        if self.process.returncode != 0 or b"done" not in out:
            raise ToolError(f"the Jena SHACL batch exited {self.process.returncode}:\n{log[-3000:]}")
        answers = []
        for shapes, data, report in self.jobs:
            error = report.with_name(report.name + ".error")
            if error.is_file():
                answers.append(ToolError(f"Jena SHACL on {data} with {shapes}: {error.read_text(encoding='utf-8')}"))
            else:
                answers.append(_rdflib_from_ntriples(report.read_bytes()))
        return answers

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def jena_shacl_batch(pairs, workdir, timeout: float = TOOL_TIMEOUT) -> JenaShaclBatch:
    """Start validating every ``(shapes_path, data_path)`` pair in one JVM, in the background.

    Each pair is validated as ``shacl validate --shapes SHAPES --data DATA`` validates it, by
    ``tests/helpers/jena/ShaclBatch.java``: one JVM start (a second or two) instead of one per pair, each
    shapes file parsed once, and blank nodes keeping their labels from the data file, so that a
    result about a blank node names the node the data names.  Returns at once; call
    ``.reports()`` for the reports (the JVM works on while Python does something else).
    Reports and the job list go to WORKDIR.
    """
    _require("jena-shacl-batch")
    workdir = Path(workdir)
    jobs = []
    for n, (shapes, data) in enumerate(pairs):
        jobs.append((_existing(shapes), _existing(data), workdir / f"report-{n}.nt"))
    listing = workdir / "jobs.tsv"
    listing.write_text("".join(f"{s}\t{d}\t{r}\n" for s, d, r in jobs), encoding="utf-8")
    log = workdir / "jena.log"
    with open(log, "wb") as err:
        process = subprocess.Popen(["java", "-cp", jena_classpath(), str(SHACL_BATCH_SOURCE), str(listing)],
                                   stdout=subprocess.PIPE, stderr=err, stdin=subprocess.DEVNULL)
    return JenaShaclBatch(jobs, process, log, timeout)


# --------------------------------------------------------------------------
# rapper
# --------------------------------------------------------------------------

_RAPPER_COUNT_RE = re.compile(r"Parsing returned (\d+) triples?\b")


def rapper_count(path, syntax: str) -> int:
    """``rapper -i SYNTAX -c PATH``: triple count; ToolError on a non-zero exit.

    SYNTAX is a raptor parser name: turtle, ntriples, trig, nquads, rdfxml...
    rapper does not check literal lexical forms (``"abc"^^xsd:integer`` passes).
    """
    _require("rapper")
    p = Path(path)
    if not p.is_file():
        # rapper would take a missing path for a URL and try to fetch it.
        raise FileNotFoundError(p)
    cmd = ["rapper", "--feature", "noNet=1", "-i", syntax, "-c", str(p.resolve())]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=TOOL_TIMEOUT,
                          stdin=subprocess.DEVNULL)
    if proc.returncode != 0:
        raise ToolError(f"rapper -i {syntax} -c {p} exited {proc.returncode}:\n"
                        f"{proc.stderr.strip()}", proc)
    m = _RAPPER_COUNT_RE.search(proc.stderr)
    if not m:
        raise ToolError(f"could not read a count from rapper's output:\n{proc.stderr}", proc)
    return int(m.group(1))


# --------------------------------------------------------------------------
# HermiT via owlready2
# --------------------------------------------------------------------------

_RDFLIB_FORMATS = {
    ".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".ntriples": "nt",
    ".owl": "xml", ".rdf": "xml", ".xml": "xml", ".n3": "n3",
}
_OWL_IMPORTS = "http://www.w3.org/2002/07/owl#imports"
_OWL_NOTHING = "http://www.w3.org/2002/07/owl#Nothing"


def hermit_check(path, *, ignore_imports: bool = False,
                 ignore_unsupported_datatypes: bool = False) -> tuple[bool, list[str]]:
    """Run HermiT (OWL 2 DL) on a Turtle, N-Triples or RDF/XML file.

    Returns ``(consistent, unsatisfiable_classes)``: the sorted IRIs of named
    classes equivalent to owl:Nothing (owl:Nothing itself excluded).  An
    inconsistent ontology gives ``(False, [])``.

    The file is always re-serialised to N-Triples with rdflib in a temp
    directory (owlready2 does not read Turtle).  ``owl:imports`` triples make
    this raise ValueError, since owlready2 would fetch the imports over the
    network; with ``ignore_imports=True`` they are dropped instead (and the
    imported axioms are then not reasoned over).

    ``ignore_unsupported_datatypes`` lets HermiT treat literals of datatypes
    outside the OWL 2 datatype map (xsd:date, xsd:gYear, ...) as opaque
    instead of refusing the ontology.
    """
    _require("hermit")
    import rdflib
    from owlready2 import World, sync_reasoner_hermit
    from owlready2.base import OwlReadyInconsistentOntologyError

    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(p)
    fmt = _RDFLIB_FORMATS.get(p.suffix.lower()) or rdflib.util.guess_format(str(p)) or "turtle"
    g = rdflib.Graph()
    g.parse(p, format=fmt)
    imports = list(g.triples((None, rdflib.URIRef(_OWL_IMPORTS), None)))
    if imports and not ignore_imports:
        raise ValueError(f"{p} has owl:imports ({', '.join(str(o) for _, _, o in imports)}); "
                         "owlready2 would fetch them; pass ignore_imports=True to drop them")
    for t in imports:
        g.remove(t)

    with tempfile.TemporaryDirectory(prefix="kg-hermit-") as tmp:
        nt = Path(tmp) / "onto.nt"
        g.serialize(destination=nt, format="nt", encoding="utf-8")
        w = World()  # in-memory quadstore, independent of owlready2.default_world
        try:
            onto = w.get_ontology(nt.as_uri()).load(only_local=True)
            try:
                with onto:
                    sync_reasoner_hermit(w, infer_property_values=False, debug=0,
                                         ignore_unsupported_datatypes=ignore_unsupported_datatypes)
            except OwlReadyInconsistentOntologyError:
                return False, []
            unsat = sorted({c.iri for c in w.inconsistent_classes()
                            if getattr(c, "iri", None) and c.iri != _OWL_NOTHING})
            return True, unsat
        finally:
            w.close()
