# A dotted constructor (`markets.Market()`), a factory in another module, and a base class in another module that
# stores the object (review 9, R9-1, LA10): formatting the attribute runs Market.__str__.
# expect: Dotted.start TG002 runs inside the guard
# expect: OtherFactory.start TG002 runs inside the guard
# expect: OtherBase.start TG002 runs inside the guard
# expect: PlainCode.start ok
import logging
import os
import threading

from app import markets
from app.base import Service

logger = logging.getLogger(__name__)


def _owns():
    return os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat"


class Dotted:
    def __init__(self):
        self.market = markets.Market()

    def start(self):
        if _owns():
            logger.debug(f"feed for {self.market}")
            return
        threading.Thread(target=print).start()


class OtherFactory:
    def __init__(self):
        self.market = markets.default_market()

    def start(self):
        if _owns():
            logger.debug(f"feed for {self.market}")
            return
        threading.Thread(target=print).start()


class OtherBase(Service):
    def start(self):
        if _owns():
            logger.debug(f"feed for {self.market}")
            return
        threading.Thread(target=print).start()


class PlainCode(Service):
    def start(self):
        if _owns():
            logger.warning(f"feed for {self.code}")
            return
        threading.Thread(target=print).start()
