import builtins
import logging
import os
import threading

logger = logging.getLogger(__name__)


def work(**kwargs):
    return kwargs


def start_builtins(a, b=1):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.debug("Skipping legacy start_builtins (heartbeat scheduler mode active)")
        return
    threading.Thread(target=work, kwargs=dict(builtins.locals())).start()


def start_getattr(a, b=1):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.debug("Skipping legacy start_getattr (heartbeat scheduler mode active)")
        return
    threading.Thread(target=work, kwargs=dict(getattr(builtins, "locals")())).start()


def start_alias(a, b=1):
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.debug("Skipping legacy start_alias (heartbeat scheduler mode active)")
        return
    snapshot = locals
    threading.Thread(target=work, kwargs=dict(snapshot())).start()


def start_vars_of_object(a, b=1):
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        logger.debug(
            "Skipping legacy start_vars_of_object (heartbeat scheduler mode active)"
        )
        return
    threading.Thread(target=work, kwargs=dict(vars(a))).start()
# case: targets=start_*
