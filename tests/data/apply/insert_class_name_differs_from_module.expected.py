"""Module Week52Supervisor whose class is named differently."""
import logging
import os
import threading

logger = logging.getLogger(__name__)


class _Week52ExtremesMonitor:
    def start(self):
        scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if scheduler_mode == "heartbeat":
            logger.debug(
                "Skipping legacy _Week52ExtremesMonitor.start (heartbeat scheduler "
                "mode active)"
            )
            return
        self._thread = threading.Thread(target=self.scan, daemon=True)
        self._thread.start()

    def scan(self):
        pass
# case: targets=*.start
