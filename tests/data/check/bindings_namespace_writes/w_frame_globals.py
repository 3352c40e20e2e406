# A frame's f_globals written through.
# expect: start TG009 a write through f_globals
import os
import sys
import threading

def _patch():
    sys._getframe(0).f_globals["os"] = None


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
