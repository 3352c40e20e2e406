"""``thor-guard check``: prove that every manifest entry point is guarded.

Thin by design: it turns flags into a :class:`~thor_guard.config.Config` and
calls :func:`thor_guard.commands.check_run.execute_check` (which runs
:func:`thor_guard.check.run_check` with the verdict cache and renders with
:func:`thor_guard.report.render`); a plain ``check`` reaches the same
function without click through :mod:`thor_guard.fastpath`. Exit 0 clean, 1
findings, 2 when a file or the configuration could not be processed (after
reporting everything else).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from thor_guard.commands.common import (
    check_codes,
    config_option,
    fail_on_option,
    format_option,
    ignore_option,
    load_config_or_exit,
    no_cache_option,
    no_color_option,
    parse_code_filters,
    paths_argument,
    select_option,
    split_paths,
    statistics_option,
)


@click.command("check")
@paths_argument
@config_option
@format_option
@select_option("e.g. TG001,TG002 or a prefix like TG00")
@ignore_option
@fail_on_option
@no_cache_option
@statistics_option
@no_color_option
def check(
    paths: tuple[Path, ...],
    config_file: Path | None,
    fmt: str,
    select: str | None,
    ignore: str | None,
    fail_on: str,
    no_cache: bool,
    statistics: bool,
    no_color: bool,
) -> None:
    """Prove that every manifest entry point returns first in heartbeat mode.

    Without PATHS the whole manifest is checked, with the configuration found
    from the current directory. PATHS (files or directories) do two things:
    the first one locates the configuration (the nearest pyproject.toml with a
    [tool.thor-guard] table at or above it), and together they restrict the
    check to the manifest's entry points whose files lie under them. PATHS
    that hold no entry point of the manifest are an error (exit 2), not a
    clean run.

    Verdicts are cached in .thor_guard_cache/ by the content of every file
    they read (see docs/check.md); --no-cache neither reads nor writes it.

    Exit 0: no finding that fails the run (see --fail-on); 1: findings; 2:
    usage, configuration, read or parse errors, or nothing selected.
    """
    from thor_guard.commands.check_run import execute_check

    selected, ignored = parse_code_filters(select, ignore, check_codes(), "check")
    existing, missing = split_paths(paths)
    config = load_config_or_exit(existing, config_file, missing)
    output = execute_check(
        existing, config, missing, fmt=fmt, selected=selected, ignored=ignored, fail_on=fail_on,
        statistics=statistics, no_color=no_color, no_cache=no_cache,
    )
    click.echo(output.stdout, nl=False)
    if output.stderr:
        click.echo(output.stderr, nl=False, err=True)
    sys.exit(output.exit_code)
