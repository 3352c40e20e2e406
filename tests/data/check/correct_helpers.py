# Helpers with several statements and with parameters, evaluated with the call's arguments;
# project functions proven pure may be called before the guard (a log helper here).
# expect: Feed.start ok
# expect: Feed.start_params ok
# expect: Feed.start_wrong_argument TG003
# expect: Feed.start_recursive TG009 recursive
import logging
import os
import threading

logger = logging.getLogger(__name__)


def scheduler_mode(variable="THOR_SCHEDULER_MODE"):
    value = os.environ.get(variable)
    if value is None:
        return "heartbeat"
    return value.lower()


def is_heartbeat(default):
    mode = os.getenv("THOR_SCHEDULER_MODE", default)
    return mode.lower() == "heartbeat"


def loops(n):
    return loops(n)


NAMES = {"eu": "Europe", "us": "United States"}


class Feed:
    def _name(self, market):
        # a known dict constant: .get is the dict's (self.names.get(...) may be any object's get, e.g. an HTTP client)
        return NAMES.get(market, "").strip().upper()

    def start(self, market=None):
        logger.info("starting %s", self._name(market))
        if scheduler_mode() == "heartbeat":
            return
        threading.Thread(target=print).start()

    def start_params(self):
        if is_heartbeat("heartbeat"):
            return
        threading.Thread(target=print).start()

    def start_wrong_argument(self):
        if is_heartbeat("legacy"):
            return
        threading.Thread(target=print).start()

    def start_recursive(self):
        if loops(1) and os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
        threading.Thread(target=print).start()
