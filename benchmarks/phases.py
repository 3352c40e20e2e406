"""CPU seconds per step of one ``thor-guard check`` or ``apply``, without a profiler's distortion.

    cd <tree> && python3 -m benchmarks.phases check --no-cache --format json .
    cd <tree> && python3 -m benchmarks.phases apply --config thor-guard-apply.toml -j 1 --diff .

cProfile inflates libcst's many small calls several times over; this wraps
a few coarse steps with ``time.process_time`` and prints one line: the
run's total CPU and each step's own CPU (a step nested in an already timed
step of the same name is not counted twice; different steps may nest).

- ``check``: the libcst import, parsing the entry-point files, scope
  analysis, the import walk, helper modules, the census.
- ``apply`` (pass ``-j 1``: pool workers are other processes and are not
  timed): the libcst parse of the targeted files, the codemod's plan (the
  verifier on each targeted function plus the edit plan), the re-check (the
  verifier again on each fixed function of the rewrite), the rebuild with its
  validity checks, and across both, every ``verify_function`` call, metadata
  resolution and the census.

The wrapped names are internal: when one is renamed the script says which
and runs without it.
"""

from __future__ import annotations

import contextlib
import functools
import io
import sys
import time
from typing import Any

_CPU = time.process_time
_INHERITED = object()
"""Marks a wrapped name the owner inherited: restoring deletes the twin instead of setting it."""


def _wrap(owner: Any, name: str, totals: dict[str, float], label: str | None = None) -> tuple[Any, str, Any] | None:
    """Replace ``owner.name`` by a timed twin adding to ``totals[label]``; returns what :func:`_restore` puts back."""
    label = label or name
    original = getattr(owner, name, None)
    if original is None:
        print(f"phases: {owner.__name__}.{name} not found; not timed", file=sys.stderr)
        return None
    saved = (owner, name, vars(owner).get(name, _INHERITED))
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
        return saved
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
    return saved


def _restore(saved: list[tuple[Any, str, Any]]) -> None:
    """Undo :func:`_wrap` (the script can run inside a longer process, e.g. a test)."""
    for owner, name, original in reversed(saved):
        if original is _INHERITED:
            delattr(owner, name)
        else:
            setattr(owner, name, original)


def _check_steps() -> list[tuple[Any, str, str | None]]:
    from thor_guard import check
    from thor_guard.verifier import bindings, context, facts, skeleton

    return [
        (check, "_parse", "libcst parse of entry files"),
        (facts.ModuleFacts, "_scopes", "scope analysis"),
        (facts.ModuleFacts, "_qnames", "qualified names"),
        (context.HelperResolver, "patches_reaching", "import walk"),
        (context.HelperResolver, "_load", "helper modules"),
        (bindings, "_census", None),
        (skeleton, "def_positions", None),
    ]


def _apply_steps() -> list[tuple[Any, str, str | None]]:
    import libcst
    from libcst.metadata import MetadataWrapper

    from codemods import scheduler_guard
    from thor_guard.verifier import bindings, context

    command = scheduler_guard.SchedulerGuardCommand
    return [
        (libcst, "parse_module", "libcst parse"),
        (command, "_plan_module", "plan"),
        (command, "_recheck", "re-check"),
        (command, "_build_checked", "rebuild and validity checks"),
        # the codemod imported the function by name: wrap the name it calls
        (scheduler_guard, "verify_function", "verify_function (plan + re-check)"),
        (MetadataWrapper, "resolve_many", "metadata resolution"),
        (context.HelperResolver, "patches_reaching", "import walk"),
        (bindings, "_census", None),
    ]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    started = _CPU()
    import thor_guard.cli

    before_libcst = _CPU()
    import libcst.metadata  # noqa: F401  (timed: what every cold run pays)

    totals: dict[str, float] = {"import libcst": _CPU() - before_libcst}
    steps = _apply_steps() if argv[:1] == ["apply"] else _check_steps()
    saved = [done for owner, name, label in steps if (done := _wrap(owner, name, totals, label)) is not None]
    sink = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # apply --diff writes bytes to stdout's buffer
    try:
        with contextlib.redirect_stdout(sink):
            try:
                thor_guard.cli.main(argv)
            except SystemExit:
                pass
    finally:
        _restore(saved)
    total = _CPU() - started
    parts = "  ".join(f"{name} {seconds:.3f}" for name, seconds in sorted(totals.items(), key=lambda item: -item[1]))
    print(f"total {total:.3f}  {parts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
