"""Which statements lie on the way from a module to some of its functions: the only nodes a rewrite must rebuild.

Rebuilding the module after planning (``tree.visit(command)``) used to enter
every class, every function and every compound statement that *might* hold a
``def``, and libcst re-creates each node it enters. On a typical file nearly
all of them hold no planned function, so the rebuild only needs to enter the
statements that enclose one. Nodes it does not enter are kept as the very same
objects, which generate the same code.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import libcst as cst

GLUE = (cst.IndentedBlock, cst.Else, cst.ExceptHandler, cst.ExceptStarHandler, cst.Finally, cst.MatchCase)
"""Nodes between a compound statement and the statements of its blocks (entered whenever their statement is)."""


def enclosing_ids(module: cst.Module, functions: Collection[int]) -> frozenset[int]:
    """``id`` of every statement that is one of ``functions`` (by ``id``) or encloses one, plus the module's.

    Only statements are walked, in the same way as
    :func:`thor_guard.verifier.skeleton.walk_functions` (a ``def`` is always a
    statement), so the cost is that of a walk over statements, not nodes.
    """
    found: set[int] = {id(module)}
    stack: list[cst.CSTNode] = []

    def walk(statements: Sequence[cst.CSTNode]) -> None:
        for statement in statements:
            stack.append(statement)
            if isinstance(statement, cst.FunctionDef) and id(statement) in functions:
                found.update(id(node) for node in stack)
            if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
                walk(_suite(statement.body))
            else:
                for block in _blocks(statement):
                    walk(block)
            stack.pop()

    walk(module.body)
    return frozenset(found)


def _suite(body: cst.BaseSuite) -> Sequence[cst.CSTNode]:
    return body.body if isinstance(body, cst.IndentedBlock) else ()


def _blocks(statement: cst.CSTNode) -> list[Sequence[cst.CSTNode]]:
    """Statement lists nested directly in a compound statement (an ``elif`` is the ``If`` itself)."""
    blocks: list[Sequence[cst.CSTNode]] = []
    if isinstance(statement, cst.If):
        blocks.append(_suite(statement.body))
        if statement.orelse is not None:
            blocks.append([statement.orelse] if isinstance(statement.orelse, cst.If) else _suite(statement.orelse.body))
    elif isinstance(statement, (cst.Try, cst.TryStar)):
        blocks.append(_suite(statement.body))
        blocks.extend(_suite(handler.body) for handler in statement.handlers)
        if statement.orelse is not None:
            blocks.append(_suite(statement.orelse.body))
        if statement.finalbody is not None:
            blocks.append(_suite(statement.finalbody.body))
    elif isinstance(statement, (cst.For, cst.While)):
        blocks.append(_suite(statement.body))
        if statement.orelse is not None:
            blocks.append(_suite(statement.orelse.body))
    elif isinstance(statement, cst.With):
        blocks.append(_suite(statement.body))
    elif isinstance(statement, cst.Match):
        blocks.extend(_suite(case.body) for case in statement.cases)
    return blocks
