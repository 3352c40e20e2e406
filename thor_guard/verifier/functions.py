"""Enumerate every function of a module with the dotted qualname Python would give it.

Methods are ``Class.method``, nested classes ``Outer.Inner.method``, and a
function defined inside another function ``outer.<locals>.inner`` (exactly
``__qualname__``). Functions inside module-level ``if``/``try``/``with``
blocks are included.
"""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst


def iter_functions(module: cst.Module) -> Iterator[tuple[str, cst.FunctionDef]]:
    """Yield ``(qualname, node)`` for every ``def``/``async def`` in source order."""
    collector = _Collector()
    module.visit(collector)
    yield from collector.found


class _Collector(cst.CSTVisitor):
    def __init__(self) -> None:
        self.stack: list[str] = []
        self.found: list[tuple[str, cst.FunctionDef]] = []

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.stack.append(node.name.value)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.stack.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        qualname = ".".join([*self.stack, node.name.value])
        self.found.append((qualname, node))
        self.stack.extend([node.name.value, "<locals>"])

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        del self.stack[-2:]

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False
