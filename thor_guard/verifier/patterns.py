"""What a ``match`` pattern runs on its subject besides comparisons (review 7, R7-1).

Matching is code: a class pattern ``case Feed(pending=1)`` calls ``isinstance(subject, Feed)`` (the metaclass's
``__instancecheck__``, an ABC's ``__subclasshook__``) and then reads each keyword attribute — and, for positional
sub-patterns, each attribute named by ``Feed.__match_args__`` — from the subject with ``getattr`` (a property's
getter, ``__getattr__``); a sequence pattern ``case [a, b]`` calls ``len(subject)`` and ``subject[i]``. The same
rules apply as to the operations spelled out: ``isinstance(x, C)`` with a class that is not a builtin type is an
effect (as in :meth:`Evaluator._builtin_call`), ``getattr(self, "x")`` reads ``self.x`` (an own or inherited
property's getter is walked, ``__getattr__`` is an effect), ``len()``/subscripts of a possible project instance
run its dunders (:meth:`Evaluator.dunder`). Literal, capture, wildcard and value patterns are judged by
:func:`thor_guard.verifier.paths._match_pattern`; mapping patterns' ``get()`` calls by the caller.
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

import libcst as cst

from thor_guard.verifier.facts import code_of
from thor_guard.verifier.values import OPAQUE, Builtin, is_concrete, tainted

if TYPE_CHECKING:
    from thor_guard.verifier.evaluate import Evaluator

_SELF_MATCHING = frozenset({"bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple"})
"""Builtin types whose one positional sub-pattern matches the subject itself (no ``__match_args__`` read)."""


def pattern_effects(pattern: cst.MatchPattern, subject: object, subject_node: cst.BaseExpression, evaluator: Evaluator) -> None:
    """Raise :class:`~thor_guard.verifier.evaluate.Effect` when matching ``pattern`` against ``subject`` (the value
    of ``subject_node``) may run project code; return when it runs none (or only what the stated assumptions allow).
    Every alternative of an or-pattern and every sub-pattern counts: which are tried depends on values."""
    from thor_guard.verifier.evaluate import Effect

    if isinstance(pattern, cst.MatchAs):
        if pattern.pattern is not None:
            pattern_effects(pattern.pattern, subject, subject_node, evaluator)
    elif isinstance(pattern, cst.MatchOr):
        for element in pattern.patterns:
            pattern_effects(element.pattern, subject, subject_node, evaluator)
    elif isinstance(pattern, cst.MatchClass):
        cls = evaluator.evaluate(pattern.cls)
        kind = getattr(builtins, cls.name, None) if isinstance(cls, Builtin) else None
        if not isinstance(kind, type):
            # isinstance(subject, C) with a project or library class: its metaclass's __instancecheck__ (or an ABC's
            # __subclasshook__) may run, exactly as for `isinstance(x, C)` spelled out; positional sub-patterns
            # read C.__match_args__ and then those attributes of the subject
            raise Effect(pattern, f"the class pattern '{code_of(pattern)}' calls isinstance() with '{code_of(pattern.cls)}', whose metaclass's __instancecheck__ may run project code, and reads the attributes it names from '{code_of(subject_node)}'")
        for positional in pattern.patterns:
            # `case int(x)` matches the subject itself; `case object(x)` raises TypeError (no __match_args__)
            if cls.name in _SELF_MATCHING:
                pattern_effects(positional.value, subject, subject_node, evaluator)
        for keyword in pattern.kwds:
            read = cst.Attribute(value=subject_node, attr=cst.Name(keyword.key.value))
            value = _read(read, subject, keyword.key.value, evaluator)
            pattern_effects(keyword.pattern, value, read, evaluator)
    elif isinstance(pattern, (cst.MatchList, cst.MatchTuple)):
        if not (is_concrete(subject) or tainted(subject)):
            # collections.abc.Sequence check, then len(subject) and subject[i] (or iteration for a star pattern)
            evaluator.dunder(subject, pattern, "passes to len()")
            evaluator.dunder(subject, pattern, "subscripts")
            if any(isinstance(p, cst.MatchStar) for p in pattern.patterns):
                evaluator.dunder(subject, pattern, "iterates over")
        for element in pattern.patterns:
            if isinstance(element, cst.MatchSequenceElement):
                pattern_effects(element.value, OPAQUE, subject_node, evaluator)
    elif isinstance(pattern, cst.MatchMapping):
        for element in pattern.elements:
            pattern_effects(element.pattern, OPAQUE, subject_node, evaluator)


def _read(read: cst.Attribute, subject: object, name: str, evaluator: Evaluator) -> object:
    """``getattr(subject, name)`` as a class pattern's keyword does it: on ``self`` the own class's (or an inherited)
    property runs and ``__getattr__`` counts (:meth:`Evaluator.class_member`); on anything else the attribute load
    of the pure fragment (assumption 1, and a project metaclass's property is an effect)."""
    from thor_guard.verifier.evaluate import Crash

    if evaluator._reads_self(read.value):
        member = evaluator.class_member(name, read, bound=True)
        if member is not None:
            return member
    try:
        return evaluator.attribute(subject, name, read)
    except Crash:
        return OPAQUE  # a missing attribute makes the class pattern fail, it does not raise
