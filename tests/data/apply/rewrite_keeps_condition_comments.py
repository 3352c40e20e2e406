import logging
import os
import threading

logger = logging.getLogger(__name__)


def start_parenthesised():
    if (
        # TODO(ops): remove once every host sets the variable
        os.environ.get("THOR_SCHEDULER_MODE", "heartbeat")  # set by the systemd unit
        == "heartbeat"  # see RUNBOOK-42
    ):  # heartbeat owns this job
        logger.info("skip")
        return
    threading.Thread(target=print).start()


def start_feeder_with_comment():
    mode = os.environ.get(
        "THOR_SCHEDULER_MODE",  # set by the systemd unit, see RUNBOOK-42
        "legacy",
    )
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_locals():
    if (os.environ.get("THOR_SCHEDULER_MODE")  # the unit sets it
            == "heartbeat"):
        return
    threading.Thread(target=print).start()
    return sorted(locals())
# case: targets=start_parenthesised,start_feeder_with_comment,start_locals
