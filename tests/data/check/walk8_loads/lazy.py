# A LazyLoader module runs its file on the first attribute read, inside start (R7-9).
# expect: start TG009 installs a hook at import time
import importlib.util
import os
import threading


def _lazy(name):
    spec = importlib.util.find_spec(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


tasks = _lazy("lazy_tasks")


def start():
    limit = tasks.LIMIT
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
