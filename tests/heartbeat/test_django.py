"""The Django app: ``call_command("run_heartbeat")`` with binding through ``settings.THOR_HEARTBEAT``, and the example project."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.heartbeat.helpers import JOB_NAMES, REPO, console_script
from tests.heartbeat.jobs_for_tests import JOURNAL_ENV, read_journal

EXAMPLE = REPO / "examples" / "legacy_thor"


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "journal.jsonl"
    monkeypatch.setenv(JOURNAL_ENV, str(path))
    monkeypatch.delenv("THOR_SCHEDULER_MODE", raising=False)
    return path


def test_call_command_binds_jobs_from_settings(django_db: None, journal: Path) -> None:
    from django.conf import settings
    from django.core.management import call_command

    call_command("run_heartbeat", max_ticks=3)
    records = read_journal(journal)
    assert [r["job"] for r in records[:8]] == list(JOB_NAMES)
    assert {r["tick"] for r in records} == {1, 2, 3}
    assert {r["token"] for r in records} == {json.loads(Path(settings.THOR_HEARTBEAT["LOCK_PATH"]).read_text())["fencing_token"]}


def test_call_command_flags(django_db: None, journal: Path, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    from django.core.management import call_command

    with caplog.at_level(logging.INFO, logger="heartbeat"):
        call_command("run_heartbeat", max_ticks=2, no_lock=True, fast_tick=0.02, slow_tick=0.5)
    assert "Ticks: fast 0.02 s, slow 0.5 s; lock: no lock" in caplog.text
    assert {r["token"] for r in read_journal(journal)} == {None}


def test_call_command_refuses_legacy_mode(django_db: None, journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from django.core.management import call_command
    from django.core.management.base import CommandError

    monkeypatch.setenv("THOR_SCHEDULER_MODE", "LEGACY")
    with pytest.raises(CommandError, match="legacy scheduler mode is active") as info:
        call_command("run_heartbeat", max_ticks=1)
    assert info.value.returncode == 2
    assert not journal.exists()


def _example_env(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "THOR_EXAMPLE_DB": str(tmp_path / "thor.sqlite3"), "TMPDIR": str(tmp_path)}
    for name in ("THOR_SCHEDULER_MODE", "DJANGO_SETTINGS_MODULE", JOURNAL_ENV):
        env.pop(name, None)
    return env


def _forget_example_slots() -> Path:
    """The example's default lock file (/run/lock, not TMPDIR: issue 13 item 7). It records the slots already run,
    so a second run within a job's interval would rightly skip them; start from scratch."""
    from heartbeat.runner import load_settings
    from thor_guard.config import load_config

    settings = load_settings(load_config([EXAMPLE]), with_django=False)
    for path in (settings.resolved_lock_path, settings.resolved_status_path):
        path.unlink(missing_ok=True)
    return settings.resolved_lock_path


def test_readme_command_runs_the_example_from_scratch(tmp_path: Path) -> None:
    """`cd examples/legacy_thor && thor-guard run-heartbeat --max-ticks 5 --fast-tick 0.2`: migrates, leads, runs jobs."""
    lock_path = _forget_example_slots()
    result = subprocess.run(
        [*console_script(), "run-heartbeat", "--max-ticks", "5", "--fast-tick", "0.2"],
        cwd=EXAMPLE, env=_example_env(tmp_path), capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Registered 8 jobs: intraday, week52_extremes" in result.stderr
    assert "tick=1 cadence=fast jobs_due=[intraday, week52_extremes, session_volume, market_metrics" in result.stderr
    assert "Stopped after 5 ticks" in result.stderr
    assert f"lock: file lock {lock_path}" in result.stderr
    with sqlite3.connect(tmp_path / "thor.sqlite3") as db:
        cursors = db.execute('select count(*) from "ThorTrading_feedcursor"').fetchone()[0]
        open_bars = db.execute('select count(*) from "ThorTrading_openbar"').fetchone()[0]
        metrics = db.execute('select count(*) from "ThorTrading_marketmetric"').fetchone()[0]
    assert (cursors, open_bars, metrics) == (3, 3, 3)


def test_manage_py_run_heartbeat_on_the_example(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "run_heartbeat", "--max-ticks", "2", "--fast-tick", "0.1", "--no-lock"],
        cwd=EXAMPLE, env=_example_env(tmp_path), capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Registered 8 jobs" in result.stderr and "tick=1 cadence=fast jobs_due=[intraday" in result.stderr

    legacy = subprocess.run(
        [sys.executable, "manage.py", "run_heartbeat", "--max-ticks", "1"],
        cwd=EXAMPLE, env={**_example_env(tmp_path), "THOR_SCHEDULER_MODE": "legacy"}, capture_output=True, text=True, timeout=60,
    )
    assert legacy.returncode == 2
    assert "legacy scheduler mode is active" in legacy.stderr
