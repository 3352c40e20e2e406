"""Abstract evaluation of the small expression language a scheduler-mode guard is written in.

Expressions are evaluated to concrete Python values under one environment
(the mode variable set to one value, or unset; every other variable unset).
What the evaluator cannot know but may read without side effects
(``self.disabled``, a parameter) becomes :data:`OPAQUE`; what it cannot
evaluate raises :class:`Unsupported`; where the real code would raise
(``os.environ[...]`` of an unset variable, ``None.lower()``) it raises
:class:`Crash`. Every environment read is recorded in a :class:`Trace` so the
caller knows which variables a condition depends on.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Literal, Union

import libcst as cst

from thor_guard.verifier.context import Helper, HelperError, VerifierContext, make_helper, make_method_helper
from thor_guard.verifier.facts import ModuleFacts, code_of

ENV_GET = "os.environ.get"
GETENV = "os.getenv"
ENVIRON = "os.environ"
STRING_METHODS: dict[str, Callable[[str], str]] = {
    "lower": str.lower,
    "casefold": str.casefold,
    "upper": str.upper,
    "strip": str.strip,
}
LOG_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical", "log"})
MAX_HELPER_DEPTH = 8


class _Opaque:
    """A value the verifier cannot know but that was read without side effects."""

    _instance: _Opaque | None = None

    def __new__(cls) -> _Opaque:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "OPAQUE"

    def __bool__(self) -> bool:
        raise TypeError("the truth of an opaque value is unknown; fork instead")


OPAQUE = _Opaque()


@dataclass(frozen=True)
class _Marker:
    """``os.environ``, ``os.environ.get`` or ``os.getenv`` as a value, usable only by subscript or call."""

    name: str


@dataclass(frozen=True)
class _BoundMethod:
    value: object
    attribute: str


Value = Union[str, bytes, int, float, bool, None, tuple, frozenset, _Opaque, _Marker, _BoundMethod]


class EvalError(Exception):
    def __init__(self, node: cst.CSTNode, reason: str) -> None:
        super().__init__(reason)
        self.node = node
        self.reason = reason


class Crash(EvalError):
    """The real code raises here (KeyError for an unset ``os.environ[...]``, AttributeError on None)."""


class Unsupported(EvalError):
    """The verifier cannot evaluate this expression."""


class UnknownCall(Unsupported):
    """A call the verifier cannot see through; it may have side effects."""


ReadKind = Literal["get", "getenv", "subscript"]


@dataclass(frozen=True)
class EnvRead:
    """One read of an environment variable: which one, where, how, and with which default."""

    variable: str
    node: cst.CSTNode
    kind: ReadKind
    has_default: bool
    default: object = None


@dataclass(frozen=True)
class Bound:
    """A local assigned in the function prefix, with the environment reads its value depends on."""

    value: object
    reads: tuple[EnvRead, ...] = ()


@dataclass
class Trace:
    reads: list[EnvRead] = field(default_factory=list)
    helpers: list[str] = field(default_factory=list)


_COMPARE: dict[type, Callable[[object, object], object]] = {
    cst.Equal: operator.eq,
    cst.NotEqual: operator.ne,
    cst.In: lambda a, b: operator.contains(b, a),  # type: ignore[arg-type]
    cst.NotIn: lambda a, b: not operator.contains(b, a),  # type: ignore[arg-type]
    cst.Is: operator.is_,
    cst.IsNot: operator.is_not,
    cst.LessThan: operator.lt,
    cst.LessThanEqual: operator.le,
    cst.GreaterThan: operator.gt,
    cst.GreaterThanEqual: operator.ge,
}


class Evaluator:
    """Evaluate expressions of one module under one environment value (``None`` = unset)."""

    def __init__(
        self,
        facts: ModuleFacts,
        context: VerifierContext,
        env_value: str | None,
        local_values: MutableMapping[str, Bound],
        trace: Trace,
        depth: int = 0,
        owner: cst.ClassDef | None = None,
        receiver: str | None = None,
    ) -> None:
        self.facts = facts
        self.context = context
        self.env_value = env_value
        self.locals = local_values
        self.trace = trace
        self.depth = depth
        self.owner = owner
        """The class of the method being evaluated, so ``self.helper()`` can be followed."""
        self.receiver = receiver
        """The method's ``self``/``cls`` parameter name (None for plain functions and staticmethods)."""

    # -- entry -------------------------------------------------------------
    def evaluate(self, node: cst.BaseExpression) -> object:
        method = getattr(self, f"_eval_{type(node).__name__}", None)
        if method is None:
            raise Unsupported(node, f"'{code_of(node)}' ({type(node).__name__}) is not understood")
        return method(node)

    # -- literals ----------------------------------------------------------
    def _eval_SimpleString(self, node: cst.SimpleString) -> object:
        return node.evaluated_value

    def _eval_ConcatenatedString(self, node: cst.ConcatenatedString) -> object:
        value = node.evaluated_value
        if value is None:
            raise Unsupported(node, "a formatted string is not understood")
        return value

    def _eval_Integer(self, node: cst.Integer) -> object:
        return node.evaluated_value

    def _eval_Float(self, node: cst.Float) -> object:
        return node.evaluated_value

    def _elements(self, node: cst.Tuple | cst.List | cst.Set) -> list[object] | _Opaque:
        values: list[object] = []
        for element in node.elements:
            if not isinstance(element, cst.Element):
                raise Unsupported(element, "starred elements are not understood")
            values.append(self.evaluate(element.value))
        return OPAQUE if any(v is OPAQUE for v in values) else values

    def _eval_Tuple(self, node: cst.Tuple) -> object:
        values = self._elements(node)
        return values if values is OPAQUE else tuple(values)  # type: ignore[arg-type]

    def _eval_List(self, node: cst.List) -> object:
        return self._eval_Tuple(node)  # type: ignore[arg-type]

    def _eval_Set(self, node: cst.Set) -> object:
        values = self._elements(node)
        if values is OPAQUE:
            return OPAQUE
        try:
            return frozenset(values)  # type: ignore[arg-type]
        except TypeError as exc:
            raise Crash(node, f"unhashable set element: {exc}") from exc

    # -- names -------------------------------------------------------------
    def _eval_Name(self, node: cst.Name) -> object:
        if node.value in ("True", "False", "None"):
            return {"True": True, "False": False, "None": None}[node.value]
        if node.value in self.locals:
            bound = self.locals[node.value]
            self.trace.reads.extend(bound.reads)
            return bound.value
        marker = self._os_marker(node)
        if marker is not None:
            return marker
        expression = self._module_constant(node)
        if expression is not None:
            return Evaluator(self.facts, self.context, self.env_value, {}, self.trace, self.depth + 1).evaluate(expression)
        return self._project_constant(node)

    def _project_constant(self, node: cst.Name | cst.Attribute) -> object:
        """A module-level name of another project module (``from pkg.settings import MODE_VAR``), else OPAQUE."""
        if self.depth >= MAX_HELPER_DEPTH:
            return OPAQUE
        for name in sorted(self.facts.qualified_names(node)):
            if "." not in name:
                continue
            try:
                found = self.context.resolver.find_constant(name)
            except HelperError as exc:
                raise Unsupported(node, str(exc)) from exc
            if found is not None:
                facts, expression = found
                return Evaluator(facts, self.context, self.env_value, {}, self.trace, self.depth + 1).evaluate(expression)
        return OPAQUE

    def _module_constant(self, node: cst.Name) -> cst.BaseExpression | None:
        """The value expression of a module-level name bound exactly once (``ENV_VAR = "..."``)."""
        if self.depth > MAX_HELPER_DEPTH or not self.facts.is_module_global(node):
            return None
        scope = self.facts.scope(node)
        if scope is None or len(scope[node.value]) != 1:
            return None
        return self.facts.module_value(node.value)

    def _os_marker(self, node: cst.CSTNode) -> _Marker | None:
        names = self.facts.qualified_names(node)
        for name in (ENV_GET, GETENV, ENVIRON):
            if name in names:
                return _Marker(name)
        return None

    def _eval_Attribute(self, node: cst.Attribute) -> object:
        marker = self._os_marker(node)
        if marker is not None:
            return marker
        value = self.evaluate(node.value)
        if value is OPAQUE and isinstance(node.value, (cst.Name, cst.Attribute)):
            return self._project_constant(node)
        if isinstance(value, _Marker):
            raise Unsupported(node, f"'{code_of(node)}' is not understood")
        if value is OPAQUE:
            return OPAQUE
        return _BoundMethod(value, node.attr.value)

    # -- operators ---------------------------------------------------------
    def _eval_UnaryOperation(self, node: cst.UnaryOperation) -> object:
        if not isinstance(node.operator, cst.Not):
            raise Unsupported(node, f"operator '{code_of(node.operator)}' is not understood")
        value = self.evaluate(node.expression)
        return OPAQUE if value is OPAQUE else not value

    def _eval_BooleanOperation(self, node: cst.BooleanOperation) -> object:
        left = self.evaluate(node.left)
        is_and = isinstance(node.operator, cst.And)
        if left is OPAQUE:
            self.evaluate(node.right)
            return OPAQUE
        if bool(left) != is_and:  # `a or b` with truthy a, `a and b` with falsy a
            return left
        return self.evaluate(node.right)

    def _eval_Comparison(self, node: cst.Comparison) -> object:
        left = self.evaluate(node.left)
        result: object = True
        for target in node.comparisons:
            right = self.evaluate(target.comparator)
            compare = _COMPARE.get(type(target.operator))
            if compare is None:
                raise Unsupported(target, f"comparison '{code_of(target.operator)}' is not understood")
            if left is OPAQUE or right is OPAQUE:
                result = OPAQUE
            elif result is not OPAQUE:
                try:
                    outcome = compare(left, right)
                except TypeError as exc:
                    raise Crash(node, f"'{code_of(node)}' raises TypeError ({exc})") from exc
                if not outcome:
                    return False
            left = right
        return result

    def _eval_IfExp(self, node: cst.IfExp) -> object:
        test = self.evaluate(node.test)
        if test is OPAQUE:
            self.evaluate(node.body)
            self.evaluate(node.orelse)
            return OPAQUE
        return self.evaluate(node.body if test else node.orelse)

    def _eval_NamedExpr(self, node: cst.NamedExpr) -> object:
        if not isinstance(node.target, cst.Name):
            raise Unsupported(node, "assignment expression to a non-name")
        before = len(self.trace.reads)
        value = self.evaluate(node.value)
        self.locals[node.target.value] = Bound(value, tuple(self.trace.reads[before:]))
        return value

    # -- environment reads, helpers and method calls -------------------------
    def _eval_Subscript(self, node: cst.Subscript) -> object:
        container = self.evaluate(node.value)
        if container == _Marker(ENVIRON):
            if len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
                raise Unsupported(node, "os.environ with a slice is not understood")
            variable = self._variable_name(node.slice[0].slice.value)
            self.trace.reads.append(EnvRead(variable, node, "subscript", has_default=False))
            value = self._read(variable)
            if value is None:
                raise Crash(node, f"os.environ[{variable!r}] raises KeyError when {variable} is unset")
            return value
        if container is OPAQUE:
            return OPAQUE
        raise Unsupported(node, f"subscript '{code_of(node)}' is not understood")

    def _variable_name(self, node: cst.BaseExpression) -> str:
        value = self.evaluate(node)
        if not isinstance(value, str):
            raise Unsupported(node, f"the variable name '{code_of(node)}' is not a known string")
        return value

    def _read(self, variable: str) -> str | None:
        return self.env_value if variable == self.context.env_var else None

    def _eval_Call(self, node: cst.Call) -> object:
        names = self.facts.qualified_names(node.func)
        configured = sorted(names & self.context.resolver.configured)
        try:
            helper = self._helper(node)
            if helper is not None:
                if node.args:
                    raise Unsupported(node, f"guard helper '{helper.qualified_name}' called with arguments")
                if self.depth >= MAX_HELPER_DEPTH:
                    raise Unsupported(node, f"guard helper '{helper.qualified_name}' nests too deeply")
                self.trace.helpers.append(helper.qualified_name)
                inner = Evaluator(helper.facts, self.context, self.env_value, {}, self.trace, self.depth + 1, helper.owner, helper.receiver)
                return inner.evaluate(helper.expression)
        except Unsupported:
            if not configured or node.args:
                raise
        if configured:
            return self._trusted_helper(node, configured[0])
        if "logging.getLogger" in names:
            return OPAQUE
        if isinstance(node.func, cst.Name):
            function = self._os_marker(node.func) or self._name_callee(node.func)
        else:
            function = self.evaluate(node.func)
        if function == _Marker(ENV_GET) or function == _Marker(GETENV):
            return self._env_call(node, "get" if function == _Marker(ENV_GET) else "getenv")
        if isinstance(function, _BoundMethod):
            return self._method_call(node, function)
        raise UnknownCall(node, f"'{code_of(node.func)}()' is not a known guard helper")

    def _trusted_helper(self, node: cst.Call, name: str) -> bool:
        """A helper listed in ``guard-helpers`` that cannot be analysed is taken at its word.

        The configuration declares it returns "heartbeat mode is active": True
        unless the mode variable holds the legacy value (in any case).
        """
        if node.args:
            raise Unsupported(node, f"guard helper '{name}' called with arguments")
        variable = self.context.env_var
        self.trace.reads.append(EnvRead(variable, node, "get", has_default=True, default=self.context.heartbeat_value))
        self.trace.helpers.append(name)
        value = self._read(variable)
        return value is None or value.lower() != self.context.legacy_value.lower()

    def _name_callee(self, func: cst.Name) -> object:
        if func.value in self.locals:
            return self.locals[func.value].value
        return OPAQUE

    def _env_call(self, node: cst.Call, kind: ReadKind) -> object:
        positional = [a for a in node.args if a.keyword is None and not a.star]
        keywords = {a.keyword.value: a for a in node.args if a.keyword is not None}
        if len(positional) + len(keywords) != len(node.args) or not positional or len(positional) > 2:
            raise Unsupported(node, f"'{code_of(node)}' has arguments the verifier does not understand")
        if set(keywords) - {"default"} or (len(positional) == 2 and keywords):
            raise Unsupported(node, f"'{code_of(node)}' has arguments the verifier does not understand")
        variable = self._variable_name(positional[0].value)
        default_node = positional[1].value if len(positional) == 2 else (keywords["default"].value if keywords else None)
        default = self.evaluate(default_node) if default_node is not None else None
        self.trace.reads.append(EnvRead(variable, node, kind, has_default=default_node is not None, default=default))
        value = self._read(variable)
        return default if value is None else value

    def _method_call(self, node: cst.Call, method: _BoundMethod) -> object:
        if method.value is None:
            raise Crash(node, f"'{code_of(node)}' raises AttributeError when the variable is unset (None has no .{method.attribute}())")
        if isinstance(method.value, str) and method.attribute in STRING_METHODS:
            if node.args:
                raise Unsupported(node, f"str.{method.attribute}() with arguments is not understood")
            return STRING_METHODS[method.attribute](method.value)
        if isinstance(method.value, (_Marker, _BoundMethod)):
            raise UnknownCall(node, f"'{code_of(node.func)}()' is not understood")
        if isinstance(method.value, str):
            raise Unsupported(node, f"str.{method.attribute}() is not understood (use ==, in, .lower())")
        raise UnknownCall(node, f"'{code_of(node.func)}()' is not understood")

    def _method_helper(self, node: cst.Call) -> Helper | None:
        """``self.helper()`` / ``cls.helper()`` / ``Owner.helper()`` where ``helper`` is defined in the same class.

        The class's own definition is used; an override in a subclass is not
        seen (documented in docs/check.md).
        """
        func = node.func
        if self.owner is None or not isinstance(func, cst.Attribute) or not isinstance(func.value, cst.Name):
            return None
        receiver = func.value.value
        if receiver in self.locals or receiver not in {self.receiver, self.owner.name.value}:
            return None
        method = _class_method(self.owner, func.attr.value)
        if method is None:
            return None
        dotted = f"{self.facts.name}.{self.owner.name.value}.{method.name.value}"
        try:
            return make_method_helper(dotted, method, self.owner, self.facts)
        except HelperError as exc:
            raise Unsupported(node, str(exc)) from exc

    def _helper(self, node: cst.Call) -> Helper | None:
        """Resolve ``node.func`` to a guard helper: configured, same module, or another project module."""
        method = self._method_helper(node)
        if method is not None:
            return method
        resolver = self.context.resolver
        try:
            func = node.func
            if isinstance(func, cst.Name) and func.value not in self.locals and self.facts.is_module_global(func):
                function = self.facts.module_function(func.value)
                scope = self.facts.scope(func)
                if function is not None and scope is not None and len(scope[func.value]) == 1:
                    return make_helper(f"{self.facts.name}.{func.value}", function, self.facts)
            for name in sorted(self.facts.qualified_names(func)):
                if "." in name:
                    helper = resolver.find(name)
                    if helper is not None:
                        return helper
        except HelperError as exc:
            raise Unsupported(node, str(exc)) from exc
        return None


def _class_method(owner: cst.ClassDef, name: str) -> cst.FunctionDef | None:
    body = owner.body.body if isinstance(owner.body, cst.IndentedBlock) else ()
    found = [s for s in body if isinstance(s, cst.FunctionDef) and s.name.value == name]
    return found[0] if len(found) == 1 else None


def is_logging_call(node: cst.Call, facts: ModuleFacts, local_names: MutableMapping[str, Bound]) -> bool:
    """True for ``logger.info(...)`` on a module logger or the ``logging`` module itself."""
    func = node.func
    if not isinstance(func, cst.Attribute) or func.attr.value not in LOG_METHODS:
        return False
    receiver = func.value
    names = facts.qualified_names(receiver)
    if "logging" in names:
        return True
    if isinstance(receiver, cst.Call) and "logging.getLogger" in facts.qualified_names(receiver.func):
        return True
    if isinstance(receiver, cst.Name) and receiver.value not in local_names:
        return receiver.value in facts.module_loggers and facts.is_module_global(receiver)
    return False
