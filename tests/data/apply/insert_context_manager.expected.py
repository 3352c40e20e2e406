import contextlib
import logging
import os
import threading

logger = logging.getLogger(__name__)


@contextlib.contextmanager
def start():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start (heartbeat scheduler mode active)")
        yield
        return
    worker = threading.Thread(target=print)
    worker.start()
    try:
        yield worker
    finally:
        worker.join()


@contextlib.asynccontextmanager
async def start_async():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start_async (heartbeat scheduler mode active)")
        yield
        return
    worker = threading.Thread(target=print)
    worker.start()
    yield worker
# case: targets=start*
