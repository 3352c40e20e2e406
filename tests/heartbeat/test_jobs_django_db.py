"""Django database connections survive a real PostgreSQL restart under the heartbeat (issue 13, item 13).

A real cluster (Debian's PostgreSQL, started by the test in a temp dir) and a
real ``thor-guard run-heartbeat --settings`` process whose job queries the
database through the ORM on every tick. The server is restarted with
``pg_ctl restart -m fast``, which terminates every connection. Before the
fix, every later run failed with "the connection is closed", for ever; now
``close_old_connections`` around each job drops the broken connection and the
next run reconnects (a new backend pid).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.heartbeat.helpers import JOB_NAMES, REPO, spawn, stop, wait_for
from tests.heartbeat.jobs_for_tests import read_journal
from tests.heartbeat.postgres import PostgresServer

pytestmark = pytest.mark.slow


@pytest.fixture
def postgres() -> Iterator[PostgresServer]:
    server = PostgresServer()
    try:
        server.start()
        yield server
    finally:
        server.stop()


def test_orm_jobs_reconnect_after_the_database_restarts(tmp_path: Path, postgres: PostgresServer) -> None:
    journal = tmp_path / "journal.jsonl"
    lines = [
        f'source-roots = ["{REPO}"]',
        "[heartbeat]",
        "fast-tick = 0.1",
        "slow-tick = 0.1",
        f'lock-path = "{tmp_path / "heartbeat.lock"}"',
        'cadence = "heartbeat.cadence:always_open"',
        'django-settings = "tests.heartbeat.postgres_settings"',
        'setup = "tests.heartbeat.jobs_for_tests:migrate"',
        "[heartbeat.jobs]",
    ]
    for name in JOB_NAMES:
        target = "db_probe" if name == "intraday" else "record"
        lines.append(f'{name} = {{ target = "tests.heartbeat.jobs_for_tests:{target}", interval = 0.1, when = "always" }}')
    config = tmp_path / "heartbeat.toml"
    config.write_text("\n".join(lines) + "\n")
    log = tmp_path / "runner.log"
    process = spawn(
        config, env={"HEARTBEAT_TEST_JOURNAL": str(journal), "HEARTBEAT_TEST_PG_PORT": str(postgres.port)}, log=log
    )

    def probes() -> list[dict[str, object]]:
        return [r for r in read_journal(journal) if r["job"] == "intraday"]

    try:
        wait_for(lambda: sum(1 for r in probes() if r["ok"]) >= 3, timeout=60, what=f"three ORM queries ({log})")
        before = {r["backend"] for r in probes() if r["ok"]}
        assert len(before) == 1, "one persistent connection (CONN_MAX_AGE = None) before the restart"
        postgres.restart()
        restarted = time.time()
        # every connection was terminated; the next runs reconnect instead of failing for ever
        after = wait_for(
            lambda: [r for r in probes() if r["ok"] and r["start"] > restarted][:3] if sum(
                1 for r in probes() if r["ok"] and r["start"] > restarted) >= 3 else None,
            timeout=60,
            what=f"three successful ORM queries after the restart ({log})",
        )
        assert {r["backend"] for r in after}.isdisjoint(before), "a new connection after the restart"
        assert process.poll() is None
    finally:
        assert stop(process) == 0, log.read_text()[-3000:]
