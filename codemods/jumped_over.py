"""The code a new or moved guard jumps over, and which environment writes may be of the mode variable (review AR4).

A guard put first in a body reads the mode variable before everything the existing heartbeat check came after.
:func:`jumped_over` lists that code as nodes, over-approximating: the statements before the one that holds the
check, and inside that statement everything that textually precedes the check (the start of a ``try`` body, an
``if`` test, the items of a ``with``) -- the whole loop when the check is inside one, since earlier iterations
run all of its body (review AR4-9). The caller asks one question of those nodes
(``SchedulerGuardCommand._refuse_jumped_over``): may any of it set the environment?

:func:`write_keys_proven_other` answers the narrower question of the TG001 insert (review AR3-21, AR4-6): a
write in the function's own body is harmless only when every key it writes is *proven* to be another variable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import libcst as cst

from codemods.bindings import dotted_name


def _strings(node: cst.CSTNode) -> Iterator[str]:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, cst.SimpleString):
            try:
                value = current.evaluated_value
            except Exception:  # noqa: BLE001 - an odd literal names no mode value
                continue
            if isinstance(value, str):
                yield value
        stack.extend(current.children)


class _ModeChecks(cst.CSTVisitor):
    """``if``/``while`` statements of one function's own body whose test names the variable or a mode value."""

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words
        self.found: list[cst.If | cst.While] = []

    def _test(self, node: cst.If | cst.While) -> None:
        if any(value.strip().lower() in self.words for value in _strings(node.test)):
            self.found.append(node)

    def visit_If(self, node: cst.If) -> None:
        self._test(node)

    def visit_While(self, node: cst.While) -> None:
        self._test(node)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False


def first_mode_check(
    statements: Sequence[cst.BaseStatement], first: int, env_var: str, mode_values: Sequence[str]
) -> tuple[int, cst.If | cst.While] | None:
    """The first statement (index, and the check inside it) whose ``if``/``while`` test names ``env_var`` or a mode value.

    Used where the verifier recognised no guard (TG001): a check it stopped before (after a ``with``, an unknown
    call, ``from config import MODE``) still decides on what the code before it did to the environment.
    """
    words = frozenset({env_var.lower(), *(value.lower() for value in mode_values)})
    for index in range(first, len(statements)):
        finder = _ModeChecks(words)
        statements[index].visit(finder)
        if finder.found:
            return index, finder.found[0]
    return None


def _path_to(node: cst.CSTNode, target: cst.CSTNode) -> list[cst.CSTNode] | None:
    """The nodes from ``node`` down to ``target`` (both included), or None when ``target`` is not inside."""
    if node is target:
        return [node]
    for child in node.children:
        path = _path_to(child, target)
        if path is not None:
            return [node, *path]
    return None


def jumped_over(
    statements: Sequence[cst.BaseStatement], first: int, check_index: int, check: cst.CSTNode | None = None
) -> list[cst.CSTNode]:
    """What runs before the existing check in ``statements[check_index]`` and after ``statements[first]``.

    ``check`` is the check node inside that statement (None: the statement itself is the check). With a nested
    check, the part of the enclosing statement before it counts (its own test included: a call in it runs first);
    a loop around the check counts whole. When ``check`` cannot be found inside, the whole statement counts.
    """
    nodes: list[cst.CSTNode] = list(statements[first:check_index])
    if check_index >= len(statements):
        return nodes
    holder = statements[check_index]
    if check is None or check is holder:
        return nodes
    path = _path_to(holder, check)
    if path is None:
        nodes.append(holder)
        return nodes
    for depth, node in enumerate(path[:-1]):
        if isinstance(node, (cst.For, cst.While)):
            nodes.append(node)  # earlier iterations run the whole body, code after the check included
            return nodes
        below = path[depth + 1]
        for child in node.children:
            if child is below:
                break
            nodes.append(child)
    return nodes


_KEYED = frozenset({"setdefault", "pop", "__setitem__", "__delitem__", "get"})
_PUTENV = frozenset({"os.putenv", "os.unsetenv", "putenv", "unsetenv"})


def write_keys_proven_other(
    write: cst.CSTNode, env_var: str, constant: Callable[[str], str | None]
) -> bool:
    """Every variable ``write`` (a node that may write ``os.environ``) sets is proven to differ from ``env_var``.

    A key is proven when it is a string literal, or a name ``constant`` maps to one (a module constant bound
    once); ``update`` is proven only with a dict display of such keys or keywords. Anything else -- a
    parameter, a mapping constant, ``clear()``, ``|=``, an alias escaping -- may set the mode variable.
    """
    keys: list[cst.BaseExpression | str] = []
    if isinstance(write, (cst.Assign, cst.AnnAssign, cst.Del, cst.AssignTarget)):
        targets: list[cst.BaseExpression] = []
        if isinstance(write, cst.Assign):
            targets = [t.target for t in write.targets]
        elif isinstance(write, (cst.AnnAssign, cst.Del, cst.AssignTarget)):
            targets = [write.target]
        for target in targets:
            subscripts = [e.value for e in target.elements] if isinstance(target, (cst.Tuple, cst.List)) else [target]
            for subscript in subscripts:
                if not isinstance(subscript, cst.Subscript) or len(subscript.slice) != 1:
                    return False
                element = subscript.slice[0].slice
                if not isinstance(element, cst.Index):
                    return False
                keys.append(element.value)
    elif isinstance(write, cst.Call):
        func = write.func
        name = func.attr.value if isinstance(func, cst.Attribute) else (dotted_name(func) or "")
        if (dotted_name(func) or "") in _PUTENV or name in _KEYED:
            if not write.args or write.args[0].keyword is not None or write.args[0].star:
                return False
            keys.append(write.args[0].value)
        elif name == "update":
            for arg in write.args:
                if arg.keyword is not None:
                    keys.append(arg.keyword.value)
                elif not arg.star and isinstance(arg.value, cst.Dict):
                    for element in arg.value.elements:
                        if not isinstance(element, cst.DictElement):
                            return False
                        keys.append(element.key)
                else:
                    return False
        else:
            return False
    else:
        return False
    for key in keys:
        value: str | None
        if isinstance(key, str):
            value = key
        elif isinstance(key, cst.SimpleString):
            evaluated = key.evaluated_value
            value = evaluated if isinstance(evaluated, str) else None
        elif isinstance(key, cst.Name):
            value = constant(key.value)
        else:
            value = None
        if value is None or value == env_var:
            return False
    return True


def names_the_variable(write: cst.CSTNode, env_var: str, constant: Callable[[str], str | None]) -> bool:
    """``write`` spells ``env_var`` itself (a literal, a keyword, or a constant bound to it): surely a mode write."""
    stack: list[cst.CSTNode] = [write]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.SimpleString):
            try:
                if node.evaluated_value == env_var:
                    return True
            except Exception:  # noqa: BLE001
                pass
        elif isinstance(node, cst.Arg) and node.keyword is not None and node.keyword.value == env_var:
            return True
        elif isinstance(node, cst.Name) and constant(node.value) == env_var:
            return True
        stack.extend(node.children)
    return False


def module_string_constants(module: cst.Module) -> dict[str, str]:
    """Module-level names bound exactly once, by a plain ``NAME = "literal"``, and never rebound anywhere else."""
    counts: dict[str, int] = {}
    values: dict[str, str] = {}

    class _Binds(cst.CSTVisitor):
        def _name(self, target: cst.BaseExpression) -> None:
            if isinstance(target, cst.Name):
                counts[target.value] = counts.get(target.value, 0) + 1
            elif isinstance(target, (cst.Tuple, cst.List)):
                for element in target.elements:
                    self._name(element.value)

        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            self._name(node.target)

        def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
            self._name(node.target)

        def visit_AugAssign(self, node: cst.AugAssign) -> None:
            self._name(node.target)

        def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
            self._name(node.target)

        def visit_For(self, node: cst.For) -> None:
            self._name(node.target)

        def visit_Global(self, node: cst.Global) -> None:
            for item in node.names:
                counts[item.name.value] = counts.get(item.name.value, 0) + 2

        def visit_ImportAlias(self, node: cst.ImportAlias) -> None:
            name = node.asname.name if node.asname is not None else node.name
            if isinstance(name, cst.Name):
                counts[name.value] = counts.get(name.value, 0) + 2

        def visit_Param(self, node: cst.Param) -> None:
            counts[node.name.value] = counts.get(node.name.value, 0) + 2

    module.visit(_Binds())
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name):
                if isinstance(small.value, cst.SimpleString):
                    try:
                        value = small.value.evaluated_value
                    except Exception:  # noqa: BLE001
                        continue
                    if isinstance(value, str):
                        values[small.targets[0].target.value] = value
    return {name: value for name, value in values.items() if counts.get(name) == 1}


class _Parts(cst.CSTVisitor):
    def __init__(self) -> None:
        self.parts: list[cst.CSTNode] = []

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> bool:
        self.parts.extend(node.body)
        return False

    def visit_SimpleStatementSuite(self, node: cst.SimpleStatementSuite) -> bool:
        self.parts.extend(node.body)
        return False

    def visit_If(self, node: cst.If) -> None:
        self.parts.append(node.test)

    def visit_While(self, node: cst.While) -> None:
        self.parts.append(node.test)

    def visit_For(self, node: cst.For) -> None:
        self.parts.append(node.iter)

    def visit_With(self, node: cst.With) -> None:
        self.parts.extend(node.items)


def statement_parts(statements: Sequence[cst.CSTNode]) -> list[cst.CSTNode]:
    """Every simple statement in ``statements`` at any depth, and the header expressions of compound ones."""
    visitor = _Parts()
    for statement in statements:
        statement.visit(visitor)
    return visitor.parts
