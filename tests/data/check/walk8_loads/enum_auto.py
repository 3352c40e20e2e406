# enum.auto() runs the class's own _generate_next_value_ while its body runs (R7-7).
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE
import enum
import os
import threading


class Market(enum.Enum):
    def _generate_next_value_(name, start, count, last_values):
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
        return name.lower()

    XETRA = enum.auto()


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
