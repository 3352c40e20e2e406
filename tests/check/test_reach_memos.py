"""The import walk's reach memos (issue 15, perf5) return what computing afresh returns.

:mod:`thor_guard.verifier.reach` keeps, per parsed tree, the node lists of the
bodies it scanned, each class's members, the tree's store counts and each
function's local names, so that the many runs over one module (one per name
another module runs from it) do not traverse the same bodies again. These
tests compare every memoised answer with a fresh computation over real code:
Django's own modules and the verifier's data cases.
"""

from __future__ import annotations

import ast
from pathlib import Path

import django
import pytest

from thor_guard.verifier import reach
from thor_guard.verifier.bindings import parse_python

DATA = Path(__file__).resolve().parents[1] / "data" / "check"
DJANGO = Path(django.__file__).resolve().parent
_SOURCES = sorted(DATA.rglob("*.py")) + sorted(DJANGO.glob("db/models/*.py")) + sorted(DJANGO.glob("utils/*.py")) + sorted(DJANGO.glob("core/management/*.py"))


def _tree(path: Path) -> ast.Module | None:
    tree = parse_python(path.read_bytes())
    return tree if isinstance(tree, ast.Module) else None


def _reference_bound_names(tree: ast.Module) -> frozenset[str]:
    """_module_bound_names as it was before the statement-only search: ast.walk of every top-level def and class."""
    names: set[str] = set()
    todo: list[ast.AST] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
            for inner in ast.walk(node):
                if isinstance(inner, ast.Global):
                    names.update(inner.names)
            continue
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name.split(".")[0]) for a in node.names if a.name != "*")
        elif isinstance(node, ast.Lambda):
            continue
        todo.extend(ast.iter_child_nodes(node))
    return frozenset(names)


def test_the_global_statements_found_by_statements_are_those_ast_walk_finds() -> None:
    source = """
def f():
    global a
    if x:
        global b
    else:
        try:
            pass
        except E:
            global c
        finally:
            global d
    for i in y:
        pass
    else:
        global e
    match z:
        case 1:
            global g
    def inner():
        global h
    class K:
        def m(self):
            global k
    while w:
        with q:
            global m
    lam = lambda: 1
"""
    tree = ast.parse(source)
    assert reach._module_bound_names(tree) == _reference_bound_names(tree)
    assert set("abcdeghkm") <= set(reach._module_bound_names(tree))


@pytest.mark.parametrize("path", _SOURCES, ids=lambda p: str(p.relative_to(p.parents[2])))
def test_memoised_reaches_equal_fresh_ones(path: Path) -> None:
    tree = _tree(path)
    if tree is None:
        return
    assert reach._module_bound_names(tree) == _reference_bound_names(tree)
    module = path.stem
    # Every module-level name (and Class.method) as a root, several runs over one tree, then each again with the
    # memos emptied: the same reach every time.
    roots = [s.name for s in tree.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]
    roots += [f"{s.name}.{m.name}" for s in tree.body if isinstance(s, ast.ClassDef) for m in s.body if isinstance(m, ast.FunctionDef)][:40]
    memoised = [_summary(reach.import_time_reach(tree, module, frozenset({root}), module_level=False)) for root in roots]
    memoised.append(_summary(reach.import_time_reach(tree, module)))
    fresh = []
    for root in [*roots, None]:
        reach._REACHERS.clear()
        reach._LOCALS.clear()
        got = reach.import_time_reach(tree, module) if root is None else reach.import_time_reach(tree, module, frozenset({root}), module_level=False)
        fresh.append(_summary(got))
    assert memoised == fresh


def _summary(found: reach.Reach) -> tuple:  # type: ignore[type-arg]
    return (
        [id(b) for b in found.bodies],
        list(found.imports),
        list(found.runs),
        found.sites(),
    )


@pytest.mark.parametrize("path", _SOURCES[::3], ids=lambda p: str(p.relative_to(p.parents[2])))
def test_the_every_body_census_reusing_the_module_census_reach_is_unchanged(path: Path) -> None:
    from thor_guard.verifier import bindings

    source = path.read_bytes()
    module = path.stem

    def clear() -> None:
        bindings._EDGES.clear()
        bindings._CENSUSES.clear()
        bindings._REACH_RESULTS.clear()

    clear()
    alone = bindings.every_body_patches(source, module, bindings.parse_python(source))  # no module census before it
    clear()
    edges = bindings.import_edges(source, module)  # the module census runs the reach and keeps its names and sites
    after = bindings.every_body_patches(source, module, bindings.parse_python(source))
    assert after == alone
    clear()
    assert bindings.import_edges(source, module) == edges
