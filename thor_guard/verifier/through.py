"""Walk a legacy-world value *past* every side effect, to see where each of its paths really ends (TG012).

The heartbeat refuses every legacy-world value (``'legacy'``, ``''``, ``'bogus'``, ``'heartbeat '``...), so each of
them must run the starter's body as ``'legacy'`` does, or neither world runs. The ordinary walks stop a path at its
first side effect, so they cannot tell "reports, then starts the thread" from "reports, then stops": both reach an
effect. This walk sets every effect aside (its value becomes unknown, like the lenient walk does before the guard),
records on the path *which statements' effects ran*, and goes on to the path's real end: a ``return``, the end of the
function, a raise or crash, a loop no path leaves (``while mode != "legacy": sleep()``), or an operation it cannot
follow. Project helpers are walked the same way (a helper that reports and then raises raises here).

:func:`split` compares the paths of one value with those of the canonical legacy value: a path is the body when
``'legacy'`` has a path ending at the same statement the same way whose effects all ran on it too (ordinary logic
after the guard that does not depend on the mode value ends the same way for every value). Any other path, an
operation the walk cannot follow that depends on the mode value (``getattr(self, f"_start_{mode}")()``), or a loop
that never ends is a second guard the heartbeat does not know about: TG012 (hostile review 10, R10-6/R10-9).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace

import libcst as cst

from thor_guard.verifier.evaluate import Effect, EnvRead, Evaluator, Raises, Trace, Unsupported
from thor_guard.verifier.facts import code_of
from thor_guard.verifier.paths import CallAnalysis, EvalFailure, Outcome, PathState, Walker, _receiver
from thor_guard.verifier.values import is_concrete, join

ENDING_CALLS = frozenset({"sys.exit", "exit", "quit", "os._exit", "os.abort"})
"""Calls that end the process (by their spelling, as a statement)."""
MODE_CATEGORY = "mode"
"""Category of an operation the walk cannot follow whose operands depend on the mode value."""
HANG_CATEGORY = "hang"
"""Category of a loop that no path leaves."""


class _NoMemo(dict):  # type: ignore[type-arg]
    """A call memo that never remembers a call (a remembered result would lose the effects the call ran)."""

    def __setitem__(self, key: object, value: object) -> None:
        if isinstance(key, tuple) and key and isinstance(key[0], int):
            return  # a call's memo key starts with the call node's id; budgets and comparands stay
        super().__setitem__(key, value)


class ThroughAnalysis(CallAnalysis):
    """:class:`CallAnalysis` whose project calls are walked past their effects (never memoised)."""

    def __init__(self, context: object, env_value: str | None, shared: dict | None = None) -> None:  # type: ignore[type-arg]
        super().__init__(context, env_value, shared)  # type: ignore[arg-type]
        self._memo = _NoMemo()
        self._shared = _NoMemo(self._shared)
        self.pending: list[object] = []
        """Statements whose effects the helper calls of the expression being evaluated ran."""

    def _walk(self, evaluator: Evaluator, node: cst.CSTNode, function: object, local_values: dict) -> object:  # type: ignore[override, type-arg]
        """Like :meth:`CallAnalysis._walk`, with a :class:`ThroughWalker`; the effects the helper ran go to :attr:`pending`."""
        trace = Trace()
        owner = function.owner  # type: ignore[attr-defined]
        definition = function.node  # type: ignore[attr-defined]
        walker = ThroughWalker(function.facts, self, owner=owner, receiver=_receiver(definition) if owner is not None else None, depth=evaluator.depth + 1)  # type: ignore[attr-defined]
        self._stack.append(id(definition))
        try:
            outcomes = walker.run(definition, local_values, trace)
        finally:
            self._stack.pop()
        for outcome in outcomes:
            self.pending.extend(e for e in outcome.effects or () if isinstance(e, int) and e not in self.pending)
        evaluator.trace.assumptions |= trace.assumptions
        name = function.qualified  # type: ignore[attr-defined]
        failure = self._failure(node, name, outcomes)
        if failure is not None:
            failure.reads = tuple(trace.reads)
            return failure
        values = [o.value for o in outcomes if o.kind == "exit" and not o.raised] + [None for o in outcomes if o.kind == "fallthrough"]
        if not values:
            return EvalFailure(Raises(node, f"'{code_of(node)}' always raises"), tuple(trace.reads))
        return join(values), tuple(trace.reads), frozenset([name, *trace.helpers])


class ThroughWalker(Walker):
    """A :class:`Walker` that sets every side effect aside, noting on the path the statement that ran it."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._statements: list[cst.CSTNode] = []
        self._final: list[tuple[object, ...]] = []
        self._decided: tuple[int, bool] | None = None

    def run(self, function: cst.FunctionDef, local_values: dict | None = None, trace: Trace | None = None) -> list[Outcome]:  # type: ignore[type-arg]
        """Walk ``function``; every outcome carries the effects its path ran (:attr:`Outcome.effects`)."""
        self._final = []
        outcomes = super().run(function, local_values, trace)
        finals = iter(self._final)
        stamped = []
        for outcome in outcomes:
            if outcome.kind == "fallthrough":
                outcome = replace(outcome, effects=next(finals, ()))
            elif outcome.effects is None:
                outcome = replace(outcome, effects=())
            stamped.append(outcome)
        return stamped

    def _skipping(self, state: PathState, index: int) -> bool:
        # Every effect is set aside. Asked while an Effect is being handled, an effect really runs here: remember that
        # the statement being walked ran it (asked elsewhere, it only decides whether to check for one).
        if self._statements and isinstance(sys.exc_info()[1], Effect):
            _add(state, [id(self._statements[-1])])
        return True

    def _small(self, small: cst.BaseSmallStatement, state: PathState, index: int) -> list[Outcome | PathState]:
        if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call) and code_of(small.value.func) in ENDING_CALLS:
            # `sys.exit(2)` ends the process: the path ends here, raised (SystemExit), after its arguments ran
            results = super()._small(small, state, index)
            return [r if isinstance(r, Outcome) else Outcome("exit", index, small, raised=True, exception="SystemExit") for r in results]
        return super()._small(small, state, index)

    def _note_mode_branch(self, node: cst.CSTNode, taken: bool, trace: Trace) -> None:
        super()._note_mode_branch(node, taken, trace)
        noted = self.depth == 0 and not self.all_paths and _reads_mode(trace.reads, self.context.env_var)
        self._decided = (node, taken) if noted and isinstance(node, (cst.If, cst.MatchCase)) and self._statements else None

    def _branch(self, node: cst.If, taken: bool, state: PathState, index: int, top_level: bool = False) -> list[Outcome | PathState]:
        if self._decided is not None and self._decided[0] is node and self._decided[1] == taken:
            self._decided = None
            _mark(state, node, taken)  # the path goes this way because of the mode value (see :func:`split`)
        return super()._branch(node, taken, state, index, top_level)

    def _suite(self, body: cst.BaseSuite, state: PathState, index: int) -> list[Outcome | PathState]:
        decided = self._decided
        if decided is not None and isinstance(decided[0], cst.MatchCase) and decided[0].body is body and decided[1]:
            self._decided = None
            _mark(state, self._statements[-1], id(decided[0]))  # the `match` on the mode entered this case
        return super()._suite(body, state, index)

    def _block(self, statements: Sequence[cst.CSTNode], state: PathState, top: int | None) -> list[Outcome | PathState]:
        results = super()._block(statements, state, top)
        if top is None and not self._statements:
            self._final = [r.effects for r in results if isinstance(r, PathState)]  # the paths that fall off the end
        return results

    def _statement(self, statement: cst.CSTNode, state: PathState, index: int, top_level: bool) -> list[Outcome | PathState]:
        self._statements.append(statement)
        try:
            results = super()._statement(statement, state, index, top_level)
        finally:
            self._statements.pop()
        # The innermost statement that ended a path stamps it (an enclosing one may hold a sibling branch's state).
        return [replace(r, effects=state.effects) if isinstance(r, Outcome) and r.effects is None else r for r in results]

    def _loop(self, node: cst.For | cst.While, state: PathState, index: int) -> list[Outcome | PathState]:
        results = super()._loop(node, state, index)
        if not results:
            return [Outcome("unknown", index, node, f"'{code_of(node.test if isinstance(node, cst.While) else node)}' never lets the loop end", category=HANG_CATEGORY)]
        return results

    def _mode_lookups(self, node: cst.BaseExpression, state: PathState) -> None:
        """Raise Unsupported (:data:`MODE_CATEGORY`) for a lookup keyed by the mode value whose result the verifier
        cannot compute: ``INTERVALS[mode]``, ``("legacy",).index(mode)``, ``getattr(self, f"_start_{mode}")``
        raise for the values they do not list (KeyError, ValueError, AttributeError), where ``'legacy'`` goes on
        (hostile review 10, R10-9). A lookup the verifier computes (a constant table, a string) is judged by the walk."""
        if self.depth:
            return
        for operation, key in _lookups(node):
            trace = Trace()
            try:
                self._evaluator(state, trace).evaluate(key)
            except Exception:  # noqa: BLE001 - the walk itself judges an operand that fails
                continue
            if not _reads_mode(trace.reads, self.context.env_var):
                continue
            try:
                value = self._evaluator(state, Trace()).evaluate(operation)
            except Exception:  # noqa: BLE001 - a crash or an effect is the walk's own outcome
                continue
            if not is_concrete(value):
                raise Unsupported(operation, f"'{code_of(operation)}' looks up a key derived from {self.context.env_var} that the verifier cannot resolve", MODE_CATEGORY)

    def _evaluate(self, node: cst.BaseExpression, state: PathState, index: int, trace: Trace | None = None) -> object:
        trace = trace if trace is not None else Trace()
        analysis = self.analysis
        saved = analysis.pending  # type: ignore[attr-defined]
        analysis.pending = []  # type: ignore[attr-defined]
        try:
            self._mode_lookups(node, state)
            return super()._evaluate(node, state, index, trace)
        except Unsupported as exc:
            if exc.category not in ("world", MODE_CATEGORY, HANG_CATEGORY) and _reads_mode(trace.reads, self.context.env_var):
                # `INTERVALS.get(mode)()`, `getattr(self, f"_start_{mode}")()`: what the walk cannot follow depends on
                # the value, so it may stop the starter for some values and not for others.
                raise Unsupported(exc.node, exc.reason, MODE_CATEGORY) from exc
            raise
        finally:
            _add(state, analysis.pending)  # type: ignore[attr-defined]
            analysis.pending = saved  # type: ignore[attr-defined]


_RAISING_LOOKUPS = frozenset({"index", "int", "float", "getattr"})
"""Calls that raise for a key they do not know: ``seq.index(k)``, ``int(k)``, ``float(k)``, ``getattr(obj, k)``."""


def _lookups(node: cst.CSTNode) -> list[tuple[cst.BaseExpression, cst.BaseExpression]]:
    """``(operation, key)`` for every subscript and raising lookup call in ``node`` (not inside lambdas)."""
    found: list[tuple[cst.BaseExpression, cst.BaseExpression]] = []

    class _Visitor(cst.CSTVisitor):
        def visit_Lambda(self, _node: cst.Lambda) -> bool:
            return False

        def visit_Subscript(self, sub: cst.Subscript) -> None:
            for element in sub.slice:
                if isinstance(element.slice, cst.Index):
                    found.append((sub, element.slice.value))

        def visit_Call(self, call: cst.Call) -> None:
            func = call.func
            name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
            if name not in _RAISING_LOOKUPS or not call.args:
                return
            if name == "getattr":
                if len(call.args) == 2:  # with a default it does not raise
                    found.append((call, call.args[1].value))
            elif name == "index" or len(call.args) == 1:
                found.append((call, call.args[0].value))

    node.visit(_Visitor())
    return found


_INSIDE: dict[int, tuple[cst.CSTNode, frozenset[int]]] = {}
"""A decided statement's id -> (the statement, kept alive so the id stays its own; the ids of its descendants)."""


def _mark(state: PathState, statement: cst.CSTNode, way: object) -> None:
    if id(statement) not in _INSIDE:
        found: set[int] = set()
        stack = [statement]
        while stack:
            current = stack.pop()
            found.add(id(current))
            stack.extend(current.children)
        _INSIDE[id(statement)] = (statement, frozenset(found))
    state.effects = (*state.effects, (id(statement), way))


def _add(state: PathState, effects: list[object]) -> None:
    new = [e for e in effects if e not in state.effects]
    if new:
        state.effects = (*state.effects, *new)


def _reads_mode(reads: Sequence[EnvRead], variable: str) -> bool:
    return any(r.variable == variable for r in reads)


@dataclass(frozen=True)
class Split:
    """Why one legacy-world value does not run the starter's body as the canonical legacy value does."""

    outcome: Outcome | None
    """The path of the value that is no path of the body (None: the value has no path that ends at all)."""
    why: str
    """``ends`` (returns/raises where the legacy value goes on), ``mode`` (an operation on the value the walk cannot
    follow), ``hang`` (a loop that never ends), ``none`` (no path ends)."""


def _end(outcome: Outcome) -> tuple[str, bool, int]:
    return outcome.kind, outcome.raised, id(outcome.node)


def _ran(effects: Sequence[object]) -> frozenset[object]:
    return frozenset(e for e in effects if isinstance(e, int))


def _after(effects: Sequence[object], marker: tuple[int, bool] | int) -> frozenset[object] | None:
    """The effects run after the path decided the test ``marker`` (a test id: either way); None if it never did."""
    for position, item in enumerate(effects):
        if isinstance(item, tuple) and (item == marker or item[0] == marker):
            return _ran(effects[position + 1 :])
    return None


def _markers(outcomes: list[Outcome]) -> dict[int, set[object]]:
    known: dict[int, set[object]] = {}
    for outcome in outcomes:
        for item in outcome.effects or ():
            if isinstance(item, tuple):
                known.setdefault(item[0], set()).add(item[1])
    return known


def split(canonical: list[Outcome], other: list[Outcome], known: dict[int, set[object]], skip: frozenset[int] = frozenset()) -> Split | None:
    """The first path of ``other`` (a legacy-world value walked by :class:`ThroughWalker`) that is not the body.

    ``canonical``: the paths of the legacy value; ``known``: test id -> the ways the legacy value took it (its ifs
    on the mode; the paths' own marks are added). A path that took every test on the mode as the legacy value did
    is the body when the legacy value has a path ending at the same statement the same way whose effects all ran on
    it too. A path that went another way at such a test (``if mode != "legacy":``, another ``case``) is the body
    only when, from that test on, it runs what some path of the legacy value through the same test to the same end
    runs once the test's statement is over (``warnings.warn(...)`` and then the work; the legacy value's own
    ``logger.info`` in its branch is not the body), or everything that path runs when all its work is in its own
    branch (``if mode == "legacy": start() else: report()``). A path of the legacy value that leaves the test only
    back to the head of a loop does not count (what ends there is the loop never running). ``skip``: ids of nodes
    whose paths are judged elsewhere (the guard's own heartbeat branch, which the guard rules name better)."""
    if canonical and not other:
        return Split(None, "none")
    known = {key: set(ways) for key, ways in known.items()}
    for key, ways in _markers(canonical).items():
        known.setdefault(key, set()).update(ways)
    for outcome in other:
        if id(outcome.node) in skip:
            continue
        if outcome.kind == "unknown" and outcome.category in (MODE_CATEGORY, "world"):
            return Split(outcome, "mode")
        effects = outcome.effects or ()
        deviation = next((item for item in effects if isinstance(item, tuple) and item[1] not in known.get(item[0], ())), None)
        if deviation is None:
            ran = _ran(effects)
            if any(_end(k) == _end(outcome) and _ran(k.effects or ()) <= ran for k in canonical):
                continue
        else:
            ran_after = _after(effects, deviation) or frozenset()
            inside = _INSIDE.get(deviation[0], (None, frozenset()))[1]
            body = False
            for k in canonical:
                after = _after(k.effects or (), deviation[0]) if _end(k) == _end(outcome) else None
                if after is None:
                    continue
                required = (after - inside) or after
                if required <= ran_after:
                    body = True
                    break
            if body:
                continue
        if outcome.kind == "unknown" and outcome.category == HANG_CATEGORY:
            return Split(outcome, "hang")
        return Split(outcome, "ends")
    return None
