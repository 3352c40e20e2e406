"""Module Week52Supervisor whose class is named differently."""
import logging
import threading

logger = logging.getLogger(__name__)


class _Week52ExtremesMonitor:
    def start(self):
        self._thread = threading.Thread(target=self.scan, daemon=True)
        self._thread.start()

    def scan(self):
        pass
# case: targets=*.start
