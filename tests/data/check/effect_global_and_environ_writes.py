# A `global` write is module state, and setdefault/update write the environment.
# expect: start_global TG002 _STARTS = 1
# expect: start_setdefault TG002 os.environ.setdefault
# expect: start_update TG002 os.environ.update
import os
import threading

_STARTS = 0


def start_global():
    global _STARTS
    _STARTS = 1
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_setdefault():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_update():
    os.environ.update({"THOR_SCHEDULER_MODE": "legacy"})
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
