import logging
import os

logger = logging.getLogger(__name__)
ENV = os.environ


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("skip")
        return
    home = os.environ.get("HOME", "")
    known = "THOR_SCHEDULER_MODE" in ENV
    snapshot = dict(os.environ)
    print(home, known, len(snapshot), ENV["PATH"] if "PATH" in os.environ else "")
    print("body")
# case: targets=start
