"""The map in kg/__init__.py is the package as it is: every module is listed once, in a layer, and no
module imports (at the top or inside a function) from a layer listed after its own."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import kg
from helpers.paths import ROOT

PACKAGE = Path(kg.__file__).parent


def layers() -> dict[str, int]:
    """kg.<unit> -> the index of its layer, read from the docstring's map."""
    out, index = {}, -1
    lines = kg.__doc__.splitlines()
    start = lines.index("foundation")
    for line in lines[start:]:
        if not line.strip():
            break
        if not line.startswith(" "):
            index += 1
            continue
        name = line.split()[0]
        assert f"kg.{name}" not in out, f"{name} is listed twice"
        out[f"kg.{name}"] = index
    return out


def unit(module: str) -> str:
    """kg.x for kg.x and kg.x.y (a subpackage is one unit)."""
    return ".".join(module.split(".")[:2])


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("kg.")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "kg":
                found |= {f"kg.{a.name}" for a in node.names}
            elif node.module.startswith("kg."):
                found.add(node.module)
    return found


def units() -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if len(parts) > 1:
            out.setdefault(unit(".".join(parts)), []).append(path)
    return out


def test_every_module_is_on_the_map():
    listed, present = set(layers()), set(units())
    assert present - listed == set(), "modules missing from the map in kg/__init__.py"
    assert listed - present == set(), "the map in kg/__init__.py lists modules that do not exist"


def test_no_module_imports_from_a_later_layer():
    layer = layers()
    wrong = []
    for name, paths in units().items():
        for path in paths:
            for target in imports(path):
                target = unit(target)
                if target in layer and target != name and layer[target] > layer[name]:
                    wrong.append(f"{path.relative_to(PACKAGE.parent)} imports {target}")
    assert wrong == [], "imports against the layers of kg/__init__.py:\n" + "\n".join(sorted(wrong))


def test_the_layer_names_are_the_documented_ones():
    """The layers named in docs/LAYOUT.md's section on the code are the map's."""
    doc = ROOT / "docs" / "LAYOUT.md"
    if not doc.is_file():  # an installed package without its working copy
        return
    section = doc.read_text(encoding="utf-8").split("## The code", 1)[1].split("\n## ", 1)[0]
    names = [line for line in kg.__doc__.splitlines() if line and not line.startswith(" ")
             and re.fullmatch(r"[a-z ]+", line)]
    for name in names:
        assert f"**{name}**" in section, f"docs/LAYOUT.md, The code: the layer {name} is not described"
