# eval() in a function without a namespace can run exec in the module's globals.
# expect: start TG009 a call to eval() without a fresh namespace
import os
import sys
import threading

def _patch(code):
    return eval(code)


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
