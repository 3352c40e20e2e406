"""The pure fragment: what the verifier may evaluate without it counting as a side effect.

Everything Python evaluates is a possible side effect unless it is listed
here (docs/check.md "The pure fragment"). Two kinds of entries:

- *proven* pure: literals, names whose every binding is known, environment
  reads, ``str`` methods on strings, the builtins in :data:`PURE_BUILTINS`
  on known values, logging calls on a known logger, project functions the
  interprocedural walk proves pure;
- *assumed* pure (the default mode is sound modulo these; ``strict = true``
  drops them): attribute loads, the string-only method names in
  :data:`ASSUMED_PURE_METHODS` on a receiver of unknown type, truthiness,
  comparison, arithmetic and formatting of values of unknown type, and
  imports of the standard library.

Values of unknown type split in two (``thor_guard.verifier.values``): ``OPAQUE``
(instance state, a parameter, another environment variable) uses the dunder
assumption above, while ``UNTRUSTED`` (a value computed by a call the verifier
did not prove pure, e.g. ``_OBJ = _O()``, which may be a project-class instance)
makes every dunder operation an effect; only plain attribute loads stay allowed.
"""

from __future__ import annotations

import sys

LOG_METHODS = frozenset({"debug", "info", "warning", "error", "exception", "critical", "log", "isEnabledFor"})
"""Logger (and logging module) methods that only log. Not the deprecated alias ``warn``: it calls ``warnings.warn``
(DeprecationWarning) before logging, and warnings are an effect (``-W error`` raises, ``captureWarnings`` logs; R8-6)."""

PURE_BUILTINS = frozenset(
    {
        "bool", "str", "len", "int", "float", "repr", "isinstance", "issubclass", "getattr", "hasattr",
        "tuple", "frozenset", "abs", "min", "max", "any", "all", "callable", "type", "id", "hash", "ord", "chr",
        "sorted", "list", "set", "dict", "format", "range",
    }
)
"""Builtins that only compute. On values of unknown type they call dunder methods (``__bool__``, ``__len__``…),
which is the same assumption as an attribute load; ``getattr``/``hasattr`` additionally need a literal name."""

BUILTIN_PURE_METHODS = frozenset(
    {
        # str / bytes
        "lower", "upper", "casefold", "strip", "lstrip", "rstrip", "startswith", "endswith", "format", "split",
        "rsplit", "splitlines", "join", "replace", "partition", "rpartition", "find", "rfind", "index", "rindex",
        "count", "isdigit", "isalpha", "isalnum", "isspace", "islower", "isupper", "title", "capitalize", "decode",
        "encode", "zfill", "center", "ljust", "rjust", "removeprefix", "removesuffix", "swapcase", "isidentifier",
        "isdecimal", "isnumeric", "istitle", "expandtabs",
        # dict / list / tuple / set / frozenset
        "get", "keys", "values", "items", "copy", "issubset", "issuperset", "isdisjoint", "union", "intersection",
        "difference", "symmetric_difference",
    }
)
"""Non-mutating methods of the built-in types: pure on a receiver *proven* to be a built-in value (a literal, a
known module constant such as ``LIMITS = {"feed": 10}``, an environment read with a string default and the
string methods of one)."""

ASSUMED_PURE_METHODS = frozenset(
    {
        "lower", "upper", "casefold", "strip", "lstrip", "rstrip", "startswith", "endswith", "split", "rsplit",
        "splitlines", "partition", "rpartition", "rfind", "rindex", "isdigit", "isalpha", "isalnum", "isspace",
        "islower", "isupper", "capitalize", "zfill", "center", "ljust", "rjust", "removeprefix", "removesuffix",
        "swapcase", "isidentifier", "isdecimal", "isnumeric", "istitle", "expandtabs",
    }
)
"""Methods assumed pure on a receiver of *unknown* type, matched by name only (a stated assumption, docs/check.md):
names that in practice belong to ``str``/``bytes``. Names that other objects commonly use for I/O or blocking
work — ``get`` (``requests.Session.get``, ``redis.get``), ``join`` (``Thread.join``), ``count``/``values``
(``QuerySet``), ``find`` (pymongo), ``copy``, ``keys``, ``items``, ``format``, ``replace``, ``encode``,
``decode``, ``index``, ``title`` and the set operations — are pure only on a proven built-in receiver
(:data:`BUILTIN_PURE_METHODS`); on an unknown one they are effects (hostile review, A6/A7)."""

TEXT_METHODS = frozenset(
    {
        "lower", "upper", "casefold", "strip", "lstrip", "rstrip", "replace", "title", "capitalize", "zfill",
        "center", "ljust", "rjust", "removeprefix", "removesuffix", "swapcase", "expandtabs", "format",
    }
)
"""``str`` methods whose result is again a ``str`` (so a chain of them on a proven string stays proven)."""

TRANSPARENT_BUILTIN_DECORATORS = frozenset({"staticmethod", "classmethod"})
IDENTITY_DECORATORS = frozenset(
    {"typing.override", "typing_extensions.override", "typing.final", "typing_extensions.final", "abc.abstractmethod"}
)
"""Allowed on entry points and helpers, bare only: standard-library markers that set one attribute on the function
and return the very same object (FA8-2, review 8) — ``override`` sets ``__override__``, ``final`` sets ``__final__``,
``abstractmethod`` sets ``__isabstractmethod__``. typing_extensions is the one non-stdlib module (its versions define
them the same way, or re-export typing's). The module's binding must be proven (no project ``typing.py`` first on
the path, no patch of it in the import walk), as for ``typing.overload``."""
CACHE_DECORATORS = frozenset({"functools.cache", "functools.lru_cache"})
"""Allowed on guard helpers only: the wrapper calls the function (once) and returns its value."""

CONTEXT_MANAGER_DECORATORS = frozenset({"contextlib.contextmanager", "contextlib.asynccontextmanager"})
"""Allowed on generator entry points: ``with start():`` runs the body up to the first ``yield`` at once."""

REGISTRATION_DECORATORS = frozenset({"django.dispatch.receiver", "atexit.register"})
"""Allowed on entry points: they register the function and return it unchanged (also ``<django/celery signal>.connect``)."""

CALLED_DECORATORS = frozenset({"django.dispatch.receiver"})
"""Allowed decorators that return the function unchanged only when CALLED (``@receiver(request_started)``): bare,
``@receiver`` makes the function ``receiver``'s inner ``_decorator`` (hostile review 6, R6-1)."""

EITHER_SHAPE_DECORATORS = frozenset({"functools.lru_cache"})
"""Allowed both bare and called (``@lru_cache`` / ``@lru_cache(maxsize=32)``). Every other allowed decorator —
``staticmethod``, ``classmethod``, ``property``, ``functools.cache``, ``atexit.register``, ``contextlib.contextmanager``
and every name in ``transparent-decorators`` — is allowed bare only: ``@atexit.register(f)`` applies what the call
returns (``f``) to the function."""

IMPORT_RUNS_CODE = frozenset({"this", "antigravity", "__hello__", "__phello__", "idlelib", "turtledemo"})
"""Standard-library modules whose import does something visible: ``import this`` prints the Zen, ``import
antigravity`` opens a browser, ``idlelib.idle`` starts IDLE (review 4, IT1); importing them is an effect."""
STDLIB_MODULES = frozenset(getattr(sys, "stdlib_module_names", ())) - IMPORT_RUNS_CODE
"""Importing one of these inside a function is assumed free of side effects (stated assumption); a ``__main__``
submodule (``json.__main__``, written for ``python -m``) is not covered (see ``paths``)."""

PURE_CONTEXT_MANAGERS = frozenset({"contextlib.suppress", "contextlib.nullcontext"})

ENV_WRITE_METHODS = frozenset({"setdefault", "update", "pop", "popitem", "clear", "__setitem__", "__delitem__"})
ENV_READ_METHODS = frozenset({"keys", "values", "items", "copy", "__contains__"})
