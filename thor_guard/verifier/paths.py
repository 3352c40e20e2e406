"""Walk a function body under one value of the mode variable and report how each path ends.

A path ends in ``exit`` (return/raise), ``effect`` (something with a possible
side effect is about to run), ``crash`` (the real code would raise by
accident), ``unknown`` (the verifier cannot evaluate something well enough)
or ``fallthrough`` (the end of the function). Conditions on values the
verifier cannot know (``if self.disabled:``, another environment variable)
fork the walk; after every statement the paths that go on are *merged*
(values they disagree on become unknown), so the work is linear in the
number of statements: a function with 20 independent ``if``s at its top
costs 20 small steps, not 2**20 paths.

The same walker follows calls to project functions (:class:`CallAnalysis`):
a call is pure when every path of the callee is, and its value is the join
of the returned values. Calls are memoised per (function, arguments), bounded
in depth and size, and recursion is not followed.

In *lenient* mode, side effects before the first condition that reads the
environment are skipped, which lets the caller judge a guard that sits too
late (TG002) on its own merits.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, TypeVar

import libcst as cst

from thor_guard.verifier.effects import CACHE_DECORATORS, PURE_CONTEXT_MANAGERS, STDLIB_MODULES
from thor_guard.verifier.signatures import library_call_problem
from thor_guard.verifier.stdlib_closure import ALWAYS_LOADED, import_closure
from thor_guard.verifier.evaluate import (
    is_private_name,
    patched_internals,
    MAX_HELPER_DEPTH,
    MAX_HELPER_STATEMENTS,
    Bound,
    Crash,
    Effect,
    EnvRead,
    EvalError,
    Evaluator,
    Raises,
    Trace,
    Unsupported,
    class_namespace_of,
    instance_of,
    lambda_of,
    plain_exception_class,
)
from thor_guard.verifier.facts import ModuleFacts, code_of, is_stub
from thor_guard.verifier.patterns import pattern_effects
from thor_guard.verifier.scopes import OwnScopeVisitor
from thor_guard.verifier.values import MODE_DERIVED, OPAQUE, UNTRUSTED, Builtin, ClassValue, ConstDict, Coroutine, Function, Instance, ListValue, ModeText, Module, is_concrete, join, mode_compare, same, tainted

if TYPE_CHECKING:
    from thor_guard.verifier.context import VerifierContext

OutcomeKind = Literal["exit", "effect", "crash", "unknown", "fallthrough"]
MAX_PATHS = 256
"""Paths alive at once after merging (only reached by statements that fork many ways, like a long ``match``)."""
MAX_UNROLL = 8
MAX_CALL_WALKS = 32
"""Project-function bodies walked (memo misses) per verified function, over all values: beyond it a call is an effect."""


@dataclass(frozen=True)
class Outcome:
    kind: OutcomeKind
    index: int
    """Index of the top-level statement in the function body where the path ended."""
    node: cst.CSTNode
    reason: str = ""
    value: object = None
    """For ``exit`` by ``return``: the returned value."""
    raised: bool = False
    exception: str = ""
    """For ``crash``: the exception class the real code raises."""
    category: str = ""
    """For ``unknown``: the :class:`~thor_guard.verifier.evaluate.Unsupported` category."""
    effects: tuple[object, ...] | None = None
    """Walks past effects only (:mod:`thor_guard.verifier.through`): in order, the ids of the statements whose effects
    this path ran and the ``(id, way)`` of the tests on the mode it decided, before it ended; None elsewhere."""


def reason_clause(outcome: Outcome) -> str:
    """``outcome.reason`` without the quoted expression it starts with when that is the outcome's own node (the
    message that quotes it names it already): ``'import uuid' may run project code: ...`` -> ``may run project
    code: ...``. Empty when the reason says no more than the expression."""
    reason = outcome.reason.strip()
    quoted = f"'{code_of(outcome.node)}'"
    if reason.startswith(quoted):
        reason = reason[len(quoted):].strip(" :")
    return reason


@dataclass
class PathState:
    locals: dict[str, Bound] = field(default_factory=dict)
    guard_at: int | None = None
    """Top-level index of the first condition on this path that read the environment."""
    loop: str | None = None
    """``break``/``continue`` when the path left a loop body that way."""
    effects: tuple[object, ...] = ()
    """Walks past effects only (:mod:`thor_guard.verifier.through`): what :attr:`Outcome.effects` holds, so far."""

    @property
    def guard_seen(self) -> bool:
        return self.guard_at is not None

    def copy(self) -> PathState:
        return PathState(dict(self.locals), self.guard_at, self.loop, self.effects)


@dataclass(frozen=True)
class GuardTest:
    """A top-level statement whose condition reads the environment: the guard candidate."""

    index: int
    node: cst.CSTNode
    reads: tuple[EnvRead, ...]
    error: Unsupported | None = None
    test: cst.CSTNode | None = None

    @property
    def condition(self) -> cst.CSTNode:
        return self.test if self.test is not None else self.node


@dataclass(frozen=True)
class UnknownTest:
    """A top-level condition the verifier could not evaluate and that reads no variable."""

    index: int
    node: cst.CSTNode
    error: Unsupported


class _TooManyPaths(Exception):
    pass


def merge(states: list[PathState]) -> list[PathState]:
    """Join the states that go on after a statement: one per (guard position, loop exit)."""
    if len(states) <= 1:
        return states
    groups: dict[tuple[int | None, str | None, tuple[object, ...], tuple[tuple[str, int], ...]], list[PathState]] = {}
    for state in states:
        # A local holding a project instance on one path and something else on another is not joined: the join is
        # OPAQUE, through which the instance's properties and dunders would go unjudged (review 9, R9-5). Such
        # paths go on apart (bounded by MAX_PATHS), as `for feed in (self,)` does inside its loop (R8-14).
        held = tuple(sorted((name, id(b.value)) for name, b in state.locals.items() if isinstance(b.value, Instance) and b.value.cls is not None))
        groups.setdefault((state.guard_at, state.loop, state.effects, held), []).append(state)
    merged: list[PathState] = []
    for (guard_at, loop, effects, _), group in groups.items():
        if len(group) == 1:
            merged.append(group[0])
            continue
        names = set(group[0].locals)
        for other in group[1:]:
            names &= set(other.locals)
        local_values: dict[str, Bound] = {}
        for name in names:
            bounds = [s.locals[name] for s in group]
            value = join([b.value for b in bounds])
            reads = tuple(r for b in bounds for r in b.reads)
            local_values[name] = bounds[0] if all(same(bounds[0].value, b.value) for b in bounds) else Bound(value, reads)
        merged.append(PathState(local_values, guard_at, loop, effects))
    return merged


MAX_VALUES_BUDGET = 8
"""Over all values, a function may walk at most this many times :data:`MAX_CALL_WALKS` project calls."""


class CallAnalysis:
    """Everything one value of the mode variable shares: the context, memoised project calls and the call stack."""

    def __init__(self, context: VerifierContext, env_value: str | None, shared: dict | None = None) -> None:
        self.context = context
        # The value is ModeText so that every operation on it is checked (values.ModeText, docs/check.md "Worlds").
        self.env_value = env_value if env_value is None else ModeText(env_value)
        self._memo: dict[object, tuple[object, tuple[EnvRead, ...], frozenset[str]] | EvalFailure] = {}
        self._shared: dict = shared if shared is not None else {}
        """Results of calls that never read the mode variable (valid under every value), and the walk budget."""
        self.comparands: set[str] = self._shared.setdefault("comparands", set())
        """The strings the mode value was compared with, under any value: the verdict walks their spellings too."""
        self.yields_pure = False
        """True while walking a @contextmanager entry point (its ``yield`` is the protocol, not a hand-off to a loop)."""
        self._stack: list[int] = []
        self.calls = 0
        """Project calls this value's walks made (a verdict walk that made none may be shared with another value)."""

    def call(
        self,
        evaluator: Evaluator,
        node: cst.CSTNode,
        function: Function,
        arguments: list[object],
        keywords: dict[str, object],
        *,
        run_async: bool = False,
    ) -> object:
        """The value of calling project ``function``; raises Effect/Unsupported/Crash/Raises like an expression."""
        self.calls += 1
        facts, definition = function.facts.recover(function.node)
        if definition is not function.node:
            function = Function(facts, definition, function.qualified, function.owner, function.bound, function.receiver, function.closure)
        if is_stub(definition):
            raise Effect(node, f"'{code_of(node)}' calls {function.qualified}, whose body was not analysed")
        problem = evaluator.decorator_problem(function, helper=True)
        if problem is not None:
            raise Unsupported(node, f"cannot see into '{function.qualified}': {problem}", "helper")
        cache_decorators = [
            d.decorator for d in function.node.decorators
            if evaluator.decorator_names(function.facts, d.decorator.func if isinstance(d.decorator, cst.Call) else d.decorator) & CACHE_DECORATORS
        ]
        if cache_decorators:
            # functools.cache/lru_cache hash every argument (and compare it on a hit): their dunders run first. On a
            # method the instance is the first argument: its __hash__/__eq__ run too (FA9-5).
            receiver = (function.receiver if function.receiver is not None else UNTRUSTED) if function.bound else None
            for value in (*arguments, *keywords.values(), *(() if receiver is None else (receiver,))):
                evaluator.dunder(value, node, "hashes as a cache key")
        if definition.asynchronous is not None and not run_async:
            return Coroutine(function, tuple(arguments), tuple(keywords.items()))
        if _is_generator(definition):
            # Calling a generator function runs none of its body, but iterating the generator (for, list(), join,
            # any, unpacking, `in`) does: the object is untrusted, so every consumer of it is an effect (hostile VH-5).
            return UNTRUSTED
        if evaluator.depth >= MAX_HELPER_DEPTH:
            raise Unsupported(node, f"'{function.qualified}' nests project calls deeper than {MAX_HELPER_DEPTH}", "helper")
        if id(definition) in self._stack:
            raise Unsupported(node, f"'{function.qualified}' is recursive, so it is not proven pure", "helper")
        if _size(definition) > MAX_HELPER_STATEMENTS:
            raise Effect(node, f"'{code_of(node)}' calls {function.qualified}, which is too large to prove pure ({MAX_HELPER_STATEMENTS} statements at most)")
        if (arguments or keywords) and _is_cached(evaluator, function):
            # functools.cache keys by ==: is_hb(1.0) fills the entry that is_hb(True) later reads (1 == 1.0 == True),
            # and a str subclass with its own __eq__/__hash__ fills the entry that the literal "heartbeat" later reads
            # (hostile review 12, H7): any earlier call in the process may have filled it, whatever the arguments.
            kind = "a number" if any(isinstance(v, (int, float, complex)) for v in (*arguments, *keywords.values())) else "arguments"
            raise Unsupported(node, f"'{code_of(node)}' passes {kind} to the cached helper {function.qualified}: the cache returns the result of any earlier call with an argument that compares equal (1 == 1.0 == True; a str subclass with its own __eq__ and __hash__)", "helper")
        bounded = next((d for d in cache_decorators if _bounded_cache(d)), None)
        if bounded is not None and (function.bound or _has_parameters(definition)):
            # A call with a key not cached yet evicts the least recently used entry once the cache is full: the
            # evicted arguments and result may be the last references to objects whose __del__ then runs (hostile
            # review 16). With no parameter there is one key only, so nothing is ever evicted.
            raise Unsupported(node, f"'{code_of(node)}' calls {function.qualified}, whose bounded cache '@{code_of(bounded)}' may evict an entry an earlier call stored (its arguments' or result's __del__ may run); use functools.cache or lru_cache(maxsize=None)", "helper")
        local_values = self._bind(evaluator, node, function, arguments, keywords)
        key = _memo_key(definition, local_values)
        key = (id(node), key) if key is not None else None  # failures name the call site
        cached = (self._memo.get(key) or self._shared.get(key)) if key is not None else None
        if cached is None:
            # The budget is per value of the mode variable (a helper that reads it is walked once per value, and the
            # values walked grow with the strings the guard compares with), with a cap over all values.
            budget_key = ("walks", self.env_value)
            spent = self._shared.get(budget_key, 0) + 1
            self._shared[budget_key] = spent
            total = self._shared.get("walks", 0) + 1
            self._shared["walks"] = total
            if spent > MAX_CALL_WALKS or total > MAX_CALL_WALKS * MAX_VALUES_BUDGET:
                raise Effect(node, f"'{code_of(node)}' calls {function.qualified}: more project calls than the verifier follows per function ({MAX_CALL_WALKS})")
            cached = self._walk(evaluator, node, function, local_values)
            if key is not None:
                reads = cached.reads if isinstance(cached, EvalFailure) else cached[1]
                mode_read = any(r.variable == self.context.env_var for r in reads)
                (self._memo if mode_read else self._shared)[key] = cached
        if isinstance(cached, EvalFailure):
            # A callee that raised still read what it read: the caller's trace must know (a walk that
            # seems not to read the mode variable is reused for every value of it).
            evaluator.trace.reads.extend(cached.reads)
            raise cached.error
        value, reads, helpers = cached
        evaluator.trace.reads.extend(reads)
        evaluator.trace.helpers.extend(helpers)
        return value

    def _walk(self, evaluator: Evaluator, node: cst.CSTNode, function: Function, local_values: dict[str, Bound]) -> tuple[object, tuple[EnvRead, ...], frozenset[str]] | EvalFailure:
        trace = Trace()
        walker = Walker(function.facts, self, owner=function.owner, receiver=_receiver(function.node) if function.owner is not None else None, depth=evaluator.depth + 1)
        self._stack.append(id(function.node))
        try:
            outcomes = walker.run(function.node, local_values, trace)
        finally:
            self._stack.pop()
        evaluator.trace.assumptions |= trace.assumptions
        name = function.qualified
        failure = self._failure(node, name, outcomes)
        if failure is not None:
            failure.reads = tuple(trace.reads)
            return failure
        values = [o.value for o in outcomes if o.kind == "exit" and not o.raised] + [None for o in outcomes if o.kind == "fallthrough"]
        if not values:
            return EvalFailure(Raises(node, f"'{code_of(node)}' always raises"), tuple(trace.reads))
        return join(values), tuple(trace.reads), frozenset([name, *trace.helpers])

    def _failure(self, node: cst.CSTNode, name: str, outcomes: list[Outcome]) -> EvalFailure | None:
        for outcome in outcomes:
            if outcome.kind == "effect":
                return EvalFailure(Effect(node, f"'{code_of(node)}' calls {name}, which runs '{code_of(outcome.node)}' ({reason_clause(outcome) or 'not proven pure'})"))
        for outcome in outcomes:
            if outcome.kind == "unknown":
                return EvalFailure(Unsupported(node, f"inside {name}: {outcome.reason}", outcome.category or "helper"))
        for outcome in outcomes:
            if outcome.kind == "crash":
                return EvalFailure(Crash(node, f"'{code_of(node)}' raises inside {name}: {outcome.reason}", outcome.exception))
        return None

    def _bind(self, evaluator: Evaluator, node: cst.CSTNode, function: Function, arguments: list[object], keywords: dict[str, object]) -> dict[str, Bound]:
        definition = function.node
        params = definition.params
        positional = [*params.posonly_params, *params.params]
        decorators = {d.decorator.value for d in definition.decorators if isinstance(d.decorator, cst.Name)}
        local_values: dict[str, Bound] = {}
        receiver_supplied = function.owner is not None and "staticmethod" not in decorators and (function.bound or "classmethod" in decorators)
        if receiver_supplied:
            if not positional:
                raise Unsupported(node, f"'{function.qualified}' takes no self/cls parameter", "helper")
            receiver = positional[0].name.value
            if isinstance(function.receiver, Instance) and "classmethod" not in decorators:
                local_values[receiver] = Bound(function.receiver)  # a base's method on a subclass instance (FA8-4, R8-15)
            elif function.owner is not None and _receiver(definition) == receiver:
                probe = Evaluator(function.facts, self, {}, Trace(), depth=evaluator.depth + 1)
                local_values[receiver] = Bound(instance_of(probe, function.owner, function.facts, receiver, of_class="classmethod" in decorators))
            else:
                local_values[receiver] = Bound(OPAQUE)
            positional = positional[1:]
        arguments = list(arguments)
        if "*" in keywords:
            raise Unsupported(node, f"'{code_of(node)}' unpacks arguments the verifier cannot match to parameters", "helper")
        for param in positional:
            if arguments:
                local_values[param.name.value] = Bound(arguments.pop(0))
        if arguments:
            if not isinstance(params.star_arg, cst.Param):
                raise Crash(node, f"'{code_of(node)}' passes too many arguments (TypeError)", "TypeError")
        if isinstance(params.star_arg, cst.Param):
            local_values[params.star_arg.name.value] = Bound(OPAQUE)
        extra = {}
        # A positional-only parameter is never bound by keyword: `f(name=...)` goes to **kwargs (or raises TypeError).
        by_keyword = {p.name.value for p in (*params.params, *params.kwonly_params)}
        for name, value in keywords.items():
            if name in by_keyword and name not in local_values:
                local_values[name] = Bound(value)
            else:
                extra[name] = value
        if extra and params.star_kwarg is None:
            raise Crash(node, f"'{code_of(node)}' passes an unexpected keyword (TypeError)", "TypeError")
        if params.star_kwarg is not None:
            local_values[params.star_kwarg.name.value] = Bound(OPAQUE)
        for name, value in function.closure:
            local_values.setdefault(name, Bound(value))
        for param in (*positional, *params.kwonly_params):
            if param.name.value in local_values:
                continue
            if param.default is None:
                raise Crash(node, f"'{code_of(node)}' misses the argument '{param.name.value}' (TypeError)", "TypeError")
            try:
                # a nested def's defaults ran in the enclosing function: `def check(feed=self)` holds the project
                # instance the closure knows (review 9, R9-5)
                enclosing = {name: Bound(value) for name, value in function.closure}
                probe = Evaluator(function.facts, self, enclosing, Trace(), depth=evaluator.depth + 1)
                probe.class_namespace = class_namespace_of(function)  # a method's defaults run in its class body (R8-11)
                value = probe.evaluate(param.default)
            except (Effect, Unsupported, Crash, Raises):
                value = UNTRUSTED  # evaluated once when the def ran, not at this call; it may be any object
            local_values[param.name.value] = Bound(value)
        return local_values


@dataclass
class EvalFailure:
    error: Exception
    reads: tuple[EnvRead, ...] = ()


class Walker:
    """Walk one function body under one mode value (shared :class:`CallAnalysis`)."""

    def __init__(
        self,
        facts: ModuleFacts,
        analysis: CallAnalysis,
        *,
        lenient: bool = False,
        owner: cst.ClassDef | None = None,
        receiver: str | None = None,
        depth: int = 0,
    ) -> None:
        self.facts = facts
        self.analysis = analysis
        self.context = analysis.context
        self.lenient = lenient
        self.owner = owner
        self.receiver = receiver
        self.depth = depth
        self.guard_tests: dict[int, GuardTest] = {}
        self.unknown_tests: dict[int, UnknownTest] = {}
        self.reads: list[EnvRead] = []
        """Every environment read evaluated on any path."""
        self.swallowed: list[tuple[cst.CSTNode, cst.BaseExpression]] = []
        """``(raise statement, suppress(...) call)``: a deliberate raise that a ``with contextlib.suppress`` around it
        may swallow, so the path goes on after the ``with`` (the explanation names it, review 6 SU1)."""
        self.risky = 0
        self.mode_branches: dict[int, tuple[cst.CSTNode, set[bool]]] = {}
        """Tests on the mode variable in the walked function itself (not in helpers) that a concrete value decided:
        ``id(node)`` -> (the ``if``/``assert`` node, the outcomes taken). :meth:`_Walks.legacy_split` compares them
        between legacy-world values (hostile review 9, R9-9/R9-10)."""
        """Evaluations that relied on an assumption (so they might raise into an ``except``)."""
        self._trace: Trace = Trace()
        self._scope: object = None
        self._globals: frozenset[str] = frozenset()
        self.top_level = True
        self._class_depth = 0
        self._instance_receiver = False
        self._rebound: frozenset[str] = frozenset()
        self._builtin_parameters: dict[str, type] = {}
        """Above 0 while walking a class body (its annotations are evaluated, a function body's are not)."""
        self.all_paths = False
        """Follow both branches of every condition (to prove that no path at all has a side effect)."""

    # -- entry -------------------------------------------------------------
    def run(self, function: cst.FunctionDef, local_values: dict[str, Bound] | None = None, trace: Trace | None = None) -> list[Outcome]:
        """Walk ``function``'s body; ``local_values`` binds its parameters (all unknown when None)."""
        self._trace = trace if trace is not None else Trace()
        body = function.body
        statements: Sequence[cst.CSTNode] = body.body if isinstance(body, cst.IndentedBlock) else (body,)
        self._scope = self.facts.scope(statements[0]) if statements else None
        if isinstance(body, cst.SimpleStatementSuite) and body.body:
            self._scope = self.facts.scope(body.body[0])
        lambda_node = lambda_of(function)
        if lambda_node is not None:
            self._scope = self.facts.scope(lambda_node.body)  # a module-level lambda walked as a def
        self._globals = _declared_globals(statements)
        # `self.x` of a property runs its getter; `cls.x` in a classmethod gives the property object itself.
        self._instance_receiver = self.receiver is not None and not any(
            isinstance(d.decorator, cst.Name) and d.decorator.value in ("classmethod", "staticmethod") for d in function.decorators
        ) and len(function.decorators) <= 1 and all(isinstance(d.decorator, cst.Name) and d.decorator.value == "property" for d in function.decorators)
        rebound = _rebound_names(function)
        self._rebound = rebound
        fresh, builtins_used = _fresh_locals(function)
        unproven = {b for b in builtins_used if b in rebound or self.facts.bindings.bindings(b) or self.facts.bindings.problem(b, own_lookup=True) is not None}
        self._fresh_locals = frozenset(n for n in fresh if not (builtins_used.get(n, frozenset()) & unproven)) - set(_parameter_names(function.params))
        self._builtin_parameters = {
            param.name.value: kind
            for param, kind in ((function.params.star_arg, tuple), (function.params.star_kwarg, dict))
            if isinstance(param, cst.Param) and param.name.value not in rebound
        }
        if local_values is None:
            local_values = self._entry_parameters(function)
        try:
            results = self._block(statements, PathState(dict(local_values)), None)
        except _TooManyPaths:
            return [Outcome("unknown", 0, function.name, "too many paths to follow")]
        outcomes = [r for r in results if isinstance(r, Outcome)]
        end = len(statements)
        outcomes.extend(Outcome("fallthrough", end, function.name) for r in results if isinstance(r, PathState))
        return outcomes

    def _entry_parameters(self, function: cst.FunctionDef) -> dict[str, Bound]:
        """The parameters of a function called from outside (the entry point): values of unknown type, except
        ``self``/``cls``, an instance (or the class) of the owner class whose own dunders are known (hostile R4-11),
        and a parameter whose default may be a project-class instance (``clock=_DEFAULT_CLOCK``, hostile R4-18):
        called without arguments it *is* that object, so its dunders are effects (:data:`UNTRUSTED`)."""
        values = {name: Bound(OPAQUE) for name in _parameter_names(function.params)}
        if self.owner is not None and self.receiver is not None and self.receiver in values:
            probe = Evaluator(self.facts, self.analysis, {}, Trace(), depth=self.depth + 1)
            of_class = any(isinstance(d.decorator, cst.Name) and d.decorator.value == "classmethod" for d in function.decorators)
            values[self.receiver] = Bound(instance_of(probe, self.owner, self.facts, self.receiver, of_class=of_class))
        params = function.params
        for param in (*params.posonly_params, *params.params, *params.kwonly_params):
            if param.default is not None and param.name.value in values:
                values[param.name.value] = Bound(self._default_value(param.default))
        return values

    def _default_value(self, default: cst.BaseExpression) -> object:
        """What a parameter with this default holds, as far as its dunders go: OPAQUE (a caller may pass anything
        of a built-in-like type, assumption 4) unless the default itself may be a project-class instance or a
        third-party object, which a call without arguments gets: then an :class:`Instance` whose every dunder is
        an effect (its attributes stay instance state, like ``self.x``)."""
        probe = Evaluator(self.facts, self.analysis, {}, Trace(), depth=self.depth + 1)
        risky = Instance(f"the default '{code_of(default)}'", frozenset({"*"}))
        try:
            value = probe.evaluate(default)
        except EvalError:
            return risky  # computed by a call when the def ran: it may be any object
        if isinstance(value, Instance):
            return value
        if value is UNTRUSTED or (isinstance(value, Module) and probe.foreign_object(value)):
            return risky
        if isinstance(value, ClassValue) and probe.metaclass_problem(value) is not None:
            return risky
        if isinstance(value, tuple) and any(v is UNTRUSTED for v in value):
            return risky
        return OPAQUE

    # -- blocks ------------------------------------------------------------
    def _block(self, statements: Sequence[cst.CSTNode], state: PathState, top: int | None) -> list[Outcome | PathState]:
        states = [state]
        finished: list[Outcome | PathState] = []
        for position, statement in enumerate(statements):
            index = position if top is None else top
            following: list[PathState] = []
            for current in states:
                if current.loop is not None:
                    finished.append(current)
                    continue
                for result in self._statement(statement, current, index, top is None):
                    if isinstance(result, Outcome):
                        finished.append(result)
                    else:
                        following.append(result)
            states = merge(following)
            if len(states) > MAX_PATHS:
                raise _TooManyPaths
            if not states:
                break
        return [*finished, *states]

    def _suite(self, body: cst.BaseSuite, state: PathState, index: int) -> list[Outcome | PathState]:
        statements = body.body if isinstance(body, cst.IndentedBlock) else (body,)
        return self._block(statements, state, index)

    def _skipping(self, state: PathState, index: int) -> bool:
        """In lenient mode, side effects before the guard and inside the guard statement are set aside."""
        return self.lenient and (state.guard_at is None or index <= state.guard_at)

    def _evaluator(self, state: PathState, trace: Trace) -> Evaluator:
        return Evaluator(
            self.facts, self.analysis, state.locals, trace, depth=self.depth, owner=self.owner, receiver=self.receiver,
            function_scope=self._scope, globals_declared=self._globals, instance_receiver=self._instance_receiver,
            builtin_parameters=self._builtin_parameters,
        )

    def _evaluate(self, node: cst.BaseExpression, state: PathState, index: int, trace: Trace | None = None) -> object:
        """Evaluate ``node``; an Effect is swallowed (value unknown) where lenient mode skips effects."""
        trace = trace if trace is not None else Trace()
        try:
            return self._evaluator(state, trace).evaluate(node)
        except Effect:
            if self._skipping(state, index):
                return OPAQUE
            raise
        finally:
            self.reads.extend(trace.reads)
            if trace.assumptions:
                self.risky += 1
                self._trace.assumptions |= trace.assumptions
            self._trace.reads.extend(trace.reads)
            self._trace.helpers.extend(trace.helpers)

    def _failed(self, exc: Exception, index: int) -> Outcome:
        if isinstance(exc, Crash):
            return Outcome("crash", index, exc.node, exc.reason, exception=exc.exception)
        if isinstance(exc, Raises):
            return Outcome("exit", index, exc.node, exc.reason, raised=True)
        if isinstance(exc, Effect):
            return Outcome("effect", index, exc.node, exc.reason)
        assert isinstance(exc, Unsupported)
        return Outcome("unknown", index, exc.node, exc.reason, category=exc.category)

    # -- statements ----------------------------------------------------------
    def _statement(self, statement: cst.CSTNode, state: PathState, index: int, top_level: bool) -> list[Outcome | PathState]:
        try:
            if isinstance(statement, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
                states: list[Outcome | PathState] = [state]
                for small in statement.body:
                    nxt: list[Outcome | PathState] = []
                    for current in states:
                        if isinstance(current, Outcome) or current.loop is not None:
                            nxt.append(current)
                        else:
                            nxt.extend(self._small(small, current, index))
                    states = nxt
                return states
            if isinstance(statement, cst.If):
                return self._if(statement, state, index, top_level)
            if isinstance(statement, cst.FunctionDef):
                return self._def(statement, state, index)
            if isinstance(statement, cst.ClassDef):
                return self._class(statement, state, index)
            if isinstance(statement, (cst.Try, cst.TryStar)):
                # `except*` handlers have the same shape; a `return`/`break`/`continue` in one is a SyntaxError, and a
                # single exception is matched all or nothing, so the `try` model holds
                return self._try(statement, state, index)
            if isinstance(statement, cst.With):
                return self._with(statement, state, index)
            if isinstance(statement, cst.Match):
                return self._match(statement, state, index, top_level)
            if isinstance(statement, (cst.For, cst.While)):
                return self._loop(statement, state, index)
        except (Effect, Unsupported, Crash, Raises) as exc:
            if isinstance(exc, Effect) and self._skipping(state, index):
                return [state]
            return [self._failed(exc, index)]
        if self._skipping(state, index):
            return [state]
        return [Outcome("effect", index, statement, f"'{type(statement).__name__}' statements are outside the pure fragment")]

    def _small(self, small: cst.BaseSmallStatement, state: PathState, index: int) -> list[Outcome | PathState]:
        try:
            return self._small_inner(small, state, index)
        except (Effect, Unsupported, Crash, Raises) as exc:
            if isinstance(exc, Effect) and self._skipping(state, index):
                return [state]
            return [self._failed(exc, index)]

    def _small_inner(self, small: cst.BaseSmallStatement, state: PathState, index: int) -> list[Outcome | PathState]:
        if isinstance(small, (cst.Pass, cst.Global)):
            return [state]
        if isinstance(small, cst.Nonlocal):
            raise Effect(small, f"'{code_of(small)}' lets the function rebind an enclosing function's variable")
        if isinstance(small, (cst.Break, cst.Continue)):
            moved = state.copy()
            moved.loop = "break" if isinstance(small, cst.Break) else "continue"
            return [moved]
        if isinstance(small, (cst.Import, cst.ImportFrom)):
            self._import(small, state)
            return [state]
        if isinstance(small, cst.Expr):
            value = small.value
            if isinstance(value, (cst.SimpleString, cst.Ellipsis, cst.Integer, cst.Float)):
                return [state]
            result = self._evaluate(value, state, index)
            if isinstance(result, Coroutine) and not self._skipping(state, index):
                raise Effect(value, _DROPPED_COROUTINE.format(code_of(value)))
            return [state]
        if isinstance(small, cst.Raise):
            if small.exc is not None:
                raised = self._evaluate(small.exc, state, index)
                if isinstance(raised, ClassValue) and not self._skipping(state, index) and not plain_exception_class(self._evaluator(state, Trace()), raised):
                    raise Effect(small.exc, f"'raise {code_of(small.exc)}' constructs a project exception (its __init__ runs)")
            if small.cause is not None:
                cause = self._evaluate(small.cause.item, state, index)
                if isinstance(cause, ClassValue) and not self._skipping(state, index) and not plain_exception_class(self._evaluator(state, Trace()), cause):
                    # `raise E from Cause`: Python calls Cause() to make the cause, as it does for the raised class
                    raise Effect(small.cause.item, f"'from {code_of(small.cause.item)}' constructs a project exception (its __init__ runs)")
            return [Outcome("exit", index, small, raised=True)]
        if isinstance(small, cst.Return):
            value = self._evaluate(small.value, state, index) if small.value is not None else None
            if self.depth == 0 and small.value is not None and not self._skipping(state, index):
                self._returned_object(small.value, value, state)
            return [Outcome("exit", index, small, value=value)]
        if isinstance(small, (cst.Assign, cst.AnnAssign, cst.AugAssign)):
            return self._assign(small, state, index)
        if isinstance(small, cst.Assert):
            self.risky += 1  # AssertionError may be caught by an `except` that falls through to the body (hostile VH-14)
            trace = Trace()
            test = self._evaluate(small.test, state, index, trace)
            if isinstance(test, Coroutine) and not self._skipping(state, index):
                raise Effect(small.test, _DROPPED_COROUTINE.format(code_of(small.test)))  # tested, then dropped (R8-6)
            # The test's truth is taken as for `if` (a project __bool__/__len__ runs here).
            try:
                truth = self._evaluator(state, trace).truth(test, small.test)
            except Effect:
                if not self._skipping(state, index):
                    raise
                truth = OPAQUE
            if truth is OPAQUE or not truth:
                if small.msg is not None:
                    self._evaluate(small.msg, state, index)  # the message is built only when the assert fails
            if truth is not OPAQUE:
                self._note_mode_branch(small, not truth, trace)  # "taken": the assert fails, the function exits
            # `python -O` skips asserts, so an assert never proves an exit: the path always goes on. Without -O a
            # failing one raises AssertionError, and a legacy-world value it stops does not run the body (R9-9).
            if truth is OPAQUE or not truth:
                return [Outcome("exit", index, small, raised=True, exception="AssertionError"), state]
            return [state]
        if isinstance(small, cst.Del):
            # Only a `del` whose every target is a plain local name is pure: an attribute or subscript target
            # (`del self.x`, `del d[k]`, `del os.environ[...]`) runs __delattr__/__delitem__ on an object that
            # outlives the call. `_local_del_names` is None for those, never an empty list that `all()` would
            # accept vacuously (hostile review 6, R6-12).
            names = _local_del_names(small.target)
            if names is not None and all(n in state.locals for n in names) and not set(names) & self._globals:
                for name in names:
                    state.locals.pop(name, None)
                return [state]
            raise Effect(small, f"'{code_of(small)}' deletes something outside the function")
        raise Effect(small, f"'{code_of(small)}' is outside the pure fragment")

    def _returned_object(self, node: cst.BaseExpression, value: object, state: PathState) -> None:
        """What the entry point returns is used by its caller the way its type is used (hostile review 6, R6-24): a
        returned project coroutine is awaited (its body is walked as if awaited here), a returned project generator
        or other object made by a project call is iterated or called into (an effect). A returned generator
        expression is already judged as if consumed."""
        if isinstance(value, Coroutine):
            evaluator = self._evaluator(state, Trace())
            self.analysis.call(evaluator, node, value.function, list(value.arguments), dict(value.keywords), run_async=True)
        elif value is UNTRUSTED and isinstance(node, cst.Call):
            raise Effect(node, f"'{code_of(node)}' returns a project generator or object: the caller iterates or uses it, which runs project code")

    def _import(self, small: cst.Import | cst.ImportFrom, state: PathState) -> None:
        # Even a standard-library import can fail (`import msvcrt`, a name added in a later Python): an
        # `except ImportError` around it is reachable (hostile VH-13).
        self.risky += 1
        if isinstance(small, cst.Import):
            for alias in small.names:
                dotted = _dotted(alias.name)
                if dotted.split(".")[0] not in STDLIB_MODULES or "__main__" in dotted.split(".") or self.context.resolver.is_module(dotted.split(".")[0]):
                    if not self._inert_project_import(dotted) and not self._imported_library(dotted, ()):
                        raise Effect(small, f"'{code_of(small)}' imports a module whose top-level code may run now")
                else:
                    self._stdlib_shadow(small, dotted)
                if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                    state.locals[alias.asname.name.value] = Bound(self._evaluator(state, Trace()).dotted(dotted, small))
                else:
                    state.locals[dotted.split(".")[0]] = Bound(Module(dotted.split(".")[0]))
            return
        module = "." * len(small.relative) + (_dotted(small.module) if small.module is not None else "")
        absolute = self.facts.absolute(module) if module.startswith(".") else module
        if isinstance(small.names, cst.ImportStar):
            raise Effect(small, "a star import inside a function")
        private = next((a for a in small.names if is_private_name(_dotted(a.name)) or (a.asname is not None and isinstance(a.asname.name, cst.Name) and is_private_name(a.asname.name.value))), None)
        if private is not None and self.owner is not None:
            # inside a class, `from m import __owns` imports (and binds) `_Feed__owns`: private name mangling applies
            # to import names too (hostile review 19, H8)
            raise Unsupported(small, f"'{code_of(small)}' is inside class {self.owner.name.value}, where '{code_of(private)}' is mangled to a name the module may not have", "binding")
        shadowed = self.context.resolver.is_module(absolute.split(".")[0])  # a project module named like the stdlib one
        if absolute.split(".")[0] not in STDLIB_MODULES or shadowed or "__main__" in absolute.split(".") or any(_dotted(a.name) == "__main__" for a in small.names):
            # The running module itself needs no proof (it is imported), but the submodules a package `__init__`
            # imports from itself (`from . import workers`) do: their top-level code runs now (review 10, R10-14).
            submodules = [f"{absolute}.{_dotted(a.name)}" for a in small.names if self.context.resolver.is_module(f"{absolute}.{_dotted(a.name)}")]
            modules = [m for m in (absolute, *submodules) if m != self.facts.name]
            if not all(self._inert_project_import(m) for m in modules) and not self._imported_library(absolute, tuple(_dotted(a.name) for a in small.names)):
                raise Effect(small, f"'{code_of(small)}' imports a module whose top-level code may run now")
            self._module_getattr_import(small, absolute)
        else:
            self._stdlib_shadow(small, absolute)
        self.analysis.context  # noqa: B018 - keeps the attribute access explicit for readers
        for alias in small.names:
            name = _dotted(alias.name)
            bound = alias.asname.name.value if alias.asname is not None and isinstance(alias.asname.name, cst.Name) else name
            state.locals[bound] = Bound(self._evaluator(state, Trace()).dotted(f"{absolute}.{name}", small))

    def _stdlib_shadow(self, small: cst.Import | cst.ImportFrom, module: str) -> None:
        """Raises :class:`Effect` when importing the standard-library ``module`` may load a project module: one named
        like a standard-library module shadows it for the standard library's own imports too (``import uuid`` runs
        the project's ``platform.py``; :mod:`thor_guard.stdlib_shadows`). A module the function's module already
        imports the same way at its top level is only looked up (that import ran with the module)."""
        if self._imported_library(module, ()) or module.split(".")[0] in ALWAYS_LOADED:
            return
        # the module's top-level code, and its imports', runs now: a function of them that a module of the import walk
        # replaced runs too (`re.compile = traced` at import time, then `import tomllib` before the guard; hostile
        # review 18)
        patched_internals(self.context, small, frozenset({module, *import_closure(module)}), f"importing {module} (unless it is loaded already)")
        shadows = self.context.resolver.stdlib_shadows
        if not shadows:
            return
        reached = sorted(import_closure(module) & shadows.keys())
        if not reached:
            return  # `from datetime import timedelta` with a project `profile/`: datetime never imports profile
        name, path = reached[0], shadows[reached[0]]
        raise Effect(
            small,
            f"'{code_of(small)}' may run project code: the project module {self.context.resolver.shown(path)} has the name of "
            f"the standard-library module {name}, which the standard library's own imports load",
        )

    def _imported_library(self, module: str, names: tuple[str, ...]) -> bool:
        """``import module`` / ``from module import names`` of a library module (not the project's, not ``__main__``)
        that the function's own module already imports the same way at its top level, unconditionally (review 9,
        FA9-6: ``from django.conf import settings`` in ``AppConfig.ready()``). When the function runs, its module was
        imported, so the module (and ``module.name``, were it a submodule) is in ``sys.modules``: the statement only
        looks it up and reads the names (library attributes, assumption 7)."""
        if "__main__" in module.split(".") or self.context.resolver.is_module(module.split(".")[0]) or module == self.facts.name:
            return False
        wanted = {module} if not names else {f"{module}.{name}" for name in names}
        found: set[str] = set()
        for statement in self.facts.module.body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if isinstance(small, cst.Import):
                    for alias in small.names:
                        dotted = _dotted(alias.name)
                        # `import a.b.c` imports a, a.b and a.b.c
                        found.update(".".join(dotted.split(".")[: i + 1]) for i in range(dotted.count(".") + 1))
                elif isinstance(small, cst.ImportFrom) and not small.relative and small.module is not None and not isinstance(small.names, cst.ImportStar):
                    base = _dotted(small.module)
                    found.update(".".join(base.split(".")[: i + 1]) for i in range(base.count(".") + 1))
                    found.update(f"{base}.{_dotted(a.name)}" for a in small.names)
        return wanted <= found

    def _module_getattr_import(self, small: cst.ImportFrom, absolute: str) -> None:
        """``from M import X`` on a project module M that defines a PEP 562 ``__getattr__`` runs it (review 10, R10-3):
        the import system asks a module that is not a package for ``__path__`` (``hasattr(M, "__path__")``, which
        reaches ``__getattr__`` whatever X is), and asks a package for every X it does not bind (a submodule name
        included: the attribute is looked up before the submodule is imported). The same test as the attribute read
        ``M.X`` (:meth:`Evaluator._module_getattr`): any binding of ``__getattr__`` counts."""
        resolver = self.context.resolver
        try:
            facts = resolver.module_facts(absolute) if resolver.is_module(absolute) else None
        except Exception:  # noqa: BLE001 - HelperError: an unreadable module is judged where its names are resolved
            return
        if facts is None or not facts.bindings.bindings("__getattr__"):
            return
        if not facts.is_package:
            raise Effect(small, f"'{code_of(small)}' imports from {absolute}, which defines a module __getattr__: the import system calls it for '__path__' (PEP 562)")
        for alias in small.names:
            name = _dotted(alias.name)
            if facts.bindings.served_by_getattr(name):
                how = "binds nowhere" if not facts.bindings.bindings(name) else "may not hold at that moment (bound under a condition, deleted, or bound after its __getattr__)"
                raise Effect(small, f"'{code_of(small)}' imports '{name}', which {absolute} {how}: its module __getattr__ runs (PEP 562)")

    def _inert_project_import(self, module: str) -> bool:
        """A project module whose import from this function runs no code: already imported by the module's own
        import walk, or inert top-level code (review 9, FA9-6; :mod:`thor_guard.verifier.pure_imports`)."""
        if "__main__" in module.split(".") or not self.context.resolver.is_module(module.split(".")[0]):
            return False
        from thor_guard.verifier.pure_imports import import_runs_nothing

        try:
            return import_runs_nothing(self.context, self.facts.name, module)
        except Exception:  # noqa: BLE001 - a module the proof cannot read keeps the import an effect
            return False

    def _assign(self, small: cst.Assign | cst.AnnAssign | cst.AugAssign, state: PathState, index: int) -> list[Outcome | PathState]:
        if isinstance(small, cst.AnnAssign) and small.value is None:
            # `x: T` binds nothing. A complex target's parts are evaluated anyway (`a[f()]: int` calls f), and in a
            # class body (not in a function body) the annotation itself is evaluated on Python 3.11-3.13 unless
            # `from __future__ import annotations` (hostile VH-3).
            target = small.target
            if isinstance(target, cst.Attribute):
                self._evaluate(target.value, state, index)
            elif isinstance(target, cst.Subscript):
                self._evaluate(target.value, state, index)
                for element in target.slice:
                    if isinstance(element.slice, cst.Index):
                        self._evaluate(element.slice.value, state, index)
                    else:
                        for part in (element.slice.lower, element.slice.upper, element.slice.step):
                            if part is not None:
                                self._evaluate(part, state, index)
            self._annotation(small, state, index)
            return [state]
        targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) else [small.target]
        assert small.value is not None
        trace = Trace()
        if isinstance(small, cst.AugAssign):
            target = small.target
            if not isinstance(target, cst.Name) or target.value not in state.locals or target.value in self._globals:
                raise Effect(small, f"'{code_of(small)}' changes something outside the function")
            current = state.locals[target.value].value
            if not isinstance(current, _IMMUTABLE_SCALARS) and target.value not in self._fresh_locals:
                # `q = self.pending; q += [x]` runs list.__iadd__ on the aliased object: only a local proven to
                # hold an immutable value or a container this function made itself is rebound (hostile R6-17).
                raise Effect(small, f"'{code_of(small)}' may change in place the object '{target.value}' refers to (an in-place operator on a value not proven immutable or fresh)")
            combined = cst.BinaryOperation(left=target, operator=_AUG[type(small.operator)](), right=small.value) if type(small.operator) in _AUG else None
            if isinstance(current, ListValue) and isinstance(small.operator, cst.AddAssign):
                combined = None  # `items += (1,)`: list.__iadd__ extends by any iterable, unlike `items + (1,)`
            if combined is None:
                value = self._evaluate(small.value, state, index, trace)
                value = OPAQUE
            else:
                value = self._evaluate(combined, state, index, trace)
            if not isinstance(current, _IMMUTABLE_SCALARS):
                # `b = a; a += [2]`: a list/set/dict changes in place, so every other name holding the object (also
                # inside a tuple, `t = (a,)`) now holds an unknown value (hostile review 22, H1)
                for name, bound in list(state.locals.items()):
                    if name != target.value and _holds_object(bound.value, current):
                        state.locals[name] = Bound(OPAQUE, bound.reads)
            state.locals[target.value] = Bound(value, tuple(trace.reads) + state.locals[target.value].reads)
            return [state]
        value = self._evaluate(small.value, state, index, trace)
        if isinstance(value, Coroutine) and not self._skipping(state, index):
            # Kept in a local and (as far as the walk can tell) never awaited: dropped at the latest when the
            # function returns, the coroutine warns through `warnings` (R6-3). Awaiting it later is not followed.
            raise Effect(small.value, _DROPPED_COROUTINE.format(code_of(small.value)))
        for target in targets:
            self._bind_target(target, value, tuple(trace.reads), state, index, small)
        if isinstance(small, cst.AnnAssign):
            self._annotation(small, state, index)
        states = [state]
        for target in targets:
            states = [forked for each in states for forked in self._instance_aliases(target, small.value, each, tuple(trace.reads))]
        return states  # type: ignore[return-value]

    def _instance_aliases(self, target: cst.BaseExpression, value: cst.BaseExpression, state: PathState, reads: tuple[EnvRead, ...]) -> list[PathState]:
        """The states after ``target = value`` once the names that may hold a project instance the function already
        holds (``self``) hold it (review 9, R9-5). ``me, = (self,)`` / ``[me] = [self]`` / ``(me, n) = (self, 1)``
        bind ``me`` to exactly that instance; ``me = self if x else None`` / ``me = self or other`` bind it on one
        more path (the joined value of the expression is OPAQUE, through which a property read would go unjudged),
        as ``for feed in (self,)`` does (R8-14). Only names (not subscripts or attributes) are bound; the value was
        evaluated (and judged) already, so nothing here runs code."""
        if isinstance(target, (cst.Tuple, cst.List)) and isinstance(value, (cst.Tuple, cst.List)):
            pairs = list(zip(target.elements, value.elements))
            if len(target.elements) != len(value.elements) or any(isinstance(e, cst.StarredElement) for pair in pairs for e in pair):
                return [state]
            states = [state]
            for inner_target, inner_value in pairs:
                states = [forked for each in states for forked in self._instance_aliases(inner_target.value, inner_value.value, each, reads)]
            return states
        if not isinstance(target, cst.Name) or target.value in self._globals:
            return [state]
        if isinstance(value, cst.Name):
            held = state.locals.get(value.value)
            if held is not None and isinstance(held.value, Instance) and held.value.cls is not None:
                state.locals[target.value] = Bound(held.value, reads)  # exactly that object
            return [state]
        leaves: list[cst.BaseExpression] = []
        pending = [value]
        while pending:
            part = pending.pop()
            if isinstance(part, cst.IfExp):
                pending.extend((part.body, part.orelse))
            elif isinstance(part, cst.BooleanOperation):
                pending.extend((part.left, part.right))
            else:
                leaves.append(part)
        if len(leaves) < 2:
            return [state]
        states = [state]
        current = state.locals.get(target.value)
        for leaf in leaves:
            held = state.locals.get(leaf.value) if isinstance(leaf, cst.Name) else None
            if held is None or not isinstance(held.value, Instance) or held.value.cls is None:
                continue
            if current is not None and current.value is held.value or any(s.locals[target.value].value is held.value for s in states[1:]):
                continue
            extra = state.copy()
            extra.locals[target.value] = Bound(held.value, reads)
            states.append(extra)
        return states

    def _annotation(self, small: cst.AnnAssign, state: PathState, index: int) -> None:
        """Evaluate the annotation of ``x: T [= v]`` where Python does: in a class body, not under lazy annotations.

        The model is CPython 3.11-3.13 (PEP 526 semantics): a function body never evaluates variable annotations,
        a class body always does (also for a name without value), ``from __future__ import annotations`` turns
        both off. Python 3.14's deferred annotations (PEP 649) evaluate fewer of them: judging them is then
        conservative, never unsound.
        """
        if self._class_depth and not self._lazy_annotations():
            self._evaluate(small.annotation.annotation, state, index)

    def _bind_target(self, target: cst.BaseExpression, value: object, reads: tuple[EnvRead, ...], state: PathState, index: int, statement: cst.CSTNode) -> None:
        if isinstance(target, cst.Name):
            if target.value in self._globals:
                raise Effect(statement, f"'{code_of(statement)}' rebinds the module global '{target.value}'")
            if isinstance(value, ConstDict):
                value = OPAQUE  # a local dict may be changed by statements the lenient walk sets aside: contents unknown
            state.locals[target.value] = Bound(value, reads)
            return
        if isinstance(target, (cst.Tuple, cst.List)):
            elements = target.elements
            starred = any(isinstance(e, cst.StarredElement) for e in elements)
            if isinstance(value, (tuple, frozenset, str, bytes)) and is_concrete(value) and not tainted(value):
                count = len(value)
                if count < len(elements) - 1 or (count != len(elements) and not starred):
                    # `a, b = (1, 2, 3)`, `x, y = "abc"`: Python raises before storing any target (review 19, H3)
                    raise Crash(statement, f"'{code_of(statement)}' raises ValueError (it unpacks {count} value{'' if count == 1 else 's'} into {len(elements)} targets)", "ValueError")
            if isinstance(value, tuple) and len(value) == len(elements) and not starred:
                for element, item in zip(elements, value):
                    self._bind_target(element.value, item, reads, state, index, statement)
                return
            if isinstance(value, Instance):
                self._evaluator(state, Trace()).dunder(value, statement, "unpacks")
            if is_concrete(value) or value is OPAQUE or isinstance(value, Instance):
                self.risky += 1  # `a, b = ("es",)`: a length mismatch raises ValueError into an `except` (hostile VH-14)
                self._evaluator(state, Trace()).assume(statement, "unpacks a value of unknown type")
                for element in elements:
                    self._bind_target(element.value, OPAQUE, reads, state, index, statement)
                return
        if isinstance(target, cst.StarredElement):
            self._bind_target(target.value, OPAQUE, reads, state, index, statement)
            return
        if self._skipping(state, index):
            return
        raise Effect(statement, f"'{code_of(statement)}' changes state outside the function")

    # -- conditions ----------------------------------------------------------
    def _condition(self, test: cst.BaseExpression, owner: cst.CSTNode, state: PathState, index: int, top_level: bool) -> tuple[object, Trace] | Outcome:
        trace = Trace()
        try:
            value = self._evaluate(test, state, index, trace)
            try:
                truth = self._evaluator(state, trace).truth(value, test)
            except Effect:
                if not self._skipping(state, index):
                    raise
                truth = OPAQUE
            mode_read = any(r.variable == self.context.env_var for r in trace.reads)
            if truth is OPAQUE and trace.problems and not self._skipping(state, index):
                raise Unsupported(test, f"'{code_of(test)}' depends on a name the verifier cannot prove: {trace.problems[0]}", "binding")
            if truth is OPAQUE and mode_read:
                # Both branches are followed (sound); if a heartbeat-world path then reaches the body, this says why.
                known = f": {trace.problems[0]}" if trace.problems else ""  # the unproven binding is the helpful reason
                error = Unsupported(test, f"'{code_of(test)}' mixes {self.context.env_var} with values the verifier cannot know{known}")
                self._note_guard(owner, test, index, top_level, trace, error, state)
                return truth, trace
            if self.all_paths and truth is not OPAQUE:
                truth = OPAQUE
        except (Crash, Raises) as exc:
            self._note_guard(owner, test, index, top_level, trace, None, state)
            return self._failed(exc, index)
        except Effect as exc:
            self._note_guard(owner, test, index, top_level, trace, None, state)
            return self._failed(exc, index)
        except Unsupported as exc:
            if trace.reads:
                self._note_guard(owner, test, index, top_level, trace, exc, state)
                return self._failed(exc, index)
            if index not in self.unknown_tests and top_level:
                self.unknown_tests[index] = UnknownTest(index, owner, exc)
            return self._failed(exc, index)
        self._note_guard(owner, test, index, top_level, trace, None, state)
        return truth, trace

    def _if(self, node: cst.If, state: PathState, index: int, top_level: bool) -> list[Outcome | PathState]:
        result = self._condition(node.test, node, state, index, top_level)
        if isinstance(result, Outcome):
            return [result]
        truth, trace = result
        if truth is OPAQUE:
            return [*self._branch(node, True, state.copy(), index), *self._branch(node, False, state, index, top_level)]
        self._note_mode_branch(node, bool(truth), trace)
        return self._branch(node, bool(truth), state, index, top_level)

    def _note_mode_branch(self, node: cst.CSTNode, taken: bool, trace: Trace) -> None:
        """Remember which way a decided test on the mode variable went (see :attr:`mode_branches`)."""
        if self.depth == 0 and not self.all_paths and any(r.variable == self.context.env_var for r in trace.reads):
            self.mode_branches.setdefault(id(node), (node, set()))[1].add(taken)

    def _note_guard(self, node: cst.CSTNode, test: cst.CSTNode, index: int, top_level: bool, trace: Trace, error: Unsupported | None, state: PathState) -> None:
        reads = [r for r in trace.reads if r.variable]
        if not reads:
            return
        if state.guard_at is None and any(r.variable == self.context.env_var for r in reads):
            state.guard_at = index
        if self.top_level and index not in self.guard_tests:
            self.guard_tests[index] = GuardTest(index, node, tuple(reads), error, test)
        elif self.top_level and error is not None and self.guard_tests[index].error is None:
            self.guard_tests[index] = GuardTest(index, node, tuple(reads), error, test)

    def _branch(self, node: cst.If, taken: bool, state: PathState, index: int, top_level: bool = False) -> list[Outcome | PathState]:
        if taken:
            return self._suite(node.body, state, index)
        orelse = node.orelse
        if orelse is None:
            return [state]
        if isinstance(orelse, cst.If):
            return self._if(orelse, state, index, top_level)
        return self._suite(orelse.body, state, index)

    # -- definitions ---------------------------------------------------------
    def _def(self, node: cst.FunctionDef, state: PathState, index: int) -> list[Outcome | PathState]:
        evaluator = self._evaluator(state, Trace())
        for decorator in node.decorators:
            self._evaluate(decorator.decorator, state, index)
        closure = tuple(
            (name, bound.value) for name, bound in state.locals.items()
            if isinstance(bound.value, Instance) and bound.value.cls is not None and name not in self._rebound
        )  # a local helper reading `self` reads the project instance (R8-14); `self` never rebound, so late binding agrees
        function = Function(self.facts, node, f"{self.facts.name}.<locals>.{node.name.value}", closure=closure)
        problem = evaluator.decorator_problem(function, helper=True)
        if problem is not None and not self._skipping(state, index):
            raise Effect(node.decorators[0], f"calling the decorator runs code: {problem}")
        self._parameters(node.params, state, index, annotations=not self._lazy_annotations())
        if node.returns is not None and not self._lazy_annotations():
            self._evaluate(node.returns.annotation, state, index)
        if node.name.value in self._globals:
            raise Effect(node, f"'def {node.name.value}' rebinds the module global '{node.name.value}'")
        state.locals[node.name.value] = Bound(function if not node.decorators else OPAQUE)
        return [state]

    def _parameters(self, params: cst.Parameters, state: PathState, index: int, *, annotations: bool) -> None:
        every = [*params.posonly_params, *params.params, *params.kwonly_params]
        for param in every:
            if param.default is not None:
                self._evaluate(param.default, state, index)
        if annotations:
            extra = [p for p in (params.star_arg, params.star_kwarg) if isinstance(p, cst.Param)]
            for param in [*every, *extra]:
                if param.annotation is not None:
                    self._evaluate(param.annotation.annotation, state, index)

    def _lazy_annotations(self) -> bool:
        return self.facts.future_annotations

    def _class(self, node: cst.ClassDef, state: PathState, index: int) -> list[Outcome | PathState]:
        for decorator in node.decorators:
            self._evaluate(decorator.decorator, state, index)
        if node.decorators and not self._skipping(state, index):
            raise Effect(node.decorators[0], f"the class decorator '@{code_of(node.decorators[0].decorator)}' runs code")
        for base in node.bases:
            self._evaluate(base.value, state, index)
        for keyword in node.keywords:
            self._evaluate(keyword.value, state, index)
        if (node.bases or node.keywords) and not self._skipping(state, index):
            raise Effect(node, f"creating class {node.name.value} with bases runs their metaclass and __init_subclass__")
        # A class body runs at once, in its own namespace.
        inner = PathState(dict(state.locals), state.guard_at)
        walker_top = self.top_level
        self.top_level = False
        self._class_depth += 1
        try:
            results = self._suite(node.body, inner, index)
        finally:
            self.top_level = walker_top
            self._class_depth -= 1
        failures = [r for r in results if isinstance(r, Outcome) and r.kind != "exit"]
        if failures:
            return [failures[0]]
        if not any(isinstance(r, PathState) for r in results):
            return results  # every path of the class body raises
        # type() may refuse the namespace (a slot that is also a class variable, a non-str __qualname__, a metaclass
        # conflict): an `except` around the class statement is reachable (hostile review 20, kind 5)
        self.risky += 1
        for result in results:
            if isinstance(result, PathState):
                refused = _class_creation_error(node, result.locals, state.locals)
                if refused is not None:
                    raise Crash(node, f"creating class {node.name.value} raises {refused[0]} ({refused[1]})", refused[0])
        if not self._skipping(state, index):
            # type() calls __set_name__ on every value the body binds: only values of known built-in type and
            # functions defined in the body are inert.
            for result in results:
                if not isinstance(result, PathState):
                    continue
                for name, bound in result.locals.items():
                    if name in state.locals and bound is state.locals[name]:
                        continue
                    if not (is_concrete(bound.value) or isinstance(bound.value, Function)):
                        raise Effect(node, f"creating class {node.name.value} binds '{name}' to a value whose __set_name__ may run")
        if node.name.value in self._globals:
            raise Effect(node, f"'class {node.name.value}' rebinds the module global '{node.name.value}'")
        # A local class's own dunders (`__class_getitem__` in its body) run on `C[x]`: its dunders are effects.
        state.locals[node.name.value] = Bound(UNTRUSTED)
        return [state]

    # -- compound statements ---------------------------------------------------
    def _havoc(self, state: PathState, body: cst.CSTNode, *, from_mode: bool = False) -> PathState:
        """``state`` with every local the block may assign made unknown (or unbound when it was unbound)."""
        havocked = state.copy()
        assigned = _assigned_names(body)
        if not any(name in havocked.locals for name in assigned):
            return havocked
        # A local the block may compute from the mode value stays mode-derived, so that later tests on it are checked.
        used = _all_names(body)
        from_mode = from_mode or any(tainted(b.value) for n, b in state.locals.items() if n in used) or bool(used & {"environ", "getenv"})
        for name in assigned:
            if name in havocked.locals:
                previous = havocked.locals[name]
                if previous.value is UNTRUSTED or (isinstance(previous.value, Instance) and previous.value.dunders):
                    unknown: object = UNTRUSTED  # a project-class instance stays one; its dunders still run code
                else:
                    unknown = MODE_DERIVED if from_mode or tainted(previous.value) else OPAQUE
                havocked.locals[name] = Bound(unknown, previous.reads)
        return havocked

    def _try(self, node: cst.Try | cst.TryStar, state: PathState, index: int) -> list[Outcome | PathState]:
        entry = state.copy()
        before = self.risky
        body = self._suite(node.body, state, index)
        may_raise = self.risky > before or any(isinstance(r, Outcome) and (r.kind == "crash" or r.raised) for r in body)
        results: list[Outcome | PathState] = []
        handler_entry = self._havoc(entry, node.body)
        caught_any = False
        for result in body:
            if isinstance(result, Outcome) and result.kind == "crash" and _catches(node, result.exception):
                caught_any = True
                continue
            if isinstance(result, Outcome) and result.kind == "exit" and result.raised and node.handlers:
                caught_any = True  # a deliberate raise may be caught, and the handler then runs
                results.append(result)
                continue
            if isinstance(result, PathState) and node.orelse is not None:
                results.extend(self._suite(node.orelse.body, result, index))
            else:
                results.append(result)
        if node.handlers and (may_raise or caught_any):
            for handler in node.handlers:
                handler_state = handler_entry.copy()
                if handler.type is not None:
                    self._evaluate(handler.type, handler_state, index)
                if handler.name is not None and isinstance(handler.name.name, cst.Name):
                    handler_state.locals[handler.name.name.value] = Bound(OPAQUE)
                results.extend(self._suite(handler.body, handler_state, index))
        if node.finalbody is None:
            return results
        final: list[Outcome | PathState] = []
        for result in results:
            if isinstance(result, PathState):
                final.extend(self._suite(node.finalbody.body, result, index))
                continue
            if result.kind in ("exit", "crash"):
                after = self._suite(node.finalbody.body, self._havoc(entry, node), index)
                bad = [r for r in after if isinstance(r, Outcome) and r.kind != "exit"]
                overriding = [r for r in after if isinstance(r, Outcome) and r.kind == "exit"]
                # `break`/`continue` in a finally cancels the return or the exception: the loop goes on.
                cancelled = [r for r in after if isinstance(r, PathState) and r.loop is not None]
                final.extend(cancelled)
                if bad or overriding:
                    final.append(bad[0] if bad else overriding[0])
                if any(isinstance(r, PathState) and r.loop is None for r in after):
                    final.append(result)  # the finally ends normally on some path: the pending exit goes on there
                elif not cancelled and not bad and not overriding:
                    final.append(result)
                # Only a path through the finally that ends normally keeps the pending return/raise: one that
                # `continue`s or `break`s cancels it on that path (hostile review 6, R6-4: `finally: continue`).
                continue
            final.append(result)
        return final

    def _with(self, node: cst.With, state: PathState, index: int) -> list[Outcome | PathState]:
        if node.asynchronous is not None:
            raise Unsupported(node, "'async with' awaits the context manager, which the verifier cannot see into")
        suppresses = False
        suppressed: list[cst.BaseExpression] = []
        suppress_call: cst.BaseExpression | None = None
        for item in node.items:
            trace = Trace()
            expression = item.item
            callee = self._evaluate(expression.func, state, index, trace) if isinstance(expression, cst.Call) else self._evaluate(expression, state, index, trace)
            if not (isinstance(expression, cst.Call) and isinstance(callee, Module) and callee.dotted in PURE_CONTEXT_MANAGERS):
                # Around the guard this is TG009; in code with no guard at all it is just the first thing that runs (TG001).
                category = "helper" if self.context.env_var in _source(node) else "construct"
                raise Unsupported(expression, f"the context manager '{code_of(expression)}' may run code on entry and exit; only contextlib.suppress and nullcontext are known pure", category)
            for argument in expression.args:
                self._evaluate(argument.value, state, index)
            wrong = library_call_problem(callee.dotted, expression)
            if wrong is not None:
                raise Crash(expression, f"'{code_of(expression)}': {wrong[1]}", wrong[0])
            if callee.dotted == "contextlib.suppress":
                suppresses = True
                suppress_call = suppress_call or expression
                suppressed.extend(a.value if a.star == "" and a.keyword is None else expression for a in expression.args)
            if item.asname is not None:
                self._bind_target(item.asname.name, OPAQUE, (), state, index, node)
        entry = state.copy()
        results = self._suite(node.body, state, index)
        if not suppresses:
            return results
        out: list[Outcome | PathState] = []
        for result in results:
            if isinstance(result, Outcome) and (result.kind == "crash" or result.raised):
                probe = self._evaluator(state, Trace())
                raised = result.exception if result.kind == "crash" else _raised_builtin(result.node, probe, self.facts)
                checked = _checked_by_suppress(suppressed, raised, probe, self.facts)
                if checked is not None:
                    # suppress.__exit__ runs issubclass(exc_type, (...)): a class not proven a built-in exception may
                    # have a metaclass whose __subclasscheck__ is project code (hostile review 16)
                    reason = f"'{code_of(checked)}' is given to issubclass() when the exception reaches the suppress() exit: a class not proven a built-in exception may have a metaclass whose __subclasscheck__ runs project code"
                    out.append(Outcome("effect", index, checked, reason))
                    continue
                if raised and not _may_suppress(suppressed, raised, probe, self.facts):
                    out.append(result)  # `suppress(KeyError)` around `raise RuntimeError(...)`: the raise goes on
                    continue
                if result.raised and suppress_call is not None:
                    self.swallowed.append((result.node, suppress_call))
                out.append(self._havoc(entry, node.body))
            else:
                out.append(result)
        return out

    def _match(self, node: cst.Match, state: PathState, index: int, top_level: bool) -> list[Outcome | PathState]:
        trace = Trace()
        subject = self._evaluate(node.subject, state, index, trace)
        self._note_guard(node, node.subject, index, top_level, trace, None, state)
        mode_read = any(r.variable == self.context.env_var for r in trace.reads)
        results: list[Outcome | PathState] = []
        remaining = state
        for case in node.cases:
            if _has_mapping_pattern(case.pattern) and not self._evaluator(remaining, Trace()).proven_mapping(subject, node.subject):
                # MATCH_KEYS calls `subject.get(key, sentinel)` (and `**rest` copies through keys()): a method call,
                # not a dunder, on a subject not proven built in (hostile review 6, R6-5)
                if not self._skipping(remaining, index):
                    raise Effect(case.pattern, f"the mapping pattern '{code_of(case.pattern)}' calls '{code_of(node.subject)}.get()' (a method of a value not proven built in)")
            if not self._skipping(remaining, index):
                pattern_effects(case.pattern, subject, node.subject, self._evaluator(remaining, Trace()))  # review 7, R7-1
            matched = _match_pattern(case.pattern, subject, self._evaluator(remaining, Trace()))
            if self.all_paths and matched is not None:
                matched = OPAQUE
            if matched is None:
                if mode_read:
                    raise Unsupported(case.pattern, f"the pattern '{code_of(case.pattern)}' is not understood")
                matched = OPAQUE
            if case.guard is None and matched in (True, False):
                self._note_mode_branch(case, matched is True, trace)
            if matched is False:
                continue
            case_state = remaining.copy()
            bound, name = _capture(case.pattern)
            if bound and name:
                case_state.locals[name] = Bound(subject, tuple(trace.reads))
            if case.guard is not None:
                guard = self._condition(case.guard, node, case_state, index, top_level)
                if isinstance(guard, Outcome):
                    results.append(guard)
                    continue
                truth, _ = guard
                if truth is False:
                    continue
                if truth is OPAQUE:
                    matched = OPAQUE
            results.extend(self._suite(case.body, case_state, index))
            if matched is True:
                return results
        results.append(remaining)
        return results

    def _loop(self, node: cst.For | cst.While, state: PathState, index: int) -> list[Outcome | PathState]:
        if isinstance(node, cst.For) and node.asynchronous is not None:
            raise Unsupported(node, "'async for' awaits an iterator the verifier cannot see into")
        if isinstance(node, cst.For):
            iterable = self._evaluate(node.iter, state, index)
            if tainted(iterable):
                iterable = MODE_DERIVED  # iterating the mode's characters: nothing the table can decide
            elif isinstance(iterable, (tuple, str)) and len(iterable) <= MAX_UNROLL:
                return self._unrolled(node, iterable, state, index)
            if iterable is UNTRUSTED or isinstance(iterable, Instance):
                self._evaluator(state, Trace()).dunder(iterable, node.iter, "iterates over")  # raises Effect when project code runs
            if not is_concrete(iterable):
                self._evaluator(state, Trace()).assume(node.iter, "iterates over a value of unknown type")
        # Any number of iterations: every local the loop assigns is unknown at the top of an iteration.
        head = self._havoc(state, node, from_mode=isinstance(node, cst.For) and iterable is MODE_DERIVED)
        results: list[Outcome | PathState] = []
        body_state = head.copy()
        body_states = [body_state]
        if isinstance(node, cst.For):
            self._bind_target(node.target, MODE_DERIVED if iterable is MODE_DERIVED else OPAQUE, (), body_state, index, node)
            enters: object = OPAQUE
            for name, instance in self._evaluator(state, Trace())._display_instances(node):
                # `for feed in (self,)`: the body also runs with the variable holding that project instance (R8-14)
                extra = head.copy()
                extra.locals[name] = Bound(instance)
                body_states.append(extra)
        else:
            condition = self._condition(node.test, node, body_state, index, False)
            if isinstance(condition, Outcome):
                return [condition]
            enters = condition[0]
        if enters is not False:
            for result in (r for start in body_states for r in self._suite(node.body, start, index)):
                if isinstance(result, PathState):
                    # A local the body binds to an untrusted value is untrusted at the head of the next iteration
                    # and after the loop: walk again from there (havoc's OPAQUE must not launder it).
                    untrusted = {
                        name for name, bound in result.locals.items()
                        if bound.value is UNTRUSTED and name in head.locals and head.locals[name].value is not UNTRUSTED
                    }
                    if untrusted:
                        again = state.copy()
                        for name in untrusted:
                            again.locals[name] = Bound(UNTRUSTED, head.locals[name].reads)
                        return self._loop(node, again, index)
                    if result.loop == "break":
                        result.loop = None
                        results.append(self._havoc(result, node))
                    continue  # a normal or `continue` end goes back to the head, which `head` already covers
                results.append(result)
        if enters is not True:
            after = head.copy()
            if node.orelse is not None:
                results.extend(self._suite(node.orelse.body, after, index))
            else:
                results.append(after)
        if not results and not self._skipping(state, index):
            # `while True: pass`, `while self.x: pass` with x proven truthy: no path leaves the loop, so the function
            # never returns. Its legacy body never runs either, but in the heartbeat world the caller hangs (Django
            # startup blocks): that is not "returns before doing anything", so it is an effect naming the loop.
            raise Effect(node, f"'{code_of(node)}' never ends: no path leaves the loop, so the function never returns")
        return results

    def _unrolled(self, node: cst.For, items: tuple | str, state: PathState, index: int) -> list[Outcome | PathState]:
        states = [state]
        results: list[Outcome | PathState] = []
        for item in items:
            following: list[PathState] = []
            for current in states:
                self._bind_target(node.target, item, (), current, index, node)
                for result in self._suite(node.body, current, index):
                    if isinstance(result, Outcome):
                        results.append(result)
                    elif result.loop == "break":
                        result.loop = None
                        results.append(result)
                    else:
                        result.loop = None
                        following.append(result)
            states = merge(following)
        for current in states:
            if node.orelse is not None:
                results.extend(self._suite(node.orelse.body, current, index))
            else:
                results.append(current)
        return results


_DROPPED_COROUTINE = (
    "'{}' creates a coroutine that is not awaited: when it is dropped Python warns "
    "(RuntimeWarning 'coroutine ... was never awaited', through the warnings machinery and its handlers)"
)
"""Why calling an ``async def`` without awaiting it is an effect (hostile review 6, R6-3)."""

def _holds_object(value: object, target: object) -> bool:
    """``value`` is ``target`` (the same object of the walk) or a known container holding it, at any depth."""
    if value is target:
        return True
    if isinstance(value, (tuple, frozenset)):
        return any(_holds_object(item, target) for item in value)
    if isinstance(value, ConstDict):
        return any(_holds_object(item, target) for pair in value.items for item in pair)
    return False


def _class_creation_error(node: cst.ClassDef, body: dict[str, Bound], outer: dict[str, Bound]) -> tuple[str, str] | None:
    """(exception, why) when ``type()`` refuses the namespace a class body of known values made; None otherwise.

    Python raises ``TypeError`` for a ``__qualname__`` that is not a str and for a slot name that is not an
    identifier, and ``ValueError`` for a slot that is also a class variable (``__slots__ = ("a",)`` with ``a = 1``).
    """
    own = {name: bound.value for name, bound in body.items() if not (name in outer and bound is outer[name])}
    qualname = own.get("__qualname__", "")
    if is_concrete(qualname) and not isinstance(qualname, str):
        return "TypeError", f"__qualname__ must be a str, not {type(qualname).__name__}"
    if "__classcell__" in own:
        return "TypeError", "__classcell__ must be a nonlocal cell"
    slots = own.get("__slots__")
    if isinstance(slots, str):
        slots = (slots,)
    if isinstance(slots, (tuple, frozenset)) and is_concrete(slots) and not tainted(slots):
        for slot in slots:
            if not isinstance(slot, str) or not slot.isidentifier():
                return "TypeError", f"__slots__ must be identifiers, not {slot!r}"
            if slot in own and slot not in ("__dict__", "__weakref__"):
                return "ValueError", f"{slot!r} in __slots__ conflicts with class variable"
    return None


_AUG = {
    cst.AddAssign: cst.Add,
    cst.SubtractAssign: cst.Subtract,
    cst.MultiplyAssign: cst.Multiply,
    cst.BitOrAssign: cst.BitOr,
    cst.BitAndAssign: cst.BitAnd,
    cst.BitXorAssign: cst.BitXor,
    cst.DivideAssign: cst.Divide,
    cst.FloorDivideAssign: cst.FloorDivide,
    cst.ModuloAssign: cst.Modulo,
    cst.PowerAssign: cst.Power,
    cst.LeftShiftAssign: cst.LeftShift,
    cst.RightShiftAssign: cst.RightShift,
    cst.MatrixMultiplyAssign: cst.MatrixMultiply,
}


def _source(node: cst.CSTNode) -> str:
    return cst.Module(body=[]).code_for_node(node)


def _builtin_exception(node: cst.BaseExpression, evaluator: Evaluator, facts: ModuleFacts) -> type[BaseException] | None:
    """The built-in exception class a plain name refers to (the evaluator's own scoping says built-in, and no hazard
    can rebind it), else None."""
    if not isinstance(node, cst.Name):
        return None
    found = getattr(builtins, node.value, None)
    if not (isinstance(found, type) and issubclass(found, BaseException)):
        return None
    if evaluator._where(node) != "builtin" or facts.bindings.hazard_for(node.value, own_lookup=True) is not None:
        return None
    return found


def _raised_builtin(node: cst.CSTNode, evaluator: Evaluator, facts: ModuleFacts) -> str | None:
    """The built-in exception class ``raise X`` / ``raise X(...)`` raises, by name; None when not proven one."""
    if not isinstance(node, cst.Raise) or node.exc is None:
        return None
    target = node.exc.func if isinstance(node.exc, cst.Call) else node.exc
    found = _builtin_exception(target, evaluator, facts)
    return found.__name__ if found is not None else None


def _may_suppress(suppressed: Sequence[cst.BaseExpression], raised: str, evaluator: Evaluator, facts: ModuleFacts) -> bool:
    """False only when every ``suppress`` argument is a proven built-in exception class that ``raised`` is not a
    subclass of; anything unknown (a tuple, a project class, a star argument) may catch it."""
    exception = getattr(builtins, raised, None)
    if not (isinstance(exception, type) and issubclass(exception, BaseException)):
        return True
    for argument in suppressed:
        caught = _builtin_exception(argument, evaluator, facts)
        if caught is None or issubclass(exception, caught):
            return True
    return False


def _bounded_cache(decorator: cst.BaseExpression) -> bool:
    """Whether a cache decorator (``functools.cache``/``lru_cache``, already matched by name) keeps a bounded number of
    entries and so evicts: ``@lru_cache``, ``@lru_cache()`` and ``@lru_cache(32)`` do (128 or 32 entries);
    ``@cache``, ``@lru_cache(None)``, ``@lru_cache(maxsize=None)`` and ``maxsize=0`` (no caching) do not."""
    name = decorator.func if isinstance(decorator, cst.Call) else decorator
    spelt = name.attr.value if isinstance(name, cst.Attribute) else name.value if isinstance(name, cst.Name) else ""
    if spelt == "cache":
        return False
    if not isinstance(decorator, cst.Call):
        return True
    maxsize = next((a.value for a in decorator.args if a.keyword is not None and a.keyword.value == "maxsize"), None)
    if maxsize is None and decorator.args and decorator.args[0].keyword is None and not decorator.args[0].star:
        maxsize = decorator.args[0].value
    if maxsize is None:
        return True  # lru_cache(): 128 entries, or lru_cache(typed=True)
    if isinstance(maxsize, cst.Name) and maxsize.value == "None":
        return False
    return not (isinstance(maxsize, cst.Integer) and maxsize.evaluated_value == 0)


def _has_parameters(definition: cst.FunctionDef) -> bool:
    parameters = definition.params
    return bool(parameters.params or parameters.posonly_params or parameters.kwonly_params) or isinstance(parameters.star_arg, cst.Param) or parameters.star_kwarg is not None


def _checked_by_suppress(suppressed: Sequence[cst.BaseExpression], raised: str | None, evaluator: Evaluator, facts: ModuleFacts) -> cst.BaseExpression | None:
    """The first ``suppress`` argument ``issubclass(exc_type, arguments)`` tests that is a project class other than a
    plain exception class (:func:`plain_exception_class`: no metaclass, no dunder), or None when the test runs only built-in code: it goes through the arguments in order and stops
    at the first built-in class the raised one (``raised``, a built-in name, or None when not known) derives from.
    A built-in exception class's metaclass is ``type``; any other class's may define ``__subclasscheck__``."""
    exception = getattr(builtins, raised, None) if raised else None
    for argument in suppressed:
        caught = _builtin_exception(argument, evaluator, facts)
        if caught is None:
            try:
                # a star argument stands as the whole suppress(...) call: its unpacked values are judged
                value = evaluator.evaluate(argument.args[0].value if isinstance(argument, cst.Call) and len(argument.args) == 1 and argument.args[0].star == "*" else argument)
            except EvalError:
                return argument
            values = list(value) if isinstance(value, tuple) else [value]
            if any(isinstance(v, ClassValue) and not plain_exception_class(evaluator, v) for v in values):
                return argument
            # built-in exceptions, or project classes whose bases are and that have no metaclass (type's
            # __subclasscheck__); a value the walk does not know (a module constant tuple) is judged as before: it
            # may swallow the exception, and a library class's metaclass is assumed pure (assumption 7)
            continue
        if isinstance(exception, type) and issubclass(exception, caught):
            return None
    return None


def _catches(node: cst.Try | cst.TryStar, exception: str) -> bool:
    """True when some handler of ``node`` catches ``exception`` (by name, a base of it, or bare)."""
    related = {
        "KeyError": {"KeyError", "LookupError"},
        "IndexError": {"IndexError", "LookupError"},
        "ZeroDivisionError": {"ZeroDivisionError", "ArithmeticError"},
    }.get(exception, {exception})
    related = related | {"Exception", "BaseException"}
    for handler in node.handlers:
        if handler.type is None:
            return True
        names = {n.value for n in _names_in(handler.type)}
        if names & related:
            return True
    return False


def _names_in(node: cst.CSTNode) -> list[cst.Name]:
    if isinstance(node, cst.Name):
        return [node]
    if isinstance(node, cst.Attribute):
        return [node.attr]
    if isinstance(node, cst.Tuple):
        return [n for e in node.elements for n in _names_in(e.value)]
    return []


def _match_pattern(pattern: cst.MatchPattern, subject: object, evaluator: Evaluator) -> object:
    """True/False when the pattern surely matches or not, OPAQUE when unknown, None when not understood."""
    if isinstance(pattern, cst.MatchAs):
        if pattern.pattern is None:
            return True
        return _match_pattern(pattern.pattern, subject, evaluator)
    if isinstance(pattern, cst.MatchValue):
        value = evaluator.evaluate(pattern.value)
        for side in (subject, value):  # `case 1:` runs `1 == subject`, which falls back to the subject's __eq__
            if not tainted(side) and not is_concrete(side):
                evaluator.dunder(side, pattern, "compares")
        if tainted(subject) or tainted(value):
            decided = mode_compare("==", subject, value, evaluator.analysis.comparands)
            if decided is MODE_DERIVED:
                raise Unsupported(pattern, f"the pattern '{code_of(pattern)}' tests {evaluator.context.env_var} in a way the value table cannot decide", "world")
            return decided
        if is_concrete(value) and is_concrete(subject):
            return subject == value
        return OPAQUE
    if isinstance(pattern, cst.MatchSingleton):
        value = evaluator.evaluate(pattern.value)
        if subject is MODE_DERIVED:
            raise Unsupported(pattern, f"the pattern '{code_of(pattern)}' tests {evaluator.context.env_var} in a way the value table cannot decide", "world")
        if is_concrete(subject):
            return subject is value
        return OPAQUE
    if isinstance(pattern, cst.MatchOr):
        outcomes = [_match_pattern(p.pattern, subject, evaluator) for p in pattern.patterns]
        if any(o is None for o in outcomes):
            return None
        if any(o is True for o in outcomes):
            return True
        if all(o is False for o in outcomes):
            return False
        return OPAQUE
    return None


def _has_mapping_pattern(pattern: cst.CSTNode) -> bool:
    """``pattern`` is or contains a mapping pattern ``{"k": ...}`` (nested in sequence, class, or/as patterns too)."""
    if isinstance(pattern, cst.MatchMapping):
        return True
    return any(_has_mapping_pattern(child) for child in pattern.children if isinstance(child, cst.CSTNode))


def _capture(pattern: cst.MatchPattern) -> tuple[bool, str | None]:
    if isinstance(pattern, cst.MatchAs) and pattern.name is not None:
        return True, pattern.name.value
    return False, None


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _local_del_names(node: cst.BaseExpression) -> list[str] | None:
    """The names a `del` target unbinds, or None when some element is not a plain name (attribute, subscript, star)."""
    if isinstance(node, cst.Name):
        return [node.value]
    if isinstance(node, (cst.Tuple, cst.List)):
        out: list[str] = []
        for element in node.elements:
            if not isinstance(element, cst.Element):
                return None
            inner = _local_del_names(element.value)
            if inner is None:
                return None
            out.extend(inner)
        return out
    return None


def _parameter_names(params: cst.Parameters) -> list[str]:
    names = [p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)]
    for extra in (params.star_arg, params.star_kwarg):
        if isinstance(extra, cst.Param):
            names.append(extra.name.value)
    return names


class _Names(OwnScopeVisitor):
    def __init__(self) -> None:
        self.assigned: set[str] = set()
        self.globals: set[str] = set()
        self.yields = False
        self.statements = 0

    def visit_Name(self, node: cst.Name) -> None:
        pass

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self.assigned.update(_all_names(node.target))

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self.assigned.update(_all_names(node.target))

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self.assigned.update(_all_names(node.target))

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self.assigned.update(_all_names(node.target))

    def visit_For(self, node: cst.For) -> None:
        self.assigned.update(_all_names(node.target))

    def visit_AsName(self, node: cst.AsName) -> None:
        self.assigned.update(_all_names(node.name))

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self.assigned.add(node.name.value)
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.assigned.add(node.name.value)
        return False

    def visit_Global(self, node: cst.Global) -> None:
        self.globals.update(n.name.value for n in node.names)

    def visit_Yield(self, node: cst.Yield) -> None:
        self.yields = True

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, cst.BaseStatement) or isinstance(node, cst.BaseSmallStatement):
            self.statements += 1
        return super().on_visit(node)


def _all_names(node: cst.CSTNode) -> set[str]:
    if isinstance(node, cst.Name):
        return {node.value}
    if isinstance(node, (cst.Tuple, cst.List)):
        return {n for e in node.elements for n in _all_names(e.value)}
    if isinstance(node, cst.StarredElement):
        return _all_names(node.value)
    return set()


_T = TypeVar("_T")
_V = TypeVar("_V", bound=cst.CSTVisitor)
_MEMO_LIMIT = 8192
"""Entries per identity memo before it is cleared (a bound on memory, not a cache policy)."""


def _memo_by_identity(memo: dict[int, tuple[cst.CSTNode, _T]], node: cst.CSTNode, compute: Callable[[cst.CSTNode], _T]) -> _T:
    """``compute(node)``, memoised by the node's identity (libcst trees are immutable).

    The node is kept beside the value, so a recycled ``id`` of a collected node never hits.
    """
    cached = memo.get(id(node))
    if cached is not None and cached[0] is node:
        return cached[1]
    value = compute(node)
    if len(memo) > _MEMO_LIMIT:
        memo.clear()
    memo[id(node)] = (node, value)
    return value


def _visit(visitor_type: Callable[[], _V]) -> Callable[[cst.CSTNode], _V]:
    def run(node: cst.CSTNode) -> _V:
        visitor = visitor_type()
        node.visit(visitor)  # type: ignore[arg-type]
        return visitor

    return run


_SCANS: dict[int, tuple[cst.CSTNode, _Names]] = {}


def _scan(node: cst.CSTNode) -> _Names:
    """Names assigned/declared global in ``node`` (memoised by identity)."""
    return _memo_by_identity(_SCANS, node, _visit(_Names))


def _assigned_names(node: cst.CSTNode) -> set[str]:
    return _scan(node).assigned


def _declared_globals(statements: Sequence[cst.CSTNode]) -> frozenset[str]:
    found: set[str] = set()
    for statement in statements:
        if _may_declare_global(statement):
            found |= _scan(statement).globals
    return frozenset(found)


def _may_declare_global(statement: cst.CSTNode) -> bool:
    """Cheap pre-check: only compound statements and ``global`` lines can declare globals."""
    if isinstance(statement, cst.SimpleStatementLine):
        return any(isinstance(small, cst.Global) for small in statement.body)
    return not isinstance(statement, (cst.FunctionDef, cst.ClassDef))


_GENERATOR_CACHE: dict[int, tuple[cst.FunctionDef, bool, int]] = {}


def _facts_of(function: cst.FunctionDef) -> tuple[bool, int]:
    cached = _GENERATOR_CACHE.get(id(function))
    if cached is not None and cached[0] is function:
        return cached[1], cached[2]
    visitor = _Names()
    function.body.visit(visitor)
    if len(_GENERATOR_CACHE) > 4096:
        _GENERATOR_CACHE.clear()
    _GENERATOR_CACHE[id(function)] = (function, visitor.yields, visitor.statements)
    return visitor.yields, visitor.statements


def _is_generator(function: cst.FunctionDef) -> bool:
    """True when ``function`` contains ``yield`` (not in nested functions): calling it runs none of its body."""
    return _facts_of(function)[0]


def is_generator(function: cst.FunctionDef) -> bool:
    return _is_generator(function)


def _size(function: cst.FunctionDef) -> int:
    return _facts_of(function)[1]


def _memo_key(function: cst.FunctionDef, local_values: dict[str, Bound]) -> object:
    try:
        key = (id(function), tuple(sorted((name, _freeze(bound.value)) for name, bound in local_values.items())))
        hash(key)
        return key
    except TypeError:
        return None


def _freeze(value: object) -> object:
    if value is OPAQUE or is_concrete(value):
        return (type(value).__name__, value)
    return _Same(value)


class _Same:
    """A memo-key part that matches only the very same abstract value.

    It holds the value, so the object stays alive while the memo entry does: a bare ``id(value)`` could be reused by
    a different value created after the first was freed, and the memo would then answer for the wrong argument.
    """

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.value is self.value


def _is_cached(evaluator: Evaluator, function: Function) -> bool:
    from thor_guard.verifier.effects import CACHE_DECORATORS

    return any(
        Evaluator.decorator_names(function.facts, d.decorator.func if isinstance(d.decorator, cst.Call) else d.decorator) & CACHE_DECORATORS
        for d in function.node.decorators
    )


def _receiver(function: cst.FunctionDef) -> str | None:
    """The ``self``/``cls`` parameter of a method, None for a staticmethod or a method without parameters.

    Also None when the body may rebind that name (``self = Other``, ``for self in …``, ``except E as self``,
    ``del self``, ``global self``, a walrus, an import, a ``match`` capture…): ``self.helper()`` is then no longer
    the class's own method (hostile VH-11), so it is evaluated as an attribute of an unknown value.
    """
    if any(isinstance(d.decorator, cst.Name) and d.decorator.value == "staticmethod" for d in function.decorators):
        return None
    positional = [*function.params.posonly_params, *function.params.params]
    if not positional:
        return None
    name = positional[0].name.value
    return None if name in _rebound_names(function) else name


_REBOUND: dict[int, tuple[cst.CSTNode, frozenset[str]]] = {}


def _rebound_names(function: cst.FunctionDef) -> frozenset[str]:
    """Every name that some statement or expression in ``function``'s body binds, deletes or declares global.

    Deliberately wide (nested scopes included): it is used to decide that a parameter keeps its value.
    """
    return _memo_by_identity(_REBOUND, function.body, lambda body: frozenset(_visit(_Rebinds)(body).names))


_IMMUTABLE_SCALARS = (str, bytes, int, float, complex, bool, type(None))
_FRESH_VALUES = (
    cst.List, cst.Set, cst.Dict, cst.Tuple, cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp,
    cst.SimpleString, cst.ConcatenatedString, cst.FormattedString, cst.Integer, cst.Float, cst.Imaginary,
)
_FRESH_BUILTINS = frozenset({"len", "int", "str", "float", "bool", "repr", "ord", "chr", "format", "tuple", "frozenset", "list", "dict", "set", "sorted", "bytes"})
"""Builtins whose result is a new object or an immutable value (when the name is the builtin: checked by the walker)."""
_FRESH: dict[int, tuple[cst.CSTNode, tuple[frozenset[str], dict[str, frozenset[str]]]]] = {}


def _fresh_locals(function: cst.FunctionDef) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """Names whose every binding in ``function`` is ``name = <display, comprehension or literal>`` (or an augmented
    assignment of the name itself): such a local only ever holds an object this call made, so an in-place operator
    on it changes nothing outside the function. Any other binding (unpacking, ``for``, walrus, ``with … as``,
    a plain name or call as the value) may alias an outside object. A call of one of :data:`_FRESH_BUILTINS` counts
    as fresh too; the second result maps each name to the builtins its freshness relies on (the caller proves them)."""

    def compute(body: cst.CSTNode) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
        visitor = _FreshBindings()
        body.visit(visitor)
        fresh = frozenset(visitor.fresh - visitor.names)
        return fresh, {n: frozenset(b) for n, b in visitor.builtins.items() if n in fresh}

    return _memo_by_identity(_FRESH, function.body, compute)


class _Rebinds(cst.CSTVisitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def _target(self, node: cst.CSTNode) -> None:
        if isinstance(node, cst.Name):
            self.names.add(node.value)
        elif isinstance(node, (cst.Tuple, cst.List)):
            for element in node.elements:
                self._target(element.value)
        elif isinstance(node, cst.StarredElement):
            self._target(node.value)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._target(node.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._target(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._target(node.target)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._target(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._target(node.target)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._target(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._target(node.name)

    def visit_Del(self, node: cst.Del) -> None:
        self._target(node.target)

    def visit_Global(self, node: cst.Global) -> None:
        self.names.update(n.name.value for n in node.names)

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        self.names.update(n.name.value for n in node.names)

    def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
        if node.asname is None:
            root = node.name
            while isinstance(root, cst.Attribute):
                root = root.value
            self._target(root)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.names.add(node.name.value)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.names.add(node.name.value)

    def visit_MatchAs(self, node: cst.MatchAs) -> None:
        if node.name is not None:
            self.names.add(node.name.value)

    def visit_MatchStar(self, node: cst.MatchStar) -> None:
        if node.name is not None:
            self.names.add(node.name.value)

    def visit_MatchMapping(self, node: cst.MatchMapping) -> None:
        if node.rest is not None:
            self.names.add(node.rest.value)


def receiver_of(function: cst.FunctionDef) -> str | None:
    return _receiver(function)


_EXITS: dict[int, tuple[cst.CSTNode, bool]] = {}


def has_exit(node: cst.CSTNode) -> bool:
    """True when ``node`` contains a return or raise (not counting nested function bodies); memoised by identity."""
    return _memo_by_identity(_EXITS, node, lambda n: _visit(_ExitFinder)(n).found)


class _ExitFinder(cst.CSTVisitor):
    def __init__(self) -> None:
        self.found = False

    def visit_Return(self, node: cst.Return) -> bool:
        self.found = True
        return False

    def visit_Raise(self, node: cst.Raise) -> bool:
        self.found = True
        return False

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False


class _FreshBindings(_Rebinds):
    """``fresh``: names bound by ``name = <fresh value>``; ``names``: names bound any other way (see _fresh_locals)."""

    def __init__(self) -> None:
        super().__init__()
        self.fresh: set[str] = set()
        self.builtins: dict[str, set[str]] = {}
        self._skipped: set[int] = set()

    def visit_Assign(self, node: cst.Assign) -> None:
        value = node.value
        builtin = value.func.value if isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value in _FRESH_BUILTINS else None
        if isinstance(value, _FRESH_VALUES) or (isinstance(value, cst.Name) and value.value in ("True", "False", "None")) or builtin is not None:
            for target in node.targets:
                if isinstance(target.target, cst.Name):
                    self.fresh.add(target.target.value)
                    self._skipped.add(id(target))
                    if builtin is not None:
                        self.builtins.setdefault(target.target.value, set()).add(builtin)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        if id(node) not in self._skipped:
            self._target(node.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if isinstance(node.target, cst.Name) and (node.value is None or isinstance(node.value, _FRESH_VALUES)):
            if node.value is not None:
                self.fresh.add(node.target.value)
            return
        self._target(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        if not isinstance(node.target, cst.Name):
            self._target(node.target)
