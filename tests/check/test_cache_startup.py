"""The click-free front door (thor_guard.fastpath): same bytes as click, and a warm check imports neither click nor libcst.

Start-up speed itself is measured by ``python3 -m benchmarks``, never asserted
here; what is asserted is what makes it fast (which modules a run imports) and
that the fast path is indistinguishable from the click path.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.check.project import cli_runner, write_project
from thor_guard import __version__, fastpath
from thor_guard.cli_group import cli

SCRIPT = Path(sys.executable).parent / "thor-guard"
CLICK_MAIN = "import sys\nfrom thor_guard.cli_group import cli\ncli.main(sys.argv[1:], prog_name='thor-guard')\n"
UNGUARDED = "import threading\n\n\ndef start():\n    threading.Thread(target=print).start()\n"
HELPER_GUARDED = (
    "import threading\n\nfrom app.helpers import heartbeat_mode\n\n\ndef start():\n    if heartbeat_mode():\n        return\n"
    "    threading.Thread(target=print).start()\n"
)
HELPER = "import os\n\n\ndef heartbeat_mode():\n    return os.environ.get('THOR_SCHEDULER_MODE', 'heartbeat').lower() == 'heartbeat'\n"


def _console(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "thor_guard"]
    return subprocess.run([*command, *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False, env=env)


def _click(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", CLICK_MAIN, *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False, env=env)


@pytest.mark.parametrize("width", [50, 51, 60, 72, 79, 80, 98, 99, 100, 130, 240])
def test_help_is_click_s_text_at_every_width(width: int) -> None:
    ctx = cli.make_context("thor-guard", [], resilient_parsing=True, terminal_width=width)
    assert fastpath.group_help(width) == cli.get_help(ctx)


@pytest.mark.parametrize("columns", ["40", "80", "100", "150", "junk"])
def test_help_and_version_through_the_console_script_match_click(tmp_path: Path, columns: str) -> None:
    env = {**os.environ, "COLUMNS": columns}
    for flag in ("--help", "-h", "--version", "-V"):
        fast, slow = _console([flag], tmp_path, env), _click([flag], tmp_path, env)
        assert (fast.stdout, fast.stderr, fast.returncode) == (slow.stdout, slow.stderr, slow.returncode), flag
    assert _console(["--version"], tmp_path).stdout == f"thor-guard {__version__}\n"
    assert cli_runner().invoke(cli, ["--version"]).output == f"thor-guard {__version__}\n"


def _imports(args: list[str], cwd: Path) -> set[str]:
    """Top-level packages the console script imported for ``args`` (from ``python -X importtime``)."""
    script = SCRIPT if SCRIPT.exists() else None
    command = [sys.executable, "-X", "importtime", str(script)] if script else [sys.executable, "-X", "importtime", "-m", "thor_guard"]
    done = subprocess.run([*command, *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False)
    return {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines() if line.startswith("import time:")}


def test_version_help_and_a_warm_check_import_neither_click_nor_libcst(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", {"app/a.py": HELPER_GUARDED, "app/helpers.py": HELPER, "app/b.py": UNGUARDED}, {"preset": "none", "entry-points": ["app.a:start", "app.b:start"]})
    for args in (["--version"], ["--help"]):
        assert not {"click", "libcst"} & _imports(args, root), args
    cold = _imports(["check"], root)
    assert "libcst" in cold  # the first run verifies (and fills the cache)
    warm = _imports(["check"], root)
    assert not {"click", "libcst", "pickle", "json"} & warm
    (root / "app" / "b.py").write_text(UNGUARDED + "\n# edited\n", encoding="utf-8")
    assert "libcst" in _imports(["check"], root)  # an edit is verified again
    assert "libcst" not in _imports(["check", "--format", "github"], root)


ARGS = [
    ["check"],
    ["check", "--format", "json"],
    ["check", "--format=sarif"],
    ["check", "--format", "github", "--statistics"],
    ["check", "--statistics", "--no-color"],
    ["check", "--fail-on", "never"],
    ["check", "--fail-on=warning", "--no-cache"],
    ["check", "app/a.py"],
    ["check", "app", "missing.py"],
    ["check", "--config", "pyproject.toml", "app"],
    ["check", "elsewhere"],
    ["check", "--format", "text", "--format", "json"],
]


@pytest.mark.parametrize("args", ARGS, ids=[" ".join(a) for a in ARGS])
def test_fast_check_is_byte_identical_to_the_click_command(tmp_path: Path, args: list[str]) -> None:
    root = write_project(
        tmp_path / "p",
        {"app/a.py": HELPER_GUARDED, "app/helpers.py": HELPER, "app/b.py": UNGUARDED, "elsewhere/x.py": "X = 1\n"},
        {"preset": "none", "entry-points": ["app.a:start", "app.b:start", "app.gone:start"]},
    )
    assert fastpath.parse_check_args(args[1:]) is not None
    for _ in range(2):  # cold, then warm
        fast, slow = _console(args, root), _click(args, root)
        assert (fast.stdout, fast.stderr, fast.returncode) == (slow.stdout, slow.stderr, slow.returncode)


def test_fast_check_without_configuration_and_with_an_empty_one(tmp_path: Path) -> None:
    bare = tmp_path / "bare"
    (bare / "svc").mkdir(parents=True)
    (bare / "svc" / "x.py").write_text(UNGUARDED, encoding="utf-8")
    (bare / "empty.toml").write_text("", encoding="utf-8")
    for args in (["check", "."], ["check", "--config", "empty.toml", "."]):
        fast, slow = _console(args, bare), _click(args, bare)
        assert (fast.stdout, fast.stderr, fast.returncode) == (slow.stdout, slow.stderr, slow.returncode), args


@pytest.mark.parametrize(
    "args",
    [["--select", "TG001"], ["--ignore=TG002"], ["-h"], ["--help"], ["--format", "xml"], ["--format="], ["--bogus"], ["--config"], ["--config="], ["-"], ["--", "x"], [""], ["--no-cache=1"], ["--fail-on", "--no-cache"]],
)
def test_anything_unusual_is_left_to_click(args: list[str]) -> None:
    assert fastpath.parse_check_args(args) is None


def test_declined_arguments_get_click_s_usage_error(tmp_path: Path) -> None:
    for args in (["check", "--format", "xml"], ["check", "--select", "TG010"], ["chek"], ["check", "missing.py"]):
        fast, slow = _console(args, tmp_path), _click(args, tmp_path)
        assert fast.returncode == slow.returncode == 2, args
        assert fast.stderr == slow.stderr and fast.stdout == slow.stdout, args


def test_terminal_columns_follows_shutil(monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    for value in ("123", "0", "-4", "x", None):
        if value is None:
            monkeypatch.delenv("COLUMNS", raising=False)
        else:
            monkeypatch.setenv("COLUMNS", value)
        assert fastpath.terminal_columns() == shutil.get_terminal_size().columns, value
