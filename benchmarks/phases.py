"""CPU seconds per step of one cold ``thor-guard check``, without a profiler's distortion.

    cd <tree> && python3 -m benchmarks.phases check --no-cache --format json .

cProfile inflates libcst's many small calls several times over; this wraps
a few coarse steps of ``check`` (the libcst import, parsing the entry-point
files, scope analysis, the import walk, helper modules, the census) with
``time.process_time`` and prints one line: the run's total CPU and each
step's own CPU (a step nested in an already timed step of the same name is
not counted twice; different steps may nest, e.g. ``_census`` inside
``patches_reaching``). The wrapped names are internal: when one is renamed
the script says which and runs without it.
"""

from __future__ import annotations

import contextlib
import functools
import io
import sys
import time
from typing import Any

_CPU = time.process_time


def _wrap(owner: Any, name: str, totals: dict[str, float], label: str | None = None) -> None:
    label = label or name
    original = getattr(owner, name, None)
    if original is None:
        print(f"phases: {owner.__name__}.{name} not found; not timed", file=sys.stderr)
        return
    if isinstance(original, functools.cached_property):
        function = original.func

        def compute(self: Any) -> Any:
            started = _CPU()
            try:
                return function(self)
            finally:
                totals[label] = totals.get(label, 0.0) + _CPU() - started

        replacement = functools.cached_property(compute)
        replacement.__set_name__(owner, name)
        setattr(owner, name, replacement)
        return
    depth = [0]

    def timed(*args: Any, **kwargs: Any) -> Any:
        if depth[0]:
            return original(*args, **kwargs)
        depth[0] += 1
        started = _CPU()
        try:
            return original(*args, **kwargs)
        finally:
            depth[0] -= 1
            totals[label] = totals.get(label, 0.0) + _CPU() - started

    setattr(owner, name, timed)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    started = _CPU()
    import thor_guard.cli

    before_libcst = _CPU()
    import libcst.metadata  # noqa: F401  (timed: what every cold run pays)

    totals: dict[str, float] = {"import libcst": _CPU() - before_libcst}
    from thor_guard import check
    from thor_guard.verifier import bindings, context, facts, skeleton

    steps: list[tuple[Any, str, str | None]] = [
        (check, "_parse", "libcst parse of entry files"),
        (facts.ModuleFacts, "_scopes", "scope analysis"),
        (facts.ModuleFacts, "_qnames", "qualified names"),
        (context.HelperResolver, "patches_reaching", "import walk"),
        (context.HelperResolver, "_load", "helper modules"),
        (bindings, "_census", None),
        (skeleton, "def_positions", None),
    ]
    for owner, name, label in steps:
        _wrap(owner, name, totals, label)
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            thor_guard.cli.main(argv)
        except SystemExit:
            pass
    total = _CPU() - started
    parts = "  ".join(f"{name} {seconds:.3f}" for name, seconds in sorted(totals.items(), key=lambda item: -item[1]))
    print(f"total {total:.3f}  {parts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
