# expect: start ok
# expect: start_unguarded TG001
import os
import threading


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_unguarded():
    threading.Thread(target=print).start()
