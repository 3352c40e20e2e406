"""What a name holds at run time, beyond what scope analysis says: conditional, deleted and rebound names.

libcst's scope analysis knows *where* a name is bound, not *whether* the
binding has run when the entry point is called: ``import os`` under ``if
TYPE_CHECKING:`` or ``if __name__ == "__main__":`` binds nothing at run
time, ``del os`` unbinds it, and a function declaring ``global os`` may
rebind it. Inserted code may only use a module-level name whose binding is
an unconditional top-level statement that nothing deletes or rebinds; this
module finds the names that fail that test (cheaply: the whole file is only
walked when its text contains ``del`` or ``global``), and the functions that
read their own frame (``locals()``, ``vars()``...), for which the guard must
bind no local name.
"""

from __future__ import annotations

import re
import libcst as cst

_MAY_REBIND = re.compile(rb"\b(?:del|global)\b")

FRAME_READERS = frozenset({"locals", "vars", "dir", "eval", "exec"})
"""Built-ins that can read the calling frame's local names (``vars``/``dir`` only without arguments)."""
_FRAME_ATTRIBUTES = frozenset({"_getframe", "currentframe", "f_locals", "getouterframes", "stack"})
_LOCALS_KEYWORDS = frozenset({"capture_locals", "show_locals", "include_local_variables", "with_locals"})
"""Keyword arguments with which library calls read the locals of the frames they walk (traceback, rich, sentry)."""


class _Rebinding(cst.CSTVisitor):
    """Names a ``del`` statement removes (anywhere) and names a function declares ``global`` (anywhere)."""

    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_Del(self, node: cst.Del) -> None:
        self._targets(node.target)

    def _targets(self, target: cst.BaseExpression) -> None:
        if isinstance(target, cst.Name):
            self.names.add(target.value)
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._targets(element.value)

    def visit_Global(self, node: cst.Global) -> None:
        self.names.update(item.name.value for item in node.names)


def unstable_module_names(module: cst.Module, source: bytes | None) -> frozenset[str]:
    """Names that some ``del`` removes or some function declares ``global`` (so may rebind) anywhere in ``module``.

    Over-approximates on purpose (a local ``del x`` counts too): a name in
    this set is never reused by inserted code, which then adds its own import.
    """
    if source is not None and not _MAY_REBIND.search(source):
        return frozenset()
    visitor = _Rebinding()
    module.visit(visitor)
    return frozenset(visitor.names)


def top_level_smalls(module: cst.Module) -> set[int]:
    """``id`` of every small statement that stands directly in the module body (runs unconditionally on import)."""
    found: set[int] = set()
    for statement in module.body:
        if isinstance(statement, cst.SimpleStatementLine):
            found.update(id(small) for small in statement.body)
    return found


class _FrameReads(cst.CSTVisitor):
    """Find what can see the function's locals, by any spelling: ``locals()``, ``builtins.locals()``,
    ``getattr(builtins, "locals")()``, an alias ``snapshot = locals``, frame objects."""

    def __init__(self, aliases: frozenset[str] = frozenset()) -> None:
        self.found: str | None = None
        self.aliases = aliases

    def visit_Call(self, node: cst.Call) -> bool:
        func = node.func
        if isinstance(func, cst.Name) and func.value in ("vars", "dir") and node.args:
            # vars(obj) / dir(obj) read obj, not the frame; still look inside the arguments
            for arg in node.args:
                arg.visit(self)
            return False
        return True

    def visit_Arg(self, node: cst.Arg) -> None:
        # `TracebackException.from_exception(exc, capture_locals=True)`, rich's `show_locals=True`: a library call
        # told to read the frames' locals, this function's included (hostile apply review 17)
        if self.found is None and node.keyword is not None and node.keyword.value in _LOCALS_KEYWORDS:
            if not (isinstance(node.value, cst.Name) and node.value.value in ("False", "None")):
                self.found = f"{node.keyword.value}="

    def visit_Name(self, node: cst.Name) -> None:
        if self.found is None and node.value in FRAME_READERS:
            self.found = f"{node.value}()"
        elif self.found is None and node.value in self.aliases:
            self.found = f"{node.value}(), an alias of a frame reader"

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if self.found is None and (node.attr.value in _FRAME_ATTRIBUTES or node.attr.value in FRAME_READERS):
            self.found = f".{node.attr.value}"

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        # getattr(builtins, "locals")(): a string naming a frame reader is treated as one (over-approximation:
        # the only cost is a guard that binds no local name)
        if self.found is None:
            try:
                value = node.evaluated_value
            except Exception:  # noqa: BLE001 - an odd literal is simply not a name
                return
            if isinstance(value, str) and value in FRAME_READERS | _FRAME_ATTRIBUTES:
                self.found = f"'{value}'"


class _AliasPairs(cst.CSTVisitor):
    """``target name -> value`` of every assignment in a module, and names imported from anywhere under another name."""

    def __init__(self) -> None:
        self.pairs: list[tuple[str, cst.CSTNode]] = []

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            if isinstance(target.target, cst.Name):
                self.pairs.append((target.target.value, node.value))

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if isinstance(node.target, cst.Name) and node.value is not None:
            self.pairs.append((node.target.value, node.value))

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        if isinstance(node.target, cst.Name):
            self.pairs.append((node.target.value, node.value))

    def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
        if node.asname is not None and isinstance(node.asname.name, cst.Name) and isinstance(node.name, cst.Name):
            self.pairs.append((node.asname.name.value, node.name))  # from builtins import locals as snapshot


_READER_WORDS = rb"(?:locals|vars|dir|eval|exec|_getframe|currentframe|getouterframes|stack|f_locals)"
_MAY_ALIAS = re.compile(
    rb"(?:=|:=|\breturn|\blambda[^:\n]*:)\s*(?:\w+\s*\.\s*)*" + _READER_WORDS + rb"[ \t]*(?:$|[\r\n;#,)\]}])"
    rb"|\bimport\b[^\n]*\b" + _READER_WORDS + rb"\s+as\b"
    rb"|[\"']" + _READER_WORDS + rb"[\"']",
    re.MULTILINE,
)


def may_alias_frame_reader(source: bytes) -> bool:
    """False when ``source`` certainly binds no other name to a frame reader (no ``x = locals``, no
    ``import currentframe as here``, no ``"locals"`` string); a cheap test before :func:`frame_reader_aliases`."""
    return _MAY_ALIAS.search(source) is not None


def frame_reader_aliases(module: cst.Module) -> frozenset[str]:
    """Names bound anywhere in ``module`` to something that can read a frame (``_snapshot = locals``,
    ``from inspect import currentframe as here``, chains of these); over-approximates on purpose."""
    collector = _AliasPairs()
    module.visit(collector)
    aliases: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, value in collector.pairs:
            if name in aliases:
                continue
            visitor = _FrameReads(frozenset(aliases))
            value.visit(visitor)
            if visitor.found is not None:
                aliases.add(name)
                changed = True
    return frozenset(aliases)


def frame_reader(function: cst.FunctionDef, aliases: frozenset[str] = frozenset()) -> str | None:
    """The first construct in ``function`` that can see its local names (``locals()``, ``vars()``, ``exec()``, frames), or None.

    A guard that binds a local (``scheduler_mode = ...``) would show up in
    such a read even in legacy mode, so these functions get a guard that
    binds nothing. ``aliases`` are the module's other names for frame readers
    (:func:`frame_reader_aliases`).
    """
    visitor = _FrameReads(aliases)
    function.body.visit(visitor)
    for decorator in function.decorators:
        decorator.visit(visitor)
    return visitor.found
