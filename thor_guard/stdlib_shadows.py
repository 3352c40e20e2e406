"""Project modules that shadow a standard-library module for every importer, the standard library's own included.

A source root is on ``sys.path`` ahead of the standard library, so a regular
module or package there named like a standard-library module (``platform.py``,
``stringprep.py``, ``email/__init__.py``) is what *any* ``import platform``
loads, the one inside ``uuid`` included, unless the interpreter has the module
built in or frozen (``sys``, ``os``, ``codecs``: never looked up on
``sys.path``). The standard library imports most of itself lazily (``json``'s
static import closure reaches about 330 of its modules, ``platform`` among
them), so once such a module exists, any standard-library import or codec
look-up may run project code: the verifier treats it as such (hostile review
14). A namespace directory does not shadow (a regular module found later on
the path wins).

Kept free of libcst and of the verifier: the warm ``check`` path puts the
answer into the verdict cache's configuration fingerprint, so adding or
removing such a file invalidates every cached verdict.
"""

from __future__ import annotations

import _imp
import importlib.machinery
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

_STDLIB = frozenset(getattr(sys, "stdlib_module_names", ()))


def looked_up_on_path(name: str) -> bool:
    """Whether importing the standard-library top-level module ``name`` searches ``sys.path`` (it is neither built
    into the interpreter nor frozen), so a project module of that name can be loaded in its place."""
    return name in _STDLIB and name not in sys.builtin_module_names and not _imp.is_frozen(name)


def stdlib_shadows(roots: Iterable[Path]) -> dict[str, Path]:
    """``name -> file`` for every module directly under a source root whose name is a standard-library module looked
    up on ``sys.path`` (:func:`looked_up_on_path`): a package (``name/__init__.py``), a source file (``name.py``), a
    sourceless ``name.pyc`` or an extension module (``name.cpython-311-x86_64-linux-gnu.so``: hostile review 15), in
    the order Python's path finder tries them; the first root that has one wins, as on ``sys.path``. One directory
    listing per root."""
    return _modules_at_roots(roots, looked_up_on_path)


STARTUP_HOOKS = ("sitecustomize", "usercustomize")
"""Modules :mod:`site` imports from ``sys.path`` when the interpreter starts: at a source root on ``PYTHONPATH`` they
run before any project code (hostile review 15)."""


def startup_hooks(roots: Iterable[Path]) -> list[Path]:
    """The ``sitecustomize`` / ``usercustomize`` module files directly under the source roots (first root wins)."""
    return list(_modules_at_roots(roots, lambda name: name in STARTUP_HOOKS).values())


def _modules_at_roots(roots: Iterable[Path], wanted: Callable[[str], bool]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for root in roots:
        try:
            entries = sorted(os.listdir(root))
        except OSError:
            continue
        here: dict[str, tuple[int, Path]] = {}
        for entry in entries:
            for rank, suffix in enumerate(_SUFFIXES):
                name = entry[: -len(suffix)] if suffix and entry.endswith(suffix) else entry if not suffix else ""
                if not name or "." in name or name in found or not wanted(name):
                    continue
                candidate = Path(root, entry, "__init__.py") if not suffix else Path(root, entry)
                if candidate.is_file() and (name not in here or rank < here[name][0]):
                    here[name] = (rank, candidate)
        found.update((name, path) for name, (_, path) in here.items())
    return found


_SUFFIXES = ("", *importlib.machinery.EXTENSION_SUFFIXES, *importlib.machinery.SOURCE_SUFFIXES, *importlib.machinery.BYTECODE_SUFFIXES)
"""What a directory entry may end with to be a module, in the path finder's order: a package directory (empty
suffix), an extension module, a source file, a sourceless ``.pyc``."""
