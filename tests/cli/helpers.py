"""Run the installed console script for real, and build scratch projects and example copies for CLI tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from tests.check.project import write_files  # noqa: F401 - re-exported: the one project writer of the tests

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "legacy_thor"


def console_command() -> list[str]:
    """The ``thor-guard`` script beside this interpreter (an editable install), else ``python -m thor_guard``."""
    script = Path(sys.executable).with_name("thor-guard")
    return [str(script)] if script.exists() else [sys.executable, "-m", "thor_guard"]


def run(args: list[str], cwd: Path, env: Mapping[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``thor-guard ARGS`` in ``cwd``; text output decoded as UTF-8 (replacing what does not decode)."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
    environment.update({"PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1", **(env or {})})
    return subprocess.run(
        [*console_command(), *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        check=False,
    )


def copy_example(destination: Path) -> Path:
    """A fresh copy of the example project (no caches, no database), safe to rewrite."""
    shutil.copytree(EXAMPLE, destination, ignore=shutil.ignore_patterns(".thor_guard_cache", "__pycache__", "var", "*.sqlite3"))
    return destination


