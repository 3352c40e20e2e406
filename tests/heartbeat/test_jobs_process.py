"""Job faults in real ``thor-guard run-heartbeat`` processes: exits, interrupts, hangs, huge errors, the probe."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections.abc import Mapping
from pathlib import Path

import pytest

from tests.heartbeat.helpers import JOB_NAMES, REPO, console_script, spawn, stop, wait_for
from tests.heartbeat.jobs_for_tests import read_journal

pytestmark = pytest.mark.slow
RECORD = "tests.heartbeat.jobs_for_tests:record"


def config_with(directory: Path, special: Mapping[str, str], *, tick: float = 0.05, timeouts: Mapping[str, float] | None = None) -> Path:
    """All eight jobs bound (``special`` ones to their own targets, the rest to ``record``), interval = tick."""
    lines = [
        f'source-roots = ["{REPO}"]',
        "[heartbeat]",
        f"fast-tick = {tick}",
        f"slow-tick = {tick}",
        'lock = "file"',
        f'lock-path = "{directory / "heartbeat.lock"}"',
        f'status-path = "{directory / "status.json"}"',
        'cadence = "heartbeat.cadence:always_open"',
        "[heartbeat.jobs]",
    ]
    for name in JOB_NAMES:
        timeout = f", timeout = {(timeouts or {})[name]}" if name in (timeouts or {}) else ""
        lines.append(f'{name} = {{ target = "{special.get(name, RECORD)}", interval = {tick}, when = "always"{timeout} }}')
    path = directory / "heartbeat.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def status_cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("THOR_SCHEDULER_MODE", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)  # another test module may have configured Django in this process
    return subprocess.run(
        [*console_script(), "heartbeat-status", "--config", str(config), *args],
        cwd=str(config.parent), env=env, capture_output=True, text=True, timeout=60,
    )


def test_sys_exit_and_keyboard_interrupt_in_jobs_are_failures_of_those_jobs(tmp_path: Path) -> None:
    journal = tmp_path / "journal.jsonl"
    config = config_with(
        tmp_path, {"week52_extremes": "tests.heartbeat.jobs_for_tests:exit_job", "market_metrics": "tests.heartbeat.jobs_for_tests:interrupt_job"}
    )
    log = tmp_path / "runner.log"
    process = spawn(config, "--max-ticks", "5", env={"HEARTBEAT_TEST_JOURNAL": str(journal)}, log=log)
    code = process.wait(timeout=60)
    text = log.read_text()
    assert code == 0, text
    # the fleet did not stop: every tick ran the six recording jobs
    runs = read_journal(journal)
    assert sorted({r["tick"] for r in runs}) == [1, 2, 3, 4, 5]
    assert len(runs) == 6 * 5
    assert "job week52_extremes failed (tick=1" in text and "SystemExit: 0" in text
    assert "job market_metrics failed (tick=1" in text and "KeyboardInterrupt" in text
    assert "Aborted!" not in text
    assert "Stopped after 5 ticks (40 job runs, 10 failed); lock released" in text
    status = json.loads((tmp_path / "status.json").read_text())
    assert status["jobs"]["week52_extremes"]["failures"] == 5
    assert status["jobs"]["week52_extremes"]["last_error"] == "SystemExit: 0"
    assert status["jobs"]["market_metrics"]["last_error"] == "KeyboardInterrupt"


def test_one_tick_is_singular_in_the_stop_line(tmp_path: Path) -> None:
    config = config_with(tmp_path, {})
    log = tmp_path / "runner.log"
    process = spawn(config, "--max-ticks", "1", env={"HEARTBEAT_TEST_JOURNAL": str(tmp_path / "j.jsonl")}, log=log)
    assert process.wait(timeout=60) == 0
    assert "Stopped after 1 tick (8 job runs, 0 failed)" in log.read_text()


def test_a_hang_in_the_first_tick_is_visible_and_fails_the_probe_and_a_dead_runner_reads_stale(tmp_path: Path) -> None:
    journal = tmp_path / "journal.jsonl"
    config = config_with(tmp_path, {"intraday": "tests.heartbeat.jobs_for_tests:hang"}, tick=0.1, timeouts={"intraday": 0.3})
    log = tmp_path / "runner.log"
    process = spawn(config, env={"HEARTBEAT_TEST_JOURNAL": str(journal), "HEARTBEAT_TEST_HANG_SECONDS": "120"}, log=log)
    try:
        # intraday is the first job of the first tick and never returns; the others keep running
        wait_for(lambda: len({r["tick"] for r in read_journal(journal)}) >= 3, what="three ticks of the other jobs")
        probe = status_cli(config, "--max-age", "60", "--format", "json")
        assert probe.returncode == 1, probe.stdout + probe.stderr
        document = json.loads(probe.stdout)
        assert document["seconds_since_tick"] is not None
        assert document["jobs"]["intraday"]["past_timeout"] is True
        assert document["jobs"]["intraday"]["timeouts"] == 1
        assert [o["job"] for o in document["overdue_jobs"]] == ["intraday"]
        assert "job intraday running for" in probe.stderr and "past its timeout of 0.3 s" in probe.stderr
        assert "running_job" in document and "running_since" in document
        # without --max-age the status is shown and nothing is judged
        plain = status_cli(config)
        assert plain.returncode == 0, plain.stderr
        assert "TIMEOUT" in plain.stdout
        assert "job intraday still running after" in log.read_text()
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    # every runner is dead: the status still says running, but the probe says stale
    wait_for(lambda: json.loads((tmp_path / "status.json").read_text())["tick_time"], what="a tick time")
    import time

    time.sleep(0.6)  # let the last tick age past the probe's limit (not a timing assertion)
    stale = status_cli(config, "--max-age", "0.5")
    assert stale.returncode == 1
    assert stale.stdout.startswith("status:  stale (running): last tick")
    assert "heartbeat stale: last tick" in stale.stderr


def test_a_fresh_status_passes_the_probe(tmp_path: Path) -> None:
    journal = tmp_path / "journal.jsonl"
    config = config_with(tmp_path, {}, tick=0.05)
    process = spawn(config, env={"HEARTBEAT_TEST_JOURNAL": str(journal)})
    try:
        wait_for(lambda: len(read_journal(journal)) >= 16, what="two ticks")
        probe = status_cli(config, "--max-age", "30")
        assert probe.returncode == 0, probe.stdout + probe.stderr
        assert "stale" not in probe.stdout
    finally:
        assert stop(process) == 0


def test_a_5_mb_exception_every_tick_keeps_status_and_log_small(tmp_path: Path) -> None:
    config = config_with(tmp_path, {"intraday": "tests.heartbeat.jobs_for_tests:huge_failure"})
    log = tmp_path / "runner.log"
    process = spawn(config, "--max-ticks", "20", env={"HEARTBEAT_TEST_JOURNAL": str(tmp_path / "j.jsonl")}, log=log)
    assert process.wait(timeout=120) == 0
    status_size = (tmp_path / "status.json").stat().st_size
    assert status_size < 64 * 1024, status_size
    assert log.stat().st_size < 64 * 1024, log.stat().st_size
    shown = status_cli(config)
    assert shown.returncode == 0 and len(shown.stdout) < 8 * 1024
    detail = status_cli(config, "--job", "intraday")
    assert detail.returncode == 0, detail.stderr
    assert "ValueError: first line of a huge message …" in detail.stdout
    assert "bytes cut]" in detail.stdout


def test_sigterm_during_a_hung_job_stops_within_its_timeout_releases_the_lock_and_records_stopping(tmp_path: Path) -> None:
    from heartbeat.locks import FileLeaderLock

    journal = tmp_path / "journal.jsonl"
    config = config_with(tmp_path, {"intraday": "tests.heartbeat.jobs_for_tests:hang"}, tick=0.1, timeouts={"intraday": 0.5})
    log = tmp_path / "runner.log"
    process = spawn(config, env={"HEARTBEAT_TEST_JOURNAL": str(journal), "HEARTBEAT_TEST_HANG_SECONDS": "300"}, log=log)
    try:
        wait_for(lambda: (tmp_path / "status.json").exists()
                 and json.loads((tmp_path / "status.json").read_text())["jobs"]["intraday"]["running_since"],
                 what="intraday shown as running in the status")
        process.send_signal(signal.SIGTERM)  # one signal; the job would hang for 300 s
        # exit 1: the process leaves a job running (the same code as when stop-grace runs out)
        assert process.wait(timeout=30) == 1, log.read_text()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    status = json.loads((tmp_path / "status.json").read_text())
    assert status["state"] == "stopping" and status["abandoned_jobs"] == ["intraday"]
    assert "left unfinished: intraday (status 'stopping'); lock released" in log.read_text()
    successor = FileLeaderLock(tmp_path / "heartbeat.lock", holder_id="next:1")
    assert successor.acquire(), "the lock was released although the job never returned"
    successor.release()
