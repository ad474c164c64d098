"""Import structure: the modules that serve one concept each sit in no import cycle.

Imports are read from the source (module level and inside functions alike), so a
cycle hidden behind a function-level import counts too. A fresh interpreter checks
that the direct YAML writer loads without the round-trip reader it used to import.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "hytetool"

# One implementation per concept (issue 12, item 7): none of these may reach itself.
ONE_CONCEPT_MODULES = (
    "hytetool.yamlstyle", "hytetool.yamlwrite", "hytetool.yamlio", "hytetool.fastyaml",
    "hytetool.similarity", "hytetool.city_strategy", "hytetool.profile", "hytetool.periods",
    "hytetool.numbers", "hytetool.kpi_columns", "hytetool.paths", "hytetool.vocabulary", "hytetool.validate",
    "hytetool.validate_messages", "hytetool.model",
)


def _module_name(path: Path) -> str:
    parts = ("hytetool", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def import_graph() -> dict[str, frozenset[str]]:
    """Each hytetool module -> the hytetool modules it imports anywhere in its source."""
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, frozenset[str]] = {}
    for name, path in files.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = frozenset(m for m in found if m in files and m != name)
    return graph


def reachable(start: str) -> set[str]:
    graph, seen, todo = import_graph(), set(), list(import_graph()[start])
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(graph[module])
    return seen


def test_the_graph_sees_the_package() -> None:
    """Guards the test itself: a wrong path would find no modules and pass everything."""
    graph = import_graph()
    assert "hytetool.yamlio" in graph and "hytetool.yamlwrite" in graph["hytetool.yamlio"]


@pytest.mark.parametrize("module", ONE_CONCEPT_MODULES)
def test_module_is_in_no_import_cycle(module: str) -> None:
    assert module in import_graph(), f"{module} does not exist"
    assert module not in reachable(module), f"{module} imports itself through {sorted(reachable(module))}"


def test_yaml_writer_and_style_do_not_import_the_reader() -> None:
    assert "hytetool.yamlio" not in reachable("hytetool.yamlwrite")
    assert reachable("hytetool.yamlstyle") == set()


def test_yaml_writer_loads_alone_in_a_fresh_interpreter() -> None:
    code = "import sys, hytetool.yamlwrite; print('hytetool.yamlio' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
