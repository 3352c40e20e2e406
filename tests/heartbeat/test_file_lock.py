"""FileLeaderLock: one holder per file, growing fencing tokens, and takeover after the leader is SIGKILLed."""

from __future__ import annotations

import json
import signal
from pathlib import Path

from heartbeat.locks import Claim, FileLeaderLock
from tests.heartbeat.helpers import spawn, stop, wait_for, write_config
from tests.heartbeat.jobs_for_tests import read_journal
from tests.heartbeat.lock_jobs import DURATION_ENV, JOURNAL_ENV, events


def test_one_holder_at_a_time_and_tokens_grow(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "hb.lock"
    first, second = FileLeaderLock(path, holder_id="a:1"), FileLeaderLock(path, holder_id="b:2")
    assert first.acquire()
    assert not second.acquire()
    assert first.claim("intraday", 1.0, 5) is Claim.CLAIMED
    assert second.claim("intraday", 1.0, 5) is Claim.NOT_LEADER
    first.release()
    assert not first.lease_valid()
    assert second.acquire()
    assert (first.fencing_token, second.fencing_token) == (1, 2)
    assert '"holder": "b:2"' in path.read_text()
    second.release()
    second.release()  # idempotent
    third = FileLeaderLock(path)
    assert third.acquire() and third.fencing_token == 3
    third.release()


def test_a_corrupt_lock_file_restarts_the_token_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "hb.lock"
    path.write_text("not json")
    lock = FileLeaderLock(path)
    assert lock.acquire() and lock.fencing_token == 1
    lock.release()


def test_second_process_takes_over_after_sigkill(tmp_path: Path) -> None:
    config = write_config(tmp_path, lock="file", tick=0.05)
    journal = tmp_path / "journal.jsonl"
    env = {"HEARTBEAT_TEST_JOURNAL": str(journal)}
    first = spawn(config, env=env, log=tmp_path / "first.log")
    second = None
    try:
        wait_for(lambda: read_journal(journal))
        second = spawn(config, env=env, log=tmp_path / "second.log")
        wait_for(lambda: "Standby" in (tmp_path / "second.log").read_text())
        before_kill = len(read_journal(journal))
        wait_for(lambda: len(read_journal(journal)) > before_kill + 8)  # the leader keeps running meanwhile
        assert {r["pid"] for r in read_journal(journal)} == {first.pid}
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        wait_for(lambda: any(r["pid"] == second.pid for r in read_journal(journal)))
        assert stop(second) == 0
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()
    records = read_journal(journal)
    a = [r for r in records if r["pid"] == first.pid]
    b = [r for r in records if r["pid"] == second.pid]
    assert a and b and len(a) + len(b) == len(records)
    assert max(r["end"] for r in a) <= min(r["start"] for r in b), "the two processes ran jobs at the same time"
    assert {r["token"] for r in a} == {1} and {r["token"] for r in b} == {2}
    assert "Leader: " in (tmp_path / "second.log").read_text()


def test_claims_are_recorded_before_the_job_so_a_successor_skips_the_slot(tmp_path: Path) -> None:
    path = tmp_path / "hb.lock"
    first, second = FileLeaderLock(path, holder_id="a:1"), FileLeaderLock(path, holder_id="b:2")
    assert first.acquire()
    assert first.claim("intraday", 1.0, 100) is Claim.CLAIMED
    assert first.claim("intraday", 1.0, 100) is Claim.DONE
    assert first.claim("intraday", 2.0, 100) is Claim.CLAIMED  # another interval, another slot space
    record = json.loads(path.read_text())
    assert record["slots"] == {"intraday@1": 100, "intraday@2": 100} and record["fencing_token"] == 1
    first.release()  # as the kernel does when the holder is SIGKILLed
    assert second.acquire()
    assert second.claim("intraday", 1.0, 100) is Claim.DONE
    assert second.claim("intraday", 1.0, 101) is Claim.CLAIMED
    assert first.claim("intraday", 1.0, 102) is Claim.NOT_LEADER
    second.release()


def test_sigkill_mid_job_the_file_lock_successor_does_not_run_that_slot_again(tmp_path: Path) -> None:
    """Issue 13 item 8: the file-lock successor re-ran the killed leader's slot 0.6 s later; the Redis one did not."""
    config = write_config(tmp_path, lock="file", tick=0.05, interval=2.0, target="tests.heartbeat.lock_jobs:slow", jobs=("a",))
    journal = tmp_path / "journal.jsonl"
    env = {JOURNAL_ENV: str(journal), DURATION_ENV: "0.8"}
    first = spawn(config, env=env, log=tmp_path / "first.log")
    second = None
    try:
        wait_for(lambda: events(journal, "end"))  # one full run, then the next slot's run starts
        second = spawn(config, env=env, log=tmp_path / "second.log")
        wait_for(lambda: "Standby" in (tmp_path / "second.log").read_text())
        wait_for(lambda: len(events(journal, "start")) > len(events(journal, "end")), what="a run in flight")
        in_flight = events(journal, "start")[-1]
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        # the standby leads within a poll, still inside the killed run's 2 s slot, and runs the next slot
        wait_for(lambda: any(e["pid"] == second.pid for e in events(journal, "end")), timeout=30)
        assert stop(second) == 0
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()
    starts = events(journal, "start")
    assert [(e["job"], e["slot"]) for e in starts].count((in_flight["job"], in_flight["slot"])) == 1
    successor = [e for e in starts if e["pid"] == second.pid]
    assert successor and all(e["slot"] > in_flight["slot"] for e in successor)
    assert "already run by a previous leader; skipped" in (tmp_path / "second.log").read_text()
