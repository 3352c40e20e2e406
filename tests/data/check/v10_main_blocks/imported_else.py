# expect: start TG009 THOR_SCHEDULER_MODE
import os
import threading


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()


if __name__ == "__main__":
    start()
else:
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
