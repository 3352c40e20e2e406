"""The click-free steps of the analysing commands, shared by :mod:`thor_guard.commands.common` and :mod:`thor_guard.fastpath`.

Kept apart from the click options so that the fast path of ``check`` (which
never imports click) and the click commands run literally the same code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from thor_guard.errors import ExitCode
from thor_guard.findings import FileError, Finding
from thor_guard.report.plural import count

if TYPE_CHECKING:
    from thor_guard.config import Config


def findings_exit_code(findings: Sequence[Finding], fail_on: str) -> ExitCode:
    """Exit 1 when a finding at or above ``fail_on`` severity was reported, else 0 (see ``--fail-on``)."""
    if fail_on == "never":
        return ExitCode.CLEAN
    failing = [f for f in findings if fail_on == "warning" or f.severity == "error"]
    return ExitCode.FINDINGS if failing else ExitCode.CLEAN


def split_paths(paths: Sequence[Path]) -> tuple[tuple[Path, ...], list[FileError]]:
    """Separate the paths that exist from those that do not (each becomes a FileError)."""
    existing = tuple(p for p in paths if p.exists())
    missing = [FileError(p, "path does not exist") for p in paths if not p.exists()]
    return existing, missing


def no_config_notice(config: Config, paths: Sequence[Path], *, explicit: bool = False) -> str | None:
    """The one stderr line that says no configuration was found and which preset stands in, or None.

    An empty configuration file is left to the command (``check`` reports it as an error).
    """
    if config.configured:
        return None
    if config.config_file is not None and not config.config_file.read_bytes().strip():
        return None
    preset = f"the built-in '{config.preset}' preset ({count(len(config.entry_points), 'entry point')})" if config.uses_preset else "no preset"
    if explicit and config.config_file is not None:  # --config named a pyproject without the table
        return f"thor-guard: {config.config_file} has no [tool.thor-guard] table; using {preset}"
    where = Path(paths[0]) if paths else Path(".")
    return f"thor-guard: no [tool.thor-guard] configuration found at or above {where}; using {preset}"


def report_base(config: Config, fmt: str) -> Path:
    """Where reported paths are relative to.

    Text and JSON: the current directory, so paths open from the shell.
    GitHub annotations and SARIF: the repository root (the git top level
    above the project, else the project root), which is what GitHub needs to
    place them whichever directory the command ran in.
    """
    if fmt not in ("github", "sarif"):
        return Path.cwd().resolve()
    root = config.project_root.resolve()
    for directory in (root, *root.parents):
        if (directory / ".git").exists():
            return directory
    return root


def use_color(no_color: bool, fmt: str = "text") -> bool:
    """Colour only text, only on a terminal, and never when ``--no-color`` or ``NO_COLOR`` says so."""
    return not no_color and fmt == "text" and "NO_COLOR" not in os.environ and sys.stdout.isatty()


def nothing_selected(paths: Sequence[Path], config: Config) -> str:
    """Why a run over ``paths`` touched nothing: none of the manifest's entry points lies under them (exit 2)."""
    shown = ", ".join(str(p) for p in paths)
    if not config.entry_points:
        return f"the manifest has no entry points ({config.describe_source()}): nothing to check"
    return (
        f"no entry point of the manifest lies under {shown} "
        f"({count(len(config.entry_points), 'entry point')} in {config.describe_source()}); "
        "nothing was checked: run from the project root or name the files that hold entry points"
    )
