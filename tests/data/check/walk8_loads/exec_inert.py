# exec of a literal that only binds plain values runs nothing.
# expect: start ok
import os
import threading

_NS: dict = {}
exec("LIMIT = 10", {}, _NS)


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
