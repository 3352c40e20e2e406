"""Cadence: sessions across DST, midnight-spanning futures, holidays, early closes, pre-open, and the switch in the loop."""

from __future__ import annotations

import datetime as dt

import pytest

from heartbeat.cadence import SessionCadence
from heartbeat.clock import FakeClock
from heartbeat.jobs import Job, JobContext
from heartbeat.locks import NoLock
from heartbeat.scheduler import Scheduler
from heartbeat.settings import SessionSpec

UTC = dt.timezone.utc
NYSE = SessionSpec(
    name="NYSE",
    timezone="America/New_York",
    weekdays=frozenset(range(5)),
    open=dt.time(9, 30),
    close=dt.time(16, 0),
    holidays=frozenset({dt.date(2026, 11, 26)}),
    early_closes={dt.date(2026, 11, 27): dt.time(13, 0)},
)
GLOBEX = SessionSpec(
    name="GLOBEX",
    timezone="America/Chicago",
    weekdays=frozenset(range(5)),  # trading days Mon-Fri; Monday's session opens Sunday 17:00
    open=dt.time(17, 0),
    close=dt.time(16, 0),
)


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("instant", "is_open"),
    [
        # before the spring DST change (EST, UTC-5): 09:30 local is 14:30Z
        ("2026-03-06 14:29:59", False),
        ("2026-03-06 14:30:00", True),
        ("2026-03-06 20:59:59", True),
        ("2026-03-06 21:00:00", False),
        # after it (EDT, UTC-4): 13:30Z
        ("2026-03-09 13:29:59", False),
        ("2026-03-09 13:30:00", True),
        ("2026-03-09 19:59:59", True),
        ("2026-03-09 20:00:00", False),
        # before the autumn change (EDT) and after it (EST)
        ("2026-10-30 13:30:00", True),
        ("2026-11-02 13:30:00", False),
        ("2026-11-02 14:30:00", True),
        # Thanksgiving holiday, then the early close at 13:00 EST (18:00Z)
        ("2026-11-26 15:00:00", False),
        ("2026-11-27 17:59:59", True),
        ("2026-11-27 18:00:00", False),
        # weekend
        ("2026-03-07 15:00:00", False),
    ],
)
def test_nyse_open_close_dst_holiday_early_close(instant: str, is_open: bool) -> None:
    assert SessionCadence([NYSE]).state(utc(instant)).open is is_open


@pytest.mark.parametrize(
    ("instant", "is_open"),
    [
        ("2026-03-01 22:59:59", False),  # Sunday 16:59:59 CST
        ("2026-03-01 23:00:00", True),  # Sunday 17:00 CST opens Monday's session
        ("2026-03-02 05:00:00", True),  # across midnight
        ("2026-03-02 21:59:59", True),  # Monday 15:59:59 CST
        ("2026-03-02 22:00:00", False),  # daily break 16:00-17:00
        ("2026-03-02 23:00:00", True),  # Tuesday's session
        ("2026-03-06 21:59:59", True),  # Friday before the close
        ("2026-03-06 22:00:00", False),
        ("2026-03-07 12:00:00", False),  # Saturday
        ("2026-03-08 21:59:59", False),  # Sunday 16:59:59 CDT (DST began that morning)
        ("2026-03-08 22:00:00", True),  # Sunday 17:00 CDT = 22:00Z, an hour earlier in UTC
        ("2026-11-01 22:00:00", False),  # Sunday 16:00 CST after the autumn change
        ("2026-11-01 23:00:00", True),
    ],
)
def test_midnight_spanning_futures_session_across_dst(instant: str, is_open: bool) -> None:
    assert SessionCadence([GLOBEX]).state(utc(instant)).open is is_open


@pytest.mark.parametrize(
    ("instant", "preopen"),
    [
        ("2026-03-09 13:28:59", False),  # 61 s before the open
        ("2026-03-09 13:29:00", True),  # 60 s
        ("2026-03-09 13:29:59", True),  # 1 s
        ("2026-03-09 13:29:59.500", False),  # 0.5 s: too late to start a pre-open job
        ("2026-03-09 13:30:00", False),  # open, not pre-open
        ("2026-11-26 14:29:30", False),  # holiday: nothing opens
    ],
)
def test_preopen_window_is_one_to_sixty_seconds_before_the_open(instant: str, preopen: bool) -> None:
    state = SessionCadence([NYSE]).state(utc(instant))
    assert state.preopen is preopen
    assert state.fast is (preopen or state.open)


def test_next_change_finds_the_boundaries() -> None:
    cadence = SessionCadence([NYSE])
    assert cadence.next_change(utc("2026-03-09 12:00:00")) == utc("2026-03-09 13:29:00")
    assert cadence.next_change(utc("2026-03-09 13:29:00")) == utc("2026-03-09 13:29:59")
    assert cadence.next_change(utc("2026-03-09 13:29:59")) == utc("2026-03-09 13:30:00")
    assert cadence.next_change(utc("2026-03-09 13:30:00")) == utc("2026-03-09 20:00:00")
    # from Wednesday evening over the holiday to Friday's pre-open
    assert cadence.next_change(utc("2026-11-25 22:00:00")) == utc("2026-11-27 14:29:00")


def _run(cadence: SessionCadence, start: str, ticks: int) -> tuple[Scheduler, list[tuple[str, float]]]:
    clock = FakeClock(start=utc(start).timestamp())
    runs: list[tuple[str, float]] = []

    def job(name: str, interval: float, when: str) -> Job:
        def fn(ctx: JobContext) -> None:
            runs.append((name, ctx.scheduled))

        return Job(name, interval, when, fn=fn)  # type: ignore[arg-type]

    lock = NoLock()
    lock.acquire()
    scheduler = Scheduler(
        [job("open", 1.0, "open"), job("pre", 30.0, "preopen"), job("always", 60.0, "always")],
        cadence, fast_tick=1.0, slow_tick=60.0, clock=clock, lock=lock,
    )
    scheduler.tick_times = []
    scheduler.run(max_ticks=ticks)
    return scheduler, runs


@pytest.mark.parametrize(
    "open_at",
    ["2026-03-06 14:30:00", "2026-03-09 13:30:00", "2026-10-30 13:30:00", "2026-11-02 14:30:00"],
    ids=["before-spring-dst", "after-spring-dst", "before-autumn-dst", "after-autumn-dst"],
)
def test_loop_switches_to_fast_for_preopen_and_open(open_at: str) -> None:
    opens = utc(open_at).timestamp()
    scheduler, runs = _run(SessionCadence([NYSE]), (utc(open_at) - dt.timedelta(seconds=150)).isoformat()[:19], ticks=70)
    ticks = [t - opens for t in scheduler.tick_times or []]
    # slow ticks on the minute grid, then fast from 60 s before the open
    assert ticks[:3] == [-150.0, -120.0, -60.0]
    assert ticks[3:62] == pytest.approx([float(s) for s in range(-59, 0)])
    assert ticks[62] == 0.0
    assert [t - opens for name, t in runs if name == "pre"] == [-60.0, -30.0]
    assert [t - opens for name, t in runs if name == "open"][:3] == [0.0, 1.0, 2.0]


def test_loop_slows_down_at_an_early_close() -> None:
    closes = utc("2026-11-27 18:00:00").timestamp()
    scheduler, runs = _run(SessionCadence([NYSE]), "2026-11-27 17:59:57", ticks=6)
    assert [t - closes for t in scheduler.tick_times or []] == [-3.0, -2.0, -1.0, 0.0, 60.0, 120.0]
    assert [t - closes for name, t in runs if name == "open"] == [-3.0, -2.0, -1.0]


def test_loop_stays_slow_through_a_holiday() -> None:
    scheduler, runs = _run(SessionCadence([NYSE]), "2026-11-26 14:25:00", ticks=10)
    ticks = scheduler.tick_times or []
    assert all(b - a == pytest.approx(60.0) for a, b in zip(ticks, ticks[1:]))
    assert [name for name, _ in runs if name != "always"] == []
