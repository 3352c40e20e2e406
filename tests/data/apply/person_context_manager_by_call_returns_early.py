import contextlib
import os
import threading


def _running():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
    yield


running = contextlib.contextmanager(_running)
# case: targets=_running; person=TG005
