"""The loop: ticks on a fixed grid, runs the due jobs in registration order, never drifts, never bursts.

Time is kept on the injected clock's monotonic reading plus one offset taken
at start, so the schedule is anchored to wall-clock multiples (the same slot
numbers in every process) but immune to wall-clock steps during the run.

* A tick happens at every multiple of the current tick length (fast or slow,
  from the cadence) and additionally at each cadence boundary (market open,
  close, pre-open window). The wait is an interruptible ``Event.wait`` until
  the next grid point, so the period does not stretch by the jobs' run time.
* A job with interval ``I`` owns slots ``floor(t / I)``; it is due on a tick
  when the tick's slot is later than the last slot it ran. Missed slots (a
  stall, an overrun) therefore coalesce into one run; nothing is replayed.
* Before every job the lease is checked and the slot claimed from the lock.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import math
import threading
import traceback
from collections.abc import Mapping, Sequence

from heartbeat.cadence import Cadence, MarketState
from heartbeat.clock import Clock
from heartbeat.jobs import Job, JobContext
from heartbeat.locks import Claim, LeaderLock
from heartbeat.status import StatusRecorder

_SLOT_EPSILON = 1e-4
"""Tolerance (in intervals) so a tick exactly on a slot boundary lands in that slot despite float rounding."""


class StopReason(enum.Enum):
    STOPPED = "stopped"
    MAX_TICKS = "max-ticks"
    LOST = "lost"


def slot_of(t: float, interval: float) -> int:
    return math.floor(t / interval + _SLOT_EPSILON)


def next_grid_point(t: float, step: float) -> float:
    """The first multiple of ``step`` strictly after ``t`` (robust to float rounding)."""
    k = math.floor(t / step) + 1
    while k * step <= t + 1e-9:
        k += 1
    return k * step


class Scheduler:
    """Runs bound jobs for as long as the lock says this process leads; one instance per process."""

    def __init__(
        self,
        jobs: Sequence[Job],
        cadence: Cadence,
        *,
        fast_tick: float,
        slow_tick: float,
        clock: Clock,
        lock: LeaderLock,
        stop: threading.Event | None = None,
        wake: threading.Event | None = None,
        logger: logging.Logger | None = None,
        recorder: StatusRecorder | None = None,
        state: dict[str, object] | None = None,
    ) -> None:
        if any(not job.bound for job in jobs):
            raise ValueError("the scheduler only takes bound jobs")
        self.jobs = tuple(jobs)
        self.cadence = cadence
        self.fast_tick = fast_tick
        self.slow_tick = slow_tick
        self.clock = clock
        self.lock = lock
        self.stop = stop or threading.Event()
        self.wake = wake or threading.Event()
        self.logger = logger or logging.getLogger("heartbeat")
        self.recorder = recorder
        self.state: dict[str, object] = state if state is not None else {}
        self.offset = clock.time() - clock.monotonic()
        self.last_slot: dict[str, int] = {job.name: -1 for job in self.jobs}
        self.ticks = 0
        self.ticks_missed = 0
        self._unconfirmed = False
        self.running: tuple[Job, float] | None = None
        """The job running now and its monotonic start, for the hang watchdog (read from another thread)."""
        self.tick_times: list[float] | None = None
        """When a list, every tick's scheduled time is appended (tests and benchmarks)."""

    def now(self) -> float:
        """Schedule time: monotonic seconds shifted onto the wall-clock epoch at start."""
        return self.clock.monotonic() + self.offset

    def request_stop(self) -> None:
        """Safe from a signal handler: set two events, nothing else."""
        self.stop.set()
        self.wake.set()

    def resume(self, slots: Mapping[str, int]) -> None:
        """Adopt the slots a previous leader recorded so they are not run again."""
        for name, slot in slots.items():
            if name in self.last_slot and slot > self.last_slot[name]:
                self.last_slot[name] = slot

    def run(self, max_ticks: int | None = None) -> StopReason:
        """Tick until stopped, ``max_ticks`` ticks (in total) are done, or the lease is lost."""
        tick_time = self.now()
        while True:
            if self.stop.is_set():
                return StopReason.STOPPED
            if not self.lock.lease_valid():
                return StopReason.LOST
            self.ticks += 1
            market, lost = self._tick(self.ticks, tick_time)
            if lost:
                return StopReason.LOST
            if self.stop.is_set():
                return StopReason.STOPPED
            if max_ticks is not None and self.ticks >= max_ticks:
                return StopReason.MAX_TICKS
            tick_time = self._next_tick_time(tick_time, market)
            reason = self._wait_until(tick_time)
            if reason is not None:
                return reason

    def _next_tick_time(self, tick_time: float, market: MarketState) -> float:
        step = self.fast_tick if market.fast else self.slow_tick
        target = next_grid_point(tick_time, step)
        now = self.now()
        if target <= now:
            skipped_to = next_grid_point(now, step)
            missed = max(0, round((skipped_to - target) / step))
            self.ticks_missed += missed
            took = now - tick_time
            self.logger.log(
                # Work shorter than a tick only crossed a grid point because the tick began
                # off the grid (the first tick starts at once): worth a debug line, not an alarm.
                logging.WARNING if took >= step else logging.DEBUG,
                "tick=%d ran past the next grid point (its jobs took %.3f s, tick %g s); %d tick(s) coalesced",
                self.ticks, took, step, missed,
            )
            target = skipped_to
        change = self.cadence.next_change(dt.datetime.fromtimestamp(tick_time, dt.timezone.utc))
        if change is not None and change.timestamp() < target:
            target = max(change.timestamp(), now)  # tick at the market boundary, at once if it already passed
        return target

    def _wait_until(self, target: float) -> StopReason | None:
        while True:
            remaining = target - self.now()
            if remaining <= 0:
                return None
            woke = self.clock.wait(self.wake, remaining)
            if self.stop.is_set():
                return StopReason.STOPPED
            if woke:
                self.wake.clear()
                if not self.lock.lease_valid():
                    return StopReason.LOST

    def _gate(self, job: Job, market: MarketState) -> bool:
        if job.when == "always":
            return True
        if job.when == "open":
            return market.open
        return market.preopen

    def _tick(self, number: int, tick_time: float) -> tuple[MarketState, bool]:
        market = self.cadence.state(dt.datetime.fromtimestamp(tick_time, dt.timezone.utc))
        cadence_name = "fast" if market.fast else "slow"
        if self.tick_times is not None:
            self.tick_times.append(tick_time)
        due = [
            job for job in self.jobs if self._gate(job, market) and slot_of(tick_time, job.interval) > self.last_slot[job.name]
        ]
        level = logging.INFO if due else logging.DEBUG
        if self.logger.isEnabledFor(level):
            self.logger.log(level, "tick=%d cadence=%s jobs_due=[%s]", number, cadence_name, ", ".join(j.name for j in due))
        lost = False
        for job in due:
            if self.stop.is_set():
                break
            if not self.lock.lease_valid():
                lost = True
                break
            slot = slot_of(tick_time, job.interval)
            claim = self.lock.claim(job.name, job.interval, slot)
            if claim is Claim.NOT_LEADER or (claim is Claim.CLAIMED and not self.lock.lease_valid()):
                lost = True
                break
            if claim is Claim.UNAVAILABLE:
                if not self._unconfirmed:
                    self.logger.warning("jobs are not run while leadership cannot be confirmed (first: %s slot %d)", job.name, slot)
                self._unconfirmed = True
                continue
            if self._unconfirmed:
                self.logger.info("leadership confirmed again; jobs run")
                self._unconfirmed = False
            previous = self.last_slot[job.name]
            self.last_slot[job.name] = slot
            if claim is Claim.DONE:
                self.logger.info("job %s slot %d was already run by a previous leader; skipped", job.name, slot)
                continue
            self._run_job(job, number, tick_time, slot, market, missed=slot - previous - 1 if previous >= 0 else 0)
        if self.recorder is not None:
            self.recorder.tick(number, tick_time, cadence_name, market.open_sessions, self.ticks_missed)
            self.recorder.flush()
        return market, lost

    def _run_job(self, job: Job, number: int, tick_time: float, slot: int, market: MarketState, *, missed: int) -> None:
        assert job.fn is not None
        ctx = JobContext(
            job=job.name,
            logger=self.logger.getChild(job.name),
            state=self.state,
            fencing_token=self.lock.fencing_token,
            leader_id=self.lock.holder_id,
            stop_event=self.stop,
            tick=number,
            slot=slot,
            scheduled=tick_time,
            market=market,
            lease_valid=self.lock.lease_valid,
        )
        if missed > 0:  # counted in the status; the overrun or stall that caused it was already reported
            self.logger.debug("job %s: %d missed slot(s) coalesced into this run", job.name, missed)
        started_wall = self.now()
        started = self.clock.monotonic()
        error: str | None = None
        self.running = (job, started)
        try:
            job.fn(ctx)
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
            self.logger.error(
                "job %s failed (tick=%d slot=%d); the other jobs still run:\n%s",
                job.name, number, slot, traceback.format_exc().rstrip(),
            )
        finally:
            self.running = None
        duration = self.clock.monotonic() - started
        overran = duration > job.interval
        if overran:
            self.logger.warning(
                "job %s overran: took %.3f s with a %g s interval; the slots it covered are coalesced, not replayed",
                job.name, duration, job.interval,
            )
        if self.recorder is not None:
            self.recorder.job_finished(
                job.name, slot=slot, start=started_wall, duration=duration, error=error, overran=overran, missed=missed
            )
            self.recorder.flush()  # per job, so a successor never repeats a finished run after a SIGKILL
