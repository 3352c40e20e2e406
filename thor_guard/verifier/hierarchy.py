"""The project classes above a class: one walk over its bases, shared by every rule that searches a hierarchy.

A class's project bases are resolved through proven bindings (the evaluator of the module each class lives in),
up to :data:`~thor_guard.verifier.evaluate.MAX_HELPER_DEPTH` levels. :func:`project_bases` yields the class and
each project base once, in Python's method resolution order (C3), or the problem that stops the search (a base the
verifier cannot resolve, a base that is not a class, a hierarchy deeper than the bound, inconsistent bases). Bases outside the project (``object``, ``threading.Thread``,
``AppConfig``) are library code and are not yielded.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import libcst as cst

from thor_guard.verifier.facts import ModuleFacts, code_of
from thor_guard.verifier.values import Builtin, ClassValue, Module

if TYPE_CHECKING:
    from thor_guard.verifier.evaluate import Evaluator

ProjectClass = tuple[cst.ClassDef, ModuleFacts, int]
"""A project class of the hierarchy, the module that defines it, and how many levels it lies above the start."""


@dataclass(frozen=True)
class Linearisation:
    """The project classes of a class's method resolution order (C3, as ``type.mro()`` computes it), in that order."""

    classes: tuple[ProjectClass, ...]
    """The class itself first, then each project base in MRO order."""
    exact: bool
    """False when the order among the project classes may differ from Python's: a library base (other than a
    builtin type, whose MRO is known) was modelled as ``[base, object]`` without its own bases, or a class of the
    hierarchy has a metaclass (which may define ``mro()``). A lookup must then consider every project class that
    binds the name, not only the first."""


_OBJECT = "builtins.object"


def linearise(evaluator: Evaluator, owner: cst.ClassDef, facts: ModuleFacts | None = None) -> Linearisation | str:
    """The C3 linearisation of ``owner``'s hierarchy (:class:`Linearisation`), or why it cannot be computed: a base
    the verifier cannot resolve or that is not a class, a hierarchy deeper than ``MAX_HELPER_DEPTH`` levels, or
    inconsistent bases (Python raises ``TypeError`` when it creates such a class).

    Every base is resolved through proven bindings in the module of the class that names it. Builtin types take
    their real MRO; any other library class is modelled as ``[base, object]`` (its own bases are not read; a
    library class never derives from a project class), which makes the result inexact (:attr:`Linearisation.exact`).
    """
    from thor_guard.verifier.evaluate import Evaluator as _Evaluator

    start = facts if facts is not None else evaluator.facts
    memo = start.__dict__.setdefault("_linearised", {})
    key = (id(owner), evaluator.depth)
    cached = memo.get(key)
    if cached is not None and cached[0] is owner:
        return cached[1]
    # Bases are names of the class's module scope: evaluated there, not among the calling function's locals.
    module_scope = _Evaluator(start, evaluator.analysis, {}, evaluator.trace, depth=evaluator.depth)
    result = _linearise(module_scope, owner, start)
    memo[key] = (owner, result)
    return result


def _linearise(evaluator: Evaluator, owner: cst.ClassDef, start: ModuleFacts) -> Linearisation | str:
    from thor_guard.verifier.evaluate import MAX_HELPER_DEPTH, EvalError, _generic_origin

    classes: dict[object, ProjectClass] = {id(owner): (owner, start, 0)}
    bases: dict[object, list[object]] = {}
    library: dict[object, list[object]] = {}
    exact = True
    order: list[ProjectClass] = [(owner, start, 0)]
    for node, module, depth in order:  # breadth-first: a class's depth is its shortest distance from owner
        if depth >= MAX_HELPER_DEPTH:
            return f"the class hierarchy above {node.name.value} is deeper than {MAX_HELPER_DEPTH}"
        if any(k.keyword is not None and k.keyword.value == "metaclass" for k in node.keywords):
            exact = False
        probe = evaluator if module is evaluator.facts else evaluator.module_evaluator(module)
        keys: list[object] = []
        for base in node.bases:
            try:
                parent = probe.evaluate(_generic_origin(base.value))
            except EvalError as exc:
                return f"the base class '{code_of(base.value)}' is not proven ({exc.reason})"
            if isinstance(parent, ClassValue) and isinstance(base.value, cst.Subscript):
                hook = _class_getitem(evaluator, parent, module)
                if hook is not None:
                    # `class Feed(Service[int])`: the base is whatever the project's __class_getitem__ (or its
                    # metaclass's __getitem__) returns, not Service (review 10, R10-8); typing.Generic's is library
                    return f"the base class '{code_of(base.value)}' is what {hook} returns"
            if isinstance(parent, ClassValue):
                key: object = id(parent.node)
                if key not in classes:
                    classes[key] = (parent.node, parent.facts or module, depth + 1)
                    order.append(classes[key])
            elif isinstance(parent, Builtin):
                kind = getattr(builtins, parent.name, None)
                if not isinstance(kind, type):
                    return f"the base class '{code_of(base.value)}' is not a known class"
                key = f"builtins.{parent.name}"
                library[key] = [f"builtins.{c.__name__}" for c in kind.__mro__]
            elif isinstance(parent, Module):
                key = parent.dotted
                library[key] = [key, _OBJECT]
                exact = False
            else:
                return f"the base class '{code_of(base.value)}' is not a known class"
            keys.append(key)
        bases[id(node)] = keys or [_OBJECT]
    library.setdefault(_OBJECT, [_OBJECT])
    memo: dict[object, list[object] | None] = dict(library)

    def mro(key: object) -> list[object] | None:
        if key not in memo:
            memo[key] = None  # a cycle cannot arise from class statements; guard anyway
            parts = [mro(b) for b in bases[key]]
            if any(p is None for p in parts):
                return None
            merged = _merge([list(p) for p in parts if p is not None] + [list(bases[key])])
            memo[key] = None if merged is None else [key, *merged]
        return memo[key]

    result = mro(id(owner))
    if result is None:
        return f"the bases of {owner.name.value} have no consistent method resolution order (Python raises TypeError creating it)"
    return Linearisation(tuple(classes[k] for k in result if k in classes), exact)


def _merge(sequences: list[list[object]]) -> list[object] | None:
    """C3's merge: repeatedly take the first head that is in no list's tail; None when no head qualifies."""
    result: list[object] = []
    while True:
        sequences = [s for s in sequences if s]
        if not sequences:
            return result
        for sequence in sequences:
            head = sequence[0]
            if not any(head in other[1:] for other in sequences):
                break
        else:
            return None
        result.append(head)
        for sequence in sequences:
            if sequence[0] == head:
                del sequence[0]


def project_bases(evaluator: Evaluator, owner: cst.ClassDef, facts: ModuleFacts | None = None) -> Iterator[ProjectClass | str]:
    """``owner`` (at depth 0) and then each project base class once, in method resolution order; or, instead, one
    ``str``: the problem that makes the hierarchy unproven (for TG009, see :func:`linearise`)."""
    result = linearise(evaluator, owner, facts)
    if isinstance(result, str):
        yield result
        return
    yield from result.classes


def _class_getitem(evaluator: Evaluator, parent: ClassValue, module: ModuleFacts) -> str | None:
    """The project code that subscripting ``parent`` runs (``Service.__class_getitem__``, a project metaclass's
    ``__getitem__``), or None when subscripting it is library code (``typing.Generic``) or plain."""
    from thor_guard.verifier.evaluate import attribute_stores

    if evaluator.metaclass_problem(parent) is not None:
        return f"the project metaclass of {parent.node.name.value} (its __getitem__)"
    order = linearise(evaluator, parent.node, parent.facts or module)
    if isinstance(order, str):
        return f"{parent.node.name.value}[...] (its hierarchy is not proven: {order})"
    for classdef, facts, _ in order.classes:
        qualname = facts.class_qualname(classdef)
        if qualname is not None and (qualname, "<__class_getitem__>") in attribute_stores(facts):
            return f"{classdef.name.value}.__class_getitem__"
    return None
