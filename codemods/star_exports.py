"""Which project modules re-export another module with ``from module import *``.

A module without ``__all__`` exports every public module-level name to a star
import. If ``apply`` added ``logger``, ``os`` or ``logging`` to such a module,
every ``from module import *`` in the project would start exporting them too,
overwriting the importer's own names of the same spelling (a package's own
``logger`` would become the submodule's) — in legacy mode as well. So before
adding module-level names, apply asks this index whether the module is star
imported anywhere under the source roots; if so, the names it adds are private
(``_logger``, ``import os as _os``), which a star import never exports.

The index is built once per set of source roots and process (both runners,
``thor-guard apply`` and libcst's, build the same one from the same files, so
their output stays identical). It reads files as bytes and parses those that
may hold a star import; a star import built at run time
(``exec("from m import *")``, ``importlib``) is not seen.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import libcst as cst

from thor_guard.targets import iter_python_files, module_name_for

_SKIPPED_DIRS = frozenset({"site-packages"})
_MAYBE_STAR = re.compile(rb"\bimport(?:[ \t\f]|\\\r?\n)*\*")
"""A cheap test that a file may hold a star import, however it is spelt (``import*``, a ``\\`` continuation);
the files it finds are parsed (hostile apply review 17: a line regex missed ``import*``, ``x; from m import *``,
``if True: from m import *`` and continuations)."""
_STAR_LINE = re.compile(rb"^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+\*", re.MULTILINE)


def star_importers(module: str, source_roots: Iterable[Path]) -> tuple[str, ...]:
    """Modules (dotted names, sorted) under ``source_roots`` that contain ``from <module> import *``.

    Relative star imports are resolved against the importer's package.
    Unreadable files are skipped; the tree is walked as every command walks it
    (:func:`thor_guard.targets.iter_python_files`: hidden and virtualenv
    directories skipped, a symlink loop walked once), and ``site-packages`` is
    left out too. Counting an importer too many only makes the added names private.
    """
    index = _index(tuple(Path(root).resolve() for root in source_roots))
    return index.get(module, ())


@lru_cache(maxsize=8)
def _index(roots: tuple[Path, ...]) -> dict[str, tuple[str, ...]]:
    found: dict[str, set[str]] = {}
    for root in roots:
        for path in iter_python_files(root):
            if _SKIPPED_DIRS & set(path.relative_to(root).parts[:-1]):
                continue  # installed copies are not the project's importers
            try:
                data = path.read_bytes()
            except OSError:
                continue
            if not _MAYBE_STAR.search(data):
                continue
            importer = module_name_for(path, root)
            if importer is None:
                continue
            is_package = path.name == "__init__.py"
            for dots, name in _star_imports(data):
                target = _resolve(dots, name, importer, is_package)
                if target is not None:
                    found.setdefault(target, set()).add(importer)
    return {module: tuple(sorted(importers)) for module, importers in found.items()}


def _star_imports(data: bytes) -> list[tuple[str, str]]:
    """``(leading dots, module)`` of every ``from ... import *`` in the source ``data``, read with :mod:`ast` (any
    spelling, at any depth); a file Python cannot parse falls back to whole ``from X import *`` lines."""
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError):
        return [(m.group(1).decode(), m.group(2).decode("ascii", "replace")) for m in _STAR_LINE.finditer(data)]
    return [
        ("." * node.level, node.module or "")
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names)
    ]


def _resolve(dots: str, name: str, importer: str, is_package: bool) -> str | None:
    """The absolute module a ``from <dots><name> import *`` in ``importer`` refers to."""
    if not dots:
        return name or None
    package = importer.split(".") if is_package else importer.split(".")[:-1]
    up = len(dots) - 1
    if up > len(package):
        return None
    base = package[: len(package) - up] if up else package
    return ".".join([*base, *([name] if name else [])]) or None


_NAMESPACE_LISTERS = frozenset({"dir", "vars", "locals", "globals"})


def reads_own_namespace(module: cst.Module) -> bool:
    """True when the module's import-time code lists its own namespace: ``dir()``, ``vars()``, ``locals()`` or
    ``globals()`` called (under these names, by any arguments) outside a ``def``/``lambda`` body, as in
    ``__all__ = [n for n in dir() if not n.startswith("_")]``.

    Every public name apply adds (``import os``, ``import logging``, ``logger``) would then show up in what it
    computes — a computed ``__all__`` exports it to star importers anywhere, also outside the source roots (apply
    review 18) — so the names added must be private, as for a module star imported in the project. A listing made
    by a function the module calls at import time is not seen (docs/apply.md, Limits).
    """

    class _Finder(cst.CSTVisitor):
        found = False

        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            for decorator in node.decorators:  # decorators and defaults run at import time; the body does not
                decorator.visit(self)
            node.params.visit(self)
            return False

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            node.params.visit(self)
            return False

        def visit_Call(self, node: cst.Call) -> None:
            if isinstance(node.func, cst.Name) and node.func.value in _NAMESPACE_LISTERS:
                self.found = True

    finder = _Finder()
    module.visit(finder)
    return finder.found
