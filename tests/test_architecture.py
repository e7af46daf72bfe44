"""The shape DESIGN.md asks for, checked: no import cycle in the library, small modules, lazy emulator."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import get_args

from tests.conftest import ROOT

PACKAGE = ROOT / "shim" / "threadshim"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every module of the package that ``name`` imports, anywhere in the file (functions and TYPE_CHECKING too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:  # a submodule when there is one by that name, else a name in ``base``
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {module for module in found if module in known and module != name}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycle_in_the_library() -> None:
    modules = _modules()
    graph = {name: _imports(name, path, set(modules)) for name, path in modules.items()}
    assert "threadshim._version" in graph["threadshim._config"] and "threadshim" not in graph["threadshim._config"]
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


LAYERS = ["_engine", "sources", "_operations", "targets", "_client", "migrate", "cli"]
"""The library's folders (and their top modules) from the bottom up: each may import those below it, never above."""


def test_no_folder_imports_one_above_it() -> None:
    modules = _modules()
    layer = {name: name.split(".")[1] for name in modules if name.count(".") >= 1 and name.split(".")[1] in LAYERS}
    upward = sorted(
        f"{name} imports {target}"
        for name, path in modules.items()
        if name in layer
        for target in _imports(name, path, set(modules))
        if target in layer and LAYERS.index(layer[target]) > LAYERS.index(layer[name])
    )
    assert upward == []


def test_the_places_threads_live_are_declared_once() -> None:
    from threadshim._models import Source
    from threadshim._routing import PLACES, SUCCESSORS_ONLY
    from threadshim.sources.wiring import WIRING

    assert get_args(Source) == tuple(place.source for place in PLACES) + SUCCESSORS_ONLY
    assert list(WIRING) == [place.kind for place in PLACES]


def test_hand_written_modules_stay_small() -> None:
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in _modules().items()}
    assert {name: lines for name, lines in sizes.items() if lines > 300} == {}


def test_the_cli_imports_the_emulator_only_when_a_command_needs_it() -> None:
    probe = "import sys, threadshim.cli; print('threadshim.testing' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
