"""Is a mutable module or class constant still its literal value? The in-place mutation census (hostile R4-1).

The binding census proves that a *name* is bound once; a ``list``/``set``/``dict``
display bound to it can still change in place (``HB_VALUES.clear()``,
``HB_VALUES[:] = values`` in a function, ``del HB_VALUES[0]``, ``Feed.HB.remove(x)``,
``consts.HB.pop()`` in another module, passing it to code that mutates it). Such a
constant is taken at its literal value only when every use of its name in the
modules searched is read-only: a comparison operand (``in``, ``==``), a subscript
load, the iterable of a ``for``/comprehension, an argument of a read-only builtin
(``len``, ``sorted``, ``tuple``…) that the module does not rebind, or the receiver of
a non-mutating method (``.get()``, ``.count()``…). Any other use — a mutating
method, an item or slice store or ``del``, an augmented assignment, an alias
(``x = HB``), an argument of other code, a return value — makes it unknown.
Immutable constants (str, bytes, numbers, tuples and frozensets of those) need no
census. The same list reached through a namespace (``globals()["HB"]``, ``vars(Cfg)["HB"]``,
``getattr(module, "HB")``, ``f.__globals__[k]``, a loop over ``vars(Cfg).values()``) is another door:
:func:`namespace_problem` censuses those reads in the same modules (hostile review 5, R5-1, R5-12).
"""

from __future__ import annotations

import ast
import builtins
from collections.abc import Callable
from typing import TYPE_CHECKING

import libcst as cst

if TYPE_CHECKING:
    from thor_guard.verifier.facts import ModuleFacts

READ_ONLY_BUILTINS = frozenset(
    {"len", "sorted", "tuple", "frozenset", "list", "set", "any", "all", "min", "max", "bool", "str", "repr", "isinstance", "id", "type", "dict", "enumerate", "reversed", "zip"}
)
"""Builtins that read a container without changing it."""

READ_ONLY_METHODS = frozenset(
    {"get", "keys", "values", "items", "copy", "count", "index", "issubset", "issuperset", "isdisjoint", "union", "intersection", "difference", "symmetric_difference", "__contains__", "__len__", "__getitem__"}
)
"""Methods of ``list``/``set``/``dict`` that do not change the receiver."""

_MUTABLE_DISPLAYS = (cst.List, cst.Set, cst.Dict, cst.ListComp, cst.SetComp, cst.DictComp)


def mutable_displays(expression: cst.CSTNode) -> int:
    """How many mutable containers ``expression`` builds (``["a"]``: 1, ``("a", ["b"])``: 1, ``[["a"]]``: 2).

    0: the value is immutable, taken at its literal value. 1 *at the top* (``["a"]``, ``{"k": 1}``): trusted when
    :func:`mutation_problem` finds no mutating use. Anything else (a list inside a tuple or a list, whose element
    can be changed through a read such as ``HB[0].append(x)``): never trusted.
    """
    own = 1 if isinstance(expression, _MUTABLE_DISPLAYS) else 0
    return own + sum(mutable_displays(child) for child in expression.children if isinstance(child, cst.CSTNode))


def mutation_problem(facts: ModuleFacts, name: str) -> str | None:
    """None when no use of ``name`` in ``facts``' module (a bare name, an attribute ``x.name``, a name imported as
    another one) can change the container it holds; else ``"line N ('source') may change <name> in place"``.

    Searched over the whole source with Python's parser (method bodies the skeleton stubbed out included);
    memoised per module and name.
    """
    cache: dict[str, str | None] = facts.__dict__.setdefault("_mutation_problems", {})
    if name in cache:
        return cache[name]
    tree, parents, lines = parsed_module(facts)
    if unparsable(facts):
        from thor_guard.verifier.bindings import unparsable_reason

        problem = f"{facts.path.name if facts.path else facts.name} may change {name} in place: {unparsable_reason(facts.full_source)}"
        cache[name] = problem
        return problem
    names = {name} | {
        alias.asname for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        for alias in node.names if alias.name == name and alias.asname
    }
    rebound = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    problem: str | None = namespace_problem(facts, names)
    for node in () if problem is not None else ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in names:
            if isinstance(node.ctx, ast.Store):
                continue  # a binding: the binding census's business (a local of the same name is another variable)
        elif not (isinstance(node, ast.Attribute) and node.attr in names):
            continue
        if _read_only(node, parents, rebound):
            continue  # (`Feed.HB = [...]`, a store, is not: a rebinding is an unknown value too)
        line = getattr(node, "lineno", 0)
        source = lines[line - 1].strip() if 0 < line <= len(lines) else name
        problem = f"line {line} ('{source}') may change {name} in place"
        break
    cache[name] = problem
    return problem


NAMESPACE_CALLS = frozenset({"globals", "vars", "locals"})
"""Builtins whose result is a namespace: a dict whose values are the module's or a class's constants."""

NAMESPACE_ATTRIBUTES = frozenset({"__dict__", "__globals__"})
"""Attributes that are a namespace (``Cfg.__dict__``, ``start.__globals__``)."""

_NAMESPACE_KEYED = frozenset({"get", "__getitem__", "pop", "setdefault"})
"""Namespace methods whose first argument is the key of the one value they return."""

_NAMESPACE_HARMLESS = frozenset({"keys", "__contains__", "__len__", "update", "__setitem__", "__delitem__", "clear"})
"""Namespace methods that give no value out (names only, or a store: the binding and attribute-store censuses
answer for stores, which rebind rather than change the old container)."""

_KEYS_ONLY_BUILTINS = READ_ONLY_BUILTINS - {"dict"}
"""Read-only builtins that see only a namespace's keys (``dict(globals())`` copies the values out)."""


def namespace_problem(facts: ModuleFacts, names: set[str]) -> str | None:
    """None when no read of a namespace in ``facts``' module can hand out the container bound to one of ``names``
    in a way that may change it (hostile review 5, R5-1, R5-12); else ``"line N ('source') ..."``.

    A namespace is ``globals()``, ``vars()``/``vars(x)``, ``locals()``, ``x.__dict__``, ``f.__globals__``; also
    ``getattr(x, k)`` / ``operator.attrgetter(k)`` read attributes of any object by name. Harmless uses: an item or
    ``.get``/``.pop`` with a literal key that is not one of ``names``, or whose result is used read-only (the same
    rules as a use of the name, :func:`_read_only`); membership and ``len()``; iteration and keys-only builtins
    (``sorted(vars(Cfg))``: the names); ``.keys()``; stores (``globals()["X"] = v`` rebinds, the binding census's
    business). Anything else — ``.values()``/``.items()``/``.copy()``, iterating ``inspect.getmembers(x)``,
    passing the namespace to other code, aliasing it — may hand the container to code that changes it in place.
    """
    tree, parents, lines = parsed_module(facts)
    for node in ast.walk(tree):
        problem = _namespace_use(node, parents, names)
        if problem is not None:
            line = getattr(node, "lineno", 0)
            source = lines[line - 1].strip() if 0 < line <= len(lines) else problem
            return f"line {line} ('{source}') {problem}"
    return None


def _namespace_use(node: ast.AST, parents: dict[int, ast.AST], names: set[str]) -> str | None:
    """Why ``node`` (a namespace read, a ``getattr`` by name) may hand out a container of ``names``; None if not."""
    rebound: set[str] = set()  # builtins are judged by name here: a shadowed len() is passing the value on anyway
    if isinstance(node, ast.Call):
        callee = node.func.id if isinstance(node.func, ast.Name) else node.func.attr if isinstance(node.func, ast.Attribute) else None
        if callee == "getattr" and len(node.args) >= 2:
            key = node.args[1]
            if isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value not in names:
                return None
            return None if _read_only(node, parents, rebound) else "reads an attribute by name and may change it in place"
        if callee in ("attrgetter", "getmembers"):
            keys = node.args if callee == "attrgetter" else ()
            if keys and all(isinstance(k, ast.Constant) and isinstance(k.value, str) and k.value.split(".")[0] not in names for k in keys):
                return None
            return "reads attributes by name and may change them in place"
        if not (isinstance(node.func, ast.Name) and callee in NAMESPACE_CALLS):
            return None
    elif not (isinstance(node, ast.Attribute) and node.attr in NAMESPACE_ATTRIBUTES and isinstance(node.ctx, ast.Load)):
        return None
    parent = parents.get(id(node))
    what = "reads a namespace and may change its values in place"
    if isinstance(parent, ast.Subscript) and parent.value is node:
        if not isinstance(parent.ctx, ast.Load):
            target_of = parents.get(id(parent))
            return what if isinstance(target_of, ast.AugAssign) else None  # `globals()["HB"] += [...]` extends in place
        key = parent.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value not in names:
            return None
        return None if _read_only(parent, parents, rebound) else what
    if isinstance(parent, ast.Attribute) and parent.value is node:
        call = parents.get(id(parent))
        if not (isinstance(call, ast.Call) and call.func is parent):
            return what
        if parent.attr in _NAMESPACE_HARMLESS:
            return None
        if parent.attr in _NAMESPACE_KEYED and call.args:
            key = call.args[0]
            if isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value not in names:
                return None
            return None if _read_only(call, parents, rebound) else what
        return what
    if isinstance(parent, (ast.Compare, ast.Expr)):
        return None
    if isinstance(parent, (ast.For, ast.AsyncFor, ast.comprehension)) and parent.iter is node:
        return None  # iterating a dict gives its keys
    if isinstance(parent, ast.Call) and node in parent.args and isinstance(parent.func, ast.Name) and parent.func.id in _KEYS_ONLY_BUILTINS:
        return None
    return what


def _read_only(node: ast.expr, parents: dict[int, ast.AST], rebound: set[str]) -> bool:
    if isinstance(getattr(node, "ctx", None), (ast.Store, ast.Del)):
        return False
    parent = parents.get(id(node))
    if isinstance(parent, ast.Compare):
        return True
    if isinstance(parent, ast.Subscript) and parent.value is node:
        return isinstance(parent.ctx, ast.Load)  # an element read (elements are immutable: see mutable_displays)
    if isinstance(parent, (ast.For, ast.AsyncFor, ast.comprehension)) and parent.iter is node:
        return True
    if isinstance(parent, ast.Call) and node in parent.args and isinstance(parent.func, ast.Name):
        return parent.func.id in READ_ONLY_BUILTINS and parent.func.id not in rebound and hasattr(builtins, parent.func.id)
    if isinstance(parent, ast.Attribute) and parent.value is node:
        call = parents.get(id(parent))
        return parent.attr in READ_ONLY_METHODS and isinstance(call, ast.Call) and call.func is parent
    if isinstance(parent, ast.Expr):
        return True  # a bare `HB` statement reads it
    return False


def unparsable(facts: ModuleFacts) -> bool:
    """True when Python cannot parse ``facts``' full source even with newer syntax lowered: a scan over
    :func:`parsed_module`'s (then empty) tree proves nothing, and callers must answer "unknown" (R6-20)."""
    from thor_guard.verifier.bindings import python_ast

    return python_ast(facts.full_source) is None


def parsed_module(facts: ModuleFacts) -> tuple[ast.Module, dict[int, ast.AST], list[str]]:
    """The module's full source parsed by Python (skeleton-stubbed bodies included), a child-to-parent map, and its
    lines; memoised on the facts."""
    cached = facts.__dict__.get("_mutation_tree")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    from thor_guard.verifier.bindings import python_ast

    source = facts.full_source
    # The tree every whole-file scan reads (newer syntax lowered, R6-20); None is unknown, which callers check
    # through unparsable() before trusting an empty search.
    tree = python_ast(source) or ast.Module(body=[], type_ignores=[])
    parents: dict[int, ast.AST] = {}
    for parent in ast.walk(tree):
        for child in ast.iter_child_nodes(parent):
            parents[id(child)] = parent
    text = source.decode("utf-8", "replace") if isinstance(source, bytes) else source
    result = (tree, parents, text.splitlines())
    facts.__dict__["_mutation_tree"] = result
    return result


def class_ast(facts: ModuleFacts, qualname: str, flatten: Callable[[list[ast.stmt]], list[ast.stmt]] | None = None) -> ast.ClassDef | None:
    """The ``ast.ClassDef`` that ``qualname`` (``Outer.Inner``) names in ``facts``' parsed full source, found part by
    part from the module body; None when some part is not a class there. ``flatten``, when given, maps each body to
    the statements searched (to look into ``if``/``try`` blocks too); by default only the body's own statements."""
    body: list[ast.stmt] = parsed_module(facts)[0].body
    found: ast.ClassDef | None = None
    for part in qualname.split("."):
        statements = body if flatten is None else flatten(body)
        found = next((n for n in statements if isinstance(n, ast.ClassDef) and n.name == part), None)
        if found is None:
            return None
        body = found.body
    return found
