"""Add ``import os`` / ``import logging`` where isort (and ruff's ``I`` rules) would put them.

A file that passed ``ruff check --select I`` must still pass after ``apply``,
so a new standard-library import joins the module's leading import block in
the standard-library section, in isort's default order: straight ``import x``
lines before ``from x import y`` lines, each sorted by module name without
regard to case. When the block has no standard-library section, one is
opened after the ``__future__`` imports, separated by blank lines as isort
separates sections. Done on the statement list rather than through
``AddImportsVisitor`` so the file is walked once.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import libcst as cst

from codemods.body import is_simple_import, starts_with_docstring

STANDARD_LIBRARY = frozenset(sys.stdlib_module_names)
"""Top-level names of the running interpreter's standard-library modules."""


def _module_of(statement: cst.BaseStatement) -> tuple[str, str]:
    """``(section, sort key)`` of an import line: section is ``future``, ``stdlib`` or ``other``."""
    assert isinstance(statement, cst.SimpleStatementLine)
    small = statement.body[0]
    if isinstance(small, cst.ImportFrom):
        if small.relative or small.module is None:
            return "other", ""
        name = cst.Module(body=[]).code_for_node(small.module)
        if name == "__future__":
            return "future", name
        kind = "1"
    else:
        assert isinstance(small, cst.Import)
        name = cst.Module(body=[]).code_for_node(small.names[0].name)
        kind = "0"
    section = "stdlib" if name.split(".")[0] in STANDARD_LIBRARY else "other"
    return section, f"{kind}:{name.lower()}"


def _blank() -> tuple[cst.EmptyLine, ...]:
    return (cst.EmptyLine(),)


def _insert_one(body: list[cst.BaseStatement], start: int, end: int, line: cst.SimpleStatementLine, key: str) -> int:
    """Insert ``line`` into the import block ``body[start:end]``; return the block's new end."""
    kinds = [_module_of(body[i]) for i in range(start, end)]
    stdlib = [start + k for k, (section, _) in enumerate(kinds) if section == "stdlib"]
    if stdlib:
        first, last = stdlib[0], stdlib[-1]
        position = next((i for i in stdlib if _module_of(body[i])[1] > key), last + 1)
        if position == first:  # the new line opens the section: it takes the separator above it
            body[first:first] = [line.with_changes(leading_lines=body[first].leading_lines)]
            body[first + 1] = body[first + 1].with_changes(leading_lines=())
        else:
            body[position:position] = [line]
        return end + 1
    future_end = start
    while future_end < end and _module_of(body[future_end])[0] == "future":
        future_end += 1
    new = line.with_changes(leading_lines=_blank()) if future_end > start else line
    if future_end < end:
        following = body[future_end]
        if future_end == start:
            new = new.with_changes(leading_lines=following.leading_lines)
        body[future_end] = following.with_changes(leading_lines=_blank())
    body[future_end:future_end] = [new]
    return end + 1


def with_imports(body: Sequence[cst.BaseStatement], lines: Sequence[str], config: cst.PartialParserConfig) -> list[cst.BaseStatement]:
    """``body`` with each ``import ...`` line of ``lines`` added to the leading import block, isort-style.

    The leading block starts after a module docstring and runs while
    statements are imports; when the module has none, the imports go first
    (after the docstring) and the code after them gets one blank line, as
    ``AddImportsVisitor`` does. A first line that holds the docstring and
    more (``\"\"\"Doc.\"\"\"; from __future__ import annotations``) is kept
    byte for byte and the block starts after it: split in two, the line would
    change bytes that are not the guard's, and a ``__future__`` import must
    stay ahead of every new import anyway.
    """
    result = list(body)
    start = 1 if result and starts_with_docstring(result[0]) else 0
    end = start
    while end < len(result) and is_simple_import(result[end]):
        end += 1
    had_block = end > start
    for text in sorted(lines, key=lambda t: t.lower()):
        statement = cst.parse_statement(f"{text}{config.default_newline}", config=config)
        assert isinstance(statement, cst.SimpleStatementLine)
        if had_block:
            end = _insert_one(result, start, end, statement, "0:" + text.split()[1].lower())
        else:
            result.insert(end, statement)
            end += 1
    if not had_block and end < len(result) and not result[end].leading_lines:
        result[end] = result[end].with_changes(leading_lines=_blank())
    return result
