"""Turn the walks of one function under every value of the mode variable into a verdict with rule hits.

The proof is the walk itself: the function is guarded when, for every value
of the value space (:func:`heartbeat.mode.value_space`) that the heartbeat's
own predicate puts in the heartbeat world, every path returns or raises
before a side effect, and for every other value some path reaches the body —
exactly one world runs, for every value (values a walk cannot tell apart share
that walk, see :mod:`thor_guard.verifier.value_classes`). Before walking, the entry point's
own binding is proven (decorators, class-body or module rebinding, a package
shadowing its module). The rule codes (TG001–TG007, TG009, TG012; TG000 for
malformed suppressions) only explain *why* a function is not guarded;
whenever the walk fails at least one hit is produced, so ``guarded`` never
claims more than the walk proved.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Sequence
from dataclasses import replace

import libcst as cst
from libcst.metadata import MetadataWrapper

from thor_guard.suggest import did_you_mean
from thor_guard.verifier.context import VerifierContext
from thor_guard.verifier.evaluate import _LIBRARY_CLASS_DECORATORS as LIBRARY_CLASS_DECORATORS
from thor_guard.verifier.evaluate import EnvRead, Evaluator, Trace, class_hierarchy_problem, function_patch_problem
from thor_guard.verifier.facts import ModuleFacts, code_of
from thor_guard.verifier.model import FunctionVerdict, RuleHit, TableRow
from thor_guard.verifier.overloads import OVERLOAD_STUB, is_overload_stub, overload_family
from thor_guard.verifier.paths import CallAnalysis, GuardTest, Outcome, UnknownTest, Walker, has_exit, reason_clause, receiver_of
from thor_guard.verifier.scopes import OwnScopeVisitor
from thor_guard.verifier.through import ThroughAnalysis, ThroughWalker, split
from thor_guard.verifier.value_classes import SharedWalk, class_key, shareable
from thor_guard.verifier.values import Builtin, Function, Module, comparand_spellings, is_concrete, observing
from thor_guard.verifier.suppression import function_suppressions

_FACTS_CACHE: dict[int, tuple[MetadataWrapper, ModuleFacts]] = {}
_FACTS_CACHE_SIZE = 8
_LITERAL_ROUNDS = 3
"""Rounds of adding compared-with strings to the values walked (a comparison reached only under an added value)."""
_MAX_ADDED_VALUES = 64
"""Values added per round (a guard compares with a handful of strings, each in ~9 spellings)."""


PLAIN_METACLASSES = frozenset({"abc.ABCMeta"})
"""Standard-library metaclasses whose class creation keeps every function of the body as it is (``ABCMeta.__new__``
calls ``type.__new__`` and only computes ``__abstractmethods__``; ``register``/``__instancecheck__`` change nothing
the entry point runs). What ``abc.ABC`` as a base already gives (FA9-16)."""


def _plain_metaclass(probe: Evaluator, expression: cst.BaseExpression) -> bool:
    """``metaclass=`` names ``type`` or a proven :data:`PLAIN_METACLASSES` member (a project ``abc.py`` first on the
    path, or a store on it in the import walk, is not proven)."""
    try:
        meta = probe.evaluate(expression)
    except Exception:  # EvalError: not proven
        return False
    if meta == Builtin("type"):
        return True
    return isinstance(meta, Module) and meta.dotted in PLAIN_METACLASSES and not probe._unproven_library(meta.dotted)


def module_facts(wrapper: MetadataWrapper, context: VerifierContext) -> ModuleFacts:
    """Facts for ``wrapper``'s module, cached while the same wrapper is used for many functions."""
    cached = _FACTS_CACHE.get(id(wrapper))
    if (
        cached is not None and cached[0] is wrapper and cached[1].name == context.module and cached[1].source is context.source
        and cached[1].star_exports == context.resolver.star_exports
    ):
        return cached[1]
    facts = ModuleFacts(context.module, context.path, wrapper, is_package=context.is_package, source=context.source, star_exports=context.resolver.star_exports)
    if len(_FACTS_CACHE) >= _FACTS_CACHE_SIZE:
        _FACTS_CACHE.pop(next(iter(_FACTS_CACHE)))
    _FACTS_CACHE[id(wrapper)] = (wrapper, facts)
    return facts


def _describe(env: str | None, context: VerifierContext) -> str:
    return f"{context.env_var} unset" if env is None else f"{context.env_var}={env}"


class _LazyOutcomes(dict):  # type: ignore[type-arg]
    """``value -> outcomes``, walking a value the first time it is asked for."""

    def __init__(self, walk: object) -> None:
        super().__init__()
        self._walk = walk

    def __missing__(self, env: str | None) -> list[Outcome]:
        outcomes = self._walk(env)  # type: ignore[operator]
        self[env] = outcomes
        return outcomes


class _Walks:
    """The walks of one function under every value of the value space (strict or lenient)."""

    _ANALYSIS: type[CallAnalysis] = CallAnalysis
    _WALKER: type[Walker] = Walker

    def __init__(self, facts: ModuleFacts, function: cst.FunctionDef, context: VerifierContext, *, lenient: bool) -> None:
        self.context = context
        space = context.value_space
        self.worlds: dict[str | None, str] = {row.value: row.world for row in space}
        self.kinds: dict[str | None, str] = {row.value: row.kind for row in space}
        classic = (*context.heartbeat_environments, *context.legacy_environments)
        self.envs: tuple[str | None, ...] = (*classic, *(row.value for row in space if row.value not in classic))
        self.outcomes: dict[str | None, list[Outcome]] = _LazyOutcomes(self._walk)
        self.guard_tests: dict[int, GuardTest] = {}
        self.unknown_tests: dict[int, UnknownTest] = {}
        self.reads: list[EnvRead] = []
        self.swallowed: list[tuple[cst.CSTNode, cst.BaseExpression]] = []
        """Heartbeat-world raises a ``contextlib.suppress`` around them may swallow (see :attr:`Walker.swallowed`)."""
        self.assumptions: set[str] = set()
        self.mode_branches: dict[str | None, dict[int, tuple[cst.CSTNode, set[bool]]]] = {}
        """Per value walked: the decided tests on the mode variable and which way they went (:attr:`Walker.mode_branches`)."""
        self._facts, self._function, self._lenient = facts, function, lenient
        self._owner = facts.enclosing_class(function)
        self._receiver = receiver_of(function) if self._owner is not None else None
        self._context_manager = _is_context_manager(facts, function)
        self._reused: list[Outcome] | None = None
        self._shared: dict = {}
        self._literals_added = 0
        self._guard_index: int | None = None
        self._guard_index_key: tuple[int, int] | None = None
        self._classes: dict[tuple[bool, str], list[SharedWalk]] = {}
        """Walks that may serve other values, by :func:`~thor_guard.verifier.value_classes.class_key`."""
        self._calls = 0
        self._through: _ThroughWalks | None = None

    def _walk(self, env: str | None) -> list[Outcome]:
        """Walk under ``env`` (on first use: a function rejected on a classic value never walks the rest).

        A value the walk of another value of its class cannot tell apart from that value gets that walk
        (:mod:`thor_guard.verifier.value_classes`): the same outcomes and the same guard tests, reads and
        assumptions, exactly what walking it again would give."""
        if self._reused is not None:
            return self._reused  # a walk never read the mode variable: every value walks alike
        key = class_key(env, self.worlds[env])
        if SHARE_WALKS:
            for shared in self._classes.get(key, ()):
                if shared.covers(env):
                    if VERIFY_SHARED_WALKS:
                        _verify_shared(self, env, shared)
                    return self._take(env, shared)
        walked = self._walk_value(env, self._shared)
        if shareable(walked.observations, walked.outcomes, walked.reads, walked.guard_tests, self._calls):
            self._classes.setdefault(key, []).append(walked)
        return self._take(env, walked)

    def _walk_value(self, env: str | None, shared: dict) -> SharedWalk:  # type: ignore[type-arg]
        """Really walk the function under ``env``, noting what the walk read of the value's text."""
        analysis = self._ANALYSIS(self.context, env, shared)
        analysis.yields_pure = self._context_manager
        walker = self._WALKER(self._facts, analysis, lenient=self._lenient, owner=self._owner, receiver=self._receiver)
        trace = Trace()
        observations: list[tuple] = []  # type: ignore[type-arg]
        previous = observing(observations)
        try:
            outcomes = walker.run(self._function, trace=trace)
        finally:
            observing(previous)
        self._calls = analysis.calls
        return SharedWalk(
            observations, outcomes, frozenset(trace.assumptions), dict(walker.guard_tests), dict(walker.unknown_tests),
            list(walker.reads), list(walker.swallowed), walker.mode_branches,
        )

    def _take(self, env: str | None, walked: SharedWalk) -> list[Outcome]:
        """Add what one walk under ``env`` found to the function's guard tests, reads and assumptions."""
        outcomes = walked.outcomes
        self.assumptions |= walked.assumptions
        self.mode_branches[env] = walked.mode_branches
        heartbeat_world = self.worlds[env] == "heartbeat"
        for index, test in walked.guard_tests.items():
            if test.error is not None and not heartbeat_world and test.error.category == "construct":
                test = replace(test, error=None)  # only a heartbeat-world failure needs the explanation
            known = self.guard_tests.get(index)
            if known is None or (known.error is None and test.error is not None):
                self.guard_tests[index] = test
        for index, unknown in walked.unknown_tests.items():
            self.unknown_tests.setdefault(index, unknown)
        self.reads.extend(walked.reads)
        if heartbeat_world:
            self.swallowed.extend(walked.swallowed)
        if not any(r.variable == self.context.env_var for r in walked.reads):
            self._reused = outcomes
        return outcomes

    def walk_all(self) -> None:
        for env in self.envs:
            self.outcomes[env]  # noqa: B018 - fills the lazy mapping

    @property
    def heartbeat_values(self) -> list[str | None]:
        return [env for env in self.envs if self.worlds[env] == "heartbeat"]

    @property
    def legacy_values(self) -> list[str | None]:
        return [env for env in self.envs if self.worlds[env] == "legacy"]

    def exits(self, env: str | None) -> bool:
        """Every path returns or raises (or ends) before a side effect."""
        outcomes = self.outcomes[env]
        return bool(outcomes) and all(o.kind in ("exit", "fallthrough") for o in outcomes)  # no outcome proves nothing

    def runs(self, env: str | None) -> bool:
        """Some path gets past the guard into the body (an effect, the end, or anything after the guard: the body is not judged)."""
        outcomes = self.outcomes[env]
        guard = self.guard_index
        if any(o.kind == "unknown" and o.category == "world" for o in outcomes):
            return False  # some real value takes the path the table could not decide: it may stop the starter
        if any(o.kind == "effect" or (o.kind == "unknown" and o.category != "world" and guard is not None and o.index > guard) for o in outcomes):
            return True
        # Every path of this value ends quietly. That is running only when no legacy value reaches an effect either
        # (an effect-free body); otherwise a later test on the mode (`if mode == "legacy": return` after the guard)
        # stops the starter for this value while the heartbeat refuses it: neither world runs.
        # A test the value table cannot decide ("world") never counts as running.
        if self.legacy_effects:
            return False
        return any(o.kind == "fallthrough" or (guard is not None and o.index > guard and o.category != "world") for o in outcomes)

    @property
    def legacy_effects(self) -> bool:
        """Some legacy-world value walked reaches a side effect (the body does something)."""
        if "legacy_effects" not in self._shared or self._shared["legacy_effects"][0] != len(self.envs):
            found = any(o.kind == "effect" for env in self.legacy_values for o in self.outcomes[env])
            self._shared["legacy_effects"] = (len(self.envs), found)
        return bool(self._shared["legacy_effects"][1])

    @property
    def guard_index(self) -> int | None:
        """Top-level index of the first condition on the mode variable that can exit (None before any walk found one)."""
        key = len(self.guard_tests), sum(t.error is not None for t in self.guard_tests.values())
        if self._guard_index_key != key:
            mode = [i for i, t in self.guard_tests.items() if any(r.variable == self.context.env_var for r in t.reads) and has_exit(t.node)]
            self._guard_index = min(mode) if mode else None
            self._guard_index_key = key
        return self._guard_index

    @property
    def guarded(self) -> bool:
        for env in self.envs:  # classic values first: most rejections need no more walks
            if not (self.exits(env) if self.worlds[env] == "heartbeat" else self.runs(env)):
                return self.harmless
        if self._add_literal_values():
            return self.guarded
        return self.legacy_split() is None

    def legacy_split(self) -> tuple[str | None, cst.CSTNode, str] | None:
        """A legacy-world value whose walk does not run the starter's body as the legacy value does: the value, the
        node to name and what it does there; None when there is none.

        The heartbeat runs for no legacy-world value, so each must run the starter as the legacy value does. The
        question is semantic (hostile review 10, R10-6/R10-9): each legacy-world value is walked past every effect
        (:mod:`thor_guard.verifier.through`) and each of its paths must be a path of the legacy value, ending at the
        same statement the same way with at least the same effects run. ``if mode != "legacy": print(...); return``,
        an ``else:`` that reports and falls off the end, a ``break`` out of the loop holding the work, a helper that
        reports and raises, ``INTERVALS[mode]`` (KeyError), ``getattr(self, f"_start_{mode}")()``, a wait loop on
        the variable: each stops the starter for ``''`` or ``'bogus'`` while the heartbeat refuses them, so neither
        world runs. Logic after the guard that does not depend on the value ends alike for every value. Only when
        the body does something (:attr:`legacy_effects`).
        """
        if not self.legacy_effects:
            return None
        if "legacy_split" in self._shared and self._shared["legacy_split"][0] == len(self.envs):
            return self._shared["legacy_split"][1]  # type: ignore[no-any-return]
        found = self._legacy_split()
        self._shared["legacy_split"] = (len(self.envs), found)
        return found

    def _legacy_split(self) -> tuple[str | None, cst.CSTNode, str] | None:
        through = self._through
        if through is None:
            through = self._through = _ThroughWalks(self._facts, self._function, self.context, lenient=False)
        through.worlds, through.kinds = self.worlds, self.kinds  # the same values, also those added later
        through.envs = self.envs
        canonical = self.context.legacy_value
        reference = through.outcomes[canonical]
        # The guard itself is judged by the guard rules ("the guard returns for ''"), which name it better.
        guard = self.guard_tests.get(self.guard_index) if self.guard_index is not None else None
        skip = _heartbeat_branch(guard.node) if guard is not None else frozenset()
        known: dict[int, set[object]] = {key: set(ways) for key, (node, ways) in through.mode_branches.get(canonical, {}).items() if isinstance(node, cst.If)}
        # Name first a value that is not a spelling of the legacy value (all are checked; '' reads best).
        ordered = sorted(self.legacy_values, key=lambda v: v is not None and v.strip().lower() == canonical.lower())
        for env in ordered:
            if env == canonical or self.worlds.get(env) != "legacy":
                continue
            found = split(reference, through.outcomes[env], known, skip)
            if found is None:
                continue
            outcome = found.outcome
            if found.why == "none" or outcome is None:
                return env, self._function.name, "no path of the starter ever ends for it"
            if found.why == "hang":
                return env, outcome.node, f"{outcome.reason} for it"
            if found.why == "mode":
                return env, outcome.node, f"the verifier cannot follow what the value does there: {outcome.reason}; that may stop the starter for it"
            taken = through.mode_branches.get(env, {})
            known = through.mode_branches.get(canonical, {})
            for key, (node, ways) in taken.items():
                if guard is not None and node is guard.node:
                    continue
                if isinstance(node, cst.MatchCase):
                    ways = ways & {True}  # name the case the value entered, not the ones it passed over
                if any(key not in known or way not in known[key] for way in ways):
                    stop = node.test if isinstance(node, cst.If) else node.pattern if isinstance(node, cst.MatchCase) else node
                    return env, stop, f"'{code_of(stop)}' ends the starter for it"
            if outcome.kind == "crash":
                return env, outcome.node, f"'{code_of(outcome.node)}' raises {outcome.exception or 'an exception'} for it"
            if outcome.raised:
                return env, outcome.node, f"'{code_of(outcome.node)}' raises for it"
            where = "the end of the function" if outcome.kind == "fallthrough" else f"'{code_of(outcome.node)}'"
            return env, outcome.node if outcome.kind != "fallthrough" else self._function.name, f"its path reaches {where} without running the starter's body"
        return None

    def _add_literal_values(self) -> bool:
        """Add the strings the mode value is compared with, and their spellings, to the values walked.

        Sources: the function's own string literals, and every string a walk
        compared the mode value (or its case fold/strip) with, also inside
        helpers and computed ones (``"heartbeat"[:-1]``). New comparands found
        while walking the added values add another round (at most
        :data:`_LITERAL_ROUNDS`).
        """
        if self._literals_added >= _LITERAL_ROUNDS:
            return False
        self._literals_added += 1
        from heartbeat.mode import classify, world_of

        literals = _string_literals(self._function) if self._literals_added == 1 else []
        heartbeat = self.context.heartbeat_value
        if any(v.lower() == heartbeat.lower() for v in literals):
            # The guard names spellings: try the ones with a single capital letter too (the table has only a few).
            literals += [heartbeat[:i] + heartbeat[i].upper() + heartbeat[i + 1 :] for i in range(len(heartbeat))] + [heartbeat.swapcase().capitalize()]
        for comparand in sorted(self._shared.get("comparands", ())):
            literals += comparand_spellings(comparand)
        found = [v for v in dict.fromkeys(literals) if v not in self.worlds]
        for value in found[:_MAX_ADDED_VALUES]:
            self.worlds[value] = world_of(value, self.context.heartbeat_value)
            self.kinds[value] = classify(value, self.context.heartbeat_value, self.context.legacy_value)
            self.envs = (*self.envs, value)
        return bool(found)

    @property
    def harmless(self) -> bool:
        """No path at all, whatever its conditions say, reaches a side effect: a body without effects needs no guard."""
        if "harmless" not in self._shared:
            if not all(self.exits(env) for env in self.envs):
                self._shared["harmless"] = False
                return False
            walker = Walker(self._facts, CallAnalysis(self.context, None, {}), owner=self._owner, receiver=self._receiver)
            walker.all_paths = True
            outcomes = walker.run(self._function, trace=Trace())
            self._shared["harmless"] = bool(outcomes) and all(o.kind in ("exit", "fallthrough") for o in outcomes)
        return bool(self._shared["harmless"])


class _ThroughWalks(_Walks):
    """The walks of :mod:`thor_guard.verifier.through`: every effect set aside, each path followed to its real end."""

    _ANALYSIS = ThroughAnalysis
    _WALKER = ThroughWalker


def _heartbeat_branch(guard: cst.CSTNode) -> frozenset[int]:
    """Ids of the nodes in the guard's own first branch (``if mode == "heartbeat": <this>``)."""
    body = guard.body if isinstance(guard, (cst.If, cst.MatchCase)) else None
    if isinstance(guard, cst.Match) and guard.cases:
        body = guard.cases[0].body
    return frozenset(id(n) for n in _walk(body)) if body is not None else frozenset()


SHARE_WALKS = True
"""Share a walk among the values it cannot tell apart (:mod:`thor_guard.verifier.value_classes`); tests switch it off
to compare."""
VERIFY_SHARED_WALKS = False
"""Tests: walk every shared value again and fail when the walk differs from the one it was given."""


def _verify_shared(walks: _Walks, env: str | None, shared: SharedWalk) -> None:
    """Walk ``env`` for real (on a copy of the shared call memo) and raise AssertionError unless it matches ``shared``."""
    copied = dict(walks._shared)
    copied["comparands"] = set(copied.get("comparands", ()))
    real = walks._walk_value(env, copied)
    if _comparable(real) != _comparable(shared):
        raise AssertionError(f"the walk shared with {env!r} differs from its own walk: {_comparable(real)} != {_comparable(shared)}")


def _comparable(walked: SharedWalk) -> tuple:  # type: ignore[type-arg]
    def outcome(o: Outcome) -> tuple:  # type: ignore[type-arg]
        value = o.value if is_concrete(o.value) else type(o.value).__name__
        return (o.kind, o.index, id(o.node), o.reason, value, o.raised, o.exception, o.category)

    def read(r: EnvRead) -> tuple:  # type: ignore[type-arg]
        return (r.variable, id(r.node), r.kind, r.has_default, r.default if is_concrete(r.default) else type(r.default).__name__)

    return (
        [outcome(o) for o in walked.outcomes],
        sorted(walked.assumptions),
        sorted((i, id(t.node), tuple(read(r) for r in t.reads), None if t.error is None else (t.error.reason, t.error.category)) for i, t in walked.guard_tests.items()),
        sorted((i, id(t.node), t.error.reason) for i, t in walked.unknown_tests.items()),
        [read(r) for r in walked.reads],
        [(id(a), id(b)) for a, b in walked.swallowed],
        sorted((key, tuple(sorted(taken))) for key, (_, taken) in walked.mode_branches.items()),
    )


def is_guarded(wrapper: MetadataWrapper, function: cst.FunctionDef, context: VerifierContext) -> bool:
    """Cheap yes/no for ``audit``: does ``function`` provably exit first in heartbeat mode and run in legacy mode?

    Suppression comments are not consulted; only the proof counts.
    """
    facts = module_facts(wrapper, context)
    family = overload_family(facts, function, context)
    if family is not None and function is not family.implementation:
        function = family.implementation  # calling the name runs the implementation, never a stub
    if _entry_problem(facts, function, context) is not None:
        return False
    return _Walks(facts, function, context, lenient=False).guarded


def _entry_problem(facts: ModuleFacts, function: cst.FunctionDef, context: VerifierContext) -> RuleHit | None:
    """TG009 when what a call of the entry point runs is not provably this function's body."""
    owner = facts.enclosing_class(function)
    probe = Evaluator(facts, CallAnalysis(context, None), {}, Trace())
    problem = probe.decorator_problem(Function(facts, function, function.name.value, owner), helper=False)
    if problem is not None:
        return RuleHit("TG009", f"cannot verify the entry point: {problem}", function.decorators[0])
    name = function.name.value
    if owner is not None:
        qualname = facts.class_qualname(owner)
        overloaded = overload_family(facts, function, context) is not None
        hit = _class_problem(facts, probe, context, owner, name, function.name, overloaded=overloaded)
        if hit is not None:
            return hit
        # `Services.Feed.start`: each enclosing class binds the next class of the path in its body, and the same
        # things that can replace a method there can replace the inner class (a rebinding `Feed = X` in the body,
        # a decorator or metaclass of the outer class, an `__init_subclass__` of its base; hostile review 14)
        parts = qualname.split(".") if qualname is not None else []
        for depth in range(len(parts) - 1, 0, -1):
            enclosing = facts.class_named(".".join(parts[:depth]))
            if enclosing is None:
                return RuleHit("TG009", f"cannot verify the entry point: the class {'.'.join(parts[:depth])} that holds {parts[depth]} is not found", function.name)
            hit = _class_problem(facts, probe, context, enclosing, parts[depth], function.name, overloaded=False)
            if hit is not None:
                return hit
    elif _is_module_level(facts, function) or facts.bindings.bindings(name):
        rebinding = facts.bindings.problem(name)
        if rebinding is not None and overload_family(facts, function, context) is not None:
            rebinding = None  # the earlier defs are proven typing.overload stubs, this def is the last binding
        if rebinding is not None:
            return RuleHit("TG009", f"cannot verify the entry point: {rebinding}", function.name)
    # A module of the import walk (the parent package's __init__, a circular import) may wrap or replace the entry
    # point itself: `feed.start = instrumented(feed.start)` (hostile review 5, R5-8).
    qualified = facts.class_qualname(owner) if owner is not None else None
    dotted = f"{facts.name}.{qualified}.{name}" if qualified is not None else f"{facts.name}.{name}"
    if owner is None or qualified is not None:
        patched = probe.walk_patch(dotted)
        if patched is not None:
            return RuleHit("TG009", f"cannot verify the entry point: {patched}", function.name)
    patched = function_patch_problem(facts, name, method=owner is not None)  # `_f = Feed.start; _f.__code__ = …` (review 6, R6-25)
    if patched is not None:
        return RuleHit("TG009", f"cannot verify the entry point: {patched}", function.name)
    path = context.path
    if path is not None and path.suffix == ".py" and path.name != "__init__.py":
        package = path.with_suffix("") / "__init__.py"
        if package.is_file():
            return RuleHit("TG009", f"cannot verify the entry point: the package {package.parent.name}/ shadows {path.name}, so importing {context.module} runs {package} instead", function.name)
    return None


def _class_problem(
    facts: ModuleFacts, probe: Evaluator, context: VerifierContext, owner: cst.ClassDef, name: str, anchor: cst.CSTNode, *, overloaded: bool
) -> RuleHit | None:
    """TG009 when something but ``owner``'s own body may decide what ``owner.name`` is when the class statement has
    run: a class decorator, a metaclass, a ``global``/``nonlocal`` declaration of ``name``, another binding of it in
    the body or the module (``overloaded``: the earlier defs are proven ``typing.overload`` stubs), a hazard of the
    module, or the class hierarchy (``__init_subclass__``, ``self.<name> = ...``). ``name`` is the entry point's
    method for its own class, or the next class of the path for an enclosing one."""
    for decorator in owner.decorators:
        names = Evaluator.decorator_names(facts, decorator.decorator.func if isinstance(decorator.decorator, cst.Call) else decorator.decorator)
        if names & LIBRARY_CLASS_DECORATORS and not any(probe._unproven_library(n) for n in names & LIBRARY_CLASS_DECORATORS):
            # @dataclasses.dataclass, @functools.total_ordering, @enum.unique, @typing.final,
            # @typing.runtime_checkable add dunders the body does not define (or nothing) and never replace a
            # method the body defines (dataclass(slots=True) rebuilds the class with the same function
            # objects), as on a base (FA8-5, review 8). What they add is seen elsewhere: a decorated class's
            # dunders are all unknown (class_dunders: '*'), and its class attributes are not proven literals
            # (a dataclass field's default is what __init__ stores on the instance, any value).
            continue
        if not names & set(context.transparent_decorators):
            return RuleHit("TG009", f"cannot verify the entry point: the class decorator '@{code_of(decorator.decorator)}' may replace {name}", decorator)
    for keyword in owner.keywords:
        if keyword.keyword is not None and keyword.keyword.value == "metaclass":
            if _plain_metaclass(probe, keyword.value):
                continue  # abc.ABCMeta / type: the class statement keeps the body's functions (FA9-16)
            return RuleHit("TG009", f"cannot verify the entry point: the metaclass '{code_of(keyword.value)}' may replace {name}", keyword)
    declared = _class_body_declarations(owner)
    if name in declared:
        # `global start` in the class body makes the `def start` below bind the module name, so the class's
        # start is whatever else it has or inherits (hostile review 6, R6-13)
        return RuleHit("TG009", f"cannot verify the entry point: the class body declares '{name}' {declared[name]}, so the def binds the {'module' if declared[name] == 'global' else 'enclosing function'}'s name, not {owner.name.value}.{name}", anchor)
    qualname = facts.class_qualname(owner)
    rebinding = facts.bindings.class_problem(qualname, name) if qualname is not None else None
    if rebinding is not None and overloaded:
        rebinding = None  # the earlier defs are proven typing.overload stubs, this def is the last binding
    if rebinding is None and qualname is not None and facts.bindings.bindings(qualname.split(".")[0]):
        rebinding = facts.bindings.problem(qualname.split(".")[0])
    if rebinding is None and qualname is not None:
        hazard = facts.bindings.hazard_for(qualname.split(".")[0])
        if hazard is not None and hazard.names is not None:
            rebinding = f"{hazard.kind} at line {hazard.line} ('{hazard.text}') can replace {qualname}.{name}"
    if rebinding is None:
        rebinding = class_hierarchy_problem(probe, owner, name)  # __init_subclass__, self.start = ..., metaclasses
    if rebinding is not None:
        return RuleHit("TG009", f"cannot verify the entry point: {rebinding}", anchor)
    return None


def _string_literals(function: cst.FunctionDef) -> list[str]:
    """Short string literals in ``function`` (the values a guard may single out), in source order."""
    found: list[str] = []

    class _Strings(cst.CSTVisitor):
        def visit_SimpleString(self, node: cst.SimpleString) -> None:
            value = node.evaluated_value
            if isinstance(value, str) and len(value) <= 40 and value not in found:
                found.append(value)

    function.body.visit(_Strings())
    return found


def _class_body_declarations(owner: cst.ClassDef) -> dict[str, str]:
    """Names a ``global``/``nonlocal`` statement in ``owner``'s own body scope declares (nested defs and classes have
    their own scopes), mapped to the keyword."""
    found: dict[str, str] = {}

    class _Declarations(OwnScopeVisitor):
        def visit_Global(self, node: cst.Global) -> None:
            found.update((n.name.value, "global") for n in node.names)

        def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
            found.update((n.name.value, "nonlocal") for n in node.names)

    owner.body.visit(_Declarations())
    return found


def is_context_manager(wrapper: MetadataWrapper, function: cst.FunctionDef, context: VerifierContext) -> bool:
    """Whether the verifier takes ``function`` for a context-manager generator (decorated, or wrapped by a call in its
    module): its heartbeat exit must then yield once first. ``apply`` asks before it writes such a guard."""
    return _is_context_manager(module_facts(wrapper, context), function)


def _is_context_manager(facts: ModuleFacts, function: cst.FunctionDef) -> bool:
    """``function`` is a generator used as a context manager: decorated ``@contextmanager``, or wrapped by a call in its
    own module (:func:`_wrapped_by_call`)."""
    from thor_guard.verifier.effects import CONTEXT_MANAGER_DECORATORS

    decorated = any(
        Evaluator.decorator_names(facts, d.decorator.func if isinstance(d.decorator, cst.Call) else d.decorator) & CONTEXT_MANAGER_DECORATORS
        for d in function.decorators
    )
    return decorated or _wrapped_by_call(facts, function)


def _wrapped_by_call(facts: ModuleFacts, function: cst.FunctionDef) -> bool:
    """``start = contextlib.contextmanager(_start)`` (or ``contextmanager(_start)``) in ``function``'s own module: the
    decorator by a call (review AR3-5). A ``with start():`` then needs ``_start`` to yield once in heartbeat mode just as
    the decorated form does, so both get the same rules (TG005 for a return before the yield, R9-15).

    Counted: a call whose callee is proven to be ``contextlib.contextmanager``/``asynccontextmanager`` and whose first
    argument names this ``def`` — its name in the scope that binds it (the module for a module-level function, the
    class body for a method), or ``Owner.name`` at module level for a method. Only statements of the module and of
    the owner's body are read (also inside ``if``/``try``/``with`` there), not function bodies: a wrapping built in a
    function or in another module is not seen (docs/check.md).
    """
    from thor_guard.verifier.effects import CONTEXT_MANAGER_DECORATORS

    name = function.name.value
    owner = facts.enclosing_class(function)
    if owner is None and not _is_module_level(facts, function):
        return False
    wanted: list[tuple[cst.CSTNode, Callable[[cst.BaseExpression], bool]]] = []
    if owner is None:
        wanted.append((facts.module, lambda arg: isinstance(arg, cst.Name) and arg.value == name))
    else:
        wanted.append((owner.body, lambda arg: isinstance(arg, cst.Name) and arg.value == name))
        if any(statement is owner for statement in facts.module.body):
            wanted.append((
                facts.module,
                lambda arg: isinstance(arg, cst.Attribute) and arg.attr.value == name and isinstance(arg.value, cst.Name) and arg.value.value == owner.name.value,
            ))
    for scope, matches in wanted:
        for call in _scope_calls(scope):
            first = call.args[0] if call.args else None
            if first is None or first.star or first.keyword is not None or not matches(first.value):
                continue
            if Evaluator.decorator_names(facts, call.func) & CONTEXT_MANAGER_DECORATORS:
                return True
    return False


def _scope_calls(scope: cst.CSTNode) -> list[cst.Call]:
    """The calls in ``scope``'s own statements (``scope`` a module or a class body), not inside a nested def, class or lambda."""
    found: list[cst.Call] = []

    class _Calls(cst.CSTVisitor):
        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            found.extend(_decorator_calls(node.decorators))
            return False

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            if node is scope:
                return True
            found.extend(_decorator_calls(node.decorators))
            return False

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            return False

        def visit_Call(self, node: cst.Call) -> None:
            found.append(node)

    scope.visit(_Calls())
    return found


def _decorator_calls(decorators: Sequence[cst.Decorator]) -> list[cst.Call]:
    return [d.decorator for d in decorators if isinstance(d.decorator, cst.Call)]


def _exit_before_yield(function: cst.FunctionDef, walks: _Walks) -> cst.CSTNode | None:
    """For a ``@contextmanager`` entry point: a heartbeat-world ``return`` (or the end of the body) reached without a
    ``yield`` before it (review 9, R9-15). ``contextlib`` then raises ``RuntimeError("generator didn't yield")`` from
    ``__enter__`` in the caller: the starter crashes its caller instead of doing nothing. A ``yield`` counts only as
    a statement that surely ran before the exit (an earlier statement of the exit's own block or of an enclosing
    one); a raise is the guard's deliberate exit and reaches the caller as it would from a plain function."""
    for env in walks.heartbeat_values:
        for outcome in walks.outcomes[env]:
            if outcome.kind == "fallthrough":
                return function.name
            if outcome.kind == "exit" and not outcome.raised and not _yield_before(function, outcome.node):
                return outcome.node
    return None


def _yield_before(function: cst.FunctionDef, target: cst.CSTNode) -> bool:
    """A statement that holds a ``yield`` runs before ``target`` in its block or an enclosing block."""

    class _Path(cst.CSTVisitor):
        def __init__(self) -> None:
            self.stack: list[cst.CSTNode] = []
            self.found: list[cst.CSTNode] | None = None

        def on_visit(self, node: cst.CSTNode) -> bool:
            if self.found is not None or isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)) and node is not function:
                return False
            self.stack.append(node)
            if node is target:
                self.found = list(self.stack)
            return True

        def on_leave(self, original_node: cst.CSTNode) -> None:
            if self.stack and self.stack[-1] is original_node:
                self.stack.pop()

    path = _Path()
    function.visit(path)
    if path.found is None:
        return False
    for parent, child in zip(path.found, path.found[1:]):
        body = getattr(parent, "body", None)
        statements = body if isinstance(body, (list, tuple)) else None
        if statements is None or child not in statements:
            continue
        for statement in statements[: list(statements).index(child)]:
            if isinstance(statement, cst.SimpleStatementLine) and any(isinstance(n, cst.Yield) for small in statement.body for n in _walk(small)):
                return True
    return False


def _walk(node: cst.CSTNode) -> list[cst.CSTNode]:
    found = [node]
    for child in node.children:
        found.extend(_walk(child))
    return found


def _is_module_level(facts: ModuleFacts, function: cst.FunctionDef) -> bool:
    return any(statement is function for statement in facts.module.body)


def verify_function(
    wrapper: MetadataWrapper,
    function: cst.FunctionDef,
    qualname: str,
    context: VerifierContext,
) -> FunctionVerdict:
    """Prove or refute that ``function`` (a node of ``wrapper.module``) is guarded.

    ``wrapper`` is the MetadataWrapper of the whole module the function lives in
    (``CodemodContext.wrapper`` in a codemod); the providers in
    :data:`~thor_guard.verifier.REQUIRED_METADATA` are resolved on it.
    """
    facts = module_facts(wrapper, context)
    if is_overload_stub(facts, function, context):
        # Never run: the implementation bound after it is what a call runs, and it is verified on its own.
        return FunctionVerdict(qualname=qualname, function=function, hits=(), assumptions=frozenset({OVERLOAD_STUB}))
    entry = _entry_problem(facts, function, context)
    if entry is not None:
        probe = _Walks(facts, function, context, lenient=False)
        probe.outcomes[None]  # one walk tells whether anything reads the mode variable
        if not _guard_candidate(function, probe, context):
            # No guard at all, and what a call runs is not provably this body (a conditional or duplicate def, an
            # NFKC twin, a star import, a replacing decorator): the entry point's TG009 comes first, since apply
            # refuses the insert while it stands and `check` must not advise an apply that refuses (review AR3-2,
            # AR3-7). The TG001 stays beside it, so suppressing or filtering the TG009 never hides the missing guard.
            missing = _missing_guard(function, context, None, blocked=True)
            return _apply_suppressions(function, qualname, [entry, missing], None, None, None)
        # The walk goes on as if the entry point's premise held (the decorator transparent, the binding proven):
        # its other findings are reported too, so a suppression or a --ignore/--select filter of TG009 removes
        # only the TG009 and never hides a TG002 the body has as well (hostile review 6, R6-14).
        rest = _verify_body(facts, function, qualname, context)
        extra = [hit for hit in rest.hits if hit.code not in ("TG009", "TG000")]
        verdict = _apply_suppressions(function, qualname, [entry, *extra], rest.guard_index, rest.guard_start, rest.env_var_read)
        return replace(verdict, assumptions=rest.assumptions, table=rest.table)
    return _verify_body(facts, function, qualname, context)


def _verify_body(facts: ModuleFacts, function: cst.FunctionDef, qualname: str, context: VerifierContext) -> FunctionVerdict:
    """The verdict of the walks of ``function``'s body (the entry point itself taken as proven)."""
    strict = _Walks(facts, function, context, lenient=False)
    # The lenient walk only explains failures; a proven function does not need it.
    lenient = strict if strict.guarded else _Walks(facts, function, context, lenient=True)
    lenient.walk_all()
    while not strict.guarded and lenient._add_literal_values():
        lenient.walk_all()  # the strings the walks compared the mode with, in their spellings
    guard = _first(lenient.guard_tests, context) or _first(strict.guard_tests, context)
    hits: list[RuleHit] = []
    guard_index: int | None = guard.index if guard is not None else None
    env_var_read: str | None = None
    if not strict.guarded:
        hits, guard_index, env_var_read = _explain(function, qualname, context, strict, lenient, guard)
    elif guard is not None:
        env_var_read = _guard_variable(guard, context)
        stale = [r for r in _stale_reads(guard, context) if r.variable in context.stale_flags]
        if stale:
            hits.append(_stale_hit(stale[0], context))
        unyielded = _exit_before_yield(function, strict) if _is_context_manager(facts, function) else None
        if unyielded is not None:
            hits.append(RuleHit("TG005", f"'{code_of(unyielded)}' ends the @contextmanager entry point before its yield in heartbeat mode: the caller's 'with' then raises RuntimeError(\"generator didn't yield\"); in the guard's branch 'yield' once, then 'return'", unyielded))
    if guard is not None and env_var_read is None:
        env_var_read = _guard_variable(guard, context)
    guard_start = _guard_start(function, guard) if guard is not None and guard_index == guard.index else guard_index
    verdict = _apply_suppressions(function, qualname, hits, guard_index, guard_start, env_var_read)
    # The strict walks decided the verdict but stop at the first value that fails; the lenient ones skip effects to
    # explain a failure and walk every value. Show whichever names more disagreeing values (the strict on a tie).
    table = _table(strict)
    if not strict.guarded:
        other = _table(lenient)
        if sum(not r.agrees for r in other) > sum(not r.agrees for r in table):
            table = other
    return replace(verdict, assumptions=frozenset(strict.assumptions | lenient.assumptions) - _INTERNAL_MARKERS, table=table)


_INTERNAL_MARKERS = frozenset({"may raise"})
"""Trace markers that are not stated assumptions (``may raise`` only tells ``try`` that an exception is possible)."""


def _table(walks: _Walks) -> tuple[TableRow, ...]:
    """The rows of the value table that were walked, with what the function did under each (``check --explain``)."""
    rows: list[TableRow] = []
    for env in walks.envs:
        if env not in walks.outcomes:
            continue  # never walked: an earlier value already decided the verdict
        heartbeat = walks.worlds[env] == "heartbeat"
        if heartbeat:
            agrees = walks.exits(env)
            failing = next((o for o in walks.outcomes[env] if o.kind not in ("exit", "fallthrough")), None)
            outcome = "returns first" if agrees else _failed_outcome(failing)
        else:
            agrees = walks.runs(env)
            world = next((o for o in walks.outcomes[env] if o.kind == "unknown" and o.category == "world"), None)
            outcome = "runs the body" if agrees else (f"undecided: {world.reason}" if world is not None else "does not run the body (returns)")
        rows.append(TableRow(env, walks.kinds[env], walks.worlds[env], outcome, agrees))
    return tuple(rows)


def _failed_outcome(outcome: Outcome | None) -> str:
    if outcome is None:
        return "does not return first"
    what = {"effect": "reaches", "unknown": "cannot verify", "crash": "crashes at"}.get(outcome.kind, outcome.kind)
    return f"{what} '{code_of(outcome.node)}' first"


def _guard_start(function: cst.FunctionDef, guard: GuardTest) -> int:
    """The first top-level statement holding one of the reads the guard's condition depends on."""
    body = function.body
    if not isinstance(body, cst.IndentedBlock):
        return guard.index
    targets = {id(read.node) for read in guard.reads}
    for index, statement in enumerate(body.body[: guard.index]):
        finder = _NodeFinder(targets)
        statement.visit(finder)
        if finder.found:
            return index
    return guard.index


class _NodeFinder(cst.CSTVisitor):
    def __init__(self, targets: set[int]) -> None:
        self.targets = targets
        self.found = False

    def on_visit(self, node: cst.CSTNode) -> bool:
        if id(node) in self.targets:
            self.found = True
        return not self.found


def _first(tests: dict[int, GuardTest], context: VerifierContext) -> GuardTest | None:
    """The guard: the first test that reads the mode variable; else (for TG007) the first that reads another one."""
    mode = [index for index, test in tests.items() if any(r.variable == context.env_var for r in test.reads)]
    exiting = [index for index in mode if has_exit(tests[index].node)]
    if exiting or mode:
        return tests[min(exiting or mode)]
    return tests[min(tests)] if tests else None


def _guard_variable(guard: GuardTest, context: VerifierContext) -> str | None:
    variables = [r.variable for r in guard.reads if r.variable]
    if context.env_var in variables:
        return context.env_var
    return variables[0] if variables else None


def _stale_reads(guard: GuardTest, context: VerifierContext) -> list[EnvRead]:
    return [r for r in guard.reads if r.variable and r.variable != context.env_var]


def _mode_like(read: EnvRead, context: VerifierContext) -> bool:
    """A read meant to be the mode (TG007): a flag listed in ``stale-flags``, a misspelling of the mode variable
    (apply's :func:`codemods.guard_edit.is_mode_variable`), a name that contains it (``THOR_SCHEDULER_MODE_OLD``)
    or the heartbeat value (``HEARTBEAT_ENABLED``), or a read whose default is the heartbeat value
    (``os.getenv("SCHED", "heartbeat")``).

    Any other variable (``FEED_DISABLED``, ``RUN_MAIN``) is a switch of its own:
    a function whose only test reads one has no mode guard at all (TG001), and
    ``apply`` inserts the canonical guard above the switch and keeps it
    (review 6, AP1).
    """
    from codemods.guard_edit import is_mode_variable

    variable = read.variable.upper()
    if is_mode_variable(read.variable, context.env_var, tuple(context.stale_flags)):
        return True
    if context.env_var.upper() in variable or context.heartbeat_value.upper() in variable:
        return True  # THOR_SCHEDULER_MODE_OLD, HEARTBEAT_ENABLED: named after the mode or the heartbeat
    return isinstance(read.default, str) and read.default.strip().lower() == context.heartbeat_value.lower()


def _switch_only(guard: GuardTest, context: VerifierContext) -> bool:
    """The test reads environment variables, none of them the mode variable or one meant for it."""
    reads = [r for r in guard.reads if r.variable]
    return bool(reads) and not any(r.variable == context.env_var or _mode_like(r, context) for r in reads)


def _stale_hit(read: EnvRead, context: VerifierContext) -> RuleHit:
    if read.variable in context.stale_flags:
        message = (
            f"the guard reads the older opt-in flag {read.variable} (listed in stale-flags), "
            f"not {context.env_var}; migrate it to the canonical {context.env_var} guard (thor-guard apply)"
        )
    else:
        hint = did_you_mean(read.variable, [context.env_var])
        message = (
            f"the guard reads {read.variable}{hint}, not {context.env_var}: "
            f"the scheduler mode is never consulted"
        )
    return RuleHit("TG007", message, read.node)


def _explain(
    function: cst.FunctionDef,
    qualname: str,
    context: VerifierContext,
    strict: _Walks,
    lenient: _Walks,
    guard: GuardTest | None,
) -> tuple[list[RuleHit], int | None, str | None]:
    """Name why the strict walk failed. Always returns at least one hit."""
    hits: list[RuleHit] = []
    swallowed = strict.swallowed[:1] or lenient.swallowed[:1]
    if swallowed and any(not strict.exits(env) for env in strict.heartbeat_values):
        # The guard raises inside `with contextlib.suppress(...)` and the suppress may swallow it: the function goes
        # on after the with block in heartbeat mode. Name that, not what the raise constructs (review 6, SU1).
        raise_node, call = swallowed[0]
        hits.append(RuleHit(
            "TG005",
            f"'{code_of(raise_node)}' is inside 'with {code_of(call)}', which may swallow it: in heartbeat mode the "
            "function goes on after the with block; return instead, or put the guard before the with block",
            raise_node,
        ))
        return hits, guard.index if guard is not None else None, _guard_variable(guard, context) if guard is not None else None
    if guard is not None and _switch_only(guard, context):
        guard = None  # a kill switch (`if os.environ.get("FEED_DISABLED"): return`) is no mode guard: TG001
    world = _world_failure(strict)
    if guard is None and world is not None:
        hits.append(RuleHit("TG012", world.reason, world.node))
        return hits, world.index, context.env_var
    if guard is None:
        failure = _first_failure(strict, None)
        if failure is not None and failure.kind == "unknown" and failure.category in ("binding", "helper") and _guard_candidate(function, strict, context):
            hits.append(RuleHit("TG009", f"cannot verify the function: {failure.reason}", failure.node))
            return hits, failure.index, None
        # Only a condition that reads another variable is a (stale) guard; a read in the body is just data.
        tested = [r for test in sorted(lenient.guard_tests.values(), key=lambda t: t.index) for r in test.reads]
        other = [r for r in tested if r.variable and r.variable != context.env_var and _mode_like(r, context)]
        if other:
            hits.append(_stale_hit(other[0], context))
            return hits, None, other[0].variable
        legacy_exits = [env for env in context.legacy_environments if not strict.runs(env)]
        if legacy_exits and all(strict.exits(env) for env in context.heartbeat_environments):
            node = _first_exit(strict, legacy_exits[0]) or function.name
            hits.append(RuleHit("TG006", f"returns unconditionally: the legacy body never runs, not even with {_describe(legacy_exits[0], context)}", node))
            return hits, None, None
        if failure is not None and failure.kind == "crash" and failure.exception != "NameError" and len(legacy_exits) == len(context.legacy_environments):
            # An operation that raises whatever the value (`LIMITS["missing"]` on a known constant, hostile VH-6) ends
            # every path before any test of the mode: no legacy value ever runs the body. That is the "legacy body
            # never runs" rule (TG006), not a missing guard: a guard added in front would not make the legacy world run.
            # A NameError stays TG001: "undefined" may be a binding the census does not see (a walrus in a default).
            hits.append(RuleHit("TG006", f"'{code_of(failure.node)}' raises before any guard ({failure.reason}): the legacy body never runs, not even with {_describe(legacy_exits[0], context)}", failure.node))
            return hits, None, None
        effect = failure if failure is not None and failure.kind != "exit" else None
        hits.append(_missing_guard(function, context, effect))
        return hits, None, None

    variable = _guard_variable(guard, context)
    world = _world_failure(strict) or _world_failure(lenient)
    if world is not None and _late_effect(strict, guard, context) is None:
        hits.append(RuleHit("TG012", world.reason, world.node))
        return hits, guard.index, variable
    # TG002: something with a side effect runs before (or inside) the guard in heartbeat mode.
    late = _late_effect(strict, guard, context)
    if late is not None:
        if late.index == guard.index:  # moving the guard would not help: its own branch does the work
            advice = "the guard's branch may only log on a logger and exit (return or raise built-in values)"
            hits.append(RuleHit("TG002", f"'{code_of(late.node)}' runs inside the guard before it returns in heartbeat mode{_because(late)}; {advice}", late.node))
        else:
            hits.append(RuleHit("TG002", f"'{code_of(late.node)}' runs before the guard in heartbeat mode{_because(late)}; move the guard to the top of the function", late.node))

    stale = _stale_reads(guard, context)
    reads_mode = any(r.variable == context.env_var for r in guard.reads)
    if stale and (not reads_mode or any(r.variable in context.stale_flags for r in stale)):
        hits.append(_stale_hit(stale[0], context))
        return hits, guard.index, variable
    if guard.error is not None:
        hits.append(RuleHit("TG009", f"cannot verify the guard: {guard.error.reason}", guard.error.node))
        return hits, guard.index, variable
    unknown = [o for env in lenient.heartbeat_values for o in lenient.outcomes[env] if o.kind == "unknown" and o.index >= guard.index]
    if unknown:
        hits.append(RuleHit("TG009", f"cannot verify the guard: {unknown[0].reason}", unknown[0].node))
        return hits, guard.index, variable

    hits.extend(_semantic_hits(guard, context, lenient, strict))
    crash = _early_crash(strict, guard) if not hits else None
    if crash is not None:
        # The guard itself is right; a heartbeat-mode path raises before it ever runs (`int(x)` whose ValueError no
        # handler is known to catch). Not the guard's TG006 (review 7, FA7-2): the fix is to test the mode first.
        why = crash.exception or crash.reason or "an exception"
        hits.append(RuleHit("TG002", f"'{code_of(crash.node)}' raises {why} before the guard in heartbeat mode (no handler is known to catch it); move the guard to the top of the function", crash.node))
    if not hits:
        effect = _first_effect(strict, context)
        node = effect.node if effect is not None else guard.node
        # Name what a heartbeat-world path reaches (review 5, TF2: a `finally: continue` cancelling the guard's return)
        reached = f"; a heartbeat-mode path reaches {effect.reason}" if effect is not None else ""
        hits.append(RuleHit("TG009", f"cannot prove that the function returns first in heartbeat mode and runs in legacy mode{reached}", node))
    return hits, guard.index, variable


def _semantic_hits(guard: GuardTest, context: VerifierContext, walks: _Walks, strict: _Walks) -> list[RuleHit]:
    """TG003–TG006 from the classic values, then TG004/TG012 from the rest of the value space (lenient walks); a
    later test that ends the starter for a legacy-world value (:meth:`_Walks.legacy_split`) from the strict walks,
    since only they keep the effects that make the body worth running."""
    heartbeat = context.heartbeat_environments
    legacy_exits = [env for env in context.legacy_environments if not walks.runs(env)]
    heartbeat_runs = [env for env in heartbeat if not _guard_exits(walks, env, guard.index)]
    test = guard.condition
    if legacy_exits:
        if heartbeat_runs:
            return [RuleHit("TG006", f"the guard is inverted: it returns with {_describe(legacy_exits[0], context)} and runs the legacy body with {_describe(heartbeat_runs[0], context)}", test)]
        return [RuleHit("TG006", f"the guard also returns with {_describe(legacy_exits[0], context)}: the legacy body can never run", test)]
    if heartbeat_runs:
        if not has_exit(guard.node):
            return [RuleHit("TG005", "the guard's branch neither returns nor raises, so the legacy body still runs in heartbeat mode; end the branch with 'return'", guard.node)]
        hits: list[RuleHit] = []
        if context.heartbeat_value in heartbeat_runs:
            return [RuleHit("TG006", f"the guard does not return with {_describe(context.heartbeat_value, context)}: it runs the legacy body in heartbeat mode", test)]
        if None in heartbeat_runs:
            read = next((r for r in guard.reads if r.variable == context.env_var), None)
            node = read.node if read is not None else test
            if read is not None and read.kind == "subscript":
                why = f"os.environ[{context.env_var!r}] raises KeyError when the variable is unset; use os.environ.get({context.env_var!r}, {context.heartbeat_value!r})"
            elif read is not None and read.kind in ("get", "getenv") and not read.has_default:
                why = f"'{code_of(read.node)}' has no default, so an unset {context.env_var} does not mean {context.heartbeat_value}; pass {context.heartbeat_value!r} as the default"
            elif read is not None and read.kind in ("get", "getenv"):
                why = f"the default {read.default!r} makes an unset {context.env_var} mean legacy; the default must be {context.heartbeat_value!r}"
            else:
                why = f"an unset {context.env_var} does not mean {context.heartbeat_value}"
            hits.append(RuleHit("TG003", why, node))
        cased = [env for env in heartbeat_runs if env is not None and env != context.heartbeat_value]
        if cased:
            hits.append(RuleHit("TG004", f"the comparison is case-sensitive: {_describe(cased[0], context)} would run the legacy body; compare '.lower()' of the value", test))
        return hits
    found = strict.legacy_split()
    if found is not None:
        env, stop, what = found
        return [RuleHit(
            "TG012",
            f"with {context.env_var}={env!r} neither the heartbeat nor this starter runs: the heartbeat refuses to start "
            f"({walks.kinds.get(env, 'other')} value, legacy world), and {what}, "
            f"where {context.legacy_value!r} goes on; every value the heartbeat refuses must run the legacy body",
            stop,
        )]
    classic = set(heartbeat) | set(context.legacy_environments)
    for env in walks.envs:
        if env in classic:
            continue
        kind = walks.kinds[env]
        if walks.worlds[env] == "heartbeat" and not _guard_exits(walks, env, guard.index):
            if kind == "case spelling":
                return [RuleHit("TG004", f"the comparison is case-sensitive: {_describe(env, context)} would run the legacy body; compare '.lower()' of the value", test)]
            return [RuleHit("TG012", f"with {context.env_var}={env!r} both the heartbeat and this starter run: the heartbeat treats it as the heartbeat world, the guard does not return", test)]
        if walks.worlds[env] == "legacy" and not walks.runs(env):
            if not _guard_exits(walks, env, guard.index):
                # The guard goes on for it; something later stops it (review 10: "the guard returns" would point at
                # a correct guard, and `apply` might "fix" it).
                stop = next((o for o in walks.outcomes[env] if o.index > guard.index), None)
                where = f"'{code_of(stop.node)}'" if stop is not None else "a later statement"
                return [RuleHit("TG012", f"with {context.env_var}={env!r} neither the heartbeat nor this starter runs: the heartbeat refuses to start ({kind} value, legacy world) and the guard goes on for it, but the starter does not reach its body: {where} stops it, where {context.legacy_value!r} goes on", stop.node if stop is not None else test)]
            return [RuleHit("TG012", f"with {context.env_var}={env!r} neither the heartbeat nor this starter runs: the guard returns, but the heartbeat refuses to start ({kind} value, legacy world); compare as the heartbeat does: unset or value.lower() == {context.heartbeat_value!r}", test)]
    return []


def _guard_exits(walks: _Walks, env: str | None, guard_index: int) -> bool:
    """Every path that reaches the guard exits there: what the guard rules (TG003–TG006, TG012) judge.

    A path that ended in an error *before* the guard never reached it: in
    ``try: int(x) except _retryable():`` the lenient walk sets the effectful
    handler type aside, so it cannot tell whether the handler catches the
    ValueError and keeps the uncaught path too. That path is not the guard's
    failure (the effect is TG002, or the walk's own TG009); calling the guard
    inverted would send the user to "fix" a correct guard (review 7, FA7-2).
    """
    if not walks.outcomes[env]:
        return False  # no path ends (a loop that never exits): nothing is proven
    outcomes = [o for o in walks.outcomes[env] if not (o.kind == "crash" and o.index < guard_index)]
    return all(o.kind in ("exit", "fallthrough") for o in outcomes)


def _missing_guard(function: cst.FunctionDef, context: VerifierContext, effect: Outcome | None, *, blocked: bool = False) -> RuleHit:
    """The TG001 for ``function``; ``blocked``: the entry point also has a TG009, which apply needs resolved first."""
    if effect is not None and effect.kind == "crash" and effect.exception in ("NameError", "UnboundLocalError"):
        # `os` read before the function's own later `import os` binds it: the problem is the error, not an effect
        where = f": '{code_of(effect.node)}' raises {effect.exception} before any test ({effect.reason})"
    elif effect is not None and effect.kind == "unknown" and effect.reason:
        where = f": in heartbeat mode it reaches '{code_of(effect.node)}' first, which it cannot verify ({effect.reason})"
    else:
        where = f": in heartbeat mode it runs '{code_of(effect.node)}' first" if effect is not None else ""
    if blocked:
        advice = "add the canonical guard (thor-guard apply does so only once the entry point's TG009 is fixed or suppressed)"
    else:
        advice = "add the canonical guard (thor-guard apply)"
    return RuleHit("TG001", f"no {context.env_var} guard{where}; {advice}", function.name)


_GUARD_WORDS = ("environ", "getenv")


def _guard_candidate(function: cst.FunctionDef, walks: _Walks, context: VerifierContext) -> bool:
    """Whether ``function`` has anything that may be a guard: then an unprovable binding or decorator is TG009, else TG001.

    A candidate is any of: a walk read an environment variable in a condition
    (or the mode variable anywhere); the function's text names the mode
    variable, ``environ``, ``getenv`` or a configured guard helper; or a walk
    stopped at something it could not see into inside a top-level compound
    statement that can exit (``if helper(): return`` with an unprovable helper).
    """
    if any(r.variable == context.env_var for r in walks.reads) or any(t.reads for t in walks.guard_tests.values()):
        return True
    text = _source_of(function)
    words = (context.env_var, *_GUARD_WORDS, *(name.rpartition(".")[2] for name in context.resolver.configured))
    if any(word in text for word in words):
        return True
    body = function.body.body if isinstance(function.body, cst.IndentedBlock) else ()
    receiver = receiver_of(function) if function.params.params or function.params.posonly_params else None
    for outcomes in list(walks.outcomes.values()):
        for outcome in outcomes:
            if outcome.kind != "unknown":
                continue
            # From where the walk stopped on: a test that exits and calls a function not reached through self/cls
            # (`if is_hb(True): return` after an unprovable call) may be the guard.
            if any(_may_be_guard(statement, receiver) for statement in body[outcome.index :]):
                return True
    return False


def _may_be_guard(statement: cst.CSTNode, receiver: str | None) -> bool:
    """An exiting ``if``/``while``/``match`` whose test calls a non-builtin function not reached through ``receiver``
    (also one level inside ``try``/``with``, where a guard may sit)."""
    if isinstance(statement, (cst.Try, cst.TryStar, cst.With)):
        return any(_may_be_guard(inner, receiver) for inner in statement.body.body) if isinstance(statement.body, cst.IndentedBlock) else False
    if isinstance(statement, (cst.If, cst.While)):
        return has_exit(statement) and _calls_outside(statement.test, receiver)
    if isinstance(statement, cst.Match):
        return has_exit(statement) and _calls_outside(statement.subject, receiver)
    return False


def _calls_outside(node: cst.CSTNode, receiver: str | None) -> bool:
    """``node`` holds a call whose callee is a plain name or an attribute of a name other than ``receiver``."""
    found = False

    class _Calls(cst.CSTVisitor):
        def visit_Call(self, call: cst.Call) -> None:
            nonlocal found
            root: cst.BaseExpression = call.func
            while isinstance(root, cst.Attribute):
                root = root.value
            if isinstance(root, cst.Name) and root.value != receiver and not (root is call.func and hasattr(builtins, root.value)):
                found = True  # isinstance(), len()… are no guard helpers

    node.visit(_Calls())
    return found


def _source_of(function: cst.FunctionDef) -> str:
    return cst.Module(body=[]).code_for_node(function)


def _world_failure(walks: _Walks) -> Outcome | None:
    """The first path, under any value walked, that stopped at a test on the mode the value table cannot decide."""
    for env in list(walks.outcomes):
        for outcome in walks.outcomes[env]:
            if outcome.kind == "unknown" and outcome.category == "world":
                return outcome
    return None


def _first_failure(walks: _Walks, env: str | None) -> Outcome | None:
    failing = [o for o in walks.outcomes[env] if o.kind not in ("exit", "fallthrough")]
    return min(failing, key=lambda o: o.index, default=None)


def _late_effect(strict: _Walks, guard: GuardTest, context: VerifierContext) -> Outcome | None:
    for env in strict.heartbeat_values:
        for outcome in strict.outcomes[env]:
            if outcome.kind in ("effect", "unknown") and outcome.index <= guard.index:
                if outcome.kind == "unknown" and outcome.index == guard.index:
                    continue
                return outcome
    return None


def _because(outcome: Outcome) -> str:
    """The effect's reason as a clause for a TG002 message, `` (<reason>)``, or empty (see :func:`reason_clause`)."""
    reason = reason_clause(outcome)
    return f" ({reason})" if reason else ""


def _early_crash(strict: _Walks, guard: GuardTest) -> Outcome | None:
    """A heartbeat-world path of the strict walks that ends in an error before the guard's statement."""
    for env in strict.heartbeat_values:
        for outcome in strict.outcomes[env]:
            if outcome.kind == "crash" and outcome.index < guard.index:
                return outcome
    return None


def _first_effect(walks: _Walks, context: VerifierContext) -> Outcome | None:
    for env in context.heartbeat_environments:
        for outcome in walks.outcomes[env]:
            if outcome.kind == "effect":
                return outcome
    return None


def _first_exit(walks: _Walks, env: str | None) -> cst.CSTNode | None:
    return next((o.node for o in walks.outcomes[env] if o.kind == "exit"), None)


def _apply_suppressions(
    function: cst.FunctionDef,
    qualname: str,
    hits: Sequence[RuleHit],
    guard_index: int | None,
    guard_start: int | None,
    env_var_read: str | None,
) -> FunctionVerdict:
    suppressions = function_suppressions(function)
    suppressed = frozenset().union(*(s.codes for s in suppressions)) if suppressions else frozenset()
    kept = [hit for hit in hits if hit.code not in suppressed]
    for suppression in suppressions:
        if suppression.problem is not None:
            kept.append(RuleHit("TG000", suppression.problem, function.name))
    return FunctionVerdict(
        qualname=qualname,
        function=function,
        hits=tuple(kept),
        guard_index=guard_index,
        guard_start=guard_start,
        env_var_read=env_var_read,
        suppressed=suppressed,
    )
