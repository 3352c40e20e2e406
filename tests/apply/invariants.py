"""Checks shared by the apply tests: what the verifier still says, and where the bytes changed.

These are the invariants of issue 3 written once: after apply the targeted
functions carry none of the fixable codes, and every changed line lies inside
a targeted function or is an added import, logger or blank line.
"""

from __future__ import annotations

import ast
import difflib
import re
from pathlib import Path

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from thor_guard.config import Config
from thor_guard.verifier import VerifierContext, iter_functions, verify_function

FIXABLE = frozenset({"TG001", "TG002", "TG003", "TG004", "TG007"})
_ADDED_LINE = re.compile(
    r"^\s*(import (os|logging)( as \w+)?|(logger|_logger|thor_guard_logger) = \w+\.getLogger\(__name__\))?\s*$"
)


def targeted(config: Config, module: str, qualname: str) -> bool:
    return any(t.matches(module, qualname) for t in config.entry_points)


def remaining_codes(config: Config, module: str, path: Path, data: bytes) -> dict[str, frozenset[str]]:
    """Verifier codes still reported for each targeted function of ``data``."""
    wrapper = MetadataWrapper(cst.parse_module(data), unsafe_skip_copy=True)
    context = VerifierContext.from_config(config, module=module, path=path)
    codes: dict[str, frozenset[str]] = {}
    for qualname, function in iter_functions(wrapper.module):
        if targeted(config, module, qualname):
            codes[qualname] = verify_function(wrapper, function, qualname, context).codes
    return codes


def function_spans(config: Config, module: str, data: bytes) -> list[tuple[int, int]]:
    """1-based inclusive line spans of the targeted functions' bodies."""
    wrapper = MetadataWrapper(cst.parse_module(data), unsafe_skip_copy=True)
    positions = wrapper.resolve(PositionProvider)
    spans = []
    for qualname, function in iter_functions(wrapper.module):
        if targeted(config, module, qualname):
            spans.append((positions[function].start.line, positions[function].end.line))
    return spans


def changes_outside_targets(config: Config, module: str, before: bytes, after: bytes) -> list[str]:
    """Lines changed outside the targeted functions, other than added imports, logger and blank lines."""
    old_lines = before.splitlines(keepends=True)
    new_lines = after.splitlines(keepends=True)
    old_spans = function_spans(config, module, before)
    new_spans = function_spans(config, module, after)

    def inside(line: int, spans: list[tuple[int, int]]) -> bool:
        return any(start <= line <= end for start, end in spans)

    problems: list[str] = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for i in range(i1, i2):
            if not inside(i + 1, old_spans):
                problems.append(f"removed/changed line {i + 1}: {old_lines[i]!r}")
        for j in range(j1, j2):
            line = new_lines[j]
            if not inside(j + 1, new_spans) and not _ADDED_LINE.match(line.decode("latin-1")):
                problems.append(f"added line {j + 1}: {new_lines[j]!r}")
    return problems


class _StripGuards(ast.NodeTransformer):
    """Remove what apply inserts (canonical guards, added imports and logger) so only the rest is compared."""

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        self.generic_visit(node)
        node.body = [s for s in node.body if not _is_inserted(s)] or [ast.Pass()]
        return node

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_Module(self, node: ast.Module) -> ast.AST:
        self.generic_visit(node)
        node.body = [s for s in node.body if not _is_added_module_line(s)]
        return node


def _is_inserted(statement: ast.stmt) -> bool:
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target = statement.targets[0]
        return isinstance(target, ast.Name) and target.id in ("scheduler_mode", "_scheduler_mode", "thor_scheduler_mode")
    if isinstance(statement, ast.If) and isinstance(statement.test, ast.Compare):
        left = statement.test.left
        if isinstance(left, ast.Name) and left.id in ("scheduler_mode", "_scheduler_mode", "thor_scheduler_mode"):
            return True
        # The inline form (functions that read their own locals) logs apply's own message first.
        return "Skipping legacy " in ast.unparse(statement.body[0])
    return False


def _is_added_module_line(statement: ast.stmt) -> bool:
    source = ast.unparse(statement)
    return bool(re.fullmatch(r"import (os|logging)( as \w+)?|(logger|_logger|thor_guard_logger) = \w+\.getLogger\(__name__\)", source))


def stripped_dump(data: bytes, *, strip: bool) -> str:
    tree = ast.parse(data)
    if strip:
        tree = _StripGuards().visit(tree)
    return ast.dump(tree)


def same_program_apart_from_guards(before: bytes, after: bytes) -> bool:
    """True when ``after`` equals ``before`` once the inserted guards, imports and logger are removed.

    Statements apply never adds (``import os`` that was already there, say)
    are stripped from both sides alike, so the comparison stays exact.
    """
    return stripped_dump(before, strip=True) == stripped_dump(after, strip=True)
