# Reading the lists (iteration, len, truth, membership, indexing) configures nothing: a known logger.
# expect: start ok
import logging
import os
import threading

logger = logging.getLogger(__name__)


class _Relay:
    level = 0

    def handle(self, record):
        threading.Thread(target=print).start()


def _relay(record):
    threading.Thread(target=print).start()
    return True


for _h in logger.handlers:
    print(_h)
COUNT = len(logger.filters)
if not logger.handlers:
    pass
HAS = _relay in logger.filters
FIRST = logger.handlers[0] if logger.handlers else None


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.warning("skip")
        return
    threading.Thread(target=print).start()
