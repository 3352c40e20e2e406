# Hostile review 16: a classmethod over a property runs the getter on a plain class read (Python 3.9-3.12).
# expect: start TG002 a classmethod over '@property'
# expect: start_ok ok
import os
import threading


class Flags:
    plain = 3

    @classmethod
    @property
    def enabled(cls):
        threading.Thread(target=print).start()
        return False


def start():
    n = Flags.enabled
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(n,)).start()


def start_ok():
    n = Flags.plain
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print, args=(n,)).start()
