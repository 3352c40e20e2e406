# H1: unpickling calls any importable function: here os.environ.setdefault.
# expect: start TG009 code the walk cannot read
import os
import pickle
import threading

pickle.loads(b"\x80\x04\x8c\x02os\x8c\x12environ.setdefault\x93\x8c\x13THOR_SCHEDULER_MODE\x8c\x06legacy\x86R.")


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
