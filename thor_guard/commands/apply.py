"""``thor-guard apply``: turn flags into one :func:`~thor_guard.apply.run_apply` call and print the report.

All the work (file discovery, the codemod, the process pool, safe writes)
lives in :mod:`thor_guard.apply`; this module only formats. With ``--diff``
the patch is the only thing on stdout (findings and the summary go to
stderr), so ``thor-guard apply --diff | git apply`` works.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click
from click import utils as click_utils
from click.globals import resolve_color_default

from thor_guard.commands.common import (
    check_codes,
    config_option,
    emit_errors,
    load_config_or_exit,
    no_color_option,
    nothing_selected,
    parse_code_filters,
    paths_argument,
    select_option,
    split_paths,
)
from thor_guard.errors import ConfigError, ExitCode
from thor_guard.findings import FileError
from thor_guard.report.plural import count

if TYPE_CHECKING:
    from thor_guard.apply import ApplyReport, Interrupted


def _display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)


_STYLES = ((b"+++", b"\x1b[1m"), (b"---", b"\x1b[1m"), (b"@@", b"\x1b[36m"), (b"+", b"\x1b[32m"), (b"-", b"\x1b[31m"))


def _colour_diff(patch: bytes) -> bytes:
    """ANSI-colour a byte patch line by line (the patch's own bytes are never decoded)."""
    out: list[bytes] = []
    for line in patch.splitlines(keepends=True):
        style = next((code for prefix, code in _STYLES if line.startswith(prefix)), None)
        if style is None:
            out.append(line)
        else:
            body = line.rstrip(b"\n")
            out.append(style + body + b"\x1b[0m" + line[len(body):])
    return b"".join(out)


def _diff_label(path: Path) -> str:
    """The path a patch names: the real file (a patch through an in-tree symlink must name the file git tracks)."""
    return _display(Path(os.path.realpath(path))).replace(os.sep, "/")


@click.command("apply")
@paths_argument
@config_option
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff of the fixes and write nothing.")
@click.option("--check", "check_only", is_flag=True, help="Write nothing; exit 1 if any file would change.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: number of CPUs).")
@select_option("e.g. TG001,TG002; the others are neither fixed nor reported")
@no_color_option
def apply(
    paths: tuple[Path, ...],
    config_file: Path | None,
    show_diff: bool,
    check_only: bool,
    jobs: int | None,
    select: str | None,
    no_color: bool,
) -> None:
    """Insert, move and repair scheduler-mode guards in the manifest's entry points.

    \b
    Fixes: TG001 (inserts the canonical guard), TG002 (moves a guard to the top
    when safe), TG003/TG004/TG007 (rewrites the condition). TG005, TG006, TG009
    and TG008 are listed for a person. Without PATHS the whole manifest is
    fixed; PATHS locate the configuration (as for check) and restrict the fixes
    to entry points in files under them; PATHS that hold no entry point are an
    error. Exit 0: nothing left to fix; 1: something needs a person (or, with
    --check/--diff, a file would change); 2: errors, or nothing selected;
    128 + signal (130 SIGINT, 143 SIGTERM, 129 SIGHUP): interrupted, with the
    files already written listed (the others are unchanged).
    """
    from thor_guard.stop_signals import Stopped, stop_signals_raise

    # A stop signal anywhere in the command (the configuration loading, the import of libcst, the report) ends
    # it as one during the run does: 128 + signal and the interrupted line, never click's "Aborted!" and the
    # exit 1 that means "needs a person". run_apply reports the files it wrote itself (Interrupted).
    done: list[ApplyReport] = []
    try:
        with stop_signals_raise():
            _apply(paths, config_file, show_diff, check_only, jobs, select, no_color, done)
    except KeyboardInterrupt:
        _report_interrupted(_interrupted(signal.SIGINT, done, write=not (show_diff or check_only)))
    except Stopped as stop:
        _report_interrupted(_interrupted(stop.signum, done, write=not (show_diff or check_only)))


def _interrupted(signum: int, done: list[ApplyReport], *, write: bool) -> Interrupted:
    """The interruption of a command stopped outside :func:`run_apply`: after it, its written files count."""
    from thor_guard.apply import Interrupted

    written = done[0].written if done and write else ()
    results = tuple(r for r in done[0].changed_files if r.path in set(written)) if done else ()
    return Interrupted(signum, results, 0)


def _apply(
    paths: tuple[Path, ...],
    config_file: Path | None,
    show_diff: bool,
    check_only: bool,
    jobs: int | None,
    select: str | None,
    no_color: bool,
    done: list[ApplyReport],
) -> NoReturn:
    """The command's work; appends the run's report to ``done`` as soon as it exists (for an interruption after it)."""
    from thor_guard.apply import Interrupted, run_apply, unified_diff

    codes, _ = parse_code_filters(select, None, check_codes(), "apply")
    existing, missing = split_paths(paths)
    config = load_config_or_exit(existing, config_file, missing)
    write = not (show_diff or check_only)
    try:
        report = run_apply(config, existing, select=codes, jobs=jobs, write=write)
    except Interrupted as stop:
        _report_interrupted(stop)
    except ConfigError as exc:  # the project's formatter settings, checked before any file is read
        click.echo(f"thor-guard: error: {exc}", err=True)
        raise SystemExit(int(ExitCode.ERROR)) from None
    done.append(report)
    if existing and not missing and not (report.files or report.not_found or report.errors):
        click.echo(f"thor-guard: error: {nothing_selected(existing, config)}", err=True)
        raise SystemExit(int(ExitCode.ERROR))
    colour = False if no_color or "NO_COLOR" in os.environ else None  # None: click colours only a terminal

    info_to_stderr = show_diff
    if show_diff:
        stdout = sys.stdout
        coloured = not click_utils.should_strip_ansi(stdout, resolve_color_default(colour))
        for result in report.changed_files:
            patch = unified_diff(result, _diff_label(result.path))
            click.echo(_colour_diff(patch) if coloured else patch, nl=False)
    verb = "fixed" if write else "would fix"
    written = set(report.written)
    for result in report.changed_files:
        if write and result.path not in written:
            continue
        names = ", ".join(f.entry_point.split(":", 1)[1] for f in result.functions if f.action == "fixed")
        click.echo(f"{verb} {_display(result.path)} ({names})", err=True)
        for item in result.functions:
            if item.action == "fixed" and item.note:
                # what to review: a condition kept below the guard, a reused exit value... (review AR2-1)
                click.echo(f"{_display(item.path)}:{item.line}:{item.column}: note: {item.note} ({item.entry_point})", err=True)
    for item in report.needs_person:
        click.echo(
            f"{_display(item.path)}:{item.line}:{item.column}: {','.join(item.codes)} needs a person: {item.detail} ({item.entry_point})",
            err=info_to_stderr,
        )
    if report.not_found:
        from thor_guard.report.text import finding_line  # the line check prints for the same TG008

        for finding in report.not_found:
            click.echo(finding_line(finding, base=Path.cwd().resolve()), err=info_to_stderr)
    emit_errors([*missing, *(FileError(Path(_display(e.path)), e.message) for e in report.errors)])

    fixed = len([f for f in report.fixed if f.path in written]) if write else len(report.fixed)
    files = len(report.written) if write else len(report.changed_files)
    person = len(report.needs_person) + len(report.not_found)
    summary = f"{verb} {count(fixed, 'entry point')} in {count(files, 'file')}; {person} need{'s' if person == 1 else ''} a person"
    click.echo(summary, err=info_to_stderr)

    for broken in report.internal_errors:
        # a bug, not bad input: the traceback to report, and exit 3 as for every command (README exit codes)
        click.echo(f"{_display(broken.path)}: {broken.internal}", err=True, nl=False)
    if report.internal_errors:
        code = ExitCode.INTERNAL
    elif report.errors or missing:
        code = ExitCode.ERROR
    elif ((check_only or show_diff) and report.changed_files) or person:
        code = ExitCode.FINDINGS
    else:
        code = ExitCode.CLEAN
    raise SystemExit(int(code))


def _report_interrupted(stop: Interrupted) -> NoReturn:
    """Name the files an interrupted run already replaced, say so in one line, exit 128 + signal."""
    from thor_guard.stop_signals import exit_status, signal_name

    for result in stop.written:
        names = ", ".join(f.entry_point.split(":", 1)[1] for f in result.functions if f.action == "fixed")
        click.echo(f"fixed {_display(result.path)} ({names})", err=True)
    wrote = f"wrote {count(len(stop.written), 'file')} (listed above)" if stop.written else "wrote no file"
    left = f", {count(stop.unwritten, 'file')} it would have fixed not written" if stop.unwritten else ""
    click.echo(f"thor-guard: interrupted by {signal_name(stop.signum)}: {wrote}{left}; every other file is unchanged", err=True)
    raise SystemExit(exit_status(stop.signum))
