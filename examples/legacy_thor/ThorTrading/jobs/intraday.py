"""Job 1, ``intraday`` (every 1 s while open): build 1-minute bars from the feed and queue closed bars.

It replaces the per-market intraday worker threads. Progress is kept in
:class:`~ThorTrading.models.FeedCursor`, so a new leader continues where the
previous one stopped; a gap longer than :data:`MAX_CATCH_UP` is skipped rather
than replayed (the feed is live data; an hour-old backlog is not worth a stall).
"""

from __future__ import annotations

from django.db import transaction

from heartbeat.jobs import JobContext
from ThorTrading.jobs.bars import minute_start
from ThorTrading.jobs.feed import Quote, feed_for
from ThorTrading.models import FeedCursor, OpenBar, PendingBar

MAX_CATCH_UP = 3600


def _queue(bar: OpenBar) -> None:
    PendingBar.objects.create(
        symbol=bar.symbol, minute=bar.minute, open=bar.open, high=bar.high, low=bar.low,
        close=bar.close, volume=bar.volume, turnover=bar.turnover,
    )


def _close(bar: OpenBar) -> None:
    """Queue the bar and drop it from OpenBar (it may never have been saved if it opened and closed in this run)."""
    _queue(bar)
    if bar.pk is not None:
        bar.delete()


def _start_bar(quote: Quote) -> OpenBar:
    return OpenBar(
        symbol=quote.symbol, minute=minute_start(quote.ts), open=quote.price, high=quote.price, low=quote.price,
        close=quote.price, volume=quote.size, turnover=quote.price * quote.size,
    )


def _add(bar: OpenBar, quote: Quote) -> None:
    bar.high = max(bar.high, quote.price)
    bar.low = min(bar.low, quote.price)
    bar.close = quote.price
    bar.volume += quote.size
    bar.turnover += quote.price * quote.size


def consume(symbol: str, quotes: list[Quote], now: int) -> int:
    """Fold ``quotes`` into the open bar of ``symbol``; queue every bar whose minute is over. Returns bars closed."""
    closed = 0
    bar = OpenBar.objects.filter(symbol=symbol).first()
    for quote in quotes:
        if bar is not None and minute_start(quote.ts) > bar.minute:
            _close(bar)
            closed += 1
            bar = None
        if bar is None:
            bar = _start_bar(quote)
        else:
            _add(bar, quote)
    if bar is not None and now >= bar.minute + 60:
        _close(bar)
        closed += 1
        bar = None
    if bar is not None:
        bar.save()
    return closed


def run(ctx: JobContext) -> int:
    feed = feed_for(ctx.state)
    now = int(ctx.scheduled)
    end = now + 1  # quotes stamped up to and including the current second
    closed = 0
    for symbol in feed.symbols:
        with transaction.atomic():
            cursor = FeedCursor.objects.filter(symbol=symbol).first()
            start = cursor.next_ts if cursor is not None else minute_start(now)
            start = max(start, end - MAX_CATCH_UP)
            if start >= end:
                continue
            closed += consume(symbol, feed.quotes(symbol, start, end), now)
            FeedCursor.objects.update_or_create(symbol=symbol, defaults={"next_ts": end})
    if closed:
        ctx.logger.debug("queued %d closed bar(s)", closed)
    return closed
