import logging
import os
import threading

logger = logging.getLogger(__name__)
PINNED_MODE = "heartbeat"


def pin_item():
    os.environ["THOR_SCHEDULER_MODE"] = PINNED_MODE
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def pin_update():
    os.environ.update({"THOR_SCHEDULER_MODE": PINNED_MODE})
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def unpin():
    os.environ.pop("THOR_SCHEDULER_MODE", None)
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def unset():
    os.unsetenv("THOR_SCHEDULER_MODE")
    del os.environ["THOR_SCHEDULER_MODE"]
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def default_then_rewrite():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "heartbeat")
    if os.environ.get("THOR_SCHEDULER_MODE", "legacy").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
# case: targets=pin_item,pin_update,unpin,unset,default_then_rewrite; person=TG002,TG003
