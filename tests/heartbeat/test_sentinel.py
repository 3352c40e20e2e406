"""Redis Sentinel (``redis+sentinel://``) against a real ``redis-server --sentinel`` started by the test.

The URL names the sentinels and the service; redis-py's Sentinel support
asks them for the master at every (re)connect, so after a failover the
runner follows the new master. Keys are hash-tagged, so the same
configuration also suits Redis Cluster (one slot for the lock's keys).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from heartbeat.redis_url import make_client
from tests.heartbeat.helpers import spawn, stop, wait_for, write_config
from tests.heartbeat.lock_jobs import DURATION_ENV, JOURNAL_ENV, events
from tests.redis_server import RedisServer, SentinelServer, free_port, start_redis_server
from thor_guard.cli import cli

PASSWORD = "Sentinel-Pa55"


@pytest.fixture(autouse=True)
def _no_django_from_other_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Django tests leave DJANGO_SETTINGS_MODULE set; these runs use their own configuration only."""
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    monkeypatch.delenv("THOR_SCHEDULER_MODE", raising=False)
    monkeypatch.delenv("THOR_HEARTBEAT_REDIS_URL", raising=False)


@pytest.fixture
def sentinel() -> Iterator[SentinelServer]:
    master = start_redis_server(port=free_port(), password=PASSWORD)
    watcher = SentinelServer(master)
    try:
        watcher.start()
    except RuntimeError as exc:
        master.close()
        pytest.fail(str(exc), pytrace=False)
    try:
        yield watcher
    finally:
        watcher.close()
        master.close()


def _config(tmp_path: Path, url: str) -> Path:
    return write_config(
        tmp_path, lock="redis", tick=0.05, interval=0.05, target="tests.heartbeat.lock_jobs:slow", jobs=("a",),
        extra={"redis-url": url, "lock-key": "sentinel-test", "lock-ttl": 2.0},
    )


def test_run_and_status_through_sentinel(sentinel: SentinelServer, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = _config(tmp_path, sentinel.url)
    journal = tmp_path / "journal.jsonl"
    log = tmp_path / "run.log"
    process = spawn(config, "--max-ticks", "5", env={JOURNAL_ENV: str(journal), DURATION_ENV: "0"}, log=log)
    assert process.wait(timeout=60) == 0, log.read_text()
    output = log.read_text()
    assert f"lock: redis lock {{sentinel-test}} at redis+sentinel://:***@127.0.0.1:{sentinel.port}/thor-master/0" in output
    assert PASSWORD not in output
    assert len(events(journal, "end")) == 5
    master = sentinel.master.client()
    assert {k.decode() for k in master.keys("*")} == {"{sentinel-test}:fencing", "{sentinel-test}:slots", "{sentinel-test}:status"}
    status = CliRunner().invoke(cli, ["heartbeat-status", "--config", str(config), "--format", "json"])
    assert status.exit_code == 0, status.output
    assert json.loads(status.output)["state"] == "stopped"


def test_an_unknown_sentinel_service_is_exit_2_at_start(sentinel: SentinelServer, tmp_path: Path) -> None:
    url = sentinel.url.replace("/thor-master/", "/no-such-service/")
    result = CliRunner().invoke(cli, ["run-heartbeat", "--config", str(_config(tmp_path, url)), "--max-ticks", "1"])
    assert result.exit_code == 2
    assert f"Redis at {url.replace(PASSWORD, '***')}: no sentinel at sentinel 127.0.0.1:{sentinel.port}" in result.output


def test_the_runner_follows_a_sentinel_failover_to_the_new_master(tmp_path: Path) -> None:
    """A replica is promoted (SENTINEL FAILOVER); the leader's next calls go to the new master and jobs go on."""
    master = start_redis_server(port=free_port(), password=PASSWORD)
    replica = RedisServer(port=free_port(), password=PASSWORD)
    replica_config = replica.config_lines
    replica.config_lines = lambda: [*replica_config(), f"replicaof 127.0.0.1 {master.port}", f"masterauth {PASSWORD}"]  # type: ignore[method-assign]
    watcher = SentinelServer(master)
    process = None
    try:
        replica.start()
        wait_for(lambda: replica.client().info("replication").get("master_link_status") == "up", what="replication")
        watcher.start()
        wait_for(lambda: _sentinel_knows_replica(watcher), what="the sentinel discovers the replica")
        journal = tmp_path / "journal.jsonl"
        process = spawn(_config(tmp_path, watcher.url), env={JOURNAL_ENV: str(journal), DURATION_ENV: "0"}, log=tmp_path / "run.log")
        wait_for(lambda: len(events(journal, "end")) >= 5)
        make_client(f"redis://127.0.0.1:{watcher.port}/0", timeout=2.0).execute_command("SENTINEL", "FAILOVER", watcher.service)
        wait_for(lambda: replica.client().info("replication").get("role") == "master", timeout=30, what="the replica is promoted")
        promoted = time.time()
        wait_for(lambda: any(e["time"] > promoted for e in events(journal, "end")), timeout=30, what="jobs run after the failover")
        wait_for(lambda: replica.client().exists("{sentinel-test}"), what="the lock lives on the new master")
        assert stop(process) == 0
    finally:
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        watcher.close()
        replica.close()
        master.close()
    logging.getLogger(__name__).info("failover log:\n%s", (tmp_path / "run.log").read_text())


def _sentinel_knows_replica(watcher: SentinelServer) -> bool:
    client = make_client(f"redis://127.0.0.1:{watcher.port}/0", timeout=2.0)
    return bool(client.execute_command("SENTINEL", "REPLICAS", watcher.service))
