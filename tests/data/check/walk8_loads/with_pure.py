# The same statement with dunders that write nothing: nothing to report.
# expect: start ok
import os
import threading


class _Quiet:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


with _Quiet():
    pass


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
