"""Capture the volume-weighted average price of each symbol once a minute."""

from __future__ import annotations

import logging
import os
import threading

from ThorTrading.services.bars import STORE

logger = logging.getLogger(__name__)


class VWAPMinuteCaptureService:
    def __init__(self, symbols: tuple[str, ...] = ("ES", "NQ", "CL"), enabled: bool = True) -> None:
        self.enabled = enabled
        self.symbols: list[str] = []
        self._configured_symbols = symbols
        self.vwap: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _load_symbols(self) -> None:
        self.symbols = sorted(set(self._configured_symbols))

    def capture_once(self) -> dict[str, float]:
        for symbol in self.symbols:
            bars = STORE.bars(symbol)
            volume = sum(b.volume for b in bars)
            if volume:
                self.vwap[symbol] = sum(b.close * b.volume for b in bars) / volume
        return dict(self.vwap)

    def _loop(self) -> None:
        while not self._stop.wait(60.0):
            self.capture_once()

    def start(self) -> None:
        if not self.enabled:
            return
        self._load_symbols()
        # Added later, in the wrong place: the symbol list is loaded even in heartbeat mode.
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            logger.debug("Skipping legacy VWAPMinuteCaptureService.start (heartbeat scheduler mode active)")
            return
        self._thread = threading.Thread(target=self._loop, name="thor-vwap-capture", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
