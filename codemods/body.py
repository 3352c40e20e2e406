"""Small, pure helpers for editing a function body without disturbing the bytes around the edit.

libcst keeps every comment and blank line on the statement it precedes, so
inserting a statement before statement ``i`` leaves the comments above ``i``
where they were; the only structural change needed is turning a one-line body
(``def f(): pass``) into an indented block before anything can be inserted.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

BodyItem = int | cst.BaseStatement
"""An index into the function's current body, or a new statement."""


def is_docstring(statement: cst.BaseStatement) -> bool:
    """True for a statement that is only a string literal (the docstring when it comes first)."""
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def body_statements(function: cst.FunctionDef) -> Sequence[cst.BaseStatement]:
    """The function's statements, treating a one-line body ``def f(): a; b`` as one statement line."""
    body = function.body
    if isinstance(body, cst.IndentedBlock):
        return body.body
    return (cst.SimpleStatementLine(body=body.body),)


def after_docstring(function: cst.FunctionDef) -> int:
    """Index of the first statement after the docstring (0 when there is none)."""
    statements = body_statements(function)
    return 1 if statements and is_docstring(statements[0]) else 0


def is_simple_import(statement: cst.BaseStatement) -> bool:
    """True for a statement line made only of ``import``/``from ... import`` statements."""
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(small, (cst.Import, cst.ImportFrom)) for small in statement.body
    )


def as_indented_block(function: cst.FunctionDef) -> cst.FunctionDef:
    """Turn ``def f(): a; b  # c`` into a block body, keeping the trailing comment on the ``def`` line."""
    body = function.body
    if isinstance(body, cst.IndentedBlock):
        return function
    line = cst.SimpleStatementLine(body=body.body)
    return function.with_changes(body=cst.IndentedBlock(body=(line,), header=body.trailing_whitespace))


def rebuild_body(function: cst.FunctionDef, items: Sequence[BodyItem]) -> cst.FunctionDef:
    """Return ``function`` whose body is ``items`` (indices refer to the current body's statements)."""
    function = as_indented_block(function)
    block = function.body
    assert isinstance(block, cst.IndentedBlock)
    current = block.body
    statements = [current[item] if isinstance(item, int) else item for item in items]
    return function.with_changes(body=block.with_changes(body=statements))
