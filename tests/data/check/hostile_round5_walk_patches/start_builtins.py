# A module imported with this one replaces a builtin the function calls before its guard (hostile R5-7).
# expect: start TG009 replaces a built-in at import time
import os
import threading

import shim_builtins  # noqa: F401


def start():
    hosts = len(os.environ.get("HOSTS", ""))
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print, args=(hosts,)).start()
