# os.__dict__ written through: the os module's names change.
# expect: start TG009 a write through __dict__
import os
import sys
import threading
os.__dict__["environ"] = {}


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
