"""Keep metadata cheap: analyse a skeleton of the module instead of the whole file.

libcst's scope and qualified-name analysis costs several times the parse,
and on a large file almost all of it is spent on functions check and apply will never
touch. The verifier only needs the targeted functions, the module-level
bindings and same-module guard helpers, so the analysis runs on a skeleton:
the same top-level statements, with the body of every function and class
that holds no target replaced by ``...`` — except one-statement functions
and methods, which may be guard helpers (``return <expr>``, also
``self.helper()`` in the same class) and cost nothing. Every name stays
bound where it was, so scope analysis of the targets is unchanged. The
targeted ``FunctionDef`` nodes are the very objects of the full tree, so a
plan made on the skeleton applies to the full tree by node identity.

Line numbers are taken from Python's own parser (a skeleton's positions are
not the file's), in the same pre-order as :func:`walk_functions`.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Sequence

import libcst as cst

STUB_LINE = cst.SimpleStatementLine(body=(cst.Expr(cst.Ellipsis()),))
"""The stub statement (compared by identity: the verifier recovers a stubbed body from the source when it needs it)."""
_STUB_LINE = STUB_LINE


def walk_functions(module: cst.Module) -> list[tuple[str, cst.FunctionDef]]:
    """Every ``def`` in source pre-order with its ``__qualname__`` (as :func:`thor_guard.verifier.iter_functions`).

    Only statements are walked (a ``def`` is always a statement), which is
    much cheaper than a visitor over every expression node.
    """
    found: list[tuple[str, cst.FunctionDef]] = []

    def walk(statements: Sequence[cst.CSTNode], prefix: tuple[str, ...]) -> None:
        for statement in statements:
            if isinstance(statement, cst.FunctionDef):
                qualname = ".".join((*prefix, statement.name.value))
                found.append((qualname, statement))
                walk(suite_statements(statement.body), (*prefix, statement.name.value, "<locals>"))
            elif isinstance(statement, cst.ClassDef):
                walk(suite_statements(statement.body), (*prefix, statement.name.value))
            else:
                for block in nested_blocks(statement):
                    walk(block, prefix)

    walk(module.body, ())
    return found


def suite_statements(body: cst.BaseSuite) -> Sequence[cst.CSTNode]:
    """The statements of an indented block; none for a one-line suite (``if x: y`` holds no ``def``)."""
    return body.body if isinstance(body, cst.IndentedBlock) else ()


def nested_blocks(statement: cst.CSTNode) -> list[Sequence[cst.CSTNode]]:
    """Statement lists nested directly in a compound statement, in source order."""
    blocks: list[Sequence[cst.CSTNode]] = []
    if isinstance(statement, cst.If):
        blocks.append(suite_statements(statement.body))
        if statement.orelse is not None:
            blocks.extend([[statement.orelse]] if isinstance(statement.orelse, cst.If) else [suite_statements(statement.orelse.body)])
    elif isinstance(statement, (cst.Try, cst.TryStar)):
        blocks.append(suite_statements(statement.body))
        blocks.extend(suite_statements(handler.body) for handler in statement.handlers)
        if statement.orelse is not None:
            blocks.append(suite_statements(statement.orelse.body))
        if statement.finalbody is not None:
            blocks.append(suite_statements(statement.finalbody.body))
    elif isinstance(statement, (cst.For, cst.While)):
        blocks.append(suite_statements(statement.body))
        if statement.orelse is not None:
            blocks.append(suite_statements(statement.orelse.body))
    elif isinstance(statement, cst.With):
        blocks.append(suite_statements(statement.body))
    elif isinstance(statement, cst.Match):
        blocks.extend(suite_statements(case.body) for case in statement.cases)
    return blocks


def skeleton(module: cst.Module, keep: set[int]) -> cst.Module:
    """The module with every function/class body that holds no kept function (by ``id``) stubbed out.

    The full module is remembered (:func:`origin_of`) so that the verifier can
    take its census of bindings from it and recover stubbed bodies it needs,
    even when the caller passes no source.
    """
    body, _ = _strip(module.body, keep)
    outline = module.with_changes(body=body)
    if len(_ORIGINS) >= 64:
        _ORIGINS.pop(next(iter(_ORIGINS)))
    _ORIGINS[id(outline)] = (outline, module)
    return outline


_ORIGINS: dict[int, tuple[cst.Module, cst.Module]] = {}


def origin_of(outline: cst.Module) -> cst.Module | None:
    """The full module a skeleton was made from (None for a module that is not a recent skeleton)."""
    found = _ORIGINS.get(id(outline))
    return found[1] if found is not None and found[0] is outline else None


def _strip(statements: Sequence[cst.CSTNode], keep: set[int]) -> tuple[list[cst.CSTNode], bool]:
    out: list[cst.CSTNode] = []
    holds_any = False
    for statement in statements:
        new, holds = _strip_one(statement, keep)
        out.append(new)
        holds_any = holds_any or holds
    return out, holds_any


def _strip_one(statement: cst.CSTNode, keep: set[int]) -> tuple[cst.CSTNode, bool]:
    if isinstance(statement, cst.FunctionDef):
        if id(statement) in keep:
            return statement, True
        return _with_body(statement, keep, stub_unless_small=True)
    if isinstance(statement, cst.ClassDef):
        return _with_body(statement, keep, stub_unless_small=False)
    if isinstance(statement, (cst.SimpleStatementLine, cst.SimpleStatementSuite)) or not nested_blocks(statement):
        return statement, False
    return _rebuild_compound(statement, keep)


def _with_body(node: cst.FunctionDef | cst.ClassDef, keep: set[int], *, stub_unless_small: bool) -> tuple[cst.CSTNode, bool]:
    body = node.body
    if not isinstance(body, cst.IndentedBlock):
        return node, False
    new_body, holds = _strip(body.body, keep)
    if holds:
        return node.with_changes(body=body.with_changes(body=new_body)), True
    statements = [s for s in body.body if not _is_docstring(s)]
    if stub_unless_small and len(statements) <= 1:
        return node, False
    return node.with_changes(body=body.with_changes(body=(_STUB_LINE,))), False


def _is_docstring(statement: cst.CSTNode) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def _rebuild_compound(statement: cst.CSTNode, keep: set[int]) -> tuple[cst.CSTNode, bool]:
    """Strip inside the blocks of ``if``/``try``/``for``/``while``/``with``/``match`` at module or class level."""
    holds_any = False

    def suite(body: cst.BaseSuite) -> cst.BaseSuite:
        nonlocal holds_any
        if not isinstance(body, cst.IndentedBlock):
            return body
        new, holds = _strip(body.body, keep)
        holds_any = holds_any or holds
        return body.with_changes(body=new)

    def with_suite(node: cst.CSTNode) -> cst.CSTNode:
        return node.with_changes(body=suite(node.body))  # type: ignore[attr-defined]

    changes: dict[str, object] = {"body": suite(statement.body)} if hasattr(statement, "body") and not isinstance(statement, cst.Match) else {}
    orelse = getattr(statement, "orelse", None)
    if isinstance(orelse, cst.If):
        new_orelse, holds = _rebuild_compound(orelse, keep)
        holds_any = holds_any or holds
        changes["orelse"] = new_orelse
    elif orelse is not None:
        changes["orelse"] = with_suite(orelse)
    if isinstance(statement, (cst.Try, cst.TryStar)):
        changes["handlers"] = [with_suite(handler) for handler in statement.handlers]
        if statement.finalbody is not None:
            changes["finalbody"] = with_suite(statement.finalbody)
    if isinstance(statement, cst.Match):
        changes["cases"] = [with_suite(case) for case in statement.cases]
    return statement.with_changes(**changes), holds_any


def def_positions(source: bytes | str) -> list[tuple[int, int]]:
    """``(line, column)`` (1-based) of each ``def``'s name, in the pre-order of :func:`walk_functions`."""
    from thor_guard.verifier.bindings import python_ast

    tree = python_ast(source)  # the census and the verifier's scans read the same tree
    if tree is None:  # libcst accepted it; positions are only for messages
        return []
    lines = (source.decode("utf-8", "replace") if isinstance(source, bytes) else source).splitlines()
    positions: list[tuple[int, int]] = []

    def name_column(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
        text = lines[node.lineno - 1] if node.lineno - 1 < len(lines) else ""
        start = len(text.encode("utf-8")[: node.col_offset].decode("utf-8", "replace"))  # col_offset counts UTF-8 bytes
        # ast gives the NFKC-normalised name (`def ｓtart` is `start`): the name is the word after `def`, as spelt
        keyword = re.compile(r"(?:async\s+)?def\s+").match(text, start)
        if keyword is not None:
            return keyword.end() + 1
        at = text.find(node.name, start)
        return (at if at >= 0 else start) + 1

    def walk(statements: Sequence[ast.stmt], visit: Callable[[ast.stmt], None]) -> None:
        for statement in statements:
            visit(statement)

    def visit(statement: ast.stmt) -> None:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            positions.append((statement.lineno, name_column(statement)))
            walk(statement.body, visit)
        elif isinstance(statement, ast.ClassDef):
            walk(statement.body, visit)
        elif isinstance(statement, ast.Try) or type(statement).__name__ == "TryStar":
            walk(statement.body, visit)  # type: ignore[attr-defined]
            for handler in statement.handlers:  # type: ignore[attr-defined]
                walk(handler.body, visit)
            walk(statement.orelse, visit)  # type: ignore[attr-defined]
            walk(statement.finalbody, visit)  # type: ignore[attr-defined]
        elif isinstance(statement, ast.Match):
            for case in statement.cases:
                walk(case.body, visit)
        else:
            walk(getattr(statement, "body", []), visit)
            walk(getattr(statement, "orelse", []), visit)

    walk(tree.body, visit)
    return positions


def helper_outline(module: cst.Module) -> cst.Module:
    """A guard-helper module reduced to what helper resolution reads (module statements, small functions).

    Given to the verifier's :class:`~thor_guard.verifier.HelperResolver` by
    apply: helper modules are often large, and only their module-level
    bindings and ``return <expr>`` functions matter.
    """
    return skeleton(module, set())
