# `from os import getenv` and a `def getenv` later in the module.
# expect: start TG009 'getenv' is bound at line 4 ('from os import getenv') and rebound at line 13
import threading
from os import getenv


def start():
    if getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def getenv(name, default=None):
    return "heartbeat"
