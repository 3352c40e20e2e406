"""An in-process store of one-minute bars per symbol: what the legacy threads write and read.

The real backend keeps these in Postgres; the example keeps them in memory so
the project runs without a database.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass


@dataclass
class Bar:
    symbol: str
    minute: int
    open: float
    high: float
    low: float
    close: float
    volume: int = 0
    closed: bool = False


class BarStore:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._bars: dict[str, dict[int, Bar]] = defaultdict(dict)

    def record_trade(self, symbol: str, minute: int, price: float, volume: int) -> Bar:
        with self._lock:
            bar = self._bars[symbol].get(minute)
            if bar is None:
                bar = self._bars[symbol][minute] = Bar(symbol, minute, price, price, price, price)
            bar.high, bar.low, bar.close = max(bar.high, price), min(bar.low, price), price
            bar.volume += volume
            return bar

    def bars(self, symbol: str) -> list[Bar]:
        with self._lock:
            return sorted(self._bars[symbol].values(), key=lambda b: b.minute)

    def close_before(self, minute: int) -> int:
        """Mark every bar older than ``minute`` closed; return how many were closed now."""
        closed = 0
        with self._lock:
            for per_symbol in self._bars.values():
                for bar in per_symbol.values():
                    if bar.minute < minute and not bar.closed:
                        bar.closed = True
                        closed += 1
        return closed


STORE = BarStore()
