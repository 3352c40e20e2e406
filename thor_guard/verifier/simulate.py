"""Walk a function's leading statements under one environment and report how each path ends.

A path ends in ``exit`` (return/raise), ``effect`` (a statement with a side
effect is about to run), ``crash`` (the real code would raise by accident),
``unknown`` (a condition the verifier cannot evaluate) or ``fallthrough`` (the
end of the function without a side effect). Conditions on values the
verifier cannot know but may read freely (``if self.disabled:``) fork the
walk; the number of paths is bounded.

In *lenient* mode, side effects before the first condition that reads the
environment are skipped (and unknown calls there fork), which lets the caller
judge a guard that sits too late (TG002) on its own merits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import libcst as cst

from thor_guard.verifier.context import VerifierContext
from thor_guard.verifier.evaluate import (
    OPAQUE,
    Bound,
    Crash,
    EnvRead,
    Evaluator,
    Trace,
    UnknownCall,
    Unsupported,
    is_logging_call,
)
from thor_guard.verifier.facts import ModuleFacts

OutcomeKind = Literal["exit", "effect", "crash", "unknown", "fallthrough"]
MAX_PATHS = 64


@dataclass(frozen=True)
class Outcome:
    kind: OutcomeKind
    index: int
    """Index of the top-level statement in the function body where the path ended."""
    node: cst.CSTNode
    reason: str = ""


@dataclass
class PathState:
    locals: dict[str, Bound] = field(default_factory=dict)
    guard_at: int | None = None
    """Top-level index of the first condition on this path that read the environment."""

    @property
    def guard_seen(self) -> bool:
        return self.guard_at is not None

    def copy(self) -> PathState:
        return PathState(dict(self.locals), self.guard_at)


@dataclass(frozen=True)
class GuardTest:
    """A top-level ``if`` whose condition reads the environment: the guard candidate."""

    index: int
    node: cst.If
    reads: tuple[EnvRead, ...]
    error: Unsupported | None = None


@dataclass(frozen=True)
class UnknownTest:
    """A top-level ``if`` whose condition the verifier could not evaluate and that reads no variable."""

    index: int
    node: cst.If
    error: Unsupported


class _TooManyPaths(Exception):
    pass


@dataclass
class Simulation:
    """One walk of a function body under one environment value."""

    facts: ModuleFacts
    context: VerifierContext
    env_value: str | None
    lenient: bool = False
    guard_tests: dict[int, GuardTest] = field(default_factory=dict)
    unknown_tests: dict[int, UnknownTest] = field(default_factory=dict)
    reads: list[EnvRead] = field(default_factory=list)
    """Every environment read evaluated on any path (assignments included)."""
    _owner: cst.ClassDef | None = field(default=None, init=False)
    _receiver: str | None = field(default=None, init=False)

    def run(self, function: cst.FunctionDef) -> list[Outcome]:
        self._owner = self.facts.enclosing_class(function)
        self._receiver = _receiver(function) if self._owner is not None else None
        body = function.body
        statements: Sequence[cst.CSTNode] = body.body if isinstance(body, cst.IndentedBlock) else (body,)
        try:
            results = self._block(statements, PathState(), None)
        except _TooManyPaths:
            return [Outcome("unknown", 0, function.name, "too many paths to follow")]
        outcomes = [r for r in results if isinstance(r, Outcome)]
        end = len(statements)
        outcomes.extend(Outcome("fallthrough", end, function.name) for r in results if isinstance(r, PathState))
        return outcomes

    # -- blocks and statements -------------------------------------------
    def _block(self, statements: Sequence[cst.CSTNode], state: PathState, top: int | None) -> list[Outcome | PathState]:
        states = [state]
        finished: list[Outcome | PathState] = []
        for position, statement in enumerate(statements):
            index = position if top is None else top
            following: list[PathState] = []
            for current in states:
                for result in self._statement(statement, current, index, top is None):
                    if isinstance(result, Outcome):
                        finished.append(result)
                    else:
                        following.append(result)
            if len(following) + len(finished) > MAX_PATHS:
                raise _TooManyPaths
            states = following
            if not states:
                break
        return [*finished, *states]

    def _skipping(self, state: PathState, index: int) -> bool:
        """In lenient mode, side effects before the guard and inside the guard statement are set aside."""
        return self.lenient and (state.guard_at is None or index <= state.guard_at)

    def _effect(self, node: cst.CSTNode, state: PathState, index: int, reason: str = "") -> list[Outcome | PathState]:
        if self._skipping(state, index):
            return [state]
        return [Outcome("effect", index, node, reason)]

    def _statement(self, statement: cst.CSTNode, state: PathState, index: int, top_level: bool) -> list[Outcome | PathState]:
        if isinstance(statement, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
            states: list[Outcome | PathState] = [state]
            for small in statement.body:
                nxt: list[Outcome | PathState] = []
                for current in states:
                    if isinstance(current, Outcome):
                        nxt.append(current)
                    else:
                        nxt.extend(self._small(small, current, index))
                states = nxt
            return states
        if isinstance(statement, cst.If):
            return self._if(statement, state, index, top_level)
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)) and not statement.decorators:
            state.locals[statement.name.value] = Bound(OPAQUE)
            return [state]
        return self._effect(statement, state, index)

    def _evaluator(self, state: PathState, trace: Trace) -> Evaluator:
        return Evaluator(self.facts, self.context, self.env_value, state.locals, trace, owner=self._owner, receiver=self._receiver)

    def _small(self, small: cst.BaseSmallStatement, state: PathState, index: int) -> list[Outcome | PathState]:
        if isinstance(small, (cst.Pass, cst.Import, cst.ImportFrom, cst.Global, cst.Nonlocal)):
            return [state]
        if isinstance(small, cst.Expr):
            value = small.value
            if isinstance(value, (cst.SimpleString, cst.ConcatenatedString, cst.Ellipsis, cst.Integer)):
                return [state]
            if isinstance(value, cst.Call) and is_logging_call(value, self.facts, state.locals):
                return [state]
            return self._effect(small, state, index)
        if isinstance(small, cst.Raise):
            return [Outcome("exit", index, small)]
        if isinstance(small, cst.Return):
            if small.value is not None:
                trace = Trace()
                try:
                    self._evaluator(state, trace).evaluate(small.value)
                except UnknownCall:
                    return self._effect(small, state, index)
                except (Unsupported, Crash):
                    pass  # the value is returned, not acted on: the function still exits here
            return [Outcome("exit", index, small)]
        if isinstance(small, (cst.Assign, cst.AnnAssign)):
            return self._assign(small, state, index)
        return self._effect(small, state, index)

    def _assign(self, small: cst.Assign | cst.AnnAssign, state: PathState, index: int) -> list[Outcome | PathState]:
        if isinstance(small, cst.AnnAssign):
            if small.value is None:
                return [state]
            targets = [small.target]
        else:
            targets = [t.target for t in small.targets]
        if not all(isinstance(t, cst.Name) for t in targets):
            return self._effect(small, state, index)
        assert small.value is not None
        trace = Trace()
        try:
            value = self._evaluator(state, trace).evaluate(small.value)
        except UnknownCall:
            if self._skipping(state, index):
                value = OPAQUE
            else:
                return [Outcome("effect", index, small)]
        except Crash as exc:
            self.reads.extend(trace.reads)
            return [Outcome("crash", index, exc.node, exc.reason)]
        except Unsupported:
            value = OPAQUE  # a pure expression we cannot follow; if it read the environment, conditions on it are unverifiable
        self.reads.extend(trace.reads)
        for target in targets:
            assert isinstance(target, cst.Name)
            state.locals[target.value] = Bound(value, tuple(trace.reads))
        return [state]

    def _if(self, node: cst.If, state: PathState, index: int, top_level: bool) -> list[Outcome | PathState]:
        trace = Trace()
        try:
            value = self._evaluator(state, trace).evaluate(node.test)
            if value is OPAQUE and trace.reads:
                raise Unsupported(node.test, "the condition mixes the environment with values the verifier cannot know")
        except Crash as exc:
            self._note_guard(node, index, top_level, trace, None, state)
            return [Outcome("crash", index, exc.node, exc.reason)]
        except Unsupported as exc:
            if trace.reads:
                self._note_guard(node, index, top_level, trace, exc, state)
                return [Outcome("unknown", index, exc.node, exc.reason)]
            if index not in self.unknown_tests and has_exit(node):
                self.unknown_tests[index] = UnknownTest(index, node, exc)
            if self._skipping(state, index):
                value = OPAQUE
            elif isinstance(exc, UnknownCall):
                return [Outcome("effect", index, exc.node, exc.reason)] if state.guard_seen else [Outcome("unknown", index, exc.node, exc.reason)]
            else:
                return [Outcome("unknown", index, exc.node, exc.reason)]
        else:
            self._note_guard(node, index, top_level, trace, None, state)
        if value is OPAQUE:
            return [*self._branch(node, True, state.copy(), index), *self._branch(node, False, state, index, top_level)]
        return self._branch(node, bool(value), state, index, top_level)

    def _note_guard(self, node: cst.If, index: int, top_level: bool, trace: Trace, error: Unsupported | None, state: PathState) -> None:
        if not trace.reads:
            return
        if state.guard_at is None:
            state.guard_at = index
        if top_level and index not in self.guard_tests:
            self.guard_tests[index] = GuardTest(index, node, tuple(trace.reads), error)

    def _branch(self, node: cst.If, taken: bool, state: PathState, index: int, top_level: bool = False) -> list[Outcome | PathState]:
        if taken:
            return self._block(node.body.body if isinstance(node.body, cst.IndentedBlock) else (node.body,), state, index)
        orelse = node.orelse
        if orelse is None:
            return [state]
        if isinstance(orelse, cst.If):
            return self._if(orelse, state, index, top_level)
        body = orelse.body
        return self._block(body.body if isinstance(body, cst.IndentedBlock) else (body,), state, index)


def _receiver(function: cst.FunctionDef) -> str | None:
    """The ``self``/``cls`` parameter of a method, None for a staticmethod or a method without parameters."""
    if any(isinstance(d.decorator, cst.Name) and d.decorator.value == "staticmethod" for d in function.decorators):
        return None
    positional = [*function.params.posonly_params, *function.params.params]
    return positional[0].name.value if positional else None


def _has_exit(body: cst.BaseSuite) -> bool:
    """True when a block contains a return or raise (not counting nested function bodies)."""
    finder = _ExitFinder()
    body.visit(finder)
    return finder.found


def has_exit(node: cst.If) -> bool:
    """True when any branch of ``node`` returns or raises."""
    return _has_exit(node.body) or (node.orelse is not None and _has_exit_orelse(node.orelse))


def _has_exit_orelse(orelse: cst.If | cst.Else) -> bool:
    if isinstance(orelse, cst.If):
        return has_exit(orelse)
    return _has_exit(orelse.body)


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
