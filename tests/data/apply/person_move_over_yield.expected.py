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
    threading.Thread(target=print).start()
    yield "session"
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("no legacy teardown under the heartbeat")
        return
    threading.Thread(target=print).start()


@contextlib.asynccontextmanager
async def start_async():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start_async (heartbeat scheduler mode active)")
        yield
        return
    threading.Thread(target=print).start()
    yield "session"
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("no legacy teardown under the heartbeat")
        return
    threading.Thread(target=print).start()


def start_generator():
    threading.Thread(target=print).start()
    yield 1
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    yield 2
# case: targets=start,start_async,start_generator; person=TG002
