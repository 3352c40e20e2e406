# R9-8: `from pkg import *` where pkg's __all__ lists a name pkg does not bind asks pkg's PEP 562 __getattr__ for it.
# expect: start TG009 cannot be proven
import os
import threading

from w12_lazy import *  # noqa: F403


def start():
    mode = os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower()
    if mode == "heartbeat":
        return
    threading.Thread(target=print).start()
