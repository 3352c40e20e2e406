# A per-instance logger (review 9, FA9-9): when every store of self.<name> in the class hierarchy is
# logging.getLogger(<plain arguments>), the attribute is a known logger, as a class-body logger is. Any other store
# (a project object with an `info` method) keeps the log call an effect.
# expect: Feed.start ok
# expect: Inherited.start ok
# expect: Replaced.start TG002 self.logger.info
import logging
import os
import threading


class _Recorder:
    def info(self, *args):
        threading.Thread(target=print).start()


class Feed:
    def __init__(self):
        self.logger = logging.getLogger(f"feeds.{type(self).__name__}")

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            self.logger.info("the heartbeat owns periodic work")
            return
        threading.Thread(target=print).start()


class Service:
    def __init__(self):
        self.log = logging.getLogger("feeds.service")


class Inherited(Service):
    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            self.log.info("the heartbeat owns periodic work")
            return
        threading.Thread(target=print).start()


class Replaced:
    def __init__(self):
        self.logger = logging.getLogger("feeds")
        self.logger = _Recorder()

    def start(self):
        mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
        if mode == "heartbeat":
            self.logger.info("the heartbeat owns periodic work")
            return
        threading.Thread(target=print).start()
