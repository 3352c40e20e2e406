"""A lease lock whose renewal thread belongs to the heartbeat's machinery (``audit-allow`` covers it)."""

from __future__ import annotations

import threading


class RenewingLock:
    """An in-process lease, renewed every third of its ``ttl`` by a daemon thread while held."""

    def __init__(self, name: str, ttl: float) -> None:
        self.name = name
        self.ttl = ttl
        self._held = threading.Lock()
        self._stop = threading.Event()
        self._renewals = 0

    def _renew_loop(self) -> None:
        while not self._stop.wait(self.ttl / 3):
            self._renewals += 1

    def acquire(self) -> bool:
        if not self._held.acquire(blocking=False):
            return False
        self._stop.clear()
        renewer = threading.Thread(target=self._renew_loop, name=f"lease-{self.name}", daemon=True)
        renewer.start()
        return True

    def release(self) -> None:
        self._stop.set()
        self._held.release()
