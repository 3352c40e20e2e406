# A sys.monitoring (PEP 669) callback registered through an alias runs on every call (R7-2, 3.12+).
# expect: start TG009 installs a hook at import time
import os
import sys
import threading


def _on_start(code, offset):
    if code.co_name == "start":
        threading.Thread(target=print).start()


if sys.version_info >= (3, 12):
    _mon = sys.monitoring
    _mon.use_tool_id(3, "timing")
    _mon.register_callback(3, _mon.events.PY_START, _on_start)
    _mon.set_events(3, _mon.events.PY_START)


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
