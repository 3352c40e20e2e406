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

from thor_guard.verifier.skeleton import nested_blocks, suite_statements

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
                walk(suite_statements(statement.body))
            else:
                for block in nested_blocks(statement):
                    walk(block)
            stack.pop()

    walk(module.body)
    return frozenset(found)
