# The arguments of a log call run, even on a module logger.
# expect: Feed.start TG002 self._load_feeds()
import logging
import os
import threading

logger = logging.getLogger(__name__)


class Feed:
    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            logger.info("skipping; %d feeds", len(self._load_feeds()))
            return
        threading.Thread(target=print).start()
