"""Job 8, ``closed_bars_flush`` (every 60 s, always): move queued closed bars into ``MinuteBar`` in batches.

Each batch is one transaction (insert, then delete from the queue), so a
crash between batches loses nothing and repeats nothing; an insert that
meets an existing (symbol, minute) is ignored, which makes a retried batch
harmless. It stops between batches when the heartbeat is stopping.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from heartbeat.jobs import JobContext
from ThorTrading.models import MinuteBar, PendingBar

BATCH_SIZE = 500


def flush(batch_size: int = BATCH_SIZE, should_stop: Callable[[], bool] = lambda: False) -> int:
    """Flush the queue; returns the number of bars moved."""
    moved = 0
    while not should_stop():
        with transaction.atomic():
            batch = list(PendingBar.objects.order_by("id")[:batch_size])
            if not batch:
                break
            MinuteBar.objects.bulk_create(
                [
                    MinuteBar(symbol=b.symbol, minute=b.minute, open=b.open, high=b.high, low=b.low,
                              close=b.close, volume=b.volume, turnover=b.turnover)
                    for b in batch
                ],
                ignore_conflicts=True,
            )
            PendingBar.objects.filter(id__in=[b.id for b in batch]).delete()
        moved += len(batch)
    return moved


def run(ctx: JobContext) -> int:
    moved = flush(BATCH_SIZE, ctx.stop_event.is_set)
    if moved:
        ctx.logger.debug("flushed %d bar(s)", moved)
    return moved
