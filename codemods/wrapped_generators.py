"""Which generator functions other modules of the project wrap with ``contextmanager(...)`` by a call (review AR3-5).

A plain generator entry point gets a bare ``return`` (its caller sees an
empty iteration); one that is used as a context manager must yield once
first, or every heartbeat-mode ``with`` raises "generator didn't yield".
The decorator is seen on the ``def``, and a wrapping call in the function's
own module by :mod:`codemods.scheduler_guard`; a wrapping call may also stand
in another module (``session = contextlib.contextmanager(m._session)``). This
index reads every ``*.py`` file under the source roots as bytes, once per
process and set of roots, and records per module the last name of the first
argument of every call in a file that mentions ``contextmanager`` (the wrapper may be an alias of it). A
wrapping built at run time (``getattr(m, name)``, a decorator factory) is
not seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from thor_guard.targets import iter_python_files, module_name_for

_WRAP = re.compile(rb"\b[A-Za-z_]\w*\s*\(\s*(?:[A-Za-z_]\w*\s*\.\s*)*([A-Za-z_]\w*)\s*[,)]")
"""Any call's first argument when it is a name or a dotted name: ``contextmanager(name)``,
``contextlib.asynccontextmanager(Cls.name, ...)``, and ``cm(name)`` - in a file that mentions ``contextmanager``,
``cm`` may be it under another name (``cm = contextlib.contextmanager``, ``from contextlib import contextmanager as
cm``: hostile apply review 16, F2). Group 1 is the last name. Over-approximating: a person decides."""


def wrapping_modules(name: str, source_roots: Iterable[Path], own_module: str | None = None) -> tuple[str, ...]:
    """Modules (dotted, sorted) under ``source_roots``, other than ``own_module``, that mention ``contextmanager``
    and pass ``name`` or ``X.name`` as the first argument of a call (``contextmanager(...)`` itself or what may be
    an alias of it); empty when none does."""
    index = _index(tuple(sorted(str(Path(root).resolve()) for root in source_roots)))
    return tuple(module for module in index.get(name, ()) if module != own_module)


@lru_cache(maxsize=8)
def _index(roots: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    found: dict[str, set[str]] = {}
    for root in map(Path, roots):
        for path in iter_python_files(root):
            if "site-packages" in path.relative_to(root).parts:
                continue  # an installed library inside a source root: not the project's code
            try:
                data = path.read_bytes()
            except OSError:
                continue  # unreadable: check and apply report such a file where it matters
            if b"contextmanager" not in data:
                continue
            module = module_name_for(path, root)
            if module is None:
                continue
            for match in _WRAP.finditer(data):
                found.setdefault(match.group(1).decode("ascii"), set()).add(module)
    return {name: tuple(sorted(modules)) for name, modules in found.items()}
