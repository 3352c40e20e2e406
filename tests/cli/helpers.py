"""Run the installed console script for real, and build scratch projects and example copies for CLI tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

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


def write_files(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write ``files`` (relative path -> text or bytes) under ``root``, with ``__init__.py`` in every package directory."""
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        for parent in path.relative_to(root).parents:
            if str(parent) != "." and not (root / parent / "__init__.py").exists() and not str(parent).startswith("."):
                (root / parent / "__init__.py").write_text("", encoding="utf-8")
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root
