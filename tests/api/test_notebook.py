"""docs/kg.ipynb, the notebook a data engineer starts from, runs: a kernel executes every cell against the
repository's working copy, built into a folder of the test's own, and the answers are the graph's."""

from __future__ import annotations

import nbclient
import nbformat

from helpers.knowledge import built_real
from helpers.paths import ROOT

NOTEBOOK = ROOT / "docs" / "kg.ipynb"


def test_the_notebook_runs_and_answers(monkeypatch):
    project = built_real()
    monkeypatch.setenv("KG_HOME", str(project.home))  # the kernel inherits them: no build in the repository
    monkeypatch.setenv("KG_BUILD_DIR", str(project.build_dir))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), \
        "docs/kg.ipynb is committed with outputs: clear them"
    nbclient.NotebookClient(notebook, timeout=180, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT)}}).execute()
    shown = "\n".join(str(output.get("data", {}).get("text/plain", "")) for cell in notebook.cells
                      if cell.cell_type == "code" for output in cell.outputs)
    assert "investment value" in shown and "SinoSwiss Technopark, first phase" in shown
    assert "('Liangjiang New Area', 'exact'" in shown
