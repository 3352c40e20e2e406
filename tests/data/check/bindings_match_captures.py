# Names bound by `match` patterns are locals of the function (libcst's scope analysis does not record them): a guard
# that reads `os` or the logger before a `case (os, *rest):` / `case {**logger}:` raises UnboundLocalError in every
# world (the apply review's RA-1, on the check side). A capture after the guard's own match is fine.
# expect: start TG001 'os' may be unbound
# expect: start_mapping TG009 'logger' may be unbound
# expect: start_guard_in_match ok
import logging
import os

logger = logging.getLogger(__name__)


def start(cmd=("run",)):
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    match cmd:
        case (os, *rest):
            print(os, rest)


def start_mapping(event=None):
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        logger.debug("skipped")
        return
    match event:
        case {"kind": "tick", **logger}:
            print(logger)


class Feed:
    mode = "x"


def start_guard_in_match(feed=None):
    match os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower():
        case "heartbeat":
            return
        case other:
            print(other)
    print("body")
