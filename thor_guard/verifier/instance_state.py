"""What an instance attribute may hold: the dunders of the project objects stored into ``self.<name>``.

Formatting ``self.market`` (an f-string field, ``%``, ``str()``, ``format``, a log argument, an exception argument),
testing its truth or comparing it runs the dunders of whatever object the attribute holds. Instance state is a
value of unknown type (docs/check.md, assumption 4) *unless* the class hierarchy's own code stores an object there
that may be an instance of a project class: ``self.market = Market()`` in the class's or a project base's methods,
an alternate constructor (``Market.from_code(...)``), a project factory (``make_market()``), a dotted constructor
(``markets.Market()``), the default-construct idiom (``market or Market()``), a tuple store, a dataclass
``field(default_factory=Market)``, or the result of a call the verifier cannot see into (review 9, R9-1). Then a
read of the attribute is that object (an :class:`~thor_guard.verifier.values.Instance` carrying the union of the
possible classes' dunders), so every operation that calls a dunder is judged by the one rule that judges ``self``.

Plain values stay what they were: literals, strings, numbers, environment reads, parameters (assumption 4),
built-in calls and containers of those, library objects (assumption 7). The census is by name over the methods of
the object's class and its project bases (C3 order); stores through other objects are assumption 3's gap.
"""

from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING

import libcst as cst

from thor_guard.verifier.effects import ASSUMED_PURE_METHODS, BUILTIN_PURE_METHODS
from thor_guard.verifier.facts import ModuleFacts
from thor_guard.verifier.import_time import call_spelling
from thor_guard.verifier.mutations import class_ast, parsed_module
from thor_guard.verifier.values import OPAQUE, UNTRUSTED, Builtin, ClassValue, Function, Instance, Logger, Module, StoredThread

if TYPE_CHECKING:
    from thor_guard.verifier.evaluate import Evaluator

MAX_DEPTH = 4
"""Calls followed to find what a stored value may be (``make_market()`` → ``Market.from_code()`` → ``cls()``);
deeper, the value may be anything: a possible project object."""

UNKNOWN = frozenset({"*"})

_CONTAINER_BUILTINS = frozenset({"list", "tuple", "set", "frozenset", "dict", "sorted", "reversed", "iter", "next", "min", "max", "getattr", "vars", "filter", "zip", "enumerate"})
"""Builtins whose result may be (or hold) one of their arguments: formatting it formats those."""


@dataclass(frozen=True)
class Held:
    """What a stored value may be: the operation dunders of the project objects it may hold (``{"*"}`` when any),
    and the first store that makes it so (``"line 27 ('self.market = Market()')"``), for the message."""

    dunders: frozenset[str]
    where: str = ""

    def __or__(self, other: Held) -> Held:
        if not other.dunders:
            return self
        if not self.dunders:
            return other
        return Held(self.dunders | other.dunders, self.where or other.where)


PLAIN = Held(frozenset())


def attribute_value(evaluator: Evaluator, instance: Instance, name: str, *, loggers: bool = True) -> object:
    """The value of ``<instance>.<name>`` when no class of its hierarchy binds ``name`` (instance state): an
    :class:`Instance` (class unknown) whose dunders are those of every project object stored into it, or
    :data:`OPAQUE` when every store is a plain value (assumption 4). With ``loggers``, a known logger when every
    store is ``logging.getLogger(<plain arguments>)`` (:func:`stored_logger`)."""
    if instance.cls is None or instance.cls_facts is None:
        return OPAQUE
    if name == "__dict__":
        return _namespace_value(evaluator, instance)
    held = stored_into(evaluator, instance.cls, instance.cls_facts, name)
    if loggers and not held.dunders and stored_logger(evaluator, instance.cls, instance.cls_facts, name):
        return Logger()  # `self.logger = logging.getLogger(...)` in every store (review 9, FA9-9)
    if not held.dunders and stored_thread(evaluator, instance.cls, instance.cls_facts, name):
        return StoredThread(f"self.{name}")  # `self._thread = threading.Thread(...)` / None in every binding
    if not held.dunders:
        return OPAQUE
    origin = f"self.{name} may hold a project object (stored at {held.where})"
    if "*" in held.dunders:
        origin += " whose class the verifier cannot know or see into, so its __str__/__repr__/__format__, __bool__, __eq__… may be project code"
    return Instance(f"self.{name}", held.dunders, origin=origin)


def _namespace_value(evaluator: Evaluator, instance: Instance) -> object:
    """``self.__dict__``: a dict whose values are everything stored into any attribute of the object. Formatting it
    (``"%(market)s" % self.__dict__``) or an item of it formats those values (review 10, R10-10), so when some
    store may hold a project object, any operation on it is judged as one on a possible project object."""
    assert instance.cls is not None and instance.cls_facts is not None
    from thor_guard.verifier.hierarchy import linearise

    order = linearise(evaluator, instance.cls, instance.cls_facts)
    if isinstance(order, str):
        return Instance(f"{instance.name}.__dict__", UNKNOWN, origin=f"{instance.name}.__dict__ holds what the class hierarchy stores ({order})")
    names: set[str] = set()
    for classdef, module, _ in order.classes:
        tree = _class_ast(module, classdef)
        if tree is None:
            continue
        for node in ast.walk(tree):
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []):
                names.update(t.attr for t in ast.walk(target) if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name))
                names.update(
                    t.slice.value for t in ast.walk(target)
                    if isinstance(t, ast.Subscript) and isinstance(t.slice, ast.Constant) and isinstance(t.slice.value, str)
                )
            if isinstance(node, ast.Call):
                names.update(a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
                names.update(k.arg for k in node.keywords if k.arg is not None)
    held = PLAIN
    for name in sorted(n for n in names if not (n.startswith("__") and n.endswith("__"))):
        held = held | stored_into(evaluator, instance.cls, instance.cls_facts, name)
    if not held.dunders:
        return OPAQUE
    return Instance(f"{instance.name}.__dict__", UNKNOWN, origin=f"{instance.name}.__dict__ holds the object's attributes, which may hold a project object (stored at {held.where})")


def stored_into(evaluator: Evaluator, owner: cst.ClassDef, facts: ModuleFacts, name: str) -> Held:
    """What the stores into ``<receiver>.<name>`` in the methods of ``owner`` and its project bases may hold
    (memoised per class and name)."""
    from thor_guard.verifier.hierarchy import linearise

    memo = facts.__dict__.setdefault("_stored_into", {})
    key = (id(owner), name)
    cached = memo.get(key)
    if cached is not None and cached[0] is owner:
        return cached[1]  # type: ignore[no-any-return]
    memo[key] = (owner, PLAIN)  # a store reached again while computing (self.a = self.b; self.b = self.a)
    order = linearise(evaluator, owner, facts)
    if isinstance(order, str):
        held = Held(UNKNOWN, f"the class hierarchy ({order})")
    else:
        held = PLAIN
        for classdef, module, _ in order.classes:
            held = held | _class_stores(evaluator, classdef, module, name, owner, facts)
    memo[key] = (owner, held)
    return held


def stored_logger(evaluator: Evaluator, owner: cst.ClassDef, facts: ModuleFacts, name: str) -> bool:
    """True when the hierarchy's methods store into ``<receiver>.<name>`` at least once and every store is a call of
    ``logging.getLogger`` with plain arguments (``logging.getLogger(f"feeds.{type(self).__name__}")``): the attribute
    then holds a logger as surely as a class-body ``log = logging.getLogger(__name__)`` does. Stores the census
    cannot see (another object's, a computed ``setattr``) are judged by the caller's shadowing census."""
    from thor_guard.verifier.hierarchy import linearise

    memo = facts.__dict__.setdefault("_stored_logger", {})
    key = (id(owner), name)
    cached = memo.get(key)
    if cached is not None and cached[0] is owner:
        return cached[1]  # type: ignore[no-any-return]
    memo[key] = (owner, False)
    order = linearise(evaluator, owner, facts)
    found = False
    sure = not isinstance(order, str)
    for classdef, module, _ in order.classes if not isinstance(order, str) else ():
        tree = _class_ast(module, classdef)
        if tree is None:
            continue
        for statement in _flat(tree.body):
            if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) or not (statement.args.posonlyargs or statement.args.args):
                continue
            receiver = (statement.args.posonlyargs or statement.args.args)[0].arg
            context = _Context(evaluator, module, statement, classdef, owner, facts)
            for node in ast.walk(statement):
                if not _stores(node, receiver, name):
                    continue
                targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
                value = node.value if targets and all(isinstance(t, ast.Attribute) for t in targets) else None  # type: ignore[union-attr]
                if not (isinstance(value, ast.Call) and context._resolve(value.func) == Module("logging.getLogger")):
                    sure = False
                    continue
                if any(context.value(a, 0, "").dunders for a in (*value.args, *(k.value for k in value.keywords))):
                    sure = False
                found = True
    result = found and sure
    memo[key] = (owner, result)
    return result


_THREAD_CLASSES = (Module("threading.Thread"), Module("threading.Timer"))


def stored_thread(evaluator: Evaluator, owner: cst.ClassDef, facts: ModuleFacts, name: str) -> bool:
    """True when every binding of ``name`` the hierarchy makes is ``None`` or a new standard-library thread: the class
    bodies bind it (if at all) only to the literal ``None``, and every store into ``<receiver>.<name>`` in their
    methods is ``None`` or a call of the proven ``threading.Thread``/``threading.Timer`` (at least one such store).
    Stores the census cannot see (another object's, a computed ``setattr``) are judged by the caller's shadowing
    census; a subclass's are assumption 3's gap."""
    from thor_guard.verifier.hierarchy import linearise

    memo = facts.__dict__.setdefault("_stored_thread", {})
    key = (id(owner), name)
    cached = memo.get(key)
    if cached is not None and cached[0] is owner:
        return cached[1]  # type: ignore[no-any-return]
    memo[key] = (owner, False)
    order = linearise(evaluator, owner, facts)
    if isinstance(order, str):
        return False
    made = False
    for classdef, module, _ in order.classes:
        tree = _class_ast(module, classdef)
        if tree is None:
            return False
        for statement in _flat(tree.body):
            if isinstance(statement, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
                if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                    if not (isinstance(statement, (ast.Assign, ast.AnnAssign)) and isinstance(statement.value, ast.Constant) and statement.value.value is None):
                        return False
            elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and statement.name == name:
                return False
            if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) or not (statement.args.posonlyargs or statement.args.args):
                continue
            receiver = (statement.args.posonlyargs or statement.args.args)[0].arg
            context = _Context(evaluator, module, statement, classdef, owner, facts)
            for node in ast.walk(statement):
                if not _stores(node, receiver, name):
                    continue
                targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
                value = node.value if targets and all(isinstance(t, ast.Attribute) for t in targets) else None  # type: ignore[union-attr]
                if isinstance(value, ast.Constant) and value.value is None:
                    continue
                if not (isinstance(value, ast.Call) and context._resolve(value.func) in _THREAD_CLASSES):
                    return False
                made = True
    memo[key] = (owner, made)
    return made


def _stores(node: ast.AST, receiver: str, name: str) -> bool:
    """``node`` stores into ``<receiver>.<name>`` in any way (a target, ``setattr`` with the literal name)."""
    targets: list[ast.AST] = []
    if isinstance(node, ast.Assign):
        targets = list(node.targets)
    elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
        targets = [node.target]
    elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
        targets = [node.target]
    elif isinstance(node, ast.withitem) and node.optional_vars is not None:
        targets = [node.optional_vars]
    elif isinstance(node, ast.NamedExpr):
        return False
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("setattr", "delattr") and node.args:
        return isinstance(node.args[0], ast.Name) and node.args[0].id == receiver
    elif isinstance(node, ast.Call):
        return _namespace_call(node, receiver, name) is not None
    elif isinstance(node, ast.Delete):
        targets = list(node.targets)
    if any(isinstance(t, ast.Subscript) and _namespace_of(t.value, receiver) and _may_name(t.slice, name) for target in targets for t in ast.walk(target)):
        return True
    return any(isinstance(t, ast.Attribute) and t.attr == name and isinstance(t.value, ast.Name) and t.value.id == receiver for target in targets for t in ast.walk(target))


def _namespace_of(node: ast.expr, receiver: str) -> bool:
    """``vars(<receiver>)`` or ``<receiver>.__dict__``: the object's attribute namespace."""
    if isinstance(node, ast.Attribute) and node.attr == "__dict__":
        return isinstance(node.value, ast.Name) and node.value.id == receiver
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "vars" and len(node.args) == 1
        and isinstance(node.args[0], ast.Name) and node.args[0].id == receiver
    )


def _may_name(key: ast.expr, name: str) -> bool:
    """A key or attribute-name operand that is ``name``, or computed (it may be any name)."""
    return not isinstance(key, ast.Constant) or key.value == name


def _namespace_call(node: ast.Call, receiver: str, name: str) -> list[ast.expr] | None:
    """The values a call may store into ``<receiver>.<name>`` (None when it is no such store): ``setattr(self, k,
    v)``, ``object.__setattr__(self, k, v)`` / ``Cls.__setattr__(self, k, v)``, ``super().__setattr__(k, v)``,
    ``vars(self).update(...)`` / ``self.__dict__.update(...)`` / ``.setdefault(k, v)`` — with the literal name or
    a computed one (hostile review 10, R10-4)."""
    func = node.func
    args = node.args
    if isinstance(func, ast.Name) and func.id == "setattr" and len(args) == 3:
        target, attribute, value = args
        if isinstance(target, ast.Name) and target.id == receiver and _may_name(attribute, name):
            return [value]
        return None
    if not isinstance(func, ast.Attribute):
        return None
    if func.attr == "__setattr__":
        on_super = isinstance(func.value, ast.Call) and isinstance(func.value.func, ast.Name) and func.value.func.id == "super"
        if on_super and len(args) == 2 and _may_name(args[0], name):
            return [args[1]]
        if not on_super and len(args) == 3 and isinstance(args[0], ast.Name) and args[0].id == receiver and _may_name(args[1], name):
            return [args[2]]
        return None
    if _namespace_of(func.value, receiver):
        if func.attr == "update":
            values = [*args, *(k.value for k in node.keywords if k.arg is None or k.arg == name)]
            return values or None
        if func.attr == "setdefault" and len(args) == 2 and _may_name(args[0], name):
            return [args[1]]
    return None


def _class_ast(facts: ModuleFacts, classdef: cst.ClassDef) -> ast.ClassDef | None:
    qualname = facts.class_qualname(classdef)
    if qualname is None:
        return None
    return class_ast(facts, qualname, _flat)


def _flat(body: list[ast.stmt]) -> list[ast.stmt]:
    """The statements of a block and of its nested ``if``/``try``/``with`` blocks (not function or class bodies)."""
    found: list[ast.stmt] = []
    for statement in body:
        found.append(statement)
        for field in ("body", "orelse", "finalbody", "handlers"):
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                break
            inner = getattr(statement, field, None)
            if isinstance(inner, list):
                for item in inner:
                    found.extend(_flat(item.body) if isinstance(item, ast.ExceptHandler) else _flat([item]))
    return found


def _class_stores(evaluator: Evaluator, classdef: cst.ClassDef, facts: ModuleFacts, name: str, owner: cst.ClassDef, owner_facts: ModuleFacts) -> Held:
    tree = _class_ast(facts, classdef)
    if tree is None:
        return PLAIN
    held = PLAIN
    for statement in _flat(tree.body):
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) and statement.target.id == name:
            # `market: Market` in a dataclass (or any class body): the generated __init__ stores the argument, an
            # instance of the annotated class (review 10, A10-3)
            annotated = _Context(evaluator, facts, None, classdef, owner, owner_facts)
            held = held | annotated.annotated(statement.annotation, statement.lineno, _line(statement))
            factory = _default_factory(statement.value)
            if factory is not None:  # `market: Market = field(default_factory=Market)`: the dataclass __init__ calls it
                context = _Context(evaluator, facts, None, classdef, owner, owner_facts)
                held = held | context.called(factory, None, statement.lineno, f"{name} = field(default_factory={ast.unparse(factory)})")
        if isinstance(statement, (ast.Assign, ast.AnnAssign)) and statement.value is not None and isinstance(statement.value, (ast.Name, ast.Attribute)):
            # `__init__ = _init_market`: a function bound by name in the class body is a method (R10-4)
            held = held | _assigned_method_stores(evaluator, facts, classdef, statement.value, name, owner, owner_facts)
        if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) or not statement.args.args and not statement.args.posonlyargs:
            continue
        held = held | _function_stores(evaluator, facts, statement, classdef, tree.name, name, owner, owner_facts)
    return held


def _function_stores(evaluator: Evaluator, facts: ModuleFacts, function: ast.FunctionDef | ast.AsyncFunctionDef, classdef: cst.ClassDef | None, class_name: str, name: str, owner: cst.ClassDef, owner_facts: ModuleFacts) -> Held:
    """The stores into ``<receiver>.<name>`` in one method: through its first parameter, and through a local bound
    to a new object of the class (``feed = cls(); feed.market = Market()`` in an alternate constructor, A10-1)."""
    receivers = {(function.args.posonlyargs or function.args.args)[0].arg}
    constructors = {*receivers, class_name}
    for node in _own_scope(function):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and _constructs(node.value, constructors):
            receivers.update(t.id for t in node.targets if isinstance(t, ast.Name))
    context = _Context(evaluator, facts, function, classdef, owner, owner_facts)
    held = PLAIN
    for receiver in sorted(receivers):
        for node in ast.walk(function):
            held = held | context.store(node, receiver, name)
    return held


def _constructs(call: ast.Call, constructors: set[str]) -> bool:
    """``cls(...)``, ``Feed(...)``, ``cls.__new__(cls)``, ``object.__new__(cls)``, ``super().__new__(cls)``."""
    func = call.func
    if isinstance(func, ast.Name):
        return func.id in constructors
    return isinstance(func, ast.Attribute) and func.attr == "__new__" and bool(call.args) and isinstance(call.args[0], ast.Name) and call.args[0].id in constructors


def _assigned_method_stores(evaluator: Evaluator, facts: ModuleFacts, classdef: cst.ClassDef, value: ast.expr, name: str, owner: cst.ClassDef, owner_facts: ModuleFacts) -> Held:
    """The stores into ``name`` of a project function bound by assignment in the class body; a value the verifier
    cannot resolve to a function of its own is PLAIN when it is no callable the census knows (a library function
    stores nothing into the object's attributes it knows of: assumption 7)."""
    context = _Context(evaluator, facts, None, classdef, owner, owner_facts)
    callee = context._resolve(value)
    if not isinstance(callee, Function):
        return PLAIN
    try:
        callee_facts, full = callee.facts.recover(callee.node)
        tree = ast.parse(textwrap.dedent(cst.Module(body=[full]).code))
    except Exception:  # noqa: BLE001 - a body that cannot be read back may store anything
        return Held(UNKNOWN, f"line {getattr(value, 'lineno', '?')} ('{ast.unparse(value)}')")
    function = tree.body[0] if tree.body else None
    if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or not (function.args.posonlyargs or function.args.args):
        return PLAIN
    return _function_stores(evaluator, callee_facts.parent or callee_facts, function, classdef, classdef.name.value, name, owner, owner_facts)


def _default_factory(value: ast.expr | None) -> ast.expr | None:
    if not isinstance(value, ast.Call):
        return None
    if call_spelling(value.func) != "field":
        return None
    return next((k.value for k in value.keywords if k.arg == "default_factory"), None)


class _Context:
    """Classifies the expressions of one function (or class body): what a value may be."""

    def __init__(self, evaluator: Evaluator, facts: ModuleFacts, function: ast.FunctionDef | ast.AsyncFunctionDef | None, classdef: cst.ClassDef | None, owner: cst.ClassDef | None, owner_facts: ModuleFacts | None, depth: int = 0, cls_value: ClassValue | None = None) -> None:
        self.evaluator = evaluator
        self.facts = facts
        self.function = function
        self.classdef = classdef
        self.owner = owner
        self.owner_facts = owner_facts
        self.depth = depth
        self.cls_value = cls_value
        self.visiting: set[str] = set()
        params = [*function.args.posonlyargs, *function.args.args, *function.args.kwonlyargs] if function is not None else []
        for extra in (function.args.vararg, function.args.kwarg) if function is not None else ():
            if extra is not None:
                params.append(extra)
        self.params = {a.arg for a in params}
        self.receiver = params[0].arg if params and function is not None and (function.args.posonlyargs or function.args.args) else None
        self.decorators = {ast.unparse(d) for d in function.decorator_list} if function is not None else set()

    # -- stores ------------------------------------------------------------
    def store(self, node: ast.AST, receiver: str, name: str) -> Held:
        """What ``node`` stores into ``<receiver>.<name>``, if it is such a store."""
        if isinstance(node, ast.Assign):
            held = PLAIN
            for target in node.targets:
                held = held | self._target(target, node.value, receiver, name, node)
            return held
        if isinstance(node, (ast.AnnAssign, ast.AugAssign)) and node.value is not None:
            return self._target(node.target, node.value, receiver, name, node)
        if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            if self._hits(node.target, receiver, name):
                return Held(UNKNOWN, self._where(node, "a loop target"))
        if isinstance(node, ast.withitem) and node.optional_vars is not None and self._hits(node.optional_vars, receiver, name):
            return Held(UNKNOWN, self._where(node.context_expr, "a with target"))
        if isinstance(node, ast.Call):
            stored = _namespace_call(node, receiver, name)
            if stored is not None:
                held = PLAIN
                for value in stored:
                    held = held | self.value(value, node.lineno, _line(node))
                return held
        return PLAIN

    def _hits(self, target: ast.AST, receiver: str, name: str) -> bool:
        return any(isinstance(t, ast.Attribute) and t.attr == name and isinstance(t.value, ast.Name) and t.value.id == receiver for t in ast.walk(target))

    def _target(self, target: ast.AST, value: ast.expr, receiver: str, name: str, statement: ast.stmt) -> Held:
        if isinstance(target, ast.Subscript) and _namespace_of(target.value, receiver) and _may_name(target.slice, name):
            return self.value(value, statement.lineno, _line(statement))  # `vars(self)["market"] = Market()` (R10-4)
        if isinstance(target, ast.Attribute):
            if target.attr == name and isinstance(target.value, ast.Name) and target.value.id == receiver:
                return self.value(value, statement.lineno, _line(statement))
            return PLAIN
        if isinstance(target, (ast.Tuple, ast.List)) and self._hits(target, receiver, name):
            if isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(target.elts) and not any(isinstance(e, ast.Starred) for e in (*value.elts, *target.elts)):
                held = PLAIN
                for element_target, element in zip(target.elts, value.elts):
                    held = held | self._target(element_target, element, receiver, name, statement)
                return held
            # `self.market, self.n = pair`: an element of an unpacked value — whatever the value may hold
            return self.value(value, statement.lineno, _line(statement))
        return PLAIN

    def _where(self, node: ast.AST, what: str) -> str:
        return f"line {getattr(node, 'lineno', '?')} ({what})"

    # -- values ------------------------------------------------------------
    def value(self, node: ast.expr, line: int, text: str) -> Held:
        """What the value ``node`` (stored at ``line`` by ``text``) may be."""
        where = f"line {line} ('{text}')"
        if isinstance(node, ast.Constant | ast.JoinedStr | ast.Lambda | ast.Compare):
            return PLAIN
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            held = PLAIN
            for element in node.elts:
                held = held | self.value(element.value if isinstance(element, ast.Starred) else element, line, text)
            return held
        if isinstance(node, ast.Dict):
            held = PLAIN
            for part in (*node.keys, *node.values):
                if part is not None:
                    held = held | self.value(part, line, text)
            return held
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            return self.value(node.elt, line, text)
        if isinstance(node, ast.DictComp):
            return self.value(node.key, line, text) | self.value(node.value, line, text)
        if isinstance(node, ast.BoolOp):
            held = PLAIN
            for operand in node.values:
                held = held | self.value(operand, line, text)
            return held
        if isinstance(node, ast.IfExp):
            return self.value(node.body, line, text) | self.value(node.orelse, line, text)
        if isinstance(node, ast.BinOp):
            return self.value(node.left, line, text) | self.value(node.right, line, text)
        if isinstance(node, ast.UnaryOp):
            return PLAIN if isinstance(node.op, ast.Not) else self.value(node.operand, line, text)
        if isinstance(node, ast.NamedExpr):
            return self.value(node.value, line, text)
        if isinstance(node, ast.Subscript):
            return self.value(node.value, line, text)  # an element of a container the code built
        if isinstance(node, ast.Starred):
            return self.value(node.value, line, text)
        if isinstance(node, ast.Name):
            return self._name(node, line, text, where)
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id == self.receiver and self.owner is not None and self.owner_facts is not None and not self.decorators & {"staticmethod", "classmethod"}:
                # `self.market = self._default`: what the other attribute may hold (its class attribute is judged
                # by the class-body rules where it is read)
                return stored_into(self.evaluator, self.owner, self.owner_facts, node.attr)
            return PLAIN  # an attribute of another object: assumption 4
        if isinstance(node, ast.Call):
            return self.called(node.func, node, line, text)
        if isinstance(node, ast.Await | ast.Yield | ast.YieldFrom):
            return Held(UNKNOWN, where)
        return Held(UNKNOWN, where)

    def _name(self, node: ast.Name, line: int, text: str, where: str) -> Held:
        if node.id == self.receiver and self.owner is not None and self.owner_facts is not None and not self.decorators & {"staticmethod", "classmethod"}:
            # `self.me = self`: the object itself (R8-14's container gap, by attribute)
            from thor_guard.verifier.evaluate import class_dunders

            dunders = class_dunders(self.evaluator, self.owner, self.owner_facts)
            return Held(dunders, where) if dunders else PLAIN
        if self.function is not None and node.id in self._locals():
            if node.id in self.visiting:
                return PLAIN
            self.visiting.add(node.id)
            try:
                held = PLAIN
                for value, value_line, value_text in self._locals()[node.id]:
                    held = held | (self.value(value, value_line, value_text) if value is not None else Held(UNKNOWN, f"line {value_line} ('{value_text}')"))
                return held
            finally:
                self.visiting.discard(node.id)
        if node.id in self.params:
            return self._parameter_default(node.id, line, text)
        value = self._resolve(node)
        return self._of_value(value, where)

    def _parameter_default(self, name: str, line: int, text: str) -> Held:
        """A parameter holds what the caller passes (assumption 4) or its default, evaluated where the ``def`` is."""
        assert self.function is not None
        arguments = self.function.args
        positional = [*arguments.posonlyargs, *arguments.args]
        pairs = list(zip(positional[len(positional) - len(arguments.defaults):], arguments.defaults))
        pairs += [(a, d) for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults) if d is not None]
        held = PLAIN
        every = [*positional, *arguments.kwonlyargs, *(a for a in (arguments.vararg, arguments.kwarg) if a is not None)]
        annotation = next((a.annotation for a in every if a.arg == name and a.annotation is not None), None)
        if annotation is not None:
            # `def __init__(self, market: Market)`: constructor injection of a project object, said by the code
            # itself (review 10, A10-3); the caller may pass an instance of that class
            held = self.annotated(annotation, line, text)
        for parameter, default in pairs:
            if parameter.arg == name:
                outer = _Context(self.evaluator, self.facts, None, self.classdef, self.owner, self.owner_facts, self.depth)
                return held | outer.value(default, line, text)
        return held

    def annotated(self, annotation: ast.expr, line: int, text: str) -> Held:
        """The dunders of the project classes an annotation names (``Market``, ``Market | None``,
        ``Optional["Market"]``, ``list[Market]``: a container of them formats them too)."""
        where = f"line {line} ('{text}', annotated '{ast.unparse(annotation)}')"
        from thor_guard.verifier.evaluate import class_dunders

        held = PLAIN
        for node in ast.walk(annotation):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                try:
                    inner = ast.parse(node.value, mode="eval").body
                except SyntaxError:
                    continue
                held = held | self.annotated(inner, line, text)
            elif isinstance(node, (ast.Name, ast.Attribute)):
                value = self._resolve(node)
                if isinstance(value, ClassValue):
                    dunders = class_dunders(self.evaluator, value.node, value.facts or self.facts)
                    if dunders:
                        held = held | Held(dunders, where)
        return held

    def _locals(self) -> dict[str, list[tuple[ast.expr | None, int, str]]]:
        cached = getattr(self, "_local_values", None)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        found: dict[str, list[tuple[ast.expr | None, int, str]]] = {}
        assert self.function is not None
        for node in _own_scope(self.function):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    _bind(found, target, node.value, node)
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and node.value is not None:
                _bind(found, node.target, node.value, node)
            elif isinstance(node, ast.NamedExpr):
                _bind(found, node.target, node.value, node)
            elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
                _bind(found, node.target, ast.Subscript(value=node.iter, slice=ast.Constant(0)), node)
            elif isinstance(node, ast.withitem) and node.optional_vars is not None:
                _bind(found, node.optional_vars, None, node)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    found.setdefault((alias.asname or alias.name).split(".")[0], []).append((ast.Constant(None), node.lineno, "import"))
        self._local_values = found
        return found

    def _resolve(self, node: ast.expr) -> object:
        """The value of a module-level name or dotted callee, through the verifier's proven bindings."""
        from thor_guard.verifier.evaluate import EvalError, Evaluator, Trace

        try:
            expression = cst.parse_expression(ast.unparse(node))
        except (cst.ParserSyntaxError, ValueError):
            return UNTRUSTED
        probe = Evaluator(self.facts, self.evaluator.analysis, {}, Trace(), depth=self.evaluator.depth + 1)
        probe.callee_depth = 1
        try:
            return probe.evaluate(expression)
        except EvalError:
            return UNTRUSTED
        except Exception:  # noqa: BLE001 - a resolution the evaluator cannot do is "may be anything", never a crash
            return UNTRUSTED

    def _self_method(self, func: ast.Attribute) -> object:
        """``self.make`` in a method: the method the object's class finds (its MRO), or UNTRUSTED."""
        from thor_guard.verifier.evaluate import EvalError, Evaluator, Trace, instance_of

        if self.owner is None or self.owner_facts is None or self.decorators & {"staticmethod", "classmethod"}:
            return UNTRUSTED
        probe = Evaluator(self.owner_facts, self.evaluator.analysis, {}, Trace(), depth=self.evaluator.depth + 1)
        try:
            instance = instance_of(probe, self.owner, self.owner_facts, "self")
            found = probe.instance_member(instance, func.attr, cst.Name(func.attr))
        except EvalError:
            return UNTRUSTED
        except Exception:  # noqa: BLE001 - see _resolve
            return UNTRUSTED
        return found if isinstance(found, Function) else UNTRUSTED

    def _of_value(self, value: object, where: str) -> Held:
        if isinstance(value, Instance):
            return Held(value.dunders, where) if value.dunders else PLAIN
        if value is UNTRUSTED:
            return Held(UNKNOWN, where)
        if isinstance(value, ClassValue) and self.evaluator.metaclass_problem(value) is not None:
            # a class whose metaclass is a project class: formatting or testing it runs the metaclass's dunders
            # (review 10, R10-5), as docs/check.md says for a class read anywhere else
            return Held(UNKNOWN, where)
        return PLAIN  # a class, function, module, builtin or literal: its own dunders are library or built in

    def called(self, func: ast.expr, call: ast.Call | None, line: int, text: str) -> Held:
        """What calling ``func`` (with the arguments of ``call``) may return."""
        from thor_guard.verifier.evaluate import class_dunders

        where = f"line {line} ('{text}')"
        arguments = [*(call.args if call is not None else ()), *(k.value for k in call.keywords)] if call is not None else []
        if isinstance(func, ast.Attribute) and func.attr in ASSUMED_PURE_METHODS | BUILTIN_PURE_METHODS:
            receiver = self.value(func.value, line, text)
            if func.attr in ("get", "pop", "setdefault", "copy", "values", "items"):
                return receiver  # an element of a container the code built
            return PLAIN  # str methods: a str
        if isinstance(func, ast.Name) and func.id == "super":
            return Held(UNKNOWN, where)
        if isinstance(func, ast.Name) and self.function is not None and (func.id in self._locals() or func.id in self.params):
            if func.id == "cls" and self.cls_value is not None and func.id in self.params:
                dunders = class_dunders(self.evaluator, self.cls_value.node, self.cls_value.facts or self.facts)
                return Held(dunders, where) if dunders else PLAIN
            if func.id in self.params and "classmethod" in self.decorators and self.receiver == func.id and self.classdef is not None:
                dunders = class_dunders(self.evaluator, self.classdef, self.facts)
                return Held(dunders, where) if dunders else PLAIN
            return Held(UNKNOWN, where)  # a callable the caller passed or the function computed
        callee = self._self_method(func) if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == self.receiver else self._resolve(func)
        if isinstance(callee, ClassValue):
            dunders = class_dunders(self.evaluator, callee.node, callee.facts or self.facts)
            return Held(dunders, where) if dunders else PLAIN
        if isinstance(callee, Builtin):
            held = PLAIN
            for position, argument in enumerate(arguments):
                if callee.name in _CONTAINER_BUILTINS:
                    held = held | self.value(argument, line, text)
                if position == 0 and (callee.name == "map" or (callee.name == "iter" and len(arguments) == 2)):
                    held = held | self._results_of(argument, line, text, where)  # the callable whose results it gives
            return held
        if isinstance(callee, Module):
            # a library function or class (assumption 7): its result is its own object, unless it hands back a
            # project object or class it was given (`copy.copy(self.market)`, `functools.partial(Market)()`)
            held = PLAIN
            for argument in arguments:
                held = held | self.value(argument, line, text)
                if isinstance(self._resolve(argument) if isinstance(argument, (ast.Name, ast.Attribute)) else None, (ClassValue, Function)):
                    held = held | Held(UNKNOWN, where)
            return held
        if isinstance(callee, Function):
            return self._returns(callee, func, where)
        return Held(UNKNOWN, where)  # an unproven call: its result may be a project object

    def _results_of(self, argument: ast.expr, line: int, text: str, where: str) -> Held:
        """What calling ``argument`` — a callable handed to ``map``/``iter`` — may give: a project class's objects, a
        project function's return values, a lambda's body (``list(map(Market, codes))``: hostile review 19, H1)."""
        from thor_guard.verifier.evaluate import class_dunders

        if isinstance(argument, ast.Lambda):
            return self.value(argument.body, line, text)
        if not isinstance(argument, (ast.Name, ast.Attribute)):
            return PLAIN if isinstance(argument, ast.Constant) else Held(UNKNOWN, where)
        resolved = self._resolve(argument)
        if isinstance(resolved, ClassValue):
            dunders = class_dunders(self.evaluator, resolved.node, resolved.facts or self.facts)
            return Held(dunders, where) if dunders else PLAIN
        if isinstance(resolved, Function):
            return self._returns(resolved, argument, where)
        if isinstance(resolved, Builtin):
            return PLAIN  # `map(str, codes)`: built-in results
        return Held(UNKNOWN, where)  # a callable not known here (a parameter, a library object)

    def _returns(self, callee: Function, func: ast.expr, where: str) -> Held:
        """What the project function ``callee`` may return (its ``return`` values, followed ``MAX_DEPTH`` deep)."""
        if self.depth >= MAX_DEPTH:
            return Held(UNKNOWN, where)
        try:
            facts, full = callee.facts.recover(callee.node)
            source = textwrap.dedent(cst.Module(body=[full]).code)
            tree = ast.parse(source)
        except Exception:  # noqa: BLE001 - a body that cannot be read back may return anything
            return Held(UNKNOWN, where)
        function = tree.body[0] if tree.body else None
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return Held(UNKNOWN, where)
        if isinstance(function, ast.AsyncFunctionDef) or any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in _own_scope(function)):
            return PLAIN  # a coroutine or generator object: built-in dunders
        cls_value = None
        if isinstance(func, ast.Attribute):
            owner = self._resolve(func.value)
            cls_value = owner if isinstance(owner, ClassValue) else None
        if cls_value is None and callee.owner is not None:
            cls_value = ClassValue(callee.owner, callee.facts)
        owner, owner_facts = None, None
        if callee.bound:  # `self.make()`: the same object; `feed.make()` on a known instance: that object
            receiver = callee.receiver
            owner, owner_facts = (receiver.cls, receiver.cls_facts) if isinstance(receiver, Instance) and receiver.cls is not None else (self.owner, self.owner_facts)
        inner = _Context(self.evaluator, facts.parent or facts, function, callee.owner, owner, owner_facts, self.depth + 1, cls_value)
        held = PLAIN
        for node in _own_scope(function):
            if isinstance(node, ast.Return) and node.value is not None:
                held = held | inner.value(node.value, node.lineno, _line(node))
        return Held(held.dunders, where + (f", which may return a project object ({held.where})" if held.where else "")) if held.dunders else PLAIN


def _bind(found: dict[str, list[tuple[ast.expr | None, int, str]]], target: ast.AST, value: ast.expr | None, statement: ast.AST) -> None:
    line = getattr(statement, "lineno", 0)
    text = _line(statement) if isinstance(statement, ast.stmt) else ast.unparse(statement)[:60]
    if isinstance(target, ast.Name):
        found.setdefault(target.id, []).append((value, line, text))
    elif isinstance(target, (ast.Tuple, ast.List)):
        if isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(target.elts) and not any(isinstance(e, ast.Starred) for e in (*value.elts, *target.elts)):
            for element_target, element in zip(target.elts, value.elts):
                _bind(found, element_target, element, statement)
        else:
            for element_target in target.elts:
                _bind(found, element_target.value if isinstance(element_target, ast.Starred) else element_target, value, statement)


def _own_scope(function: ast.AST) -> list[ast.AST]:
    """The nodes of a function body, not those of nested functions, classes or lambdas."""
    found: list[ast.AST] = []
    stack = list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        found.append(node)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        stack.extend(ast.iter_child_nodes(node))
    return found


def _line(statement: ast.AST) -> str:
    text = ast.unparse(statement).splitlines()[0] if statement is not None else ""
    return text if len(text) <= 60 else text[:57] + "..."
