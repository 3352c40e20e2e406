"""An interrupted ``apply`` (SIGINT, SIGTERM, SIGHUP) leaves no temporary file, names what it wrote, exits 128 + signal.

Review RA-2: a SIGTERM while a file was being replaced left ``.mod1.py.XXXX.thor-guard.tmp`` in the
package and said nothing; SIGINT exited 1 (``Aborted!``), the code that means "needs a person". Each run
here is a real process (``tests/apply/interrupt_driver.py``) that sends itself a real signal at a chosen
point; the checks are on the files on disk and on what the process printed.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.apply.project import make_project, snapshot

REPO = Path(__file__).resolve().parents[2]
MODULES = 5
SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path, {f"mod{i}": "insert_no_imports_no_logger" for i in range(MODULES)}, entries=("pkg.*:start",))


def _drive(root: Path, name: str, phase: str, at: int, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "tests.apply.interrupt_driver", name, phase, str(at), "-j1", *args]
    # the driver sends SIGINT itself: let it act even if this test runs with SIGINT ignored
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False, timeout=300,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _changed(before: dict[str, bytes], root: Path) -> set[str]:
    after = snapshot(root)
    assert set(after) == set(before), "files appeared or vanished"
    return {path for path in before if after[path] != before[path]}


@pytest.mark.parametrize("at", [0, 2])
@pytest.mark.parametrize("name", SIGNALS)
def test_a_signal_during_a_write_finishes_that_file_and_reports_it(project: Path, name: str, at: int) -> None:
    before = snapshot(project)
    done = _drive(project, name, "write", at)
    signum = getattr(signal, name)
    assert done.returncode == 128 + signum, (done.returncode, done.stderr)
    assert not [p for p in project.rglob("*") if p.name.endswith(".thor-guard.tmp")]
    changed = _changed(before, project)
    # the signal is held off until the file being replaced is complete: exactly files 0..at are written
    reported = set(re.findall(r"^fixed (pkg/mod\d\.py) \(start\)$", done.stderr, re.MULTILINE))
    assert reported == changed and len(changed) == at + 1, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last == (
        f"thor-guard: interrupted by {name}: wrote {at + 1} file{'s' if at else ''} (listed above), "
        f"{MODULES - at - 1} files it would have fixed not written; every other file is unchanged"
    ), done.stderr
    for path in changed:
        compile((project / path).read_bytes(), path, "exec")
    # running again finishes the job: the written files are already clean, the rest get fixed
    rerun = subprocess.run([sys.executable, "-m", "thor_guard", "apply", "-j1"], cwd=project, capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(REPO)}, check=False, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert len(_changed(before, project)) == MODULES


@pytest.mark.parametrize("name", SIGNALS)
def test_a_signal_during_the_transform_writes_nothing(project: Path, name: str) -> None:
    before = snapshot(project)
    done = _drive(project, name, "transform", 1)
    assert done.returncode == 128 + getattr(signal, name), (done.returncode, done.stderr)
    assert _changed(before, project) == set()
    assert done.stderr.strip().splitlines()[-1] == (
        f"thor-guard: interrupted by {name}: wrote no file; every other file is unchanged"
    ), done.stderr


def test_check_mode_interrupted_exits_with_the_signal_code_too(project: Path) -> None:
    before = snapshot(project)
    done = _drive(project, "SIGINT", "transform", 0, "--check")
    assert done.returncode == 130, done.stderr
    assert "Aborted!" not in done.stderr
    assert _changed(before, project) == set()


def test_an_ignored_signal_stays_ignored(project: Path) -> None:
    """``nohup thor-guard apply``: SIGHUP is ignored on entry, so the run finishes and writes every file."""
    before = snapshot(project)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "tests.apply.interrupt_driver", "SIGHUP", "write", "0", "-j1"]
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False, timeout=300,
                          preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN))
    assert done.returncode == 0, done.stderr
    assert len(_changed(before, project)) == MODULES


@pytest.mark.parametrize("name", SIGNALS)
def test_a_signal_while_the_configuration_loads_exits_with_the_signal_code(project: Path, name: str) -> None:
    """Before any file is read: 128 + signal and the interrupted line, not click's ``Aborted!`` and exit 1."""
    before = snapshot(project)
    done = _drive(project, name, "config", 0)
    assert done.returncode == 128 + getattr(signal, name), (done.returncode, done.stderr)
    assert "Aborted!" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.strip().splitlines() == [f"thor-guard: interrupted by {name}: wrote no file; every other file is unchanged"]
    assert _changed(before, project) == set()


@pytest.mark.parametrize("command", ["check", "audit"])
def test_ctrl_c_in_another_command_is_not_its_findings_code(project: Path, command: str) -> None:
    """Exit 1 is check's "findings" and audit's "warnings": Ctrl-C gives 130 and one line instead."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    argv = [sys.executable, "-m", "tests.apply.interrupt_driver", "SIGINT", "config", "0", command]
    done = subprocess.run(argv, cwd=project, env=env, capture_output=True, text=True, check=False, timeout=300,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert done.returncode == 130, (done.returncode, done.stderr)
    assert done.stderr.strip().splitlines() == ["thor-guard: interrupted by SIGINT"], done.stderr
