# Hostile review 16: library calls taken as pure that raise for the arguments given: the legacy body never runs.
# expect: start_extra TG006 extra= may not overwrite the record attribute 'message'
# expect: start_nullcontext TG006 too many positional arguments
# expect: start_get_logger TG006 too many positional arguments
# expect: start_keyword TG006 unexpected keyword argument 'bogus'
# expect: start_level TG006 level must be an integer
import contextlib
import logging
import os
import threading

logger = logging.getLogger(__name__)


def start_extra():
    logger.warning("feed start requested", extra={"message": "start"})
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_nullcontext():
    with contextlib.nullcontext(1, 2):
        pass
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_get_logger():
    named = logging.getLogger(__name__, 1)
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(named,)).start()


def start_keyword():
    logger.warning("x", bogus=1)
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_level():
    logger.log("WARNING", "x")
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
