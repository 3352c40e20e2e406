# Hostile review 14: a module object or a reflective built-in under a name the census did not follow.
# expect: start TG009 _g = globals
import os
import threading


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


class _FakeOs:
    environ = {"THOR_SCHEDULER_MODE": "legacy"}


_g = globals
_g()["os"] = _FakeOs
