"""The console script's warm shortcut: an unchanged audit is replayed from its record; any changed input runs again.

Every run here is the real console script in a subprocess (the shortcut
lives in front of the CLI). To see *which* path answered, a test rewrites
the record's stdout to a marker: the marker comes back only from a replay,
and a run after a change must print the real report again.
"""

from __future__ import annotations

import marshal
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from thor_guard.audit.cache import CACHE_DIR_NAME
from thor_guard.audit.replay import RECORD_NAME, _positionals

FILES = {
    "pkg/__init__.py": "",
    "pkg/svc.py": "import threading\ndef start():\n    threading.Thread(target=print).start()\n",
    "pkg/stack.py": "from pkg.svc import start\ndef boot():\n    start()\n",
    "app.py": "from pkg.stack import boot\nboot()\n",
    "pkg/unrelated.py": "def add(a, b):\n    return a + b\n",
}
MARKER = "REPLAYED FROM THE RECORD\n"


def _command() -> list[str]:
    """The installed console script when it is this version's (``thor_guard.entry``), else the same entry via ``-c``."""
    script = Path(sys.executable).with_name("thor-guard")
    if script.is_file() and "thor_guard.entry" in script.read_text(errors="replace"):
        return [str(script)]
    return [sys.executable, "-c", "import sys; from thor_guard.entry import main; sys.argv[0] = 'thor-guard'; main()"]


def _run(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    environment.pop("NO_COLOR", None)
    environment.update(env or {})
    return subprocess.run(
        [*_command(), "audit", *args], cwd=project, capture_output=True, text=True, env=environment, timeout=120, check=False
    )


def _write(project: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _bump(path: Path) -> None:
    """Move the mtime forward so that an edit within the clock's resolution is still seen as one."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def _mark_record(project: Path) -> None:
    """Replace the recorded stdout by MARKER (the header and the stats stay valid)."""
    path = project / CACHE_DIR_NAME / RECORD_NAME
    header, signatures, _stdout, stderr, code = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps((header, signatures, MARKER, stderr, code)))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    root.mkdir()
    (root / "pyproject.toml").write_text('[tool.thor-guard]\npreset = "none"\n', encoding="utf-8")
    _write(root, FILES)
    return root


def test_an_unchanged_run_is_replayed_byte_for_byte(project: Path) -> None:
    first = _run(project, ".", "--format", "json")
    assert first.returncode == 1, first.stderr
    assert (project / CACHE_DIR_NAME / RECORD_NAME).is_file()
    second = _run(project, ".", "--format", "json")
    assert (second.returncode, second.stdout, second.stderr) == (first.returncode, first.stdout, first.stderr)
    _mark_record(project)
    assert _run(project, ".", "--format", "json").stdout == MARKER  # it really was the record that answered


@pytest.mark.parametrize(
    "change",
    [
        "edit a file",
        "add a file",
        "remove a file",
        "change the configuration",
        "a pyproject.toml appears between the cwd and the root",
        "other arguments",
        "another colour setting",
        "--no-cache",
    ],
)
def test_any_changed_input_runs_the_audit_again(project: Path, change: str) -> None:
    args = [".", "--format", "json"]
    env: dict[str, str] | None = None
    cwd = project
    _run(project, *args)
    _mark_record(project)
    assert _run(project, *args).stdout == MARKER
    if change == "edit a file":
        (project / "pkg/stack.py").write_text("def boot():\n    pass\n", encoding="utf-8")
        _bump(project / "pkg/stack.py")
    elif change == "add a file":
        _write(project, {"pkg/more.py": "import threading\nthreading.Timer(1, print).start()\n"})
    elif change == "remove a file":
        (project / "app.py").unlink()
    elif change == "change the configuration":
        (project / "pyproject.toml").write_text('[tool.thor-guard]\npreset = "none"\nexclude = ["app.py"]\n', encoding="utf-8")
        _bump(project / "pyproject.toml")
    elif change == "a pyproject.toml appears between the cwd and the root":
        cwd = project / "pkg"
        args = ["--format", "json"]
        _run(cwd, *args)
        _mark_record(project)
        assert _run(cwd, *args).stdout == MARKER
        (cwd / "pyproject.toml").write_text('[tool.thor-guard]\npreset = "none"\n', encoding="utf-8")
    elif change == "other arguments":
        args = [".", "--format", "text"]
    elif change == "another colour setting":
        env = {"NO_COLOR": "1"}
    elif change == "--no-cache":
        args = [*args, "--no-cache"]
    again = _run(cwd, *args, env=env)
    assert again.stdout != MARKER
    assert again.stdout.strip(), again.stderr
    expected = _run(cwd, *args, "--no-cache", env=env) if "--no-cache" not in args else again
    assert (again.returncode, again.stdout, again.stderr) == (expected.returncode, expected.stdout, expected.stderr)


def test_replayed_output_equals_an_uncached_run_after_random_edits(project: Path) -> None:
    """Seeded random edits (content, new files, removals); after each, the cached answer is the uncached one."""
    rng = random.Random(15)
    bodies = [
        "import threading\ndef start():\n    threading.Thread(target=print).start()\n",
        "import os, threading\ndef start():\n    if os.environ.get('THOR_SCHEDULER_MODE', 'heartbeat').lower() == 'heartbeat':\n        return\n    threading.Thread(target=print).start()\n",
        "def start():\n    return None\n",
        "from pkg.svc import start\nstart()\n",
    ]
    for _ in range(4):
        name = rng.choice(["pkg/svc.py", "pkg/stack.py", "app.py", "pkg/extra.py", "boot.py"])
        path = project / name
        if path.exists() and rng.random() < 0.25 and name != "pkg/svc.py":
            path.unlink()
        else:
            path.write_text(rng.choice(bodies), encoding="utf-8")
            _bump(path)
        cached = [_run(project, ".") for _ in range(2)]  # the second one is the replay when nothing changed
        uncached = _run(project, ".", "--no-cache")
        for result in cached:
            assert (result.returncode, result.stdout, result.stderr) == (uncached.returncode, uncached.stdout, uncached.stderr)


def test_statistics_and_missing_paths_are_never_recorded(project: Path) -> None:
    _run(project, ".", "--statistics")
    assert not (project / CACHE_DIR_NAME / RECORD_NAME).exists()
    missing = _run(project, "nope.py")
    assert missing.returncode == 2 and "path does not exist" in missing.stderr
    assert not (project / CACHE_DIR_NAME / RECORD_NAME).exists()


def test_a_damaged_record_is_a_miss(project: Path) -> None:
    first = _run(project, ".")
    (project / CACHE_DIR_NAME / RECORD_NAME).write_bytes(b"\x00not marshal")
    again = _run(project, ".")
    assert (again.returncode, again.stdout) == (first.returncode, first.stdout)


def test_path_arguments_skip_option_values() -> None:
    argv = ["audit", "--format", "json", "-j", "2", "src", "--config", "c.toml", "--no-cache", "--", "-odd"]
    assert _positionals(argv) == ["src", "-odd"]
