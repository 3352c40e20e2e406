"""Bad input: each problem is one line naming the file, exit 2, and every other entry point is still checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


from tests.check.project import cli_runner, write_project
from thor_guard.check import read_module
from thor_guard.commands.check import check
from thor_guard.findings import FileError

GOOD = (
    "import os\nimport threading\n\n\ndef start():\n"
    '    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":\n        return\n'
    "    threading.Thread(target=print).start()\n"
)
UNGUARDED = "import threading\n\n\ndef start():\n    threading.Thread(target=print).start()\n"
TABLE = {"preset": "none", "entry-points": ["app.good:start", "app.bad:start", "app.other:start"]}


def _invoke(root: Path, *args: str) -> tuple[int, str, str]:
    result = cli_runner().invoke(check, [str(root), "--no-color", *args])
    return result.exit_code, result.stdout, result.stderr


def _project(tmp_path: Path, bad: str | bytes) -> Path:
    return write_project(tmp_path, {"app/good.py": GOOD, "app/bad.py": bad, "app/other.py": UNGUARDED}, TABLE)


def _one_error_line(stderr: str, name: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert name in lines[0]
    return lines[0]


def test_syntax_error_is_one_line_and_the_rest_is_checked(tmp_path: Path) -> None:
    code, out, err = _invoke(_project(tmp_path, "def start(:\n    pass\n"))
    assert code == 2
    assert "syntax error at line 1" in _one_error_line(err, "bad.py")
    assert "app.other:start" in out and "TG001" in out  # the other entry points were still checked


def test_coding_cookie_is_honoured(tmp_path: Path) -> None:
    source = ("# -*- coding: latin-1 -*-\n" + UNGUARDED.replace("def start():", "def start():\n    \"\"\"Démarre.\"\"\"")).encode("latin-1")
    code, out, err = _invoke(_project(tmp_path, source))
    assert err == ""
    assert code == 1
    assert "app.bad:start" in out and "TG001" in out


def test_undecodable_file_without_cookie(tmp_path: Path) -> None:
    code, out, err = _invoke(_project(tmp_path, b"x = '\xe9'\n"))
    assert code == 2
    assert "cannot decode" in _one_error_line(err, "bad.py")
    assert "app.other:start" in out


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read unreadable files")
def test_unreadable_file(tmp_path: Path) -> None:
    root = _project(tmp_path, GOOD)
    (root / "app" / "bad.py").chmod(0)
    try:
        code, out, err = _invoke(root)
    finally:
        (root / "app" / "bad.py").chmod(0o644)
    assert code == 2
    assert "cannot read" in _one_error_line(err, "bad.py")


def test_read_error_becomes_one_file_error(tmp_path: Path) -> None:
    # Works as root too: reading a directory fails with a real OSError (EISDIR).
    error = read_module("app.bad", tmp_path)
    assert isinstance(error, FileError)
    assert error.path == tmp_path and error.message.startswith("cannot read file: ")


def test_missing_path_is_reported_and_existing_paths_checked(tmp_path: Path) -> None:
    root = _project(tmp_path, UNGUARDED)
    result = cli_runner().invoke(check, [str(root), str(root / "nope"), "--no-color"])
    assert result.exit_code == 2
    assert "path does not exist" in _one_error_line(result.stderr, "nope")
    assert "app.bad:start" in result.stdout


def test_only_missing_path(tmp_path: Path) -> None:
    result = cli_runner().invoke(check, [str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "path does not exist" in _one_error_line(result.stderr, "nope")


def test_empty_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    code, out, err = _invoke(tmp_path)
    assert code == 2
    assert "empty" in _one_error_line(err, "pyproject.toml")
    assert "TG008" in out  # the built-in preset was still checked (and its modules are missing here)


def test_invalid_toml(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.thor-guard\nentry-points = [\n", encoding="utf-8")
    code, out, err = _invoke(tmp_path)
    assert code == 2
    assert "invalid TOML" in _one_error_line(err, "pyproject.toml")


def test_unknown_key_names_the_nearest(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.thor-guard]\nentry-point = ["a:b"]\n', encoding="utf-8")
    code, out, err = _invoke(tmp_path)
    assert code == 2
    assert "did you mean 'entry-points'" in _one_error_line(err, "pyproject.toml")


def test_malformed_target_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.thor-guard]\nentry-points = ["no_colon_here"]\n', encoding="utf-8")
    code, out, err = _invoke(tmp_path)
    assert code == 2
    assert "module:qualname" in _one_error_line(err, "pyproject.toml")


def test_helper_module_with_syntax_error(tmp_path: Path) -> None:
    guarded_by_helper = "import threading\n\nfrom app.mode import active\n\n\ndef start():\n    if active():\n        return\n    threading.Thread(target=print).start()\n"
    root = write_project(tmp_path, {"app/good.py": guarded_by_helper, "app/mode.py": "def active(:\n", "app/bad.py": GOOD, "app/other.py": GOOD}, TABLE)
    code, out, err = _invoke(root)
    assert code == 2
    assert "mode.py" in _one_error_line(err, "mode.py")
    assert "TG009" in out and "app.good:start" in out


def test_only_manifest_files_and_helper_modules_are_parsed(tmp_path: Path) -> None:
    guarded_by_helper = "import threading\n\nfrom app.mode import active\n\n\ndef start():\n    if active():\n        return\n    threading.Thread(target=print).start()\n"
    helper = 'import os\n\n\ndef active():\n    return os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"\n'
    files = {"app/good.py": guarded_by_helper, "app/mode.py": helper, "app/broken_but_unlisted.py": "def (:\n", "lib/huge.py": "x = (\n"}
    root = write_project(tmp_path, files, {"preset": "none", "entry-points": ["app.good:start"]})
    result = cli_runner().invoke(check, [str(root), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"] == {"entry_points": 1, "files": 2, "findings": 0}


@pytest.mark.parametrize("cached", [False, True])
def test_a_project_path_that_is_not_utf8(tmp_path: Path, cached: bool) -> None:
    """Hostile apply review 16, F6: a directory name with a byte that is not UTF-8 (``os.fsdecode`` gives a
    surrogate) reached the verdict cache's key as text and crashed check with an internal error (exit 3)."""
    root = write_project(Path(os.fsdecode(os.fsencode(tmp_path) + b"/\xffproj")), {"app/good.py": GOOD, "app/other.py": UNGUARDED}, {**TABLE, "entry-points": ["app.good:start", "app.other:start"]})
    for _ in range(2 if cached else 1):
        # the console script's own streams (a CliRunner's capture is strict UTF-8 and cannot print the name)
        done = subprocess.run(
            [sys.executable, "-m", "thor_guard", "check", "--no-color", *(() if cached else ("--no-cache",)), "."],
            cwd=root, capture_output=True, timeout=120,
        )
        assert (done.returncode, done.stderr) == (1, b""), done.stderr
        assert b"TG001" in done.stdout and b"app.other:start" in done.stdout and b"app.good:start" not in done.stdout


@pytest.mark.parametrize("chain", ["elif", "plus"])
def test_long_flat_chain_is_one_line_not_a_crash(tmp_path: Path, chain: str) -> None:
    """Apply review 18: 400 `elif`s (or `+` terms) are valid Python, nest no bracket, and take libcst past Python's
    recursion limit: the file is an error of its own (exit 2), the run goes on and the other files are checked."""
    if chain == "elif":
        branches = "".join(f"    elif x == {i}:\n        return {i}\n" for i in range(1, 400))
        tail = f"\n\ndef dispatch(x):\n    if x == 0:\n        return 0\n{branches}"
    else:
        tail = "\n\nTOTAL = " + " + ".join(["1"] * 400) + "\n"
    code, out, err = _invoke(_project(tmp_path, UNGUARDED + tail))
    assert code == 2
    assert "recursion limit" in _one_error_line(err, "bad.py")
    assert "app.other:start" in out and "TG001" in out
