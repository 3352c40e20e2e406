"""The ``thor-guard`` command line: a thin, lazy click group.

Sub-commands live in their own modules and are imported only when invoked,
so ``thor-guard --help`` and ``--version`` start without importing libcst,
redis or Django - nor click: those two, and a plain ``check``, are served by
the click-free :mod:`thor_guard.fastpath`; everything else goes to the click
group in :mod:`thor_guard.cli_group` (``cli`` here is that group, loaded on
first access). Errors of type :class:`~thor_guard.errors.ThorGuardError`
become one line on stderr and exit code 2.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from thor_guard import __version__

# Nothing else is imported at module level: this module is what the console script loads first, and
# --version/--help must cost little more than starting Python (exit codes and errors load on failure).

# name -> (import path "module:attribute", one-line help shown by --help)
LAZY_COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("thor_guard.commands.check:check", "Prove that every manifest entry point is guarded."),
    "apply": ("thor_guard.commands.apply:apply", "Insert, repair and migrate guards (libcst codemod)."),
    "audit": ("thor_guard.commands.audit:audit", "Find every thread, timer and loop that can start in heartbeat mode."),
    "init": ("thor_guard.commands.init:init", "Propose a [tool.thor-guard] manifest from the audit."),
    "run-heartbeat": ("heartbeat.cli:run_heartbeat", "Run the eight jobs in one leader-locked heartbeat loop."),
    "heartbeat-status": ("heartbeat.cli:heartbeat_status", "Show the heartbeat's leader, last tick and per-job status."),
}

GROUP_HELP = """Keep legacy scheduler entry points behind a THOR_SCHEDULER_MODE guard.

\b
Typical flow:
  thor-guard check            prove every manifest entry point is guarded
  thor-guard apply --diff     preview the codemod's fixes
  thor-guard apply            write them
  thor-guard audit            find spawners the manifest missed
  thor-guard run-heartbeat    run the eight jobs under one leader lock

Configuration is read from [tool.thor-guard] in the nearest pyproject.toml
(or --config FILE). Exit codes: 0 clean, 1 findings, 2 usage, config or
parse errors, 3 internal error (a bug).
"""
"""The group's --help text (click renders it; :mod:`thor_guard.fastpath` renders it identically without click)."""


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry: run the command; map ThorGuardError to exit 2 and a crash to exit 3.

    ``--version``, ``--help`` and a plain ``check`` are served by
    :func:`thor_guard.fastpath.run` without importing click; anything else
    (or anything it declines) goes to the click group. Output never fails on
    the terminal's encoding (see :mod:`thor_guard.console`), and an
    unexpected exception prints its traceback and exits
    :attr:`ExitCode.INTERNAL`, never the findings code 1 that Python's default
    would give.
    """
    from thor_guard.console import degrade_streams

    degrade_streams()
    args = list(argv) if argv is not None else sys.argv[1:]
    try:
        from contextlib import nullcontext

        from thor_guard.source_warnings import ANALYSING_COMMANDS, quiet_source_warnings

        # the analysed source's compile warnings are not thor-guard's to print or fail on (review AR3-13)
        with quiet_source_warnings() if args[:1] and args[0] in ANALYSING_COMMANDS else nullcontext():
            from thor_guard import fastpath

            code = fastpath.run(args)
            if code is not None:
                sys.exit(code)
            from thor_guard.cli_group import cli as group

            group.main(args=args, prog_name="thor-guard", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        interrupted()
    except BrokenPipeError:
        # The reader went away (`thor-guard audit | head`): stop quietly, as other CLI tools do.
        _silence_stdout()
        sys.exit(2)  # ExitCode.ERROR
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a bug must not look like findings
        from thor_guard.errors import ExitCode, ThorGuardError

        if isinstance(exc, ThorGuardError):
            _echo_err(f"thor-guard: error: {exc}")
            sys.exit(ExitCode.ERROR)
        import traceback

        traceback.print_exc()
        _echo_err(
            f"thor-guard: internal error (exit {int(ExitCode.INTERNAL)}): this is a bug in thor-guard {__version__}; "
            "please report it with the traceback above"
        )
        sys.exit(ExitCode.INTERNAL)


def interrupted() -> None:
    """Ctrl-C outside a command's own handling: one line on stderr, exit 130 (128 + SIGINT, the shell's convention).

    Never returns (raises ``SystemExit``); typed ``None`` so this module need not import ``typing``.
    """
    _echo_err("thor-guard: interrupted by SIGINT")
    sys.exit(130)


def _echo_err(line: str) -> None:
    """One line on stderr, flushed (what ``click.echo(..., err=True)`` does for plain text)."""
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def __getattr__(name: str) -> object:
    """``cli`` and ``LazyGroup`` live in :mod:`thor_guard.cli_group` (click); load it on first access."""
    if name in ("cli", "LazyGroup"):
        from thor_guard import cli_group

        return getattr(cli_group, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot raise again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - no real file descriptor
        pass
