import logging
import os
import threading

logger = logging.getLogger(__name__)


def start_parenthesised():
    # TODO(ops): remove once every host sets the variable
    # set by the systemd unit
    # see RUNBOOK-42
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":  # heartbeat owns this job
        logger.info("skip")
        return
    threading.Thread(target=print).start()


def start_feeder_with_comment():
    mode = os.environ.get(
        "THOR_SCHEDULER_MODE",  # set by the systemd unit, see RUNBOOK-42
        "legacy",
    )
    scheduler_mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if scheduler_mode == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_locals():
    # the unit sets it
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
    return sorted(locals())
# case: targets=start_parenthesised,start_feeder_with_comment,start_locals
