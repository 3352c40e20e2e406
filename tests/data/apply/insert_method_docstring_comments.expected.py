"""A supervisor that starts a thread per market."""
import logging
import os
import threading

logger = logging.getLogger(__name__)


class MarketSupervisor:
    def start(self):
        """Start the worker thread."""
        scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if scheduler_mode == "heartbeat":
            logger.debug(
                "Skipping legacy MarketSupervisor.start (heartbeat scheduler mode "
                "active)"
            )
            return
        # Comments before the first statement stay with it.
        self._thread = threading.Thread(target=self.run, daemon=True)  # trailing comment
        self._thread.start()
        # A comment at the end of the body stays at the end.

    def run(self):
        pass
# case: targets=MarketSupervisor.start
