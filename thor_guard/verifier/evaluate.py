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

import ast
import builtins
import operator
import re
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, TypeVar

import libcst as cst
from libcst.metadata import BuiltinScope, ComprehensionScope, FunctionScope, GlobalScope

from thor_guard.targets import find_module_file
from thor_guard.verdict_cache import module_prefix_length as _module_prefix_length
from thor_guard.verifier.effects import (
    ASSUMED_PURE_METHODS,
    BUILTIN_PURE_METHODS,
    CACHE_DECORATORS,
    CALLED_DECORATORS,
    EITHER_SHAPE_DECORATORS,
    CONTEXT_MANAGER_DECORATORS,
    REGISTRATION_DECORATORS,
    ENV_READ_METHODS,
    ENV_WRITE_METHODS,
    LOG_METHODS,
    PURE_BUILTINS,
    STDLIB_MODULES,
    TEXT_METHODS,
    IDENTITY_DECORATORS,
    TRANSPARENT_BUILTIN_DECORATORS,
)
from thor_guard.verifier.bindings import LOADER_SET_NAMES, UNKNOWN_CLASS_PREFIX, wrapper_written
from thor_guard.verifier.facts import ModuleFacts, code_of, is_stub, walrus_in_comprehensions
from thor_guard.verifier.format_fields import replacement_fields
from thor_guard.verifier.reach import dotted_of
from thor_guard.verifier.signatures import ANY_LEVEL, library_call_problem, log_call_problem
from thor_guard.verifier.stdlib_closure import codec_modules, has_module_getattr, import_closure, log_call_modules, log_record_lookups, traceback_modules
from thor_guard.verifier.class_bindings import ANY_SLOT, ClassBinding, class_binding, class_body_statements, getter_def, slot_names
from thor_guard.verifier.instance_state import attribute_value
from thor_guard.verifier.hierarchy import linearise, project_bases
from thor_guard.verifier.import_time import ENV_TARGET, IMPORT_SYSTEM_TARGET, LOGGING_CONFIGURATION, SUBCLASS_HOOKS
from thor_guard.verifier.mutations import class_ast, mutable_displays, mutation_problem, parsed_module
from thor_guard.verifier.scopes import OwnScopeVisitor
from thor_guard.verifier.values import (
    ENV_GET,
    ENVIRON,
    GETENV,
    MODE_DERIVED,
    OPAQUE,
    UNTRUSTED,
    BoundMethod,
    Builtin,
    ClassValue,
    ConstDict,
    Coroutine,
    EnumMember,
    Function,
    Instance,
    ListValue,
    Logger,
    Marker,
    Module,
    StoredThread,
    THREAD_READS,
    from_native,
    hash_is_stable,
    is_concrete,
    join,
    mode_compare,
    mode_method,
    native,
    same,
    seed_dependent,
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


class _Holds(Exception):
    """Raised by ``_elements`` when a container would hold an untrusted value (the container is then untrusted)."""


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
    cst.BitXor: operator.xor,
    cst.LeftShift: operator.lshift,
    cst.RightShift: operator.rshift,
    cst.Power: operator.pow,
    cst.MatrixMultiply: operator.matmul,
}

INTROSPECTION_ATTRIBUTES = frozenset({
    "__self__", "__func__", "__defaults__", "__kwdefaults__", "__dict__", "__closure__", "__globals__", "__builtins__",
    "__wrapped__", "__annotations__", "__objclass__", "__subclasses__", "__bases__", "__base__", "__mro__",
    "__cause__", "__context__", "__traceback__", "__notes__", "f_locals", "f_globals", "f_builtins", "gi_frame",
    "cr_frame", "ag_frame", "tb_frame", "cell_contents",
})
"""Attributes whose value is an object of the project's own making (the receiver of a bound method, a function's
defaults and globals, a namespace, a cell, an exception's chain): never a value of built-in type, whatever the
receiver is (hostile review 20, kind 6)."""

INTROSPECTION_NAMES = frozenset({"__builtins__", "__loader__", "__spec__"})
"""Module names the import system binds to objects (the builtins namespace, the loader and its spec), not strings."""

def _method_of_project_object(value: object) -> bool:
    """``value`` is a method bound to an object that may be a project instance or class (``self.helper``): its
    str/repr is ``<bound method … of repr(obj)>``, so a container holding it runs the object's ``__repr__`` when it
    is formatted (review 10, R10-13, for containers: hostile review 21, H6)."""
    if isinstance(value, BoundMethod):
        return value.value is UNTRUSTED or isinstance(value.value, (Instance, ClassValue))
    return isinstance(value, Function) and value.bound and value.owner is not None


_LARGEST_COMPUTED_BITS = 100_000
"""``2 ** n`` and ``1 << n`` are computed here only up to this many bits: larger ones would make ``check`` itself
spend the time and memory (the real code may raise MemoryError there, the stated assumption)."""


def _huge_power(operator_node: cst.BaseBinaryOp, left: object, right: object) -> bool:
    """True when ``left ** right`` or ``left << right`` on integers would be too large to compute here."""
    if not isinstance(left, int) or not isinstance(right, int) or right <= 0:
        return False
    if isinstance(operator_node, cst.LeftShift):
        return abs(left).bit_length() + right > _LARGEST_COMPUTED_BITS
    if isinstance(operator_node, cst.Power):
        return abs(left).bit_length() * right > _LARGEST_COMPUTED_BITS
    return False


_MISSING = object()
"""A class-namespace lookup that found no binding (:meth:`Evaluator._class_namespace_name`)."""


def class_namespace_of(function: Function) -> tuple[cst.ClassDef, ModuleFacts, tuple[int, ...]] | None:
    """For a method: its class, the class's module and the line(s) of the ``def`` statement(s) of that name in the
    class body — where its defaults are evaluated (:attr:`Evaluator.class_namespace`); None for a module function."""
    if function.owner is None:
        return None
    facts = function.facts.parent or function.facts
    qualname = facts.class_qualname(function.owner)
    body = class_body_statements(facts, qualname) if qualname is not None else None
    lines = tuple(
        st.lineno for st in body or ()
        if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)) and st.name == function.node.name.value
    )
    return function.owner, facts, lines


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
        instance_receiver: bool = False,
        builtin_parameters: dict[str, type] | None = None,
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
        self.instance_receiver = instance_receiver
        self.builtin_parameters = builtin_parameters or {}
        """``*args``/``**kwargs`` parameters the function never rebinds: a tuple / a dict for certain."""
        """True when ``receiver`` is an instance (``self`` of a plain method), not a class (``cls``)."""
        self.callee_depth = 0
        self._resolving = False
        self.class_namespace: tuple[cst.ClassDef, ModuleFacts, tuple[int, ...]] | None = None
        """Set while evaluating code that runs in a class body (a method's default, a class attribute's value):
        the class, its module and the lines of the statement(s); a name the body bound before them is that binding,
        not the module global (review 8, R8-11)."""
        """True in :meth:`_member_probe`'s evaluator: ``self.x`` reads this class's own body, no MRO search."""
        self.elements_tainted = False
        """Set by ``_elements``: an element that is not concrete was computed from the mode variable."""
        """Above 0 while evaluating the callee of a call (``os.environ.get`` in ``os.environ.get(...)``)."""

    def child(self, local_values: MutableMapping[str, Bound]) -> Evaluator:
        return Evaluator(
            self.facts, self.analysis, local_values, self.trace, depth=self.depth, owner=self.owner,
            receiver=self.receiver, function_scope=self.function_scope, globals_declared=self.globals_declared,
            instance_receiver=self.instance_receiver, builtin_parameters=self.builtin_parameters,
        )

    def module_evaluator(self, facts: ModuleFacts) -> Evaluator:
        return Evaluator(facts, self.analysis, {}, self.trace, depth=self.depth + 1)

    def assume(self, node: cst.CSTNode, what: str) -> None:
        """Use a stated assumption, or (strict mode) refuse it as a possible effect."""
        if self.strict:
            raise Effect(node, f"'{code_of(node)}' {what} (strict mode assumes nothing about it)")
        self.trace.assumptions.add(what)

    def dunder(self, value: object, node: cst.CSTNode, what: str) -> None:
        """Check that an operation which calls ``value``'s dunder methods (``__bool__``, ``__eq__``, ``__hash__``,
        ``__format__``, ``__iter__``…) runs no project code.

        Concrete values and the verifier's markers have built-in dunders; :data:`OPAQUE` (instance state, a
        parameter, another variable) uses the stated assumption; :data:`UNTRUSTED` (possibly an instance of a
        project class) and a class whose metaclass is a project class raise :class:`Effect` naming the expression.
        """
        if value is UNTRUSTED:
            raise Effect(node, f"'{code_of(node)}' {what} a value whose type is not known to be a built-in one (a project class's dunder method may run)")
        if isinstance(value, BoundMethod) and (what in _FORMATTING_OPERATIONS or _dunders_for(what) is None):
            # A bound method's str/repr/format is '<bound method Q of {repr(__self__)}>': formatting `self.run` runs
            # repr(self) (review 10, R10-13). Its ==/hash use the receiver's identity (3.8+): no dunder there.
            self.dunder(value.value, node, "passes to repr()")
            return
        if isinstance(value, Function) and value.bound and value.owner is not None and (what in _FORMATTING_OPERATIONS or _dunders_for(what) is None):
            self.dunder(_method_receiver(self, value), node, "passes to repr()")  # `self.run` formatted (R10-13)
            return
        if isinstance(value, Coroutine):
            raise _dropped_coroutine(node)  # `f"{self.is_ready()}"`: used, then dropped unawaited (review 9, R9-11)
        if isinstance(value, Instance):
            needed = _dunders_for(what)
            hit = value.dunders if needed is None or "*" in value.dunders else value.dunders & needed
            if hit:
                reason = (
                    "a base, metaclass or decorator the verifier cannot see into may define its dunders" if "*" in hit
                    else f"its class defines {', '.join(sorted(hit))} (project code)"
                )
                if value.origin:
                    reason = value.origin if "*" in hit else f"{value.origin}, whose class defines {', '.join(sorted(hit))} (project code)"
                raise Effect(node, f"'{code_of(node)}' {what} {value.name}: {reason}")
            self.assume(node, f"{what} an instance of a project class whose subclasses add no dunder")
            return
        if isinstance(value, Module) and self.foreign_object(value):
            raise Effect(node, f"'{code_of(node)}' {what} '{value.dotted}', an object from a third-party module (its class's dunder method, e.g. Django's LazySettings.__str__/__bool__, may run code)")
        if isinstance(value, ClassValue):
            problem = self.metaclass_problem(value)
            if problem is not None:
                raise Effect(node, f"'{code_of(node)}' {what} a class whose {problem}")
        if isinstance(value, (tuple, frozenset)) and not is_concrete(value):
            for item in value:
                self.dunder(item, node, what)
        if value is OPAQUE:
            self.assume(node, f"{what} a value of unknown type")
        elif not is_concrete(value):
            self.trace.assumptions.add("may raise")  # -len, {[]: 1}: a built-in dunder can raise into an `except`

    def metaclass_problem(self, value: ClassValue, depth: int = 0) -> str | None:
        """None when the class's metaclass is ``type`` or a library one; else which project metaclass may run code.

        Follows ``metaclass=`` keywords and project base classes (up to :data:`MAX_HELPER_DEPTH` levels): a
        metaclass defined outside the project is assumed to have pure dunders and properties (stated assumption).
        """
        node = value.node
        facts = value.facts or self.facts
        evaluator = self if facts is self.facts else self.module_evaluator(facts)
        for keyword in node.keywords:
            if keyword.keyword is not None and keyword.keyword.value == "metaclass":
                try:
                    meta = evaluator.evaluate(keyword.value)
                except EvalError:
                    return f"metaclass '{code_of(keyword.value)}' is not proven (class {node.name.value})"
                if not isinstance(meta, (Builtin, Module)):
                    return f"metaclass '{code_of(keyword.value)}' is a project class (class {node.name.value})"
        if depth >= MAX_HELPER_DEPTH:
            return f"class hierarchy of {node.name.value} is deeper than {MAX_HELPER_DEPTH}"
        for base in node.bases:
            try:
                parent = evaluator.evaluate(_generic_origin(base.value))
            except EvalError:
                return f"base '{code_of(base.value)}' of {node.name.value} is not proven"
            if parent is UNTRUSTED or parent is OPAQUE:
                return f"base '{code_of(base.value)}' of {node.name.value} is not a known class"
            if isinstance(parent, ClassValue):
                problem = self.metaclass_problem(parent, depth + 1)
                if problem is not None:
                    return problem
        return None

    def foreign_object(self, value: Module) -> bool:
        """True when ``value`` is an object (not a module) that a module outside the project and the standard
        library binds: ``from django.conf import settings`` (a ``LazySettings`` instance), ``celery.current_app``.

        Its dunders (truth, ``str()`` when a log record is formatted, ``==``, iteration…) are its class's code, as
        for a project instance (hostile VH-16). An attribute *of* it (``settings.DEBUG``) is a value of unknown type
        like instance state (the dunder assumption). Which dotted prefix is a module is found on the verifier's
        ``sys.path`` without importing anything; a name whose top-level package is not found there counts as an
        object below its first component.
        """
        dotted = value.dotted
        top = dotted.split(".")[0]
        if top in STDLIB_MODULES or "." not in dotted:
            return False  # the standard library's objects: stated assumption; `import x` binds a module
        try:
            if self.context.resolver.is_module(top):
                return False  # project names are resolved by the walk itself
        except Exception:  # HelperError: an unparsable project module
            return True
        return len(dotted.split(".")) - _module_prefix_length(dotted) == 1

    def class_getitem_problem(self, value: ClassValue, depth: int = 0) -> str | None:
        """None when subscripting the project class ``value`` (``Registry["feed"]``) runs no project code.

        ``C[x]`` calls ``C.__class_getitem__`` when the class or a base defines one (hostile VH-2), else the
        metaclass's ``__getitem__`` (:meth:`metaclass_problem`). Project bases are followed (up to
        :data:`MAX_HELPER_DEPTH`); a base that is not a project class (``typing.Generic``) is a library, whose
        ``__class_getitem__`` is assumed pure like the rest of the library's dunders.
        """
        node = value.node
        facts = value.facts or self.facts
        qualname = facts.class_qualname(node) or node.name.value
        if (qualname, "<__class_getitem__>") in attribute_stores(facts):  # censused on the full source (stubbed bodies)
            return f"{node.name.value}.__class_getitem__ is project code"
        problem = self.metaclass_problem(value)
        if problem is not None:
            return f"its {problem}"
        if depth >= MAX_HELPER_DEPTH:
            return f"the class hierarchy of {node.name.value} is deeper than {MAX_HELPER_DEPTH}"
        evaluator = self if facts is self.facts else self.module_evaluator(facts)
        for base in node.bases:
            try:
                parent = evaluator.evaluate(_generic_origin(base.value))
            except EvalError:
                return f"base '{code_of(base.value)}' of {node.name.value} is not proven"
            if isinstance(parent, ClassValue):
                problem = self.class_getitem_problem(parent, depth + 1)
                if problem is not None:
                    return problem
            elif parent is UNTRUSTED or parent is OPAQUE:
                return f"base '{code_of(base.value)}' of {node.name.value} is not a known class"
        return None

    # -- entry -------------------------------------------------------------
    def evaluate(self, node: cst.BaseExpression) -> object:
        method = getattr(self, f"_eval_{type(node).__name__}", None)
        if method is None:
            raise Effect(node, f"'{code_of(node)}' ({type(node).__name__}) is outside the pure fragment")
        return method(node)

    def truth(self, value: object, node: cst.CSTNode) -> object:
        """``bool(value)``, or OPAQUE when unknown; a value of unknown type uses the dunder assumption."""
        if isinstance(value, StoredThread):
            return OPAQUE  # None or a thread (no __bool__/__len__: true)
        if value is OPAQUE or value is UNTRUSTED or isinstance(value, Instance):
            self.dunder(value, node, "tests the truth of")
            return OPAQUE
        if isinstance(value, ClassValue):
            self.dunder(value, node, "tests the truth of")
        if isinstance(value, Coroutine):
            # `if self.is_ready():` on an `async def`, `assert coro()`, `not coro()`: the test is always true and
            # then the object is dropped, which warns through `warnings` ("never awaited"), an effect (R8-6, review 8)
            raise Effect(node, f"'{code_of(node)}' tests a coroutine that is never awaited: when it is dropped Python warns (RuntimeWarning 'coroutine ... was never awaited', through the warnings machinery and its handlers)")
        if value is MODE_DERIVED and self.trace.problems:
            # `mode in HB_VALUES` with a constant that may have changed in place: name why it is unknown (TG009)
            raise Unsupported(node, f"'{code_of(node)}' compares {self.context.env_var} with a value that is not proven: {self.trace.problems[-1]}", "binding")
        if value is MODE_DERIVED:
            raise Unsupported(node, f"'{code_of(node)}' tests {self.context.env_var} through an operation the value table cannot decide (only equality of the value, its .lower()/.upper()/.casefold()/.strip(), with known strings is); some value may run neither or both worlds", "world")
        if isinstance(value, Module) and self.foreign_object(value):
            self.dunder(value, node, "tests the truth of")
        if isinstance(value, Module) and "." in value.dotted and value.dotted != "logging":
            # An attribute of a module the verifier did not resolve (`settings.FLAG`, `sys.flags.interactive`): it may
            # be a module, a class, a function — or a constant whose truth is unknown. Both branches are walked.
            self.dunder(OPAQUE, node, "tests the truth of")
            return OPAQUE
        if value is NotImplemented or (isinstance(value, Builtin) and value.name == "NotImplemented"):
            # bool(NotImplemented) warns since Python 3.9 (DeprecationWarning): through the warnings machinery, whose
            # filters and showwarning import-time code may have set (hostile review 12, H4)
            raise Effect(node, f"'{code_of(node)}' tests the truth of NotImplemented, which warns (DeprecationWarning, through the warnings machinery and its handlers)")
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
                self._check_format_spec(part, value)
            if isinstance(value, str) and part.conversion is None and not part.format_spec:
                parts.append(value)
            else:
                if not is_concrete(value):
                    self.dunder(value, part.expression, "formats")
                known = False
        if mode_part:
            return MODE_DERIVED
        return "".join(parts) if known and "{" not in "".join(parts) else OPAQUE

    def _check_format_spec(self, part: cst.FormattedStringExpression, value: object) -> None:
        """Raises :class:`Crash` when formatting the known ``value`` with the part's literal spec raises in every world
        (``f"{'a':d}"``, ``f"{1:x<}"`` is fine; hostile review 20): the conversion is applied first, as Python does."""
        spec = part.format_spec
        if not is_concrete(value) or tainted(value) or seed_dependent(value) or spec is None:
            return
        if not all(isinstance(piece, cst.FormattedStringText) for piece in spec):
            return
        text = "".join(piece.value for piece in spec)  # type: ignore[union-attr]
        if "\\" in text or "{" in text or "}" in text or any(len(digits) > 4 for digits in re.findall(r"\d+", text)):
            return  # escapes and doubled braces (the raw source text is not the spec); a width that would allocate
        converted = {"r": repr, "s": str, "a": ascii}.get(part.conversion or "", lambda v: v)(value)
        try:
            format(converted, text)
        except (ValueError, TypeError, OverflowError) as exc:
            raise Crash(part, f"'{code_of(part.expression)}' formatted with '{text}' raises {type(exc).__name__} ({exc})", type(exc).__name__) from exc

    def _eval_Integer(self, node: cst.Integer) -> object:
        return node.evaluated_value

    def _eval_Float(self, node: cst.Float) -> object:
        return node.evaluated_value

    def _eval_Imaginary(self, node: cst.Imaginary) -> object:
        return node.evaluated_value

    def _eval_Ellipsis(self, node: cst.Ellipsis) -> object:
        return ...

    def _elements(self, elements: object, hashing: bool = False) -> list[object] | None:
        values: list[object] = []
        known = True
        for element in elements:  # type: ignore[attr-defined]
            if isinstance(element, (cst.StarredElement, cst.StarredDictElement)):
                unpacked = self.evaluate(element.value)
                if isinstance(element, cst.StarredDictElement) and not self.proven_mapping(unpacked, element.value):
                    # {**x} calls x.keys() (an ordinary method) on a value not proven built in (R6-6)
                    raise Effect(element, f"'**{code_of(element.value)}' calls '{code_of(element.value)}.keys()' (a method of a value not proven built in)")
                self.dunder(unpacked, element, "unpacks")
                if isinstance(element, cst.StarredElement) and (unpacked is None or isinstance(unpacked, (int, float))):
                    # `(*1,)`, `[*"ab", *None]`: not iterable, in every world (hostile review 21, H5)
                    raise Crash(element, f"'*{code_of(element.value)}' raises TypeError ({type(unpacked).__name__} is not iterable)", "TypeError")
                self.trace.assumptions.add("may raise")
                known = False
            elif isinstance(element, cst.DictElement):
                key, value = self.evaluate(element.key), self.evaluate(element.value)
                for part, item in ((element.key, key), (element.value, value)):
                    if isinstance(item, Coroutine):
                        raise _dropped_coroutine(part)
                    if _method_of_project_object(item):
                        raise _Holds()  # `{"k": self.helper}` formatted runs repr(self) (hostile review 21, H6)
                if hashing:
                    self.dunder(key, element.key, "hashes")
                values.append((key, value))
            else:
                value = self.evaluate(element.value)
                if isinstance(value, Coroutine):
                    raise _dropped_coroutine(element.value)  # `[self.is_ready()]`: put in a display, never awaited (R9-11)
                if _method_of_project_object(value):
                    raise _Holds()  # `(self.helper,)`: formatting the container runs repr(self) (hostile review 21, H6)
                if hashing:
                    self.dunder(value, element.value, "hashes")
                values.append(value)
        if not known or not all(is_concrete(v) for v in values):
            if any(_holds_untrusted(v) for v in values):
                raise _Holds()  # str([self]) runs the element's __repr__: a container of such values is untrusted
            for v in values:
                for item in (v if isinstance(v, tuple) else (v,)):
                    if isinstance(item, ClassValue) and self.metaclass_problem(item) is not None:
                        raise _Holds()  # `x in [C]` compares with C: its project metaclass's __eq__ runs
                    if isinstance(item, Module) and self.foreign_object(item):
                        raise _Holds()  # a third-party object's dunders run when the container is compared/sorted
            self.elements_tainted = any(tainted(v) for v in values)
            return None
        return values

    def _eval_Tuple(self, node: cst.Tuple) -> object:
        self.elements_tainted = False
        try:
            values = self._elements(node.elements)
        except _Holds:
            return UNTRUSTED  # a container of untrusted values: sorting, comparing or hashing it runs their dunders
        if values is None:
            return MODE_DERIVED if self.elements_tainted else OPAQUE
        return tuple(values)

    def _eval_List(self, node: cst.List) -> object:
        value = self._eval_Tuple(node)  # type: ignore[arg-type]
        return ListValue(value) if type(value) is tuple else value

    def _eval_Set(self, node: cst.Set) -> object:
        self.trace.assumptions.add("may raise")  # unhashable elements
        self.elements_tainted = False
        try:
            values = self._elements(node.elements, hashing=True)
        except _Holds:
            return UNTRUSTED
        if values is None:
            return MODE_DERIVED if self.elements_tainted else OPAQUE
        try:
            return frozenset(values)
        except TypeError as exc:
            raise Crash(node, f"unhashable set element: {exc}", "TypeError") from exc

    def _eval_Dict(self, node: cst.Dict) -> object:
        self.trace.assumptions.add("may raise")  # unhashable keys
        self.elements_tainted = False
        try:
            values = self._elements(node.elements, hashing=True)
        except _Holds:
            return UNTRUSTED
        if self.elements_tainted or (values is not None and tainted(values)):
            return MODE_DERIVED
        if values is not None and all(isinstance(v, tuple) and len(v) == 2 for v in values):
            try:
                hash(tuple(key for key, _ in values))  # the keys only: `{"feed": [1, 2]}` is a dict (review 21, F1)
            except TypeError as exc:
                raise Crash(node, f"unhashable dict key: {exc}", "TypeError") from exc
            return ConstDict(tuple(values))  # type: ignore[arg-type]
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
                self.dunder(iterable, generator.iter, "iterates over")
            if generator.asynchronous is not None:
                raise Effect(generator, "an 'async for' in a comprehension awaits unknown code")
            store = _stored_target(generator.target)
            if store is not None:
                # `[x for self.count in …]`, `{… for _REG["k"] in …}`: the target is an ordinary store on every
                # iteration (__setattr__/__setitem__ of an outside object), not a comprehension-local name (R6-26)
                raise Effect(store, f"the comprehension target '{code_of(store)}' stores outside the function on every iteration")
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
        for name, instance in self._display_instances(node.for_in):
            # `any(s.pending for s in [self])`: the variable also holds each project instance of the display, whose
            # properties and methods run on reads (review 8, R8-14); judged once per such element
            again = self.child({**inner, name: Bound(instance)})
            for condition in node.for_in.ifs:
                again.truth(again.evaluate(condition.test), condition)
            for part in ((node.key, node.value) if isinstance(node, cst.DictComp) else (node.elt,)):
                again.evaluate(part)
        # A walrus in the comprehension binds in the function (PEP 572), any number of times, also never:
        # a name bound before now holds an unknown value; one bound only here stays "may be unbound".
        for name in walrus_in_comprehensions(node, inside=True):
            if name in self.locals:
                self.locals[name] = Bound(OPAQUE)
        return MODE_DERIVED if mode_iterated else OPAQUE

    def _display_instances(self, generator: cst.CompFor | cst.For) -> list[tuple[str, Instance]]:
        """(target name, element) for each element of a literal display iterated by ``generator`` (``for s in
        [self, other]``) that is an instance of a project class, when the target is a plain name and the display the
        only loop of a comprehension; empty otherwise. The display's elements are names and attributes already
        judged by the iterable's own evaluation."""
        if isinstance(generator, cst.CompFor) and generator.inner_for_in is not None:
            return []
        if not isinstance(generator.target, cst.Name) or not isinstance(generator.iter, (cst.Tuple, cst.List, cst.Set)):
            return []
        found: list[tuple[str, Instance]] = []
        for element in generator.iter.elements:
            if isinstance(element, cst.Element) and isinstance(element.value, cst.Name) and element.value.value in self.locals:
                value = self.locals[element.value.value].value
                if isinstance(value, Instance) and value.cls is not None and all(value is not v for _, v in found):
                    found.append((generator.target.value, value))
        return found

    _eval_ListComp = _comprehension
    _eval_SetComp = _comprehension
    _eval_DictComp = _comprehension

    def _eval_GeneratorExp(self, node: cst.GeneratorExp) -> object:
        # Only the first iterable is evaluated when the generator is created; the rest runs when it is consumed,
        # which the caller of the function may do (a returned generator is iterated by whoever receives it), so
        # every part is judged as if it ran.
        return self._comprehension(node)

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
        if self.class_namespace is not None:
            found = self._class_namespace_name(node)
            if found is not _MISSING:
                return found
        where = self._where(node)
        if where == "local":
            raise Unsupported(node, f"'{name}' may be unbound here")
        if where == "enclosing":
            from thor_guard.verifier.closures import enclosing_value

            return enclosing_value(self, node)  # what the enclosing function binds to it (review 10, R10-11)
        mangled = self.mangled(name)
        if mangled != name:
            # Inside a class Python looks up `__helper` as `_Feed__helper`, also for module globals (hostile R4-2);
            # locals are mangled on both sides, so only global and builtin lookups change.
            if self.facts.bindings.problem(mangled, own_lookup=True) is None and not self.facts.bindings.bindings(mangled):
                raise Crash(node, f"'{name}' inside class {self.owner.name.value} is looked up as '{mangled}', which is not defined (NameError)", "NameError")  # type: ignore[union-attr]
            return self.module_name(self.facts, mangled, node)
        if where == "builtin":
            problem = (
                self.facts.bindings.problem(name, own_lookup=True) or self.walk_patch(f"builtins.{name}")
                # `setattr(sys.modules["app.mod"], "bool", f)` in another module: a global that shadows the builtin
                # (hostile review 13)
                or self.walk_patch(f"{self.facts.name}.{name}")
            )
            if problem is not None:  # builtins.RuntimeError = X, [builtins][0].X = ...: the builtin is not proven
                self.trace.problems.append(problem)
                raise Unsupported(node, problem, "binding")
            if name == "__debug__":
                return OPAQUE  # False under `python -O`: `if __debug__: <guard>` does not always run (hostile VH-9)
            return Builtin(name) if hasattr(builtins, name) else OPAQUE
        if where == "undefined":
            raise Crash(node, f"'{name}' is not defined (NameError)", "NameError")
        return self.module_name(self.facts, name, node)

    def _class_namespace_name(self, node: cst.Name) -> object:
        """``node`` read by code that runs in the class body :attr:`class_namespace` (a default of a method, the
        value of a class attribute): Python looks it up in the class namespace first, as the body has bound it so far,
        then in the module. The value of the one binding that surely reaches the statement (a literal, or an earlier
        class attribute's expression, evaluated the same way); :data:`_MISSING` when the body has not bound the name
        before (the module global is read); an unproven binding (conditional, an import, a def, several statements
        that disagree) is TG009 naming it."""
        assert self.class_namespace is not None
        classdef, facts, lines = self.class_namespace
        name = node.value
        qualname = facts.class_qualname(classdef)
        sites = facts.bindings.classes.get(qualname, {}).get(name) if qualname is not None else None
        if sites is None:
            if qualname is None and name in class_body_names(classdef, facts):
                raise Unsupported(node, f"'{name}' in the class body of {classdef.name.value} (a class defined inside a function) is not proven", "binding")
            return _MISSING
        body = class_body_statements(facts, qualname)  # type: ignore[arg-type]
        if not lines or body is None:
            raise Unsupported(node, f"'{name}' is bound in the class body of {classdef.name.value}, which the verifier could not read", "binding")
        results: list[object] = []
        for line in lines:
            earlier = [site for site in sites if site.line < line]
            if not earlier:
                results.append(_MISSING)
                continue
            last = max((i for i, site in enumerate(earlier) if not site.conditional), default=None)
            reaching = earlier[last:] if last is not None else earlier
            site = reaching[-1]
            statement = next((st for st in body if st.lineno == site.line and isinstance(st, (ast.Assign, ast.AnnAssign))), None)
            if last is None or len(reaching) != 1 or site.kind not in ("assign", "annassign") or statement is None or statement.value is None:
                raise Unsupported(node, f"'{name}' is read in the class namespace of {classdef.name.value}, which binds it at line {site.line} ('{site.text}'): not proven", "binding")
            try:
                results.append(ast.literal_eval(statement.value))
                continue
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                pass
            expression = cst.parse_expression(ast.unparse(statement.value))
            inner = Evaluator(facts, self.analysis, {}, self.trace, depth=self.depth + 1)
            inner.class_namespace = (classdef, facts, (site.line,))
            results.append(inner.evaluate(expression))
        first = results[0]
        if any(r is not first and not (is_concrete(r) and is_concrete(first) and r == first and type(r) is type(first)) for r in results[1:]):
            raise Unsupported(node, f"'{name}' in the class namespace of {classdef.name.value} differs between the definitions of the same name", "binding")
        return first

    def walk_patch(self, dotted: str) -> str | None:
        """A store on ``dotted`` (a module-level name or a builtin) made at import time by a module of the entry
        point's import walk: its parent package's ``__init__`` (``feed.heartbeat_owns_work = f``), a module it
        imports circularly (``import m; m.os = X``), a compat shim (``builtins.len = f``) - hostile R5-7/R5-8."""
        module = getattr(self.context, "module", None)
        if not isinstance(module, str):
            return None
        return self.context.resolver.patch_problem(dotted, module, (), import_system=False)  # the module is already loaded

    def walk_class_patches(self, owner: cst.ClassDef, facts: ModuleFacts) -> dict[str, str]:
        """Attribute name -> why, for every attribute a module of the entry point's import walk stores on the project
        class ``owner`` of ``facts``' module, or on an object reached through it (``errs.OwnsWork.__init__ = f``,
        ``modes.Mode.HEARTBEAT._value_ = "x"``, ``setattr(Base, name, f)`` as ``"*"``). Unlike :meth:`walk_patch`,
        which asks whether the object a name gives was replaced, this asks whether the class was changed in place:
        its methods, dunders and members then are not what its body binds (hostile review 20, kinds 1-4)."""
        module = getattr(self.context, "module", None)
        qualname = facts.class_qualname(owner)
        if not isinstance(module, str) or qualname is None:
            return {}
        prefix = f"{facts.name}.{qualname}."
        resolver = self.context.resolver
        found: dict[str, str] = {}
        for target, (path, line, text) in resolver.patches_reaching(module).items():
            if target.startswith(prefix) or target.startswith(UNKNOWN_CLASS_PREFIX):
                attribute = target[len(prefix if target.startswith(prefix) else UNKNOWN_CLASS_PREFIX):].split(".")[0]
                found.setdefault(attribute, (
                    f"'{facts.name}.{qualname}' cannot be proven: {resolver.shown(path)} (imported with {module}) "
                    f"patches '{target}' at line {line} ('{text}')"
                ))
        return found

    def walk_hierarchy_patches(self, owner: cst.ClassDef, facts: ModuleFacts) -> dict[str, str]:
        """:meth:`walk_class_patches` over ``owner`` and every project class of its method resolution order."""
        order = linearise(self, owner, facts)
        classes = [(owner, facts)] if isinstance(order, str) else [(node, module) for node, module, _ in order.classes]
        found: dict[str, str] = {}
        for node, module in classes:
            for attribute, why in self.walk_class_patches(node, module).items():
                found.setdefault(attribute, why)
        return found

    def mutable_constant_problem(self, facts: ModuleFacts, name: str, expression: cst.BaseExpression) -> str | None:
        """None when the constant ``name = expression`` of ``facts``' module is immutable, or a flat list/set/dict
        display that no use in its module or in the module reading it may change in place; else why not (R4-1).

        Other modules are covered by the stated assumption that nothing outside the import walk patches the
        modules the guard uses (docs/check.md, assumption 11)."""
        count = 0 if self._copied_display(facts, expression) else mutable_displays(expression)
        if count == 0:
            return None
        if count > 1 or not isinstance(expression, (cst.List, cst.Set, cst.Dict)):
            return f"{name} holds a mutable container inside another value (its elements may change in place)"
        modules = {id(m): m for m in (facts, self.facts, *self._entry_facts())}
        for module in modules.values():
            problem = mutation_problem(module, name)
            if problem is not None:
                return f"{name} is a mutable {type(expression).__name__.lower()}: {problem} (in {module.name})"
        return None

    def _copied_display(self, facts: ModuleFacts, expression: cst.BaseExpression) -> bool:
        """True for ``frozenset({"a"})`` / ``frozenset(["a"])`` / ``tuple(["a"])`` with ``frozenset``/``tuple`` proven
        the builtins in ``facts``' module: the builtin copies the display's immutable elements into an immutable
        object, and no name ever refers to the list/set display itself (FA8-6, review 8). A display holding another
        mutable display, a starred or keyword argument, or a rebound ``frozenset`` is not one."""
        if not (
            isinstance(expression, cst.Call)
            and isinstance(expression.func, cst.Name)
            and expression.func.value in ("frozenset", "tuple")
            and len(expression.args) == 1
            and expression.args[0].keyword is None
            and not expression.args[0].star
            and isinstance(expression.args[0].value, (cst.List, cst.Set, cst.Tuple))
        ):
            return False
        display = expression.args[0].value
        if any(isinstance(e, cst.StarredElement) or mutable_displays(e.value) for e in display.elements):
            return False
        try:
            function = self.module_name(facts, expression.func.value, expression.func)
        except (Effect, Unsupported, Crash, Raises):
            return False
        return isinstance(function, Builtin) and function.name == expression.func.value

    def _entry_facts(self) -> tuple[ModuleFacts, ...]:
        """The analysed entry point's module, when the context knows it (its code may mutate a helper's constant)."""
        module = getattr(self.context, "module", None)
        if not isinstance(module, str):
            return ()
        try:
            facts = self.context.resolver.module_facts(module)
        except Exception:  # HelperError: an unparsable project module
            return ()
        return (facts,) if facts is not None else ()

    def mangled(self, name: str) -> str:
        """``name`` as Python compiles it in the owner class's code: ``__x`` becomes ``_Owner__x`` (private mangling)."""
        return name if self.owner is None else _mangle(name, self.owner.name.value)

    def _where(self, node: cst.Name) -> str:
        if node.value in self.globals_declared:
            return "global"
        if node.value in self.facts.comprehension_walrus(self.function_scope):
            return "local"  # bound by a walrus inside a comprehension: a local of the function (PEP 572)
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

    def _cache_decorator(self, decorator: cst.BaseExpression) -> bool:
        """``@functools.cache`` / ``@functools.lru_cache`` / ``@functools.lru_cache(...)``, proven the standard library's."""
        names = self.decorator_names(self.facts, decorator.func if isinstance(decorator, cst.Call) else decorator) & CACHE_DECORATORS
        return bool(names) and not any(self._unproven_library(n) for n in names)

    def _star_source(self, facts: ModuleFacts, name: str) -> ModuleFacts | None:
        """The project module whose star import alone binds ``name`` in ``facts``' module (review 9, FA9-12): no other
        binding of the name there, and the only hazard covering it is one star import whose exports are known
        (:meth:`thor_guard.verifier.context.HelperResolver.star_exports`, which narrowed the hazard's names)."""
        if facts.bindings.bindings(name):
            return None
        covering = [h for h in facts.bindings.hazards if h.names is None or name in h.names]
        if len(covering) != 1 or covering[0].module is None or covering[0].names is None:
            return None
        try:
            return self.context.resolver.module_facts(facts.absolute(covering[0].module))
        except Exception:  # HelperError: unreadable, the ordinary rule answers
            return None

    def _star_agrees(self, facts: ModuleFacts, name: str) -> bool:
        """``name`` is bound in ``facts``' module only by imports of one module, and the one hazard covering it is a
        star import of a project module that binds it only by imports of that same module (``import os`` in both):
        whichever binding runs last, the name is that module (FA9-12)."""
        sites = facts.bindings.bindings(name)
        if not sites or any(s.kind != "import" or s.target is None for s in sites) or facts.bindings.hazard_for(name) is None:
            return False
        targets = {facts.absolute(s.target) for s in sites if s.target is not None}
        covering = [h for h in facts.bindings.hazards if h.names is None or name in h.names]
        if len(targets) != 1 or len(covering) != 1 or covering[0].module is None or covering[0].names is None:
            return False
        try:
            source = self.context.resolver.module_facts(facts.absolute(covering[0].module))
        except Exception:  # HelperError
            return False
        other = source.bindings.bindings(name) if source is not None else []
        if not other or any(s.kind != "import" or s.target is None or s.conditional for s in other) or source.bindings.problem(name) is not None:
            return False
        return {source.absolute(s.target) for s in other if s.target is not None} == targets and self.walk_patch(f"{source.name}.{name}") is None

    def _overloaded_method(self, name: str) -> cst.FunctionDef | None:
        """The implementation when ``name`` of the owner's class body is proven ``typing.overload`` stubs followed by
        it (the last ``def``, FA9-8): the stubs are not rebindings of the method a read finds; else None."""
        from thor_guard.verifier.overloads import overload_family

        assert self.owner is not None
        body = self.owner.body.body if isinstance(self.owner.body, cst.IndentedBlock) else ()
        last = next((s for s in reversed(body) if isinstance(s, cst.FunctionDef) and s.name.value == name), None)
        if last is None:
            return None
        family = overload_family(self.facts, last, self.context)
        return last if family is not None and family.implementation is last else None

    def _overload_implementation(self, facts: ModuleFacts, name: str) -> cst.FunctionDef | None:
        """The implementation of module-level ``name`` when its bindings are proven ``typing.overload`` stubs followed by
        it (:func:`thor_guard.verifier.overloads.overload_family`: the same proof as for an entry point), else None."""
        from thor_guard.verifier.overloads import overload_family

        last = next((s for s in reversed(facts.module.body) if isinstance(s, cst.FunctionDef) and s.name.value == name), None)
        if last is None:
            return None
        family = overload_family(facts, last, self.context)
        return family.implementation if family is not None and family.implementation is last else None

    def module_name(self, facts: ModuleFacts, name: str, node: cst.CSTNode) -> object:
        """The value of module-level ``name`` of ``facts``' module, when every binding of it is known."""
        source = self._star_source(facts, name)
        if source is not None and self.depth < MAX_HELPER_DEPTH and self.walk_patch(f"{facts.name}.{name}") is None:
            # bound only by `from .constants import *` of a project module exporting it (FA9-12): that module's name
            return self.module_name(source, name, node)
        problem = facts.bindings.problem(name) or self.walk_patch(f"{facts.name}.{name}")
        if problem is not None and self.walk_patch(f"{facts.name}.{name}") is None and self._star_agrees(facts, name):
            problem = None  # `import os` here and in the star-imported module: either binding is the module os
        if problem is not None and self.walk_patch(f"{facts.name}.{name}") is None:
            implementation = self._overload_implementation(facts, name)
            if implementation is not None:
                # `@typing.overload` stubs then the implementation (FA9-8): the name is the implementation
                return Function(facts, implementation, f"{facts.name}.{name}")
        if problem is not None and not self.callee_depth and self.walk_patch(f"{facts.name}.{name}") is None and literal_global_state(facts, name):
            # `global _started` … `_started = True` in functions: a flag of built-in values whose current value is
            # unknown; reading it is pure, and a test of it is followed both ways (assumption-free: its type is known)
            return OPAQUE
        if problem is not None:
            self.trace.problems.append(problem)
            if self.callee_depth:
                raise Unsupported(node, problem, "binding")  # what a call runs must be proven
            return OPAQUE  # reading it is pure; its value is unknown (a condition on it says so, TG009)
        sites = facts.bindings.bindings(name)
        if not sites:
            if name in INTROSPECTION_NAMES:
                return UNTRUSTED  # `f"{__builtins__}"` formats every builtin, also one a project module stored (review 20)
            if hasattr(builtins, name):
                return Builtin(name)
            if name in LOADER_SET_NAMES or (name == "__path__" and facts.is_package):
                # `__file__`, `__cached__`: bound by the import system before the module's code runs (`__name__` and
                # `__spec__` are found among the builtins' own attributes above); reading one is pure, its value a
                # string or None the walk does not know (review AR3-22: `logger.info("skip %s", __file__)` in a
                # guard was a NameError, so a false TG006)
                return OPAQUE
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
            return ClassValue(owner, facts) if owner is not None else OPAQUE
        expression = facts.module_value(name)
        if expression is None or self.depth >= MAX_HELPER_DEPTH:
            return OPAQUE
        if isinstance(expression, cst.Lambda) and site.kind == "assign":
            # `_is_hb = lambda: os.environ.get(...) == "heartbeat"`, bound once: walked like the `def` it is
            return Function(facts, lambda_function(facts, name, expression), f"{facts.name}.{name}")
        problem = self.mutable_constant_problem(facts, name, expression)
        if problem is not None:
            self.trace.problems.append(problem)
            return OPAQUE  # a list/set/dict that may have changed in place: its value is unknown (R4-1)
        raised_before = "may raise" in self.trace.assumptions
        try:
            value = self.module_evaluator(facts).evaluate(expression)
            if not raised_before:
                # The expression ran when the module was imported; reading the bound name now cannot raise, so an
                # `except` around `logger.info(...)` (logger = logging.getLogger(...)) is not reachable through it.
                self.trace.assumptions.discard("may raise")
            if isinstance(value, ConstDict) and not isinstance(expression, cst.Dict):
                # A dict display passed mutable_constant_problem's census (one census for every mutable constant);
                # a dict built otherwise (`dict(a=1)`) was not censused: its contents are unknown.
                return OPAQUE
            if isinstance(value, Logger) and logging_problem(facts) is not None:
                return UNTRUSTED  # the defining module replaces the logger class or adds handlers: not a known logger
            return value
        except Unsupported as exc:
            if self.callee_depth:
                raise
            self.trace.problems.append(exc.reason)
            return OPAQUE
        except (Effect, Crash, Raises):
            # It ran (or failed) when the module was imported; reading the name now is pure, but the value may be
            # an instance of a project class (``_OBJ = _O()``) whose dunders run project code.
            return UNTRUSTED

    def dotted(self, dotted: str, node: cst.CSTNode) -> object:
        """Resolve an imported dotted name: ``os.environ``/``os.getenv``, a project module, function or constant."""
        problem = self.context.resolver.binding_problem(dotted) or self.context.resolver.patch_problem(
            dotted, self.context.module, (self.context.env_var, *self.context.stale_flags)
        )
        if problem is not None:  # a package attribute or a project module shadowing the standard library
            self.trace.problems.append(problem)
            if self.callee_depth:
                raise Unsupported(node, problem, "binding")
            return OPAQUE
        if dotted in (ENV_GET, GETENV, ENVIRON):
            return Marker(dotted)
        if dotted == "logging":
            return Module("logging")
        module, _, attribute = dotted.rpartition(".")
        resolver = self.context.resolver
        top = dotted.split(".")[0]
        if top in STDLIB_MODULES and top != self.facts.name.split(".")[0]:
            try:
                shadowed = resolver.is_module(top)
            except Exception:  # HelperError: an unparsable project module
                shadowed = True
            if shadowed:
                # `import io` gives the interpreter's io (loaded at start-up) whatever io.py the project has, while
                # other standard modules are shadowed by a project module first on sys.path: which one runs is unknown.
                raise Unsupported(node, f"'{dotted}': the project module {top} has the name of a standard-library module, so which one is imported is not known", "binding")
        if top in STDLIB_MODULES and resolver.stdlib_shadows:
            self._lazy_stdlib_attribute(dotted, node)
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
        if isinstance(base, cst.Call):
            found = self.super_member(base, node.attr.value, node)
            if found is not None:
                return found
        if node.attr.value in ("value", "name") and isinstance(base, cst.Attribute):
            member = self._enum_member(base)
            if member is not None:
                # `Mode.HEARTBEAT.value` of a proven plain Enum: the literal (the member itself never equals it)
                return member[1] if node.attr.value == "value" else member[0]
        if isinstance(base, (cst.Name, cst.Attribute)):
            found = self._plain_enum_member(node)
            if found is not None:
                return found
        if isinstance(base, cst.Name) and self.owner is not None and base.value not in self.locals.keys() - {self.receiver}:
            if base.value in {self.receiver, self._owner_name()} and base.value is not None:
                member = self.class_member(node.attr.value, node, bound=base.value == self.receiver)
                if member is not None:
                    return member
        value = self.evaluate(base)
        return self.attribute(value, node.attr.value, node)

    def _format_fields(self, template: str, node: cst.Call) -> None:
        """``"{0.x}".format(self)`` / ``"{s.x}".format(s=self)``: a replacement field's attribute chain is read from the
        argument at run time, so on ``self`` it is ``self.x`` (a property's getter, ``__getattr__``) — judged as the
        spelled-out load (hostile review 6, R6-7). A template the formatter rejects raises: left to the call itself."""
        positional = [a.value for a in node.args if not a.star and a.keyword is None]
        named = {a.keyword.value: a.value for a in node.args if a.keyword is not None}
        for field in replacement_fields(template) or ():
            head = field.head
            argument = positional[int(head)] if head.isdigit() and int(head) < len(positional) else named.get(head)
            self._field_reads(argument, field.rest, node)

    def _field_reads(self, argument: cst.BaseExpression | None, rest: str, node: cst.Call) -> None:
        """The attribute loads of one replacement field (``rest``: ``x.y[0]`` after the argument's name) read from
        ``argument``: on ``self`` the spelled-out load of the first attribute (its getter, ``__getattr__``); on any
        other name or attribute chain, the attribute loads themselves (:meth:`attribute`: a project module's PEP 562
        ``__getattr__``, a class's metaclass hooks; hostile review 12, H3)."""
        if argument is None or not rest:
            return
        if self._reads_self(argument):
            self.class_member(rest.split(".")[0].split("[")[0], node, bound=True)
            return
        if not isinstance(argument, (cst.Name, cst.Attribute)):
            return  # a literal or a call's value: the argument was judged as an expression already
        value = self.evaluate(argument)
        for step in rest.split("."):
            name = step.split("[")[0]
            if not name or is_concrete(value):
                return  # an index first ({0[key]}) or a built-in value: no project code on the way
            value = self.attribute(value, name, node)
            if "[" in step:
                return  # an item of what was read: a __getitem__ the dunder rule judged with the argument

    def _format_map_fields(self, template: str, node: cst.Call) -> None:
        """``"{s.x}".format_map({"s": self})``: each named field is looked up in the mapping and its attribute chain
        read (on ``self``: ``self.x``, judged as the spelled-out load), in template order; a positional field
        (``{0}``, ``{}``) makes ``format_map`` raise ValueError in every world (review 6, FM5: the legacy body never
        runs), after the fields before it were read."""
        fields = replacement_fields(template)
        if fields is None:
            return
        mapping = node.args[0].value if len(node.args) == 1 and not node.args[0].star and node.args[0].keyword is None else None
        entries: dict[str, cst.BaseExpression] = {}
        if isinstance(mapping, cst.Dict):
            for element in mapping.elements:
                if isinstance(element, cst.DictElement) and isinstance(element.key, cst.SimpleString):
                    entries[str(element.key.evaluated_value)] = element.value
        for field in fields:
            if field.head.isdigit():  # `{0}`, or `{}` numbered automatically
                raise Crash(node, f"'{code_of(node)}' raises ValueError (format_map() takes no positional field such as '{{{field.text}}}')", "ValueError")
            self._field_reads(entries.get(field.head), field.rest, node)

    def _lazy_stdlib_attribute(self, dotted: str, node: cst.CSTNode) -> None:
        """``concurrent.futures.ThreadPoolExecutor``: a standard-library module with a module ``__getattr__`` (PEP 562)
        imports on the first read of a name it serves lazily; an effect when what it may import reaches a project
        module that shadows a standard-library one (hostile review 15)."""
        parts = dotted.split(".")
        shadows = self.context.resolver.stdlib_shadows
        for index in range(len(parts) - 1, 0, -1):
            module = ".".join(parts[:index])
            if has_module_getattr(module):
                reached = sorted(import_closure(module) & shadows.keys())
                if reached:
                    raise Effect(
                        node,
                        f"'{code_of(node)}' may run project code: {module} imports lazily through its module __getattr__, which "
                        f"reaches {reached[0]}, and the project module {self.context.resolver.shown(shadows[reached[0]])} has that name",
                    )
                return

    def _traceback_imports(self, node: cst.Call) -> None:
        """A log call that formats a traceback or a stack (``logger.exception``, ``exc_info=``, ``stack_info=``)
        imports on first use what :func:`~thor_guard.verifier.stdlib_closure.traceback_modules` lists (``ast`` for
        3.11's carets): an effect when the project shadows one of them (hostile review 15)."""
        self._shadow_used(node, traceback_modules(), "formatting the traceback imports")
        self._patched_internals(node, traceback_modules(), "formatting the traceback")

    def _record_lookups(self, node: cst.Call) -> None:
        """Every log record calls into the modules :func:`~thor_guard.verifier.stdlib_closure.log_record_lookups`
        lists when they are in ``sys.modules`` (``multiprocessing.current_process()``): an effect when a project
        module has one of those names (hostile review 16)."""
        self._shadow_used(node, log_record_lookups(), "every log record calls into sys.modules['{}']".format)

    def _patched_internals(self, node: cst.CSTNode, modules: frozenset[str], how: str) -> None:
        """Raises :class:`Effect` when a module of the import walk stores on one of the standard-library ``modules``
        that ``node``'s library code calls into (``time.time = f``, ``threading.current_thread = f``,
        ``encodings.idna.ToASCII = f``: hostile review 17, H1) - the guard need not name that module. ``sys`` counts
        only for ``sys._getframe`` (logging's ``findCaller``): its streams are judged as a stream replacement."""
        patched_internals(self.context, node, modules, how)

    def _shadow_used(self, node: cst.CSTNode, modules: frozenset[str], how: str | Callable[[str], str]) -> None:
        """Raises :class:`Effect` when one of the standard-library ``modules`` that ``node`` loads or calls into has
        a project module of the same name (:attr:`~thor_guard.verifier.context.HelperResolver.stdlib_shadows`);
        ``how`` says how ``node`` reaches it (a prefix of the name, or a function of it)."""
        shadows = self.context.resolver.stdlib_shadows
        reached = sorted(modules & shadows.keys()) if shadows else []
        if reached:
            name = reached[0]
            used = how(name) if callable(how) else f"{how} {name}"
            raise Effect(
                node,
                f"'{code_of(node)}' may run project code: {used}, and the project module "
                f"{self.context.resolver.shown(shadows[name])} has that standard-library name",
            )

    def _codec_lookup(self, node: cst.Call, arguments: list[object], keywords: dict[str, object]) -> None:
        """``.encode(codec)`` / ``.decode(codec)`` with a codec the interpreter does not have built in imports
        ``encodings.<codec>`` on first use (``"x".encode("idna")`` imports ``stringprep``): when the project has a
        module named like a standard-library one, that import may load it (:mod:`thor_guard.stdlib_shadows`,
        hostile review 14). Raises :class:`Effect` then."""
        codec = arguments[0] if arguments else keywords.get("encoding", "utf-8")
        errors = arguments[1] if len(arguments) > 1 else keywords.get("errors", "strict")
        loaded = codec_modules(codec, errors)
        # a codec module a project module patches at import time (`encodings.idna.ToASCII = f`, hostile review 17)
        self._patched_internals(node, loaded if loaded is not None else frozenset({"encodings", "codecs"}), "the codec")
        shadows = self.context.resolver.stdlib_shadows
        if not shadows:
            return
        reached = sorted(shadows.keys() if loaded is None else loaded & shadows.keys())
        if not reached:
            return
        name, path = reached[0], shadows[reached[0]]
        raise Effect(
            node,
            f"'{code_of(node)}' may run project code: its codec or error handler imports {'modules not known statically' if loaded is None else name} "
            f"on first use, and the project module {self.context.resolver.shown(path)} has the name of the standard-library module {name}",
        )

    def proven_mapping(self, value: object, node: cst.BaseExpression) -> bool:
        """``value`` (the value of ``node``) is a built-in value whose ``keys()``/``get()`` run no project code: a
        literal, a module dict constant, or the function's own ``**kwargs``/``*args`` parameter (not rebound).
        ``dict(x)``, ``{**x}``, ``f(**x)`` and mapping patterns call those ordinary methods on anything else."""
        if is_concrete(value) or isinstance(value, ConstDict) or tainted(value):
            return True
        return value is OPAQUE and isinstance(node, cst.Name) and node.value in self.builtin_parameters

    def super_member(self, call: cst.Call, name: str, node: cst.CSTNode) -> object | None:
        """``super().<name>`` / ``super(Cls, self).<name>`` in a method walked on a known object (review 9, FA9-1):
        Python looks ``name`` up in the object's method resolution order *after* the method's own class (or ``Cls``),
        with ``self`` unchanged — so it is judged as a base's member read on that object is (a method walked with
        ``self`` bound, a getter run, a computed binding an effect). None when that is not what the call is (``super``
        rebound, another receiver, an order that is not exact or cannot be computed, no project class after the start
        binds ``name``: a library base): the caller then judges ``super()`` as any call, an effect."""
        if not call.args and self.owner is not None and _remade_with_slots(self.owner):
            # `@dataclass(slots=True)` returns a new class, but the method's `__class__` cell (zero-argument super())
            # still holds the old one, which the object is no instance of (CPython before 3.14, gh-90562; hostile
            # review 19, H6)
            raise Crash(node, f"'{code_of(node)}' raises TypeError: {self.owner.name.value} is remade by @dataclass(slots=True), so zero-argument super() names a class the object is not an instance of", "TypeError")
        start = self._super_start(call)
        if start is None:
            return None
        instance = self._receiver_instance()
        if instance is None:
            assert self.owner is not None
            instance = instance_of(self, self.owner, self.facts, self.receiver or "self")
        if instance.cls is None or instance.cls_facts is None:
            return None
        order = linearise(self, instance.cls, instance.cls_facts)
        if isinstance(order, str) or not order.exact:
            return None
        start_class, start_facts = start
        wanted = (start_facts.name, start_facts.class_qualname(start_class))
        index = next((i for i, (c, f, _) in enumerate(order.classes) if c is start_class or (f.name, f.class_qualname(c)) == wanted), None)
        if index is None:
            return None
        candidates = [(c, f, b) for c, f, _ in order.classes[index + 1 :] if (b := class_binding(f, c, name)) is not None]
        if not candidates:
            return None
        classdef, facts, binding = candidates[0]
        if binding.kind == "plain":
            method = self._base_method(facts, classdef, name, binding)
            if method is not None:
                return Function(method[0], method[1], f"{method[0].name}.{classdef.name.value}.{name}", classdef, bound=True, receiver=instance)
        probe = self._member_probe(instance, classdef, facts)
        found = probe._surviving_binding(facts, classdef, name, node, binding)
        if found is not None:
            return found
        return probe.class_member(name, node, bound=True)

    def _super_start(self, call: cst.Call) -> tuple[cst.ClassDef, ModuleFacts] | None:
        """The class after which ``super(...)`` starts its search, when ``call`` is the builtin ``super`` on this
        method's own receiver: ``super()`` (the method's class) or ``super(Cls, self)`` (a proven project class)."""
        if not (isinstance(call.func, cst.Name) and call.func.value == "super") or self.owner is None or not self.instance_receiver:
            return None
        if self.receiver is None or not self._reads_self(cst.Name(self.receiver)) or "super" in self.locals:
            return None
        try:
            if self.module_name(self.facts, "super", call.func) != Builtin("super"):
                return None
        except EvalError:
            return None
        if not call.args:
            return self.owner, self.facts
        if len(call.args) != 2 or any(a.star or a.keyword is not None for a in call.args) or not self._reads_self(call.args[1].value):
            return None
        try:
            cls = self.evaluate(call.args[0].value)
        except EvalError:
            return None
        return (cls.node, cls.facts or self.facts) if isinstance(cls, ClassValue) else None

    def _reads_self(self, node: cst.BaseExpression) -> bool:
        """``node`` is the instance receiver ``self`` of the entry point or helper method (not a local rebinding)."""
        return (
            isinstance(node, cst.Name) and self.owner is not None and self.instance_receiver
            and node.value == self.receiver and node.value not in self.locals.keys() - {self.receiver}
        )

    def _own_class(self, node: cst.BaseExpression) -> bool:
        """``node`` is ``type(self)`` (the builtin ``type``) or ``self.__class__`` on the instance receiver."""
        if isinstance(node, cst.Attribute) and node.attr.value == "__class__":
            return self._reads_self(node.value)
        if not (isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == "type" and len(node.args) == 1):
            return False
        if node.args[0].star or node.args[0].keyword is not None or not self._reads_self(node.args[0].value):
            return False
        try:
            return self.evaluate(node.func) == Builtin("type")
        except EvalError:
            return False

    def _owner_name(self) -> str | None:
        """The owner class's name, when reading it as a global gives that very class (bound once, proven)."""
        assert self.owner is not None
        name = self.owner.name.value
        return name if self.facts.bindings.problem(name) is None else None

    def _property_with_accessors(self, qualname: str, name: str) -> bool:
        """``name`` is bound in the class body only by ``def``s: one plain ``@property`` and then ``@name.setter`` /
        ``@name.deleter`` (see :func:`_class_member`); a read runs the property's getter, which is walked."""
        sites = self.facts.bindings.classes.get(qualname, {}).get(name, [])
        member = _class_member(self.owner, name) if self.owner is not None else None
        return (
            len(sites) > 1 and all(site.kind == "def" for site in sites)
            and isinstance(member, cst.FunctionDef) and _is_plain_property(member)
        )

    def class_member(self, name: str, node: cst.CSTNode, *, bound: bool) -> object | None:
        """``self.x``/``cls.x``/``Owner.x`` from the class's own body (an override in a subclass is not seen)."""
        assert self.owner is not None
        if bound and self.instance_receiver and not self._resolving:
            instance = self._receiver_instance()
            if instance is not None and instance.cls is not self.owner:
                # `self` inside a base's method or getter walked for an instance of a subclass (the entry point's
                # class): Python looks `self.x` up from the object's class down its MRO, so an override in the
                # subclass is what runs (review 8, R8-15 template method; FA8-4 caveat OV1)
                return self.instance_member(instance, name, node)
        qualname = self.facts.class_qualname(self.owner)
        rebound = (
            qualname is not None and self.facts.bindings.class_problem(qualname, name) is not None
            and not self._property_with_accessors(qualname, name) and self._overloaded_method(name) is None
        )
        reads = bound and self.instance_receiver and isinstance(node, (cst.Attribute, cst.Call))
        if reads:
            store = _class_object_store(self.facts, self.owner.name.value, name) or self._mangled_store(_class_object_store, name)
            if store is not None:
                # `Feed.pending = property(f)` after the class (review 7, ST7): the class attribute a read finds may be
                # a descriptor installed by that store, whose getter the read runs
                raise Effect(node, f"'{code_of(node)}': the attribute store at line {store[0]} ('{store[1]}') may put a property or other descriptor on the class, whose getter the read runs")
        if reads:
            # The binding that survives the class body decides, whatever statement made it (review 7, R7-11:
            # `pending = 0` then `@property def pending`; R7-12: an import, walrus, unpacking, with/for target),
            # also where the top-level statements alone look like one property (review 8, R8-1: a redefinition
            # under `if`/`try` after `@property`/`@x.setter`; R8-13: `@property` over another decorator).
            top = self._own_member(name)
            if rebound or not isinstance(top, cst.BaseExpression):
                # (one top-level `name = <expr>` is judged below: a plain project instance is not a descriptor)
                surviving = self._surviving_binding(self.facts, self.owner, name, node)
                if surviving is not None:
                    return surviving
            if (rebound or top is None) and class_binding(self.facts, self.owner, name) is not None:
                return None  # plain values (several literals…): instance state of unknown value, as before
        if rebound:
            return None
        patched = self.walk_patch(f"{self.facts.name}.{qualname}.{name}") if qualname is not None else None
        if patched is not None and self._own_member(name) is not None:
            # a module of the import walk stores on this class (`from .feed import Feed; Feed.VARIABLE = …` in the
            # package __init__, hostile R5-9): the class body's binding is not what the attribute holds
            self.trace.problems.append(patched)
            raise Unsupported(node, patched, "binding")
        method = self._own_member(name)
        if method is None and bound and self.instance_receiver and class_binding(self.facts, self.owner, name) is None:
            # a property or method of a base (FA8-4: an inherited guard-helper method is walked), or __getattr__
            inherited = self._inherited_read(name, node)
            if inherited is not None:
                return inherited
        if isinstance(method, cst.FunctionDef):
            wrappers = {
                code_of(d.decorator)
                for d in method.decorators
                # an identity marker (@typing.final) leaves the function itself: the call's decorator_problem proves it
                if not self.decorator_names(self.facts, d.decorator) & IDENTITY_DECORATORS
                # functools.cache / lru_cache(...): a wrapper that calls the function (hashing its arguments, self
                # included, which the call judges) — walked as for a module function (FA9-5); the call's
                # decorator_problem proves the binding and the factory's arguments
                and not (bound and self._cache_decorator(d.decorator))
            } - {"staticmethod", "classmethod"}
            chained = _classmethod_over(
                [d.decorator for d in method.decorators], code_of, lambda d: bool(self.decorator_names(self.facts, d) & IDENTITY_DECORATORS)
            )
            if chained is not None and isinstance(node, cst.Attribute):
                # `@classmethod` over `@property` (or any decorator below it): on Python 3.9-3.12 classmethod's
                # __get__ calls the wrapped object's __get__, so a plain read of the class or an instance runs the
                # getter (hostile review 16)
                raise Effect(node, f"'{code_of(node)}' reads '{name}', a classmethod over '@{code_of(chained)}': on Python 3.9-3.12 the read runs that object's __get__ (a property's getter)")
            if _getter_decorated(self.facts, method) and bound and self.instance_receiver:
                # `self.x` of a plain `@property` or a `@cached_property` (functools, Django; the first read runs the
                # getter) runs its getter with self: walked like `self.x()` of a method (precision: a property guard
                # helper is a guard). Subclass overrides: assumption 3.
                if isinstance(node, (cst.Attribute, cst.Call)):
                    return self._walk_getter(self.facts, method, self.owner, name, node)
            if wrappers:
                if bound and self.instance_receiver and isinstance(node, cst.Attribute) and not self.callee_depth:
                    # A read (not a call) of a method whose decorator is the project's own object — `final = property`
                    # then `@final` (review 9, R9-16), any project decorator or descriptor class — may run its __get__.
                    own = next((d for d in method.decorators if self._project_decorator(d.decorator)), None)
                    if own is not None:
                        raise Effect(node, f"'{code_of(node)}' reads '{name}', whose decorator '@{code_of(own.decorator)}' is the project's own object (it may be a property or another descriptor whose __get__ runs code)")
                # `@property`, `@cached_property`, any other decorator: reading `self.x` gives what the descriptor
                # returns (the property's value), not the function — its truth and type are unknown (hostile VH-10).
                self.assume(node, "loads an attribute (no side-effecting properties)")
                return OPAQUE
            return Function(self.facts, method, f"{self.facts.name}.{self.owner.name.value}.{name}", self.owner, bound=bound, receiver=self._receiver_instance() if bound else None)
        if isinstance(method, cst.BaseExpression) and self.depth < MAX_HELPER_DEPTH:
            store = _store_through_object(self.facts, self.owner.name.value, name) or self._mangled_store(_store_through_object, name)
            if store is not None:  # `service.VARIABLE = "..."` in another class's method (R4-9, CA8)
                raise Unsupported(node, f"'{code_of(node)}': the attribute store at line {store[0]} ('{store[1]}') may replace the class attribute {name}", "binding")
            shadow = instance_attribute_store(self, self.owner, name)
            if shadow is None and self.mangled(name) != name:
                shadow = instance_attribute_store(self, self.owner, self.mangled(name))  # `setattr(self, "_Feed__x", v)`
            if shadow is not None:
                # `self.VARIABLE = "FEED_MODE"` / `vars(self)["VARIABLE"] = ...` in __init__ or any method of the
                # hierarchy: the instance attribute shadows the class body's value (hostile review 5, SV3)
                if bound and self.instance_receiver:
                    receiver = self._receiver_instance()
                    if receiver is None:
                        receiver = instance_of(self, self.owner, self.facts, self.receiver or "self")
                    held = attribute_value(self, receiver, name, loggers=False)  # `market = None` then `self.market = Market()`
                    if isinstance(held, StoredThread):
                        return held  # `_thread = None` then `self._thread = threading.Thread(...)`: None or a thread
                    self.trace.problems.append(f"'{code_of(node)}': {shadow}")
                    return held
                self.trace.problems.append(f"'{code_of(node)}': {shadow}")
                return OPAQUE
            self.assume(node, "reads a class attribute that no instance or subclass overrides")
            problem = self.mutable_constant_problem(self.facts, name, method)
            try:
                # evaluated even when the value may change in place: `pending = [property(f)][0]` is a descriptor,
                # whose getter a read runs (review 7, R7-12 variant), whatever the container census says
                inner = Evaluator(self.facts, self.analysis, {}, self.trace, depth=self.depth + 1)
                binding = class_binding(self.facts, self.owner, name)
                if binding is not None and binding.line:
                    # `MODE_KEY = VARIABLE` after a class-body `VARIABLE = …`: computed in the class namespace (R8-11)
                    inner.class_namespace = (self.owner, self.facts, (binding.line,))
                value = inner.evaluate(method)
            except Unsupported:
                if problem is None:
                    raise
                value = OPAQUE
            except (Effect, Crash, Raises):
                # `clock = _Clock()`: computed when the class was created (not by this call); reading it is pure, but
                # it may be a project instance whose dunders run — judged where this function uses it (review 5, TP6)
                # — unless its class may be a descriptor: then the load itself runs __get__ (hostile review 6, R6-23)
                if not self._made_by_plain_class(method):
                    raise Effect(node, f"'{code_of(node)}' loads the class attribute {name}, which may hold a project object whose __get__ runs (a descriptor)") from None
                return UNTRUSTED
            if value is UNTRUSTED or isinstance(value, Instance):
                # `client = _CLIENT`, a module-level project instance: the load runs its class's __get__ if it has one
                raise Effect(node, f"'{code_of(node)}' loads the class attribute {name}, which may hold a project object whose __get__ runs (a descriptor)")
            if problem is not None:
                self.trace.problems.append(f"class attribute {self.owner.name.value}.{name}: {problem}")
                return OPAQUE  # `HB = ["heartbeat"]` in the class body, `Feed.HB.remove(...)` anywhere (R4-1)
            if bound and value == Marker(GETENV):
                # `class Feed: getenv = os.getenv` then `self.getenv(...)`: os.getenv is a Python function, so through
                # the instance it is a bound method and self becomes its key argument (hostile VH-7)
                raise Unsupported(node, f"'{code_of(node)}' reads os.getenv stored on the class: through self it is a bound method, so self becomes its first argument", "binding")
            if bound and isinstance(value, Function) and value.owner is None:
                # `class Feed: helper = helper` then `self.helper()`: a function stored on the class is a method when
                # read through the instance, so Python passes self as its first argument (hostile VH-1).
                return Function(value.facts, value.node, value.qualified, self.owner, bound=True, receiver=self._receiver_instance())
            return value
        return None

    def _mangled_store(
        self, find: Callable[[ModuleFacts, str, str], tuple[int, str, str, str | None] | None], name: str
    ) -> tuple[int, str, str, str | None] | None:
        """``find`` (a store census of the owner's module) asked for the mangled spelling of a private ``name``
        (``self._Feed__x = v`` or ``setattr(feed, "_Feed__x", v)`` stores what ``self.__x`` in Feed reads; hostile
        review 18); None for other names."""
        assert self.owner is not None
        key = self.mangled(name)
        return find(self.facts, self.owner.name.value, key) if key != name else None

    def _own_member(self, name: str) -> cst.FunctionDef | cst.BaseExpression | None:
        """:func:`_class_member` of the owner; for a class whose body the skeleton elided (a base class), the value
        of its one unconditional ``name = <expr>`` statement, cut from the full source."""
        assert self.owner is not None
        member = _class_member(self.owner, name)
        if member is not None:
            return member
        implementation = self._overloaded_method(name)
        if implementation is not None:
            return implementation  # `@typing.overload` stubs, then this def (FA9-8)
        qualname = self.facts.class_qualname(self.owner)
        sites = self.facts.bindings.classes.get(qualname, {}).get(name, []) if qualname is not None else []
        if len(sites) != 1 or sites[0].conditional or sites[0].kind not in ("assign", "annassign"):
            return None
        body = class_body_statements(self.facts, qualname)  # type: ignore[arg-type]
        statement = next((st for st in body or () if st.lineno == sites[0].line and isinstance(st, (ast.Assign, ast.AnnAssign))), None)
        if statement is None or statement.value is None:
            return None
        cache = self.facts.__dict__.setdefault("_elided_members", {})
        key = (qualname, name)
        if key not in cache:  # one node per binding: memo keys and messages use node identity
            cache[key] = cst.parse_expression(ast.unparse(statement.value))
        return cache[key]

    def _made_by_plain_class(self, expression: cst.BaseExpression) -> bool:
        """``expression`` is ``SomeClass(...)`` of a proven project class none of whose project classes (itself and
        its bases, up to :data:`MAX_HELPER_DEPTH`) defines ``__get__`` — so the instance is not a descriptor. A
        decorator, metaclass or unresolved base may add one: not plain."""
        if not isinstance(expression, cst.Call):
            return False
        try:
            value = self.evaluate(expression.func)
        except EvalError:
            return False

        def plain(cls: ClassValue, depth: int) -> bool:
            node, facts = cls.node, cls.facts or self.facts
            if depth >= MAX_HELPER_DEPTH or node.decorators or node.keywords:
                return False
            if "__get__" in class_body_names(node, facts) or _source_class_binds(facts, node.name.value, "__get__"):
                return False
            probe = self if facts is self.facts else self.module_evaluator(facts)
            for base in node.bases:
                try:
                    parent = probe.evaluate(_generic_origin(base.value))
                except EvalError:
                    return False
                if isinstance(parent, ClassValue):
                    if not plain(parent, depth + 1):
                        return False
                elif not isinstance(parent, (Builtin, Module)):
                    return False
            return True

        return isinstance(value, ClassValue) and plain(value, 0)

    def _module_getattr(self, module: str, name: str, node: cst.CSTNode) -> None:
        """``conf.FEED_LIMIT`` on a project module that binds the name nowhere but defines a module-level
        ``__getattr__`` calls it (PEP 562): project code the verifier has read runs on this attribute load (hostile
        review 6, R6-15). ``from conf import FEED_LIMIT`` runs it at import time instead (not a call-time effect)."""
        if self.depth >= MAX_HELPER_DEPTH or module.split(".")[0] in STDLIB_MODULES:
            return
        try:
            if not self.context.resolver.is_module(module):
                return
            facts = self.context.resolver.module_facts(module)
        except Exception:  # HelperError: an unparsable project module is judged where its names are resolved
            return
        if facts is None or not facts.bindings.served_by_getattr(name):
            return
        if self.context.resolver.is_module(f"{module}.{name}"):
            return  # a submodule: `import conf.sub` binds it as an attribute (the import walk judges it)
        how = "binds nowhere" if not facts.bindings.bindings(name) else "may not hold at that moment (bound under a condition, deleted, or bound after its __getattr__)"
        raise Effect(node, f"'{code_of(node)}' reads '{name}', which {module} {how}: its module __getattr__ runs (PEP 562)")

    def _walk_getter(self, facts: ModuleFacts, method: cst.FunctionDef, owner: cst.ClassDef, name: str, node: cst.CSTNode) -> object:
        """Run the getter of property ``name`` (defined in class ``owner`` of ``facts``) on ``self``: its result."""
        facts, full = facts.recover(method)
        getters = facts.__dict__.setdefault("_property_getters", {})
        if id(full) not in getters:  # the getter without its decorator, one node per method (memo keys)
            getters[id(full)] = (full, full.with_changes(decorators=()))
        getter = Function(facts, getters[id(full)][1], f"{facts.name}.{owner.name.value}.{name}", owner, bound=True, receiver=self._receiver_instance())
        return self.analysis.call(self, node, getter, [], {})

    def _receiver_instance(self) -> Instance | None:
        """The object ``self`` holds in this method (an :class:`Instance` of a known class), or None."""
        if self.receiver is None or not self.instance_receiver:
            return None
        bound = self.locals.get(self.receiver)
        value = bound.value if bound is not None else None
        return value if isinstance(value, Instance) and value.cls is not None else None

    def _inherited_read(self, name: str, node: cst.CSTNode) -> object | None:
        """``self.<name>`` that the entry point's own class body does not bind (hostile review 6, R6-16/R6-9): the
        project bases are searched in the method resolution order (:meth:`instance_member`)."""
        assert self.owner is not None
        instance = self._receiver_instance()
        if instance is None:
            instance = instance_of(self, self.owner, self.facts, self.receiver or "self")
        return self.instance_member(instance, name, node, skip_own=instance.cls is self.owner)

    def instance_member(self, instance: Instance, name: str, node: cst.CSTNode, *, skip_own: bool = False) -> object | None:
        """What reading ``<obj>.<name>`` runs and gives for ``instance``, an object of a known project class, whatever
        name holds it (``self`` in a base's method, a helper's parameter, an alias: review 8, R8-14/R8-15).

        Python looks the name up in the object's class and then its bases in the method resolution order (C3,
        :func:`~thor_guard.verifier.hierarchy.linearise`; a depth-first search picks the wrong class in a mixin
        diamond, review 7, R7-10): the first class that binds it decides, judged as that class's own body is
        (:meth:`class_member`): a plain ``@property``/``@cached_property`` getter is walked with ``self`` bound to
        ``instance``; another decorator or a computed class attribute may run code when read (an effect); a method is
        a :class:`Function` called on ``instance`` (FA8-4: an inherited guard helper); a literal is its value when no
        instance store can shadow it. When the order is not exact (a library base whose own bases are not read, a
        metaclass), every project class that binds the name is judged and the value is unknown. A hierarchy whose
        order cannot be computed is TG009. When no class binds the name and one defines ``__getattr__``, the read
        runs it: an effect. None: instance state or library code (assumptions 1, 7). ``skip_own``: the object's
        own class body was already read by the caller."""
        assert instance.cls is not None and instance.cls_facts is not None
        order = linearise(self, instance.cls, instance.cls_facts)
        if isinstance(order, str):
            raise Unsupported(node, f"'{code_of(node)}' reads '{name}' through the class hierarchy: {order}", "binding")
        # `self.__x` in a method of Base reads `_Base__x`, whatever class the object has (private name mangling,
        # hostile review 18, H2): only classes whose body's `__x` mangles to the same name bind it
        key = self.mangled(name)
        patched = self.walk_hierarchy_patches(instance.cls, instance.cls_facts)
        why = patched.get(key) or patched.get("*")
        if why is not None:
            # `Base.heartbeat_owns_work = f` in a module of the import walk: no class body says what the read gives
            # (hostile review 20, kind 3)
            self.trace.problems.append(why)
            raise Unsupported(node, why, "binding")
        candidates: list[tuple[cst.ClassDef, ModuleFacts, ClassBinding | None]] = []  # None: a slot (H3)
        for position, (c, f, _) in enumerate(order.classes):
            slots = slot_names(f, c)
            if slots is ANY_SLOT or key in {_mangle(slot, c.name.value) for slot in slots}:
                candidates.append((c, f, None))  # checked even when skip_own: the own body's slots bind no name
                continue
            own_read = skip_own and position == 0  # the caller read `name` from this body already
            found = class_binding(f, c, name) if _mangle(name, c.name.value) == key and not own_read else None
            for other in {key, _demangled(key, c.name.value)} - {name, None}:
                # the same attribute spelt otherwise in the body: `_Base__x = …` for a read of `self.__x` in Base, or
                # `__x` in Feed's body for a read of `self._Feed__x` (hostile review 19, H4): judged as a descriptor
                literal = class_binding(f, c, other) if found is None else None  # type: ignore[arg-type]
                if literal is not None:
                    found = ClassBinding("descriptor", literal.line, literal.text)
            if found is not None:
                candidates.append((c, f, found))
        if any(binding is None for _, _, binding in candidates[: 1 if order.exact else None]):
            # a slot the read may find: the instance's value, or, unset, AttributeError and so __getattr__
            if class_dunders(self, instance.cls, instance.cls_facts) & {"__getattr__", "*"}:
                raise Effect(node, f"'{code_of(node)}' reads '{name}', a __slots__ member of {instance.cls.name.value}'s hierarchy: while it is unset the read runs the class's __getattr__ (project code)")
            if order.exact:
                return None  # instance state of unknown value (assumption 4)
        if not order.exact and len(candidates) > 1:
            for classdef, facts, binding in candidates:  # any of them may be the one the read finds
                if binding is not None and binding.kind != "plain":
                    self._member_probe(instance, classdef, facts)._surviving_binding(facts, classdef, name, node, binding)
            return None
        if not candidates:
            if "__getattr__" in class_dunders(self, instance.cls, instance.cls_facts):
                raise Effect(node, f"'{code_of(node)}': no class of {instance.cls.name.value}'s hierarchy binds '{name}', so reading it runs the class's __getattr__ (project code)")
            return None
        classdef, facts, binding = candidates[0]
        if binding is None:
            return None
        probe = self._member_probe(instance, classdef, facts)
        if binding.kind == "plain" and classdef is not instance.cls:
            method = self._base_method(facts, classdef, name, binding)
            if method is not None:
                return Function(method[0], method[1], f"{method[0].name}.{classdef.name.value}.{name}", classdef, bound=True, receiver=instance)
        if binding.kind != "plain" or classdef is not instance.cls:
            found = probe._surviving_binding(facts, classdef, name, node, binding)
            if found is not None:
                return found
        found = probe.class_member(name, node, bound=True)
        if classdef is not instance.cls and found is not None and not isinstance(found, Function) and found is not OPAQUE:
            # a literal of a base: an instance store anywhere in the object's own hierarchy may shadow it
            module = self if instance.cls_facts is self.facts else self.module_evaluator(instance.cls_facts)
            shadow = instance_attribute_store(module, instance.cls, name)
            if shadow is None and key != name:
                shadow = instance_attribute_store(module, instance.cls, key)  # `setattr(self, "_Base__x", v)`
            if shadow is not None:
                self.trace.problems.append(f"'{code_of(node)}': {shadow}")
                return OPAQUE
        return found

    @staticmethod
    def _base_method(facts: ModuleFacts, classdef: cst.ClassDef, name: str, binding: ClassBinding) -> tuple[ModuleFacts, cst.FunctionDef] | None:
        """The plain method (no decorator, or only ``staticmethod``/``classmethod``) that ``binding`` — a "plain"
        binding of ``name`` in base ``classdef`` — makes, recovered from the source when the skeleton elided the
        class body; None when the binding is not such a ``def``."""
        member = getter_def(facts, classdef, name, binding.line)
        recovered = (facts, member) if member is not None and not is_stub(member) else None
        qualname = facts.class_qualname(classdef)
        if recovered is None and qualname is not None:
            recovered = facts.recover_qualname(f"{qualname}.{name}", binding.line)
        if recovered is None:
            return None
        decorators = [code_of(d.decorator) for d in recovered[1].decorators]
        if decorators not in ([], ["staticmethod"], ["classmethod"]):
            return None
        return recovered

    def _member_probe(self, instance: Instance, classdef: cst.ClassDef, facts: ModuleFacts) -> Evaluator:
        """An evaluator for a read of ``classdef``'s own body (a class of ``instance``'s MRO) with ``self`` holding
        ``instance``; it does not look up the MRO again (:meth:`instance_member` already chose ``classdef``)."""
        receiver = self.receiver if self.receiver is not None and self.instance_receiver else "self"
        probe = Evaluator(
            facts, self.analysis, {receiver: Bound(instance)}, self.trace, depth=self.depth, owner=classdef,
            receiver=receiver, instance_receiver=True,
        )
        probe._resolving = True
        return probe

    def _surviving_binding(self, facts: ModuleFacts, classdef: cst.ClassDef, name: str, node: cst.CSTNode, binding: ClassBinding | None = None) -> object | None:
        """``self.<name>`` bound in the body of ``classdef`` (the owner or a base) by the binding that survives the
        body (:func:`~thor_guard.verifier.class_bindings.class_binding`): a ``@property``/``@cached_property`` getter
        is walked (its result); a computed value, an import, another decorator… may be a descriptor whose
        ``__get__`` runs: an effect naming the binding. None for a plain binding or none."""
        binding = binding if binding is not None else class_binding(facts, classdef, name)
        if binding is None or binding.kind == "plain":
            return None
        if binding.kind == "getter":
            member = getter_def(facts, classdef, name, binding.line)
            recovered = (facts, member) if member is not None and not is_stub(member) else None
            qualname = facts.class_qualname(classdef)
            if recovered is None and qualname is not None:
                # the skeleton (or another module's outline) elided the class body: cut the getter from the source
                recovered = facts.recover_qualname(f"{qualname}.{name}", binding.line)
            if recovered is not None and _getter_decorated(*recovered):
                root = _root_name(recovered[1].decorators[0].decorator)
                if root is not None and root in class_body_names(classdef, facts):
                    # `property = _Tracked` in the class body: the decorator below it is that class, whose __get__
                    # runs on the read (review 8, R8-2); the getter alone is not what runs
                    raise Effect(node, f"'{code_of(node)}' reads '{name}', whose decorator '@{code_of(recovered[1].decorators[0].decorator)}' uses '{root}', which the class body of {classdef.name.value} rebinds (a descriptor whose __get__ may run code)")
                return self._walk_getter(recovered[0], recovered[1], classdef, name, node)
        where = "the class" if classdef is self.owner else "the base class"
        raise Effect(node, f"'{code_of(node)}' reads '{name}', which {where} {classdef.name.value} binds at line {binding.line} ('{binding.text}') with a decorator, an import or a computed value (a property or descriptor whose getter may run code)")

    def attribute(self, value: object, name: str, node: cst.CSTNode) -> object:
        if name in INTROSPECTION_ATTRIBUTES and not (
            is_concrete(value) or value is None or isinstance(value, (Marker, Logger)) or (name == "__dict__" and isinstance(value, Instance))
        ):
            # (an instance's own `__dict__` is its state, judged as instance state below: review 10, R10 state dunders)
            # `self.run.__self__`, `helper.__defaults__`, `type(self).__dict__`, `mod.__dict__`: the object handed
            # back is the project's own (an instance, a default, a class attribute), not a value of built-in type, so
            # formatting, comparing or testing it runs its dunders (hostile review 20, kind 6)
            self.assume(node, "loads an attribute (no side-effecting properties)")
            return UNTRUSTED
        if isinstance(value, Module):
            self._module_getattr(value.dotted, name, node)
            result = self.dotted(f"{value.dotted}.{name}", node)
            if isinstance(result, Module) or result is OPAQUE:
                # an attribute the verifier did not resolve (`settings.MISSING`, `os.sepp`) may not exist: an
                # `except AttributeError` around it is reachable (hostile VH-12); outside a `try` it is assumed to
                # exist (docs/check.md assumption 2), which --explain names
                self.trace.assumptions.add("may raise")
                if "." in value.dotted and value.dotted.split(".")[0] not in STDLIB_MODULES:
                    self.trace.assumptions.add("loads a module attribute the verifier did not resolve (assumed to exist outside a try)")
            return result
        if isinstance(value, Marker):
            return BoundMethod(value, name)
        if isinstance(value, StoredThread):
            if self.callee_depth:
                return BoundMethod(value, name)
            self.assume(node, "loads an attribute (no side-effecting properties)")
            return OPAQUE
        if isinstance(value, EnumMember) and name in ("value", "name", "_value_", "_name_"):
            return value.value if name in ("value", "_value_") else value.name
        if isinstance(value, tuple) and not hasattr(value, name) and hasattr(list, name):
            # list displays are modelled as tuples: `.append`/`.extend`… are the list's own (mutating) methods
            raise Effect(node, f"'{code_of(node)}' mutates a list (outside the pure fragment)")
        if isinstance(value, (str, bytes)) or value is None or isinstance(value, (int, float, tuple, frozenset)):
            if not hasattr(value, name):
                raise Crash(node, f"'{code_of(node)}' raises AttributeError ({type(value).__name__} has no attribute {name!r})", "AttributeError")
            return BoundMethod(value, name)
        if isinstance(value, Logger):
            # `logger.info` as a callee is the method; `logger.disabled` as a value is state of unknown value
            return BoundMethod(value, name) if self.callee_depth else OPAQUE
        if isinstance(value, ClassValue):
            problem = self.metaclass_problem(value)
            if problem is not None:  # a metaclass property or __getattribute__ runs on a class attribute load
                raise Effect(node, f"'{code_of(node)}' reads an attribute of a class whose {problem}")
        if isinstance(value, ClassValue) and not self.callee_depth:
            result = self.other_class_attribute(value, name, node)
            if not is_concrete(result):
                # A literal is returned only from a plain class (no base, metaclass or decorator, bound once, never
                # stored): no descriptor, so the load neither runs code nor raises. Anything else is the assumption.
                self.assume(node, "loads an attribute (no side-effecting properties)")
            return result
        self.assume(node, "loads an attribute (no side-effecting properties)")
        if value is UNTRUSTED:
            return BoundMethod(value, name) if self.callee_depth else UNTRUSTED
        if isinstance(value, Instance):
            if value.cls is not None and not self._resolving:
                # `feed.pending` with `feed` an instance of a project class under any name — a helper's parameter,
                # an alias, a loop variable (review 8, R8-14): its class's property getter runs, as for `self.x`
                found = self.instance_member(value, name, node)
                if found is not None:
                    return found
            # instance state: a value of unknown type (assumption 4), like any attribute of self — unless the
            # hierarchy's methods store a possible project object there (review 9, R9-1): then it is that object
            return attribute_value(self, value, name)
        if value is OPAQUE or not self.callee_depth:
            # Only a callee is a bound method (its truth is True); as a value, `Flags.enabled`, `helper.disabled`,
            # `LIMITS.get` are objects of unknown value: a truth test on them is followed both ways.
            return OPAQUE
        return BoundMethod(value, name)

    def _enum_member(self, node: cst.Attribute) -> tuple[str, object] | None:
        """(name, value) of the member ``Cls.MEMBER`` when ``Cls`` is a proven plain enum (:func:`plain_enum`) and
        ``MEMBER`` one of its members; None otherwise (the caller then evaluates ``node`` as any attribute)."""
        if not isinstance(node.value, (cst.Name, cst.Attribute)):
            return None
        try:
            owner = self.evaluate(node.value)
        except EvalError:
            return None
        if not isinstance(owner, ClassValue):
            return None
        enum = plain_enum(self, owner)
        if enum is None or node.attr.value not in enum[1]:
            return None
        return node.attr.value, enum[1][node.attr.value]

    def _plain_enum_member(self, node: cst.Attribute) -> EnumMember | None:
        """``Cls.MEMBER`` of a proven plain ``enum.Enum`` without mixin (:func:`plain_enum`) as an :class:`EnumMember`
        (FA9-3: a helper returning ``SchedulerMode.HEARTBEAT`` tested with ``is``/``==``); None otherwise."""
        if not isinstance(node.value, (cst.Name, cst.Attribute)):
            return None
        try:
            owner = self.evaluate(node.value)
        except EvalError:
            return None
        if not isinstance(owner, ClassValue):
            return None
        enum = plain_enum(self, owner)
        if enum is None or enum[0] != "enum.Enum" or node.attr.value not in enum[1]:
            return None
        facts = owner.facts or self.facts
        value = enum[1][node.attr.value]
        canonical = next(name for name, other in enum[1].items() if type(other) is type(value) and other == value)
        return EnumMember(facts.name, facts.class_qualname(owner.node) or owner.node.name.value, canonical, value)

    def _comparand(self, node: cst.BaseExpression) -> object:
        """An operand of ``==``/``!=``/``in``: a member of a proven str-mixin enum (``class Mode(str, Enum)``,
        ``StrEnum``) compares and hashes exactly as its value on every Python version (its ``str()`` and format do
        not, so only here); also as an element of a tuple/list/set display. Otherwise the plain evaluation."""
        if isinstance(node, cst.Attribute) and isinstance(node.value, (cst.Name, cst.Attribute)):
            try:
                owner = self.evaluate(node.value)
            except EvalError:
                owner = None
            if isinstance(owner, ClassValue):
                enum = plain_enum(self, owner)
                if enum is not None and enum[0] in ("str", "enum.StrEnum") and node.attr.value in enum[1]:
                    return enum[1][node.attr.value]
        if isinstance(node, (cst.Tuple, cst.List, cst.Set)) and any(isinstance(e.value, cst.Attribute) for e in node.elements):
            if all(isinstance(e, cst.Element) for e in node.elements):
                parts = [self._comparand(e.value) for e in node.elements]
                if all(is_concrete(p) for p in parts):
                    return frozenset(parts) if isinstance(node, cst.Set) else tuple(parts)
        return self.evaluate(node)

    def _class_level_descriptor(self, value: ClassValue, name: str, method: ast.FunctionDef | ast.AsyncFunctionDef, node: cst.CSTNode) -> None:
        """``Flags.enabled`` where the class body binds ``enabled`` with the ``def`` ``method`` whose decorators make
        a read run code even on the class: ``@classmethod`` over another decorator (3.9-3.12 chain ``__get__``), or a
        decorator its module defines itself (a descriptor class: its ``__get__(None, Flags)`` runs). Raises
        :class:`Effect` then (hostile review 16)."""
        chained = _classmethod_over(method.decorator_list, dotted_of, lambda d: (dotted_of(d) or "").rpartition(".")[2] in _IDENTITY_SPELLINGS)
        if chained is not None:
            raise Effect(node, f"'{code_of(node)}' reads '{name}', a classmethod over '@{dotted_of(chained) or 'a call'}': on Python 3.9-3.12 the read runs that object's __get__ (a property's getter)")
        names = [dotted_of(d) for d in method.decorator_list]
        tree = parsed_module(value.facts or self.facts)[0]
        own = {s.name for s in tree.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
        for spelt in names:
            if spelt is None or spelt.split(".")[0] in own:
                raise Effect(node, f"'{code_of(node)}' reads '{name}', whose decorator '@{spelt or 'a call'}' may be the project's own object (a descriptor whose __get__ runs on a class read)")

    def other_class_attribute(self, value: ClassValue, name: str, node_read: cst.CSTNode | None = None) -> object:
        """``Flags.enabled`` read on a project class: the literal of its one binding in the class body when nothing
        can change it — no base but ``object`` and no metaclass, no class decorator, no other binding in the body, no store of an attribute of that name in
        its module except on another proven class, a list/set/dict no use changes in place. A non-literal value was
        computed when the class was created (it may be a project instance: untrusted); otherwise, and for an
        inherited attribute or a method, a value of unknown type. Read from the full source (the skeleton may have
        stubbed the class body out)."""
        import ast

        facts = value.facts or self.facts
        node = value.node
        if self.mangled(name) != _mangle(name, node.name.value):
            # `Config.__VAR` written in class Feed reads `Config._Feed__VAR`, not the `__VAR` of Config's body
            # (`_Config__VAR`): private name mangling (hostile review 18, H2); what it gives is not the body's value
            if node_read is not None:
                raise Unsupported(node_read, f"'{code_of(node_read)}' is mangled to '{self.mangled(name)}' where it is written, which {node.name.value}'s own '{name}' is not", "binding")
            return OPAQUE
        qualname = facts.class_qualname(node)
        if node.decorators or qualname is None or facts.bindings.class_problem(qualname, name) is not None:
            return OPAQUE
        patched = self.walk_patch(f"{facts.name}.{qualname}.{name}")
        if patched is not None:  # a module of the import walk stores on the class (`Mode.HEARTBEAT = …`, hostile R5-9)
            self.trace.problems.append(patched)
            if node_read is not None:
                raise Unsupported(node_read, patched, "binding")  # name the store and its line, not only "unknown"
            return OPAQUE
        if node.keywords or any(not (isinstance(b.value, cst.Name) and b.value.value == "object" and facts.bindings.problem("object", own_lookup=True) is None and not facts.bindings.bindings("object")) for b in node.bases):
            # A base or metaclass may turn the body's value into something else when the class is created: enum's
            # EnumType makes `HEARTBEAT = "heartbeat"` a member that never equals the string, a NamedTuple field is
            # a descriptor, a project base's __init_subclass__ may rewrite it (hostile R5-10, R5-11).
            return _transformed_class_attribute(self, value, name)
        for (_, attribute), sites in attribute_stores(facts).items():
            store = next((site for site in sites if not _other_class(facts, site[3], node.name.value)), None) if attribute in (name, "*") else None
            if store is not None:
                # `Flags.enabled = True`, `_target.HEARTBEAT = …`, `setattr(x, "enabled", …)` somewhere in the module:
                # a guard comparing with it is TG009 naming the store (review 5, CL10/CL13)
                self.trace.problems.append(f"the class attribute {node.name.value}.{name} is not proven: the attribute store at line {store[0]} ('{store[1]}') in {facts.name} may replace it")
                return OPAQUE
        classdef = class_ast(facts, qualname)
        if classdef is None:
            return OPAQUE
        bindings = [n for n in classdef.body if name in _ast_bound_names(n)]
        if len(bindings) != 1:
            return OPAQUE
        binding = bindings[0]
        if isinstance(binding, ast.Assign) and len(binding.targets) == 1 and isinstance(binding.targets[0], ast.Name):
            expression = binding.value
        elif isinstance(binding, ast.AnnAssign) and binding.value is not None and isinstance(binding.target, ast.Name):
            expression = binding.value
        else:
            if isinstance(binding, (ast.FunctionDef, ast.AsyncFunctionDef)) and node_read is not None:
                self._class_level_descriptor(value, name, binding, node_read)
            return OPAQUE  # a method, a nested class, an import…
        try:
            literal = ast.literal_eval(expression)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            return UNTRUSTED  # `config = Config()`: computed by code when the class was created
        if is_concrete(literal):
            return literal
        if isinstance(literal, (list, set, dict)):
            nested = any(isinstance(v, (list, set, dict)) for v in (literal.values() if isinstance(literal, dict) else literal))
            problem = "it holds a mutable container" if nested else mutation_problem(facts, name)
            if problem is not None:
                self.trace.problems.append(f"class attribute {node.name.value}.{name} may change in place: {problem}")
                return OPAQUE
            if isinstance(literal, dict):
                items = tuple(literal.items())
                return ConstDict(items) if all(is_concrete(k) and is_concrete(v) for k, v in items) else OPAQUE
            converted = ListValue(literal) if isinstance(literal, list) else frozenset(literal)
            return converted if is_concrete(converted) else OPAQUE
        return OPAQUE

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
        self.dunder(value, node, "applies an operator to")
        return OPAQUE

    def _eval_BinaryOperation(self, node: cst.BinaryOperation) -> object:
        left, right = self.evaluate(node.left), self.evaluate(node.right)
        if tainted(left) or tainted(right):
            for side in (left, right):  # `mode + _OBJ`, `"%s %s" % (mode, _OBJ)`: the other operand's dunders run
                if not tainted(side) and not is_concrete(side):
                    self.dunder(side, node, "applies an operator to")
            return MODE_DERIVED  # `mode + "x"`, `"%s" % mode`: the table cannot decide tests on the result
        function = _BINARY.get(type(node.operator))
        if (isinstance(node.operator, cst.Multiply) and _huge_repeat(left, right)) or _huge_power(node.operator, left, right):
            # `"x" * 10**11` would make the verifier itself allocate it; Python may raise MemoryError there, which
            # outside a `try` is the stated assumption "no MemoryError" (docs/check.md)
            self.trace.assumptions.add("may raise")
            return OPAQUE
        if function is not None and is_concrete(left) and is_concrete(right):
            if isinstance(node.operator, cst.Modulo) and (seed_dependent(left) or seed_dependent(right)):
                return OPAQUE  # "%s" % (frozenset(...),) formats in the analysed process's hash order (R4-3)
            try:
                # `"%s" % [1]`: Python's own list, not the tuple the verifier keeps (a tuple would be the argument
                # tuple, and a list is a mapping to `%`: `"abc" % [1]` is "abc"; hostile review 22, H3)
                result = function(left, native(right)) if isinstance(node.operator, cst.Modulo) and isinstance(right, ListValue) else function(left, right)
            except Exception as exc:  # noqa: BLE001 - `"%c" % 0x110000` is an OverflowError: whatever Python raises here
                raise Crash(node, f"'{code_of(node)}' raises {type(exc).__name__}", type(exc).__name__) from exc
            if (isinstance(result, (str, bytes)) and len(result) > 10_000) or not is_concrete(result):
                return OPAQUE  # a long text is not worth carrying; `(-1) ** 0.5` is a complex
            return result
        self.trace.assumptions.add("may raise")  # 2 ** 10000.0 (OverflowError), an operator the verifier does not compute
        self.dunder(left, node, "applies an operator to")
        self.dunder(right, node, "applies an operator to")  # also "%s" % (x,): x.__str__ runs
        if left is OPAQUE or right is OPAQUE:
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
        # `is` compares identity: a str-mixin enum member is not its value there
        operand = self.evaluate if any(isinstance(t.operator, (cst.Is, cst.IsNot)) for t in node.comparisons) else self._comparand
        left = operand(node.left)
        result: object = True
        if isinstance(left, Coroutine):
            raise _dropped_coroutine(node.left)  # `self.is_ready() is None`: compared, then dropped unawaited (R9-11)
        for target in node.comparisons:
            right = operand(target.comparator)
            if isinstance(right, Coroutine):
                raise _dropped_coroutine(target.comparator)
            compare = _COMPARE.get(type(target.operator))
            if compare is None:
                raise Effect(target, f"comparison '{code_of(target.operator)}' is outside the pure fragment")
            decided = mode_compare(_OPERATOR_NAMES.get(type(target.operator), "other"), left, right, self.analysis.comparands) if tainted(left) or tainted(right) else NotImplemented
            if decided is not NotImplemented:
                if not isinstance(target.operator, (cst.Is, cst.IsNot)):
                    for side in (left, right):  # `mode == _OBJ`: str.__eq__ defers to _OBJ.__eq__
                        if not tainted(side) and not is_concrete(side):
                            self.dunder(side, node, "compares")
                outcome = decided
            elif isinstance(target.operator, (cst.In, cst.NotIn)) and right == Marker(ENVIRON):
                outcome: object = self._environ_contains(left, node)
                if outcome is not OPAQUE and isinstance(target.operator, cst.NotIn):
                    outcome = not outcome
            elif isinstance(left, EnumMember) or isinstance(right, EnumMember):
                # plain Enum members (FA9-3): identity, for `==` too (Enum keeps object.__eq__); a member is never a
                # str/None/number. Anything else on the other side is judged as before.
                other = right if isinstance(left, EnumMember) else left
                if isinstance(other, EnumMember) or is_concrete(other):
                    same_member = left == right
                    outcome = same_member if isinstance(target.operator, (cst.Is, cst.Equal)) else not same_member if isinstance(target.operator, (cst.IsNot, cst.NotEqual)) else OPAQUE
                    if outcome is OPAQUE:
                        self.assume(node, "compares an enum member")
                elif isinstance(target.operator, (cst.Is, cst.IsNot)):
                    outcome = OPAQUE
                else:
                    self.dunder(other, node, "compares")
                    if other is OPAQUE:
                        self.assume(node, "compares a value of unknown type")
                    outcome = OPAQUE
            elif not is_concrete(left) or not is_concrete(right):
                if isinstance(target.operator, (cst.Is, cst.IsNot)):
                    outcome = OPAQUE  # identity runs no dunder
                else:
                    self.dunder(left, node, "compares")
                    self.dunder(right, node, "compares")
                    if left is OPAQUE or right is OPAQUE:
                        self.assume(node, "compares a value of unknown type")
                    outcome = OPAQUE
            elif isinstance(target.operator, (cst.Is, cst.IsNot)) and not any(v is None or v is ... or type(v) is bool for v in (left, right)):
                # `(1, 2) is (1, 2)`, `1000 is 1000`, `"ab" * 3 is "ababab"`: CPython merges and folds constants, so
                # the identity of equal values is the compiler's choice, not the values' (hostile review 21, H1)
                # a NaN is itself but unequal to itself (hostile review 22, H2)
                unknown = same(left, right) or left is right or any(isinstance(v, float) for v in (left, right))
                outcome = OPAQUE if unknown else isinstance(target.operator, cst.IsNot)
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
            return join([self.evaluate(node.body), self.evaluate(node.orelse)])  # UNTRUSTED stays untrusted
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
        if self._own_class(node.value):
            # `type(self)[int]` / `self.__class__[int]` subscripts the own class (a subclass is assumption 3): its
            # __class_getitem__ runs, as for `Feed[int]` spelled by name (review 5, DX13)
            problem = self.class_getitem_problem(ClassValue(self.owner, self.facts))  # type: ignore[arg-type]
            if problem is not None:
                raise Effect(node, f"'{code_of(node)}' subscripts the class of self: {problem}")
        if len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
            for element in node.slice:
                inner = element.slice
                if isinstance(inner, cst.Slice):
                    for part in (inner.lower, inner.upper, inner.step):
                        if part is not None:
                            bound = self.evaluate(part)
                            if bound is not None and not is_concrete(bound) and not tainted(bound):
                                self.dunder(bound, part, "slices with")  # seq[self:] runs type(self).__index__ (R6-21)
                else:
                    self.evaluate(inner.value)
            if tainted(container):
                return MODE_DERIVED
            if isinstance(container, (str, bytes, tuple)) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Slice):
                inner = node.slice[0].slice
                parts = [None if p is None else self.evaluate(p) for p in (inner.lower, inner.upper, inner.step)]
                if all(p is None or (isinstance(p, int) and not isinstance(p, bool)) for p in parts):
                    if parts[2] == 0:  # `"abc"[::0]` raises in every world (hostile review 20, kind 5)
                        raise Crash(node, f"'{code_of(node)}' raises ValueError (slice step cannot be zero)", "ValueError")
                    return container[slice(*parts)]  # a slice of a known string: `"heartbeat"[:-1]` is a known comparand
            if is_concrete(container) or isinstance(container, ConstDict):
                self.trace.assumptions.add("may raise")  # not computed here: an `except` around it is reachable
                return OPAQUE
            if isinstance(container, ClassValue):
                problem = self.class_getitem_problem(container)
                if problem is not None:
                    raise Effect(node, f"'{code_of(node)}' subscripts a class: {problem}")
            self.dunder(container, node, "subscripts")
            return OPAQUE
        key = self.evaluate(node.slice[0].slice.value)
        if tainted(container) or tainted(key):
            if not tainted(container) and container != Marker(ENVIRON):
                # `Registry[mode]`, `_OBJ[mode]`: the container's __class_getitem__/__getitem__ runs all the same
                if isinstance(container, ClassValue):
                    problem = self.class_getitem_problem(container)
                    if problem is not None:
                        raise Effect(node, f"'{code_of(node)}' subscripts a class: {problem}")
                if not is_concrete(container) and not isinstance(container, ConstDict):
                    self.dunder(container, node, "subscripts")
            return MODE_DERIVED  # `mode[:3]`, `TABLE[mode]`
        if container == Marker(ENVIRON):
            if not isinstance(key, str):
                raise self.unknown_name(node)
            self.trace.reads.append(EnvRead(key, node, "subscript", has_default=False))
            if key != self.context.env_var:
                self.trace.assumptions.add("may raise")  # KeyError while it is unset: an `except` is reachable (review 21, H2)
                return OPAQUE
            if self.env_value is None:
                raise Crash(node, f"os.environ[{key!r}] raises KeyError when {key} is unset", "KeyError")
            return self.env_value
        if isinstance(container, ConstDict):
            container = container.as_dict()  # a known dict: a known key is looked up exactly (hostile VH-6)
        if (is_concrete(container) or isinstance(container, dict)) and is_concrete(key):
            try:
                return container[key]  # type: ignore[index]
            except (KeyError, IndexError, TypeError) as exc:
                # The lookup fails in every world: the path ends in an exception (a Crash outcome), so no world runs
                # the rest (before the guard: no legacy value reaches the body, TG006/TG012; in a try: caught).
                raise Crash(node, f"'{code_of(node)}' raises {type(exc).__name__}", type(exc).__name__) from exc
        if isinstance(container, dict) or is_concrete(container):
            # A built-in container with a key of unknown value: it may be missing (KeyError/IndexError), and a key of
            # unknown type is hashed/compared (the dunder assumption below).
            self.trace.assumptions.add("may raise")
            self.dunder(key, node, "uses as a key")
            return OPAQUE
        if isinstance(container, ClassValue):
            problem = self.class_getitem_problem(container)
            if problem is not None:
                raise Effect(node, f"'{code_of(node)}' subscripts a class: {problem}")
            self.trace.assumptions.add("may raise")  # no __class_getitem__: TypeError, unless a library base has one
        self.dunder(container, node, "subscripts")
        self.dunder(key, node, "uses as a key")  # dict lookups hash the key and compare it
        if container is OPAQUE:
            self.assume(node, "subscripts a value of unknown type")
        return OPAQUE

    # -- calls ---------------------------------------------------------------
    def _eval_Call(self, node: cst.Call) -> object:
        func = node.func
        if isinstance(func, cst.Attribute):
            base = func.value
            callee: object = None
            if isinstance(base, cst.Call):
                callee = self.super_member(base, func.attr.value, func)
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
            if argument.star == "**" and not self.proven_mapping(value, argument.value):
                # f(**x) calls x.keys() — an ordinary method, not a dunder — then x[k] (hostile review 6, R6-6)
                raise Effect(argument, f"'**{code_of(argument.value)}' calls '{code_of(argument.value)}.keys()' (a method of a value not proven built in)")
            if argument.star:
                if value is OPAQUE:
                    self.assume(argument, "unpacks a value of unknown type")
                else:
                    self.dunder(value, argument, "unpacks")  # *self / **self: __iter__, keys(), __getitem__
                keywords["*"] = OPAQUE
            elif argument.keyword is not None:
                keywords[argument.keyword.value] = value
            else:
                arguments.append(value)

    def _member(self, value: object, name: str, node: cst.Attribute) -> object:
        if isinstance(value, Instance) and value.cls is not None and not self._resolving:
            # `feed._idle()` with `feed` an instance of a project class under any name (review 8, R8-14): the
            # method its class's MRO finds, called on that object; a property's getter runs on the load
            found = self.instance_member(value, name, node)
            if isinstance(found, Function):
                return found
        if value is OPAQUE or isinstance(value, Instance):
            return BoundMethod(OPAQUE, name)
        self.callee_depth += 1  # the attribute is called: a method, not a value
        try:
            return self.attribute(value, name, node)
        finally:
            self.callee_depth -= 1

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
            if plain_exception_class(self, callee):
                # Runs BaseException.__new__/__init__ only, as a built-in exception does (FA8-8, review 8); its
                # arguments are formatted by whoever reports it (R7-6), as for a built-in exception.
                self.trace.assumptions.add("may raise")
                for value in (*arguments, *keywords.values()):
                    if not tainted(value):
                        self.dunder(value, node, "formats")
                return OPAQUE
            raise Effect(node, f"'{code_of(node)}' constructs an object (its __init__ may do anything)")
        raise Effect(node, f"'{code_of(node)}' calls something that is not proven pure")

    def _module_call(self, node: cst.Call, dotted: str, arguments: list[object], keywords: dict[str, object]) -> object:
        configured = self.context.resolver.configured
        if dotted in configured:
            return self._trusted_helper(node, dotted, arguments, keywords)
        if dotted == "logging.getLogger":
            wrong = library_call_problem(dotted, node)
            if wrong is not None:
                raise Crash(node, f"'{code_of(node)}': {wrong[1]}", wrong[0])
            return Logger()
        if dotted == "heartbeat.mode.is_heartbeat_world" and not self.context.resolver.is_module("heartbeat"):
            decided = self._heartbeat_predicate(arguments, keywords)
            if decided is not NotImplemented:
                return decided
        if dotted in ("typing.cast", "typing_extensions.cast") and len(arguments) == 2 and not keywords:
            return arguments[1]  # returns its second argument unchanged, runs nothing (review 9, FA9-5)
        module, _, name = dotted.rpartition(".")
        if module == "logging" and name in LOG_METHODS:
            # The module functions are not logger methods: each first runs `basicConfig()` when the root logger has
            # no handler, installing a StreamHandler for the life of the process (hostile R4-5). Whether some other
            # code configured root logging first is not provable from the module, so the call is an effect.
            raise Effect(node, f"'{code_of(node)}' calls {dotted}(), which configures the root logger (basicConfig) when it has no handler; log through logging.getLogger(...) instead")
        raise Effect(node, f"'{code_of(node)}' calls {dotted}, which is not proven pure")

    def _heartbeat_predicate(self, arguments: list[object], keywords: dict[str, object]) -> object:
        """``heartbeat.mode.is_heartbeat_world(value[, heartbeat_value])`` — the heartbeat's own world test, the very
        predicate the verifier's value table is made from (review 9, FA9-14): computed for a known value (the mode
        read, None when unset), unknown for an unknown one; NotImplemented for arguments it does not take."""
        from heartbeat.mode import is_heartbeat_world

        if set(keywords) - {"value", "heartbeat_value"} or len(arguments) + len(keywords) not in (1, 2) or len(arguments) > 2:
            return NotImplemented
        value = arguments[0] if arguments else keywords.get("value")
        wanted = arguments[1] if len(arguments) == 2 else keywords.get("heartbeat_value", "heartbeat")
        if not isinstance(wanted, str) or tainted(wanted):
            return NotImplemented
        self.analysis.comparands.add(wanted)
        if value is None or isinstance(value, str):
            return is_heartbeat_world(None if value is None else str(value), wanted)
        if tainted(value):
            return MODE_DERIVED
        if value is OPAQUE:
            return OPAQUE  # another variable's value: the predicate is pure, its result unknown
        return NotImplemented

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
        single = arguments[0] if len(arguments) == 1 and not keywords else None
        if not (
            (name == "str" and isinstance(single, str))
            or (name == "bool" and single is not None and (isinstance(single, (str, bool)) or tainted(single)))
        ):
            self.trace.assumptions.add("may raise")  # hash([]), int("x"): a builtin can raise into an `except`
        # (str() of a str and bool() of a str, a bool or a value derived from the mode never raise)
        target = getattr(builtins, name, None)
        if isinstance(target, type) and issubclass(target, BaseException):
            # Constructing a built-in exception runs no project code, but whoever reports it formats its arguments
            # (`str(exc)` is `str(arg)` of a one-argument exception, else the repr of the args: Django's request
            # logging, `logger.exception`, a traceback): judged as formatting them here, the only place the verifier
            # sees them (review 7, R7-6: `raise RuntimeError(self)` with an own `__str__` is TG002).
            for value in (*arguments, *keywords.values()):
                if not tainted(value):
                    self.dunder(value, node, "formats")
            return OPAQUE
        if name not in PURE_BUILTINS:
            raise Effect(node, f"'{code_of(node)}' calls the builtin {name}(), which is outside the pure fragment")
        if name in ("str", "bytes", "bytearray") and (len(arguments) > 1 or "encoding" in keywords or "errors" in keywords):
            self._codec_lookup(node, arguments[1:], keywords)  # str(b, "idna") decodes (hostile review 15)
        if name == "type" and (len(arguments) != 1 or keywords):
            # type(name, bases, ns) is a class statement: the bases' metaclass, __init_subclass__ and the namespace
            # values' __set_name__ run (hostile VH-4), like `class X(Base):` before the guard.
            raise Effect(node, f"'{code_of(node)}' creates a class (its bases' metaclass, __init_subclass__ and __set_name__ may run)")
        if any(tainted(v) for v in (*arguments, *keywords.values())):
            for value in (*arguments, *keywords.values()):  # `max(mode, _OBJ)`: the other value's dunders run
                if not tainted(value) and (value is UNTRUSTED or isinstance(value, (ClassValue, Module))):
                    self.dunder(value, node, f"passes to {name}()")
            if name == "str" and len(arguments) == 1 and not keywords and isinstance(arguments[0], str):
                return arguments[0]  # str(mode) is mode
            if name == "bool" and len(arguments) == 1 and not keywords:
                return self.truth(arguments[0], node)
            return MODE_DERIVED  # len(mode), hash(mode), sorted(mode)…
        if name == "dict" and arguments and node.args and not node.args[0].star and not self.proven_mapping(arguments[0], node.args[0].value):
            # dict(x) calls x.keys() when x has one (the mapping protocol): an ordinary method on a value not proven
            # built in (hostile review 6, R6-6); a list of pairs iterates (a dunder) — unknown which, so an effect
            raise Effect(node, f"'{code_of(node)}' calls '{code_of(node.args[0].value)}.keys()' when it has one (a method of a value not proven built in)")
        if name in ("getattr", "hasattr") and len(arguments) >= 2 and isinstance(arguments[1], str) and self._reads_self(node.args[0].value):
            # getattr(self, "x"[, d]) / hasattr(self, "x") read self.x: an own-class or inherited property's getter,
            # the class's __getattr__ run exactly as for the spelled-out load (hostile review 6, R6-7)
            self.class_member(arguments[1], node, bound=True)
        if name in ("isinstance", "issubclass") and len(arguments) == 2 and not isinstance(arguments[1], (Builtin, Module, ClassValue)):
            # isinstance(x, (int, Settings)) tests each class in turn: a class other than a built-in one may have a
            # metaclass whose __instancecheck__/__subclasscheck__ runs (ABCMeta runs __subclasshook__s; hostile review
            # 16). A display holding a class evaluates to an unknown value, so its elements are judged one by one.
            classes = [arguments[1]]
            display = node.args[1].value if len(node.args) > 1 else None
            if isinstance(display, cst.Tuple) and arguments[1] is OPAQUE:
                classes = [self.evaluate(element.value) for element in display.elements if not isinstance(element, cst.StarredElement)]
                if len(classes) != len(display.elements):
                    classes.append(OPAQUE)
            while classes:
                item = classes.pop()
                if isinstance(item, tuple):
                    classes.extend(item)
                elif not isinstance(item, Builtin):
                    raise Effect(node, f"'{code_of(node)}' tests against a class not proven built in: its metaclass's __instancecheck__ or __subclasscheck__ may run project code")
        callables = [v for v in (*arguments, *keywords.values()) if isinstance(v, (Function, ClassValue, BoundMethod, Coroutine, Module))]
        if name in ("getattr", "hasattr") and len(arguments) >= 2 and isinstance(arguments[0], Module) and isinstance(arguments[1], str):
            # getattr(settings, "X", d): the attribute load `settings.X` (assumption 1), not a call of `settings`
            callables = [v for v in callables if v is not arguments[0]]
            if name == "hasattr":
                # hasattr(pkg, "x") loads pkg.x too: a project module's PEP 562 __getattr__ runs for a name it does
                # not bind (R9-8; getattr() goes through attribute() below)
                self._module_getattr(arguments[0].dotted, arguments[1], node)
        key = keywords.get("key")
        if callables or ("key" in keywords and key is not None and not (isinstance(key, Builtin) and key.name in PURE_BUILTINS)):
            # sorted(x, key=len) calls a pure builtin on each item; key=print / key=exec / key=__import__ runs it
            # on each item (hostile review 12, H2): only a pure builtin is a pure key
            raise Effect(node, f"'{code_of(node)}' passes a callable that {name}() may call")
        if name in ("getattr", "hasattr") and (len(arguments) < 2 or not isinstance(arguments[1], str)):
            raise Effect(node, f"'{code_of(node)}' uses {name}() without a literal attribute name")
        if name not in _NO_DUNDER_BUILTINS:
            # bool()/len()/str()/hash()/sorted()/format()/int()… call the argument's dunders; getattr()/hasattr()
            # its __getattribute__/__getattr__ (a plain ``x.attr`` load is the documented assumption, these are not).
            for value in (*arguments, *keywords.values()):
                if value is UNTRUSTED or isinstance(value, (ClassValue, Instance)):
                    self.dunder(value, node, f"passes to {name}()")
                elif isinstance(value, Module) and not (name in ("getattr", "hasattr") and value is arguments[0]):
                    # getattr(settings, "X", d) on a third-party object is the attribute load `settings.X` (assumption
                    # 1, as Django code reads optional settings); str(settings), bool(settings)… run its dunders
                    self.dunder(value, node, f"passes to {name}()")
        if name == "hash" and not all(hash_is_stable(a) for a in arguments):
            return OPAQUE  # str/bytes hashes are randomised per process (PYTHONHASHSEED): not computed here (R4-3)
        if (name in _ORDER_REVEALING_BUILTINS or "key" in keywords) and any(seed_dependent(v) for v in (*arguments, *keywords.values())):
            return OPAQUE  # str(frozenset({"a", "b"})): the order is the analysed process's hash order, not ours
        if all(is_concrete(a) for a in arguments) and all(is_concrete(v) for v in keywords.values()) and name not in ("getattr", "hasattr", "id", "type"):
            try:
                result = from_native(getattr(builtins, name)(*map(native, arguments), **{k: native(v) for k, v in keywords.items()}))
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
        if isinstance(receiver, StoredThread):
            if name in THREAD_READS and not arguments and not keywords:
                self.trace.assumptions.add("may raise")  # on None: AttributeError
                return OPAQUE
            raise Effect(node, f"'{code_of(node)}' calls {name}() on {receiver.name}, a thread (only {', '.join(sorted(THREAD_READS))} only read it)")
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
            problem = logging_problem(self.facts)
            if problem is not None:
                raise Effect(node, f"'{code_of(node)}' logs through a logger this module reconfigures ({problem}): its class or handlers may run project code")
            walked = self.walk_patch(LOGGING_CONFIGURATION)  # a module of the import walk does it (hostile R5-13)
            if walked is not None:
                raise Effect(node, f"'{code_of(node)}' logs through a logger whose class, record factory or handlers may run project code: {walked}")
            if name in LOG_METHODS:
                if name != "isEnabledFor":
                    wrong = log_call_problem(name, node, arguments[0] if name == "log" and arguments else ANY_LEVEL)
                    if wrong is not None:
                        raise Crash(node, f"'{code_of(node)}': {wrong[1]} when the logger is enabled for its level", wrong[0])
                if name == "exception" or "exc_info" in keywords or "stack_info" in keywords:
                    self._traceback_imports(node)
                if name != "isEnabledFor":
                    self._record_lookups(node)
                    self._patched_internals(node, log_call_modules(), "the log call")
                if len(arguments) == (3 if name == "log" else 2) or any(a.star for a in node.args):
                    # logging tests `isinstance(args[0], collections.abc.Mapping)` for one argument after the message
                    hooked = self.walk_patch(SUBCLASS_HOOKS)
                    if hooked is not None:
                        raise Effect(node, f"'{code_of(node)}' has one argument after the message, which logging tests with isinstance(..., collections.abc.Mapping): that may run a project class's __subclasshook__ or __subclasscheck__: {hooked}")
                # The record is formatted when a handler emits it: every argument's __str__/__repr__ may run.
                for argument in (*arguments, *keywords.values()):
                    self.dunder(argument, node, "logs")
                return None if name != "isEnabledFor" else OPAQUE
            raise Effect(node, f"'{code_of(node)}' is not a logging call")
        if receiver is None:
            raise Crash(node, f"'{code_of(node)}' raises AttributeError when the value is None (None has no .{name}())", "AttributeError")
        if name in ("encode", "decode"):
            self._codec_lookup(node, arguments, keywords)
        if name in ("format", "format_map") and not isinstance(receiver, str):
            # a template not known here (`os.environ.get("LABEL", "{0.busy}").format(self)`) may hold any field:
            # `{0.busy}` runs a property of a project object, `{0[k]}` its __getitem__ (hostile review 19, H2)
            held = next((a for a in (*arguments, *keywords.values()) if a is UNTRUSTED or isinstance(a, (Instance, ClassValue))), None)
            if held is not None:
                raise Effect(node, f"'{code_of(node)}' formats a project object with a template not known here: its fields may read any attribute or item of it (a property, __getattr__, __getitem__)")
        derived = mode_method(receiver, name, arguments, keywords)
        if derived is not NotImplemented:
            for argument in (*arguments, *keywords.values()):  # `mode.format(_OBJ)`: _OBJ.__format__ runs
                if not tainted(argument) and not is_concrete(argument):
                    self.dunder(argument, node, f"passes to .{name}()")
            if not tainted(receiver) and not is_concrete(receiver):
                # `self.session.get(mode)`: the mode value as an argument does not make an unknown method pure
                base = node.func.value if isinstance(node.func, cst.Attribute) else None
                proven_builtin = (isinstance(receiver, ConstDict) and hasattr(dict, name)) or (
                    receiver is OPAQUE and isinstance(base, cst.Name) and base.value in self.builtin_parameters
                )
                if proven_builtin and name in BUILTIN_PURE_METHODS:
                    pass
                elif receiver is OPAQUE and name in ASSUMED_PURE_METHODS:
                    self.assume(node, "calls a method with a str-only name (.lower(), .strip(), .startswith()…) on a value of unknown type")
                else:
                    raise Effect(node, f"'{code_of(node)}' may have side effects (not a proven-pure call)")
            return derived
        if is_concrete(receiver):
            function = getattr(receiver, name, None)
            if function is None:
                raise Crash(node, f"'{code_of(node)}' raises AttributeError", "AttributeError")
            if isinstance(receiver, (str, bytes)) or name in ASSUMED_PURE_METHODS:
                if isinstance(receiver, str) and name == "format":
                    self._format_fields(receiver, node)
                if isinstance(receiver, str) and name == "format_map":
                    self._format_map_fields(receiver, node)
                for argument in (*arguments, *keywords.values()):
                    self.dunder(argument, node, f"passes to .{name}()")  # "{}".format(x) runs x.__format__
                if all(is_concrete(a) for a in arguments) and all(is_concrete(v) for v in keywords.values()) and "*" not in keywords:
                    try:
                        result = from_native(function(*map(native, arguments), **{k: native(v) for k, v in keywords.items()}))
                    except Exception as exc:
                        raise Crash(node, f"'{code_of(node)}' raises {type(exc).__name__}", type(exc).__name__) from exc
                    if isinstance(result, (str, bytes, tuple)) and any(seed_dependent(v) for v in (receiver, *arguments, *keywords.values())):
                        return OPAQUE  # ",".join(frozenset(...)): hash order of the analysed process (R4-3)
                    return result if is_concrete(result) else OPAQUE
                return OPAQUE
            raise Effect(node, f"'{code_of(node)}' is outside the pure fragment")
        if receiver is UNTRUSTED:
            raise Effect(node, f"'{code_of(node)}' calls a method of a value whose type is not known to be a built-in one")
        if isinstance(receiver, ConstDict):
            if name not in BUILTIN_PURE_METHODS or not hasattr(dict, name):
                raise Effect(node, f"'{code_of(node)}' is not a non-mutating method of a dict (it may change a module constant)")
            for argument in (*arguments, *keywords.values()):
                self.dunder(argument, node, f"passes to .{name}()")
            if all(is_concrete(a) for a in arguments) and not keywords:
                try:
                    result = getattr(receiver.as_dict(), name)(*arguments)
                except Exception as exc:
                    raise Crash(node, f"'{code_of(node)}' raises {type(exc).__name__}", type(exc).__name__) from exc
                return result if is_concrete(result) else OPAQUE
            self.trace.assumptions.add("may raise")
            return OPAQUE
        base = node.func.value if isinstance(node.func, cst.Attribute) else None
        if receiver is OPAQUE and name in BUILTIN_PURE_METHODS and isinstance(base, cst.Name) and base.value in self.builtin_parameters and hasattr(self.builtin_parameters[base.value], name):
            # `kwargs.get("raw")` on the function's own **kwargs (a dict) / *args (a tuple)
            self.trace.assumptions.add("may raise")
            for argument in (*arguments, *keywords.values()):
                self.dunder(argument, node, f"passes to .{name}()")
            return OPAQUE
        if receiver is OPAQUE and name in BUILTIN_PURE_METHODS and hasattr(str, name) and isinstance(node.func, cst.Attribute) and self._proven_text(node.func.value):
            # an environment read with a string default (or a str method of one): a str for certain
            self.trace.assumptions.add("may raise")
            for argument in (*arguments, *keywords.values()):
                self.dunder(argument, node, f"passes to .{name}()")
            return OPAQUE
        if receiver is OPAQUE and name in ASSUMED_PURE_METHODS:
            # Matched by name only: a stated, narrow assumption (str-only names; `.get()`, `.join()`, `.count()`… on a
            # receiver of unknown type may be an HTTP request, a thread join, a query: effects).
            self.assume(node, "calls a method with a str-only name (.lower(), .strip(), .startswith()…) on a value of unknown type")
            for argument in (*arguments, *keywords.values()):
                self.dunder(argument, node, f"passes to .{name}()")
            return OPAQUE
        if isinstance(receiver, Coroutine):
            raise Effect(node, f"'{code_of(node)}' is outside the pure fragment")
        raise Effect(node, f"'{code_of(node)}' may have side effects (not a proven-pure call)")

    def _proven_text(self, node: cst.BaseExpression) -> bool:
        """True when ``node`` (already evaluated) is a ``str`` for certain: a string literal or f-string, a read of
        another environment variable that cannot be None (``os.environ[...]``, ``.get(name, "")``,
        ``os.getenv(name, "")``), or a str-returning method (:data:`TEXT_METHODS`) of one."""
        if isinstance(node, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)):
            return not (isinstance(node, cst.SimpleString) and node.prefix.lower().startswith("b"))
        if isinstance(node, (cst.Call, cst.Subscript)):
            for read in self.trace.reads:
                if read.node is node and read.variable and (read.kind == "subscript" or (read.has_default and isinstance(read.default, str))):
                    return True
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value in TEXT_METHODS:
            return self._proven_text(node.func.value)
        return False

    # -- project functions -----------------------------------------------------
    def decorator_problem(self, function: Function, *, helper: bool) -> str | None:
        """None when every decorator of ``function`` is transparent; else the message for TG009."""
        for decorator in function.node.decorators:
            expression = decorator.decorator
            target = expression.func if isinstance(expression, cst.Call) else expression
            root = _root_name(target)
            if function.owner is not None and root is not None and root in class_body_names(function.owner, function.facts):
                # A decorator is evaluated in the class namespace first: `staticmethod = _traced` in the class body
                # makes `@staticmethod` call project code (hostile R4-19).
                return f"the decorator '@{code_of(expression)}' uses '{root}', which the class body of {function.owner.name.value} rebinds"
            names = self.decorator_names(function.facts, target)
            allowed = set(TRANSPARENT_BUILTIN_DECORATORS) | set(self.context.transparent_decorators)
            if names & IDENTITY_DECORATORS and not any(self._unproven_library(n) for n in names & IDENTITY_DECORATORS):
                allowed |= IDENTITY_DECORATORS
            if not helper:
                allowed.add("property")  # reading the attribute runs exactly this body
                allowed |= REGISTRATION_DECORATORS
                if any(self._celery_connect(n) for n in names):
                    continue  # Celery's Signal.connect used as a decorator registers the function and returns it
                # (Django's Signal.connect returns None: `@request_started.connect` leaves the name None, hostile VH-15)
            if helper:
                # On a method the cache hashes self: the call judges the instance's __hash__/__eq__ (FA9-5; an
                # instance the walk does not know is untrusted). On an `async def` or a generator it caches the
                # coroutine/generator object, which a second call gets again already consumed (R4-6).
                if function.node.asynchronous is None and not _is_generator_function(function.node):
                    allowed |= CACHE_DECORATORS
            elif _is_generator_function(function.node):
                allowed |= CONTEXT_MANAGER_DECORATORS
            if not names & allowed:
                return f"the decorator '@{code_of(expression)}' may run code before the function or replace it"
            called = isinstance(expression, cst.Call)
            celery_connect = any(self._celery_connect(n) for n in names)
            if not celery_connect and not names & EITHER_SHAPE_DECORATORS and called != bool(names & CALLED_DECORATORS):
                # The exact call shape that returns the function unchanged (hostile review 6, R6-1): `@receiver` bare
                # replaces it with receiver's inner decorator, `@atexit.register(f)` applies f to it.
                shape = "called, as @receiver(signal)" if names & CALLED_DECORATORS else "bare, not called"
                return f"the decorator '@{code_of(expression)}' is used in a shape that does not return the function unchanged (allowed only {shape})"
        return None

    def _celery_connect(self, dotted: str) -> bool:
        """``dotted`` is ``celery.<...>.connect`` of the Celery library: no project module ``celery`` (a Django
        project's usual ``proj/celery.py`` imported as top-level ``celery`` would be one) and no store on it in the
        import walk (hostile review 12, H8: the name alone was trusted)."""
        if not (dotted.startswith("celery.") and dotted.endswith(".connect")):
            return False
        if find_module_file("celery", self.context.resolver.source_roots) is not None:
            return False
        return not self._unproven_library(dotted)

    def _unproven_library(self, dotted: str) -> bool:
        """True when ``dotted`` (``typing.override``) may not be the library's object: a project module of that name
        first on the path, or a store on it in the import walk (as for typing.overload, see overloads.py)."""
        try:
            return self.context.resolver.binding_problem(dotted) is not None
        except Exception:  # HelperError: an unparsable project module of that name
            return True

    def _project_decorator(self, decorator: cst.BaseExpression) -> bool:
        """The decorator expression's root name is bound by the project (a module-level def, class or assignment of
        this module, or an import of a project module), or is not proven at all."""
        node = decorator.func if isinstance(decorator, cst.Call) else decorator
        names = self.decorator_names(self.facts, node)
        if not names:
            return True
        dotted = next(iter(names))
        if dotted.startswith(f"{self.facts.name}."):
            return True  # `final = property`, a project decorator function or descriptor class of this module
        top = dotted.split(".")[0]
        try:
            return top not in STDLIB_MODULES and bool(self.context.resolver.is_module(top))
        except Exception:  # noqa: BLE001 - an unreadable project module: not proven
            return True

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


def _store_through_object(facts: ModuleFacts, owner: str, name: str) -> tuple[int, str, str, str | None] | None:
    """A store of attribute ``name`` (or a ``setattr`` with a computed name) anywhere in the module through an object
    that may be class ``owner``: a computed object (``self.feed``), or a name that is not ``self``/``cls`` and not
    another proven class (``service``, a parameter or loop variable). Judged by attribute name (R4-9)."""
    for (_, key), sites in attribute_stores(facts).items():
        if key not in (name, "*"):
            continue
        for site in sites:
            root = site[3]
            if root in ("self", "cls"):
                continue
            bound = facts.bindings.bindings(root) if root is not None else []
            if root is not None and root != owner and bound and all(b.kind == "class" for b in bound):
                continue
            if root == owner and not site[2]:
                continue  # `Feed.VARIABLE = ...` at module level: the binding census answers for it
            return site
    return None


def _class_object_store(facts: ModuleFacts, owner: str, name: str) -> tuple[int, str, str, str | None] | None:
    """A store in ``facts``' module that may put attribute ``name`` on the class ``owner`` itself (not on an
    instance), ``Feed.x = property(f)``: a stored property or descriptor then runs its getter when
    the attribute is read through an instance. Only stores through the class's name or ``cls`` of a value that is
    not a literal count: a store through another name or a computed object is TG009 already
    (:func:`_store_through_object`, :func:`instance_attribute_store`)."""
    for site in (*_stores_by_attribute(facts).get(name, ()), *_stores_by_attribute(facts).get("*", ())):
        if site[3] in (owner, "cls") and not _stores_literal(facts, site[0], name):
            return site
    return None


def _stores_by_attribute(facts: ModuleFacts) -> dict[str, list[tuple[int, str, str, str | None]]]:
    """:func:`attribute_stores` indexed by attribute name alone (every scope), memoised per module: a read of
    ``self.x`` looks up its own name instead of scanning every store of the module."""
    cached = facts.__dict__.get("_stores_by_attribute")
    if cached is None:
        cached = {}
        for (_, key), sites in attribute_stores(facts).items():
            cached.setdefault(key, []).extend(sites)
        facts.__dict__["_stores_by_attribute"] = cached
    return cached


def _stores_literal(facts: ModuleFacts, line: int, name: str) -> bool:
    """The store of attribute ``name`` on ``line`` stores a literal (``Feed.x = 1``, ``setattr(cls, "x", "a")``):
    not a descriptor. Any other store on that line (or none found) is not proven to be one."""
    tree = parsed_module(facts)[0]
    values: list[ast.expr | None] = []
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) != line:
            continue
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Attribute) and t.attr == name for t in targets):
                values.append(node.value)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Attribute) and node.target.attr == name:
            values.append(None)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr":
            values.append(node.args[2] if len(node.args) == 3 else None)
    if not values:
        return False
    for value in values:
        if value is None:
            return False
        try:
            ast.literal_eval(value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            return False
    return True


def instance_attribute_store(evaluator: Evaluator, owner: cst.ClassDef, name: str) -> str | None:
    """None when no code can store an attribute ``name`` on an instance (or the class) of ``owner``, so that
    ``self.name`` is the class body's value; else ``"the attribute store at line N ('source') in <module> may
    shadow the class attribute <name>"`` (hostile review 5, SV3: ``self.VARIABLE = "OTHER"`` in ``__init__``).

    Searched, with the same by-name store census that protects the entry point's name (:func:`attribute_stores`:
    ``x.name = v``, ``setattr(x, "name", v)``, a computed ``setattr``, ``vars(x)[k] = v``, ``x.__dict__.update(...)``):
    every store in ``owner``'s own module except one on another class proven by name (``Other.name = v``) or on
    ``self``/``cls`` inside another class's methods (that class's own instances; a subclass is assumption 3), and
    every store inside the body of each project base class (resolved through proven bindings, up to
    :data:`MAX_HELPER_DEPTH` levels) in the base's module. Stores through objects in other modules of the project
    (``feed.VARIABLE = "x"`` in a module that holds a ``Feed``) are not searched: the same stated assumption as for
    the entry point's own name (docs/check.md, assumption 3). A base that cannot be resolved is a problem too.
    """
    facts = evaluator.facts
    own = facts.class_qualname(owner) or owner.name.value
    for (scope, key), sites in attribute_stores(facts).items():
        if key not in (name, "*"):
            continue
        for site in sites:
            if site[3] in ("self", "cls") and scope not in ("", own):
                continue  # another class's own instance (a subclass overriding is assumption 3)
            if not _other_class(facts, site[3], owner.name.value):
                return f"the attribute store at line {site[0]} ('{site[1]}') may shadow the class attribute {name}"
    for item in project_bases(evaluator, owner):
        if isinstance(item, str):
            return item
        node, module, _ = item
        if node.decorators:
            # `@dataclass` makes an __init__ that stores every field on the instance (`Feed(skip=True)`), and any
            # class decorator may add such code: the class body's value is only the default (FA8-5, review 8).
            return f"the class decorator '@{code_of(node.decorators[0].decorator)}' on {node.name.value} may store {name} on every instance (a dataclass field)"
        if node is not owner:
            qualname = module.class_qualname(node) or node.name.value
            for (scope, key), sites in attribute_stores(module).items():
                if key in (name, "*") and scope == qualname and sites:
                    site = sites[0]
                    return f"the attribute store at line {site[0]} ('{site[1]}') in {module.name} may shadow the class attribute {name}"
    return None


ENUM_BASES = (("enum.Enum",), ("str", "enum.Enum"), ("enum.StrEnum",), ("enum.IntEnum",), ("int", "enum.Enum"))
"""Base lists of a plain enum class whose members' ``.value`` is the class body's literal (Python's own EnumType)."""

_ENUM_HOOKS = frozenset({"_missing_", "_generate_next_value_", "_ignore_", "_order_", "__new__", "__init__", "__init_subclass__", "__set_name__", "__getattr__", "__getattribute__", "__setattr__", "__class_getitem__", "__prepare__"})
"""Class-body names that change how an enum makes or finds its members."""

_ENUM_INTERNALS = frozenset({"_value_", "_name_", "_member_map_", "_value2member_map_", "_member_names_"})
"""Private enum state: a module that mentions it may change what a member's ``.value`` is."""


def _mentions_enum_internals(facts: ModuleFacts) -> bool:
    """Whether ``facts``' code names private enum state (:data:`_ENUM_INTERNALS`) as an attribute or in a string
    (``member._value_ = x``, ``setattr(member, "_value_", x)``, ``vars(member)["_value_"]``); memoised."""
    cached = facts.__dict__.get("_enum_internals")
    if cached is None:
        tree = parsed_module(facts)[0]
        cached = any(
            (isinstance(n, ast.Attribute) and n.attr in _ENUM_INTERNALS)
            or (isinstance(n, ast.Constant) and isinstance(n.value, str) and any(i in n.value for i in _ENUM_INTERNALS))
            for n in ast.walk(tree)
        )
        facts.__dict__["_enum_internals"] = cached
    return bool(cached)


def plain_enum(evaluator: Evaluator, value: ClassValue) -> tuple[str, dict[str, object]] | None:
    """(its first base, its members) when ``value`` is a proven plain enum (:func:`_plain_enum_body`) that no module
    of the entry point's import walk changes (``modes.Mode.HEARTBEAT._value_ = "x"``: hostile review 20, kind 2)."""
    found = _plain_enum_body(evaluator, value)
    if found is not None and evaluator.walk_class_patches(value.node, value.facts or evaluator.facts):
        return None
    return found


def _plain_enum_body(evaluator: Evaluator, value: ClassValue) -> tuple[str, dict[str, object]] | None:
    """(its first base, its members: name -> literal value) when ``value`` is a proven plain enum, else None. The
    first base is ``"str"``/``"enum.StrEnum"`` for a str mixin, whose members compare and hash as their value.

    Plain: its bases are exactly one of :data:`ENUM_BASES` (resolved through proven bindings to the standard
    library's ``enum``), no keyword (metaclass), no decorator but ``enum.unique``, nothing in the body but a
    docstring, ``pass``, ``def``s of ordinary names and one assignment of a literal per member name (no
    :data:`_ENUM_HOOKS`, no ``auto()``, no name bound twice), each str-mixin member a ``str``; no attribute store
    of a member's name (or a computed one) in its module, the reading module or the entry point's module, and none
    of them mentions the enum's private state (:data:`_ENUM_INTERNALS`, ``member._value_ = ...``). Then Python's
    EnumType makes each member with exactly that ``.value`` (hostile review 5, FA1)."""
    facts = value.facts or evaluator.facts
    node = value.node
    cache: dict[int, tuple[str, dict[str, object]] | None] = facts.__dict__.setdefault("_plain_enums", {})
    if id(node) in cache:
        return cache[id(node)]
    cache[id(node)] = None
    probe = evaluator if facts is evaluator.facts else evaluator.module_evaluator(facts)
    if node.keywords or facts.class_qualname(node) is None:
        return None
    bases: list[str] = []
    raised_before = "may raise" in probe.trace.assumptions
    for base in node.bases:
        try:
            resolved = probe.evaluate(base.value)
        except EvalError:
            return None
        finally:
            if not raised_before:
                probe.trace.assumptions.discard("may raise")  # the class statement ran at import time
        if isinstance(resolved, Module):
            bases.append(resolved.dotted)
        elif isinstance(resolved, Builtin):
            bases.append(resolved.name)
        else:
            return None
    if tuple(bases) not in ENUM_BASES:
        return None
    for decorator in node.decorators:
        try:
            if probe.evaluate(decorator.decorator) != Module("enum.unique"):
                return None
        except EvalError:
            return None
    qualname = facts.class_qualname(node) or node.name.value
    classdef = class_ast(facts, qualname)
    if classdef is None:
        return None
    members: dict[str, object] = {}
    for index, statement in enumerate(classdef.body):
        if isinstance(statement, ast.Pass) or (index == 0 and isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)):
            continue
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and not (
            statement.name in _ENUM_HOOKS or statement.name in ("value", "name") or (statement.name.startswith("_") and statement.name.endswith("_"))
        ):
            continue  # an ordinary method (a dunder such as __eq__/__hash__, a sunder hook or a `value` property is not)
        if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name)):
            return None
        name = statement.targets[0].id
        if name in members or name.startswith("_") or name in ("value", "name"):
            return None
        try:
            literal = ast.literal_eval(statement.value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            return None  # `auto()`, a computed value
        if not is_concrete(literal) or (bases[0] in ("str", "enum.StrEnum") and type(literal) is not str):
            return None  # a str-mixin member's value is str(literal)
        if bases[0] in ("int", "enum.IntEnum") and type(literal) is not int:
            return None
        members[name] = literal
    modules = {id(m): m for m in (facts, evaluator.facts, *evaluator._entry_facts())}
    for module in modules.values():
        if _mentions_enum_internals(module):
            return None
        stores = attribute_stores(module)
        if any(key in members or key == "*" or key in _ENUM_HOOKS for (_, key) in stores):
            return None
    cache[id(node)] = (bases[0], members)
    return cache[id(node)]


def lambda_function(facts: ModuleFacts, name: str, node: cst.Lambda) -> cst.FunctionDef:
    """``def <name>(<params>): return <body>`` for the module-level ``name = lambda <params>: <body>`` — the same
    code object Python makes, sharing the lambda's parameter and body nodes (so names resolve in the lambda's
    scope, see :func:`lambda_of`). One node per lambda (memo keys use node identity)."""
    cache: dict[int, cst.FunctionDef] = facts.__dict__.setdefault("_lambda_functions", {})
    made = cache.get(id(node))
    if made is None:
        made = cst.FunctionDef(
            name=cst.Name(name),
            params=node.params,
            body=cst.SimpleStatementSuite(body=[cst.Return(value=node.body)]),
        )
        cache[id(node)] = made
        _LAMBDAS[id(made)] = (made, node)
    return made


def lambda_of(function: cst.FunctionDef) -> cst.Lambda | None:
    """The lambda a :func:`lambda_function` definition was made from, else None."""
    found = _LAMBDAS.get(id(function))
    return found[1] if found is not None and found[0] is function else None


_LAMBDAS: dict[int, tuple[cst.FunctionDef, cst.Lambda]] = {}


def literal_global_state(facts: ModuleFacts, name: str) -> bool:
    """Whether module-level ``name`` is state of built-in values rebound only through ``global`` in functions: one
    unconditional module-level assignment of a literal, no hazard (``globals()`` writes, star imports…), and in every
    function declaring ``global name`` each store of it a plain or augmented assignment of a literal (no ``del``,
    loop or ``with`` target, unpacking, walrus, import). Then its value is unknown but built in, and it always
    exists; memoised per module and name."""
    cache: dict[str, bool] = facts.__dict__.setdefault("_literal_globals", {})
    if name in cache:
        return cache[name]
    cache[name] = False
    bindings = facts.bindings
    if bindings.hazard_for(name) is not None:
        return False
    sites = bindings.bindings(name)
    plain = [site for site in sites if site.kind != "global"]
    if len(plain) != 1 or plain[0].kind not in ("assign", "annassign") or plain[0].conditional or len(plain) == len(sites):
        return False
    tree = parsed_module(facts)[0]
    for statement in tree.body:
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target] if isinstance(statement, ast.AnnAssign) else []
        if any(isinstance(t, ast.Name) and t.id == name for t in targets) and (
            statement.value is None or not _is_literal(statement.value) or len(targets) != 1
        ):
            return False
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        own = _own_scope(function)
        if not any(isinstance(n, ast.Global) and name in n.names for n in own):
            continue
        for node in own:
            if isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Load):
                parent = next((p for p in own if isinstance(p, (ast.Assign, ast.AugAssign)) and (node in getattr(p, "targets", ()) or getattr(p, "target", None) is node)), None)
                if parent is None or not _is_literal(parent.value):
                    return False
            elif (
                (isinstance(node, (ast.Import, ast.ImportFrom)) and any((a.asname or a.name).split(".")[0] == name for a in node.names))
                or (isinstance(node, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)) and getattr(node, "name", None) == name)
                or (isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node is not function and node.name == name)
            ):
                return False  # an import, `except … as`, a match capture or a nested def binding it
    cache[name] = True
    return True


def _is_literal(node: ast.expr) -> bool:
    try:
        return is_concrete(ast.literal_eval(node))
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False


def _own_scope(function: ast.AST) -> list[ast.AST]:
    """The nodes of ``function``'s own scope (nested functions, classes, lambdas and comprehensions excluded, their
    ``def``/``class`` statements themselves included)."""
    found: list[ast.AST] = []
    pending = list(ast.iter_child_nodes(function))
    while pending:
        node = pending.pop()
        found.append(node)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            continue
        pending.extend(ast.iter_child_nodes(node))
    return found


def class_hierarchy_problem(evaluator: Evaluator, owner: cst.ClassDef, name: str) -> str | None:
    """None when nothing in ``owner``'s project class hierarchy can replace its method ``name``; else why, for TG009.

    Checked on ``owner`` and every project base (resolved through proven bindings, up to
    :data:`MAX_HELPER_DEPTH` levels): a ``metaclass=`` keyword, an ``__init_subclass__`` or ``__set_name__`` in a
    base (it runs when the subclass is created and may assign ``cls.<name>``), and a store of an attribute called
    ``name`` in the class's body or its module's top-level code and functions (``self.start = self._other`` in
    ``__init__`` shadows the method on the instance), also through ``setattr(..., "<name>", ...)`` or ``setattr``
    with a computed name. Other classes' methods and other modules are not searched (stated assumption). A base that is not a project class (``AppConfig``) is assumed
    not to replace methods of its subclasses; a base the verifier cannot resolve is a problem.
    """

    def visit(node: cst.ClassDef, facts: ModuleFacts, is_owner: bool) -> str | None:
        stores = attribute_stores(facts)
        scopes = ("", facts.class_qualname(node) or node.name.value)
        if not is_owner:
            for decorator in node.decorators:
                # A class decorator on a base runs before any subclass exists and may install __init_subclass__,
                # __getattribute__ or descriptors that replace the method in every subclass (hostile review 6, R6-19).
                expression = decorator.decorator
                names = Evaluator.decorator_names(facts, expression.func if isinstance(expression, cst.Call) else expression)
                if names & _LIBRARY_CLASS_DECORATORS:
                    continue
                if not names & set(evaluator.context.transparent_decorators) or isinstance(expression, cst.Call):
                    return f"the class decorator '@{code_of(expression)}' on the base class {node.name.value} may add hooks that replace {name}"
        for hook in ("__init_subclass__", "__set_name__"):
            if not is_owner and (scopes[1], f"<{hook}>") in stores:
                if hook == "__init_subclass__" and _registering_init_subclass(facts, node):
                    continue  # it only records the subclass in a module-level dict/list/set (FA9-17)
                return f"the base class {node.name.value} defines {hook}, which runs when the class is created and may replace {name}"
        for hook in ("__getattribute__", "__new__"):
            # R4-7: `instance.start` runs __getattribute__ first (it may return anything); __new__ may return an
            # instance of another class, whose start then runs.
            if any(_binds_in_body(node, hook)) or (facts is not evaluator.facts and _source_class_binds(facts, node.name.value, hook)):
                return f"the class {node.name.value} defines {hook}, which decides what '{name}' of an instance runs"
        descriptor = _set_name_descriptor(evaluator if facts is evaluator.facts else evaluator.module_evaluator(facts), node)
        if descriptor is not None:
            return descriptor
        # A store inside the entry function itself runs only once it was called (after its guard, or it is an
        # effect before the guard anyway), so it cannot change what this call runs.
        own = f"{scopes[1]}.{name}." if is_owner else None

        def relevant(scope: str, site: tuple[int, str, str, str | None]) -> bool:
            if own is not None and site[2].startswith(own):
                return False
            root = site[3]
            # Outside the class, `Other.start = f` / `setattr(Other, "start", f)` on another proven class is unrelated.
            sites = facts.bindings.bindings(root) if root is not None else []
            other_class = root != node.name.value and bool(sites) and all(b.kind == "class" for b in sites)
            return not (scope == "" and other_class)

        # `self.__class__ = Other` (R4-7) replaces every method at once.
        store = next((site for scope in scopes for key in (name, "*", "__class__") for site in stores.get((scope, key), ()) if relevant(scope, site)), None)
        if store is None and is_owner:
            # Methods of the entry point's module's other classes (R4-9): `self.feed.start = f`, `setattr(self.feed, "start", f)`,
            # `service.start = f` on a parameter store on an object that may be this class; `self.start = f` there
            # stores on that class's own instance, and a store on another proven class is unrelated.
            store = next(
                (
                    site
                    for (scope, key), sites in stores.items()
                    if key in (name, "*", "__class__") and scope not in scopes
                    for site in sites
                    if site[3] not in ("self", "cls") and relevant("", site)
                ),
                None,
            )
        if store is not None:
            return f"the attribute store at line {store[0]} ('{store[1]}') may replace {name} on the instance or class"
        if not is_owner:
            for keyword in node.keywords:
                if keyword.keyword is not None and keyword.keyword.value == "metaclass":
                    return f"the base class {node.name.value} has the metaclass '{code_of(keyword.value)}', which may replace {name}"
        return None

    for item in project_bases(evaluator, owner):
        problem = item if isinstance(item, str) else visit(item[0], item[1], item[0] is owner)
        if problem is not None:
            return problem
    return None


def _registering_init_subclass(facts: ModuleFacts, node: cst.ClassDef) -> bool:
    """The base's ``__init_subclass__`` only registers the new class (review 9, FA9-17): one ``def`` of it in the body
    (undecorated or ``@classmethod``) and no other binding or store of it, whose statements are a docstring, ``pass``,
    ``super().__init_subclass__(…)`` (parameters and literals; the bases' hooks are checked on their own) and
    ``REGISTRY[key] = cls`` / ``REGISTRY.append(cls)`` / ``.add(cls)`` / ``.setdefault(key, cls)``, where REGISTRY is a
    module-level name bound once to a dict/list/set display (a built-in container: its ``__setitem__`` runs no project
    code) and ``key`` a literal, a parameter or ``cls.__name__``/``__qualname__``/``__module__``. Such a hook changes
    its module's container at class creation, never an attribute of the class, so it cannot replace a method."""
    qualname = facts.class_qualname(node)
    classdef = class_ast(facts, qualname) if qualname is not None else None
    if classdef is None:
        return False
    hooks = [s for s in classdef.body if isinstance(s, ast.FunctionDef) and s.name == "__init_subclass__"]
    bindings = facts.bindings.classes.get(qualname or "", {}).get("__init_subclass__", [])
    if len(hooks) != 1 or len(bindings) != 1 or bindings[0].conditional:
        return False
    hook = hooks[0]
    if any(ast.unparse(d) != "classmethod" for d in hook.decorator_list):
        return False
    positional = [*hook.args.posonlyargs, *hook.args.args]
    if not positional:
        return False
    receiver = positional[0].arg
    parameters = {a.arg for a in (*positional[1:], *hook.args.kwonlyargs)} | {a.arg for a in (hook.args.vararg, hook.args.kwarg) if a is not None}

    def plain(value: ast.expr) -> bool:
        if isinstance(value, ast.Starred):
            value = value.value
        return isinstance(value, ast.Constant) or (isinstance(value, ast.Name) and value.id in parameters)

    def key(value: ast.expr) -> bool:
        return plain(value) or (
            isinstance(value, ast.Attribute) and value.attr in ("__name__", "__qualname__", "__module__")
            and isinstance(value.value, ast.Name) and value.value.id == receiver
        )

    def container(target: ast.expr) -> bool:
        if not (isinstance(target, ast.Name) and target.id not in parameters and target.id != receiver):
            return False
        sites = facts.bindings.bindings(target.id)
        value = facts.module_value(target.id)
        return (
            len(sites) == 1 and sites[0].kind in ("assign", "annassign") and not sites[0].conditional
            and facts.bindings.problem(target.id) is None and isinstance(value, (cst.Dict, cst.List, cst.Set))
        )

    def is_receiver(value: ast.expr) -> bool:
        return isinstance(value, ast.Name) and value.id == receiver

    for index, statement in enumerate(hook.body):
        if isinstance(statement, ast.Pass) or (index == 0 and isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)):
            continue
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Subscript):
            target = statement.targets[0]
            if container(target.value) and key(target.slice) and is_receiver(statement.value):
                continue
            return False
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) and isinstance(statement.value.func, ast.Attribute):
            call, method = statement.value, statement.value.func
            if call.keywords and method.attr != "__init_subclass__":
                return False
            if (
                method.attr == "__init_subclass__" and isinstance(method.value, ast.Call) and isinstance(method.value.func, ast.Name)
                and method.value.func.id == "super" and not method.value.args and not method.value.keywords
                and all(plain(a) for a in call.args) and all(plain(k.value) for k in call.keywords)
            ):
                continue
            if method.attr in ("append", "add") and container(method.value) and len(call.args) == 1 and is_receiver(call.args[0]):
                continue
            if method.attr == "setdefault" and container(method.value) and len(call.args) == 2 and key(call.args[0]) and is_receiver(call.args[1]):
                continue
        return False
    return not facts.bindings.bindings("super")


_LIBRARY_CLASS_DECORATORS = frozenset(
    {"dataclasses.dataclass", "functools.total_ordering", "enum.unique", "typing.final", "typing.runtime_checkable"}
)
"""Standard-library class decorators (bare or called) that add no hook which could replace a subclass's method."""


def _binds_in_body(owner: cst.ClassDef, name: str) -> Iterator[cst.CSTNode]:
    """Every statement of ``owner``'s body that binds ``name`` (a ``def``, an assignment, an import)."""
    body = owner.body.body if isinstance(owner.body, cst.IndentedBlock) else ()
    for statement in body:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)) and statement.name.value == name:
            yield statement
        elif isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                targets = (
                    [t.target for t in small.targets] if isinstance(small, cst.Assign)
                    else [small.target] if isinstance(small, (cst.AnnAssign, cst.AugAssign))
                    else []
                )
                if any(isinstance(t, cst.Name) and t.value == name for t in targets):
                    yield small


def _source_class_binds(facts: ModuleFacts | None, class_name: str, name: str) -> bool:
    """Whether a class called ``class_name`` in ``facts``'s full source binds ``name`` in its body (other modules are
    read as outlines whose class bodies are elided, so the file's own parse answers)."""
    if facts is None:
        return False
    import ast

    from thor_guard.verifier.bindings import python_ast

    tree = python_ast(facts.full_source)
    if tree is None:
        return True  # unparsable: nothing is proven about it
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            for statement in node.body:
                if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and statement.name == name:
                    return True
                targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target] if isinstance(statement, (ast.AnnAssign, ast.AugAssign)) else []
                if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                    return True
    return False


def _set_name_uses_owner(facts: ModuleFacts, node: cst.ClassDef) -> bool:
    """Whether class ``node`` defines ``__set_name__`` in a way that may touch the class it is set on: bound other than
    by a ``def``, or a ``def`` whose body uses its ``owner`` parameter (or ``*args``) other than reading
    ``owner.__name__``/``__qualname__``/``__module__``. Django's ``cached_property.__set_name__`` only records the
    name and is fine. Read from the file (other modules come as outlines without class bodies)."""
    import ast

    from thor_guard.verifier.bindings import python_ast

    tree = python_ast(facts.full_source)
    if tree is None:
        return True
    for klass in ast.walk(tree):
        if not (isinstance(klass, ast.ClassDef) and klass.name == node.name.value):
            continue
        for statement in klass.body:
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target] if isinstance(statement, (ast.AnnAssign, ast.AugAssign)) else []
            if any(isinstance(t, ast.Name) and t.id == "__set_name__" for t in targets):
                return True
            if not (isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and statement.name == "__set_name__"):
                continue
            arguments = statement.args
            positional = [*arguments.posonlyargs, *arguments.args]
            if arguments.vararg is not None or arguments.kwarg is not None or len(positional) < 2 or statement.decorator_list:
                return True
            owner = positional[1].arg
            harmless = {"__name__", "__qualname__", "__module__"}
            loads = {id(n.value) for n in ast.walk(statement) if isinstance(n, ast.Attribute) and n.attr in harmless and isinstance(n.ctx, ast.Load)}
            if any(isinstance(n, ast.Name) and n.id == owner and id(n) not in loads for n in ast.walk(statement)):
                return True
    return False


def _set_name_descriptor(probe: Evaluator, owner: cst.ClassDef) -> str | None:
    """R4-8: a class-body attribute whose value is an instance of a project class defining ``__set_name__`` (in its
    body or a project base, up to :data:`MAX_HELPER_DEPTH` levels): Python calls it with the class being created as
    ``owner``, and it may replace any method (``owner.start = f``). Values of classes outside the project (Django
    fields, ``functools.cached_property``) are assumed not to (stated assumption)."""
    body = owner.body.body if isinstance(owner.body, cst.IndentedBlock) else ()
    for statement in body:
        values: list[tuple[cst.BaseExpression, bool]] = []  # (expression, is a decorator)
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, (cst.Assign, cst.AnnAssign)) and small.value is not None:
                    value = small.value
                    # `a, b = registered(), 1` binds each element: each may be a descriptor
                    parts = [e.value for e in value.elements] if isinstance(value, (cst.Tuple, cst.List)) and not isinstance(small, cst.AnnAssign) and any(
                        isinstance(t.target, (cst.Tuple, cst.List)) for t in small.targets
                    ) else [value]
                    values.extend((part, False) for part in parts)
        elif isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            values = [(d.decorator, True) for d in statement.decorators]
        for value, decorator in values:
            problem = _class_body_value_problem(probe, owner, value, decorator=decorator)
            if problem is not None:
                return problem
            callee = value.func if isinstance(value, cst.Call) else value
            try:
                made = probe.evaluate(callee)
            except EvalError:
                continue  # judged by _class_body_value_problem above
            seen = 0
            todo = [made]
            while todo and seen <= MAX_HELPER_DEPTH:
                current = todo.pop()
                seen += 1
                if not isinstance(current, ClassValue):
                    continue
                if _set_name_uses_owner(probe.facts if current.facts is None else current.facts, current.node):
                    return (
                        f"the class attribute '{code_of(value)}' is an instance of {current.node.name.value}, whose "
                        f"__set_name__ runs when {owner.name.value} is created and may replace its methods"
                    )
                inner = probe if current.facts is None or current.facts is probe.facts else probe.module_evaluator(current.facts)
                for base in current.node.bases:
                    try:
                        todo.append(inner.evaluate(_generic_origin(base.value)))
                    except EvalError:
                        continue
    return None


def _class_body_value_problem(probe: Evaluator, owner: cst.ClassDef, value: cst.BaseExpression, *, decorator: bool) -> str | None:
    """R5-17: a class-body value (or what a decorator in the class body makes) that may be an instance of a project
    class, computed by project code before the class is created: Python calls its type's ``__set_name__`` with the
    new class, which may replace any method. None when the value is proven not to be one.

    Proven: a value built by a project class call (the caller checks that class's ``__set_name__``), by a builtin or a
    function outside the project (assumption 7), a literal, a name or attribute whose value is known and not an
    instance, and a call of a project function whose every ``return`` gives a built-in value (:func:`_returns_plain`:
    a literal, ``None``, a lambda, a ``def`` nested in it, for a decorator its parameter). Anything else — another
    project factory (``registry = registered()``), a call the verifier cannot resolve, a module constant computed by
    a call (``registry = _REGISTRY``) — is TG009."""
    where = f"the class attribute '{code_of(value)}' of {owner.name.value}"
    if isinstance(value, cst.Call) and not decorator:
        probe.callee_depth += 1  # the callee: `Factory.make` of a project class is its method, not a value
        try:
            callee = probe.evaluate(value.func)
        except EvalError as exc:
            return f"{where} is made by a call the verifier cannot resolve ({exc.reason}); its __set_name__ would run when the class is created and may replace its methods"
        finally:
            probe.callee_depth -= 1
        if isinstance(callee, Function):
            if _returns_plain(callee.node, _is_wraps(probe, callee), calls=1, parameters=False):
                return None
            return f"{where} is made by the project function {callee.qualified}, which may return an object whose __set_name__ runs when {owner.name.value} is created and replaces its methods"
        if isinstance(callee, (ClassValue, Builtin, Module, Marker, Logger)):
            return None  # a project class (its __set_name__ is checked by the caller) or code outside the project
        if isinstance(callee, BoundMethod) and isinstance(callee.value, (Module, Marker, Logger, str, bytes)):
            return None  # a method of a library object or a literal (`models.Manager.from_queryset`, `"x".upper`)
        return f"{where} is made by '{code_of(value.func)}', which may return an object whose __set_name__ replaces methods of {owner.name.value}"
    if decorator:
        if _property_accessor(probe, owner, value):
            return None  # `@limit.setter` under `@property def limit`: builtins.property.setter makes a property
        callee_node = value.func if isinstance(value, cst.Call) else value
        try:
            callee = probe.evaluate(callee_node)
        except EvalError as exc:
            return f"the decorator '{code_of(value)}' in {owner.name.value} cannot be resolved ({exc.reason}); what it returns may define __set_name__ and replace methods"
        if isinstance(callee, Function):
            if _returns_plain(callee.node, _is_wraps(probe, callee), calls=2 if isinstance(value, cst.Call) else 1, parameters=True):
                return None
            return f"the decorator '{code_of(value)}' in {owner.name.value} is the project function {callee.qualified}, which may return an object whose __set_name__ replaces methods"
        return None  # a project class (checked by the caller), a builtin, a library decorator (assumption 7)
    if isinstance(value, (cst.Name, cst.Attribute)):
        try:
            made = probe.evaluate(value)
        except EvalError:
            return None  # a name bound earlier in the class body: its own value was judged there
        if made is UNTRUSTED or isinstance(made, Instance):
            return f"{where} was computed by project code (it may be an object whose __set_name__ replaces methods of {owner.name.value})"
    return None


def _property_accessor(probe: Evaluator, owner: cst.ClassDef, decorator: cst.BaseExpression) -> bool:
    """``@x.setter`` / ``@x.deleter`` in ``owner``'s body where ``x`` is bound there only by ``def``s that
    :func:`_class_member` reads as one plain ``@property`` (and ``property`` is the builtin): the decorator is
    ``builtins.property.setter`` of that property, which returns a property (no ``__set_name__``, no project code).
    A class-body decorator is evaluated in the class namespace, where ``x`` is that property, not a module name
    (review 7, FA7-1). ``@x.getter`` replaces the getter a read runs and is not accepted here."""
    if not (isinstance(decorator, cst.Attribute) and isinstance(decorator.value, cst.Name) and decorator.attr.value in ("setter", "deleter")):
        return False
    if probe.facts.bindings.bindings("property") or probe.facts.bindings.problem("property", own_lookup=True) is not None:
        return False
    member = _class_member(owner, decorator.value.value)
    return isinstance(member, cst.FunctionDef) and _is_plain_property(member)


def _is_wraps(probe: Evaluator, function: Function) -> Callable[[cst.BaseExpression], bool]:
    """A test for ``@functools.wraps(f)`` (resolved in ``function``'s module) on a nested ``def``: it returns the
    wrapper itself."""
    evaluator = probe if function.facts is probe.facts else probe.module_evaluator(function.facts)

    def test(decorator: cst.BaseExpression) -> bool:
        if not isinstance(decorator, cst.Call):
            return False
        try:
            return evaluator.evaluate(decorator.func) == Module("functools.wraps")
        except EvalError:
            return False

    return test


def _assigned_names(function: cst.FunctionDef) -> list[cst.Name]:
    """Names bound in ``function``'s own body other than by a ``def`` (assignments, for/with targets, walrus,
    imports), nested functions and classes excluded."""
    found: list[cst.Name] = []

    class _Stores(OwnScopeVisitor):
        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            found.extend(n for n in _names_in(node.target))

        def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
            found.extend(_names_in(node.target))

        def visit_AugAssign(self, node: cst.AugAssign) -> None:
            found.extend(_names_in(node.target))

        def visit_For(self, node: cst.For) -> None:
            found.extend(_names_in(node.target))

        def visit_AsName(self, node: cst.AsName) -> None:
            found.extend(_names_in(node.name))

        def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
            found.extend(_names_in(node.target))

        def visit_Global(self, node: cst.Global) -> None:
            found.extend(n.name for n in node.names)

        def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
            found.extend(n.name for n in node.names)

    function.body.visit(_Stores())
    return found


def _names_in(node: cst.CSTNode) -> list[cst.Name]:
    if isinstance(node, cst.Name):
        return [node]
    if isinstance(node, (cst.Tuple, cst.List)):
        return [n for e in node.elements for n in _names_in(e.value)]
    if isinstance(node, cst.StarredElement):
        return _names_in(node.value)
    return []


def _returns_plain(function: cst.FunctionDef, wraps: Callable[[cst.BaseExpression], bool], *, calls: int, parameters: bool, depth: int = 0) -> bool:
    """Whether calling ``function`` ``calls`` times in a row (``f(x)``: 1, a decorator factory ``f(x)(g)``: 2) can
    only give a built-in value: every ``return`` (outside nested functions) gives a literal, ``None``, a lambda, a
    parameter (when ``parameters``: a decorator returning the function it got) or — the last call aside — a
    ``def`` nested directly in it (not rebound, decorated by nothing but ``wraps`` as judged by ``wraps``) whose own
    returns are plain. A generator or async function returns a generator/coroutine object (plain); a decorated one
    is not proven."""
    if function.decorators or depth > MAX_HELPER_DEPTH:
        return False
    if isinstance(function.asynchronous, cst.Asynchronous) or _is_generator_function(function):
        return calls == 1
    nested = {
        s.name.value: s for s in (function.body.body if isinstance(function.body, cst.IndentedBlock) else ())
        if isinstance(s, cst.FunctionDef)
    }
    names = {p.name.value for p in (*function.params.posonly_params, *function.params.params, *function.params.kwonly_params)}
    returns: list[cst.Return] = []

    class _Returns(OwnScopeVisitor):
        def visit_Return(self, node: cst.Return) -> None:
            returns.append(node)

    function.body.visit(_Returns())
    assigned = {
        n.value for n in _assigned_names(function)
    }  # `wrapper = Registered()` after `def wrapper`: the name no longer holds the def
    for statement in returns:
        result = statement.value
        if result is None or isinstance(result, cst.Lambda):
            if calls > 1 and result is None:
                return False  # `None(...)` raises; not worth modelling
            continue
        if isinstance(result, cst.Name) and result.value in nested and result.value not in names and result.value not in assigned:
            inner = nested[result.value]
            if not all(wraps(d.decorator) for d in inner.decorators):
                return False
            if calls == 1 or _returns_plain(inner, wraps, calls=calls - 1, parameters=True, depth=depth + 1):
                continue
            return False
        if calls == 1 and isinstance(result, cst.Name) and parameters and result.value in names:
            continue
        if calls == 1:
            try:
                ast.literal_eval(code_of(result))
                continue
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                return False
        return False
    return True


def _generic_origin(base: cst.BaseExpression) -> cst.BaseExpression:
    """``Generic[T]``/``ParamType[_T]``/``t.Mapping[str, int]`` as a base: the class being parametrised.

    Subscripting a generic class only builds an alias; the class statement uses its origin (``__mro_entries__``).
    """
    while isinstance(base, cst.Subscript):
        base = base.value
    return base


def _on_receiver(node: object) -> bool:
    """``self`` / ``cls`` or an attribute chain from one (``self.handler``): what a method's store may replace."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name) and node.id in ("self", "cls")


def attribute_stores(facts: ModuleFacts) -> dict[tuple[str, str], list[tuple[int, str, str, str | None]]]:
    """(enclosing class qualname or ``""``, attribute name) -> [(line, source, enclosing function prefix, root name)].

    Also ``(class qualname, "<__init_subclass__>")``/``"<__set_name__>"``/``"<__class_getitem__>"`` for classes
    whose body binds those hooks (a ``def``, an assignment, also under ``if``/``try`` in the body).

    Counts ``<expr>.<name> = ...`` (also augmented, annotated, in tuples), ``del <expr>.<name>`` and
    ``setattr``/``delattr`` with a literal name; a ``setattr``/``delattr`` with a computed name is listed under
    ``"*"``. The scope is the innermost class whose body (methods included) contains the store, ``""`` for
    module-level code and module functions. Taken with Python's own parser over the whole file (method bodies the
    skeleton stubbed out included), once per module.
    """
    cached = facts.__dict__.get("_attribute_stores")
    if cached is not None:
        return cached
    import ast

    # One shared tree per file (perf): the census and the other scans parse the same source.
    from thor_guard.verifier.bindings import python_ast

    found: dict[tuple[str, str], list[tuple[int, str, str, str | None]]] = {}
    source = facts.full_source
    parsed = python_ast(source)
    tree = parsed or ast.Module(body=[], type_ignores=[])
    text = source.decode("utf-8", "replace") if isinstance(source, bytes) else source
    lines = text.splitlines()
    if parsed is None:
        # Unknown, not empty (R6-20): any attribute of any object may be stored somewhere in the file.
        from thor_guard.verifier.bindings import unparsable_reason

        found[("", "*")] = [(1, unparsable_reason(source), "", None)]

    def note(scope: str, name: str, node: ast.AST, function: str = "", target: ast.AST | None = None) -> None:
        line = getattr(node, "lineno", 0)
        # The object stored on, when it is a plain name (`self`, `Feed`, `service`); None for a computed object
        # (`self.feed`, `L[0]`): that can be any object, the entry point's class included (R4-9).
        root = target.id if isinstance(target, ast.Name) else None
        found.setdefault((scope, name), []).append((line, lines[line - 1].strip() if 0 < line <= len(lines) else "", function, root))

    def walk(node: ast.AST, scope: str, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                qualname = f"{prefix}{child.name}"
                for hook, statement in _hook_bindings(child.body):  # hooks that run on subclassing / subscripting
                    note(qualname, f"<{hook}>", statement)
                walk(child, qualname, f"{qualname}.")
                continue
            if isinstance(child, ast.Attribute) and isinstance(child.ctx, (ast.Store, ast.Del)):
                note(scope, child.attr, child, prefix, child.value)
                if child.attr == "__dict__":  # `self.__dict__ = {...}` / `|= {...}`: any attribute of the object
                    note(scope, "*", child, prefix, child.value)
            elif isinstance(child, ast.Subscript) and isinstance(child.ctx, (ast.Store, ast.Del)) and _namespace_owner(child.value) is not None:
                # `vars(self)["start"] = f`, `self.__dict__[name] = v`: an attribute store spelled through the namespace
                key = child.slice
                named = key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) else "*"
                note(scope, named, child, prefix, _namespace_owner(child.value))
            elif (
                isinstance(child, ast.Call)
                and isinstance(child.func, ast.Attribute)
                and child.func.attr in _NAMESPACE_WRITES
                and _namespace_owner(child.func.value) is not None
            ):
                # `self.__dict__.update(kwargs)`, `vars(self).setdefault(...)`: any attribute (hostile review 5, R5-18)
                note(scope, "*", child, prefix, _namespace_owner(child.func.value))
            elif isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute) and child.func.attr in ("__setattr__", "__delattr__"):
                # `object.__setattr__(self, "x", v)`, `Feed.__setattr__(self, …)`, `super().__setattr__("x", v)`,
                # `self.__setattr__("x", v)`: the same store with the receiver moved into the arguments (review 8, R8-9)
                bound_arity = 2 if child.func.attr == "__setattr__" else 1
                args = child.args
                if prefix.endswith(("__setattr__.", "__delattr__.")) and all(isinstance(a, ast.Name) for a in args):
                    pass  # the forwarding inside an own __setattr__: the store `x.name = v` that calls it is censused
                elif any(isinstance(a, ast.Starred) for a in args) or len(args) not in (bound_arity, bound_arity + 1):
                    note(scope, "*", child, prefix, None)
                else:
                    unbound = len(args) == bound_arity + 1
                    receiver = child.func.value
                    # super() is the method's own instance: a store on it is like `self.x = v` (its class's scope)
                    target = args[0] if unbound else ast.Name(id="self") if _is_super(receiver) else receiver
                    key = args[1] if unbound else args[0]
                    note(scope, key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) else "*", child, prefix, target)
            elif (
                isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute) and child.func.attr in _NAMESPACE_WRITES
                and child.args and _namespace_owner(child.args[0]) is not None
            ):
                # `dict.update(self.__dict__, x=v)`, `dict.__setitem__(vars(self), "x", v)`: a namespace write through
                # the unbound dict method (review 8, R8-9)
                key = child.args[1] if child.func.attr in ("__setitem__", "__delitem__", "setdefault", "pop") and len(child.args) > 1 else None
                named = key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) else "*"
                note(scope, named, child, prefix, _namespace_owner(child.args[0]))
            elif (
                isinstance(child, ast.Call) and len(child.args) > 1
                and ((isinstance(child.func, ast.Name) and child.func.id in ("setattr", "delattr")) or (isinstance(child.func, ast.Attribute) and child.func.attr in ("setattr", "delattr")))
            ):
                # also `builtins.setattr(self, "start", f)` (hostile review 14): any `.setattr` is taken for the built-in
                literal = child.args[1]
                note(scope, literal.value if isinstance(literal, ast.Constant) and isinstance(literal.value, str) else "*", child, prefix, child.args[0])
            elif isinstance(child, ast.Name) and isinstance(child.ctx, ast.Load) and child.id in ("setattr", "delattr") and not (isinstance(node, ast.Call) and node.func is child):
                # `_s = setattr; _s(self, "start", f)`, `partial(setattr, self)`: a store on any object (hostile review 14)
                note(scope, "*", child, prefix, None)
            elif isinstance(child, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) and child.value is not None and _namespace_owner(child.value) is not None:
                # `d = self.__dict__; d.update(kw)`, `v = vars(self); v |= kw`: the namespace under another name may be
                # written in any way (hostile review 19, H5)
                note(scope, "*", child, prefix, _namespace_owner(child.value))
            elif isinstance(child, ast.Call) and not (isinstance(child.func, ast.Name) and child.func.id in _NAMESPACE_READERS) and (
                handed := next((a for a in (*child.args, *(k.value for k in child.keywords)) if _namespace_owner(a.value if isinstance(a, ast.Starred) else a) is not None), None)
            ) is not None:
                # `_fill(self.__dict__, kw)`: the callee may write the namespace it is handed
                note(scope, "*", child, prefix, _namespace_owner(handed.value if isinstance(handed, ast.Starred) else handed))
            elif isinstance(child, ast.Call) and (wrapper := wrapper_written(child)) is not None and _on_receiver(wrapper):
                # functools.update_wrapper(self, f) / wraps(f)(self): the names in `assigned` and all of f.__dict__;
                # on a new wrapper function (`update_wrapper(wrapper, func)`) it changes no class
                note(scope, "*", child, prefix, wrapper)
            inner = f"{prefix}{child.name}." if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else prefix
            walk(child, scope, inner)

    walk(tree, "", "")
    facts.__dict__["_attribute_stores"] = found
    return found


_NAMESPACE_READERS = frozenset({"len", "dict", "list", "tuple", "set", "frozenset", "sorted", "repr", "str", "print", "iter", "any", "all", "isinstance", "id", "type", "bool", "hash", "vars"})
"""Built-ins that only read an object namespace handed to them (``dict(self.__dict__)``, ``len(vars(self))``)."""

_FUNCTION_PATCHES = ("__code__", "__defaults__", "__kwdefaults__")
"""Writable attributes of a function object that change what a call of it runs."""


def function_patch_problem(facts: ModuleFacts, entry: str, *, method: bool = False) -> str | None:
    """None when no code in ``facts``' module stores ``__code__``/``__defaults__``/``__kwdefaults__`` on an object
    that may be the entry point ``entry``'s function; else which store, for TG009 (review 6, R6-25).

    The object is judged by what it may be, not by how it is spelled: an alias (``_f = Feed.start``), a loop variable
    (``for _m in (Feed.start,)``), a parameter of a function that import-time code calls (``_trace(Feed.start)``
    with ``func.__code__ = …``), a computed object. Only a store on a name — or an attribute of that name
    (``module.helper.__code__``) — that the module binds solely to another ``def`` or class is unrelated; for a
    ``method`` entry point also one of its own name (the module's ``def start`` is not ``Feed.start``).
    """
    import ast

    for (_, key), sites in attribute_stores(facts).items():
        if key not in _FUNCTION_PATCHES:
            continue
        lines = {site[0]: site for site in sites}
        matched: set[int] = set()
        for node in ast.walk(parsed_module(facts)[0]):
            if getattr(node, "lineno", None) not in lines:
                continue
            if isinstance(node, ast.Attribute) and node.attr == key and isinstance(node.ctx, (ast.Store, ast.Del)):
                target: ast.AST = node.value
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("setattr", "delattr") and node.args:
                target = node.args[0]
            else:
                continue
            matched.add(node.lineno)  # type: ignore[attr-defined]
            name = target.id if isinstance(target, ast.Name) else target.attr if isinstance(target, ast.Attribute) else None
            bound = facts.bindings.bindings(name) if name is not None else []
            own_name = isinstance(target, ast.Name) and method  # `start.__code__` is the module's start, not Feed.start
            if name is not None and (name != entry or own_name) and bound and all(b.kind in ("def", "class") for b in bound):
                continue
            line, text = lines[node.lineno][:2]  # type: ignore[attr-defined]
            return f"the store at line {line} ('{text}') may replace the code of {entry}: the object it stores on may be the entry point's function"
        for line, text, _, _ in sites:
            if line not in matched:  # a store the census saw but this scan could not place: not proven unrelated
                return f"the store at line {line} ('{text}') may replace the code of {entry}: the object it stores on may be the entry point's function"
    return None


_NAMESPACE_WRITES = frozenset({"update", "setdefault", "pop", "popitem", "clear", "__setitem__", "__delitem__", "__ior__"})
"""Methods of an object's ``__dict__`` / ``vars()`` that store or delete its attributes."""


def _is_super(node: object) -> bool:
    """``node`` is a call of ``super`` (``super()``, ``super(Feed, self)``)."""
    import ast

    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"


def _namespace_owner(node: object) -> object | None:
    """The object whose attribute namespace ``node`` is (``vars(X)``, ``X.__dict__``), or None."""
    import ast

    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "vars" and len(node.args) == 1:
        return node.args[0]
    if isinstance(node, ast.Attribute) and node.attr == "__dict__":
        return node.value
    return None


_CLASS_HOOKS = frozenset({"__init_subclass__", "__set_name__", "__class_getitem__"})


def _hook_bindings(body: list[ast.stmt]) -> list[tuple[str, ast.stmt]]:
    """(hook name, statement) for every binding of a :data:`_CLASS_HOOKS` name in a class body's own namespace."""
    found: list[tuple[str, ast.stmt]] = []
    for statement in body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if statement.name in _CLASS_HOOKS:
                found.append((statement.name, statement))
            continue
        if isinstance(statement, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name) and name.id in _CLASS_HOOKS:
                        found.append((name.id, statement))
            continue
        for field_name in ("body", "orelse", "finalbody"):
            inner = getattr(statement, field_name, None)
            if isinstance(inner, list):
                found.extend(_hook_bindings(inner))
        for handler in getattr(statement, "handlers", []) or []:
            found.extend(_hook_bindings(handler.body))
        for case in getattr(statement, "cases", []) or []:
            found.extend(_hook_bindings(case.body))
    return found


_LOGGING_CONFIGURATION = frozenset(
    {
        "setLoggerClass", "setLogRecordFactory", "addHandler", "addFilter", "dictConfig", "fileConfig", "basicConfig",
        "manager", "makeRecord", "callHandlers", "setFormatter", "setStream",
    }
)
"""Names whose use in a module means its loggers are not "known": a replaced logger class, record factory, handler or
filter (``logging.setLoggerClass(_L)``, ``logger.addHandler(_H())``) runs project code on a log call. A class deriving
from a ``Handler``/``Logger``/``Filter``/``LoggerAdapter``/``Formatter`` counts too."""

_LOGGING_BASES = ("Handler", "Logger", "Filter", "LoggerAdapter", "Formatter")


def logging_problem(facts: ModuleFacts) -> str | None:
    """None when the module does not touch the logging machinery; else the first use, ``"line N ('source')"``.

    A logger bound to ``logging.getLogger(...)`` is a *known logger* only in a module without any use of
    :data:`_LOGGING_CONFIGURATION` (as an attribute, a name or an imported name). Configuration made in other
    modules (Django's ``LOGGING`` setting) is not seen: that is the stated logging assumption.
    """
    cached = facts.__dict__.get("_logging_problem", False)
    if cached is not False:
        return cached  # type: ignore[return-value]
    source = facts.full_source
    if source in _LOGGING_PROBLEMS:  # the same text in another wrapper (apply's plan and each re-check of a rewrite)
        facts.__dict__["_logging_problem"] = _LOGGING_PROBLEMS[source]
        return _LOGGING_PROBLEMS[source]
    problem = _logging_problem_of(source)
    if len(_LOGGING_PROBLEMS) >= 256:
        _LOGGING_PROBLEMS.pop(next(iter(_LOGGING_PROBLEMS)))
    _LOGGING_PROBLEMS[source] = facts.__dict__["_logging_problem"] = problem
    return problem


_LOGGING_PROBLEMS: dict[bytes | str, str | None] = {}
"""Memo of :func:`logging_problem` by the module's text (it reads nothing else)."""


def _logging_problem_of(source: bytes | str) -> str | None:
    import ast

    # One shared tree per file (perf): the census and the other scans parse the same source.
    from thor_guard.verifier.bindings import python_ast

    problem: str | None = None
    parsed = python_ast(source)
    tree = parsed or ast.Module(body=[], type_ignores=[])
    if parsed is None:  # unknown, not empty (R6-20): the file's handlers and logging set-up are not known
        from thor_guard.verifier.bindings import unparsable_reason

        problem = f"the module's logging set-up is not known: {unparsable_reason(source)}"
    text = source.decode("utf-8", "replace") if isinstance(source, bytes) else source
    lines = text.splitlines()
    logging_modules, logging_names = _logging_imports(tree)
    # `logger.addHandler(logging.NullHandler())`: a handler whose handle() does nothing (FA9-7)
    null_handlers = {
        id(node.func) for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "addHandler"
        and len(node.args) == 1 and not node.keywords and _is_null_handler(node.args[0], logging_modules, logging_names)
    }
    for node in ast.walk(tree):
        if id(node) in null_handlers:
            continue
        if isinstance(node, ast.ClassDef) and any(_is_logging_base(b, logging_modules, logging_names) for b in node.bases):
            line = node.lineno
            problem = f"line {line} ('{lines[line - 1].strip() if 0 < line <= len(lines) else node.name}')"
            break
        used = (
            node.attr if isinstance(node, ast.Attribute)
            else node.id if isinstance(node, ast.Name)
            else next((a.name for a in node.names if a.name in _LOGGING_CONFIGURATION), None) if isinstance(node, ast.ImportFrom) and node.module == "logging"
            else None
        )
        if used in _LOGGING_CONFIGURATION and (isinstance(node, ast.ImportFrom) or _mentions_logging(node, tree)):
            line = getattr(node, "lineno", 0)
            problem = f"line {line} ('{lines[line - 1].strip() if 0 < line <= len(lines) else used}')"
            break
    if problem is None and logging_modules:  # handlers/filters mutated in place (R4-16); see import_time
        from thor_guard.verifier.import_time import logger_list_write

        written = logger_list_write(tree, logging_modules)
        if written is not None:
            line = getattr(written, "lineno", 0)
            problem = f"line {line} ('{lines[line - 1].strip() if 0 < line <= len(lines) else 'handlers'}')"
    return problem


def _is_null_handler(node: ast.expr, logging_modules: set[str], logging_names: set[str]) -> bool:
    """``logging.NullHandler()`` (or ``NullHandler()`` imported from logging), made with no argument."""
    if not isinstance(node, ast.Call) or node.args or node.keywords:
        return False
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr == "NullHandler" and isinstance(func.value, ast.Name) and func.value.id in logging_modules and func.value.id == "logging"
    return isinstance(func, ast.Name) and func.id == "NullHandler" and func.id in logging_names


def _logging_imports(tree: ast.Module) -> tuple[set[str], set[str]]:
    """Names bound to the ``logging`` package or its submodules, and names imported from them (``StreamHandler``)."""
    modules: set[str] = set()
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "logging":
                    modules.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "logging" and not node.level:
            for alias in node.names:
                if alias.name == "handlers":
                    modules.add(alias.asname or alias.name)
                else:
                    names.add(alias.asname or alias.name)
    return modules, names


def _is_logging_base(base: ast.expr, logging_modules: set[str], logging_names: set[str]) -> bool:
    """``logging.Handler``, ``logging.handlers.RotatingFileHandler``, a ``StreamHandler`` imported from logging…
    (a project's ``FileUploadHandler`` or ``BaseHandler`` is not a logging class)."""
    if isinstance(base, ast.Name):
        return base.id in logging_names and base.id.endswith(_LOGGING_BASES)
    if isinstance(base, ast.Attribute) and base.attr.endswith(_LOGGING_BASES):
        root = base.value
        while isinstance(root, ast.Attribute):
            root = root.value
        return isinstance(root, ast.Name) and root.id in logging_modules
    return False


def _mentions_logging(node: ast.AST, tree: ast.Module) -> bool:
    """Whether the module imports logging at all (a ``handlers`` attribute elsewhere is no logging configuration)."""
    return any(
        isinstance(n, (ast.Import, ast.ImportFrom)) and (
            any(a.name.split(".")[0] == "logging" for a in n.names) if isinstance(n, ast.Import) else (n.module or "").split(".")[0] == "logging"
        )
        for n in tree.body
    )


_IDENTITY_SPELLINGS = frozenset(d.rpartition(".")[2] for d in IDENTITY_DECORATORS)


_Decorator = TypeVar("_Decorator")


def _classmethod_over(
    decorators: Sequence[_Decorator], spelling: Callable[[_Decorator], str | None], identity: Callable[[_Decorator], bool]
) -> _Decorator | None:
    """The first decorator applied before a ``@classmethod`` (listed below it) that is not an identity marker
    (``@typing.final``), or None: ``classmethod`` then wraps that decorator's result, not the function. The same
    rule for a cst ``def`` and for an ``ast`` one: ``spelling`` gives a decorator's source spelling."""
    names = [spelling(d) for d in decorators]
    if "classmethod" not in names:
        return None
    return next((d for d in decorators[names.index("classmethod") + 1 :] if not identity(d)), None)


def _root_name(node: cst.BaseExpression) -> str | None:
    while isinstance(node, cst.Attribute):
        node = node.value
    return node.value if isinstance(node, cst.Name) else None


def class_body_names(owner: cst.ClassDef, facts: ModuleFacts | None = None) -> frozenset[str]:
    """Every name the class body binds in its own namespace (assignments, ``def``/``class``, imports, loop and
    ``with`` targets, walrus, ``except … as``, ``del``…), not looking into method bodies. Read from the module's
    full source when ``facts`` knows the class's qualified name (the skeleton may have stubbed the body out), else
    from ``owner`` itself. Cached per class node."""
    cached = _CLASS_NAMES.get(id(owner))
    if cached is not None and cached[0] is owner:
        return cached[1]
    import ast
    import textwrap

    classdef: ast.AST | None = None
    qualname = facts.class_qualname(owner) if facts is not None else None
    if facts is not None and qualname is not None:
        classdef = class_ast(facts, qualname)
    if classdef is None:
        try:
            tree = ast.parse(textwrap.dedent(cst.Module(body=[]).code_for_node(owner)))
        except SyntaxError:  # pragma: no cover - the module parsed
            return frozenset()
        classdef = tree.body[0]
    found: set[str] = set()
    pending: list[ast.AST] = list(getattr(classdef, "body", []))
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.add(node.name)
            pending.extend(node.decorator_list)
            if not isinstance(node, ast.ClassDef):
                pending.extend([*node.args.defaults, *(d for d in node.args.kw_defaults if d is not None)])
            else:
                pending.extend([*node.bases, *(k.value for k in node.keywords)])
            continue
        if isinstance(node, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            continue  # their own scopes (a walrus in a class-body comprehension is a SyntaxError)
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            found.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            found.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            found.add(node.name)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            found.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            found.add(node.rest)
        pending.extend(ast.iter_child_nodes(node))
    result = frozenset(found)
    if len(_CLASS_NAMES) > 4096:
        _CLASS_NAMES.clear()
    _CLASS_NAMES[id(owner)] = (owner, result)
    return result


_CLASS_NAMES: dict[int, tuple[cst.ClassDef, frozenset[str]]] = {}


_PLAIN_EXCEPTION_NAMES = frozenset({"__doc__", "__module__", "__qualname__", "__annotations__"})

_REPORTED_EXCEPTION_ATTRIBUTES = frozenset({
    "args", "with_traceback", "add_note", "print_file_and_line",  # every exception, as traceback.TracebackException reads it
    "filename", "lineno", "offset", "text", "msg", "end_lineno", "end_offset",  # SyntaxError and its subclasses
    "name", "obj", "path", "name_from",  # the "Did you mean" suggestions of AttributeError/NameError/ImportError (3.10+)
    "exceptions", "message", "derive", "split", "subgroup",  # exception groups
    "errno", "strerror", "filename2", "winerror", "characters_written",  # OSError's str()
    "start", "end", "reason", "object", "encoding",  # UnicodeError's str()
})
"""Ordinary names an exception's printers or its built-in ``__str__`` read on the object (``traceback``, the default
excepthook, logging's ``exc_info``): a class body binding one (a property, a method, a class attribute) is not a
trivial exception class, since reporting it may run that code (hostile review 19, H9)."""


def plain_exception_class(evaluator: Evaluator, cls: ClassValue, depth: int = 0) -> bool:
    """``cls`` is a project exception class whose construction and reporting run no project code (FA8-8, review 8):
    no decorator, no class keyword (metaclass), no dunder bound in its body but a docstring/annotations (so no
    ``__init__``/``__new__``/``__str__``/``__repr__``/``__getattr__``/``__setattr__``…), no store of a dunder (or a
    computed ``setattr``) anywhere in its module, and every base either such a project class (up to
    :data:`MAX_HELPER_DEPTH` levels) or a built-in exception class (proven builtin binding). ``class
    HeartbeatOwnsWork(RuntimeError): \"\"\"…\"\"\"`` is one; anything else is judged as a project call."""
    node, facts = cls.node, cls.facts or evaluator.facts
    if depth >= MAX_HELPER_DEPTH or node.decorators or node.keywords:
        return False
    names = class_body_names(node, facts)
    if any(n.startswith("__") and n.endswith("__") and n not in _PLAIN_EXCEPTION_NAMES for n in names - {"__init__"}):
        return False
    if "__init__" in names and not _trivial_exception_init(facts, node):
        return False
    if names & _REPORTED_EXCEPTION_ATTRIBUTES:
        return False  # `filename` on a SyntaxError subclass: the traceback printer reads it (hostile review 19, H9)
    for (_, attribute), sites in attribute_stores(facts).items():
        if sites and (attribute == "*" or (attribute.startswith("__") and attribute.endswith("__"))):
            return False  # `HeartbeatOwnsWork.__str__ = f`, `setattr(cls, name, f)`: may add one to this class
    if evaluator.walk_class_patches(node, facts):
        return False  # `errs.OwnsWork.__init__ = f` in a module of the import walk (hostile review 20, kind 1)
    if not node.bases:
        return False  # a plain class, not an exception
    probe = evaluator if facts is evaluator.facts else evaluator.module_evaluator(facts)
    for base in node.bases:
        if base.keyword is not None or base.star:
            return False
        try:
            parent = probe.evaluate(base.value)
        except EvalError:
            return False
        if isinstance(parent, ClassValue):
            if not plain_exception_class(evaluator, parent, depth + 1):
                return False
        elif isinstance(parent, Builtin):
            target = getattr(builtins, parent.name, None)
            if not (isinstance(target, type) and issubclass(target, BaseException)):
                return False
        else:
            return False
    return True


def _trivial_exception_init(facts: ModuleFacts, node: cst.ClassDef) -> bool:
    """The class's ``__init__`` only hands values on to the base's and records them (review 9, FA9-11): one undecorated
    ``def __init__(self, …)`` bound once, whose defaults are literals and whose body is a docstring, ``pass``,
    ``super().__init__(…)`` calls and ``self.name = …`` stores, where every value is a parameter or a literal. The
    base's ``__init__`` is then BaseException's or another such one (the caller proves the bases), and a store on
    ``self`` runs ``object.__setattr__`` (no dunder but ``__init__`` is allowed in the class). Read from the full
    source (the skeleton may have elided the body)."""
    qualname = facts.class_qualname(node)
    classdef = class_ast(facts, qualname) if qualname is not None else None
    if classdef is None:
        return False
    inits = [s for s in classdef.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name == "__init__"]
    bound = [s for s in ast.walk(classdef) if isinstance(s, ast.Name) and s.id == "__init__" and isinstance(s.ctx, (ast.Store, ast.Del))]
    if len(inits) != 1 or bound or not isinstance(inits[0], ast.FunctionDef) or inits[0].decorator_list:
        return False
    init = inits[0]
    arguments = init.args
    positional = [*arguments.posonlyargs, *arguments.args]
    if not positional or any(d is not None and not isinstance(d, ast.Constant) for d in (*arguments.defaults, *arguments.kw_defaults)):
        return False
    receiver = positional[0].arg
    parameters = {a.arg for a in (*positional[1:], *arguments.kwonlyargs)} | {a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None}

    def plain(value: ast.expr) -> bool:
        if isinstance(value, ast.Starred):
            value = value.value
        return isinstance(value, ast.Constant) or (isinstance(value, ast.Name) and value.id in parameters)

    for index, statement in enumerate(init.body):
        if isinstance(statement, ast.Pass) or (index == 0 and isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)):
            continue
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
            call = statement.value
            if not (
                isinstance(call.func, ast.Attribute) and call.func.attr == "__init__" and isinstance(call.func.value, ast.Call)
                and isinstance(call.func.value.func, ast.Name) and call.func.value.func.id == "super" and not call.func.value.args
                and not call.func.value.keywords and all(plain(a) for a in call.args) and all(plain(k.value) for k in call.keywords)
            ):
                return False
            continue
        if isinstance(statement, (ast.Assign, ast.AnnAssign)) and statement.value is not None and plain(statement.value):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            if all(isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == receiver for t in targets):
                continue
        return False
    # `super` and the parameters must be what they look like: no module-level rebinding of `super`
    return not facts.bindings.bindings("super")


_NEUTRAL_DUNDERS = frozenset(
    {
        "__init__", "__new__", "__init_subclass__", "__set_name__", "__class_getitem__", "__slots__", "__module__",
        "__qualname__", "__doc__", "__annotations__", "__match_args__", "__dict__", "__weakref__", "__enter__",
        "__exit__", "__aenter__", "__aexit__", "__del__", "__post_init__", "__get__", "__set__", "__delete__",
        "__call__", "__await__", "__aiter__", "__anext__", "__setattr__", "__delattr__", "__setitem__", "__delitem__",
        "__copy__", "__deepcopy__", "__reduce__", "__reduce_ex__", "__getstate__", "__setstate__", "__getnewargs__",
        "__getnewargs_ex__", "__sizeof__", "__dir__", "__abstractmethods__", "__orig_bases__", "__parameters__",
        "__name__", "__wrapped__", "__signature__", "__version__", "__all__", "__path__", "__file__", "__builtins__",
    }
)
"""Dunders no operation the pure fragment allows on an instance calls (construction, context managers, calls,
stores, pickling, descriptors of *other* classes…): defining them does not make ``str(self)`` or ``if self:`` run
code. Every other dunder name counts (also unknown ones: a conservative reading)."""

_DUNDERS_BY_OPERATION: dict[str, frozenset[str]] = {
    "tests the truth of": frozenset({"__bool__", "__len__"}),
    "formats": frozenset({"__format__", "__str__", "__repr__"}),
    # `x in {…}` / `x in {k: v}` hashes x first: membership in a set or dict display runs __hash__ too.
    "compares": frozenset({"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__contains__", "__iter__", "__getitem__", "__len__", "__next__", "__hash__"}),
    "hashes": frozenset({"__hash__", "__eq__"}),
    "uses as a key": frozenset({"__hash__", "__eq__", "__index__"}),
    "slices with": frozenset({"__index__"}),
    "iterates over": frozenset({"__iter__", "__getitem__", "__len__", "__length_hint__", "__next__"}),
    "subscripts": frozenset({"__getitem__", "__missing__", "__class_getitem__"}),
    "passes to getattr()": frozenset({"__getattr__", "__getattribute__"}),
    "passes to hasattr()": frozenset({"__getattr__", "__getattribute__"}),
    "passes to isinstance()": frozenset({"__getattr__", "__getattribute__", "__class__"}),
    "passes to len()": frozenset({"__len__"}),
    "passes to bool()": frozenset({"__bool__", "__len__"}),
    "passes to str()": frozenset({"__str__", "__repr__"}),
    "passes to repr()": frozenset({"__repr__"}),
    "passes to format()": frozenset({"__format__", "__str__", "__repr__"}),
    "passes to hash()": frozenset({"__hash__", "__eq__"}),
    "passes to int()": frozenset({"__int__", "__index__", "__trunc__"}),
    "passes to float()": frozenset({"__float__", "__index__"}),
}
"""Which dunders an operation on an instance may call; an operation not listed may call any (``logs``: the record
is formatted with ``%s``/``%r``/``%d`` and a single mapping argument is tested for truth)."""


def _other_class(facts: ModuleFacts, root: str | None, own: str) -> bool:
    """True when an attribute store's receiver is a name bound only to another class of the module."""
    if root is None or root == own:
        return False
    sites = facts.bindings.bindings(root)
    return bool(sites) and all(site.kind == "class" for site in sites)


def _ast_bound_names(statement: ast.stmt) -> set[str]:
    """Names a class-body statement binds in the class namespace (its nested blocks included, not function bodies)."""
    found: set[str] = set()
    pending: list[ast.AST] = [statement]
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.add(node.name)
            continue
        if isinstance(node, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            found.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            found.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            found.add(node.name)
        pending.extend(ast.iter_child_nodes(node))
    return found


def _holds_untrusted(value: object) -> bool:
    """True for an untrusted value or an instance whose class defines dunders, also as a dict display's key or value."""
    if value is UNTRUSTED or (isinstance(value, Instance) and value.dunders):
        return True
    return isinstance(value, tuple) and any(v is UNTRUSTED or (isinstance(v, Instance) and v.dunders) for v in value)


def _transformed_class_attribute(evaluator: Evaluator, value: ClassValue, name: str) -> object:
    """``Market.EU`` on a class with a base or metaclass, ``name`` bound by an assignment in its body: the class
    statement may have made the value an instance of the class itself (an enum member), so when the class or a
    project base defines operation dunders (``__str__``, ``__format__``, ``__eq__``…) formatting or comparing the
    value runs them (review 10, R10-7): an :class:`Instance` with those dunders. Otherwise (no such dunder, a method,
    a nested class) a value of unknown type, as before."""
    import ast

    facts = value.facts or evaluator.facts
    dunders = class_dunders(evaluator, value.node, facts)
    if not dunders:
        return OPAQUE
    qualname = facts.class_qualname(value.node)
    if qualname is None:
        return OPAQUE
    body: list[ast.stmt] = parsed_module(facts)[0].body
    classdef: ast.ClassDef | None = None
    for part in qualname.split("."):
        classdef = next((n for n in body if isinstance(n, ast.ClassDef) and n.name == part), None)
        if classdef is None:
            return OPAQUE
        body = classdef.body
    assigned = any(
        isinstance(n, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and name in _ast_bound_names(n)
        for n in body
    )
    if not assigned:
        return OPAQUE  # a method, a nested class, an import, an inherited name: as before
    where = f"{value.node.name.value}.{name}"
    return Instance(where, dunders, origin=f"{where} may be a member of {value.node.name.value} (an instance of the class, e.g. an enum member)")


def _method_receiver(evaluator: Evaluator, method: Function) -> object:
    """The object a bound project method is bound to: its receiver, else an instance (or for a classmethod, the
    class) of its owner class."""
    if isinstance(method.receiver, Instance):
        return method.receiver
    assert method.owner is not None
    facts = method.facts
    if any(isinstance(d.decorator, cst.Name) and d.decorator.value == "classmethod" for d in method.node.decorators):
        return ClassValue(method.owner, facts)
    return instance_of(evaluator, method.owner, facts, "self")


_FORMATTING_OPERATIONS = frozenset({"formats", "passes to str()", "passes to repr()", "passes to format()"})
"""Operations that format their operand (a log call is not listed, so it counts as any operation)."""


def _dunders_for(what: str) -> frozenset[str] | None:
    return _DUNDERS_BY_OPERATION.get(what)


def instance_of(evaluator: Evaluator, owner: cst.ClassDef, facts: ModuleFacts, name: str, *, of_class: bool = False) -> Instance:
    """The value of ``self`` (or ``cls`` when ``of_class``) for a method of the project class ``owner``.

    One object per (class, name, kind), so that memoised helper walks keyed by argument identity are reused."""
    key = (id(owner), name, of_class)
    cached = _INSTANCES.get(key)
    if cached is not None and cached[0] is owner:
        return cached[1]
    if of_class:
        # Operations on the class itself call its metaclass's dunders.
        problem = evaluator.metaclass_problem(ClassValue(owner, facts))
        result = Instance(name, frozenset({"*"}) if problem is not None else frozenset())
    else:
        result = Instance(name, class_dunders(evaluator, owner, facts), owner, facts)
    if len(_INSTANCES) > 4096:
        _INSTANCES.clear()
    _INSTANCES[key] = (owner, result)
    return result


_INSTANCES: dict[tuple[int, str, bool], tuple[cst.ClassDef, Instance]] = {}


def patched_internals(context: VerifierContext, node: cst.CSTNode, modules: frozenset[str], how: str) -> None:
    """Raises :class:`Effect` when a module of the import walk of ``context``'s module stores on one of the
    standard-library ``modules`` that ``node``'s library code calls into (see :meth:`Evaluator._patched_internals`);
    ``how`` names what calls into them (``the log call``, ``importing json``)."""
    module = getattr(context, "module", None)
    if not isinstance(module, str) or not modules:
        return
    for target, (path, line, text) in context.resolver.patches_reaching(module).items():
        if target.startswith((ENV_TARGET, IMPORT_SYSTEM_TARGET)):
            continue
        name = target if target in modules else target.split(".")[0] if target.split(".")[0] in modules else None
        if name is None or (name == "sys" and "_getframe" not in text):
            continue
        raise Effect(
            node,
            f"'{code_of(node)}' may run project code: {how} calls into {name}, which "
            f"{context.resolver.shown(path)} changes at import time, line {line} ('{text}')",
        )


def _mangle(name: str, class_name: str) -> str:
    """``name`` as the body of class ``class_name`` binds it: ``__x`` becomes ``_Class__x`` (private name mangling,
    the Python reference, "Identifiers"); other names, dunders and a class named only with underscores keep theirs."""
    stripped = class_name.lstrip("_")
    return f"_{stripped}{name}" if stripped and is_private_name(name) else name


def is_private_name(name: str) -> bool:
    """``__x`` (not ``__x__``, not dotted): a name Python mangles inside a class body."""
    return name.startswith("__") and not name.endswith("__") and "." not in name


def _remade_with_slots(classdef: cst.ClassDef) -> bool:
    """``classdef`` carries ``@dataclass(..., slots=...)`` (any spelling ending in ``dataclass``) with ``slots`` not the
    literal ``False``: the decorator returns a new class object in place of the one the body's methods close over."""
    for decorator in classdef.decorators:
        call = decorator.decorator
        if isinstance(call, cst.Call) and code_of(call.func).split(".")[-1] == "dataclass":
            for argument in call.args:
                if argument.keyword is not None and argument.keyword.value == "slots":
                    return not (isinstance(argument.value, cst.Name) and argument.value.value == "False")
    return False


def _demangled(key: str, class_name: str) -> str | None:
    """The private name (``__x``) whose binding in class ``class_name``'s body is stored as ``key`` (``_Class__x``);
    None when ``key`` is not such a mangled name of that class."""
    stripped = class_name.lstrip("_")
    prefix = f"_{stripped}__"
    rest = key[len(prefix):] if stripped and key.startswith(prefix) else ""
    return f"__{rest}" if rest and not rest.endswith("__") else None


def class_dunders(evaluator: Evaluator, owner: cst.ClassDef, facts: ModuleFacts, depth: int = 0) -> frozenset[str]:
    """Operation dunders (not :data:`_NEUTRAL_DUNDERS`) that ``owner`` or a project base defines or that its module
    stores on some object (``Feed.__str__ = f``, ``setattr(Feed, "__eq__", f)``); ``{"*"}`` when a class decorator,
    a project metaclass, an unresolved base, a computed ``setattr`` on the class or a hierarchy deeper than
    :data:`MAX_HELPER_DEPTH` may add any. Bases outside the project (``models.Model``, ``dict``) are library code
    (stated assumption 7). Memoised per class node."""
    cached = _DUNDERS.get(id(owner))
    if cached is not None and cached[0] is owner:
        result = cached[1]
    else:
        result = _class_dunders(evaluator, owner, facts, depth)
        if len(_DUNDERS) > 4096:
            _DUNDERS.clear()
        _DUNDERS[id(owner)] = (owner, result)
    if depth == 0 and "*" not in result:
        # not memoised: which modules run at import time depends on the entry point (`f1.Feed.__bool__ = f` in a
        # module the entry point's module imports, hostile review 20, kind 4)
        patched = {a for a in evaluator.walk_hierarchy_patches(owner, facts) if a == "*" or (a.startswith("__") and a.endswith("__") and a not in _NEUTRAL_DUNDERS)}
        if patched:
            result = frozenset({"*"}) if "*" in patched else result | patched
    return result


_DUNDERS: dict[int, tuple[cst.ClassDef, frozenset[str]]] = {}


def _class_dunders(evaluator: Evaluator, owner: cst.ClassDef, facts: ModuleFacts, depth: int) -> frozenset[str]:
    unknown = frozenset({"*"})
    if owner.decorators or depth >= MAX_HELPER_DEPTH:
        return unknown
    probe = evaluator if facts is evaluator.facts else evaluator.module_evaluator(facts)
    for keyword in owner.keywords:
        if keyword.keyword is not None and keyword.keyword.value == "metaclass":
            try:
                meta = probe.evaluate(keyword.value)
            except EvalError:
                return unknown
            if not isinstance(meta, (Builtin, Module)):
                return unknown
    found = {n for n in class_body_names(owner, facts) if n.startswith("__") and n.endswith("__") and n not in _NEUTRAL_DUNDERS}
    for (_, attribute), sites in attribute_stores(facts).items():
        if attribute.startswith("__") and attribute.endswith("__") and attribute not in _NEUTRAL_DUNDERS:
            found.add(attribute)
        elif attribute == "*" and any(site[3] == owner.name.value for site in sites):
            return unknown
    for base in owner.bases:
        try:
            parent = probe.evaluate(_generic_origin(base.value))
        except EvalError:
            return unknown
        if isinstance(parent, ClassValue):
            found |= class_dunders(evaluator, parent.node, parent.facts or facts, depth + 1)
        elif not isinstance(parent, (Builtin, Module)):
            return unknown
    return frozenset(found)


_ORDER_REVEALING_BUILTINS = frozenset({"str", "repr", "list", "tuple", "format", "hash"})
"""Builtins whose result on a frozenset shows its iteration order (``sorted``/``min``/``max`` without ``key=`` do not)."""

_NO_DUNDER_BUILTINS = frozenset({"id", "type", "callable"})
"""Builtins that never call a method of their argument's class."""


def _dropped_coroutine(node: cst.CSTNode) -> Effect:
    """A coroutine object that an operation uses and then drops without awaiting it: Python warns (review 8, R8-6;
    review 9, R9-11: compared, put in a display, formatted)."""
    return Effect(node, f"'{code_of(node)}' creates a coroutine that is not awaited: when it is dropped Python warns (RuntimeWarning 'coroutine ... was never awaited', through the warnings machinery and its handlers)")


def _is_generator_function(function: cst.FunctionDef) -> bool:
    from thor_guard.verifier.paths import is_generator

    return is_generator(function)


def _huge_repeat(left: object, right: object) -> bool:
    """True for ``sequence * n`` (either order) whose result would exceed 10,000 items."""
    for sequence, count in ((left, right), (right, left)):
        if isinstance(sequence, (str, bytes, tuple)) and isinstance(count, int) and not isinstance(count, bool):
            return len(sequence) * count > 10_000
    return False


@dataclass(frozen=True)
class _KnownTruth:
    """A value of unknown identity whose truth is known (``x or True``)."""

    truth: bool

    def __bool__(self) -> bool:
        return self.truth


def _stored_target(node: cst.BaseExpression) -> cst.BaseExpression | None:
    """The first part of an assignment target that is not a plain name (an attribute or subscript store), or None."""
    if isinstance(node, cst.Name):
        return None
    if isinstance(node, (cst.Tuple, cst.List)):
        return next((found for element in node.elements if (found := _stored_target(element.value)) is not None), None)
    if isinstance(node, cst.StarredElement):
        return _stored_target(node.value)
    return node


def _target_names(node: cst.BaseExpression) -> list[str]:
    if isinstance(node, cst.Name):
        return [node.value]
    if isinstance(node, (cst.Tuple, cst.List)):
        return [n for element in node.elements for n in _target_names(element.value)]
    if isinstance(node, cst.StarredElement):
        return _target_names(node.value)
    return []


_GETTER_DECORATORS = frozenset({"property", "functools.cached_property", "django.utils.functional.cached_property"})
"""Decorators whose first read through an instance runs the decorated function with the instance (the getter)."""


def _getter_decorated(facts: ModuleFacts, method: cst.FunctionDef) -> bool:
    """``method`` carries exactly one decorator, ``@property`` or a ``@cached_property``, proven by its binding."""
    if len(method.decorators) != 1:
        return False
    expression = method.decorators[0].decorator
    names = Evaluator.decorator_names(facts, expression)
    if names == {"property"} and facts.bindings.bindings("property"):
        return False
    return bool(names & _GETTER_DECORATORS)


def _source_class_binding(facts: ModuleFacts, class_name: str, name: str) -> str | None:
    """How a class called ``class_name`` in ``facts``'s full source binds ``name`` in its body: ``"getter"`` (a def
    whose only decorator is named property/cached_property), ``"descriptor"`` (another decorated def, a computed
    value, several bindings), ``"plain"`` (a literal, or a def without decorators or with staticmethod/classmethod),
    None (not bound there)."""
    import ast

    from thor_guard.verifier.bindings import python_ast

    tree = python_ast(facts.full_source)
    if tree is None:
        return "descriptor"
    kinds: list[str] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.ClassDef) and node.name == class_name):
            continue
        for statement in node.body:
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and statement.name == name:
                decorators = [ast.unparse(d) for d in statement.decorator_list]
                if not decorators or decorators in (["staticmethod"], ["classmethod"]):
                    kinds.append("plain")
                elif len(decorators) == 1 and decorators[0].split(".")[-1] in ("property", "cached_property"):
                    kinds.append("getter")
                else:
                    kinds.append("descriptor")
            elif isinstance(statement, ast.ClassDef) and statement.name == name:
                kinds.append("plain")
            else:
                targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target] if isinstance(statement, (ast.AnnAssign, ast.AugAssign)) else []
                if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                    value = getattr(statement, "value", None)
                    try:
                        ast.literal_eval(value) if value is not None else None
                        kinds.append("plain")
                    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                        kinds.append("descriptor")
    if not kinds:
        return None
    return kinds[0] if len(kinds) == 1 else "descriptor"


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
    if len(found) > 1 and all(isinstance(f, cst.FunctionDef) for f in found):
        # `@property def x` then `@x.setter def x` / `@x.deleter def x`: each later def rebinds x to a copy of the
        # property with the same getter (builtins.property), so a read of x runs the first def. A `@x.getter` (a new
        # getter) or any other shape keeps the binding unknown.
        first, *later = found
        if _is_plain_property(first) and all(_is_accessor_of(f, name, ("setter", "deleter")) for f in later):  # type: ignore[arg-type]
            return first
    return found[0] if len(found) == 1 else None


def _is_plain_property(function: cst.FunctionDef) -> bool:
    """``function`` carries exactly ``@property``."""
    return len(function.decorators) == 1 and isinstance(function.decorators[0].decorator, cst.Name) and function.decorators[0].decorator.value == "property"


def _is_accessor_of(function: cst.FunctionDef, name: str, kinds: tuple[str, ...]) -> bool:
    """``function`` carries exactly ``@<name>.<kind>`` for one of ``kinds`` (``@limit.setter``)."""
    if len(function.decorators) != 1:
        return False
    decorator = function.decorators[0].decorator
    return (
        isinstance(decorator, cst.Attribute) and isinstance(decorator.value, cst.Name) and decorator.value.value == name
        and decorator.attr.value in kinds
    )


def is_logging_call(node: cst.Call, facts: ModuleFacts, local_names: MutableMapping[str, Bound]) -> bool:  # pragma: no cover - v1 API
    """Kept for callers of v1: True for ``logger.info(...)`` on a module logger or the ``logging`` module."""
    func = node.func
    if not isinstance(func, cst.Attribute) or func.attr.value not in LOG_METHODS:
        return False
    receiver = func.value
    if isinstance(receiver, cst.Name) and receiver.value not in local_names:
        return receiver.value in facts.module_loggers
    return False
