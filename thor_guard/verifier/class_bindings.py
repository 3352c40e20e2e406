"""What a class body leaves bound to a name: the binding that survives class creation, judged for what a read runs.

A class body is code: a name may be bound several times (``pending = 0`` and later ``@property def pending``), by an
import, a walrus, an unpacking, a ``with`` or ``for`` target, or only under a condition. The census of class bodies
(:attr:`thor_guard.verifier.bindings.ModuleBindings.classes`) records every such binding by the same rules as the
module's; :func:`class_binding` takes the bindings that can reach the end of the body — the last unconditional one
and every conditional one after it — and says what reading the name through an instance gives (review 7, R7-11 and
R7-12: the first binding, or only ``name = value`` and ``def``, was judged before).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Literal

import libcst as cst

from thor_guard.verifier.bindings import Binding
from thor_guard.verifier.facts import ModuleFacts
from thor_guard.verifier.mutations import class_ast, parsed_module

Kind = Literal["plain", "getter", "descriptor"]


@dataclass(frozen=True)
class ClassBinding:
    """How a class body binds a name, as a read through an instance sees it."""

    kind: Kind
    """``plain``: a literal, a nested class, or a ``def`` without decorators (or with ``staticmethod``/``classmethod``);
    reading it runs no project code. ``getter``: one ``@property``/``@cached_property`` def (with ``@x.setter``/
    ``@x.deleter`` accessors after it): a read runs the getter at :attr:`line`. ``descriptor``: anything else — a
    computed value, an import, another decorator, a ``for``/``with``/walrus/unpacking target, several bindings that
    may each survive, a ``del`` — the read may run a descriptor's ``__get__``."""
    line: int
    """The line of the decisive binding (the getter's ``def`` for ``getter``)."""
    text: str
    """That line's source, for messages."""


_GETTER_NAMES = ("property", "cached_property")


def class_binding(facts: ModuleFacts, classdef: cst.ClassDef, name: str) -> ClassBinding | None:
    """How ``classdef`` (a class of ``facts``' module) binds ``name`` in its own body; None when the body does not
    bind it. Read from the module's full source (the skeleton may have elided the body). A class defined inside a
    function (no census) binding the name is a ``descriptor``: unproven."""
    qualname = facts.class_qualname(classdef)
    sites = facts.bindings.classes.get(qualname, {}).get(name, []) if qualname is not None else None
    if sites is None:
        from thor_guard.verifier.evaluate import class_body_names

        if name not in class_body_names(classdef, facts):
            return None
        return ClassBinding("descriptor", 0, f"a binding of {name} in a class defined inside a function")
    if not sites:
        return None
    body = _class_body(facts, qualname)  # type: ignore[arg-type]
    if body is None:
        return ClassBinding("descriptor", sites[-1].line, sites[-1].text)
    last = max((i for i, site in enumerate(sites) if not site.conditional), default=0)
    reaching = sites[last:]
    if len(reaching) == 1 and reaching[0].kind == "def":
        getter = _accessor_chain(sites[: last + 1], body, name)
        if getter is not None:
            return ClassBinding("getter", getter.line, getter.text)
    ordinals = [sum(1 for earlier in sites[:i] if earlier.line == site.line) for i, site in enumerate(sites)]
    kinds = [_kind(site, body, name, ordinal) for site, ordinal in zip(reaching, ordinals[last:])]
    if len(kinds) == 1 or all(kind == "plain" for kind in kinds):
        return ClassBinding(kinds[-1] if len(kinds) == 1 else "plain", reaching[-1].line, reaching[-1].text)
    decisive = next(site for site, kind in zip(reaching, kinds) if kind != "plain")
    return ClassBinding("descriptor", decisive.line, decisive.text)


def _class_body(facts: ModuleFacts, qualname: str) -> list[ast.stmt] | None:
    found = class_ast(facts, qualname)
    return None if found is None else found.body


def _statements(body: list[ast.stmt]) -> list[ast.stmt]:
    """The class body's statements, nested blocks included (not function or class bodies)."""
    found: list[ast.stmt] = []
    pending = list(reversed(body))
    while pending:
        statement = pending.pop()
        found.append(statement)
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        nested: list[ast.stmt] = []
        for field in ("body", "orelse", "finalbody"):
            nested.extend(getattr(statement, field, []) or [])
        for handler in getattr(statement, "handlers", []) or []:
            nested.extend(handler.body)
        for case in getattr(statement, "cases", []) or []:
            nested.extend(case.body)
        pending.extend(reversed(nested))
    return found


def class_body_statements(facts: ModuleFacts, qualname: str) -> list[ast.stmt] | None:
    """Every statement of the class ``qualname``'s body in ``facts``' full source, nested blocks included (not the
    bodies of its functions or nested classes); None when the class is not found."""
    body = _class_body(facts, qualname)
    return None if body is None else _statements(body)


def _statement_at(site: Binding, body: list[ast.stmt], name: str, ordinal: int | None = None) -> ast.stmt | None:
    """The statement that made ``site``. Sites carry a line only: when several statements on that line bind ``name``
    (``pending = 0; pending = property(f)``, review 9, R9-7) ``ordinal`` (how many earlier sites of the name share the
    line) picks it in source order; without one the site cannot be told apart, so None (the caller judges an unknown
    statement as a possible descriptor)."""
    others: list[ast.stmt] = []
    for statement in _statements(body):
        if statement.lineno != site.line:
            continue
        if site.kind in ("def", "class"):
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and statement.name == name:
                return statement
        elif not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            others.append(statement)
    binding = [statement for statement in others if _binds(statement, name)]
    if len(binding) > 1:
        return binding[ordinal] if ordinal is not None and ordinal < len(binding) else None
    return binding[0] if binding else (others[0] if others else None)


def _binds(statement: ast.stmt, name: str) -> bool:
    """``statement`` (not a def or class) binds ``name`` in the class namespace: a store target or an import."""
    for node in ast.walk(statement):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)) and node.id == name:
            return True
        if isinstance(node, ast.alias) and (node.asname or node.name).split(".")[0] == name:
            return True
    return False


_IDENTITY_MARKERS = frozenset({"final", "override", "abstractmethod"})
"""Last segments of the identity markers (:data:`thor_guard.verifier.effects.IDENTITY_DECORATORS`), by spelling."""


_CACHE_MARKERS = frozenset({"cache", "lru_cache"})
"""Last segments of functools' cache decorators (:data:`thor_guard.verifier.effects.CACHE_DECORATORS`), by spelling."""


def _decorator_names(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    return [ast.unparse(d) for d in function.decorator_list]


def _kind(site: Binding, body: list[ast.stmt], name: str, ordinal: int | None = None) -> Kind:
    statement = _statement_at(site, body, name, ordinal)
    if statement is None:
        return "descriptor"
    if site.kind == "class":
        return "plain"
    if site.kind == "def" and isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
        decorators = _decorator_names(statement)
        if not decorators or decorators in (["staticmethod"], ["classmethod"]):
            return "plain"
        if all(d.split(".")[-1] in _IDENTITY_MARKERS for d in decorators if d not in ("staticmethod", "classmethod")) and (
            sum(d in ("staticmethod", "classmethod") for d in decorators) <= 1
        ):
            # `@typing.final`/`@override`/`@abc.abstractmethod` return the function itself: a method, whose reader
            # (Evaluator.class_member) proves the marker's binding (effects.IDENTITY_DECORATORS) or treats it as a wrapper
            return "plain"
        if len(decorators) == 1 and decorators[0].split(".")[-1] in _GETTER_NAMES:
            return "getter"
        if len(decorators) == 1 and decorators[0].split("(")[0].split(".")[-1] in _CACHE_MARKERS:
            # `@functools.cache` / `@lru_cache(maxsize=None)`: a wrapper calling the method (FA9-5); the reader
            # (Evaluator.class_member) proves the decorator's binding, anything else named so stays a wrapper there
            return "plain"
        return "descriptor"
    if site.kind in ("assign", "annassign", "unpack") and isinstance(statement, (ast.Assign, ast.AnnAssign)):
        value = statement.value
        if value is None:
            return "descriptor"
        try:
            ast.literal_eval(value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            return "descriptor"  # computed when the class was created: it may be a property or another descriptor
        return "plain"
    return "descriptor"  # import, walrus, for/with target, except, match capture, augmented assignment, del


def _accessor_chain(sites: list[Binding], body: list[ast.stmt], name: str) -> Binding | None:
    """The ``@property`` def at the start of a chain ``@property def x`` / ``@x.setter def x`` / ``@x.deleter def x``
    ending at the last of ``sites``; also a lone ``@property``/``@cached_property`` def. Each accessor makes a copy of
    the property with the same getter (builtins.property), so a read runs that getter. ``@x.getter`` replaces it:
    not a chain."""
    index = len(sites) - 1
    while index >= 0:
        site = sites[index]
        statement = _statement_at(site, body, name)
        if site.kind != "def" or not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) or site.conditional:
            return None
        decorators = _decorator_names(statement)
        if len(decorators) == 1 and decorators[0] in (f"{name}.setter", f"{name}.deleter"):
            index -= 1
            continue
        if len(decorators) == 1 and (decorators[0] == "property" or (index == len(sites) - 1 and decorators[0].split(".")[-1] in _GETTER_NAMES)):
            return site
        return None
    return None


def getter_def(facts: ModuleFacts, classdef: cst.ClassDef, name: str, line: int) -> cst.FunctionDef | None:
    """The ``def name`` of ``classdef``'s body whose ``def`` line in the full source is ``line`` (a getter found by
    :func:`class_binding`), taken from ``classdef`` itself: the defs of that name are matched in source order. None
    when ``classdef``'s body does not hold them all (the skeleton elided it): the caller recovers it from the source."""
    qualname = facts.class_qualname(classdef)
    body = _class_body(facts, qualname) if qualname is not None else None
    if body is None:
        return None
    lines = [s.lineno for s in _statements(body) if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name == name]
    if line not in lines:
        return None

    class Defs(cst.CSTVisitor):
        def __init__(self) -> None:
            self.found: list[cst.FunctionDef] = []

        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            if node.name.value == name:
                self.found.append(node)
            return False

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            return node is classdef

    defs = Defs()
    classdef.visit(defs)
    if len(defs.found) != len(lines):
        return None
    return defs.found[lines.index(line)]


ANY_SLOT: frozenset[str] = frozenset({"*"})
""":func:`slot_names` of a class whose ``__slots__`` is not a literal: any name may be a slot."""


def slot_names(facts: ModuleFacts, classdef: cst.ClassDef) -> frozenset[str]:
    """The names ``classdef``'s ``__slots__`` makes member descriptors of (empty when the body binds no ``__slots__``).

    A slot is a data descriptor in the class's ``__dict__``: a read through an instance finds it before any base's
    method, property or class attribute of that name, and gives the instance's value — or, while it is unset, raises
    ``AttributeError``, which runs ``__getattr__`` when the hierarchy has one (hostile review 18, H3). ``__slots__``
    bound by anything but one unconditional literal (a string, or a tuple, list, set or dict of strings) gives
    :data:`ANY_SLOT`. A class defined inside a function is read from its libcst node.
    """
    cache = facts.__dict__.setdefault("_slot_names", {})  # per module, keyed by node identity like the other memos
    found = cache.get(id(classdef))
    if found is None:
        found = cache[id(classdef)] = (_slot_names(facts, classdef), classdef)  # the node is kept: its id stays unique
    return found[0]


def _slot_names(facts: ModuleFacts, classdef: cst.ClassDef) -> frozenset[str]:
    qualname = facts.class_qualname(classdef)
    body = _class_body(facts, qualname) if qualname is not None else None
    if body is None:
        parsed = ast.parse(cst.Module(body=[classdef]).code).body[0]
        assert isinstance(parsed, ast.ClassDef)
        body = parsed.body
    bound = [
        s for s in _statements(body)
        if not isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and _binds(s, "__slots__")
    ]
    if not bound:
        return frozenset()
    if len(bound) != 1 or bound[0] not in body or not isinstance(bound[0], (ast.Assign, ast.AnnAssign)) or bound[0].value is None:
        return ANY_SLOT
    try:
        value = ast.literal_eval(bound[0].value)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return ANY_SLOT
    names = (value,) if isinstance(value, str) else value
    if not isinstance(names, (tuple, list, set, frozenset, dict)) or not all(isinstance(n, str) for n in names):
        return ANY_SLOT
    return frozenset(names)
