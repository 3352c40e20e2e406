"""A file under two source roots has two module names; an entry naming either one is fixed (review AR2-4).

With ``source-roots = [".", "src"]``, ``src/m.py`` is both ``m`` and ``src.m``. apply kept one name per file
and reported every entry spelled with the other as TG008 "no function stop in module src.m", on every run,
while check found the function and said "run apply".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.check.project import cli_runner, write_project
from thor_guard.cli import cli

MODULE = (
    "import logging\nimport threading\n\nlogger = logging.getLogger(__name__)\n\n\n"
    "def start():\n    threading.Thread(target=print).start()\n\n\n"
    "def stop():\n    threading.Thread(target=print).start()\n"
)


@pytest.mark.parametrize(
    "entries",
    [["m:start", "src.m:stop"], ["src.m:stop", "m:start"], ["m:start", "src.m:start", "src.m:stop"], ["src.m:*"]],
)
def test_every_spelling_of_the_module_reaches_the_file(tmp_path: Path, entries: list[str]) -> None:
    root = write_project(tmp_path, {"src/m.py": MODULE}, {"preset": "none", "source-roots": [".", "src"], "entry-points": entries})
    result = cli_runner().invoke(cli, ["apply", "-j1", str(root)])
    assert result.exit_code == 0, result.stderr
    assert "TG008" not in result.stderr + result.stdout
    fixed = [line for line in result.stderr.splitlines() if line.startswith("fixed ")]
    assert len(fixed) == 1 and fixed[0].endswith("src/m.py (start, stop)"), result.stderr
    check = cli_runner().invoke(cli, ["check", "--no-cache", str(root)])
    assert check.exit_code == 0, check.stdout + check.stderr
    again = cli_runner().invoke(cli, ["apply", "-j1", str(root)])
    assert again.exit_code == 0 and "fixed 0 entry points" in again.stderr + again.stdout


def test_a_name_that_reaches_no_file_is_still_not_found(tmp_path: Path) -> None:
    root = write_project(
        tmp_path, {"src/m.py": MODULE}, {"preset": "none", "source-roots": [".", "src"], "entry-points": ["m:start", "lib.m:stop"]}
    )
    result = cli_runner().invoke(cli, ["apply", "-j1", str(root)])
    assert result.exit_code == 1
    assert "entry point lib.m:stop not found" in result.stdout + result.stderr


@pytest.mark.parametrize("entries", [["pkg.m:start", "pkg_alias.m:stop"], ["pkg_alias.m:start", "pkg_alias.m:stop"]])
def test_a_symlinked_package_alias_reaches_the_file(tmp_path: Path, entries: list[str]) -> None:
    """Review AR3-11: `pkg_alias -> pkg` (a compatibility alias of a renamed package) is the same file."""
    root = write_project(tmp_path, {"pkg/m.py": MODULE}, {"preset": "none", "entry-points": entries})
    (root / "pkg_alias").symlink_to("pkg", target_is_directory=True)
    result = cli_runner().invoke(cli, ["apply", "-j1", str(root)])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "TG008" not in result.stderr + result.stdout
    assert (root / "pkg" / "m.py").read_text().count('os.environ.get("THOR_SCHEDULER_MODE"') == 2
    check = cli_runner().invoke(cli, ["check", "--no-cache", str(root)])
    assert check.exit_code == 0, check.stdout + check.stderr
