"""The import graph of the app: layers point one way.

- ``cantiere.store`` imports no domain module (only its own modules and the
  error vocabulary it raises: ``cantiere.errors``, ``cantiere.workshop_errors``);
- nothing in ``cantiere`` imports ``bench`` (the load generator imports the
  app, and ``python -m cantiere bench`` starts it as a process);
- there is no import cycle among the modules of ``cantiere``, counting the
  imports at the top of modules and those inside functions alike.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

STORE_MAY_IMPORT = {"cantiere.errors", "cantiere.workshop_errors"}


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _module_level(tree: ast.AST):
    """The nodes Python runs when it imports the module: everything but function bodies."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        yield node
        yield from _module_level(node)


def imports(path: Path, root: Path, known: set[str], lazy: bool = True) -> set[str]:
    """Every module ``path`` imports, as dotted names (with ``lazy``, also inside
    functions); ``from a import b`` counts as ``a.b`` when that is a module."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree) if lazy else _module_level(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([node.module] if node.module else [])])
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in known else base)
    return found


def graph(root: Path, package: str = "cantiere", lazy: bool = True) -> dict[str, set[str]]:
    paths = sorted((root / package).rglob("*.py"))
    known = {module_name(p, root) for p in paths}
    return {module_name(p, root): imports(p, root, known, lazy) for p in paths}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in edges:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in edges.get(v, ()):
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


GRAPH = graph(ROOT)


def test_the_graph_is_read():
    assert "cantiere.voting.budget" in GRAPH["cantiere.voting"]
    assert "cantiere.store.datasets" in GRAPH["cantiere.services"]
    assert len(GRAPH) > 80


def test_the_store_imports_no_domain_module():
    offenders = {
        module: sorted(
            m
            for m in found
            if m.startswith("cantiere") and not m.startswith("cantiere.store") and m not in STORE_MAY_IMPORT
        )
        for module, found in GRAPH.items()
        if module.startswith("cantiere.store")
    }
    assert {m: found for m, found in offenders.items() if found} == {}


def test_the_app_imports_nothing_from_bench():
    offenders = {m: sorted(f for f in found if f == "bench" or f.startswith("bench.")) for m, found in GRAPH.items()}
    assert {m: found for m, found in offenders.items() if found} == {}
    # nor by name, through importlib
    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "cantiere").rglob("*.py")]
    assert not [t for t in texts if 'import_module("bench' in t or "import_module('bench" in t]


def test_no_import_cycle_in_the_app():
    assert cycles(graph(ROOT, lazy=False)) == []


def test_no_loop_through_imports_inside_functions_either():
    # importers and opendata share cantiere.tables instead of importing each other;
    # the role check lives in cantiere.actors, below every domain module
    assert cycles(GRAPH) == []


def test_a_cycle_is_found(tmp_path):
    """The reader above sees a loop through a lazy import (so the test can fail)."""
    package = tmp_path / "cantiere"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from cantiere import b\n")
    (package / "b.py").write_text("def f():\n    from cantiere.a import x\n")
    (package / "c.py").write_text("import cantiere.a\n")
    assert cycles(graph(tmp_path)) == [["cantiere.a", "cantiere.b"]]
    assert cycles(graph(tmp_path, lazy=False)) == []  # the loop goes through a function
