"""The thread a job runs on, so the loop can watch it, time it out and go on without it.

The scheduler hands one call at a time to a :class:`JobWorker` and waits for
the returned :class:`RunHandle`. When a call outlives its timeout the
scheduler *abandons* the worker: the thread finishes that one call whenever
it returns (Python cannot interrupt a thread safely), marks its handle done
and exits, while the scheduler starts a fresh worker for the next job. So a
hung job costs one parked thread, never the loop.

Everything a job raises, ``BaseException`` included (``SystemExit``,
``KeyboardInterrupt``, ``GeneratorExit``), is that run's failure: the worker
is not the main thread, so a signal meant for the runner never lands inside a
job, and whatever arrives in the worker was raised by the job itself.

With Django configured, :func:`django_hooks` closes stale database
connections before and after every job on the worker thread (Django's
connections are per thread), as Django does around every request.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from heartbeat.clock import Clock

Hook = Callable[[], None]


@dataclass
class RunHandle:
    """One job call: when it started (on the scheduler's clock) and, once ``done`` is set, how it ended."""

    job: str
    started: float
    """Monotonic seconds on the scheduler's clock."""
    started_wall: float
    """Schedule-time epoch seconds (what the status shows)."""
    started_real: float
    """``time.monotonic()`` at submission: timeouts are measured in real time, also under a fake clock."""
    done: threading.Event = field(default_factory=threading.Event)
    finished: float | None = None
    """Monotonic seconds on the scheduler's clock when the call returned or raised."""
    error: BaseException | None = None
    timed_out: bool = False
    """Set by the scheduler when it stopped waiting for this call."""


class JobWorker:
    """A daemon thread that runs submitted calls one after the other.

    ``on_done`` is called on the worker thread after each call (the scheduler
    uses it to wake its wait). ``hooks`` run before and after every call on
    the worker thread; their own failures are the run's failure too.
    """

    _SHUTDOWN = None

    def __init__(self, clock: Clock, *, name: str, on_done: Hook | None = None, hooks: tuple[Hook, Hook] | None = None) -> None:
        self.clock = clock
        self.on_done = on_done
        self.hooks = hooks
        self._queue: queue.SimpleQueue[tuple[RunHandle, Callable[[Any], object], Any] | None] = queue.SimpleQueue()
        self.abandoned = False
        self.thread = threading.Thread(target=self._serve, name=name, daemon=True)
        self.thread.start()

    def submit(self, job: str, fn: Callable[[Any], object], arg: Any, *, started_wall: float) -> RunHandle:
        """Queue ``fn(arg)`` (the worker should be idle) and return its handle at once."""
        handle = RunHandle(job=job, started=self.clock.monotonic(), started_wall=started_wall, started_real=time.monotonic())
        self._queue.put((handle, fn, arg))
        return handle

    def abandon(self) -> None:
        """Let the thread exit after the call it is running; it takes no more work."""
        self.abandoned = True
        self._queue.put(self._SHUTDOWN)

    def close(self) -> None:
        """Stop an idle worker (same as :meth:`abandon`; named for the idle case)."""
        self.abandon()

    def _serve(self) -> None:
        try:
            while True:
                item = self._queue.get()
                if item is None:
                    return
                handle, fn, arg = item
                try:
                    if self.hooks is not None:
                        self.hooks[0]()
                    try:
                        fn(arg)
                    finally:
                        if self.hooks is not None:
                            self.hooks[1]()
                except BaseException as exc:  # noqa: BLE001 - every exception of a job is that job's failure
                    # The traceback starts at the job, not in this loop.
                    handle.error = exc.with_traceback(exc.__traceback__.tb_next if exc.__traceback__ else None)
                handle.finished = self.clock.monotonic()
                handle.done.set()
                if self.on_done is not None:
                    self.on_done()
        finally:
            if self.hooks is not None and "django" in sys.modules:
                _close_thread_connections()


def django_hooks() -> tuple[Hook, Hook] | None:
    """``close_old_connections`` before and after each job when Django is imported and configured, else None.

    Without it, a connection broken by a database restart stays in the
    worker thread for ever and every later query fails with "the connection
    is closed"; with it, Django drops unusable (and, per ``CONN_MAX_AGE``,
    expired) connections and the next query reconnects.
    """
    if "django" not in sys.modules:
        return None
    try:
        from django.conf import settings
        from django.db import close_old_connections
    except ImportError:
        return None
    if not settings.configured:
        return None
    return close_old_connections, close_old_connections


def _close_thread_connections() -> None:
    """Close this thread's Django connections when the worker exits (they are not shared with other threads)."""
    try:
        from django.db import connections

        connections.close_all()
    except Exception:  # noqa: BLE001 - best effort at thread exit
        pass
