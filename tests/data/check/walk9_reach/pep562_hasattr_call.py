# R9-8: hasattr(pkg, "x") before the guard runs pkg's PEP 562 __getattr__, which starts the worker.
# expect: start TG002 runs before the guard
import os
import threading

import w12_lazy_hook


def start():
    if hasattr(w12_lazy_hook, "ready"):
        pass
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
