"""Name resolution for inserted code: which spelling of ``os``, the logger and ``logging`` is safe to use.

Inserted code must mean at run time what it says, so every name it uses is
checked with libcst's scope analysis rather than by reading import lines: an
existing alias (``import os as _os``, ``from os import environ``, a local
``import os`` at the top of the function) is reused, a name that the function
binds for something else is never used, and a module import or logger is
added only when nothing suitable is bound.
"""

from __future__ import annotations

import io
import tokenize
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import libcst as cst
from libcst.metadata import GlobalScope, ImportAssignment, Scope

from codemods.imports import STANDARD_LIBRARY
from codemods.runtime import top_level_smalls, unstable_module_names

QualifiedNames = Callable[[cst.CSTNode], set[str]]
"""Dotted qualified names of an expression node (``QualifiedNameProvider`` flattened to strings)."""

LOGGER_NAME_PREFERENCE = ("logger", "log", "LOGGER", "_logger", "_log", "LOG")
LOCAL_NAMES = ("scheduler_mode", "_scheduler_mode", "thor_scheduler_mode")
_ENV_SPELLINGS = {"os": (0, "{}.environ.get"), "os.environ": (1, "{}.get"), "os.getenv": (2, "{}")}


class Unresolvable(Exception):
    """The inserted code cannot name something safely; the message says what a person must decide."""


@dataclass(frozen=True)
class EnvReader:
    """How the inserted code reads the environment, and what must be imported for it."""

    call: str
    """Source of the callable applied to ``(VAR, DEFAULT)``: ``os.environ.get``, ``_os.getenv``, ``environ.get``..."""
    after_index: int | None = None
    """Index of the leading local import that binds the name; the guard goes after it."""
    import_line: str | None = None
    """``import os`` (or ``import os as _os``) when the module must gain that import."""


@dataclass(frozen=True)
class LoggerChoice:
    """What the guard logs on: the module's logger, or ``logging.getLogger(__name__)`` called in the branch."""

    name: str
    """The expression the log call is made on (``logger``, or ``logging.getLogger(__name__)``)."""
    import_line: str | None = None
    """``import logging`` (or an aliased form) when the module must gain it."""


@dataclass(frozen=True)
class FunctionScopeView:
    """A function's scope plus where its leading imports are, as seen from the top of its body."""

    scope: Scope
    import_statement: dict[int, int]
    """``id(import node)`` -> index of the body statement holding it, for the function's own imports."""
    leading_imports: range
    """Indices of the run of import statements right after the docstring."""

    def usable(self, name: str) -> set[str] | None:
        """Qualified names ``name`` has at the top of the body, or None when it is not safely usable there.

        A name bound anywhere in a function is local for the whole body, so it
        is usable at the top only when each of its local bindings is an import
        in the leading import run; bindings in enclosing functions are refused.
        """
        visible = self.scope[name]
        if not visible:
            return set()
        for assignment in visible:
            if assignment.scope is self.scope:
                index = self.import_statement.get(id(assignment.node))
                if not isinstance(assignment, ImportAssignment) or index not in self.leading_imports:
                    return None
            elif not isinstance(assignment.scope, GlobalScope):
                return None
        return {qn.name for qn in self.scope.get_qualified_names_for(name)}

    def local_import_index(self, name: str) -> int | None:
        indices = [self.import_statement[id(a.node)] for a in self.scope.assignments[name] if id(a.node) in self.import_statement]
        return max(indices, default=None)


def function_scope_view(
    scope: Scope, statements: Sequence[cst.BaseStatement], first: int, *, upto: int | None = None
) -> FunctionScopeView:
    """Build the view for a body whose statements start (after the docstring) at index ``first``.

    Without ``upto`` the usable local imports are the run of imports right
    after the docstring (where an inserted guard goes); with ``upto`` they are
    every top-level import before statement ``upto`` (an existing guard's place).
    """
    where: dict[int, int] = {}
    for index, statement in enumerate(statements):
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, (cst.Import, cst.ImportFrom)):
                    where[id(small)] = index
    end = first
    while end < len(statements) and _is_import_line(statements[end]) and _standard_library_only(statements[end]):
        end += 1
    if upto is not None:
        end = upto
    return FunctionScopeView(scope=scope, import_statement=where, leading_imports=range(first, end))


def _is_import_line(statement: cst.BaseStatement) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(small, (cst.Import, cst.ImportFrom)) for small in statement.body
    )


def _standard_library_only(statement: cst.BaseStatement) -> bool:
    """True when an import line imports only standard-library modules (absolute, not ``__main__``).

    An inserted guard may go after such a line and reuse what it binds; a line that also imports a project
    or third-party module (``import os, sidefx``) runs that module's top-level code, so in heartbeat mode the
    guard must come before it (hostile apply review 16, F8): its names are then not usable at the top.
    """
    assert isinstance(statement, cst.SimpleStatementLine)
    for small in statement.body:
        if isinstance(small, cst.Import):
            modules = [cst.Module(body=[]).code_for_node(alias.name) for alias in small.names]
        else:
            assert isinstance(small, cst.ImportFrom)
            if small.relative or small.module is None:
                return False
            modules = [cst.Module(body=[]).code_for_node(small.module)]
        if any(m.split(".")[0] not in STANDARD_LIBRARY or "__main__" in m.split(".") for m in modules):
            return False
    return True


class ModuleBindings:
    """Module-wide facts computed once: the global scope, its loggers and every name the module uses.

    A module-level name is reused by inserted code only when it is bound at
    run time whenever the entry point can run: every binding is an import of
    the same module, one of them a top-level statement (not under ``if``,
    ``try``, ``with``...), and no ``del`` or ``global`` declaration anywhere
    can remove or rebind it (see :mod:`codemods.runtime`). Otherwise an
    import is added, under a fresh alias when the plain name may be unbound.
    """

    def __init__(
        self,
        module: cst.Module,
        global_scope: Scope,
        qualified_names: QualifiedNames,
        source: bytes,
        *,
        private: bool = False,
        submodules: frozenset[str] = frozenset(),
    ) -> None:
        self.global_scope = global_scope
        self.submodules = submodules
        """For a package's ``__init__``: its submodules and subpackages. A new global of the same name would
        shadow them (``from pkg import logging`` would give the stdlib module), so such names are never taken."""
        self.private = private
        """New module-level names must be private (``_logger``, ``import os as _os``): the module has no
        ``__all__`` and is star imported, so a public name would be re-exported (:mod:`codemods.star_exports`)."""
        self.unstable = unstable_module_names(module, source)
        self._top_level = top_level_smalls(module)
        self.loggers = [
            name
            for name in _module_loggers(module, qualified_names)
            if len(global_scope.assignments[name]) == 1 and name not in self.unstable
        ]
        self._module = module
        self._source = source
        self._names_read: set[str] | None = None
        self._aliases: dict[str, str] = {}

    def name_in_use(self, name: str) -> bool:
        """True when the module already uses ``name`` as a name (so a new global must not take it).

        Names come from the tokenizer (words in comments and strings do not
        count, nor attribute names after a dot), the same answer under both
        runners because both read the file's bytes.
        """
        if name in self.submodules:
            return True
        if self._names_read is None:
            self._names_read = _token_names(self._source)
            if self._names_read is None:
                self._names_read = _all_names(self._module)
        return name in self._names_read

    def stable_import(self, name: str) -> bool:
        """True when module-level ``name`` is bound at run time by an unconditional import nothing removes."""
        assignments = self.global_scope.assignments[name]
        return (
            bool(assignments)
            and name not in self.unstable
            and all(isinstance(a, ImportAssignment) for a in assignments)
            and any(id(a.node) in self._top_level for a in assignments)
        )

    def _plain_import_possible(self, module: str, view: FunctionScopeView) -> bool:
        """``import <module>`` may be added and ``<module>`` used: nothing else is, or may become, bound to the name."""
        if module in self.unstable or module in self.submodules:
            return False
        for assignment in self.global_scope.assignments[module]:
            if not isinstance(assignment, ImportAssignment):
                return False
        usable = view.usable(module)
        return usable is not None and usable <= {module}

    def _alias(self, module: str, view: FunctionScopeView) -> str:
        """A fresh module-level alias for ``module`` (``_os``, ``thor_guard_os``), the same for every function."""
        if module in self._aliases:
            alias = self._aliases[module]
            if view.scope[alias] and view.usable(alias) != {module}:
                raise Unresolvable(f"the function binds '{alias}' itself; add the guard by hand")
            return alias
        for alias in (f"_{module}", f"_thor_guard_{module}" if self.private else f"thor_guard_{module}"):
            if not self.name_in_use(alias) and not self.global_scope.assignments[alias] and alias not in self.unstable:
                self._aliases[module] = alias
                return alias
        raise Unresolvable(f"no free module-level name to import {module} under; add the guard by hand")

    def env_reader(self, view: FunctionScopeView) -> EnvReader:
        """Pick the spelling of ``os.environ.get`` usable at the top of the function."""
        candidates = [a.name for a in view.scope.assignments if isinstance(a, ImportAssignment)]
        candidates += [a.name for a in self.global_scope.assignments if isinstance(a, ImportAssignment)]
        ranked: list[tuple[int, str, str]] = []
        for name in dict.fromkeys(candidates):
            qualified = view.usable(name)
            if qualified is None or len(qualified) != 1:
                continue
            local = any(a.scope is view.scope for a in view.scope[name])
            if not local and not self.stable_import(name):
                continue
            spelling = _ENV_SPELLINGS.get(next(iter(qualified)))
            if spelling is not None:
                ranked.append((spelling[0], name, spelling[1].format(name)))
        if ranked:
            _, name, call = min(ranked)
            return EnvReader(call=call, after_index=view.local_import_index(name))
        if not self.private and self._plain_import_possible("os", view):
            return EnvReader(call="os.environ.get", import_line="import os")
        alias = self._alias("os", view)
        return EnvReader(call=f"{alias}.environ.get", import_line=f"import os as {alias}")

    def logger(self, view: FunctionScopeView) -> LoggerChoice:
        """Reuse a module logger visible from the function, else log through ``logging.getLogger(__name__)``.

        No module-level logger is ever created: ``logger = logging.getLogger(__name__)`` at import time
        makes the logger exist before the application configures logging, and ``dictConfig``/``fileConfig``
        (``disable_existing_loggers`` defaults to true) then disable it, silencing the module's own legacy
        log lines (review AR2-7). Called in the guard's branch, the logger is only looked up when the guard
        fires, in heartbeat mode.
        """
        for name in self.loggers:
            visible = view.scope[name]
            if visible and all(isinstance(a.scope, GlobalScope) for a in visible):
                return LoggerChoice(name=name)
        logging_name = next(
            (
                a.name
                for a in self.global_scope.assignments
                if isinstance(a, ImportAssignment) and view.usable(a.name) == {"logging"} and self.stable_import(a.name)
            ),
            None,
        )
        import_line = None
        if logging_name is None:
            call = _module_level_call(self._module)
            if call is not None:
                # `import logging` goes to the leading import block, above this call: importing logging earlier
                # than before can change what it does (gevent's / eventlet's monkey_patch() must run before the
                # modules it patches are imported; hostile apply review, finding 4). `os` is always loaded already.
                raise Unresolvable(
                    f"the guard would add 'import logging' above module-level code that runs at import time ('{call}'), "
                    "which may depend on logging not being imported yet (a monkey-patching call); import logging by hand"
                )
            if not self.private and self._plain_import_possible("logging", view):
                logging_name, import_line = "logging", "import logging"
            else:
                logging_name = self._alias("logging", view)
                import_line = f"import logging as {logging_name}"
        return LoggerChoice(name=f"{logging_name}.getLogger(__name__)", import_line=import_line)


def choose_local_name(function: cst.FunctionDef) -> str:
    """A local for the mode value that no name in the function already uses."""
    used = _all_names(function)
    for name in LOCAL_NAMES:
        if name not in used:
            return name
    raise Unresolvable("the function already uses every name apply would give the mode variable")


def _token_names(source: bytes) -> set[str] | None:
    """NAME tokens of ``source`` that are not attribute names (``self.logger`` does not use the name ``logger``)."""
    names: set[str] = set()
    after_dot = False
    try:
        for tok in tokenize.tokenize(io.BytesIO(source).readline):
            if tok.type == tokenize.NAME and not after_dot:
                names.add(tok.string)
            if tok.type not in (tokenize.NL, tokenize.COMMENT, tokenize.NEWLINE):
                after_dot = tok.type == tokenize.OP and tok.string == "."
    except (tokenize.TokenError, SyntaxError):
        return None
    return names


def _module_level_call(module: cst.Module) -> str | None:
    """The first module-level statement that is a bare call (``patcher.patch_all()``, ``monkey.patch_all()``,
    ``django.setup()``), or an assignment of a call whose name says it patches (``patched = greenlib.patch_all()``,
    hostile apply review 16), outside ``if __name__ == "__main__":``; None when there is none. Other calls inside
    assignments (``register = Library()``) are not counted: monkey-patching entry points are called for their
    effect."""
    for statement in module.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                called: cst.BaseExpression | None = None
                if isinstance(small, cst.Expr) and isinstance(small.value, (cst.Call, cst.Await)):
                    called = small.value
                elif isinstance(small, (cst.Assign, cst.AnnAssign, cst.AugAssign)) and isinstance(small.value, cst.Call):
                    func = small.value.func
                    name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
                    called = small.value if "patch" in name.lower() else None
                if called is not None:
                    code = cst.Module([]).code_for_node(called)
                    return code if len(code) <= 60 else code[:59] + "…"
    return None


def _module_loggers(module: cst.Module, qualified_names: QualifiedNames) -> list[str]:
    """Names assigned ``logging.getLogger(...)`` at module level, preferred names first."""
    found: list[str] = []
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            target: cst.BaseExpression | None = None
            value: cst.BaseExpression | None = None
            if isinstance(small, cst.Assign) and len(small.targets) == 1:
                target, value = small.targets[0].target, small.value
            elif isinstance(small, cst.AnnAssign) and small.value is not None:
                target, value = small.target, small.value
            if isinstance(target, cst.Name) and isinstance(value, cst.Call) and "logging.getLogger" in qualified_names(value.func):
                found.append(target.value)
    order = {name: i for i, name in enumerate(LOGGER_NAME_PREFERENCE)}
    unique = list(dict.fromkeys(found))
    return sorted(unique, key=lambda n: (order.get(n, len(order)), unique.index(n)))


class _NameCollector(cst.CSTVisitor):
    def __init__(self, *, loads_only: bool) -> None:
        self.loads_only = loads_only
        self.names: set[str] = set()

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        if self.loads_only:
            node.value.visit(self)
            return False
        return True

    def visit_Arg(self, node: cst.Arg) -> bool:
        if self.loads_only:
            node.value.visit(self)
            return False
        return True

    def visit_Name(self, node: cst.Name) -> None:
        self.names.add(node.value)


def _loaded_names(node: cst.CSTNode) -> set[str]:
    """Every bare name in ``node`` (attribute names and keyword names excluded)."""
    collector = _NameCollector(loads_only=True)
    node.visit(collector)
    return collector.names


def _all_names(node: cst.CSTNode) -> set[str]:
    collector = _NameCollector(loads_only=False)
    node.visit(collector)
    return collector.names


def package_submodules(init_file: Path) -> frozenset[str]:
    """Names of the modules and packages next to a package's ``__init__.py`` (empty for any other file).

    ``pkg/logging.py``, ``pkg/logger/`` and ``pkg/os.so`` make ``logging``, ``logger`` and ``os`` names that
    ``from pkg import NAME`` resolves to the submodule only while ``pkg`` itself binds nothing of that name.
    """
    if init_file.name != "__init__.py":
        return frozenset()
    names: set[str] = set()
    try:
        entries = list(init_file.parent.iterdir())
    except OSError:
        return frozenset()
    for entry in entries:
        stem = entry.name.split(".", 1)[0]
        if not stem.isidentifier() or stem == "__init__":
            continue
        if entry.is_dir() or entry.suffix in (".py", ".pyc", ".so", ".pyd", ".pyi"):
            names.add(stem)
    return frozenset(names)


def dotted_name(node: cst.BaseExpression) -> str | None:
    """``"a.b.c"`` for a name or attribute chain (``a.b.c``), else None (a call, a subscript, anything else)."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = dotted_name(node.value)
        return None if base is None else f"{base}.{node.attr.value}"
    return None
