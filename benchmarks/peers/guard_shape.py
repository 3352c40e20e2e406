"""Does a libcst function body start with a THOR_SCHEDULER_MODE heartbeat guard? (for the Fixit peers)

The peers must mean what ``thor-guard check`` means, written the way a Fixit
author would: match the guard's shape with libcst nodes and resolve
``os.environ.get``/``os.getenv`` through ``QualifiedNameProvider`` so that
``import os as _os`` and ``from os import getenv`` are understood. Accepted:
after the docstring (and ``import``/``pass`` lines), either
``mode = <env read>`` followed by ``if mode == "heartbeat": ... return``, or
the read inline in the ``if``; the read must default to ``"heartbeat"`` and be
lower-cased (``.lower()``/``.casefold()``), the comparison may be ``==`` or
``in`` a literal collection holding ``"heartbeat"``, and the branch must end
in ``return`` or ``raise``. This is the common subset of the verifier's
language; helpers and ``not``/``and``/``or`` are out of a rule's reach.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import libcst as cst

ENV_VAR = "THOR_SCHEDULER_MODE"
HEARTBEAT = "heartbeat"
ENV_READERS = frozenset({"os.environ.get", "os.getenv"})
LOWERING = frozenset({"lower", "casefold"})

QualifiedNames = Callable[[cst.CSTNode], Collection[str]]
"""Maps an expression to the qualified names it may refer to (from QualifiedNameProvider)."""


def _string_value(node: cst.BaseExpression | None) -> str | None:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def _is_env_read(node: cst.BaseExpression, names: QualifiedNames) -> bool:
    """``os.environ.get("THOR_SCHEDULER_MODE", "heartbeat")`` (or getenv) lowered: the safe read."""
    lowered = False
    while isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value in LOWERING | {"strip"}:
        lowered = lowered or node.func.attr.value in LOWERING
        node = node.func.value
    if not lowered or not isinstance(node, cst.Call) or len(node.args) != 2:
        return False
    if not ENV_READERS & set(names(node.func)):
        return False
    return _string_value(node.args[0].value) == ENV_VAR and (_string_value(node.args[1].value) or "").lower() == HEARTBEAT


def _is_heartbeat_test(test: cst.BaseExpression, local: str | None, names: QualifiedNames) -> bool:
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return False
    left, target = test.left, test.comparisons[0]
    if isinstance(left, cst.Name) and local is not None and left.value == local:
        subject_ok = True
    else:
        subject_ok = _is_env_read(left, names)
    if not subject_ok:
        return False
    if isinstance(target.operator, cst.Equal):
        return _string_value(target.comparator) == HEARTBEAT
    if isinstance(target.operator, cst.In) and isinstance(target.comparator, (cst.Tuple, cst.List, cst.Set)):
        return any(_string_value(element.value) == HEARTBEAT for element in target.comparator.elements)
    return False


def _exits(block: cst.BaseSuite) -> bool:
    body = block.body
    if isinstance(block, cst.SimpleStatementSuite):
        return bool(body) and isinstance(body[-1], (cst.Return, cst.Raise))
    if not body:
        return False
    last = body[-1]
    return isinstance(last, cst.SimpleStatementLine) and bool(last.body) and isinstance(last.body[-1], (cst.Return, cst.Raise))


def _is_inert(statement: cst.BaseStatement) -> bool:
    """Docstring, imports and ``pass`` may come before the guard."""
    if not isinstance(statement, cst.SimpleStatementLine):
        return False
    for small in statement.body:
        if isinstance(small, (cst.Import, cst.ImportFrom, cst.Pass)):
            continue
        if isinstance(small, cst.Expr) and isinstance(small.value, (cst.SimpleString, cst.ConcatenatedString)):
            continue
        return False
    return True


def starts_with_guard(function: cst.FunctionDef, names: QualifiedNames) -> bool:
    """True when the first effective statements of ``function`` are a heartbeat guard that exits."""
    body = function.body
    if isinstance(body, cst.SimpleStatementSuite):
        return False
    statements = list(body.body)
    index = 0
    while index < len(statements) and _is_inert(statements[index]):
        index += 1
    local: str | None = None
    if index < len(statements):
        first = statements[index]
        if isinstance(first, cst.SimpleStatementLine) and len(first.body) == 1 and isinstance(first.body[0], cst.Assign):
            assign = first.body[0]
            if len(assign.targets) == 1 and isinstance(assign.targets[0].target, cst.Name) and _is_env_read(assign.value, names):
                local = assign.targets[0].target.value
                index += 1
    if index >= len(statements):
        return False
    guard = statements[index]
    return isinstance(guard, cst.If) and _is_heartbeat_test(guard.test, local, names) and _exits(guard.body)
