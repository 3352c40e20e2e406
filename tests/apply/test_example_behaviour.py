"""On a copy of examples/legacy_thor: after apply, heartbeat mode starts no thread and legacy mode starts the same ones.

The entry points are imported and really called in subprocesses (see
``entry_driver.py``); only ``threading.Thread.start`` is replaced, by a
sentinel that records instead of starting.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from thor_guard.apply import run_apply
from thor_guard.check import run_check
from thor_guard.config import load_config

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "legacy_thor"
DRIVER = Path(__file__).resolve().parent / "entry_driver.py"
FIXABLE = {"TG001", "TG002", "TG003", "TG004", "TG007"}


def started_threads(root: Path, entries: list[str], mode: str | None) -> dict[str, list[str]]:
    env = {k: v for k, v in os.environ.items() if k != "THOR_SCHEDULER_MODE"}
    if mode is not None:
        env["THOR_SCHEDULER_MODE"] = mode
    done = subprocess.run([sys.executable, str(DRIVER), str(root), *entries], env=env, capture_output=True, text=True, check=False, cwd=root)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    base = tmp_path_factory.mktemp("legacy_thor")
    before, after = base / "before", base / "after"
    ignore = shutil.ignore_patterns("__pycache__", "*.sqlite3", ".thor_guard*")
    shutil.copytree(EXAMPLE, before, ignore=ignore)
    shutil.copytree(EXAMPLE, after, ignore=ignore)
    config = load_config([after])
    report = run_apply(config, [after], jobs=1)
    assert not report.errors
    assert report.written, "the example is half-migrated: apply has work to do"
    return before, after, [str(t) for t in config.entry_points]


def test_check_is_clean_after_apply_except_for_a_person(migrated: tuple[Path, Path, list[str]]) -> None:
    _, after, _ = migrated
    result = run_check([after], load_config([after]))
    assert [f for f in result.findings if f.code in FIXABLE] == []
    assert result.errors == []


def test_heartbeat_mode_starts_no_thread_after_apply(migrated: tuple[Path, Path, list[str]]) -> None:
    before, after, entries = migrated
    unguarded_before = {e: t for e, t in started_threads(before, entries, None).items() if t}
    assert unguarded_before, "before apply some entry points really start threads with the variable unset"
    for mode in (None, "heartbeat", "HEARTBEAT"):
        assert {e: t for e, t in started_threads(after, entries, mode).items() if t} == {}


def test_legacy_mode_starts_the_same_threads_as_before(migrated: tuple[Path, Path, list[str]]) -> None:
    before, after, entries = migrated
    legacy_before = started_threads(before, entries, "legacy")
    assert any(legacy_before.values())
    assert started_threads(after, entries, "legacy") == legacy_before
    assert started_threads(after, entries, "Legacy") == legacy_before


def test_second_apply_changes_nothing(migrated: tuple[Path, Path, list[str]]) -> None:
    _, after, _ = migrated
    report = run_apply(load_config([after]), [after], jobs=1, write=False)
    assert report.changed_files == ()


def test_changes_stay_inside_entry_points_and_compile(migrated: tuple[Path, Path, list[str]]) -> None:
    before, after, _ = migrated
    from tests.apply.invariants import changes_outside_targets

    config = load_config([after])
    changed = 0
    for new in sorted(after.rglob("*.py")):
        old = before / new.relative_to(after)
        if old.read_bytes() == new.read_bytes():
            continue
        changed += 1
        module = ".".join(new.relative_to(after).with_suffix("").parts)
        compile(new.read_bytes(), str(new), "exec", dont_inherit=True)
        assert changes_outside_targets(config, module, old.read_bytes(), new.read_bytes()) == [], new
    assert changed > 0
