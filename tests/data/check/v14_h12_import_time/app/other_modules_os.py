# H1: tempfile._os is the os module: the write is os.environ's, whatever the route.
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE
import os
import tempfile
import threading

tempfile._os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
