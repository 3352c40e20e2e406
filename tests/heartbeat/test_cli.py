"""``thor-guard run-heartbeat`` / ``heartbeat-status``: CliRunner for the flags, real subprocesses for signals."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from heartbeat.locks import FileLeaderLock
from tests.heartbeat.helpers import JOB_NAMES, console_script, spawn, wait_for, write_config
from tests.heartbeat.jobs_for_tests import JOURNAL_ENV, read_journal
from thor_guard.cli import cli, main


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "journal.jsonl"
    monkeypatch.setenv(JOURNAL_ENV, str(path))
    monkeypatch.delenv("THOR_SCHEDULER_MODE", raising=False)
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    return path


def test_bounded_run_logs_registration_and_ticks_then_status_reports_it(
    tmp_path: Path, journal: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = write_config(tmp_path, tick=0.02, interval=0.04)
    with caplog.at_level(logging.INFO, logger="heartbeat"):
        result = CliRunner().invoke(cli, ["run-heartbeat", "--config", str(config), "--max-ticks", "4"])
    assert result.exit_code == 0, result.output
    assert "Registered 8 jobs: intraday, week52_extremes" in caplog.text
    assert f"tick=1 cadence=fast jobs_due=[{', '.join(JOB_NAMES)}]" in caplog.text
    assert "Stopped after 4 ticks" in caplog.text
    records = read_journal(journal)
    assert [r["job"] for r in records[:8]] == list(JOB_NAMES)
    assert {r["token"] for r in records} == {1}

    status = CliRunner().invoke(cli, ["heartbeat-status", "--config", str(config), "--format", "json"])
    assert status.exit_code == 0, status.output
    doc = json.loads(status.output)
    assert doc["state"] == "stopped" and doc["tick"] == 4 and doc["lock"] == "file"
    assert doc["leader"] == f"{os.uname().nodename}:{os.getpid()}"
    assert doc["seconds_since_tick"] >= 0
    assert doc["jobs"]["intraday"]["runs"] == sum(1 for r in records if r["job"] == "intraday")
    assert list(doc["jobs"]) == list(JOB_NAMES)

    text = CliRunner().invoke(cli, ["heartbeat-status", "--config", str(config)])
    assert text.exit_code == 0
    assert "status:  stopped" in text.output and "tick:    #4 at " in text.output and " ago)" in text.output
    assert "intraday" in text.output and "closed_bars_flush" in text.output


def test_flags_override_the_config(tmp_path: Path, journal: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = write_config(tmp_path, tick=5.0, interval=0.01)
    with caplog.at_level(logging.INFO, logger="heartbeat"):
        result = CliRunner().invoke(
            cli, ["run-heartbeat", "--config", str(config), "--fast-tick", "0.01", "--slow-tick", "0.01", "--lock", "none", "--max-ticks", "2"]
        )
    assert result.exit_code == 0, result.output
    assert "Ticks: fast 0.01 s, slow 0.01 s; lock: no lock" in caplog.text
    assert "Running without a leader lock" in caplog.text


def test_status_without_a_run_says_so(tmp_path: Path, journal: Path) -> None:
    config = write_config(tmp_path)
    result = CliRunner().invoke(cli, ["heartbeat-status", "--config", str(config)])
    assert result.exit_code == 1
    assert "no heartbeat status recorded yet" in result.output


@pytest.mark.parametrize(("value", "message"), [("legacy", "legacy scheduler mode is active"), ("Legacy", "legacy scheduler mode"), ("on", "is neither")])
def test_refuses_to_start_outside_heartbeat_mode(tmp_path: Path, journal: Path, monkeypatch: pytest.MonkeyPatch, value: str, message: str) -> None:
    monkeypatch.setenv("THOR_SCHEDULER_MODE", value)
    config = write_config(tmp_path)
    result = CliRunner().invoke(cli, ["run-heartbeat", "--config", str(config), "--max-ticks", "1"])
    assert result.exit_code == 2
    assert "thor-guard: error: THOR_SCHEDULER_MODE=" in result.output and message in result.output
    assert not journal.exists()


def test_unbound_jobs_and_bad_targets_exit_2_with_the_reason(tmp_path: Path, journal: Path) -> None:
    config = write_config(tmp_path, target="tests.heartbeat.jobs_for_tests:nope")
    result = CliRunner().invoke(cli, ["run-heartbeat", "--config", str(config), "--max-ticks", "1"])
    assert result.exit_code == 2
    assert "job 'intraday': cannot bind 'tests.heartbeat.jobs_for_tests:nope'" in result.output

    # the eight names exist only with the thor preset (issue 13 item 14)
    config.write_text(config.read_text().split("[heartbeat.jobs]")[0].replace("[heartbeat]\n", '[heartbeat]\npreset = "thor"\n'))
    result = CliRunner().invoke(cli, ["run-heartbeat", "--config", str(config), "--max-ticks", "1"])
    assert result.exit_code == 2
    assert "8 jobs of preset 'thor' not bound to a function: intraday" in result.output
    result = CliRunner().invoke(cli, ["run-heartbeat", "--config", str(config), "--max-ticks", "1", "--allow-unbound"])
    assert result.exit_code == 0, result.output


def test_console_main_maps_errors_to_exit_2(tmp_path: Path, journal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[heartbeat]\nlokc = 'file'\n")
    with pytest.raises(SystemExit) as info:
        main(["run-heartbeat", "--config", str(config)])
    assert info.value.code == 2
    assert "unknown key 'lokc' in the heartbeat table (did you mean 'lock'?)" in capsys.readouterr().err


def test_sigterm_mid_job_finishes_it_releases_the_lock_and_exits_0(tmp_path: Path) -> None:
    config = write_config(tmp_path, tick=0.05, interval=0.05)
    journal = tmp_path / "journal.jsonl"
    log = tmp_path / "run.log"
    running = tmp_path / "journal.jsonl.running"
    process = spawn(config, env={"HEARTBEAT_TEST_JOURNAL": str(journal), "HEARTBEAT_TEST_JOB_SECONDS": "0.4"}, log=log)
    try:
        wait_for(lambda: len(read_journal(journal)) >= 2 and running.exists())  # a job is in flight now
        in_flight = json.loads(running.read_text())
        process.send_signal(signal.SIGTERM)
        signalled = time.time()
        code = process.wait(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    output = log.read_text()
    assert code == 0, output
    assert "Received SIGTERM; stopping" in output and "lock released" in output
    records = read_journal(journal)
    # the job that was running when the signal came finished; no job started after it
    assert sum(1 for r in records if r["start"] > signalled) == 0
    assert any(r["job"] == in_flight["job"] and r["start"] == in_flight["start"] and r["end"] > signalled for r in records)
    lock = FileLeaderLock(tmp_path / "heartbeat.lock")
    assert lock.acquire(), "the lock was not released"
    lock.release()
    status = json.loads(next(tmp_path.glob("heartbeat.status.json")).read_text())
    assert status["state"] == "stopped" and status["stopped_at"] >= signalled


def _children(pid: int) -> list[int]:
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        children.extend(int(c) for c in text)
    return children


def test_sigterm_stops_the_runner_when_it_is_pid_1(tmp_path: Path) -> None:
    """In a container the runner is PID 1, which ignores signals it has no handler for."""
    probe = subprocess.run(["unshare", "--pid", "--fork", "--mount-proc", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot create a PID namespace here (unshare: {probe.stderr.decode().strip()})")
    config = write_config(tmp_path, tick=0.05)
    journal = tmp_path / "journal.jsonl"
    env = {**os.environ, "HEARTBEAT_TEST_JOURNAL": str(journal), "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    env.pop("THOR_SCHEDULER_MODE", None)
    outer = subprocess.Popen(
        ["unshare", "--pid", "--fork", "--mount-proc", *console_script(), "run-heartbeat", "--config", str(config)],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        wait_for(lambda: read_journal(journal))
        assert {r["pid"] for r in read_journal(journal)} == {1}
        (runner_pid,) = _children(outer.pid)
        os.kill(runner_pid, signal.SIGTERM)
        assert outer.wait(timeout=15) == 0
    finally:
        if outer.poll() is None:
            outer.kill()
            outer.wait()
    assert b"lock released" in outer.stderr.read()  # type: ignore[union-attr]


def _hang_once_config(tmp_path: Path, *, timeout: float) -> Path:
    """A 0.05 s-tick configuration whose ``intraday`` job hangs once (for ``HEARTBEAT_TEST_HANG_SECONDS``) with ``timeout`` s."""
    config = write_config(tmp_path, tick=0.05)
    record = 'intraday = { target = "tests.heartbeat.jobs_for_tests:record", interval = 0.05, when = "always" }'
    hang = f'intraday = {{ target = "tests.heartbeat.jobs_for_tests:hang_once", interval = 0.05, when = "always", timeout = {timeout} }}'
    text = config.read_text()
    assert record in text, "write_config's intraday line changed; update this helper"
    config.write_text(text.replace(record, hang))
    return config


def test_a_job_past_its_timeout_is_reported_while_it_hangs_and_when_it_returns(
    tmp_path: Path, journal: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("HEARTBEAT_TEST_HANG_SECONDS", "1.3")
    config = _hang_once_config(tmp_path, timeout=0.3)
    with caplog.at_level(logging.INFO, logger="heartbeat"):
        result = CliRunner().invoke(cli, ["run-heartbeat", "--config", str(config), "--max-ticks", "60"])
    # 0: the hung run returned long before the 60th tick (3 s of grid), so nothing was left running
    assert result.exit_code == 0, result.output
    assert "left unfinished" not in caplog.text
    hang = caplog.text.index("job intraday still running after 0.3 s, past its timeout of 0.3 s")
    assert hang < caplog.text.index("job intraday returned after 1.3") < caplog.text.index("job intraday overran: took 1.3")
    # the other jobs kept running while intraday hung
    assert {r["tick"] for r in read_journal(journal) if r["job"] == "week52_extremes"} == set(range(1, 61))


def test_a_bounded_run_that_ends_while_a_job_hangs_exits_1_names_it_and_records_stopping(
    tmp_path: Path, journal: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The process leaves a run unfinished (it is past its timeout when --max-ticks ends the loop): exit 1, as
    when a stop's grace runs out, with the job in the log and in the status's ``abandoned_jobs``."""
    monkeypatch.setenv("HEARTBEAT_TEST_HANG_SECONDS", "5")
    config = _hang_once_config(tmp_path, timeout=0.1)
    with caplog.at_level(logging.INFO, logger="heartbeat"):
        result = CliRunner().invoke(cli, ["run-heartbeat", "--config", str(config), "--max-ticks", "3"])
    assert result.exit_code == 1, result.output
    assert "left unfinished: intraday (status 'stopping'); lock released" in caplog.text
    status = json.loads((tmp_path / "heartbeat.status.json").read_text())
    assert status["state"] == "stopping" and status["abandoned_jobs"] == ["intraday"]
    shown = CliRunner().invoke(cli, ["heartbeat-status", "--config", str(config)])
    assert "left unfinished at the stop: intraday" in shown.output
