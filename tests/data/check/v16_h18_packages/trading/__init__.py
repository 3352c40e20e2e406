# Hostile review 18, H1: importing the submodule trading.logger (an app's ready() does) sets the package
# attribute 'logger', replacing the package's Logger: the guard's log call would run trading/logger.py's debug().
# expect: start_feeds TG009 the submodule trading.logger
import logging
import os
import threading

logger = logging.getLogger(__name__)


def start_feeds():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.debug("Skipping legacy start_feeds (heartbeat scheduler mode active)")
        return
    threading.Thread(target=print).start()
