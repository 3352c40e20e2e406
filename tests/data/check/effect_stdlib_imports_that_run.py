# Review 4, IT1: importing a standard-library module whose import does something visible is an effect.
# expect: start TG002 import this
# expect: start_main TG002 from json import __main__
# expect: start_ok ok
import os
import threading


def start():
    import this  # noqa: F401
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_main():
    from json import __main__  # noqa: F401
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def start_ok():
    import json  # noqa: F401
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
