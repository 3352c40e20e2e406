"""The project classes above a class: one walk over its bases, shared by every rule that searches a hierarchy.

A class's project bases are resolved through proven bindings (the evaluator of the module each class lives in),
up to :data:`~thor_guard.verifier.evaluate.MAX_HELPER_DEPTH` levels. :func:`project_bases` yields the class and
each project base once, or the first problem that stops the search (a base the verifier cannot resolve, a base
that is not a class, a hierarchy deeper than the bound). Bases outside the project (``object``, ``threading.Thread``,
``AppConfig``) are library code and are not yielded.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import libcst as cst

from thor_guard.verifier.facts import ModuleFacts, code_of
from thor_guard.verifier.values import Builtin, ClassValue, Module

if TYPE_CHECKING:
    from thor_guard.verifier.evaluate import Evaluator

ProjectClass = tuple[cst.ClassDef, ModuleFacts, int]
"""A project class of the hierarchy, the module that defines it, and how many levels it lies above the start."""


def project_bases(evaluator: Evaluator, owner: cst.ClassDef, facts: ModuleFacts | None = None) -> Iterator[ProjectClass | str]:
    """``owner`` (at depth 0) and then each project base class, each once; a ``str`` is the first problem (why the
    hierarchy is not proven, for TG009), after which nothing more is yielded.

    The consumer tests each class as it arrives and may stop early: a base is resolved only after the classes
    before it were yielded. ``facts`` is ``owner``'s module (default: the evaluator's).
    """
    from thor_guard.verifier.evaluate import MAX_HELPER_DEPTH, EvalError, _generic_origin

    start = facts if facts is not None else evaluator.facts
    seen: set[int] = {id(owner)}
    pending: list[ProjectClass] = [(owner, start, 0)]
    while pending:
        node, module, depth = pending.pop()
        yield node, module, depth
        if depth >= MAX_HELPER_DEPTH:
            yield f"the class hierarchy above {node.name.value} is deeper than {MAX_HELPER_DEPTH}"
            return
        probe = evaluator if module is evaluator.facts else evaluator.module_evaluator(module)
        parents: list[ProjectClass] = []
        for base in node.bases:
            try:
                parent = probe.evaluate(_generic_origin(base.value))
            except EvalError as exc:
                yield f"the base class '{code_of(base.value)}' is not proven ({exc.reason})"
                return
            if isinstance(parent, ClassValue):
                if id(parent.node) not in seen:
                    seen.add(id(parent.node))
                    parents.append((parent.node, parent.facts or module, depth + 1))
            elif not isinstance(parent, (Module, Builtin)):
                yield f"the base class '{code_of(base.value)}' is not a known class"
                return
        pending.extend(reversed(parents))  # depth-first, bases in order
