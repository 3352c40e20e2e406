"""A per-deployment module the checkout lacks, marked by a ``.gitignore`` with git's own rules (hostile review 9, R9-14).

:func:`thor_guard.verdict_cache.checkout_owns` decides whether a top-level module found nowhere is the project's
own (R7-8): these tests write real ``.gitignore`` files around a source root and ask it, and run ``check`` on the
review's GI1 layout through the real console script.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from thor_guard.verdict_cache import checkout_owns


def _layout(tmp_path: Path, where: str, text: str) -> Path:
    """A repository ``tmp_path`` with source root ``src`` and ``text`` as the ``.gitignore`` in ``where``."""
    (tmp_path / ".git").mkdir()
    src = tmp_path / "src"
    src.mkdir()
    directory = tmp_path / where
    directory.mkdir(parents=True, exist_ok=True)
    (directory / ".gitignore").write_text(text, encoding="utf-8")
    return src


@pytest.mark.parametrize(
    ("where", "text"),
    [
        (".", "local_settings.py\n"),
        (".", "src/local_settings.py\n"),
        (".", "/src/local_settings.py\n"),
        (".", "*/local_settings.py\n"),
        (".", "**/local_settings.py\n"),
        (".", "local_settings*.py\n"),
        (".", "src/local_settings/\n"),
        (".", "# deployment\nsrc/local_*.py\n"),
        ("src", "/local_settings.py\n"),
        ("src", "local_settings.py\n"),
    ],
)
def test_gitignore_lines_naming_the_file_mark_it(tmp_path: Path, where: str, text: str) -> None:
    assert checkout_owns("local_settings", [_layout(tmp_path, where, text)])


@pytest.mark.parametrize(
    ("where", "text"),
    [
        (".", "build/\n*.pyc\n"),
        (".", "*.py[cod]\n__pycache__/\n"),
        (".", "other/local_settings.py\n"),  # a different directory: not where the module would be
        (".", "src/local_settings.py\n!src/local_settings.py\n"),  # negated again
        (".", "#local_settings.py\n"),  # a comment
    ],
)
def test_other_lines_do_not(tmp_path: Path, where: str, text: str) -> None:
    assert not checkout_owns("local_settings", [_layout(tmp_path, where, text)])


def test_a_gitignore_above_the_parent_counts_inside_a_repository_only(tmp_path: Path) -> None:
    src = tmp_path / "repo" / "services" / "src"
    src.mkdir(parents=True)
    (tmp_path / "repo" / ".gitignore").write_text("services/src/local_settings.py\n", encoding="utf-8")
    assert not checkout_owns("local_settings", [src])  # no .git: the root and its parent only
    (tmp_path / "repo" / ".git").mkdir()
    assert checkout_owns("local_settings", [src])


def test_check_reports_the_missing_deployment_module(tmp_path: Path) -> None:
    """GI1 (review 9): ``src/conf.py`` tries ``import local_settings``; the top ``.gitignore`` names it by its path."""
    src = _layout(tmp_path, ".", "src/local_settings.py\n")
    (src / "conf.py").write_text(
        "try:\n    import local_settings  # noqa: F401\nexcept ImportError:\n    local_settings = None\n", encoding="utf-8"
    )
    (src / "m.py").write_text(
        textwrap.dedent(
            """
            import os

            import conf  # noqa: F401


            def start():
                mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
                if mode == "heartbeat":
                    return
                print("body")
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "pyproject.toml").write_text(
        '[tool.thor-guard]\npreset = "none"\nsource-roots = ["src"]\nentry-points = ["m:start"]\n', encoding="utf-8"
    )
    command = [sys.executable, "-m", "thor_guard", "check", "--no-cache", "--no-color", "."]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    assert "TG009" in result.stdout and "imports 'local_settings' at import time" in result.stdout, result.stdout + result.stderr
    # The deployment's file makes the module the project's: the same project with it present shows what it does.
    (src / "local_settings.py").write_text('import os\nos.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")\n', encoding="utf-8")
    ran = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(0, 'src'); import m, os; import conf; print(os.environ['THOR_SCHEDULER_MODE'])"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, check=True, env={"PATH": "/usr/bin:/bin"},
    )
    assert ran.stdout.strip() == "legacy"


@pytest.mark.parametrize("text", ["*\n", "*.py\n", "src/\n", "/*\n!.gitignore\n"])
def test_rules_that_ignore_every_module_name_none(tmp_path: Path, text: str) -> None:
    """An ignore-everything rule (a cache directory's ``*``, an ignore-all whitelist) marks no module in particular:
    a missing optional library stays assumption 7."""
    assert not checkout_owns("local_settings", [_layout(tmp_path, ".", text)])
