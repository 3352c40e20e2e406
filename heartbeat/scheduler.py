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
* Jobs run one at a time, in registration order, on a worker thread
  (:mod:`heartbeat.worker`) that the loop watches. A run that outlives its
  job's ``timeout`` is reported (log, status, metrics) and left to finish on
  its own; the loop goes on with the other jobs on a fresh worker, and the
  timed-out job is not started again until that run returns. Whatever a job
  raises, ``BaseException`` included, is that run's failure.
* A stop (:meth:`Scheduler.request_stop`) starts no further job and waits for
  the running one until it returns, its timeout passes or the stop's grace
  runs out; runs still going are then left (:attr:`Scheduler.abandoned_jobs`)
  and the loop returns. This is the only stop mechanism: the runner passes
  ``stop-grace`` (0 for a quick stop) and reports what was left.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import math
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from heartbeat.cadence import Cadence, MarketState
from heartbeat.clock import Clock
from heartbeat.jobs import Job, JobContext
from heartbeat.locks import Claim, LeaderLock
from heartbeat.failures import RepeatFilter, error_line, traceback_excerpt
from heartbeat.status import StatusRecorder
from thor_guard.report.plural import count
from heartbeat.worker import Hook, JobWorker, RunHandle, django_hooks

_SLOT_EPSILON = 1e-4
"""Tolerance (in intervals) so a tick exactly on a slot boundary lands in that slot despite float rounding."""
RUNNING_FLUSH_AFTER = 1.0
"""Seconds a job may run (or half its timeout, if shorter) before the status is rewritten to name it as
``running_job``: short runs cost no extra write."""


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


@dataclass
class _Outstanding:
    """A run the loop stopped waiting for (past its timeout, or the stop grace ran out) that has not returned yet."""

    job: Job
    handle: RunHandle
    tick: int
    slot: int
    missed: int


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
        hooks: tuple[Hook, Hook] | None = None,
    ) -> None:
        """``hooks`` run before and after every job on its worker thread; default: Django's
        ``close_old_connections`` when Django is configured (see :func:`heartbeat.worker.django_hooks`)."""
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
        """The job the loop is waiting for and its monotonic start (read from other threads for reports)."""
        self.outstanding: dict[str, _Outstanding] = {}
        """Runs past their timeout (or left at a stop) that have not returned; those jobs are not started again."""
        self.tick_times: list[float] | None = None
        """When a list, every tick's scheduled time is appended (tests and benchmarks)."""
        self._hooks = hooks
        self._hooks_resolved = hooks is not None
        self._worker: JobWorker | None = None
        self._workers_started = 0
        self._job_event = threading.Event()
        """Set when a job call returns or a stop is requested: what the loop waits on while a job runs."""
        self._stop_deadline: float | None = None
        self._stop_grace: float | None = None
        """The ``grace`` of the request that set :attr:`_stop_deadline` (for the log)."""
        self._failures = RepeatFilter()

    def now(self) -> float:
        """Schedule time: monotonic seconds shifted onto the wall-clock epoch at start."""
        return self.clock.monotonic() + self.offset

    def request_stop(self, grace: float | None = None) -> None:
        """Stop: no job starts after this; safe from a signal handler (sets events and one float).

        The running job, if any, is waited for until it returns, until its own
        timeout passes, or - when ``grace`` (seconds) is given - at most until
        ``grace`` seconds from now, whichever comes first. Then :meth:`run`
        returns ``STOPPED`` and :attr:`abandoned_jobs` names any job still
        running, so the caller can release its lock and exit; the status then
        says ``stopping``. A later call can only shorten the deadline.
        """
        if grace is not None:
            deadline = time.monotonic() + max(0.0, grace)
            if self._stop_deadline is None or deadline < self._stop_deadline:
                self._stop_deadline = deadline
                self._stop_grace = max(0.0, grace)
        self.stop.set()
        self.wake.set()
        self._job_event.set()

    @property
    def abandoned_jobs(self) -> tuple[str, ...]:
        """Jobs whose run is still going although the loop stopped waiting for it (past timeout or stop grace)."""
        return tuple(name for name, out in self.outstanding.items() if not out.handle.done.is_set())

    def resume(self, slots: Mapping[str, int]) -> None:
        """Adopt the slots a previous leader recorded so they are not run again."""
        for name, slot in slots.items():
            if name in self.last_slot and slot > self.last_slot[name]:
                self.last_slot[name] = slot

    def run(self, max_ticks: int | None = None) -> StopReason:
        """Tick until stopped, ``max_ticks`` ticks (in total) are done, or the lease is lost."""
        try:
            return self._run(max_ticks)
        finally:
            self._collect_returned()  # runs that returned since the last tick are recorded before the caller reports
            # An idle worker is closed so a scheduler that is done leaves no thread behind;
            # the next run (after a lost lease, say) starts a new one.
            if self._worker is not None:
                self._worker.close()
                self._worker = None
            if self.recorder is not None:
                self.recorder.lead_ended()

    def _run(self, max_ticks: int | None) -> StopReason:
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
                "tick=%d ran past the next grid point (its jobs took %.3f s, tick %g s); %s coalesced",
                self.ticks, took, step, count(missed, "tick"),
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
        if self.recorder is not None:
            # Recorded when the tick begins, so a job that hangs in it leaves a tick time (and age) behind.
            self.recorder.tick(
                number, tick_time, cadence_name, market.open_sessions, self.ticks_missed, lateness=self.now() - tick_time
            )
        self._collect_returned()
        due = [
            job
            for job in self.jobs
            if job.name not in self.outstanding
            and self._gate(job, market)
            and slot_of(tick_time, job.interval) > self.last_slot[job.name]
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
            self.recorder.flush()  # writes only if something changed since the last job's write
        return market, lost

    def _worker_for_next_job(self) -> JobWorker:
        if self._worker is None:
            if not self._hooks_resolved:
                self._hooks = django_hooks()  # resolved late: Django may be configured after the scheduler is built
                self._hooks_resolved = True
            self._workers_started += 1
            self._worker = JobWorker(
                self.clock, name=f"heartbeat-job-{self._workers_started}", on_done=self._job_event.set, hooks=self._hooks
            )
        return self._worker

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
            self.logger.debug("job %s: %s coalesced into this run", job.name, count(missed, "missed slot"))
        worker = self._worker_for_next_job()
        handle = worker.submit(job.name, job.fn, ctx, started_wall=self.now())
        self.running = (job, handle.started)
        if self.recorder is not None:
            self.recorder.job_started(job.name, handle.started_wall)
        try:
            returned = self._await(job, handle)
        finally:
            self.running = None
        if returned:
            self._finished(job, handle, number, slot, missed)
            return
        # The loop stops waiting; the thread finishes this call on its own and then exits.
        worker.abandon()
        self._worker = None
        self.outstanding[job.name] = _Outstanding(job, handle, number, slot, missed)

    def _await(self, job: Job, handle: RunHandle) -> bool:
        """Wait for ``handle``; False when its timeout or the stop grace ran out first (measured in real time)."""
        timeout = job.effective_timeout
        deadline = handle.started_real + timeout
        flush_at = handle.started_real + min(RUNNING_FLUSH_AFTER, timeout / 2)
        stopping_noted = False
        while not handle.done.is_set():
            now = time.monotonic()
            if self.stop.is_set():
                stop_deadline = self._stop_deadline
                if not stopping_noted:
                    stopping_noted = True
                    if stop_deadline is None or stop_deadline > now:
                        wait = deadline - now if stop_deadline is None else min(deadline, stop_deadline) - now
                        self.logger.info(
                            "stop requested while job %s runs; waiting for it at most %.3g s (its timeout or stop-grace, whichever ends first)",
                            job.name, max(0.0, wait),
                        )
                    if self.recorder is not None:
                        self.recorder.stopping(self.clock.time())
                if stop_deadline is not None and now >= stop_deadline:
                    if self._stop_grace:
                        self.logger.warning(
                            "job %s still running %g s (stop-grace) after the stop request; leaving it unfinished",
                            job.name, self._stop_grace,
                        )
                    else:
                        self.logger.warning("stopping without waiting for job %s; leaving it unfinished", job.name)
                    return False
            if now >= deadline:
                self._timed_out(job, handle, now - handle.started_real)
                return False
            if now >= flush_at:
                flush_at = math.inf
                if self.recorder is not None:
                    self.recorder.flush()  # the status now names the running job and its start
            until = min(deadline, flush_at)
            if stopping_noted and self._stop_deadline is not None:
                until = min(until, self._stop_deadline)
            self._job_event.clear()
            if handle.done.is_set() or (self.stop.is_set() and not stopping_noted):
                continue
            self._job_event.wait(max(0.0, until - now))
        return True

    def _timed_out(self, job: Job, handle: RunHandle, elapsed: float) -> None:
        handle.timed_out = True
        self.logger.warning(
            "job %s still running after %.1f s, past its timeout of %g s (tick=%d): the other jobs go on; "
            "it is not started again until this run returns",
            job.name, elapsed, job.effective_timeout, self.ticks,
        )
        if self.recorder is not None:
            self.recorder.job_timed_out(job.name)
            self.recorder.flush()

    def _collect_returned(self) -> None:
        """Record the runs that returned after the loop stopped waiting for them; their jobs may run again."""
        for name, out in list(self.outstanding.items()):
            if out.handle.done.is_set():
                del self.outstanding[name]
                self._finished(out.job, out.handle, out.tick, out.slot, out.missed, late=True)

    def _finished(self, job: Job, handle: RunHandle, number: int, slot: int, missed: int, *, late: bool = False) -> None:
        assert handle.finished is not None
        duration = handle.finished - handle.started
        timeout = job.effective_timeout
        timed_out = handle.timed_out or duration > timeout
        exc = handle.error
        error: str | None = None
        excerpt: str | None = None
        if exc is not None:
            error = error_line(exc)
            excerpt = traceback_excerpt(exc)
            repeat = self._failures.failed(job.name, error)
            if repeat.log_full:
                self.logger.error("job %s failed (tick=%d slot=%d); the other jobs still run:\n%s", job.name, number, slot, excerpt)
            elif repeat.log_repeat:
                self.logger.error(
                    "job %s failed again with the same error (%s in a row, traceback logged at the first): %s",
                    job.name, count(repeat.count, "time"), error,
                )
        else:
            streak = self._failures.succeeded(job.name)
            if streak > 1:
                self.logger.info("job %s succeeded again after %s in a row", job.name, count(streak, "failure"))
        overran = duration > job.interval
        if late:
            self.logger.warning(
                "job %s returned after %.3f s, past its timeout of %g s; it runs again from its next due slot", job.name, duration, timeout
            )
        if overran:
            self.logger.warning(
                "job %s overran: took %.3f s with a %g s interval; the slots it covered are coalesced, not replayed",
                job.name, duration, job.interval,
            )
        if self.recorder is not None:
            self.recorder.job_finished(
                job.name,
                slot=slot,
                start=handle.started_wall,
                duration=duration,
                error=error,
                traceback=excerpt,
                overran=overran,
                missed=missed,
                timed_out=timed_out,
            )
            self.recorder.flush()  # per job, so a successor never repeats a finished run after a SIGKILL
