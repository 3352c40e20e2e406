"""Which standard-library modules an import, a codec look-up or a lazy attribute may load, read from their source.

When the project has a module named like a standard-library module
(:mod:`thor_guard.stdlib_shadows`), the question "may this run project code?"
becomes "may this import a module of that name?". The answer here is the
*static import closure*: the imports at module level of a standard-library
module (inside ``if``/``try``/``with``/loops and class bodies too, and in a
module-level ``__getattr__``, the lazy imports of PEP 562), and of every
standard-library module they import, transitively. Imports inside other
functions run only when those are called: the callers are judged where they
call (a codec look-up, an error handler, traceback formatting). A frozen
module's closure is read from its source like any other (``import runpy``
loads ``importlib.util``, hence ``contextlib`` and ``keyword``: hostile
review 15); built-in modules have no source and import nothing on their own.

Read with :mod:`ast` from the interpreter's own standard-library directory,
each file once per process; nothing is imported.
"""

from __future__ import annotations

import ast
import encodings
import encodings.aliases
import functools
import sys
import sysconfig
from pathlib import Path

_STDLIB_DIR = Path(sysconfig.get_path("stdlib"))
_STDLIB_NAMES = frozenset(getattr(sys, "stdlib_module_names", ()))
_TRACEBACK_IMPORTS = frozenset({"ast", "unicodedata", "linecache", "tokenize", "textwrap", "contextlib", "collections", "itertools", "token", "re"})


ALWAYS_LOADED = frozenset({"sys", "builtins", "io", "abc", "codecs", "encodings", "time", "marshal", "posix", "nt", "zipimport"})
"""Standard-library modules every CPython 3.10-3.13 process has imported before any project code runs, even under
``python -S`` (no ``site``): an ``import`` of one only looks it up, and runs none of its code."""


def import_closure(module: str) -> frozenset[str]:
    """Top-level names of the standard-library modules importing ``module`` (a dotted standard-library name) may
    load, ``module``'s own top level included. A name outside the standard library gives only its top level."""
    found: set[str] = set()
    pending = [module]
    seen: set[str] = set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        found.add(current.split(".")[0])
        pending.extend(_direct_imports(current))
    return frozenset(found)


def codec_modules(codec: object, errors: object) -> frozenset[str] | None:
    """Top-level modules ``str.encode(codec, errors)`` / ``bytes.decode`` / ``str(b, codec)`` may import; None when
    not known (a computed codec or error handler, a codec registered by other code)."""
    if not isinstance(codec, str) or not isinstance(errors, str):
        return None
    loaded: set[str] = set()
    if errors == "namereplace":
        loaded.add("unicodedata")  # the handler imports unicodedata from C on first use
    elif errors not in _BUILT_IN_HANDLERS:
        return None
    normalized = encodings.normalize_encoding(codec).lower()
    if normalized.replace("_", "-") in _FAST_CODECS:
        return frozenset(loaded)
    name = encodings.aliases.aliases.get(normalized, normalized)
    if _source(f"encodings.{name}") is None:
        return None
    return frozenset(loaded | import_closure(f"encodings.{name}"))


def traceback_modules() -> frozenset[str]:
    """Modules formatting a traceback (``logger.exception``, ``exc_info=True``) may import on first use: the
    closure of :mod:`traceback` and the ones it imports inside functions (``ast`` for the carets of 3.11+,
    ``unicodedata`` for a line that is not ASCII)."""
    return frozenset(import_closure("traceback") | _TRACEBACK_IMPORTS)


@functools.cache
def log_record_lookups() -> frozenset[str]:
    """Modules every log record looks up in ``sys.modules`` and calls into when it is made: the string constants of
    ``sys.modules.get("...")`` in :class:`logging.LogRecord` of the running interpreter's source (``multiprocessing``
    for ``processName``; ``asyncio`` for ``taskName`` on 3.12+). A project module of that name imported under it is
    what a log call runs (hostile review 16)."""
    tree = _tree("logging")
    found: set[str] = set()
    for statement in tree.body if tree is not None else ():
        if isinstance(statement, ast.ClassDef) and statement.name == "LogRecord":
            for node in ast.walk(statement):
                if (
                    isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
                    and ast.unparse(node.func.value) == "sys.modules" and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
                ):
                    found.add(node.args[0].value)
    return frozenset(found)


@functools.cache
def log_call_modules() -> frozenset[str]:
    """Standard-library modules a log call on a known logger calls into: ``logging``'s import closure (``time`` for
    the record's time, ``threading`` for its thread, ``os`` for the process id), the modules a record looks up in
    ``sys.modules`` (:func:`log_record_lookups`), and ``sys`` (``sys._getframe`` for ``findCaller``)."""
    return frozenset({*import_closure("logging"), *log_record_lookups(), "sys"}) - {"logging", "builtins"}


def has_module_getattr(module: str) -> bool:
    """Whether the standard-library ``module`` defines a module-level ``__getattr__`` (PEP 562): reading a name it
    does not bind may import (``concurrent.futures.ThreadPoolExecutor`` imports ``.thread``, hence ``queue``)."""
    tree = _tree(module)
    return tree is not None and any(isinstance(s, ast.FunctionDef) and s.name == "__getattr__" for s in tree.body)


_FAST_CODECS = frozenset({"utf-8", "utf8", "latin-1", "latin1", "iso-8859-1", "iso8859-1", "ascii", "us-ascii"})
"""Codecs CPython's ``encode``/``decode`` serve without the codec registry (``_`` read as ``-``, case ignored)."""
_BUILT_IN_HANDLERS = frozenset({"strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace", "surrogateescape", "surrogatepass"})


@functools.lru_cache(maxsize=None)
def _source(module: str) -> Path | None:
    if module.split(".")[0] not in _STDLIB_NAMES:
        return None
    base = _STDLIB_DIR.joinpath(*module.split("."))
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


@functools.lru_cache(maxsize=None)
def _tree(module: str) -> ast.Module | None:
    path = _source(module)
    if path is None:
        return None
    try:
        return ast.parse(path.read_bytes())
    except (OSError, SyntaxError, ValueError):
        return None


@functools.lru_cache(maxsize=None)
def _direct_imports(module: str) -> tuple[str, ...]:
    """The dotted names ``module``'s top-level code (and its module ``__getattr__``) imports, parent packages and
    submodules of ``from`` imports included; a module without source (built in, missing) imports nothing here."""
    tree = _tree(module)
    if tree is None:
        return ()
    package = module if _source(module) is not None and _source(module).name == "__init__.py" else module.rpartition(".")[0]  # type: ignore[union-attr]
    names: set[str] = set()
    for node in _top_level_nodes(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package
                for _ in range(node.level - 1):
                    anchor = anchor.rpartition(".")[0]
                base = f"{anchor}.{base}" if base else anchor
            if not base:
                continue
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*" and _source(f"{base}.{alias.name}") is not None)
    with_parents = {".".join(name.split(".")[:i]) for name in names for i in range(1, name.count(".") + 2)}
    return tuple(sorted(name for name in with_parents if name))


def _top_level_nodes(tree: ast.Module) -> list[ast.AST]:
    """Every node outside function bodies, plus the body of a module-level ``__getattr__``."""
    found: list[ast.AST] = []
    pending: list[ast.AST] = list(tree.body)
    while pending:
        node = pending.pop()
        found.append(node)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            if isinstance(node, ast.FunctionDef) and node.name == "__getattr__" and node in tree.body:
                pending.extend(node.body)
            continue
        pending.extend(ast.iter_child_nodes(node))
    return found
