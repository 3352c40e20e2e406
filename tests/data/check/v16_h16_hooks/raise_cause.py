# Hostile review 16: `raise E from Cause` calls Cause() to make the cause.
# expect: start TG002 'from Cause' constructs a project exception
# expect: start_ok ok
import os
import threading


class Cause(Exception):
    def __init__(self):
        threading.Thread(target=print).start()
        super().__init__()


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        raise RuntimeError("heartbeat owns the work") from Cause
    threading.Thread(target=print).start()


def start_ok():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        raise RuntimeError("heartbeat owns the work") from None
    threading.Thread(target=print).start()
