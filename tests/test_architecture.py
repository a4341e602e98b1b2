"""The shape of the code (DESIGN §5): the layers read → check → compute → render → cli import only downward, no
two modules import each other at import time, and the core never imports the CLI's or the terminal's libraries."""

from __future__ import annotations

import ast
from pathlib import Path

import minzheng_cli

PACKAGE = Path(minzheng_cli.__file__).parent
# each layer may import the layers before it (and itself); `project` is the façade over all but the CLI
LAYERS = ["catalogue", "errors", "files", "model", "read", "checks", "engine", "entry", "render", "project", "cli"]
CORE = {"catalogue", "errors", "model", "files", "read", "checks", "engine", "entry", "project"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts).removesuffix(".__init__")


def _import_time_imports(path: Path) -> set[str]:
    """The modules a module imports when it is imported: its top-level imports (not those inside functions or
    under TYPE_CHECKING)."""
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


MODULES = {_module_name(p): _import_time_imports(p) for p in PACKAGE.rglob("*.py")}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_no_two_modules_import_each_other_at_import_time() -> None:
    graph = {m: {d for d in deps if d in MODULES and d != m} for m, deps in MODULES.items()}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                cycles.append([*stack[stack.index(dep):], dep])
            elif dep not in state:
                visit(dep, stack)
        stack.pop()
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])
    assert cycles == []


def test_layers_import_only_downward() -> None:
    wrong = []
    for module, deps in MODULES.items():
        layer = _layer(module)
        if layer not in LAYERS:
            continue
        for dep in deps:
            if dep.startswith("minzheng_cli.") and _layer(dep) in LAYERS and \
                    LAYERS.index(_layer(dep)) > LAYERS.index(layer):
                wrong.append(f"{module} imports {dep}")
    assert wrong == []


def test_the_core_imports_neither_typer_nor_rich() -> None:
    wrong = [f"{m} imports {d}" for m, deps in MODULES.items() if _layer(m) in CORE
             for d in deps if d.split(".")[0] in ("typer", "click", "rich")]
    assert wrong == []
