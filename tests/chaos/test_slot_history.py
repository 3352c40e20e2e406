"""Slot claims when Redis forgets everything: the fix for the duplicate runs that chaos scenarios 3 and 4 exposed.

Before the fix, a standby that took over after a Redis restart or FLUSHALL
found no slot history and re-ran the current slot of every job that the old
leader had just run. Now the acquirer stamps a missing history with the time
it began, and a slot that started before that counts as done.
"""

from __future__ import annotations

import math
import time

import pytest

from heartbeat.locks import Claim, RedisLeaderLock, redis_client
from tests.redis_server import RedisServer

KEY = "chaos:history"
INTERVAL = 3600.0  # the current slot began long before the test started and lasts past its end


def make_lock(server: RedisServer, holder: str) -> RedisLeaderLock:
    return RedisLeaderLock(redis_client(server.url, ttl=5.0), KEY, ttl=5.0, holder_id=holder, url_for_logs=server.url)


def current_slot() -> int:
    return math.floor(time.time() / INTERVAL)


def test_a_cold_start_runs_the_current_slot_at_once(redis_server: RedisServer) -> None:
    lock = make_lock(redis_server, "a:1")
    try:
        assert lock.acquire()
        assert lock.claim("vwap", INTERVAL, current_slot()) is Claim.CLAIMED
    finally:
        lock.release()


@pytest.mark.parametrize("loss", ["flushall", "restart"])
def test_after_lost_data_a_new_leader_skips_the_slots_that_may_have_run(redis_server: RedisServer, loss: str) -> None:
    old, new = make_lock(redis_server, "a:1"), make_lock(redis_server, "b:2")
    slot = current_slot()
    try:
        assert old.acquire()
        assert old.claim("vwap", INTERVAL, slot) is Claim.CLAIMED
        assert not new.acquire()  # the standby has seen Redis hold the lock
        if loss == "flushall":
            redis_server.client().flushall()
        else:
            redis_server.restart()
        assert new.acquire()
        assert new.claim("vwap", INTERVAL, slot) is Claim.DONE  # ran under the old leader (for all Redis knows)
        assert new.claim("bars", INTERVAL, slot) is Claim.DONE  # may have run: same answer
        assert new.claim("vwap", INTERVAL, slot + 1) is Claim.CLAIMED  # begins after the history restarted
        assert new.claim("fast", 0.001, math.floor(time.time() / 0.001) + 1000) is Claim.CLAIMED
        assert old.claim("vwap", INTERVAL, slot + 1) is Claim.NOT_LEADER
    finally:
        old.release()
        new.release()


def test_a_normal_handover_keeps_the_history_and_skips_nothing(redis_server: RedisServer) -> None:
    old, new = make_lock(redis_server, "a:1"), make_lock(redis_server, "b:2")
    slot = current_slot()
    try:
        assert old.acquire()
        assert old.claim("vwap", INTERVAL, slot) is Claim.CLAIMED
        assert not new.acquire()
        old.release()
        assert new.acquire()
        assert new.claim("vwap", INTERVAL, slot) is Claim.DONE
        assert new.claim("bars", INTERVAL, slot) is Claim.CLAIMED  # the old leader never ran it
    finally:
        old.release()
        new.release()
