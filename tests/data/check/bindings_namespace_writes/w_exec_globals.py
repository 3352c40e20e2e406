# exec(code, globals()) too.
# expect: start TG009 a call to exec() without a fresh namespace
import os
import sys
import threading
exec("os = None", globals())


def start():
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        return
    threading.Thread(target=print).start()
