import functools
import logging
import os
import threading

logger = logging.getLogger(__name__)


def traced(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


class Outer:
    class Inner:
        @traced
        def start(self):
            scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
            if scheduler_mode == "heartbeat":
                logger.debug(
                    "Skipping legacy Outer.Inner.start (heartbeat scheduler mode "
                    "active)"
                )
                return
            def worker():
                print("work")
            threading.Thread(target=worker).start()

    @staticmethod
    def start():
        scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if scheduler_mode == "heartbeat":
            logger.debug(
                "Skipping legacy Outer.start (heartbeat scheduler mode active)"
            )
            return
        threading.Thread(target=print).start()

    @classmethod
    @traced
    def start_all(cls):
        scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if scheduler_mode == "heartbeat":
            logger.debug(
                "Skipping legacy Outer.start_all (heartbeat scheduler mode active)"
            )
            return
        threading.Thread(target=print).start()
# case: targets=*.start,*.start_all; transparent=cases.insert_nested_and_decorated.traced
