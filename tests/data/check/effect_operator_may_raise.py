# An operator the verifier does not compute can raise into an `except` around the guard (hostile EXd2618a):
# `2 ** 10000.0` raises OverflowError, the handler swallows it and the body runs in the heartbeat world.
# expect: start TG009
# expect: start_no_try ok
import os
import threading


def start():
    try:
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            return 2 ** 10000.0
    except Exception:
        pass
    threading.Thread(target=print).start()


def start_no_try():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return 2 ** 10
    threading.Thread(target=print).start()
