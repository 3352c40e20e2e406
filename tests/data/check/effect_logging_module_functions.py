# `logging.info(...)` and the other module functions are not logger methods: each first runs basicConfig() when the
# root logger has no handler, installing a StreamHandler for the life of the process (hostile R4-5, LG1). They are
# effects; a call on a logger from logging.getLogger(...) stays pure.
# expect: start_module_function TG002 logging.info("heartbeat owns the feeds; not starting")
# expect: start_module_debug TG002 logging.debug
# expect: start_module_log TG002 logging.log
# expect: start_logger ok
import logging
import os
import threading

logger = logging.getLogger(__name__)


def start_module_function():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        logging.info("heartbeat owns the feeds; not starting")
        return
    threading.Thread(target=print).start()


def start_module_debug():
    logging.debug("starting")
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_module_log():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logging.log(logging.INFO, "heartbeat owns the feeds")
        return
    threading.Thread(target=print).start()


def start_logger():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("heartbeat owns the feeds")
        return
    threading.Thread(target=print).start()
