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
edges). The environment or an import-system list passed to any code is a
write (:func:`_object_patches`).

:func:`_object_patches` also finds the stores that change what the guard's
*names* give, whatever their spelling (hostile review 5): a module's namespace
written (``__builtins__["len"] = f``, ``vars(sys.modules["m"])["os"] = X``),
``setattr``/``type.__setattr__`` on an object reached through a run-time
look-up, a class attribute of another module (``Mode.HEARTBEAT = ...``), the
logging machinery (``logging.setLoggerClass``) and standard-library classes
(``os._Environ.get = f``); :func:`patch_target` says what each makes unproven.
"""

from __future__ import annotations

import ast
import builtins
import functools
import sys
import sysconfig
import types
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

from thor_guard.verifier.effects import IMPORT_RUNS_CODE
from thor_guard.verifier.reach import block_statements

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
_HOOK_LISTS = frozenset({"sys.meta_path", "sys.path_hooks", "gc.callbacks"})
"""Lists whose entries Python calls later: finders on every import not yet in ``sys.modules``, path hooks, garbage
collector callbacks. An object put there runs on a later import or collection, also inside the entry point."""
DOOR_TARGET = "?door"
"""Patch target of a hook installed at import time that runs code on later calls or imports (an audit hook, a
``sys.monitoring`` callback, a trace/profile function, an import finder, a lazily loaded module; hostile review 7,
R7-2/R7-3/R7-9): what the entry point calls before its guard may run it, so nothing read through the walk is proven."""
BUILTINS_TARGET = "?builtins"
"""Patch target of an import-time store that replaces a built-in (``builtins.set = X``): like a door, nothing read
through the walk is proven (the walk's and the evaluator's rules about built-ins no longer hold); a more specific
reason (the guard reads the replaced name itself) is shown first."""
_DOORS = frozenset(
    {
        "sys.addaudithook", "sys.settrace", "sys.setprofile", "threading.settrace", "threading.setprofile",
        "threading.settrace_all_threads", "threading.setprofile_all_threads", "sys.monitoring.register_callback",
        "sys.monitoring.set_events", "sys.monitoring.set_local_events", "importlib.util.LazyLoader",
        "importlib.util.LazyLoader.factory", "sys.set_asyncgen_hooks", "sys.setdlopenflags", "lazy_loader.attach",
        "lazy_loader.load", "lazy_import.lazy_module", "lazy_import.lazy_callable",
        # handlers the interpreter calls later from code the verifier takes for pure (hostile review 12, H5/H6):
        # a codec error handler or search function runs on str.encode/bytes.decode; the integer string-conversion
        # limit makes str(10 ** 5000) raise (a warning filter needs no entry: every warning is an effect already)
        "codecs.register_error", "codecs.register", "sys.set_int_max_str_digits",
    }
)
"""Calls that install per-call, per-import or per-attribute doors (the object reached, whatever its spelling)."""
_IMPORT_FUNCTIONS = frozenset({"site.addsitedir", "site.main", "importlib.invalidate_caches"})
UNKNOWN_MODULE = "*"
"""A module (or object) not known statically: ``sys.modules[name]``, ``import_module(name)``; a store on it is the
patch target ``*`` (it may change what any name gives)."""
_MODULE_GETTERS = frozenset({"importlib.import_module", "importlib.reload", "imp.reload", "importlib.__import__", "inspect.getmodule"})
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

    parents: dict[int, ast.AST] = {}
    nodes = _import_time_nodes(tree, names, parents) if followed is None else _reached_nodes(tree, names, followed, parents)
    for node, local in nodes:

        def resolve(n: ast.AST, local: dict[str, str] = local) -> str | None:
            return names.resolve(n, local)

        for target in _writes(node, resolve):
            found.append((target, getattr(node, "lineno", 1), show(node)))
        for target in [*_object_patches(node, resolve, parents, names.aliases, names.uses_logging), *_escapes(node, resolve, parents, names)]:
            found.append((target, getattr(node, "lineno", 1), show(node)))
            if _replaces_builtin(target):
                found.append((BUILTINS_TARGET, getattr(node, "lineno", 1), show(node)))
    found.sort(key=lambda item: item[1])
    return found


def _replaces_builtin(target: str) -> bool:
    """Whether a patch ``target`` replaces a name of the ``builtins`` module that exists there (``builtins.set = X``,
    ``setattr(builtins, "len", f)``, ``__builtins__["dict"] = X``; ``builtins`` alone: a name not known statically).

    Every module of the process then calls the replacement where it calls the builtin: the import walk's own rules
    about built-ins (a registration into ``set()`` stores without calling, ``len()`` of a list runs no project code)
    no longer hold anywhere, so the store also gives :data:`BUILTINS_TARGET`, which unproves the whole walk like a
    door (hostile review 11 left it open). A name
    the builtins module lacks (``builtins._ = gettext``) adds a global and changes no built-in."""
    if target == "builtins":
        return True
    owner, _, name = target.partition(".")
    return owner == "builtins" and "." not in name and hasattr(builtins, name)


class _ModuleNames:
    """Module-level imports and plain aliases (``E = os.environ``) as dotted names, and the top-level functions."""

    def __init__(self, tree: ast.Module) -> None:
        self.imports: dict[str, str] = {}
        self.functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
        self.aliases: set[int] = set()
        """The ids of the module-level ``name = <import-derived object>`` statements recorded as aliases."""
        self.uses_logging = False
        """Whether the module imports ``logging`` (or anything from it): its loggers are then ``logging``'s."""
        _collect_imports(tree.body, self.imports)
        self.module_objects: frozenset[str] = frozenset(_plain_import_targets(tree.body))
        """Dotted names bound by ``import x`` / ``import x.y as z`` statements: module objects for sure (a name of a
        ``from`` import may be a function or a class as well)."""
        self.uses_logging = any(target == "logging" or target.startswith("logging.") for target in self.imports.values())
        candidates: list[tuple[ast.Assign, str, str]] = []
        for statement in block_statements(tree.body):
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.functions[statement.name] = statement
            elif isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name):
                value = self.resolve(statement.value, {})
                if value is not None:
                    candidates.append((statement, statement.targets[0].id, value))
        if not candidates:
            return  # the usual case: no alias to prove bound once, so no walk of the whole tree (import-walk speed)
        counts: dict[str, int] = {}
        in_place: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.AugAssign):
                in_place.add(id(node.target))
            elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                counts[node.id] = counts.get(node.id, 0) + 1
        for node in ast.walk(tree) if in_place else ():
            # `ENV |= {...}` rebinds ENV to the same mapping (dict.__ior__ returns self): still the alias.
            if isinstance(node, ast.Name) and id(node) in in_place:
                counts[node.id] -= 1
        for statement, name, value in candidates:
            if counts.get(name) == 1:
                self.imports.setdefault(name, value)  # `env = os.environ`: an alias, bound once
                self.aliases.add(id(statement))

    def scope_bindings(self, scope: ast.AST) -> frozenset[str]:
        """Names a function, lambda or comprehension binds itself (parameters, assignment, loop, ``with``, ``except``
        and walrus targets, nested ``def``/``class`` names; not ``import``s, which resolve() reads as imports, nor
        names declared ``global``/``nonlocal``), cached per scope node."""
        cache = self.__dict__.setdefault("_scope_bindings", {})
        found = cache.get(id(scope))
        if found is None:
            bound: set[str] = set()
            declared: set[str] = set()
            if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                arguments = scope.args
                bound.update(a.arg for a in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs])
                bound.update(a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None)
                pending: list[ast.AST] = list(scope.body) if isinstance(scope.body, list) else [scope.body]
            else:
                pending = [generator.target for generator in scope.generators]  # type: ignore[attr-defined]
            while pending:
                current = pending.pop()
                if isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    bound.add(current.name)
                    continue
                if isinstance(current, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
                    continue
                if isinstance(current, (ast.Global, ast.Nonlocal)):
                    declared.update(current.names)
                elif isinstance(current, ast.Name) and isinstance(current.ctx, (ast.Store, ast.Del)):
                    bound.add(current.id)
                elif isinstance(current, ast.ExceptHandler) and current.name:
                    bound.add(current.name)
                elif isinstance(current, (ast.MatchAs, ast.MatchStar)) and current.name:
                    bound.add(current.name)
                pending.extend(ast.iter_child_nodes(current))
            found = cache[id(scope)] = frozenset(bound - declared)
        return found

    def resolve(self, node: ast.AST, local: dict[str, str]) -> str | None:
        """The dotted name of the object ``node`` evaluates to, when it is reached from an import; None otherwise.

        ``os.environ`` for ``os.environ`` / ``environ`` (``from os import environ``) / ``o.environ``; also the
        spellings that reach a module without naming its import (hostile review 5, R5-7/R5-8/R5-14):
        ``sys.modules["m"]`` / ``sys.modules.get("m")`` / ``importlib.import_module("m")`` / ``__import__("m")``
        give ``m`` (``*`` when the key is not a literal, ``__name__`` for the module itself), ``getattr(x, "a")``
        gives ``x.a``, ``type(x)`` / ``x.__class__`` give ``x.__class__`` (an object's class), ``vars(x)`` gives
        ``x.__dict__`` (its namespace), and ``__builtins__`` (of this module or ``x.__builtins__`` of any other)
        gives ``builtins.__dict__``: outside ``__main__`` it is the builtins module's namespace dict.
        """
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            if node.attr == "__builtins__":
                return ".".join(["builtins.__dict__", *reversed(parts)])
            parts.append(node.attr)
            node = node.value
        base: str | None
        if isinstance(node, ast.Name):
            base = local.get(node.id) or self.imports.get(node.id)
            if base is None and node.id == "__builtins__":
                base = "builtins.__dict__"
            elif base is None and parts and parts[-1] == "__self__" and isinstance(getattr(builtins, node.id, None), types.BuiltinFunctionType):
                parts.pop()  # `print.__self__`, `len.__self__`: the builtins module (hostile review 13)
                base = "builtins"
        else:
            base = self._computed(node, local)
        if base is None:
            return None
        if base == UNKNOWN_MODULE:
            return base  # a module not known statically: what is reached from it is not known either
        if base == _FRAME:
            # A frame's builtins are the builtins module's namespace; its globals, locals or callers' frames are some
            # module's namespace (the importer's, with f_back): any name of any module (hostile review 13)
            if parts and parts[-1] == "f_builtins":
                return ".".join(["builtins.__dict__", *reversed(parts[:-1])])
            return UNKNOWN_MODULE if parts else None
        return _through_function_objects(_through_module_globals(".".join([base, *reversed(parts)])))

    def _computed(self, node: ast.AST, local: dict[str, str]) -> str | None:
        """``resolve`` for a subscript or call at the root of an attribute chain (see :meth:`resolve`)."""
        if isinstance(node, ast.Subscript) and isinstance(node.value, (ast.List, ast.Tuple)):
            # `[os][0].environ`: an element of a literal list taken back out (hostile review 13)
            index = node.slice
            elements = node.value.elts
            if isinstance(index, ast.Constant) and isinstance(index.value, int) and -len(elements) <= index.value < len(elements):
                return self.resolve(elements[index.value], local)
            resolved = {self.resolve(e, local) for e in elements}
            return None if resolved == {None} else UNKNOWN_MODULE
        if isinstance(node, ast.Subscript):
            owner = self.resolve(node.value, local)
            if owner == "sys.modules":
                return _module_key(node.slice)
            key = node.slice
            if owner is not None and owner.endswith(".__dict__") and isinstance(key, ast.Constant) and isinstance(key.value, str):
                # `vars(os)["environ"]`, `os.__dict__["environ"]`: the attribute read through the namespace (R6-22)
                return f"{owner[: -len('.__dict__')]}.{key.value}"
            return None
        if not isinstance(node, ast.Call):
            return None
        func = node.func
        called = self.resolve(func, local)
        name = func.id if isinstance(func, ast.Name) else None
        if isinstance(func, ast.Attribute) and func.attr in ("get", "setdefault", "pop") and self.resolve(func.value, local) == "sys.modules":
            return _module_key(node.args[0]) if node.args else UNKNOWN_MODULE
        if isinstance(func, ast.Attribute) and func.attr in ("get", "setdefault", "pop", "__getitem__") and node.args:
            namespace = self.resolve(func.value, local)
            if namespace is not None and namespace.endswith(".__dict__") and namespace != "builtins.__dict__":
                # `shutil.__dict__.get("os")`: the attribute read through the namespace (hostile review 15)
                key = _literal(node.args[0])
                return f"{namespace[: -len('.__dict__')]}.{key}" if key is not None else f"{namespace[: -len('.__dict__')]}.*"
        if called in _MODULE_GETTERS:
            return _module_key(node.args[0]) if node.args else UNKNOWN_MODULE
        if called in ("sys._getframe", "inspect.currentframe", "sys._getframemodulename"):
            return _FRAME
        if (name == "__import__" and called is None) or called in ("builtins.__import__", "importlib.__import__"):
            key = _module_key(node.args[0]) if node.args else UNKNOWN_MODULE
            # __import__("a.b") gives the top package a; with a fromlist, a.b.
            return key if len(node.args) > 1 or node.keywords or key in (UNKNOWN_MODULE, "__name__") else key.split(".")[0]
        generic = (
            isinstance(func, ast.Attribute) and func.attr == "__getattribute__" and isinstance(func.value, ast.Name)
            and func.value.id in ("object", "type") and func.value.id not in self.imports and func.value.id not in local
        )
        if (generic or called in ("builtins.object.__getattribute__", "builtins.type.__getattribute__", "inspect.getattr_static", "builtins.getattr")) and len(node.args) >= 2:
            name, called = "getattr", None  # the same read as getattr(x, "a"), through the attribute machinery (hostile review 12, H1)
        if name in ("getattr", "vars", "type") and called is None and node.args:
            owner = self.resolve(node.args[0], local)
            if owner is None:
                return None
            if name == "vars":
                return owner + ".__dict__" if owner != UNKNOWN_MODULE else owner
            if name == "type":
                return owner + ".__class__" if owner != UNKNOWN_MODULE and len(node.args) == 1 else None
            attribute = node.args[1] if len(node.args) > 1 else None
            if isinstance(attribute, ast.Constant) and isinstance(attribute.value, str) and owner != UNKNOWN_MODULE:
                return "builtins.__dict__" if attribute.value == "__builtins__" else f"{owner}.{attribute.value}"
            return f"{owner}.*" if owner != UNKNOWN_MODULE else owner  # getattr(m, name): some attribute of m
        return None


def _through_function_objects(dotted: str) -> str:
    """A dotted name with the function-object steps that lead back to a known object taken out (hostile review 8,
    R8-8): ``X.method.__self__`` is ``X`` (a bound method's receiver: ``os.environ.get.__self__`` is ``os.environ``),
    ``m.f.__globals__`` is ``m.__dict__`` (a function's module namespace: ``os.getenv.__globals__["environ"]`` is
    ``os.environ``)."""
    if "__self__" not in dotted and "__globals__" not in dotted:
        return dotted
    parts: list[str] = []
    for part in dotted.split("."):
        if part == "__self__" and len(parts) >= 2:
            parts.pop()
        elif part == "__globals__" and len(parts) >= 2:
            parts[-1] = "__dict__"
        else:
            parts.append(part)
    return ".".join(parts)


_MODULE_GLOBALS = frozenset({"os", "sys", "posix", "nt", "builtins", "importlib", "site"})
"""Names that, as a global of a standard-library module, are always that module (``subprocess.os`` is ``os``): no
standard module binds another object under them."""


ENV_OBJECTS = _ENV_OBJECTS
"""The environment mappings, by the dotted name of the object (``os.environ``, ``os.environb``, ``posix.environ``)."""


def module_names(path: Path) -> dict[str, str] | None:
    """Module-level name -> dotted name of the object it is bound to, for imports and aliases bound once
    (``ENV = os.environ``) of the module at ``path``; None when it cannot be read (memoised by path and mtime)."""
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return None
    return _module_names_of(path, stamp)


@functools.lru_cache(maxsize=256)
def _module_names_of(path: Path, stamp: int) -> dict[str, str] | None:
    try:
        tree = ast.parse(path.read_bytes())
    except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return dict(_ModuleNames(tree).imports)


def through_module_globals(dotted: str) -> str:
    """Public name of :func:`_through_module_globals` (the import walk canonicalises a name read in another module)."""
    return _through_module_globals(dotted)


def _through_module_globals(dotted: str) -> str:
    """A dotted name through a standard-library module's global that is itself a module, rebased on that module
    (review 10, R10-15): ``os.path.os.environ`` and ``subprocess.os.environ`` are ``os.environ``,
    ``logging.sys.path`` is ``sys.path`` — the object reached, whatever the route. A global is taken for a module when
    the module is loaded here and the attribute is a module object, or when it is one of :data:`_MODULE_GLOBALS`;
    real submodules (``collections.abc``, ``os.path``) stay as they are."""
    parts = dotted.split(".")
    if len(parts) < 3 or parts[0] not in _STDLIB_NAMES:
        return dotted
    for index in range(len(parts) - 2, 0, -1):
        prefix = ".".join(parts[:index])
        name = parts[index]
        if not is_stdlib_module(prefix) or is_stdlib_module(f"{prefix}.{name}"):
            continue
        loaded = _stdlib_loaded(prefix)
        value = getattr(loaded, name, None) if loaded is not None and name in getattr(loaded, "__dict__", {}) else None
        if isinstance(value, types.ModuleType) or (value is None and name in _MODULE_GLOBALS and name in _STDLIB_NAMES):
            rebased = value.__name__ if isinstance(value, types.ModuleType) else name
            return _through_module_globals(".".join([rebased, *parts[index + 1 :]]))
    return dotted


_NOT_IMPORTED_HERE = IMPORT_RUNS_CODE | {"tkinter", "turtle"}
"""Standard-library packages the verifier never imports to look inside (their import does something visible,
:data:`~thor_guard.verifier.effects.IMPORT_RUNS_CODE`, or needs a display); a route through one of them is rebased
only through :data:`_MODULE_GLOBALS`."""


@functools.lru_cache(maxsize=256)
def _stdlib_loaded(module: str) -> types.ModuleType | None:
    """The standard-library ``module`` as loaded in this process, imported here when it is not yet (hostile review 12:
    ``tempfile._os`` and ``random._os`` are ``os``; the answer must not depend on what the verifier happened to
    import). None for a module whose import runs code (:data:`_NOT_IMPORTED_HERE`, any ``__main__``) or fails."""
    loaded = sys.modules.get(module)
    if loaded is not None:
        return loaded
    parts = module.split(".")
    if parts[0] in _NOT_IMPORTED_HERE or "__main__" in parts:
        return None
    try:
        import importlib

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a deprecated module (lib2to3, msilib) warns on import
            return importlib.import_module(module)
    except Exception:  # noqa: BLE001 - a platform module missing here (msvcrt on Linux): not rebased
        return None


_FRAME = "?frame"
"""What ``sys._getframe()`` / ``inspect.currentframe()`` give while resolving (a frame, not a dotted name)."""

_COMPUTED_ENV = frozenset({"os.*", "posix.*", "nt.*"})
"""``getattr(os, "env" + "iron")``: an attribute of a module holding the environment, name not known (R8-8)."""
_STREAMS = frozenset({"stderr", "stdout", "__stderr__", "__stdout__"})
"""``sys`` streams: logging's ``lastResort`` and every ``StreamHandler()`` made later write to ``sys.stderr`` (R8-10)."""
_REDIRECTS = frozenset({"contextlib.redirect_stderr", "contextlib.redirect_stdout"})


def _stream_patch(node: ast.AST, resolve: Callable[[ast.AST], str | None]) -> bool:
    """Whether ``node`` replaces or patches ``sys.stderr``/``sys.stdout`` (a store, ``setattr``, ``del``, a method
    replaced on the stream, ``contextlib.redirect_stderr``): a log call's last-resort handler then runs that object's
    ``write`` (hostile review 8, R8-10), so it is a change of the logging configuration."""
    if isinstance(node, ast.Attribute) and isinstance(node.ctx, (ast.Store, ast.Del)):
        owner = resolve(node.value)
        return (owner == "sys" and node.attr in _STREAMS) or (owner is not None and owner.split(".")[:2] in (["sys", s] for s in _STREAMS))
    if isinstance(node, ast.Call):
        called = resolve(node.func)
        if called in _REDIRECTS:
            return True
        if isinstance(node.func, ast.Name) and node.func.id in ("setattr", "delattr") and node.args and resolve(node.args[0]) == "sys":
            attribute = _literal(node.args[1]) if len(node.args) > 1 else None
            return attribute is None or attribute in _STREAMS
    return False


def _in_function(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """Whether ``node`` sits in a function or lambda body (``parents``: node id -> parent node)."""
    current = parents.get(id(node))
    while current is not None:
        if isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return True
        current = parents.get(id(current))
    return False


_CONTAINER_MUTATORS = frozenset(
    {
        "append", "extend", "insert", "remove", "pop", "clear", "add", "discard", "update", "setdefault", "popitem",
        "sort", "reverse", "difference_update", "intersection_update", "symmetric_difference_update", "__setitem__",
        "__delitem__", "__iadd__", "__ior__", "__iand__", "__isub__", "__ixor__",
    }
)
"""Methods that change a list, set or dict in place."""


def _container_changed(node: ast.AST, resolve: Callable[[ast.AST], str | None]) -> str | None:
    """The patch target of an in-place change of another project module's object made at import time (hostile
    review 8, A8-3): ``consts.HEARTBEAT_MODES.append(x)``, ``HEARTBEAT_MODES.add(x)`` after ``from consts import
    HEARTBEAT_MODES``, ``consts.MODES[k] = v``, ``del consts.MODES[0]``, ``consts.MODES += [...]``. The walk carries
    it like a rebinding of ``consts.HEARTBEAT_MODES`` (a guard reading that constant is unproven). Objects of the
    standard library are judged by the rules above; a name of this module is its own mutation census's."""
    owner: str | None = None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _CONTAINER_MUTATORS:
        owner = resolve(node.func.value)
    elif isinstance(node, ast.Subscript) and isinstance(node.ctx, (ast.Store, ast.Del)):
        owner = resolve(node.value)
    elif isinstance(node, ast.AugAssign) and isinstance(node.target, (ast.Name, ast.Attribute)):
        owner = resolve(node.target)
    if owner is None or "." not in owner or "*" in owner.split(".") or _stdlib_top(owner) or owner.startswith("__name__"):
        return None
    return owner


def _plain_import_targets(statements: list[ast.stmt]) -> Iterator[str]:
    """The dotted names ``import`` statements anywhere in ``statements`` bind (``import a.b`` binds ``a``)."""
    for node in (n for statement in statements for n in ast.walk(statement)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name if alias.asname else alias.name.split(".")[0]


_REFLECTIVE_BUILTINS = frozenset({"setattr", "delattr", "exec", "eval", "globals", "vars", "locals", "__import__"})
"""Built-ins the censuses judge only where they are called under their own name (``setattr(os, "getenv", f)``)."""
_REFLECTIVE_DUNDERS = frozenset({"__setattr__", "__delattr__", "__set__", "__delete__"})
_ATTRIBUTE_COPIERS = frozenset({"functools.update_wrapper", "functools.wraps"})
"""Functions that ``setattr`` the attributes they copy onto the object they are given."""
_MODULE_INSPECTORS = frozenset(
    {"getattr", "hasattr", "vars", "type", "setattr", "delattr", "isinstance", "issubclass", "id", "repr", "str", "dir", "callable", "hash"}
)
"""Built-ins a module object may be handed to without escaping: they read it, or the censuses judge the store."""


def _escapes(node: ast.AST, resolve: Callable[[ast.AST], str | None], parents: dict[int, ast.AST], names: _ModuleNames) -> Iterator[str]:
    """Patch targets of a *module object* or a *reflective built-in* that import-time code hands on, stores, aliases
    through a container or a conditional, or calls under another spelling (hostile review 14).

    The census follows writes through a module's spelled name and recorded aliases (``os.environ[K] = v``,
    ``o = os; o.getenv = f``). Passed to a function (``_configure(os)``), put in a tuple or dict
    (``for m in (os,): m.environ[K] = v``), bound by a walrus, an unpacking or a ``with`` target, or chosen by a
    conditional expression, the module is written under a name the census does not follow: any of its names may
    change (the environment, for ``os``; the log streams, for ``sys``). A module not known statically
    (``sys.modules[computed]``) used so gives ``*``. ``setattr``, ``exec``, ``globals``, ``vars``... used as a value
    (``_run = exec``, ``map(setattr, ...)``, ``partial(setattr, os)``) or reached through ``builtins`` (``builtins.setattr``,
    ``getattr(builtins, "setattr")``, ``__builtins__["exec"]``) may write anything: ``*``."""
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in _REFLECTIVE_BUILTINS:
        if (
            resolve(node) is None and node.id not in names.functions and not _called(node, parents)
            and not _instance_setattr_alias(node, parents) and not _shadowed_locally(node, parents, names)
        ):
            yield UNKNOWN_MODULE
        return
    if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load) and node.attr in _REFLECTIVE_DUNDERS and not _called(node, parents):
        yield UNKNOWN_MODULE  # `_s = object.__setattr__; _s(os, "getenv", f)`
        return
    if not (isinstance(node, (ast.Name, ast.Attribute, ast.Call, ast.Subscript)) and isinstance(getattr(node, "ctx", ast.Load()), ast.Load)):
        return
    if isinstance(node, ast.Call):
        copier = resolve(node.func)
        decorating = isinstance(parents.get(id(node)), (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        if copier == "functools.wraps" and not _called(node, parents) and not decorating:
            yield UNKNOWN_MODULE  # `_w = functools.wraps(g, ("start",), ()); _w(Feed)`: applied where it is not seen
            return
        if copier == "functools.update_wrapper" and call_spelling(node.func) != "update_wrapper":
            yield UNKNOWN_MODULE  # `from functools import update_wrapper as _copy`: the binding census matches by name
            return
    value = resolve(node)
    if value is None or _shadowed_locally(node, parents, names):
        return
    module_object = value in names.module_objects or is_stdlib_module(value)
    judged_elsewhere = value in _COMPUTED_ENV or value in _ENV_OBJECTS or value in _IMPORT_STATE or value == "sys.modules"
    if value != UNKNOWN_MODULE and not module_object and not judged_elsewhere and _handed_to_writer(node, value, parents, names):
        yield patch_target(value.removesuffix(".__dict__"), None)
        return
    if value == "sys.modules":
        if not _names_modules(node, parents):
            yield UNKNOWN_MODULE  # `[m for n, m in sys.modules.items() if n == "os"][0].environ[K] = v`
        return
    if value.startswith("builtins.") and value.partition(".")[2] in _REFLECTIVE_BUILTINS:
        yield UNKNOWN_MODULE
        return
    if value in _ATTRIBUTE_COPIERS and not _called(node, parents):
        # `_uw = functools.update_wrapper`, `partial(update_wrapper, ...)`, `map(update_wrapper, ...)`: a setattr on
        # an object the census does not see (hostile review 15; a direct call is judged by the binding census)
        yield UNKNOWN_MODULE
        return

    if value == UNKNOWN_MODULE:
        if isinstance(node, ast.Call):
            # `return importlib.import_module(name)`: the import of a name not known statically is judged as such
            # by the reach; only a module reached through a computed key and then handed on is an escape here
            return
        if isinstance(node, ast.Attribute) and node.attr.startswith("__") and node.attr.endswith("__") and node.attr != "__dict__":
            return  # `sys.modules[name].__file__`: data of the module, not the module
    elif not module_object:
        return
    if _module_use(node, parents, names.aliases):
        return
    yield patch_target(value, None)
    # Through the module the receiver reaches every module it holds as a global (`m.os.environ[K] = v` for
    # `_configure(shutil)`, `m.sys.stderr = X` for logging; hostile review 15): any module, the environment and
    # the log streams.
    yield UNKNOWN_MODULE
    yield LOGGING_CONFIGURATION
    yield ENV_TARGET + "[" + UNKNOWN_KEY + "]"


def _names_modules(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """A use of ``sys.modules`` that gives no module object but under a key the census resolves: a subscript
    (``sys.modules["m"]``, judged as the module ``m``, or ``*`` for a computed key), ``.get(key)``, ``keys()``, a
    membership test, ``len()``. Iterating its values or items, copying it or handing it on gives modules under names
    the census does not follow."""
    parent = parents.get(id(node))
    if isinstance(parent, ast.Subscript) and parent.value is node:
        return True
    if isinstance(parent, ast.Attribute) and parent.value is node:
        if parent.attr in ("values", "items", "copy") and _called(parent, parents):
            return _loop_only_inspects(parents.get(id(parent)), parents)
        return parent.attr in ("get", "keys", "__contains__", "__len__", "__getitem__", "setdefault", "pop") or not _called(parent, parents)
    if isinstance(parent, ast.Compare):
        return True
    if isinstance(parent, (ast.For, ast.AsyncFor, ast.comprehension)) and parent.iter is node:
        return True  # iterating the mapping itself gives the names (strings)
    return isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and parent.func.id in _KEY_READERS


_KEY_READERS = frozenset({"len", "id", "isinstance", "type", "sorted", "list", "tuple", "set", "frozenset", "iter", "reversed", "enumerate", "any", "all", "min", "max"})
"""Built-ins that, given ``sys.modules``, read or iterate its keys (module names), never its modules."""


def _loop_only_inspects(iterated: ast.AST | None, parents: dict[int, ast.AST]) -> bool:
    """``sys.modules.values()`` / ``.items()`` (``iterated``, possibly wrapped in ``list()``/``sorted()``...) iterated
    by a ``for`` statement whose body only inspects the modules it binds: a dunder attribute read
    (``m.__name__``, ``m.__file__``; not ``__dict__``), the same through ``getattr``/``hasattr`` with a literal name,
    an argument of ``isinstance``/``id``/``repr``/``str``/``type``, a comparison. A comprehension hands the modules on: not inspection."""
    node = iterated
    while node is not None and isinstance(parents.get(id(node)), ast.Call):
        caller = parents[id(node)]
        if isinstance(caller.func, ast.Name) and caller.func.id in ("len", "bool") and caller.args and caller.args[0] is node:
            return True  # `len(list(sys.modules.values()))`: counted, not kept
        if not (isinstance(caller.func, ast.Name) and caller.func.id in ("list", "tuple", "sorted", "reversed", "iter", "enumerate")):
            return False
        node = caller
    loop = parents.get(id(node)) if node is not None else None
    if not (isinstance(loop, (ast.For, ast.AsyncFor)) and loop.iter is node):
        return False
    bound = {n.id for n in ast.walk(loop.target) if isinstance(n, ast.Name)}
    for statement in [*loop.body, *loop.orelse]:
        for use in ast.walk(statement):
            if not (isinstance(use, ast.Name) and use.id in bound):
                continue
            if not isinstance(use.ctx, ast.Load):
                return False  # rebound in the body: judged as any other name
            holder = parents.get(id(use))
            if isinstance(holder, ast.Attribute) and holder.value is use and holder.attr.startswith("__") and holder.attr != "__dict__" and isinstance(holder.ctx, ast.Load):
                continue
            if isinstance(holder, ast.Call) and use in holder.args and isinstance(holder.func, ast.Name):
                if holder.func.id in ("isinstance", "id", "repr", "str", "type"):
                    continue
                name = _literal(holder.args[1]) if len(holder.args) > 1 and holder.args[0] is use else None
                if holder.func.id in ("getattr", "hasattr") and name is not None and name.startswith("__") and name != "__dict__":
                    continue  # getattr(m, "__file__", None): data of the module
            if isinstance(holder, ast.Compare):
                continue
            return False
    return True


def _handed_to_writer(node: ast.AST, value: str, parents: dict[int, ast.AST], names: _ModuleNames) -> bool:
    """Whether import-time code hands the imported object ``node`` (``value``: a project module, class or function,
    or a library object) to code that may store on it under another name (hostile review 15):

    * an argument of this module's own function that writes through that parameter (``_wrap(svc.Feed)`` with
      ``def _wrap(cls): cls.start = f``), as the binding census judges a looked-up module passed on;
    * an element of a literal tuple, list or set that a ``for`` statement iterates while its body does more than
      read dunders of what it binds (``for cls in (svc.Feed,): cls.start = f``), or that ``map``/``filter`` get;
    * a module namespace iterated or copied (``vars(svc).values()``, ``svc.__dict__.items()``, ``dict(vars(svc))``,
      ``inspect.getmembers(svc)``): every member it holds.
    Registries and other libraries' functions given a project object (``admin.site.register(Model)``) are not
    counted: what other modules' functions do with their arguments is the stated assumption (docs/check.md)."""
    parent = parents.get(id(node))
    if isinstance(parent, ast.Call) and node in parent.args and isinstance(parent.func, ast.Name) and parent.func.id in names.functions:
        function = names.functions[parent.func.id]
        positional = [a.arg for a in [*function.args.posonlyargs, *function.args.args]]
        index = parent.args.index(node)
        if index >= len(positional):
            return function.args.vararg is not None and _stores_through(function.body, function.args.vararg.arg, element=True)
        return _stores_through(function.body, positional[index])
    if isinstance(parent, (ast.Tuple, ast.List, ast.Set)):
        holder = parents.get(id(parent))
        if isinstance(holder, (ast.For, ast.AsyncFor)) and holder.iter is parent:
            bound = [n.id for n in ast.walk(holder.target) if isinstance(n, ast.Name)]
            return any(_stores_through([*holder.body, *holder.orelse], name) for name in bound)
        if isinstance(holder, ast.Call) and parent in holder.args and isinstance(holder.func, ast.Name) and holder.func.id in ("map", "filter"):
            return True
    if value.endswith(".__dict__") and value != "builtins.__dict__":
        if isinstance(parent, ast.Attribute) and parent.value is node and parent.attr in ("values", "items", "copy") and _called(parent, parents):
            return not _loop_only_inspects(parents.get(id(parent)), parents)
        if isinstance(parent, ast.Call) and node in parent.args and isinstance(parent.func, ast.Name) and parent.func.id in ("dict", "list", "tuple", "sorted", "iter"):
            return True
    if isinstance(parent, ast.Call) and parent.args and parent.args[0] is node and call_spelling(parent.func) == "getmembers":
        return True
    if value.endswith(".*") and isinstance(parent, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
        return True  # `[getattr(svc, n) for n in dir(svc)]`: every attribute of svc, collected
    return False


def _instance_setattr_alias(node: ast.Name, parents: dict[int, ast.AST]) -> bool:
    """``_setattr = setattr`` in a method whose every use of ``_setattr`` is a call on the method's own first
    parameter (``_setattr(self, field.attname, val)``: Django's ``Model.__init__``): a store on the instance, which
    the class's attribute census judges; no module name changes."""
    if node.id not in ("setattr", "delattr"):
        return False
    statement = parents.get(id(node))
    if not (isinstance(statement, ast.Assign) and statement.value is node and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name)):
        return False
    alias = statement.targets[0].id
    function = parents.get(id(statement))
    while function is not None and not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
        function = parents.get(id(function))
    if function is None:
        return False
    positional = [*function.args.posonlyargs, *function.args.args]
    if not positional:
        return False
    receiver = positional[0].arg
    uses = [n for statement in function.body for n in ast.walk(statement) if isinstance(n, ast.Name) and n.id == alias]
    for use in uses:
        if use is statement.targets[0]:
            continue
        if not isinstance(use.ctx, ast.Load):
            return False  # rebound: judged as any other name
        call = next((c for statement in function.body for c in ast.walk(statement) if isinstance(c, ast.Call) and c.func is use), None)
        if call is None or not call.args or not (isinstance(call.args[0], ast.Name) and call.args[0].id == receiver):
            return False
    return True


def _shadowed_locally(node: ast.AST, parents: dict[int, ast.AST], names: _ModuleNames) -> bool:
    """Whether the name at the root of ``node`` (``copy`` in ``copy`` or ``copy.x``) is bound by the function or
    comprehension that holds it (``copy = super().copy(); return copy`` in a method of a module that imports
    ``copy``): it is then not the import :meth:`_ModuleNames.resolve` takes it for."""
    root = node
    while isinstance(root, (ast.Attribute, ast.Subscript)):
        root = root.value
    if not isinstance(root, ast.Name):
        return False
    scope = parents.get(id(node))
    while scope is not None and not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
        scope = parents.get(id(scope))
    while scope is not None:
        if root.id in names.scope_bindings(scope):
            return True
        scope = parents.get(id(scope))
        while scope is not None and not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            scope = parents.get(id(scope))
    return False


def _stores_through(body: list[ast.stmt], name: str, *, element: bool = False) -> bool:
    """Whether ``body`` stores on the object the name ``name`` holds (``element``: on an element of it, for
    ``*args``): an attribute store or delete through it (``name.start = f``, ``name.a.b = f``), ``setattr``/
    ``delattr``/``vars`` on it, its ``__dict__`` or ``__setattr__`` used, or a loop or unpacking that rebinds its
    elements to names it stores through. Calling it, reading its attributes or handing it to other functions is not
    a store here (what other functions do with their arguments is the stated assumption)."""
    nodes = [n for statement in body for n in ast.walk(statement)]
    names = {name}
    if element:
        for node in nodes:
            if isinstance(node, (ast.For, ast.comprehension)) and isinstance(node.iter, ast.Name) and node.iter.id == name:
                names.update(n.id for n in ast.walk(node.target) if isinstance(n, ast.Name))
    for node in nodes:
        if isinstance(node, (ast.Attribute, ast.Subscript)) and isinstance(node.ctx, (ast.Store, ast.Del)):
            root = node.value
            while isinstance(root, (ast.Attribute, ast.Subscript)):
                root = root.value
            if isinstance(root, ast.Name) and root.id in names and (isinstance(node, ast.Attribute) or _through_namespace(node.value)):
                return True
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Name) and node.args[0].id in names:
            if call_spelling(node.func) in ("setattr", "delattr", "vars", "__setattr__", "__delattr__", "update_wrapper"):
                return True
        elif isinstance(node, ast.Attribute) and node.attr in ("__dict__", "__setattr__", "__delattr__", "__class__"):
            if isinstance(node.value, ast.Name) and node.value.id in names:
                return True
    return False


def _through_namespace(node: ast.AST) -> bool:
    """``x.__dict__`` / ``vars(x)`` at the end of a subscript store's object (``x.__dict__["start"] = f``)."""
    return (isinstance(node, ast.Attribute) and node.attr == "__dict__") or (isinstance(node, ast.Call) and call_spelling(node.func) == "vars")


def call_spelling(func: ast.AST) -> str | None:
    """The last name a call's callee is spelt with: ``setattr`` for ``setattr(...)`` and ``builtins.setattr(...)``;
    None for any other callee expression (a call result, a subscript)."""
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def _called(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    parent = parents.get(id(node))
    return isinstance(parent, ast.Call) and parent.func is node


def _module_use(node: ast.AST, parents: dict[int, ast.AST], aliases: set[int]) -> bool:
    """A use of a module object that keeps it where the census sees it: an attribute of it (loads and stores are
    judged), a plain read (:func:`_plain_read`), an argument of a built-in that reads it or whose store the census
    judges (``getattr(os, "x")``, ``setattr(os, "x", v)``), the receiver of a ``__setattr__``-style call."""
    parent = parents.get(id(node))
    if isinstance(parent, ast.Attribute) and parent.value is node:
        return True
    if isinstance(parent, ast.Call) and node in parent.args:
        func = parent.func
        if isinstance(func, ast.Name) and func.id in _MODULE_INSPECTORS:
            return True
        if isinstance(func, ast.Attribute) and func.attr in (*_REFLECTIVE_DUNDERS, "__getattribute__", "getattr_static"):
            return True  # object.__setattr__(os, "x", v): judged by _object_patches; getattr_static reads
    if isinstance(parent, ast.Call) and parent.func is node:
        return True  # calling a module raises TypeError
    if isinstance(parent, (ast.Delete, ast.Global)):
        return True
    if isinstance(parent, (ast.List, ast.Tuple)) and isinstance(parents.get(id(parent)), ast.Subscript) and parents[id(parent)].value is parent:
        return True  # `[os][0].environ`: the element taken back out, which resolve() follows (hostile review 13)
    return _plain_read(node, parents, aliases)


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
        elif isinstance(statement, ast.ImportFrom) and (statement.level or statement.module):
            # Relative ones stay relative (`from . import feed` -> `.feed`): the import walk makes targets absolute.
            base = "." * statement.level + (statement.module or "")
            joiner = "." if statement.module else ""
            for alias in statement.names:
                if alias.name != "*":
                    into[alias.asname or alias.name] = f"{base}{joiner}{alias.name}"
        elif not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for block in ("body", "orelse", "finalbody", "handlers", "cases"):
                inner = getattr(statement, block, None)
                if isinstance(inner, list):
                    _collect_imports([s for s in inner if isinstance(s, ast.stmt)], into)
                    for item in inner:
                        if isinstance(item, (ast.ExceptHandler, ast.match_case)):
                            _collect_imports(item.body, into)


def _import_time_nodes(tree: ast.Module, names: _ModuleNames, parents: dict[int, ast.AST]) -> Iterator[tuple[ast.AST, dict[str, str]]]:
    """Every node evaluated when the module is imported (see the module docstring), with the imports local to it;
    ``parents`` is filled with each yielded node's parent before the node is yielded."""
    called: list[str] = []
    for node in _outside_defs(tree, parents):
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
            parents[id(statement)] = function
            for node in _outside_defs(statement, parents):
                _note_call(node, names, called)
                yield node, local


def _reached_nodes(
    tree: ast.Module, names: _ModuleNames, followed: list[ast.AST], parents: dict[int, ast.AST]
) -> Iterator[tuple[ast.AST, dict[str, str]]]:
    """Module-level nodes, then every node of each followed body with the imports it makes locally and the parameters
    whose default is a known object (``def f(environ=os.environ)``: ``environ`` is ``os.environ`` unless passed)."""
    for node in _outside_defs(tree, parents):
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
            parents.setdefault(id(statement), function)
            for node in ast.walk(statement):
                for child in ast.iter_child_nodes(node):
                    parents[id(child)] = node  # before the node is yielded, as _outside_defs does
                yield node, local


def _note_call(node: ast.AST, names: _ModuleNames, called: list[str]) -> None:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names.functions:
        called.append(node.func.id)


def _outside_defs(root: ast.AST, parents: dict[int, ast.AST]) -> Iterator[ast.AST]:
    """``root`` and its descendants, minus the insides of ``def``/``lambda`` (their code runs when called); records
    each descendant's parent in ``parents``."""
    todo = [root]
    while todo:
        node = todo.pop()
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            children = list(ast.iter_child_nodes(node))
        else:
            # A nested def's decorators and defaults run at definition time.
            children = list(getattr(node, "decorator_list", ()))
            arguments = getattr(node, "args", None)
            if isinstance(arguments, ast.arguments):
                children.extend(d for d in [*arguments.defaults, *arguments.kw_defaults] if d is not None)
        for child in children:
            parents[id(child)] = node
        yield node
        todo.extend(reversed(children))


ENVIRON_VIA_PREFIX = "?environ-via:"
"""Patch target of an environment-style write on an object of another project module (``ENV[KEY] = v`` after ``from
pkg.env import ENV``): ``?environ-via:<object>#<environment target>``. The import walk, which can read the other
module, turns it into the environment target when that object is ``os.environ`` there, and drops it otherwise
(:func:`thor_guard.verifier.loads.settle`; review 10, R10-15)."""


def environ_via(owner: str, target: str) -> str:
    """The :data:`ENVIRON_VIA_PREFIX` target of ``target`` (an environment target) written through ``owner``."""
    return f"{ENVIRON_VIA_PREFIX}{owner}#{target}"


def _project_object(owner: str | None) -> bool:
    """Whether ``owner`` is an object another module binds (``pkg.env.ENV``, ``.env.ENV``): it may be ``os.environ``."""
    if owner is None or owner in _ENV_OBJECTS or "*" in owner.split(".") or owner.startswith("__name__"):
        return False
    return "." in owner.lstrip(".") and not _stdlib_top(owner.lstrip("."))


def _writes(node: ast.AST, resolve: Callable[[ast.AST], str | None]) -> Iterator[str]:
    """The patch targets ``node`` writes (usually none)."""
    yield from _writes_through(node, resolve)
    owner = None
    if isinstance(node, ast.Subscript) and isinstance(node.ctx, (ast.Store, ast.Del)):
        owner, targets = resolve(node.value), [_env_key(node.slice)]
    elif isinstance(node, ast.AugAssign):
        owner, targets = resolve(node.target), list(_mapping_keys(node.value))
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        owner, targets = resolve(node.func.value), []
        if node.func.attr in _ENV_KEYED:
            targets = [_env_key(node.args[0]) if node.args else ENV_TARGET + "[" + UNKNOWN_KEY + "]"]
        elif node.func.attr == "update":
            targets = list(_update_keys(node))
        elif node.func.attr in _ENV_ANY:
            targets = [ENV_TARGET + "[" + UNKNOWN_KEY + "]"]
    if owner is not None and _project_object(owner):
        for target in targets:
            yield environ_via(owner, target)


def _writes_through(node: ast.AST, resolve: Callable[[ast.AST], str | None]) -> Iterator[str]:
    """The patch targets ``node`` writes through objects known in this module."""
    if isinstance(node, ast.Subscript) and isinstance(node.ctx, (ast.Store, ast.Del)):
        owner = resolve(node.value)
        if owner in _ENV_OBJECTS:
            yield _env_key(node.slice)
        elif owner in _IMPORT_STATE or owner in _HOOK_LISTS:
            yield from _import_state(owner, getattr(node, "value", None), resolve)
        elif isinstance(node.value, ast.Name) and node.value.id == "__path__":
            yield "__name__"
    elif isinstance(node, ast.AugAssign):
        owner = resolve(node.target)
        if owner in _ENV_OBJECTS:
            yield from _mapping_keys(node.value)
        elif owner in _IMPORT_STATE or owner in _HOOK_LISTS:
            yield from _import_state(owner, getattr(node, "value", None), resolve)
        elif isinstance(node.target, ast.Name) and node.target.id == "__path__":
            yield "__name__"
    elif isinstance(node, (ast.Assign, ast.AnnAssign)):
        for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
            if isinstance(target, ast.Name) and target.id == "__path__":
                yield "__name__"  # `__path__ = extend_path(__path__, __name__)`
            elif resolve(target) in _IMPORT_STATE or resolve(target) in _HOOK_LISTS:
                yield from _import_state(resolve(target), node.value, resolve)  # `sys.path = [...]` (also a store on sys: a patch of its own)
    elif isinstance(node, ast.Call):
        func = node.func
        called = resolve(func)
        if called in _DOORS:
            yield DOOR_TARGET
        elif called in _ENV_FUNCTIONS:
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
            elif owner in _HOOK_LISTS and func.attr not in _LIST_READS:
                if not _library_objects([*node.args, *(k.value for k in node.keywords)], resolve):
                    yield DOOR_TARGET
                if owner in _IMPORT_STATE:
                    yield IMPORT_SYSTEM_TARGET
            elif owner in _IMPORT_STATE and func.attr not in _LIST_READS:
                yield IMPORT_SYSTEM_TARGET
            elif isinstance(func.value, ast.Name) and func.value.id == "__path__" and func.attr not in _LIST_READS:
                yield "__name__"
            elif _is_dotenv(func.attr, called):
                yield ENV_TARGET + "[" + UNKNOWN_KEY + "]"
        elif isinstance(func, ast.Name) and _is_dotenv(func.id, called):
            yield ENV_TARGET + "[" + UNKNOWN_KEY + "]"


def _library_objects(values: list[ast.expr], resolve: Callable[[ast.AST], str | None]) -> bool:
    """Whether every object ``values`` put into a hook list is the standard library's (``PathFinder``,
    ``zipimport.zipimporter``): its code is the library's, not project code (the index of ``insert`` is a number)."""
    todo = list(values)
    while todo:
        value = todo.pop()
        if isinstance(value, (ast.List, ast.Tuple)):
            todo.extend(value.elts)
        elif isinstance(value, ast.Constant) and isinstance(value.value, int):
            continue
        else:
            dotted = resolve(value)
            if dotted is None or not is_stdlib_module(dotted.split(".")[0]):
                return False
    return True


def _import_state(owner: str | None, value: ast.AST | None = None, resolve: Callable[[ast.AST], str | None] | None = None) -> Iterator[str]:
    """The targets of a write of an import-state or hook list ``owner`` (``value``: what is stored, when known)."""
    if owner in _HOOK_LISTS and not (value is not None and resolve is not None and _library_objects([value], resolve)):  # type: ignore[list-item]
        yield DOOR_TARGET
    if owner in _IMPORT_STATE:
        yield IMPORT_SYSTEM_TARGET


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


# -- stores reached through other spellings (hostile review 5, R5-2/R5-7/R5-8/R5-9/R5-13/R5-14/R5-19) ---------------
#
# The rules above recognise writes by their receiver's spelling (`os.environ.setdefault(...)`, `sys.path.insert`).
# The same objects are written through other doors: an unbound method given the object as an argument
# (`MutableMapping.setdefault(os.environ, ...)`, `list.insert(sys.path, 0, d)`), private state
# (`os.environ._data[k] = v`), a module's namespace (`__builtins__["len"] = f`, `vars(sys.modules["m"])["os"] = X`),
# `setattr`/`type.__setattr__` on an object reached by a look-up, and the classes behind the objects a guard reads
# (`os._Environ.get = f`, `collections.abc.Mapping.get = f`, `logging.Logger.debug = f`). The rule here is by use,
# not by spelling: every use of such an object that is not one of a few proven reads may write it.

_ENV_READ_ATTRIBUTES = frozenset(
    {"get", "keys", "items", "values", "copy", "__contains__", "__getitem__", "__len__", "__iter__", "__repr__",
     "encodekey", "decodekey", "encodevalue", "decodevalue"}
)
"""Attributes of ``os.environ`` whose *call* only reads it (the encoders are pure functions of their argument)."""
_ENV_WRITE_METHODS = _ENV_KEYED | _ENV_ANY | {"update"}
"""Judged key by key by :func:`_writes` when called; any other use of them (``f = os.environ.setdefault``) may write."""
_IMPORT_WRITE_METHODS = frozenset(
    {"append", "extend", "insert", "remove", "pop", "clear", "reverse", "sort", "__setitem__", "__delitem__",
     "__iadd__", "__imul__", "setdefault", "update", "popitem"}
)
_READERS = frozenset(
    {"len", "list", "tuple", "sorted", "dict", "set", "frozenset", "iter", "reversed", "enumerate", "bool", "repr",
     "str", "print", "any", "all", "isinstance", "id", "type", "hash", "hasattr", "callable", "dir", "zip", "sum", "min",
     "max"}
)
"""Builtins that only read an object passed to them (``dict(os.environ)`` copies it)."""
_NAMESPACE_READS = frozenset({"get", "keys", "items", "values", "copy", "__contains__", "__getitem__", "__len__", "__iter__"})
_SETATTR_OWNERS = frozenset({"object", "type"})
_WHOLE_OBJECT = frozenset({"__class__", "__dict__", "__getattr__", "__getattribute__", "__setattr__", "__bases__", "__mro__"})
"""Attributes whose store changes every attribute of the object, not one."""
_LOGGER_FACTORIES = frozenset({"setLoggerClass", "setLogRecordFactory"})
"""Calls after which ``logging.getLogger`` / a log call run another (project) class or factory (R5-13)."""


def _object_patches(
    node: ast.AST, resolve: Callable[[ast.AST], str | None], parents: dict[int, ast.AST], aliases: set[int], uses_logging: bool = False
) -> Iterator[str]:
    """The patch targets ``node`` writes through the doors described above (usually none).

    ``uses_logging``: the module imports ``logging``; a handler or filter it adds at import time
    (``logging.getLogger().addHandler(h)``, ``logging.basicConfig(...)``, ``logger.handlers.append(h)``) runs on
    every later log call of every module, like a replaced logger class (R5-13, LC3)."""
    if uses_logging and _configures_logging(node, resolve, parents):
        yield LOGGING_CONFIGURATION
    if isinstance(node, ast.ClassDef) and any(_binds_hook(s) for s in node.body):
        yield SUBCLASS_HOOKS
    if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and node.attr in _SUBCLASS_HOOK_NAMES:
        yield SUBCLASS_HOOKS  # `Registry.__subclasshook__ = classmethod(f)` after the class (hostile review 17, H4)
    if isinstance(node, ast.Call) and call_spelling(node.func) == "setattr" and len(node.args) > 1 and _literal(node.args[1]) in (*_SUBCLASS_HOOK_NAMES, None):
        yield SUBCLASS_HOOKS
    if _logger_store(node, resolve, parents):
        yield LOGGING_CONFIGURATION
    if _stream_patch(node, resolve) and not _in_function(node, parents):
        # Only a replacement that import-time code makes outside any function: in a function body the walk only
        # knows that it may run, and counting those made every log line of every guard in a module that imports
        # click TG002 (click.core's BaseCommand.main swaps sys.stdout/sys.stderr when it runs): a replacement inside a
        # function that module-level code calls is a known gap (docs/check.md, assumption 4).
        yield LOGGING_CONFIGURATION
    changed = _container_changed(node, resolve)
    if changed is not None:
        yield changed
    if isinstance(node, ast.Attribute) and isinstance(node.ctx, (ast.Store, ast.Del)):
        owner = resolve(node.value)
        if owner is not None:
            yield patch_target(owner, node.attr)
    elif isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id in ("setattr", "delattr") and node.args:
            owner = resolve(node.args[0])
            if owner is not None:
                yield patch_target(owner, _literal(node.args[1]) if len(node.args) > 1 else None)
        elif isinstance(func, ast.Attribute) and func.attr in ("__set__", "__delete__") and resolve(func.value) is not None:
            # A data descriptor's __set__ called directly (`types.FunctionType.__code__.__set__(f, code)`,
            # `CellType.cell_contents.__set__(cell, X)`): an attribute of its first argument is written, whatever the
            # spelling of the descriptor; which object that is the walk does not follow (hostile review 12, H10). A
            # descriptor reached other than from an import (`super().__set__(...)` in a project descriptor) is project
            # code the walk follows where it runs.
            owner = resolve(node.args[0]) if node.args else None
            yield patch_target(owner, None) if owner is not None else UNKNOWN_MODULE
        elif isinstance(func, ast.Attribute) and func.attr in ("__setattr__", "__delattr__"):
            receiver = func.value
            through = receiver
            if (isinstance(receiver, ast.Name) and receiver.id in _SETATTR_OWNERS) or resolve(receiver) in ("types.ModuleType", "builtins.object", "builtins.type"):
                through = node.args[0] if node.args else receiver  # type.__setattr__(Mode, "X", v): Mode is written
                attribute = node.args[1] if len(node.args) > 1 else None
            else:
                attribute = node.args[0] if node.args else None  # os.__setattr__("x", v)
            owner = resolve(through)
            if owner is not None:
                yield patch_target(owner, _literal(attribute) if attribute is not None else None)
        else:
            called = resolve(func)
            if called is not None and called.startswith("logging.") and called.rpartition(".")[2] in _LOGGER_FACTORIES:
                yield LOGGING_CONFIGURATION  # logging.setLoggerClass(X): every logger made afterwards is an X (R5-13)
    if isinstance(node, (ast.Name, ast.Attribute, ast.Call, ast.Subscript)) and isinstance(getattr(node, "ctx", ast.Load()), ast.Load):
        value = resolve(node)
        if value is None:
            return
        if value.endswith(".__dict__"):
            # A module's namespace (`__builtins__`, `vars(m)`, `m.__dict__`, an alias of one) used other than by a
            # read: any name of that module may be rebound through it.
            if not _namespace_read(node, parents, aliases):
                yield patch_target(value[: -len(".__dict__")], None)
        elif value in _COMPUTED_ENV:
            if not _plain_read(node, parents, aliases):  # which attribute is not known: any use but a plain read writes
                yield ENV_TARGET + "[" + UNKNOWN_KEY + "]"
        elif value in _ENV_OBJECTS:
            if not _env_read(node, parents, aliases):
                yield ENV_TARGET + "[" + UNKNOWN_KEY + "]"
        elif value in _IMPORT_STATE:
            if not _state_read(node, value, parents, aliases, _LIST_READS, _IMPORT_WRITE_METHODS):
                yield IMPORT_SYSTEM_TARGET
        elif value == "sys.modules":
            if not _state_read(node, value, parents, aliases, _NAMESPACE_READS, frozenset()):
                parent = parents.get(id(node))
                # sys.modules["m"] = X replaces what `import m` gives (`sys.modules[__name__] = X`: this module)
                yield _module_key(parent.slice) if isinstance(parent, ast.Subscript) and parent.value is node else UNKNOWN_MODULE


LOGGING_CONFIGURATION = "the logging configuration"
"""Target of an import-time change of what log calls run - a logger class or record factory set, a handler or filter
added (``logging.setLoggerClass(X)``, ``logging.getLogger().addHandler(h)``, ``logging.basicConfig(...)``). No dotted
name equals it, so it makes no *binding* unproven; the evaluator asks for it by name before taking a logger's call
as pure (the call is then an effect, TG002, as for a logger its own module reconfigures). Stores on the ``logging``
package itself (``logging.Logger.debug = f``) are binding patches (target ``logging``: TG009)."""
SUBCLASS_HOOKS = "a project __subclasshook__ or __subclasscheck__"
"""Target of a class defined at import time whose body defines ``__subclasshook__`` (an ABC's hook) or
``__subclasscheck__`` (a metaclass's). ``isinstance(x, collections.abc.Mapping)`` on a value of a type the ABC has
not seen walks ``Mapping.__subclasses__()`` and runs each one's hook - and ``logging`` makes that test for every log
call with exactly one argument after the message (hostile review 16). Which classes lie under ``Mapping`` is not
followed: any such class counts. Like :data:`LOGGING_CONFIGURATION`, no dotted name equals it."""
_SUBCLASS_HOOK_NAMES = frozenset({"__subclasshook__", "__subclasscheck__", "__instancecheck__"})


def _binds_hook(statement: ast.stmt) -> bool:
    """A class-body statement binding ``__subclasshook__``/``__subclasscheck__``: a ``def`` or an assignment
    (``__subclasshook__ = classmethod(_hook)``, hostile review 17, H4)."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return statement.name in _SUBCLASS_HOOK_NAMES
    targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target] if isinstance(statement, (ast.AnnAssign, ast.AugAssign)) else []
    return any(isinstance(n, ast.Name) and n.id in _SUBCLASS_HOOK_NAMES for t in targets for n in ast.walk(t))


_LOGGER_DATA = frozenset({"level", "propagate", "disabled"})
_LOGGING_LEVELS = frozenset({"CRITICAL", "FATAL", "ERROR", "WARNING", "WARN", "INFO", "DEBUG", "NOTSET"})


def _logger_store(node: ast.AST, resolve: Callable[[ast.AST], str | None], parents: dict[int, ast.AST]) -> bool:
    """An attribute store on a logger object made through ``logging.getLogger(...)`` (``logging.getLogger("feed").handle
    = f``, or through a name bound to that call anywhere in the module: hostile review 17, H3), other than a literal
    stored in ``level``/``propagate``/``disabled`` (a project object there is truth-tested by every log call, H2)."""
    if not (isinstance(node, ast.Attribute) and isinstance(node.ctx, (ast.Store, ast.Del))):
        return False
    receiver = node.value
    statement = parents.get(id(node))
    literal_data = node.attr in _LOGGER_DATA and isinstance(statement, ast.Assign) and (
        isinstance(statement.value, ast.Constant)
        or (resolve(statement.value) or "").rpartition(".")[::2] in {("logging", level) for level in _LOGGING_LEVELS}
    )  # `logger.level = logging.INFO`: a level constant of the logging package is an int
    if literal_data:
        return False
    if isinstance(receiver, ast.Call) and resolve(receiver.func) == "logging.getLogger":
        return True
    if not isinstance(receiver, ast.Name):
        return False
    own, named = _logger_names(node, resolve, parents)
    # the module's own `logger = logging.getLogger(__name__)`: a method replaced on it (`logger.info = print`) is a
    # binding patch the census judges where that logger is read; a project object in its data is truth-tested by
    # every call on it. A logger got by another name may be any module's.
    return receiver.id in named or (receiver.id in own and node.attr in _LOGGER_DATA)


def _logger_names(node: ast.AST, resolve: Callable[[ast.AST], str | None], parents: dict[int, ast.AST]) -> tuple[frozenset[str], frozenset[str]]:
    """Names assigned ``logging.getLogger(...)`` anywhere in the tree ``node`` belongs to: those of
    ``getLogger(__name__)`` (the module's own logger), and the others; computed once per census (kept in ``parents``
    under the key -1, which no node id is)."""
    cached = parents.get(-1)
    if isinstance(cached, tuple):
        return cached  # type: ignore[return-value]
    root = node
    while id(root) in parents:
        root = parents[id(root)]
    own: set[str] = set()
    named: set[str] = set()
    for holder in ast.walk(root):
        if isinstance(holder, (ast.Assign, ast.AnnAssign)) and isinstance(holder.value, ast.Call) and resolve(holder.value.func) == "logging.getLogger":
            arguments = holder.value.args
            is_own = len(arguments) == 1 and isinstance(arguments[0], ast.Name) and arguments[0].id == "__name__"
            for target in holder.targets if isinstance(holder, ast.Assign) else [holder.target]:
                if isinstance(target, ast.Name):
                    (own if is_own else named).add(target.id)
    found = (frozenset(own), frozenset(named - own))
    parents[-1] = found  # type: ignore[assignment]
    return found
_LOGGING_HOOK_METHODS = frozenset({"addHandler", "addFilter", "setLoggerClass", "setLogRecordFactory", "setFormatter", "setStream"})
"""Methods that make later log calls run other code, judged by name on any receiver (a logger bound to
``logging.getLogger(...)`` is not followed by name): ``logging.lastResort.setFormatter(f)`` makes every record
logged with no handler configured run ``f.format`` (hostile review 16), ``setStream(s)`` makes it run ``s.write``."""
_LOGGING_CONFIG_CALLS = frozenset({"basicConfig", "dictConfig", "fileConfig", "listen"})


def _configures_logging(node: ast.AST, resolve: Callable[[ast.AST], str | None], parents: dict[int, ast.AST]) -> bool:
    if isinstance(node, ast.Call) and isinstance(node.func, (ast.Attribute, ast.Name)):
        name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
        if name == "addHandler" and len(node.args) == 1 and not node.keywords and isinstance(node.args[0], ast.Call):
            made = node.args[0]
            if not made.args and not made.keywords and resolve(made.func) == "logging.NullHandler":
                return False  # a handler whose handle() does nothing runs no other code on a log call (FA9-7)
        if name in _LOGGING_HOOK_METHODS:
            return True
        called = resolve(node.func)
        return name in _LOGGING_CONFIG_CALLS and called is not None and called.startswith("logging.")
    if isinstance(node, ast.Attribute) and node.attr in _LOGGER_LISTS:
        owner = resolve(node.value)
        if owner == "logging":
            return False  # logging.handlers: the submodule
        return not _read_only(node, parents)
    return False


def patch_target(owner: str, attribute: str | None) -> str:
    """The patch target of a store of ``attribute`` (None: any attribute) on the object named ``owner``.

    * an object reached through a computed step (``getattr(m, name)``, a module not known statically): everything
      from the last known object on (``*`` when no object is known);
    * the ``logging`` package and anything in it: ``logging`` (its functions read one another and the logger
      class through module globals: ``logging.Logger.debug = f`` or ``logging.getLogger = f`` changes what a
      known logger's call runs, R5-13);
    * a standard-library *module*: the whole module (its functions read its globals: ``os.environ = X`` changes
      ``os.getenv``), except ``builtins``, whose functions do not (``builtins.len``);
    * a standard-library *class or object* (``os._Environ``, ``collections.abc.Mapping``, ``type(os.environ)``):
      ``*`` - every object of that class or of a subclass changes, and the verifier takes all of them for inert
      (R5-14);
    * anything else (project modules and classes, third-party objects): ``owner.attribute`` (``owner`` when the
      attribute is not known or stands for the whole object, ``__class__``/``__dict__``…).
    """
    if "*" in owner.split("."):
        known = owner.split(".*", 1)[0]
        return known if known and known != "*" else UNKNOWN_MODULE
    if owner.endswith(".__class__"):
        instance = owner[: -len(".__class__")]
        return UNKNOWN_MODULE if _stdlib_top(instance) else instance
    top = owner.split(".")[0]
    if top == "logging":
        return "logging"
    if _stdlib_top(owner):
        if not is_stdlib_module(owner):
            return UNKNOWN_MODULE
        if owner != "builtins":
            return owner
    if attribute is None or attribute in _WHOLE_OBJECT or attribute == "*":
        return owner
    return f"{owner}.{attribute}"


def _stdlib_top(dotted: str) -> bool:
    return dotted.split(".")[0] in _STDLIB_NAMES


_STDLIB_NAMES = frozenset(getattr(sys, "stdlib_module_names", ())) | {"builtins", "posix", "nt"}


@functools.lru_cache(maxsize=512)
def is_stdlib_module(dotted: str) -> bool:
    """Whether the standard-library name ``dotted`` is a module (``os``, ``os.path``, ``logging.handlers``), not a
    class or object in one (``os._Environ``, ``collections.abc.Mapping``). Read from the standard library's
    directory, without importing anything."""
    parts = dotted.split(".")
    if parts[0] not in _STDLIB_NAMES:
        return False
    if len(parts) == 1 or dotted in ("os.path",):
        return True
    base = Path(sysconfig.get_path("stdlib"), *parts)
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _module_key(node: ast.AST) -> str:
    """The module named by the key of ``sys.modules[key]`` / ``import_module(key)``: the literal, ``__name__`` for the
    module itself, ``*`` when not known statically."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name) and node.id == "__name__":
        return "__name__"
    return UNKNOWN_MODULE


def _plain_read(node: ast.AST, parents: dict[int, ast.AST], aliases: set[int]) -> bool:
    """Uses of an object that never write it, whatever it is: a subscript load, membership or comparison, iteration,
    a truth test, an argument of a reading builtin, the value of a recorded alias."""
    parent = parents.get(id(node))
    if isinstance(parent, ast.Subscript) and parent.value is node:
        return isinstance(parent.ctx, ast.Load)
    if isinstance(parent, ast.Compare):
        return True
    if isinstance(parent, (ast.For, ast.AsyncFor, ast.comprehension)):
        return parent.iter is node
    if isinstance(parent, (ast.If, ast.While, ast.IfExp, ast.Assert)):
        return parent.test is node
    if isinstance(parent, (ast.UnaryOp, ast.BoolOp)):
        return True
    if isinstance(parent, ast.Call) and node in parent.args:
        return isinstance(parent.func, ast.Name) and parent.func.id in _READERS
    if isinstance(parent, ast.Assign) and id(parent) in aliases:
        return True  # `env = os.environ`: the alias is followed where it is used
    if isinstance(parent, (ast.Expr, ast.FormattedValue, ast.BinOp)):
        return True  # a bare expression, formatting, `sys.path + [d]` / `os.environ | {...}` (new objects)
    if isinstance(parent, ast.Starred):
        # `[*sys.path]`, `f(*sys.path)`: the elements are copied or passed, not the object
        return isinstance(parents.get(id(parent)), (ast.List, ast.Tuple, ast.Set, ast.Call))
    if isinstance(parent, ast.Dict):
        return any(value is node and key is None for key, value in zip(parent.keys, parent.values))  # {**os.environ}
    if isinstance(parent, ast.keyword):
        return parent.arg is None  # f(**os.environ) passes a copy of the items
    return False


def _method_read(node: ast.AST, parents: dict[int, ast.AST], reads: frozenset[str]) -> bool | None:
    """For ``node.attr``: True when it is a call of one of ``reads``; False for any other use; None when ``node`` is not
    the object of an attribute."""
    parent = parents.get(id(node))
    if not (isinstance(parent, ast.Attribute) and parent.value is node):
        return None
    caller = parents.get(id(parent))
    return parent.attr in reads and isinstance(caller, ast.Call) and caller.func is parent


def _namespace_read(node: ast.AST, parents: dict[int, ast.AST], aliases: set[int]) -> bool:
    method = _method_read(node, parents, _NAMESPACE_READS)
    if method is not None:
        return method
    return _plain_read(node, parents, aliases)


def _env_read(node: ast.AST, parents: dict[int, ast.AST], aliases: set[int]) -> bool:
    """A use of ``os.environ`` (or of something reached from it: ``os.environ._data``) that does not write it.

    Calls of its mapping methods and subscript stores are judged key by key by :func:`_writes`; private state
    (``os.environ._data[k] = v``) and the object handed to other code (``MutableMapping.setdefault(os.environ, …)``,
    ``dict.update(os.environ, …)``) may write any key (R5-2)."""
    parent = parents.get(id(node))
    if isinstance(parent, ast.Attribute) and parent.value is node:
        caller = parents.get(id(parent))
        called = isinstance(caller, ast.Call) and caller.func is parent
        if called and parent.attr in _ENV_WRITE_METHODS:
            return True  # judged by _writes with its key
        if called:
            return parent.attr in _ENV_READ_ATTRIBUTES
        # `os.environ.get` as a value is a bound read; `os.environ._data`, `.__dict__`, `.__class__` are its state
        # (written through: R5-2 EW6), `f = os.environ.setdefault` a bound writer.
        return not parent.attr.startswith("_") and parent.attr not in _ENV_WRITE_METHODS
    if isinstance(parent, ast.Subscript) and parent.value is node:
        return True  # loads are reads; stores and deletes are judged by _writes with their key
    if isinstance(parent, ast.AugAssign) and parent.target is node:
        return True  # judged by _writes
    if isinstance(parent, ast.arguments) or (
        isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        and any(node is d for d in (*parent.args.defaults, *parent.args.kw_defaults))
    ):
        # `def f(environ=os.environ)`: when import-time code runs f, its body is followed with `environ` known as the
        # environment (_reached_nodes), so its writes are judged key by key there; otherwise nothing runs it then.
        return True
    return _plain_read(node, parents, aliases)


def _state_read(node: ast.AST, value: str, parents: dict[int, ast.AST], aliases: set[int], reads: frozenset[str], judged: frozenset[str]) -> bool:
    """A use of an import-state list or ``sys.modules`` that does not change it (see :func:`_env_read`)."""
    parent = parents.get(id(node))
    if isinstance(parent, ast.Attribute) and parent.value is node:
        caller = parents.get(id(parent))
        called = isinstance(caller, ast.Call) and caller.func is parent
        if called:
            return parent.attr in reads or parent.attr in judged
        return not parent.attr.startswith("_") and parent.attr not in _IMPORT_WRITE_METHODS
    if isinstance(parent, ast.Subscript) and parent.value is node:
        return isinstance(parent.ctx, ast.Load) or bool(judged)  # stores judged by _writes for the import lists
    if isinstance(parent, ast.AugAssign) and parent.target is node:
        return bool(judged)
    return _plain_read(node, parents, aliases)
