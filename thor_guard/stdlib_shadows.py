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
import os
import sys
from collections.abc import Iterable
from pathlib import Path

_STDLIB = frozenset(getattr(sys, "stdlib_module_names", ()))


def looked_up_on_path(name: str) -> bool:
    """Whether importing the standard-library top-level module ``name`` searches ``sys.path`` (it is neither built
    into the interpreter nor frozen), so a project module of that name can be loaded in its place."""
    return name in _STDLIB and name not in sys.builtin_module_names and not _imp.is_frozen(name)


def stdlib_shadows(roots: Iterable[Path]) -> dict[str, Path]:
    """``name -> file`` for every regular module (``name.py``) or package (``name/__init__.py``) directly under a
    source root whose name is a standard-library module looked up on ``sys.path`` (:func:`looked_up_on_path`); the
    first root that has it wins, as on ``sys.path``. One directory listing per root."""
    found: dict[str, Path] = {}
    for root in roots:
        try:
            entries = os.listdir(root)
        except OSError:
            continue
        for entry in sorted(entries):
            name, dot, suffix = entry.partition(".")
            if dot and suffix == "py":
                candidate = Path(root, entry)
            elif not dot:
                candidate = Path(root, entry, "__init__.py")
            else:
                continue
            if name not in found and looked_up_on_path(name) and candidate.is_file():
                found[name] = candidate
    return found
