"""The click side of the command line: the lazy group behind :func:`thor_guard.cli.main`.

Imported only when the click-free fast path (:mod:`thor_guard.fastpath`) does
not handle the arguments: every sub-command but a plain ``check``, and every
usage error.
"""

from __future__ import annotations

import importlib

import click

from thor_guard import __version__
from thor_guard.cli import GROUP_HELP, LAZY_COMMANDS


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

    def invoke(self, ctx: click.Context) -> object:
        """Run the sub-command; Ctrl-C ends it with 130 (128 + SIGINT), not click's ``Aborted!`` and exit 1.

        Exit 1 means "findings" for check and "needs a person" for apply, so an
        interrupted run must not look like one. ``apply`` reports its own
        interruptions (which files it wrote); this covers the rest, including
        the import of a sub-command's module.
        """
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            from thor_guard.cli import interrupted

            interrupted()

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
    help=GROUP_HELP,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "--version", "-V", prog_name="thor-guard", message="%(prog)s %(version)s")
def cli() -> None:
    """The thor-guard group; its --help text is ``GROUP_HELP`` (shared with :mod:`thor_guard.fastpath`)."""
