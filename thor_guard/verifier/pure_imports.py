"""Whether a function-level import of a project module runs no code (review 9, FA9-6; review 10).

``from .scheduler import heartbeat_owns_work`` inside ``AppConfig.ready()`` is how Django code avoids import cycles.
The statement runs the module's top-level code only the first time; it runs nothing when the module is already
imported when the function runs, and nothing that matters when that top-level code is inert. This module proves
one of the two for every package on the imported name's path:

- *surely imported*: the importing module itself or one of its packages, or a module that an import statement
  *surely* runs when the importing module is imported (:func:`surely_imported`): a statement directly in the
  module body of the importer or of a module surely imported in turn — never one under ``if``/``try``/``with``/a
  loop (``if sys.platform == "win32":``), nor one in a function body, however the function is reached (``HOOKS =
  [load]``). The import walk of :mod:`thor_guard.verifier.context` reads more (every module that *may* be
  imported), which is right for finding patches but not for "already imported" (review 10, R10-1);
- *inert*: its top-level code is only a docstring, imports of standard-library modules (not shadowed by a project
  module) and of modules that are themselves surely imported or inert (a ``from M import X`` also needs M without a
  PEP 562 ``__getattr__`` the import would call), ``def`` statements without decorators whose defaults are literals
  and whose annotations are inert, ``logger = logging.getLogger(...)`` with ``logging`` bound only by ``import
  logging`` (the standard library's), and assignments of literals, ``__all__`` included — nothing that calls,
  constructs, decorates or defines a class. An annotation evaluated at definition time is inert when it only reads
  names, builtins and standard-library attributes, and subscripts or ``|``-joins built-in or standard-library
  objects (a project class's ``__class_getitem__``/metaclass ``__or__`` is project code, R10-2). Bounded by
  :data:`MAX_MODULES` modules.

The importer's module is taken to have finished importing when the function runs (an entry point called by
import-time code of a module caught in an import cycle may see a module half-imported: docs/check.md).
Anything else keeps the import an effect (the module's code may run now).
"""

from __future__ import annotations

import ast
import builtins

from thor_guard.verifier.effects import STDLIB_MODULES
from thor_guard.verifier.mutations import parsed_module

MAX_MODULES = 16
"""Project modules read to prove one import inert; more, and the import is an effect."""

MAX_SURE_MODULES = 400
"""Project modules read to list what is surely imported; more are not listed (fewer modules proven imported)."""


def import_runs_nothing(context: object, importer: str, module: str) -> bool:
    """True when importing ``module`` (absolute, a project module) from a function of ``importer`` runs no code."""
    resolver = context.resolver  # type: ignore[attr-defined]
    if resolver.walk_footprint(importer) is None:
        resolver.patches_reaching(importer)  # the verdict cache re-validates the files this walk read
    imported = surely_imported(resolver, importer)
    seen: set[str] = set()
    parts = module.split(".")
    for index in range(1, len(parts) + 1):
        name = ".".join(parts[:index])
        if importer == name or importer.startswith(name + "."):
            continue  # the importer's own package: imported before the importer ran
        if not _imported_or_inert(resolver, name, imported, seen):
            return False
    return True


def surely_imported(resolver: object, importer: str) -> frozenset[str]:
    """The project modules surely in ``sys.modules`` once ``importer`` has been imported (memoised on the resolver).

    ``importer`` and its packages, and, transitively, every module an import statement *directly in the module body*
    of one of them names (``import a.b`` imports ``a`` and ``a.b``; ``from a import b`` imports ``a``, and ``a.b``
    when ``b`` is a submodule the package does not bind itself). A statement there surely ran: had it raised, the
    module would not have been imported. Statements under a condition, a ``try``, a ``with``, a loop or in a
    function body may not have run, so the modules they import are not listed.
    """
    from thor_guard.targets import find_module_file
    from thor_guard.verifier.loads import _package_may_bind

    memo: dict[str, frozenset[str]] = resolver.__dict__.setdefault("_surely_imported", {})  # type: ignore[attr-defined]
    cached = memo.get(importer)
    if cached is not None:
        return cached
    roots = resolver.source_roots  # type: ignore[attr-defined]
    found: set[str] = set()
    queue: list[str] = []

    def add(name: str) -> None:
        parts = name.split(".")
        for index in range(1, len(parts) + 1):
            prefix = ".".join(parts[:index])
            if prefix not in found:
                found.add(prefix)
                queue.append(prefix)

    add(importer)
    read = 0
    while queue and read < MAX_SURE_MODULES:
        name = queue.pop()
        path = find_module_file(name, roots)
        if path is None:
            continue
        read += 1
        try:
            tree = ast.parse(path.read_bytes())
        except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
            continue  # an unreadable module proves nothing about what it imports
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for statement in tree.body:
            if isinstance(statement, ast.Import):
                for alias in statement.names:
                    add(alias.name)
            elif isinstance(statement, ast.ImportFrom):
                base = _absolute(package, statement.level, statement.module)
                if base is None:
                    continue
                add(base)
                for alias in statement.names:
                    if alias.name == "*" or find_module_file(f"{base}.{alias.name}", roots) is None:
                        continue
                    if base == name or not _package_may_bind(base, alias.name, roots) or _bound_only_as_submodule(base, alias.name, roots):
                        add(f"{base}.{alias.name}")
    result = frozenset(found)
    memo[importer] = result
    return result


def _bound_only_as_submodule(package: str, name: str, roots: object) -> bool:
    """Whether the package's ``__init__`` binds ``name`` only by importing its own submodule of that name (``from .
    import workers``): ``from package import name`` then gives the submodule, importing it if needed."""
    from thor_guard.targets import find_module_file

    path = find_module_file(package, roots)  # type: ignore[arg-type]
    if path is None or path.name != "__init__.py":
        return False
    try:
        tree = ast.parse(path.read_bytes())
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    found = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in (name, "__getattr__") and not isinstance(node.ctx, ast.Load):
            return False
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name in (name, "__getattr__"):
            return False
        if isinstance(node, ast.Global) and name in node.names:
            return False
        if isinstance(node, ast.Import) and any((a.asname or a.name.split(".")[0]) == name for a in node.names):
            return False
        if isinstance(node, ast.ImportFrom):
            if any(a.name == "*" for a in node.names):
                return False
            for alias in node.names:
                if (alias.asname or alias.name) != name:
                    continue
                own = (node.level == 1 and node.module is None) or (node.level == 0 and node.module == package)
                if not own or alias.name != name:
                    return False
                found = True
    return found


def _absolute(package: str, level: int, module: str | None) -> str | None:
    """The absolute module a ``from`` import of ``package``'s module names; None when it climbs above the top."""
    if not level:
        return module or None
    parts = package.split(".") if package else []
    if level - 1 > len(parts) or (level - 1 == len(parts) and not module):
        return None
    parts = parts[: len(parts) - (level - 1)]
    joined = ".".join([*parts, module] if module else parts)
    return joined or None


def _imported_or_inert(resolver: object, name: str, imported: frozenset[str], seen: set[str]) -> bool:
    from thor_guard.targets import find_module_file

    path = find_module_file(name, resolver.source_roots)  # type: ignore[attr-defined]
    if path is None:
        return False  # a namespace package or a missing module: the import system searches (or raises)
    if name in imported:
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
        if not _inert(resolver, facts, statement, imported, seen):
            return False
    return True


def _inert(resolver: object, facts: object, statement: ast.stmt, imported: frozenset[str], seen: set[str]) -> bool:
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
        return True  # the docstring
    if isinstance(statement, ast.Pass):
        return True
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
        # defaults and annotations are evaluated now (annotations lazily under `from __future__ import annotations`)
        arguments = statement.args
        values = [*arguments.defaults, *(d for d in arguments.kw_defaults if d is not None)]
        return not statement.decorator_list and all(_literal(v) for v in values) and _annotations_inert(resolver, facts, statement)
    if isinstance(statement, ast.Import):
        return all(_module_inert(resolver, alias.name, imported, seen) for alias in statement.names)
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
        if not _module_inert(resolver, module, imported, seen):
            return False
        if not _no_module_getattr(resolver, module, [alias.name for alias in statement.names]):
            return False  # the import system calls the module's __getattr__ (R10-3)
        # `from pkg import sub` may import the submodule pkg.sub
        return all(
            _module_inert(resolver, f"{module}.{alias.name}", imported, seen)
            for alias in statement.names
            if resolver.is_module(f"{module}.{alias.name}")  # type: ignore[attr-defined]
        )
    if isinstance(statement, (ast.Assign, ast.AnnAssign)):
        value = statement.value
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        if not all(isinstance(t, ast.Name) for t in targets):
            return False
        if isinstance(statement, ast.AnnAssign) and not _annotation_inert(resolver, facts, statement.annotation):
            return False
        return value is None or _literal(value) or _get_logger(resolver, facts, value)
    return False


def _module_inert(resolver: object, module: str, imported: frozenset[str], seen: set[str]) -> bool:
    top = module.split(".")[0]
    if top in STDLIB_MODULES and not resolver.is_module(top):  # type: ignore[attr-defined]
        return "__main__" not in module.split(".")
    if not resolver.is_module(top):  # type: ignore[attr-defined]
        return False  # a third-party module's top level is not read
    parts = module.split(".")
    return all(_imported_or_inert(resolver, ".".join(parts[:i]), imported, seen) for i in range(1, len(parts) + 1))


def _no_module_getattr(resolver: object, module: str, names: list[str]) -> bool:
    """False when ``from module import names`` calls a PEP 562 ``__getattr__`` of the project module: for
    ``__path__`` when it is not a package, for each name it binds nowhere when it is (review 10, R10-3)."""
    if module.split(".")[0] in STDLIB_MODULES and not resolver.is_module(module.split(".")[0]):  # type: ignore[attr-defined]
        return True
    try:
        facts = resolver.module_facts(module) if resolver.is_module(module) else None  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - HelperError: an unreadable module may do anything
        return False
    if facts is None:
        return True  # a namespace package (no code; judged by _module_inert)
    if not facts.bindings.bindings("__getattr__"):
        return True
    return bool(facts.is_package) and all(facts.bindings.bindings(name) for name in names)


def _literal(node: ast.expr) -> bool:
    try:
        ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return True


def _get_logger(resolver: object, facts: object, node: ast.expr | None) -> bool:
    """``logging.getLogger(__name__)`` / ``logging.getLogger("name")``: a lookup in the logging registry, when
    ``logging`` is the standard library's: bound in the module only by ``import logging``, with no project module of
    that name (``from pkg import logs as logging`` makes the call project code, review 10, R10-2)."""
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "getLogger"
        and isinstance(node.func.value, ast.Name) and node.func.value.id == "logging" and not node.keywords
        and all(_literal(a) or (isinstance(a, ast.Name) and a.id == "__name__") for a in node.args)
        and _stdlib_module_name(resolver, facts, "logging") == "logging"
    )


def _stdlib_module_name(resolver: object, facts: object, name: str) -> str | None:
    """The standard-library module (or module attribute) ``name`` is bound to in ``facts``' module, when every binding
    of it is an unconditional import of one and the same dotted name of an unshadowed standard-library module
    (``import logging``, ``from typing import Optional``, ``import collections.abc as abc``); else None."""
    sites = facts.bindings.bindings(name)  # type: ignore[attr-defined]
    if not sites or facts.bindings.hazard_for(name) is not None:  # type: ignore[attr-defined]
        return None
    if any(site.kind != "import" or site.conditional or site.target is None for site in sites):
        return None
    targets = {site.target for site in sites}
    if len(targets) != 1:
        return None
    target = targets.pop()
    top = target.split(".")[0]
    if top not in STDLIB_MODULES or top == "__main__" or resolver.is_module(top):  # type: ignore[attr-defined]
        return None
    return target


def _builtin_name(facts: object, name: str) -> bool:
    """``name`` is a builtin the module never rebinds (``list``, ``dict``, ``None``-like constants)."""
    return hasattr(builtins, name) and not facts.bindings.bindings(name) and facts.bindings.hazard_for(name, own_lookup=True) is None  # type: ignore[attr-defined]


def _annotations_inert(resolver: object, facts: object, function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    arguments = function.args
    annotations = [a.annotation for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs, arguments.vararg, arguments.kwarg) if a is not None]
    return all(_annotation_inert(resolver, facts, a) for a in (*annotations, function.returns) if a is not None)


def _annotation_inert(resolver: object, facts: object, annotation: ast.expr | None) -> bool:
    """An annotation evaluated at definition time runs no project code (review 10, R10-2); with ``from __future__
    import annotations`` it is not evaluated at all.

    Reading a name is inert (a module's own global look-up never reaches a ``__getattr__``); an attribute is read
    from a standard-library module or object only; a subscript (``__class_getitem__``/``__getitem__``) and ``|``
    (``__or__``) apply only to builtins and standard-library objects (``list[int]``, ``Optional[str]``,
    ``int | None``), never to a project class whose class or metaclass may define them.
    """
    if annotation is None or getattr(facts, "future_annotations", False):
        return True
    return _inert_expression(resolver, facts, annotation, operand=False)


def _inert_expression(resolver: object, facts: object, node: ast.expr, *, operand: bool) -> bool:
    """``operand``: the value is subscripted or ``|``-joined, so it must be a builtin or standard-library object."""
    if isinstance(node, ast.Constant):
        return not operand or node.value is None or isinstance(node.value, str)  # `"Market" | None` is a TypeError at most
    if isinstance(node, ast.Name):
        if not operand:
            return True
        return _builtin_name(facts, node.id) or _stdlib_module_name(resolver, facts, node.id) is not None
    if isinstance(node, ast.Attribute):
        root = node
        while isinstance(root, ast.Attribute):
            root = root.value
        return isinstance(root, ast.Name) and _stdlib_module_name(resolver, facts, root.id) is not None
    if isinstance(node, ast.Subscript):
        return _inert_expression(resolver, facts, node.value, operand=True) and _inert_expression(resolver, facts, node.slice, operand=False)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _inert_expression(resolver, facts, node.left, operand=True) and _inert_expression(resolver, facts, node.right, operand=True)
    if isinstance(node, (ast.Tuple, ast.List)):
        return all(_inert_expression(resolver, facts, e, operand=False) for e in node.elts)
    return False
