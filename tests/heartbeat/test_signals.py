"""Signals and shutdown with real processes, a real redis-server and real signals (issue 13 items 10 and 12).

Before: SIGHUP, SIGQUIT and SIGUSR1 killed the process without releasing the
lock (failover then took the whole TTL); a second SIGTERM exited without
releasing it; and SIGTERM took 7 s while Redis was frozen. Here every way
out the process controls ends with the Redis key gone (so a standby can lead
at once), the status records ``stopped`` or ``stopping``, and a stop while
Redis is frozen (SIGSTOP) does not wait for Redis.
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

import pytest

from heartbeat.settings import hash_tagged
from tests.heartbeat.helpers import spawn, stop, wait_for, write_config
from tests.heartbeat.lock_jobs import DURATION_ENV, JOURNAL_ENV, events
from tests.redis_server import RedisServer

KEY = "signals"
REDIS_KEY = hash_tagged(KEY)


@pytest.fixture(autouse=True)
def _no_django_from_other_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Django tests leave DJANGO_SETTINGS_MODULE set; these runs use their own configuration only."""
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    monkeypatch.delenv("THOR_SCHEDULER_MODE", raising=False)
    monkeypatch.delenv("THOR_HEARTBEAT_REDIS_URL", raising=False)


def _config(
    tmp_path: Path,
    server: RedisServer,
    *,
    ttl: float = 2.0,
    grace: float | None = None,
    jobs: tuple[str, ...] = ("a", "b"),
    timeout: float | None = None,
) -> Path:
    extra: dict[str, object] = {"redis-url": server.url, "lock-key": KEY, "lock-ttl": ttl}
    if grace is not None:
        extra["stop-grace"] = grace
    return write_config(
        tmp_path, lock="redis", tick=0.05, interval=0.05, target="tests.heartbeat.lock_jobs:slow", extra=extra, jobs=jobs, timeout=timeout
    )


def _start(tmp_path: Path, config: Path, seconds: float, name: str = "p") -> tuple[subprocess.Popen[bytes], Path, Path]:
    journal, log = tmp_path / "journal.jsonl", tmp_path / f"{name}.log"
    process = spawn(config, env={JOURNAL_ENV: str(journal), DURATION_ENV: str(seconds)}, log=log)
    return process, journal, log


def _status(server: RedisServer) -> dict[str, object]:
    raw = server.client().get(REDIS_KEY + ":status")
    assert raw is not None
    return json.loads(raw)


def _kill(*processes: subprocess.Popen[bytes] | None) -> None:
    for process in processes:
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGUSR2])
def test_stop_signals_finish_the_job_release_the_lock_and_exit_0(redis_server: RedisServer, tmp_path: Path, sig: signal.Signals) -> None:
    process, journal, log = _start(tmp_path, _config(tmp_path, redis_server), 0.3)
    try:
        wait_for(lambda: len(events(journal, "end")) >= 2 and len(events(journal, "start")) > len(events(journal, "end")))
        in_flight = events(journal, "start")[-1]
        process.send_signal(sig)
        code = process.wait(timeout=15)
    finally:
        _kill(process)
    output = log.read_text()
    assert code == 0, output
    assert f"Received {sig.name}; stopping" in output and "lock released" in output
    assert any(e["job"] == in_flight["job"] and e["slot"] == in_flight["slot"] for e in events(journal, "end")), "the running job finished"
    assert redis_server.client().get(REDIS_KEY) is None, "the lock was not released"
    assert _status(redis_server)["state"] == "stopped"


def _leader_in_long_job(tmp_path: Path, server: RedisServer, **config: object) -> tuple[subprocess.Popen[bytes], Path, Path]:
    """A leader whose job ``a`` runs 60 s; its timeout (120 s unless given) does not end the wait, only the stop does."""
    config.setdefault("timeout", 120.0)
    process, journal, log = _start(tmp_path, _config(tmp_path, server, **config), 60.0)  # type: ignore[arg-type]
    wait_for(lambda: events(journal, "start"), what="a job in flight")
    return process, journal, log


def test_sigquit_stops_without_waiting_for_the_job_and_still_releases(redis_server: RedisServer, tmp_path: Path) -> None:
    process, journal, log = _leader_in_long_job(tmp_path, redis_server)
    try:
        process.send_signal(signal.SIGQUIT)
        code = process.wait(timeout=15)
    finally:
        _kill(process)
    output = log.read_text()
    assert code == 128 + signal.SIGQUIT, output
    assert "Received SIGQUIT; stopping without waiting for job a" in output
    assert "left unfinished: a (status 'stopping'); lock released" in output
    assert not events(journal, "end")
    assert redis_server.client().get(REDIS_KEY) is None
    assert _status(redis_server)["state"] == "stopping" and _status(redis_server)["abandoned_jobs"] == ["a"]


def test_a_second_sigterm_exits_at_once_and_still_releases(redis_server: RedisServer, tmp_path: Path) -> None:
    process, journal, log = _leader_in_long_job(tmp_path, redis_server)
    try:
        process.send_signal(signal.SIGTERM)
        wait_for(lambda: "Received SIGTERM; stopping (a running job may finish within 10 s" in log.read_text())
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=15)
    finally:
        _kill(process)
    assert code == 128 + signal.SIGTERM, log.read_text()
    assert "Received SIGTERM again; stopping without waiting for job a" in log.read_text()
    assert redis_server.client().get(REDIS_KEY) is None
    assert _status(redis_server)["state"] == "stopping"


def test_a_job_that_outlives_the_stop_grace_is_abandoned_the_lock_released_and_a_standby_leads(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    process, journal, log = _leader_in_long_job(tmp_path, redis_server, grace=0.3, ttl=30.0)
    standby = None
    try:
        standby = spawn(_config(tmp_path, redis_server, grace=0.3, ttl=30.0), env={JOURNAL_ENV: str(journal), DURATION_ENV: "0"}, log=tmp_path / "standby.log")
        wait_for(lambda: "Standby: another process leads" in (tmp_path / "standby.log").read_text())
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=15)
        # TTL 30 s: only the release (not an expiry) lets the standby lead within this wait
        wait_for(lambda: any(e["pid"] == standby.pid for e in events(journal, "start")), timeout=15, what="the standby leads")
        assert stop(standby) == 0
    finally:
        _kill(process, standby)
    output = log.read_text()
    assert code == 1, output
    assert "job a still running 0.3 s (stop-grace) after the stop request; leaving it unfinished" in output
    assert "left unfinished: a (status 'stopping'); lock released" in output


def test_a_stop_leaves_both_a_job_past_its_timeout_and_one_past_the_grace_and_names_them(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    """The worker-thread design meets the stop grace: job ``a`` hangs past its timeout (1 s), so the loop
    goes on and starts ``b``, which is still running when the grace ends. The stop waits for neither
    beyond its bound, names both, records ``stopping`` and releases the lock."""
    config = _config(tmp_path, redis_server, grace=0.3, timeout=120.0)
    text = config.read_text()
    config.write_text(text.replace('a = { target = "tests.heartbeat.lock_jobs:slow", interval = 0.05, when = "always", timeout = 120.0 }',
                                   'a = { target = "tests.heartbeat.lock_jobs:slow", interval = 0.05, when = "always", timeout = 1.0 }'))
    assert config.read_text() != text
    process, journal, log = _start(tmp_path, config, 60.0)
    try:
        wait_for(lambda: [e["job"] for e in events(journal, "start")] == ["a", "b"], what="b started while a hangs")
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=15)
    finally:
        _kill(process)
    output = log.read_text()
    assert code == 1, output
    assert "job a still running after 1.0 s, past its timeout of 1 s" in output
    assert "job b still running 0.3 s (stop-grace) after the stop request; leaving it unfinished" in output
    assert "left unfinished: a, b (status 'stopping'); lock released" in output
    assert not events(journal, "end")
    assert redis_server.client().get(REDIS_KEY) is None
    status = _status(redis_server)
    assert status["state"] == "stopping" and status["abandoned_jobs"] == ["a", "b"]


def test_sigusr1_logs_the_thread_stacks_and_the_runner_goes_on(redis_server: RedisServer, tmp_path: Path) -> None:
    process, journal, log = _start(tmp_path, _config(tmp_path, redis_server), 0.0)
    try:
        wait_for(lambda: events(journal, "end"))
        process.send_signal(signal.SIGUSR1)
        wait_for(lambda: "thread stacks follow" in log.read_text())
        count = len(events(journal, "end"))
        wait_for(lambda: len(events(journal, "end")) > count + 4, what="jobs keep running after SIGUSR1")
        assert process.poll() is None
        assert stop(process) == 0
    finally:
        _kill(process)
    output = log.read_text()
    assert "--- thread heartbeat-scheduler ---" in output and "--- thread MainThread ---" in output


def test_sigterm_while_redis_is_frozen_does_not_wait_for_redis(tmp_path: Path) -> None:
    """Item 12: each claim, status write and release used to wait out its own socket timeout (7 s in all).

    Redis is frozen with SIGSTOP and stays frozen until both processes have
    exited: the leader (stuck in a claim or a status write) and the standby
    (stuck in an acquire) must both finish without any answer from Redis.
    ``lock-ttl`` 10 s makes every normal call wait 2 s, so the old path
    needed at least 6 s; the liveness bound below is well under that.
    """
    with RedisServer() as server:
        config = _config(tmp_path, server, ttl=10.0)
        leader, journal, log = _start(tmp_path, config, 0.0, "leader")
        standby = None
        try:
            wait_for(lambda: events(journal, "end"))
            standby = spawn(config, env={JOURNAL_ENV: str(journal), DURATION_ENV: "0"}, log=tmp_path / "standby.log")
            wait_for(lambda: "Standby" in (tmp_path / "standby.log").read_text())
            server.pause()
            time.sleep(0.3)  # let both processes block on the frozen server
            for process in (leader, standby):
                process.send_signal(signal.SIGTERM)
            started = time.monotonic()
            codes = [process.wait(timeout=4.0) for process in (leader, standby)]
            took = time.monotonic() - started
            assert server.process is not None and server.process.poll() is None  # still frozen, never answered
        finally:
            _kill(leader, standby)
            server.resume()
        assert codes == [0, 0], (log.read_text(), (tmp_path / "standby.log").read_text())
        output = log.read_text()
        assert "Received SIGTERM; stopping" in output and "Stopped after" in output  # released or expiring: Redis never answered
        print(f"stop with a frozen Redis took {took:.2f} s")


def test_a_failing_setup_hook_exits_2_and_still_releases_the_lock(redis_server: RedisServer, tmp_path: Path) -> None:
    """Another way out the process controls: the lock is taken, then the setup hook fails."""
    from click.testing import CliRunner

    from thor_guard.cli import cli

    config = _config(tmp_path, redis_server)
    config.write_text(config.read_text().replace("[heartbeat]\n", '[heartbeat]\nsetup = "tests.heartbeat.lock_jobs:events"\n'))
    result = CliRunner().invoke(cli, ["run-heartbeat", "--config", str(config), "--max-ticks", "1"])
    assert result.exit_code == 2
    assert "setup hook 'tests.heartbeat.lock_jobs:events' failed: TypeError" in result.output
    assert redis_server.client().get(REDIS_KEY) is None
    assert redis_server.client().exists(REDIS_KEY + ":fencing"), "the lock was taken before the hook ran"


@pytest.mark.parametrize("quick", [False, True])
def test_request_stop_from_another_thread_is_the_same_stop_and_reports_the_abandoned_job(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quick: bool
) -> None:
    """``HeartbeatRunner.request_stop()`` (what embedding code and tests call) goes through the one stop
    mechanism: ``stop-grace`` bounds the wait (``quick``: no wait), the job is named and the exit code is 1."""
    import threading

    from heartbeat.runner import RunOptions, create_runner
    from heartbeat.settings import parse_settings

    monkeypatch.setenv("HEARTBEAT_TEST_HANG_SECONDS", "30")
    settings = parse_settings(
        {
            "fast-tick": 0.05, "slow-tick": 0.05, "lock-path": str(tmp_path / "hb.lock"), "cadence": "heartbeat.cadence:always_open",
            "stop-grace": 0.2,
            "jobs": {"a": {"target": "tests.heartbeat.jobs_for_tests:hang", "interval": 0.05, "timeout": 120.0}},
        },
        project_root=tmp_path,
    )
    runner = create_runner(settings, RunOptions())
    codes: list[int] = []
    thread = threading.Thread(target=lambda: codes.append(runner.run(install_signals=False)))
    thread.start()
    try:
        wait_for(lambda: runner.scheduler.running, what="job a running")
        runner.request_stop(quick=quick)
        thread.join(15)
        assert not thread.is_alive(), "the stop must end the loop although job a hangs"
    finally:
        runner.request_stop(quick=True)
    assert codes == [1] and runner.abandoned_jobs == ("a",)
    status = json.loads(settings.resolved_status_path.read_text())
    assert status["state"] == "stopping" and status["abandoned_jobs"] == ["a"]


def test_manage_py_run_heartbeat_stops_on_sighup_too(tmp_path: Path) -> None:
    """The Django command runs the same runner: SIGHUP stops it cleanly (no reload)."""
    import os
    import sys

    from tests.heartbeat.helpers import REPO

    example = REPO / "examples" / "legacy_thor"
    env = {k: v for k, v in os.environ.items() if k not in ("THOR_SCHEDULER_MODE", "DJANGO_SETTINGS_MODULE", "THOR_HEARTBEAT_REDIS_URL")}
    env["THOR_EXAMPLE_DB"] = str(tmp_path / "thor.sqlite3")
    log = tmp_path / "manage.log"
    with open(log, "wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "run_heartbeat", "--no-lock", "--fast-tick", "0.1"],
            cwd=example, env=env, stdout=subprocess.DEVNULL, stderr=stderr,
        )
        try:
            wait_for(lambda: "cadence=fast jobs_due=[" in log.read_text(), timeout=60)  # idle ticks log at debug level
            process.send_signal(signal.SIGHUP)
            code = process.wait(timeout=15)
        finally:
            _kill(process)
    output = log.read_text()
    assert code == 0, output
    assert "Received SIGHUP; stopping" in output and "Stopped after " in output


def test_a_loop_stuck_outside_any_job_is_left_by_the_backstop_which_records_stopping_and_releases(tmp_path: Path) -> None:
    """The scheduler thread honours the stop itself, except where it runs code that is not a job (a cadence
    predicate): then the main thread records ``stopping``, releases the lock and exits 1 shortly after the grace."""
    from heartbeat.locks import FileLeaderLock
    from tests.heartbeat.jobs_for_tests import CADENCE_HANG_ENV

    config = write_config(tmp_path, tick=0.05, jobs=("a",), extra={"stop-grace": 0.2, "status-path": str(tmp_path / "status.json")})
    config.write_text(config.read_text().replace("heartbeat.cadence:always_open", "tests.heartbeat.jobs_for_tests:cadence_that_can_hang"))
    marker = tmp_path / "hang-now"
    journal, log = tmp_path / "journal.jsonl", tmp_path / "runner.log"
    process = spawn(config, env={"HEARTBEAT_TEST_JOURNAL": str(journal), CADENCE_HANG_ENV: str(marker)}, log=log)
    try:
        wait_for(lambda: journal.exists() and journal.read_text(), what="a job ran")
        marker.write_text("")
        wait_for(lambda: Path(str(marker) + ".hanging").exists(), what="the cadence predicate hangs")
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=20)
    finally:
        _kill(process)
    output = log.read_text()
    assert code == 1, output
    assert "the loop did not end" in output and "(outside any job); recording 'stopping', releasing the lock" in output
    assert json.loads((tmp_path / "status.json").read_text())["state"] == "stopping"
    successor = FileLeaderLock(tmp_path / "heartbeat.lock", holder_id="next:1")
    assert successor.acquire(), "the lock was released although the loop never ended"
    successor.release()
