# Precision: functions and methods import-time code never names or runs are not import-time code.
# expect: start ok
import os
import threading

def configure():
    os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


class _Service:
    def __init__(self):
        self.started = False

    def enable(self):
        os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")


_service = _Service()
REGISTRY = {}


def _register(func):
    REGISTRY[func.__name__] = func
    return func


@_register
def handler():
    configure()


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
