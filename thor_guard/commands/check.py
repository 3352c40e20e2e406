"""``thor-guard check``: prove that every manifest entry point is guarded.

Thin by design: it turns flags into a :class:`~thor_guard.config.Config`,
calls :func:`thor_guard.check.run_check` and prints with
:func:`thor_guard.report.render`. Exit 0 clean, 1 findings, 2 when a file or
the configuration could not be processed (after reporting everything else).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from thor_guard.commands.common import (
    config_option,
    format_option,
    ignore_option,
    load_config_or_exit,
    no_color_option,
    parse_code_filters,
    paths_argument,
    select_option,
    split_paths,
    statistics_option,
    use_color,
)
from thor_guard.errors import ExitCode
from thor_guard.findings import FileError


@click.command("check")
@paths_argument
@config_option
@format_option
@select_option("e.g. TG001,TG002 or a prefix like TG00")
@ignore_option
@statistics_option
@no_color_option
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
    from thor_guard.report import render

    selected, ignored = parse_code_filters(select, ignore)
    existing, missing = split_paths(paths)
    config = load_config_or_exit(existing, config_file, missing)
    problems = list(missing)
    if config.config_file is not None and _is_blank(config.config_file):
        problems.append(FileError(config.config_file, "configuration file is empty: add a [tool.thor-guard] table (the built-in 'thor' preset was used)"))

    result = run_check(list(existing), config)
    result = CheckResult(
        findings=filter_findings(result.findings, selected, ignored),
        errors=sorted([*problems, *result.errors]),
        entry_points=result.entry_points,
        files=result.files,
        verdicts=result.verdicts,
    )
    rendered = render(result, fmt, color=use_color(no_color, fmt), statistics=statistics)  # type: ignore[arg-type]
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
