"""Run in a subprocess: call every manifest entry point of a project and print which threads they start.

Usage: ``python entry_driver.py PROJECT_ROOT ENTRY [ENTRY...]``. Each entry
is ``module:qualname`` (``*``/``?`` allowed in the qualname, as in the
manifest). ``threading.Thread.start`` (and so ``Timer.start``) is replaced
by a sentinel that records the thread instead of starting it (joining such a
thread returns at once), so nothing
keeps running and the record is deterministic. Prints one JSON object:
``{entry: [started thread kinds and targets]}``.
"""

from __future__ import annotations

import fnmatch
import importlib
import inspect
import json
import sys
import threading

STARTED: list[str] = []
_RECORDED: set[int] = set()
_real_join = threading.Thread.join


def _record(self: threading.Thread) -> None:
    target = getattr(self, "_target", None) or getattr(self, "function", None)
    name = getattr(target, "__qualname__", type(target).__name__)
    STARTED.append(f"{type(self).__name__}:{name}")
    _RECORDED.add(id(self))


def _join(self: threading.Thread, timeout: float | None = None) -> None:
    """Joining a thread the sentinel kept from starting returns at once, as joining a finished thread does."""
    if id(self) not in _RECORDED:
        _real_join(self, timeout)


def _resolve(entry: str) -> list[tuple[str, object]]:
    module_name, qualname = entry.split(":")
    module = importlib.import_module(module_name)
    head, _, method = qualname.rpartition(".")
    if not head:
        return [(qualname, getattr(module, qualname))]
    classes = [(name, cls) for name, cls in vars(module).items() if inspect.isclass(cls) and cls.__module__ == module.__name__ and fnmatch.fnmatchcase(name, head)]
    return [(f"{name}.{method}", getattr(cls(), method)) for name, cls in classes]


def _call(function: object) -> None:
    signature = inspect.signature(function)  # type: ignore[arg-type]
    args = ["ES" for p in signature.parameters.values() if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    function(*args)  # type: ignore[operator]


def main(root: str, entries: list[str]) -> None:
    sys.path.insert(0, root)
    threading.Thread.start = _record  # type: ignore[method-assign]
    threading.Thread.join = _join  # type: ignore[method-assign]
    results: dict[str, list[str]] = {}
    for entry in entries:
        for qualname, function in _resolve(entry):
            del STARTED[:]
            _call(function)
            results[f"{entry.split(':')[0]}:{qualname}"] = list(STARTED)
    print(json.dumps(results, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
