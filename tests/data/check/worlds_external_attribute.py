# Hostile VH-8: an attribute of a module the verifier does not resolve (django.conf.settings.FLAG here
# sys.flags.optimize) may be false; the guard nested under it, or and-ed with it, does not always run.
# expect: start_nested TG009
# expect: start_and TG009 mixes THOR_SCHEDULER_MODE with values the verifier cannot know
# expect: start_guard_first ok
import logging
import os
import sys
import threading

logger = logging.getLogger(__name__)


def start_nested():
    if sys.flags.optimize:
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return
    threading.Thread(target=print).start()


def start_and():
    if sys.flags.optimize and os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_guard_first():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    if sys.flags.optimize:
        logger.info("optimised run")
    threading.Thread(target=print).start()
