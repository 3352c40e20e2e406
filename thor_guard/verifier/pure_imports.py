"""Whether a function-level import of a project module runs no code (review 9, FA9-6).

``from .scheduler import heartbeat_owns_work`` inside ``AppConfig.ready()`` is how Django code avoids import cycles.
The statement runs the module's top-level code only the first time; it runs nothing when the module is already
imported when the function runs, and nothing that matters when that top-level code is inert. This module proves
one of the two for every package on the imported name's path:

- *already imported*: the importing module itself or one of its packages, or a file the import walk of the
  importing module reads (module-level imports, which run when the entry point's module is imported);
- *inert*: its top-level code is only a docstring, imports of standard-library modules (not shadowed by a project
  module) and of modules that are themselves inert, ``def`` statements without decorators, ``logger =
  logging.getLogger(...)``, and assignments of literals, ``__all__`` included — nothing that calls, constructs,
  decorates or defines a class. Bounded by :data:`MAX_MODULES` modules.

Anything else keeps the import an effect (the module's code may run now).
"""

from __future__ import annotations

import ast
from pathlib import Path

from thor_guard.verifier.effects import STDLIB_MODULES
from thor_guard.verifier.mutations import parsed_module

MAX_MODULES = 16
"""Project modules read to prove one import inert; more, and the import is an effect."""


def import_runs_nothing(context: object, importer: str, module: str) -> bool:
    """True when importing ``module`` (absolute, a project module) from a function of ``importer`` runs no code."""
    resolver = context.resolver  # type: ignore[attr-defined]
    footprint = resolver.walk_footprint(importer)
    if footprint is None:
        resolver.patches_reaching(importer)
        footprint = resolver.walk_footprint(importer)
    walked: set[Path] = set(footprint[0]) if footprint is not None else set()
    seen: set[str] = set()
    parts = module.split(".")
    for index in range(1, len(parts) + 1):
        name = ".".join(parts[:index])
        if importer == name or importer.startswith(name + "."):
            continue  # the importer's own package: imported before the importer ran
        if not _imported_or_inert(resolver, name, walked, seen):
            return False
    return True


def _imported_or_inert(resolver: object, name: str, walked: set[Path], seen: set[str]) -> bool:
    from thor_guard.targets import find_module_file

    path = find_module_file(name, resolver.source_roots)  # type: ignore[attr-defined]
    if path is None:
        return False  # a namespace package or a missing module: the import system searches (or raises)
    if path in walked:
        return True
    if name in seen:
        return True  # an import cycle among modules being proven inert: each is judged on its own statements
    seen.add(name)
    if len(seen) > MAX_MODULES:
        return False
    try:
        facts = resolver.module_facts(name)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - HelperError: an unreadable module may do anything
        return False
    if facts is None:
        return False
    tree = parsed_module(facts)[0]
    if not tree.body and facts.full_source.strip():
        return False  # the source did not parse (parsed_module gives an empty tree): unknown
    for statement in tree.body:
        if not _inert(resolver, facts, statement, walked, seen):
            return False
    return True


def _inert(resolver: object, facts: object, statement: ast.stmt, walked: set[Path], seen: set[str]) -> bool:
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
        return True  # the docstring
    if isinstance(statement, ast.Pass):
        return True
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
        # defaults and annotations are evaluated now (annotations lazily under `from __future__ import annotations`)
        arguments = statement.args
        values = [*arguments.defaults, *(d for d in arguments.kw_defaults if d is not None)]
        return not statement.decorator_list and all(_literal(v) for v in values) and _annotations_inert(facts, statement)
    if isinstance(statement, ast.Import):
        return all(_module_inert(resolver, alias.name, walked, seen) for alias in statement.names)
    if isinstance(statement, ast.ImportFrom):
        if statement.module == "__future__":
            return True
        if statement.level:
            base = facts.name.split(".") if facts.is_package else facts.name.split(".")[:-1]  # type: ignore[attr-defined]
            base = base[: len(base) - (statement.level - 1)] if statement.level > 1 else base
            module = ".".join([*base, statement.module] if statement.module else base)
        else:
            module = statement.module or ""
        if any(alias.name == "*" for alias in statement.names):
            return False
        if not _module_inert(resolver, module, walked, seen):
            return False
        # `from pkg import sub` may import the submodule pkg.sub
        return all(
            _module_inert(resolver, f"{module}.{alias.name}", walked, seen)
            for alias in statement.names
            if resolver.is_module(f"{module}.{alias.name}")  # type: ignore[attr-defined]
        )
    if isinstance(statement, (ast.Assign, ast.AnnAssign)):
        value = statement.value
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        if not all(isinstance(t, ast.Name) for t in targets):
            return False
        if isinstance(statement, ast.AnnAssign) and not _annotation_inert(facts, statement.annotation):
            return False
        return value is None or _literal(value) or _get_logger(value)
    return False


def _module_inert(resolver: object, module: str, walked: set[Path], seen: set[str]) -> bool:
    top = module.split(".")[0]
    if top in STDLIB_MODULES and not resolver.is_module(top):  # type: ignore[attr-defined]
        return "__main__" not in module.split(".")
    if not resolver.is_module(top):  # type: ignore[attr-defined]
        return False  # a third-party module's top level is not read
    parts = module.split(".")
    return all(_imported_or_inert(resolver, ".".join(parts[:i]), walked, seen) for i in range(1, len(parts) + 1))


def _literal(node: ast.expr) -> bool:
    try:
        ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return True


def _get_logger(node: ast.expr | None) -> bool:
    """``logging.getLogger(__name__)`` / ``logging.getLogger("name")``: a lookup in the logging registry."""
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "getLogger"
        and isinstance(node.func.value, ast.Name) and node.func.value.id == "logging" and not node.keywords
        and all(_literal(a) or (isinstance(a, ast.Name) and a.id == "__name__") for a in node.args)
    )


def _annotations_inert(facts: object, function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    arguments = function.args
    annotations = [a.annotation for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs, arguments.vararg, arguments.kwarg) if a is not None]
    return all(_annotation_inert(facts, a) for a in (*annotations, function.returns) if a is not None)


def _annotation_inert(facts: object, annotation: ast.expr | None) -> bool:
    """An annotation evaluated at definition time reads names only (``bool``, ``str | None``, ``list[int]``); with
    ``from __future__ import annotations`` it is not evaluated at all."""
    if annotation is None or getattr(facts, "future_annotations", False):
        return True
    return all(isinstance(n, (ast.Name, ast.Attribute, ast.Subscript, ast.BinOp, ast.BitOr, ast.Constant, ast.Tuple, ast.Load, ast.Index if hasattr(ast, "Index") else ast.Name)) for n in ast.walk(annotation))
