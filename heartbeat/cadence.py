"""When markets are open: the fast/slow tick decision and the ``open``/``preopen`` job gates.

A :class:`SessionCadence` reads a table of sessions (IANA zone, weekdays, open
and close times, holidays, early closes). All arithmetic is done on aware
datetimes converted to UTC, so DST changes and sessions that span midnight
(futures 18:00–17:00) need no special cases beyond choosing the right local
dates. A :class:`PredicateCadence` replaces the table with any
``module:qualname`` callable ``fn(now) -> bool``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol
from zoneinfo import ZoneInfo

from heartbeat.settings import SessionSpec

PREOPEN_LEAD = dt.timedelta(seconds=60)
"""``preopen`` jobs run 1–60 s before a session opens; the cadence is fast in that window too."""
PREOPEN_MIN = dt.timedelta(seconds=1)
UTC = dt.timezone.utc


@dataclass(frozen=True)
class MarketState:
    """What the cadence says about one instant."""

    open_sessions: tuple[str, ...] = ()
    preopen_sessions: tuple[str, ...] = ()

    @property
    def open(self) -> bool:
        return bool(self.open_sessions)

    @property
    def preopen(self) -> bool:
        return bool(self.preopen_sessions)

    @property
    def fast(self) -> bool:
        """Tick fast while a market is open and in the minute before one opens (so preopen jobs are not missed)."""
        return self.open or self.preopen


class Cadence(Protocol):
    def state(self, now: dt.datetime) -> MarketState:
        """The market state at the aware instant ``now``."""

    def next_change(self, now: dt.datetime) -> dt.datetime | None:
        """The next instant after ``now`` at which :meth:`state` may change, if known."""


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


@dataclass(frozen=True)
class Interval:
    """One concrete opening of a session, in UTC."""

    session: str
    trading_day: dt.date
    opens: dt.datetime
    closes: dt.datetime


def session_interval(session: SessionSpec, trading_day: dt.date) -> Interval | None:
    """The UTC interval in which ``session`` is open for ``trading_day``, or None (weekend, holiday)."""
    if trading_day.weekday() not in session.weekdays or trading_day in session.holidays:
        return None
    zone = _zone(session.timezone)
    open_day = trading_day - dt.timedelta(days=1) if session.spans_midnight else trading_day
    opens = dt.datetime.combine(open_day, session.open, tzinfo=zone).astimezone(UTC)
    close_time = session.early_closes.get(trading_day, session.close)
    closes = dt.datetime.combine(trading_day, close_time, tzinfo=zone).astimezone(UTC)
    if closes <= opens:
        return None
    return Interval(session.name, trading_day, opens, closes)


def intervals_around(session: SessionSpec, now: dt.datetime, days_after: int = 1) -> Iterator[Interval]:
    """Openings whose trading day is near ``now``'s local date (enough to cover any overlap)."""
    local_day = now.astimezone(_zone(session.timezone)).date()
    for offset in range(-1, days_after + 2):
        interval = session_interval(session, local_day + dt.timedelta(days=offset))
        if interval is not None:
            yield interval


class SessionCadence:
    """Fast while any configured session is open (or about to open); slow otherwise."""

    def __init__(self, sessions: Sequence[SessionSpec]) -> None:
        self.sessions = tuple(sessions)
        self._change_cache: tuple[dt.datetime, dt.datetime] | None = None
        """(asked at, answer): no boundary lies between them, so any instant in that span has the same answer."""

    def state(self, now: dt.datetime) -> MarketState:
        now = now.astimezone(UTC)
        open_names: list[str] = []
        preopen_names: list[str] = []
        for session in self.sessions:
            for interval in intervals_around(session, now):
                if interval.opens <= now < interval.closes:
                    open_names.append(session.name)
                    break
            else:
                for interval in intervals_around(session, now):
                    if PREOPEN_MIN <= interval.opens - now <= PREOPEN_LEAD:
                        preopen_names.append(session.name)
                        break
        return MarketState(tuple(open_names), tuple(preopen_names))

    def next_change(self, now: dt.datetime) -> dt.datetime | None:
        now = now.astimezone(UTC)
        cached = self._change_cache
        if cached is not None and cached[0] <= now < cached[1]:
            return cached[1]
        best = self._next_change(now)
        self._change_cache = None if best is None else (now, best)
        return best

    def _next_change(self, now: dt.datetime) -> dt.datetime | None:
        best: dt.datetime | None = None
        for session in self.sessions:
            for interval in intervals_around(session, now, days_after=7):
                for boundary in (interval.opens - PREOPEN_LEAD, interval.opens - PREOPEN_MIN, interval.opens, interval.closes):
                    if boundary > now and (best is None or boundary < best):
                        best = boundary
        return best


class PredicateCadence:
    """A custom ``fn(now) -> bool`` replaces the session table; it knows nothing of pre-open windows."""

    def __init__(self, predicate: Callable[[dt.datetime], object], name: str) -> None:
        self.predicate = predicate
        self.name = name

    def state(self, now: dt.datetime) -> MarketState:
        return MarketState(open_sessions=(self.name,) if self.predicate(now) else ())

    def next_change(self, now: dt.datetime) -> dt.datetime | None:
        return None


def always_open(now: dt.datetime) -> bool:
    """Built-in predicate ``heartbeat.cadence:always_open``: every tick is fast and ``open`` jobs always run."""
    return True


def always_closed(now: dt.datetime) -> bool:
    """Built-in predicate ``heartbeat.cadence:always_closed``: every tick is slow; only ``always`` jobs run."""
    return False
