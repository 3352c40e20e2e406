"""Permanent Redis errors at start-up and outages later (issue 13 item 5), against real redis-servers.

Before: a wrong password, TLS failure, ``rediss://`` to a plain port, an
unresolvable host or a closed port gave one WARNING, then "Standby: another
process leads", then silence forever. Now each is exit 2 with one line at
start-up, and an outage after start is "Redis unavailable" (with back-off),
never "another process leads", and the status carries
``lock_unavailable_since``.
"""

from __future__ import annotations

import logging
import os
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from heartbeat.cadence import PredicateCadence, always_open
from heartbeat.clock import FakeClock
from heartbeat.jobs import Job
from heartbeat.locks import RedisLeaderLock, redis_client
from heartbeat.runner import HeartbeatRunner
from heartbeat.settings import parse_settings
from heartbeat.status import RedisStatusStore, format_text
from tests.heartbeat.helpers import REPO, child_environment, console_script, wait_for, write_config
from tests.redis_server import RedisServer, free_port, start_redis_server
from thor_guard.cli import cli

PASSWORD = "Corr3ct-Horse"


@pytest.fixture(autouse=True)
def _no_django_from_other_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Django tests leave DJANGO_SETTINGS_MODULE set; these runs use their own configuration only."""
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    monkeypatch.delenv("THOR_SCHEDULER_MODE", raising=False)
    monkeypatch.delenv("THOR_HEARTBEAT_REDIS_URL", raising=False)


@pytest.fixture(scope="module")
def secured() -> Iterator[RedisServer]:
    """One server for the module: TCP port with requirepass, and a TLS port signed by a throw-away CA."""
    server = start_redis_server(port=free_port(), password=PASSWORD, tls=True)
    try:
        yield server
    finally:
        server.close()


def _cases(server: RedisServer) -> dict[str, tuple[str, str]]:
    assert server.tls is not None
    tls = f"rediss://:{PASSWORD}@127.0.0.1:{server.tls_port}/0"
    return {
        "wrong password": (server.tcp_url("not-the-password"), "authentication failed"),
        "missing password": (f"redis://127.0.0.1:{server.port}/0", "authentication required: the server has a password and the URL gives none"),
        "wrong password in the query": (f"redis://127.0.0.1:{server.port}/0?password=nope-nope", "authentication failed"),
        "TLS verification": (tls, "TLS certificate verification failed"),
        "rediss to a plain port": (f"rediss://:{PASSWORD}@127.0.0.1:{server.port}/0", "a TLS port?"),
        "unresolvable host": ("redis://no-such-host.invalid:6379/0", "cannot resolve host 'no-such-host.invalid'"),
        "closed port": (f"redis://127.0.0.1:{free_port()}/0", "connection refused at 127.0.0.1:"),
        "missing unix socket": (f"unix://{server.directory}/no.sock", "no Redis socket at"),
    }


CASES = [
    "wrong password", "missing password", "wrong password in the query", "TLS verification",
    "rediss to a plain port", "unresolvable host", "closed port", "missing unix socket",
]


@pytest.mark.parametrize("case", CASES)
def test_permanent_errors_at_start_exit_2_with_one_clear_line(secured: RedisServer, tmp_path: Path, case: str) -> None:
    url, expected = _cases(secured)[case]
    config = write_config(tmp_path, lock="redis", extra={"redis-url": url, "lock-key": "errors", "lock-ttl": 2.0})
    environment = child_environment("THOR_HEARTBEAT_REDIS_URL")
    environment["PYTHONPATH"] = str(REPO)
    result = subprocess.run(
        [*console_script(), "run-heartbeat", "--config", str(config), "--max-ticks", "3"],
        capture_output=True, text=True, timeout=60, env=environment,
    )
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("thor-guard: error: Redis at ") and expected in lines[0], lines[0]
    assert "Standby" not in result.stderr and "another process leads" not in result.stderr
    assert PASSWORD not in result.stderr


def test_tls_with_the_right_ca_and_password_leads(secured: RedisServer, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The positive case, so the TLS failures above are about verification, not about TLS not working at all."""
    assert secured.tls is not None
    url = f"rediss://:{PASSWORD}@127.0.0.1:{secured.tls_port}/0?ssl_ca_certs={secured.tls.ca}"
    config = write_config(tmp_path, lock="redis", extra={"redis-url": url, "lock-key": "tls-ok", "lock-ttl": 2.0})
    with caplog.at_level(logging.INFO, logger="heartbeat"):
        result = CliRunner().invoke(cli, ["run-heartbeat", "--config", str(config), "--max-ticks", "2"])
    assert result.exit_code == 0, result.output
    assert "Leader: " in caplog.text and "Stopped after 2 ticks" in caplog.text
    assert PASSWORD not in caplog.text


def test_heartbeat_status_names_the_redis_problem_and_exits_2(secured: RedisServer, tmp_path: Path) -> None:
    config = write_config(tmp_path, lock="redis", extra={"redis-url": secured.tcp_url("wrong-one"), "lock-key": "errors"})
    result = CliRunner().invoke(cli, ["heartbeat-status", "--config", str(config)])
    assert result.exit_code == 2
    assert "Redis unavailable: authentication failed" in result.output and "wrong-one" not in result.output


def _runner(server: RedisServer, tmp_path: Path, runs: list[float], *, ttl: float = 1.0) -> HeartbeatRunner:
    settings = parse_settings(
        {"fast-tick": 0.02, "slow-tick": 0.02, "lock": "redis", "lock-ttl": ttl, "lock-key": "outage", "redis-url": server.url},
        project_root=tmp_path,
    )
    lock = RedisLeaderLock(redis_client(server.url, ttl=ttl), settings.redis_key, ttl=ttl, holder_id="outage:1", url_for_logs=server.url)
    jobs = [Job("a", 0.02, "always", fn=lambda ctx: runs.append(time.monotonic()))]  # type: ignore[arg-type]
    store = RedisStatusStore(lock.client, settings.redis_key + ":status")
    return HeartbeatRunner(settings, jobs, cadence=PredicateCadence(always_open, "t"), lock=lock, store=store)


def test_an_outage_after_start_is_redis_unavailable_with_back_off_never_another_leader(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    server = start_redis_server()
    runs: list[float] = []
    runner = _runner(server, tmp_path, runs)
    thread = threading.Thread(target=runner.run, kwargs={"install_signals": False})
    try:
        with caplog.at_level(logging.INFO, logger="heartbeat"):
            thread.start()
            wait_for(lambda: len(runs) >= 3)
            server.stop()
            wait_for(lambda: runner.recorder.doc["lock_unavailable_since"] is not None, what="the status records the outage")
            since = runner.recorder.doc["lock_unavailable_since"]
            # the outage goes on being reported (back-off: at once, then ~1 s, ~2 s ...), not once
            wait_for(lambda: caplog.text.count("Redis unavailable") >= 3, what="repeated Redis unavailable lines")
            assert "another process leads" not in caplog.text
            assert "Redis unavailable for " in caplog.text and "failed calls" in caplog.text
            text = format_text(runner.recorder.snapshot(), time.time(), "redis")
            assert "lock:    unavailable since " in text
            assert since <= time.time()
            server.start()
            wait_for(lambda: "Redis available again after" in caplog.text)
            wait_for(lambda: runner.recorder.doc["lock_unavailable_since"] is None)
            outage = runner.recorder.doc["lock_last_outage"]
            assert outage["since"] == since and outage["until"] >= since
            assert "lock:    last unavailable " in format_text(runner.recorder.snapshot(), time.time(), "redis")
            # and what an operator sees: the status in Redis, read by heartbeat-status
            config = write_config(tmp_path, lock="redis", extra={"redis-url": server.url, "lock-key": "outage"})

            def shown() -> str | None:
                result = CliRunner().invoke(cli, ["heartbeat-status", "--config", str(config)])
                return result.output if result.exit_code == 0 and "lock:    last unavailable " in result.output else None

            wait_for(shown, what="heartbeat-status shows the last outage")
            count = len(runs)
            wait_for(lambda: len(runs) > count + 2, what="jobs run again after the outage")
            assert "another process leads" not in caplog.text
    finally:
        runner.request_stop()
        thread.join(timeout=15)
        server.close()
    assert not thread.is_alive()


def test_back_off_of_the_unavailable_log_lines_on_a_fake_clock(redis_server: RedisServer, caplog: pytest.LogCaptureFixture) -> None:
    """Reports come at once, then 1, 2, 4 … s apart and at most REPORT_MAX apart, with the count of failed calls."""
    clock = FakeClock(start=time.time())
    lock = RedisLeaderLock(redis_client(redis_server.url, ttl=1.0), "{backoff}", ttl=1.0, clock=clock, url_for_logs=redis_server.url)
    seen: list[float | None] = []
    lock.on_availability = seen.append
    redis_server.stop()
    reported_at: list[float] = []
    with caplog.at_level(logging.WARNING, logger="heartbeat.lock"):
        for _ in range(400):  # 400 failed attempts, 0.5 s apart: 200 s of outage
            before = caplog.text.count("Redis unavailable")
            assert not lock.acquire()
            if caplog.text.count("Redis unavailable") > before:
                reported_at.append(clock.monotonic())
            clock.advance(0.5)
    gaps = [b - a for a, b in zip(reported_at, reported_at[1:])]
    assert gaps[:4] == [1.0, 1.0, 2.0, 4.0]
    assert max(gaps) <= RedisLeaderLock.REPORT_MAX and gaps[-1] == RedisLeaderLock.REPORT_MAX
    assert len(reported_at) < 20
    assert seen == [lock.unavailable_since] and lock.unavailable_since is not None
    assert "(400 failed calls)" not in caplog.text and "failed calls" in caplog.text
    redis_server.start()
    try:
        with caplog.at_level(logging.INFO, logger="heartbeat.lock"):
            assert lock.acquire()
        assert seen[-1] is None and lock.unavailable_since is None
        assert "Redis available again after 200.0 s (400 failed calls)" in caplog.text
    finally:
        lock.release()
