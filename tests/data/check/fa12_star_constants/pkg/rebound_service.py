# expect: start TG009
import os
import threading

from .constants import *  # noqa: F403

HEARTBEAT = "legacy"


def start():
    if os.environ.get(ENV_VAR, HEARTBEAT).lower() == HEARTBEAT:
        return
    threading.Thread(target=print).start()
