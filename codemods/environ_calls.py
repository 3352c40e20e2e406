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
- the same test reads the *imported* name too (``from dotenv import
  load_dotenv as load_settings``, review AR4-5);
- a call that resolves to a function of the project (the same module, a
  method through ``self``/``cls``/``super()`` looked up along the walked
  method's class and its project bases (review AR4-1), a project class's
  construction and ``with`` methods, or a function of a module under the
  source roots imported by name or through its module) is walked; a
  ``self.x()`` no project class defines counts as a possible setter; transitively up to :data:`MAX_DEPTH` calls deep: a visible write
  of ``os.environ`` in it (under any name, :class:`EnvironAliases`) or a call
  that may load environment variables counts;
- an ``import`` of a project module among the jumped-over statements runs
  every package above it and the module's top level (class bodies,
  decorators, defaults) the first time, which is walked the same way
  (review AR4-10).

Any other call (a library function, a method of an object whose class is not
known) is *assumed* not to set the mode variable; :func:`unknown_calls`
lists them so the run can say which calls that assumption covers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import libcst as cst

from codemods.bindings import dotted_name
from codemods.environ_aliases import EnvironAliases
from codemods.jumped_over import statement_parts
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


def _getter_name(func: cst.BaseExpression) -> bool:
    """The callee is spelt like a getter (``get_environ``, ``getEnv``): it returns the environment, not loads it."""
    last = _last_name(func)
    return last is not None and last.lower().startswith("get")


def _is_reader(dotted: str | None) -> bool:
    return dotted is not None and (dotted in READERS or dotted.endswith(".getenv") or dotted.endswith("environ.get"))


def looks_like_env_loader(func: cst.BaseExpression, imported: Mapping[str, str] | None = None) -> bool:
    """The callee's name says it deals with the environment (``load_dotenv``, ``read_env``, ``Env``).

    ``imported`` maps the module's local names to what they import: the test reads the *imported* name too,
    every component of it (review AR4-5: ``from dotenv import load_dotenv as load_settings`` is a loader, and
    so is ``from environ import Env as Config``), and the local spelling.
    """
    dotted = dotted_name(func)
    if _is_reader(dotted):
        return False
    last = _last_name(func)
    if last is not None and "env" in last.lower():
        return True
    full = resolved_dotted(func, imported)
    if full is None or full == dotted or _is_reader(full):
        return False
    return any("env" in part.lower() for part in full.split("."))


def resolved_dotted(func: cst.BaseExpression, imported: Mapping[str, str] | None) -> str | None:
    """``func``'s dotted name with its first name replaced by what the module imports under it (or None)."""
    dotted = dotted_name(func)
    if dotted is None or not imported:
        return dotted
    head, _, rest = dotted.partition(".")
    target = imported.get(head)
    if target is None:
        return dotted
    return f"{target}.{rest}" if rest else target


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


_MUTATORS = frozenset({"setdefault", "update", "pop", "popitem", "clear", "__setitem__", "__delitem__"})
_PUTENV = frozenset({"os.putenv", "os.unsetenv", "putenv", "unsetenv"})


def _is_environ(node: cst.BaseExpression) -> bool:
    return (dotted_name(node) or "") in ("os.environ", "environ")


class _SpeltWrite(cst.CSTVisitor):
    def __init__(self) -> None:
        self.found: cst.CSTNode | None = None

    def on_visit(self, node: cst.CSTNode) -> bool:
        return self.found is None and super().on_visit(node)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if (isinstance(func, cst.Attribute) and func.attr.value in _MUTATORS and _is_environ(func.value)) or (dotted_name(func) or "") in _PUTENV:
            self.found = node

    def visit_Subscript(self, node: cst.Subscript) -> None:
        if _is_environ(node.value) and self.target:
            self.found = self.statement

    statement: cst.CSTNode | None = None
    target = False


def spelt_environ_write(part: cst.CSTNode) -> cst.CSTNode | None:
    """A write of the environment spelt on ``os.environ``/``environ`` in one small statement, by syntax alone:
    ``os.environ.setdefault(...)``/``update``/``pop``/``clear``…, ``os.putenv(...)`` (the call), or a subscript
    store or ``del`` (``os.environ[key] = value``: the statement). None otherwise (a read, a bare use)."""
    finder = _SpeltWrite()
    if isinstance(part, (cst.Assign, cst.AugAssign, cst.AnnAssign, cst.Del)):
        targets = [t.target for t in part.targets] if isinstance(part, cst.Assign) else [part.target]
        finder.statement, finder.target = part, True
        for target in targets:
            target.visit(finder)
        if finder.found is not None:
            return finder.found
        finder.target = False
    part.visit(finder)
    return finder.found


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
        # `configure = load_dotenv`, `run = _setup`: a module-level alias calls what it names (hostile apply review
        # 16, F3); taken in source order, so an alias of an alias resolves too
        for statement in _top_level(tree.body):
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if not (isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name)):
                    continue
                alias, value = small.targets[0].target.value, small.value
                dotted = dotted_name(value) if isinstance(value, (cst.Name, cst.Attribute)) else None
                if dotted is None:
                    continue
                head, _, rest = dotted.partition(".")
                if head in module.imported:
                    module.imported[alias] = f"{module.imported[head]}.{rest}" if rest else module.imported[head]
                elif not rest and head in module.functions:
                    module.functions.setdefault(alias, []).extend(module.functions[head])
                elif not rest and head in module.classes:
                    module.classes.setdefault(alias, []).extend(module.classes[head])
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


_Owner = tuple[_Module, str]
"""The class whose instance ``self``/``cls`` is in a walked method: its module and its name there."""
_Target = tuple[_Module, cst.FunctionDef, "_Owner | None"]

CLASS_CALL_METHODS = ("__new__", "__init__", "__post_init__", "__enter__", "__exit__", "__aenter__", "__aexit__")
"""What calling a project class may run: construction, and (``with X():``) entering and leaving it (review AR4-2)."""


class EnvironmentCalls:
    """Ask whether code of one module may set environment variables through the calls and imports it makes."""

    def __init__(self, module: str, tree: cst.Module, is_package: bool, source_roots: Iterable[Path]) -> None:
        self.roots = tuple(Path(root) for root in source_roots)
        self.module = _Module.of(module, tree, is_package)
        self._seen: set[object] = set()
        self._modules: dict[str, _Module | None] = {module: self.module}
        self._memo: dict[tuple[str, int], object] = {}
        """``("calls", id(body))`` -> the calls and imports of a walked body; ``("spelt", id(body))`` -> its first
        write for :meth:`first_mode_setter` (the mode variable is fixed per command)."""

    def aliases(self) -> EnvironAliases:
        """The entry module's names for ``os.environ``, with those imported from project modules."""
        return self.module.aliases(self.roots)

    def _entry_owner(self, entry_class: str | None) -> _Owner | None:
        return (self.module, entry_class) if entry_class is not None else None

    def first_setter(self, nodes: Sequence[cst.CSTNode], entry_class: str | None) -> EnvironmentSetter | None:
        """The first call or import in ``nodes`` that may set environment variables, or None.

        ``entry_class`` names the class whose methods ``self.x()``/``cls.x()`` call (None for a function); they are
        looked up along its bases as far as the project defines them (review AR4-1), and one that cannot be found
        there counts as a possible setter.
        """
        self._seen = set()
        return self._walk(self.module, nodes, depth=0, via=None, owner=self._entry_owner(entry_class))

    def first_mode_setter(
        self, nodes: Sequence[cst.CSTNode], entry_class: str | None, sets_mode: Callable[[cst.CSTNode, cst.Module], bool]
    ) -> EnvironmentSetter | None:
        """The first call or import in ``nodes`` whose code may set the mode variable, or None (hostile apply review
        16, F4: ``_default_to_legacy()`` that runs ``os.environ.setdefault(MODE, "legacy")``).

        Like :meth:`first_setter`, but only writes spelt on the mapping count (:func:`spelt_environ_write`), and
        only when ``sets_mode(write, module tree)`` says it may write
        the mode variable (a write of a key proven to be another variable does not), and a method apply cannot find
        is not counted: this is for a function that has no guard yet, where only a write of the mode variable
        itself changes which world its hosts run (an environment loader such as ``load_dotenv()`` still counts)."""
        self._seen = set()
        return self._walk(self.module, nodes, depth=0, via=None, owner=self._entry_owner(entry_class), sets_mode=sets_mode)

    def unknown_calls(self, nodes: Sequence[cst.CSTNode], entry_class: str | None) -> list[cst.Call]:
        """Calls in ``nodes`` whose code is not the project's: the move *assumes* they set no mode variable."""
        owner = self._entry_owner(entry_class)
        unknown = []
        for call in _calls_in(nodes).calls:
            if looks_like_env_loader(call.func, self.module.imported) or _is_reader(resolved_dotted(call.func, self.module.imported)):
                continue
            targets, unresolved = self._resolve(self.module, call.func, owner)
            if not targets and not unresolved:
                unknown.append(call)
        return unknown

    def _module(self, name: str) -> _Module | None:
        if name not in self._modules:
            self._modules[name] = _load(name, self.roots)
        return self._modules[name]

    def _walk(
        self,
        module: _Module,
        nodes: Sequence[cst.CSTNode],
        depth: int,
        via: str | None,
        owner: _Owner | None,
        sets_mode: Callable[[cst.CSTNode, cst.Module], bool] | None = None,
    ) -> EnvironmentSetter | None:
        # a function body is walked for many entry points of its module: what it holds is read once
        body = id(nodes[0]) if len(nodes) == 1 else None
        if sets_mode is None:
            write = module.aliases(self.roots).first_write(nodes)  # type: ignore[arg-type]
        elif body is not None and ("spelt", body) in self._memo:
            write = self._memo[("spelt", body)]  # type: ignore[assignment]
        else:
            # a write spelt on the mapping, found by its syntax alone (no alias census: cheap enough to walk every
            # callee of a function without a guard)
            write = next((w for p in statement_parts(nodes) for w in (spelt_environ_write(p),) if w is not None and sets_mode(w, module.tree)), None)
            if body is not None:
                self._memo[("spelt", body)] = write
        if write is not None and via is not None:
            code = _short(write)
            return EnvironmentSetter(write, f"{via}, which may write os.environ ('{code}')")
        collected = self._memo.get(("calls", body)) if body is not None else None
        if collected is None:
            collected = _calls_in(nodes)
            if body is not None:
                self._memo[("calls", body)] = collected
        assert isinstance(collected, _Calls)
        for call in collected.calls:
            targets, unresolved = self._resolve(module, call.func, owner)
            if not targets and not unresolved and not looks_like_env_loader(call.func) and not looks_like_env_loader(call.func, module.imported):
                continue  # a library call that no name marks as a loader: nothing to say about it
            code = _short(call)
            head = via or f"'{code}'"
            suffix = "" if via is None else f" ('{code}')"
            if looks_like_env_loader(call.func) and (sets_mode is None or not (targets or _getter_name(call.func))):
                # by name; for first_mode_setter a project function of that name is walked, and a getter's name
                # (`get_environ()`, wsgiref's copy of the environment) is taken for a read
                return EnvironmentSetter(call, f"{head} may set environment variables{suffix}")
            if unresolved and sets_mode is None:
                # `self.x()` whose method the project's classes do not define: an attribute, a library base's
                # method or a subclass's override -- its code is unknown, and unknown is not "not the project's"
                return EnvironmentSetter(
                    call, f"{head} calls a method apply cannot find in the project's classes, which may set environment variables{suffix}"
                )
            if not targets and looks_like_env_loader(call.func, module.imported) and not (sets_mode is not None and _getter_name(call.func)):
                return EnvironmentSetter(call, f"{head} may set environment variables{suffix}")
            for target_module, function, target_owner in targets:
                key = (id(function), None if target_owner is None else (target_owner[0].name, target_owner[1]))
                if key in self._seen:
                    continue
                self._seen.add(key)
                if depth >= MAX_DEPTH:
                    if sets_mode is not None:
                        continue  # first_mode_setter: code deeper than the walk is assumed not to spell the variable
                    return EnvironmentSetter(call, f"{head} calls project code more than {MAX_DEPTH} calls deep")
                # the body only: defaults and decorators ran when the function was defined
                found = self._walk(target_module, [function.body], depth + 1, head, target_owner, sets_mode)
                if found is not None:
                    return EnvironmentSetter(call, found.reason)
        for node in collected.imports:
            for name in self._imported_modules(module, node):
                target = self._module(name)
                if target is None or id(target.tree) in self._seen:
                    continue
                self._seen.add(id(target.tree))
                head = via or f"'{_short(node)}'"
                found = self._walk(target, import_time_nodes(target.tree.body), depth + 1, head + f" (the module {name} runs at import)", None, sets_mode)
                if found is not None:
                    return EnvironmentSetter(node, found.reason)
        return None

    def _imported_modules(self, module: _Module, node: cst.Import | cst.ImportFrom) -> list[str]:
        """The modules an import may run, every package above them first (their ``__init__`` runs too, review AR4-10)."""
        if isinstance(node, cst.Import):
            named = [d for d in (dotted_name(alias.name) for alias in node.names) if d is not None]
        else:
            base = _from_module(node, module.name, module.is_package)
            if base is None:
                return []
            named = [base]
            if not isinstance(node.names, cst.ImportStar):
                named.extend(f"{base}.{alias.name.value}" for alias in node.names if isinstance(alias.name, cst.Name))
        found: list[str] = []
        for dotted in named:
            parts = dotted.split(".")
            for cut in range(1, len(parts) + 1):
                name = ".".join(parts[:cut])
                if name not in found:
                    found.append(name)
        return found

    def _resolve(self, module: _Module, func: cst.BaseExpression, owner: _Owner | None) -> tuple[list[_Target], bool]:
        """Project functions a call of ``func`` may run (every same-named binding), and whether it is an unresolved method.

        The second value is True for ``self.x()``/``cls.x()``/``super().x()`` whose method the project's classes do
        not define (or whose class is unknown): the caller counts it as code that may set the environment.
        """
        found: list[_Target] = []
        if isinstance(func, cst.Attribute):
            receiver = func.value
            is_self = isinstance(receiver, cst.Name) and receiver.value in ("self", "cls")
            is_super = isinstance(receiver, cst.Call) and isinstance(receiver.func, cst.Name) and receiver.func.value == "super"
            if (is_self or is_super) and owner is not None:  # in a plain function `self` is any parameter
                methods, _complete = self._lookup(owner[0], owner[1], func.attr.value, set(), skip_first=is_super)
                # the method runs on the same instance: its own `self.y()` is looked up from the same class
                return [(m, f, owner) for m, f, _ in methods], not methods
        dotted = dotted_name(func)
        if dotted is None:
            return found, False
        head, _, rest = dotted.partition(".")
        if not rest:
            found.extend((module, f, None) for f in module.functions.get(head, []))
            if head in module.classes:  # a project class: constructing (and entering) it runs these
                found.extend(self._class_call(module, head))
        if head in module.classes and rest and "." not in rest:
            methods, _complete = self._lookup(module, head, rest, set())
            found.extend((m, f, (module, head)) for m, f, _ in methods)
        target = module.imported.get(head)
        if target is not None:
            full = f"{target}.{rest}" if rest else target
            found.extend(self._resolve_dotted(full, set()))
        return found, False

    def _class_call(self, module: _Module, name: str) -> list[_Target]:
        found: list[_Target] = []
        for method in CLASS_CALL_METHODS:
            methods, _complete = self._lookup(module, name, method, set())
            found.extend((m, f, (module, name)) for m, f, _ in methods)
        return found

    def _lookup(self, module: _Module, name: str, method: str, seen: set[tuple[str, str]], *, skip_first: bool = False) -> tuple[list[_Target], bool]:
        """``method`` as the class ``name`` of ``module`` finds it along its bases (those the project defines).

        Returns the definitions found (the first class along each base path that defines it) and whether every
        base on the way was a project class (or ``object``).
        """
        if (module.name, name) in seen:
            return [], True
        seen.add((module.name, name))
        klasses = module.classes.get(name, [])
        if not klasses:
            return [], False
        if not skip_first:
            own = [(module, f, (module, name)) for k in klasses for f in _methods(k, method)]
            if own:
                return own, True  # type: ignore[return-value]
        found: list[_Target] = []
        complete = True
        for klass in klasses:
            for base in klass.bases:
                where = self._class_ref(module, base.value)
                if where == "object":
                    continue
                if where is None:
                    complete = False
                    continue
                more, ok = self._lookup(where[0], where[1], method, seen)
                found.extend(more)
                complete = complete and ok
        return found, complete

    def _class_ref(self, module: _Module, node: cst.BaseExpression) -> _Owner | str | None:
        """The project class an expression in a class's bases names, "object", or None when unknown."""
        dotted = dotted_name(node)
        if dotted is None:
            return None
        if dotted in ("object", "builtins.object"):
            return "object"
        head, _, rest = dotted.partition(".")
        if not rest and head in module.classes:
            return (module, head)
        target = module.imported.get(head)
        if target is None:
            return None
        return self._class_at(f"{target}.{rest}" if rest else target, set())

    def _class_at(self, dotted: str, seen: set[str]) -> _Owner | None:
        if dotted in seen:
            return None
        seen.add(dotted)
        owner, _, name = dotted.rpartition(".")
        target = self._module(owner) if owner else None
        if target is None:
            return None
        if name in target.classes:
            return (target, name)
        if name in target.imported:  # re-exported: `from .base import Service` in a package
            return self._class_at(target.imported[name], seen)
        return None

    def _resolve_dotted(self, dotted: str, seen: set[str]) -> list[_Target]:
        if dotted in seen:
            return []
        seen.add(dotted)
        parts = dotted.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            target = self._module(".".join(parts[:cut]))
            if target is None:
                continue
            rest = parts[cut:]
            if len(rest) == 1:
                found: list[_Target] = [(target, f, None) for f in target.functions.get(rest[0], [])]
                if rest[0] in target.classes:
                    found += self._class_call(target, rest[0])
                if not found and rest[0] in target.imported:  # re-exported: `from .impl import load_env` in a package
                    return self._resolve_dotted(target.imported[rest[0]], seen)
                return found
            if len(rest) == 2:
                methods, _complete = self._lookup(target, rest[0], rest[1], set())
                return [(m, f, (target, rest[0])) for m, f, _ in methods]
            return []
        return []


def import_time_nodes(statements: Sequence[cst.BaseStatement]) -> list[cst.CSTNode]:
    """What importing a module runs of ``statements``: all but function bodies (class bodies, decorators, defaults run)."""
    nodes: list[cst.CSTNode] = []
    for statement in statements:
        if isinstance(statement, cst.FunctionDef):
            nodes.extend(statement.decorators)
            nodes.append(statement.params)
        elif isinstance(statement, cst.ClassDef):
            nodes.extend(statement.decorators)
            nodes.extend(statement.bases)
            nodes.extend(statement.keywords)
            body = statement.body.body if isinstance(statement.body, cst.IndentedBlock) else statement.body.body
            nodes.extend(import_time_nodes(body))  # type: ignore[arg-type]
        else:
            nodes.append(statement)
    return nodes


def _methods(klass: cst.ClassDef, name: str) -> list[cst.FunctionDef]:
    body = klass.body.body if isinstance(klass.body, cst.IndentedBlock) else ()
    return [s for s in _top_level(body) if isinstance(s, cst.FunctionDef) and s.name.value == name]  # type: ignore[arg-type]


def _short(node: cst.CSTNode) -> str:
    code = " ".join(cst.Module([]).code_for_node(node).split())
    return code if len(code) <= 60 else code[:57] + "..."
