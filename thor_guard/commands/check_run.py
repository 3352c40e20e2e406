"""The body of ``thor-guard check`` after argument parsing: one function both front ends call.

The click command (:mod:`thor_guard.commands.check`) and the click-free fast
path (:mod:`thor_guard.fastpath`) parse arguments differently but run this
same code, so their output and exit codes cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from thor_guard.commands.plain import (
    findings_exit_code,
    nothing_selected,
    report_base,
    use_color,
)
from thor_guard.errors import ExitCode
from thor_guard.findings import FileError

if TYPE_CHECKING:
    from thor_guard.config import Config


@dataclass(frozen=True)
class CheckOutput:
    """What a check run prints and how it exits: ``stdout`` and ``stderr`` text, exit code 0/1/2."""

    stdout: str
    stderr: str
    exit_code: int


def execute_check(
    existing: Sequence[Path],
    config: Config,
    problems: Sequence[FileError],
    *,
    fmt: str,
    selected: frozenset[str] | None,
    ignored: frozenset[str] | None,
    fail_on: str,
    statistics: bool,
    no_color: bool,
    no_cache: bool,
) -> CheckOutput:
    """Run the check over ``existing`` paths with ``config`` and render it in ``fmt``.

    ``problems`` are path or configuration errors found before the run (each
    reported and exit 2). The verdict cache of ``config.project_root`` is used
    unless ``no_cache``. A run that selected nothing yields exit 2 and the one
    stderr line that says why.
    """
    from thor_guard.check import CheckResult, filter_findings, run_check
    from thor_guard.report import render
    from thor_guard.verdict_cache import VerdictCache

    problems = list(problems)
    if config.config_file is not None and _is_blank(config.config_file):
        problems.append(FileError(config.config_file, "configuration file is empty: add a [tool.thor-guard] table (the built-in 'thor' preset was used)"))
    result = run_check(list(existing), config, cache=VerdictCache.for_project(config.project_root, enabled=not no_cache))
    if existing and not (result.entry_points or result.findings or result.errors or problems):
        return CheckOutput("", f"thor-guard: error: {nothing_selected(existing, config)}\n", ExitCode.ERROR)
    result = CheckResult(
        findings=filter_findings(result.findings, selected, ignored),
        errors=sorted([*problems, *result.errors]),
        entry_points=result.entry_points,
        files=result.files,
        verdicts=result.verdicts,
    )
    rendered = render(result, fmt, color=use_color(no_color, fmt), statistics=statistics, base=report_base(config, fmt))  # type: ignore[arg-type]
    code = ExitCode.ERROR if result.errors else findings_exit_code(result.findings, fail_on)
    return CheckOutput(rendered.stdout, rendered.stderr, code)


def _is_blank(path: Path) -> bool:
    try:
        return not path.read_bytes().strip()
    except OSError:
        return False
