"""docs/PYTHON.md is run, not read: its ```python blocks run in order, in one namespace, against the
repository's own working copy (built), and a ```text block right after one is exactly what it prints.
So the page's rows as dicts, its DataFrame from a saved query with a parameter and the rest of the
Python API work as written."""

from __future__ import annotations

import contextlib
import io
import re

import pytest
from helpers.knowledge import built_real
from helpers.paths import ROOT

DOC = ROOT / "docs" / "PYTHON.md"
BLOCK = re.compile(r"^```(?P<lang>\w*)\n(?P<body>.*?)^```$", re.S | re.M)


def examples() -> list[tuple[str, str | None]]:
    """(code, the output printed after it, or None) for each ```python block, in order."""
    blocks = [(m.group("lang"), m.group("body")) for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))]
    found = []
    for i, (lang, body) in enumerate(blocks):
        if lang == "python":
            after = blocks[i + 1] if i + 1 < len(blocks) else None
            found.append((body, after[1] if after and after[0] == "text" else None))
    return found


def test_the_page_has_its_examples():
    code = "".join(body for body, _ in examples())
    assert len(examples()) >= 8
    for needed in ("kg.open()", ".to_pandas()", 'graph.query("park-locations", park=', ".describe(", ".validate()",
                   ".build()", ".export(", ".queries()"):
        assert needed in code, f"docs/PYTHON.md shows no {needed}"


def test_the_python_guide_runs_as_written(tmp_path, monkeypatch):
    pytest.importorskip("pandas", reason="the page's DataFrame needs pandas (pip install 'stcoop-kg[pandas]')")
    project = built_real()
    monkeypatch.setenv("KG_HOME", str(project.home))
    monkeypatch.setenv("KG_BUILD_DIR", str(project.build_dir))
    monkeypatch.chdir(tmp_path)  # the page's export writes dist/ here
    namespace: dict = {"__name__": "python_doc"}
    for n, (code, expected) in enumerate(examples(), 1):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, f"docs/PYTHON.md example {n}", "exec"), namespace)
        if expected is not None:
            assert out.getvalue() == expected, f"example {n} prints otherwise than the page says:\n{code}"


def test_the_readme_example_runs(monkeypatch):
    """README.md's Python example, with what its comments say it gives."""
    from decimal import Decimal

    pd = pytest.importorskip("pandas", reason="the example's DataFrame needs pandas (pip install 'stcoop-kg[pandas]')")
    project = built_real()
    monkeypatch.setenv("KG_HOME", str(project.home))
    monkeypatch.setenv("KG_BUILD_DIR", str(project.build_dir))
    blocks = re.findall(r"^```python\n(.*?)^```$", (ROOT / "README.md").read_text(encoding="utf-8"), re.S | re.M)
    assert len(blocks) == 1
    namespace: dict = {}
    exec(compile(blocks[0], "README.md", "exec"), namespace)
    rows = namespace["rows"]
    assert rows[0]["value"] == Decimal("190000") and "# Decimal('190000')" in blocks[0]
    assert isinstance(rows.to_pandas(), pd.DataFrame)
