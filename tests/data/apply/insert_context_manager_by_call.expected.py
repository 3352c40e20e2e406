import contextlib
import logging
import os
import threading

logger = logging.getLogger(__name__)


def _session():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy _session (heartbeat scheduler mode active)")
        yield
        return
    thread = threading.Thread(target=print)
    thread.start()
    yield thread
    thread.join()


session = contextlib.contextmanager(_session)
# case: targets=_session
