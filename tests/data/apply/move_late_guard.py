import logging
import os
import threading

logger = logging.getLogger(__name__)


class VWAPMinuteCaptureService:
    def _load_symbols(self):
        self.symbols = []

    def start(self):
        """Start capturing."""
        if self.disabled:
            return
        self._load_symbols()
        # The guard was added later, in the wrong place.
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            logger.info("Skipping %s (heartbeat mode)", type(self).__name__.lower())
            return
        threading.Thread(target=print).start()
# case: targets=*.start
