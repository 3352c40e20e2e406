"""``thor-guard audit``: every thread, timer, process, task and sleeping loop, and whether it can start in heartbeat mode.

Thin: flags -> :class:`~thor_guard.audit.AuditOptions`, one call to
:func:`~thor_guard.audit.run_audit`, then printing. Exit codes as ``check``:
0 clean, 1 findings (TG010/TG011/TG013), 2 configuration or file errors (after
reporting everything that could be analysed).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from thor_guard.commands.common import (
    AUDIT_CODES,
    config_option,
    fail_on_option,
    findings_exit_code,
    report_base,
    emit_errors,
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
    use_color,
)
from thor_guard.errors import ExitCode


@click.command("audit")
@paths_argument
@config_option
@format_option
@select_option("TG010, TG011, TG013")
@ignore_option
@fail_on_option
@click.option("--show-guarded", is_flag=True, help="Also list guarded and audit-allow'ed spawn sites.")
@click.option("--show-unreachable", is_flag=True, help="Also list spawn sites no trigger reaches.")
@click.option("--explain", is_flag=True, help="List the calls that could not be resolved statically, and each TG013's proof.")
@no_cache_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Parser and verifier processes (default: CPU count).")
@statistics_option
@no_color_option
def audit(
    paths: tuple[Path, ...],
    config_file: Path | None,
    fmt: str,
    select: str | None,
    ignore: str | None,
    fail_on: str,
    show_guarded: bool,
    show_unreachable: bool,
    explain: bool,
    no_cache: bool,
    jobs: int | None,
    statistics: bool,
    no_color: bool,
) -> None:
    """Find every thread, timer, process, task and sleeping loop that can start in heartbeat mode.

    Follows calls back from each spawn site to the project's start-up
    triggers (AppConfig.ready, signal receivers, import-time code, gunicorn
    and ASGI hooks) and on-demand ones (management commands, views), and asks
    the verifier whether a scheduler-mode guard stands on every path.
    TG010: reachable at start-up unguarded. TG011: reachable only from a
    command or view. TG013: starts, but its target provably returns at once
    in heartbeat mode. The whole project is analysed; PATHS (default: the
    project root) locate the configuration and select which sites are
    reported. Results are cached in .thor_guard_cache/ (see docs/audit.md).

    Exit 0: no finding that fails the run (by default TG011, a warning, does
    not; see --fail-on); 1: findings; 2: usage, configuration or file errors.
    """
    from thor_guard.audit.engine import AuditInputs, AuditOptions, run_audit
    from thor_guard.audit.render import build_report, render_json, render_text

    selected, ignored = parse_code_filters(select, ignore, AUDIT_CODES, "audit")
    existing, missing = split_paths(paths)
    emit_errors(missing)
    if missing and not existing:
        sys.exit(ExitCode.ERROR)
    config = load_config_or_exit(existing, config_file)

    inputs = AuditInputs()
    result = run_audit(config, AuditOptions(paths=existing, use_cache=not no_cache, jobs=jobs, inputs=inputs))
    report = build_report(result, selected=selected, ignored=ignored, show_guarded=show_guarded, show_unreachable=show_unreachable)
    base = report_base(config, fmt)
    if fmt == "text":
        from thor_guard.report.paths import error_lines

        stdout = render_text(report, base=base, color=use_color(no_color, fmt), statistics=statistics, explain=explain)
        stderr = error_lines(report.errors, base=base)
    elif fmt == "json":
        from thor_guard.report.paths import error_lines

        stdout = render_json(report, base=base, statistics=statistics, explain=explain)
        stderr = error_lines(report.errors, base=base)
    else:
        from thor_guard.report import render

        rendered = render(report, fmt, base=base)  # type: ignore[arg-type]
        stdout, stderr = rendered.stdout, rendered.stderr
    click.echo(stdout, nl=False)
    if stderr:
        click.echo(stderr, nl=False, err=True)
    if report.errors or missing:
        code = int(ExitCode.ERROR)
    else:
        code = int(findings_exit_code(report.findings, fail_on))
    if not no_cache and not missing and not statistics and all(_is_under(r, config.project_root) for r in config.source_roots):
        from thor_guard.audit.cache import CACHE_DIR_NAME
        from thor_guard.audit.replay import remember

        # Statistics are left out: they describe what this run parsed, which a replay did not.
        remember(
            str(config.project_root / CACHE_DIR_NAME),
            str(config.config_file.resolve()) if config.config_file is not None else None,
            config.configured,
            inputs.files,
            inputs.directories,
            stdout,
            stderr or "",
            code,
        )
    sys.exit(code)


def _is_under(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True
