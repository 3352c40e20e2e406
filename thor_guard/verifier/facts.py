"""Per-module facts the verifier reads: resolved names, scopes and module-level bindings.

libcst metadata is computed once per :class:`~libcst.metadata.MetadataWrapper`;
this module wraps it in small lookups (qualified names of a node, the single
module-level assignment of a name, module loggers, module functions) so that
the evaluator never matches names as strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import libcst as cst
from libcst._metadata_dependent import LazyValue
from libcst.metadata import (
    GlobalScope,
    MetadataWrapper,
    PositionProvider,
    QualifiedNameProvider,
    QualifiedNameSource,
    Scope,
    ScopeProvider,
)

REQUIRED_METADATA = (QualifiedNameProvider, ScopeProvider, PositionProvider)
"""Metadata providers :func:`~thor_guard.verifier.verify_function` resolves on the module's wrapper."""

_EMPTY_MODULE = cst.Module(body=[])


def code_of(node: cst.CSTNode, limit: int = 70) -> str:
    """The first line of ``node``'s source, shortened for messages."""
    text = _EMPTY_MODULE.code_for_node(node).strip().splitlines()
    first = text[0] if text else ""
    return first if len(first) <= limit else first[: limit - 1] + "…"


@dataclass
class ModuleFacts:
    """Name resolution for one parsed module (the analysed one or a helper's module)."""

    name: str
    """Dotted module name (used to resolve relative imports)."""
    path: Path | None
    wrapper: MetadataWrapper
    is_package: bool = False
    _qnames: Mapping[cst.CSTNode, object] = field(init=False, repr=False)
    _scopes: Mapping[cst.CSTNode, Scope | None] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._qnames = self.wrapper.resolve(QualifiedNameProvider)
        self._scopes = self.wrapper.resolve(ScopeProvider)

    @property
    def module(self) -> cst.Module:
        return self.wrapper.module

    def qualified_names(self, node: cst.CSTNode) -> frozenset[str]:
        """Dotted names ``node`` refers to through imports (``_os.getenv`` -> ``os.getenv``), relative ones made absolute.

        Only import-sourced names count: a local class called ``os`` or a
        module-level variable ``config`` is never mistaken for a module.
        """
        value = self._qnames.get(node, ())
        if isinstance(value, LazyValue):
            value = value()
        names: set[str] = set()
        for qualified in value:  # type: ignore[attr-defined]
            if qualified.source is QualifiedNameSource.IMPORT:
                names.add(self.absolute(qualified.name))
        return frozenset(names)

    def absolute(self, name: str) -> str:
        """Turn ``.util.f`` (as QualifiedNameProvider reports relative imports) into ``pkg.util.f``."""
        if not name.startswith("."):
            return name
        level = len(name) - len(name.lstrip("."))
        package = self.name.split(".") if self.is_package else self.name.split(".")[:-1]
        if level > 1:
            package = package[: len(package) - (level - 1)]
        rest = name[level:]
        return ".".join([*package, rest] if rest else package)

    def scope(self, node: cst.CSTNode) -> Scope | None:
        return self._scopes.get(node)

    def is_module_global(self, node: cst.Name) -> bool:
        """True when ``node`` (a read) refers to a name bound only at module level."""
        scope = self.scope(node)
        if scope is None:
            return False
        assignments = scope[node.value]
        return bool(assignments) and all(isinstance(a.scope, GlobalScope) for a in assignments)

    @cached_property
    def _top_level(self) -> tuple[dict[str, cst.BaseExpression], dict[str, cst.FunctionDef], dict[str, int]]:
        values: dict[str, cst.BaseExpression] = {}
        functions: dict[str, cst.FunctionDef] = {}
        counts: dict[str, int] = {}
        for statement in _flatten_module_statements(self.module.body):
            if isinstance(statement, cst.FunctionDef):
                functions[statement.name.value] = statement
                counts[statement.name.value] = counts.get(statement.name.value, 0) + 1
            elif isinstance(statement, cst.Assign):
                for target in statement.targets:
                    if isinstance(target.target, cst.Name):
                        values[target.target.value] = statement.value
                        counts[target.target.value] = counts.get(target.target.value, 0) + 1
            elif isinstance(statement, cst.AnnAssign) and isinstance(statement.target, cst.Name) and statement.value is not None:
                values[statement.target.value] = statement.value
                counts[statement.target.value] = counts.get(statement.target.value, 0) + 1
        return values, functions, counts

    def module_value(self, name: str) -> cst.BaseExpression | None:
        """The expression of ``name = <expr>`` when it is the name's only module-level binding."""
        values, _, counts = self._top_level
        return values.get(name) if counts.get(name) == 1 else None

    def module_function(self, name: str) -> cst.FunctionDef | None:
        _, functions, counts = self._top_level
        return functions.get(name) if counts.get(name) == 1 else None

    @cached_property
    def _method_owners(self) -> dict[int, cst.ClassDef]:
        owners: dict[int, cst.ClassDef] = {}
        for node in _iter_classes(self.module):
            for statement in node.body.body if isinstance(node.body, cst.IndentedBlock) else ():
                if isinstance(statement, cst.FunctionDef):
                    owners[id(statement)] = node
        return owners

    def enclosing_class(self, function: cst.FunctionDef) -> cst.ClassDef | None:
        """The class whose body defines ``function`` directly (None for plain functions)."""
        return self._method_owners.get(id(function))

    @cached_property
    def module_loggers(self) -> frozenset[str]:
        """Module-level names bound to ``logging.getLogger(...)``."""
        values, _, counts = self._top_level
        return frozenset(
            name
            for name, value in values.items()
            if counts.get(name) == 1
            and isinstance(value, cst.Call)
            and "logging.getLogger" in self.qualified_names(value.func)
        )


def _iter_classes(module: cst.Module) -> list[cst.ClassDef]:
    found: list[cst.ClassDef] = []

    class _Visitor(cst.CSTVisitor):
        def visit_ClassDef(self, node: cst.ClassDef) -> None:
            found.append(node)

    module.visit(_Visitor())
    return found


def _flatten_module_statements(body: object) -> list[cst.CSTNode]:
    """Module-level small statements and defs (inside ``if``/``try`` blocks too, as Python binds them)."""
    out: list[cst.CSTNode] = []
    for statement in body:  # type: ignore[attr-defined]
        if isinstance(statement, cst.SimpleStatementLine):
            out.extend(statement.body)
        elif isinstance(statement, cst.FunctionDef):
            out.append(statement)
        elif isinstance(statement, (cst.If, cst.Try)):
            out.extend(_flatten_module_statements(statement.body.body))
            orelse = getattr(statement, "orelse", None)
            if isinstance(orelse, cst.Else):
                out.extend(_flatten_module_statements(orelse.body.body))
    return out
