# Dynamic imports of known, harmless modules keep the proof.
# expect: start ok
import importlib
import os
import threading

importlib.import_module("harmless")
for _name in ("harmless",):
    __import__(_name)


def _run():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=_run).start()
