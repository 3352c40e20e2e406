"""Visit one scope's own code: the statements of a function body that run when the function runs.

A nested ``def``, ``class`` or ``lambda`` is another scope (Python's execution
model, "Resolution of names"): its body does not run when the enclosing body
runs, and names it binds are its own. Visitors that collect what a function
itself does (its returns, yields, stores, ``global`` declarations, heartbeat
exits) derive from :class:`OwnScopeVisitor` and are handed the function's
*body* (``function.body.visit(...)``), not the ``FunctionDef``: defaults and
decorators are evaluated in the enclosing scope.
"""

from __future__ import annotations

import libcst as cst


class OwnScopeVisitor(cst.CSTVisitor):
    """A libcst visitor that does not enter nested ``def``, ``class`` or ``lambda`` nodes.

    Subclasses add ``visit_*`` methods for what they collect; one that must
    also record the *name* a nested ``def`` or ``class`` binds overrides
    ``visit_FunctionDef``/``visit_ClassDef`` and still returns ``False``.
    """

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False
