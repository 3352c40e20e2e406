# expect: start TG009 star import
import os
import threading

from .lazy import *  # noqa: F403


def start():
    if os.environ.get(ENV_VAR, HEARTBEAT).lower() == HEARTBEAT:
        return
    threading.Thread(target=print).start()
