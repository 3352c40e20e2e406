"""Evaluate one expression under one value of the mode variable, effect by default.

Every expression Python evaluates is a possible side effect unless it lies in
the pure fragment (:mod:`thor_guard.verifier.effects`). The evaluator returns
a value (:mod:`thor_guard.verifier.values`) or raises:

- :class:`Effect` — the expression may have a side effect (an unknown call, a
  write to the environment, ``await`` of something unknown…); its message
  names the expression;
- :class:`Unsupported` — pure as far as the verifier can tell, but it cannot
  evaluate it well enough to prove anything (a binding it cannot prove, a
  decorated helper, a recursive helper): the caller answers TG009;
- :class:`Crash` — the real code raises here by accident (``KeyError`` of an
  unset ``os.environ[...]``, ``None.lower()``);
- :class:`Raises` — every path of a called helper raises deliberately.

Other environment variables are *unknown* (:data:`~thor_guard.verifier.values.OPAQUE`),
not unset. Every environment read is recorded in a :class:`Trace`.
"""

from __future__ import annotations

import builtins
import operator
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import libcst as cst
from libcst.metadata import BuiltinScope, ComprehensionScope, FunctionScope, GlobalScope

from thor_guard.verifier.effects import (
    ASSUMED_PURE_METHODS,
    CACHE_DECORATORS,
    CONTEXT_MANAGER_DECORATORS,
    REGISTRATION_DECORATORS,
    ENV_READ_METHODS,
    ENV_WRITE_METHODS,
    LOG_METHODS,
    PURE_BUILTINS,
    TRANSPARENT_BUILTIN_DECORATORS,
)
from thor_guard.verifier.facts import ModuleFacts, code_of
from thor_guard.verifier.values import (
    ENV_GET,
    ENVIRON,
    GETENV,
    MODE_DERIVED,
    OPAQUE,
    BoundMethod,
    Builtin,
    ClassValue,
    Coroutine,
    Function,
    Logger,
    Marker,
    Module,
    is_concrete,
    mode_compare,
    mode_method,
    tainted,
)

if TYPE_CHECKING:
    from thor_guard.verifier.context import VerifierContext
    from thor_guard.verifier.paths import CallAnalysis

MAX_HELPER_DEPTH = 8
"""Nested project calls the interprocedural walk follows before answering TG009."""
MAX_HELPER_STATEMENTS = 60
"""Statements (counted recursively) a called project function may have; larger ones are not walked (TG009 or effect)."""


class EvalError(Exception):
    def __init__(self, node: cst.CSTNode, reason: str) -> None:
        super().__init__(reason)
        self.node = node
        self.reason = reason


class Crash(EvalError):
    """The real code raises here (KeyError for an unset ``os.environ[...]``, AttributeError on None)."""

    def __init__(self, node: cst.CSTNode, reason: str, exception: str = "Exception") -> None:
        super().__init__(node, reason)
        self.exception = exception


class Unsupported(EvalError):
    """The verifier cannot evaluate this expression well enough to prove anything.

    ``category`` says why: ``binding`` (a name whose bindings are not proven), ``helper`` (a project function the
    verifier cannot see into) or ``construct`` (something outside the verifier's language).
    """

    def __init__(self, node: cst.CSTNode, reason: str, category: str = "construct") -> None:
        super().__init__(node, reason)
        self.category = category


class Effect(EvalError):
    """The expression may have a side effect."""


UnknownCall = Effect
"""Old name of :class:`Effect` (kept for callers of v1)."""


class Raises(EvalError):
    """The expression always raises on purpose (a helper whose every path ends in ``raise``)."""


ReadKind = Literal["get", "getenv", "subscript", "contains", "environ"]


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
    """A local of the walked function, with the environment reads its value depends on."""

    value: object
    reads: tuple[EnvRead, ...] = ()


@dataclass
class Trace:
    reads: list[EnvRead] = field(default_factory=list)
    helpers: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """Why a value became unknown although it matters (an unproven binding…), for TG009 messages."""
    assumptions: set[str] = field(default_factory=set)


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
_BINARY: dict[type, Callable[[object, object], object]] = {
    cst.Add: operator.add,
    cst.Subtract: operator.sub,
    cst.Multiply: operator.mul,
    cst.Modulo: operator.mod,
    cst.FloorDivide: operator.floordiv,
    cst.Divide: operator.truediv,
    cst.BitOr: operator.or_,
    cst.BitAnd: operator.and_,
}


_OPERATOR_NAMES: dict[type, str] = {cst.Equal: "==", cst.NotEqual: "!=", cst.In: "in", cst.NotIn: "not in", cst.Is: "is", cst.IsNot: "is not"}


class Evaluator:
    """Evaluate expressions of one module under one mode value (``None`` = unset)."""

    def __init__(
        self,
        facts: ModuleFacts,
        analysis: CallAnalysis,
        local_values: MutableMapping[str, Bound],
        trace: Trace,
        *,
        depth: int = 0,
        owner: cst.ClassDef | None = None,
        receiver: str | None = None,
        function_scope: object = None,
        globals_declared: frozenset[str] = frozenset(),
    ) -> None:
        self.facts = facts
        self.analysis = analysis
        self.context: VerifierContext = analysis.context
        self.env_value = analysis.env_value
        self.strict = analysis.context.strict
        self.locals = local_values
        self.trace = trace
        self.depth = depth
        self.owner = owner
        self.receiver = receiver
        self.function_scope = function_scope
        self.globals_declared = globals_declared
        self.callee_depth = 0
        self.elements_tainted = False
        """Set by ``_elements``: an element that is not concrete was computed from the mode variable."""
        """Above 0 while evaluating the callee of a call (``os.environ.get`` in ``os.environ.get(...)``)."""

    def child(self, local_values: MutableMapping[str, Bound]) -> Evaluator:
        return Evaluator(
            self.facts, self.analysis, local_values, self.trace, depth=self.depth, owner=self.owner,
            receiver=self.receiver, function_scope=self.function_scope, globals_declared=self.globals_declared,
        )

    def module_evaluator(self, facts: ModuleFacts) -> Evaluator:
        return Evaluator(facts, self.analysis, {}, self.trace, depth=self.depth + 1)

    def assume(self, node: cst.CSTNode, what: str) -> None:
        """Use a stated assumption, or (strict mode) refuse it as a possible effect."""
        if self.strict:
            raise Effect(node, f"'{code_of(node)}' {what} (strict mode assumes nothing about it)")
        self.trace.assumptions.add(what)

    # -- entry -------------------------------------------------------------
    def evaluate(self, node: cst.BaseExpression) -> object:
        method = getattr(self, f"_eval_{type(node).__name__}", None)
        if method is None:
            raise Effect(node, f"'{code_of(node)}' ({type(node).__name__}) is outside the pure fragment")
        return method(node)

    def truth(self, value: object, node: cst.CSTNode) -> object:
        """``bool(value)``, or OPAQUE when unknown; a value of unknown type uses the dunder assumption."""
        if value is OPAQUE:
            self.assume(node, "tests the truth of a value of unknown type")
            return OPAQUE
        if value is MODE_DERIVED:
            raise Unsupported(node, f"'{code_of(node)}' tests {self.context.env_var} through an operation the value table cannot decide (only equality of the value, its .lower()/.upper()/.casefold()/.strip(), with known strings is); some value may run neither or both worlds", "world")
        if isinstance(value, (Marker, Module, Logger, Builtin, Function, ClassValue, BoundMethod, Coroutine)):
            if value == Marker(ENVIRON):
                return OPAQUE if self.env_value is None else True  # other variables are unknown
            return True
        return bool(value)

    # -- literals ----------------------------------------------------------
    def _eval_SimpleString(self, node: cst.SimpleString) -> object:
        return node.evaluated_value

    def _eval_ConcatenatedString(self, node: cst.ConcatenatedString) -> object:
        left = self.evaluate(node.left)
        right = self.evaluate(node.right)
        if isinstance(left, (str, bytes)) and type(left) is type(right):
            return left + right  # type: ignore[operator]
        return OPAQUE

    def _eval_FormattedString(self, node: cst.FormattedString) -> object:
        parts: list[str] = []
        known = True
        mode_part = False
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                parts.append(part.value)
                continue
            assert isinstance(part, cst.FormattedStringExpression)
            value = self.evaluate(part.expression)
            mode_part = mode_part or tainted(value)
            if part.format_spec:
                self.trace.assumptions.add("may raise")  # an unknown format code
                for spec in part.format_spec:
                    if isinstance(spec, cst.FormattedStringExpression):
                        self.evaluate(spec.expression)
            if isinstance(value, str) and part.conversion is None and not part.format_spec:
                parts.append(value)
            else:
                if not is_concrete(value):
                    self.assume(part, "formats a value of unknown type")
                known = False
        if mode_part:
            return MODE_DERIVED
        return "".join(parts) if known and "{" not in "".join(parts) else OPAQUE

    def _eval_Integer(self, node: cst.Integer) -> object:
        return node.evaluated_value

    def _eval_Float(self, node: cst.Float) -> object:
        return node.evaluated_value

    def _eval_Imaginary(self, node: cst.Imaginary) -> object:
        return node.evaluated_value

    def _eval_Ellipsis(self, node: cst.Ellipsis) -> object:
        return ...

    def _elements(self, elements: object) -> list[object] | None:
        values: list[object] = []
        known = True
        for element in elements:  # type: ignore[attr-defined]
            if isinstance(element, (cst.StarredElement, cst.StarredDictElement)):
                self.evaluate(element.value)
                self.assume(element, "unpacks a value of unknown type")
                known = False
            elif isinstance(element, cst.DictElement):
                key, value = self.evaluate(element.key), self.evaluate(element.value)
                values.append((key, value))
            else:
                values.append(self.evaluate(element.value))
        if not known or not all(is_concrete(v) for v in values):
            self.elements_tainted = any(tainted(v) for v in values)
            return None
        return values

    def _eval_Tuple(self, node: cst.Tuple) -> object:
        self.elements_tainted = False
        values = self._elements(node.elements)
        if values is None:
            return MODE_DERIVED if self.elements_tainted else OPAQUE
        return tuple(values)

    def _eval_List(self, node: cst.List) -> object:
        return self._eval_Tuple(node)  # type: ignore[arg-type]

    def _eval_Set(self, node: cst.Set) -> object:
        self.trace.assumptions.add("may raise")  # unhashable elements
        self.elements_tainted = False
        values = self._elements(node.elements)
        if values is None:
            return MODE_DERIVED if self.elements_tainted else OPAQUE
        try:
            return frozenset(values)
        except TypeError as exc:
            raise Crash(node, f"unhashable set element: {exc}", "TypeError") from exc

    def _eval_Dict(self, node: cst.Dict) -> object:
        self.trace.assumptions.add("may raise")  # unhashable keys
        self.elements_tainted = False
        values = self._elements(node.elements)
        if self.elements_tainted or (values is not None and tainted(values)):
            return MODE_DERIVED
        return OPAQUE

    # -- comprehensions and lambdas ---------------------------------------
    def _comprehension(self, node: cst.BaseComp | cst.DictComp) -> object:
        inner = dict(self.locals)
        evaluator = self.child(inner)
        generator: cst.CompFor | None = node.for_in
        first = True
        mode_iterated = False
        while generator is not None:
            # The first iterable is evaluated in the enclosing scope, the rest inside.
            iterable = (self if first else evaluator).evaluate(generator.iter)
            mode_iterated = mode_iterated or tainted(iterable)
            if not is_concrete(iterable):
                self.assume(generator.iter, "iterates over a value of unknown type")
            if generator.asynchronous is not None:
                raise Effect(generator, "an 'async for' in a comprehension awaits unknown code")
            for name in _target_names(generator.target):
                inner[name] = Bound(OPAQUE)
            for condition in generator.ifs:
                evaluator.truth(evaluator.evaluate(condition.test), condition)
            generator = generator.inner_for_in
            first = False
        if isinstance(node, cst.DictComp):
            evaluator.evaluate(node.key)
            evaluator.evaluate(node.value)
        else:
            evaluator.evaluate(node.elt)
        return MODE_DERIVED if mode_iterated else OPAQUE

    _eval_ListComp = _comprehension
    _eval_SetComp = _comprehension
    _eval_DictComp = _comprehension

    def _eval_GeneratorExp(self, node: cst.GeneratorExp) -> object:
        # Only the first iterable is evaluated when the generator is created; the rest runs when consumed.
        iterable = self.evaluate(node.for_in.iter)
        return MODE_DERIVED if tainted(iterable) else OPAQUE

    def _eval_Lambda(self, node: cst.Lambda) -> object:
        self.parameter_defaults(node.params)
        return OPAQUE

    def parameter_defaults(self, params: cst.Parameters) -> None:
        """Evaluate what ``def``/``lambda`` evaluates when it runs: the default values."""
        for param in (*params.posonly_params, *params.params, *params.kwonly_params):
            if param.default is not None:
                self.evaluate(param.default)

    # -- names -------------------------------------------------------------
    def _eval_Name(self, node: cst.Name) -> object:
        name = node.value
        if name in self.locals:
            bound = self.locals[name]
            self.trace.reads.extend(bound.reads)
            return bound.value
        if name in ("True", "False", "None") and name not in self.locals:
            return {"True": True, "False": False, "None": None}[name]
        where = self._where(node)
        if where == "local":
            raise Unsupported(node, f"'{name}' may be unbound here")
        if where == "enclosing":
            return OPAQUE
        if where == "builtin":
            return Builtin(name) if hasattr(builtins, name) else OPAQUE
        if where == "undefined":
            raise Crash(node, f"'{name}' is not defined (NameError)", "NameError")
        return self.module_name(self.facts, name, node)

    def _where(self, node: cst.Name) -> str:
        if node.value in self.globals_declared:
            return "global"
        scope = self.facts.scope(node)
        if scope is None:
            return "global"
        try:
            assignments = list(scope[node.value])
        except Exception:  # pragma: no cover - libcst raises for odd names
            return "global"
        if not assignments:
            return "builtin" if hasattr(builtins, node.value) and not self.facts.bindings.bindings(node.value) else "global"
        kinds = set()
        for assignment in assignments:
            owner = assignment.scope
            if isinstance(owner, BuiltinScope):
                kinds.add("builtin")
            elif isinstance(owner, GlobalScope):
                kinds.add("global")
            elif owner is self.function_scope:
                kinds.add("local")
            elif isinstance(owner, ComprehensionScope):
                kinds.add("local")
            elif isinstance(owner, FunctionScope):
                kinds.add("enclosing")
            else:
                kinds.add("global")
        for kind in ("local", "enclosing", "global", "builtin"):
            if kind in kinds:
                return kind
        return "global"

    def module_name(self, facts: ModuleFacts, name: str, node: cst.CSTNode) -> object:
        """The value of module-level ``name`` of ``facts``' module, when every binding of it is known."""
        problem = facts.bindings.problem(name)
        if problem is not None:
            self.trace.problems.append(problem)
            if self.callee_depth:
                raise Unsupported(node, problem, "binding")  # what a call runs must be proven
            return OPAQUE  # reading it is pure; its value is unknown (a condition on it says so, TG009)
        sites = facts.bindings.bindings(name)
        if not sites:
            if hasattr(builtins, name):
                return Builtin(name)
            raise Crash(node, f"'{name}' is not defined (NameError)", "NameError")
        site = sites[0]
        if site.kind == "import":
            assert site.target is not None
            return self.dotted(facts.absolute(site.target), node)
        if site.kind == "def":
            function = facts.module_function(name)
            return Function(facts, function, f"{facts.name}.{name}") if function is not None else OPAQUE
        if site.kind == "class":
            owner = facts.module_class(name)
            return ClassValue(owner) if owner is not None else OPAQUE
        expression = facts.module_value(name)
        if expression is None or self.depth >= MAX_HELPER_DEPTH:
            return OPAQUE
        try:
            return self.module_evaluator(facts).evaluate(expression)
        except Unsupported as exc:
            if self.callee_depth:
                raise
            self.trace.problems.append(exc.reason)
            return OPAQUE
        except (Effect, Crash, Raises):
            return OPAQUE  # it ran (or failed) when the module was imported; reading the name now is pure

    def dotted(self, dotted: str, node: cst.CSTNode) -> object:
        """Resolve an imported dotted name: ``os.environ``/``os.getenv``, a project module, function or constant."""
        if dotted in (ENV_GET, GETENV, ENVIRON):
            return Marker(dotted)
        if dotted == "logging":
            return Module("logging")
        module, _, attribute = dotted.rpartition(".")
        resolver = self.context.resolver
        if self.depth < MAX_HELPER_DEPTH:
            try:
                if resolver.is_module(dotted):
                    return Module(dotted)  # a project module: parsed only when one of its names is needed
                facts = resolver.module_facts(module) if module else None
            except Exception as exc:  # HelperError: an unparsable project module
                raise Unsupported(node, str(exc), "helper") from exc
            if facts is not None:
                return self.module_name(facts, attribute, node)
        return Module(dotted)

    def _eval_Attribute(self, node: cst.Attribute) -> object:
        base = node.value
        if isinstance(base, cst.Name) and self.owner is not None and base.value not in self.locals.keys() - {self.receiver}:
            if base.value in {self.receiver, self._owner_name()} and base.value is not None:
                member = self.class_member(node.attr.value, node, bound=base.value == self.receiver)
                if member is not None:
                    return member
        value = self.evaluate(base)
        return self.attribute(value, node.attr.value, node)

    def _owner_name(self) -> str | None:
        """The owner class's name, when reading it as a global gives that very class (bound once, proven)."""
        assert self.owner is not None
        name = self.owner.name.value
        return name if self.facts.bindings.problem(name) is None else None

    def class_member(self, name: str, node: cst.CSTNode, *, bound: bool) -> object | None:
        """``self.x``/``cls.x``/``Owner.x`` from the class's own body (an override in a subclass is not seen)."""
        assert self.owner is not None
        qualname = self.facts.class_qualname(self.owner)
        if qualname is not None and self.facts.bindings.class_problem(qualname, name) is not None:
            return None
        method = _class_member(self.owner, name)
        if isinstance(method, cst.FunctionDef):
            return Function(self.facts, method, f"{self.facts.name}.{self.owner.name.value}.{name}", self.owner, bound=bound)
        if isinstance(method, cst.BaseExpression) and self.depth < MAX_HELPER_DEPTH:
            self.assume(node, "reads a class attribute that no instance or subclass overrides")
            return Evaluator(self.facts, self.analysis, {}, self.trace, depth=self.depth + 1).evaluate(method)
        return None

    def attribute(self, value: object, name: str, node: cst.CSTNode) -> object:
        if isinstance(value, Module):
            return self.dotted(f"{value.dotted}.{name}", node)
        if isinstance(value, Marker):
            return BoundMethod(value, name)
        if isinstance(value, (str, bytes)) or value is None or isinstance(value, (int, float, tuple, frozenset)):
            if not hasattr(value, name):
                raise Crash(node, f"'{code_of(node)}' raises AttributeError ({type(value).__name__} has no attribute {name!r})", "AttributeError")
            return BoundMethod(value, name)
        if isinstance(value, Logger):
            return BoundMethod(value, name)
        self.assume(node, "loads an attribute (no side-effecting properties)")
        return OPAQUE if value is OPAQUE else BoundMethod(value, name)

    # -- operators ---------------------------------------------------------
    def _eval_UnaryOperation(self, node: cst.UnaryOperation) -> object:
        value = self.evaluate(node.expression)
        if isinstance(node.operator, cst.Not):
            truth = self.truth(value, node)
            return OPAQUE if truth is OPAQUE else not truth
        if tainted(value):
            return MODE_DERIVED
        if is_concrete(value):
            try:
                return {cst.Minus: operator.neg, cst.Plus: operator.pos, cst.BitInvert: operator.invert}[type(node.operator)](value)  # type: ignore[operator]
            except TypeError as exc:
                raise Crash(node, f"'{code_of(node)}' raises TypeError", "TypeError") from exc
        self.assume(node, "applies an operator to a value of unknown type")
        return OPAQUE

    def _eval_BinaryOperation(self, node: cst.BinaryOperation) -> object:
        left, right = self.evaluate(node.left), self.evaluate(node.right)
        if tainted(left) or tainted(right):
            return MODE_DERIVED  # `mode + "x"`, `"%s" % mode`: the table cannot decide tests on the result
        function = _BINARY.get(type(node.operator))
        if function is not None and is_concrete(left) and is_concrete(right):
            try:
                result = function(left, right)
            except (TypeError, ZeroDivisionError, ValueError) as exc:
                raise Crash(node, f"'{code_of(node)}' raises {type(exc).__name__}", type(exc).__name__) from exc
            if isinstance(result, (str, bytes)) and len(result) > 10_000:
                return OPAQUE
            return result
        self.assume(node, "applies an operator to a value of unknown type")
        return OPAQUE

    def _eval_BooleanOperation(self, node: cst.BooleanOperation) -> object:
        left = self.evaluate(node.left)
        is_and = isinstance(node.operator, cst.And)
        truth = self.truth(left, node.left)
        if truth is OPAQUE:
            right = self.evaluate(node.right)
            right_truth = self.truth(right, node.right)
            # `x or True` is truthy and `x and False` falsy whatever x is; the value itself stays unknown.
            if right_truth is not OPAQUE and bool(right_truth) != is_and:
                return _KnownTruth(bool(right_truth))
            return OPAQUE
        if bool(truth) != is_and:  # `a or b` with truthy a, `a and b` with falsy a
            return left
        return self.evaluate(node.right)

    def _eval_Comparison(self, node: cst.Comparison) -> object:
        left = self.evaluate(node.left)
        result: object = True
        for target in node.comparisons:
            right = self.evaluate(target.comparator)
            compare = _COMPARE.get(type(target.operator))
            if compare is None:
                raise Effect(target, f"comparison '{code_of(target.operator)}' is outside the pure fragment")
            decided = mode_compare(_OPERATOR_NAMES.get(type(target.operator), "other"), left, right, self.analysis.comparands) if tainted(left) or tainted(right) else NotImplemented
            if decided is not NotImplemented:
                outcome = decided
            elif isinstance(target.operator, (cst.In, cst.NotIn)) and right == Marker(ENVIRON):
                outcome: object = self._environ_contains(left, node)
                if outcome is not OPAQUE and isinstance(target.operator, cst.NotIn):
                    outcome = not outcome
            elif not is_concrete(left) or not is_concrete(right):
                if isinstance(target.operator, (cst.Is, cst.IsNot)) and is_concrete(left) and is_concrete(right):
                    outcome = compare(left, right)
                else:
                    self.assume(node, "compares a value of unknown type")
                    outcome = OPAQUE
            else:
                try:
                    outcome = compare(left, right)
                except TypeError as exc:
                    raise Crash(node, f"'{code_of(node)}' raises TypeError ({exc})", "TypeError") from exc
            if outcome is MODE_DERIVED:
                return MODE_DERIVED
            if outcome is OPAQUE:
                result = OPAQUE
            elif not outcome:
                return False if result is not OPAQUE else OPAQUE
            left = right
        return result

    def _environ_contains(self, key: object, node: cst.CSTNode) -> object:
        if not isinstance(key, str):
            raise self.unknown_name(node)
        self.trace.reads.append(EnvRead(key, node, "contains", has_default=False))
        if key != self.context.env_var:
            return OPAQUE
        return self.env_value is not None

    def unknown_name(self, node: cst.CSTNode) -> Unsupported:
        """The variable name is not a known string: TG009, naming the unproven binding when that is why."""
        if self.trace.problems:
            return Unsupported(node, f"the variable name in '{code_of(node)}' is unknown: {self.trace.problems[-1]}", "binding")
        return Unsupported(node, f"the variable name in '{code_of(node)}' is not a known string")

    def _eval_IfExp(self, node: cst.IfExp) -> object:
        test = self.truth(self.evaluate(node.test), node.test)
        if test is OPAQUE:
            self.evaluate(node.body)
            self.evaluate(node.orelse)
            return OPAQUE
        return self.evaluate(node.body if test else node.orelse)

    def _eval_NamedExpr(self, node: cst.NamedExpr) -> object:
        if not isinstance(node.target, cst.Name):
            raise Effect(node, "assignment expression to a non-name")
        if node.target.value in self.globals_declared:
            raise Effect(node, f"'{code_of(node)}' rebinds the module global '{node.target.value}'")
        before = len(self.trace.reads)
        value = self.evaluate(node.value)
        self.locals[node.target.value] = Bound(value, tuple(self.trace.reads[before:]))
        return value

    def _eval_Await(self, node: cst.Await) -> object:
        value = self.evaluate(node.expression)
        if isinstance(value, Coroutine):
            return self.analysis.call(self, node, value.function, list(value.arguments), dict(value.keywords), run_async=True)
        raise Effect(node, f"'{code_of(node)}' awaits something the verifier cannot see into")

    def _eval_Yield(self, node: cst.Yield) -> object:
        # A plain generator's yield hands control to the consumer, whose loop body is the legacy work: an effect.
        # In a @contextmanager entry point the one yield is the protocol (the caller's `with` body runs, not this
        # function's legacy body), so only the yielded expression is judged.
        if not self.analysis.yields_pure:
            raise Effect(node, f"'{code_of(node)}' hands control to the caller's loop")
        value = node.value
        if isinstance(value, cst.From):
            raise Effect(node, f"'{code_of(node)}' runs another generator")
        if value is not None:
            self.evaluate(value)
        return OPAQUE

    # -- subscripts ----------------------------------------------------------
    def _eval_Subscript(self, node: cst.Subscript) -> object:
        container = self.evaluate(node.value)
        if len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
            for element in node.slice:
                inner = element.slice
                if isinstance(inner, cst.Slice):
                    for part in (inner.lower, inner.upper, inner.step):
                        if part is not None:
                            self.evaluate(part)
                else:
                    self.evaluate(inner.value)
            if tainted(container):
                return MODE_DERIVED
            if isinstance(container, (str, bytes, tuple)) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Slice):
                inner = node.slice[0].slice
                parts = [None if p is None else self.evaluate(p) for p in (inner.lower, inner.upper, inner.step)]
                if all(p is None or (isinstance(p, int) and not isinstance(p, bool)) for p in parts) and parts[2] != 0:
                    return container[slice(*parts)]  # a slice of a known string: `"heartbeat"[:-1]` is a known comparand
            if is_concrete(container):
                return OPAQUE
            self.assume(node, "subscripts a value of unknown type")
            return OPAQUE
        key = self.evaluate(node.slice[0].slice.value)
        if tainted(container) or tainted(key):
            return MODE_DERIVED  # `mode[:3]`, `TABLE[mode]`
        if container == Marker(ENVIRON):
            if not isinstance(key, str):
                raise self.unknown_name(node)
            self.trace.reads.append(EnvRead(key, node, "subscript", has_default=False))
            if key != self.context.env_var:
                return OPAQUE
            if self.env_value is None:
                raise Crash(node, f"os.environ[{key!r}] raises KeyError when {key} is unset", "KeyError")
            return self.env_value
        if is_concrete(container) and is_concrete(key):
            try:
                return container[key]  # type: ignore[index]
            except (KeyError, IndexError, TypeError) as exc:
                raise Crash(node, f"'{code_of(node)}' raises {type(exc).__name__}", type(exc).__name__) from exc
        self.assume(node, "subscripts a value of unknown type")
        return OPAQUE

    # -- calls ---------------------------------------------------------------
    def _eval_Call(self, node: cst.Call) -> object:
        func = node.func
        if isinstance(func, cst.Attribute):
            base = func.value
            callee: object = None
            if isinstance(base, cst.Name) and self.owner is not None and base.value in {self.receiver, self._owner_name()}:
                if not (base.value in self.locals and base.value != self.receiver):
                    callee = self.class_member(func.attr.value, func, bound=base.value == self.receiver)
            if callee is None:
                self.callee_depth += 1
                try:
                    value = self.evaluate(base)
                finally:
                    self.callee_depth -= 1
                callee = self._member(value, func.attr.value, func)
        else:
            self.callee_depth += 1
            try:
                callee = self.evaluate(func)
            finally:
                self.callee_depth -= 1
        arguments: list[object] = []
        keywords: dict[str, object] = {}
        outer, self.callee_depth = self.callee_depth, 0  # arguments are values, even inside a callee chain
        try:
            self._arguments(node, arguments, keywords)
        finally:
            self.callee_depth = outer
        return self.apply(node, callee, arguments, keywords)

    def _arguments(self, node: cst.Call, arguments: list[object], keywords: dict[str, object]) -> None:
        for argument in node.args:
            value = self.evaluate(argument.value)
            if argument.star:
                self.assume(argument, "unpacks a value of unknown type")
                keywords["*"] = OPAQUE
            elif argument.keyword is not None:
                keywords[argument.keyword.value] = value
            else:
                arguments.append(value)

    def _member(self, value: object, name: str, node: cst.Attribute) -> object:
        if value is OPAQUE:
            return BoundMethod(OPAQUE, name)
        return self.attribute(value, name, node)

    def apply(self, node: cst.Call, callee: object, arguments: list[object], keywords: dict[str, object]) -> object:
        """Call ``callee`` with evaluated arguments: a pure computation, an environment read, or an effect."""
        if isinstance(callee, Marker):
            if callee.name in (ENV_GET, GETENV):
                return self._env_call(node, arguments, keywords, "get" if callee.name == ENV_GET else "getenv")
            raise Effect(node, f"'{code_of(node)}' is outside the pure fragment")
        if isinstance(callee, BoundMethod):
            return self._method_call(node, callee, arguments, keywords)
        if isinstance(callee, Builtin):
            return self._builtin_call(node, callee.name, arguments, keywords)
        if isinstance(callee, Function):
            return self.analysis.call(self, node, callee, arguments, keywords)
        if isinstance(callee, Module):
            return self._module_call(node, callee.dotted, arguments, keywords)
        if isinstance(callee, ClassValue):
            raise Effect(node, f"'{code_of(node)}' constructs an object (its __init__ may do anything)")
        raise Effect(node, f"'{code_of(node)}' calls something that is not proven pure")

    def _module_call(self, node: cst.Call, dotted: str, arguments: list[object], keywords: dict[str, object]) -> object:
        configured = self.context.resolver.configured
        if dotted in configured:
            return self._trusted_helper(node, dotted, arguments, keywords)
        if dotted == "logging.getLogger":
            return Logger()
        module, _, name = dotted.rpartition(".")
        if module == "logging" and name in LOG_METHODS:
            return None
        raise Effect(node, f"'{code_of(node)}' calls {dotted}, which is not proven pure")

    def _trusted_helper(self, node: cst.Call, name: str, arguments: list[object], keywords: dict[str, object]) -> object:
        """A helper listed in ``guard-helpers`` that cannot be analysed is taken at its word: it returns "heartbeat world"."""
        from heartbeat.mode import is_heartbeat_world

        if arguments or keywords:
            raise Unsupported(node, f"guard helper '{name}' called with arguments cannot be taken at its word", "helper")
        variable = self.context.env_var
        self.trace.reads.append(EnvRead(variable, node, "get", has_default=True, default=self.context.heartbeat_value))
        self.trace.helpers.append(name)
        return is_heartbeat_world(self.env_value, self.context.heartbeat_value)

    def _builtin_call(self, node: cst.Call, name: str, arguments: list[object], keywords: dict[str, object]) -> object:
        self.trace.assumptions.add("may raise")  # hash([]), int("x"): a builtin can raise into an `except`
        target = getattr(builtins, name, None)
        if isinstance(target, type) and issubclass(target, BaseException):
            return OPAQUE  # constructing a built-in exception runs no project code
        if name not in PURE_BUILTINS:
            raise Effect(node, f"'{code_of(node)}' calls the builtin {name}(), which is outside the pure fragment")
        if any(tainted(v) for v in (*arguments, *keywords.values())):
            if name == "str" and len(arguments) == 1 and not keywords and isinstance(arguments[0], str):
                return arguments[0]  # str(mode) is mode
            if name == "bool" and len(arguments) == 1 and not keywords:
                return self.truth(arguments[0], node)
            return MODE_DERIVED  # len(mode), hash(mode), sorted(mode)…
        callables = [v for v in (*arguments, *keywords.values()) if isinstance(v, (Function, ClassValue, BoundMethod, Coroutine, Module))]
        if callables or ("key" in keywords and not isinstance(keywords["key"], (Builtin, type(None)))):
            raise Effect(node, f"'{code_of(node)}' passes a callable that {name}() may call")
        if name in ("getattr", "hasattr") and (len(arguments) < 2 or not isinstance(arguments[1], str)):
            raise Effect(node, f"'{code_of(node)}' uses {name}() without a literal attribute name")
        if all(is_concrete(a) for a in arguments) and all(is_concrete(v) for v in keywords.values()) and name not in ("getattr", "hasattr", "id", "type"):
            try:
                result = getattr(builtins, name)(*arguments, **keywords)
            except Exception as exc:
                raise Crash(node, f"'{code_of(node)}' raises {type(exc).__name__}", type(exc).__name__) from exc
            return result if is_concrete(result) else OPAQUE
        if name == "bool" and len(arguments) == 1 and not keywords:
            truth = self.truth(arguments[0], node)
            return truth if truth is OPAQUE else bool(truth)
        if name == "getattr" and isinstance(arguments[0], (str, type(None), Module, Marker, Logger)):
            return self.attribute(arguments[0], arguments[1], node)  # type: ignore[arg-type]
        self.assume(node, "calls a pure builtin on a value of unknown type")
        return OPAQUE

    def _env_call(self, node: cst.Call, arguments: list[object], keywords: dict[str, object], kind: ReadKind) -> object:
        if set(keywords) - {"default", "key"} or not (1 <= len(arguments) + len(keywords) <= 2):
            raise Unsupported(node, f"'{code_of(node)}' has arguments the verifier does not understand")
        variable = arguments[0] if arguments else keywords.get("key")
        if not isinstance(variable, str):
            raise self.unknown_name(node)
        has_default = len(arguments) == 2 or "default" in keywords
        default = arguments[1] if len(arguments) == 2 else keywords.get("default")
        self.trace.reads.append(EnvRead(variable, node, kind, has_default=has_default, default=default))
        if variable != self.context.env_var:
            return OPAQUE  # unknown, not unset
        return default if self.env_value is None else self.env_value

    def _method_call(self, node: cst.Call, method: BoundMethod, arguments: list[object], keywords: dict[str, object]) -> object:
        receiver, name = method.value, method.attribute
        if receiver == Marker(ENVIRON):
            if name == "get":
                return self._env_call(node, arguments, keywords, "get")
            if name in ENV_WRITE_METHODS:
                raise Effect(node, f"'{code_of(node)}' writes the process environment")
            if name == "__contains__" and len(arguments) == 1:
                return self._environ_contains(arguments[0], node)
            if name in ENV_READ_METHODS:
                self.trace.reads.append(EnvRead("", node, "environ", has_default=False))
                return OPAQUE
            raise Effect(node, f"'{code_of(node)}' is outside the pure fragment")
        if isinstance(receiver, Logger):
            if name in LOG_METHODS:
                return None if name != "isEnabledFor" else OPAQUE
            raise Effect(node, f"'{code_of(node)}' is not a logging call")
        if receiver is None:
            raise Crash(node, f"'{code_of(node)}' raises AttributeError when the value is None (None has no .{name}())", "AttributeError")
        derived = mode_method(receiver, name, arguments, keywords)
        if derived is not NotImplemented:
            return derived
        if is_concrete(receiver):
            function = getattr(receiver, name, None)
            if function is None:
                raise Crash(node, f"'{code_of(node)}' raises AttributeError", "AttributeError")
            if isinstance(receiver, (str, bytes)) or name in ASSUMED_PURE_METHODS:
                if all(is_concrete(a) for a in arguments) and all(is_concrete(v) for v in keywords.values()) and "*" not in keywords:
                    try:
                        result = function(*arguments, **keywords)
                    except Exception as exc:
                        raise Crash(node, f"'{code_of(node)}' raises {type(exc).__name__}", type(exc).__name__) from exc
                    return result if is_concrete(result) else OPAQUE
                return OPAQUE
            raise Effect(node, f"'{code_of(node)}' is outside the pure fragment")
        if name in ASSUMED_PURE_METHODS:
            self.assume(node, "calls a non-mutating method of a built-in type on a value of unknown type")
            return OPAQUE
        if isinstance(receiver, Coroutine):
            raise Effect(node, f"'{code_of(node)}' is outside the pure fragment")
        raise Effect(node, f"'{code_of(node)}' may have side effects (not a proven-pure call)")

    # -- project functions -----------------------------------------------------
    def decorator_problem(self, function: Function, *, helper: bool) -> str | None:
        """None when every decorator of ``function`` is transparent; else the message for TG009."""
        for decorator in function.node.decorators:
            expression = decorator.decorator
            target = expression.func if isinstance(expression, cst.Call) else expression
            names = self.decorator_names(function.facts, target)
            allowed = set(TRANSPARENT_BUILTIN_DECORATORS) | set(self.context.transparent_decorators)
            if not helper:
                allowed.add("property")  # reading the attribute runs exactly this body
                allowed |= REGISTRATION_DECORATORS
                if any(n.endswith(".connect") and n.startswith(("django.", "celery.")) for n in names):
                    continue  # Signal.connect used as a decorator registers the function and returns it unchanged
            if helper and not (function.bound and function.owner is not None):
                allowed |= CACHE_DECORATORS  # on a method the cache hashes self: the class's __hash__ would run
            elif _is_generator_function(function.node):
                allowed |= CONTEXT_MANAGER_DECORATORS
            if not names & allowed or (isinstance(expression, cst.Call) and names & TRANSPARENT_BUILTIN_DECORATORS):
                return f"the decorator '@{code_of(expression)}' may run code before the function or replace it"
        return None

    @staticmethod
    def decorator_names(facts: ModuleFacts, node: cst.BaseExpression) -> set[str]:
        """Dotted names a decorator expression refers to, when its root name's bindings are proven."""
        parts: list[str] = []
        while isinstance(node, cst.Attribute):
            parts.append(node.attr.value)
            node = node.value
        if not isinstance(node, cst.Name):
            return set()
        root = node.value
        if facts.bindings.problem(root) is not None:
            return set()
        sites = facts.bindings.bindings(root)
        if not sites:
            base = root if hasattr(builtins, root) else f"{facts.name}.{root}"
        elif sites[0].kind == "import" and sites[0].target is not None:
            base = facts.absolute(sites[0].target)
        else:
            base = f"{facts.name}.{root}"
        return {".".join([base, *reversed(parts)])}


def _is_generator_function(function: cst.FunctionDef) -> bool:
    from thor_guard.verifier.paths import is_generator

    return is_generator(function)


@dataclass(frozen=True)
class _KnownTruth:
    """A value of unknown identity whose truth is known (``x or True``)."""

    truth: bool

    def __bool__(self) -> bool:
        return self.truth


def _target_names(node: cst.BaseExpression) -> list[str]:
    if isinstance(node, cst.Name):
        return [node.value]
    if isinstance(node, (cst.Tuple, cst.List)):
        return [n for element in node.elements for n in _target_names(element.value)]
    if isinstance(node, cst.StarredElement):
        return _target_names(node.value)
    return []


def _class_member(owner: cst.ClassDef, name: str) -> cst.FunctionDef | cst.BaseExpression | None:
    """The one binding of ``name`` in the class body: a method, or the value of ``name = <expr>``."""
    body = owner.body.body if isinstance(owner.body, cst.IndentedBlock) else ()
    found: list[cst.FunctionDef | cst.BaseExpression] = []
    for statement in body:
        if isinstance(statement, cst.FunctionDef) and statement.name.value == name:
            found.append(statement)
        elif isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.Assign) and any(isinstance(t.target, cst.Name) and t.target.value == name for t in small.targets):
                    found.append(small.value)
                elif isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name) and small.target.value == name and small.value is not None:
                    found.append(small.value)
                elif isinstance(small, cst.AugAssign) and isinstance(small.target, cst.Name) and small.target.value == name:
                    return None
    return found[0] if len(found) == 1 else None


def is_logging_call(node: cst.Call, facts: ModuleFacts, local_names: MutableMapping[str, Bound]) -> bool:  # pragma: no cover - v1 API
    """Kept for callers of v1: True for ``logger.info(...)`` on a module logger or the ``logging`` module."""
    func = node.func
    if not isinstance(func, cst.Attribute) or func.attr.value not in LOG_METHODS:
        return False
    receiver = func.value
    if isinstance(receiver, cst.Name) and receiver.value not in local_names:
        return receiver.value in facts.module_loggers
    return False
