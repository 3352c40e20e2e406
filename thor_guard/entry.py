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
        # A cold check parses a few hundred modules whose trees stay alive to the end of this short process:
        # CPython's cyclic collector re-traverses them again and again as they accumulate, and once more
        # during interpreter teardown (a third of a cold Django check's CPU, docs/performance.md). Their
        # memory is reference-counted; the few cycles left are reclaimed when the process exits.
        import gc

        gc.disable()
    from thor_guard.cli import main as cli_main

    cli_main()
