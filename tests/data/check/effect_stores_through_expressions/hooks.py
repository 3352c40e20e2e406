# Hostile PF/GCP: a profile hook runs code on every call; gc/ctypes reflection changes built-in types.
# expect: start TG009 setprofile
import os
import sys
import threading


def _prof(frame, event, arg):
    if event == "call":
        threading.Thread(target=print).start()


sys.setprofile(_prof)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
