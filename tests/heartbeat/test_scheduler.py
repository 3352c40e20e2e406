"""The scheduler on a fake clock: grid, no drift, coalescing, no bursts, order, failures, stop and lease checks."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heartbeat.cadence import PredicateCadence, always_open
from heartbeat.clock import FakeClock
from heartbeat.jobs import Job, JobContext
from heartbeat.locks import Claim, NoLock
from heartbeat.scheduler import Scheduler, StopReason, next_grid_point, slot_of
from heartbeat.status import StatusRecorder

START = 1_700_000_000.0  # a whole second, on every grid used below


class Recorder:
    """Job factory: each run appends (job, tick, slot, scheduled, clock time at start) and may take time."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.runs: list[tuple[str, int, int, float, float]] = []

    def job(
        self, name: str, interval: float, *, takes: float | Callable[[JobContext], float] = 0.0, when: str = "always",
        timeout: float = 3600.0,
    ) -> Job:
        # A job's timeout is measured in real time, also under the fake clock (heartbeat/worker.py). The default
        # (5 x interval, at least 1 s) let a loaded CI machine that descheduled the worker thread for a second time
        # out one run of 10,000 and skip the next tick's run: these tests are about the grid, not about timeouts.
        def run(ctx: JobContext) -> None:
            self.runs.append((ctx.job, ctx.tick, ctx.slot, ctx.scheduled, self.clock.time()))
            duration = takes(ctx) if callable(takes) else takes
            if duration:
                self.clock.advance(duration)

        return Job(name, interval, when, fn=run, target=f"test:{name}", timeout=timeout)  # type: ignore[arg-type]

    def of(self, name: str) -> list[tuple[str, int, int, float, float]]:
        return [r for r in self.runs if r[0] == name]


def make(jobs: list[Job], clock: FakeClock, *, fast: float = 1.0, slow: float = 60.0, lock: object = None, recorder: StatusRecorder | None = None) -> Scheduler:
    the_lock = lock or NoLock()
    the_lock.acquire()  # type: ignore[attr-defined]
    scheduler = Scheduler(
        jobs, PredicateCadence(always_open, "test"), fast_tick=fast, slow_tick=slow, clock=clock,
        lock=the_lock, recorder=recorder,  # type: ignore[arg-type]
    )
    scheduler.tick_times = []
    return scheduler


def test_grid_helpers_are_exact_on_multiples() -> None:
    assert next_grid_point(START, 0.05) > START
    assert next_grid_point(START + 0.05 * 3, 0.05) == pytest.approx(START + 0.05 * 4)
    for k in range(1000):
        assert slot_of(START + k * 0.05, 0.05) == slot_of(START, 0.05) + k


def test_no_drift_over_10000_ticks_with_busy_jobs() -> None:
    clock = FakeClock(start=START)
    rec = Recorder(clock)
    # jobs take 30 % of every tick; a sleep(tick) loop would drift by 0.3 s per tick
    scheduler = make([rec.job("a", 0.1, takes=0.02), rec.job("b", 0.2, takes=0.01)], clock, fast=0.1)
    assert scheduler.run(max_ticks=10_000) is StopReason.MAX_TICKS
    ticks = scheduler.tick_times
    assert ticks is not None and len(ticks) == 10_000
    for k, scheduled in enumerate(ticks):
        assert scheduled == pytest.approx(START + k * 0.1, abs=1e-6)
    # every job run started exactly at its tick's scheduled time: zero lateness, zero drift
    assert all(start == pytest.approx(scheduled, abs=1e-6) for _, _, _, scheduled, start in rec.of("a"))
    assert len(rec.of("a")) == 10_000
    assert len(rec.of("b")) == 5_000
    assert scheduler.ticks_missed == 0


def test_first_tick_runs_every_job_then_follows_the_grid() -> None:
    clock = FakeClock(start=START + 0.37)
    rec = Recorder(clock)
    scheduler = make([rec.job("a", 1.0), rec.job("b", 2.0)], clock, fast=0.5)
    scheduler.run(max_ticks=5)
    assert scheduler.tick_times == pytest.approx([START + 0.37, START + 0.5, START + 1.0, START + 1.5, START + 2.0])
    assert [(r[0], r[3]) for r in rec.runs] == [
        ("a", pytest.approx(START + 0.37)),
        ("b", pytest.approx(START + 0.37)),
        ("a", pytest.approx(START + 1.0)),
        ("a", pytest.approx(START + 2.0)),
        ("b", pytest.approx(START + 2.0)),
    ]


def test_long_stall_coalesces_missed_slots_into_one_run(caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock(start=START)
    rec = Recorder(clock)
    stall = {"done": False}

    def takes(ctx: JobContext) -> float:
        if ctx.tick == 3 and not stall["done"]:
            stall["done"] = True
            return 10.5  # the process was stuck (GC pause, SIGSTOP, slow disk) for 10.5 ticks
        return 0.0

    scheduler = make([rec.job("stall", 1.0, takes=takes), rec.job("other", 1.0)], clock, fast=1.0)
    recorder = StatusRecorder(None, leader_id="t", lock_kind="none", jobs=scheduler.jobs)
    scheduler.recorder = recorder
    with caplog.at_level(logging.DEBUG, logger="heartbeat"):
        scheduler.run(max_ticks=6)
    other = rec.of("other")
    # tick 3 at +2 s, stall until +12.5 s, next tick on the grid at +13 s: one run each, no catch-up burst
    assert [r[3] - START for r in other] == pytest.approx([0, 1, 2, 13, 14, 15])
    assert [r[2] - other[0][2] for r in other] == [0, 1, 2, 13, 14, 15]
    assert scheduler.ticks_missed == 10
    assert recorder.jobs["other"].missed_slots == 10
    assert recorder.jobs["stall"].overruns == 1
    assert "stall overran" in caplog.text
    assert "10 missed slots coalesced" in caplog.text


def test_overrunning_job_never_runs_back_to_back() -> None:
    clock = FakeClock(start=START)
    rec = Recorder(clock)
    scheduler = make([rec.job("slow", 1.0, takes=2.5)], clock, fast=1.0)
    scheduler.run(max_ticks=20)
    runs = rec.of("slow")
    starts = [r[4] for r in runs]
    # each run starts on the first grid point after the previous one ended: 0, 3, 6, ...
    assert [s - START for s in starts] == pytest.approx([3.0 * i for i in range(len(runs))])
    assert all(b - a >= 2.5 for a, b in zip(starts, starts[1:]))
    slots = [r[2] for r in runs]
    assert slots == sorted(set(slots))


def test_failing_job_is_logged_counted_and_the_others_still_run(caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock(start=START)
    rec = Recorder(clock)
    names = [f"job{i}" for i in range(8)]
    jobs = [rec.job(name, 1.0) for name in names]

    def boom(ctx: JobContext) -> None:
        raise ValueError("feed unavailable")

    jobs[2] = Job("job2", 1.0, "always", fn=boom)  # type: ignore[arg-type]
    scheduler = make(jobs, clock)
    recorder = StatusRecorder(None, leader_id="t", lock_kind="none", jobs=jobs)
    scheduler.recorder = recorder
    with caplog.at_level(logging.INFO, logger="heartbeat"):
        scheduler.run(max_ticks=3)
    assert [len(rec.of(n)) for n in names if n != "job2"] == [3] * 7
    assert recorder.jobs["job2"].failures == 3
    assert recorder.jobs["job2"].last_error == "ValueError: feed unavailable"
    assert recorder.jobs["job2"].last_outcome == "error"
    assert "Traceback (most recent call last)" in caplog.text
    assert "job job2 failed" in caplog.text


def test_jobs_run_in_registration_order_on_every_tick() -> None:
    clock = FakeClock(start=START)
    rec = Recorder(clock)
    order = ["zeta", "alpha", "mu", "beta"]
    scheduler = make([rec.job(name, 1.0, takes=0.01) for name in order], clock)
    scheduler.run(max_ticks=4)
    for tick in range(1, 5):
        assert [r[0] for r in rec.runs if r[1] == tick] == order


def test_tick_line_and_cadence_are_logged(caplog: pytest.LogCaptureFixture) -> None:
    clock = FakeClock(start=START)
    rec = Recorder(clock)
    scheduler = make([rec.job("a", 1.0), rec.job("b", 2.0)], clock)
    with caplog.at_level(logging.DEBUG, logger="heartbeat"):
        scheduler.run(max_ticks=2)
    assert "tick=1 cadence=fast jobs_due=[a, b]" in caplog.text
    assert "tick=2 cadence=fast jobs_due=[a]" in caplog.text


def test_stop_inside_a_job_runs_nothing_more() -> None:
    clock = FakeClock(start=START)
    rec = Recorder(clock)
    scheduler: Scheduler

    def stopper(ctx: JobContext) -> None:
        rec.runs.append((ctx.job, ctx.tick, ctx.slot, ctx.scheduled, clock.time()))
        scheduler.request_stop()

    jobs = [rec.job("a", 1.0), Job("stopper", 1.0, "always", fn=stopper), rec.job("c", 1.0)]  # type: ignore[arg-type]
    scheduler = make(jobs, clock)
    assert scheduler.run(max_ticks=100) is StopReason.STOPPED
    assert [r[0] for r in rec.runs] == ["a", "stopper"]


def test_stop_during_the_wait_returns_at_once() -> None:
    clock = FakeClock(start=START)
    rec = Recorder(clock)
    scheduler = make([rec.job("a", 60.0)], clock, fast=60.0)
    scheduler.stop.set()
    scheduler.wake.set()
    assert scheduler.run() is StopReason.STOPPED
    assert rec.runs == []


class LeaseLock(NoLock):
    """A lock whose lease ends after ``valid_checks`` lease checks, with scripted claims."""

    def __init__(self, valid_checks: int, claims: dict[str, Claim] | None = None) -> None:
        super().__init__("t:1")
        self.checks_left = valid_checks
        self.claims = claims or {}
        self.claimed: list[tuple[str, int]] = []

    def lease_valid(self) -> bool:
        self.checks_left -= 1
        return self.checks_left >= 0

    def claim(self, job: str, interval: float, slot: int) -> Claim:
        self.claimed.append((job, slot))
        return self.claims.get(job, Claim.CLAIMED)


def test_lease_is_checked_before_every_job() -> None:
    clock = FakeClock(start=START)
    rec = Recorder(clock)
    # run() checks once, then each job checks before its claim and after it: a, b run, then the lease is gone
    lock = LeaseLock(valid_checks=1 + 2 * 2)
    scheduler = make([rec.job("a", 1.0), rec.job("b", 1.0), rec.job("c", 1.0), rec.job("d", 1.0)], clock, lock=lock)
    assert scheduler.run(max_ticks=10) is StopReason.LOST
    assert [r[0] for r in rec.runs] == ["a", "b"]


def test_claims_done_and_unavailable_skip_the_job() -> None:
    clock = FakeClock(start=START)
    rec = Recorder(clock)
    lock = LeaseLock(valid_checks=10**6, claims={"done": Claim.DONE, "down": Claim.UNAVAILABLE})
    scheduler = make([rec.job("done", 1.0), rec.job("down", 1.0), rec.job("ok", 1.0)], clock, lock=lock)
    scheduler.run(max_ticks=3)
    assert [r[0] for r in rec.runs] == ["ok", "ok", "ok"]
    # an unavailable claim does not consume the slot: it is asked for again on the next tick
    assert [slot for job, slot in lock.claimed if job == "down"] == [slot for job, slot in lock.claimed if job == "ok"]


def test_not_leader_claim_ends_the_leadership() -> None:
    clock = FakeClock(start=START)
    rec = Recorder(clock)
    lock = LeaseLock(valid_checks=10**6, claims={"b": Claim.NOT_LEADER})
    scheduler = make([rec.job("a", 1.0), rec.job("b", 1.0), rec.job("c", 1.0)], clock, lock=lock)
    assert scheduler.run(max_ticks=3) is StopReason.LOST
    assert [r[0] for r in rec.runs] == ["a"]


def test_resume_skips_slots_a_previous_leader_ran() -> None:
    clock = FakeClock(start=START)
    rec = Recorder(clock)
    scheduler = make([rec.job("a", 1.0), rec.job("b", 10.0)], clock)
    scheduler.resume({"b": slot_of(START, 10.0), "unknown": 5})
    scheduler.run(max_ticks=3)
    assert [r[0] for r in rec.runs] == ["a", "a", "a"]


def test_wall_clock_step_does_not_move_the_schedule() -> None:
    clock = FakeClock(start=START)
    rec = Recorder(clock)

    def step(ctx: JobContext) -> float:
        if ctx.tick == 2:
            clock.step_wall(-3600.0)  # NTP steps the wall clock back an hour
        return 0.0

    scheduler = make([rec.job("a", 1.0, takes=step)], clock)
    scheduler.run(max_ticks=5)
    assert [r[3] - START for r in rec.runs] == pytest.approx([0, 1, 2, 3, 4])


@settings(max_examples=40, deadline=None)
@given(
    tick=st.sampled_from([0.05, 0.1, 0.25, 1.0]),
    intervals=st.lists(st.sampled_from([0.05, 0.1, 0.3, 1.0, 2.0, 7.0]), min_size=1, max_size=4),
    durations=st.lists(st.floats(min_value=0.0, max_value=3.0), min_size=1, max_size=30),
    offset=st.floats(min_value=0.0, max_value=0.999),
)
def test_invariants_for_any_mix_of_intervals_and_durations(tick: float, intervals: list[float], durations: list[float], offset: float) -> None:
    clock = FakeClock(start=START + offset)
    rec = Recorder(clock)
    calls = iter(durations * 50)
    jobs = [rec.job(f"j{i}", interval, takes=lambda ctx: next(calls, 0.0)) for i, interval in enumerate(intervals)]
    scheduler = make(jobs, clock, fast=tick)
    scheduler.run(max_ticks=60)
    ticks = scheduler.tick_times or []
    # ticks strictly increase and, after the first, sit on the tick grid
    assert all(b > a for a, b in zip(ticks, ticks[1:]))
    for t in ticks[1:]:
        assert abs(t - round(t / tick) * tick) < 1e-6
    for i, interval in enumerate(intervals):
        runs = rec.of(f"j{i}")
        slots = [r[2] for r in runs]
        assert slots == sorted(set(slots)), "a slot ran twice"
        assert len({r[1] for r in runs}) == len(runs), "a job ran twice in one tick"
        for _, _, slot, scheduled, start in runs:
            assert slot == math.floor(scheduled / interval + 1e-4)
            assert start >= scheduled
