"""Jobs on a watched worker thread: BaseException is the job's failure, timeouts, a bounded stop, hooks.

The timeout tests run on the real clock with short timeouts, because a
timeout is real waiting; they assert what happened (who ran, what was
counted), never how long it took. A hung job is an ``Event`` the test
releases, so every run ends deterministically.
"""

from __future__ import annotations

import logging
import threading

import pytest

from heartbeat.cadence import PredicateCadence, always_open
from heartbeat.clock import FakeClock, SystemClock
from heartbeat.jobs import Job, JobContext, build_jobs, default_timeout
from heartbeat.locks import NoLock
from heartbeat.scheduler import Scheduler, StopReason
from heartbeat.settings import parse_settings
from heartbeat.status import StatusRecorder
from thor_guard.errors import ConfigError

START = 1_700_000_000.0
LIVENESS = 10.0  # only bounds how long a test waits for something that must happen


def make(jobs: list[Job], clock: object, *, tick: float = 1.0) -> tuple[Scheduler, StatusRecorder]:
    lock = NoLock("t:1")
    lock.acquire()
    recorder = StatusRecorder(None, leader_id="t:1", lock_kind="none", jobs=jobs)
    scheduler = Scheduler(
        jobs, PredicateCadence(always_open, "test"), fast_tick=tick, slow_tick=tick, clock=clock,  # type: ignore[arg-type]
        lock=lock, recorder=recorder, hooks=(lambda: None, lambda: None),
    )
    return scheduler, recorder


def counting(runs: list[str], name: str) -> Job:
    def run(ctx: JobContext) -> None:
        runs.append(ctx.job)

    return Job(name, 1.0, "always", fn=run)


@pytest.mark.parametrize(
    ("raised", "expected"),
    [
        (SystemExit(0), "SystemExit: 0"),
        (SystemExit(3), "SystemExit: 3"),
        (KeyboardInterrupt(), "KeyboardInterrupt"),
        (GeneratorExit(), "GeneratorExit"),
        (MemoryError("no more"), "MemoryError: no more"),
    ],
)
def test_a_base_exception_is_the_jobs_failure_and_the_loop_goes_on(
    raised: BaseException, expected: str, caplog: pytest.LogCaptureFixture
) -> None:
    runs: list[str] = []

    def bad(ctx: JobContext) -> None:
        raise raised

    jobs = [counting(runs, "before"), Job("bad", 1.0, "always", fn=bad), counting(runs, "after")]
    scheduler, recorder = make(jobs, FakeClock(start=START))
    with caplog.at_level(logging.INFO, logger="heartbeat"):
        assert scheduler.run(max_ticks=4) is StopReason.MAX_TICKS
    assert runs == ["before", "after"] * 4
    bad_status = recorder.jobs["bad"]
    assert (bad_status.runs, bad_status.failures, bad_status.last_outcome, bad_status.last_error) == (4, 4, "error", expected)
    assert bad_status.last_traceback is not None and bad_status.last_traceback.startswith("Traceback (most recent call last):")
    # named, with its traceback, once; the identical repeats are summarised (2nd and 4th)
    assert caplog.text.count("job bad failed (tick=") == 1
    assert "Traceback (most recent call last)" in caplog.text
    assert "job bad failed again with the same error (2 times in a row" in caplog.text
    assert "job bad failed again with the same error (4 times in a row" in caplog.text
    assert "(3 times in a row" not in caplog.text


def test_a_hung_job_times_out_the_others_keep_their_cadence_and_it_is_not_restarted(caplog: pytest.LogCaptureFixture) -> None:
    release = threading.Event()
    started: list[int] = []
    canary_runs: list[int] = []

    def hung(ctx: JobContext) -> None:
        started.append(ctx.tick)
        release.wait(LIVENESS)  # a call to a service that does not answer, until the test lets it

    def canary(ctx: JobContext) -> None:
        canary_runs.append(ctx.tick)
        if len(canary_runs) == 34:
            release.set()

    jobs = [Job("hung", 0.02, "always", fn=hung, timeout=0.1), Job("canary", 0.02, "always", fn=canary)]
    scheduler, recorder = make(jobs, SystemClock(), tick=0.02)
    with caplog.at_level(logging.INFO, logger="heartbeat"):
        scheduler.run(max_ticks=40)
    # the canary ran on every tick; the hung job was started once while it hung, then again after it returned
    assert canary_runs == list(range(1, 41))
    assert started[0] == 1 and len(started) >= 2 and started[1] > 34
    status = recorder.jobs["hung"]
    assert status.timeouts == 1
    assert status.history[0]["timed_out"] is True and status.history[0]["outcome"] == "ok"
    assert status.missed_slots > 0, "the slots that passed while it hung are counted as missed"
    assert "job hung still running after" in caplog.text and "past its timeout of 0.1 s" in caplog.text
    assert "job hung returned after" in caplog.text
    assert "job hung overran" in caplog.text
    assert recorder.jobs["canary"].timeouts == 0 and recorder.jobs["canary"].runs == 40


def test_the_status_names_the_running_job_and_marks_it_past_its_timeout() -> None:
    release = threading.Event()
    seen: dict[str, object] = {}
    scheduler: Scheduler

    def hung(ctx: JobContext) -> None:
        release.wait(LIVENESS)

    def after(ctx: JobContext) -> None:
        # runs while 'hung' is still running past its timeout
        seen.update(recorder.snapshot()["jobs"]["hung"])
        release.set()

    jobs = [Job("hung", 1.0, "always", fn=hung, timeout=0.05), Job("after", 1.0, "always", fn=after)]
    scheduler, recorder = make(jobs, SystemClock())
    started_doc: dict[str, object] = {}
    original = recorder.job_started

    def spy(name: str, start: float) -> None:
        original(name, start)
        if name == "hung":
            started_doc.update(recorder.snapshot())

    recorder.job_started = spy  # type: ignore[method-assign]
    scheduler.run(max_ticks=1)
    assert started_doc["running_job"] == "hung" and isinstance(started_doc["running_since"], float)
    assert seen["past_timeout"] is True and seen["timeouts"] == 1 and isinstance(seen["running_since"], float)


def test_stop_with_a_grace_period_leaves_a_hung_job_and_says_stopping() -> None:
    release = threading.Event()
    running = threading.Event()

    def hung(ctx: JobContext) -> None:
        running.set()
        release.wait(LIVENESS)

    scheduler, recorder = make([Job("hung", 1.0, "always", fn=hung, timeout=600.0)], SystemClock())
    result: list[StopReason] = []
    loop = threading.Thread(target=lambda: result.append(scheduler.run()))
    loop.start()
    try:
        assert running.wait(LIVENESS)
        scheduler.request_stop(grace=0.05)
        loop.join(LIVENESS)
        assert not loop.is_alive(), "the stop grace must end the loop although the job still runs"
        assert result == [StopReason.STOPPED]
        assert scheduler.abandoned_jobs == ("hung",)
        recorder.stopped(1.0)
        assert recorder.doc["state"] == "stopping" and recorder.doc["abandoned_jobs"] == ["hung"]
    finally:
        release.set()


def test_stop_without_a_grace_period_waits_for_the_running_job() -> None:
    release = threading.Event()
    running = threading.Event()
    runs: list[str] = []

    def slow(ctx: JobContext) -> None:
        running.set()
        release.wait(LIVENESS)

    scheduler, recorder = make([Job("slow", 1.0, "always", fn=slow, timeout=600.0), counting(runs, "next")], SystemClock())
    loop = threading.Thread(target=scheduler.run)
    loop.start()
    assert running.wait(LIVENESS)
    scheduler.request_stop()
    assert recorder.doc["state"] != "stopped"
    release.set()
    loop.join(LIVENESS)
    assert not loop.is_alive()
    assert scheduler.abandoned_jobs == ()
    assert recorder.jobs["slow"].runs == 1 and runs == [], "the running job finished; no job started after the stop"
    recorder.stopped(1.0)
    assert recorder.doc["state"] == "stopped"


def test_hooks_run_on_the_jobs_thread_before_and_after_every_job_even_when_it_fails() -> None:
    calls: list[tuple[str, int]] = []

    def job(ctx: JobContext) -> None:
        calls.append((ctx.job, threading.get_ident()))
        if ctx.job == "bad":
            raise RuntimeError("boom")

    jobs = [Job("ok", 1.0, "always", fn=job), Job("bad", 1.0, "always", fn=job)]
    lock = NoLock("t:1")
    lock.acquire()
    scheduler = Scheduler(
        jobs, PredicateCadence(always_open, "t"), fast_tick=1.0, slow_tick=1.0, clock=FakeClock(start=START), lock=lock,
        hooks=(lambda: calls.append(("before", threading.get_ident())), lambda: calls.append(("after", threading.get_ident()))),
    )
    scheduler.run(max_ticks=2)
    assert [name for name, _ in calls] == ["before", "ok", "after", "before", "bad", "after"] * 2
    assert threading.get_ident() not in {ident for _, ident in calls}, "jobs never run on the loop's thread"


def test_the_django_hooks_close_old_connections_when_django_is_configured(django_db: None) -> None:
    from django.db import close_old_connections

    from heartbeat.worker import django_hooks

    assert django_hooks() == (close_old_connections, close_old_connections)


def test_timeout_is_configured_per_job_with_a_documented_default(tmp_path: object) -> None:
    settings = parse_settings(
        {
            "cadence": "heartbeat.cadence:always_open",
            "jobs": {
                "intraday": {"target": "tests.heartbeat.jobs_for_tests:record", "timeout": 2.5},
                "extra": {"target": "tests.heartbeat.jobs_for_tests:record", "interval": 0.05},
            },
        },
        project_root=tmp_path,  # type: ignore[arg-type]
    )
    jobs = {job.name: job for job in build_jobs(settings.jobs)}
    assert jobs["intraday"].effective_timeout == 2.5
    assert jobs["extra"].effective_timeout == default_timeout(0.05) == 1.0
    assert jobs["closed_bars_flush"].effective_timeout == default_timeout(60.0) == 300.0
    for bad in (0, -1, "soon", True):
        with pytest.raises(ConfigError, match="job 'intraday' timeout must be a positive number of seconds"):
            parse_settings({"jobs": {"intraday": {"target": "a:b", "timeout": bad}}}, project_root=tmp_path)  # type: ignore[arg-type]
