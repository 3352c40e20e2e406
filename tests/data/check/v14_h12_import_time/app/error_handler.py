# H5: a codec error handler registered at import time runs on a str.encode the verifier takes for pure.
# expect: start TG009 installs a hook
import codecs
import os
import threading


def _hook(exc):
    threading.Thread(target=print).start()
    return ("?", exc.end)


codecs.register_error("namereplace", _hook)


def start():
    "\u00e9".encode("ascii", "namereplace")
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
