"""Small, pure helpers for editing a function body without disturbing the bytes around the edit.

libcst keeps every comment and blank line on the statement it precedes, so
inserting a statement before statement ``i`` leaves the comments above ``i``
where they were; the only structural change needed is turning a one-line body
(``def f(): pass``) into an indented block before anything can be inserted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import libcst as cst

BodyItem = int | cst.BaseStatement
"""An index into the function's current body, or a new statement."""


def is_string_literal(expression: cst.BaseExpression) -> bool:
    """True for what Python takes as a docstring: a ``str`` literal, or literals implicitly concatenated.

    Bytes literals and f-strings (also inside a concatenation: ``"a" f"{go()}"``)
    are not docstrings; an f-string part even runs code.
    """
    if isinstance(expression, cst.SimpleString):
        return "b" not in expression.prefix.lower()
    if isinstance(expression, cst.ConcatenatedString):
        return is_string_literal(expression.left) and is_string_literal(expression.right)
    return False


def starts_with_docstring(statement: cst.BaseStatement) -> bool:
    """True for a statement line whose first statement is a string literal (``\"\"\"Doc.\"\"\"`` or ``\"\"\"Doc.\"\"\"; go()``)."""
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and isinstance(statement.body[0], cst.Expr)
        and is_string_literal(statement.body[0].value)
    )


def is_docstring(statement: cst.BaseStatement) -> bool:
    """True for a statement that is only a string literal (the docstring when it comes first)."""
    return starts_with_docstring(statement) and len(statement.body) == 1  # type: ignore[attr-defined]


def split_docstring_line(statement: cst.BaseStatement) -> tuple[cst.BaseStatement, ...]:
    """``\"\"\"Doc.\"\"\"; go()`` as two lines (docstring, rest) so code can go between them; other statements as they are."""
    if not starts_with_docstring(statement) or len(statement.body) == 1:  # type: ignore[attr-defined]
        return (statement,)
    assert isinstance(statement, cst.SimpleStatementLine)
    doc = statement.body[0].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
    head = cst.SimpleStatementLine(body=(doc,), leading_lines=statement.leading_lines)
    rest = cst.SimpleStatementLine(body=statement.body[1:], trailing_whitespace=statement.trailing_whitespace)
    return head, rest


def body_statements(function: cst.FunctionDef) -> Sequence[cst.BaseStatement]:
    """The function's statements, treating a one-line body ``def f(): a; b`` as one statement line.

    A first line that holds a docstring and more (``\"\"\"Doc.\"\"\"; go()``)
    counts as two statements, so that the docstring stays first.
    """
    body = function.body
    statements: Sequence[cst.BaseStatement]
    if isinstance(body, cst.IndentedBlock):
        statements = body.body
    else:
        statements = (cst.SimpleStatementLine(body=body.body),)
    if statements:
        return (*split_docstring_line(statements[0]), *statements[1:])
    return statements


def docstring_split(function: cst.FunctionDef) -> bool:
    """True when :func:`body_statements` splits the first line (indices then shift by one after it)."""
    body = function.body
    first = body.body[0] if isinstance(body, cst.IndentedBlock) else cst.SimpleStatementLine(body=body.body)
    return len(split_docstring_line(first)) == 2


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
    """Turn ``def f(): a; b  # c`` into a block body, keeping the trailing comment on the ``def`` line (a line-scoped
    suppression such as ``# noqa`` is copied onto the body line too; a statement type comment moves there)."""
    body = function.body
    if isinstance(body, cst.IndentedBlock):
        return function
    smalls = list(body.body)
    last = smalls[-1]
    if isinstance(last.semicolon, cst.Semicolon):  # 'print(1);  # c': the spaces belong before the comment now
        smalls[-1] = last.with_changes(semicolon=last.semicolon.with_changes(whitespace_after=cst.SimpleWhitespace("")))
    trailing = body.trailing_whitespace
    if trailing.comment is not None and not trailing.whitespace.value:
        # 'def f(): go()  # c' keeps its comment on the def line, two spaces before it (pycodestyle E261)
        spaces = last.semicolon.whitespace_after.value if isinstance(last.semicolon, cst.Semicolon) else ""
        trailing = trailing.with_changes(whitespace=cst.SimpleWhitespace(spaces or "  "))
    line = cst.SimpleStatementLine(body=smalls)
    if trailing.comment is not None and _STATEMENT_TYPE_COMMENT.match(trailing.comment.value):
        # 'def f(): x = []  # type: List[int]' annotates the statement: on the def line it would become the
        # function's signature comment, so it goes with the statement (a '# type: ignore' stays on the def line)
        line = line.with_changes(trailing_whitespace=trailing.with_changes(whitespace=cst.SimpleWhitespace("  ")))
        trailing = cst.TrailingWhitespace(newline=trailing.newline)
    elif trailing.comment is not None and _SUPPRESSION_COMMENT.search(trailing.comment.value):
        # 'def f(): l = 1  # noqa: E741' / '# type: ignore[...]' suppresses what the line reports, the body's
        # statements included: the comment stays on the def line and goes with the statements too, or lint and
        # type checks that passed would fail (hostile apply review 17)
        line = line.with_changes(trailing_whitespace=trailing.with_changes(whitespace=cst.SimpleWhitespace("  ")))
    return function.with_changes(body=cst.IndentedBlock(body=(line,), header=trailing))


_STATEMENT_TYPE_COMMENT = re.compile(r"#\s*type:(?!\s*ignore\b)")
_SUPPRESSION_COMMENT = re.compile(r"#\s*(?:noqa\b|type:\s*ignore\b|pyright:\s*ignore\b|pylint:\s*disable\b|nosec\b|pragma:)", re.IGNORECASE)
"""Line-scoped suppressions of linters and type checkers (flake8/ruff, mypy, pyright, pylint, bandit, coverage)."""


def rebuild_body(function: cst.FunctionDef, items: Sequence[BodyItem]) -> cst.FunctionDef:
    """Return ``function`` whose body is ``items`` (indices refer to the current body's statements)."""
    function = as_indented_block(function)
    block = function.body
    assert isinstance(block, cst.IndentedBlock)
    current = body_statements(function)
    statements = [current[item] if isinstance(item, int) else item for item in items]
    statements = _keep_signature_type_comment_first(current, statements)
    return function.with_changes(body=block.with_changes(body=statements))


_SIGNATURE_TYPE_COMMENT = re.compile(r"#\s*type:\s*\(.*\)\s*->")


def _keep_signature_type_comment_first(
    current: Sequence[cst.BaseStatement], statements: list[cst.BaseStatement]
) -> list[cst.BaseStatement]:
    """A PEP 484 signature comment (``# type: (int) -> None``) must stay the body's first line.

    It is the first leading line of the body's first statement; when another
    statement (the guard) now comes first, the comment moves onto it, or type
    checkers lose the signature and ``ast.parse(type_comments=True)`` rejects the file.
    """
    if not current or not statements or statements[0] is current[0]:
        return statements
    original = current[0]
    lines = original.leading_lines
    if not lines or lines[0].comment is None or not _SIGNATURE_TYPE_COMMENT.match(lines[0].comment.value):
        return statements
    moved = [s.with_changes(leading_lines=lines[1:]) if s is original else s for s in statements]
    moved[0] = moved[0].with_changes(leading_lines=(lines[0], *moved[0].leading_lines))
    return moved


def body_indents(module: cst.Module, wanted: set[int]) -> dict[int, str]:
    """The indentation of the body lines of each function in ``wanted`` (by ``id``), for line-length decisions."""
    default = module.default_indent
    found: dict[int, str] = {}

    def block_indent(body: cst.BaseSuite, outer: str) -> str:
        if isinstance(body, cst.IndentedBlock):
            return outer + (body.indent if body.indent is not None else default)
        return outer + default

    def walk(statements: Sequence[cst.CSTNode], indent: str) -> None:
        for statement in statements:
            if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
                inner = block_indent(statement.body, indent)
                if id(statement) in wanted:
                    found[id(statement)] = inner
                if isinstance(statement.body, cst.IndentedBlock):
                    walk(statement.body.body, inner)
            elif isinstance(statement, cst.BaseCompoundStatement):
                for child in statement.children:
                    suite = getattr(child, "body", None) if not isinstance(child, cst.BaseSuite) else child
                    if isinstance(child, cst.IndentedBlock):
                        walk(child.body, block_indent(child, indent))
                    elif isinstance(suite, cst.IndentedBlock):
                        walk(suite.body, block_indent(suite, indent))

    walk(module.body, "")
    return found
