"""Import-time writes to process-wide state that decide what a guard reads: the environment and the import system.

Importing a module runs its module-level statements. Besides rebinding names
(the census of :mod:`thor_guard.verifier.bindings`), those statements can

* write the process **environment** (``os.environ.setdefault(VAR, ...)``,
  ``os.environ[VAR] = ...``, ``.update(...)``, ``environ[VAR] = ...`` after
  ``from os import environ``, ``os.putenv``, ``load_dotenv()`` of
  python-dotenv, ``read_env()`` of django-environ): a guard that reads the mode
  variable afterwards reads the written value, not the process's;
* edit the **import system** (``sys.path`` / ``sys.meta_path`` /
  ``sys.path_hooks`` in place or rebound, ``site.addsitedir``): which file a
  later ``import util`` loads is then no longer the one the verifier read;
* extend a package's ``__path__`` (in place or ``pkgutil.extend_path``): its
  submodules may then be other files.

:func:`import_time_writes` returns them as *patches* (the census's
``(target, line, text)`` triples), so the import walk
(``HelperResolver.patches_reaching``) carries them to every module that
imports the writer, and the verdict cache re-validates them like any patch:

* ``os.environ[KEY]`` - a write of the literal key ``KEY``; ``os.environ[*]``
  a write of a key not known statically (``update(mapping)``, ``load_dotenv()``);
* ``sys.path`` - any import-system edit;
* ``__name__`` - the module's own ``__path__`` edited (every name under the
  package becomes unproven, the rule of any store on the module itself).

What runs at import time: module-level statements outside ``def``/``lambda``
(also inside ``if``/``try``/``with``/loops and class bodies), and the function
bodies :mod:`thor_guard.verifier.reach` finds that code runs (functions and
class hooks it refers to, decorators, lambdas), passed in as ``followed``;
code of other modules it runs is censused in those modules (the walk's run
edges). An environment object passed to a function as an argument is outside
the model (stated in docs/check.md).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator

ENV_TARGET = "os.environ"
"""Prefix of environment-write targets: ``os.environ[KEY]`` (``*`` for a key not known statically)."""
UNKNOWN_KEY = "*"
IMPORT_SYSTEM_TARGET = "sys.path"
"""Target of every import-system edit (``sys.path``, ``sys.meta_path``, ``sys.path_hooks``, ``site.addsitedir``)."""

_ENV_OBJECTS = frozenset({"os.environ", "os.environb", "posix.environ"})
_ENV_KEYED = frozenset({"setdefault", "pop", "__setitem__", "__delitem__"})
"""Mapping methods whose first argument is the key written."""
_ENV_ANY = frozenset({"popitem", "clear", "__ior__", "__init__"})
_ENV_FUNCTIONS = frozenset({"os.putenv", "os.unsetenv", "posix.putenv", "posix.unsetenv"})
_DOTENV_CALLS = frozenset({"load_dotenv", "read_env", "read_dotenv", "load_env", "overload"})
"""python-dotenv's ``load_dotenv``, django-environ's ``Env.read_env``, django-dotenv's ``read_dotenv``: each copies a
file's keys into ``os.environ``; which keys is not known statically. (``overload`` only as ``dotenv.overload``.)"""
_IMPORT_STATE = frozenset({"sys.path", "sys.meta_path", "sys.path_hooks", "sys.path_importer_cache"})
_IMPORT_FUNCTIONS = frozenset({"site.addsitedir", "site.main", "importlib.invalidate_caches"})
_LIST_READS = frozenset({"index", "count", "copy", "__contains__", "__getitem__", "__len__", "__iter__", "get", "keys", "items", "values"})
"""Methods of a list/dict that only read it; every other method call on an import-state list may change it."""


def import_time_writes(tree: ast.Module, lines: list[str], followed: list[ast.AST] | None = None) -> list[tuple[str, int, str]]:
    """The environment, import-system and ``__path__`` writes importing ``tree`` runs, as census patches.

    ``lines`` are the source's lines (for the shown text). The result is in
    source order; see the module docstring for the targets and for what runs
    at import time in this model. ``followed``: the ``def``/``lambda`` nodes whose bodies import-time code runs
    (:func:`thor_guard.verifier.reach.import_time_reach`); None keeps the older model (the module's own top-level
    functions called by name).
    """
    names = _ModuleNames(tree)
    found: list[tuple[str, int, str]] = []

    def show(node: ast.AST) -> str:
        number = getattr(node, "lineno", 1)
        line = lines[number - 1].strip() if 0 < number <= len(lines) else ""
        return line if len(line) <= 60 else line[:59] + "…"

    nodes = _import_time_nodes(tree, names) if followed is None else _reached_nodes(tree, names, followed)
    for node, local in nodes:
        for target in _writes(node, lambda n: names.resolve(n, local)):
            found.append((target, getattr(node, "lineno", 1), show(node)))
    found.sort(key=lambda item: item[1])
    return found


class _ModuleNames:
    """Module-level imports and plain aliases (``E = os.environ``) as dotted names, and the top-level functions."""

    def __init__(self, tree: ast.Module) -> None:
        self.imports: dict[str, str] = {}
        self.functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
        _collect_imports(tree.body, self.imports)
        counts: dict[str, int] = {}
        in_place = {id(node.target) for node in ast.walk(tree) if isinstance(node, ast.AugAssign)}
        for node in ast.walk(tree):
            # `ENV |= {...}` rebinds ENV to the same mapping (dict.__ior__ returns self): still the alias.
            if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)) and id(node) not in in_place:
                counts[node.id] = counts.get(node.id, 0) + 1
        for statement in tree.body:
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.functions[statement.name] = statement
            elif isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name):
                name = statement.targets[0].id
                value = self.resolve(statement.value, {})
                if value is not None and counts.get(name) == 1:
                    self.imports.setdefault(name, value)  # `env = os.environ`: an alias, bound once

    def resolve(self, node: ast.AST, local: dict[str, str]) -> str | None:
        """``os.environ`` for ``os.environ`` / ``environ`` (``from os import environ``) / ``o.environ``; None otherwise."""
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        base = local.get(node.id) or self.imports.get(node.id)
        if base is None:
            return None
        return ".".join([base, *reversed(parts)])


def _collect_imports(statements: list[ast.stmt], into: dict[str, str]) -> None:
    """Imports in ``statements`` and their blocks (not in nested functions or classes): bound name -> dotted name."""
    for statement in statements:
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                if alias.asname:
                    into[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    into[top] = top
        elif isinstance(statement, ast.ImportFrom) and not statement.level and statement.module:
            for alias in statement.names:
                if alias.name != "*":
                    into[alias.asname or alias.name] = f"{statement.module}.{alias.name}"
        elif not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for block in ("body", "orelse", "finalbody", "handlers", "cases"):
                inner = getattr(statement, block, None)
                if isinstance(inner, list):
                    _collect_imports([s for s in inner if isinstance(s, ast.stmt)], into)
                    for item in inner:
                        if isinstance(item, (ast.ExceptHandler, ast.match_case)):
                            _collect_imports(item.body, into)


def _import_time_nodes(tree: ast.Module, names: _ModuleNames) -> Iterator[tuple[ast.AST, dict[str, str]]]:
    """Every node evaluated when the module is imported (see the module docstring), with the imports local to it."""
    called: list[str] = []
    for node in _outside_defs(tree):
        _note_call(node, names, called)
        yield node, {}
    done: set[str] = set()
    while called:
        name = called.pop()
        if name in done:
            continue
        done.add(name)
        function = names.functions[name]
        local: dict[str, str] = {}
        _collect_imports(function.body, local)
        for statement in function.body:
            for node in _outside_defs(statement):
                _note_call(node, names, called)
                yield node, local


def _reached_nodes(tree: ast.Module, names: _ModuleNames, followed: list[ast.AST]) -> Iterator[tuple[ast.AST, dict[str, str]]]:
    """Module-level nodes, then every node of each followed body with the imports it makes locally and the parameters
    whose default is a known object (``def f(environ=os.environ)``: ``environ`` is ``os.environ`` unless passed)."""
    for node in _outside_defs(tree):
        yield node, {}
    for function in followed:
        local: dict[str, str] = {}
        body = function.body if isinstance(function.body, list) else [function.body]  # type: ignore[attr-defined]
        for inner in ast.walk(function):
            if isinstance(inner, (ast.Import, ast.ImportFrom)):
                _collect_imports([inner], local)
        arguments = getattr(function, "args", None)
        if isinstance(arguments, ast.arguments):
            positional = [*arguments.posonlyargs, *arguments.args]
            pairs = list(zip(positional[len(positional) - len(arguments.defaults):], arguments.defaults))
            pairs += [(a, d) for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults) if d is not None]
            for argument, default in pairs:
                value = names.resolve(default, local)
                if value is not None:
                    local[argument.arg] = value
        for statement in body:
            for node in ast.walk(statement):
                yield node, local


def _note_call(node: ast.AST, names: _ModuleNames, called: list[str]) -> None:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names.functions:
        called.append(node.func.id)


def _outside_defs(root: ast.AST) -> Iterator[ast.AST]:
    """``root`` and its descendants, minus the insides of ``def``/``lambda`` (their code runs when called)."""
    todo = [root]
    while todo:
        node = todo.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            todo.extend(reversed(list(ast.iter_child_nodes(node))))
        else:
            # A nested def's decorators and defaults run at definition time.
            todo.extend(d for d in getattr(node, "decorator_list", ()))
            arguments = getattr(node, "args", None)
            if isinstance(arguments, ast.arguments):
                todo.extend(d for d in [*arguments.defaults, *arguments.kw_defaults] if d is not None)


def _writes(node: ast.AST, resolve: Callable[[ast.AST], str | None]) -> Iterator[str]:
    """The patch targets ``node`` writes (usually none)."""
    if isinstance(node, ast.Subscript) and isinstance(node.ctx, (ast.Store, ast.Del)):
        owner = resolve(node.value)
        if owner in _ENV_OBJECTS:
            yield _env_key(node.slice)
        elif owner in _IMPORT_STATE:
            yield IMPORT_SYSTEM_TARGET
        elif isinstance(node.value, ast.Name) and node.value.id == "__path__":
            yield "__name__"
    elif isinstance(node, ast.AugAssign):
        owner = resolve(node.target)
        if owner in _ENV_OBJECTS:
            yield from _mapping_keys(node.value)
        elif owner in _IMPORT_STATE:
            yield IMPORT_SYSTEM_TARGET
        elif isinstance(node.target, ast.Name) and node.target.id == "__path__":
            yield "__name__"
    elif isinstance(node, (ast.Assign, ast.AnnAssign)):
        for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
            if isinstance(target, ast.Name) and target.id == "__path__":
                yield "__name__"  # `__path__ = extend_path(__path__, __name__)`
            elif resolve(target) in _IMPORT_STATE:
                yield IMPORT_SYSTEM_TARGET  # `sys.path = [...]` (also a store on sys: a patch of its own)
    elif isinstance(node, ast.Call):
        func = node.func
        called = resolve(func)
        if called in _ENV_FUNCTIONS:
            yield _env_key(node.args[0]) if node.args else ENV_TARGET + "[" + UNKNOWN_KEY + "]"
        elif called in _IMPORT_FUNCTIONS:
            yield IMPORT_SYSTEM_TARGET
        elif called is not None and called.rpartition(".")[2] == "extend_path" and called.startswith("pkgutil"):
            yield "__name__"
        elif isinstance(func, ast.Attribute):
            owner = resolve(func.value)
            if owner in _ENV_OBJECTS:
                if func.attr in _ENV_KEYED:
                    yield _env_key(node.args[0]) if node.args else ENV_TARGET + "[" + UNKNOWN_KEY + "]"
                elif func.attr == "update":
                    yield from _update_keys(node)
                elif func.attr in _ENV_ANY:
                    yield ENV_TARGET + "[" + UNKNOWN_KEY + "]"
            elif owner in _IMPORT_STATE and func.attr not in _LIST_READS:
                yield IMPORT_SYSTEM_TARGET
            elif isinstance(func.value, ast.Name) and func.value.id == "__path__" and func.attr not in _LIST_READS:
                yield "__name__"
            elif _is_dotenv(func.attr, called):
                yield ENV_TARGET + "[" + UNKNOWN_KEY + "]"
        elif isinstance(func, ast.Name) and _is_dotenv(func.id, called):
            yield ENV_TARGET + "[" + UNKNOWN_KEY + "]"


def _is_dotenv(name: str, called: str | None) -> bool:
    if name == "overload":
        return called is not None and called.startswith("dotenv")
    return name in _DOTENV_CALLS


def _env_key(node: ast.AST) -> str:
    key = node.value if isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)) else None
    if isinstance(key, bytes):
        key = key.decode("utf-8", "replace")
    return f"{ENV_TARGET}[{key if key is not None else UNKNOWN_KEY}]"


def _mapping_keys(node: ast.AST) -> Iterator[str]:
    """Keys of a dict display (``{"A": 1}``); one unknown key for anything else."""
    if isinstance(node, ast.Dict) and all(k is not None for k in node.keys):
        for key in node.keys:
            assert key is not None
            yield _env_key(key)
    else:
        yield ENV_TARGET + "[" + UNKNOWN_KEY + "]"


def _update_keys(call: ast.Call) -> Iterator[str]:
    for argument in call.args:
        yield from _mapping_keys(argument)
    for keyword in call.keywords:
        if keyword.arg is None:
            yield ENV_TARGET + "[" + UNKNOWN_KEY + "]"  # **mapping
        else:
            yield f"{ENV_TARGET}[{keyword.arg}]"


def env_key(target: str) -> str | None:
    """The key of an environment-write target (``os.environ[KEY]`` -> ``KEY``, ``*`` when unknown); None for others."""
    if target.startswith(ENV_TARGET + "[") and target.endswith("]"):
        return target[len(ENV_TARGET) + 1 : -1]
    return None


_LOGGER_LISTS = frozenset({"handlers", "filters"})
_LIST_READERS = frozenset({"len", "list", "tuple", "bool", "any", "all", "sorted", "iter", "reversed", "enumerate", "repr", "str", "print"})


def logger_list_write(tree: ast.Module, logging_modules: set[str]) -> ast.AST | None:
    """The first use of a logger's ``handlers``/``filters`` list that may change it (hostile review 4, R4-16), or None.

    ``logger.addHandler(h)`` is one way to make a log call run project code;
    ``logger.handlers.append(duck_typed)``, ``logger.filters.append(callable)``,
    ``logging.root.handlers[:] = [...]`` or ``hs = logger.handlers`` (then
    mutated under another name) are others. Judged by attribute *name* on any
    object but the ``logging`` package itself (``logging.handlers`` is a
    module): every use counts except plain reads — iterating it, indexing it,
    ``len()``/``list()``/``bool()`` of it, ``x in logger.handlers``, a truth
    test, and its ``copy``/``index``/``count`` methods.
    """
    parents: dict[int, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr in _LOGGER_LISTS):
            continue
        if isinstance(node.value, ast.Name) and node.value.id in logging_modules:
            continue  # logging.handlers: the submodule
        if not _read_only(node, parents):
            return node
    return None


def _read_only(node: ast.Attribute, parents: dict[int, ast.AST]) -> bool:
    if not isinstance(node.ctx, ast.Load):
        return False
    parent = parents.get(id(node))
    if isinstance(parent, ast.Subscript) and parent.value is node:
        return isinstance(parent.ctx, ast.Load)
    if isinstance(parent, (ast.For, ast.AsyncFor, ast.comprehension)):
        return parent.iter is node
    if isinstance(parent, ast.Compare):
        return node is not parent.left and all(isinstance(op, (ast.In, ast.NotIn)) for op in parent.ops)
    if isinstance(parent, ast.Call) and node in parent.args:
        return isinstance(parent.func, ast.Name) and parent.func.id in _LIST_READERS
    if isinstance(parent, ast.Attribute) and parent.value is node:
        caller = parents.get(id(parent))
        return parent.attr in ("copy", "index", "count") and isinstance(caller, ast.Call) and caller.func is parent
    if isinstance(parent, (ast.If, ast.While, ast.IfExp, ast.Assert)):
        return parent.test is node
    return isinstance(parent, (ast.UnaryOp, ast.BoolOp))
