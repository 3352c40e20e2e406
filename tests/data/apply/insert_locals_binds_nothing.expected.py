import logging
import os
import threading

logger = logging.getLogger(__name__)


def work(**kwargs):
    print(sorted(kwargs))


def start(a, b=1):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.debug("Skipping legacy start (heartbeat scheduler mode active)")
        return
    threading.Thread(target=work, kwargs=dict(locals())).start()
# case: targets=start
