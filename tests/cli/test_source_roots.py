"""A ``source-roots`` entry that is not a directory is a configuration error, exit 2 (review RA-9).

Before, ``apply`` answered a typo in ``source-roots`` with TG008 "module m was not found under the source
roots" for every entry point, exit 1 (the "needs a person" code), far from the cause.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.check.project import cli_runner, write_project
from tests.cli.helpers import run
from thor_guard.cli import cli
from thor_guard.config import build_config
from thor_guard.errors import ConfigError

UNGUARDED = "import threading\n\n\ndef start():\n    threading.Thread(target=print).start()\n"


def _project(tmp_path: Path, roots: list[str]) -> Path:
    return write_project(tmp_path, {"m.py": UNGUARDED}, {"preset": "none", "entry-points": ["m:start"], "source-roots": roots})


@pytest.mark.parametrize("command", [["apply"], ["apply", "--check"], ["apply", "--diff"], ["check"], ["check", "--no-cache"], ["audit"]])
def test_a_missing_source_root_is_a_configuration_error(tmp_path: Path, command: list[str]) -> None:
    root = _project(tmp_path, [".", "scr"])
    before = (root / "m.py").read_bytes()
    result = cli_runner().invoke(cli, [*command, str(root)])
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    pyproject = root / "pyproject.toml"
    assert result.stderr.splitlines() == [
        f"thor-guard: error: {pyproject}: 'source-roots' entry 'scr' does not exist (resolved to {(root / 'scr').resolve()})"
    ]
    assert result.stdout == ""
    assert (root / "m.py").read_bytes() == before


def test_an_absolute_root_is_named_once_and_a_file_is_not_a_directory(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    root = _project(tmp_path / "a", [str(missing)])
    result = cli_runner().invoke(cli, ["apply", "--check", str(root)])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(f"'source-roots' entry '{missing}' does not exist"), result.stderr
    root = _project(tmp_path / "b", ["m.py"])
    result = cli_runner().invoke(cli, ["apply", str(root)])
    assert result.exit_code == 2
    assert "'source-roots' entry 'm.py' is not a directory" in result.stderr, result.stderr


def test_the_console_script_exits_2(tmp_path: Path) -> None:
    root = _project(tmp_path, ["src"])
    done = run(["apply"], cwd=root)
    assert done.returncode == 2, done.stderr
    assert "pyproject.toml: 'source-roots' entry 'src' does not exist" in done.stderr
    (root / "src").mkdir()
    (root / "m.py").rename(root / "src" / "m.py")
    done = run(["apply"], cwd=root)
    assert done.returncode == 0, done.stderr
    assert "fixed src/m.py (start)" in done.stderr


def test_build_config_checks_only_configured_roots(tmp_path: Path) -> None:
    # the default root is the directory of the configuration; a table without 'source-roots' is not checked
    assert build_config({}, root=tmp_path / "not-created").source_roots == ((tmp_path / "not-created").resolve(),)
    with pytest.raises(ConfigError, match="'source-roots' entry 'lib' does not exist"):
        build_config({"source-roots": ["lib"]}, root=tmp_path, config_file=tmp_path / "pyproject.toml")
    (tmp_path / "lib").mkdir()
    assert build_config({"source-roots": ["lib"]}, root=tmp_path).source_roots == ((tmp_path / "lib").resolve(),)
