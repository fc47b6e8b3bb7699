"""What other triple stores need to hold kg, shipped so that docs/STORES.md's recipes run as written (the
``kg stores`` commands; the store tests use the same functions):

* ``virtuoso_ini``: a complete ``virtuoso.ini`` for a private Virtuoso 7 on loopback, its database in
  one folder (Debian's ``virtuoso-opensource-7-bin`` ships the server, not a usable configuration);
* ``jena_classpath``: the class path that runs Jena's command-line classes from Debian's
  ``libapache-jena-java`` jars, which has no wrapper scripts, breaks with ``-cp '/usr/share/java/*'``
  (two slf4j bindings) and needs the xerces fix below;
* ``JENA_ENDPOINT``: a small SPARQL Protocol endpoint over TDB2 (JenaTdbEndpoint.java, beside this
  file), for users without Fuseki, which Debian does not package.

Not to be confused with kg.store, kg's own query engine.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from pathlib import Path

from kg.errors import KgError, UsageError
from kg.files import write_whole

JENA_ENDPOINT = Path(__file__).resolve().with_name("JenaTdbEndpoint.java")
JAVA_DIR_ENV = "KG_JAVA_DIR"
DEFAULT_JAVA_DIR = "/usr/share/java"

# The jars Jena's commands need, by Debian's unversioned names (links to the versioned jars).  Exactly
# one slf4j binding (slf4j-simple): the whole folder also holds log4j-over-slf4j and slf4j-log4j12,
# which together make slf4j stop every command at start-up.
JENA_JARS = (
    "jena-cmds", "jena-arq", "jena-core", "jena-base", "jena-iri",
    "jena-shacl", "jena-shex", "jena-tdb", "jena-tdb2",
    "jena-dboe-base", "jena-dboe-index", "jena-dboe-storage",
    "jena-dboe-trans-data", "jena-dboe-transaction", "jena-rdfconnection",
    "commons-cli", "commons-codec", "commons-compress", "commons-csv",
    "commons-io", "commons-lang3", "dexx.collection", "gson", "guava",
    "httpclient", "httpcore", "jackson-core", "jackson-databind",
    "jackson-annotations", "jsonld-java", "jakarta.json-api",
    "titanium-json-ld", "protobuf", "thrift", "slf4j-api", "slf4j-simple",
)
JENA_PACKAGES = "apt-get install libapache-jena-java default-jre-headless"

# Debian's Jena 4.5 relocates xerces to the package xerces.impl but leaves its message bundles under
# org/apache/jena/ext/xerces/impl/ in jena-core.jar, so every command dies at start-up in
# XSSimpleTypeDecl ("internal error"); a small jar with the bundles where the classes look fixes it.
_XERCES_FROM = "org/apache/jena/ext/xerces/impl/"
_XERCES_TO = "xerces/impl/"


class StoreSetupError(KgError):
    """What a store recipe needs is not installed, or a file kg would write is in the way."""


# ------------------------------------------------------------------ Virtuoso
VIRTUOSO_HTTP_PORT = 8890
VIRTUOSO_SQL_PORT = 1111

_VIRTUOSO_INI = """\
; A private Virtuoso 7 for kg (kg stores virtuoso-ini; docs/STORES.md): database, logs and lock in
; {d}, SQL and HTTP on loopback only.  Start it with
;   virtuoso-t +configfile {d}/virtuoso.ini +foreground
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
; the folders the bulk loader (ld_dir) may read
DirsAllowed = {dirs}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}/vsp
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


def virtuoso_ini(folder: Path, http_port: int = VIRTUOSO_HTTP_PORT, sql_port: int = VIRTUOSO_SQL_PORT,
                 allowed: tuple[Path, ...] = ()) -> str:
    """The text of a virtuoso.ini keeping everything in ``folder`` (an absolute path), serving SPARQL at
    http://127.0.0.1:HTTP_PORT/sparql and SQL (isql-vt) on SQL_PORT; the bulk loader may read ``folder``
    and the folders ``allowed``."""
    dirs = ", ".join(dict.fromkeys([".", str(folder), *(str(Path(a).resolve()) for a in allowed)]))
    return _VIRTUOSO_INI.format(d=folder, sql=sql_port, http=http_port, dirs=dirs)


def write_virtuoso_ini(folder, http_port: int = VIRTUOSO_HTTP_PORT, sql_port: int = VIRTUOSO_SQL_PORT,
                       allowed=(), replace: bool = False) -> Path:
    """Write ``folder``/virtuoso.ini (see virtuoso_ini) and the folders it names; returns its path.  An
    existing virtuoso.ini that says something else is kept unless ``replace`` (it may hold the user's
    edits, or a database's)."""
    if http_port == sql_port:
        raise UsageError(f"the HTTP and the SQL port are both {http_port}: Virtuoso needs two")
    folder = Path(folder).resolve()
    (folder / "vsp").mkdir(parents=True, exist_ok=True)
    path = folder / "virtuoso.ini"
    text = virtuoso_ini(folder, http_port, sql_port, tuple(allowed)).encode("utf-8")
    if path.exists() and not replace and path.read_bytes() != text:
        raise StoreSetupError(f"{path} exists and says something else: kept (--replace writes over it)")
    write_whole(path, text)
    return path


# ------------------------------------------------------------------ Jena
def java_dir() -> Path:
    """Where the Java jars are: KG_JAVA_DIR, else Debian's /usr/share/java."""
    return Path(os.environ.get(JAVA_DIR_ENV) or DEFAULT_JAVA_DIR)


def missing_jena_jars(folder: Path | None = None) -> list[str]:
    folder = folder or java_dir()
    return [j for j in JENA_JARS if not (folder / f"{j}.jar").is_file()]


def xerces_fix_jar(folder: Path | None = None, cache: Path | None = None) -> Path | None:
    """The jar holding jena-core.jar's xerces message bundles where the classes look for them, written
    once into ``cache`` (default kg's cache folder) and rebuilt when jena-core.jar changes; None when
    jena-core.jar has no misplaced bundles (a fixed package)."""
    from kg.project import cache_root

    core = ((folder or java_dir()) / "jena-core.jar").resolve()
    st = core.stat()
    key = hashlib.sha256(f"{core}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:16]
    target = (cache or cache_root() / "jena") / f"jena-xerces-msg-fix-{key}.jar"
    if target.is_file():
        return target
    with zipfile.ZipFile(core) as src:
        entries = [n for n in src.namelist()
                   if n.startswith(_XERCES_FROM) and not n.endswith("/") and not n.endswith(".class")]
        if not entries:
            return None
        data = io.BytesIO()
        with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as out:
            for name in entries:
                out.writestr(_XERCES_TO + name[len(_XERCES_FROM):], src.read(name))
    target.parent.mkdir(parents=True, exist_ok=True)
    write_whole(target, data.getvalue())  # whole or not at all: two runs may build it at once
    return target


def jena_classpath(folder: Path | None = None, cache: Path | None = None) -> str:
    """The class path for ``java -cp`` that runs Jena's commands (tdb2.tdbloader, tdb2.tdbquery,
    riotcmd.riot, shacl.shacl) and JENA_ENDPOINT from Debian's jars: the xerces fix first, then
    JENA_JARS."""
    folder = folder or java_dir()
    absent = missing_jena_jars(folder)
    if absent:
        raise StoreSetupError(f"Jena's jars are not all in {folder} (missing {', '.join(absent[:5])}"
                              f"{' …' if len(absent) > 5 else ''}): {JENA_PACKAGES}, or set {JAVA_DIR_ENV}")
    jars = [str(folder / f"{j}.jar") for j in JENA_JARS]
    fix = xerces_fix_jar(folder, cache)
    return os.pathsep.join(([str(fix)] if fix else []) + jars)
