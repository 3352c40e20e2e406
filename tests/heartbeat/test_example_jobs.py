"""The eight example jobs of examples/legacy_thor, each against numbers worked out by hand in the comments."""

from __future__ import annotations

import datetime as dt
import logging
import threading

import pytest

from heartbeat.cadence import MarketState, PredicateCadence, always_open
from heartbeat.clock import FakeClock
from heartbeat.jobs import Job, JobContext
from heartbeat.locks import NoLock
from heartbeat.scheduler import Scheduler

pytestmark = pytest.mark.usefixtures("clean_db")

T0 = 1_700_000_040  # a minute boundary (28,333,334 x 60)
D = 1_699_920_000  # midnight UTC of 2023-11-14, the day holding T0
assert T0 % 60 == 0 and D % 86_400 == 0 and D <= T0 < D + 86_400


def ctx(scheduled: float, *, feed: object = None, symbols: tuple[str, ...] = ("ES",), preopen: tuple[str, ...] = ()) -> JobContext:
    from ThorTrading.jobs.feed import FEED_STATE_KEY, ListFeed

    state: dict[str, object] = {FEED_STATE_KEY: feed if feed is not None else ListFeed([], symbols=symbols)}
    return JobContext(
        job="test", logger=logging.getLogger("test"), state=state, fencing_token=7, leader_id="t:1",
        stop_event=threading.Event(), tick=1, slot=0, scheduled=float(scheduled),
        market=MarketState(open_sessions=("SYNTH",), preopen_sessions=preopen),
    )


def bar(model, symbol: str, minute: int, o: float, h: float, low: float, c: float, v: int, turnover: float):  # type: ignore[no-untyped-def]
    return model.objects.create(symbol=symbol, minute=minute, open=o, high=h, low=low, close=c, volume=v, turnover=turnover)


def test_intraday_builds_minute_bars_and_queues_closed_ones() -> None:
    from ThorTrading.jobs import intraday
    from ThorTrading.jobs.feed import ListFeed, Quote
    from ThorTrading.models import FeedCursor, OpenBar, PendingBar

    feed = ListFeed(
        [
            Quote("ES", T0 + 0, 100.0, 2),
            Quote("ES", T0 + 30, 102.0, 1),
            Quote("ES", T0 + 59, 99.0, 3),
            Quote("ES", T0 + 60, 101.0, 4),
            Quote("ES", T0 + 65, 103.0, 1),
            Quote("ES", T0 + 71, 150.0, 9),  # after "now": not consumed yet
        ]
    )
    FeedCursor.objects.create(symbol="ES", next_ts=T0)
    assert intraday.run(ctx(T0 + 70, feed=feed)) == 1
    closed = PendingBar.objects.get()
    # minute T0: open 100, high 102, low 99, close 99, volume 2+1+3 = 6, turnover 200+102+297 = 599
    assert (closed.minute, closed.open, closed.high, closed.low, closed.close, closed.volume, closed.turnover) == (T0, 100, 102, 99, 99, 6, 599)
    current = OpenBar.objects.get()
    # minute T0+60 so far: 101 x4, 103 x1 -> open 101, high 103, low 101, close 103, volume 5, turnover 404+103 = 507
    assert (current.minute, current.open, current.high, current.low, current.close, current.volume, current.turnover) == (T0 + 60, 101, 103, 101, 103, 5, 507)
    assert FeedCursor.objects.get().next_ts == T0 + 71

    # next minute is over at T0+125: the quote at T0+71 joins the open bar, which is then closed without a new quote
    assert intraday.run(ctx(T0 + 125, feed=feed)) == 1
    second = PendingBar.objects.order_by("id").last()
    assert (second.minute, second.open, second.high, second.low, second.close, second.volume, second.turnover) == (T0 + 60, 101, 150, 101, 150, 14, 1857)
    assert not OpenBar.objects.exists()
    assert FeedCursor.objects.get().next_ts == T0 + 126


def test_intraday_starts_at_the_current_minute_and_caps_catch_up() -> None:
    from ThorTrading.jobs import intraday
    from ThorTrading.jobs.feed import ListFeed, Quote
    from ThorTrading.models import FeedCursor, OpenBar

    feed = ListFeed([Quote("ES", T0 - 1, 1.0, 1), Quote("ES", T0 + 5, 2.0, 1)])
    intraday.run(ctx(T0 + 10, feed=feed))  # no cursor yet: start at T0, ignore the quote at T0-1
    assert OpenBar.objects.get().volume == 1
    FeedCursor.objects.filter(symbol="ES").update(next_ts=T0 - 10 * 3600)
    intraday.run(ctx(T0 + 20, feed=feed))  # ten hours behind: only the last hour is read
    assert FeedCursor.objects.get().next_ts == T0 + 21


def test_week52_extremes_over_all_bar_tables_within_52_weeks() -> None:
    from ThorTrading.jobs import week52_extremes
    from ThorTrading.models import MinuteBar, OpenBar, PendingBar, Week52Extreme

    week52 = 52 * 7 * 86_400
    bar(MinuteBar, "ES", T0 - week52 - 60, 1, 500, 1, 1, 1, 1)  # outside the window: ignored
    bar(MinuteBar, "ES", T0 - week52 + 60, 100, 110, 90, 100, 1, 100)
    bar(MinuteBar, "ES", T0 - 3600, 100, 120, 95, 100, 1, 100)
    bar(PendingBar, "ES", T0 - 60, 100, 125, 100, 100, 1, 100)
    bar(OpenBar, "ES", T0, 100, 111, 85, 100, 1, 100)
    assert week52_extremes.run(ctx(T0 + 30)) == 1
    row = Week52Extreme.objects.get(symbol="ES")
    assert (row.high, row.low, row.as_of) == (125, 85, T0 + 30)


def test_session_volume_sums_todays_bars_only() -> None:
    from ThorTrading.jobs import session_volume
    from ThorTrading.models import MinuteBar, OpenBar, PendingBar, SessionVolume

    bar(MinuteBar, "ES", D - 60, 1, 1, 1, 1, 1000, 1000)  # yesterday
    bar(MinuteBar, "ES", D, 1, 1, 1, 1, 10, 10)
    bar(PendingBar, "ES", D + 60, 1, 1, 1, 1, 20, 20)
    bar(OpenBar, "ES", D + 120, 1, 1, 1, 1, 5, 5)
    session_volume.run(ctx(D + 150))
    row = SessionVolume.objects.get()
    assert (row.session_date, row.volume) == (dt.date(2023, 11, 14), 35)
    session_volume.run(ctx(D + 160))  # an update, not a second row
    assert SessionVolume.objects.count() == 1


def test_market_metrics_change_against_the_previous_session_close() -> None:
    from ThorTrading.jobs import market_metrics
    from ThorTrading.models import MarketMetric, MinuteBar, PendingBar

    bar(MinuteBar, "ES", D - 120, 90, 90, 90, 90, 1, 90)
    bar(MinuteBar, "ES", D - 60, 95, 100, 95, 100, 1, 100)  # previous close: 100
    bar(MinuteBar, "ES", D, 101, 105, 99, 104, 1, 104)
    bar(PendingBar, "ES", D + 60, 104, 108, 103, 106, 1, 106)  # last: 106
    market_metrics.run(ctx(D + 100))
    row = MarketMetric.objects.get()
    # change 106 - 100 = 6 (6 %), day high 108, low 99, range 9
    assert (row.last, row.previous_close, row.change, row.change_pct) == (106, 100, 6, 6.0)
    assert (row.day_high, row.day_low, row.day_range) == (108, 99, 9)


def test_market_metrics_without_a_previous_session() -> None:
    from ThorTrading.jobs import market_metrics
    from ThorTrading.models import MarketMetric, OpenBar

    bar(OpenBar, "ES", D, 10, 12, 9, 11, 1, 11)
    market_metrics.run(ctx(D + 30))
    row = MarketMetric.objects.get()
    assert (row.last, row.previous_close, row.change, row.change_pct, row.day_range) == (11, None, None, None, 3)


def test_twentyfour_hour_rolling_window() -> None:
    from ThorTrading.jobs import twentyfour_hour
    from ThorTrading.models import MinuteBar, PendingBar, Rolling24h

    now = T0 + 30
    bar(MinuteBar, "ES", T0 - 86_400 - 60, 1, 999, 1, 1, 1000, 1000)  # 24 h and a minute ago: outside
    bar(MinuteBar, "ES", T0 - 3600, 50, 55, 49, 54, 10, 520)
    bar(PendingBar, "ES", T0 - 60, 54, 58, 53, 57, 30, 1680)
    twentyfour_hour.run(ctx(now))
    row = Rolling24h.objects.get()
    # open 50, high 58, low 49, last 57, change 7, volume 40, VWAP (520 + 1680) / 40 = 55
    assert (row.open, row.high, row.low, row.last, row.change, row.volume, row.vwap) == (50, 58, 49, 57, 7, 40, 55.0)


def test_preopen_backtest_close_to_close_statistic() -> None:
    from ThorTrading.jobs import preopen_backtest
    from ThorTrading.models import MinuteBar, OpenBar, PendingBar, PreOpenStat

    minute = T0
    bar(MinuteBar, "ES", minute - 3660, 1, 1, 1, 500, 1, 1)  # older than an hour: ignored
    for i, close in enumerate([100.0, 110.0, 99.0]):
        bar(MinuteBar, "ES", minute - 180 + 60 * i, close, close, close, close, 1, close)
    bar(PendingBar, "ES", minute - 60 + 1, 0, 0, 0, 0, 0, 0)  # (not a minute start; keeps the test honest about ordering)
    PendingBar.objects.all().delete()
    bar(PendingBar, "ES", minute - 240, 121.0, 121.0, 121.0, 121.0, 1, 121.0)
    bar(OpenBar, "ES", minute, 1, 1, 1, 1, 1, 1)  # the running minute is not a closed bar: ignored
    preopen_backtest.run(ctx(minute + 20, preopen=("NYSE",)))
    row = PreOpenStat.objects.get()
    # closes in time order 121, 100, 110, 99: returns -21/121, +0.1, -0.1 -> one up move of three
    expected_mean = (-21 / 121 + 0.1 - 0.1) / 3
    assert (row.sessions, row.minute, row.bars) == ("NYSE", minute, 4)
    assert row.mean_return == pytest.approx(expected_mean)
    assert row.up_ratio == pytest.approx(1 / 3)


def test_vwap_minute_capture_one_snapshot_per_minute() -> None:
    from ThorTrading.jobs import vwap_minute_capture
    from ThorTrading.models import MinuteBar, OpenBar, VwapSnapshot

    bar(MinuteBar, "ES", D - 60, 1, 1, 1, 1, 1000, 1000)  # yesterday: not this session
    bar(MinuteBar, "ES", D + 60, 100, 100, 100, 100, 10, 1000)
    bar(OpenBar, "ES", D + 120, 110, 110, 110, 110, 20, 2200)
    vwap_minute_capture.run(ctx(D + 130))
    vwap_minute_capture.run(ctx(D + 170))  # same minute: updated, not duplicated
    row = VwapSnapshot.objects.get()
    # (1000 + 2200) / (10 + 20) = 106.666...
    assert (row.minute, row.volume) == (D + 120, 30)
    assert row.vwap == pytest.approx(3200 / 30)


def test_closed_bars_flush_moves_batches_and_ignores_duplicates() -> None:
    from ThorTrading.jobs import closed_bars_flush
    from ThorTrading.models import MinuteBar, PendingBar

    bar(MinuteBar, "ES", T0, 1, 1, 1, 1, 1, 1)
    for minute in (T0, T0 + 60, T0 + 120):
        bar(PendingBar, "ES", minute, 2, 2, 2, 2, 2, 2)
    assert closed_bars_flush.flush(batch_size=2, should_stop=lambda: True) == 0
    assert closed_bars_flush.flush(batch_size=2) == 3
    assert not PendingBar.objects.exists()
    assert list(MinuteBar.objects.values_list("minute", "volume")) == [(T0, 1), (T0 + 60, 2), (T0 + 120, 2)]


def test_synthetic_feed_is_deterministic_per_seed() -> None:
    from ThorTrading.jobs.feed import SyntheticFeed

    a, b, c = SyntheticFeed(1), SyntheticFeed(1), SyntheticFeed(2)
    assert a.quotes("ES", T0, T0 + 120) == b.quotes("ES", T0, T0 + 120)
    assert a.quotes("ES", T0, T0 + 120) != c.quotes("ES", T0, T0 + 120)
    for quote in a.quotes("ES", T0, T0 + 600):
        assert 1 <= quote.size <= 10
        assert quote.price % 0.25 == pytest.approx(0.0, abs=1e-9) or quote.price % 0.25 == pytest.approx(0.25)
        assert 5000 * 0.997 <= quote.price <= 5000 * 1.003


def test_the_eight_jobs_in_the_loop_reproduce_the_feed_exactly() -> None:
    """Three minutes of the synthetic feed through the scheduler; bars checked against an independent aggregation."""
    from ThorTrading.jobs import (
        closed_bars_flush,
        intraday,
        market_metrics,
        preopen_backtest,
        session_volume,
        twentyfour_hour,
        vwap_minute_capture,
        week52_extremes,
    )
    from ThorTrading.jobs.feed import FEED_STATE_KEY, SyntheticFeed
    from ThorTrading.models import MinuteBar, OpenBar, PendingBar, VwapSnapshot

    feed = SyntheticFeed(seed=99)
    clock = FakeClock(start=float(T0))
    specs = [
        ("intraday", 1.0, intraday.run), ("week52_extremes", 2.0, week52_extremes.run),
        ("session_volume", 10.0, session_volume.run), ("market_metrics", 10.0, market_metrics.run),
        ("twentyfour_hour", 30.0, twentyfour_hour.run), ("preopen_backtest", 30.0, preopen_backtest.run),
        ("vwap_minute_capture", 60.0, vwap_minute_capture.run), ("closed_bars_flush", 60.0, closed_bars_flush.run),
    ]
    jobs = [Job(name, interval, "preopen" if name == "preopen_backtest" else "open", fn=fn) for name, interval, fn in specs]  # type: ignore[arg-type]
    lock = NoLock()
    lock.acquire()
    # a 5 s tick: the 1 s and 2 s jobs coalesce to one run per tick, and intraday still reads every quote
    scheduler = Scheduler(jobs, PredicateCadence(always_open, "SYNTH"), fast_tick=5.0, slow_tick=60.0, clock=clock, lock=lock, state={FEED_STATE_KEY: feed})
    scheduler.run(max_ticks=37)  # T0 .. T0+180 inclusive

    expected = {}
    for minute in (T0, T0 + 60, T0 + 120):
        quotes = feed.quotes("NQ", minute, minute + 60)
        prices = [q.price for q in quotes]
        expected[minute] = (prices[0], max(prices), min(prices), prices[-1], sum(q.size for q in quotes))
    got = {}
    for model in (MinuteBar, PendingBar):
        for row in model.objects.filter(symbol="NQ"):
            got[row.minute] = (row.open, row.high, row.low, row.close, row.volume)
    assert got == expected
    # intraday (first in order) closes a minute's bar at the next minute's tick and closed_bars_flush (last) writes it
    assert sorted(MinuteBar.objects.filter(symbol="NQ").values_list("minute", flat=True)) == [T0, T0 + 60, T0 + 120]
    assert not PendingBar.objects.exists()
    assert OpenBar.objects.get(symbol="NQ").minute == T0 + 180
    assert VwapSnapshot.objects.filter(symbol="NQ").count() == 4
