"""Run ``thor-guard apply`` in this process and send it a real stop signal at a chosen point of the run.

``python -m tests.apply.interrupt_driver SIGNAME PHASE N [APPLY ARGS...]`` (run by ``test_interrupt.py`` in a
subprocess, cwd = the project): the process signals itself with ``SIGNAME``

- ``write``: right after the temporary file of the N-th write is created (the moment review RA-2 hit: a
  ``*.thor-guard.tmp`` beside the source), or
- ``transform``: as the N-th file enters the codemod (nothing written yet), or
- ``config``: as the N-th configuration load starts (before any file is read),

then the console entry point runs as usual and its exit status is this process's status. The command is
``apply`` unless the first APPLY ARG is ``check`` or ``audit``.
"""

from __future__ import annotations

import os
import signal
import sys
import types
from typing import Any


def main(argv: list[str]) -> None:
    signum = getattr(signal, argv[0])
    phase, target = argv[1], int(argv[2])
    calls = [0]

    def hit() -> None:
        if calls[0] == target:
            os.kill(os.getpid(), signum)
        calls[0] += 1

    if phase == "write":
        import tempfile

        from thor_guard import writer

        def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
            made = tempfile.mkstemp(*args, **kwargs)
            hit()
            return made

        writer.tempfile = types.SimpleNamespace(mkstemp=mkstemp)  # type: ignore[assignment]
    elif phase == "transform":
        import thor_guard.apply as engine

        original = engine.transform_source

        def transform(*args: Any, **kwargs: Any) -> Any:
            hit()
            return original(*args, **kwargs)

        engine.transform_source = transform  # type: ignore[assignment]
    elif phase == "config":
        import thor_guard.config as config

        load = config.load_config

        def load_config(*args: Any, **kwargs: Any) -> Any:
            hit()
            return load(*args, **kwargs)

        config.load_config = load_config  # type: ignore[assignment]
    else:
        raise SystemExit(f"unknown phase {phase!r}")
    from thor_guard.cli import main as cli_main

    rest = argv[3:]
    command = [rest.pop(0)] if rest and rest[0] in ("check", "audit") else ["apply"]
    cli_main([*command, *rest])


if __name__ == "__main__":
    main(sys.argv[1:])
