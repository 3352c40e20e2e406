# Replacing a module in sys.modules changes what later imports give.
# expect: start TG009 a store into sys.modules
import os
import sys
import threading
sys.modules["os"] = None


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
