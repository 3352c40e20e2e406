"""FileLeaderLock: one holder per file, growing fencing tokens, and takeover after the leader is SIGKILLed."""

from __future__ import annotations

import signal
from pathlib import Path

from heartbeat.locks import Claim, FileLeaderLock
from tests.heartbeat.helpers import spawn, stop, wait_for, write_config
from tests.heartbeat.jobs_for_tests import read_journal


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
