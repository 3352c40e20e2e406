"""``thor-guard check``: prove that every manifest entry point is guarded.

Thin by design: it turns flags into a :class:`~thor_guard.config.Config`,
calls :func:`thor_guard.check.run_check` and prints with
:func:`thor_guard.report.render`. Exit 0 clean, 1 findings, 2 when a file or
the configuration could not be processed (after reporting everything else).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from thor_guard.errors import ExitCode, ThorGuardError
from thor_guard.findings import FileError
from thor_guard.report import FORMATS


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--config", "config_file", type=click.Path(path_type=Path), help="Read [tool.thor-guard] from FILE instead of discovering pyproject.toml.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("--select", metavar="CODES", help="Only report these codes (e.g. TG001,TG002 or a prefix like TG00).")
@click.option("--ignore", metavar="CODES", help="Do not report these codes.")
@click.option("--statistics", is_flag=True, help="Also count findings per code.")
@click.option("--no-color", is_flag=True, help="Never colour the text output (default: colour on a terminal unless NO_COLOR is set).")
def check(
    paths: tuple[Path, ...],
    config_file: Path | None,
    fmt: str,
    select: str | None,
    ignore: str | None,
    statistics: bool,
    no_color: bool,
) -> None:
    """Prove that every manifest entry point returns first in heartbeat mode.

    PATHS (default: the current directory) locate the configuration and limit
    the check to entry points in files under them.
    """
    from thor_guard.check import CheckResult, filter_findings, run_check
    from thor_guard.config import load_config
    from thor_guard.report import render
    from thor_guard.rules import parse_codes

    try:
        selected, ignored = parse_codes(select), parse_codes(ignore)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc

    missing = [FileError(p, "path does not exist") for p in paths if not p.exists()]
    existing = [p for p in paths if p.exists()]
    if paths and not existing:
        _emit_errors(missing)
        sys.exit(ExitCode.ERROR)
    try:
        config = load_config(existing, config_file)
    except ThorGuardError as exc:
        click.echo(f"thor-guard: error: {exc}", err=True)
        sys.exit(ExitCode.ERROR)
    problems = list(missing)
    if config.config_file is not None and _is_blank(config.config_file):
        problems.append(FileError(config.config_file, "configuration file is empty: add a [tool.thor-guard] table (the built-in 'thor' preset was used)"))

    result = run_check(existing, config)
    result = CheckResult(
        findings=filter_findings(result.findings, selected, ignored),
        errors=sorted([*problems, *result.errors]),
        entry_points=result.entry_points,
        files=result.files,
        verdicts=result.verdicts,
    )
    color = not no_color and fmt == "text" and "NO_COLOR" not in os.environ and sys.stdout.isatty()
    rendered = render(result, fmt, color=color, statistics=statistics)  # type: ignore[arg-type]
    click.echo(rendered.stdout, nl=False)
    if rendered.stderr:
        click.echo(rendered.stderr, nl=False, err=True)
    if result.errors:
        sys.exit(ExitCode.ERROR)
    sys.exit(ExitCode.FINDINGS if result.findings else ExitCode.CLEAN)


def _is_blank(path: Path) -> bool:
    try:
        return not path.read_bytes().strip()
    except OSError:
        return False


def _emit_errors(errors: list[FileError]) -> None:
    for error in errors:
        click.echo(f"{error.path}: error: {error.message}", err=True)
