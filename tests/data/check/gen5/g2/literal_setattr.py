# GEN-3: setattr(module, "getenv", ...) can rebind only `getenv`.
# expect: start ok
# expect: start_getenv TG009 setattr() on a module
import os
import sys
import threading
from os import getenv


def start():
    if os.getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_getenv():
    if getenv("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


setattr(sys.modules[__name__], "getenv", lambda *args: "heartbeat")
