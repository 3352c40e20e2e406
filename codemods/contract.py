"""Which ``return`` an inserted guard uses, read from the function's own contract.

A skipped legacy starter must look to its callers like a starter that did
nothing, so the exit matches what the function already promises: ``return
False`` for boolean results, ``return None`` for optional ones, a bare
``return`` for procedures and generators (sync or async). A function
annotated ``-> NoReturn`` is left for a person (any exit contradicts it);
one annotated with another result type (``-> int``) gets a bare ``return``
and the outcome says that the skipped call returns None.
"""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from codemods.bindings import Unresolvable

_OPTIONAL_NAMES = frozenset({"Optional", "typing.Optional", "t.Optional"})
_UNION_NAMES = frozenset({"Union", "typing.Union", "t.Union"})
_NORETURN_NAMES = frozenset(
    f"{prefix}{name}" for prefix in ("", "typing.", "t.", "typing_extensions.") for name in ("NoReturn", "Never")
)
_ANY_NAMES = frozenset({"Any", "typing.Any", "t.Any", "object", "builtins.object"})


def exit_statement(function: cst.FunctionDef) -> str:
    """Return the source of the exit statement (``return``, ``return False`` or ``return None``).

    Raises :class:`~codemods.bindings.Unresolvable` when the annotation
    promises never to return (``-> NoReturn``/``-> Never``, a supervisor
    loop): any exit contradicts it. A function annotated with another result
    type (``-> int``) gets a bare ``return``; :func:`contract_note` says so.
    """
    own = _collect(function)
    if own.yields:
        return "return"
    if function.returns is not None:
        kind = annotation_kind(function.returns.annotation)
        if kind == "bool":
            return "return False"
        if kind == "optional":
            return "return None"
        if kind == "none":
            return "return"
        code = " ".join(cst.Module([]).code_for_node(function.returns.annotation).split())
        if kind == "noreturn":
            raise Unresolvable(
                f"the function is annotated '-> {code}' (it never returns), so an exit for the heartbeat mode changes its contract; add the guard by hand"
            )
    values = [ret.value for ret in own.returns]
    if values and all(isinstance(v, cst.Name) and v.value in ("True", "False") for v in values):
        return "return False"
    return "return"


def contract_note(function: cst.FunctionDef) -> str | None:
    """Why the inserted bare ``return`` changes what the skipped call gives its caller, or None when it does not.

    ``-> int``, ``-> list[Thread]``: in heartbeat mode the call returns None,
    which such callers and type checkers do not expect (review RA-6).
    """
    if function.returns is None or _collect(function).yields:
        return None
    if annotation_kind(function.returns.annotation) != "other":
        return None
    code = " ".join(cst.Module([]).code_for_node(function.returns.annotation).split())
    return f"the skipped call returns None although the function is annotated '-> {code}'"


def annotation_kind(node: cst.BaseExpression) -> str:
    """Classify a return annotation as ``bool``, ``optional``, ``none``, ``any`` (None is a value of it),
    ``noreturn`` (``NoReturn``/``Never``) or ``other``."""
    if isinstance(node, cst.SimpleString):
        try:
            inner = cst.parse_expression(node.evaluated_value)  # type: ignore[arg-type]
        except (cst.ParserSyntaxError, TypeError, ValueError):
            return "other"
        return annotation_kind(inner)
    dotted = _dotted(node)
    if dotted in ("bool", "builtins.bool"):
        return "bool"
    if dotted == "None":
        return "none"
    if dotted in _NORETURN_NAMES:
        return "noreturn"
    if dotted in _ANY_NAMES:
        return "any"
    if isinstance(node, cst.Subscript):
        base = _dotted(node.value)
        if base in _OPTIONAL_NAMES:
            return "optional"
        if base in _UNION_NAMES and any(
            isinstance(el.slice, cst.Index) and _dotted(el.slice.value) == "None" for el in node.slice
        ):
            return "optional"
    is_union = isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.BitOr)
    if is_union and any(_dotted(part) == "None" for part in _union_members(node)):
        return "optional"
    return "other"


def _union_members(node: cst.BaseExpression) -> Iterator[cst.BaseExpression]:
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.BitOr):
        yield from _union_members(node.left)
        yield from _union_members(node.right)
    else:
        yield node


def _dotted(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = _dotted(node.value)
        return None if base is None else f"{base}.{node.attr.value}"
    return None


class _OwnBodyCollector(cst.CSTVisitor):
    """Collects ``return`` and ``yield`` nodes of one function, not of functions, lambdas or classes inside it."""

    def __init__(self) -> None:
        self.returns: list[cst.Return] = []
        self.yields = 0

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_Return(self, node: cst.Return) -> None:
        self.returns.append(node)

    def visit_Yield(self, node: cst.Yield) -> None:
        self.yields += 1


def _collect(function: cst.FunctionDef) -> _OwnBodyCollector:
    collector = _OwnBodyCollector()
    function.body.visit(collector)
    return collector


def own_returns(function: cst.FunctionDef) -> list[cst.Return]:
    """Every ``return`` that belongs to ``function`` itself."""
    return _collect(function).returns


def is_generator(function: cst.FunctionDef) -> bool:
    """True when ``function`` itself contains ``yield`` (so only a bare ``return`` is allowed in the async case)."""
    return _collect(function).yields > 0
