"""``typing.overload`` stubs: signatures for the type checker that Python never runs as the entry point.

A scope (a class body or the module) may hold ``@overload`` stubs of a name
followed by the implementation, the name's last binding::

    class Feed:
        @overload
        def start(self) -> None: ...
        @overload
        def start(self, delay: float) -> None: ...
        def start(self, delay=None):   # what Feed.start is at run time
            ...

``typing.overload`` records the stub and returns a dummy, and the next
``def`` of the name replaces it, so a call of ``Feed.start`` runs only the
implementation. The verifier therefore does not verify a stub, and does not
count the stubs as rebindings of the implementation — but only when this is
proven: the decorator's binding resolves to ``typing.overload`` (or
``typing_extensions.overload``) and is not shadowed in the class body, every
binding of the name in the scope is one of these ``def`` statements (none
conditional, no assignment, ``del`` or ``global``), and the last one is the
undecorated-by-overload implementation. Anything else keeps the ordinary rules
(a rebound entry point is TG009; a stub without a following implementation
is verified as the function it is).
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from thor_guard.verifier.context import VerifierContext
from thor_guard.verifier.effects import TRANSPARENT_BUILTIN_DECORATORS
from thor_guard.verifier.evaluate import Evaluator, class_body_names
from thor_guard.verifier.facts import ModuleFacts

OVERLOAD_DECORATORS = frozenset({"typing.overload", "typing_extensions.overload"})
"""What ``@overload`` must resolve to (typing_extensions re-exports typing's on the Pythons thor-guard supports)."""

OVERLOAD_STUB = "a typing.overload stub is never run: the implementation bound after it is verified instead"
"""The assumption phrase a stub's verdict carries (``check --explain``)."""


@dataclass(frozen=True)
class OverloadFamily:
    """The proven ``@overload`` stubs of one name in one scope and the implementation bound after them."""

    stubs: tuple[cst.FunctionDef, ...]
    implementation: cst.FunctionDef


def overload_family(facts: ModuleFacts, function: cst.FunctionDef, context: VerifierContext) -> OverloadFamily | None:
    """The family ``function`` belongs to (as a stub or as the implementation), or None when that is not proven.

    ``facts`` is the module's facts (the skeleton keeps every statement of a
    class body that holds a checked function, and every module statement).
    """
    owner = facts.enclosing_class(function)
    name = function.name.value
    if owner is not None:
        if not isinstance(owner.body, cst.IndentedBlock):
            return None
        scope: tuple[cst.CSTNode, ...] = tuple(owner.body.body)
        qualname = facts.class_qualname(owner)
        if qualname is None:
            return None
        sites = facts.bindings.classes.get(qualname, {}).get(name, [])
    else:
        scope = tuple(facts.module.body)
        if facts.bindings.hazard_for(name) is not None:
            return None  # a star import, globals() write… may rebind it after the implementation
        sites = facts.bindings.bindings(name)
    defs = [s for s in scope if isinstance(s, cst.FunctionDef) and s.name.value == name]
    if len(defs) < 2 or not any(d is function for d in defs):
        return None
    *stubs, implementation = defs
    if not all(_is_stub(facts, owner, stub, context) for stub in stubs) or _is_stub(facts, owner, implementation, context):
        return None
    # The census (from the full source) must see exactly these defs: a def under an `if`, an assignment, a `del`,
    # a `global` or a loop target of the name is a binding the walk cannot order, so the ordinary rule answers.
    if len(sites) != len(defs) or any(site.kind != "def" or site.conditional for site in sites):
        return None
    return OverloadFamily(tuple(stubs), implementation)


def is_overload_stub(facts: ModuleFacts, function: cst.FunctionDef, context: VerifierContext) -> bool:
    """True when ``function`` is a proven ``@overload`` stub followed by its implementation (never run when called)."""
    family = overload_family(facts, function, context)
    return family is not None and any(stub is function for stub in family.stubs)


def _is_stub(facts: ModuleFacts, owner: cst.ClassDef | None, function: cst.FunctionDef, context: VerifierContext) -> bool:
    """``function`` carries a proven ``typing.overload`` as its outermost decorator, under it at most
    ``staticmethod``/``classmethod`` (``@overload`` over ``@classmethod`` is how class-method overloads are spelled)."""
    decorators = function.decorators
    if not decorators:
        return False
    shadowed = class_body_names(owner, facts) if owner is not None else frozenset()
    for index, decorator in enumerate(decorators):
        expression = decorator.decorator
        if isinstance(expression, cst.Call):
            return False
        root = expression
        while isinstance(root, cst.Attribute):
            root = root.value
        if not isinstance(root, cst.Name) or root.value in shadowed:
            return False  # decorators are looked up in the class namespace first (`overload = _traced` in the body)
        names = Evaluator.decorator_names(facts, expression)
        wanted = OVERLOAD_DECORATORS if index == 0 else TRANSPARENT_BUILTIN_DECORATORS
        if not names & wanted:
            return False
        if index == 0 and any(_unproven(context, name) for name in names & wanted):
            return False  # a project typing.py first on sys.path, a patched typing module
    return True


def _unproven(context: VerifierContext, dotted: str) -> bool:
    try:
        return context.resolver.binding_problem(dotted) is not None
    except Exception:  # HelperError: an unparsable project module of that name
        return True
