"""``kg stores``: what Virtuoso and Jena need and Debian does not ship, which docs/STORES.md's recipes
and the store tests both use (tests/publish/test_store_recipes.py runs them against the real stores).
Here, without the stores: the virtuoso.ini is complete and never written over silently; the Jena class
path is built from KG_JAVA_DIR with the xerces fix jar first, made once; errors are one line, exit 2."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

BUNDLE = "org/apache/jena/ext/xerces/impl/msg/XMLSchemaMessages.properties"


def kg(*args, env=None):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, env=env)


def one_error_line(r, *words):
    assert r.exit_code == 2, r.stdout + r.stderr
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("kg: error: ") and "Traceback" not in r.stderr
    for word in words:
        assert word in r.stderr, r.stderr


# ------------------------------------------------------------------ Virtuoso
def ini_sections(path: Path) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    section = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(";") or not line.strip():
            continue
        if line.startswith("["):
            section = out.setdefault(line.strip("[]"), {})
        else:
            key, value = (part.strip() for part in line.split("=", 1))
            section[key] = value
    return out


def test_virtuoso_ini_is_complete_and_keeps_everything_in_its_folder(tmp_path):
    folder, dist = tmp_path / "v", tmp_path / "dist"
    r = kg("stores", "virtuoso-ini", str(folder), "--http-port", "18890", "--sql-port", "11111", "--allow", str(dist))
    assert r.exit_code == 0 and r.stdout == f"{folder / 'virtuoso.ini'}\n", r.stderr
    ini = ini_sections(folder / "virtuoso.ini")
    assert ini["Database"] == {"DatabaseFile": f"{folder}/virtuoso.db", "ErrorLogFile": f"{folder}/virtuoso.log",
                               "LockFile": f"{folder}/virtuoso.lck", "TransactionFile": f"{folder}/virtuoso.trx",
                               "xa_persistent_file": f"{folder}/virtuoso.pxa"}
    assert set(ini["TempDatabase"]) == {"DatabaseFile", "TransactionFile"}
    assert ini["Parameters"]["ServerPort"] == "127.0.0.1:11111"
    assert ini["Parameters"]["DirsAllowed"] == f"., {folder}, {dist}"
    assert ini["HTTPServer"] == {"ServerPort": "127.0.0.1:18890", "ServerRoot": f"{folder}/vsp"}
    assert (folder / "vsp").is_dir()


def test_virtuoso_ini_is_not_written_over_unless_asked(tmp_path):
    folder = tmp_path / "v"
    assert kg("stores", "virtuoso-ini", str(folder)).exit_code == 0
    assert kg("stores", "virtuoso-ini", str(folder)).exit_code == 0  # the same file again: nothing to keep
    ini = folder / "virtuoso.ini"
    ini.write_text(ini.read_text() + "; the user's edit\n")
    edited = ini.read_text()
    one_error_line(kg("stores", "virtuoso-ini", str(folder), "--http-port", "9000"), "exists and says something else",
                   "--replace")
    assert ini.read_text() == edited
    assert kg("stores", "virtuoso-ini", str(folder), "--http-port", "9000", "--replace").exit_code == 0
    assert ini_sections(ini)["HTTPServer"]["ServerPort"] == "127.0.0.1:9000"
    one_error_line(kg("stores", "virtuoso-ini", str(folder), "--http-port", "1111", "--replace"), "Virtuoso needs two")


# ------------------------------------------------------------------ Jena
@pytest.fixture
def java_dir(tmp_path):
    """A KG_JAVA_DIR holding every jar kg names (empty files), jena-core.jar with a misplaced bundle."""
    from kg.stores import JENA_JARS

    folder = tmp_path / "java"
    folder.mkdir()
    for name in JENA_JARS:
        (folder / f"{name}.jar").write_bytes(b"")
    with zipfile.ZipFile(folder / "jena-core.jar", "w") as z:
        z.writestr(BUNDLE, "message=text\n")
        z.writestr("org/apache/jena/ext/xerces/impl/msg/Class.class", b"\xca\xfe")
    return folder


def test_jena_classpath_puts_the_xerces_fix_first_and_makes_it_once(tmp_path, java_dir):
    from kg.stores import JENA_JARS

    env = {"KG_JAVA_DIR": str(java_dir), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    r = kg("stores", "jena-classpath", env=env)
    assert r.exit_code == 0, r.stderr
    fix, *jars = r.stdout.strip().split(os.pathsep)
    assert jars == [str(java_dir / f"{j}.jar") for j in JENA_JARS] and len(jars) == 36
    assert "slf4j-simple" in JENA_JARS and "slf4j-log4j12" not in JENA_JARS and "log4j-over-slf4j" not in JENA_JARS
    assert Path(fix).parent == tmp_path / "cache" / "kg" / "jena"
    with zipfile.ZipFile(fix) as z:
        assert z.namelist() == ["xerces/impl/msg/XMLSchemaMessages.properties"]  # resources, not classes
    mtime = Path(fix).stat().st_mtime_ns
    assert kg("stores", "jena-classpath", env=env).stdout == r.stdout and Path(fix).stat().st_mtime_ns == mtime


def test_jena_classpath_names_what_is_missing(tmp_path, java_dir):
    (java_dir / "jena-tdb2.jar").unlink()
    r = kg("stores", "jena-classpath", env={"KG_JAVA_DIR": str(java_dir), "XDG_CACHE_HOME": str(tmp_path)})
    one_error_line(r, f"Jena's jars are not all in {java_dir}", "jena-tdb2", "libapache-jena-java", "KG_JAVA_DIR")


def test_the_tdb2_endpoint_ships_in_the_package():
    import kg as package

    r = kg("stores", "jena-endpoint")
    path = Path(r.stdout.strip())
    assert r.exit_code == 0 and path.is_file() and path.suffix == ".java"
    assert path.parent.parent == Path(package.__file__).resolve().parent  # src/kg/stores: in the wheel
    assert "TDB2.symUnionDefaultGraph" in path.read_text(encoding="utf-8")
