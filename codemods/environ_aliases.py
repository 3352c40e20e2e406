"""Writes to ``os.environ`` through another name: what a moved guard must never jump over (review RA-3).

A TG002 move puts the guard above the statements before it; if those may
set or clear the mode variable, the moved guard decides on another value and
legacy mode runs a body it never ran. Matching the spelling ``os.environ``
is not enough: the same mapping reaches code as ``ENV = os.environ`` (a
module constant), ``env = os.environ`` (a local), ``self.env = os.environ``
(an attribute) or as an argument (``apply_profile(os.environ, ...)``).

So the question is asked of values, over-approximating on purpose:

- an *alias* is a name or attribute name that some assignment anywhere in
  the module binds to an expression mentioning the mapping bare (not as
  ``os.environ.get(...)`` or ``os.environ[...]``), followed transitively;
- a statement *may write the environment* when it stores into, deletes
  from, augments or calls a mutating method on the mapping or an alias, or
  lets the mapping or an alias *escape* (passes it to a call, binds it,
  returns or yields it); reading it (``.get``, ``[...]``, ``in``, ``len``,
  ``dict(...)``, ``.copy()``) does not.

The module is scanned syntactically (every ``*.environ``/``*.environb``
and bare ``environ``/``environb`` counts as the mapping: ``environb`` is the
bytes view of the same environment), so a module that names something else
``environ`` only loses moves, never gains a wrong one.

The mapping is also reached through the ``os`` module itself (review
AR2-6): ``getattr(os, "environ")``, ``vars(os)["environ"]``,
``os.__dict__["environ"]``. So the ``os`` module escaping (a name bound by
``import os``/``import os as X`` used other than as ``os.<attribute>``, or
``os.__dict__``), the string ``"environ"``/``"environb"`` anywhere, and a
``getattr``/``setattr``/``delattr`` whose attribute name is computed count
as possible writes too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import libcst as cst

MUTATORS = frozenset({"update", "pop", "popitem", "setdefault", "clear", "__setitem__", "__delitem__", "__ior__"})
_READERS = frozenset({"get", "copy", "keys", "values", "items", "__getitem__", "__contains__", "__len__", "__iter__"})
_READ_CALLS = frozenset({"dict", "len", "sorted", "list", "tuple", "set", "frozenset", "iter", "repr", "str", "bool", "any", "all"})
MAPPING_NAMES = frozenset({"environ", "environb"})
"""The attribute names of ``os`` that are the process environment (``environb``: its bytes view, kept in sync)."""
_REFLECTION = frozenset({"getattr", "setattr", "delattr", "builtins.getattr", "builtins.setattr", "builtins.delattr"})


class EnvironAliases:
    """Names and attribute names that may hold ``os.environ`` anywhere in one module (see the module doc)."""

    def __init__(self, names: frozenset[str], attributes: frozenset[str], modules: frozenset[str] = frozenset({"os"})) -> None:
        self.names = names
        self.attributes = attributes
        self.modules = modules
        """Names that may hold the ``os`` module (``import os``, ``import os as _os``)."""

    @classmethod
    def of_module(
        cls, module: cst.Module, *, seed_names: frozenset[str] = frozenset(), seed_attributes: frozenset[str] = frozenset()
    ) -> EnvironAliases:
        """Scan every assignment of ``module`` (all scopes) to a fixpoint.

        ``seed_names``/``seed_attributes`` are aliases known from elsewhere: a name imported from a project
        module that binds it to ``os.environ`` (``from settings import ENV``), an attribute name of such a
        module (``settings.ENV``); see :mod:`codemods.environ_calls` (review AR3-6).
        """
        collector = _Assignments()
        module.visit(collector)
        names: set[str] = set(seed_names)
        attributes: set[str] = set(seed_attributes)
        modules = frozenset({"os", *collector.os_names})
        changed = True
        while changed:
            changed = False
            probe = cls(frozenset(names), frozenset(attributes), modules)
            for target, value in collector.pairs:
                if not probe.mentions_bare(value):
                    continue
                for kind, name in _target_names(target):
                    into = names if kind == "name" else attributes
                    if name not in into:
                        into.add(name)
                        changed = True
        return cls(frozenset(names), frozenset(attributes), modules)

    def is_environ(self, node: cst.BaseExpression) -> bool:
        """``node`` may evaluate to the ``os.environ`` mapping: ``*.environ``, ``environ``, an alias name or attribute."""
        if isinstance(node, cst.Name):
            return node.value in MAPPING_NAMES or node.value in self.names
        if isinstance(node, cst.Attribute):
            return node.attr.value in MAPPING_NAMES or node.attr.value in self.attributes
        return False

    def is_os_module(self, node: cst.BaseExpression) -> bool:
        """``node`` is a name that may hold the ``os`` module."""
        return isinstance(node, cst.Name) and node.value in self.modules

    def mentions_bare(self, expression: cst.CSTNode) -> bool:
        """``expression`` holds the mapping other than as the receiver of a read (``os.environ.get``, ``env[k]``)."""
        finder = _Escapes(self)
        expression.visit(finder)
        return finder.found is not None

    def first_escape(self, part: cst.CSTNode) -> tuple[cst.CSTNode, bool] | None:
        """The first node in ``part`` that may write the mapping, and whether it is only a bare use of it (or None).

        A bare use (``f(os.environ)``, ``e = os.environ``, a parameter named ``os``) lets the mapping escape
        without writing it here; a mutation (``env.update(...)``, ``env[k] = v``, ``env |= ...``) writes it.
        """
        finder = _Escapes(self)
        part.visit(finder)
        if finder.found is None:
            return None
        found = finder.found
        reflection = isinstance(found, cst.Call) and isinstance(found.func, cst.Name) and found.func.value in _REFLECTION
        if isinstance(found, (cst.Name, cst.Attribute, cst.SimpleString)) or reflection:
            return part, True
        return finder.found, False

    def first_write(self, statements: Sequence[cst.CSTNode]) -> cst.CSTNode | None:
        """The first node in ``statements`` that may write the mapping (a mutation or an escape), or None."""
        for statement in statements:
            parts = statement.body if isinstance(statement, cst.SimpleStatementLine) else (statement,)
            for part in parts:
                finder = _Escapes(self)
                part.visit(finder)
                if finder.found is not None:
                    # a bare name says little ('env'): quote the whole simple statement that lets it escape
                    simple = isinstance(finder.found, (cst.Name, cst.Attribute, cst.AssignTarget, cst.SimpleString)) and part is not statement
                    return part if simple else finder.found
        return None


def _target_names(target: cst.BaseExpression) -> list[tuple[str, str]]:
    if isinstance(target, cst.Name):
        return [("name", target.value)]
    if isinstance(target, cst.Attribute):
        return [("attribute", target.attr.value)]
    if isinstance(target, (cst.Tuple, cst.List)):
        return [pair for element in target.elements for pair in _target_names(element.value)]
    if isinstance(target, cst.StarredElement):
        return _target_names(target.value)
    return []


class _Assignments(cst.CSTVisitor):
    """Every ``target = value`` pair of a module (a tuple target pairs each element with the whole value)."""

    def __init__(self) -> None:
        self.pairs: list[tuple[cst.BaseExpression, cst.CSTNode]] = []
        self.os_names: set[str] = set()
        """Names any ``import os`` / ``import os as X`` / ``import os.path`` of the module binds."""

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            dotted = cst.Module([]).code_for_node(alias.name)
            if dotted != "os" and not dotted.startswith("os."):
                continue
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                if dotted == "os":
                    self.os_names.add(alias.asname.name.value)
            else:
                self.os_names.add("os")

    def visit_Assign(self, node: cst.Assign) -> None:
        self.pairs.extend((target.target, node.value) for target in node.targets)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self.pairs.append((node.target, node.value))

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self.pairs.append((node.target, node.value))

    def visit_For(self, node: cst.For) -> None:
        self.pairs.append((node.target, node.iter))

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self.pairs.append((node.asname.name, node.item))  # type: ignore[arg-type]

    def visit_Param(self, node: cst.Param) -> None:
        if node.default is not None:
            self.pairs.append((node.name, node.default))


class _Escapes(cst.CSTVisitor):
    """Find the first use of the mapping that is not a plain read (see :class:`EnvironAliases`)."""

    def __init__(self, aliases: EnvironAliases) -> None:
        self.aliases = aliases
        self.found: cst.CSTNode | None = None

    def visit_Import(self, node: cst.Import) -> bool:
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        return False  # `from os import environ` binds the name; its uses are what count

    def _hit(self, node: cst.CSTNode) -> None:
        if self.found is None:
            self.found = node

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        if self.aliases.is_os_module(node.value) and node.attr.value not in MAPPING_NAMES:
            # os.<attribute> uses the module without letting it escape; its namespace dict reaches os.environ
            if node.attr.value == "__dict__":
                self._hit(node)
            return False
        if self.aliases.is_environ(node.value):
            # os.environ.<attr>: a read method is fine (its call is checked in visit_Call); a mutator is a write
            if node.attr.value not in _READERS:
                self._hit(node)
            return False
        if self.aliases.is_environ(node):
            self._hit(node)  # a bare `os.environ` / `self.env` in any other position: it escapes
            return False
        return True

    def visit_Name(self, node: cst.Name) -> None:
        if self.aliases.is_environ(node) or self.aliases.is_os_module(node):
            self._hit(node)  # the mapping, or the os module (getattr(os, ...), vars(os), o = os), escapes

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        try:
            value = node.evaluated_value
        except Exception:  # noqa: BLE001 - an odd literal is not the name we look for
            return
        if value in MAPPING_NAMES or value in (b"environ", b"environb"):
            self._hit(node)  # getattr(x, "environ"), vars(os)["environ"], attrgetter("environ")...

    def visit_Subscript(self, node: cst.Subscript) -> bool:
        if self.aliases.is_environ(node.value):
            for element in node.slice:
                element.visit(self)  # env[k] is a read; a store/del is caught by the statement visitors
            return False
        return True

    def _store(self, target: cst.BaseExpression, node: cst.CSTNode) -> None:
        if isinstance(target, cst.Subscript) and self.aliases.is_environ(target.value):
            self._hit(node)
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._store(element.value, node)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._store(node.target, node)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        if self.aliases.is_environ(node.target):
            self._hit(node)  # env |= {...}
        self._store(node.target, node)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._store(node.target, node)

    def visit_Del(self, node: cst.Del) -> None:
        self._store(node.target, node)

    def visit_Comparison(self, node: cst.Comparison) -> bool:
        # `k in os.environ` reads; visit everything but a bare mapping right of `in`/`not in`
        node.left.visit(self)
        for target in node.comparisons:
            if isinstance(target.operator, (cst.In, cst.NotIn)) and self.aliases.is_environ(target.comparator):
                continue
            target.comparator.visit(self)
        return False

    def visit_Call(self, node: cst.Call) -> bool:
        func = node.func
        if isinstance(func, cst.Name) and func.value in _REFLECTION and len(node.args) >= 2:
            if not isinstance(node.args[1].value, cst.SimpleString):
                self._hit(node)  # getattr(obj, name): the attribute may be 'environ' of the os module
        # dict(os.environ), len(env): a copy or a read, not a write
        return not (
            isinstance(func, cst.Name) and func.value in _READ_CALLS and len(node.args) == 1 and self.aliases.is_environ(node.args[0].value)
        )


def may_write_environ(
    statements: Sequence[cst.BaseStatement],
    module: cst.Module,
    cache: Callable[[], EnvironAliases] | None = None,
) -> cst.CSTNode | None:
    """The first node in ``statements`` that may write ``os.environ`` under any name, or None.

    ``cache`` returns the module's :class:`EnvironAliases` when the caller
    keeps them (the scan walks the whole module).
    """
    aliases = cache() if cache is not None else EnvironAliases.of_module(module)
    return aliases.first_write(statements)
