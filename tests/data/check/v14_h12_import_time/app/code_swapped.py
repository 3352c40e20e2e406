# H10: a descriptor's __set__ called directly replaces the entry point's code after the guard was read.
# expect: start TG009 patches
import os
import threading
import types


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()


def _replacement():
    threading.Thread(target=print).start()


types.FunctionType.__code__.__set__(start, _replacement.__code__)
