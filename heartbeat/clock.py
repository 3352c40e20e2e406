"""The clock the scheduler and the locks read, injectable so tests run 10,000 ticks in milliseconds.

The scheduler never calls :func:`time.monotonic` or :meth:`threading.Event.wait`
directly; it asks a :class:`Clock`. :class:`SystemClock` is the real one,
:class:`FakeClock` moves only when someone waits on it or advances it.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol


class Clock(Protocol):
    """Time sources plus the one blocking primitive the scheduler uses."""

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps (due times are computed on it)."""

    def time(self) -> float:
        """Wall-clock seconds since the epoch (read once to anchor the slot grid)."""

    def wait(self, event: threading.Event, timeout: float) -> bool:
        """Block until ``event`` is set or ``timeout`` seconds pass; return whether it is set."""


class SystemClock:
    """The real clock: :func:`time.monotonic`, :func:`time.time` and an interruptible ``Event.wait``."""

    def monotonic(self) -> float:
        return time.monotonic()

    def time(self) -> float:
        return time.time()

    def wait(self, event: threading.Event, timeout: float) -> bool:
        return event.wait(max(0.0, timeout))


class FakeClock:
    """A deterministic clock: waiting advances time by exactly the timeout (or not at all if the event is set).

    ``start`` is the wall-clock reading at monotonic zero, so tests can place
    the run at a chosen instant (e.g. just before a DST change).
    """

    def __init__(self, start: float = 1_700_000_000.0, monotonic_start: float = 1000.0) -> None:
        self._mono = monotonic_start
        self._offset = start - monotonic_start
        self.waits: list[float] = []

    def monotonic(self) -> float:
        return self._mono

    def time(self) -> float:
        return self._mono + self._offset

    def advance(self, seconds: float) -> None:
        """Move time forward, as a job that takes ``seconds`` to run would."""
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        self._mono += seconds

    def step_wall(self, seconds: float) -> None:
        """Jump the wall clock only (an NTP step); monotonic time is unaffected."""
        self._offset += seconds

    def wait(self, event: threading.Event, timeout: float) -> bool:
        if event.is_set():
            return True
        timeout = max(0.0, timeout)
        self.waits.append(timeout)
        self._mono += timeout
        return event.is_set()
