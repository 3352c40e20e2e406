import logging
import os
import threading
import time

logger = logging.getLogger(__name__)


def start_falls_off(flag=False):
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug(
            "Skipping legacy start_falls_off (heartbeat scheduler mode active)"
        )
        return
    threading.Thread(target=print).start()
    if flag:
        return "started"


def start_bare_return(flag=False):
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug(
            "Skipping legacy start_bare_return (heartbeat scheduler mode active)"
        )
        return
    threading.Thread(target=print).start()
    if flag:
        return
    return 3


def start_returns_none(flag=False):
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug(
            "Skipping legacy start_returns_none (heartbeat scheduler mode active)"
        )
        return
    threading.Thread(target=print).start()
    if flag:
        return None
    return 3


def start_loop_without_return():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug(
            "Skipping legacy start_loop_without_return (heartbeat scheduler mode "
            "active)"
        )
        return
    while True:
        threading.Thread(target=print).start()
        time.sleep(60)


def start_loop_with_break(queue=()):
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug(
            "Skipping legacy start_loop_with_break (heartbeat scheduler mode active)"
        )
        return
    while True:
        threading.Thread(target=print).start()
        if not queue:
            break
        return queue[0]


def start_handler_falls_off():
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug(
            "Skipping legacy start_handler_falls_off (heartbeat scheduler mode active)"
        )
        return
    try:
        threading.Thread(target=print).start()
        return 1
    except RuntimeError:
        logger.exception("could not start")


def start_for_else(items=()):
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug("Skipping legacy start_for_else (heartbeat scheduler mode active)")
        return
    for item in items:
        threading.Thread(target=print).start()
        return item
# case: targets=start_*
