"""Options and start-up steps that check, audit and init share, so their flags read and behave alike.

Each decorator is one click option with one help text; each function is one
step every analysing command takes before its own work (parse code filters,
split existing from missing paths, load the configuration, decide on colour).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from thor_guard.errors import ExitCode, ThorGuardError
from thor_guard.findings import FileError

if TYPE_CHECKING:
    from thor_guard.config import Config

F = TypeVar("F", bound=Callable[..., object])

FORMAT_CHOICES = ("text", "json", "sarif", "github")

paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
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
    return click.option("--select", metavar="CODES", help=f"Only report these codes ({example}).")


ignore_option = click.option("--ignore", metavar="CODES", help="Do not report these codes.")


def parse_code_filters(select: str | None, ignore: str | None) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """Turn ``--select``/``--ignore`` into code sets; an unknown code is a usage error (exit 2)."""
    from thor_guard.rules import parse_codes

    try:
        return parse_codes(select), parse_codes(ignore)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


def split_paths(paths: Sequence[Path]) -> tuple[tuple[Path, ...], list[FileError]]:
    """Separate the paths that exist from those that do not (each becomes a FileError)."""
    existing = tuple(p for p in paths if p.exists())
    missing = [FileError(p, "path does not exist") for p in paths if not p.exists()]
    return existing, missing


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
        return load_config(paths, config_file)
    except ThorGuardError as exc:
        click.echo(f"thor-guard: error: {exc}", err=True)
        sys.exit(ExitCode.ERROR)


def use_color(no_color: bool, fmt: str = "text") -> bool:
    """Colour only text, only on a terminal, and never when ``--no-color`` or ``NO_COLOR`` says so."""
    return not no_color and fmt == "text" and "NO_COLOR" not in os.environ and sys.stdout.isatty()
