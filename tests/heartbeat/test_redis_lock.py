"""RedisLeaderLock against a real redis-server started by the test: contention, tokens, lost keys, outages."""

from __future__ import annotations

import logging
import signal
import threading
import time
from pathlib import Path

import pytest

from heartbeat.cadence import PredicateCadence, always_open
from heartbeat.clock import FakeClock
from heartbeat.jobs import Job, JobContext
from heartbeat.locks import Claim, RedisLeaderLock, redact_url, redis_client
from heartbeat.runner import HeartbeatRunner
from heartbeat.settings import hash_tagged, parse_settings
from heartbeat.status import RedisStatusStore
from tests.heartbeat.helpers import spawn, stop, wait_for, write_config
from tests.heartbeat.jobs_for_tests import read_journal
from tests.redis_server import RedisServer

KEY = "thor-guard:heartbeat:test"


def make_lock(server: RedisServer, holder: str, *, ttl: float = 1.0, clock: object = None) -> RedisLeaderLock:
    return RedisLeaderLock(redis_client(server.url, ttl=ttl), KEY, ttl=ttl, holder_id=holder, clock=clock, url_for_logs=server.url)  # type: ignore[arg-type]


def test_exactly_one_holder_and_release_is_token_checked(redis_server: RedisServer) -> None:
    first, second = make_lock(redis_server, "a:1"), make_lock(redis_server, "b:2")
    try:
        assert first.acquire()
        assert not second.acquire()
        client = redis_server.client()
        assert client.get(KEY).decode().startswith("a:1:")
        # the key expires (simulated) and the other process takes it; the old holder's release must not delete it
        client.delete(KEY)
        assert second.acquire()
        first.release()
        assert client.get(KEY).decode().startswith("b:2:")
        assert second.fencing_token > first.fencing_token
        second.release()
        assert client.get(KEY) is None
    finally:
        first.release()
        second.release()


def test_fencing_tokens_increase_even_after_redis_forgets_everything(redis_server: RedisServer) -> None:
    tokens = []
    for round_ in range(6):
        lock = make_lock(redis_server, f"h:{round_}")
        assert lock.acquire()
        tokens.append(lock.fencing_token)
        lock.release()
        if round_ == 2:
            redis_server.client().flushall()
        if round_ == 4:
            redis_server.restart()
        if round_ in (2, 4):
            # After the counter is lost the token's floor is the acquirer's wall clock in milliseconds (docs/heartbeat.md):
            # it grows past the last token only once a millisecond has passed, which a real restart always takes but a
            # FLUSHALL on a local socket may not (CI once drew ...727 twice).
            time.sleep(0.002)
    assert all(b > a for a, b in zip(tokens, tokens[1:])), tokens


def test_renewal_keeps_the_lease_well_past_its_ttl(redis_server: RedisServer) -> None:
    lock = make_lock(redis_server, "a:1", ttl=0.5)
    try:
        assert lock.acquire()
        time.sleep(1.5)  # three TTLs: only renewal (every 0.17 s) can keep it
        assert lock.lease_valid()
        assert redis_server.client().get(KEY).decode().startswith("a:1:")
        assert lock.claim("intraday", 1.0, 1) is Claim.CLAIMED
    finally:
        lock.release()


def test_claims_run_a_slot_at_most_once_across_leaders(redis_server: RedisServer) -> None:
    first, second = make_lock(redis_server, "a:1"), make_lock(redis_server, "b:2")
    try:
        assert first.acquire()
        assert first.claim("intraday", 1.0, 100) is Claim.CLAIMED
        assert first.claim("intraday", 1.0, 100) is Claim.DONE
        assert first.claim("intraday", 2.0, 100) is Claim.CLAIMED  # another interval, another slot space
        first.release()
        assert second.acquire()
        assert second.claim("intraday", 1.0, 100) is Claim.DONE
        assert second.claim("intraday", 1.0, 101) is Claim.CLAIMED
        assert first.claim("intraday", 1.0, 102) is Claim.NOT_LEADER
    finally:
        first.release()
        second.release()


def test_lease_deadline_is_local_and_stops_a_paused_leader_without_asking_redis(redis_server: RedisServer) -> None:
    clock = FakeClock(start=time.time())
    lock = make_lock(redis_server, "a:1", ttl=5.0, clock=clock)
    try:
        assert lock.acquire()
        assert lock.lease_valid()
        clock.advance(4.9)
        assert lock.lease_valid()
        clock.advance(0.05)  # the lease had 5 s minus a drift margin of 0.052 s
        assert not lock.lease_valid()
        assert lock.claim("intraday", 1.0, 1) is Claim.NOT_LEADER
    finally:
        lock.release()


def test_unreachable_redis_means_unavailable_claims_and_no_acquisition(redis_server: RedisServer) -> None:
    lock = make_lock(redis_server, "a:1", ttl=2.0)
    other = make_lock(redis_server, "b:2", ttl=2.0)
    try:
        assert lock.acquire()
        redis_server.stop()
        assert lock.claim("intraday", 1.0, 1) is Claim.UNAVAILABLE
        assert not other.acquire()
    finally:
        lock.release()


def _runner(server: RedisServer, tmp_path: Path, runs: list[tuple[str, int, float]], ttl: float) -> HeartbeatRunner:
    settings = parse_settings(
        {"fast-tick": 0.02, "slow-tick": 0.02, "lock": "redis", "lock-ttl": ttl, "lock-key": KEY, "redis-url": server.url},
        project_root=tmp_path,
    )

    def record(ctx: JobContext) -> None:
        runs.append((ctx.job, ctx.slot, time.monotonic()))

    lock = make_lock(server, "in-process:1", ttl=ttl)
    jobs = [Job("a", 0.02, "always", fn=record), Job("b", 0.02, "always", fn=record)]  # type: ignore[arg-type]
    store = RedisStatusStore(lock.client, KEY + ":status")
    return HeartbeatRunner(settings, jobs, cadence=PredicateCadence(always_open, "t"), lock=lock, store=store)


@pytest.mark.parametrize("fault", ["delete-key", "flushall", "stop-redis"])
def test_a_leader_that_loses_its_key_or_its_redis_runs_no_further_job(
    redis_server: RedisServer, tmp_path: Path, fault: str, caplog: pytest.LogCaptureFixture
) -> None:
    runs: list[tuple[str, int, float]] = []
    runner = _runner(redis_server, tmp_path, runs, ttl=0.5)
    thread = threading.Thread(target=runner.run, kwargs={"install_signals": False})
    with caplog.at_level(logging.INFO, logger="heartbeat"):
        thread.start()
        try:
            wait_for(lambda: len(runs) >= 6)
            if fault == "delete-key":
                redis_server.client().delete(KEY)
            elif fault == "flushall":
                redis_server.client().flushall()
            else:
                redis_server.stop()
            faulted = time.monotonic()
            wait_for(lambda: "Back to standby" in caplog.text)
            if fault != "stop-redis":
                # the key is free again: the same process may lead again, with a new fencing token
                wait_for(lambda: caplog.text.count("Leader: ") >= 2)
                # it comes back (after a FLUSHALL from the next slot on: the current one may have run)
                wait_for(lambda: [t for _, _, t in runs if t > faulted])
        finally:
            runner.request_stop()
            thread.join(timeout=10)
    assert not thread.is_alive()
    started_after = [r for r in runs if r[2] > faulted]
    if fault == "stop-redis":
        # at most the job whose claim was already answered before the server went away
        assert len(started_after) <= 1, started_after
    lost = caplog.text.index("Back to standby")
    assert "Leadership lost" in caplog.text[:lost] or "lease could not be kept" in caplog.text


def test_processes_contend_one_leader_at_a_time_and_take_over_on_sigterm(redis_server: RedisServer, tmp_path: Path) -> None:
    config = write_config(
        tmp_path, lock="redis", tick=0.05, extra={"redis-url": redis_server.url, "lock-ttl": 1.0, "lock-key": KEY}
    )
    journal = tmp_path / "journal.jsonl"
    env = {"HEARTBEAT_TEST_JOURNAL": str(journal)}
    processes = [spawn(config, env=env, log=tmp_path / f"p{i}.log") for i in range(3)]
    try:
        wait_for(lambda: sum("Standby" in (tmp_path / f"p{i}.log").read_text() for i in range(3)) == 2 and read_journal(journal))
        leaders_seen: list[int] = []
        for _ in range(2):  # stop the current leader twice; a standby must take over each time
            records = read_journal(journal)
            leader = records[-1]["pid"]
            leaders_seen.append(leader)
            process = next(p for p in processes if p.pid == leader)
            count = len(records)
            assert stop(process) == 0
            wait_for(lambda leader=leader, count=count: any(r["pid"] != leader for r in read_journal(journal)[count:]))
        assert len(set(leaders_seen)) == 2
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
        codes = [p.wait(timeout=10) for p in processes]
    assert codes == [0, 0, 0]
    records = sorted(read_journal(journal), key=lambda r: r["start"])
    assert len({r["pid"] for r in records}) == 3
    # no split brain: runs of different processes never overlap in time
    for a, b in zip(records, records[1:]):
        if a["pid"] != b["pid"]:
            assert a["end"] <= b["start"]
    # fencing tokens never decrease and change exactly when the leader changes
    tokens = [r["token"] for r in records]
    assert tokens == sorted(tokens)
    assert len(set(tokens)) == len({(r["pid"], r["token"]) for r in records}) == 3
    # no slot ran twice
    slots = [(r["job"], r["slot"]) for r in records]
    assert len(slots) == len(set(slots))
    # each process released the lock on SIGTERM: nobody holds it now (the runner hash-tags the key for Redis Cluster)
    assert redis_server.client().exists(hash_tagged(KEY) + ":fencing")
    assert redis_server.client().get(hash_tagged(KEY)) is None


def test_redact_url_hides_passwords() -> None:
    assert redact_url("redis://user:s3cret@host:6380/0") == "redis://user:***@host:6380/0"
    assert redact_url("redis://:s3cret@host/0") == "redis://:***@host/0"
    assert redact_url("unix:///tmp/r.sock?db=0") == "unix:///tmp/r.sock?db=0"
    assert signal.SIGTERM  # the module imports signal for the process tests
