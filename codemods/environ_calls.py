"""Calls that may set environment variables: what a guard must never be put above (review AR3-3).

An existing heartbeat check that comes after ``load_dotenv()`` decides on the
value that call may have written: a deployment that sets
``THOR_SCHEDULER_MODE=legacy`` in its ``.env`` file runs the legacy body only
because the check reads the variable *after* the file was loaded. Moving the
check above the call (TG002), or putting the canonical guard above it, would
read the variable before it is set and so stop the legacy body, silently.

A write spelled in the jumped-over statements themselves is found by
:mod:`codemods.guard_edit` and :mod:`codemods.environ_aliases`. This module
looks *into the calls*, over-approximating on purpose (a refused move only
costs a line in the "needs a person" list):

- a call whose callee's last name contains ``env`` (``load_dotenv``,
  ``read_env``, ``load_env``, ``setenv``, ``setup_environment``,
  ``environ.Env(...)``) may load environment variables, except the plain
  readers (``os.getenv``, ``os.environ.get``...);
- a call that resolves to a function of the project (the same module, a
  method of the entry point's class through ``self``/``cls``, or a function
  of a module under the source roots imported by name or through its module)
  is walked, transitively up to :data:`MAX_DEPTH` calls deep: a visible write
  of ``os.environ`` in it (under any name, :class:`EnvironAliases`) or a call
  that may load environment variables counts;
- an ``import`` of a project module among the jumped-over statements runs the
  module's top-level code the first time, which is walked the same way.

Any other call (a library function, a method of an object whose class is not
known) is *assumed* not to set the mode variable; :func:`unknown_calls`
lists them so the run can say which calls that assumption covers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import libcst as cst

from codemods.bindings import dotted_name
from codemods.environ_aliases import EnvironAliases
from thor_guard.targets import find_module_file

MAX_DEPTH = 8
"""How many project calls deep the walk follows; a deeper chain counts as a possible write."""

READERS = frozenset(
    {
        "os.getenv",
        "os.getenvb",
        "os.environ.get",
        "os.environ.copy",
        "os.environ.keys",
        "os.environ.items",
        "os.environ.values",
        "os.environ.__getitem__",
        "os.environ.__contains__",
        "getenv",
    }
)
"""Callees that only read the environment although their name contains ``env``."""


@dataclass(frozen=True)
class EnvironmentSetter:
    """A jumped-over node that may set environment variables, and why (one sentence, no trailing period)."""

    node: cst.CSTNode
    reason: str


def _last_name(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return node.attr.value
    return None


def looks_like_env_loader(func: cst.BaseExpression) -> bool:
    """The callee's own name says it deals with the environment (``load_dotenv``, ``read_env``, ``Env``)."""
    dotted = dotted_name(func)
    if dotted is not None and (dotted in READERS or dotted.endswith(".getenv") or dotted.endswith("environ.get")):
        return False
    last = _last_name(func)
    return last is not None and "env" in last.lower()


class _Calls(cst.CSTVisitor):
    """Every call and every ``import`` in a piece of code, nested function bodies included (over-approximating)."""

    def __init__(self) -> None:
        self.calls: list[cst.Call] = []
        self.imports: list[cst.Import | cst.ImportFrom] = []

    def visit_Call(self, node: cst.Call) -> None:
        self.calls.append(node)

    def visit_Import(self, node: cst.Import) -> None:
        self.imports.append(node)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        self.imports.append(node)


def _calls_in(nodes: Iterable[cst.CSTNode]) -> _Calls:
    collector = _Calls()
    for node in nodes:
        node.visit(collector)
    return collector


@dataclass
class _Module:
    """One parsed project module: its top-level functions and classes, its imports, its names for ``os.environ``."""

    name: str
    tree: cst.Module
    is_package: bool
    functions: dict[str, list[cst.FunctionDef]] = field(default_factory=dict)
    classes: dict[str, list[cst.ClassDef]] = field(default_factory=dict)
    imported: dict[str, str] = field(default_factory=dict)
    """Local name -> the dotted thing it names (``from a import f`` -> ``a.f``, ``import a.b as c`` -> ``a.b``)."""
    _aliases: EnvironAliases | None = None

    @classmethod
    def of(cls, name: str, tree: cst.Module, is_package: bool) -> _Module:
        module = cls(name, tree, is_package)
        for statement in _top_level(tree.body):
            if isinstance(statement, cst.FunctionDef):
                module.functions.setdefault(statement.name.value, []).append(statement)
            elif isinstance(statement, cst.ClassDef):
                module.classes.setdefault(statement.name.value, []).append(statement)
            elif isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    if isinstance(small, (cst.Import, cst.ImportFrom)):
                        module.imported.update(_import_targets(small, name, is_package))
        return module

    def plain_aliases(self) -> frozenset[str]:
        """The names this module itself binds to ``os.environ`` (what ``from <module> import NAME`` may hand on)."""
        return EnvironAliases.of_module(self.tree).names

    def aliases(self, roots: tuple[Path, ...]) -> EnvironAliases:
        """The module's names for ``os.environ``, including aliases imported from other project modules (AR3-6)."""
        if self._aliases is None:
            self._aliases = _aliases_with_imports(self, roots)
        return self._aliases


def _top_level(statements: Sequence[cst.BaseStatement]) -> Iterable[cst.BaseStatement]:
    """Module-level statements, also inside ``if``/``try``/``with`` blocks (a conditional ``def`` binds too)."""
    for statement in statements:
        yield statement
        if isinstance(statement, (cst.If, cst.Try, cst.With)):
            blocks: list[cst.BaseSuite] = [statement.body]
            if isinstance(statement, cst.If) and statement.orelse is not None:
                orelse = statement.orelse
                while isinstance(orelse, cst.If):
                    blocks.append(orelse.body)
                    orelse = orelse.orelse  # type: ignore[assignment]
                if orelse is not None:
                    blocks.append(orelse.body)
            if isinstance(statement, cst.Try):
                blocks.extend(handler.body for handler in statement.handlers)
                blocks.extend(part.body for part in (statement.orelse, statement.finalbody) if part is not None)
            for block in blocks:
                if isinstance(block, cst.IndentedBlock):
                    yield from _top_level(block.body)


def _import_targets(node: cst.Import | cst.ImportFrom, importer: str, is_package: bool) -> dict[str, str]:
    found: dict[str, str] = {}
    if isinstance(node, cst.Import):
        for alias in node.names:
            dotted = dotted_name(alias.name)
            if dotted is None:
                continue
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                found[alias.asname.name.value] = dotted
            else:
                found[dotted.split(".")[0]] = dotted.split(".")[0]
        return found
    base = _from_module(node, importer, is_package)
    if base is None or isinstance(node.names, cst.ImportStar):
        return found
    for alias in node.names:
        if not isinstance(alias.name, cst.Name):
            continue
        local = alias.asname.name.value if alias.asname is not None and isinstance(alias.asname.name, cst.Name) else alias.name.value
        found[local] = f"{base}.{alias.name.value}"
    return found


def _from_module(node: cst.ImportFrom, importer: str, is_package: bool) -> str | None:
    """The absolute module a ``from X import ...`` names (relative imports resolved against ``importer``)."""
    name = dotted_name(node.module) if node.module is not None else ""
    if name is None:
        return None
    dots = len(node.relative)
    if not dots:
        return name or None
    package = importer.split(".") if is_package else importer.split(".")[:-1]
    up = dots - 1
    if up > len(package):
        return None
    base = package[: len(package) - up]
    return ".".join([*base, *([name] if name else [])]) or None


@lru_cache(maxsize=256)
def _parse(path: Path, mtime_ns: int) -> cst.Module | None:
    try:
        return cst.parse_module(path.read_bytes())
    except Exception:  # noqa: BLE001 - an unreadable or unparsable module is treated as unknown code (see callers)
        return None


def _load(module: str, roots: tuple[Path, ...]) -> _Module | None:
    path = find_module_file(module, roots)
    if path is None:
        return None
    try:
        tree = _parse(path, path.stat().st_mtime_ns)
    except OSError:
        return None
    if tree is None:
        return None
    return _Module.of(module, tree, path.name == "__init__.py")


def _aliases_with_imports(module: _Module, roots: tuple[Path, ...]) -> EnvironAliases:
    """``EnvironAliases`` of ``module``, seeded with the aliases other project modules export to it.

    ``from settings import ENV`` (where ``settings`` has ``ENV = os.environ``) makes ``ENV`` a name for the
    mapping; ``import settings`` makes ``ENV`` an attribute name for it (``settings.ENV[...] = ...``).
    """
    names: set[str] = set()
    attributes: set[str] = set()
    for local, target in module.imported.items():
        if target == "os" or target.startswith("os."):
            continue
        exported = _exported_aliases(target, roots)
        if exported is not None:  # `import settings`: a module whose aliases are attribute names here
            attributes |= exported
            continue
        owner, _, name = target.rpartition(".")
        exported = _exported_aliases(owner, roots) if owner else None
        if exported is not None and name in exported:
            names.add(local)
    return EnvironAliases.of_module(module.tree, seed_names=frozenset(names), seed_attributes=frozenset(attributes))


def _exported_aliases(module: str, roots: tuple[Path, ...]) -> frozenset[str] | None:
    """The names ``module`` (a project module) binds to ``os.environ``, or None when it is not a project module."""
    path = find_module_file(module, roots)
    if path is None:
        return None
    try:
        if b"environ" not in path.read_bytes():
            return frozenset()  # no alias without the word: skip the parse (an import-heavy module imports many)
    except OSError:
        return None
    loaded = _load(module, roots)
    if loaded is None:
        return None
    return loaded.plain_aliases()


class EnvironmentCalls:
    """Ask whether code of one module may set environment variables through the calls and imports it makes."""

    def __init__(self, module: str, tree: cst.Module, is_package: bool, source_roots: Iterable[Path]) -> None:
        self.roots = tuple(Path(root) for root in source_roots)
        self.module = _Module.of(module, tree, is_package)
        self.entry_class: str | None = None
        self._seen: set[int] = set()
        self._modules: dict[str, _Module | None] = {module: self.module}

    def aliases(self) -> EnvironAliases:
        """The entry module's names for ``os.environ``, with those imported from project modules."""
        return self.module.aliases(self.roots)

    def first_setter(self, statements: Sequence[cst.CSTNode], entry_class: str | None) -> EnvironmentSetter | None:
        """The first call or import in ``statements`` that may set environment variables, or None.

        ``entry_class`` names the class whose methods ``self.x()``/``cls.x()`` call (None for a function).
        """
        self._seen = set()
        self.entry_class = entry_class
        return self._walk(self.module, statements, depth=0, via=None)

    def unknown_calls(self, statements: Sequence[cst.CSTNode], entry_class: str | None) -> list[cst.Call]:
        """Calls in ``statements`` whose code is not the project's: the move *assumes* they set no mode variable."""
        self.entry_class = entry_class
        unknown = []
        for call in _calls_in(statements).calls:
            dotted = dotted_name(call.func) or ""
            if looks_like_env_loader(call.func) or dotted in READERS or dotted.endswith((".getenv", "environ.get")):
                continue
            if not self._resolve(self.module, call.func, self.entry_class):
                unknown.append(call)
        return unknown

    def _module(self, name: str) -> _Module | None:
        if name not in self._modules:
            self._modules[name] = _load(name, self.roots)
        return self._modules[name]

    def _walk(self, module: _Module, nodes: Sequence[cst.CSTNode], depth: int, via: str | None) -> EnvironmentSetter | None:
        write = module.aliases(self.roots).first_write(nodes)  # type: ignore[arg-type]
        if write is not None and via is not None:
            code = _short(write)
            return EnvironmentSetter(write, f"{via}, which may write os.environ ('{code}')")
        collected = _calls_in(nodes)
        for call in collected.calls:
            code = _short(call)
            head = via or f"'{code}'"
            if looks_like_env_loader(call.func):
                suffix = "" if via is None else f" ('{code}')"
                return EnvironmentSetter(call, f"{head} may set environment variables{suffix}")
            for target_module, function, _class in self._resolve(module, call.func, self.entry_class if module is self.module else None):
                if id(function) in self._seen:
                    continue
                self._seen.add(id(function))
                if depth >= MAX_DEPTH:
                    return EnvironmentSetter(call, f"{head} calls project code more than {MAX_DEPTH} calls deep")
                # the body only: defaults and decorators ran when the function was defined
                found = self._walk(target_module, [function.body], depth + 1, head)
                if found is not None:
                    return EnvironmentSetter(call, found.reason)
        for node in collected.imports:
            for name in self._imported_modules(module, node):
                target = self._module(name)
                if target is None or id(target.tree) in self._seen:
                    continue
                self._seen.add(id(target.tree))
                body = [s for s in target.tree.body if not isinstance(s, (cst.FunctionDef, cst.ClassDef))]
                head = via or f"'{_short(node)}'"
                found = self._walk(target, body, depth + 1, head + f" (the module {name} runs at import)")
                if found is not None:
                    return EnvironmentSetter(node, found.reason)
        return None

    def _imported_modules(self, module: _Module, node: cst.Import | cst.ImportFrom) -> list[str]:
        if isinstance(node, cst.Import):
            return [d for d in (dotted_name(alias.name) for alias in node.names) if d is not None]
        base = _from_module(node, module.name, module.is_package)
        if base is None:
            return []
        names = [base]
        if not isinstance(node.names, cst.ImportStar):
            names.extend(f"{base}.{alias.name.value}" for alias in node.names if isinstance(alias.name, cst.Name))
        return names

    def _resolve(self, module: _Module, func: cst.BaseExpression, cls_name: str | None) -> list[tuple[_Module, cst.FunctionDef, str | None]]:
        """Project functions a call of ``func`` may run (every same-named binding; empty when unknown)."""
        found: list[tuple[_Module, cst.FunctionDef, str | None]] = []
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value in ("self", "cls"):
            if cls_name is not None:
                for klass in module.classes.get(cls_name, []):
                    found.extend((module, f, cls_name) for f in _methods(klass, func.attr.value))
            return found
        dotted = dotted_name(func)
        if dotted is None:
            return found
        head, _, rest = dotted.partition(".")
        if not rest:
            found.extend((module, f, None) for f in module.functions.get(head, []))
            for klass in module.classes.get(head, []):  # a project class: its __init__ runs
                found.extend((module, f, head) for f in _methods(klass, "__init__"))
        if head in module.classes and rest and "." not in rest:
            for klass in module.classes[head]:
                found.extend((module, f, head) for f in _methods(klass, rest))
        target = module.imported.get(head)
        if target is not None:
            full = f"{target}.{rest}" if rest else target
            found.extend(self._resolvedotted_name(full))
        return found

    def _resolvedotted_name(self, dotted: str) -> list[tuple[_Module, cst.FunctionDef, str | None]]:
        parts = dotted.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            target = self._module(".".join(parts[:cut]))
            if target is None:
                continue
            rest = parts[cut:]
            if len(rest) == 1:
                found = [(target, f, None) for f in target.functions.get(rest[0], [])]
                found += [(target, f, rest[0]) for k in target.classes.get(rest[0], []) for f in _methods(k, "__init__")]
                if not found and rest[0] in target.imported:  # re-exported: `from .impl import load_env` in a package
                    return self._resolvedotted_name(target.imported[rest[0]]) if target.imported[rest[0]] != dotted else []
                return found
            if len(rest) == 2:
                return [(target, f, rest[0]) for k in target.classes.get(rest[0], []) for f in _methods(k, rest[1])]
            return []
        return []


def _methods(klass: cst.ClassDef, name: str) -> list[cst.FunctionDef]:
    body = klass.body.body if isinstance(klass.body, cst.IndentedBlock) else ()
    return [s for s in _top_level(body) if isinstance(s, cst.FunctionDef) and s.name.value == name]  # type: ignore[arg-type]


def _short(node: cst.CSTNode) -> str:
    code = " ".join(cst.Module([]).code_for_node(node).split())
    return code if len(code) <= 60 else code[:57] + "..."
