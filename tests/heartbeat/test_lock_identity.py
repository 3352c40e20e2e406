"""One lock identity per project (issue 13 item 7), shown with real processes.

Before: the file lock lived under ``TMPDIR`` (systemd's PrivateTmp gives each
unit its own) and both the file lock and the Redis key were named after the
checkout's directory (``app`` vs ``app_v2`` during a release): two leaders,
every slot run twice. Here two checkouts of one project, started with
different ``TMPDIR``s, never both lead - with the file lock in its default
location (``/run/lock``) and with the Redis lock - and a WARNING says when the
Redis lock runs on the default identity.
"""

from __future__ import annotations

import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from heartbeat.runner import load_settings
from tests.heartbeat.helpers import REPO, spawn, stop, wait_for
from tests.heartbeat.lock_jobs import DURATION_ENV, JOURNAL_ENV, events
from tests.redis_server import RedisServer
from thor_guard.config import load_config


@pytest.fixture(autouse=True)
def _no_django_from_other_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Django tests leave DJANGO_SETTINGS_MODULE set; these runs use their own configuration only."""
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    monkeypatch.delenv("THOR_SCHEDULER_MODE", raising=False)
    monkeypatch.delenv("THOR_HEARTBEAT_REDIS_URL", raising=False)


def _checkout(root: Path, directory: str, heartbeat: str) -> Path:
    """One checkout of the project "shop": the same pyproject in a differently named directory."""
    checkout = root / directory
    checkout.mkdir()
    (checkout / "pyproject.toml").write_text(
        f"""[project]
name = "shop"

[tool.thor-guard]
source-roots = ["{REPO}"]

[tool.thor-guard.heartbeat]
fast-tick = 0.05
slow-tick = 0.05
cadence = "heartbeat.cadence:always_open"
{heartbeat}

[tool.thor-guard.heartbeat.jobs]
a = {{ target = "tests.heartbeat.lock_jobs:slow", interval = 0.05 }}
b = {{ target = "tests.heartbeat.lock_jobs:slow", interval = 0.1 }}
"""
    )
    return checkout / "pyproject.toml"


@pytest.fixture
def lock_key() -> Iterator[str]:
    """A key of its own, so this test never meets another run's lock in /run/lock; the files are removed afterwards."""
    key = f"identity-test-{uuid.uuid4().hex[:12]}"
    yield key
    for path in Path("/run/lock").glob(f"thor-guard-heartbeat-{key}*"):
        path.unlink(missing_ok=True)


def _never_both_lead(journal: Path, pids: set[int], killed_at: float) -> None:
    """A run without an end was cut by the SIGKILL: it ended when the process was gone (``killed_at``)."""
    runs: dict[tuple[int, str, int], dict[str, float]] = {}
    for event in events(journal):
        runs.setdefault((event["pid"], event["job"], event["slot"]), {})[event["event"]] = event["time"]
    assert {pid for pid, _, _ in runs} == pids, "both checkouts should have led, one after the other"
    intervals = sorted((times["start"], times.get("end", killed_at), pid) for (pid, _, _), times in runs.items())
    for (_, end_a, pid_a), (start_b, _, pid_b) in zip(intervals, intervals[1:]):
        if pid_a != pid_b:
            assert end_a <= start_b, "the two checkouts ran jobs at the same time"
    slots = [(job, slot) for _, job, slot in runs]
    assert len(slots) == len(set(slots)), "a slot ran twice"


def _run_two_checkouts(tmp_path: Path, first: Path, second: Path) -> tuple[str, str]:
    journal = tmp_path / "journal.jsonl"
    logs = (tmp_path / "app.log", tmp_path / "app_v2.log")
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for config, log, tmpdir in ((first, logs[0], "tmp-a"), (second, logs[1], "tmp-b")):
            (tmp_path / tmpdir).mkdir()
            env = {JOURNAL_ENV: str(journal), DURATION_ENV: "0.01", "TMPDIR": str(tmp_path / tmpdir)}
            processes.append(spawn(config, env=env, log=log))
            wait_for(lambda log=log: "Leader: " in log.read_text() or "Standby: " in log.read_text())
        leader_index = 0 if "Leader: " in logs[0].read_text() else 1
        assert "Standby: another process leads" in logs[1 - leader_index].read_text()
        wait_for(lambda: len(events(journal, "end")) >= 10)
        # the leader dies without releasing; the other checkout takes over
        processes[leader_index].send_signal(signal.SIGKILL)
        processes[leader_index].wait(timeout=10)
        killed_at = time.time()
        survivor = processes[1 - leader_index]
        wait_for(lambda: any(e["pid"] == survivor.pid for e in events(journal, "end")), timeout=30)
        assert stop(survivor) == 0
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
    _never_both_lead(journal, {p.pid for p in processes}, killed_at)
    return logs[0].read_text(), logs[1].read_text()


def test_two_checkouts_with_the_same_lock_key_never_both_lead_with_the_default_file_lock(tmp_path: Path, lock_key: str) -> None:
    heartbeat = f'lock = "file"\nlock-key = "{lock_key}"'
    first, second = _checkout(tmp_path, "app", heartbeat), _checkout(tmp_path, "app_v2", heartbeat)
    paths = {load_settings(load_config((), config_file=c), with_django=False).resolved_lock_path for c in (first, second)}
    assert paths == {Path(f"/run/lock/thor-guard-heartbeat-{lock_key}.lock")}
    first_log, second_log = _run_two_checkouts(tmp_path, first, second)
    assert f"lock: file lock /run/lock/thor-guard-heartbeat-{lock_key}.lock" in first_log + second_log


def test_two_checkouts_never_both_lead_with_the_redis_lock_and_the_default_identity_is_warned_about(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    heartbeat = f'lock = "redis"\nlock-ttl = 1.0\nredis-url = "{redis_server.url}"'
    first, second = _checkout(tmp_path, "app", heartbeat), _checkout(tmp_path, "app_v2", heartbeat)
    first_log, second_log = _run_two_checkouts(tmp_path, first, second)
    for log in (first_log, second_log):
        assert "WARNING heartbeat: lock-key is not set: the Redis lock uses the default identity 'thor-guard:heartbeat:shop'" in log
        assert "lock: redis lock {thor-guard:heartbeat:shop} at " in log
    keys = {k.decode() for k in redis_server.client().keys("*")}
    assert keys <= {"{thor-guard:heartbeat:shop}", "{thor-guard:heartbeat:shop}:fencing", "{thor-guard:heartbeat:shop}:slots", "{thor-guard:heartbeat:shop}:status"}


def test_an_explicit_lock_key_silences_the_warning_and_all_keys_share_one_cluster_slot(tmp_path: Path, redis_server: RedisServer) -> None:
    from redis.crc import key_slot

    config = _checkout(tmp_path, "app", f'lock = "redis"\nlock-ttl = 1.0\nlock-key = "shop-prod"\nredis-url = "{redis_server.url}"')
    log = tmp_path / "run.log"
    process = spawn(config, "--max-ticks", "3", env={JOURNAL_ENV: str(tmp_path / "j.jsonl")}, log=log)
    assert process.wait(timeout=30) == 0, log.read_text()
    assert "lock-key is not set" not in log.read_text()
    keys = [k for k in redis_server.client().keys("*")]
    assert {k.decode() for k in keys} == {"{shop-prod}:fencing", "{shop-prod}:slots", "{shop-prod}:status"}  # the lock itself was released
    assert len({key_slot(k) for k in keys}) == 1
