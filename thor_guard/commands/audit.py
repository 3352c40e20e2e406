"""``thor-guard audit``: every thread, timer, process, task and sleeping loop, and whether it can start in heartbeat mode.

Thin: flags -> :class:`~thor_guard.audit.AuditOptions`, one call to
:func:`~thor_guard.audit.run_audit`, then printing. Exit codes as ``check``:
0 clean, 1 findings (TG010/TG011), 2 configuration or file errors (after
reporting everything that could be analysed).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from thor_guard.errors import ExitCode, ThorGuardError

_FORMATS = ("text", "json", "sarif", "github")


@click.command("audit")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--config", "config_file", type=click.Path(path_type=Path), help="Read [tool.thor-guard] from FILE instead of discovering pyproject.toml.")
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default="text", show_default=True, help="Output format.")
@click.option("--select", metavar="CODES", help="Only report these codes (TG010, TG011).")
@click.option("--ignore", metavar="CODES", help="Do not report these codes.")
@click.option("--show-guarded", is_flag=True, help="Also list guarded and audit-allow'ed spawn sites.")
@click.option("--show-unreachable", is_flag=True, help="Also list spawn sites no trigger reaches.")
@click.option("--explain", is_flag=True, help="List the calls that could not be resolved statically.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write .thor_guard_cache/.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Parser and verifier processes (default: CPU count).")
@click.option("--statistics", is_flag=True, help="Also count findings per code.")
@click.option("--no-color", is_flag=True, help="Never colour the text output (default: colour on a terminal).")
def audit(
    paths: tuple[Path, ...],
    config_file: Path | None,
    fmt: str,
    select: str | None,
    ignore: str | None,
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
    command or view. The whole project is analysed; PATHS (default: the
    project root) locate the configuration and select which sites are
    reported. Results are cached in .thor_guard_cache/ (see docs/audit.md).
    """
    from thor_guard.audit import AuditOptions, run_audit
    from thor_guard.audit.render import build_report, render_json, render_text
    from thor_guard.config import load_config
    from thor_guard.rules import parse_codes

    try:
        selected, ignored = parse_codes(select), parse_codes(ignore)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        click.echo(f"{path}: error: path does not exist", err=True)
    existing = tuple(p for p in paths if p.exists())
    if paths and not existing:
        sys.exit(ExitCode.ERROR)
    try:
        config = load_config(existing, config_file)
    except ThorGuardError as exc:
        click.echo(f"thor-guard: error: {exc}", err=True)
        sys.exit(ExitCode.ERROR)

    result = run_audit(config, AuditOptions(paths=existing, use_cache=not no_cache, jobs=jobs))
    report = build_report(result, selected=selected, ignored=ignored, show_guarded=show_guarded, show_unreachable=show_unreachable)
    base = Path.cwd().resolve()
    if fmt == "text":
        color = not no_color and sys.stdout.isatty()
        click.echo(render_text(report, base=base, color=color, statistics=statistics, explain=explain), nl=False)
        from thor_guard.report.paths import error_lines

        stderr = error_lines(report.errors, base=base)
    elif fmt == "json":
        from thor_guard.report.paths import error_lines

        click.echo(render_json(report, base=base, statistics=statistics, explain=explain), nl=False)
        stderr = error_lines(report.errors, base=base)
    else:
        from thor_guard.report import render

        rendered = render(report, fmt, base=base)  # type: ignore[arg-type]
        click.echo(rendered.stdout, nl=False)
        stderr = rendered.stderr
    if stderr:
        click.echo(stderr, nl=False, err=True)
    if report.errors or missing:
        sys.exit(ExitCode.ERROR)
    sys.exit(ExitCode.FINDINGS if report.findings else ExitCode.CLEAN)
