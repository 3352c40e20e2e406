"""Plans for repairing an existing guard: move it to the top (TG002) or rewrite its condition (TG003/4/7).

A late guard may only be moved when doing so cannot change what the function
does in legacy mode: its condition must depend on the environment alone (no
parameter, no local computed by the statements it jumps over), its body must
only log and exit, and the locals it needs (``mode = os.getenv(...)``, a
local ``import os``) must be simple bindings that move with it without being
touched by the statements in between. Anything else is left for a person,
with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import libcst as cst
from libcst.metadata import Scope

from codemods.bindings import Unresolvable, dotted_name
from thor_guard.verifier.scopes import OwnScopeVisitor

LOG_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical", "log"})


@dataclass(frozen=True)
class MovePlan:
    """Statements (by body index, in order) that go to the top: the guard's dependencies, then the guard."""

    moved: tuple[int, ...]


def exiting_if(statement: cst.BaseStatement) -> cst.If:
    """Return the guard as an ``if`` without ``else`` whose branch ends in ``return``/``raise``."""
    if not isinstance(statement, cst.If):
        raise Unresolvable("the recognised guard is not an 'if' statement")
    if statement.orelse is not None:
        raise Unresolvable("the guard has an 'else'/'elif' branch")
    last = _branch_statements(statement)[-1]
    if not (isinstance(last, cst.SimpleStatementLine) and isinstance(last.body[-1], (cst.Return, cst.Raise))):
        raise Unresolvable("the guard's branch does not end in 'return' or 'raise'")
    return statement


def _branch_statements(guard: cst.If) -> Sequence[cst.BaseStatement]:
    body = guard.body
    if isinstance(body, cst.IndentedBlock):
        return body.body
    return (cst.SimpleStatementLine(body=body.body),)


def require_log_and_exit(guard: cst.If) -> None:
    """Refuse a guard whose branch does anything but log (on a logger or ``logging``) and exit."""
    smalls = [small for statement in _branch_statements(guard) for small in _smalls(statement)]
    for small in smalls[:-1]:
        if isinstance(small, cst.Pass):
            continue
        if (
            isinstance(small, cst.Expr)
            and isinstance(small.value, cst.Call)
            and isinstance(small.value.func, cst.Attribute)
            and small.value.func.attr.value in LOG_METHODS
        ):
            continue
        raise Unresolvable("the guard's branch does more than log and exit, so moving it could change behaviour")


def _smalls(statement: cst.BaseStatement) -> Sequence[cst.BaseSmallStatement]:
    if isinstance(statement, cst.SimpleStatementLine):
        return statement.body
    raise Unresolvable("the guard's branch contains a compound statement")


class _Loads(cst.CSTVisitor):
    """Bare names read by an expression or statement (attribute and keyword names excluded)."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        node.value.visit(self)
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        node.value.visit(self)
        return False

    def visit_Name(self, node: cst.Name) -> None:
        self.names.append(node.value)


def loaded_names(node: cst.CSTNode) -> list[str]:
    visitor = _Loads()
    node.visit(visitor)
    return visitor.names


class _AllNames(cst.CSTVisitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_Name(self, node: cst.Name) -> None:
        self.names.add(node.value)


def all_names(node: cst.CSTNode) -> set[str]:
    visitor = _AllNames()
    node.visit(visitor)
    return visitor.names


class _Ids(cst.CSTVisitor):
    def __init__(self) -> None:
        self.ids: set[int] = set()

    def on_visit(self, node: cst.CSTNode) -> bool:
        self.ids.add(id(node))
        return True


def statement_index_of(statements: Sequence[cst.BaseStatement]) -> dict[int, int]:
    """Map ``id(node)`` of every node in the body to the index of the top-level statement holding it."""
    where: dict[int, int] = {}
    for index, statement in enumerate(statements):
        visitor = _Ids()
        statement.visit(visitor)
        for node_id in visitor.ids:
            where[node_id] = index
    return where


def _is_movable_binding(statement: cst.BaseStatement) -> bool:
    """A one-statement line that only binds: ``x = expr``, ``x: T = expr`` or an import."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return False
    small = statement.body[0]
    if isinstance(small, (cst.Import, cst.ImportFrom)):
        return True
    if isinstance(small, cst.Assign):
        return len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name)
    return isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name) and small.value is not None


def _binding_value(statement: cst.BaseStatement) -> cst.CSTNode | None:
    small = statement.body[0] if isinstance(statement, cst.SimpleStatementLine) else None
    if isinstance(small, (cst.Assign, cst.AnnAssign)):
        return small.value
    return None


class _AttributeBases(cst.CSTVisitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if isinstance(node.value, cst.Name):
            self.names.add(node.value.value)

    def visit_Subscript(self, node: cst.Subscript) -> None:
        if isinstance(node.value, cst.Name):
            self.names.add(node.value.value)


def _attribute_bases(node: cst.CSTNode) -> set[str]:
    """Names whose attributes or items ``node`` reads directly (``self`` in ``self.x`` and ``self[k]``)."""
    visitor = _AttributeBases()
    node.visit(visitor)
    return visitor.names


def plan_move(
    statements: Sequence[cst.BaseStatement],
    guard: cst.If,
    guard_index: int,
    first: int,
    scope: Scope,
    *,
    extra_reads: Sequence[str] = (),
    unstable_globals: frozenset[str] = frozenset(),
) -> MovePlan:
    """Plan moving ``guard`` (standing at ``guard_index``) to ``first``, with the bindings it needs.

    ``guard`` may already be rewritten; its names decide the dependencies.
    ``unstable_globals`` are the module names that a ``global`` declaration,
    a ``del`` or a conditional binding makes unsure (:func:`codemods.runtime.unstable_module_names`).
    Raises :class:`Unresolvable` naming the reason when the move is not safe.
    """
    exiting_if(guard)
    require_log_and_exit(guard)
    jumped = [statements[index] for index in range(first, guard_index)]
    if any(_has_yield(statement) for statement in jumped):
        # a generator's caller sees the values it yields: above the yield, the guard would end it before its
        # first value (a @contextmanager then raises "generator didn't yield" in every heartbeat-mode `with`)
        raise Unresolvable("the guard would move above a 'yield', changing what the generator gives its caller; move it by hand")
    where = statement_index_of(statements)
    moved: set[int] = set()
    needed_locals: set[str] = set()

    def visit_names(names: list[str], *, parameters_allowed: bool, reader: str) -> None:
        for name in names:
            bindings = scope.assignments[name]
            if not bindings or name in needed_locals:
                continue
            for binding in bindings:
                if isinstance(binding.node, cst.Param):
                    if not parameters_allowed:
                        raise Unresolvable(f"{reader} reads the parameter '{name}', so it does not depend on the environment alone")
                    break
            else:
                needed_locals.add(name)
                indices = {where.get(id(binding.node)) for binding in bindings}
                before = sorted(i for i in indices if i is not None and i < guard_index)
                if None in indices or not before:
                    raise Unresolvable(f"{reader} reads the local '{name}', which is not bound by a simple statement before it")
                for index in before:
                    statement = statements[index]
                    if index < first or not _is_movable_binding(statement):
                        raise Unresolvable(
                            f"{reader} reads the local '{name}', which is computed by code the guard would jump over"
                        )
                    if index not in moved:
                        moved.add(index)
                        value = _binding_value(statement)
                        if value is not None and jumped:
                            problem = _reorder_problem(value, scope)
                            if problem is not None:
                                raise Unresolvable(f"'{name}' {problem}, so computing it above the code the guard would jump over may change what legacy mode does; move it by hand")
                        if value is not None:
                            visit_names(loaded_names(value), parameters_allowed=False, reader=f"'{name}'")

    if jumped:
        # the condition's own names are judged by visit_names below (a rewritten guard reads a local the rewrite
        # introduces, which the scope does not know): here only what it evaluates besides them
        problem = _reorder_problem(guard.test, scope, names_checked=False)
        if problem is not None:
            raise Unresolvable(f"the guard's condition {problem}, so testing it above the code it would jump over may change what legacy mode does; move it by hand")
    visit_names([*extra_reads, *loaded_names(guard.test)], parameters_allowed=False, reader="the guard's condition")
    visit_names(loaded_names(guard.body), parameters_allowed=True, reader="the guard's branch")
    # Parameters whose attributes or items the branch reads (``return self._thread``, ``logger.info(..., self.name)``;
    # not ``type(self).__name__``): the code the guard
    # would jump over may set their attributes or items (``self._thread = None``, ``self.reset()``), so the moved
    # branch would read something else or raise AttributeError.
    parameters = {
        name
        for name in _attribute_bases(guard.body)
        if any(isinstance(binding.node, cst.Param) for binding in scope.assignments[name])
    }
    # What the branch's log arguments and exit value read beyond the locals handled above (review AR2-12): a module
    # name bound through 'global' in some function (a jumped-over call may bind it: NameError once moved), or an
    # attribute of a module-level object the jumped-over code uses or stores ('Worker.label = ...').
    values = _branch_values(guard)
    for name in sorted({n for value in values for n in loaded_names(value)} & unstable_globals):
        if not scope.assignments[name] and jumped:
            raise Unresolvable(
                f"the guard's branch reads '{name}', which a 'global' declaration, a 'del' or a conditional binding makes "
                "unsure, and the code it would jump over may bind it; move it by hand"
            )
    bases = {name for value in values for name in _attribute_bases(value)} - parameters
    stored = {attr for statement in jumped for attr in _stored_attributes(statement)}
    for value in values:
        for attribute in _attributes(value):
            base = attribute.value.value if isinstance(attribute.value, cst.Name) else None
            if attribute.attr.value in stored or (base in bases and any(base in all_names(s) for s in jumped)):
                code = cst.Module([]).code_for_node(attribute)
                raise Unresolvable(
                    f"the guard's branch reads '{code}', which the code it would jump over may set; move it by hand"
                )
    for value in values:
        for subscript in _subscripts(value):
            # `logger.info("skip %s", STATE["worker"])` after `STATE["worker"] = ...` (review AR3-19): the jumped-over
            # code may store into, delete from or mutate the container the branch reads an item of
            base = subscript.value.value if isinstance(subscript.value, cst.Name) else None
            if base is not None and base not in parameters and any(base in all_names(s) for s in jumped):
                code = cst.Module([]).code_for_node(subscript)
                raise Unresolvable(
                    f"the guard's branch reads '{code}', which the code it would jump over may set; move it by hand"
                )
    for index in range(first, guard_index):
        if index in moved:
            continue
        names = all_names(statements[index])
        clash = names & needed_locals
        if clash:
            name = min(clash)
            raise Unresolvable(f"the code before the guard also uses '{name}', which the guard needs; move it by hand")
        touched = names & parameters
        if touched:
            name = min(touched)
            raise Unresolvable(
                f"the guard's branch reads attributes of the parameter '{name}', which the code it would jump over uses; move it by hand"
            )
    return MovePlan(moved=(*sorted(moved), guard_index))


_TEXT_METHODS = frozenset({"lower", "upper", "casefold", "strip", "lstrip", "rstrip"})
"""``str`` methods that never raise on a ``str`` (and take no argument the move must judge)."""


def _reorder_problem(node: cst.CSTNode, scope: Scope, *, names_checked: bool = True) -> str | None:
    """Why evaluating ``node`` earlier than it now runs - above the statements the guard jumps over - may change legacy
    mode, or None when it cannot: ``node`` reads only the environment (``os.environ.get(VAR, "literal")``,
    ``os.getenv``), literals and locals (whose own bindings are judged when they move), through the ``str`` methods
    and operators that never raise. Anything else may read state the jumped-over code changes (a module global, an
    item of a container: ``n = len(ITEMS)`` after ``ITEMS.append(1)``) or raise where it did not (``int(...)``,
    ``os.environ["X"]``): a raise moved above ``print("A")`` loses the print (hostile apply review, findings 1-2)."""

    def text(value: cst.CSTNode) -> bool:
        """``value`` surely gives a ``str`` (the receiver of a text method must be one)."""
        if isinstance(value, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)):
            return True
        if isinstance(value, cst.Call):
            func = value.func
            if isinstance(func, cst.Attribute) and func.attr.value in _TEXT_METHODS:
                return text(func.value)
            if dotted_name(func) in _ENV_CALLS and len(value.args) == 2:
                return isinstance(value.args[1].value, (cst.SimpleString, cst.ConcatenatedString))
            if isinstance(func, cst.Name) and func.value == "str" and not scope.assignments["str"]:
                return True
        return False

    def check(value: cst.CSTNode) -> str | None:
        if isinstance(value, (cst.SimpleString, cst.Integer, cst.Float, cst.Ellipsis)):
            return None
        if isinstance(value, cst.ConcatenatedString):
            return None
        if isinstance(value, cst.Name):
            if not names_checked or value.value in ("True", "False", "None") or scope.assignments[value.value]:
                return None  # a literal, or a local/parameter (a local is judged where it is bound)
            return f"reads '{value.value}', which the code it would jump over may change"
        if isinstance(value, (cst.Comparison, cst.BooleanOperation)):
            parts = [value.left, *(c.comparator for c in value.comparisons)] if isinstance(value, cst.Comparison) else [value.left, value.right]
            for part in parts:
                found = check(part)
                if found is not None:
                    return found
            return None
        if isinstance(value, cst.UnaryOperation) and isinstance(value.operator, cst.Not):
            return check(value.expression)
        if isinstance(value, (cst.Tuple, cst.List, cst.Set)):
            for element in value.elements:
                found = check(element.value)
                if found is not None:
                    return found
            return None
        if isinstance(value, cst.Call):
            func = value.func
            arguments = [a.value for a in value.args]
            if dotted_name(func) in _ENV_CALLS and 1 <= len(arguments) <= 2 and not any(a.star or a.keyword for a in value.args):
                return next((p for p in map(check, arguments) if p is not None), None)
            if isinstance(func, cst.Attribute) and func.attr.value in _TEXT_METHODS and not arguments:
                return None if text(func.value) else f"calls '.{func.attr.value}()' on a value that may not be a string"
            if isinstance(func, cst.Name) and func.value in ("str", "bool") and not scope.assignments[func.value] and len(arguments) == 1 and not value.args[0].star:
                return check(arguments[0]) if text(arguments[0]) or isinstance(arguments[0], cst.Name) else f"calls '{func.value}()' on a value that may not be a string"
        code = cst.Module([]).code_for_node(value)
        return f"evaluates '{code}', which may read state the code it would jump over changes, or raise"

    return check(node)


class _Yields(OwnScopeVisitor):
    def __init__(self) -> None:
        self.found = False

    def visit_Yield(self, node: cst.Yield) -> None:
        self.found = True


def _has_yield(statement: cst.CSTNode) -> bool:
    """``statement`` yields in the function itself (nested functions and classes are their own)."""
    finder = _Yields()
    statement.visit(finder)
    return finder.found


def _branch_values(guard: cst.If) -> list[cst.CSTNode]:
    """The expressions the branch evaluates besides the logger it calls: log arguments, the exit value."""
    values: list[cst.CSTNode] = []
    for statement in _branch_statements(guard):
        for small in _smalls(statement):
            if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
                values.extend(arg.value for arg in small.value.args)
            elif isinstance(small, (cst.Return, cst.Raise)):
                values.extend(part for part in (getattr(small, "value", None), getattr(small, "exc", None)) if part is not None)
    return values


class _AttributeNodes(cst.CSTVisitor):
    def __init__(self) -> None:
        self.found: list[cst.Attribute] = []

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.found.append(node)


def _attributes(node: cst.CSTNode) -> list[cst.Attribute]:
    visitor = _AttributeNodes()
    node.visit(visitor)
    return visitor.found


class _SubscriptNodes(cst.CSTVisitor):
    def __init__(self) -> None:
        self.found: list[cst.Subscript] = []

    def visit_Subscript(self, node: cst.Subscript) -> None:
        self.found.append(node)


def _subscripts(node: cst.CSTNode) -> list[cst.Subscript]:
    visitor = _SubscriptNodes()
    node.visit(visitor)
    return visitor.found


class _StoredAttributes(cst.CSTVisitor):
    """Attribute names stored or deleted (``X.label = ...``, ``del X.label``, ``setattr(X, "label", ...)``)."""

    def __init__(self) -> None:
        self.names: set[str] = set()

    def _target(self, target: cst.BaseExpression) -> None:
        if isinstance(target, cst.Attribute):
            self.names.add(target.attr.value)
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._target(element.value)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._target(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._target(node.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._target(node.target)

    def visit_Del(self, node: cst.Del) -> None:
        self._target(node.target)

    def visit_Call(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Name) and node.func.value in ("setattr", "delattr") and len(node.args) >= 2:
            name = node.args[1].value
            if isinstance(name, cst.SimpleString) and isinstance(name.evaluated_value, str):
                self.names.add(name.evaluated_value)


def _stored_attributes(node: cst.CSTNode) -> set[str]:
    visitor = _StoredAttributes()
    node.visit(visitor)
    return visitor.names


_ENVIRON_WRITERS = frozenset({"update", "pop", "popitem", "setdefault", "clear", "__setitem__", "__delitem__"})
_ENV_WRITE_CALLS = frozenset({"os.putenv", "os.unsetenv", "os.environ.update", "os.environ.pop", "os.environ.popitem",
                              "os.environ.setdefault", "os.environ.clear"})


class _EnvironmentWrites(cst.CSTVisitor):
    """Find the first visible write to ``os.environ`` (a store, ``del``, a mutating method, ``os.putenv``)."""

    def __init__(self, qualified_names: Callable[[cst.CSTNode], set[str]]) -> None:
        self.qualified_names = qualified_names
        self.found: cst.CSTNode | None = None

    def _is_environ(self, node: cst.BaseExpression) -> bool:
        return "os.environ" in self.qualified_names(node)

    def _target(self, target: cst.BaseExpression, node: cst.CSTNode) -> None:
        if isinstance(target, cst.Subscript) and self._is_environ(target.value):
            self.found = self.found or node
        elif isinstance(target, cst.Attribute) and self._is_environ(target):  # os.environ = {...}
            self.found = self.found or node
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._target(element.value, node)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._target(target.target, node)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._target(node.target, node)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._target(node.target, node)

    def visit_Del(self, node: cst.Del) -> None:
        self._target(node.target, node)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if self.qualified_names(func) & _ENV_WRITE_CALLS or (
            isinstance(func, cst.Attribute) and func.attr.value in _ENVIRON_WRITERS and self._is_environ(func.value)
        ):
            self.found = self.found or node


def environment_write(
    statements: Sequence[cst.BaseStatement], qualified_names: Callable[[cst.CSTNode], set[str]]
) -> cst.CSTNode | None:
    """The first statement part in ``statements`` that visibly writes ``os.environ``, or None.

    A guard must never be moved above such a write: the write may set or clear
    the mode variable itself, so the guard would decide on a different value
    (legacy mode would run a body it never ran). Writes hidden inside a called
    function are not seen; docs/apply.md states that assumption.
    """
    visitor = _EnvironmentWrites(qualified_names)
    for statement in statements:
        statement.visit(visitor)
        if visitor.found is not None:
            return visitor.found
    return None


def removable_feeders(
    statements: Sequence[cst.BaseStatement],
    old_test: cst.BaseExpression,
    guard_index: int,
    function_body: cst.CSTNode,
    scope: Scope,
) -> list[int]:
    """Indices of ``name = <env read>`` lines that only fed the old condition, so a rewrite can drop them.

    A line is dropped only when its name is read nowhere else in the function,
    its value reads no parameter or other local, and no comment sits on it.
    """
    where = statement_index_of(statements)
    uses: dict[str, int] = {}
    for name in loaded_names(function_body):
        uses[name] = uses.get(name, 0) + 1
    removable: list[int] = []
    for name in dict.fromkeys(loaded_names(old_test)):
        bindings = scope.assignments[name]
        if len(bindings) != 1:
            continue
        (binding,) = bindings
        index = where.get(id(binding.node))
        if index is None or index >= guard_index:
            continue
        statement = statements[index]
        value = _binding_value(statement)
        if not _is_movable_binding(statement) or value is None:
            continue
        if any(line.comment is not None for line in statement.leading_lines) or comments_inside(statement):
            continue  # a comment on it or inside it (`"VAR",  # set by the unit`) would be lost with it
        if uses.get(name, 0) != loaded_names(old_test).count(name) + 1:  # + 1: the assignment's own target
            continue
        if any(scope.assignments[n] for n in loaded_names(value)):
            continue
        removable.append(index)
    return sorted(removable)


_STR_METHODS = frozenset({"lower", "upper", "casefold", "strip", "lstrip", "rstrip", "title", "capitalize"})
_ENV_CALLS = frozenset({"os.environ.get", "os.getenv"})
_LITERALS = (cst.SimpleString, cst.ConcatenatedString, cst.Integer, cst.Float)


def is_mode_variable(variable: str, env_var: str, stale_flags: Sequence[str]) -> bool:
    """True for the mode variable, a flag listed in ``stale-flags``, or a typo of the mode variable.

    A typo (a *near miss*) is the mode variable with a different case or ``-``
    for ``_``, or with exactly one of its ``_``-separated words misspelt: two
    letters swapped (``THOR_SCHEDULER_MDOE``), or, in a word of five letters or
    more, one letter missing, doubled or replaced (``THOR_SCHEDULR_MODE``).
    A different short word is another variable, not a typo: ``THOR_SCHEDULER_NODE``
    and, with ``env-var = "APP_MODE"``, ``APP_ROLE`` or ``APP_NODE`` are kill
    switches or settings of their own, and rewriting their condition would change
    what legacy mode does. So are ``SCHEDULER_MODE`` and ``RUN_MAIN``.
    """
    if variable == env_var or variable in stale_flags:
        return True

    def words(text: str) -> list[str]:
        return text.upper().replace("-", "_").split("_")

    got, want = words(variable), words(env_var)
    if len(got) != len(want):
        return False
    differing = [(a, b) for a, b in zip(got, want) if a != b]
    if not differing:
        return True  # case or separators only
    if len(differing) > 1:
        return False
    (typed, meant), = differing
    if sorted(typed) == sorted(meant) and _edit_distance(typed, meant) == 2 and _adjacent_swap(typed, meant):
        return True
    return len(meant) >= 5 and _edit_distance(typed, meant) == 1


def _adjacent_swap(a: str, b: str) -> bool:
    """True when ``a`` is ``b`` with two neighbouring letters exchanged."""
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


class _ConditionReads:
    """Walk a guard condition; collect the environment variables it reads and the first thing it reads besides them."""

    def __init__(
        self,
        statements: Sequence[cst.BaseStatement],
        guard_index: int,
        scope: Scope,
        qualified_names: Callable[[cst.CSTNode], set[str]],
    ) -> None:
        self.statements = statements
        self.guard_index = guard_index
        self.scope = scope
        self.qualified_names = qualified_names
        self.where = statement_index_of(statements)
        self.variables: list[str] = []
        self.other: str | None = None
        self._seen_locals: set[str] = set()

    def _refuse(self, node: cst.CSTNode) -> None:
        if self.other is None:
            self.other = cst.Module(body=[]).code_for_node(node)

    def _literal_text(self, node: cst.BaseExpression) -> str | None:
        if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
            value = node.evaluated_value
            return value if isinstance(value, str) else None
        return None

    def expression(self, node: cst.BaseExpression) -> None:
        if isinstance(node, _LITERALS):
            return
        if isinstance(node, cst.Name):
            self._name(node)
        elif isinstance(node, cst.Call):
            self._call(node)
        elif isinstance(node, cst.Subscript):
            names = self.qualified_names(node.value)
            key = node.slice[0].slice if len(node.slice) == 1 else None
            variable = self._literal_text(key.value) if isinstance(key, cst.Index) else None
            if names == {"os.environ"} and variable is not None:
                self.variables.append(variable)
            else:
                self._refuse(node)
        elif isinstance(node, cst.Comparison):
            self._comparison(node)
        elif isinstance(node, cst.BooleanOperation):
            self.expression(node.left)
            self.expression(node.right)
        elif isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Not):
            self.expression(node.expression)
        elif isinstance(node, (cst.Set, cst.List, cst.Tuple)):
            for element in node.elements:
                self.expression(element.value)
        else:
            self._refuse(node)

    def _comparison(self, node: cst.Comparison) -> None:
        left = node.left
        for target in node.comparisons:
            if isinstance(target.operator, (cst.In, cst.NotIn)) and self.qualified_names(target.comparator) == {"os.environ"}:
                variable = self._literal_text(left)
                if variable is None:
                    self._refuse(left)
                else:
                    self.variables.append(variable)
            else:
                self.expression(left)
                self.expression(target.comparator)
            left = target.comparator

    def _call(self, node: cst.Call) -> None:
        func = node.func
        if self.qualified_names(func) & _ENV_CALLS:
            variable = self._literal_text(node.args[0].value) if node.args else None
            if variable is None or any(not isinstance(arg.value, _LITERALS + (cst.Name,)) for arg in node.args[1:]):
                self._refuse(node)
                return
            for arg in node.args[1:]:
                if isinstance(arg.value, cst.Name) and arg.value.value != "None":
                    self._refuse(arg.value)
            self.variables.append(variable)
        elif isinstance(func, cst.Attribute) and func.attr.value in _STR_METHODS and not node.args:
            self.expression(func.value)
        elif isinstance(func, cst.Name) and func.value in ("str", "bool") and len(node.args) == 1:
            self.expression(node.args[0].value)
        else:
            self._refuse(node)

    def _name(self, node: cst.Name) -> None:
        if node.value in ("True", "False", "None"):
            return
        bindings = self.scope.assignments[node.value]
        if not bindings or any(isinstance(b.node, cst.Param) for b in bindings):
            self._refuse(node)
            return
        if node.value in self._seen_locals:
            # read again (`mode == "heartbeat" or mode is None`, review AR3-8): its bindings were walked at the
            # first read, and a binding that reads the local itself (a cycle) was refused there (not a movable
            # binding before the guard, or refused when walked)
            return
        self._seen_locals.add(node.value)
        for binding in bindings:
            index = self.where.get(id(binding.node))
            statement = self.statements[index] if index is not None and index < self.guard_index else None
            value = _binding_value(statement) if statement is not None and _is_movable_binding(statement) else None
            if value is None or isinstance(statement.body[0], (cst.Import, cst.ImportFrom)):  # type: ignore[union-attr]
                self._refuse(node)
                return
            self.expression(value)  # type: ignore[arg-type]


def condition_reads_only_mode(
    test: cst.BaseExpression,
    statements: Sequence[cst.BaseStatement],
    guard_index: int,
    scope: Scope,
    qualified_names: Callable[[cst.CSTNode], set[str]],
    env_var: str,
    stale_flags: Sequence[str],
    *,
    exact: bool = False,
) -> str | None:
    """None when ``test`` depends on nothing but the mode variable (or a stale flag, or a near miss); else what else it reads.

    Only such a condition may be rewritten: dropping any other input (a
    kill switch, ``RUN_MAIN``, ``self.disabled``) would change what the
    function does in legacy mode. With ``exact``, only ``env_var`` itself
    counts (a condition that is *kept* and moved must fall through in legacy
    mode: a stale flag or a misspelt variable is unset there, and its
    condition may exit -- review AR3-4).
    """
    reads = _ConditionReads(statements, guard_index, scope, qualified_names)
    reads.expression(test)
    if reads.other is not None:
        return f"'{reads.other}'"
    if exact:
        others = [v for v in reads.variables if v != env_var]
    else:
        others = [v for v in reads.variables if not is_mode_variable(v, env_var, stale_flags)]
    if others:
        return f"the variable {others[0]}"
    if not reads.variables:
        return "no environment variable"
    return None


def mode_variables_read(
    test: cst.BaseExpression,
    statements: Sequence[cst.BaseStatement],
    guard_index: int,
    scope: Scope,
    qualified_names: Callable[[cst.CSTNode], set[str]],
) -> list[str]:
    """The environment variables ``test`` reads (through simple locals too), whatever else it reads."""
    reads = _ConditionReads(statements, guard_index, scope, qualified_names)
    reads.expression(test)
    return reads.variables


class _Comments(cst.CSTVisitor):
    def __init__(self) -> None:
        self.found: list[cst.Comment] = []

    def visit_Comment(self, node: cst.Comment) -> None:
        self.found.append(node)


def comments_inside(node: cst.CSTNode) -> list[cst.Comment]:
    """Every comment within ``node`` (inside brackets, after continued lines, on its own line), in order."""
    visitor = _Comments()
    node.visit(visitor)
    return visitor.found


def carried_comments(condition: cst.BaseExpression) -> tuple[cst.EmptyLine, ...]:
    """The comments inside a condition that a rewrite replaces, as comment lines to put above the new statements.

    The rewritten condition is generated afresh; a TODO, an owner or a runbook
    link written inside the old one (``if (  # TODO ...``) must not vanish.
    """
    return tuple(cst.EmptyLine(indent=True, comment=cst.Comment(comment.value)) for comment in comments_inside(condition))
