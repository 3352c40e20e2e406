# expect: start TG009 star import
import os
import threading

from .shadow import *  # noqa: F403


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", HEARTBEAT).lower() == HEARTBEAT:
        return
    threading.Thread(target=print).start()
