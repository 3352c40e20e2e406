# Market("x") runs the enum's _missing_ (R7-7).
# expect: start TG009 writes the environment variable THOR_SCHEDULER_MODE
import enum
import os
import threading


class Market(enum.Enum):
    XETRA = "xetra"

    @classmethod
    def _missing_(cls, value):
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
        return cls.XETRA


DEFAULT_MARKET = Market("default")


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
