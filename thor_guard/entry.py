"""The ``thor-guard`` console script: replay an unchanged audit before loading the CLI, else run the CLI.

Only ``audit`` has a shortcut (see :mod:`thor_guard.audit.replay`): it needs
``os``, ``sys`` and ``marshal``, while the CLI imports click and the
configuration loader first. Every other command, and every audit whose
inputs changed, goes to :func:`thor_guard.cli.main` unchanged.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Console-script entry point (``[project.scripts] thor-guard``)."""
    argv = sys.argv[1:]
    if argv and argv[0] == "audit":
        from thor_guard.audit.replay import try_replay

        code = try_replay(argv)
        if code is not None:
            sys.exit(code)
    if argv and argv[0] == "check":
        # A cold check parses a few hundred modules whose trees stay alive to the end of this short process. With
        # the default thresholds CPython's cyclic collector re-traverses them again and again as they accumulate
        # (a third of a cold Django check's CPU, docs/performance.md): collect 100x less often, which still
        # reclaims the verifier's cyclic garbage on long runs (a wide manifest), and freeze what is alive at
        # exit, so that interpreter teardown does not traverse it all once more.
        import atexit
        import gc

        gc.set_threshold(_YOUNG_COLLECTION, *gc.get_threshold()[1:])
        atexit.register(gc.freeze)
    from thor_guard.cli import main as cli_main

    cli_main()


_YOUNG_COLLECTION = 70_000
"""Allocations between two young-generation collections during ``check`` (CPython's default: 700)."""
