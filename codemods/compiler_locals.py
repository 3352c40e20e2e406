"""Which names a function binds, as Python's compiler sees them: the bindings libcst's scope analysis misses.

libcst's ``ScopeProvider`` does not record every binding form as an
assignment of the function: names captured by ``match`` patterns
(``case (os, *rest)``, ``case {**log}``, ``case C(x=os) as y``), ``del os``
and a walrus inside a comprehension (``[os := x for x in xs]``, which binds
in the function, PEP 572) leave the function's scope looking as if ``os``
were the module's. A name bound *anywhere* in a function is a local for the
whole body, so a guard inserted at the top that reads it raises
``UnboundLocalError`` in legacy mode too (review RA-1).

Rather than chase each form, the compiler is asked: :mod:`symtable` on the
function's own source lists every name it binds, and each one the libcst
scope does not know as a non-import binding is recorded in that scope (at
the function node, i.e. "bound somewhere in the body"), so every later name
check (reuse of ``os``/``logger``, moving a guard, removable feeders) treats
it as the local it is. Enclosing functions get the same treatment, since a
nested target reads their locals as free variables.
"""

from __future__ import annotations

import symtable
import sys
import unicodedata

import libcst as cst
from libcst.metadata import FunctionScope, GlobalScope, ImportAssignment, Scope

from codemods.bindings import Unresolvable

_ENCLOSING = "_thor_guard_enclosing"


class _Nonlocals(cst.CSTVisitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        self.names.update(item.name.value for item in node.names)


class _LowerTypeParameters(cst.CSTTransformer):
    """PEP 695 syntax (``def f[T]()``, ``type X = ...``) that an older Python cannot compile, with the same bindings."""

    def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.FunctionDef:
        return updated.with_changes(type_parameters=None) if updated.type_parameters is not None else updated

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        return updated.with_changes(type_parameters=None) if updated.type_parameters is not None else updated

    def leave_TypeAlias(self, original: cst.TypeAlias, updated: cst.TypeAlias) -> cst.Assign:
        return cst.Assign(targets=[cst.AssignTarget(target=updated.name)], value=cst.Name("None"))


def _lowered(function: cst.FunctionDef) -> cst.FunctionDef:
    """``function`` without PEP 695 syntax when it has any (type parameters live in their own scope, not the function's)."""
    if sys.version_info >= (3, 12):
        return function
    lowered = function.visit(_LowerTypeParameters())
    assert isinstance(lowered, cst.FunctionDef)
    return lowered


def _function_table(table: symtable.SymbolTable, name: str) -> symtable.SymbolTable | None:
    """The function table named ``name`` among ``table``'s children.

    On Python 3.12+ a generic function (``def start[T](...)``) sits inside a
    scope of its own for the type parameters, named like the function (review
    AR2-13): that scope is looked through.
    """
    for child in table.get_children():
        if child.get_name() != name:
            continue
        if child.get_type() == "function":
            return child
        inner = next((c for c in child.get_children() if c.get_name() == name and c.get_type() == "function"), None)
        if inner is not None:
            return inner
    return None


def compiler_bindings(function: cst.FunctionDef, module: cst.Module) -> dict[str, bool]:
    """Every name Python binds in ``function``'s own scope -> True when some binding is not an import.

    ``module`` supplies the newline and indentation used to render the
    function (any module with the same defaults will do). Parameters,
    assignments of every form (match captures, ``del``, comprehension
    walruses, loop and ``with``/``except`` targets, nested ``def``/``class``)
    count as non-import bindings; ``global`` and ``nonlocal`` names are not
    this scope's. Names are NFKC-normalised, as Python compares them.

    Raises :class:`~codemods.bindings.Unresolvable` when the running Python
    cannot compile the function (then which names it binds is unknown).
    """
    code = module.code_for_node(_lowered(function))
    nonlocals = _Nonlocals()
    function.visit(nonlocals)
    if nonlocals.names:
        # a nonlocal name must be bound in an enclosing function: give the isolated function one.
        # Every line gets the same prefix, so tab/space consistency is kept.
        body = "".join("\t" + line for line in code.splitlines(keepends=True))
        code = f"def {_ENCLOSING}():\n\t{' = '.join(sorted(nonlocals.names))} = None\n{body}\n"
    try:
        table = symtable.symtable(code, "<function>", "exec")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        detail = exc.msg if isinstance(exc, SyntaxError) else type(exc).__name__
        raise Unresolvable(
            f"this Python cannot compile the function ({detail}), so which names it binds is unknown; add the guard by hand"
        ) from None
    if nonlocals.names:
        table = next(child for child in table.get_children() if child.get_name() == _ENCLOSING)
    name = unicodedata.normalize("NFKC", function.name.value)  # the compiler's names are NFKC-normalised (`ｓtart` is `start`)
    own = _function_table(table, name)
    if own is None:  # pragma: no cover - the rendered code holds exactly this def
        raise Unresolvable("the compiler's view of the function could not be matched to it; add the guard by hand")
    bound: dict[str, bool] = {}
    for symbol in own.get_symbols():
        if symbol.is_declared_global() or symbol.is_nonlocal():
            continue  # bound in another scope: the module's (codemods.runtime) or the enclosing function's
        assigned = symbol.is_assigned() or symbol.is_parameter()
        if assigned or symbol.is_imported():
            bound[symbol.get_name()] = assigned
    return bound


def complete_scope(scope: Scope, module: cst.Module, done: set[int] | None = None) -> None:
    """Record in ``scope`` (a function's) and its enclosing function scopes the bindings libcst missed.

    A name the compiler binds by a non-import statement but which libcst
    knows only as an import, or not at all, gets an assignment at the
    function node; so does an import libcst did not see. ``done`` holds the
    ``id`` of scopes already completed (each is completed once).

    Raises :class:`~codemods.bindings.Unresolvable` (see :func:`compiler_bindings`).
    """
    current: Scope | None = scope
    while current is not None and not isinstance(current, GlobalScope):
        node = current.node
        if done is not None:
            if id(current) in done:
                break
            done.add(id(current))
        # class scopes are skipped (a method does not see its class's names) but not what encloses the class
        if isinstance(current, FunctionScope) and isinstance(node, cst.FunctionDef):
            for name, assigned in compiler_bindings(node, module).items():
                known = [a for a in current.assignments[name] if a.scope is current]
                if not known or (assigned and all(isinstance(a, ImportAssignment) for a in known)):
                    current.record_assignment(name, node)
        current = current.parent
