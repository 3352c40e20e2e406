"""A supervisor that starts a thread per market."""
import logging
import threading

logger = logging.getLogger(__name__)


class MarketSupervisor:
    def start(self):
        """Start the worker thread."""
        # Comments before the first statement stay with it.
        self._thread = threading.Thread(target=self.run, daemon=True)  # trailing comment
        self._thread.start()
        # A comment at the end of the body stays at the end.

    def run(self):
        pass
# case: targets=MarketSupervisor.start
