"""Options and start-up steps that check, audit and init share, so their flags read and behave alike.

Each decorator is one click option with one help text; each function is one
step every analysing command takes before its own work (parse code filters,
split existing from missing paths, load the configuration, decide on colour).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from thor_guard.errors import ExitCode, ThorGuardError
from thor_guard.findings import FileError
from thor_guard.commands.plain import (  # noqa: F401 - re-exported: click-free, shared with thor_guard.fastpath
    findings_exit_code,
    no_config_notice,
    nothing_selected,
    report_base,
    split_paths,
    use_color,
)

if TYPE_CHECKING:
    from thor_guard.config import Config

F = TypeVar("F", bound=Callable[..., object])

FORMAT_CHOICES = ("text", "json", "sarif", "github")

paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))

# Which codes each command can report: --select/--ignore of any other code is a usage error.
# The audit's codes come from its own classification table (TG010, TG011, TG013 …), so a
# new audit rule is never selectable in check by accident.
from thor_guard.audit.result import CODES as _AUDIT_CLASSIFICATION_CODES  # noqa: E402 - plain data, no libcst

AUDIT_CODES = frozenset(_AUDIT_CLASSIFICATION_CODES.values())


def check_codes() -> frozenset[str]:
    """Every rule code except the audit's (computed, so a new verifier rule is selectable at once)."""
    from thor_guard.rules import RULES

    return frozenset(RULES) - AUDIT_CODES
config_option = click.option(
    "--config",
    "config_file",
    metavar="FILE",
    type=click.Path(path_type=Path),
    help="Read [tool.thor-guard] from FILE instead of discovering pyproject.toml.",
)
format_option = click.option(
    "--format", "fmt", type=click.Choice(FORMAT_CHOICES), default="text", show_default=True, help="Output format."
)
statistics_option = click.option("--statistics", is_flag=True, help="Also count findings per code.")
no_color_option = click.option(
    "--no-color", is_flag=True, help="Never colour the text output (default: colour on a terminal unless NO_COLOR is set)."
)
no_cache_option = click.option("--no-cache", is_flag=True, help="Neither read nor write .thor_guard_cache/.")


def select_option(example: str) -> Callable[[F], F]:
    return click.option("--select", metavar="CODES", help=f"Only report these codes ({example}); a code this command never reports is a usage error.")


ignore_option = click.option("--ignore", metavar="CODES", help="Do not report these codes.")

FAIL_ON_CHOICES = ("error", "warning", "never")
fail_on_option = click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON_CHOICES),
    default="error",
    show_default=True,
    help="Lowest severity that makes the run exit 1: 'error' (warnings such as TG011 are reported, exit 0), "
    "'warning' (any finding fails), 'never' (report only; errors still exit 2).",
)




def parse_code_filters(
    select: str | None, ignore: str | None, emitted: Collection[str] | None = None, command: str = ""
) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """Turn ``--select``/``--ignore`` into code sets.

    An unknown code, and (when ``emitted`` is given) a code, prefix or name
    that matches none of the codes ``command`` can report, is a usage error
    (exit 2): selecting ``TG010`` in ``check`` would otherwise silently
    select nothing.
    """
    from thor_guard.rules import parse_codes

    try:
        selected, ignored = parse_codes(select), parse_codes(ignore)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    if emitted is not None:
        for option, text in (("--select", select), ("--ignore", ignore)):
            for token in (text or "").replace(" ", ",").split(","):
                codes = parse_codes(token.strip()) if token.strip() else None
                if codes is not None and not codes & set(emitted):
                    raise click.BadParameter(
                        f"{token.strip()!r} is never reported by '{command}' (it reports {format_codes(emitted)})",
                        param_hint=f"'{option}'",
                    )
    return selected, ignored


def format_codes(codes: Collection[str]) -> str:
    """``TG000-TG009`` for a run of consecutive codes, else a comma list."""
    ordered = sorted(codes)
    numbers = [int(code[2:]) for code in ordered]
    if len(ordered) > 2 and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        return f"{ordered[0]}-{ordered[-1]}"
    return ", ".join(ordered)




def emit_errors(errors: Sequence[FileError]) -> None:
    """Print path errors the way every command does: ``path: error: message`` on stderr."""
    for error in errors:
        click.echo(f"{error.path}: error: {error.message}", err=True)


def load_config_or_exit(paths: Sequence[Path], config_file: Path | None, missing: Sequence[FileError] = ()) -> Config:
    """Load the configuration; on a config error, or when none of the given paths exists, report and exit 2."""
    from thor_guard.config import load_config

    if missing and not paths:
        emit_errors(missing)
        sys.exit(ExitCode.ERROR)
    try:
        config = load_config(paths, config_file)
    except ThorGuardError as exc:
        click.echo(f"thor-guard: error: {exc}", err=True)
        sys.exit(ExitCode.ERROR)
    notice = no_config_notice(config, paths, explicit=config_file is not None)
    if notice:
        click.echo(notice, err=True)
    return config
