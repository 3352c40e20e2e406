"""A deterministic, seeded synthetic quote feed: one quote per symbol per second.

A quote is a pure function of (seed, symbol, second) - a slow sine drift plus
hash-based noise - so any process, at any time, replays exactly the same
market; jobs and tests need no recorded data. Tests swap in a
:class:`ListFeed` with hand-picked quotes through ``ctx.state["thor.feed"]``.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

FEED_STATE_KEY = "thor.feed"


@dataclass(frozen=True)
class Quote:
    symbol: str
    ts: int
    """epoch second of the trade"""
    price: float
    size: int


class Feed(Protocol):
    symbols: Sequence[str]

    def quotes(self, symbol: str, start: int, end: int) -> list[Quote]:
        """Quotes of ``symbol`` with ``start <= ts < end``, in time order."""


@dataclass(frozen=True)
class Instrument:
    symbol: str
    base: float
    tick_size: float


INSTRUMENTS: tuple[Instrument, ...] = (
    Instrument("ES", 5000.0, 0.25),
    Instrument("NQ", 17500.0, 0.25),
    Instrument("CL", 75.0, 0.01),
)


class SyntheticFeed:
    """Prices wander +-0.2 % over an hour with +-0.05 % noise, rounded to the tick size; sizes 1-10."""

    def __init__(self, seed: int, instruments: Sequence[Instrument] = INSTRUMENTS) -> None:
        self.seed = seed
        self.instruments = {i.symbol: i for i in instruments}
        self.symbols: tuple[str, ...] = tuple(self.instruments)

    def _unit(self, symbol: str, ts: int, salt: str) -> float:
        digest = hashlib.blake2b(f"{self.seed}:{symbol}:{ts}:{salt}".encode(), digest_size=8).digest()
        return int.from_bytes(digest, "big") / 2**64

    def quote(self, symbol: str, ts: int) -> Quote:
        instrument = self.instruments[symbol]
        drift = 0.002 * math.sin(2 * math.pi * ts / 3600.0)
        noise = 0.001 * (self._unit(symbol, ts, "p") - 0.5)
        raw = instrument.base * (1.0 + drift + noise)
        ticks = round(raw / instrument.tick_size)
        price = round(ticks * instrument.tick_size, 6)
        size = 1 + int(self._unit(symbol, ts, "s") * 10)
        return Quote(symbol, ts, price, size)

    def quotes(self, symbol: str, start: int, end: int) -> list[Quote]:
        return [self.quote(symbol, ts) for ts in range(start, end)]


class ListFeed:
    """A feed of given quotes (tests): ``quotes`` filters them by symbol and time."""

    def __init__(self, quotes: Iterable[Quote], symbols: Sequence[str] | None = None) -> None:
        self._quotes = sorted(quotes, key=lambda q: (q.symbol, q.ts))
        self.symbols = tuple(symbols) if symbols is not None else tuple(dict.fromkeys(q.symbol for q in self._quotes))

    def quotes(self, symbol: str, start: int, end: int) -> list[Quote]:
        return [q for q in self._quotes if q.symbol == symbol and start <= q.ts < end]


def feed_for(state: dict[str, object]) -> Feed:
    """The process-wide feed: the one a test put in ``state``, else the synthetic feed seeded from settings."""
    feed = state.get(FEED_STATE_KEY)
    if feed is None:
        from django.conf import settings

        feed = SyntheticFeed(seed=int(getattr(settings, "THOR_FEED_SEED", 20240101)))
        state[FEED_STATE_KEY] = feed
    return feed  # type: ignore[return-value]


def symbols_for(state: dict[str, object]) -> tuple[str, ...]:
    return tuple(feed_for(state).symbols)
