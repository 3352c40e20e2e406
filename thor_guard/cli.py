"""The ``thor-guard`` command line: a thin, lazy click group.

Sub-commands live in their own modules and are imported only when invoked,
so ``thor-guard --help`` and ``--version`` start without importing libcst,
redis or Django. Errors of type :class:`~thor_guard.errors.ThorGuardError`
become one line on stderr and exit code 2.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

import click

from thor_guard import __version__
from thor_guard.errors import ExitCode, ThorGuardError

# name -> (import path "module:attribute", one-line help shown by --help)
LAZY_COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("thor_guard.commands.check:check", "Prove that every manifest entry point is guarded."),
    "apply": ("thor_guard.commands.apply:apply", "Insert, repair and migrate guards (libcst codemod)."),
    "audit": ("thor_guard.commands.audit:audit", "Find every thread, timer and loop that can start in heartbeat mode."),
    "init": ("thor_guard.commands.init:init", "Propose a [tool.thor-guard] manifest from the audit."),
    "run-heartbeat": ("heartbeat.cli:run_heartbeat", "Run the eight jobs in one leader-locked heartbeat loop."),
    "heartbeat-status": ("heartbeat.cli:heartbeat_status", "Show the heartbeat's leader, last tick and per-job status."),
}


class LazyGroup(click.Group):
    """A click group whose sub-commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(LAZY_COMMANDS)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """Like click's, but a mistyped sub-command gets a did-you-mean, as every other typo in this tool does."""
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            from thor_guard.suggest import nearest

            match = nearest(name, LAZY_COMMANDS)
            hint = f" Did you mean '{match}'?" if match else f" Commands: {', '.join(LAZY_COMMANDS)}."
            ctx.fail(f"No such command '{name}'.{hint}")
        return super().resolve_command(ctx, args)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        spec = LAZY_COMMANDS.get(cmd_name)
        if spec is None:
            return None
        module_name, attribute = spec[0].split(":")
        module = importlib.import_module(module_name)
        command = getattr(module, attribute)
        if not isinstance(command, click.Command):  # pragma: no cover - programming error
            raise TypeError(f"{spec[0]} is not a click command")
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List sub-commands from the static table so that --help imports nothing heavy."""
        rows = [(name, help_text) for name, (_, help_text) in LAZY_COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "--version", "-V", prog_name="thor-guard", message="%(prog)s %(version)s")
def cli() -> None:
    """Keep legacy scheduler entry points behind a THOR_SCHEDULER_MODE guard.

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


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry: run the group; map ThorGuardError to exit 2 and a crash to exit 3.

    Output never fails on the terminal's encoding (see :mod:`thor_guard.console`),
    and an unexpected exception prints its traceback and exits
    :attr:`ExitCode.INTERNAL`, never the findings code 1 that Python's default
    would give.
    """
    from thor_guard.console import degrade_streams

    degrade_streams()
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="thor-guard", standalone_mode=True)
    except ThorGuardError as exc:
        click.echo(f"thor-guard: error: {exc}", err=True)
        sys.exit(ExitCode.ERROR)
    except (SystemExit, KeyboardInterrupt):
        raise
    except BrokenPipeError:
        # The reader went away (`thor-guard audit | head`): stop quietly, as other CLI tools do.
        _silence_stdout()
        sys.exit(ExitCode.ERROR)
    except Exception:  # noqa: BLE001 - the last line of defence: a bug must not look like findings
        import traceback

        traceback.print_exc()
        click.echo(
            f"thor-guard: internal error (exit {int(ExitCode.INTERNAL)}): this is a bug in thor-guard {__version__}; "
            "please report it with the traceback above",
            err=True,
        )
        sys.exit(ExitCode.INTERNAL)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot raise again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - no real file descriptor
        pass
