# The guard's skip log reads a module attribute the import system sets before the module's code runs (review AR3-22):
# `__file__` was taken for an undefined name (only names the builtins module also has were found), so the guard
# "crashed" in heartbeat mode and check said TG006. A plain module has no `__path__`: that read is a NameError.
# expect: start_file ok
# expect: start_cached ok
# expect: start_builtins ok
# expect: start_spec ok
# expect: start_fstring ok
# expect: start_path TG006
import logging
import os
import threading

logger = logging.getLogger(__name__)


def start_file():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("skip %s", __file__)
        return
    threading.Thread(target=print).start()


def start_cached():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.debug("skip %s", __cached__)
        return
    threading.Thread(target=print).start()


def start_builtins():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.debug("skip %s", type(__builtins__))
        return
    threading.Thread(target=print).start()


def start_spec():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("skip %s %s %s %s", __spec__, __package__, __loader__, __name__)
        return
    threading.Thread(target=print).start()


def start_fstring():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info(f"skip {__file__}")
        return
    threading.Thread(target=print).start()


def start_path():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("skip %s", __path__)
        return
    threading.Thread(target=print).start()
