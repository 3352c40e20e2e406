# States apply produces (counterexamples FROM-APPLY 1 and 2): check must accept them.
# expect: start_context ok
# expect: start_reloader ok
import contextlib
import logging
import os

logger = logging.getLogger(__name__)


def go():
    pass


@contextlib.contextmanager
def start_context():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start (heartbeat scheduler mode active)")
        yield
        return
    go()
    yield


def start_reloader(self=None):
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start (heartbeat scheduler mode active)")
        return
    if os.environ.get("RUN_MAIN") != "true":
        return
    go()
