# A class body runs at once; a canonical guard after it is too late.
# expect: start TG002 threading.Thread(target=poll)
import os
import threading


def poll():
    pass


def start():
    class _Probe:
        handle = threading.Thread(target=poll).start()

    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=poll).start()
