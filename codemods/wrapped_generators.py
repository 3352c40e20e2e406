"""Which generator functions the project wraps with ``contextmanager(...)`` by a call, in any module (review AR3-5).

A plain generator entry point gets a bare ``return`` (its caller sees an empty
iteration); one that is wrapped as a context manager must yield once first, or
every heartbeat-mode ``with`` raises "generator didn't yield". The decorator
is seen on the ``def``; a wrapping call may stand anywhere:
``session = contextlib.contextmanager(_session)`` in the same module,
``contextmanager(Worker._session)`` after the class, or
``contextmanager(m._session)`` in another module. This index reads every
file under the source roots as bytes (as :mod:`codemods.star_exports` does)
and records, per module, the last name of every argument of a call to
``contextmanager``/``asynccontextmanager``. A wrapping built at run time
(``getattr(m, name)``, a decorator factory) is not seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from thor_guard.targets import iter_python_files, module_name_for

_SKIPPED_DIRS = frozenset({"site-packages", "build", "dist"})
_WRAP = re.compile(rb"\b(?:async)?contextmanager[ \t]*\([ \t]*(?:[A-Za-z_][\w]*[ \t]*\.[ \t]*)*([A-Za-z_]\w*)[ \t]*[,)]")


def wrapping_modules(name: str, source_roots: Iterable[Path]) -> tuple[str, ...]:
    """Modules (dotted, sorted) under ``source_roots`` that pass something ending in ``name`` to ``contextmanager(...)``."""
    index = _index(tuple(Path(root).resolve() for root in source_roots))
    return index.get(name, ())


@lru_cache(maxsize=8)
def _index(roots: tuple[Path, ...]) -> dict[str, tuple[str, ...]]:
    found: dict[str, set[str]] = {}
    for root in roots:
        for path in iter_python_files(root):
            if _SKIPPED_DIRS & set(path.relative_to(root).parts[:-1]):
                continue
            try:
                data = path.read_bytes()
            except OSError:
                continue
            if b"contextmanager" not in data:
                continue
            module = module_name_for(path, root)
            if module is None:
                continue
            for match in _WRAP.finditer(data):
                found.setdefault(match.group(1).decode("ascii"), set()).add(module)
    return {name: tuple(sorted(modules)) for name, modules in found.items()}
