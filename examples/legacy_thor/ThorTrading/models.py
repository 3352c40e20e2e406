"""What the eight heartbeat jobs read and write: 1-minute bars and the statistics derived from them.

Times are integer epoch seconds (a bar's ``minute`` is the start of its
minute, UTC) so the jobs' arithmetic stays exact and easy to check by hand.
``turnover`` is the sum of price x size, kept so VWAP is a division away.
"""

from __future__ import annotations

from django.db import models


class BarFields(models.Model):
    symbol = models.CharField(max_length=16)
    minute = models.BigIntegerField(help_text="epoch seconds of the minute's start (UTC)")
    open = models.FloatField()
    high = models.FloatField()
    low = models.FloatField()
    close = models.FloatField()
    volume = models.BigIntegerField()
    turnover = models.FloatField(help_text="sum of price x size")

    class Meta:
        abstract = True


class FeedCursor(models.Model):
    """How far ``intraday`` has consumed the quote feed for one symbol (exclusive end, epoch seconds)."""

    symbol = models.CharField(max_length=16, primary_key=True)
    next_ts = models.BigIntegerField()


class OpenBar(BarFields):
    """The bar of the current minute, still being built (one per symbol)."""

    class Meta:
        constraints = [models.UniqueConstraint(fields=["symbol"], name="openbar_one_per_symbol")]


class PendingBar(BarFields):
    """A closed bar queued by ``intraday`` until ``closed_bars_flush`` writes it to :class:`MinuteBar`."""

    class Meta:
        ordering = ["id"]


class MinuteBar(BarFields):
    """A closed, flushed 1-minute bar."""

    class Meta:
        ordering = ["symbol", "minute"]
        constraints = [models.UniqueConstraint(fields=["symbol", "minute"], name="minutebar_symbol_minute")]


class Week52Extreme(models.Model):
    symbol = models.CharField(max_length=16, primary_key=True)
    high = models.FloatField()
    low = models.FloatField()
    as_of = models.BigIntegerField()


class SessionVolume(models.Model):
    symbol = models.CharField(max_length=16)
    session_date = models.DateField()
    volume = models.BigIntegerField()
    as_of = models.BigIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["symbol", "session_date"], name="sessionvolume_symbol_date")]


class MarketMetric(models.Model):
    symbol = models.CharField(max_length=16, primary_key=True)
    last = models.FloatField()
    previous_close = models.FloatField(null=True)
    change = models.FloatField(null=True)
    change_pct = models.FloatField(null=True)
    day_high = models.FloatField()
    day_low = models.FloatField()
    day_range = models.FloatField()
    as_of = models.BigIntegerField()


class Rolling24h(models.Model):
    symbol = models.CharField(max_length=16, primary_key=True)
    open = models.FloatField()
    high = models.FloatField()
    low = models.FloatField()
    last = models.FloatField()
    change = models.FloatField()
    volume = models.BigIntegerField()
    vwap = models.FloatField()
    as_of = models.BigIntegerField()


class PreOpenStat(models.Model):
    """Close-to-close behaviour of the last hour's bars, computed in the minute before a session opens."""

    symbol = models.CharField(max_length=16)
    sessions = models.CharField(max_length=128, help_text="the sessions about to open")
    minute = models.BigIntegerField()
    bars = models.IntegerField()
    mean_return = models.FloatField()
    up_ratio = models.FloatField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["symbol", "minute"], name="preopenstat_symbol_minute")]


class VwapSnapshot(models.Model):
    symbol = models.CharField(max_length=16)
    minute = models.BigIntegerField()
    vwap = models.FloatField()
    volume = models.BigIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["symbol", "minute"], name="vwapsnapshot_symbol_minute")]
