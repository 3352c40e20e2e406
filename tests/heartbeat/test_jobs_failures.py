"""Stored and logged failures stay small whatever a job raises; identical repeats do not flood the log."""

from __future__ import annotations

import json
import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heartbeat.cadence import PredicateCadence, always_open
from heartbeat.clock import FakeClock
from heartbeat.failures import ERROR_BYTES, TRACEBACK_BYTES, RepeatFilter, clip, error_line, traceback_excerpt
from heartbeat.jobs import Job, JobContext
from heartbeat.locks import NoLock
from heartbeat.scheduler import Scheduler
from heartbeat.status import StatusRecorder


@given(text=st.text(max_size=3000), limit=st.integers(min_value=64, max_value=2000))
def test_clip_keeps_short_text_and_caps_long_text_in_bytes(text: str, limit: int) -> None:
    clipped = clip(text, limit)
    raw = clipped.encode("utf-8", "replace")
    assert len(raw) <= limit
    raw.decode("utf-8")  # never a split character
    if len(text.encode("utf-8", "replace")) <= limit:
        assert clipped == text
    else:
        assert "bytes cut]" in clipped


def _raise_deep(depth: int, message: str) -> None:
    if depth:
        _and_back(depth - 1, message)  # alternating frames: Python does not fold them into "repeated N times"
    raise ValueError(message)


def _and_back(depth: int, message: str) -> None:
    _raise_deep(depth, message)


def test_traceback_excerpt_keeps_the_first_and_last_lines_and_a_byte_cap() -> None:
    try:
        _raise_deep(40, "first line\n" + "y" * 100_000)
    except ValueError as exc:
        caught = exc
    excerpt = traceback_excerpt(caught)
    lines = excerpt.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert "lines cut]" in excerpt
    assert any("raise ValueError(message)" in line for line in lines[-5:])
    assert any(line.startswith("ValueError: first line") for line in lines[-3:])
    assert len(excerpt.encode()) <= TRACEBACK_BYTES
    assert error_line(caught) == "ValueError: first line …"


def test_a_5_mb_exception_leaves_a_small_status_and_log(caplog: pytest.LogCaptureFixture) -> None:
    huge = "x" * (5 * 1024 * 1024)

    def fails(ctx: JobContext) -> None:
        raise ValueError(huge)

    jobs = [Job("huge", 1.0, "always", fn=fails)]
    lock = NoLock("t:1")
    lock.acquire()
    recorder = StatusRecorder(None, leader_id="t:1", lock_kind="none", jobs=jobs)
    scheduler = Scheduler(
        jobs, PredicateCadence(always_open, "t"), fast_tick=1.0, slow_tick=1.0, clock=FakeClock(), lock=lock, recorder=recorder,
        hooks=(lambda: None, lambda: None),
    )
    with caplog.at_level(logging.INFO, logger="heartbeat"):
        scheduler.run(max_ticks=20)
    document = json.dumps(recorder.snapshot())
    status = recorder.jobs["huge"]
    assert status.failures == 20
    assert len((status.last_error or "").encode()) <= ERROR_BYTES
    # ten history entries of one capped line each, one capped traceback: kilobytes, not megabytes
    assert len(document) < 20 * 1024
    assert len(caplog.text) < 20 * 1024
    # 20 identical failures: the full one, then the 2nd, 4th, 8th and 16th repetition
    assert caplog.text.count("job huge failed") == 5


def test_repeat_filter_counts_streaks_per_job_and_signature() -> None:
    repeats = RepeatFilter()
    logged = [repeats.failed("a", "E: 1") for _ in range(9)]
    assert [r.log_full for r in logged] == [True] + [False] * 8
    assert [r.count for r in logged if r.log_repeat] == [2, 4, 8]
    assert repeats.failed("a", "E: 2").log_full, "a different error is logged in full"
    assert repeats.failed("b", "E: 1").log_full, "streaks are per job"
    assert repeats.succeeded("a") == 1
    assert repeats.failed("a", "E: 2").log_full, "after a success the streak starts again"
