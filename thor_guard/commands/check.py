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
    check_codes,
    config_option,
    fail_on_option,
    findings_exit_code,
    report_base,
    format_option,
    ignore_option,
    load_config_or_exit,
    no_color_option,
    nothing_selected,
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
@fail_on_option
@statistics_option
@no_color_option
@click.option("--explain", is_flag=True, help="Also print, per entry point, the value-table rows that decided its verdict and the stated assumptions it used (after the report; on stderr with a machine --format).")
def check(
    paths: tuple[Path, ...],
    config_file: Path | None,
    fmt: str,
    select: str | None,
    ignore: str | None,
    fail_on: str,
    statistics: bool,
    no_color: bool,
    explain: bool,
) -> None:
    """Prove that every manifest entry point returns first in heartbeat mode.

    Without PATHS the whole manifest is checked, with the configuration found
    from the current directory. PATHS (files or directories) do two things:
    the first one locates the configuration (the nearest pyproject.toml with a
    [tool.thor-guard] table at or above it), and together they restrict the
    check to the manifest's entry points whose files lie under them. PATHS
    that hold no entry point of the manifest are an error (exit 2), not a
    clean run.

    Exit 0: no finding that fails the run (see --fail-on); 1: findings; 2:
    usage, configuration, read or parse errors, or nothing selected.
    """
    from thor_guard.check import CheckResult, filter_findings, run_check
    from thor_guard.report import render

    selected, ignored = parse_code_filters(select, ignore, check_codes(), "check")
    existing, missing = split_paths(paths)
    config = load_config_or_exit(existing, config_file, missing)
    problems = list(missing)
    if config.config_file is not None and _is_blank(config.config_file):
        problems.append(FileError(config.config_file, "configuration file is empty: add a [tool.thor-guard] table (the built-in 'thor' preset was used)"))

    result = run_check(list(existing), config)
    if existing and not (result.entry_points or result.findings or result.errors or problems):
        click.echo(f"thor-guard: error: {nothing_selected(existing, config)}", err=True)
        sys.exit(ExitCode.ERROR)
    result = CheckResult(
        findings=filter_findings(result.findings, selected, ignored),
        errors=sorted([*problems, *result.errors]),
        entry_points=result.entry_points,
        files=result.files,
        verdicts=result.verdicts,
    )
    rendered = render(result, fmt, color=use_color(no_color, fmt), statistics=statistics, base=report_base(config, fmt))  # type: ignore[arg-type]
    click.echo(rendered.stdout, nl=False)
    if rendered.stderr:
        click.echo(rendered.stderr, nl=False, err=True)
    if explain:
        from thor_guard.report.explain import explain as explain_verdicts

        # stdout stays parseable with a machine format: the explanation then goes to stderr.
        click.echo(explain_verdicts(result.verdicts, config.env_var), nl=False, err=fmt != "text")
    if result.errors:
        sys.exit(ExitCode.ERROR)
    sys.exit(findings_exit_code(result.findings, fail_on))


def _is_blank(path: Path) -> bool:
    try:
        return not path.read_bytes().strip()
    except OSError:
        return False
