"""What a free variable of a nested function may hold: every binding of it in the enclosing function (R10-11).

``pkg.jobs:make_worker.<locals>.start`` is an entry point whose free variables are cells of ``make_worker``. Such a
variable is not a parameter, other instance state or another environment variable, so assumption 4 ("a value of
unknown type with built-in dunders") does not cover it: it holds whatever the enclosing function bound to it. The
census of :mod:`thor_guard.verifier.instance_state` (the one used for a method's locals) judges those bindings: a
project object (``market = Market()``), a factory's result, a call the verifier cannot see into make the variable a
possible project object, whose dunders formatting, truth tests and comparisons run. A variable some nested function
rebinds through ``nonlocal`` may hold anything.
"""

from __future__ import annotations

import ast
import textwrap
from typing import TYPE_CHECKING

import libcst as cst
from libcst.metadata import FunctionScope

from thor_guard.verifier.values import OPAQUE, Instance

if TYPE_CHECKING:
    from thor_guard.verifier.evaluate import Evaluator


def enclosing_value(evaluator: Evaluator, node: cst.Name) -> object:
    """The value of the free variable ``node`` (bound in an enclosing function): an :class:`Instance` with the
    dunders of every project object a binding may store, or :data:`OPAQUE` when every binding is a plain value."""
    from thor_guard.verifier.instance_state import UNKNOWN, _Context

    scope = evaluator.facts.scope(node)
    try:
        assignments = list(scope[node.value]) if scope is not None else []
    except Exception:  # noqa: BLE001 - libcst raises for odd names
        assignments = []
    enclosing = [a.scope.node for a in assignments if isinstance(a.scope, FunctionScope) and a.scope is not evaluator.function_scope]
    function = next((f for f in enclosing if isinstance(f, cst.FunctionDef)), None)
    name = node.value
    if function is None:
        return OPAQUE
    try:
        tree = ast.parse(textwrap.dedent(cst.Module(body=[function]).code))
    except SyntaxError:
        return Instance(name, UNKNOWN, origin=f"the enclosing variable '{name}' cannot be read back")
    outer = tree.body[0] if tree.body else None
    if not isinstance(outer, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return OPAQUE
    if any(isinstance(n, ast.Nonlocal) and name in n.names for n in ast.walk(outer)):
        return Instance(name, UNKNOWN, origin=f"the enclosing variable '{name}' is rebound through 'nonlocal', so it may hold any object")
    context = _Context(evaluator, evaluator.facts, outer, None, None, None)
    held = context.value(ast.Name(id=name, ctx=ast.Load()), outer.lineno, name)
    if not held.dunders:
        return OPAQUE
    origin = f"the enclosing variable '{name}' may hold a project object (bound at {held.where})"
    return Instance(name, held.dunders, origin=origin)
