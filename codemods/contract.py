"""Which ``return`` an inserted guard uses, read from the function's own contract.

A skipped legacy starter must look to its callers like a starter that did
nothing, so the exit matches what the function already promises: ``return
False`` for boolean results, ``return None`` for optional ones, a bare
``return`` for procedures and generators (sync or async). A function
annotated ``-> NoReturn`` is left for a person (any exit contradicts it). A
function with a value contract (``-> int``, or every ``return`` giving a
value) returns the literal an existing heartbeat check in its body already
returns, and is otherwise left for a person: a bare ``return`` would hand
its callers a None they do not expect (review RA-6).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator, Sequence

import libcst as cst

from codemods.bindings import Unresolvable, dotted_name
from thor_guard.verifier.scopes import OwnScopeVisitor

_OPTIONAL_NAMES = frozenset({"Optional", "typing.Optional", "t.Optional"})
_UNION_NAMES = frozenset({"Union", "typing.Union", "t.Union"})
_NORETURN_NAMES = frozenset(
    f"{prefix}{name}" for prefix in ("", "typing.", "t.", "typing_extensions.") for name in ("NoReturn", "Never")
)
_ANY_NAMES = frozenset({"Any", "typing.Any", "t.Any", "object", "builtins.object"})


def exit_statement(
    function: cst.FunctionDef,
    env_var: str = "THOR_SCHEDULER_MODE",
    heartbeat_value: str = "heartbeat",
    module: cst.Module | None = None,
) -> str:
    """Return the source of the exit statement (``return``, ``return False``, ``return None`` or ``return <literal>``).

    The exit must give the caller something the function's contract allows.
    First, when an existing heartbeat check in the body (inside a loop, a
    ``try``) already returns a literal, that literal is the exit whatever
    the contract (``-> bool`` with a nested ``return True`` keeps ``True``:
    that is what the function already gave in heartbeat mode). Otherwise:

    - a generator, ``-> None``, ``-> Any``/``-> object``, or a function that
      can already give None (a bare ``return``, ``return None``, or an end
      that execution can reach) gets a bare ``return``;
    - ``-> bool``, or every ``return`` giving ``True``/``False``: ``return False``;
    - ``-> Optional[...]`` (and its spellings): ``return None``;
    - a function with a value contract (``-> int``, ``-> list[Thread]``, or
      every ``return`` giving a value and no way to end without one) reuses
      the literal that an existing heartbeat check in its body already
      returns (``return "skipped"``, see :func:`heartbeat_exit_value`).

    ``module`` (the module holding ``function``) lets the end analysis look
    up the helpers a last call statement names (:func:`may_end_without_return`);
    without it every such call may never return.

    Raises :class:`~codemods.bindings.Unresolvable` when no exit is right:
    ``-> NoReturn``/``-> Never`` (any exit contradicts it), or a value
    contract with no existing heartbeat value to reuse (a bare ``return``
    would hand callers a None they do not expect; review RA-6).
    """
    own = _collect(function)
    if own.yields:
        return "return"
    kind = annotation_kind(function.returns.annotation) if function.returns is not None else None
    if kind != "noreturn":
        # what the function already gives in heartbeat mode is its own answer to "what does a skipped call
        # return", whatever the contract: a nested check's `return True` must not become `return False` (AR3-12)
        reused = heartbeat_exit_value(function, env_var, heartbeat_value)
        if reused is not None:
            return f"return {reused}"
    if function.returns is not None:
        if kind == "bool":
            return "return False"
        if kind == "optional":
            return "return None"
        if kind in ("none", "any"):
            return "return"
        code = " ".join(cst.Module([]).code_for_node(function.returns.annotation).split())
        if kind == "noreturn":
            raise Unresolvable(
                f"the function is annotated '-> {code}' (it never returns), so an exit for the heartbeat mode changes its contract; add the guard by hand"
            )
        return _value_exit(function, env_var, heartbeat_value, f"it is annotated '-> {code}'")
    values = [ret.value for ret in own.returns]
    if values and all(isinstance(v, cst.Name) and v.value in ("True", "False") for v in values):
        return "return False"
    if not values or any(v is None or (isinstance(v, cst.Name) and v.value == "None") for v in values):
        return "return"
    if may_end_without_return(function.body, module):
        return "return"
    example = " ".join(cst.Module([]).code_for_node(own.returns[0]).split())
    example = example if len(example) <= 40 else example[:37] + "..."
    return _value_exit(function, env_var, heartbeat_value, f"every 'return' in it gives a value ('{example}') and it cannot end without one")


def exit_note(function: cst.FunctionDef, exit_source: str, env_var: str, heartbeat_value: str) -> str:
    """What a reviewer should read about the exit :func:`exit_statement` chose, or "" for a bare ``return``.

    A skipped call that now gives its callers a value (``False``, ``None``,
    a reused literal) changes what heartbeat-mode callers see, so the note
    says which value and why (review AR3-12): the function's own heartbeat
    answer, or its contract.
    """
    if exit_source == "return":
        return ""
    reused = heartbeat_exit_value(function, env_var, heartbeat_value)
    if reused is not None and exit_source == f"return {reused}":
        return f" (exiting with '{exit_source}', what the function's existing heartbeat check returns)"
    return f" (exiting with '{exit_source}', as the function's contract asks: a skipped call gives its callers {exit_source[len('return '):]})"


def _value_exit(function: cst.FunctionDef, env_var: str, heartbeat_value: str, why: str) -> str:
    """``return <literal>`` reused from an existing heartbeat check, or :class:`Unresolvable` naming ``why``."""
    value = heartbeat_exit_value(function, env_var, heartbeat_value)
    if value is not None:
        return f"return {value}"
    raise Unresolvable(
        f"the function returns a value ({why}), so a bare 'return' for the heartbeat mode would hand its callers None; "
        "add the guard by hand with the value a skipped call should return"
    )


def heartbeat_exit_value(function: cst.FunctionDef, env_var: str, heartbeat_value: str) -> str | None:
    """The literal that an existing heartbeat check in ``function``'s body returns, as source, or None.

    A heartbeat check is an ``if`` (at any depth of the function's own body:
    inside a loop, a ``try``) whose test compares, with ``==`` or ``in``, a
    string literal equal to ``heartbeat_value`` (any case) with an expression
    that reads ``env_var`` (directly, or through a local assigned from such
    an expression), and whose branch ends in ``return <literal>``. What the
    function already gave in heartbeat mode is its own answer to "what does
    a skipped call return". Only literals (``ast.literal_eval``) are reused,
    so the exit runs no code; when checks disagree, nothing is reused.
    """
    finder = _HeartbeatExits(env_var, heartbeat_value)
    function.body.visit(finder)
    found = set()
    for branch in finder.branches:
        value = _literal_return(branch)
        if value is None:
            return None  # a heartbeat check that exits otherwise: the function has no single heartbeat answer
        found.add(value)
    return found.pop() if len(found) == 1 else None


def _literal_return(branch: cst.BaseSuite) -> str | None:
    statements = branch.body
    last = statements[-1] if statements else None
    if isinstance(last, cst.SimpleStatementLine):
        last = last.body[-1] if last.body else None
    if not isinstance(last, cst.Return) or last.value is None:
        return None
    code = " ".join(cst.Module([]).code_for_node(last.value).split())
    try:
        ast.literal_eval(code)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    return code if "\n" not in code else None


class _HeartbeatExits(OwnScopeVisitor):
    """Collects the branches of heartbeat checks in one function's own body (see :func:`heartbeat_exit_value`)."""

    def __init__(self, env_var: str, heartbeat_value: str) -> None:
        self.env_var = env_var
        self.heartbeat_value = heartbeat_value.lower()
        self.mode_locals: set[str] = set()
        self.branches: list[cst.BaseSuite] = []

    def visit_Assign(self, node: cst.Assign) -> None:
        if _reads_string(node.value, self.env_var):
            for target in node.targets:
                if isinstance(target.target, cst.Name):
                    self.mode_locals.add(target.target.value)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        if isinstance(node.target, cst.Name) and _reads_string(node.value, self.env_var):
            self.mode_locals.add(node.target.value)

    def visit_If(self, node: cst.If) -> None:
        test = node.test
        if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
            return
        target = test.comparisons[0]
        if not isinstance(target.operator, (cst.Equal, cst.In)):
            return
        sides = (test.left, target.comparator)
        if not any(self._is_heartbeat_literal(side) for side in sides):
            return
        if any(_reads_string(side, self.env_var) or self._reads_mode_local(side) for side in sides):
            self.branches.append(node.body)

    def _is_heartbeat_literal(self, node: cst.BaseExpression) -> bool:
        if isinstance(node, cst.SimpleString):
            value = node.evaluated_value
            return isinstance(value, str) and value.lower() == self.heartbeat_value
        if isinstance(node, (cst.Set, cst.List, cst.Tuple)):
            return any(isinstance(el, cst.Element) and self._is_heartbeat_literal(el.value) for el in node.elements)
        return False

    def _reads_mode_local(self, node: cst.BaseExpression) -> bool:
        names = _NameCollector()
        node.visit(names)
        return bool(names.names & self.mode_locals)


class _NameCollector(cst.CSTVisitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_Name(self, node: cst.Name) -> None:
        self.names.add(node.value)


class _StringFinder(cst.CSTVisitor):
    def __init__(self, wanted: str) -> None:
        self.wanted = wanted
        self.found = False

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        if node.evaluated_value == self.wanted:
            self.found = True


def _reads_string(node: cst.CSTNode, wanted: str) -> bool:
    finder = _StringFinder(wanted)
    node.visit(finder)
    return finder.found


_EXITING_CALLS = frozenset({"sys.exit", "exit", "quit", "os._exit", "os.abort", "_exit", "abort"})


def may_end_without_return(body: cst.BaseSuite, module: cst.Module | None = None) -> bool:
    """True when execution can surely reach the end of ``body`` (so the function can already give None).

    Structural: every condition may go either way, a loop may run zero
    times unless it is ``while True``, a ``try`` body may raise into each
    handler. Where it is not sure (a ``while True`` left only by ``return``,
    a ``finally`` that returns, a last call to ``sys.exit``), it answers
    False, and a function whose every ``return`` gives a value is then left
    for a person.

    A call statement is not sure to return (review AR3-1: ``_fail("unknown
    kind")``, ``self.abort()``, ``parser.error(...)``, ``typing.assert_never(x)``
    end a function as surely as ``raise``), so an end reached only after one
    counts as reachable only when the callee is known to return: a log call
    on a logger, ``print``, or a function (``f(...)``, ``await f(...)``) or
    method (``self.f(...)``, ``cls.f(...)``) defined undecorated in ``module``
    whose own end or ``return`` is reachable (followed a few calls deep).
    """
    analysis = _EndAnalysis(module)
    if module is not None:
        analysis._owner = _owner_of(module, lambda statement: isinstance(statement, cst.FunctionDef) and statement.body is body)
    return "normal" in analysis.exits(body)


_Exits = frozenset[str]
"""How a piece of code can be left besides ``return``/``raise``: ``normal`` (on to the next statement),
``call`` (on to the next statement after a call that may never return), ``break``, ``continue``."""
_NORMAL: _Exits = frozenset({"normal"})
_AFTER_CALL: _Exits = frozenset({"call"})
_ON: _Exits = _NORMAL | _AFTER_CALL
"""The ways of going on to the next statement."""
_LOG_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical", "log"})
_DEPTH = 4
"""How many calls deep a callee's own end is followed (a helper calling a helper calling ``sys.exit``)."""


class _EndAnalysis:
    """Which ways a block can be left, with the callees of call statements looked up in ``module``."""

    def __init__(self, module: cst.Module | None, depth: int = 0, visiting: frozenset[int] = frozenset()) -> None:
        self.module = module
        self.depth = depth
        self.visiting = visiting
        self._owner: cst.ClassDef | None = None

    def function_exits(self, function: cst.FunctionDef) -> bool:
        """True when a call of ``function`` may return (its end or one of its own ``return`` statements is reachable)."""
        if function.decorators or self.depth >= _DEPTH or id(function) in self.visiting:
            return False  # a decorator may replace it; too deep or recursive: not known to return
        inner = _EndAnalysis(self.module, self.depth + 1, self.visiting | {id(function)})
        inner._owner = _owner_of(self.module, lambda statement: statement is function) if self.module is not None else None
        if _collect(function).returns or _collect(function).yields:
            return True  # (a reachable 'return' is not proven here: it may return, as an 'if' may go either way)
        # inside a helper, a call to something unknown may return: only a helper that surely raises or exits (its
        # own statements, or helpers of this module that do) is taken to never return
        return bool(inner.exits(function.body) & _ON)

    def exits(self, body: cst.BaseSuite) -> _Exits:
        if isinstance(body, cst.SimpleStatementSuite):
            return self._line_exits(body.body)
        found: set[str] = set()
        last: _Exits = _NORMAL
        for statement in body.body:
            exits = self._statement_exits(statement)
            found |= exits - _ON
            if not exits & _ON:
                return frozenset(found)  # what follows is unreachable
            last = exits & _ON
        return frozenset(found | last)

    def _line_exits(self, small: Sequence[cst.BaseSmallStatement]) -> _Exits:
        for statement in small:
            if isinstance(statement, (cst.Return, cst.Raise)):
                return frozenset()
            if isinstance(statement, cst.Break):
                return frozenset({"break"})
            if isinstance(statement, cst.Continue):
                return frozenset({"continue"})
            if isinstance(statement, cst.Assert) and isinstance(statement.test, cst.Name) and statement.test.value == "False":
                return frozenset()
            if isinstance(statement, cst.Expr) and isinstance(statement.value, cst.Call) and dotted_name(statement.value.func) in _EXITING_CALLS:
                return frozenset()
        last = small[-1] if small else None
        if isinstance(last, cst.Expr):
            awaited = isinstance(last.value, cst.Await)
            value = last.value.expression if isinstance(last.value, cst.Await) else last.value
            if isinstance(value, cst.Call):
                # a project helper that always raises (`_fail("unknown kind")`) ends the function as surely as
                # `raise`: not knowing, the end is not *surely* reached after it (review AR3-1)
                return self._call_exits(value, awaited)
        return _NORMAL

    def _call_exits(self, call: cst.Call, awaited: bool) -> _Exits:
        """``normal`` when the call is known to return, none when it surely does not, ``call`` when unknown."""
        dotted = dotted_name(call.func)
        if dotted == "print":
            return _NORMAL
        if dotted is not None and "." in dotted:
            receiver, method = dotted.rsplit(".", 1)
            if method in _LOG_METHODS and "log" in receiver.rsplit(".", 1)[-1].lower():
                return _NORMAL  # logger.exception(...) ending a handler (parser.error(...) exits: not a logger)
        callees = self._callees(call.func)
        if not callees:
            return _AFTER_CALL
        for callee in callees:
            if isinstance(callee.asynchronous, cst.Asynchronous) and not awaited:
                return _NORMAL  # calling a coroutine function only makes the coroutine
            if _collect(callee).yields and not isinstance(callee.asynchronous, cst.Asynchronous):
                return _NORMAL  # calling a generator function only makes the generator
            if self.function_exits(callee):
                return _NORMAL
        return frozenset()  # every definition it may name surely raises or exits

    def _callees(self, func: cst.BaseExpression) -> list[cst.FunctionDef]:
        """The ``def`` statements ``func`` may name in the module (empty: unknown, or bound otherwise too)."""
        if self.module is None:
            return []
        if isinstance(func, cst.Name):
            return _only_defs(self.module.body, func.value)
        if (
            isinstance(func, cst.Attribute)
            and isinstance(func.value, cst.Name)
            and func.value.value in ("self", "cls")
            and self._owner is not None
            and not self._owner.bases  # a subclass or a base elsewhere may define it otherwise
        ):
            return _only_defs(self._owner.body.body, func.attr.value)
        return []

    def _statement_exits(self, statement: cst.BaseStatement) -> _Exits:
        if isinstance(statement, cst.SimpleStatementLine):
            return self._line_exits(statement.body)
        if isinstance(statement, cst.If):
            other = statement.orelse
            if other is None:
                rest = frozenset() if _is_true(statement.test) else _NORMAL
            else:
                rest = self._statement_exits(other) if isinstance(other, cst.If) else self.exits(other.body)
            return self.exits(statement.body) | rest
        if isinstance(statement, (cst.While, cst.For)):
            inner = self.exits(statement.body)
            found: set[str] = {"normal"} if "break" in inner else set()
            if not (isinstance(statement, cst.While) and _is_true(statement.test)):
                # the loop may end without 'break' (a false condition, an exhausted iterable): then its else runs
                found |= self.exits(statement.orelse.body) if statement.orelse is not None else _NORMAL
            return frozenset(found)
        if isinstance(statement, (cst.Try, cst.TryStar)):
            body = self.exits(statement.body)
            tail = set(body - _ON)
            if body & _ON:
                tail |= self.exits(statement.orelse.body) if statement.orelse is not None else body & _ON
            for handler in statement.handlers:
                tail |= self.exits(handler.body)
            if statement.finalbody is not None:
                final = self.exits(statement.finalbody.body)
                return frozenset((tail if final & _ON else set()) | (final - _ON))
            return frozenset(tail)
        if isinstance(statement, cst.With):
            return self.exits(statement.body)
        if isinstance(statement, cst.Match):
            found = set()
            for case in statement.cases:
                found |= self.exits(case.body)
            last = statement.cases[-1].pattern if statement.cases else None
            if not (isinstance(last, cst.MatchAs) and last.pattern is None and statement.cases[-1].guard is None):
                found |= _NORMAL  # no case may match
            return frozenset(found)
        return _NORMAL  # a def, a class


def _only_defs(statements: Sequence[cst.CSTNode], name: str) -> list[cst.FunctionDef]:
    """The top-level ``def name`` statements of ``statements``, or [] when ``name`` is also bound another way there."""
    defs: list[cst.FunctionDef] = []
    for statement in statements:
        if isinstance(statement, cst.FunctionDef):
            if statement.name.value == name:
                defs.append(statement)
        elif {name, "*"} & _bound_names(statement):
            return []  # an import, an assignment, a class of that name: not only this def
    return defs


def _bound_names(statement: cst.CSTNode) -> set[str]:
    """Names ``statement`` may bind in the scope it stands in (``*`` for a star import: any name)."""
    finder = _Binders()
    statement.visit(finder)
    return finder.names


class _Binders(cst.CSTVisitor):
    """Collects the names a module- or class-level statement binds (targets, imports, defs, classes)."""

    def __init__(self) -> None:
        self.names: set[str] = set()

    def _targets(self, node: cst.CSTNode) -> None:
        if isinstance(node, cst.Name):
            self.names.add(node.value)
        elif isinstance(node, (cst.Tuple, cst.List)):
            for element in node.elements:
                self._targets(element.value)
        elif isinstance(node, cst.StarredElement):
            self._targets(node.value)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._targets(node.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._targets(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._targets(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._targets(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._targets(node.name)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._targets(node.target)

    def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
        if node.asname is None:
            name = dotted_name(node.name)
            if name is not None:
                self.names.add(name.split(".", 1)[0])

    def visit_ImportStar(self, node: cst.ImportStar) -> None:
        self.names.add("*")

    def visit_Global(self, node: cst.Global) -> None:
        self.names.update(item.name.value for item in node.names)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self.names.add(node.name.value)
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.names.add(node.name.value)
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False


def _owner_of(module: cst.Module, is_it: Callable[[cst.CSTNode], bool]) -> cst.ClassDef | None:
    """The class whose body holds the function ``is_it`` picks directly (classes nested in classes too), or None."""
    pending: list[cst.CSTNode] = list(module.body)
    while pending:
        node = pending.pop()
        if isinstance(node, cst.ClassDef):
            if any(is_it(statement) for statement in node.body.body):
                return node
            pending.extend(node.body.body)
    return None


def _is_true(test: cst.BaseExpression) -> bool:
    if isinstance(test, cst.Name):
        return test.value == "True"
    return isinstance(test, cst.Integer) and test.evaluated_value != 0


def annotation_kind(node: cst.BaseExpression) -> str:
    """Classify a return annotation as ``bool``, ``optional``, ``none``, ``any`` (None is a value of it),
    ``noreturn`` (``NoReturn``/``Never``) or ``other``."""
    if isinstance(node, cst.SimpleString):
        try:
            inner = cst.parse_expression(node.evaluated_value)  # type: ignore[arg-type]
        except (cst.ParserSyntaxError, TypeError, ValueError):
            return "other"
        return annotation_kind(inner)
    dotted = dotted_name(node)
    if dotted in ("bool", "builtins.bool"):
        return "bool"
    if dotted == "None":
        return "none"
    if dotted in _NORETURN_NAMES:
        return "noreturn"
    if dotted in _ANY_NAMES:
        return "any"
    if isinstance(node, cst.Subscript):
        base = dotted_name(node.value)
        if base in _OPTIONAL_NAMES:
            return "optional"
        if base in _UNION_NAMES and any(
            isinstance(el.slice, cst.Index) and dotted_name(el.slice.value) == "None" for el in node.slice
        ):
            return "optional"
    is_union = isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.BitOr)
    if is_union and any(dotted_name(part) == "None" for part in _union_members(node)):
        return "optional"
    return "other"


def _union_members(node: cst.BaseExpression) -> Iterator[cst.BaseExpression]:
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.BitOr):
        yield from _union_members(node.left)
        yield from _union_members(node.right)
    else:
        yield node


class _OwnBodyCollector(OwnScopeVisitor):
    """Collects ``return`` and ``yield`` nodes of one function, not of functions, lambdas or classes inside it."""

    def __init__(self) -> None:
        self.returns: list[cst.Return] = []
        self.yields = 0

    def visit_Return(self, node: cst.Return) -> None:
        self.returns.append(node)

    def visit_Yield(self, node: cst.Yield) -> None:
        self.yields += 1


def _collect(function: cst.FunctionDef) -> _OwnBodyCollector:
    collector = _OwnBodyCollector()
    function.body.visit(collector)
    return collector


def own_returns(function: cst.FunctionDef) -> list[cst.Return]:
    """Every ``return`` that belongs to ``function`` itself."""
    return _collect(function).returns


def has_yield(node: cst.CSTNode) -> bool:
    """``node`` holds a ``yield`` of its own function (nested functions, lambdas and classes are their own)."""
    collector = _OwnBodyCollector()
    node.visit(collector)
    return collector.yields > 0


def is_generator(function: cst.FunctionDef) -> bool:
    """True when ``function`` itself contains ``yield`` (so only a bare ``return`` is allowed in the async case)."""
    return _collect(function).yields > 0
