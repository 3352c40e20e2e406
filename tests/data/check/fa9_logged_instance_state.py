# A log argument that is instance state holding a project object whose __str__ runs project code (a Django model's
# __str__ following a foreign key) is formatted when a handler emits the record (A8-2, review 8: A42): an effect.
# A stored object whose class has no formatting dunder, an attribute of it, or a value of unknown origin (a
# parameter: assumption 4) are not.
# expect: Feed.start TG002 runs inside the guard
# expect: Inherited.start TG002 runs inside the guard
# expect: Plain.start ok
# expect: Attribute.start ok
# expect: Passed.start ok
import logging
import os
import threading

logger = logging.getLogger(__name__)


class Market:
    def __init__(self, code):
        self.code = code

    def __str__(self):
        threading.Thread(target=print).start()
        return self.code


class Child(Market):
    pass


class Venue:
    def __init__(self, code):
        self.code = code


def _owns():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


class Feed:
    def __init__(self):
        self.market = Market("xetra")

    def start(self):
        if _owns():
            logger.info("feed for %s: the heartbeat owns periodic work", self.market)
            return
        threading.Thread(target=print).start()


class Inherited:
    def __init__(self):
        self.market = Child("xetra")

    def start(self):
        if _owns():
            logger.info("feed for %s", self.market)
            return
        threading.Thread(target=print).start()


class Plain:
    def __init__(self):
        self.venue = Venue("xetra")

    def start(self):
        if _owns():
            logger.info("feed for %s", self.venue)
            return
        threading.Thread(target=print).start()


class Attribute:
    def __init__(self):
        self.market = Market("xetra")

    def start(self):
        if _owns():
            logger.info("feed for %s", self.market.code)
            return
        threading.Thread(target=print).start()


class Passed:
    def __init__(self, market):
        self.market = market

    def start(self):
        if _owns():
            logger.info("feed for %s", self.market)
            return
        threading.Thread(target=print).start()
